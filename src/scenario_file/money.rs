//! Money as people write it ("2,5 M€", "2 500 t€") and residents from a
//! population projection's CSV.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::error::{Error, Location, Result};
use crate::ingest::number;
pub use crate::model::scenario::MAX_AMOUNT;
use crate::text;

/// More residents than the whole country has had.
pub const MAX_POPULATION: i64 = 10_000_000;

/// An amount as written, told apart from one too large to be meant.
pub(super) enum Amount {
    Is(Decimal),
    TooLarge,
    Not,
}

pub(super) fn read_amount(v: &toml::Value) -> Amount {
    let x = match v {
        toml::Value::String(s) => return read_money(s),
        toml::Value::Integer(i) => Some(Decimal::from(*i)),
        toml::Value::Float(f) if f.is_finite() && f.abs() > 1e15 => return Amount::TooLarge,
        toml::Value::Float(f) => number::from_f64(*f).map(|n| n.value),
        _ => None,
    };
    match x {
        Some(x) if x.abs() > MAX_AMOUNT => Amount::TooLarge,
        Some(x) => Amount::Is(x),
        None => Amount::Not,
    }
}

/// Money as written: a number with an optional unit (€, t€, 1 000 €, M€,
/// milj. €), Finnish or English decimals.
pub fn parse_money(s: &str) -> Option<Decimal> {
    match read_money(s) {
        Amount::Is(d) => Some(d),
        _ => None,
    }
}

pub(super) fn read_money(s: &str) -> Amount {
    let t = s.trim().to_lowercase().replace('\u{00A0}', " ");
    let units: [(&str, i64); 12] = [
        ("milj. €", 1_000_000),
        ("milj.€", 1_000_000),
        ("milj €", 1_000_000),
        ("milj.", 1_000_000),
        ("m€", 1_000_000),
        ("meur", 1_000_000),
        ("t€", 1_000),
        ("teur", 1_000),
        ("1 000 €", 1_000),
        ("1000 €", 1_000),
        ("€", 1),
        ("eur", 1),
    ];
    let (num, mult) = units
        .iter()
        .find_map(|(u, m)| t.strip_suffix(u).map(|rest| (rest.trim().to_string(), *m)))
        .unwrap_or((t.clone(), 1));
    let Some(n) = number::parse_text(&num).ok().flatten() else {
        // A run of digits too long for any reader is still a number meant,
        // and the user is better told it is too large than not an amount.
        let digits = num.chars().filter(|c| c.is_ascii_digit()).count();
        let numeric = num
            .chars()
            .all(|c| c.is_ascii_digit() || " .,-+\u{2212}\u{202F}".contains(c));
        return if numeric && digits > 16 {
            Amount::TooLarge
        } else {
            Amount::Not
        };
    };
    match n.value.checked_mul(Decimal::from(mult)) {
        Some(x) if x.abs() <= MAX_AMOUNT => Amount::Is(x),
        _ => Amount::TooLarge,
    }
}

/// Residents by year from a CSV: a `year` (or `vuosi`) column and the
/// population in the next column, Finnish or English number forms.
pub fn population_csv(text: &str, file: &str) -> Result<BTreeMap<i32, Decimal>> {
    let mut rdr = crate::ingest::csv_text::reader(text, true);
    let headers = crate::ingest::csv_text::headers(&mut rdr, file)?;
    let year_col = headers
        .iter()
        .position(|h| matches!(h.to_lowercase().as_str(), "year" | "vuosi"))
        .ok_or_else(|| {
            let message = text!(
                "ei saraketta 'vuosi' (tai 'year')",
                "ingen kolumn 'year' (eller 'vuosi')",
                "no column 'year' (or 'vuosi')"
            );
            Error::config(Location::file(file), message)
        })?;
    let mut out = BTreeMap::new();
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let at = || Location::line(file, line);
        let rec = crate::ingest::csv_text::record(rec, file, line)?;
        let y: i32 = rec
            .get(year_col)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| {
                let message = text!(
                    "vuosi ei ole kelvollinen vuosi",
                    "året är inte ett giltigt år",
                    "the year is not a year"
                );
                Error::config(at(), message)
            })?;
        let raw = rec.get(year_col + 1).unwrap_or_default();
        let v = number::parse_text(raw)
            .ok()
            .flatten()
            .map(|n| n.value)
            .filter(|v| *v > Decimal::ZERO && *v <= Decimal::from(MAX_POPULATION))
            .ok_or_else(|| {
                Error::config(
                    at(),
                    text!(
                        "'{raw}' ei ole asukasluku (1–{MAX_POPULATION} asukasta)",
                        "'{raw}' är inte ett invånarantal (1 till {MAX_POPULATION} invånare)",
                        "'{raw}' is not a population (1 to {MAX_POPULATION} residents)"
                    ),
                )
            })?;
        out.insert(y, v);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn money_as_written() {
        assert_eq!(parse_money("2,5 M€"), Some(dec!(2500000)));
        assert_eq!(parse_money("2 500 t€"), Some(dec!(2500000)));
        assert_eq!(parse_money("-0,5 milj. €"), Some(dec!(-500000)));
        assert_eq!(parse_money("1 234 567 €"), Some(dec!(1234567)));
        assert_eq!(parse_money("1,234,567.50 €"), Some(dec!(1234567.50)));
        assert_eq!(parse_money("12 000"), Some(dec!(12000)));
        assert_eq!(parse_money("lots"), None);
    }
}
