//! `kivijalka indicators`: the five strategy indicators by year.

use crate::app::{emit, evaluate, load};
use crate::cli::Config;
use crate::cmd::Outcome;
use crate::error::Result;
use crate::model::findings;
use crate::report::{self, OutputFormat};

pub fn run(cfg: &Config) -> Result<Outcome> {
    if cfg.explain {
        emit(cfg, |out| report::indicators::explain(cfg.lang, out))?;
        return Ok(Outcome::Ok);
    }
    let ds = load(cfg)?;
    let breaks = findings::breaks(&ds);
    if !breaks.is_empty() {
        eprintln!(
            "warning: {} identity break(s) in the statements; the figures resting on them are marked; see `kivijalka check {}`",
            breaks.len(),
            ds.file
        );
    }
    let ev = evaluate::indicators(cfg, &ds);
    emit(cfg, |out| match cfg.format {
        OutputFormat::Table => report::indicators::table(&ev, &breaks, cfg.lang, out),
        OutputFormat::Csv => report::indicators::csv(&ev, &breaks, out),
        OutputFormat::Json => report::indicators::json(&ev, &breaks, out),
    })?;
    Ok(Outcome::Ok)
}
