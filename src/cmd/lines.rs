//! `kivijalka lines`: the canonical statement lines.

use std::io::{self, Write};

use crate::cmd::Outcome;
use crate::error::{Error, Result};
use crate::model::items::ITEMS;
use crate::report::Lang;
use crate::report::table::{Align, Table};

/// The table to standard output; a closed pipe is the reader's choice.
pub fn run(lang: Lang) -> Result<Outcome> {
    match write(lang, &mut io::stdout().lock()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Error::io("(stdout)", e)),
        _ => Ok(Outcome::Ok),
    }
}

pub fn write(lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let mut t = Table::new(
        vec![
            lang.tr("Laskelma", "Kalkyl", "Statement").into(),
            "id".into(),
            "suomi".into(),
            "svenska".into(),
            "English".into(),
            lang.tr("Muut kirjoitusasut", "Andra skrivsätt", "Other spellings")
                .into(),
        ],
        vec![Align::Left; 6],
    );
    for d in ITEMS {
        t.push(vec![
            d.statement.fi().into(),
            d.id.into(),
            format!("{}{}", "  ".repeat(d.level as usize), d.fi),
            d.sv.into(),
            d.en.into(),
            d.aliases.join("; "),
        ]);
    }
    t.write(out)
}
