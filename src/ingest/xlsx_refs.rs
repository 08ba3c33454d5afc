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

use quick_xml::Reader as XmlReader;
use quick_xml::events::{BytesStart, Event};

use crate::error::{Error, Location, Result};
use crate::text;

/// Whether `name` is a worksheet part of an xlsx or xlsm.
pub fn is_worksheet(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.starts_with("xl/worksheets/") && n.ends_with(".xml")
}

/// Checks every reference a worksheet part gives its rows, cells, used
/// range, merged cells and links.
pub fn scan(r: impl BufRead, part: &str, file: &str) -> Result<()> {
    let mut xml = XmlReader::from_reader(r);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let ev = xml.read_event_into(&mut buf).map_err(|e| {
            let at = xml.buffer_position();
            Error::input(
                Location::file(file),
                text!(
                    "osa '{part}' ei ole hyvin muodostettua XML:ää tavun {at} kohdalla: {e}",
                    "delen '{part}' är inte välformad XML nära byte {at}: {e}",
                    "part '{part}' is not well-formed XML near byte {at}: {e}"
                ),
            )
        })?;
        match ev {
            Event::Eof => return Ok(()),
            Event::Start(e) | Event::Empty(e) => check_element(&e, part, file)?,
            _ => {}
        }
    }
}

fn check_element(e: &BytesStart, part: &str, file: &str) -> Result<()> {
    let name = e.local_name();
    let (key, range) = match name.as_ref() {
        "c" | "row" => ("r", false),
        "dimension" | "mergeCell" | "hyperlink" => ("ref", true),
        _ => return Ok(()),
    };
    let row_only = name.as_ref() == "row";
    for a in e.attributes().with_checks(false).flatten() {
        if a.key.local_name().as_ref() != key {
            continue;
        }
        let v = a.value.to_string();
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

/// At most three letters, then one to seven digits (with `$` anchors);
/// a row's own reference is the digits alone.
fn is_reference(r: &str, row_only: bool) -> bool {
    let r = r.replace('$', "");
    let letters = r.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
    let digits = &r[letters..];
    let letters_fit = match row_only {
        true => letters == 0,
        false => letters <= 3,
    };
    letters_fit && (1..=7).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}
