//! What reading and checking found: errors, warnings and notices, each with
//! the cells involved.

use serde::Serialize;

use crate::error::Location;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The input cannot be trusted as it is (unknown line with figures, an
    /// identity that does not hold).
    Error,
    /// Worth a look, does not stop the work.
    Warning,
    /// How something was understood (unit, sign convention, ignored column).
    Notice,
}

impl Severity {
    pub fn fi(self) -> &'static str {
        match self {
            Severity::Error => "virhe",
            Severity::Warning => "varoitus",
            Severity::Notice => "huomio",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Notice => "notice",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// A stable code for scripts: "unknown_label", "identity", ...
    pub code: &'static str,
    pub message: String,
    /// The cells involved, first the one to look at.
    pub cells: Vec<Location>,
}

impl Finding {
    pub fn new(
        severity: Severity,
        code: &'static str,
        message: impl Into<String>,
        cells: Vec<Location>,
    ) -> Self {
        Finding {
            severity,
            code,
            message: message.into(),
            cells,
        }
    }
    pub fn error(code: &'static str, message: impl Into<String>, cells: Vec<Location>) -> Self {
        Self::new(Severity::Error, code, message, cells)
    }
    pub fn warning(code: &'static str, message: impl Into<String>, cells: Vec<Location>) -> Self {
        Self::new(Severity::Warning, code, message, cells)
    }
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
    pub fn notice(code: &'static str, message: impl Into<String>, cells: Vec<Location>) -> Self {
        Self::new(Severity::Notice, code, message, cells)
    }
}
