//! The statements as read: canonical lines by year, with the row each came from.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::dataset::{Dataset, Entity};
use crate::model::items::{self, Statement};
use crate::panel::WideRow;
use crate::report::format::{Lang, number, plain};
use crate::report::names;
use crate::report::table::{Align, Table};

fn entity_of(s: &str) -> Entity {
    if s == "group" {
        Entity::Group
    } else {
        Entity::City
    }
}

/// Where a line was read from: sheet, row and the label as printed.
fn origin(ds: &Dataset, e: Entity, id: &str, years: &[i32], lang: Lang) -> String {
    let Some(f) = years.iter().find_map(|y| ds.get(e, id, *y)) else {
        return String::new();
    };
    let Some(sheet) = &f.source.sheet else {
        return f.source.file.clone();
    };
    let row = f.source.row().unwrap_or_default();
    let word = lang.tr("rivi", "rad", "row");
    format!("{sheet}, {word} {row}: \"{}\"", f.label)
}

pub fn table(
    ds: &Dataset,
    rows: &[WideRow],
    years: &[i32],
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    for e in [Entity::City, Entity::Group] {
        for st in Statement::ALL {
            let lines: Vec<&WideRow> = rows
                .iter()
                .filter(|r| entity_of(&r.entity) == e && items::item(&r.item).statement == st)
                .collect();
            if lines.is_empty() {
                continue;
            }
            let who = names::entity(e, lang);
            let what = names::statement(st, lang);
            let unit = if st == Statement::Taustatiedot {
                ""
            } else {
                ", €"
            };
            writeln!(out, "{} — {what} ({who}){unit}", ds.name())?;
            let mut headers = vec![lang.tr("Rivi", "Rad", "Line").to_string()];
            let mut align = vec![Align::Left];
            for y in years {
                headers.push(format!(
                    "{} {y}",
                    ds.kind(*y)
                        .map(|k| names::year_kind(k, lang))
                        .unwrap_or_default()
                ));
                align.push(Align::Right);
            }
            headers.push(
                lang.tr("Luettu riviltä", "Läst från", "Read from")
                    .to_string(),
            );
            align.push(Align::Left);
            let mut t = Table::new(headers, align);
            for r in lines {
                let def = items::item(&r.item);
                let decimals = if def.id == "bg.tuloveroprosentti" {
                    2
                } else {
                    0
                };
                let mut row = vec![format!(
                    "{}{}",
                    "  ".repeat(def.level as usize),
                    lang.tr(def.fi, def.sv, def.en)
                )];
                for y in years {
                    row.push(
                        r.values
                            .iter()
                            .find(|(yy, _)| yy == y)
                            .map(|(_, v)| number(*v, decimals, lang))
                            .unwrap_or_default(),
                    );
                }
                row.push(origin(ds, e, def.id, years, lang));
                t.push(row);
            }
            t.write(out)?;
            writeln!(out)?;
        }
    }
    writeln!(
        out,
        "{}",
        lang.tr(
            "Eurot pyöristetty kokonaisiksi näyttöä varten; täsmälliset arvot: --format csv tai json.",
            "Euro avrundade till hela euro för visning; exakta värden: --format csv eller json.",
            "Euros rounded to whole euros for display; exact values: --format csv or json.",
        )
    )
}

#[derive(Serialize)]
struct Line<'a> {
    municipality: &'a str,
    entity: &'static str,
    statement: &'static str,
    item: &'static str,
    label_fi: &'static str,
    label_en: &'static str,
    year: i32,
    kind: String,
    value: String,
    sheet: String,
    cell: String,
    label_read: &'a str,
}

fn flat<'a>(ds: &'a Dataset, years: &[i32]) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    for e in ds.entities() {
        for def in ds.lines(e) {
            for y in years {
                let Some(f) = ds.get(e, def.id, *y) else {
                    continue;
                };
                out.push(Line {
                    municipality: ds.name(),
                    entity: e.en(),
                    statement: def.statement.fi(),
                    item: def.id,
                    label_fi: def.fi,
                    label_en: def.en,
                    year: *y,
                    kind: ds.kind(*y).map(|k| k.to_string()).unwrap_or_default(),
                    value: plain(f.value),
                    sheet: f.source.sheet.clone().unwrap_or_default(),
                    cell: f.source.cell.clone().unwrap_or_default(),
                    label_read: &f.label,
                });
            }
        }
    }
    out
}

pub fn csv(ds: &Dataset, years: &[i32], out: &mut dyn Write) -> io::Result<()> {
    let mut w = crate::report::csv_out::Writer::from_writer(out);
    for l in flat(ds, years) {
        w.serialize(l)?;
    }
    w.flush()
}

pub fn json(ds: &Dataset, years: &[i32], out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &flat(ds, years))?;
    writeln!(out)
}
