//! `kivijalka forecast`: the statements projected under a scenario, and the
//! five indicators by year to the horizon.

use std::path::PathBuf;

use crate::app::project::forecast;
use crate::app::{emit, load, scenarios};
use crate::cli::{ForecastArgs, Show};
use crate::cmd::{Figures, Outcome};
use crate::error::Result;
use crate::model::projection::Options;
use crate::panel;
use crate::report::{self, OutputFormat};

pub struct Config {
    pub figures: Figures,
    /// None: the default scenario (the budget and plan as given).
    pub scenario: Option<PathBuf>,
    pub opts: Options,
    pub show: Show,
}

impl Config {
    pub fn new(args: &ForecastArgs) -> Result<Config> {
        Ok(Config {
            figures: Figures::new(&args.measured)?,
            scenario: args.scenario.clone(),
            opts: args.projecting.options(),
            show: args.show,
        })
    }
}

pub fn run(cfg: &Config) -> Result<Outcome> {
    let Figures {
        input,
        settings,
        output,
        years,
    } = &cfg.figures;
    let sc = scenarios::one(cfg.scenario.as_deref())?;
    let ds = load(input, output.lang)?;
    let (p, ev, shown) = forecast(settings, *years, &ds, &sc, cfg.opts)?;
    let lang = output.lang;
    match cfg.show {
        Show::Indicators => emit(output, |out| match output.format {
            OutputFormat::Table => report::forecast::table(&p, &ev, &sc, &shown, lang, out),
            OutputFormat::Csv => {
                report::indicators::csv(&ev, &crate::model::findings::breaks(&p.dataset), out)
            }
            OutputFormat::Json => report::forecast::json(&p, &ev, &sc, out),
        })?,
        Show::Drivers => emit(output, |out| match output.format {
            OutputFormat::Table => report::forecast::drivers(&p, &shown, lang, out),
            OutputFormat::Csv => report::forecast::drivers_csv(&p, &ds, &shown, out),
            OutputFormat::Json => report::forecast::json(&p, &ev, &sc, out),
        })?,
        Show::Statements => emit(output, |out| match output.format {
            OutputFormat::Table => {
                let df = panel::long_frame(&[&p.dataset]).map_err(std::io::Error::other)?;
                let rows = panel::rows(&df).map_err(std::io::Error::other)?;
                report::statements::table(&p.dataset, &rows, &shown, lang, out)
            }
            OutputFormat::Csv => report::statements::csv(&p.dataset, &shown, out),
            OutputFormat::Json => report::statements::json(&p.dataset, &shown, out),
        })?,
    }
    Ok(Outcome::Ok)
}
