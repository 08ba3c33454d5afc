//! Kuntalaki 110 § and 118 § on a workbook's years, and with a scenario on
//! its projected years too: the rule book read (the shipped one with the
//! user's file laid over it), the statements projected when asked, the
//! tests run on the dataset that results.

use std::path::Path;

use crate::config::{Settings, read_to_string};
use crate::error::{Error, Result, Text};
use crate::model::dataset::Dataset;
use crate::model::location::Location;
use crate::model::projection::Options;
use crate::model::scenario::Scenario;
use crate::model::statutory::{self, Rules, RulesError, Statutory};

fn rules_error(e: RulesError) -> Error {
    let at = match e.line {
        Some(l) => Location::line(&*e.file, l),
        None => Location::file(&*e.file),
    };
    let message = if e.key.is_empty() {
        *e.message
    } else {
        Text::each(|l| format!("{}: {}", e.key, e.message.get(l)))
    };
    Error::config(at, message)
}

/// The shipped rule book, with the entries of `over` replacing those of the
/// same year.
pub fn rules(over: Option<&Path>) -> Result<Rules> {
    let base = Rules::builtin().map_err(rules_error)?;
    match over {
        None => Ok(base),
        Some(p) => {
            let text = read_to_string(p)?;
            let file = p.display().to_string();
            Ok(base.overlay(Rules::parse(&text, &file).map_err(rules_error)?))
        }
    }
}

/// The tests on the workbook's own years, or with a scenario on the
/// projection's statements, whose history is the workbook's.
pub fn evaluate(
    rules: &Rules,
    ds: &Dataset,
    extensions: &[i32],
    scenario: Option<(&Scenario, &Settings, Options)>,
) -> Result<Statutory> {
    match scenario {
        None => Ok(statutory::evaluate(rules, ds, extensions)),
        Some((sc, settings, opts)) => {
            let (p, _) = super::project::project(settings, ds, sc, opts)?;
            Ok(statutory::evaluate_projected(rules, &p.dataset, extensions))
        }
    }
}
