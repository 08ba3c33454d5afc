//! `kivijalka check`: everything reading and the identities found.

use crate::cli::Config;
use crate::cmd::{Outcome, emit};
use crate::error::Result;
use crate::ingest;
use crate::model::validate;
use crate::report::{self, OutputFormat};

pub fn run(cfg: &Config) -> Result<Outcome> {
    let path = cfg.workbook.as_deref().expect("workbook checked in config");
    let ds = ingest::read_path(path)?;
    let mut findings = ds.findings.clone();
    findings.extend(validate::validate(&ds));
    // Most serious first, then in the order of the workbook.
    findings.sort_by(|a, b| {
        a.severity
            .cmp(&b.severity)
            .then_with(|| a.cells.first().cmp(&b.cells.first()))
    });
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
