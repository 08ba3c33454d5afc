//! The panel: the five indicators and their peer statistics computed in
//! polars over every municipality at once equal, to the cent, what each
//! municipality's exact evaluation and the batch summary give; what is not
//! measurable there is null here, never zero.
//!
//! The municipalities are the example's statements drawn apart line by line
//! (and some with a gap each rule must notice). `KIVIJALKA_PANEL_CSV=FILE`
//! compares a long table instead, e.g. the 300 of `examples/synth --long`.

use std::collections::BTreeMap;

use kivijalka::config::load_index;
use kivijalka::model::dataset::{Dataset, Entity};
use kivijalka::model::indicators::evaluate;
use kivijalka::model::money::cents;
use kivijalka::model::rules;
use kivijalka::model::targets::Targets;
use kivijalka::panel;
use kivijalka::report::batch::{Municipality, Summary};
use rust_decimal::Decimal;

use crate::support::{path_str, run, stderr, tempdir};

/// xorshift64*: the same draws on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A factor from 0.5 to 1.5 in thousandths.
    fn factor(&mut self) -> Decimal {
        Decimal::new(500 + (self.next() % 1001) as i64, 3)
    }
}

/// `n` municipalities from the example: each line scaled by its own draw,
/// the population by one draw per municipality, and every sixth of them
/// with one gap of its own kind; every tenth is its predecessor again, so
/// that ranks tie.
pub(crate) fn municipalities(n: usize) -> Vec<Dataset> {
    let base = kivijalka::ingest::read_path(&crate::support::example()).unwrap();
    let last_tp = *base
        .years
        .iter()
        .filter(|(_, k)| k.to_string() == "TP")
        .map(|(y, _)| y)
        .next_back()
        .unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out: Vec<Dataset> = Vec::new();
    for k in 0..n {
        let mut ds = if k % 10 == 9 {
            out[k - 1].clone()
        } else {
            let mut ds = base.clone();
            let people = Decimal::from(1 + rng.next() % 40) / Decimal::TEN;
            for ((_, id, _), f) in ds.figures.iter_mut() {
                f.value = match *id {
                    "bg.asukasluku" => (f.value * people).round(),
                    "bg.tuloveroprosentti" => f.value,
                    _ => cents(f.value * rng.factor()),
                };
            }
            ds
        };
        ds.municipality = Some(format!("Kunta {k}"));
        ds.municipality_code = Some(format!("{}", 100 + k));
        let years: Vec<i32> = ds.years.keys().copied().collect();
        let y = years[1 + k % (years.len() - 1)];
        match k % 6 {
            1 => ds.figures.retain(|(e, _, _), _| *e == Entity::City),
            2 => {
                ds.figures.retain(|(_, id, yy), _| {
                    !(*id == "rl.toiminnan_ja_investointien_rahavirta" && *yy == y)
                });
            }
            3 => ds
                .figures
                .retain(|(_, id, yy), _| !(*id == "bg.asukasluku" && *yy == y)),
            4 => ds
                .figures
                .retain(|(_, id, yy), _| !(id.starts_with("ta.") && *yy == last_tp)),
            5 => {
                for ((_, id, yy), f) in ds.figures.iter_mut() {
                    if *id == "tl.toimintakate" && *yy == y {
                        f.value = f.value.abs();
                    }
                }
            }
            _ => {}
        }
        out.push(ds);
    }
    out
}

fn compare(sets: &[Dataset]) {
    let targets = Targets::default();
    let index = load_index(&[]).unwrap();
    let mut munis = Vec::new();
    let mut values = Vec::new();
    for ds in sets {
        let ev = evaluate(ds, &targets, &index);
        let population = ds
            .years
            .keys()
            .map(|y| {
                let count = ds.value(Entity::City, "bg.asukasluku", *y);
                (*y, rules::population(*y, count))
            })
            .collect();
        munis.push(Municipality {
            name: ds.name().to_string(),
            code: ds.municipality_code.clone(),
            file: ds.file.clone(),
            report: None,
            p_met: BTreeMap::new(),
            population,
            at: [1, 0, munis.len()],
            statutory: Vec::new(),
            peer_group: None,
        });
        values.push(ev.values);
    }
    let summary = Summary::new(munis, values, Vec::new());
    let refs: Vec<&Dataset> = sets.iter().collect();
    let df = panel::indicators(&refs, &targets, &index).unwrap();
    let rows = panel::indicator_rows(&df).unwrap();
    let class = |m: usize, y: i32| {
        let p = summary.municipalities[m]
            .population
            .get(&y)?
            .as_ref()
            .ok()?;
        panel::SIZE_CLASSES
            .iter()
            .rposition(|(lower, _)| *p >= Decimal::from(*lower))
    };
    // The peers within each class, by the rules the summary ranks by.
    let mut by_class: BTreeMap<usize, Vec<(usize, u8, i32, Decimal)>> = BTreeMap::new();
    for (&(m, i, y), c) in &summary.compared {
        if let (Ok(v), Some(k)) = (c, class(m, y)) {
            by_class.entry(k).or_default().push((m, i, y, *v));
        }
    }
    let by_class: BTreeMap<usize, _> = by_class
        .into_iter()
        .map(|(k, v)| (k, kivijalka::model::peers::compute(&v)))
        .collect();
    let mut checked = 0;
    let (mut measurable, mut not) = (0, 0);
    for r in &rows {
        let want = summary.values[r.municipality]
            .iter()
            .find(|v| v.indicator == r.indicator && v.year == r.year)
            .unwrap_or_else(|| panic!("{r:?} has no exact value"));
        let at = format!(
            "{} {} indicator {}",
            sets[r.municipality].name(),
            r.year,
            r.indicator
        );
        assert_eq!(r.value, want.value.map(cents), "{at}");
        let key = (r.municipality, r.indicator, r.year);
        let compared = summary.compared.get(&key).and_then(|c| c.as_ref().ok());
        assert_eq!(r.peer_value, compared.map(|c| cents(*c)), "{at}: compared");
        assert_eq!(r.rank, summary.ranks.get(&key).copied(), "{at}: rank");
        let stat = summary
            .stats
            .iter()
            .find(|s| s.indicator == r.indicator && s.year == r.year)
            .map(|s| [s.q1, s.median, s.q3]);
        assert_eq!(r.quartiles, stat, "{at}: quartiles");
        let k = class(r.municipality, r.year);
        assert_eq!(r.class, k, "{at}: size class");
        let peers = k.and_then(|k| by_class.get(&k));
        let rank = peers.and_then(|(_, ranks)| ranks.get(&key).copied());
        assert_eq!(r.class_rank, rank, "{at}: rank in its class");
        let q = peers.and_then(|(stats, _)| {
            let s = stats
                .iter()
                .find(|s| s.indicator == r.indicator && s.year == r.year)?;
            Some([s.q1, s.median, s.q3])
        });
        assert_eq!(r.class_quartiles, q, "{at}: class quartiles");
        if r.value.is_some() {
            measurable += 1;
        } else {
            not += 1;
        }
        checked += 1;
    }
    let all: usize = summary.values.iter().map(Vec::len).sum();
    assert_eq!(checked, all, "every exact value has its panel row");
    // The comparison covers both sides of every rule.
    assert!(
        measurable > 0 && not > 0,
        "{measurable} measurable, {not} not"
    );
}

#[test]
fn panel_indicators_and_peers_equal_the_exact_results_to_the_cent() {
    match std::env::var_os("KIVIJALKA_PANEL_CSV") {
        Some(p) => {
            let text = std::fs::read_to_string(&p).unwrap();
            let sets = kivijalka::ingest::long::read_long_csv(&text, "panel.csv").unwrap();
            compare(&sets);
        }
        None => compare(&municipalities(36)),
    }
}

/// The drawn municipalities as one long table.
pub(crate) fn long_csv(path: &std::path::Path, sets: &[Dataset]) {
    let mut s = String::from("municipality;code;entity;year;kind;item;value\n");
    for ds in sets {
        for ((e, id, y), f) in &ds.figures {
            s.push_str(&format!(
                "{};{};{};{y};{};{id};{}\n",
                ds.name(),
                ds.municipality_code.as_deref().unwrap_or(""),
                if *e == Entity::City { "city" } else { "group" },
                ds.kind(*y).unwrap(),
                f.value.normalize().to_string().replace('.', ",")
            ));
        }
    }
    std::fs::write(path, s).unwrap();
}

fn batch(args: &[&str]) {
    let mut all = vec!["batch", "--report", "none"];
    all.extend_from_slice(args);
    let o = run(&all);
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr(&o));
}

/// Three shards merged give the unsharded summary byte for byte, peers
/// taken over all municipalities; a file no shard can read is listed once.
#[test]
fn shards_merged_equal_one_run() {
    let dir = tempdir("shards");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    long_csv(&inputs.join("a.csv"), &municipalities(24));
    std::fs::write(inputs.join("b-broken.xlsx"), "not a workbook").unwrap();
    std::fs::copy(crate::support::example(), inputs.join("c-kivikoski.xlsx")).unwrap();
    let input = path_str(&inputs);
    let whole = dir.join("whole");
    batch(&[input, "--out", path_str(&whole)]);
    let mut shards = Vec::new();
    for i in 1..=3 {
        let out = dir.join(format!("shard{i}"));
        batch(&[input, "--shard", &format!("{i}/3"), "--out", path_str(&out)]);
        shards.push(out);
    }
    // Every shard ran some, and none all, of the 25 municipalities.
    let rows = |d: &std::path::Path| {
        let text = std::fs::read_to_string(d.join("summary.csv")).unwrap();
        text.lines().count() - 1
    };
    for s in &shards {
        let n = rows(s);
        assert!(n > 0 && n < rows(&whole), "{n} rows in {}", s.display());
    }
    let merged = dir.join("merged");
    let mut args = vec!["--merge"];
    args.extend(shards.iter().map(|s| path_str(s)));
    args.extend(["--out", path_str(&merged)]);
    batch(&args);
    for f in ["summary.csv", "summary.xlsx", "failures.csv"] {
        let a = std::fs::read(whole.join(f)).unwrap();
        let b = std::fs::read(merged.join(f)).unwrap();
        assert!(a == b, "{f} differs after the merge");
    }
    let failures = std::fs::read_to_string(merged.join("failures.csv")).unwrap();
    assert_eq!(failures.lines().count(), 2, "{failures}");
    assert!(failures.contains("b-broken.xlsx"), "{failures}");

    // A shard given twice counted its municipalities twice, exit 0.
    let twice = dir.join("twice");
    let (one, two) = (path_str(&shards[0]), path_str(&shards[1]));
    let o = crate::support::run_en(&["batch", "--merge", one, two, one, "--out", path_str(&twice)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("each municipality belongs to one shard"),
        "{}",
        stderr(&o)
    );
    assert!(!twice.join("summary.csv").exists());
}

/// `--panel`: every figure read and every indicator row, the indicator
/// values equal to the summary's to the cent.
#[test]
fn panel_csv_holds_inputs_and_the_summarys_values() {
    let dir = tempdir("panel-csv");
    let sets = municipalities(8);
    long_csv(&dir.join("a.csv"), &sets);
    let out = dir.join("out");
    let panel = dir.join("panel.csv");
    batch(&[
        path_str(&dir.join("a.csv")),
        "--out",
        path_str(&out),
        "--panel",
        path_str(&panel),
    ]);
    let text = std::fs::read_to_string(&panel).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next().unwrap(), panel::export::NAMES.join(","));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let figures: usize = sets.iter().map(|d| d.figures.len()).sum();
    let indicators: Vec<&Vec<&str>> = rows
        .iter()
        .filter(|r| r[5].starts_with("indicator."))
        .collect();
    // The key ratios' rows are compared in panel_ratios.rs.
    let ratios = rows.iter().filter(|r| r[5].starts_with("ratio.")).count();
    assert_eq!(rows.len() - indicators.len() - ratios, figures);
    let summary = std::fs::read_to_string(out.join("summary.csv")).unwrap();
    let mut checked = 0;
    for s in summary
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect::<Vec<_>>())
        // The statutory rows after the indicators' have no panel rows.
        .filter(|s| !matches!(s[4], "110" | "118"))
    {
        // municipality, code, file, report, indicator, id, year, kind, value
        let line = format!("indicator.{}", s[5]);
        let p = indicators
            .iter()
            .find(|r| r[0] == s[0] && r[2] == s[6] && r[5] == line)
            .unwrap_or_else(|| panic!("no panel row for {s:?}"));
        let want = (!s[8].is_empty()).then(|| cents(s[8].parse::<Decimal>().unwrap()));
        let got = (!p[7].is_empty()).then(|| p[7].parse::<Decimal>().unwrap());
        assert_eq!(got, want, "{s:?}");
        checked += 1;
    }
    assert_eq!(checked, indicators.len());
}

/// The example as a long table under five names with a region column:
/// region A the example itself, its euros doubled and tripled (about 18 000
/// residents each), region B its population times ten with the euros once
/// and ten times (about 180 000 residents). The population size classes
/// then part them as the regions do.
fn regions_table(path: &std::path::Path) {
    let ds = kivijalka::ingest::read_path(&crate::support::example()).unwrap();
    let mut s = String::from("kunta;alue;taho;vuosi;laji;rivi;arvo\n");
    let towns: [(&str, &str, i64, i64); 5] = [
        ("Yksi", "A", 1, 1),
        ("Kaksi", "A", 2, 1),
        ("Kolme", "A", 3, 1),
        ("Neljä", "B", 1, 10),
        ("Viisi", "B", 10, 10),
    ];
    for (name, region, euros, people) in towns {
        for ((e, id, y), f) in &ds.figures {
            let factor = match *id {
                "bg.asukasluku" => people,
                "bg.tuloveroprosentti" => 1,
                _ => euros,
            };
            let taho = if *e == Entity::City {
                "kaupunki"
            } else {
                "konserni"
            };
            let kind = ds.kind(*y).unwrap();
            let v = (f.value * Decimal::from(factor)).normalize();
            let v = v.to_string().replace('.', ",");
            s.push_str(&format!("{name};{region};{taho};{y};{kind};{id};{v}\n"));
        }
    }
    std::fs::write(path, s).unwrap();
}

/// QUARTILE.INC of two or three sorted values, written out: with three the
/// quartiles lie halfway between neighbours, with two a quarter of the way.
fn quartiles_by_hand(v: &[Decimal]) -> [Decimal; 3] {
    let half = Decimal::new(5, 1);
    let quarter = Decimal::new(25, 2);
    let q = match v {
        [a, b] => [
            *a + quarter * (*b - *a),
            (*a + *b) * half,
            *a + (Decimal::ONE - quarter) * (*b - *a),
        ],
        [a, b, c] => [*a + half * (*b - *a), *b, *b + half * (*c - *b)],
        _ => panic!("two or three values"),
    };
    q.map(cents)
}

/// The summary's indicator rows: (municipality, indicator, year) → the
/// fields from `peer_value` on.
fn summary_rows(path: &std::path::Path) -> BTreeMap<(String, String, String), Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let heads: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    let at = |name: &str| heads.iter().position(|h| h == name).unwrap();
    let (peer, last) = (at("peer_value"), at("group_q3"));
    assert_eq!(last, heads.len() - 1, "the group's columns come last");
    let mut out = BTreeMap::new();
    for rec in rdr.records() {
        let rec = rec.unwrap();
        if !["1", "2", "3", "4", "5"].contains(&&rec[4]) {
            continue;
        }
        let key = (rec[0].to_string(), rec[4].to_string(), rec[6].to_string());
        out.insert(key, (peer..=last).map(|i| rec[i].to_string()).collect());
    }
    out
}

/// Ranks and quartiles within each peer group, by the column and by the
/// default size class, as worked out by hand from the compared values:
/// the better first (the higher, but for indicators 3 and 4), equal values
/// sharing a rank, and QUARTILE.INC of the two or three values.
#[test]
fn peer_groups_rank_and_compare_within_the_group() {
    let dir = tempdir("peer-groups");
    let table = dir.join("alueet.csv");
    regions_table(&table);
    let by_region = dir.join("by-region");
    let by_size = dir.join("by-size");
    let t = path_str(&table);
    batch(&[t, "--out", path_str(&by_region), "--peer-group", "alue"]);
    batch(&[t, "--out", path_str(&by_size)]);
    let region = summary_rows(&by_region.join("summary.csv"));
    let size = summary_rows(&by_size.join("summary.csv"));
    let groups = [
        ("A", "5000-19999", ["Yksi", "Kaksi", "Kolme"].as_slice()),
        ("B", "100000-", ["Neljä", "Viisi"].as_slice()),
    ];
    let mut checked = 0;
    for ((name, ind, year), fields) in &region {
        // peer_value, peer_unit, peer_reason, rank, of, q1, median, q3,
        // p_met, then peer_group, group_rank, group_of, group q1-q3.
        let (g, class, members) = groups
            .iter()
            .find(|g| g.2.contains(&name.as_str()))
            .unwrap();
        let sized = &size[&(name.clone(), ind.clone(), year.clone())];
        assert_eq!(fields[9], *g, "{name} {ind} {year}");
        assert_eq!(sized[9], *class, "{name} {ind} {year}");
        assert_eq!(
            fields[10..],
            sized[10..],
            "{name} {ind} {year}: groups alike"
        );
        let value = |m: &str| {
            let f = &region[&(m.to_string(), ind.clone(), year.clone())][0];
            f.parse::<Decimal>().ok()
        };
        let Some(mine) = value(name) else {
            assert_eq!(fields[10..], ["", "", "", "", ""], "{name} {ind} {year}");
            continue;
        };
        let mut vs: Vec<Decimal> = members.iter().filter_map(|m| value(m)).collect();
        vs.sort();
        let better = |v: &Decimal| {
            if ["3", "4"].contains(&ind.as_str()) {
                *v < mine
            } else {
                *v > mine
            }
        };
        let rank = 1 + vs.iter().filter(|v| better(v)).count();
        assert_eq!(fields[10], rank.to_string(), "{name} {ind} {year}");
        assert_eq!(fields[11], vs.len().to_string(), "{name} {ind} {year}");
        if vs.len() >= 2 {
            let q = quartiles_by_hand(&vs);
            let got: Vec<Decimal> = (12..15).map(|i| fields[i].parse().unwrap()).collect();
            assert_eq!(got, q, "{name} {ind} {year}");
            checked += 1;
        }
    }
    assert!(checked >= 50, "only {checked} rows had two or more peers");
}

/// A municipality in two groups of the column is refused, naming the line.
#[test]
fn a_municipality_in_two_peer_groups_is_refused() {
    let dir = tempdir("peer-groups-two");
    let table = dir.join("t.csv");
    std::fs::write(
        &table,
        "kunta;alue;vuosi;rivi;arvo\nYksi;A;2024;tl.toimintatuotot;5\nYksi;B;2024;tl.toimintakulut;-9\n",
    )
    .unwrap();
    let out = dir.join("out");
    // The failure row a batch grouped by `column` writes, and its stderr.
    let failure = |column: &str| {
        let args = ["batch", path_str(&table), "--report", "none", "--out"];
        let o = run(&[&args[..], &[path_str(&out), "--peer-group", column]].concat());
        let failures = std::fs::read_to_string(out.join("failures.csv")).unwrap();
        (failures, stderr(&o))
    };
    let (failures, err) = failure("alue");
    assert!(
        failures.contains("line 3")
            && failures.contains("Yksi is in peer group 'A' on an earlier line and 'B' here"),
        "{failures}\n{err}"
    );
    let (failures, err) = failure("seutu");
    assert!(
        failures.contains("no column 'seutu' for --peer-group"),
        "{failures}\n{err}"
    );
}

/// Shards grouped by a column merge into the summary of one run grouped
/// the same way: each shard's `shard.json` carries the groups.
#[test]
fn shards_grouped_by_a_column_merge_as_one_run() {
    let dir = tempdir("shards-grouped");
    let table = dir.join("alueet.csv");
    regions_table(&table);
    grouped_shards_merge_as_one_run(&dir, path_str(&table), 2, &["--peer-group", "alue"]);
}

/// Shards grouped by a `--peer-group-file` merge into the summary of one
/// run grouped by the same file, a workbook among the long table's
/// municipalities and one code left out of the file (in no group).
#[test]
fn shards_grouped_by_a_file_merge_as_one_run() {
    let dir = tempdir("shards-group-file");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    let sets = municipalities(12);
    long_csv(&inputs.join("a.csv"), &sets);
    std::fs::copy(crate::support::example(), inputs.join("c-kivikoski.xlsx")).unwrap();
    let mut groups = String::from("code,group\n");
    for (i, ds) in sets.iter().enumerate().skip(1) {
        let code = ds.municipality_code.as_deref().unwrap();
        groups.push_str(&format!("{code},{}\n", if i % 2 == 0 { "A" } else { "B" }));
    }
    let file = dir.join("groups.csv");
    std::fs::write(&file, groups).unwrap();
    let grouping = ["--peer-group-file", path_str(&file)];
    grouped_shards_merge_as_one_run(&dir, path_str(&inputs), 3, &grouping);
}

/// Runs `input` whole and in `n` shards merged, grouped by `grouping`, and
/// asserts the two summaries are the same bytes with groups A and B in them.
fn grouped_shards_merge_as_one_run(
    dir: &std::path::Path,
    input: &str,
    n: usize,
    grouping: &[&str],
) {
    let whole = dir.join("whole");
    batch(&[&[input, "--out", path_str(&whole)], grouping].concat());
    let mut args = vec!["--merge".to_string()];
    for i in 1..=n {
        let out = dir.join(format!("shard{i}"));
        let shard = format!("{i}/{n}");
        batch(
            &[
                &[input, "--shard", &shard, "--out", path_str(&out)],
                grouping,
            ]
            .concat(),
        );
        args.push(path_str(&out).to_string());
    }
    let merged = dir.join("merged");
    args.extend(["--out".to_string(), path_str(&merged).to_string()]);
    batch(&args.iter().map(String::as_str).collect::<Vec<_>>());
    for f in ["summary.csv", "summary.xlsx"] {
        let a = std::fs::read(whole.join(f)).unwrap();
        let b = std::fs::read(merged.join(f)).unwrap();
        assert!(a == b, "{f} differs after the merge");
    }
    let summary = std::fs::read_to_string(merged.join("summary.csv")).unwrap();
    assert!(
        summary.contains(",A,") && summary.contains(",B,"),
        "{summary}"
    );
}
