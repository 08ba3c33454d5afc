//! The statements of one municipality as read: every figure in euros, exact,
//! with the cell it came from.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::Location;
use crate::model::findings::Finding;
use crate::model::items::{self, ItemDef, Statement};

/// Whose statements: the city itself or its group (konserni).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    City,
    Group,
}

impl Entity {
    pub fn fi(self) -> &'static str {
        match self {
            Entity::City => "kaupunki",
            Entity::Group => "konserni",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Entity::City => "city",
            Entity::Group => "group",
        }
    }
}

/// Actuals (tilinpäätös), budget (talousarvio), plan (taloussuunnitelma),
/// or a year kivijalka projected (ennuste) beyond them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum YearKind {
    TP,
    TA,
    TS,
    E,
}

impl fmt::Display for YearKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            YearKind::TP => "TP",
            YearKind::TA => "TA",
            YearKind::TS => "TS",
            YearKind::E => "E",
        })
    }
}

impl YearKind {
    pub fn en(self) -> &'static str {
        match self {
            YearKind::TP => "actual",
            YearKind::TA => "budget",
            YearKind::TS => "plan",
            YearKind::E => "projected",
        }
    }
}

/// One figure: its value in euros (rounded half away from zero to the cent)
/// and the cell it was read from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    pub value: Decimal,
    pub source: Location,
    /// The label as printed on the row the figure was read from.
    pub label: String,
    /// The smallest step the source could show, in euros (0.01 for a sheet in
    /// euros and cents, 1000 for one in thousands). Sums of rounded figures
    /// may miss by half a step per line.
    pub quantum: Decimal,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Dataset {
    pub municipality: Option<String>,
    pub municipality_code: Option<String>,
    pub file: String,
    /// Year → kind; the kind is the same in every sheet of one file.
    pub years: BTreeMap<i32, YearKind>,
    /// (entity, item id, year) → figure.
    #[serde(skip)]
    pub figures: BTreeMap<(Entity, &'static str, i32), Figure>,
    /// Which statements were found, per entity, with the sheet name.
    pub sheets: BTreeMap<(Entity, Statement), String>,
    /// What reading noticed: sign convention, unit, ignored columns, unknown rows.
    pub findings: Vec<Finding>,
}

impl Dataset {
    pub fn get(&self, entity: Entity, id: &str, year: i32) -> Option<&Figure> {
        let def = items::try_item(id)?;
        self.figures.get(&(entity, def.id, year))
    }

    pub fn value(&self, entity: Entity, id: &str, year: i32) -> Option<Decimal> {
        self.get(entity, id, year).map(|f| f.value)
    }

    /// The line's value, or when the file leaves the subtotal out, the sum of
    /// the lines under it (recursively). `None` when neither is there.
    pub fn total(&self, entity: Entity, id: &str, year: i32) -> Option<Decimal> {
        if let Some(v) = self.value(entity, id, year) {
            return Some(v);
        }
        let mut any = false;
        let mut sum = Decimal::ZERO;
        for child in items::children(id) {
            if let Some(v) = self.total(entity, child.id, year) {
                any = true;
                sum += v;
            }
        }
        any.then_some(sum)
    }

    pub fn has_statement(&self, entity: Entity, statement: Statement) -> bool {
        self.sheets.contains_key(&(entity, statement))
    }

    pub fn has_year_data(&self, entity: Entity, statement: Statement, year: i32) -> bool {
        // Ids carry their statement as a prefix (tl., rl., ta., bg.).
        let prefix = match statement {
            Statement::Tuloslaskelma => "tl.",
            Statement::Rahoituslaskelma => "rl.",
            Statement::Tase => "ta.",
            Statement::Taustatiedot => "bg.",
        };
        self.figures
            .range((entity, prefix, i32::MIN)..)
            .take_while(|((e, id, _), _)| *e == entity && id.starts_with(prefix))
            .any(|((_, _, y), _)| *y == year)
    }

    pub fn kind(&self, year: i32) -> Option<YearKind> {
        self.years.get(&year).copied()
    }

    pub fn name(&self) -> &str {
        self.municipality.as_deref().unwrap_or(&self.file)
    }

    /// Lines present for an entity, in published order.
    pub fn lines(&self, entity: Entity) -> Vec<&'static ItemDef> {
        let mut ids: Vec<&'static str> = self
            .figures
            .keys()
            .filter(|(e, _, _)| *e == entity)
            .map(|(_, id, _)| *id)
            .collect();
        ids.sort_by_key(|id| items::order(id));
        ids.dedup();
        ids.into_iter().map(items::item).collect()
    }

    pub fn entities(&self) -> Vec<Entity> {
        let set: std::collections::BTreeSet<Entity> =
            self.figures.keys().map(|(e, _, _)| *e).collect();
        set.into_iter().collect()
    }
}
