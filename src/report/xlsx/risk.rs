//! The sheets on risk: a simulation's percentiles and a sensitivity run's
//! swings, each with its charts.

use rust_xlsxwriter::{
    Chart, ChartAxisLabelPosition, ChartFormat, ChartLine, ChartLineDashType, ChartSolidFill,
    ChartType, Color, Format, Workbook, Worksheet, XlsxError,
};

use super::style::{Styles, f64_of, num_format, page_setup};
use super::t;
use crate::model::indicators::{INDICATORS, IndicatorDef};
use crate::model::simulate::Swing;
use crate::report::document::{Document, short_driver};
use crate::report::indicators::title;

/// The simulation: percentiles and probabilities by indicator and year, and
/// a chart of the percentile lines with the forecast.
pub(super) fn simulation_sheet(
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
            t(doc, "Simulointi", "Simulering", "Simulation"),
            sim.scenario,
            sim.paths,
            t(doc, "polkua", "banor", "paths"),
            t(doc, "siemen", "frö", "seed"),
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
            t(doc, "Mediaani", "Median", "Median"),
            "P75",
            "P95",
            t(doc, "Ennuste", "Prognos", "Forecast"),
            t(doc, "Toteutuu", "Uppnås", "Holds"),
        ];
        ws.write_string_with_format(r, 0, t(doc, "Vuosi", "År", "Year"), &st.head)?;
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
    law_block(doc, ws, st, sim, r, &pct)?;
    for c in 0..8u16 {
        ws.set_column_width(c, if c == 0 { 10 } else { 15 })?;
    }
    percentile_charts(doc, ws, name, &blocks)?;
    page_setup(ws, 0)?;
    Ok(())
}

/// Kuntalaki 110 § and 118 § by year, as shares of the paths, below the
/// indicators.
fn law_block(
    doc: &Document,
    ws: &mut Worksheet,
    st: &Styles,
    sim: &crate::model::simulate::Simulation,
    mut r: u32,
    pct: &Format,
) -> Result<(), XlsxError> {
    use crate::report::simulate::{law_headers, law_note};
    if sim.statutory.is_empty() {
        return Ok(());
    }
    let title = t(
        doc,
        "Kuntalaki 110 § ja 118 §",
        "Kommunallagen 110 § och 118 §",
        "Local Government Act 110 § and 118 §",
    );
    ws.write_string_with_format(r, 0, title, &st.bold)?;
    r += 1;
    for (c, h) in law_headers(doc.lang).iter().enumerate() {
        ws.write_string_with_format(r, c as u16, *h, &st.head)?;
    }
    for l in &sim.statutory {
        r += 1;
        // The year as a label: the rows above that start with a year are
        // the indicators', one per indicator, and stay so.
        ws.write_string(r, 0, l.year.to_string())?;
        let shares = [l.p_deadline_missed, l.p_ground_met, l.p_ground_undecided];
        for (c, p) in shares.iter().enumerate() {
            ws.write_number_with_format(r, 1 + c as u16, *p, pct)?;
        }
    }
    ws.write_string(r + 1, 0, law_note(doc.lang))?;
    Ok(())
}

/// The sensitivity: per target, each driver alone at its 5th and 95th
/// percentile, largest swing first, and a tornado chart of the values at
/// the low and the high against the forecast.
pub(super) fn sensitivity_sheet(
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
                "Vilken faktor påverkar varje mål mest: varje faktor ensam på sin 5:e och 95:e percentil",
                "Which driver moves each target most: each driver alone at its 5th and 95th percentile",
            ),
            t(doc, "skenaario", "scenario", "scenario")
        ),
        &st.title,
    )?;
    let heads = [
        t(doc, "Tekijä", "Faktor", "Driver"),
        t(doc, "Matala", "Lågt", "Low"),
        t(doc, "Korkea", "Högt", "High"),
        t(doc, "Vuosi", "År", "Year"),
        t(doc, "Arvo matalalla", "Värde vid lågt", "Value at low"),
        t(doc, "Arvo korkealla", "Värde vid högt", "Value at high"),
        t(doc, "Ennuste", "Prognos", "Forecast"),
        t(doc, "Matala − ennuste", "Lågt − prognos", "Low − forecast"),
        t(doc, "Korkea − ennuste", "Högt − prognos", "High − forecast"),
        t(doc, "Tila kääntyy", "Status vänder", "Status flips"),
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
            swing_row(ws, r, s, (&fmt, &drv), doc.lang)?;
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
            "Staplar: indikatorns värde vid faktorns låga och höga värde minus prognosen, det år då skillnaden är störst. Status: ✓ uppnått, ✗ ej uppnått, – kan inte mätas.",
            "Bars: the indicator's value at the driver's low and high less the forecast, in the year the difference is largest. Status: ✓ met, ✗ missed, – not measurable.",
        ),
    )?;
    ws.set_column_width(0, 34)?;
    for c in 1..9u16 {
        ws.set_column_width(c, if c <= 3 { 9 } else { 15 })?;
    }
    ws.set_column_width(9, 30)?;
    tornado_charts(doc, ws, name, &blocks)?;
    page_setup(ws, 0)?;
    Ok(())
}

/// Beside each indicator's table, its percentile lines and the forecast;
/// `blocks` gives per indicator its header row and its first and last row.
fn percentile_charts(
    doc: &Document,
    ws: &mut Worksheet,
    name: &str,
    blocks: &[(&IndicatorDef, u32, u32, u32)],
) -> Result<(), XlsxError> {
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
    Ok(())
}

/// Beside each indicator's table, its tornado; `blocks` gives per
/// indicator the first and last row of its drivers.
fn tornado_charts(
    doc: &Document,
    ws: &mut Worksheet,
    name: &str,
    blocks: &[(&IndicatorDef, u32, u32)],
) -> Result<(), XlsxError> {
    // Charts beside the tables, one under another (a row is 20 pixels).
    let mut at = 2u32;
    for (d, first, last) in blocks {
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
    Ok(())
}

/// One driver's row: its low and high, the year of the largest swing, the
/// values at each end and the forecast, the bars' lengths, the flips.
fn swing_row(
    ws: &mut Worksheet,
    r: u32,
    s: &Swing,
    (fmt, drv): (&Format, &Format),
    lang: crate::report::Lang,
) -> Result<(), XlsxError> {
    ws.write_string(r, 0, short_driver(&s.driver, lang))?;
    ws.write_number_with_format(r, 1, s.low, drv)?;
    ws.write_number_with_format(r, 2, s.high, drv)?;
    if let Some(y) = s.year {
        ws.write_number(r, 3, y as f64)?;
    }
    for (c, v) in [(4, s.at_low), (5, s.at_high), (6, s.central)] {
        if let Some(v) = v {
            ws.write_number_with_format(r, c, f64_of(v), fmt)?;
        }
    }
    // The bars: how far each end lies from the forecast.
    if let (Some(c), Some(lo), Some(hi)) = (s.central, s.at_low, s.at_high) {
        ws.write_number_with_format(r, 7, f64_of(lo - c), fmt)?;
        ws.write_number_with_format(r, 8, f64_of(hi - c), fmt)?;
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
    Ok(())
}
