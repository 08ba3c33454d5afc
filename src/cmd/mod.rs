//! One module per subcommand. Each turns its flags into its own validated
//! config (`Config::new`: every flag checked before any file is read), calls
//! the application layer ([`crate::app`]) and picks a printer; exit codes
//! are decided here and mapped in main. No command calls another.

pub mod batch;
pub mod check;
pub mod compare;
pub mod forecast;
pub mod indicators;
pub mod lines;
pub mod ratios;
pub mod report;
pub mod scenario;
pub mod shell;
pub mod simulate;
pub mod solve;
pub mod statements;
pub mod statutory;

use crate::cli::{Command, Explaining, Measured};
use crate::config::{Input, Output, Settings, Years};
use crate::error::Result;

/// Also here, where it was before the application layer: code outside the
/// crate (the tests) refuses a damaged dataset through this path.
pub use crate::app::refuse_errors;

/// What a command tells main about how it went.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    /// The command ran and found problems (check): exit code 1.
    Problems,
}

/// Runs the command the command line names.
pub fn run(command: Command) -> Result<Outcome> {
    match command {
        Command::Lines { lang } => lines::run(lang.into()),
        Command::Indicators(a) => indicators::run(&indicators::Config::new(&a)?),
        Command::Ratios(a) => ratios::run(&ratios::Config::new(&a)?),
        Command::Check(a) => check::run(&check::Config::new(&a)?),
        Command::Statements(a) => statements::run(&statements::Config::new(&a)?),
        Command::Forecast(a) => forecast::run(&forecast::Config::new(&a)?),
        Command::Compare(a) => compare::run(&compare::Config::new(&a)?),
        Command::Solve(a) => solve::run(&solve::Config::new(&a)?),
        Command::Simulate(a) => simulate::run(&simulate::Config::new(&a)?),
        Command::Sensitivity(a) => simulate::sensitivity(&simulate::Sensitivity::new(&a)?),
        Command::Report(a) => report::run(&report::Config::new(&a)?),
        Command::Batch(a) => batch::run(&batch::Config::new(&a)?),
        Command::Statutory(a) => statutory::run(&statutory::Config::new(&a)?),
        Command::Scenario(s) => scenario::run(&s),
        Command::Completions { shell } => shell::completions(shell),
        Command::Man { command } => shell::man(command.as_deref()),
    }
}

/// The language the command's messages are in: its `--lang`, or for a
/// command without one the language of the environment.
pub fn lang(command: &Command) -> crate::report::Lang {
    let printing = match command {
        Command::Lines { lang } => return (*lang).into(),
        Command::Indicators(a) | Command::Ratios(a) => &a.measured.printing,
        Command::Check(a) => &a.printing,
        Command::Statements(a) => &a.printing,
        Command::Forecast(a) => &a.measured.printing,
        Command::Compare(a) => &a.measured.printing,
        Command::Solve(a) => &a.base.printing,
        Command::Simulate(a) => &a.base.printing,
        Command::Sensitivity(a) => &a.base.printing,
        Command::Statutory(a) => &a.printing,
        Command::Report(a) => return a.lang.into(),
        Command::Batch(a) => return a.lang.into(),
        Command::Scenario(_) | Command::Completions { .. } | Command::Man { .. } => {
            return crate::report::Lang::from_env();
        }
    };
    printing.lang.into()
}

/// The config of the commands that print their formulas instead of figures
/// when asked (`indicators`, `ratios`).
pub enum Explained {
    /// `--explain`: no workbook, and no settings files, are read.
    Formulas(Output),
    Figures(Box<Figures>),
}

/// A workbook measured against the settings, by year.
pub struct Figures {
    pub input: Input,
    pub settings: Settings,
    pub output: Output,
    pub years: Years,
}

impl Figures {
    /// The workbook, the output and the years checked, then the settings
    /// files read: the one step that does I/O comes last.
    pub fn new(args: &Measured) -> Result<Figures> {
        let (input, output, years) = args.checked()?;
        Ok(Figures {
            input,
            output,
            years,
            settings: args.against.load()?,
        })
    }
}

impl Explained {
    pub fn new(args: &Explaining) -> Result<Explained> {
        if args.explain {
            // Checked though unused: a mistake in it is still a mistake.
            args.measured.shown.years()?;
            return Ok(Explained::Formulas(args.measured.printing.output()));
        }
        Ok(Explained::Figures(Box::new(Figures::new(&args.measured)?)))
    }

    /// The figures to measure, or `None` once the formulas are written.
    pub fn figures(
        &self,
        formulas: fn(crate::report::Lang, &mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<Option<&Figures>> {
        match self {
            Explained::Formulas(output) => {
                crate::app::emit(output, |out| formulas(output.lang, out))?;
                Ok(None)
            }
            Explained::Figures(f) => Ok(Some(f.as_ref())),
        }
    }
}
