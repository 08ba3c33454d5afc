//! `kivijalka compare`: scenarios side by side.

use crate::app::project::{forecast, options};
use crate::app::{emit, load, scenarios, usage};
use crate::cli::CompareArgs;
use crate::cmd::Outcome;
use crate::error::Result;
use crate::report::compare::{Column, Comparison};
use crate::report::{self, OutputFormat};

pub fn run(args: &CompareArgs) -> Result<Outcome> {
    let cfg = args.common.config()?;
    if args.scenarios.is_empty() {
        return Err(usage(
            "compare needs a workbook and at least one scenario file",
        ));
    }
    let scenarios = scenarios::all(&args.scenarios)?;
    let ds = load(&cfg)?;
    let mut columns = Vec::new();
    let mut years = Vec::new();
    for (sc, path) in scenarios.iter().zip(&args.scenarios) {
        let (_, ev, _) = forecast(&cfg, &ds, sc, options(&args.projecting))?;
        if years.is_empty() {
            years = ev.years.clone();
        }
        columns.push(Column {
            name: sc.name.clone(),
            file: path.display().to_string(),
            evaluation: ev,
        });
    }
    let cmp = Comparison {
        municipality: ds.name().to_string(),
        years,
        columns,
        breaks: crate::model::findings::breaks(&ds),
    };
    emit(&cfg, |out| match cfg.format {
        OutputFormat::Table => report::compare::table(&cmp, cfg.lang, out),
        OutputFormat::Csv => report::compare::csv(&cmp, out),
        OutputFormat::Json => report::compare::json(&cmp, out),
    })?;
    Ok(Outcome::Ok)
}
