//! `kivijalka compare`: scenarios side by side.

use crate::cli::CompareArgs;
use crate::cmd::forecast::{options, project, shown_years};
use crate::cmd::{Outcome, emit, load};
use crate::error::Result;
use crate::report::compare::{Column, Comparison};
use crate::report::{self, OutputFormat};
use crate::scenario_file;

pub fn run(args: &CompareArgs) -> Result<Outcome> {
    let cfg = args.common.config()?;
    if args.scenarios.is_empty() {
        return Err(crate::error::Error::config(
            crate::error::Location::file("(arguments)"),
            "compare needs a workbook and at least one scenario file",
        ));
    }
    let scenarios = args
        .scenarios
        .iter()
        .map(|p| scenario_file::load(p))
        .collect::<Result<Vec<_>>>()?;
    let ds = load(&cfg)?;
    let mut columns = Vec::new();
    let mut years = Vec::new();
    for (sc, path) in scenarios.iter().zip(&args.scenarios) {
        let (p, mut ev) = project(&cfg, &ds, sc, options(&args.projecting))?;
        let shown = shown_years(&cfg, &p);
        ev.values.retain(|v| shown.contains(&v.year));
        ev.years.retain(|(y, _)| shown.contains(y));
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
