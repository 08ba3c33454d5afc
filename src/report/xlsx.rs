//! The council report as an Excel workbook: numbers as numbers with euro
//! formats, statuses coloured, native charts of each indicator against its
//! target, frozen headers, widths set, landscape pages one wide. The only
//! module that knows rust_xlsxwriter.
//!
//! Reproducible: the document's creation time is fixed, so the same inputs
//! give the same bytes.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Chart, ChartAxisLabelPosition, ChartFormat, ChartLine, ChartLineDashType, ChartSolidFill,
    ChartType, Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Note,
    Workbook, Worksheet, XlsxError,
};

use crate::model::dataset::{Dataset, Entity, YearKind};
use crate::model::indicators::{Evaluation, INDICATORS, Status};
use crate::model::items::{self, Statement};
use crate::model::ratios::Unit;
use crate::report::breaks as brk;
use crate::report::document::{Document, kind_name, path, short_driver};
use crate::report::indicators::title;

const GREEN: u32 = 0xC6EFCE;
const RED: u32 = 0xFFC7CE;
const GREY: u32 = 0xE7E6E6;
const HEAD: u32 = 0xDDEBF7;
const BREAK: u32 = 0xB36B00;

/// Excel number formats by unit. Money in whole euros on screen, the cell
/// holds the exact figure to the cent.
fn num_format(unit: Unit, decimals: u32) -> String {
    let d = if decimals == 0 {
        String::new()
    } else {
        format!(".{}", "0".repeat(decimals as usize))
    };
    match unit {
        Unit::Eur => "#,##0 \"€\";-#,##0 \"€\"".to_string(),
        // The header says per resident, in the report's language.
        Unit::EurPerResident => "#,##0 \"€\";-#,##0 \"€\"".to_string(),
        Unit::Percent => format!("0{d} \"%\""),
        Unit::Ratio => format!("0{d}"),
        Unit::Days => "0".to_string(),
        Unit::Residents => "#,##0".to_string(),
    }
}

fn f64_of(v: Decimal) -> f64 {
    v.to_f64().unwrap_or_default()
}

struct Styles {
    title: Format,
    head: Format,
    bold: Format,
    wrap: Format,
}

impl Styles {
    fn new() -> Self {
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            head: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(HEAD))
                .set_border_bottom(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::Center),
            bold: Format::new().set_bold(),
            wrap: Format::new().set_text_wrap(),
        }
    }
    fn value(&self, unit: Unit, decimals: u32, status: Option<Status>) -> Format {
        let f = Format::new().set_num_format(num_format(unit, decimals));
        match status {
            Some(Status::Met) => f.set_background_color(Color::RGB(GREEN)),
            Some(Status::Missed) => f.set_background_color(Color::RGB(RED)),
            Some(Status::NotMeasurable) => f.set_background_color(Color::RGB(GREY)),
            None => f,
        }
    }
    fn status(&self, status: Status) -> Format {
        Format::new().set_background_color(Color::RGB(match status {
            Status::Met => GREEN,
            Status::Missed => RED,
            Status::NotMeasurable => GREY,
        }))
    }
}

/// A value resting on a break: its cell framed in dashed orange.
fn framed(f: Format) -> Format {
    f.set_border(FormatBorder::Dashed)
        .set_border_color(Color::RGB(BREAK))
}

/// The note on a value resting on breaks: which, each on a line (the first
/// few; the sheet "Tarkistukset" lists them all).
fn break_note(doc: &Document, idx: &[usize]) -> Note {
    const SHOWN: usize = 5;
    let mut text = format!(
        "{} — {}",
        brk::marks(idx),
        t(
            doc,
            "luku nojaa laskelmaan, joka ei täsmää tai on kokoluokaltaan mahdoton (välilehti Tarkistukset):",
            "the figure rests on a statement that does not add up or is of an impossible size (sheet Checks):"
        )
    );
    for i in idx.iter().take(SHOWN) {
        text.push_str(&format!(
            "\n{} {}",
            brk::marks(&[*i]),
            brk::line(&doc.breaks[*i], doc.lang)
        ));
    }
    if idx.len() > SHOWN {
        text.push_str("\n…");
    }
    Note::new(text)
        .set_author("kivijalka")
        .add_author_prefix(false)
        .set_width(420)
        .set_height(160)
}

/// Marks a value cell written at (r, c) as resting on the breaks `idx`.
fn note_breaks(
    doc: &Document,
    ws: &mut Worksheet,
    (r, c): (u32, u16),
    idx: &[usize],
) -> Result<(), XlsxError> {
    if !idx.is_empty() {
        ws.insert_note(r, c, &break_note(doc, idx))?;
    }
    Ok(())
}

fn page_setup(ws: &mut Worksheet, header_rows: u32) -> Result<(), XlsxError> {
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    if header_rows > 0 {
        ws.set_repeat_rows(header_rows - 1, header_rows - 1)?;
    }
    Ok(())
}

fn t(doc: &Document, fi: &'static str, en: &'static str) -> &'static str {
    if doc.fi() { fi } else { en }
}

fn status_word(doc: &Document, s: Status) -> &'static str {
    if doc.fi() { s.fi() } else { s.en() }
}

/// The summary: the five indicators by year, coloured, with the notes.
fn summary(doc: &Document, wb: &mut Workbook, st: &Styles) -> Result<(), XlsxError> {
    let ev = doc.main();
    let ws = wb.add_worksheet();
    ws.set_name(t(doc, "Yhteenveto", "Summary"))?;
    ws.write_string_with_format(
        0,
        0,
        format!(
            "{} — {}",
            doc.ds.name(),
            t(
                doc,
                "Kestävä talous kivijalkana: talouden tavoitteet",
                "Sustainable economy as the foundation: the economic targets"
            )
        ),
        &st.title,
    )?;
    ws.write_string(
        1,
        0,
        format!(
            "{}: {}. {}: {}",
            t(doc, "Skenaario", "Scenario"),
            doc.main_name(),
            t(doc, "Hintaindeksi", "Price index"),
            ev.price_index
        ),
    )?;
    if !doc.breaks.is_empty() {
        ws.write_string_with_format(
            2,
            0,
            format!("{} {}", brk::MARK, brk::intro(doc.lang)),
            &Format::new().set_bold().set_font_color(Color::RGB(BREAK)),
        )?;
    }
    let hr = 3;
    ws.write_string_with_format(hr, 0, t(doc, "Vuosi", "Year"), &st.head)?;
    ws.write_string_with_format(hr, 1, t(doc, "Laji", "Kind"), &st.head)?;
    for (i, d) in INDICATORS.iter().enumerate() {
        let c = 2 + 2 * i as u16;
        let unit = if doc.fi() {
            d.unit.symbol()
        } else {
            d.unit.symbol_en()
        };
        ws.write_string_with_format(hr, c, format!("{}, {unit}", title(d, doc.lang)), &st.head)?;
        ws.write_string_with_format(
            hr,
            c + 1,
            format!(
                "{} ({})",
                t(doc, "Tavoite", "Target"),
                if doc.fi() { d.target_fi } else { d.target_en }
            ),
            &st.head,
        )?;
        ws.set_column_width(c, 16)?;
        ws.set_column_width(c + 1, 14)?;
    }
    ws.set_row_height(hr, 62)?;
    ws.set_column_width(0, 8)?;
    ws.set_column_width(1, 16)?;
    let mut notes: Vec<String> = Vec::new();
    let mut r = hr + 1;
    for (y, k) in &ev.years {
        ws.write_number(r, 0, *y as f64)?;
        ws.write_string(r, 1, kind_name(Some(*k), doc.lang))?;
        for (i, d) in INDICATORS.iter().enumerate() {
            let c = 2 + 2 * i as u16;
            let Some(v) = ev
                .values
                .iter()
                .find(|v| v.indicator == d.number && v.year == *y)
            else {
                continue;
            };
            let rests = match v.value {
                Some(_) => doc.rests_on(&v.inputs),
                None => Vec::new(),
            };
            match v.value {
                Some(x) => {
                    let f = st.value(d.unit, d.decimals, Some(v.status));
                    let f = if rests.is_empty() { f } else { framed(f) };
                    ws.write_number_with_format(r, c, f64_of(x), &f)?;
                    note_breaks(doc, ws, (r, c), &rests)?;
                }
                None => {
                    ws.write_string_with_format(r, c, "–", &st.status(v.status))?;
                }
            }
            let word = status_word(doc, v.status);
            let word = if rests.is_empty() {
                word.to_string()
            } else {
                format!("{word} {}", brk::marks(&rests))
            };
            ws.write_string_with_format(r, c + 1, word, &st.status(v.status))?;
            if let Some(reason) = &v.reason {
                let reason = crate::report::reason::text(reason, doc.lang);
                notes.push(format!("{y}, {}: {reason}", d.number));
            }
        }
        r += 1;
    }
    ws.set_freeze_panes(hr + 1, 2)?;
    r += 1;
    if let Some((a, b)) = ev.period {
        ws.write_string_with_format(
            r,
            0,
            format!("{} {a}–{b}", t(doc, "Strategiakausi", "Strategy period")),
            &st.bold,
        )?;
        r += 1;
        for v in &ev.spans {
            let d = &INDICATORS[(v.indicator - 1) as usize];
            ws.write_string(r, 0, title(d, doc.lang))?;
            if let Some(x) = v.value {
                let rests = doc.rests_on(&v.inputs);
                let f = st.value(Unit::Eur, 0, Some(v.status));
                let f = if rests.is_empty() { f } else { framed(f) };
                ws.write_number_with_format(r, 4, f64_of(x), &f)?;
                note_breaks(doc, ws, (r, 4), &rests)?;
            }
            ws.write_string_with_format(r, 5, status_word(doc, v.status), &st.status(v.status))?;
            r += 1;
        }
        r += 1;
    }
    if !notes.is_empty() {
        ws.write_string_with_format(
            r,
            0,
            t(doc, "Ei mitattavissa, syy", "Not measurable, why"),
            &st.bold,
        )?;
        r += 1;
        for n in notes {
            ws.write_string(r, 0, n)?;
            r += 1;
        }
    }
    r += 1;
    ws.write_string(
        r,
        0,
        t(
            doc,
            "Vihreä: toteutuu. Punainen: ei toteudu. Harmaa: ei mitattavissa. Solussa tarkka arvo sentin tarkkuudella.",
            "Green: met. Red: missed. Grey: not measurable. Each cell holds the exact figure to the cent.",
        ),
    )?;
    page_setup(ws, hr + 1)?;
    Ok(())
}

/// Chart data (years, actual, budget and plan, projected, target) and the
/// five charts.
fn charts(
    doc: &Document,
    wb: &mut Workbook,
    st: &Styles,
    allowance: Decimal,
) -> Result<(), XlsxError> {
    let ev = doc.main();
    let data_name = t(doc, "Kaaviodata", "Chart data");
    let mut blocks = Vec::new();
    {
        let ws = wb.add_worksheet();
        ws.set_name(data_name)?;
        let mut r = 0u32;
        for d in &INDICATORS {
            let pts = path(ev, d.number, allowance);
            ws.write_string_with_format(r, 0, title(d, doc.lang), &st.bold)?;
            r += 1;
            let heads = [
                t(doc, "Vuosi", "Year"),
                t(doc, "Toteuma", "Actual"),
                t(doc, "Talousarvio ja -suunnitelma", "Budget and plan"),
                t(doc, "Ennuste", "Projected"),
                t(doc, "Tavoiteraja", "Target line"),
            ];
            for (c, h) in heads.iter().enumerate() {
                ws.write_string_with_format(r, c as u16, *h, &st.head)?;
            }
            let first = r + 1;
            let fmt = st.value(d.unit, d.decimals, None);
            for (i, p) in pts.iter().enumerate() {
                let row = first + i as u32;
                ws.write_number(row, 0, p.year as f64)?;
                let next = pts.get(i + 1).and_then(|n| n.kind);
                let col = |k: Option<YearKind>| match k {
                    Some(YearKind::TP) => 1,
                    Some(YearKind::TA | YearKind::TS) => 2,
                    _ => 3,
                };
                if let Some(v) = p.value {
                    ws.write_number_with_format(row, col(p.kind), f64_of(v), &fmt)?;
                    // The last point of a segment also starts the next, so the
                    // line runs on with its new style.
                    if next.is_some() && col(next) != col(p.kind) {
                        ws.write_number_with_format(row, col(next), f64_of(v), &fmt)?;
                    }
                }
                if let Some(tg) = p.target {
                    ws.write_number_with_format(row, 4, f64_of(tg), &fmt)?;
                }
            }
            let last = first + pts.len().max(1) as u32 - 1;
            blocks.push((d, first, last));
            r = last + 2;
        }
        ws.set_column_width(0, 10)?;
        for c in 1..5 {
            ws.set_column_width(c, 18)?;
        }
    }
    let ws = wb.add_worksheet();
    ws.set_name(t(doc, "Kaaviot", "Charts"))?;
    let styles = [
        (0x1F4E79u32, ChartLineDashType::Solid),
        (0x2E75B6, ChartLineDashType::Dash),
        (0x9DC3E6, ChartLineDashType::RoundDot),
        (0xC00000, ChartLineDashType::LongDash),
    ];
    for (i, (d, first, last)) in blocks.iter().enumerate() {
        let mut chart = Chart::new(ChartType::Line);
        chart.title().set_name(&title(d, doc.lang));
        for (s, (color, dash)) in styles.iter().enumerate() {
            let col = 1 + s as u16;
            chart
                .add_series()
                .set_name((data_name, first - 1, col))
                .set_categories((data_name, *first, 0, *last, 0))
                .set_values((data_name, *first, col, *last, col))
                .set_format(
                    ChartFormat::new().set_line(
                        ChartLine::new()
                            .set_color(Color::RGB(*color))
                            .set_dash_type(*dash)
                            .set_width(if s == 3 { 1.25 } else { 2.25 }),
                    ),
                );
        }
        chart
            .y_axis()
            .set_num_format(num_format(d.unit, d.decimals));
        chart
            .x_axis()
            .set_label_position(ChartAxisLabelPosition::Low);
        chart.set_width(620).set_height(300);
        let (row, col) = ((i / 2) as u32 * 16, (i % 2) as u16 * 10);
        ws.insert_chart(row, col, &chart)?;
    }
    page_setup(ws, 0)?;
    Ok(())
}

fn statements_sheet(
    doc: &Document,
    wb: &mut Workbook,
    st: &Styles,
    name: &str,
    ds: &Dataset,
    years: &[i32],
    entities: &[Entity],
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    ws.set_column_width(0, 46)?;
    let mut r = 0u32;
    let eur = Format::new().set_num_format(num_format(Unit::Eur, 0));
    let bold_eur = eur.clone().set_bold();
    let pct = Format::new().set_num_format("0.00");
    for e in entities {
        for s in Statement::ALL {
            let lines: Vec<_> = ds
                .lines(*e)
                .into_iter()
                .filter(|d| d.statement == s)
                .filter(|d| years.iter().any(|y| ds.get(*e, d.id, *y).is_some()))
                .collect();
            if lines.is_empty() {
                continue;
            }
            let who = if doc.fi() { e.fi() } else { e.en() };
            let what = if doc.fi() { s.fi() } else { s.en() };
            ws.write_string_with_format(
                r,
                0,
                format!("{} — {what} ({who})", ds.name()),
                &st.title,
            )?;
            r += 1;
            ws.write_string_with_format(r, 0, t(doc, "Rivi", "Line"), &st.head)?;
            for (i, y) in years.iter().enumerate() {
                let k = ds.kind(*y).map(|k| k.to_string()).unwrap_or_default();
                ws.write_string_with_format(r, 1 + i as u16, format!("{k} {y}"), &st.head)?;
                ws.set_column_width(1 + i as u16, 14)?;
            }
            r += 1;
            for d in lines {
                let indent = "  ".repeat(d.level as usize);
                let label = if doc.fi() { d.fi } else { d.en };
                let sub = items::is_subtotal(d.id) || d.parent.is_none();
                ws.write_string_with_format(
                    r,
                    0,
                    format!("{indent}{label}"),
                    if sub { &st.bold } else { &st.wrap },
                )?;
                for (i, y) in years.iter().enumerate() {
                    if let Some(f) = ds.get(*e, d.id, *y) {
                        let fmt = match d.id {
                            "bg.tuloveroprosentti" => &pct,
                            "bg.asukasluku" => &st.wrap,
                            _ if sub => &bold_eur,
                            _ => &eur,
                        };
                        ws.write_number_with_format(r, 1 + i as u16, f64_of(f.value), fmt)?;
                    }
                }
                r += 1;
            }
            r += 1;
        }
    }
    ws.set_freeze_panes(0, 1)?;
    page_setup(ws, 0)?;
    Ok(())
}

fn drivers_sheet(doc: &Document, wb: &mut Workbook, st: &Styles) -> Result<(), XlsxError> {
    let Some(run) = doc.runs.first() else {
        return Ok(());
    };
    let ws = wb.add_worksheet();
    ws.set_name(t(doc, "Ennusteen laskenta", "Projection drivers"))?;
    let heads: [(&str, &str); 17] = [
        ("Vuosi", "Year"),
        ("Laji", "Kind"),
        ("Asukkaat", "Residents"),
        ("Veroprosentti", "Tax rate %"),
        ("Verotulot", "Tax revenue"),
        ("Valtionosuudet", "State subsidies"),
        ("Nettomenot", "Net operating cost"),
        ("Vuosikate", "Annual margin"),
        ("Poistot", "Depreciation"),
        ("Nettoinvestoinnit", "Net investment"),
        ("Lainanotto", "Borrowing"),
        ("Lyhennykset", "Repayments"),
        ("Lainakanta", "Loan stock"),
        ("Korko %", "Interest %"),
        ("Kassa", "Cash"),
        ("Kertynyt ylijäämä", "Accumulated surplus"),
        ("Konsernin lainat", "Group loans"),
    ];
    for (c, (fi, en)) in heads.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, if doc.fi() { *fi } else { *en }, &st.head)?;
        ws.set_column_width(c as u16, 14)?;
    }
    let eur = Format::new().set_num_format(num_format(Unit::Eur, 0));
    let pct = Format::new().set_num_format("0.00");
    for (i, row) in run.projection.rows.iter().enumerate() {
        let r = 1 + i as u32;
        ws.write_number(r, 0, row.year as f64)?;
        ws.write_string(r, 1, kind_name(Some(row.kind), doc.lang))?;
        if let Some(p) = row.population {
            ws.write_number(r, 2, f64_of(p))?;
        }
        if let Some(x) = row.tax_rate_pct {
            ws.write_number_with_format(r, 3, f64_of(x), &pct)?;
        }
        let money = [
            row.tax_revenue,
            row.state_subsidies,
            row.net_operating_cost,
            row.annual_margin,
            row.depreciation,
            row.net_investment,
            row.borrowing,
            row.repayments,
            row.loans,
        ];
        for (j, v) in money.iter().enumerate() {
            ws.write_number_with_format(r, 4 + j as u16, f64_of(*v), &eur)?;
        }
        ws.write_number_with_format(r, 13, f64_of(row.interest_rate_pct), &pct)?;
        ws.write_number_with_format(r, 14, f64_of(row.cash), &eur)?;
        ws.write_number_with_format(r, 15, f64_of(row.accumulated_surplus), &eur)?;
        if let Some(g) = row.group_loans {
            ws.write_number_with_format(r, 16, f64_of(g), &eur)?;
        }
    }
    let mut r = run.projection.rows.len() as u32 + 2;
    ws.write_string_with_format(r, 0, t(doc, "Oletukset", "Assumptions"), &st.bold)?;
    r += 1;
    for a in &run.projection.assumptions {
        ws.write_string(r, 0, a)?;
        r += 1;
    }
    ws.set_freeze_panes(1, 2)?;
    page_setup(ws, 1)?;
    Ok(())
}

fn scenarios_sheet(doc: &Document, wb: &mut Workbook, st: &Styles) -> Result<(), XlsxError> {
    if doc.runs.len() < 2 {
        return Ok(());
    }
    let ws = wb.add_worksheet();
    ws.set_name(t(doc, "Skenaariot", "Scenarios"))?;
    ws.set_column_width(0, 10)?;
    let mut r = 0u32;
    let base: &Evaluation = &doc.runs[0].evaluation;
    for d in &INDICATORS {
        ws.write_string_with_format(r, 0, title(d, doc.lang), &st.title)?;
        r += 1;
        ws.write_string_with_format(r, 0, t(doc, "Vuosi", "Year"), &st.head)?;
        for (i, run) in doc.runs.iter().enumerate() {
            ws.write_string_with_format(r, 1 + i as u16, &run.scenario.name, &st.head)?;
            ws.set_column_width(1 + i as u16, 18)?;
        }
        r += 1;
        for (y, _) in &base.years {
            ws.write_number(r, 0, *y as f64)?;
            for (i, run) in doc.runs.iter().enumerate() {
                if let Some(v) = run
                    .evaluation
                    .values
                    .iter()
                    .find(|v| v.indicator == d.number && v.year == *y)
                {
                    match v.value {
                        Some(x) => {
                            let rests = doc.rests_on(&v.inputs);
                            let f = st.value(d.unit, d.decimals, Some(v.status));
                            let f = if rests.is_empty() { f } else { framed(f) };
                            ws.write_number_with_format(r, 1 + i as u16, f64_of(x), &f)?;
                            note_breaks(doc, ws, (r, 1 + i as u16), &rests)?;
                        }
                        None => {
                            ws.write_string_with_format(
                                r,
                                1 + i as u16,
                                "–",
                                &st.status(v.status),
                            )?;
                        }
                    };
                }
            }
            r += 1;
        }
        r += 1;
    }
    page_setup(ws, 0)?;
    Ok(())
}

/// The simulation: percentiles and probabilities by indicator and year, and
/// a chart of the percentile lines with the forecast.
fn simulation_sheet(
    doc: &Document,
    wb: &mut Workbook,
    st: &Styles,
    sim: &crate::model::simulate::Simulation,
    name: &str,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    ws.write_string_with_format(
        0,
        0,
        format!(
            "{}: {} — {} {}, {} {}",
            t(doc, "Simulointi", "Simulation"),
            sim.scenario,
            sim.paths,
            t(doc, "polkua", "paths"),
            t(doc, "siemen", "seed"),
            sim.seed
        ),
        &st.title,
    )?;
    let pct = Format::new().set_num_format("0.0%");
    let mut r = 2u32;
    let mut blocks = Vec::new();
    for d in &INDICATORS {
        ws.write_string_with_format(r, 0, title(d, doc.lang), &st.bold)?;
        r += 1;
        let heads = [
            "P5",
            "P25",
            t(doc, "Mediaani", "Median"),
            "P75",
            "P95",
            t(doc, "Ennuste", "Forecast"),
            t(doc, "Toteutuu", "Holds"),
        ];
        ws.write_string_with_format(r, 0, t(doc, "Vuosi", "Year"), &st.head)?;
        for (c, h) in heads.iter().enumerate() {
            ws.write_string_with_format(r, 1 + c as u16, *h, &st.head)?;
        }
        let first = r + 1;
        let fmt = st.value(d.unit, d.decimals, None);
        for c in sim.cells.iter().filter(|c| c.indicator == d.number) {
            r += 1;
            ws.write_number(r, 0, c.year as f64)?;
            for (i, p) in c.percentiles.iter().enumerate() {
                if let Some(v) = p {
                    ws.write_number_with_format(r, 1 + i as u16, *v, &fmt)?;
                }
            }
            if let Some(v) = c.deterministic {
                ws.write_number_with_format(
                    r,
                    6,
                    f64_of(v),
                    &st.value(d.unit, d.decimals, Some(c.deterministic_status)),
                )?;
            }
            ws.write_number_with_format(r, 7, c.p_met, &pct)?;
        }
        blocks.push((d, first - 1, first, r));
        r += 2;
    }
    for c in 0..8u16 {
        ws.set_column_width(c, if c == 0 { 10 } else { 15 })?;
    }
    let colors = [
        0x9DC3E6u32,
        0x2E75B6,
        0x1F4E79,
        0x2E75B6,
        0x9DC3E6,
        0xC55A11,
    ];
    for (i, (d, head, first, last)) in blocks.iter().enumerate() {
        let mut chart = Chart::new(ChartType::Line);
        chart.title().set_name(&title(d, doc.lang));
        for (k, color) in colors.iter().enumerate() {
            let col = 1 + k as u16;
            chart
                .add_series()
                .set_name((name, *head, col))
                .set_categories((name, *first, 0, *last, 0))
                .set_values((name, *first, col, *last, col))
                .set_format(
                    ChartFormat::new().set_line(
                        ChartLine::new()
                            .set_color(Color::RGB(*color))
                            .set_dash_type(if k == 5 {
                                ChartLineDashType::Dash
                            } else {
                                ChartLineDashType::Solid
                            })
                            .set_width(if k == 2 || k == 5 { 2.25 } else { 1.0 }),
                    ),
                );
        }
        chart
            .y_axis()
            .set_num_format(num_format(d.unit, d.decimals));
        chart
            .x_axis()
            .set_label_position(ChartAxisLabelPosition::Low);
        chart.set_width(560).set_height(280);
        ws.insert_chart((i as u32) * 15 + 2, 9, &chart)?;
    }
    page_setup(ws, 0)?;
    Ok(())
}

/// The sensitivity: per target, each driver alone at its 5th and 95th
/// percentile, largest swing first, and a tornado chart of the values at
/// the low and the high against the forecast.
fn sensitivity_sheet(
    doc: &Document,
    wb: &mut Workbook,
    st: &Styles,
    (scenario, swings): &(String, Vec<crate::model::simulate::Swing>),
    name: &str,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    ws.write_string_with_format(
        0,
        0,
        format!(
            "{} — {}: {scenario}",
            t(
                doc,
                "Mikä tekijä vaikuttaa eniten: kukin tekijä yksin 5. ja 95. prosenttipisteessään",
                "Which driver moves each target most: each driver alone at its 5th and 95th percentile",
            ),
            t(doc, "skenaario", "scenario")
        ),
        &st.title,
    )?;
    let heads = [
        t(doc, "Tekijä", "Driver"),
        t(doc, "Matala", "Low"),
        t(doc, "Korkea", "High"),
        t(doc, "Vuosi", "Year"),
        t(doc, "Arvo matalalla", "Value at low"),
        t(doc, "Arvo korkealla", "Value at high"),
        t(doc, "Ennuste", "Forecast"),
        t(doc, "Matala − ennuste", "Low − forecast"),
        t(doc, "Korkea − ennuste", "High − forecast"),
        t(doc, "Tila kääntyy", "Status flips"),
    ];
    // A driver's value as the scenario file gives it (percent or points).
    let drv = Format::new().set_num_format("0.00");
    let mut r = 2u32;
    let mut blocks = Vec::new();
    for d in &INDICATORS {
        let rows: Vec<_> = swings.iter().filter(|s| s.indicator == d.number).collect();
        if rows.is_empty() {
            continue;
        }
        ws.write_string_with_format(r, 0, title(d, doc.lang), &st.bold)?;
        r += 1;
        for (c, h) in heads.iter().enumerate() {
            ws.write_string_with_format(r, c as u16, *h, &st.head)?;
        }
        let first = r + 1;
        let fmt = st.value(d.unit, d.decimals, None);
        for s in &rows {
            r += 1;
            ws.write_string(r, 0, short_driver(&s.driver))?;
            ws.write_number_with_format(r, 1, s.low, &drv)?;
            ws.write_number_with_format(r, 2, s.high, &drv)?;
            if let Some(y) = s.year {
                ws.write_number(r, 3, y as f64)?;
            }
            for (c, v) in [(4, s.at_low), (5, s.at_high), (6, s.central)] {
                if let Some(v) = v {
                    ws.write_number_with_format(r, c, f64_of(v), &fmt)?;
                }
            }
            // The bars: how far each end lies from the forecast.
            if let (Some(c), Some(lo), Some(hi)) = (s.central, s.at_low, s.at_high) {
                ws.write_number_with_format(r, 7, f64_of(lo - c), &fmt)?;
                ws.write_number_with_format(r, 8, f64_of(hi - c), &fmt)?;
            }
            let flips: Vec<String> = s
                .flips
                .iter()
                .map(|(y, c, lo, hi)| {
                    format!(
                        "{y}: {}→{}/{}",
                        crate::report::indicators::mark(*c),
                        crate::report::indicators::mark(*lo),
                        crate::report::indicators::mark(*hi)
                    )
                })
                .collect();
            ws.write_string(r, 9, flips.join("; "))?;
        }
        blocks.push((d, first, r));
        r += 2;
    }
    ws.write_string(
        r,
        0,
        t(
            doc,
            "Palkit: indikaattorin arvo tekijän matalalla ja korkealla arvolla vähennettynä ennusteella, vuonna, jona ero on suurin. Tila: ✓ toteutuu, ✗ ei toteudu, – ei mitattavissa.",
            "Bars: the indicator's value at the driver's low and high less the forecast, in the year the difference is largest. Status: ✓ met, ✗ missed, – not measurable.",
        ),
    )?;
    ws.set_column_width(0, 34)?;
    for c in 1..9u16 {
        ws.set_column_width(c, if c <= 3 { 9 } else { 15 })?;
    }
    ws.set_column_width(9, 30)?;
    // Charts beside the tables, one under another (a row is 20 pixels).
    let mut at = 2u32;
    for (d, first, last) in &blocks {
        let mut chart = Chart::new(ChartType::Bar);
        chart.title().set_name(&title(d, doc.lang));
        for (col, color) in [(7u16, 0x9DC3E6u32), (8, 0x2E75B6)] {
            chart
                .add_series()
                .set_name((name, *first - 1, col))
                .set_categories((name, *first, 0, *last, 0))
                .set_values((name, *first, col, *last, col))
                .set_overlap(100)
                .set_gap(40)
                .set_format(
                    ChartFormat::new()
                        .set_solid_fill(ChartSolidFill::new().set_color(Color::RGB(color))),
                );
        }
        // In a bar chart the x axis is the values', the y axis the drivers':
        // largest swing on top, names at the left edge clear of the bars.
        chart
            .x_axis()
            .set_num_format(num_format(d.unit, d.decimals));
        chart
            .y_axis()
            .set_reverse()
            .set_label_position(ChartAxisLabelPosition::Low);
        let height = 90 + 30 * (*last + 1 - *first);
        chart.set_width(560).set_height(height);
        ws.insert_chart(at, 11, &chart)?;
        at += height / 20 + 2;
    }
    page_setup(ws, 0)?;
    Ok(())
}

/// The sheet name for the `i`th of several: "Simulointi", "Simulointi 2", ...
fn numbered(base: &str, i: usize) -> String {
    match i {
        0 => base.to_string(),
        _ => format!("{base} {}", i + 1),
    }
}

fn ratios_sheet(doc: &Document, wb: &mut Workbook, st: &Styles) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(t(doc, "Tunnusluvut", "Key ratios"))?;
    let years: Vec<i32> = doc.ds.years.keys().copied().collect();
    ws.write_string_with_format(0, 0, t(doc, "Tunnusluku", "Key ratio"), &st.head)?;
    ws.write_string_with_format(0, 1, t(doc, "Kuka", "Entity"), &st.head)?;
    for (i, y) in years.iter().enumerate() {
        let k = doc.ds.kind(*y).map(|k| k.to_string()).unwrap_or_default();
        ws.write_string_with_format(0, 2 + i as u16, format!("{k} {y}"), &st.head)?;
        ws.set_column_width(2 + i as u16, 12)?;
    }
    ws.set_column_width(0, 44)?;
    ws.set_column_width(1, 10)?;
    for (row, (e, def, vals)) in doc.ratio_rows().into_iter().enumerate() {
        let r = 1 + row as u32;
        ws.write_string(r, 0, if doc.fi() { def.fi } else { def.en })?;
        ws.write_string(r, 1, if doc.fi() { e.fi() } else { e.en() })?;
        let fmt = st.value(def.unit, def.decimals, None);
        for (i, y) in years.iter().enumerate() {
            let Some(v) = vals.iter().find(|v| v.year == *y) else {
                continue;
            };
            if let Some(x) = v.value {
                let c = 2 + i as u16;
                let rests = doc.rests_on(&v.inputs);
                let f = if rests.is_empty() {
                    fmt.clone()
                } else {
                    framed(fmt.clone())
                };
                ws.write_number_with_format(r, c, f64_of(x), &f)?;
                note_breaks(doc, ws, (r, c), &rests)?;
            }
        }
    }
    ws.set_freeze_panes(1, 2)?;
    page_setup(ws, 1)?;
    Ok(())
}

/// "Tarkistukset": each statement-year that does not add up, with its
/// identity, difference and cells; says so when there is none.
fn checks_sheet(doc: &Document, wb: &mut Workbook, st: &Styles) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(brk::title(doc.lang))?;
    ws.write_string_with_format(0, 0, brk::title(doc.lang), &st.title)?;
    if doc.breaks.is_empty() {
        ws.write_string(1, 0, brk::none_text(doc.lang))?;
        return Ok(());
    }
    ws.write_string(1, 0, brk::intro(doc.lang))?;
    let hr = 3;
    let heads = [
        "",
        t(doc, "Kuka ja laskelma", "Entity and statement"),
        t(doc, "Kaava", "Identity"),
        t(doc, "Erotus, €", "Difference, €"),
        t(doc, "Solut", "Cells"),
    ];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(hr, c as u16, *h, &st.head)?;
    }
    for (c, w) in [6.0, 40.0, 70.0, 14.0, 50.0].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    let money = st.value(Unit::Eur, 2, None);
    for (i, b) in doc.breaks.iter().enumerate() {
        let r = hr + 1 + i as u32;
        ws.write_string(r, 0, brk::marks(&[i]))?;
        ws.write_string_with_format(r, 1, brk::whose(b, doc.lang), &st.wrap)?;
        ws.write_string_with_format(r, 2, &b.identity, &st.wrap)?;
        if let Some(d) = b.difference {
            ws.write_number_with_format(r, 3, f64_of(d), &money)?;
        }
        ws.write_string_with_format(r, 4, b.cells_text(), &st.wrap)?;
    }
    ws.set_freeze_panes(hr + 1, 0)?;
    page_setup(ws, hr + 1)?;
    Ok(())
}

fn record_sheet(doc: &Document, wb: &mut Workbook, st: &Styles) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(t(doc, "Ajon tiedot", "Run record"))?;
    ws.set_column_width(0, 34)?;
    ws.set_column_width(1, 70)?;
    ws.set_column_width(2, 66)?;
    let mut r = 0;
    ws.write_string_with_format(r, 0, format!("kivijalka {}", doc.version), &st.title)?;
    r += 1;
    for sim in &doc.simulations {
        ws.write_string(
            r,
            0,
            format!("{} — {}", t(doc, "Simulointi", "Simulation"), sim.scenario),
        )?;
        ws.write_string(
            r,
            1,
            format!(
                "{} {}, {} {}",
                sim.paths,
                t(doc, "polkua", "paths"),
                t(doc, "siemen", "seed"),
                sim.seed
            ),
        )?;
        ws.write_string(r, 2, sim.drivers.join("; "))?;
        r += 1;
    }
    if doc.simulations.is_empty() {
        r += 1;
    }
    ws.write_string_with_format(r, 0, t(doc, "Syöte", "Input"), &st.head)?;
    ws.write_string_with_format(r, 1, t(doc, "Tiedosto", "File"), &st.head)?;
    ws.write_string_with_format(r, 2, "SHA-256", &st.head)?;
    r += 1;
    for f in &doc.inputs {
        ws.write_string(r, 0, &f.role)?;
        ws.write_string(r, 1, &f.path)?;
        ws.write_string(r, 2, &f.sha256)?;
        r += 1;
    }
    r += 1;
    for run in &doc.runs {
        ws.write_string_with_format(
            r,
            0,
            format!("{}: {}", t(doc, "Skenaario", "Scenario"), run.scenario.name),
            &st.bold,
        )?;
        r += 1;
        for (k, v) in crate::report::scenario::settings(&run.scenario) {
            ws.write_string(r, 0, k)?;
            ws.write_string(r, 1, v)?;
            r += 1;
        }
        r += 1;
    }
    ws.write_string_with_format(
        r,
        0,
        format!(
            "{}: {}",
            t(doc, "Hintaindeksi", "Price index"),
            doc.price_index.name
        ),
        &st.bold,
    )?;
    r += 1;
    for (y, v) in &doc.price_index.changes {
        ws.write_number(r, 0, *y as f64)?;
        ws.write_number_with_format(r, 1, f64_of(*v), &Format::new().set_num_format("0.0 \"%\""))?;
        ws.write_string(
            r,
            2,
            doc.price_index.sources.get(y).cloned().unwrap_or_default(),
        )?;
        r += 1;
    }
    Ok(())
}

pub fn write(doc: &Document, allowance: Decimal) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&created)
            .set_title(format!("{} — kivijalka", doc.ds.name()))
            .set_author("kivijalka"),
    );
    let st = Styles::new();
    summary(doc, &mut wb, &st)?;
    charts(doc, &mut wb, &st, allowance)?;
    scenarios_sheet(doc, &mut wb, &st)?;
    let all: Vec<i32> = doc.ds.years.keys().copied().collect();
    statements_sheet(
        doc,
        &mut wb,
        &st,
        t(doc, "Laskelmat", "Statements"),
        doc.ds,
        &all,
        &[Entity::City, Entity::Group],
    )?;
    if let Some(run) = doc.runs.first() {
        let p = &run.projection;
        let years: Vec<i32> = (p.base_year..=p.horizon).collect();
        statements_sheet(
            doc,
            &mut wb,
            &st,
            t(doc, "Ennuste", "Projection"),
            &p.dataset,
            &years,
            &[Entity::City],
        )?;
        drivers_sheet(doc, &mut wb, &st)?;
    }
    // A sheet per simulated scenario: "Simulointi", "Simulointi 2", ...
    for (i, sim) in doc.simulations.iter().enumerate() {
        let name = numbered(t(doc, "Simulointi", "Simulation"), i);
        simulation_sheet(doc, &mut wb, &st, sim, &name)?;
    }
    for (i, s) in doc.sensitivity.iter().enumerate() {
        let name = numbered(t(doc, "Herkkyys", "Sensitivity"), i);
        sensitivity_sheet(doc, &mut wb, &st, s, &name)?;
    }
    ratios_sheet(doc, &mut wb, &st)?;
    checks_sheet(doc, &mut wb, &st)?;
    record_sheet(doc, &mut wb, &st)?;
    wb.save_to_buffer()
}

/// The batch summary: every municipality's indicators with rank and peer
/// quartiles, the peer statistics by indicator and year, the failures.
pub fn batch_summary(
    s: &crate::report::batch::Summary,
    lang: crate::report::Lang,
) -> Result<Vec<u8>, XlsxError> {
    let fi = lang == crate::report::Lang::Fi;
    let tr = |a: &'static str, b: &'static str| if fi { a } else { b };
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&created)
            .set_title("kivijalka batch")
            .set_author("kivijalka"),
    );
    let st = Styles::new();
    let ws = wb.add_worksheet();
    ws.set_name(tr("Indikaattorit", "Indicators"))?;
    let heads = [
        tr("Kunta", "Municipality"),
        tr("Kuntanumero", "Code"),
        tr("Indikaattori", "Indicator"),
        tr("Vuosi", "Year"),
        tr("Laji", "Kind"),
        tr("Arvo", "Value"),
        tr("Tila", "Status"),
        tr("Sija", "Rank"),
        tr("Joukosta", "Of"),
        tr("Alakvartiili", "Lower quartile"),
        tr("Mediaani", "Median"),
        tr("Yläkvartiili", "Upper quartile"),
        tr("Raportti", "Report"),
        tr("Toteutuu (simuloitu)", "Holds (simulated)"),
    ];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &st.head)?;
    }
    let widths = [22, 10, 34, 7, 6, 16, 14, 6, 8, 16, 16, 16, 28, 12];
    let share = Format::new().set_num_format("0.0%");
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    for (i, r) in s.rows().iter().enumerate() {
        let row = 1 + i as u32;
        let m = &s.municipalities[r.municipality];
        let v = r.value;
        let d = &INDICATORS[(v.indicator - 1) as usize];
        ws.write_string(row, 0, &m.name)?;
        ws.write_string(row, 1, m.code.clone().unwrap_or_default())?;
        ws.write_string(row, 2, title(d, lang))?;
        ws.write_number(row, 3, v.year as f64)?;
        ws.write_string(row, 4, v.kind.map(|k| k.to_string()).unwrap_or_default())?;
        let fmt = st.value(d.unit, d.decimals, Some(v.status));
        match v.value {
            Some(x) => ws.write_number_with_format(row, 5, f64_of(x), &fmt)?,
            None => ws.write_string_with_format(row, 5, "–", &st.status(v.status))?,
        };
        ws.write_string_with_format(
            row,
            6,
            if fi { v.status.fi() } else { v.status.en() },
            &st.status(v.status),
        )?;
        if let Some((rank, of)) = r.rank {
            ws.write_number(row, 7, rank as f64)?;
            ws.write_number(row, 8, of as f64)?;
        }
        if let Some(p) = r.peer {
            let plain = st.value(d.unit, d.decimals, None);
            ws.write_number_with_format(row, 9, f64_of(p.q1), &plain)?;
            ws.write_number_with_format(row, 10, f64_of(p.median), &plain)?;
            ws.write_number_with_format(row, 11, f64_of(p.q3), &plain)?;
        }
        if let Some(rep) = &m.report {
            // A relative link: the report sits beside the summary.
            ws.write_url_with_text(row, 12, format!("file:///{rep}").as_str(), rep.as_str())?;
        }
        if let Some(p) = m.p_met.get(&(v.indicator, v.year)) {
            ws.write_number_with_format(row, 13, *p, &share)?;
        }
    }
    ws.set_freeze_panes(1, 1)?;
    ws.autofilter(0, 0, s.rows().len() as u32, (heads.len() - 1) as u16)?;
    page_setup(ws, 1)?;

    let ws = wb.add_worksheet();
    ws.set_name(tr("Vertailu", "Peers"))?;
    let heads = [
        tr("Indikaattori", "Indicator"),
        tr("Vuosi", "Year"),
        tr("Kuntia", "Municipalities"),
        tr("Alakvartiili", "Lower quartile"),
        tr("Mediaani", "Median"),
        tr("Yläkvartiili", "Upper quartile"),
    ];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &st.head)?;
        ws.set_column_width(c as u16, if c == 0 { 40 } else { 16 })?;
    }
    for (i, p) in s.stats.iter().enumerate() {
        let row = 1 + i as u32;
        let d = &INDICATORS[(p.indicator - 1) as usize];
        let fmt = st.value(d.unit, d.decimals, None);
        ws.write_string(row, 0, title(d, lang))?;
        ws.write_number(row, 1, p.year as f64)?;
        ws.write_number(row, 2, p.n as f64)?;
        ws.write_number_with_format(row, 3, f64_of(p.q1), &fmt)?;
        ws.write_number_with_format(row, 4, f64_of(p.median), &fmt)?;
        ws.write_number_with_format(row, 5, f64_of(p.q3), &fmt)?;
    }
    ws.set_freeze_panes(1, 1)?;
    page_setup(ws, 1)?;

    let ws = wb.add_worksheet();
    ws.set_name(tr("Virheet", "Failures"))?;
    ws.write_string_with_format(0, 0, tr("Tiedosto", "File"), &st.head)?;
    ws.write_string_with_format(0, 1, tr("Virhe", "Error"), &st.head)?;
    ws.set_column_width(0, 50)?;
    ws.set_column_width(1, 120)?;
    for (i, f) in s.failures.iter().enumerate() {
        ws.write_string(1 + i as u32, 0, &f.file)?;
        ws.write_string(1 + i as u32, 1, &f.error)?;
    }
    wb.save_to_buffer()
}
