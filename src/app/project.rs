//! Projections, simulations and sensitivities, measured against the targets,
//! with the model's errors named by the file and line the user can fix.

use crate::config::{Settings, Years};
use crate::error::{Error, Result, Text};
use crate::model::dataset::Dataset;
use crate::model::indicators::{self, Evaluation};
use crate::model::location::Location;
use crate::model::projection::{self, Options, Projection, ProjectionError};
use crate::model::scenario::Scenario;
use crate::model::simulate::{self, Simulation, Swing};

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
        ProjectionError::Missing(r) => Error::input(
            Location::file(file.clone()),
            Text::each(|l| crate::report::reason::text(&r, l)),
        ),
        ProjectionError::Scenario(e) => match e.at {
            Some(at) => Error::config(
                Location::line(&*at.file, at.line),
                Text::each(|l| format!("{}: {}", at.key, e.message.get(l))),
            ),
            None => Error::config(Location::file(first.clone()), e.message),
        },
    }
}

/// Runs one projection and measures it, with errors named by file and line.
pub fn project(
    settings: &Settings,
    ds: &Dataset,
    sc: &Scenario,
    opts: Options,
) -> Result<(Projection, Evaluation)> {
    let p = projection::project(ds, sc, &settings.index, opts).map_err(projection_error(ds, sc))?;
    let ev = indicators::evaluate(&p.dataset, &settings.targets, &p.price_index);
    Ok((p, ev))
}

/// Years from the projection's start to its horizon, within --years.
pub fn years(shown: Years, p: &Projection) -> Result<Vec<i32>> {
    super::dataset::within(shown, p.base_year..=p.horizon)
}

/// A projection measured, its evaluation kept to the years shown; the
/// printers need those years too, so they come back with it.
pub fn forecast(
    settings: &Settings,
    shown: Years,
    ds: &Dataset,
    sc: &Scenario,
    opts: Options,
) -> Result<(Projection, Evaluation, Vec<i32>)> {
    let (p, mut ev) = project(settings, ds, sc, opts)?;
    let shown = years(shown, &p)?;
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
    settings: &Settings,
    ds: &Dataset,
    sc: &Scenario,
    opts: Options,
    (paths, seed): (u64, u64),
    threads: usize,
) -> Result<Simulation> {
    let Settings { targets, index, .. } = settings;
    simulate::simulate(ds, sc, index, targets, opts, paths, seed, threads)
        .map_err(projection_error(ds, sc))
}

/// Every scenario with uncertain drivers simulated, each with the same seed:
/// the same draws meet each scenario, so their differences are the
/// scenarios', not chance's.
pub fn simulations(
    settings: &Settings,
    ds: &Dataset,
    scenarios: &[Scenario],
    opts: Options,
    run: (u64, u64),
    threads: usize,
) -> Result<Vec<Simulation>> {
    scenarios
        .iter()
        .filter(|sc| sc.is_uncertain())
        .map(|sc| simulate(settings, ds, sc, opts, run, threads))
        .collect()
}

/// Each uncertain driver of one scenario alone at its 5th and 95th
/// percentile.
pub fn sensitivity(
    settings: &Settings,
    ds: &Dataset,
    sc: &Scenario,
    opts: Options,
) -> Result<Vec<Swing>> {
    simulate::sensitivity(ds, sc, &settings.index, &settings.targets, opts)
        .map_err(projection_error(ds, sc))
}

/// The sensitivity of every scenario that has uncertain drivers, by the
/// scenario's name.
pub fn sensitivities(
    settings: &Settings,
    ds: &Dataset,
    scenarios: &[Scenario],
    opts: Options,
) -> Result<Vec<(String, Vec<Swing>)>> {
    scenarios
        .iter()
        .filter(|sc| sc.is_uncertain())
        .map(|sc| Ok((sc.name.clone(), sensitivity(settings, ds, sc, opts)?)))
        .collect()
}
