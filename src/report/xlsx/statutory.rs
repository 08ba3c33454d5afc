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

/// A cell's figure as a number for Excel, with the decimals it was shown
/// to: "28 720 000", "−1 059 ✓", "64,6 ✗" in Finnish, "1,059" or "0.37"
/// in English. A cell with a note mark ("– [3]") or words stays text.
fn figure(cell: &str, fi: bool) -> Option<(f64, usize)> {
    let text = cell.trim_end_matches(['✓', '✗']).trim_end();
    let (group, point) = if fi { (' ', ',') } else { (',', '.') };
    let mut plain = String::new();
    for ch in text.chars() {
        match ch {
            '0'..='9' => plain.push(ch),
            '−' | '-' if plain.is_empty() => plain.push('-'),
            c if c == point => plain.push('.'),
            c if c == group || c == '\u{a0}' || c == '\u{202f}' => {}
            _ => return None,
        }
    }
    let decimals = plain.split_once('.').map_or(0, |(_, d)| d.len());
    plain.parse::<f64>().ok().map(|v| (v, decimals))
}

fn table(
    ws: &mut Worksheet,
    st: &Styles,
    t: &Table,
    fi: bool,
    mut r: u32,
) -> Result<u32, XlsxError> {
    for (c, h) in t.headers.iter().enumerate() {
        ws.write_string_with_format(r, c as u16, h, &st.head)?;
    }
    r += 1;
    for row in &t.rows {
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            let format = fill(cell).filter(|_| c >= 2).unwrap_or_default();
            match figure(cell, fi).filter(|_| c != 1) {
                // Numbers are numbers: the mark is the cell's colour.
                Some((v, d)) => {
                    let pattern = if d == 0 {
                        "#,##0".to_string()
                    } else {
                        format!("#,##0.{}", "0".repeat(d))
                    };
                    let f = format.set_num_format(pattern);
                    ws.write_number_with_format(r, col, v, &f)?
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
        "Local Gov. Act 110 § & 118 §",
    ))?;
    ws.set_column_width(0, 10)?;
    for c in 2..11u16 {
        ws.set_column_width(c, 18)?;
    }
    ws.write_string_with_format(0, 0, &sec.title, &st.title)?;
    ws.write_string_with_format(2, 0, &sec.title_110, &st.bold)?;
    let fi = lang == crate::report::Lang::Fi;
    let mut r = table(ws, st, &sec.surplus, fi, 3)?;
    if !sec.deficits.is_empty() {
        ws.write_string(r, 0, t(doc, "Alijäämät:", "Deficits:"))?;
        r = lines(ws, &sec.deficits, r + 1)?;
    }
    if let Some(p) = &sec.plan {
        ws.write_string(r, 0, p)?;
        r += 1;
    }
    r += 1;
    ws.write_string_with_format(r, 0, &sec.title_118, &st.bold)?;
    r = table(ws, st, &sec.assessments, fi, r + 1)?;
    ws.write_string_with_format(r, 0, stat::first_start(&doc.statutory, lang), &st.bold)?;
    r = lines(ws, &sec.legend, r + 1)?;
    ws.write_string(r, 0, &sec.key)?;
    ws.write_string_with_format(r + 1, 0, t(doc, "Lähteet:", "Sources:"), &st.bold)?;
    r = lines(ws, &sec.sources, r + 2)?;
    if !sec.notes.is_empty() {
        ws.write_string_with_format(r, 0, t(doc, "Huomautukset:", "Notes:"), &st.bold)?;
        let notes: Vec<String> = (sec.notes.iter().enumerate())
            .map(|(i, n)| format!("[{}] {n}", i + 1))
            .collect();
        lines(ws, &notes, r + 1)?;
    }
    page_setup(ws, 4)?;
    Ok(())
}
