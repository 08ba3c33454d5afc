//! What the indicators read, one row per municipality and year, as columns
//! of cents. Each figure is the line as the statements define it (printed,
//! or summed from its lines; the group's loan stock as `Ctx::lainakanta`
//! makes it), read through the same context the per-municipality
//! indicators read; what is not measurable is null, never zero.

use polars::prelude::*;
use rust_decimal::Decimal;

use crate::model::dataset::{Dataset, Entity};
use crate::model::indicators;
use crate::model::items::Statement;
use crate::model::price_index::PriceIndex;
use crate::model::ratios::{Ctx, Measure};
use crate::model::rules;
use crate::model::targets::{SalesGains, Targets};

use super::frame::to_cents;

fn cents(m: Measure) -> Option<i64> {
    m.ok().and_then(|v| i64::try_from(to_cents(v)).ok())
}

/// The columns of the inputs frame, filled row by row.
#[derive(Default)]
pub(super) struct Inputs {
    m: Vec<u32>,
    year: Vec<i32>,
    /// Indicator 1: vuosikate, the sales gains taken out of it (zero when
    /// the targets count them) and nettoinvestoinnit.
    vuosikate: Vec<Option<i64>>,
    gains: Vec<Option<i64>>,
    net_investment: Vec<Option<i64>>,
    /// Indicator 2: whether the year has a balance sheet, its accumulated
    /// surplus, and the income statement's surplus a roll-forward adds.
    has_balance: Vec<bool>,
    balance_surplus: Vec<Option<i64>>,
    year_surplus: Vec<Option<i64>>,
    /// Indicator 3: nettomenot (−toimintakate).
    net_cost: Vec<Option<i64>>,
    /// Indicator 4: the group's loans and, as the targets say, leases.
    group_debt: Vec<Option<i64>>,
    /// Residents in hundredths (a projected count need not be whole).
    population: Vec<Option<i64>>,
    /// Indicator 5: toiminnan ja investointien rahavirta.
    cash_flow: Vec<Option<i64>>,
}

impl Inputs {
    /// Every year of municipality number `m`.
    pub(super) fn add(&mut self, m: u32, ds: &Dataset, targets: &Targets) {
        let c = Ctx::quiet(ds, targets);
        let e1: Entity = targets.annual_margin.entity.into();
        let e2: Entity = targets.accumulated_surplus.entity.into();
        let e3: Entity = targets.net_cost_growth.entity.into();
        let e5: Entity = targets.cash_flow.entity.into();
        for &y in ds.years.keys() {
            self.m.push(m);
            self.year.push(y);
            self.vuosikate.push(cents(c.vuosikate(e1, y)));
            self.gains.push(match targets.annual_margin.sales_gains {
                SalesGains::Excluded => cents(indicators::sales_gains(&c, e1, y, &mut None)),
                SalesGains::Included => Some(0),
            });
            self.net_investment.push(cents(c.nettoinvestoinnit(e1, y)));
            let has = ds.has_year_data(e2, Statement::Tase, y);
            self.has_balance.push(has);
            self.balance_surplus.push(if has {
                cents(c.kertynyt_ylijaama(e2, y))
            } else {
                None
            });
            self.year_surplus
                .push(cents(c.need(e2, "tl.tilikauden_ylijaama", y)));
            self.net_cost
                .push(cents(c.need(e3, "tl.toimintakate", y).map(|v| -v)));
            let loans = c.group_loans(y).map(|(v, _)| v);
            let debt = rules::group_debt(loans, || c.vuokravastuut(Entity::Group, y), targets);
            self.group_debt.push(cents(debt));
            self.population.push(cents(c.population(y)));
            self.cash_flow.push(cents(c.ti_rahavirta(e5, y)));
        }
    }

    pub(super) fn frame(self) -> PolarsResult<DataFrame> {
        DataFrame::new_infer_height(vec![
            Column::new("m".into(), self.m),
            Column::new("year".into(), self.year),
            Column::new("vuosikate".into(), self.vuosikate),
            Column::new("gains".into(), self.gains),
            Column::new("net_investment".into(), self.net_investment),
            Column::new("has_balance".into(), self.has_balance),
            Column::new("balance_surplus".into(), self.balance_surplus),
            Column::new("year_surplus".into(), self.year_surplus),
            Column::new("net_cost".into(), self.net_cost),
            Column::new("group_debt".into(), self.group_debt),
            Column::new("population".into(), self.population),
            Column::new("cash_flow".into(), self.cash_flow),
        ])
    }
}

/// What the targets and the price index say of each year: a like-for-like
/// base, a break, whether the index has the year's change.
pub(super) fn years(
    years: impl IntoIterator<Item = i32>,
    targets: &Targets,
    index: &PriceIndex,
) -> PolarsResult<DataFrame> {
    let years: std::collections::BTreeSet<i32> = years.into_iter().collect();
    let (mut year, mut base, mut brk, mut has_index) = (vec![], vec![], vec![], vec![]);
    let (mut group_base, mut group_break) = (vec![], vec![]);
    for y in years {
        year.push(y);
        base.push(
            targets
                .adjusted_base(y)
                .and_then(|b: Decimal| i64::try_from(to_cents(b)).ok()),
        );
        brk.push(targets.net_cost_growth.break_years.contains(&y));
        group_base.push(
            targets
                .group_adjusted_base(y)
                .and_then(|b: Decimal| i64::try_from(to_cents(b)).ok()),
        );
        group_break.push(targets.group_loans.break_years.contains(&y));
        has_index.push(index.change(y).is_some());
    }
    DataFrame::new_infer_height(vec![
        Column::new("year".into(), year),
        Column::new("adjusted_base".into(), base),
        Column::new("break_year".into(), brk),
        Column::new("has_index".into(), has_index),
        Column::new("group_base".into(), group_base),
        Column::new("group_break".into(), group_break),
    ])
}
