//! The price index against which net cost growth is measured (indicator 3).

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

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
