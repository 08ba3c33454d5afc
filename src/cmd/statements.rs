//! `kivijalka statements`: the statements as read.

use crate::app::dataset::years;
use crate::app::{emit, load};
use crate::cli::StatementsArgs;
use crate::cmd::Outcome;
use crate::config::{Input, Output, Years};
use crate::error::Result;
use crate::panel;
use crate::report::{self, OutputFormat};

/// The statements are shown as read: no targets or price index.
pub struct Config {
    pub input: Input,
    pub output: Output,
    pub years: Years,
}

impl Config {
    pub fn new(args: &StatementsArgs) -> Result<Config> {
        Ok(Config {
            input: args.workbook.input(&args.reading)?,
            output: args.printing.output(),
            years: args.shown.years()?,
        })
    }
}

pub fn run(cfg: &Config) -> Result<Outcome> {
    let ds = load(&cfg.input, cfg.output.lang)?;
    let shown = years(cfg.years, &ds)?;
    let lang = cfg.output.lang;
    emit(&cfg.output, |out| match cfg.output.format {
        OutputFormat::Table => {
            let df = panel::long_frame(&[&ds]).map_err(std::io::Error::other)?;
            let rows = panel::rows(&df).map_err(std::io::Error::other)?;
            report::statements::table(&ds, &rows, &shown, lang, out)
        }
        OutputFormat::Csv => report::statements::csv(&ds, &shown, out),
        OutputFormat::Json => report::statements::json(&ds, &shown, out),
    })?;
    Ok(Outcome::Ok)
}
