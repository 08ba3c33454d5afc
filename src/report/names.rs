//! The model's names in the report's language: indicators, ratios, units,
//! statuses, entities, year kinds and statements. The model carries the
//! Finnish and English; the Swedish (the terms of the Swedish text of
//! kommunallagen 410/2015 and of Statistics Finland's Swedish key-ratio
//! tables) is given here beside them, so every table names them alike.

use crate::model::dataset::{Entity, YearKind};
use crate::model::indicators::{IndicatorDef, Status};
use crate::model::items::Statement;
use crate::model::ratios::{RatioDef, Unit};
use crate::report::format::Lang;

/// An indicator's name: "Årsbidrag − nettoinvesteringar".
pub fn indicator(d: &IndicatorDef, lang: Lang) -> &'static str {
    let sv = match d.number {
        1 => "Årsbidrag − nettoinvesteringar",
        2 => "Ackumulerat överskott",
        3 => "Nettokostnadernas ökning, %",
        4 => "Koncernens lån och hyresansvar, €/invånare",
        5 => "Verksamhetens och investeringarnas kassaflöde, ackumulerat",
        _ => d.en,
    };
    lang.tr(d.fi, sv, d.en)
}

/// An indicator's target: "Ökar inte".
pub fn target(d: &IndicatorDef, lang: Lang) -> &'static str {
    let sv = match d.number {
        1 => "Investeringarna på årsbidragets nivå",
        2 => "Balansräkningen förblir i överskott",
        3 => "Högst prisindexets förändring",
        4 => "Ökar inte",
        5 => "Det ackumulerade beloppet är positivt",
        _ => d.target_en,
    };
    lang.tr(d.target_fi, sv, d.target_en)
}

/// A key ratio's name with its unit: "Årsbidrag, €/invånare".
pub fn ratio(d: &RatioDef, lang: Lang) -> &'static str {
    let sv = match d.id {
        "toimintatuotot_pct_toimintakuluista" => "Verksamhetsintäkter / verksamhetskostnader, %",
        "vuosikate_pct_poistoista" => "Årsbidrag / avskrivningar, %",
        "vuosikate_per_asukas" => "Årsbidrag, €/invånare",
        "nettomenot_per_asukas" => "Nettokostnader, €/invånare",
        "verotulot_per_asukas" => "Skatteinkomster, €/invånare",
        "valtionosuudet_per_asukas" => "Statsandelar, €/invånare",
        "nettoinvestoinnit" => "Nettoinvesteringar, €",
        "investointien_tulorahoitus_pct" => "Investeringarnas internt tillförda medel, %",
        "lainanhoitokate" => "Lånens skötselbidrag",
        "laskennallinen_lainanhoitokate" => "Kalkylerat lånens skötselbidrag (118 §)",
        "kassan_riittavyys_pv" => "Likviditet, kassadagar",
        "omavaraisuusaste_pct" => "Soliditetsgrad, %",
        "suhteellinen_velkaantuneisuus_pct" => "Relativ skuldsättning, %",
        "kertynyt_ylijaama" => "Ackumulerat över-/underskott, €",
        "kertynyt_ylijaama_per_asukas" => "Ackumulerat över-/underskott, €/invånare",
        "lainakanta" => "Lånestock 31.12., €",
        "lainakanta_per_asukas" => "Lånestock, €/invånare",
        "lainat_ja_vuokravastuut" => "Lån och hyresansvar 31.12., €",
        "lainat_ja_vuokravastuut_per_asukas" => "Lån och hyresansvar, €/invånare",
        "lainasaamiset" => "Lånefordringar 31.12., €",
        "ti_kertyma_5v" => "Verksamhetens och investeringarnas kassaflöde, ackumulerat 5 år, €",
        "asukasluku" => "Invånarantal 31.12.",
        _ => d.en,
    };
    lang.tr(d.fi, sv, d.en)
}

/// A unit's symbol: "€/as.", "€/inv.", "€/resident".
pub fn unit(u: Unit, lang: Lang) -> &'static str {
    let sv = match u {
        Unit::EurPerResident => "€/inv.",
        Unit::Days => "dagar",
        Unit::Residents => "inv.",
        u => u.symbol(),
    };
    lang.tr(u.symbol(), sv, u.symbol_en())
}

/// An indicator's status: "uppnått", "ej uppnått", "kan inte mätas".
pub fn status(s: Status, lang: Lang) -> &'static str {
    let sv = match s {
        Status::Met => "uppnått",
        Status::Missed => "ej uppnått",
        Status::NotMeasurable => "kan inte mätas",
    };
    lang.tr(s.fi(), sv, s.en())
}

/// "kaupunki", "staden", "city".
pub fn entity(e: Entity, lang: Lang) -> &'static str {
    e.name(lang)
}

/// A year kind's abbreviation as the year's column heading shows it:
/// TP/TA/TS in Finnish and English (the budget book's own letters), BS
/// (bokslut), BU (budget), EP (ekonomiplan) and P (prognos) in Swedish.
pub fn year_kind(k: YearKind, lang: Lang) -> &'static str {
    let (fi, sv) = match k {
        YearKind::TP => ("TP", "BS"),
        YearKind::TA => ("TA", "BU"),
        YearKind::TS => ("TS", "EP"),
        YearKind::E => ("E", "P"),
    };
    lang.tr(fi, sv, fi)
}

/// A statement's name: "tuloslaskelma", "resultaträkning", "income statement".
pub fn statement(s: Statement, lang: Lang) -> &'static str {
    s.name(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::indicators::INDICATORS;
    use crate::model::ratios::RATIOS;

    /// A ratio or indicator added to the model without a Swedish name here
    /// would print its English in a Swedish table.
    #[test]
    fn every_indicator_and_ratio_has_its_swedish_name() {
        for d in &INDICATORS {
            assert_ne!(indicator(d, Lang::Sv), d.en, "indicator {}", d.number);
            assert_ne!(target(d, Lang::Sv), d.target_en, "target {}", d.number);
            assert_eq!(indicator(d, Lang::Fi), d.fi);
        }
        for d in RATIOS {
            assert_ne!(ratio(d, Lang::Sv), d.en, "ratio {}", d.id);
            assert_eq!(ratio(d, Lang::En), d.en);
        }
    }

    #[test]
    fn swedish_units_statuses_and_kinds() {
        assert_eq!(unit(Unit::EurPerResident, Lang::Sv), "€/inv.");
        assert_eq!(unit(Unit::EurPerResident, Lang::Fi), "€/as.");
        assert_eq!(unit(Unit::EurPerResident, Lang::En), "€/resident");
        assert_eq!(status(Status::NotMeasurable, Lang::Sv), "kan inte mätas");
        assert_eq!(entity(Entity::Group, Lang::Sv), "koncernen");
        assert_eq!(year_kind(YearKind::TA, Lang::Sv), "BU");
        assert_eq!(year_kind(YearKind::TA, Lang::En), "TA");
        assert_eq!(
            statement(Statement::Rahoituslaskelma, Lang::Sv),
            "finansieringsanalys"
        );
    }
}
