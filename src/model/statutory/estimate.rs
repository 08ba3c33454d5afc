//! The group's figures of a year without group statements (a projected
//! year): the city's figure of that year plus the group's part beyond the
//! city in the last year with group statements, held in euros. The
//! projection makes no group statements; the subsidiaries' contribution held
//! at its last known size is the estimate a finance officer makes by hand,
//! and every output that shows such a figure says it is one.

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
    pub group_loans: Option<Decimal>,
    pub group_leases: Option<Decimal>,
}

fn plus(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    a?.checked_add(b?)
}

/// The group's figures of `city.year`, estimated.
pub fn group_of(city: &CityYear, beyond: &Beyond) -> GroupYear {
    GroupYear {
        year: city.year,
        residents: city.residents,
        accumulated_surplus: plus(city.accumulated_surplus, beyond.accumulated_surplus),
        annual_margin: plus(city.annual_margin, beyond.annual_margin),
        depreciation: plus(city.depreciation, beyond.depreciation),
        income_tax_rate_pct: city.income_tax_rate_pct,
        loans: city.group_loans,
        lease_liabilities: city.group_leases,
        interest_expenses: plus(city.interest_expenses, beyond.interest_expenses),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn the_part_beyond_the_city_is_added_in_euros() {
        let b = Beyond {
            from: 2025,
            accumulated_surplus: Some(dec!(-3_000_000)),
            annual_margin: Some(dec!(1_500_000)),
            depreciation: Some(dec!(2_000_000)),
            interest_expenses: None,
        };
        let c = CityYear {
            year: 2030,
            residents: Some(dec!(20_000)),
            accumulated_surplus: Some(dec!(10_000_000)),
            annual_margin: Some(dec!(8_000_000)),
            depreciation: Some(dec!(7_000_000)),
            interest_expenses: Some(dec!(400_000)),
            income_tax_rate_pct: Some(dec!(8.5)),
            group_loans: Some(dec!(90_000_000)),
            group_leases: None,
        };
        let g = group_of(&c, &b);
        assert_eq!(g.accumulated_surplus, Some(dec!(7_000_000)));
        assert_eq!(g.annual_margin, Some(dec!(9_500_000)));
        assert_eq!(g.depreciation, Some(dec!(9_000_000)));
        // A part not measured leaves the figure missing, never the city's.
        assert_eq!(g.interest_expenses, None);
        assert_eq!(g.loans, Some(dec!(90_000_000)));
        assert_eq!(g.income_tax_rate_pct, Some(dec!(8.5)));
    }
}
