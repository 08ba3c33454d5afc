//! Each command's config: the flags it offers are the ones it honours, a
//! mistake in a flag is named before any file is read, and a command reads
//! only the files it uses. And the layering the configs rest on: no command
//! module imports another, the application layer knows no flags.

use std::process::Output;

use clap::CommandFactory;

use crate::support::{root, run, run_en, stderr, stdout};

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
    let o = run(&["forecast", EXAMPLE, "--explain", "--lang", "en"]);
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
            usage_error(&run_en(&all), &all, wants);
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
    // check and statements show the workbook as read: no targets, no index,
    // and a settings file named to them is refused before it is looked for.
    for cmd in ["check", "statements"] {
        for flag in ["--targets", "--index"] {
            let args = [
                cmd, EXAMPLE, "--format", "csv", flag, MISSING, "--lang", "en",
            ];
            usage_error(&run(&args), &args, &format!("unexpected argument '{flag}'"));
        }
    }
    // A command that measures needs its targets, and names the file.
    let o = run(&["indicators", EXAMPLE, "--targets", MISSING]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(MISSING), "{}", stderr(&o));
}

/// Every flag each command's config reads, and the positionals it takes.
/// Why the gaps: check reports a workbook's errors rather than reading past
/// them and measures nothing (no --allow-unknown, settings or --years);
/// statements measure nothing (no settings); solve, simulate, sensitivity
/// and report measure every projected year (no --years); report writes one
/// file whose kind its name gives (no --format).
#[rustfmt::skip]
const HONOURED: &[(&str, &[&str])] = &[
    ("indicators", &["workbook", "targets", "index", "lang", "format", "out", "wide", "years", "allow-unknown", "explain"]),
    ("ratios", &["workbook", "targets", "index", "lang", "format", "out", "wide", "years", "allow-unknown", "explain"]),
    ("check", &["workbook", "lang", "format", "out", "wide"]),
    ("statements", &["workbook", "lang", "format", "out", "wide", "years", "allow-unknown"]),
    ("forecast", &["workbook", "targets", "index", "lang", "format", "out", "wide", "years", "allow-unknown", "scenario", "start", "horizon", "show"]),
    ("compare", &["workbook", "targets", "index", "lang", "format", "out", "wide", "years", "allow-unknown", "scenarios", "start", "horizon"]),
    ("solve", &["workbook", "targets", "index", "lang", "format", "out", "wide", "allow-unknown", "scenario", "lever", "by", "from", "indicators", "statutory", "rules", "start", "horizon"]),
    ("simulate", &["workbook", "targets", "index", "lang", "format", "out", "wide", "allow-unknown", "scenario", "paths", "seed", "jobs", "start", "horizon"]),
    ("sensitivity", &["workbook", "targets", "index", "lang", "format", "out", "wide", "allow-unknown", "scenario", "start", "horizon"]),
    ("report", &["workbook", "targets", "index", "lang", "out", "allow-unknown", "scenario", "simulate", "seed", "sensitivity", "start", "horizon", "rules"]),
    ("batch", &["inputs", "out", "scenario", "report", "targets", "index", "lang", "jobs", "allow-unknown", "simulate", "seed", "panel", "shard", "merge", "peer-group", "peer-group-file", "start", "horizon", "rules"]),
    ("statutory", &["workbook", "scenario", "rules", "lang", "format", "out", "wide", "allow-unknown", "start", "horizon", "extension-granted"]),
    ("scenario diff", &["a", "b", "lang"]),
    ("scenario show", &["file", "lang"]),
    ("scenario keys", &["lang"]),
    ("completions", &["shell"]),
    ("man", &["command"]),
    ("lines", &["lang"]),
];

/// Each command (a nested one as "scenario diff") with the flags and
/// positionals its --help offers, help and version aside.
fn offered() -> Vec<(String, Vec<String>)> {
    fn walk(cmd: &clap::Command, prefix: &str, out: &mut Vec<(String, Vec<String>)>) {
        for sub in cmd.get_subcommands() {
            let name = format!("{prefix}{}", sub.get_name());
            if sub.has_subcommands() {
                walk(sub, &format!("{name} "), out);
                continue;
            }
            let args = sub
                .get_arguments()
                .filter(|a| !["help", "version"].contains(&a.get_id().as_str()))
                .map(|a| match a.get_long() {
                    Some(l) => l.to_string(),
                    None => a.get_id().to_string(),
                })
                .collect();
            out.push((name, args));
        }
    }
    let mut out = Vec::new();
    walk(&kivijalka::cli::Cli::command(), "", &mut out);
    out
}

#[test]
fn each_command_offers_exactly_the_flags_its_config_reads() {
    let offered = offered();
    let names: Vec<&str> = offered.iter().map(|(n, _)| n.as_str()).collect();
    let listed: Vec<&str> = HONOURED.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, listed, "a command missing from the table or the CLI");
    for ((name, flags), (_, honoured)) in offered.iter().zip(HONOURED) {
        let mut a: Vec<&str> = flags.iter().map(String::as_str).collect();
        let mut b = honoured.to_vec();
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b, "{name}: offered vs honoured");
    }
    // And --help shows what clap offers: one line per flag.
    for (name, flags) in &offered {
        let mut args: Vec<&str> = name.split(' ').collect();
        args.push("--help");
        let help = stdout(&run(&args));
        for f in flags {
            let shown = help.contains(&format!("--{f}"))
                || help.contains(&format!("[{}", f.to_uppercase()))
                || help.contains(&format!("<{}", f.to_uppercase()));
            assert!(shown, "{name} --help does not show {f}:\n{help}");
        }
    }
}

#[test]
fn a_flag_a_command_does_not_honour_is_refused_with_no_output() {
    // Every flag some command offers (positionals are not flags).
    let every: std::collections::BTreeSet<String> = kivijalka::cli::Cli::command()
        .get_subcommands()
        .flat_map(|c| c.get_arguments().filter_map(|a| a.get_long()))
        .filter(|l| !["help", "version"].contains(l))
        .map(str::to_string)
        .collect();
    assert!(every.len() >= 20, "{every:?}");
    let dir = crate::support::tempdir("ignored-flags");
    let out = dir.join("written.txt");
    let out = out.to_str().unwrap();
    for (name, honoured) in HONOURED {
        for flag in every.iter().filter(|f| !honoured.contains(&f.as_str())) {
            let flag = format!("--{flag}");
            let mut args: Vec<&str> = name.split(' ').collect();
            // The flag first: clap names the first argument it refuses.
            args.extend([flag.as_str(), EXAMPLE, "--lang", "en"]);
            let o = run(&args);
            let err = stderr(&o);
            assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
            assert!(o.stdout.is_empty(), "{args:?} wrote output");
            assert!(
                err.contains(&format!("unexpected argument '{flag}'")),
                "{args:?}: {err}"
            );
        }
    }
    // The uses the commands once accepted and ignored, with their values:
    // refused before anything is read or written.
    let cases: [&[&str]; 7] = [
        &["check", EXAMPLE, "--years", "2022-2024", "--out", out],
        &["check", EXAMPLE, "--allow-unknown", "--out", out],
        &["statements", EXAMPLE, "--index", MISSING, "--out", out],
        &[
            "solve", EXAMPLE, "--lever", "tax-rate", "--years", "2025", "--out", out,
        ],
        &[
            "simulate",
            EXAMPLE,
            "--scenario",
            "scenarios/uncertain.toml",
            "--years",
            "2025",
            "--out",
            out,
        ],
        &[
            "sensitivity",
            EXAMPLE,
            "--scenario",
            "scenarios/uncertain.toml",
            "--years",
            "2025",
            "--out",
            out,
        ],
        &["report", EXAMPLE, "--format", "csv", "--out", out],
    ];
    for args in cases {
        let args: Vec<&str> = args.iter().copied().chain(["--lang", "en"]).collect();
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?} wrote output");
        assert!(stderr(&o).contains("unexpected argument"), "{args:?}");
        assert!(!std::path::Path::new(out).exists(), "{args:?} wrote {out}");
    }
    let _ = std::fs::remove_dir_all(&dir);
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
    // The app layer's files, its modules' own folders (src/app/batch/) too.
    let mut files = vec![root().join("src/app")];
    while let Some(p) = files.pop() {
        if p.is_dir() {
            files.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
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
