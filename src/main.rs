//! Parses the command line, runs the command, maps the outcome to an exit
//! code: 0 done, 1 the check found errors, 2 the input or settings are wrong.

use std::process::ExitCode;

use clap::Parser;
use kivijalka::Error;
use kivijalka::cli::{Cli, Command};
use kivijalka::cmd::{self, Outcome};

fn run(cli: Cli) -> Result<Outcome, Error> {
    match cli.command {
        Command::Lines { lang } => {
            let mut out = std::io::stdout().lock();
            match cmd::lines::run(lang.into(), &mut out) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    return Err(Error::io("(stdout)", e));
                }
                _ => {}
            }
            Ok(Outcome::Ok)
        }
        Command::Indicators(c) => cmd::indicators::run(&c.config()?),
        Command::Ratios(c) => cmd::ratios::run(&c.config()?),
        Command::Check(c) => cmd::check::run(&c.config()?),
        Command::Statements(c) => cmd::statements::run(&c.config()?),
        Command::Forecast(a) => cmd::forecast::run(&a),
        Command::Compare(a) => cmd::compare::run(&a),
        Command::Solve(a) => cmd::solve::run(&a),
        Command::Scenario(s) => cmd::scenario::run(&s),
        Command::Report(a) => cmd::report::run(&a),
        Command::Batch(a) => cmd::batch::run(&a),
        Command::Simulate(a) => cmd::simulate::run(&a),
        Command::Sensitivity(a) => cmd::simulate::sensitivity(&a),
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(e) => {
            let chain = e.chain();
            eprintln!("error: {}", chain[0]);
            for cause in &chain[1..] {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::from(2)
        }
    }
}
