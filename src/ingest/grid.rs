//! A sheet as a plain grid of cells, whatever format it came from, so the
//! reading rules are the same for xlsx, xls, ods and for tests.

use std::collections::BTreeMap;

use crate::error::Text;
use crate::ingest::number::{self, Num};
use crate::text;

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Number(Num),
    Text(String),
    /// An Excel error value such as #DIV/0!.
    Error(String),
}

impl Cell {
    pub fn text(&self) -> Option<&str> {
        match self {
            Cell::Text(s) if !s.trim().is_empty() => Some(s.trim()),
            _ => None,
        }
    }
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// The largest sheet kivijalka reads. A statement fits in a few hundred rows
/// and a dozen columns and a long table of every municipality in a few
/// hundred thousand cells; these bounds (the old .xls sheet size) keep a
/// hostile or damaged file from costing more than a few hundred megabytes.
pub const MAX_ROWS: u32 = 65_536;
pub const MAX_COLS: u32 = 256;
/// Non-empty cells in one workbook.
pub const MAX_CELLS: usize = 2_000_000;

/// Why a cell at (row, col) lies outside what kivijalka reads, if it does.
pub fn out_of_bounds(row: u32, col: u32) -> Option<Text> {
    if row >= MAX_ROWS || col >= MAX_COLS {
        let last = crate::error::cell_name(MAX_ROWS - 1, MAX_COLS - 1);
        Some(text!(
            "sisältöä kivijalan lukemien {MAX_ROWS} rivin × {MAX_COLS} sarakkeen (A1:{last}) \
             ulkopuolella; poista se tai siirrä luvut omalle taulukolleen",
            "innehåll utanför de {MAX_ROWS} rader × {MAX_COLS} kolumner (A1:{last}) som \
             kivijalka läser; radera det som ligger utanför eller flytta siffrorna till ett eget blad",
            "content beyond the {MAX_ROWS} rows × {MAX_COLS} columns (A1:{last}) kivijalka reads; \
             delete what lies outside or move the figures to a sheet of their own"
        ))
    } else {
        None
    }
}

/// Why a workbook with more than [`MAX_CELLS`] non-empty cells is refused.
pub fn too_many_cells() -> Text {
    text!(
        "työkirjassa on yli {MAX_CELLS} ei-tyhjää solua, enemmän kuin kivijalka lukee",
        "arbetsboken har fler än {MAX_CELLS} celler som inte är tomma, fler än kivijalka läser",
        "more than {MAX_CELLS} non-empty cells in the workbook, more than kivijalka reads"
    )
}

/// Cells by absolute (row, column), zero-based. Only non-empty cells are
/// stored, so a sheet costs what it holds, not what its corners span.
#[derive(Clone, Debug, Default)]
pub struct Grid {
    pub name: String,
    /// Hidden in the workbook: a reader looking at it in Excel does not
    /// see it, so what is read from it is said.
    pub hidden: bool,
    /// Columns hidden in the workbook, zero-based inclusive ranges.
    pub hidden_cols: Vec<(u32, u32)>,
    cells: BTreeMap<(u32, u32), Cell>,
    /// Numeric cells whose format shows them divided by thousands (xlsx).
    pub scaled: BTreeMap<(u32, u32), number::ScaledFormat>,
    height: u32,
    width: u32,
}

impl Grid {
    pub fn new(name: impl Into<String>) -> Self {
        Grid {
            name: name.into(),
            ..Default::default()
        }
    }

    /// Sets a cell; an empty cell is removed. Height and width keep the
    /// extent ever set, so blanking a row does not shift what follows.
    pub fn set(&mut self, row: u32, col: u32, cell: Cell) {
        if matches!(cell, Cell::Empty) {
            self.cells.remove(&(row, col));
            return;
        }
        self.height = self.height.max(row.saturating_add(1));
        self.width = self.width.max(col.saturating_add(1));
        self.cells.insert((row, col), cell);
    }

    pub fn col_hidden(&self, col: u32) -> bool {
        self.hidden_cols
            .iter()
            .any(|(a, b)| (*a..=*b).contains(&col))
    }

    pub fn get(&self, row: u32, col: u32) -> &Cell {
        static EMPTY: Cell = Cell::Empty;
        self.cells.get(&(row, col)).unwrap_or(&EMPTY)
    }

    /// One past the last row with a cell.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// One past the last column with a cell.
    pub fn width(&self) -> u32 {
        self.width
    }

    /// Number of stored (non-empty) cells.
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// The stored cells of one row, left to right.
    pub fn row_cells(&self, row: u32) -> impl Iterator<Item = (u32, &Cell)> {
        self.cells
            .range((row, 0)..=(row, u32::MAX))
            .map(|(&(_, c), cell)| (c, cell))
    }

    /// The rows that have a stored cell, top to bottom.
    pub fn rows_used(&self) -> impl Iterator<Item = u32> + '_ {
        let mut last = None;
        self.cells.keys().filter_map(move |&(r, _)| {
            if last == Some(r) {
                None
            } else {
                last = Some(r);
                Some(r)
            }
        })
    }

    pub fn is_blank(&self) -> bool {
        self.cells.values().all(Cell::is_empty)
    }

    /// A grid from rows of text, each cell read as a number when it is one.
    /// For tests and for the long-table reader.
    pub fn from_text_rows(name: &str, rows: &[Vec<&str>]) -> Self {
        let mut g = Grid::new(name);
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                let cell = if text.trim().is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(text.to_string())
                };
                g.set(r as u32, c as u32, cell);
            }
        }
        g
    }
}

/// What follows a number too large for a figure in its error cell; the
/// reader words it in the user's language.
pub const BEYOND: &str = "(a number beyond the ±7.9e28 a figure can hold)";

impl From<f64> for Cell {
    fn from(f: f64) -> Self {
        number::from_f64(f)
            .map(Cell::Number)
            .unwrap_or_else(|| Cell::Error(format!("{f:e} {BEYOND}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparse_grid_costs_what_it_holds() {
        let mut g = Grid::new("Tase");
        g.set(65_535, 255, Cell::Text("x".into()));
        g.set(0, 0, Cell::from(1.0));
        assert_eq!((g.height(), g.width(), g.len()), (65_536, 256, 2));
        assert_eq!(g.get(100, 100), &Cell::Empty);
        assert_eq!(g.rows_used().collect::<Vec<_>>(), [0, 65_535]);
        g.set(0, 0, Cell::Empty);
        assert_eq!(g.rows_used().collect::<Vec<_>>(), [65_535]);
        assert_eq!(
            g.row_cells(65_535).map(|(c, _)| c).collect::<Vec<_>>(),
            [255]
        );
    }

    #[test]
    fn bounds_name_the_limits() {
        assert!(out_of_bounds(65_535, 255).is_none());
        assert!(out_of_bounds(65_536, 0).unwrap().en.contains("A1:IV65536"));
        assert!(out_of_bounds(0, 256).is_some());
    }

    #[test]
    fn a_float_beyond_a_decimal_is_an_error_value_saying_so() {
        match Cell::from(1e300) {
            Cell::Error(e) => assert!(e.starts_with("1e300 ") && e.len() < 80, "{e}"),
            c => panic!("{c:?}"),
        }
    }
}
