//! Projections, simulations and sensitivities, measured against the targets,
//! with the model's errors named by the file and line the user can fix.

use crate::cli::{Config, Projecting};
use crate::error::{Error, Location, Result};
use crate::model::dataset::Dataset;
use crate::model::indicators::{self, Evaluation};
use crate::model::projection::{self, Options, Projection, ProjectionError};
use crate::model::scenario::Scenario;
use crate::model::simulate::{self, Simulation, Swing};

pub fn options(p: &Projecting) -> Options {
    Options {
        base_year: p.start,
        horizon: p.horizon,
    }
}

/// A projection's error as the user reads it: the workbook for missing
/// figures, the scenario's file, line and key for a setting.
pub fn projection_error(ds: &Dataset, sc: &Scenario) -> impl Fn(ProjectionError) -> Error {
    let file = ds.file.clone();
    // The default scenario has no file; a lever or flag may have moved it.
    let first = sc
        .files
        .first()
        .cloned()
        .unwrap_or_else(|| "(the default scenario, with the flags given)".into());
    move |e| match e {
        ProjectionError::Data(m) => Error::input(Location::file(file.clone()), m),
        ProjectionError::Scenario(e) => match e.at {
            Some(at) => Error::config(
                Location::line(&*at.file, at.line),
                format!("{}: {}", at.key, e.message),
            ),
            None => Error::config(Location::file(first.clone()), e.message),
        },
    }
}

/// Runs one projection and measures it, with errors named by file and line.
pub fn project(
    cfg: &Config,
    ds: &Dataset,
    sc: &Scenario,
    opts: Options,
) -> Result<(Projection, Evaluation)> {
    let p = projection::project(ds, sc, &cfg.index, opts).map_err(projection_error(ds, sc))?;
    let ev = indicators::evaluate(&p.dataset, &cfg.targets, &p.price_index);
    Ok((p, ev))
}

/// Years from the projection's start to its horizon, within --years.
pub fn years(cfg: &Config, p: &Projection) -> Vec<i32> {
    (p.base_year..=p.horizon)
        .filter(|y| cfg.shows(*y))
        .collect()
}

/// A projection measured, its evaluation kept to the years shown; the
/// printers need those years too, so they come back with it.
pub fn forecast(
    cfg: &Config,
    ds: &Dataset,
    sc: &Scenario,
    opts: Options,
) -> Result<(Projection, Evaluation, Vec<i32>)> {
    let (p, mut ev) = project(cfg, ds, sc, opts)?;
    let shown = years(cfg, &p);
    super::evaluate::keep_years(&mut ev, &shown);
    Ok((p, ev, shown))
}

/// The worker threads asked for, or every core the machine offers.
pub fn threads(jobs: Option<usize>) -> usize {
    jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    })
}

/// One scenario's Monte Carlo over its uncertain drivers.
pub fn simulate(
    cfg: &Config,
    ds: &Dataset,
    sc: &Scenario,
    opts: Options,
    (paths, seed): (u64, u64),
    threads: usize,
) -> Result<Simulation> {
    simulate::simulate(ds, sc, &cfg.index, &cfg.targets, opts, paths, seed, threads)
        .map_err(projection_error(ds, sc))
}

/// Every scenario with uncertain drivers simulated, each with the same seed:
/// the same draws meet each scenario, so their differences are the
/// scenarios', not chance's.
pub fn simulations(
    cfg: &Config,
    ds: &Dataset,
    scenarios: &[Scenario],
    opts: Options,
    run: (u64, u64),
    threads: usize,
) -> Result<Vec<Simulation>> {
    scenarios
        .iter()
        .filter(|sc| sc.is_uncertain())
        .map(|sc| simulate(cfg, ds, sc, opts, run, threads))
        .collect()
}

/// Each uncertain driver of one scenario alone at its 5th and 95th
/// percentile.
pub fn sensitivity(cfg: &Config, ds: &Dataset, sc: &Scenario, opts: Options) -> Result<Vec<Swing>> {
    simulate::sensitivity(ds, sc, &cfg.index, &cfg.targets, opts).map_err(projection_error(ds, sc))
}

/// The sensitivity of every scenario that has uncertain drivers, by the
/// scenario's name.
pub fn sensitivities(
    cfg: &Config,
    ds: &Dataset,
    scenarios: &[Scenario],
    opts: Options,
) -> Result<Vec<(String, Vec<Swing>)>> {
    scenarios
        .iter()
        .filter(|sc| sc.is_uncertain())
        .map(|sc| Ok((sc.name.clone(), sensitivity(cfg, ds, sc, opts)?)))
        .collect()
}
