//! The figures as a polars long frame: one row per municipality, year, kind,
//! entity, line and value.

use polars::prelude::*;
use rust_decimal::Decimal;

use crate::error::{Error, Location, Result};
use crate::model::dataset::Dataset;
use crate::model::items;

/// Money in the frame: cents as a 128-bit integer cast to Decimal(38, 2), so
/// no figure passes through a float.
pub(super) const SCALE: u32 = 2;

pub(super) fn to_cents(v: Decimal) -> i128 {
    let mut r = crate::model::money::round_half_away(v, SCALE);
    r.rescale(SCALE);
    r.mantissa()
}

pub(super) fn polars_error(e: PolarsError) -> Error {
    // The library's own words, introduced in the user's language.
    let e = e.to_string();
    Error::input(
        Location::file("(frame)"),
        crate::text!(
            "taulukon käsittely epäonnistui: {e}",
            "tabellen kunde inte behandlas: {e}",
            "{e}"
        ),
    )
}

pub fn long_frame(datasets: &[&Dataset]) -> Result<DataFrame> {
    let mut muni = Vec::new();
    let mut year = Vec::new();
    let mut kind = Vec::new();
    let mut entity = Vec::new();
    let mut statement = Vec::new();
    let mut item = Vec::new();
    let mut order = Vec::new();
    let mut cents = Vec::new();
    for ds in datasets {
        for ((e, id, y), f) in &ds.figures {
            muni.push(ds.name().to_string());
            year.push(*y);
            kind.push(ds.kind(*y).map(|k| k.to_string()).unwrap_or_default());
            entity.push(e.en().to_string());
            statement.push(items::item(id).statement.fi().to_string());
            item.push(id.to_string());
            order.push(items::order(id) as u32);
            cents.push(to_cents(f.value));
        }
    }
    let value = Int128Chunked::from_vec("value".into(), cents)
        .into_series()
        .cast(&DataType::Decimal(38, SCALE as usize))
        .map_err(polars_error)?;
    let df = DataFrame::new_infer_height(vec![
        Column::new("municipality".into(), muni),
        Column::new("year".into(), year),
        Column::new("kind".into(), kind),
        Column::new("entity".into(), entity),
        Column::new("statement".into(), statement),
        Column::new("item".into(), item),
        Column::new("order".into(), order),
        value.into(),
    ])
    .map_err(polars_error)?;
    df.lazy()
        .sort_by_exprs(
            [
                col("municipality"),
                col("entity"),
                col("order"),
                col("year"),
            ],
            SortMultipleOptions::default(),
        )
        .collect()
        .map_err(polars_error)
}

/// One statement row of the wide view: line id and its value per year.
pub struct WideRow {
    pub entity: String,
    pub item: String,
    pub values: Vec<(i32, Decimal)>,
}

/// Back from the frame, line by line in published order, for printing.
pub fn rows(df: &DataFrame) -> Result<Vec<WideRow>> {
    let entity = df
        .column("entity")
        .map_err(polars_error)?
        .str()
        .map_err(polars_error)?
        .clone();
    let item = df
        .column("item")
        .map_err(polars_error)?
        .str()
        .map_err(polars_error)?
        .clone();
    let year = df
        .column("year")
        .map_err(polars_error)?
        .i32()
        .map_err(polars_error)?
        .clone();
    let value = df
        .column("value")
        .map_err(polars_error)?
        .cast(&DataType::Int128)
        .map_err(polars_error)?;
    let value = value.i128().map_err(polars_error)?.clone();
    let mut out: Vec<WideRow> = Vec::new();
    for i in 0..df.height() {
        let (Some(e), Some(it), Some(y), Some(c)) =
            (entity.get(i), item.get(i), year.get(i), value.get(i))
        else {
            continue;
        };
        let v = Decimal::from_i128_with_scale(c, SCALE);
        match out.last_mut() {
            Some(r) if r.entity == e && r.item == it => r.values.push((y, v)),
            _ => out.push(WideRow {
                entity: e.to_string(),
                item: it.to_string(),
                values: vec![(y, v)],
            }),
        }
    }
    Ok(out)
}
