//! The strategy's targets and the settings that make the five indicators
//! precise, as the city strategy defines them. Every default is the
//! strategy's own; a targets file changes only what it names.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::dataset::Entity;

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
#[derive(Default)]
pub struct Targets {
    /// The strategy period, over which indicators 1 and 5 are also summed.
    pub period: Option<Period>,
    pub annual_margin: AnnualMargin,
    pub accumulated_surplus: AccumulatedSurplus,
    pub net_cost_growth: NetCostGrowth,
    pub group_loans: GroupLoans,
    pub cash_flow: CashFlow,
    pub ratios: RatioSettings,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start: i32,
    pub end: i32,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct AnnualMargin {
    pub entity: EntitySetting,
    /// Vuosikate must be at least this share of net investment, %.
    pub min_coverage_pct: Decimal,
    /// Whether the annual margin counts the gains on sales of fixed assets
    /// that net investment already deducts in full (see `SalesGains`).
    pub sales_gains: SalesGains,
}

/// How indicator 1 treats gains on sales of fixed assets. Vuosikate holds
/// the gain (muut toimintatuotot) while nettoinvestoinnit deducts the whole
/// sale price, so counting both counts the gain twice. `Excluded` (the
/// default) takes the annual margin net of the cash flow statement's
/// tulorahoituksen korjauserät, as the standard ratio "investointien
/// tulorahoitus" does; `Included` reads the strategy's words literally.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SalesGains {
    #[default]
    Excluded,
    Included,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct AccumulatedSurplus {
    pub entity: EntitySetting,
    /// The accumulated surplus must stay above this, euros.
    pub above_eur: Decimal,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct NetCostGrowth {
    pub entity: EntitySetting,
    /// Growth may exceed the index by this many percentage points.
    pub allowance_pp: Decimal,
    /// Years whose growth is not comparable with the year before.
    pub break_years: Vec<i32>,
    /// Like-for-like net cost of the year before a break year, euros, by the
    /// break year: makes that year's growth measurable.
    pub adjusted_base: BTreeMap<String, Decimal>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct GroupLoans {
    /// Add the group's lease liabilities (the strategy's "lainat ja vastuut").
    pub include_leases: bool,
    /// Years whose group is not comparable with the year before (2023: the
    /// shares of the hospital districts and other sote joint authorities
    /// left the municipal groups).
    pub break_years: Vec<i32>,
    /// Like-for-like group loans and liabilities of the year before a break
    /// year, in euros, by the break year: makes that year measurable.
    pub adjusted_base: BTreeMap<String, Decimal>,
    /// The year whose level each year is also compared with; default the
    /// year before the strategy period.
    pub base_year: Option<i32>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct CashFlow {
    pub entity: EntitySetting,
    /// Years in the rolling sum.
    pub window_years: u32,
    /// The rolling sum must stay above this, euros.
    pub above_eur: Decimal,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct RatioSettings {
    /// Amortisation term of the laskennallinen lainanhoitokate (118 §: 8).
    pub loan_term_years: u32,
}

#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum EntitySetting {
    City,
    Group,
}

impl From<EntitySetting> for Entity {
    fn from(e: EntitySetting) -> Self {
        match e {
            EntitySetting::City => Entity::City,
            EntitySetting::Group => Entity::Group,
        }
    }
}

impl Default for AnnualMargin {
    fn default() -> Self {
        AnnualMargin {
            entity: EntitySetting::City,
            min_coverage_pct: Decimal::ONE_HUNDRED,
            sales_gains: SalesGains::Excluded,
        }
    }
}
impl Default for AccumulatedSurplus {
    fn default() -> Self {
        AccumulatedSurplus {
            entity: EntitySetting::City,
            above_eur: Decimal::ZERO,
        }
    }
}
impl Default for NetCostGrowth {
    fn default() -> Self {
        NetCostGrowth {
            entity: EntitySetting::City,
            allowance_pp: Decimal::ZERO,
            break_years: vec![2023, 2025],
            adjusted_base: BTreeMap::new(),
        }
    }
}
impl Default for GroupLoans {
    fn default() -> Self {
        GroupLoans {
            include_leases: true,
            break_years: vec![2023],
            adjusted_base: BTreeMap::new(),
            base_year: None,
        }
    }
}
impl Default for CashFlow {
    fn default() -> Self {
        CashFlow {
            entity: EntitySetting::City,
            window_years: 5,
            above_eur: Decimal::ZERO,
        }
    }
}
impl Default for RatioSettings {
    fn default() -> Self {
        RatioSettings { loan_term_years: 8 }
    }
}

impl Targets {
    /// Settings that parse but make no sense.
    pub fn check(&self) -> Result<(), crate::error::Text> {
        // Years as scenarios bound them: a period to 2147483647 summed for
        // hours, and its start at i32::MIN overflowed the year before it.
        use crate::model::scenario::{FIRST_YEAR, LAST_YEAR};
        let years = [
            ("period.start", self.period.as_ref().map(|p| p.start)),
            ("period.end", self.period.as_ref().map(|p| p.end)),
            ("group_loans.base_year", self.group_loans.base_year),
        ]
        .into_iter()
        .filter_map(|(k, y)| y.map(|y| (k, y)))
        .chain(
            self.net_cost_growth
                .break_years
                .iter()
                .map(|y| ("net_cost_growth.break_years", *y)),
        )
        .chain(
            self.group_loans
                .break_years
                .iter()
                .map(|y| ("group_loans.break_years", *y)),
        );
        for (key, y) in years {
            if !(FIRST_YEAR..=LAST_YEAR).contains(&y) {
                return Err(crate::text!(
                    "{key}: {y} ei ole vuosi väliltä {FIRST_YEAR}–{LAST_YEAR}",
                    "{key}: {y} är inte ett år mellan {FIRST_YEAR} och {LAST_YEAR}",
                    "{key}: {y} is not a year from {FIRST_YEAR} to {LAST_YEAR}"
                ));
            }
        }
        if let Some(p) = &self.period
            && p.end < p.start
        {
            let (end, start) = (p.end, p.start);
            return Err(crate::text!(
                "period: loppu {end} on ennen alkua {start}",
                "period: slutet {end} kommer före början {start}",
                "period: end {end} is before start {start}"
            ));
        }
        if self.cash_flow.window_years == 0 {
            return Err(crate::text!(
                "cash_flow.window_years on oltava vähintään 1",
                "cash_flow.window_years måste vara minst 1",
                "cash_flow.window_years must be at least 1"
            ));
        }
        if self.ratios.loan_term_years == 0 {
            return Err(crate::text!(
                "ratios.loan_term_years on oltava vähintään 1",
                "ratios.loan_term_years måste vara minst 1",
                "ratios.loan_term_years must be at least 1"
            ));
        }
        let bases = [
            ("net_cost_growth", &self.net_cost_growth.adjusted_base),
            ("group_loans", &self.group_loans.adjusted_base),
        ];
        for (table, base) in bases {
            for k in base.keys() {
                if !k
                    .parse::<i32>()
                    .is_ok_and(|y| (FIRST_YEAR..=LAST_YEAR).contains(&y))
                {
                    return Err(crate::text!(
                        "{table}.adjusted_base: \"{k}\" ei ole vuosi",
                        "{table}.adjusted_base: \"{k}\" är inte ett år",
                        "{table}.adjusted_base: \"{k}\" is not a year"
                    ));
                }
            }
        }
        Ok(())
    }

    /// Like-for-like group loans and liabilities of the year before `year`.
    pub fn group_adjusted_base(&self, year: i32) -> Option<Decimal> {
        self.group_loans
            .adjusted_base
            .get(&year.to_string())
            .copied()
    }

    pub fn adjusted_base(&self, year: i32) -> Option<Decimal> {
        self.net_cost_growth
            .adjusted_base
            .get(&year.to_string())
            .copied()
    }
}
