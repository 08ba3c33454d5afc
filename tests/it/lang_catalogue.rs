//! Every text shown to a user is given in Finnish, Swedish and English at
//! the place it is used (`Lang::tr`, `tr!`, a match with three arms), so
//! the compiler refuses a message with fewer. This test guards the forms
//! that would slip a language through anyway: a two-way choice between
//! Finnish and English, or a Swedish text copied from the English.

use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn all_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.strip_prefix(root).unwrap().display().to_string();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The forms of a choice between two languages only. (Finnish and Swedish
/// together is no such choice: they share their number format.)
const TWO_WAY: &[&str] = &[
    ".pick(",
    "Lang::Sv | Lang::En",
    "Lang::En | Lang::Sv",
    "== Lang::",
    "!= Lang::",
    "fi: bool",
];

#[test]
fn no_text_chooses_between_two_languages_only() {
    let mut found = Vec::new();
    for (name, text) in all_sources() {
        for (i, line) in text.lines().enumerate() {
            for form in TWO_WAY {
                if line.contains(form) && !line.trim_start().starts_with("//") {
                    found.push(format!("{name}:{}: {}", i + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "texts choosing between two languages only:\n{}",
        found.join("\n")
    );
}

/// The string literals of one call's arguments on one line, in order.
fn literals(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut lit = String::new();
        let mut escaped = false;
        for c in chars.by_ref() {
            if escaped {
                lit.push(c);
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                break;
            } else {
                lit.push(c);
            }
        }
        out.push(lit);
    }
    out
}

/// A Swedish text of three words or more equal to the English where the
/// Finnish differs is the English copied, not a translation ("under {p}"
/// and "Gr. 1" are Swedish as they stand).
#[test]
fn swedish_is_not_english_copied() {
    let mut found = Vec::new();
    for (name, text) in all_sources() {
        // Calls written on one line, and the three-line form rustfmt makes.
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let call = if line.trim_end().ends_with(".tr(") || line.trim_end().ends_with("tr!(")
            {
                lines[i..(i + 5).min(lines.len())].join(" ")
            } else if line.contains(".tr(\"") || line.contains("tr!(") {
                line.to_string()
            } else {
                continue;
            };
            let lits = literals(&call);
            if lits.len() < 3 {
                continue;
            }
            let (fi, sv, en) = (&lits[0], &lits[1], &lits[2]);
            if sv.trim().is_empty() && !en.trim().is_empty() {
                found.push(format!("{name}:{}: empty Swedish for {en:?}", i + 1));
            } else if sv == en && fi != en && en.split_whitespace().count() >= 3 {
                found.push(format!("{name}:{}: Swedish = English {en:?}", i + 1));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
