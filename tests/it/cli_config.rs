//! Each command's config: the flags it offers are the ones it honours, a
//! mistake in a flag is named before any file is read, and a command reads
//! only the files it uses. And the layering the configs rest on: no command
//! module imports another, the application layer knows no flags.

use std::process::Output;

use clap::CommandFactory;

use crate::support::{root, run, stderr, stdout};

const EXAMPLE: &str = "data/kivikoski.xlsx";
/// A settings file that is not there: reading it would be an error.
const MISSING: &str = "no-such-targets.toml";

fn usage_error(o: &Output, args: &[&str], wants: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
    assert!(o.stdout.is_empty(), "{args:?} wrote output");
    assert!(err.contains(wants), "{args:?}: '{wants}' not in: {err}");
    assert!(!err.contains(MISSING), "{args:?} read a file first: {err}");
}

#[test]
fn explain_is_offered_only_by_the_commands_that_honour_it() {
    let cli = kivijalka::cli::Cli::command();
    let mut offering = Vec::new();
    for sub in cli.get_subcommands() {
        if sub.get_arguments().any(|a| a.get_long() == Some("explain")) {
            offering.push(sub.get_name().to_string());
        }
    }
    assert_eq!(offering, ["indicators", "ratios"]);
    let o = run(&["forecast", EXAMPLE, "--explain"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("unexpected argument '--explain'"));
}

#[test]
fn a_mistake_in_a_flag_is_named_before_any_file_is_read() {
    let cases: [(&[&str], &str); 6] = [
        (
            &["solve", EXAMPLE, "--lever", "wages"],
            "unknown lever 'wages'",
        ),
        (
            &[
                "solve",
                EXAMPLE,
                "--lever",
                "tax-rate",
                "--indicators",
                "1,9",
            ],
            "'9' is not an indicator number",
        ),
        (&["report", EXAMPLE, "--out", "r.pdf"], "--out"),
        (&["report", EXAMPLE], "report needs --out"),
        (&["compare", EXAMPLE], "at least one scenario file"),
        (&["forecast", EXAMPLE, "--years", "2030-2020"], "--years"),
    ];
    for (args, wants) in cases {
        // The settings file named is missing and so is the workbook: the
        // flag's mistake is what the user hears, not a file's absence.
        for wb in [EXAMPLE, "no-such-workbook.xlsx"] {
            let mut all: Vec<&str> = args
                .iter()
                .map(|a| if *a == EXAMPLE { wb } else { a })
                .collect();
            all.extend(["--targets", MISSING]);
            usage_error(&run(&all), &all, wants);
        }
    }
}

#[test]
fn explain_reads_no_workbook_and_no_settings_file() {
    for cmd in ["indicators", "ratios"] {
        let plain = run(&[cmd, "--explain", "--lang", "en"]);
        let with = run(&[
            cmd,
            "--explain",
            "--lang",
            "en",
            "--targets",
            MISSING,
            "--index",
            MISSING,
        ]);
        assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
        assert_eq!(with.status.code(), Some(0), "{cmd}: {}", stderr(&with));
        assert_eq!(plain.stdout, with.stdout, "{cmd}");
        // A --years mistake is still one, though the formulas have no years.
        let o = run(&[cmd, "--explain", "--years", "1800"]);
        assert_eq!(o.status.code(), Some(2), "{cmd}: {}", stderr(&o));
    }
}

#[test]
fn only_the_commands_that_measure_read_the_settings_files() {
    // check and statements show the workbook as read: no targets, no index.
    for cmd in ["check", "statements"] {
        let plain = run(&[cmd, EXAMPLE, "--format", "csv"]);
        let with = run(&[cmd, EXAMPLE, "--format", "csv", "--targets", MISSING]);
        assert_eq!(
            plain.status.code(),
            with.status.code(),
            "{cmd}: {}",
            stderr(&with)
        );
        assert_eq!(stdout(&plain), stdout(&with), "{cmd}");
        assert!(!plain.stdout.is_empty());
    }
    // A command that measures needs its targets, and names the file.
    let o = run(&["indicators", EXAMPLE, "--targets", MISSING]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(MISSING), "{}", stderr(&o));
}

/// The `use` statements and paths of a source file, one string each.
fn paths(src: &str) -> Vec<String> {
    src.split(';')
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The identifiers named after `prefix` (as in `cmd::forecast` or
/// `cmd::{Figures, Outcome}`) anywhere in `stmt`.
fn named_after(stmt: &str, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in stmt.match_indices(prefix) {
        let rest = &stmt[i + prefix.len()..];
        let rest = match rest.strip_prefix('{') {
            Some(r) => &r[..r.find('}').unwrap_or(r.len())],
            None => rest,
        };
        let first_only = !stmt[i + prefix.len()..].starts_with('{');
        for w in rest.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            if !w.is_empty() {
                out.push(w.to_string());
                if first_only {
                    break;
                }
            }
        }
    }
    out
}

#[test]
fn no_command_module_imports_another_and_the_app_layer_knows_no_flags() {
    let dir = root().join("src/cmd");
    let mut commands = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let stem = p.file_stem().unwrap().to_string_lossy().to_string();
        if stem != "mod" {
            commands.push(stem);
        }
    }
    assert!(commands.len() >= 12, "{commands:?}");
    for c in &commands {
        let src = std::fs::read_to_string(dir.join(format!("{c}.rs"))).unwrap();
        for stmt in paths(&src) {
            for prefix in ["cmd::", "super::"] {
                for name in named_after(&stmt, prefix) {
                    assert!(
                        !commands.contains(&name) || name == *c,
                        "src/cmd/{c}.rs imports the command module {name}: {stmt}"
                    );
                }
            }
        }
    }
    for e in std::fs::read_dir(root().join("src/app")).unwrap() {
        let p = e.unwrap().path();
        let src = std::fs::read_to_string(&p).unwrap();
        for layer in ["crate::cli", "crate::cmd"] {
            assert!(!src.contains(layer), "{} uses {layer}", p.display());
        }
    }
}

#[test]
fn the_import_check_sees_an_import() {
    // The check above passes on any source if it finds nothing: it must
    // find these.
    assert_eq!(
        named_after("use crate::cmd::forecast::run", "cmd::"),
        ["forecast"]
    );
    assert_eq!(
        named_after("use crate::cmd::{Outcome, report}", "cmd::"),
        ["Outcome", "report"]
    );
    assert_eq!(named_after("use super::compare", "super::"), ["compare"]);
}
