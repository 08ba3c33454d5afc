//! The group's figures of a year without group statements (a projected
//! year): the city's figure of that year plus the group's part beyond the
//! city (group − city), taken from the last year with group statements.
//! The projection makes no group statements, so the part is carried the way
//! a finance officer carries it by hand: its flows (vuosikate, poistot)
//! held in euros, its korkokulut in step with the companies' loans where the
//! projection grows them, and its accumulated surplus, a stock, rolled on
//! each year by the part's own result. Every output that shows such a
//! figure says it is an estimate.

use rust_decimal::Decimal;

use super::GroupYear;

/// The group's part beyond the city (group − city) in `from`, the last year
/// with group statements; a part that could not be measured is `None`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Beyond {
    pub from: i32,
    pub accumulated_surplus: Option<Decimal>,
    pub annual_margin: Option<Decimal>,
    pub depreciation: Option<Decimal>,
    pub interest_expenses: Option<Decimal>,
    /// The companies' own loans (group loans − the city's loans).
    pub companies_loans: Option<Decimal>,
}

/// The city's figures of a year, and the group's loans and lease
/// liabilities as the projection carries them (indicator 4's source).
/// Costs as positive amounts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CityYear {
    pub year: i32,
    pub residents: Option<Decimal>,
    pub accumulated_surplus: Option<Decimal>,
    pub annual_margin: Option<Decimal>,
    pub depreciation: Option<Decimal>,
    pub interest_expenses: Option<Decimal>,
    pub income_tax_rate_pct: Option<Decimal>,
    /// The city's own loans, which the group's loans less are the
    /// companies'.
    pub loans: Option<Decimal>,
    pub group_loans: Option<Decimal>,
    pub group_leases: Option<Decimal>,
}

fn plus(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    a?.checked_add(b?)
}

/// The part beyond the city carried year by year from `Beyond::from`.
#[derive(Clone, Debug, PartialEq)]
pub struct Rolling {
    pub beyond: Beyond,
    /// The last year the part was carried to.
    pub year: i32,
    /// The part's accumulated surplus at the end of `year`.
    pub accumulated_surplus: Option<Decimal>,
}

/// The part's figures of one year.
struct Part {
    annual_margin: Option<Decimal>,
    interest_expenses: Option<Decimal>,
}

impl Rolling {
    pub fn new(beyond: Beyond) -> Rolling {
        Rolling {
            year: beyond.from,
            accumulated_surplus: beyond.accumulated_surplus,
            beyond,
        }
    }

    /// The companies' korkokulut of a year in proportion to their loans
    /// then and in `from`; held when either loan stock is unknown or the
    /// one of `from` is not positive. What the interest grows by is a cost
    /// inside the part's vuosikate, so the margin falls by as much.
    fn part(&self, city: &CityYear) -> Part {
        let b = &self.beyond;
        let companies = city.group_loans.zip(city.loans).map(|(g, l)| g - l);
        let factor = match (companies, b.companies_loans) {
            (Some(now), Some(then)) if then > Decimal::ZERO && now >= Decimal::ZERO => {
                now.checked_div(then)
            }
            _ => Some(Decimal::ONE),
        };
        let interest = b
            .interest_expenses
            .zip(factor)
            .and_then(|(i, f)| i.checked_mul(f));
        let extra = match (interest, b.interest_expenses) {
            (Some(now), Some(then)) => Some(now - then),
            _ => Some(Decimal::ZERO),
        };
        Part {
            annual_margin: b
                .annual_margin
                .zip(extra)
                .and_then(|(m, x)| m.checked_sub(x)),
            interest_expenses: interest,
        }
    }

    /// The group's figures of `city.year`, estimated, the part carried on
    /// to that year: its accumulated surplus grows by the part's result,
    /// vuosikate − poistot, for each year since the last one carried to.
    pub fn next(&mut self, city: &CityYear) -> GroupYear {
        let p = self.part(city);
        let years = Decimal::from((city.year - self.year).max(0));
        let result = p
            .annual_margin
            .zip(self.beyond.depreciation)
            .and_then(|(m, d)| m.checked_sub(d))
            .and_then(|r| r.checked_mul(years));
        self.accumulated_surplus = plus(self.accumulated_surplus, result);
        self.year = self.year.max(city.year);
        GroupYear {
            year: city.year,
            residents: city.residents,
            accumulated_surplus: plus(city.accumulated_surplus, self.accumulated_surplus),
            annual_margin: plus(city.annual_margin, p.annual_margin),
            depreciation: plus(city.depreciation, self.beyond.depreciation),
            income_tax_rate_pct: city.income_tax_rate_pct,
            loans: city.group_loans,
            lease_liabilities: city.group_leases,
            interest_expenses: plus(city.interest_expenses, p.interest_expenses),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn city(year: i32, acc: Decimal, group_loans: Decimal) -> CityYear {
        CityYear {
            year,
            residents: Some(dec!(20_000)),
            accumulated_surplus: Some(acc),
            annual_margin: Some(dec!(8_000_000)),
            depreciation: Some(dec!(7_000_000)),
            interest_expenses: Some(dec!(400_000)),
            income_tax_rate_pct: Some(dec!(8.5)),
            loans: Some(dec!(60_000_000)),
            group_loans: Some(group_loans),
            group_leases: None,
        }
    }

    #[test]
    fn the_part_rolls_on_by_its_own_result_and_its_interest_follows_its_loans() {
        let mut r = Rolling::new(Beyond {
            from: 2025,
            accumulated_surplus: Some(dec!(-3_000_000)),
            annual_margin: Some(dec!(1_500_000)),
            depreciation: Some(dec!(2_000_000)),
            interest_expenses: Some(dec!(100_000)),
            companies_loans: Some(dec!(10_000_000)),
        });
        // 2026: the companies' loans as in 2025; their result
        // 1 500 000 − 2 000 000 = −500 000 takes their part to −3 500 000.
        let g = r.next(&city(2026, dec!(10_000_000), dec!(70_000_000)));
        assert_eq!(g.accumulated_surplus, Some(dec!(6_500_000)));
        assert_eq!(g.annual_margin, Some(dec!(9_500_000)));
        assert_eq!(g.depreciation, Some(dec!(9_000_000)));
        assert_eq!(g.interest_expenses, Some(dec!(500_000)));
        assert_eq!(g.loans, Some(dec!(70_000_000)));
        // 2027: their loans 12 M (1,2 ×): korkokulut 120 000, the 20 000
        // more lowering their margin to 1 480 000 and their result to
        // −520 000; their part −4 020 000.
        let g = r.next(&city(2027, dec!(11_000_000), dec!(72_000_000)));
        assert_eq!(g.interest_expenses, Some(dec!(520_000)));
        assert_eq!(g.annual_margin, Some(dec!(9_480_000)));
        assert_eq!(g.accumulated_surplus, Some(dec!(6_980_000)));
        assert_eq!(r.accumulated_surplus, Some(dec!(-4_020_000)));
        assert_eq!(g.income_tax_rate_pct, Some(dec!(8.5)));
    }

    #[test]
    fn a_part_not_measured_leaves_the_figure_missing_never_the_citys() {
        let mut r = Rolling::new(Beyond {
            from: 2025,
            accumulated_surplus: Some(dec!(-3_000_000)),
            annual_margin: Some(dec!(1_500_000)),
            depreciation: None,
            interest_expenses: None,
            companies_loans: None,
        });
        let g = r.next(&city(2026, dec!(10_000_000), dec!(70_000_000)));
        assert_eq!(g.interest_expenses, None);
        assert_eq!(g.depreciation, None);
        // Without poistot the part's result is unknown, so is the stock.
        assert_eq!(g.accumulated_surplus, None);
        assert_eq!(g.annual_margin, Some(dec!(9_500_000)));
    }
}
