//! The layout of one statement sheet: title rows with the unit, a header row
//! of year columns, then one row a line with its label on the left.
//!
//! `read_layout` goes step by step: `block` finds the tables and reads each
//! header (unit, year columns), `rows` reads the rows under it, `totals`
//! checks the block totals; `header` says what one header cell means.

mod block;
mod header;
mod rows;
#[cfg(test)]
mod tests;
mod totals;

use rust_decimal::Decimal;

use crate::error::Location;
use crate::ingest::grid::Grid;
use crate::ingest::number::Num;
use crate::model::dataset::YearKind;
use crate::model::findings::{Finding, Message};
use crate::text;
use block::{Sheet, Span};
use header::{Header, header_cells};

pub use header::unit_in;

/// How far down a header row is looked for.
const HEADER_SEARCH_ROWS: u32 = 40;

#[derive(Clone, Debug)]
pub struct YearColumn {
    /// The column whose figures are read.
    pub col: u32,
    pub year: i32,
    pub kind: YearKind,
    /// A second column of the same year holding block totals, as printed
    /// statements have them: checked against the items, never added to them.
    pub total_col: Option<u32>,
}

#[derive(Clone, Debug)]
pub struct Row {
    pub row: u32,
    pub label: String,
    pub label_col: u32,
    /// (year, number, column); text that was not a number is in `findings`.
    pub values: Vec<(i32, Num, u32)>,
    /// The row's own unit, when its label says one ("Vuokravastuut, 1 000 €").
    pub scale: Option<Decimal>,
    /// Which table block of the sheet the row is in (index into `blocks`).
    pub block: usize,
    /// Figures printed on another row than the label's: a block total on
    /// its last item's row read as the heading's figure. (year, row).
    pub figure_rows: Vec<(i32, u32)>,
}

impl Row {
    /// The sheet row a year's figure was printed on.
    pub fn figure_row(&self, year: i32) -> u32 {
        self.figure_rows
            .iter()
            .find(|(y, _)| *y == year)
            .map(|(_, r)| *r)
            .unwrap_or(self.row)
    }
}

/// One table of a sheet: a year header, its unit, the rows below it. A sheet
/// printed as a report may continue in a second table with its own unit and
/// its own order of years.
#[derive(Clone, Debug)]
pub struct Block {
    pub header_row: u32,
    /// Euros per unit of the figures: 1, 1000 or 1 000 000.
    pub scale: Decimal,
    pub unit_found: Option<crate::error::Text>,
    pub years: Vec<YearColumn>,
}

#[derive(Clone, Debug)]
pub struct Layout {
    /// The first block's year columns, then any year only a later block has.
    pub years: Vec<YearColumn>,
    pub rows: Vec<Row>,
    /// Text above the header row, lower-cased: the sheet's titles.
    pub titles: String,
    pub findings: Vec<Finding>,
    /// The sheet's tables, the first at least: its unit and header row are
    /// the sheet's.
    pub blocks: Vec<Block>,
}

impl Layout {
    /// The sheet's first table.
    pub fn first(&self) -> &Block {
        &self.blocks[0]
    }

    /// Euros per unit of a row's figures: its own unit, else its block's.
    pub fn scale_of(&self, row: &Row) -> Decimal {
        row.scale
            .unwrap_or_else(|| self.blocks.get(row.block).unwrap_or(self.first()).scale)
    }
}

/// A row read below a header, before the item and total columns are settled.
struct Pending {
    row: Row,
    totals: Vec<(i32, Num, u32)>,
    has_label: bool,
}

pub fn read_layout(grid: &Grid, file: &str) -> Result<Layout, Finding> {
    let sh = Sheet {
        grid,
        file,
        width: grid.width(),
        notation: rows::notation(grid),
    };
    let at = |r: u32, c: u32| sh.at(r, c);
    let mut findings = Vec::new();
    let first_header = block::first_header(&sh)?;
    block::figures_above_header(&sh, first_header, &mut findings);
    let heads = block::block_headers(&sh, first_header);
    let spans = block::block_spans(&sh, &heads);

    let mut titles = String::new();
    let mut blocks: Vec<Block> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    for (b, &span) in spans.iter().enumerate() {
        let block = read_block(
            &sh,
            b,
            span,
            &blocks,
            &mut titles,
            &mut findings,
            &mut pending,
        )?;
        blocks.push(block);
    }

    rows::join_wrapped_labels(&mut pending, &mut findings, &at);
    totals::check_totals(&mut pending, &blocks, &mut findings, &at);

    let rows: Vec<Row> = pending
        .into_iter()
        .filter(|p| p.has_label)
        .map(|p| p.row)
        .collect();
    let years = sheet_years(&blocks, &mut findings, &at);
    Ok(Layout {
        years,
        rows,
        titles,
        findings,
        blocks,
    })
}

/// One table: its header (unit, year columns, which columns hold totals),
/// then its rows into `pending`.
fn read_block(
    sh: &Sheet,
    b: usize,
    span: Span,
    above: &[Block],
    titles: &mut String,
    findings: &mut Vec<Finding>,
    pending: &mut Vec<Pending>,
) -> Result<Block, Finding> {
    let header_row = span.header;
    let cols = header_cells(sh.grid, header_row, sh.width).unwrap_or_default();
    let header_cols: Vec<u32> = cols.iter().map(|(c, _)| *c).collect();
    let first_year_col = cols
        .iter()
        .filter(|(_, h)| matches!(h, Header::Year { .. }))
        .map(|(c, _)| *c)
        .min()
        .unwrap_or(0);
    let (scale, unit_found) = block::unit_text(sh, b == 0, span, titles);
    let scale = block::block_scale(
        sh,
        (scale, &unit_found),
        above.last().map(|p| p.scale),
        sh.at(header_row, first_year_col),
        header_row,
        findings,
    );
    let years = block::year_columns(sh, span, &cols, first_year_col, findings);
    block::ignored_columns(sh, span, first_year_col, findings);
    let mut years = block::one_column_a_year(sh, span, years, findings)?;
    block::pair_total_columns(sh, span, &header_cols, &mut years);
    let label_end = years.iter().map(|y| y.col).min().unwrap_or(first_year_col);
    let unit = (scale, &unit_found);
    rows::read_rows(sh, b, span, &years, label_end, unit, findings, pending);
    Ok(Block {
        header_row,
        scale,
        unit_found,
        years,
    })
}

/// The first table's year columns, then any year only a later table has; a
/// year that is an actual in one table and a budget in another is an error.
fn sheet_years(
    blocks: &[Block],
    findings: &mut Vec<Finding>,
    at: &dyn Fn(u32, u32) -> Location,
) -> Vec<YearColumn> {
    let first = &blocks[0];
    let mut years = first.years.clone();
    for b in &blocks[1..] {
        for y in &b.years {
            match years.iter().find(|k| k.year == y.year) {
                None => years.push(y.clone()),
                Some(k) if k.kind != y.kind => findings.push(Finding::error(
                    "year_kind_conflict",
                    Message::text({
                        let (year, above, here) = (y.year, k.kind, y.kind);
                        let row = b.header_row + 1;
                        text!(
                            "{year} on {above} yllä olevassa taulukossa ja {here} rivistä {row} alkavassa taulukossa",
                            "{year} är {above} i tabellen ovanför och {here} i tabellen från rad {row}",
                            "{year} is {above} in the table above and {here} in the table from row {row} on"
                        )
                    }),
                    vec![at(b.header_row, y.col), at(first.header_row, k.col)],
                )),
                Some(_) => {}
            }
        }
    }
    years
}
