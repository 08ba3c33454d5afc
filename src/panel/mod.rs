//! Many municipalities at once as polars frames: the figures as a long
//! frame (the statements view is built from it), and the five indicators
//! with their peer statistics and the key ratios over a whole panel of
//! municipalities. Polars stays behind this module so its API can change
//! without touching the rest; what leaves it is plain Rust (`WideRow`,
//! `IndicatorRow`, `RatioRow`).

pub mod export;
mod frame;
mod indicators;
mod inputs;
pub mod long_in;
mod ratios;

use polars::prelude::*;
use rust_decimal::Decimal;

pub use frame::{WideRow, long_frame, rows};

use crate::error::Result;
use crate::model::dataset::{Dataset, Entity};
use crate::model::price_index::PriceIndex;
use crate::model::targets::Targets;
use frame::polars_error;

/// The indicators of every municipality and year with their peer
/// statistics (see `indicators::values` and `indicators::peers`); `m` is the
/// municipality's place in `datasets`.
pub fn indicators(
    datasets: &[&Dataset],
    targets: &Targets,
    index: &PriceIndex,
) -> Result<DataFrame> {
    let mut inputs = inputs::Inputs::default();
    for (m, ds) in datasets.iter().enumerate() {
        inputs.add(u32::try_from(m).unwrap_or(u32::MAX), ds, targets);
    }
    let years = datasets.iter().flat_map(|ds| ds.years.keys().copied());
    let years = inputs::years(years, targets, index).map_err(polars_error)?;
    let inputs = inputs.frame().map_err(polars_error)?;
    let values =
        indicators::values(inputs, years, targets.cash_flow.window_years).map_err(polars_error)?;
    (indicators::peers(values).and_then(|lf| lf.collect())).map_err(polars_error)
}

/// The key ratios (`model::ratios::RATIOS`) of every municipality, entity
/// with statements and year: one row each, a column per ratio in
/// hundredths of its unit (`ratios::values`).
pub fn ratios(datasets: &[&Dataset], targets: &Targets) -> Result<DataFrame> {
    let mut inputs = ratios::Inputs::default();
    for (m, ds) in datasets.iter().enumerate() {
        inputs.add(u32::try_from(m).unwrap_or(u32::MAX), ds, targets);
    }
    let inputs = inputs.frame().map_err(polars_error)?;
    let lf = ratios::values(inputs, targets.ratios.loan_term_years).map_err(polars_error)?;
    lf.collect().map_err(polars_error)
}

/// One key ratio of one municipality, entity and year, back in exact
/// decimals.
#[derive(Clone, Debug, PartialEq)]
pub struct RatioRow {
    pub municipality: usize,
    pub year: i32,
    pub entity: Entity,
    /// The ratio's id in `RATIOS`.
    pub id: &'static str,
    /// Its unit in the export (`€`, `%`, `ratio`, `days`...).
    pub unit: &'static str,
    /// To the hundredth of its unit; None where not measurable.
    pub value: Option<Decimal>,
}

/// The ratios frame as rows: by municipality, entity and year, the ratios
/// in the order of `RATIOS`.
pub fn ratio_rows(df: &DataFrame) -> Result<Vec<RatioRow>> {
    let i64s = |name: &str| -> Result<Vec<Option<i64>>> {
        let s = df.column(name).map_err(polars_error)?;
        let s = s.cast(&DataType::Int64).map_err(polars_error)?;
        let ca = s.i64().map_err(polars_error)?.rechunk();
        Ok((0..ca.len()).map(|i| ca.get(i)).collect())
    };
    let (m, year, entity) = (i64s("m")?, i64s("year")?, i64s("entity")?);
    let mut values = Vec::with_capacity(crate::model::ratios::RATIOS.len());
    for def in crate::model::ratios::RATIOS {
        values.push((def, i64s(def.id)?));
    }
    let mut out = Vec::with_capacity(df.height() * values.len());
    for i in 0..df.height() {
        for (def, v) in &values {
            out.push(RatioRow {
                municipality: m[i]
                    .and_then(|v| usize::try_from(v).ok())
                    .unwrap_or(usize::MAX),
                year: year[i].and_then(|v| i32::try_from(v).ok()).unwrap_or(0),
                entity: if entity[i] == Some(1) {
                    Entity::Group
                } else {
                    Entity::City
                },
                id: def.id,
                unit: ratios::unit(def.unit),
                value: hundredths(v[i]),
            });
        }
    }
    Ok(out)
}

/// One indicator-year of the panel, back in exact decimals.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorRow {
    pub municipality: usize,
    pub year: i32,
    pub indicator: u8,
    /// To the hundredth of its unit; None where not measurable.
    pub value: Option<Decimal>,
    /// What peers compare, to the hundredth (per resident for euros).
    pub peer_value: Option<Decimal>,
    /// Rank among the year's peers (1 the best) and their number.
    pub rank: Option<(usize, usize)>,
    /// The peers' quartiles, to the hundredth.
    pub quartiles: Option<[Decimal; 3]>,
    /// The year's population size class (`SIZE_CLASSES`), and the rank and
    /// quartiles among the peers of that class.
    pub class: Option<usize>,
    pub class_rank: Option<(usize, usize)>,
    pub class_quartiles: Option<[Decimal; 3]>,
}

/// The population size classes peers of like size are compared within:
/// the lower bound of each in residents, and its name.
pub const SIZE_CLASSES: [(i64, &str); 5] = indicators::CLASSES;

fn hundredths(v: Option<i64>) -> Option<Decimal> {
    v.map(|v| Decimal::new(v, 2))
}

/// The indicators frame as rows.
pub fn indicator_rows(df: &DataFrame) -> Result<Vec<IndicatorRow>> {
    let c = |name: &str| -> Result<Series> {
        let s = df.column(name).map_err(polars_error)?;
        let s = s.as_materialized_series().clone();
        Ok(s)
    };
    let i64s = |name: &str| -> Result<Vec<Option<i64>>> {
        let s = c(name)?.cast(&DataType::Int64).map_err(polars_error)?;
        let ca = s.i64().map_err(polars_error)?.rechunk();
        Ok((0..ca.len()).map(|i| ca.get(i)).collect())
    };
    let (m, year, ind) = (i64s("m")?, i64s("year")?, i64s("indicator")?);
    let (value, peer) = (i64s("value")?, i64s("peer_value")?);
    let (rank, of) = (i64s("rank")?, i64s("of")?);
    let (q1, q2, q3) = (i64s("peer_q1")?, i64s("peer_median")?, i64s("peer_q3")?);
    let (class, c_rank, c_of) = (i64s("class")?, i64s("class_rank")?, i64s("class_of")?);
    let (c1, c2, c3) = (i64s("class_q1")?, i64s("class_median")?, i64s("class_q3")?);
    let pair = |a: Option<i64>, b: Option<i64>| match (a, b) {
        (Some(r), Some(n)) => Some((r as usize, n as usize)),
        _ => None,
    };
    let three = |a: Option<Decimal>, b: Option<Decimal>, c: Option<Decimal>| Some([a?, b?, c?]);
    let mut out = Vec::with_capacity(df.height());
    for i in 0..df.height() {
        let q = |v: &[Option<i64>]| hundredths(v[i]);
        out.push(IndicatorRow {
            municipality: m[i]
                .and_then(|v| usize::try_from(v).ok())
                .unwrap_or(usize::MAX),
            year: year[i].and_then(|v| i32::try_from(v).ok()).unwrap_or(0),
            indicator: ind[i].and_then(|v| u8::try_from(v).ok()).unwrap_or(0),
            value: hundredths(value[i]),
            peer_value: hundredths(peer[i]),
            rank: pair(rank[i], of[i]),
            quartiles: three(q(&q1), q(&q2), q(&q3)),
            class: class[i].and_then(|c| usize::try_from(c).ok()),
            class_rank: pair(c_rank[i], c_of[i]),
            class_quartiles: three(q(&c1), q(&c2), q(&c3)),
        });
    }
    Ok(out)
}
