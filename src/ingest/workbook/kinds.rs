//! What one sheet may read given the sheets before it: a year another
//! sheet gives as an actual, and a hidden sheet beside a visible one.

use std::collections::BTreeMap;

use crate::error::{Location, cell_name};
use crate::ingest::sheet::Layout;
use crate::model::dataset::{Dataset, Entity, YearKind};
use crate::model::findings::{Finding, Message};
use crate::model::items::Statement;
use crate::report::Lang;
use crate::text;

/// The header row a year's column stands under.
fn header_of(layout: &Layout, year: i32, col: u32) -> u32 {
    (layout.blocks.iter())
        .find(|b| b.years.iter().any(|y| y.year == year && y.col == col))
        .map_or(layout.first().header_row, |b| b.header_row)
}

/// The rule of one sheet across sheets: a budget or plan column of a year
/// another sheet gives as an actual (TP) is not read, and a year read as a
/// budget or plan from an earlier sheet gives way to a later sheet's
/// actual (its figures taken out). Each dropped column is said in a notice
/// naming it and the sheet whose actual is read.
pub(super) fn actual_over_budget(
    ds: &mut Dataset,
    year_origin: &mut BTreeMap<i32, (YearKind, Location)>,
    file: &str,
    sheet: &str,
    layout: &mut Layout,
) {
    let mut dropped: Vec<i32> = Vec::new();
    for yc in &layout.years {
        let Some((kind, origin)) = year_origin.get(&yc.year).cloned() else {
            continue;
        };
        let here = Location::cell(
            file,
            sheet,
            cell_name(header_of(layout, yc.year, yc.col), yc.col),
        );
        let year = yc.year;
        if kind == YearKind::TP && yc.kind != YearKind::TP {
            dropped.push(year);
            let (k, from) = (yc.kind, origin.sheet.clone().unwrap_or_default());
            ds.findings.push(ignored(here, (k, year), &from));
        } else if kind != YearKind::TP && yc.kind == YearKind::TP {
            ds.figures.retain(|(_, _, y), _| *y != year);
            ds.years.remove(&year);
            year_origin.remove(&year);
            ds.findings.push(ignored(origin, (kind, year), sheet));
        }
    }
    if dropped.is_empty() {
        return;
    }
    layout.years.retain(|y| !dropped.contains(&y.year));
    for b in &mut layout.blocks {
        b.years.retain(|y| !dropped.contains(&y.year));
    }
    for r in &mut layout.rows {
        r.values.retain(|(y, _, _)| !dropped.contains(y));
    }
}

fn ignored(at: Location, (kind, year): (YearKind, i32), actual_sheet: &str) -> Finding {
    Finding::notice(
        "column_ignored",
        Message::text(text!(
            "sarake {kind} {year} ohitettu: saman vuoden toteuma TP {year} luetaan taulukosta '{actual_sheet}'",
            "kolumnen {kind} {year} hoppades över: utfallet TP {year} för samma år läses från bladet '{actual_sheet}'",
            "column {kind} {year} ignored: the actual TP {year} of the same year is read from sheet '{actual_sheet}'"
        )),
        vec![at],
    )
}

/// A hidden sheet for a statement a visible sheet already gives is a draft
/// or an old version, not the statement: left out, said in a notice. A
/// hidden sheet that is read is said too, since its messages name a sheet
/// the reader cannot see in Excel. `true` when the sheet is to be read.
pub(super) fn hidden_sheet(
    ds: &mut Dataset,
    file: &str,
    sheet: &str,
    (entity, statement): (Entity, Statement),
) -> bool {
    let fi = super::whose::read_as(entity, statement, Lang::Fi);
    let sv = super::whose::read_as(entity, statement, Lang::Sv);
    let en = super::whose::read_as(entity, statement, Lang::En);
    let at = vec![Location::sheet(file, sheet)];
    match ds.sheets.get(&(entity, statement)) {
        Some(visible) => {
            ds.findings.push(Finding::notice(
                "hidden_sheet_ignored",
                Message::text(text!(
                    "piilotettu taulukko ohitettu: se olisi luettu {fi}, mutta näkyvä taulukko '{visible}' on jo luettu siksi",
                    "dolt blad hoppades över: det skulle läsas som {sv}, men det synliga bladet '{visible}' har redan lästs som den",
                    "hidden sheet ignored: it would be {en}, but the visible sheet '{visible}' was already read as that"
                )),
                at,
            ));
            false
        }
        None => {
            ds.findings.push(Finding::notice(
                "hidden_sheet_read",
                Message::text(text!(
                    "taulukko on piilotettu; luettu {fi}",
                    "bladet är dolt; läst som {sv}",
                    "the sheet is hidden; read as {en}"
                )),
                at,
            ));
            true
        }
    }
}

/// A year column Excel hides is read like any other, but its reader does
/// not see it: a notice naming its heading.
pub(super) fn hidden_year_columns(
    ds: &mut Dataset,
    file: &str,
    grid: &crate::ingest::grid::Grid,
    layout: &Layout,
) {
    for yc in layout.years.iter().filter(|y| grid.col_hidden(y.col)) {
        let cell = cell_name(header_of(layout, yc.year, yc.col), yc.col);
        let (kind, year) = (yc.kind, yc.year);
        ds.findings.push(Finding::notice(
            "hidden_column",
            Message::text(text!(
                "sarake {kind} {year} on piilotettu; se luetaan kuten näkyvä sarake",
                "kolumnen {kind} {year} är dold; den läses som en synlig kolumn",
                "column {kind} {year} is hidden; it is read as a visible column is"
            )),
            vec![Location::cell(file, &grid.name, cell)],
        ));
    }
}
