//! A sheet that prints the city's and the group's figures side by side,
//! under a row naming each ("Kaupunki" over its year columns, "Konserni"
//! over its own), is read as two statements: each entity's columns keep
//! their places, so every message names the cell of the sheet as it is.

use crate::ingest::grid::{Cell, Grid};
use crate::model::dataset::Entity;
use crate::model::labels;

/// Rows looked at for the entity row: it stands above the year headings.
const ROWS: u32 = 40;

fn entity_word(cell: &Cell) -> Option<Entity> {
    let t = labels::normalize(cell.text()?);
    match t.as_str() {
        "kaupunki" | "kunta" | "stad" | "staden" | "kommun" | "kommunen" | "city"
        | "municipality" | "peruskunta" | "emokunta" => Some(Entity::City),
        "konserni" | "kuntakonserni" | "kaupunkikonserni" | "koncern" | "koncernen" | "group" => {
            Some(Entity::Group)
        }
        _ => None,
    }
}

/// The sheet as one grid per entity it prints side by side, each with the
/// entity; `None` when it prints one (then its name or title tells which).
pub fn split(grid: &Grid) -> Option<Vec<(Grid, Entity)>> {
    for r in 0..grid.height().min(ROWS) {
        let marks: Vec<(u32, Entity)> = grid
            .row_cells(r)
            .filter_map(|(c, cell)| entity_word(cell).map(|e| (c, e)))
            .collect();
        let both = marks.iter().any(|(_, e)| *e == Entity::City)
            && marks.iter().any(|(_, e)| *e == Entity::Group);
        // Labels stand left of the first mark, figures under the marks.
        if !both || marks.len() != 2 || marks[0].0 == 0 {
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
            g.set(r, *from, Cell::Empty);
            out.push((g, *entity));
        }
        return Some(out);
    }
    None
}
