//! The one integration-test binary, so polars links once.

mod breaks;
mod cli;
mod conformance;
mod forecast;
mod hostile;
mod hostile_cli;
mod fuzz;
mod indicators;
mod ingestion;
mod plausibility;
mod layouts;
mod labels;
mod reports;
mod row_removal;
mod scenarios;
mod simulate;
mod support;
