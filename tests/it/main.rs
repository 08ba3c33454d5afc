//! The one integration-test binary, so polars links once.

mod breaks;
mod cli;
mod cli_config;
mod conformance;
mod findings;
mod forecast;
mod fuzz;
mod hostile;
mod hostile_cli;
mod indicators;
mod ingestion;
mod labels;
mod layouts;
mod panel;
mod peers;
mod plausibility;
mod reports;
mod row_removal;
mod rules;
mod scenario_keys;
mod scenarios;
mod simulate;
mod statutory;
mod statutory_cmd;
mod support;
