//! A scenario's settings in words: what `scenario show` lists and what
//! `scenario diff` compares, key by key.

use std::collections::BTreeMap;
use std::io::{self, Write};

use rust_decimal::Decimal;

use crate::model::scenario::{Measure, Path, Project, RateChange, Scenario};
use crate::report::format::{Lang, number};

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
pub fn settings(sc: &Scenario) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    let mut put = |k: &str, v: String| {
        m.insert(k.to_string(), v);
    };
    put("name", format!("\"{}\"", sc.name));
    if !sc.description.is_empty() {
        put("description", format!("\"{}\"", sc.description));
    }
    put(
        "horizon",
        sc.horizon
            .map(|h| h.to_string())
            .unwrap_or_else(|| "last actual year + 10 (default)".into()),
    );
    put(
        "plan.follow_until",
        sc.plan_follow_until
            .map(|h| h.to_string())
            .unwrap_or_else(|| "every budget and plan year (default)".into()),
    );
    put("price_index_pct", path(&sc.price_index_pct, false));
    put(
        "population.growth_pct",
        sc.population
            .growth_pct
            .as_ref()
            .map(|p| path(p, false))
            .unwrap_or_else(|| "average of the last five actual years (default)".into()),
    );
    for (y, v) in &sc.population.values {
        put(&format!("population.values.{y}"), number(*v, 0, Lang::En));
    }
    let t = &sc.tax;
    put("tax.income_share_pct", pct(t.income_share_pct));
    put("tax.property_share_pct", pct(t.property_share_pct));
    if let Some(r) = t.rate_pct {
        put("tax.rate_pct", pct(r));
    }
    put(
        "tax.earnings_growth_pct",
        path(&t.earnings_growth_pct, false),
    );
    put(
        "tax.employment_growth_pct",
        path(&t.employment_growth_pct, false),
    );
    put(
        "tax.property_growth_pct",
        path(&t.property_growth_pct, false),
    );
    put(
        "tax.corporate_growth_pct",
        path(&t.corporate_growth_pct, false),
    );
    put("tax.first_year_effect_pct", pct(t.first_year_effect_pct));
    rate_changes(
        &mut m,
        "tax.rate_change",
        "the income tax rate",
        &t.rate_changes,
    );
    let mut put = |k: &str, v: String| {
        m.insert(k.to_string(), v);
    };
    put(
        "state_subsidies.index_pct",
        sc.subsidies
            .index_pct
            .as_ref()
            .map(|p| path(p, false))
            .unwrap_or_else(|| "the price index (default)".into()),
    );
    put(
        "state_subsidies.follow_population",
        sc.subsidies.follow_population.to_string(),
    );
    measures(
        &mut m,
        "state_subsidies.change",
        "valtionosuudet change by",
        &sc.subsidies.changes,
    );
    let o = &sc.operations;
    m.insert(
        "operations.income_real_growth_pct".into(),
        path(&o.income_real_growth_pct, false),
    );
    m.insert(
        "operations.cost_real_growth_pct".into(),
        path(&o.cost_real_growth_pct, false),
    );
    m.insert(
        "operations.cost_follows_population_pct".into(),
        pct(o.cost_follows_population_pct),
    );
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
    for (k, v) in [
        ("investments.trend_gross", &inv.trend_gross),
        ("investments.trend_subsidies", &inv.trend_subsidies),
        ("investments.trend_sales", &inv.trend_sales),
    ] {
        m.insert(
            k.into(),
            v.as_ref()
                .map(|p| path(p, true))
                .unwrap_or_else(|| "the plan years' average, indexed (default)".into()),
        );
    }
    m.insert(
        "investments.existing_runoff_years".into(),
        inv.existing_runoff_years
            .map(|n| format!("{n} years"))
            .unwrap_or_else(|| {
                "none: the last level until the book value is used (default)".into()
            }),
    );
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
    m.insert(
        "loans.interest_rate_pct".into(),
        l.interest_rate_pct
            .as_ref()
            .map(|p| path(p, false))
            .unwrap_or_else(|| "implied by the last given year (default)".into()),
    );
    rate_changes(
        &mut m,
        "loans.rate_change",
        "interest rates",
        &l.rate_changes,
    );
    m.insert("loans.variable_share_pct".into(), pct(l.variable_share_pct));
    m.insert(
        "loans.average_maturity_years".into(),
        l.average_maturity_years
            .map(|v| format!("{} years", v.normalize()))
            .unwrap_or_else(|| "loans / repayments of the last given year (default)".into()),
    );
    for (y, v) in &l.repayments {
        m.insert(format!("loans.repayments.{y}"), eur(*v));
    }
    match l.min_cash {
        Some(c) => m.insert("loans.min_cash".into(), eur(c)),
        None => m.insert(
            "loans.min_cash_days".into(),
            format!("{} days", l.min_cash_days.normalize()),
        ),
    };
    m.insert(
        "group.companies_loan_growth_pct".into(),
        path(&sc.group.companies_loan_growth_pct, false),
    );
    m.insert(
        "group.lease_growth_pct".into(),
        path(&sc.group.lease_growth_pct, false),
    );
    m
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
