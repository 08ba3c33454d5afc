//! One statement sheet into the dataset: each row matched to the decree's
//! line, its figures read in euros, costs turned to the published sign, and
//! each year's kind checked against the other sheets.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::sections::Sections;
use super::signs::sign_convention;
use crate::error::{Location, cell_name};
use crate::ingest::number::{self, Num};
use crate::ingest::reconcile;
use crate::ingest::sheet::{self, Layout, Row};
use crate::model::dataset::{Dataset, Entity, Figure, YearKind};
use crate::model::findings::{Finding, Message, Severity};
use crate::model::items::{self, ItemDef, Sign, Statement};
use crate::model::labels;

/// A figure read, before the sign convention is known.
pub(super) struct Read {
    pub(super) value: Decimal,
    pub(super) label: String,
    pub(super) source: Location,
    pub(super) quantum: Decimal,
}

/// The figures read so far, by line and year.
pub(super) type Figures = BTreeMap<(&'static str, i32), Read>;

/// What one sheet's reading carries from row to row.
struct Reading<'a> {
    file: &'a str,
    sheet: String,
    layout: &'a Layout,
    statement: Statement,
    sections: Sections,
    /// Per row, what it was taken for: judged once the workbook is read.
    trace: Vec<reconcile::TraceRow>,
    read: Figures,
}

impl Reading<'_> {
    fn at(&self, r: u32, c: u32) -> Location {
        Location::cell(self.file, self.sheet.clone(), cell_name(r, c))
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn read_statement(
    ds: &mut Dataset,
    year_origin: &mut BTreeMap<i32, (YearKind, Location)>,
    file: &str,
    grid: &crate::ingest::grid::Grid,
    layout: Layout,
    entity: Entity,
    statement: Statement,
    pending: &mut Vec<reconcile::SheetRows>,
) {
    let sheet_name = grid.name.clone();
    ds.findings.extend(layout.findings.iter().cloned());
    if let Some(u) = &layout.first().unit_found {
        ds.findings.push(Finding::notice(
            "unit",
            Message::Text(format!(
                "figures in units of {} € (from {u})",
                layout.first().scale
            )),
            vec![Location::sheet(file, &sheet_name)],
        ));
    }
    let mut rd = Reading {
        file,
        sheet: sheet_name,
        layout: &layout,
        statement,
        sections: Sections::default(),
        trace: Vec::new(),
        read: BTreeMap::new(),
    };
    for (pos, row) in layout.rows.iter().enumerate() {
        read_row(ds, &mut rd, pos, row);
    }
    let costs_positive = costs_to_published_sign(ds, &mut rd);
    if rd
        .trace
        .iter()
        .any(|r| matches!(r, reconcile::TraceRow::Unknown(_)))
    {
        pending.push(reconcile::SheetRows {
            entity,
            statement,
            costs_positive,
            rows: std::mem::take(&mut rd.trace),
        });
    }
    let read = std::mem::take(&mut rd.read);
    record(ds, year_origin, &rd, read, entity);
}

/// One row: which line it is (by label, section and order), notices on how
/// it was placed, then its figures.
fn read_row(ds: &mut Dataset, rd: &mut Reading, pos: usize, row: &Row) {
    let statement = rd.statement;
    let norm = labels::normalize(&row.label);
    if norm.is_empty() || labels::is_plain_heading(&norm) {
        return;
    }
    let (cands, marker) = labels::resolve(statement, &row.label);
    let label_cell = rd.at(row.row, row.label_col);
    let chosen = rd.sections.choose(
        cands,
        &rd.layout.rows[pos + 1..],
        statement,
        &norm,
        &label_cell,
    );
    let chosen = match chosen {
        Ok(c) => c,
        Err(unplaced) => {
            ds.findings.push(Finding::error(
                "unplaced_line",
                Message::Text(format!(
                    "{} row \"{}\": {}; its figures are not read",
                    statement.fi(),
                    row.label,
                    unplaced.message
                )),
                unplaced.cells,
            ));
            rd.trace.push(reconcile::TraceRow::Other);
            return;
        }
    };
    let Some(def) = chosen else {
        not_a_line(ds, rd, row, label_cell);
        return;
    };
    if let Some(marker) = marker {
        ds.findings.push(Finding::notice(
            "footnote_marker",
            Message::Text(format!(
                "\"{}\" read as \"{}\": the trailing \"{marker}\" taken for a footnote marker",
                row.label, def.fi
            )),
            vec![label_cell.clone()],
        ));
    }
    if rd.sections.by_order && !row.values.is_empty() {
        ds.findings.push(Finding::notice(
            "placed_by_order",
            Message::Text(format!(
                "\"{}\" read as \"{}\"{}: no heading or total tells which of its lines it is, and the decree's order puts this one next",
                row.label,
                def.fi,
                def.parent
                    .map(|p| format!(" under {}", items::item(p).fi))
                    .unwrap_or_default()
            )),
            vec![label_cell.clone()],
        ));
    }
    rd.sections.visit(def, norm, label_cell);
    rd.trace.push(reconcile::TraceRow::Line(def.id));
    for (year, num, col) in &row.values {
        read_figure(ds, rd, row, def, (*year, num, *col));
    }
}

/// A row that is no line of this statement: without figures it is said and
/// left; with figures it waits to be judged by the workbook's arithmetic.
fn not_a_line(ds: &mut Dataset, rd: &mut Reading, row: &Row, label_cell: Location) {
    if row.values.is_empty() {
        ds.findings.push(Finding::notice(
            "row_ignored",
            Message::Text(format!(
                "row \"{}\" has no figures and is not a {} line; ignored",
                row.label,
                rd.statement.fi()
            )),
            vec![rd.at(row.row, row.label_col)],
        ));
        return;
    }
    let other: Vec<&str> = labels::statements_of(&row.label)
        .iter()
        .map(|s| s.fi())
        .collect();
    let hint = if other.is_empty() {
        String::new()
    } else {
        format!(" (it is a line of the {})", other.join(", "))
    };
    // Judged once the whole workbook is read, by its arithmetic.
    match reconcile::unknown_row(row, rd.layout.scale_of(row), hint, label_cell, |c| {
        rd.at(row.row, c)
    }) {
        Ok(u) => rd.trace.push(reconcile::TraceRow::Unknown(u)),
        Err(f) => {
            ds.findings.push(f);
            rd.trace.push(reconcile::TraceRow::Other);
        }
    }
}

/// One figure of a line: in euros, or refused with the reason; a second
/// printing of the same line and year is compared, and the first kept.
fn read_figure(
    ds: &mut Dataset,
    rd: &mut Reading,
    row: &Row,
    def: &'static ItemDef,
    (year, num, col): (i32, &Num, u32),
) {
    let scale = if matches!(def.id, "bg.asukasluku" | "bg.tuloveroprosentti") {
        Decimal::ONE
    } else {
        rd.layout.scale_of(row)
    };
    let value = match figure_value(ds, rd, row, def, (year, num, col), scale) {
        Ok(v) => v,
        Err(why) => {
            ds.findings.push(Finding::error(
                "figure_out_of_range",
                Message::Text(format!("\"{}\" {year}: {why}; not read", row.label)),
                vec![rd.at(row.row, col)],
            ));
            return;
        }
    };
    let quantum = num.quantum(scale);
    let source = rd.at(row.figure_row(year), col);
    if let Some(prev) = rd.read.get(&(def.id, year)) {
        if prev.value != value {
            // Two printings of one figure may differ by the rounding of the unit.
            let (severity, how) = if (prev.value - value).abs() <= prev.quantum.max(quantum) {
                (
                    Severity::Warning,
                    "apart only by the rounding of the printed unit",
                )
            } else {
                (Severity::Error, "with different figures")
            };
            ds.findings.push(Finding::new(
                severity,
                "duplicate_line",
                Message::Text(format!(
                    "\"{}\" appears twice for {year} {how} ({} and {}); the first is read",
                    def.fi, prev.value, value
                )),
                vec![source, prev.source.clone()],
            ));
        }
        return;
    }
    rd.read.insert(
        (def.id, year),
        Read {
            value,
            label: row.label.clone(),
            source,
            quantum,
        },
    );
}

/// A cell's number as the line's value: residents and the tax rate as they
/// are, every other figure scaled to euros.
fn figure_value(
    ds: &mut Dataset,
    rd: &Reading,
    row: &Row,
    def: &'static ItemDef,
    (year, num, col): (i32, &Num, u32),
    scale: Decimal,
) -> std::result::Result<Decimal, String> {
    match def.id {
        "bg.asukasluku" => number::residents(num),
        "bg.tuloveroprosentti" => {
            if number::is_percent_cell(num) {
                ds.findings.push(Finding::notice(
                    "tax_rate_percent_cell",
                    Message::Text(format!(
                        "\"{}\" {year}: {} read as {} %, as a cell formatted as a percentage stores it",
                        row.label,
                        num.value.normalize(),
                        (num.value * Decimal::ONE_HUNDRED).normalize()
                    )),
                    vec![rd.at(row.row, col)],
                ));
            }
            number::tax_rate(num)
        }
        // Stocks of liabilities: a negative one is a sign error,
        // and no identity would catch it.
        id if id.starts_with("bg.") => number::figure(num, scale).and_then(|v| {
            if v < Decimal::ZERO {
                Err(format!(
                    "{} is negative; a stock of liabilities is zero or more",
                    v.normalize()
                ))
            } else {
                Ok(v)
            }
        }),
        _ => number::figure(num, scale),
    }
}

/// Costs printed as positive figures are turned negative, as the decree
/// publishes them; whether they were is told by the statement's subtotals.
fn costs_to_published_sign(ds: &mut Dataset, rd: &mut Reading) -> bool {
    let mut costs_positive = false;
    if matches!(
        rd.statement,
        Statement::Tuloslaskelma | Statement::Rahoituslaskelma
    ) {
        let positive = sign_convention(ds, rd.file, &rd.sheet, rd.statement, &rd.read);
        costs_positive = positive;
        if positive {
            for ((id, _), r) in rd.read.iter_mut() {
                if items::item(id).sign == Sign::Minus {
                    r.value = if r.value.is_zero() {
                        Decimal::ZERO
                    } else {
                        -r.value
                    };
                }
            }
        }
    }
    costs_positive
}

/// The figures into the dataset, each year's kind checked against the kind
/// another sheet gave the same year.
fn record(
    ds: &mut Dataset,
    year_origin: &mut BTreeMap<i32, (YearKind, Location)>,
    rd: &Reading,
    read: Figures,
    entity: Entity,
) {
    let layout = rd.layout;
    let at = |r: u32, c: u32| rd.at(r, c);
    let kinds: BTreeMap<i32, &sheet::YearColumn> =
        layout.years.iter().map(|y| (y.year, y)).collect();
    for ((id, year), r) in read {
        if let Some(yc) = kinds.get(&year) {
            match year_origin.get(&year) {
                Some((k, loc)) if *k != yc.kind => {
                    ds.findings.push(Finding::error(
                        "year_kind_conflict",
                        Message::Text(format!(
                            "{year} is {k} in one sheet and {} in another",
                            yc.kind
                        )),
                        vec![at(layout.first().header_row, yc.col), loc.clone()],
                    ));
                }
                Some(_) => {}
                None => {
                    year_origin.insert(year, (yc.kind, at(layout.first().header_row, yc.col)));
                    ds.years.insert(year, yc.kind);
                }
            }
        }
        ds.figures.insert(
            (entity, id, year),
            Figure {
                value: r.value,
                source: r.source,
                label: r.label,
                quantum: r.quantum,
            },
        );
    }
}
