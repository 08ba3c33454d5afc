//! One scenario file laid over the scenario its parents made: each table
//! of the file has its reader here; projects and uncertainty have their own
//! files.

use std::path::Path as FsPath;

use rust_decimal::Decimal;
use toml::Spanned;

use super::doc::*;
use super::money::{MAX_POPULATION, population_csv};
use super::read::{Cx, dec};
use super::{parse_doc, project, setting, uncertain};
use crate::config::read_to_string;
use crate::error::{Error, Location, Result};
use crate::model::scenario::{Dated, Measure, RateChange, Scenario};
use crate::text;

/// Lays one file over the scenario, table by table in the file's order of
/// tables: each table's plain settings (through the registry), then its
/// lists and tables, so that of two mistakes in different tables the first
/// one in the reference is reported.
pub(super) fn apply(sc: &mut Scenario, text: &str, file: &str) -> Result<()> {
    let doc = parse_doc(text, file)?;
    let cx = &Cx { file, text };
    for table in ["", "plan", "population"] {
        setting::read(cx, &doc, sc, table)?;
    }
    if let Some(d) = &doc.population {
        population(cx, sc, d)?;
    }
    setting::read(cx, &doc, sc, "tax")?;
    if let Some(d) = &doc.tax {
        tax(cx, sc, d)?;
    }
    setting::read(cx, &doc, sc, "state_subsidies")?;
    if let Some(d) = &doc.state_subsidies {
        subsidies(cx, sc, d)?;
    }
    setting::read(cx, &doc, sc, "operations")?;
    if let Some(d) = &doc.operations {
        operations(cx, sc, d)?;
    }
    setting::read(cx, &doc, sc, "investments")?;
    if let Some(d) = &doc.investments {
        project::investments(cx, sc, d)?;
    }
    setting::read(cx, &doc, sc, "loans")?;
    if let Some(d) = &doc.loans {
        loans(cx, sc, d)?;
    }
    for (i, item) in doc.uncertainty.iter().flatten().enumerate() {
        uncertain::uncertainty(cx, sc, i, item)?;
    }
    for (i, item) in doc.correlation.iter().flatten().enumerate() {
        uncertain::correlation(cx, sc, i, item)?;
    }
    setting::read(cx, &doc, sc, "group")?;
    if let Some(d) = &doc.group {
        group(cx, sc, d)?;
    }
    Ok(())
}

/// `[population]`: the file, then `values`, which win over the file.
fn population(cx: &Cx, sc: &mut Scenario, d: &PopDoc) -> Result<()> {
    if let Some(v) = &d.file {
        let name = cx.text(v, "population.file")?;
        let dir = FsPath::new(cx.file).parent().unwrap_or(FsPath::new("."));
        let path = dir.join(&name);
        let csv_text = read_to_string(&path).map_err(|e| {
            Error::config(cx.at(v.span()), {
                let p = path.display();
                text!(
                    "population.file: tiedostoa {p} ei voi lukea",
                    "population.file: filen {p} kan inte läsas",
                    "population.file: cannot read {p}"
                )
            })
            .context_of(e)
        })?;
        // A projection file covers more years than a forecast: those
        // beyond the horizon only guide the line towards them, earlier
        // ones are not used.
        let values = population_csv(&csv_text, &path.display().to_string())?;
        sc.population.values.extend(values);
    }
    if let Some(v) = &d.values {
        let m = cx.year_map(v, "population.values")?;
        for y in m.keys() {
            Dated::set(
                &mut sc.dated,
                "population.values",
                *y,
                cx.origin(v.span(), &format!("population.values.{y}")),
            );
        }
        if m.values().any(|x| x.is_zero()) {
            return Err(cx.err(
                v.span(),
                "population.values",
                text!(
                    "asukasluvun on oltava positiivinen",
                    "ett invånarantal måste vara positivt",
                    "a population must be positive"
                ),
            ));
        }
        if let Some((y, _)) = m.iter().find(|(_, x)| **x > Decimal::from(MAX_POPULATION)) {
            return Err(cx.err(
                v.span(),
                &format!("population.values.{y}"),
                text!(
                    "yli {MAX_POPULATION} asukasta",
                    "fler än {MAX_POPULATION} invånare",
                    "more than {MAX_POPULATION} residents"
                ),
            ));
        }
        sc.population.values.extend(m);
    }
    Ok(())
}

/// `[tax]` and its rate changes.
fn tax(cx: &Cx, sc: &mut Scenario, d: &TaxDoc) -> Result<()> {
    let t = &mut sc.tax;
    t.shares_given |= d.income_share_pct.is_some() || d.property_share_pct.is_some();
    // The shares are checked together once both are read.
    if t.income_share_pct + t.property_share_pct > dec("100") {
        let v = d
            .income_share_pct
            .as_ref()
            .or(d.property_share_pct.as_ref());
        let span = v.map(|v| v.span()).unwrap_or(0..0);
        return Err(cx.err(
            span,
            "tax.income_share_pct",
            text!(
                "tuloveron ja kiinteistöveron osuudet ovat yhteensä yli 100 %",
                "inkomstskattens och fastighetsskattens andelar är sammanlagt över 100 %",
                "income and property tax shares add up to more than 100 %"
            ),
        ));
    }
    rate_changes(cx, &d.rate_change, "tax.rate_change", &mut t.rate_changes)?;
    Ok(())
}

/// `[state_subsidies]` and their changes.
fn subsidies(cx: &Cx, sc: &mut Scenario, d: &SubsDoc) -> Result<()> {
    measures(
        cx,
        &d.change,
        "state_subsidies.change",
        &mut sc.subsidies.changes,
    )?;
    if let Some(v) = &d.index_cut_per_resident {
        let m = cx.year_map(v, "state_subsidies.index_cut_per_resident")?;
        sc.subsidies.index_cut_eur.extend(m);
    }
    if let Some(v) = &d.per_resident_cut {
        let m = cx.year_map(v, "state_subsidies.per_resident_cut")?;
        sc.subsidies.per_resident_cut.extend(m);
    }
    if let Some(v) = &d.preliminary {
        let m = cx.year_map_signed(v, "state_subsidies.preliminary")?;
        for y in m.keys() {
            Dated::set(
                &mut sc.dated,
                "state_subsidies.preliminary",
                *y,
                cx.origin(v.span(), &format!("state_subsidies.preliminary.{y}")),
            );
        }
        sc.subsidies.preliminary.extend(m);
    }
    Ok(())
}

/// `[operations]`, savings and income changes.
fn operations(cx: &Cx, sc: &mut Scenario, d: &OpsDoc) -> Result<()> {
    let o = &mut sc.operations;
    let before = o.savings.len();
    measures(cx, &d.savings, "operations.savings", &mut o.savings)?;
    if let Some(m) = o.savings[before..]
        .iter()
        .find(|m| m.amount < Decimal::ZERO)
    {
        return Err(Error::config(Location::line(cx.file, m.at.line), {
            let key = &m.at.key;
            text!(
                "{key}: säästö kirjoitetaan positiivisena summana (se pienentää kuluja)",
                "{key}: en besparing skrivs som ett positivt belopp (den sänker kostnaderna)",
                "{key}: a saving is written as a positive amount (it lowers costs)"
            )
        }));
    }
    measures(
        cx,
        &d.income_change,
        "operations.income_change",
        &mut o.income_changes,
    )?;
    Ok(())
}

/// `[loans]` and interest rate changes.
fn loans(cx: &Cx, sc: &mut Scenario, d: &LoansDoc) -> Result<()> {
    let l = &mut sc.loans;
    if let Some(v) = &d.repayments {
        let m = cx.year_map(v, "loans.repayments")?;
        l.repayments.extend(m.clone());
        for y in m.keys() {
            Dated::set(
                &mut sc.dated,
                "loans.repayments",
                *y,
                cx.origin(v.span(), &format!("loans.repayments.{y}")),
            );
        }
    }
    rate_changes(cx, &d.rate_change, "loans.rate_change", &mut l.rate_changes)?;
    Ok(())
}

/// `[group]`: the group companies' loans and leases.
fn group(cx: &Cx, sc: &mut Scenario, d: &GroupDoc) -> Result<()> {
    if let Some(v) = &d.companies_loans {
        let m = cx.year_map(v, "group.companies_loans")?;
        sc.group.companies_loans.extend(m);
    }
    Ok(())
}

/// Each entry of an array of tables, with its key as an error names it
/// (`tax.rate_change[2]`), its span and its year `from`, made into a `T`.
fn entries<D, T>(
    cx: &Cx,
    list: &Option<Vec<Spanned<D>>>,
    key: &str,
    from: impl Fn(&D) -> Option<&V>,
    mut one: impl FnMut(&str, std::ops::Range<usize>, i32, &D) -> Result<T>,
) -> Result<Vec<T>> {
    let mut out = Vec::new();
    for (i, item) in list.iter().flatten().enumerate() {
        let span = item.span();
        let k = format!("{key}[{}]", i + 1);
        let d = item.get_ref();
        let year = cx.first_year(from(d), span.clone(), &k)?;
        out.push(one(&k, span, year, d)?);
    }
    Ok(out)
}

pub(super) fn rate_changes(
    cx: &Cx,
    list: &Option<Vec<Spanned<RateChangeDoc>>>,
    key: &str,
    out: &mut Vec<RateChange>,
) -> Result<()> {
    let read = |k: &str, span: std::ops::Range<usize>, from, d: &RateChangeDoc| {
        let change_pp = d
            .change_pp
            .as_ref()
            .map(|v| cx.bounded_pct(v, &format!("{k}.change_pp"), dec("-20"), dec("20")))
            .transpose()?
            .ok_or_else(|| {
                cx.err(
                    span.clone(),
                    k,
                    text!(
                        "'change_pp' (prosenttiyksikköä) puuttuu",
                        "'change_pp' (procentenheter) saknas",
                        "'change_pp' (percentage points) is missing"
                    ),
                )
            })?;
        Ok(RateChange {
            from,
            change_pp,
            at: cx.origin(span, k),
        })
    };
    out.extend(entries(cx, list, key, |d| d.from.as_ref(), read)?);
    Ok(())
}

pub(super) fn measures(
    cx: &Cx,
    list: &Option<Vec<Spanned<MeasureDoc>>>,
    key: &str,
    out: &mut Vec<Measure>,
) -> Result<()> {
    let read = |k: &str, span: std::ops::Range<usize>, from, d: &MeasureDoc| {
        let to =
            d.to.as_ref()
                .map(|v| cx.year(v, &format!("{k}.to")))
                .transpose()?;
        if let Some(t) = to
            && t < from
        {
            return Err(cx.err(
                span,
                k,
                text!(
                    "'to' {t} on ennen vuotta 'from' {from}",
                    "'to' {t} är före 'from' {from}",
                    "'to' {t} is before 'from' {from}"
                ),
            ));
        }
        let amount = d
            .amount
            .as_ref()
            .map(|v| cx.money(v, &format!("{k}.amount")))
            .transpose()?
            .ok_or_else(|| {
                let missing = text!("'amount' puuttuu", "'amount' saknas", "'amount' is missing");
                cx.err(span.clone(), k, missing)
            })?;
        Ok(Measure {
            from,
            to,
            amount,
            at: cx.origin(span, k),
        })
    };
    out.extend(entries(cx, list, key, |d| d.from.as_ref(), read)?);
    Ok(())
}
