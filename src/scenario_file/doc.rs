//! The shape of a scenario file as serde reads it: every value keeps its
//! span, so an error can name the line, and an unknown key is refused by
//! serde with the keys the table does take. The keys themselves, their
//! types, bounds and defaults are in the registry (`registry.rs`); a test
//! keeps these structs' fields and the registry's keys the same.

use serde::Deserialize;
use toml::Spanned;

pub(crate) type V = Spanned<toml::Value>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Doc {
    pub(crate) extends: Option<V>,
    pub(crate) name: Option<V>,
    pub(crate) description: Option<V>,
    pub(crate) horizon: Option<V>,
    pub(crate) price_index_pct: Option<V>,
    pub(crate) plan: Option<PlanDoc>,
    pub(crate) population: Option<PopDoc>,
    pub(crate) tax: Option<TaxDoc>,
    pub(crate) state_subsidies: Option<SubsDoc>,
    pub(crate) operations: Option<OpsDoc>,
    pub(crate) investments: Option<InvDoc>,
    pub(crate) loans: Option<LoansDoc>,
    pub(crate) group: Option<GroupDoc>,
    pub(crate) uncertainty: Option<Vec<Spanned<UncertainDoc>>>,
    pub(crate) correlation: Option<Vec<Spanned<CorrelationDoc>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct UncertainDoc {
    pub(crate) driver: Option<V>,
    pub(crate) distribution: Option<V>,
    pub(crate) mean: Option<V>,
    pub(crate) sd: Option<V>,
    pub(crate) min: Option<V>,
    pub(crate) mode: Option<V>,
    pub(crate) max: Option<V>,
    pub(crate) location: Option<V>,
    pub(crate) scale: Option<V>,
    pub(crate) df: Option<V>,
    pub(crate) persistence: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CorrelationDoc {
    pub(crate) a: Option<V>,
    pub(crate) b: Option<V>,
    pub(crate) rho: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlanDoc {
    pub(crate) follow_until: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PopDoc {
    pub(crate) growth_pct: Option<V>,
    pub(crate) values: Option<V>,
    pub(crate) file: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TaxDoc {
    pub(crate) income_share_pct: Option<V>,
    pub(crate) property_share_pct: Option<V>,
    pub(crate) rate_pct: Option<V>,
    pub(crate) earnings_growth_pct: Option<V>,
    pub(crate) employment_growth_pct: Option<V>,
    pub(crate) property_growth_pct: Option<V>,
    pub(crate) corporate_growth_pct: Option<V>,
    pub(crate) first_year_effect_pct: Option<V>,
    pub(crate) rate_change: Option<Vec<Spanned<RateChangeDoc>>>,
    pub(crate) follows_population: Option<V>,
    pub(crate) property_rate_pct: Option<V>,
    pub(crate) property_base: Option<V>,
    pub(crate) corporate_share_pct: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RateChangeDoc {
    pub(crate) from: Option<V>,
    pub(crate) change_pp: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MeasureDoc {
    pub(crate) from: Option<V>,
    pub(crate) to: Option<V>,
    pub(crate) amount: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SubsDoc {
    pub(crate) index_pct: Option<V>,
    pub(crate) follow_population: Option<V>,
    pub(crate) change: Option<Vec<Spanned<MeasureDoc>>>,
    pub(crate) index_cut_pp: Option<V>,
    pub(crate) index_cut_per_resident: Option<V>,
    pub(crate) population_lag_years: Option<V>,
    pub(crate) equalisation: Option<V>,
    pub(crate) relative_tax_base_pct: Option<V>,
    pub(crate) national_tax_base_growth_pct: Option<V>,
    pub(crate) fixed: Option<V>,
    pub(crate) per_resident_cut: Option<V>,
    pub(crate) preliminary: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OpsDoc {
    pub(crate) income_real_growth_pct: Option<V>,
    pub(crate) cost_real_growth_pct: Option<V>,
    pub(crate) cost_follows_population_pct: Option<V>,
    pub(crate) savings: Option<Vec<Spanned<MeasureDoc>>>,
    pub(crate) income_change: Option<Vec<Spanned<MeasureDoc>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct InvDoc {
    pub(crate) trend_gross: Option<V>,
    pub(crate) trend_subsidies: Option<V>,
    pub(crate) trend_sales: Option<V>,
    pub(crate) existing_runoff_years: Option<V>,
    pub(crate) life_years: Option<V>,
    pub(crate) project: Option<Vec<Spanned<ProjectDoc>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProjectDoc {
    pub(crate) name: Option<V>,
    pub(crate) cost: Option<V>,
    pub(crate) years: Option<V>,
    pub(crate) spending: Option<V>,
    pub(crate) subsidy: Option<V>,
    pub(crate) land_sales: Option<V>,
    pub(crate) class: Option<V>,
    pub(crate) in_plan: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LoansDoc {
    pub(crate) interest_rate_pct: Option<V>,
    pub(crate) variable_share_pct: Option<V>,
    pub(crate) average_maturity_years: Option<V>,
    pub(crate) repayments: Option<V>,
    pub(crate) min_cash_days: Option<V>,
    pub(crate) min_cash: Option<V>,
    pub(crate) rate_change: Option<Vec<Spanned<RateChangeDoc>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GroupDoc {
    pub(crate) companies_loan_growth_pct: Option<V>,
    pub(crate) companies_loans: Option<V>,
    pub(crate) lease_growth_pct: Option<V>,
}
