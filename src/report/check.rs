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
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    writeln!(out, "{file}")?;
    if findings.is_empty() {
        let none = lang.tr(
            "Ei huomautettavaa.",
            "Inget att anmärka.",
            "Nothing to report.",
        );
        writeln!(out, "{none}")?;
        return Ok(());
    }
    let mut t = Table::new(
        vec![
            lang.tr("Vakavuus", "Allvar", "Severity").into(),
            lang.tr("Paikka", "Plats", "Where").into(),
            lang.tr("Havainto", "Iakttagelse", "Finding").into(),
        ],
        vec![Align::Left, Align::Left, Align::Left],
    );
    for f in findings {
        t.push(vec![
            f.severity.name(lang).into(),
            place(f),
            crate::report::finding::text(&f.message, lang),
        ]);
    }
    t.write(out)?;
    // Finnish counts take the partitive after any number but one; Swedish
    // and English their plural.
    let n = |s: Severity, one: &str, many: &str| {
        let c = count(s);
        format!("{c} {}", if c == 1 { one } else { many })
    };
    let (errors, warnings, notices) = match lang {
        Lang::Fi => (
            ("virhe", "virhettä"),
            ("varoitus", "varoitusta"),
            ("huomio", "huomiota"),
        ),
        Lang::Sv => (
            ("fel", "fel"),
            ("varning", "varningar"),
            ("observation", "observationer"),
        ),
        Lang::En => (
            ("error", "errors"),
            ("warning", "warnings"),
            ("notice", "notices"),
        ),
    };
    writeln!(
        out,
        "{}, {}, {}",
        n(Severity::Error, errors.0, errors.1),
        n(Severity::Warning, warnings.0, warnings.1),
        n(Severity::Notice, notices.0, notices.1)
    )?;
    if findings.iter().any(|f| f.cells.len() > 1) {
        let more = lang.tr(
            "(+n) paikan perässä: havaintoon liittyy n muuta solua (--format csv tai json luettelee ne).",
            "(+n) efter en plats: n andra celler hör till iakttagelsen (--format csv eller json listar dem).",
            "(+n) after a place: n more cells take part in the finding (--format csv or json lists them).",
        );
        writeln!(out, "{more}")?;
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
