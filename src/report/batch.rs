//! The batch summary: every municipality's indicators with the peer
//! statistics per indicator and year, and the failures.

use std::io::{self, Write};

use rust_decimal::Decimal;

use crate::model::indicators::{INDICATORS, IndicatorValue, Status};
use crate::model::peers::{self, PeerStat};
use crate::report::format::plain;

#[derive(Clone, Debug)]
pub struct Municipality {
    pub name: String,
    pub code: Option<String>,
    pub file: String,
    pub report: Option<String>,
    /// The simulated probability that each (indicator, year) target holds.
    pub p_met: std::collections::BTreeMap<(u8, i32), f64>,
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
}

pub struct Summary {
    pub municipalities: Vec<Municipality>,
    pub values: Vec<Vec<IndicatorValue>>,
    pub stats: Vec<PeerStat>,
    pub ranks: std::collections::BTreeMap<(usize, u8, i32), (usize, usize)>,
    pub failures: Vec<Failure>,
}

impl Summary {
    pub fn new(
        municipalities: Vec<Municipality>,
        values: Vec<Vec<IndicatorValue>>,
        failures: Vec<Failure>,
    ) -> Self {
        let flat: Vec<(usize, u8, i32, Decimal)> = values
            .iter()
            .enumerate()
            .flat_map(|(m, vs)| {
                vs.iter()
                    .filter(|v| v.status != Status::NotMeasurable)
                    .filter_map(move |v| v.value.map(|x| (m, v.indicator, v.year, x)))
            })
            .collect();
        let (stats, ranks) = peers::compute(&flat);
        Summary {
            municipalities,
            values,
            stats,
            ranks,
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

pub fn failures_csv(s: &Summary, out: &mut dyn Write) -> io::Result<()> {
    let mut w = crate::report::csv_out::Writer::from_writer(out);
    w.write_record(["file", "error"])?;
    for f in &s.failures {
        w.write_record([&f.file, &f.error])?;
    }
    w.flush()
}
