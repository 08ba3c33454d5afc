//! The scenario-key reference and `scenario show` in Finnish and Swedish:
//! every key's default, unit and meaning come from the registry in the
//! chosen language, so no English text slips into those outputs.

use kivijalka::report::Lang;
use kivijalka::scenario_file::KEYS;

use crate::support::*;

/// Words that would betray an English text left untranslated; chosen so
/// that no key name, TOML value or Finnish or Swedish word holds them.
const ENGLISH: &[&str] = &[
    " the ",
    " of ",
    "none",
    " average",
    "indexed",
    " days",
    "per year",
    "required",
    "Source:",
    "default",
    "meaning",
    "beyond the plan",
    "last given year",
];

fn english_in(text: &str) -> Vec<&'static str> {
    ENGLISH
        .iter()
        .copied()
        .filter(|w| text.contains(w))
        .collect()
}

fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

#[test]
fn show_words_defaults_and_units_in_the_chosen_language() {
    let sv = ok(&[
        "scenario",
        "show",
        "scenarios/tax_rise.toml",
        "--lang",
        "sv",
    ]);
    assert!(sv.contains("loans.min_cash_days = 30 dagar\n"), "{sv}");
    assert!(
        sv.contains("investments.trend_gross = planårens medeltal, indexerat (standardvärde)"),
        "{sv}"
    );
    let fi = ok(&[
        "scenario",
        "show",
        "scenarios/tax_rise.toml",
        "--lang",
        "fi",
    ]);
    assert!(fi.contains("loans.min_cash_days = 30 päivää\n"), "{fi}");
    assert!(
        fi.contains(
            "investments.trend_gross = suunnitelmavuosien keskiarvo, indeksoituna (oletus)"
        ),
        "{fi}"
    );
    for (lang, text) in [("sv", &sv), ("fi", &fi)] {
        assert!(
            english_in(text).is_empty(),
            "{lang}: {:?}\n{text}",
            english_in(text)
        );
    }
    let en = ok(&[
        "scenario",
        "show",
        "scenarios/tax_rise.toml",
        "--lang",
        "en",
    ]);
    assert!(en.contains("loans.min_cash_days = 30 days\n"), "{en}");
}

#[test]
fn diff_words_defaults_in_the_chosen_language() {
    let sv = ok(&[
        "scenario",
        "diff",
        "scenarios/baseline.toml",
        "scenarios/tax_rise.toml",
        "--lang",
        "sv",
    ]);
    assert!(english_in(&sv).is_empty(), "{:?}\n{sv}", english_in(&sv));
}

#[test]
fn keys_reference_in_finnish_and_swedish() {
    let sv = ok(&["scenario", "keys", "--lang", "sv"]);
    assert!(
        sv.starts_with("| nyckel | värde | standardvärde | betydelse |\n"),
        "{sv}"
    );
    assert!(
        sv.contains("Källa: Lag om statsandel för kommunal basservice 1704/2009"),
        "{sv}"
    );
    let fi = ok(&["scenario", "keys", "--lang", "fi"]);
    assert!(
        fi.starts_with("| avain | arvo | oletus | merkitys |\n"),
        "{fi}"
    );
    assert!(
        fi.contains("Lähde: Laki kunnan peruspalvelujen valtionosuudesta"),
        "{fi}"
    );
    for (lang, text) in [("sv", &sv), ("fi", &fi)] {
        assert!(
            english_in(text).is_empty(),
            "{lang}: {:?}",
            english_in(text)
        );
        // One row per key and the same keys in the same order as English.
        assert_eq!(
            text.lines().filter(|l| l.starts_with("| `")).count(),
            KEYS.len()
        );
    }
    // Without --lang and KIVIJALKA_LANG the reference is Finnish, as every
    // other command's output.
    assert_eq!(ok(&["scenario", "keys"]), fi);
}

#[test]
fn every_key_means_something_in_all_three_languages() {
    for k in KEYS {
        let texts = [Lang::Fi, Lang::Sv, Lang::En].map(|l| k.meaning_in(l));
        assert!(
            texts.iter().all(|t| !t.trim().is_empty()),
            "{}: {texts:?}",
            k.key
        );
        // A meaning of a few words that reads the same in Swedish as in
        // English was copied, not translated.
        if texts[2].split_whitespace().count() >= 3 {
            assert_ne!(texts[1], texts[2], "{}", k.key);
            assert_ne!(texts[0], texts[2], "{}", k.key);
        }
        for l in [Lang::Fi, Lang::Sv, Lang::En] {
            assert!(!k.default_in(l).trim().is_empty(), "{}: {l:?}", k.key);
        }
    }
}
