//! Monte Carlo over the projection: each path draws the uncertain drivers,
//! is projected by the same code as a deterministic forecast and measured
//! by the same indicators; per indicator and year the percentiles and the
//! probability that the target holds are kept as the paths go (P²
//! estimators, so memory does not grow with the number of paths), and the
//! paths are fed to them in path order, so the result does not depend on how
//! many threads ran them.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::dataset::{Dataset, YearKind};
use crate::model::indicators::{self, Evaluation, Status};
use crate::model::price_index::PriceIndex;
use crate::model::projection::{self, Options, ProjectionError};
use crate::model::ratios::Measure;
use crate::model::reason::Reason;
use crate::model::rules;
use crate::model::scenario::{Scenario, ScenarioError};
use crate::model::targets::Targets;
use crate::model::uncertainty::{self, Rng};

pub const PERCENTILES: [f64; 5] = [0.05, 0.25, 0.50, 0.75, 0.95];

/// The P² estimator of one quantile (Jain & Chlamtac 1985): five markers,
/// constant memory. With fewer than five values it is exact.
#[derive(Clone, Debug)]
pub struct P2 {
    p: f64,
    q: [f64; 5],
    n: [f64; 5],
    want: [f64; 5],
    step: [f64; 5],
    first: Vec<f64>,
}

impl P2 {
    pub fn new(p: f64) -> Self {
        P2 {
            p,
            q: [0.0; 5],
            n: [0.0, 1.0, 2.0, 3.0, 4.0],
            want: [0.0, 2.0 * p, 4.0 * p, 2.0 + 2.0 * p, 4.0],
            step: [0.0, p / 2.0, p, (1.0 + p) / 2.0, 1.0],
            first: Vec::with_capacity(5),
        }
    }

    pub fn add(&mut self, x: f64) {
        if self.first.len() < 5 {
            self.first.push(x);
            if self.first.len() == 5 {
                self.first.sort_by(f64::total_cmp);
                self.q.copy_from_slice(&self.first);
            }
            return;
        }
        let k = if x < self.q[0] {
            self.q[0] = x;
            0
        } else if x >= self.q[4] {
            self.q[4] = x;
            3
        } else {
            (0..4).find(|i| x < self.q[i + 1]).unwrap_or(3)
        };
        for i in k + 1..5 {
            self.n[i] += 1.0;
        }
        for i in 0..5 {
            self.want[i] += self.step[i];
        }
        for i in 1..4 {
            let d = self.want[i] - self.n[i];
            if (d >= 1.0 && self.n[i + 1] - self.n[i] > 1.0)
                || (d <= -1.0 && self.n[i - 1] - self.n[i] < -1.0)
            {
                let s = d.signum();
                let (qm, q, qp) = (self.q[i - 1], self.q[i], self.q[i + 1]);
                let (nm, n, np) = (self.n[i - 1], self.n[i], self.n[i + 1]);
                let parabolic = q + s / (np - nm)
                    * ((n - nm + s) * (qp - q) / (np - n) + (np - n - s) * (q - qm) / (n - nm));
                self.q[i] = if qm < parabolic && parabolic < qp {
                    parabolic
                } else {
                    let j = if s > 0.0 { i + 1 } else { i - 1 };
                    q + s * (self.q[j] - q) / (self.n[j] - n)
                };
                self.n[i] += s;
            }
        }
    }

    pub fn value(&self) -> Option<f64> {
        if self.first.len() < 5 {
            if self.first.is_empty() {
                return None;
            }
            let mut v = self.first.clone();
            v.sort_by(f64::total_cmp);
            let idx = ((v.len() - 1) as f64 * self.p).round() as usize;
            return Some(v[idx]);
        }
        Some(self.q[2])
    }
}

/// One indicator in one year over all paths.
#[derive(Clone, Debug, Serialize)]
pub struct Cell {
    pub indicator: u8,
    pub year: i32,
    pub kind: Option<YearKind>,
    /// 5th, 25th, 50th, 75th and 95th percentile of the measurable values.
    pub percentiles: [Option<f64>; 5],
    pub p_met: f64,
    pub p_not_measurable: f64,
    /// The deterministic forecast's value and status, and why it is not
    /// measurable when it is not.
    pub deterministic: Option<Decimal>,
    pub deterministic_status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    #[serde(skip)]
    estimators: Vec<P2>,
    #[serde(skip)]
    met: u64,
    #[serde(skip)]
    not_measurable: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct AllFive {
    pub year: i32,
    /// All five indicators met.
    pub p_all_met: f64,
    /// Every measurable indicator met (the others not counted).
    pub p_all_measurable_met: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct Simulation {
    pub scenario: String,
    pub paths: u64,
    pub seed: u64,
    pub years: Vec<(i32, YearKind)>,
    pub cells: Vec<Cell>,
    pub all_five: Vec<AllFive>,
    /// Kuntalaki 110 § and 118 § by projected year, over the paths.
    pub statutory: Vec<crate::model::statutory::observe::LawShare>,
    /// The uncertain drivers and their distributions, as simulated.
    pub drivers: Vec<String>,
}

/// Whether the lean path measures what the full one does: the targets'
/// indicators are the city's, and the workbook has no group balance sheet
/// beyond the start (which the full path would read instead of the estimate).
pub fn lean_applies(ds: &Dataset, base: i32, targets: &Targets) -> bool {
    use crate::model::dataset::Entity;
    use crate::model::targets::EntitySetting;
    let city = |e: &EntitySetting| matches!(e, EntitySetting::City);
    city(&targets.annual_margin.entity)
        && city(&targets.accumulated_surplus.entity)
        && city(&targets.net_cost_growth.entity)
        && city(&targets.cash_flow.entity)
        && !ds
            .figures
            .keys()
            .any(|(e, id, y)| *e == Entity::Group && *y > base && id.starts_with("ta."))
}

/// What the first projected years are compared with: the start's net
/// cost, group loans per resident and operating and investing cash flows,
/// each with its reason when the workbook does not give it.
pub struct Start {
    base: i32,
    net_cost: Measure,
    per_resident: Measure,
    population: Measure,
    ti: Vec<(i32, Measure)>,
}

impl Start {
    pub fn new(ds: &Dataset, base: i32, targets: &Targets) -> Start {
        use crate::model::dataset::Entity;
        let c = crate::model::ratios::Ctx::quiet(ds, targets);
        let w = targets.cash_flow.window_years as i32;
        Start {
            base,
            net_cost: c.need(Entity::City, "tl.toimintakate", base).map(|v| -v),
            per_resident: indicators::group_per_resident(&c, base),
            population: c.population(base),
            ti: (base - w + 1..=base)
                .map(|y| (y, c.ti_rahavirta(Entity::City, y)))
                .collect(),
        }
    }
}

/// One indicator in one year of a path: its value and status.
pub type PathValue = (u8, i32, Option<Decimal>, Status);

/// A path's indicators, and what the law says of its years.
type PathOut = (
    Vec<PathValue>,
    Option<Vec<crate::model::statutory::observe::YearLaw>>,
);

/// The five indicators of a path's projected years from its year rows, by
/// the same rules (`model::rules`) as a statement year; the equivalence
/// with the full forecast is tested. Only for the city's indicators
/// (`lean_applies`).
pub fn from_rows(
    start: &Start,
    rows: &[crate::model::projection::YearRow],
    targets: &Targets,
    pi: &PriceIndex,
) -> Vec<PathValue> {
    use crate::model::dataset::Entity;
    let mut out = Vec::with_capacity(rows.len() * 5);
    let mut push = |i: u8, y: i32, j: rules::Verdict| {
        let status = j.status();
        out.push((i, y, j.value.ok(), status));
    };
    let w = targets.cash_flow.window_years;
    // The rows are the consecutive years after the start; each year needs
    // the year before (indicators 3 and 4) and the window (indicator 5).
    let mut prev_year = start.base;
    let mut prev_net_cost = start.net_cost.clone();
    let mut prev_per_resident = start.per_resident.clone();
    let mut prev_population = start.population.clone();
    // The cash flows by year: the start's window, then the rows'. A few
    // entries, so a search beats a map built for every path.
    let mut flows = Vec::with_capacity(start.ti.len() + rows.len());
    flows.extend(start.ti.iter().cloned());
    for r in rows {
        let y = r.year;
        if y != prev_year + 1 {
            // A gap: nothing before it is the year before.
            prev_net_cost = Err(Reason::LineMissing {
                entity: Entity::City,
                line: "tl.toimintakate",
                year: y - 1,
            });
            prev_per_resident = Err(Reason::NoGroupLoans { year: y - 1 });
            prev_population = Err(Reason::PopulationMissing { year: y - 1 });
            flows.clear();
        }
        let ni = rules::net_investment(r.gross_investment, r.investment_subsidies, r.asset_sales);
        push(
            1,
            y,
            rules::annual_margin_verdict(
                Ok(r.annual_margin),
                || Ok(-r.income_adjustments),
                Ok(ni),
                targets,
            ),
        );
        let population = || rules::population(y, r.population);
        push(
            2,
            y,
            rules::accumulated_surplus_verdict(Ok(r.accumulated_surplus), targets),
        );
        let index = pi.change(y).ok_or_else(|| Reason::PriceIndexMissing {
            year: y,
            index: pi.name.clone(),
        });
        let now = Ok(r.net_operating_cost);
        push(
            3,
            y,
            rules::net_cost_growth(y, now, || prev_net_cost.clone(), index, targets).into(),
        );
        let loans = r.group_loans.ok_or(Reason::NoGroupLoans { year: y });
        let leases = || {
            r.group_leases.ok_or(Reason::LineMissing {
                entity: Entity::City,
                line: "bg.konsernin_vuokravastuut",
                year: y,
            })
        };
        let debt = rules::group_debt(loans, leases, targets);
        let now = rules::per_resident(&debt, population);
        let before = std::mem::replace(&mut prev_per_resident, now.clone());
        let (previous, _) =
            rules::group_previous(y, targets, || before, || prev_population.clone());
        push(
            4,
            y,
            rules::group_loans_per_resident(&debt, now, previous, None).into(),
        );
        flows.push((y, Ok(r.operating_and_investing)));
        let sum = rules::window_sum(Entity::City, y, w, |yy| {
            let found = flows.iter().rev().find(|(at, _)| *at == yy);
            found.map_or(Err(Reason::NoYear { year: yy }), |(_, m)| m.clone())
        });
        push(
            5,
            y,
            rules::cumulative_cash_flow(sum, Ok(r.operating_and_investing), targets).into(),
        );
        prev_year = y;
        prev_net_cost = Ok(r.net_operating_cost);
        prev_population = rules::population(y, r.population);
    }
    out
}

fn reason_of(ev: &Evaluation, i: u8, y: i32) -> Option<Reason> {
    ev.values
        .iter()
        .find(|v| v.indicator == i && v.year == y)
        .and_then(|v| v.reason.clone())
}

fn status_of(ev: &Evaluation, i: u8, y: i32) -> (Option<Decimal>, Status) {
    ev.values
        .iter()
        .find(|v| v.indicator == i && v.year == y)
        .map(|v| (v.value, v.status))
        .unwrap_or((None, Status::NotMeasurable))
}

#[allow(clippy::too_many_arguments)]
pub fn simulate(
    ds: &Dataset,
    sc: &Scenario,
    pi: &PriceIndex,
    targets: &Targets,
    opts: Options,
    paths: u64,
    seed: u64,
    threads: usize,
) -> Result<Simulation, ProjectionError> {
    let u = &sc.uncertainty;
    let chol = uncertainty::cholesky(u)
        .map_err(|(at, message)| ProjectionError::Scenario(ScenarioError { at, message }))?;
    // The deterministic forecast with every driver at its central value.
    let probe = projection::project(ds, sc, pi, opts)?;
    let years: Vec<i32> = (probe.base_year + 1..=probe.horizon).collect();
    let det_sc = uncertainty::central(sc, u, &years);
    let det = projection::project(ds, &det_sc, pi, opts)?;
    let det_ev = indicators::evaluate(&det.dataset, targets, &det.price_index);
    let shown: Vec<(i32, YearKind)> = det_ev
        .years
        .iter()
        .copied()
        .filter(|(y, _)| *y > probe.base_year)
        .collect();
    let mut cells: Vec<Cell> = Vec::new();
    for (y, k) in &shown {
        for i in 1..=5u8 {
            let (v, s) = status_of(&det_ev, i, *y);
            cells.push(Cell {
                indicator: i,
                year: *y,
                kind: Some(*k),
                percentiles: [None; 5],
                p_met: 0.0,
                p_not_measurable: 0.0,
                deterministic: v,
                deterministic_status: s,
                reason: reason_of(&det_ev, i, *y).filter(|_| s == Status::NotMeasurable),
                estimators: PERCENTILES.iter().map(|p| P2::new(*p)).collect(),
                met: 0,
                not_measurable: 0,
            });
        }
    }
    // Where a path's (indicator, year) goes among the cells: the cells are
    // the shown years times the five indicators, in that order, and a path's
    // values come in the same order; a search covers anything else.
    let keys: Vec<(u8, i32)> = cells.iter().map(|c| (c.indicator, c.year)).collect();
    let cell_of = |i: u8, y: i32| -> Option<usize> {
        let k = (y - keys.first()?.1) as usize * 5 + (i as usize).wrapping_sub(1);
        match keys.get(k) {
            Some(c) if *c == (i, y) => Some(k),
            _ => keys.iter().position(|c| *c == (i, y)),
        }
    };
    let year_of: Vec<usize> = cells
        .iter()
        .map(|c| shown.iter().position(|(y, _)| *y == c.year).unwrap_or(0))
        .collect();
    let mut got: Vec<(Option<Decimal>, Status)> = vec![(None, Status::NotMeasurable); cells.len()];
    let mut all_year: Vec<(bool, bool)> = vec![(true, true); shown.len()];
    let mut all_met: Vec<(u64, u64)> = vec![(0, 0); shown.len()];

    // Paths in chunks: computed in parallel, fed in path order.
    let chunk = 64u64;
    let threads = threads.max(1);
    // The year rows measure the city's indicators; the group's need the
    // statements made of them.
    let rows_suffice = lean_applies(ds, probe.base_year, targets);
    let start_fig = Start::new(ds, probe.base_year, targets);
    let figures = projection::Figures::new(ds);
    // 110 §/118 § on each path (statutory's hook: a path's rows in, shares out).
    let law = crate::model::statutory::observe::Observer::builtin(ds, probe.base_year);
    let mut law_tally = crate::model::statutory::observe::Tally::default();
    let law_of = |rows: &[projection::YearRow]| law.as_ref().map(|o| o.path(rows));
    // What a path's projection does not read, left out of the copy each
    // path makes (the deterministic projection above checked the years).
    let template = Scenario {
        description: String::new(),
        files: Vec::new(),
        dated: Vec::new(),
        uncertainty: Default::default(),
        ..sc.clone()
    };
    // `s` is the thread's copy of the template, which each path sets afresh.
    // A drawn path can carry a figure out of range where the central values
    // do not: the error says which path, so the draw can be reproduced.
    let drawn = |p: u64| {
        move |e: ProjectionError| match e {
            ProjectionError::Scenario(mut e) => {
                let (n, m) = (p + 1, e.message);
                let (fi, sv, en) = (&m.fi, &m.sv, &m.en);
                e.message = crate::text!(
                    "simuloidulla polulla {n} (siemen {seed}), epävarmat tekijät arvottuina: {fi}",
                    "på den simulerade banan {n} (frö {seed}), med de osäkra faktorerna dragna: {sv}",
                    "in simulated path {n} (seed {seed}), with the uncertain drivers drawn: {en}"
                );
                ProjectionError::Scenario(e)
            }
            other => other,
        }
    };
    let mut touched = uncertainty::touched(u);
    if uncertainty::compounding_bounded(&template, u, &years, pi, &touched.growths) {
        touched.growths.clear();
    }
    let one_path = |p: u64,
                    s: &mut Scenario,
                    runner: &mut projection::Paths|
     -> Result<PathOut, ProjectionError> {
        let mut rng = Rng::for_path(seed, p);
        let values = uncertainty::draw(u, &chol, &years, &mut rng);
        uncertainty::apply_into(s, &template, u, &years, &values);
        let s = &*s;
        if rows_suffice {
            let (rows, pi) = runner.rows(s).map_err(drawn(p))?;
            return Ok((from_rows(&start_fig, rows, targets, pi), law_of(rows)));
        }
        let proj = projection::project_with(ds, s, pi, opts, &figures).map_err(drawn(p))?;
        let ev = indicators::evaluate_quiet(&proj.dataset, targets, &proj.price_index);
        let values = (ev.values.iter())
            .filter(|v| v.year > probe.base_year)
            .map(|v| (v.indicator, v.year, v.value, v.status))
            .collect();
        Ok((values, law_of(&proj.rows)))
    };
    // A worker's paths share the drivers their draws leave alone.
    let runner = || projection::Paths::new(ds, &template, pi, opts, &figures, &touched);
    // One worker keeps its scratch from chunk to chunk.
    let mut single = None;
    let mut start = 0u64;
    while start < paths {
        let end = (start + chunk * threads as u64).min(paths);
        let mut results: Vec<Option<Result<PathOut, ProjectionError>>> =
            (start..end).map(|_| None).collect();
        if threads == 1 {
            // No thread to start for one.
            let (scratch, runner) = single.get_or_insert_with(|| (template.clone(), runner()));
            for (j, slot) in results.iter_mut().enumerate() {
                *slot = Some(one_path(start + j as u64, scratch, runner));
            }
        } else {
            std::thread::scope(|s| {
                for (t, slots) in results.chunks_mut(chunk as usize).enumerate() {
                    let first = start + t as u64 * chunk;
                    let (one_path, template, runner) = (&one_path, &template, &runner);
                    s.spawn(move || {
                        let mut scratch = template.clone();
                        let mut runner = runner();
                        for (j, slot) in slots.iter_mut().enumerate() {
                            *slot = Some(one_path(first + j as u64, &mut scratch, &mut runner));
                        }
                    });
                }
            });
        }
        for r in results {
            let (path, laws) = r.expect("every slot is filled")?;
            law_tally.add(laws.as_deref().unwrap_or_default());
            got.iter_mut()
                .for_each(|g| *g = (None, Status::NotMeasurable));
            for x in &path {
                if let Some(k) = cell_of(x.0, x.1) {
                    got[k] = (x.2, x.3);
                }
            }
            all_year.iter_mut().for_each(|e| *e = (true, true));
            for (k, c) in cells.iter_mut().enumerate() {
                let (v, s) = got[k];
                let e = &mut all_year[year_of[k]];
                match s {
                    Status::Met => c.met += 1,
                    Status::Missed => {
                        e.0 = false;
                        e.1 = false;
                    }
                    Status::NotMeasurable => {
                        c.not_measurable += 1;
                        e.0 = false;
                    }
                }
                if let (Some(v), false) = (v, s == Status::NotMeasurable) {
                    let x = crate::model::money::to_f64(v);
                    for est in c.estimators.iter_mut() {
                        est.add(x);
                    }
                }
            }
            for (e, (a, m)) in all_met.iter_mut().zip(&all_year) {
                e.0 += *a as u64;
                e.1 += *m as u64;
            }
        }
        start = end;
    }
    let n = paths.max(1) as f64;
    for c in cells.iter_mut() {
        for (i, est) in c.estimators.iter().enumerate() {
            c.percentiles[i] = est.value();
        }
        c.p_met = c.met as f64 / n;
        c.p_not_measurable = c.not_measurable as f64 / n;
    }
    let all_five = all_met
        .into_iter()
        .zip(&shown)
        .map(|((a, m), (year, _))| AllFive {
            year: *year,
            p_all_met: a as f64 / n,
            p_all_measurable_met: m as f64 / n,
        })
        .collect();
    Ok(Simulation {
        scenario: sc.name.clone(),
        paths,
        seed,
        years: shown,
        cells,
        all_five,
        statutory: law_tally.shares(),
        drivers: u
            .items
            .iter()
            .map(|i| {
                let walk = if i.persistence > 0.0 {
                    format!(", persistence {}", i.persistence)
                } else {
                    String::new()
                };
                format!("{}: {}{walk}", i.driver.key(), i.dist)
            })
            .collect(),
    })
}

/// One driver moved alone to its 5th and 95th percentile, every other at
/// its central value: what each target does.
#[derive(Clone, Debug, Serialize)]
pub struct Swing {
    pub driver: String,
    pub low: f64,
    pub high: f64,
    pub indicator: u8,
    /// The largest difference between the high and the low run, and its year.
    pub swing: Option<Decimal>,
    pub year: Option<i32>,
    /// In that year: the value at the driver's low, at its high, and with
    /// every driver central (the bars of a tornado chart).
    pub at_low: Option<Decimal>,
    pub at_high: Option<Decimal>,
    pub central: Option<Decimal>,
    /// Years where the status differs from the central forecast's: (year,
    /// central, at low, at high).
    pub flips: Vec<(i32, Status, Status, Status)>,
}

pub fn sensitivity(
    ds: &Dataset,
    sc: &Scenario,
    pi: &PriceIndex,
    targets: &Targets,
    opts: Options,
) -> Result<Vec<Swing>, ProjectionError> {
    let u = &sc.uncertainty;
    let probe = projection::project(ds, sc, pi, opts)?;
    let years: Vec<i32> = (probe.base_year + 1..=probe.horizon).collect();
    let figures = projection::Figures::new(ds);
    let run = |values: &[Vec<f64>]| -> Result<Evaluation, ProjectionError> {
        let s = uncertainty::apply(sc, u, &years, values);
        let p = projection::project_with(ds, &s, pi, opts, &figures)?;
        Ok(indicators::evaluate(&p.dataset, targets, &p.price_index))
    };
    let central: Vec<Vec<f64>> = u
        .items
        .iter()
        .map(|i| vec![i.dist.central(); years.len()])
        .collect();
    let base = run(&central)?;
    let mut out = Vec::new();
    for (k, item) in u.items.iter().enumerate() {
        let (lo, hi) = (item.dist.quantile(0.05), item.dist.quantile(0.95));
        let at = |v: f64| {
            let mut vals = central.clone();
            vals[k] = vec![v; years.len()];
            run(&vals)
        };
        let (low, high) = (at(lo)?, at(hi)?);
        for i in 1..=5u8 {
            let mut best: Option<(Decimal, i32)> = None;
            let mut flips = Vec::new();
            for y in &years {
                let (_, cs) = status_of(&base, i, *y);
                let (l, ls) = status_of(&low, i, *y);
                let (h, hs) = status_of(&high, i, *y);
                if let (Some(l), Some(h)) = (l, h) {
                    let d = (h - l).abs();
                    if best.is_none_or(|(b, _)| d > b) {
                        best = Some((d, *y));
                    }
                }
                if ls != cs || hs != cs {
                    flips.push((*y, cs, ls, hs));
                }
            }
            let at = |ev: &Evaluation| best.and_then(|(_, y)| status_of(ev, i, y).0);
            out.push(Swing {
                driver: item.driver.key(),
                low: lo,
                high: hi,
                indicator: i,
                swing: best.map(|b| b.0),
                year: best.map(|b| b.1),
                at_low: at(&low),
                at_high: at(&high),
                central: at(&base),
                flips,
            });
        }
    }
    // Per indicator, the driver that moves it most first.
    out.sort_by(|a, b| {
        a.indicator
            .cmp(&b.indicator)
            .then(b.swing.cmp(&a.swing))
            .then(a.driver.cmp(&b.driver))
    });
    Ok(out)
}
