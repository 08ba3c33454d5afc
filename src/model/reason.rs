//! Why a figure cannot be measured, as data: each reason carries the
//! figures a reader needs (year, line, entity...) and the report layer words
//! it in the reader's language. The model never builds the sentence, so a
//! Finnish table gets a Finnish note and the model names no command-line
//! flag.

use rust_decimal::Decimal;

use crate::model::dataset::Entity;

/// The denominator of a division that could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Denominator {
    Population,
    /// The comparison year's net cost (indicator 3).
    Base,
    /// A published term, the same in both languages (e.g. "kassasta maksut").
    Term(&'static str),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A line neither printed nor summable, because it is not there at all.
    LineMissing {
        entity: Entity,
        line: &'static str,
        year: i32,
    },
    /// A line not printed whose sum of lines lacks `part`.
    LinePartMissing {
        entity: Entity,
        line: &'static str,
        year: i32,
        part: &'static str,
    },
    PopulationMissing {
        year: i32,
    },
    PopulationNotPositive {
        year: i32,
    },
    Zero(Denominator),
    Overflow(Denominator),
    /// Vieras pääoma printed as one figure: the loans in it are not known.
    DebtNotItemised {
        entity: Entity,
        year: i32,
    },
    /// A long- or short-term total printed without its lines.
    SectionNotItemised {
        entity: Entity,
        section: &'static str,
        year: i32,
    },
    NoBalanceSheet {
        entity: Entity,
        year: i32,
    },
    NoBalanceSheetSince {
        entity: Entity,
        year: i32,
    },
    InvestmentsNotItemised {
        entity: Entity,
        year: i32,
    },
    /// Neither Rahavarat 31.12. nor the balance sheet's cash.
    CashMissing {
        entity: Entity,
        year: i32,
        why: Box<Reason>,
    },
    /// A multi-year cash-flow sum lacking the flows of `missing`.
    WindowIncomplete {
        entity: Entity,
        window: u32,
        first: i32,
        last: i32,
        missing: Vec<i32>,
    },
    NetInvestmentNotPositive,
    /// A structural break year without a like-for-like base.
    BreakYear {
        year: i32,
    },
    /// A break year of the group (indicator 4) without a like-for-like base.
    GroupBreakYear {
        year: i32,
    },
    /// The price index has no change for the year; `index` is its name.
    PriceIndexMissing {
        year: i32,
        index: String,
    },
    /// The comparison year's net cost is zero or negative.
    NetCostNotPositive {
        year: i32,
    },
    /// Neither a group balance sheet nor a group loan estimate.
    NoGroupLoans {
        year: i32,
    },
    /// Lease liabilities are missing while the targets count them.
    LeasesNeeded(Box<Reason>),
    /// The year before cannot be measured.
    NoComparisonYear(Box<Reason>),
    /// The year is not among the workbook's.
    NoYear {
        year: i32,
    },
    /// A strategy-period sum lacking the figures of these years.
    FiguresMissing {
        years: Vec<i32>,
    },
}

/// How a value was made where it was not read directly from its year's
/// statements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Method {
    /// No balance sheet for the year: the one of `from` rolled forward with
    /// the income statements' surplus.
    RolledForward { from: i32 },
    /// The targets give a like-for-like net cost for the comparison `year`.
    LikeForLikeBase { year: i32, base: Decimal },
    /// The group's loans projected from the city's and the companies'.
    GroupLoansProjected,
    /// Indicator 1's sales gains taken as the cash flow statement's
    /// tulorahoituksen korjauserät (no net gains given in the background).
    GainsFromAdjustments { entity: Entity },
    /// The group's loans from the background sheet's estimate.
    GroupLoansEstimated,
    /// No group statements for the year: the city's figure plus the group's
    /// part beyond the city in `from`, the last year with group statements,
    /// held in euros; loans and lease liabilities as the projection carries
    /// them.
    GroupBeyondCity { from: i32 },
}
