//! Files that are no files, or too much of one: a device or a pipe where a
//! scenario, targets file or workbook is expected, a scenario of a thousand
//! nested tables, a batch folder with links that lead nowhere, a long table
//! with a NUL byte. Each is refused by name with the documented exit code,
//! without waiting for ever or filling the memory, and writes nothing.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::support::{example, path_str, run_en, stderr, tempdir};

/// Runs kivijalka, asserting the exit code, no output on stdout and a
/// message naming every one of `wants`, within a bound of time.
fn answered(args: &[&str], code: i32, wants: &[&str]) -> String {
    let t = Instant::now();
    let o = run_en(args);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(code), "{args:?}: {err}");
    for w in wants {
        assert!(err.contains(w), "{args:?}: {w:?} not in {err}");
    }
    assert!(
        t.elapsed() < Duration::from_secs(30),
        "{args:?}: {:?}",
        t.elapsed()
    );
    err
}

fn fifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn targets_years_are_bounded_like_a_scenario_s() {
    let dir = tempdir("hostile-target-years");
    let wb = example();
    // A period to 2147483647 summed for hours; its start at i32::MIN
    // overflowed; a base year 99999 was taken.
    let cases = [
        (
            "[period]\nstart = 2026\nend = 2147483647\n",
            "period.end: 2147483647",
        ),
        (
            "[period]\nstart = -2147483648\nend = 2030\n",
            "period.start: -2147483648",
        ),
        (
            "[group_loans]\nbase_year = 99999\n",
            "group_loans.base_year: 99999",
        ),
        (
            "[net_cost_growth]\nbreak_years = [0]\n",
            "net_cost_growth.break_years: 0",
        ),
    ];
    for (i, (text, said)) in cases.iter().enumerate() {
        let t = dir.join(format!("t{i}.toml"));
        std::fs::write(&t, text).unwrap();
        answered(
            &["indicators", path_str(&wb), "--targets", path_str(&t)],
            2,
            &[
                &format!("t{i}.toml"),
                said,
                "is not a year from 1990 to 2100",
            ],
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn settings_files_that_are_no_files_or_too_large_are_refused_by_name() {
    let dir = tempdir("hostile-settings");
    let wb = example();
    let wb = path_str(&wb);
    // /dev/zero as a scenario took 12 GB in 11 seconds before it was stopped.
    for flag in ["--scenario", "--targets"] {
        let cmd = if flag == "--scenario" {
            "forecast"
        } else {
            "indicators"
        };
        answered(
            &[cmd, wb, flag, "/dev/zero"],
            2,
            &["/dev/zero", "not a file"],
        );
    }
    let folder = dir.join("index.csv");
    std::fs::create_dir_all(&folder).unwrap();
    answered(
        &["indicators", wb, "--index", path_str(&folder)],
        2,
        &["index.csv", "not a file"],
    );
    // A pipe no one writes to: the reader waited for ever.
    let pipe = dir.join("pipe.toml");
    if fifo(&pipe) {
        answered(
            &["forecast", wb, "--scenario", path_str(&pipe)],
            2,
            &["pipe.toml", "not a file"],
        );
        answered(
            &["indicators", path_str(&pipe)],
            2,
            &["pipe.toml", "not a file"],
        );
    }
    // Three thousand ever deeper tables: 9 MB that the TOML reader turned
    // into 470 MB.
    let nested = dir.join("nested.toml");
    let text: String = (1..3000)
        .map(|i| format!("[{}]\n", vec!["x"; i].join(".")))
        .collect();
    std::fs::write(&nested, text).unwrap();
    answered(
        &["forecast", wb, "--scenario", path_str(&nested)],
        2,
        &["nested.toml", "larger than 1 MB"],
    );
    // A number past the float range and ten thousand nested inline tables
    // are the TOML reader's own errors, with the file.
    let big = dir.join("big.toml");
    std::fs::write(&big, "[tax]\nincome_rate_pct = 1e400\n").unwrap();
    answered(
        &["forecast", wb, "--scenario", path_str(&big)],
        2,
        &["big.toml"],
    );
    let deep = dir.join("deep.toml");
    let text = format!("a = {}1{}\n", "{b = ".repeat(10_000), "}".repeat(10_000));
    std::fs::write(&deep, text).unwrap();
    answered(
        &["forecast", wb, "--scenario", path_str(&deep)],
        2,
        &["deep.toml"],
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_batch_folder_names_every_input_it_cannot_read() {
    let dir = tempdir("hostile-batch-links");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    std::fs::copy(example(), inputs.join("a.xlsx")).unwrap();
    // A link to nothing, a link to itself, a pipe: each was left out of
    // the summary without a word (or, the pipe, waited for ever).
    std::os::unix::fs::symlink("nothere.xlsx", inputs.join("dangling.xlsx")).unwrap();
    std::os::unix::fs::symlink("loop.xlsx", inputs.join("loop.xlsx")).unwrap();
    let piped = fifo(&inputs.join("pipe.xlsx"));
    let out = dir.join("out");
    answered(
        &["batch", path_str(&inputs), "--out", path_str(&out)],
        1,
        &["dangling.xlsx", "loop.xlsx"],
    );
    let failures = std::fs::read_to_string(out.join("failures.csv")).unwrap();
    let mut named = vec!["dangling.xlsx", "loop.xlsx"];
    if piped {
        named.push("pipe.xlsx");
    }
    for n in named {
        assert!(failures.contains(n), "{n} not in {failures}");
    }
    let summary = std::fs::read_to_string(out.join("summary.csv")).unwrap();
    assert!(summary.contains("a.xlsx"), "{summary}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_control_character_in_a_long_table_is_refused_naming_the_line() {
    let dir = tempdir("hostile-nul");
    let csv = dir.join("long.csv");
    crate::support::long_table(&csv, &["Kivijoki"], |_| 1000);
    let text = std::fs::read_to_string(&csv).unwrap();
    // "Kivi\0joki" on the fourth line was read as a municipality of its own.
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[3] = lines[3].replacen("Kivijoki", "Kivi\0joki", 1);
    std::fs::write(&csv, lines.join("\n") + "\n").unwrap();
    let out = dir.join("out");
    answered(
        &["batch", path_str(&csv), "--out", path_str(&out)],
        2,
        &["long.csv", "line 4", "control character (byte 0x00)"],
    );
    // The folder may stand, made before the inputs are read; nothing is in it.
    let written = std::fs::read_dir(&out).map(|d| d.count()).unwrap_or(0);
    assert_eq!(written, 0, "a failed run wrote into {}", out.display());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_control_character_in_a_long_table_on_a_sheet_is_refused_naming_the_cell() {
    let dir = tempdir("hostile-nul-sheet");
    let csv = dir.join("long.csv");
    crate::support::long_table(&csv, &["Kivijoki"], |_| 1000);
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut rows: Vec<Vec<String>> = text
        .lines()
        .map(|l| l.split(';').map(String::from).collect())
        .collect();
    // The fourth row's name, column A: "Kivi\u{1}joki" would be a
    // municipality of its own, as a NUL would in a CSV.
    rows[3][0] = "Kivi\u{1}joki".into();
    let rows: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    let wb = dir.join("long.xlsx");
    crate::support::xlsx(&wb, &[("Data", rows)]);
    let out = dir.join("out");
    // A workbook that fails is a row of failures.csv, as in any batch.
    answered(
        &["batch", path_str(&wb), "--out", path_str(&out)],
        1,
        &["long.xlsx", "'Data'", "A4", "control character (byte 0x01)"],
    );
    let failures = std::fs::read_to_string(out.join("failures.csv")).unwrap();
    assert!(failures.contains("A4"), "{failures}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn out_is_never_written_over_an_input() {
    let dir = tempdir("hostile-out-input");
    let wb = dir.join("v.xlsx");
    std::fs::copy(example(), &wb).unwrap();
    let sc = dir.join("s.toml");
    std::fs::copy(crate::support::root().join("scenarios/baseline.toml"), &sc).unwrap();
    let long = dir.join("long.csv");
    crate::support::long_table(&long, &["Kivijoki"], |_| 1000);
    let before = |p: &Path| std::fs::read(p).unwrap();
    let (wb0, sc0, long0) = (before(&wb), before(&sc), before(&long));
    let (w, s, l) = (path_str(&wb), path_str(&sc), path_str(&long));
    // Each replaced its input with the output, exit 0.
    let said = "this run reads the file; it is not written over";
    answered(&["indicators", w, "--out", w], 2, &["v.xlsx", said]);
    answered(
        &["forecast", w, "--scenario", s, "--out", s],
        2,
        &["s.toml", said],
    );
    let out = dir.join("out");
    let o = run_en(&["batch", l, "--panel", l, "--out", path_str(&out)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains(said), "{}", stderr(&o));
    // Refused before any output was written.
    assert!(!out.join("summary.csv").exists());
    assert_eq!(before(&wb), wb0);
    assert_eq!(before(&sc), sc0);
    assert_eq!(before(&long), long0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn report_names_are_short_and_never_the_batch_s_own() {
    let dir = tempdir("hostile-report-names");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    // A name of 300 letters stopped the batch ("File name too long") with
    // one report written; a workbook named summary.xlsx had its report
    // written over by the summary.
    let long_name = "K".repeat(300);
    crate::support::long_table(&inputs.join("t.csv"), &["Kivikoski", &long_name], |i| {
        998 + i
    });
    for name in ["summary.xlsx", "failures.xlsx"] {
        std::fs::copy(example(), inputs.join(name)).unwrap();
    }
    let out = dir.join("out");
    let o = run_en(&[
        "batch",
        path_str(&inputs),
        "--report",
        "xlsx",
        "--out",
        path_str(&out),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    let long_report = format!("t-{}.xlsx", "k".repeat(118));
    let want = [
        "failures-2.xlsx",
        "failures.csv",
        "summary-2.xlsx",
        "summary.csv",
        "summary.xlsx",
        "t-kivikoski.xlsx",
        long_report.as_str(),
    ];
    let mut want: Vec<&str> = want.to_vec();
    want.sort();
    assert_eq!(names, want);
    let summary = std::fs::read_to_string(out.join("summary.csv")).unwrap();
    assert!(summary.contains("summary-2.xlsx"), "{summary}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_workbook_of_thousands_of_problems_lists_fifty() {
    let dir = tempdir("hostile-many-problems");
    let wb = dir.join("many.xlsx");
    // 200 figures that are no numbers: each is a problem, and the message
    // listed every one (89 MB for a sheet of 65 000 such rows).
    let texts: Vec<String> = (0..200).map(|i| format!("x{i}")).collect();
    let rows = crate::support::income_statement("1 000 €", crate::support::good_rows("15"));
    let mut bg = vec![vec!["Taustatiedot"], vec![], vec!["", "TP 2024", "TP 2023"]];
    for pair in texts.chunks(2) {
        bg.push(vec![
            "Asukasluku 31.12.",
            pair[0].as_str(),
            pair[1].as_str(),
        ]);
    }
    crate::support::xlsx(&wb, &[("Tuloslaskelma", rows), ("Taustatiedot", bg)]);
    let err = answered(
        &["indicators", path_str(&wb)],
        2,
        &["many.xlsx", "must be fixed"],
    );
    let listed = err
        .lines()
        .filter(|l| l.contains("is not a number"))
        .count();
    assert_eq!(listed, 50, "{err}");
    let n: usize = err
        .split(" problem(s)")
        .next()
        .unwrap()
        .rsplit(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(err.contains(&format!("… and {} more", n - 50)), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_scenario_s_text_is_bounded_and_has_no_control_characters() {
    let dir = tempdir("hostile-scenario-text");
    let wb = example();
    // A name of 1 MB was printed on every row (compare: gigabytes); an
    // escape in it reached the terminal.
    let cases = [
        (
            format!("name = \"{}\"\n", "x".repeat(100_000)),
            "100000 characters",
        ),
        (
            "name = \"a\\u001b[31mb\"\n".to_string(),
            "control character",
        ),
    ];
    for (i, (text, said)) in cases.iter().enumerate() {
        let sc = dir.join(format!("s{i}.toml"));
        std::fs::write(&sc, text).unwrap();
        answered(
            &["forecast", path_str(&wb), "--scenario", path_str(&sc)],
            2,
            &[&format!("s{i}.toml"), "line 1", "name", said],
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn tax_rate_changes_are_bounded_in_their_sum() {
    let dir = tempdir("hostile-rate-sum");
    let wb = example();
    // Each change is within ±20 points; two cuts of 5 from the example's
    // 7,86 % took it below zero, and were projected.
    let change =
        |from: i32, pp: i32| format!("[[tax.rate_change]]\nfrom = {from}\nchange_pp = {pp}\n");
    let cut = [change(2028, -5), change(2030, -5)].concat();
    let sc = dir.join("cut.toml");
    std::fs::write(&sc, &cut).unwrap();
    answered(
        &["forecast", path_str(&wb), "--scenario", path_str(&sc)],
        2,
        &["cut.toml", "line 4", "outside 0–100 %", "from 2030"],
    );
    // A cut and its reversal in the same year's sum stay within.
    let back = [change(2028, -5), change(2030, -5), change(2030, 5)].concat();
    std::fs::write(&sc, &back).unwrap();
    let o = run_en(&["forecast", path_str(&wb), "--scenario", path_str(&sc)]);
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_scenario_s_lists_are_bounded() {
    let dir = tempdir("hostile-scenario-lists");
    let wb = example();
    // 15 000 projects took a minute to read; 1 500 uncertain ones made a
    // simulation of four minutes.
    let projects: String = (0..1001)
        .map(|i| format!("[[investments.project]]\nname = \"P{i}\"\ncost = 1000\nyears = [2027]\n"))
        .collect();
    // Each project's overrun is a driver of its own.
    let drivers: String = (0..101)
        .map(|i| format!("[[investments.project]]\nname = \"P{i}\"\ncost = 1000\nyears = [2027]\n"))
        .chain((0..101).map(|i| format!("[[uncertainty]]\ndriver = \"investments.project 'P{i}'.cost_overrun_pct\"\ndistribution = \"normal\"\nmean = 0\nsd = 1\n")))
        .collect();
    let cases = [
        (
            "projects.toml",
            projects,
            "line 4001",
            "[[investments.project]]: more than 1000",
        ),
        (
            "drivers.toml",
            drivers,
            "line 905",
            "[[uncertainty]]: more than 100",
        ),
    ];
    for (name, text, line, said) in cases {
        let sc = dir.join(name);
        std::fs::write(&sc, text).unwrap();
        answered(
            &["forecast", path_str(&wb), "--scenario", path_str(&sc)],
            2,
            &[name, line, said],
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_price_index_file_is_bounded() {
    let dir = tempdir("hostile-index");
    let wb = example();
    // A fall of 101 % made a negative price level, a year 99999 and a year
    // given twice (the later line won) were taken as they were.
    let cases = [
        ("year,change_pct\n2026,-101\n", "line 2", "change -101 %"),
        (
            "year,change_pct\n99999,2\n",
            "line 2",
            "'99999' is not a year from 1990 to 2100",
        ),
        (
            "year,change_pct\n2026,2\n2026,3\n",
            "line 3",
            "'2026' is not a year from 1990 to 2100 not given already",
        ),
    ];
    for (i, (text, line, said)) in cases.iter().enumerate() {
        let ix = dir.join(format!("ix{i}.csv"));
        std::fs::write(&ix, text).unwrap();
        let name = format!("ix{i}.csv");
        answered(
            &["indicators", path_str(&wb), "--index", path_str(&ix)],
            2,
            &[&name, line, said],
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn out_is_written_over_a_file_only() {
    let dir = tempdir("hostile-out");
    let wb = example();
    let wb = path_str(&wb);
    // The output was written beside and renamed over its path: a pipe or a
    // device named by --out (/dev/null, for a run as root) became a file.
    let pipe = dir.join("pipe.csv");
    let folder = dir.join("folder.csv");
    std::fs::create_dir_all(&folder).unwrap();
    let mut outs = vec![folder];
    if fifo(&pipe) {
        outs.push(pipe);
    }
    for out in &outs {
        let name = out.file_name().unwrap().to_str().unwrap();
        answered(
            &["indicators", wb, "--format", "csv", "--out", path_str(out)],
            2,
            &[name, "not a file"],
        );
        let meta = std::fs::symlink_metadata(out).unwrap();
        assert!(!meta.is_file(), "{} was replaced by a file", out.display());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_long_table_of_gigabytes_is_refused_before_it_is_read() {
    let dir = tempdir("hostile-huge-csv");
    let csv = dir.join("huge.csv");
    // A sparse file: 2.2 GB of one line, costing the disk nothing. It was
    // read to 200 MB before it was refused.
    let f = std::fs::File::create(&csv).unwrap();
    f.set_len(2_200 * 1024 * 1024).unwrap();
    let t = Instant::now();
    let out = dir.join("out");
    answered(
        &["batch", path_str(&csv), "--out", path_str(&out)],
        2,
        &["huge.csv", "larger than 200 MB"],
    );
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    let _ = std::fs::remove_dir_all(&dir);
}
