//! `kivijalka ratios`: the key ratios for the city and the group.

use crate::app::{emit, evaluate, load};
use crate::cmd::{Figures, Outcome};
use crate::error::Result;
use crate::model::findings;
use crate::report::{self, OutputFormat};

/// The formulas, or the workbook's figures.
pub type Config = super::Explained;

pub fn run(cfg: &Config) -> Result<Outcome> {
    let Some(Figures {
        input,
        settings,
        output,
        years,
    }) = cfg.figures(report::ratios::explain)?
    else {
        return Ok(Outcome::Ok);
    };
    let ds = load(input, output.lang)?;
    let breaks = findings::breaks(&ds);
    let (values, shown) = evaluate::ratios(settings, *years, &ds)?;
    let lang = output.lang;
    let reforms = &settings.targets.net_cost_growth.break_years;
    emit(output, |out| match output.format {
        OutputFormat::Table => {
            report::ratios::table(&ds, &values, &breaks, &shown, reforms, lang, out)
        }
        OutputFormat::Csv => report::ratios::csv(&ds, &values, &breaks, out),
        OutputFormat::Json => report::ratios::json(&ds, &values, &breaks, out),
    })?;
    Ok(Outcome::Ok)
}
