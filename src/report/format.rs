//! The output's language, and numbers the way finance people read them.
//! Finnish and Swedish: "1 234 567", decimal comma, "−" for minus (the
//! Finnish and the Swedish standard alike: SFS 4175, Språkrådet);
//! English: "1,234,567". Rounding for display is half away from zero to the
//! shown decimals, as published figures are.

use rust_decimal::Decimal;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Fi,
    Sv,
    En,
}

impl Lang {
    /// A fixed text in the output's language. Every text shown to a user is
    /// given in all three languages at the place it is used, so a message
    /// cannot lack one: the compiler refuses a call with two. Texts with
    /// figures in them use the `tr!` macro, the same three side by side.
    pub fn tr<'a>(self, fi: &'a str, sv: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fi => fi,
            Lang::Sv => sv,
            Lang::En => en,
        }
    }

    /// Finnish and Swedish write numbers alike (space groups, decimal comma,
    /// the minus sign); English with comma groups and a decimal point.
    pub fn nordic(self) -> bool {
        matches!(self, Lang::Fi | Lang::Sv)
    }

    /// The language of texts shown before the command line is read (its
    /// `--help`, its usage errors) and the default of `--lang`:
    /// `KIVIJALKA_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`,
    /// the first one set, as POSIX orders them) when it names Finnish,
    /// Swedish or English, else Finnish.
    pub fn from_env() -> Lang {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        if let Some(v) = var("KIVIJALKA_LANG") {
            return Lang::from_code(&v).unwrap_or(Lang::Fi);
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| var(k))
            .and_then(|v| Lang::from_code(&v))
            .unwrap_or(Lang::Fi)
    }

    /// "fi", "sv_FI.UTF-8", "en-GB": the language a code or locale names.
    pub fn from_code(code: &str) -> Option<Lang> {
        let head = code.get(..2)?.to_ascii_lowercase();
        let rest = &code[2..];
        if !(rest.is_empty() || rest.starts_with(['_', '-', '.', '@'])) {
            return None;
        }
        match head.as_str() {
            "fi" => Some(Lang::Fi),
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's code, as `--lang` and `KIVIJALKA_LANG` take it.
    pub fn code(self) -> &'static str {
        self.tr("fi", "sv", "en")
    }
}

/// A text with figures in it, in the output's language: the three
/// format strings side by side, each with its own word order.
/// `tr!(lang, "{n} virhettä", "{n} fel", "{n} errors")`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $fi:literal, $sv:literal, $en:literal $(,)?) => {
        match $lang {
            $crate::report::format::Lang::Fi => format!($fi),
            $crate::report::format::Lang::Sv => format!($sv),
            $crate::report::format::Lang::En => format!($en),
        }
    };
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
    let (sep, dec, minus) = if lang.nordic() {
        (' ', ',', '\u{2212}')
    } else {
        (',', '.', '-')
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
    fn codes_and_locales() {
        assert_eq!(Lang::from_code("sv_FI.UTF-8"), Some(Lang::Sv));
        assert_eq!(Lang::from_code("fi"), Some(Lang::Fi));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("C.UTF-8"), None);
        assert_eq!(Lang::from_code("fil_PH"), None);
        assert_eq!(Lang::from_code("e"), None);
        assert_eq!(Lang::from_code("ä"), None);
    }

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
        assert_eq!(
            number(dec!(-1234567.45), 1, Lang::Sv),
            "\u{2212}1 234 567,5"
        );
    }
}
