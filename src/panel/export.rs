//! The panel as one long table for a data team's tools: every figure read,
//! every indicator with its peer statistics and every key ratio, one row
//! each. The columns
//! are documented in docs/panel.md; CSV is written here, Parquet (with the
//! `parquet` cargo feature) by polars from the same columns.

use std::io::{self, Write};

use polars::prelude::*;
use rust_decimal::Decimal;

use crate::model::dataset::{Dataset, Entity};
use crate::model::indicators::INDICATORS;
use crate::model::peers::Basis;
use crate::model::targets::Targets;

use super::frame::{SCALE, to_cents};
use super::{IndicatorRow, RatioRow};

/// The export's columns, filled row by row; a municipality's name, code
/// and the year's kind are looked up when written, not held per row.
pub struct Export<'a> {
    datasets: &'a [&'a Dataset],
    m: Vec<u32>,
    year: Vec<i32>,
    entity: Vec<&'static str>,
    line: Vec<&'static str>,
    unit: Vec<&'static str>,
    /// Hundredths of the unit.
    value: Vec<Option<i64>>,
    peer_basis: Vec<Option<&'static str>>,
    peer_value: Vec<Option<i64>>,
    rank: Vec<Option<u32>>,
    of: Vec<Option<u32>>,
    peer_q1: Vec<Option<i64>>,
    peer_median: Vec<Option<i64>>,
    peer_q3: Vec<Option<i64>>,
    size_class: Vec<Option<&'static str>>,
    class_rank: Vec<Option<u32>>,
    class_of: Vec<Option<u32>>,
    class_q1: Vec<Option<i64>>,
    class_median: Vec<Option<i64>>,
    class_q3: Vec<Option<i64>>,
}

fn hundredths(v: Option<Decimal>) -> Option<i64> {
    v.and_then(|v| i64::try_from(to_cents(v)).ok())
}

fn line_unit(id: &str) -> &'static str {
    match id {
        "bg.asukasluku" => "residents",
        "bg.tuloveroprosentti" => "%",
        _ => "€",
    }
}

fn entity_id(e: Entity) -> &'static str {
    match e {
        Entity::City => "city",
        Entity::Group => "group",
    }
}

/// An indicator's line in the export.
const LINES: [&str; 5] = [
    "indicator.annual_margin_vs_net_investment",
    "indicator.accumulated_surplus",
    "indicator.net_cost_growth",
    "indicator.group_loans_per_resident",
    "indicator.cumulative_cash_flow",
];

impl<'a> Export<'a> {
    /// Every figure of the datasets, then every indicator row of the panel,
    /// then every key ratio.
    pub fn new(
        datasets: &'a [&'a Dataset],
        rows: &[IndicatorRow],
        ratios: &[RatioRow],
        targets: &Targets,
    ) -> Self {
        // Sized once: grown by doubling, the columns would hold up to
        // twice the rows at the peak.
        let figures: usize = datasets.iter().map(|ds| ds.figures.len()).sum();
        let n = figures + rows.len() + ratios.len();
        let mut x = Export {
            datasets,
            m: Vec::with_capacity(n),
            year: Vec::with_capacity(n),
            entity: Vec::with_capacity(n),
            line: Vec::with_capacity(n),
            unit: Vec::with_capacity(n),
            value: Vec::with_capacity(n),
            peer_basis: Vec::with_capacity(n),
            peer_value: Vec::with_capacity(n),
            rank: Vec::with_capacity(n),
            of: Vec::with_capacity(n),
            peer_q1: Vec::with_capacity(n),
            peer_median: Vec::with_capacity(n),
            peer_q3: Vec::with_capacity(n),
            size_class: Vec::with_capacity(n),
            class_rank: Vec::with_capacity(n),
            class_of: Vec::with_capacity(n),
            class_q1: Vec::with_capacity(n),
            class_median: Vec::with_capacity(n),
            class_q3: Vec::with_capacity(n),
        };
        for (m, ds) in datasets.iter().enumerate() {
            for ((e, id, y), f) in &ds.figures {
                x.head(m, *y, *e, id, line_unit(id));
                x.value.push(hundredths(Some(f.value)));
                x.peer(None, None, None, None);
                x.class(None, None, None);
            }
        }
        for r in rows {
            let i = usize::from(r.indicator).wrapping_sub(1);
            let (Some(def), Some(line)) = (INDICATORS.get(i), LINES.get(i)) else {
                continue;
            };
            if r.municipality >= datasets.len() {
                continue;
            }
            let entity = match r.indicator {
                1 => targets.annual_margin.entity.into(),
                2 => targets.accumulated_surplus.entity.into(),
                3 => targets.net_cost_growth.entity.into(),
                5 => targets.cash_flow.entity.into(),
                _ => Entity::Group,
            };
            x.head(r.municipality, r.year, entity, line, def.unit.symbol_en());
            x.value.push(hundredths(r.value));
            let basis = match Basis::of(r.indicator) {
                Basis::PerResident => "per_resident",
                Basis::Value => "value",
            };
            x.peer(Some(basis), r.peer_value, r.rank, r.quartiles);
            x.class(r.class, r.class_rank, r.class_quartiles);
        }
        for r in ratios.iter().filter(|r| r.municipality < datasets.len()) {
            let line = super::ratios::line(r.id);
            x.head(r.municipality, r.year, r.entity, line, r.unit);
            x.value.push(hundredths(r.value));
            // Peers compare the indicators only.
            x.peer(None, None, None, None);
            x.class(None, None, None);
        }
        x
    }

    fn head(&mut self, m: usize, year: i32, e: Entity, line: &'static str, unit: &'static str) {
        self.m.push(u32::try_from(m).unwrap_or(u32::MAX));
        self.year.push(year);
        self.entity.push(entity_id(e));
        self.line.push(line);
        self.unit.push(unit);
    }

    fn peer(
        &mut self,
        basis: Option<&'static str>,
        value: Option<Decimal>,
        rank: Option<(usize, usize)>,
        q: Option<[Decimal; 3]>,
    ) {
        self.peer_basis.push(basis);
        self.peer_value.push(hundredths(value));
        let n = |v: usize| u32::try_from(v).ok();
        self.rank.push(rank.and_then(|r| n(r.0)));
        self.of.push(rank.and_then(|r| n(r.1)));
        self.peer_q1.push(hundredths(q.map(|q| q[0])));
        self.peer_median.push(hundredths(q.map(|q| q[1])));
        self.peer_q3.push(hundredths(q.map(|q| q[2])));
    }

    fn class(
        &mut self,
        class: Option<usize>,
        rank: Option<(usize, usize)>,
        q: Option<[Decimal; 3]>,
    ) {
        let name = class.and_then(|c| super::SIZE_CLASSES.get(c)).map(|c| c.1);
        self.size_class.push(name);
        let n = |v: usize| u32::try_from(v).ok();
        self.class_rank.push(rank.and_then(|r| n(r.0)));
        self.class_of.push(rank.and_then(|r| n(r.1)));
        self.class_q1.push(hundredths(q.map(|q| q[0])));
        self.class_median.push(hundredths(q.map(|q| q[1])));
        self.class_q3.push(hundredths(q.map(|q| q[2])));
    }

    /// CSV: comma-separated, a header, decimals with a point, empty for null.
    pub fn csv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut w = crate::report::csv_out::Writer::from_writer(out);
        w.write_record(NAMES)?;
        let dec = |v: Option<i64>| {
            v.map(|v| Decimal::new(v, SCALE).to_string())
                .unwrap_or_default()
        };
        let num = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
        for i in 0..self.year.len() {
            let ds = self.ds(i);
            w.write_record([
                ds.name().to_string(),
                ds.municipality_code.clone().unwrap_or_default(),
                self.year[i].to_string(),
                self.kind(i).unwrap_or_default(),
                self.entity[i].to_string(),
                self.line[i].to_string(),
                self.unit[i].to_string(),
                dec(self.value[i]),
                self.peer_basis[i].unwrap_or_default().to_string(),
                dec(self.peer_value[i]),
                num(self.rank[i]),
                num(self.of[i]),
                dec(self.peer_q1[i]),
                dec(self.peer_median[i]),
                dec(self.peer_q3[i]),
                self.size_class[i].unwrap_or_default().to_string(),
                num(self.class_rank[i]),
                num(self.class_of[i]),
                dec(self.class_q1[i]),
                dec(self.class_median[i]),
                dec(self.class_q3[i]),
            ])?;
        }
        w.flush()
    }

    fn ds(&self, i: usize) -> &'a Dataset {
        self.datasets[self.m[i] as usize]
    }

    fn kind(&self, i: usize) -> Option<String> {
        self.ds(i).kind(self.year[i]).map(|k| k.to_string())
    }

    /// The same columns as a polars frame, money as Decimal(38, 2).
    pub fn frame(self) -> PolarsResult<DataFrame> {
        let n = self.year.len();
        let municipality: Vec<&str> = (0..n).map(|i| self.ds(i).name()).collect();
        let code: Vec<Option<&str>> = (0..n)
            .map(|i| self.ds(i).municipality_code.as_deref())
            .collect();
        let kind: Vec<Option<String>> = (0..n).map(|i| self.kind(i)).collect();
        let dec = |name: &str, v: Vec<Option<i64>>| -> PolarsResult<Column> {
            let v: Vec<Option<i128>> = v.into_iter().map(|x| x.map(i128::from)).collect();
            // The integers are hundredths: they are the decimals' mantissas.
            // (A cast would read them as whole euros, a hundred times over.)
            let s = Int128Chunked::from_iter_options(name.into(), v.into_iter())
                .into_decimal(38, SCALE as usize)?;
            Ok(s.into_series().into())
        };
        DataFrame::new_infer_height(vec![
            Column::new("municipality".into(), municipality),
            Column::new("code".into(), code),
            Column::new("year".into(), self.year),
            Column::new("kind".into(), kind),
            Column::new("entity".into(), self.entity),
            Column::new("line".into(), self.line),
            Column::new("unit".into(), self.unit),
            dec("value", self.value)?,
            Column::new("peer_basis".into(), self.peer_basis),
            dec("peer_value", self.peer_value)?,
            Column::new("rank".into(), self.rank),
            Column::new("of".into(), self.of),
            dec("peer_q1", self.peer_q1)?,
            dec("peer_median", self.peer_median)?,
            dec("peer_q3", self.peer_q3)?,
            Column::new("size_class".into(), self.size_class),
            Column::new("class_rank".into(), self.class_rank),
            Column::new("class_of".into(), self.class_of),
            dec("class_q1", self.class_q1)?,
            dec("class_median", self.class_median)?,
            dec("class_q3", self.class_q3)?,
        ])
    }
}

/// The columns, in order.
pub const NAMES: [&str; 21] = [
    "municipality",
    "code",
    "year",
    "kind",
    "entity",
    "line",
    "unit",
    "value",
    "peer_basis",
    "peer_value",
    "rank",
    "of",
    "peer_q1",
    "peer_median",
    "peer_q3",
    "size_class",
    "class_rank",
    "class_of",
    "class_q1",
    "class_median",
    "class_q3",
];

/// Parquet bytes of the export.
#[cfg(feature = "parquet")]
pub fn parquet(x: Export<'_>) -> crate::error::Result<Vec<u8>> {
    let mut df = x.frame().map_err(super::polars_error)?;
    let mut bytes = Vec::new();
    ParquetWriter::new(&mut bytes)
        .finish(&mut df)
        .map_err(super::polars_error)?;
    Ok(bytes)
}

/// Whether this build writes Parquet (the `parquet` cargo feature).
pub const PARQUET: bool = cfg!(feature = "parquet");
