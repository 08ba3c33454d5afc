//! `kivijalka forecast`: the statements projected under a scenario, and the
//! five indicators by year to the horizon.

use crate::app::project::{forecast, options};
use crate::app::{emit, load, scenarios};
use crate::cli::{ForecastArgs, Show};
use crate::cmd::Outcome;
use crate::error::Result;
use crate::frame;
use crate::report::{self, OutputFormat};

pub fn run(args: &ForecastArgs) -> Result<Outcome> {
    let cfg = args.common.config()?;
    let sc = scenarios::one(args.scenario.as_deref())?;
    let ds = load(&cfg)?;
    let (p, ev, shown) = forecast(&cfg, &ds, &sc, options(&args.projecting))?;
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
