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
