//! `kivijalka simulate` and `kivijalka sensitivity`.

use crate::cli::{SensitivityArgs, SimulateArgs};
use crate::cmd::forecast::{options, projection_error};
use crate::cmd::{Outcome, emit, load};
use crate::error::{Error, Location, Result};
use crate::model::scenario::Scenario;
use crate::model::simulate;
use crate::report::{self, OutputFormat};
use crate::scenario_file;

fn needs_uncertainty(sc: &Scenario) -> Result<()> {
    if sc.uncertainty.items.is_empty() {
        return Err(Error::config(
            Location::file(sc.files.first().cloned().unwrap_or_default()),
            "the scenario has no [[uncertainty]] entries to simulate (see scenarios/README.md)",
        ));
    }
    Ok(())
}

pub fn run(args: &SimulateArgs) -> Result<Outcome> {
    let cfg = args.common.config()?;
    let sc = scenario_file::load(&args.scenario)?;
    needs_uncertainty(&sc)?;
    if args.paths == 0 {
        return Err(Error::config(
            Location::file("--paths"),
            "at least one path",
        ));
    }
    let ds = load(&cfg)?;
    let threads = args.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let sim = simulate::simulate(
        &ds,
        &sc,
        &cfg.index,
        &cfg.targets,
        options(&args.projecting),
        args.paths,
        args.seed,
        threads,
    )
    .map_err(projection_error(&ds, &sc))?;
    emit(&cfg, |out| match cfg.format {
        OutputFormat::Table => report::simulate::table(&ds, &sim, cfg.lang, out),
        OutputFormat::Csv => report::simulate::csv(&ds, &sim, out),
        OutputFormat::Json => report::simulate::json(&sim, out),
    })?;
    Ok(Outcome::Ok)
}

pub fn sensitivity(args: &SensitivityArgs) -> Result<Outcome> {
    let cfg = args.common.config()?;
    let sc = scenario_file::load(&args.scenario)?;
    needs_uncertainty(&sc)?;
    let ds = load(&cfg)?;
    let swings = simulate::sensitivity(
        &ds,
        &sc,
        &cfg.index,
        &cfg.targets,
        options(&args.projecting),
    )
    .map_err(projection_error(&ds, &sc))?;
    emit(&cfg, |out| match cfg.format {
        OutputFormat::Table => report::simulate::tornado(&ds, &sc, &swings, cfg.lang, out),
        OutputFormat::Csv => report::simulate::tornado_csv(&swings, out),
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &swings)?;
            writeln!(out)
        }
    })?;
    Ok(Outcome::Ok)
}
