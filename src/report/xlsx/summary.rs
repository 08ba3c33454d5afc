//! The first sheets: the summary of the five targets, and the charts of
//! each indicator against its target with their data.

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Chart, ChartAxisLabelPosition, ChartFormat, ChartLine, ChartLineDashType, ChartType, Color,
    Format, Workbook, Worksheet, XlsxError,
};

use super::style::{BREAK, Styles, f64_of, framed, note_breaks, num_format, page_setup};
use super::{status_word, t};
use crate::model::dataset::YearKind;
use crate::model::indicators::{INDICATORS, IndicatorDef};
use crate::model::ratios::Unit;
use crate::report::breaks as brk;
use crate::report::document::{Document, kind_name, path};
use crate::report::indicators::title;
use crate::report::names;

/// The summary: the five indicators by year, coloured, with the notes.
pub(super) fn summary(doc: &Document, wb: &mut Workbook, st: &Styles) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(t(doc, "Yhteenveto", "Sammandrag", "Summary"))?;
    title_rows(doc, ws, st)?;
    let hr = 3;
    header(doc, ws, st, hr)?;
    let (mut r, notes) = year_rows(doc, ws, st, hr + 1)?;
    ws.set_freeze_panes(hr + 1, 2)?;
    r += 1;
    r = period_rows(doc, ws, st, r)?;
    if !notes.is_empty() {
        ws.write_string_with_format(
            r,
            0,
            t(
                doc,
                "Ei mitattavissa, syy",
                "Kan inte mätas, orsak",
                "Not measurable, why",
            ),
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
            "Grön: uppnått. Röd: ej uppnått. Grå: kan inte mätas. Varje cell innehåller det exakta värdet, på cent när.",
            "Green: met. Red: missed. Grey: not measurable. Each cell holds the exact figure to the cent.",
        ),
    )?;
    page_setup(ws, hr + 1)?;
    Ok(())
}

/// The municipality and the report's name, the scenario and price index,
/// and the warning when a figure rests on a break.
fn title_rows(doc: &Document, ws: &mut Worksheet, st: &Styles) -> Result<(), XlsxError> {
    let ev = doc.main();
    ws.write_string_with_format(
        0,
        0,
        format!(
            "{} — {}",
            doc.ds.name(),
            t(
                doc,
                "Kestävä talous kivijalkana: talouden tavoitteet",
                "Hållbar ekonomi som grund: de ekonomiska målen",
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
            t(doc, "Skenaario", "Scenario", "Scenario"),
            doc.main_name(),
            t(doc, "Hintaindeksi", "Prisindex", "Price index"),
            crate::model::price_index::label(&ev.price_index, doc.lang)
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
    Ok(())
}

/// The header row at `hr`: year and kind, then per indicator its value
/// (with the unit) and its status (with the target in words).
fn header(doc: &Document, ws: &mut Worksheet, st: &Styles, hr: u32) -> Result<(), XlsxError> {
    ws.write_string_with_format(hr, 0, t(doc, "Vuosi", "År", "Year"), &st.head)?;
    ws.write_string_with_format(hr, 1, t(doc, "Laji", "Typ", "Kind"), &st.head)?;
    for (i, d) in INDICATORS.iter().enumerate() {
        let c = 2 + 2 * i as u16;
        let unit = names::unit(d.unit, doc.lang);
        // A name that already says its unit ("Nettomenojen kasvu, %") is
        // not given it twice.
        let name = title(d, doc.lang);
        let head = if name.contains('%') || name.contains('€') {
            name.to_string()
        } else {
            format!("{name}, {unit}")
        };
        ws.write_string_with_format(hr, c, head, &st.head)?;
        ws.write_string_with_format(
            hr,
            c + 1,
            format!(
                "{} ({})",
                t(doc, "Tavoite", "Mål", "Target"),
                names::target(d, doc.lang)
            ),
            &st.head,
        )?;
        ws.set_column_width(c, 16)?;
        ws.set_column_width(c + 1, 14)?;
    }
    ws.set_row_height(hr, 62)?;
    ws.set_column_width(0, 8)?;
    ws.set_column_width(1, 16)?;
    Ok(())
}

/// A row a year from row `r` on; gives the row after the last, and why
/// each value that is not measurable is not, for the notes below.
fn year_rows(
    doc: &Document,
    ws: &mut Worksheet,
    st: &Styles,
    mut r: u32,
) -> Result<(u32, Vec<String>), XlsxError> {
    let ev = doc.main();
    let mut notes: Vec<String> = Vec::new();
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
    Ok((r, notes))
}

/// The strategy period's sums from row `r` on, when the targets have a
/// period; gives the row after them.
fn period_rows(
    doc: &Document,
    ws: &mut Worksheet,
    st: &Styles,
    mut r: u32,
) -> Result<u32, XlsxError> {
    let ev = doc.main();
    if let Some((a, b)) = ev.period {
        ws.write_string_with_format(
            r,
            0,
            format!(
                "{} {a}–{b}",
                t(doc, "Strategiakausi", "Strategiperiod", "Strategy period")
            ),
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
    Ok(r)
}

/// Chart data (years, actual, budget and plan, projected, target) and the
/// five charts.
pub(super) fn charts(
    doc: &Document,
    wb: &mut Workbook,
    st: &Styles,
    allowance: Decimal,
) -> Result<(), XlsxError> {
    let data_name = t(doc, "Kaaviodata", "Diagramdata", "Chart data");
    let blocks = chart_data(doc, wb, st, allowance, data_name)?;
    let ws = wb.add_worksheet();
    ws.set_name(t(doc, "Kaaviot", "Diagram", "Charts"))?;
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

/// The sheet the charts read: per indicator a block of years with the
/// value in the column of its kind of year, and the target; gives each
/// block's indicator and its first and last row.
fn chart_data(
    doc: &Document,
    wb: &mut Workbook,
    st: &Styles,
    allowance: Decimal,
    data_name: &str,
) -> Result<Vec<(&'static IndicatorDef, u32, u32)>, XlsxError> {
    let ev = doc.main();
    let mut blocks = Vec::new();
    let ws = wb.add_worksheet();
    ws.set_name(data_name)?;
    let mut r = 0u32;
    for d in &INDICATORS {
        let pts = path(ev, d.number, allowance);
        ws.write_string_with_format(r, 0, title(d, doc.lang), &st.bold)?;
        r += 1;
        let heads = [
            t(doc, "Vuosi", "År", "Year"),
            t(doc, "Toteuma", "Utfall", "Actual"),
            t(
                doc,
                "Talousarvio ja -suunnitelma",
                "Budget och ekonomiplan",
                "Budget and plan",
            ),
            t(doc, "Ennuste", "Prognos", "Projected"),
            t(doc, "Tavoiteraja", "Målgräns", "Target line"),
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
    Ok(blocks)
}
