//! The one integration-test binary, so polars links once.

mod breaks;
mod cli;
mod conformance;
mod forecast;
mod hostile_cli;
mod indicators;
mod ingestion;
mod reports;
mod scenarios;
mod simulate;
mod support;
