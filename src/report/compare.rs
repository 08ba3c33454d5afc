//! Scenarios side by side: each indicator's path, the difference to the
//! first (baseline) scenario, and where a target's status changes.

use std::io::{self, Write};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::dataset::YearKind;
use crate::model::findings::{Break, rests_on};
use crate::model::indicators::{Evaluation, INDICATORS, IndicatorValue, Status};
use crate::model::reason::Reason;
use crate::report::breaks::{self as brk, marks};
use crate::report::format::{Lang, number, plain};
use crate::report::indicators::mark;
use crate::report::names;
use crate::report::table::{Align, Table};

#[derive(Serialize)]
pub struct Column {
    pub name: String,
    pub file: String,
    pub evaluation: Evaluation,
}

#[derive(Serialize)]
pub struct Comparison {
    pub municipality: String,
    pub years: Vec<(i32, YearKind)>,
    pub columns: Vec<Column>,
    /// The workbook's statement-years that do not add up; values resting on
    /// them are marked.
    pub breaks: Vec<Break>,
}

/// A target whose status differs from the baseline's in a year.
#[derive(Serialize)]
pub struct Change {
    pub scenario: String,
    pub indicator: u8,
    pub year: i32,
    pub baseline: Status,
    pub status: Status,
}

impl Comparison {
    fn value(&self, col: usize, indicator: u8, year: i32) -> Option<&IndicatorValue> {
        self.columns[col]
            .evaluation
            .values
            .iter()
            .find(|v| v.indicator == indicator && v.year == year)
    }

    pub fn changes(&self) -> Vec<Change> {
        let mut out = Vec::new();
        for c in 1..self.columns.len() {
            for d in &INDICATORS {
                for (y, _) in &self.years {
                    if let (Some(a), Some(b)) =
                        (self.value(0, d.number, *y), self.value(c, d.number, *y))
                        && a.status != b.status
                    {
                        out.push(Change {
                            scenario: self.columns[c].name.clone(),
                            indicator: d.number,
                            year: *y,
                            baseline: a.status,
                            status: b.status,
                        });
                    }
                }
            }
        }
        out
    }

    /// Target-years met, of those measurable, per scenario.
    pub fn met_counts(&self) -> Vec<(usize, usize)> {
        self.columns
            .iter()
            .map(|c| {
                let v = &c.evaluation.values;
                (
                    v.iter().filter(|x| x.status == Status::Met).count(),
                    v.iter()
                        .filter(|x| x.status != Status::NotMeasurable)
                        .count(),
                )
            })
            .collect()
    }
}

fn decimals(indicator: u8) -> u32 {
    INDICATORS[(indicator - 1) as usize].decimals
}

fn signed(v: Decimal, d: u32, lang: Lang) -> String {
    let s = number(v, d, lang);
    if v > Decimal::ZERO && !s.chars().all(|c| c == '0' || c == ',' || c == '.') {
        format!("+{s}")
    } else if crate::report::format::round(v, d).is_zero() {
        "±0".to_string()
    } else {
        s
    }
}

pub fn table(cmp: &Comparison, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{} — {}",
        cmp.municipality,
        lang.tr(
            "skenaarioiden vertailu",
            "jämförelse av scenarier",
            "scenarios compared"
        )
    )?;
    for (i, c) in cmp.columns.iter().enumerate() {
        let role = if i == 0 {
            lang.tr(" (vertailukohta)", " (jämförelsebas)", " (baseline)")
        } else {
            ""
        };
        writeln!(out, "  {} = {}{role}: {}", letter(i), c.name, c.file)?;
    }
    for d in &INDICATORS {
        writeln!(out)?;
        writeln!(out, "{}", crate::report::indicators::heading(d, lang))?;
        let mut headers = vec![lang.tr("Vuosi", "År", "Year").to_string(), String::new()];
        for (i, c) in cmp.columns.iter().enumerate() {
            headers.push(format!("{} {}", letter(i), c.name));
        }
        let mut align = vec![Align::Left, Align::Left];
        align.extend(std::iter::repeat_n(Align::Right, cmp.columns.len()));
        let mut t = Table::new(headers, align);
        for (y, k) in &cmp.years {
            let mut row = vec![y.to_string(), names::year_kind(*k, lang).to_string()];
            let base = cmp.value(0, d.number, *y);
            for c in 0..cmp.columns.len() {
                let cell = match cmp.value(c, d.number, *y) {
                    None => String::new(),
                    Some(v) => {
                        let mut s = match v.value {
                            Some(x) => {
                                let m = marks(&rests_on(&cmp.breaks, &v.inputs));
                                let s =
                                    format!("{} {}", number(x, d.decimals, lang), mark(v.status));
                                if m.is_empty() { s } else { format!("{s} {m}") }
                            }
                            None => mark(v.status).to_string(),
                        };
                        if c > 0 {
                            if let (Some(a), Some(b)) = (base.and_then(|b| b.value), v.value) {
                                s.push_str(&format!(
                                    " ({})",
                                    signed(b - a, decimals(d.number), lang)
                                ));
                            }
                            if base.is_some_and(|b| b.status != v.status) {
                                s.push_str(" ◆");
                            }
                        }
                        s
                    }
                };
                row.push(cell);
            }
            t.push(row);
        }
        t.write(out)?;
    }
    writeln!(out)?;
    let changes = cmp.changes();
    writeln!(
        out,
        "{}",
        lang.tr(
            "Tavoitteen tila eroaa vertailukohdasta (◆):",
            "Där ett måls status skiljer sig från jämförelsebasen (◆):",
            "Where a target's status differs from the baseline (◆):"
        )
    )?;
    if changes.is_empty() {
        writeln!(out, "  {}", lang.tr("ei missään", "ingenstans", "nowhere"))?;
    }
    for ch in &changes {
        let st = |s: Status| names::status(s, lang);
        writeln!(
            out,
            "  {} {}: {} {} {} → {}",
            ch.scenario,
            ch.year,
            lang.tr("tavoite", "mål", "target"),
            ch.indicator,
            st(ch.baseline),
            st(ch.status)
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        lang.tr(
            "Toteutuvat tavoitevuodet (mitattavista):",
            "Målår som uppnås (av de mätbara):",
            "Target-years met (of those measurable):"
        )
    )?;
    for (i, (met, of)) in cmp.met_counts().into_iter().enumerate() {
        writeln!(out, "  {} {}: {met} / {of}", letter(i), cmp.columns[i].name)?;
    }
    writeln!(
        out,
        "{}",
        lang.tr(
            "Suluissa ero vertailukohtaan. ✓ toteutuu ✗ ei toteudu – ei mitattavissa (syy: kivijalka forecast).",
            "Inom parentes skillnaden mot jämförelsebasen. ✓ uppnått ✗ ej uppnått – kan inte mätas (orsak: kivijalka forecast).",
            "In brackets: the difference to the baseline. ✓ met ✗ missed – not measurable (why: kivijalka forecast)."
        )
    )?;
    brk::write_section(&cmp.breaks, lang, out)
}

fn letter(i: usize) -> char {
    (b'A' + (i % 26) as u8) as char
}

pub fn csv(cmp: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    let mut w = crate::report::csv_out::Writer::from_writer(out);
    w.write_record([
        "municipality",
        "scenario",
        "file",
        "indicator",
        "id",
        "year",
        "kind",
        "value",
        "unit",
        "status",
        "difference_to_baseline",
        "baseline_status",
        "status_changed",
        "reason",
        "rests_on_break",
    ])?;
    for (c, col) in cmp.columns.iter().enumerate() {
        for v in &col.evaluation.values {
            let base = cmp.value(0, v.indicator, v.year);
            let diff = match (base.and_then(|b| b.value), v.value) {
                (Some(a), Some(b)) => plain(b - a),
                _ => String::new(),
            };
            w.write_record([
                cmp.municipality.clone(),
                col.name.clone(),
                col.file.clone(),
                v.indicator.to_string(),
                v.id.to_string(),
                v.year.to_string(),
                v.kind.map(|k| k.to_string()).unwrap_or_default(),
                v.value.map(plain).unwrap_or_default(),
                v.unit.symbol_en().to_string(),
                v.status.en().replace(' ', "_"),
                diff,
                base.map(|b| b.status.en().replace(' ', "_"))
                    .unwrap_or_default(),
                (c > 0 && base.is_some_and(|b| b.status != v.status)).to_string(),
                v.reason.as_ref().map(Reason::to_string).unwrap_or_default(),
                brk::csv_field(&cmp.breaks, &rests_on(&cmp.breaks, &v.inputs)),
            ])?;
        }
    }
    w.flush()
}

#[derive(Serialize)]
struct Doc<'a> {
    #[serde(flatten)]
    comparison: &'a Comparison,
    status_changes: Vec<Change>,
}

pub fn json(cmp: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(
        &mut *out,
        &Doc {
            comparison: cmp,
            status_changes: cmp.changes(),
        },
    )?;
    writeln!(out)
}
