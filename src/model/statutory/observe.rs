//! 110 § and 118 § on a simulated path: what the law would say of each
//! projected year, from the path's year rows alone, and the shares over all
//! paths. The workbook's years are judged once (`Observer::new`); a path
//! adds its rows and runs the same rules (`deficit_test`, `assess`) as
//! `kivijalka statutory` on a projection, so a path with the central draws
//! reads as the deterministic forecast does (tested).

use serde::Serialize;

use crate::model::dataset::Dataset;
use crate::model::projection::YearRow;

use super::estimate::{CityYear, Rolling};
use super::{
    GroupYear, Rules, SurplusYear, assessment::any_ground, deficit_test, evaluate_projected,
};

/// What the law says of one projected year of one path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearLaw {
    pub year: i32,
    /// An accumulated deficit past its 110 § deadline shows in the year's
    /// statements.
    pub deadline_missed: bool,
    /// Whether a 118 § ground holds on the year's statements.
    pub ground: Ground,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ground {
    Met,
    NotMet,
    /// Neither can be decided: an input or a national average is missing.
    Undecided,
}

/// The workbook's years judged, and what a path's rows are added to.
pub struct Observer {
    rules: Rules,
    surplus: Vec<SurplusYear>,
    group: Vec<GroupYear>,
    /// The group's part beyond the city as carried to `base`.
    part: Option<Rolling>,
}

impl Observer {
    /// The years up to `base` judged as `statutory --scenario` judges them.
    pub fn new(rules: Rules, ds: &Dataset, base: i32) -> Observer {
        let st = evaluate_projected(&rules, ds, &[]);
        Observer {
            surplus: st.surplus.into_iter().filter(|s| s.year <= base).collect(),
            group: st.group.into_iter().filter(|g| g.year <= base).collect(),
            part: (st.carried.iter().rev())
                .find(|r| r.year <= base)
                .cloned()
                .or_else(|| st.beyond.map(Rolling::new)),
            rules,
        }
    }

    /// The shipped rule book's observer, for `simulate` (which takes no
    /// `--rules`); `None` only if the shipped file did not read, which a
    /// test rules out.
    pub fn builtin(ds: &Dataset, base: i32) -> Option<Observer> {
        Some(Observer::new(Rules::builtin().ok()?, ds, base))
    }

    /// The law on each of `rows`' years.
    pub fn path(&self, rows: &[YearRow]) -> Vec<YearLaw> {
        let mut surplus = self.surplus.clone();
        let mut group = self.group.clone();
        let mut part = self.part.clone();
        for r in rows {
            let residents = crate::model::rules::population(r.year, r.population).ok();
            surplus.push(SurplusYear {
                year: r.year,
                accumulated: Some(r.accumulated_surplus),
                residents,
            });
            let city = CityYear {
                year: r.year,
                residents,
                accumulated_surplus: Some(r.accumulated_surplus),
                annual_margin: Some(r.annual_margin),
                depreciation: Some(r.depreciation.abs()),
                interest_expenses: Some(r.interest.abs()),
                income_tax_rate_pct: r.tax_rate_pct,
                loans: Some(r.loans),
                group_loans: r.group_loans,
                group_leases: r.group_leases,
            };
            group.push(match &mut part {
                Some(p) => p.next(&city),
                // No group statements at all: only what the rows carry.
                None => GroupYear {
                    year: r.year,
                    residents,
                    income_tax_rate_pct: r.tax_rate_pct,
                    loans: r.group_loans,
                    lease_liabilities: r.group_leases,
                    ..GroupYear::default()
                },
            });
        }
        let deficits = deficit_test(&self.rules, &surplus, &[]);
        let flagged = deficits.flagged_years();
        (rows.iter())
            .map(|r| YearLaw {
                year: r.year,
                deadline_missed: flagged.contains(&r.year),
                ground: any_ground(&self.rules, &group, &deficits, r.year),
            })
            .collect()
    }
}

/// The shares of paths, by projected year.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LawShare {
    pub year: i32,
    /// Paths whose statements of the year show a deficit past its 110 §
    /// deadline.
    pub p_deadline_missed: f64,
    /// Paths in which a 118 § ground holds on the year's statements.
    pub p_ground_met: f64,
    /// Paths in which no ground holds but one cannot be decided.
    pub p_ground_undecided: f64,
}

/// Counts over paths, fed in any order.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    years: Vec<(i32, u64, u64, u64)>,
    paths: u64,
}

impl Tally {
    pub fn add(&mut self, path: &[YearLaw]) {
        self.paths += 1;
        for l in path {
            let i = match self.years.iter().position(|(y, ..)| *y == l.year) {
                Some(i) => i,
                None => {
                    self.years.push((l.year, 0, 0, 0));
                    self.years.len() - 1
                }
            };
            let e = &mut self.years[i];
            e.1 += l.deadline_missed as u64;
            e.2 += (l.ground == Ground::Met) as u64;
            e.3 += (l.ground == Ground::Undecided) as u64;
        }
    }

    pub fn shares(&self) -> Vec<LawShare> {
        let n = self.paths.max(1) as f64;
        let mut v: Vec<LawShare> = (self.years.iter())
            .map(|&(year, m, g, u)| LawShare {
                year,
                p_deadline_missed: m as f64 / n,
                p_ground_met: g as f64 / n,
                p_ground_undecided: u as f64 / n,
            })
            .collect();
        v.sort_by_key(|s| s.year);
        v
    }
}
