//! Numbers as published statements hold them: Excel's scaling number
//! formats, unit words, text figures with thousands separators, the printed
//! precision, tax rates and year headings as finance departments write them.
//! Each case is Kauhava's or Seinäjoki's published statements (the
//! conformance layout), saved or rewritten one way, and must read to the
//! figures of the plain layout, or be refused naming the cell.

use std::collections::BTreeMap;
use std::path::Path;

use kivijalka::ingest::grid::Grid;
use kivijalka::ingest::number::parse_text;
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
