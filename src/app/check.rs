//! What a check of a workbook finds: the reading's findings, the
//! identities', and the statements it lacks.

use crate::model::dataset::{Dataset, Entity};
use crate::model::findings::{Finding, Message};
use crate::model::items::Statement;
use crate::model::location::Location;
use crate::model::validate;

/// Every finding, most serious first, then in the order of the workbook.
pub fn findings(ds: &Dataset) -> Vec<Finding> {
    let mut findings = ds.findings.clone();
    findings.extend(validate::validate(ds));
    findings.extend(missing_statements(ds));
    findings.sort_by(|a, b| {
        a.severity
            .cmp(&b.severity)
            .then_with(|| a.cells.first().cmp(&b.cells.first()))
    });
    findings
}

/// The statements a workbook should have and does not. The city's three
/// (income statement, cash flow statement, balance sheet) are what every
/// indicator and key ratio is computed from, so a missing one is an error:
/// the figures that rest on it cannot be measured, and a check that passed
/// would tell the user the workbook is fit for use when it is not. A
/// municipality need not have a group, so the group's statements are only
/// asked for when the workbook has some of them, and their lack is a
/// warning: the city's figures still stand.
pub(crate) fn missing_statements(ds: &Dataset) -> Vec<Finding> {
    const MAIN: [Statement; 3] = [
        Statement::Tuloslaskelma,
        Statement::Rahoituslaskelma,
        Statement::Tase,
    ];
    let has = |e: Entity, st: Statement| {
        ds.has_statement(e, st) || ds.years.keys().any(|y| ds.has_year_data(e, st, *y))
    };
    let at = vec![Location::file(ds.file.clone())];
    let mut out = Vec::new();
    let city: Vec<Statement> = MAIN
        .into_iter()
        .filter(|st| !has(Entity::City, *st))
        .collect();
    if !city.is_empty() {
        out.push(Finding::error(
            "missing_statement",
            Message::StatementsMissing {
                entity: Entity::City,
                statements: city,
            },
            at.clone(),
        ));
    }
    let group: Vec<Statement> = MAIN
        .into_iter()
        .filter(|st| !has(Entity::Group, *st))
        .collect();
    if !group.is_empty() && group.len() < MAIN.len() {
        out.push(Finding::warning(
            "missing_statement",
            Message::StatementsMissing {
                entity: Entity::Group,
                statements: group,
            },
            at,
        ));
    }
    out
}
