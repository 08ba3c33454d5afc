//! The command line described for the shell and for man: completions and
//! manual pages, generated from the same clap definitions the parser uses,
//! so they cannot fall behind a flag.

use std::io::Write;

use crate::cli;
use crate::cmd::Outcome;
use crate::error::{Error, Result};
use crate::report::Lang;

/// Completions for `shell`, to stdout, their descriptions in the language
/// of the environment as `--help`'s.
pub fn completions(shell: clap_complete::Shell) -> Result<Outcome> {
    let mut cmd = cli::completing(Lang::from_env());
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "kivijalka", &mut out);
    print(&out)
}

/// The manual page of kivijalka, or of one of its commands (as
/// `kivijalka-forecast(1)`), as roff to stdout, in the language of the
/// environment as `--help`.
pub fn man(command: Option<&str>) -> Result<Outcome> {
    let lang = Lang::from_env();
    let cmd = cli::command(lang);
    let page = match command {
        None => cmd,
        Some(name) => {
            let sub = cmd.find_subcommand(name).ok_or_else(|| {
                let names: Vec<&str> = (cmd.get_subcommands().map(|s| s.get_name()))
                    .filter(|n| *n != "help")
                    .collect();
                let names = names.join(", ");
                Error::usage(crate::text!(
                    "man: komentoa '{name}' ei ole; komennot ovat {names}",
                    "man: kommandot '{name}' finns inte; kommandona är {names}",
                    "man: no command '{name}'; the commands are {names}"
                ))
            })?;
            let title = format!("kivijalka-{}", sub.get_name());
            sub.clone().name(title).version(env!("CARGO_PKG_VERSION"))
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut out)
        .map_err(|e| Error::io("stdout", e))?;
    print(&out)
}

fn print(bytes: &[u8]) -> Result<Outcome> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(|e| Error::io("stdout", e))?;
    Ok(Outcome::Ok)
}
