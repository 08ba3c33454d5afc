//! The projection: the city's three statements and the group's loans, year
//! by year from the last actual year to a horizon.
//!
//! Budget and plan years are taken as the council approved them; a scenario's
//! measures are laid on top of them as differences. Beyond the plan, every
//! line grows by its driver. Each year the income statement, the cash flow
//! statement and a condensed balance sheet are made from the same flows, so
//! the statements' identities (VNa 525/2020) hold to the cent by construction:
//! - every line is rounded to the cent (half away from zero) when it is made,
//!   and the next year grows from the rounded figure;
//! - subtotals are sums of the rounded lines;
//! - the balance sheet is last year's plus this year's flows.
//!
//! New long-term loans cover what the cash flow leaves short of the minimum
//! cash (beyond the plan) or of the plan's own cash path (in plan years).
//! Interest is paid on the average loan stock, so borrowing and interest
//! depend on each other; the pair is solved in closed form, not iterated.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::Location;
use crate::model::dataset::{Dataset, Entity, Figure, YearKind};
use crate::model::items::{self, Statement};
use crate::model::price_index::PriceIndex;
use crate::model::scenario::{AssetClass, Scenario, ScenarioError};

mod figures;
pub use figures::Figures;
use figures::Line;

/// Where the projection starts and ends; `None` takes the defaults (the last
/// actual year; the scenario's horizon or ten years after the start).
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    pub base_year: Option<i32>,
    pub horizon: Option<i32>,
    /// Only the year rows, no statements (a simulated path): the dataset
    /// of the projection is then empty, the price index has no sources and
    /// the scenario's years are taken as checked (by the deterministic
    /// projection of the same scenario before the paths).
    pub lean: bool,
}

#[derive(Debug, PartialEq)]
pub enum ProjectionError {
    /// The workbook lacks what the projection starts from.
    Data(String),
    Scenario(ScenarioError),
}

/// What drove one projected year, for the table beside the indicators.
#[derive(Clone, Debug, Serialize)]
pub struct YearRow {
    pub year: i32,
    pub kind: YearKind,
    /// Budget or plan year used as given (with the scenario's measures on top).
    pub given: bool,
    pub price_index_pct: Decimal,
    pub population: Option<Decimal>,
    pub tax_rate_pct: Option<Decimal>,
    pub taxable_income: Option<Decimal>,
    pub tax_revenue: Decimal,
    pub state_subsidies: Decimal,
    pub net_operating_cost: Decimal,
    pub annual_margin: Decimal,
    pub depreciation: Decimal,
    pub gross_investment: Decimal,
    pub investment_subsidies: Decimal,
    pub asset_sales: Decimal,
    pub net_investment: Decimal,
    pub borrowing: Decimal,
    pub repayments: Decimal,
    pub loans: Decimal,
    pub interest_rate_pct: Decimal,
    pub interest: Decimal,
    pub cash: Decimal,
    pub min_cash: Decimal,
    pub accumulated_surplus: Decimal,
    pub group_loans: Option<Decimal>,
    pub group_leases: Option<Decimal>,
    /// Toiminnan ja investointien rahavirta.
    pub operating_and_investing: Decimal,
    pub earlier_surplus: Decimal,
    pub surplus: Decimal,
}

#[derive(Clone, Debug, Serialize)]
pub struct Projection {
    pub scenario: String,
    pub base_year: i32,
    pub horizon: i32,
    /// The workbook up to the base year, then the projected years.
    #[serde(skip)]
    pub dataset: Dataset,
    pub rows: Vec<YearRow>,
    /// The index series with the scenario's assumption for missing years.
    pub price_index: PriceIndex,
    /// Defaults the projection derived from the workbook, in words.
    pub assumptions: Vec<String>,
}

use crate::model::money::{Rule, cents as r2, round, round_half_away};

/// The bound of a projected figure, as of an amount in a scenario file.
const PLAUSIBLE_EUR: Decimal = crate::model::scenario::MAX_AMOUNT;

fn r0(v: Decimal) -> Decimal {
    round_half_away(v, 0)
}

/// Up to the next cent; a sixth-decimal rounding first so that an exact
/// quotient carried in 28 digits does not tip over by 1e-20.
fn ceil_cent(v: Decimal) -> Decimal {
    round(round(v, 6, Rule::HalfEven), 2, Rule::Up)
}

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// A percentage as a fraction. Multiplying by 0.01 gives the same exact
/// value as dividing by 100 for every figure a scenario or workbook holds
/// (scale below 27) and is several times cheaper, which counts in a
/// simulation.
fn pct(v: Decimal) -> Decimal {
    v * Decimal::new(1, 2)
}

fn fmt_eur(v: Decimal) -> String {
    let m = round_half_away(v / Decimal::from(1_000_000), 2);
    format!("{} M€", m.normalize())
}

/// A depreciation vintage: a net investment completed in `year`,
/// depreciated straight-line over `life` years from the year after.
#[derive(Clone, Copy, Debug)]
struct Vintage {
    year: i32,
    life: u32,
    /// The yearly depreciation, amount / life, divided once.
    yearly: Decimal,
}

impl Vintage {
    fn new(year: i32, life: u32, amount: Decimal) -> Vintage {
        let yearly = if life == 0 {
            Decimal::ZERO
        } else {
            amount / Decimal::from(life)
        };
        Vintage { year, life, yearly }
    }
}

fn depreciation(vintages: &[Vintage], t: i32) -> Decimal {
    vintages
        .iter()
        .filter(|v| v.life > 0 && t > v.year && t <= v.year + v.life as i32)
        .map(|v| v.yearly)
        .sum()
}

/// The lines of the condensed balance sheet the projection rolls forward.
const BS_ASSETS: [&str; 8] = [
    "ta.aineettomat",
    "ta.aineelliset",
    "ta.sijoitukset",
    "ta.toimeksiantojen_varat",
    "ta.vaihto_omaisuus",
    "ta.saamiset",
    "ta.rahoitusarvopaperit",
    "ta.rahat_ja_pankkisaamiset",
];
const BS_EQUITY: [&str; 8] = [
    "ta.peruspaaoma",
    "ta.arvonkorotusrahasto",
    "ta.muut_omat_rahastot",
    "ta.edellisten_ylijaama",
    "ta.tilikauden_ylijaama",
    "ta.poistoero_ja_varaukset",
    "ta.pakolliset_varaukset",
    "ta.toimeksiantojen_paaomat",
];

struct Engine<'a> {
    ds: &'a Dataset,
    sc: &'a Scenario,
    base: i32,
    horizon: i32,
    given: BTreeSet<i32>,
    last_given: i32,
    pi: PriceIndex,
    lean: bool,
    fig: &'a Figures,
}

impl Engine<'_> {
    fn tot(&self, line: Line, y: i32) -> Option<Decimal> {
        self.fig.get(line, y)
    }
    fn z(&self, line: Line, y: i32) -> Decimal {
        self.tot(line, y).unwrap_or_default()
    }
    fn pi(&self, y: i32) -> Decimal {
        pct(self.pi.change(y).unwrap_or_default())
    }
    fn is_given(&self, y: i32) -> bool {
        self.given.contains(&y)
    }
    /// Operating income, costs and production for own use. A budget that
    /// prints only the operating margin gives it as a net cost.
    fn operating(&self, y: i32) -> (Decimal, Decimal, Decimal) {
        let ti = self.z(Line::Toimintatuotot, y);
        let valm = self.z(Line::ValmistusOmaanKayttoon, y);
        let kulut = match (
            self.tot(Line::Toimintakulut, y),
            self.tot(Line::Toimintakate, y),
        ) {
            (Some(k), _) => k,
            (None, Some(margin)) => margin - ti - valm,
            (None, None) => Decimal::ZERO,
        };
        (ti, kulut, valm)
    }
    /// Gross investment (positive), contributions and asset sales. A plan
    /// that prints only the investments' cash flow gives it as net gross.
    fn investing(&self, y: i32) -> (Decimal, Decimal, Decimal) {
        let subs = self.z(Line::Rahoitusosuudet, y);
        let sales = self.z(Line::Luovutustulot, y);
        let gross = match (
            self.tot(Line::Investointimenot, y),
            self.tot(Line::InvestointienRahavirta, y),
        ) {
            (Some(g), _) => -g,
            (None, Some(flow)) => -flow + subs + sales,
            (None, None) => Decimal::ZERO,
        };
        (gross, subs, sales)
    }
}

/// The balance-sheet lines each year's flows change, as running figures:
/// fields, not the balance sheet's map, because they change every year of
/// every simulated path; the map gets them when a year's statements are made.
#[derive(Clone, Copy, Default)]
struct Rolled {
    aineelliset: Decimal,
    sijoitukset: Decimal,
    saamiset: Decimal,
    vaihto_omaisuus: Decimal,
    toimeksiantojen_paaomat: Decimal,
    la_muut_velat: Decimal,
    rahat: Decimal,
    peruspaaoma: Decimal,
    muut_omat_rahastot: Decimal,
    poistoero: Decimal,
    la_rahoituslaitokset: Decimal,
    pa_rahoituslaitokset: Decimal,
    edellisten_ylijaama: Decimal,
    tilikauden_ylijaama: Decimal,
}

impl Rolled {
    fn lines(&self) -> [(&'static str, Decimal); 14] {
        [
            ("ta.aineelliset", self.aineelliset),
            ("ta.sijoitukset", self.sijoitukset),
            ("ta.saamiset", self.saamiset),
            ("ta.vaihto_omaisuus", self.vaihto_omaisuus),
            ("ta.toimeksiantojen_paaomat", self.toimeksiantojen_paaomat),
            ("ta.la_muut_velat", self.la_muut_velat),
            ("ta.rahat_ja_pankkisaamiset", self.rahat),
            ("ta.peruspaaoma", self.peruspaaoma),
            ("ta.muut_omat_rahastot", self.muut_omat_rahastot),
            ("ta.poistoero_ja_varaukset", self.poistoero),
            ("ta.la_rahoituslaitokset", self.la_rahoituslaitokset),
            ("ta.pa_rahoituslaitokset", self.pa_rahoituslaitokset),
            ("ta.edellisten_ylijaama", self.edellisten_ylijaama),
            ("ta.tilikauden_ylijaama", self.tilikauden_ylijaama),
        ]
    }

    fn start(fig: &Figures, y: i32) -> Rolled {
        let at = |line: Line| fig.get(line, y).unwrap_or_default();
        Rolled {
            aineelliset: at(Line::Aineelliset),
            sijoitukset: at(Line::Sijoitukset),
            saamiset: at(Line::Saamiset),
            vaihto_omaisuus: at(Line::VaihtoOmaisuus),
            toimeksiantojen_paaomat: at(Line::ToimeksiantojenPaaomat),
            la_muut_velat: at(Line::LaMuutVelat),
            rahat: at(Line::Rahat),
            peruspaaoma: at(Line::Peruspaaoma),
            muut_omat_rahastot: at(Line::MuutOmatRahastot),
            poistoero: at(Line::Poistoero),
            la_rahoituslaitokset: at(Line::LaRahoituslaitokset),
            pa_rahoituslaitokset: at(Line::PaRahoituslaitokset),
            edellisten_ylijaama: at(Line::EdellistenYlijaama),
            tilikauden_ylijaama: at(Line::TilikaudenYlijaama),
        }
    }
}

/// The balance-sheet lines the projection rolls forward from the start.
fn balance_lines() -> impl Iterator<Item = &'static str> {
    BS_ASSETS.into_iter().chain(BS_EQUITY).chain(
        ["ta.pitkaaikainen", "ta.lyhytaikainen"]
            .into_iter()
            .flat_map(|p| items::children(p).map(|c| c.id)),
    )
}

pub fn project(
    ds: &Dataset,
    sc: &Scenario,
    series: &PriceIndex,
    opts: Options,
) -> Result<Projection, ProjectionError> {
    project_with(ds, sc, series, opts, &Figures::new(ds))
}

/// The same, reading the workbook's figures from a table made once.
pub fn project_with(
    ds: &Dataset,
    sc: &Scenario,
    series: &PriceIndex,
    opts: Options,
    fig: &Figures,
) -> Result<Projection, ProjectionError> {
    let data = ProjectionError::Data;
    let last_actual = ds
        .years
        .iter()
        .filter(|(_, k)| **k == YearKind::TP)
        .map(|(y, _)| *y)
        .max()
        .ok_or_else(|| data("the workbook has no actual (TP) year to start from".into()))?;
    let base = opts.base_year.unwrap_or(last_actual);
    if ds.kind(base) != Some(YearKind::TP) {
        return Err(data(format!(
            "{base} is not an actual (TP) year of the workbook"
        )));
    }
    if !fig.has(Entity::City, Statement::Tase, base) {
        return Err(data(format!(
            "the projection starts from the balance sheet (tase) of {base}, the last actual year, and the workbook has none for it"
        )));
    }
    let horizon = opts.horizon.or(sc.horizon).unwrap_or(base + 10);
    if horizon <= base {
        return Err(data(format!(
            "the horizon {horizon} is not after the last actual year {base}"
        )));
    }
    if !opts.lean {
        sc.check_years(base + 1, horizon)
            .map_err(ProjectionError::Scenario)?;
    }

    // Budget and plan years used as given: consecutive from the base year.
    let mut given = BTreeSet::new();
    let follow = sc.plan_follow_until.unwrap_or(i32::MAX);
    for y in base + 1..=horizon {
        let plan = matches!(ds.kind(y), Some(YearKind::TA | YearKind::TS));
        if plan
            && y <= follow
            && fig.has(Entity::City, Statement::Tuloslaskelma, y)
            && fig.has(Entity::City, Statement::Rahoituslaskelma, y)
        {
            given.insert(y);
        } else {
            break;
        }
    }
    let last_given = given.iter().max().copied().unwrap_or(base);

    let pi = if opts.lean {
        let mut pi = PriceIndex {
            name: String::new(),
            changes: series.changes.clone(),
            sources: BTreeMap::new(),
        };
        for y in base + 1..=horizon {
            if pi.change(y).is_none()
                && let Some(v) = sc.price_index_pct.at(y)
            {
                pi.changes.insert(y, v);
            }
        }
        pi
    } else {
        let mut pi = series.clone();
        let scen_label = format!("scenario '{}'", sc.name);
        for y in base + 1..=horizon {
            if pi.change(y).is_none()
                && let Some(v) = sc.price_index_pct.at(y)
            {
                pi.changes.insert(y, v);
                pi.sources.insert(y, scen_label.clone());
            }
        }
        if !pi.name.ends_with(&scen_label) {
            pi.name = format!("{}; years without a figure: {scen_label}", pi.name);
        }
        pi
    };

    sc.check_compounding(base + 1, horizon, |y| pi.change(y).unwrap_or_default())
        .map_err(ProjectionError::Scenario)?;

    let e = Engine {
        ds,
        sc,
        base,
        horizon,
        given,
        last_given,
        pi,
        lean: opts.lean,
        fig,
    };
    e.run()
}

impl Engine<'_> {
    fn run(self) -> Result<Projection, ProjectionError> {
        let data = ProjectionError::Data;
        let (ds, sc, base, g) = (self.ds, self.sc, self.base, self.last_given);
        let mut assumptions = Vec::new();
        // A simulated path has no reader for the assumptions in words.
        macro_rules! note {
            ($($arg:tt)*) => {
                if !self.lean {
                    assumptions.push(format!($($arg)*));
                }
            };
        }

        // ---------------------------------------------------------- the start
        let loans0 = self.fig.city_loans(base).map_err(|r| data(r.to_string()))?;
        // The start's balance sheet, for the statements.
        let mut bs: BTreeMap<&'static str, Decimal> = if self.lean {
            BTreeMap::new()
        } else {
            balance_lines()
                .filter_map(|id| ds.total(Entity::City, id, base).map(|v| (id, v)))
                .collect()
        };
        if self.tot(Line::EdellistenYlijaama, base).is_none()
            && self.tot(Line::TilikaudenYlijaama, base).is_none()
        {
            return Err(data(format!(
                "the balance sheet of {base} does not show the accumulated surplus (Edellisten tilikausien ylijäämä, Tilikauden ylijäämä)"
            )));
        }
        let cash0 = self.z(Line::Rahat, base) + self.z(Line::Rahoitusarvopaperit, base);

        // ---------------------------------------------------------- population
        let pop_base = self.tot(Line::Asukasluku, base);
        let pop_growth = match (&sc.population.growth_pct, pop_base) {
            (Some(p), _) => Some(p.clone()),
            (None, Some(_)) => {
                let mut changes = Vec::new();
                for y in base - 4..=base {
                    if let (Some(a), Some(b)) = (
                        self.tot(Line::Asukasluku, y - 1),
                        self.tot(Line::Asukasluku, y),
                    ) && a > Decimal::ZERO
                    {
                        changes.push(HUNDRED * (b - a) / a);
                    }
                }
                let avg = if changes.is_empty() {
                    Decimal::ZERO
                } else {
                    round(
                        changes.iter().sum::<Decimal>() / Decimal::from(changes.len()),
                        2,
                        Rule::HalfEven,
                    )
                };
                note!(
                    "population changes {} % a year beyond the plan (the average of the last {} actual years)",
                    avg.normalize(),
                    changes.len()
                );
                Some(crate::model::scenario::Path::constant(avg))
            }
            (None, None) => None,
        };
        let mut pop: BTreeMap<i32, Decimal> = BTreeMap::new();
        if let Some(p) = pop_base {
            pop.insert(base, p);
        }
        for t in base + 1..=self.horizon {
            let explicit = sc.population.values.get(&t).copied();
            let given = if self.is_given(t) {
                self.tot(Line::Asukasluku, t)
            } else {
                None
            };
            let v = explicit.or(given).or_else(|| {
                let prev = pop.get(&(t - 1)).copied()?;
                // Between two explicit values: a straight line.
                if let Some((ny, nv)) = sc.population.values.range(t..).next() {
                    let steps = Decimal::from(ny - (t - 1));
                    return Some(r0(prev + (nv - prev) / steps));
                }
                let gr = pop_growth
                    .as_ref()
                    .and_then(|p| p.at(t))
                    .unwrap_or_default();
                Some(r0(prev * (Decimal::ONE + pct(gr))))
            });
            if let Some(v) = v {
                pop.insert(t, v);
            }
        }

        // ---------------------------------------------------------- tax
        let rate_of = |y: i32| -> Option<Decimal> {
            (base - 10..=y.min(g))
                .rev()
                .find_map(|yy| self.tot(Line::Tuloveroprosentti, yy))
                .or(sc.tax.rate_pct)
        };
        let tax = &sc.tax;
        let corp_share = HUNDRED - tax.income_share_pct - tax.property_share_pct;
        let verot_g = self.z(Line::Verotulot, g);
        let mut inc_b = r2(verot_g * pct(tax.income_share_pct));
        let mut prop_b = r2(verot_g * pct(tax.property_share_pct));
        let mut corp_b = verot_g - inc_b - prop_b;
        note!(
            "tax revenue of {g} split {} % income tax, {} % property tax, {} % corporate tax (tax.income_share_pct, tax.property_share_pct)",
            tax.income_share_pct.normalize(),
            tax.property_share_pct.normalize(),
            corp_share.normalize()
        );
        let first_share = pct(tax.first_year_effect_pct);
        if !tax.rate_changes.is_empty() {
            note!(
                "a tax rate change brings {} % of its effect in its first year and the rest the year after, with the final assessment (tax.first_year_effect_pct)",
                tax.first_year_effect_pct.normalize()
            );
        }
        if !tax.rate_changes.is_empty() && rate_of(base).is_none() {
            let at = tax.rate_changes[0].at.clone();
            return Err(ProjectionError::Scenario(ScenarioError {
                at: Some(at),
                message: "a tax rate change needs the income tax rate: add Tuloveroprosentti to the workbook's background sheet or tax.rate_pct to the scenario".into(),
            }));
        }

        // ---------------------------------------------------------- investments
        let inv = &sc.investments;
        let mut proj_spend: BTreeMap<i32, (Decimal, Decimal, Decimal)> = BTreeMap::new();
        let mut plan_spend: BTreeMap<i32, (Decimal, Decimal, Decimal)> = BTreeMap::new();
        let mut plan_vintages: Vec<Vintage> = Vec::new();
        struct ProjectFlows {
            class: AssetClass,
            completion: i32,
            net_by_year: BTreeMap<i32, Decimal>,
        }
        let mut project_flows = Vec::new();
        for p in &inv.projects {
            let share = |sp: &BTreeMap<i32, Decimal>, y: i32, amount: Decimal| -> Decimal {
                if p.cost.is_zero() {
                    Decimal::ZERO
                } else {
                    r2(amount * sp.get(&y).copied().unwrap_or_default() / p.cost)
                }
            };
            let sp = p.spend();
            let comp = crate::model::scenario::Project::completion(&p.years).unwrap_or(base);
            let mut net_by_year = BTreeMap::new();
            for (y, v) in &sp {
                let s = share(&sp, *y, p.subsidy);
                let e = proj_spend.entry(*y).or_default();
                e.0 += *v;
                e.1 += s;
                *net_by_year.entry(*y).or_default() += *v - s;
            }
            proj_spend.entry(comp).or_default().2 += p.land_sales;
            project_flows.push(ProjectFlows {
                class: p.class,
                completion: comp,
                net_by_year,
            });
            if !p.in_plan.is_empty() {
                let pp = p.planned_spend();
                let pcomp = crate::model::scenario::Project::completion(&p.in_plan).unwrap_or(base);
                let mut net = Decimal::ZERO;
                for (y, v) in &pp {
                    let s = share(&pp, *y, p.subsidy);
                    let e = plan_spend.entry(*y).or_default();
                    e.0 += *v;
                    e.1 += s;
                    net += *v - s;
                }
                plan_spend.entry(pcomp).or_default().2 += p.land_sales;
                plan_vintages.push(Vintage::new(pcomp, inv.life(p.class), net));
            }
        }
        // The plan's own investments without named projects, by year.
        let general_given = |y: i32| -> (Decimal, Decimal, Decimal) {
            let ps = plan_spend.get(&y).copied().unwrap_or_default();
            let (gross, subs, sales) = self.investing(y);
            (gross - ps.0, subs - ps.1, sales - ps.2)
        };
        let general_life = inv.life(AssetClass::General);
        for y in self.given.iter() {
            let (gg, gs, _) = general_given(*y);
            plan_vintages.push(Vintage::new(*y, general_life, gg - gs));
        }
        // Trend level beyond the plan: the plan's average, indexed.
        let avg_years: Vec<i32> = if self.given.is_empty() {
            (base - 2..=base).collect()
        } else {
            self.given.iter().copied().collect()
        };
        let sums = avg_years
            .iter()
            .map(|y| general_given(*y))
            .fold((Decimal::ZERO, Decimal::ZERO, Decimal::ZERO), |s, g| {
                (s.0 + g.0, s.1 + g.1, s.2 + g.2)
            });
        let n = Decimal::from(avg_years.len());
        let trend0 = (r2(sums.0 / n), r2(sums.1 / n), r2(sums.2 / n));
        if inv.trend_gross.is_none() {
            note!(
                "gross investment beyond the plan {} a year in {} prices (the average of {}–{} without named projects), then indexed; subsidies {} and asset sales {} likewise",
                fmt_eur(trend0.0),
                avg_years.last().unwrap_or(&base),
                avg_years.first().unwrap_or(&base),
                avg_years.last().unwrap_or(&base),
                fmt_eur(trend0.1),
                fmt_eur(trend0.2)
            );
        }

        // Existing assets' depreciation beyond the plan: the last given
        // year's, less what the plan's own new investments add to it.
        let dep_given = |y: i32| -> Decimal { -self.z(Line::Poistot, y) };
        let dep_base = -self
            .tot(Line::SuunnitelmanMukaisetPoistot, base)
            .unwrap_or_else(|| self.z(Line::Poistot, base));
        let existing_level = if g > base {
            (dep_given(g) - depreciation(&plan_vintages, g)).max(Decimal::ZERO)
        } else {
            dep_base
        };
        note!(
            "existing assets depreciate {} a year beyond the plan ({})",
            fmt_eur(r2(existing_level)),
            match inv.existing_runoff_years {
                Some(n) => format!("falling to zero over {n} years"),
                None => "until their book value is used up".into(),
            }
        );
        let land = self.z(Line::MaaJaVesialueet, base);
        let mut existing_book =
            self.z(Line::Aineelliset, base) + self.z(Line::Aineettomat, base) - land;
        for y in self.given.iter() {
            existing_book -= (dep_given(*y) - depreciation(&plan_vintages, *y)).max(Decimal::ZERO);
        }

        // ---------------------------------------------------------- loans
        let loans = &sc.loans;
        let var_share = pct(loans.variable_share_pct);
        // Summed in percentage points, then a fraction: the same exact value
        // as summing fractions, with one multiplication.
        let delta_rate = |t: i32| -> Decimal {
            pct(loans
                .rate_changes
                .iter()
                .filter(|c| c.from <= t)
                .map(|c| c.change_pp)
                .sum::<Decimal>())
                * var_share
        };
        // The plan's own loan path, to measure the scenario against.
        let mut plan_loans: BTreeMap<i32, Decimal> = BTreeMap::new();
        plan_loans.insert(base, loans0);
        for y in self.given.iter() {
            let prev = plan_loans[&(y - 1)];
            plan_loans.insert(
                *y,
                prev + self.z(Line::LainojenLisays, *y)
                    + self.z(Line::LainojenVahennys, *y)
                    + self.z(Line::LyhytaikaistenMuutos, *y),
            );
        }
        let implied_rate = {
            let (i, a) = if g > base {
                (
                    -self.z(Line::Korkokulut, g),
                    (plan_loans[&(g - 1)] + plan_loans[&g]) / Decimal::TWO,
                )
            } else {
                let prev = self.fig.city_loans(base - 1).unwrap_or(loans0);
                (
                    -self.z(Line::Korkokulut, base),
                    (prev + loans0) / Decimal::TWO,
                )
            };
            if a > Decimal::ZERO {
                round(HUNDRED * i / a, 2, Rule::HalfEven)
            } else {
                Decimal::ZERO
            }
        };
        if loans.interest_rate_pct.is_none() {
            note!(
                "interest {} % on the average loan stock beyond the plan (implied by {g})",
                implied_rate.normalize()
            );
        }
        let maturity = match loans.average_maturity_years {
            Some(m) => m,
            None => {
                let rep = -self.z(Line::LainojenVahennys, g);
                let stock = plan_loans.get(&g).copied().unwrap_or(loans0);
                let m = if rep > Decimal::ZERO && stock > Decimal::ZERO {
                    round(stock / rep, 1, Rule::HalfEven)
                } else {
                    Decimal::from(20)
                };
                note!(
                    "loans repaid over {} years on average beyond the plan (loan stock / repayments of {g})",
                    m.normalize()
                );
                m
            }
        };
        if loans.min_cash.is_none() {
            note!(
                "new loans keep cash at {} days of operating costs and investments at least (loans.min_cash_days)",
                loans.min_cash_days.normalize()
            );
        }

        // ---------------------------------------------------------- group
        let mut companies = self.fig.group_loans(base).map(|gl| gl - loans0);

        // ---------------------------------------------------------- the years
        // Lines the workbook prints for the city in any year: a projected
        // zero is shown only for those.
        let lean = self.lean;
        let known: BTreeSet<&str> = if lean {
            BTreeSet::new()
        } else {
            ds.figures
                .keys()
                .filter(|(e, _, _)| *e == Entity::City)
                .map(|(_, id, _)| *id)
                .collect()
        };
        let mut out = if lean { Dataset::default() } else { ds.clone() };
        out.figures.retain(|(_, _, y), _| *y <= base);
        out.years.retain(|y, _| *y <= base);
        let src = Location::file(if lean {
            String::new()
        } else {
            format!("projection, scenario '{}'", sc.name)
        });
        let mut rows = Vec::new();

        let mut loans_prev = loans0;
        let mut cash_prev = cash0;
        let mut scen_vintages: Vec<Vintage> = Vec::new();
        let mut trend = trend0;
        let mut ti_b = Decimal::ZERO;
        let mut kulut_b = Decimal::ZERO;
        let mut valm_b = Decimal::ZERO;
        let mut vos_b = Decimal::ZERO;
        let mut fin_carry = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        let mut siirrot_carry = Decimal::ZERO;
        let mut tax_delta_prev = Decimal::ZERO;
        let mut lease_city = self.tot(Line::Vuokravastuut, base);
        let mut lease_group = self.tot(Line::KonserninVuokravastuut, base);
        let mut existing_used = Decimal::ZERO;
        let mut rolled = Rolled::start(self.fig, base);

        for t in base + 1..=self.horizon {
            let given = self.is_given(t);
            let kind = if given {
                ds.kind(t).unwrap_or(YearKind::E)
            } else {
                YearKind::E
            };
            let pi = self.pi(t);
            let ops = &sc.operations;

            // Operating income and costs.
            if given {
                (ti_b, kulut_b, valm_b) = self.operating(t);
            } else {
                if t == base + 1 {
                    (ti_b, kulut_b, valm_b) = self.operating(base);
                }
                let ig = pct(ops.income_real_growth_pct.at(t).unwrap_or_default());
                let cg = pct(ops.cost_real_growth_pct.at(t).unwrap_or_default());
                // The share of costs that follows the number of residents.
                let follow = pct(ops.cost_follows_population_pct);
                let people = match (pop.get(&(t - 1)), pop.get(&t)) {
                    (Some(a), Some(b)) if *a > Decimal::ZERO && !follow.is_zero() => {
                        Decimal::ONE + follow * (b / a - Decimal::ONE)
                    }
                    _ => Decimal::ONE,
                };
                ti_b = r2(ti_b * (Decimal::ONE + pi + ig));
                kulut_b = r2(kulut_b * (Decimal::ONE + pi + cg) * people);
                valm_b = r2(valm_b * (Decimal::ONE + pi));
            }
            let ti = ti_b
                + ops
                    .income_changes
                    .iter()
                    .filter(|m| m.covers(t))
                    .map(|m| m.amount)
                    .sum::<Decimal>();
            let kulut = kulut_b
                + ops
                    .savings
                    .iter()
                    .filter(|m| m.covers(t))
                    .map(|m| m.amount)
                    .sum::<Decimal>();
            let valm = valm_b;

            // Taxes.
            let rate0 = rate_of(t);
            let verot_base = if given {
                let v = self.z(Line::Verotulot, t);
                inc_b = r2(v * pct(tax.income_share_pct));
                v
            } else {
                let eg = pct(tax.earnings_growth_pct.at(t).unwrap_or_default());
                let ng = pct(tax.employment_growth_pct.at(t).unwrap_or_default());
                inc_b = r2(inc_b * (Decimal::ONE + eg) * (Decimal::ONE + ng));
                prop_b = r2(prop_b
                    * (Decimal::ONE + pct(tax.property_growth_pct.at(t).unwrap_or_default())));
                corp_b = r2(corp_b
                    * (Decimal::ONE + pct(tax.corporate_growth_pct.at(t).unwrap_or_default())));
                inc_b + prop_b + corp_b
            };
            let taxable = rate0
                .filter(|r| *r > Decimal::ZERO)
                .map(|r| r2(inc_b * HUNDRED / r));
            let change_pp: Decimal = tax
                .rate_changes
                .iter()
                .filter(|c| c.from <= t)
                .map(|c| c.change_pp)
                .sum();
            let tax_delta = taxable.unwrap_or_default() * pct(change_pp);
            let tax_effect =
                first_share * tax_delta + (Decimal::ONE - first_share) * tax_delta_prev;
            tax_delta_prev = tax_delta;
            let verot = r2(verot_base + tax_effect);
            let rate = rate0.map(|r| r + change_pp);

            // State subsidies.
            if given {
                vos_b = self.z(Line::Valtionosuudet, t);
            } else {
                if t == base + 1 {
                    vos_b = self.z(Line::Valtionosuudet, base);
                }
                let idx = match &sc.subsidies.index_pct {
                    Some(p) => pct(p.at(t).unwrap_or_default()),
                    None => pi,
                };
                let mut v = vos_b * (Decimal::ONE + idx);
                if sc.subsidies.follow_population
                    && let (Some(a), Some(b)) = (pop.get(&(t - 1)), pop.get(&t))
                    && *a > Decimal::ZERO
                {
                    v = v * b / a;
                }
                vos_b = r2(v);
            }
            let vos = vos_b
                + sc.subsidies
                    .changes
                    .iter()
                    .filter(|m| m.covers(t))
                    .map(|m| m.amount)
                    .sum::<Decimal>();

            // Other financial items: as given, then carried.
            if given || t == base + 1 {
                let y = if given { t } else { base };
                fin_carry = (
                    self.z(Line::Korkotuotot, y),
                    self.z(Line::MuutRahoitustuotot, y),
                    self.z(Line::MuutRahoituskulut, y),
                );
            }
            let (korkotuotot, muut_rt, muut_rk) = fin_carry;

            // Investments.
            let (gen_g, gen_s, gen_l) = if given {
                general_given(t)
            } else {
                if t == g + 1 {
                    trend = trend0;
                }
                let idx = Decimal::ONE + pi;
                trend = (r2(trend.0 * idx), r2(trend.1 * idx), r2(trend.2 * idx));
                (
                    inv.trend_gross
                        .as_ref()
                        .and_then(|p| p.at(t))
                        .unwrap_or(trend.0),
                    inv.trend_subsidies
                        .as_ref()
                        .and_then(|p| p.at(t))
                        .unwrap_or(trend.1),
                    inv.trend_sales
                        .as_ref()
                        .and_then(|p| p.at(t))
                        .unwrap_or(trend.2),
                )
            };
            let ps = proj_spend.get(&t).copied().unwrap_or_default();
            let mut gross = gen_g + ps.0;
            let mut subs = gen_s + ps.1;
            let sales = gen_l + ps.2;
            let mut scale = Decimal::ONE;
            if let Some((from, cap)) = inv.cap
                && t >= from
                && gross > cap
                && gross > Decimal::ZERO
            {
                scale = cap / gross;
                subs = r2(subs * scale);
                gross = cap;
            }
            scen_vintages.push(Vintage::new(t, general_life, (gen_g - gen_s) * scale));
            for pf in &project_flows {
                if let Some(n) = pf.net_by_year.get(&t) {
                    scen_vintages.push(Vintage::new(
                        pf.completion.max(t),
                        inv.life(pf.class),
                        *n * scale,
                    ));
                }
            }

            // Depreciation.
            let dep =
                if given {
                    r2(dep_given(t) + depreciation(&scen_vintages, t)
                        - depreciation(&plan_vintages, t))
                } else {
                    let mut level = match inv.existing_runoff_years {
                        Some(n) if n > 0 => {
                            let left = Decimal::from((n as i32 - (t - g - 1)).max(0));
                            existing_level * left / Decimal::from(n)
                        }
                        Some(_) => Decimal::ZERO,
                        None => existing_level,
                    };
                    level = level.min((existing_book - existing_used).max(Decimal::ZERO));
                    existing_used += level;
                    r2(level + depreciation(&scen_vintages, t))
                };

            // Extraordinary items, appropriations, and the cash flow's other lines.
            let sat = if given {
                self.z(Line::TlSatunnaisetErat, t)
            } else {
                Decimal::ZERO
            };
            let rl_sat = if given {
                self.tot(Line::RlSatunnaisetErat, t).unwrap_or(sat)
            } else {
                Decimal::ZERO
            };
            let korj = if given {
                self.z(Line::TulorahoituksenKorjauserat, t)
            } else {
                Decimal::ZERO
            };
            let siirrot = if given {
                let v = self.z(Line::Tilinpaatossiirrot, t);
                siirrot_carry = self.z(Line::PoistoeronMuutos, t);
                v
            } else {
                if t == base + 1 {
                    siirrot_carry = self.z(Line::PoistoeronMuutos, base);
                }
                let reserve = rolled.poistoero;
                if siirrot_carry > Decimal::ZERO {
                    siirrot_carry.min(reserve.max(Decimal::ZERO))
                } else {
                    Decimal::ZERO
                }
            };
            let rahastot = if given {
                self.z(Line::RahastojenMuutos, t)
            } else {
                Decimal::ZERO
            };
            let g_or_0 = |line: Line| {
                if given {
                    self.z(line, t)
                } else {
                    Decimal::ZERO
                }
            };
            let antol = g_or_0(Line::Antolainaus);
            let lyhyt = g_or_0(Line::LyhytaikaistenMuutos);
            let oma = g_or_0(Line::OmanPaaomanMuutokset);
            let muut = g_or_0(Line::MuutMaksuvalmius);
            let saam = g_or_0(Line::SaamistenMuutos);
            let vo = g_or_0(Line::VaihtoOmaisuudenMuutos);
            let toim = g_or_0(Line::ToimeksiantojenMuutokset);
            let kay = g_or_0(Line::KayttoomaisuudenMuutos);

            let repay = match loans.repayments.get(&t) {
                Some(r) => *r,
                None if given => -self.z(Line::LainojenVahennys, t),
                None => r2(loans_prev / maturity).min(loans_prev.max(Decimal::ZERO)),
            };

            // Interest and borrowing, solved together.
            let vk_ex = ti + valm + kulut + verot + vos + korkotuotot + muut_rt + muut_rk;
            let ti_ex = vk_ex + rl_sat + korj - gross + subs + sales;
            let dr = delta_rate(t);
            let min_cash = match loans.min_cash {
                Some(m) => m,
                None => r2(loans.min_cash_days * (-kulut + gross) / Decimal::from(365)),
            };
            let (i0, k, kk) = if given {
                let i_p = -self.z(Line::Korkokulut, t);
                let b_p = self.z(Line::LainojenLisays, t);
                let a_p = (plan_loans[&(t - 1)] + plan_loans[&t]) / Decimal::TWO;
                let r_p = if a_p > Decimal::ZERO {
                    i_p / a_p
                } else {
                    Decimal::ZERO
                };
                let r = r_p + dr;
                let i0 = i_p - r_p * a_p
                    + r * (Decimal::TWO * loans_prev - repay + lyhyt) / Decimal::TWO;
                // The plan's own cash flow before interest, from its lines.
                let (p_ti, p_kulut, p_valm) = self.operating(t);
                let (p_gross, p_subs, p_sales) = self.investing(t);
                let vk_p_ex = p_ti
                    + p_valm
                    + p_kulut
                    + self.z(Line::Verotulot, t)
                    + self.z(Line::Valtionosuudet, t)
                    + korkotuotot
                    + muut_rt
                    + muut_rk;
                let ti_p_ex = vk_p_ex + rl_sat + korj - p_gross + p_subs + p_sales;
                let kk = b_p + (ti_p_ex - i_p) - ti_ex;
                (i0, r / Decimal::TWO, kk)
            } else {
                let base_rate = match &loans.interest_rate_pct {
                    Some(p) => p.at(t).unwrap_or(implied_rate),
                    None => implied_rate,
                };
                let r = pct(base_rate) + dr;
                let i0 = r * (Decimal::TWO * loans_prev - repay + lyhyt) / Decimal::TWO;
                let kk = min_cash - cash_prev - ti_ex - (antol + lyhyt + oma + muut) + repay;
                (i0, r / Decimal::TWO, kk)
            };
            let x = kk + i0;
            let borrow = if x > Decimal::ZERO && k < Decimal::ONE {
                ceil_cent(x / (Decimal::ONE - k))
            } else {
                Decimal::ZERO
            };
            let interest = r2(i0 + k * borrow);
            let loans_now = loans_prev + borrow - repay + lyhyt;
            let avg_loans = (loans_prev + loans_now) / Decimal::TWO;
            let eff_rate = if avg_loans > Decimal::ZERO {
                round(HUNDRED * interest / avg_loans, 2, Rule::HalfEven)
            } else {
                Decimal::ZERO
            };

            // The income statement.
            let toimintakate = ti + valm + kulut;
            let rtk = korkotuotot + muut_rt - interest + muut_rk;
            let vuosikate = toimintakate + verot + vos + rtk;
            let tulos = vuosikate - dep + sat;
            let ylijaama = tulos + siirrot;

            // The cash flow statement.
            let toiminnan = vuosikate + rl_sat + korj;
            let investoinnit = -gross + subs + sales;
            let t_i = toiminnan + investoinnit;
            let lainakannan = borrow - repay + lyhyt;
            let rahoituksen = antol + lainakannan + oma + muut;
            let cash = cash_prev + t_i + rahoituksen;

            // The balance sheet, rolled forward.
            let earlier = rolled.edellisten_ylijaama + rolled.tilikauden_ylijaama;
            rolled.edellisten_ylijaama = earlier;
            rolled.tilikauden_ylijaama = ylijaama;
            rolled.poistoero -= siirrot - rahastot;
            // The other lines show only in the statements.
            if !lean {
                let r = &mut rolled;
                r.aineelliset += gross - subs - dep - (sales + korj) - kay;
                r.sijoitukset -= antol;
                r.saamiset -= saam;
                r.vaihto_omaisuus -= vo;
                r.toimeksiantojen_paaomat += toim;
                r.la_muut_velat += muut - saam - vo - toim - kay;
                r.rahat += cash - cash_prev;
                r.peruspaaoma += oma;
                r.muut_omat_rahastot -= rahastot;
                r.la_rahoituslaitokset += lyhyt;
                r.pa_rahoituslaitokset += borrow - repay;
            }

            // Group loans and leases, population, tax rate.
            let group_loans = if given && self.tot(Line::KonserninLainakanta, t).is_some() {
                let gl = self.z(Line::KonserninLainakanta, t) + (loans_now - plan_loans[&t]);
                companies = Some(gl - loans_now);
                Some(gl)
            } else if let Some(c) = sc.group.companies_loans.get(&t) {
                companies = Some(*c);
                Some(loans_now + c)
            } else {
                companies = companies.map(|c| {
                    r2(c * (Decimal::ONE
                        + pct(sc.group.companies_loan_growth_pct.at(t).unwrap_or_default())))
                });
                companies.map(|c| loans_now + c)
            };
            lease_city = if given {
                self.tot(Line::Vuokravastuut, t).or(lease_city)
            } else {
                lease_city
            };
            lease_group = match (given, self.tot(Line::KonserninVuokravastuut, t)) {
                (true, Some(v)) => Some(v),
                _ => lease_group.map(|l| {
                    r2(l * (Decimal::ONE
                        + pct(sc.group.lease_growth_pct.at(t).unwrap_or_default())))
                }),
            };

            // A simulated path needs the year's figures, not its statements.
            if !lean {
                bs.extend(rolled.lines());
                let mut lines: Vec<(&'static str, Decimal)> = vec![
                    ("tl.toimintatuotot", ti),
                    ("tl.valmistus_omaan_kayttoon", valm),
                    ("tl.toimintakulut", kulut),
                    ("tl.toimintakate", toimintakate),
                    ("tl.verotulot", verot),
                    ("tl.valtionosuudet", vos),
                    ("tl.korkotuotot", korkotuotot),
                    ("tl.muut_rahoitustuotot", muut_rt),
                    ("tl.korkokulut", -interest),
                    ("tl.muut_rahoituskulut", muut_rk),
                    ("tl.rahoitustuotot_ja_kulut", rtk),
                    ("tl.vuosikate", vuosikate),
                    ("tl.poistot_ja_arvonalentumiset", -dep),
                    ("tl.satunnaiset_erat", sat),
                    ("tl.tilikauden_tulos", tulos),
                    ("tl.tilinpaatossiirrot", siirrot),
                    ("tl.tilikauden_ylijaama", ylijaama),
                    ("rl.vuosikate", vuosikate),
                    ("rl.satunnaiset_erat", rl_sat),
                    ("rl.tulorahoituksen_korjauserat", korj),
                    ("rl.toiminnan_rahavirta", toiminnan),
                    ("rl.investointimenot", -gross),
                    ("rl.rahoitusosuudet", subs),
                    ("rl.luovutustulot", sales),
                    ("rl.investointien_rahavirta", investoinnit),
                    ("rl.toiminnan_ja_investointien_rahavirta", t_i),
                    ("rl.antolainauksen_muutokset", antol),
                    ("rl.pitkaaikaisten_lainojen_lisays", borrow),
                    ("rl.pitkaaikaisten_lainojen_vahennys", -repay),
                    ("rl.lyhytaikaisten_lainojen_muutos", lyhyt),
                    ("rl.lainakannan_muutokset", lainakannan),
                    ("rl.oman_paaoman_muutokset", oma),
                    ("rl.muut_maksuvalmiuden_muutokset", muut),
                    ("rl.rahoituksen_rahavirta", rahoituksen),
                    ("rl.rahavarojen_muutos", cash - cash_prev),
                    ("rl.rahavarat_31_12", cash),
                    ("rl.rahavarat_1_1", cash_prev),
                ];
                let sum = |ids: &[&str]| -> Decimal {
                    ids.iter()
                        .map(|i| bs.get(i).copied().unwrap_or_default())
                        .sum()
                };
                let pa: Vec<&str> = items::children("ta.pitkaaikainen").map(|d| d.id).collect();
                let la: Vec<&str> = items::children("ta.lyhytaikainen").map(|d| d.id).collect();
                let pysyvat = sum(&["ta.aineettomat", "ta.aineelliset", "ta.sijoitukset"]);
                let vaihtuvat = sum(&[
                    "ta.vaihto_omaisuus",
                    "ta.saamiset",
                    "ta.rahoitusarvopaperit",
                    "ta.rahat_ja_pankkisaamiset",
                ]);
                let oma_paaoma = sum(&[
                    "ta.peruspaaoma",
                    "ta.arvonkorotusrahasto",
                    "ta.muut_omat_rahastot",
                    "ta.edellisten_ylijaama",
                    "ta.tilikauden_ylijaama",
                ]);
                let pitka = sum(&pa);
                let lyhyt_v = sum(&la);
                lines.extend([
                    ("ta.pysyvat_vastaavat", pysyvat),
                    ("ta.vaihtuvat_vastaavat", vaihtuvat),
                    (
                        "ta.vastaavaa",
                        pysyvat + vaihtuvat + sum(&["ta.toimeksiantojen_varat"]),
                    ),
                    ("ta.oma_paaoma", oma_paaoma),
                    ("ta.pitkaaikainen", pitka),
                    ("ta.lyhytaikainen", lyhyt_v),
                    ("ta.vieras_paaoma", pitka + lyhyt_v),
                    (
                        "ta.vastattavaa",
                        oma_paaoma
                            + pitka
                            + lyhyt_v
                            + sum(&[
                                "ta.poistoero_ja_varaukset",
                                "ta.pakolliset_varaukset",
                                "ta.toimeksiantojen_paaomat",
                            ]),
                    ),
                ]);
                for (id, v) in &bs {
                    lines.push((*id, *v));
                }
                if let Some(p) = pop.get(&t) {
                    lines.push(("bg.asukasluku", *p));
                }
                if let Some(r) = rate {
                    lines.push(("bg.tuloveroprosentti", r));
                }
                if let Some(l) = lease_city {
                    lines.push(("bg.vuokravastuut", l));
                }
                if let Some(l) = lease_group {
                    lines.push(("bg.konsernin_vuokravastuut", l));
                }
                if let Some(gl) = group_loans {
                    lines.push(("bg.konsernin_lainakanta", gl));
                }
                self.emit(&mut out, t, kind, given, &lines, &src, &known);
            }

            // Rates within their bounds can still carry a figure out of any
            // plausible range (a deficit borrowed on, year after year);
            // stopping at the year it happens keeps the arithmetic exact.
            for (name, v) in [
                ("tax revenue", verot),
                ("state subsidies", vos),
                ("net operating cost", toimintakate),
                ("annual margin", vuosikate),
                ("gross investment", gross),
                ("loans", loans_now),
                ("cash", cash),
                ("accumulated surplus", earlier + ylijaama),
            ] {
                if v.abs() > PLAUSIBLE_EUR {
                    return Err(ProjectionError::Scenario(ScenarioError {
                        at: None,
                        message: format!(
                            "in {t} the projected {name} would be {} €, beyond 10^15 €, which no municipality's figures reach; the scenario's rates or amounts drive it there",
                            r0(v)
                        ),
                    }));
                }
            }
            rows.push(YearRow {
                year: t,
                kind,
                given,
                price_index_pct: self.pi.change(t).unwrap_or_default(),
                population: pop.get(&t).copied(),
                tax_rate_pct: rate,
                taxable_income: taxable,
                tax_revenue: verot,
                state_subsidies: vos,
                net_operating_cost: -toimintakate,
                annual_margin: vuosikate,
                depreciation: dep,
                gross_investment: gross,
                investment_subsidies: subs,
                asset_sales: sales,
                net_investment: gross - subs - sales,
                borrowing: borrow,
                repayments: repay,
                loans: loans_now,
                interest_rate_pct: eff_rate,
                interest,
                cash,
                min_cash,
                accumulated_surplus: earlier + ylijaama,
                group_loans,
                group_leases: lease_group,
                operating_and_investing: t_i,
                earlier_surplus: earlier,
                surplus: ylijaama,
            });
            loans_prev = loans_now;
            cash_prev = cash;
        }

        Ok(Projection {
            scenario: sc.name.clone(),
            base_year: base,
            horizon: self.horizon,
            dataset: out,
            rows,
            price_index: self.pi,
            assumptions,
        })
    }

    /// Puts a projected year's lines into the dataset. A given year keeps
    /// its own figures (and their cells) wherever the projection agrees with
    /// them; a line the scenario changed replaces the figure and drops the
    /// detail under it, which no longer adds up to it.
    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        out: &mut Dataset,
        t: i32,
        kind: YearKind,
        given: bool,
        lines: &[(&'static str, Decimal)],
        src: &Location,
        known: &BTreeSet<&str>,
    ) {
        out.years.insert(t, kind);
        if given {
            for (k, f) in &self.ds.figures {
                if k.2 == t && (k.0 == Entity::Group || !k.1.starts_with("ta.")) {
                    out.figures.insert(*k, f.clone());
                }
            }
        }
        let emitted: BTreeSet<&str> = lines.iter().map(|(id, _)| *id).collect();
        for (id, v) in lines {
            let id: &'static str = id;
            if given && !id.starts_with("ta.") {
                if self.ds.value(Entity::City, id, t) == Some(*v) {
                    continue;
                }
                if self.ds.value(Entity::City, id, t).is_none()
                    && self.ds.total(Entity::City, id, t) == Some(*v)
                {
                    continue;
                }
                if self.ds.total(Entity::City, id, t).is_none() && v.is_zero() {
                    continue;
                }
                let below: Vec<&'static str> = items::ITEMS
                    .iter()
                    .filter(|d| !emitted.contains(d.id) && is_below(d.id, id, &emitted))
                    .map(|d| d.id)
                    .collect();
                for b in below {
                    out.figures.remove(&(Entity::City, b, t));
                }
            } else if v.is_zero() && !known.contains(id) {
                continue;
            }
            let def = items::item(id);
            out.figures.insert(
                (Entity::City, def.id, t),
                Figure {
                    value: *v,
                    source: src.clone(),
                    label: def.fi.to_string(),
                    quantum: Decimal::ZERO,
                },
            );
        }
    }
}

/// Whether `id` adds up into `ancestor` through subtotals none of which the
/// projection sets itself (those keep their own detail when unchanged).
fn is_below(id: &str, ancestor: &str, emitted: &BTreeSet<&str>) -> bool {
    let mut cur = items::try_item(id).and_then(|d| d.parent);
    while let Some(p) = cur {
        if p == ancestor {
            return true;
        }
        if emitted.contains(p) {
            return false;
        }
        cur = items::try_item(p).and_then(|d| d.parent);
    }
    false
}
