//! The five indicators' rules, each written once over the figures one
//! indicator-year needs. A statement year (indicators.rs, read from the
//! dataset) and a projected year row (simulate.rs) both hand their figures
//! to these functions; neither judges an indicator itself. A figure a rule
//! reads only on some paths is passed as a closure, so a statement year
//! reads (and lists as an input) only what the rule used.
//!
//! Each rule's formula and source are in `INDICATORS` (indicators.rs), and
//! named again beside the function.

use rust_decimal::Decimal;

use crate::model::dataset::Entity;
use crate::model::indicators::{Detail, Status};
use crate::model::money::round_half_away;
use crate::model::ratios::{Measure, Unit, div, pct};
use crate::model::reason::{Denominator, Method, Reason};
use crate::model::targets::{SalesGains, Targets};

/// An indicator-year judged: its value (or why not), whether the target
/// holds, and the figures shown beside it. The details are a fixed array so
/// that a simulated path judges without allocating.
#[derive(Clone, Debug)]
pub struct Judged {
    pub value: Measure,
    pub met: Option<bool>,
    pub details: [Option<Detail>; 4],
}

/// An indicator-year's value and whether the target holds, without the
/// figures shown beside it: what a simulated path keeps of a rule, which
/// then skips the divisions only a report shows (a coverage percent, a
/// figure per resident).
#[derive(Clone, Debug)]
pub struct Verdict {
    pub value: Measure,
    pub met: Option<bool>,
}

impl Verdict {
    fn new(value: Measure, met: impl FnOnce(Decimal) -> bool) -> Self {
        let met = value.as_ref().ok().map(|v| met(*v));
        Verdict { value, met }
    }

    pub fn status(&self) -> Status {
        status(&self.value, self.met)
    }
}

impl From<Judged> for Verdict {
    fn from(j: Judged) -> Verdict {
        Verdict {
            value: j.value,
            met: j.met,
        }
    }
}

impl Judged {
    fn new(
        value: Measure,
        met: impl FnOnce(Decimal) -> bool,
        details: [Option<Detail>; 4],
    ) -> Self {
        Judged::of(Verdict::new(value, met), details)
    }

    fn of(v: Verdict, details: [Option<Detail>; 4]) -> Self {
        Judged {
            value: v.value,
            met: v.met,
            details,
        }
    }

    pub fn status(&self) -> Status {
        status(&self.value, self.met)
    }
}

fn status(value: &Measure, met: Option<bool>) -> Status {
    match (value, met) {
        (Ok(_), Some(true)) => Status::Met,
        (Ok(_), _) => Status::Missed,
        (Err(_), _) => Status::NotMeasurable,
    }
}

fn det(name: &'static str, m: &Measure, unit: Unit) -> Option<Detail> {
    Some(Detail {
        name,
        value: m.as_ref().ok().copied(),
        unit,
    })
}

fn both(a: &Measure, b: &Measure) -> Result<(Decimal, Decimal), Reason> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((*a, *b)),
        (Err(w), _) | (_, Err(w)) => Err(w.clone()),
    }
}

/// Nettoinvestoinnit = investointimenot − rahoitusosuudet − pysyvien
/// vastaavien luovutustulot (Statistics Finland, kta_004 definitions);
/// investointimenot are printed negative in the cash flow statement.
pub fn net_investment(gross: Decimal, subsidies: Decimal, sales: Decimal) -> Decimal {
    gross.abs() - subsidies - sales
}

/// Asukasluku 31.12.; a count that is not positive divides nothing.
pub fn population(year: i32, count: Option<Decimal>) -> Measure {
    match count {
        Some(p) if p > Decimal::ZERO => Ok(p),
        Some(_) => Err(Reason::PopulationNotPositive { year }),
        None => Err(Reason::PopulationMissing { year }),
    }
}

/// Indicator 1: Vuosikate − nettoinvestoinnit ≥ 0, or vuosikate covering
/// `annual_margin.min_coverage_pct` of net investment (Heinola city strategy
/// 3/2026, indicator 1; kta_004 definitions). Unless the targets say
/// `sales_gains = "included"`, the margin is taken less the year's net
/// gains on sales of fixed assets (`gains`, read only then): the gain is in
/// vuosikate and the whole sale price already in nettoinvestoinnit.
pub fn annual_margin(
    margin: Measure,
    gains: impl FnOnce() -> Measure,
    net_investment: Measure,
    t: &Targets,
) -> Judged {
    let (gains, financing) = financing(&margin, gains, t);
    let coverage = match both(&financing, &net_investment) {
        Ok((a, b)) if b > Decimal::ZERO => pct(a, b, Denominator::Term("nettoinvestoinnit")),
        Ok(_) => Err(Reason::NetInvestmentNotPositive),
        Err(w) => Err(w),
    };
    let details = [
        det("vuosikate", &margin, Unit::Eur),
        gains
            .as_ref()
            .and_then(|g| det("myyntivoitot", g, Unit::Eur)),
        det("nettoinvestoinnit", &net_investment, Unit::Eur),
        det("kattavuus_pct", &coverage, Unit::Percent),
    ];
    Judged::of(margin_verdict(&financing, &net_investment, t), details)
}

/// Indicator 1's verdict alone (`annual_margin` without its details).
pub fn annual_margin_verdict(
    margin: Measure,
    gains: impl FnOnce() -> Measure,
    net_investment: Measure,
    t: &Targets,
) -> Verdict {
    margin_verdict(&financing(&margin, gains, t).1, &net_investment, t)
}

/// The margin indicator 1 takes: less the gains on sales unless the
/// targets include them; the gains as read, when they were.
fn financing(
    margin: &Measure,
    gains: impl FnOnce() -> Measure,
    t: &Targets,
) -> (Option<Measure>, Measure) {
    let gains = match t.annual_margin.sales_gains {
        SalesGains::Excluded => Some(gains()),
        SalesGains::Included => None,
    };
    let financing = match &gains {
        Some(g) => both(margin, g).map(|(a, g)| a - g),
        None => margin.clone(),
    };
    (gains, financing)
}

fn margin_verdict(financing: &Measure, net_investment: &Measure, t: &Targets) -> Verdict {
    let diff = both(financing, net_investment).map(|(a, b)| a - b);
    let min = t.annual_margin.min_coverage_pct / Decimal::ONE_HUNDRED;
    let (a, b) = (
        financing.clone().unwrap_or_default(),
        net_investment.clone().unwrap_or_default(),
    );
    Verdict::new(diff, |_| a >= b * min)
}

/// Indicator 2: Kertynyt ylijäämä 31.12. above `accumulated_surplus.above_eur`
/// (indicator 2; a deficit to cover: Kuntalaki 410/2015 110 §). The population
/// is read only for the figure per resident beside it.
pub fn accumulated_surplus(
    surplus: Measure,
    population: impl FnOnce() -> Measure,
    t: &Targets,
) -> Judged {
    let per = surplus
        .clone()
        .and_then(|v| div(v, population()?, Denominator::Population));
    let details = [
        det("per_asukas", &per, Unit::EurPerResident),
        None,
        None,
        None,
    ];
    Judged::of(accumulated_surplus_verdict(surplus, t), details)
}

/// Indicator 2's verdict alone (`accumulated_surplus` without the figure
/// per resident).
pub fn accumulated_surplus_verdict(surplus: Measure, t: &Targets) -> Verdict {
    let above = t.accumulated_surplus.above_eur;
    Verdict::new(surplus, |v| v > above)
}

/// Indicator 3: Net cost growth 100 × (nettomenot(t) / nettomenot(t−1) − 1) at
/// most the price index change of year t (indicator 3), compared at one decimal
/// as printed. A break year is not comparable unless the targets give a
/// like-for-like base; `previous` (the year before's net cost) is read only
/// when neither applies.
pub fn net_cost_growth(
    year: i32,
    now: Measure,
    previous: impl FnOnce() -> Measure,
    index: Result<Decimal, Reason>,
    t: &Targets,
) -> Judged {
    let s = &t.net_cost_growth;
    // The targets key the bases by the year's text, which a lookup would
    // write out on every year of every simulated path; most give none.
    let adjusted = (!s.adjusted_base.is_empty())
        .then(|| t.adjusted_base(year))
        .flatten();
    let base = match adjusted {
        Some(b) => Ok(b),
        None if s.break_years.contains(&year) => Err(Reason::BreakYear { year }),
        None => previous(),
    };
    let growth = match both(&now, &base) {
        Ok((n, b)) if b > Decimal::ZERO => pct(n - b, b, Denominator::Base),
        Ok(_) => Err(Reason::NetCostNotPositive { year: year - 1 }),
        Err(w) => Err(w),
    };
    let value = match (&growth, &index) {
        (Ok(g), Ok(_)) => Ok(*g),
        (Err(w), _) | (_, Err(w)) => Err(w.clone()),
    };
    let details = [
        det("nettomenot", &now, Unit::Eur),
        det("vertailuvuoden_nettomenot", &base, Unit::Eur),
        det("hintaindeksin_muutos_pct", &index, Unit::Percent),
        None,
    ];
    let limit = index.unwrap_or_default() + s.allowance_pp;
    // Compared as printed, to one decimal: a growth of 2,04 % keeps a 2,0 % index.
    Judged::new(value, |g| round_half_away(g, 1) <= limit, details)
}

/// The group's loans and, when the targets count them
/// (`group_loans.include_leases`), its lease liabilities; the leases are
/// read only when the loans are known.
pub fn group_debt(loans: Measure, leases: impl FnOnce() -> Measure, t: &Targets) -> Measure {
    let loans = loans?;
    let leases = if t.group_loans.include_leases {
        leases().map_err(|w| Reason::LeasesNeeded(Box::new(w)))?
    } else {
        Decimal::ZERO
    };
    Ok(loans + leases)
}

/// A year's group debt per resident; the population is read only when the
/// debt is known.
pub fn per_resident(debt: &Measure, population: impl FnOnce() -> Measure) -> Measure {
    let d = debt.clone()?;
    div(d, population()?, Denominator::Population)
}

/// The per-resident level a year of indicator 4 is compared with: the year
/// before's, or for a break year (`group_loans.break_years`) the
/// like-for-like base the targets give, in euros, over the population of
/// the year before; without one the break year is not measurable.
pub fn group_previous(
    year: i32,
    t: &Targets,
    previous: impl FnOnce() -> Measure,
    population_before: impl FnOnce() -> Measure,
) -> (Measure, Option<Method>) {
    if !t.group_loans.break_years.contains(&year) {
        return (previous(), None);
    }
    match t.group_adjusted_base(year) {
        Some(base) => (
            population_before().and_then(|p| div(base, p, Denominator::Population)),
            Some(Method::LikeForLikeBase {
                year: year - 1,
                base,
            }),
        ),
        None => (Err(Reason::GroupBreakYear { year }), None),
    }
}

/// Indicator 4: (Konsernin lainakanta + vuokravastuut) / asukasluku does not
/// grow from the year before, compared in whole euros (indicator 4). Beside
/// it, the change from the strategy's starting level (`since_base`: the
/// base year and its level), which the year-on-year test alone would let
/// creep up a euro at a time unseen.
pub fn group_loans_per_resident(
    debt: &Measure,
    now: Measure,
    previous: Measure,
    since_base: Option<Measure>,
) -> Judged {
    let whole = |v: Decimal| round_half_away(v, 0);
    let change = match (&now, &previous) {
        (Ok(a), Ok(b)) => Ok(whole(*a) - whole(*b)),
        (_, Err(w @ Reason::GroupBreakYear { .. })) => Err(w.clone()),
        (_, Err(w)) => Err(Reason::NoComparisonYear(Box::new(w.clone()))),
        (Err(w), _) => Err(w.clone()),
    };
    let value = match (&now, &change) {
        (Ok(v), Ok(_)) => Ok(*v),
        (Err(w), _) | (_, Err(w)) => Err(w.clone()),
    };
    let from_base = since_base.map(|b| both(&now, &b).map(|(a, b)| whole(a) - whole(b)));
    let details = [
        det("lainat_ja_vastuut", debt, Unit::Eur),
        det(
            "edellinen_vuosi_per_asukas",
            &previous,
            Unit::EurPerResident,
        ),
        det("muutos_per_asukas", &change, Unit::EurPerResident),
        from_base.and_then(|m| det("muutos_lahtotasosta_per_asukas", &m, Unit::EurPerResident)),
    ];
    let held = change.as_ref().is_ok_and(|d| *d <= Decimal::ZERO);
    Judged::new(value, |_| held, details)
}

/// The sum of toiminnan ja investointien rahavirta (rahoituslaskelma,
/// VNa 525/2020) over `window` years ending with `last`; every year is
/// needed, and the reason names those missing.
pub fn window_sum(
    entity: Entity,
    last: i32,
    window: u32,
    mut flow: impl FnMut(i32) -> Measure,
) -> Measure {
    let first = last - window as i32 + 1;
    let mut sum = Decimal::ZERO;
    let mut missing = Vec::new();
    for y in first..=last {
        match flow(y) {
            Ok(v) => sum += v,
            Err(_) => missing.push(y),
        }
    }
    if missing.is_empty() {
        Ok(sum)
    } else {
        Err(Reason::WindowIncomplete {
            entity,
            window,
            first,
            last,
            missing,
        })
    }
}

/// Indicator 5: The operating and investing cash flow summed over the year and
/// the ones before it (`cash_flow.window_years`) above `cash_flow.above_eur`
/// (indicator 5).
pub fn cumulative_cash_flow(sum: Measure, this_year: Measure, t: &Targets) -> Judged {
    let details = [det("ti_rahavirta", &this_year, Unit::Eur), None, None, None];
    let above = t.cash_flow.above_eur;
    Judged::new(sum, |v| v > above, details)
}
