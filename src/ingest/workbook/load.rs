//! A workbook file into grids of cells, within bounds on sheets, cells and
//! the cells walked past.

use std::path::Path;

use calamine::{Data, Reader, SheetVisible, Sheets, XlsxError, open_workbook_auto};

use crate::error::{Error, Location, Result, cell_name};
use crate::ingest::container;
use crate::ingest::grid::{self, Cell, Grid};
use crate::ingest::number;
use crate::text;

/// Sheets in one workbook; a statement workbook has a handful.
const MAX_SHEETS: usize = 1_000;
/// Cells a reader may walk past, empty or not, in one workbook: a styled
/// but empty cell costs reading time, not memory, and this bounds the time.
const MAX_VISITED: u64 = 20_000_000;

/// Every sheet of a workbook as a grid of cells. Sheets are read cell by
/// cell where the format allows (xlsx, xlsm, xlsb) and checked against the
/// bounds before the reader allocates anything where it does not (ods);
/// content beyond [`grid::MAX_ROWS`] × [`grid::MAX_COLS`] or more than
/// [`grid::MAX_CELLS`] cells is refused naming the cell.
pub fn load_grids(path: &Path) -> Result<Vec<Grid>> {
    let file = path.display().to_string();
    if !path.exists() {
        return Err(Error::input(
            Location::file(&file),
            text!("tiedostoa ei ole", "filen finns inte", "no such file"),
        ));
    }
    let mut scaled = container::check(path, &file)?;
    let opened = match container::xlsx_named_otherwise(path) {
        true => calamine::open_workbook(path)
            .map(Sheets::Xlsx)
            .map_err(calamine::Error::Xlsx),
        false => open_workbook_auto(path),
    };
    let mut wb = opened.map_err(|e| {
        Error::input(
            Location::file(&file),
            text!(
                "ei luettava työkirja (xlsx, xlsm, xls, xlsb tai ods): {e}",
                "inte en arbetsbok som kan läsas (xlsx, xlsm, xls, xlsb eller ods): {e}",
                "not a workbook that can be read (xlsx, xlsm, xls, xlsb or ods): {e}"
            ),
        )
    })?;
    let names = wb.sheet_names();
    let hidden: Vec<String> = (wb.sheets_metadata().iter())
        .filter(|s| s.visible != SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    if names.len() > MAX_SHEETS {
        return Err(Error::input(Location::file(&file), {
            let n = names.len();
            text!(
                "{n} taulukkoa; kivijalka lukee työkirjoja, joissa on enintään {MAX_SHEETS}",
                "{n} blad; kivijalka läser arbetsböcker med högst {MAX_SHEETS}",
                "{n} sheets; kivijalka reads workbooks of at most {MAX_SHEETS}"
            )
        }));
    }
    let mut load = Load {
        file: &file,
        cells: 0,
        visited: 0,
    };
    let mut grids = Vec::new();
    for name in names {
        let unreadable = |e: &dyn std::fmt::Display| {
            Error::input(
                Location::sheet(&file, &name),
                text!(
                    "taulukkoa ei voi lukea: {e}",
                    "bladet kan inte läsas: {e}",
                    "the sheet cannot be read: {e}"
                ),
            )
        };
        let mut grid = Grid::new(&name);
        grid.hidden = hidden.contains(&name);
        match &mut wb {
            Sheets::Xlsx(x) => {
                let mut cells = match x.worksheet_cells_reader(&name) {
                    Ok(c) => c,
                    // A chart sheet has no cells.
                    Err(XlsxError::NotAWorksheet(_)) => {
                        grids.push(grid);
                        continue;
                    }
                    Err(e) => return Err(unreadable(&e)),
                };
                while let Some(c) = cells.next_cell().map_err(|e| unreadable(&e))? {
                    let (r, col) = c.get_position();
                    load.put(
                        &mut grid,
                        r,
                        col,
                        cell_of(&Data::from(c.get_value().clone())),
                    )?;
                }
            }
            Sheets::Xlsb(x) => {
                let mut cells = x
                    .worksheet_cells_reader(&name)
                    .map_err(|e| unreadable(&e))?;
                while let Some(c) = cells.next_cell().map_err(|e| unreadable(&e))? {
                    let (r, col) = c.get_position();
                    load.put(
                        &mut grid,
                        r,
                        col,
                        cell_of(&Data::from(c.get_value().clone())),
                    )?;
                }
            }
            wb => {
                let range = wb.worksheet_range(&name).map_err(|e| unreadable(&e))?;
                let (r0, c0) = range.start().unwrap_or((0, 0));
                for (r, col, data) in range.used_cells() {
                    let (r, col) = (r0.saturating_add(r as u32), c0.saturating_add(col as u32));
                    load.put(&mut grid, r, col, cell_of(data))?;
                }
            }
        }
        grid.scaled = scaled.remove(&grid.name).unwrap_or_default();
        grids.push(grid);
    }
    if matches!(wb, Sheets::Xlsx(_)) {
        let mut hidden = super::hidden::columns(path);
        for g in &mut grids {
            g.hidden_cols = hidden.remove(&g.name).unwrap_or_default();
        }
    }
    Ok(grids)
}

/// What has been read of a workbook so far, against its bounds.
struct Load<'a> {
    file: &'a str,
    cells: usize,
    visited: u64,
}

impl Load<'_> {
    fn put(&mut self, grid: &mut Grid, row: u32, col: u32, cell: Cell) -> Result<()> {
        let at = || Location::cell(self.file, &grid.name, cell_name(row, col));
        self.visited += 1;
        if self.visited > MAX_VISITED {
            return Err(Error::input(
                at(),
                text!(
                    "läpikäytäviä soluja, tyhjiä tai ei, on yli {MAX_VISITED}; \
                     kivijalka lukee pienempiä työkirjoja",
                    "fler än {MAX_VISITED} celler, tomma eller inte, att gå igenom; \
                     kivijalka läser mindre arbetsböcker",
                    "more than {MAX_VISITED} cells, empty or not, to go through; \
                     kivijalka reads smaller workbooks"
                ),
            ));
        }
        if cell.is_empty() {
            return Ok(());
        }
        if let Some(why) = grid::out_of_bounds(row, col) {
            return Err(Error::input(at(), why));
        }
        if !grid.get(row, col).is_empty() {
            // The later of two cells at one place would silently replace
            // the figure Excel shows.
            return Err(Error::input(
                at(),
                text!(
                    "solu on tiedostossa kahdesti; kumpi on oikea, ei selviä",
                    "cellen finns två gånger i filen; vilken som gäller går inte att avgöra",
                    "the cell is in the file twice; which one holds cannot be told"
                ),
            ));
        }
        self.cells += 1;
        if self.cells > grid::MAX_CELLS {
            return Err(Error::input(at(), grid::too_many_cells()));
        }
        grid.set(row, col, cell);
        Ok(())
    }
}

/// The longest text a cell is read with, in characters. No line's label
/// or figure comes near it; what is longer is kept cut, marked with "…",
/// so that it still reads as no line and no number, and every label
/// comparison and message stays the size of a line.
const MAX_TEXT: usize = 1_000;

fn capped(s: &str) -> String {
    match s.char_indices().nth(MAX_TEXT) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(number::from_i64(*i)),
        Data::Float(f) => Cell::from(*f),
        Data::String(s) => Cell::Text(capped(s)),
        Data::Bool(b) => Cell::Text(b.to_string()),
        // A date's serial number is no figure: shown as the date Excel shows,
        // a money cell holding it is refused naming the cell.
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            Cell::Text(format!("{day}.{m}.{y}"))
        }
        Data::DateTime(d) => {
            let (.., h, min, s, _) = d.to_ymd_hms_milli();
            Cell::Text(format!("{h}:{min:02}:{s:02}"))
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(capped(s)),
        Data::Error(e) => Cell::Error(format!("{e}")),
    }
}
