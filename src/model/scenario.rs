//! A scenario: the drivers of a projection and the measures a council
//! weighs, resolved from its files (see `scenario_file`) into plain values.
//!
//! Drivers are growth paths that shape the years beyond the budget and plan;
//! measures (a tax rate change, savings, a project moved) are level changes
//! laid on top of every year they cover, the plan years included. That split
//! is what lets a plan year stay exactly as the council approved it in the
//! baseline and still answer "what if we raise the rate from 2027".

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde::{Deserialize, Serialize};

/// The years a flag or a scenario may name: the statements in the present
/// decree's form begin in the 1990s, and a projection beyond 2100 is
/// arithmetic, not planning.
pub const FIRST_YEAR: i32 = 1990;
pub const LAST_YEAR: i32 = 2100;

/// The largest amount a scenario may name or a projection may reach,
/// either sign: a thousand times the state budget. Anything larger is a
/// typo or a unit written twice, and would leave the range of exact
/// arithmetic once it compounds.
pub const MAX_AMOUNT: Decimal = dec!(1_000_000_000_000_000);

/// Where a setting was written: file and line, for error messages. Shared
/// strings, because a simulated path copies the settings it changes.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Origin {
    pub file: std::sync::Arc<str>,
    pub line: usize,
    pub key: std::sync::Arc<str>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, line {}, key '{}'", self.file, self.line, self.key)
    }
}

/// A value by year: each given year's value holds until the next given year;
/// before the first, `base` (when set) holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Path {
    pub base: Option<Decimal>,
    pub steps: BTreeMap<i32, Decimal>,
}

impl Path {
    pub fn constant(v: Decimal) -> Self {
        Path {
            base: Some(v),
            steps: BTreeMap::new(),
        }
    }
    pub fn at(&self, year: i32) -> Option<Decimal> {
        self.steps
            .range(..=year)
            .next_back()
            .map(|(_, v)| *v)
            .or(self.base)
    }
    pub fn is_empty(&self) -> bool {
        self.base.is_none() && self.steps.is_empty()
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(b) = self.base {
            parts.push(b.normalize().to_string());
        }
        for (y, v) in &self.steps {
            parts.push(format!("from {y}: {}", v.normalize()));
        }
        f.write_str(&parts.join(", "))
    }
}

/// A permanent change of a rate (income tax, interest), in percentage points,
/// from a year on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RateChange {
    pub from: i32,
    pub change_pp: Decimal,
    pub at: Origin,
}

/// A change of a yearly amount in euros, from a year on (to a year, when
/// given). Positive improves the economy: more income, less cost.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Measure {
    pub from: i32,
    pub to: Option<i32>,
    pub amount: Decimal,
    pub at: Origin,
}

impl Measure {
    pub fn covers(&self, year: i32) -> bool {
        year >= self.from && self.to.is_none_or(|t| year <= t)
    }
}

/// Asset classes with their own useful lives (the depreciation plan).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AssetClass {
    Buildings,
    Structures,
    Machinery,
    Intangible,
    Land,
    General,
}

impl AssetClass {
    pub const ALL: [AssetClass; 6] = [
        AssetClass::Buildings,
        AssetClass::Structures,
        AssetClass::Machinery,
        AssetClass::Intangible,
        AssetClass::Land,
        AssetClass::General,
    ];
    pub fn key(self) -> &'static str {
        match self {
            AssetClass::Buildings => "buildings",
            AssetClass::Structures => "structures",
            AssetClass::Machinery => "machinery",
            AssetClass::Intangible => "intangible",
            AssetClass::Land => "land",
            AssetClass::General => "general",
        }
    }
    pub fn parse(s: &str) -> Option<AssetClass> {
        let s = s.trim().to_lowercase();
        AssetClass::ALL
            .into_iter()
            .find(|c| c.key() == s)
            .or(match s.as_str() {
                "rakennukset" => Some(AssetClass::Buildings),
                "kiinteät rakenteet" | "kiinteat rakenteet" | "rakenteet" => {
                    Some(AssetClass::Structures)
                }
                "koneet ja kalusto" | "koneet" => Some(AssetClass::Machinery),
                "aineettomat" => Some(AssetClass::Intangible),
                "maa-alueet" | "maa" => Some(AssetClass::Land),
                "yleinen" => Some(AssetClass::General),
                _ => None,
            })
    }
    /// Default useful life in years; land is not depreciated. A judgement in
    /// the middle of the ranges municipalities' depreciation plans use.
    pub fn default_life(self) -> u32 {
        match self {
            AssetClass::Buildings => 30,
            AssetClass::Structures => 20,
            AssetClass::Machinery => 8,
            AssetClass::Intangible => 5,
            AssetClass::Land => 0,
            AssetClass::General => 20,
        }
    }
}

/// One investment project.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Project {
    pub name: String,
    /// Gross cost, euros, spread over `years` (evenly unless `spending` says).
    pub cost: Decimal,
    pub years: Vec<i32>,
    /// Share of the cost by year, euros; sums to `cost`.
    pub spending: Option<Vec<Decimal>>,
    /// State or other contributions (rahoitusosuudet), in proportion to spending.
    pub subsidy: Decimal,
    /// Land or asset sales tied to the project (luovutustulot), in its last year.
    pub land_sales: Decimal,
    pub class: AssetClass,
    /// The years where the workbook's budget and plan already hold this
    /// project's spending; moving the project moves it out of those years.
    pub in_plan: Vec<i32>,
    /// The spending by year as the plan holds it, when the project's own
    /// schedule has since moved.
    pub plan_spending: Option<Vec<Decimal>>,
    pub at: Origin,
}

impl Project {
    /// Spending by year under a schedule of years.
    pub fn spend_over(
        &self,
        years: &[i32],
        spending: Option<&[Decimal]>,
    ) -> BTreeMap<i32, Decimal> {
        let mut out = BTreeMap::new();
        for (y, v) in years.iter().zip(self.spend_list(years, spending)) {
            *out.entry(*y).or_default() += v;
        }
        out
    }
    /// The spending of each year of the schedule, in its order: as given, or
    /// the cost split evenly to the cent, the last year taking the remainder
    /// so the parts add up to the cost exactly.
    fn spend_list(&self, years: &[i32], spending: Option<&[Decimal]>) -> Vec<Decimal> {
        if let Some(s) = spending
            && s.len() == years.len()
        {
            return s.to_vec();
        }
        let n = Decimal::from(years.len().max(1));
        let part = crate::model::money::cents(self.cost / n);
        let mut left = self.cost;
        (0..years.len())
            .map(|i| {
                let v = if i + 1 == years.len() { left } else { part };
                left -= v;
                v
            })
            .collect()
    }
    pub fn spend(&self) -> BTreeMap<i32, Decimal> {
        self.spend_over(&self.years, self.spending.as_deref())
    }
    /// Where the plan holds it: as the plan had it when the project's cost
    /// or schedule has since changed (`plan_spending`), else its own
    /// spending over `in_plan`.
    pub fn planned_spend(&self) -> BTreeMap<i32, Decimal> {
        self.spend_over(&self.in_plan, self.plan_source())
    }
    fn plan_source(&self) -> Option<&[Decimal]> {
        match &self.plan_spending {
            Some(p) if p.len() == self.in_plan.len() => Some(p),
            _ if self.in_plan == self.years => self.spending.as_deref(),
            _ => None,
        }
    }
    /// Fixes the plan's amounts before the cost changes: an overrun is
    /// spending beyond what the plan holds, not a larger share of the plan
    /// that would push the plan's other investments out.
    pub fn hold_plan(&mut self) {
        if !self.in_plan.is_empty() && self.plan_spending.is_none() {
            self.plan_spending = Some(self.spend_list(&self.in_plan, self.plan_source()));
        }
    }
    pub fn completion(years: &[i32]) -> Option<i32> {
        years.iter().max().copied()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tax {
    /// Shares of verotulot in the last given year, %; corporate tax is the rest.
    pub income_share_pct: Decimal,
    pub property_share_pct: Decimal,
    /// The scenario gives a share itself: then its shares outrank the
    /// workbook's breakdown of the taxes, which otherwise outranks them.
    #[serde(skip)]
    pub shares_given: bool,
    /// The income tax rate, %, when the workbook has no Tuloveroprosentti.
    pub rate_pct: Option<Decimal>,
    pub earnings_growth_pct: Path,
    pub employment_growth_pct: Path,
    pub property_growth_pct: Path,
    pub corporate_growth_pct: Path,
    /// Share of a rate change's effect received in its first year, %; the
    /// rest arrives the year after with the final assessment.
    pub first_year_effect_pct: Decimal,
    pub rate_changes: Vec<RateChange>,
    /// Income tax beyond the plan follows the number of residents: the
    /// taxable income per resident grows by earnings and employment.
    pub follows_population: bool,
    /// The weighted average property tax rate, %; with the base (or the
    /// rate of the last given year) property tax is rate × base.
    pub property_rate_pct: Option<Path>,
    /// The property tax base (verotusarvo) of the last given year, euros;
    /// it grows by `property_growth_pct`.
    pub property_base: Option<Decimal>,
    /// The municipalities' share of corporate tax by year, %: a change of
    /// the share scales the city's corporate tax.
    pub corporate_share_pct: Option<Path>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Subsidies {
    /// Yearly index of valtionosuudet, %; default: the price index.
    pub index_pct: Option<Path>,
    pub follow_population: bool,
    pub changes: Vec<Measure>,
    /// The user's own cut of the basic-services part's index, percentage
    /// points of the city's part by year; default: none.
    pub index_cut_pp: Path,
    /// The state's decided index savings, euros per resident (the
    /// subsidy's population) by year, lowering the level from that year
    /// on; default: the decided ones (data/valtionosuus.toml).
    pub index_cut_eur: BTreeMap<i32, Decimal>,
    /// The subsidy of year t is computed on the population at the end of
    /// year t − this; default: the law's (data/valtionosuus.toml).
    pub population_lag_years: Option<u32>,
    /// The tax-revenue equalisation within valtionosuudet, euros, read at
    /// the last given year (negative: a deduction).
    pub equalisation: Option<Path>,
    /// The city's computed tax revenue per resident as % of the national
    /// one, in the equalisation of the last given year.
    pub relative_tax_base_pct: Option<Decimal>,
    /// Growth of the national taxable income per resident, %; default: the
    /// earnings growth.
    pub national_tax_base_growth_pct: Option<Path>,
    /// Fixed euro elements (järjestelmämuutoksen tasaus and the like) by
    /// year: never indexed, never scaled by residents.
    pub fixed: Option<Path>,
    /// Temporary cuts of a single year, euros per resident (the subsidy's
    /// population); default: the decided ones.
    pub per_resident_cut: BTreeMap<i32, Decimal>,
    /// The Ministry's preliminary calculation of a year's valtionosuudet,
    /// which replaces the computed total in a projected year.
    pub preliminary: BTreeMap<i32, Decimal>,
}

/// The state's decisions and the law's lags the subsidies beyond the plan
/// default to, each with its source (data/valtionosuus.toml).
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Decided {
    pub format: u32,
    pub population: DecidedLag,
    pub equalisation: DecidedTaxLag,
    #[serde(default)]
    pub index_cut: Vec<DecidedCut>,
    #[serde(default)]
    pub per_resident_cut: Vec<DecidedPerResident>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DecidedLag {
    pub lag_years: u32,
    pub source: String,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DecidedTaxLag {
    pub tax_year_lag: u32,
    pub source: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DecidedCut {
    pub year: i32,
    /// Euros per resident of the subsidy's population.
    pub eur: Decimal,
    pub source: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DecidedPerResident {
    pub year: i32,
    pub eur: Decimal,
    pub source: String,
}

/// The shipped decisions.
pub const DECIDED_TOML: &str = include_str!("../../data/valtionosuus.toml");

impl Decided {
    /// The shipped file, read once; a test holds it readable, so the empty
    /// fallback (no cuts, no lags) is never what a user sees.
    pub fn shipped() -> &'static Decided {
        static D: std::sync::LazyLock<Decided> =
            std::sync::LazyLock::new(|| toml::from_str(DECIDED_TOML).unwrap_or_default());
        &D
    }

    /// The index savings summed by year, euros per resident.
    pub fn index_cuts(&self) -> BTreeMap<i32, Decimal> {
        let mut m = BTreeMap::new();
        for c in &self.index_cut {
            *m.entry(c.year).or_insert(Decimal::ZERO) += c.eur;
        }
        m
    }

    /// The per-resident cuts summed by year.
    pub fn per_resident(&self) -> BTreeMap<i32, Decimal> {
        let mut m = BTreeMap::new();
        for c in &self.per_resident_cut {
            *m.entry(c.year).or_insert(Decimal::ZERO) += c.eur;
        }
        m
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Operations {
    pub income_real_growth_pct: Path,
    pub cost_real_growth_pct: Path,
    /// Share of operating costs that grows and shrinks with the population, %.
    pub cost_follows_population_pct: Decimal,
    pub savings: Vec<Measure>,
    pub income_changes: Vec<Measure>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Investments {
    /// Yearly gross investment beyond the plan, euros; default: the average
    /// of the budget and plan years (without named projects), indexed.
    pub trend_gross: Option<Path>,
    pub trend_subsidies: Option<Path>,
    pub trend_sales: Option<Path>,
    pub life_years: BTreeMap<AssetClass, u32>,
    /// Existing assets' depreciation falls linearly to zero over this many
    /// years; default: it stays at the last given level until their book
    /// value is used up.
    pub existing_runoff_years: Option<u32>,
    pub projects: Vec<Project>,
    /// A ceiling on gross investment from a year on (used by `solve`).
    pub cap: Option<(i32, Decimal)>,
}

impl Investments {
    pub fn life(&self, c: AssetClass) -> u32 {
        self.life_years
            .get(&c)
            .copied()
            .unwrap_or_else(|| c.default_life())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Loans {
    /// Interest rate on the average loan stock beyond the plan, %; default:
    /// the rate implied by the last given year.
    pub interest_rate_pct: Option<Path>,
    pub rate_changes: Vec<RateChange>,
    /// Share of the loan stock whose interest follows a rate change, %.
    pub variable_share_pct: Decimal,
    /// Existing and new loans are repaid over this many years on average;
    /// default: loan stock / repayments of the last given year.
    pub average_maturity_years: Option<Decimal>,
    pub repayments: BTreeMap<i32, Decimal>,
    /// Cash is kept at least this many days of operating and investment
    /// outflows (or this many euros); new long-term loans cover the need.
    pub min_cash_days: Decimal,
    pub min_cash: Option<Decimal>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    /// Yearly growth of the group companies' own loans beyond the plan, %.
    pub companies_loan_growth_pct: Path,
    /// The group companies' own loans by year from their plans, euros; the
    /// growth applies to years without a figure.
    pub companies_loans: BTreeMap<i32, Decimal>,
    pub lease_growth_pct: Path,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Population {
    /// Yearly change, %; default: the average of the last five actual years.
    pub growth_pct: Option<Path>,
    /// Explicit residents on 31 Dec by year; years between are interpolated.
    pub values: BTreeMap<i32, Decimal>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scenario {
    pub name: String,
    pub description: String,
    /// The files it was read from, the scenario's own first.
    pub files: Vec<String>,
    pub horizon: Option<i32>,
    /// Budget and plan years after this year are projected by the drivers
    /// instead of being used as given.
    pub plan_follow_until: Option<i32>,
    /// Price index change for years the index series does not have, %.
    pub price_index_pct: Path,
    pub population: Population,
    pub tax: Tax,
    pub subsidies: Subsidies,
    pub operations: Operations,
    pub investments: Investments,
    pub loans: Loans,
    pub group: Group,
    /// The years written in by-year tables that must be projected years,
    /// and where, for the horizon check.
    pub dated: Vec<Dated>,
    /// Distributions of drivers, for `simulate` and `sensitivity`.
    pub uncertainty: crate::model::uncertainty::Uncertainty,
}

/// What a scenario assumes when its files say nothing: the budget and plan
/// as given, then these drivers. The key reference (`scenario keys`,
/// scenarios/README.md) prints these values as its defaults, so they are
/// written here only.
impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            name: "baseline".into(),
            description: String::new(),
            files: Vec::new(),
            horizon: None,
            plan_follow_until: None,
            price_index_pct: Path::constant(dec!(2.0)),
            population: Population {
                growth_pct: None,
                values: BTreeMap::new(),
            },
            tax: Tax {
                income_share_pct: dec!(75),
                property_share_pct: dec!(13),
                shares_given: false,
                rate_pct: None,
                earnings_growth_pct: Path::constant(dec!(3.0)),
                employment_growth_pct: Path::constant(dec!(0.0)),
                property_growth_pct: Path::constant(dec!(2.0)),
                corporate_growth_pct: Path::constant(dec!(2.0)),
                first_year_effect_pct: dec!(90),
                rate_changes: Vec::new(),
                follows_population: true,
                property_rate_pct: None,
                property_base: None,
                corporate_share_pct: None,
            },
            subsidies: Subsidies {
                index_pct: None,
                follow_population: true,
                changes: Vec::new(),
                index_cut_pp: Path::constant(Decimal::ZERO),
                index_cut_eur: Decided::shipped().index_cuts(),
                population_lag_years: None,
                equalisation: None,
                relative_tax_base_pct: None,
                national_tax_base_growth_pct: None,
                fixed: None,
                per_resident_cut: Decided::shipped().per_resident(),
                preliminary: BTreeMap::new(),
            },
            operations: Operations {
                income_real_growth_pct: Path::constant(dec!(0.0)),
                cost_real_growth_pct: Path::constant(dec!(0.0)),
                cost_follows_population_pct: Decimal::ZERO,
                savings: Vec::new(),
                income_changes: Vec::new(),
            },
            investments: Investments {
                trend_gross: None,
                trend_subsidies: None,
                trend_sales: None,
                life_years: BTreeMap::new(),
                existing_runoff_years: None,
                projects: Vec::new(),
                cap: None,
            },
            loans: Loans {
                interest_rate_pct: None,
                rate_changes: Vec::new(),
                variable_share_pct: dec!(100),
                average_maturity_years: None,
                repayments: BTreeMap::new(),
                min_cash_days: dec!(30),
                min_cash: None,
            },
            group: Group {
                companies_loan_growth_pct: Path::constant(dec!(0.0)),
                companies_loans: BTreeMap::new(),
                lease_growth_pct: Path::constant(dec!(0.0)),
            },
            dated: Vec::new(),
            uncertainty: Default::default(),
        }
    }
}

/// A mistake in a scenario that only shows against a workbook (a year
/// outside the horizon), with where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioError {
    pub at: Option<Origin>,
    pub message: crate::error::Text,
}

/// A year a scenario file writes a figure for in a by-year table whose
/// years must be projected years (`loans.repayments`, `population.values`),
/// and where it was written.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dated {
    pub table: &'static str,
    pub year: i32,
    pub at: Origin,
}

impl Dated {
    /// Records where a by-year table's year was written; a file that
    /// extends another writes over the other's entry.
    pub fn set(list: &mut Vec<Dated>, table: &'static str, year: i32, at: Origin) {
        list.retain(|d| !(d.table == table && d.year == year));
        list.push(Dated { table, year, at });
    }
}

/// A figure that growth rates compound, as the compounding check follows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Growth {
    OperatingCosts,
    OperatingIncome,
    IncomeTax,
    PropertyTax,
    CorporateTax,
    StateSubsidies,
    Population,
    CompaniesLoans,
    GroupLeases,
}

impl Growth {
    /// In the order the check goes through them.
    pub const ALL: [Growth; 9] = [
        Growth::OperatingCosts,
        Growth::OperatingIncome,
        Growth::IncomeTax,
        Growth::PropertyTax,
        Growth::CorporateTax,
        Growth::StateSubsidies,
        Growth::Population,
        Growth::CompaniesLoans,
        Growth::GroupLeases,
    ];

    /// What grows, in Finnish, Swedish and English.
    fn what(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Growth::OperatingCosts => (
                "toimintakulut",
                "verksamhetskostnaderna",
                "the operating costs",
            ),
            Growth::OperatingIncome => (
                "toimintatuotot",
                "verksamhetsintäkterna",
                "the operating income",
            ),
            Growth::IncomeTax => ("tulovero", "kommunalskatten", "the income tax"),
            Growth::PropertyTax => ("kiinteistövero", "fastighetsskatten", "the property tax"),
            Growth::CorporateTax => ("yhteisövero", "samfundsskatten", "the corporate tax"),
            Growth::StateSubsidies => ("valtionosuudet", "statsandelarna", "the state subsidies"),
            Growth::Population => ("asukasluku", "invånarantalet", "the population"),
            Growth::CompaniesLoans => (
                "konserniyhtiöiden lainat",
                "koncernbolagens lån",
                "the group companies' loans",
            ),
            Growth::GroupLeases => (
                "konsernin vuokravastuut",
                "koncernens hyresansvar",
                "the group's lease liabilities",
            ),
        }
    }
}

impl Scenario {
    /// Whether the scenario has drivers to draw (`[[uncertainty]]`): what
    /// simulate, sensitivity and their report sections need.
    pub fn is_uncertain(&self) -> bool {
        !self.uncertainty.items.is_empty()
    }

    /// Growth rates that compound year after year from `first` to
    /// `horizon` must leave every figure they drive in a plausible range: a
    /// figure that grows more than a billion-fold is no forecast, and long
    /// before the range of exact arithmetic ends. The error names the keys
    /// that compound and the first year past the limit. `price_pct` is the
    /// index change the projection uses for a year (series or scenario), %.
    pub fn check_compounding(
        &self,
        first: i32,
        horizon: i32,
        price_pct: impl Fn(i32) -> Decimal,
    ) -> Result<(), ScenarioError> {
        self.check_compounding_of(first, horizon, price_pct, &Growth::ALL)
    }

    /// The same for some of the growths: a simulated path checks only
    /// those its draws move, the others being the same in every path. In
    /// `Growth::ALL`'s order, so the first to fail is the one the whole
    /// check names.
    pub fn check_compounding_of(
        &self,
        first: i32,
        horizon: i32,
        price_pct: impl Fn(i32) -> Decimal,
        which: &[Growth],
    ) -> Result<(), ScenarioError> {
        const LIMIT: f64 = 1e9;
        for g in Growth::ALL.iter().filter(|g| which.contains(g)) {
            let mut factor = 1.0f64;
            for y in first..=horizon {
                factor *= self.growth(*g, y, &price_pct).abs();
                if factor.is_nan() || factor > LIMIT {
                    return Err(ScenarioError {
                        at: None,
                        message: {
                            let keys = self.growth_keys(*g);
                            let (fi, sv, en) = g.what();
                            let from = first - 1;
                            crate::text!(
                                "{keys}: korkoa korolle {fi} kasvaisi {factor:.1e}-kertaiseksi vuodesta {from} vuoteen {y}, yli miljardikertaiseksi, mihin minkään kunnan luvut eivät kasva; laske kasvuvauhteja tai ennusteen loppuvuotta",
                                "{keys}: med ränta på ränta skulle {sv} växa {factor:.1e}-faldigt från {from} till {y}, mer än en miljard gånger, vilket ingen kommuns siffror gör; sänk takterna eller prognosens sista år",
                                "{keys}: compounded, {en} grow {factor:.1e}-fold from {from} to {y}, more than a billion-fold, which no municipality's figures do; lower the rates or the horizon"
                            )
                        },
                    });
                }
            }
        }
        Ok(())
    }

    /// Whether every scenario between the `corners` passes the check for
    /// `which`: each year's factor taken at its largest over the corners,
    /// which bounds it anywhere in between (each growth is monotone in each
    /// rate, or a product of two such). `price_pct` gives a corner's index.
    pub fn compounding_within(
        corners: &[Scenario],
        price_pct: impl Fn(&Scenario, i32) -> Decimal,
        first: i32,
        horizon: i32,
        which: &[Growth],
    ) -> bool {
        const LIMIT: f64 = 1e9;
        for g in which {
            let mut factor = 1.0f64;
            for y in first..=horizon {
                let most = corners
                    .iter()
                    .map(|c| c.growth(*g, y, |yy| price_pct(c, yy)).abs())
                    .fold(0.0f64, f64::max);
                factor *= most;
                if factor.is_nan() || factor > LIMIT {
                    return false;
                }
            }
        }
        true
    }

    /// A growth's factor in year `y`, as a float: a bound, not money.
    fn growth(&self, g: Growth, y: i32, price_pct: impl Fn(i32) -> Decimal) -> f64 {
        use rust_decimal::prelude::ToPrimitive;
        let f = |d: Decimal| -> f64 { d.to_f64().unwrap_or(0.0) / 100.0 };
        let at = |p: &Path, y: i32| p.at(y).map(f).unwrap_or(0.0);
        match g {
            Growth::OperatingCosts => {
                1.0 + f(price_pct(y)) + at(&self.operations.cost_real_growth_pct, y)
            }
            Growth::OperatingIncome => {
                1.0 + f(price_pct(y)) + at(&self.operations.income_real_growth_pct, y)
            }
            Growth::IncomeTax => {
                (1.0 + at(&self.tax.earnings_growth_pct, y))
                    * (1.0 + at(&self.tax.employment_growth_pct, y))
            }
            Growth::PropertyTax => 1.0 + at(&self.tax.property_growth_pct, y),
            Growth::CorporateTax => 1.0 + at(&self.tax.corporate_growth_pct, y),
            Growth::StateSubsidies => {
                1.0 + match &self.subsidies.index_pct {
                    Some(p) => at(p, y),
                    None => f(price_pct(y)),
                }
            }
            Growth::Population => {
                1.0 + self
                    .population
                    .growth_pct
                    .as_ref()
                    .map(|p| at(p, y))
                    .unwrap_or(0.0)
            }
            Growth::CompaniesLoans => 1.0 + at(&self.group.companies_loan_growth_pct, y),
            Growth::GroupLeases => 1.0 + at(&self.group.lease_growth_pct, y),
        }
    }

    /// The keys that drive a growth, as the error names them.
    fn growth_keys(&self, g: Growth) -> &'static str {
        match g {
            Growth::OperatingCosts => "price_index_pct and operations.cost_real_growth_pct",
            Growth::OperatingIncome => "price_index_pct and operations.income_real_growth_pct",
            Growth::IncomeTax => "tax.earnings_growth_pct and tax.employment_growth_pct",
            Growth::PropertyTax => "tax.property_growth_pct",
            Growth::CorporateTax => "tax.corporate_growth_pct",
            Growth::StateSubsidies if self.subsidies.index_pct.is_some() => {
                "state_subsidies.index_pct"
            }
            Growth::StateSubsidies => "price_index_pct",
            Growth::Population => "population.growth_pct",
            Growth::CompaniesLoans => "group.companies_loan_growth_pct",
            Growth::GroupLeases => "group.lease_growth_pct",
        }
    }

    /// Every year a measure or project names must fall in the projected
    /// years (first..=horizon).
    pub fn check_years(&self, first: i32, horizon: i32) -> Result<(), ScenarioError> {
        let bad = |y: i32, at: &Origin| {
            (y < first || y > horizon).then(|| ScenarioError {
                at: Some(at.clone()),
                message: crate::text!(
                    "vuosi {y} on ennustettujen vuosien {first}–{horizon} ulkopuolella",
                    "året {y} ligger utanför prognosens år {first}–{horizon}",
                    "year {y} is outside the projected years {first}–{horizon}"
                ),
            })
        };
        let mut errs = Vec::new();
        for c in self.tax.rate_changes.iter().chain(&self.loans.rate_changes) {
            errs.extend(bad(c.from, &c.at));
        }
        for m in self
            .subsidies
            .changes
            .iter()
            .chain(&self.operations.savings)
            .chain(&self.operations.income_changes)
        {
            errs.extend(bad(m.from, &m.at));
            if let Some(t) = m.to {
                errs.extend(bad(t, &m.at));
            }
        }
        for p in &self.investments.projects {
            for y in &p.years {
                errs.extend(bad(*y, &p.at));
            }
            for y in &p.in_plan {
                errs.extend(bad(*y, &p.at));
            }
        }
        for d in &self.dated {
            errs.extend(bad(d.year, &d.at));
        }
        match errs.into_iter().next() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compounding_stops_at_the_first_year_past_a_billion_fold() {
        // 50 % index and 50 % real growth double the costs each year:
        // 2^29 < 10^9 < 2^30, so the 30th year, 2055, is the first past it.
        let mut sc = Scenario::default();
        sc.operations.cost_real_growth_pct = Path::constant(dec!(50));
        let e = sc.check_compounding(2026, 2100, |_| dec!(50)).unwrap_err();
        assert!(
            e.message
                .en
                .starts_with("price_index_pct and operations.cost_real_growth_pct:"),
            "{}",
            e.message
        );
        assert!(e.message.en.contains("from 2025 to 2055"), "{}", e.message);
        assert!(
            e.message.fi.contains("vuodesta 2025 vuoteen 2055"),
            "{}",
            e.message.fi
        );
        assert!(sc.check_compounding(2026, 2054, |_| dec!(50)).is_ok());
        // A plausible scenario to 2100 passes.
        assert!(
            Scenario::default()
                .check_compounding(2026, 2100, |_| dec!(2))
                .is_ok()
        );
    }

    /// A cost that splits into half cents is split half away from zero, as
    /// every other figure is rounded (money.rs); the last year takes the
    /// remainder, so the parts still add up to the cost.
    #[test]
    fn an_even_split_rounds_a_half_cent_away_from_zero() {
        let p = Project {
            name: "x".into(),
            cost: dec!(100.05),
            years: vec![2027, 2028],
            spending: None,
            subsidy: Decimal::ZERO,
            land_sales: Decimal::ZERO,
            class: AssetClass::Buildings,
            in_plan: vec![],
            plan_spending: None,
            at: Origin {
                file: "s.toml".into(),
                line: 1,
                key: "projects".into(),
            },
        };
        let s = p.spend();
        assert_eq!(s[&2027], dec!(50.03));
        assert_eq!(s[&2028], dec!(50.02));
        let mut q = p.clone();
        q.spending = Some(vec![dec!(50.01), dec!(50.04)]);
        // 100.05 × 1.5 = 150.075 and 50.01 × 1.5 = 75.015: both half cents.
        crate::model::uncertainty::scale_project(&mut q, dec!(1.5));
        assert_eq!(q.cost, dec!(150.08));
        assert_eq!(q.spending, Some(vec![dec!(75.02), dec!(75.06)]));
    }
}
