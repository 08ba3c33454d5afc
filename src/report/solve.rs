//! What solving found, in words and with the indicators it leads to.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::dataset::Dataset;
use crate::model::indicators::Evaluation;
use crate::model::scenario::Scenario;
use crate::model::solve::{Lever, LeverSpec, Miss, Setting, Solution};
use crate::report::format::{Lang, number, plain};

fn setting(s: &Setting, from: i32, lang: Lang) -> String {
    match s.lever {
        Lever::TaxRate => {
            let v = number(s.value, 2, lang);
            crate::tr!(
                lang,
                "tuloveroprosentti +{v} prosenttiyksikköä vuodesta {from}",
                "inkomstskattesatsen +{v} procentenheter från {from}",
                "income tax rate +{v} percentage points from {from}"
            )
        }
        Lever::Savings => {
            let v = number(s.value, 0, lang);
            crate::tr!(
                lang,
                "säästöt {v} € vuodessa vuodesta {from}",
                "besparingar på {v} € per år från {from}",
                "savings of {v} € a year from {from}"
            )
        }
        Lever::InvestmentCap => {
            let v = number(s.value, 0, lang);
            crate::tr!(
                lang,
                "bruttoinvestoinnit enintään {v} € vuodessa vuodesta {from}",
                "bruttoinvesteringar högst {v} € per år från {from}",
                "gross investment at most {v} € a year from {from}"
            )
        }
    }
}

fn misses(m: &[Miss], lang: Lang) -> String {
    if m.is_empty() {
        return lang.tr("ei mikään", "inget", "none").into();
    }
    let mut by: std::collections::BTreeMap<u8, Vec<i32>> = Default::default();
    for x in m {
        by.entry(x.indicator).or_default().push(x.year);
    }
    by.iter()
        .map(|(i, ys)| {
            format!(
                "{} {i} ({})",
                lang.tr("tavoite", "mål", "target"),
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
            lang.tr(
                "Ei mitattavissa, ei lasketa",
                "Kan inte mätas, räknas inte",
                "Not measurable, not counted"
            ),
            misses(&m, lang)
        )?;
    }
    writeln!(
        out,
        "{} {}.",
        sol.trials,
        match sol.trials {
            1 => lang.tr(
                "ennuste laskettiin",
                "prognos beräknades",
                "projection was run"
            ),
            _ => lang.tr(
                "ennustetta laskettiin",
                "prognoser beräknades",
                "projections were run"
            ),
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
    let mut inds = sol
        .indicators
        .iter()
        .map(u8::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if sol.statutory.is_some() {
        // English names the law by its Finnish name, as the statutory
        // table does.
        let law = lang.tr(
            "Kuntalaki 110 § / 118 §",
            "Kommunallagen 110 § / 118 §",
            "Kuntalaki 110 § / 118 §",
        );
        inds += &format!("{}{law}", if inds.is_empty() { "" } else { ", " });
    }
    writeln!(
        out,
        "{} — {} {inds} {} {}–{}",
        ds.name(),
        lang.tr(
            "pienin muutos, jolla tavoitteet",
            "den minsta ändring som gör att målen",
            "the smallest move that makes targets"
        ),
        lang.tr("toteutuvat vuosina", "uppnås åren", "hold in"),
        sol.from,
        sol.by
    )?;
    writeln!(
        out,
        "{}: {}",
        lang.tr("Skenaario", "Scenario", "Scenario"),
        sc.name
    )?;
    // The flag's word in English (as typed), the lever's name in Finnish
    // and Swedish beside it.
    let names: Vec<String> = (levers.iter())
        .map(|l| {
            let key = l.lever.key();
            let (fi, sv) = match l.lever {
                Lever::TaxRate => ("tuloveroprosentti", "inkomstskattesats"),
                Lever::Savings => ("säästöt", "besparingar"),
                Lever::InvestmentCap => ("investointikatto", "investeringstak"),
            };
            crate::tr!(lang, "{fi} ({key})", "{sv} ({key})", "{key}")
        })
        .collect();
    writeln!(
        out,
        "{}: {}",
        lang.tr(
            "Vivut tärkeysjärjestyksessä",
            "Hävstänger i prioritetsordning",
            "Levers in order of priority"
        ),
        names.join(", ")
    )?;
    writeln!(
        out,
        "{}: {}",
        lang.tr(
            "Ilman muutosta ei toteudu",
            "Uppnås inte utan ändring",
            "Missed without a move"
        ),
        misses(&sol.before, lang)
    )?;
    Ok(())
}

/// The answer: no move needed, the moves that are enough (and that one
/// step less misses), or what still misses with every lever at its bound.
fn found(sol: &Solution, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    match &sol.found {
        Some(s) if s.is_empty() => writeln!(
            out,
            "{}",
            lang.tr(
                "Tavoitteet toteutuvat jo ilman muutosta.",
                "Målen uppnås redan utan ändring.",
                "The targets already hold without a move."
            )
        )?,
        Some(s) => {
            writeln!(out, "{}:", lang.tr("Riittää", "Räcker", "Enough"))?;
            for x in s {
                let b = if x.at_bound {
                    lang.tr(" (raja)", " (gränsen)", " (its bound)")
                } else {
                    ""
                };
                writeln!(out, "  {}{b}", setting(x, sol.from, lang))?;
            }
            writeln!(
                out,
                "{}: {}",
                lang.tr(
                    "Askelta vähemmän ei toteudu",
                    "Ett steg mindre uppnås inte",
                    "One step less misses"
                ),
                misses(&sol.one_step_less, lang)
            )?;
        }
        None => {
            writeln!(
                out,
                "{}",
                lang.tr(
                    "Ei ratkaisua vipujen rajoissa. Kaikki vivut rajallaan, ei toteudu:",
                    "Ingen lösning inom hävstängernas gränser. Med varje hävstång vid sin gräns uppnås fortfarande inte:",
                    "No solution within the levers' bounds. With every lever at its bound, still missed:"
                )
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
