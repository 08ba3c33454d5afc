//! Every key a scenario file may hold, once: its type as the reference
//! shows it, its default, its meaning and, for a plain setting, where it
//! sits in the file and in [`Scenario`] and which values it takes. From
//! this table come the reader's checks and error messages (`apply.rs`),
//! `kivijalka scenario keys` and the table in scenarios/README.md,
//! `scenario show` and `scenario diff` (report/scenario.rs), and the keys
//! `[[uncertainty]]` may name ([`DRIVERS`]).
//!
//! Why this shape: a plain setting (one value, one field) is wholly
//! described by data, so it is read, checked and shown by one generic
//! reader and one generic printer. Lists, tables by year and projects merge
//! across files with rules of their own (a project changed by name, years
//! recorded for the horizon check), so their rows document them and their
//! readers are code. The serde structs in `doc.rs` stay the shape of the
//! document because they keep every value's line and refuse an unknown key
//! with toml's own message; a test keeps their fields and these keys equal.
//! One accessor (`At`) serves reading and writing, so a field is named
//! once; the printer works on a copy.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::doc::{Doc, V};
use crate::model::scenario::{AssetClass, Path, Scenario};
use crate::model::uncertainty::Driver;

/// Where a plain setting lives in a [`Scenario`].
pub type At<T> = fn(&mut Scenario) -> &mut T;

/// Where a plain setting is written in a file, when it is.
pub(crate) type In = fn(&Doc) -> Option<&V>;

/// A growth rate beyond ±50 % a year is no trend a projection can carry.
const GROWTH: (Decimal, Decimal) = (dec!(-50), dec!(50));
/// A share of a whole, %.
const SHARE: (Decimal, Decimal) = (Decimal::ZERO, dec!(100));
/// A trend of investment beyond 100 billion euros a year is a typo.
const TREND: (Decimal, Decimal) = (Decimal::ZERO, dec!(100000000000));

/// The value a plain setting takes and the bounds it is checked against.
pub enum Field {
    /// Text in quotes; `hide_empty`: empty text is not shown.
    Text {
        at: At<String>,
        hide_empty: bool,
    },
    /// A year; unset, the rule of its default holds.
    Year(At<Option<i32>>),
    /// A percentage path, always set (the default is a value).
    Rate {
        at: At<Path>,
        range: (Decimal, Decimal),
    },
    /// A percentage path whose default is a rule.
    OptRate {
        at: At<Option<Path>>,
        range: (Decimal, Decimal),
    },
    /// A money path, from zero to the bound.
    MoneyPath {
        at: At<Option<Path>>,
        range: (Decimal, Decimal),
    },
    /// A number within bounds (a share, days).
    Share {
        at: At<Decimal>,
        range: (Decimal, Decimal),
    },
    OptShare {
        at: At<Option<Decimal>>,
        range: (Decimal, Decimal),
    },
    Bool(At<bool>),
    /// A whole number of years from 0 to `max`.
    Count {
        at: At<Option<u32>>,
        max: i64,
    },
    /// Years above 0 up to 100, fractions allowed.
    Maturity(At<Option<Decimal>>),
    /// Euros, not negative.
    Money(At<Option<Decimal>>),
}

/// What `scenario show` says of a setting that is not set.
pub enum Unset {
    /// The default's words, marked "(default)".
    Default,
    /// Other words, marked "(default)": the reference says what the
    /// default is, `show` what it does.
    Says(&'static str),
    /// Nothing: the setting replaces a rule only when given.
    Hidden,
}

/// A plain setting: one value in the file, one field in the scenario.
pub struct Setting {
    pub(crate) doc: In,
    pub field: Field,
    /// The unit `show` writes after a number.
    pub unit: &'static str,
    pub unset: Unset,
}

/// A key's default in the reference.
pub enum KeyDefault {
    /// The value [`Scenario::default`] holds, so code and reference agree.
    Code,
    /// A rule or a reading of the workbook, in words.
    Says(&'static str),
    /// The asset classes' useful lives ([`AssetClass::default_life`]).
    Lives,
}

/// One documented key of a scenario file.
pub struct Key {
    pub key: &'static str,
    /// The value it takes, as the reference writes it.
    pub value: &'static str,
    pub default: KeyDefault,
    /// Read, checked and shown through the registry; `None` for lists,
    /// tables and projects, which have readers of their own.
    pub setting: Option<Setting>,
    /// `{drivers}` stands for the list of [`DRIVERS`].
    pub meaning: &'static str,
}

#[rustfmt::skip]
pub static KEYS: &[Key] = &[
    Key { key: "extends", value: "file", default: KeyDefault::Says("none"), setting: None,
        meaning: "Another scenario file (relative to this one) whose settings this one starts from." },
    Key { key: "name", value: "text", default: KeyDefault::Says("the file name"), setting: Some(Setting { doc: |d| d.name.as_ref(), field: Field::Text { at: |s| &mut s.name, hide_empty: false }, unit: "", unset: Unset::Default }),
        meaning: "The scenario's name in tables and comparisons." },
    Key { key: "description", value: "text", default: KeyDefault::Says("empty"), setting: Some(Setting { doc: |d| d.description.as_ref(), field: Field::Text { at: |s| &mut s.description, hide_empty: true }, unit: "", unset: Unset::Default }),
        meaning: "What the scenario assumes, in words." },
    Key { key: "horizon", value: "year", default: KeyDefault::Says("last actual year + 10"), setting: Some(Setting { doc: |d| d.horizon.as_ref(), field: Field::Year(|s| &mut s.horizon), unit: "", unset: Unset::Default }),
        meaning: "The last projected year." },
    Key { key: "price_index_pct", value: "% path", default: KeyDefault::Code, setting: Some(Setting { doc: |d| d.price_index_pct.as_ref(), field: Field::Rate { at: |s| &mut s.price_index_pct, range: GROWTH }, unit: "%", unset: Unset::Default }),
        meaning: "Price index change for years the index series (shipped KPHI and --index files) does not have; drives cost and income growth, indexing and indicator 3." },
    Key { key: "plan.follow_until", value: "year", default: KeyDefault::Says("the last budget/plan year"), setting: Some(Setting { doc: |d| d.plan.as_ref()?.follow_until.as_ref(), field: Field::Year(|s| &mut s.plan_follow_until), unit: "", unset: Unset::Says("every budget and plan year") }),
        meaning: "Budget and plan years after this are projected by the drivers instead of taken as given." },
    Key { key: "population.growth_pct", value: "% path", default: KeyDefault::Says("average of the last five actual years"), setting: Some(Setting { doc: |d| d.population.as_ref()?.growth_pct.as_ref(), field: Field::OptRate { at: |s| &mut s.population.growth_pct, range: GROWTH }, unit: "%", unset: Unset::Default }),
        meaning: "Yearly change of the population beyond the plan." },
    Key { key: "population.values", value: "{ year = residents }", default: KeyDefault::Says("none"), setting: None,
        meaning: "Residents on 31 Dec by year; years between two values are on a straight line." },
    Key { key: "population.file", value: "file", default: KeyDefault::Says("none"), setting: None,
        meaning: "A CSV of residents by year (columns `year` or `vuosi`, then the population; comma or semicolon separated), such as Statistics Finland's population projection, relative to this file. Its years may reach beyond the projection (later ones guide the line towards them); `population.values` in the same file win." },
    Key { key: "tax.income_share_pct", value: "%", default: KeyDefault::Code, setting: Some(Setting { doc: |d| d.tax.as_ref()?.income_share_pct.as_ref(), field: Field::Share { at: |s| &mut s.tax.income_share_pct, range: SHARE }, unit: "%", unset: Unset::Default }),
        meaning: "Municipal income tax as a share of verotulot in the last given year (take it from the notes of your statements)." },
    Key { key: "tax.property_share_pct", value: "%", default: KeyDefault::Code, setting: Some(Setting { doc: |d| d.tax.as_ref()?.property_share_pct.as_ref(), field: Field::Share { at: |s| &mut s.tax.property_share_pct, range: SHARE }, unit: "%", unset: Unset::Default }),
        meaning: "Property tax share of verotulot; the corporate tax share is the rest." },
    Key { key: "tax.rate_pct", value: "%", default: KeyDefault::Says("the workbook's Tuloveroprosentti"), setting: Some(Setting { doc: |d| d.tax.as_ref()?.rate_pct.as_ref(), field: Field::OptShare { at: |s| &mut s.tax.rate_pct, range: (dec!(0.01), dec!(40)) }, unit: "%", unset: Unset::Hidden }),
        meaning: "Income tax rate, when the workbook does not give it." },
    Key { key: "tax.earnings_growth_pct", value: "% path", default: KeyDefault::Code, setting: Some(Setting { doc: |d| d.tax.as_ref()?.earnings_growth_pct.as_ref(), field: Field::Rate { at: |s| &mut s.tax.earnings_growth_pct, range: GROWTH }, unit: "%", unset: Unset::Default }),
        meaning: "Growth of taxable earnings per employed person." },
    Key { key: "tax.employment_growth_pct", value: "% path", default: KeyDefault::Code, setting: Some(Setting { doc: |d| d.tax.as_ref()?.employment_growth_pct.as_ref(), field: Field::Rate { at: |s| &mut s.tax.employment_growth_pct, range: GROWTH }, unit: "%", unset: Unset::Default }),
        meaning: "Growth of employment; the taxable income base grows by both." },
    Key { key: "tax.property_growth_pct", value: "% path", default: KeyDefault::Code, setting: Some(Setting { doc: |d| d.tax.as_ref()?.property_growth_pct.as_ref(), field: Field::Rate { at: |s| &mut s.tax.property_growth_pct, range: GROWTH }, unit: "%", unset: Unset::Default }),
        meaning: "Growth of property tax revenue." },
    Key { key: "tax.corporate_growth_pct", value: "% path", default: KeyDefault::Code, setting: Some(Setting { doc: |d| d.tax.as_ref()?.corporate_growth_pct.as_ref(), field: Field::Rate { at: |s| &mut s.tax.corporate_growth_pct, range: GROWTH }, unit: "%", unset: Unset::Default }),
        meaning: "Growth of the corporate tax share." },
    Key { key: "tax.first_year_effect_pct", value: "%", default: KeyDefault::Code, setting: Some(Setting { doc: |d| d.tax.as_ref()?.first_year_effect_pct.as_ref(), field: Field::Share { at: |s| &mut s.tax.first_year_effect_pct, range: SHARE }, unit: "%", unset: Unset::Default }),
        meaning: "Share of a rate change received in its first year; the rest comes the next year with the final assessment." },
    Key { key: "[[tax.rate_change]] from, change_pp", value: "year, percentage points", default: KeyDefault::Says("none"), setting: None,
        meaning: "The income tax rate changes by change_pp from the year on (0.5 = half a percentage point)." },
    Key { key: "state_subsidies.index_pct", value: "% path", default: KeyDefault::Says("the price index"), setting: Some(Setting { doc: |d| d.state_subsidies.as_ref()?.index_pct.as_ref(), field: Field::OptRate { at: |s| &mut s.subsidies.index_pct, range: GROWTH }, unit: "%", unset: Unset::Default }),
        meaning: "Yearly index of valtionosuudet beyond the plan." },
    Key { key: "state_subsidies.follow_population", value: "true/false", default: KeyDefault::Code, setting: Some(Setting { doc: |d| d.state_subsidies.as_ref()?.follow_population.as_ref(), field: Field::Bool(|s| &mut s.subsidies.follow_population), unit: "", unset: Unset::Default }),
        meaning: "Valtionosuudet beyond the plan change with the population." },
    Key { key: "[[state_subsidies.change]] from, to, amount", value: "year, year, money", default: KeyDefault::Says("none"), setting: None,
        meaning: "A decided cut (negative) or addition from a year (to a year), every year it covers." },
    Key { key: "operations.income_real_growth_pct", value: "% path", default: KeyDefault::Code, setting: Some(Setting { doc: |d| d.operations.as_ref()?.income_real_growth_pct.as_ref(), field: Field::Rate { at: |s| &mut s.operations.income_real_growth_pct, range: GROWTH }, unit: "%", unset: Unset::Default }),
        meaning: "Operating income grows by the price index plus this beyond the plan." },
    Key { key: "operations.cost_real_growth_pct", value: "% path", default: KeyDefault::Code, setting: Some(Setting { doc: |d| d.operations.as_ref()?.cost_real_growth_pct.as_ref(), field: Field::Rate { at: |s| &mut s.operations.cost_real_growth_pct, range: GROWTH }, unit: "%", unset: Unset::Default }),
        meaning: "Operating costs grow by the price index plus this beyond the plan." },
    Key { key: "operations.cost_follows_population_pct", value: "%", default: KeyDefault::Code, setting: Some(Setting { doc: |d| d.operations.as_ref()?.cost_follows_population_pct.as_ref(), field: Field::Share { at: |s| &mut s.operations.cost_follows_population_pct, range: SHARE }, unit: "%", unset: Unset::Default }),
        meaning: "The share of operating costs that grows and shrinks with the population beyond the plan (100 = costs per resident stay level in real terms)." },
    Key { key: "[[operations.savings]] from, to, amount", value: "year, year, money", default: KeyDefault::Says("none"), setting: None,
        meaning: "Operating costs are lower by the amount every year from (to) the year: a savings programme. Plan years too." },
    Key { key: "[[operations.income_change]] from, to, amount", value: "year, year, money", default: KeyDefault::Says("none"), setting: None,
        meaning: "Operating income higher (or lower, negative) by the amount every year it covers." },
    Key { key: "investments.trend_gross", value: "money path", default: KeyDefault::Says("average of the plan years without named projects, indexed"), setting: Some(Setting { doc: |d| d.investments.as_ref()?.trend_gross.as_ref(), field: Field::MoneyPath { at: |s| &mut s.investments.trend_gross, range: TREND }, unit: "€", unset: Unset::Says("the plan years' average, indexed") }),
        meaning: "Gross investment per year beyond the plan (besides named projects)." },
    Key { key: "investments.trend_subsidies", value: "money path", default: KeyDefault::Says("plan average, indexed"), setting: Some(Setting { doc: |d| d.investments.as_ref()?.trend_subsidies.as_ref(), field: Field::MoneyPath { at: |s| &mut s.investments.trend_subsidies, range: TREND }, unit: "€", unset: Unset::Says("the plan years' average, indexed") }),
        meaning: "Contributions to that investment (rahoitusosuudet) per year." },
    Key { key: "investments.trend_sales", value: "money path", default: KeyDefault::Says("plan average, indexed"), setting: Some(Setting { doc: |d| d.investments.as_ref()?.trend_sales.as_ref(), field: Field::MoneyPath { at: |s| &mut s.investments.trend_sales, range: TREND }, unit: "€", unset: Unset::Says("the plan years' average, indexed") }),
        meaning: "Asset sales (luovutustulot) per year beyond the plan." },
    Key { key: "investments.existing_runoff_years", value: "years", default: KeyDefault::Says("none"), setting: Some(Setting { doc: |d| d.investments.as_ref()?.existing_runoff_years.as_ref(), field: Field::Count { at: |s| &mut s.investments.existing_runoff_years, max: 100 }, unit: "years", unset: Unset::Says("none: the last level until the book value is used") }),
        meaning: "Existing assets' depreciation falls to zero over this many years; without it, it stays at the last given level until their book value is used up." },
    Key { key: "investments.life_years", value: "{ class = years }", default: KeyDefault::Lives, setting: None,
        meaning: "Useful lives by asset class; depreciation is straight-line from the year after completion." },
    Key { key: "[[investments.project]] name", value: "text", default: KeyDefault::Says("required"), setting: None,
        meaning: "A project; a file that extends another changes a project by naming it." },
    Key { key: "[[investments.project]] cost", value: "money", default: KeyDefault::Says("required"), setting: None,
        meaning: "Gross cost." },
    Key { key: "[[investments.project]] years", value: "[years] or \"2027-2029\"", default: KeyDefault::Says("required"), setting: None,
        meaning: "Years of spending; completion is the last." },
    Key { key: "[[investments.project]] spending", value: "[money]", default: KeyDefault::Says("even split"), setting: None,
        meaning: "Spending by year, one amount per year of `years`, adding up to the cost." },
    Key { key: "[[investments.project]] subsidy", value: "money", default: KeyDefault::Says("0"), setting: None,
        meaning: "Contributions received, in proportion to spending; deducted from the depreciable cost." },
    Key { key: "[[investments.project]] land_sales", value: "money", default: KeyDefault::Says("0"), setting: None,
        meaning: "Asset or land sales tied to the project, in its completion year." },
    Key { key: "[[investments.project]] class", value: "buildings, structures, machinery, intangible, land, general", default: KeyDefault::Says("general"), setting: None,
        meaning: "Asset class, for the useful life." },
    Key { key: "[[investments.project]] in_plan", value: "[years]", default: KeyDefault::Says("none"), setting: None,
        meaning: "Where the workbook's budget and plan already hold the project; moving its `years` moves the spending out of these years instead of adding to them." },
    Key { key: "loans.interest_rate_pct", value: "% path", default: KeyDefault::Says("implied by the last given year"), setting: Some(Setting { doc: |d| d.loans.as_ref()?.interest_rate_pct.as_ref(), field: Field::OptRate { at: |s| &mut s.loans.interest_rate_pct, range: (Decimal::ZERO, dec!(30)) }, unit: "%", unset: Unset::Default }),
        meaning: "Interest on the average loan stock beyond the plan." },
    Key { key: "[[loans.rate_change]] from, change_pp", value: "year, percentage points", default: KeyDefault::Says("none"), setting: None,
        meaning: "Interest rates change by change_pp from the year on, plan years too (an interest shock)." },
    Key { key: "loans.variable_share_pct", value: "%", default: KeyDefault::Code, setting: Some(Setting { doc: |d| d.loans.as_ref()?.variable_share_pct.as_ref(), field: Field::Share { at: |s| &mut s.loans.variable_share_pct, range: SHARE }, unit: "%", unset: Unset::Default }),
        meaning: "Share of the loan stock whose interest follows a rate change." },
    Key { key: "loans.average_maturity_years", value: "years", default: KeyDefault::Says("loans / repayments of the last given year"), setting: Some(Setting { doc: |d| d.loans.as_ref()?.average_maturity_years.as_ref(), field: Field::Maturity(|s| &mut s.loans.average_maturity_years), unit: "years", unset: Unset::Default }),
        meaning: "Loans are repaid by stock / this each year beyond the plan." },
    Key { key: "loans.repayments", value: "{ year = money }", default: KeyDefault::Says("none"), setting: None,
        meaning: "Repayments of long-term loans in those years, instead of the plan's or the maturity rule's." },
    Key { key: "loans.min_cash_days", value: "days", default: KeyDefault::Code, setting: Some(Setting { doc: |d| d.loans.as_ref()?.min_cash_days.as_ref(), field: Field::Share { at: |s| &mut s.loans.min_cash_days, range: (Decimal::ZERO, dec!(365)) }, unit: "days", unset: Unset::Default }),
        meaning: "New long-term loans keep cash at least this many days of operating costs and gross investment (beyond the plan)." },
    Key { key: "loans.min_cash", value: "money", default: KeyDefault::Says("none"), setting: Some(Setting { doc: |d| d.loans.as_ref()?.min_cash.as_ref(), field: Field::Money(|s| &mut s.loans.min_cash), unit: "€", unset: Unset::Hidden }),
        meaning: "The minimum cash in euros instead of days." },
    Key { key: "group.companies_loan_growth_pct", value: "% path", default: KeyDefault::Code, setting: Some(Setting { doc: |d| d.group.as_ref()?.companies_loan_growth_pct.as_ref(), field: Field::Rate { at: |s| &mut s.group.companies_loan_growth_pct, range: GROWTH }, unit: "%", unset: Unset::Default }),
        meaning: "Yearly growth of the group companies' own loans beyond the plan (group loans = city loans + theirs)." },
    Key { key: "group.companies_loans", value: "{ year = money }", default: KeyDefault::Says("none"), setting: None,
        meaning: "The group companies' own loans by year from their plans; the growth applies to the other years." },
    Key { key: "[[uncertainty]] driver", value: "a driver key", default: KeyDefault::Says("required"), setting: None,
        meaning: "The driver that is uncertain: {drivers}. Its deterministic value becomes the distribution's central value." },
    Key { key: "[[uncertainty]] distribution", value: "normal, lognormal, triangular, pert, uniform, student_t", default: KeyDefault::Says("required"), setting: None,
        meaning: "normal and lognormal take mean and sd (of the value); triangular and pert min, mode and max; uniform min and max; student_t location, scale and df. The central value is the mean, mode, midpoint or location." },
    Key { key: "[[uncertainty]] persistence", value: "0 to 1", default: KeyDefault::Says("0"), setting: None,
        meaning: "How much of a year's deviation carries into the next: 0 a fresh draw every year, 1 one draw for the whole path, between a walk (a project's cost is drawn once)." },
    Key { key: "[[correlation]] a, b, rho", value: "driver keys, −1 to 1", default: KeyDefault::Says("none"), setting: None,
        meaning: "Two uncertain drivers move together (a Gaussian copula; each keeps its own distribution)." },
    Key { key: "group.lease_growth_pct", value: "% path", default: KeyDefault::Code, setting: Some(Setting { doc: |d| d.group.as_ref()?.lease_growth_pct.as_ref(), field: Field::Rate { at: |s| &mut s.group.lease_growth_pct, range: GROWTH }, unit: "%", unset: Unset::Default }),
        meaning: "Yearly growth of the group's lease liabilities beyond the plan." },
];

/// A driver `[[uncertainty]]` may name, in the order the reference and
/// error messages list them; `note` says what a key that is not a setting
/// moves.
pub struct DriverKey {
    pub key: &'static str,
    pub driver: Driver,
    pub note: &'static str,
}

#[rustfmt::skip]
pub static DRIVERS: &[DriverKey] = &[
    DriverKey { key: "price_index_pct", driver: Driver::PriceIndex, note: "" },
    DriverKey { key: "tax.earnings_growth_pct", driver: Driver::EarningsGrowth, note: "" },
    DriverKey { key: "tax.employment_growth_pct", driver: Driver::EmploymentGrowth, note: "" },
    DriverKey { key: "tax.property_growth_pct", driver: Driver::PropertyTaxGrowth, note: "" },
    DriverKey { key: "tax.corporate_growth_pct", driver: Driver::CorporateTaxGrowth, note: "" },
    DriverKey { key: "operations.cost_real_growth_pct", driver: Driver::CostRealGrowth, note: "" },
    DriverKey { key: "operations.income_real_growth_pct", driver: Driver::IncomeRealGrowth, note: "" },
    DriverKey { key: "state_subsidies.index_pct", driver: Driver::SubsidyIndex, note: "" },
    DriverKey { key: "population.growth_pct", driver: Driver::PopulationGrowth, note: "" },
    DriverKey { key: "loans.interest_shift_pp", driver: Driver::InterestShift, note: "points on every interest rate, plan years too" },
];

/// A named project's cost overrun, the one driver per project; `NAME` is
/// the project's name.
pub const PROJECT_COST: &str = "investments.project 'NAME'.cost_overrun_pct";

/// Every driver key as error messages list them.
pub fn driver_keys() -> Vec<&'static str> {
    DRIVERS
        .iter()
        .map(|d| d.key)
        .chain([PROJECT_COST])
        .collect()
}

impl Key {
    /// The plain setting of a key, if it is one.
    pub fn setting(key: &str) -> Option<&'static Setting> {
        KEYS.iter()
            .find(|k| k.key == key)
            .and_then(|k| k.setting.as_ref())
    }

    /// Whether `[[uncertainty]]` may name the key.
    pub fn uncertain(&self) -> bool {
        DRIVERS.iter().any(|d| d.key == self.key)
    }

    /// The default as the reference writes it.
    pub fn default_text(&self) -> String {
        match (&self.default, &self.setting) {
            (KeyDefault::Says(s), _) => s.to_string(),
            (KeyDefault::Lives, _) => AssetClass::ALL
                .iter()
                .map(|c| format!("{} {}", c.key(), c.default_life()))
                .collect::<Vec<_>>()
                .join(", "),
            (KeyDefault::Code, Some(s)) => s.field.value_of(&mut Scenario::default()),
            (KeyDefault::Code, None) => "none".into(),
        }
    }

    pub fn meaning_text(&self) -> String {
        let drivers = DRIVERS
            .iter()
            .map(|d| match d.note {
                "" => d.key.to_string(),
                n => format!("{} ({n})", d.key),
            })
            .chain([PROJECT_COST.to_string()])
            .collect::<Vec<_>>()
            .join(", ");
        self.meaning.replace("{drivers}", &drivers)
    }
}

impl Field {
    /// A default value as the reference writes it: as written in the code
    /// (2.0, not 2), so the reference shows the precision meant.
    fn value_of(&self, sc: &mut Scenario) -> String {
        match self {
            Field::Rate { at, .. } => at(sc).base.map_or("none".into(), |b| b.to_string()),
            Field::Share { at, .. } => at(sc).to_string(),
            Field::Bool(at) => at(sc).to_string(),
            _ => "none".into(),
        }
    }

    /// Sets a rate to one value, as an uncertain driver's central value;
    /// false when the field is no rate.
    pub fn set_rate(&self, sc: &mut Scenario, p: Path) -> bool {
        match self {
            Field::Rate { at, .. } => *at(sc) = p,
            Field::OptRate { at, .. } => *at(sc) = Some(p),
            _ => return false,
        }
        true
    }
}

/// The reference of scenario keys as Markdown, for scenarios/README.md.
pub fn keys_markdown() -> String {
    let mut s = String::from("| key | value | default | meaning |\n|---|---|---|---|\n");
    for k in KEYS {
        s.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            k.key,
            k.value,
            k.default_text(),
            k.meaning_text()
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
