//! `kivijalka indicators`: the five strategy indicators by year.

use crate::cli::Config;
use crate::cmd::{Outcome, emit, load, years};
use crate::error::Result;
use crate::model::{indicators, validate};
use crate::report::{self, OutputFormat};

pub fn run(cfg: &Config) -> Result<Outcome> {
    if cfg.explain {
        emit(cfg, |out| report::indicators::explain(cfg.lang, out))?;
        return Ok(Outcome::Ok);
    }
    let ds = load(cfg)?;
    let breaks = validate::validate(&ds)
        .iter()
        .filter(|f| f.is_error())
        .count();
    if breaks > 0 {
        eprintln!(
            "warning: {breaks} identity break(s) in the statements; see `kivijalka check {}`",
            ds.file
        );
    }
    let mut ev = indicators::evaluate(&ds, &cfg.targets, &cfg.index);
    let shown = years(cfg, &ds);
    ev.years.retain(|(y, _)| shown.contains(y));
    ev.values.retain(|v| shown.contains(&v.year));
    emit(cfg, |out| match cfg.format {
        OutputFormat::Table => report::indicators::table(&ev, cfg.lang, out),
        OutputFormat::Csv => report::indicators::csv(&ev, out),
        OutputFormat::Json => report::indicators::json(&ev, out),
    })?;
    Ok(Outcome::Ok)
}
