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
        parts.push(match lang {
            Lang::Fi => format!("110 § alijäämä määräajan jälkeen ({ys})"),
            Lang::Sv | Lang::En => format!("110 § deficit past its deadline ({ys})"),
        });
    }
    if let Some(ys) = ground {
        parts.push(match lang {
            Lang::Fi => format!("118 § peruste täyttyy ({ys})"),
            Lang::Sv | Lang::En => format!("118 § ground met ({ys})"),
        });
    }
    if parts.is_empty() {
        return lang.pick("ei mikään", "none").into();
    }
    parts.join("; ")
}

/// Nothing when the statutory tests were not a goal.
pub fn solve_lines(sol: &Solution, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let Some(l) = &sol.statutory else {
        return Ok(());
    };
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        match lang {
            Lang::Fi => format!(
                "Kuntalaki 110 § ja 118 § tavoitteena vuosina {}–{}: ei alijäämää määräajan jälkeen eikä 118 §:n arviointimenettelyn perustetta",
                sol.from, sol.by
            ),
            Lang::Sv | Lang::En => format!(
                "Local Government Act 110 § and 118 § as the goal in {}–{}: no deficit past its deadline and no ground for the 118 § assessment procedure",
                sol.from, sol.by
            ),
        }
    )?;
    let line = |label: (&str, &str), m: &[LawMiss]| -> String {
        format!("  {}: {}", lang.pick(label.0, label.1), words(m, lang))
    };
    writeln!(
        out,
        "{}",
        line(("Ilman muutosta", "Without a move"), &l.before)
    )?;
    match &sol.found {
        Some(f) if !f.is_empty() => writeln!(
            out,
            "{}",
            line(("Askelta vähemmän", "One step less"), &l.one_step_less)
        )?,
        Some(_) => {}
        None => writeln!(
            out,
            "{}",
            line(
                ("Kaikki vivut rajallaan", "Every lever at its bound"),
                &l.blocking
            )
        )?,
    }
    if !l.undecided.is_empty() {
        writeln!(
            out,
            "  {}: {}",
            lang.pick(
                "118 § ei ratkaistavissa, ei lasketa",
                "118 § undecided, not counted"
            ),
            span(&l.undecided)
        )?;
    }
    Ok(())
}
