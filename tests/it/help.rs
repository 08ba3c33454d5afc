//! The command line as a shell and a reader see it: every command's help
//! ends with examples that really run, completions for each shell, and the
//! manual pages.

use std::process::Command;

use crate::support::{root, run, stdout, tempdir};

/// The commands a user runs (not `help` itself).
const COMMANDS: &[&str] = &[
    "indicators",
    "ratios",
    "check",
    "statements",
    "forecast",
    "compare",
    "solve",
    "simulate",
    "sensitivity",
    "report",
    "batch",
    "statutory",
    "scenario",
    "lines",
    "completions",
    "man",
];

/// The languages of the help, each with the heading of its examples.
const LANGS: &[(&str, &str)] = &[
    ("fi", "Esimerkkejä:"),
    ("sv", "Exempel:"),
    ("en", "Examples:"),
];

/// kivijalka run with its help in `lang`.
fn run_in(lang: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kivijalka"))
        .args(args)
        .current_dir(root())
        .env("KIVIJALKA_LANG", lang)
        .output()
        .unwrap()
}

/// The example lines at the end of a command's help in `lang`.
fn examples(command: &str, (lang, heading): (&str, &str)) -> Vec<String> {
    let o = run_in(lang, &[command, "--help"]);
    assert_eq!(o.status.code(), Some(0), "{command} --help");
    let text = stdout(&o);
    let (_, tail) = text
        .split_once(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("{command} --help has no examples in {lang}:\n{text}"));
    let lines: Vec<String> = tail
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    assert!(!lines.is_empty(), "{command}: no example lines");
    lines
}

/// Runs one example line in a fresh folder with the output in `lang`.
fn run_example(command: &str, line: &str, lang: &str) {
    assert!(
        line.starts_with(&format!("kivijalka {command}")),
        "{command}: an example of another command: {line}"
    );
    // A shell redirection is the shell's: run the command before it.
    let words: Vec<&str> = line
        .split(" > ")
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    let dir = tempdir(&format!("example-{command}-{lang}"));
    // The shipped files by their place in the repository, the outputs into
    // a fresh folder.
    let repo = root();
    let args: Vec<String> = words[1..]
        .iter()
        .map(|w| {
            if w.starts_with("data/") || w.starts_with("scenarios/") {
                repo.join(w).display().to_string()
            } else {
                w.to_string()
            }
        })
        .collect();
    let o = Command::new(env!("CARGO_BIN_EXE_kivijalka"))
        .args(&args)
        .current_dir(&dir)
        .env("KIVIJALKA_LANG", lang)
        .output()
        .unwrap();
    // 1 is a finding (check, statutory), not a failure to run.
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{line} ({lang}): exit {:?}\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr)
    );
    let wrote = std::fs::read_dir(&dir).unwrap().next().is_some();
    assert!(
        !o.stdout.is_empty() || wrote,
        "{line} ({lang}): printed and wrote nothing"
    );
}

#[test]
fn every_command_ends_its_help_with_examples_that_run_in_every_language() {
    for command in COMMANDS {
        let english = examples(command, LANGS[2]);
        for &(lang, heading) in LANGS {
            let lines = examples(command, (lang, heading));
            assert_eq!(lines, english, "{command}: the examples differ in {lang}");
            for line in &lines {
                run_example(command, line, lang);
            }
        }
    }
}

#[test]
fn the_help_speaks_the_language_of_the_environment() {
    let help = |lang: &str| stdout(&run_in(lang, &["forecast", "--help"]));
    let fi = help("fi");
    for word in [
        "Käyttö:",
        "Argumentit:",
        "Valinnat:",
        "Tilinpäätöksen työkirja",
        "Näytä ohje",
        "Ajurit ja keskeiset luvut",
        "[oletus: table]",
        "[mahdolliset arvot: fi, sv, en]",
    ] {
        assert!(fi.contains(word), "fi lacks {word}:\n{fi}");
    }
    let sv = help("sv");
    for word in [
        "Användning:",
        "Argument:",
        "Alternativ:",
        "Arbetsboken med bokslutet",
        "Visa hjälpen",
        "Drivarna och de centrala talen",
        "[standard: table]",
        "[möjliga värden: fi, sv, en]",
    ] {
        assert!(sv.contains(word), "sv lacks {word}:\n{sv}");
    }
    // The English the clap derive gives, a word of which would betray an
    // untranslated text.
    let en = help("en");
    let english = [
        "Usage:",
        "Arguments:",
        "Options:",
        "The statement workbook",
        "Print help",
        "The drivers and key figures",
        "Examples:",
        "[default: table]",
        "[possible values: fi, sv, en]",
        "Possible values:",
        "[env: KIVIJALKA_LANG",
    ];
    for word in english {
        assert!(en.contains(word), "en lacks {word}:\n{en}");
        assert!(
            !fi.contains(word) && !sv.contains(word),
            "{word} untranslated"
        );
    }
    // The list of commands and a command's short help alike.
    let top = stdout(&run_in("sv", &["--help"]));
    assert!(
        top.contains("Kommandon:") && top.contains("Granskar arbetsboken"),
        "{top}"
    );
    let short = stdout(&run_in("fi", &["solve", "-h"]));
    assert!(
        short.contains("Pienin vivun liike") && !short.contains("Options:"),
        "{short}"
    );
    // Without KIVIJALKA_LANG the locale chooses, and Finnish is the default.
    let by_locale = |locale: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_kivijalka"))
            .args(["forecast", "--help"])
            .env_remove("KIVIJALKA_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", locale)
            .output()
            .unwrap();
        stdout(&o)
    };
    // clap shows the variable's value beside --lang, here unset.
    let unset = |text: &str, lang: &str| {
        text.replace(&format!("KIVIJALKA_LANG={lang}]"), "KIVIJALKA_LANG=]")
    };
    assert_eq!(by_locale("sv_FI.UTF-8"), unset(&sv, "sv"));
    assert_eq!(by_locale("en_GB.UTF-8"), unset(&en, "en"));
    assert_eq!(by_locale("C.UTF-8"), unset(&fi, "fi"));
}

#[test]
fn manual_pages_and_completions_speak_it_too() {
    let page = stdout(&run_in("sv", &["man", "forecast"]));
    assert!(
        page.contains("Prognostiserar räkenskaperna enligt ett scenario"),
        "{page}"
    );
    assert!(page.contains("Arbetsboken med bokslutet") && page.contains("Exempel:"));
    let page = stdout(&run_in("fi", &["man"]));
    assert!(page.contains("Tarkistaa ja mittaa suomalaisen kunnan tilinpäätöksen"));
    let fish = stdout(&run_in("fi", &["completions", "fish"]));
    assert!(fish.contains("Tarkistaa työkirjan") && !fish.contains("Validates the workbook"));
}

#[test]
fn completions_for_every_shell_name_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = run(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let text = stdout(&o);
        for command in COMMANDS {
            assert!(text.contains(command), "{shell} completions lack {command}");
        }
        // Fish spells a long flag "-l scenario", the others "--scenario".
        assert!(
            text.contains("scenario") && text.contains("lang"),
            "{shell}"
        );
    }
    let o = run(&["completions", "tcsh"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
}

#[test]
fn manual_pages_for_the_tool_and_each_command() {
    let o = run_in("en", &["man"]);
    assert_eq!(o.status.code(), Some(0));
    let page = stdout(&o);
    assert!(page.contains(".TH kivijalka 1"));
    assert!(
        page.contains("kivijalka\\-forecast(1)"),
        "the commands are listed"
    );
    let o = run_in("en", &["man", "forecast"]);
    let page = stdout(&o);
    assert!(page.contains(".TH kivijalka-forecast 1"), "{page}");
    assert!(page.contains("\\-\\-scenario") && page.contains("\\-\\-horizon"));
    assert!(
        page.contains("Examples:"),
        "the examples are in the page too"
    );
    let o = run_in("en", &["man", "nosuch"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(crate::support::stderr(&o).contains("the commands are indicators"));
    let o = run_in("sv", &["man", "nosuch"]);
    assert!(crate::support::stderr(&o).contains("kommandona är indicators"));
}

#[test]
fn the_language_comes_from_kivijalka_lang_unless_a_flag_names_it() {
    let example = crate::support::example();
    let run_with = |lang: Option<&str>, args: &[&str]| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_kivijalka"));
        c.arg("indicators")
            .arg(&example)
            .args(args)
            .current_dir(root());
        match lang {
            Some(l) => c.env("KIVIJALKA_LANG", l),
            None => c.env_remove("KIVIJALKA_LANG"),
        };
        String::from_utf8(c.output().unwrap().stdout).unwrap()
    };
    let fi = run_with(None, &[]);
    let en = run_with(Some("en"), &[]);
    assert!(fi.contains("Vuosi") && !fi.contains("Year "));
    assert!(en.starts_with(&run_with(None, &["--lang", "en"])[..20]));
    assert!(en.contains("Year "));
    assert_eq!(run_with(Some("en"), &["--lang", "fi"]), fi, "the flag wins");
}

#[test]
fn a_usage_error_speaks_the_environment_unless_the_line_names_a_language() {
    let o = run_in("sv", &["check", "--explain"]);
    assert_eq!(o.status.code(), Some(2));
    let sv = crate::support::stderr(&o);
    assert!(sv.starts_with("fel: oväntat argument '--explain'"), "{sv}");
    assert!(
        sv.contains("Användning: kivijalka check") && sv.contains("Mer information: '--help'.")
    );
    let o = run_in("sv", &["check", "--explain", "--lang", "en"]);
    let en = crate::support::stderr(&o);
    assert!(
        en.starts_with("error: unexpected argument '--explain' found"),
        "{en}"
    );
    let o = run_in("fi", &["forecast", "--show", "x"]);
    let fi = crate::support::stderr(&o);
    assert!(
        fi.starts_with("virhe: virheellinen arvo 'x' valinnalle '--show <SHOW>'"),
        "{fi}"
    );
    assert!(
        fi.contains("[mahdolliset arvot: indicators, drivers, statements]"),
        "{fi}"
    );
    let help = stdout(&run_in("fi", &["forecast", "--help", "--lang=sv"]));
    assert!(help.contains("Användning:"), "{help}");
}
