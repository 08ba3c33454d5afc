//! The one integration-test binary, so polars links once.

mod breaks;
mod cli;
mod conformance;
mod forecast;
mod indicators;
mod ingestion;
mod layouts;
mod reports;
mod scenarios;
mod simulate;
mod support;
