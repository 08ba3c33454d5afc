//! A sheet as a plain grid of cells, whatever format it came from, so the
//! reading rules are the same for xlsx, xls, ods and for tests.

use crate::ingest::number::{self, Num};

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

/// Cells by absolute (row, column), zero-based.
#[derive(Clone, Debug, Default)]
pub struct Grid {
    pub name: String,
    rows: Vec<Vec<Cell>>,
}

impl Grid {
    pub fn new(name: impl Into<String>) -> Self {
        Grid {
            name: name.into(),
            rows: Vec::new(),
        }
    }

    pub fn set(&mut self, row: u32, col: u32, cell: Cell) {
        let (r, c) = (row as usize, col as usize);
        if self.rows.len() <= r {
            self.rows.resize(r + 1, Vec::new());
        }
        let line = &mut self.rows[r];
        if line.len() <= c {
            line.resize(c + 1, Cell::Empty);
        }
        line[c] = cell;
    }

    pub fn get(&self, row: u32, col: u32) -> &Cell {
        static EMPTY: Cell = Cell::Empty;
        self.rows
            .get(row as usize)
            .and_then(|l| l.get(col as usize))
            .unwrap_or(&EMPTY)
    }

    pub fn height(&self) -> u32 {
        self.rows.len() as u32
    }

    pub fn width(&self) -> u32 {
        self.rows.iter().map(Vec::len).max().unwrap_or(0) as u32
    }

    pub fn is_blank(&self) -> bool {
        self.rows.iter().all(|r| r.iter().all(Cell::is_empty))
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

impl From<f64> for Cell {
    fn from(f: f64) -> Self {
        number::from_f64(f)
            .map(Cell::Number)
            .unwrap_or_else(|| Cell::Error(format!("{f}")))
    }
}
