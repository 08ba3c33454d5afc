//! Solving for a lever: the smallest move of the income tax rate, of yearly
//! savings or of an investment cap that makes every chosen target hold in
//! every year of a span. Each trial is a whole projection; the search is a
//! bisection over whole steps, which relies on the targets improving as the
//! lever moves (more tax, more savings, less investment never make them
//! worse in this model; the property tests check the tax rate's case), and
//! the answer is checked both ways: it holds, and one step less does not.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde::Serialize;

use crate::model::dataset::Dataset;
use crate::model::indicators::{self, Status};
use crate::model::price_index::PriceIndex;
use crate::model::projection::{self, Options, ProjectionError};
use crate::model::scenario::{Measure, Origin, RateChange, Scenario};
use crate::model::statutory::{self, Rules};
use crate::model::targets::Targets;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Lever {
    /// Income tax rate, percentage points up.
    TaxRate,
    /// Operating costs lower by this many euros a year.
    Savings,
    /// Gross investment at most this many euros a year.
    InvestmentCap,
}

impl Lever {
    pub fn parse(s: &str) -> Option<Lever> {
        match s {
            "tax-rate" | "tax" | "veroprosentti" => Some(Lever::TaxRate),
            "savings" | "saving" | "säästöt" => Some(Lever::Savings),
            "investment-cap" | "investments" | "investointikatto" => Some(Lever::InvestmentCap),
            _ => None,
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Lever::TaxRate => "tax-rate",
            Lever::Savings => "savings",
            Lever::InvestmentCap => "investment-cap",
        }
    }
    /// The step the answer is given in.
    pub fn step(self) -> Decimal {
        match self {
            Lever::TaxRate => dec!(0.01),
            Lever::Savings => dec!(1000),
            Lever::InvestmentCap => dec!(10000),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct LeverSpec {
    pub lever: Lever,
    /// The furthest the lever may move: percentage points, euros of savings,
    /// or the lowest cap in euros.
    pub bound: Option<Decimal>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Goal {
    pub from: Option<i32>,
    pub by: Option<i32>,
    pub indicators: Vec<u8>,
}

/// A target missed in a year, with its value.
#[derive(Clone, Debug, Serialize)]
pub struct Miss {
    pub indicator: u8,
    pub year: i32,
    pub value: Option<Decimal>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Setting {
    pub lever: Lever,
    /// Points up (tax), euros a year (savings), or the cap in euros.
    pub value: Decimal,
    pub at_bound: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct Solution {
    pub from: i32,
    pub by: i32,
    pub indicators: Vec<u8>,
    /// What the targets miss without any move.
    pub before: Vec<Miss>,
    /// The levers' settings that make every target hold, or `None`.
    pub found: Option<Vec<Setting>>,
    /// With the last lever one step less than found: what then fails.
    pub one_step_less: Vec<Miss>,
    /// With every lever at its bound, when that is not enough: what blocks.
    pub blocking: Vec<Miss>,
    /// Indicator-years that cannot be measured; they do not count.
    pub not_measurable: Vec<(u8, i32)>,
    pub trials: usize,
    /// With the statutory tests as the goal: what they say before, one
    /// step less and at the bounds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statutory: Option<LawGoal>,
}

/// A statutory test failed in a year of the span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LawMiss {
    /// The statements of the year show a deficit past its 110 § deadline.
    Deadline110 { year: i32 },
    /// A 118 § ground holds on the statements of the year.
    Ground118 { year: i32 },
}

/// The statutory goal: no 110 § deadline missed and no 118 § ground met in
/// the years checked. A ground that cannot be decided (an input or a
/// national average missing) does not count, as a target not measurable
/// does not; its years are listed.
#[derive(Clone, Debug, Default, Serialize)]
pub struct LawGoal {
    pub before: Vec<LawMiss>,
    pub one_step_less: Vec<LawMiss>,
    pub blocking: Vec<LawMiss>,
    pub undecided: Vec<i32>,
}

/// What one trial misses: targets and statutory tests.
#[derive(Default)]
struct Misses {
    targets: Vec<Miss>,
    law: Vec<LawMiss>,
}

impl Misses {
    fn is_empty(&self) -> bool {
        self.targets.is_empty() && self.law.is_empty()
    }
}

struct Search<'a> {
    ds: &'a Dataset,
    figures: projection::Figures,
    base: &'a Scenario,
    pi: &'a PriceIndex,
    targets: &'a Targets,
    opts: Options,
    from: i32,
    by: i32,
    indicators: Vec<u8>,
    trials: usize,
    not_measurable: Vec<(u8, i32)>,
    law: Option<&'a Rules>,
    undecided: Vec<i32>,
}

/// The "file" of a setting a lever made, so that an error in it is told
/// apart from one in the scenario file.
pub const LEVER_ORIGIN: &str = "(solve)";

/// The key names the lever and its first year; the command line that set
/// it is the caller's to name.
fn origin(lever: Lever, from: i32) -> Origin {
    Origin {
        file: LEVER_ORIGIN.into(),
        line: 0,
        key: format!("{} from {from}", lever.key()).into(),
    }
}

/// Why a search cannot be made: a span without a projected year to hold the
/// targets in, or a projection that fails.
#[derive(Debug)]
pub enum SolveError {
    Projection(ProjectionError),
    /// The lever's first year is not among the projected years.
    FromOutside {
        from: i32,
        first: i32,
        last: i32,
    },
    /// The last year checked comes before the lever's first.
    ByBeforeFrom {
        by: i32,
        from: i32,
        last: i32,
    },
}

impl From<ProjectionError> for SolveError {
    fn from(e: ProjectionError) -> Self {
        SolveError::Projection(e)
    }
}

/// The scenario with the levers set.
pub fn apply(sc: &Scenario, settings: &[(Lever, Decimal)], from: i32) -> Scenario {
    let mut s = sc.clone();
    for (lever, v) in settings {
        match lever {
            Lever::TaxRate if !v.is_zero() => s.tax.rate_changes.push(RateChange {
                from,
                change_pp: *v,
                at: origin(*lever, from),
            }),
            Lever::Savings if !v.is_zero() => s.operations.savings.push(Measure {
                from,
                to: None,
                amount: *v,
                at: origin(*lever, from),
            }),
            Lever::InvestmentCap => {
                s.investments.cap = Some((from, *v));
            }
            _ => {}
        }
    }
    s
}

impl Search<'_> {
    fn misses(&mut self, settings: &[(Lever, Decimal)]) -> Result<Misses, ProjectionError> {
        let sc = apply(self.base, settings, self.from);
        let p = projection::project_with(self.ds, &sc, self.pi, self.opts, &self.figures)?;
        Ok(self.misses_of(&p))
    }

    /// The targets a projection misses in the years and indicators checked,
    /// and the statutory tests it fails when they are the goal.
    fn misses_of(&mut self, p: &projection::Projection) -> Misses {
        let targets = self.target_misses(p);
        let law = match self.law {
            Some(rules) => self.law_misses(rules, p),
            None => Vec::new(),
        };
        Misses { targets, law }
    }

    fn law_misses(&mut self, rules: &Rules, p: &projection::Projection) -> Vec<LawMiss> {
        let st = statutory::evaluate_projected(rules, &p.dataset, &[]);
        let span = self.from..=self.by;
        let mut out: Vec<LawMiss> = (st.deficits.flagged_years().into_iter())
            .filter(|y| span.contains(y))
            .map(|year| LawMiss::Deadline110 { year })
            .collect();
        let mut undecided = Vec::new();
        for a in st.assessments.iter().filter(|a| span.contains(&a.year)) {
            match a.any {
                statutory::Status::Met => out.push(LawMiss::Ground118 { year: a.year }),
                statutory::Status::NotMeasurable(_) => undecided.push(a.year),
                statutory::Status::NotMet => {}
            }
        }
        if self.trials == 1 {
            self.undecided = undecided;
        }
        out
    }

    fn target_misses(&mut self, p: &projection::Projection) -> Vec<Miss> {
        self.trials += 1;
        let ev = indicators::evaluate(&p.dataset, self.targets, &p.price_index);
        let mut out = Vec::new();
        let mut nm = Vec::new();
        for v in &ev.values {
            if v.year < self.from || v.year > self.by || !self.indicators.contains(&v.indicator) {
                continue;
            }
            match v.status {
                Status::Missed => out.push(Miss {
                    indicator: v.indicator,
                    year: v.year,
                    value: v.value,
                }),
                Status::NotMeasurable => nm.push((v.indicator, v.year)),
                Status::Met => {}
            }
        }
        if self.trials == 1 {
            self.not_measurable = nm;
        }
        out
    }
}

/// The largest gross investment of the base scenario in the years checked:
/// where an investment cap starts biting.
fn top_investment(
    ds: &Dataset,
    sc: &Scenario,
    pi: &PriceIndex,
    opts: Options,
    from: i32,
    by: i32,
) -> Result<Decimal, ProjectionError> {
    let p = projection::project(ds, sc, pi, opts)?;
    Ok(p.rows
        .iter()
        .filter(|r| r.year >= from && r.year <= by)
        .map(|r| r.gross_investment)
        .max()
        .unwrap_or_default())
}

#[allow(clippy::too_many_arguments)]
pub fn solve(
    ds: &Dataset,
    sc: &Scenario,
    pi: &PriceIndex,
    targets: &Targets,
    opts: Options,
    levers: &[LeverSpec],
    goal: &Goal,
) -> Result<Solution, SolveError> {
    solve_with(ds, sc, pi, targets, opts, levers, goal, None)
}

/// As `solve`, and with `law` the statutory tests (110 § deadline kept, no
/// 118 § ground met) are a goal too; the only one when `goal` names no
/// indicators.
#[allow(clippy::too_many_arguments)]
pub fn solve_with(
    ds: &Dataset,
    sc: &Scenario,
    pi: &PriceIndex,
    targets: &Targets,
    opts: Options,
    levers: &[LeverSpec],
    goal: &Goal,
    law: Option<&Rules>,
) -> Result<Solution, SolveError> {
    // The span: from the first projected year (or the goal's first) to the
    // horizon (or the goal's last), read off the scenario's own projection, which is also the
    // search's starting point.
    let figures = projection::Figures::new(ds);
    let probe = projection::project_with(ds, sc, pi, opts, &figures)?;
    let from = goal.from.unwrap_or(probe.base_year + 1);
    let by = goal.by.unwrap_or(probe.horizon).min(probe.horizon);
    // A span without a projected year would be "every target holds" over
    // nothing: a success that says nothing.
    let first = probe.base_year + 1;
    let last = probe.horizon;
    if from < first || from > last {
        return Err(SolveError::FromOutside { from, first, last });
    }
    if by < from {
        return Err(SolveError::ByBeforeFrom { by, from, last });
    }
    let indicators = match (goal.indicators.is_empty(), law.is_some()) {
        (true, false) => vec![1, 2, 3, 4, 5],
        (true, true) => Vec::new(),
        (false, _) => goal.indicators.clone(),
    };
    let mut s = Search {
        ds,
        figures,
        base: sc,
        pi,
        targets,
        opts,
        from,
        by,
        indicators: indicators.clone(),
        trials: 0,
        not_measurable: Vec::new(),
        law,
        undecided: Vec::new(),
    };
    let before = s.misses_of(&probe);
    let mut sol = Solution {
        from,
        by,
        indicators,
        before: before.targets.clone(),
        found: None,
        one_step_less: Vec::new(),
        blocking: Vec::new(),
        not_measurable: Vec::new(),
        trials: 0,
        statutory: law.map(|_| LawGoal {
            before: before.law.clone(),
            ..LawGoal::default()
        }),
    };
    if before.is_empty() {
        sol.found = Some(Vec::new());
        finish(&mut sol, &s);
        return Ok(sol);
    }
    // Each lever's range in whole steps, and the setting at n steps.
    let top = top_investment(ds, sc, pi, opts, from, by)?;
    let value = |spec: &LeverSpec, n: i64| -> Decimal {
        let step = spec.lever.step();
        match spec.lever {
            Lever::InvestmentCap => {
                let top_steps = (top / step).ceil();
                ((top_steps - Decimal::from(n)) * step).max(Decimal::ZERO)
            }
            _ => step * Decimal::from(n),
        }
    };
    let max_steps = |spec: &LeverSpec| -> i64 {
        let step = spec.lever.step();
        let steps = match (spec.lever, spec.bound) {
            (Lever::TaxRate, b) => b.unwrap_or(dec!(5)) / step,
            (Lever::Savings, Some(b)) => b / step,
            (Lever::Savings, None) => {
                // A fifth of operating costs is the most any programme cuts.
                let costs = -ds
                    .total(
                        crate::model::dataset::Entity::City,
                        "tl.toimintakulut",
                        probe.base_year,
                    )
                    .unwrap_or_default();
                (costs / dec!(5) / step).floor()
            }
            (Lever::InvestmentCap, b) => {
                let lowest = b.unwrap_or_default();
                ((top - lowest) / step).ceil()
            }
        };
        steps.floor().try_into().unwrap_or(0i64).max(0)
    };

    let mut fixed: Vec<(Lever, Decimal)> = Vec::new();
    for spec in levers {
        let hi = max_steps(spec);
        let with = |n: i64| {
            let mut v = fixed.clone();
            v.push((spec.lever, value(spec, n)));
            v
        };
        let at_max = s.misses(&with(hi))?;
        if !at_max.is_empty() {
            fixed.push((spec.lever, value(spec, hi)));
            sol.blocking = at_max.targets;
            if let Some(l) = &mut sol.statutory {
                l.blocking = at_max.law;
            }
            continue;
        }
        // Bisection: lo fails, hi holds.
        let (mut lo, mut hi) = (0i64, hi);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if s.misses(&with(mid))?.is_empty() {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        let less = s.misses(&with(hi - 1))?;
        sol.one_step_less = less.targets;
        if let Some(l) = &mut sol.statutory {
            l.one_step_less = less.law;
        }
        let mut settings: Vec<Setting> = fixed
            .iter()
            .map(|(l, v)| Setting {
                lever: *l,
                value: *v,
                at_bound: true,
            })
            .collect();
        settings.push(Setting {
            lever: spec.lever,
            value: value(spec, hi),
            at_bound: hi == max_steps(spec),
        });
        sol.found = Some(settings);
        sol.blocking.clear();
        if let Some(l) = &mut sol.statutory {
            l.blocking.clear();
        }
        break;
    }
    finish(&mut sol, &s);
    Ok(sol)
}

/// What the search counted, into the solution.
fn finish(sol: &mut Solution, s: &Search) {
    sol.not_measurable = s.not_measurable.clone();
    sol.trials = s.trials;
    if let Some(l) = &mut sol.statutory {
        l.undecided = s.undecided.clone();
    }
}
