//! "Vertailu": a municipality's place among its peers by indicator and
//! year as numbers, the figures the HTML report draws and the batch
//! summary ranks by: the compared value, its rank and the peers' range and
//! quartiles, among all municipalities and within its peer group.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::style::{Styles, f64_of, num_format, page_setup};
use crate::model::indicators::INDICATORS;
use crate::model::peers::{Peers, Standing};
use crate::report::Lang;
use crate::report::names;

/// The heads of a standing's seven columns.
fn heads(lang: Lang) -> [&'static str; 7] {
    [
        lang.tr("Sija", "Plats", "Rank"),
        "N",
        lang.tr("Pienin", "Minsta", "Min"),
        "Q1",
        lang.tr("Mediaani", "Median", "Median"),
        "Q3",
        lang.tr("Suurin", "Största", "Max"),
    ]
}

fn standing(
    ws: &mut rust_xlsxwriter::Worksheet,
    r: u32,
    c: u16,
    s: &Standing,
    number: &Format,
) -> Result<(), XlsxError> {
    ws.write_number(r, c, s.rank as f64)?;
    ws.write_number(r, c + 1, s.n as f64)?;
    for (i, v) in [s.min, s.q1, s.median, s.q3, s.max].into_iter().enumerate() {
        ws.write_number_with_format(r, c + 2 + i as u16, f64_of(v), number)?;
    }
    Ok(())
}

pub(super) fn peers_sheet(
    wb: &mut Workbook,
    st: &Styles,
    peers: &Peers,
    lang: Lang,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(lang.tr("Vertailu", "Jämförelse", "Peers"))?;
    ws.write_string_with_format(
        0,
        0,
        lang.tr(
            "Vertailu muihin kuntiin",
            "Jämförelse med andra kommuner",
            "Compared with other municipalities",
        ),
        &st.title,
    )?;
    ws.write_string(1, 0, crate::report::html::peers_among(peers.among, lang))?;
    ws.write_string(
        2,
        0,
        crate::report::html::peers_grouping(&peers.grouping, lang),
    )?;
    let mut heads_row: Vec<&str> = vec![
        lang.tr("Indikaattori", "Indikator", "Indicator"),
        lang.tr("Vuosi", "År", "Year"),
        lang.tr("Laji", "Typ", "Kind"),
        lang.tr("Yksikkö", "Enhet", "Unit"),
        lang.tr("Arvo", "Värde", "Value"),
    ];
    heads_row.extend(heads(lang));
    heads_row.push(lang.tr("Ryhmä", "Grupp", "Group"));
    heads_row.extend(heads(lang));
    let r0 = 4;
    for (c, h) in heads_row.iter().enumerate() {
        ws.write_string_with_format(r0, c as u16, *h, &st.head)?;
    }
    ws.set_column_width(0, 34)?;
    ws.set_column_width(12, 16)?;
    for (i, p) in peers.positions.iter().enumerate() {
        let r = r0 + 1 + i as u32;
        let unit = p.basis.unit(p.indicator);
        let def = INDICATORS.get(usize::from(p.indicator).wrapping_sub(1));
        let name = def.map_or(String::new(), |d| {
            format!("{}. {}", p.indicator, names::indicator(d, lang))
        });
        let number = Format::new().set_num_format(num_format(unit, 2));
        ws.write_string(r, 0, &name)?;
        ws.write_number(r, 1, f64::from(p.year))?;
        let kind = p
            .kind
            .map(|k| names::year_kind(k, lang))
            .unwrap_or_default();
        ws.write_string(r, 2, kind)?;
        ws.write_string(r, 3, names::unit(unit, lang))?;
        ws.write_number_with_format(r, 4, f64_of(p.value), &number)?;
        standing(ws, r, 5, &p.all, &number)?;
        if let Some((g, s)) = &p.group {
            ws.write_string(r, 12, g)?;
            standing(ws, r, 13, s, &number)?;
        }
    }
    ws.set_freeze_panes(r0 + 1, 1)?;
    page_setup(ws, r0 + 1)?;
    Ok(())
}
