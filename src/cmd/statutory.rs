//! `kivijalka statutory`: Kuntalaki 110 § and 118 § by year, for the
//! workbook's years and, with a scenario, the projected ones.

use std::path::PathBuf;

use crate::app::{emit, load, scenarios, statutory};
use crate::cli::StatutoryArgs;
use crate::cmd::Outcome;
use crate::config::{Input, Output, Settings};
use crate::error::{Error, Result};
use crate::model::projection::Options;
use crate::report::{self, OutputFormat};
use crate::text;

pub struct Config {
    pub input: Input,
    pub output: Output,
    pub scenario: Option<PathBuf>,
    pub rules: Option<PathBuf>,
    pub opts: Options,
    /// Arising years whose deficit was granted the 110 a § deadline.
    pub extensions: Vec<i32>,
}

impl Config {
    pub fn new(a: &StatutoryArgs) -> Result<Config> {
        if a.scenario.is_none() && (a.start.is_some() || a.horizon.is_some()) {
            return Err(Error::usage_of(
                if a.start.is_some() {
                    "--start"
                } else {
                    "--horizon"
                },
                text!(
                    "koskee ennustetta, joten se tarvitsee valinnan --scenario",
                    "gäller en prognos, så den behöver --scenario",
                    "projects, so it needs --scenario"
                ),
            ));
        }
        Ok(Config {
            input: Input {
                workbook: a.workbook.clone(),
                allow_unknown: a.reading.allow_unknown,
            },
            output: a.printing.output(),
            scenario: a.scenario.clone(),
            rules: a.rules.clone(),
            opts: Options {
                base_year: a.start,
                horizon: a.horizon,
            },
            extensions: a.extension_granted.clone(),
        })
    }
}

/// Problems (exit code 1) when a year shows a deficit past its deadline,
/// a 118 § ground is met, or the plan is not balanced: what a council must
/// act on, as `check` does for errors.
pub fn run(cfg: &Config) -> Result<Outcome> {
    let rules = statutory::rules(cfg.rules.as_deref())?;
    let sc = match &cfg.scenario {
        Some(p) => Some(scenarios::one(Some(p))?),
        None => None,
    };
    let ds = load(&cfg.input, cfg.output.lang)?;
    let settings;
    let projecting = match &sc {
        Some(sc) => {
            settings = Settings::load(None, &[])?;
            Some((sc, &settings, cfg.opts))
        }
        None => None,
    };
    let st = statutory::evaluate(&rules, &ds, &cfg.extensions, projecting)?;
    let out = &cfg.output;
    emit(out, |w| match out.format {
        OutputFormat::Table => report::statutory::table(&ds, &st, &rules, out.lang, w),
        OutputFormat::Csv => report::statutory::csv(&st, w),
        OutputFormat::Json => report::statutory::json(&ds, &st, &rules, w),
    })?;
    Ok(if st.problems() {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}
