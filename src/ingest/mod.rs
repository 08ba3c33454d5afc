//! Reading inputs: statement workbooks into the statement model.

pub mod container;
pub mod csv_text;
pub mod grid;
pub mod long;
pub mod number;
pub mod reconcile;
pub mod sheet;
pub mod workbook;
pub mod xlsx_refs;

pub use workbook::{read_any, read_grids, read_path};

/// The files this run has read, by their canonical paths: an output must
/// never be written over one (`--out` naming the workbook it reads would
/// replace the statements with their indicators).
static READ: std::sync::Mutex<std::collections::BTreeSet<std::path::PathBuf>> =
    std::sync::Mutex::new(std::collections::BTreeSet::new());

/// Notes `path` as read by this run.
pub(crate) fn note_input(path: &std::path::Path) {
    if let Ok(p) = std::fs::canonicalize(path) {
        READ.lock().unwrap_or_else(|e| e.into_inner()).insert(p);
    }
}

/// Whether `path` names a file this run has read.
pub fn is_input(path: &std::path::Path) -> bool {
    std::fs::canonicalize(path)
        .is_ok_and(|p| READ.lock().unwrap_or_else(|e| e.into_inner()).contains(&p))
}
