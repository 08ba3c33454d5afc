//! `kivijalka scenario`: scenario files in words.

use std::io::Write;

use crate::cli::ScenarioCmd;
use crate::cmd::Outcome;
use crate::error::{Error, Result};
use crate::report;
use crate::scenario_file;

pub fn run(cmd: &ScenarioCmd) -> Result<Outcome> {
    let mut buf = Vec::new();
    match cmd {
        ScenarioCmd::Diff { a, b, lang } => {
            let (a, b) = (scenario_file::load(a)?, scenario_file::load(b)?);
            report::scenario::diff(&a, &b, (*lang).into(), &mut buf)
        }
        ScenarioCmd::Show { file, lang } => {
            report::scenario::show(&scenario_file::load(file)?, (*lang).into(), &mut buf)
        }
        ScenarioCmd::Keys { lang } => {
            buf.write_all(scenario_file::keys_markdown_in((*lang).into()).as_bytes())
        }
    }
    .map_err(|e| Error::io("(memory)", e))?;
    match std::io::stdout().write_all(&buf) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("(stdout)", e)),
        _ => Ok(Outcome::Ok),
    }
}
