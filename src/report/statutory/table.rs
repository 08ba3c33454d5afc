//! The statutory report as a table: the 110 § section, the 118 § section,
//! notes and sources.

use std::io::{self, Write};

use rust_decimal::Decimal;

use crate::model::dataset::Dataset;
use crate::model::statutory::{
    Assessment, Criterion, CriterionKind, Episode, Input, Missing, Outcome, Rules, Status,
    Statutory,
};
use crate::report::format::{Lang, number};
use crate::report::reason;
use crate::report::table::{Align, Table};

use super::words::*;

/// The group's deficit per resident is shown as the balance sheet and the
/// Ministry's tables show it, a surplus positive ("kertynyt yli-/alijäämä
/// €/as."), so its threshold reads ≤ −1 000; the rule compares the deficit.
pub(super) fn shown(k: CriterionKind, v: Decimal) -> Decimal {
    match k {
        CriterionKind::DeficitPerResident => -v,
        _ => v,
    }
}

fn shown_comparison(k: CriterionKind) -> &'static str {
    match k {
        CriterionKind::DeficitPerResident => "≤",
        _ => comparison(k),
    }
}

fn shown_name(k: CriterionKind, lang: Lang) -> &'static str {
    match k {
        CriterionKind::DeficitPerResident => lang.tr(
            "Yli-/alijäämä €/as.",
            "Över-/underskott €/inv.",
            "Surplus €/res.",
        ),
        _ => short_name(k, lang),
    }
}

fn shown_kind_name(k: CriterionKind, lang: Lang) -> &'static str {
    match k {
        CriterionKind::DeficitPerResident => lang.tr(
            "Konsernin kertynyt yli-/alijäämä, €/as.",
            "Koncernens ackumulerade över-/underskott, €/inv.",
            "Group accumulated surplus (deficit), €/resident",
        ),
        _ => kind_name(k, lang),
    }
}

/// Footnotes numbered in the order they are first used.
pub(super) struct Notes(Vec<String>);

impl Notes {
    fn mark(&mut self, text: String) -> String {
        let i = match self.0.iter().position(|n| *n == text) {
            Some(i) => i,
            None => {
                self.0.push(text);
                self.0.len() - 1
            }
        };
        format!("[{}]", i + 1)
    }
}

pub(super) fn mark(status: &Status) -> &'static str {
    match status {
        Status::Met => "✗",
        Status::NotMet => "✓",
        Status::NotMeasurable(_) => "–",
    }
}

pub(super) fn status_cell(s: &Status, st: &Statutory, lang: Lang, notes: &mut Notes) -> String {
    match s {
        Status::NotMeasurable(m) => format!("– {}", notes.mark(missing(m, st, lang))),
        s => mark(s).to_string(),
    }
}

pub(super) fn criterion_cell(
    c: &Criterion,
    st: &Statutory,
    lang: Lang,
    notes: &mut Notes,
) -> String {
    match &c.value {
        Ok(v) => format!(
            "{} {}",
            number(shown(c.kind, *v), decimals(c.kind), lang),
            mark(&c.status)
        ),
        Err(m) => format!("– {}", notes.mark(missing(m, st, lang))),
    }
}

pub(super) fn title(ds: &Dataset, lang: Lang) -> String {
    let name = ds.municipality.clone().unwrap_or_else(|| ds.file.clone());
    format!(
        "{name} — {}",
        lang.tr(
            "Kuntalaki 110 § ja 118 §",
            "Kommunallagen 110 § och 118 §",
            "Local Government Act 110 § and 118 §"
        )
    )
}

pub(super) fn kind_of(st: &Statutory, y: i32) -> String {
    st.years
        .iter()
        .find(|(yy, _)| *yy == y)
        .map(|(_, k)| k.to_string())
        .unwrap_or_default()
}

/// The 110 § state of one year's accumulated surplus.
pub(super) fn deficit_cell(st: &Statutory, y: i32, v: Decimal, lang: Lang) -> String {
    if v >= Decimal::ZERO {
        return "✓".into();
    }
    if st.deficits.flagged_years().contains(&y) {
        return lang
            .tr(
                "✗ alijäämä määräajan jälkeen",
                "✗ underskott efter tidsfristen",
                "✗ deficit past its deadline",
            )
            .into();
    }
    let ep = st
        .deficits
        .episodes
        .iter()
        .filter(|e| e.arose <= y)
        .max_by_key(|e| e.arose);
    match ep.map(|e| (e.arose, e.deadline.as_ref().ok().map(|d| d.effective))) {
        Some((a, Some(d))) => crate::tr!(
            lang,
            "alijäämä, syntynyt {a}, katettava viimeistään {d}",
            "underskott, uppkommet {a}, ska täckas senast {d}",
            "deficit, arose {a}, to be covered by {d}"
        ),
        _ => lang.tr("alijäämä", "underskott", "deficit").into(),
    }
}

pub(super) fn episode_text(e: &Episode, st: &Statutory, lang: Lang) -> String {
    let arose = e.arose;
    let mut s = crate::tr!(
        lang,
        "syntynyt {arose}",
        "uppkommet {arose}",
        "arose {arose}"
    );
    if e.may_be_older {
        s += lang.tr(
            " (sarjan alussa: voi olla vanhempi)",
            " (i början av serien: kan vara äldre)",
            " (at the start of the series: may be older)",
        );
    }
    match &e.deadline {
        Ok(d) => {
            let (when, source) = (d.effective, &d.source);
            s += &crate::tr!(
                lang,
                ", määräaika {when} ({source})",
                ", tidsfrist {when} ({source})",
                ", deadline {when} ({source})"
            );
            if let Some(x) = d.extendable_to.filter(|x| *x != d.effective) {
                s += &crate::tr!(
                    lang,
                    ", 110 a §:n jatkolla {x}",
                    ", {x} med förlängning enligt 110 a §",
                    ", {x} if extended under 110 a §"
                );
            }
        }
        Err(m) => s += &format!(": {}", missing(m, st, lang)),
    }
    s += ": ";
    s += &outcome_text(&e.outcome, st, lang);
    s
}

fn outcome_text(o: &Outcome, st: &Statutory, lang: Lang) -> String {
    match o {
        Outcome::Covered { year } => {
            crate::tr!(
                lang,
                "katettu {year} ✓",
                "täckt {year} ✓",
                "covered {year} ✓"
            )
        }
        Outcome::Missed {
            flagged,
            covered_late,
        } => {
            let ys = span(flagged);
            let late = covered_late.map(|y| {
                crate::tr!(
                    lang,
                    ", katettu vasta {y}",
                    ", täckt först {y}",
                    ", covered only in {y}"
                )
            });
            let head = crate::tr!(
                lang,
                "✗ ei katettu määräaikaan mennessä; alijäämä taseessa {ys}",
                "✗ inte täckt inom tidsfristen; underskottet syns i balansräkningen {ys}",
                "✗ not covered by the deadline; the deficit shows in {ys}"
            );
            head + &late.unwrap_or_default()
        }
        Outcome::Open { last_year } => crate::tr!(
            lang,
            "kattamatta {last_year}, määräaika ei ole vielä kulunut",
            "otäckt {last_year}, tidsfristen har ännu inte löpt ut",
            "not covered by {last_year}, the deadline not yet reached"
        ),
        Outcome::Unknown(m) => format!("– {}", missing(m, st, lang)),
    }
}

/// Years as "2030–2033" when consecutive, else listed.
pub(super) fn span(ys: &[i32]) -> String {
    match (ys.first(), ys.last()) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) if (b - a) as usize + 1 == ys.len() => format!("{a}–{b}"),
        _ => ys.iter().map(i32::to_string).collect::<Vec<_>>().join(", "),
    }
}

pub(super) fn eur(v: Decimal, lang: Lang) -> String {
    format!("{} €", number(v, 0, lang))
}

pub(super) fn plan_text(st: &Statutory, lang: Lang, notes: &mut Notes) -> Option<String> {
    let p = st.plan.as_ref()?;
    let (first, last, year) = (p.first, p.last, p.allowance_year);
    let head = crate::tr!(
        lang,
        "Taloussuunnitelma {first}–{last}: ",
        "Ekonomiplan {first}–{last}: ",
        "Financial plan {first}–{last}: "
    );
    let body = match &p.balance {
        Err(m) => format!("– {}", notes.mark(missing(m, st, lang))),
        Ok(b) => {
            let (total, allowance) = (eur(b.total, lang), eur(b.allowance, lang));
            let state = match b.balanced {
                true => lang.tr("tasapainossa ✓", "i balans ✓", "balanced ✓"),
                false => lang.tr("ei tasapainossa ✗", "inte i balans ✗", "not balanced ✗"),
            };
            crate::tr!(
                lang,
                "tilikausien yli- ja alijäämät yhteensä {total}, sallittu alijäämä enintään {allowance} (kertynyt ylijäämä 31.12.{year}): {state}",
                "räkenskapsperiodernas över- och underskott sammanlagt {total}, tillåtet underskott högst {allowance} (ackumulerat överskott 31.12.{year}): {state}",
                "surpluses and deficits of the years summed {total}, deficit allowed up to {allowance} (accumulated surplus 31 Dec {year}): {state}"
            )
        }
    };
    Some(head + &body)
}

fn deficit_section(st: &Statutory, lang: Lang, notes: &mut Notes, sec: &mut Section) {
    sec.title_110 = lang
        .tr(
            "110 § Kertyneen alijäämän kattaminen (kunnan oma tase)",
            "110 § Täckning av ackumulerat underskott (kommunens egen balansräkning)",
            "110 § Covering an accumulated deficit (the municipality's own balance sheet)",
        )
        .into();
    let mut tb = Table::new(
        vec![
            lang.tr("Vuosi", "År", "Year").into(),
            String::new(),
            lang.tr(
                "Kertynyt yli-/alijäämä, €",
                "Ackumulerat över-/underskott, €",
                "Accumulated surplus, €",
            )
            .into(),
            lang.tr("Tila", "Läge", "Status").into(),
        ],
        vec![Align::Left, Align::Left, Align::Right, Align::Left],
    );
    for s in &st.surplus {
        let rolled = st
            .rolled
            .iter()
            .find(|(e, y, _)| *e == crate::model::dataset::Entity::City && *y == s.year)
            .map(|(_, _, m)| format!(" {}", notes.mark(reason::method(m, lang))))
            .unwrap_or_default();
        let (value, state) = match s.accumulated {
            Some(v) => (
                format!("{}{rolled}", number(v, 0, lang)),
                deficit_cell(st, s.year, v, lang),
            ),
            None => {
                let m = Missing::Input {
                    year: s.year,
                    input: Input::AccumulatedSurplus,
                };
                (
                    format!("– {}", notes.mark(missing(&m, st, lang))),
                    String::new(),
                )
            }
        };
        tb.push(vec![s.year.to_string(), kind_of(st, s.year), value, state]);
        // A figure with a note mark stays text, so the mark is kept.
        let amount = s.accumulated.filter(|_| rolled.is_empty()).map(|v| (v, 0));
        sec.surplus_figures
            .push(vec![Some((s.year.into(), 0)), None, amount, None]);
    }
    sec.surplus = tb;
    sec.deficits = (st.deficits.episodes.iter())
        .map(|e| episode_text(e, st, lang))
        .collect();
    sec.plan = plan_text(st, lang, notes);
}

/// The criteria of `a`'s own year, in the order of the law.
pub(super) fn own_year(a: &Assessment) -> Vec<&Criterion> {
    a.deficit
        .iter()
        .chain(a.figures.iter())
        .filter(|c| c.year == a.year)
        .collect()
}

pub(super) const KINDS: [CriterionKind; 5] = [
    CriterionKind::DeficitPerResident,
    CriterionKind::MarginToDepreciation,
    CriterionKind::TaxRateAboveAverage,
    CriterionKind::LoansToAverage,
    CriterionKind::DebtService,
];

fn assessment_section(st: &Statutory, lang: Lang, notes: &mut Notes, sec: &mut Section) {
    sec.title_118 = lang.tr("118 § Erityisen vaikeassa taloudellisessa asemassa olevan kunnan arviointimenettely (konsernin luvut)", "118 § Utvärderingsförfarande för en kommun i synnerligen svår ekonomisk ställning (koncernens siffror)", "118 § The assessment procedure for a municipality in a particularly difficult financial position (group figures)").into();
    // The thresholds in the header are those of the latest assessment that
    // has criteria; a year judged by other thresholds would say so in the
    // rule book's sources below.
    let latest = st.assessments.iter().rev().find(|a| a.source.is_some());
    let mut headers: Vec<String> = vec![lang.tr("Vuosi", "År", "Year").into(), String::new()];
    let mut legend = Vec::new();
    for k in KINDS {
        let own = latest.and_then(|a| own_year(a).into_iter().find(|c| c.kind == k));
        let th = own
            .map(|c| {
                let th = threshold(shown(k, c.threshold), lang);
                format!(" {} {th}", shown_comparison(k))
            })
            .unwrap_or_default();
        headers.push(format!("{}{th}", shown_name(k, lang)));
        legend.push(format!(
            "{}: {}",
            shown_name(k, lang),
            shown_kind_name(k, lang)
        ));
    }
    if let Some(prev) = latest.and_then(|a| a.deficit.first()) {
        let th = threshold(-prev.threshold, lang);
        legend[0] += &crate::tr!(
            lang,
            ", edellisenä vuonna ≤ {th}",
            ", året innan ≤ {th}",
            ", the year before ≤ {th}"
        );
    }
    headers.extend([
        lang.tr("1 k.", "Gr. 1", "Gr. 1").into(),
        lang.tr("2 k.", "Gr. 2", "Gr. 2").into(),
        lang.tr("3 k.", "Gr. 3", "Gr. 3").into(),
        lang.tr(
            "Menettely voidaan aloittaa",
            "Förfarandet kan inledas",
            "Procedure may start",
        )
        .into(),
    ]);
    let mut align = vec![Align::Left, Align::Left];
    align.extend([Align::Right; 5]);
    align.extend([Align::Left; 4]);
    let mut tb = Table::new(headers, align);
    for a in &st.assessments {
        let estimate = st
            .estimate(a.year)
            .map(|m| format!(" {}", notes.mark(reason::method(m, lang))))
            .unwrap_or_default();
        let mut row = vec![a.year.to_string(), kind_of(st, a.year) + &estimate];
        let mut figures: Vec<Figure> = vec![Some((a.year.into(), 0)), None];
        let own = own_year(a);
        for k in KINDS {
            let c = own.iter().find(|c| c.kind == k);
            figures.push(
                c.and_then(|c| c.value.as_ref().ok())
                    .map(|v| (shown(k, *v), decimals(k))),
            );
            row.push(match c {
                Some(c) => criterion_cell(c, st, lang, notes),
                None => status_cell(&a.deficit_ground, st, lang, notes),
            });
        }
        figures.resize(row.len() + 4, None);
        sec.assessment_figures.push(figures);
        for g in [&a.deadline_ground, &a.deficit_ground, &a.figures_ground] {
            row.push(status_cell(g, st, lang, notes));
        }
        row.push(match (&a.any, a.starts()) {
            (_, Some(y)) => format!("✗ {y}"),
            (Status::NotMet, None) => lang.tr("ei", "nej", "no").into(),
            (s, None) => status_cell(s, st, lang, notes),
        });
        tb.push(row);
    }
    sec.assessments = tb;
    sec.legend = legend;
}

/// A threshold as the law writes it: no trailing zeros.
pub(super) fn threshold(v: Decimal, lang: Lang) -> String {
    let v = v.normalize();
    number(v, v.scale(), lang)
}

/// Every source the years shown rest on, once.
pub(super) fn sources(st: &Statutory, rules: &Rules) -> Vec<String> {
    let mut s: Vec<String> = Vec::new();
    let mut add = |x: &str| {
        if !s.iter().any(|y| y == x) {
            s.push(x.to_string());
        }
    };
    if let Some(r) = st.years.last().and_then(|(y, _)| rules.deficit_rule(*y)) {
        add(&r.source);
    }
    for e in &st.deficits.episodes {
        if let Ok(d) = &e.deadline {
            add(&d.source);
            if let Some(x) = rules.extension(d.statutory) {
                add(&x.source);
            }
        }
    }
    for a in &st.assessments {
        if let Some(src) = &a.source {
            add(src);
        }
    }
    for (y, _) in &st.years {
        if let Some(n) = rules.national(*y) {
            add(&format!("{y}: {}", n.source));
        }
    }
    s
}

/// The first year the assessment procedure may start, in words.
pub fn first_start(st: &Statutory, lang: Lang) -> String {
    match st.assessments.iter().find_map(|a| a.starts()) {
        Some(y) => crate::tr!(
            lang,
            "Arviointimenettely voidaan aloittaa ensimmäisen kerran vuonna {y}.",
            "Utvärderingsförfarandet kan inledas första gången {y}.",
            "The assessment procedure may first start in {y}."
        ),
        None => lang
            .tr(
                "Arviointimenettelyn perusteet eivät täyty yhtenäkään vuonna, jolta ne voidaan ratkaista.",
                "Grunderna för utvärderingsförfarandet uppfylls inte något år för vilket de kan avgöras.",
                "No ground of the assessment procedure is met in any year where it can be decided.",
            )
            .into(),
    }
}

/// A cell's figure and the decimals it is shown to; none for a word.
pub type Figure = Option<(Decimal, u32)>;

/// The statutory tests ready to print: the same cells in the terminal
/// table, the council report's HTML section and its Excel sheet.
#[derive(Default)]
pub struct Section {
    pub title: String,
    pub title_110: String,
    /// Year, kind, accumulated surplus, status.
    pub surplus: Table,
    /// The figure of each cell of `surplus` that shows one, with the
    /// decimals it is shown to (what a spreadsheet writes as a number).
    pub surplus_figures: Vec<Vec<Figure>>,
    pub deficits: Vec<String>,
    pub plan: Option<String>,
    pub title_118: String,
    /// Year, kind, the five criteria, the three grounds, the start year.
    pub assessments: Table,
    pub assessment_figures: Vec<Vec<Figure>>,
    pub legend: Vec<String>,
    /// What the marks and the grounds mean.
    pub key: String,
    pub sources: Vec<String>,
    /// Footnotes, numbered from 1 in this order.
    pub notes: Vec<String>,
}

pub fn section(ds: &Dataset, st: &Statutory, rules: &Rules, lang: Lang) -> Section {
    let mut notes = Notes(Vec::new());
    let mut sec = Section {
        title: title(ds, lang),
        ..Section::default()
    };
    deficit_section(st, lang, &mut notes, &mut sec);
    assessment_section(st, lang, &mut notes, &mut sec);
    sec.key = lang.tr("✓ hyvä: kriteeri tai peruste ei täyty   ✗ huono: kriteeri tai peruste täyttyy (sarakkeen ehto on tosi), määräaika ylitetty tai suunnitelma alijäämäinen   – ei mitattavissa. 1 k. = alijäämää ei katettu määräajassa (118 § 2 mom.), 2 k. = konsernin alijäämä €/as. kahtena vuonna (3 mom. 1 kohta), 3 k. = neljä tunnuslukua kahtena peräkkäisenä vuonna (3 mom. 2 kohta). Arviointi tehdään tilinpäätösvuotta seuraavana vuonna; valtiovarainministeriö päättää sen aloittamisesta. Laskennallisen lainanhoitokatteen lyhennysoletus (lainakanta / 8) on vahvistamatta lain esitöistä: sen tila on alustava.", "✓ bra: kriteriet eller grunden uppfylls inte   ✗ dåligt: kriteriet eller grunden uppfylls (kolumnens villkor gäller), en tidsfrist har överskridits eller planen visar underskott   – kan inte mätas. Gr. 1 = underskottet har inte täckts inom tidsfristen (118 § 2 mom.), Gr. 2 = koncernens underskott per invånare två år (3 mom. 1 punkten), Gr. 3 = alla fyra nyckeltal två år i följd (3 mom. 2 punkten). Utvärderingen görs året efter bokslutsåret; finansministeriet beslutar om förfarandet inleds. Kalkylerat lånens skötselbidrag antar amorteringar lånestock / 8, vilket ännu inte bekräftats ur förarbetena: dess läge är preliminärt.", "✓ good: the criterion or ground is not met   ✗ bad: the criterion or ground is met (the column's condition holds), a deadline missed or the plan in deficit   – not measurable. Gr. 1 = deficit not covered in time (118 § 2 mom.), Gr. 2 = group deficit per resident in two years (3 mom. 1 kohta), Gr. 3 = all four figures two years running (3 mom. 2 kohta). The assessment is made in the year after the statements; the Ministry of Finance decides whether to start it. The calculated loan service coverage assumes repayments of loans / 8, not yet confirmed from the bill: its status is provisional.").into();
    sec.sources = sources(st, rules);
    sec.notes = notes.0;
    sec
}

pub fn table(
    ds: &Dataset,
    st: &Statutory,
    rules: &Rules,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let sec = section(ds, st, rules, lang);
    writeln!(out, "{}\n", sec.title)?;
    writeln!(out, "{}", sec.title_110)?;
    sec.surplus.write(out)?;
    if !sec.deficits.is_empty() {
        writeln!(out, "{}", lang.tr("Alijäämät:", "Underskott:", "Deficits:"))?;
        for e in &sec.deficits {
            writeln!(out, "  {e}")?;
        }
    }
    if let Some(p) = &sec.plan {
        writeln!(out, "{p}")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", sec.title_118)?;
    sec.assessments.write(out)?;
    for l in &sec.legend {
        writeln!(out, "  {l}")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", sec.key)?;
    writeln!(out, "{}", lang.tr("Lähteet:", "Källor:", "Sources:"))?;
    for s in &sec.sources {
        writeln!(out, "  {s}")?;
    }
    if !sec.notes.is_empty() {
        writeln!(
            out,
            "{}",
            lang.tr("Huomautukset:", "Anmärkningar:", "Notes:")
        )?;
        for (i, n) in sec.notes.iter().enumerate() {
            writeln!(out, "  [{}] {n}", i + 1)?;
        }
    }
    Ok(())
}
