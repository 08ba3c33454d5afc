//! The batch summary workbook.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::style::{Styles, f64_of, page_setup};
use crate::model::indicators::INDICATORS;
use crate::model::peers::{Basis, PeerStat};
use crate::model::ratios::Unit;
use crate::report::Lang;
use crate::report::batch::{Summary, basis_text};
use crate::report::indicators::title;
use crate::report::reason;

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
    // Level 1 compresses the sheets' XML in a fifth of the default level's
    // time, for a file about a third larger: the compression was the
    // longest part of a large batch's summary.
    wb.set_zip_compression_level(1);
    let st = Styles::new();
    // The two long sheets are filled each on its own core; the workbook
    // numbers their strings and formats when it is saved, in sheet order,
    // so the file is the same as one filled sheet by sheet.
    let (indicators, statutory) = std::thread::scope(|scope| {
        let statutory = scope.spawn(|| {
            let mut ws = Worksheet::new();
            statutory_sheet(&mut ws, &st, s, lang).map(|()| ws)
        });
        let mut ws = Worksheet::new();
        let indicators = indicators_sheet(&mut ws, &st, s, lang).map(|()| ws);
        let statutory = statutory
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        (indicators, statutory)
    });
    wb.push_worksheet(indicators?);
    peers_sheet(&mut wb, &st, s, lang)?;
    failures_sheet(&mut wb, &st, s, lang)?;
    wb.push_worksheet(statutory?);
    groups_sheet(&mut wb, &st, s, lang)?;
    let bytes = wb.save_to_buffer();
    // Freeing a large batch's cells one by one is a good part of the time
    // the workbook takes: nothing waits for it (where no thread can be
    // made, it is freed here).
    let _ = std::thread::Builder::new().spawn(move || drop(wb));
    bytes
}

/// A row per municipality, indicator and year: the value and its status,
/// the rank and quartiles among the peers, the report, the simulated odds.
fn indicators_sheet(
    ws: &mut Worksheet,
    st: &Styles,
    s: &Summary,
    lang: Lang,
) -> Result<(), XlsxError> {
    let tr = |fi: &'static str, sv: &'static str, en: &'static str| lang.tr(fi, sv, en);
    ws.set_name(tr("Indikaattorit", "Indikatorer", "Indicators"))?;
    let heads = [
        tr("Kunta", "Kommun", "Municipality"),
        tr("Kuntanumero", "Kommunnummer", "Code"),
        tr("Indikaattori", "Indikator", "Indicator"),
        tr("Vuosi", "År", "Year"),
        tr("Laji", "Typ", "Kind"),
        tr("Arvo", "Värde", "Value"),
        tr("Tila", "Status", "Status"),
        tr("Vertailuperuste", "Jämförs med", "Compared by"),
        tr("Vertailuarvo", "Jämförelsevärde", "Compared value"),
        tr("Sija", "Placering", "Rank"),
        tr("Joukosta", "Av", "Of"),
        tr("Alakvartiili", "Nedre kvartil", "Lower quartile"),
        tr("Mediaani", "Median", "Median"),
        tr("Yläkvartiili", "Övre kvartil", "Upper quartile"),
        tr("Raportti", "Rapport", "Report"),
        tr(
            "Toteutuu (simuloitu)",
            "Uppnås (simulerat)",
            "Holds (simulated)",
        ),
        tr("Vertailuryhmä", "Jämförelsegrupp", "Peer group"),
        tr("Sija ryhmässä", "Placering i gruppen", "Rank in group"),
        tr("Ryhmästä", "Av gruppen", "Of group"),
        tr(
            "Ryhmän alakvartiili",
            "Gruppens nedre kvartil",
            "Group lower quartile",
        ),
        tr("Ryhmän mediaani", "Gruppens median", "Group median"),
        tr(
            "Ryhmän yläkvartiili",
            "Gruppens övre kvartil",
            "Group upper quartile",
        ),
    ];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &st.head)?;
    }
    let widths = [
        22, 10, 34, 7, 6, 16, 14, 18, 16, 6, 8, 16, 16, 16, 28, 12, 16, 8, 8, 16, 16, 16,
    ];
    let share = Format::new().set_num_format("0.0%");
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    let rows = s.rows();
    for (i, r) in rows.iter().enumerate() {
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
            crate::report::names::status(v.status, lang),
            &st.status(v.status),
        )?;
        let basis = r.basis();
        ws.write_string(row, 7, basis_text(basis, lang))?;
        let plain = compared_format(st, basis, v.indicator, d.decimals);
        if let Some(Ok(x)) = r.compared {
            ws.write_number_with_format(row, 8, f64_of(*x), &plain)?;
        } else if let Some(Err(w)) = r.compared {
            ws.write_string(row, 8, reason::text(w, lang))?;
        }
        if let Some((rank, of)) = r.rank {
            ws.write_number(row, 9, rank as f64)?;
            ws.write_number(row, 10, of as f64)?;
        }
        if let Some(p) = r.peer {
            ws.write_number_with_format(row, 11, f64_of(p.q1), &plain)?;
            ws.write_number_with_format(row, 12, f64_of(p.median), &plain)?;
            ws.write_number_with_format(row, 13, f64_of(p.q3), &plain)?;
        }
        if let Some(rep) = &m.report {
            // A relative link: the report sits beside the summary.
            ws.write_url_with_text(row, 14, format!("file:///{rep}").as_str(), rep.as_str())?;
        }
        if let Some(p) = m.p_met.get(&(v.indicator, v.year)) {
            ws.write_number_with_format(row, 15, *p, &share)?;
        }
        if let Some((_, g)) = &r.group {
            ws.write_string(row, 16, g)?;
        }
        if let Some((rank, of)) = r.group_rank {
            ws.write_number(row, 17, rank as f64)?;
            ws.write_number(row, 18, of as f64)?;
        }
        if let Some(p) = r.group_peer {
            ws.write_number_with_format(row, 19, f64_of(p.q1), &plain)?;
            ws.write_number_with_format(row, 20, f64_of(p.median), &plain)?;
            ws.write_number_with_format(row, 21, f64_of(p.q3), &plain)?;
        }
    }
    ws.set_freeze_panes(1, 1)?;
    ws.autofilter(0, 0, rows.len() as u32, (heads.len() - 1) as u16)?;
    page_setup(ws, 1)?;
    Ok(())
}

/// The peer statistics by indicator and year.
fn peers_sheet(wb: &mut Workbook, st: &Styles, s: &Summary, lang: Lang) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(lang.tr("Vertailu", "Jämförelse", "Peers"))?;
    for (c, h) in stat_heads(lang).iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &st.head)?;
        ws.set_column_width(c as u16, if c == 0 { 40 } else { 18 })?;
    }
    for (i, p) in s.stats.iter().enumerate() {
        write_stat(ws, st, 1 + i as u32, 0, p, lang)?;
    }
    ws.set_freeze_panes(1, 1)?;
    page_setup(ws, 1)?;
    Ok(())
}

/// The headings of one indicator's peer statistics, from its name to the
/// upper quartile, as both peer sheets show them.
fn stat_heads(lang: Lang) -> [&'static str; 7] {
    let tr = |fi: &'static str, sv: &'static str, en: &'static str| lang.tr(fi, sv, en);
    [
        tr("Indikaattori", "Indikator", "Indicator"),
        tr("Vertailuperuste", "Jämförs med", "Compared by"),
        tr("Vuosi", "År", "Year"),
        tr("Kuntia", "Kommuner", "Municipalities"),
        tr("Alakvartiili", "Nedre kvartil", "Lower quartile"),
        tr("Mediaani", "Median", "Median"),
        tr("Yläkvartiili", "Övre kvartil", "Upper quartile"),
    ]
}

/// One indicator's peer statistics of a year in a row, from column `col`.
fn write_stat(
    ws: &mut Worksheet,
    st: &Styles,
    row: u32,
    col: u16,
    p: &PeerStat,
    lang: Lang,
) -> Result<(), XlsxError> {
    let d = &INDICATORS[(p.indicator - 1) as usize];
    let basis = Basis::of(p.indicator);
    let fmt = compared_format(st, basis, p.indicator, d.decimals);
    ws.write_string(row, col, title(d, lang))?;
    ws.write_string(row, col + 1, basis_text(basis, lang))?;
    ws.write_number(row, col + 2, p.year as f64)?;
    ws.write_number(row, col + 3, p.n as f64)?;
    ws.write_number_with_format(row, col + 4, f64_of(p.q1), &fmt)?;
    ws.write_number_with_format(row, col + 5, f64_of(p.median), &fmt)?;
    ws.write_number_with_format(row, col + 6, f64_of(p.q3), &fmt)?;
    Ok(())
}

/// Per resident to the cent; an indicator's own value as it is shown.
fn compared_format(st: &Styles, basis: Basis, indicator: u8, decimals: u32) -> Format {
    match basis {
        Basis::PerResident => st.value(Unit::EurPerResident, 2, None),
        Basis::Value => st.value(basis.unit(indicator), decimals, None),
    }
}

/// The files that could not be read, each with its error.
fn failures_sheet(
    wb: &mut Workbook,
    st: &Styles,
    s: &Summary,
    lang: Lang,
) -> Result<(), XlsxError> {
    let tr = |fi: &'static str, sv: &'static str, en: &'static str| lang.tr(fi, sv, en);
    let ws = wb.add_worksheet();
    ws.set_name(tr("Virheet", "Fel", "Failures"))?;
    ws.write_string_with_format(0, 0, tr("Tiedosto", "Fil", "File"), &st.head)?;
    ws.write_string_with_format(0, 1, tr("Virhe", "Fel", "Error"), &st.head)?;
    ws.set_column_width(0, 50)?;
    ws.set_column_width(1, 120)?;
    for (i, f) in s.failures.iter().enumerate() {
        ws.write_string(1 + i as u32, 0, &f.file)?;
        ws.write_string(1 + i as u32, 1, &f.error.en)?;
    }
    Ok(())
}

/// Kuntalaki 110 § and 118 § by municipality and year, as summary.csv's
/// statutory rows; last, so that the sheets before it keep their places.
fn statutory_sheet(
    ws: &mut Worksheet,
    st: &Styles,
    s: &Summary,
    lang: Lang,
) -> Result<(), XlsxError> {
    let tr = |fi: &'static str, sv: &'static str, en: &'static str| lang.tr(fi, sv, en);
    ws.set_name(tr(
        "Kuntalaki 110 ja 118",
        "Kommunallagen 110 och 118",
        "Kuntalaki 110 and 118",
    ))?;
    let heads = [
        tr("Kunta", "Kommun", "Municipality"),
        tr("Kuntanumero", "Kommunnummer", "Code"),
        tr("Pykälä", "Paragraf", "Section"),
        tr("Testi", "Prov", "Test"),
        tr("Vuosi", "År", "Year"),
        tr("Laji", "Typ", "Kind"),
        tr("Vuosi (arvo)", "År (värde)", "Year (value)"),
        tr("Tila", "Status", "Status"),
        tr("Syy", "Orsak", "Reason"),
    ];
    let widths = [22, 10, 8, 44, 7, 6, 12, 16, 80];
    for (c, (h, w)) in heads.iter().zip(widths).enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &st.head)?;
        ws.set_column_width(c as u16, w)?;
    }
    let mut row = 0u32;
    for m in &s.municipalities {
        for l in &m.statutory {
            row += 1;
            ws.write_string(row, 0, &m.name)?;
            ws.write_string(row, 1, m.code.clone().unwrap_or_default())?;
            ws.write_string(row, 2, format!("{} §", l.section))?;
            ws.write_string(row, 3, l.test_text(lang))?;
            if let Some(y) = l.year {
                ws.write_number(row, 4, f64::from(y))?;
            }
            ws.write_string(row, 5, &l.kind)?;
            if let Some(y) = l.value {
                ws.write_number(row, 6, f64::from(y))?;
            }
            ws.write_string(row, 7, l.status_text(lang))?;
            ws.write_string(row, 8, l.reason_text(lang))?;
        }
    }
    ws.set_freeze_panes(1, 1)?;
    ws.autofilter(0, 0, row, (heads.len() - 1) as u16)?;
    page_setup(ws, 1)?;
    Ok(())
}

/// The peer statistics within each peer group by indicator and year; the
/// last sheet, so that the sheets before it keep their places.
fn groups_sheet(wb: &mut Workbook, st: &Styles, s: &Summary, lang: Lang) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(lang.tr("Vertailuryhmät", "Jämförelsegrupper", "Peer groups"))?;
    let group = lang.tr("Vertailuryhmä", "Jämförelsegrupp", "Peer group");
    let heads = std::iter::once(group).chain(stat_heads(lang));
    for (c, h) in heads.enumerate() {
        ws.write_string_with_format(0, c as u16, h, &st.head)?;
        ws.set_column_width(c as u16, if c == 1 { 40 } else { 18 })?;
    }
    let mut row = 0u32;
    for ((_, g), stats) in &s.group_stats {
        for p in stats {
            row += 1;
            ws.write_string(row, 0, g)?;
            write_stat(ws, st, row, 1, p, lang)?;
        }
    }
    ws.set_freeze_panes(1, 1)?;
    page_setup(ws, 1)?;
    Ok(())
}
