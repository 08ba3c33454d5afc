//! The one integration-test binary, so polars links once.

mod breaks;
mod cli;
mod conformance;
mod forecast;
mod indicators;
mod ingestion;
mod labels;
mod reports;
mod scenarios;
mod simulate;
mod support;
