//! Published spellings, rows that are none of the decree's lines, and
//! repeated labels, on the real statements of tests/reference.
//!
//! The workbooks are laid out as the conformance test lays them (two years
//! side by side, a heading row where the section changes), then changed the
//! way published files differ: footnote markers, doubled spaces, spaced
//! slashes, Swedish spellings, intermediate subtotals, specifications,
//! annotations, a balance sheet without its section rows. Each must read to
//! the same figures and the same key ratios as the plain layout, which the
//! conformance test ties to the published ones; the published ratios are
//! also checked here directly.

use std::collections::BTreeMap;
use std::str::FromStr;

use kivijalka::ingest::grid::Grid;
use kivijalka::model::dataset::{Dataset, Entity};
use kivijalka::model::findings::{Finding, Severity};
use kivijalka::model::items::{self, ItemDef, Statement};
use kivijalka::model::labels;
use kivijalka::model::ratios::compute_ratios;
use kivijalka::model::targets::Targets;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::support::root;

use crate::conformance::{Line, read_lines};

/// Seinäjoki's note lines as a background sheet names them.
fn background_label(label: &str) -> Option<&'static str> {
    let l = label.to_lowercase();
    let leases = l.starts_with("yhteensä (vuokra- ja leasingvastuut");
    match () {
        _ if l == "asukasmäärä" => Some("Asukasluku 31.12."),
        _ if l.contains("veroprosentti") => Some("Tuloveroprosentti"),
        _ if leases && (l.contains("(kunta)") || l.contains("kaupunki")) => Some("Vuokravastuut"),
        _ if leases && l.contains("konserni") => Some("Konsernin vuokravastuut"),
        _ => None,
    }
}

type Sheet = (&'static str, Vec<Vec<String>>);

/// Seinäjoki's statements for 2024 and 2023, one sheet a statement, as the
/// conformance test lays them out. `subtotal_rows` keeps the transcriber's
/// rows for a subtotal printed without a label.
fn seinajoki(subtotal_rows: bool) -> Vec<Sheet> {
    let years = [2024, 2023];
    let by_year: Vec<Vec<Line>> = years.iter().map(|y| read_lines("seinajoki", *y)).collect();
    let sheets = [
        ("tuloslaskelma", "Tuloslaskelma"),
        ("rahoituslaskelma", "Rahoituslaskelma"),
        ("tase", "Tase"),
        ("konserni_tuloslaskelma", "Konsernituloslaskelma"),
        ("konserni_rahoituslaskelma", "Konsernin rahoituslaskelma"),
        ("konsernitase", "Konsernitase"),
        ("liitetiedot", "Taustatiedot"),
    ];
    let mut out = Vec::new();
    for (st, name) in sheets {
        type Key = (String, String, usize);
        let mut order: Vec<Key> = Vec::new();
        let mut values: BTreeMap<Key, [Option<String>; 2]> = BTreeMap::new();
        let mut unit = String::new();
        for (yi, lines) in by_year.iter().enumerate() {
            let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
            let mut prev: Option<Key> = None;
            for l in lines.iter().filter(|l| l.statement == st) {
                let mut label = l.label.clone();
                if label.starts_with("[välisumma") && subtotal_rows {
                    label = "Välisumma".into();
                } else if label.starts_with('[') {
                    continue;
                }
                if st == "liitetiedot" {
                    match background_label(&l.label) {
                        Some(b) => label = b.to_string(),
                        None => continue,
                    }
                } else if l.unit != "%" && l.unit != "asukasta" {
                    unit = l.unit.clone();
                }
                let n = seen.entry((label.clone(), l.heading.clone())).or_default();
                let key = (label, l.heading.clone(), *n);
                *n += 1;
                if !values.contains_key(&key) {
                    let at = prev
                        .as_ref()
                        .and_then(|p| order.iter().position(|k| k == p))
                        .map(|i| i + 1)
                        .unwrap_or(order.len());
                    order.insert(at, key.clone());
                }
                values.entry(key.clone()).or_insert([None, None])[yi] = Some(l.value.clone());
                prev = Some(key);
            }
        }
        let unit = match unit.as_str() {
            "1000 EUR" => "1 000 €",
            "milj. EUR" => "milj. €",
            _ => "€",
        };
        let mut rows: Vec<Vec<String>> = vec![
            vec![format!("Seinäjoki {name}")],
            vec![unit.to_string()],
            vec![],
            vec![String::new(), "TP 2024".into(), "TP 2023".into()],
        ];
        let mut heading = String::new();
        for key in &order {
            if st != "liitetiedot" && !key.1.is_empty() && key.1 != heading {
                heading = key.1.clone();
                if heading != key.0 {
                    rows.push(vec![heading.clone()]);
                }
            }
            let v = &values[key];
            rows.push(vec![
                key.0.clone(),
                v[0].clone().unwrap_or_default(),
                v[1].clone().unwrap_or_default(),
            ]);
        }
        out.push((name, rows));
    }
    out
}

/// A published figure of Seinäjoki, in euros, by its statement and printed label.
fn published(statement: &str, label: &str, year: i32) -> Decimal {
    let path = root().join(format!("tests/reference/seinajoki_{year}_lines.csv"));
    let mut rdr = csv::Reader::from_path(&path).unwrap();
    let r = rdr
        .deserialize::<BTreeMap<String, String>>()
        .map(Result::unwrap)
        .find(|r| r["statement"] == statement && r["label"] == label)
        .unwrap_or_else(|| panic!("{statement} {label:?} not published"));
    let scale = match r["unit"].as_str() {
        "1000 EUR" => Decimal::from(1000),
        _ => Decimal::ONE,
    };
    (fi_num(&r["value"]) * scale).normalize()
}

fn value(ds: &Dataset, entity: Entity, id: &str, year: i32) -> Decimal {
    ds.value(entity, id, year)
        .unwrap_or_else(|| panic!("{id} {year} not read"))
        .normalize()
}

fn read(file: &str, sheets: &[Sheet]) -> Dataset {
    let grids: Vec<Grid> = sheets
        .iter()
        .map(|(name, rows)| {
            let r: Vec<Vec<&str>> = rows
                .iter()
                .map(|r| r.iter().map(String::as_str).collect())
                .collect();
            Grid::from_text_rows(name, &r)
        })
        .collect();
    kivijalka::ingest::read_grids(file, grids).expect("the workbook reads")
}

fn rows_of<'a>(sheets: &'a mut [Sheet], name: &str) -> &'a mut Vec<Vec<String>> {
    &mut sheets.iter_mut().find(|s| s.0 == name).unwrap().1
}

/// The row with figures whose label is `label` (the first, or the `nth`).
fn find(rows: &[Vec<String>], label: &str, nth: usize) -> usize {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| r.first().map(String::as_str) == Some(label) && r.len() > 1)
        .nth(nth)
        .unwrap_or_else(|| panic!("no row {label:?}"))
        .0
}

fn relabel(rows: &mut [Vec<String>], from: &str, to: &str) -> String {
    let i = find(rows, from, 0);
    rows[i][0] = to.to_string();
    format!("A{}", i + 1)
}

/// A printed Finnish figure ("−1 234 567,89").
fn fi_num(text: &str) -> Decimal {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            ',' => '.',
            '−' => '-',
            c => c,
        })
        .collect();
    Decimal::from_str(&t).unwrap_or_else(|_| panic!("not a figure: {text:?}"))
}

fn fi_text(v: Decimal) -> String {
    v.to_string().replace('.', ",")
}

fn row(label: &str, values: [Decimal; 2]) -> Vec<String> {
    vec![label.to_string(), fi_text(values[0]), fi_text(values[1])]
}

fn values_of(rows: &[Vec<String>], i: usize) -> [Decimal; 2] {
    [fi_num(&rows[i][1]), fi_num(&rows[i][2])]
}

fn errors(ds: &Dataset) -> Vec<String> {
    ds.findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{:?}: {}", f.cells.first(), f.message))
        .collect()
}

fn finding<'a>(ds: &'a Dataset, code: &str, sheet: &str, cell: &str) -> &'a Finding {
    ds.findings
        .iter()
        .find(|f| {
            f.code == code
                && f.cells.first().is_some_and(|c| {
                    c.sheet.as_deref() == Some(sheet) && c.cell.as_deref() == Some(cell)
                })
        })
        .unwrap_or_else(|| {
            panic!(
                "no {code} finding at {sheet}!{cell}; found:\n{}",
                ds.findings
                    .iter()
                    .map(|f| format!("{} {:?} {}", f.code, f.cells.first(), f.message))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        })
}

/// Every figure of `plain` is read from `messy` with the same value, and
/// `messy` has no figure of its own except those listed.
fn same_figures(plain: &Dataset, messy: &Dataset, absent: &[&str]) {
    for ((e, id, y), f) in &plain.figures {
        if absent.contains(id) {
            continue;
        }
        let m = messy
            .get(*e, id, *y)
            .unwrap_or_else(|| panic!("{} {id} {y} not read", e.fi()));
        assert_eq!(m.value, f.value, "{} {id} {y}", e.fi());
    }
    for (e, id, y) in messy.figures.keys() {
        assert!(
            plain.get(*e, id, *y).is_some(),
            "{} {id} {y} read extra",
            e.fi()
        );
    }
}

fn same_ratios(plain: &Dataset, messy: &Dataset) {
    let a = compute_ratios(plain, &Targets::default());
    let b = compute_ratios(messy, &Targets::default());
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(
            (x.id, x.entity, x.year, x.value, &x.not_measurable),
            (y.id, y.entity, y.year, y.value, &y.not_measurable)
        );
    }
}

/// The city's published 2024 ratios that the statements determine alone,
/// compared at the printed precision.
fn published_ratios_hold(ds: &Dataset) {
    let ratios = compute_ratios(ds, &Targets::default());
    let path = root().join("tests/reference/seinajoki_2024_ratios.csv");
    let mut rdr = csv::Reader::from_path(&path).unwrap();
    let wanted = [
        (
            "Toimintatuotot/Toimintakulut, %",
            "toimintatuotot_pct_toimintakuluista",
        ),
        ("Vuosikate/Poistot, %", "vuosikate_pct_poistoista"),
        ("Vuosikate, €/asukas", "vuosikate_per_asukas"),
        (
            "Investointien tulorahoitus, %",
            "investointien_tulorahoitus_pct",
        ),
        ("Omavaraisuusaste, %", "omavaraisuusaste_pct"),
        (
            "Suhteellinen velkaantuneisuus, %",
            "suhteellinen_velkaantuneisuus_pct",
        ),
        ("Lainakanta 31.12., €/asukas", "lainakanta_per_asukas"),
        (
            "Kertynyt yli-/alijäämä, €/asukas",
            "kertynyt_ylijaama_per_asukas",
        ),
    ];
    let mut checked = 0;
    for rec in rdr.deserialize::<BTreeMap<String, String>>() {
        let r = rec.unwrap();
        if r["scope"] != "kaupunki" {
            continue;
        }
        let Some((_, id)) = wanted.iter().find(|(n, _)| *n == r["name"]) else {
            continue;
        };
        let published = Decimal::from_str(&r["value_num"]).unwrap();
        let decimals = r["value"]
            .split_once(',')
            .map_or(0, |(_, f)| f.trim_end_matches('0').len() as u32);
        let ours = ratios
            .iter()
            .find(|v| v.id == *id && v.entity == Entity::City && v.year == 2024)
            .and_then(|v| v.value)
            .unwrap_or_else(|| panic!("{id} not measurable"));
        let shown = ours.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
        assert_eq!(shown, published.round_dp(decimals), "{}", r["name"]);
        checked += 1;
    }
    assert_eq!(checked, wanted.len());
}

#[test]
fn published_spellings_and_rows_beside_the_lines_read_to_the_published_ratios() {
    let plain = read("seinajoki.xlsx", &seinajoki(false));
    assert!(errors(&plain).is_empty(), "{:#?}", errors(&plain));
    let mut sheets = seinajoki(true);

    let tl = rows_of(&mut sheets, "Tuloslaskelma");
    relabel(
        tl,
        "** Tilikauden ylijäämä",
        "TILIKAUDEN YLIJÄÄMÄ/ ALIJÄÄMÄ (-)",
    );
    let vero = values_of(tl, find(tl, "Verotulot", 0));
    let valtio = values_of(tl, find(tl, "Valtionosuudet", 0));
    let at = find(tl, "Valtionosuudet", 0) + 1;
    tl.insert(
        at,
        row(
            "Verotulot ja valtionosuudet",
            [vero[0] + valtio[0], vero[1] + valtio[1]],
        ),
    );
    let subtotal_cell = format!("A{}", at + 1);
    let tulos = find(tl, "** Tilikauden tulos", 0);
    let tulos_values = values_of(tl, tulos);
    tl.insert(
        tulos + 1,
        row(
            "tilikauden tulos ennen varausten ja rahastojen muutoksia (KH/KV päätösteksti)",
            tulos_values,
        ),
    );
    let annotation_cell = format!("A{}", tulos + 2);
    tl.insert(tulos + 2, vec!["(KH/KV päätösteksti)".to_string()]);
    let valisumma_cell = format!("A{}", find(tl, "Välisumma", 0) + 1);
    let surplus_cell = format!("B{}", find(tl, "TILIKAUDEN YLIJÄÄMÄ/ ALIJÄÄMÄ (-)", 0) + 1);

    let rl = rows_of(&mut sheets, "Rahoituslaskelma");
    let footnotes = [
        relabel(
            rl,
            "Tulorahoituksen korjauserät",
            "Tulorahoituksen korjauserät 1",
        ),
        relabel(
            rl,
            "Toiminnan ja investointien rahavirta",
            "TOIMINNAN JA INVESTOINTIEN RAHAVIRTA 1",
        ),
        relabel(rl, "Rahoituksen rahavirta", "RAHOITUKSEN  RAHAVIRTA 1"),
    ];

    let kt = rows_of(&mut sheets, "Konsernitase");
    relabel(
        kt,
        "Edellisten tilikausien yli-/alijäämä",
        "Över-/underskott från tidigare räkenskapsperioder",
    );
    relabel(
        kt,
        "Tilikauden yli-/alijäämä",
        "Räkenskapsperiodens över-/underskott",
    );
    // A specification of Rahoitusarvopaperit in two rows that add up to it.
    let ra = find(kt, "Rahoitusarvopaperit", 0);
    let whole = values_of(kt, ra);
    let part = whole.map(|w| (w * Decimal::new(3, 1)).round());
    kt.insert(ra + 1, row("Rahamarkkinainstrumentteihin", part));
    kt.insert(
        ra + 2,
        row(
            "Muihin arvopapereihin",
            [whole[0] - part[0], whole[1] - part[1]],
        ),
    );
    let spec_cells = [format!("A{}", ra + 2), format!("A{}", ra + 3)];

    let messy = read("seinajoki-messy.xlsx", &sheets);
    assert!(errors(&messy).is_empty(), "{:#?}", errors(&messy));
    same_figures(&plain, &messy, &[]);
    same_ratios(&plain, &messy);
    published_ratios_hold(&messy);
    for year in [2024, 2023] {
        for (entity, id, statement, label) in [
            (
                Entity::City,
                "tl.tilikauden_ylijaama",
                "tuloslaskelma",
                "** Tilikauden ylijäämä",
            ),
            (Entity::City, "tl.verotulot", "tuloslaskelma", "Verotulot"),
            (
                Entity::City,
                "tl.tilikauden_tulos",
                "tuloslaskelma",
                "** Tilikauden tulos",
            ),
            (
                Entity::City,
                "rl.tulorahoituksen_korjauserat",
                "rahoituslaskelma",
                "Tulorahoituksen korjauserät",
            ),
            (
                Entity::City,
                "rl.toiminnan_ja_investointien_rahavirta",
                "rahoituslaskelma",
                "Toiminnan ja investointien rahavirta",
            ),
            (
                Entity::City,
                "rl.rahoituksen_rahavirta",
                "rahoituslaskelma",
                "Rahoituksen rahavirta",
            ),
            (
                Entity::Group,
                "ta.edellisten_ylijaama",
                "konsernitase",
                "Edellisten tilikausien yli-/alijäämä",
            ),
            (
                Entity::Group,
                "ta.tilikauden_ylijaama",
                "konsernitase",
                "Tilikauden yli-/alijäämä",
            ),
            (
                Entity::Group,
                "ta.rahoitusarvopaperit",
                "konsernitase",
                "Rahoitusarvopaperit",
            ),
        ] {
            assert_eq!(
                value(&messy, entity, id, year),
                published(statement, label, year),
                "{id} {year}"
            );
        }
    }

    assert!(
        messy
            .get(Entity::City, "tl.tilikauden_ylijaama", 2024)
            .is_some_and(|f| f.source.cell.as_deref() == Some(surplus_cell.as_str()))
    );
    for cell in &footnotes {
        let f = finding(&messy, "footnote_marker", "Rahoituslaskelma", cell);
        assert!(f.message.to_string().contains("footnote"), "{}", f.message);
    }
    let f = finding(&messy, "row_reconciled", "Tuloslaskelma", &subtotal_cell);
    assert!(
        f.message
            .to_string()
            .contains("intermediate subtotal, equal to Verotulot + Valtionosuudet"),
        "{}",
        f.message
    );
    let f = finding(&messy, "row_reconciled", "Tuloslaskelma", &valisumma_cell);
    assert!(
        f.message.to_string().contains(
            "Verotulot + Valtionosuudet + Korkotuotot + Muut rahoitustuotot + Korkokulut + Muut rahoituskulut"
        ),
        "{}",
        f.message
    );
    let f = finding(&messy, "row_reconciled", "Tuloslaskelma", &annotation_cell);
    assert!(
        f.message
            .to_string()
            .contains("repeats the figures of \"Tilikauden tulos\""),
        "{}",
        f.message
    );
    for cell in &spec_cells {
        let f = finding(&messy, "row_reconciled", "Konsernitase", cell);
        assert!(
            f.message
                .to_string()
                .contains("specification within \"Rahoitusarvopaperit\""),
            "{}",
            f.message
        );
    }
}

/// Without the rows naming the long- and short-term sections, the two
/// "Lainat rahoitus- ja vakuutusl." rows are read in the decree's order.
#[test]
fn repeated_labels_without_section_rows_follow_the_decree() {
    let plain = read("seinajoki.xlsx", &seinajoki(false));
    let mut sheets = seinajoki(false);
    let ta = rows_of(&mut sheets, "Tase");
    ta.retain(|r| {
        !matches!(
            r.first().map(String::as_str),
            Some("I Pitkäaikainen" | "II Lyhytaikainen" | "E VIERAS PÄÄOMA")
        )
    });
    let first = find(ta, "1. Lainat rahoitus- ja vakuutusl.", 0);
    let second = find(ta, "2. Lainat rahoitus- ja vakuutusl.", 0);
    // Printed as a ledger prints them, the same label twice.
    ta[first][0] = "Lainat rahoitus- ja vakuutuslaitoksilta".into();
    ta[second][0] = "Lainat rahoitus- ja vakuutuslaitoksilta".into();
    let ds = read("seinajoki-flat.xlsx", &sheets);
    assert!(errors(&ds).is_empty(), "{:#?}", errors(&ds));
    for (id, cell) in [
        ("ta.pa_rahoituslaitokset", first),
        ("ta.la_rahoituslaitokset", second),
    ] {
        let f = ds.get(Entity::City, id, 2024).unwrap();
        assert_eq!(
            f.source.cell.as_deref(),
            Some(format!("B{}", cell + 1).as_str())
        );
    }
    for year in [2024, 2023] {
        assert_eq!(
            value(&ds, Entity::City, "ta.pa_rahoituslaitokset", year),
            published("tase", "1. Lainat rahoitus- ja vakuutusl.", year)
        );
        assert_eq!(
            value(&ds, Entity::City, "ta.la_rahoituslaitokset", year),
            published("tase", "2. Lainat rahoitus- ja vakuutusl.", year)
        );
    }
    // Placed by order alone, which the reader is told.
    for (row, section) in [(first, "Pitkäaikainen"), (second, "Lyhytaikainen")] {
        let f = finding(&ds, "placed_by_order", "Tase", &format!("A{}", row + 1));
        assert!(
            f.message.to_string().contains(&format!("under {section}")),
            "{}",
            f.message
        );
    }
    same_figures(
        &plain,
        &ds,
        &["ta.pitkaaikainen", "ta.lyhytaikainen", "ta.vieras_paaoma"],
    );
    published_ratios_hold(&ds);

    // A third repeat: no line is left for it, and both rows are named.
    let mut third = sheets.clone();
    let ta = rows_of(&mut third, "Tase");
    let again = ta[second].clone();
    ta.insert(second + 1, again);
    let ds = read("seinajoki-third.xlsx", &third);
    let f = finding(&ds, "unplaced_line", "Tase", &format!("A{}", second + 2));
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(
        f.cells[1].cell.as_deref(),
        Some(format!("A{}", second + 1).as_str())
    );

    // Out of the decree's order: bonds after the short-term accrued
    // liabilities can be neither long- nor short-term bonds.
    let mut late = sheets.clone();
    let ta = rows_of(&mut late, "Tase");
    let bonds = find(ta, "1. Joukkovelkakirjalainat", 0);
    let moved = ta.remove(bonds);
    let siirto = find(ta, "6. Siirtovelat", 0);
    ta.insert(siirto + 1, moved);
    let ds = read("seinajoki-late.xlsx", &late);
    let f = finding(&ds, "unplaced_line", "Tase", &format!("A{}", siirto + 2));
    assert_eq!(
        f.cells[1].cell.as_deref(),
        Some(format!("A{}", siirto + 1).as_str())
    );
}

/// A row that the totals need is not read past: it is an error naming its
/// cell and the gap it leaves.
#[test]
fn an_unknown_row_the_totals_need_is_an_error_naming_it() {
    let mut sheets = seinajoki(false);
    let tl = rows_of(&mut sheets, "Tuloslaskelma");
    let cell = relabel(tl, "Verotulot", "Kunnan verotulot");
    let vero = values_of(tl, find(tl, "Kunnan verotulot", 0));
    let ds = read("seinajoki-vero.xlsx", &sheets);
    let f = finding(&ds, "unknown_label", "Tuloslaskelma", &cell);
    assert_eq!(f.severity, Severity::Error);
    assert!(
        f.message.to_string().contains("closes that gap"),
        "{}",
        f.message
    );
    assert!(
        f.message.to_string().contains("Vuosikate = "),
        "{}",
        f.message
    );
    // The gap is the row's own figure (the vuosikate's parts miss it).
    assert!(
        f.message
            .to_string()
            .contains(&format!("difference {}", vero[0])),
        "{}",
        f.message
    );
    assert!(ds.get(Entity::City, "tl.verotulot", 2024).is_none());

    // The background sheet has no totals to weigh a row by, nor any that
    // could misread it: a row that is none of its figures is read past.
    let mut sheets = seinajoki(false);
    let bg = rows_of(&mut sheets, "Taustatiedot");
    bg.push(vec!["Kunnan oma erä".into(), "5".into(), "5".into()]);
    let at = format!("A{}", bg.len());
    let ds = read("seinajoki-bg.xlsx", &sheets);
    let f = finding(&ds, "background_row_ignored", "Taustatiedot", &at);
    assert_eq!(f.severity, Severity::Notice);

    // A label of thousands of characters is quoted by its first hundred.
    let mut sheets = seinajoki(false);
    let bg = rows_of(&mut sheets, "Taustatiedot");
    let long = "Kunnan oma erä ".repeat(200);
    bg.push(vec![long.clone(), "5".into(), "5".into()]);
    let at = format!("A{}", bg.len());
    let ds = read("seinajoki-long.xlsx", &sheets);
    let m = finding(&ds, "background_row_ignored", "Taustatiedot", &at)
        .message
        .to_string();
    let shown: String = long.chars().take(100).collect();
    assert!(m.contains(&format!("\"{shown}…\"")), "{m}");
    // With the list of the rows the sheet takes.
    assert!(
        m.chars().count() < 500,
        "{} characters: {m}",
        m.chars().count()
    );
}

fn statement(name: &str) -> Statement {
    match name {
        "tuloslaskelma" => Statement::Tuloslaskelma,
        "rahoituslaskelma" => Statement::Rahoituslaskelma,
        "tase" => Statement::Tase,
        other => panic!("statement {other}"),
    }
}

fn descends(d: &ItemDef, anc: &str) -> bool {
    let mut cur = d.parent;
    while let Some(p) = cur {
        if p == anc {
            return true;
        }
        cur = items::item(p).parent;
    }
    false
}

/// Every spelling of line_items.csv, in each of its three languages, is the
/// same line, placed under the line the table puts it under.
#[test]
fn every_spelling_of_the_line_table_is_its_line() {
    let path = root().join("tests/reference/line_items.csv");
    let mut rdr = csv::Reader::from_path(&path).unwrap();
    let mut context: Vec<(u8, &'static str)> = Vec::new();
    let mut rows = 0;
    for rec in rdr.deserialize::<BTreeMap<String, String>>() {
        let r = rec.unwrap();
        if r["note"] == "heading" {
            assert!(labels::is_plain_heading(&labels::normalize(&r["label_fi"])));
            context.clear();
            continue;
        }
        let st = statement(&r["statement"]);
        let level: u8 = r["level"].parse().unwrap();
        context.retain(|(l, _)| *l < level);
        let sets: Vec<Vec<&'static str>> = ["label_fi", "label_sv", "label_en"]
            .iter()
            .map(|k| {
                let c: Vec<&'static str> = labels::candidates(st, &r[*k])
                    .iter()
                    .map(|d| d.id)
                    .collect();
                assert!(!c.is_empty(), "{} {:?} is no line", r["statement"], r[*k]);
                c
            })
            .collect();
        let common: Vec<&'static str> = sets[0]
            .iter()
            .copied()
            .filter(|id| sets[1].contains(id) && sets[2].contains(id))
            .collect();
        assert!(
            !common.is_empty(),
            "{:?} name different lines: {sets:?}",
            r["label_fi"]
        );
        let id = match context.last() {
            Some((_, parent)) if common.len() > 1 => *common
                .iter()
                .find(|id| descends(items::item(id), parent))
                .unwrap_or_else(|| {
                    panic!("{:?}: none of {common:?} is under {parent}", r["label_fi"])
                }),
            _ => common[0],
        };
        if let Some((_, parent)) = context.last()
            && items::item(id).parent.is_some()
        {
            assert!(
                descends(items::item(id), parent)
                    || items::item(parent).parent == items::item(id).parent,
                "{id} is not under {parent}"
            );
        }
        context.push((level, id));
        rows += 1;
    }
    assert!(rows > 100, "{rows} rows");
    // The other spellings the table's notes give.
    for (st, label, id) in [
        (Statement::Tuloslaskelma, "Vuokratuotot", "tl.vuokratuotot"),
        (Statement::Tuloslaskelma, "Hyresintäkter", "tl.vuokratuotot"),
        (
            Statement::Tuloslaskelma,
            "Kertaluonteiset poistot",
            "tl.kertaluonteiset_poistot",
        ),
        (
            Statement::Tase,
            "Osuudet osakkuusyhteisöissä",
            "ta.osakkuusyhteisoosuudet",
        ),
        (
            Statement::Tase,
            "Andelar i intressesamfund",
            "ta.osakkuusyhteisoosuudet",
        ),
        (
            Statement::Tase,
            "Muut osakkeet ja osuudet",
            "ta.muut_osakkeet_ja_osuudet",
        ),
        (
            Statement::Tase,
            "Övriga aktier och andelar",
            "ta.muut_osakkeet_ja_osuudet",
        ),
        (
            Statement::Tase,
            "Pitkäaikaiset saamiset",
            "ta.pitkaaikaiset_saamiset",
        ),
        (
            Statement::Tase,
            "Långfristiga fordringar",
            "ta.pitkaaikaiset_saamiset",
        ),
        (
            Statement::Tase,
            "Lyhytaikaiset saamiset",
            "ta.lyhytaikaiset_saamiset",
        ),
        (
            Statement::Tase,
            "Kortfristiga fordringar",
            "ta.lyhytaikaiset_saamiset",
        ),
        (Statement::Tase, "Kuntatodistukset", "ta.la_jvk"),
        (
            Statement::Tase,
            "Liittymismaksut ja muut velat",
            "ta.pa_muut_velat",
        ),
        (
            Statement::Tase,
            "Anslutningsavgifter och övriga skulder",
            "ta.pa_muut_velat",
        ),
        (Statement::Tase, "Övrigt eget kapital", "ta.muu_oma_paaoma"),
    ] {
        let c: Vec<&str> = labels::candidates(st, label).iter().map(|d| d.id).collect();
        assert!(c.contains(&id), "{label:?}: {c:?}");
    }
    // Long-term receivables come before short-term, as the decree prints them.
    assert!(items::order("ta.pitkaaikaiset_saamiset") < items::order("ta.lyhytaikaiset_saamiset"));
    assert!(items::order("ta.pitkaaikainen") < items::order("ta.lyhytaikainen"));
}

/// The balance sheets in Swedish, every label as the decree's Swedish text
/// has it, read to the same figures: repeated Swedish labels
/// ("Resultatregleringar" is four lines) are placed as the Finnish ones.
#[test]
fn balance_sheets_in_swedish_read_to_the_same_figures() {
    let plain = read("seinajoki.xlsx", &seinajoki(false));
    let mut sheets = seinajoki(false);
    let mut translated = 0;
    for (name, entity) in [("Tase", Entity::City), ("Konsernitase", Entity::Group)] {
        let rows = rows_of(&mut sheets, name);
        for (r, row) in rows.iter_mut().enumerate().skip(4) {
            let Some(label) = row.first().cloned() else {
                continue;
            };
            let cell = format!("B{}", r + 1);
            // The line this row was read as, else (a heading) what its label names.
            let read_as = plain
                .figures
                .iter()
                .find(|((e, _, _), f)| {
                    *e == entity
                        && f.source.sheet.as_deref() == Some(name)
                        && f.source.cell.as_deref() == Some(cell.as_str())
                })
                .map(|((_, id, _), _)| items::item(id));
            let sv = match read_as {
                Some(d) => d.sv.to_string(),
                None => match labels::candidates(Statement::Tase, &label).first() {
                    Some(d) => d.sv.to_string(),
                    None if labels::normalize(&label) == "vastaavaa" => "AKTIVA".into(),
                    None if labels::normalize(&label) == "vastattavaa" => "PASSIVA".into(),
                    None => continue,
                },
            };
            row[0] = sv;
            translated += 1;
        }
    }
    assert!(translated > 60, "{translated}");
    let ds = read("seinajoki-sv.xlsx", &sheets);
    assert!(errors(&ds).is_empty(), "{:#?}", errors(&ds));
    same_figures(&plain, &ds, &[]);
    same_ratios(&plain, &ds);
}
