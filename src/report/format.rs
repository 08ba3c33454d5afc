//! Numbers the way finance people read them. Finnish: "1 234 567",
//! decimal comma, "−" for minus; English: "1,234,567". Rounding for display
//! is half away from zero to the shown decimals, as published figures are.

use rust_decimal::Decimal;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Fi,
    En,
}

impl Lang {
    /// The Finnish or the English of a fixed text: every printer's one way
    /// of choosing a word by the output's language.
    pub fn pick<'a>(self, fi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fi => fi,
            Lang::En => en,
        }
    }
}

pub fn round(v: Decimal, decimals: u32) -> Decimal {
    crate::model::money::round_half_away(v, decimals)
}

pub fn number(v: Decimal, decimals: u32, lang: Lang) -> String {
    let mut r = round(v, decimals);
    r.rescale(decimals);
    let neg = r.is_sign_negative() && !r.is_zero();
    let s = r.abs().to_string();
    let (int, frac) = match s.split_once('.') {
        Some((a, b)) => (a.to_string(), Some(b.to_string())),
        None => (s, None),
    };
    let (sep, dec, minus) = match lang {
        Lang::Fi => (' ', ',', '\u{2212}'),
        Lang::En => (',', '.', '-'),
    };
    let mut out = String::new();
    if neg {
        out.push(minus);
    }
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push(dec);
        out.push_str(&f);
    }
    out
}

/// A plain machine-readable number for CSV: dot decimals, no grouping.
pub fn plain(v: Decimal) -> String {
    v.normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn finnish_and_english() {
        assert_eq!(number(dec!(1234567.5), 0, Lang::Fi), "1 234 568");
        assert_eq!(
            number(dec!(-1234567.45), 1, Lang::Fi),
            "\u{2212}1 234 567,5"
        );
        assert_eq!(number(dec!(-0.04), 1, Lang::Fi), "0,0");
        assert_eq!(number(dec!(1234.5), 2, Lang::En), "1,234.50");
        assert_eq!(number(dec!(999), 0, Lang::En), "999");
        assert_eq!(number(dec!(-2.5), 0, Lang::En), "-3");
    }
}
