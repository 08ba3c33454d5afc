//! The layout of one statement sheet: title rows with the unit, a header row
//! of year columns, then one row a line with its label on the left.

use rust_decimal::Decimal;

use crate::error::{Location, cell_name};
use crate::ingest::grid::{Cell, Grid};
use crate::ingest::number::{self, Num};
use crate::model::dataset::YearKind;
use crate::model::findings::Finding;
use crate::model::items;
use crate::model::labels;

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
    pub unit_found: Option<String>,
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

enum Header {
    Year {
        year: i32,
        kind: Option<YearKind>,
    },
    /// A column that looks like a year column but must not be read as one.
    Ignored {
        reason: &'static str,
    },
    NotYear,
}

fn words(text: &str) -> Vec<String> {
    labels::normalize_keep_numbers(text)
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

fn classify_header(cell: &Cell) -> Header {
    match cell {
        Cell::Number(n) => {
            if n.decimals == 0 && n.value >= Decimal::from(1990) && n.value <= Decimal::from(2100) {
                let y: i32 = n.value.try_into().unwrap_or(0);
                Header::Year {
                    year: y,
                    kind: None,
                }
            } else {
                Header::NotYear
            }
        }
        Cell::Text(t) => classify_header_text(t),
        _ => Header::NotYear,
    }
}

fn classify_header_text(text: &str) -> Header {
    let w = words(text);
    let years: Vec<i32> = w
        .iter()
        .filter(|x| x.len() == 4 && x.chars().all(|c| c.is_ascii_digit()))
        .filter_map(|x| x.parse().ok())
        .filter(|y| (1990..=2100).contains(y))
        .collect();
    if years.len() != 1 {
        // "TP 2023 - TP 2024" or no year at all.
        return if years.len() > 1 {
            Header::Ignored {
                reason: "a comparison of two years",
            }
        } else {
            Header::NotYear
        };
    }
    let mut kind = None;
    let raw = text.to_lowercase();
    if raw.contains('%') {
        return Header::Ignored {
            reason: "a percentage column",
        };
    }
    for word in &w {
        let word = word.as_str();
        if word.len() == 4 && word.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let k = match word {
            "tp" | "tilinpaatos" | "toteutuma" | "toteutunut" | "toteuma" | "bokslut" | "bs"
            | "actual" | "actuals" | "utfall" => Some(YearKind::TP),
            "ta" | "talousarvio" | "budjetti" | "budget" | "alkuperainen" | "bg" => {
                Some(YearKind::TA)
            }
            "ts" | "taloussuunnitelma" | "suunnitelma" | "ekonomiplan" | "ep" | "plan" | "tas" => {
                Some(YearKind::TS)
            }
            "muutettu" | "muutokset" | "muutoksineen" | "muutoksin" | "lisatalousarvio"
            | "andrad" | "amended" | "revised" | "m" => {
                return Header::Ignored {
                    reason: "an amended budget",
                };
            }
            "muutos" | "ero" | "poikkeama" | "kasvu" | "forandring" | "change" | "diff"
            | "erotus" | "vs" => {
                return Header::Ignored {
                    reason: "a change column",
                };
            }
            "ennuste" | "arvio" | "prognos" | "forecast" | "estimate" => {
                return Header::Ignored {
                    reason: "a forecast column",
                };
            }
            "1000" | "000" | "1" | "eur" | "euroa" | "te" | "teur" | "t" | "keur" | "meur"
            | "milj" | "kaupunki" | "kunta" | "konserni" | "vuosi" | "ar" | "year" => None,
            _ => {
                return Header::Ignored {
                    reason: "a column whose heading is not a year",
                };
            }
        };
        if k.is_some() {
            kind = k;
        }
    }
    Header::Year {
        year: years[0],
        kind,
    }
}

/// The unit a text names, as euros per unit. Unit words are matched as
/// whole words, so "Vastuut €" is euros, not "t€".
pub fn unit_in(text: &str) -> Option<Decimal> {
    let lower = text.to_lowercase();
    let compact: String = lower
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{00A0}' | '\u{2009}' | '\u{202F}'))
        .collect();
    let million = Decimal::from(1_000_000);
    let thousand = Decimal::from(1000);
    if ["1000000€", "1000000eur"]
        .iter()
        .any(|m| compact.contains(m))
    {
        return Some(million);
    }
    if ["1000€", "1000eur", "1000euro"]
        .iter()
        .any(|m| compact.contains(m))
    {
        return Some(thousand);
    }
    let words: Vec<&str> = lower
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';' | ':' | '/' | '\u{00A0}')
        })
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    let scale_of = |w: &str| match w {
        "t€" | "teur" | "keur" | "t.€" | "tuhatta" | "tuhansina" | "tusen" => Some(thousand),
        "m€" | "meur" | "milj" | "milj.€" | "milj€" | "miljoonaa" | "miljoonina" | "miljoner"
        | "mn€" => Some(million),
        _ => None,
    };
    if let Some(s) = words.iter().find_map(|w| scale_of(w)) {
        return Some(s);
    }
    if words
        .iter()
        .any(|w| matches!(*w, "€" | "eur" | "euro" | "euroa" | "euros" | "euroina"))
    {
        return Some(Decimal::ONE);
    }
    None
}

/// A label may carry its own unit: "Vuokravastuut, 1 000 €".
fn split_unit(label: &str) -> (String, Option<Decimal>) {
    for sep in [", ", " (", ","] {
        if let Some(pos) = label.rfind(sep) {
            let tail = &label[pos + sep.len()..];
            if let Some(u) = unit_in(tail) {
                return (label[..pos].trim().to_string(), Some(u));
            }
        }
    }
    (label.to_string(), None)
}

/// The kind a text names when it stands alone over or under a year ("TP").
fn kind_word(text: &str) -> Option<YearKind> {
    match classify_header_text(&format!("{text} 2000")) {
        Header::Year { kind, .. } => kind,
        _ => None,
    }
}

fn number_in(cell: &Cell) -> Option<Num> {
    match cell {
        Cell::Number(n) => Some(*n),
        Cell::Text(t) => number::parse_text(t).ok().flatten(),
        _ => None,
    }
}

/// A row that holds nothing but kinds of year ("TP", "TA"): the second row of
/// a header whose years and kinds are printed on rows of their own.
fn is_kind_row(grid: &Grid, r: u32, width: u32) -> bool {
    let mut any = false;
    for c in 0..width {
        let cell = grid.get(r, c);
        if cell.is_empty() {
            continue;
        }
        match cell.text() {
            Some(t) if kind_word(t).is_some() => any = true,
            _ => return false,
        }
    }
    any
}

/// The header cells of a row when it is a year header: a year column and no
/// statement line.
fn header_cells(grid: &Grid, r: u32, width: u32) -> Option<Vec<(u32, Header)>> {
    let mut cols = Vec::new();
    let mut texts = Vec::new();
    for c in 0..width {
        let cell = grid.get(r, c);
        match classify_header(cell) {
            Header::NotYear => texts.extend(cell.text()),
            h => cols.push((c, h)),
        }
    }
    // Labels are looked up only on rows that could be a header at all.
    (cols.iter().any(|(_, h)| matches!(h, Header::Year { .. }))
        && texts.iter().all(|t| labels::statements_of(t).is_empty()))
    .then_some(cols)
}

/// A year heading in words ("TP 2023"), not a bare number.
fn has_text_year(grid: &Grid, r: u32, cols: &[(u32, Header)]) -> bool {
    cols.iter().any(|(c, h)| {
        matches!(h, Header::Year { .. })
            && matches!(grid.get(r, *c), Cell::Text(t)
                if !t.trim().chars().all(|ch| ch.is_ascii_digit()))
    })
}

/// Whether a row below the first table starts another one. A heading such as
/// "TP 2023" is one; bare numbers only when nothing but units and kinds stand
/// beside them, so that a row whose figure happens to be 2024 is not taken
/// for a header.
fn is_block_header(grid: &Grid, r: u32, cols: &[(u32, Header)], width: u32) -> bool {
    if has_text_year(grid, r, cols) {
        return true;
    }
    (0..width).all(|c| {
        if cols.iter().any(|(cc, _)| *cc == c) {
            return true;
        }
        match grid.get(r, c) {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty() || unit_in(t).is_some() || kind_word(t).is_some(),
            _ => false,
        }
    })
}

/// A row read below a header, before the item and total columns are settled.
struct Pending {
    row: Row,
    totals: Vec<(i32, Num, u32)>,
    has_label: bool,
}

#[derive(Default)]
struct TotalsSeen {
    agreed: usize,
    own: usize,
    headings: Vec<String>,
    first: Option<Location>,
}

pub fn read_layout(grid: &Grid, file: &str) -> Result<Layout, Finding> {
    let at = |r: u32, c: u32| Location::cell(file, grid.name.clone(), cell_name(r, c));
    let mut findings = Vec::new();
    let width = grid.width();

    // The first header row: the first row with a year column and no statement line.
    let Some(first_header) = (0..grid.height().min(HEADER_SEARCH_ROWS))
        .find(|r| header_cells(grid, *r, width).is_some())
    else {
        return Err(Finding::error(
            "no_year_columns",
            format!(
                "no header row with year columns (such as \"TP 2024\", \"TA 2026\" or 2024) in the first {HEADER_SEARCH_ROWS} rows"
            ),
            vec![Location::sheet(file, grid.name.clone())],
        ));
    };
    let is_title_row = |r: u32| {
        (0..width).all(|c| match grid.get(r, c) {
            Cell::Empty => true,
            Cell::Text(t) => {
                t.trim().is_empty()
                    || unit_in(t).is_some()
                    || (number::parse_text(t).ok().flatten().is_none()
                        && labels::statements_of(t).is_empty())
            }
            _ => false,
        })
    };

    // Further tables below the first, each with its own header. Bare year
    // numbers start one only below a blank or title row: amid figures they
    // are a row that lost its label, not a header.
    // A statement line with figures above the first year header has no
    // year to be read under: refused by name, never dropped unseen.
    for r in 0..first_header {
        let label = (0..width).find_map(|c| grid.get(r, c).text());
        let figure = (0..width).find(|c| match grid.get(r, *c) {
            Cell::Number(_) => true,
            Cell::Text(t) => matches!(number::parse_text(t), Ok(Some(_))),
            _ => false,
        });
        if let (Some(label), Some(c)) = (label, figure)
            && !labels::statements_of(label).is_empty()
        {
            findings.push(Finding::error(
                "figures_above_header",
                format!(
                    "\"{label}\" has figures above the year header (row {}), so no year can be given to them; not read",
                    first_header + 1
                ),
                vec![at(r, c)],
            ));
        }
    }
    let mut heads = vec![first_header];
    let mut r = first_header + 1;
    while r < grid.height() {
        if let Some(cols) = header_cells(grid, r, width)
            && is_block_header(grid, r, &cols, width)
            && r != heads[heads.len() - 1] + 1
            && (has_text_year(grid, r, &cols) || is_title_row(r - 1))
        {
            heads.push(r);
        }
        r += 1;
    }

    // Each block's rows: from below its header (and a kind row under it) to
    // the next block's title rows (unit, kind, titles that are no line).
    let mut spans: Vec<(u32, u32, u32, u32)> = Vec::new(); // (title_from, header, data_from, data_to)
    for (b, &h) in heads.iter().enumerate() {
        let title_from = if b == 0 {
            0
        } else {
            let mut t = h;
            while t > spans[b - 1].2 && is_title_row(t - 1) {
                t -= 1;
            }
            spans[b - 1].3 = t;
            t
        };
        let data_from = if h + 1 < grid.height() && is_kind_row(grid, h + 1, width) {
            h + 2
        } else {
            h + 1
        };
        spans.push((title_from, h, data_from, grid.height()));
    }

    let mut titles = String::new();
    let mut blocks: Vec<Block> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    for (b, &(title_from, header_row, data_from, data_to)) in spans.iter().enumerate() {
        let cols = header_cells(grid, header_row, width).unwrap_or_default();
        let header_cols: Vec<u32> = cols.iter().map(|(c, _)| *c).collect();
        let first_year_col = cols
            .iter()
            .filter(|(_, h)| matches!(h, Header::Year { .. }))
            .map(|(c, _)| *c)
            .min()
            .unwrap_or(0);

        // Unit: the text above and on the header row, or on a row of titles
        // right under it ("1 000 €" below "TP 2024" is as common as above).
        let mut under = data_from;
        while under < data_to && under < data_from + 3 && is_title_row(under) {
            under += 1;
        }
        let mut unit_found = None;
        let mut scale = None;
        for r in (title_from..=header_row).chain(data_from..under) {
            for c in 0..width {
                if let Some(t) = grid.get(r, c).text() {
                    if b == 0 && r <= header_row {
                        titles.push_str(&t.to_lowercase());
                        titles.push(' ');
                    }
                    if scale.is_none()
                        && let Some(u) = unit_in(t)
                    {
                        scale = Some(u);
                        unit_found = Some(format!("\"{t}\" in {}", cell_name(r, c)));
                    }
                }
            }
        }
        let scale = match (scale, blocks.last()) {
            (Some(s), prev) => {
                if let (Some(p), Some(u)) = (prev, &unit_found) {
                    findings.push(Finding::notice(
                        "unit",
                        format!(
                            "the table from row {} on has its own unit: figures in units of {s} € (from {u}){}",
                            header_row + 1,
                            if p.scale == s {
                                String::new()
                            } else {
                                format!(", where the table above is in units of {} €", p.scale)
                            }
                        ),
                        vec![at(header_row, first_year_col)],
                    ));
                }
                s
            }
            (None, None) => {
                findings.push(Finding::warning(
                    "unit_assumed",
                    "no unit found above the figures (such as \"1 000 €\"); figures read as euros",
                    vec![Location::sheet(file, grid.name.clone())],
                ));
                Decimal::ONE
            }
            (None, Some(p)) => {
                findings.push(Finding::notice(
                    "unit_inherited",
                    format!(
                        "the table from row {} on names no unit of its own; read in the unit of the table above ({} €)",
                        header_row + 1,
                        p.scale
                    ),
                    vec![at(header_row, first_year_col)],
                ));
                p.scale
            }
        };

        // Year columns: kind from the cell itself, or from a row of kinds
        // above or below (merged over several years, or over a pair).
        let kind_from_row = |row: u32, c: u32| -> Option<YearKind> {
            let left = first_year_col.min(c).saturating_sub(1);
            (left..=c)
                .rev()
                .chain(c.checked_add(1))
                .find_map(|cc| grid.get(row, cc).text().and_then(kind_word))
        };
        let mut years: Vec<(YearColumn, Location)> = Vec::new();
        for (c, h) in &cols {
            match h {
                Header::Year { year, kind } => {
                    let kind = kind
                        .or_else(|| {
                            (header_row > 0)
                                .then(|| kind_from_row(header_row - 1, *c))
                                .flatten()
                        })
                        .or_else(|| {
                            (data_from == header_row + 2)
                                .then(|| kind_from_row(header_row + 1, *c))
                                .flatten()
                        });
                    let kind = match kind {
                        Some(k) => k,
                        None => {
                            findings.push(Finding::notice(
                                "year_kind_assumed",
                                format!("column heading {year} does not say TP, TA or TS; read as actuals (TP)"),
                                vec![at(header_row, *c)],
                            ));
                            YearKind::TP
                        }
                    };
                    years.push((
                        YearColumn {
                            col: *c,
                            year: *year,
                            kind,
                            total_col: None,
                        },
                        at(header_row, *c),
                    ));
                }
                Header::Ignored { reason } => findings.push(Finding::notice(
                    "column_ignored",
                    format!(
                        "column \"{}\" ignored: {reason}",
                        header_text(grid.get(header_row, *c))
                    ),
                    vec![at(header_row, *c)],
                )),
                Header::NotYear => {}
            }
        }
        for c in first_year_col + 1..width {
            let cell = grid.get(header_row, c);
            if let (Some(t), Header::NotYear) = (cell.text(), classify_header(cell)) {
                findings.push(Finding::notice(
                    "column_ignored",
                    format!("column \"{t}\" ignored: its heading is not a year"),
                    vec![at(header_row, c)],
                ));
            }
        }
        // A headed column of numbers left of the years (note numbers under
        // "Liite") is no figure of any year: said once, not read.
        for c in 0..first_year_col {
            let cell = grid.get(header_row, c);
            let numbers = (data_from..data_to)
                .filter(|r| matches!(grid.get(*r, c), Cell::Number(_)))
                .count();
            if let (Some(t), true) = (cell.text(), numbers > 0)
                && matches!(classify_header(cell), Header::NotYear)
            {
                findings.push(Finding::notice(
                    "column_ignored",
                    format!(
                        "column \"{t}\" ignored: it stands left of the year columns ({numbers} numbers, such as note references)"
                    ),
                    vec![at(header_row, c)],
                ));
            }
        }
        // The same year twice: an actual beside its budget keeps the actual; the
        // same year and kind twice cannot be told apart.
        let mut kept: Vec<(YearColumn, Location)> = Vec::new();
        for (yc, loc) in years {
            if let Some(i) = kept.iter().position(|(k, _)| k.year == yc.year) {
                let (other, other_loc) = &kept[i];
                let filled = |c: u32| {
                    (data_from..data_to)
                        .filter(|r| number_in(grid.get(*r, c)).is_some())
                        .count()
                };
                if other.kind == yc.kind
                    && other.col + 1 == yc.col
                    && other.total_col.is_none()
                    && filled(yc.col) < filled(other.col)
                {
                    // One heading repeated over both columns of a pair (a
                    // merged cell written out into each of its cells): the
                    // second holds only the block totals. Two full columns
                    // under one year cannot be told apart.
                    kept[i].0.total_col = Some(yc.col);
                    continue;
                }
                if other.kind == yc.kind {
                    return Err(Finding::error(
                        "duplicate_year",
                        format!(
                            "year {} {} has two columns; which one holds the figures?",
                            yc.kind, yc.year
                        ),
                        vec![other_loc.clone(), loc],
                    ));
                }
                let (keep, drop) = if other.kind <= yc.kind {
                    (i, (yc, loc))
                } else {
                    let dropped = kept[i].clone();
                    kept[i] = (yc, loc);
                    (i, dropped)
                };
                findings.push(Finding::notice(
                    "column_ignored",
                    format!(
                        "column {} {} ignored: {} {} of the same year is read",
                        drop.0.kind, drop.0.year, kept[keep].0.kind, kept[keep].0.year
                    ),
                    vec![drop.1],
                ));
            } else {
                kept.push((yc, loc));
            }
        }
        let mut years: Vec<YearColumn> = kept.into_iter().map(|(y, _)| y).collect();

        // Two columns a year under one heading: items and block totals. The
        // heading stands over the first column of each pair or over the
        // second, the same way across the table; the way that takes in
        // more columns of figures is the one printed.
        let numbers_in = |c: u32| {
            (data_from..data_to)
                .filter(|r| number_in(grid.get(*r, c)).is_some())
                .count()
        };
        let free = |c: u32| {
            !header_cols.contains(&c)
                && !years.iter().any(|y| y.total_col == Some(c))
                && grid.get(header_row, c).is_empty()
                && numbers_in(c) >= 2
        };
        // Block totals are fewer than the items they close: a second column
        // as full as the first is something else (a change, a comparison).
        let right: Vec<Option<u32>> = years
            .iter()
            .map(|y| {
                y.col
                    .checked_add(1)
                    .filter(|c| free(*c) && numbers_in(*c) < numbers_in(y.col))
            })
            .collect();
        let left: Vec<Option<u32>> = years
            .iter()
            .map(|y| {
                y.col
                    .checked_sub(1)
                    .filter(|c| free(*c) && numbers_in(y.col) < numbers_in(*c))
            })
            .collect();
        let (n_right, n_left) = (
            right.iter().flatten().count(),
            left.iter().flatten().count(),
        );
        // Every year of the table has its pair, or none has: a lone number
        // column beside one year (note references) is no pair.
        let n_years = years.len();
        let (n_right, n_left) = (
            if n_right == n_years { n_right } else { 0 },
            if n_left == n_years { n_left } else { 0 },
        );
        let paired = years.iter().any(|y| y.total_col.is_some());
        if !paired && n_right > 0 && n_right >= n_left {
            for (y, p) in years.iter_mut().zip(right) {
                y.total_col = p;
            }
        } else if !paired && n_left > 0 {
            for (y, p) in years.iter_mut().zip(left) {
                if let Some(p) = p {
                    y.total_col = Some(y.col);
                    y.col = p;
                }
            }
        }
        let label_end = years.iter().map(|y| y.col).min().unwrap_or(first_year_col);

        for r in data_from..data_to {
            let mut label_parts = Vec::new();
            let mut label_col = None;
            for c in 0..label_end {
                if let Some(t) = grid.get(r, c).text() {
                    label_parts.push(t.to_string());
                    label_col.get_or_insert(c);
                }
            }
            let mut values = Vec::new();
            let mut totals = Vec::new();
            for yc in &years {
                for (col, into) in [(Some(yc.col), &mut values), (yc.total_col, &mut totals)] {
                    let Some(col) = col else { continue };
                    match grid.get(r, col) {
                        Cell::Empty => {}
                        Cell::Number(n) => into.push((yc.year, *n, col)),
                        Cell::Text(t) => match number::parse_text(t) {
                            Ok(Some(n)) => into.push((yc.year, n, col)),
                            Ok(None) => {}
                            Err(why) => findings.push(Finding::error(
                                "not_a_number",
                                format!(
                                    "{why} (row \"{}\", {} {})",
                                    label_parts.join(" "),
                                    yc.kind,
                                    yc.year
                                ),
                                vec![at(r, col)],
                            )),
                        },
                        Cell::Error(e) => findings.push(Finding::error(
                            "cell_error",
                            format!(
                                "the cell holds {}{e}, not a figure (row \"{}\", {} {})",
                                // Excel's own (#DIV/0!), or a number too large.
                                if e.starts_with('#') {
                                    "the error value "
                                } else {
                                    ""
                                },
                                label_parts.join(" "),
                                yc.kind,
                                yc.year
                            ),
                            vec![at(r, col)],
                        )),
                    }
                }
            }
            let has_label = label_col.is_some();
            if !has_label {
                if !values.is_empty() {
                    findings.push(Finding::error(
                        "no_label",
                        "figures on a row without a label",
                        vec![at(r, values[0].2)],
                    ));
                    continue;
                }
                if totals.is_empty() {
                    continue;
                }
            }
            let (label, row_scale) = split_unit(&label_parts.join(" "));
            pending.push(Pending {
                row: Row {
                    row: r,
                    label,
                    label_col: label_col.unwrap_or(0),
                    values,
                    scale: row_scale,
                    block: b,
                    figure_rows: Vec::new(),
                },
                totals,
                has_label,
            });
        }
        blocks.push(Block {
            header_row,
            scale,
            unit_found,
            years,
        });
    }

    join_wrapped_labels(&mut pending, &mut findings, &at);
    check_totals(&mut pending, &blocks, &mut findings, &at);

    let rows: Vec<Row> = pending
        .into_iter()
        .filter(|p| p.has_label)
        .map(|p| p.row)
        .collect();
    let first = &blocks[0];
    let mut years = first.years.clone();
    for b in &blocks[1..] {
        for y in &b.years {
            match years.iter().find(|k| k.year == y.year) {
                None => years.push(y.clone()),
                Some(k) if k.kind != y.kind => findings.push(Finding::error(
                    "year_kind_conflict",
                    format!(
                        "{} is {} in the table above and {} in the table from row {} on",
                        y.year,
                        k.kind,
                        y.kind,
                        b.header_row + 1
                    ),
                    vec![at(b.header_row, y.col), at(first.header_row, k.col)],
                )),
                Some(_) => {}
            }
        }
    }
    Ok(Layout {
        years,
        rows,
        titles,
        findings,
        blocks,
    })
}

/// A long label printed over two rows ("Pysyvien vastaavien" /
/// "hyödykkeiden luovutustulot") is one line when its first part alone is
/// none, that row has no figures, and the two together are a line.
fn join_wrapped_labels(
    pending: &mut Vec<Pending>,
    findings: &mut Vec<Finding>,
    at: &dyn Fn(u32, u32) -> Location,
) {
    let mut joined: Vec<(String, Location)> = Vec::new();
    let mut i = 0;
    while i + 1 < pending.len() {
        let (a, b) = (&pending[i], &pending[i + 1]);
        let bare = |p: &Pending| p.row.values.is_empty() && p.totals.is_empty();
        // The figures on the label's last row, or (a continuation in lower
        // case, which a heading never is) on its first.
        let figures_below = bare(a);
        let figures_above =
            !bare(a) && bare(b) && b.row.label.chars().next().is_some_and(char::is_lowercase);
        let adjacent = (figures_below || figures_above)
            && a.has_label
            && b.has_label
            && a.row.block == b.row.block
            && b.row.row == a.row.row + 1
            && labels::statements_of(&a.row.label).is_empty()
            && unit_in(&a.row.label).is_none()
            && !labels::is_plain_heading(&labels::normalize(&a.row.label));
        if adjacent {
            // "hyödyk-" / "keiden" is one word; "ja" / "-kulut" two.
            let mut forms = vec![format!("{} {}", a.row.label, b.row.label)];
            if let Some(stem) = a.row.label.strip_suffix('-')
                && stem.ends_with(char::is_alphabetic)
            {
                forms.insert(0, format!("{stem}{}", b.row.label));
            }
            if let Some(label) = forms
                .into_iter()
                .find(|l| !labels::statements_of(l).is_empty())
            {
                let loc = at(a.row.row, a.row.label_col);
                let label_col = a.row.label_col.min(b.row.label_col);
                let keep = if figures_below { i + 1 } else { i };
                pending[keep].row.label = label.clone();
                pending[keep].row.label_col = label_col;
                pending.remove(if figures_below { i } else { i + 1 });
                joined.push((label, loc));
            }
        }
        i += 1;
    }
    if let Some((label, loc)) = joined.first() {
        let more = if joined.len() > 1 {
            format!(" and {} more", joined.len() - 1)
        } else {
            String::new()
        };
        findings.push(Finding::notice(
            "label_wrapped",
            format!("labels wrapped onto a second row read as one line: \"{label}\"{more}"),
            vec![loc.clone()],
        ));
    }
}

/// Block totals in a year's second column are checked, never added: a total
/// on an item's row must be the sum of the items since the previous total
/// (or the row's own figure); a total on a row with no item figure is that
/// line's figure. A checked total whose block opens with a heading row
/// without figures is that heading's figure, as the heading names the block.
fn check_totals(
    pending: &mut [Pending],
    blocks: &[Block],
    findings: &mut Vec<Finding>,
    at: &dyn Fn(u32, u32) -> Location,
) {
    let mut seen = TotalsSeen::default();
    let label_only: Vec<bool> = pending
        .iter()
        .map(|p| p.has_label && p.row.values.is_empty() && p.totals.is_empty())
        .collect();
    let item_row: Vec<bool> = pending.iter().map(|p| !p.row.values.is_empty()).collect();
    for (b, block) in blocks.iter().enumerate() {
        let idx: Vec<usize> = (0..pending.len())
            .filter(|i| pending[*i].row.block == b)
            .collect();
        for yc in &block.years {
            let Some(tcol) = yc.total_col else { continue };
            let mut seg = 0;
            for k in 0..idx.len() {
                let i = idx[k];
                let Some(&(_, total, _)) = pending[i].totals.iter().find(|t| t.0 == yc.year) else {
                    continue;
                };
                let item = pending[i]
                    .row
                    .values
                    .iter()
                    .find(|v| v.0 == yc.year)
                    .map(|v| v.1);
                let segment = &idx[seg..=k];
                seg = k + 1;
                // A total alone on a line's row is that line's figure.
                if item.is_none() && pending[i].has_label && !item_row[i] {
                    pending[i].row.values.push((yc.year, total, tcol));
                    seen.own += 1;
                    continue;
                }
                let items: Vec<(usize, Num)> = segment
                    .iter()
                    .filter_map(|j| {
                        pending[*j]
                            .row
                            .values
                            .iter()
                            .find(|v| v.0 == yc.year && v.2 == yc.col)
                            .map(|v| (*j, v.1))
                    })
                    .collect();
                let quantum = |n: &Num| Decimal::new(1, n.decimals.min(20));
                let agrees = |parts: &[(usize, Num)]| {
                    if parts.is_empty() {
                        return false;
                    }
                    let mut sum = Decimal::ZERO;
                    let mut tol = quantum(&total);
                    for (_, n) in parts {
                        match sum.checked_add(n.value) {
                            Some(s) => sum = s,
                            None => return false,
                        }
                        tol += quantum(n);
                    }
                    sum.checked_sub(total.value)
                        .and_then(|d| d.abs().checked_mul(Decimal::TWO))
                        .is_some_and(|d| d <= tol)
                };
                seen.first
                    .get_or_insert_with(|| at(pending[i].row.row, tcol));
                // The block a total closes opens at the innermost heading above
                // a run of items that adds up to it.
                let heading_before = |j: usize| {
                    j.checked_sub(1).filter(|h| {
                        *h >= segment[0]
                            && label_only[*h]
                            && !labels::statements_of(&pending[*h].row.label).is_empty()
                    })
                };
                // A heading names the block only when every item of it is a
                // line under the heading's line in the decree: a heading of
                // the block's first part ("Henkilöstökulut") is not the
                // block's ("Toimintakulut").
                let heads = |h: usize, parts: &[(usize, Num)]| {
                    let heading = &pending[h].row.label;
                    labels::statements_of(heading).iter().any(|st| {
                        labels::candidates(*st, heading).iter().any(|hd| {
                            parts.iter().all(|(j, _)| {
                                labels::candidates(*st, &pending[*j].row.label)
                                    .iter()
                                    .any(|d| items::is_under(hd.id, d))
                            })
                        })
                    })
                };
                let mut matched = false;
                let mut heading = None;
                for s in (0..items.len()).rev() {
                    if agrees(&items[s..]) {
                        matched = true;
                        if let Some(h) = heading_before(items[s].0)
                            && heads(h, &items[s..])
                        {
                            heading = Some(h);
                            break;
                        }
                    }
                }
                if matched {
                    seen.agreed += 1;
                    if let Some(h) = heading {
                        pending[h].row.values.push((yc.year, total, tcol));
                        let printed = pending[i].row.row;
                        pending[h].row.figure_rows.push((yc.year, printed));
                        if !seen.headings.contains(&pending[h].row.label) {
                            seen.headings.push(pending[h].row.label.clone());
                        }
                    }
                } else if items.len() == 2 && {
                    // A change printed under its two ends (rahavarat
                    // 31.12. less rahavarat 1.1.).
                    let mut negated = items.clone();
                    for (_, n) in negated.iter_mut().skip(1) {
                        n.value = -n.value;
                    }
                    agrees(&negated)
                } {
                    seen.agreed += 1;
                    if let Some(h) = heading_before(items[0].0) {
                        pending[h].row.values.push((yc.year, total, tcol));
                        let printed = pending[i].row.row;
                        pending[h].row.figure_rows.push((yc.year, printed));
                        if !seen.headings.contains(&pending[h].row.label) {
                            seen.headings.push(pending[h].row.label.clone());
                        }
                    }
                } else {
                    let sum: Decimal = items.iter().fold(Decimal::ZERO, |s, (_, n)| {
                        s.checked_add(n.value).unwrap_or(s)
                    });
                    let item_cell = match item {
                        Some(_) => at(pending[i].row.row, yc.col),
                        None => items
                            .first()
                            .map(|(j, _)| at(pending[*j].row.row, yc.col))
                            .unwrap_or_else(|| at(pending[i].row.row, yc.col)),
                    };
                    findings.push(Finding::error(
                        "block_total_mismatch",
                        format!(
                            "the block total {} ({} {}) is neither the sum of the {} item figures above it since the previous total ({sum}) nor the row's own figure{}; the two columns are not added",
                            total.value,
                            yc.kind,
                            yc.year,
                            items.len(),
                            item.map(|n| format!(" ({})", n.value)).unwrap_or_default()
                        ),
                        vec![at(pending[i].row.row, tcol), item_cell],
                    ));
                }
            }
        }
    }
    let pairs: Vec<String> = blocks
        .iter()
        .flat_map(|b| b.years.iter())
        .filter_map(|y| {
            y.total_col.map(|t| {
                format!(
                    "{} {}: items in {}, totals in {}",
                    y.kind,
                    y.year,
                    col_name(y.col),
                    col_name(t)
                )
            })
        })
        .collect();
    if !pairs.is_empty() {
        let mut msg = format!(
            "two columns a year ({}); the item column is read and block totals are checked against it: {} agree with their items",
            pairs.join("; "),
            seen.agreed
        );
        if seen.own > 0 {
            msg.push_str(&format!(
                ", {} stand alone on their line's row and are read as its figure",
                seen.own
            ));
        }
        if !seen.headings.is_empty() {
            msg.push_str(&format!(
                "; totals read as the figure of the heading that opens their block: {}",
                seen.headings
                    .iter()
                    .map(|h| format!("\"{h}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        let loc = seen
            .first
            .clone()
            .unwrap_or_else(|| at(blocks[0].header_row, 0));
        findings.push(Finding::notice("total_column", msg, vec![loc]));
    }
}

fn col_name(c: u32) -> String {
    cell_name(0, c).trim_end_matches('1').to_string()
}

fn header_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => t.trim().to_string(),
        Cell::Number(n) => n.value.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Option<(i32, Option<YearKind>)> {
        match classify_header_text(text) {
            Header::Year { year, kind } => Some((year, kind)),
            _ => None,
        }
    }

    #[test]
    fn year_headings() {
        assert_eq!(kind("TP 2024"), Some((2024, Some(YearKind::TP))));
        assert_eq!(kind("Tilinpäätös 2024"), Some((2024, Some(YearKind::TP))));
        assert_eq!(kind("Talousarvio 2026"), Some((2026, Some(YearKind::TA))));
        assert_eq!(kind("TS 2027"), Some((2027, Some(YearKind::TS))));
        assert_eq!(kind("TS2027"), Some((2027, Some(YearKind::TS))));
        assert_eq!(kind("2024"), Some((2024, None)));
        assert_eq!(kind("TP 2024 (1 000 €)"), Some((2024, Some(YearKind::TP))));
        assert_eq!(kind("TA 2026 muutettu"), None);
        assert_eq!(kind("Muutos % 2025"), None);
        assert_eq!(kind("Bokslut 2024"), Some((2024, Some(YearKind::TP))));
    }

    #[test]
    fn units() {
        assert_eq!(unit_in("1 000 €"), Some(Decimal::from(1000)));
        assert_eq!(unit_in("t€"), Some(Decimal::from(1000)));
        assert_eq!(
            unit_in("Tuloslaskelma (1000 EUR)"),
            Some(Decimal::from(1000))
        );
        assert_eq!(unit_in("milj. €"), Some(Decimal::from(1_000_000)));
        assert_eq!(unit_in("€"), Some(Decimal::ONE));
        assert_eq!(unit_in("euroa"), Some(Decimal::ONE));
        assert_eq!(unit_in("Tuloslaskelma"), None);
        assert_eq!(unit_in("Vastuut €"), Some(Decimal::ONE));
        assert_eq!(unit_in("tuhatta euroa"), Some(Decimal::from(1000)));
        assert_eq!(unit_in("1 000 euro"), Some(Decimal::from(1000)));
        assert_eq!(
            unit_in("Talous, milj. euroa"),
            Some(Decimal::from(1_000_000))
        );
        assert_eq!(
            split_unit("Vuokravastuut, 1 000 €"),
            ("Vuokravastuut".to_string(), Some(Decimal::from(1000)))
        );
    }

    fn grid(rows: &[&[&str]]) -> Grid {
        let rows: Vec<Vec<&str>> = rows.iter().map(|r| r.to_vec()).collect();
        Grid::from_text_rows("Tuloslaskelma", &rows)
    }

    #[test]
    fn a_lone_number_column_beside_one_year_is_no_pair() {
        let g = grid(&[
            &["Tuloslaskelma 1 000 €"],
            &["", "", "TP 2024", "TP 2023"],
            &["Myyntituotot", "1", "100", "90"],
            &["Maksutuotot", "2", "50", "40"],
            &["Toimintatuotot", "", "150", "130"],
        ]);
        let l = read_layout(&g, "t.xlsx").unwrap();
        assert!(l.years.iter().all(|y| y.total_col.is_none()));
        assert_eq!(
            l.years.iter().map(|y| y.col).collect::<Vec<_>>(),
            vec![2, 3]
        );
    }

    #[test]
    fn a_figure_of_2024_on_a_labelled_row_starts_no_table() {
        let g = grid(&[
            &["Tuloslaskelma €"],
            &["", "TP 2024", "TP 2023"],
            &["Myyntituotot", "2024", "2023"],
            &["Muu erä", "2020", "2019"],
        ]);
        let l = read_layout(&g, "t.xlsx").unwrap();
        assert_eq!(l.blocks.len(), 1);
        assert_eq!(l.rows.len(), 2);
    }

    #[test]
    fn a_total_column_is_checked_not_added() {
        let g = grid(&[
            &["Tuloslaskelma €"],
            &["", "TP 2024", ""],
            &["Toimintatuotot"],
            &["Myyntituotot", "100", ""],
            &["Tuet ja avustukset", "10", ""],
            &["Maksutuotot", "50", "170"],
            &["Toimintakate", "", "-20"],
        ]);
        let l = read_layout(&g, "t.xlsx").unwrap();
        let bad: Vec<&Finding> = l
            .findings
            .iter()
            .filter(|f| f.code == "block_total_mismatch")
            .collect();
        assert_eq!(bad.len(), 1);
        let cells: Vec<Option<&str>> = bad[0].cells.iter().map(|c| c.cell.as_deref()).collect();
        assert_eq!(cells, vec![Some("C6"), Some("B6")]);
        // Neither the total nor a sum is read: the items as printed, and the
        // result alone in the total column as its own line.
        let got: Vec<(String, Vec<String>)> = l
            .rows
            .iter()
            .map(|r| {
                (
                    r.label.clone(),
                    r.values.iter().map(|v| v.1.value.to_string()).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("Toimintatuotot".to_string(), vec![]),
                ("Myyntituotot".to_string(), vec!["100".to_string()]),
                ("Tuet ja avustukset".to_string(), vec!["10".to_string()]),
                ("Maksutuotot".to_string(), vec!["50".to_string()]),
                ("Toimintakate".to_string(), vec!["-20".to_string()]),
            ]
        );
    }

    #[test]
    fn a_full_unheaded_column_beside_a_year_is_no_total_column() {
        let g = grid(&[
            &["Tuloslaskelma €"],
            &["", "TP 2024"],
            &["Myyntituotot", "100", "7"],
            &["Maksutuotot", "50", "-3"],
            &["Toimintatuotot", "150", "4"],
        ]);
        let l = read_layout(&g, "t.xlsx").unwrap();
        assert!(l.years[0].total_col.is_none());
        assert!(l.findings.iter().all(|f| !f.is_error()));
    }

    #[test]
    fn year_numbers_amid_figures_start_no_table() {
        let g = grid(&[
            &["Tuloslaskelma €"],
            &["", "TP 2024", "TP 2023"],
            &["Myyntituotot", "100", "90"],
            &["", "2020", "2019"],
            &["Maksutuotot", "50", "40"],
            &[],
            &["", "2022", "2021"],
            &["Verotulot", "500", "400"],
        ]);
        let l = read_layout(&g, "t.xlsx").unwrap();
        assert_eq!(l.blocks.len(), 2);
        assert_eq!(l.blocks[1].header_row, 6);
        assert!(l.findings.iter().any(|f| f.code == "no_label"));
    }

    #[test]
    fn totals_near_the_decimal_range_are_no_panic() {
        let big = "79228162514264337593543950335";
        let neg = "-79228162514264337593543950335";
        let g = grid(&[
            &["Tuloslaskelma €"],
            &["", "TP 2024", ""],
            &["Toimintatuotot"],
            &["Myyntituotot", big, ""],
            &["Maksutuotot", big, ""],
            &["Tuet ja avustukset", big, neg],
            &["Toimintakate", "", big],
        ]);
        let l = read_layout(&g, "t.xlsx").unwrap();
        let codes: Vec<&str> = l
            .findings
            .iter()
            .filter(|f| f.is_error())
            .map(|f| f.code)
            .collect();
        assert!(!codes.is_empty(), "{:?}", l.findings);
    }

    #[test]
    fn a_year_actual_in_one_table_and_budget_in_the_next_is_an_error() {
        let g = grid(&[
            &["Tase €"],
            &["", "TP 2024", "TP 2023"],
            &["Peruspääoma", "10", "10"],
            &[],
            &["", "TA 2024", "TP 2023"],
            &["Rahat ja pankkisaamiset", "5", "4"],
        ]);
        let l = read_layout(&g, "t.xlsx").unwrap();
        let f: Vec<&Finding> = l
            .findings
            .iter()
            .filter(|f| f.code == "year_kind_conflict")
            .collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].cells[0].cell.as_deref(), Some("B5"));
    }
}
