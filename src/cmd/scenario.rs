//! todo
use crate::cmd::Outcome;
use crate::error::Result;
pub fn run(_a: &crate::cli::ScenarioCmd) -> Result<Outcome> {
    Ok(Outcome::Ok)
}
