//! A long table of many municipalities: one figure a row, the shape open
//! data comes in. Columns (Finnish names also accepted, any order):
//! `municipality` (kunta), `year` (vuosi), `item` (rivi), `value` (arvo),
//! and optionally `code` (kuntanumero), `kind` (laji: TP, TA, TS; default
//! TP), `entity` (taho: city/kaupunki/kunta or group/konserni; default city),
//! `unit` (yksikkö: €, t€, 1 000 €, milj. €; default €).
//!
//! An item is a line id (`tl.vuosikate`) or a printed label that names one
//! line unambiguously ("Vuosikate" is in two statements, so the statement
//! prefix decides: `rl.vuosikate`; a bare label is tried in the income
//! statement, the cash flow statement, the balance sheet and the background
//! figures, in that order, and must match exactly one line of the first
//! statement that knows it).

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::error::{Error, Location, Result, cell_name};
use crate::ingest::grid::{Cell, Grid};
use crate::ingest::number;
use crate::model::dataset::{Dataset, Entity, Figure, YearKind};
use crate::model::items::{self, ItemDef, Statement};
use crate::model::labels;

fn col(headers: &csv::StringRecord, names: &[&str]) -> Option<usize> {
    headers.iter().position(|h| {
        let h = h.trim().to_lowercase();
        names.contains(&h.as_str())
    })
}

fn item_of(raw: &str) -> std::result::Result<&'static ItemDef, String> {
    if let Some(d) = items::try_item(raw.trim()) {
        return Ok(d);
    }
    for st in Statement::ALL {
        let c = labels::candidates(st, raw);
        match c.len() {
            0 => continue,
            1 => return Ok(c[0]),
            _ => {
                return Err(format!(
                    "'{raw}' could mean {}; write the line id instead",
                    c.iter().map(|d| d.id).collect::<Vec<_>>().join(" or ")
                ));
            }
        }
    }
    Err(format!(
        "'{raw}' is not a statement line kivijalka knows (`kivijalka lines` lists them)"
    ))
}

fn unit_of(raw: &str) -> Option<Decimal> {
    let u = raw.trim().to_lowercase().replace('\u{a0}', " ");
    Some(Decimal::from(match u.as_str() {
        "" | "€" | "eur" | "euro" | "euroa" => 1,
        "t€" | "teur" | "1000 €" | "1 000 €" | "1000 eur" | "1 000 eur" | "1000" => 1000,
        "milj. €" | "milj.€" | "m€" | "meur" => 1_000_000,
        _ => return None,
    }))
}

/// Reads a long CSV (comma or semicolon separated) into one dataset per
/// municipality, in the order they first appear.
pub fn read_long_csv(text: &str, file: &str) -> Result<Vec<Dataset>> {
    let mut rdr = crate::ingest::csv_text::reader(text, false);
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| Error::input(Location::file(file), format!("not a CSV file: {e}")))?
        .iter()
        .map(String::from)
        .collect();
    check_fields(&headers, &Location::line(file, 1))?;
    let mut records = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let at = Location::line(file, i + 2);
        let rec = rec.map_err(|e| Error::input(at.clone(), e.to_string()))?;
        let rec: Vec<String> = rec.iter().map(String::from).collect();
        check_fields(&rec, &at)?;
        records.push((at, rec));
    }
    read_records(&headers, records, file)
}

/// The widest field read: a label, a name or a figure fits in far less, and
/// an error message quotes the field.
const MAX_FIELD: usize = 1_000;

/// Refuses a line wider than a sheet is read or with a field no table needs.
fn check_fields(fields: &[String], at: &Location) -> Result<()> {
    if fields.len() > crate::ingest::grid::MAX_COLS as usize {
        return Err(Error::input(
            at.clone(),
            format!(
                "{} columns; a long table has at most {} (it needs 4 to 8)",
                fields.len(),
                crate::ingest::grid::MAX_COLS
            ),
        ));
    }
    if let Some((i, f)) = fields
        .iter()
        .enumerate()
        .find(|(_, f)| f.chars().count() > MAX_FIELD)
    {
        return Err(Error::input(
            at.clone(),
            format!(
                "field {} has {} characters, more than the {MAX_FIELD} any label, name or figure needs",
                i + 1,
                f.chars().count()
            ),
        ));
    }
    Ok(())
}

/// Years a statement can be for; beyond them a year is a typing error.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// The row that names a long table's columns, within the first 20 rows
/// (title rows may come first).
fn header_of(grid: &Grid) -> Option<u32> {
    (0..grid.height().min(20)).find(|r| {
        let heads: Vec<String> = (0..grid.width())
            .filter_map(|c| grid.get(*r, c).text().map(|t| t.to_lowercase()))
            .collect();
        let has = |names: &[&str]| heads.iter().any(|h| names.contains(&h.as_str()));
        has(&["municipality", "kunta"]) && has(&["item", "rivi", "line"]) && has(&["value", "arvo"])
    })
}

/// Whether a sheet is a long table rather than a statement.
pub fn looks_long(grid: &Grid) -> bool {
    header_of(grid).is_some()
}

/// A long table on one sheet of a workbook; errors name the sheet and row.
pub fn read_long_grid(grid: &Grid, file: &str) -> Result<Vec<Dataset>> {
    let r0 = header_of(grid).unwrap_or(0);
    let text = |r: u32, c: u32| match grid.get(r, c) {
        Cell::Number(n) => n.value.normalize().to_string().replace('.', ","),
        Cell::Text(t) => t.trim().to_string(),
        Cell::Error(e) => e.clone(),
        Cell::Empty => String::new(),
    };
    let headers: Vec<String> = (0..grid.width()).map(|c| text(r0, c)).collect();
    check_fields(
        &headers,
        &Location::cell(file, &grid.name, cell_name(r0, 0)),
    )?;
    let mut records = Vec::new();
    for r in grid.rows_used().filter(|r| *r > r0) {
        if grid.row_cells(r).all(|(_, c)| c.is_empty()) {
            continue;
        }
        let at = Location::cell(file, &grid.name, cell_name(r, 0));
        let rec: Vec<String> = (0..grid.width()).map(|c| text(r, c)).collect();
        check_fields(&rec, &at)?;
        records.push((at, rec));
    }
    read_records(&headers, records, file)
}

fn read_records(
    header_row: &[String],
    records: Vec<(Location, Vec<String>)>,
    file: &str,
) -> Result<Vec<Dataset>> {
    let headers = csv::StringRecord::from(header_row.to_vec());
    let at_file = || Location::file(file.to_string());
    let need = |names: &[&str], what: &str| {
        col(&headers, names).ok_or_else(|| {
            Error::input(
                at_file(),
                format!("a long table needs a column '{what}' (columns: municipality, year, item, value; optional code, kind, entity, unit)"),
            )
        })
    };
    let c_mun = need(&["municipality", "kunta"], "municipality")?;
    let c_year = need(&["year", "vuosi"], "year")?;
    let c_item = need(&["item", "rivi", "line"], "item")?;
    let c_value = need(&["value", "arvo"], "value")?;
    let c_code = col(&headers, &["code", "kuntanumero", "kuntakoodi"]);
    let c_kind = col(&headers, &["kind", "laji"]);
    let c_entity = col(&headers, &["entity", "taho"]);
    let c_unit = col(&headers, &["unit", "yksikkö", "yksikko"]);

    let mut order: Vec<String> = Vec::new();
    let mut sets: BTreeMap<String, Dataset> = BTreeMap::new();
    for (loc, rec) in records {
        let at = || loc.clone();
        let get = |c: usize| rec.get(c).map(|s| s.trim()).unwrap_or("");
        let mun = get(c_mun).to_string();
        if mun.is_empty() {
            return Err(Error::input(at(), "the municipality is empty"));
        }
        let year: i32 = get(c_year)
            .parse()
            .ok()
            .filter(|y| YEARS.contains(y))
            .ok_or_else(|| {
                Error::input(
                    at(),
                    format!(
                        "'{}' is not a year from {} to {}",
                        get(c_year),
                        YEARS.start(),
                        YEARS.end()
                    ),
                )
            })?;
        let kind = match c_kind.map(get).unwrap_or("TP").to_uppercase().as_str() {
            "" | "TP" | "TILINPÄÄTÖS" | "ACTUAL" => YearKind::TP,
            "TA" | "TALOUSARVIO" | "BUDGET" => YearKind::TA,
            "TS" | "TALOUSSUUNNITELMA" | "PLAN" => YearKind::TS,
            k => {
                return Err(Error::input(
                    at(),
                    format!("kind '{k}' is not TP, TA or TS"),
                ));
            }
        };
        let entity = match c_entity.map(get).unwrap_or("").to_lowercase().as_str() {
            "" | "city" | "kaupunki" | "kunta" | "municipality" => Entity::City,
            "group" | "konserni" => Entity::Group,
            e => {
                return Err(Error::input(
                    at(),
                    format!("entity '{e}' is not city or group"),
                ));
            }
        };
        let def = item_of(get(c_item)).map_err(|m| Error::input(at(), m))?;
        let unit = match c_unit.map(get) {
            None => Decimal::ONE,
            Some(u) => unit_of(u)
                .ok_or_else(|| Error::input(at(), format!("unit '{u}' is not €, t€ or milj. €")))?,
        };
        let raw = get(c_value);
        let value = number::parse_text(raw)
            .map_err(|m| Error::input(at(), m))?
            .ok_or_else(|| Error::input(at(), "the value is empty"))?;
        // Rates and residents are not money: no unit applies.
        let scale = if matches!(def.id, "bg.asukasluku" | "bg.tuloveroprosentti") {
            Decimal::ONE
        } else {
            unit
        };
        let v = match def.id {
            "bg.asukasluku" => number::residents(&value),
            "bg.tuloveroprosentti" => number::tax_rate(&value),
            _ => number::figure(&value, scale),
        }
        .map_err(|m| Error::input(at(), m))?;
        if !sets.contains_key(&mun) {
            order.push(mun.clone());
        }
        let ds = sets.entry(mun.clone()).or_insert_with(|| Dataset {
            municipality: Some(mun.clone()),
            file: file.to_string(),
            ..Dataset::default()
        });
        if let Some(c) = c_code {
            let code = get(c);
            if !code.is_empty() {
                ds.municipality_code = Some(code.to_string());
            }
        }
        match ds.years.get(&year) {
            Some(k) if *k != kind => {
                return Err(Error::input(
                    at(),
                    format!("{mun} {year} is {k} on an earlier line and {kind} here"),
                ));
            }
            _ => {
                ds.years.insert(year, kind);
            }
        }
        let key = (entity, def.id, year);
        if ds.figures.contains_key(&key) {
            return Err(Error::input(
                at(),
                format!("{mun} {year}: {} ({}) is given twice", def.fi, def.id),
            ));
        }
        ds.sheets
            .entry((entity, def.statement))
            .or_insert_with(|| file.to_string());
        ds.figures.insert(
            key,
            Figure {
                value: v,
                source: at(),
                label: get(c_item).to_string(),
                // The smallest step the value was written in.
                quantum: Decimal::new(1, value.decimals.min(28)) * scale,
            },
        );
    }
    if order.is_empty() {
        return Err(Error::input(at_file(), "the table has no rows"));
    }
    Ok(order
        .into_iter()
        .map(|m| sets.remove(&m).expect("collected"))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A published figure with a half cent is rounded by one rule (money.rs),
    /// whichever layout it came in: banker's rounding would give 1 234,56 and
    /// 0,00 here where a workbook gives 1 234,57 and 0,01.
    #[test]
    fn a_half_cent_rounds_as_in_a_workbook() {
        let halves = [
            ("1234,565", "1234.57"),
            ("0,005", "0.01"),
            ("2,345", "2.35"),
        ];
        let mut rows = vec![vec!["Tuloslaskelma, euroa"], vec!["", "TP 2024"]];
        let labels = ["Myyntituotot", "Maksutuotot", "Tuet ja avustukset"];
        for (label, (v, _)) in labels.iter().zip(&halves) {
            rows.push(vec![label, v]);
        }
        let grid = Grid::from_text_rows("Tuloslaskelma", &rows);
        let wb = crate::ingest::workbook::read_grids("t.xlsx", vec![grid]).unwrap();
        let ids = ["tl.myyntituotot", "tl.maksutuotot", "tl.tuet_ja_avustukset"];
        let mut csv = String::from("municipality;year;kind;item;value\n");
        for (id, (v, _)) in ids.iter().zip(&halves) {
            csv.push_str(&format!("K;2024;TP;{id};{v}\n"));
        }
        let long = read_long_csv(&csv, "t.csv").unwrap();
        for (id, (_, want)) in ids.iter().zip(&halves) {
            let from_wb = wb.value(Entity::City, id, 2024);
            let from_long = long[0].value(Entity::City, id, 2024);
            assert_eq!(from_wb, from_long, "{id}");
            assert_eq!(from_long.map(|v| v.to_string()), Some(want.to_string()));
        }
    }
}
