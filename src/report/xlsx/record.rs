//! The closing sheets: the checks (what does not add up) and the run
//! record that lets a reader repeat the run.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::style::{Styles, f64_of, page_setup};
use super::t;
use crate::model::ratios::Unit;
use crate::report::breaks as brk;
use crate::report::document::{Document, role_name};

/// "Tarkistukset": each statement-year that does not add up, with its
/// identity, difference and cells; says so when there is none.
pub(super) fn checks_sheet(
    doc: &Document,
    wb: &mut Workbook,
    st: &Styles,
) -> Result<(), XlsxError> {
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
        t(
            doc,
            "Kuka ja laskelma",
            "Enhet och kalkyl",
            "Entity and statement",
        ),
        t(doc, "Kaava", "Formel", "Identity"),
        t(doc, "Erotus, €", "Differens, €", "Difference, €"),
        t(doc, "Solut", "Celler", "Cells"),
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
        ws.write_string_with_format(r, 2, brk::identity(b, doc.lang), &st.wrap)?;
        if let Some(d) = b.difference {
            ws.write_number_with_format(r, 3, f64_of(d), &money)?;
        }
        ws.write_string_with_format(r, 4, b.cells_text(), &st.wrap)?;
    }
    ws.set_freeze_panes(hr + 1, 0)?;
    page_setup(ws, hr + 1)?;
    Ok(())
}

pub(super) fn record_sheet(
    doc: &Document,
    wb: &mut Workbook,
    st: &Styles,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(t(doc, "Ajon tiedot", "Körningens uppgifter", "Run record"))?;
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
            format!(
                "{} — {}",
                t(doc, "Simulointi", "Simulering", "Simulation"),
                sim.scenario
            ),
        )?;
        ws.write_string(
            r,
            1,
            format!(
                "{} {}, {} {}",
                sim.paths,
                t(doc, "polkua", "banor", "paths"),
                t(doc, "siemen", "frö", "seed"),
                sim.seed
            ),
        )?;
        ws.write_string(r, 2, sim.drivers.join("; "))?;
        r += 1;
    }
    if doc.simulations.is_empty() {
        r += 1;
    }
    r = inputs(doc, ws, st, r)?;
    r += 1;
    r = scenario_settings(doc, ws, st, r)?;
    price_index(doc, ws, st, r)?;
    Ok(())
}

/// Each input file with its checksum, from row `r`; gives the next row.
fn inputs(doc: &Document, ws: &mut Worksheet, st: &Styles, mut r: u32) -> Result<u32, XlsxError> {
    ws.write_string_with_format(r, 0, t(doc, "Syöte", "Indata", "Input"), &st.head)?;
    ws.write_string_with_format(r, 1, t(doc, "Tiedosto", "Fil", "File"), &st.head)?;
    ws.write_string_with_format(r, 2, "SHA-256", &st.head)?;
    r += 1;
    for f in &doc.inputs {
        ws.write_string(r, 0, role_name(&f.role, doc.lang))?;
        ws.write_string(r, 1, &f.path)?;
        ws.write_string(r, 2, &f.sha256)?;
        r += 1;
    }
    Ok(r)
}

/// Each scenario's settings, from row `r`; gives the next row.
fn scenario_settings(
    doc: &Document,
    ws: &mut Worksheet,
    st: &Styles,
    mut r: u32,
) -> Result<u32, XlsxError> {
    for run in &doc.runs {
        ws.write_string_with_format(
            r,
            0,
            format!(
                "{}: {}",
                t(doc, "Skenaario", "Scenario", "Scenario"),
                run.scenario.name
            ),
            &st.bold,
        )?;
        r += 1;
        for (k, v) in crate::report::scenario::settings(&run.scenario, doc.lang) {
            ws.write_string(r, 0, k)?;
            ws.write_string(r, 1, v)?;
            r += 1;
        }
        r += 1;
    }
    Ok(r)
}

/// The price index with each year's change and its source, from row `r`.
fn price_index(
    doc: &Document,
    ws: &mut Worksheet,
    st: &Styles,
    mut r: u32,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(
        r,
        0,
        format!(
            "{}: {}",
            t(doc, "Hintaindeksi", "Prisindex", "Price index"),
            crate::model::price_index::label(&doc.price_index.name, doc.lang)
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
            (doc.price_index.sources.get(y))
                .map(|s| crate::model::price_index::label(s, doc.lang))
                .unwrap_or_default(),
        )?;
        r += 1;
    }
    Ok(())
}
