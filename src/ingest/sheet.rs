//! The layout of one statement sheet: title rows with the unit, a header row
//! of year columns, then one row a line with its label on the left.

use rust_decimal::Decimal;

use crate::error::{Location, cell_name};
use crate::ingest::grid::{Cell, Grid};
use crate::ingest::number::{self, Num};
use crate::model::dataset::YearKind;
use crate::model::findings::Finding;
use crate::model::labels;

/// How far down a header row is looked for.
const HEADER_SEARCH_ROWS: u32 = 40;

#[derive(Clone, Debug)]
pub struct YearColumn {
    pub col: u32,
    pub year: i32,
    pub kind: YearKind,
}

#[derive(Clone, Debug)]
pub struct Row {
    pub row: u32,
    pub label: String,
    pub label_col: u32,
    /// (year, number, column); text that was not a number is in `findings`.
    pub values: Vec<(i32, Num, u32)>,
    /// The row's own unit, when its label says one ("Vuokravastuut, 1 000 €").
    pub scale: Option<Decimal>,
}

#[derive(Clone, Debug)]
pub struct Layout {
    /// Euros per unit of the figures: 1, 1000 or 1 000 000.
    pub scale: Decimal,
    pub unit_found: Option<String>,
    pub header_row: u32,
    pub years: Vec<YearColumn>,
    pub rows: Vec<Row>,
    /// Text above the header row, lower-cased: the sheet's titles.
    pub titles: String,
    pub findings: Vec<Finding>,
}

enum Header {
    Year {
        year: i32,
        kind: Option<YearKind>,
    },
    /// A column that looks like a year column but must not be read as one.
    Ignored {
        reason: &'static str,
    },
    NotYear,
}

fn words(text: &str) -> Vec<String> {
    labels::normalize_keep_numbers(text)
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

fn classify_header(cell: &Cell) -> Header {
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

fn classify_header_text(text: &str) -> Header {
    let w = words(text);
    let years: Vec<i32> = w
        .iter()
        .filter(|x| x.len() == 4 && x.chars().all(|c| c.is_ascii_digit()))
        .filter_map(|x| x.parse().ok())
        .filter(|y| (1990..=2100).contains(y))
        .collect();
    if years.len() != 1 {
        // "TP 2023 - TP 2024" or no year at all.
        return if years.len() > 1 {
            Header::Ignored {
                reason: "a comparison of two years",
            }
        } else {
            Header::NotYear
        };
    }
    let mut kind = None;
    let raw = text.to_lowercase();
    if raw.contains('%') {
        return Header::Ignored {
            reason: "a percentage column",
        };
    }
    for word in &w {
        let word = word.as_str();
        if word.len() == 4 && word.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let k = match word {
            "tp" | "tilinpaatos" | "toteutuma" | "toteutunut" | "toteuma" | "bokslut" | "bs"
            | "actual" | "actuals" | "utfall" => Some(YearKind::TP),
            "ta" | "talousarvio" | "budjetti" | "budget" | "alkuperainen" | "bg" => {
                Some(YearKind::TA)
            }
            "ts" | "taloussuunnitelma" | "suunnitelma" | "ekonomiplan" | "ep" | "plan" | "tas" => {
                Some(YearKind::TS)
            }
            "muutettu" | "muutokset" | "muutoksineen" | "muutoksin" | "lisatalousarvio"
            | "andrad" | "amended" | "revised" | "m" => {
                return Header::Ignored {
                    reason: "an amended budget",
                };
            }
            "muutos" | "ero" | "poikkeama" | "kasvu" | "forandring" | "change" | "diff"
            | "erotus" | "vs" => {
                return Header::Ignored {
                    reason: "a change column",
                };
            }
            "ennuste" | "arvio" | "prognos" | "forecast" | "estimate" => {
                return Header::Ignored {
                    reason: "a forecast column",
                };
            }
            "1000" | "000" | "1" | "eur" | "euroa" | "te" | "teur" | "t" | "keur" | "meur"
            | "milj" | "kaupunki" | "kunta" | "konserni" | "vuosi" | "ar" | "year" => None,
            _ => {
                return Header::Ignored {
                    reason: "a column whose heading is not a year",
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
    if ["1000000€", "1000000eur"]
        .iter()
        .any(|m| compact.contains(m))
    {
        return Some(million);
    }
    if ["1000€", "1000eur", "1000euro"]
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
        "t€" | "teur" | "keur" | "t.€" | "tuhatta" | "tuhansina" | "tusen" => Some(thousand),
        "m€" | "meur" | "milj" | "milj.€" | "milj€" | "miljoonaa" | "miljoonina" | "miljoner"
        | "mn€" => Some(million),
        _ => None,
    };
    if let Some(s) = words.iter().find_map(|w| scale_of(w)) {
        return Some(s);
    }
    if words
        .iter()
        .any(|w| matches!(*w, "€" | "eur" | "euro" | "euroa" | "euros" | "euroina"))
    {
        return Some(Decimal::ONE);
    }
    None
}

/// A label may carry its own unit: "Vuokravastuut, 1 000 €".
fn split_unit(label: &str) -> (String, Option<Decimal>) {
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

pub fn read_layout(grid: &Grid, file: &str) -> Result<Layout, Finding> {
    let at = |r: u32, c: u32| Location::cell(file, grid.name.clone(), cell_name(r, c));
    let mut findings = Vec::new();

    // The header row: the first row with a year column and no statement line.
    let mut header = None;
    for r in 0..grid.height().min(HEADER_SEARCH_ROWS) {
        let mut cols = Vec::new();
        let mut has_label = false;
        for c in 0..grid.width() {
            let cell = grid.get(r, c);
            match classify_header(cell) {
                Header::NotYear => {
                    if let Some(t) = cell.text()
                        && !labels::statements_of(t).is_empty()
                    {
                        has_label = true;
                    }
                }
                h => cols.push((c, h)),
            }
        }
        if !has_label && cols.iter().any(|(_, h)| matches!(h, Header::Year { .. })) {
            header = Some((r, cols));
            break;
        }
    }
    let Some((header_row, cols)) = header else {
        return Err(Finding::error(
            "no_year_columns",
            format!(
                "no header row with year columns (such as \"TP 2024\", \"TA 2026\" or 2024) in the first {HEADER_SEARCH_ROWS} rows"
            ),
            vec![Location::sheet(file, grid.name.clone())],
        ));
    };

    let first_year_col = cols
        .iter()
        .filter(|(_, h)| matches!(h, Header::Year { .. }))
        .map(|(c, _)| *c)
        .min()
        .unwrap_or(0);

    // Titles and unit: the text above and on the header row.
    let mut titles = String::new();
    let mut unit_found = None;
    let mut scale = None;
    for r in 0..=header_row {
        for c in 0..grid.width() {
            if let Some(t) = grid.get(r, c).text() {
                titles.push_str(&t.to_lowercase());
                titles.push(' ');
                if scale.is_none()
                    && let Some(u) = unit_in(t)
                {
                    scale = Some(u);
                    unit_found = Some(format!("\"{t}\" in {}", cell_name(r, c)));
                }
            }
        }
    }
    let scale = match scale {
        Some(s) => s,
        None => {
            findings.push(Finding::warning(
                "unit_assumed",
                "no unit found above the figures (such as \"1 000 €\"); figures read as euros",
                vec![Location::sheet(file, grid.name.clone())],
            ));
            Decimal::ONE
        }
    };

    // Year columns: kind from the cell itself, or from a merged cell above.
    let mut years: Vec<(YearColumn, Location)> = Vec::new();
    for (c, h) in &cols {
        match h {
            Header::Year { year, kind } => {
                let kind = kind.or_else(|| {
                    if header_row == 0 {
                        return None;
                    }
                    (first_year_col.min(*c)..=*c).rev().find_map(|cc| {
                        grid.get(header_row - 1, cc).text().and_then(
                            |t| match classify_header_text(&format!("{t} 2000")) {
                                Header::Year { kind, .. } => kind,
                                _ => None,
                            },
                        )
                    })
                });
                let kind = match kind {
                    Some(k) => k,
                    None => {
                        findings.push(Finding::notice(
                            "year_kind_assumed",
                            format!("column heading {year} does not say TP, TA or TS; read as actuals (TP)"),
                            vec![at(header_row, *c)],
                        ));
                        YearKind::TP
                    }
                };
                years.push((
                    YearColumn {
                        col: *c,
                        year: *year,
                        kind,
                    },
                    at(header_row, *c),
                ));
            }
            Header::Ignored { reason } => findings.push(Finding::notice(
                "column_ignored",
                format!(
                    "column \"{}\" ignored: {reason}",
                    header_text(grid.get(header_row, *c))
                ),
                vec![at(header_row, *c)],
            )),
            Header::NotYear => {}
        }
    }
    for c in first_year_col + 1..grid.width() {
        let cell = grid.get(header_row, c);
        if let (Some(t), Header::NotYear) = (cell.text(), classify_header(cell)) {
            findings.push(Finding::notice(
                "column_ignored",
                format!("column \"{t}\" ignored: its heading is not a year"),
                vec![at(header_row, c)],
            ));
        }
    }
    // The same year twice: an actual beside its budget keeps the actual; the
    // same year and kind twice cannot be told apart.
    let mut kept: Vec<(YearColumn, Location)> = Vec::new();
    for (yc, loc) in years {
        if let Some(i) = kept.iter().position(|(k, _)| k.year == yc.year) {
            let (other, other_loc) = &kept[i];
            if other.kind == yc.kind {
                return Err(Finding::error(
                    "duplicate_year",
                    format!(
                        "year {} {} has two columns; which one holds the figures?",
                        yc.kind, yc.year
                    ),
                    vec![other_loc.clone(), loc],
                ));
            }
            let (keep, drop) = if other.kind <= yc.kind {
                (i, (yc, loc))
            } else {
                let dropped = kept[i].clone();
                kept[i] = (yc, loc);
                (i, dropped)
            };
            findings.push(Finding::notice(
                "column_ignored",
                format!(
                    "column {} {} ignored: {} {} of the same year is read",
                    drop.0.kind, drop.0.year, kept[keep].0.kind, kept[keep].0.year
                ),
                vec![drop.1],
            ));
        } else {
            kept.push((yc, loc));
        }
    }
    let years: Vec<YearColumn> = kept.into_iter().map(|(y, _)| y).collect();

    // Data rows.
    let mut rows = Vec::new();
    for r in header_row + 1..grid.height() {
        let mut label_parts = Vec::new();
        let mut label_col = None;
        for c in 0..first_year_col {
            if let Some(t) = grid.get(r, c).text() {
                label_parts.push(t.to_string());
                label_col.get_or_insert(c);
            }
        }
        let mut values = Vec::new();
        for yc in &years {
            match grid.get(r, yc.col) {
                Cell::Empty => {}
                Cell::Number(n) => values.push((yc.year, *n, yc.col)),
                Cell::Text(t) => match number::parse_text(t) {
                    Ok(Some(n)) => values.push((yc.year, n, yc.col)),
                    Ok(None) => {}
                    Err(why) => findings.push(Finding::error(
                        "not_a_number",
                        format!(
                            "{why} (row \"{}\", {} {})",
                            label_parts.join(" "),
                            yc.kind,
                            yc.year
                        ),
                        vec![at(r, yc.col)],
                    )),
                },
                Cell::Error(e) => findings.push(Finding::error(
                    "cell_error",
                    format!(
                        "the cell holds the error value {e} (row \"{}\", {} {})",
                        label_parts.join(" "),
                        yc.kind,
                        yc.year
                    ),
                    vec![at(r, yc.col)],
                )),
            }
        }
        let Some(label_col) = label_col else {
            if !values.is_empty() {
                findings.push(Finding::error(
                    "no_label",
                    "figures on a row without a label",
                    vec![at(r, values[0].2)],
                ));
            }
            continue;
        };
        let (label, scale) = split_unit(&label_parts.join(" "));
        rows.push(Row {
            row: r,
            label,
            label_col,
            values,
            scale,
        });
    }

    Ok(Layout {
        scale,
        unit_found,
        header_row,
        years,
        rows,
        titles,
        findings,
    })
}

fn header_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => t.trim().to_string(),
        Cell::Number(n) => n.value.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Option<(i32, Option<YearKind>)> {
        match classify_header_text(text) {
            Header::Year { year, kind } => Some((year, kind)),
            _ => None,
        }
    }

    #[test]
    fn year_headings() {
        assert_eq!(kind("TP 2024"), Some((2024, Some(YearKind::TP))));
        assert_eq!(kind("Tilinpäätös 2024"), Some((2024, Some(YearKind::TP))));
        assert_eq!(kind("Talousarvio 2026"), Some((2026, Some(YearKind::TA))));
        assert_eq!(kind("TS 2027"), Some((2027, Some(YearKind::TS))));
        assert_eq!(kind("TS2027"), Some((2027, Some(YearKind::TS))));
        assert_eq!(kind("2024"), Some((2024, None)));
        assert_eq!(kind("TP 2024 (1 000 €)"), Some((2024, Some(YearKind::TP))));
        assert_eq!(kind("TA 2026 muutettu"), None);
        assert_eq!(kind("Muutos % 2025"), None);
        assert_eq!(kind("Bokslut 2024"), Some((2024, Some(YearKind::TP))));
    }

    #[test]
    fn units() {
        assert_eq!(unit_in("1 000 €"), Some(Decimal::from(1000)));
        assert_eq!(unit_in("t€"), Some(Decimal::from(1000)));
        assert_eq!(
            unit_in("Tuloslaskelma (1000 EUR)"),
            Some(Decimal::from(1000))
        );
        assert_eq!(unit_in("milj. €"), Some(Decimal::from(1_000_000)));
        assert_eq!(unit_in("€"), Some(Decimal::ONE));
        assert_eq!(unit_in("euroa"), Some(Decimal::ONE));
        assert_eq!(unit_in("Tuloslaskelma"), None);
        assert_eq!(unit_in("Vastuut €"), Some(Decimal::ONE));
        assert_eq!(unit_in("tuhatta euroa"), Some(Decimal::from(1000)));
        assert_eq!(unit_in("1 000 euro"), Some(Decimal::from(1000)));
        assert_eq!(
            unit_in("Talous, milj. euroa"),
            Some(Decimal::from(1_000_000))
        );
        assert_eq!(
            split_unit("Vuokravastuut, 1 000 €"),
            ("Vuokravastuut".to_string(), Some(Decimal::from(1000)))
        );
    }
}
