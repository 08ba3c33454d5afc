//! The projection: the city's three statements and the group's loans, year
//! by year from the last actual year to a horizon.
//!
//! Budget and plan years are taken as the council approved them; a scenario's
//! measures are laid on top of them as differences. Beyond the plan, every
//! line grows by its driver. Each year the income statement, the cash flow
//! statement and a condensed balance sheet are made from the same flows, so
//! the statements' identities (VNa 525/2020) hold to the cent by construction:
//! - every line is rounded to the cent (half away from zero) when it is made,
//!   and the next year grows from the rounded figure;
//! - subtotals are sums of the rounded lines;
//! - the balance sheet is last year's plus this year's flows.
//!
//! New long-term loans cover what the cash flow leaves short of the minimum
//! cash (beyond the plan) or of the plan's own cash path (in plan years).
//! Interest is paid on the average loan stock, so borrowing and interest
//! depend on each other; the pair is solved in closed form, not iterated.
//!
//! The parts: `drivers` (derived once from the workbook, scenario and
//! index), `step` (one year from the drivers and last year's state),
//! `emit` (the statements made of the years' flows) and `notes` (the
//! derived defaults in words). A forecast is all four (`project_with`); a
//! simulated path is the drivers and the steps (`rows_with`), the drivers
//! kept from path to path where the draws leave them alone (`Paths`).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::dataset::{Dataset, Entity, YearKind};
use crate::model::items::Statement;
use crate::model::price_index::PriceIndex;
use crate::model::scenario::{Growth, Scenario, ScenarioError};

mod drivers;
mod emit;
mod figures;
mod notes;
pub use notes::Assumption;
pub mod revenue;
mod step;
pub use figures::Figures;

use drivers::Drivers;
use step::State;

/// Where the projection starts and ends; `None` takes the defaults (the last
/// actual year; the scenario's horizon or ten years after the start).
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    pub base_year: Option<i32>,
    pub horizon: Option<i32>,
}

#[derive(Debug, PartialEq)]
pub enum ProjectionError {
    /// The workbook lacks what the projection starts from.
    Data(crate::error::Text),
    /// A figure the projection starts from cannot be read, and why.
    Missing(crate::model::reason::Reason),
    Scenario(ScenarioError),
}

/// What drove one projected year, for the table beside the indicators.
#[derive(Clone, Debug, Serialize)]
pub struct YearRow {
    pub year: i32,
    pub kind: YearKind,
    /// Budget or plan year used as given (with the scenario's measures on top).
    pub given: bool,
    pub price_index_pct: Decimal,
    pub population: Option<Decimal>,
    pub tax_rate_pct: Option<Decimal>,
    pub taxable_income: Option<Decimal>,
    pub tax_revenue: Decimal,
    pub state_subsidies: Decimal,
    pub net_operating_cost: Decimal,
    pub annual_margin: Decimal,
    pub depreciation: Decimal,
    pub gross_investment: Decimal,
    pub investment_subsidies: Decimal,
    pub asset_sales: Decimal,
    /// Tulorahoituksen korjauserät (indicator 1 takes the margin net of
    /// them); not among the printed drivers.
    #[serde(skip)]
    pub income_adjustments: Decimal,
    pub net_investment: Decimal,
    pub borrowing: Decimal,
    pub repayments: Decimal,
    pub loans: Decimal,
    pub interest_rate_pct: Decimal,
    pub interest: Decimal,
    pub cash: Decimal,
    pub min_cash: Decimal,
    pub accumulated_surplus: Decimal,
    pub group_loans: Option<Decimal>,
    pub group_leases: Option<Decimal>,
    /// Toiminnan ja investointien rahavirta.
    pub operating_and_investing: Decimal,
    pub earlier_surplus: Decimal,
    pub surplus: Decimal,
}

#[derive(Clone, Debug, Serialize)]
pub struct Projection {
    pub scenario: String,
    pub base_year: i32,
    pub horizon: i32,
    /// The workbook up to the base year, then the projected years.
    #[serde(skip)]
    pub dataset: Dataset,
    pub rows: Vec<YearRow>,
    /// The index series with the scenario's assumption for missing years.
    pub price_index: PriceIndex,
    /// Defaults the projection derived from the workbook, with their
    /// figures (worded by `report::assumption`; English strings in JSON).
    pub assumptions: Vec<notes::Assumption>,
}

use crate::model::money::{Rule, cents as r2, round, round_half_away};

/// The bound of a projected figure as a power of ten, 10^15 €: an amount's
/// bound in a scenario file (`scenario::MAX_AMOUNT`, held equal by a test).
const PLAUSIBLE_DIGITS: u32 = 15;

fn r0(v: Decimal) -> Decimal {
    round_half_away(v, 0)
}

/// Up to the next cent; a sixth-decimal rounding first so that an exact
/// quotient carried in 28 digits does not tip over by 1e-20.
fn ceil_cent(v: Decimal) -> Decimal {
    round(round(v, 6, Rule::HalfEven), 2, Rule::Up)
}

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// A percentage as a fraction. Multiplying by 0.01 gives the same exact
/// value as dividing by 100 for every figure a scenario or workbook holds
/// (scale below 27) and is several times cheaper, which counts in a
/// simulation.
fn pct(v: Decimal) -> Decimal {
    // The product's mantissa is v's own two places further, which is what
    // the multiplication gives (a test holds them equal bit for bit) at a
    // fraction of its cost, a dozen times a year of every path.
    let mut f = v;
    if !v.is_zero() && f.set_scale(v.scale() + 2).is_ok() {
        f
    } else {
        v * Decimal::new(1, 2)
    }
}

/// The base year and the horizon, checked against the workbook.
#[derive(Clone, Copy, Debug)]
struct Span {
    base: i32,
    horizon: i32,
}

impl Span {
    fn new(
        ds: &Dataset,
        sc: &Scenario,
        opts: Options,
        fig: &Figures,
    ) -> Result<Span, ProjectionError> {
        let data = ProjectionError::Data;
        let last_actual = ds
            .years
            .iter()
            .filter(|(_, k)| **k == YearKind::TP)
            .map(|(y, _)| *y)
            .max()
            .ok_or_else(|| {
                data(crate::text!(
                    "työkirjassa ei ole tilinpäätösvuotta (TP), josta aloittaa",
                    "arbetsboken har inget bokslutsår (BS) att börja från",
                    "the workbook has no actual (TP) year to start from"
                ))
            })?;
        let base = opts.base_year.unwrap_or(last_actual);
        if ds.kind(base) != Some(YearKind::TP) {
            return Err(data(crate::text!(
                "{base} ei ole työkirjan tilinpäätösvuosi (TP)",
                "{base} är inte ett bokslutsår (BS) i arbetsboken",
                "{base} is not an actual (TP) year of the workbook"
            )));
        }
        if !fig.has(Entity::City, Statement::Tase, base) {
            return Err(data(crate::text!(
                "ennuste alkaa viimeisen tilinpäätösvuoden {base} taseesta, eikä työkirjassa ole sitä",
                "prognosen börjar från balansräkningen för {base}, det senaste bokslutsåret, och arbetsboken har ingen för det året",
                "the projection starts from the balance sheet (tase) of {base}, the last actual year, and the workbook has none for it"
            )));
        }
        let horizon = opts.horizon.or(sc.horizon).unwrap_or(base + 10);
        if horizon <= base {
            return Err(data(crate::text!(
                "ennusteen loppuvuosi {horizon} ei ole viimeisen tilinpäätösvuoden {base} jälkeen",
                "prognosens sista år {horizon} kommer inte efter det senaste bokslutsåret {base}",
                "the horizon {horizon} is not after the last actual year {base}"
            )));
        }
        Ok(Span { base, horizon })
    }
}

pub fn project(
    ds: &Dataset,
    sc: &Scenario,
    series: &PriceIndex,
    opts: Options,
) -> Result<Projection, ProjectionError> {
    project_with(ds, sc, series, opts, &Figures::new(ds))
}

/// The forecast: the drivers, the years stepped through, and the
/// statements made of them. `fig` is the workbook's table, made once when
/// the same workbook is projected many times.
pub fn project_with(
    ds: &Dataset,
    sc: &Scenario,
    series: &PriceIndex,
    opts: Options,
    fig: &Figures,
) -> Result<Projection, ProjectionError> {
    let span = Span::new(ds, sc, opts, fig)?;
    sc.check_years(span.base + 1, span.horizon)
        .map_err(ProjectionError::Scenario)?;
    let d = Drivers::new(ds, sc, series, span, fig)?;
    let years = steps(&d)?;
    Ok(Projection {
        scenario: sc.name.clone(),
        base_year: d.base,
        horizon: d.horizon,
        dataset: emit::dataset(&d, &years),
        rows: years.into_iter().map(|(row, _)| row).collect(),
        price_index: emit::price_index(&d, series),
        assumptions: notes::assumptions(&d),
    })
}

/// A projection's year rows without its statements: a simulated path.
#[derive(Clone, Debug)]
pub struct Rows {
    pub base_year: i32,
    pub rows: Vec<YearRow>,
    /// The series with the scenario's figure for missing years (unnamed).
    pub price_index: PriceIndex,
}

/// The same drivers and steps as `project_with`, no statements; the
/// scenario's years are taken as checked (by a forecast of the same
/// scenario before the paths).
pub fn rows_with(
    ds: &Dataset,
    sc: &Scenario,
    series: &PriceIndex,
    opts: Options,
    fig: &Figures,
) -> Result<Rows, ProjectionError> {
    let span = Span::new(ds, sc, opts, fig)?;
    let d = Drivers::new(ds, sc, series, span, fig)?;
    let mut s = State::start(&d);
    let rows = (d.base + 1..=d.horizon)
        .map(|t| step::step(&d, &mut s, t).map(|(row, _)| row))
        .collect::<Result<_, _>>()?;
    Ok(Rows {
        base_year: d.base,
        rows,
        price_index: d.pi,
    })
}

/// What a simulated path's draws change in the scenario, as the drivers
/// see it: everything else is derived once per simulation.
#[derive(Clone, Debug, Default)]
pub struct Touched {
    pub price_index: bool,
    pub population: bool,
    /// A project's cost, so the investments and their depreciation.
    pub projects: bool,
    /// The subsidies' own inputs (the index, the population, the subsidy
    /// index): the subsidies are derived again, not only the taxes.
    pub subsidies: bool,
    /// The compounding growths the draws move.
    pub growths: Vec<Growth>,
}

/// One worker's simulated paths: the drivers of the first path are kept
/// and, for each next one, derived again only where its draws differ
/// (`Touched`); the rows are written into the same buffer every path.
pub struct Paths<'a> {
    ds: &'a Dataset,
    /// The scenario the kept drivers are bound to between paths.
    template: &'a Scenario,
    series: &'a PriceIndex,
    opts: Options,
    fig: &'a Figures,
    touched: &'a Touched,
    kept: Option<Drivers<'a, 'a>>,
    rows: Vec<YearRow>,
    vintages: Vec<step::Vintage>,
}

impl<'a> Paths<'a> {
    /// `template` is each path's scenario before its draws.
    pub fn new(
        ds: &'a Dataset,
        template: &'a Scenario,
        series: &'a PriceIndex,
        opts: Options,
        fig: &'a Figures,
        touched: &'a Touched,
    ) -> Paths<'a> {
        Paths {
            ds,
            template,
            series,
            opts,
            fig,
            touched,
            kept: None,
            rows: Vec::new(),
            vintages: Vec::new(),
        }
    }

    /// A path's year rows and price index, as `rows_with` gives them for
    /// `sc` (which differs from the template only in what is touched).
    pub fn rows(&mut self, sc: &Scenario) -> Result<(&[YearRow], &PriceIndex), ProjectionError> {
        let d = match self.kept.take() {
            Some(k) => k.again(sc, self.series, self.touched)?,
            None => {
                let span = Span::new(self.ds, sc, self.opts, self.fig)?;
                Drivers::new(self.ds, sc, self.series, span, self.fig)?
            }
        };
        let mut s = State::start_in(&d, std::mem::take(&mut self.vintages));
        self.rows.clear();
        for t in d.base + 1..=d.horizon {
            self.rows.push(step::step(&d, &mut s, t)?.0);
        }
        self.vintages = s.into_room();
        let kept = self.kept.insert(d.rebind(self.template));
        Ok((&self.rows, &kept.pi))
    }
}

fn steps(d: &Drivers) -> Result<Vec<(YearRow, step::Flows)>, ProjectionError> {
    let mut s = State::start(d);
    (d.base + 1..=d.horizon)
        .map(|t| step::step(d, &mut s, t))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::pct;
    use rust_decimal::Decimal;

    /// `pct` against the multiplication by 0.01 it stands for, bit for bit
    /// (the scale shows in the reports), over signs, scales and mantissas
    /// from the smallest to the largest.
    #[test]
    fn pct_is_the_multiplication() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let max = (1i128 << 96) - 1;
        let mut mantissas = vec![0, 1, 2, 5, 10, 100, max, max - 1];
        for _ in 0..5_000 {
            let wide = (i128::from(next()) << 32 | i128::from(next() >> 32)) & max;
            mantissas.push(wide >> (next() % 96));
        }
        for m in mantissas {
            for scale in 0..=28 {
                for sign in [1, -1] {
                    let v = Decimal::from_i128_with_scale(sign * m, scale);
                    let (a, b) = (pct(v), v * Decimal::new(1, 2));
                    assert_eq!(a.serialize(), b.serialize(), "{v}: {a} vs {b}");
                }
            }
        }
    }
}
