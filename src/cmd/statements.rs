//! `kivijalka statements`: the statements as read.

use crate::app::dataset::years;
use crate::app::{emit, load};
use crate::cli::Config;
use crate::cmd::Outcome;
use crate::error::Result;
use crate::frame;
use crate::report::{self, OutputFormat};

pub fn run(cfg: &Config) -> Result<Outcome> {
    let ds = load(cfg)?;
    let shown = years(cfg, &ds);
    emit(cfg, |out| match cfg.format {
        OutputFormat::Table => {
            let df = frame::long_frame(&[&ds]).map_err(std::io::Error::other)?;
            let rows = frame::rows(&df).map_err(std::io::Error::other)?;
            report::statements::table(&ds, &rows, &shown, cfg.lang, out)
        }
        OutputFormat::Csv => report::statements::csv(&ds, &shown, out),
        OutputFormat::Json => report::statements::json(&ds, &shown, out),
    })?;
    Ok(Outcome::Ok)
}
