//! Numbers as ledgers write them.
//!
//! Numeric cells are exact decimals of what Excel stored (the shortest text
//! that reads back to the same float, which is what Excel shows). Text cells
//! may hold Finnish numbers: "1 234,5" with a normal, non-breaking or thin
//! space, "−" (U+2212) or a dash for minus, "(1 234)" or "1 234-" for a
//! negative figure, a trailing "€".

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::error::Text;
use crate::text;

/// A number read from a cell, with the number of decimals it was written with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Num {
    pub value: Decimal,
    pub decimals: u32,
}

impl Num {
    /// Half of this is the rounding a printed figure may carry, in euros: a
    /// unit of its last printed digit in the sheet's unit, at least a cent.
    pub fn quantum(&self, scale: Decimal) -> Decimal {
        let decimals = self.printed_decimals(scale);
        (scale / Decimal::from(10i64.pow(decimals.min(18)))).max(Decimal::new(1, 2))
    }

    /// The decimals the figure is printed with. A numeric cell holds the
    /// double nearest to what Excel shows, and a formula's result a binary
    /// residue beyond it (4741.000000001): within a millionth of the unit of
    /// a value of fewer digits, it is that value, printed with its digits.
    /// More digits than a cent's are a cent's.
    fn printed_decimals(&self, scale: Decimal) -> u32 {
        let mut cent = 2;
        let mut s = scale;
        while s >= Decimal::TEN {
            s /= Decimal::TEN;
            cent += 1;
        }
        if self.decimals <= cent {
            return self.decimals;
        }
        let rounded = self.value.round_dp(cent);
        if (self.value - rounded).abs() <= Decimal::new(1, 6) {
            rounded.normalize().scale()
        } else {
            cent
        }
    }
}

/// An Excel number format that shows a cell's value divided by a power of
/// a thousand: each comma right after the last digit placeholder ("#,##0,"
/// thousands, "#,##0,," millions) divides once. The cell still holds the
/// value undivided, and that is the figure; what the sheet prints is not.
#[derive(Clone, Debug, PartialEq)]
pub struct ScaledFormat {
    /// The format as written in the workbook.
    pub code: String,
    /// Thousands divided off a positive figure, and off a negative one (a
    /// format's second section may differ).
    pub positive: u8,
    pub negative: u8,
}

impl ScaledFormat {
    /// What the cell shows of `value`, in the digits it holds: the stored
    /// value divided exactly, so that the sheet's unit multiplies it back.
    pub fn shown(&self, value: Decimal) -> Option<Decimal> {
        let mut v = value;
        for _ in 0..self.thousands(value) {
            v = v.checked_div(Decimal::from(1000))?;
        }
        Some(v)
    }

    /// How many times a thousand the shown figure of `value` is divided by.
    pub fn thousands(&self, value: Decimal) -> u8 {
        if value < Decimal::ZERO {
            self.negative
        } else {
            self.positive
        }
    }
}

pub fn from_f64(f: f64) -> Option<Num> {
    if !f.is_finite() {
        return None;
    }
    let text = format!("{f}");
    let value = Decimal::from_str(&text)
        .or_else(|_| Decimal::from_scientific(&text))
        .ok()?;
    Some(Num {
        value,
        decimals: value.scale(),
    })
}

pub fn from_i64(i: i64) -> Num {
    Num {
        value: Decimal::from(i),
        decimals: 0,
    }
}

/// The largest money figure read, in euros. Helsinki's balance sheet is
/// about 10^10 €; a figure a hundred thousand times larger is a unit or a
/// typing error, and refusing it here keeps every later sum, ratio and
/// projection far from the decimal range.
pub const MAX_MONEY_EUR: i64 = 1_000_000_000_000_000;
/// Residents of a Finnish municipality: Helsinki has about 700 000.
pub const MAX_RESIDENTS: i64 = 10_000_000;

/// A figure as kivijalka holds it: `num` times the unit `scale` (1, 1 000,
/// 1 000 000 €), in cents, rounded half away from zero. `Err` says why the
/// figure cannot be read.
pub fn figure(num: &Num, scale: Decimal) -> Result<Decimal, Text> {
    let limit = Decimal::from(MAX_MONEY_EUR);
    let value = num
        .value
        .checked_mul(scale)
        .filter(|v| v.abs() <= limit)
        .ok_or_else(|| {
            let (v, unit) = (num.value.normalize(), scale.normalize());
            match scale == Decimal::ONE {
                true => text!(
                    "{v} on yli ±10^15 €, paljon enemmän kuin yhdenkään kunnan laskelmissa; \
                     tarkista luku ja yksikkö",
                    "{v} är över ±10^15 €, långt mer än någon kommuns räkningar rymmer; \
                     kontrollera siffran och enheten",
                    "{v} is beyond ±10^15 €, far more than any municipality's statements hold; \
                     check the figure and the unit"
                ),
                false => text!(
                    "{v} × {unit} € (taulukon yksikkö) on yli ±10^15 €, paljon enemmän kuin \
                     yhdenkään kunnan laskelmissa; tarkista luku ja yksikkö",
                    "{v} × {unit} € (bladets enhet) är över ±10^15 €, långt mer än någon kommuns \
                     räkningar rymmer; kontrollera siffran och enheten",
                    "{v} × {unit} € (the sheet's unit) is beyond ±10^15 €, far more than any \
                     municipality's statements hold; check the figure and the unit"
                ),
            }
        })?;
    Ok(cents(value))
}

/// Residents as the background figures give them: a whole number from 0 to
/// [`MAX_RESIDENTS`].
pub fn residents(num: &Num) -> Result<Decimal, Text> {
    let v = num.value;
    if v < Decimal::ZERO || v > Decimal::from(MAX_RESIDENTS) || !v.fract().is_zero() {
        let v = v.normalize();
        return Err(text!(
            "asukasluku {v} ei ole kokonaisluku väliltä 0–{MAX_RESIDENTS}",
            "invånarantalet {v} är inte ett heltal från 0 till {MAX_RESIDENTS}",
            "residents {v} is not a whole number from 0 to {MAX_RESIDENTS}"
        ));
    }
    Ok(v.normalize())
}

/// Whether a tax rate cell holds a fraction: a cell formatted as a
/// percentage stores 9,10 % as 0,091, and below 1 a rate can only be that.
pub fn is_percent_cell(num: &Num) -> bool {
    num.value > Decimal::ZERO && num.value < Decimal::ONE
}

/// An income tax rate in per cent (a percentage cell's fraction times 100).
/// Municipal rates run from about 4 % (after the 2023 transfer of health and
/// social services) to about 23 % (before it); Tuloverolaki 1535/1992 sets
/// them as per cent with two decimals. Outside 1–30 % it is no
/// municipality's rate: an error, never a figure carried into the forecast.
pub fn tax_rate(num: &Num) -> Result<Decimal, Text> {
    let v = if is_percent_cell(num) {
        num.value * Decimal::ONE_HUNDRED
    } else {
        num.value
    };
    if v < Decimal::ONE || v > Decimal::from(30) {
        let v = v.normalize();
        return Err(text!(
            "tuloveroprosentti {v} % on välin 1–30 % ulkopuolella, jolla jokaisen suomalaisen kunnan veroprosentti on",
            "inkomstskattesatsen {v} % ligger utanför 1–30 %, det intervall där varje finländsk kommuns skattesats ligger",
            "income tax rate {v} % is outside 1–30 %, the range of any Finnish municipality's rate"
        ));
    }
    Ok(cents(v))
}

/// A cell's text as a message quotes it: trimmed, and cut after 40
/// characters, so a cell of megabytes makes a message of a line.
pub fn quoted(raw: &str) -> String {
    quoted_up_to(raw, 40)
}

/// A row's label as a message quotes it: its first 100 characters.
pub fn quoted_label(raw: &str) -> String {
    quoted_up_to(raw, 100)
}

/// `quoted` for a row's label, cut after `n` characters: a label is read
/// whole to be matched, and the longest the decree prints are some 70.
pub fn quoted_up_to(raw: &str, n: usize) -> String {
    let raw = raw.trim();
    // A control character (a NUL) would reach the terminal as it is.
    let shown = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
            .collect()
    };
    match raw.char_indices().nth(n) {
        Some((at, _)) => format!("{}…", shown(&raw[..at])),
        None => shown(raw),
    }
}

fn not_a_number(raw: &str) -> Text {
    let raw = quoted(raw);
    text!(
        "'{raw}' ei ole luku",
        "'{raw}' är inte ett tal",
        "'{raw}' is not a number"
    )
}

/// Rounded to cents half away from zero, as published figures are; "-0" is zero.
fn cents(v: Decimal) -> Decimal {
    let v = crate::model::money::cents(v);
    if v.is_zero() { Decimal::ZERO } else { v }
}

/// `s` with its thousands separators `group` dropped and its decimal mark
/// `point` made a dot, when the separators stand between groups of three
/// digits; `None` otherwise. A date written as text ("1.5.2020") or a
/// figure with a stray separator ("1.23.456") is no figure, where dropping
/// every separator would read 152 020 or 123 456.
fn grouped(s: &str, group: char, point: char) -> Option<String> {
    let (whole, fraction) = match s.split_once(point) {
        Some((w, f)) if !f.contains(point) && !f.contains(group) => (w, Some(f)),
        Some(_) => return None,
        None => (s, None),
    };
    let mut groups = whole.split(group);
    let first = groups.next()?;
    let threes = groups.all(|g| g.len() == 3);
    if first.is_empty() || first.len() > 3 || !threes {
        return None;
    }
    let whole: String = whole.chars().filter(|c| *c != group).collect();
    Some(match fraction {
        Some(f) => format!("{whole}.{f}"),
        None => whole,
    })
}

/// A text figure stripped to its digits and separators: `None` for a cell
/// blank in effect, a lone dash as "0".
fn digits(raw: &str) -> Result<Option<(bool, String)>, Text> {
    let is_gap = |c: char| {
        matches!(
            c,
            ' ' | '\u{00A0}' | '\u{2007}' | '\u{2009}' | '\u{202F}' | '\t' | '\'' | '\u{2019}'
        )
    };
    // A gap between digits groups thousands: what follows it is three
    // digits. "874 6" is a figure with a stray keystroke, not 8 746.
    let chars: Vec<char> = raw.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if is_gap(*c) && i > 0 && chars[i - 1].is_ascii_digit() {
            // Lazily: a long text of groups must not cost its length per gap.
            let digits = chars[i + 1..]
                .iter()
                .skip_while(|c| is_gap(**c))
                .take_while(|c| c.is_ascii_digit())
                .count();
            if digits > 0 && digits != 3 {
                let raw = quoted(raw);
                return Err(text!(
                    "'{raw}' ei ole luku: välilyönnillä ryhmitellyt numerot tulevat kolmen ryhminä",
                    "'{raw}' är inte ett tal: siffror grupperade med mellanslag kommer i tretal",
                    "'{raw}' is not a number: digits grouped by a space come in threes"
                ));
            }
        }
    }
    let mut s: String = raw
        .chars()
        .filter(|c| !is_gap(*c))
        .map(|c| match c {
            '\u{2212}' | '\u{2013}' | '\u{2014}' | '\u{2012}' => '-',
            _ => c,
        })
        .collect();
    if s.is_empty() {
        return Ok(None);
    }
    // A lone dash is how printed statements write "nothing".
    if s == "-" || s == "--" {
        return Ok(Some((false, "0".to_string())));
    }
    for suffix in ["€", "eur", "EUR", "e"] {
        if let Some(rest) = s.strip_suffix(suffix)
            && rest
                .chars()
                .last()
                .is_some_and(|c| c.is_ascii_digit() || c == ')' || c == '-')
        {
            s = rest.to_string();
            break;
        }
    }
    let mut negative = false;
    if s.starts_with('(') && s.ends_with(')') {
        negative = true;
        s = s[1..s.len() - 1].to_string();
    }
    if let Some(rest) = s.strip_suffix('-')
        && !rest.is_empty()
        && !rest.starts_with('-')
    {
        negative = !negative;
        s = rest.to_string();
    }
    if let Some(rest) = s.strip_prefix('-') {
        negative = !negative;
        s = rest.to_string();
    } else if let Some(rest) = s.strip_prefix('+') {
        s = rest.to_string();
    }
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Err(not_a_number(raw));
    }
    Ok(Some((negative, s)))
}

/// Reads a number written as text. `Ok(None)` for a cell that is blank in
/// effect; `Err` with the reason when the text is not a number. A lone "."
/// or "," before three digits is read as a decimal mark here; a sheet's
/// figures are read through [`parse_text_in`], which decides it.
pub fn parse_text(raw: &str) -> Result<Option<Num>, Text> {
    let Some((negative, s)) = digits(raw)? else {
        return Ok(None);
    };
    interpret(raw, negative, s)
}

fn interpret(raw: &str, negative: bool, s: String) -> Result<Option<Num>, Text> {
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let normalized = match (commas, dots) {
        (0, 0) => s,
        // Finnish decimal comma.
        (1, 0) => s.replace(',', "."),
        // "1.234.567" or "1.234,5": dots group thousands.
        (_, d) if d > 1 || (commas == 1 && d >= 1 && s.find('.') < s.find(',')) => {
            grouped(&s, '.', ',').ok_or_else(|| not_a_number(raw))?
        }
        // "1,234.5" or "1,234,567": commas group thousands.
        (c, 1) if c >= 1 => grouped(&s, ',', '.').ok_or_else(|| not_a_number(raw))?,
        (c, 0) if c > 1 => grouped(&s, ',', '.').ok_or_else(|| not_a_number(raw))?,
        (0, 1) => s,
        _ => return Err(not_a_number(raw)),
    };
    let value = Decimal::from_str(&normalized).map_err(|_| {
        let raw = quoted(raw);
        text!(
            "luvussa '{raw}' on enemmän numeroita kuin luku voi sisältää (enintään 28)",
            "'{raw}' har fler siffror än ett tal kan rymma (högst 28)",
            "'{raw}' has more digits than a figure can hold (at most 28)"
        )
    })?;
    let value = if negative { -value } else { value };
    Ok(Some(Num {
        value,
        decimals: value.scale(),
    }))
}

/// What a sheet's text figures say of their "." and ",": whether some
/// figure groups thousands by "." or marks decimals by "," ("1.175.399",
/// "7.725.767,34", "1 234,56"), and whether some groups by "," or marks
/// decimals by "." ("7,725,767.34", "1234.56").
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Notation {
    pub dot_groups: bool,
    pub comma_groups: bool,
}

impl Notation {
    /// Takes what one text cell says, if it is a figure that says it.
    pub fn see(&mut self, raw: &str) {
        let Ok(Some((negative, s))) = digits(raw) else {
            return;
        };
        if ambiguous(&s).is_some() || interpret(raw, negative, s.clone()).is_err() {
            return;
        }
        let (commas, dots) = (s.matches(',').count(), s.matches('.').count());
        let dot_first = s.find('.') < s.find(',');
        match (commas, dots) {
            (0, 0) => {}
            (1, 0) => self.dot_groups = true,
            (0, 1) => self.comma_groups = true,
            (_, d) if d > 1 || (commas == 1 && dot_first) => self.dot_groups = true,
            _ => self.comma_groups = true,
        }
    }
}

/// The separator of a figure whose only separator is one "." or "," before
/// exactly three digits ("315.297", "4,741"): thousands or decimals alike.
fn ambiguous(s: &str) -> Option<char> {
    let sep = s.chars().find(|c| matches!(c, '.' | ','))?;
    let (whole, fraction) = s.split_once(sep)?;
    let plain = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    (plain(whole)
        && plain(fraction)
        && fraction.len() == 3
        && (1..=3).contains(&whole.len())
        && !whole.starts_with('0'))
    .then_some(sep)
}

/// Reads a sheet's text figure as [`parse_text`] does, but a lone "." or
/// "," before three digits as the sheet's other figures write it; where
/// they do not say, or say both, an error asking which it is.
pub fn parse_text_in(raw: &str, notation: Notation) -> Result<Option<Num>, Text> {
    let Some((negative, s)) = digits(raw)? else {
        return Ok(None);
    };
    let Some(sep) = ambiguous(&s) else {
        return interpret(raw, negative, s);
    };
    let (groups, decimal) = match sep {
        '.' => (notation.dot_groups, notation.comma_groups),
        _ => (notation.comma_groups, notation.dot_groups),
    };
    match (groups, decimal) {
        (true, false) => interpret(raw, negative, s.replace(sep, "")),
        (false, true) => interpret(raw, negative, s),
        _ => {
            let raw = quoted(raw);
            Err(text!(
                "'{raw}': onko \"{sep}\" tuhaterotin vai desimaalimerkki? Taulukon muut tekstiluvut eivät ratkaise sitä; kirjoita luku ilman erotinta tai kahdella desimaalilla",
                "'{raw}': är \"{sep}\" tusentalsavgränsare eller decimaltecken? Bladets övriga tal i textform avgör det inte; skriv talet utan avgränsare eller med två decimaler",
                "'{raw}': is \"{sep}\" a thousands separator or a decimal mark? The sheet's other text figures do not settle it; write the figure without a separator or with two decimals"
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn v(s: &str) -> Decimal {
        parse_text(s).unwrap().unwrap().value
    }

    #[test]
    fn finnish_forms() {
        assert_eq!(v("1 234,5"), dec!(1234.5));
        assert_eq!(v("1\u{00A0}234\u{00A0}567,89"), dec!(1234567.89));
        assert_eq!(v("1\u{2009}234"), dec!(1234));
        assert_eq!(v("1\u{202F}234"), dec!(1234));
        assert_eq!(v("\u{2212}46 216 718,06"), dec!(-46216718.06));
        assert_eq!(v("– 12"), dec!(-12));
        assert_eq!(v("(1 234)"), dec!(-1234));
        assert_eq!(v("1 234-"), dec!(-1234));
        assert_eq!(v("1 234 €"), dec!(1234));
        assert_eq!(v("1.234.567,5"), dec!(1234567.5));
        assert_eq!(v("1,234.5"), dec!(1234.5));
        assert_eq!(v("-"), dec!(0));
        assert_eq!(parse_text("  ").unwrap(), None);
        assert_eq!(parse_text("1 234,50").unwrap().unwrap().decimals, 2);
    }

    #[test]
    fn text_is_not_a_number() {
        assert!(parse_text("n/a").is_err());
        assert!(parse_text("12 kpl").is_err());
        assert!(parse_text("1,2,3.4.5").is_err());
    }

    #[test]
    fn figures_are_bounded_and_scaled_exactly() {
        let n = |s: &str| parse_text(s).unwrap().unwrap();
        let thousand = Decimal::from(1000);
        assert_eq!(figure(&n("1 234,5"), thousand).unwrap(), dec!(1234500));
        assert_eq!(figure(&n("0,0049"), Decimal::ONE).unwrap(), dec!(0));
        assert_eq!(figure(&n("0,005"), Decimal::ONE).unwrap(), dec!(0.01));
        assert_eq!(figure(&n("-0,005"), Decimal::ONE).unwrap(), dec!(-0.01));
        assert_eq!(figure(&n("-0,001"), Decimal::ONE).unwrap().to_string(), "0");
        // At the limit, in euros and in millions.
        assert!(figure(&n("1000000000000000"), Decimal::ONE).is_ok());
        assert!(figure(&n("1000000000"), Decimal::from(1_000_000)).is_ok());
        assert!(figure(&n("1000000000000001"), Decimal::ONE).is_err());
        // 9e27 thousands overflows the decimal type itself: an error, not a panic.
        let big = from_f64(9e27).unwrap();
        let e = figure(&big, thousand).unwrap_err();
        assert!(e.en.contains("10^15") && e.en.contains("1000"), "{e}");
        assert!(figure(&from_f64(-9e27).unwrap(), Decimal::ONE).is_err());
    }

    #[test]
    fn residents_and_tax_rates_in_range() {
        let n = |s: &str| parse_text(s).unwrap().unwrap();
        assert_eq!(residents(&n("664 028")).unwrap(), dec!(664028));
        assert!(residents(&n("10 000 001")).is_err());
        assert!(residents(&n("-1")).is_err());
        assert!(residents(&n("12,5")).is_err());
        assert_eq!(tax_rate(&n("21,50")).unwrap(), dec!(21.5));
        assert!(tax_rate(&n("100,01")).is_err());
        assert!(tax_rate(&n("-0,5")).is_err());
    }

    #[test]
    fn too_many_digits_is_an_error() {
        let e = parse_text("100000000000000000000000000000000").unwrap_err();
        assert!(e.en.contains("digits"), "{e}");
    }

    #[test]
    fn floats_keep_what_excel_shows() {
        assert_eq!(from_f64(7725767.34).unwrap().value, dec!(7725767.34));
        assert_eq!(from_f64(-0.1).unwrap().value, dec!(-0.1));
        assert_eq!(from_f64(2024.0).unwrap().decimals, 0);
        assert!(from_f64(f64::NAN).is_none());
    }
}
