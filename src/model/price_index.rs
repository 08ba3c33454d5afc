//! The price index against which net cost growth is measured (indicator 3).

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::report::format::Lang;

/// Annual change of a price index, % by year, with where each figure is from.
#[derive(Clone, Debug, Default, Serialize)]
pub struct PriceIndex {
    pub name: String,
    pub changes: BTreeMap<i32, Decimal>,
    pub sources: BTreeMap<i32, String>,
}

impl PriceIndex {
    pub fn change(&self, year: i32) -> Option<Decimal> {
        self.changes.get(&year).copied()
    }

    /// Later series override earlier ones year by year (a user's forecasts on
    /// top of the shipped actuals).
    pub fn overlay(&mut self, other: PriceIndex) {
        self.changes.extend(other.changes);
        self.sources.extend(other.sources);
        if !other.name.is_empty() {
            self.name = other.name;
        }
    }
}

/// How a scenario is named as the source of the figures it gives.
const SCENARIO: &str = "scenario '";
/// What the name gains once a scenario fills the years the series lacks.
const FILLED: &str = "; years without a figure: ";

impl PriceIndex {
    /// The scenario's figures for the years the series lacks, the scenario
    /// named as their source and in the index's name.
    pub fn fill_from(&mut self, scenario: &str, changes: impl Iterator<Item = (i32, Decimal)>) {
        let label = scenario_source(scenario);
        for (y, v) in changes {
            if self.change(y).is_none() {
                self.changes.insert(y, v);
                self.sources.insert(y, label.clone());
            }
        }
        if !self.name.ends_with(&label) {
            self.name = format!("{}{FILLED}{label}", self.name);
        }
    }
}

/// "scenario 'Perusura'": the form the name and sources carry, and what
/// JSON and CSV keep.
pub fn scenario_source(scenario: &str) -> String {
    format!("{SCENARIO}{scenario}'")
}

/// An index's name or a figure's source in `lang`: the words this module
/// adds for a scenario's figures reworded, the rest (the series' own name,
/// a published source) as given.
pub fn label(text: &str, lang: Lang) -> String {
    let (scenario, filled) = match lang {
        Lang::Fi => ("skenaario '", "; puuttuvat vuodet: "),
        Lang::Sv => ("scenario '", "; saknade år: "),
        Lang::En => return text.to_string(),
    };
    let (head, sep, tail) = match text.split_once(FILLED) {
        Some((head, tail)) => (head, filled, tail),
        None => ("", "", text),
    };
    match tail.strip_prefix(SCENARIO) {
        Some(name) => format!("{head}{sep}{scenario}{name}"),
        None => text.to_string(),
    }
}
