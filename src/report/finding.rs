//! A finding in the reader's language. Line and statement names stay in
//! Finnish in both languages, as in the statements a reader compares with;
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
                    Lang::Sv | Lang::En => format!("{} ({})", st.fi(), st.en()),
                    Lang::Fi => st.fi().to_string(),
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
    let en = lang == Lang::En;
    match i {
        Identity::Subtotal { line, parts } => {
            let names: Vec<&str> = parts.iter().map(|p| items::item(p).fi).collect();
            format!("{} = {}", items::item(line).fi, names.join(" + "))
        }
        Identity::CashChange => "Rahavarojen muutos = Rahavarat 31.12. − Rahavarat 1.1.".into(),
        Identity::CashAgainstBalanceSheet => {
            "Rahavarat 31.12. = Rahoitusarvopaperit + Rahat ja pankkisaamiset (tase)".into()
        }
        Identity::CashChangeAgainstBalanceSheet if en => {
            "Rahavarojen muutos = change in the balance sheet's cash".into()
        }
        Identity::CashChangeAgainstBalanceSheet => {
            "Rahavarojen muutos = taseen rahavarojen muutos".into()
        }
        Identity::BalanceSheet => "Vastaavaa yhteensä = Vastattavaa yhteensä".into(),
        Identity::VuosikateAcross => {
            "Vuosikate (tuloslaskelma) = Vuosikate (rahoituslaskelma)".into()
        }
        Identity::SurplusAcross => {
            "Tilikauden ylijäämä (tuloslaskelma) = Tilikauden ylijäämä (tase)".into()
        }
        Identity::CashCarriedOver if en => "Rahavarat 1.1. = last year's Rahavarat 31.12.".into(),
        Identity::CashCarriedOver => "Rahavarat 1.1. = edellisen vuoden Rahavarat 31.12.".into(),
        Identity::SurplusCarriedOver if en => {
            "Edellisten tilikausien ylijäämä = last year's Edellisten tilikausien ylijäämä + Tilikauden ylijäämä".into()
        }
        Identity::SurplusCarriedOver => {
            "Edellisten tilikausien ylijäämä = edellisen vuoden Edellisten tilikausien ylijäämä + Tilikauden ylijäämä".into()
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
        Lang::Sv | Lang::En => v.to_string(),
        Lang::Fi => number(v, v.scale(), lang),
    }
}

/// Whole euros.
fn euros(v: Decimal, lang: Lang) -> String {
    match lang {
        Lang::Sv | Lang::En => round(v, 0).to_string(),
        Lang::Fi => number(v, 0, lang),
    }
}

/// Cents where whole euros would hide how small a figure is.
fn per(v: Decimal, lang: Lang) -> String {
    let dp = if v.abs() < Decimal::ONE_HUNDRED { 2 } else { 0 };
    exact(round(v, dp).normalize(), lang)
}

/// Where a figure is: the file, sheet and cell or line.
fn place(l: &Location, lang: Lang) -> String {
    if lang == Lang::En {
        return l.to_string();
    }
    let mut s = l.file.clone();
    if let Some(sh) = &l.sheet {
        s.push_str(&format!(", taulukko '{sh}'"));
    }
    if let Some(c) = &l.cell {
        match c.strip_prefix("line ") {
            Some(n) => s.push_str(&format!(", rivi {n}")),
            None => s.push_str(&format!(", solu {c}")),
        }
    }
    s
}

fn years(ys: &[i32]) -> String {
    ys.iter().map(i32::to_string).collect::<Vec<_>>().join(", ")
}

fn unequal(m: &Unequal, lang: Lang) -> String {
    let (e, year, what) = (m.entity.fi(), m.year, identity(&m.identity, lang));
    let (left, right, tolerance) = (m.left, m.right, m.tolerance);
    let diff = left - right;
    let n = |v: Decimal| exact(v, lang);
    match lang {
        Lang::Sv | Lang::En => format!(
            "{e} {year}: {what} does not hold: {left} against {right} (difference {diff}, rounding allows {tolerance})"
        ),
        Lang::Fi => format!(
            "{e} {year}: {what} ei täsmää: vasen puoli {}, oikea puoli {} (erotus {}, pyöristys sallii {})",
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
        Lang::Sv | Lang::En => format!(
            "{at}: population {year} is {value}, outside the {low}–{high} residents of any Finnish municipality (is it in thousands, or a euro figure on the population row?)"
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
    let (e, y, what) = (m.entity.fi(), m.year, m.what);
    let (v, p) = (euros(m.value, lang), per(m.per_resident, lang));
    let (pop, pcell) = (exact(m.population, lang), place(&m.population_at, lang));
    let high = exact(Decimal::from(m.high), lang);
    let range = match (m.low, lang) {
        (Some(l), _) => format!("{}–{high}", exact(Decimal::from(l), lang)),
        (None, Lang::Sv | Lang::En) => format!("at most {high}"),
        (None, Lang::Fi) => format!("enintään {high}"),
    };
    let mut s = match lang {
        Lang::Sv | Lang::En => format!(
            "{at}: {e} {y} {what} {v} € is {p} €/resident with the population of {pcell} ({pop}); any Finnish municipality shows {range} €/resident: is the sheet's unit right (the units differ by 1000?)"
        ),
        Lang::Fi => format!(
            "{at}: {e} {y} {what} {v} € on {p} €/asukas, kun asukasluku on {pop} ({pcell}); suomalaisissa kunnissa luku on {range} €/asukas: onko taulukon yksikkö oikein (eroavatko yksiköt 1000-kertaisesti?)"
        ),
    };
    if !m.also.is_empty() {
        let list = years(&m.also);
        s.push_str(&match lang {
            Lang::Sv | Lang::En => format!(" The same row is out of bounds in {list} too."),
            Lang::Fi => format!(" Sama rivi on rajojen ulkopuolella myös vuosina {list}."),
        });
    }
    s
}

fn units_across(m: &UnitsAcross, lang: Lang) -> String {
    let (e, y) = (m.entity.fi(), m.year);
    let name = items::item(m.line).fi;
    let (a, at) = (euros(m.value, lang), place(&m.at, lang));
    let (b, bt) = (euros(m.other_value, lang), place(&m.other_at, lang));
    let other = m.other;
    match lang {
        Lang::Sv | Lang::En => format!(
            "{e} {y}: {name} is {a} € at {at} but {other} is {b} € at {bt}: the units differ by 1000?"
        ),
        Lang::Fi => format!(
            "{e} {y}: {name} on {a} € ({at}), mutta {other} on {b} € ({bt}): eroavatko yksiköt 1000-kertaisesti?"
        ),
    }
}

fn group_against_city(m: &GroupAgainstCity, lang: Lang) -> String {
    let fi = lang == Lang::Fi;
    let y = m.year;
    let eur = |v: &Decimal| euros(*v, lang);
    let what = match &m.check {
        GroupCheck::LoansBelowCity { group, city } if fi => format!(
            "{y}: konsernin lainat {} € ovat pienemmät kuin kaupungin omat lainat {} €, vaikka konserniin kuuluu kaupunki",
            eur(group),
            eur(city)
        ),
        GroupCheck::LoansBelowCity { group, city } => format!(
            "{y}: the group's loans {} € are less than the city's own {} €, which the group includes",
            eur(group),
            eur(city)
        ),
        GroupCheck::EstimateBelowHalf {
            estimate,
            city,
            city_year,
        } if fi => format!(
            "{y}: konsernin lainakannan arvio {} € on alle puolet kaupungin omista lainoista {} € ({city_year}), vaikka konserniin kuuluu kaupunki",
            eur(estimate),
            eur(city)
        ),
        GroupCheck::EstimateBelowHalf {
            estimate,
            city,
            city_year,
        } => format!(
            "{y}: the group's loan estimate {} € is less than half the city's own loans {} € ({city_year}), which the group includes",
            eur(estimate),
            eur(city)
        ),
        GroupCheck::EstimateThousandfold { estimate, group } if fi => format!(
            "{y}: konsernin lainakannan arvio {} € poikkeaa tuhatkertaisesti konsernitaseen lainoista {} €",
            eur(estimate),
            eur(group)
        ),
        GroupCheck::EstimateThousandfold { estimate, group } => format!(
            "{y}: the group's loan estimate {} € is a thousandfold off the group balance sheet's loans {} €",
            eur(estimate),
            eur(group)
        ),
        GroupCheck::TotalOutOfScale { line, group, city } if fi => format!(
            "{y}: konsernin {} {} € ja kaupungin {} €: konserni, johon kaupunki kuuluu, ei ole tämän kokoinen",
            items::item(line).fi.to_lowercase(),
            eur(group),
            eur(city)
        ),
        GroupCheck::TotalOutOfScale { line, group, city } => format!(
            "{y}: the group's {} {} € against the city's {} € is not the size of a group that includes the city",
            items::item(line).fi.to_lowercase(),
            eur(group),
            eur(city)
        ),
    };
    let name = |l: &Option<Location>| match l {
        Some(l) => place(l, lang),
        None if fi => "(laskettu)".into(),
        None => "(computed)".into(),
    };
    let (first, second) = (name(&m.first), name(&m.second));
    match (m.units, fi) {
        (true, false) => format!("{what} ({first} against {second}): the units differ by 1000?"),
        (false, false) => format!("{what} ({first} against {second}): check both cells"),
        (true, true) => {
            format!("{what} ({first} ja {second}): eroavatko yksiköt 1000-kertaisesti?")
        }
        (false, true) => format!("{what} ({first} ja {second}): tarkista molemmat solut"),
    }
}

fn statements_missing(entity: Entity, names: &str, count: usize, lang: Lang) -> String {
    let them = if count == 1 { "siitä" } else { "niistä" };
    match (entity, lang) {
        (Entity::City, Lang::Sv | Lang::En) => format!(
            "the workbook has no {names} of the city; the indicators and key ratios that rest on it cannot be measured"
        ),
        (Entity::City, Lang::Fi) => format!(
            "työkirjasta puuttuu kaupungin {names}; indikaattoreita ja tunnuslukuja, jotka lasketaan {them}, ei voi mitata"
        ),
        (Entity::Group, Lang::Sv | Lang::En) => format!(
            "the workbook has some of the group's statements but no {names} of the group; the group's key ratios that rest on it cannot be measured"
        ),
        (Entity::Group, Lang::Fi) => format!(
            "työkirjassa on osa konsernin laskelmista, mutta siitä puuttuu konsernin {names}; konsernin tunnuslukuja, jotka lasketaan {them}, ei voi mitata"
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
