//! What reading and checking found: errors, warnings and notices, each with
//! the cells involved.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::Location;
use crate::model::dataset::{Dataset, Entity};
use crate::model::items::{self, Statement};
use crate::model::ratios::Input;
use crate::report::format::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The input cannot be trusted as it is (unknown line with figures, an
    /// identity that does not hold).
    Error,
    /// Worth a look, does not stop the work.
    Warning,
    /// How something was understood (unit, sign convention, ignored column).
    Notice,
}

impl Severity {
    pub fn fi(self) -> &'static str {
        match self {
            Severity::Error => "virhe",
            Severity::Warning => "varoitus",
            Severity::Notice => "huomio",
        }
    }
    pub fn sv(self) -> &'static str {
        match self {
            Severity::Error => "fel",
            Severity::Warning => "varning",
            Severity::Notice => "observation",
        }
    }
    pub fn name(self, lang: Lang) -> &'static str {
        lang.tr(self.fi(), self.sv(), self.en())
    }
    pub fn en(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Notice => "notice",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// A stable code for scripts: "unknown_label", "identity", ...
    pub code: &'static str,
    /// What was found, with its figures; the report words it.
    pub message: Message,
    /// The cells involved, first the one to look at.
    pub cells: Vec<Location>,
    /// For an identity of the statements that does not hold: which, for
    /// whom, and by how much, so outputs can mark what rests on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity: Option<Box<IdentityMiss>>,
}

/// An identity that does not hold, in typed form.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IdentityMiss {
    pub entity: Entity,
    pub year: i32,
    pub identity: Identity,
    /// Left side minus right side, in euros.
    pub difference: Decimal,
}

/// An identity of the statements (VNa 525/2020), named by the lines it
/// joins; the report words it with the statements' own line names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Identity {
    /// A subtotal line against the lines under it that are present.
    Subtotal {
        line: &'static str,
        parts: Vec<&'static str>,
    },
    /// Rahavarojen muutos against the cash at the year's end and start.
    CashChange,
    /// The cash flow statement's year-end cash against the balance sheet's.
    CashAgainstBalanceSheet,
    /// The change in cash against the change in the balance sheet's cash,
    /// when the cash flow statement prints no year-end cash.
    CashChangeAgainstBalanceSheet,
    /// The balance sheet's two sides.
    BalanceSheet,
    /// Vuosikate printed on both the income and cash flow statements.
    VuosikateAcross,
    /// The year's surplus on the income statement and the balance sheet.
    SurplusAcross,
    /// The cash at the start of the year against last year's end.
    CashCarriedOver,
    /// The accumulated surplus rolled from last year.
    SurplusCarriedOver,
}

/// What a finding says, with the figures it needs; the report layer words
/// it in the output's language, so the model builds no sentence.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// An identity that does not hold.
    Identity(Box<Unequal>),
    /// A population no Finnish municipality has.
    Population(Box<Population>),
    /// A figure per resident outside what any municipality shows.
    PerResident(Box<PerResident>),
    /// A line and its twin on another sheet a thousandfold apart.
    UnitsAcross(Box<UnitsAcross>),
    /// The group's figures not of the size of a group holding the city.
    GroupAgainstCity(Box<GroupAgainstCity>),
    /// Main statements the workbook lacks for `entity`.
    StatementsMissing {
        entity: Entity,
        statements: Vec<Statement>,
    },
    /// A notice of reading a sheet, worded where it is found (ingest) in
    /// the three languages; boxed, as the other variants, to keep a
    /// finding small.
    Text(Box<crate::error::Text>),
}

impl Message {
    /// A notice of reading, in the three languages.
    pub fn text(t: crate::error::Text) -> Message {
        Message::Text(Box::new(t))
    }
}

/// An identity whose two sides differ by more than `tolerance`, the
/// rounding of the printed figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Unequal {
    pub entity: Entity,
    pub year: i32,
    pub identity: Identity,
    pub left: Decimal,
    pub right: Decimal,
    pub tolerance: Decimal,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Population {
    pub at: Location,
    pub year: i32,
    pub value: Decimal,
    /// The bounds it is outside, in residents.
    pub low: i64,
    pub high: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PerResident {
    /// The cell to look at (the file when the figure has none).
    pub at: Location,
    pub entity: Entity,
    pub year: i32,
    /// The figure's name as the statements print it.
    pub what: &'static str,
    pub value: Decimal,
    pub per_resident: Decimal,
    pub population: Decimal,
    pub population_at: Location,
    pub low: Option<i64>,
    pub high: i64,
    /// Other years in which the same row is out of bounds.
    pub also: Vec<i32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct UnitsAcross {
    pub entity: Entity,
    pub year: i32,
    /// The line id on one statement.
    pub line: &'static str,
    pub value: Decimal,
    pub at: Location,
    /// Its twin's name on the other statement.
    pub other: &'static str,
    pub other_value: Decimal,
    pub other_at: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GroupAgainstCity {
    pub year: i32,
    pub check: GroupCheck,
    /// The two figures a thousandfold apart: a unit error, likely.
    pub units: bool,
    /// The first cell of each side; none for a figure computed from none.
    pub first: Option<Location>,
    pub second: Option<Location>,
}

/// Which comparison of the group against the city failed, with its figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GroupCheck {
    /// The group balance sheet's loans below the city's own.
    LoansBelowCity { group: Decimal, city: Decimal },
    /// The background sheet's group loan estimate below half the city's
    /// loans of `city_year`.
    EstimateBelowHalf {
        estimate: Decimal,
        city: Decimal,
        city_year: i32,
    },
    /// The estimate a thousandfold off the group balance sheet's loans.
    EstimateThousandfold { estimate: Decimal, group: Decimal },
    /// A total (`line`) of the group out of scale with the city's.
    TotalOutOfScale {
        line: &'static str,
        group: Decimal,
        city: Decimal,
    },
}

impl Finding {
    pub fn new(
        severity: Severity,
        code: &'static str,
        message: Message,
        cells: Vec<Location>,
    ) -> Self {
        Finding {
            severity,
            code,
            message,
            cells,
            identity: None,
        }
    }
    pub fn with_identity(mut self, miss: IdentityMiss) -> Self {
        self.identity = Some(Box::new(miss));
        self
    }
    pub fn error(code: &'static str, message: Message, cells: Vec<Location>) -> Self {
        Self::new(Severity::Error, code, message, cells)
    }
    pub fn warning(code: &'static str, message: Message, cells: Vec<Location>) -> Self {
        Self::new(Severity::Warning, code, message, cells)
    }
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
    pub fn notice(code: &'static str, message: Message, cells: Vec<Location>) -> Self {
        Self::new(Severity::Notice, code, message, cells)
    }
}

/// A statement of one year: the unit a break makes doubtful.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct StatementYear {
    pub statement: Statement,
    pub year: i32,
}

/// A statement-year that does not add up: an identity that fails by more
/// than the printed rounding allows, with the cells it joins. Every figure
/// computed from a line of these statement-years rests on it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Break {
    pub entity: Entity,
    pub year: i32,
    /// JSON names it "identity", as when every break was one.
    #[serde(rename = "identity")]
    pub what: Broken,
    /// Left side minus right side, in euros; absent when the finding did not
    /// carry it.
    pub difference: Option<Decimal>,
    /// The statement-years whose lines the identity joins (two for the
    /// identities across statements, or across years).
    pub statements: Vec<StatementYear>,
    pub cells: Vec<Location>,
}

/// What a break is: an identity that does not hold, or another error that
/// makes figures doubtful, told as its finding.
#[derive(Clone, Debug, PartialEq)]
pub enum Broken {
    Identity(Identity),
    Finding(Message),
}

impl Break {
    /// "tuloslaskelma 2023, rahoituslaskelma 2023" in the language asked.
    pub fn statements_text(&self, lang: Lang) -> String {
        self.statements
            .iter()
            .map(|s| format!("{} {}", s.statement.name(lang), s.year))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The cells, sheet by sheet: "Tuloslaskelma C14, C5; Rahoituslaskelma C6".
    pub fn cells_text(&self) -> String {
        let mut groups: Vec<(Option<&str>, Vec<&str>)> = Vec::new();
        for c in &self.cells {
            let sheet = c.sheet.as_deref();
            let cell = c.cell.as_deref().unwrap_or("");
            match groups.last_mut() {
                Some((s, cells)) if *s == sheet => cells.push(cell),
                _ => groups.push((sheet, vec![cell])),
            }
        }
        groups
            .into_iter()
            .map(|(s, cells)| match s {
                Some(s) => format!("{s} {}", cells.join(", ")),
                None => cells.join(", "),
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The codes of errors that make the figures they name doubtful: an
/// identity that does not hold, and a figure of a size no municipality has
/// (a sheet read in the wrong unit adds up within itself, so only its size
/// against the population or the other entity tells).
const DOUBTFUL: [&str; 2] = ["identity", "plausibility"];

/// The breaks of a dataset: the errors of its validation (and any such
/// error reading found), each with the statement-years its cells belong to.
pub fn breaks(ds: &Dataset) -> Vec<Break> {
    let found = crate::model::validate::validate(ds);
    let mut seen: Vec<&Finding> = Vec::new();
    for f in ds.findings.iter().chain(found.iter()) {
        if f.is_error() && DOUBTFUL.contains(&f.code) && !seen.contains(&f) {
            seen.push(f);
        }
    }
    let at: HashMap<&Location, (Entity, &'static str, i32)> = ds
        .figures
        .iter()
        .map(|((e, id, y), f)| (&f.source, (*e, *id, *y)))
        .collect();
    seen.into_iter().flat_map(|f| breaks_of(f, &at)).collect()
}

/// An identity miss is one break of its own entity-year. Any other error
/// (two sheets a thousandfold apart) is a break of each entity whose cells
/// it names: which of the two is wrong, the figures cannot tell.
fn breaks_of(f: &Finding, at: &HashMap<&Location, (Entity, &'static str, i32)>) -> Vec<Break> {
    let lines: Vec<(Entity, &'static str, i32)> =
        f.cells.iter().filter_map(|c| at.get(c).copied()).collect();
    if let Some(m) = &f.identity {
        return vec![break_of(f, &lines, m.entity, m.year)];
    }
    let mut entities: Vec<(Entity, i32)> = Vec::new();
    for (e, _, y) in &lines {
        if !entities.iter().any(|(x, _)| x == e) {
            entities.push((*e, *y));
        }
    }
    entities
        .into_iter()
        .map(|(e, y)| break_of(f, &lines, e, y))
        .collect()
}

fn break_of(
    f: &Finding,
    lines: &[(Entity, &'static str, i32)],
    entity: Entity,
    year: i32,
) -> Break {
    let mut statements: Vec<StatementYear> = lines
        .iter()
        .filter(|(e, _, _)| *e == entity)
        .map(|(_, id, y)| StatementYear {
            statement: items::item(id).statement,
            year: *y,
        })
        .collect();
    statements.sort();
    statements.dedup();
    Break {
        entity,
        year,
        what: match &f.identity {
            Some(m) => Broken::Identity(m.identity.clone()),
            None => Broken::Finding(f.message.clone()),
        },
        difference: f.identity.as_ref().map(|m| m.difference),
        statements,
        cells: f.cells.clone(),
    }
}

/// Whether a figure read from `input` lies in a statement-year of `b`: read
/// from the same file (a projected year's figure is not), same entity,
/// statement and year; or is read from a cell the break names.
fn touches(b: &Break, input: &Input) -> bool {
    b.cells.contains(&input.cell)
        || input.entity == b.entity
            && b.cells.iter().any(|c| c.file == input.cell.file)
            && b.statements.contains(&StatementYear {
                statement: items::item(input.item).statement,
                year: input.year,
            })
}

/// The breaks (by index into `breaks`) that a computation over `inputs`
/// rests on.
pub fn rests_on(breaks: &[Break], inputs: &[Input]) -> Vec<usize> {
    (0..breaks.len())
        .filter(|i| inputs.iter().any(|input| touches(&breaks[*i], input)))
        .collect()
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;
    use crate::model::dataset::{Figure, YearKind};

    fn put(ds: &mut Dataset, id: &'static str, y: i32, v: Decimal, cell: &str) {
        let f = Figure {
            value: v,
            source: Location::cell("a.xlsx", "TL", cell),
            label: id.to_string(),
            quantum: dec!(0.01),
        };
        ds.figures.insert((Entity::City, id, y), f);
    }

    fn input(entity: Entity, item: &'static str, year: i32, file: &str) -> Input {
        Input {
            entity,
            item,
            label: "",
            year,
            value: Decimal::ZERO,
            cell: Location::cell(file, "TL", "B1"),
        }
    }

    /// Vuosikate 2023 printed 5 000 € above toimintakate + verotulot.
    fn broken() -> Dataset {
        let mut ds = Dataset {
            file: "a.xlsx".into(),
            ..Dataset::default()
        };
        for y in [2022, 2023] {
            ds.years.insert(y, YearKind::TP);
            let col = if y == 2022 { "B" } else { "C" };
            put(
                &mut ds,
                "tl.toimintakate",
                y,
                dec!(-900),
                &format!("{col}5"),
            );
            put(&mut ds, "tl.verotulot", y, dec!(1000), &format!("{col}6"));
            let off = if y == 2023 { dec!(5000) } else { Decimal::ZERO };
            put(
                &mut ds,
                "tl.vuosikate",
                y,
                dec!(100) + off,
                &format!("{col}9"),
            );
        }
        ds
    }

    #[test]
    fn a_break_names_its_statement_year_difference_and_cells() {
        let b = breaks(&broken());
        assert_eq!(b.len(), 1, "{b:?}");
        let b = &b[0];
        assert_eq!((b.entity, b.year), (Entity::City, 2023));
        assert_eq!(b.difference, Some(dec!(5000)));
        assert_eq!(
            b.what,
            Broken::Identity(Identity::Subtotal {
                line: "tl.vuosikate",
                parts: vec!["tl.toimintakate", "tl.verotulot"]
            })
        );
        assert_eq!(
            b.statements,
            vec![StatementYear {
                statement: Statement::Tuloslaskelma,
                year: 2023
            }]
        );
        assert_eq!(b.cells_text(), "TL C9, C5, C6");
    }

    #[test]
    fn only_figures_read_from_the_broken_statement_year_rest_on_it() {
        let b = breaks(&broken());
        let on = |i: Input| rests_on(&b, &[i]);
        assert_eq!(
            on(input(Entity::City, "tl.verotulot", 2023, "a.xlsx")),
            vec![0]
        );
        // Another year, the group, another statement, a projected figure.
        assert!(on(input(Entity::City, "tl.verotulot", 2022, "a.xlsx")).is_empty());
        assert!(on(input(Entity::Group, "tl.verotulot", 2023, "a.xlsx")).is_empty());
        assert!(on(input(Entity::City, "ta.vastaavaa", 2023, "a.xlsx")).is_empty());
        assert!(on(input(Entity::City, "tl.verotulot", 2023, "projection")).is_empty());
        // Statements that add up: no break.
        let mut ds = broken();
        put(&mut ds, "tl.vuosikate", 2023, dec!(100), "C9");
        assert!(breaks(&ds).is_empty());
    }
}
