//! The five indicators of the city strategy "Kestävä talous kivijalkana",
//! each with its formula and source, checked against the targets. A source
//! names what a reader can look up (the strategy, the law, the decree, the
//! published definition of a line or ratio), never a project file.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::dataset::{Dataset, Entity, YearKind};
use crate::model::price_index::PriceIndex;
use crate::model::ratios::{Ctx, Input, Measure, Unit};
use crate::model::reason::{Method, Reason};
use crate::model::rules::{self, Judged};
use crate::model::targets::{SalesGains, Targets};
use crate::report::format::Lang;

pub struct IndicatorDef {
    pub number: u8,
    pub id: &'static str,
    pub fi: &'static str,
    pub sv: &'static str,
    pub en: &'static str,
    pub target_fi: &'static str,
    pub target_sv: &'static str,
    pub target_en: &'static str,
    /// English with the statements' Finnish terms, as JSON and CSV carry it.
    pub formula: &'static str,
    pub formula_fi: &'static str,
    pub formula_sv: &'static str,
    pub source: &'static str,
    pub source_fi: &'static str,
    pub source_sv: &'static str,
    pub unit: Unit,
    pub decimals: u32,
}

impl IndicatorDef {
    pub fn formula_in(&self, lang: Lang) -> &'static str {
        lang.tr(self.formula_fi, self.formula_sv, self.formula)
    }
    pub fn source_in(&self, lang: Lang) -> &'static str {
        lang.tr(self.source_fi, self.source_sv, self.source)
    }
}

pub static INDICATORS: [IndicatorDef; 5] = [
    IndicatorDef {
        number: 1,
        id: "annual_margin_vs_net_investment",
        fi: "Vuosikate − nettoinvestoinnit",
        sv: "Årsbidrag − nettoinvesteringar",
        en: "Annual margin − net investment",
        target_fi: "Investoinnit vuosikatteen tasolla",
        target_sv: "Investeringarna på årsbidragets nivå",
        target_en: "Annual margin covers net investment",
        formula: "vuosikate − myyntivoitot − (investointimenot − rahoitusosuudet − luovutustulot) ≥ 0; also 100 × (vuosikate − myyntivoitot) / nettoinvestoinnit when net investment is positive (target annual_margin.min_coverage_pct, default 100 %); myyntivoitot = the net gains on sales of fixed assets (taustatiedot, from the notes), else −tulorahoituksen korjauserät, since net investment already deducts the whole sale price (annual_margin.sales_gains = \"included\" reads vuosikate alone)",
        formula_fi: "vuosikate − myyntivoitot − (investointimenot − rahoitusosuudet − luovutustulot) ≥ 0; lisäksi 100 × (vuosikate − myyntivoitot) / nettoinvestoinnit, kun nettoinvestoinnit ovat positiiviset (tavoite annual_margin.min_coverage_pct, oletus 100 %); myyntivoitot = pysyvien vastaavien luovutusvoitot netto (taustatiedot, liitetiedoista), muuten −tulorahoituksen korjauserät, koska nettoinvestoinneista on jo vähennetty koko myyntihinta (annual_margin.sales_gains = \"included\" lukee pelkän vuosikatteen)",
        formula_sv: "årsbidrag − försäljningsvinster − (investeringsutgifter − finansieringsandelar − överlåtelseinkomster) ≥ 0; dessutom 100 × (årsbidrag − försäljningsvinster) / nettoinvesteringar när nettoinvesteringarna är positiva (målet annual_margin.min_coverage_pct, standard 100 %); försäljningsvinster = försäljningsvinster av bestående aktiva, netto (bakgrundsuppgifter, ur noterna), annars −korrektivposter till internt tillförda medel, eftersom nettoinvesteringarna redan har minskats med hela försäljningspriset (annual_margin.sales_gains = \"included\" läser enbart årsbidraget)",
        source: "Heinola city strategy 3/2026, \"Kestävä talous kivijalkana\", indicator 1; vuosikate and nettoinvestoinnit as Statistics Finland's kta_004 definitions; tulorahoituksen korjauserät: rahoituslaskelma, VNa 525/2020 3 §",
        source_fi: "Heinolan kaupunkistrategia 3/2026, \"Kestävä talous kivijalkana\", indikaattori 1; vuosikate ja nettoinvestoinnit Tilastokeskuksen kta_004-määritelmin; tulorahoituksen korjauserät: rahoituslaskelma, VNa 525/2020 3 §",
        source_sv: "Heinola stads strategi 3/2026, \"Kestävä talous kivijalkana\" (Hållbar ekonomi som grund), indikator 1; årsbidrag och nettoinvesteringar enligt Statistikcentralens definitioner kta_004; korrektivposter till internt tillförda medel: finansieringsanalys, SRf 525/2020 3 §",
        unit: Unit::Eur,
        decimals: 0,
    },
    IndicatorDef {
        number: 2,
        id: "accumulated_surplus",
        fi: "Kertynyt ylijäämä",
        sv: "Ackumulerat överskott",
        en: "Accumulated surplus",
        target_fi: "Tase säilyy ylijäämäisenä",
        target_sv: "Balansräkningen förblir i överskott",
        target_en: "The balance sheet stays in surplus",
        formula: "edellisten tilikausien ylijäämä + tilikauden ylijäämä at 31.12. > 0; without a balance sheet for the year: last year's accumulated surplus + the income statement's tilikauden ylijäämä",
        formula_fi: "edellisten tilikausien ylijäämä + tilikauden ylijäämä 31.12. > 0; jos vuodelta ei ole tasetta: edellisen vuoden kertynyt ylijäämä + tuloslaskelman tilikauden ylijäämä",
        formula_sv: "överskott från tidigare räkenskapsperioder + räkenskapsperiodens överskott 31.12 > 0; utan balansräkning för året: föregående års ackumulerade överskott + räkenskapsperiodens överskott enligt resultaträkningen",
        source: "Heinola city strategy 3/2026, \"Kestävä talous kivijalkana\", indicator 2; kertynyt ylijäämä as Statistics Finland's kta_004 definitions; covering a deficit: Kuntalaki 410/2015 110 §",
        source_fi: "Heinolan kaupunkistrategia 3/2026, \"Kestävä talous kivijalkana\", indikaattori 2; kertynyt ylijäämä Tilastokeskuksen kta_004-määritelmin; alijäämän kattaminen: kuntalaki 410/2015 110 §",
        source_sv: "Heinola stads strategi 3/2026, \"Kestävä talous kivijalkana\" (Hållbar ekonomi som grund), indikator 2; ackumulerat överskott enligt Statistikcentralens definitioner kta_004; täckning av underskott: kommunallagen 410/2015 110 §",
        unit: Unit::Eur,
        decimals: 0,
    },
    IndicatorDef {
        number: 3,
        id: "net_cost_growth",
        fi: "Nettomenojen kasvu, %",
        sv: "Nettokostnadernas ökning, %",
        en: "Net cost growth, %",
        target_fi: "Enintään hintaindeksin muutos",
        target_sv: "Högst prisindexets förändring",
        target_en: "At most the change of the price index",
        formula: "100 × (nettomenot(t) / nettomenot(t−1) − 1) ≤ price index change of year t; nettomenot = −toimintakate; compared at one decimal, as printed; break years are not comparable unless a like-for-like base is given",
        formula_fi: "100 × (nettomenot(t) / nettomenot(t−1) − 1) ≤ hintaindeksin muutos vuonna t; nettomenot = −toimintakate; verrataan yhden desimaalin tarkkuudella, kuten julkaistaan; rakennemuutosvuodet eivät ole vertailukelpoisia ilman vertailukelpoista perustaa",
        formula_sv: "100 × (nettokostnader(t) / nettokostnader(t−1) − 1) ≤ prisindexets förändring år t; nettokostnader = −verksamhetsbidrag; jämförs med en decimal, som publicerat; år med strukturförändring är inte jämförbara utan en jämförbar bas",
        source: "Heinola city strategy 3/2026, \"Kestävä talous kivijalkana\", indicator 3; nettomenot as Statistics Finland's kta_004 definitions; default index: kuntien peruspalvelujen hintaindeksi (KPHI), Statistics Finland",
        source_fi: "Heinolan kaupunkistrategia 3/2026, \"Kestävä talous kivijalkana\", indikaattori 3; nettomenot Tilastokeskuksen kta_004-määritelmin; oletusindeksi: kuntien peruspalvelujen hintaindeksi (KPHI), Tilastokeskus",
        source_sv: "Heinola stads strategi 3/2026, \"Kestävä talous kivijalkana\" (Hållbar ekonomi som grund), indikator 3; nettokostnader enligt Statistikcentralens definitioner kta_004; standardindex: prisindex för kommunal basservice (KPHI), Statistikcentralen",
        unit: Unit::Percent,
        decimals: 1,
    },
    IndicatorDef {
        number: 4,
        id: "group_loans_per_resident",
        fi: "Konsernin lainat ja vastuut, €/asukas",
        sv: "Koncernens lån och hyresansvar, €/invånare",
        en: "Group loans and liabilities, €/resident",
        target_fi: "Ei kasva",
        target_sv: "Ökar inte",
        target_en: "Does not grow",
        formula: "(konsernin lainakanta + konsernin vuokravastuut) / asukasluku 31.12. ≤ the same a year earlier, compared in whole euros per resident; a break year of the group (group_loans.break_years, default 2023) only against a like-for-like base; beside it the change from the year before the strategy period (group_loans.base_year), and over the period the last year against that level",
        formula_fi: "(konsernin lainakanta + konsernin vuokravastuut) / asukasluku 31.12. ≤ sama vuotta aiemmin, täysinä euroina asukasta kohden verrattuna; konsernin rakennemuutosvuosi (group_loans.break_years, oletus 2023) vain vertailukelpoista perustaa vasten; rinnalla muutos strategiakautta edeltävästä vuodesta (group_loans.base_year) ja koko kaudelta viimeinen vuosi tähän tasoon verrattuna",
        formula_sv: "(koncernens lånestock + koncernens hyresansvar) / invånarantal 31.12 ≤ detsamma ett år tidigare, jämfört i hela euro per invånare; ett år med strukturförändring i koncernen (group_loans.break_years, standard 2023) endast mot en jämförbar bas; bredvid förändringen från året före strategiperioden (group_loans.base_year) och för hela perioden det sista året mot den nivån",
        source: "Heinola city strategy 3/2026, \"Kestävä talous kivijalkana\", indicator 4; lainakanta and vuokravastuut as Statistics Finland's kta_004 definitions",
        source_fi: "Heinolan kaupunkistrategia 3/2026, \"Kestävä talous kivijalkana\", indikaattori 4; lainakanta ja vuokravastuut Tilastokeskuksen kta_004-määritelmin",
        source_sv: "Heinola stads strategi 3/2026, \"Kestävä talous kivijalkana\" (Hållbar ekonomi som grund), indikator 4; lånestock och hyresansvar enligt Statistikcentralens definitioner kta_004",
        unit: Unit::EurPerResident,
        decimals: 0,
    },
    IndicatorDef {
        number: 5,
        id: "cumulative_cash_flow",
        fi: "Toiminnan ja investointien rahavirran kertymä",
        sv: "Verksamhetens och investeringarnas kassaflöde, ackumulerat",
        en: "Cumulative operating and investing cash flow",
        target_fi: "Kertymä positiivinen",
        target_sv: "Det ackumulerade beloppet är positivt",
        target_en: "The cumulative sum is positive",
        formula: "sum of toiminnan ja investointien rahavirta over the year and the four before (cash_flow.window_years) > 0",
        formula_fi: "toiminnan ja investointien rahavirran summa vuodelta ja neljältä sitä edeltävältä vuodelta (cash_flow.window_years) > 0",
        formula_sv: "summan av verksamhetens och investeringarnas kassaflöde för året och de fyra åren före (cash_flow.window_years) > 0",
        source: "Heinola city strategy 3/2026, \"Kestävä talous kivijalkana\", indicator 5; toiminnan ja investointien rahavirta: rahoituslaskelma, VNa 525/2020 (kunnan tilinpäätös)",
        source_fi: "Heinolan kaupunkistrategia 3/2026, \"Kestävä talous kivijalkana\", indikaattori 5; toiminnan ja investointien rahavirta: rahoituslaskelma, VNa 525/2020 (kunnan tilinpäätös)",
        source_sv: "Heinola stads strategi 3/2026, \"Kestävä talous kivijalkana\" (Hållbar ekonomi som grund), indikator 5; verksamhetens och investeringarnas kassaflöde: finansieringsanalys, SRf 525/2020 (kommunens bokslut)",
        unit: Unit::Eur,
        decimals: 0,
    },
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    Missed,
    NotMeasurable,
}

impl Status {
    pub fn fi(self) -> &'static str {
        match self {
            Status::Met => "toteutuu",
            Status::Missed => "ei toteudu",
            Status::NotMeasurable => "ei mitattavissa",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Missed => "missed",
            Status::NotMeasurable => "not measurable",
        }
    }
}

/// A supporting figure shown beside an indicator's value.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Detail {
    pub name: &'static str,
    pub value: Option<Decimal>,
    pub unit: Unit,
}

#[derive(Clone, Debug, Serialize)]
pub struct IndicatorValue {
    pub indicator: u8,
    pub id: &'static str,
    pub entity: Entity,
    /// The year, or for a span the last year of it.
    pub year: i32,
    /// The first year, for a span over several years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_year: Option<i32>,
    pub kind: Option<YearKind>,
    pub value: Option<Decimal>,
    pub unit: Unit,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// How the value was made, where it was not read directly.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<Method>,
    pub details: Vec<Detail>,
    pub inputs: Vec<Input>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Evaluation {
    pub municipality: String,
    pub years: Vec<(i32, YearKind)>,
    pub period: Option<(i32, i32)>,
    pub price_index: String,
    /// Whether indicator 1 counted gains on sales of fixed assets.
    pub sales_gains: SalesGains,
    pub values: Vec<IndicatorValue>,
    /// Indicators 1 and 5 over the strategy period.
    pub spans: Vec<IndicatorValue>,
}

/// A rule's judgement, and how the value was made where it was not read
/// directly (a statement year's own note).
struct Outcome {
    judged: Judged,
    method: Option<Method>,
}

impl From<Judged> for Outcome {
    fn from(judged: Judged) -> Self {
        Outcome {
            judged,
            method: None,
        }
    }
}

// A statement year's figures for each rule of `rules`, read from the
// dataset through the context (which lists them as the value's inputs).

/// Indicator 1 for one year.
fn annual_margin(c: &Ctx, y: i32) -> Outcome {
    let e: Entity = c.targets.annual_margin.entity.into();
    let mut method = None;
    let judged = rules::annual_margin(
        c.vuosikate(e, y),
        || sales_gains(c, e, y, &mut method),
        c.nettoinvestoinnit(e, y),
        c.targets,
    );
    Outcome { judged, method }
}

/// The year's net gains on sales of fixed assets: the background sheet's
/// figure (from the notes), else the cash flow statement's tulorahoituksen
/// korjauserät taken as them, with a note where they are not zero: the
/// line mostly holds the gains (negative) and losses, but may hold changes
/// of provisions too.
pub fn sales_gains(c: &Ctx, e: Entity, y: i32, method: &mut Option<Method>) -> Measure {
    if e == Entity::City
        && let Some(g) = c.line(Entity::City, "bg.luovutusvoitot", y)
    {
        return Ok(g);
    }
    let k = c.korjauserat(e, y)?;
    if !k.is_zero() {
        *method = Some(Method::GainsFromAdjustments { entity: e });
    }
    Ok(-k)
}

/// Indicator 2 for one year; rolls forward from the last balance sheet when
/// the year has none (budget and plan years).
fn accumulated_surplus(c: &Ctx, y: i32) -> Outcome {
    let e: Entity = c.targets.accumulated_surplus.entity.into();
    let (value, method) = match c.accumulated_surplus(e, y) {
        Ok((v, m)) => (Ok(v), m),
        Err(r) => (Err(r), None),
    };
    Outcome {
        judged: rules::accumulated_surplus(value, || c.population(y), c.targets),
        method,
    }
}

fn net_cost(c: &Ctx, e: Entity, y: i32) -> Measure {
    Ok(-c.need(e, "tl.toimintakate", y)?)
}

/// Indicator 3 for one year.
fn net_cost_growth(c: &Ctx, pi: &PriceIndex, y: i32) -> Outcome {
    let e: Entity = c.targets.net_cost_growth.entity.into();
    let method =
        (c.targets.adjusted_base(y)).map(|base| Method::LikeForLikeBase { year: y - 1, base });
    let index = pi.change(y).ok_or_else(|| Reason::PriceIndexMissing {
        year: y,
        index: pi.name.clone(),
    });
    let now = net_cost(c, e, y);
    Outcome {
        judged: rules::net_cost_growth(y, now, || net_cost(c, e, y - 1), index, c.targets),
        method,
    }
}

/// Group loans and liabilities per resident in a year, as indicator 4 reads
/// them (the start of a simulated path is compared with this).
pub fn group_per_resident(c: &Ctx, y: i32) -> Measure {
    rules::per_resident(&group_loans(c, y, &mut None), || c.population(y))
}

/// Group loans and lease liabilities for a year, from the group balance
/// sheet, or for budget and plan years from the background sheet's estimate.
fn group_loans(c: &Ctx, y: i32, method: &mut Option<Method>) -> Measure {
    let loans = c.group_loans(y).map(|(v, m)| {
        *method = m;
        v
    });
    rules::group_debt(loans, || c.vuokravastuut(Entity::Group, y), c.targets)
}

/// Indicator 4 for one year, beside it the change from `base`'s level.
fn group_loans_per_resident(c: &Ctx, y: i32, base: Option<i32>) -> Outcome {
    let mut method = None;
    let debt = group_loans(c, y, &mut method);
    let now = rules::per_resident(&debt, || c.population(y));
    let mut m_prev = None;
    let (prev, m_break) = rules::group_previous(
        y,
        c.targets,
        || rules::per_resident(&group_loans(c, y - 1, &mut m_prev), || c.population(y - 1)),
        || c.population(y - 1),
    );
    let since_base = base.filter(|b| *b < y).map(|b| base_level(c, b, y));
    Outcome {
        judged: rules::group_loans_per_resident(&debt, now, prev, since_base),
        method: method.or(m_break).or(m_prev),
    }
}

/// The group's loans and liabilities per resident in the base year, as the
/// level `y` is compared with; a break year between them makes the two
/// incomparable.
fn base_level(c: &Ctx, base: i32, y: i32) -> Measure {
    let breaks = &c.targets.group_loans.break_years;
    if let Some(&year) = breaks.iter().find(|b| **b > base && **b <= y) {
        return Err(Reason::GroupBreakYear { year });
    }
    group_per_resident(c, base)
}

/// Indicator 4 over the strategy: the last year's level against the base
/// year's, by the same rule as a year against the year before.
fn group_span(c: &Ctx, base: i32, last: i32) -> Outcome {
    let mut method = None;
    let debt = group_loans(c, last, &mut method);
    let now = rules::per_resident(&debt, || c.population(last));
    let level = base_level(c, base, last);
    let mut judged = rules::group_loans_per_resident(&debt, now, level, None);
    // Against the base year, not the year before: the details say so.
    for (d, name) in judged.details.iter_mut().zip([
        "lainat_ja_vastuut",
        "lahtotaso_per_asukas",
        "muutos_lahtotasosta_per_asukas",
    ]) {
        if let Some(d) = d {
            d.name = name;
        }
    }
    Outcome { judged, method }
}

/// The year indicator 4's level is compared with over the strategy: the
/// targets' `group_loans.base_year`, else the year before the period.
pub fn base_year(targets: &Targets, period: Option<(i32, i32)>) -> Option<i32> {
    (targets.group_loans.base_year).or(period.map(|(a, _)| a - 1))
}

/// Indicator 5 for one year.
fn cumulative_cash_flow(c: &Ctx, y: i32) -> Outcome {
    let s = &c.targets.cash_flow;
    let e: Entity = s.entity.into();
    let sum = c.ti_kertyma(e, y, s.window_years);
    rules::cumulative_cash_flow(sum, c.ti_rahavirta(e, y), c.targets).into()
}

fn finish(
    c: &Ctx,
    def: &IndicatorDef,
    entity: Entity,
    year: i32,
    from_year: Option<i32>,
    o: Outcome,
) -> IndicatorValue {
    let status = o.judged.status();
    let (value, reason) = match o.judged.value {
        Ok(v) => (Some(v), None),
        Err(w) => (None, Some(w)),
    };
    IndicatorValue {
        indicator: def.number,
        id: def.id,
        entity,
        year,
        from_year,
        kind: if from_year.is_some() {
            None
        } else {
            c.ds.kind(year)
        },
        value,
        unit: def.unit,
        status,
        reason,
        method: o.method,
        details: o.judged.details.into_iter().flatten().collect(),
        inputs: c.take_inputs(),
    }
}

/// The strategy period: from the targets, or else the budget and plan years
/// (projected years extend a forecast, not the strategy period).
pub fn period(ds: &Dataset, targets: &Targets) -> Option<(i32, i32)> {
    if let Some(p) = &targets.period {
        return Some((p.start, p.end));
    }
    let plan: Vec<i32> = ds
        .years
        .iter()
        .filter(|(_, k)| matches!(**k, YearKind::TA | YearKind::TS))
        .map(|(y, _)| *y)
        .collect();
    Some((*plan.first()?, *plan.last()?))
}

pub fn evaluate(ds: &Dataset, targets: &Targets, pi: &PriceIndex) -> Evaluation {
    evaluate_with(Ctx::new(ds, targets), pi, None)
}

/// The same, without keeping each value's input figures (simulated paths).
pub fn evaluate_quiet(ds: &Dataset, targets: &Targets, pi: &PriceIndex) -> Evaluation {
    evaluate_with(Ctx::quiet(ds, targets), pi, None)
}

/// Only the years from `first` on, without the strategy-period sums and
/// without keeping input figures: a simulated path's projected years.
pub fn evaluate_from(ds: &Dataset, targets: &Targets, pi: &PriceIndex, first: i32) -> Evaluation {
    evaluate_with(Ctx::quiet(ds, targets), pi, Some(first))
}

fn evaluate_with(c: Ctx, pi: &PriceIndex, first: Option<i32>) -> Evaluation {
    let (ds, targets) = (c.ds, c.targets);
    let period = period(ds, targets);
    let base = base_year(targets, period);
    let mut values = Vec::new();
    for &y in ds.years.keys().filter(|y| first.is_none_or(|f| **y >= f)) {
        c.take_inputs();
        let o = annual_margin(&c, y);
        values.push(finish(
            &c,
            &INDICATORS[0],
            targets.annual_margin.entity.into(),
            y,
            None,
            o,
        ));
        let o = accumulated_surplus(&c, y);
        values.push(finish(
            &c,
            &INDICATORS[1],
            targets.accumulated_surplus.entity.into(),
            y,
            None,
            o,
        ));
        let o = net_cost_growth(&c, pi, y);
        values.push(finish(
            &c,
            &INDICATORS[2],
            targets.net_cost_growth.entity.into(),
            y,
            None,
            o,
        ));
        let o = group_loans_per_resident(&c, y, base);
        values.push(finish(&c, &INDICATORS[3], Entity::Group, y, None, o));
        let o = cumulative_cash_flow(&c, y);
        values.push(finish(
            &c,
            &INDICATORS[4],
            targets.cash_flow.entity.into(),
            y,
            None,
            o,
        ));
    }

    let mut spans = Vec::new();
    if let (Some((a, b)), None) = (period, first) {
        c.take_inputs();
        let e1: Entity = targets.annual_margin.entity.into();
        let excluded = targets.annual_margin.sales_gains == SalesGains::Excluded;
        let (mut vk, mut kj, mut ni) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        let mut missing = Vec::<i32>::new();
        let mut span_method = None;
        for y in a..=b {
            let k = if excluded {
                sales_gains(&c, e1, y, &mut span_method)
            } else {
                Ok(Decimal::ZERO)
            };
            match (c.vuosikate(e1, y), k, c.nettoinvestoinnit(e1, y)) {
                (Ok(v), Ok(k), Ok(n)) => {
                    vk += v;
                    kj += k;
                    ni += n;
                }
                _ => missing.push(y),
            }
        }
        // The rule of a year, over the period's sums.
        let sum = |v: Decimal| {
            if missing.is_empty() {
                Ok(v)
            } else {
                Err(Reason::FiguresMissing {
                    years: missing.clone(),
                })
            }
        };
        let judged = rules::annual_margin(sum(vk), || sum(kj), sum(ni), targets);
        let o = Outcome {
            judged,
            method: span_method,
        };
        spans.push(finish(&c, &INDICATORS[0], e1, b, Some(a), o));

        if let Some(base) = base {
            let o = group_span(&c, base, b);
            spans.push(finish(&c, &INDICATORS[3], Entity::Group, b, Some(base), o));
        }

        let e5: Entity = targets.cash_flow.entity.into();
        let window = (b - a + 1) as u32;
        let sum = c.ti_kertyma(e5, b, window);
        let mut judged = rules::cumulative_cash_flow(sum, Ok(Decimal::ZERO), targets);
        // A period's sum has no single year's flow to show beside it.
        judged.details = Default::default();
        let o = judged.into();
        spans.push(finish(&c, &INDICATORS[4], e5, b, Some(a), o));
    }

    Evaluation {
        municipality: ds.name().to_string(),
        years: ds.years.iter().map(|(y, k)| (*y, *k)).collect(),
        period,
        price_index: pi.name.clone(),
        sales_gains: targets.annual_margin.sales_gains,
        values,
        spans,
    }
}
