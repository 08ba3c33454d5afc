//! The search for the smallest move of a lever, and the scenario it finds
//! measured again for the report.

use crate::config::Settings;
use crate::error::{Error, Result, Text};
use crate::model::dataset::Dataset;
use crate::model::indicators::Evaluation;
use crate::model::projection::{Options, ProjectionError};
use crate::model::scenario::Scenario;
use crate::model::solve::{self, Goal, LeverSpec, Solution, SolveError};
use crate::model::statutory::Rules;
use crate::text;

use super::project::{project, projection_error};

/// The solution, and when one was found, the indicators with it applied.
pub fn solve(
    settings: &Settings,
    ds: &Dataset,
    sc: &Scenario,
    opts: Options,
    levers: &[LeverSpec],
    goal: &Goal,
    law: Option<&Rules>,
) -> Result<(Solution, Option<Evaluation>)> {
    let scenario_error = projection_error(ds, sc);
    let sol = solve::solve_with(
        ds,
        sc,
        &settings.index,
        &settings.targets,
        opts,
        levers,
        goal,
        law,
    )
    // The search's first projection is the scenario's own: a mistake in
    // the file is named by file and line, one in a lever by the lever.
    .map_err(|e| match e {
        // A span the flags set that holds no projected year is a mistake
        // in the flags, told as one (not against the scenario file).
        SolveError::FromOutside { from, first, last } => Error::usage(text!(
            "--from {from}: vipu voi liikkua vain ennustevuonna, {first}–{last}",
            "--from {from}: hävstången kan röra sig bara under ett prognosår, {first}–{last}",
            "--from {from}: the lever can move only in a projected year, {first}–{last}"
        )),
        SolveError::ByBeforeFrom { by, from, last } => Error::usage(text!(
            "--by {by}: tavoitteet tarkistetaan johonkin vuoteen väliltä {from}–{last}",
            "--by {by}: målen kontrolleras fram till ett år från {from} till {last}",
            "--by {by}: the targets are checked up to a year from {from} to {last}"
        )),
        SolveError::Projection(ProjectionError::Scenario(e))
            if e.at
                .as_ref()
                .is_some_and(|at| &*at.file == solve::LEVER_ORIGIN) =>
        {
            Error::usage(match e.at {
                Some(at) => Text::each(|l| format!("--lever {}: {}", at.key, e.message.get(l))),
                None => e.message,
            })
        }
        SolveError::Projection(e) => scenario_error(e),
    })?;
    let solved = sol.found.as_ref().map(|s| {
        solve::apply(
            sc,
            &s.iter().map(|x| (x.lever, x.value)).collect::<Vec<_>>(),
            sol.from,
        )
    });
    let after = match &solved {
        Some(s) => Some(project(settings, ds, s, opts)?.1),
        None => None,
    };
    Ok((sol, after))
}
