//! A workbook read into a dataset, and the years of it a command shows.

use crate::cli::Config;
use crate::error::{Error, Result};
use crate::ingest;
use crate::model::dataset::Dataset;

/// The workbook as read, findings and all, for the command that reports
/// them rather than refusing them (check).
pub fn read(cfg: &Config) -> Result<Dataset> {
    let path = cfg.workbook.as_deref().expect("workbook checked in config");
    ingest::read_path(path)
}

/// Reads the workbook; refuses one whose reading found errors unless the
/// user asked to read the rest anyway.
pub fn load(cfg: &Config) -> Result<Dataset> {
    refuse_errors(read(cfg)?, cfg.allow_unknown)
}

/// A dataset whose reading found errors is refused, unless asked otherwise.
pub fn refuse_errors(ds: Dataset, allow_unknown: bool) -> Result<Dataset> {
    if !allow_unknown {
        let errors: Vec<_> = ds
            .findings
            .iter()
            .filter(|f| f.is_error())
            .cloned()
            .collect();
        if !errors.is_empty() {
            return Err(Error::Rejected {
                file: ds.file.clone(),
                findings: errors,
            });
        }
    }
    Ok(ds)
}

/// The years to show: the workbook's, limited by --years.
pub fn years(cfg: &Config, ds: &Dataset) -> Vec<i32> {
    ds.years.keys().copied().filter(|y| cfg.shows(*y)).collect()
}
