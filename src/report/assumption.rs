//! The projection's assumptions in the reader's language: the model keeps
//! the figures (`model::projection::Assumption`), and the words are here,
//! English also the Display and JSON form, as it always read.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::model::money::round_half_away;
use crate::model::projection::Assumption;
use crate::report::format::Lang;

/// A figure as written in a sentence: its own decimals, a comma and a real
/// minus in Finnish.
fn fig(v: Decimal, lang: Lang) -> String {
    let s = v.normalize().to_string();
    match lang {
        Lang::Fi => s.replace('.', ",").replace('-', "−"),
        _ => s,
    }
}

fn m_eur(v: Decimal, lang: Lang) -> String {
    let m = round_half_away(v / Decimal::from(1_000_000), 2);
    format!("{} M€", fig(m, lang))
}

pub fn text(a: &Assumption, lang: Lang) -> String {
    if lang == Lang::Fi { fi(a) } else { en(a) }
}

fn en(a: &Assumption) -> String {
    let l = Lang::En;
    match a {
        Assumption::PopulationTrend { pct, years } => format!(
            "population changes {} % a year beyond the plan (the average of the last {years} actual years)",
            fig(*pct, l)
        ),
        Assumption::TaxSplit {
            year,
            income,
            property,
            corporate,
        } => format!(
            "tax revenue of {year} split {} % income tax, {} % property tax, {} % corporate tax (tax.income_share_pct, tax.property_share_pct)",
            fig(*income, l),
            fig(*property, l),
            fig(*corporate, l)
        ),
        Assumption::RateChangeSplit { first_pct } => format!(
            "a tax rate change brings {} % of its effect in its first year and the rest the year after, with the final assessment (tax.first_year_effect_pct)",
            fig(*first_pct, l)
        ),
        Assumption::InvestmentTrend {
            gross,
            subsidies,
            sales,
            from,
            to,
        } => format!(
            "gross investment beyond the plan {} a year in {to} prices (the average of {from}–{to} without named projects), then indexed; subsidies {} and asset sales {} likewise",
            m_eur(*gross, l),
            m_eur(*subsidies, l),
            m_eur(*sales, l)
        ),
        Assumption::Depreciation {
            level,
            runoff_years,
        } => format!(
            "existing assets depreciate {} a year beyond the plan ({})",
            m_eur(*level, l),
            match runoff_years {
                Some(n) => format!("falling to zero over {n} years"),
                None => "until their book value is used up".into(),
            }
        ),
        Assumption::ImpliedInterest { pct, year } => format!(
            "interest {} % on the average loan stock beyond the plan (implied by {year})",
            fig(*pct, l)
        ),
        Assumption::Maturity { years, year } => format!(
            "loans repaid over {} years on average beyond the plan (loan stock / repayments of {year})",
            fig(*years, l)
        ),
        Assumption::MinCash { days } => format!(
            "new loans keep cash at {} days of operating costs and investments at least (loans.min_cash_days)",
            fig(*days, l)
        ),
        Assumption::Revenue(n) => n.en.clone(),
    }
}

fn fi(a: &Assumption) -> String {
    let l = Lang::Fi;
    match a {
        Assumption::PopulationTrend { pct, years } => format!(
            "asukasluku muuttuu suunnitelmakauden jälkeen {} % vuodessa (viimeisten {years} toteutuneen vuoden keskiarvo)",
            fig(*pct, l)
        ),
        Assumption::TaxSplit {
            year,
            income,
            property,
            corporate,
        } => format!(
            "vuoden {year} verotulot jaettu: tulovero {} %, kiinteistövero {} %, yhteisövero {} % (tax.income_share_pct, tax.property_share_pct)",
            fig(*income, l),
            fig(*property, l),
            fig(*corporate, l)
        ),
        Assumption::RateChangeSplit { first_pct } => format!(
            "veroprosentin muutoksesta kertyy ensimmäisenä vuonna {} % ja loput seuraavana vuonna lopullisen verotuksen mukana (tax.first_year_effect_pct)",
            fig(*first_pct, l)
        ),
        Assumption::InvestmentTrend {
            gross,
            subsidies,
            sales,
            from,
            to,
        } => format!(
            "bruttoinvestoinnit suunnitelmakauden jälkeen {} vuodessa vuoden {to} hinnoin (vuosien {from}–{to} keskiarvo ilman nimettyjä hankkeita), sitten indeksillä; rahoitusosuudet {} ja luovutustulot {} samoin",
            m_eur(*gross, l),
            m_eur(*subsidies, l),
            m_eur(*sales, l)
        ),
        Assumption::Depreciation {
            level,
            runoff_years,
        } => format!(
            "nykyisen omaisuuden poistot suunnitelmakauden jälkeen {} vuodessa ({})",
            m_eur(*level, l),
            match runoff_years {
                Some(n) => format!("laskevat nollaan {n} vuodessa"),
                None => "kunnes tasearvo on poistettu".into(),
            }
        ),
        Assumption::ImpliedInterest { pct, year } => format!(
            "korko suunnitelmakauden jälkeen {} % keskimääräisestä lainakannasta (vuoden {year} luvuista)",
            fig(*pct, l)
        ),
        Assumption::Maturity { years, year } => format!(
            "lainat lyhennetään suunnitelmakauden jälkeen keskimäärin {} vuodessa (vuoden {year} lainakanta / lyhennykset)",
            fig(*years, l)
        ),
        Assumption::MinCash { days } => format!(
            "uutta lainaa otetaan niin, että kassa riittää vähintään {} päivän toimintakuluihin ja investointeihin (loans.min_cash_days)",
            fig(*days, l)
        ),
        Assumption::Revenue(n) => n.fi.clone(),
    }
}

impl fmt::Display for Assumption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&en(self))
    }
}

impl Serialize for Assumption {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&en(self))
    }
}
