//! `statutory`: Kuntalaki 110 § and 118 § by year, as a table, CSV or
//! JSON. A criterion "met" is the bad side of its threshold, so it is
//! marked ✗ as a target missed is in the indicators.

use std::io::{self, Write};

use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::model::dataset::{Dataset, YearKind};
use crate::model::statutory::{
    Assessment, Criterion, CriterionKind, Episode, Figure, Input, Missing, NationalFigure, Outcome,
    Rules, Status, Statutory,
};
use crate::report::csv_out;
use crate::report::format::{Lang, number};
use crate::report::reason;
use crate::report::table::{Align, Table};

fn t(lang: Lang, fi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fi => fi,
        Lang::En => en,
    }
}

/// Decimals a figure is shown with: euros whole, percentages to a tenth,
/// the lainanhoitokate to a hundredth, as published.
fn decimals(k: CriterionKind) -> u32 {
    match k {
        CriterionKind::DeficitPerResident => 0,
        CriterionKind::DebtService => 2,
        _ => 1,
    }
}

fn kind_name(k: CriterionKind, lang: Lang) -> &'static str {
    match k {
        CriterionKind::DeficitPerResident => t(
            lang,
            "Konsernin kertynyt alijäämä, €/as.",
            "Group accumulated deficit, €/resident",
        ),
        CriterionKind::MarginToDepreciation => t(
            lang,
            "Konsernin vuosikate / poistot, %",
            "Group annual margin / depreciation, %",
        ),
        CriterionKind::TaxRateAboveAverage => t(
            lang,
            "Tuloveroprosentti − painotettu keskiarvo, %-yks.",
            "Income tax rate − weighted average, pp",
        ),
        CriterionKind::LoansToAverage => t(
            lang,
            "Konsernin lainat ja vuokravastuut €/as. / keskiarvo, %",
            "Group loans and leases per resident / average, %",
        ),
        CriterionKind::DebtService => t(
            lang,
            "Konsernin laskennallinen lainanhoitokate",
            "Group calculated loan service coverage",
        ),
    }
}

/// The table's narrow column name; the legend gives the full one.
fn short_name(k: CriterionKind, lang: Lang) -> &'static str {
    match k {
        CriterionKind::DeficitPerResident => t(lang, "Alijäämä €/as.", "Deficit €/res."),
        CriterionKind::MarginToDepreciation => t(lang, "VK/poistot %", "Margin/depr. %"),
        CriterionKind::TaxRateAboveAverage => t(lang, "Vero − ka. %-yks.", "Tax − avg. pp"),
        CriterionKind::LoansToAverage => t(lang, "Lainat / ka. %", "Loans / avg. %"),
        CriterionKind::DebtService => t(lang, "Laskenn. LHK", "Calc. LSC"),
    }
}

fn kind_id(k: CriterionKind) -> &'static str {
    match k {
        CriterionKind::DeficitPerResident => "deficit_per_resident",
        CriterionKind::MarginToDepreciation => "margin_to_depreciation",
        CriterionKind::TaxRateAboveAverage => "tax_rate_above_average",
        CriterionKind::LoansToAverage => "loans_to_average",
        CriterionKind::DebtService => "debt_service",
    }
}

/// The comparison that makes a criterion met.
fn comparison(k: CriterionKind) -> &'static str {
    match k {
        CriterionKind::MarginToDepreciation | CriterionKind::DebtService => "<",
        _ => "≥",
    }
}

fn input_name(i: Input, lang: Lang) -> &'static str {
    match i {
        Input::Residents => t(lang, "asukasluku", "population"),
        Input::AccumulatedSurplus => t(lang, "kertynyt yli-/alijäämä", "accumulated surplus"),
        Input::AnnualMargin => t(lang, "konsernin vuosikate", "group annual margin"),
        Input::Depreciation => t(lang, "konsernin poistot", "group depreciation"),
        Input::IncomeTaxRate => t(lang, "tuloveroprosentti", "income tax rate"),
        Input::Loans => t(lang, "konsernin lainakanta", "group loans"),
        Input::LeaseLiabilities => t(lang, "konsernin vuokravastuut", "group lease liabilities"),
        Input::InterestExpenses => t(lang, "konsernin korkokulut", "group interest expenses"),
        Input::PlanResult => t(lang, "tilikauden yli-/alijäämä", "result for the period"),
    }
}

fn figure_name(f: Figure, lang: Lang) -> &'static str {
    let k = match f {
        Figure::DeficitPerResident => CriterionKind::DeficitPerResident,
        Figure::MarginToDepreciation => CriterionKind::MarginToDepreciation,
        Figure::TaxRateAboveAverage => CriterionKind::TaxRateAboveAverage,
        Figure::LoansToAverage => CriterionKind::LoansToAverage,
        Figure::DebtService => CriterionKind::DebtService,
    };
    kind_name(k, lang)
}

fn national_name(f: NationalFigure, lang: Lang) -> &'static str {
    match f {
        NationalFigure::WeightedIncomeTaxRate => t(
            lang,
            "kuntien tuloilla painotettu keskimääräinen tuloveroprosentti",
            "the weighted average municipal income tax rate",
        ),
        NationalFigure::GroupLoansAndLeasesPerResident => t(
            lang,
            "kuntakonsernien lainat ja vuokravastuut €/as. keskimäärin",
            "the average group loans and lease liabilities per resident",
        ),
    }
}

/// Why a figure or a test cannot be given, in `lang`; an input's own reason
/// from the dataset when there is one.
pub fn missing(m: &Missing, st: &Statutory, lang: Lang) -> String {
    match (m, lang) {
        (Missing::Input { year, input }, _) => match st.reason(*year, *input) {
            Some(r) => format!(
                "{} {year}: {}",
                input_name(*input, lang),
                reason::text(r, lang)
            ),
            None => match lang {
                Lang::Fi => format!("{} puuttuu vuodelta {year}", input_name(*input, lang)),
                Lang::En => format!("{} of {year} is missing", input_name(*input, lang)),
            },
        },
        (Missing::ZeroDenominator { year, figure }, Lang::Fi) => {
            format!("{} {year}: nimittäjä on nolla", figure_name(*figure, lang))
        }
        (Missing::ZeroDenominator { year, figure }, Lang::En) => {
            format!(
                "{} {year}: the denominator is zero",
                figure_name(*figure, lang)
            )
        }
        (Missing::OutOfRange { year, figure }, Lang::Fi) => {
            format!(
                "{} {year}: luku on liian suuri laskettavaksi",
                figure_name(*figure, lang)
            )
        }
        (Missing::OutOfRange { year, figure }, Lang::En) => {
            format!(
                "{} {year}: the figure is too large to compute",
                figure_name(*figure, lang)
            )
        }
        (Missing::NoCriteria { evaluation_year }, Lang::Fi) => format!(
            "säännöstössä ei ole 118 §:n kriteerejä vuonna {evaluation_year} tehtävälle arvioinnille"
        ),
        (Missing::NoCriteria { evaluation_year }, Lang::En) => format!(
            "the rule book has no 118 § criteria for an assessment made in {evaluation_year}"
        ),
        // One note for every year the figure is missing in, not one a year.
        (Missing::NoNationalFigure { figure, .. }, Lang::Fi) => format!(
            "säännöstöstä puuttuu {} vuosilta {}; anna se tiedostolla --rules",
            national_name(*figure, lang),
            span(&national_gaps(st, *figure))
        ),
        (Missing::NoNationalFigure { figure, .. }, Lang::En) => format!(
            "the rule book lacks {} of {}; give it in a file with --rules",
            national_name(*figure, lang),
            span(&national_gaps(st, *figure))
        ),
        (Missing::NoDeficitRule { year }, Lang::Fi) => {
            format!("säännöstössä ei ole 110 §:n määräaikaa vuonna {year} syntyneelle alijäämälle")
        }
        (Missing::NoDeficitRule { year }, Lang::En) => {
            format!("the rule book has no 110 § deadline for a deficit arising in {year}")
        }
        (Missing::YearOutOfRange { year }, Lang::Fi) => {
            format!("vuodelle {year} ei ole mallinnettu lakia")
        }
        (Missing::YearOutOfRange { year }, Lang::En) => {
            format!("no law is modelled for {year}")
        }
    }
}

/// The years whose national `figure` some criterion lacks.
fn national_gaps(st: &Statutory, figure: NationalFigure) -> Vec<i32> {
    let mut ys: Vec<i32> = st
        .assessments
        .iter()
        .flat_map(|a| a.figures.iter())
        .filter_map(|c| match &c.value {
            Err(Missing::NoNationalFigure { year, figure: f }) if *f == figure => Some(*year),
            _ => None,
        })
        .collect();
    ys.sort_unstable();
    ys.dedup();
    ys
}

/// Footnotes numbered in the order they are first used.
struct Notes(Vec<String>);

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

fn mark(status: &Status) -> &'static str {
    match status {
        Status::Met => "✗",
        Status::NotMet => "✓",
        Status::NotMeasurable(_) => "–",
    }
}

fn status_cell(s: &Status, st: &Statutory, lang: Lang, notes: &mut Notes) -> String {
    match s {
        Status::NotMeasurable(m) => format!("– {}", notes.mark(missing(m, st, lang))),
        s => mark(s).to_string(),
    }
}

fn criterion_cell(c: &Criterion, st: &Statutory, lang: Lang, notes: &mut Notes) -> String {
    match &c.value {
        Ok(v) => format!("{} {}", number(*v, decimals(c.kind), lang), mark(&c.status)),
        Err(m) => format!("– {}", notes.mark(missing(m, st, lang))),
    }
}

fn title(ds: &Dataset, lang: Lang) -> String {
    let name = ds.municipality.clone().unwrap_or_else(|| ds.file.clone());
    format!(
        "{name} — {}",
        t(
            lang,
            "Kuntalaki 110 § ja 118 §",
            "Local Government Act 110 § and 118 §"
        )
    )
}

fn kind_of(st: &Statutory, y: i32) -> String {
    st.years
        .iter()
        .find(|(yy, _)| *yy == y)
        .map(|(_, k)| k.to_string())
        .unwrap_or_default()
}

/// The 110 § state of one year's accumulated surplus.
fn deficit_cell(st: &Statutory, y: i32, v: Decimal, lang: Lang) -> String {
    if v >= Decimal::ZERO {
        return "✓".into();
    }
    if st.deficits.flagged_years().contains(&y) {
        return t(
            lang,
            "✗ alijäämä määräajan jälkeen",
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
        Some((a, Some(d))) => match lang {
            Lang::Fi => format!("alijäämä, syntynyt {a}, katettava viimeistään {d}"),
            Lang::En => format!("deficit, arose {a}, to be covered by {d}"),
        },
        _ => t(lang, "alijäämä", "deficit").into(),
    }
}

fn episode_text(e: &Episode, st: &Statutory, lang: Lang) -> String {
    let fi = lang == Lang::Fi;
    let mut s = if fi {
        format!("syntynyt {}", e.arose)
    } else {
        format!("arose {}", e.arose)
    };
    if e.may_be_older {
        s += t(
            lang,
            " (sarjan alussa: voi olla vanhempi)",
            " (at the start of the series: may be older)",
        );
    }
    match &e.deadline {
        Ok(d) => {
            s += &if fi {
                format!(", määräaika {} ({})", d.effective, d.source)
            } else {
                format!(", deadline {} ({})", d.effective, d.source)
            };
            if let Some(x) = d.extendable_to.filter(|x| *x != d.effective) {
                s += &if fi {
                    format!(", 110 a §:n jatkolla {x}")
                } else {
                    format!(", {x} if extended under 110 a §")
                };
            }
        }
        Err(m) => s += &format!(": {}", missing(m, st, lang)),
    }
    s += ": ";
    s += &match (&e.outcome, fi) {
        (Outcome::Covered { year }, true) => format!("katettu {year} ✓"),
        (Outcome::Covered { year }, false) => format!("covered {year} ✓"),
        (
            Outcome::Missed {
                flagged,
                covered_late,
            },
            _,
        ) => {
            let ys = span(flagged);
            let late = covered_late.map(|y| {
                if fi {
                    format!(", katettu vasta {y}")
                } else {
                    format!(", covered only in {y}")
                }
            });
            let head = if fi {
                format!("✗ ei katettu määräaikaan mennessä; alijäämä taseessa {ys}")
            } else {
                format!("✗ not covered by the deadline; the deficit shows in {ys}")
            };
            head + &late.unwrap_or_default()
        }
        (Outcome::Open { last_year }, true) => {
            format!("kattamatta {last_year}, määräaika ei ole vielä kulunut")
        }
        (Outcome::Open { last_year }, false) => {
            format!("not covered by {last_year}, the deadline not yet reached")
        }
        (Outcome::Unknown(m), _) => format!("– {}", missing(m, st, lang)),
    };
    s
}

/// Years as "2030–2033" when consecutive, else listed.
fn span(ys: &[i32]) -> String {
    match (ys.first(), ys.last()) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) if (b - a) as usize + 1 == ys.len() => format!("{a}–{b}"),
        _ => ys.iter().map(i32::to_string).collect::<Vec<_>>().join(", "),
    }
}

fn eur(v: Decimal, lang: Lang) -> String {
    format!("{} €", number(v, 0, lang))
}

fn plan_text(st: &Statutory, lang: Lang, notes: &mut Notes) -> Option<String> {
    let p = st.plan.as_ref()?;
    let head = match lang {
        Lang::Fi => format!("Taloussuunnitelma {}–{}: ", p.first, p.last),
        Lang::En => format!("Financial plan {}–{}: ", p.first, p.last),
    };
    Some(
        head + &match (&p.balance, lang) {
            (Err(m), _) => format!("– {}", notes.mark(missing(m, st, lang))),
            (Ok(b), Lang::Fi) => format!(
                "tilikausien tulokset yhteensä {}, sallittu alijäämä enintään {} (kertynyt ylijäämä 31.12.{}): {}",
                eur(b.total, lang),
                eur(b.allowance, lang),
                p.allowance_year,
                if b.balanced {
                    "tasapainossa ✓"
                } else {
                    "ei tasapainossa ✗"
                }
            ),
            (Ok(b), Lang::En) => format!(
                "results summed {}, deficit allowed up to {} (accumulated surplus 31 Dec {}): {}",
                eur(b.total, lang),
                eur(b.allowance, lang),
                p.allowance_year,
                if b.balanced {
                    "balanced ✓"
                } else {
                    "not balanced ✗"
                }
            ),
        },
    )
}

fn deficit_section(
    st: &Statutory,
    lang: Lang,
    notes: &mut Notes,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        t(
            lang,
            "110 § Kertyneen alijäämän kattaminen (kunnan oma tase)",
            "110 § Covering an accumulated deficit (the municipality's own balance sheet)"
        )
    )?;
    let mut tb = Table::new(
        vec![
            t(lang, "Vuosi", "Year").into(),
            String::new(),
            t(lang, "Kertynyt yli-/alijäämä, €", "Accumulated surplus, €").into(),
            t(lang, "Tila", "Status").into(),
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
    }
    tb.write(out)?;
    if !st.deficits.episodes.is_empty() {
        writeln!(out, "{}", t(lang, "Alijäämät:", "Deficits:"))?;
        for e in &st.deficits.episodes {
            writeln!(out, "  {}", episode_text(e, st, lang))?;
        }
    }
    if let Some(p) = plan_text(st, lang, notes) {
        writeln!(out, "{p}")?;
    }
    Ok(())
}

/// The criteria of `a`'s own year, in the order of the law.
fn own_year(a: &Assessment) -> Vec<&Criterion> {
    a.deficit
        .iter()
        .chain(a.figures.iter())
        .filter(|c| c.year == a.year)
        .collect()
}

const KINDS: [CriterionKind; 5] = [
    CriterionKind::DeficitPerResident,
    CriterionKind::MarginToDepreciation,
    CriterionKind::TaxRateAboveAverage,
    CriterionKind::LoansToAverage,
    CriterionKind::DebtService,
];

fn assessment_section(
    st: &Statutory,
    lang: Lang,
    notes: &mut Notes,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        t(
            lang,
            "118 § Erityisen vaikeassa taloudellisessa asemassa olevan kunnan arviointimenettely (konsernin luvut)",
            "118 § The assessment procedure for a municipality in a particularly difficult financial position (group figures)"
        )
    )?;
    // The thresholds in the header are those of the latest assessment that
    // has criteria; a year judged by other thresholds would say so in the
    // rule book's sources below.
    let latest = st.assessments.iter().rev().find(|a| a.source.is_some());
    let mut headers: Vec<String> = vec![t(lang, "Vuosi", "Year").into(), String::new()];
    let mut legend = Vec::new();
    for k in KINDS {
        let own = latest.and_then(|a| own_year(a).into_iter().find(|c| c.kind == k));
        let th = own
            .map(|c| format!(" {} {}", comparison(k), threshold(c.threshold, lang)))
            .unwrap_or_default();
        headers.push(format!("{}{th}", short_name(k, lang)));
        legend.push(format!("{}: {}", short_name(k, lang), kind_name(k, lang)));
    }
    if let Some(prev) = latest.and_then(|a| a.deficit.first()) {
        legend[0] += &match lang {
            Lang::Fi => format!(", edellisenä vuonna ≥ {}", threshold(prev.threshold, lang)),
            Lang::En => format!(", the year before ≥ {}", threshold(prev.threshold, lang)),
        };
    }
    headers.extend([
        t(lang, "1 k.", "Gr. 1").into(),
        t(lang, "2 k.", "Gr. 2").into(),
        t(lang, "3 k.", "Gr. 3").into(),
        t(lang, "Menettely alkaisi", "Procedure would start").into(),
    ]);
    let mut align = vec![Align::Left, Align::Left];
    align.extend([Align::Right; 5]);
    align.extend([Align::Left; 4]);
    let mut tb = Table::new(headers, align);
    for a in &st.assessments {
        let mut row = vec![a.year.to_string(), kind_of(st, a.year)];
        let own = own_year(a);
        for k in KINDS {
            row.push(match own.iter().find(|c| c.kind == k) {
                Some(c) => criterion_cell(c, st, lang, notes),
                None => status_cell(&a.deficit_ground, st, lang, notes),
            });
        }
        for g in [&a.deadline_ground, &a.deficit_ground, &a.figures_ground] {
            row.push(status_cell(g, st, lang, notes));
        }
        row.push(match (&a.any, a.starts()) {
            (_, Some(y)) => format!("✗ {y}"),
            (Status::NotMet, None) => t(lang, "ei", "no").into(),
            (s, None) => status_cell(s, st, lang, notes),
        });
        tb.push(row);
    }
    tb.write(out)?;
    for l in legend {
        writeln!(out, "  {l}")?;
    }
    Ok(())
}

/// A threshold as the law writes it: no trailing zeros.
fn threshold(v: Decimal, lang: Lang) -> String {
    let v = v.normalize();
    number(v, v.scale(), lang)
}

/// Every source the years shown rest on, once.
fn sources(st: &Statutory, rules: &Rules) -> Vec<String> {
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

pub fn table(
    ds: &Dataset,
    st: &Statutory,
    rules: &Rules,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut notes = Notes(Vec::new());
    writeln!(out, "{}\n", title(ds, lang))?;
    deficit_section(st, lang, &mut notes, out)?;
    writeln!(out)?;
    assessment_section(st, lang, &mut notes, out)?;
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        t(
            lang,
            "✓ ei täyty   ✗ täyttyy (kriteeri tai peruste), määräaika ylitetty tai suunnitelma alijäämäinen   – ei mitattavissa. 1 k. = alijäämää ei katettu määräajassa, 2 k. = konsernin alijäämä €/as. kahtena vuonna, 3 k. = neljä tunnuslukua kahtena peräkkäisenä vuonna. Arviointi tehdään tilinpäätösvuotta seuraavana vuonna.",
            "✓ not met   ✗ met (criterion or ground), deadline missed or plan in deficit   – not measurable. Gr. 1 = deficit not covered in time, Gr. 2 = group deficit per resident in two years, Gr. 3 = all four figures two years running. The assessment is made in the year after the statements."
        )
    )?;
    writeln!(out, "{}", t(lang, "Lähteet:", "Sources:"))?;
    for s in sources(st, rules) {
        writeln!(out, "  {s}")?;
    }
    if !notes.0.is_empty() {
        writeln!(out, "{}", t(lang, "Huomautukset:", "Notes:"))?;
        for (i, n) in notes.0.iter().enumerate() {
            writeln!(out, "  [{}] {n}", i + 1)?;
        }
    }
    Ok(())
}

fn kind_str(k: Option<&YearKind>) -> String {
    k.map(ToString::to_string).unwrap_or_default()
}

fn status_id(s: &Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::NotMet => "not_met",
        Status::NotMeasurable(_) => "not_measurable",
    }
}

fn status_reason(s: &Status, st: &Statutory) -> String {
    match s {
        Status::NotMeasurable(m) => missing(m, st, Lang::En),
        _ => String::new(),
    }
}

/// One row per year and test: section, criterion, year, kind, value,
/// threshold, status, reason (in English, as JSON), start year.
pub fn csv(st: &Statutory, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv_out::Writer::from_writer(out);
    w.write_record([
        "section",
        "test",
        "year",
        "kind",
        "value",
        "threshold",
        "status",
        "reason",
        "detail",
    ])?;
    let kind = |y: i32| kind_str(st.years.iter().find(|(yy, _)| *yy == y).map(|(_, k)| k));
    for s in &st.surplus {
        let flagged = st.deficits.flagged_years().contains(&s.year);
        let (value, status, why) = match s.accumulated {
            Some(v) => (
                v.to_string(),
                if flagged { "met" } else { "not_met" },
                String::new(),
            ),
            None => {
                let m = Missing::Input {
                    year: s.year,
                    input: Input::AccumulatedSurplus,
                };
                (String::new(), "not_measurable", missing(&m, st, Lang::En))
            }
        };
        let detail = deadline_of(st, s.year)
            .map(|d| format!("deadline {d}"))
            .unwrap_or_default();
        w.write_record([
            "110",
            "accumulated_surplus",
            &s.year.to_string(),
            &kind(s.year),
            &value,
            "0",
            status,
            &why,
            &detail,
        ])?;
    }
    if let Some(p) = &st.plan {
        let (value, threshold, status, why) = match &p.balance {
            Ok(b) => (
                b.total.to_string(),
                (-b.allowance).to_string(),
                if b.balanced { "not_met" } else { "met" },
                String::new(),
            ),
            Err(m) => (
                String::new(),
                String::new(),
                "not_measurable",
                missing(m, st, Lang::En),
            ),
        };
        w.write_record([
            "110",
            "plan_balance",
            &p.last.to_string(),
            &kind(p.last),
            &value,
            &threshold,
            status,
            &why,
            &format!("plan {}-{}", p.first, p.last),
        ])?;
    }
    for a in &st.assessments {
        for c in a.deficit.iter().chain(a.figures.iter()) {
            let (value, why) = match &c.value {
                Ok(v) => (v.to_string(), String::new()),
                Err(m) => (String::new(), missing(m, st, Lang::En)),
            };
            w.write_record([
                "118",
                kind_id(c.kind),
                &c.year.to_string(),
                &kind(c.year),
                &value,
                &c.threshold.to_string(),
                status_id(&c.status),
                &why,
                &format!("assessed on {}", a.year),
            ])?;
        }
        for (name, g) in [
            ("ground_deadline", &a.deadline_ground),
            ("ground_deficit", &a.deficit_ground),
            ("ground_figures", &a.figures_ground),
            ("procedure", &a.any),
        ] {
            let detail = a
                .starts()
                .filter(|_| name == "procedure")
                .map(|y| format!("starts {y}"))
                .unwrap_or_default();
            w.write_record([
                "118",
                name,
                &a.year.to_string(),
                &kind(a.year),
                "",
                "",
                status_id(g),
                &status_reason(g, st),
                &detail,
            ])?;
        }
    }
    w.flush()
}

/// The deadline of the deficit a year's statements show, if any.
fn deadline_of(st: &Statutory, y: i32) -> Option<i32> {
    let v = st.surplus.iter().find(|s| s.year == y)?.accumulated?;
    if v >= Decimal::ZERO {
        return None;
    }
    st.deficits
        .episodes
        .iter()
        .filter(|e| e.arose <= y)
        .max_by_key(|e| e.arose)
        .and_then(|e| e.deadline.as_ref().ok().map(|d| d.effective))
}

fn dec(v: &Result<Decimal, Missing>) -> Value {
    match v {
        Ok(v) => json!(v.to_string()),
        Err(_) => Value::Null,
    }
}

fn status_json(s: &Status, st: &Statutory) -> Value {
    match s {
        Status::NotMeasurable(m) => {
            json!({"status": "not_measurable", "reason": missing(m, st, Lang::En)})
        }
        s => json!({"status": status_id(s)}),
    }
}

/// Amounts as strings of exact decimals, as the other JSON outputs.
pub fn json(ds: &Dataset, st: &Statutory, rules: &Rules, out: &mut dyn Write) -> io::Result<()> {
    let kind = |y: i32| kind_str(st.years.iter().find(|(yy, _)| *yy == y).map(|(_, k)| k));
    let years: Vec<Value> = st
        .surplus
        .iter()
        .map(|s| {
            json!({
                "year": s.year,
                "kind": kind(s.year),
                "accumulated_surplus": s.accumulated.map(|v| v.to_string()),
                "deficit_deadline": deadline_of(st, s.year),
                "past_deadline": st.deficits.flagged_years().contains(&s.year),
            })
        })
        .collect();
    let episodes: Vec<Value> = st
        .deficits
        .episodes
        .iter()
        .map(|e| {
            let (outcome, detail) = match &e.outcome {
                Outcome::Covered { year } => ("covered", json!({"year": year})),
                Outcome::Missed {
                    flagged,
                    covered_late,
                } => (
                    "missed",
                    json!({"flagged_years": flagged, "covered_late": covered_late}),
                ),
                Outcome::Open { last_year } => ("open", json!({"last_year": last_year})),
                Outcome::Unknown(m) => ("unknown", json!({"reason": missing(m, st, Lang::En)})),
            };
            json!({
                "arose": e.arose,
                "may_be_older": e.may_be_older,
                "deadline": e.deadline.as_ref().ok().map(|d| json!({
                    "statutory": d.statutory, "extendable_to": d.extendable_to,
                    "effective": d.effective, "source": d.source})),
                "deadline_reason": e.deadline.as_ref().err().map(|m| missing(m, st, Lang::En)),
                "outcome": outcome,
                "detail": detail,
            })
        })
        .collect();
    let plan = st.plan.as_ref().map(|p| {
        json!({
            "first": p.first, "last": p.last, "allowance_year": p.allowance_year,
            "total": p.balance.as_ref().ok().map(|b| b.total.to_string()),
            "allowance": p.balance.as_ref().ok().map(|b| b.allowance.to_string()),
            "balanced": p.balance.as_ref().ok().map(|b| b.balanced),
            "reason": p.balance.as_ref().err().map(|m| missing(m, st, Lang::En)),
        })
    });
    let assessments: Vec<Value> = st
        .assessments
        .iter()
        .map(|a| {
            let crit = |c: &Criterion| {
                let mut v = json!({
                    "criterion": kind_id(c.kind), "year": c.year, "value": dec(&c.value),
                    "comparison": comparison(c.kind), "threshold": c.threshold.to_string(),
                });
                if let (Some(o), Value::Object(status)) =
                    (v.as_object_mut(), status_json(&c.status, st))
                {
                    o.extend(status);
                }
                v
            };
            json!({
                "year": a.year, "kind": kind(a.year), "evaluation_year": a.evaluation_year,
                "source": a.source,
                "deficit": a.deficit.iter().map(crit).collect::<Vec<_>>(),
                "figures": a.figures.iter().map(crit).collect::<Vec<_>>(),
                "ground_deadline": status_json(&a.deadline_ground, st),
                "ground_deficit": status_json(&a.deficit_ground, st),
                "ground_figures": status_json(&a.figures_ground, st),
                "procedure": status_json(&a.any, st),
                "procedure_starts": a.starts(),
            })
        })
        .collect();
    let doc = json!({
        "municipality": ds.municipality,
        "file": ds.file,
        "section_110": {
            "years": years,
            "deficits": episodes,
            "flagged_years": st.deficits.flagged_years(),
            "plan": plan,
        },
        "section_118": assessments,
        "sources": sources(st, rules),
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
