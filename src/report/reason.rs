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

/// The reason as a sentence in `lang`.
pub fn text(r: &Reason, lang: Lang) -> String {
    match lang {
        Lang::Fi => fi(r),
        Lang::Sv => sv(r),
        Lang::En => en(r),
    }
}

fn years(ys: &[i32]) -> String {
    ys.iter().map(i32::to_string).collect::<Vec<_>>().join(", ")
}

/// A line's name and where it belongs: ("Toimintakate", "kaupunki tuloslaskelma").
fn line(e: Entity, id: &str) -> (&'static str, String) {
    let def = items::item(id);
    (def.fi, format!("{} {}", e.fi(), def.statement.fi()))
}

/// The same in Swedish: ("Verksamhetsbidrag", "stadens resultaträkning").
fn line_sv(e: Entity, id: &str) -> (&'static str, String) {
    let def = items::item(id);
    let st = def.statement.sv();
    (def.sv, format!("{} {st}", e.genitive(Lang::Sv)))
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

fn en(r: &Reason) -> String {
    use Reason::*;
    match r {
        LineMissing {
            entity,
            line: id,
            year,
        } => {
            let (name, at) = line(*entity, id);
            format!("line \"{name}\" ({at}) missing for {year}")
        }
        LinePartMissing {
            entity,
            line: id,
            year,
            part,
        } => {
            let (name, at) = line(*entity, id);
            format!(
                "line \"{name}\" ({at}, {year}) is not printed and cannot be summed from its lines: \"{}\" is missing",
                items::item(part).fi
            )
        }
        PopulationMissing { year } => format!("population (asukasluku 31.12.) missing for {year}"),
        PopulationNotPositive { year } => format!("population for {year} is not positive"),
        Zero(d) => format!("{} is zero", term(d, Lang::En)),
        Overflow(d) => format!("{}: the division overflows", term(d, Lang::En)),
        DebtNotItemised { entity, year } => format!(
            "vieras pääoma ({} {year}) is not itemised into loans and other liabilities",
            entity.fi()
        ),
        SectionNotItemised {
            entity,
            section,
            year,
        } => format!(
            "\"{}\" vieras pääoma ({} {year}) is not itemised into loans and other liabilities",
            items::item(section).fi,
            entity.fi()
        ),
        NoBalanceSheet { entity, year } => format!("no balance sheet ({} {year})", entity.fi()),
        NoBalanceSheetSince { entity, year } => format!(
            "no balance sheet ({}) for {year} or any year before it",
            entity.fi()
        ),
        InvestmentsNotItemised { entity, year } => format!(
            "sijoitukset ({} {year}) is not itemised, so its loans receivable are not known",
            entity.fi()
        ),
        CashMissing { entity, year, why } => format!(
            "cash 31.12. ({} {year}) missing: neither Rahavarat 31.12. nor {}",
            entity.fi(),
            en(why)
        ),
        WindowIncomplete {
            entity,
            window,
            first,
            last,
            missing,
        } => format!(
            "the {window}-year sum {first}–{last} needs toiminnan ja investointien rahavirta ({}) for {}",
            entity.fi(),
            years(missing)
        ),
        NetInvestmentNotPositive => "net investment is not positive".into(),
        BreakYear { year } => format!(
            "{year} is a structural break year (net_cost_growth.break_years): its growth is not comparable with {}; give net_cost_growth.adjusted_base.{year} to measure it",
            year - 1
        ),
        GroupBreakYear { year } => format!(
            "{year} is a structural break year of the group (group_loans.break_years): its loans per resident are not comparable with {}; give group_loans.adjusted_base.{year} (the group's like-for-like loans and liabilities of {}, €) to measure it",
            year - 1,
            year - 1
        ),
        // The flag is named here, where the reader acts, not in the model.
        PriceIndexMissing { year, index } => {
            format!("price index change for {year} not given ({index}); add it with --index")
        }
        NetCostNotPositive { year } => format!("net cost of {year} is not positive"),
        NoGroupLoans { year } => format!(
            "no group balance sheet (konsernitase) and no group loan estimate for {year}; the city's figures are not used in their place"
        ),
        LeasesNeeded(why) => format!("{} (group_loans.include_leases = true)", en(why)),
        NoComparisonYear(why) => format!("no comparison year: {}", en(why)),
        NoYear { year } => format!("the workbook has no year {year}"),
        FiguresMissing { years: ys } => format!("figures missing for {}", years(ys)),
    }
}

fn fi(r: &Reason) -> String {
    use Reason::*;
    match r {
        LineMissing {
            entity,
            line: id,
            year,
        } => {
            let (name, at) = line(*entity, id);
            format!("rivi \"{name}\" ({at}) puuttuu vuodelta {year}")
        }
        LinePartMissing {
            entity,
            line: id,
            year,
            part,
        } => {
            let (name, at) = line(*entity, id);
            format!(
                "riviä \"{name}\" ({at}, {year}) ei ole esitetty eikä sitä voi laskea alariveistään: \"{}\" puuttuu",
                items::item(part).fi
            )
        }
        PopulationMissing { year } => format!("asukasluku 31.12. puuttuu vuodelta {year}"),
        PopulationNotPositive { year } => format!("vuoden {year} asukasluku ei ole positiivinen"),
        Zero(d) => format!("{} on nolla", term(d, Lang::Fi)),
        Overflow(d) => format!("{}: jakolasku ylivuotaa", term(d, Lang::Fi)),
        DebtNotItemised { entity, year } => format!(
            "vierasta pääomaa ({} {year}) ei ole eritelty lainoihin ja muihin velkoihin",
            entity.fi()
        ),
        SectionNotItemised {
            entity,
            section,
            year,
        } => format!(
            "\"{}\" vierasta pääomaa ({} {year}) ei ole eritelty lainoihin ja muihin velkoihin",
            items::item(section).fi,
            entity.fi()
        ),
        NoBalanceSheet { entity, year } => format!("ei tasetta ({} {year})", entity.fi()),
        NoBalanceSheetSince { entity, year } => format!(
            "ei tasetta ({}) vuodelta {year} eikä sitä edeltäviltä vuosilta",
            entity.fi()
        ),
        InvestmentsNotItemised { entity, year } => format!(
            "sijoituksia ({} {year}) ei ole eritelty, joten niiden lainasaamiset eivät ole tiedossa",
            entity.fi()
        ),
        CashMissing { entity, year, why } => format!(
            "rahavarat 31.12. ({} {year}) puuttuvat: ei riviä Rahavarat 31.12. eikä taseen rahavaroja, koska {}",
            entity.fi(),
            fi(why)
        ),
        WindowIncomplete {
            entity,
            window,
            first,
            last,
            missing,
        } => format!(
            "{window} vuoden kertymä {first}–{last} tarvitsee toiminnan ja investointien rahavirran ({}) vuosilta {}",
            entity.fi(),
            years(missing)
        ),
        NetInvestmentNotPositive => "nettoinvestoinnit eivät ole positiiviset".into(),
        BreakYear { year } => format!(
            "{year} on rakennemuutosvuosi (net_cost_growth.break_years): sen kasvu ei ole vertailukelpoinen vuoteen {}; anna net_cost_growth.adjusted_base.{year} sen mittaamiseksi",
            year - 1
        ),
        GroupBreakYear { year } => format!(
            "{year} on konsernin rakennemuutosvuosi (group_loans.break_years): sen lainat asukasta kohden eivät ole vertailukelpoisia vuoteen {}; anna group_loans.adjusted_base.{year} (konsernin vertailukelpoiset lainat ja vastuut vuonna {}, €) sen mittaamiseksi",
            year - 1,
            year - 1
        ),
        PriceIndexMissing { year, index } => {
            let index = price_index::label(index, Lang::Fi);
            format!(
                "hintaindeksin muutos vuodelle {year} puuttuu ({index}); anna se valitsimella --index"
            )
        }
        NetCostNotPositive { year } => format!("vuoden {year} nettomenot eivät ole positiiviset"),
        NoGroupLoans { year } => format!(
            "ei konsernitasetta eikä konsernin lainakannan arviota vuodelta {year}; kaupungin lukuja ei käytetä niiden sijaan"
        ),
        LeasesNeeded(why) => format!("{} (group_loans.include_leases = true)", fi(why)),
        NoComparisonYear(why) => format!("ei vertailuvuotta: {}", fi(why)),
        NoYear { year } => format!("työkirjassa ei ole vuotta {year}"),
        FiguresMissing { years: ys } => format!("luvut puuttuvat vuosilta {}", years(ys)),
    }
}

fn sv(r: &Reason) -> String {
    use Reason::*;
    match r {
        LineMissing {
            entity,
            line: id,
            year,
        } => {
            let (name, at) = line_sv(*entity, id);
            format!("raden \"{name}\" ({at}) saknas för {year}")
        }
        LinePartMissing {
            entity,
            line: id,
            year,
            part,
        } => {
            let (name, at) = line_sv(*entity, id);
            format!(
                "raden \"{name}\" ({at}, {year}) är inte angiven och kan inte summeras ur sina rader: \"{}\" saknas",
                items::item(part).sv
            )
        }
        PopulationMissing { year } => format!("invånarantal 31.12 saknas för {year}"),
        PopulationNotPositive { year } => format!("invånarantalet {year} är inte positivt"),
        Zero(d) => format!("{} är noll", term(d, Lang::Sv)),
        Overflow(d) => format!("{}: divisionen blir för stor", term(d, Lang::Sv)),
        DebtNotItemised { entity, year } => format!(
            "främmande kapital ({} {year}) är inte specificerat på lån och övriga skulder",
            entity.sv()
        ),
        SectionNotItemised {
            entity,
            section,
            year,
        } => format!(
            "\"{}\" främmande kapital ({} {year}) är inte specificerat på lån och övriga skulder",
            items::item(section).sv,
            entity.sv()
        ),
        NoBalanceSheet { entity, year } => format!("ingen balansräkning ({} {year})", entity.sv()),
        NoBalanceSheetSince { entity, year } => format!(
            "ingen balansräkning ({}) för {year} eller något år före det",
            entity.sv()
        ),
        InvestmentsNotItemised { entity, year } => format!(
            "placeringar ({} {year}) är inte specificerade, så lånefordringarna i dem är inte kända",
            entity.sv()
        ),
        CashMissing { entity, year, why } => format!(
            "likvida medel 31.12 ({} {year}) saknas: varken raden Likvida medel 31.12 eller balansräkningens likvida medel, eftersom {}",
            entity.sv(),
            sv(why)
        ),
        WindowIncomplete {
            entity,
            window,
            first,
            last,
            missing,
        } => format!(
            "summan för {window} år {first}–{last} kräver verksamhetens och investeringarnas kassaflöde ({}) för {}",
            entity.sv(),
            years(missing)
        ),
        NetInvestmentNotPositive => "nettoinvesteringarna är inte positiva".into(),
        BreakYear { year } => format!(
            "{year} är ett år med strukturförändring (net_cost_growth.break_years): dess tillväxt är inte jämförbar med {}; ange net_cost_growth.adjusted_base.{year} för att mäta den",
            year - 1
        ),
        GroupBreakYear { year } => format!(
            "{year} är ett år med strukturförändring i koncernen (group_loans.break_years): dess lån per invånare är inte jämförbara med {}; ange group_loans.adjusted_base.{year} (koncernens jämförbara lån och hyresansvar {}, €) för att mäta dem",
            year - 1,
            year - 1
        ),
        PriceIndexMissing { year, index } => {
            let index = price_index::label(index, Lang::Sv);
            format!("prisindexets förändring för {year} saknas ({index}); ange den med --index")
        }
        NetCostNotPositive { year } => format!("nettokostnaderna {year} är inte positiva"),
        NoGroupLoans { year } => format!(
            "ingen koncernbalansräkning och ingen uppskattning av koncernens lånestock för {year}; stadens siffror används inte i deras ställe"
        ),
        LeasesNeeded(why) => format!("{} (group_loans.include_leases = true)", sv(why)),
        NoComparisonYear(why) => format!("inget jämförelseår: {}", sv(why)),
        NoYear { year } => format!("arbetsboken har inget år {year}"),
        FiguresMissing { years: ys } => format!("siffror saknas för {}", years(ys)),
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
        f.write_str(&en(self))
    }
}

/// As its English sentence: JSON keeps the shape it had when reasons were text.
impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&en(self))
    }
}
