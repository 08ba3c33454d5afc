//! Numbers as published statements hold them: Excel's scaling number
//! formats, unit words, text figures with thousands separators, the printed
//! precision, tax rates and year headings as finance departments write them.
//! Each case is Kauhava's or Seinäjoki's published statements (the
//! conformance layout), saved or rewritten one way, and must read to the
//! figures of the plain layout, or be refused naming the cell.

use std::collections::BTreeMap;
use std::path::Path;

use kivijalka::ingest::grid::{Cell, Grid};
use kivijalka::ingest::number::{Num, parse_text};
use kivijalka::ingest::{read_grids, read_path};
use kivijalka::model::dataset::{Dataset, Entity};
use kivijalka::model::findings::Severity;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::conformance::workbook;
use crate::hostile_layouts::{header_row, text};
use crate::support::tempdir;

type Figures = BTreeMap<(Entity, &'static str, i32), Decimal>;

fn figures(ds: &Dataset) -> Figures {
    ds.figures.iter().map(|(k, f)| (*k, f.value)).collect()
}

fn plain(muni: &str) -> Dataset {
    read_grids(&format!("{muni}.xlsx"), workbook(muni)).expect("the plain layout reads")
}

fn errors(ds: &Dataset) -> Vec<String> {
    (ds.findings.iter())
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} {:?}", f.message, f.cells))
        .collect()
}

/// How one statement sheet is saved: its unit cell's text, and each figure
/// below the header, given in euros, as a number and format by `cell`.
struct Saving<'a> {
    unit: &'a str,
    cell: &'a dyn Fn(Decimal) -> (f64, Option<&'a str>),
}

/// Euros per unit the conformance layout's unit cell names.
fn unit_of(g: &Grid) -> Decimal {
    match text(g, 1, 0).as_str() {
        "1 000 €" => Decimal::from(1000),
        "milj. €" => Decimal::from(1_000_000),
        _ => Decimal::ONE,
    }
}

/// The conformance workbook of `muni` saved as an xlsx: the statements'
/// figures as numbers `saving` writes, the background sheet as it is.
fn saved(path: &Path, muni: &str, saving: &Saving) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for g in workbook(muni) {
        let ws = wb.add_worksheet();
        ws.set_name(&g.name).unwrap();
        let statement = g.name != "Taustatiedot";
        let (h, unit) = (header_row(&g), unit_of(&g));
        for r in 0..g.height() {
            for c in 0..g.width() {
                let t = text(&g, r, c);
                if t.is_empty() {
                    continue;
                }
                let (r16, c16) = (r, c as u16);
                match parse_text(&t) {
                    Ok(Some(n)) if statement && r > h => match (saving.cell)(n.value * unit) {
                        (v, Some(code)) => {
                            let f = rust_xlsxwriter::Format::new().set_num_format(code);
                            ws.write_number_with_format(r16, c16, v, &f).unwrap()
                        }
                        (v, None) => ws.write_number(r16, c16, v).unwrap(),
                    },
                    Ok(Some(n)) if r > h => ws
                        .write_number(r16, c16, n.value.to_f64().unwrap())
                        .unwrap(),
                    _ if statement && r == 1 && c == 0 => {
                        ws.write_string(r16, c16, saving.unit).unwrap()
                    }
                    _ => ws.write_string(r16, c16, &t).unwrap(),
                };
            }
        }
    }
    wb.save(path).unwrap();
}

/// `got` has `want`'s figures, the differing ones listed.
fn assert_same(got: &Dataset, want: &Dataset, what: &str) {
    let (got, want) = (figures(got), figures(want));
    let differ: Vec<_> = (want.iter())
        .filter(|(k, v)| got.get(k) != Some(v))
        .map(|(k, v)| (k, v, got.get(k)))
        .take(5)
        .collect();
    assert!(differ.is_empty(), "{what}: {differ:?}");
    assert_eq!(got.len(), want.len(), "{what}: extra figures");
}

#[test]
fn a_thousands_number_format_over_stored_euros_reads_the_euros() {
    // A ledger export: the cells hold euros, "#,##0," shows them in
    // thousands, and the sheet says "1 000 €" as its reader sees it.
    let dir = tempdir("nums-scaled-format");
    for muni in ["kauhava", "seinajoki"] {
        let euros = |v: Decimal| (v.to_f64().unwrap(), Some("#,##0,"));
        let path = dir.join(format!("{muni}.xlsx"));
        saved(
            &path,
            muni,
            &Saving {
                unit: "1 000 €",
                cell: &euros,
            },
        );
        let ds = read_path(&path).unwrap();
        assert!(errors(&ds).is_empty(), "{muni}: {:?}", errors(&ds));
        assert_same(&ds, &plain(muni), muni);
        let notice = ds.findings.iter().find(|f| f.code == "scaled_format");
        let notice = notice.expect("the format is said").message.to_string();
        assert!(
            notice.contains("#,##0,") && notice.contains("1 000 €"),
            "{notice}"
        );
    }
}

#[test]
fn a_thousands_number_format_under_a_unit_of_euros_is_refused_naming_the_cell() {
    let dir = tempdir("nums-scaled-format-euros");
    let path = dir.join("kauhava.xlsx");
    let euros = |v: Decimal| (v.to_f64().unwrap(), Some("#,##0,;-#,##0,"));
    saved(
        &path,
        "kauhava",
        &Saving {
            unit: "€",
            cell: &euros,
        },
    );
    let ds = read_path(&path).unwrap();
    let e = ds.findings.iter().find(|f| f.code == "scaled_format_unit");
    let e = e.expect("refused");
    assert_eq!(e.severity, Severity::Error);
    assert!(
        e.message.to_string().contains("#,##0,;-#,##0,"),
        "{}",
        e.message
    );
    assert!(
        e.cells[0].to_string().contains("Tuloslaskelma"),
        "{:?}",
        e.cells
    );
}

#[test]
fn a_millions_number_format_over_stored_thousands_reads_thousands() {
    // Thousands as stored, shown by "0.0," as millions under "milj. €":
    // each stored unit is a thousand euros.
    let dir = tempdir("nums-scaled-millions");
    for muni in ["kauhava", "seinajoki"] {
        let path = dir.join(format!("{muni}.xlsx"));
        let thousands = |v: Decimal| ((v / Decimal::from(1000)).to_f64().unwrap(), Some("0.0,"));
        saved(
            &path,
            muni,
            &Saving {
                unit: "milj. €",
                cell: &thousands,
            },
        );
        let ds = read_path(&path).unwrap();
        assert!(errors(&ds).is_empty(), "{muni}: {:?}", errors(&ds));
        assert_same(&ds, &plain(muni), muni);
    }
}

/// `muni`'s conformance workbook with every statement's figures printed in
/// units of `scale` euros under the unit cell `unit`; the background sheet
/// as it is.
fn rescaled(muni: &str, unit: &str, scale: Decimal) -> Vec<Grid> {
    let mut grids = workbook(muni);
    for g in grids.iter_mut().filter(|g| g.name != "Taustatiedot") {
        let (h, was) = (header_row(g), unit_of(g));
        for r in h + 1..g.height() {
            for c in 1..g.width() {
                if let Ok(Some(n)) = parse_text(&text(g, r, c)) {
                    let value = n.value * was / scale;
                    let decimals = value.scale();
                    g.set(r, c, Cell::Number(Num { value, decimals }));
                }
            }
        }
        g.set(1, 0, Cell::Text(unit.to_string()));
    }
    grids
}

fn read(muni: &str, grids: Vec<Grid>) -> Dataset {
    read_grids(&format!("{muni}.xlsx"), grids).unwrap_or_else(|e| panic!("{muni}: {e}"))
}

#[test]
fn units_as_ledgers_write_them_scale_the_published_figures() {
    let (thousand, million) = (Decimal::from(1000), Decimal::from(1_000_000));
    let units = [
        ("k€", thousand),
        ("kEUR", thousand),
        ("t. €", thousand),
        ("t.€", thousand),
        ("Luvut tuhansina euroina", thousand),
        ("tusen euro", thousand),
        ("1 000 euro", thousand),
        ("Me", million),
        ("M€", million),
    ];
    for muni in ["kauhava", "seinajoki"] {
        let want = plain(muni);
        for (unit, scale) in units {
            let ds = read(muni, rescaled(muni, unit, scale));
            assert!(errors(&ds).is_empty(), "{muni} {unit}: {:?}", errors(&ds));
            assert_same(&ds, &want, &format!("{muni} {unit}"));
        }
    }
}

#[test]
fn thousands_of_kronor_are_refused_naming_the_unit_cell() {
    let ds = read("kauhava", rescaled("kauhava", "tkr", Decimal::from(1000)));
    let e = ds.findings.iter().find(|f| f.code == "foreign_currency");
    let e = e.expect("refused");
    assert_eq!(e.severity, Severity::Error);
    assert_eq!(
        e.cells[0].to_string(),
        "kauhava.xlsx, sheet 'Tuloslaskelma', cell A2"
    );
}

#[test]
fn a_cash_flow_statement_a_thousand_times_too_small_is_an_error_naming_its_cell() {
    // Thousands under a unit of euros: the cash flow statement's capital
    // expenditure, which adds into nothing the other statements print, is
    // held against the population too.
    let ds = read("kauhava", rescaled("kauhava", "€", Decimal::from(1000)));
    let found = kivijalka::model::plausibility::check(&ds);
    let cash_flow = found.iter().find(|f| {
        f.severity == Severity::Error
            && f.message.to_string().contains("investointimenot")
            && f.cells[0].to_string().contains("'Rahoituslaskelma'")
    });
    assert!(
        cash_flow.is_some(),
        "{:?}",
        found
            .iter()
            .map(|f| f.message.to_string())
            .collect::<Vec<_>>()
    );
    // Read in its unit, the published statement is within the bounds.
    let fine = kivijalka::model::plausibility::check(&plain("kauhava"));
    assert!(
        fine.iter()
            .all(|f| !f.message.to_string().contains("investointimenot"))
    );
}

/// `v` as text with thousands grouped by `group` and decimals after `point`.
fn written(v: Decimal, group: char, point: char) -> String {
    let s = v.abs().to_string();
    let (whole, fraction) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(w, f)| (w, Some(f)));
    let mut out = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(ch);
    }
    if let Some(f) = fraction {
        out = format!("{out}{point}{f}");
    }
    if v.is_sign_negative() && !v.is_zero() {
        format!("-{out}")
    } else {
        out
    }
}

/// `muni`'s conformance workbook with every figure of the sheets `which`
/// picks written as text by `write`.
fn rewritten(
    muni: &str,
    which: &dyn Fn(&str) -> bool,
    write: &dyn Fn(Decimal) -> String,
) -> Vec<Grid> {
    let mut grids = workbook(muni);
    for g in grids.iter_mut().filter(|g| which(&g.name)) {
        let h = header_row(g);
        for r in h + 1..g.height() {
            for c in 1..g.width() {
                if let Ok(Some(n)) = parse_text(&text(g, r, c)) {
                    g.set(r, c, Cell::Text(write(n.value)));
                }
            }
        }
    }
    grids
}

#[test]
fn a_lone_separator_before_three_digits_is_read_as_the_sheet_writes_the_others() {
    // Kauhava prints every sheet with figures of millions ("1.175.399",
    // "7.725.767,34"), which say how its "315.297" and "-4.741" are meant.
    let all = |_: &str| true;
    for (group, point) in [('.', ','), (',', '.')] {
        let write = |v: Decimal| written(v, group, point);
        let ds = read("kauhava", rewritten("kauhava", &all, &write));
        assert!(errors(&ds).is_empty(), "{group}: {:?}", errors(&ds));
        assert_same(
            &ds,
            &plain("kauhava"),
            &format!("kauhava, thousands by {group}"),
        );
    }
}

#[test]
fn a_lone_separator_before_three_digits_the_sheet_does_not_settle_is_refused() {
    // Seinäjoki's group income statement is in thousands, every figure
    // under a million: "-383.185" and "-1.429" are all it has.
    let income = |name: &str| name == "Konsernituloslaskelma";
    let write = |v: Decimal| written(v, '.', ',');
    let ds = read("seinajoki", rewritten("seinajoki", &income, &write));
    let e = (ds.findings.iter())
        .find(|f| f.severity == Severity::Error && f.message.to_string().contains("'-383.185'"));
    let e = e.expect("refused");
    assert_eq!(
        e.cells[0].to_string(),
        "seinajoki.xlsx, sheet 'Konsernituloslaskelma', cell B7"
    );
    // No figure of the sheet is read one way and another the other.
    assert!(ds.get(Entity::Group, "tl.toimintakulut", 2024).is_none());
}

#[test]
fn a_lone_separator_before_three_digits_alone_in_a_sheet_is_no_figure() {
    use kivijalka::ingest::number::{Notation, parse_text_in};
    let n = |sample: &[&str]| {
        let mut n = Notation::default();
        sample.iter().for_each(|s| n.see(s));
        n
    };
    let v = |raw: &str, notation| parse_text_in(raw, notation).map(|n| n.map(|n| n.value));
    let finnish = n(&["1.175.399"]);
    assert_eq!(v("315.297", finnish), Ok(Some(Decimal::from(315_297))));
    assert_eq!(
        v("-4.741", n(&["7.725.767,34"])),
        Ok(Some(Decimal::from(-4741)))
    );
    assert_eq!(
        v("315,297", n(&["7,725,767.34"])),
        Ok(Some(Decimal::from(315_297)))
    );
    // A comma before two digits marks decimals: "," is not a group here.
    assert_eq!(
        v("315,297", n(&["1 234,56"])),
        Ok(Some(Decimal::new(315_297, 3)))
    );
    assert!(v("315.297", Notation::default()).is_err());
    assert!(v("315.297", n(&["1.175.399", "1,234.56"])).is_err());
    // Not ambiguous: a leading zero, two decimals, four digits.
    assert_eq!(
        v("0.297", Notation::default()),
        Ok(Some(Decimal::new(297, 3)))
    );
    assert_eq!(
        v("315,29", Notation::default()),
        Ok(Some(Decimal::new(31_529, 2)))
    );
}

/// Reads `grids` of `muni` and asserts no error and the plain layout's
/// figures.
fn same_as_plain(muni: &str, what: &str, grids: Vec<Grid>) {
    let ds = read(muni, grids);
    assert!(errors(&ds).is_empty(), "{muni}, {what}: {:?}", errors(&ds));
    assert_same(&ds, &plain(muni), &format!("{muni}, {what}"));
}

#[test]
fn whole_euros_padded_suffixed_or_with_zero_cents_keep_the_euro_rounding() {
    // Kauhava's group statements are printed in whole euros, and two of
    // their lines differ by the euro rounding ("Rahavarojen muutos" -4 741
    // and -4 742): held to the cent they would be two figures of one line.
    let group = |name: &str| name.starts_with("Konserni");
    let space = |v: Decimal| written(v, ' ', ',');
    let forms: [(&str, &dyn Fn(Decimal) -> String); 3] = [
        ("padded", &|v| format!(" {} ", space(v))),
        ("with a euro sign", &|v| format!("{} €", space(v))),
        ("with zero cents", &|v| format!("{},00", space(v))),
    ];
    for (what, write) in forms {
        same_as_plain("kauhava", what, rewritten("kauhava", &group, write));
    }
    // One figure with cents makes the table one printed to the cent.
    let mut grids = rewritten("kauhava", &group, &|v| format!("{},00", space(v)));
    let g = grids
        .iter_mut()
        .find(|g| g.name == "Konsernin rahoituslaskelma")
        .unwrap();
    let (h, r) = (header_row(g), 5);
    assert!(r > h);
    g.set(
        r,
        1,
        Cell::Text(format!("{},01", text(g, r, 1).trim_end_matches(",00"))),
    );
    let ds = read("kauhava", grids);
    assert!(
        !errors(&ds).is_empty(),
        "the euro rounding is no longer allowed"
    );
}

#[test]
fn a_numeric_cells_binary_residue_is_no_cent() {
    // Every figure as a formula leaves it: a billionth off the value.
    for muni in ["kauhava", "seinajoki"] {
        let mut grids = workbook(muni);
        for g in grids.iter_mut().filter(|g| g.name != "Taustatiedot") {
            let h = header_row(g);
            for r in h + 1..g.height() {
                for c in 1..g.width() {
                    if let Ok(Some(n)) = parse_text(&text(g, r, c)) {
                        let v = n.value.to_f64().unwrap();
                        let noisy = if v == 0.0 { v } else { v + 1e-9 };
                        g.set(r, c, Cell::from(noisy));
                    }
                }
            }
        }
        same_as_plain(muni, "a billionth off", grids);
    }
}

/// The row of the background sheet whose label is `label`.
fn background_row(grids: &[Grid], label: &str) -> u32 {
    let g = grids.iter().find(|g| g.name == "Taustatiedot").unwrap();
    (0..g.height())
        .find(|r| text(g, *r, 0) == label)
        .expect(label)
}

#[test]
fn a_tax_rate_with_its_percent_sign_reads_and_a_dash_is_no_rate() {
    let mut grids = workbook("kauhava");
    let r = background_row(&grids, "Tuloveroprosentti");
    let g = grids.iter_mut().find(|g| g.name == "Taustatiedot").unwrap();
    for c in 1..g.width() {
        let t = text(g, r, c);
        if !t.is_empty() {
            g.set(r, c, Cell::Text(format!("{t} %")));
        }
    }
    same_as_plain("kauhava", "the rate with %", grids);
    // Seinäjoki publishes no rate for 2023: a dash there is that, not 0 %.
    for dash in ["-", "–", "—"] {
        let mut grids = workbook("seinajoki");
        let r = background_row(&grids, "Tuloveroprosentti");
        let g = grids.iter_mut().find(|g| g.name == "Taustatiedot").unwrap();
        assert_eq!(text(g, r, 2), "", "the 2023 rate is not published");
        g.set(r, 2, Cell::Text(dash.to_string()));
        same_as_plain("seinajoki", dash, grids);
    }
}

/// `muni`'s workbook with each year heading "TP y" written by `heading`.
fn headed(muni: &str, heading: &dyn Fn(&str) -> String) -> Vec<Grid> {
    let mut grids = workbook(muni);
    for g in grids.iter_mut() {
        let h = header_row(g);
        for c in 0..g.width() {
            if let Some(y) = text(g, h, c).strip_prefix("TP ") {
                g.set(h, c, Cell::Text(heading(y)));
            }
        }
    }
    grids
}

#[test]
fn year_headings_of_actuals_as_ledgers_write_them() {
    let forms: [&dyn Fn(&str) -> String; 3] =
        [&|y| format!("Tot {y}"), &|y| format!("v. {y}"), &|y| {
            format!("1.1.{y}-31.12.{y}")
        }];
    for form in forms {
        same_as_plain("kauhava", &form("2024"), headed("kauhava", form));
    }
}

#[test]
fn a_restated_comparative_is_the_years_actuals_before_the_first_published() {
    // "TP 2023 oikaistu" beside the 2023 figures as first published (here
    // a thousand euros off on every line): the restatement is read.
    let mut grids = headed("kauhava", &|y| match y {
        "2023" => "TP 2023 oikaistu".to_string(),
        y => format!("TP {y}"),
    });
    for g in grids.iter_mut() {
        let (h, w) = (header_row(g), g.width());
        g.set(h, w, Cell::Text("TP 2023".to_string()));
        for r in h + 1..g.height() {
            if let Ok(Some(n)) = parse_text(&text(g, r, 2)) {
                g.set(
                    r,
                    w,
                    Cell::Text((n.value + Decimal::from(1000)).to_string()),
                );
            }
        }
    }
    let ds = read("kauhava", grids.clone());
    assert!(ds.findings.iter().any(|f| f.code == "restated_year"));
    same_as_plain("kauhava", "restated", grids);
}
