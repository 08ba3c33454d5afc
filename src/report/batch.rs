//! The batch summary: every municipality's indicators with the peer
//! statistics per indicator and year, and the failures.

use std::io::{self, Write};

use rust_decimal::Decimal;

use std::collections::BTreeMap;

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
}

#[derive(Clone, Debug)]
pub struct Failure {
    pub file: String,
    pub error: String,
}

pub struct Row<'a> {
    pub municipality: usize,
    pub value: &'a IndicatorValue,
    pub rank: Option<(usize, usize)>,
    pub peer: Option<&'a PeerStat>,
    /// What the rank compares, for a measurable value.
    pub compared: Option<&'a Measure>,
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
        Summary {
            municipalities,
            values,
            stats,
            ranks,
            compared,
            failures,
        }
    }

    pub fn rows(&self) -> Vec<Row<'_>> {
        let mut out = Vec::new();
        for (m, vs) in self.values.iter().enumerate() {
            for v in vs {
                out.push(Row {
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
        ])?;
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
    match (b, lang) {
        (Basis::PerResident, Lang::Fi) => "€/asukas",
        (Basis::PerResident, _) => "€/resident",
        (Basis::Value, Lang::Fi) => "indikaattorin arvo",
        (Basis::Value, _) => "indicator's value",
    }
}

pub fn failures_csv(s: &Summary, out: &mut dyn Write) -> io::Result<()> {
    let mut w = crate::report::csv_out::Writer::from_writer(out);
    w.write_record(["file", "error"])?;
    for f in &s.failures {
        w.write_record([&f.file, &f.error])?;
    }
    w.flush()
}
