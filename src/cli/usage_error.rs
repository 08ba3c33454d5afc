//! clap's usage errors worded in Finnish and Swedish. clap words its
//! errors in English from the error's kind and context (the argument, the
//! value, the valid values, a suggestion); a formatter of our own words the
//! same context in the language of the environment. English keeps clap's
//! own formatter, colours and all.

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};

use crate::report::Lang;
use crate::tr;

/// Prints a usage error (or the help or version clap answered with) and
/// exits as clap would, with exit code 2 for an error.
pub fn exit(e: clap::Error, lang: Lang) -> ! {
    match lang {
        Lang::Fi => e.apply::<Finnish>().exit(),
        Lang::Sv => e.apply::<Swedish>().exit(),
        Lang::En => e.exit(),
    }
}

pub struct Finnish;
pub struct Swedish;
/// The same words in English: held equal to clap's by a test, so that the
/// Finnish and Swedish say what clap says.
#[cfg(test)]
pub struct English;

impl ErrorFormatter for Finnish {
    fn format_error(e: &clap::error::Error<Self>) -> StyledStr {
        render(&Context::of(e), Lang::Fi).into()
    }
}

impl ErrorFormatter for Swedish {
    fn format_error(e: &clap::error::Error<Self>) -> StyledStr {
        render(&Context::of(e), Lang::Sv).into()
    }
}

#[cfg(test)]
impl ErrorFormatter for English {
    fn format_error(e: &clap::error::Error<Self>) -> StyledStr {
        render(&Context::of(e), Lang::En).into()
    }
}

/// What clap knows of an error, as plain text.
struct Context {
    kind: ErrorKind,
    arg: Option<String>,
    args: Vec<String>,
    value: Option<String>,
    valid_values: Vec<String>,
    subcommand: Option<String>,
    valid_subcommands: Vec<String>,
    prior: Option<ContextValue>,
    similar: Vec<(&'static str, ContextValue)>,
    tips: Vec<String>,
    usage: Option<String>,
    numbers: [Option<isize>; 3],
    source: Option<String>,
}

impl Context {
    fn of<F: ErrorFormatter>(e: &clap::error::Error<F>) -> Context {
        let get = |k| e.get(k).cloned();
        let text = |k| match e.get(k) {
            Some(ContextValue::String(s)) => Some(s.clone()),
            _ => None,
        };
        let texts = |k| match e.get(k) {
            Some(ContextValue::Strings(s)) => s.clone(),
            _ => Vec::new(),
        };
        let number = |k| match e.get(k) {
            Some(ContextValue::Number(n)) => Some(*n),
            _ => None,
        };
        let similar = [
            ("subcommand", ContextKind::SuggestedSubcommand),
            ("argument", ContextKind::SuggestedArg),
            ("value", ContextKind::SuggestedValue),
        ];
        Context {
            kind: e.kind(),
            arg: text(ContextKind::InvalidArg),
            args: texts(ContextKind::InvalidArg),
            value: text(ContextKind::InvalidValue),
            valid_values: texts(ContextKind::ValidValue),
            subcommand: text(ContextKind::InvalidSubcommand),
            valid_subcommands: texts(ContextKind::ValidSubcommand),
            prior: get(ContextKind::PriorArg),
            similar: (similar.into_iter())
                .filter_map(|(what, k)| Some((what, get(k)?)))
                .collect(),
            tips: match e.get(ContextKind::Suggested) {
                Some(ContextValue::StyledStrs(s)) => s.iter().map(|s| s.to_string()).collect(),
                _ => Vec::new(),
            },
            usage: match e.get(ContextKind::Usage) {
                Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
                _ => None,
            },
            numbers: [
                number(ContextKind::ActualNumValues),
                number(ContextKind::MinValues),
                number(ContextKind::ExpectedNumValues),
            ],
            source: std::error::Error::source(e).map(|s| s.to_string()),
        }
    }
}

/// The whole message: what is wrong, the suggestions, the usage line and
/// where to read more, laid out as clap lays them out.
fn render(c: &Context, lang: Lang) -> String {
    let mut out = tr!(lang, "virhe: ", "fel: ", "error: ");
    out.push_str(&what(c, lang).unwrap_or_else(|| fallback(c, lang)));
    let mut suggested = false;
    for (what, similar) in &c.similar {
        out.push('\n');
        if !suggested {
            out.push('\n');
            suggested = true;
        }
        out.push_str(&did_you_mean(what, similar, lang));
    }
    if !c.tips.is_empty() && !suggested {
        out.push('\n');
    }
    for tip in &c.tips {
        let tip = tip_in(tip, lang);
        out.push_str(&tr!(
            lang,
            "\n  vihje: {tip}",
            "\n  tips: {tip}",
            "\n  tip: {tip}"
        ));
    }
    if let Some(usage) = &c.usage {
        let usage = match usage.strip_prefix("Usage:") {
            Some(rest) => format!("{}{rest}", lang.tr("Käyttö:", "Användning:", "Usage:")),
            None => usage.clone(),
        };
        out.push_str(&format!("\n\n{usage}"));
    }
    out.push_str(&tr!(
        lang,
        "\n\nLisätietoja: '--help'.\n",
        "\n\nMer information: '--help'.\n",
        "\n\nFor more information, try '--help'.\n"
    ));
    out
}

/// A text for the error when clap gave none of its context.
fn fallback(c: &Context, lang: Lang) -> String {
    if let Some(source) = &c.source {
        return source.clone();
    }
    match c.kind {
        ErrorKind::InvalidUtf8 => lang
            .tr(
                "argumenteissa on virheellistä UTF-8:aa",
                "argumenten innehåller ogiltig UTF-8",
                "invalid UTF-8 was detected in one or more arguments",
            )
            .to_owned(),
        _ => lang
            .tr(
                "virheellinen komentorivi",
                "ogiltig kommandorad",
                "invalid command line",
            )
            .to_owned(),
    }
}

/// "\n  [possible values: a, b]" after an invalid value.
fn list(name: &str, values: &[String]) -> String {
    match values.is_empty() {
        true => String::new(),
        false => format!("\n  [{name}: {}]", values.join(", ")),
    }
}

/// What is wrong, from the context clap gave; `None` when it gave too
/// little for the kind.
fn what(c: &Context, lang: Lang) -> Option<String> {
    let arg = c.arg.as_deref().unwrap_or_default();
    Some(match c.kind {
        ErrorKind::ArgumentConflict => conflict(c, lang)?,
        ErrorKind::NoEquals => tr!(
            lang,
            "arvo annetaan valinnalle '{arg}' yhtäsuuruusmerkillä",
            "ett likhetstecken behövs för att ge värden åt '{arg}'",
            "equal sign is needed when assigning values to '{arg}'"
        ),
        ErrorKind::InvalidSubcommand => {
            let sub = c.subcommand.as_deref()?;
            tr!(
                lang,
                "tuntematon komento '{sub}'",
                "okänt kommando '{sub}'",
                "unrecognized subcommand '{sub}'"
            )
        }
        ErrorKind::MissingRequiredArgument if !c.args.is_empty() => {
            let head = lang.tr(
                "seuraavat pakolliset argumentit puuttuvat:",
                "följande obligatoriska argument saknas:",
                "the following required arguments were not provided:",
            );
            let args: String = c.args.iter().map(|a| format!("\n  {a}")).collect();
            format!("{head}{args}")
        }
        ErrorKind::MissingSubcommand => {
            let sub = c.subcommand.as_deref()?;
            let head = tr!(
                lang,
                "'{sub}' vaatii komennon, mutta sitä ei annettu",
                "'{sub}' kräver ett kommando men inget angavs",
                "'{sub}' requires a subcommand but one was not provided"
            );
            let name = lang.tr("komennot", "kommandon", "subcommands");
            head + &list(name, &c.valid_subcommands)
        }
        ErrorKind::UnknownArgument => {
            c.arg.as_ref()?;
            tr!(
                lang,
                "odottamaton argumentti '{arg}'",
                "oväntat argument '{arg}'",
                "unexpected argument '{arg}' found"
            )
        }
        _ => return of_a_value(c, lang),
    })
}

/// What is wrong with a value given to an argument.
fn of_a_value(c: &Context, lang: Lang) -> Option<String> {
    let arg = c.arg.as_deref().unwrap_or_default();
    let value = c.value.as_deref().unwrap_or_default();
    Some(match c.kind {
        ErrorKind::InvalidValue => {
            c.arg.as_ref().and(c.value.as_ref())?;
            let head = match value.is_empty() {
                true => tr!(
                    lang,
                    "'{arg}' vaatii arvon, mutta sitä ei annettu",
                    "'{arg}' kräver ett värde men inget angavs",
                    "a value is required for '{arg}' but none was supplied"
                ),
                false => tr!(
                    lang,
                    "virheellinen arvo '{value}' valinnalle '{arg}'",
                    "ogiltigt värde '{value}' för '{arg}'",
                    "invalid value '{value}' for '{arg}'"
                ),
            };
            let name = lang.tr("mahdolliset arvot", "möjliga värden", "possible values");
            head + &list(name, &c.valid_values)
        }
        ErrorKind::TooManyValues => {
            c.arg.as_ref().and(c.value.as_ref())?;
            tr!(
                lang,
                "ylimääräinen arvo '{value}' valinnalle '{arg}'; enempää ei odotettu",
                "oväntat värde '{value}' för '{arg}'; inga fler väntades",
                "unexpected value '{value}' for '{arg}' found; no more were expected"
            )
        }
        ErrorKind::TooFewValues => {
            let ([Some(n), Some(min), _], Some(_)) = (c.numbers, &c.arg) else {
                return None;
            };
            let were = were_provided(n);
            tr!(
                lang,
                "'{arg}' vaatii {min} arvoa; annettiin vain {n}",
                "'{arg}' kräver {min} värden; endast {n} angavs",
                "{min} values required by '{arg}'; only {n}{were}"
            )
        }
        ErrorKind::WrongNumberOfValues => {
            let ([Some(n), _, Some(expected)], Some(_)) = (c.numbers, &c.arg) else {
                return None;
            };
            let were = were_provided(n);
            tr!(
                lang,
                "'{arg}' vaatii {expected} arvoa, mutta annettiin {n}",
                "'{arg}' kräver {expected} värden men {n} angavs",
                "{expected} values required for '{arg}' but {n}{were}"
            )
        }
        ErrorKind::ValueValidation => {
            c.arg.as_ref().and(c.value.as_ref())?;
            let head = tr!(
                lang,
                "virheellinen arvo '{value}' valinnalle '{arg}'",
                "ogiltigt värde '{value}' för '{arg}'",
                "invalid value '{value}' for '{arg}'"
            );
            match &c.source {
                Some(source) => format!("{head}: {}", source_in(source, lang)),
                None => head,
            }
        }
        _ => return None,
    })
}

fn were_provided(n: isize) -> &'static str {
    match n > 1 {
        true => " were provided",
        false => " was provided",
    }
}

/// Two arguments that exclude each other, or one given twice.
fn conflict(c: &Context, lang: Lang) -> Option<String> {
    let arg = c.arg.as_deref()?;
    Some(match &c.prior {
        Some(ContextValue::String(prior)) if prior == arg => tr!(
            lang,
            "valinnan '{arg}' voi antaa vain kerran",
            "argumentet '{arg}' kan inte anges flera gånger",
            "the argument '{arg}' cannot be used multiple times"
        ),
        Some(ContextValue::String(prior)) => tr!(
            lang,
            "valintaa '{arg}' ei voi käyttää yhdessä valinnan '{prior}' kanssa",
            "argumentet '{arg}' kan inte användas tillsammans med '{prior}'",
            "the argument '{arg}' cannot be used with '{prior}'"
        ),
        Some(ContextValue::Strings(prior)) => {
            let list: String = prior.iter().map(|p| format!("\n  {p}")).collect();
            tr!(
                lang,
                "valintaa '{arg}' ei voi käyttää yhdessä näiden kanssa:{list}",
                "argumentet '{arg}' kan inte användas tillsammans med:{list}",
                "the argument '{arg}' cannot be used with:{list}"
            )
        }
        _ => tr!(
            lang,
            "valintaa '{arg}' ei voi käyttää yhdessä muiden annettujen kanssa",
            "argumentet '{arg}' kan inte användas tillsammans med ett eller flera av de andra angivna argumenten",
            "the argument '{arg}' cannot be used with one or more of the other specified arguments"
        ),
    })
}

/// "tip: a similar argument exists: '--scenario'".
fn did_you_mean(what: &str, similar: &ContextValue, lang: Lang) -> String {
    let names: Vec<String> = match similar {
        ContextValue::String(s) => vec![s.clone()],
        ContextValue::Strings(s) => s.clone(),
        _ => Vec::new(),
    };
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let quoted = quoted.join(", ");
    let (fi, sv) = match what {
        "subcommand" => ("komento", "kommando"),
        "argument" => ("valinta", "argument"),
        _ => ("arvo", "värde"),
    };
    match names.len() > 1 {
        true => tr!(
            lang,
            "  vihje: samankaltaisia on olemassa: {quoted}",
            "  tips: det finns liknande: {quoted}",
            "  tip: some similar {what}s exist: {quoted}"
        ),
        false => tr!(
            lang,
            "  vihje: samankaltainen {fi} on olemassa: {quoted}",
            "  tips: ett liknande {sv} finns: {quoted}",
            "  tip: a similar {what} exists: {quoted}"
        ),
    }
}

/// Why a value parser refused a value, in `lang`: clap's range check ("0
/// is not in 1..=1000000") and the two of [`crate::cli`] are known by
/// their words; another stays as written.
fn source_in(source: &str, lang: Lang) -> String {
    if let Some((value, range)) = (source.split_once(" is not in "))
        .filter(|(value, range)| !value.contains(' ') && !range.contains(' '))
    {
        return tr!(
            lang,
            "{value} ei ole välillä {range}",
            "{value} ligger inte inom {range}",
            "{value} is not in {range}"
        );
    }
    if let Some(max) = source.strip_prefix("expected a number of threads from 1 to ") {
        return tr!(
            lang,
            "odotettiin säikeiden määrää 1–{max}",
            "väntade ett antal trådar från 1 till {max}",
            "expected a number of threads from 1 to {max}"
        );
    }
    if let Some(max) = (source.strip_prefix("expected I/N with 1 ≤ I ≤ N ≤ "))
        .and_then(|t| t.strip_suffix(", e.g. 2/4"))
    {
        return tr!(
            lang,
            "odotettiin muotoa I/N, 1 ≤ I ≤ N ≤ {max}, esim. 2/4",
            "väntade I/N med 1 ≤ I ≤ N ≤ {max}, t.ex. 2/4",
            "expected I/N with 1 ≤ I ≤ N ≤ {max}, e.g. 2/4"
        );
    }
    source.to_owned()
}

/// One of clap's suggestions in `lang`: the three it makes are known by
/// their words; another would stay as clap wrote it.
fn tip_in(tip: &str, lang: Lang) -> String {
    if let Some((x, use_)) =
        (tip.strip_prefix("to pass '")).and_then(|t| t.split_once("' as a value, use '"))
    {
        let use_ = use_.trim_end_matches('\'');
        return tr!(
            lang,
            "jos '{x}' on arvo, kirjoita '{use_}'",
            "för att ge '{x}' som värde, skriv '{use_}'",
            "to pass '{x}' as a value, use '{use_}'"
        );
    }
    if let Some(sub) = (tip.strip_prefix("subcommand '"))
        .and_then(|t| t.strip_suffix("' exists; to use it, remove the '--' before it"))
    {
        return tr!(
            lang,
            "komento '{sub}' on olemassa; käytä sitä poistamalla '--' sen edestä",
            "kommandot '{sub}' finns; ta bort '--' framför det för att använda det",
            "subcommand '{sub}' exists; to use it, remove the '--' before it"
        );
    }
    if let Some(x) = tip
        .strip_prefix('\'')
        .and_then(|t| t.strip_suffix("' exists"))
    {
        return tr!(lang, "'{x}' on olemassa", "'{x}' finns", "'{x}' exists");
    }
    tip.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, localized};
    use clap::CommandFactory;

    /// Command lines clap refuses, one of each kind kivijalka can meet.
    const WRONG: &[&[&str]] = &[
        &["forecast", "--nosuch"],
        &["forecast", "--scenari", "x"],
        &["nosuch"],
        &["forcast"],
        &["forecast", "--show", "x"],
        &["forecast", "--show"],
        &["simulate", "x", "--scenario", "s.toml", "--paths", "0"],
        &["simulate", "x", "--scenario", "s.toml", "--jobs", "0"],
        &["forecast", "--horizon", "2200"],
        &["batch", "x", "--out", "o", "--shard", "5/4"],
        &["solve", "x"],
        &["solve", "x", "--lever", "savings", "--rules", "r.toml"],
        &["batch", "x", "--out", "o", "--merge", "--shard", "1/2"],
        &["forecast", "--wide", "--wide"],
        &["scenario", "diff", "a"],
        &["completions", "tcsh"],
        &["man", "a", "b"],
        &["scenario", "nosuch"],
    ];

    fn refused(args: &[&str]) -> clap::Error {
        let mut cmd = localized::to_parse(Cli::command(), Lang::En);
        let argv = std::iter::once("kivijalka").chain(args.iter().copied());
        cmd.try_get_matches_from_mut(argv)
            .expect_err("clap refuses it")
    }

    #[test]
    fn the_words_say_what_claps_own_say() {
        for args in WRONG {
            let clap = refused(args).to_string();
            let ours = refused(args).apply::<English>().to_string();
            assert_eq!(ours, clap, "{args:?}");
        }
    }

    #[test]
    fn finnish_and_swedish_have_no_english_left() {
        let english = [
            "error:",
            "Usage:",
            "For more information",
            "tip:",
            "unexpected",
            "invalid value",
            "possible values",
            "required",
            "cannot be used",
            "subcommand",
            "similar",
        ];
        for args in WRONG {
            let fi = refused(args).apply::<Finnish>().to_string();
            let sv = refused(args).apply::<Swedish>().to_string();
            for word in english {
                assert!(!fi.contains(word), "{args:?} fi: {word}:\n{fi}");
                assert!(!sv.contains(word), "{args:?} sv: {word}:\n{sv}");
            }
            assert!(
                fi.starts_with("virhe: ") && fi.contains("Lisätietoja: '--help'."),
                "{fi}"
            );
            assert!(
                sv.starts_with("fel: ") && sv.contains("Mer information: '--help'."),
                "{sv}"
            );
        }
    }
}
