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

/// The sentence in `lang`. Each assumption's two wordings stand side by
/// side, so one without the other shows at a glance.
pub fn text(a: &Assumption, lang: Lang) -> String {
    let fi = lang == Lang::Fi;
    let f = |v: Decimal| fig(v, lang);
    let m = |v: Decimal| m_eur(v, lang);
    let pick = |en: String, fi_words: String| if fi { fi_words } else { en };
    match a {
        Assumption::PopulationTrend { pct, years } => pick(
            format!(
                "population changes {} % a year beyond the plan (the average of the last {years} actual years)",
                f(*pct)
            ),
            format!(
                "asukasluku muuttuu suunnitelmakauden jälkeen {} % vuodessa (viimeisten {years} toteutuneen vuoden keskiarvo)",
                f(*pct)
            ),
        ),
        Assumption::TaxSplit {
            year,
            income,
            property,
            corporate,
            from,
        } => {
            let (i, p, c) = (f(*income), f(*property), f(*corporate));
            let (en, fi) = match from {
                None => (
                    "tax.income_share_pct, tax.property_share_pct".to_string(),
                    "tax.income_share_pct, tax.property_share_pct".to_string(),
                ),
                Some(y) => (
                    format!("the workbook's breakdown of {y}"),
                    format!("työkirjan verotulojen erittely vuodelta {y}"),
                ),
            };
            pick(
                format!(
                    "tax revenue of {year} split {i} % income tax, {p} % property tax, {c} % corporate tax ({en})"
                ),
                format!(
                    "vuoden {year} verotulot jaettu: tulovero {i} %, kiinteistövero {p} %, yhteisövero {c} % ({fi})"
                ),
            )
        }
        Assumption::RateChangeSplit { first_pct } => pick(
            format!(
                "a tax rate change brings {} % of its effect in its first year and the rest the year after, with the final assessment (tax.first_year_effect_pct)",
                f(*first_pct)
            ),
            format!(
                "veroprosentin muutoksesta kertyy ensimmäisenä vuonna {} % ja loput seuraavana vuonna lopullisen verotuksen mukana (tax.first_year_effect_pct)",
                f(*first_pct)
            ),
        ),
        Assumption::InvestmentTrend {
            gross,
            subsidies,
            sales,
            from,
            to,
        } => {
            let (g, s, l) = (m(*gross), m(*subsidies), m(*sales));
            pick(
                format!(
                    "gross investment beyond the plan {g} a year in {to} prices (the average of {from}–{to} without named projects), then indexed; subsidies {s} and asset sales {l} likewise"
                ),
                format!(
                    "bruttoinvestoinnit suunnitelmakauden jälkeen {g} vuodessa vuoden {to} hinnoin (vuosien {from}–{to} keskiarvo ilman nimettyjä hankkeita), sitten indeksillä; rahoitusosuudet {s} ja luovutustulot {l} samoin"
                ),
            )
        }
        Assumption::Depreciation {
            level,
            runoff_years,
        } => {
            let (en, fi_words) = match runoff_years {
                Some(n) => (
                    format!("falling to zero over {n} years"),
                    format!("laskevat nollaan {n} vuodessa"),
                ),
                None => (
                    "until their book value is used up".into(),
                    "kunnes tasearvo on poistettu".into(),
                ),
            };
            pick(
                format!(
                    "existing assets depreciate {} a year beyond the plan ({en})",
                    m(*level)
                ),
                format!(
                    "nykyisen omaisuuden poistot suunnitelmakauden jälkeen {} vuodessa ({fi_words})",
                    m(*level)
                ),
            )
        }
        Assumption::ImpliedInterest { pct, year } => pick(
            format!(
                "interest {} % on the average loan stock beyond the plan (implied by {year})",
                f(*pct)
            ),
            format!(
                "korko suunnitelmakauden jälkeen {} % keskimääräisestä lainakannasta (vuoden {year} luvuista)",
                f(*pct)
            ),
        ),
        Assumption::Maturity { years, year } => pick(
            format!(
                "loans repaid over {} years on average beyond the plan (loan stock / repayments of {year})",
                f(*years)
            ),
            format!(
                "lainat lyhennetään suunnitelmakauden jälkeen keskimäärin {} vuodessa (vuoden {year} lainakanta / lyhennykset)",
                f(*years)
            ),
        ),
        Assumption::MinCash { days } => pick(
            format!(
                "new loans keep cash at {} days of operating costs and investments at least (loans.min_cash_days)",
                f(*days)
            ),
            format!(
                "uutta lainaa otetaan niin, että kassa riittää vähintään {} päivän toimintakuluihin ja investointeihin (loans.min_cash_days)",
                f(*days)
            ),
        ),
        Assumption::Revenue(n) => pick(n.en.clone(), n.fi.clone()),
    }
}

impl fmt::Display for Assumption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&text(self, Lang::En))
    }
}

impl Serialize for Assumption {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&text(self, Lang::En))
    }
}
