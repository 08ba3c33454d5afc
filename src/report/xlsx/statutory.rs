//! "Kuntalaki 110 § ja 118 §": the same cells as `kivijalka statutory`'s
//! table, coloured by their mark, with its notes and sources once.

use rust_xlsxwriter::{Color, Format, Workbook, Worksheet, XlsxError};

use super::style::{GREEN, GREY, RED, Styles, page_setup};
use super::t;
use crate::report::document::Document;
use crate::report::statutory::{self as stat};
use crate::report::table::Table;

fn fill(cell: &str) -> Option<Format> {
    let c = if cell.contains('✗') {
        RED
    } else if cell.starts_with('–') {
        GREY
    } else if cell.contains('✓') {
        GREEN
    } else {
        return None;
    };
    Some(Format::new().set_background_color(Color::RGB(c)))
}

/// The table's cells; a cell that shows a figure is written as that
/// number (its mark being the cell's colour), the others as text.
fn table(
    ws: &mut Worksheet,
    st: &Styles,
    t: &Table,
    figures: &[Vec<stat::Figure>],
    mut r: u32,
) -> Result<u32, XlsxError> {
    for (c, h) in t.headers.iter().enumerate() {
        ws.write_string_with_format(r, c as u16, h, &st.head)?;
    }
    r += 1;
    for (row, nums) in t.rows.iter().zip(figures) {
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            let format = fill(cell).filter(|_| c >= 2).unwrap_or_default();
            match nums.get(c).copied().flatten() {
                Some((v, d)) => {
                    let pattern = if d == 0 {
                        "#,##0".to_string()
                    } else {
                        format!("#,##0.{}", "0".repeat(d as usize))
                    };
                    let f = format.set_num_format(pattern);
                    // As the table shows it, rounded by the one rule.
                    let shown = crate::model::money::round_half_away(v, d);
                    ws.write_number_with_format(r, col, super::style::f64_of(shown), &f)?
                }
                None => ws.write_string_with_format(r, col, cell, &format)?,
            };
        }
        r += 1;
    }
    Ok(r)
}

fn lines(ws: &mut Worksheet, items: &[String], mut r: u32) -> Result<u32, XlsxError> {
    for i in items {
        ws.write_string(r, 0, i)?;
        r += 1;
    }
    Ok(r)
}

pub(super) fn statutory_sheet(
    doc: &Document,
    wb: &mut Workbook,
    st: &Styles,
) -> Result<(), XlsxError> {
    let lang = doc.lang;
    let sec = stat::section(doc.ds, &doc.statutory, &doc.statutory_rules, lang);
    let ws = wb.add_worksheet();
    // A sheet name is at most 31 characters; the title says it whole.
    ws.set_name(t(
        doc,
        "Kuntalaki 110 § ja 118 §",
        "Kommunallagen 110 § och 118 §",
        "Local Gov. Act 110 § & 118 §",
    ))?;
    ws.set_column_width(0, 10)?;
    for c in 2..11u16 {
        ws.set_column_width(c, 18)?;
    }
    ws.write_string_with_format(0, 0, &sec.title, &st.title)?;
    ws.write_string_with_format(2, 0, &sec.title_110, &st.bold)?;
    let mut r = table(ws, st, &sec.surplus, &sec.surplus_figures, 3)?;
    if !sec.deficits.is_empty() {
        ws.write_string(r, 0, t(doc, "Alijäämät:", "Underskott:", "Deficits:"))?;
        r = lines(ws, &sec.deficits, r + 1)?;
    }
    if let Some(p) = &sec.plan {
        ws.write_string(r, 0, p)?;
        r += 1;
    }
    r += 1;
    ws.write_string_with_format(r, 0, &sec.title_118, &st.bold)?;
    r = table(ws, st, &sec.assessments, &sec.assessment_figures, r + 1)?;
    ws.write_string_with_format(r, 0, stat::first_start(&doc.statutory, lang), &st.bold)?;
    r = lines(ws, &sec.legend, r + 1)?;
    ws.write_string(r, 0, &sec.key)?;
    ws.write_string_with_format(
        r + 1,
        0,
        t(doc, "Lähteet:", "Källor:", "Sources:"),
        &st.bold,
    )?;
    r = lines(ws, &sec.sources, r + 2)?;
    if !sec.notes.is_empty() {
        ws.write_string_with_format(
            r,
            0,
            t(doc, "Huomautukset:", "Anmärkningar:", "Notes:"),
            &st.bold,
        )?;
        let notes: Vec<String> = (sec.notes.iter().enumerate())
            .map(|(i, n)| format!("[{}] {n}", i + 1))
            .collect();
        lines(ws, &notes, r + 1)?;
    }
    page_setup(ws, 4)?;
    Ok(())
}
