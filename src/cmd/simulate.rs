//! `kivijalka simulate` and `kivijalka sensitivity`.

use crate::app::project::{self, options, threads};
use crate::app::scenarios::needs_uncertainty;
use crate::app::{emit, load};
use crate::cli::{SensitivityArgs, SimulateArgs};
use crate::cmd::Outcome;
use crate::error::Result;
use crate::report::{self, OutputFormat};
use crate::scenario_file;

pub fn run(args: &SimulateArgs) -> Result<Outcome> {
    let cfg = args.common.config()?;
    let sc = scenario_file::load(&args.scenario)?;
    needs_uncertainty(&sc)?;
    let ds = load(&cfg)?;
    let sim = project::simulate(
        &cfg,
        &ds,
        &sc,
        options(&args.projecting),
        (args.paths, args.seed),
        threads(args.jobs),
    )?;
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
    let swings = project::sensitivity(&cfg, &ds, &sc, options(&args.projecting))?;
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
