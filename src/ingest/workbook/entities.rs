//! A sheet that prints the city's and the group's figures side by side,
//! under a row naming each ("Kaupunki" over its year columns, "Konserni"
//! over its own), is read as two statements: each entity's columns keep
//! their places, so every message names the cell of the sheet as it is.

use crate::ingest::grid::{Cell, Grid};
use crate::model::dataset::Entity;
use crate::model::labels;

/// Rows looked at for the entity row: it stands above the year headings.
const ROWS: u32 = 40;

fn entity_of(word: &str) -> Option<Entity> {
    match word {
        "kaupunki" | "kunta" | "stad" | "staden" | "kommun" | "kommunen" | "city"
        | "municipality" | "peruskunta" | "emokunta" => Some(Entity::City),
        "konserni" | "kuntakonserni" | "kaupunkikonserni" | "koncern" | "koncernen" | "group" => {
            Some(Entity::Group)
        }
        _ => None,
    }
}

/// Whose columns a cell heads: a cell that is the entity's word alone
/// (over the year headings), or a year heading with it ("Konserni TP
/// 2024"). The first is `(entity, true)`.
fn entity_word(cell: &Cell) -> Option<(Entity, bool)> {
    let t = labels::normalize(cell.text()?);
    if let Some(e) = entity_of(&t) {
        return Some((e, true));
    }
    let with_year = cell
        .text()?
        .split_whitespace()
        .any(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()));
    let entity = t.split_whitespace().find_map(entity_of)?;
    with_year.then_some((entity, false))
}

/// The sheet as one grid per entity it prints side by side, each with the
/// entity; `None` when it prints one (then its name or title tells which).
pub fn split(grid: &Grid) -> Option<Vec<(Grid, Entity)>> {
    for r in 0..grid.height().min(ROWS) {
        let cells: Vec<(u32, Entity, bool)> = grid
            .row_cells(r)
            .filter_map(|(c, cell)| entity_word(cell).map(|(e, alone)| (c, e, alone)))
            .collect();
        // Where each entity's run of columns begins.
        let mut marks: Vec<(u32, Entity)> = Vec::new();
        for (c, e, _) in &cells {
            if marks.last().is_none_or(|m| m.1 != *e) {
                marks.push((*c, *e));
            }
        }
        let both = marks.len() == 2 && marks[0].1 != marks[1].1;
        // Labels stand left of the first mark, figures under the marks.
        if !both || marks[0].0 == 0 {
            continue;
        }
        let start = marks[0].0;
        let mut out = Vec::new();
        for (i, (from, entity)) in marks.iter().enumerate() {
            let to = marks.get(i + 1).map_or(u32::MAX, |m| m.0);
            let mut g = grid.clone();
            for row in 0..grid.height() {
                let cols: Vec<u32> = grid
                    .row_cells(row)
                    .map(|(c, _)| c)
                    .filter(|c| *c >= start && !(*from..to).contains(c))
                    .collect();
                for c in cols {
                    g.set(row, c, Cell::Empty);
                }
            }
            // A word alone over the years is no heading of its own.
            for (c, _, alone) in &cells {
                if *alone {
                    g.set(r, *c, Cell::Empty);
                }
            }
            out.push((g, *entity));
        }
        return Some(out);
    }
    None
}
