//! Reading real-world layouts: every variant of the example workbook gives
//! the same statements, and every kind of bad file gives a clear error that
//! names the cell, a non-zero exit and no panic.

use std::path::{Path, PathBuf};

use kivijalka::ingest::read_path;
use kivijalka::model::dataset::Dataset;
use kivijalka::model::findings::Severity;

use crate::support::make_example::{self, Style};
use crate::support::{
    example, good_rows, income_statement, path_str, root, run, run_en, stderr, tempdir, xlsx,
};

fn build(dir: &Path, name: &str, style: Style) -> PathBuf {
    let figures = make_example::derive(&root().join("data/kivikoski"));
    let path = dir.join(format!("{name}.xlsx"));
    make_example::write(&figures, style, &path);
    path
}

fn figures(ds: &Dataset) -> Vec<String> {
    ds.figures
        .iter()
        .map(|((e, id, y), f)| format!("{e:?} {id} {y} {}", f.value))
        .collect()
}

pub(crate) fn errors(ds: &Dataset) -> Vec<String> {
    ds.findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.message.to_string())
        .collect()
}

#[test]
fn shipped_example_is_what_its_source_builds() {
    let dir = tempdir("rebuild");
    let rebuilt = read_path(&build(&dir, "kivikoski", Style::default())).unwrap();
    let shipped = read_path(&example()).unwrap();
    assert_eq!(figures(&rebuilt), figures(&shipped));
    assert_eq!(shipped.municipality.as_deref(), Some("Kivikoski"));
    assert_eq!(shipped.years.len(), 11);
}

#[test]
fn layout_variants_read_to_identical_statements() {
    let dir = tempdir("variants");
    let base = read_path(&example()).unwrap();
    assert!(errors(&base).is_empty(), "{:?}", errors(&base));
    let variants = [
        (
            "euros",
            Style {
                euros: true,
                ..Default::default()
            },
        ),
        (
            "swedish",
            Style {
                swedish: true,
                ..Default::default()
            },
        ),
        (
            "text_numbers",
            Style {
                text_numbers: true,
                ..Default::default()
            },
        ),
        (
            "positive_costs",
            Style {
                positive_costs: true,
                ..Default::default()
            },
        ),
        (
            "merged_headers",
            Style {
                merged_headers: true,
                ..Default::default()
            },
        ),
        (
            "extra_columns",
            Style {
                extra_columns: true,
                ..Default::default()
            },
        ),
        (
            "everything",
            Style {
                euros: true,
                swedish: true,
                text_numbers: true,
                positive_costs: true,
                merged_headers: true,
                extra_columns: false,
            },
        ),
    ];
    for (name, style) in variants {
        let ds = read_path(&build(&dir, name, style)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(errors(&ds).is_empty(), "{name}: {:?}", errors(&ds));
        let (got, want) = (figures(&ds), figures(&base));
        let missing: Vec<&String> = want.iter().filter(|f| !got.contains(f)).collect();
        let extra: Vec<&String> = got.iter().filter(|f| !want.contains(f)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{name} reads differently: missing {missing:?}, extra {extra:?}"
        );
        assert_eq!(ds.years, base.years, "{name}: years");
        let notes: Vec<String> = ds.findings.iter().map(|f| f.message.to_string()).collect();
        if style.positive_costs {
            assert!(
                notes
                    .iter()
                    .any(|m| m.contains("carried as positive figures")),
                "{name}: {notes:?}"
            );
        }
        if style.extra_columns {
            for ignored in ["Muutos-% 2024/2025", "TA 2026 muutettu", "Huomautukset"] {
                assert!(
                    notes
                        .iter()
                        .any(|m| m.contains(ignored) && m.contains("ignored")),
                    "{name}: {ignored} not noticed"
                );
            }
        }
    }
}

/// Runs `indicators` on a file and returns (exit code, stderr).
fn indicators(path: &Path) -> (i32, String) {
    let o = run_en(&["indicators", path_str(path)]);
    (o.status.code().unwrap_or(-1), stderr(&o))
}

#[test]
fn bad_files_are_refused_with_the_place_named() {
    let dir = tempdir("bad");

    let not_a_workbook = dir.join("notes.xlsx");
    std::fs::write(&not_a_workbook, "this is not a workbook").unwrap();
    let (code, err) = indicators(&not_a_workbook);
    assert_eq!(code, 2);
    assert!(
        err.contains("notes.xlsx") && err.contains("not a workbook"),
        "{err}"
    );

    let corrupt = dir.join("corrupt.xlsx");
    let bytes = std::fs::read(example()).unwrap();
    std::fs::write(&corrupt, &bytes[..bytes.len() / 2]).unwrap();
    let (code, err) = indicators(&corrupt);
    assert_eq!(code, 2);
    assert!(err.contains("corrupt.xlsx"), "{err}");

    let empty = dir.join("empty.xlsx");
    xlsx(&empty, &[("Taulukko1", vec![])]);
    let (code, err) = indicators(&empty);
    assert_eq!(code, 2);
    assert!(err.contains("empty.xlsx") && err.contains("empty"), "{err}");

    let no_statements = dir.join("no_statements.xlsx");
    xlsx(
        &no_statements,
        &[("Muistiinpanot", vec![vec!["Kokous", "maanantaina"]])],
    );
    let (code, err) = indicators(&no_statements);
    assert_eq!(code, 2);
    assert!(err.contains("no statement sheet"), "{err}");

    let missing = dir.join("missing.xlsx");
    let (code, err) = indicators(&missing);
    assert_eq!(code, 2);
    assert!(
        err.contains("missing.xlsx") && err.contains("no such file"),
        "{err}"
    );

    let duplicate_years = dir.join("duplicate_years.xlsx");
    let mut rows = income_statement("1 000 €", good_rows("15"));
    rows[4] = vec!["", "TP 2024", "TP 2024"];
    xlsx(&duplicate_years, &[("Tuloslaskelma", rows)]);
    let (code, err) = indicators(&duplicate_years);
    assert_eq!(code, 2);
    assert!(
        err.contains("Tuloslaskelma") && err.contains("C5") && err.contains("two columns"),
        "{err}"
    );

    let text_in_number = dir.join("text_in_number.xlsx");
    let mut rows = good_rows("15");
    rows[3] = vec!["Verotulot", "300", "n/a"];
    xlsx(
        &text_in_number,
        &[("Tuloslaskelma", income_statement("1 000 €", rows))],
    );
    let (code, err) = indicators(&text_in_number);
    assert_eq!(code, 2);
    assert!(
        err.contains("cell C9") && err.contains("'n/a' is not a number"),
        "{err}"
    );

    let unknown = dir.join("unknown.xlsx");
    let mut rows = good_rows("15");
    rows.insert(4, vec!["Kunnan salainen erä", "7", "7"]);
    // Its figures are in the printed vuosikate, so the statement needs it.
    rows[7] = vec!["Vuosikate", "22", "12"];
    xlsx(
        &unknown,
        &[("Tuloslaskelma", income_statement("1 000 €", rows))],
    );
    let (code, err) = indicators(&unknown);
    assert_eq!(code, 2);
    assert!(
        err.contains("cell A10") && err.contains("Kunnan salainen erä"),
        "{err}"
    );
    // ... and the rest can still be read on request.
    let o = run_en(&["indicators", path_str(&unknown), "--allow-unknown"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // ... but not in silence: stderr names what was read past.
    assert!(
        stderr(&o).contains("read past 1 problem(s) (--allow-unknown)")
            && stderr(&o).contains("cell A10"),
        "{}",
        stderr(&o)
    );

    let no_header = dir.join("no_header.xlsx");
    xlsx(
        &no_header,
        &[("Tuloslaskelma", vec![vec!["Toimintatuotot", "100"]])],
    );
    let (code, err) = indicators(&no_header);
    assert_eq!(code, 2);
    assert!(
        err.contains("Tuloslaskelma") && err.contains("no header row"),
        "{err}"
    );
}

#[test]
fn a_missing_statement_makes_its_indicators_not_measurable_naming_the_line() {
    let dir = tempdir("missing_statement");
    let path = dir.join("income_only.xlsx");
    xlsx(
        &path,
        &[(
            "Tuloslaskelma",
            income_statement("1 000 €", good_rows("15")),
        )],
    );
    let o = run(&[
        "indicators",
        path_str(&path),
        "--lang",
        "en",
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Said once up front on stderr, not only in each year's reason.
    assert!(
        stderr(&o).contains(
            "has no rahoituslaskelma (cash flow statement), tase (balance sheet) of the city"
        ),
        "{}",
        stderr(&o)
    );
    let out = String::from_utf8(o.stdout).unwrap();
    let row = out
        .lines()
        .find(|l| l.contains("annual_margin_vs_net_investment") && l.contains(",2024,"))
        .unwrap();
    assert!(
        row.contains("not_measurable")
            && row.contains(
                "\"line \"\"Investointimenot\"\" (kaupunki rahoituslaskelma) missing for 2024\""
            ),
        "{row}"
    );
    let row = out
        .lines()
        .find(|l| l.contains("group_loans_per_resident") && l.contains(",2024,"))
        .unwrap();
    assert!(
        row.contains("not_measurable")
            && row.contains("the city's figures are not used in their place"),
        "{row}"
    );
}

#[test]
fn sign_convention_is_taken_from_the_subtotals() {
    let dir = tempdir("signs");
    let path = dir.join("positive.xlsx");
    let rows = vec![
        vec!["Toimintatuotot", "100", "90"],
        vec!["Toimintakulut", "500", "480"],
        vec!["Toimintakate", "-400", "-390"],
        vec!["Verotulot", "300", "290"],
        vec!["Valtionosuudet", "120", "110"],
        vec!["Rahoitustuotot ja -kulut", "-5", "-5"],
        vec!["Vuosikate", "15", "5"],
    ];
    xlsx(
        &path,
        &[("Tuloslaskelma", income_statement("1 000 €", rows))],
    );
    let ds = read_path(&path).unwrap();
    assert_eq!(
        ds.value(
            kivijalka::model::dataset::Entity::City,
            "tl.toimintakulut",
            2024
        ),
        Some((-500_000).into())
    );
    assert!(
        ds.findings
            .iter()
            .any(|f| f.code == "sign_convention"
                && f.message.to_string().contains("positive figures"))
    );
}
