//! Uncertain drivers: a distribution for a driver of the projection, drawn
//! per year, once per path, or as a persistent walk, with correlations
//! between drivers. Draws are f64 (a statistic needs them); each drawn value
//! enters the projection as a decimal with four decimals, so a path is
//! projected exactly like a deterministic forecast.
//!
//! Draws go through a Gaussian copula: correlated standard normals (the
//! Cholesky factor of the correlation matrix) turned into uniforms and then
//! into each driver's own distribution by its inverse CDF (statrs). So every
//! driver keeps its marginal distribution exactly, whatever its correlations.

use crate::error::Text;
use crate::text;
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;
use serde::Serialize;
use statrs::distribution::{
    Beta, ContinuousCDF, LogNormal, Normal, StudentsT, Triangular, Uniform,
};

use crate::model::scenario::{Origin, Path, RateChange, Scenario};

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "distribution", rename_all = "snake_case")]
pub enum Dist {
    Normal {
        mean: f64,
        sd: f64,
    },
    /// Of the value itself: its mean and standard deviation.
    LogNormal {
        mean: f64,
        sd: f64,
    },
    Triangular {
        min: f64,
        mode: f64,
        max: f64,
    },
    Pert {
        min: f64,
        mode: f64,
        max: f64,
    },
    Uniform {
        min: f64,
        max: f64,
    },
    StudentT {
        location: f64,
        scale: f64,
        df: f64,
    },
}

impl std::fmt::Display for Dist {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Dist::Normal { mean, sd } => write!(f, "normal, mean {mean}, sd {sd}"),
            Dist::LogNormal { mean, sd } => write!(f, "log-normal, mean {mean}, sd {sd}"),
            Dist::Triangular { min, mode, max } => {
                write!(f, "triangular, min {min}, mode {mode}, max {max}")
            }
            Dist::Pert { min, mode, max } => write!(f, "PERT, min {min}, mode {mode}, max {max}"),
            Dist::Uniform { min, max } => write!(f, "uniform, min {min}, max {max}"),
            Dist::StudentT {
                location,
                scale,
                df,
            } => {
                write!(
                    f,
                    "Student's t, location {location}, scale {scale}, df {df}"
                )
            }
        }
    }
}

impl Dist {
    /// The value the deterministic forecast uses: the mean, mode, midpoint
    /// or location.
    pub fn central(&self) -> f64 {
        match *self {
            Dist::Normal { mean, .. } | Dist::LogNormal { mean, .. } => mean,
            Dist::Triangular { mode, .. } | Dist::Pert { mode, .. } => mode,
            Dist::Uniform { min, max } => (min + max) / 2.0,
            Dist::StudentT { location, .. } => location,
        }
    }

    /// Whether it has no spread at all.
    pub fn is_point(&self) -> bool {
        match *self {
            Dist::Normal { sd, .. } | Dist::LogNormal { sd, .. } => sd == 0.0,
            Dist::Triangular { min, max, .. } | Dist::Pert { min, max, .. } => min == max,
            Dist::Uniform { min, max } => min == max,
            Dist::StudentT { scale, .. } => scale == 0.0,
        }
    }

    /// Checks the parameters; the message says what is wrong.
    pub fn check(&self) -> Result<(), Text> {
        let finite = |v: f64, n: &str| {
            if v.is_finite() {
                Ok(())
            } else {
                Err(text!(
                    "{n} ei ole luku",
                    "{n} är inte ett tal",
                    "{n} is not a number"
                ))
            }
        };
        match *self {
            Dist::Normal { mean, sd } => {
                finite(mean, "mean")?;
                if sd < 0.0 {
                    return Err(text!(
                        "sd {sd} on negatiivinen",
                        "sd {sd} är negativ",
                        "sd {sd} is negative"
                    ));
                }
            }
            Dist::LogNormal { mean, sd } => {
                if mean <= 0.0 {
                    return Err(text!(
                        "lognormaalijakauma tarvitsee positiivisen keskiarvon, ei {mean}",
                        "en lognormalfördelning behöver ett positivt medelvärde, inte {mean}",
                        "a log-normal needs a positive mean, not {mean}"
                    ));
                }
                if sd < 0.0 {
                    return Err(text!(
                        "sd {sd} on negatiivinen",
                        "sd {sd} är negativ",
                        "sd {sd} is negative"
                    ));
                }
            }
            Dist::Triangular { min, mode, max } | Dist::Pert { min, mode, max } => {
                if min > max {
                    return Err(text!(
                        "min {min} on suurempi kuin max {max}",
                        "min {min} är större än max {max}",
                        "min {min} is greater than max {max}"
                    ));
                }
                if mode < min || mode > max {
                    return Err(text!(
                        "todennäköisin arvo {mode} ei ole välillä min {min} – max {max}",
                        "det sannolikaste värdet {mode} ligger inte mellan min {min} och max {max}",
                        "the most likely value {mode} is not between min {min} and max {max}"
                    ));
                }
            }
            Dist::Uniform { min, max } => {
                if min > max {
                    return Err(text!(
                        "min {min} on suurempi kuin max {max}",
                        "min {min} är större än max {max}",
                        "min {min} is greater than max {max}"
                    ));
                }
            }
            Dist::StudentT { scale, df, .. } => {
                if scale < 0.0 {
                    return Err(text!(
                        "scale {scale} on negatiivinen",
                        "scale {scale} är negativ",
                        "scale {scale} is negative"
                    ));
                }
                if df <= 0.0 {
                    return Err(text!(
                        "df {df} ei ole positiivinen",
                        "df {df} måste vara positiv",
                        "df {df} must be positive"
                    ));
                }
            }
        }
        Ok(())
    }

    /// The value at the probability of a standard normal `z`: for a normal
    /// the same value as `quantile(Φ(z))` without the two transcendental
    /// functions (to the last bits of a float, which the four decimals a
    /// draw is taken to do not see; above z = 5, where Φ(z) as a float is
    /// too near 1 to hold z's digits, this one is the exact), with
    /// `quantile`'s clamp of the probability at 1e-12 and 1 − 1e-12 as a
    /// clamp of `z`.
    pub fn from_normal(&self, z: f64, std: &Normal) -> f64 {
        match *self {
            Dist::Normal { mean, sd } if sd > 0.0 => {
                // Φ⁻¹(1e-12): where `quantile` clamps.
                const ENDS: f64 = 7.034_483_825_301_132;
                mean + sd * z.clamp(-ENDS, ENDS)
            }
            _ => self.quantile(std.cdf(z)),
        }
    }

    /// The value at probability `u` (0 < u < 1).
    pub fn quantile(&self, u: f64) -> f64 {
        if self.is_point() {
            return self.central();
        }
        let u = u.clamp(1e-12, 1.0 - 1e-12);
        match *self {
            Dist::Normal { mean, sd } => Normal::new(mean, sd)
                .map(|d| d.inverse_cdf(u))
                .unwrap_or(mean),
            Dist::LogNormal { mean, sd } => {
                let s2 = (1.0 + sd * sd / (mean * mean)).ln();
                let mu = mean.ln() - s2 / 2.0;
                LogNormal::new(mu, s2.sqrt())
                    .map(|d| d.inverse_cdf(u))
                    .unwrap_or(mean)
            }
            Dist::Triangular { min, mode, max } => Triangular::new(min, max, mode)
                .map(|d| d.inverse_cdf(u))
                .unwrap_or(mode),
            Dist::Pert { min, mode, max } => {
                // Beta-PERT: shape from the most likely value, weight 4.
                let range = max - min;
                let a = 1.0 + 4.0 * (mode - min) / range;
                let b = 1.0 + 4.0 * (max - mode) / range;
                Beta::new(a, b)
                    .map(|d| min + range * d.inverse_cdf(u))
                    .unwrap_or(mode)
            }
            Dist::Uniform { min, max } => Uniform::new(min, max)
                .map(|d| d.inverse_cdf(u))
                .unwrap_or(min),
            Dist::StudentT {
                location,
                scale,
                df,
            } => StudentsT::new(location, scale, df)
                .map(|d| d.inverse_cdf(u))
                .unwrap_or(location),
        }
    }
}

/// Which driver an uncertainty moves.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Driver {
    PriceIndex,
    EarningsGrowth,
    EmploymentGrowth,
    PropertyTaxGrowth,
    CorporateTaxGrowth,
    CostRealGrowth,
    IncomeRealGrowth,
    SubsidyIndex,
    PopulationGrowth,
    /// Percentage points added to every interest rate, plan years included.
    InterestShift,
    /// Percent more (or less) than the project's cost; one draw a path.
    ProjectCost(String),
}

impl Driver {
    /// The driver a key names: the scenario-key registry lists them.
    pub fn parse(key: &str) -> Option<Driver> {
        use crate::scenario_file::{DRIVERS, PROJECT_COST};
        if let Some(d) = DRIVERS.iter().find(|d| d.key == key) {
            return Some(d.driver.clone());
        }
        let (before, after) = PROJECT_COST.split_once("NAME")?;
        let name = key.strip_prefix(before)?.strip_suffix(after)?;
        Some(Driver::ProjectCost(name.to_string()))
    }
    pub fn key(&self) -> String {
        use crate::scenario_file::{DRIVERS, PROJECT_COST};
        match self {
            Driver::ProjectCost(n) => PROJECT_COST.replace("NAME", n),
            d => DRIVERS
                .iter()
                .find(|x| x.driver == *d)
                .map(|x| x.key.to_string())
                .unwrap_or_default(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Uncertain {
    pub driver: Driver,
    pub dist: Dist,
    /// How much of last year's deviation carries into this year: 0 a fresh
    /// draw every year, 1 one draw for the whole path, between a walk.
    pub persistence: f64,
    pub at: Origin,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Correlation {
    pub a: String,
    pub b: String,
    pub rho: f64,
    pub at: Origin,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Uncertainty {
    pub items: Vec<Uncertain>,
    pub correlations: Vec<Correlation>,
}

/// What the drivers' draws change in a path's scenario, so that a
/// simulation derives the rest once.
pub fn touched(u: &Uncertainty) -> crate::model::projection::Touched {
    use crate::model::scenario::Growth;
    let mut t = crate::model::projection::Touched::default();
    for item in &u.items {
        let growths: &[Growth] = match item.driver {
            Driver::PriceIndex => {
                t.price_index = true;
                t.subsidies = true;
                &[
                    Growth::OperatingCosts,
                    Growth::OperatingIncome,
                    Growth::StateSubsidies,
                ]
            }
            Driver::EarningsGrowth | Driver::EmploymentGrowth => &[Growth::IncomeTax],
            Driver::PropertyTaxGrowth => &[Growth::PropertyTax],
            Driver::CorporateTaxGrowth => &[Growth::CorporateTax],
            Driver::CostRealGrowth => &[Growth::OperatingCosts],
            Driver::IncomeRealGrowth => &[Growth::OperatingIncome],
            Driver::SubsidyIndex => {
                t.subsidies = true;
                &[Growth::StateSubsidies]
            }
            Driver::PopulationGrowth => {
                t.population = true;
                t.subsidies = true;
                &[Growth::Population]
            }
            Driver::InterestShift => &[],
            Driver::ProjectCost(_) => {
                t.projects = true;
                &[]
            }
        };
        for g in growths {
            if !t.growths.contains(g) {
                t.growths.push(*g);
            }
        }
    }
    t
}

/// Whether no path can fail the compounding check that the central one
/// passes, whatever its draws: every draw lies between its distribution's
/// quantiles at 1e-12 and 1 - 1e-12 (where `quantile` clamps), so the
/// scenarios with each growth driver at either end bound every path.
/// Unbounded in practice (a heavy tail, too many drivers to combine), the
/// paths are checked one by one.
pub fn compounding_bounded(
    sc: &Scenario,
    u: &Uncertainty,
    years: &[i32],
    series: &crate::model::price_index::PriceIndex,
    growths: &[crate::model::scenario::Growth],
) -> bool {
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return true;
    };
    if growths.is_empty() {
        return true;
    }
    let moving: Vec<usize> = (0..u.items.len())
        .filter(|i| {
            !matches!(
                u.items[*i].driver,
                Driver::InterestShift | Driver::ProjectCost(_)
            )
        })
        .collect();
    if moving.len() > 8 {
        return false;
    }
    // A little beyond each end, for the rounding of the inverse CDFs.
    let ends = |d: &Dist| {
        let (lo, hi) = (d.quantile(0.0), d.quantile(1.0));
        (lo - 1e-3 * (1.0 + lo.abs()), hi + 1e-3 * (1.0 + hi.abs()))
    };
    let mut corners = Vec::with_capacity(1 << moving.len());
    for mask in 0..1usize << moving.len() {
        let mut values: Vec<Vec<f64>> = u
            .items
            .iter()
            .map(|i| vec![i.dist.central(); years.len()])
            .collect();
        for (bit, i) in moving.iter().enumerate() {
            let (lo, hi) = ends(&u.items[*i].dist);
            let v = if mask >> bit & 1 == 1 { hi } else { lo };
            if !v.is_finite() || v.abs() > 1e6 {
                return false;
            }
            values[*i] = vec![v; years.len()];
        }
        corners.push(apply(sc, u, years, &values));
    }
    let price = |c: &Scenario, y: i32| {
        series
            .change(y)
            .or_else(|| c.price_index_pct.at(y))
            .unwrap_or_default()
    };
    Scenario::compounding_within(&corners, price, *first, *last, growths)
}

/// The lower-triangular Cholesky factor of the drivers' correlation matrix,
/// or the correlation that makes it impossible.
pub fn cholesky(u: &Uncertainty) -> Result<Vec<Vec<f64>>, (Option<Origin>, Text)> {
    let n = u.items.len();
    let mut m = vec![vec![0.0; n]; n];
    for (i, row) in m.iter_mut().enumerate() {
        row[i] = 1.0;
    }
    let pos = |k: &str| u.items.iter().position(|x| x.driver.key() == k);
    for c in &u.correlations {
        let (Some(i), Some(j)) = (pos(&c.a), pos(&c.b)) else {
            return Err((Some(c.at.clone()), {
                let (a, b) = (&c.a, &c.b);
                text!(
                    "{a} ja {b} on molempien oltava tämän skenaarion epävarmoja tekijöitä",
                    "{a} och {b} måste båda vara osäkra faktorer i det här scenariot",
                    "{a} and {b} must both be uncertain drivers of this scenario"
                )
            }));
        };
        if i == j {
            return Err((
                Some(c.at.clone()),
                text!(
                    "tekijä ei voi korreloida itsensä kanssa",
                    "en faktor kan inte korreleras med sig själv",
                    "a driver cannot be correlated with itself"
                ),
            ));
        }
        m[i][j] = c.rho;
        m[j][i] = c.rho;
    }
    let mut l = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in 0..=i {
            let s: f64 = (0..j).map(|k| l[i][k] * l[j][k]).sum();
            if i == j {
                let d = m[i][i] - s;
                if d <= 1e-12 {
                    return Err((
                        u.correlations.last().map(|c| c.at.clone()),
                        text!(
                            "korrelaatiot ovat ristiriidassa keskenään (matriisi ei ole positiivisesti definiitti)",
                            "korrelationerna motsäger varandra (matrisen är inte positivt definit)",
                            "the correlations contradict each other (the matrix is not positive definite)"
                        ),
                    ));
                }
                l[i][j] = d.sqrt();
            } else {
                l[i][j] = (m[i][j] - s) / l[j][j];
            }
        }
    }
    Ok(l)
}

/// SplitMix64: a small seeded generator, the same on every machine.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// The generator of one path: its numbers do not depend on which worker
    /// runs it or when.
    pub fn for_path(seed: u64, path: u64) -> Rng {
        let mut r = Rng(seed ^ path.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        r.step();
        r
    }
    pub fn step(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in (0, 1), never 0 or 1.
    pub fn unit(&mut self) -> f64 {
        ((self.step() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
    pub fn standard_normal(&mut self) -> f64 {
        let std = Normal::new(0.0, 1.0).expect("standard normal");
        std.inverse_cdf(self.unit())
    }
}

/// One path's drawn values: per driver, per projected year.
pub fn draw(u: &Uncertainty, chol: &[Vec<f64>], years: &[i32], rng: &mut Rng) -> Vec<Vec<f64>> {
    let n = u.items.len();
    let std = Normal::new(0.0, 1.0).expect("standard normal");
    let mut z_prev = vec![0.0; n];
    // Each its own room: `vec![v; n]` clones `v`, and a clone of an empty
    // Vec has none, so every driver would grow its vector year by year.
    let mut out: Vec<Vec<f64>> = (0..n).map(|_| Vec::with_capacity(years.len())).collect();
    let mut e = vec![0.0; n];
    let mut shocks = vec![0.0; n];
    for (yi, _) in years.iter().enumerate() {
        e.iter_mut().for_each(|x| *x = rng.standard_normal());
        for (i, s) in shocks.iter_mut().enumerate() {
            *s = (0..=i).map(|k| chol[i][k] * e[k]).sum();
        }
        for (i, item) in u.items.iter().enumerate() {
            let phi = if matches!(item.driver, Driver::ProjectCost(_)) {
                1.0
            } else {
                item.persistence
            };
            // A stationary walk: the marginal stays standard normal.
            let z = if yi == 0 {
                shocks[i]
            } else {
                phi * z_prev[i] + (1.0 - phi * phi).max(0.0).sqrt() * shocks[i]
            };
            z_prev[i] = z;
            // A once-a-path draw needs its inverse CDF only once.
            let v = if phi >= 1.0 && yi > 0 {
                out[i][0]
            } else {
                item.dist.from_normal(z, &std)
            };
            out[i].push(v);
        }
    }
    out
}

/// A drawn value as the projection takes it: four decimals (ten-thousandths
/// rounded half away from zero), through an integer, which is exact and fast.
pub fn dec(v: f64) -> Decimal {
    // f64::round takes a half away from zero, the rule money.rs states, so
    // the fast path and the fallback agree.
    let scaled = (v * 10_000.0).round();
    if scaled.is_finite() && scaled.abs() < 9.0e15 {
        Decimal::new(scaled as i64, 4)
    } else {
        crate::model::money::round_half_away(Decimal::from_f64(v).unwrap_or_default(), 4)
    }
}

/// The scenario with each uncertain driver set to the values given, by
/// projected year (`years`); the deterministic forecast is this with every
/// driver at its central value.
pub fn apply(sc: &Scenario, u: &Uncertainty, years: &[i32], values: &[Vec<f64>]) -> Scenario {
    let mut s = sc.clone();
    apply_into(&mut s, sc, u, years, values);
    s
}

/// The same into `s`, a copy of `sc` that an earlier path may have changed:
/// only the settings the drivers change are set afresh, so a simulated path
/// does not copy the whole scenario.
pub fn apply_into(
    s: &mut Scenario,
    sc: &Scenario,
    u: &Uncertainty,
    years: &[i32],
    values: &[Vec<f64>],
) {
    // Back to the scenario's own settings where a driver adds to them; the
    // paths below replace theirs whole. The rate changes past the
    // scenario's own are written over in place, not made anew every path.
    let mut rates = None;
    for item in &u.items {
        match &item.driver {
            Driver::InterestShift if rates.is_none() => {
                let own = &sc.loans.rate_changes;
                let now = &mut s.loans.rate_changes;
                if now.len() < own.len() || now[..own.len()] != own[..] {
                    now.clone_from(own);
                }
                rates = Some(own.len());
            }
            Driver::ProjectCost(name) => {
                let own = sc.investments.projects.iter().find(|p| p.name == *name);
                let now = s.investments.projects.iter_mut().find(|p| p.name == *name);
                if let (Some(own), Some(now)) = (own, now) {
                    now.cost = own.cost;
                    now.subsidy = own.subsidy;
                    now.spending.clone_from(&own.spending);
                }
            }
            _ => {}
        }
    }
    for (item, vals) in u.items.iter().zip(values) {
        let path = |p: &mut Path| set_path(p, years, vals);
        let some = |p: &mut Option<Path>| match p {
            Some(p) => set_path(p, years, vals),
            None => {
                let mut q = Path::default();
                set_path(&mut q, years, vals);
                *p = Some(q);
            }
        };
        match &item.driver {
            Driver::PriceIndex => path(&mut s.price_index_pct),
            Driver::EarningsGrowth => path(&mut s.tax.earnings_growth_pct),
            Driver::EmploymentGrowth => path(&mut s.tax.employment_growth_pct),
            Driver::PropertyTaxGrowth => path(&mut s.tax.property_growth_pct),
            Driver::CorporateTaxGrowth => path(&mut s.tax.corporate_growth_pct),
            Driver::CostRealGrowth => path(&mut s.operations.cost_real_growth_pct),
            Driver::IncomeRealGrowth => path(&mut s.operations.income_real_growth_pct),
            Driver::SubsidyIndex => some(&mut s.subsidies.index_pct),
            Driver::PopulationGrowth => some(&mut s.population.growth_pct),
            Driver::InterestShift => {
                let k = rates.get_or_insert(s.loans.rate_changes.len());
                let mut prev = Decimal::ZERO;
                for (y, v) in years.iter().zip(vals) {
                    let now = dec(*v);
                    if now != prev {
                        put_rate(&mut s.loans.rate_changes, *k, *y, now - prev, &item.at);
                        *k += 1;
                    }
                    prev = now;
                }
            }
            Driver::ProjectCost(name) => {
                // The scenario's cost already holds the central overrun.
                if let (Some(p), Some(v)) = (
                    s.investments.projects.iter_mut().find(|p| p.name == *name),
                    vals.first(),
                ) {
                    let drawn = Decimal::ONE + dec(*v) / Decimal::ONE_HUNDRED;
                    let central = Decimal::ONE + dec(item.dist.central()) / Decimal::ONE_HUNDRED;
                    if drawn != central && !central.is_zero() {
                        scale_project(p, drawn / central);
                    }
                }
            }
        }
    }
    if let Some(k) = rates {
        s.loans.rate_changes.truncate(k);
    }
}

/// A drawn path: the years' values, written into the map already there
/// when it holds the same years (every path after the first).
fn set_path(p: &mut Path, years: &[i32], vals: &[f64]) {
    p.base = None;
    let same = vals.len() == years.len()
        && p.steps.len() == years.len()
        && p.steps.keys().zip(years).all(|(a, b)| a == b);
    if same {
        for (v, x) in p.steps.values_mut().zip(vals) {
            *v = dec(*x);
        }
    } else {
        p.steps = years.iter().zip(vals).map(|(y, v)| (*y, dec(*v))).collect();
    }
}

/// The `k`th rate change set to these, reusing the one there.
fn put_rate(list: &mut Vec<RateChange>, k: usize, from: i32, change_pp: Decimal, at: &Origin) {
    match list.get_mut(k) {
        Some(c) => {
            c.from = from;
            c.change_pp = change_pp;
            if c.at != *at {
                c.at = at.clone();
            }
        }
        None => list.push(RateChange {
            from,
            change_pp,
            at: at.clone(),
        }),
    }
}

/// A project's cost and spending times `f`, to the cent; the last year's
/// spending takes the remainder so the parts add up to the cost.
pub fn scale_project(p: &mut crate::model::scenario::Project, f: Decimal) {
    p.hold_plan();
    p.cost = crate::model::money::cents(p.cost * f);
    p.subsidy = p.subsidy.min(p.cost);
    if let Some(sp) = &mut p.spending {
        let n = sp.len();
        let mut left = p.cost;
        for (i, x) in sp.iter_mut().enumerate() {
            *x = if i + 1 == n {
                left
            } else {
                crate::model::money::cents(*x * f)
            };
            left -= *x;
        }
    }
}

/// Every driver at its central value, every year.
pub fn central(sc: &Scenario, u: &Uncertainty, years: &[i32]) -> Scenario {
    let values: Vec<Vec<f64>> = u
        .items
        .iter()
        .map(|i| vec![i.dist.central(); years.len()])
        .collect();
    apply(sc, u, years, &values)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A normal's value straight from z is the inverse CDF of z's
    /// probability, to the four decimals a drawn value is taken to. Above
    /// z = 5 (a draw in three million) the route through Φ(z) loses digits,
    /// Φ(z) being a float just below 1, and the two part there.
    #[test]
    fn a_normal_from_z_is_its_quantile() {
        let std = Normal::new(0.0, 1.0).unwrap();
        for (mean, sd) in [(3.0, 1.5), (-0.2, 0.6), (0.0, 1.0), (2.0, 40.0)] {
            let d = Dist::Normal { mean, sd };
            for k in -8000..=5000 {
                let z = k as f64 / 1000.0 + 0.000_123;
                let (a, b) = (d.from_normal(z, &std), d.quantile(std.cdf(z)));
                assert!((a - b).abs() <= 1e-9 * (1.0 + b.abs()), "{z}: {a} vs {b}");
                if (b * 1e4).fract().abs() > 1e-6 && (b * 1e4).fract().abs() < 1.0 - 1e-6 {
                    assert_eq!(dec(a), dec(b), "{z}");
                }
            }
        }
    }
}
