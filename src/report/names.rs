//! The model's names in the report's language: indicators, ratios, units,
//! statuses, entities, year kinds and statements, so every table names
//! them alike. The indicators', ratios', entities' and statements' names
//! live in the model, each in the three languages side by side; the
//! Swedish of units, statuses and year kinds (the terms of the Swedish
//! text of kommunallagen 410/2015 and of Statistics Finland's Swedish
//! key-ratio tables) is given here.

use crate::model::dataset::{Entity, YearKind};
use crate::model::indicators::{IndicatorDef, Status};
use crate::model::items::Statement;
use crate::model::ratios::{RatioDef, Unit};
use crate::report::format::Lang;

/// An indicator's name: "Årsbidrag − nettoinvesteringar".
pub fn indicator(d: &IndicatorDef, lang: Lang) -> &'static str {
    lang.tr(d.fi, d.sv, d.en)
}

/// An indicator's target: "Ökar inte".
pub fn target(d: &IndicatorDef, lang: Lang) -> &'static str {
    lang.tr(d.target_fi, d.target_sv, d.target_en)
}

/// A key ratio's name with its unit: "Årsbidrag, €/invånare".
pub fn ratio(d: &RatioDef, lang: Lang) -> &'static str {
    lang.tr(d.fi, d.sv, d.en)
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

    /// A ratio or indicator whose Swedish name is its English copied would
    /// print English in a Swedish table.
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
