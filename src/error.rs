//! One error type for the whole tool, with a cause chain.
//!
//! Every error that comes from a file names the file, and where it can, the
//! sheet and the cell, because the person reading it has the workbook open and
//! wants to go straight to the cell.
//!
//! A message is a [`Text`]: the same sentence in Finnish, Swedish and
//! English, written side by side where the error is made (`text!`), so that
//! none can lack a language. The error keeps its structure (where, what,
//! caused by what) and is worded in the user's language only when shown:
//! [`Error::chain_in`]. Its `Display` is the English, which is what logs,
//! the batch summary and the tests of the library read.

use std::fmt;
use std::path::PathBuf;

/// The location lives with the figures it places; it is named here too, as
/// every error that comes from a file carries one.
pub use crate::model::location::{Location, cell_name};
use crate::report::format::Lang;

/// A message in the three output languages.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Text {
    pub fi: String,
    pub sv: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fi => &self.fi,
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        }
    }

    /// The text `word` gives in each language: for a message whose parts
    /// (a location, a figure, another message) are themselves worded by
    /// language.
    pub fn each(word: impl Fn(Lang) -> String) -> Text {
        Text {
            fi: word(Lang::Fi),
            sv: word(Lang::Sv),
            en: word(Lang::En),
        }
    }
}

/// Sorted as the English reads, the others breaking ties.
impl Ord for Text {
    fn cmp(&self, other: &Text) -> std::cmp::Ordering {
        (&self.en, &self.fi, &self.sv).cmp(&(&other.en, &other.fi, &other.sv))
    }
}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// A message in Finnish, Swedish and English, each its own format string
/// with the same inline captures: `text!("rivi {n}", "rad {n}", "line {n}")`.
#[macro_export]
macro_rules! text {
    ($fi:literal, $sv:literal, $en:literal $(,)?) => {
        $crate::error::Text {
            fi: format!($fi),
            sv: format!($sv),
            en: format!($en),
        }
    };
}

// A message is boxed: three sentences beside a location would make every
// `Result` of the tool carry them inline.
#[derive(Debug)]
pub enum Error {
    /// The input could not be used; the message says why and `at` says where.
    Input { at: Location, message: Box<Text> },
    /// A settings file (targets, price index) is wrong.
    Config { at: Location, message: Box<Text> },
    /// Reading or writing a file failed.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Reading found problems that make the figures untrustworthy; each
    /// finding names its cell.
    Rejected {
        file: String,
        findings: Vec<crate::model::findings::Finding>,
    },
    /// An error with context added on top of its cause.
    Context {
        message: Box<Text>,
        source: Box<Error>,
    },
    /// The command line asks for something that cannot be done (a flag out
    /// of its range, a missing argument); `flag` names it when one flag is
    /// the cause. No file has been read.
    Usage {
        flag: Option<String>,
        message: Box<Text>,
    },
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn input(at: Location, message: impl Into<Text>) -> Self {
        Error::Input {
            at,
            message: Box::new(message.into()),
        }
    }
    pub fn config(at: Location, message: impl Into<Text>) -> Self {
        Error::Config {
            at,
            message: Box::new(message.into()),
        }
    }
    pub fn usage(message: impl Into<Text>) -> Self {
        Error::Usage {
            flag: None,
            message: Box::new(message.into()),
        }
    }
    pub fn usage_of(flag: impl Into<String>, message: impl Into<Text>) -> Self {
        Error::Usage {
            flag: Some(flag.into()),
            message: Box::new(message.into()),
        }
    }
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
    pub fn context(self, message: impl Into<Text>) -> Self {
        Error::Context {
            message: Box::new(message.into()),
            source: Box::new(self),
        }
    }
    /// This error, caused by `cause` (which then shows as "caused by").
    pub fn context_of(self, cause: Error) -> Self {
        Error::Context {
            message: Box::new(Text::each(|lang| self.line(lang))),
            source: Box::new(cause),
        }
    }
    /// The full chain in English, outermost first, one cause a line.
    pub fn chain(&self) -> Vec<String> {
        self.chain_in(Lang::En)
    }
    /// The full chain in `lang`, outermost first, one cause a line.
    pub fn chain_in(&self, lang: Lang) -> Vec<String> {
        let mut out = vec![self.line(lang)];
        let mut cur = self;
        loop {
            match cur {
                Error::Context { source, .. } => {
                    out.push(source.line(lang));
                    cur = source;
                }
                Error::Io { source, .. } => {
                    out.push(io_cause(source, lang));
                    let mut inner = std::error::Error::source(source);
                    while let Some(e) = inner {
                        out.push(e.to_string());
                        inner = e.source();
                    }
                    return out;
                }
                _ => return out,
            }
        }
    }

    /// This error without its causes, in `lang`.
    fn line(&self, lang: Lang) -> String {
        match self {
            Error::Input { at, message } | Error::Config { at, message } => {
                format!("{}: {}", at.show(lang), message.get(lang))
            }
            Error::Io { path, .. } => path.display().to_string(),
            Error::Rejected { file, findings } => rejected(file, findings, lang),
            Error::Context { message, .. } => message.get(lang).to_string(),
            Error::Usage {
                flag: Some(flag),
                message,
            } => format!("{flag}: {}", message.get(lang)),
            Error::Usage {
                flag: None,
                message,
            } => message.get(lang).to_string(),
        }
    }
}

/// Why a file could not be read or written: the system's own words in
/// English (they name the error as the system documents it), the common
/// causes worded in Finnish and Swedish.
fn io_cause(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind;
    let os = e.to_string();
    let worded = match e.kind() {
        ErrorKind::NotFound => Some((
            "tiedostoa tai kansiota ei ole",
            "filen eller mappen finns inte",
        )),
        ErrorKind::PermissionDenied => Some(("ei käyttöoikeutta", "åtkomst nekad")),
        ErrorKind::IsADirectory => Some(("on kansio, ei tiedosto", "är en mapp, inte en fil")),
        ErrorKind::AlreadyExists => Some(("on jo olemassa", "finns redan")),
        _ => None,
    };
    let code = e.raw_os_error().map(|c| format!(" (os error {c})"));
    match (lang, worded) {
        (Lang::Fi, Some((fi, _))) => format!("{fi}{}", code.unwrap_or_default()),
        (Lang::Sv, Some((_, sv))) => format!("{sv}{}", code.unwrap_or_default()),
        _ => os,
    }
}

/// The problems an error lists before it counts the rest: a workbook of
/// 65 000 unknown rows made a message of 89 MB.
pub const LISTED: usize = 50;

/// "… and 12 more" after the first `LISTED` of `n` problems, if there are more.
pub fn more_line(n: usize, lang: Lang) -> Option<String> {
    let more = n.checked_sub(LISTED).filter(|m| *m > 0)?;
    Some(crate::tr!(
        lang,
        "… ja {more} muuta",
        "… och {more} till",
        "… and {more} more"
    ))
}

/// The findings that must be fixed, each at its cell, in `lang`.
fn rejected(file: &str, findings: &[crate::model::findings::Finding], lang: Lang) -> String {
    let n = findings.len();
    let mut s = crate::tr!(
        lang,
        "{file}: korjattavia ongelmia {n}; lukuja ei voi käyttää ennen niiden korjaamista",
        "{file}: problem som måste rättas: {n}; siffrorna kan inte användas förrän de är rättade",
        "{file}: {n} problem(s) must be fixed before the figures can be used"
    );
    for x in findings.iter().take(LISTED) {
        let at = (x.cells.first()).map_or_else(|| file.to_string(), |l| l.show(lang));
        let what = crate::report::finding::text(&x.message, lang);
        s.push_str(&format!("\n  {at}: {what}"));
    }
    if let Some(more) = more_line(n, lang) {
        s.push_str("\n  ");
        s.push_str(&more);
    }
    s.push('\n');
    s.push_str(lang.tr(
        "(`kivijalka check` näyttää kaiken löydetyn; --allow-unknown lukee loput silti)",
        "(`kivijalka check` visar allt som hittades; --allow-unknown läser resten ändå)",
        "(run `kivijalka check` for everything found, or pass --allow-unknown to read the rest anyway)",
    ));
    s
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line(Lang::En))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::Context { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}

/// Panics when `KIVIJALKA_INJECT_PANIC` names this place (`main`, or a batch
/// job's report name): the one way to show, from outside, that a bug is
/// answered with the internal-error exit code and that it stays inside its
/// batch job.
pub fn fault_injected(place: &str) {
    let named =
        |v: std::ffi::OsString| v.to_str().is_some_and(|v| v.split(',').any(|p| p == place));
    if std::env::var_os("KIVIJALKA_INJECT_PANIC").is_some_and(named) {
        panic!("fault injected at {place}");
    }
}

/// What a panic said: the batch failure row and the one-line internal error.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown cause".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_is_worded_in_the_language_and_its_display_is_the_english() {
        let e = Error::config(
            Location::line("a.toml", 3),
            crate::text!("avain", "nyckel", "key"),
        );
        assert_eq!(e.chain_in(Lang::Fi), ["a.toml, rivi 3: avain"]);
        assert_eq!(e.to_string(), "a.toml, line 3: key");
        let e = Error::io("b.csv", std::io::Error::from_raw_os_error(2)).context(crate::text!(
            "ei luettu",
            "inte läst",
            "not read"
        ));
        assert_eq!(
            e.chain_in(Lang::Fi),
            [
                "ei luettu",
                "b.csv",
                "tiedostoa tai kansiota ei ole (os error 2)"
            ]
        );
        assert_eq!(
            e.chain_in(Lang::Sv),
            [
                "inte läst",
                "b.csv",
                "filen eller mappen finns inte (os error 2)"
            ]
        );
        let en = e.chain();
        assert_eq!(en[..2], ["not read", "b.csv"]);
        assert_eq!(en[2], std::io::Error::from_raw_os_error(2).to_string());
    }

    #[test]
    fn a_cause_made_an_error_keeps_its_three_languages() {
        let inner = Error::usage_of("--x", crate::text!("huono", "dålig", "bad"));
        let outer = inner.context_of(Error::usage(text!("syy", "orsak", "cause")));
        assert_eq!(outer.chain_in(Lang::Sv), ["--x: dålig", "orsak"]);
        assert_eq!(outer.chain_in(Lang::En), ["--x: bad", "cause"]);
    }
}
