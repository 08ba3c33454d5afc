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
}

/// A cell's parts as the walk meets them.
#[derive(Default)]
struct Cell {
    at: Option<String>,
    formula: bool,
    value: bool,
    /// A shared string's cell (`t="s"`): its value is an index.
    shared: bool,
    /// A number's cell: no type, or `t="n"`.
    number: bool,
    style: usize,
}

impl Formulas {
    /// Takes the tag just walked (its text after '<') and the text before
    /// it; returns a shared-string cell's value that is no index. The
    /// reader would take "-1" for the first string, a label for another.
    fn see(
        &mut self,
        (tag, text): (&[u8], &[u8]),
        cell: &mut Cell,
        scaling: &[bool],
    ) -> Option<String> {
        let closing = tag.first() == Some(&b'/');
        let body = if closing { &tag[1..] } else { tag };
        let end = (body.iter())
            .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
            .unwrap_or(body.len());
        match (closing, local(&body[..end])) {
            (false, b"c") => {
                *cell = Cell {
                    number: true,
                    ..Cell::default()
                };
                // `<c r="A1" s="2"/>`: a cell with neither formula nor value.
                if !tag.ends_with(b"/>") {
                    for (k, v) in attributes(&body[end..]) {
                        match local(k) {
                            b"r" => cell.at = Some(String::from_utf8_lossy(v).into_owned()),
                            b"t" => (cell.shared, cell.number) = (v == b"s", v == b"n"),
                            b"s" => {
                                let s = std::str::from_utf8(v).ok();
                                cell.style = s.and_then(|s| s.parse().ok()).unwrap_or(0);
                            }
                            _ => {}
                        }
                    }
                }
            }
            (true, b"v") if cell.shared => {
                let v = text.strip_suffix(b"<").unwrap_or(text).trim_ascii();
                if v.is_empty() || !v.iter().all(u8::is_ascii_digit) {
                    return Some(String::from_utf8_lossy(v).into_owned());
                }
            }
            (false, b"f") => cell.formula = true,
            (false, b"v" | b"is") => cell.value = true,
            (true, b"c") => {
                // Beyond the cells a workbook may hold it is refused anyway.
                if cell.value
                    && cell.number
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
/// or more ([`cell_styles`]).
pub fn scan(mut r: impl BufRead, part: &str, file: &str, scaling: &[bool]) -> Result<Formulas> {
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
        if let Some(v) = formulas.see((&tag, &skipped), &mut cell, scaling) {
            let (at, v) = (
                cell.at.clone().unwrap_or_default(),
                crate::ingest::number::quoted(&v),
            );
            return Err(Error::input(
                Location::file(file),
                text!(
                    "osa '{part}', solu {at}: jaetun tekstin numero '{v}' ei ole numero 0, 1, 2, …",
                    "delen '{part}', cell {at}: den delade textens nummer '{v}' är inte ett nummer 0, 1, 2, …",
                    "part '{part}', cell {at}: shared string number '{v}' is not a number 0, 1, 2, …"
                ),
            ));
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
    }
    Ok(())
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
    let r = r.replace('$', "");
    let letters = r.chars().take_while(char::is_ascii_alphabetic).count();
    let (col, row) = r.split_at(letters);
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = col.bytes().fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    let row: u32 = row.parse().ok()?;
    Some((row.checked_sub(1)?, col - 1))
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
