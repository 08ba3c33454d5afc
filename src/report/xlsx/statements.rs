//! The sheets of figures: the statements (read and projected), the
//! drivers, the scenarios compared and the key ratios.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::style::{Styles, f64_of, framed, note_breaks, num_format, page_setup};
use super::t;
use crate::model::dataset::{Dataset, Entity};
use crate::model::indicators::{Evaluation, INDICATORS};
use crate::model::items::{self, Statement};
use crate::model::ratios::Unit;
use crate::report::document::{Document, kind_name};
use crate::report::indicators::title;
use crate::report::names;

pub(super) fn statements_sheet(
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
            let who = names::entity(*e, doc.lang);
            let what = names::statement(s, doc.lang);
            ws.write_string_with_format(
                r,
                0,
                format!("{} — {what} ({who})", ds.name()),
                &st.title,
            )?;
            r += 1;
            ws.write_string_with_format(r, 0, t(doc, "Rivi", "Rad", "Line"), &st.head)?;
            for (i, y) in years.iter().enumerate() {
                let k = (ds.kind(*y))
                    .map(|k| names::year_kind(k, doc.lang))
                    .unwrap_or_default();
                ws.write_string_with_format(r, 1 + i as u16, format!("{k} {y}"), &st.head)?;
                ws.set_column_width(1 + i as u16, 14)?;
            }
            r += 1;
            for d in lines {
                let indent = "  ".repeat(d.level as usize);
                let label = doc.lang.tr(d.fi, d.sv, d.en);
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

pub(super) fn drivers_sheet(
    doc: &Document,
    wb: &mut Workbook,
    st: &Styles,
) -> Result<(), XlsxError> {
    let Some(run) = doc.runs.first() else {
        return Ok(());
    };
    let ws = wb.add_worksheet();
    ws.set_name(t(
        doc,
        "Ennusteen laskenta",
        "Prognosens beräkning",
        "Projection drivers",
    ))?;
    let heads: [(&str, &str, &str); 17] = [
        ("Vuosi", "År", "Year"),
        ("Laji", "Typ", "Kind"),
        ("Asukkaat", "Invånare", "Residents"),
        ("Veroprosentti", "Skattesats %", "Tax rate %"),
        ("Verotulot", "Skatteinkomster", "Tax revenue"),
        ("Valtionosuudet", "Statsandelar", "State subsidies"),
        ("Nettomenot", "Nettokostnader", "Net operating cost"),
        ("Vuosikate", "Årsbidrag", "Annual margin"),
        ("Poistot", "Avskrivningar", "Depreciation"),
        ("Nettoinvestoinnit", "Nettoinvesteringar", "Net investment"),
        ("Lainanotto", "Upptagna lån", "Borrowing"),
        ("Lyhennykset", "Amorteringar", "Repayments"),
        ("Lainakanta", "Lånestock", "Loan stock"),
        ("Korko %", "Ränta %", "Interest %"),
        ("Kassa", "Kassa", "Cash"),
        (
            "Kertynyt ylijäämä",
            "Ackumulerat överskott",
            "Accumulated surplus",
        ),
        ("Konsernin lainat", "Koncernens lån", "Group loans"),
    ];
    for (c, (fi, sv, en)) in heads.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, doc.lang.tr(fi, sv, en), &st.head)?;
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
    ws.write_string_with_format(
        r,
        0,
        t(doc, "Oletukset", "Antaganden", "Assumptions"),
        &st.bold,
    )?;
    r += 1;
    for a in &run.projection.assumptions {
        ws.write_string(r, 0, crate::report::assumption::text(a, doc.lang))?;
        r += 1;
    }
    ws.set_freeze_panes(1, 2)?;
    page_setup(ws, 1)?;
    Ok(())
}

pub(super) fn scenarios_sheet(
    doc: &Document,
    wb: &mut Workbook,
    st: &Styles,
) -> Result<(), XlsxError> {
    if doc.runs.len() < 2 {
        return Ok(());
    }
    let ws = wb.add_worksheet();
    ws.set_name(t(doc, "Skenaariot", "Scenarier", "Scenarios"))?;
    ws.set_column_width(0, 10)?;
    let mut r = 0u32;
    let base: &Evaluation = &doc.runs[0].evaluation;
    for d in &INDICATORS {
        ws.write_string_with_format(r, 0, title(d, doc.lang), &st.title)?;
        r += 1;
        ws.write_string_with_format(r, 0, t(doc, "Vuosi", "År", "Year"), &st.head)?;
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

pub(super) fn ratios_sheet(
    doc: &Document,
    wb: &mut Workbook,
    st: &Styles,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(t(doc, "Tunnusluvut", "Nyckeltal", "Key ratios"))?;
    let years: Vec<i32> = doc.ds.years.keys().copied().collect();
    ws.write_string_with_format(
        0,
        0,
        t(doc, "Tunnusluku", "Nyckeltal", "Key ratio"),
        &st.head,
    )?;
    ws.write_string_with_format(0, 1, t(doc, "Kuka", "Enhet", "Entity"), &st.head)?;
    for (i, y) in years.iter().enumerate() {
        let k = (doc.ds.kind(*y))
            .map(|k| names::year_kind(k, doc.lang))
            .unwrap_or_default();
        ws.write_string_with_format(0, 2 + i as u16, format!("{k} {y}"), &st.head)?;
        ws.set_column_width(2 + i as u16, 12)?;
    }
    ws.set_column_width(0, 44)?;
    ws.set_column_width(1, 10)?;
    for (row, (e, def, vals)) in doc.ratio_rows().into_iter().enumerate() {
        let r = 1 + row as u32;
        ws.write_string(r, 0, names::ratio(def, doc.lang))?;
        ws.write_string(r, 1, names::entity(e, doc.lang))?;
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
