//! Labels real statements print that the decree does not: the background
//! sheet's own words, numbering that goes past f), and key-ratio rows printed
//! among the lines. Kauhava's published statements (tests/reference), laid
//! out as the conformance test lays them, are relabelled one way at a time
//! and must read to the published ratios, or leave a figure not measurable,
//! never take a wrong one.

use kivijalka::ingest::grid::{Cell, Grid};
use kivijalka::ingest::read_grids;
use kivijalka::model::dataset::{Dataset, Entity};
use kivijalka::model::findings::{Finding, Severity};
use kivijalka::model::labels::normalize;
use kivijalka::model::ratios::compute_ratios;
use kivijalka::model::targets::Targets;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::conformance::workbook;

fn read(grids: Vec<Grid>) -> Dataset {
    read_grids("kauhava.xlsx", grids).unwrap_or_else(|e| panic!("{e}"))
}

fn errors(ds: &Dataset) -> Vec<String> {
    (ds.findings.iter())
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.message.to_string())
        .collect()
}

fn with_code<'a>(ds: &'a Dataset, code: &str) -> Vec<&'a Finding> {
    ds.findings.iter().filter(|f| f.code == code).collect()
}

/// A ratio as published: rounded half away from zero to `dp` decimals.
fn ratio(ds: &Dataset, id: &str, entity: Entity, year: i32, dp: u32) -> Option<Decimal> {
    let r = compute_ratios(ds, &Targets::default())
        .into_iter()
        .find(|r| r.id == id && r.entity == entity && r.year == year)
        .unwrap_or_else(|| panic!("no ratio {id}"));
    r.value
        .map(|v| v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero))
}

fn text(g: &Grid, r: u32, c: u32) -> String {
    g.get(r, c).text().unwrap_or_default().to_string()
}

fn sheet<'a>(grids: &'a mut [Grid], name: &str) -> &'a mut Grid {
    grids.iter_mut().find(|g| g.name == name).unwrap()
}

/// The row whose label (column A) is `label`.
fn row_of(g: &Grid, label: &str) -> u32 {
    (0..g.height())
        .find(|r| text(g, *r, 0) == label)
        .unwrap_or_else(|| panic!("no row {label:?} in {}", g.name))
}

fn relabel(grids: &mut [Grid], name: &str, from: &str, to: &str) {
    let g = sheet(grids, name);
    let r = row_of(g, from);
    g.set(r, 0, Cell::Text(to.into()));
}

/// `g` with `cells` as a new row before row `at`.
fn insert_row(g: &Grid, at: u32, cells: &[&str]) -> Grid {
    let mut out = Grid::new(g.name.clone());
    for r in 0..g.height() {
        let to = if r < at { r } else { r + 1 };
        for c in 0..g.width() {
            let cell = g.get(r, c);
            if !cell.is_empty() {
                out.set(to, c, cell.clone());
            }
        }
    }
    for (c, t) in cells.iter().enumerate() {
        out.set(at, c as u32, Cell::Text(t.to_string()));
    }
    out
}

fn insert(grids: &mut [Grid], name: &str, at: u32, cells: &[&str]) {
    let g = sheet(grids, name);
    *g = insert_row(g, at, cells);
}

fn same_figures(ds: &Dataset, plain: &Dataset, what: &str) {
    let got: Vec<_> = ds.figures.iter().map(|(k, f)| (*k, f.value)).collect();
    let want: Vec<_> = plain.figures.iter().map(|(k, f)| (*k, f.value)).collect();
    assert_eq!(got, want, "{what}");
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn background_sheet_reads_the_population_and_lease_words_statements_print() {
    let plain = read(workbook("kauhava"));
    for (pop, city_leases, group_leases) in [
        (
            "Väkiluku 31.12.",
            "Leasingvastuut",
            "Konsernin leasingvastuut",
        ),
        (
            "Asukkaita 31.12.",
            "Leasingvastuut yhteensä",
            "Konsernin leasingvastuut yhteensä",
        ),
        (
            "Folkmängd 31.12",
            "Leasingansvar",
            "Koncernens leasingansvar",
        ),
        ("Invånare 31.12", "Hyresansvar", "Koncernens hyresansvar"),
    ] {
        let mut grids = workbook("kauhava");
        relabel(&mut grids, "Taustatiedot", "Asukasluku 31.12.", pop);
        relabel(&mut grids, "Taustatiedot", "Vuokravastuut", city_leases);
        relabel(
            &mut grids,
            "Taustatiedot",
            "Konsernin vuokravastuut",
            group_leases,
        );
        let ds = read(grids);
        assert_eq!(errors(&ds), Vec::<String>::new(), "{pop}");
        same_figures(&ds, &plain, pop);
        let at = |id, y| ds.get(Entity::City, id, y).map(|f| f.value);
        assert_eq!(at("bg.asukasluku", 2024), Some(dec("15049")), "{pop}");
        assert_eq!(at("bg.vuokravastuut", 2024), Some(dec("840093.77")));
        // Published: Vuosikate 635 €/asukas (city), lainat ja vuokravastuut
        // 9 716 €/asukas (group), 2024.
        let vk = ratio(&ds, "vuosikate_per_asukas", Entity::City, 2024, 0);
        assert_eq!(vk, Some(dec("635")), "{pop}");
        let lv = ratio(
            &ds,
            "lainat_ja_vuokravastuut_per_asukas",
            Entity::Group,
            2024,
            0,
        );
        assert_eq!(lv, Some(dec("9716")), "{city_leases}");
    }
}

#[test]
fn a_start_of_year_or_mean_population_is_a_notice_and_never_the_year_end_one() {
    let plain = read(workbook("kauhava"));
    // Beside the 31.12. figure: both read past, the 31.12. one used.
    let mut grids = workbook("kauhava");
    let at = row_of(sheet(&mut grids, "Taustatiedot"), "Asukasluku 31.12.");
    insert(
        &mut grids,
        "Taustatiedot",
        at,
        &["Asukasluku 1.1.", "15164", "15300"],
    );
    insert(
        &mut grids,
        "Taustatiedot",
        at,
        &["Keskiväkiluku", "15100", "15230"],
    );
    let ds = read(grids);
    assert_eq!(errors(&ds), Vec::<String>::new());
    same_figures(&ds, &plain, "1.1. and mean beside 31.12.");
    let ignored = with_code(&ds, "background_row_ignored");
    assert_eq!(ignored.len(), 2, "{ignored:?}");
    assert!(
        ignored[0]
            .message
            .to_string()
            .contains("population on 31 Dec")
    );
    assert_eq!(
        ratio(&ds, "vuosikate_per_asukas", Entity::City, 2024, 0),
        Some(dec("635"))
    );

    // Alone: no population at all, so per-resident ratios are not measurable.
    for label in [
        "Asukasluku 1.1.",
        "Keskiväkiluku",
        "Medelfolkmängd",
        "Väkiluku 1.1.",
    ] {
        let mut grids = workbook("kauhava");
        relabel(&mut grids, "Taustatiedot", "Asukasluku 31.12.", label);
        let ds = read(grids);
        assert_eq!(errors(&ds), Vec::<String>::new(), "{label}");
        assert_eq!(
            ds.get(Entity::City, "bg.asukasluku", 2024).map(|f| f.value),
            None
        );
        assert_eq!(
            ratio(&ds, "vuosikate_per_asukas", Entity::City, 2024, 0),
            None
        );
        assert_eq!(with_code(&ds, "background_row_ignored").len(), 1, "{label}");
    }
}

#[test]
fn an_unknown_background_row_is_a_notice_naming_the_rows_the_sheet_takes() {
    let plain = read(workbook("kauhava"));
    let mut grids = workbook("kauhava");
    let at = row_of(sheet(&mut grids, "Taustatiedot"), "Vuokravastuut");
    insert(
        &mut grids,
        "Taustatiedot",
        at,
        &["Henkilöstömäärä", "1012", "1020"],
    );
    let ds = read(grids);
    assert_eq!(errors(&ds), Vec::<String>::new());
    same_figures(&ds, &plain, "an extra background row");
    let ignored = with_code(&ds, "background_row_ignored");
    assert_eq!(ignored.len(), 1);
    let said = ignored[0].message.to_string();
    for taken in [
        "Population 31 Dec",
        "Lease liabilities",
        "Group lease liabilities",
        "Income tax rate",
    ] {
        assert!(said.contains(taken), "{said}");
    }
    assert!(!said.contains("total"), "{said}");

    // A row that may be a part of the lease liabilities read beside it
    // could leave that figure short: it still refuses.
    let mut grids = workbook("kauhava");
    let at = row_of(sheet(&mut grids, "Taustatiedot"), "Vuokravastuut");
    insert(
        &mut grids,
        "Taustatiedot",
        at + 1,
        &["Muut vuokravastuut", "100000", "90000"],
    );
    let ds = read(grids);
    let errs = errors(&ds);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].contains("Muut vuokravastuut") && errs[0].contains("Lease liabilities,"));
}

/// The city's income statement with its labels numbered by letters from
/// `first` on, as `style` writes a letter.
fn lettered(first: u8, style: fn(char) -> String) -> Vec<Grid> {
    let mut grids = workbook("kauhava");
    let g = sheet(&mut grids, "Tuloslaskelma");
    let mut letter = first;
    for r in 4..g.height() {
        let t = text(g, r, 0);
        if t.is_empty() {
            continue;
        }
        let c = (letter as char).to_ascii_lowercase();
        g.set(r, 0, Cell::Text(format!("{}{t}", style(c))));
        letter = if letter == b'z' || letter == b'Z' {
            first
        } else {
            letter + 1
        };
    }
    grids
}

#[test]
fn letter_numbering_past_f_is_read_as_numbering() {
    let plain = read(workbook("kauhava"));
    type Style = fn(char) -> String;
    let styles: [(u8, Style); 3] = [
        (b'g', |c| format!("{c}) ")),
        (b'G', |c| format!("{}) ", c.to_ascii_uppercase())),
        (b'h', |c| format!("{c}. ")),
    ];
    for (first, style) in styles {
        let ds = read(lettered(first, style));
        let what = style('g');
        assert_eq!(errors(&ds), Vec::<String>::new(), "{what}");
        same_figures(&ds, &plain, &what);
        // Published 2024: vuosikate 635 €/asukas, vuosikate/poistot 152,2 %.
        assert_eq!(
            ratio(&ds, "vuosikate_per_asukas", Entity::City, 2024, 0),
            Some(dec("635"))
        );
        assert_eq!(
            ratio(&ds, "vuosikate_pct_poistoista", Entity::City, 2024, 1),
            Some(dec("152.2"))
        );
    }
    assert_eq!(normalize("k) Eläkekulut"), normalize("Eläkekulut"));
    assert_eq!(normalize("Z. Vuosikate"), normalize("Vuosikate"));
    // Only a lone letter closed by ")" or "." is numbering.
    assert_ne!(
        normalize("Os. investointimenoihin"),
        normalize("investointimenoihin")
    );
    assert_ne!(normalize("g Toimintakulut"), normalize("Toimintakulut"));
    assert_eq!(normalize("g) 2024"), "g 2024");
}

#[test]
fn key_ratio_rows_in_a_statement_are_read_as_nothing() {
    let plain = read(workbook("kauhava"));
    let rows: [&[&str]; 4] = [
        &["Vuosikate, €/asukas", "635", "667"],
        &["Vuosikate €/as.", "635", "667"],
        &["Vuosikate %", "8.9", "9.5"],
        &["Lainakanta €/asukas", "4455", "4845"],
    ];
    let mut grids = workbook("kauhava");
    let at = row_of(sheet(&mut grids, "Tuloslaskelma"), "Vuosikate");
    for r in rows {
        insert(&mut grids, "Tuloslaskelma", at + 1, r);
    }
    let tk = row_of(sheet(&mut grids, "Tuloslaskelma"), "Toimintakate/Jäämä");
    insert(
        &mut grids,
        "Tuloslaskelma",
        tk + 1,
        &["Toimintakate % toimintatuotoista", "-206.2", "-216.4"],
    );
    let ds = read(grids);
    assert_eq!(errors(&ds), Vec::<String>::new());
    same_figures(&ds, &plain, "key-ratio rows");
    let notices = with_code(&ds, "key_ratio_row");
    assert_eq!(notices.len(), 5, "{notices:?}");
    assert!(
        notices
            .iter()
            .any(|n| n.message.to_string().contains("Vuosikate, €/asukas"))
    );
    assert_eq!(
        ratio(&ds, "vuosikate_per_asukas", Entity::City, 2024, 0),
        Some(dec("635"))
    );
}

#[test]
fn a_per_resident_row_never_stands_in_for_its_missing_money_line() {
    for label in [
        "Vuosikate, €/asukas",
        "Vuosikate (€/asukas)",
        "Vuosikate, e/as",
        "Vuosikate, %",
    ] {
        let mut grids = workbook("kauhava");
        relabel(&mut grids, "Tuloslaskelma", "Vuosikate", label);
        let ds = read(grids);
        let vk = ds.get(Entity::City, "tl.vuosikate", 2024).map(|f| f.value);
        assert_eq!(vk, None, "{label}");
        assert_eq!(with_code(&ds, "key_ratio_row").len(), 1, "{label}");
        // Measured from the cash flow statement's vuosikate, or not at all.
        let r = ratio(&ds, "vuosikate_per_asukas", Entity::City, 2024, 0);
        assert!(r.is_none() || r == Some(dec("635")), "{label}: {r:?}");
    }
}

#[test]
fn no_line_of_the_decree_reads_as_a_key_ratio() {
    use kivijalka::model::items::ITEMS;
    use kivijalka::model::labels::{candidates, key_ratio};
    for d in ITEMS {
        for name in [d.fi, d.sv, d.en].iter().chain(d.aliases) {
            if d.id != "bg.tuloveroprosentti" {
                assert_eq!(key_ratio(name), None, "{name}");
            }
            assert!(!candidates(d.statement, name).is_empty(), "{name}");
        }
    }
    for label in [
        "Toimintakate/Jäämä",
        "Tilikauden yli-/alijäämä",
        "Peruspääoma / osakepääoma",
    ] {
        assert_eq!(key_ratio(label), None, "{label}");
    }
}

#[test]
fn a_population_printed_under_a_statement_is_read_as_nothing() {
    for muni in ["seinajoki", "kauhava"] {
        let plain = read(workbook(muni));
        let pop = |y| {
            plain
                .get(Entity::City, "bg.asukasluku", y)
                .unwrap()
                .value
                .to_string()
        };
        let (now, before) = (pop(2024), pop(2023));
        let mut grids = workbook(muni);
        let end = sheet(&mut grids, "Tuloslaskelma").height();
        insert(
            &mut grids,
            "Tuloslaskelma",
            end,
            &["Asukasluku 31.12.", &now, &before],
        );
        insert(
            &mut grids,
            "Tuloslaskelma",
            end,
            &["Asukasluku 1.1.", &before, "15300"],
        );
        let ds = read(grids);
        assert_eq!(errors(&ds), Vec::<String>::new(), "{muni}");
        same_figures(&ds, &plain, muni);
        assert_eq!(with_code(&ds, "population_in_statement").len(), 2, "{muni}");
        let vk = |ds: &Dataset| ratio(ds, "vuosikate_per_asukas", Entity::City, 2024, 0);
        assert_eq!(vk(&ds), vk(&plain), "{muni}");
    }
    // Kauhava's published vuosikate 2024: 635 €/asukas.
    let plain = read(workbook("kauhava"));
    assert_eq!(
        ratio(&plain, "vuosikate_per_asukas", Entity::City, 2024, 0),
        Some(dec("635"))
    );
}
