//! A scenario's settings in words: what `scenario show` lists and what
//! `scenario diff` compares, key by key.

use std::collections::BTreeMap;
use std::io::{self, Write};

use rust_decimal::Decimal;

use crate::model::scenario::{Measure, Path, Project, RateChange, Scenario};
use crate::report::format::{Lang, number};
use crate::scenario_file::{Field, KEYS, Key, Setting, Unset};

fn eur(v: Decimal, lang: Lang) -> String {
    format!("{} €", number(v, 0, lang))
}

/// A figure as the file gives it, no digits added or dropped, in the
/// language's number style.
fn exact(v: Decimal, lang: Lang) -> String {
    let v = v.normalize();
    if lang.nordic() {
        number(v, v.scale(), lang)
    } else {
        v.to_string()
    }
}

fn pct(v: Decimal, lang: Lang) -> String {
    format!("{} %", exact(v, lang))
}

fn path(p: &Path, money: bool, lang: Lang) -> String {
    let f = |v: Decimal| if money { eur(v, lang) } else { pct(v, lang) };
    let mut parts = Vec::new();
    if let Some(b) = p.base {
        parts.push(f(b));
    }
    for (y, v) in &p.steps {
        let v = f(*v);
        parts.push(crate::tr!(
            lang,
            "{v} vuodesta {y}",
            "{v} från {y}",
            "{v} from {y}"
        ));
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

fn span(m: &Measure, lang: Lang) -> String {
    let from = m.from;
    match m.to {
        Some(t) if t == from => crate::tr!(lang, "vuonna {t}", "år {t}", "in {t}"),
        Some(t) => crate::tr!(
            lang,
            "vuosina {from}–{t}",
            "åren {from}–{t}",
            "in {from}–{t}"
        ),
        None => crate::tr!(lang, "vuodesta {from}", "från {from}", "from {from}"),
    }
}

/// "30 vuotta", "30 år", "30 years".
fn life_years(n: u32, lang: Lang) -> String {
    crate::tr!(lang, "{n} vuotta", "{n} år", "{n} years")
}

fn project(m: &mut BTreeMap<String, String>, p: &Project, life: u32, lang: Lang) {
    let k = format!("investments.project '{}'", p.name);
    m.insert(format!("{k}.cost"), eur(p.cost, lang));
    m.insert(format!("{k}.years"), years(&p.years));
    if let Some(sp) = &p.spending {
        m.insert(
            format!("{k}.spending"),
            sp.iter()
                .map(|x| eur(*x, lang))
                .collect::<Vec<_>>()
                .join(" + "),
        );
    }
    m.insert(format!("{k}.subsidy"), eur(p.subsidy, lang));
    m.insert(format!("{k}.land_sales"), eur(p.land_sales, lang));
    m.insert(
        format!("{k}.class"),
        format!("{} ({})", p.class.key(), life_years(life, lang)),
    );
    if !p.in_plan.is_empty() {
        m.insert(format!("{k}.in_plan"), years(&p.in_plan));
    }
}

/// Every setting as (key, value in words), defaults included and named.
/// The plain settings are printed as the registry describes them; lists,
/// tables by year and projects each in their own words.
pub fn settings(sc: &Scenario, lang: Lang) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    // The registry's accessors serve reading and writing; printing works
    // on a copy.
    let mut copy = sc.clone();
    for k in KEYS {
        if let Some(s) = &k.setting
            && let Some(v) = plain(k, s, &mut copy, lang)
        {
            m.insert(k.key.to_string(), v);
        }
    }
    // A minimum in euros replaces the rule in days.
    if sc.loans.min_cash.is_some() {
        m.remove("loans.min_cash_days");
    }
    for (y, v) in &sc.population.values {
        m.insert(format!("population.values.{y}"), number(*v, 0, lang));
    }
    let t = &sc.tax;
    let what = lang.tr(
        "tuloveroprosentti",
        "inkomstskattesatsen",
        "the income tax rate",
    );
    rate_changes(&mut m, "tax.rate_change", what, &t.rate_changes, lang);
    subsidies(&mut m, sc, lang);
    let o = &sc.operations;
    let what = lang.tr(
        "toimintakulut pienenevät",
        "verksamhetskostnaderna minskar med",
        "operating costs lower by",
    );
    measures(&mut m, "operations.savings", what, &o.savings, lang);
    let what = lang.tr(
        "toimintatuotot muuttuvat",
        "verksamhetsintäkterna ändras med",
        "operating income changes by",
    );
    measures(
        &mut m,
        "operations.income_change",
        what,
        &o.income_changes,
        lang,
    );
    let inv = &sc.investments;
    for c in crate::model::scenario::AssetClass::ALL {
        m.insert(
            format!("investments.life_years.{}", c.key()),
            life_years(inv.life(c), lang),
        );
    }
    for p in &inv.projects {
        project(&mut m, p, inv.life(p.class), lang);
    }
    if let Some((from, cap)) = inv.cap {
        let cap = eur(cap, lang);
        m.insert(
            "investments.cap".into(),
            crate::tr!(
                lang,
                "{cap} vuodesta {from}",
                "{cap} från {from}",
                "{cap} from {from}"
            ),
        );
    }
    let l = &sc.loans;
    let what = lang.tr("korot", "räntorna", "interest rates");
    rate_changes(&mut m, "loans.rate_change", what, &l.rate_changes, lang);
    for (y, v) in &l.repayments {
        m.insert(format!("loans.repayments.{y}"), eur(*v, lang));
    }
    m
}

/// The state subsidies' changes, cuts per resident and preliminary figures.
fn subsidies(m: &mut BTreeMap<String, String>, sc: &Scenario, lang: Lang) {
    let what = lang.tr(
        "valtionosuudet muuttuvat",
        "statsandelarna ändras med",
        "valtionosuudet change by",
    );
    measures(
        m,
        "state_subsidies.change",
        what,
        &sc.subsidies.changes,
        lang,
    );
    let per_resident = |v: &Decimal| {
        let v = exact(*v, lang);
        crate::tr!(
            lang,
            "{v} € asukasta kohden",
            "{v} € per invånare",
            "{v} € per resident"
        )
    };
    for (y, v) in &sc.subsidies.index_cut_eur {
        let k = format!("state_subsidies.index_cut_per_resident.{y}");
        m.insert(k, per_resident(v));
    }
    for (y, v) in &sc.subsidies.per_resident_cut {
        let k = format!("state_subsidies.per_resident_cut.{y}");
        m.insert(k, per_resident(v));
    }
    for (y, v) in &sc.subsidies.preliminary {
        m.insert(format!("state_subsidies.preliminary.{y}"), eur(*v, lang));
    }
}

/// A plain setting in words, or the default's words when it is unset;
/// `None` when it is not shown.
fn plain(k: &Key, s: &Setting, sc: &mut Scenario, lang: Lang) -> Option<String> {
    let default = lang.tr("oletus", "standardvärde", "default");
    let unset = || match s.unset {
        Unset::Default => Some(format!("{} ({default})", k.default_in(lang))),
        Unset::Says(w) => Some(format!("{} ({default})", w.in_lang(lang))),
        Unset::Hidden => None,
    };
    let unit = s.unit.in_lang(lang);
    let num = |v: Decimal| format!("{} {unit}", exact(v, lang));
    match &s.field {
        Field::Text { at, hide_empty } => {
            let t = at(sc);
            (!(*hide_empty && t.is_empty())).then(|| format!("\"{t}\""))
        }
        Field::Year(at) => at(sc).map(|y| y.to_string()).or_else(unset),
        Field::Rate { at, .. } => Some(path(at(sc), false, lang)),
        Field::OptRate { at, .. } => (at(sc).as_ref())
            .map(|p| path(p, false, lang))
            .or_else(unset),
        Field::MoneyPath { at, .. } => (at(sc).as_ref())
            .map(|p| path(p, true, lang))
            .or_else(unset),
        Field::Share { at, .. } => Some(num(*at(sc))),
        Field::OptShare { at, .. } => at(sc).map(num).or_else(unset),
        Field::Bool(at) => Some(at(sc).to_string()),
        Field::Count { at, .. } => at(sc).map(|n| format!("{n} {unit}")).or_else(unset),
        Field::Maturity(at) => at(sc).map(num).or_else(unset),
        Field::Money(at) => at(sc).map(|v| eur(v, lang)).or_else(unset),
    }
}

fn rate_changes(
    m: &mut BTreeMap<String, String>,
    key: &str,
    what: &str,
    list: &[RateChange],
    lang: Lang,
) {
    let mut by: BTreeMap<i32, Decimal> = BTreeMap::new();
    for c in list {
        *by.entry(c.from).or_default() += c.change_pp;
    }
    for (y, v) in by {
        let sign = if v > Decimal::ZERO { "+" } else { "" };
        let v = exact(v, lang);
        m.insert(
            crate::tr!(
                lang,
                "{key} vuodesta {y}",
                "{key} från {y}",
                "{key} from {y}"
            ),
            crate::tr!(
                lang,
                "{what} {sign}{v} prosenttiyksikköä",
                "{what} {sign}{v} procentenheter",
                "{what} {sign}{v} percentage points"
            ),
        );
    }
}

fn measures(m: &mut BTreeMap<String, String>, key: &str, what: &str, list: &[Measure], lang: Lang) {
    let mut by: BTreeMap<String, Decimal> = BTreeMap::new();
    for x in list {
        *by.entry(span(x, lang)).or_default() += x.amount;
    }
    for (s, v) in by {
        let v = eur(v, lang);
        m.insert(
            format!("{key} {s}"),
            crate::tr!(
                lang,
                "{what} {v} vuodessa",
                "{what} {v} per år",
                "{what} {v} a year"
            ),
        );
    }
}

pub fn show(sc: &Scenario, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{} ({})", sc.name, sc.files.join(" ← "))?;
    for (k, v) in settings(sc, lang) {
        writeln!(out, "  {k} = {v}")?;
    }
    Ok(())
}

pub fn diff(a: &Scenario, b: &Scenario, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let (sa, sb) = (settings(a, lang), settings(b, lang));
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
            (Some(x), None) => writeln!(
                out,
                "  {}: {k}: {x}",
                lang.tr(
                    "vain ensimmäisessä",
                    "endast i den första",
                    "only in the first"
                )
            )?,
            (None, Some(y)) => writeln!(
                out,
                "  {}: {k}: {y}",
                lang.tr("vain toisessa", "endast i den andra", "only in the second")
            )?,
            _ => continue,
        }
        n += 1;
    }
    let text = match n {
        0 => lang
            .tr(
                "Skenaariot olettavat saman.",
                "Scenarierna antar detsamma.",
                "The two scenarios assume the same.",
            )
            .to_string(),
        1 => lang
            .tr("1 ero.", "1 skillnad.", "1 difference.")
            .to_string(),
        n => crate::tr!(lang, "{n} eroa.", "{n} skillnader.", "{n} differences."),
    };
    writeln!(out, "{text}")
}
