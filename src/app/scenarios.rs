//! Scenario files into scenarios.

use std::path::{Path, PathBuf};

use crate::error::{Error, Location, Result};
use crate::model::scenario::Scenario;
use crate::scenario_file;
use crate::text;

/// The scenario file, or the default scenario (the budget and plan as given).
pub fn one(path: Option<&Path>) -> Result<Scenario> {
    match path {
        Some(p) => scenario_file::load(p),
        None => Ok(Scenario::default()),
    }
}

/// Every file named, in order; the first that cannot be read stops it.
pub fn all(paths: &[PathBuf]) -> Result<Vec<Scenario>> {
    paths.iter().map(|p| scenario_file::load(p)).collect()
}

/// A simulation or a sensitivity needs drivers to vary; without any it
/// would only repeat the forecast, so the scenario is refused instead.
pub fn needs_uncertainty(sc: &Scenario) -> Result<()> {
    if !sc.is_uncertain() {
        return Err(Error::config(
            Location::file(sc.files.first().cloned().unwrap_or_default()),
            text!(
                "skenaariossa ei ole simuloitavia [[uncertainty]]-kohtia (ks. scenarios/README.md)",
                "scenariot har inga [[uncertainty]]-poster att simulera (se scenarios/README.md)",
                "the scenario has no [[uncertainty]] entries to simulate (see scenarios/README.md)"
            ),
        ));
    }
    Ok(())
}
