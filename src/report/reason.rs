//! A reason a figure is not measurable, in the reader's language. Line and
//! statement names stay in Finnish in Finnish and English: they are the names
//! printed in the statements a reader compares with; Swedish takes the
//! decree's Swedish names, as a Swedish statement prints them. The English
//! wording is also what JSON carries, so machine readers see one language.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::model::dataset::Entity;
use crate::model::items;
use crate::model::price_index;
use crate::model::reason::{Denominator, Method, Reason};
use crate::report::format::Lang;

fn years(ys: &[i32]) -> String {
    ys.iter().map(i32::to_string).collect::<Vec<_>>().join(", ")
}

/// A line's name and where it belongs, as the statements in `lang` print
/// them: ("Toimintakate", "kaupunki tuloslaskelma") in Finnish and English,
/// ("Verksamhetsbidrag", "stadens resultaträkning") in Swedish.
fn line(e: Entity, id: &str, lang: Lang) -> (&'static str, String) {
    let def = items::item(id);
    match lang {
        Lang::Fi | Lang::En => (def.fi, format!("{} {}", e.fi(), def.statement.fi())),
        Lang::Sv => (
            def.sv,
            format!("{} {}", e.genitive(Lang::Sv), def.statement.sv()),
        ),
    }
}

/// A line's name alone, in the statements' language as [`line`] gives it.
fn line_name(id: &str, lang: Lang) -> &'static str {
    let def = items::item(id);
    lang.tr(def.fi, def.sv, def.fi)
}

/// The entity as the statements in `lang` name it (Finnish in English too).
fn entity(e: Entity, lang: Lang) -> &'static str {
    lang.tr(e.fi(), e.sv(), e.fi())
}

fn term(d: &Denominator, lang: Lang) -> &'static str {
    match d {
        Denominator::Population => lang.tr("asukasluku", "invånarantalet", "population"),
        Denominator::Base => lang.tr(
            "vertailuvuoden nettomenot",
            "jämförelseårets nettokostnader",
            "base",
        ),
        Denominator::Term(t) => term_words(t, lang),
    }
}

/// A published term is given in Finnish; Swedish has the decree's words for
/// it.
fn term_words(t: &'static str, lang: Lang) -> &'static str {
    match lang {
        Lang::Fi | Lang::En => t,
        Lang::Sv => term_sv(t),
    }
}

fn term_sv(t: &'static str) -> &'static str {
    match t {
        "toimintakulut − valmistus omaan käyttöön" => {
            "verksamhetskostnader − tillverkning för eget bruk"
        }
        "poistot ja arvonalentumiset" => "avskrivningar och nedskrivningar",
        "investointien omahankintameno" => "investeringarnas anskaffningsutgift",
        "korkokulut + lainanlyhennykset" => "räntekostnader + amorteringar av lån",
        "korkokulut + lainakanta / laina-aika" => "räntekostnader + lånestock / lånetid",
        "kassasta maksut" => "utbetalningar ur kassan",
        "vastattavaa − saadut ennakot" => "passiva − erhållna förskott",
        "käyttötulot" => "driftsinkomster",
        "nettoinvestoinnit" => "nettoinvesteringar",
        _ => t,
    }
}

/// The reason as a sentence in `lang`.
pub fn text(r: &Reason, lang: Lang) -> String {
    use Reason::*;
    match r {
        LineMissing {
            entity: e,
            line: id,
            year,
        } => {
            let (name, at) = line(*e, id, lang);
            crate::tr!(
                lang,
                "rivi \"{name}\" ({at}) puuttuu vuodelta {year}",
                "raden \"{name}\" ({at}) saknas för {year}",
                "line \"{name}\" ({at}) missing for {year}"
            )
        }
        LinePartMissing {
            entity: e,
            line: id,
            year,
            part,
        } => {
            let (name, at) = line(*e, id, lang);
            let part = line_name(part, lang);
            crate::tr!(
                lang,
                "riviä \"{name}\" ({at}, {year}) ei ole esitetty eikä sitä voi laskea alariveistään: \"{part}\" puuttuu",
                "raden \"{name}\" ({at}, {year}) är inte angiven och kan inte summeras ur sina rader: \"{part}\" saknas",
                "line \"{name}\" ({at}, {year}) is not printed and cannot be summed from its lines: \"{part}\" is missing"
            )
        }
        PopulationMissing { year } => crate::tr!(
            lang,
            "asukasluku 31.12. puuttuu vuodelta {year}",
            "invånarantal 31.12 saknas för {year}",
            "population (asukasluku 31.12.) missing for {year}"
        ),
        PopulationNotPositive { year } => crate::tr!(
            lang,
            "vuoden {year} asukasluku ei ole positiivinen",
            "invånarantalet {year} är inte positivt",
            "population for {year} is not positive"
        ),
        Zero(d) => {
            let term = term(d, lang);
            crate::tr!(lang, "{term} on nolla", "{term} är noll", "{term} is zero")
        }
        Overflow(d) => {
            let term = term(d, lang);
            crate::tr!(
                lang,
                "{term}: jakolasku ylivuotaa",
                "{term}: divisionen blir för stor",
                "{term}: the division overflows"
            )
        }
        DebtNotItemised { entity: e, year } => {
            let e = entity(*e, lang);
            crate::tr!(
                lang,
                "vierasta pääomaa ({e} {year}) ei ole eritelty lainoihin ja muihin velkoihin",
                "främmande kapital ({e} {year}) är inte specificerat på lån och övriga skulder",
                "vieras pääoma ({e} {year}) is not itemised into loans and other liabilities"
            )
        }
        SectionNotItemised {
            entity: e,
            section,
            year,
        } => {
            let (e, section) = (entity(*e, lang), line_name(section, lang));
            crate::tr!(
                lang,
                "\"{section}\" vierasta pääomaa ({e} {year}) ei ole eritelty lainoihin ja muihin velkoihin",
                "\"{section}\" främmande kapital ({e} {year}) är inte specificerat på lån och övriga skulder",
                "\"{section}\" vieras pääoma ({e} {year}) is not itemised into loans and other liabilities"
            )
        }
        NoBalanceSheet { entity: e, year } => {
            let e = entity(*e, lang);
            crate::tr!(
                lang,
                "ei tasetta ({e} {year})",
                "ingen balansräkning ({e} {year})",
                "no balance sheet ({e} {year})"
            )
        }
        NoBalanceSheetSince { entity: e, year } => {
            let e = entity(*e, lang);
            crate::tr!(
                lang,
                "ei tasetta ({e}) vuodelta {year} eikä sitä edeltäviltä vuosilta",
                "ingen balansräkning ({e}) för {year} eller något år före det",
                "no balance sheet ({e}) for {year} or any year before it"
            )
        }
        InvestmentsNotItemised { entity: e, year } => {
            let e = entity(*e, lang);
            crate::tr!(
                lang,
                "sijoituksia ({e} {year}) ei ole eritelty, joten niiden lainasaamiset eivät ole tiedossa",
                "placeringar ({e} {year}) är inte specificerade, så lånefordringarna i dem är inte kända",
                "sijoitukset ({e} {year}) is not itemised, so its loans receivable are not known"
            )
        }
        CashMissing {
            entity: e,
            year,
            why,
        } => {
            let (e, why) = (entity(*e, lang), text(why, lang));
            crate::tr!(
                lang,
                "rahavarat 31.12. ({e} {year}) puuttuvat: ei riviä Rahavarat 31.12. eikä taseen rahavaroja, koska {why}",
                "likvida medel 31.12 ({e} {year}) saknas: varken raden Likvida medel 31.12 eller balansräkningens likvida medel, eftersom {why}",
                "cash 31.12. ({e} {year}) missing: neither Rahavarat 31.12. nor {why}"
            )
        }
        WindowIncomplete {
            entity: e,
            window,
            first,
            last,
            missing,
        } => {
            let (e, missing) = (entity(*e, lang), years(missing));
            crate::tr!(
                lang,
                "{window} vuoden kertymä {first}–{last} tarvitsee toiminnan ja investointien rahavirran ({e}) vuosilta {missing}",
                "summan för {window} år {first}–{last} kräver verksamhetens och investeringarnas kassaflöde ({e}) för {missing}",
                "the {window}-year sum {first}–{last} needs toiminnan ja investointien rahavirta ({e}) for {missing}"
            )
        }
        NetInvestmentNotPositive => lang
            .tr(
                "nettoinvestoinnit eivät ole positiiviset",
                "nettoinvesteringarna är inte positiva",
                "net investment is not positive",
            )
            .into(),
        BreakYear { year } => {
            let before = year - 1;
            crate::tr!(
                lang,
                "{year} on rakennemuutosvuosi (net_cost_growth.break_years): sen kasvu ei ole vertailukelpoinen vuoteen {before}; anna net_cost_growth.adjusted_base.{year} sen mittaamiseksi",
                "{year} är ett år med strukturförändring (net_cost_growth.break_years): dess tillväxt är inte jämförbar med {before}; ange net_cost_growth.adjusted_base.{year} för att mäta den",
                "{year} is a structural break year (net_cost_growth.break_years): its growth is not comparable with {before}; give net_cost_growth.adjusted_base.{year} to measure it"
            )
        }
        GroupBreakYear { year } => {
            let before = year - 1;
            crate::tr!(
                lang,
                "{year} on konsernin rakennemuutosvuosi (group_loans.break_years): sen lainat asukasta kohden eivät ole vertailukelpoisia vuoteen {before}; anna group_loans.adjusted_base.{year} (konsernin vertailukelpoiset lainat ja vastuut vuonna {before}, €) sen mittaamiseksi",
                "{year} är ett år med strukturförändring i koncernen (group_loans.break_years): dess lån per invånare är inte jämförbara med {before}; ange group_loans.adjusted_base.{year} (koncernens jämförbara lån och hyresansvar {before}, €) för att mäta dem",
                "{year} is a structural break year of the group (group_loans.break_years): its loans per resident are not comparable with {before}; give group_loans.adjusted_base.{year} (the group's like-for-like loans and liabilities of {before}, €) to measure it"
            )
        }
        // The flag is named here, where the reader acts, not in the model.
        PriceIndexMissing { year, index } => {
            let index = price_index::label(index, lang);
            crate::tr!(
                lang,
                "hintaindeksin muutos vuodelle {year} puuttuu ({index}); anna se valitsimella --index",
                "prisindexets förändring för {year} saknas ({index}); ange den med --index",
                "price index change for {year} not given ({index}); add it with --index"
            )
        }
        NetCostNotPositive { year } => crate::tr!(
            lang,
            "vuoden {year} nettomenot eivät ole positiiviset",
            "nettokostnaderna {year} är inte positiva",
            "net cost of {year} is not positive"
        ),
        NoGroupLoans { year } => crate::tr!(
            lang,
            "ei konsernitasetta eikä konsernin lainakannan arviota vuodelta {year}; kaupungin lukuja ei käytetä niiden sijaan",
            "ingen koncernbalansräkning och ingen uppskattning av koncernens lånestock för {year}; stadens siffror används inte i deras ställe",
            "no group balance sheet (konsernitase) and no group loan estimate for {year}; the city's figures are not used in their place"
        ),
        LeasesNeeded(why) => format!("{} (group_loans.include_leases = true)", text(why, lang)),
        NoComparisonYear(why) => {
            let why = text(why, lang);
            crate::tr!(
                lang,
                "ei vertailuvuotta: {why}",
                "inget jämförelseår: {why}",
                "no comparison year: {why}"
            )
        }
        NoYear { year } => crate::tr!(
            lang,
            "työkirjassa ei ole vuotta {year}",
            "arbetsboken har inget år {year}",
            "the workbook has no year {year}"
        ),
        FiguresMissing { years: ys } => {
            let ys = years(ys);
            crate::tr!(
                lang,
                "luvut puuttuvat vuosilta {ys}",
                "siffror saknas för {ys}",
                "figures missing for {ys}"
            )
        }
    }
}

/// How a value was made, in `lang`.
pub fn method(m: &Method, lang: Lang) -> String {
    match m {
        Method::RolledForward { from } => crate::tr!(
            lang,
            "vuodelta ei ole tasetta: vuoden {from} tase vyörytetty eteenpäin tuloslaskelmien tilikauden ylijäämällä",
            "ingen balansräkning för året: balansräkningen för {from} förd framåt med räkenskapsperiodens överskott enligt resultaträkningarna",
            "no balance sheet for the year: the balance sheet of {from} rolled forward with the income statements' tilikauden ylijäämä"
        ),
        Method::LikeForLikeBase { year, base } => crate::tr!(
            lang,
            "vuoden {year} vertailukelpoinen perusta annettu tavoitteissa: {base} €",
            "jämförbar bas för {year} angiven i målen: {base} €",
            "like-for-like base for {year} given in the targets: {base} €"
        ),
        Method::GainsFromAdjustments { entity } => {
            let (fi, sv, en) = (entity.fi(), entity.sv(), entity.en());
            crate::tr!(
                lang,
                "myyntivoitot tulorahoituksen korjauseristä ({fi}): rivillä voi olla myös pakollisten varausten muutoksia; anna taustatiedoissa \"Pysyvien vastaavien luovutusvoitot, netto\", niin vain voitot oikaistaan",
                "försäljningsvinsterna tagna ur korrektivposterna till internt tillförda medel ({sv}): raden kan också innehålla förändringar i avsättningar; ange \"Försäljningsvinster av bestående aktiva, netto\" i bakgrundsuppgifterna så justeras enbart vinsterna",
                "the gains on sales taken as tulorahoituksen korjauserät ({en}): the line may also hold changes of provisions; give \"Pysyvien vastaavien luovutusvoitot, netto\" in the background sheet to take the gains alone"
            )
        }
        Method::GroupLoansProjected => lang
            .tr(
                "konsernin lainakanta ennustettu: kaupungin ennustetut lainat ja konserniyhtiöiden omat lainat",
                "koncernens lånestock prognostiserad: stadens prognostiserade lån och koncernbolagens egna lån",
                "group loan stock projected: the city's projected loans plus the group companies' own loans",
            )
            .into(),
        Method::GroupLoansEstimated => lang
            .tr(
                "konsernin lainakanta taustatietojen arviosta (konsernin lainakanta), ei konsernitaseesta",
                "koncernens lånestock enligt bakgrundsuppgifternas uppskattning (koncernens lånestock), inte enligt en koncernbalansräkning",
                "group loan stock from the background sheet's estimate (konsernin lainakanta), not from a group balance sheet",
            )
            .into(),
        Method::GroupBeyondCity { from } => crate::tr!(
            lang,
            "arvio: vuodelta ei ole konsernilaskelmia; konsernin luvut ovat kaupungin ennustettu luku lisättynä konsernin kaupungin ulkopuolisella osuudella vuonna {from}: sen vuosikate ja poistot euroina ennallaan, korkokulut yhtiöiden lainojen suhteessa ja kertynyt ylijäämä vuosittain sen tuloksella (vuosikate − poistot) jatkettuna; konsernin lainat ja vuokravastuut ennusteesta",
            "uppskattning: inga koncernbokslut för året; koncernens siffror är stadens prognostiserade siffra plus koncernens del utöver staden {from}: dess årsbidrag och avskrivningar oförändrade i euro, dess räntekostnader i takt med bolagens lån och dess ackumulerade överskott fört vidare varje år med dess resultat (årsbidrag − avskrivningar); koncernens lån och hyresansvar enligt prognosen",
            "estimate: no group statements for the year; the group's figures are the city's projected figure plus the group's part beyond the city in {from}: its annual margin and depreciation held in euros, its interest expenses in step with the companies' loans, its accumulated surplus carried on each year by its result (annual margin − depreciation); the group's loans and lease liabilities as projected"
        ),
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&method(self, Lang::En))
    }
}

impl Serialize for Method {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&method(self, Lang::En))
    }
}

/// English, as the CSV and JSON outputs and error messages carry it.
impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&text(self, Lang::En))
    }
}

/// As its English sentence: JSON keeps the shape it had when reasons were text.
impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&text(self, Lang::En))
    }
}
