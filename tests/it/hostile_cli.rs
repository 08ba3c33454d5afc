//! Absurd flags and scenario values, panics, formula-looking names and
//! missing statements: each is answered with the documented exit code
//! (0 done, 1 findings, 2 input error, 3 internal error) and a message that
//! names where the problem is, never a crash.

use std::path::Path;
use std::process::{Command, Output};

use crate::support::{example, long_table, path_str, root, run, run_en, stderr, tempdir, xlsx};

const EXAMPLE: &str = "data/kivikoski.xlsx";

fn code(o: &Output) -> Option<i32> {
    o.status.code()
}

/// Exit 2, nothing on stdout, and every one of `wants` in the message.
fn refused(args: &[&str], wants: &[&str]) {
    let o = run_en(args);
    let err = stderr(&o);
    assert_eq!(code(&o), Some(2), "{args:?}: {err}");
    assert!(o.stdout.is_empty(), "{args:?} wrote output");
    assert!(!err.contains("panicked"), "{args:?}: {err}");
    for w in wants {
        assert!(err.contains(w), "{args:?}: '{w}' not in: {err}");
    }
}

fn scenario(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    path_str(&p).to_string()
}

#[test]
fn numeric_flags_are_bounded_before_any_work() {
    refused(
        &["forecast", EXAMPLE, "--horizon", "100000"],
        &["--horizon", "1990..=2100"],
    );
    refused(&["forecast", EXAMPLE, "--start=-5"], &["--start"]);
    refused(
        &["solve", EXAMPLE, "--lever", "tax-rate", "--by", "99999"],
        &["--by"],
    );
    // Within the flag's range and still no projected year to hold them in.
    refused(
        &[
            "solve", EXAMPLE, "--lever", "tax-rate", "--from", "2100", "--by", "1990",
        ],
        &["--from 2100", "a projected year, 2026–2035"],
    );
    // A mistake in the flags is told as one, not against a scenario file.
    let o = run_en(&[
        "solve", EXAMPLE, "--lever", "savings", "--from", "2028", "--by", "2027",
    ]);
    assert_eq!(
        stderr(&o),
        "error: --by 2027: the targets are checked up to a year from 2028 to 2035\n"
    );
    refused(
        &["solve", EXAMPLE, "--lever", "tax-rate:1e30"],
        &["--lever tax-rate:1e30", "0 to 40 percentage points"],
    );
    refused(
        &[
            "solve",
            EXAMPLE,
            "--lever",
            "savings:100000000000000000000 M€",
        ],
        &["is not a bound"],
    );
    refused(
        &[
            "simulate",
            EXAMPLE,
            "--scenario",
            "scenarios/uncertain.toml",
            "--paths",
            "0",
        ],
        &["--paths", "1..=1000000"],
    );
    refused(
        &[
            "simulate",
            EXAMPLE,
            "--scenario",
            "scenarios/uncertain.toml",
            "--jobs",
            "0",
            "--lang",
            "en",
        ],
        &["--jobs", "from 1 to 1024"],
    );
    refused(
        &[
            "report",
            EXAMPLE,
            "--out",
            "x.html",
            "--simulate",
            "99999999999",
        ],
        &["--simulate"],
    );
    refused(
        &["statements", EXAMPLE, "--years", "0-99999"],
        &["--years", "0 is outside the years 1990–2100"],
    );
}

#[test]
fn a_command_without_its_workbook_says_so() {
    refused(&["check"], &["this command needs a workbook"]);
    refused(&["forecast"], &["this command needs a workbook"]);
    // `check` has no formulas to print: it does not offer --explain at all.
    refused(
        &["check", "--explain", "--lang", "en"],
        &["unexpected argument '--explain'"],
    );
    for cmd in ["indicators", "ratios"] {
        let o = run(&[cmd, "--explain"]);
        assert_eq!(code(&o), Some(0), "{cmd}: {}", stderr(&o));
        assert!(!o.stdout.is_empty());
    }
}

#[test]
fn scenario_values_are_bounded_where_they_are_written() {
    let dir = tempdir("hostile-scenario");
    let cost = scenario(
        &dir,
        "cost.toml",
        "horizon = 2035\n[[investments.project]]\nname = \"x\"\ncost = \"100000000000000000000000 M€\"\nyears = [2026]\n",
    );
    refused(
        &["forecast", EXAMPLE, "--scenario", &cost],
        &[
            "cost.toml, line 4",
            "investments.project 'x'.cost",
            "10^15 €",
        ],
    );
    let float = scenario(
        &dir,
        "float.toml",
        "[[operations.savings]]\nfrom = 2026\namount = 1e300\n",
    );
    refused(
        &["forecast", EXAMPLE, "--scenario", &float],
        &[
            "float.toml, line 3",
            "operations.savings[1].amount",
            "10^15 €",
        ],
    );
    let pct = scenario(&dir, "pct.toml", "name = \"p\"\nprice_index_pct = 5000\n");
    refused(
        &["forecast", EXAMPLE, "--scenario", &pct],
        &["pct.toml, line 2", "price_index_pct", "±1000 %"],
    );
    let year = scenario(&dir, "year.toml", "horizon = 2200\n");
    refused(
        &["forecast", EXAMPLE, "--scenario", &year],
        &["year.toml, line 1", "horizon", "from 1990 to 2100"],
    );
    let range = scenario(
        &dir,
        "range.toml",
        "[[investments.project]]\nname = \"x\"\ncost = 1000\nyears = \"-5-2026\"\n",
    );
    refused(
        &["forecast", EXAMPLE, "--scenario", &range],
        &["range.toml, line 4", "investments.project 'x'.years"],
    );
    let people = scenario(
        &dir,
        "people.toml",
        "[population]\nvalues = { 2027 = 900000000 }\n",
    );
    refused(
        &["forecast", EXAMPLE, "--scenario", &people],
        &["people.toml, line 2", "population.values.2027", "residents"],
    );
}

#[test]
fn compounding_rates_end_in_an_error_naming_keys_and_year() {
    let dir = tempdir("hostile-compound");
    let s = scenario(
        &dir,
        "compound.toml",
        "horizon = 2100\nprice_index_pct = 50\n[operations]\ncost_real_growth_pct = 50\n",
    );
    let o = crate::support::run_en(&["forecast", EXAMPLE, "--scenario", &s]);
    let err = stderr(&o);
    assert_eq!(code(&o), Some(2), "{err}");
    assert!(err.contains("compound.toml"), "{err}");
    assert!(
        err.contains("price_index_pct and operations.cost_real_growth_pct"),
        "{err}"
    );
    assert!(err.contains("billion-fold"), "{err}");
    // Costs grow at least 1.5 a year (the index alone, were the series to
    // cover some years), and 1.5^52 > 10^9 > 2^29: the year named is one
    // the error can only reach between 29 and 52 years after the start.
    let year: i32 = err
        .split(" to ")
        .nth(1)
        .and_then(|s| s.get(..4))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no year in: {err}"));
    let from: i32 = err
        .split(" from ")
        .nth(1)
        .and_then(|s| s.get(..4))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no start in: {err}"));
    assert!((29..=52).contains(&(year - from)), "{err}");

    // Within every rate's bound, a deficit borrowed on still stops at the
    // year the loans pass any plausible figure.
    let s = scenario(
        &dir,
        "deficit.toml",
        "horizon = 2040\n[[operations.income_change]]\nfrom = 2026\namount = \"-900 000 000 M€\"\n",
    );
    let o = crate::support::run_en(&["forecast", EXAMPLE, "--scenario", &s]);
    let err = stderr(&o);
    assert_eq!(code(&o), Some(2), "{err}");
    assert!(err.contains("deficit.toml"), "{err}");
    assert!(err.contains("beyond 10^15 €"), "{err}");
    assert!(err.contains("in 20"), "{err}");
    // And in the default Finnish, worded as a Finnish sentence.
    let fi = stderr(&run(&["forecast", EXAMPLE, "--scenario", &s]));
    assert!(fi.contains(", lainat: ennuste "), "{fi}");
    assert!(fi.contains("ylittää 10^15 €"), "{fi}");
}

#[test]
fn a_panic_is_an_internal_error_with_one_line() {
    let o = Command::new(env!("CARGO_BIN_EXE_kivijalka"))
        .args(["check", EXAMPLE])
        .current_dir(root())
        .env("KIVIJALKA_INJECT_PANIC", "main")
        .env("KIVIJALKA_LANG", "en")
        .env_remove("RUST_BACKTRACE")
        .output()
        .unwrap();
    let err = stderr(&o);
    assert_eq!(code(&o), Some(3), "{err}");
    assert!(
        err.starts_with("internal error: fault injected at main"),
        "{err}"
    );
    assert!(!err.contains("stack backtrace"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn panics_on_several_workers_are_told_once() {
    let dir = tempdir("hostile-panics");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    for name in ["a.xlsx", "b.xlsx"] {
        std::fs::copy(example(), inputs.join(name)).unwrap();
    }
    let out = dir.join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_kivijalka"))
        .args([
            "batch",
            path_str(&inputs),
            "--report",
            "none",
            "--jobs",
            "2",
        ])
        .args(["--lang", "en", "--out", path_str(&out)])
        .current_dir(root())
        .env("KIVIJALKA_INJECT_PANIC", "a,b")
        .env_remove("RUST_BACKTRACE")
        .output()
        .unwrap();
    let err = stderr(&o);
    // Both jobs failed and both are in failures.csv; the bug is told once.
    assert_eq!(code(&o), Some(1), "{err}");
    // (The batch's own lines for the two failures start "failed: ".)
    let told = err
        .lines()
        .filter(|l| l.starts_with("internal error:"))
        .count();
    assert_eq!(told, 1, "{err}");
    let failures = std::fs::read_to_string(out.join("failures.csv")).unwrap();
    for place in ["a", "b"] {
        assert!(
            failures.contains(&format!("fault injected at {place}")),
            "{failures}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn batch_neutralises_formula_names_and_isolates_a_panicking_job() {
    let dir = tempdir("hostile-batch");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    let names = ["+Kunta", "=1+1", "-Kunta", "@Kunta"];
    long_table(&inputs.join("a.csv"), &names, |i| 900 + i);
    std::fs::copy(example(), inputs.join("b.xlsx")).unwrap();
    let out = dir.join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_kivijalka"))
        .args([
            "batch",
            path_str(&inputs),
            "--report",
            "none",
            "--jobs",
            "2",
            "--lang",
            "en",
            "--out",
            path_str(&out),
        ])
        .current_dir(root())
        .env("KIVIJALKA_INJECT_PANIC", "b")
        .output()
        .unwrap();
    let err = stderr(&o);
    // The workbook's job panicked: it is a failure, the four others finish.
    assert_eq!(code(&o), Some(1), "{err}");
    assert!(
        err.contains("4 of 5 municipalities done, 1 failed"),
        "{err}"
    );
    let failures = std::fs::read_to_string(out.join("failures.csv")).unwrap();
    assert!(failures.contains("b.xlsx"), "{failures}");
    assert!(
        failures.contains("internal error: fault injected at b"),
        "{failures}"
    );

    let summary = std::fs::read_to_string(out.join("summary.csv")).unwrap();
    let mut rdr = csv::Reader::from_reader(summary.as_bytes());
    let mut seen = std::collections::BTreeSet::new();
    let mut negative = 0;
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let name = rec.get(0).unwrap();
        assert!(
            name.starts_with('\''),
            "a name a spreadsheet would run: {name}"
        );
        seen.insert(name.to_string());
        // Numbers stay numbers: the example has a negative indicator value.
        let value = rec.get(8).unwrap();
        if let Some(digits) = value.strip_prefix('-') {
            assert!(digits.parse::<f64>().is_ok(), "{value}");
            negative += 1;
        }
        assert!(!value.starts_with('\''), "{value}");
    }
    let want: std::collections::BTreeSet<String> = names.iter().map(|n| format!("'{n}")).collect();
    assert_eq!(seen, want);
    assert!(negative > 0, "no negative value to see kept");
}

#[test]
fn check_names_a_missing_income_statement() {
    use calamine::{Reader, open_workbook_auto};
    let dir = tempdir("hostile-missing");
    let mut wb = open_workbook_auto(example()).unwrap();
    let mut sheets: Vec<(String, Vec<Vec<String>>)> = Vec::new();
    for name in wb.sheet_names() {
        if name == "Tuloslaskelma" {
            continue;
        }
        let range = wb.worksheet_range(&name).unwrap();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut rows: Vec<Vec<String>> = vec![Vec::new(); r0 as usize];
        for row in range.rows() {
            let mut cells = vec![String::new(); c0 as usize];
            cells.extend(row.iter().map(|d| d.to_string()));
            rows.push(cells);
        }
        sheets.push((name, rows));
    }
    let borrowed: Vec<(&str, Vec<Vec<&str>>)> = sheets
        .iter()
        .map(|(n, rows)| {
            (
                n.as_str(),
                rows.iter()
                    .map(|r| r.iter().map(String::as_str).collect())
                    .collect(),
            )
        })
        .collect();
    let path = dir.join("no-income-statement.xlsx");
    xlsx(&path, &borrowed);

    let o = run(&["check", path_str(&path), "--format", "csv"]);
    let out = String::from_utf8_lossy(&o.stdout).to_string();
    assert_eq!(code(&o), Some(1), "{}{out}", stderr(&o));
    let line = out
        .lines()
        .find(|l| l.contains("missing_statement"))
        .unwrap_or_else(|| panic!("no missing_statement finding in:\n{out}"));
    assert!(line.starts_with("error,"), "{line}");
    assert!(line.contains("tuloslaskelma (income statement)"), "{line}");
    assert!(!line.contains("rahoituslaskelma"), "{line}");
    assert!(!line.contains("tase"), "{line}");

    // The whole example has all three, for the city and for the group.
    let o = run(&["check", EXAMPLE, "--format", "csv"]);
    assert!(!stdout_of(&o).contains("missing_statement"));
}

fn stdout_of(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}
