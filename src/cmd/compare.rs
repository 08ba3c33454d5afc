//! todo
use crate::cmd::Outcome;
use crate::error::Result;
pub fn run(_a: &crate::cli::CompareArgs) -> Result<Outcome> {
    Ok(Outcome::Ok)
}
