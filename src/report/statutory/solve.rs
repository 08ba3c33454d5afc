//! `solve --statutory`: what Kuntalaki 110 § and 118 § say without a move,
//! one step less than the move found, and with every lever at its bound.

use std::io::{self, Write};

use crate::model::solve::{LawMiss, Solution};
use crate::report::format::Lang;

use super::table::span;

fn words(m: &[LawMiss], lang: Lang) -> String {
    let years = |f: fn(&LawMiss) -> Option<i32>| {
        let ys: Vec<i32> = m.iter().filter_map(f).collect();
        (!ys.is_empty()).then(|| span(&ys))
    };
    let deadline = years(|x| match x {
        LawMiss::Deadline110 { year } => Some(*year),
        _ => None,
    });
    let ground = years(|x| match x {
        LawMiss::Ground118 { year } => Some(*year),
        _ => None,
    });
    let mut parts = Vec::new();
    if let Some(ys) = deadline {
        parts.push(crate::tr!(
            lang,
            "110 § alijäämä määräajan jälkeen ({ys})",
            "110 § underskott efter tidsfristen ({ys})",
            "110 § deficit past its deadline ({ys})"
        ));
    }
    if let Some(ys) = ground {
        parts.push(crate::tr!(
            lang,
            "118 § peruste täyttyy ({ys})",
            "118 § grund uppfylls ({ys})",
            "118 § ground met ({ys})"
        ));
    }
    if parts.is_empty() {
        return lang.tr("ei mikään", "ingen", "none").into();
    }
    parts.join("; ")
}

/// Nothing when the statutory tests were not a goal.
pub fn solve_lines(sol: &Solution, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let Some(l) = &sol.statutory else {
        return Ok(());
    };
    writeln!(out)?;
    writeln!(out, "{}", {
        let (from, by) = (sol.from, sol.by);
        crate::tr!(
            lang,
            "Kuntalaki 110 § ja 118 § tavoitteena vuosina {from}–{by}: ei alijäämää määräajan jälkeen eikä 118 §:n arviointimenettelyn perustetta",
            "Kommunallagen 110 § och 118 § som mål {from}–{by}: inget underskott efter tidsfristen och ingen grund för utvärderingsförfarandet enligt 118 §",
            "Local Government Act 110 § and 118 § as the goal in {from}–{by}: no deficit past its deadline and no ground for the 118 § assessment procedure"
        )
    })?;
    let line = |label: (&str, &str, &str), m: &[LawMiss]| -> String {
        format!(
            "  {}: {}",
            lang.tr(label.0, label.1, label.2),
            words(m, lang)
        )
    };
    writeln!(
        out,
        "{}",
        line(
            ("Ilman muutosta", "Utan ändring", "Without a move"),
            &l.before
        )
    )?;
    match &sol.found {
        Some(f) if !f.is_empty() => writeln!(
            out,
            "{}",
            line(
                ("Askelta vähemmän", "Ett steg mindre", "One step less"),
                &l.one_step_less
            )
        )?,
        Some(_) => {}
        None => writeln!(
            out,
            "{}",
            line(
                (
                    "Kaikki vivut rajallaan",
                    "Alla hävstänger vid sin gräns",
                    "Every lever at its bound"
                ),
                &l.blocking
            )
        )?,
    }
    if !l.undecided.is_empty() {
        writeln!(
            out,
            "  {}: {}",
            lang.tr(
                "118 § ei ratkaistavissa, ei lasketa",
                "118 § kan inte avgöras, räknas inte",
                "118 § undecided, not counted"
            ),
            span(&l.undecided)
        )?;
    }
    Ok(())
}
