//! The batch summary workbook.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use super::style::{Styles, f64_of, page_setup};
use crate::model::indicators::INDICATORS;
use crate::report::Lang;
use crate::report::batch::Summary;
use crate::report::indicators::title;

/// The batch summary: every municipality's indicators with rank and peer
/// quartiles, the peer statistics by indicator and year, the failures.
pub fn batch_summary(s: &Summary, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&created)
            .set_title("kivijalka batch")
            .set_author("kivijalka"),
    );
    let st = Styles::new();
    indicators_sheet(&mut wb, &st, s, lang)?;
    peers_sheet(&mut wb, &st, s, lang)?;
    failures_sheet(&mut wb, &st, s, lang)?;
    wb.save_to_buffer()
}

/// A row per municipality, indicator and year: the value and its status,
/// the rank and quartiles among the peers, the report, the simulated odds.
fn indicators_sheet(
    wb: &mut Workbook,
    st: &Styles,
    s: &Summary,
    lang: Lang,
) -> Result<(), XlsxError> {
    let fi = lang == Lang::Fi;
    let tr = |a: &'static str, b: &'static str| if fi { a } else { b };
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
    Ok(())
}

/// The peer statistics by indicator and year.
fn peers_sheet(wb: &mut Workbook, st: &Styles, s: &Summary, lang: Lang) -> Result<(), XlsxError> {
    let fi = lang == Lang::Fi;
    let tr = |a: &'static str, b: &'static str| if fi { a } else { b };
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
    Ok(())
}

/// The files that could not be read, each with its error.
fn failures_sheet(
    wb: &mut Workbook,
    st: &Styles,
    s: &Summary,
    lang: Lang,
) -> Result<(), XlsxError> {
    let fi = lang == Lang::Fi;
    let tr = |a: &'static str, b: &'static str| if fi { a } else { b };
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
    Ok(())
}
