//! What the law says of a municipality's figures: Kuntalaki (410/2015)
//! 110 § (an accumulated deficit covered in time) and 118 § (the criteria of
//! the assessment procedure for a municipality in a particularly difficult
//! financial position).
//!
//! The rules are pure functions over plain yearly inputs, so that actual,
//! budget, plan and projected years are judged alike; the thresholds,
//! deadlines and national averages are data (data/statutory.toml, see
//! `rules`), so that a change of law is a change of that file. A test that
//! lacks an input says which one and of which year; it is never judged on a
//! zero.

pub mod adapter;
pub mod assessment;
pub mod deficit;
pub mod estimate;
pub mod observe;
pub mod rules;

pub use adapter::{Gap, Plan, Statutory, evaluate, evaluate_projected};
pub use assessment::{Assessment, Criterion, CriterionKind, GroupYear, assess};
pub use deficit::{
    Deadline, DeficitTest, Episode, Outcome, PlanBalance, SurplusYear, deficit_test, plan_balance,
};
pub use rules::{Rules, RulesError};

/// Whether a criterion, or a ground made of criteria, holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// The criterion holds: the figure is on the wrong side of its threshold.
    Met,
    NotMet,
    NotMeasurable(Missing),
}

impl Status {
    fn from_bool(b: bool) -> Status {
        if b { Status::Met } else { Status::NotMet }
    }

    /// Every part must hold: one part not met settles it, whatever is
    /// missing elsewhere; otherwise the first missing part is the reason.
    fn all(parts: impl IntoIterator<Item = Status>) -> Status {
        let mut missing = None;
        for p in parts {
            match p {
                Status::NotMet => return Status::NotMet,
                Status::NotMeasurable(m) => {
                    missing.get_or_insert(m);
                }
                Status::Met => {}
            }
        }
        missing.map_or(Status::Met, Status::NotMeasurable)
    }

    /// One part is enough: one met settles it; otherwise the first missing
    /// part is the reason.
    fn any(parts: impl IntoIterator<Item = Status>) -> Status {
        let mut missing = None;
        for p in parts {
            match p {
                Status::Met => return Status::Met,
                Status::NotMeasurable(m) => {
                    missing.get_or_insert(m);
                }
                Status::NotMet => {}
            }
        }
        missing.map_or(Status::NotMet, Status::NotMeasurable)
    }
}

/// Why a figure or a test cannot be given; the report layer words it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Missing {
    /// An input of the year is not given.
    Input { year: i32, input: Input },
    /// A figure's denominator is zero in that year.
    ZeroDenominator { year: i32, figure: Figure },
    /// A figure is beyond what exact decimals can hold.
    OutOfRange { year: i32, figure: Figure },
    /// The rule book has no 118 § thresholds for the assessment year.
    NoCriteria { evaluation_year: i32 },
    /// The rule book lacks a national figure of the year.
    NoNationalFigure { year: i32, figure: NationalFigure },
    /// The rule book has no 110 § deadline for a deficit of the year.
    NoDeficitRule { year: i32 },
    /// A deficit that arose in `arose` and was gone before the statements
    /// of the transitional year (148 § of 410/2015) fell under the earlier
    /// Kuntalaki (365/1995), whose 65 § had the budget and plan cover it
    /// within the planning period but set no deadline of its own; the rule
    /// book's first 110 § deadline governs deficits from `law_from` on.
    EarlierLaw { arose: i32, law_from: i32 },
    /// The year is outside 1990..2100, where no law is modelled.
    YearOutOfRange { year: i32 },
}

/// The yearly inputs of the tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Residents,
    AccumulatedSurplus,
    AnnualMargin,
    Depreciation,
    IncomeTaxRate,
    Loans,
    LeaseLiabilities,
    InterestExpenses,
    /// The municipality's result (tilikauden yli-/alijäämä) of a budget
    /// or plan year.
    PlanResult,
}

/// The figures the 118 § criteria compute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    DeficitPerResident,
    MarginToDepreciation,
    TaxRateAboveAverage,
    LoansToAverage,
    DebtService,
}

/// The national figures of the rule book.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NationalFigure {
    WeightedIncomeTaxRate,
    GroupLoansAndLeasesPerResident,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gap(year: i32) -> Status {
        Status::NotMeasurable(Missing::Input {
            year,
            input: Input::Residents,
        })
    }

    #[test]
    fn all_and_any_follow_three_valued_logic() {
        use Status::{Met, NotMet};
        // A part not met settles "all", a part met settles "any", whatever
        // is missing beside it.
        assert_eq!(Status::all([gap(1), NotMet, Met]), NotMet);
        assert_eq!(Status::any([gap(1), Met, NotMet]), Met);
        // Otherwise the first missing part is the reason.
        assert_eq!(Status::all([Met, gap(1), gap(2)]), gap(1));
        assert_eq!(Status::any([NotMet, gap(2), gap(1)]), gap(2));
        assert_eq!(Status::all([Met, Met]), Met);
        assert_eq!(Status::any([NotMet, NotMet]), NotMet);
        // Nothing to judge: "all" of nothing holds, "any" of nothing does not.
        assert_eq!(Status::all([]), Met);
        assert_eq!(Status::any([]), NotMet);
    }
}
