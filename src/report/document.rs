//! What a council report holds, gathered once for both printers (Excel and
//! HTML): the indicators as read and under each scenario, the key ratios,
//! the statements, and the run record that lets a reader check the inputs.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::dataset::{Dataset, Entity, YearKind};
use crate::model::indicators::{Evaluation, IndicatorValue, Status};
use crate::model::price_index::PriceIndex;
use crate::model::projection::Projection;
use crate::model::ratios::{RATIOS, RatioDef, RatioValue};
use crate::model::scenario::Scenario;
use crate::report::Lang;

/// An input file and its SHA-256, so a reader can tell it is the same file.
#[derive(Clone, Debug, Serialize)]
pub struct InputFile {
    pub role: String,
    pub path: String,
    pub sha256: String,
}

pub struct ScenarioRun {
    pub scenario: Scenario,
    pub projection: Projection,
    pub evaluation: Evaluation,
}

pub struct Document<'a> {
    pub ds: &'a Dataset,
    /// The indicators over the workbook's own years.
    pub evaluation: Evaluation,
    pub ratios: Vec<RatioValue>,
    pub runs: Vec<ScenarioRun>,
    pub inputs: Vec<InputFile>,
    pub price_index: PriceIndex,
    pub version: &'static str,
    pub lang: Lang,
    /// The first scenario simulated, when asked.
    /// One per scenario with uncertain drivers, in the scenarios' order.
    pub simulations: Vec<crate::model::simulate::Simulation>,
    /// The first scenario's drivers one at a time, when asked.
    /// Per scenario with uncertain drivers (its name), in the scenarios' order.
    pub sensitivity: Vec<(String, Vec<crate::model::simulate::Swing>)>,
    /// The statement-years that do not add up; values resting on them are
    /// marked, and the reports list them ("Tarkistukset").
    pub breaks: Vec<crate::model::findings::Break>,
    /// Kuntalaki 110 § and 118 § on the first scenario's projection, or on
    /// the workbook's own years without scenarios; the rule book they used.
    pub statutory: crate::model::statutory::Statutory,
    pub statutory_rules: crate::model::statutory::Rules,
}

/// One point of an indicator's path.
#[derive(Clone, Debug)]
pub struct Point {
    pub year: i32,
    pub kind: Option<YearKind>,
    pub value: Option<Decimal>,
    pub status: Status,
    /// The level the value is held against in that year, where the target
    /// is a line (0 for indicators 1, 2 and 5, the index for 3, last year's
    /// level for 4).
    pub target: Option<Decimal>,
}

impl Document<'_> {
    /// The evaluation the summary shows: the first scenario's forecast, or
    /// the workbook as read.
    pub fn main(&self) -> &Evaluation {
        self.runs
            .first()
            .map(|r| &r.evaluation)
            .unwrap_or(&self.evaluation)
    }

    pub fn main_name(&self) -> String {
        match self.runs.first() {
            Some(r) => r.scenario.name.clone(),
            None => self
                .lang
                .tr(
                    "työkirja sellaisenaan",
                    "arbetsboken som sådan",
                    "the workbook as read",
                )
                .into(),
        }
    }

    /// The key ratios by entity and ratio, in published order, with the
    /// values of each; ratios without any value for the entity left out.
    pub fn ratio_rows(&self) -> Vec<(Entity, &'static RatioDef, Vec<&RatioValue>)> {
        let mut out = Vec::new();
        for e in [Entity::City, Entity::Group] {
            for def in RATIOS {
                let vals: Vec<_> = self
                    .ratios
                    .iter()
                    .filter(|v| v.entity == e && v.id == def.id)
                    .collect();
                if !vals.is_empty() {
                    out.push((e, def, vals));
                }
            }
        }
        out
    }

    /// The breaks (by index) a computation over `inputs` rests on.
    pub fn rests_on(&self, inputs: &[crate::model::ratios::Input]) -> Vec<usize> {
        crate::model::findings::rests_on(&self.breaks, inputs)
    }
}

fn detail(v: &IndicatorValue, name: &str) -> Option<Decimal> {
    v.details
        .iter()
        .find(|d| d.name == name)
        .and_then(|d| d.value)
}

/// An indicator's path through the evaluation's years.
pub fn path(ev: &Evaluation, indicator: u8, allowance_pp: Decimal) -> Vec<Point> {
    ev.years
        .iter()
        .map(|(y, k)| {
            let v = ev
                .values
                .iter()
                .find(|v| v.indicator == indicator && v.year == *y);
            Point {
                year: *y,
                kind: Some(*k),
                value: v.and_then(|v| v.value),
                status: v.map(|v| v.status).unwrap_or(Status::NotMeasurable),
                target: match (indicator, v) {
                    (3, Some(v)) => detail(v, "hintaindeksin_muutos_pct").map(|i| i + allowance_pp),
                    (4, Some(v)) => detail(v, "edellinen_vuosi_per_asukas"),
                    (_, Some(_)) => Some(Decimal::ZERO),
                    (_, None) => None,
                },
            }
        })
        .collect()
}

/// The SHA-256 of a file's bytes, in hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A driver's key as a chart label: a project's cost overrun by the
/// project's name.
pub fn short_driver(key: &str, lang: Lang) -> String {
    match key
        .strip_prefix("investments.project '")
        .and_then(|k| k.strip_suffix("'.cost_overrun_pct"))
    {
        Some(name) => crate::tr!(lang, "{name}: kustannus", "{name}: kostnad", "{name}: cost"),
        None => key.to_string(),
    }
}

/// An input file's role as the run record names it; the role is given in
/// English where the file is read.
pub fn role_name(role: &str, lang: Lang) -> String {
    let (fi, sv) = match role {
        "workbook" => ("työkirja", "arbetsbok"),
        "scenario" => ("skenaario", "scenario"),
        "targets" => ("tavoitteet", "mål"),
        "price index" => ("hintaindeksi", "prisindex"),
        "long table" => ("pitkä taulukko", "lång tabell"),
        _ => (role, role),
    };
    lang.tr(fi, sv, role).to_string()
}

pub fn kind_name(k: Option<YearKind>, lang: Lang) -> &'static str {
    match k {
        Some(YearKind::TP) => lang.tr("tilinpäätös", "bokslut", "actual"),
        Some(YearKind::TA) => lang.tr("talousarvio", "budget", "budget"),
        Some(YearKind::TS) => lang.tr("taloussuunnitelma", "ekonomiplan", "plan"),
        Some(YearKind::E) => lang.tr("ennuste", "prognos", "projected"),
        None => "",
    }
}
