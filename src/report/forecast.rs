//! A forecast: the indicators by year with the drivers that made them, and
//! the assumptions the projection took from the workbook.

use std::io::{self, Write};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::indicators::Evaluation;
use crate::model::projection::{Projection, YearRow};
use crate::model::scenario::Scenario;
use crate::report::format::{Lang, number};
use crate::report::table::{Align, Table};

fn teur(v: Decimal, lang: Lang) -> String {
    number(v / Decimal::from(1000), 0, lang)
}

pub fn heading(p: &Projection, sc: &Scenario, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{} '{}' ({} {} → {})",
        lang.tr(
            "Ennuste, skenaario",
            "Prognos, scenario",
            "Forecast, scenario"
        ),
        sc.name,
        lang.tr("viimeinen tilinpäätös", "senaste bokslut", "last actuals"),
        p.base_year,
        p.horizon
    )?;
    if !sc.description.is_empty() {
        writeln!(out, "{}", sc.description)?;
    }
    writeln!(out)
}

/// The drivers and key figures by year, in thousands of euros.
pub fn drivers(p: &Projection, years: &[i32], lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let cols: [(&str, &str, &str); 17] = [
        ("Vuosi", "År", "Year"),
        ("", "", ""),
        ("Asukkaat", "Invånare", "Residents"),
        ("Vero-%", "Skatte-%", "Tax %"),
        ("Verotulot", "Skatteinkomster", "Tax revenue"),
        ("Valtionos.", "Statsandelar", "State sub."),
        ("Nettomenot", "Nettokostn.", "Net cost"),
        ("Vuosikate", "Årsbidrag", "Annual margin"),
        ("Poistot", "Avskrivningar", "Depreciation"),
        ("Nettoinv.", "Nettoinv.", "Net inv."),
        ("Lainanotto", "Upptagna lån", "Borrowing"),
        ("Lyhennykset", "Amorteringar", "Repayments"),
        ("Lainakanta", "Lånestock", "Loans"),
        ("Korko-%", "Ränte-%", "Interest %"),
        ("Kassa", "Kassa", "Cash"),
        ("Kertynyt yj.", "Ack. överskott", "Accum. surplus"),
        ("Konsernin lainat", "Koncernens lån", "Group loans"),
    ];
    let headers: Vec<String> = cols
        .iter()
        .map(|(fi, sv, en)| lang.tr(fi, sv, en).to_string())
        .collect();
    let mut align = vec![Align::Left, Align::Left];
    align.extend(std::iter::repeat_n(Align::Right, headers.len() - 2));
    let mut t = Table::new(headers, align);
    for r in p.rows.iter().filter(|r| years.contains(&r.year)) {
        t.push(row(r, lang));
    }
    writeln!(
        out,
        "{}",
        lang.tr(
            "Ennusteen laskenta, 1 000 €",
            "Prognosens beräkning, 1 000 €",
            "How the projection was made, € thousand",
        )
    )?;
    t.write(out)
}

fn row(r: &YearRow, lang: Lang) -> Vec<String> {
    let opt = |v: Option<Decimal>, d: u32| v.map(|x| number(x, d, lang)).unwrap_or_default();
    vec![
        r.year.to_string(),
        crate::report::names::year_kind(r.kind, lang).to_string(),
        opt(r.population, 0),
        opt(r.tax_rate_pct, 2),
        teur(r.tax_revenue, lang),
        teur(r.state_subsidies, lang),
        teur(r.net_operating_cost, lang),
        teur(r.annual_margin, lang),
        teur(r.depreciation, lang),
        teur(r.net_investment, lang),
        teur(r.borrowing, lang),
        teur(r.repayments, lang),
        teur(r.loans, lang),
        number(r.interest_rate_pct, 2, lang),
        teur(r.cash, lang),
        teur(r.accumulated_surplus, lang),
        r.group_loans.map(|g| teur(g, lang)).unwrap_or_default(),
    ]
}

/// The drivers by year as CSV, exact to the cent.
pub fn drivers_csv(
    p: &Projection,
    ds: &crate::model::dataset::Dataset,
    years: &[i32],
    out: &mut dyn Write,
) -> io::Result<()> {
    use crate::report::format::plain;
    let mut w = crate::report::csv_out::Writer::from_writer(out);
    w.write_record([
        "municipality",
        "scenario",
        "year",
        "kind",
        "given",
        "price_index_pct",
        "population",
        "tax_rate_pct",
        "taxable_income",
        "tax_revenue",
        "state_subsidies",
        "net_operating_cost",
        "annual_margin",
        "depreciation",
        "gross_investment",
        "net_investment",
        "borrowing",
        "repayments",
        "loans",
        "interest_rate_pct",
        "interest",
        "cash",
        "min_cash",
        "accumulated_surplus",
        "group_loans",
    ])?;
    let opt = |v: Option<Decimal>| v.map(plain).unwrap_or_default();
    for r in p.rows.iter().filter(|r| years.contains(&r.year)) {
        w.write_record([
            ds.name().to_string(),
            p.scenario.clone(),
            r.year.to_string(),
            r.kind.to_string(),
            r.given.to_string(),
            plain(r.price_index_pct),
            opt(r.population),
            opt(r.tax_rate_pct),
            opt(r.taxable_income),
            plain(r.tax_revenue),
            plain(r.state_subsidies),
            plain(r.net_operating_cost),
            plain(r.annual_margin),
            plain(r.depreciation),
            plain(r.gross_investment),
            plain(r.net_investment),
            plain(r.borrowing),
            plain(r.repayments),
            plain(r.loans),
            plain(r.interest_rate_pct),
            plain(r.interest),
            plain(r.cash),
            plain(r.min_cash),
            plain(r.accumulated_surplus),
            opt(r.group_loans),
        ])?;
    }
    w.flush()
}

pub fn assumptions(p: &Projection, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        lang.tr(
            "Oletukset, jotka ennuste johti työkirjasta (skenaariotiedosto voi asettaa ne):",
            "Antaganden som prognosen härledde ur arbetsboken (en scenariofil kan ange dem):",
            "Assumptions the projection derived from the workbook (a scenario file can set them):",
        )
    )?;
    for a in &p.assumptions {
        writeln!(out, "  - {}", crate::report::assumption::text(a, lang))?;
    }
    writeln!(
        out,
        "{}",
        lang.tr(
            "TA = talousarvio ja TS = taloussuunnitelma sellaisinaan (skenaarion toimenpiteet lisättyinä), E = ennuste. Jokainen rivi pyöristetään senttiin (puolikkaat poispäin nollasta) ja seuraava vuosi lasketaan pyöristetystä.",
            "BU = budget och EP = ekonomiplan som de är givna (med scenariots åtgärder tillagda), P = prognos. Varje rad avrundas till cent (halva bort från noll) och följande år räknas från den avrundade siffran.",
            "TA = budget and TS = plan as given (with the scenario's measures added), E = projected. Every line is rounded to the cent (halves away from zero) and the next year grows from the rounded figure.",
        )
    )
}

pub fn table(
    p: &Projection,
    ev: &Evaluation,
    sc: &Scenario,
    years: &[i32],
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    heading(p, sc, lang, out)?;
    crate::report::indicators::table(ev, &crate::model::findings::breaks(&p.dataset), lang, out)?;
    writeln!(out)?;
    drivers(p, years, lang, out)?;
    writeln!(out)?;
    assumptions(p, lang, out)
}

#[derive(Serialize)]
struct Doc<'a> {
    scenario: &'a Scenario,
    projection: &'a Projection,
    evaluation: crate::report::indicators::MarkedEvaluation<'a>,
}

pub fn json(p: &Projection, ev: &Evaluation, sc: &Scenario, out: &mut dyn Write) -> io::Result<()> {
    let breaks = crate::model::findings::breaks(&p.dataset);
    serde_json::to_writer_pretty(
        &mut *out,
        &Doc {
            scenario: sc,
            projection: p,
            evaluation: crate::report::indicators::marked_evaluation(ev, &breaks),
        },
    )?;
    writeln!(out)
}
