//! A workbook read into a dataset, and the years of it a command shows.

use std::path::Path;

use crate::config::{Input, Years};
use crate::error::{Error, Result};
use crate::ingest;
use crate::model::dataset::Dataset;
use crate::report::Lang;
use crate::report::finding;
use crate::text;

/// The workbook as read, findings and all, for the command that reports
/// them rather than refusing them (check).
pub fn read(workbook: &Path) -> Result<Dataset> {
    ingest::read_path(workbook)
}

/// Reads the workbook; refuses one whose reading found errors unless the
/// user asked to read the rest anyway. Warnings go to stderr in `lang`.
pub fn load(input: &Input, lang: Lang) -> Result<Dataset> {
    let ds = refuse_errors(read(&input.workbook)?, input.allow_unknown, lang)?;
    // A city statement the workbook lacks leaves its figures not measurable
    // in every year: said once up front, not only in each year's footnote.
    for f in super::check::missing_statements(&ds) {
        if f.is_error() {
            let what = finding::text(&f.message, lang);
            eprintln!("{} {}: {what}", warning(lang), ds.file);
        }
    }
    Ok(ds)
}

/// The word a warning on stderr starts with.
pub fn warning(lang: Lang) -> &'static str {
    lang.tr("varoitus:", "varning:", "warning:")
}

/// A dataset whose reading found errors is refused, unless asked otherwise;
/// what is read past is said in `lang`.
pub fn refuse_errors(ds: Dataset, allow_unknown: bool, lang: Lang) -> Result<Dataset> {
    if allow_unknown {
        // Read past, but not in silence: the figures printed rest on a
        // workbook with these problems, and stdout stays the output.
        let passed: Vec<_> = ds.findings.iter().filter(|f| f.is_error()).collect();
        if !passed.is_empty() {
            let (file, n) = (&ds.file, passed.len());
            let head = crate::tr!(
                lang,
                "{file}: luettu {n} ongelman ohi (--allow-unknown):",
                "{file}: läste förbi {n} problem (--allow-unknown):",
                "{file}: read past {n} problem(s) (--allow-unknown):"
            );
            eprintln!("{} {head}", warning(lang));
            for f in passed.iter().take(crate::error::LISTED) {
                let at = (f.cells.first()).map_or_else(|| ds.file.clone(), |l| l.show(lang));
                eprintln!("  {at}: {}", finding::text(&f.message, lang));
            }
            if let Some(more) = crate::error::more_line(n, lang) {
                eprintln!("  {more}");
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
                text!(
                    "{asked} ei sisällä yhtään olemassa olevista vuosista {first}–{last}",
                    "{asked} innehåller inget av de år som finns, {first}–{last}",
                    "{asked} holds none of the years there are, {first}–{last}"
                ),
            ))
        }
        _ => Ok(kept),
    }
}
