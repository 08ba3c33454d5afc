//! A year of actuals that stops short: a leftover column with its first
//! rows filled and the rest empty. Read as it stands, every line it lacks
//! would count as 0 and its ratios would print as if measured.

use std::collections::BTreeSet;

use crate::error::Location;
use crate::model::dataset::{Dataset, Entity, YearKind};
use crate::model::findings::{Finding, Message};
use crate::model::items::{self, Statement};
use crate::report::Lang;
use crate::text;

/// The line each statement closes on: a statement-year without it, where
/// another year of the same statement has it, is not the whole statement.
const CLOSING: &[(Statement, &str)] = &[
    (Statement::Tuloslaskelma, "tl.vuosikate"),
    (
        Statement::Rahoituslaskelma,
        "rl.toiminnan_ja_investointien_rahavirta",
    ),
    (Statement::Tase, "ta.vastaavaa"),
];

/// Each actual year of a statement that lacks its closing line while
/// another year has it: its figures left out, a warning naming the sheet,
/// the column and how many figures it held.
pub(super) fn drop_truncated_years(ds: &mut Dataset) {
    for entity in [Entity::City, Entity::Group] {
        for (statement, closing) in CLOSING {
            let of_statement =
                |id: &str| items::try_item(id).is_some_and(|d| d.statement == *statement);
            let years: BTreeSet<i32> = (ds.figures.keys())
                .filter(|(e, id, _)| *e == entity && of_statement(id))
                .map(|(_, _, y)| *y)
                .collect();
            let closed: BTreeSet<i32> = (years.iter().copied())
                .filter(|y| ds.figures.contains_key(&(entity, *closing, *y)))
                .collect();
            if closed.is_empty() {
                continue;
            }
            for year in years {
                let actual = ds.years.get(&year) == Some(&YearKind::TP);
                if closed.contains(&year) || !actual {
                    continue;
                }
                let cells: Vec<Location> = (ds.figures.iter())
                    .filter(|((e, id, y), _)| *e == entity && *y == year && of_statement(id))
                    .map(|(_, f)| f.source.clone())
                    .collect();
                ds.figures
                    .retain(|(e, id, y), _| !(*e == entity && *y == year && of_statement(id)));
                ds.findings
                    .push(warning(entity, *statement, closing, year, cells));
            }
        }
    }
}

fn warning(
    entity: Entity,
    statement: Statement,
    closing: &str,
    year: i32,
    cells: Vec<Location>,
) -> Finding {
    let n = cells.len();
    let column: String = (cells.first())
        .and_then(|c| c.cell.as_deref())
        .map(|c| c.chars().take_while(char::is_ascii_alphabetic).collect())
        .unwrap_or_default();
    let def = items::item(closing);
    let (line_fi, line_sv, line_en) = (def.fi, def.sv, def.en);
    let (fi, sv, en) = (
        super::whose::read_as(entity, statement, Lang::Fi),
        super::whose::read_as(entity, statement, Lang::Sv),
        super::whose::read_as(entity, statement, Lang::En),
    );
    Finding::warning(
        "year_truncated",
        Message::text(text!(
            "sarakkeen {column} vuodelta TP {year} puuttuu \"{line_fi}\", joka muilla vuosilla on: sarake ei ole koko laskelma, joten sen {n} lukua ei luettu {fi}",
            "kolumn {column} för TP {year} saknar \"{line_sv}\", som de andra åren har: kolumnen är inte hela räkningen, så dess {n} siffror lästes inte som {sv}",
            "column {column} of TP {year} lacks \"{line_en}\", which the other years have: the column is not the whole statement, so its {n} figures were not read as {en}"
        )),
        cells,
    )
}
