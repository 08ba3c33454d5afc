//! Printers: each output format writes to any `io::Write`.

pub mod assumption;
pub mod batch;
pub mod breaks;
pub mod check;
pub mod compare;
pub mod csv_out;
pub mod document;
pub mod finding;
pub mod forecast;
pub mod format;
pub mod html;
pub mod indicators;
pub mod names;
pub mod ratios;
pub mod reason;
pub mod scenario;
pub mod simulate;
pub mod solve;
pub mod statements;
pub mod statutory;
pub mod table;
pub mod xlsx;

pub use format::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Table,
    Csv,
    Json,
}
