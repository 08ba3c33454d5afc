//! `batch` summaries carry Kuntalaki 110 § and 118 § by municipality and
//! year: the same results `kivijalka statutory` gives for each workbook, on
//! the example and on the example made to miss its 110 § deadline, with and
//! without a scenario, and the same after shards are merged.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use serde_json::Value;

use crate::support::make_example::{self, Style};
use crate::support::{example, path_str, root, run, stderr, stdout, tempdir};

/// The example with 70 M€ more other operating costs in 2022: a deficit
/// arising in 2022 whose deadline, the statements of 2027, it misses (the
/// case statutory_cmd.rs works out by hand). Its own name and code, so that
/// two shards split the two workbooks.
fn late(dir: &Path) -> PathBuf {
    let meta = make_example::Meta {
        name: "Alikoski",
        code: "998",
        title: "Alikosken kaupunki",
    };
    costlier(dir, &[(2022, 70_000)], "late.xlsx", &meta)
}

/// The example with more other operating costs (thousands of euros) in the
/// years given, written as `file`.
fn costlier(dir: &Path, extra: &[(i32, i64)], file: &str, meta: &make_example::Meta) -> PathBuf {
    let (mut lines, opening) = make_example::read_source(&root().join("data/kivikoski"));
    for &(year, k) in extra {
        *lines
            .get_mut(&("city", "tl.muut_toimintakulut", year))
            .unwrap() -= Decimal::from(k);
    }
    let figures = make_example::derive_from(lines, &opening);
    let path = dir.join(file);
    make_example::write_as(&figures, Style::default(), &path, meta);
    path
}

fn batch(args: &[&str]) {
    let mut all = vec!["batch", "--report", "none"];
    all.extend_from_slice(args);
    let o = run(&all);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
}

fn statutory(workbook: &Path, scenario: Option<&str>) -> Value {
    let mut args = vec!["statutory", path_str(workbook), "--format", "json"];
    if let Some(s) = scenario {
        args.extend(["--scenario", s]);
    }
    let o = run(&args);
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

/// summary.csv's statutory rows of one input file, by (test, year):
/// (kind, value, status, reason).
type Rows = std::collections::BTreeMap<(String, i64), [String; 4]>;

fn rows(summary: &Path, file: &str) -> Rows {
    let mut r = csv::Reader::from_path(summary).unwrap();
    let mut out = Rows::new();
    for rec in r.records() {
        let rec = rec.unwrap();
        if rec[2] != *file || !matches!(&rec[4], "110" | "118") {
            continue;
        }
        let key = (rec[5].to_string(), rec[6].parse().unwrap());
        let v = [&rec[7], &rec[8], &rec[10], &rec[14]].map(str::to_string);
        assert!(out.insert(key, v).is_none(), "a test twice");
    }
    out
}

fn get<'a>(rows: &'a Rows, test: &str, year: i64) -> &'a [String; 4] {
    rows.get(&(test.to_string(), year))
        .unwrap_or_else(|| panic!("no {test} of {year}"))
}

fn opt_year(v: &Value) -> String {
    v.as_i64().map(|y| y.to_string()).unwrap_or_default()
}

/// Every year's figures in the summary equal the statutory command's.
fn same_as_statutory(rows: &Rows, doc: &Value) {
    let s110 = &doc["section_110"];
    let years = s110["years"].as_array().unwrap();
    for y in years {
        let year = y["year"].as_i64().unwrap();
        let d = get(rows, "deficit_deadline", year);
        assert_eq!(d[0], y["kind"].as_str().unwrap(), "{year}");
        assert_eq!(d[1], opt_year(&y["deficit_deadline"]), "{year}");
        let past = y["past_deadline"].as_bool().unwrap();
        assert_eq!(d[2], if past { "met" } else { "not_met" }, "{year}");
        // The deficit shown is the latest to arise by the year.
        let deficit = y["accumulated_surplus"]
            .as_str()
            .is_some_and(|v| v.starts_with('-'));
        let arose = (s110["deficits"].as_array().unwrap().iter())
            .map(|e| e["arose"].as_i64().unwrap())
            .filter(|a| deficit && *a <= year)
            .max();
        let a = get(rows, "deficit_arose", year);
        assert_eq!(a[1], arose.map(|y| y.to_string()).unwrap_or_default());
        assert_eq!(a[2], if deficit { "met" } else { "not_met" }, "{year}");
    }
    let assessments = doc["section_118"].as_array().unwrap();
    assert_eq!(assessments.len(), years.len());
    for a in assessments {
        let year = a["year"].as_i64().unwrap();
        for test in [
            "ground_deadline",
            "ground_deficit",
            "ground_figures",
            "procedure",
        ] {
            let r = get(rows, test, year);
            assert_eq!(r[0], a["kind"].as_str().unwrap());
            assert_eq!(r[2], a[test]["status"].as_str().unwrap(), "{test} {year}");
            assert_eq!(
                r[3],
                a[test]["reason"].as_str().unwrap_or(""),
                "{test} {year}"
            );
            let start = if test == "procedure" {
                opt_year(&a["procedure_may_start"])
            } else {
                String::new()
            };
            assert_eq!(r[1], start, "{test} {year}");
        }
    }
    let plan = &s110["plan"];
    let plan_rows = match plan["first"].as_i64() {
        None => 0,
        Some(first) => {
            let p = get(rows, "plan_in_deficit", first);
            assert_eq!(p[1], opt_year(&plan["last"]));
            let balanced = plan["balanced"].as_bool().unwrap();
            assert_eq!(p[2], if balanced { "not_met" } else { "met" });
            // The deficit at the plan's end is the last plan year's.
            let last = plan["last"].as_i64().unwrap();
            let at_end = get(rows, "deficit_arose", last);
            let e = get(rows, "plan_end_deficit", first);
            assert_eq!((&e[1], &e[2]), (&at_end[1], &at_end[2]));
            2
        }
    };
    assert_eq!(
        rows.len(),
        2 * years.len() + 4 * assessments.len() + plan_rows
    );
}

#[test]
fn the_summary_holds_each_municipalitys_statutory_results() {
    let dir = tempdir("batch-statutory");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    let ex = inputs.join("a-kivikoski.xlsx");
    std::fs::copy(example(), &ex).unwrap();
    let late = late(&inputs);
    for scenario in [None, Some("scenarios/baseline.toml")] {
        let out = dir.join(if scenario.is_some() { "sc" } else { "plain" });
        let mut args = vec![path_str(&inputs), "--out", path_str(&out)];
        args.extend(scenario.iter().flat_map(|s| ["--scenario", *s]));
        batch(&args);
        let summary = out.join("summary.csv");
        for wb in [&ex, &late] {
            let rows = rows(&summary, path_str(wb));
            same_as_statutory(&rows, &statutory(wb, scenario));
        }
        // By hand (statutory_cmd.rs): the late deficit arose in 2022 with
        // its deadline in 2027, still shows in 2027 and 2028, and the
        // procedure may start the year after each.
        let rows = rows(&summary, path_str(&late));
        for (y, past, start) in [
            (2026, "not_met", ""),
            (2027, "met", "2028"),
            (2028, "met", "2029"),
        ] {
            let d = get(&rows, "deficit_deadline", y);
            assert_eq!((d[1].as_str(), d[2].as_str()), ("2027", past), "{y}");
            assert_eq!(get(&rows, "deficit_arose", y)[1], "2022");
            assert_eq!(get(&rows, "procedure", y)[1], start, "{y}");
        }
        // The example stays in surplus: no deficit in any year.
        let rows = self::rows(&summary, path_str(&ex));
        assert!(
            rows.iter()
                .filter(|((t, _), _)| t == "deficit_arose")
                .all(|(_, v)| v[2] == "not_met")
        );
        // Projected years only with the scenario.
        assert_eq!(
            rows.contains_key(&("procedure".into(), 2035)),
            scenario.is_some()
        );
        // The indicator rows come first, unchanged in shape.
        let text = std::fs::read_to_string(&summary).unwrap();
        let first = text.lines().position(|l| l.contains(",110,")).unwrap();
        assert!(
            text.lines()
                .skip(first)
                .all(|l| l.contains(",110,") || l.contains(",118,"))
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The plan period's rows by hand. The example's plan 2026–2029 sums to
/// +24 943 000 € and ends in surplus: neither row holds. With 100 M€ more
/// costs in 2022 and 30 M€ more in 2027, the plan sums to −5 057 000 € and
/// the allowance (the accumulated surplus of 2025, 47 603 000 − 100 000 000
/// < 0) is nil, so the plan is in deficit; the balance sheet of 2029 shows
/// 72 546 000 − 130 000 000 = −57 454 000 €, the deficit that arose in 2022.
#[test]
fn the_summary_holds_the_plan_balance_and_the_deficit_at_its_end() {
    let dir = tempdir("batch-plan");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    let ex = inputs.join("a-kivikoski.xlsx");
    std::fs::copy(example(), &ex).unwrap();
    let meta = make_example::Meta {
        name: "Ylikoski",
        code: "997",
        title: "Ylikosken kaupunki",
    };
    let deep = costlier(
        &inputs,
        &[(2022, 100_000), (2027, 30_000)],
        "deep.xlsx",
        &meta,
    );
    let out = dir.join("out");
    batch(&[path_str(&inputs), "--out", path_str(&out)]);
    let summary = out.join("summary.csv");
    let row = |wb: &Path, test: &str| {
        let rows = rows(&summary, path_str(wb));
        let r = get(&rows, test, 2026).clone();
        [r[0].clone(), r[1].clone(), r[2].clone()]
    };
    assert_eq!(row(&ex, "plan_in_deficit"), ["TA", "2029", "not_met"]);
    assert_eq!(row(&ex, "plan_end_deficit"), ["TA", "", "not_met"]);
    assert_eq!(row(&deep, "plan_in_deficit"), ["TA", "2029", "met"]);
    assert_eq!(row(&deep, "plan_end_deficit"), ["TA", "2022", "met"]);
    let doc = statutory(&deep, None);
    assert_eq!(doc["section_110"]["plan"]["total"], "-5057000");
    assert_eq!(doc["section_110"]["plan"]["allowance"], "0");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Shards merged give the unsharded summary, statutory rows included, byte
/// for byte, in either language.
#[test]
fn shards_merged_keep_the_statutory_rows() {
    let dir = tempdir("batch-statutory-shards");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    std::fs::copy(example(), inputs.join("a-kivikoski.xlsx")).unwrap();
    late(&inputs);
    let input = path_str(&inputs);
    for lang in ["fi", "en"] {
        let whole = dir.join(format!("whole-{lang}"));
        batch(&[input, "--lang", lang, "--out", path_str(&whole)]);
        let mut shards = Vec::new();
        for i in 1..=2 {
            let out = dir.join(format!("shard{i}-{lang}"));
            let shard = format!("{i}/2");
            batch(&[
                input,
                "--lang",
                lang,
                "--shard",
                &shard,
                "--out",
                path_str(&out),
            ]);
            shards.push(out);
        }
        let merged = dir.join(format!("merged-{lang}"));
        let mut args = vec!["--merge", "--lang", lang];
        args.extend(shards.iter().map(|s| path_str(s)));
        args.extend(["--out", path_str(&merged)]);
        batch(&args);
        for f in ["summary.csv", "summary.xlsx", "failures.csv"] {
            let a = std::fs::read(whole.join(f)).unwrap();
            let b = std::fs::read(merged.join(f)).unwrap();
            assert!(a == b, "{f} differs after the merge ({lang})");
        }
        let text = std::fs::read_to_string(merged.join("summary.csv")).unwrap();
        assert!(
            text.contains(",110,deficit_deadline,2027,TS,2027,year,met,"),
            "{text}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `report` and `batch` lay a rule book over the shipped one with
/// `--rules`, as `statutory` and `solve` do; a bad one is refused before
/// anything is written.
#[test]
fn report_and_batch_take_a_rule_book() {
    let dir = crate::support::tempdir("rules-report-batch");
    let rules = dir.join("rules.toml");
    std::fs::write(
        &rules,
        "format = 1\n[[national]]\nyear = 2025\nweighted_income_tax_rate_pct = 7.50\ngroup_loans_and_leases_per_resident_eur = 5000\nsource = \"VM, Talouden tunnusluvut 2025 (test)\"\n",
    )
    .unwrap();
    let html = dir.join("r.html");
    let example = crate::support::example();
    let o = crate::support::run(&[
        "report",
        crate::support::path_str(&example),
        "--rules",
        crate::support::path_str(&rules),
        "--out",
        crate::support::path_str(&html),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", crate::support::stderr(&o));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("VM, Talouden tunnusluvut 2025 (test)"));

    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "format = 1\n[[national]]\nyear = \"x\"\n").unwrap();
    let out = dir.join("out");
    let o = crate::support::run(&[
        "batch",
        crate::support::path_str(&example),
        "--rules",
        crate::support::path_str(&bad),
        "--out",
        crate::support::path_str(&out),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(crate::support::stderr(&o).contains("bad.toml"));
    assert!(!out.exists(), "nothing written");
}
