//! kivijalka: reads municipal financial statements, checks them, and measures
//! them against the strategy "Kestävä talous kivijalkana".
//!
//! - [`model`]: the domain core (statement lines, figures, identities, key
//!   ratios, the five indicators), without I/O.
//! - [`ingest`]: workbooks and long tables into the model.
//! - [`config`]: targets and price-index files.
//! - [`scenario_file`]: scenario files and their key registry.
//! - [`panel`]: many municipalities at once as polars frames (the only
//!   module that uses polars): the panel's indicators, key ratios and peers,
//!   its export, Parquet long tables.
//! - [`report`]: printers for terminal tables, CSV, JSON, Excel and HTML.
//! - [`app`]: what the commands share: load, project, evaluate, build a
//!   report document, write output whole.
//! - [`cli`]: the command line, its help in three languages.
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
