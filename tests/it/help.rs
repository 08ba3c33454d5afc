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

/// The example lines at the end of a command's help.
fn examples(command: &str) -> Vec<String> {
    let o = run(&[command, "--help"]);
    assert_eq!(o.status.code(), Some(0), "{command} --help");
    let text = stdout(&o);
    let (_, tail) = text
        .split_once("\nExamples:\n")
        .unwrap_or_else(|| panic!("{command} --help has no examples:\n{text}"));
    let lines: Vec<String> = tail
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    assert!(!lines.is_empty(), "{command}: no example lines");
    lines
}

#[test]
fn every_command_ends_its_help_with_examples_that_run() {
    let repo = root();
    for command in COMMANDS {
        for line in examples(command) {
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
            let dir = tempdir(&format!("example-{command}"));
            // The shipped files by their place in the repository, the
            // outputs into a fresh folder.
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
                .env_remove("KIVIJALKA_LANG")
                .output()
                .unwrap();
            // 1 is a finding (check, statutory), not a failure to run.
            assert!(
                matches!(o.status.code(), Some(0 | 1)),
                "{line}: exit {:?}\n{}",
                o.status.code(),
                String::from_utf8_lossy(&o.stderr)
            );
            let wrote = std::fs::read_dir(&dir).unwrap().next().is_some();
            assert!(
                !o.stdout.is_empty() || wrote,
                "{line}: printed and wrote nothing"
            );
        }
    }
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
    let o = run(&["man"]);
    assert_eq!(o.status.code(), Some(0));
    let page = stdout(&o);
    assert!(page.contains(".TH kivijalka 1"));
    assert!(
        page.contains("kivijalka\\-forecast(1)"),
        "the commands are listed"
    );
    let o = run(&["man", "forecast"]);
    let page = stdout(&o);
    assert!(page.contains(".TH kivijalka-forecast 1"), "{page}");
    assert!(page.contains("\\-\\-scenario") && page.contains("\\-\\-horizon"));
    assert!(
        page.contains("Examples:"),
        "the examples are in the page too"
    );
    let o = run(&["man", "nosuch"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(crate::support::stderr(&o).contains("the commands are indicators"));
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
