//! Statements as finance departments export them, beyond the layouts of
//! tests/it/layouts.rs: a sheet a year, the balance sheet's two sides on
//! two sheets, balance sheet columns headed by the year's last day (as
//! text or as a date cell), a budget column only in its amended form. Each
//! reads to the very figures of the example; a statement given twice is an
//! error naming both cells.

use std::collections::BTreeMap;

use kivijalka::ingest::grid::{Cell, Grid};
use kivijalka::ingest::read_grids;
use kivijalka::ingest::workbook::load_grids;
use kivijalka::model::dataset::{Dataset, Entity};
use rust_decimal::Decimal;

use crate::hostile_cells::{example_grids, write_grids};
use crate::ingestion::errors;
use crate::support::{path_str, run_en, stdout, tempdir};

const FILE: &str = "kivikoski.xlsx";

type Figures = BTreeMap<(Entity, &'static str, i32), Decimal>;

fn figures(ds: &Dataset) -> Figures {
    ds.figures.iter().map(|(k, f)| (*k, f.value)).collect()
}

fn read(grids: Vec<Grid>) -> Dataset {
    read_grids(FILE, grids).unwrap_or_else(|e| panic!("{e}"))
}

/// Reads `grids` and asserts the example's figures, years and name, and no
/// errors; returns the dataset.
fn same_as_example(what: &str, grids: Vec<Grid>) -> Dataset {
    let want = read(example_grids());
    let ds = read(grids);
    assert!(errors(&ds).is_empty(), "{what}: {:?}", errors(&ds));
    let (got, want_f) = (figures(&ds), figures(&want));
    let missing: Vec<_> = want_f
        .iter()
        .filter(|(k, v)| got.get(k) != Some(v))
        .collect();
    assert!(
        missing.is_empty(),
        "{what}: missing or different {missing:?}"
    );
    assert_eq!(got.len(), want_f.len(), "{what}: extra figures");
    assert_eq!(ds.years, want.years, "{what}: years");
    assert_eq!(ds.name(), want.name(), "{what}: name");
    ds
}

pub(crate) fn text(g: &Grid, r: u32, c: u32) -> String {
    g.get(r, c).text().unwrap_or_default().to_string()
}

/// The row of a sheet's year headings.
pub(crate) fn header_row(g: &Grid) -> u32 {
    (0..g.height())
        .find(|r| (0..g.width()).any(|c| text(g, *r, c).starts_with("TP ")))
        .expect("a header row")
}

/// Rows `rows` of `g` as a new sheet `name`, keeping only columns `cols`.
fn part(g: &Grid, name: &str, rows: &[u32], cols: &[u32]) -> Grid {
    let mut out = Grid::new(name);
    for (i, r) in rows.iter().enumerate() {
        for (j, c) in cols.iter().enumerate() {
            out.set(i as u32, j as u32, g.get(*r, *c).clone());
        }
    }
    out
}

fn has_notice(ds: &Dataset, code: &str) -> bool {
    ds.findings.iter().any(|f| f.code == code)
}

#[test]
fn a_sheet_a_year_reads_as_the_statements_do() {
    let mut grids = Vec::new();
    for g in example_grids() {
        let h = header_row(&g);
        let rows: Vec<u32> = (0..g.height()).collect();
        for c in 1..g.width() {
            let year = text(&g, h, c);
            if year.is_empty() {
                continue;
            }
            let name = format!("{} {}", g.name, &year[3..]);
            grids.push(part(&g, &name, &rows, &[0, c]));
        }
    }
    let ds = same_as_example("a sheet a year", grids);
    assert!(has_notice(&ds, "sheet_continued"));
}

#[test]
fn a_balance_sheet_on_two_sheets_reads_whole() {
    let mut grids = Vec::new();
    for g in example_grids() {
        if !g.name.contains("tase") && g.name != "Tase" {
            grids.push(g);
            continue;
        }
        let h = header_row(&g);
        let split = (h..g.height())
            .find(|r| text(&g, *r, 0).to_uppercase().starts_with("VASTATTAVAA"))
            .expect("VASTATTAVAA");
        let cols: Vec<u32> = (0..g.width()).collect();
        let assets: Vec<u32> = (0..split).collect();
        let liabilities: Vec<u32> = (0..=h).chain(split..g.height()).collect();
        grids.push(part(&g, &format!("{} vastaavaa", g.name), &assets, &cols));
        grids.push(part(
            &g,
            &format!("{} vastattavaa", g.name),
            &liabilities,
            &cols,
        ));
    }
    let ds = same_as_example("the balance sheet's two sides", grids);
    assert!(has_notice(&ds, "sheet_continued"));
}

#[test]
fn a_statement_given_twice_is_an_error_naming_both_cells() {
    let mut grids = example_grids();
    let mut copy = grids
        .iter()
        .find(|g| g.name == "Tuloslaskelma")
        .unwrap()
        .clone();
    copy.name = "Tuloslaskelma (2)".into();
    grids.push(copy);
    let e = read_grids(FILE, grids).unwrap_err().to_string();
    assert!(
        e.contains("sheet 'Tuloslaskelma (2)', cell")
            && e.contains("sheet 'Tuloslaskelma', cell")
            && e.contains("twice on different sheets"),
        "{e}"
    );
}

/// The example with every "TP Y" heading of the balance sheets rewritten.
fn balance_headings(f: impl Fn(&str) -> Cell) -> Vec<Grid> {
    let mut grids = example_grids();
    for g in grids.iter_mut().filter(|g| g.name.ends_with("ase")) {
        let h = header_row(g);
        for c in 0..g.width() {
            let t = text(g, h, c);
            if let Some(y) = t.strip_prefix("TP ") {
                g.set(h, c, f(y));
            }
        }
    }
    grids
}

#[test]
fn balance_sheet_columns_headed_by_the_years_last_day() {
    // As text: "31.12.2024" and "TP 31.12.2024" were no year, and the
    // workbook was refused for want of a header row.
    for (what, prefix) in [("31.12.", ""), ("TP 31.12.", "TP ")] {
        let grids = balance_headings(|y| Cell::Text(format!("{prefix}31.12.{y}")));
        same_as_example(what, grids);
    }
    // As date cells, which were read as their serial numbers (45 657).
    let dir = tempdir("hostile-layout-dates");
    let path = dir.join("dates.xlsx");
    let marked = balance_headings(|y| Cell::Text(format!("DATE {y}")));
    let fmt = rust_xlsxwriter::Format::new().set_num_format("d.m.yyyy");
    let lookup = marked.clone();
    write_grids(&path, &marked, |sheet, r, c, ws| {
        let g = lookup.iter().find(|g| g.name == sheet).unwrap();
        let Some(y) = text(g, r, c)
            .strip_prefix("DATE ")
            .map(|y| y.parse::<u16>().unwrap())
        else {
            return false;
        };
        let day = rust_xlsxwriter::ExcelDateTime::from_ymd(y, 12, 31).unwrap();
        ws.write_datetime_with_format(r, c as u16, &day, &fmt)
            .unwrap();
        true
    });
    same_as_example("date cells", load_grids(&path).unwrap());
    // Through the command line, the indicators are the example's.
    let o = run_en(&["indicators", path_str(&path), "--format", "csv"]);
    let want = run_en(&["indicators", "data/kivikoski.xlsx", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0));
    let body = |s: String| -> Vec<String> {
        s.lines()
            .map(|l| l.split_once(',').map_or(l, |x| x.1).to_string())
            .collect()
    };
    assert_eq!(body(stdout(&o)), body(stdout(&want)));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_amended_budget_alone_is_the_years_budget() {
    let mut grids = example_grids();
    for g in grids.iter_mut() {
        let h = header_row(g);
        for c in 0..g.width() {
            if text(g, h, c) == "TA 2026" {
                g.set(h, c, Cell::Text("TA 2026 (muutettu)".into()));
            }
        }
    }
    let ds = same_as_example("an amended budget alone", grids);
    assert!(has_notice(&ds, "amended_budget_read"));
}

/// The city's statement and the group's on one sheet: labels in column A,
/// the city's years under "Kaupunki", the group's to their right under
/// "Konserni", rows aligned by label (the group's own lines with the
/// city's cells empty).
fn side_by_side(city: &Grid, group: &Grid) -> Grid {
    let (hc, hg) = (header_row(city), header_row(group));
    let (wc, wg) = (city.width(), group.width());
    let mut out = Grid::new(city.name.clone());
    for r in 0..hc.saturating_sub(1) {
        for (c, cell) in city.row_cells(r) {
            out.set(r, c, cell.clone());
        }
    }
    let row = hc.max(1) - 1;
    out.set(row, 1, Cell::Text("Kaupunki".into()));
    out.set(row, wc, Cell::Text("Konserni".into()));
    let mut put = |r: u32, from_city: Option<u32>, from_group: Option<u32>| {
        let label =
            from_group.map_or_else(|| text(city, from_city.unwrap(), 0), |g| text(group, g, 0));
        if !label.is_empty() {
            out.set(r, 0, Cell::Text(label));
        }
        for c in 1..wc {
            if let Some(cr) = from_city {
                out.set(r, c, city.get(cr, c).clone());
            }
        }
        for c in 1..wg {
            if let Some(gr) = from_group {
                out.set(r, wc + c - 1, group.get(gr, c).clone());
            }
        }
    };
    put(hc, Some(hc), Some(hg));
    let mut next_city = hc + 1;
    for (r, g) in (hc + 1..).zip(hg + 1..group.height()) {
        let label = text(group, g, 0);
        let found =
            (next_city..city.height()).find(|cr| text(city, *cr, 0) == label && !label.is_empty());
        if let Some(cr) = found {
            next_city = cr + 1;
        }
        put(r, found, Some(g));
    }
    out
}

#[test]
fn the_city_and_the_group_side_by_side_on_one_sheet() {
    // Refused before: "year TP 2025 has two columns".
    let grids = example_grids();
    let by = |n: &str| grids.iter().find(|g| g.name == n).unwrap().clone();
    let pairs = [
        ("Tuloslaskelma", "Konsernituloslaskelma"),
        ("Rahoituslaskelma", "Konsernin rahoituslaskelma"),
        ("Tase", "Konsernitase"),
    ];
    let mut merged: Vec<Grid> = pairs
        .iter()
        .map(|(c, g)| side_by_side(&by(c), &by(g)))
        .collect();
    merged.push(by("Taustatiedot"));
    same_as_example("the city and the group side by side", merged);
}
