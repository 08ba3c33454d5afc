//! The one integration-test binary, so polars links once.

mod breaks;
mod cli;
mod conformance;
mod forecast;
mod fuzz;
mod indicators;
mod ingestion;
mod reports;
mod scenarios;
mod simulate;
mod support;
