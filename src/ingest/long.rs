//! A long table of many municipalities: one figure a row, the shape open
//! data comes in. Columns (Finnish names also accepted, any order):
//! `municipality` (kunta), `year` (vuosi), `item` (rivi), `value` (arvo),
//! and optionally `code` (kuntanumero), `kind` (laji: TP, TA, TS; default
//! TP), `entity` (taho: city/kaupunki/kunta or group/konserni; default city),
//! `unit` (yksikkö: €, t€, 1 000 €, milj. €; default €).
//!
//! An item is a line id (`tl.vuosikate`) or a printed label that names one
//! line unambiguously ("Vuosikate" is in two statements, so the statement
//! prefix decides: `rl.vuosikate`; a bare label is tried in the income
//! statement, the cash flow statement, the balance sheet and the background
//! figures, in that order, and must match exactly one line of the first
//! statement that knows it).

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::error::{Error, Location, Result, Text, cell_name};
use crate::ingest::grid::{Cell, Grid};
use crate::ingest::{csv_text, number};
use crate::model::dataset::{Dataset, Entity, Figure, YearKind};
use crate::model::items::{self, ItemDef, Statement};
use crate::model::labels;

fn col(headers: &csv::StringRecord, names: &[&str]) -> Option<usize> {
    headers.iter().position(|h| {
        let h = h.trim().to_lowercase();
        names.contains(&h.as_str())
    })
}

fn item_of(raw: &str) -> std::result::Result<&'static ItemDef, Text> {
    if let Some(d) = items::try_item(raw.trim()) {
        return Ok(d);
    }
    for st in Statement::ALL {
        let c = labels::candidates(st, raw);
        match c.len() {
            0 => continue,
            1 => return Ok(c[0]),
            _ => {
                let ids = |or: &str| c.iter().map(|d| d.id).collect::<Vec<_>>().join(or);
                let (fi, sv, en) = (ids(" tai "), ids(" eller "), ids(" or "));
                return Err(crate::text!(
                    "'{raw}' voi tarkoittaa riviä {fi}; kirjoita rivin tunnus",
                    "'{raw}' kan betyda raden {sv}; skriv radens id i stället",
                    "'{raw}' could mean {en}; write the line id instead"
                ));
            }
        }
    }
    Err(crate::text!(
        "'{raw}' ei ole laskelman rivi, jonka kivijalka tuntee (`kivijalka lines` luettelee ne)",
        "'{raw}' är inte en rad i en kalkyl som kivijalka känner till (`kivijalka lines` listar dem)",
        "'{raw}' is not a statement line kivijalka knows (`kivijalka lines` lists them)"
    ))
}

fn unit_of(raw: &str) -> Option<Decimal> {
    let u = raw.trim().to_lowercase().replace('\u{a0}', " ");
    Some(Decimal::from(match u.as_str() {
        "" | "€" | "eur" | "euro" | "euroa" => 1,
        "t€" | "teur" | "1000 €" | "1 000 €" | "1000 eur" | "1 000 eur" | "1000" => 1000,
        "milj. €" | "milj.€" | "m€" | "meur" => 1_000_000,
        _ => return None,
    }))
}

/// A figure written as plain digits, a minus and at most one decimal
/// separator (as the open data tables and `synth` write them), read
/// without `number::parse_text`'s general handling, to the same `Num`;
/// None for anything else, which goes the general way.
fn plain_number(raw: &str) -> Option<number::Num> {
    let (negative, digits) = match raw.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let b = digits.as_bytes();
    // Eighteen digits fit an i64 whatever they are.
    if b.is_empty() || b.len() > 18 || !b[0].is_ascii_digit() || !b[b.len() - 1].is_ascii_digit() {
        return None;
    }
    let mut mantissa: i64 = 0;
    let mut scale = None;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'0'..=b'9' => mantissa = mantissa * 10 + i64::from(c - b'0'),
            b',' | b'.' if scale.is_none() => scale = Some((b.len() - 1 - i) as u32),
            _ => return None,
        }
    }
    let value = Decimal::new(mantissa, scale.unwrap_or(0));
    let value = if negative { -value } else { value };
    Some(number::Num {
        value,
        decimals: value.scale(),
    })
}

/// Reads a long CSV (comma or semicolon separated) into one dataset per
/// municipality, in the order they first appear.
pub fn read_long_csv(text: &str, file: &str) -> Result<Vec<Dataset>> {
    records(text, file, None, |_| true)?.finish()
}

/// As `read_long_csv`, each municipality with its value in the column named
/// `group` (empty where it has none; a municipality has one value).
pub fn read_long_csv_grouped(
    text: &str,
    file: &str,
    group: Option<&str>,
) -> Result<Vec<(Dataset, String)>> {
    let mut rows = records(text, file, group, |_| true)?;
    let groups = std::mem::take(&mut rows.groups);
    let sets = rows.finish()?;
    let groups = groups.into_iter().chain(std::iter::repeat(String::new()));
    Ok(sets.into_iter().zip(groups).collect())
}

/// How a streamed table ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Streamed {
    /// Every municipality was handed over whole.
    Whole,
    /// A municipality's rows came again after another's: the table is not
    /// grouped by municipality, and what was handed over may be partial.
    Ungrouped,
}

/// Reads a long CSV as `read_long_csv` does, handing each municipality's
/// dataset (with its place among them) to `done` as soon as the rows of
/// the next begin, so that a table grouped by municipality never sits in
/// memory whole. On an error, or `Ungrouped`, what was handed over is to
/// be thrown away: `read_long_csv` over the same text gives the whole
/// answer (the datasets, or the error in line order).
pub fn stream_long_csv(
    text: &str,
    file: &str,
    group: Option<&str>,
    mut done: impl FnMut(usize, Dataset, String),
) -> Result<Streamed> {
    let mut handed: Vec<bool> = Vec::new();
    let mut current: Option<usize> = None;
    let mut ungrouped = false;
    let mut rows = records(text, file, group, |rows| {
        if rows.last == current {
            return true;
        }
        if rows.last.is_some_and(|i| handed.get(i) == Some(&true)) {
            ungrouped = true;
            return false;
        }
        if let Some(j) = current {
            let (ds, g) = rows.take(j, &mut handed);
            done(j, ds, g);
        }
        current = rows.last;
        true
    })?;
    if ungrouped {
        return Ok(Streamed::Ungrouped);
    }
    if rows.sets.is_empty() {
        return rows.finish().map(|_| Streamed::Whole);
    }
    if let Some(j) = current {
        let (ds, g) = rows.take(j, &mut handed);
        done(j, ds, g);
    }
    Ok(Streamed::Whole)
}

/// One municipality's rows of a long table, for a worker to read
/// (`read_block`) while the table is still being split.
pub struct Block<'t> {
    /// Whole records, as they stand in the table's text.
    pub rows: &'t str,
    /// The line of the first of them, for a figure's place.
    pub line: usize,
    /// The municipality, and its place among the table's.
    pub name: String,
    pub sub: usize,
    pub headers: std::sync::Arc<Vec<String>>,
    pub delimiter: u8,
}

/// Splits a long table into its municipalities' rows, each handed to
/// `done` as the next begins, checking the CSV itself on the way. False
/// where the table is to be read whole for its answer: a header that names
/// no table, a CSV error, or rows not grouped by municipality (what was
/// handed over is then to be thrown away).
pub fn split_long_csv<'t>(
    text: &'t str,
    file: &str,
    group: Option<&str>,
    mut done: impl FnMut(Block<'t>),
) -> bool {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = if body.lines().next().is_some_and(|l| l.contains(';')) {
        b';'
    } else {
        b','
    };
    // Only the municipality's field is looked at, trimmed here: the reader
    // trims the headers alone, as the rows' fields are never copied out.
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .trim(csv::Trim::Headers)
        .from_reader(body.as_bytes());
    let Ok(headers) = rdr.headers() else {
        return false;
    };
    let headers: Vec<String> = headers.iter().map(String::from).collect();
    let at = Location::line(file, 1);
    if check_fields(headers.len(), headers.iter().map(String::as_str), &at).is_err() {
        return false;
    }
    let Ok(Rows { c, .. }) = Rows::new(&headers, file, group) else {
        return false;
    };
    let headers = std::sync::Arc::new(headers);
    let mut seen = std::collections::HashSet::new();
    // The municipality being read: its name, first byte and first line.
    let mut current: Option<(String, usize, usize)> = None;
    let mut raw = csv::ByteRecord::new();
    let mut line = 2;
    loop {
        let start = usize::try_from(rdr.position().byte()).unwrap_or(usize::MAX);
        match rdr.read_byte_record(&mut raw) {
            Ok(true) => {}
            Ok(false) => break,
            Err(_) => return false,
        }
        if !fits(&raw) {
            return false;
        }
        let Some(Ok(name)) = raw.get(c.mun).map(std::str::from_utf8) else {
            return false;
        };
        let name = name.trim();
        if current.as_ref().is_none_or(|(n, _, _)| n != name) {
            if !seen.insert(name.to_string()) {
                return false;
            }
            if let Some((n, from, first)) = current.take() {
                let rows = body.get(from..start).unwrap_or("");
                let sub = seen.len() - 2;
                let headers = headers.clone();
                done(Block {
                    rows,
                    line: first,
                    name: n,
                    sub,
                    headers,
                    delimiter,
                });
            }
            current = Some((name.to_string(), start, line));
        }
        line += 1;
    }
    let Some((n, from, first)) = current else {
        return false;
    };
    let rows = body.get(from..).unwrap_or("");
    let sub = seen.len() - 1;
    done(Block {
        rows,
        line: first,
        name: n,
        sub,
        headers,
        delimiter,
    });
    true
}

/// A block's municipality as the whole table's reading makes it, with its
/// peer group.
pub fn read_block(block: &Block, file: &str, group: Option<&str>) -> Result<(Dataset, String)> {
    let mut rows = Rows::new(&block.headers, file, group)?;
    let lines = block.rows.bytes().filter(|b| *b == b'\n').count();
    rows.gathered = Some(vec![Vec::with_capacity(lines + 1)]);
    let mut line = block.line;
    each_record(block, |record, ends| {
        let field = |c: usize| {
            let from = if c == 0 { 0 } else { ends.get(c - 1).copied()? };
            record.get(from..*ends.get(c)?)
        };
        let field = |c: usize| field(c).unwrap_or("");
        rows.add(|| line_of(file, line), field)?;
        line += 1;
        Ok(())
    })?;
    let group = rows.groups.first().cloned().unwrap_or_default();
    let mut sets = rows.finish()?;
    match (sets.pop(), sets.is_empty()) {
        (Some(ds), true) => Ok((ds, group)),
        _ => Err(Error::input(
            Location::line(file, block.line),
            crate::text!(
                "yhden kunnan rivit luettiin usean kunnan riveiksi",
                "en kommuns rader lästes som flera kommuners",
                "the rows of one municipality read as several"
            ),
        )),
    }
}

/// Each record of a block, as its fields' text and where each ends. The
/// split read these records already and found them sound, so the plain
/// parser does: `csv::Reader` would, for each of a table's hundreds of
/// blocks, make a buffer of its own, and the allocator sweeps its free
/// lists for every such large request. Fields are as written (untrimmed:
/// `Rows::add` trims every field it reads, and more than ASCII spaces).
fn each_record(block: &Block, mut record: impl FnMut(&str, &[usize]) -> Result<()>) -> Result<()> {
    use csv_core::ReadRecordResult as R;
    let mut rdr = csv_core::ReaderBuilder::new()
        .delimiter(block.delimiter)
        .build();
    let (mut out, mut ends) = (vec![0u8; 512], vec![0usize; 16]);
    let (mut input, mut outlen, mut endlen) = (block.rows.as_bytes(), 0, 0);
    loop {
        let (res, nin, nout, nend) =
            rdr.read_record(input, &mut out[outlen..], &mut ends[endlen..]);
        input = input.get(nin..).unwrap_or_default();
        outlen += nout;
        endlen += nend;
        match res {
            R::InputEmpty => {}
            R::OutputFull => out.resize(out.len() * 2, 0),
            R::OutputEndsFull => ends.resize(ends.len() * 2, 0),
            R::Record => {
                let fields = out.get(..outlen).unwrap_or_default();
                // Delimiters and quotes are ASCII: the fields of a text are
                // text, and the check is once a record.
                let text = std::str::from_utf8(fields).unwrap_or("");
                record(text, ends.get(..endlen).unwrap_or_default())?;
                (outlen, endlen) = (0, 0);
            }
            R::End => return Ok(()),
        }
    }
}

/// `Location::line`, without the formatting machinery: a long table makes
/// one for each of its figures.
fn line_of(file: &str, line: usize) -> Location {
    let mut digits = [0u8; 20];
    let (mut at, mut n) = (digits.len(), line);
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut cell = String::with_capacity(5 + digits.len() - at);
    cell.push_str("line ");
    cell.push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
    Location {
        file: file.to_string(),
        sheet: None,
        cell: Some(cell),
    }
}

/// One pass over the records, reading the figures straight into the
/// datasets; `after` is told of each row read and may stop the reading.
/// The CSV's own errors (a broken quote, a ragged or too wide line) are
/// told before any figure's: the first figure error is kept while the rest
/// of the table is checked, and given only when the table itself is sound.
fn records<'f>(
    text: &str,
    file: &'f str,
    group: Option<&str>,
    mut after: impl FnMut(&mut Rows<'f>) -> bool,
) -> Result<Rows<'f>> {
    let mut rdr = csv_text::reader(text, false);
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| {
            let e = e.to_string();
            Error::input(
                Location::file(file),
                crate::text!(
                    "ei ole CSV-tiedosto: {e}",
                    "är inte en CSV-fil: {e}",
                    "not a CSV file: {e}"
                ),
            )
        })?
        .iter()
        .map(String::from)
        .collect();
    check_fields(
        headers.len(),
        headers.iter().map(String::as_str),
        &Location::line(file, 1),
    )?;
    // The first figure error, once found, stands in for the rows.
    let mut rows = Rows::new(&headers, file, group);
    // Bytes, not text: the whole table is known to be UTF-8 and a delimiter
    // never splits a character, so a field is text without checking again.
    // The byte reader trims ASCII spaces only; `Rows::add` trims the rest.
    let mut raw = csv::ByteRecord::new();
    let mut line = 2;
    while (rdr.read_byte_record(&mut raw))
        .map_err(|e| Error::input(Location::line(file, line), csv_error(&e)))?
    {
        // One check of the record's bytes, not one per field read.
        let record = std::str::from_utf8(raw.as_slice()).unwrap_or("");
        let field = |c: usize| raw.range(c).and_then(|r| record.get(r)).unwrap_or("");
        if !fits(&raw) {
            check_fields(
                raw.len(),
                (0..raw.len()).map(field),
                &Location::line(file, line),
            )?;
        }
        if let Ok(r) = rows.as_mut() {
            match r.add(|| line_of(file, line), field) {
                Ok(()) if !after(r) => break,
                Ok(()) => {}
                Err(e) => rows = Err(e),
            }
        }
        line += 1;
    }
    rows
}

/// The widest field read: a label, a name or a figure fits in far less, and
/// an error message quotes the field.
const MAX_FIELD: usize = 1_000;

/// Whether a record is within `check_fields`' bounds by its bytes alone
/// (a field's characters are never more than its bytes): the check, and
/// the place it would name, are then spared.
fn fits(raw: &csv::ByteRecord) -> bool {
    raw.len() <= crate::ingest::grid::MAX_COLS as usize && raw.iter().all(|f| f.len() <= MAX_FIELD)
}

/// Refuses a line wider than a sheet is read or with a field no table needs.
fn check_fields<'a>(n: usize, fields: impl Iterator<Item = &'a str>, at: &Location) -> Result<()> {
    if n > crate::ingest::grid::MAX_COLS as usize {
        let max = crate::ingest::grid::MAX_COLS;
        return Err(Error::input(
            at.clone(),
            crate::text!(
                "{n} saraketta; pitkässä taulukossa on enintään {max} (se tarvitsee 4–8)",
                "{n} kolumner; en lång tabell har högst {max} (den behöver 4 till 8)",
                "{n} columns; a long table has at most {max} (it needs 4 to 8)"
            ),
        ));
    }
    if let Some((i, f)) = fields
        .enumerate()
        .find(|(_, f)| f.len() > MAX_FIELD && f.chars().count() > MAX_FIELD)
    {
        let (i, n) = (i + 1, f.chars().count());
        return Err(Error::input(
            at.clone(),
            crate::text!(
                "kentässä {i} on {n} merkkiä, enemmän kuin {MAX_FIELD}, jotka mikään nimike, nimi tai luku tarvitsee",
                "fält {i} har {n} tecken, fler än de {MAX_FIELD} som en rubrik, ett namn eller ett tal behöver",
                "field {i} has {n} characters, more than the {MAX_FIELD} any label, name or figure needs"
            ),
        ));
    }
    Ok(())
}

/// Years a statement can be for; beyond them a year is a typing error.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// The row that names a long table's columns, within the first 20 rows
/// (title rows may come first).
fn header_of(grid: &Grid) -> Option<u32> {
    (0..grid.height().min(20)).find(|r| {
        let heads: Vec<String> = (0..grid.width())
            .filter_map(|c| grid.get(*r, c).text().map(|t| t.to_lowercase()))
            .collect();
        let has = |names: &[&str]| heads.iter().any(|h| names.contains(&h.as_str()));
        has(&["municipality", "kunta"]) && has(&["item", "rivi", "line"]) && has(&["value", "arvo"])
    })
}

/// Whether a sheet is a long table rather than a statement.
pub fn looks_long(grid: &Grid) -> bool {
    header_of(grid).is_some()
}

/// A long table on one sheet of a workbook; errors name the sheet and row.
pub fn read_long_grid(grid: &Grid, file: &str) -> Result<Vec<Dataset>> {
    let r0 = header_of(grid).unwrap_or(0);
    let text = |r: u32, c: u32| match grid.get(r, c) {
        Cell::Number(n) => n.value.normalize().to_string().replace('.', ","),
        Cell::Text(t) => t.trim().to_string(),
        Cell::Error(e) => e.clone(),
        Cell::Empty => String::new(),
    };
    let headers: Vec<String> = (0..grid.width()).map(|c| text(r0, c)).collect();
    check_fields(
        headers.len(),
        headers.iter().map(String::as_str),
        &Location::cell(file, &grid.name, cell_name(r0, 0)),
    )?;
    let mut records = Vec::new();
    for r in grid.rows_used().filter(|r| *r > r0) {
        if grid.row_cells(r).all(|(_, c)| c.is_empty()) {
            continue;
        }
        let at = Location::cell(file, &grid.name, cell_name(r, 0));
        let rec: Vec<String> = (0..grid.width()).map(|c| text(r, c)).collect();
        check_fields(rec.len(), rec.iter().map(String::as_str), &at)?;
        // As in a CSV's text: "Kivi\0joki" would be a municipality of its own.
        if let Some((c, byte)) = (0..)
            .zip(&rec)
            .find_map(|(c, f)| csv_text::control_in(f).map(|b| (c, b)))
        {
            return Err(csv_text::control(
                Location::cell(file, &grid.name, cell_name(r, c)),
                byte,
            ));
        }
        records.push((at, rec));
    }
    let mut rows = Rows::new(&headers, file, None)?;
    for (at, rec) in &records {
        rows.add(|| at.clone(), |c| rec.get(c).map_or("", String::as_str))?;
    }
    rows.finish()
}

/// The columns of a long table, found by their names.
struct Columns {
    mun: usize,
    year: usize,
    item: usize,
    value: usize,
    code: Option<usize>,
    kind: Option<usize>,
    entity: Option<usize>,
    unit: Option<usize>,
    /// The peer group's column (`batch --peer-group`), when one is named.
    group: Option<usize>,
}

/// The datasets a long table's rows are read into, row by row.
struct Rows<'f> {
    file: &'f str,
    c: Columns,
    /// The datasets in the order their municipality first appears.
    sets: Vec<Dataset>,
    index: HashMap<String, usize>,
    /// Rows come grouped by municipality: the last one's place saves a
    /// look-up (and tells a stream when the next begins).
    last: Option<usize>,
    /// An item as written to its line (or why it names none): a table
    /// repeats a few hundred items over all its rows.
    items: HashMap<String, std::result::Result<&'static ItemDef, Text>>,
    /// Each dataset's peer group, by its place in `sets`.
    groups: Vec<String>,
    /// A block's figures, gathered in a list and made a map once at the
    /// end (`settle`): its rows come in the map's order, and a map built
    /// whole has full nodes, where one grown row by row splits them.
    /// None for a table read row by row, whose first error is wanted.
    gathered: Option<Vec<Vec<(FigureKey, Figure)>>>,
}

type FigureKey = (Entity, &'static str, i32);

impl<'f> Rows<'f> {
    fn new(header_row: &[String], file: &'f str, group: Option<&str>) -> Result<Self> {
        let headers = csv::StringRecord::from(header_row.to_vec());
        let need = |names: &[&str], what: &str| {
            col(&headers, names).ok_or_else(|| {
                Error::input(
                    Location::file(file.to_string()),
                    crate::text!(
                        "pitkä taulukko tarvitsee sarakkeen '{what}' (sarakkeet: municipality, year, item, value; valinnaiset code, kind, entity, unit)",
                        "en lång tabell behöver en kolumn '{what}' (kolumner: municipality, year, item, value; valfria code, kind, entity, unit)",
                        "a long table needs a column '{what}' (columns: municipality, year, item, value; optional code, kind, entity, unit)"
                    ),
                )
            })
        };
        let c = Columns {
            mun: need(&["municipality", "kunta"], "municipality")?,
            year: need(&["year", "vuosi"], "year")?,
            item: need(&["item", "rivi", "line"], "item")?,
            value: need(&["value", "arvo"], "value")?,
            code: col(&headers, &["code", "kuntanumero", "kuntakoodi"]),
            kind: col(&headers, &["kind", "laji"]),
            entity: col(&headers, &["entity", "taho"]),
            unit: col(&headers, &["unit", "yksikkö", "yksikko"]),
            group: match group {
                None => None,
                Some(g) => Some(
                    col(&headers, &[g.trim().to_lowercase().as_str()]).ok_or_else(|| {
                        Error::input(
                            Location::file(file.to_string()),
                            crate::text!(
                                "ei saraketta '{g}' valitsimelle --peer-group",
                                "ingen kolumn '{g}' för --peer-group",
                                "no column '{g}' for --peer-group"
                            ),
                        )
                    })?,
                ),
            },
        };
        Ok(Rows {
            file,
            c,
            sets: Vec::new(),
            index: HashMap::new(),
            last: None,
            items: HashMap::new(),
            groups: Vec::new(),
            gathered: None,
        })
    }

    /// One row: `at` its place for a figure or an error, `field` its cells
    /// by column (trimmed).
    fn add<'r>(
        &mut self,
        at: impl Fn() -> Location,
        field: impl Fn(usize) -> &'r str,
    ) -> Result<()> {
        let c = &self.c;
        let get = |i: usize| field(i).trim();
        let mun = get(c.mun);
        if mun.is_empty() {
            return Err(Error::input(
                at(),
                crate::text!(
                    "kunta on tyhjä",
                    "kommunen är tom",
                    "the municipality is empty"
                ),
            ));
        }
        let year: i32 = get(c.year)
            .parse()
            .ok()
            .filter(|y| YEARS.contains(y))
            .ok_or_else(|| {
                let (y, from, to) = (get(c.year), YEARS.start(), YEARS.end());
                Error::input(
                    at(),
                    crate::text!(
                        "'{y}' ei ole vuosi väliltä {from}–{to}",
                        "'{y}' är inte ett år mellan {from} och {to}",
                        "'{y}' is not a year from {from} to {to}"
                    ),
                )
            })?;
        let kind = kind_of(c.kind.map(get)).map_err(|m| Error::input(at(), m))?;
        let entity = entity_of(c.entity.map(get)).map_err(|m| Error::input(at(), m))?;
        let raw_item = get(c.item);
        let def = match self.items.get(raw_item) {
            Some(d) => d.clone(),
            None => {
                let d = item_of(raw_item);
                self.items.insert(raw_item.to_string(), d.clone());
                d
            }
        }
        .map_err(|m| Error::input(at(), m))?;
        let unit = match c.unit.map(get) {
            None | Some("" | "€") => Decimal::ONE,
            Some("t€") => Decimal::ONE_THOUSAND,
            Some(u) => unit_of(u).ok_or_else(|| {
                Error::input(
                    at(),
                    crate::text!(
                        "yksikkö '{u}' ei ole €, t€ eikä milj. €",
                        "enheten '{u}' är inte €, t€ eller milj. €",
                        "unit '{u}' is not €, t€ or milj. €"
                    ),
                )
            })?,
        };
        let value = match plain_number(get(c.value)) {
            Some(n) => n,
            None => number::parse_text(get(c.value))
                .map_err(|m| Error::input(at(), m))?
                .ok_or_else(|| {
                    Error::input(
                        at(),
                        crate::text!("arvo on tyhjä", "värdet är tomt", "the value is empty"),
                    )
                })?,
        };
        // Rates and residents are not money: no unit applies.
        let scale = if matches!(def.id, "bg.asukasluku" | "bg.tuloveroprosentti") {
            Decimal::ONE
        } else {
            unit
        };
        let v = match def.id {
            "bg.asukasluku" => number::residents(&value),
            "bg.tuloveroprosentti" => number::tax_rate(&value),
            _ => number::figure(&value, scale),
        }
        .map_err(|m| Error::input(at(), m))?;
        let code = c.code.map(get).filter(|code| !code.is_empty());
        let group = c.group.map(get);
        let file = self.file;
        self.dataset(mun);
        if let Some(g) = group {
            self.group(mun, g).map_err(|m| Error::input(at(), m))?;
        }
        let ds = &mut self.sets[self.last.unwrap_or_default()];
        if let Some(code) = code
            && ds.municipality_code.as_deref() != Some(code)
        {
            ds.municipality_code = Some(code.to_string());
        }
        match ds.years.get(&year) {
            Some(k) if *k != kind => {
                return Err(Error::input(
                    at(),
                    crate::text!(
                        "{mun} {year} on aiemmalla rivillä {k} ja tässä {kind}",
                        "{mun} {year} är {k} på en tidigare rad och {kind} här",
                        "{mun} {year} is {k} on an earlier line and {kind} here"
                    ),
                ));
            }
            Some(_) => {}
            None => {
                ds.years.insert(year, kind);
            }
        }
        let key = (entity, def.id, year);
        let figure = || Figure {
            value: v,
            source: at(),
            label: raw_item.to_string(),
            // The smallest step the value was written in.
            quantum: Decimal::new(1, value.decimals.min(28)) * scale,
        };
        match self.gathered.as_mut() {
            Some(lists) => {
                let i = self.last.unwrap_or_default();
                if lists.len() <= i {
                    lists.resize_with(i + 1, Vec::new);
                }
                lists[i].push((key, figure()));
            }
            None => {
                let std::collections::btree_map::Entry::Vacant(slot) = ds.figures.entry(key) else {
                    return Err(Error::input(at(), twice(mun, key)));
                };
                slot.insert(figure());
            }
        }
        ds.sheets
            .entry((entity, def.statement))
            .or_insert_with(|| file.to_string());
        Ok(())
    }

    /// The gathered figures into their datasets' maps; a line given twice
    /// for a year is an error (the later row's).
    fn settle(&mut self) -> Result<()> {
        let Some(lists) = self.gathered.take() else {
            return Ok(());
        };
        for (ds, mut list) in self.sets.iter_mut().zip(lists) {
            // Stable, and no more than a pass over rows already in order.
            list.sort_by_key(|(k, _)| *k);
            if let Some(w) = list.windows(2).find(|w| w[0].0 == w[1].0) {
                let mun = ds.name().to_string();
                return Err(Error::input(w[1].1.source.clone(), twice(&mun, w[1].0)));
            }
            ds.figures = list.into_iter().collect();
        }
        Ok(())
    }

    /// The municipality's dataset, made at its first row.
    fn dataset(&mut self, mun: &str) -> &mut Dataset {
        let i = match self.last {
            Some(i) if self.sets[i].municipality.as_deref() == Some(mun) => i,
            _ => match self.index.get(mun) {
                Some(i) => *i,
                None => {
                    self.sets.push(Dataset {
                        municipality: Some(mun.to_string()),
                        file: self.file.to_string(),
                        ..Dataset::default()
                    });
                    self.index.insert(mun.to_string(), self.sets.len() - 1);
                    self.sets.len() - 1
                }
            },
        };
        self.last = Some(i);
        &mut self.sets[i]
    }

    /// The last row's municipality is in peer group `g`: one group each.
    fn group(&mut self, mun: &str, g: &str) -> std::result::Result<(), Text> {
        let i = self.last.unwrap_or_default();
        if self.groups.len() <= i {
            self.groups.resize(i + 1, String::new());
            self.groups[i] = g.to_string();
        } else if self.groups[i] != g {
            let was = &self.groups[i];
            return Err(crate::text!(
                "{mun} on aiemmalla rivillä vertailuryhmässä '{was}' ja tässä ryhmässä '{g}'",
                "{mun} är i jämförelsegruppen '{was}' på en tidigare rad och i '{g}' här",
                "{mun} is in peer group '{was}' on an earlier line and '{g}' here"
            ));
        }
        Ok(())
    }

    /// Dataset `i` and its peer group, handed over: its place keeps an
    /// empty one.
    fn take(&mut self, i: usize, handed: &mut Vec<bool>) -> (Dataset, String) {
        if handed.len() <= i {
            handed.resize(i + 1, false);
        }
        handed[i] = true;
        let group = self
            .groups
            .get_mut(i)
            .map(std::mem::take)
            .unwrap_or_default();
        (std::mem::take(&mut self.sets[i]), group)
    }

    fn finish(mut self) -> Result<Vec<Dataset>> {
        self.settle()?;
        if self.sets.is_empty() {
            return Err(Error::input(
                Location::file(self.file.to_string()),
                crate::text!(
                    "taulukossa ei ole rivejä",
                    "tabellen har inga rader",
                    "the table has no rows"
                ),
            ));
        }
        Ok(self.sets)
    }
}

/// A line given twice for one year.
fn twice(mun: &str, (_, id, year): FigureKey) -> Text {
    let def = items::item(id);
    let (fi, sv) = (def.fi, def.sv);
    // The English has always named the line by its Finnish name.
    crate::text!(
        "{mun} {year}: {fi} ({id}) on annettu kahdesti",
        "{mun} {year}: {sv} ({id}) anges två gånger",
        "{mun} {year}: {fi} ({id}) is given twice"
    )
}

fn kind_of(raw: Option<&str>) -> std::result::Result<YearKind, Text> {
    // The forms a table repeats on every row, before any case folding.
    match raw {
        None | Some("" | "TP") => return Ok(YearKind::TP),
        Some("TA") => return Ok(YearKind::TA),
        Some("TS") => return Ok(YearKind::TS),
        _ => {}
    }
    Ok(match raw.unwrap_or("TP").to_uppercase().as_str() {
        "" | "TP" | "TILINPÄÄTÖS" | "ACTUAL" => YearKind::TP,
        "TA" | "TALOUSARVIO" | "BUDGET" => YearKind::TA,
        "TS" | "TALOUSSUUNNITELMA" | "PLAN" => YearKind::TS,
        k => {
            return Err(crate::text!(
                "laji '{k}' ei ole TP, TA eikä TS",
                "slaget '{k}' är inte TP, TA eller TS",
                "kind '{k}' is not TP, TA or TS"
            ));
        }
    })
}

fn entity_of(raw: Option<&str>) -> std::result::Result<Entity, Text> {
    match raw {
        None | Some("" | "city") => return Ok(Entity::City),
        Some("group") => return Ok(Entity::Group),
        _ => {}
    }
    Ok(match raw.unwrap_or("").to_lowercase().as_str() {
        "" | "city" | "kaupunki" | "kunta" | "municipality" => Entity::City,
        "group" | "konserni" => Entity::Group,
        e => {
            return Err(crate::text!(
                "taho '{e}' ei ole city eikä group",
                "enheten '{e}' är inte city eller group",
                "entity '{e}' is not city or group"
            ));
        }
    })
}

/// A CSV reader's error: the library's own words, introduced in the
/// user's language (the English has always been the words alone).
fn csv_error(e: &csv::Error) -> Text {
    let e = e.to_string();
    crate::text!("CSV-virhe: {e}", "CSV-fel: {e}", "{e}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A published figure with a half cent is rounded by one rule (money.rs),
    /// whichever layout it came in: banker's rounding would give 1 234,56 and
    /// 0,00 here where a workbook gives 1 234,57 and 0,01.
    #[test]
    fn a_half_cent_rounds_as_in_a_workbook() {
        let halves = [
            ("1234,565", "1234.57"),
            ("0,005", "0.01"),
            ("2,345", "2.35"),
        ];
        let mut rows = vec![vec!["Tuloslaskelma, euroa"], vec!["", "TP 2024"]];
        let labels = ["Myyntituotot", "Maksutuotot", "Tuet ja avustukset"];
        for (label, (v, _)) in labels.iter().zip(&halves) {
            rows.push(vec![label, v]);
        }
        let grid = Grid::from_text_rows("Tuloslaskelma", &rows);
        let wb = crate::ingest::workbook::read_grids("t.xlsx", vec![grid]).unwrap();
        let ids = ["tl.myyntituotot", "tl.maksutuotot", "tl.tuet_ja_avustukset"];
        let mut csv = String::from("municipality;year;kind;item;value\n");
        for (id, (v, _)) in ids.iter().zip(&halves) {
            csv.push_str(&format!("K;2024;TP;{id};{v}\n"));
        }
        let long = read_long_csv(&csv, "t.csv").unwrap();
        for (id, (_, want)) in ids.iter().zip(&halves) {
            let from_wb = wb.value(Entity::City, id, 2024);
            let from_long = long[0].value(Entity::City, id, 2024);
            assert_eq!(from_wb, from_long, "{id}");
            assert_eq!(from_long.map(|v| v.to_string()), Some(want.to_string()));
        }
    }
}
