//! What the projection derives once, before its first year: from the
//! workbook (the start, the plan's own paths), the scenario and the price
//! index. A forecast and every simulated path step through the years from
//! the same drivers; only the settings a path draws differ.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::figures::{Figures, Line};
use super::step::{Vintage, depreciation};
use super::{HUNDRED, ProjectionError, Span, Touched, pct, r0, r2};
use crate::model::cents::Cents;
use crate::model::dataset::{Dataset, Entity, YearKind};
use crate::model::items::Statement;
use crate::model::money::{Rule, round};
use crate::model::price_index::PriceIndex;
use crate::model::scenario::{AssetClass, Path, Project, Scenario, ScenarioError};

/// A named project's net investment by year, depreciated from its completion.
pub(super) struct ProjectFlows {
    pub class: AssetClass,
    pub completion: i32,
    pub net_by_year: BTreeMap<i32, Decimal>,
}

/// A plan year's interest and borrowing as the plan made them: what a
/// path's interest and borrowing in that year are measured against.
#[derive(Clone, Copy, Debug)]
pub(super) struct PlanFinance {
    /// The plan's implied rate (a 28-digit quotient) and what its interest
    /// leaves over the rate times the average stock.
    pub rate: Decimal,
    pub residue: Decimal,
    /// The plan's borrowing and its cash flow before interest, less the
    /// interest: the borrowing a path needs is this less its own cash flow.
    pub cash: Decimal,
}

/// Gross investment, subsidies and asset sales.
pub(super) type Spend = (Decimal, Decimal, Decimal);

pub(super) struct Drivers<'a, 's> {
    pub ds: &'a Dataset,
    pub sc: &'s Scenario,
    pub fig: &'a Figures,
    pub base: i32,
    pub horizon: i32,
    /// Budget and plan years used as given: consecutive from the base year.
    pub given: BTreeSet<i32>,
    /// The last given year, or the base year.
    pub g: i32,
    /// The workbook's series with the scenario's figure for missing years.
    pub pi: PriceIndex,
    /// Its changes as fractions, from the base year to the horizon: read
    /// three times a year by every path.
    pi_frac: Vec<Decimal>,
    pub loans0: Decimal,
    pub cash0: Decimal,
    pub pop: BTreeMap<i32, Decimal>,
    /// The derived population growth and the years it averages.
    pub pop_growth: Option<(Decimal, usize)>,
    /// The population of each year after the base over the year before's,
    /// where both are on the path and the earlier one is positive: divided
    /// once per population path, not in the costs and the taxes of every
    /// year of every path.
    pub pop_ratio: Vec<Option<Decimal>>,
    /// Income, property and corporate tax of the last given year.
    pub tax0: (Decimal, Decimal, Decimal),
    pub first_share: Decimal,
    pub proj_spend: BTreeMap<i32, Spend>,
    pub plan_spend: BTreeMap<i32, Spend>,
    pub plan_vintages: Vec<Vintage>,
    pub project_flows: Vec<ProjectFlows>,
    pub general_life: u32,
    /// The general investments' level beyond the plan, and the years averaged.
    pub trend0: Spend,
    pub trend_years: Vec<i32>,
    pub existing_level: Decimal,
    pub existing_book: Decimal,
    pub var_share: Decimal,
    /// The plan's own loan path, to measure the scenario against.
    pub plan_loans: BTreeMap<i32, Decimal>,
    /// The plan years' own interest and cash, the same in every path.
    pub plan_finance: BTreeMap<i32, PlanFinance>,
    pub implied_rate: Decimal,
    /// The average maturity, and whether the workbook implied it.
    pub maturity: (Decimal, bool),
    pub companies0: Option<Decimal>,
    /// Tax revenue and state subsidies by year (`revenue::derive`).
    pub rev: super::revenue::Revenue,
}

impl<'a, 's> Drivers<'a, 's> {
    pub fn new(
        ds: &'a Dataset,
        sc: &'s Scenario,
        series: &PriceIndex,
        span: Span,
        fig: &'a Figures,
    ) -> Result<Drivers<'a, 's>, ProjectionError> {
        let Span { base, horizon } = span;
        let given = given_years(ds, sc, fig, base, horizon);
        let g = given.iter().max().copied().unwrap_or(base);
        let pi = price_index(series, sc, base, horizon);
        sc.check_compounding(base + 1, horizon, |y| pi.change(y).unwrap_or_default())
            .map_err(ProjectionError::Scenario)?;

        let data = ProjectionError::Data;
        let loans0 = fig.city_loans(base).map_err(ProjectionError::Missing)?;
        if fig.get(Line::EdellistenYlijaama, base).is_none()
            && fig.get(Line::TilikaudenYlijaama, base).is_none()
        {
            return Err(data(crate::text!(
                "vuoden {base} tase ei näytä kertynyttä ylijäämää (Edellisten tilikausien ylijäämä, Tilikauden ylijäämä)",
                "balansräkningen för {base} visar inte det ackumulerade överskottet (Överskott från tidigare räkenskapsperioder, Räkenskapsperiodens överskott)",
                "the balance sheet of {base} does not show the accumulated surplus (Edellisten tilikausien ylijäämä, Tilikauden ylijäämä)"
            )));
        }
        let z = |line: Line, y: i32| fig.get(line, y).unwrap_or_default();
        let cash0 = z(Line::Rahat, base) + z(Line::Rahoitusarvopaperit, base);
        let pi_frac = fractions(&pi, base, horizon);
        let mut d = Drivers {
            ds,
            sc,
            fig,
            base,
            horizon,
            given,
            g,
            pi,
            pi_frac,
            loans0,
            cash0,
            pop: BTreeMap::new(),
            pop_growth: None,
            pop_ratio: Vec::new(),
            tax0: Default::default(),
            first_share: pct(sc.tax.first_year_effect_pct),
            proj_spend: BTreeMap::new(),
            plan_spend: BTreeMap::new(),
            plan_vintages: Vec::new(),
            project_flows: Vec::new(),
            general_life: sc.investments.life(AssetClass::General),
            trend0: Default::default(),
            trend_years: Vec::new(),
            existing_level: Decimal::ZERO,
            existing_book: Decimal::ZERO,
            var_share: pct(sc.loans.variable_share_pct),
            plan_loans: BTreeMap::new(),
            plan_finance: BTreeMap::new(),
            implied_rate: Decimal::ZERO,
            maturity: (Decimal::ZERO, false),
            companies0: fig.group_loans(base).map(|gl| gl - loans0),
            rev: Default::default(),
        };
        d.population();
        d.tax()?;
        d.investments();
        d.depreciation();
        d.loans();
        d.rev = super::revenue::derive(&d)?;
        Ok(d)
    }

    /// The drivers of another path of the same simulation: `sc` differs
    /// from the scenario these were derived from only in what `touched`
    /// names, so only that is derived again.
    pub fn again<'t>(
        self,
        sc: &'t Scenario,
        series: &PriceIndex,
        touched: &Touched,
    ) -> Result<Drivers<'a, 't>, ProjectionError> {
        let mut d = self.rebind(sc);
        if touched.price_index {
            d.pi = price_index(series, sc, d.base, d.horizon);
            d.pi_frac = fractions(&d.pi, d.base, d.horizon);
        }
        let pi = &d.pi;
        sc.check_compounding_of(
            d.base + 1,
            d.horizon,
            |y| pi.change(y).unwrap_or_default(),
            &touched.growths,
        )
        .map_err(ProjectionError::Scenario)?;
        if touched.population {
            d.pop.clear();
            d.pop_growth = None;
            d.population();
        }
        if touched.projects {
            d.proj_spend.clear();
            d.plan_spend.clear();
            d.plan_vintages.clear();
            d.project_flows.clear();
            d.investments();
            d.depreciation();
        }
        // The draws of earnings, employment and the tax growths are not
        // named in `touched` (its growths may be cleared once bounded): the
        // taxes always again. The subsidies follow the taxes only through
        // the equalisation.
        d.rev = if touched.subsidies || !d.rev.split.equalisation.is_zero() {
            super::revenue::derive(&d)?
        } else {
            super::revenue::taxes_again(&d, &d.rev)?
        };
        Ok(d)
    }

    /// The same drivers read against another scenario: what `again` starts
    /// from, and how a path's drivers outlive the path's scenario.
    pub fn rebind<'t>(self, sc: &'t Scenario) -> Drivers<'a, 't> {
        Drivers {
            ds: self.ds,
            sc,
            fig: self.fig,
            base: self.base,
            horizon: self.horizon,
            given: self.given,
            g: self.g,
            pi: self.pi,
            pi_frac: self.pi_frac,
            loans0: self.loans0,
            cash0: self.cash0,
            pop: self.pop,
            pop_growth: self.pop_growth,
            pop_ratio: self.pop_ratio,
            tax0: self.tax0,
            first_share: self.first_share,
            proj_spend: self.proj_spend,
            plan_spend: self.plan_spend,
            plan_vintages: self.plan_vintages,
            project_flows: self.project_flows,
            general_life: self.general_life,
            trend0: self.trend0,
            trend_years: self.trend_years,
            existing_level: self.existing_level,
            existing_book: self.existing_book,
            var_share: self.var_share,
            plan_loans: self.plan_loans,
            plan_finance: self.plan_finance,
            implied_rate: self.implied_rate,
            maturity: self.maturity,
            companies0: self.companies0,
            rev: self.rev,
        }
    }

    pub fn tot(&self, line: Line, y: i32) -> Option<Decimal> {
        self.fig.get(line, y)
    }
    pub fn z(&self, line: Line, y: i32) -> Decimal {
        self.tot(line, y).unwrap_or_default()
    }
    pub fn cents(&self, line: Line, y: i32) -> Option<Cents> {
        self.tot(line, y).map(Cents::from_dec)
    }
    pub fn zc(&self, line: Line, y: i32) -> Cents {
        self.cents(line, y).unwrap_or_default()
    }
    pub fn is_given(&self, y: i32) -> bool {
        self.given.contains(&y)
    }
    /// The year's price index change as a fraction.
    pub fn pi(&self, y: i32) -> Decimal {
        let at = usize::try_from(y - self.base).ok();
        match at.and_then(|i| self.pi_frac.get(i)) {
            Some(f) => *f,
            None => pct(self.pi.change(y).unwrap_or_default()),
        }
    }

    fn population(&mut self) {
        let (sc, base) = (self.sc, self.base);
        let pop_base = self.tot(Line::Asukasluku, base);
        let growth = match (&sc.population.growth_pct, pop_base) {
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
                self.pop_growth = Some((avg, changes.len()));
                Some(Path::constant(avg))
            }
            (None, None) => None,
        };
        if let Some(p) = pop_base {
            self.pop.insert(base, p);
        }
        for t in base + 1..=self.horizon {
            let explicit = sc.population.values.get(&t).copied();
            let given = if self.is_given(t) {
                self.tot(Line::Asukasluku, t)
            } else {
                None
            };
            let v = explicit.or(given).or_else(|| {
                let prev = self.pop.get(&(t - 1)).copied()?;
                // Between two explicit values: a straight line.
                if let Some((ny, nv)) = sc.population.values.range(t..).next() {
                    let steps = Decimal::from(ny - (t - 1));
                    return Some(r0(prev + (nv - prev) / steps));
                }
                let gr = growth.as_ref().and_then(|p| p.at(t)).unwrap_or_default();
                Some(r0(prev * (Decimal::ONE + pct(gr))))
            });
            if let Some(v) = v {
                self.pop.insert(t, v);
            }
        }
        self.pop_ratio = (base + 1..=self.horizon)
            .map(|t| match (self.pop.get(&(t - 1)), self.pop.get(&t)) {
                (Some(a), Some(b)) if *a > Decimal::ZERO => Some(b / a),
                _ => None,
            })
            .collect();
    }

    /// `pop_ratio` of year `t`.
    pub fn pop_ratio(&self, t: i32) -> Option<Decimal> {
        let i = usize::try_from(t - self.base - 1).ok()?;
        self.pop_ratio.get(i).copied().flatten()
    }

    /// The income tax rate in force in `y` before the scenario's changes.
    pub fn rate_of(&self, y: i32) -> Option<Decimal> {
        (self.base - 10..=y.min(self.g))
            .rev()
            .find_map(|yy| self.tot(Line::Tuloveroprosentti, yy))
            .or(self.sc.tax.rate_pct)
    }

    fn tax(&mut self) -> Result<(), ProjectionError> {
        let tax = &self.sc.tax;
        let verot_g = self.z(Line::Verotulot, self.g);
        let split = super::revenue::tax_shares(self, self.g);
        let inc = r2(verot_g * pct(split.income));
        let prop = r2(verot_g * pct(split.property));
        self.tax0 = (inc, prop, verot_g - inc - prop);
        if !tax.rate_changes.is_empty() && self.rate_of(self.base).is_none() {
            let at = tax.rate_changes[0].at.clone();
            return Err(ProjectionError::Scenario(ScenarioError {
                at: Some(at),
                message: crate::text!(
                    "veroprosentin muutos tarvitsee tuloveroprosentin: lisää Tuloveroprosentti työkirjan taustatietoihin tai tax.rate_pct skenaarioon",
                    "en ändring av skattesatsen behöver inkomstskattesatsen: lägg till Tuloveroprosentti i arbetsbokens bakgrundsuppgifter eller tax.rate_pct i scenariot",
                    "a tax rate change needs the income tax rate: add Tuloveroprosentti to the workbook's background sheet or tax.rate_pct to the scenario"
                ),
            }));
        }
        // Each change is bounded, their sum was not: a hundred raises of
        // 20 points projected a rate of 2 007 %, ten cuts a negative one.
        let mut changes: Vec<_> = tax.rate_changes.iter().collect();
        changes.sort_by_key(|c| c.from);
        let mut rate = self.rate_of(self.base).unwrap_or_default();
        for (i, c) in changes.iter().enumerate() {
            rate += c.change_pp;
            // The rate of a year: every change from it summed.
            let year_done = changes.get(i + 1).is_none_or(|n| n.from != c.from);
            if year_done && (rate < Decimal::ZERO || rate > HUNDRED) {
                let (r, from) = (rate.normalize(), c.from);
                return Err(ProjectionError::Scenario(ScenarioError {
                    at: Some(c.at.clone()),
                    message: crate::text!(
                        "veroprosentin muutokset veisivät tuloveroprosentin {r} %:iin vuodesta {from}, välin 0–100 % ulkopuolelle",
                        "ändringarna av skattesatsen skulle föra inkomstskattesatsen till {r} % från {from}, utanför 0–100 %",
                        "the tax rate changes would take the income tax rate to {r} % from {from}, outside 0–100 %"
                    ),
                }));
            }
        }
        Ok(())
    }

    /// Operating income, costs and production for own use. A budget that
    /// prints only the operating margin gives it as a net cost.
    pub fn operating(&self, y: i32) -> (Decimal, Decimal, Decimal) {
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
    pub fn investing(&self, y: i32) -> Spend {
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

    /// The plan's own investments without named projects in a given year.
    pub fn general_given(&self, y: i32) -> Spend {
        let ps = self.plan_spend.get(&y).copied().unwrap_or_default();
        let (gross, subs, sales) = self.investing(y);
        (gross - ps.0, subs - ps.1, sales - ps.2)
    }

    fn investments(&mut self) {
        let inv = &self.sc.investments;
        for p in &inv.projects {
            // A year's part of an amount in proportion to the spending it
            // goes with: the project's own (which adds up to its cost), or
            // the plan's (which may hold less when the cost has overrun).
            let share = |sp: &BTreeMap<i32, Decimal>, y: i32, amount: Decimal| -> Decimal {
                let total: Decimal = sp.values().sum();
                if total.is_zero() {
                    Decimal::ZERO
                } else {
                    r2(amount * sp.get(&y).copied().unwrap_or_default() / total)
                }
            };
            let sp = p.spend();
            let comp = Project::completion(&p.years).unwrap_or(self.base);
            let mut net_by_year = BTreeMap::new();
            for (y, v) in &sp {
                let s = share(&sp, *y, p.subsidy);
                let e = self.proj_spend.entry(*y).or_default();
                e.0 += *v;
                e.1 += s;
                *net_by_year.entry(*y).or_default() += *v - s;
            }
            self.proj_spend.entry(comp).or_default().2 += p.land_sales;
            self.project_flows.push(ProjectFlows {
                class: p.class,
                completion: comp,
                net_by_year,
            });
            if !p.in_plan.is_empty() {
                let pp = p.planned_spend();
                let pcomp = Project::completion(&p.in_plan).unwrap_or(self.base);
                let mut net = Decimal::ZERO;
                for (y, v) in &pp {
                    let s = share(&pp, *y, p.subsidy);
                    let e = self.plan_spend.entry(*y).or_default();
                    e.0 += *v;
                    e.1 += s;
                    net += *v - s;
                }
                self.plan_spend.entry(pcomp).or_default().2 += p.land_sales;
                self.plan_vintages
                    .push(Vintage::new(pcomp, inv.life(p.class), net));
            }
        }
        for y in self.given.iter() {
            let (gg, gs, _) = self.general_given(*y);
            self.plan_vintages
                .push(Vintage::new(*y, self.general_life, gg - gs));
        }
        // Trend level beyond the plan: the plan's average, indexed; without
        // a plan, the last three actual years the workbook has a cash flow
        // statement for (a year it does not hold is not a year of zero
        // investment).
        self.trend_years = if self.given.is_empty() {
            let held: Vec<i32> = (self.base - 2..=self.base)
                .filter(|y| (self.fig).has(Entity::City, Statement::Rahoituslaskelma, *y))
                .collect();
            if held.is_empty() {
                vec![self.base]
            } else {
                held
            }
        } else {
            self.given.iter().copied().collect()
        };
        let sums = self
            .trend_years
            .iter()
            .map(|y| self.general_given(*y))
            .fold((Decimal::ZERO, Decimal::ZERO, Decimal::ZERO), |s, g| {
                (s.0 + g.0, s.1 + g.1, s.2 + g.2)
            });
        let n = Decimal::from(self.trend_years.len());
        self.trend0 = (r2(sums.0 / n), r2(sums.1 / n), r2(sums.2 / n));
    }

    /// The workbook's depreciation of a given year, positive.
    pub fn dep_given(&self, y: i32) -> Decimal {
        -self.z(Line::Poistot, y)
    }

    /// Existing assets' depreciation beyond the plan: the last given
    /// year's, less what the plan's own new investments add to it; and the
    /// book value it may use up.
    fn depreciation(&mut self) {
        let (base, g) = (self.base, self.g);
        let dep_base = -self
            .tot(Line::SuunnitelmanMukaisetPoistot, base)
            .unwrap_or_else(|| self.z(Line::Poistot, base));
        self.existing_level = if g > base {
            (self.dep_given(g) - depreciation(&self.plan_vintages, g)).max(Decimal::ZERO)
        } else {
            dep_base
        };
        let land = self.z(Line::MaaJaVesialueet, base);
        let mut book = self.z(Line::Aineelliset, base) + self.z(Line::Aineettomat, base) - land;
        for y in self.given.iter() {
            book -= (self.dep_given(*y) - depreciation(&self.plan_vintages, *y)).max(Decimal::ZERO);
        }
        self.existing_book = book;
    }

    fn loans(&mut self) {
        let (base, g, loans0) = (self.base, self.g, self.loans0);
        self.plan_loans.insert(base, loans0);
        for y in self.given.iter() {
            let prev = self.plan_loans[&(y - 1)];
            let now = prev
                + self.z(Line::LainojenLisays, *y)
                + self.z(Line::LainojenVahennys, *y)
                + self.z(Line::LyhytaikaistenMuutos, *y);
            self.plan_loans.insert(*y, now);
        }
        for t in self.given.iter().copied() {
            let pf = self.plan_finance_of(t);
            self.plan_finance.insert(t, pf);
        }
        let (i, a) = if g > base {
            (
                -self.z(Line::Korkokulut, g),
                (self.plan_loans[&(g - 1)] + self.plan_loans[&g]) / Decimal::TWO,
            )
        } else {
            let prev = self.fig.city_loans(base - 1).unwrap_or(loans0);
            (
                -self.z(Line::Korkokulut, base),
                (prev + loans0) / Decimal::TWO,
            )
        };
        self.implied_rate = if a > Decimal::ZERO {
            round(HUNDRED * i / a, 2, Rule::HalfEven)
        } else {
            Decimal::ZERO
        };
        self.maturity = match self.sc.loans.average_maturity_years {
            Some(m) => (m, false),
            None => {
                let rep = -self.z(Line::LainojenVahennys, g);
                let stock = self.plan_loans.get(&g).copied().unwrap_or(loans0);
                let m = if rep > Decimal::ZERO && stock > Decimal::ZERO {
                    round(stock / rep, 1, Rule::HalfEven)
                } else {
                    Decimal::from(20)
                };
                (m, true)
            }
        };
    }

    /// A plan year's interest and cash before interest, from its lines.
    fn plan_finance_of(&self, t: i32) -> PlanFinance {
        let i_p = -self.z(Line::Korkokulut, t);
        let b_p = self.z(Line::LainojenLisays, t);
        let a_p = (self.plan_loans[&(t - 1)] + self.plan_loans[&t]) / Decimal::TWO;
        let r_p = if a_p > Decimal::ZERO {
            i_p / a_p
        } else {
            Decimal::ZERO
        };
        let (p_ti, p_kulut, p_valm) = self.operating(t);
        let (p_gross, p_subs, p_sales) = self.investing(t);
        // The year's other financial items and cash flow corrections, as
        // the step takes them in a given year.
        let sat = self.z(Line::TlSatunnaisetErat, t);
        let rl_sat = self.tot(Line::RlSatunnaisetErat, t).unwrap_or(sat);
        let vk_p_ex = p_ti
            + p_valm
            + p_kulut
            + self.z(Line::Verotulot, t)
            + self.z(Line::Valtionosuudet, t)
            + self.z(Line::Korkotuotot, t)
            + self.z(Line::MuutRahoitustuotot, t)
            + self.z(Line::MuutRahoituskulut, t);
        let ti_p_ex = vk_p_ex + rl_sat + self.z(Line::TulorahoituksenKorjauserat, t) - p_gross
            + p_subs
            + p_sales;
        PlanFinance {
            rate: r_p,
            residue: i_p - r_p * a_p,
            cash: b_p + (ti_p_ex - i_p),
        }
    }

    /// The variable-rate loans' share of the scenario's rate changes in
    /// force in `t`, as a fraction. Summed in percentage points, then a
    /// fraction: the same exact value as summing fractions, with one
    /// multiplication.
    pub fn delta_rate(&self, t: i32) -> Decimal {
        pct(self
            .sc
            .loans
            .rate_changes
            .iter()
            .filter(|c| c.from <= t)
            .map(|c| c.change_pp)
            .sum::<Decimal>())
            * self.var_share
    }

    /// The year's kind: a given year keeps the workbook's, others are estimates.
    pub fn kind(&self, t: i32) -> YearKind {
        if self.is_given(t) {
            self.ds.kind(t).unwrap_or(YearKind::E)
        } else {
            YearKind::E
        }
    }
}

/// The workbook's series with the scenario's figure for the years it lacks.
fn price_index(series: &PriceIndex, sc: &Scenario, base: i32, horizon: i32) -> PriceIndex {
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
}

/// The index's changes as fractions, base year to horizon.
fn fractions(pi: &PriceIndex, base: i32, horizon: i32) -> Vec<Decimal> {
    (base..=horizon)
        .map(|y| pct(pi.change(y).unwrap_or_default()))
        .collect()
}

fn given_years(
    ds: &Dataset,
    sc: &Scenario,
    fig: &Figures,
    base: i32,
    horizon: i32,
) -> BTreeSet<i32> {
    use crate::model::dataset::Entity;
    use crate::model::items::Statement;
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
    given
}
