//! The defaults the projection derived from the workbook, in words, for the
//! forecast's reader (a simulated path has none, so it never makes them).

use rust_decimal::Decimal;

use super::drivers::Drivers;
use super::{HUNDRED, r2};

/// A default the projection derived from the workbook, with the figures
/// its sentence needs; worded in the reader's language by the report
/// (`report::assumption`), English its Display form.
#[derive(Clone, Debug, PartialEq)]
pub enum Assumption {
    /// The population's yearly change beyond the plan: the average of the
    /// last `years` actual years.
    PopulationTrend {
        pct: Decimal,
        years: usize,
    },
    TaxSplit {
        year: i32,
        income: Decimal,
        property: Decimal,
        corporate: Decimal,
        /// The year of the workbook's breakdown the split is taken from,
        /// when it is not the scenario's.
        from: Option<i32>,
    },
    /// A rate change's share of its effect in its first year.
    RateChangeSplit {
        first_pct: Decimal,
    },
    /// Gross investment, subsidies and sales beyond the plan, euros a year
    /// in the prices of `to`, the average of `from`–`to`.
    InvestmentTrend {
        gross: Decimal,
        subsidies: Decimal,
        sales: Decimal,
        from: i32,
        to: i32,
    },
    /// Existing assets' yearly depreciation, and the years it runs off in.
    Depreciation {
        level: Decimal,
        runoff_years: Option<u32>,
    },
    ImpliedInterest {
        pct: Decimal,
        year: i32,
    },
    Maturity {
        years: Decimal,
        year: i32,
    },
    MinCash {
        days: Decimal,
    },
    /// The taxes' and subsidies' notes, already in both languages.
    Revenue(super::revenue::RevenueNote),
}

pub(super) fn assumptions(d: &Drivers) -> Vec<Assumption> {
    let (sc, base, g) = (d.sc, d.base, d.g);
    let mut out = Vec::new();
    if let Some((avg, n)) = d.pop_growth {
        out.push(Assumption::PopulationTrend { pct: avg, years: n });
    }
    let tax = &sc.tax;
    let split = super::revenue::tax_shares(d, g);
    // A workbook's split is an exact quotient; a tenth of a point says it.
    let shown = |v: Decimal| match split.from {
        Some(_) => crate::model::money::round_half_away(v, 1),
        None => v,
    };
    let (income, property) = (shown(split.income), shown(split.property));
    out.push(Assumption::TaxSplit {
        year: g,
        income,
        property,
        corporate: HUNDRED - income - property,
        from: split.from,
    });
    if !tax.rate_changes.is_empty() {
        out.push(Assumption::RateChangeSplit {
            first_pct: tax.first_year_effect_pct,
        });
    }
    if sc.investments.trend_gross.is_none() {
        let years = &d.trend_years;
        out.push(Assumption::InvestmentTrend {
            gross: d.trend0.0,
            subsidies: d.trend0.1,
            sales: d.trend0.2,
            from: *years.first().unwrap_or(&base),
            to: *years.last().unwrap_or(&base),
        });
    }
    out.push(Assumption::Depreciation {
        level: r2(d.existing_level),
        runoff_years: sc.investments.existing_runoff_years,
    });
    let loans = &sc.loans;
    if loans.interest_rate_pct.is_none() {
        out.push(Assumption::ImpliedInterest {
            pct: d.implied_rate,
            year: g,
        });
    }
    if let (m, true) = d.maturity {
        out.push(Assumption::Maturity { years: m, year: g });
    }
    if loans.min_cash.is_none() {
        out.push(Assumption::MinCash {
            days: loans.min_cash_days,
        });
    }
    out.extend(
        super::revenue::notes(d)
            .into_iter()
            .map(Assumption::Revenue),
    );
    out
}
