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

/// Folds a label to the form used for comparison: lower case, accents and
/// dashes folded, punctuation and runs of whitespace to one space, leading
/// numbering dropped, the "surplus (deficit)" forms of both languages made
/// one word. Idempotent: a folded label folds to itself.
pub fn normalize(label: &str) -> String {
    let label = strip_letter_numbering(label);
    // Lower case first, so that capitals fold exactly as small letters do.
    let lower: String = label.chars().flat_map(char::to_lowercase).collect();
    let folded: String = lower
        .chars()
        .filter_map(|c| match c {
            // Combining accents of a decomposed "ä" (as some systems save text).
            '\u{0300}'..='\u{036F}' => None,
            'ä' | 'å' | 'á' | 'à' | 'â' => Some('a'),
            'ö' | 'ó' | 'ò' | 'ô' | 'ø' => Some('o'),
            'é' | 'è' | 'ê' => Some('e'),
            'ü' | 'ú' => Some('u'),
            c if c.is_alphanumeric() => Some(c),
            _ => Some(' '),
        })
        .collect();
    // "yli-/alijäämä", "ylijäämä (alijäämä)", "överskott/underskott" and the
    // like all name one line: the deficit word is folded into the surplus
    // one, and the pair's prefix and repeat are dropped below.
    let folded = folded
        .replace("alijaama", "ylijaama")
        .replace("underskott", "overskott");
    let mut words: Vec<&str> = Vec::new();
    for w in folded.split_whitespace() {
        if matches!(w, "ylijaama" | "overskott") {
            // "yli ylijaama", "yli ja ylijaama", "ylijaama tai ylijaama",
            // "over och overskott": the pair written out is one word.
            let pairs = |t: &str| t == w || matches!(t, "yli" | "over");
            loop {
                let n = words.len();
                if n >= 1 && pairs(words[n - 1]) {
                    words.pop();
                } else if n >= 2
                    && matches!(words[n - 1], "ja" | "och" | "tai" | "eller")
                    && pairs(words[n - 2])
                {
                    words.truncate(n - 2);
                } else {
                    break;
                }
            }
        }
        words.push(w);
    }
    // Leading numbering: "a", "i".."x", "1", "12", in any combination.
    while words.len() > 1 && is_numbering(words[0]) {
        words.remove(0);
    }
    // "yhteensä"/"sammanlagt" adds nothing except to the two balance totals.
    while words.len() > 1
        && matches!(
            words.last(),
            Some(&"yhteensa") | Some(&"sammanlagt") | Some(&"total")
        )
    {
        let head = &words[..words.len() - 1];
        if matches!(
            head,
            ["vastaavaa"] | ["vastattavaa"] | ["aktiva"] | ["passiva"]
        ) {
            break;
        }
        words.pop();
    }
    words.join(" ")
}

/// Numbering by any letter, "g) ", "H. ": decrees number their headings
/// a)–f), budget books and ledgers go on through the alphabet. Only a single
/// letter closed by ")" or "." and followed by a space is numbering; once
/// folded the punctuation is gone and "g" could begin a word, so it is taken
/// off here, before the folding, and never where nothing but it is left.
fn strip_letter_numbering(label: &str) -> &str {
    let mut s = label.trim_start();
    loop {
        let mut it = s.char_indices();
        let (Some((_, c)), Some((_, p)), Some((k, sp))) = (it.next(), it.next(), it.next()) else {
            return s;
        };
        let rest = s[k..].trim_start();
        let numbering = c.is_alphabetic() && matches!(p, ')' | '.') && sp.is_whitespace();
        if !numbering || !rest.chars().any(char::is_alphabetic) {
            return s;
        }
        s = rest;
    }
}

/// What kind of key-ratio row a printed label is: budget books print
/// "Vuosikate, €/asukas" or "Toimintakate % toimintatuotoista" among the
/// statement's lines. Such a row shares the money line's words, so it must
/// be known by its unit before the words are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyRatio {
    PerResident,
    Percent,
}

pub fn key_ratio(label: &str) -> Option<KeyRatio> {
    let compact: String = label
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    const PHRASES: &[&str] = &[
        "perasukas",
        "asukastakohden",
        "asukastakohti",
        "perinvånare",
        "percapita",
        "perresident",
        "perinhabitant",
    ];
    let per_unit = compact.split('/').skip(1).any(|after| {
        let word_ends = |w: &str| {
            after
                .strip_prefix(w)
                .is_some_and(|r| !r.starts_with(char::is_alphabetic))
        };
        after.starts_with("asuk")
            || after.starts_with("invånare")
            || after.starts_with("capita")
            || after.starts_with("resident")
            || word_ends("as")
            || word_ends("inv")
    });
    if per_unit || PHRASES.iter().any(|p| compact.contains(p)) {
        return Some(KeyRatio::PerResident);
    }
    let percent_word = normalize(label)
        .split(' ')
        .any(|w| matches!(w, "prosenttia" | "prosenttina" | "procent" | "percent"));
    (compact.contains(['%', '‰']) || percent_word).then_some(KeyRatio::Percent)
}

/// Lines whose figure is itself a rate, so that a "%" in the label is theirs.
fn is_rate(def: &ItemDef) -> bool {
    def.id == "bg.tuloveroprosentti"
}

/// A population figure that is not the one on 31 December: kivijalka's
/// per-resident ratios divide by the population at the year's end, as
/// Statistics Finland's do, so a start-of-year or mean figure is not it.
pub fn other_population(label: &str) -> bool {
    const POPULATION: &[&str] = &[
        "asukasluku",
        "vakiluku",
        "asukkaita",
        "asukkaat",
        "asukasmaara",
        "invanarantal",
        "invanare",
        "folkmangd",
        "population",
    ];
    let n = normalize(label);
    let words: Vec<&str> = n.split(' ').collect();
    let population = words
        .iter()
        .any(|w| POPULATION.iter().any(|p| w.ends_with(p)));
    let mean = words.iter().any(|w| {
        w.starts_with("keski")
            || w.starts_with("medel")
            || matches!(*w, "genomsnittlig" | "average" | "mean")
    });
    let start_of_year = words.windows(2).any(|p| p == ["1", "1"]);
    population && (mean || start_of_year)
}

/// A footnote marker after a label ("Tulorahoituksen korjauserät 1",
/// "…2)", "…(3)", "…*", "…¹"): the label without it and the marker. A
/// number that is part of the label ("Rahavarat 31.12.") is not a marker:
/// only a number of one or two digits set apart by a space, or closed by a
/// parenthesis, is. Callers try the label as printed first.
pub fn strip_footnote(label: &str) -> Option<(&str, &str)> {
    let s = label.trim_end();
    let is_sup = |c: char| matches!(c, '¹' | '²' | '³' | '⁰'..='⁹' | '⁾' | '*' | '†' | '‡');
    let cut = if s.ends_with(is_sup) {
        s.trim_end_matches(is_sup).len()
    } else if let Some(inner) = s.strip_suffix(')') {
        let digits = inner.len() - inner.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if !(1..=2).contains(&digits) {
            return None;
        }
        let before = &inner[..inner.len() - digits];
        match before.strip_suffix('(') {
            Some(b) => b.len(),
            None => before.len(),
        }
    } else {
        let digits = s.len() - s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let before = &s[..s.len() - digits];
        if !(1..=2).contains(&digits) || !before.ends_with(char::is_whitespace) {
            return None;
        }
        before.len()
    };
    let head = s[..cut].trim_end();
    if !head.chars().any(char::is_alphabetic) {
        return None;
    }
    Some((head, s[cut..].trim()))
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
/// A key-ratio row is none of them, whatever its words: "Vuosikate €/as."
/// is not the vuosikate.
pub fn candidates(statement: Statement, label: &str) -> &'static [&'static ItemDef] {
    let found = index()
        .get(&(statement, normalize(label)))
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    match key_ratio(label) {
        None => found,
        Some(KeyRatio::Percent) if found.iter().all(|d| is_rate(d)) => found,
        Some(_) => &[],
    }
}

/// The lines a printed label could mean: as printed, else without a
/// trailing footnote marker, which is returned so that the reader can say
/// what it dropped.
pub fn resolve(statement: Statement, label: &str) -> (&'static [&'static ItemDef], Option<String>) {
    let c = candidates(statement, label);
    if !c.is_empty() {
        return (c, None);
    }
    match strip_footnote(label) {
        Some((head, marker)) => {
            let c = candidates(statement, head);
            (c, (!c.is_empty()).then(|| marker.to_string()))
        }
        None => (&[], None),
    }
}

/// Which statements a label belongs to at all; used to recognise a sheet by
/// its content when its name says nothing.
pub fn statements_of(label: &str) -> Vec<Statement> {
    let mut keys = vec![normalize(label)];
    if let Some((head, _)) = strip_footnote(label) {
        keys.push(normalize(head));
    }
    let mut v: Vec<Statement> = Statement::ALL
        .iter()
        .copied()
        .filter(|s| keys.iter().any(|k| index().contains_key(&(*s, k.clone()))))
        .filter(|s| !candidates(*s, label).is_empty() || key_ratio(label).is_none())
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

    fn resolved(st: Statement, label: &str) -> (&'static str, Option<String>) {
        let (c, marker) = resolve(st, label);
        assert!(!c.is_empty(), "no match for {label:?}");
        (c[0].id, marker)
    }

    #[test]
    fn footnote_markers_are_tried_off_after_the_label_as_printed() {
        use Statement::*;
        assert_eq!(
            resolved(Rahoituslaskelma, "Tulorahoituksen korjauserät 1"),
            ("rl.tulorahoituksen_korjauserat", Some("1".into()))
        );
        assert_eq!(
            resolved(Rahoituslaskelma, "TOIMINNAN JA INVESTOINTIEN RAHAVIRTA 1"),
            ("rl.toiminnan_ja_investointien_rahavirta", Some("1".into()))
        );
        assert_eq!(
            resolved(Rahoituslaskelma, "RAHOITUKSEN  RAHAVIRTA 1"),
            ("rl.rahoituksen_rahavirta", Some("1".into()))
        );
        assert_eq!(
            resolved(Tuloslaskelma, "Vuosikate 2)"),
            ("tl.vuosikate", Some("2)".into()))
        );
        assert_eq!(
            resolved(Tuloslaskelma, "Vuosikate (3)"),
            ("tl.vuosikate", Some("(3)".into()))
        );
        assert_eq!(
            resolved(Tuloslaskelma, "Vuosikate¹"),
            ("tl.vuosikate", Some("¹".into()))
        );
        // "*" is punctuation to the comparison already: nothing to say.
        assert_eq!(
            resolved(Tuloslaskelma, "Vuosikate *"),
            ("tl.vuosikate", None)
        );
        // A number that is part of the label is read with it.
        assert_eq!(
            resolved(Rahoituslaskelma, "Rahavarat 31.12."),
            ("rl.rahavarat_31_12", None)
        );
        assert_eq!(strip_footnote("Rahavarat 31.12"), None);
        assert_eq!(
            resolved(Rahoituslaskelma, "Rahavarat 31.12. 4"),
            ("rl.rahavarat_31_12", Some("4".into()))
        );
        assert_eq!(strip_footnote("1"), None);
        assert_eq!(strip_footnote("Lainat 2024"), None);
        assert!(
            resolve(Tuloslaskelma, "Verotulot ja valtionosuudet")
                .0
                .is_empty()
        );
    }

    #[test]
    fn surplus_forms_and_spacing_of_both_languages_match() {
        use Statement::*;
        for label in [
            "TILIKAUDEN YLIJÄÄMÄ/ ALIJÄÄMÄ (-)",
            "Tilikauden ylijäämä / alijäämä",
            "Tilikauden yli- /alijäämä",
            "Tilikauden yli- ja alijäämä",
            "Tilikauden  ylijäämä  (alijäämä)",
            "Räkenskapsperiodens över-/underskott",
            "Räkenskapsperiodens överskott/underskott",
        ] {
            assert_eq!(
                one(Tuloslaskelma, label),
                "tl.tilikauden_ylijaama",
                "{label}"
            );
        }
        assert_eq!(
            one(Tase, "Över-/underskott från tidigare räkenskapsperioder"),
            "ta.edellisten_ylijaama"
        );
        assert_eq!(one(Tase, "Övrigt eget kapital"), "ta.muu_oma_paaoma");
        let c = candidates(Tase, "Anslutningsavgifter och övriga skulder");
        let ids: Vec<&str> = c.iter().map(|d| d.id).collect();
        assert_eq!(ids, ["ta.pa_muut_velat", "ta.la_muut_velat"]);
        // The goodwill line's "yli- ja ali-" is not the surplus.
        assert_eq!(
            one(Tuloslaskelma, "Tilikauden yli- ja alipariarvot"),
            "tl.yli_ja_alipariarvot"
        );
        // Decomposed accents, as some systems save text.
        assert_eq!(
            one(Tuloslaskelma, "Henkilo\u{308}sto\u{308}kulut"),
            "tl.henkilostokulut"
        );
        assert_eq!(normalize("ÉLÄKEKULUT"), normalize("eläkekulut"));
    }

    #[test]
    fn normalize_is_idempotent() {
        let mut samples: Vec<String> = [
            "TILIKAUDEN YLIJÄÄMÄ/ ALIJÄÄMÄ (-)",
            "yli yli- ja alijäämä ylijäämä",
            "over över-/underskott och underskott",
            "1 a ii Toimintatuotot yhteensä yhteensä",
            "Vastaavaa yhteensä yhteensä",
            "a yhteensä",
            "İstanbul ẞ ǅ Å Ø",
            "  ",
            "ylijäämä tai alijäämä ja ylijäämä",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for d in ITEMS {
            samples.extend([d.fi, d.sv, d.en].map(String::from));
            samples.extend(d.aliases.iter().map(|a| a.to_string()));
        }
        // Random labels from the pieces that the folding treats specially.
        let pieces = [
            "2)",
            "(1)",
            "⁾",
            "12",
            "¹",
            "yli",
            "ali",
            "jäämä",
            "-",
            "/",
            " ",
            "(",
            ")",
            "ja",
            "över",
            "under",
            "skott",
            "1",
            "iv",
            "a",
            "yhteensä",
            "É",
            "Ä",
            "\u{308}",
            "İ",
            "*",
            "²",
            "och",
            "x",
            "g) ",
            "Q. ",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..(seed % 9) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            samples.push(s);
        }
        for s in &samples {
            let once = normalize(s);
            assert_eq!(normalize(&once), once, "{s:?}");
            // And the marker split never panics, nor leaves a label without letters.
            if let Some((head, _)) = strip_footnote(s) {
                assert!(head.chars().any(char::is_alphabetic), "{s:?}");
            }
        }
    }

    #[test]
    fn repeated_labels_give_every_candidate() {
        let c = candidates(Statement::Tase, "Muut saamiset");
        assert_eq!(c.len(), 3);
        assert!(is_plain_heading(&normalize("VASTAAVAA")));
        assert!(!is_plain_heading(&normalize("VASTAAVAA YHTEENSÄ")));
    }
}
