//! Peer groups from a file of municipality codes and group names
//! (`batch --peer-group-file`), for workbooks and long tables alike.

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::{Error, Location, Result};
use crate::ingest;

/// The groups of a `code,group` file, by code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerGroups {
    pub file: String,
    /// By code, its leading zeros dropped ("091" and "91" are Helsinki):
    /// the line it is on and its group.
    groups: BTreeMap<String, (usize, String)>,
}

/// A code as the group file and the inputs are matched by: trimmed, and a
/// number's leading zeros dropped, which a spreadsheet may have eaten.
fn code_key(code: &str) -> String {
    let c = code.trim();
    if !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit()) {
        let t = c.trim_start_matches('0');
        return if t.is_empty() { "0".into() } else { t.into() };
    }
    c.to_string()
}

fn csv_error(at: Location, e: &csv::Error) -> Error {
    let e = e.to_string();
    Error::input(
        at,
        crate::text!("CSV-virhe: {e}", "CSV-fel: {e}", "CSV error: {e}"),
    )
}

/// The places of the columns `code` and `group` in the header line.
fn header(rd: &mut csv::Reader<&[u8]>, at: Location) -> Result<(usize, usize)> {
    let head: Vec<String> = match rd.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(e) => return Err(csv_error(at, &e)),
    };
    if head.iter().all(|c| c.is_empty()) {
        return Err(Error::input(
            at,
            crate::text!(
                "tiedosto on tyhjä: ensimmäinen rivi on otsikko code,group ja sen jälkeen rivi kuntaa kohden",
                "filen är tom: första raden är rubriken code,group och sedan en rad per kommun",
                "the file is empty: the first line is the header code,group, then a line per municipality"
            ),
        ));
    }
    let place = |name: &str| head.iter().position(|c| c == name);
    let (Some(ci), Some(gi)) = (place("code"), place("group")) else {
        let found = head.join(",");
        return Err(Error::input(
            at,
            crate::text!(
                "ensimmäinen rivi on otsikko, jossa sarakkeet code ja group; rivillä on \"{found}\"",
                "första raden är en rubrik med kolumnerna code och group; raden har \"{found}\"",
                "the first line is a header with the columns code and group; the line has \"{found}\""
            ),
        ));
    };
    Ok((ci, gi))
}

impl PeerGroups {
    /// Reads `code,group` (a header, then a line per municipality; commas
    /// or semicolons). A code listed twice, an empty code or group, a
    /// missing header or no lines at all is an error naming the line.
    pub fn read(path: &Path) -> Result<PeerGroups> {
        let text = ingest::csv_text::read_file(path)?;
        PeerGroups::parse(&text, &path.display().to_string())
    }

    pub fn parse(text: &str, file: &str) -> Result<PeerGroups> {
        let at = |line: usize| Location::line(file, line);
        let mut rd = ingest::csv_text::reader(text, true);
        let (ci, gi) = header(&mut rd, at(1))?;
        let mut groups: BTreeMap<String, (usize, String)> = BTreeMap::new();
        for rec in rd.records() {
            let rec = rec.map_err(|e| {
                let line = e.position().map_or(0, |p| p.line() as usize);
                csv_error(at(line), &e)
            })?;
            let line = rec.position().map_or(0, |p| p.line() as usize);
            if rec.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let cell = |i: usize| rec.get(i).unwrap_or("").trim();
            let (code, group) = (cell(ci), cell(gi));
            if code.is_empty() || group.is_empty() {
                return Err(Error::input(
                    at(line),
                    crate::text!(
                        "rivillä pitää olla sekä kunnan koodi (code) että ryhmä (group)",
                        "raden ska ha både kommunens kod (code) och grupp (group)",
                        "the line needs both a municipality's code (code) and a group (group)"
                    ),
                ));
            }
            if let Some((l, g)) = groups.get(&code_key(code)) {
                return Err(Error::input(
                    at(line),
                    crate::text!(
                        "koodi {code} on jo rivillä {l} (ryhmä \"{g}\"); kunta kuuluu yhteen ryhmään",
                        "koden {code} finns redan på rad {l} (grupp \"{g}\"); en kommun hör till en grupp",
                        "the code {code} is already on line {l} (group \"{g}\"); a municipality is in one group"
                    ),
                ));
            }
            groups.insert(code_key(code), (line, group.to_string()));
        }
        if groups.is_empty() {
            return Err(Error::input(
                at(1),
                crate::text!(
                    "tiedostossa on vain otsikko: ei yhtään kuntaa ryhmineen",
                    "filen har bara en rubrik: inga kommuner med grupper",
                    "the file has a header only: no municipality with its group"
                ),
            ));
        }
        Ok(PeerGroups {
            file: file.to_string(),
            groups,
        })
    }

    /// A municipality's group by its code; None when the file leaves it out.
    pub fn of(&self, code: Option<&str>) -> Option<&str> {
        (self.groups.get(&code_key(code?))).map(|(_, g)| g.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_with_or_without_leading_zeros() {
        let g = PeerGroups::parse("Code;Group\n091;Uusimaa\n\n837;Pirkanmaa\n", "g.csv").unwrap();
        assert_eq!(g.of(Some("91")), Some("Uusimaa"));
        assert_eq!(g.of(Some(" 091 ")), Some("Uusimaa"));
        assert_eq!(g.of(Some("837")), Some("Pirkanmaa"));
        assert_eq!(g.of(Some("049")), None);
        assert_eq!(g.of(None), None);
        let twice = PeerGroups::parse("code,group\n91,a\n091,b\n", "g.csv").unwrap_err();
        let msg = twice.chain_in(crate::report::Lang::En).join(": ");
        assert!(
            msg.contains("g.csv, line 3") && msg.contains("line 2"),
            "{msg}"
        );
    }
}
