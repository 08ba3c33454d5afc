//! `statutory`: Kuntalaki 110 § and 118 § by year, as a table, CSV or
//! JSON. A criterion "met" is the bad side of its threshold, so it is
//! marked ✗ as a target missed is in the indicators.

mod data;
mod solve;
mod table;
mod words;

pub use data::{csv, json};
pub use solve::solve_lines;
pub use table::{Figure, Section, first_start, section, table};
pub use words::missing;
