//! Kauhava's and Seinäjoki's published statements (tests/reference), laid
//! out as the conformance test lays them, then exported the ways finance
//! departments export: figures as text with non-breaking spaces, negatives
//! in parentheses or with a trailing minus, years after their kind ("2024
//! TP") or as the balance sheet's day ("TP 31.12.2024"), the city's and the
//! group's statements side by side on one sheet, a sheet a year. Each reads
//! to the figures of the plain layout, which the conformance test ties to
//! the published key ratios, and so to the same ratios.

use std::collections::BTreeMap;

use kivijalka::ingest::grid::{Cell, Grid};
use kivijalka::ingest::number::parse_text;
use kivijalka::ingest::read_grids;
use kivijalka::model::dataset::{Dataset, Entity};
use kivijalka::model::findings::Severity;
use kivijalka::model::ratios::compute_ratios;
use kivijalka::model::targets::Targets;
use rust_decimal::Decimal;

use crate::conformance::workbook;
use crate::hostile_layouts::{header_row, text};

type Figures = BTreeMap<(Entity, &'static str, i32), Decimal>;

fn read(muni: &str, grids: Vec<Grid>) -> Dataset {
    read_grids(&format!("{muni}.xlsx"), grids).unwrap_or_else(|e| panic!("{muni}: {e}"))
}

fn figures(ds: &Dataset) -> Figures {
    ds.figures.iter().map(|(k, f)| (*k, f.value)).collect()
}

type Ratios = BTreeMap<(&'static str, Entity, i32), Option<Decimal>>;

fn ratios(ds: &Dataset) -> Ratios {
    compute_ratios(ds, &Targets::default())
        .into_iter()
        .map(|r| ((r.id, r.entity, r.year), r.value))
        .collect()
}

/// A figure as a ledger prints it: groups of three split by a non-breaking
/// space, a decimal comma, a negative figure as `negative` has it.
fn printed(v: Decimal, negative: fn(String) -> String) -> String {
    let s = v.abs().normalize().to_string();
    let (whole, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(w, f)| (w, Some(f)));
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push('\u{a0}');
        }
        grouped.push(ch);
    }
    if let Some(f) = frac {
        grouped = format!("{grouped},{f}");
    }
    if v.is_sign_negative() && !v.is_zero() {
        negative(grouped)
    } else {
        grouped
    }
}

/// Every figure of `g` below its header rewritten by `negative`, and every
/// year heading by `heading`.
fn reprinted(g: &Grid, negative: fn(String) -> String, heading: &dyn Fn(&str) -> String) -> Grid {
    let h = header_row(g);
    let mut out = g.clone();
    for r in 0..g.height() {
        for c in 1..g.width() {
            let t = text(g, r, c);
            if r == h && t.starts_with("TP ") {
                out.set(r, c, Cell::Text(heading(&t[3..])));
            } else if r > h
                && let Ok(Some(n)) = parse_text(&t)
            {
                out.set(r, c, Cell::Text(printed(n.value, negative)));
            }
        }
    }
    out
}

/// Reads `grids` and asserts the plain layout's figures and ratios and no
/// errors.
fn same_as_plain(muni: &str, what: &str, grids: Vec<Grid>) -> Dataset {
    let plain = read(muni, workbook(muni));
    let ds = read(muni, grids);
    let errors: Vec<String> = ds
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.message.to_string())
        .collect();
    assert!(errors.is_empty(), "{muni}, {what}: {errors:?}");
    let (got, want) = (figures(&ds), figures(&plain));
    let differ: Vec<_> = want.iter().filter(|(k, v)| got.get(k) != Some(v)).collect();
    assert!(differ.is_empty(), "{muni}, {what}: {differ:?}");
    assert_eq!(got.len(), want.len(), "{muni}, {what}: extra figures");
    assert_eq!(ratios(&ds), ratios(&plain), "{muni}, {what}: ratios");
    ds
}

#[test]
fn published_statements_as_text_with_parentheses_trailing_minus_and_dated_headings() {
    let parens: fn(String) -> String = |s| format!("({s})");
    let trailing: fn(String) -> String = |s| format!("{s}-");
    for muni in ["kauhava", "seinajoki"] {
        let grids: Vec<Grid> = workbook(muni)
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let negative = if i % 2 == 0 { parens } else { trailing };
                if g.name.ends_with("ase") {
                    reprinted(g, negative, &|y| format!("TP 31.12.{y}"))
                } else {
                    reprinted(g, negative, &|y| format!("{y} TP"))
                }
            })
            .collect();
        same_as_plain(muni, "reprinted", grids);
    }
}

#[test]
fn published_statements_a_sheet_a_year() {
    for muni in ["kauhava", "seinajoki"] {
        let mut grids = Vec::new();
        for g in workbook(muni) {
            let h = header_row(&g);
            for c in 1..g.width() {
                let year = text(&g, h, c);
                if year.is_empty() {
                    continue;
                }
                let mut part = Grid::new(format!("{} {}", g.name, &year[3..]));
                for r in 0..g.height() {
                    part.set(r, 0, g.get(r, 0).clone());
                    part.set(r, 1, g.get(r, c).clone());
                }
                grids.push(part);
            }
        }
        same_as_plain(muni, "a sheet a year", grids);
    }
}

/// The group's statement to the right of the city's, rows aligned by label
/// in order (the group's own lines with the city's cells empty, the city's
/// own with the group's).
fn side_by_side(city: &Grid, group: &Grid, in_headings: bool) -> Grid {
    let (hc, hg) = (header_row(city), header_row(group));
    let w = city.width();
    let mut out = Grid::new(city.name.clone());
    out.set(0, 0, city.get(0, 0).clone());
    out.set(1, 0, city.get(1, 0).clone());
    if !in_headings {
        out.set(2, 1, Cell::Text("Kaupunki".into()));
        out.set(2, w, Cell::Text("Konserni".into()));
    }
    let label = |g: &Grid, r: u32| text(g, r, 0);
    let mut row = 3;
    let (mut cr, mut gr) = (hc, hg);
    while cr < city.height() || gr < group.height() {
        // The next rows that match, or the one side's rows before them.
        let in_group = (gr..group.height())
            .find(|g| cr < city.height() && label(group, *g) == label(city, cr));
        let (take_city, take_group) = match in_group {
            Some(g) if g == gr => (true, true),
            Some(_) => (false, true),
            None if cr < city.height() => (true, false),
            None => (false, true),
        };
        let name = if take_city {
            label(city, cr)
        } else {
            label(group, gr)
        };
        if !name.is_empty() {
            out.set(row, 0, Cell::Text(name));
        }
        for c in 1..w {
            if take_city {
                out.set(row, c, city.get(cr, c).clone());
            }
            if take_group {
                out.set(row, w + c - 1, group.get(gr, c).clone());
            }
        }
        cr += u32::from(take_city);
        gr += u32::from(take_group);
        row += 1;
    }
    if in_headings {
        // "Kaupunki TP 2024" ... "Konserni TP 2024" on the heading row.
        for c in 1..out.width() {
            let t = text(&out, 3, c);
            let who = if c < w { "Kaupunki" } else { "Konserni" };
            out.set(3, c, Cell::Text(format!("{who} {t}")));
        }
    }
    out
}

#[test]
fn published_statements_with_the_city_and_the_group_side_by_side() {
    // Seinäjoki prints its city in euros and its group in thousands: one
    // sheet of both would have one unit, so only Kauhava's are put together.
    // Refused before: "year TP 2024 has two columns".
    let muni = "kauhava";
    for in_headings in [false, true] {
        let grids = workbook(muni);
        let by = |n: &str| grids.iter().find(|g| g.name == n).unwrap().clone();
        let mut merged: Vec<Grid> = [
            ("Tuloslaskelma", "Konsernituloslaskelma"),
            ("Rahoituslaskelma", "Konsernin rahoituslaskelma"),
            ("Tase", "Konsernitase"),
        ]
        .iter()
        .map(|(c, g)| side_by_side(&by(c), &by(g), in_headings))
        .collect();
        merged.push(by("Taustatiedot"));
        let what = if in_headings {
            "Konserni TP 2024"
        } else {
            "side by side"
        };
        same_as_plain(muni, what, merged);
    }
}
