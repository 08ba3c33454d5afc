//! One module per subcommand. Each takes a validated config and writes its
//! output; exit codes are decided here and mapped in main.

pub mod batch;
pub mod check;
pub mod compare;
pub mod forecast;
pub mod indicators;
pub mod lines;
pub mod ratios;
pub mod report;
pub mod scenario;
pub mod simulate;
pub mod solve;
pub mod statements;

use std::io::Write;
use std::path::Path;

use crate::cli::Config;
use crate::error::{Error, Result};
use crate::ingest;
use crate::model::dataset::Dataset;

/// What a command tells main about how it went.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    /// The command ran and found problems (check): exit code 1.
    Problems,
}

/// Reads the workbook; refuses one whose reading found errors unless the
/// user asked to read the rest anyway.
pub fn load(cfg: &Config) -> Result<Dataset> {
    let path = cfg.workbook.as_deref().expect("workbook checked in config");
    refuse_errors(ingest::read_path(path)?, cfg.allow_unknown)
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
    ds.years
        .keys()
        .copied()
        .filter(|y| cfg.years.is_none_or(|(a, b)| (a..=b).contains(y)))
        .collect()
}

/// Writes to stdout, or to `--out` whole: into a temporary file beside it,
/// renamed over the target only when everything was written.
pub fn emit(cfg: &Config, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    match &cfg.out {
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            match write(&mut lock) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.map_err(|e| Error::io("(stdout)", e)),
            }
        }
        Some(path) => write_atomically(path, write),
    }
}

pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp{}", std::process::id()));
    let result = (|| {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        write(&mut f)?;
        f.flush()?;
        f.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}
