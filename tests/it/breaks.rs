//! Every output shows what rests on a break: the example with its 2023
//! income statement's vuosikate 5 000 € off its parts. Indicator 1 of 2023
//! rests on it; the terminal, CSV, JSON, HTML and Excel outputs all say so,
//! and the same outputs of the example as it is say nothing of breaks.

use std::io::Read;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader};
use kivijalka::model::dataset::Entity;
use serde_json::Value;

use crate::support::make_example::{self, Style};
use crate::support::{example, path_str, root, run, stderr, stdout, tempdir};

const YEAR: i32 = 2023;
const EXAMPLE: &str = "data/kivikoski.xlsx";

/// The example with the city's 2023 vuosikate (income statement) 5 t€
/// above the sum of its parts; everything else as published.
fn broken(dir: &Path) -> PathBuf {
    let mut figures = make_example::derive(&root().join("data/kivikoski"));
    *figures.get_mut(&("city", "tl.vuosikate", YEAR)).unwrap() += rust_decimal::Decimal::from(5);
    let path = dir.join("broken.xlsx");
    make_example::write(&figures, Style::default(), &path);
    path
}

/// The cell the broken workbook's 2023 vuosikate (income statement) was
/// read from, as the outputs name it ("F32").
fn vuosikate_cell(wb: &Path) -> String {
    let ds = kivijalka::ingest::read_path(wb).unwrap();
    let f = ds.get(Entity::City, "tl.vuosikate", YEAR).unwrap();
    f.source.cell.clone().unwrap()
}

fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

/// The row of the indicators table for a year.
fn row(table: &str, year: i32) -> &str {
    table
        .lines()
        .find(|l| l.starts_with(&format!("{year} ")))
        .unwrap_or_else(|| panic!("no row {year} in\n{table}"))
}

/// The indicators table's cells of a row, split at two or more spaces.
fn cells(line: &str) -> Vec<&str> {
    line.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

#[test]
fn the_indicators_table_marks_what_rests_on_the_break_and_lists_it() {
    let dir = tempdir("breaks-table");
    let wb = broken(&dir);
    let cell = vuosikate_cell(&wb);
    let table = ok(&["indicators", path_str(&wb)]);
    // The column of indicator 1 is the third cell (year, kind, 1, ...):
    // marked in 2023 only. Indicator 2 reads only the balance sheets, which
    // add up: never marked.
    for y in 2019..=2029 {
        let c = cells(row(&table, y));
        assert_eq!(c[2].contains('⚠'), y == YEAR, "{y}: {c:?}\n{table}");
        assert!(!c[3].contains('⚠'), "{y}: {c:?}");
    }
    // Indicator 1 of 2023 is 5 000 € above the example's.
    let plain = ok(&["indicators", example().to_str().unwrap()]);
    assert_eq!(
        euros(cells(row(&table, YEAR))[2]) - euros(cells(row(&plain, YEAR))[2]),
        5000
    );
    // The section names each break: entity, statement, year, identity,
    // difference and cells; the first is vuosikate against its parts.
    let section = table.split("Tarkistukset:").nth(1).expect(&table);
    let first = section
        .lines()
        .find(|l| l.trim_start().starts_with("⚠1 "))
        .expect(section);
    assert!(
        first.contains("kaupunki, tuloslaskelma 2023: Vuosikate = Toimintakate"),
        "{first}"
    );
    assert!(first.contains("erotus 5 000 €"), "{first}");
    assert!(
        first.contains(&format!("solut Tuloslaskelma {cell}")),
        "{first}"
    );
    // The example as it is: no mark, no section.
    assert!(!plain.contains('⚠'), "{plain}");
    assert!(!plain.contains("Tarkistukset"), "{plain}");
}

/// "6 755 000 (184 %) ✓ ⚠1" → 6755000.
fn euros(s: &str) -> i64 {
    let digits: String = s
        .split(" (")
        .next()
        .unwrap()
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '−')
        .collect();
    let v: i64 = digits.trim_start_matches('−').parse().unwrap();
    if digits.starts_with('−') { -v } else { v }
}

fn csv_rows(text: &str) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect()
}

fn csv_column(text: &str, name: &str) -> usize {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    r.headers().unwrap().iter().position(|h| h == name).unwrap()
}

#[test]
fn csv_and_json_carry_the_breaks_each_value_rests_on() {
    let dir = tempdir("breaks-csv");
    let wb = broken(&dir);
    let cell = vuosikate_cell(&wb);
    let ex = example();
    for (path, broken) in [(path_str(&wb), true), (ex.to_str().unwrap(), false)] {
        // Indicators, CSV: indicator 1 of 2023 names the vuosikate's cell;
        // indicator 1 of other years and indicator 2 of every year nothing.
        let text = ok(&["indicators", path, "--format", "csv"]);
        let field = csv_column(&text, "rests_on_break");
        let rows = csv_rows(&text);
        let ind1: Vec<_> = rows
            .iter()
            .filter(|r| &r[1] == "1" && r[4].is_empty())
            .collect();
        assert_eq!(ind1.len(), 11);
        for r in ind1 {
            let marked = &r[5] == "2023" && broken;
            assert_eq!(!r[field].is_empty(), marked, "{r:?}");
            if marked {
                assert!(r[field].contains("city, income statement 2023"), "{r:?}");
                assert!(r[field].contains("difference 5000 €"), "{r:?}");
                assert!(r[field].contains(&format!("Tuloslaskelma {cell}")), "{r:?}");
            }
        }
        assert!(
            rows.iter()
                .filter(|r| &r[1] == "2")
                .all(|r| r[field].is_empty())
        );

        // Indicators, JSON: the same per value, and the breaks listed.
        let json: Value =
            serde_json::from_str(&ok(&["indicators", path, "--format", "json"])).unwrap();
        assert_eq!(
            json["breaks"].as_array().unwrap().len(),
            if broken { 3 } else { 0 }
        );
        for v in json["values"].as_array().unwrap() {
            let on = v["rests_on_break"].as_array().unwrap();
            if v["indicator"] == 1 {
                assert_eq!(!on.is_empty(), v["year"] == YEAR && broken, "{v}");
            }
            if v["indicator"] == 1 && v["year"] == YEAR && broken {
                assert_eq!(on[0]["entity"], "city");
                assert_eq!(on[0]["year"], YEAR);
                assert_eq!(on[0]["statements"][0]["statement"], "tuloslaskelma");
                assert_eq!(on[0]["difference"], "5000");
                assert!(
                    on[0]["identity"]
                        .as_str()
                        .unwrap()
                        .starts_with("Vuosikate = ")
                );
                assert!(
                    on[0]["cells"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|c| c["cell"] == cell.as_str())
                );
            }
        }

        // Ratios: vuosikate per resident of 2023 rests on the break, the
        // equity ratio (balance sheet only) does not.
        let text = ok(&["ratios", path, "--format", "csv"]);
        let field = csv_column(&text, "rests_on_break");
        let rows = csv_rows(&text);
        let get = |id: &str, y: &str| {
            rows.iter()
                .find(|r| &r[1] == "city" && &r[2] == id && &r[4] == y)
                .unwrap()[field]
                .to_string()
        };
        assert_eq!(!get("vuosikate_per_asukas", "2023").is_empty(), broken);
        assert!(get("vuosikate_per_asukas", "2022").is_empty());
        assert!(get("omavaraisuusaste_pct", "2023").is_empty());
        let json: Value = serde_json::from_str(&ok(&["ratios", path, "--format", "json"])).unwrap();
        let marked = json["ratios"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| !r["rests_on_break"].as_array().unwrap().is_empty())
            .count();
        assert_eq!(marked > 0, broken);
        assert_eq!(
            json["breaks"].as_array().unwrap().len(),
            if broken { 3 } else { 0 }
        );
    }
}

#[test]
fn the_html_report_lists_the_breaks_and_marks_the_values() {
    let dir = tempdir("breaks-html");
    let wb = broken(&dir);
    let cell = vuosikate_cell(&wb);
    let out = dir.join("r.html");
    ok(&["report", path_str(&wb), "--out", path_str(&out)]);
    let html = std::fs::read_to_string(&out).unwrap();
    let section = html
        .split("<section id=\"checks\"><h2>Tarkistukset</h2>")
        .nth(1)
        .expect("no Tarkistukset section")
        .split("</section>")
        .next()
        .unwrap();
    assert!(
        section.contains("kaupunki, tuloslaskelma 2023"),
        "{section}"
    );
    assert!(section.contains("5 000 €"), "{section}");
    assert!(
        section.contains(&format!("Tuloslaskelma {cell}")),
        "{section}"
    );
    // Indicator 1 of 2023 in the summary table: its cell framed and marked.
    let row = html
        .split("<tr><td>2023</td>")
        .nth(1)
        .unwrap()
        .split("</tr>")
        .next()
        .unwrap();
    let first = row.split("<td").nth(2).unwrap();
    assert!(first.contains("break\"") && first.contains("⚠1"), "{row}");
    let row22 = html
        .split("<tr><td>2022</td>")
        .nth(1)
        .unwrap()
        .split("</tr>")
        .next()
        .unwrap();
    assert!(!row22.contains("break-mark"), "{row22}");

    // In English the section is "Checks".
    let en = dir.join("en.html");
    ok(&[
        "report",
        path_str(&wb),
        "--lang",
        "en",
        "--out",
        path_str(&en),
    ]);
    let html = std::fs::read_to_string(&en).unwrap();
    assert!(html.contains("<section id=\"checks\"><h2>Checks</h2>"));
    assert!(html.contains("city, income statement 2023"));

    // The example as it is: the section says there is none, nothing marked.
    let plain = dir.join("plain.html");
    ok(&["report", EXAMPLE, "--out", path_str(&plain)]);
    let html = std::fs::read_to_string(&plain).unwrap();
    assert!(html.contains(
        "<section id=\"checks\"><h2>Tarkistukset</h2><p>Laskelmien kaavat täsmäävät: ei poikkeamia.</p></section>"
    ));
    assert!(!html.contains("class=\"break-mark\""));
    assert!(!html.contains("break\""));
}

fn zip_entry(path: &Path, name: &str) -> Option<String> {
    let f = std::fs::File::open(path).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap();
    let mut s = String::new();
    z.by_name(name).ok()?.read_to_string(&mut s).unwrap();
    Some(s)
}

#[test]
fn the_excel_report_has_a_checks_sheet_and_notes_the_values() {
    let dir = tempdir("breaks-xlsx");
    let wb = broken(&dir);
    let cell = vuosikate_cell(&wb);
    let out = dir.join("r.xlsx");
    ok(&["report", path_str(&wb), "--out", path_str(&out)]);
    let mut book = calamine::open_workbook_auto(&out).unwrap();
    let checks = book.worksheet_range("Tarkistukset").unwrap();
    let at = |r: u32, c: u32| checks.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(at(0, 0), Data::String("Tarkistukset".into()));
    assert_eq!(at(4, 0), Data::String("⚠1".into()));
    assert_eq!(
        at(4, 1),
        Data::String("kaupunki, tuloslaskelma 2023".into())
    );
    assert!(matches!(at(4, 2), Data::String(s) if s.starts_with("Vuosikate = ")));
    assert_eq!(at(4, 3), Data::Float(5000.0));
    assert!(matches!(at(4, 4), Data::String(s) if s.contains(&format!("Tuloslaskelma {cell}"))));
    assert_eq!(at(7, 0), Data::Empty, "three breaks, no more");
    // The summary: indicator 1's status of 2023 carries the mark, 2022's not;
    // the value cell carries a note naming the cell.
    let sum = book.worksheet_range("Yhteenveto").unwrap();
    let s = |r: u32, c: u32| sum.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    let row = |y: f64| (4..40).find(|r| s(*r, 0) == Data::Float(y)).unwrap();
    assert!(matches!(s(row(2023.0), 3), Data::String(t) if t.ends_with("⚠1,2,3")));
    assert!(matches!(s(row(2022.0), 3), Data::String(t) if !t.contains('⚠')));
    let notes = zip_entry(&out, "xl/comments1.xml").expect("notes");
    assert!(notes.contains(&format!("Tuloslaskelma {cell}")), "{notes}");

    // The example as it is: the sheet says there is none; no notes.
    let plain = dir.join("plain.xlsx");
    ok(&["report", EXAMPLE, "--out", path_str(&plain)]);
    let mut book = calamine::open_workbook_auto(&plain).unwrap();
    let checks = book.worksheet_range("Tarkistukset").unwrap();
    assert_eq!(
        checks.get_value((1, 0)),
        Some(&Data::String(
            "Laskelmien kaavat täsmäävät: ei poikkeamia.".into()
        ))
    );
    assert_eq!(zip_entry(&plain, "xl/comments1.xml"), None);
}

#[test]
fn forecast_and_compare_mark_the_actual_years_that_rest_on_the_break() {
    let dir = tempdir("breaks-forecast");
    let wb = broken(&dir);
    let base = "scenarios/baseline.toml";
    // Indicator 5 sums the T+I cash flow of five years: those of 2023 to
    // 2027 include the 2023 cash flow statement, which the break joins.
    let table = ok(&["forecast", path_str(&wb), "--scenario", base]);
    for y in 2025..=2035 {
        let c = cells(row(&table, y));
        assert_eq!(c[6].ends_with("⚠3"), y <= 2027, "{y}: {c:?}\n{table}");
    }
    assert!(table.contains("Tarkistukset:"), "{table}");
    let text = ok(&[
        "forecast",
        path_str(&wb),
        "--scenario",
        base,
        "--format",
        "csv",
    ]);
    let field = csv_column(&text, "rests_on_break");
    for r in csv_rows(&text)
        .iter()
        .filter(|r| &r[1] == "5" && r[4].is_empty())
    {
        let y: i32 = r[5].parse().unwrap();
        assert_eq!(!r[field].is_empty(), y <= 2027, "{r:?}");
    }
    let cmp = [
        "compare",
        path_str(&wb),
        base,
        "scenarios/savings.toml",
        "--format",
        "csv",
    ];
    let text = ok(&cmp);
    let field = csv_column(&text, "rests_on_break");
    let marked: Vec<(String, String)> = csv_rows(&text)
        .iter()
        .filter(|r| !r[field].is_empty())
        .map(|r| (r[3].to_string(), r[5].to_string()))
        .collect();
    // Both scenarios, indicator 5 of 2025, 2026 and 2027.
    assert_eq!(marked.len(), 6, "{marked:?}");
    assert!(
        marked
            .iter()
            .all(|(i, y)| i == "5" && ["2025", "2026", "2027"].contains(&y.as_str()))
    );

    let ex = example();
    let plain = ok(&["forecast", ex.to_str().unwrap(), "--scenario", base]);
    assert!(
        !plain.contains('⚠') && !plain.contains("Tarkistukset"),
        "{plain}"
    );
    let plain = ok(&[
        "compare",
        ex.to_str().unwrap(),
        base,
        "scenarios/savings.toml",
    ]);
    assert!(
        !plain.contains('⚠') && !plain.contains("Tarkistukset"),
        "{plain}"
    );
}
