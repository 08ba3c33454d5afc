//! Workbook cells that a reader could take for a figure they are not: a
//! date, a date written as text, a stray thousands separator, a cell given
//! twice, a reference the spreadsheet reader overflows on, a cell of
//! megabytes. Each is refused with exit code 2 and a message naming the
//! file, sheet and cell, in bounded time, and nothing is printed to stdout.

use std::path::Path;
use std::time::{Duration, Instant};

use kivijalka::ingest::grid::{Cell, Grid};
use kivijalka::ingest::number::parse_text;
use kivijalka::ingest::workbook::load_grids;
use rust_decimal::Decimal;

use crate::support::{example, path_str, run_en, stderr, tempdir};

/// The example's income statement: row 9 is "Maksutuotot", column C 2020
/// (4 568 in thousands of euros).
pub const INCOME: &str = "Tuloslaskelma";
pub const ROW: u32 = 8;
pub const COL: u32 = 2;

/// Writes grids as an xlsx; `special` may write a cell its own way (a date)
/// and say so by returning true.
pub fn write_grids(
    path: &Path,
    grids: &[Grid],
    mut special: impl FnMut(&str, u32, u32, &mut rust_xlsxwriter::Worksheet) -> bool,
) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for g in grids {
        let ws = wb.add_worksheet();
        ws.set_name(&g.name).unwrap();
        for r in g.rows_used().collect::<Vec<_>>() {
            for (c, cell) in g
                .row_cells(r)
                .map(|(c, x)| (c, x.clone()))
                .collect::<Vec<_>>()
            {
                if special(&g.name, r, c, ws) {
                    continue;
                }
                let c16 = c as u16;
                match cell {
                    Cell::Number(n) => {
                        let v: f64 = n.value.to_string().parse().unwrap();
                        ws.write_number(r, c16, v).unwrap();
                    }
                    Cell::Text(t) | Cell::Error(t) => {
                        ws.write_string(r, c16, &t).unwrap();
                    }
                    Cell::Empty => {}
                }
            }
        }
    }
    wb.save(path).unwrap();
}

pub fn example_grids() -> Vec<Grid> {
    load_grids(&example()).unwrap()
}

/// Copies the example, letting `edit` change each zip entry's text.
fn rewrite_example(to: &Path, mut edit: impl FnMut(&str, String) -> String) {
    crate::support::rewrite_zip(&example(), to, |name, data| {
        let data = match String::from_utf8(data) {
            Ok(text) => edit(name, text).into_bytes(),
            Err(e) => e.into_bytes(),
        };
        (name.to_string(), data)
    });
}

/// The example with its income statement's cell C9 written as `xml`.
fn with_c9(to: &Path, xml: &str) {
    rewrite_example(to, |name, text| match name {
        "xl/worksheets/sheet1.xml" => crate::support::c9_written(&text, xml),
        _ => text,
    });
}

/// Runs `indicators` and asserts exit code 2, no output and a message that
/// names every one of `wants`; returns the message.
fn refused(path: &Path, wants: &[&str]) -> String {
    let t = Instant::now();
    let o = run_en(&["indicators", path_str(path)]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(o.stdout.is_empty(), "partial output for {}", path.display());
    for w in wants {
        assert!(err.contains(w), "{w:?} not in {err}");
    }
    assert!(t.elapsed() < Duration::from_secs(60), "{:?}", t.elapsed());
    err
}

#[test]
fn a_date_where_a_figure_belongs_is_refused_naming_the_cell() {
    let dir = tempdir("hostile-date");
    // As a date cell: Excel stores 1.5.2020 as 43 952, which was read as
    // 43 952 000 €.
    let date = dir.join("date.xlsx");
    let fmt = rust_xlsxwriter::Format::new().set_num_format("d.m.yyyy");
    let day = rust_xlsxwriter::ExcelDateTime::from_ymd(2020, 5, 1).unwrap();
    write_grids(&date, &example_grids(), |sheet, r, c, ws| {
        let here = sheet == INCOME && (r, c) == (ROW, COL);
        if here {
            ws.write_datetime_with_format(r, c as u16, &day, &fmt)
                .unwrap();
        }
        here
    });
    refused(
        &date,
        &[
            "date.xlsx",
            "'Tuloslaskelma'",
            "C9",
            "'1.5.2020' is not a number",
        ],
    );
    // As text, a date's dots were taken for thousands separators: 152 020.
    for (name, text) in [("text-date", "1.5.2020"), ("stray-dot", "4.56.8")] {
        let path = dir.join(format!("{name}.xlsx"));
        write_grids(&path, &example_grids(), |sheet, r, c, ws| {
            let here = sheet == INCOME && (r, c) == (ROW, COL);
            if here {
                ws.write_string(r, c as u16, text).unwrap();
            }
            here
        });
        refused(
            &path,
            &[
                "'Tuloslaskelma'",
                "C9",
                &format!("'{text}' is not a number"),
            ],
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn thousands_separators_stand_between_groups_of_three() {
    let v = |s: &str| parse_text(s).ok().flatten().map(|n| n.value);
    assert_eq!(v("1.234.567"), Some(Decimal::from(1_234_567)));
    assert_eq!(v("1.234.567,5"), Some(Decimal::new(12_345_675, 1)));
    assert_eq!(v("1,234,567"), Some(Decimal::from(1_234_567)));
    assert_eq!(v("-12.345.678"), Some(Decimal::from(-12_345_678)));
    for s in [
        "1.5.2020",
        "31.12.2024",
        "12.34.567",
        "1,23,456",
        "1234.567.890",
        ".123.456",
    ] {
        assert!(parse_text(s).is_err(), "{s} read as {:?}", v(s));
    }
}

#[test]
fn a_cell_reference_the_reader_cannot_hold_is_refused_naming_it() {
    let dir = tempdir("hostile-refs");
    // The reader multiplies these up without bounds: a panic in a debug
    // build, in a release build another cell's place.
    for (name, r) in [("letters", "ZZZZZZZZ9"), ("digits", "C99999999999")] {
        let path = dir.join(format!("{name}.xlsx"));
        with_c9(&path, &format!("<c r=\"{r}\"><v>4568</v></c>"));
        refused(
            &path,
            &[&format!("'{r}' is not a cell reference"), "sheet1.xml"],
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_cell_given_twice_is_refused_naming_it() {
    let dir = tempdir("hostile-twice");
    let path = dir.join("twice.xlsx");
    // The second used to replace the first: 9 999 read where Excel shows 4 568.
    with_c9(
        &path,
        "<c r=\"C9\"><v>4568</v></c><c r=\"C9\"><v>9999</v></c>",
    );
    refused(&path, &["'Tuloslaskelma'", "C9", "twice"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_cell_of_megabytes_is_refused_in_a_line_and_in_seconds() {
    let dir = tempdir("hostile-big-cell");
    // Ten megabytes of digits in groups of three: reading them took longer
    // than a minute (each gap looked at the whole rest), and the message
    // quoted all of it.
    let digits = dir.join("digits.xlsx");
    let text = "111 ".repeat(2_500_000);
    with_c9(
        &digits,
        &format!("<c r=\"C9\" t=\"inlineStr\"><is><t>{text}</t></is></c>"),
    );
    let err = refused(&digits, &["'Tuloslaskelma'", "C9", "is not a number"]);
    assert!(err.len() < 1_000, "{} bytes of message", err.len());
    // A label of ten megabytes in A9.
    let label = dir.join("label.xlsx");
    rewrite_example(&label, |name, text| {
        if name != "xl/worksheets/sheet1.xml" {
            return text;
        }
        let start = text.find("<c r=\"A9\"").unwrap();
        let end = start + text[start..].find("</c>").unwrap() + 4;
        let big = "Maksutuotot ".repeat(900_000);
        let cell = format!("<c r=\"A9\" t=\"inlineStr\"><is><t>{big}</t></is></c>");
        format!("{}{cell}{}", &text[..start], &text[end..])
    });
    let err = refused(&label, &["'Tuloslaskelma'", "A9"]);
    assert!(err.len() < 3_000, "{} bytes of message", err.len());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn values_a_figure_cannot_be_are_refused_naming_the_cell() {
    let dir = tempdir("hostile-values");
    for (name, v, says) in [
        ("inf", "inf", "not a figure"),
        ("nan", "NaN", "not a figure"),
        ("e400", "1e400", "not a figure"),
        ("e308", "1e308", "1e308"),
    ] {
        let path = dir.join(format!("{name}.xlsx"));
        with_c9(&path, &format!("<c r=\"C9\"><v>{v}</v></c>"));
        refused(&path, &["'Tuloslaskelma'", "C9", says]);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_date_in_a_long_table_is_no_figure() {
    let dir = tempdir("hostile-long-date");
    let csv = dir.join("long.csv");
    crate::support::long_table(&csv, &["Kivijoki"], |_| 1000);
    let text = std::fs::read_to_string(&csv).unwrap();
    // The first figure's line written as a date: read as 152 020 before.
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let (head, _) = lines[1].rsplit_once(';').unwrap();
    lines[1] = format!("{head};1.5.2020");
    std::fs::write(&csv, lines.join("\n") + "\n").unwrap();
    let out = dir.join("out");
    let o = run_en(&["batch", path_str(&csv), "--out", path_str(&out)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let failures = std::fs::read_to_string(out.join("failures.csv")).unwrap();
    assert!(
        failures.contains("line 2") && failures.contains("'1.5.2020' is not a number"),
        "{failures}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A formula whose value was never computed is no figure: one with no
/// saved value would read as an empty cell, and in a workbook marked to be
/// computed when opened (as programs that write formulas without computing
/// them mark it) the saved value is a placeholder, 0 from rust_xlsxwriter
/// and XlsxWriter. A formula a spreadsheet program computed reads as its
/// value.
#[test]
fn a_formula_never_computed_is_refused_naming_its_cell() {
    let dir = tempdir("hostile-formula");
    let unsaved = dir.join("unsaved.xlsx");
    with_c9(&unsaved, r#"<c r="C9"><f>SUM(C7:C8)</f></c>"#);
    refused(
        &unsaved,
        &["unsaved.xlsx", "'Tuloslaskelma'", "C9", "never computed"],
    );

    // The example's workbook part carries the mark; a placeholder 0 there
    // would have been read as the year's figure.
    let placeholder = dir.join("placeholder.xlsx");
    with_c9(&placeholder, r#"<c r="C9"><f>SUM(C7:C8)</f><v>0</v></c>"#);
    refused(&placeholder, &["'Tuloslaskelma'", "C9", "never computed"]);

    // Written by rust_xlsxwriter with a formula where a figure stands.
    let written = dir.join("written.xlsx");
    write_grids(&written, &example_grids(), |sheet, r, c, ws| {
        let here = sheet == INCOME && (r, c) == (ROW, COL);
        if here {
            ws.write_formula(r, c as u16, "=1+1").unwrap();
        }
        here
    });
    refused(&written, &["'Tuloslaskelma'", "C9", "never computed"]);

    // Computed and saved (no mark): the saved value is the figure.
    let computed = dir.join("computed.xlsx");
    rewrite_example(&computed, |name, text| match name {
        "xl/workbook.xml" => text.replace(r#" fullCalcOnLoad="1""#, ""),
        "xl/worksheets/sheet1.xml" => {
            let start = text.find("<c r=\"C9\"").expect("C9 in the example");
            let end = start + text[start..].find("</c>").unwrap() + "</c>".len();
            let value = text[start..end]
                .split("<v>")
                .nth(1)
                .and_then(|v| v.split("</v>").next())
                .expect("C9 holds a number")
                .to_string();
            let cell = format!(r#"<c r="C9"><f>SUM(C7:C8)</f><v>{value}</v></c>"#);
            format!("{}{cell}{}", &text[..start], &text[end..])
        }
        _ => text,
    });
    let plain = run_en(&["indicators", path_str(&example()), "--format", "csv"]);
    let o = run_en(&["indicators", path_str(&computed), "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(o.stdout, plain.stdout);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A shared-string cell whose number is no index: the spreadsheet reader
/// took "-1" for the first string, which in a label's cell would move a
/// row's figures to another line.
#[test]
fn a_shared_string_number_that_is_no_index_is_refused_naming_its_cell() {
    let dir = tempdir("hostile-shared");
    for v in ["-1", "1e3", ""] {
        let path = dir.join("shared.xlsx");
        with_c9(&path, &format!(r#"<c r="C9" t="s"><v>{v}</v></c>"#));
        refused(
            &path,
            &["xl/worksheets/sheet1.xml", "C9", "shared string number"],
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
