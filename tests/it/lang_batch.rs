//! The batch in the user's language: a long table's error and the closing
//! lines on stderr in Finnish, Swedish and English, while failures.csv
//! keeps its English for the programs that read it.

use std::path::Path;
use std::process::Output;

use crate::support::{example, good_rows, income_statement, path_str, root, tempdir, xlsx};

/// A folder of the example workbook and a long table whose second row's
/// year is mistyped: one municipality done, one failed.
fn inputs(name: &str) -> std::path::PathBuf {
    let dir = tempdir(name);
    std::fs::copy(example(), dir.join("kivikoski.xlsx")).unwrap();
    std::fs::write(
        dir.join("broken.csv"),
        "kunta;vuosi;rivi;arvo\nRikki;2024;bg.asukasluku;1000\nRikki;20x4;bg.asukasluku;1000\n",
    )
    .unwrap();
    dir
}

fn batch(input: &Path, out: &Path, lang: &str) -> Output {
    batch_with(input, out, lang, &["--scenario", "scenarios/baseline.toml"])
}

fn batch_with(input: &Path, out: &Path, lang: &str, more: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kivijalka"))
        .args(["batch", path_str(input)])
        .args(more)
        .args(["--report", "none", "--jobs", "1", "--lang", lang, "--out"])
        .arg(out)
        .current_dir(root())
        .env_remove("KIVIJALKA_LANG")
        .output()
        .expect("run kivijalka")
}

#[test]
fn a_broken_long_table_and_the_progress_line_in_each_language() {
    let input = inputs("lang-batch");
    let broken = input.join("broken.csv");
    let broken = path_str(&broken);
    let cases = [
        (
            "fi",
            "1/2 kuntaa valmiina, 1 epäonnistui; yhteenveto: ",
            format!("epäonnistui: {broken}, rivi 3: '20x4' ei ole vuosi väliltä 1900–2200\n"),
        ),
        (
            "sv",
            "1 av 2 kommuner klara, 1 misslyckades; sammandrag: ",
            format!("misslyckades: {broken}, rad 3: '20x4' är inte ett år mellan 1900 och 2200\n"),
        ),
        (
            "en",
            "1 of 2 municipalities done, 1 failed; summary: ",
            format!("failed: {broken}, line 3: '20x4' is not a year from 1900 to 2200\n"),
        ),
    ];
    for (lang, progress, failure) in cases {
        let out = input.join(format!("out-{lang}"));
        let o = batch(&input, &out, lang);
        let err = String::from_utf8_lossy(&o.stderr).to_string();
        // A municipality failed: the batch's "problems" exit.
        assert_eq!(o.status.code(), Some(1), "{lang}: {err}");
        assert!(err.contains(progress), "{lang}: '{progress}' not in: {err}");
        assert!(err.contains(&failure), "{lang}: '{failure}' not in: {err}");
        if lang != "en" {
            for w in [
                "municipalities",
                "failed",
                "summary: ",
                "line ",
                "not a year",
            ] {
                assert!(!err.contains(w), "{lang}: English '{w}' in: {err}");
            }
        }
        let csv = std::fs::read_to_string(out.join("failures.csv")).unwrap();
        assert!(
            csv.contains(&format!(
                "{broken}, line 3: '20x4' is not a year from 1900 to 2200"
            )),
            "{lang}: failures.csv: {csv}"
        );
    }
}

/// A summary-only batch reads a long table by municipality; one that will
/// not read so is then read whole for its error. The workbook after it in
/// the folder is its own input and stays in the count and the summary.
#[test]
fn a_workbook_after_a_broken_long_table_is_still_summed() {
    let input = inputs("lang-batch-summary");
    let out = input.join("out");
    let o = batch_with(&input, &out, "en", &[]);
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("1 of 2 municipalities done, 1 failed; summary: "),
        "{err}"
    );
    let summary = std::fs::read_to_string(out.join("summary.csv")).unwrap();
    assert!(summary.contains("Kivikoski"), "{summary}");
}

/// --allow-unknown reads past a workbook's problems aloud, in the batch's
/// language: a text in a figure cell, told by sheet and cell.
#[test]
fn allow_unknown_warns_in_the_batchs_language() {
    let dir = tempdir("lang-batch-allow");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let mut rows = good_rows("15");
    rows[3] = vec!["Verotulot", "300", "n/a"];
    let sheets = [("Tuloslaskelma", income_statement("1 000 €", rows))];
    xlsx(&input.join("teksti.xlsx"), &sheets);
    let said = [
        ("fi", "luettu 1 ongelman ohi (--allow-unknown)", "solu C9"),
        ("sv", "läste förbi 1 problem (--allow-unknown)", "cell C9"),
        ("en", "read past 1 problem(s) (--allow-unknown)", "cell C9"),
    ];
    for (lang, head, cell) in said {
        let out = dir.join(format!("out-{lang}"));
        let o = batch_with(&input, &out, lang, &["--allow-unknown"]);
        let err = String::from_utf8_lossy(&o.stderr).to_string();
        assert!(err.contains(head), "{lang}: '{head}' not in: {err}");
        assert!(err.contains(cell), "{lang}: '{cell}' not in: {err}");
        if lang != "en" {
            assert!(!err.contains("read past"), "{lang}: {err}");
            assert!(!err.contains("not a number"), "{lang}: {err}");
        }
    }
}
