//! `kivijalka ratios`: the key ratios for the city and the group.

use crate::app::{emit, evaluate, load};
use crate::cli::Config;
use crate::cmd::Outcome;
use crate::error::Result;
use crate::model::findings;
use crate::report::{self, OutputFormat};

pub fn run(cfg: &Config) -> Result<Outcome> {
    if cfg.explain {
        emit(cfg, |out| report::ratios::explain(cfg.lang, out))?;
        return Ok(Outcome::Ok);
    }
    let ds = load(cfg)?;
    let breaks = findings::breaks(&ds);
    let (values, shown) = evaluate::ratios(cfg, &ds);
    emit(cfg, |out| match cfg.format {
        OutputFormat::Table => report::ratios::table(&ds, &values, &breaks, &shown, cfg.lang, out),
        OutputFormat::Csv => report::ratios::csv(&ds, &values, &breaks, out),
        OutputFormat::Json => report::ratios::json(&ds, &values, &breaks, out),
    })?;
    Ok(Outcome::Ok)
}
