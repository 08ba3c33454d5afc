//! Peer statistics across municipalities: per indicator and year the
//! quartiles of the measurable values and each municipality's rank.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::indicators::INDICATORS;
use crate::model::money::cents;
use crate::model::ratios::{Measure, Unit};
use crate::model::rules;

/// What a peer statistic compares. Indicators in euros would rank
/// municipalities by their size, so those compare per resident; a percent
/// or a figure already per resident compares as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    PerResident,
    Value,
}

impl Basis {
    pub fn of(indicator: u8) -> Basis {
        let unit = INDICATORS
            .get(usize::from(indicator).wrapping_sub(1))
            .map(|d| d.unit);
        if unit == Some(Unit::Eur) {
            Basis::PerResident
        } else {
            Basis::Value
        }
    }

    /// The unit the compared values and quartiles are in.
    pub fn unit(self, indicator: u8) -> Unit {
        match self {
            Basis::PerResident => Unit::EurPerResident,
            Basis::Value => INDICATORS
                .get(usize::from(indicator).wrapping_sub(1))
                .map_or(Unit::Ratio, |d| d.unit),
        }
    }
}

/// The value an indicator is compared by among its peers: per resident to
/// the cent for the indicators in euros (not measurable, with its reason,
/// when the year's population is missing or not positive).
pub fn comparable(indicator: u8, value: Decimal, population: impl FnOnce() -> Measure) -> Measure {
    match Basis::of(indicator) {
        Basis::Value => Ok(value),
        Basis::PerResident => rules::per_resident(&Ok(value), population).map(cents),
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct PeerStat {
    pub indicator: u8,
    pub year: i32,
    pub n: usize,
    pub q1: Decimal,
    pub median: Decimal,
    pub q3: Decimal,
}

/// Whether a higher value is the better one: margins, surplus and cash flow
/// yes; cost growth and loans per resident no.
pub fn higher_is_better(indicator: u8) -> bool {
    !matches!(indicator, 3 | 4)
}

/// The p-quantile of sorted values, linear between order statistics (the
/// common spreadsheet definition, QUARTILE.INC).
pub fn quantile(sorted: &[Decimal], p: Decimal) -> Decimal {
    let n = sorted.len();
    if n == 0 {
        return Decimal::ZERO;
    }
    let h = Decimal::from(n - 1) * p;
    let lo = h.floor();
    let i: usize = lo.try_into().unwrap_or(0);
    let frac = h - lo;
    if i + 1 >= n {
        return sorted[n - 1];
    }
    sorted[i] + frac * (sorted[i + 1] - sorted[i])
}

/// Rank and group size by (municipality index, indicator, year).
pub type Ranks = BTreeMap<(usize, u8, i32), (usize, usize)>;

/// Statistics and ranks from (municipality index, indicator, year, value).
/// Ranks are 1 for the best; equal values share a rank (1, 2, 2, 4).
pub fn compute(values: &[(usize, u8, i32, Decimal)]) -> (Vec<PeerStat>, Ranks) {
    let mut groups: BTreeMap<(u8, i32), Vec<(usize, Decimal)>> = BTreeMap::new();
    for (m, i, y, v) in values {
        groups.entry((*i, *y)).or_default().push((*m, *v));
    }
    let mut stats = Vec::new();
    let mut ranks = BTreeMap::new();
    let q = |p: &str| p.parse::<Decimal>().expect("constant");
    for ((ind, year), mut vs) in groups {
        let mut sorted: Vec<Decimal> = vs.iter().map(|x| x.1).collect();
        sorted.sort();
        // To the cent, half away from zero: a quartile between two figures.
        let r = cents;
        stats.push(PeerStat {
            indicator: ind,
            year,
            n: sorted.len(),
            q1: r(quantile(&sorted, q("0.25"))),
            median: r(quantile(&sorted, q("0.5"))),
            q3: r(quantile(&sorted, q("0.75"))),
        });
        if higher_is_better(ind) {
            vs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        } else {
            vs.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
        }
        let n = vs.len();
        let mut rank = 0;
        for (pos, (m, v)) in vs.iter().enumerate() {
            if pos == 0 || vs[pos - 1].1 != *v {
                rank = pos + 1;
            }
            ranks.insert((*m, ind, year), (rank, n));
        }
    }
    (stats, ranks)
}

/// Where one value stands among the values it is compared with: its rank
/// (1 the best) of how many, and the spread of those values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Standing {
    pub rank: usize,
    pub n: usize,
    pub min: Decimal,
    pub q1: Decimal,
    pub median: Decimal,
    pub q3: Decimal,
    pub max: Decimal,
}

/// A municipality's place among its peers for one indicator and year, in
/// the compared value (`Basis`): among every municipality of the run, and
/// within its peer group when it has one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    pub indicator: u8,
    pub year: i32,
    pub kind: Option<crate::model::dataset::YearKind>,
    pub basis: Basis,
    pub value: Decimal,
    pub all: Standing,
    /// The group's name and the standing within it.
    pub group: Option<(String, Standing)>,
}

/// Whom a report's peers are: every municipality of the batch, or only
/// those of its shard (a shard's run sees no others).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Among {
    Batch { n: usize },
    Shard { index: u32, count: u32, n: usize },
}

/// How the peer groups were formed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Grouping {
    SizeClass,
    /// A column of the long tables.
    Column(String),
    /// A file of codes and groups.
    File(String),
}

/// What a municipality's report shows of its peers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Peers {
    pub among: Among,
    pub grouping: Grouping,
    pub positions: Vec<Position>,
}

impl Peers {
    /// The year each indicator is drawn for: the last with a financial
    /// statement (TP), else the last compared. Figures that are read weigh
    /// more than a budget's or a projection's.
    pub fn shown(&self) -> Vec<&Position> {
        let mut out: Vec<&Position> = Vec::new();
        for p in &self.positions {
            let better = |q: &Position| {
                let tp = |x: &Position| x.kind == Some(crate::model::dataset::YearKind::TP);
                (tp(p), p.year) > (tp(q), q.year)
            };
            match out.iter_mut().find(|q| q.indicator == p.indicator) {
                Some(q) if better(q) => *q = p,
                Some(_) => {}
                None => out.push(p),
            }
        }
        out.sort_by_key(|p| p.indicator);
        out
    }
}

/// The smallest and largest of the values, which the quartiles leave out.
pub fn range(values: impl IntoIterator<Item = Decimal>) -> Option<(Decimal, Decimal)> {
    values.into_iter().fold(None, |acc, v| match acc {
        None => Some((v, v)),
        Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn quartiles_and_shared_ranks() {
        let s = [dec!(1), dec!(2), dec!(3), dec!(4)];
        assert_eq!(quantile(&s, dec!(0.25)), dec!(1.75));
        assert_eq!(quantile(&s, dec!(0.5)), dec!(2.5));
        assert_eq!(quantile(&s, dec!(0.75)), dec!(3.25));
        let v = [
            (0, 1, 2025, dec!(5)),
            (1, 1, 2025, dec!(7)),
            (2, 1, 2025, dec!(7)),
            (3, 1, 2025, dec!(-1)),
            (0, 4, 2025, dec!(900)),
            (1, 4, 2025, dec!(800)),
        ];
        let (stats, ranks) = compute(&v);
        assert_eq!(stats[0].median, dec!(6));
        assert_eq!(ranks[&(1, 1, 2025)], (1, 4));
        assert_eq!(ranks[&(2, 1, 2025)], (1, 4));
        assert_eq!(ranks[&(0, 1, 2025)], (3, 4));
        assert_eq!(ranks[&(3, 1, 2025)], (4, 4));
        // Lower loans per resident rank first.
        assert_eq!(ranks[&(1, 4, 2025)], (1, 2));
    }

    #[test]
    fn the_year_shown_is_the_last_statement_else_the_last_compared() {
        use crate::model::dataset::YearKind;
        let st = Standing {
            rank: 1,
            n: 2,
            min: dec!(0),
            q1: dec!(0),
            median: dec!(0),
            q3: dec!(0),
            max: dec!(0),
        };
        let at = |indicator, year, kind| Position {
            indicator,
            year,
            kind: Some(kind),
            basis: Basis::Value,
            value: dec!(0),
            all: st.clone(),
            group: None,
        };
        let peers = Peers {
            among: Among::Batch { n: 2 },
            grouping: Grouping::SizeClass,
            positions: vec![
                at(3, 2026, YearKind::TA),
                at(1, 2024, YearKind::TP),
                at(1, 2025, YearKind::TP),
                at(1, 2026, YearKind::TA),
                at(3, 2027, YearKind::TS),
            ],
        };
        let shown: Vec<(u8, i32)> = (peers.shown().iter())
            .map(|p| (p.indicator, p.year))
            .collect();
        // A budget's 2026 does not outrank the statement of 2025; without
        // any statement, the last year compared.
        assert_eq!(shown, [(1, 2025), (3, 2027)]);
        assert_eq!(
            range([dec!(2), dec!(-1), dec!(5)]),
            Some((dec!(-1), dec!(5)))
        );
        assert_eq!(range([]), None);
    }

    #[test]
    fn euros_compare_per_resident_the_rest_as_they_are() {
        use crate::model::reason::Reason;
        let people = || Ok(dec!(18105));
        // −183 000 € / 18 105 residents = −10.1077…, to the cent.
        assert_eq!(comparable(1, dec!(-183000), people), Ok(dec!(-10.11)));
        assert_eq!(
            comparable(5, dec!(-1830000), || Ok(dec!(181050))),
            Ok(dec!(-10.11))
        );
        assert_eq!(comparable(3, dec!(3.25), people), Ok(dec!(3.25)));
        assert_eq!(comparable(4, dec!(9696.4), people), Ok(dec!(9696.4)));
        let missing = || Err(Reason::PopulationMissing { year: 2024 });
        assert_eq!(
            comparable(2, dec!(1), missing),
            Err(Reason::PopulationMissing { year: 2024 })
        );
        // A percent or a figure per resident needs no population.
        assert_eq!(comparable(4, dec!(1), missing), Ok(dec!(1)));
        assert_eq!(Basis::of(2).unit(2), Unit::EurPerResident);
        assert_eq!(Basis::of(3).unit(3), Unit::Percent);
        assert_eq!(Basis::of(0), Basis::Value);
    }
}
