//! The 118 § verdict a simulated path takes (`any_ground`, which stops at
//! the first part that settles a ground) against the full assessment the
//! `statutory` command shows (`assess_years`): the same three-valued answer
//! on every year of series built around each threshold, with figures and
//! national averages missing, deficits and surpluses.

use kivijalka::model::statutory::assessment::{any_ground, assess_years};
use kivijalka::model::statutory::observe::Ground;
use kivijalka::model::statutory::{GroupYear, Rules, Status, SurplusYear, deficit_test};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// A small deterministic generator, so that a failing case can be rerun.
struct Lcg(u64);

impl Lcg {
    fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        from[(self.0 >> 33) as usize % from.len()]
    }
}

fn group_year(g: &mut Lcg, year: i32) -> GroupYear {
    // Values at, beside and far from the shipped thresholds (per 1 000
    // residents: deficit 500 and 1 000 €/resident, margin 80 % of
    // depreciation, debt service 0,8), and missing ones.
    let residents = g.pick(&[
        Some(dec!(1000)),
        Some(dec!(1000)),
        Some(Decimal::ZERO),
        None,
    ]);
    GroupYear {
        year,
        residents,
        accumulated_surplus: g.pick(&[
            Some(dec!(200_000)),
            Some(Decimal::ZERO),
            Some(dec!(-500_000)),
            Some(dec!(-499_999.99)),
            Some(dec!(-1_000_000)),
            Some(dec!(-2_000_000)),
            None,
        ]),
        annual_margin: g.pick(&[
            Some(dec!(800_000)),
            Some(dec!(799_999)),
            Some(dec!(-50_000)),
            None,
        ]),
        depreciation: g.pick(&[Some(dec!(1_000_000)), Some(Decimal::ZERO), None]),
        income_tax_rate_pct: g.pick(&[Some(dec!(22.36)), Some(dec!(25.5)), Some(dec!(18)), None]),
        loans: g.pick(&[Some(dec!(2_000_000)), Some(dec!(20_000_000)), None]),
        lease_liabilities: g.pick(&[Some(dec!(100_000)), Some(dec!(9_000_000)), None]),
        interest_expenses: g.pick(&[Some(dec!(40_000)), Some(dec!(900_000)), None]),
    }
}

#[test]
fn statutory_verdict_of_a_path_is_the_full_assessments() {
    let rules = Rules::builtin().expect("the shipped rule book reads");
    let mut g = Lcg(7);
    let mut seen = [0usize; 3];
    for _ in 0..400 {
        let years: Vec<GroupYear> = (2019..=2032).map(|y| group_year(&mut g, y)).collect();
        let surplus: Vec<SurplusYear> = (2013..=2032)
            .map(|year| SurplusYear {
                year,
                accumulated: g.pick(&[Some(dec!(1)), Some(dec!(-1)), Some(dec!(-1)), None]),
                residents: Some(dec!(1000)),
            })
            .collect();
        let deficits = deficit_test(&rules, &surplus, &[]);
        let full = assess_years(&rules, &years, &deficits, 2019..=2032);
        for a in full {
            let want = match a.any {
                Status::Met => Ground::Met,
                Status::NotMet => Ground::NotMet,
                Status::NotMeasurable(_) => Ground::Undecided,
            };
            assert_eq!(
                any_ground(&rules, &years, &deficits, a.year),
                want,
                "{}",
                a.year
            );
            seen[want as usize] += 1;
        }
    }
    // Every verdict occurs, so each route of the comparison ran.
    assert!(seen.iter().all(|n| *n > 100), "{seen:?}");
}
