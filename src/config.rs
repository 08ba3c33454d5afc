//! The pieces a command's validated config is made of, and the settings
//! files at the edge: the targets (TOML) and price-index series (CSV) become
//! model values here, with errors naming the file and line.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::model::location::Location;
use crate::model::price_index::PriceIndex;
use crate::model::targets::Targets;
use crate::report::{Lang, OutputFormat};
use crate::text;

/// The workbook a command reads, and whether to read past the errors
/// reading finds in it.
#[derive(Clone, Debug)]
pub struct Input {
    pub workbook: PathBuf,
    pub allow_unknown: bool,
}

/// Where a command prints (standard output, or a file written whole), in
/// which form and language.
#[derive(Clone, Debug)]
pub struct Output {
    pub format: OutputFormat,
    pub lang: Lang,
    pub out: Option<PathBuf>,
    /// Tables at full width even on a narrower terminal (`--wide`).
    pub wide: bool,
}

/// The years a command shows (`--years`): a range, or all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Years(pub Option<(i32, i32)>);

impl Years {
    pub const ALL: Years = Years(None);

    pub fn shows(self, y: i32) -> bool {
        self.0.is_none_or(|(a, b)| (a..=b).contains(&y))
    }
}

/// What a measurement is measured against: the targets and the price index
/// (the shipped series with the user's files laid over it).
#[derive(Clone, Debug)]
pub struct Settings {
    pub targets: Targets,
    pub index: PriceIndex,
    /// The files they were read from, which a report lists with their
    /// fingerprints: the targets file, if any, and the index files in order.
    pub files: (Option<PathBuf>, Vec<PathBuf>),
}

impl Settings {
    /// Reads the files the flags name; the one step of a command's config
    /// that does I/O, so it comes after every flag is checked.
    pub fn load(targets: Option<&Path>, index: &[PathBuf]) -> Result<Settings> {
        Ok(Settings {
            targets: load_targets(targets)?,
            index: load_index(index)?,
            files: (targets.map(Path::to_path_buf), index.to_vec()),
        })
    }
}

/// The KPHI series shipped with the tool (data/kphi.csv).
pub const BUILTIN_KPHI: &str = include_str!("../data/kphi.csv");

pub fn read_to_string(path: &Path) -> Result<String> {
    crate::ingest::csv_text::read_settings(path)
}

pub fn parse_targets(text: &str, file: &str) -> Result<Targets> {
    let t: Targets = toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].lines().count().max(1));
        let at = Location {
            file: file.to_string(),
            sheet: None,
            cell: line.map(|l| format!("line {l}")),
        };
        Error::config(at, crate::scenario_file::toml_words(e.message()))
    })?;
    t.check()
        .map_err(|m| Error::config(Location::file(file), m))?;
    Ok(t)
}

pub fn load_targets(path: Option<&Path>) -> Result<Targets> {
    match path {
        None => Ok(Targets::default()),
        Some(p) => parse_targets(&read_to_string(p)?, &p.display().to_string()),
    }
}

/// A price-index CSV: columns `year` and a change in % (`kphi_change_pct`,
/// `change_pct` or the second column), optionally `source`.
pub fn parse_index(text: &str, file: &str, name: &str) -> Result<PriceIndex> {
    let mut rdr = crate::ingest::csv_text::reader(text, false);
    let headers = crate::ingest::csv_text::headers(&mut rdr, file)?;
    let col = |names: &[&str]| {
        headers
            .iter()
            .position(|h| names.contains(&h.to_lowercase().as_str()))
    };
    let year_col = col(&["year", "vuosi"]).ok_or_else(|| {
        let message = text!(
            "ei saraketta 'year'",
            "ingen kolumn 'year'",
            "no column 'year'"
        );
        Error::config(Location::file(file), message)
    })?;
    let change_col = col(&["kphi_change_pct", "change_pct", "muutos_pct", "change"])
        .or(if headers.len() >= 2 { Some(1) } else { None })
        .ok_or_else(|| {
            let message = text!(
                "ei saraketta, jossa on muutos prosentteina",
                "ingen kolumn med förändringen i %",
                "no column with the change in %"
            );
            Error::config(Location::file(file), message)
        })?;
    let source_col = col(&["source", "lahde"]);
    let mut pi = PriceIndex {
        name: name.to_string(),
        ..Default::default()
    };
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let at = || Location::line(file, line);
        let rec = crate::ingest::csv_text::record(rec, file, line)?;
        // Years as a scenario's are bounded; a year given twice would let
        // the later line win unseen.
        use crate::model::scenario::{FIRST_YEAR, LAST_YEAR};
        let y: i32 = (rec.get(year_col).unwrap_or("").parse().ok())
            .filter(|y| (FIRST_YEAR..=LAST_YEAR).contains(y) && !pi.changes.contains_key(y))
            .ok_or_else(|| {
                Error::config(at(), {
                    let y = crate::ingest::number::quoted(rec.get(year_col).unwrap_or(""));
                    text!(
                        "'{y}' ei ole vuosi väliltä {FIRST_YEAR}–{LAST_YEAR}, jota ei ole jo annettu",
                        "'{y}' är inte ett år mellan {FIRST_YEAR} och {LAST_YEAR} som inte redan givits",
                        "'{y}' is not a year from {FIRST_YEAR} to {LAST_YEAR} not given already"
                    )
                })
            })?;
        let raw = rec
            .get(change_col)
            .unwrap_or("")
            .replace(',', ".")
            .replace('\u{2212}', "-");
        let v = Decimal::from_str(&raw).map_err(|_| {
            let message = text!(
                "'{raw}' ei ole prosenttiluku",
                "'{raw}' är inte en procentsats",
                "'{raw}' is not a percentage"
            );
            Error::config(at(), message)
        })?;
        // A fall of 100 % or more leaves no price level to index by.
        if v <= -Decimal::ONE_HUNDRED || v > Decimal::ONE_THOUSAND {
            return Err(Error::config(
                at(),
                text!(
                    "muutos {v} % ei ole välillä yli −100 … 1000 %",
                    "förändringen {v} % ligger inte mellan över −100 och 1000 %",
                    "change {v} % is not above −100 % and at most 1000 %"
                ),
            ));
        }
        pi.changes.insert(y, v);
        if let Some(s) = source_col.and_then(|c| rec.get(c)) {
            pi.sources.insert(y, s.to_string());
        }
    }
    Ok(pi)
}

/// The shipped KPHI series, with the user's files laid over it in order.
pub fn load_index(extra: &[PathBuf]) -> Result<PriceIndex> {
    let mut pi = parse_index(
        BUILTIN_KPHI,
        "data/kphi.csv",
        "KPHI (kuntien peruspalvelujen hintaindeksi)",
    )?;
    for p in extra {
        let text = read_to_string(p)?;
        let mut more = parse_index(&text, &p.display().to_string(), "")?;
        more.name = format!("{} + {}", pi.name, p.display());
        pi.overlay(more);
    }
    Ok(pi)
}
