//! `kivijalka forecast`: the statements projected under a scenario, and the
//! five indicators by year to the horizon.

use std::path::Path;

use crate::cli::{Config, ForecastArgs, Projecting, Show};
use crate::cmd::{Outcome, emit, load};
use crate::error::{Error, Location, Result};
use crate::frame;
use crate::model::dataset::Dataset;
use crate::model::indicators::{self, Evaluation};
use crate::model::projection::{self, Options, Projection, ProjectionError};
use crate::model::scenario::Scenario;
use crate::report::{self, OutputFormat};
use crate::scenario_file;

/// The scenario file, or the default scenario (the budget and plan as given).
pub fn scenario(path: Option<&Path>) -> Result<Scenario> {
    match path {
        Some(p) => scenario_file::load(p),
        None => Ok(Scenario::default()),
    }
}

pub fn options(p: &Projecting) -> Options {
    Options {
        base_year: p.start,
        horizon: p.horizon,
        lean: false,
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
pub fn shown_years(cfg: &Config, p: &Projection) -> Vec<i32> {
    (p.base_year..=p.horizon)
        .filter(|y| cfg.years.is_none_or(|(a, b)| (a..=b).contains(y)))
        .collect()
}

pub fn run(args: &ForecastArgs) -> Result<Outcome> {
    let cfg = args.common.config()?;
    let sc = scenario(args.scenario.as_deref())?;
    let ds = load(&cfg)?;
    let (p, mut ev) = project(&cfg, &ds, &sc, options(&args.projecting))?;
    let shown = shown_years(&cfg, &p);
    ev.years.retain(|(y, _)| shown.contains(y));
    ev.values.retain(|v| shown.contains(&v.year));
    match args.show {
        Show::Indicators => emit(&cfg, |out| match cfg.format {
            OutputFormat::Table => report::forecast::table(&p, &ev, &sc, &shown, cfg.lang, out),
            OutputFormat::Csv => {
                report::indicators::csv(&ev, &crate::model::findings::breaks(&p.dataset), out)
            }
            OutputFormat::Json => report::forecast::json(&p, &ev, &sc, out),
        })?,
        Show::Drivers => emit(&cfg, |out| match cfg.format {
            OutputFormat::Table => report::forecast::drivers(&p, &shown, cfg.lang, out),
            OutputFormat::Csv => report::forecast::drivers_csv(&p, &ds, &shown, out),
            OutputFormat::Json => report::forecast::json(&p, &ev, &sc, out),
        })?,
        Show::Statements => emit(&cfg, |out| match cfg.format {
            OutputFormat::Table => {
                let df = frame::long_frame(&[&p.dataset]).map_err(std::io::Error::other)?;
                let rows = frame::rows(&df).map_err(std::io::Error::other)?;
                report::statements::table(&p.dataset, &rows, &shown, cfg.lang, out)
            }
            OutputFormat::Csv => report::statements::csv(&p.dataset, &shown, out),
            OutputFormat::Json => report::statements::json(&p.dataset, &shown, out),
        })?,
    }
    Ok(Outcome::Ok)
}
