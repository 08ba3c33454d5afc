//! A dataset's lines as the statutory tests' inputs, and the tests run on
//! every year it has: actual, budget, plan and projected alike (a projection
//! is a dataset too). The lines are read through `ratios::Ctx`, so a figure
//! means here what it means in the key ratios, and an input that cannot be
//! read keeps the reason the dataset gives.

use rust_decimal::Decimal;

use crate::model::dataset::{Dataset, Entity, YearKind};
use crate::model::ratios::{Ctx, Measure};
use crate::model::reason::{Method, Reason};
use crate::model::targets::Targets;

use super::estimate::{Beyond, CityYear, Rolling};
use super::{
    Assessment, DeficitTest, GroupYear, Input, Missing, PlanBalance, Rules, SurplusYear, assess,
    deficit_test, plan_balance,
};

/// Why an input of a year is missing, as the dataset says it.
#[derive(Clone, Debug, PartialEq)]
pub struct Gap {
    pub year: i32,
    pub input: Input,
    pub reason: Reason,
}

/// The plan period's balance (110 § 3 mom.): the budget year and the plan
/// years after it.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub first: i32,
    pub last: i32,
    /// The year whose estimated accumulated surplus is the allowance: the
    /// year the budget is drawn up.
    pub allowance_year: i32,
    pub balance: Result<PlanBalance, Missing>,
}

/// Both tests over a dataset's years.
#[derive(Clone, Debug, PartialEq)]
pub struct Statutory {
    pub years: Vec<(i32, YearKind)>,
    /// The municipality's own accumulated surplus, which 110 § judges.
    pub surplus: Vec<SurplusYear>,
    /// Years whose accumulated surplus was rolled forward from an earlier
    /// balance sheet by the years' results (budget and plan years).
    pub rolled: Vec<(Entity, i32, Method)>,
    pub deficits: DeficitTest,
    /// `None` when the dataset has no budget year.
    pub plan: Option<Plan>,
    pub group: Vec<GroupYear>,
    /// Years whose group figures are estimated from the city's
    /// (`Method::GroupBeyondCity`): the projected years, with a scenario.
    pub estimated: Vec<(i32, Method)>,
    /// The group's part beyond the city the estimates add, when made.
    pub beyond: Option<Beyond>,
    /// The part as carried to each estimated year, in order.
    pub carried: Vec<Rolling>,
    pub assessments: Vec<Assessment>,
    pub gaps: Vec<Gap>,
}

impl Statutory {
    /// The dataset's reason for a missing input, when it gave one.
    pub fn reason(&self, year: i32, input: Input) -> Option<&Reason> {
        self.gaps
            .iter()
            .find(|g| g.year == year && g.input == input)
            .map(|g| &g.reason)
    }

    /// How the group figures of `year` were estimated, when they were.
    pub fn estimate(&self, year: i32) -> Option<&Method> {
        self.estimated
            .iter()
            .find(|(y, _)| *y == year)
            .map(|(_, m)| m)
    }

    /// Whether the plan period ends with the accumulated deficit still in
    /// the balance sheet (110 § 3 mom. asks the budget and plan to cover
    /// it): `None` without a budget year; `Ok(None)` when the plan's last
    /// year shows no deficit; `Ok(Some(arose))` the year the deficit it
    /// still shows arose.
    pub fn plan_end_deficit(&self) -> Option<Result<Option<i32>, Missing>> {
        let last = self.plan.as_ref()?.last;
        let input = Input::AccumulatedSurplus;
        let missing = Missing::Input { year: last, input };
        let shown = self.surplus.iter().find(|s| s.year == last);
        Some(match shown.and_then(|s| s.accumulated) {
            None => Err(missing),
            Some(v) if v >= Decimal::ZERO => Ok(None),
            // The deficit shown is the latest that arose by then, as in
            // the yearly rows.
            Some(_) => Ok(self
                .deficits
                .episodes
                .iter()
                .filter(|e| e.arose <= last)
                .map(|e| e.arose)
                .max()),
        })
    }

    /// Years whose statements show a deficit past its deadline, or whose
    /// statements would start the assessment procedure.
    pub fn problems(&self) -> bool {
        !self.deficits.flagged_years().is_empty()
            || self.assessments.iter().any(|a| a.starts().is_some())
            || self
                .plan
                .as_ref()
                .is_some_and(|p| p.balance.as_ref().is_ok_and(|b| !b.balanced))
    }
}

/// The tests on every year of `ds`. `extensions_granted` are the arising
/// years whose deficit was granted the longer 110 a § deadline.
pub fn evaluate(rules: &Rules, ds: &Dataset, extensions_granted: &[i32]) -> Statutory {
    run(rules, ds, extensions_granted, false)
}

/// The tests on a projection's dataset: as `evaluate`, and the group's
/// figures of the years after the last group statements estimated from the
/// city's (`estimate`), each such year marked.
pub fn evaluate_projected(rules: &Rules, ds: &Dataset, extensions_granted: &[i32]) -> Statutory {
    run(rules, ds, extensions_granted, true)
}

fn run(rules: &Rules, ds: &Dataset, extensions_granted: &[i32], project: bool) -> Statutory {
    let targets = Targets::default();
    let c = Ctx::quiet(ds, &targets);
    let mut gaps = Vec::new();
    let mut rolled = Vec::new();
    let years: Vec<(i32, YearKind)> = ds.years.iter().map(|(y, k)| (*y, *k)).collect();
    let surplus: Vec<SurplusYear> = years
        .iter()
        .map(|&(y, _)| SurplusYear {
            year: y,
            accumulated: keep(
                &mut gaps,
                y,
                Input::AccumulatedSurplus,
                accumulated(&c, Entity::City, y, &mut rolled),
            ),
            // Only 148 § 2 mom. reads them, and names them when missing.
            residents: c.population(y).ok(),
        })
        .collect();
    let beyond = if project { beyond(&c, &years) } else { None };
    let mut estimated = Vec::new();
    let mut carried = Vec::new();
    let mut part = beyond.as_ref().map(|(b, _)| Rolling::new(b.clone()));
    let group: Vec<GroupYear> = years
        .iter()
        .map(|&(y, _)| match (&beyond, &mut part) {
            (Some((b, why)), Some(r)) if y > b.from && !has_group_statements(&c, y) => {
                estimated.push((y, Method::GroupBeyondCity { from: b.from }));
                let g = estimated_year(&c, y, r, why, &mut gaps);
                carried.push(r.clone());
                g
            }
            _ => group_year(&c, y, &mut gaps, &mut rolled),
        })
        .collect();
    let deficits = deficit_test(rules, &surplus, extensions_granted);
    let assessments = assess(rules, &group, &deficits);
    let plan = plan(&c, &years, &surplus, &mut gaps);
    Statutory {
        years,
        surplus,
        rolled,
        deficits,
        plan,
        group,
        estimated,
        beyond: beyond.map(|(b, _)| b),
        carried,
        assessments,
        gaps,
    }
}

fn has_group_statements(c: &Ctx, y: i32) -> bool {
    use crate::model::items::Statement;
    c.ds.has_year_data(Entity::Group, Statement::Tuloslaskelma, y)
}

/// Why each part of `Beyond` is missing, in the order of its fields.
type BeyondWhy = [Option<Reason>; 4];

/// The group's part beyond the city in the last year with group
/// statements; `None` when no year has them.
fn beyond(c: &Ctx, years: &[(i32, YearKind)]) -> Option<(Beyond, BeyondWhy)> {
    let from = years
        .iter()
        .rev()
        .map(|(y, _)| *y)
        .find(|y| has_group_statements(c, *y))?;
    let part =
        |f: &dyn Fn(Entity) -> Measure| -> Measure { Ok(f(Entity::Group)? - f(Entity::City)?) };
    let acc = part(&|e| c.accumulated_surplus(e, from).map(|(v, _)| v));
    let vk = part(&|e| c.vuosikate(e, from));
    let dep = part(&|e| c.poistot(e, from));
    let int = part(&|e| interest(c, e, from));
    let why = [&acc, &vk, &dep, &int].map(|m| m.as_ref().err().cloned());
    // Only the interest's proportion needs them; unknown, it is held.
    let companies = group_loans(c, from)
        .and_then(|g| Ok(g - c.lainakanta(Entity::City, from)?))
        .ok();
    let b = Beyond {
        from,
        accumulated_surplus: acc.ok(),
        annual_margin: vk.ok(),
        depreciation: dep.ok(),
        interest_expenses: int.ok(),
        companies_loans: companies,
    };
    Some((b, why))
}

fn interest(c: &Ctx, e: Entity, y: i32) -> Measure {
    c.need(e, "tl.korkokulut", y).map(|v| v.abs())
}

/// The city's figures of `y`, and the group's loans and leases as the
/// projection carries them.
pub(super) fn city_year(c: &Ctx, y: i32, gaps: &mut Vec<Gap>) -> CityYear {
    let mut none = Vec::new();
    let mut k = |input, m| keep(gaps, y, input, m);
    CityYear {
        year: y,
        residents: k(Input::Residents, c.population(y)),
        accumulated_surplus: k(
            Input::AccumulatedSurplus,
            accumulated(c, Entity::City, y, &mut none),
        ),
        annual_margin: k(Input::AnnualMargin, c.vuosikate(Entity::City, y)),
        depreciation: k(Input::Depreciation, c.poistot(Entity::City, y)),
        interest_expenses: k(Input::InterestExpenses, interest(c, Entity::City, y)),
        income_tax_rate_pct: k(
            Input::IncomeTaxRate,
            c.need(Entity::City, "bg.tuloveroprosentti", y),
        ),
        loans: c.lainakanta(Entity::City, y).ok(),
        group_loans: k(Input::Loans, group_loans(c, y)),
        group_leases: k(Input::LeaseLiabilities, c.vuokravastuut(Entity::Group, y)),
    }
}

fn estimated_year(
    c: &Ctx,
    y: i32,
    part: &mut Rolling,
    why: &BeyondWhy,
    gaps: &mut Vec<Gap>,
) -> GroupYear {
    let g = part.next(&city_year(c, y, gaps));
    // A figure missing for want of the part beyond the city says so, unless
    // the city's own figure already gave its reason.
    let inputs = [
        Input::AccumulatedSurplus,
        Input::AnnualMargin,
        Input::Depreciation,
        Input::InterestExpenses,
    ];
    for (input, reason) in inputs.into_iter().zip(why) {
        if let Some(reason) = reason
            && !gaps.iter().any(|x| x.year == y && x.input == input)
        {
            gaps.push(Gap {
                year: y,
                input,
                reason: reason.clone(),
            });
        }
    }
    g
}

/// The value, or `None` with its reason kept.
fn keep(gaps: &mut Vec<Gap>, year: i32, input: Input, m: Measure) -> Option<Decimal> {
    m.map_err(|reason| {
        gaps.push(Gap {
            year,
            input,
            reason,
        })
    })
    .ok()
}

/// The accumulated surplus from the balance sheet, or for a year without
/// one, rolled forward from the latest balance sheet before it by the
/// years' results, as indicator 2 reads it.
fn accumulated(c: &Ctx, e: Entity, y: i32, rolled: &mut Vec<(Entity, i32, Method)>) -> Measure {
    let (acc, method) = c.accumulated_surplus(e, y)?;
    if let Some(m) = method {
        rolled.push((e, y, m));
    }
    Ok(acc)
}

/// Group loans as indicator 4 reads them (the method is indicator 4's note).
fn group_loans(c: &Ctx, y: i32) -> Measure {
    c.group_loans(y).map(|(v, _)| v)
}

fn group_year(
    c: &Ctx,
    y: i32,
    gaps: &mut Vec<Gap>,
    rolled: &mut Vec<(Entity, i32, Method)>,
) -> GroupYear {
    let g = Entity::Group;
    let mut k = |input, m| keep(gaps, y, input, m);
    let tax = c.need(Entity::City, "bg.tuloveroprosentti", y);
    GroupYear {
        year: y,
        residents: k(Input::Residents, c.population(y)),
        accumulated_surplus: k(Input::AccumulatedSurplus, accumulated(c, g, y, rolled)),
        annual_margin: k(Input::AnnualMargin, c.vuosikate(g, y)),
        depreciation: k(Input::Depreciation, c.poistot(g, y)),
        income_tax_rate_pct: k(Input::IncomeTaxRate, tax),
        loans: k(Input::Loans, group_loans(c, y)),
        lease_liabilities: k(Input::LeaseLiabilities, c.vuokravastuut(g, y)),
        interest_expenses: k(
            Input::InterestExpenses,
            c.need(g, "tl.korkokulut", y).map(|v| v.abs()),
        ),
    }
}

/// The budget year and the plan years after it, their results summed; the
/// allowance is the accumulated surplus at the end of the year before the
/// budget (laki 419/2021), none when that is a deficit or unknown.
fn plan(
    c: &Ctx,
    years: &[(i32, YearKind)],
    surplus: &[SurplusYear],
    gaps: &mut Vec<Gap>,
) -> Option<Plan> {
    let first = years.iter().find(|(_, k)| *k == YearKind::TA)?.0;
    let last = years
        .iter()
        .filter(|(y, k)| *y >= first && matches!(k, YearKind::TA | YearKind::TS))
        .map(|(y, _)| *y)
        .max()
        .unwrap_or(first);
    let allowance_year = first - 1;
    let balance = (|| {
        let mut results = Vec::new();
        for y in first..=last {
            let input = Input::PlanResult;
            let r = c.need(Entity::City, "tl.tilikauden_ylijaama", y);
            let r = keep(gaps, y, input, r).ok_or(Missing::Input { year: y, input })?;
            results.push(r);
        }
        let allowance = surplus
            .iter()
            .find(|s| s.year == allowance_year)
            .and_then(|s| s.accumulated)
            .unwrap_or(Decimal::ZERO);
        plan_balance(&results, allowance).ok_or(Missing::Input {
            year: last,
            input: Input::PlanResult,
        })
    })();
    Some(Plan {
        first,
        last,
        allowance_year,
        balance,
    })
}
