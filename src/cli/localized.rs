//! The clap command in the user's language: the derive's English texts
//! replaced, command by command and argument by argument, from the
//! catalogue in [`super::help_text`], then clap's own words.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Arg, Command, ValueEnum};

use super::Show;
use super::help_text::{self, Part};
use crate::report::Lang;

/// The whole command tree with every text in `lang`, built as clap builds
/// it to parse: the help subcommand takes command names as values.
pub fn to_parse(base: Command, lang: Lang) -> Command {
    builtin(built(texts(base, "", lang, Noted::Yes)), lang)
}

/// The whole command tree with every text in `lang`, built as clap builds
/// it for completions and man pages: the help subcommand holds a copy of
/// each command, so that `help <TAB>` completes them.
pub fn to_describe(base: Command, lang: Lang, noted: Noted) -> Command {
    let mut cmd = texts(base, "", lang, noted);
    cmd.build();
    builtin(cmd, lang)
}

/// Each command built as parsing builds it, the parent first, so that the
/// help and version flags and the help subcommand exist to be worded.
/// clap builds a command when it renders its usage.
fn built(mut cmd: Command) -> Command {
    cmd.render_usage();
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    names
        .iter()
        .fold(cmd, |cmd, name| cmd.mut_subcommand(name, built))
}

/// A command's own texts and its arguments', then its subcommands'.
fn texts(cmd: Command, path: &str, lang: Lang, noted: Noted) -> Command {
    let about = help_text::find(path, &Part::About).map(|t| t.get(lang).to_owned());
    let cmd = match about {
        Some(text) => cmd.about(text),
        None => cmd,
    };
    let cmd = examples(cmd, lang);
    let cmd = cmd.mut_args(|arg| argument(arg, path, lang, noted));
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    names.iter().fold(cmd, |cmd, name| {
        let sub = join(path, name);
        cmd.mut_subcommand(name, |c| texts(c, &sub, lang, noted))
    })
}

/// "forecast" under the tool, "scenario diff" under "scenario".
pub(super) fn join(path: &str, name: &str) -> String {
    match path {
        "" => name.to_owned(),
        _ => format!("{path} {name}"),
    }
}

/// The examples' heading in `lang`; the command lines are the same in every
/// language.
fn examples(cmd: Command, lang: Lang) -> Command {
    let text = cmd.get_after_help().map(|t| t.to_string());
    match text.as_deref().and_then(|t| t.strip_prefix("Examples:")) {
        Some(lines) => {
            let heading = lang.tr("Esimerkkejä:", "Exempel:", "Examples:");
            cmd.after_help(format!("{heading}{lines}"))
        }
        None => cmd,
    }
}

/// An argument's help, where the English has one (an argument without
/// help has none in any language), and clap's notes after it.
fn argument(arg: Arg, path: &str, lang: Lang, noted: Noted) -> Arg {
    let id = arg.get_id().as_str().to_owned();
    let text = help_text::find(path, &Part::Arg(&id)).filter(|_| arg.get_help().is_some());
    let arg = match text {
        Some(t) => arg.help(t.get(lang).to_owned()),
        None => arg,
    };
    let arg = match id.as_str() {
        "show" => arg.value_parser(show_values(path, lang)),
        _ => arg,
    };
    match (noted, notes(lang)) {
        (Noted::Yes, Some(words)) => with_notes(arg, &words),
        _ => arg,
    }
}

/// Whether an argument's help carries the notes clap puts after it: the
/// help and the man pages show them, a completion's description is the
/// help alone, as clap's own.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Noted {
    Yes,
    No,
}

/// The words clap puts in brackets after an argument's help.
struct Notes {
    env: &'static str,
    default: &'static str,
    values: &'static str,
    values_heading: &'static str,
}

/// English keeps clap's own notes and their layout.
fn notes(lang: Lang) -> Option<Notes> {
    match lang {
        Lang::Fi => Some(Notes {
            env: "ympäristömuuttuja",
            default: "oletus",
            values: "mahdolliset arvot",
            values_heading: "Mahdolliset arvot:",
        }),
        Lang::Sv => Some(Notes {
            env: "miljövariabel",
            default: "standard",
            values: "möjliga värden",
            values_heading: "Möjliga värden:",
        }),
        Lang::En => None,
    }
}

/// The environment variable, default and possible values of an argument in
/// words of `lang`, in the brackets clap would write in English after the
/// help (clap offers no way to word its own): clap's hidden, ours added.
fn with_notes(arg: Arg, words: &Notes) -> Arg {
    let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
    let mut notes = Vec::new();
    let mut arg = arg;
    if let Some(name) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        let value = std::env::var_os(name).unwrap_or_default();
        let (name, value) = (name.to_string_lossy(), value.to_string_lossy());
        notes.push(format!("[{}: {name}={value}]", words.env));
        arg = arg.hide_env(true);
    }
    // clap notes the default and the values of an argument that takes a
    // value only; a flag's are its own business.
    let takes = arg.get_action().takes_values();
    let defaults: Vec<String> = (arg.get_default_values().iter())
        .map(|d| d.to_string_lossy().into_owned())
        .collect();
    if takes && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        notes.push(format!("[{}: {}]", words.default, defaults.join(", ")));
        arg = arg.hide_default_value(true);
    }
    let values = arg.get_possible_values();
    let shown: Vec<&PossibleValue> = values.iter().filter(|v| !v.is_hide_set()).collect();
    let listed = takes && !shown.is_empty() && !arg.is_hide_possible_values_set();
    if listed {
        let names: Vec<&str> = shown.iter().map(|v| v.get_name()).collect();
        notes.push(format!("[{}: {}]", words.values, names.join(", ")));
        arg = arg.hide_possible_values(true);
    }
    if notes.is_empty() {
        return arg;
    }
    // Values with help of their own are listed one a line in the long help,
    // as clap lists them.
    let long = (listed && shown.iter().any(|v| v.get_help().is_some())).then(|| {
        let lines: Vec<String> = (shown.iter())
            .map(|v| match v.get_help() {
                Some(h) => format!("- {}: {h}", v.get_name()),
                None => format!("- {}", v.get_name()),
            })
            .collect();
        format!("{help}\n\n{}\n{}", words.values_heading, lines.join("\n"))
    });
    let arg = arg.help(
        format!("{help} {}", notes.join(" "))
            .trim_start()
            .to_owned(),
    );
    match long {
        // The values are listed above: the other notes below, one a line.
        Some(text) => arg.long_help(format!("{text}\n\n{}", notes[..notes.len() - 1].join("\n"))),
        None => arg,
    }
}

/// `--show`'s values with their help in `lang`, parsed into the same
/// [`Show`] the derive reads back.
fn show_values(path: &str, lang: Lang) -> impl TypedValueParser<Value = Show> {
    let values = Show::value_variants().iter().filter_map(|v| {
        let value = v.to_possible_value()?;
        let part = Part::Value("show", value.get_name());
        Some(match (value.get_help(), help_text::find(path, &part)) {
            (Some(_), Some(t)) => PossibleValue::new(value.get_name().to_owned()).help(t.get(lang)),
            _ => value,
        })
    });
    PossibleValuesParser::new(values.collect::<Vec<_>>()).try_map(|s| Show::from_str(&s, false))
}

/// clap's own texts: the help and version flags and the help subcommand,
/// which clap adds in English when the command is built.
const CLAP_TEXTS: &[[&str; 3]] = &[
    ["Näytä ohje", "Visa hjälpen", "Print help"],
    [
        "Näytä ohje (koko ohje: '--help')",
        "Visa hjälpen (mer med '--help')",
        "Print help (see more with '--help')",
    ],
    [
        "Näytä ohje (tiivistelmä: '-h')",
        "Visa hjälpen (en sammanfattning med '-h')",
        "Print help (see a summary with '-h')",
    ],
    ["Näytä versio", "Visa versionen", "Print version"],
    [
        "Näytä tämä ohje tai annettujen komentojen ohje",
        "Visa den här hjälpen eller hjälpen för de angivna kommandona",
        "Print this message or the help of the given subcommand(s)",
    ],
    [
        "Näytä komentojen ohje",
        "Visa hjälpen för kommandona",
        "Print help for the subcommand(s)",
    ],
];

/// One of clap's own texts in `lang`; a text clap added that is not in
/// [`CLAP_TEXTS`] stays as clap wrote it.
fn clap_text(english: &str, lang: Lang) -> Option<&'static str> {
    let [fi, sv, en] = CLAP_TEXTS.iter().find(|t| t[2] == english)?;
    Some(lang.tr(fi, sv, en))
}

/// The headings clap writes in English, where it lets them be set.
struct Headings {
    usage: &'static str,
    arguments: &'static str,
    options: &'static str,
    commands: &'static str,
    command: &'static str,
}

/// English keeps clap's own headings untouched, so its help stays as the
/// derive alone would print it.
fn headings(lang: Lang) -> Option<Headings> {
    match lang {
        Lang::Fi => Some(Headings {
            usage: "Käyttö:",
            arguments: "Argumentit",
            options: "Valinnat",
            commands: "Komennot",
            command: "KOMENTO",
        }),
        Lang::Sv => Some(Headings {
            usage: "Användning:",
            arguments: "Argument",
            options: "Alternativ",
            commands: "Kommandon",
            command: "KOMMANDO",
        }),
        Lang::En => None,
    }
}

/// clap's texts in a built command and its subcommands.
fn builtin(cmd: Command, lang: Lang) -> Command {
    let about = cmd
        .get_about()
        .and_then(|a| clap_text(&a.to_string(), lang));
    let cmd = match about {
        Some(text) => cmd.about(text),
        None => cmd,
    };
    let cmd = cmd.mut_args(|arg| {
        let help = arg.get_help().and_then(|h| clap_text(&h.to_string(), lang));
        let long = (arg.get_long_help()).and_then(|h| clap_text(&h.to_string(), lang));
        let arg = match help {
            Some(text) => arg.help(text),
            None => arg,
        };
        match long {
            Some(text) => arg.long_help(text),
            None => arg,
        }
    });
    let cmd = match headings(lang) {
        Some(h) => headed(cmd, &h),
        None => cmd,
    };
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    names.iter().fold(cmd, |cmd, name| {
        cmd.mut_subcommand(name, |c| builtin(c, lang))
    })
}

/// Every argument under a heading of its own and the usage line through a
/// template: the two places clap lets its headings be worded.
fn headed(cmd: Command, h: &Headings) -> Command {
    let usage = h.usage;
    let bare = cmd.get_arguments().next().is_none() && !cmd.has_subcommands();
    let template = match bare {
        true => format!("{{before-help}}{{about-with-newline}}\n{usage} {{usage}}{{after-help}}"),
        false => format!(
            "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
        ),
    };
    cmd.help_template(template)
        .subcommand_help_heading(h.commands)
        .subcommand_value_name(h.command)
        .mut_args(|arg| {
            let heading = match arg.is_positional() {
                true => h.arguments,
                false => h.options,
            };
            // The help subcommand's value, a command's name, is named as
            // the commands' placeholder is; kivijalka's own values keep the
            // names of their ids.
            let names_a_command = arg.get_id() == "subcommand"
                && (arg.get_value_names()).is_some_and(|v| v.len() == 1 && v[0] == "COMMAND");
            let arg = arg.help_heading(heading);
            match names_a_command {
                true => arg.value_name(h.command),
                false => arg,
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;

    /// Every description and help text of a built command tree.
    fn texts_of(cmd: &Command, out: &mut Vec<String>) {
        out.extend(cmd.get_about().map(|t| t.to_string()));
        for arg in cmd.get_arguments() {
            out.extend(arg.get_help().map(|t| t.to_string()));
            out.extend(arg.get_long_help().map(|t| t.to_string()));
        }
        for sub in cmd.get_subcommands() {
            texts_of(sub, out);
        }
    }

    #[test]
    fn claps_own_texts_are_known_and_replaced_in_finnish_and_swedish() {
        let english = |cmd: Command| {
            let mut texts = Vec::new();
            texts_of(&cmd, &mut texts);
            texts
        };
        // Each text clap adds is one this version of clap writes: a newer
        // clap's new wording fails here, not in front of a user.
        let mut en = english(to_describe(Cli::command(), Lang::En, Noted::Yes));
        en.extend(english(to_parse(Cli::command(), Lang::En)));
        for [_, _, text] in CLAP_TEXTS {
            assert!(
                en.iter().any(|t| t == text),
                "clap no longer writes '{text}'"
            );
        }
        for lang in [Lang::Fi, Lang::Sv] {
            for cmd in [
                to_parse(Cli::command(), lang),
                to_describe(Cli::command(), lang, Noted::Yes),
                to_describe(Cli::command(), lang, Noted::No),
            ] {
                let left: Vec<String> = english(cmd)
                    .into_iter()
                    .filter(|t| CLAP_TEXTS.iter().any(|c| c[2] == t) || en.contains(t))
                    .collect();
                assert!(left.is_empty(), "{lang:?}: English left: {left:?}");
            }
        }
    }
}
