//! One module per subcommand. Each takes its validated config, calls the
//! application layer ([`crate::app`]) and picks a printer; exit codes are
//! decided here and mapped in main. No command calls another.

pub mod batch;
pub mod check;
pub mod compare;
pub mod forecast;
pub mod indicators;
pub mod lines;
pub mod ratios;
pub mod report;
pub mod scenario;
pub mod simulate;
pub mod solve;
pub mod statements;

/// Also here, where it was before the application layer: code outside the
/// crate (the tests) refuses a damaged dataset through this path.
pub use crate::app::refuse_errors;

/// What a command tells main about how it went.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    /// The command ran and found problems (check): exit code 1.
    Problems,
}
