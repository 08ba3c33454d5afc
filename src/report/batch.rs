//! The batch summary: every municipality's indicators with the peer
//! statistics per indicator and year, and the failures.

use std::io::{self, Write};

use rust_decimal::Decimal;

use std::collections::BTreeMap;

use crate::error::Text;
use crate::model::indicators::{INDICATORS, IndicatorValue, Status};
use crate::model::peers::{self, Basis, PeerStat};
use crate::model::ratios::Measure;
use crate::model::reason::Reason;
use crate::report::Lang;
use crate::report::format::plain;

#[derive(Clone, Debug)]
pub struct Municipality {
    pub name: String,
    pub code: Option<String>,
    pub file: String,
    pub report: Option<String>,
    /// The simulated probability that each (indicator, year) target holds.
    pub p_met: std::collections::BTreeMap<(u8, i32), f64>,
    /// Each year's population (asukasluku 31.12.), for the peers' values
    /// per resident.
    pub population: BTreeMap<i32, Measure>,
    /// Its place in an unsharded run: 1, the input file's place among the
    /// files, its place in the file; `batch --merge` orders by it.
    pub at: [usize; 3],
    /// Kuntalaki 110 § and 118 § by year, under the first scenario.
    pub statutory: Vec<Law>,
    /// Its value in the `--peer-group` column (empty: none), or None when
    /// peers are grouped by size class.
    pub peer_group: Option<String>,
}

/// The peer group a municipality's year is compared within, with its place
/// among the groups: the value of the `--peer-group` column, or else the
/// year's population size class. None without either.
pub fn group_of(m: &Municipality, year: i32) -> Option<(usize, String)> {
    match &m.peer_group {
        Some(g) if g.is_empty() => None,
        Some(g) => Some((0, g.clone())),
        None => {
            let people = m.population.get(&year)?.as_ref().ok()?;
            size_class(*people).map(|(i, name)| (i, name.to_string()))
        }
    }
}

/// The population size class of a count of residents, with its place among
/// the classes (`panel::SIZE_CLASSES`); None unless the count is positive.
pub fn size_class(people: Decimal) -> Option<(usize, &'static str)> {
    if people <= Decimal::ZERO {
        return None;
    }
    (crate::panel::SIZE_CLASSES.iter().enumerate().rev())
        .find(|(_, (lower, _))| people >= Decimal::from(*lower))
        .map(|(i, (_, name))| (i, *name))
}

/// One statutory test of one year as the summary shows it. Worded when
/// made, in the three languages, so that a shard's summary carries the reason
/// to a merge whose `--lang` may differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Law {
    /// "110" or "118".
    pub section: String,
    /// `deficit_arose`, `deficit_deadline`, `plan_in_deficit`,
    /// `plan_end_deficit`, `ground_deadline`,
    /// `ground_deficit`, `ground_figures`, `procedure`, or `statutory` for
    /// a section whose tests could not be run at all.
    pub test: String,
    pub year: Option<i32>,
    pub kind: String,
    /// A year: the deficit's, its deadline's, the procedure's first.
    pub value: Option<i32>,
    /// `met` (the bad side, as in `kivijalka statutory`), `not_met`,
    /// `not_measurable`.
    pub status: String,
    /// Why it is not measurable: Finnish, Swedish, English.
    pub reason: Option<Text>,
}

impl Law {
    pub fn status_text(&self, lang: Lang) -> &'static str {
        match self.status.as_str() {
            "met" => lang.tr("täyttyy", "uppfyllt", "met"),
            "not_met" => lang.tr("ei täyty", "inte uppfyllt", "not met"),
            _ => lang.tr("ei mitattavissa", "kan inte mätas", "not measurable"),
        }
    }

    pub fn reason_text(&self, lang: Lang) -> &str {
        self.reason.as_ref().map_or("", |t| t.get(lang))
    }

    pub fn test_text(&self, lang: Lang) -> &'static str {
        match self.test.as_str() {
            "deficit_arose" => lang.tr(
                "Alijäämän syntyvuosi",
                "Året underskottet uppkom",
                "Year the deficit arose",
            ),
            "deficit_deadline" => lang.tr(
                "Kattamiskausi päättynyt kattamatta",
                "Tidsfristen för täckning har gått ut",
                "Deficit past its deadline",
            ),
            "plan_in_deficit" => lang.tr(
                "Taloussuunnitelma alijäämäinen",
                "Ekonomiplanen visar underskott",
                "Financial plan in deficit",
            ),
            "plan_end_deficit" => lang.tr(
                "Alijäämä kattamatta suunnitelmakauden lopussa",
                "Underskottet otäckt vid planperiodens slut",
                "Deficit uncovered at the plan's end",
            ),
            "ground_deadline" => lang.tr(
                "Peruste: alijäämä kattamatta määräajassa",
                "Grund: underskottet har inte täckts inom tidsfristen",
                "Ground: deficit not covered in time",
            ),
            "ground_deficit" => lang.tr(
                "Peruste: konsernin alijäämä",
                "Grund: koncernens underskott",
                "Ground: group deficit",
            ),
            "ground_figures" => lang.tr(
                "Peruste: tunnusluvut",
                "Grund: nyckeltalen",
                "Ground: key figures",
            ),
            "procedure" => lang.tr(
                "Arviointimenettely voi alkaa",
                "Utvärderingsförfarandet kan inledas",
                "Assessment procedure may start",
            ),
            _ => lang.tr(
                "Lakisääteiset testit",
                "Lagstadgade prov",
                "Statutory tests",
            ),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Failure {
    pub file: String,
    /// The message in each language: the batch's lines tell it in theirs,
    /// failures.csv and the shards keep the English.
    pub error: Box<crate::error::Text>,
    /// Its place: 0 for a long table that could not be read (listed
    /// first), else 1; then the file's place and the municipality's in it.
    pub at: [usize; 3],
}

pub struct Row<'a> {
    pub municipality: usize,
    pub value: &'a IndicatorValue,
    pub rank: Option<(usize, usize)>,
    pub peer: Option<&'a PeerStat>,
    /// What the rank compares, for a measurable value.
    pub compared: Option<&'a Measure>,
    /// The year's peer group, and the rank and quartiles within it.
    pub group: Option<(usize, String)>,
    pub group_rank: Option<(usize, usize)>,
    pub group_peer: Option<&'a PeerStat>,
}

impl Row<'_> {
    pub fn basis(&self) -> Basis {
        Basis::of(self.value.indicator)
    }
}

pub struct Summary {
    pub municipalities: Vec<Municipality>,
    pub values: Vec<Vec<IndicatorValue>>,
    pub stats: Vec<PeerStat>,
    pub ranks: peers::Ranks,
    /// The values ranked: per resident or the indicator's own (peers::Basis).
    pub compared: BTreeMap<(usize, u8, i32), Measure>,
    pub failures: Vec<Failure>,
    /// Ranks and statistics within each peer group (`group_of`), the
    /// groups in their order (size classes smallest first, else by name).
    pub group_ranks: peers::Ranks,
    pub group_stats: BTreeMap<(usize, String), Vec<PeerStat>>,
}

impl Summary {
    pub fn new(
        municipalities: Vec<Municipality>,
        values: Vec<Vec<IndicatorValue>>,
        failures: Vec<Failure>,
    ) -> Self {
        let mut compared = BTreeMap::new();
        for (m, vs) in values.iter().enumerate() {
            let population = municipalities.get(m).map(|x| &x.population);
            for v in vs.iter().filter(|v| v.status != Status::NotMeasurable) {
                if let Some(x) = v.value {
                    let p = || {
                        population
                            .and_then(|p| p.get(&v.year))
                            .cloned()
                            .unwrap_or(Err(Reason::PopulationMissing { year: v.year }))
                    };
                    let c = peers::comparable(v.indicator, x, p);
                    compared.insert((m, v.indicator, v.year), c);
                }
            }
        }
        let flat: Vec<(usize, u8, i32, Decimal)> = compared
            .iter()
            .filter_map(|(&(m, i, y), c)| c.as_ref().ok().map(|x| (m, i, y, *x)))
            .collect();
        let (stats, ranks) = peers::compute(&flat);
        let mut grouped: BTreeMap<(usize, String), Vec<_>> = BTreeMap::new();
        for &(m, i, y, x) in &flat {
            if let Some(g) = municipalities.get(m).and_then(|mm| group_of(mm, y)) {
                grouped.entry(g).or_default().push((m, i, y, x));
            }
        }
        let mut group_ranks = peers::Ranks::new();
        let mut group_stats = BTreeMap::new();
        for (g, vs) in grouped {
            let (st, rk) = peers::compute(&vs);
            group_ranks.extend(rk);
            group_stats.insert(g, st);
        }
        Summary {
            municipalities,
            values,
            stats,
            ranks,
            compared,
            failures,
            group_ranks,
            group_stats,
        }
    }

    pub fn rows(&self) -> Vec<Row<'_>> {
        let mut out = Vec::new();
        for (m, vs) in self.values.iter().enumerate() {
            for v in vs {
                let key = (m, v.indicator, v.year);
                let group = (self.municipalities.get(m)).and_then(|mm| group_of(mm, v.year));
                let group_rank = self.group_ranks.get(&key).copied();
                let group_peer = (group.as_ref())
                    .and_then(|g| self.group_stats.get(g))
                    .and_then(|st| {
                        (st.iter()).find(|s| s.indicator == v.indicator && s.year == v.year)
                    });
                out.push(Row {
                    group,
                    group_rank,
                    group_peer,
                    municipality: m,
                    value: v,
                    rank: self.ranks.get(&(m, v.indicator, v.year)).copied(),
                    peer: self
                        .stats
                        .iter()
                        .find(|s| s.indicator == v.indicator && s.year == v.year),
                    compared: self.compared.get(&(m, v.indicator, v.year)),
                });
            }
        }
        out
    }
}

pub fn csv(s: &Summary, out: &mut dyn Write) -> io::Result<()> {
    let mut w = crate::report::csv_out::Writer::from_writer(out);
    w.write_record([
        "municipality",
        "code",
        "file",
        "report",
        "indicator",
        "id",
        "year",
        "kind",
        "value",
        "unit",
        "status",
        "peer_basis",
        "peer_value",
        "peer_unit",
        "peer_reason",
        "rank",
        "of",
        "peer_q1",
        "peer_median",
        "peer_q3",
        "p_met",
        "peer_group",
        "group_rank",
        "group_of",
        "group_q1",
        "group_median",
        "group_q3",
    ])?;
    for r in s.rows() {
        let m = &s.municipalities[r.municipality];
        let v = r.value;
        let d = &INDICATORS[(v.indicator - 1) as usize];
        w.write_record([
            m.name.clone(),
            m.code.clone().unwrap_or_default(),
            m.file.clone(),
            m.report.clone().unwrap_or_default(),
            v.indicator.to_string(),
            d.id.to_string(),
            v.year.to_string(),
            v.kind.map(|k| k.to_string()).unwrap_or_default(),
            v.value.map(plain).unwrap_or_default(),
            d.unit.symbol_en().to_string(),
            v.status.en().replace(' ', "_"),
            basis_id(r.basis()).to_string(),
            r.compared
                .and_then(|c| c.as_ref().ok())
                .map(|x| plain(*x))
                .unwrap_or_default(),
            r.basis().unit(v.indicator).symbol_en().to_string(),
            r.compared
                .and_then(|c| c.as_ref().err())
                .map(|w| crate::report::reason::text(w, Lang::En))
                .unwrap_or_default(),
            r.rank.map(|x| x.0.to_string()).unwrap_or_default(),
            r.rank.map(|x| x.1.to_string()).unwrap_or_default(),
            r.peer.map(|p| plain(p.q1)).unwrap_or_default(),
            r.peer.map(|p| plain(p.median)).unwrap_or_default(),
            r.peer.map(|p| plain(p.q3)).unwrap_or_default(),
            m.p_met
                .get(&(v.indicator, v.year))
                .map(|p| format!("{p:.4}"))
                .unwrap_or_default(),
            r.group.clone().map(|g| g.1).unwrap_or_default(),
            r.group_rank.map(|x| x.0.to_string()).unwrap_or_default(),
            r.group_rank.map(|x| x.1.to_string()).unwrap_or_default(),
            r.group_peer.map(|p| plain(p.q1)).unwrap_or_default(),
            r.group_peer.map(|p| plain(p.median)).unwrap_or_default(),
            r.group_peer.map(|p| plain(p.q3)).unwrap_or_default(),
        ])?;
    }
    // After every indicator row, so that the lines before them stay as
    // they were and a reader that keeps to the indicators' ids is unmoved.
    for m in &s.municipalities {
        for l in &m.statutory {
            let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
            let mut rec = vec![
                m.name.clone(),
                m.code.clone().unwrap_or_default(),
                m.file.clone(),
                m.report.clone().unwrap_or_default(),
                l.section.clone(),
                l.test.clone(),
                year(l.year),
                l.kind.clone(),
                year(l.value),
                if l.value.is_some() { "year" } else { "" }.to_string(),
                l.status.clone(),
                String::new(),
                String::new(),
                String::new(),
                l.reason_text(Lang::En).to_string(),
            ];
            rec.resize(27, String::new());
            w.write_record(rec)?;
        }
    }
    w.flush()
}

fn basis_id(b: Basis) -> &'static str {
    match b {
        Basis::PerResident => "per_resident",
        Basis::Value => "value",
    }
}

/// The basis in words, for a column or a heading.
pub fn basis_text(b: Basis, lang: Lang) -> &'static str {
    match b {
        Basis::PerResident => lang.tr("€/asukas", "€/invånare", "€/resident"),
        Basis::Value => lang.tr(
            "indikaattorin arvo",
            "indikatorns värde",
            "indicator's value",
        ),
    }
}

pub fn failures_csv(s: &Summary, out: &mut dyn Write) -> io::Result<()> {
    let mut w = crate::report::csv_out::Writer::from_writer(out);
    w.write_record(["file", "error"])?;
    for f in &s.failures {
        w.write_record([&f.file, &f.error.en])?;
    }
    w.flush()
}

/// A shard's summary (`batch --shard`) as JSON for `batch --merge`: what
/// `Summary::new` needs to give the summary of all shards at once, each
/// value written exactly (decimals as text, floats as the shortest text
/// that reads back the same).
pub fn shard_json(s: &Summary, out: &mut dyn Write) -> io::Result<()> {
    use serde_json::{Value, json};
    let munis: Vec<Value> = s
        .municipalities
        .iter()
        .zip(&s.values)
        .map(|(m, vs)| {
            let population: Vec<Value> = m
                .population
                .iter()
                .map(|(y, p)| match p {
                    Ok(v) => json!([y, v.to_string()]),
                    Err(Reason::PopulationNotPositive { .. }) => json!([y, "0"]),
                    Err(_) => json!([y, null]),
                })
                .collect();
            let values: Vec<Value> = vs
                .iter()
                .map(|v| {
                    json!([
                        v.indicator,
                        v.entity.en(),
                        v.year,
                        v.kind.map(|k| k.to_string()),
                        v.value.map(|x| x.to_string()),
                        v.status.en(),
                    ])
                })
                .collect();
            let p_met: Vec<Value> = (m.p_met.iter())
                .map(|((i, y), p)| json!([i, y, p]))
                .collect();
            let statutory: Vec<Value> = (m.statutory.iter())
                .map(|l| {
                    json!([
                        l.section,
                        l.test,
                        l.year,
                        l.kind,
                        l.value,
                        l.status,
                        l.reason.as_ref().map(|t| [&t.fi, &t.sv, &t.en])
                    ])
                })
                .collect();
            let mut doc = json!({
                "name": m.name, "code": m.code, "file": m.file, "report": m.report,
                "at": m.at, "population": population, "values": values, "p_met": p_met,
                "statutory": statutory,
            });
            // Only when peers are grouped by a column: a shard grouped by
            // size class reads as before.
            if let Some(g) = &m.peer_group {
                doc["peer_group"] = json!(g);
            }
            doc
        })
        .collect();
    let failures: Vec<Value> = (s.failures.iter())
        .map(|f| json!({"file": f.file, "error": f.error.en, "at": f.at}))
        .collect();
    let doc = json!({"municipalities": munis, "failures": failures});
    serde_json::to_writer(&mut *out, &doc)?;
    out.write_all(b"\n")
}

/// The shards' summaries read back and joined in the order of an unsharded
/// run: the peer statistics are taken again over all of them.
pub fn merge(shards: &[(String, String)]) -> Result<Summary, String> {
    let mut rows: Vec<(Municipality, Vec<IndicatorValue>)> = Vec::new();
    let mut failures: Vec<Failure> = Vec::new();
    // Each municipality's place in the inputs, and the shard that gave it.
    let mut from: BTreeMap<[usize; 3], &str> = BTreeMap::new();
    for (file, text) in shards {
        let doc: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("{file}: {e}"))?;
        let bad = |what: &str| format!("{file}: not a shard's summary ({what})");
        for m in doc["municipalities"]
            .as_array()
            .ok_or_else(|| bad("municipalities"))?
        {
            let row = shard::municipality(m).ok_or_else(|| bad("a municipality"))?;
            // The same shard given twice would count its municipalities twice.
            if let Some(other) = from.insert(row.0.at, file) {
                let name = &row.0.name;
                return Err(format!(
                    "{file}: {name} is also in {other}; each municipality belongs to one shard"
                ));
            }
            rows.push(row);
        }
        for f in doc["failures"].as_array().ok_or_else(|| bad("failures"))? {
            let f = shard::failure(f).ok_or_else(|| bad("a failure"))?;
            // A file no shard could read is listed by every shard.
            if !failures.iter().any(|g| g.at == f.at && g.error == f.error) {
                failures.push(f);
            }
        }
    }
    rows.sort_by_key(|(m, _)| m.at);
    failures.sort_by_key(|f| f.at);
    let (municipalities, values) = rows.into_iter().unzip();
    Ok(Summary::new(municipalities, values, failures))
}

mod shard {
    use serde_json::Value;

    use super::*;
    use crate::model::dataset::{Entity, YearKind};
    use crate::model::rules;

    fn at(v: &Value) -> Option<[usize; 3]> {
        let a = v.as_array()?;
        let n = |i: usize| a.get(i)?.as_u64().and_then(|x| usize::try_from(x).ok());
        Some([n(0)?, n(1)?, n(2)?])
    }

    fn text(v: &Value) -> Option<Option<String>> {
        match v {
            Value::Null => Some(None),
            Value::String(s) => Some(Some(s.clone())),
            _ => None,
        }
    }

    fn decimal(v: &Value) -> Option<Option<Decimal>> {
        match text(v)? {
            None => Some(None),
            Some(s) => s.parse().ok().map(Some),
        }
    }

    fn value(v: &Value) -> Option<IndicatorValue> {
        let a = v.as_array()?;
        let indicator = u8::try_from(a.first()?.as_u64()?).ok()?;
        let def = INDICATORS.get(usize::from(indicator).checked_sub(1)?)?;
        let kind = match text(a.get(3)?)?.as_deref() {
            None => None,
            Some("TP") => Some(YearKind::TP),
            Some("TA") => Some(YearKind::TA),
            Some("TS") => Some(YearKind::TS),
            Some("E") => Some(YearKind::E),
            Some(_) => return None,
        };
        let status_en = a.get(5)?.as_str()?;
        let status = [Status::Met, Status::Missed, Status::NotMeasurable]
            .into_iter()
            .find(|s| s.en() == status_en)?;
        Some(IndicatorValue {
            indicator,
            id: def.id,
            entity: if a.get(1)?.as_str()? == Entity::Group.en() {
                Entity::Group
            } else {
                Entity::City
            },
            year: i32::try_from(a.get(2)?.as_i64()?).ok()?,
            from_year: None,
            kind,
            value: decimal(a.get(4)?)?,
            unit: def.unit,
            status,
            reason: None,
            method: None,
            details: Vec::new(),
            inputs: Vec::new(),
        })
    }

    fn year(v: &Value) -> Option<Option<i32>> {
        match v {
            Value::Null => Some(None),
            v => i32::try_from(v.as_i64()?).ok().map(Some),
        }
    }

    fn law(v: &Value) -> Option<Law> {
        let a = v.as_array()?;
        let s = |i: usize| a.get(i)?.as_str().map(str::to_string);
        let reason = match a.get(6)? {
            Value::Null => None,
            r => Some(Text {
                fi: r.get(0)?.as_str()?.to_string(),
                sv: r.get(1)?.as_str()?.to_string(),
                en: r.get(2)?.as_str()?.to_string(),
            }),
        };
        Some(Law {
            section: s(0)?,
            test: s(1)?,
            year: year(a.get(2)?)?,
            kind: s(3)?,
            value: year(a.get(4)?)?,
            status: s(5)?,
            reason,
        })
    }

    pub(super) fn municipality(v: &Value) -> Option<(Municipality, Vec<IndicatorValue>)> {
        let mut population = BTreeMap::new();
        for p in v["population"].as_array()? {
            let y = i32::try_from(p.get(0)?.as_i64()?).ok()?;
            population.insert(y, rules::population(y, decimal(p.get(1)?)?));
        }
        let mut p_met = BTreeMap::new();
        for p in v["p_met"].as_array()? {
            let i = u8::try_from(p.get(0)?.as_u64()?).ok()?;
            let y = i32::try_from(p.get(1)?.as_i64()?).ok()?;
            p_met.insert((i, y), p.get(2)?.as_f64()?);
        }
        let values = (v["values"].as_array()?.iter())
            .map(value)
            .collect::<Option<Vec<_>>>()?;
        let m = Municipality {
            name: v["name"].as_str()?.to_string(),
            code: text(&v["code"])?,
            file: v["file"].as_str()?.to_string(),
            report: text(&v["report"])?,
            p_met,
            population,
            at: at(&v["at"])?,
            statutory: (v["statutory"].as_array()?.iter())
                .map(law)
                .collect::<Option<Vec<_>>>()?,
            peer_group: match v.get("peer_group") {
                None => None,
                Some(g) => Some(g.as_str()?.to_string()),
            },
        };
        Some((m, values))
    }

    pub(super) fn failure(v: &Value) -> Option<Failure> {
        Some(Failure {
            file: v["file"].as_str()?.to_string(),
            error: {
                // A shard keeps only the English, which a merge then tells
                // in every language.
                let en = v["error"].as_str()?.to_string();
                Box::new(crate::error::Text {
                    fi: en.clone(),
                    sv: en.clone(),
                    en,
                })
            },
            at: at(&v["at"])?,
        })
    }
}
