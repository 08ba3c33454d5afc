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
use crate::text;

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
            Message::text({
                let scale = layout.first().scale;
                let (u_fi, u_sv, u) = (&u.fi, &u.sv, &u.en);
                text!(
                    "luvut {scale} euron yksiköissä ({u_fi})",
                    "siffror i enheter om {scale} € ({u_sv})",
                    "figures in units of {scale} € (from {u})"
                )
            }),
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
                Message::text({
                    let (st, label, m) = (statement.fi(), &row.label, &unplaced.message);
                    let (fi, sv, en) = (&m.fi, &m.sv, &m.en);
                    text!(
                        "{st}: rivi \"{label}\": {fi}; sen lukuja ei lueta",
                        "{st}: raden \"{label}\": {sv}; dess siffror läses inte",
                        "{st} row \"{label}\": {en}; its figures are not read"
                    )
                }),
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
            Message::text({
                let (label, line) = (&row.label, def.fi);
                text!(
                    "\"{label}\" luettu rivinä \"{line}\": lopun \"{marker}\" tulkittu alaviitteen merkiksi",
                    "\"{label}\" läst som \"{line}\": det avslutande \"{marker}\" tolkat som en fotnotsmarkering",
                    "\"{label}\" read as \"{line}\": the trailing \"{marker}\" taken for a footnote marker"
                )
            }),
            vec![label_cell.clone()],
        ));
    }
    if rd.sections.by_order && !row.values.is_empty() {
        ds.findings.push(Finding::notice(
            "placed_by_order",
            Message::text({
                let (label, line) = (&row.label, def.fi);
                let parent = def.parent.map(|p| items::item(p).fi);
                let (under_fi, under_sv, under_en) = match parent {
                    Some(p) => (
                        format!(" rivin {p} alla"),
                        format!(" under {p}"),
                        format!(" under {p}"),
                    ),
                    None => Default::default(),
                };
                text!(
                    "\"{label}\" luettu rivinä \"{line}\"{under_fi}: mikään otsikko tai summa ei kerro, mikä sen riveistä se on, ja asetuksen järjestyksessä tämä on seuraava",
                    "\"{label}\" läst som \"{line}\"{under_sv}: ingen rubrik eller summa säger vilken av dess rader den är, och förordningens ordning sätter denna härnäst",
                    "\"{label}\" read as \"{line}\"{under_en}: no heading or total tells which of its lines it is, and the decree's order puts this one next"
                )
            }),
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
            Message::text({
                let (label, st) = (&row.label, rd.statement.fi());
                text!(
                    "rivillä \"{label}\" ei ole lukuja eikä se ole laskelman ({st}) rivi; ohitettu",
                    "raden \"{label}\" har inga siffror och är inte en rad i {st}; hoppades över",
                    "row \"{label}\" has no figures and is not a {st} line; ignored"
                )
            }),
            vec![rd.at(row.row, row.label_col)],
        ));
        return;
    }
    let other: Vec<&str> = labels::statements_of(&row.label)
        .iter()
        .map(|s| s.fi())
        .collect();
    let other = other.join(", ");
    let hint = match other.is_empty() {
        true => text!("", "", ""),
        false => text!(
            " (se on rivi laskelmassa: {other})",
            " (den är en rad i {other})",
            " (it is a line of the {other})"
        ),
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
                Message::text({
                    let (label, fi, sv, en) = (&row.label, &why.fi, &why.sv, &why.en);
                    text!(
                        "\"{label}\" {year}: {fi}; ei luettu",
                        "\"{label}\" {year}: {sv}; inte läst",
                        "\"{label}\" {year}: {en}; not read"
                    )
                }),
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
                    [
                        "lukuina, jotka eroavat vain painetun yksikön pyöristyksen verran",
                        "med siffror som skiljer sig bara med den tryckta enhetens avrundning",
                        "apart only by the rounding of the printed unit",
                    ],
                )
            } else {
                (
                    Severity::Error,
                    ["eri luvuin", "med olika siffror", "with different figures"],
                )
            };
            let [how_fi, how_sv, how] = how;
            ds.findings.push(Finding::new(
                severity,
                "duplicate_line",
                Message::text({
                    let (line, first) = (def.fi, prev.value);
                    text!(
                        "\"{line}\" esiintyy kahdesti vuodelle {year} {how_fi} ({first} ja {value}); ensimmäinen luetaan",
                        "\"{line}\" förekommer två gånger för {year} {how_sv} ({first} och {value}); den första läses",
                        "\"{line}\" appears twice for {year} {how} ({first} and {value}); the first is read"
                    )
                }),
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
) -> std::result::Result<Decimal, crate::error::Text> {
    match def.id {
        "bg.asukasluku" => number::residents(num),
        "bg.tuloveroprosentti" => {
            if number::is_percent_cell(num) {
                ds.findings.push(Finding::notice(
                    "tax_rate_percent_cell",
                    Message::text({
                        let (label, v) = (&row.label, num.value.normalize());
                        let pct = (num.value * Decimal::ONE_HUNDRED).normalize();
                        text!(
                            "\"{label}\" {year}: {v} luettu muodossa {pct} %, kuten prosentiksi muotoiltu solu sen tallentaa",
                            "\"{label}\" {year}: {v} läst som {pct} %, så som en cell formaterad som procent lagrar det",
                            "\"{label}\" {year}: {v} read as {pct} %, as a cell formatted as a percentage stores it"
                        )
                    }),
                    vec![rd.at(row.row, col)],
                ));
            }
            number::tax_rate(num)
        }
        // Stocks of liabilities: a negative one is a sign error,
        // and no identity would catch it.
        id if id.starts_with("bg.") => number::figure(num, scale).and_then(|v| {
            if v < Decimal::ZERO {
                let v = v.normalize();
                Err(text!(
                    "{v} on negatiivinen; velkojen määrä on nolla tai enemmän",
                    "{v} är negativt; ett bestånd av skulder är noll eller mer",
                    "{v} is negative; a stock of liabilities is zero or more"
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
                        Message::text({
                            let other = yc.kind;
                            text!(
                                "{year} on yhdessä taulukossa {k} ja toisessa {other}",
                                "{year} är {k} på ett blad och {other} på ett annat",
                                "{year} is {k} in one sheet and {other} in another"
                            )
                        }),
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
