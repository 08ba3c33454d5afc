//! kivijalka: reads municipal financial statements, checks them, and measures
//! them against the strategy "Kestävä talous kivijalkana".
//!
//! - [`model`]: the domain core (statement lines, figures, identities, key
//!   ratios, the five indicators), without I/O.
//! - [`ingest`]: workbooks into the model.
//! - [`config`]: targets and price-index files.
//! - [`frame`]: the figures as a polars long frame.
//! - [`report`]: printers for terminal tables, CSV and JSON.
//! - [`app`]: what the commands share: load, project, evaluate, build a
//!   report document, write output whole.
//! - [`cmd`]: one module per subcommand.

pub mod app;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod error;
pub mod ingest;
pub mod model;
pub mod panel;
pub mod report;
pub mod scenario_file;

pub use error::{Error, Result};
