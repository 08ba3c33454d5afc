//! The cell references of an xlsx worksheet, checked before the reader
//! turns them into positions.
//!
//! The reader computes a reference's row and column without bounds: a
//! reference of many letters or digits ("ZZZZZZZZ9", "C99999999999")
//! overflows, which stops a debug build and, in a release build, wraps to
//! some other cell, where its figure would be read as that cell's. A
//! reference is at most three letters and seven digits (Excel's last cell
//! is XFD1048576); anything longer is refused here, naming the part and the
//! reference.

use std::io::BufRead;

use crate::error::{Error, Location, Result};
use crate::ingest::number::ScaledFormat;
use crate::text;

/// Whether `name` is a worksheet part of an xlsx or xlsm.
pub fn is_worksheet(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.starts_with("xl/worksheets/") && n.ends_with(".xml")
}

/// Checks every reference a worksheet part gives its rows, cells, used
/// range, merged cells and links. The part is walked tag by tag, not
/// parsed: text cannot hold a raw `<`, and a sheet of a million rows is
/// looked through in the time it takes to copy it (an XML parser took
/// half a minute over one in a debug build); whether the XML is well
/// formed is the reader's to say.
/// The cells of a worksheet whose formulas leave their figure unknown to a
/// reader: the first cell with a formula (its saved value is a result only
/// if a spreadsheet program computed it) and the first whose formula has
/// no saved value at all.
#[derive(Debug, Default)]
pub struct Formulas {
    pub first: Option<String>,
    pub unsaved: Option<String>,
    /// Numeric cells whose style shows them divided by a power of a
    /// thousand: (reference, index into the styles).
    pub scaled: Vec<(String, usize)>,
    /// Whether the part has the cells' element at all: a part with none
    /// is no worksheet (the workbook's own part, a relationships file) or
    /// is not UTF-8 text, and the reader would take it for an empty sheet.
    pub sheet_data: bool,
    /// The row and column (from 1) of the last row and cell walked: a
    /// cell without its reference follows the one before.
    row: u64,
    col: u64,
    strings: Option<u64>,
}

/// Excel's last row and column (XFD1048576).
const LAST_ROW: u64 = 1_048_576;
const LAST_COL: u64 = 16_384;

/// A cell's value the reader would read as something it is not.
enum Bad {
    /// A shared-string cell's value that is no index.
    Index(String),
    /// A shared-string index past the strings there are.
    Unknown(String, u64),
    /// A second value: the reader keeps the last.
    Twice,
    /// A number's value that is empty: the reader reads an empty cell,
    /// where Excel refuses the file.
    Empty,
    /// A cell past the last one a sheet has: the reader walks every such
    /// cell, and tens of millions of `<c/>` in a row cost it minutes.
    Beyond(String),
}

/// A cell's parts as the walk meets them.
#[derive(Default)]
struct Cell {
    at: Option<String>,
    formula: bool,
    value: bool,
    /// A shared string's cell (`t="s"`): its value is an index.
    shared: bool,
    /// A number's cell (no `t`, or `t="n"`).
    numeric: bool,
    style: usize,
}

impl Formulas {
    /// Takes the tag just walked (its text after '<') and the text before
    /// it; returns a value the reader would misread: a shared-string
    /// cell's value that is no index (the reader would take "-1" for the
    /// first string, a label for another), a second value, an empty number.
    fn see(
        &mut self,
        (tag, text): (&[u8], &[u8]),
        cell: &mut Cell,
        scaling: &[bool],
    ) -> Option<Bad> {
        let closing = tag.first() == Some(&b'/');
        let body = if closing { &tag[1..] } else { tag };
        let end = (body.iter())
            .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
            .unwrap_or(body.len());
        match (closing, local(&body[..end])) {
            (false, b"row") => {
                let r = attributes(&body[end..])
                    .into_iter()
                    .find(|(k, _)| local(k) == b"r");
                self.row = match r {
                    Some((_, v)) => row_col(&String::from_utf8_lossy(v)).0,
                    None => self.row + 1,
                };
                self.col = 0;
                if self.row > LAST_ROW {
                    return Some(Bad::Beyond(cell_name(self.row, 1)));
                }
            }
            (false, b"c") => {
                *cell = Cell {
                    numeric: true,
                    ..Cell::default()
                };
                let mut col = self.col + 1;
                for (k, v) in attributes(&body[end..]) {
                    match local(k) {
                        b"r" => {
                            let at = String::from_utf8_lossy(v).into_owned();
                            col = row_col(&at).1;
                            cell.at = Some(at);
                        }
                        // `<c r="A1" s="2"/>`: a cell with neither formula nor value.
                        b"t" if !tag.ends_with(b"/>") => {
                            (cell.shared, cell.numeric) = (v == b"s", v == b"n")
                        }
                        b"s" => {
                            let s = std::str::from_utf8(v).ok();
                            cell.style = s.and_then(|s| s.parse().ok()).unwrap_or(0);
                        }
                        _ => {}
                    }
                }
                self.col = col;
                if col > LAST_COL {
                    return Some(Bad::Beyond(cell_name(self.row, col)));
                }
            }
            (true, b"v") if cell.shared => {
                let v = text.strip_suffix(b"<").unwrap_or(text).trim_ascii();
                let v = String::from_utf8_lossy(v).into_owned();
                if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
                    return Some(Bad::Index(v));
                }
                if let Some(n) = self.strings
                    && v.parse::<u64>().map_or(true, |i| i >= n)
                {
                    return Some(Bad::Unknown(v, n));
                }
            }
            (true, b"v") if cell.numeric => {
                let v = text.strip_suffix(b"<").unwrap_or(text).trim_ascii();
                if v.is_empty() {
                    return Some(Bad::Empty);
                }
            }
            (false, b"sheetData") => self.sheet_data = true,
            (false, b"f") => cell.formula = true,
            (false, b"v") if cell.value => return Some(Bad::Twice),
            (false, b"v") if cell.numeric && tag.ends_with(b"/>") => {
                cell.value = true;
                return Some(Bad::Empty);
            }
            (false, b"v" | b"is") => cell.value = true,
            (true, b"c") => {
                // Beyond the cells a workbook may hold it is refused anyway.
                if cell.value
                    && cell.numeric
                    && scaling.get(cell.style) == Some(&true)
                    && self.scaled.len() < crate::ingest::grid::MAX_CELLS
                {
                    let at = cell.at.clone().unwrap_or_default();
                    self.scaled.push((at, cell.style));
                }
                if cell.formula {
                    let at = cell.at.take().unwrap_or_default();
                    if !cell.value && self.unsaved.is_none() {
                        self.unsaved = Some(at.clone());
                    }
                    self.first.get_or_insert(at);
                }
            }
            _ => {}
        }
        None
    }
}

/// `scaling[s]` says whether style `s` shows a number divided by a thousand
/// or more ([`cell_styles`]); `strings` is how many shared strings the
/// workbook has, where known.
pub fn scan(
    mut r: impl BufRead,
    part: &str,
    file: &str,
    scaling: &[bool],
    strings: Option<u64>,
) -> Result<Formulas> {
    let io = |e: std::io::Error| {
        Error::input(
            Location::file(file),
            text!(
                "zip-säiliön osaa '{part}' ei voi lukea: {e}",
                "delen '{part}' i zip-behållaren kan inte läsas: {e}",
                "part '{part}' of the zip container cannot be read: {e}"
            ),
        )
    };
    let mut skipped = Vec::new();
    let mut tag = Vec::new();
    let (mut formulas, mut cell) = (Formulas::default(), Cell::default());
    formulas.strings = strings;
    loop {
        skipped.clear();
        if r.read_until(b'<', &mut skipped).map_err(io)? == 0 {
            return Ok(formulas);
        }
        tag.clear();
        // To the '>' that stands outside a quoted value.
        loop {
            if r.read_until(b'>', &mut tag).map_err(io)? == 0 {
                return Ok(formulas);
            }
            // A closing tag has no values: most tags of a sheet.
            if tag.first() == Some(&b'/') || !tag.contains(&b'=') {
                break;
            }
            let quotes = |q: u8| tag.iter().filter(|b| **b == q).count();
            if quotes(b'"') % 2 == 0 && quotes(b'\'') % 2 == 0 {
                break;
            }
        }
        if tag.first() != Some(&b'/') {
            check_tag(&tag, part, file)?;
        }
        if let Some(bad) = formulas.see((&tag, &skipped), &mut cell, scaling) {
            let at = cell.at.clone().unwrap_or_default();
            let message = match bad {
                Bad::Index(v) => {
                    let v = crate::ingest::number::quoted(&v);
                    text!(
                        "osa '{part}', solu {at}: jaetun tekstin numero '{v}' ei ole numero 0, 1, 2, …",
                        "delen '{part}', cell {at}: den delade textens nummer '{v}' är inte ett nummer 0, 1, 2, …",
                        "part '{part}', cell {at}: shared string number '{v}' is not a number 0, 1, 2, …"
                    )
                }
                Bad::Unknown(v, 0) => {
                    let v = crate::ingest::number::quoted(&v);
                    text!(
                        "osa '{part}', solu {at}: jaettua tekstiä numero {v} ei ole; työkirjassa ei ole jaettuja tekstejä",
                        "delen '{part}', cell {at}: den delade texten nummer {v} finns inte; arbetsboken har inga delade texter",
                        "part '{part}', cell {at}: there is no shared string number {v}; the workbook has no shared strings"
                    )
                }
                Bad::Unknown(v, n) => {
                    let v = crate::ingest::number::quoted(&v);
                    text!(
                        "osa '{part}', solu {at}: jaettua tekstiä numero {v} ei ole; tekstejä on {n} (0 … {n} − 1)",
                        "delen '{part}', cell {at}: den delade texten nummer {v} finns inte; texterna är {n} (0 … {n} − 1)",
                        "part '{part}', cell {at}: there is no shared string number {v}; there are {n} (0 … {n} − 1)"
                    )
                }
                Bad::Twice => text!(
                    "osa '{part}', solu {at}: solulla on kaksi arvoa (<v>); Excel ei avaa tällaista tiedostoa",
                    "delen '{part}', cell {at}: cellen har två värden (<v>); Excel öppnar inte en sådan fil",
                    "part '{part}', cell {at}: the cell has two values (<v>); Excel does not open such a file"
                ),
                Bad::Beyond(at) => text!(
                    "osa '{part}': solu {at} on taulukon viimeisen solun XFD1048576 jälkeen",
                    "delen '{part}': cellen {at} ligger efter bladets sista cell XFD1048576",
                    "part '{part}': cell {at} lies past XFD1048576, the last cell a sheet has"
                ),
                Bad::Empty => text!(
                    "osa '{part}', solu {at}: luvun arvo (<v>) on tyhjä; Excel ei avaa tällaista tiedostoa",
                    "delen '{part}', cell {at}: talets värde (<v>) är tomt; Excel öppnar inte en sådan fil",
                    "part '{part}', cell {at}: the number's value (<v>) is empty; Excel does not open such a file"
                ),
            };
            return Err(Error::input(Location::file(file), message));
        }
    }
}

/// One tag's text after its '<': the element's name, then its attributes.
fn check_tag(tag: &[u8], part: &str, file: &str) -> Result<()> {
    let name_end = tag
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
        .unwrap_or(tag.len());
    let name = local(&tag[..name_end]);
    let (key, range, row_only): (&[u8], bool, bool) = match name {
        b"c" => (b"r", false, false),
        b"row" => (b"r", false, true),
        b"dimension" | b"mergeCell" | b"hyperlink" => (b"ref", true, false),
        _ => return Ok(()),
    };
    for (k, v) in attributes(&tag[name_end..]) {
        if local(k) != key {
            continue;
        }
        let v = String::from_utf8_lossy(v);
        let fits = match range {
            true => v.split(':').all(|r| is_reference(r, false)),
            false => is_reference(&v, row_only),
        };
        if !fits {
            let v = crate::ingest::number::quoted(&v);
            return Err(Error::input(
                Location::file(file),
                text!(
                    "osa '{part}': '{v}' ei ole solun osoite (A1 … XFD1048576)",
                    "delen '{part}': '{v}' är ingen celladress (A1 … XFD1048576)",
                    "part '{part}': '{v}' is not a cell reference (A1 … XFD1048576)"
                ),
            ));
        }
        if name == b"dimension" && reversed(&v) {
            let v = crate::ingest::number::quoted(&v);
            return Err(Error::input(
                Location::file(file),
                text!(
                    "osa '{part}': käytetty alue '{v}' päättyy ennen kuin alkaa",
                    "delen '{part}': det använda området '{v}' slutar innan det börjar",
                    "part '{part}': the used range '{v}' ends before it starts"
                ),
            ));
        }
    }
    Ok(())
}

/// Whether a range's end lies above or left of its start: the reader
/// subtracts the start from the end unchecked, which stops a debug build
/// and wraps in a release build.
fn reversed(range: &str) -> bool {
    let mut ends = range.split(':').map(row_col);
    match (ends.next(), ends.next()) {
        (Some((r0, c0)), Some((r1, c1))) => r1 < r0 || c1 < c0,
        _ => false,
    }
}

/// A position from 1 as Excel names it, the column held at a name of
/// four letters.
fn cell_name(row: u64, col: u64) -> String {
    let to = |n: u64| n.saturating_sub(1).min(u32::MAX as u64) as u32;
    crate::error::cell_name(to(row), to(col.min(475_254)))
}

/// A checked reference's row and column as numbers (letters A = 1).
fn row_col(r: &str) -> (u64, u64) {
    let (mut row, mut col) = (0u64, 0u64);
    for b in r.bytes() {
        match b {
            b'0'..=b'9' => row = row * 10 + u64::from(b - b'0'),
            b'A'..=b'Z' | b'a'..=b'z' => {
                col = col * 26 + u64::from(b.to_ascii_uppercase() - b'A') + 1
            }
            _ => {}
        }
    }
    (row, col)
}

/// A tag's `name="value"` pairs as text (the workbook's lists of sheets).
pub fn pairs(tag: &str) -> Vec<(String, String)> {
    (attributes(tag.as_bytes()).into_iter())
        .map(|(k, v)| {
            let s = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
            (s(k), s(v))
        })
        .collect()
}

/// A name without its namespace prefix.
fn local(name: &[u8]) -> &[u8] {
    match name.iter().rposition(|b| *b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// The `name="value"` pairs of a tag's rest, in order.
fn attributes(mut s: &[u8]) -> Vec<(&[u8], &[u8])> {
    let mut out = Vec::new();
    loop {
        let Some(eq) = s.iter().position(|b| *b == b'=') else {
            return out;
        };
        let name = s[..eq].trim_ascii();
        let name = &name[name
            .iter()
            .rposition(|b| b.is_ascii_whitespace())
            .map_or(0, |i| i + 1)..];
        let rest = s[eq + 1..].trim_ascii_start();
        let Some(&q) = rest.first().filter(|q| **q == b'"' || **q == b'\'') else {
            return out;
        };
        let Some(len) = rest[1..].iter().position(|b| *b == q) else {
            return out;
        };
        out.push((name, &rest[1..1 + len]));
        s = &rest[2 + len..];
    }
}

/// At most three letters, then one to seven digits (either may carry a `$`
/// anchor); a row's own reference is the digits alone. Looked at byte by
/// byte, without a copy: a sheet has a reference a cell.
fn is_reference(r: &str, row_only: bool) -> bool {
    let b = r.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'$'));
    let letters = b[i..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    i += letters;
    i += usize::from(b.get(i) == Some(&b'$'));
    let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let letters_fit = if row_only { letters == 0 } else { letters <= 3 };
    letters_fit && (1..=7).contains(&digits) && i + digits == b.len()
}

/// Each cell style of a workbook's styles part (`cellXfs`, in order) with
/// its number format, where that format shows a number divided by a
/// thousand or more. Excel's built-in formats (ids below 164) never do.
pub fn cell_styles(styles: &str) -> Vec<Option<ScaledFormat>> {
    let mut formats = Vec::new();
    let mut styles_out = Vec::new();
    let mut in_cell_xfs = false;
    for t in tags(styles) {
        let closing = t.starts_with('/');
        let name = t
            .trim_start_matches('/')
            .split([' ', '/', '\t', '\n', '\r'])
            .next();
        let name = name.map(|n| n.rsplit(':').next().unwrap_or(n));
        let get = |key: &str| {
            pairs(t)
                .into_iter()
                .find(|(k, _)| k.rsplit(':').next() == Some(key))
                .map(|(_, v)| v)
        };
        match (closing, name) {
            (false, Some("numFmt")) => {
                let id: Option<u32> = get("numFmtId").and_then(|v| v.parse().ok());
                if let (Some(id), Some(code)) = (id, get("formatCode")) {
                    formats.push((id, unescape(&code)));
                }
            }
            (false, Some("cellXfs")) => in_cell_xfs = !t.ends_with('/'),
            (true, Some("cellXfs")) => in_cell_xfs = false,
            (false, Some("xf")) if in_cell_xfs => {
                let id: Option<u32> = get("numFmtId").and_then(|v| v.parse().ok());
                let code = formats.iter().find(|(i, _)| Some(*i) == id);
                styles_out.push(code.and_then(|(_, c)| scaled_format(c)));
            }
            _ => {}
        }
    }
    styles_out
}

/// The text of each tag after its '<', to the '>' outside quoted values
/// (a format's condition "[>=1000]" holds one).
fn tags(xml: &str) -> impl Iterator<Item = &str> {
    let mut rest = xml;
    std::iter::from_fn(move || {
        let start = rest.find('<')? + 1;
        let mut quote = None;
        let end = rest[start..]
            .char_indices()
            .find(|&(_, c)| match (quote, c) {
                (None, '"' | '\'') => {
                    quote = Some(c);
                    false
                }
                (Some(q), c) if c == q => {
                    quote = None;
                    false
                }
                (None, '>') => true,
                _ => false,
            })
            .map_or(rest.len(), |(i, _)| start + i);
        let tag = &rest[start..end];
        rest = &rest[end.min(rest.len())..];
        Some(tag)
    })
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// A format code's division by thousands, if it has any: in each section
/// (positive; negative), the commas right after the last digit placeholder,
/// quoted text, escapes, colours and fills aside.
pub fn scaled_format(code: &str) -> Option<ScaledFormat> {
    let mut sections = Vec::new();
    let mut kept = String::new();
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => chars.by_ref().take_while(|c| *c != '"').for_each(drop),
            '[' => chars.by_ref().take_while(|c| *c != ']').for_each(drop),
            '\\' | '_' | '*' => {
                chars.next();
                kept.push(' ');
            }
            ';' => sections.push(std::mem::take(&mut kept)),
            c => kept.push(c),
        }
    }
    sections.push(kept);
    let thousands = |s: &str| -> u8 {
        let Some(last) = s.rfind(['0', '#', '?']) else {
            return 0;
        };
        let after = s[last + 1..].trim_start_matches('.');
        let n = after.chars().take_while(|c| *c == ',').count();
        u8::try_from(n).unwrap_or(u8::MAX)
    };
    let positive = thousands(&sections[0]);
    let negative = sections.get(1).map_or(positive, |s| thousands(s));
    (positive > 0 || negative > 0).then(|| ScaledFormat {
        code: code.to_string(),
        positive,
        negative,
    })
}

/// A checked reference ("C5") as a zero-based (row, column).
pub fn position(r: &str) -> Option<(u32, u32)> {
    let (row, col) = row_col(r);
    let from_zero = |n: u64| u32::try_from(n.checked_sub(1)?).ok();
    Some((from_zero(row)?, from_zero(col)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thousands(code: &str) -> (u8, u8) {
        scaled_format(code).map_or((0, 0), |f| (f.positive, f.negative))
    }

    #[test]
    fn a_comma_after_the_last_digit_divides_by_a_thousand() {
        assert_eq!(thousands("#,##0,"), (1, 1));
        assert_eq!(thousands("#,##0,,"), (2, 2));
        assert_eq!(thousands("0.0,"), (1, 1));
        assert_eq!(thousands("#,##0, \"t€\";[Red]-#,##0, \"t€\""), (1, 1));
        assert_eq!(thousands("#,##0,;-#,##0"), (1, 0));
        // Grouping, a comma inside quotes or escaped: no division.
        assert_eq!(thousands("#,##0"), (0, 0));
        assert_eq!(thousands("#,##0.00"), (0, 0));
        assert_eq!(thousands("0\",\""), (0, 0));
        assert_eq!(thousands("0\\,"), (0, 0));
        assert_eq!(thousands("General"), (0, 0));
    }

    #[test]
    fn styles_give_each_cell_style_its_format() {
        let xml = r##"<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0,"/>
            <numFmt numFmtId="165" formatCode="[&gt;=1000]#,##0;0"/></numFmts>
            <cellStyleXfs count="1"><xf numFmtId="164"/></cellStyleXfs>
            <cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="165"><alignment/></xf>
            <xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>"##;
        let styles = cell_styles(xml);
        assert_eq!(styles.len(), 3);
        assert!(styles[0].is_none() && styles[1].is_none());
        assert_eq!(styles[2].as_ref().map(|f| f.code.as_str()), Some("#,##0,"));
    }

    #[test]
    fn references_are_positions_from_zero() {
        assert_eq!(position("A1"), Some((0, 0)));
        assert_eq!(position("$C$5"), Some((4, 2)));
        assert_eq!(position("AA10"), Some((9, 26)));
        assert_eq!(position("A0"), None);
        assert_eq!(position(""), None);
    }
}
