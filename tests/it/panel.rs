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
fn municipalities(n: usize) -> Vec<Dataset> {
    let base = kivijalka::ingest::read_path(&crate::support::example()).unwrap();
    let last_tp = *base
        .years
        .iter()
        .filter(|(_, k)| k.to_string() == "TP")
        .map(|(y, _)| y)
        .last()
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
fn long_csv(path: &std::path::Path, sets: &[Dataset]) {
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
    assert_eq!(rows.len() - indicators.len(), figures);
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
