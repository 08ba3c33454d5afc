//! Matching a printed label to a canonical line.
//!
//! Real files spell the same line many ways: case, numbering ("A I 1",
//! "2."), hyphen or dash, "(-)" suffixes, "yli-/alijäämä" for "ylijäämä
//! (alijäämä)", Swedish. Labels are compared after one normalisation, and
//! only exactly: a label that does not match is reported, never guessed into
//! a neighbouring line.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::items::{ITEMS, ItemDef, Statement};

/// Folds a label to the form used for comparison.
pub fn normalize(label: &str) -> String {
    let mut s: String = label
        .chars()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{00AD}' => '-',
            '\u{00A0}' | '\u{2007}' | '\u{2009}' | '\u{202F}' | '\t' => ' ',
            'ä' | 'Ä' | 'å' | 'Å' | 'á' | 'à' => 'a',
            'ö' | 'Ö' | 'ó' | 'ò' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    s = s.replace('*', " ");
    // Sign hints: "(-)", "(+)", "(+/-)", "(-/+)".
    for hint in ["(+/-)", "(-/+)", "(-)", "(+)"] {
        s = s.replace(hint, " ");
    }
    // The many spellings of "surplus (deficit)".
    for variant in [
        "yli-/alijaama",
        "yli/alijaama",
        "yli- /alijaama",
        "yli- ja alijaama",
        "ylijaama/alijaama",
        "ylijaama (alijaama)",
        "alijaama (ylijaama)",
        "ylijaama/-alijaama",
        "overskott (underskott)",
        "overskott/underskott",
    ] {
        s = s.replace(variant, "ylijaama");
    }
    s = s
        .replace("alijaama", "ylijaama")
        .replace("underskott", "overskott");
    let s: String = s
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut words: Vec<&str> = s.split_whitespace().collect();
    // Leading numbering: "a", "i".."x", "1", "12", in any combination.
    while words.len() > 1 && is_numbering(words[0]) {
        words.remove(0);
    }
    // "2.ennakkomaksut" became "2 ennakkomaksut" above and is handled there.
    // "yhteensä"/"sammanlagt" adds nothing except to the two balance totals.
    if words.len() > 1
        && matches!(
            words.last(),
            Some(&"yhteensa") | Some(&"sammanlagt") | Some(&"total")
        )
    {
        let head = &words[..words.len() - 1];
        if !matches!(
            head,
            ["vastaavaa"] | ["vastattavaa"] | ["aktiva"] | ["passiva"]
        ) {
            words.pop();
        }
    }
    words.join(" ")
}

/// Folds case, accents and punctuation but keeps every word and number, with
/// letters and digits written together split apart ("TS2027" → "ts 2027").
pub fn normalize_keep_numbers(text: &str) -> String {
    let mut out = String::new();
    let mut prev: Option<char> = None;
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'ä' | 'å' | 'á' | 'à' => 'a',
            'ö' | 'ó' | 'ò' => 'o',
            'é' | 'è' => 'e',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        if let Some(p) = prev
            && c != ' '
            && p != ' '
            && (p.is_ascii_digit() != c.is_ascii_digit())
        {
            out.push(' ');
        }
        out.push(c);
        prev = Some(c);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_numbering(w: &str) -> bool {
    if w.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    matches!(
        w,
        "a" | "b"
            | "c"
            | "d"
            | "e"
            | "f"
            | "i"
            | "ii"
            | "iii"
            | "iv"
            | "v"
            | "vi"
            | "vii"
            | "viii"
            | "ix"
            | "x"
    )
}

/// Headings that stand alone in balance sheets and carry no line of their own.
const HEADINGS: &[&str] = &[
    "vastaavaa",
    "vastattavaa",
    "aktiva",
    "passiva",
    "assets",
    "equity and liabilities",
];

pub fn is_plain_heading(normalized: &str) -> bool {
    HEADINGS.contains(&normalized)
}

type Index = HashMap<(Statement, String), Vec<&'static ItemDef>>;

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map: Index = HashMap::new();
        for def in ITEMS {
            let mut names = vec![def.fi, def.sv, def.en];
            names.extend_from_slice(def.aliases);
            let mut keys: Vec<String> = names.iter().map(|n| normalize(n)).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                map.entry((def.statement, k)).or_default().push(def);
            }
        }
        map
    })
}

/// All lines of `statement` that the label could mean, in published order.
pub fn candidates(statement: Statement, label: &str) -> &'static [&'static ItemDef] {
    index()
        .get(&(statement, normalize(label)))
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// Which statements a label belongs to at all; used to recognise a sheet by
/// its content when its name says nothing.
pub fn statements_of(label: &str) -> Vec<Statement> {
    let n = normalize(label);
    let mut v: Vec<Statement> = Statement::ALL
        .iter()
        .copied()
        .filter(|s| index().contains_key(&(*s, n.clone())))
        .collect();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(st: Statement, label: &str) -> &'static str {
        let c = candidates(st, label);
        assert!(
            !c.is_empty(),
            "no match for {label:?} ({})",
            normalize(label)
        );
        c[0].id
    }

    #[test]
    fn spellings_of_real_statements_match() {
        use Statement::*;
        assert_eq!(one(Tuloslaskelma, "TOIMINTATUOTOT"), "tl.toimintatuotot");
        assert_eq!(
            one(Tuloslaskelma, "  Toimintakate/Jäämä"),
            "tl.toimintakate"
        );
        assert_eq!(one(Tuloslaskelma, "** Vuosikate"), "tl.vuosikate");
        assert_eq!(
            one(Tuloslaskelma, "Rahoitustuotot ja – kulut"),
            "tl.rahoitustuotot_ja_kulut"
        );
        assert_eq!(
            one(Tuloslaskelma, "Poistoeron lisäys (-) tai vähennys (+)"),
            "tl.poistoeron_muutos"
        );
        assert_eq!(
            one(Tuloslaskelma, "Tilikauden yli-/alijäämä"),
            "tl.tilikauden_ylijaama"
        );
        assert_eq!(
            one(Tuloslaskelma, "TILIKAUDEN YLIJÄÄMÄ (ALIJÄÄMÄ)"),
            "tl.tilikauden_ylijaama"
        );
        assert_eq!(one(Tuloslaskelma, "Verksamhetsbidrag"), "tl.toimintakate");
        assert_eq!(
            one(Tuloslaskelma, "Toimintatuotot yhteensä"),
            "tl.toimintatuotot"
        );
        assert_eq!(
            one(Tase, "IV Tilikauden alijäämä"),
            "ta.tilikauden_ylijaama"
        );
        assert!(!one(Tase, "2.Ennakkomaksut").is_empty());
        assert_eq!(one(Tase, "A OMA PÄÄOMA"), "ta.oma_paaoma");
        assert_eq!(one(Tase, "VASTAAVAA YHTEENSÄ"), "ta.vastaavaa");
        assert_eq!(
            one(Tase, "E I 2 Lainat rahoitus- ja vakuutusl."),
            "ta.pa_rahoituslaitokset"
        );
        assert_eq!(
            one(Rahoituslaskelma, "Rahavarat 31.12."),
            "rl.rahavarat_31_12"
        );
        assert!(candidates(Tuloslaskelma, "Vuosikate ennen poistoja x").is_empty());
    }

    #[test]
    fn repeated_labels_give_every_candidate() {
        let c = candidates(Statement::Tase, "Muut saamiset");
        assert_eq!(c.len(), 3);
        assert!(is_plain_heading(&normalize("VASTAAVAA")));
        assert!(!is_plain_heading(&normalize("VASTAAVAA YHTEENSÄ")));
    }
}
