//! `kivijalka check`: everything reading and the identities found.

use std::path::PathBuf;

use crate::app::{self, dataset, emit};
use crate::cli::CheckArgs;
use crate::cmd::Outcome;
use crate::config::Output;
use crate::error::Result;
use crate::report::{self, OutputFormat};

/// A check reports what reading finds rather than refusing it, and
/// measures nothing: the workbook and where to print are all it uses.
pub struct Config {
    pub workbook: PathBuf,
    pub output: Output,
}

impl Config {
    pub fn new(args: &CheckArgs) -> Result<Config> {
        Ok(Config {
            workbook: args.workbook.path()?,
            output: args.printing.output(),
        })
    }
}

pub fn run(cfg: &Config) -> Result<Outcome> {
    let ds = dataset::read(&cfg.workbook)?;
    let findings = app::check::findings(&ds);
    let lang = cfg.output.lang;
    emit(&cfg.output, |out| match cfg.output.format {
        OutputFormat::Table => report::check::table(&ds.file, &findings, lang, out),
        OutputFormat::Csv => report::check::csv(&findings, out),
        OutputFormat::Json => report::check::json(&findings, out),
    })?;
    Ok(if findings.iter().any(|f| f.is_error()) {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}
