//! Statements stacked on one sheet, each under a title row of its own
//! ("TULOSLASKELMA", then "RAHOITUSLASKELMA", then "TASE"), with a header
//! of its own or one header above them all: read as a sheet a statement,
//! each cell in its place, so that every message names the cell as it is.

use crate::error::{Location, cell_name};
use crate::ingest::grid::{Cell, Grid};
use crate::ingest::sheet;
use crate::model::dataset::Entity;
use crate::model::findings::{Finding, Message};
use crate::model::items::Statement;
use crate::model::labels;
use crate::report::Lang;
use crate::text;

use super::whose::{self, Why};

/// The statements' titles, normalised, by what they title.
const TITLES: &[(&str, Statement)] = &[
    ("tuloslaskelma", Statement::Tuloslaskelma),
    ("konsernituloslaskelma", Statement::Tuloslaskelma),
    ("resultatrakning", Statement::Tuloslaskelma),
    ("koncernresultatrakning", Statement::Tuloslaskelma),
    ("income statement", Statement::Tuloslaskelma),
    ("rahoituslaskelma", Statement::Rahoituslaskelma),
    ("konsernirahoituslaskelma", Statement::Rahoituslaskelma),
    ("finansieringsanalys", Statement::Rahoituslaskelma),
    ("koncernfinansieringsanalys", Statement::Rahoituslaskelma),
    ("cash flow statement", Statement::Rahoituslaskelma),
    ("tase", Statement::Tase),
    ("konsernitase", Statement::Tase),
    ("balansrakning", Statement::Tase),
    ("koncernbalansrakning", Statement::Tase),
    ("balance sheet", Statement::Tase),
];

/// Words a title may have before the statement's name: whose it is
/// ("Kauhavan kaupungin", "konsernin", "koncernens").
const BEFORE: usize = 3;

/// The statement a row titles: its one cell is text ending in a
/// statement's name (a date or year may follow), with at most a few words
/// before it.
fn title_of(grid: &Grid, row: u32) -> Option<(u32, Statement, String)> {
    let mut cells = grid.row_cells(row).filter(|(_, c)| !c.is_empty());
    let (col, cell) = cells.next()?;
    if cells.next().is_some() {
        return None;
    }
    let Cell::Text(text) = cell else {
        return None;
    };
    let n = labels::normalize_keep_numbers(text);
    let mut words: Vec<&str> = n.split(' ').collect();
    while words
        .last()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
    {
        words.pop();
    }
    TITLES.iter().find_map(|(title, st)| {
        let t: Vec<&str> = title.split(' ').collect();
        let before = words.len().checked_sub(t.len())?;
        (before <= BEFORE && words[before..] == t[..]).then(|| (col, *st, text.trim().to_string()))
    })
}

/// One statement of a stacked sheet: its rows, whose it is and why.
pub(super) struct Part {
    pub(super) grid: Grid,
    pub(super) entity: Entity,
    pub(super) statement: Statement,
    pub(super) why: Why,
}

/// The sheet as one grid per statement stacked on it, each with the rows
/// above the first title (a header over them all, a unit) and its own
/// rows, its title row left out; `None` when the sheet titles fewer than
/// two statements. Whose each is: its title's word, else the sheet's
/// name's, else the rows above the first title's, else the city's.
pub(super) fn split(grid: &Grid) -> Option<Vec<Part>> {
    let mut titles: Vec<(u32, u32, Statement, String)> = grid
        .rows_used()
        .filter_map(|r| title_of(grid, r).map(|(c, st, t)| (r, c, st, t)))
        .collect();
    let first = titles.first()?.0;
    let sheet_entity = whose::entity_in(&grid.name)
        .or_else(|| whose::title_entity(grid, first).map(|(e, ..)| e))
        .unwrap_or(Entity::City);
    let whose_of = |t: &str| whose::entity_in(t).unwrap_or(sheet_entity);
    // A statement's name again under its title ("KONSERNITULOSLASKELMA",
    // then "Konsernin tuloslaskelma" as its first heading) is one statement.
    titles.dedup_by(|b, a| a.2 == b.2 && whose_of(&a.3) == whose_of(&b.3));
    let mut kinds: Vec<(Entity, Statement)> = titles
        .iter()
        .map(|(_, _, st, t)| (whose_of(t), *st))
        .collect();
    kinds.sort();
    kinds.dedup();
    if kinds.len() < 2 {
        return None;
    }
    let mut parts: Vec<Part> = Vec::new();
    for (i, (row, col, statement, text)) in titles.iter().enumerate() {
        let to = titles.get(i + 1).map_or(u32::MAX, |t| t.0);
        let mut part = Grid::new(grid.name.clone());
        part.hidden = grid.hidden;
        part.hidden_cols = grid.hidden_cols.clone();
        for r in grid.rows_used() {
            if r < first || (r > *row && r < to) {
                for (c, cell) in grid.row_cells(r) {
                    part.set(r, c, cell.clone());
                }
            }
        }
        // One header over them all may stand under the first title.
        if i > 0 && sheet::read_layout(&part, "").is_err() {
            let first_part = &parts[0].grid;
            if let Ok(l) = sheet::read_layout(first_part, "") {
                for r in first + 1..=l.first().header_row {
                    for (c, cell) in first_part.row_cells(r) {
                        part.set(r, c, cell.clone());
                    }
                }
            }
        }
        parts.push(Part {
            grid: part,
            entity: whose_of(text),
            statement: *statement,
            why: Why::Title(cell_name(*row, *col), text.clone()),
        });
    }
    Some(parts)
}

/// Said of each statement read from a stacked sheet, so that `check`
/// shows where each begins.
pub(super) fn notice(file: &str, sheet: &str, (e, st): (Entity, Statement), why: &Why) -> Finding {
    let (fi, sv, en) = (
        whose::read_as(e, st, Lang::Fi),
        whose::read_as(e, st, Lang::Sv),
        whose::read_as(e, st, Lang::En),
    );
    let (w_fi, w_sv, w_en) = (
        why.words(Lang::Fi),
        why.words(Lang::Sv),
        why.words(Lang::En),
    );
    Finding::notice(
        "sheet_stacked",
        Message::text(text!(
            "taulukolla on monta laskelmaa allekkain; yksi luettu {fi} {w_fi}",
            "bladet har flera räkningar under varandra; en läst som {sv} {w_sv}",
            "the sheet has several statements one below another; one read as {en} {w_en}"
        )),
        vec![Location::sheet(file, sheet)],
    )
}

/// Rows of other statements a sheet may hold before it is taken for
/// several statements without their titles, not one with stray rows.
const FOREIGN: usize = 10;

/// A sheet read as one statement whose rows are mostly other statements'
/// lines (the statements stacked without a title row the reader knows):
/// one error saying what the sheet holds, not an unknown row each.
pub(super) fn foreign_rows(
    file: &str,
    grid: &Grid,
    layout: &crate::ingest::sheet::Layout,
    (entity, statement): (Entity, Statement),
    why: &Why,
) -> Option<crate::error::Error> {
    let mut counts: Vec<(Statement, usize, String)> = Vec::new();
    let mut own = 0;
    for row in &layout.rows {
        match labels::statements_of(&row.label).as_slice() {
            [st] if *st == statement => own += 1,
            [st] if *st != Statement::Taustatiedot => {
                let at = cell_name(row.row, row.label_col);
                match counts.iter_mut().find(|(s, ..)| s == st) {
                    Some(c) => c.1 += 1,
                    None => counts.push((*st, 1, format!("\"{}\" ({at})", row.label.trim()))),
                }
            }
            _ => {}
        }
    }
    let foreign: usize = counts.iter().map(|c| c.1).sum();
    if foreign < FOREIGN || foreign < own {
        return None;
    }
    let list = |l: Lang| {
        (counts.iter())
            .map(|(st, n, first)| format!("{} {n}, {first}", st.name(l)))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let (l_fi, l_sv, l_en) = (list(Lang::Fi), list(Lang::Sv), list(Lang::En));
    let (fi, sv, en) = (
        whose::read_as(entity, statement, Lang::Fi),
        whose::read_as(entity, statement, Lang::Sv),
        whose::read_as(entity, statement, Lang::En),
    );
    let (w_fi, w_sv, w_en) = (
        why.words(Lang::Fi),
        why.words(Lang::Sv),
        why.words(Lang::En),
    );
    Some(crate::error::Error::input(
        Location::sheet(file, &grid.name),
        text!(
            "taulukko luettiin {fi} {w_fi}, mutta {foreign} sen riveistä on muiden laskelmien rivejä ({l_fi}) ja vain {own} tämän: taulukolla näyttää olevan monta laskelmaa. Pane kukin omalle taulukolleen tai kunkin yläpuolelle otsikkorivi (kuten \"RAHOITUSLASKELMA\" tai \"TASE\")",
            "bladet lästes som {sv} {w_sv}, men {foreign} av dess rader är andra räkningars rader ({l_sv}) och bara {own} denna: bladet verkar ha flera räkningar. Lägg var och en på ett eget blad eller en rubrikrad ovanför var och en (såsom \"FINANSIERINGSANALYS\" eller \"BALANSRÄKNING\")",
            "the sheet was read as {en} {w_en}, but {foreign} of its rows are other statements' lines ({l_en}) and only {own} this one's: the sheet seems to hold several statements. Put each on a sheet of its own, or a title row above each (such as \"RAHOITUSLASKELMA\" or \"TASE\")"
        ),
    ))
}
