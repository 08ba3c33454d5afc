//! Key ratios (tunnusluvut), each defined once with its formula and source
//! (the published definition or the law a reader can look up), and the
//! measures the indicators share with them.
//!
//! A figure that cannot be computed is `Err(reason)`, never zero: a missing
//! line, a zero denominator or missing population is named.

use std::cell::RefCell;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::Location;
use crate::model::dataset::{Dataset, Entity, Gap};
use crate::model::items;
use crate::model::reason::{Denominator, Method, Reason};
use crate::model::rules;
use crate::model::targets::Targets;
use crate::report::format::Lang;

pub type Measure = Result<Decimal, Reason>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Eur,
    EurPerResident,
    Percent,
    Ratio,
    Days,
    Residents,
}

impl Unit {
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::Eur => "€",
            Unit::EurPerResident => "€/as.",
            Unit::Percent => "%",
            Unit::Ratio => "",
            Unit::Days => "pv",
            Unit::Residents => "as.",
        }
    }
    pub fn symbol_en(self) -> &'static str {
        match self {
            Unit::EurPerResident => "€/resident",
            Unit::Days => "days",
            Unit::Residents => "residents",
            u => u.symbol(),
        }
    }
}

/// A figure used in a computation, with its cell: how a number was made.
#[derive(Clone, Debug, Serialize)]
pub struct Input {
    pub entity: Entity,
    pub item: &'static str,
    pub label: &'static str,
    pub year: i32,
    pub value: Decimal,
    pub cell: Location,
}

/// The computations over one municipality's figures. Records every figure it
/// reads so a result can list its inputs.
pub struct Ctx<'a> {
    pub ds: &'a Dataset,
    pub targets: &'a Targets,
    used: RefCell<Vec<Input>>,
    /// Whether to keep the figures read (for "explain" outputs); off for
    /// simulated paths, whose inputs nobody reads.
    record: bool,
}

impl<'a> Ctx<'a> {
    pub fn new(ds: &'a Dataset, targets: &'a Targets) -> Self {
        Ctx {
            ds,
            targets,
            used: RefCell::new(Vec::new()),
            record: true,
        }
    }

    /// A context that does not keep the figures it reads.
    pub fn quiet(ds: &'a Dataset, targets: &'a Targets) -> Self {
        Ctx {
            record: false,
            ..Ctx::new(ds, targets)
        }
    }

    /// Starts recording afresh; returns what was recorded since the last call.
    pub fn take_inputs(&self) -> Vec<Input> {
        let mut v = std::mem::take(&mut *self.used.borrow_mut());
        v.sort_by_key(|a| (a.year, items::order(a.item)));
        v.dedup_by(|a, b| a.item == b.item && a.year == b.year && a.entity == b.entity);
        v
    }

    /// The line as printed, or as the sum of a complete set of its lines
    /// (`Dataset::resolve`), recording the figures used.
    pub fn resolve(&self, e: Entity, id: &str, y: i32) -> Result<Decimal, Gap> {
        if !self.record {
            return self.ds.resolve(e, id, y, None);
        }
        let mut figures = Vec::new();
        let r = self.ds.resolve(e, id, y, Some(&mut figures));
        let mut used = self.used.borrow_mut();
        for (item, f) in figures {
            let def = items::item(item);
            used.push(Input {
                entity: e,
                item: def.id,
                label: def.fi,
                year: y,
                value: f.value,
                cell: f.source.clone(),
            });
        }
        r
    }

    /// The line, or the sum of a complete set of its sub-lines; `None` when
    /// neither is there.
    pub fn line(&self, e: Entity, id: &str, y: i32) -> Option<Decimal> {
        self.resolve(e, id, y).ok()
    }

    /// A line the computation cannot do without.
    pub fn need(&self, e: Entity, id: &str, y: i32) -> Measure {
        self.resolve(e, id, y).map_err(|gap| missing(e, id, y, gap))
    }

    /// A detail line that is simply not printed when it is zero. A line that
    /// is there only in part is not zero: it is not measurable.
    pub fn opt(&self, e: Entity, id: &str, y: i32) -> Measure {
        match self.resolve(e, id, y) {
            Ok(v) => Ok(v),
            Err(Gap::Absent) => Ok(Decimal::ZERO),
            Err(gap) => Err(missing(e, id, y, gap)),
        }
    }

    pub fn population(&self, y: i32) -> Measure {
        rules::population(y, self.line(Entity::City, "bg.asukasluku", y))
    }

    /// Either statement's: `Dataset::resolve` takes the cash flow
    /// statement's vuosikate where the income statement has none.
    pub fn vuosikate(&self, e: Entity, y: i32) -> Measure {
        self.need(e, "tl.vuosikate", y)
    }

    /// Depreciation and impairment as a positive amount, without the group's
    /// ownership elimination differences (as Helsinki and Statistics Finland).
    pub fn poistot(&self, e: Entity, y: i32) -> Measure {
        let mut p = self.need(e, "tl.poistot_ja_arvonalentumiset", y)?;
        if self
            .ds
            .get(e, "tl.poistot_ja_arvonalentumiset", y)
            .is_some()
        {
            p -= self.opt(e, "tl.omistuksen_eliminointierot", y)?;
        }
        Ok(p.abs())
    }

    /// Investointien omahankintameno = investointimenot − rahoitusosuudet.
    pub fn omahankintameno(&self, e: Entity, y: i32) -> Measure {
        Ok(self.need(e, "rl.investointimenot", y)?.abs() - self.opt(e, "rl.rahoitusosuudet", y)?)
    }

    /// Tulorahoituksen korjauserät (rahoituslaskelma, VNa 525/2020 3 §):
    /// mostly gains (−) and losses (+) on sales of fixed assets; a cash flow
    /// statement without the line has none.
    pub fn korjauserat(&self, e: Entity, y: i32) -> Measure {
        self.opt(e, "rl.tulorahoituksen_korjauserat", y)
    }

    /// Nettoinvestoinnit, read from the cash flow statement (`rules::net_investment`).
    pub fn nettoinvestoinnit(&self, e: Entity, y: i32) -> Measure {
        let gross = self.need(e, "rl.investointimenot", y)?;
        let subsidies = self.opt(e, "rl.rahoitusosuudet", y)?;
        Ok(rules::net_investment(
            gross,
            subsidies,
            self.opt(e, "rl.luovutustulot", y)?,
        ))
    }

    /// Whether any line directly under `id` is printed.
    fn itemised(&self, e: Entity, id: &str, y: i32) -> bool {
        items::children(id).any(|c| self.ds.get(e, c.id, y).is_some())
    }

    /// Lainakanta = vieras pääoma − (saadut ennakot, ostovelat, siirtovelat
    /// and muut velat), and in a condensed group balance sheet, less the
    /// interest-free liabilities.
    pub fn lainakanta(&self, e: Entity, y: i32) -> Measure {
        let vp = self.need(e, "ta.vieras_paaoma", y)?;
        let itemised = items::children("ta.vieras_paaoma")
            .any(|c| self.ds.get(e, c.id, y).is_some() || self.itemised(e, c.id, y));
        if !itemised {
            return Err(Reason::DebtNotItemised { entity: e, year: y });
        }
        // A long- or short-term total printed without its lines hides the
        // interest-free liabilities the loan stock leaves out.
        for section in ["ta.pitkaaikainen", "ta.lyhytaikainen"] {
            let printed = self
                .ds
                .get(e, section, y)
                .is_some_and(|f| !f.value.is_zero());
            if printed && !self.itemised(e, section, y) {
                return Err(Reason::SectionNotItemised {
                    entity: e,
                    section,
                    year: y,
                });
            }
        }
        let interest_free = [
            "ta.pa_saadut_ennakot",
            "ta.pa_ostovelat",
            "ta.pa_muut_velat",
            "ta.pa_siirtovelat",
            "ta.la_saadut_ennakot",
            "ta.la_ostovelat",
            "ta.la_muut_velat",
            "ta.la_siirtovelat",
            "ta.pa_koroton",
            "ta.la_koroton",
            "ta.laskennalliset_verovelat",
        ];
        let mut free = Decimal::ZERO;
        for id in interest_free {
            free += self.opt(e, id, y)?;
        }
        Ok(vp - free)
    }

    /// Lainasaamiset 31.12. = the loans receivable among the investments
    /// (joukkovelkakirjalainasaamiset + muut lainasaamiset), as the ratio
    /// tables print it; the short-term receivables' loans are not in it.
    pub fn lainasaamiset(&self, e: Entity, y: i32) -> Measure {
        use crate::model::items::Statement;
        if !self.ds.has_year_data(e, Statement::Tase, y) {
            return Err(Reason::NoBalanceSheet { entity: e, year: y });
        }
        let parts = ["ta.jvk_saamiset", "ta.muut_lainasaamiset"];
        let itemised = self.itemised(e, "ta.sijoitukset", y);
        // Read through the context, so a loan line missing from a
        // sijoitukset that no longer adds up marks the figure.
        let sijoitukset = self.line(e, "ta.sijoitukset", y);
        if !itemised && sijoitukset.is_some_and(|v| !v.is_zero()) {
            return Err(Reason::InvestmentsNotItemised { entity: e, year: y });
        }
        let mut sum = Decimal::ZERO;
        for id in parts {
            sum += self.opt(e, id, y)?;
        }
        Ok(sum)
    }

    pub fn vuokravastuut(&self, e: Entity, y: i32) -> Measure {
        let id = match e {
            Entity::City => "bg.vuokravastuut",
            Entity::Group => "bg.konsernin_vuokravastuut",
        };
        self.need(Entity::City, id, y)
    }

    /// The accumulated surplus from the year's balance sheet, or for a year
    /// without one (budget and plan years) the latest balance sheet's before
    /// it rolled forward by the years' tilikauden ylijäämä, with that method:
    /// as indicator 2 and 110 § read it.
    pub fn accumulated_surplus(
        &self,
        e: Entity,
        y: i32,
    ) -> Result<(Decimal, Option<Method>), Reason> {
        use crate::model::items::Statement;
        if self.ds.has_year_data(e, Statement::Tase, y) {
            return Ok((self.kertynyt_ylijaama(e, y)?, None));
        }
        let base = (self.ds.years.keys().rev().copied())
            .find(|b| *b < y && self.ds.has_year_data(e, Statement::Tase, *b))
            .ok_or(Reason::NoBalanceSheetSince { entity: e, year: y })?;
        let mut acc = self.kertynyt_ylijaama(e, base)?;
        for yy in base + 1..=y {
            acc += self.need(e, "tl.tilikauden_ylijaama", yy)?;
        }
        Ok((acc, Some(Method::RolledForward { from: base })))
    }

    /// The group's loans from its balance sheet, or for a year without one
    /// the background sheet's estimate (projected, when the projection wrote
    /// it), with that method: as indicator 4 and 118 § read them.
    pub fn group_loans(&self, y: i32) -> Result<(Decimal, Option<Method>), Reason> {
        use crate::model::items::Statement;
        if self.ds.has_year_data(Entity::Group, Statement::Tase, y) {
            return Ok((self.lainakanta(Entity::Group, y)?, None));
        }
        let id = "bg.konsernin_lainakanta";
        let v = (self.line(Entity::City, id, y)).ok_or(Reason::NoGroupLoans { year: y })?;
        let projected =
            (self.ds.get(Entity::City, id, y)).is_some_and(|f| f.source.sheet.is_none());
        Ok((
            v,
            Some(if projected {
                Method::GroupLoansProjected
            } else {
                Method::GroupLoansEstimated
            }),
        ))
    }

    pub fn kertynyt_ylijaama(&self, e: Entity, y: i32) -> Measure {
        let prev = self.need(e, "ta.edellisten_ylijaama", y)?;
        Ok(prev + self.need(e, "ta.tilikauden_ylijaama", y)?)
    }

    pub fn rahavarat(&self, e: Entity, y: i32) -> Measure {
        if let Some(v) = self.line(e, "rl.rahavarat_31_12", y) {
            return Ok(v);
        }
        // The balance sheet's cash: the bank line is always printed, the
        // securities only when there are any.
        let bank = self
            .need(e, "ta.rahat_ja_pankkisaamiset", y)
            .map_err(|why| Reason::CashMissing {
                entity: e,
                year: y,
                why: Box::new(why),
            })?;
        Ok(bank + self.opt(e, "ta.rahoitusarvopaperit", y)?)
    }

    pub fn ti_rahavirta(&self, e: Entity, y: i32) -> Measure {
        self.need(e, "rl.toiminnan_ja_investointien_rahavirta", y)
    }

    /// Sum of T+I cash flow over `window` years ending with `y`.
    pub fn ti_kertyma(&self, e: Entity, y: i32, window: u32) -> Measure {
        rules::window_sum(e, y, window, |yy| self.ti_rahavirta(e, yy))
    }
}

/// Why a line has no value.
fn missing(e: Entity, id: &str, y: i32, gap: Gap) -> Reason {
    let line = items::item(id).id;
    match gap {
        Gap::Absent => Reason::LineMissing {
            entity: e,
            line,
            year: y,
        },
        Gap::Part(part) => Reason::LinePartMissing {
            entity: e,
            line,
            year: y,
            part: items::item(part).id,
        },
    }
}

pub fn div(num: Decimal, den: Decimal, what: Denominator) -> Measure {
    if den.is_zero() {
        Err(Reason::Zero(what))
    } else {
        num.checked_div(den).ok_or(Reason::Overflow(what))
    }
}

pub fn pct(num: Decimal, den: Decimal, what: Denominator) -> Measure {
    Ok(div(num, den, what)? * Decimal::ONE_HUNDRED)
}

pub struct RatioDef {
    pub id: &'static str,
    pub fi: &'static str,
    /// The name in Swedish Statistics Finland's key-ratio tables use.
    pub sv: &'static str,
    pub en: &'static str,
    /// English with the statements' Finnish terms, as JSON and CSV carry it.
    pub formula: &'static str,
    pub formula_fi: &'static str,
    pub formula_sv: &'static str,
    pub source: &'static str,
    pub source_fi: &'static str,
    pub source_sv: &'static str,
    pub unit: Unit,
    /// Decimals as published; reports round half away from zero to these.
    pub decimals: u32,
    pub compute: fn(&Ctx, Entity, i32) -> Measure,
}

impl RatioDef {
    pub fn formula_in(&self, lang: Lang) -> &'static str {
        lang.tr(self.formula_fi, self.formula_sv, self.formula)
    }
    pub fn source_in(&self, lang: Lang) -> &'static str {
        lang.tr(self.source_fi, self.source_sv, self.source)
    }
}

const KTA: &str = "Statistics Finland, kta_004 definitions";
const KTA_FI: &str = "Tilastokeskus, kta_004-määritelmät";
const KTA_SV: &str = "Statistikcentralen, definitioner kta_004";

pub static RATIOS: &[RatioDef] = &[
    RatioDef {
        id: "toimintatuotot_pct_toimintakuluista",
        fi: "Toimintatuotot / toimintakulut, %",
        sv: "Verksamhetsintäkter / verksamhetskostnader, %",
        en: "Operating income / operating expenses, %",
        formula: "100 × toimintatuotot / (toimintakulut − valmistus omaan käyttöön)",
        formula_fi: "100 × toimintatuotot / (toimintakulut − valmistus omaan käyttöön)",
        formula_sv: "100 × verksamhetsintäkter / (verksamhetskostnader − tillverkning för eget bruk)",
        source: KTA,
        source_fi: KTA_FI,
        source_sv: KTA_SV,
        unit: Unit::Percent,
        decimals: 1,
        compute: |c, e, y| {
            let tuotot = c.need(e, "tl.toimintatuotot", y)?;
            let kulut = c.need(e, "tl.toimintakulut", y)?.abs()
                - c.opt(e, "tl.valmistus_omaan_kayttoon", y)?;
            pct(
                tuotot,
                kulut,
                Denominator::Term("toimintakulut − valmistus omaan käyttöön"),
            )
        },
    },
    RatioDef {
        id: "vuosikate_pct_poistoista",
        fi: "Vuosikate / poistot, %",
        sv: "Årsbidrag / avskrivningar, %",
        en: "Annual margin / depreciation, %",
        formula: "100 × vuosikate / poistot ja arvonalentumiset (without omistuksen eliminointierot)",
        formula_fi: "100 × vuosikate / poistot ja arvonalentumiset (ilman omistuksen eliminointieroja)",
        formula_sv: "100 × årsbidrag / avskrivningar och nedskrivningar (utan elimineringsdifferenser)",
        source: KTA,
        source_fi: KTA_FI,
        source_sv: KTA_SV,
        unit: Unit::Percent,
        decimals: 1,
        compute: |c, e, y| {
            pct(
                c.vuosikate(e, y)?,
                c.poistot(e, y)?,
                Denominator::Term("poistot ja arvonalentumiset"),
            )
        },
    },
    RatioDef {
        id: "vuosikate_per_asukas",
        fi: "Vuosikate, €/asukas",
        sv: "Årsbidrag, €/invånare",
        en: "Annual margin, €/resident",
        formula: "vuosikate / asukasluku 31.12.",
        formula_fi: "vuosikate / asukasluku 31.12.",
        formula_sv: "årsbidrag / invånarantal 31.12",
        source: KTA,
        source_fi: KTA_FI,
        source_sv: KTA_SV,
        unit: Unit::EurPerResident,
        decimals: 0,
        compute: |c, e, y| per_resident(c, c.vuosikate(e, y)?, y),
    },
    RatioDef {
        id: "nettomenot_per_asukas",
        fi: "Nettomenot, €/asukas",
        sv: "Nettokostnader, €/invånare",
        en: "Net operating cost, €/resident",
        formula: "−toimintakate / asukasluku 31.12.",
        formula_fi: "−toimintakate / asukasluku 31.12.",
        formula_sv: "−verksamhetsbidrag / invånarantal 31.12",
        source: KTA,
        source_fi: KTA_FI,
        source_sv: KTA_SV,
        unit: Unit::EurPerResident,
        decimals: 0,
        compute: |c, e, y| per_resident(c, -c.need(e, "tl.toimintakate", y)?, y),
    },
    RatioDef {
        id: "verotulot_per_asukas",
        fi: "Verotulot, €/asukas",
        sv: "Skatteinkomster, €/invånare",
        en: "Tax revenue, €/resident",
        formula: "verotulot / asukasluku 31.12.",
        formula_fi: "verotulot / asukasluku 31.12.",
        formula_sv: "skatteinkomster / invånarantal 31.12",
        source: KTA,
        source_fi: KTA_FI,
        source_sv: KTA_SV,
        unit: Unit::EurPerResident,
        decimals: 0,
        compute: |c, e, y| per_resident(c, c.need(e, "tl.verotulot", y)?, y),
    },
    RatioDef {
        id: "valtionosuudet_per_asukas",
        fi: "Valtionosuudet, €/asukas",
        sv: "Statsandelar, €/invånare",
        en: "State subsidies, €/resident",
        formula: "valtionosuudet / asukasluku 31.12.",
        formula_fi: "valtionosuudet / asukasluku 31.12.",
        formula_sv: "statsandelar / invånarantal 31.12",
        source: KTA,
        source_fi: KTA_FI,
        source_sv: KTA_SV,
        unit: Unit::EurPerResident,
        decimals: 0,
        compute: |c, e, y| per_resident(c, c.need(e, "tl.valtionosuudet", y)?, y),
    },
    RatioDef {
        id: "nettoinvestoinnit",
        fi: "Nettoinvestoinnit, €",
        sv: "Nettoinvesteringar, €",
        en: "Net investment, €",
        formula: "investointimenot − rahoitusosuudet − pysyvien vastaavien luovutustulot",
        formula_fi: "investointimenot − rahoitusosuudet − pysyvien vastaavien luovutustulot",
        formula_sv: "investeringsutgifter − finansieringsandelar − överlåtelseinkomster av bestående aktiva",
        source: KTA,
        source_fi: KTA_FI,
        source_sv: KTA_SV,
        unit: Unit::Eur,
        decimals: 0,
        compute: |c, e, y| c.nettoinvestoinnit(e, y),
    },
    RatioDef {
        id: "investointien_tulorahoitus_pct",
        fi: "Investointien tulorahoitus, %",
        sv: "Investeringarnas internt tillförda medel, %",
        en: "Internal financing of investment, %",
        formula: "100 × vuosikate / (investointimenot − rahoitusosuudet)",
        formula_fi: "100 × vuosikate / (investointimenot − rahoitusosuudet)",
        formula_sv: "100 × årsbidrag / (investeringsutgifter − finansieringsandelar)",
        source: KTA,
        source_fi: KTA_FI,
        source_sv: KTA_SV,
        unit: Unit::Percent,
        decimals: 1,
        compute: |c, e, y| {
            pct(
                c.vuosikate(e, y)?,
                c.omahankintameno(e, y)?,
                Denominator::Term("investointien omahankintameno"),
            )
        },
    },
    RatioDef {
        id: "lainanhoitokate",
        fi: "Lainanhoitokate",
        sv: "Lånens skötselbidrag",
        en: "Loan service coverage",
        formula: "(vuosikate + korkokulut) / (korkokulut + pitkäaikaisten lainojen vähennys)",
        formula_fi: "(vuosikate + korkokulut) / (korkokulut + pitkäaikaisten lainojen vähennys)",
        formula_sv: "(årsbidrag + räntekostnader) / (räntekostnader + minskning av långfristiga lån)",
        source: KTA,
        source_fi: KTA_FI,
        source_sv: KTA_SV,
        unit: Unit::Ratio,
        decimals: 2,
        compute: |c, e, y| {
            let korot = c.need(e, "tl.korkokulut", y)?.abs();
            let lyhennykset = c.need(e, "rl.pitkaaikaisten_lainojen_vahennys", y)?.abs();
            div(
                c.vuosikate(e, y)? + korot,
                korot + lyhennykset,
                Denominator::Term("korkokulut + lainanlyhennykset"),
            )
        },
    },
    RatioDef {
        id: "laskennallinen_lainanhoitokate",
        fi: "Laskennallinen lainanhoitokate",
        sv: "Kalkylerat lånens skötselbidrag (118 §)",
        en: "Calculated loan service coverage (118 §)",
        formula: "(vuosikate + korkokulut) / (korkokulut + lainakanta 31.12. / laina-aika), laina-aika 8 v (setting ratios.loan_term_years)",
        formula_fi: "(vuosikate + korkokulut) / (korkokulut + lainakanta 31.12. / laina-aika), laina-aika 8 v (asetus ratios.loan_term_years)",
        formula_sv: "(årsbidrag + räntekostnader) / (räntekostnader + lånestock 31.12 / lånetid), lånetid 8 år (inställningen ratios.loan_term_years)",
        source: "Kuntalaki 410/2015 118 §",
        source_fi: "Kuntalaki 410/2015 118 §",
        source_sv: "Kommunallagen 410/2015 118 §",
        unit: Unit::Ratio,
        decimals: 2,
        compute: |c, e, y| {
            let korot = c.need(e, "tl.korkokulut", y)?.abs();
            let term = Decimal::from(c.targets.ratios.loan_term_years);
            let loans = c.lainakanta(e, y)?;
            div(
                c.vuosikate(e, y)? + korot,
                korot + loans / term,
                Denominator::Term("korkokulut + lainakanta / laina-aika"),
            )
        },
    },
    RatioDef {
        id: "kassan_riittavyys_pv",
        fi: "Kassan riittävyys, pv",
        sv: "Likviditet, kassadagar",
        en: "Cash sufficiency, days",
        formula: "365 × rahavarat 31.12. / kassasta maksut; kassasta maksut = toimintakulut − valmistus omaan käyttöön + korkokulut + muut rahoituskulut + satunnaiset kulut + investointimenot + antolainasaamisten lisäys + pitkäaikaisten lainojen vähennys (each as an absolute value)",
        formula_fi: "365 × rahavarat 31.12. / kassasta maksut; kassasta maksut = toimintakulut − valmistus omaan käyttöön + korkokulut + muut rahoituskulut + satunnaiset kulut + investointimenot + antolainasaamisten lisäys + pitkäaikaisten lainojen vähennys (kukin itseisarvona)",
        formula_sv: "365 × likvida medel 31.12 / utbetalningar ur kassan; utbetalningar ur kassan = verksamhetskostnader − tillverkning för eget bruk + räntekostnader + övriga finansiella kostnader + extraordinära kostnader + investeringsutgifter + ökning av utlåningen + minskning av långfristiga lån (vart och ett som absolutbelopp)",
        source: KTA,
        source_fi: KTA_FI,
        source_sv: KTA_SV,
        unit: Unit::Days,
        decimals: 0,
        compute: |c, e, y| {
            let maksut = c.need(e, "tl.toimintakulut", y)?.abs()
                - c.opt(e, "tl.valmistus_omaan_kayttoon", y)?
                + c.opt(e, "tl.korkokulut", y)?.abs()
                + c.opt(e, "tl.muut_rahoituskulut", y)?.abs()
                + c.opt(e, "tl.satunnaiset_kulut", y)?.abs()
                + c.need(e, "rl.investointimenot", y)?.abs()
                + c.opt(e, "rl.antolainasaamisten_lisaykset", y)?.abs()
                + c.opt(e, "rl.pitkaaikaisten_lainojen_vahennys", y)?.abs();
            Ok(div(
                c.rahavarat(e, y)?,
                maksut,
                Denominator::Term("kassasta maksut"),
            )? * Decimal::from(365))
        },
    },
    RatioDef {
        id: "omavaraisuusaste_pct",
        fi: "Omavaraisuusaste, %",
        sv: "Soliditetsgrad, %",
        en: "Equity ratio, %",
        formula: "100 × (oma pääoma + vähemmistöosuudet + konsernireservi + poistoero ja vapaaehtoiset varaukset) / (vastattavaa yhteensä − saadut ennakot)",
        formula_fi: "100 × (oma pääoma + vähemmistöosuudet + konsernireservi + poistoero ja vapaaehtoiset varaukset) / (vastattavaa yhteensä − saadut ennakot)",
        formula_sv: "100 × (eget kapital + minoritetsandelar + koncernreserv + avskrivningsdifferens och frivilliga reserveringar) / (passiva sammanlagt − erhållna förskott)",
        source: KTA,
        source_fi: KTA_FI,
        source_sv: KTA_SV,
        unit: Unit::Percent,
        decimals: 1,
        compute: |c, e, y| {
            let own = c.need(e, "ta.oma_paaoma", y)?
                + c.opt(e, "ta.vahemmistoosuudet", y)?
                + c.opt(e, "ta.konsernireservi", y)?
                + c.opt(e, "ta.poistoero_ja_varaukset", y)?;
            let total = c.need(e, "ta.vastattavaa", y)?
                - c.opt(e, "ta.pa_saadut_ennakot", y)?
                - c.opt(e, "ta.la_saadut_ennakot", y)?;
            pct(
                own,
                total,
                Denominator::Term("vastattavaa − saadut ennakot"),
            )
        },
    },
    RatioDef {
        id: "suhteellinen_velkaantuneisuus_pct",
        fi: "Suhteellinen velkaantuneisuus, %",
        sv: "Relativ skuldsättning, %",
        en: "Relative indebtedness, %",
        formula: "100 × (vieras pääoma − saadut ennakot) / (toimintatuotot + verotulot + valtionosuudet)",
        formula_fi: "100 × (vieras pääoma − saadut ennakot) / (toimintatuotot + verotulot + valtionosuudet)",
        formula_sv: "100 × (främmande kapital − erhållna förskott) / (verksamhetsintäkter + skatteinkomster + statsandelar)",
        source: KTA,
        source_fi: KTA_FI,
        source_sv: KTA_SV,
        unit: Unit::Percent,
        decimals: 1,
        compute: |c, e, y| {
            let debt = c.need(e, "ta.vieras_paaoma", y)?
                - c.opt(e, "ta.pa_saadut_ennakot", y)?
                - c.opt(e, "ta.la_saadut_ennakot", y)?;
            let income = c.need(e, "tl.toimintatuotot", y)?
                + c.need(e, "tl.verotulot", y)?
                + c.need(e, "tl.valtionosuudet", y)?;
            pct(debt, income, Denominator::Term("käyttötulot"))
        },
    },
    RatioDef {
        id: "kertynyt_ylijaama",
        fi: "Kertynyt yli-/alijäämä, €",
        sv: "Ackumulerat över-/underskott, €",
        en: "Accumulated surplus (deficit), €",
        formula: "edellisten tilikausien ylijäämä + tilikauden ylijäämä (tase)",
        formula_fi: "edellisten tilikausien ylijäämä + tilikauden ylijäämä (tase)",
        formula_sv: "överskott från tidigare räkenskapsperioder + räkenskapsperiodens överskott (balansräkning)",
        source: KTA,
        source_fi: KTA_FI,
        source_sv: KTA_SV,
        unit: Unit::Eur,
        decimals: 0,
        compute: |c, e, y| c.kertynyt_ylijaama(e, y),
    },
    RatioDef {
        id: "kertynyt_ylijaama_per_asukas",
        fi: "Kertynyt yli-/alijäämä, €/asukas",
        sv: "Ackumulerat över-/underskott, €/invånare",
        en: "Accumulated surplus (deficit), €/resident",
        formula: "kertynyt ylijäämä / asukasluku 31.12.",
        formula_fi: "kertynyt ylijäämä / asukasluku 31.12.",
        formula_sv: "ackumulerat överskott / invånarantal 31.12",
        source: KTA,
        source_fi: KTA_FI,
        source_sv: KTA_SV,
        unit: Unit::EurPerResident,
        decimals: 0,
        compute: |c, e, y| per_resident(c, c.kertynyt_ylijaama(e, y)?, y),
    },
    RatioDef {
        id: "lainakanta",
        fi: "Lainakanta 31.12., €",
        sv: "Lånestock 31.12., €",
        en: "Loan stock 31 Dec, €",
        formula: "vieras pääoma − (saadut ennakot + ostovelat + siirtovelat + muut velat)",
        formula_fi: "vieras pääoma − (saadut ennakot + ostovelat + siirtovelat + muut velat)",
        formula_sv: "främmande kapital − (erhållna förskott + skulder till leverantörer + resultatregleringar + övriga skulder)",
        source: KTA,
        source_fi: KTA_FI,
        source_sv: KTA_SV,
        unit: Unit::Eur,
        decimals: 0,
        compute: |c, e, y| c.lainakanta(e, y),
    },
    RatioDef {
        id: "lainakanta_per_asukas",
        fi: "Lainakanta, €/asukas",
        sv: "Lånestock, €/invånare",
        en: "Loan stock, €/resident",
        formula: "lainakanta / asukasluku 31.12.",
        formula_fi: "lainakanta / asukasluku 31.12.",
        formula_sv: "lånestock / invånarantal 31.12",
        source: KTA,
        source_fi: KTA_FI,
        source_sv: KTA_SV,
        unit: Unit::EurPerResident,
        decimals: 0,
        compute: |c, e, y| per_resident(c, c.lainakanta(e, y)?, y),
    },
    RatioDef {
        id: "lainat_ja_vuokravastuut",
        fi: "Lainat ja vuokravastuut 31.12., €",
        sv: "Lån och hyresansvar 31.12., €",
        en: "Loans and lease liabilities 31 Dec, €",
        formula: "lainakanta + vuokravastuut (liitetiedot)",
        formula_fi: "lainakanta + vuokravastuut (liitetiedot)",
        formula_sv: "lånestock + hyresansvar (noter)",
        source: KTA,
        source_fi: KTA_FI,
        source_sv: KTA_SV,
        unit: Unit::Eur,
        decimals: 0,
        compute: |c, e, y| Ok(c.lainakanta(e, y)? + c.vuokravastuut(e, y)?),
    },
    RatioDef {
        id: "lainat_ja_vuokravastuut_per_asukas",
        fi: "Lainat ja vuokravastuut, €/asukas",
        sv: "Lån och hyresansvar, €/invånare",
        en: "Loans and lease liabilities, €/resident",
        formula: "(lainakanta + vuokravastuut) / asukasluku 31.12.",
        formula_fi: "(lainakanta + vuokravastuut) / asukasluku 31.12.",
        formula_sv: "(lånestock + hyresansvar) / invånarantal 31.12",
        source: KTA,
        source_fi: KTA_FI,
        source_sv: KTA_SV,
        unit: Unit::EurPerResident,
        decimals: 0,
        compute: |c, e, y| per_resident(c, c.lainakanta(e, y)? + c.vuokravastuut(e, y)?, y),
    },
    RatioDef {
        id: "lainasaamiset",
        fi: "Lainasaamiset 31.12., €",
        sv: "Lånefordringar 31.12., €",
        en: "Loans receivable 31 Dec, €",
        formula: "joukkovelkakirjalainasaamiset + muut lainasaamiset (pysyvien vastaavien sijoitukset)",
        formula_fi: "joukkovelkakirjalainasaamiset + muut lainasaamiset (pysyvien vastaavien sijoitukset)",
        formula_sv: "masskuldebrevsfordringar + övriga lånefordringar (placeringar bland bestående aktiva)",
        source: KTA,
        source_fi: KTA_FI,
        source_sv: KTA_SV,
        unit: Unit::Eur,
        decimals: 0,
        compute: |c, e, y| c.lainasaamiset(e, y),
    },
    RatioDef {
        id: "ti_kertyma_5v",
        fi: "Toiminnan ja investointien rahavirran kertymä 5 v, €",
        sv: "Verksamhetens och investeringarnas kassaflöde, ackumulerat 5 år, €",
        en: "Operating and investing cash flow, 5-year sum, €",
        formula: "sum of toiminnan ja investointien rahavirta over the year and the four before",
        formula_fi: "toiminnan ja investointien rahavirran summa vuodelta ja neljältä sitä edeltävältä vuodelta",
        formula_sv: "summan av verksamhetens och investeringarnas kassaflöde för året och de fyra åren före",
        source: "Helsinki and Lappeenranta financial statements (T+I rahavirran kertymä 5 vuodelta)",
        source_fi: "Helsingin ja Lappeenrannan tilinpäätökset (T+I rahavirran kertymä 5 vuodelta)",
        source_sv: "Helsingfors och Villmanstrands bokslut (T+I rahavirran kertymä 5 vuodelta)",
        unit: Unit::Eur,
        decimals: 0,
        compute: |c, e, y| c.ti_kertyma(e, y, 5),
    },
    RatioDef {
        id: "asukasluku",
        fi: "Asukasluku 31.12.",
        sv: "Invånarantal 31.12.",
        en: "Population 31 Dec",
        formula: "asukasluku 31.12. (taustatiedot)",
        formula_fi: "asukasluku 31.12. (taustatiedot)",
        formula_sv: "invånarantal 31.12 (bakgrundsuppgifter)",
        source: "Statistics Finland",
        source_fi: "Tilastokeskus",
        source_sv: "Statistikcentralen",
        unit: Unit::Residents,
        decimals: 0,
        compute: |c, _e, y| c.population(y),
    },
];

fn per_resident(c: &Ctx, v: Decimal, y: i32) -> Measure {
    div(v, c.population(y)?, Denominator::Population)
}

pub fn ratio(id: &str) -> Option<&'static RatioDef> {
    RATIOS.iter().find(|r| r.id == id)
}

#[derive(Clone, Debug, Serialize)]
pub struct RatioValue {
    pub id: &'static str,
    pub entity: Entity,
    pub year: i32,
    pub value: Option<Decimal>,
    pub not_measurable: Option<Reason>,
    pub inputs: Vec<Input>,
}

/// Every key ratio for every entity with statements, and every year.
pub fn compute_ratios(ds: &Dataset, targets: &Targets) -> Vec<RatioValue> {
    let ctx = Ctx::new(ds, targets);
    let mut out = Vec::new();
    for e in ds.entities().into_iter().filter(|e| {
        use crate::model::items::Statement::*;
        [Tuloslaskelma, Rahoituslaskelma, Tase]
            .iter()
            .any(|s| ds.has_statement(*e, *s))
    }) {
        for &y in ds.years.keys() {
            for def in RATIOS {
                ctx.take_inputs();
                let r = (def.compute)(&ctx, e, y);
                let inputs = ctx.take_inputs();
                let (value, not_measurable) = match r {
                    Ok(v) => (Some(v), None),
                    Err(why) => (None, Some(why)),
                };
                out.push(RatioValue {
                    id: def.id,
                    entity: e,
                    year: y,
                    value,
                    not_measurable,
                    inputs,
                });
            }
        }
    }
    out
}
