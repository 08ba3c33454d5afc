//! A workbook read into a dataset, and the years of it a command shows.

use std::path::Path;

use crate::config::{Input, Years};
use crate::error::{Error, Result};
use crate::ingest;
use crate::model::dataset::Dataset;

/// The workbook as read, findings and all, for the command that reports
/// them rather than refusing them (check).
pub fn read(workbook: &Path) -> Result<Dataset> {
    ingest::read_path(workbook)
}

/// Reads the workbook; refuses one whose reading found errors unless the
/// user asked to read the rest anyway.
pub fn load(input: &Input) -> Result<Dataset> {
    let ds = refuse_errors(read(&input.workbook)?, input.allow_unknown)?;
    // A city statement the workbook lacks leaves its figures not measurable
    // in every year: said once up front, not only in each year's footnote.
    for f in super::check::missing_statements(&ds) {
        if f.is_error() {
            eprintln!("warning: {}: {}", ds.file, f.message);
        }
    }
    Ok(ds)
}

/// A dataset whose reading found errors is refused, unless asked otherwise.
pub fn refuse_errors(ds: Dataset, allow_unknown: bool) -> Result<Dataset> {
    if allow_unknown {
        // Read past, but not in silence: the figures printed rest on a
        // workbook with these problems, and stdout stays the output.
        let passed: Vec<_> = ds.findings.iter().filter(|f| f.is_error()).collect();
        if !passed.is_empty() {
            eprintln!(
                "warning: {}: read past {} problem(s) (--allow-unknown):",
                ds.file,
                passed.len()
            );
            for f in passed {
                let at = (f.cells.first()).map_or_else(|| ds.file.clone(), |l| l.to_string());
                eprintln!("  {at}: {}", f.message);
            }
        }
    } else {
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
pub fn years(shown: Years, ds: &Dataset) -> Result<Vec<i32>> {
    within(shown, ds.years.keys().copied())
}

/// The years of `have` that --years shows; none at all is a usage error
/// naming the years there are, not an empty table.
pub fn within(shown: Years, have: impl Iterator<Item = i32>) -> Result<Vec<i32>> {
    let have: Vec<i32> = have.collect();
    let kept: Vec<i32> = have.iter().copied().filter(|y| shown.shows(*y)).collect();
    match (shown.0, kept.is_empty(), have.first(), have.last()) {
        (Some((a, b)), true, Some(first), Some(last)) => {
            let asked = if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            };
            Err(Error::usage_of(
                "--years",
                format!("{asked} holds none of the years there are, {first}–{last}"),
            ))
        }
        _ => Ok(kept),
    }
}
