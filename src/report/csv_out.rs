//! Every CSV file kivijalka writes goes through here, so that no text cell
//! can run as a formula when a finance officer opens the file in a
//! spreadsheet. Municipality names, labels and messages come from workbooks
//! and file names the tool does not control.
//!
//! The rule is OWASP's for CSV injection: a cell that begins with `=`, `+`,
//! `-`, `@`, a tab or a carriage return is prefixed with a single quote,
//! which spreadsheets show as text. A number such as `-12.5` is left as it
//! is: it is what the column holds, and a spreadsheet reads it as a number.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;

/// A cell as it may be written: text a spreadsheet would evaluate is
/// quoted, numbers and everything else stay as they are.
pub fn cell(s: &str) -> Cow<'_, str> {
    let risky = s
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    if risky && !is_number(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A plain signed decimal number (`-12.5`, `+3`, `-1.5e-3`): nothing a
/// spreadsheet could read as a formula. `-inf` and `-nan` are not numbers
/// here; they are text a spreadsheet would try to evaluate.
fn is_number(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
        && s.chars().any(|c| c.is_ascii_digit())
        && s.parse::<f64>().is_ok_and(f64::is_finite)
}

/// A CSV writer whose every cell passes through [`cell`].
pub struct Writer<W: Write> {
    inner: csv::Writer<W>,
    headers_written: bool,
}

impl<W: Write> Writer<W> {
    pub fn from_writer(w: W) -> Self {
        Writer {
            inner: csv::Writer::from_writer(w),
            headers_written: false,
        }
    }

    pub fn write_record<I, T>(&mut self, record: I) -> csv::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        let cells: Vec<String> = record
            .into_iter()
            .map(|c| cell(c.as_ref()).into_owned())
            .collect();
        self.inner.write_record(&cells)
    }

    /// A record from a struct, its field names as the header before the
    /// first one, as `csv::Writer::serialize` does; the cells are those
    /// serde writes, each passed through [`cell`].
    pub fn serialize<S: Serialize>(&mut self, record: S) -> csv::Result<()> {
        let mut buf = csv::WriterBuilder::new()
            .has_headers(!self.headers_written)
            .from_writer(Vec::new());
        buf.serialize(record)?;
        let bytes = buf
            .into_inner()
            .map_err(|e| csv::Error::from(io::Error::other(e.to_string())))?;
        self.headers_written = true;
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes.as_slice());
        for rec in rdr.records() {
            self.write_record(rec?.iter())?;
        }
        Ok(())
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_quoted_and_numbers_kept() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("+Kunta"), "'+Kunta");
        assert_eq!(cell("-Kunta"), "'-Kunta");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\rx"), "'\rx");
        assert_eq!(cell("-inf"), "'-inf");
        assert_eq!(cell("-1+1"), "'-1+1");
        assert_eq!(cell("-12.5"), "-12.5");
        assert_eq!(cell("+3"), "+3");
        assert_eq!(cell("-1.5e-3"), "-1.5e-3");
        assert_eq!(cell("Kivikoski"), "Kivikoski");
        assert_eq!(cell(""), "");
    }

    #[test]
    fn serialized_records_are_quoted_too() {
        #[derive(Serialize)]
        struct R<'a> {
            name: &'a str,
            value: &'a str,
        }
        let mut out = Vec::new();
        {
            let mut w = Writer::from_writer(&mut out);
            w.serialize(R {
                name: "=1+1",
                value: "-3.5",
            })
            .unwrap();
            w.serialize(R {
                name: "Kivikoski",
                value: "2",
            })
            .unwrap();
            w.flush().unwrap();
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "name,value\n'=1+1,-3.5\nKivikoski,2\n"
        );
    }
}
