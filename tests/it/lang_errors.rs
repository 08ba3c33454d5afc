//! Errors and warnings in the user's language: the same mistake told in
//! Finnish, Swedish and English, each naming the file, sheet, cell or line
//! and the key or flag, with the same exit code.

use std::path::Path;
use std::process::{Command, Output};

use crate::support::{good_rows, income_statement, path_str, root, tempdir, xlsx};

/// Runs kivijalka with KIVIJALKA_LANG set, as a command without --lang
/// (scenario show) takes its language from it.
fn run_in(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kivijalka"))
        .args(args)
        .current_dir(root())
        .env("KIVIJALKA_LANG", lang)
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("run kivijalka")
}

/// Exit code 2, nothing on stdout, and stderr in each language holding its
/// words and none of the English ones that would betray an untranslated
/// message.
fn refused_in_each(args: &[&str], words: [&[&str]; 3]) {
    let english = [
        "error:",
        "caused by",
        "cell ",
        "line ",
        "sheet ",
        "unknown field",
        "unknown lever",
        "not a ",
        "no such",
        "problem(s)",
    ];
    for (lang, want) in ["fi", "sv", "en"].into_iter().zip(words) {
        let o = run_in(lang, args);
        let err = String::from_utf8_lossy(&o.stderr).to_string();
        assert_eq!(o.status.code(), Some(2), "{lang} {args:?}: {err}");
        assert!(o.stdout.is_empty(), "{lang} {args:?} wrote output");
        for w in want {
            assert!(err.contains(w), "{lang} {args:?}: '{w}' not in: {err}");
        }
        if lang != "en" {
            // "cell" is Swedish too.
            for w in english.iter().filter(|w| lang == "fi" || **w != "cell ") {
                assert!(!err.contains(w), "{lang} {args:?}: English '{w}' in: {err}");
            }
        }
    }
}

#[test]
fn a_missing_file_is_named_in_each_language() {
    refused_in_each(
        &["indicators", "data/ei-ole.xlsx"],
        [
            &["virhe: data/ei-ole.xlsx: tiedostoa ei ole\n"],
            &["fel: data/ei-ole.xlsx: filen finns inte\n"],
            &["error: data/ei-ole.xlsx: no such file\n"],
        ],
    );
}

#[test]
fn a_text_in_a_figure_cell_is_named_by_sheet_and_cell_in_each_language() {
    let dir = tempdir("lang-cell");
    let path = dir.join("teksti.xlsx");
    let mut rows = good_rows("15");
    rows[3] = vec!["Verotulot", "300", "n/a"];
    xlsx(
        &path,
        &[("Tuloslaskelma", income_statement("1 000 €", rows))],
    );
    let file = path_str(&path);
    refused_in_each(
        &["indicators", file],
        [
            &[
                "virhe: ",
                "taulukko 'Tuloslaskelma', solu C9: 'n/a' ei ole luku (rivi \"Verotulot\", TP 2023)",
                "korjattavia ongelmia 1",
                "`kivijalka check`",
            ],
            &[
                "fel: ",
                "blad 'Tuloslaskelma', cell C9: 'n/a' är inte ett tal (rad \"Verotulot\", TP 2023)",
                "problem som måste rättas: 1",
            ],
            &[
                "error: ",
                "sheet 'Tuloslaskelma', cell C9: 'n/a' is not a number (row \"Verotulot\", TP 2023)",
                "1 problem(s) must be fixed",
            ],
        ],
    );
}

fn as_str(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn a_misspelt_scenario_key_is_named_by_file_and_line_in_each_language() {
    let dir = tempdir("lang-key");
    let path = dir.join("kirjoitusvirhe.toml");
    std::fs::write(&path, "name = \"x\"\n[tax]\nrate_chnge = 1\n").unwrap();
    let file = path_str(&path);
    let words = |prefix: &'static str, line: &'static str, said: &'static str| -> Vec<String> {
        vec![
            format!("{prefix} {file}, {line} 3: "),
            said.to_string(),
            "`rate_change`".to_string(),
        ]
    };
    let fi = words(
        "virhe:",
        "rivi",
        "tuntematon avain `rate_chnge`; sallitut avaimet: ",
    );
    let sv = words(
        "fel:",
        "rad",
        "okänd nyckel `rate_chnge`; tillåtna nycklar: ",
    );
    let en = words(
        "error:",
        "line",
        "unknown field `rate_chnge`, expected one of ",
    );
    let (fi, sv, en) = (as_str(&fi), as_str(&sv), as_str(&en));
    // Read by a command with --lang (its default from KIVIJALKA_LANG) and by
    // one without (scenario show).
    refused_in_each(
        &["forecast", "data/kivikoski.xlsx", "--scenario", file],
        [&fi, &sv, &en],
    );
    refused_in_each(&["scenario", "show", file], [&fi, &sv, &en]);
}

#[test]
fn a_bad_flag_value_is_named_by_its_flag_in_each_language() {
    refused_in_each(
        &["solve", "data/kivikoski.xlsx", "--lever", "verot"],
        [
            &[
                "virhe: --lever verot: tuntematon vipu 'verot'; käytä tax-rate, savings tai investment-cap\n",
            ],
            &[
                "fel: --lever verot: okänd hävstång 'verot'; använd tax-rate, savings eller investment-cap\n",
            ],
            &[
                "error: --lever verot: unknown lever 'verot'; use tax-rate, savings or investment-cap\n",
            ],
        ],
    );
}

#[test]
fn the_flag_lang_chooses_the_language_over_the_environment() {
    let o = run_in("en", &["indicators", "data/ei-ole.xlsx", "--lang", "sv"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "fel: data/ei-ole.xlsx: filen finns inte\n"
    );
}

#[test]
fn a_cause_is_worded_in_each_language() {
    let dir = tempdir("lang-cause");
    let child = dir.join("lapsi.toml");
    std::fs::write(&child, "extends = \"ei-ole.toml\"\n").unwrap();
    let file = path_str(&child);
    let gone = Path::new(file).with_file_name("ei-ole.toml");
    let gone = path_str(&gone);
    let expect = |e: &str, cannot: &str, cause: &str, missing: &str| {
        format!("{e} {file}, {cannot} {gone}\n  {cause} {gone}\n  {cause} {missing} (os error 2)\n")
    };
    for (lang, want) in [
        (
            "fi",
            expect(
                "virhe:",
                "rivi 1: extends: tiedostoa",
                "syy:",
                "tiedostoa tai kansiota ei ole",
            ),
        ),
        (
            "sv",
            expect(
                "fel:",
                "rad 1: extends: filen",
                "orsak:",
                "filen eller mappen finns inte",
            ),
        ),
    ] {
        let o = run_in(lang, &["scenario", "show", file]);
        let err = String::from_utf8_lossy(&o.stderr)
            .replace(" ei voi lukea", "")
            .replace(" kan inte läsas", "");
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert_eq!(err, want);
    }
}
