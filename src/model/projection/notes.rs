//! The defaults the projection derived from the workbook, in words, for the
//! forecast's reader (a simulated path has none, so it never makes them).

use rust_decimal::Decimal;

use super::drivers::Drivers;
use super::{HUNDRED, r2};
use crate::model::money::round_half_away;

fn fmt_eur(v: Decimal) -> String {
    let m = round_half_away(v / Decimal::from(1_000_000), 2);
    format!("{} M€", m.normalize())
}

pub(super) fn assumptions(d: &Drivers) -> Vec<String> {
    let (sc, base, g) = (d.sc, d.base, d.g);
    let mut out = Vec::new();
    if let Some((avg, n)) = d.pop_growth {
        out.push(format!(
            "population changes {} % a year beyond the plan (the average of the last {n} actual years)",
            avg.normalize()
        ));
    }
    let tax = &sc.tax;
    let corp_share = HUNDRED - tax.income_share_pct - tax.property_share_pct;
    out.push(format!(
        "tax revenue of {g} split {} % income tax, {} % property tax, {} % corporate tax (tax.income_share_pct, tax.property_share_pct)",
        tax.income_share_pct.normalize(),
        tax.property_share_pct.normalize(),
        corp_share.normalize()
    ));
    if !tax.rate_changes.is_empty() {
        out.push(format!(
            "a tax rate change brings {} % of its effect in its first year and the rest the year after, with the final assessment (tax.first_year_effect_pct)",
            tax.first_year_effect_pct.normalize()
        ));
    }
    let inv = &sc.investments;
    if inv.trend_gross.is_none() {
        let years = &d.trend_years;
        out.push(format!(
            "gross investment beyond the plan {} a year in {} prices (the average of {}–{} without named projects), then indexed; subsidies {} and asset sales {} likewise",
            fmt_eur(d.trend0.0),
            years.last().unwrap_or(&base),
            years.first().unwrap_or(&base),
            years.last().unwrap_or(&base),
            fmt_eur(d.trend0.1),
            fmt_eur(d.trend0.2)
        ));
    }
    out.push(format!(
        "existing assets depreciate {} a year beyond the plan ({})",
        fmt_eur(r2(d.existing_level)),
        match inv.existing_runoff_years {
            Some(n) => format!("falling to zero over {n} years"),
            None => "until their book value is used up".into(),
        }
    ));
    let loans = &sc.loans;
    if loans.interest_rate_pct.is_none() {
        out.push(format!(
            "interest {} % on the average loan stock beyond the plan (implied by {g})",
            d.implied_rate.normalize()
        ));
    }
    if let (m, true) = d.maturity {
        out.push(format!(
            "loans repaid over {} years on average beyond the plan (loan stock / repayments of {g})",
            m.normalize()
        ));
    }
    if loans.min_cash.is_none() {
        out.push(format!(
            "new loans keep cash at {} days of operating costs and investments at least (loans.min_cash_days)",
            loans.min_cash_days.normalize()
        ));
    }
    out.extend(super::revenue::notes(d).into_iter().map(|n| n.en));
    out
}
