//! The five indicators by year, as a table, CSV or JSON.

use std::collections::BTreeMap;
use std::io::{self, Write};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::findings::{Break, rests_on};
use crate::model::indicators::{Evaluation, INDICATORS, IndicatorDef, IndicatorValue, Status};
use crate::model::ratios::Unit;
use crate::model::reason::{Method, Reason};
use crate::model::targets::SalesGains;
use crate::report::breaks::{self as brk, Marked, marks};
use crate::report::format::{Lang, number, plain};
use crate::report::table::{Align, Table};
use crate::report::{names, reason};

/// An indicator's name in the report's language.
pub fn name(d: &IndicatorDef, lang: Lang) -> &'static str {
    names::indicator(d, lang)
}

/// "1 Vuosikate − nettoinvestoinnit": number and name.
pub fn title(d: &IndicatorDef, lang: Lang) -> String {
    format!("{} {}", d.number, name(d, lang))
}

/// "1 Vuosikate − nettoinvestoinnit, €": an indicator's number, name and
/// unit (names that carry their unit already keep it once).
pub fn heading(d: &IndicatorDef, lang: Lang) -> String {
    let unit = names::unit(d.unit, lang);
    let name = names::indicator(d, lang);
    if name.contains(',') {
        format!("{} {name}", d.number)
    } else {
        format!("{} {name}, {unit}", d.number)
    }
}

pub fn mark(s: Status) -> &'static str {
    match s {
        Status::Met => "✓",
        Status::Missed => "✗",
        Status::NotMeasurable => "–",
    }
}

fn detail(v: &IndicatorValue, name: &str) -> Option<Decimal> {
    v.details
        .iter()
        .find(|d| d.name == name)
        .and_then(|d| d.value)
}

/// Collects "not measurable" reasons and derived-value notes as numbered
/// footnotes, merging those that differ only by year.
#[derive(Default)]
pub struct Notes {
    keys: Vec<String>,
    years: BTreeMap<String, Vec<i32>>,
}

impl Notes {
    pub fn add(&mut self, text: &str, year: i32) -> usize {
        let key = text.replace(&year.to_string(), "{y}");
        let idx = match self.keys.iter().position(|k| *k == key) {
            Some(i) => i,
            None => {
                self.keys.push(key.clone());
                self.keys.len() - 1
            }
        };
        let ys = self.years.entry(key).or_default();
        if !ys.contains(&year) {
            ys.push(year);
        }
        idx + 1
    }

    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        for (i, k) in self.keys.iter().enumerate() {
            let ys = &self.years[k];
            let list = ys.iter().map(i32::to_string).collect::<Vec<_>>().join(", ");
            let text = if k.contains("{y}") {
                k.replace("{y}", &list)
            } else {
                format!("{list}: {k}")
            };
            writeln!(out, "  [{}] {text}", i + 1)?;
        }
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

fn cell(v: &IndicatorValue, breaks: &[Break], lang: Lang, notes: &mut Notes) -> String {
    let Some(value) = v.value else {
        let why = v.reason.as_ref().map(|r| reason::text(r, lang));
        let n = notes.add(why.as_deref().unwrap_or(""), v.year);
        return format!("– [{n}]");
    };
    let mut s = match v.indicator {
        3 => {
            let idx = detail(v, "hintaindeksin_muutos_pct")
                .map(|i| number(i, 1, lang))
                .unwrap_or_default();
            format!("{} (≤ {idx})", number(value, 1, lang))
        }
        4 => {
            let ch = detail(v, "muutos_per_asukas").unwrap_or_default();
            format!("{} ({})", number(value, 0, lang), signed(ch, lang))
        }
        1 => match detail(v, "kattavuus_pct") {
            Some(c) => format!("{} ({} %)", number(value, 0, lang), number(c, 0, lang)),
            None => number(value, 0, lang),
        },
        _ => number(value, 0, lang),
    };
    if let Some(m) = &v.method {
        let n = notes.add(&reason::method(m, lang), v.year);
        s.push_str(&format!(" [{n}]"));
    }
    with_marks(format!("{s} {}", mark(v.status)), v, breaks)
}

/// The text, and the breaks the value rests on when it rests on any.
fn with_marks(text: String, v: &IndicatorValue, breaks: &[Break]) -> String {
    let m = marks(&rests_on(breaks, &v.inputs));
    if m.is_empty() {
        text
    } else {
        format!("{text} {m}")
    }
}

/// The indicators by year; values computed from a statement-year that does
/// not add up are marked and the breaks listed below.
pub fn table(ev: &Evaluation, breaks: &[Break], lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let title = lang.tr(
        "Kestävä talous kivijalkana: talouden tavoitteiden toteutuminen",
        "Hållbar ekonomi som grund: hur de ekonomiska målen uppnås",
        "Sustainable economy as the foundation: the economic targets",
    );
    writeln!(out, "{} — {title}", ev.municipality)?;
    writeln!(out)?;
    let mut headers = vec![lang.tr("Vuosi", "År", "Year").to_string(), String::new()];
    for d in &INDICATORS {
        let unit = names::unit(d.unit, lang);
        let name = match d.number {
            1 => lang.tr(
                "Vuosikate − nettoinv. (kattavuus)",
                "Årsbidrag − nettoinv. (täckning)",
                "Annual margin − net inv. (coverage)",
            ),
            3 => lang.tr(
                "Nettomenojen kasvu (indeksi)",
                "Nettokostnadernas ökning (index)",
                "Net cost growth (index)",
            ),
            4 => lang.tr(
                "Konsernin lainat ja vastuut (muutos)",
                "Koncernens lån och hyresansvar (förändring)",
                "Group loans and liabilities (change)",
            ),
            5 => lang.tr(
                "T+I-rahavirran kertymä 5 v",
                "Kassaflöde för verksamhet + investeringar, 5 år",
                "Operating + investing cash flow, 5 y",
            ),
            _ => names::indicator(d, lang),
        };
        headers.push(format!("{} {name}, {unit}", d.number));
    }
    let mut t = Table::new(
        headers,
        vec![
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
        ],
    );
    let mut notes = Notes::default();
    for (y, k) in &ev.years {
        let mut row = vec![y.to_string(), names::year_kind(*k, lang).to_string()];
        for n in 1..=5u8 {
            match ev.values.iter().find(|v| v.year == *y && v.indicator == n) {
                Some(v) => row.push(cell(v, breaks, lang, &mut notes)),
                None => row.push(String::new()),
            }
        }
        t.push(row);
    }
    t.write(out)?;
    if let Some((a, b)) = ev.period {
        writeln!(out)?;
        writeln!(
            out,
            "{} {a}–{b}:",
            lang.tr("Strategiakausi", "Strategiperiod", "Strategy period")
        )?;
        for v in &ev.spans {
            let d = &INDICATORS[(v.indicator - 1) as usize];
            let name = names::indicator(d, lang);
            let val = match v.value {
                Some(x) if v.indicator == 4 => {
                    let unit = names::unit(v.unit, lang);
                    let from = v.from_year.unwrap_or(a);
                    match (
                        detail(v, "lahtotaso_per_asukas"),
                        detail(v, "muutos_lahtotasosta_per_asukas"),
                    ) {
                        (Some(base), Some(change)) => format!(
                            "{} {unit} ({from}: {}, {})",
                            number(x, 0, lang),
                            number(base, 0, lang),
                            signed(change, lang)
                        ),
                        _ => format!("{} {unit}", number(x, 0, lang)),
                    }
                }
                Some(x) => format!("{} {}", number(x, 0, lang), Unit::Eur.symbol()),
                None => format!(
                    "– ({})",
                    v.reason
                        .as_ref()
                        .map(|r| reason::text(r, lang))
                        .unwrap_or_default()
                ),
            };
            let status = names::status(v.status, lang);
            let line = format!("  {} {name}: {val} {} {status}", d.number, mark(v.status));
            writeln!(out, "{}", with_marks(line, v, breaks))?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        lang.tr(
            "✓ toteutuu   ✗ ei toteudu   – ei mitattavissa. Eurot pyöristetty kokonaisiksi, prosentit yhteen desimaaliin (puolikkaat poispäin nollasta).",
            "✓ uppnått   ✗ ej uppnått   – kan inte mätas. Euro avrundade till hela euro, procent till en decimal (halva bort från noll).",
            "✓ met   ✗ missed   – not measurable. Euros rounded to whole euros, percentages to one decimal (halves away from zero).",
        )
    )?;
    writeln!(
        out,
        "{}: {}",
        lang.tr("Hintaindeksi", "Prisindex", "Price index"),
        crate::model::price_index::label(&ev.price_index, lang)
    )?;
    writeln!(out, "{}", sales_gains_note(ev.sales_gains, lang))?;
    if !notes.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            lang.tr("Huomautukset:", "Anmärkningar:", "Notes:")
        )?;
        notes.write(out)?;
    }
    brk::write_section(breaks, lang, out)
}

/// A change in whole euros with its sign, "+191" or "−123".
fn signed(change: Decimal, lang: Lang) -> String {
    let sign = if change > Decimal::ZERO { "+" } else { "" };
    format!("{sign}{}", number(change, 0, lang))
}

/// How indicator 1 treated gains on sales of fixed assets, said wherever
/// its value is shown.
pub fn sales_gains_note(g: SalesGains, lang: Lang) -> &'static str {
    match g {
        SalesGains::Excluded => lang.tr(
            "Indikaattori 1: vuosikatteesta vähennetty käyttöomaisuuden myyntivoitot (taustatiedoista, muuten tulorahoituksen korjauseristä), koska nettoinvestoinneista on jo vähennetty koko myyntihinta: voittoa ei lasketa kahdesti.",
            "Indikator 1: årsbidraget minskat med försäljningsvinsterna av bestående aktiva (ur bakgrundsuppgifterna, annars ur korrektivposterna till internt tillförda medel), eftersom hela försäljningspriset redan har dragits av från nettoinvesteringarna: en vinst räknas inte två gånger.",
            "Indicator 1: the annual margin less the gains on sales of fixed assets (from the background sheet, else the tulorahoituksen korjauserät), since net investment already deducts the whole sale price: a gain is not counted twice.",
        ),
        SalesGains::Included => lang.tr(
            "Indikaattori 1: vuosikate sellaisenaan (annual_margin.sales_gains = \"included\"): käyttöomaisuuden myyntivoitto lasketaan sekä vuosikatteeseen että nettoinvestointeihin.",
            "Indikator 1: årsbidraget som sådant (annual_margin.sales_gains = \"included\"): en försäljningsvinst av bestående aktiva räknas både i årsbidraget och i nettoinvesteringarna.",
            "Indicator 1: the annual margin as printed (annual_margin.sales_gains = \"included\"): a gain on selling fixed assets counts both in the margin and in net investment.",
        ),
    }
}

pub fn explain(lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    for d in &INDICATORS {
        writeln!(
            out,
            "{} {} — {}",
            d.number,
            names::indicator(d, lang),
            names::target(d, lang)
        )?;
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

pub fn csv(ev: &Evaluation, breaks: &[Break], out: &mut dyn Write) -> io::Result<()> {
    let mut w = crate::report::csv_out::Writer::from_writer(out);
    w.write_record([
        "municipality",
        "indicator",
        "id",
        "entity",
        "from_year",
        "year",
        "kind",
        "value",
        "unit",
        "status",
        "reason",
        "method",
        "details",
        "rests_on_break",
    ])?;
    for v in ev.values.iter().chain(ev.spans.iter()) {
        let details: Vec<String> = v
            .details
            .iter()
            .map(|d| format!("{}={}", d.name, d.value.map(plain).unwrap_or_default()))
            .collect();
        w.write_record([
            ev.municipality.clone(),
            v.indicator.to_string(),
            v.id.to_string(),
            v.entity.en().to_string(),
            v.from_year.map(|y| y.to_string()).unwrap_or_default(),
            v.year.to_string(),
            v.kind.map(|k| k.to_string()).unwrap_or_default(),
            v.value.map(plain).unwrap_or_default(),
            v.unit.symbol_en().to_string(),
            v.status.en().replace(' ', "_"),
            v.reason.as_ref().map(Reason::to_string).unwrap_or_default(),
            v.method.as_ref().map(Method::to_string).unwrap_or_default(),
            details.join(";"),
            brk::csv_field(breaks, &rests_on(breaks, &v.inputs)),
        ])?;
    }
    w.flush()
}

#[derive(Serialize)]
struct Def {
    number: u8,
    id: &'static str,
    name_fi: &'static str,
    name_en: &'static str,
    target_fi: &'static str,
    target_en: &'static str,
    formula: &'static str,
    source: &'static str,
}

/// The evaluation's fields, each value with the breaks it rests on, and the
/// breaks.
#[derive(Serialize)]
pub struct MarkedEvaluation<'a> {
    municipality: &'a str,
    years: &'a [(i32, crate::model::dataset::YearKind)],
    period: Option<(i32, i32)>,
    price_index: &'a str,
    sales_gains: SalesGains,
    values: Vec<Marked<'a, IndicatorValue>>,
    spans: Vec<Marked<'a, IndicatorValue>>,
    breaks: &'a [Break],
}

fn marked<'a>(vals: &'a [IndicatorValue], breaks: &'a [Break]) -> Vec<Marked<'a, IndicatorValue>> {
    vals.iter()
        .map(|v| Marked {
            value: v,
            rests_on_break: brk::picked(breaks, &rests_on(breaks, &v.inputs)),
        })
        .collect()
}

pub fn marked_evaluation<'a>(ev: &'a Evaluation, breaks: &'a [Break]) -> MarkedEvaluation<'a> {
    // Every field named, so a field added to the evaluation is not left out
    // of the JSON unnoticed.
    let Evaluation {
        municipality,
        years,
        period,
        price_index,
        sales_gains,
        values,
        spans,
    } = ev;
    MarkedEvaluation {
        municipality,
        years,
        period: *period,
        price_index,
        sales_gains: *sales_gains,
        values: marked(values, breaks),
        spans: marked(spans, breaks),
        breaks,
    }
}

#[derive(Serialize)]
struct Doc<'a> {
    indicators: Vec<Def>,
    #[serde(flatten)]
    evaluation: MarkedEvaluation<'a>,
}

pub fn json(ev: &Evaluation, breaks: &[Break], out: &mut dyn Write) -> io::Result<()> {
    let defs = INDICATORS
        .iter()
        .map(|d| Def {
            number: d.number,
            id: d.id,
            name_fi: d.fi,
            name_en: d.en,
            target_fi: d.target_fi,
            target_en: d.target_en,
            formula: d.formula,
            source: d.source,
        })
        .collect();
    serde_json::to_writer_pretty(
        &mut *out,
        &Doc {
            indicators: defs,
            evaluation: marked_evaluation(ev, breaks),
        },
    )?;
    writeln!(out)
}
