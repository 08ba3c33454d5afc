//! Where in an input a figure, finding or error was found: the file, and
//! where it can, the sheet and cell or the line. The model carries it with
//! every figure, so a finding can send the reader straight to the cell.

use std::fmt;

use crate::report::format::Lang;

/// Where in an input something was found: file, sheet and cell ("C12").
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Location {
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

impl Location {
    pub fn file(file: impl Into<String>) -> Self {
        Location {
            file: file.into(),
            sheet: None,
            cell: None,
        }
    }
    pub fn cell(
        file: impl Into<String>,
        sheet: impl Into<String>,
        cell: impl Into<String>,
    ) -> Self {
        Location {
            file: file.into(),
            sheet: Some(sheet.into()),
            cell: Some(cell.into()),
        }
    }
    /// A line of a text file (CSV, TOML).
    pub fn line(file: impl Into<String>, line: usize) -> Self {
        Location {
            file: file.into(),
            sheet: None,
            cell: Some(format!("line {line}")),
        }
    }
    pub fn sheet(file: impl Into<String>, sheet: impl Into<String>) -> Self {
        Location {
            file: file.into(),
            sheet: Some(sheet.into()),
            cell: None,
        }
    }
}

impl Location {
    /// The row number of the cell ("7" for "B7").
    pub fn row(&self) -> Option<&str> {
        self.cell
            .as_deref()
            .map(|c| c.trim_start_matches(|ch: char| ch.is_ascii_alphabetic()))
    }
}

impl Location {
    /// The location in `lang`'s words: "f.xlsx, taulukko 'Tase', solu C7",
    /// "f.xlsx, blad 'Tase', cell C7", "f.xlsx, sheet 'Tase', cell C7"; a
    /// text file's "rivi 12", "rad 12", "line 12".
    pub fn show(&self, lang: Lang) -> String {
        let mut s = self.file.clone();
        if let Some(sheet) = &self.sheet {
            let word = lang.tr("taulukko", "blad", "sheet");
            s.push_str(&format!(", {word} '{sheet}'"));
        }
        if let Some(c) = &self.cell {
            match c.strip_prefix("line ") {
                Some(n) => s.push_str(&format!(", {} {n}", lang.tr("rivi", "rad", "line"))),
                None => s.push_str(&format!(", {} {c}", lang.tr("solu", "cell", "cell"))),
            }
        }
        s
    }
}

/// The English words, as CSV, JSON and logs carry them.
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.show(Lang::En))
    }
}

/// Turns a zero-based (row, column) into an Excel cell name such as "B7".
/// Counted in 64 bits: a hostile file may name row or column u32::MAX.
pub fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col as u64 + 1;
    while c > 0 {
        let rem = ((c - 1) % 26) as u8;
        letters.push((b'A' + rem) as char);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!(
        "{}{}",
        letters.into_iter().collect::<String>(),
        row as u64 + 1
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_location_is_worded_in_each_language() {
        let cell = Location::cell("k.xlsx", "Tase", "C7");
        assert_eq!(cell.show(Lang::Fi), "k.xlsx, taulukko 'Tase', solu C7");
        assert_eq!(cell.show(Lang::Sv), "k.xlsx, blad 'Tase', cell C7");
        assert_eq!(cell.to_string(), "k.xlsx, sheet 'Tase', cell C7");
        let line = Location::line("s.toml", 12);
        assert_eq!(line.show(Lang::Fi), "s.toml, rivi 12");
        assert_eq!(line.show(Lang::Sv), "s.toml, rad 12");
        assert_eq!(line.to_string(), "s.toml, line 12");
        assert_eq!(Location::file("k.xlsx").show(Lang::Sv), "k.xlsx");
    }

    #[test]
    fn cell_names_follow_excel() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(6, 1), "B7");
        assert_eq!(cell_name(0, 25), "Z1");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(9, 701), "ZZ10");
        assert_eq!(cell_name(0, 702), "AAA1");
        // The last a 32-bit row and column can name: no overflow.
        assert!(cell_name(u32::MAX, u32::MAX).ends_with("4294967296"));
    }
}
