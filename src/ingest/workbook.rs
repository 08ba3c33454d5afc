//! Reading a ledger's statement workbook into the statement model.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{Data, Reader, Sheets, XlsxError, open_workbook_auto};
use rust_decimal::Decimal;

use crate::error::{Error, Location, Result, cell_name};
use crate::ingest::container;
use crate::ingest::grid::{self, Cell, Grid};
use crate::ingest::number;
use crate::ingest::reconcile;
use crate::ingest::sheet::{self, Layout};
use crate::model::dataset::{Dataset, Entity, Figure, YearKind};
use crate::model::findings::{Finding, Severity};
use crate::model::items::{self, ItemDef, Sign, Statement};
use crate::model::labels;

/// Reads a workbook (xlsx, xlsm, xls, xlsb or ods) from disk.
pub fn read_path(path: &Path) -> Result<Dataset> {
    read_grids(&path.display().to_string(), load_grids(path)?)
}

/// A workbook of statements, or a long table of many municipalities on one
/// of its sheets (then `true`).
pub fn read_any(path: &Path) -> Result<(Vec<Dataset>, bool)> {
    let file = path.display().to_string();
    let grids = load_grids(path)?;
    match grids.iter().find(|g| crate::ingest::long::looks_long(g)) {
        Some(g) => Ok((crate::ingest::long::read_long_grid(g, &file)?, true)),
        None => Ok((vec![read_grids(&file, grids)?], false)),
    }
}

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
        return Err(Error::input(Location::file(&file), "no such file"));
    }
    container::check(path, &file)?;
    let mut wb = open_workbook_auto(path).map_err(|e| {
        Error::input(
            Location::file(&file),
            format!("not a workbook that can be read (xlsx, xlsm, xls, xlsb or ods): {e}"),
        )
    })?;
    let names = wb.sheet_names();
    if names.len() > MAX_SHEETS {
        return Err(Error::input(
            Location::file(&file),
            format!(
                "{} sheets; kivijalka reads workbooks of at most {MAX_SHEETS}",
                names.len()
            ),
        ));
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
                format!("the sheet cannot be read: {e}"),
            )
        };
        let mut grid = Grid::new(&name);
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
        grids.push(grid);
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
                format!(
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
        self.cells += 1;
        if self.cells > grid::MAX_CELLS {
            return Err(Error::input(at(), grid::too_many_cells()));
        }
        grid.set(row, col, cell);
        Ok(())
    }
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(number::from_i64(*i)),
        Data::Float(f) => Cell::from(*f),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(d) => Cell::Text(d.to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(format!("{e}")),
    }
}

/// Which statement a sheet's name says it holds.
fn classify_name(name: &str) -> Option<(Entity, Statement)> {
    let n = labels::normalize_keep_numbers(name).replace(' ', "");
    let group = n.contains("konserni") || n.contains("koncern") || n.contains("group");
    let entity = if group { Entity::Group } else { Entity::City };
    let st = if n.contains("tuloslaskelma")
        || n.contains("resultatrakning")
        || n.contains("income")
        || n == "tl"
        || n.starts_with("tl") && n.len() <= 4
    {
        Statement::Tuloslaskelma
    } else if n.contains("rahoituslaskelma")
        || n.contains("finansieringsanalys")
        || n.contains("cashflow")
        || n == "rl"
    {
        Statement::Rahoituslaskelma
    } else if n.contains("tase") || n.contains("balansrakning") || n.contains("balance") {
        Statement::Tase
    } else if n.contains("tausta")
        || n.contains("bakgrund")
        || n.contains("perustiedot")
        || n.contains("background")
    {
        return Some((Entity::City, Statement::Taustatiedot));
    } else {
        return None;
    };
    Some((entity, st))
}

fn classify_content(layout: &Layout) -> Option<(Entity, Statement)> {
    let t = &layout.titles;
    let entity = if t.contains("konserni") || t.contains("koncern") {
        Entity::Group
    } else {
        Entity::City
    };
    for (words, st) in [
        (
            &["tuloslaskelma", "resultaträkning"][..],
            Statement::Tuloslaskelma,
        ),
        (
            &["rahoituslaskelma", "finansieringsanalys"][..],
            Statement::Rahoituslaskelma,
        ),
        (&["tase", "balansräkning"][..], Statement::Tase),
        (
            &["taustatiedot", "bakgrundsuppgifter"][..],
            Statement::Taustatiedot,
        ),
    ] {
        if words.iter().any(|w| {
            t.split(|c: char| !c.is_alphanumeric())
                .any(|x| x == *w || x == format!("konserni{w}"))
        }) {
            return Some((entity, st));
        }
    }
    let mut votes: BTreeMap<Statement, usize> = BTreeMap::new();
    for row in &layout.rows {
        for st in labels::statements_of(&row.label) {
            *votes.entry(st).or_default() += 1;
        }
    }
    let mut ranked: Vec<(Statement, usize)> = votes.into_iter().collect();
    ranked.sort_by_key(|a| std::cmp::Reverse(a.1));
    match ranked.as_slice() {
        [(st, n), rest @ ..] if *n >= 3 && rest.first().is_none_or(|(_, m)| *m * 2 < *n) => {
            Some((entity, *st))
        }
        _ => None,
    }
}

const META_NAME: &[&str] = &[
    "kunta",
    "kunnan nimi",
    "kaupunki",
    "kommun",
    "municipality",
    "nimi",
];
const META_CODE: &[&str] = &[
    "kuntanumero",
    "kuntakoodi",
    "kunnan numero",
    "kommunnummer",
    "municipality code",
    "kuntanro",
];

/// Name and number of the municipality in the background sheet: a label with
/// the value beside it. Those rows are taken out before the year columns are read.
fn take_meta(grid: &mut Grid, ds: &mut Dataset) {
    for r in 0..grid.height() {
        let Some((c, label)) =
            (0..grid.width()).find_map(|c| grid.get(r, c).text().map(|t| (c, t.to_string())))
        else {
            continue;
        };
        let key = labels::normalize(&label);
        let target = if META_NAME.contains(&key.as_str()) {
            1
        } else if META_CODE.contains(&key.as_str()) {
            2
        } else {
            continue;
        };
        let value = (c + 1..grid.width()).find_map(|cc| match grid.get(r, cc) {
            Cell::Text(t) if !t.trim().is_empty() => Some(t.trim().to_string()),
            Cell::Number(n) => Some(n.value.to_string()),
            _ => None,
        });
        if let Some(v) = value {
            if target == 1 {
                ds.municipality = Some(v);
            } else {
                ds.municipality_code = Some(v);
            }
        }
        for cc in 0..grid.width() {
            grid.set(r, cc, Cell::Empty);
        }
    }
}

/// Reads sheets already turned into grids. `file` names the source in messages.
pub fn read_grids(file: &str, grids: Vec<Grid>) -> Result<Dataset> {
    let mut ds = Dataset {
        file: file.to_string(),
        ..Default::default()
    };
    if grids.iter().all(Grid::is_blank) {
        return Err(Error::input(Location::file(file), "the workbook is empty"));
    }
    let mut year_origin: BTreeMap<i32, (YearKind, Location)> = BTreeMap::new();
    let mut pending = Vec::new();
    let mut units: Vec<(String, Option<String>, Decimal)> = Vec::new();
    for mut grid in grids {
        if grid.is_blank() {
            continue;
        }
        let by_name = classify_name(&grid.name);
        if by_name.map(|(_, s)| s) == Some(Statement::Taustatiedot) {
            take_meta(&mut grid, &mut ds);
        }
        let layout = match sheet::read_layout(&grid, file) {
            Ok(l) => l,
            Err(f) if by_name.is_some() => {
                let at = f
                    .cells
                    .last()
                    .cloned()
                    .unwrap_or_else(|| Location::sheet(file, &grid.name));
                return Err(Error::input(at, f.message));
            }
            Err(_) => {
                ds.findings.push(Finding::notice(
                    "sheet_ignored",
                    "sheet ignored: neither its name nor its content is a statement",
                    vec![Location::sheet(file, &grid.name)],
                ));
                continue;
            }
        };
        let Some((entity, statement)) = by_name.or_else(|| classify_content(&layout)) else {
            ds.findings.push(Finding::notice(
                "sheet_ignored",
                "sheet ignored: neither its name nor its content is a statement",
                vec![Location::sheet(file, &grid.name)],
            ));
            continue;
        };
        if let Some(other) = ds.sheets.get(&(entity, statement)) {
            return Err(Error::input(
                Location::sheet(file, &grid.name),
                format!(
                    "a second {} {} sheet; the first is '{other}'",
                    entity.fi(),
                    statement.fi()
                ),
            ));
        }
        ds.sheets.insert((entity, statement), grid.name.clone());
        if by_name.is_none() {
            ds.findings.push(Finding::notice(
                "sheet_recognised",
                format!(
                    "sheet read as the {} {} by its content",
                    entity.en(),
                    statement.en()
                ),
                vec![Location::sheet(file, &grid.name)],
            ));
        }
        if statement != Statement::Taustatiedot {
            units.push((
                grid.name.clone(),
                layout.first().unit_found.clone(),
                layout.first().scale,
            ));
        }
        read_statement(
            &mut ds,
            &mut year_origin,
            file,
            &grid,
            layout,
            entity,
            statement,
            &mut pending,
        );
    }
    if ds.sheets.keys().all(|(_, s)| *s == Statement::Taustatiedot) {
        return Err(Error::input(
            Location::file(file),
            "no statement sheet found (tuloslaskelma, rahoituslaskelma or tase, by sheet name or content)",
        ));
    }
    unitless_sheets(&mut ds, file, &units);
    reconcile::judge(&mut ds, pending);
    check_signs(&mut ds);
    summarise_footnotes(&mut ds.findings);
    Ok(ds)
}

/// A statement sheet that names no unit is judged against the workbook's
/// other statement sheets: if one of them names a unit other than euros,
/// reading this one as euros would be a guess a thousand times off, and its
/// identities would hold all the same. An error naming both sheets.
fn unitless_sheets(ds: &mut Dataset, file: &str, units: &[(String, Option<String>, Decimal)]) {
    let Some((other, Some(found), scale)) = units
        .iter()
        .find(|(_, found, scale)| found.is_some() && *scale != Decimal::ONE)
    else {
        return;
    };
    for (sheet, found_here, _) in units {
        if found_here.is_none() {
            ds.findings.push(Finding::error(
                "unit_missing",
                format!(
                    "no unit found above the figures (such as \"1 000 €\"), while sheet '{other}' is in units of {} € (from {found}); add the sheet's unit row",
                    scale.normalize()
                ),
                vec![Location::sheet(file, sheet)],
            ));
        }
    }
}

/// A sheet whose labels all carry a note number (a note column glued to the
/// label) would give a notice a row: past a few, one notice a sheet names
/// the first of them and every cell.
fn summarise_footnotes(findings: &mut Vec<Finding>) {
    const SHOWN: usize = 3;
    let key = |f: &Finding| match (f.code, f.cells.first()) {
        ("footnote_marker", Some(c)) => Some((c.file.clone(), c.sheet.clone())),
        _ => None,
    };
    let mut by_sheet: BTreeMap<(String, Option<String>), Vec<Finding>> = BTreeMap::new();
    for f in findings.iter() {
        if let Some(k) = key(f) {
            by_sheet.entry(k).or_default().push(f.clone());
        }
    }
    let mut out = Vec::with_capacity(findings.len());
    for f in findings.drain(..) {
        let Some(k) = key(&f) else {
            out.push(f);
            continue;
        };
        let Some(notes) = by_sheet.get_mut(&k) else {
            continue; // summarised at the sheet's first
        };
        if notes.len() <= SHOWN {
            out.push(f);
            continue;
        }
        let notes = by_sheet.remove(&k).unwrap_or_default();
        let examples: Vec<&str> = notes
            .iter()
            .take(SHOWN)
            .map(|n| n.message.as_str())
            .collect();
        out.push(Finding::notice(
            "footnote_marker",
            format!(
                "{} labels read without a trailing footnote marker, such as {} …",
                notes.len(),
                examples.join("; ")
            ),
            notes.iter().flat_map(|n| n.cells.clone()).collect(),
        ));
    }
    *findings = out;
}

struct Read {
    value: Decimal,
    label: String,
    source: Location,
    quantum: Decimal,
}

#[allow(clippy::too_many_arguments)]
fn read_statement(
    ds: &mut Dataset,
    year_origin: &mut BTreeMap<i32, (YearKind, Location)>,
    file: &str,
    grid: &Grid,
    layout: Layout,
    entity: Entity,
    statement: Statement,
    pending: &mut Vec<reconcile::SheetRows>,
) {
    let sheet_name = grid.name.clone();
    let at = |r: u32, c: u32| Location::cell(file, sheet_name.clone(), cell_name(r, c));
    ds.findings.extend(layout.findings.iter().cloned());
    if let Some(u) = &layout.first().unit_found {
        ds.findings.push(Finding::notice(
            "unit",
            format!("figures in units of {} € (from {u})", layout.first().scale),
            vec![Location::sheet(file, &sheet_name)],
        ));
    }
    let mut sections = Sections::default();
    let mut trace = Vec::new();
    let mut read: BTreeMap<(&'static str, i32), Read> = BTreeMap::new();
    for (pos, row) in layout.rows.iter().enumerate() {
        let norm = labels::normalize(&row.label);
        if norm.is_empty() || labels::is_plain_heading(&norm) {
            continue;
        }
        let (cands, marker) = labels::resolve(statement, &row.label);
        let label_cell = at(row.row, row.label_col);
        let chosen = sections.choose(
            cands,
            &layout.rows[pos + 1..],
            statement,
            &norm,
            &label_cell,
        );
        let chosen = match chosen {
            Ok(c) => c,
            Err(unplaced) => {
                ds.findings.push(Finding::error(
                    "unplaced_line",
                    format!(
                        "{} row \"{}\": {}; its figures are not read",
                        statement.fi(),
                        row.label,
                        unplaced.message
                    ),
                    unplaced.cells,
                ));
                trace.push(reconcile::TraceRow::Other);
                continue;
            }
        };
        let Some(def) = chosen else {
            if row.values.is_empty() {
                ds.findings.push(Finding::notice(
                    "row_ignored",
                    format!(
                        "row \"{}\" has no figures and is not a {} line; ignored",
                        row.label,
                        statement.fi()
                    ),
                    vec![at(row.row, row.label_col)],
                ));
            } else {
                let other: Vec<&str> = labels::statements_of(&row.label)
                    .iter()
                    .map(|s| s.fi())
                    .collect();
                let hint = if other.is_empty() {
                    String::new()
                } else {
                    format!(" (it is a line of the {})", other.join(", "))
                };
                // Judged once the whole workbook is read, by its arithmetic.
                match reconcile::unknown_row(row, layout.scale_of(row), hint, label_cell, |c| {
                    at(row.row, c)
                }) {
                    Ok(u) => trace.push(reconcile::TraceRow::Unknown(u)),
                    Err(f) => {
                        ds.findings.push(f);
                        trace.push(reconcile::TraceRow::Other);
                    }
                }
            }
            continue;
        };
        if let Some(marker) = marker {
            ds.findings.push(Finding::notice(
                "footnote_marker",
                format!(
                    "\"{}\" read as \"{}\": the trailing \"{marker}\" taken for a footnote marker",
                    row.label, def.fi
                ),
                vec![label_cell.clone()],
            ));
        }
        if sections.by_order && !row.values.is_empty() {
            ds.findings.push(Finding::notice(
                "placed_by_order",
                format!(
                    "\"{}\" read as \"{}\"{}: no heading or total tells which of its lines it is, and the decree's order puts this one next",
                    row.label,
                    def.fi,
                    def.parent
                        .map(|p| format!(" under {}", items::item(p).fi))
                        .unwrap_or_default()
                ),
                vec![label_cell.clone()],
            ));
        }
        sections.visit(def, norm, label_cell);
        trace.push(reconcile::TraceRow::Line(def.id));
        for (year, num, col) in &row.values {
            let scale = if matches!(def.id, "bg.asukasluku" | "bg.tuloveroprosentti") {
                Decimal::ONE
            } else {
                layout.scale_of(row)
            };
            let value = match def.id {
                "bg.asukasluku" => number::residents(num),
                "bg.tuloveroprosentti" => {
                    if number::is_percent_cell(num) {
                        ds.findings.push(Finding::notice(
                            "tax_rate_percent_cell",
                            format!(
                                "\"{}\" {year}: {} read as {} %, as a cell formatted as a percentage stores it",
                                row.label,
                                num.value.normalize(),
                                (num.value * Decimal::ONE_HUNDRED).normalize()
                            ),
                            vec![at(row.row, *col)],
                        ));
                    }
                    number::tax_rate(num)
                }
                // Stocks of liabilities: a negative one is a sign error,
                // and no identity would catch it.
                id if id.starts_with("bg.") => number::figure(num, scale).and_then(|v| {
                    if v < Decimal::ZERO {
                        Err(format!(
                            "{} is negative; a stock of liabilities is zero or more",
                            v.normalize()
                        ))
                    } else {
                        Ok(v)
                    }
                }),
                _ => number::figure(num, scale),
            };
            let value = match value {
                Ok(v) => v,
                Err(why) => {
                    ds.findings.push(Finding::error(
                        "figure_out_of_range",
                        format!("\"{}\" {year}: {why}; not read", row.label),
                        vec![at(row.row, *col)],
                    ));
                    continue;
                }
            };
            let quantum = num.quantum(scale);
            let source = at(row.figure_row(*year), *col);
            if let Some(prev) = read.get(&(def.id, *year)) {
                if prev.value != value {
                    // Two printings of one figure may differ by the rounding of the unit.
                    let (severity, how) = if (prev.value - value).abs() <= prev.quantum.max(quantum)
                    {
                        (
                            Severity::Warning,
                            "apart only by the rounding of the printed unit",
                        )
                    } else {
                        (Severity::Error, "with different figures")
                    };
                    ds.findings.push(Finding::new(
                        severity,
                        "duplicate_line",
                        format!(
                            "\"{}\" appears twice for {year} {how} ({} and {}); the first is read",
                            def.fi, prev.value, value
                        ),
                        vec![source, prev.source.clone()],
                    ));
                }
                continue;
            }
            read.insert(
                (def.id, *year),
                Read {
                    value,
                    label: row.label.clone(),
                    source,
                    quantum,
                },
            );
        }
    }

    let mut costs_positive = false;
    if matches!(
        statement,
        Statement::Tuloslaskelma | Statement::Rahoituslaskelma
    ) {
        let positive = sign_convention(ds, file, &sheet_name, statement, &read);
        costs_positive = positive;
        if positive {
            for ((id, _), r) in read.iter_mut() {
                if items::item(id).sign == Sign::Minus {
                    r.value = if r.value.is_zero() {
                        Decimal::ZERO
                    } else {
                        -r.value
                    };
                }
            }
        }
    }

    if trace
        .iter()
        .any(|r| matches!(r, reconcile::TraceRow::Unknown(_)))
    {
        pending.push(reconcile::SheetRows {
            entity,
            statement,
            costs_positive,
            rows: trace,
        });
    }

    let kinds: BTreeMap<i32, &sheet::YearColumn> =
        layout.years.iter().map(|y| (y.year, y)).collect();
    for ((id, year), r) in read {
        if let Some(yc) = kinds.get(&year) {
            match year_origin.get(&year) {
                Some((k, loc)) if *k != yc.kind => {
                    ds.findings.push(Finding::error(
                        "year_kind_conflict",
                        format!("{year} is {k} in one sheet and {} in another", yc.kind),
                        vec![at(layout.first().header_row, yc.col), loc.clone()],
                    ));
                }
                Some(_) => {}
                None => {
                    year_origin.insert(year, (yc.kind, at(layout.first().header_row, yc.col)));
                    ds.years.insert(year, yc.kind);
                }
            }
        }
        ds.figures.insert(
            (entity, id, year),
            Figure {
                value: r.value,
                source: r.source,
                label: r.label,
                quantum: r.quantum,
            },
        );
    }
}

/// Which section of a statement the rows are in, to tell apart lines with
/// the same label ("Muut saamiset" under Sijoitukset, long- or short-term
/// receivables; the long- and short-term loans).
#[derive(Default)]
struct Sections {
    /// The subtotal whose lines follow it (a heading, or a total printed above its lines).
    open: Option<&'static str>,
    last: Option<(&'static ItemDef, Location)>,
    /// Where a label was last read, to name the earlier row of a repeat.
    labels: BTreeMap<String, Location>,
    /// The last row chosen was placed by the decree's order alone.
    by_order: bool,
}

/// A repeated label that neither a heading nor the decree's order places.
struct Unplaced {
    message: String,
    cells: Vec<Location>,
}

impl Sections {
    fn visit(&mut self, def: &'static ItemDef, norm: String, cell: Location) {
        if items::is_subtotal(def.id) {
            // A total printed after its own lines closes its section; one
            // printed above them opens it.
            let closing = self
                .last
                .as_ref()
                .is_some_and(|(l, _)| items::is_under(def.id, l));
            self.open = if closing { None } else { Some(def.id) };
        } else if let Some(o) = self.open
            && !items::is_under(o, def)
        {
            self.open = None;
        }
        self.last = Some((def, cell.clone()));
        self.labels.insert(norm, cell);
    }

    /// The line a row is: the one under the open section above it; else the
    /// one whose total is printed below its lines; else, with no heading to
    /// tell, the first the decree's order puts after the line read above it
    /// (long-term before short-term). A label the order cannot place (a third
    /// repeat, or rows out of the decree's order) is not guessed.
    fn choose(
        &mut self,
        cands: &'static [&'static ItemDef],
        below: &[sheet::Row],
        statement: Statement,
        norm: &str,
        cell: &Location,
    ) -> std::result::Result<Option<&'static ItemDef>, Unplaced> {
        self.by_order = false;
        if cands.len() <= 1 {
            return Ok(cands.first().copied());
        }
        let mut pool: Vec<&'static ItemDef> = cands.to_vec();
        if let Some(o) = self.open {
            let direct: Vec<_> = pool
                .iter()
                .copied()
                .filter(|d| d.parent == Some(o))
                .collect();
            let under: Vec<_> = if direct.is_empty() {
                pool.iter()
                    .copied()
                    .filter(|d| items::is_under(o, d))
                    .collect()
            } else {
                direct
            };
            match under.len() {
                0 => {}
                1 => return Ok(Some(under[0])),
                _ => pool = under,
            }
        }
        for row in below.iter().take(40) {
            let next = labels::resolve(statement, &row.label).0;
            if let Some(d) = pool
                .iter()
                .find(|d| next.iter().any(|n| d.parent == Some(n.id)))
                && !pool
                    .iter()
                    .all(|c| next.iter().any(|n| c.parent == Some(n.id)))
            {
                return Ok(Some(d));
            }
            if next
                .iter()
                .any(|n| items::is_subtotal(n.id) && !pool.iter().any(|c| items::is_under(n.id, c)))
            {
                break;
            }
        }
        let after = self
            .last
            .as_ref()
            .map_or(0, |(l, _)| items::order(l.id).saturating_add(1));
        self.by_order = true;
        if let Some(d) = pool.iter().find(|d| items::order(d.id) >= after) {
            return Ok(Some(d));
        }
        let Some((last, last_cell)) = self.last.as_ref() else {
            return Ok(pool.first().copied());
        };
        let places: Vec<String> = pool
            .iter()
            .map(|d| match d.parent {
                Some(p) => format!("under {}", items::item(p).fi),
                None => d.fi.to_string(),
            })
            .collect();
        let (message, other) = match self.labels.get(norm) {
            Some(prev) => (
                format!(
                    "this row repeats a label already read at {}; the decree has the line {}, and none of them comes after \"{}\" read above it; a heading row would tell which it is",
                    prev.cell.as_deref().unwrap_or("?"),
                    places.join(" and "),
                    last.fi
                ),
                prev.clone(),
            ),
            None => (
                format!(
                    "the decree has this line {}, each before \"{}\" read above it at {}; with no heading row the order cannot tell which it is",
                    places.join(" and "),
                    last.fi,
                    last_cell.cell.as_deref().unwrap_or("?")
                ),
                last_cell.clone(),
            ),
        };
        Err(Unplaced {
            message,
            cells: vec![cell.clone(), other],
        })
    }
}

/// Decides whether costs are carried as positive figures, from the
/// statement's own subtotals where it has them, and says what it found.
fn sign_convention(
    ds: &mut Dataset,
    file: &str,
    sheet: &str,
    statement: Statement,
    read: &BTreeMap<(&'static str, i32), Read>,
) -> bool {
    let get = |id: &str, y: i32| {
        read.get(&(items::item(id).id, y))
            .map(|r| (r.value, r.quantum))
    };
    let total = |id: &str, y: i32| -> Option<(Decimal, Decimal)> {
        if let Some(v) = get(id, y) {
            return Some(v);
        }
        let mut any = None;
        for c in items::children(id) {
            if let Some((v, q)) = get(c.id, y) {
                let (s, qs) = any.unwrap_or((Decimal::ZERO, Decimal::ZERO));
                any = Some((s + v, qs + q));
            }
        }
        any
    };
    let (total_id, plus_ids, minus_id, what) = match statement {
        Statement::Tuloslaskelma => (
            "tl.toimintakate",
            &[
                "tl.toimintatuotot",
                "tl.valmistus_omaan_kayttoon",
                "tl.osuus_osakkuusyhteisoista",
            ][..],
            "tl.toimintakulut",
            "toimintakate = toimintatuotot + toimintakulut",
        ),
        _ => (
            "rl.investointien_rahavirta",
            &["rl.rahoitusosuudet", "rl.luovutustulot"][..],
            "rl.investointimenot",
            "investointien rahavirta = investointimenot + rahoitusosuudet + luovutustulot",
        ),
    };
    let years: std::collections::BTreeSet<i32> = read.keys().map(|(_, y)| *y).collect();
    let (mut neg, mut pos) = (Vec::new(), Vec::new());
    for y in &years {
        let (Some((k, qk)), Some((c, qc))) = (get(total_id, *y), total(minus_id, *y)) else {
            continue;
        };
        if c.is_zero() {
            continue;
        }
        let mut plus = Decimal::ZERO;
        let mut tol = qk + qc;
        for id in plus_ids {
            if let Some((v, q)) = total(id, *y) {
                plus += v;
                tol += q;
            }
        }
        let tol = tol / Decimal::TWO;
        let neg_ok = (k - (plus + c)).abs() <= tol;
        let pos_ok = (k - (plus - c)).abs() <= tol;
        if neg_ok && !pos_ok {
            neg.push(*y);
        } else if pos_ok && !neg_ok {
            pos.push(*y);
        }
    }
    let loc = vec![Location::sheet(file, sheet)];
    let name = statement.fi();
    if !neg.is_empty() || !pos.is_empty() {
        let positive = pos.len() > neg.len();
        if !neg.is_empty() && !pos.is_empty() {
            ds.findings.push(Finding::warning(
                "sign_convention",
                format!(
                    "{name}: costs look negative in {neg:?} but positive in {pos:?}; read as {}",
                    if positive { "positive" } else { "negative" }
                ),
                loc,
            ));
        } else {
            let y = if positive { pos[0] } else { neg[0] };
            ds.findings.push(Finding::notice(
                "sign_convention",
                if positive {
                    format!("{name}: costs and outflows are carried as positive figures (checked: {what}, with costs subtracted, holds in {y}); read as negative, as published")
                } else {
                    format!("{name}: costs and outflows are carried as negative figures, as published (checked: {what} holds in {y})")
                },
                loc,
            ));
        }
        return positive;
    }
    // No subtotal to decide by: the costs' own signs.
    let (mut p, mut n) = (0, 0);
    for ((id, _), r) in read {
        if items::item(id).sign == Sign::Minus {
            if r.value > Decimal::ZERO {
                p += 1;
            } else if r.value < Decimal::ZERO {
                n += 1;
            }
        }
    }
    if p + n == 0 {
        return false;
    }
    let positive = p > n;
    ds.findings.push(Finding::notice(
        "sign_convention",
        format!(
            "{name}: no subtotal to check the sign convention against; costs are mostly {}, read as {}",
            if positive { "positive" } else { "negative" },
            if positive { "positive figures and turned negative, as published" } else { "published (negative)" }
        ),
        loc,
    ));
    positive
}

/// A figure whose sign is the opposite of how the line is published is kept
/// as printed, with a warning: the reader should know it was not "fixed".
fn check_signs(ds: &mut Dataset) {
    let mut out = Vec::new();
    for ((entity, id, year), fig) in &ds.figures {
        let def = items::item(id);
        let wrong = match def.sign {
            Sign::Plus => fig.value < Decimal::ZERO,
            Sign::Minus => fig.value > Decimal::ZERO,
            Sign::Either => false,
        };
        if wrong && !def.statement.eq(&Statement::Tase) {
            out.push(Finding::warning(
                "unexpected_sign",
                format!(
                    "{} {year}: \"{}\" is {} where it is published {}; read as printed",
                    entity.fi(),
                    def.fi,
                    fig.value,
                    if def.sign == Sign::Plus {
                        "positive"
                    } else {
                        "negative"
                    }
                ),
                vec![fig.source.clone()],
            ));
        }
    }
    ds.findings.extend(out);
}
