//! A finding in the reader's language. Line and statement names stay in
//! Finnish in Finnish and English, as in the statements a reader compares
//! with, and are the decree's Swedish names in Swedish;
//! the English wording is also what CSV, JSON and error messages carry, so
//! machine readers see one language.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::model::dataset::Entity;
use crate::model::findings::{
    Broken, GroupAgainstCity, GroupCheck, Identity, Message, PerResident, Population, Unequal,
    UnitsAcross,
};
use crate::model::items;
use crate::model::location::Location;
use crate::report::format::{Lang, number, round};

/// The finding as a sentence in `lang`.
pub fn text(m: &Message, lang: Lang) -> String {
    match m {
        Message::Identity(m) => unequal(m, lang),
        Message::Population(m) => population(m, lang),
        Message::PerResident(m) => per_resident(m, lang),
        Message::UnitsAcross(m) => units_across(m, lang),
        Message::GroupAgainstCity(m) => group_against_city(m, lang),
        Message::StatementsMissing { entity, statements } => {
            let names = statements
                .iter()
                .map(|st| match lang {
                    Lang::Fi => st.fi().to_string(),
                    Lang::Sv => st.sv().to_string(),
                    Lang::En => format!("{} ({})", st.fi(), st.en()),
                })
                .collect::<Vec<_>>()
                .join(", ");
            statements_missing(*entity, &names, statements.len(), lang)
        }
        Message::Text(s) => s.get(lang).to_string(),
    }
}

/// An identity with the statements' line names; the few words between them
/// in `lang`.
pub fn identity(i: &Identity, lang: Lang) -> String {
    match (i, lang) {
        (_, Lang::Sv) => identity_sv(i),
        (Identity::Subtotal { line, parts }, Lang::Fi | Lang::En) => {
            let names: Vec<&str> = parts.iter().map(|p| items::item(p).fi).collect();
            format!("{} = {}", items::item(line).fi, names.join(" + "))
        }
        (Identity::CashChange, _) => {
            "Rahavarojen muutos = Rahavarat 31.12. − Rahavarat 1.1.".into()
        }
        (Identity::CashAgainstBalanceSheet, _) => {
            "Rahavarat 31.12. = Rahoitusarvopaperit + Rahat ja pankkisaamiset (tase)".into()
        }
        (Identity::CashChangeAgainstBalanceSheet, Lang::En) => {
            "Rahavarojen muutos = change in the balance sheet's cash".into()
        }
        (Identity::CashChangeAgainstBalanceSheet, Lang::Fi) => {
            "Rahavarojen muutos = taseen rahavarojen muutos".into()
        }
        (Identity::BalanceSheet, _) => "Vastaavaa yhteensä = Vastattavaa yhteensä".into(),
        (Identity::VuosikateAcross, _) => {
            "Vuosikate (tuloslaskelma) = Vuosikate (rahoituslaskelma)".into()
        }
        (Identity::SurplusAcross, _) => {
            "Tilikauden ylijäämä (tuloslaskelma) = Tilikauden ylijäämä (tase)".into()
        }
        (Identity::CashCarriedOver, Lang::En) => {
            "Rahavarat 1.1. = last year's Rahavarat 31.12.".into()
        }
        (Identity::CashCarriedOver, Lang::Fi) => {
            "Rahavarat 1.1. = edellisen vuoden Rahavarat 31.12.".into()
        }
        (Identity::SurplusCarriedOver, Lang::En) => {
            "Edellisten tilikausien ylijäämä = last year's Edellisten tilikausien ylijäämä + Tilikauden ylijäämä".into()
        }
        (Identity::SurplusCarriedOver, Lang::Fi) => {
            "Edellisten tilikausien ylijäämä = edellisen vuoden Edellisten tilikausien ylijäämä + Tilikauden ylijäämä".into()
        }
    }
}

/// The identity with the decree's Swedish line names.
fn identity_sv(i: &Identity) -> String {
    match i {
        Identity::Subtotal { line, parts } => {
            let names: Vec<&str> = parts.iter().map(|p| items::item(p).sv).collect();
            format!("{} = {}", items::item(line).sv, names.join(" + "))
        }
        Identity::CashChange => {
            "Förändring av likvida medel = Likvida medel 31.12 − Likvida medel 1.1".into()
        }
        Identity::CashAgainstBalanceSheet => {
            "Likvida medel 31.12 = Finansiella värdepapper + Kassa och bank (balansräkning)".into()
        }
        Identity::CashChangeAgainstBalanceSheet => {
            "Förändring av likvida medel = förändring av balansräkningens likvida medel".into()
        }
        Identity::BalanceSheet => "Aktiva sammanlagt = Passiva sammanlagt".into(),
        Identity::VuosikateAcross => {
            "Årsbidrag (resultaträkning) = Årsbidrag (finansieringsanalys)".into()
        }
        Identity::SurplusAcross => {
            "Räkenskapsperiodens överskott (resultaträkning) = Räkenskapsperiodens överskott (balansräkning)".into()
        }
        Identity::CashCarriedOver => {
            "Likvida medel 1.1 = föregående års Likvida medel 31.12".into()
        }
        Identity::SurplusCarriedOver => {
            "Överskott från tidigare räkenskapsperioder = föregående års Överskott från tidigare räkenskapsperioder + Räkenskapsperiodens överskott".into()
        }
    }
}

/// What a break is, in `lang`: its identity, or its finding's sentence.
pub fn broken(b: &Broken, lang: Lang) -> String {
    match b {
        Broken::Identity(i) => identity(i, lang),
        Broken::Finding(m) => text(m, lang),
    }
}

/// A figure with the decimals it carries: "42998451.34", "42 998 451,34".
fn exact(v: Decimal, lang: Lang) -> String {
    match lang {
        Lang::Fi | Lang::Sv => number(v, v.scale(), lang),
        Lang::En => v.to_string(),
    }
}

/// Whole euros.
fn euros(v: Decimal, lang: Lang) -> String {
    match lang {
        Lang::Fi | Lang::Sv => number(v, 0, lang),
        Lang::En => round(v, 0).to_string(),
    }
}

/// Cents where whole euros would hide how small a figure is.
fn per(v: Decimal, lang: Lang) -> String {
    let dp = if v.abs() < Decimal::ONE_HUNDRED { 2 } else { 0 };
    exact(round(v, dp).normalize(), lang)
}

/// Where a figure is: the file, sheet and cell or line.
fn place(l: &Location, lang: Lang) -> String {
    let (sheet, line, cell) = match lang {
        Lang::Fi => ("taulukko", "rivi", "solu"),
        Lang::Sv => ("blad", "rad", "cell"),
        // English keeps the location's own wording, as errors print it.
        Lang::En => return l.to_string(),
    };
    let mut s = l.file.clone();
    if let Some(sh) = &l.sheet {
        s.push_str(&format!(", {sheet} '{sh}'"));
    }
    if let Some(c) = &l.cell {
        match c.strip_prefix("line ") {
            Some(n) => s.push_str(&format!(", {line} {n}")),
            None => s.push_str(&format!(", {cell} {c}")),
        }
    }
    s
}

/// The entity as a finding names it: the Finnish word in Finnish and
/// English, the Swedish one in Swedish.
fn entity(e: Entity, lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => e.sv(),
        Lang::Fi | Lang::En => e.fi(),
    }
}

fn line_name(id: &str, lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => items::item(id).sv,
        Lang::Fi | Lang::En => items::item(id).fi,
    }
}

/// A line or sum the model names in Finnish, by its Swedish name in
/// Swedish: a decree's line by the catalogue, the few sums by hand, in the
/// lower case a sentence takes them in when the Finnish has it.
fn finnish_words(name: &'static str, lang: Lang) -> String {
    match lang {
        Lang::Fi | Lang::En => name.to_string(),
        Lang::Sv => swedish_name(name),
    }
}

fn swedish_name(name: &'static str) -> String {
    let sv = match name {
        "Rahoitusarvopaperit + Rahat ja pankkisaamiset" => {
            "Finansiella värdepapper + Kassa och bank"
        }
        "lainakanta" => "lånestock",
        "vuokravastuut" => "hyresansvar",
        _ => match items::ITEMS
            .iter()
            .find(|d| d.fi.to_lowercase() == name.to_lowercase())
        {
            Some(d) => d.sv,
            None => name,
        },
    };
    match name.chars().next() {
        Some(c) if c.is_lowercase() => {
            let mut cs = sv.chars();
            cs.next()
                .map(|f| f.to_lowercase().chain(cs).collect())
                .unwrap_or_default()
        }
        _ => sv.to_string(),
    }
}

fn years(ys: &[i32]) -> String {
    ys.iter().map(i32::to_string).collect::<Vec<_>>().join(", ")
}

fn unequal(m: &Unequal, lang: Lang) -> String {
    let (e, year, what) = (entity(m.entity, lang), m.year, identity(&m.identity, lang));
    let (left, right, tolerance) = (m.left, m.right, m.tolerance);
    let diff = left - right;
    let n = |v: Decimal| exact(v, lang);
    match lang {
        Lang::En => format!(
            "{e} {year}: {what} does not hold: {left} against {right} (difference {diff}, rounding allows {tolerance})"
        ),
        Lang::Fi => format!(
            "{e} {year}: {what} ei täsmää: vasen puoli {}, oikea puoli {} (erotus {}, pyöristys sallii {})",
            n(left),
            n(right),
            n(diff),
            n(tolerance)
        ),
        Lang::Sv => format!(
            "{e} {year}: {what} stämmer inte: vänstra sidan {}, högra sidan {} (skillnad {}, avrundningen tillåter {})",
            n(left),
            n(right),
            n(diff),
            n(tolerance)
        ),
    }
}

fn population(m: &Population, lang: Lang) -> String {
    let (at, year, value, low, high) = (place(&m.at, lang), m.year, m.value, m.low, m.high);
    match lang {
        Lang::En => format!(
            "{at}: population {year} is {value}, outside the {low}–{high} residents of any Finnish municipality (is it in thousands, or a euro figure on the population row?)"
        ),
        Lang::Sv => format!(
            "{at}: invånarantalet {year} är {}, medan finländska kommuner har {}–{} invånare (är talet i tusental, eller står en eurosiffra på invånarraden?)",
            exact(value, lang),
            number(Decimal::from(low), 0, lang),
            number(Decimal::from(high), 0, lang)
        ),
        Lang::Fi => format!(
            "{at}: asukasluku {year} on {}, kun suomalaisissa kunnissa on {}–{} asukasta (onko luku tuhansina, tai onko asukaslukurivillä euromäärä?)",
            exact(value, lang),
            number(Decimal::from(low), 0, lang),
            number(Decimal::from(high), 0, lang)
        ),
    }
}

fn per_resident(m: &PerResident, lang: Lang) -> String {
    let at = place(&m.at, lang);
    let (e, y, what) = (entity(m.entity, lang), m.year, finnish_words(m.what, lang));
    let (v, p) = (euros(m.value, lang), per(m.per_resident, lang));
    let (pop, pcell) = (exact(m.population, lang), place(&m.population_at, lang));
    let high = exact(Decimal::from(m.high), lang);
    let range = match (m.low, lang) {
        (Some(l), _) => format!("{}–{high}", exact(Decimal::from(l), lang)),
        (None, _) => format!("{} {high}", lang.tr("enintään", "högst", "at most")),
    };
    let mut s = match lang {
        Lang::Sv => format!(
            "{at}: {e} {y} {what} {v} € är {p} €/invånare med invånarantalet {pop} ({pcell}); finländska kommuner har {range} €/invånare: är bladets enhet rätt (skiljer sig enheterna 1000-faldigt?)"
        ),
        Lang::En => format!(
            "{at}: {e} {y} {what} {v} € is {p} €/resident with the population of {pcell} ({pop}); any Finnish municipality shows {range} €/resident: is the sheet's unit right (the units differ by 1000?)"
        ),
        Lang::Fi => format!(
            "{at}: {e} {y} {what} {v} € on {p} €/asukas, kun asukasluku on {pop} ({pcell}); suomalaisissa kunnissa luku on {range} €/asukas: onko taulukon yksikkö oikein (eroavatko yksiköt 1000-kertaisesti?)"
        ),
    };
    if !m.also.is_empty() {
        let list = years(&m.also);
        s.push_str(&crate::tr!(
            lang,
            " Sama rivi on rajojen ulkopuolella myös vuosina {list}.",
            " Samma rad ligger utanför gränserna även {list}.",
            " The same row is out of bounds in {list} too."
        ));
    }
    s
}

fn units_across(m: &UnitsAcross, lang: Lang) -> String {
    let (e, y) = (entity(m.entity, lang), m.year);
    let name = line_name(m.line, lang);
    let (a, at) = (euros(m.value, lang), place(&m.at, lang));
    let (b, bt) = (euros(m.other_value, lang), place(&m.other_at, lang));
    let other = finnish_words(m.other, lang);
    crate::tr!(
        lang,
        "{e} {y}: {name} on {a} € ({at}), mutta {other} on {b} € ({bt}): eroavatko yksiköt 1000-kertaisesti?",
        "{e} {y}: {name} är {a} € ({at}), men {other} är {b} € ({bt}): skiljer sig enheterna 1000-faldigt?",
        "{e} {y}: {name} is {a} € at {at} but {other} is {b} € at {bt}: the units differ by 1000?"
    )
}

fn group_against_city(m: &GroupAgainstCity, lang: Lang) -> String {
    let y = m.year;
    let eur = |v: &Decimal| euros(*v, lang);
    let what = match &m.check {
        GroupCheck::LoansBelowCity { group, city } => {
            let (g, c) = (eur(group), eur(city));
            crate::tr!(
                lang,
                "{y}: konsernin lainat {g} € ovat pienemmät kuin kaupungin omat lainat {c} €, vaikka konserniin kuuluu kaupunki",
                "{y}: koncernens lån {g} € är mindre än stadens egna lån {c} €, fast koncernen omfattar staden",
                "{y}: the group's loans {g} € are less than the city's own {c} €, which the group includes"
            )
        }
        GroupCheck::EstimateBelowHalf {
            estimate,
            city,
            city_year,
        } => {
            let (e, c) = (eur(estimate), eur(city));
            crate::tr!(
                lang,
                "{y}: konsernin lainakannan arvio {e} € on alle puolet kaupungin omista lainoista {c} € ({city_year}), vaikka konserniin kuuluu kaupunki",
                "{y}: uppskattningen av koncernens lånestock {e} € är under hälften av stadens egna lån {c} € ({city_year}), fast koncernen omfattar staden",
                "{y}: the group's loan estimate {e} € is less than half the city's own loans {c} € ({city_year}), which the group includes"
            )
        }
        GroupCheck::EstimateThousandfold { estimate, group } => {
            let (e, g) = (eur(estimate), eur(group));
            crate::tr!(
                lang,
                "{y}: konsernin lainakannan arvio {e} € poikkeaa tuhatkertaisesti konsernitaseen lainoista {g} €",
                "{y}: uppskattningen av koncernens lånestock {e} € avviker tusenfaldigt från koncernbalansräkningens lån {g} €",
                "{y}: the group's loan estimate {e} € is a thousandfold off the group balance sheet's loans {g} €"
            )
        }
        GroupCheck::TotalOutOfScale { line, group, city } => {
            let name = line_name(line, lang).to_lowercase();
            let (g, c) = (eur(group), eur(city));
            crate::tr!(
                lang,
                "{y}: konsernin {name} {g} € ja kaupungin {c} €: konserni, johon kaupunki kuuluu, ei ole tämän kokoinen",
                "{y}: koncernens {name} {g} € mot stadens {c} €: en koncern som omfattar staden är inte av den storleken",
                "{y}: the group's {name} {g} € against the city's {c} € is not the size of a group that includes the city"
            )
        }
    };
    let name = |l: &Option<Location>| match l {
        Some(l) => place(l, lang),
        None => lang.tr("(laskettu)", "(beräknad)", "(computed)").into(),
    };
    let (first, second) = (name(&m.first), name(&m.second));
    match m.units {
        true => crate::tr!(
            lang,
            "{what} ({first} ja {second}): eroavatko yksiköt 1000-kertaisesti?",
            "{what} ({first} mot {second}): skiljer sig enheterna 1000-faldigt?",
            "{what} ({first} against {second}): the units differ by 1000?"
        ),
        false => crate::tr!(
            lang,
            "{what} ({first} ja {second}): tarkista molemmat solut",
            "{what} ({first} mot {second}): kontrollera båda cellerna",
            "{what} ({first} against {second}): check both cells"
        ),
    }
}

fn statements_missing(entity: Entity, names: &str, count: usize, lang: Lang) -> String {
    let them = if count == 1 { "siitä" } else { "niistä" };
    let them_sv = if count == 1 { "den" } else { "dem" };
    match entity {
        Entity::City => crate::tr!(
            lang,
            "työkirjasta puuttuu kaupungin {names}; indikaattoreita ja tunnuslukuja, jotka lasketaan {them}, ei voi mitata",
            "arbetsboken saknar stadens {names}; de indikatorer och nyckeltal som beräknas ur {them_sv} kan inte mätas",
            "the workbook has no {names} of the city; the indicators and key ratios that rest on it cannot be measured"
        ),
        Entity::Group => crate::tr!(
            lang,
            "työkirjassa on osa konsernin laskelmista, mutta siitä puuttuu konsernin {names}; konsernin tunnuslukuja, jotka lasketaan {them}, ei voi mitata",
            "arbetsboken har en del av koncernens räkningar men saknar koncernens {names}; de nyckeltal för koncernen som beräknas ur {them_sv} kan inte mätas",
            "the workbook has some of the group's statements but no {names} of the group; the group's key ratios that rest on it cannot be measured"
        ),
    }
}

/// English, as CSV, JSON and error messages carry it.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&text(self, Lang::En))
    }
}

/// As its English sentence: JSON keeps the shape it had when findings were
/// text.
impl Serialize for Message {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&text(self, Lang::En))
    }
}

impl fmt::Display for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&identity(self, Lang::En))
    }
}

impl Serialize for Identity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&identity(self, Lang::En))
    }
}

impl Serialize for Broken {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&broken(self, Lang::En))
    }
}
