//! Kuntalaki 118 § 2 and 3 mom.: the grounds on which the assessment procedure
//! for a municipality in a particularly difficult financial position may
//! start, judged on the group's (kuntakonserni) figures.

use rust_decimal::Decimal;

use super::deficit::{DeficitTest, Outcome};
use super::observe::Ground;
use super::rules::{Criteria, Rules, YEARS};
use super::{Figure, Input, Missing, NationalFigure, Status};

/// The group's figures of one statement year (actual, budget, plan or
/// projected). Amounts in euros; costs as positive amounts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GroupYear {
    pub year: i32,
    /// Residents on 31 Dec.
    pub residents: Option<Decimal>,
    /// Group accumulated surplus (kertynyt yli-/alijäämä), negative when a
    /// deficit.
    pub accumulated_surplus: Option<Decimal>,
    /// Group vuosikate.
    pub annual_margin: Option<Decimal>,
    /// Group poistot ja arvonalentumiset.
    pub depreciation: Option<Decimal>,
    /// The municipality's income tax rate, %.
    pub income_tax_rate_pct: Option<Decimal>,
    /// Group lainakanta on 31 Dec.
    pub loans: Option<Decimal>,
    /// Group vuokravastuut (lease liabilities) on 31 Dec.
    pub lease_liabilities: Option<Decimal>,
    /// Group korkokulut.
    pub interest_expenses: Option<Decimal>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CriterionKind {
    /// Group accumulated deficit per resident, € (positive = deficit), at
    /// least the threshold; the latest year and the year before have
    /// thresholds of their own (118 § 3 mom. 2 kohta).
    DeficitPerResident,
    /// 100 × group vuosikate / poistot, % — below the threshold.
    MarginToDepreciation,
    /// Income tax rate − the weighted national average, percentage points —
    /// at least the threshold.
    TaxRateAboveAverage,
    /// 100 × (group loans + lease liabilities) per resident / the national
    /// average, % — at least the threshold.
    LoansToAverage,
    /// Laskennallinen lainanhoitokate = (vuosikate + korkokulut) /
    /// (korkokulut + lainakanta / divisor) — below the threshold.
    DebtService,
}

/// One criterion in one year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Criterion {
    pub kind: CriterionKind,
    pub year: i32,
    /// The exact figure; rounding is for the report to do.
    pub value: Result<Decimal, Missing>,
    pub threshold: Decimal,
    pub status: Status,
}

/// The 118 § verdict on the statements of `year` and the years before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    /// The latest statement year used.
    pub year: i32,
    /// The year an assessment on these statements is made, and the
    /// procedure would start: the year after.
    pub evaluation_year: i32,
    pub source: Option<String>,
    /// The deficit per resident of `year` and of the year before.
    pub deficit: Vec<Criterion>,
    /// The four figures of each of the consecutive years, oldest first.
    pub figures: Vec<Criterion>,
    /// 118 § 2 mom.: a 110 § deadline missed, the deficit still in the
    /// statements of `year` (110 a § names it "118 §:n 2 momentissa").
    pub deadline_ground: Status,
    /// 118 § 3 mom. 1 kohta: the deficit per resident in both years.
    pub deficit_ground: Status,
    /// 118 § 3 mom. 2 kohta: all four figures in each consecutive year.
    pub figures_ground: Status,
    /// Any of the three.
    pub any: Status,
}

impl Assessment {
    /// The year the procedure would start, when a ground holds.
    pub fn starts(&self) -> Option<i32> {
        (self.any == Status::Met).then_some(self.evaluation_year)
    }
}

/// The 118 § assessment for every year of `years` (group figures, any
/// order), with the 110 § result of the municipality's own balance sheet for
/// the first ground.
pub fn assess(rules: &Rules, years: &[GroupYear], deficits: &DeficitTest) -> Vec<Assessment> {
    let mut ys: Vec<i32> = years.iter().map(|g| g.year).collect();
    ys.sort_unstable();
    ys.dedup();
    assess_years(rules, years, deficits, ys)
}

/// The four figures of a year under one set of thresholds, kept because
/// consecutive assessments share a year: a simulated path assesses every
/// year, and the figures are most of its cost.
type Memo = Vec<((i32, i32), [Criterion; 4])>;

/// The assessments on the statements of `which` only: a simulated path's
/// projected years, its earlier years being the workbook's.
pub fn assess_years(
    rules: &Rules,
    years: &[GroupYear],
    deficits: &DeficitTest,
    which: impl IntoIterator<Item = i32>,
) -> Vec<Assessment> {
    let mut memo = Memo::new();
    (which.into_iter())
        .map(|y| assess_year(rules, years, deficits, y, &mut memo))
        .collect()
}

fn assess_year(
    rules: &Rules,
    years: &[GroupYear],
    deficits: &DeficitTest,
    year: i32,
    memo: &mut Memo,
) -> Assessment {
    // Within the modelled years the arithmetic on years cannot overflow.
    let in_range = YEARS.contains(&year);
    let evaluation_year = if in_range { year + 1 } else { year };
    let deadline_ground = deadline_ground(deficits, year);
    let criteria = rules.criteria(evaluation_year).filter(|_| in_range);
    let Some(c) = criteria else {
        let none = Status::NotMeasurable(if in_range {
            Missing::NoCriteria { evaluation_year }
        } else {
            Missing::YearOutOfRange { year }
        });
        return Assessment {
            year,
            evaluation_year,
            source: None,
            deficit: Vec::new(),
            figures: Vec::new(),
            any: Status::any([deadline_ground.clone(), none.clone()]),
            deadline_ground,
            deficit_ground: none.clone(),
            figures_ground: none,
        };
    };
    let get = |y: i32| years.iter().find(|g| g.year == y);
    let deficit = vec![
        deficit_criterion(get(year - 1), year - 1, c.deficit_per_resident_previous_eur),
        deficit_criterion(get(year), year, c.deficit_per_resident_latest_eur),
    ];
    let first = year - c.consecutive_years as i32 + 1;
    let mut figures: Vec<Criterion> = Vec::with_capacity(4 * c.consecutive_years as usize);
    for y in first..=year {
        let key = (y, c.from_evaluation_year);
        match memo.iter().find(|(k, _)| *k == key) {
            Some((_, f)) => figures.extend(f.iter().cloned()),
            None => {
                let f = four_figures(rules, c, get(y), y);
                figures.extend(f.iter().cloned());
                // Only the latest few years are asked for again.
                if memo.len() >= 8 {
                    memo.remove(0);
                }
                memo.push((key, f));
            }
        }
    }
    let deficit_ground = Status::all(deficit.iter().map(|k| k.status.clone()));
    let figures_ground = Status::all(figures.iter().map(|k| k.status.clone()));
    Assessment {
        year,
        evaluation_year,
        source: Some(c.source.clone()),
        any: Status::any([
            deadline_ground.clone(),
            deficit_ground.clone(),
            figures_ground.clone(),
        ]),
        deficit,
        figures,
        deadline_ground,
        deficit_ground,
        figures_ground,
    }
}

/// What `assess_years` gives as `any` for `year`, without the criteria a
/// report shows: a simulated path needs only the verdict, for every year
/// of every path. The same criteria decide, but a ground stops at the first
/// part that settles it (one part not met, for "all"; one ground met, for
/// "any"), and the cheap parts come first; which part is missing then
/// depends on the order, whether one is does not, and the verdict keeps no
/// reason.
pub fn any_ground(rules: &Rules, years: &[GroupYear], deficits: &DeficitTest, year: i32) -> Ground {
    let mut undecided = false;
    let mut met = |s: Status| match s {
        Status::Met => true,
        Status::NotMet => false,
        Status::NotMeasurable(_) => {
            undecided = true;
            false
        }
    };
    let in_range = YEARS.contains(&year);
    let evaluation_year = if in_range { year + 1 } else { year };
    if met(deadline_ground(deficits, year)) {
        return Ground::Met;
    }
    let Some(c) = rules.criteria(evaluation_year).filter(|_| in_range) else {
        return Ground::Undecided;
    };
    // Both grounds read the year's figures and the year before's, most of
    // them more than once: each found once.
    let mut seen: [(Option<i32>, Option<&GroupYear>); 4] = [(None, None); 4];
    let mut get = |y: i32| {
        if let Some((_, g)) = seen.iter().find(|(at, _)| *at == Some(y)) {
            return *g;
        }
        let g = years.iter().find(|g| g.year == y);
        seen.rotate_right(1);
        seen[0] = (Some(y), g);
        g
    };
    let deficit = Status::all(
        [
            (year - 1, c.deficit_per_resident_previous_eur),
            (year, c.deficit_per_resident_latest_eur),
        ]
        .into_iter()
        .map(|(y, at_least)| deficit_status(get(y), y, at_least)),
    );
    if met(deficit) {
        return Ground::Met;
    }
    // `Status::all` over the four figures of each year, in loops: the
    // chained iterators cost more than the criteria they stop early.
    let mut figures = Status::Met;
    'parts: for part in 0..4 {
        for y in year - c.consecutive_years as i32 + 1..=year {
            let g = get(y);
            let criterion = match part {
                0 => tax_criterion(rules, c, g, y),
                1 => margin_criterion(c, g, y),
                2 => service_criterion(c, g, y),
                _ => loans_criterion(rules, c, g, y),
            };
            match criterion.status {
                Status::NotMet => {
                    figures = Status::NotMet;
                    break 'parts;
                }
                Status::NotMeasurable(m) if figures == Status::Met => {
                    figures = Status::NotMeasurable(m);
                }
                _ => {}
            }
        }
    }
    if met(figures) {
        Ground::Met
    } else if undecided {
        Ground::Undecided
    } else {
        Ground::NotMet
    }
}

/// `deficit_criterion`'s status, without its division where the sign
/// settles it: no deficit, at least one resident and a threshold above
/// zero put the deficit per resident at zero or below, under the threshold
/// however the quotient rounds.
fn deficit_status(g: Option<&GroupYear>, year: i32, threshold: Decimal) -> Status {
    let no_deficit = g.is_some_and(|g| {
        g.accumulated_surplus.is_some_and(|a| a >= Decimal::ZERO)
            && g.residents.is_some_and(|r| r >= Decimal::ONE)
    });
    if no_deficit && threshold > Decimal::ZERO {
        return Status::NotMet;
    }
    deficit_criterion(g, year, threshold).status
}

/// Met when a deficit past its deadline still shows in the statements of
/// `year`: the Ministry judges the latest statements, and a deficit covered
/// late no longer shows in them.
fn deadline_ground(deficits: &DeficitTest, year: i32) -> Status {
    Status::any(
        deficits
            .episodes
            .iter()
            .map(|e| match (&e.outcome, &e.deadline) {
                (Outcome::Missed { flagged, .. }, _) => Status::from_bool(flagged.contains(&year)),
                (Outcome::Unknown(m), Ok(d)) if d.effective <= year => {
                    Status::NotMeasurable(m.clone())
                }
                (Outcome::Unknown(m), Err(_)) => Status::NotMeasurable(m.clone()),
                _ => Status::NotMet,
            }),
    )
}

fn criterion(
    kind: CriterionKind,
    year: i32,
    value: Result<Decimal, Missing>,
    threshold: Decimal,
    met: impl Fn(Decimal) -> bool,
) -> Criterion {
    let status = match &value {
        Ok(v) => Status::from_bool(met(*v)),
        Err(m) => Status::NotMeasurable(m.clone()),
    };
    Criterion {
        kind,
        year,
        value,
        threshold,
        status,
    }
}

fn input(
    g: Option<&GroupYear>,
    year: i32,
    input: Input,
    f: fn(&GroupYear) -> Option<Decimal>,
) -> Result<Decimal, Missing> {
    g.and_then(f).ok_or(Missing::Input { year, input })
}

fn div(n: Decimal, d: Decimal, year: i32, figure: Figure) -> Result<Decimal, Missing> {
    if d.is_zero() {
        return Err(Missing::ZeroDenominator { year, figure });
    }
    n.checked_div(d).ok_or(Missing::OutOfRange { year, figure })
}

fn deficit_criterion(g: Option<&GroupYear>, year: i32, threshold: Decimal) -> Criterion {
    let figure = Figure::DeficitPerResident;
    let value = (|| {
        let acc = input(g, year, Input::AccumulatedSurplus, |g| {
            g.accumulated_surplus
        })?;
        let res = input(g, year, Input::Residents, |g| g.residents)?;
        div(-acc, res, year, figure)
    })();
    criterion(
        CriterionKind::DeficitPerResident,
        year,
        value,
        threshold,
        |v| v >= threshold,
    )
}

fn four_figures(rules: &Rules, c: &Criteria, g: Option<&GroupYear>, year: i32) -> [Criterion; 4] {
    [
        margin_criterion(c, g, year),
        tax_criterion(rules, c, g, year),
        loans_criterion(rules, c, g, year),
        service_criterion(c, g, year),
    ]
}

fn margin_criterion(c: &Criteria, g: Option<&GroupYear>, year: i32) -> Criterion {
    let f = Figure::MarginToDepreciation;
    let margin = (|| {
        let vk = input(g, year, Input::AnnualMargin, |g| g.annual_margin)?;
        let dep = input(g, year, Input::Depreciation, |g| g.depreciation)?;
        let n = vk.checked_mul(Decimal::ONE_HUNDRED);
        div(
            n.ok_or(Missing::OutOfRange { year, figure: f })?,
            dep,
            year,
            f,
        )
    })();
    let below = c.margin_to_depreciation_below_pct;
    criterion(
        CriterionKind::MarginToDepreciation,
        year,
        margin,
        below,
        |v| v < below,
    )
}

fn tax_criterion(rules: &Rules, c: &Criteria, g: Option<&GroupYear>, year: i32) -> Criterion {
    let figure = Figure::TaxRateAboveAverage;
    let tax = (|| {
        let rate = input(g, year, Input::IncomeTaxRate, |g| g.income_tax_rate_pct)?;
        let avg = national(rules, year, NationalFigure::WeightedIncomeTaxRate)?;
        rate.checked_sub(avg)
            .ok_or(Missing::OutOfRange { year, figure })
    })();
    let at_least = c.tax_rate_above_average_pp;
    criterion(
        CriterionKind::TaxRateAboveAverage,
        year,
        tax,
        at_least,
        |v| v >= at_least,
    )
}

fn loans_criterion(rules: &Rules, c: &Criteria, g: Option<&GroupYear>, year: i32) -> Criterion {
    let f = Figure::LoansToAverage;
    let range = || Missing::OutOfRange { year, figure: f };
    let loans = (|| {
        let l = input(g, year, Input::Loans, |g| g.loans)?;
        let lease = input(g, year, Input::LeaseLiabilities, |g| g.lease_liabilities)?;
        let res = input(g, year, Input::Residents, |g| g.residents)?;
        let avg = national(rules, year, NationalFigure::GroupLoansAndLeasesPerResident)?;
        let per = div(l.checked_add(lease).ok_or_else(range)?, res, year, f)?;
        div(
            per.checked_mul(Decimal::ONE_HUNDRED).ok_or_else(range)?,
            avg,
            year,
            f,
        )
    })();
    let at_least = c.loans_to_average_at_least_pct;
    criterion(CriterionKind::LoansToAverage, year, loans, at_least, |v| {
        v >= at_least
    })
}

fn service_criterion(c: &Criteria, g: Option<&GroupYear>, year: i32) -> Criterion {
    let f = Figure::DebtService;
    let range = || Missing::OutOfRange { year, figure: f };
    let service = (|| {
        let vk = input(g, year, Input::AnnualMargin, |g| g.annual_margin)?;
        let int = input(g, year, Input::InterestExpenses, |g| g.interest_expenses)?;
        let l = input(g, year, Input::Loans, |g| g.loans)?;
        let repay = div(l, c.debt_service_loan_divisor, year, f)?;
        let n = vk.checked_add(int).ok_or_else(range)?;
        div(n, int.checked_add(repay).ok_or_else(range)?, year, f)
    })();
    let below = c.debt_service_below;
    criterion(CriterionKind::DebtService, year, service, below, |v| {
        v < below
    })
}

fn national(rules: &Rules, year: i32, figure: NationalFigure) -> Result<Decimal, Missing> {
    let n = rules.national(year);
    match figure {
        NationalFigure::WeightedIncomeTaxRate => n.and_then(|n| n.weighted_income_tax_rate_pct),
        NationalFigure::GroupLoansAndLeasesPerResident => {
            n.and_then(|n| n.group_loans_and_leases_per_resident_eur)
        }
    }
    .ok_or(Missing::NoNationalFigure { year, figure })
}
