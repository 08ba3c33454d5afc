//! Reading one value of a scenario file: a percentage, an amount, a year,
//! a path by year. Every reader names the file, the line and the key when
//! the value is not what the key takes.

use std::collections::BTreeMap;
use std::ops::Range;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::doc::V;
use super::money::{Amount, read_amount};
use crate::error::{Error, Location, Result, Text};
use crate::ingest::number;
use crate::model::scenario::{FIRST_YEAR, LAST_YEAR, Origin, Path};
use crate::text;

/// The longest text a scenario gives (a name, a description): a cell's.
const MAX_TEXT: usize = 1000;

/// A percentage beyond ±1000 is no rate any budget uses.
const MAX_PCT: i64 = 1000;

pub(super) fn is_year(y: i64) -> bool {
    (FIRST_YEAR as i64..=LAST_YEAR as i64).contains(&y)
}

pub(super) fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).expect("constant")
}

pub(super) struct Cx<'a> {
    pub(super) file: &'a str,
    pub(super) text: &'a str,
}

impl Cx<'_> {
    pub(super) fn line(&self, span: Range<usize>) -> usize {
        self.text[..span.start.min(self.text.len())]
            .matches('\n')
            .count()
            + 1
    }
    pub(super) fn at(&self, span: Range<usize>) -> Location {
        Location::line(self.file, self.line(span))
    }
    /// An error at the value's line, naming its key.
    pub(super) fn err(&self, span: Range<usize>, key: &str, msg: impl Into<Text>) -> Error {
        let msg = msg.into();
        Error::config(
            self.at(span),
            Text::each(|lang| format!("{key}: {}", msg.get(lang))),
        )
    }
    pub(super) fn origin(&self, span: Range<usize>, key: &str) -> Origin {
        Origin {
            file: self.file.into(),
            line: self.line(span),
            key: key.into(),
        }
    }

    pub(super) fn number(v: &toml::Value) -> Option<Decimal> {
        match v {
            toml::Value::Integer(i) => Some(Decimal::from(*i)),
            toml::Value::Float(f) => number::from_f64(*f).map(|n| n.value),
            _ => None,
        }
    }

    pub(super) fn pct_value(&self, v: &toml::Value) -> Option<Decimal> {
        match v {
            toml::Value::String(s) => {
                let t = s.trim().trim_end_matches('%');
                number::parse_text(t).ok().flatten().map(|n| n.value)
            }
            _ => Self::number(v),
        }
    }

    pub(super) fn pct(&self, v: &V, key: &str) -> Result<Decimal> {
        let x = self.pct_value(v.get_ref()).ok_or_else(|| {
            self.err(v.span(), key, {
                let x = shown(v.get_ref());
                text!(
                    "odotettiin prosenttia, kuten 2.5 tai \"2,5 %\", löytyi {x}",
                    "förväntade en procentsats såsom 2.5 eller \"2,5 %\", fann {x}",
                    "expected a percentage such as 2.5 or \"2,5 %\", found {x}"
                )
            })
        })?;
        self.pct_bounded(x, v.span(), key)
    }

    pub(super) fn money(&self, v: &V, key: &str) -> Result<Decimal> {
        self.amount(v.get_ref(), v.span(), key)
    }

    /// One amount within a value (a path's year, a list's item).
    pub(super) fn amount(&self, x: &toml::Value, span: Range<usize>, key: &str) -> Result<Decimal> {
        match read_amount(x) {
            Amount::Is(d) => Ok(d),
            Amount::TooLarge => Err(self.err(
                span,
                key,
                text!(
                    "{x} on yli ±1 000 000 000 000 000 € (10^15 €), enemmän kuin yhdenkään kunnan luvut; tarkista yksikkö",
                    "{x} är över ±1 000 000 000 000 000 € (10^15 €), mer än någon kommuns siffror; kontrollera enheten",
                    "{x} is beyond ±1 000 000 000 000 000 € (10^15 €), more than any municipality's figures; check the unit"
                ),
            )),
            Amount::Not => Err(self.err(
                span,
                key,
                text!(
                    "odotettiin summaa, kuten 2500000, \"2,5 M€\" tai \"2 500 t€\", löytyi {x}",
                    "förväntade ett belopp såsom 2500000, \"2,5 M€\" eller \"2 500 t€\", fann {x}",
                    "expected an amount such as 2500000, \"2,5 M€\" or \"2 500 t€\", found {x}"
                ),
            )),
        }
    }

    pub(super) fn pct_bounded(&self, x: Decimal, span: Range<usize>, key: &str) -> Result<Decimal> {
        if x.abs() > Decimal::from(MAX_PCT) {
            return Err(self.err(span, key, {
                let x = x.normalize();
                text!(
                    "{x} % on yli ±{MAX_PCT} %; sellaista prosenttia ei käytä mikään talousarvio",
                    "{x} % är över ±{MAX_PCT} %, ingen sats som en budget använder",
                    "{x} % is beyond ±{MAX_PCT} %, no rate a budget uses"
                )
            }));
        }
        Ok(x)
    }

    pub(super) fn year_value(v: &toml::Value) -> Option<i32> {
        match v {
            toml::Value::Integer(i) if is_year(*i) => Some(*i as i32),
            toml::Value::String(s) => s.trim().parse().ok().filter(|y| is_year(*y as i64)),
            _ => None,
        }
    }

    pub(super) fn year(&self, v: &V, key: &str) -> Result<i32> {
        Self::year_value(v.get_ref()).ok_or_else(|| {
            self.err(v.span(), key, {
                let x = v.get_ref();
                text!(
                    "odotettiin vuotta väliltä {FIRST_YEAR}–{LAST_YEAR}, kuten 2027, löytyi {x}",
                    "förväntade ett år från {FIRST_YEAR} till {LAST_YEAR} såsom 2027, fann {x}",
                    "expected a year from {FIRST_YEAR} to {LAST_YEAR} such as 2027, found {x}"
                )
            })
        })
    }

    pub(super) fn years(&self, v: &V, key: &str) -> Result<Vec<i32>> {
        let bad = || {
            self.err(v.span(), key, {
                let x = v.get_ref();
                text!(
                    "odotettiin vuosia muodossa [2027, 2028] tai \"2027-2029\", löytyi {x}",
                    "förväntade år som [2027, 2028] eller \"2027-2029\", fann {x}",
                    "expected years as [2027, 2028] or \"2027-2029\", found {x}"
                )
            })
        };
        let mut out = match v.get_ref() {
            toml::Value::Array(a) => a
                .iter()
                .map(|x| Self::year_value(x).ok_or_else(bad))
                .collect::<Result<Vec<_>>>()?,
            toml::Value::String(s) if s.contains(['-', '–']) => {
                let (a, b) = s.split_once(['-', '–']).ok_or_else(bad)?;
                let a: i32 = a.trim().parse().map_err(|_| bad())?;
                let b: i32 = b.trim().parse().map_err(|_| bad())?;
                if b < a || !is_year(a as i64) || !is_year(b as i64) {
                    return Err(bad());
                }
                (a..=b).collect()
            }
            x => vec![Self::year_value(x).ok_or_else(bad)?],
        };
        let n = out.len();
        out.sort();
        out.dedup();
        if out.len() != n {
            return Err(self.err(
                v.span(),
                key,
                text!(
                    "vuosi on luettelossa kahdesti",
                    "ett år finns två gånger i listan",
                    "a year is listed twice"
                ),
            ));
        }
        Ok(out)
    }

    /// The `from` of a measure, which it cannot do without.
    pub(super) fn first_year(&self, v: Option<&V>, entry: Range<usize>, key: &str) -> Result<i32> {
        match v {
            Some(v) => self.year(v, &format!("{key}.from")),
            None => Err(self.err(
                entry,
                key,
                text!(
                    "'from' (ensimmäinen vuosi) puuttuu",
                    "'from' (det första året) saknas",
                    "'from' (the first year) is missing"
                ),
            )),
        }
    }

    pub(super) fn int(&self, v: &V, key: &str, range: Range<i64>) -> Result<u32> {
        match v.get_ref() {
            toml::Value::Integer(i) if range.contains(i) => Ok(*i as u32),
            x => Err(self.err(v.span(), key, {
                let (a, b) = (range.start, range.end - 1);
                text!(
                    "odotettiin kokonaislukua väliltä {a}–{b}, löytyi {x}",
                    "förväntade ett heltal från {a} till {b}, fann {x}",
                    "expected a whole number from {a} to {b}, found {x}"
                )
            })),
        }
    }

    pub(super) fn text(&self, v: &V, key: &str) -> Result<String> {
        match v.get_ref() {
            // A name is printed on every row of a table and in every report:
            // 1 MB of it made a comparison of gigabytes. A control character
            // would reach the terminal as it is.
            toml::Value::String(s) if s.chars().count() > MAX_TEXT => {
                let n = s.chars().count();
                Err(self.err(
                    v.span(),
                    key,
                    text!(
                        "tekstissä on {n} merkkiä; nimessä tai kuvauksessa on enintään {MAX_TEXT}",
                        "texten har {n} tecken; ett namn eller en beskrivning har högst {MAX_TEXT}",
                        "the text has {n} characters; a name or description has at most {MAX_TEXT}"
                    ),
                ))
            }
            toml::Value::String(s)
                if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') =>
            {
                Err(self.err(
                    v.span(),
                    key,
                    text!(
                        "tekstissä on ohjausmerkki",
                        "texten har ett styrtecken",
                        "the text has a control character"
                    ),
                ))
            }
            toml::Value::String(s) => Ok(s.clone()),
            x => Err(self.err(
                v.span(),
                key,
                text!(
                    "odotettiin tekstiä lainausmerkeissä, löytyi {x}",
                    "förväntade text inom citattecken, fann {x}",
                    "expected text in quotes, found {x}"
                ),
            )),
        }
    }

    pub(super) fn bool(&self, v: &V, key: &str) -> Result<bool> {
        match v.get_ref() {
            toml::Value::Boolean(b) => Ok(*b),
            x => Err(self.err(
                v.span(),
                key,
                text!(
                    "odotettiin true tai false, löytyi {x}",
                    "förväntade true eller false, fann {x}",
                    "expected true or false, found {x}"
                ),
            )),
        }
    }

    /// A percentage or money path: one value, or a table by year.
    pub(super) fn path(&self, v: &V, key: &str, money: bool) -> Result<Path> {
        let one = |x: &toml::Value, key: &str, table: bool| -> Result<Decimal> {
            if money {
                return self.amount(x, v.span(), key);
            }
            let p = self.pct_value(x).ok_or_else(|| {
                let message = match table {
                    true => text!(
                        "odotettiin prosenttia (2.5), löytyi {x}",
                        "förväntade en procentsats (2.5), fann {x}",
                        "expected a percentage (2.5), found {x}"
                    ),
                    false => text!(
                        "odotettiin prosenttia (2.5) tai taulukkoa vuosittain, löytyi {x}",
                        "förväntade en procentsats (2.5) eller en tabell per år, fann {x}",
                        "expected a percentage (2.5) or a table by year, found {x}"
                    ),
                };
                self.err(v.span(), key, message)
            })?;
            self.pct_bounded(p, v.span(), key)
        };
        match v.get_ref() {
            toml::Value::Table(t) => {
                let mut steps = BTreeMap::new();
                for (k, x) in t {
                    let y: i32 = k.parse().ok().filter(|y| is_year(*y as i64)).ok_or_else(|| {
                        self.err(v.span(), key, text!(
                            "'{k}' ei ole vuosi väliltä {FIRST_YEAR}–{LAST_YEAR}; polku kirjoitetaan {{ 2026 = 2.5, 2030 = 2.0 }}",
                            "'{k}' är inte ett år från {FIRST_YEAR} till {LAST_YEAR}; en bana skrivs {{ 2026 = 2.5, 2030 = 2.0 }}",
                            "'{k}' is not a year from {FIRST_YEAR} to {LAST_YEAR}; a path is written {{ 2026 = 2.5, 2030 = 2.0 }}"
                        ))
                    })?;
                    steps.insert(y, one(x, &format!("{key}.{k}"), true)?);
                }
                Ok(Path { base: None, steps })
            }
            x => Ok(Path::constant(one(x, key, false)?)),
        }
    }

    pub(super) fn check_path(
        &self,
        p: &Path,
        v: &V,
        key: &str,
        min: Decimal,
        max: Decimal,
    ) -> Result<()> {
        for x in p.base.iter().chain(p.steps.values()) {
            if *x < min || *x > max {
                return Err(self.err(v.span(), key, outside(*x, min, max)));
            }
        }
        Ok(())
    }

    pub(super) fn bounded_pct(
        &self,
        v: &V,
        key: &str,
        min: Decimal,
        max: Decimal,
    ) -> Result<Decimal> {
        let x = self.pct(v, key)?;
        if x < min || x > max {
            return Err(self.err(v.span(), key, outside(x, min, max)));
        }
        Ok(x)
    }

    pub(super) fn year_map(&self, v: &V, key: &str) -> Result<BTreeMap<i32, Decimal>> {
        self.year_map_of(v, key, false)
    }

    /// A table by year whose amounts may be negative (a subsidy total of a
    /// city that pays more equalisation than it receives).
    pub(super) fn year_map_signed(&self, v: &V, key: &str) -> Result<BTreeMap<i32, Decimal>> {
        self.year_map_of(v, key, true)
    }

    fn year_map_of(&self, v: &V, key: &str, signed: bool) -> Result<BTreeMap<i32, Decimal>> {
        let toml::Value::Table(t) = v.get_ref() else {
            return Err(self.err(
                v.span(),
                key,
                text!(
                    "odotettiin taulukkoa vuosittain, kuten {{ 2030 = \"6 M€\" }}",
                    "förväntade en tabell per år, såsom {{ 2030 = \"6 M€\" }}",
                    "expected a table by year, such as {{ 2030 = \"6 M€\" }}"
                ),
            ));
        };
        let mut out = BTreeMap::new();
        for (k, x) in t {
            let y: i32 = k
                .parse()
                .ok()
                .filter(|y| is_year(*y as i64))
                .ok_or_else(|| {
                    self.err(
                        v.span(),
                        key,
                        text!(
                            "'{k}' ei ole vuosi väliltä {FIRST_YEAR}–{LAST_YEAR}",
                            "'{k}' är inte ett år från {FIRST_YEAR} till {LAST_YEAR}",
                            "'{k}' is not a year from {FIRST_YEAR} to {LAST_YEAR}"
                        ),
                    )
                })?;
            let val = self.amount(x, v.span(), &format!("{key}.{k}"))?;
            if val < Decimal::ZERO && !signed {
                return Err(self.err(v.span(), &format!("{key}.{k}"), not_negative()));
            }
            out.insert(y, val);
        }
        Ok(out)
    }
}

/// A value outside the range a budget could mean.
pub(super) fn outside(x: Decimal, min: Decimal, max: Decimal) -> Text {
    let x = x.normalize();
    text!(
        "{x} on järkevän välin {min}…{max} ulkopuolella",
        "{x} ligger utanför det rimliga intervallet {min}…{max}",
        "{x} is outside the sensible range {min}…{max}"
    )
}

pub(super) fn not_negative() -> Text {
    text!(
        "ei saa olla negatiivinen",
        "får inte vara negativt",
        "must not be negative"
    )
}

/// A value as an error message shows it: a float too large for a figure in
/// exponent form (1e308, not three hundred digits).
fn shown(v: &toml::Value) -> String {
    match v {
        toml::Value::Float(f) if f.abs() >= 1e15 => format!("{f:e}"),
        _ => v.to_string(),
    }
}
