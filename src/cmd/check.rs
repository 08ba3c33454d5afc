//! `kivijalka check`: everything reading and the identities found.

use crate::app::{self, dataset, emit};
use crate::cli::Config;
use crate::cmd::Outcome;
use crate::error::Result;
use crate::report::{self, OutputFormat};

pub fn run(cfg: &Config) -> Result<Outcome> {
    let ds = dataset::read(cfg)?;
    let findings = app::check::findings(&ds);
    emit(cfg, |out| match cfg.format {
        OutputFormat::Table => report::check::table(&ds.file, &findings, cfg.lang, out),
        OutputFormat::Csv => report::check::csv(&findings, out),
        OutputFormat::Json => report::check::json(&findings, out),
    })?;
    Ok(if findings.iter().any(|f| f.is_error()) {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}
