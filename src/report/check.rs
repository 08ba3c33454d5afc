//! What reading and checking found, most serious first.

use std::io::{self, Write};

use crate::model::findings::{Finding, Severity};
use crate::report::format::Lang;
use crate::report::table::{Align, Table};

fn place(f: &Finding) -> String {
    let Some(first) = f.cells.first() else {
        return String::new();
    };
    let mut s = match (&first.sheet, &first.cell) {
        (Some(sh), Some(c)) => format!("{sh}!{c}"),
        (Some(sh), None) => sh.clone(),
        (None, Some(c)) => c.clone(),
        (None, None) => first.file.clone(),
    };
    if f.cells.len() > 1 {
        s.push_str(&format!(" (+{})", f.cells.len() - 1));
    }
    s
}

pub fn table(file: &str, findings: &[Finding], lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let fi = lang == Lang::Fi;
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    writeln!(out, "{file}")?;
    if findings.is_empty() {
        writeln!(
            out,
            "{}",
            if fi {
                "Ei huomautettavaa."
            } else {
                "Nothing to report."
            }
        )?;
        return Ok(());
    }
    let mut t = Table::new(
        vec![
            if fi { "Vakavuus" } else { "Severity" }.into(),
            if fi { "Paikka" } else { "Where" }.into(),
            if fi { "Havainto" } else { "Finding" }.into(),
        ],
        vec![Align::Left, Align::Left, Align::Left],
    );
    for f in findings {
        t.push(vec![
            if fi { f.severity.fi() } else { f.severity.en() }.into(),
            place(f),
            crate::report::finding::text(&f.message, lang),
        ]);
    }
    t.write(out)?;
    // Finnish counts take the partitive after any number but one.
    let n = |s: Severity, one: &str, many: &str| {
        let c = count(s);
        format!("{c} {}", if c == 1 { one } else { many })
    };
    writeln!(
        out,
        "{}",
        if fi {
            format!(
                "{}, {}, {}",
                n(Severity::Error, "virhe", "virhettä"),
                n(Severity::Warning, "varoitus", "varoitusta"),
                n(Severity::Notice, "huomio", "huomiota")
            )
        } else {
            format!(
                "{}, {}, {}",
                n(Severity::Error, "error", "errors"),
                n(Severity::Warning, "warning", "warnings"),
                n(Severity::Notice, "notice", "notices")
            )
        }
    )?;
    if findings.iter().any(|f| f.cells.len() > 1) {
        writeln!(
            out,
            "{}",
            if fi {
                "(+n) paikan perässä: havaintoon liittyy n muuta solua (--format csv tai json luettelee ne)."
            } else {
                "(+n) after a place: n more cells take part in the finding (--format csv or json lists them)."
            }
        )?;
    }
    Ok(())
}

pub fn csv(findings: &[Finding], out: &mut dyn Write) -> io::Result<()> {
    let mut w = crate::report::csv_out::Writer::from_writer(out);
    w.write_record([
        "severity",
        "code",
        "file",
        "sheet",
        "cell",
        "other_cells",
        "message",
    ])?;
    for f in findings {
        let first = f.cells.first();
        let others: Vec<String> = f
            .cells
            .iter()
            .skip(1)
            .map(|l| {
                format!(
                    "{}!{}",
                    l.sheet.clone().unwrap_or_default(),
                    l.cell.clone().unwrap_or_default()
                )
            })
            .collect();
        w.write_record([
            f.severity.en().to_string(),
            f.code.to_string(),
            first.map(|l| l.file.clone()).unwrap_or_default(),
            first.and_then(|l| l.sheet.clone()).unwrap_or_default(),
            first.and_then(|l| l.cell.clone()).unwrap_or_default(),
            others.join(" "),
            f.message.to_string(),
        ])?;
    }
    w.flush()
}

pub fn json(findings: &[Finding], out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, findings)?;
    writeln!(out)
}
