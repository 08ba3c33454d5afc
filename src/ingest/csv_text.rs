//! CSV as spreadsheet programs and statistics portals save it.
//!
//! Finnish Excel saves "CSV" with semicolons (the comma is the decimal
//! separator), others with commas, and many add a byte-order mark before the
//! first header. Every CSV kivijalka reads (long tables, population and
//! price-index files) goes through here, so all accept the same variety.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Location, Result};
use crate::text;

/// The largest CSV read: a long table of every municipality's every line
/// over ten years is some tens of megabytes.
pub const MAX_CSV_BYTES: u64 = 200 * 1024 * 1024;

/// Reads a CSV file as text, refusing one too large to be a table or not in
/// UTF-8 (naming the line), rather than guessing its encoding.
pub fn read_file(path: &Path) -> Result<String> {
    read_bounded(path, MAX_CSV_BYTES)
}

/// The largest settings file read (a scenario, targets, rule book, price
/// index, residents by year): each is a few kilobytes, and a TOML reader
/// needs many times a file's size for deeply nested tables.
pub const MAX_SETTINGS_BYTES: u64 = 1024 * 1024;

/// Reads a settings file as text, as [`read_file`] reads a table.
pub fn read_settings(path: &Path) -> Result<String> {
    read_bounded(path, MAX_SETTINGS_BYTES)
}

/// A regular file's bytes, at most `limit`. A pipe, a device (/dev/zero)
/// or a folder is refused before it is read: one would wait for ever, the
/// other fill the memory.
pub fn bytes_bounded(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let file = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::input(
            Location::file(&file),
            text!("ei ole tiedosto", "inte en fil", "not a file"),
        ));
    }
    let too_large = || {
        Error::input(Location::file(&file), {
            let mb = limit >> 20;
            text!(
                "suurempi kuin {mb} Mt, enemmän kuin kivijalan lukema tiedosto",
                "större än {mb} MB, mer än en fil som kivijalka läser",
                "larger than {mb} MB, more than a file kivijalka reads"
            )
        })
    };
    // Refused by its size before a byte is read; the read is bounded too,
    // for a file that grows meanwhile.
    if meta.len() > limit {
        return Err(too_large());
    }
    let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    super::note_input(path);
    let mut bytes = Vec::new();
    f.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// A regular file's text, at most `limit` bytes, in UTF-8 and without
/// control characters.
fn read_bounded(path: &Path, limit: u64) -> Result<String> {
    let bytes = bytes_bounded(path, limit)?;
    let file = path.display().to_string();
    let text = String::from_utf8(bytes).map_err(|e| {
        let ok = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = ok.iter().filter(|b| **b == b'\n').count() + 1;
        let byte = e.as_bytes()[ok.len()];
        Error::input(
            Location::line(&file, line),
            text!(
                "ei UTF-8-tekstiä (tavu 0x{byte:02X}); tallenna tiedosto muodossa \"CSV UTF-8\" \
                 (taulukko-ohjelman muita CSV-merkistöjä ei arvata)",
                "inte UTF-8-text (byte 0x{byte:02X}); spara filen som \"CSV UTF-8\" \
                 (ett kalkylprograms andra CSV-kodningar gissas inte)",
                "not UTF-8 text (byte 0x{byte:02X}); save the file as \"CSV UTF-8\" \
                 (a spreadsheet program's other CSV encodings are not guessed)"
            ),
        )
    })?;
    no_controls(&text, &file)?;
    Ok(text)
}

/// Refuses a NUL or other control character in a table's text, naming its
/// line: in a name it would make "Kivi\0joki" a municipality of its own.
pub fn no_controls(text: &str, file: &str) -> Result<()> {
    if let Some(at) = text.bytes().position(is_control) {
        let line = text.as_bytes()[..at]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        return Err(control(Location::line(file, line), text.as_bytes()[at]));
    }
    Ok(())
}

/// The first control character of a text (tabs and line breaks are
/// layout, not controls).
pub fn control_in(text: &str) -> Option<u8> {
    text.bytes().find(|b| is_control(*b))
}

fn is_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\r' | b'\n')) || b == 0x7F
}

/// The error for a control character `byte` at `at`.
pub fn control(at: Location, byte: u8) -> Error {
    Error::input(
        at,
        text!(
            "ohjausmerkki (tavu 0x{byte:02X}) tekstissä; taulukon tekstissä niitä ei ole",
            "ett styrtecken (byte 0x{byte:02X}) i texten; en tabells text har inga",
            "a control character (byte 0x{byte:02X}) in the text; a table's text has none"
        ),
    )
}

/// A reader for `text`: semicolon-separated if the header line has a
/// semicolon, comma-separated otherwise; a byte-order mark dropped; cells
/// trimmed. `flexible` allows rows of different lengths.
pub fn reader(text: &str, flexible: bool) -> csv::Reader<&[u8]> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = if text.lines().next().is_some_and(|l| l.contains(';')) {
        b';'
    } else {
        b','
    };
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .trim(csv::Trim::All)
        .flexible(flexible)
        .from_reader(text.as_bytes())
}

/// A settings table's header row (a price index, residents by year), or a
/// settings error naming the file.
pub fn headers(rdr: &mut csv::Reader<&[u8]>, file: &str) -> Result<csv::StringRecord> {
    rdr.headers().cloned().map_err(|e| {
        Error::config(
            Location::file(file),
            text!(
                "ei CSV-tiedosto: {e}",
                "inte en CSV-fil: {e}",
                "not a CSV file: {e}"
            ),
        )
    })
}

/// A settings table's row, or a settings error naming its line.
pub fn record(
    rec: csv::Result<csv::StringRecord>,
    file: &str,
    line: usize,
) -> Result<csv::StringRecord> {
    rec.map_err(|e| {
        Error::config(
            Location::line(file, line),
            text!(
                "CSV-rivi ei ole luettavissa: {e}",
                "CSV-raden kan inte läsas: {e}",
                "{e}"
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_not_in_utf8_is_refused_naming_the_line() {
        let dir = std::env::temp_dir().join(format!("kivijalka-csv-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("latin1.csv");
        // "Testilä" as Windows-1252 writes it.
        std::fs::write(&p, b"kunta;vuosi\nTestil\xe4;2024\n").unwrap();
        let e = read_file(&p).unwrap_err().to_string();
        assert!(
            e.contains("line 2") && e.contains("0xE4") && e.contains("UTF-8"),
            "{e}"
        );
        std::fs::write(&p, "kunta;vuosi\nTestilä;2024\n").unwrap();
        assert!(read_file(&p).unwrap().contains("Testilä"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn semicolons_commas_and_a_byte_order_mark() {
        for text in [
            "vuosi;asukasluku\n2030;17 500\n",
            "\u{feff}vuosi;asukasluku\n2030;17 500\n",
            "vuosi,asukasluku\n2030,17 500\n",
            "\u{feff}\"vuosi\",\"asukasluku\"\n\"2030\",\"17 500\"\n",
        ] {
            let mut r = reader(text, false);
            let heads: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
            assert_eq!(heads, ["vuosi", "asukasluku"], "{text:?}");
            let row = r.records().next().unwrap().unwrap();
            assert_eq!((&row[0], &row[1]), ("2030", "17 500"), "{text:?}");
        }
    }
}
