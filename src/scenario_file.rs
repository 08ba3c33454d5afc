//! Scenario files (TOML) into a [`Scenario`]: a file may `extends` another
//! and change only what differs. Every mistake names the file, the line and
//! the key; nothing falls back to a default silently.
//!
//! Layering: plain settings and paths of the child replace the parent's;
//! lists of measures (rate changes, savings, subsidy changes) add to the
//! parent's; a project with the same `name` as one of the parent's changes
//! only the fields it gives; tables by year or class merge key by key.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path as FsPath, PathBuf};
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::Spanned;

use crate::config::read_to_string;
use crate::error::{Error, Location, Result};
use crate::ingest::number;
use crate::model::scenario::{
    AssetClass, Dated, Measure, Origin, Path, Project, RateChange, Scenario,
};
use crate::model::uncertainty::{Correlation, Dist, Driver, Uncertain};

type V = Spanned<toml::Value>;

use crate::model::scenario::{FIRST_YEAR, LAST_YEAR};

pub use crate::model::scenario::MAX_AMOUNT;
/// A percentage beyond ±1000 is no rate any budget uses.
const MAX_PCT: i64 = 1000;
/// More residents than the whole country has had.
pub const MAX_POPULATION: i64 = 10_000_000;

fn is_year(y: i64) -> bool {
    (FIRST_YEAR as i64..=LAST_YEAR as i64).contains(&y)
}

/// An amount as written, told apart from one too large to be meant.
enum Amount {
    Is(Decimal),
    TooLarge,
    Not,
}

fn read_amount(v: &toml::Value) -> Amount {
    let x = match v {
        toml::Value::String(s) => return read_money(s),
        toml::Value::Integer(i) => Some(Decimal::from(*i)),
        toml::Value::Float(f) if f.is_finite() && f.abs() > 1e15 => return Amount::TooLarge,
        toml::Value::Float(f) => number::from_f64(*f).map(|n| n.value),
        _ => None,
    };
    match x {
        Some(x) if x.abs() > MAX_AMOUNT => Amount::TooLarge,
        Some(x) => Amount::Is(x),
        None => Amount::Not,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    extends: Option<V>,
    name: Option<V>,
    description: Option<V>,
    horizon: Option<V>,
    price_index_pct: Option<V>,
    plan: Option<PlanDoc>,
    population: Option<PopDoc>,
    tax: Option<TaxDoc>,
    state_subsidies: Option<SubsDoc>,
    operations: Option<OpsDoc>,
    investments: Option<InvDoc>,
    loans: Option<LoansDoc>,
    group: Option<GroupDoc>,
    uncertainty: Option<Vec<Spanned<UncertainDoc>>>,
    correlation: Option<Vec<Spanned<CorrelationDoc>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UncertainDoc {
    driver: Option<V>,
    distribution: Option<V>,
    mean: Option<V>,
    sd: Option<V>,
    min: Option<V>,
    mode: Option<V>,
    max: Option<V>,
    location: Option<V>,
    scale: Option<V>,
    df: Option<V>,
    persistence: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CorrelationDoc {
    a: Option<V>,
    b: Option<V>,
    rho: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanDoc {
    follow_until: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PopDoc {
    growth_pct: Option<V>,
    values: Option<V>,
    file: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TaxDoc {
    income_share_pct: Option<V>,
    property_share_pct: Option<V>,
    rate_pct: Option<V>,
    earnings_growth_pct: Option<V>,
    employment_growth_pct: Option<V>,
    property_growth_pct: Option<V>,
    corporate_growth_pct: Option<V>,
    first_year_effect_pct: Option<V>,
    rate_change: Option<Vec<Spanned<RateChangeDoc>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RateChangeDoc {
    from: Option<V>,
    change_pp: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MeasureDoc {
    from: Option<V>,
    to: Option<V>,
    amount: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SubsDoc {
    index_pct: Option<V>,
    follow_population: Option<V>,
    change: Option<Vec<Spanned<MeasureDoc>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OpsDoc {
    income_real_growth_pct: Option<V>,
    cost_real_growth_pct: Option<V>,
    cost_follows_population_pct: Option<V>,
    savings: Option<Vec<Spanned<MeasureDoc>>>,
    income_change: Option<Vec<Spanned<MeasureDoc>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InvDoc {
    trend_gross: Option<V>,
    trend_subsidies: Option<V>,
    trend_sales: Option<V>,
    existing_runoff_years: Option<V>,
    life_years: Option<V>,
    project: Option<Vec<Spanned<ProjectDoc>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProjectDoc {
    name: Option<V>,
    cost: Option<V>,
    years: Option<V>,
    spending: Option<V>,
    subsidy: Option<V>,
    land_sales: Option<V>,
    class: Option<V>,
    in_plan: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LoansDoc {
    interest_rate_pct: Option<V>,
    variable_share_pct: Option<V>,
    average_maturity_years: Option<V>,
    repayments: Option<V>,
    min_cash_days: Option<V>,
    min_cash: Option<V>,
    rate_change: Option<Vec<Spanned<RateChangeDoc>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupDoc {
    companies_loan_growth_pct: Option<V>,
    companies_loans: Option<V>,
    lease_growth_pct: Option<V>,
}

/// One documented key of a scenario file: the reference in
/// scenarios/README.md is printed from this table (`kivijalka scenario keys`).
pub struct KeyDoc {
    pub key: &'static str,
    pub value: &'static str,
    pub default: &'static str,
    pub meaning: &'static str,
}

#[rustfmt::skip]
pub static KEYS: &[KeyDoc] = &[
    KeyDoc { key: "extends", value: "file", default: "none", meaning: "Another scenario file (relative to this one) whose settings this one starts from." },
    KeyDoc { key: "name", value: "text", default: "the file name", meaning: "The scenario's name in tables and comparisons." },
    KeyDoc { key: "description", value: "text", default: "empty", meaning: "What the scenario assumes, in words." },
    KeyDoc { key: "horizon", value: "year", default: "last actual year + 10", meaning: "The last projected year." },
    KeyDoc { key: "price_index_pct", value: "% path", default: "2.0", meaning: "Price index change for years the index series (shipped KPHI and --index files) does not have; drives cost and income growth, indexing and indicator 3." },
    KeyDoc { key: "plan.follow_until", value: "year", default: "the last budget/plan year", meaning: "Budget and plan years after this are projected by the drivers instead of taken as given." },
    KeyDoc { key: "population.growth_pct", value: "% path", default: "average of the last five actual years", meaning: "Yearly change of the population beyond the plan." },
    KeyDoc { key: "population.values", value: "{ year = residents }", default: "none", meaning: "Residents on 31 Dec by year; years between two values are on a straight line." },
    KeyDoc { key: "population.file", value: "file", default: "none", meaning: "A CSV of residents by year (columns `year` or `vuosi`, then the population; comma or semicolon separated), such as Statistics Finland's population projection, relative to this file. Its years may reach beyond the projection (later ones guide the line towards them); `population.values` in the same file win." },
    KeyDoc { key: "tax.income_share_pct", value: "%", default: "75", meaning: "Municipal income tax as a share of verotulot in the last given year (take it from the notes of your statements)." },
    KeyDoc { key: "tax.property_share_pct", value: "%", default: "13", meaning: "Property tax share of verotulot; the corporate tax share is the rest." },
    KeyDoc { key: "tax.rate_pct", value: "%", default: "the workbook's Tuloveroprosentti", meaning: "Income tax rate, when the workbook does not give it." },
    KeyDoc { key: "tax.earnings_growth_pct", value: "% path", default: "3.0", meaning: "Growth of taxable earnings per employed person." },
    KeyDoc { key: "tax.employment_growth_pct", value: "% path", default: "0.0", meaning: "Growth of employment; the taxable income base grows by both." },
    KeyDoc { key: "tax.property_growth_pct", value: "% path", default: "2.0", meaning: "Growth of property tax revenue." },
    KeyDoc { key: "tax.corporate_growth_pct", value: "% path", default: "2.0", meaning: "Growth of the corporate tax share." },
    KeyDoc { key: "tax.first_year_effect_pct", value: "%", default: "90", meaning: "Share of a rate change received in its first year; the rest comes the next year with the final assessment." },
    KeyDoc { key: "[[tax.rate_change]] from, change_pp", value: "year, percentage points", default: "none", meaning: "The income tax rate changes by change_pp from the year on (0.5 = half a percentage point)." },
    KeyDoc { key: "state_subsidies.index_pct", value: "% path", default: "the price index", meaning: "Yearly index of valtionosuudet beyond the plan." },
    KeyDoc { key: "state_subsidies.follow_population", value: "true/false", default: "true", meaning: "Valtionosuudet beyond the plan change with the population." },
    KeyDoc { key: "[[state_subsidies.change]] from, to, amount", value: "year, year, money", default: "none", meaning: "A decided cut (negative) or addition from a year (to a year), every year it covers." },
    KeyDoc { key: "operations.income_real_growth_pct", value: "% path", default: "0.0", meaning: "Operating income grows by the price index plus this beyond the plan." },
    KeyDoc { key: "operations.cost_real_growth_pct", value: "% path", default: "0.0", meaning: "Operating costs grow by the price index plus this beyond the plan." },
    KeyDoc { key: "operations.cost_follows_population_pct", value: "%", default: "0", meaning: "The share of operating costs that grows and shrinks with the population beyond the plan (100 = costs per resident stay level in real terms)." },
    KeyDoc { key: "[[operations.savings]] from, to, amount", value: "year, year, money", default: "none", meaning: "Operating costs are lower by the amount every year from (to) the year: a savings programme. Plan years too." },
    KeyDoc { key: "[[operations.income_change]] from, to, amount", value: "year, year, money", default: "none", meaning: "Operating income higher (or lower, negative) by the amount every year it covers." },
    KeyDoc { key: "investments.trend_gross", value: "money path", default: "average of the plan years without named projects, indexed", meaning: "Gross investment per year beyond the plan (besides named projects)." },
    KeyDoc { key: "investments.trend_subsidies", value: "money path", default: "plan average, indexed", meaning: "Contributions to that investment (rahoitusosuudet) per year." },
    KeyDoc { key: "investments.trend_sales", value: "money path", default: "plan average, indexed", meaning: "Asset sales (luovutustulot) per year beyond the plan." },
    KeyDoc { key: "investments.existing_runoff_years", value: "years", default: "none", meaning: "Existing assets' depreciation falls to zero over this many years; without it, it stays at the last given level until their book value is used up." },
    KeyDoc { key: "investments.life_years", value: "{ class = years }", default: "buildings 30, structures 20, machinery 8, intangible 5, land 0, general 20", meaning: "Useful lives by asset class; depreciation is straight-line from the year after completion." },
    KeyDoc { key: "[[investments.project]] name", value: "text", default: "required", meaning: "A project; a file that extends another changes a project by naming it." },
    KeyDoc { key: "[[investments.project]] cost", value: "money", default: "required", meaning: "Gross cost." },
    KeyDoc { key: "[[investments.project]] years", value: "[years] or \"2027-2029\"", default: "required", meaning: "Years of spending; completion is the last." },
    KeyDoc { key: "[[investments.project]] spending", value: "[money]", default: "even split", meaning: "Spending by year, one amount per year of `years`, adding up to the cost." },
    KeyDoc { key: "[[investments.project]] subsidy", value: "money", default: "0", meaning: "Contributions received, in proportion to spending; deducted from the depreciable cost." },
    KeyDoc { key: "[[investments.project]] land_sales", value: "money", default: "0", meaning: "Asset or land sales tied to the project, in its completion year." },
    KeyDoc { key: "[[investments.project]] class", value: "buildings, structures, machinery, intangible, land, general", default: "general", meaning: "Asset class, for the useful life." },
    KeyDoc { key: "[[investments.project]] in_plan", value: "[years]", default: "none", meaning: "Where the workbook's budget and plan already hold the project; moving its `years` moves the spending out of these years instead of adding to them." },
    KeyDoc { key: "loans.interest_rate_pct", value: "% path", default: "implied by the last given year", meaning: "Interest on the average loan stock beyond the plan." },
    KeyDoc { key: "[[loans.rate_change]] from, change_pp", value: "year, percentage points", default: "none", meaning: "Interest rates change by change_pp from the year on, plan years too (an interest shock)." },
    KeyDoc { key: "loans.variable_share_pct", value: "%", default: "100", meaning: "Share of the loan stock whose interest follows a rate change." },
    KeyDoc { key: "loans.average_maturity_years", value: "years", default: "loans / repayments of the last given year", meaning: "Loans are repaid by stock / this each year beyond the plan." },
    KeyDoc { key: "loans.repayments", value: "{ year = money }", default: "none", meaning: "Repayments of long-term loans in those years, instead of the plan's or the maturity rule's." },
    KeyDoc { key: "loans.min_cash_days", value: "days", default: "30", meaning: "New long-term loans keep cash at least this many days of operating costs and gross investment (beyond the plan)." },
    KeyDoc { key: "loans.min_cash", value: "money", default: "none", meaning: "The minimum cash in euros instead of days." },
    KeyDoc { key: "group.companies_loan_growth_pct", value: "% path", default: "0.0", meaning: "Yearly growth of the group companies' own loans beyond the plan (group loans = city loans + theirs)." },
    KeyDoc { key: "group.companies_loans", value: "{ year = money }", default: "none", meaning: "The group companies' own loans by year from their plans; the growth applies to the other years." },
    KeyDoc { key: "[[uncertainty]] driver", value: "a driver key", default: "required", meaning: "The driver that is uncertain: price_index_pct, tax.earnings_growth_pct, tax.employment_growth_pct, tax.property_growth_pct, tax.corporate_growth_pct, operations.cost_real_growth_pct, operations.income_real_growth_pct, state_subsidies.index_pct, population.growth_pct, loans.interest_shift_pp (points on every interest rate, plan years too), investments.project 'NAME'.cost_overrun_pct. Its deterministic value becomes the distribution's central value." },
    KeyDoc { key: "[[uncertainty]] distribution", value: "normal, lognormal, triangular, pert, uniform, student_t", default: "required", meaning: "normal and lognormal take mean and sd (of the value); triangular and pert min, mode and max; uniform min and max; student_t location, scale and df. The central value is the mean, mode, midpoint or location." },
    KeyDoc { key: "[[uncertainty]] persistence", value: "0 to 1", default: "0", meaning: "How much of a year's deviation carries into the next: 0 a fresh draw every year, 1 one draw for the whole path, between a walk (a project's cost is drawn once)." },
    KeyDoc { key: "[[correlation]] a, b, rho", value: "driver keys, −1 to 1", default: "none", meaning: "Two uncertain drivers move together (a Gaussian copula; each keeps its own distribution)." },
    KeyDoc { key: "group.lease_growth_pct", value: "% path", default: "0.0", meaning: "Yearly growth of the group's lease liabilities beyond the plan." },
];

/// The reference of scenario keys as Markdown, for scenarios/README.md.
pub fn keys_markdown() -> String {
    let mut s = String::from("| key | value | default | meaning |\n|---|---|---|---|\n");
    for k in KEYS {
        s.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            k.key, k.value, k.default, k.meaning
        ));
    }
    s.push_str(
        "\nA `% path` is a number (2.5), a text (\"2,5 %\") or a table by year whose values hold from that year on: `{ 2026 = 2.5, 2030 = 2.0 }`. \
A `money` value is a number of euros (2500000) or a text with its unit: \"2,5 M€\", \"2 500 t€\", \"2 500 000 €\" (Finnish or English decimals). \
A `money path` is the same by year. \
Bounds, whatever the key: years from 1990 to 2100, percentages within ±1000, amounts within ±10^15 €; growth rates that would compound a figure more than a billion-fold by the horizon are refused, naming the keys and the year.\n",
    );
    s
}

struct Cx<'a> {
    file: &'a str,
    text: &'a str,
}

impl Cx<'_> {
    fn line(&self, span: Range<usize>) -> usize {
        self.text[..span.start.min(self.text.len())]
            .matches('\n')
            .count()
            + 1
    }
    fn at(&self, span: Range<usize>) -> Location {
        Location::line(self.file, self.line(span))
    }
    fn err(&self, span: Range<usize>, key: &str, msg: impl std::fmt::Display) -> Error {
        Error::config(self.at(span), format!("{key}: {msg}"))
    }
    fn origin(&self, span: Range<usize>, key: &str) -> Origin {
        Origin {
            file: self.file.into(),
            line: self.line(span),
            key: key.into(),
        }
    }

    fn number(v: &toml::Value) -> Option<Decimal> {
        match v {
            toml::Value::Integer(i) => Some(Decimal::from(*i)),
            toml::Value::Float(f) => number::from_f64(*f).map(|n| n.value),
            _ => None,
        }
    }

    fn pct_value(&self, v: &toml::Value) -> Option<Decimal> {
        match v {
            toml::Value::String(s) => {
                let t = s.trim().trim_end_matches('%');
                number::parse_text(t).ok().flatten().map(|n| n.value)
            }
            _ => Self::number(v),
        }
    }

    fn pct(&self, v: &V, key: &str) -> Result<Decimal> {
        let x = self.pct_value(v.get_ref()).ok_or_else(|| {
            self.err(
                v.span(),
                key,
                format!(
                    "expected a percentage such as 2.5 or \"2,5 %\", found {}",
                    shown(v.get_ref())
                ),
            )
        })?;
        self.pct_bounded(x, v.span(), key)
    }

    fn money(&self, v: &V, key: &str) -> Result<Decimal> {
        self.amount(v.get_ref(), v.span(), key)
    }

    /// One amount within a value (a path's year, a list's item).
    fn amount(&self, x: &toml::Value, span: Range<usize>, key: &str) -> Result<Decimal> {
        match read_amount(x) {
            Amount::Is(d) => Ok(d),
            Amount::TooLarge => Err(self.err(
                span,
                key,
                format!(
                    "{x} is beyond ±1 000 000 000 000 000 € (10^15 €), more than any municipality's figures; check the unit"
                ),
            )),
            Amount::Not => Err(self.err(
                span,
                key,
                format!(
                    "expected an amount such as 2500000, \"2,5 M€\" or \"2 500 t€\", found {x}"
                ),
            )),
        }
    }

    fn pct_bounded(&self, x: Decimal, span: Range<usize>, key: &str) -> Result<Decimal> {
        if x.abs() > Decimal::from(MAX_PCT) {
            return Err(self.err(
                span,
                key,
                format!(
                    "{} % is beyond ±{MAX_PCT} %, no rate a budget uses",
                    x.normalize()
                ),
            ));
        }
        Ok(x)
    }

    fn year_value(v: &toml::Value) -> Option<i32> {
        match v {
            toml::Value::Integer(i) if is_year(*i) => Some(*i as i32),
            toml::Value::String(s) => s.trim().parse().ok().filter(|y| is_year(*y as i64)),
            _ => None,
        }
    }

    fn year(&self, v: &V, key: &str) -> Result<i32> {
        Self::year_value(v.get_ref()).ok_or_else(|| {
            self.err(
                v.span(),
                key,
                format!(
                    "expected a year from {FIRST_YEAR} to {LAST_YEAR} such as 2027, found {}",
                    v.get_ref()
                ),
            )
        })
    }

    fn years(&self, v: &V, key: &str) -> Result<Vec<i32>> {
        let bad = || {
            self.err(
                v.span(),
                key,
                format!(
                    "expected years as [2027, 2028] or \"2027-2029\", found {}",
                    v.get_ref()
                ),
            )
        };
        let mut out = match v.get_ref() {
            toml::Value::Array(a) => a
                .iter()
                .map(|x| Self::year_value(x).ok_or_else(bad))
                .collect::<Result<Vec<_>>>()?,
            toml::Value::String(s) if s.contains(['-', '–']) => {
                let (a, b) = s.split_once(['-', '–']).ok_or_else(bad)?;
                let a: i32 = a.trim().parse().map_err(|_| bad())?;
                let b: i32 = b.trim().parse().map_err(|_| bad())?;
                if b < a || !is_year(a as i64) || !is_year(b as i64) {
                    return Err(bad());
                }
                (a..=b).collect()
            }
            x => vec![Self::year_value(x).ok_or_else(bad)?],
        };
        let n = out.len();
        out.sort();
        out.dedup();
        if out.len() != n {
            return Err(self.err(v.span(), key, "a year is listed twice"));
        }
        Ok(out)
    }

    /// The `from` of a measure, which it cannot do without.
    fn first_year(&self, v: Option<&V>, entry: Range<usize>, key: &str) -> Result<i32> {
        match v {
            Some(v) => self.year(v, &format!("{key}.from")),
            None => Err(self.err(entry, key, "'from' (the first year) is missing")),
        }
    }

    fn int(&self, v: &V, key: &str, range: Range<i64>) -> Result<u32> {
        match v.get_ref() {
            toml::Value::Integer(i) if range.contains(i) => Ok(*i as u32),
            x => Err(self.err(
                v.span(),
                key,
                format!(
                    "expected a whole number from {} to {}, found {x}",
                    range.start,
                    range.end - 1
                ),
            )),
        }
    }

    fn text(&self, v: &V, key: &str) -> Result<String> {
        match v.get_ref() {
            toml::Value::String(s) => Ok(s.clone()),
            x => Err(self.err(v.span(), key, format!("expected text in quotes, found {x}"))),
        }
    }

    fn bool(&self, v: &V, key: &str) -> Result<bool> {
        match v.get_ref() {
            toml::Value::Boolean(b) => Ok(*b),
            x => Err(self.err(v.span(), key, format!("expected true or false, found {x}"))),
        }
    }

    /// A percentage or money path: one value, or a table by year.
    fn path(&self, v: &V, key: &str, money: bool) -> Result<Path> {
        let what = if money {
            "an amount (\"2,5 M€\")"
        } else {
            "a percentage (2.5)"
        };
        let one = |x: &toml::Value, key: &str, table: bool| -> Result<Decimal> {
            if money {
                return self.amount(x, v.span(), key);
            }
            let or_table = if table { "" } else { " or a table by year" };
            let p = self.pct_value(x).ok_or_else(|| {
                self.err(
                    v.span(),
                    key,
                    format!("expected {what}{or_table}, found {x}"),
                )
            })?;
            self.pct_bounded(p, v.span(), key)
        };
        match v.get_ref() {
            toml::Value::Table(t) => {
                let mut steps = BTreeMap::new();
                for (k, x) in t {
                    let y: i32 = k.parse().ok().filter(|y| is_year(*y as i64)).ok_or_else(|| {
                        self.err(v.span(), key, format!("'{k}' is not a year from {FIRST_YEAR} to {LAST_YEAR}; a path is written {{ 2026 = 2.5, 2030 = 2.0 }}"))
                    })?;
                    steps.insert(y, one(x, &format!("{key}.{k}"), true)?);
                }
                Ok(Path { base: None, steps })
            }
            x => Ok(Path::constant(one(x, key, false)?)),
        }
    }

    fn check_path(&self, p: &Path, v: &V, key: &str, min: Decimal, max: Decimal) -> Result<()> {
        for x in p.base.iter().chain(p.steps.values()) {
            if *x < min || *x > max {
                return Err(self.err(
                    v.span(),
                    key,
                    format!(
                        "{} is outside the sensible range {min}…{max}",
                        x.normalize()
                    ),
                ));
            }
        }
        Ok(())
    }

    fn bounded_pct(&self, v: &V, key: &str, min: Decimal, max: Decimal) -> Result<Decimal> {
        let x = self.pct(v, key)?;
        if x < min || x > max {
            return Err(self.err(
                v.span(),
                key,
                format!(
                    "{} is outside the sensible range {min}…{max}",
                    x.normalize()
                ),
            ));
        }
        Ok(x)
    }

    fn year_map(&self, v: &V, key: &str) -> Result<BTreeMap<i32, Decimal>> {
        let toml::Value::Table(t) = v.get_ref() else {
            return Err(self.err(
                v.span(),
                key,
                "expected a table by year, such as { 2030 = \"6 M€\" }",
            ));
        };
        let mut out = BTreeMap::new();
        for (k, x) in t {
            let y: i32 = k
                .parse()
                .ok()
                .filter(|y| is_year(*y as i64))
                .ok_or_else(|| {
                    self.err(
                        v.span(),
                        key,
                        format!("'{k}' is not a year from {FIRST_YEAR} to {LAST_YEAR}"),
                    )
                })?;
            let val = self.amount(x, v.span(), &format!("{key}.{k}"))?;
            if val < Decimal::ZERO {
                return Err(self.err(v.span(), &format!("{key}.{k}"), "must not be negative"));
            }
            out.insert(y, val);
        }
        Ok(out)
    }
}

/// Money as written: a number with an optional unit (€, t€, 1 000 €, M€,
/// milj. €), Finnish or English decimals.
pub fn parse_money(s: &str) -> Option<Decimal> {
    match read_money(s) {
        Amount::Is(d) => Some(d),
        _ => None,
    }
}

fn read_money(s: &str) -> Amount {
    let t = s.trim().to_lowercase().replace('\u{00A0}', " ");
    let units: [(&str, i64); 12] = [
        ("milj. €", 1_000_000),
        ("milj.€", 1_000_000),
        ("milj €", 1_000_000),
        ("milj.", 1_000_000),
        ("m€", 1_000_000),
        ("meur", 1_000_000),
        ("t€", 1_000),
        ("teur", 1_000),
        ("1 000 €", 1_000),
        ("1000 €", 1_000),
        ("€", 1),
        ("eur", 1),
    ];
    let (num, mult) = units
        .iter()
        .find_map(|(u, m)| t.strip_suffix(u).map(|rest| (rest.trim().to_string(), *m)))
        .unwrap_or((t.clone(), 1));
    let Some(n) = number::parse_text(&num).ok().flatten() else {
        // A run of digits too long for any reader is still a number meant,
        // and the user is better told it is too large than not an amount.
        let digits = num.chars().filter(|c| c.is_ascii_digit()).count();
        let numeric = num
            .chars()
            .all(|c| c.is_ascii_digit() || " .,-+\u{2212}\u{202F}".contains(c));
        return if numeric && digits > 16 {
            Amount::TooLarge
        } else {
            Amount::Not
        };
    };
    match n.value.checked_mul(Decimal::from(mult)) {
        Some(x) if x.abs() <= MAX_AMOUNT => Amount::Is(x),
        _ => Amount::TooLarge,
    }
}

/// Residents by year from a CSV: a `year` (or `vuosi`) column and the
/// population in the next column, Finnish or English number forms.
pub fn population_csv(text: &str, file: &str) -> Result<BTreeMap<i32, Decimal>> {
    let mut rdr = crate::ingest::csv_text::reader(text, true);
    let headers = rdr
        .headers()
        .map_err(|e| Error::config(Location::file(file), format!("not a CSV file: {e}")))?
        .clone();
    let year_col = headers
        .iter()
        .position(|h| matches!(h.to_lowercase().as_str(), "year" | "vuosi"))
        .ok_or_else(|| Error::config(Location::file(file), "no column 'year' (or 'vuosi')"))?;
    let mut out = BTreeMap::new();
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let at = || Location::line(file, line);
        let rec = rec.map_err(|e| Error::config(at(), e.to_string()))?;
        let y: i32 = rec
            .get(year_col)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| Error::config(at(), "the year is not a year"))?;
        let raw = rec.get(year_col + 1).unwrap_or_default();
        let v = number::parse_text(raw)
            .ok()
            .flatten()
            .map(|n| n.value)
            .filter(|v| *v > Decimal::ZERO && *v <= Decimal::from(MAX_POPULATION))
            .ok_or_else(|| {
                Error::config(
                    at(),
                    format!("'{raw}' is not a population (1 to {MAX_POPULATION} residents)"),
                )
            })?;
        out.insert(y, v);
    }
    Ok(out)
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).expect("constant")
}

/// Reads a scenario file and the files it extends.
pub fn load(path: &FsPath) -> Result<Scenario> {
    let mut chain: Vec<(PathBuf, String)> = Vec::new();
    let mut seen = BTreeSet::new();
    let mut cur = path.to_path_buf();
    loop {
        let key = cur.canonicalize().unwrap_or_else(|_| cur.clone());
        if !seen.insert(key) {
            return Err(Error::config(
                Location::file(cur.display().to_string()),
                "extends: the files extend each other in a circle",
            ));
        }
        let text = match (read_to_string(&cur), chain.last()) {
            (Ok(t), _) => t,
            (Err(e), Some((child, child_text))) => {
                let file = child.display().to_string();
                let at = extends_of(child_text, &file)?
                    .map(|(_, line)| Location::line(file.clone(), line))
                    .unwrap_or_else(|| Location::file(file.clone()));
                return Err(
                    Error::config(at, format!("extends: cannot read {}", cur.display()))
                        .context_of(e),
                );
            }
            (Err(e), None) => return Err(e),
        };
        let parent = extends_of(&text, &cur.display().to_string())?;
        chain.push((cur.clone(), text));
        match parent {
            None => break,
            Some((p, _)) => {
                let dir = cur.parent().unwrap_or(FsPath::new("."));
                cur = dir.join(p);
            }
        }
        if chain.len() > 20 {
            return Err(Error::config(
                Location::file(path.display().to_string()),
                "extends: more than 20 files deep",
            ));
        }
    }
    let mut sc = Scenario::default();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    sc.name = stem;
    for (p, text) in chain.iter().rev() {
        apply(&mut sc, text, &p.display().to_string())?;
    }
    sc.files = chain.iter().map(|(p, _)| p.display().to_string()).collect();
    settle_uncertainty(&mut sc)?;
    if chain.len() > 1 {
        // A child without its own name must not wear its parent's.
        let own = parse_doc(&chain[0].1, &chain[0].0.display().to_string())?;
        if own.name.is_none() {
            sc.name = path
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
        }
    }
    Ok(sc)
}

/// An uncertain driver's deterministic value is its central value; a
/// project whose cost is uncertain must exist; correlations must fit.
fn settle_uncertainty(sc: &mut Scenario) -> Result<()> {
    let u = sc.uncertainty.clone();
    for item in &u.items {
        if let Driver::ProjectCost(name) = &item.driver
            && !sc.investments.projects.iter().any(|p| p.name == *name)
        {
            return Err(Error::config(
                Location::line(&*item.at.file, item.at.line),
                format!(
                    "{}: there is no project '{name}' in the scenario",
                    item.at.key
                ),
            ));
        }
    }
    if let Err((at, m)) = crate::model::uncertainty::cholesky(&u) {
        let loc = at
            .map(|a| Location::line(&*a.file, a.line))
            .unwrap_or_else(|| Location::file(sc.files.first().cloned().unwrap_or_default()));
        return Err(Error::config(loc, format!("correlation: {m}")));
    }
    let central = |i: &Uncertain| Path::constant(crate::model::uncertainty::dec(i.dist.central()));
    for item in &u.items {
        match &item.driver {
            Driver::PriceIndex => sc.price_index_pct = central(item),
            Driver::EarningsGrowth => sc.tax.earnings_growth_pct = central(item),
            Driver::EmploymentGrowth => sc.tax.employment_growth_pct = central(item),
            Driver::PropertyTaxGrowth => sc.tax.property_growth_pct = central(item),
            Driver::CorporateTaxGrowth => sc.tax.corporate_growth_pct = central(item),
            Driver::CostRealGrowth => sc.operations.cost_real_growth_pct = central(item),
            Driver::IncomeRealGrowth => sc.operations.income_real_growth_pct = central(item),
            Driver::SubsidyIndex => sc.subsidies.index_pct = Some(central(item)),
            Driver::PopulationGrowth => sc.population.growth_pct = Some(central(item)),
            Driver::InterestShift => {
                if item.dist.central() != 0.0 {
                    return Err(Error::config(
                        Location::line(&*item.at.file, item.at.line),
                        format!(
                            "{}: an interest shift is drawn around 0 (its central value is {}); move the rate itself with loans.interest_rate_pct or [[loans.rate_change]]",
                            item.at.key,
                            item.dist.central()
                        ),
                    ));
                }
            }
            // The central overrun is in the deterministic cost; a path
            // draws around it.
            Driver::ProjectCost(name) => {
                let f = Decimal::ONE
                    + crate::model::uncertainty::dec(item.dist.central()) / Decimal::ONE_HUNDRED;
                if let Some(p) = sc.investments.projects.iter_mut().find(|p| p.name == *name) {
                    crate::model::uncertainty::scale_project(p, f);
                }
            }
        }
    }
    Ok(())
}

/// Reads one scenario text without following `extends` (tests, --set).
pub fn parse_str(text: &str, file: &str) -> Result<Scenario> {
    let mut sc = Scenario::default();
    sc.name = FsPath::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    apply(&mut sc, text, file)?;
    sc.files = vec![file.to_string()];
    settle_uncertainty(&mut sc)?;
    Ok(sc)
}

fn parse_doc(text: &str, file: &str) -> Result<Doc> {
    toml::from_str(text).map_err(|e| {
        let cx = Cx { file, text };
        let at = match e.span() {
            Some(s) => cx.at(s),
            None => Location::file(file),
        };
        Error::config(at, e.message().trim().to_string())
    })
}

/// The file a scenario extends, with the line it is named on.
fn extends_of(text: &str, file: &str) -> Result<Option<(String, usize)>> {
    let doc = parse_doc(text, file)?;
    let cx = Cx { file, text };
    doc.extends
        .map(|v| Ok((cx.text(&v, "extends")?, cx.line(v.span()))))
        .transpose()
}

fn rate_changes(
    cx: &Cx,
    list: Option<Vec<Spanned<RateChangeDoc>>>,
    key: &str,
    out: &mut Vec<RateChange>,
) -> Result<()> {
    for (i, item) in list.into_iter().flatten().enumerate() {
        let span = item.span();
        let k = format!("{key}[{}]", i + 1);
        let d = item.into_inner();
        let from = cx.first_year(d.from.as_ref(), span.clone(), &k)?;
        let change_pp = d
            .change_pp
            .as_ref()
            .map(|v| cx.bounded_pct(v, &format!("{k}.change_pp"), dec("-20"), dec("20")))
            .transpose()?
            .ok_or_else(|| {
                cx.err(
                    span.clone(),
                    &k,
                    "'change_pp' (percentage points) is missing",
                )
            })?;
        out.push(RateChange {
            from,
            change_pp,
            at: cx.origin(span, &k),
        });
    }
    Ok(())
}

fn measures(
    cx: &Cx,
    list: Option<Vec<Spanned<MeasureDoc>>>,
    key: &str,
    out: &mut Vec<Measure>,
) -> Result<()> {
    for (i, item) in list.into_iter().flatten().enumerate() {
        let span = item.span();
        let k = format!("{key}[{}]", i + 1);
        let d = item.into_inner();
        let from = cx.first_year(d.from.as_ref(), span.clone(), &k)?;
        let to =
            d.to.as_ref()
                .map(|v| cx.year(v, &format!("{k}.to")))
                .transpose()?;
        if let Some(t) = to
            && t < from
        {
            return Err(cx.err(span, &k, format!("'to' {t} is before 'from' {from}")));
        }
        let amount = d
            .amount
            .as_ref()
            .map(|v| cx.money(v, &format!("{k}.amount")))
            .transpose()?
            .ok_or_else(|| cx.err(span.clone(), &k, "'amount' is missing"))?;
        out.push(Measure {
            from,
            to,
            amount,
            at: cx.origin(span, &k),
        });
    }
    Ok(())
}

fn apply(sc: &mut Scenario, text: &str, file: &str) -> Result<()> {
    let doc = parse_doc(text, file)?;
    let cx = Cx { file, text };
    let growth = |p: &Path, v: &V, key: &str| cx.check_path(p, v, key, dec("-50"), dec("50"));

    if let Some(v) = &doc.name {
        sc.name = cx.text(v, "name")?;
    }
    if let Some(v) = &doc.description {
        sc.description = cx.text(v, "description")?;
    }
    if let Some(v) = &doc.horizon {
        sc.horizon = Some(cx.year(v, "horizon")?);
    }
    if let Some(v) = &doc.price_index_pct {
        let p = cx.path(v, "price_index_pct", false)?;
        growth(&p, v, "price_index_pct")?;
        sc.price_index_pct = p;
    }
    if let Some(d) = doc.plan
        && let Some(v) = &d.follow_until
    {
        sc.plan_follow_until = Some(cx.year(v, "plan.follow_until")?);
    }
    if let Some(d) = doc.population {
        if let Some(v) = &d.growth_pct {
            let p = cx.path(v, "population.growth_pct", false)?;
            growth(&p, v, "population.growth_pct")?;
            sc.population.growth_pct = Some(p);
        }
        if let Some(v) = &d.file {
            let name = cx.text(v, "population.file")?;
            let dir = FsPath::new(file).parent().unwrap_or(FsPath::new("."));
            let path = dir.join(&name);
            let csv_text = read_to_string(&path).map_err(|e| {
                Error::config(
                    cx.at(v.span()),
                    format!("population.file: cannot read {}", path.display()),
                )
                .context_of(e)
            })?;
            // A projection file covers more years than a forecast: those
            // beyond the horizon only guide the line towards them, earlier
            // ones are not used.
            let values = population_csv(&csv_text, &path.display().to_string())?;
            sc.population.values.extend(values);
        }
        if let Some(v) = &d.values {
            let m = cx.year_map(v, "population.values")?;
            for y in m.keys() {
                Dated::set(
                    &mut sc.dated,
                    "population.values",
                    *y,
                    cx.origin(v.span(), &format!("population.values.{y}")),
                );
            }
            if m.values().any(|x| x.is_zero()) {
                return Err(cx.err(
                    v.span(),
                    "population.values",
                    "a population must be positive",
                ));
            }
            if let Some((y, _)) = m.iter().find(|(_, x)| **x > Decimal::from(MAX_POPULATION)) {
                return Err(cx.err(
                    v.span(),
                    &format!("population.values.{y}"),
                    format!("more than {MAX_POPULATION} residents"),
                ));
            }
            sc.population.values.extend(m);
        }
    }
    if let Some(d) = doc.tax {
        let t = &mut sc.tax;
        if let Some(v) = &d.income_share_pct {
            t.income_share_pct =
                cx.bounded_pct(v, "tax.income_share_pct", Decimal::ZERO, dec("100"))?;
        }
        if let Some(v) = &d.property_share_pct {
            t.property_share_pct =
                cx.bounded_pct(v, "tax.property_share_pct", Decimal::ZERO, dec("100"))?;
        }
        if t.income_share_pct + t.property_share_pct > dec("100") {
            let v = d
                .income_share_pct
                .as_ref()
                .or(d.property_share_pct.as_ref());
            let span = v.map(|v| v.span()).unwrap_or(0..0);
            return Err(cx.err(
                span,
                "tax.income_share_pct",
                "income and property tax shares add up to more than 100 %",
            ));
        }
        if let Some(v) = &d.rate_pct {
            t.rate_pct = Some(cx.bounded_pct(v, "tax.rate_pct", dec("0.01"), dec("40"))?);
        }
        for (opt, key, slot) in [
            (
                &d.earnings_growth_pct,
                "tax.earnings_growth_pct",
                &mut t.earnings_growth_pct,
            ),
            (
                &d.employment_growth_pct,
                "tax.employment_growth_pct",
                &mut t.employment_growth_pct,
            ),
            (
                &d.property_growth_pct,
                "tax.property_growth_pct",
                &mut t.property_growth_pct,
            ),
            (
                &d.corporate_growth_pct,
                "tax.corporate_growth_pct",
                &mut t.corporate_growth_pct,
            ),
        ] {
            if let Some(v) = opt {
                let p = cx.path(v, key, false)?;
                growth(&p, v, key)?;
                *slot = p;
            }
        }
        if let Some(v) = &d.first_year_effect_pct {
            t.first_year_effect_pct =
                cx.bounded_pct(v, "tax.first_year_effect_pct", Decimal::ZERO, dec("100"))?;
        }
        rate_changes(&cx, d.rate_change, "tax.rate_change", &mut t.rate_changes)?;
    }
    if let Some(d) = doc.state_subsidies {
        if let Some(v) = &d.index_pct {
            let p = cx.path(v, "state_subsidies.index_pct", false)?;
            growth(&p, v, "state_subsidies.index_pct")?;
            sc.subsidies.index_pct = Some(p);
        }
        if let Some(v) = &d.follow_population {
            sc.subsidies.follow_population = cx.bool(v, "state_subsidies.follow_population")?;
        }
        measures(
            &cx,
            d.change,
            "state_subsidies.change",
            &mut sc.subsidies.changes,
        )?;
    }
    if let Some(d) = doc.operations {
        let o = &mut sc.operations;
        if let Some(v) = &d.income_real_growth_pct {
            let p = cx.path(v, "operations.income_real_growth_pct", false)?;
            growth(&p, v, "operations.income_real_growth_pct")?;
            o.income_real_growth_pct = p;
        }
        if let Some(v) = &d.cost_follows_population_pct {
            o.cost_follows_population_pct = cx.bounded_pct(
                v,
                "operations.cost_follows_population_pct",
                Decimal::ZERO,
                dec("100"),
            )?;
        }
        if let Some(v) = &d.cost_real_growth_pct {
            let p = cx.path(v, "operations.cost_real_growth_pct", false)?;
            growth(&p, v, "operations.cost_real_growth_pct")?;
            o.cost_real_growth_pct = p;
        }
        let before = o.savings.len();
        measures(&cx, d.savings, "operations.savings", &mut o.savings)?;
        if let Some(m) = o.savings[before..]
            .iter()
            .find(|m| m.amount < Decimal::ZERO)
        {
            return Err(Error::config(
                Location::line(file, m.at.line),
                format!(
                    "{}: a saving is written as a positive amount (it lowers costs)",
                    m.at.key
                ),
            ));
        }
        measures(
            &cx,
            d.income_change,
            "operations.income_change",
            &mut o.income_changes,
        )?;
    }
    if let Some(d) = doc.investments {
        let inv = &mut sc.investments;
        for (opt, key, slot) in [
            (
                &d.trend_gross,
                "investments.trend_gross",
                &mut inv.trend_gross,
            ),
            (
                &d.trend_subsidies,
                "investments.trend_subsidies",
                &mut inv.trend_subsidies,
            ),
            (
                &d.trend_sales,
                "investments.trend_sales",
                &mut inv.trend_sales,
            ),
        ] {
            if let Some(v) = opt {
                let p = cx.path(v, key, true)?;
                cx.check_path(&p, v, key, Decimal::ZERO, dec("100000000000"))?;
                *slot = Some(p);
            }
        }
        if let Some(v) = &d.existing_runoff_years {
            inv.existing_runoff_years =
                Some(cx.int(v, "investments.existing_runoff_years", 0..101)?);
        }
        if let Some(v) = &d.life_years {
            let toml::Value::Table(t) = v.get_ref() else {
                return Err(cx.err(
                    v.span(),
                    "investments.life_years",
                    "expected a table such as { buildings = 30 }",
                ));
            };
            for (k, x) in t {
                let key = format!("investments.life_years.{k}");
                let class = AssetClass::parse(k).ok_or_else(|| {
                    cx.err(v.span(), &key, "unknown asset class; use buildings, structures, machinery, intangible, land or general")
                })?;
                let n = match x {
                    toml::Value::Integer(i) if (0..=100).contains(i) => *i as u32,
                    _ => {
                        return Err(cx.err(
                            v.span(),
                            &key,
                            format!("expected years from 0 to 100, found {x}"),
                        ));
                    }
                };
                inv.life_years.insert(class, n);
            }
        }
        for (i, item) in d.project.into_iter().flatten().enumerate() {
            let span = item.span();
            let k = format!("investments.project[{}]", i + 1);
            let p = item.into_inner();
            let name = p
                .name
                .as_ref()
                .map(|v| cx.text(v, &format!("{k}.name")))
                .transpose()?
                .ok_or_else(|| cx.err(span.clone(), &k, "a project needs a 'name'"))?;
            let k = format!("investments.project '{name}'");
            let idx = match inv.projects.iter().position(|x| x.name == name) {
                Some(i) => i,
                None => {
                    inv.projects.push(Project {
                        name: name.clone(),
                        cost: Decimal::ZERO,
                        years: Vec::new(),
                        spending: None,
                        subsidy: Decimal::ZERO,
                        land_sales: Decimal::ZERO,
                        class: AssetClass::General,
                        in_plan: Vec::new(),
                        plan_spending: None,
                        at: cx.origin(span.clone(), &k),
                    });
                    if p.cost.is_none() {
                        return Err(cx.err(span, &k, "the project has no 'cost'"));
                    }
                    if p.years.is_none() {
                        return Err(cx.err(span, &k, "the project has no 'years'"));
                    }
                    inv.projects.len() - 1
                }
            };
            let pr = &mut inv.projects[idx];
            pr.at = cx.origin(span.clone(), &k);
            // Moving a project keeps where the plan had it, spending and all.
            if !pr.in_plan.is_empty() && pr.in_plan == pr.years && pr.plan_spending.is_none() {
                pr.plan_spending = pr.spending.clone();
            }
            if let Some(v) = &p.cost {
                pr.cost = cx.money(v, &format!("{k}.cost"))?;
                if pr.cost <= Decimal::ZERO {
                    return Err(cx.err(
                        v.span(),
                        &format!("{k}.cost"),
                        "the cost must be positive",
                    ));
                }
            }
            if let Some(v) = &p.years {
                pr.years = cx.years(v, &format!("{k}.years"))?;
                if p.spending.is_none() {
                    pr.spending = None;
                }
            }
            if let Some(v) = &p.spending {
                let key = format!("{k}.spending");
                let toml::Value::Array(a) = v.get_ref() else {
                    return Err(cx.err(v.span(), &key, "expected a list of amounts, one per year"));
                };
                let list = a
                    .iter()
                    .map(|x| cx.amount(x, v.span(), &key))
                    .collect::<Result<Vec<_>>>()?;
                pr.spending = Some(list);
            }
            if let Some(v) = &p.subsidy {
                pr.subsidy = cx.money(v, &format!("{k}.subsidy"))?;
            }
            if let Some(v) = &p.land_sales {
                pr.land_sales = cx.money(v, &format!("{k}.land_sales"))?;
            }
            if let Some(v) = &p.class {
                let s = cx.text(v, &format!("{k}.class"))?;
                pr.class = AssetClass::parse(&s).ok_or_else(|| {
                    cx.err(v.span(), &format!("{k}.class"), format!("unknown asset class '{s}'; use buildings, structures, machinery, intangible, land or general"))
                })?;
            }
            if let Some(v) = &p.in_plan {
                pr.in_plan = cx.years(v, &format!("{k}.in_plan"))?;
            }
            if let Some(s) = &pr.spending {
                if s.len() != pr.years.len() {
                    return Err(cx.err(
                        span,
                        &format!("{k}.spending"),
                        format!("{} amounts for {} years", s.len(), pr.years.len()),
                    ));
                }
                let total: Decimal = s.iter().sum();
                if total != pr.cost {
                    return Err(cx.err(
                        span,
                        &format!("{k}.spending"),
                        format!(
                            "the amounts add up to {} €, the cost is {} €",
                            total.normalize(),
                            pr.cost.normalize()
                        ),
                    ));
                }
                if s.iter().any(|x| *x < Decimal::ZERO) {
                    return Err(cx.err(span, &format!("{k}.spending"), "an amount is negative"));
                }
            }
            if pr.subsidy < Decimal::ZERO || pr.subsidy > pr.cost {
                return Err(cx.err(
                    span,
                    &format!("{k}.subsidy"),
                    "the subsidy must be between 0 and the cost",
                ));
            }
            if pr.land_sales < Decimal::ZERO {
                return Err(cx.err(span, &format!("{k}.land_sales"), "must not be negative"));
            }
            if pr.years.is_empty() {
                return Err(cx.err(span, &format!("{k}.years"), "the project has no years"));
            }
        }
    }
    if let Some(d) = doc.loans {
        let l = &mut sc.loans;
        if let Some(v) = &d.interest_rate_pct {
            let p = cx.path(v, "loans.interest_rate_pct", false)?;
            cx.check_path(&p, v, "loans.interest_rate_pct", Decimal::ZERO, dec("30"))?;
            l.interest_rate_pct = Some(p);
        }
        if let Some(v) = &d.variable_share_pct {
            l.variable_share_pct =
                cx.bounded_pct(v, "loans.variable_share_pct", Decimal::ZERO, dec("100"))?;
        }
        if let Some(v) = &d.average_maturity_years {
            let m = cx.pct(v, "loans.average_maturity_years")?;
            if m <= Decimal::ZERO || m > dec("100") {
                return Err(cx.err(
                    v.span(),
                    "loans.average_maturity_years",
                    "expected years from above 0 to 100",
                ));
            }
            l.average_maturity_years = Some(m);
        }
        if let Some(v) = &d.repayments {
            let m = cx.year_map(v, "loans.repayments")?;
            l.repayments.extend(m.clone());
            for y in m.keys() {
                Dated::set(
                    &mut sc.dated,
                    "loans.repayments",
                    *y,
                    cx.origin(v.span(), &format!("loans.repayments.{y}")),
                );
            }
        }
        if let Some(v) = &d.min_cash_days {
            l.min_cash_days =
                cx.bounded_pct(v, "loans.min_cash_days", Decimal::ZERO, dec("365"))?;
        }
        if let Some(v) = &d.min_cash {
            let m = cx.money(v, "loans.min_cash")?;
            if m < Decimal::ZERO {
                return Err(cx.err(v.span(), "loans.min_cash", "must not be negative"));
            }
            l.min_cash = Some(m);
        }
        rate_changes(&cx, d.rate_change, "loans.rate_change", &mut l.rate_changes)?;
    }
    for (i, item) in doc.uncertainty.into_iter().flatten().enumerate() {
        let span = item.span();
        let k = format!("uncertainty[{}]", i + 1);
        let d = item.into_inner();
        let key = d
            .driver
            .as_ref()
            .map(|v| cx.text(v, &format!("{k}.driver")))
            .transpose()?
            .ok_or_else(|| cx.err(span.clone(), &k, "'driver' is missing"))?;
        let driver = Driver::parse(&key).ok_or_else(|| {
            cx.err(
                span.clone(),
                &format!("{k}.driver"),
                format!(
                    "'{key}' is not a driver that can be uncertain; use one of {}",
                    Driver::KEYS.join(", ")
                ),
            )
        })?;
        let k = format!("uncertainty '{key}'");
        let num = |v: &Option<V>, name: &str| -> Result<Option<f64>> {
            v.as_ref()
                .map(|v| {
                    cx.pct(v, &format!("{k}.{name}"))
                        .map(|x| x.to_string().parse::<f64>().unwrap_or(f64::NAN))
                })
                .transpose()
        };
        let need = |v: &Option<V>, name: &str| -> Result<f64> {
            num(v, name)?.ok_or_else(|| cx.err(span.clone(), &k, format!("'{name}' is missing")))
        };
        let dist_name = d
            .distribution
            .as_ref()
            .map(|v| cx.text(v, &format!("{k}.distribution")))
            .transpose()?
            .ok_or_else(|| cx.err(span.clone(), &k, "'distribution' is missing"))?;
        let dist = match dist_name
            .trim()
            .to_lowercase()
            .replace(['-', ' '], "_")
            .as_str()
        {
            "normal" => Dist::Normal {
                mean: need(&d.mean, "mean")?,
                sd: need(&d.sd, "sd")?,
            },
            "lognormal" | "log_normal" => Dist::LogNormal {
                mean: need(&d.mean, "mean")?,
                sd: need(&d.sd, "sd")?,
            },
            "triangular" => Dist::Triangular {
                min: need(&d.min, "min")?,
                mode: need(&d.mode, "mode")?,
                max: need(&d.max, "max")?,
            },
            "pert" => Dist::Pert {
                min: need(&d.min, "min")?,
                mode: need(&d.mode, "mode")?,
                max: need(&d.max, "max")?,
            },
            "uniform" => Dist::Uniform {
                min: need(&d.min, "min")?,
                max: need(&d.max, "max")?,
            },
            "student_t" | "t" | "students_t" => Dist::StudentT {
                location: need(&d.location, "location")?,
                scale: need(&d.scale, "scale")?,
                df: need(&d.df, "df")?,
            },
            other => {
                return Err(cx.err(
                    span,
                    &format!("{k}.distribution"),
                    format!(
                        "'{other}' is not normal, lognormal, triangular, pert, uniform or student_t"
                    ),
                ));
            }
        };
        dist.check().map_err(|m| cx.err(span.clone(), &k, m))?;
        let persistence = num(&d.persistence, "persistence")?.unwrap_or(0.0);
        if !(0.0..=1.0).contains(&persistence) {
            return Err(cx.err(span, &format!("{k}.persistence"), "must be between 0 and 1"));
        }
        let entry = Uncertain {
            driver,
            dist,
            persistence,
            at: cx.origin(span, &k),
        };
        let list = &mut sc.uncertainty.items;
        match list.iter().position(|x| x.driver == entry.driver) {
            Some(i) => list[i] = entry,
            None => list.push(entry),
        }
    }
    for (i, item) in doc.correlation.into_iter().flatten().enumerate() {
        let span = item.span();
        let k = format!("correlation[{}]", i + 1);
        let d = item.into_inner();
        let text = |v: &Option<V>, n: &str| -> Result<String> {
            v.as_ref()
                .map(|v| cx.text(v, &format!("{k}.{n}")))
                .transpose()?
                .ok_or_else(|| cx.err(span.clone(), &k, format!("'{n}' is missing")))
        };
        let (a, b) = (text(&d.a, "a")?, text(&d.b, "b")?);
        let rho = match &d.rho {
            Some(v) => cx.bounded_pct(v, &format!("{k}.rho"), dec("-1"), dec("1"))?,
            None => return Err(cx.err(span, &k, "'rho' is missing")),
        };
        sc.uncertainty.correlations.push(Correlation {
            a,
            b,
            rho: rho.to_string().parse().unwrap_or(0.0),
            at: cx.origin(span, &k),
        });
    }
    if let Some(d) = doc.group {
        if let Some(v) = &d.companies_loan_growth_pct {
            let p = cx.path(v, "group.companies_loan_growth_pct", false)?;
            growth(&p, v, "group.companies_loan_growth_pct")?;
            sc.group.companies_loan_growth_pct = p;
        }
        if let Some(v) = &d.companies_loans {
            let m = cx.year_map(v, "group.companies_loans")?;
            sc.group.companies_loans.extend(m);
        }
        if let Some(v) = &d.lease_growth_pct {
            let p = cx.path(v, "group.lease_growth_pct", false)?;
            growth(&p, v, "group.lease_growth_pct")?;
            sc.group.lease_growth_pct = p;
        }
    }
    Ok(())
}

/// A value as an error message shows it: a float too large for a figure in
/// exponent form (1e308, not three hundred digits).
fn shown(v: &toml::Value) -> String {
    match v {
        toml::Value::Float(f) if f.abs() >= 1e15 => format!("{f:e}"),
        _ => v.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn money_as_written() {
        assert_eq!(parse_money("2,5 M€"), Some(dec!(2500000)));
        assert_eq!(parse_money("2 500 t€"), Some(dec!(2500000)));
        assert_eq!(parse_money("-0,5 milj. €"), Some(dec!(-500000)));
        assert_eq!(parse_money("1 234 567 €"), Some(dec!(1234567)));
        assert_eq!(parse_money("1,234,567.50 €"), Some(dec!(1234567.50)));
        assert_eq!(parse_money("12 000"), Some(dec!(12000)));
        assert_eq!(parse_money("lots"), None);
    }
}
