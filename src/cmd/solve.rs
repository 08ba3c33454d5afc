//! todo
use crate::cmd::Outcome;
use crate::error::Result;
pub fn run(_a: &crate::cli::SolveArgs) -> Result<Outcome> {
    Ok(Outcome::Ok)
}
