//! A scenario's settings in words: what `scenario show` lists and what
//! `scenario diff` compares, key by key.

use std::collections::BTreeMap;
use std::io::{self, Write};

use rust_decimal::Decimal;

use crate::model::scenario::{Measure, Path, Project, RateChange, Scenario};
use crate::report::format::{Lang, number};
use crate::scenario_file::{Field, KEYS, Key, Setting, Unset};

fn eur(v: Decimal) -> String {
    format!("{} €", number(v, 0, Lang::En))
}

fn pct(v: Decimal) -> String {
    format!("{} %", v.normalize())
}

fn path(p: &Path, money: bool) -> String {
    let f = |v: Decimal| if money { eur(v) } else { pct(v) };
    let mut parts = Vec::new();
    if let Some(b) = p.base {
        parts.push(f(b));
    }
    for (y, v) in &p.steps {
        parts.push(format!("{} from {y}", f(*v)));
    }
    parts.join(", ")
}

fn years(ys: &[i32]) -> String {
    match (ys.first(), ys.last()) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) if (b - a + 1) as usize == ys.len() => format!("{a}–{b}"),
        _ => ys.iter().map(i32::to_string).collect::<Vec<_>>().join(", "),
    }
}

fn span(m: &Measure) -> String {
    match m.to {
        Some(t) if t == m.from => format!("in {t}"),
        Some(t) => format!("in {}–{t}", m.from),
        None => format!("from {}", m.from),
    }
}

fn project(m: &mut BTreeMap<String, String>, p: &Project, life: u32) {
    let k = format!("investments.project '{}'", p.name);
    m.insert(format!("{k}.cost"), eur(p.cost));
    m.insert(format!("{k}.years"), years(&p.years));
    if let Some(sp) = &p.spending {
        m.insert(
            format!("{k}.spending"),
            sp.iter().map(|x| eur(*x)).collect::<Vec<_>>().join(" + "),
        );
    }
    m.insert(format!("{k}.subsidy"), eur(p.subsidy));
    m.insert(format!("{k}.land_sales"), eur(p.land_sales));
    m.insert(
        format!("{k}.class"),
        format!("{} ({life} years)", p.class.key()),
    );
    if !p.in_plan.is_empty() {
        m.insert(format!("{k}.in_plan"), years(&p.in_plan));
    }
}

/// Every setting as (key, value in words), defaults included and named.
/// The plain settings are printed as the registry describes them; lists,
/// tables by year and projects each in their own words.
pub fn settings(sc: &Scenario) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    // The registry's accessors serve reading and writing; printing works
    // on a copy.
    let mut copy = sc.clone();
    for k in KEYS {
        if let Some(s) = &k.setting
            && let Some(v) = plain(k, s, &mut copy)
        {
            m.insert(k.key.to_string(), v);
        }
    }
    // A minimum in euros replaces the rule in days.
    if sc.loans.min_cash.is_some() {
        m.remove("loans.min_cash_days");
    }
    for (y, v) in &sc.population.values {
        m.insert(format!("population.values.{y}"), number(*v, 0, Lang::En));
    }
    let t = &sc.tax;
    rate_changes(
        &mut m,
        "tax.rate_change",
        "the income tax rate",
        &t.rate_changes,
    );
    measures(
        &mut m,
        "state_subsidies.change",
        "valtionosuudet change by",
        &sc.subsidies.changes,
    );
    for (y, v) in &sc.subsidies.index_cut_eur {
        let k = format!("state_subsidies.index_cut_per_resident.{y}");
        m.insert(k, format!("{} € per resident", v.normalize()));
    }
    for (y, v) in &sc.subsidies.per_resident_cut {
        let k = format!("state_subsidies.per_resident_cut.{y}");
        m.insert(k, format!("{} € per resident", v.normalize()));
    }
    for (y, v) in &sc.subsidies.preliminary {
        m.insert(format!("state_subsidies.preliminary.{y}"), eur(*v));
    }
    let o = &sc.operations;
    measures(
        &mut m,
        "operations.savings",
        "operating costs lower by",
        &o.savings,
    );
    measures(
        &mut m,
        "operations.income_change",
        "operating income changes by",
        &o.income_changes,
    );
    let inv = &sc.investments;
    for c in crate::model::scenario::AssetClass::ALL {
        m.insert(
            format!("investments.life_years.{}", c.key()),
            format!("{} years", inv.life(c)),
        );
    }
    for p in &inv.projects {
        project(&mut m, p, inv.life(p.class));
    }
    if let Some((from, cap)) = inv.cap {
        m.insert(
            "investments.cap".into(),
            format!("{} from {from}", eur(cap)),
        );
    }
    let l = &sc.loans;
    rate_changes(
        &mut m,
        "loans.rate_change",
        "interest rates",
        &l.rate_changes,
    );
    for (y, v) in &l.repayments {
        m.insert(format!("loans.repayments.{y}"), eur(*v));
    }
    m
}

/// A plain setting in words, or the default's words when it is unset;
/// `None` when it is not shown.
fn plain(k: &Key, s: &Setting, sc: &mut Scenario) -> Option<String> {
    let unset = || match s.unset {
        Unset::Default => Some(format!("{} (default)", k.default_text())),
        Unset::Says(w) => Some(format!("{w} (default)")),
        Unset::Hidden => None,
    };
    let num = |v: Decimal| format!("{} {}", v.normalize(), s.unit);
    match &s.field {
        Field::Text { at, hide_empty } => {
            let t = at(sc);
            (!(*hide_empty && t.is_empty())).then(|| format!("\"{t}\""))
        }
        Field::Year(at) => at(sc).map(|y| y.to_string()).or_else(unset),
        Field::Rate { at, .. } => Some(path(at(sc), false)),
        Field::OptRate { at, .. } => at(sc).as_ref().map(|p| path(p, false)).or_else(unset),
        Field::MoneyPath { at, .. } => at(sc).as_ref().map(|p| path(p, true)).or_else(unset),
        Field::Share { at, .. } => Some(num(*at(sc))),
        Field::OptShare { at, .. } => at(sc).map(num).or_else(unset),
        Field::Bool(at) => Some(at(sc).to_string()),
        Field::Count { at, .. } => at(sc).map(|n| format!("{n} {}", s.unit)).or_else(unset),
        Field::Maturity(at) => at(sc).map(num).or_else(unset),
        Field::Money(at) => at(sc).map(eur).or_else(unset),
    }
}

fn rate_changes(m: &mut BTreeMap<String, String>, key: &str, what: &str, list: &[RateChange]) {
    let mut by: BTreeMap<i32, Decimal> = BTreeMap::new();
    for c in list {
        *by.entry(c.from).or_default() += c.change_pp;
    }
    for (y, v) in by {
        let sign = if v > Decimal::ZERO { "+" } else { "" };
        m.insert(
            format!("{key} from {y}"),
            format!("{what} {sign}{} percentage points", v.normalize()),
        );
    }
}

fn measures(m: &mut BTreeMap<String, String>, key: &str, what: &str, list: &[Measure]) {
    let mut by: BTreeMap<String, Decimal> = BTreeMap::new();
    for x in list {
        *by.entry(span(x)).or_default() += x.amount;
    }
    for (s, v) in by {
        m.insert(format!("{key} {s}"), format!("{what} {} a year", eur(v)));
    }
}

pub fn show(sc: &Scenario, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{} ({})", sc.name, sc.files.join(" ← "))?;
    for (k, v) in settings(sc) {
        writeln!(out, "  {k} = {v}")?;
    }
    Ok(())
}

pub fn diff(a: &Scenario, b: &Scenario, out: &mut dyn Write) -> io::Result<()> {
    let (sa, sb) = (settings(a), settings(b));
    writeln!(
        out,
        "{} ({}) → {} ({})",
        a.files.first().cloned().unwrap_or_default(),
        a.name,
        b.files.first().cloned().unwrap_or_default(),
        b.name
    )?;
    let mut n = 0;
    let keys: std::collections::BTreeSet<&String> = sa.keys().chain(sb.keys()).collect();
    for k in keys {
        match (sa.get(k), sb.get(k)) {
            (Some(x), Some(y)) if x != y => writeln!(out, "  {k}: {x} → {y}")?,
            (Some(x), None) => writeln!(out, "  only in the first: {k}: {x}")?,
            (None, Some(y)) => writeln!(out, "  only in the second: {k}: {y}")?,
            _ => continue,
        }
        n += 1;
    }
    match n {
        0 => writeln!(out, "The two scenarios assume the same."),
        1 => writeln!(out, "1 difference."),
        n => writeln!(out, "{n} differences."),
    }
}
