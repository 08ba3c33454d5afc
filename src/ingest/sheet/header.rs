//! What the cells of a header row say: a year and its kind, a unit, or a
//! column to leave unread and why.

use rust_decimal::Decimal;

use crate::error::cell_name;
use crate::ingest::grid::{Cell, Grid};
use crate::ingest::number::{self, Num};
use crate::model::dataset::YearKind;
use crate::model::labels;

pub(super) enum Header {
    Year {
        year: i32,
        kind: Option<YearKind>,
    },
    /// A column that looks like a year column but must not be read as one.
    Ignored {
        /// Why, in Finnish, Swedish and English.
        reason: [&'static str; 3],
    },
    /// An amended budget: read as the year's budget only where no other
    /// column gives the year.
    Amended {
        year: i32,
    },
    NotYear,
}

fn words(text: &str) -> Vec<String> {
    labels::normalize_keep_numbers(text)
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

pub(super) fn classify_header(cell: &Cell) -> Header {
    match cell {
        Cell::Number(n) => {
            if n.decimals == 0 && n.value >= Decimal::from(1990) && n.value <= Decimal::from(2100) {
                let y: i32 = n.value.try_into().unwrap_or(0);
                Header::Year {
                    year: y,
                    kind: None,
                }
            } else {
                Header::NotYear
            }
        }
        Cell::Text(t) => classify_header_text(t),
        _ => Header::NotYear,
    }
}

pub(super) fn classify_header_text(text: &str) -> Header {
    // A balance sheet heads its columns with the year's last day
    // ("31.12.2024", "TP 31.12.2024", or a date cell Excel shows so): the
    // day is the year's end, as the year alone says.
    let text = &text.replace("31.12.", " ");
    let w = words(text);
    let years: Vec<i32> = w
        .iter()
        .filter(|x| x.len() == 4 && x.chars().all(|c| c.is_ascii_digit()))
        .filter_map(|x| x.parse().ok())
        .filter(|y| (1990..=2100).contains(y))
        .collect();
    // "1.1.2024-31.12.2024": a period within one year is that year.
    let mut years = years;
    years.dedup();
    if years.len() != 1 {
        // "TP 2023 - TP 2024" or no year at all.
        return if years.len() > 1 {
            Header::Ignored {
                reason: [
                    "kahden vuoden vertailu",
                    "en jämförelse mellan två år",
                    "a comparison of two years",
                ],
            }
        } else {
            Header::NotYear
        };
    }
    let mut kind = None;
    let raw = text.to_lowercase();
    if raw.contains('%') {
        return Header::Ignored {
            reason: ["prosenttisarake", "en procentkolumn", "a percentage column"],
        };
    }
    for word in &w {
        let word = word.as_str();
        if word.len() == 4 && word.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let k = match word {
            "tp" | "tilinpaatos" | "toteutuma" | "toteutunut" | "toteuma" | "tot" | "bokslut"
            | "bs" | "actual" | "actuals" | "utfall" => Some(YearKind::TP),
            // A restated comparative is the year's actuals, as now reported.
            w if is_restated_word(w) => None,
            "ta" | "talousarvio" | "budjetti" | "budget" | "alkuperainen" | "bg" => {
                Some(YearKind::TA)
            }
            "ts" | "taloussuunnitelma" | "suunnitelma" | "ekonomiplan" | "ep" | "plan" | "tas" => {
                Some(YearKind::TS)
            }
            "muutettu" | "muutokset" | "muutoksineen" | "muutoksin" | "lisatalousarvio"
            | "andrad" | "amended" | "revised" | "m" => {
                return Header::Amended { year: years[0] };
            }
            "muutos" | "ero" | "poikkeama" | "kasvu" | "forandring" | "change" | "diff"
            | "erotus" | "vs" => {
                return Header::Ignored {
                    reason: ["muutossarake", "en förändringskolumn", "a change column"],
                };
            }
            "ennuste" | "arvio" | "prognos" | "forecast" | "estimate" => {
                return Header::Ignored {
                    reason: ["ennustesarake", "en prognoskolumn", "a forecast column"],
                };
            }
            "1000" | "000" | "1" | "eur" | "euroa" | "te" | "teur" | "t" | "keur" | "meur"
            | "milj" | "kaupunki" | "kunta" | "konserni" | "vuosi" | "v" | "ar" | "year" => None,
            _ => {
                return Header::Ignored {
                    reason: [
                        "sarake, jonka otsikko ei ole vuosi",
                        "en kolumn vars rubrik inte är ett år",
                        "a column whose heading is not a year",
                    ],
                };
            }
        };
        if k.is_some() {
            kind = k;
        }
    }
    Header::Year {
        year: years[0],
        kind,
    }
}

fn is_restated_word(w: &str) -> bool {
    matches!(
        w,
        "oikaistu" | "oikaistut" | "oikaisu" | "restated" | "justerad" | "justerat" | "justerade"
    )
}

/// Whether a year heading names a restated comparative ("TP 2023 oikaistu").
pub(super) fn is_restated(text: &str) -> bool {
    words(text).iter().any(|w| is_restated_word(w))
}

/// The unit a text names, as euros per unit. Unit words are matched as
/// whole words, so "Vastuut €" is euros, not "t€".
pub fn unit_in(text: &str) -> Option<Decimal> {
    let lower = text.to_lowercase();
    let compact: String = lower
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{00A0}' | '\u{2009}' | '\u{202F}'))
        .collect();
    let million = Decimal::from(1_000_000);
    let thousand = Decimal::from(1000);
    // The unit after the currency too, as some ledgers print it: "EUR 1 000".
    if ["1000000€", "1000000eur", "eur1000000", "€1000000"]
        .iter()
        .any(|m| compact.contains(m))
    {
        return Some(million);
    }
    if [
        "1000€", "1000eur", "1000euro", "eur1000", "€1000", "euro1000",
    ]
    .iter()
    .any(|m| compact.contains(m))
    {
        return Some(thousand);
    }
    let words: Vec<&str> = lower
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';' | ':' | '/' | '\u{00A0}')
        })
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    let scale_of = |w: &str| match w {
        "t€" | "teur" | "keur" | "k€" | "t.€" | "tuhatta" | "tuhansina" | "tusen" => {
            Some(thousand)
        }
        "m€" | "meur" | "milj" | "milj.€" | "milj€" | "miljoonaa" | "miljoonina" | "miljoner"
        | "mn€" => Some(million),
        _ => None,
    };
    if let Some(s) = words.iter().find_map(|w| scale_of(w)) {
        return Some(s);
    }
    // "t. €", "k €": the prefix a word of its own before the currency.
    let is_euro = |w: &str| matches!(w, "€" | "eur" | "euro" | "euroa");
    for pair in words.windows(2) {
        if is_euro(pair[1]) {
            match pair[0] {
                "t" | "k" | "tuh" => return Some(thousand),
                "m" | "mn" => return Some(million),
                _ => {}
            }
        }
    }
    // "Me", as a unit cell of its own says millions; as a word of a title
    // it is the Finnish "we".
    if words.len() == 1 && words[0] == "me" {
        return Some(million);
    }
    if words
        .iter()
        .any(|w| matches!(*w, "€" | "eur" | "euro" | "euroa" | "euros" | "euroina"))
    {
        return Some(Decimal::ONE);
    }
    None
}

/// A unit of a currency other than the euro ("tkr", Swedish thousands of
/// kronor): a sheet in it holds no euro figure, whatever its size.
pub(super) fn foreign_unit(text: &str) -> Option<()> {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';' | ':' | '/'))
        .map(|w| w.trim_matches('.'))
        .any(|w| matches!(w, "tkr" | "mkr" | "kr" | "sek" | "tsek" | "msek" | "kronor"))
        .then_some(())
}

/// A label may carry its own unit: "Vuokravastuut, 1 000 €".
pub(super) fn split_unit(label: &str) -> (String, Option<Decimal>) {
    // "Vuosikate, €/asukas" is a key ratio, not the vuosikate in euros.
    if crate::model::labels::key_ratio(label).is_some() {
        return (label.to_string(), None);
    }
    for sep in [", ", " (", ","] {
        if let Some(pos) = label.rfind(sep) {
            let tail = &label[pos + sep.len()..];
            if let Some(u) = unit_in(tail) {
                return (label[..pos].trim().to_string(), Some(u));
            }
        }
    }
    (label.to_string(), None)
}

/// The kind a text names when it stands alone over or under a year ("TP").
pub(super) fn kind_word(text: &str) -> Option<YearKind> {
    match classify_header_text(&format!("{text} 2000")) {
        Header::Year { kind, .. } => kind,
        _ => None,
    }
}

pub(super) fn number_in(cell: &Cell) -> Option<Num> {
    match cell {
        Cell::Number(n) => Some(*n),
        Cell::Text(t) => number::parse_text(t).ok().flatten(),
        _ => None,
    }
}

/// A row that holds nothing but kinds of year ("TP", "TA"): the second row of
/// a header whose years and kinds are printed on rows of their own.
pub(super) fn is_kind_row(grid: &Grid, r: u32, width: u32) -> bool {
    let mut any = false;
    for c in 0..width {
        let cell = grid.get(r, c);
        if cell.is_empty() {
            continue;
        }
        match cell.text() {
            Some(t) if kind_word(t).is_some() => any = true,
            _ => return false,
        }
    }
    any
}

/// The header cells of a row when it is a year header: a year column and no
/// statement line.
pub(super) fn header_cells(grid: &Grid, r: u32, width: u32) -> Option<Vec<(u32, Header)>> {
    let mut cols = Vec::new();
    let mut texts = Vec::new();
    for c in 0..width {
        let cell = grid.get(r, c);
        match classify_header(cell) {
            Header::NotYear => texts.extend(cell.text()),
            h => cols.push((c, h)),
        }
    }
    prefer_restated(grid, r, &mut cols);
    // Labels are looked up only on rows that could be a header at all.
    (cols.iter().any(|(_, h)| matches!(h, Header::Year { .. }))
        && texts.iter().all(|t| labels::statements_of(t).is_empty()))
    .then_some(cols)
}

/// A restated comparative ("TP 2023 oikaistu") replaces the year's actuals
/// as first published ("TP 2023") beside it: the restatement is what the
/// later statements build on.
fn prefer_restated(grid: &Grid, r: u32, cols: &mut [(u32, Header)]) {
    let restated_text = |c: u32| grid.get(r, c).text().is_some_and(is_restated);
    let restated: Vec<i32> = (cols.iter())
        .filter(|(c, _)| restated_text(*c))
        .filter_map(|(_, h)| match h {
            Header::Year {
                year,
                kind: None | Some(YearKind::TP),
            } => Some(*year),
            _ => None,
        })
        .collect();
    for (c, h) in cols.iter_mut() {
        if let Header::Year {
            year,
            kind: None | Some(YearKind::TP),
        } = h
            && restated.contains(year)
            && !restated_text(*c)
        {
            *h = Header::Ignored {
                reason: [
                    "vuoden oikaistu vertailutieto on vieressä ja luetaan sen sijaan",
                    "årets justerade jämförelsetal står bredvid och läses i stället",
                    "the year's restated comparative beside it is read instead",
                ],
            };
        }
    }
}

/// A year heading in words ("TP 2023"), not a bare number.
pub(super) fn has_text_year(grid: &Grid, r: u32, cols: &[(u32, Header)]) -> bool {
    cols.iter().any(|(c, h)| {
        matches!(h, Header::Year { .. })
            && matches!(grid.get(r, *c), Cell::Text(t)
                if !t.trim().chars().all(|ch| ch.is_ascii_digit()))
    })
}

/// Whether a row below the first table starts another one. A heading such as
/// "TP 2023" is one; bare numbers only when nothing but units and kinds stand
/// beside them, so that a row whose figure happens to be 2024 is not taken
/// for a header.
pub(super) fn is_block_header(grid: &Grid, r: u32, cols: &[(u32, Header)], width: u32) -> bool {
    if has_text_year(grid, r, cols) {
        return true;
    }
    (0..width).all(|c| {
        if cols.iter().any(|(cc, _)| *cc == c) {
            return true;
        }
        match grid.get(r, c) {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty() || unit_in(t).is_some() || kind_word(t).is_some(),
            _ => false,
        }
    })
}

/// A row of nothing but titles: units, words that name no statement line,
/// blanks. Such rows stand above a table's header, or just under it.
pub(super) fn is_title_row(grid: &Grid, r: u32) -> bool {
    (0..grid.width()).all(|c| match grid.get(r, c) {
        Cell::Empty => true,
        Cell::Text(t) => {
            t.trim().is_empty()
                || unit_in(t).is_some()
                || (number::parse_text(t).ok().flatten().is_none()
                    && labels::statements_of(t).is_empty())
        }
        _ => false,
    })
}

pub(super) fn col_name(c: u32) -> String {
    cell_name(0, c).trim_end_matches('1').to_string()
}

pub(super) fn header_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => t.trim().to_string(),
        Cell::Number(n) => n.value.to_string(),
        _ => String::new(),
    }
}
