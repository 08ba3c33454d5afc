//! What solving found, in words and with the indicators it leads to.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::dataset::Dataset;
use crate::model::indicators::Evaluation;
use crate::model::scenario::Scenario;
use crate::model::solve::{Lever, LeverSpec, Miss, Setting, Solution};
use crate::report::format::{Lang, number, plain};

fn setting(s: &Setting, from: i32, lang: Lang) -> String {
    let fi = lang == Lang::Fi;
    match s.lever {
        Lever::TaxRate => {
            if fi {
                format!(
                    "tuloveroprosentti +{} prosenttiyksikköä vuodesta {from}",
                    number(s.value, 2, lang)
                )
            } else {
                format!(
                    "income tax rate +{} percentage points from {from}",
                    number(s.value, 2, lang)
                )
            }
        }
        Lever::Savings => {
            if fi {
                format!(
                    "säästöt {} € vuodessa vuodesta {from}",
                    number(s.value, 0, lang)
                )
            } else {
                format!(
                    "savings of {} € a year from {from}",
                    number(s.value, 0, lang)
                )
            }
        }
        Lever::InvestmentCap => {
            if fi {
                format!(
                    "bruttoinvestoinnit enintään {} € vuodessa vuodesta {from}",
                    number(s.value, 0, lang)
                )
            } else {
                format!(
                    "gross investment at most {} € a year from {from}",
                    number(s.value, 0, lang)
                )
            }
        }
    }
}

fn misses(m: &[Miss], lang: Lang) -> String {
    if m.is_empty() {
        return if lang == Lang::Fi {
            "ei mikään".into()
        } else {
            "none".into()
        };
    }
    let mut by: std::collections::BTreeMap<u8, Vec<i32>> = Default::default();
    for x in m {
        by.entry(x.indicator).or_default().push(x.year);
    }
    by.iter()
        .map(|(i, ys)| {
            format!(
                "{} {i} ({})",
                if lang == Lang::Fi {
                    "tavoite"
                } else {
                    "target"
                },
                ys.iter().map(i32::to_string).collect::<Vec<_>>().join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn table(
    ds: &Dataset,
    sc: &Scenario,
    levers: &[LeverSpec],
    sol: &Solution,
    after: Option<&Evaluation>,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let fi = lang == Lang::Fi;
    header(ds, sc, levers, sol, lang, out)?;
    writeln!(out)?;
    found(sol, lang, out)?;
    if !sol.not_measurable.is_empty() {
        let m: Vec<Miss> = sol
            .not_measurable
            .iter()
            .map(|(i, y)| Miss {
                indicator: *i,
                year: *y,
                value: None,
            })
            .collect();
        writeln!(
            out,
            "{}: {}",
            if fi {
                "Ei mitattavissa, ei lasketa"
            } else {
                "Not measurable, not counted"
            },
            misses(&m, lang)
        )?;
    }
    writeln!(
        out,
        "{} {}.",
        sol.trials,
        match (fi, sol.trials) {
            (true, 1) => "ennuste laskettiin",
            (true, _) => "ennustetta laskettiin",
            (false, 1) => "projection was run",
            (false, _) => "projections were run",
        }
    )?;
    if let Some(ev) = after {
        writeln!(out)?;
        crate::report::indicators::table(ev, &crate::model::findings::breaks(ds), lang, out)?;
    }
    Ok(())
}

/// The question asked: the targets and years, the scenario, the levers in
/// their order, and what is missed without a move.
fn header(
    ds: &Dataset,
    sc: &Scenario,
    levers: &[LeverSpec],
    sol: &Solution,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let fi = lang == Lang::Fi;
    let mut inds = sol
        .indicators
        .iter()
        .map(u8::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if sol.statutory.is_some() {
        inds += &format!(
            "{}Kuntalaki 110 § / 118 §",
            if inds.is_empty() { "" } else { ", " }
        );
    }
    writeln!(
        out,
        "{} — {} {inds} {} {}–{}",
        ds.name(),
        if fi {
            "pienin muutos, jolla tavoitteet"
        } else {
            "the smallest move that makes targets"
        },
        if fi { "toteutuvat vuosina" } else { "hold in" },
        sol.from,
        sol.by
    )?;
    writeln!(
        out,
        "{}: {}",
        if fi { "Skenaario" } else { "Scenario" },
        sc.name
    )?;
    // The flag's word in English (as typed), the lever's name in Finnish.
    let names: Vec<String> = (levers.iter())
        .map(|l| match (fi, l.lever) {
            (false, lever) => lever.key().to_string(),
            (true, Lever::TaxRate) => format!("tuloveroprosentti ({})", l.lever.key()),
            (true, Lever::Savings) => format!("säästöt ({})", l.lever.key()),
            (true, Lever::InvestmentCap) => format!("investointikatto ({})", l.lever.key()),
        })
        .collect();
    writeln!(
        out,
        "{}: {}",
        if fi {
            "Vivut tärkeysjärjestyksessä"
        } else {
            "Levers in order of priority"
        },
        names.join(", ")
    )?;
    writeln!(
        out,
        "{}: {}",
        if fi {
            "Ilman muutosta ei toteudu"
        } else {
            "Missed without a move"
        },
        misses(&sol.before, lang)
    )?;
    Ok(())
}

/// The answer: no move needed, the moves that are enough (and that one
/// step less misses), or what still misses with every lever at its bound.
fn found(sol: &Solution, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let fi = lang == Lang::Fi;
    match &sol.found {
        Some(s) if s.is_empty() => writeln!(
            out,
            "{}",
            if fi {
                "Tavoitteet toteutuvat jo ilman muutosta."
            } else {
                "The targets already hold without a move."
            }
        )?,
        Some(s) => {
            writeln!(out, "{}:", if fi { "Riittää" } else { "Enough" })?;
            for x in s {
                let b = if x.at_bound {
                    if fi { " (raja)" } else { " (its bound)" }
                } else {
                    ""
                };
                writeln!(out, "  {}{b}", setting(x, sol.from, lang))?;
            }
            writeln!(
                out,
                "{}: {}",
                if fi {
                    "Askelta vähemmän ei toteudu"
                } else {
                    "One step less misses"
                },
                misses(&sol.one_step_less, lang)
            )?;
        }
        None => {
            writeln!(
                out,
                "{}",
                if fi {
                    "Ei ratkaisua vipujen rajoissa. Kaikki vivut rajallaan, ei toteudu:"
                } else {
                    "No solution within the levers' bounds. With every lever at its bound, still missed:"
                }
            )?;
            writeln!(out, "  {}", misses(&sol.blocking, lang))?;
        }
    }
    Ok(())
}

pub fn csv(sol: &Solution, out: &mut dyn Write) -> io::Result<()> {
    let mut w = crate::report::csv_out::Writer::from_writer(out);
    w.write_record([
        "found",
        "lever",
        "value",
        "from",
        "at_bound",
        "by",
        "indicators",
    ])?;
    let inds = sol
        .indicators
        .iter()
        .map(u8::to_string)
        .collect::<Vec<_>>()
        .join(" ");
    match &sol.found {
        Some(s) if !s.is_empty() => {
            for x in s {
                w.write_record([
                    "true".to_string(),
                    x.lever.key().to_string(),
                    plain(x.value),
                    sol.from.to_string(),
                    x.at_bound.to_string(),
                    sol.by.to_string(),
                    inds.clone(),
                ])?;
            }
        }
        Some(_) => w.write_record([
            "true",
            "",
            "0",
            &sol.from.to_string(),
            "false",
            &sol.by.to_string(),
            &inds,
        ])?,
        None => w.write_record([
            "false",
            "",
            "",
            &sol.from.to_string(),
            "",
            &sol.by.to_string(),
            &inds,
        ])?,
    }
    w.flush()
}

#[derive(Serialize)]
struct Doc<'a> {
    solution: &'a Solution,
}

pub fn json(sol: &Solution, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &Doc { solution: sol })?;
    writeln!(out)
}
