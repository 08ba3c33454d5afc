//! How every output shows a figure that rests on a statement that does not
//! add up: a mark beside the value naming the break by number, and the
//! breaks listed with their cells ("Tarkistukset").

use std::io::{self, Write};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::findings::Break;
use crate::report::finding;
use crate::report::format::{Lang, number, plain};

/// The mark beside a value that rests on a break (the tables mark status
/// with ✓ and ✗).
pub const MARK: &str = "⚠";

/// "⚠1,3" for a value resting on breaks 1 and 3 (numbered from 1); empty
/// when it rests on none.
pub fn marks(idx: &[usize]) -> String {
    if idx.is_empty() {
        return String::new();
    }
    let nums: Vec<String> = idx.iter().map(|i| (i + 1).to_string()).collect();
    format!("{MARK}{}", nums.join(","))
}

/// The section's heading.
pub fn title(lang: Lang) -> &'static str {
    lang.tr("Tarkistukset", "Kontroller", "Checks")
}

/// What the section says when every identity holds.
pub fn none_text(lang: Lang) -> &'static str {
    lang.tr(
        "Laskelmien kaavat täsmäävät: ei poikkeamia.",
        "Räkningarna stämmer: inga avvikelser.",
        "The statements add up: no breaks.",
    )
}

/// What the section says above its list.
pub fn intro(lang: Lang) -> &'static str {
    lang.tr(
        "Laskelma ei täsmää tai sen luku on kokoluokaltaan mahdoton: luvut, jotka on laskettu näiden laskelmien riveistä, on merkitty ⚠-merkillä ja poikkeaman numerolla.",
        "En räkning stämmer inte eller har en siffra av en storlek som ingen kommun har: siffror som beräknats ur dessa räkningars rader är märkta med ⚠ och avvikelsens nummer.",
        "A statement does not add up, or holds a figure of a size no municipality has: figures computed from the lines of these statements are marked ⚠ with the break's number.",
    )
}

pub fn difference_text(d: Decimal, lang: Lang) -> String {
    let decimals = if d.fract().is_zero() { 0 } else { 2 };
    format!("{} €", number(d, decimals, lang))
}

/// Who and which statement-years: "kaupunki, tuloslaskelma 2023".
pub fn whose(b: &Break, lang: Lang) -> String {
    let who = b.entity.name(lang);
    let what = b.statements_text(lang);
    if what.is_empty() {
        format!("{who} {}", b.year)
    } else {
        format!("{who}, {what}")
    }
}

/// The identity or other error, worded in `lang`.
pub fn identity(b: &Break, lang: Lang) -> String {
    finding::broken(&b.what, lang)
}

/// The identity and by how much it misses.
pub fn what(b: &Break, lang: Lang) -> String {
    match b.difference {
        Some(d) => format!(
            "{} {}, {} {}",
            identity(b, lang),
            lang.tr("ei täsmää", "stämmer inte", "does not hold"),
            lang.tr("erotus", "skillnad", "difference"),
            difference_text(d, lang)
        ),
        None => identity(b, lang),
    }
}

/// One break on one line: "kaupunki, tuloslaskelma 2023: Vuosikate = … ei
/// täsmää, erotus 5 000 € (solut Tuloslaskelma C14, C5)".
pub fn line(b: &Break, lang: Lang) -> String {
    format!(
        "{}: {} ({} {})",
        whose(b, lang),
        what(b, lang),
        lang.tr("solut", "celler", "cells"),
        b.cells_text()
    )
}

/// The terminal's section below a table; nothing when no break exists, so
/// the output of statements that add up is as it was.
pub fn write_section(breaks: &[Break], lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    if breaks.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "{}:", title(lang))?;
    writeln!(out, "  {}", intro(lang))?;
    for (i, b) in breaks.iter().enumerate() {
        writeln!(out, "  {} {}", marks(&[i]), line(b, lang))?;
    }
    Ok(())
}

/// The CSV field: each break the value rests on, in English with a plain
/// difference (as the CSV's numbers), " | " between.
pub fn csv_field(breaks: &[Break], idx: &[usize]) -> String {
    idx.iter()
        .map(|i| {
            let b = &breaks[*i];
            let diff = b
                .difference
                .map(|d| format!(" does not hold, difference {} €", plain(d)))
                .unwrap_or_default();
            format!(
                "{}: {}{diff} (cells {})",
                whose(b, Lang::En),
                identity(b, Lang::En),
                b.cells_text()
            )
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The breaks a value rests on, for JSON.
pub fn picked<'a>(breaks: &'a [Break], idx: &[usize]) -> Vec<&'a Break> {
    idx.iter().map(|i| &breaks[*i]).collect()
}

/// A value in JSON with the breaks it rests on beside its own fields.
#[derive(Serialize)]
pub struct Marked<'a, T: Serialize> {
    #[serde(flatten)]
    pub value: &'a T,
    pub rests_on_break: Vec<&'a Break>,
}
