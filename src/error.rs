//! One error type for the whole tool, with a cause chain.
//!
//! Every error that comes from a file names the file, and where it can, the
//! sheet and the cell, because the person reading it has the workbook open and
//! wants to go straight to the cell.

use std::fmt;
use std::path::PathBuf;

/// The location lives with the figures it places; it is named here too, as
/// every error that comes from a file carries one.
pub use crate::model::location::{Location, cell_name};

#[derive(Debug)]
pub enum Error {
    /// The input could not be used; the message says why and `at` says where.
    Input { at: Location, message: String },
    /// A settings file (targets, price index) is wrong.
    Config { at: Location, message: String },
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
    Context { message: String, source: Box<Error> },
    /// The command line asks for something that cannot be done (a flag out
    /// of its range, a missing argument); `flag` names it when one flag is
    /// the cause. No file has been read.
    Usage {
        flag: Option<String>,
        message: String,
    },
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn input(at: Location, message: impl Into<String>) -> Self {
        Error::Input {
            at,
            message: message.into(),
        }
    }
    pub fn config(at: Location, message: impl Into<String>) -> Self {
        Error::Config {
            at,
            message: message.into(),
        }
    }
    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage {
            flag: None,
            message: message.into(),
        }
    }
    pub fn usage_of(flag: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Usage {
            flag: Some(flag.into()),
            message: message.into(),
        }
    }
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
    pub fn context(self, message: impl Into<String>) -> Self {
        Error::Context {
            message: message.into(),
            source: Box::new(self),
        }
    }
    /// This error, caused by `cause` (which then shows as "caused by").
    pub fn context_of(self, cause: Error) -> Self {
        Error::Context {
            message: self.to_string(),
            source: Box::new(cause),
        }
    }
    /// The full chain, outermost first, one cause a line.
    pub fn chain(&self) -> Vec<String> {
        let mut out = vec![self.to_string()];
        let mut cur: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(self);
        while let Some(e) = cur {
            out.push(e.to_string());
            cur = e.source();
        }
        out
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Input { at, message } => write!(f, "{at}: {message}"),
            Error::Config { at, message } => write!(f, "{at}: {message}"),
            Error::Io { path, .. } => write!(f, "{}", path.display()),
            Error::Rejected { file, findings } => {
                write!(
                    f,
                    "{file}: {} problem(s) must be fixed before the figures can be used",
                    findings.len()
                )?;
                for x in findings {
                    let at = x
                        .cells
                        .first()
                        .map(|l| l.to_string())
                        .unwrap_or_else(|| file.clone());
                    write!(f, "\n  {at}: {}", x.message)?;
                }
                write!(
                    f,
                    "\n(run `kivijalka check` for everything found, or pass --allow-unknown to read the rest anyway)"
                )
            }
            Error::Context { message, .. } => write!(f, "{message}"),
            Error::Usage {
                flag: Some(flag),
                message,
            } => write!(f, "{flag}: {message}"),
            Error::Usage {
                flag: None,
                message,
            } => write!(f, "{message}"),
        }
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
    if std::env::var_os("KIVIJALKA_INJECT_PANIC").is_some_and(|v| v == place) {
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
