//! The shape of a scenario file as serde reads it: every value keeps its
//! span, so an error can name the line, and an unknown key is refused by
//! serde with the keys the table does take. The keys themselves, their
//! types, bounds and defaults are in the registry (`registry.rs`); a test
//! keeps these structs' fields and the registry's keys the same.

use serde::Deserialize;
use toml::Spanned;

pub(super) type V = Spanned<toml::Value>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Doc {
    pub(super) extends: Option<V>,
    pub(super) name: Option<V>,
    pub(super) description: Option<V>,
    pub(super) horizon: Option<V>,
    pub(super) price_index_pct: Option<V>,
    pub(super) plan: Option<PlanDoc>,
    pub(super) population: Option<PopDoc>,
    pub(super) tax: Option<TaxDoc>,
    pub(super) state_subsidies: Option<SubsDoc>,
    pub(super) operations: Option<OpsDoc>,
    pub(super) investments: Option<InvDoc>,
    pub(super) loans: Option<LoansDoc>,
    pub(super) group: Option<GroupDoc>,
    pub(super) uncertainty: Option<Vec<Spanned<UncertainDoc>>>,
    pub(super) correlation: Option<Vec<Spanned<CorrelationDoc>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct UncertainDoc {
    pub(super) driver: Option<V>,
    pub(super) distribution: Option<V>,
    pub(super) mean: Option<V>,
    pub(super) sd: Option<V>,
    pub(super) min: Option<V>,
    pub(super) mode: Option<V>,
    pub(super) max: Option<V>,
    pub(super) location: Option<V>,
    pub(super) scale: Option<V>,
    pub(super) df: Option<V>,
    pub(super) persistence: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CorrelationDoc {
    pub(super) a: Option<V>,
    pub(super) b: Option<V>,
    pub(super) rho: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PlanDoc {
    pub(super) follow_until: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PopDoc {
    pub(super) growth_pct: Option<V>,
    pub(super) values: Option<V>,
    pub(super) file: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TaxDoc {
    pub(super) income_share_pct: Option<V>,
    pub(super) property_share_pct: Option<V>,
    pub(super) rate_pct: Option<V>,
    pub(super) earnings_growth_pct: Option<V>,
    pub(super) employment_growth_pct: Option<V>,
    pub(super) property_growth_pct: Option<V>,
    pub(super) corporate_growth_pct: Option<V>,
    pub(super) first_year_effect_pct: Option<V>,
    pub(super) rate_change: Option<Vec<Spanned<RateChangeDoc>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RateChangeDoc {
    pub(super) from: Option<V>,
    pub(super) change_pp: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct MeasureDoc {
    pub(super) from: Option<V>,
    pub(super) to: Option<V>,
    pub(super) amount: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SubsDoc {
    pub(super) index_pct: Option<V>,
    pub(super) follow_population: Option<V>,
    pub(super) change: Option<Vec<Spanned<MeasureDoc>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OpsDoc {
    pub(super) income_real_growth_pct: Option<V>,
    pub(super) cost_real_growth_pct: Option<V>,
    pub(super) cost_follows_population_pct: Option<V>,
    pub(super) savings: Option<Vec<Spanned<MeasureDoc>>>,
    pub(super) income_change: Option<Vec<Spanned<MeasureDoc>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct InvDoc {
    pub(super) trend_gross: Option<V>,
    pub(super) trend_subsidies: Option<V>,
    pub(super) trend_sales: Option<V>,
    pub(super) existing_runoff_years: Option<V>,
    pub(super) life_years: Option<V>,
    pub(super) project: Option<Vec<Spanned<ProjectDoc>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ProjectDoc {
    pub(super) name: Option<V>,
    pub(super) cost: Option<V>,
    pub(super) years: Option<V>,
    pub(super) spending: Option<V>,
    pub(super) subsidy: Option<V>,
    pub(super) land_sales: Option<V>,
    pub(super) class: Option<V>,
    pub(super) in_plan: Option<V>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LoansDoc {
    pub(super) interest_rate_pct: Option<V>,
    pub(super) variable_share_pct: Option<V>,
    pub(super) average_maturity_years: Option<V>,
    pub(super) repayments: Option<V>,
    pub(super) min_cash_days: Option<V>,
    pub(super) min_cash: Option<V>,
    pub(super) rate_change: Option<Vec<Spanned<RateChangeDoc>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct GroupDoc {
    pub(super) companies_loan_growth_pct: Option<V>,
    pub(super) companies_loans: Option<V>,
    pub(super) lease_growth_pct: Option<V>,
}
