//! The canonical statement lines (VNa 525/2020 and the group statements).
//!
//! One table, in published order, because everything else (reading a file,
//! checking sums, showing the statements) follows from it: a line's parent is
//! the subtotal it adds into, so the identities of the statements are the
//! tree itself. A repeated label ("Muut saamiset", the long- and short-term
//! loans) is told apart by which parent's section the row sits in, or, with
//! no section printed, by this order, which is the decree's: long-term
//! before short-term, in receivables as in liabilities.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Statement {
    Tuloslaskelma,
    Rahoituslaskelma,
    Tase,
    /// Background figures per year: population, lease liabilities, tax rate.
    Taustatiedot,
}

impl Statement {
    pub const ALL: [Statement; 4] = [
        Statement::Tuloslaskelma,
        Statement::Rahoituslaskelma,
        Statement::Tase,
        Statement::Taustatiedot,
    ];
    pub fn fi(self) -> &'static str {
        match self {
            Statement::Tuloslaskelma => "tuloslaskelma",
            Statement::Rahoituslaskelma => "rahoituslaskelma",
            Statement::Tase => "tase",
            Statement::Taustatiedot => "taustatiedot",
        }
    }
    /// The decree's Swedish name.
    pub fn sv(self) -> &'static str {
        match self {
            Statement::Tuloslaskelma => "resultaträkning",
            Statement::Rahoituslaskelma => "finansieringsanalys",
            Statement::Tase => "balansräkning",
            Statement::Taustatiedot => "bakgrundsuppgifter",
        }
    }
    pub fn name(self, lang: crate::report::Lang) -> &'static str {
        lang.tr(self.fi(), self.sv(), self.en())
    }
    pub fn en(self) -> &'static str {
        match self {
            Statement::Tuloslaskelma => "income statement",
            Statement::Rahoituslaskelma => "cash flow statement",
            Statement::Tase => "balance sheet",
            Statement::Taustatiedot => "background figures",
        }
    }
}

/// The sign under which a line is published: costs and outflows negative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Sign {
    Plus,
    Minus,
    Either,
}

#[derive(Debug)]
pub struct ItemDef {
    pub id: &'static str,
    pub statement: Statement,
    pub level: u8,
    pub sign: Sign,
    /// The subtotal this line adds into; `None` for top-level totals.
    pub parent: Option<&'static str>,
    pub fi: &'static str,
    pub sv: &'static str,
    pub en: &'static str,
    /// Other spellings seen in real statements (compared after normalising).
    pub aliases: &'static [&'static str],
    /// Printed only in group statements.
    pub group_only: bool,
}

use Sign::{Either as E, Minus as M, Plus as P};
use Statement::{Rahoituslaskelma as RL, Tase as TA, Taustatiedot as BG, Tuloslaskelma as TL};

#[allow(clippy::too_many_arguments)]
const fn d(
    id: &'static str,
    statement: Statement,
    level: u8,
    sign: Sign,
    parent: Option<&'static str>,
    fi: &'static str,
    sv: &'static str,
    en: &'static str,
    aliases: &'static [&'static str],
) -> ItemDef {
    ItemDef {
        id,
        statement,
        level,
        sign,
        parent,
        fi,
        sv,
        en,
        aliases,
        group_only: false,
    }
}

const fn g(mut def: ItemDef) -> ItemDef {
    def.group_only = true;
    def
}

const N: Option<&str> = None;
const fn p(s: &'static str) -> Option<&'static str> {
    Some(s)
}

#[rustfmt::skip]
pub static ITEMS: &[ItemDef] = &[
    // ---------------------------------------------------------------- tuloslaskelma
    d("tl.toimintatuotot", TL, 0, P, p("tl.toimintakate"), "Toimintatuotot", "Verksamhetens intäkter", "Operating income", &[]),
    d("tl.myyntituotot", TL, 1, P, p("tl.toimintatuotot"), "Myyntituotot", "Försäljningsintäkter", "Sales income", &[]),
    d("tl.maksutuotot", TL, 1, P, p("tl.toimintatuotot"), "Maksutuotot", "Avgiftsintäkter", "Fee income", &[]),
    d("tl.tuet_ja_avustukset", TL, 1, P, p("tl.toimintatuotot"), "Tuet ja avustukset", "Understöd och bidrag", "Subsidies and grants", &["Tuen ja avustukset"]),
    d("tl.vuokratuotot", TL, 1, P, p("tl.toimintatuotot"), "Vuokratuotot", "Hyresintäkter", "Rental income", &[]),
    d("tl.muut_toimintatuotot", TL, 1, P, p("tl.toimintatuotot"), "Muut toimintatuotot", "Övriga verksamhetsintäkter", "Other operating income", &[]),
    d("tl.valmistus_omaan_kayttoon", TL, 0, P, p("tl.toimintakate"), "Valmistus omaan käyttöön", "Tillverkning för eget bruk", "Production for own use", &[]),
    d("tl.toimintakulut", TL, 0, M, p("tl.toimintakate"), "Toimintakulut", "Verksamhetens kostnader", "Operating expenses", &[]),
    d("tl.henkilostokulut", TL, 1, M, p("tl.toimintakulut"), "Henkilöstökulut", "Personalkostnader", "Personnel expenses", &[]),
    d("tl.palkat_ja_palkkiot", TL, 2, M, p("tl.henkilostokulut"), "Palkat ja palkkiot", "Löner och arvoden", "Wages and salaries", &[]),
    d("tl.henkilosivukulut", TL, 2, M, p("tl.henkilostokulut"), "Henkilösivukulut", "Lönebikostnader", "Social security costs", &["Henkilöstösivukulut"]),
    d("tl.elakekulut", TL, 3, M, p("tl.henkilosivukulut"), "Eläkekulut", "Pensionskostnader", "Pension costs", &[]),
    d("tl.muut_henkilosivukulut", TL, 3, M, p("tl.henkilosivukulut"), "Muut henkilösivukulut", "Övriga lönebikostnader", "Other social security costs", &["Muut henkilöstösivukulut"]),
    d("tl.palvelujen_ostot", TL, 1, M, p("tl.toimintakulut"), "Palvelujen ostot", "Köp av tjänster", "Purchases of services", &[]),
    d("tl.aineet_tarvikkeet_tavarat", TL, 1, M, p("tl.toimintakulut"), "Aineet, tarvikkeet ja tavarat", "Material, förnödenheter och varor", "Materials, supplies and goods", &["Aineet, tarvikkeet, tavarat", "Aineet tarvikkeet ja tavarat"]),
    d("tl.avustukset", TL, 1, M, p("tl.toimintakulut"), "Avustukset", "Understöd", "Grants paid", &[]),
    d("tl.vuokrakulut", TL, 1, M, p("tl.toimintakulut"), "Vuokrakulut", "Hyreskostnader", "Rents paid", &[]),
    d("tl.muut_toimintakulut", TL, 1, M, p("tl.toimintakulut"), "Muut toimintakulut", "Övriga verksamhetskostnader", "Other operating expenses", &[]),
    g(d("tl.osuus_osakkuusyhteisoista", TL, 0, E, p("tl.toimintakate"), "Osuus osakkuusyhteisöjen voitosta (tappiosta)", "Andel av intressesamfundens vinst (förlust)", "Share of associates' profit (loss)", &["Osuus osakkusyhteisöjen voitosta (tappiosta)", "Osuus osakkuusyhteisöjen voitosta", "Osuus osakkuusyhteisöjen tappiosta"])),
    d("tl.toimintakate", TL, 0, E, p("tl.vuosikate"), "Toimintakate", "Verksamhetsbidrag", "Operating margin", &["Toimintakate/Jäämä", "Toimintakate / Jäämä", "Toimintajäämä"]),
    d("tl.verotulot", TL, 0, P, p("tl.vuosikate"), "Verotulot", "Skatteinkomster", "Tax revenue", &[]),
    d("tl.valtionosuudet", TL, 0, P, p("tl.vuosikate"), "Valtionosuudet", "Statsandelar", "State subsidies", &[]),
    d("tl.rahoitustuotot_ja_kulut", TL, 0, E, p("tl.vuosikate"), "Rahoitustuotot ja -kulut", "Finansiella intäkter och kostnader", "Financial income and expenses", &["Rahoitustuotot ja kulut"]),
    d("tl.korkotuotot", TL, 1, P, p("tl.rahoitustuotot_ja_kulut"), "Korkotuotot", "Ränteintäkter", "Interest income", &[]),
    d("tl.muut_rahoitustuotot", TL, 1, P, p("tl.rahoitustuotot_ja_kulut"), "Muut rahoitustuotot", "Övriga finansiella intäkter", "Other financial income", &[]),
    d("tl.korkokulut", TL, 1, M, p("tl.rahoitustuotot_ja_kulut"), "Korkokulut", "Räntekostnader", "Interest expenses", &[]),
    d("tl.muut_rahoituskulut", TL, 1, M, p("tl.rahoitustuotot_ja_kulut"), "Muut rahoituskulut", "Övriga finansiella kostnader", "Other financial expenses", &[]),
    d("tl.vuosikate", TL, 0, E, p("tl.tilikauden_tulos"), "Vuosikate", "Årsbidrag", "Annual margin", &[]),
    d("tl.poistot_ja_arvonalentumiset", TL, 0, M, p("tl.tilikauden_tulos"), "Poistot ja arvonalentumiset", "Avskrivningar och nedskrivningar", "Depreciation and impairment", &["Poistot"]),
    d("tl.suunnitelman_mukaiset_poistot", TL, 1, M, p("tl.poistot_ja_arvonalentumiset"), "Suunnitelman mukaiset poistot", "Avskrivningar enligt plan", "Planned depreciation", &[]),
    d("tl.kertaluonteiset_poistot", TL, 1, M, p("tl.poistot_ja_arvonalentumiset"), "Kertaluonteiset poistot", "Engångsavskrivningar", "One-off depreciation", &[]),
    g(d("tl.yli_ja_alipariarvot", TL, 1, M, p("tl.poistot_ja_arvonalentumiset"), "Tilikauden yli- ja alipariarvot", "Räkenskapsperiodens över- och underpariposter", "Goodwill and negative goodwill for the period", &["Konserniliikearvon poistot"])),
    g(d("tl.omistuksen_eliminointierot", TL, 1, E, p("tl.poistot_ja_arvonalentumiset"), "Omistuksen eliminointierot", "Elimineringsdifferenser", "Ownership elimination differences", &[])),
    d("tl.arvonalentumiset", TL, 1, M, p("tl.poistot_ja_arvonalentumiset"), "Arvonalentumiset", "Nedskrivningar", "Impairment", &[]),
    d("tl.satunnaiset_erat", TL, 0, E, p("tl.tilikauden_tulos"), "Satunnaiset erät", "Extraordinära poster", "Extraordinary items", &["Satunnaiset tuotot ja kulut"]),
    d("tl.satunnaiset_tuotot", TL, 1, P, p("tl.satunnaiset_erat"), "Satunnaiset tuotot", "Extraordinära intäkter", "Extraordinary income", &[]),
    d("tl.satunnaiset_kulut", TL, 1, M, p("tl.satunnaiset_erat"), "Satunnaiset kulut", "Extraordinära kostnader", "Extraordinary expenses", &[]),
    d("tl.tilikauden_tulos", TL, 0, E, p("tl.tilikauden_ylijaama"), "Tilikauden tulos", "Räkenskapsperiodens resultat", "Result for the period", &[]),
    d("tl.tilinpaatossiirrot", TL, 0, E, p("tl.tilikauden_ylijaama"), "Tilinpäätössiirrot", "Bokslutsdispositioner", "Appropriations", &["Varausten ja rahastojen muutokset", "Poistoeron, varausten ja rahastojen muutokset"]),
    d("tl.poistoeron_muutos", TL, 1, E, p("tl.tilinpaatossiirrot"), "Poistoeron lisäys (-) tai vähennys (+)", "Ökning (-) eller minskning (+) av avskrivningsdifferens", "Change in depreciation difference", &["Poistoeron muutos", "Poistoeron lisäys tai vähennys"]),
    d("tl.poistoeron_lisays", TL, 2, M, p("tl.poistoeron_muutos"), "Poistoeron lisäys", "Ökning av avskrivningsdifferens", "Increase in depreciation difference", &[]),
    d("tl.poistoeron_vahennys", TL, 2, P, p("tl.poistoeron_muutos"), "Poistoeron vähennys", "Minskning av avskrivningsdifferens", "Decrease in depreciation difference", &[]),
    d("tl.varausten_muutos", TL, 1, E, p("tl.tilinpaatossiirrot"), "Varausten lisäys (-) tai vähennys (+)", "Ökning (-) eller minskning (+) av reserver", "Change in voluntary reserves", &["Varausten muutos", "Varausten lisäys tai vähennys"]),
    d("tl.varausten_lisays", TL, 2, M, p("tl.varausten_muutos"), "Varausten lisäys", "Ökning av reserver", "Increase in voluntary reserves", &[]),
    d("tl.varausten_vahennys", TL, 2, P, p("tl.varausten_muutos"), "Varausten vähennys", "Minskning av reserver", "Decrease in voluntary reserves", &[]),
    d("tl.rahastojen_muutos", TL, 1, E, p("tl.tilinpaatossiirrot"), "Rahastojen lisäys (-) tai vähennys (+)", "Ökning (-) eller minskning (+) av fonder", "Change in funds", &["Rahastojen muutos", "Rahastojen lisäys tai vähennys"]),
    d("tl.rahastojen_lisays", TL, 2, M, p("tl.rahastojen_muutos"), "Rahastojen lisäys", "Ökning av fonder", "Increase in funds", &[]),
    d("tl.rahastojen_vahennys", TL, 2, P, p("tl.rahastojen_muutos"), "Rahastojen vähennys", "Minskning av fonder", "Decrease in funds", &[]),
    g(d("tl.tilikauden_verot", TL, 0, M, p("tl.tilikauden_ylijaama"), "Tilikauden verot", "Räkenskapsperiodens skatter", "Taxes for the period", &[])),
    g(d("tl.laskennalliset_verot", TL, 0, E, p("tl.tilikauden_ylijaama"), "Laskennalliset verot", "Latenta skatter", "Deferred taxes", &[])),
    g(d("tl.vahemmistoosuudet", TL, 0, E, p("tl.tilikauden_ylijaama"), "Vähemmistöosuudet", "Minoritetsandelar", "Minority interests", &[])),
    d("tl.tilikauden_ylijaama", TL, 0, E, N, "Tilikauden ylijäämä (alijäämä)", "Räkenskapsperiodens överskott (underskott)", "Surplus (deficit) for the period", &["Tilikauden ylijäämä", "Tilikauden alijäämä"]),
    // ---------------------------------------------------------------- rahoituslaskelma
    d("rl.toiminnan_rahavirta", RL, 0, E, p("rl.toiminnan_ja_investointien_rahavirta"), "Toiminnan rahavirta", "Kassaflödet i verksamheten", "Cash flow from operations", &[]),
    d("rl.vuosikate", RL, 1, E, p("rl.toiminnan_rahavirta"), "Vuosikate", "Årsbidrag", "Annual margin", &[]),
    d("rl.satunnaiset_erat", RL, 1, E, p("rl.toiminnan_rahavirta"), "Satunnaiset erät", "Extraordinära poster", "Extraordinary items", &[]),
    g(d("rl.tilikauden_verot", RL, 1, M, p("rl.toiminnan_rahavirta"), "Tilikauden verot", "Räkenskapsperiodens skatter", "Taxes for the period", &[])),
    d("rl.tulorahoituksen_korjauserat", RL, 1, E, p("rl.toiminnan_rahavirta"), "Tulorahoituksen korjauserät", "Korrektivposter till internt tillförda medel", "Adjustments to internal financing", &[]),
    d("rl.investointien_rahavirta", RL, 0, E, p("rl.toiminnan_ja_investointien_rahavirta"), "Investointien rahavirta", "Investeringarnas kassaflöde", "Cash flow from investments", &[]),
    d("rl.investointimenot", RL, 1, M, p("rl.investointien_rahavirta"), "Investointimenot", "Investeringsutgifter", "Capital expenditure", &[]),
    d("rl.rahoitusosuudet", RL, 1, P, p("rl.investointien_rahavirta"), "Rahoitusosuudet investointimenoihin", "Finansieringsandelar för investeringsutgifter", "Contributions to capital expenditure", &["Rahoitusos. investointimenoihin", "Rahoitusosuudet investointeihin"]),
    d("rl.luovutustulot", RL, 1, P, p("rl.investointien_rahavirta"), "Pysyvien vastaavien hyödykkeiden luovutustulot", "Försäljningsinkomster av tillgångar bland bestående aktiva", "Proceeds from sales of fixed assets", &["Pysyvien vastaavien hyöd. luovutustulot", "Luovutustulot"]),
    d("rl.toiminnan_ja_investointien_rahavirta", RL, 0, E, p("rl.rahavarojen_muutos"), "Toiminnan ja investointien rahavirta", "Verksamhetens och investeringarnas kassaflöde", "Cash flow from operations and investments", &["Toiminnan ja investointien nettorahavirta"]),
    d("rl.rahoituksen_rahavirta", RL, 0, E, p("rl.rahavarojen_muutos"), "Rahoituksen rahavirta", "Finansieringens kassaflöde", "Cash flow from financing", &[]),
    d("rl.antolainauksen_muutokset", RL, 1, E, p("rl.rahoituksen_rahavirta"), "Antolainauksen muutokset", "Förändringar i utlåningen", "Changes in lending", &[]),
    d("rl.antolainasaamisten_lisaykset", RL, 2, M, p("rl.antolainauksen_muutokset"), "Antolainasaamisten lisäykset", "Ökning av utlåningen", "Increase in loans receivable", &["Antolainasaamisten lisäys"]),
    d("rl.antolainasaamisten_vahennykset", RL, 2, P, p("rl.antolainauksen_muutokset"), "Antolainasaamisten vähennykset", "Minskning av utlåningen", "Decrease in loans receivable", &["Antolainasaamisten vähennys", "Antolainasaamisten vähenn."]),
    d("rl.lainakannan_muutokset", RL, 1, E, p("rl.rahoituksen_rahavirta"), "Lainakannan muutokset", "Förändringar i lånebeståndet", "Changes in loans", &[]),
    d("rl.pitkaaikaisten_lainojen_lisays", RL, 2, P, p("rl.lainakannan_muutokset"), "Pitkäaikaisten lainojen lisäys", "Ökning av långfristiga lån", "Increase in long-term loans", &["Pitkäaikaisten lainojen lisäykset"]),
    d("rl.pitkaaikaisten_lainojen_vahennys", RL, 2, M, p("rl.lainakannan_muutokset"), "Pitkäaikaisten lainojen vähennys", "Minskning av långfristiga lån", "Decrease in long-term loans", &["Pitkäaikaisten lainojen vähennykset"]),
    d("rl.lyhytaikaisten_lainojen_muutos", RL, 2, E, p("rl.lainakannan_muutokset"), "Lyhytaikaisten lainojen muutos", "Förändring av kortfristiga lån", "Change in short-term loans", &["Lyhytaikaisten lainojen muutokset"]),
    d("rl.oman_paaoman_muutokset", RL, 1, E, p("rl.rahoituksen_rahavirta"), "Oman pääoman muutokset", "Förändringar i eget kapital", "Changes in equity", &["Oman pääoman muutos"]),
    d("rl.muut_maksuvalmiuden_muutokset", RL, 1, E, p("rl.rahoituksen_rahavirta"), "Muut maksuvalmiuden muutokset", "Övriga förändringar av likviditeten", "Other changes in liquidity", &[]),
    d("rl.toimeksiantojen_muutokset", RL, 2, E, p("rl.muut_maksuvalmiuden_muutokset"), "Toimeksiantojen varojen ja pääomien muutokset", "Förändringar av förvaltade medel och förvaltat kapital", "Changes in commissioned funds and capital", &["Toimenksiantojen varojen ja pääominen muutokset", "Toimeksiantojen varojen ja pääomien muutos"]),
    d("rl.vaihto_omaisuuden_muutos", RL, 2, E, p("rl.muut_maksuvalmiuden_muutokset"), "Vaihto-omaisuuden muutos", "Förändring av omsättningstillgångar", "Change in inventories", &["Vaihto-omaisuuden muutokset"]),
    d("rl.saamisten_muutos", RL, 2, E, p("rl.muut_maksuvalmiuden_muutokset"), "Saamisten muutos", "Förändring av fordringar", "Change in receivables", &["Saamisten muutokset"]),
    d("rl.kayttoomaisuuden_muutos", RL, 2, E, p("rl.muut_maksuvalmiuden_muutokset"), "Käyttöomaisuuden oikaisuerät", "Justeringsposter för anläggningstillgångar", "Adjustments to fixed assets", &["Käyttöomaisuuden muutos"]),
    d("rl.korottomien_velkojen_muutos", RL, 2, E, p("rl.muut_maksuvalmiuden_muutokset"), "Korottomien velkojen muutos", "Förändring av räntefria skulder", "Change in interest-free liabilities", &["Korottomien velkojen muutokset"]),
    d("rl.rahavarojen_muutos", RL, 0, E, N, "Rahavarojen muutos", "Förändring av likvida medel", "Change in cash", &[]),
    d("rl.rahavarat_31_12", RL, 1, P, N, "Rahavarat 31.12.", "Likvida medel 31.12", "Cash 31 Dec", &["Rahavarat tilikauden lopussa", "Rahavarat 31.12"]),
    d("rl.rahavarat_1_1", RL, 1, P, N, "Rahavarat 1.1.", "Likvida medel 1.1", "Cash 1 Jan", &["Rahavarat tilikauden alussa", "Rahavarat 1.1"]),
    // ---------------------------------------------------------------- tase, vastaavaa
    d("ta.vastaavaa", TA, 0, P, N, "Vastaavaa yhteensä", "Aktiva sammanlagt", "Total assets", &[]),
    d("ta.pysyvat_vastaavat", TA, 0, P, p("ta.vastaavaa"), "Pysyvät vastaavat", "Bestående aktiva", "Non-current assets", &[]),
    d("ta.aineettomat", TA, 1, P, p("ta.pysyvat_vastaavat"), "Aineettomat hyödykkeet", "Immateriella tillgångar", "Intangible assets", &[]),
    d("ta.aineettomat_oikeudet", TA, 2, P, p("ta.aineettomat"), "Aineettomat oikeudet", "Immateriella rättigheter", "Intangible rights", &[]),
    g(d("ta.liikearvo", TA, 2, P, p("ta.aineettomat"), "Liikearvo", "Goodwill", "Goodwill", &["Konserniliikearvo"])),
    d("ta.muut_pitkavaikutteiset", TA, 2, P, p("ta.aineettomat"), "Muut pitkävaikutteiset menot", "Övriga utgifter med lång verkningstid", "Other long-term expenditure", &[]),
    d("ta.aineettomat_ennakkomaksut", TA, 2, P, p("ta.aineettomat"), "Ennakkomaksut", "Förskottsbetalningar", "Advance payments", &[]),
    d("ta.aineelliset", TA, 1, P, p("ta.pysyvat_vastaavat"), "Aineelliset hyödykkeet", "Materiella tillgångar", "Tangible assets", &[]),
    d("ta.maa_ja_vesialueet", TA, 2, P, p("ta.aineelliset"), "Maa- ja vesialueet", "Mark- och vattenområden", "Land and water areas", &[]),
    d("ta.rakennukset", TA, 2, P, p("ta.aineelliset"), "Rakennukset", "Byggnader", "Buildings", &[]),
    d("ta.kiinteat_rakenteet", TA, 2, P, p("ta.aineelliset"), "Kiinteät rakenteet ja laitteet", "Fasta konstruktioner och anordningar", "Fixed structures and equipment", &[]),
    d("ta.koneet_ja_kalusto", TA, 2, P, p("ta.aineelliset"), "Koneet ja kalusto", "Maskiner och inventarier", "Machinery and equipment", &[]),
    d("ta.muut_aineelliset", TA, 2, P, p("ta.aineelliset"), "Muut aineelliset hyödykkeet", "Övriga materiella tillgångar", "Other tangible assets", &[]),
    d("ta.keskeneraiset", TA, 2, P, p("ta.aineelliset"), "Ennakkomaksut ja keskeneräiset hankinnat", "Förskottsbetalningar och pågående nyanläggningar", "Advance payments and construction in progress", &["Ennakkomaksut ja keskeneräiset hankinnnat", "Ennakkomaksut ja kesk. hankinnat"]),
    d("ta.sijoitukset", TA, 1, P, p("ta.pysyvat_vastaavat"), "Sijoitukset", "Placeringar", "Investments", &[]),
    d("ta.osakkeet_ja_osuudet", TA, 2, P, p("ta.sijoitukset"), "Osakkeet ja osuudet", "Aktier och andelar", "Shares and holdings", &[]),
    g(d("ta.osakkuusyhteisoosuudet", TA, 2, P, p("ta.sijoitukset"), "Osuudet osakkuusyhteisöissä", "Andelar i intressesamfund", "Holdings in associates", &["Osakkuusyhteisöosuudet", "Osakkuusyhteisöjen osuudet"])),
    g(d("ta.muut_osakkeet_ja_osuudet", TA, 2, P, p("ta.sijoitukset"), "Muut osakkeet ja osuudet", "Övriga aktier och andelar", "Other shares and holdings", &[])),
    d("ta.jvk_saamiset", TA, 2, P, p("ta.sijoitukset"), "Joukkovelkakirjalainasaamiset", "Masskuldebrevsfordringar", "Bond receivables", &[]),
    d("ta.muut_lainasaamiset", TA, 2, P, p("ta.sijoitukset"), "Muut lainasaamiset", "Övriga lånefordringar", "Other loans receivable", &[]),
    d("ta.sijoitukset_muut_saamiset", TA, 2, P, p("ta.sijoitukset"), "Muut saamiset", "Övriga fordringar", "Other receivables", &[]),
    d("ta.toimeksiantojen_varat", TA, 0, P, p("ta.vastaavaa"), "Toimeksiantojen varat", "Förvaltade medel", "Commissioned assets", &[]),
    d("ta.tv_valtion_toimeksiannot", TA, 1, P, p("ta.toimeksiantojen_varat"), "Valtion toimeksiannot", "Statliga uppdrag", "State commissions", &[]),
    d("ta.tv_lahjoitusrahastot", TA, 1, P, p("ta.toimeksiantojen_varat"), "Lahjoitusrahastojen erityiskatteet", "Donationsfondernas särskilda täckning", "Donation funds' assets", &["Lahjoitusrahastojen varat"]),
    d("ta.tv_muut", TA, 1, P, p("ta.toimeksiantojen_varat"), "Muut toimeksiantojen varat", "Övriga förvaltade medel", "Other commissioned assets", &[]),
    d("ta.vaihtuvat_vastaavat", TA, 0, P, p("ta.vastaavaa"), "Vaihtuvat vastaavat", "Rörliga aktiva", "Current assets", &[]),
    d("ta.vaihto_omaisuus", TA, 1, P, p("ta.vaihtuvat_vastaavat"), "Vaihto-omaisuus", "Omsättningstillgångar", "Inventories", &[]),
    d("ta.vo_aineet_ja_tarvikkeet", TA, 2, P, p("ta.vaihto_omaisuus"), "Aineet ja tarvikkeet", "Material och förnödenheter", "Materials and supplies", &[]),
    d("ta.vo_keskeneraiset", TA, 2, P, p("ta.vaihto_omaisuus"), "Keskeneräiset tuotteet", "Varor under tillverkning", "Work in progress", &[]),
    d("ta.vo_valmiit", TA, 2, P, p("ta.vaihto_omaisuus"), "Valmiit tuotteet", "Färdiga produkter", "Finished goods", &[]),
    d("ta.vo_muu", TA, 2, P, p("ta.vaihto_omaisuus"), "Muu vaihto-omaisuus", "Övriga omsättningstillgångar", "Other inventories", &[]),
    d("ta.vo_ennakkomaksut", TA, 2, P, p("ta.vaihto_omaisuus"), "Ennakkomaksut", "Förskottsbetalningar", "Advance payments", &[]),
    d("ta.saamiset", TA, 1, P, p("ta.vaihtuvat_vastaavat"), "Saamiset", "Fordringar", "Receivables", &[]),
    d("ta.pitkaaikaiset_saamiset", TA, 2, P, p("ta.saamiset"), "Pitkäaikaiset saamiset", "Långfristiga fordringar", "Long-term receivables", &[]),
    d("ta.ps_myyntisaamiset", TA, 3, P, p("ta.pitkaaikaiset_saamiset"), "Myyntisaamiset", "Kundfordringar", "Trade receivables", &[]),
    d("ta.ps_lainasaamiset", TA, 3, P, p("ta.pitkaaikaiset_saamiset"), "Lainasaamiset", "Lånefordringar", "Loans receivable", &[]),
    d("ta.ps_muut_saamiset", TA, 3, P, p("ta.pitkaaikaiset_saamiset"), "Muut saamiset", "Övriga fordringar", "Other receivables", &[]),
    d("ta.ps_siirtosaamiset", TA, 3, P, p("ta.pitkaaikaiset_saamiset"), "Siirtosaamiset", "Resultatregleringar", "Accrued income", &[]),
    d("ta.lyhytaikaiset_saamiset", TA, 2, P, p("ta.saamiset"), "Lyhytaikaiset saamiset", "Kortfristiga fordringar", "Short-term receivables", &[]),
    d("ta.ls_myyntisaamiset", TA, 3, P, p("ta.lyhytaikaiset_saamiset"), "Myyntisaamiset", "Kundfordringar", "Trade receivables", &[]),
    d("ta.ls_lainasaamiset", TA, 3, P, p("ta.lyhytaikaiset_saamiset"), "Lainasaamiset", "Lånefordringar", "Loans receivable", &[]),
    d("ta.ls_muut_saamiset", TA, 3, P, p("ta.lyhytaikaiset_saamiset"), "Muut saamiset", "Övriga fordringar", "Other receivables", &[]),
    d("ta.ls_siirtosaamiset", TA, 3, P, p("ta.lyhytaikaiset_saamiset"), "Siirtosaamiset", "Resultatregleringar", "Accrued income", &[]),
    d("ta.rahoitusarvopaperit", TA, 1, P, p("ta.vaihtuvat_vastaavat"), "Rahoitusarvopaperit", "Finansiella värdepapper", "Financial securities", &[]),
    d("ta.ra_osakkeet", TA, 2, P, p("ta.rahoitusarvopaperit"), "Osakkeet ja osuudet", "Aktier och andelar", "Shares and holdings", &[]),
    d("ta.ra_rahamarkkina", TA, 2, P, p("ta.rahoitusarvopaperit"), "Sijoitukset rahamarkkinainstrumentteihin", "Placeringar i penningmarknadsinstrument", "Money market investments", &["Sijoitukset rahamarkkinainstr."]),
    d("ta.ra_jvk", TA, 2, P, p("ta.rahoitusarvopaperit"), "Joukkovelkakirjalainasaamiset", "Masskuldebrevsfordringar", "Bond receivables", &[]),
    d("ta.ra_muut", TA, 2, P, p("ta.rahoitusarvopaperit"), "Muut arvopaperit", "Övriga värdepapper", "Other securities", &[]),
    d("ta.rahat_ja_pankkisaamiset", TA, 1, P, p("ta.vaihtuvat_vastaavat"), "Rahat ja pankkisaamiset", "Kassa och bank", "Cash and bank", &[]),
    // ---------------------------------------------------------------- tase, vastattavaa
    d("ta.vastattavaa", TA, 0, P, N, "Vastattavaa yhteensä", "Passiva sammanlagt", "Total equity and liabilities", &[]),
    d("ta.oma_paaoma", TA, 0, E, p("ta.vastattavaa"), "Oma pääoma", "Eget kapital", "Equity", &[]),
    d("ta.peruspaaoma", TA, 1, P, p("ta.oma_paaoma"), "Peruspääoma", "Grundkapital", "Basic capital", &["Peruspääoma / osakepääoma", "Peruspääoma/osakepääoma", "Grundkapital / aktiekapital", "Grundkapital/aktiekapital", "Osakepääoma", "Aktiekapital"]),
    g(d("ta.saatioiden_peruspaaomat", TA, 1, P, p("ta.oma_paaoma"), "Säätiöiden peruspääomat", "Stiftelsernas grundkapital", "Foundations' basic capital", &[])),
    d("ta.arvonkorotusrahasto", TA, 1, P, p("ta.oma_paaoma"), "Arvonkorotusrahasto", "Uppskrivningsfond", "Revaluation reserve", &[]),
    d("ta.muut_omat_rahastot", TA, 1, P, p("ta.oma_paaoma"), "Muut omat rahastot", "Övriga egna fonder", "Other own funds", &[]),
    // Group balance sheets may print the equity that none of the lines above takes (Övrigt eget kapital).
    g(d("ta.muu_oma_paaoma", TA, 1, E, p("ta.oma_paaoma"), "Muu oma pääoma", "Övrigt eget kapital", "Other equity", &[])),
    d("ta.edellisten_ylijaama", TA, 1, E, p("ta.oma_paaoma"), "Edellisten tilikausien ylijäämä (alijäämä)", "Överskott (underskott) från tidigare räkenskapsperioder", "Surplus (deficit) from previous periods", &["Edellisten tilikausien ylijäämä", "Edellisten tilikausien alijäämä"]),
    d("ta.tilikauden_ylijaama", TA, 1, E, p("ta.oma_paaoma"), "Tilikauden ylijäämä (alijäämä)", "Räkenskapsperiodens överskott (underskott)", "Surplus (deficit) for the period", &["Tilikauden ylijäämä", "Tilikauden alijäämä"]),
    g(d("ta.vahemmistoosuudet", TA, 0, E, p("ta.vastattavaa"), "Vähemmistöosuudet", "Minoritetsandelar", "Minority interests", &[])),
    g(d("ta.konsernireservi", TA, 0, E, p("ta.vastattavaa"), "Konsernireservi", "Koncernreserv", "Consolidation reserve", &[])),
    d("ta.poistoero_ja_varaukset", TA, 0, P, p("ta.vastattavaa"), "Poistoero ja vapaaehtoiset varaukset", "Avskrivningsdifferens och frivilliga reserver", "Depreciation difference and voluntary reserves", &["Varaukset"]),
    d("ta.poistoero", TA, 1, P, p("ta.poistoero_ja_varaukset"), "Poistoero", "Avskrivningsdifferens", "Depreciation difference", &[]),
    d("ta.vapaaehtoiset_varaukset", TA, 1, P, p("ta.poistoero_ja_varaukset"), "Vapaaehtoiset varaukset", "Frivilliga reserver", "Voluntary reserves", &[]),
    d("ta.pakolliset_varaukset", TA, 0, P, p("ta.vastattavaa"), "Pakolliset varaukset", "Avsättningar", "Provisions", &[]),
    d("ta.elakevaraukset", TA, 1, P, p("ta.pakolliset_varaukset"), "Eläkevaraukset", "Avsättningar för pensioner", "Pension provisions", &[]),
    d("ta.muut_pakolliset_varaukset", TA, 1, P, p("ta.pakolliset_varaukset"), "Muut pakolliset varaukset", "Övriga avsättningar", "Other provisions", &[]),
    d("ta.toimeksiantojen_paaomat", TA, 0, P, p("ta.vastattavaa"), "Toimeksiantojen pääomat", "Förvaltat kapital", "Commissioned capital", &[]),
    d("ta.tp_valtion_toimeksiannot", TA, 1, P, p("ta.toimeksiantojen_paaomat"), "Valtion toimeksiannot", "Statliga uppdrag", "State commissions", &[]),
    d("ta.tp_lahjoitusrahastot", TA, 1, P, p("ta.toimeksiantojen_paaomat"), "Lahjoitusrahastojen pääomat", "Donationsfondernas kapital", "Donation funds' capital", &["Lahjoitusrahastojen pääoma"]),
    d("ta.tp_muut", TA, 1, P, p("ta.toimeksiantojen_paaomat"), "Muut toimeksiantojen pääomat", "Övrigt förvaltat kapital", "Other commissioned capital", &[]),
    d("ta.vieras_paaoma", TA, 0, P, p("ta.vastattavaa"), "Vieras pääoma", "Främmande kapital", "Liabilities", &[]),
    d("ta.pitkaaikainen", TA, 1, P, p("ta.vieras_paaoma"), "Pitkäaikainen", "Långfristigt", "Long-term", &["Pitkäaikainen vieras pääoma"]),
    d("ta.pa_jvk", TA, 2, P, p("ta.pitkaaikainen"), "Joukkovelkakirjalainat", "Masskuldebrevslån", "Bonds", &[]),
    d("ta.pa_rahoituslaitokset", TA, 2, P, p("ta.pitkaaikainen"), "Lainat rahoitus- ja vakuutuslaitoksilta", "Lån från finansiella institut och försäkringsinrättningar", "Loans from financial institutions", &["Lainat rahoitus- ja vakuutusl.", "Lainat rahoitus- ja vakuutuslaitoksilt"]),
    d("ta.pa_julkisyhteisot", TA, 2, P, p("ta.pitkaaikainen"), "Lainat julkisyhteisöiltä", "Lån från offentliga samfund", "Loans from public bodies", &[]),
    d("ta.pa_muut_luotonantajat", TA, 2, P, p("ta.pitkaaikainen"), "Lainat muilta luotonantajilta", "Lån från övriga kreditgivare", "Loans from other lenders", &[]),
    d("ta.pa_saadut_ennakot", TA, 2, P, p("ta.pitkaaikainen"), "Saadut ennakot", "Erhållna förskott", "Advances received", &[]),
    d("ta.pa_ostovelat", TA, 2, P, p("ta.pitkaaikainen"), "Ostovelat", "Leverantörsskulder", "Trade payables", &[]),
    d("ta.pa_muut_velat", TA, 2, P, p("ta.pitkaaikainen"), "Muut velat", "Övriga skulder", "Other liabilities", &["Liittymismaksut ja muut velat", "Anslutningsavgifter och övriga skulder"]),
    d("ta.pa_siirtovelat", TA, 2, P, p("ta.pitkaaikainen"), "Siirtovelat", "Resultatregleringar", "Accrued liabilities", &[]),
    d("ta.lyhytaikainen", TA, 1, P, p("ta.vieras_paaoma"), "Lyhytaikainen", "Kortfristigt", "Short-term", &["Lyhytaikainen vieras pääoma"]),
    d("ta.la_jvk", TA, 2, P, p("ta.lyhytaikainen"), "Joukkovelkakirjalainat", "Masskuldebrevslån", "Bonds", &["Kuntatodistukset"]),
    d("ta.la_rahoituslaitokset", TA, 2, P, p("ta.lyhytaikainen"), "Lainat rahoitus- ja vakuutuslaitoksilta", "Lån från finansiella institut och försäkringsinrättningar", "Loans from financial institutions", &["Lainat rahoitus- ja vakuutusl.", "Lainat rahoitus- ja vakuutuslaitoksilt"]),
    d("ta.la_julkisyhteisot", TA, 2, P, p("ta.lyhytaikainen"), "Lainat julkisyhteisöiltä", "Lån från offentliga samfund", "Loans from public bodies", &[]),
    d("ta.la_muut_luotonantajat", TA, 2, P, p("ta.lyhytaikainen"), "Lainat muilta luotonantajilta", "Lån från övriga kreditgivare", "Loans from other lenders", &[]),
    d("ta.la_saadut_ennakot", TA, 2, P, p("ta.lyhytaikainen"), "Saadut ennakot", "Erhållna förskott", "Advances received", &[]),
    d("ta.la_ostovelat", TA, 2, P, p("ta.lyhytaikainen"), "Ostovelat", "Leverantörsskulder", "Trade payables", &[]),
    d("ta.la_muut_velat", TA, 2, P, p("ta.lyhytaikainen"), "Muut velat", "Övriga skulder", "Other liabilities", &["Liittymismaksut ja muut velat", "Anslutningsavgifter och övriga skulder"]),
    d("ta.la_siirtovelat", TA, 2, P, p("ta.lyhytaikainen"), "Siirtovelat", "Resultatregleringar", "Accrued liabilities", &[]),
    g(d("ta.pa_korollinen", TA, 1, P, p("ta.vieras_paaoma"), "Pitkäaikainen korollinen vieras pääoma", "Långfristigt räntebärande främmande kapital", "Long-term interest-bearing liabilities", &[])),
    g(d("ta.pa_koroton", TA, 1, P, p("ta.vieras_paaoma"), "Pitkäaikainen koroton vieras pääoma", "Långfristigt räntefritt främmande kapital", "Long-term interest-free liabilities", &[])),
    g(d("ta.laskennalliset_verovelat", TA, 1, P, p("ta.vieras_paaoma"), "Laskennalliset verovelat", "Latenta skatteskulder", "Deferred tax liabilities", &[])),
    g(d("ta.la_korollinen", TA, 1, P, p("ta.vieras_paaoma"), "Lyhytaikainen korollinen vieras pääoma", "Kortfristigt räntebärande främmande kapital", "Short-term interest-bearing liabilities", &[])),
    g(d("ta.la_koroton", TA, 1, P, p("ta.vieras_paaoma"), "Lyhytaikainen koroton vieras pääoma", "Kortfristigt räntefritt främmande kapital", "Short-term interest-free liabilities", &[])),
    // ---------------------------------------------------------------- taustatiedot
    d("bg.asukasluku", BG, 0, P, N, "Asukasluku 31.12.", "Invånarantal 31.12", "Population 31 Dec", &["Asukasluku", "Asukasmäärä", "Asukasmäärä 31.12.", "Asukkaat", "Asukkaita 31.12.", "Asukkaita", "Väkiluku 31.12.", "Väkiluku", "Invånarantal", "Invånare", "Invånare 31.12", "Antal invånare 31.12", "Antal invånare", "Folkmängd 31.12", "Folkmängd", "Population"]),
    d("bg.vuokravastuut", BG, 0, P, N, "Vuokravastuut", "Hyresansvar", "Lease liabilities", &["Vuokravastuut yhteensä", "Vuokra- ja leasingvastuut", "Vuokra- ja leasingvastuut yhteensä", "Kaupungin vuokravastuut", "Kunnan vuokravastuut", "Leasingvastuut", "Leasingvastuut yhteensä", "Kaupungin leasingvastuut", "Kunnan leasingvastuut", "Hyres- och leasingansvar", "Leasingansvar"]),
    d("bg.konsernin_vuokravastuut", BG, 0, P, N, "Konsernin vuokravastuut", "Koncernens hyresansvar", "Group lease liabilities", &["Konsernin vuokra- ja leasingvastuut", "Konsernin vuokravastuut yhteensä", "Konsernin leasingvastuut", "Konsernin leasingvastuut yhteensä", "Koncernens hyres- och leasingansvar", "Koncernens leasingansvar"]),
    d("bg.konsernin_lainakanta", BG, 0, P, N, "Konsernin lainakanta (arvio)", "Koncernens lånestock (uppskattning)", "Group loan stock (estimate)", &["Konsernin lainakanta", "Konsernin lainat", "Koncernens lånestock"]),
    d("bg.luovutusvoitot", BG, 0, E, N, "Pysyvien vastaavien luovutusvoitot, netto", "Försäljningsvinster av bestående aktiva, netto", "Net gains on sales of fixed assets", &["Luovutusvoitot", "Pysyvien vastaavien hyödykkeiden luovutusvoitot", "Myyntivoitot", "Luovutusvoitot ja -tappiot", "Försäljningsvinster"]),
    d("bg.tuloveroprosentti", BG, 0, P, N, "Tuloveroprosentti", "Inkomstskattesats", "Income tax rate", &["Kunnallisveroprosentti", "Veroprosentti", "Tuloveroprosentti %", "Skattesats"]),
    // The notes' breakdown of verotulot; the projection splits the tax
    // revenue by it instead of the scenario's fixed shares.
    d("bg.kunnan_tulovero", BG, 0, P, N, "Kunnan tulovero", "Kommunal inkomstskatt", "Municipal income tax", &["Kunnallisvero", "Kommunalskatt"]),
    d("bg.kiinteistovero", BG, 0, P, N, "Kiinteistövero", "Fastighetsskatt", "Property tax", &[]),
    d("bg.yhteisovero", BG, 0, P, N, "Osuus yhteisöveron tuotosta", "Andel av samfundsskatten", "Share of corporate tax", &["Yhteisövero", "Osuus yhteisöverosta", "Andel av intäkterna från samfundsskatten"]),
];

/// FNV-1a: the ids are short and fixed, no need for a keyed hash.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type FnvMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// Position of each line and the lines under each subtotal, built once:
/// every figure lookup goes through here.
struct Index {
    position: FnvMap<&'static str, usize>,
    children: FnvMap<&'static str, Vec<usize>>,
}

fn index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut position: FnvMap<&'static str, usize> = FnvMap::default();
        let mut children: FnvMap<&'static str, Vec<usize>> = FnvMap::default();
        for (i, d) in ITEMS.iter().enumerate() {
            position.insert(d.id, i);
            if let Some(p) = d.parent {
                children.entry(p).or_default().push(i);
            }
        }
        Index { position, children }
    })
}

/// The definition of a line by its id. Panics only on a typo in this crate's
/// own ids, which the tests catch.
pub fn item(id: &str) -> &'static ItemDef {
    try_item(id).unwrap_or_else(|| panic!("unknown item id {id}"))
}

pub fn try_item(id: &str) -> Option<&'static ItemDef> {
    index().position.get(id).map(|i| &ITEMS[*i])
}

/// Whether `d` lies under `ancestor` in the statement's tree of lines.
pub fn is_under(ancestor: &str, mut d: &'static ItemDef) -> bool {
    while let Some(p) = d.parent {
        if p == ancestor {
            return true;
        }
        match try_item(p) {
            Some(next) => d = next,
            None => return false,
        }
    }
    false
}

/// The lines that add into `id`, in published order.
pub fn children(id: &str) -> impl Iterator<Item = &'static ItemDef> + '_ {
    index()
        .children
        .get(id)
        .map(Vec::as_slice)
        .unwrap_or(&[])
        .iter()
        .map(|i| &ITEMS[*i])
}

pub fn is_subtotal(id: &str) -> bool {
    index().children.contains_key(id)
}

/// Position in published order, for sorting.
pub fn order(id: &str) -> usize {
    index().position.get(id).copied().unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_and_parents_exist_in_the_same_statement() {
        let mut seen = HashSet::new();
        for d in ITEMS {
            assert!(seen.insert(d.id), "duplicate id {}", d.id);
            if let Some(p) = d.parent {
                let parent =
                    try_item(p).unwrap_or_else(|| panic!("{} has unknown parent {p}", d.id));
                assert_eq!(parent.statement, d.statement, "{}", d.id);
            }
        }
    }
}
