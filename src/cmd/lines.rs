//! `kivijalka lines`: the canonical statement lines.

use std::io::{self, Write};

use crate::model::items::ITEMS;
use crate::report::Lang;
use crate::report::table::{Align, Table};

pub fn run(lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let fi = lang == Lang::Fi;
    let mut t = Table::new(
        vec![
            if fi { "Laskelma" } else { "Statement" }.into(),
            "id".into(),
            "suomi".into(),
            "svenska".into(),
            "English".into(),
            if fi {
                "Muut kirjoitusasut"
            } else {
                "Other spellings"
            }
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
