//! Key ratios by year for the city and the group.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::dataset::{Dataset, Entity};
use crate::model::findings::{Break, rests_on};
use crate::model::ratios::{RATIOS, RatioValue, ratio};
use crate::model::reason::Reason;
use crate::report::breaks::{self as brk, marks};
use crate::report::format::{Lang, number, plain};
use crate::report::indicators::Notes;
use crate::report::table::{Align, Table};
use crate::report::{names, reason};

/// The key ratios by year; values computed from a statement-year that does
/// not add up are marked and the breaks listed below.
/// Years of a structural break (`reforms`: the targets'
/// `net_cost_growth.break_years`) are marked † in the heading: the ratios
/// of income and costs are not comparable with the year before.
pub fn table(
    ds: &Dataset,
    values: &[RatioValue],
    breaks: &[Break],
    years: &[i32],
    reforms: &[i32],
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let marked: Vec<i32> = (years.iter().skip(1))
        .filter(|y| reforms.contains(y))
        .copied()
        .collect();
    for e in [Entity::City, Entity::Group] {
        if !values.iter().any(|v| v.entity == e) {
            continue;
        }
        let who = names::entity(e, lang);
        writeln!(
            out,
            "{} — {} ({who})",
            ds.name(),
            lang.tr("tunnusluvut", "nyckeltal", "key ratios")
        )?;
        let mut headers = vec![lang.tr("Tunnusluku", "Nyckeltal", "Ratio").to_string()];
        let mut align = vec![Align::Left];
        for y in years {
            let reform = if marked.contains(y) { " †" } else { "" };
            headers.push(format!(
                "{} {y}{reform}",
                ds.kind(*y)
                    .map(|k| names::year_kind(k, lang))
                    .unwrap_or_default()
            ));
            align.push(Align::Right);
        }
        let mut t = Table::new(headers, align);
        let mut notes = Notes::default();
        for def in RATIOS {
            let mut row = vec![names::ratio(def, lang).to_string()];
            for y in years {
                let v = values
                    .iter()
                    .find(|v| v.entity == e && v.year == *y && v.id == def.id);
                row.push(match v {
                    Some(v @ RatioValue { value: Some(x), .. }) => {
                        let m = marks(&rests_on(breaks, &v.inputs));
                        let n = number(*x, def.decimals, lang);
                        if m.is_empty() { n } else { format!("{n} {m}") }
                    }
                    Some(RatioValue {
                        not_measurable: Some(why),
                        ..
                    }) => format!("– [{}]", notes.add(&reason::text(why, lang), *y)),
                    _ => String::new(),
                });
            }
            t.push(row);
        }
        t.write(out)?;
        if !notes.is_empty() {
            writeln!(
                out,
                "{}",
                lang.tr("Ei mitattavissa:", "Kan inte mätas:", "Not measurable:")
            )?;
            notes.write(out)?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "{}",
        lang.tr(
            "Pyöristetty julkaistuun tarkkuuteen, puolikkaat poispäin nollasta. Kaavat: kivijalka ratios --explain",
            "Avrundat till den publicerade noggrannheten, halva bort från noll. Formler: kivijalka ratios --explain",
            "Rounded to the published precision, halves away from zero. Formulas: kivijalka ratios --explain",
        )
    )?;
    if !marked.is_empty() {
        let list: Vec<String> = marked.iter().map(|y| y.to_string()).collect();
        let list = list.join(", ");
        let text = crate::tr!(
            lang,
            "† {list}: rakennemuutosvuosi (net_cost_growth.break_years): tulojen ja menojen tunnusluvut, myös €/asukas, eivät ole vertailukelpoisia edellisen vuoden kanssa; kannat (lainat, kertynyt ylijäämä) ovat.",
            "† {list}: ett år med strukturförändring (net_cost_growth.break_years): nyckeltalen för intäkter och kostnader, också per invånare, är inte jämförbara med året före; stockarna (lån, ackumulerat överskott) är det.",
            "† {list}: a structural break year (net_cost_growth.break_years): ratios of income and costs, per resident too, are not comparable with the year before; stocks (loans, accumulated surplus) are.",
        );
        writeln!(out, "{text}")?;
    }
    brk::write_section(breaks, lang, out)
}

pub fn explain(lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    for d in RATIOS {
        writeln!(out, "{}", names::ratio(d, lang))?;
        writeln!(
            out,
            "  {}: {}",
            lang.tr("kaava", "formel", "formula"),
            d.formula_in(lang)
        )?;
        writeln!(
            out,
            "  {}: {}",
            lang.tr("lähde", "källa", "source"),
            d.source_in(lang)
        )?;
    }
    Ok(())
}

pub fn csv(
    ds: &Dataset,
    values: &[RatioValue],
    breaks: &[Break],
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut w = crate::report::csv_out::Writer::from_writer(out);
    w.write_record([
        "municipality",
        "entity",
        "ratio",
        "name_fi",
        "year",
        "kind",
        "value",
        "unit",
        "decimals",
        "reason",
        "rests_on_break",
    ])?;
    for v in values {
        let def = ratio(v.id).expect("ratio id");
        w.write_record([
            ds.name().to_string(),
            v.entity.en().to_string(),
            v.id.to_string(),
            def.fi.to_string(),
            v.year.to_string(),
            ds.kind(v.year).map(|k| k.to_string()).unwrap_or_default(),
            v.value.map(plain).unwrap_or_default(),
            def.unit.symbol_en().to_string(),
            def.decimals.to_string(),
            v.not_measurable
                .as_ref()
                .map(Reason::to_string)
                .unwrap_or_default(),
            brk::csv_field(breaks, &rests_on(breaks, &v.inputs)),
        ])?;
    }
    w.flush()
}

#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    value: &'a RatioValue,
    name_fi: &'static str,
    name_en: &'static str,
    formula: &'static str,
    source: &'static str,
    unit: crate::model::ratios::Unit,
    decimals: u32,
    rests_on_break: Vec<&'a Break>,
}

pub fn json(
    ds: &Dataset,
    values: &[RatioValue],
    breaks: &[Break],
    out: &mut dyn Write,
) -> io::Result<()> {
    let rows: Vec<Row> = values
        .iter()
        .map(|v| {
            let d = ratio(v.id).expect("ratio id");
            Row {
                value: v,
                name_fi: d.fi,
                name_en: d.en,
                formula: d.formula,
                source: d.source,
                unit: d.unit,
                decimals: d.decimals,
                rests_on_break: brk::picked(breaks, &rests_on(breaks, &v.inputs)),
            }
        })
        .collect();
    serde_json::to_writer_pretty(
        &mut *out,
        &serde_json::json!({ "municipality": ds.name(), "ratios": rows, "breaks": breaks }),
    )?;
    writeln!(out)
}
