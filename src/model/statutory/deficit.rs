//! Kuntalaki 110 § 3 mom.: the plan in balance, and an accumulated deficit
//! covered by its deadline; 148 § 1–2 mom. for deficits of 2015 and before.
//! A deficit gone before 2015 fell under kuntalaki 365/1995, whose 65 § 2
//! mom. (353/2000, from the budgets of 2001) asked the budget and plan to
//! cover it within the planning period, "three or more years", without a
//! deadline a workbook could be held to: such a deficit is shown with its
//! years and `Missing::EarlierLaw` in place of a deadline.

use rust_decimal::Decimal;

use super::rules::{Rules, YEARS};
use super::{Input, Missing};

/// The accumulated surplus (kertynyt yli-/alijäämä) at 31 Dec of a year:
/// actual, budget, plan or projected alike.
#[derive(Clone, Debug, PartialEq)]
pub struct SurplusYear {
    pub year: i32,
    pub accumulated: Option<Decimal>,
    /// Residents at 31 Dec; only the transitional rule (148 § 2 mom.) reads
    /// them, for the deficit of its year.
    pub residents: Option<Decimal>,
}

/// When a deficit must be gone, as the law stood for the year it arose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadline {
    /// The last statement year in which the deficit may still show:
    /// arising year + approval lag + coverage years (110 § 3 mom.).
    pub statutory: i32,
    /// The longer deadline a temporary rule allowed on application
    /// (110 a §, 883/2020), whether or not it was granted.
    pub extendable_to: Option<i32>,
    /// The deadline that holds: the extended one only when granted.
    pub effective: i32,
    pub source: String,
}

/// What became of one deficit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The accumulated surplus was back at zero or above by the deadline.
    Covered { year: i32 },
    /// Still in deficit at the deadline. `flagged` are the years from the
    /// deadline on that still show the deficit; `covered_late` the year it
    /// was finally covered, if the series shows it.
    Missed {
        flagged: Vec<i32>,
        covered_late: Option<i32>,
    },
    /// The series ends before the deadline with the deficit still there.
    Open { last_year: i32 },
    /// A year without a figure interrupts the deficit before it is settled.
    Unknown(Missing),
}

/// One deficit from the year it arose to its settlement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Episode {
    /// The first year whose accumulated surplus is below zero.
    pub arose: i32,
    /// True when that year opens the series or follows a gap, so the
    /// deficit may be older and its real deadline earlier. False under the
    /// transitional rule, whose deadline does not depend on the age.
    pub may_be_older: bool,
    pub deadline: Result<Deadline, Missing>,
    pub outcome: Outcome,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeficitTest {
    pub episodes: Vec<Episode>,
}

impl DeficitTest {
    /// Years whose statements show a deficit past its deadline.
    pub fn flagged_years(&self) -> Vec<i32> {
        let mut ys: Vec<i32> = self
            .episodes
            .iter()
            .filter_map(|e| match &e.outcome {
                Outcome::Missed { flagged, .. } => Some(flagged.iter().copied()),
                _ => None,
            })
            .flatten()
            .collect();
        ys.sort_unstable();
        ys.dedup();
        ys
    }
}

/// The 110 § test over a series of years. A deficit arises in the first
/// year its accumulated surplus is below zero and lasts until a year shows
/// it at zero or above; deficits added meanwhile share its deadline, since
/// the law counts from the statements in which the deficit first shows.
/// `extensions_granted` lists the arising years whose deficit the Ministry
/// granted the longer deadline. Years may come in any order; a year left
/// out counts as a year without a figure. A deficit still in the statements
/// of the transitional year (2015) takes that rule's deadline whenever it
/// arose (148 § 1 mom.).
pub fn deficit_test(
    rules: &Rules,
    series: &[SurplusYear],
    extensions_granted: &[i32],
) -> DeficitTest {
    let mut years: Vec<&SurplusYear> = series.iter().collect();
    years.sort_by_key(|y| y.year);
    years.dedup_by_key(|y| y.year);
    let mut episodes = Vec::new();
    let Some(last) = years.last().map(|y| y.year) else {
        return DeficitTest { episodes };
    };
    let mut open: Option<Episode> = None;
    // Whether the year before has a figure: if not, a deficit may be older.
    let mut known_before = false;
    let mut previous: Option<i32> = None;
    for s in years.iter().copied() {
        let y = s.year;
        if previous.and_then(|p| p.checked_add(1)) != Some(y) {
            // `p < y`, so `p + 1` is the first year left out.
            if let (Some(p), Some(mut e)) = (previous, open.take()) {
                e.outcome = unknown(p + 1);
                episodes.push(e);
            }
            known_before = false;
        }
        previous = Some(y);
        let Some(v) = s.accumulated else {
            if let Some(mut e) = open.take() {
                e.outcome = unknown(y);
                episodes.push(e);
            }
            known_before = false;
            continue;
        };
        match open.as_mut() {
            None if v < Decimal::ZERO => {
                let granted = extensions_granted.contains(&y);
                let transitional = transition_deadline(rules, &years, y, granted);
                open = Some(Episode {
                    arose: y,
                    may_be_older: !known_before && transitional.is_none(),
                    deadline: transitional.unwrap_or_else(|| deadline(rules, y, granted)),
                    outcome: Outcome::Open { last_year: y },
                });
            }
            None => {}
            Some(e) if v >= Decimal::ZERO => {
                e.outcome = match &e.deadline {
                    Ok(d) if y > d.effective => Outcome::Missed {
                        flagged: (d.effective..y).collect(),
                        covered_late: Some(y),
                    },
                    _ => Outcome::Covered { year: y },
                };
                episodes.extend(open.take());
            }
            Some(e) => e.outcome = Outcome::Open { last_year: y },
        }
        known_before = true;
    }
    if let Some(mut e) = open {
        e.outcome = match &e.deadline {
            Ok(d) if last >= d.effective => Outcome::Missed {
                flagged: (d.effective..=last).collect(),
                covered_late: None,
            },
            Err(m) => Outcome::Unknown(m.clone()),
            Ok(_) => Outcome::Open { last_year: last },
        };
        episodes.push(e);
    }
    DeficitTest { episodes }
}

fn unknown(year: i32) -> Outcome {
    Outcome::Unknown(Missing::Input {
        year,
        input: Input::AccumulatedSurplus,
    })
}

/// The deadline 148 § gives a deficit arising in `arose`, or `None` when
/// the rule does not reach it: no transitional rule, a deficit arising
/// after its year, or one covered before it (the earlier law's). The
/// deficit of the rule's year per resident chooses the deadline, so it is
/// unknown while that year's figures are.
fn transition_deadline(
    rules: &Rules,
    years: &[&SurplusYear],
    arose: i32,
    extension_granted: bool,
) -> Option<Result<Deadline, Missing>> {
    let t = rules.deficit_transition()?;
    if arose > t.statement_year {
        return None;
    }
    let get = |y: i32| years.iter().find(|s| s.year == y);
    let surplus_missing = |year| Missing::Input {
        year,
        input: Input::AccumulatedSurplus,
    };
    // A series ending before the rule's year lacks that year's statements
    // above all; a gap inside the series is named as itself.
    let last = years.last().map_or(arose, |s| s.year);
    for y in arose..t.statement_year.min(last + 1) {
        match get(y).and_then(|s| s.accumulated) {
            Some(v) if v >= Decimal::ZERO => return None,
            Some(_) => {}
            None => return Some(Err(surplus_missing(y))),
        }
    }
    let at = get(t.statement_year);
    let Some(v) = at.and_then(|s| s.accumulated) else {
        return Some(Err(surplus_missing(t.statement_year)));
    };
    if v >= Decimal::ZERO {
        return None;
    }
    let per_resident = at
        .and_then(|s| s.residents)
        .filter(|r| *r > Decimal::ZERO)
        .and_then(|r| v.checked_div(r));
    let Some(per_resident) = per_resident else {
        return Some(Err(Missing::Input {
            year: t.statement_year,
            input: Input::Residents,
        }));
    };
    // "Yli 500 euroa": exactly the threshold keeps the shorter deadline.
    let statutory = if -per_resident > t.large_over_per_resident_eur {
        t.large_deadline
    } else {
        t.deadline
    };
    Some(Ok(with_extension(
        rules,
        statutory,
        extension_granted,
        &t.source,
    )))
}

/// The deadline of a deficit arising in `arose`, as the rule book has it.
pub fn deadline(rules: &Rules, arose: i32, extension_granted: bool) -> Result<Deadline, Missing> {
    if !YEARS.contains(&arose) {
        return Err(Missing::YearOutOfRange { year: arose });
    }
    let Some(rule) = rules.deficit_rule(arose) else {
        // Before the first rule the book holds, the earlier law governed:
        // named as such, so that no one reads it as a gap in the book.
        let first = rules.deficit_rule.iter().map(|r| r.from_year).min();
        return Err(match first {
            Some(law_from) => Missing::EarlierLaw { arose, law_from },
            None => Missing::NoDeficitRule { year: arose },
        });
    };
    let statutory = arose + rule.approval_lag_years + rule.coverage_years;
    Ok(with_extension(
        rules,
        statutory,
        extension_granted,
        &rule.source,
    ))
}

/// `statutory` with the 110 a § extension it could have, in effect when
/// granted.
fn with_extension(rules: &Rules, statutory: i32, granted: bool, source: &str) -> Deadline {
    let extendable_to = rules
        .extension(statutory)
        .map(|x| statutory + x.extra_years);
    let effective = match extendable_to {
        Some(e) if granted => e,
        _ => statutory,
    };
    Deadline {
        statutory,
        extendable_to,
        effective,
        source: source.to_string(),
    }
}

/// The plan's balance (110 § 3 mom., first sentences): the results
/// (tilikauden yli-/alijäämä) of the plan years summed, and whether the sum
/// is at least zero less `allowance`. Since laki 419/2021 (in force
/// 26.5.2021) the plan may be in deficit by as much as the accumulated
/// surplus estimated for the end of the year the budget is drawn up; pass
/// that estimate, or zero where the earlier wording holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanBalance {
    pub total: Decimal,
    pub allowance: Decimal,
    pub balanced: bool,
}

/// `None` when the sum is beyond exact decimals.
pub fn plan_balance(results: &[Decimal], allowance: Decimal) -> Option<PlanBalance> {
    let total = results
        .iter()
        .try_fold(Decimal::ZERO, |acc, r| acc.checked_add(*r))?;
    let allowance = allowance.max(Decimal::ZERO);
    let balanced = total.checked_add(allowance)? >= Decimal::ZERO;
    Some(PlanBalance {
        total,
        allowance,
        balanced,
    })
}
