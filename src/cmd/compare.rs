//! `kivijalka compare`: scenarios side by side.

use std::path::PathBuf;

use crate::app::project::forecast;
use crate::app::{emit, load, scenarios};
use crate::cli::CompareArgs;
use crate::cmd::{Figures, Outcome};
use crate::error::{Error, Result};
use crate::model::projection::Options;
use crate::report::compare::{Column, Comparison};
use crate::report::{self, OutputFormat};
use crate::text;

pub struct Config {
    pub figures: Figures,
    /// At least one; the first is the baseline.
    pub scenarios: Vec<PathBuf>,
    pub opts: Options,
}

impl Config {
    pub fn new(args: &CompareArgs) -> Result<Config> {
        let m = &args.measured;
        let (input, output, years) = m.checked()?;
        if args.scenarios.is_empty() {
            return Err(Error::usage(text!(
                "compare tarvitsee työkirjan ja vähintään yhden skenaariotiedoston",
                "compare behöver en arbetsbok och minst en scenariofil",
                "compare needs a workbook and at least one scenario file"
            )));
        }
        let settings = m.against.load()?;
        Ok(Config {
            figures: Figures {
                input,
                settings,
                output,
                years,
            },
            scenarios: args.scenarios.clone(),
            opts: args.projecting.options(),
        })
    }
}

pub fn run(cfg: &Config) -> Result<Outcome> {
    let Figures {
        input,
        settings,
        output,
        years,
    } = &cfg.figures;
    let scenarios = scenarios::all(&cfg.scenarios)?;
    let ds = load(input, output.lang)?;
    let mut columns = Vec::new();
    let mut shown = Vec::new();
    for (sc, path) in scenarios.iter().zip(&cfg.scenarios) {
        let (_, ev, _) = forecast(settings, *years, &ds, sc, cfg.opts)?;
        if shown.is_empty() {
            shown = ev.years.clone();
        }
        columns.push(Column {
            name: sc.name.clone(),
            file: path.display().to_string(),
            evaluation: ev,
        });
    }
    let cmp = Comparison {
        municipality: ds.name().to_string(),
        years: shown,
        columns,
        breaks: crate::model::findings::breaks(&ds),
    };
    let lang = output.lang;
    emit(output, |out| match output.format {
        OutputFormat::Table => report::compare::table(&cmp, lang, out),
        OutputFormat::Csv => report::compare::csv(&cmp, out),
        OutputFormat::Json => report::compare::json(&cmp, out),
    })?;
    Ok(Outcome::Ok)
}
