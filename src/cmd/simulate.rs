//! `kivijalka simulate` and `kivijalka sensitivity`.

use std::path::PathBuf;

use crate::app::project::{self, threads};
use crate::app::scenarios::needs_uncertainty;
use crate::app::{emit, load};
use crate::cli::{AllYears, SensitivityArgs, SimulateArgs};
use crate::cmd::Outcome;
use crate::config::{Input, Output, Settings};
use crate::error::Result;
use crate::model::projection::Options;
use crate::report::{self, OutputFormat};
use crate::scenario_file;

/// What both commands share: every projected year is measured, so no
/// --years; the scenario must have uncertain drivers.
pub struct Sensitivity {
    pub input: Input,
    pub settings: Settings,
    pub output: Output,
    pub scenario: PathBuf,
    pub opts: Options,
}

impl Sensitivity {
    pub fn new(args: &SensitivityArgs) -> Result<Sensitivity> {
        Sensitivity::of(&args.base, &args.scenario, args.projecting.options())
    }

    fn of(s: &AllYears, scenario: &std::path::Path, opts: Options) -> Result<Sensitivity> {
        let (input, output) = s.checked()?;
        Ok(Sensitivity {
            input,
            settings: s.against.load()?,
            output,
            scenario: scenario.to_path_buf(),
            opts,
        })
    }
}

pub struct Config {
    pub base: Sensitivity,
    /// Paths and seed.
    pub run: (u64, u64),
    pub threads: usize,
}

impl Config {
    pub fn new(args: &SimulateArgs) -> Result<Config> {
        Ok(Config {
            base: Sensitivity::of(&args.base, &args.scenario, args.projecting.options())?,
            run: (args.paths, args.seed),
            threads: threads(args.jobs),
        })
    }
}

pub fn run(cfg: &Config) -> Result<Outcome> {
    let Sensitivity {
        input,
        settings,
        output,
        scenario,
        opts,
    } = &cfg.base;
    let sc = scenario_file::load(scenario)?;
    needs_uncertainty(&sc)?;
    let ds = load(input, output.lang)?;
    let sim = project::simulate(settings, &ds, &sc, *opts, cfg.run, cfg.threads)?;
    let lang = output.lang;
    emit(output, |out| match output.format {
        OutputFormat::Table => report::simulate::table(&ds, &sim, lang, out),
        OutputFormat::Csv => report::simulate::csv(&ds, &sim, out),
        OutputFormat::Json => report::simulate::json(&sim, out),
    })?;
    Ok(Outcome::Ok)
}

pub fn sensitivity(cfg: &Sensitivity) -> Result<Outcome> {
    let sc = scenario_file::load(&cfg.scenario)?;
    needs_uncertainty(&sc)?;
    let ds = load(&cfg.input, cfg.output.lang)?;
    let swings = project::sensitivity(&cfg.settings, &ds, &sc, cfg.opts)?;
    let (output, lang) = (&cfg.output, cfg.output.lang);
    emit(output, |out| match output.format {
        OutputFormat::Table => report::simulate::tornado(&ds, &sc, &swings, lang, out),
        OutputFormat::Csv => report::simulate::tornado_csv(&swings, out),
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &swings)?;
            writeln!(out)
        }
    })?;
    Ok(Outcome::Ok)
}
