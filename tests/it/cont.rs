//! A workbook's container as the spreadsheet reader opens it: every part
//! the reader may open as a sheet gets the same checks, whatever its name,
//! and what a part costs once parsed is bounded. Each hostile file is
//! refused with exit code 2 and a message naming the part or the cell,
//! within seconds, never a crash.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::{c9_written, example, path_str, run_en, stderr, tempdir};

/// Copies the example, letting `edit` rename an entry or change its bytes.
fn rewrite(to: &Path, edit: impl FnMut(&str, Vec<u8>) -> (String, Vec<u8>)) {
    crate::support::rewrite_zip(&example(), to, edit)
}

/// The example with the income statement's part stored as `part` (the
/// relationship's target `target`) and its C9 written as `c9`.
fn moved(to: &Path, part: &str, target: &str, c9: &str) {
    rewrite(to, |name, data| {
        let text = || String::from_utf8(data.clone()).unwrap();
        match name {
            "xl/worksheets/sheet1.xml" => (part.to_string(), c9_written(&text(), c9).into_bytes()),
            "xl/_rels/workbook.xml.rels" => (
                name.to_string(),
                text()
                    .replace("\"worksheets/sheet1.xml\"", &format!("\"{target}\""))
                    .into_bytes(),
            ),
            _ => (name.to_string(), data),
        }
    })
}

/// Runs `indicators` and asserts exit code 2 within seconds, no output and
/// a message naming every one of `wants`.
fn refused(path: &Path, wants: &[&str]) -> String {
    let t = Instant::now();
    let o = run_en(&["indicators", path_str(path)]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{}: {err}", path.display());
    assert!(o.stdout.is_empty(), "partial output for {}", path.display());
    assert!(!err.contains("panicked"), "{err}");
    for w in wants {
        assert!(err.contains(w), "{w:?} not in {err}");
    }
    assert!(t.elapsed() < Duration::from_secs(20), "{:?}", t.elapsed());
    err
}

/// A sheet stored outside `xl/worksheets/*.xml` is opened by the reader all
/// the same: its shared-string index, references and formulas are checked
/// as any sheet's are.
#[test]
fn a_sheet_stored_under_another_name_gets_every_check() {
    let dir = tempdir("cont-moved");
    let places = [
        ("xl/sheet1.xml", "sheet1.xml"),
        ("xl/worksheets/sheet1.dat", "worksheets/sheet1.dat"),
        ("xl/worksheets/Sheet1.XML", "/xl/worksheets/sheet1.xml"),
        ("xl\\worksheets\\sheet1.xml", "worksheets/sheet1.xml"),
    ];
    for (i, (part, target)) in places.into_iter().enumerate() {
        // "-1" would be read as the first shared string, the city's name.
        let ss = dir.join(format!("ss{i}.xlsx"));
        moved(&ss, part, target, r#"<c r="C9" t="s"><v>-1</v></c>"#);
        refused(&ss, &[part, "C9", "shared string number '-1'"]);
        // A reference the reader would overflow on, or wrap to another cell.
        let far = dir.join(format!("far{i}.xlsx"));
        moved(&far, part, target, r#"<c r="C99999999999"><v>1</v></c>"#);
        refused(&far, &[part, "'C99999999999' is not a cell reference"]);
        // The example asks to be computed on load: a formula's saved 0 is a
        // placeholder, not Maksutuotot's 4 568.
        let f = dir.join(format!("f{i}.xlsx"));
        moved(&f, part, target, r#"<c r="C9"><f>1+1</f><v>0</v></c>"#);
        refused(&f, &["'Tuloslaskelma'", "C9", "never computed"]);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A deflate bomb is measured in any entry, whatever its name says.
#[test]
fn a_bomb_in_an_entry_of_any_name_is_refused() {
    let dir = tempdir("cont-bomb");
    let zeros = crate::hostile::deflated_zeros(300 << 20);
    for name in ["xl/worksheets/sheet1.dat", "xl/media/image1.png", "data"] {
        let bomb = dir.join("bomb.xlsx");
        crate::hostile::bomb_zip(&bomb, name, &zeros, 300 << 20);
        refused(&bomb, &["bomb.xlsx", name, "more than 200 MB"]);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A used range whose end comes before its start stopped a debug build in
/// the reader (a subtraction) and wrapped in a release build.
#[test]
fn a_used_range_that_ends_before_it_starts_is_refused_naming_the_part() {
    let dir = tempdir("cont-dimension");
    for dim in ["L41:A1", "B2:A1", "A2:B1"] {
        let path = dir.join("dim.xlsx");
        rewrite(&path, |name, data| {
            let mut text = String::from_utf8(data).unwrap();
            if name == "xl/worksheets/sheet3.xml" {
                let start = text.find("<dimension ").expect("a used range");
                let end = start + text[start..].find("/>").unwrap() + 2;
                text.replace_range(start..end, &format!(r#"<dimension ref="{dim}"/>"#));
            }
            (name.to_string(), text.into_bytes())
        });
        refused(
            &path,
            &["xl/worksheets/sheet3.xml", dim, "ends before it starts"],
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A table nested in a cell ended the outer sheet's measurement, so the
/// reader built a dense range of what followed: 1.7 KB took a gigabyte.
#[test]
fn a_table_nested_in_a_cell_does_not_hide_the_rest_of_its_sheet() {
    let dir = tempdir("cont-nested");
    let nested = r#"<table:table-row><table:table-cell><table:table table:name="n"><table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row></table:table></table:table-cell></table:table-row>"#;
    let far = r#"<table:table-row table:number-rows-repeated="60000"><table:table-cell/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="250"/><table:table-cell office:value-type="float" office:value="1"/></table:table-row>"#;
    let path = dir.join("nested.ods");
    crate::hostile::example_as_ods(&path, &format!("{nested}{far}"));
    refused(
        &path,
        &[
            "nested.ods",
            "'Tuloslaskelma'",
            "content spans A1:IQ",
            "at most 4194304 cells",
        ],
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The example with `extra` appended inside the element `close` ends.
fn padded(to: &Path, part: &str, close: &str, extra: &str) {
    rewrite(to, |name, data| {
        let text = String::from_utf8(data).unwrap();
        let text = match name == part {
            true => text.replace(close, &format!("{extra}{close}")),
            false => text,
        };
        (name.to_string(), text.into_bytes())
    });
}

/// Styles and shared strings within the part's size limit can still cost
/// gigabytes once parsed (five bytes of `<si/>` each): their count is
/// bounded, and the refusal comes before the reader parses them.
#[test]
fn styles_and_shared_strings_are_bounded_by_count() {
    let dir = tempdir("cont-counts");
    // The example has five <xf> and one <numFmt>: 100 000 in all is read.
    let within = dir.join("within.xlsx");
    let xf = r#"<xf numFmtId="0"/>"#;
    padded(&within, "xl/styles.xml", "</cellXfs>", &xf.repeat(99_994));
    let o = run_en(&["indicators", path_str(&within), "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let plain = run_en(&["indicators", path_str(&example()), "--format", "csv"]);
    assert_eq!(o.stdout, plain.stdout);

    let styles = dir.join("styles.xlsx");
    padded(&styles, "xl/styles.xml", "</cellXfs>", &xf.repeat(99_995));
    refused(&styles, &["xl/styles.xml", "more than 100000 styles"]);

    let strings = dir.join("strings.xlsx");
    padded(
        &strings,
        "xl/sharedStrings.xml",
        "</sst>",
        &"<si/>".repeat(2_000_000),
    );
    let t = Instant::now();
    refused(
        &strings,
        &["xl/sharedStrings.xml", "more than 2000000 shared strings"],
    );
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    let _ = std::fs::remove_dir_all(&dir);
}

/// `fullCalcOnLoad` is an XML attribute: any quote, spaces around '=' and
/// an xsd:boolean's value all mean the saved values are placeholders.
#[test]
fn a_workbook_computed_on_load_is_recognised_however_its_attribute_is_written() {
    let dir = tempdir("cont-fullcalc");
    for mark in [
        "fullCalcOnLoad='1'",
        "fullCalcOnLoad = \"1\"",
        "fullCalcOnLoad=\" 1\"",
        "fullCalcOnLoad=\"true\"",
    ] {
        let path = dir.join("calc.xlsx");
        rewrite(&path, |name, data| {
            let text = String::from_utf8(data).unwrap();
            let text = match name {
                "xl/workbook.xml" => text.replace("fullCalcOnLoad=\"1\"", mark),
                "xl/worksheets/sheet1.xml" => {
                    c9_written(&text, r#"<c r="C9"><f>SUM(C7:C8)</f><v>0</v></c>"#)
                }
                _ => text,
            };
            (name.to_string(), text.into_bytes())
        });
        refused(&path, &["'Tuloslaskelma'", "C9", "never computed"]);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// What the reader would take for an empty sheet or cell, or for another
/// figure, is refused naming the sheet or the cell.
#[test]
fn a_part_that_is_no_sheet_and_values_excel_refuses_are_refused() {
    let dir = tempdir("cont-nosheet");
    // The income statement's relationship names the workbook's own part, or
    // the part is UTF-16: either read as a sheet without a single cell.
    let own = dir.join("own.xlsx");
    moved(
        &own,
        "xl/worksheets/sheet1.xml",
        "workbook.xml",
        r#"<c r="C9"/>"#,
    );
    refused(
        &own,
        &[
            "own.xlsx",
            "sheet 'Tuloslaskelma'",
            "xl/workbook.xml",
            "has no cells",
        ],
    );
    let utf16 = dir.join("utf16.xlsx");
    rewrite(&utf16, |name, data| match name {
        "xl/worksheets/sheet1.xml" => {
            let text = String::from_utf8(data).unwrap().replace("UTF-8", "UTF-16");
            let mut out = vec![0xFF, 0xFE];
            out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            (name.to_string(), out)
        }
        _ => (name.to_string(), data),
    });
    refused(
        &utf16,
        &[
            "sheet 'Tuloslaskelma'",
            "xl/worksheets/sheet1.xml",
            "has no cells",
        ],
    );

    // Maksutuotot 2020 (4 568) given twice, or as an empty number.
    let c9 = |name: &str, xml: &str| {
        let path = dir.join(name);
        rewrite(&path, |part, data| {
            let text = String::from_utf8(data).unwrap();
            let text = match part {
                "xl/worksheets/sheet1.xml" => c9_written(&text, xml),
                _ => text,
            };
            (part.to_string(), text.into_bytes())
        });
        path
    };
    let twice = c9("twice.xlsx", r#"<c r="C9"><v>4568</v><v>5</v></c>"#);
    refused(
        &twice,
        &["xl/worksheets/sheet1.xml", "cell C9", "two values"],
    );
    for (i, v) in ["<v></v>", "<v> </v>", "<v/>"].into_iter().enumerate() {
        let empty = c9(
            &format!("empty{i}.xlsx"),
            &format!(r#"<c r="C9" s="3">{v}</c>"#),
        );
        refused(
            &empty,
            &[
                "xl/worksheets/sheet1.xml",
                "cell C9",
                "value (<v>) is empty",
            ],
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Cells without references past the last column a sheet has (207 KB of
/// `<c/>` made 48 million, walked for seconds to minutes) are refused at
/// the first one.
#[test]
fn a_cell_past_the_last_column_is_refused_at_the_first() {
    let dir = tempdir("cont-beyond");
    let path = dir.join("beyond.xlsx");
    let row = format!(r#"<row r="100">{}</row>"#, "<c/>".repeat(20_000));
    padded(&path, "xl/worksheets/sheet7.xml", "</sheetData>", &row);
    refused(
        &path,
        &["xl/worksheets/sheet7.xml", "cell XFE100", "past XFD1048576"],
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A workbook is judged by its first bytes, not its name: an xlsx named
/// `.xls`, `.xlsb` or `.ods` reads as the xlsx it is.
#[test]
fn an_xlsx_under_another_name_reads_as_itself() {
    let dir = tempdir("cont-named");
    let plain = run_en(&["indicators", path_str(&example()), "--format", "csv"]);
    assert_eq!(plain.status.code(), Some(0));
    for ext in ["xls", "xlsb", "ods", "XLS"] {
        let path = dir.join(format!("kivikoski.{ext}"));
        std::fs::copy(example(), &path).unwrap();
        let o = run_en(&["indicators", path_str(&path), "--format", "csv"]);
        assert_eq!(o.status.code(), Some(0), "{ext}: {}", stderr(&o));
        assert_eq!(o.stdout, plain.stdout, "{ext}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A shared-string number past the workbook's strings (the example has
/// 131) is refused naming the cell, in the user's language: the reader
/// said only "Cell string index not found in shared strings table".
#[test]
fn a_shared_string_number_past_the_strings_is_refused_naming_the_cell() {
    let dir = tempdir("cont-sst");
    for v in ["131", "99999999999999999999999"] {
        let path = dir.join("sst.xlsx");
        rewrite(&path, |name, data| {
            let text = String::from_utf8(data).unwrap();
            let text = match name {
                "xl/worksheets/sheet1.xml" => {
                    c9_written(&text, &format!(r#"<c r="C9" t="s"><v>{v}</v></c>"#))
                }
                _ => text,
            };
            (name.to_string(), text.into_bytes())
        });
        refused(
            &path,
            &[
                "xl/worksheets/sheet1.xml",
                "cell C9",
                "no shared string number",
                "there are 131",
            ],
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
