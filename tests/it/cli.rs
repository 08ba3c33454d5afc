//! The commands as a user runs them on the shipped example.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::support::{path_str, root, run, run_en, stderr, stdout, tempdir, xlsx};

const EXAMPLE: &str = "data/kivikoski.xlsx";

/// Compares with a reviewed output in tests/golden; KIVIJALKA_BLESS=1 rewrites it.
pub fn golden(name: &str, actual: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("KIVIJALKA_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "output differs from {}:\n{actual}",
        path.display()
    );
}

#[test]
fn indicators_table_is_the_reviewed_one_and_reproducible() {
    let a = run(&["indicators", EXAMPLE]);
    assert_eq!(a.status.code(), Some(0), "{}", stderr(&a));
    let b = run(&["indicators", EXAMPLE]);
    assert_eq!(a.stdout, b.stdout, "same input, same output");
    golden("indicators_fi.txt", &stdout(&a));
    let en = run(&["indicators", EXAMPLE, "--lang", "en"]);
    golden("indicators_en.txt", &stdout(&en));
}

/// The example's source lines, in euros, to recompute figures independently.
fn source() -> BTreeMap<(String, String, i32), Decimal> {
    let mut rdr = csv::Reader::from_path(root().join("data/kivikoski/lines.csv")).unwrap();
    let headers = rdr.headers().unwrap().clone();
    let mut out = BTreeMap::new();
    for rec in rdr.records() {
        let rec = rec.unwrap();
        for (i, h) in headers.iter().enumerate().skip(2) {
            if !rec[i].is_empty() {
                let v: Decimal = rec[i].parse().unwrap();
                out.insert(
                    (rec[0].to_string(), rec[1].to_string(), h.parse().unwrap()),
                    v * Decimal::from(1000),
                );
            }
        }
    }
    out
}

#[test]
fn indicator_csv_matches_figures_recomputed_from_the_source() {
    let o = run(&["indicators", EXAMPLE, "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let mut rdr = csv::Reader::from_reader(out.as_bytes());
    let rows: Vec<BTreeMap<String, String>> = rdr.deserialize().map(|r| r.unwrap()).collect();
    let src = source();
    let s = |item: &str, y: i32| {
        src.get(&("city".to_string(), item.to_string(), y))
            .copied()
            .unwrap_or_default()
    };
    for y in 2019..=2029 {
        // vuosikate = toimintatuotot + valmistus + toimintakulut + verotulot + valtionosuudet + rahoituserät
        let leaves = [
            "tl.myyntituotot",
            "tl.maksutuotot",
            "tl.tuet_ja_avustukset",
            "tl.muut_toimintatuotot",
            "tl.valmistus_omaan_kayttoon",
            "tl.palkat_ja_palkkiot",
            "tl.elakekulut",
            "tl.muut_henkilosivukulut",
            "tl.palvelujen_ostot",
            "tl.aineet_tarvikkeet_tavarat",
            "tl.avustukset",
            "tl.muut_toimintakulut",
            "tl.verotulot",
            "tl.valtionosuudet",
            "tl.korkotuotot",
            "tl.muut_rahoitustuotot",
            "tl.korkokulut",
            "tl.muut_rahoituskulut",
        ];
        let vuosikate: Decimal = leaves.iter().map(|i| s(i, y)).sum();
        let net_investment =
            -s("rl.investointimenot", y) - s("rl.rahoitusosuudet", y) - s("rl.luovutustulot", y);
        let row = rows
            .iter()
            .find(|r| {
                r["indicator"] == "1" && r["year"] == y.to_string() && r["from_year"].is_empty()
            })
            .unwrap();
        assert_eq!(
            row["value"].parse::<Decimal>().unwrap(),
            vuosikate - net_investment,
            "{y}"
        );
        let met = vuosikate >= net_investment;
        assert_eq!(row["status"], if met { "met" } else { "missed" }, "{y}");
    }
    let kinds: Vec<&str> = rows
        .iter()
        .filter(|r| r["indicator"] == "2")
        .map(|r| r["kind"].as_str())
        .collect();
    assert_eq!(
        kinds,
        [
            "TP", "TP", "TP", "TP", "TP", "TP", "TP", "TA", "TS", "TS", "TS"
        ]
    );
}

#[test]
fn other_commands_run_on_the_example() {
    let o = run(&["check", EXAMPLE]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "the example is clean: {}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("0 virhettä, 0 varoitusta"));

    let o = run(&["ratios", EXAMPLE, "--lang", "en", "--years", "2024-2025"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.contains("Kivikoski — key ratios (city)")
            && out.contains("Kivikoski — key ratios (group)")
    );
    assert!(out.contains("TP 2024") && !out.contains("TP 2023"));

    let o = run(&["statements", EXAMPLE, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let lines: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let first = &lines[0];
    assert_eq!(first["sheet"], "Tuloslaskelma");
    assert!(first["cell"].as_str().unwrap().starts_with('B'));

    let o = run(&["statements", EXAMPLE, "--years", "2025"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("Tuloslaskelma, rivi 7: \"TOIMINTATUOTOT\""),
        "the table names the row each line was read from"
    );

    let o = run(&["indicators", EXAMPLE, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["indicators"].as_array().unwrap().len(), 5);
    assert!(
        doc["indicators"][0]["formula"]
            .as_str()
            .unwrap()
            .contains("vuosikate")
    );
    assert!(!doc["values"][0]["inputs"].as_array().unwrap().is_empty());

    let o = run(&["indicators", "--explain", "--lang", "en"]);
    assert!(stdout(&o).contains("formula:") && stdout(&o).contains("source:"));
}

#[test]
fn check_finds_an_identity_break_and_exits_1() {
    let dir = tempdir("identity");
    let path = dir.join("broken.xlsx");
    xlsx(
        &path,
        &[(
            "Tuloslaskelma",
            vec![
                vec!["€"],
                vec!["", "TP 2025"],
                vec!["Toimintatuotot", "100"],
                vec!["Toimintakulut", "-500"],
                vec!["Toimintakate", "-405"],
            ],
        )],
    );
    let o = run(&["check", path_str(&path), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("Tuloslaskelma!B5") && out.contains("difference -5"),
        "{out}"
    );
}

#[test]
fn out_files_are_written_whole_or_not_at_all() {
    let dir = tempdir("out");
    let target = dir.join("indicators.csv");
    let o = run(&[
        "indicators",
        EXAMPLE,
        "--format",
        "csv",
        "--out",
        path_str(&target),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let good = std::fs::read(&target).unwrap();
    assert!(good.starts_with(b"municipality,indicator"));
    let o = run(&[
        "indicators",
        "no/such/workbook.xlsx",
        "--format",
        "csv",
        "--out",
        path_str(&target),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        std::fs::read(&target).unwrap(),
        good,
        "a failed run leaves the old file"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name() != "indicators.csv")
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left");
}

#[test]
fn bad_settings_are_errors_naming_the_file() {
    let dir = tempdir("settings");
    let targets = dir.join("targets.toml");
    std::fs::write(&targets, "[annual_margin]\nmin_coverage = 90\n").unwrap();
    let o = run_en(&["indicators", EXAMPLE, "--targets", path_str(&targets)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("targets.toml")
            && stderr(&o).contains("targets.toml, line")
            && stderr(&o).contains("unknown field `min_coverage`"),
        "{}",
        stderr(&o)
    );

    let index = dir.join("index.csv");
    std::fs::write(&index, "year,change_pct\n2026,kaksi\n").unwrap();
    let o = run_en(&["indicators", EXAMPLE, "--index", path_str(&index)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("index.csv") && stderr(&o).contains("line 2"),
        "{}",
        stderr(&o)
    );

    // A forecast series makes the plan years measurable.
    std::fs::write(&index, "year,change_pct\n2026,2.3\n2027,2.1\n").unwrap();
    let o = run(&[
        "indicators",
        EXAMPLE,
        "--index",
        path_str(&index),
        "--format",
        "csv",
    ]);
    let out = stdout(&o);
    let row = out
        .lines()
        .find(|l| l.contains(",net_cost_growth,") && l.contains(",2026,"))
        .unwrap();
    assert!(!row.contains("not_measurable"), "{row}");
}

#[test]
fn shipped_targets_file_parses() {
    let o = run(&[
        "indicators",
        EXAMPLE,
        "--targets",
        "data/targets.toml",
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// --years outside the years there are is a usage error naming them, not
/// an empty table with exit code 0.
#[test]
fn years_that_hold_none_are_a_usage_error() {
    for (cmd, years, there) in [
        ("indicators", "2030", "2019–2029"),
        ("ratios", "2040-2045", "2019–2029"),
        ("statements", "2010", "2019–2029"),
        ("forecast", "2040", "2025–2035"),
    ] {
        let o = run_en(&[cmd, EXAMPLE, "--years", years]);
        assert_eq!(o.status.code(), Some(2), "{cmd}");
        assert!(o.stdout.is_empty(), "{cmd}: nothing printed");
        let asked = years.replace('-', "–");
        assert!(
            stderr(&o).contains(&format!(
                "--years: {asked} holds none of the years there are, {there}"
            )),
            "{cmd}: {}",
            stderr(&o)
        );
    }
}
