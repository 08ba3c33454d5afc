//! The statements of one municipality as read: every figure in euros, exact,
//! with the cell it came from.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::Location;
use crate::model::findings::Finding;
use crate::model::items::{self, ItemDef, Statement};
use crate::report::format::Lang;

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
    pub fn sv(self) -> &'static str {
        match self {
            Entity::City => "staden",
            Entity::Group => "koncernen",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Entity::City => "city",
            Entity::Group => "group",
        }
    }
    /// Whose, in a phrase before a statement's name: "stadens resultaträkning".
    /// Finnish and English name the entity as it is ("kaupunki tuloslaskelma").
    pub fn genitive(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Entity::City, Lang::Sv) => "stadens",
            (Entity::Group, Lang::Sv) => "koncernens",
            (_, Lang::Fi | Lang::En) => self.fi(),
        }
    }
    pub fn name(self, lang: Lang) -> &'static str {
        lang.tr(self.fi(), self.sv(), self.en())
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

/// Why a line has no value: it is not in the file at all, or it is not
/// printed and cannot be summed because the named line under it is missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    Absent,
    Part(&'static str),
}

/// Lines the decree (VNa 525/2020) prints in every statement and that no
/// municipality or group has at zero, so a file without them has left them
/// out rather than found them empty; any other line may be omitted when it
/// has no value, and then counts as zero. Each line comes with the
/// lines that stand in for it in the group's condensed form.
pub const ALWAYS_PRINTED: &[(&str, &[&str])] = &[
    ("tl.toimintatuotot", &[]),
    ("tl.myyntituotot", &[]),
    ("tl.maksutuotot", &[]),
    ("tl.toimintakulut", &[]),
    ("tl.henkilostokulut", &[]),
    ("tl.palkat_ja_palkkiot", &[]),
    ("tl.henkilosivukulut", &[]),
    ("tl.elakekulut", &[]),
    ("tl.palvelujen_ostot", &[]),
    ("tl.aineet_tarvikkeet_tavarat", &[]),
    ("tl.toimintakate", &[]),
    ("tl.verotulot", &[]),
    ("tl.valtionosuudet", &[]),
    ("tl.rahoitustuotot_ja_kulut", &[]),
    ("tl.vuosikate", &[]),
    ("tl.poistot_ja_arvonalentumiset", &[]),
    ("tl.tilikauden_tulos", &[]),
    ("tl.tilikauden_ylijaama", &[]),
    ("rl.toiminnan_rahavirta", &[]),
    ("rl.vuosikate", &[]),
    ("rl.investointien_rahavirta", &[]),
    ("rl.investointimenot", &[]),
    ("rl.toiminnan_ja_investointien_rahavirta", &[]),
    ("rl.rahoituksen_rahavirta", &[]),
    ("rl.rahavarojen_muutos", &[]),
    ("ta.vastaavaa", &[]),
    ("ta.pysyvat_vastaavat", &[]),
    ("ta.aineelliset", &[]),
    ("ta.vaihtuvat_vastaavat", &[]),
    ("ta.saamiset", &[]),
    ("ta.rahat_ja_pankkisaamiset", &[]),
    ("ta.vastattavaa", &[]),
    ("ta.oma_paaoma", &[]),
    ("ta.peruspaaoma", &[]),
    ("ta.vieras_paaoma", &[]),
    ("ta.lyhytaikainen", &["ta.la_korollinen", "ta.la_koroton"]),
];

/// The line the decree makes equal to another: either may stand for the other.
fn twin(id: &str) -> Option<&'static str> {
    match id {
        "ta.vastaavaa" => Some("ta.vastattavaa"),
        "ta.vastattavaa" => Some("ta.vastaavaa"),
        "tl.vuosikate" => Some("rl.vuosikate"),
        "rl.vuosikate" => Some("tl.vuosikate"),
        _ => None,
    }
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

    /// The line's value: as printed, or as the sum of a complete set of the
    /// lines under it. `None` when the line is not there or when its parts
    /// leave out a line the decree always prints (see [`Dataset::resolve`]).
    pub fn total(&self, entity: Entity, id: &str, year: i32) -> Option<Decimal> {
        self.resolve(entity, id, year, None).ok()
    }

    /// The line's value, never a sum of whatever parts happen to be there:
    /// the printed figure; else the figure of the line the decree makes equal
    /// to it (vastaavaa = vastattavaa, the vuosikate of either statement);
    /// else the sum of its lines, each resolved the same way, where a line
    /// missing counts as zero only if the decree lets it be left out (it is
    /// not in [`ALWAYS_PRINTED`]). The figures used are appended to `used`.
    pub fn resolve<'a>(
        &'a self,
        entity: Entity,
        id: &str,
        year: i32,
        mut used: Option<&mut Vec<(&'static str, &'a Figure)>>,
    ) -> Result<Decimal, Gap> {
        let def = items::try_item(id).ok_or(Gap::Absent)?;
        self.resolve_def(entity, def, year, &mut used)
    }

    fn resolve_def<'a>(
        &'a self,
        e: Entity,
        def: &'static ItemDef,
        y: i32,
        used: &mut Option<&mut Vec<(&'static str, &'a Figure)>>,
    ) -> Result<Decimal, Gap> {
        let twin = twin(def.id);
        for id in std::iter::once(def.id).chain(twin) {
            if let Some(f) = self.figures.get(&(e, id, y)) {
                if let Some(u) = used.as_deref_mut() {
                    u.push((id, f));
                }
                return Ok(f.value);
            }
        }
        let own = self.sum_parts(e, def.id, y, used);
        match (own, twin) {
            (Ok(v), _) => Ok(v),
            (Err(gap), Some(t)) => self
                .sum_parts(e, t, y, used)
                .map_err(|other| if gap == Gap::Absent { other } else { gap }),
            (Err(gap), None) => Err(gap),
        }
    }

    fn sum_parts<'a>(
        &'a self,
        e: Entity,
        id: &'static str,
        y: i32,
        used: &mut Option<&mut Vec<(&'static str, &'a Figure)>>,
    ) -> Result<Decimal, Gap> {
        let mark = used.as_ref().map(|u| u.len());
        let mut sum = Decimal::ZERO;
        let mut present: Vec<&'static str> = Vec::new();
        let mut absent: Vec<&'static str> = Vec::new();
        let mut gap = None;
        for c in items::children(id) {
            match self.resolve_def(e, c, y, used) {
                Ok(v) => {
                    present.push(c.id);
                    sum += v;
                }
                Err(Gap::Absent) => absent.push(c.id),
                Err(g) => {
                    gap.get_or_insert(g);
                }
            }
        }
        let missing = absent.iter().find(|a| {
            ALWAYS_PRINTED.iter().any(|(line, stand_ins)| {
                line == *a && !stand_ins.iter().any(|s| present.contains(s))
            })
        });
        let result = match (gap, missing) {
            (Some(g), _) => Err(g),
            _ if present.is_empty() => Err(Gap::Absent),
            (None, Some(m)) => Err(Gap::Part(m)),
            (None, None) => Ok(sum),
        };
        if let (Err(_), Some(u), Some(m)) = (&result, used.as_deref_mut(), mark) {
            u.truncate(m);
        }
        result
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

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;

    fn ds(lines: &[(&'static str, Decimal)]) -> Dataset {
        let mut ds = Dataset::default();
        for (i, (id, v)) in lines.iter().enumerate() {
            ds.figures.insert(
                (Entity::City, id, 2024),
                Figure {
                    value: *v,
                    source: Location::cell("t.xlsx", "Tase", format!("B{}", i + 1)),
                    label: id.to_string(),
                    quantum: dec!(0.01),
                },
            );
        }
        ds
    }

    fn resolve(ds: &Dataset, id: &str) -> Result<Decimal, Gap> {
        ds.resolve(Entity::City, id, 2024, None)
    }

    #[test]
    fn a_total_is_printed_or_its_twin_or_a_complete_sum() {
        let d = ds(&[
            ("ta.oma_paaoma", dec!(60)),
            ("ta.pakolliset_varaukset", dec!(5)),
            ("ta.pysyvat_vastaavat", dec!(80)),
            ("ta.vaihtuvat_vastaavat", dec!(20)),
        ]);
        // Vastattavaa: its lines stop after the provisions, so not their sum
        // (65) but the assets' complete sum (100).
        assert_eq!(resolve(&d, "ta.vastattavaa"), Ok(dec!(100)));
        let d = ds(&[
            ("ta.oma_paaoma", dec!(60)),
            ("ta.pakolliset_varaukset", dec!(5)),
        ]);
        assert_eq!(
            resolve(&d, "ta.vastattavaa"),
            Err(Gap::Part("ta.vieras_paaoma"))
        );
        // An omittable line missing is zero; an absent line is absent.
        let d = ds(&[("ta.oma_paaoma", dec!(60)), ("ta.vieras_paaoma", dec!(40))]);
        assert_eq!(resolve(&d, "ta.vastattavaa"), Ok(dec!(100)));
        assert_eq!(resolve(&d, "ta.konsernireservi"), Err(Gap::Absent));
        // The vuosikate of the cash flow statement stands for the income
        // statement's.
        let d = ds(&[("rl.vuosikate", dec!(7))]);
        assert_eq!(resolve(&d, "tl.vuosikate"), Ok(dec!(7)));
    }

    #[test]
    fn the_figures_used_are_those_of_the_sum_that_succeeded() {
        let d = ds(&[
            ("ta.oma_paaoma", dec!(60)),
            ("ta.pysyvat_vastaavat", dec!(80)),
            ("ta.vaihtuvat_vastaavat", dec!(20)),
        ]);
        let mut used = Vec::new();
        let v = d.resolve(Entity::City, "ta.vastattavaa", 2024, Some(&mut used));
        assert_eq!(v, Ok(dec!(100)));
        let ids: Vec<&str> = used.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, ["ta.pysyvat_vastaavat", "ta.vaihtuvat_vastaavat"]);
    }
}
