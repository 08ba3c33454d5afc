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
/// minus in Finnish and Swedish.
fn fig(v: Decimal, lang: Lang) -> String {
    let s = v.normalize().to_string();
    match lang {
        Lang::Fi | Lang::Sv => s.replace('.', ",").replace('-', "−"),
        Lang::En => s,
    }
}

fn m_eur(v: Decimal, lang: Lang) -> String {
    let m = round_half_away(v / Decimal::from(1_000_000), 2);
    format!("{} M€", fig(m, lang))
}

/// The sentence in `lang`. Each assumption's three wordings stand side by
/// side, so one without the others shows at a glance.
pub fn text(a: &Assumption, lang: Lang) -> String {
    let f = |v: Decimal| fig(v, lang);
    let m = |v: Decimal| m_eur(v, lang);
    match a {
        Assumption::PopulationTrend { pct, years } => {
            let p = f(*pct);
            crate::tr!(
                lang,
                "asukasluku muuttuu suunnitelmakauden jälkeen {p} % vuodessa (viimeisten {years} toteutuneen vuoden keskiarvo)",
                "invånarantalet ändras efter planperioden med {p} % per år (medeltalet för de {years} senaste bokslutsåren)",
                "population changes {p} % a year beyond the plan (the average of the last {years} actual years)"
            )
        }
        Assumption::TaxSplit {
            year,
            income,
            property,
            corporate,
            from,
        } => {
            let (i, p, c) = (f(*income), f(*property), f(*corporate));
            let (fi, sv, en) = match from {
                None => {
                    let keys = "tax.income_share_pct, tax.property_share_pct".to_string();
                    (keys.clone(), keys.clone(), keys)
                }
                Some(y) => (
                    format!("työkirjan verotulojen erittely vuodelta {y}"),
                    format!("arbetsbokens specifikation av skatteinkomsterna {y}"),
                    format!("the workbook's breakdown of {y}"),
                ),
            };
            crate::tr!(
                lang,
                "vuoden {year} verotulot jaettu: tulovero {i} %, kiinteistövero {p} %, yhteisövero {c} % ({fi})",
                "skatteinkomsterna {year} fördelade: kommunalskatt {i} %, fastighetsskatt {p} %, samfundsskatt {c} % ({sv})",
                "tax revenue of {year} split {i} % income tax, {p} % property tax, {c} % corporate tax ({en})"
            )
        }
        Assumption::RateChangeSplit { first_pct } => {
            let p = f(*first_pct);
            crate::tr!(
                lang,
                "veroprosentin muutoksesta kertyy ensimmäisenä vuonna {p} % ja loput seuraavana vuonna lopullisen verotuksen mukana (tax.first_year_effect_pct)",
                "en ändring av skattesatsen ger {p} % av sin effekt det första året och resten året därpå, med den slutliga beskattningen (tax.first_year_effect_pct)",
                "a tax rate change brings {p} % of its effect in its first year and the rest the year after, with the final assessment (tax.first_year_effect_pct)"
            )
        }
        Assumption::InvestmentTrend {
            gross,
            subsidies,
            sales,
            from,
            to,
        } => {
            let (g, s, l) = (m(*gross), m(*subsidies), m(*sales));
            crate::tr!(
                lang,
                "bruttoinvestoinnit suunnitelmakauden jälkeen {g} vuodessa vuoden {to} hinnoin (vuosien {from}–{to} keskiarvo ilman nimettyjä hankkeita), sitten indeksillä; rahoitusosuudet {s} ja luovutustulot {l} samoin",
                "bruttoinvesteringarna efter planperioden {g} per år i {to} års priser (medeltalet för {from}–{to} utan namngivna projekt), sedan indexerade; finansieringsandelar {s} och överlåtelseinkomster {l} på samma sätt",
                "gross investment beyond the plan {g} a year in {to} prices (the average of {from}–{to} without named projects), then indexed; subsidies {s} and asset sales {l} likewise"
            )
        }
        Assumption::Depreciation {
            level,
            runoff_years,
        } => {
            let how = match runoff_years {
                Some(n) => crate::tr!(
                    lang,
                    "laskevat nollaan {n} vuodessa",
                    "sjunker till noll under {n} år",
                    "falling to zero over {n} years"
                ),
                None => lang
                    .tr(
                        "kunnes tasearvo on poistettu",
                        "tills det bokförda värdet är avskrivet",
                        "until their book value is used up",
                    )
                    .into(),
            };
            let l = m(*level);
            crate::tr!(
                lang,
                "nykyisen omaisuuden poistot suunnitelmakauden jälkeen {l} vuodessa ({how})",
                "avskrivningarna på befintliga tillgångar efter planperioden {l} per år ({how})",
                "existing assets depreciate {l} a year beyond the plan ({how})"
            )
        }
        Assumption::ImpliedInterest { pct, year } => {
            let p = f(*pct);
            crate::tr!(
                lang,
                "korko suunnitelmakauden jälkeen {p} % keskimääräisestä lainakannasta (vuoden {year} luvuista)",
                "räntan efter planperioden {p} % på den genomsnittliga lånestocken (enligt siffrorna för {year})",
                "interest {p} % on the average loan stock beyond the plan (implied by {year})"
            )
        }
        Assumption::Maturity { years, year } => {
            let n = f(*years);
            crate::tr!(
                lang,
                "lainat lyhennetään suunnitelmakauden jälkeen keskimäärin {n} vuodessa (vuoden {year} lainakanta / lyhennykset)",
                "lånen amorteras efter planperioden på i genomsnitt {n} år (lånestock / amorteringar {year})",
                "loans repaid over {n} years on average beyond the plan (loan stock / repayments of {year})"
            )
        }
        Assumption::MinCash { days } => {
            let n = f(*days);
            crate::tr!(
                lang,
                "uutta lainaa otetaan niin, että kassa riittää vähintään {n} päivän toimintakuluihin ja investointeihin (loans.min_cash_days)",
                "nya lån tas så att kassan räcker till minst {n} dagars verksamhetskostnader och investeringar (loans.min_cash_days)",
                "new loans keep cash at {n} days of operating costs and investments at least (loans.min_cash_days)"
            )
        }
        Assumption::Revenue(n) => n.text(lang).to_string(),
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
