//! The city's figures as the projection reads them: every line it needs, by
//! year, in one table made once per workbook.
//!
//! Why a table: a simulation projects the same workbook ten thousand times,
//! and looking each line up by its name (and summing its sub-lines where the
//! workbook prints only those) was most of a path's cost. The lines are an
//! enum, so a lookup is an index, and a line the projection reads but the
//! table lacks cannot compile.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use crate::model::dataset::{Dataset, Entity};
use crate::model::items::Statement;
use crate::model::ratios::{Ctx, Measure};
use crate::model::targets::Targets;

macro_rules! lines {
    ($($name:ident = $id:literal,)*) => {
        /// A line of the city's statements or background the projection reads.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(super) enum Line { $($name,)* }
        /// The item id of each line, in the enum's order.
        pub(super) const IDS: &[&str] = &[$($id,)*];
    };
}

lines! {
    Toimintatuotot = "tl.toimintatuotot",
    ValmistusOmaanKayttoon = "tl.valmistus_omaan_kayttoon",
    Toimintakulut = "tl.toimintakulut",
    Toimintakate = "tl.toimintakate",
    Verotulot = "tl.verotulot",
    Valtionosuudet = "tl.valtionosuudet",
    Korkotuotot = "tl.korkotuotot",
    MuutRahoitustuotot = "tl.muut_rahoitustuotot",
    Korkokulut = "tl.korkokulut",
    MuutRahoituskulut = "tl.muut_rahoituskulut",
    Poistot = "tl.poistot_ja_arvonalentumiset",
    SuunnitelmanMukaisetPoistot = "tl.suunnitelman_mukaiset_poistot",
    TlSatunnaisetErat = "tl.satunnaiset_erat",
    Tilinpaatossiirrot = "tl.tilinpaatossiirrot",
    PoistoeronMuutos = "tl.poistoeron_muutos",
    RahastojenMuutos = "tl.rahastojen_muutos",
    RlSatunnaisetErat = "rl.satunnaiset_erat",
    TulorahoituksenKorjauserat = "rl.tulorahoituksen_korjauserat",
    Investointimenot = "rl.investointimenot",
    Rahoitusosuudet = "rl.rahoitusosuudet",
    Luovutustulot = "rl.luovutustulot",
    InvestointienRahavirta = "rl.investointien_rahavirta",
    Antolainaus = "rl.antolainauksen_muutokset",
    LainojenLisays = "rl.pitkaaikaisten_lainojen_lisays",
    LainojenVahennys = "rl.pitkaaikaisten_lainojen_vahennys",
    LyhytaikaistenMuutos = "rl.lyhytaikaisten_lainojen_muutos",
    OmanPaaomanMuutokset = "rl.oman_paaoman_muutokset",
    MuutMaksuvalmius = "rl.muut_maksuvalmiuden_muutokset",
    SaamistenMuutos = "rl.saamisten_muutos",
    VaihtoOmaisuudenMuutos = "rl.vaihto_omaisuuden_muutos",
    ToimeksiantojenMuutokset = "rl.toimeksiantojen_muutokset",
    KayttoomaisuudenMuutos = "rl.kayttoomaisuuden_muutos",
    MaaJaVesialueet = "ta.maa_ja_vesialueet",
    Aineettomat = "ta.aineettomat",
    Aineelliset = "ta.aineelliset",
    Rahoitusarvopaperit = "ta.rahoitusarvopaperit",
    Rahat = "ta.rahat_ja_pankkisaamiset",
    Sijoitukset = "ta.sijoitukset",
    Saamiset = "ta.saamiset",
    VaihtoOmaisuus = "ta.vaihto_omaisuus",
    ToimeksiantojenPaaomat = "ta.toimeksiantojen_paaomat",
    LaMuutVelat = "ta.la_muut_velat",
    Peruspaaoma = "ta.peruspaaoma",
    MuutOmatRahastot = "ta.muut_omat_rahastot",
    Poistoero = "ta.poistoero_ja_varaukset",
    LaRahoituslaitokset = "ta.la_rahoituslaitokset",
    PaRahoituslaitokset = "ta.pa_rahoituslaitokset",
    EdellistenYlijaama = "ta.edellisten_ylijaama",
    TilikaudenYlijaama = "ta.tilikauden_ylijaama",
    Asukasluku = "bg.asukasluku",
    Tuloveroprosentti = "bg.tuloveroprosentti",
    KonserninLainakanta = "bg.konsernin_lainakanta",
    Vuokravastuut = "bg.vuokravastuut",
    KonserninVuokravastuut = "bg.konsernin_vuokravastuut",
    KunnanTulovero = "bg.kunnan_tulovero",
    Kiinteistovero = "bg.kiinteistovero",
    Yhteisovero = "bg.yhteisovero",
}

const N: usize = IDS.len();

/// The workbook's figures the projection reads, looked up once: pass one to
/// `project_with` when projecting the same workbook many times.
pub struct Figures {
    first: i32,
    by_year: Vec<[Option<Decimal>; N]>,
    has: BTreeSet<(Entity, Statement, i32)>,
    city_loans: BTreeMap<i32, Measure>,
    group_loans: BTreeMap<i32, Decimal>,
}

impl Figures {
    pub fn new(ds: &Dataset) -> Figures {
        let first = ds.years.keys().next().copied().unwrap_or(0);
        let last = ds.years.keys().next_back().copied().unwrap_or(first - 1);
        let targets = Targets::default();
        let ctx = Ctx::quiet(ds, &targets);
        let mut by_year = Vec::new();
        let mut has = BTreeSet::new();
        let mut city_loans = BTreeMap::new();
        let mut group_loans = BTreeMap::new();
        for y in first..=last {
            let mut row = [None; N];
            for (slot, id) in row.iter_mut().zip(IDS) {
                *slot = ds.total(Entity::City, id, y);
            }
            by_year.push(row);
            if !ds.years.contains_key(&y) {
                continue;
            }
            for e in [Entity::City, Entity::Group] {
                for st in Statement::ALL {
                    if ds.has_year_data(e, st, y) {
                        has.insert((e, st, y));
                    }
                }
            }
            city_loans.insert(y, ctx.lainakanta(Entity::City, y));
            // As indicator 4 and the statutory tests read them: the group
            // balance sheet first, so the first projected year continues
            // the series it is compared with. A group balance sheet whose
            // loans cannot be read leaves the background's estimate.
            let group = (ctx.group_loans(y).ok().map(|(v, _)| v))
                .or_else(|| ds.total(Entity::City, "bg.konsernin_lainakanta", y));
            if let Some(v) = group {
                group_loans.insert(y, v);
            }
        }
        Figures {
            first,
            by_year,
            has,
            city_loans,
            group_loans,
        }
    }

    /// A line's figure (its own or the sum of its sub-lines).
    pub(super) fn get(&self, line: Line, y: i32) -> Option<Decimal> {
        let i = usize::try_from(y.checked_sub(self.first)?).ok()?;
        self.by_year.get(i)?[line as usize]
    }

    pub(super) fn has(&self, e: Entity, st: Statement, y: i32) -> bool {
        self.has.contains(&(e, st, y))
    }

    /// The city's loan stock (lainakanta, Statistics Finland kta_004), or why it cannot be measured.
    pub(super) fn city_loans(&self, y: i32) -> Measure {
        self.city_loans
            .get(&y)
            .cloned()
            .unwrap_or(Err(crate::model::reason::Reason::NoYear { year: y }))
    }

    /// The group's loan stock: from the group's balance sheet, else the
    /// background figure (`Ctx::group_loans`).
    pub(super) fn group_loans(&self, y: i32) -> Option<Decimal> {
        self.group_loans.get(&y).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_is_an_item() {
        for id in IDS {
            assert!(
                crate::model::items::try_item(id).is_some(),
                "{id} is not an item"
            );
        }
        let unique: BTreeSet<_> = IDS.iter().collect();
        assert_eq!(unique.len(), IDS.len());
    }
}
