//! Tax revenue and state subsidies, year by year, as they are determined:
//! derived once from the drivers (`derive`), read by the step as lookups.
//! Neither depends on a path's loans or cash, so a simulated path derives
//! them again only when its draws touch their inputs (the index, the
//! population, a tax or subsidy growth).
//!
//! Budget and plan years keep the workbook's figures (with a tax rate
//! change laid on top, as before). Beyond the plan:
//! - income tax = taxable income per resident × residents × rate: the
//!   income per resident grows by `tax.earnings_growth_pct` and
//!   `tax.employment_growth_pct`, the residents are the population path;
//!   a rate change arrives over two years (`tax.first_year_effect_pct`);
//! - property tax grows by `tax.property_growth_pct`, or is rate × base;
//! - corporate tax grows by `tax.corporate_growth_pct` and moves with the
//!   municipalities' share (`tax.corporate_share_pct`);
//! - state subsidies are the sum of components: the basic-services part
//!   (indexed by the index less the decided cut, scaled by the population
//!   the law takes, which lags), the tax-revenue equalisation (moving with
//!   the city's taxable income per resident relative to the national one,
//!   on the tax year the law takes), fixed euro elements, and temporary
//!   per-resident cuts; the Ministry's preliminary calculation of a year
//!   replaces the total, the difference carried by the basic part.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::drivers::Drivers;
use super::figures::Line;
use super::{HUNDRED, ProjectionError, pct, r2};
use crate::model::scenario::{Decided, ScenarioError};
use crate::report::format::Lang;

/// One year's revenue lines, each in cents.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RevenueYear {
    /// Verotulot with the scenario's rate changes.
    pub verot: Decimal,
    /// Valtionosuudet with the scenario's changes.
    pub vos: Decimal,
    /// The income tax rate in force, with the scenario's changes.
    pub rate: Option<Decimal>,
    /// The taxable income the income tax implies.
    pub taxable: Option<Decimal>,
    pub income: Decimal,
    pub property: Decimal,
    pub corporate: Decimal,
    /// The subsidies' components beyond the plan (zero in given years).
    pub basic: Decimal,
    pub equalisation: Decimal,
    pub fixed: Decimal,
    pub temporary_cut: Decimal,
}

/// The paths from the year after the base to the horizon, and the split of
/// the subsidies of the last given year the projection starts from.
#[derive(Clone, Debug, Default)]
pub struct Revenue {
    first: i32,
    years: Vec<RevenueYear>,
    pub split: Split,
}

/// Valtionosuudet of the last given year as components.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Split {
    pub year: i32,
    pub basic: Decimal,
    pub equalisation: Decimal,
    pub fixed: Decimal,
    pub population_lag: u32,
    pub tax_year_lag: u32,
}

impl Revenue {
    /// The year's lines; a year outside the paths has none.
    pub fn at(&self, t: i32) -> RevenueYear {
        usize::try_from(t - self.first)
            .ok()
            .and_then(|i| self.years.get(i))
            .copied()
            .unwrap_or_default()
    }
}

/// The residents at the end of `y`: the projection's path, or the workbook
/// before the base year.
fn residents(d: &Drivers, y: i32) -> Option<Decimal> {
    d.pop
        .get(&y)
        .copied()
        .or_else(|| d.tot(Line::Asukasluku, y))
        .filter(|p| *p > Decimal::ZERO)
}

/// `b / a` of the residents in two years, when both are known.
fn ratio(d: &Drivers, b: i32, a: i32) -> Option<Decimal> {
    Some(residents(d, b)? / residents(d, a)?)
}

/// `ratio(d, t, t - 1)`: the population path's own ratio where it is the
/// residents' (both positive), divided once per path; else the residents
/// as the workbook has them.
fn ratio_to_last(d: &Drivers, t: i32) -> Option<Decimal> {
    match d.pop_ratio(t) {
        Some(r) if r > Decimal::ZERO => Some(r),
        _ => ratio(d, t, t - 1),
    }
}

/// Tax revenue and state subsidies of every projected year.
pub(super) fn derive(d: &Drivers) -> Result<Revenue, ProjectionError> {
    let taxes = taxes(d)?;
    let mut rev = Revenue {
        first: d.base + 1,
        years: taxes,
        split: Split::default(),
    };
    subsidies(d, &mut rev);
    Ok(rev)
}

/// The same for another simulated path whose draws leave the subsidies'
/// inputs alone (the caller knows: no drawn index, population or subsidy
/// index, no equalisation to follow the taxes): the taxes derived again,
/// the subsidies kept from `kept`.
pub(super) fn taxes_again(d: &Drivers, kept: &Revenue) -> Result<Revenue, ProjectionError> {
    // The plan's years take the workbook's taxes, which no draw touches
    // (a drawn growth is read only beyond the plan): kept as they are.
    let given = (d.base + 1..=d.horizon)
        .zip(&kept.years)
        .take_while(|(t, _)| d.is_given(*t))
        .count();
    let mut years = taxes_after(d, &kept.years[..given])?;
    for (y, k) in years.iter_mut().zip(&kept.years) {
        (y.vos, y.basic, y.equalisation, y.fixed, y.temporary_cut) =
            (k.vos, k.basic, k.equalisation, k.fixed, k.temporary_cut);
    }
    Ok(Revenue {
        first: kept.first,
        years,
        split: kept.split,
    })
}

/// The property tax base of the last given year when the scenario gives a
/// rate: its own, or the last given year's tax over that year's rate.
fn property_base(d: &Drivers) -> Result<Option<Decimal>, ProjectionError> {
    let tax = &d.sc.tax;
    let Some(rate) = &tax.property_rate_pct else {
        return Ok(None);
    };
    if let Some(b) = tax.property_base {
        return Ok(Some(b));
    }
    match rate.at(d.g).filter(|r| *r > Decimal::ZERO) {
        Some(r) => Ok(Some(d.tax0.1 * HUNDRED / r)),
        None => Err(ProjectionError::Scenario(ScenarioError {
            at: None,
            message: {
                let g = d.g;
                crate::text!(
                    "tax.property_rate_pct tarvitsee vuoden {g} (viimeisen annetun vuoden) veroprosentin kiinteistöveron pohjan löytämiseksi, tai tax.property_base",
                    "tax.property_rate_pct behöver skattesatsen för {g} (det sista givna året) för att hitta fastighetsskattens bas, eller tax.property_base",
                    "tax.property_rate_pct needs the rate of {g} (the last given year) to find the property tax base, or tax.property_base"
                )
            },
        })),
    }
}

/// How a year's tax revenue splits into income, property and corporate tax.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct TaxShares {
    pub income: Decimal,
    pub property: Decimal,
    /// The year of the workbook's breakdown the shares come from; `None`
    /// for the scenario's fixed shares.
    pub from: Option<i32>,
}

/// The split of the tax revenue of `y`: the workbook's own breakdown (the
/// notes' kunnan tulovero, kiinteistövero and osuus yhteisöveron tuotosta
/// on the background sheet) of the latest year up to `y` that gives all
/// three, as shares of their sum, so that a breakdown rounded apart from
/// verotulot still splits it whole; else the scenario's shares
/// (`tax.income_share_pct`, `tax.property_share_pct`), whose defaults are
/// the country's typical split and no one city's. Shares the scenario
/// writes itself outrank the breakdown.
pub(super) fn tax_shares(d: &Drivers, y: i32) -> TaxShares {
    let given = TaxShares {
        income: d.sc.tax.income_share_pct,
        property: d.sc.tax.property_share_pct,
        from: None,
    };
    // A share the user wrote in the scenario is meant: it outranks the
    // workbook's breakdown, as every scenario key outranks a default.
    if d.sc.tax.shares_given {
        return given;
    }
    let own = (d.base - 10..=y.min(d.g)).rev().find_map(|yy| {
        let [i, p, c] = [
            Line::KunnanTulovero,
            Line::Kiinteistovero,
            Line::Yhteisovero,
        ]
        .map(|l| d.tot(l, yy));
        let (i, p, c) = (i?, p?, c?);
        if i < Decimal::ZERO || p < Decimal::ZERO || c < Decimal::ZERO {
            return None;
        }
        let sum = i.checked_add(p)?.checked_add(c)?;
        let share = |v: Decimal| v.checked_mul(HUNDRED)?.checked_div(sum);
        (sum > Decimal::ZERO).then_some(())?;
        Some(TaxShares {
            income: share(i)?,
            property: share(p)?,
            from: Some(yy),
        })
    });
    own.unwrap_or(given)
}

fn taxes(d: &Drivers) -> Result<Vec<RevenueYear>, ProjectionError> {
    taxes_after(d, &[])
}

/// The years after `kept`, given years derived before from the same
/// drivers, carried on from them: a given year sets only the income tax
/// (property and corporate tax stay at the start's) and passes on its rate
/// change's effect.
fn taxes_after(d: &Drivers, kept: &[RevenueYear]) -> Result<Vec<RevenueYear>, ProjectionError> {
    let tax = &d.sc.tax;
    let (mut inc, mut prop, mut corp) = d.tax0;
    let mut pbase = property_base(d)?;
    let mut delta_prev = Decimal::ZERO;
    let mut out = Vec::with_capacity((d.horizon - d.base).max(0) as usize);
    out.extend_from_slice(kept);
    let first = d.base + 1 + kept.len() as i32;
    if let Some(last) = kept.last() {
        inc = last.income;
        delta_prev = last.taxable.unwrap_or_default() * pct(change_pp(d, first - 1));
    }
    for t in first..=d.horizon {
        let rate0 = d.rate_of(t);
        let verot_base = if d.is_given(t) {
            let v = d.z(Line::Verotulot, t);
            inc = r2(v * pct(tax_shares(d, t).income));
            v
        } else {
            let eg = pct(tax.earnings_growth_pct.at(t).unwrap_or_default());
            let ng = pct(tax.employment_growth_pct.at(t).unwrap_or_default());
            let mut v = inc * (Decimal::ONE + eg) * (Decimal::ONE + ng);
            if tax.follows_population
                && let Some(p) = ratio_to_last(d, t)
            {
                v *= p;
            }
            inc = r2(v);
            let pg = Decimal::ONE + pct(tax.property_growth_pct.at(t).unwrap_or_default());
            prop = match (&mut pbase, &tax.property_rate_pct) {
                (Some(b), Some(r)) => {
                    *b *= pg;
                    r2(*b * pct(r.at(t).unwrap_or_default()))
                }
                _ => r2(prop * pg),
            };
            let mut c =
                corp * (Decimal::ONE + pct(tax.corporate_growth_pct.at(t).unwrap_or_default()));
            if let Some(share) = &tax.corporate_share_pct
                && let (Some(now), Some(before)) = (share.at(t), share.at(t - 1))
                && before > Decimal::ZERO
            {
                c = c * now / before;
            }
            corp = r2(c);
            inc + prop + corp
        };
        let taxable = rate0
            .filter(|r| *r > Decimal::ZERO)
            .map(|r| r2(inc * HUNDRED / r));
        let change_pp = change_pp(d, t);
        let delta = taxable.unwrap_or_default() * pct(change_pp);
        let first = d.first_share;
        let effect = first * delta + (Decimal::ONE - first) * delta_prev;
        delta_prev = delta;
        out.push(RevenueYear {
            verot: r2(verot_base + effect),
            rate: rate0.map(|r| r + change_pp),
            taxable,
            income: inc,
            property: prop,
            corporate: corp,
            ..RevenueYear::default()
        });
    }
    Ok(out)
}

/// The scenario's income tax rate changes in force in `t`, summed.
fn change_pp(d: &Drivers, t: i32) -> Decimal {
    (d.sc.tax.rate_changes.iter())
        .filter(|c| c.from <= t)
        .map(|c| c.change_pp)
        .sum()
}

/// The city's taxable income per resident in `y`, before the scenario's
/// rate changes: what the equalisation compares with the nation's.
fn per_resident(d: &Drivers, rev: &Revenue, y: i32) -> Option<Decimal> {
    let taxable = if y == d.base {
        let inc = r2(d.z(Line::Verotulot, y) * pct(tax_shares(d, y).income));
        let r = d.rate_of(y).filter(|r| *r > Decimal::ZERO)?;
        inc * HUNDRED / r
    } else {
        let ry = rev.at(y);
        match (d.rate_of(y), ry.taxable) {
            (Some(r), Some(_)) if r > Decimal::ZERO => ry.income * HUNDRED / r,
            _ => ry.income,
        }
    };
    Some(taxable / residents(d, y)?)
}

/// The equalisation's factor from the last given year to `t`: the gap to
/// the national taxable income per resident, the national level and the
/// residents, each on the years the law takes.
fn equalisation_factor(d: &Drivers, rev: &Revenue, t: i32, lag: i32, tax_lag: i32) -> Decimal {
    let sub = &d.sc.subsidies;
    let g = d.g;
    let national = |y: i32| {
        pct(sub
            .national_tax_base_growth_pct
            .as_ref()
            .unwrap_or(&d.sc.tax.earnings_growth_pct)
            .at(y)
            .unwrap_or_default())
    };
    let mut relative = Decimal::ONE;
    let mut level = Decimal::ONE;
    for y in g - tax_lag + 1..=t - tax_lag {
        let n = Decimal::ONE + national(y);
        level *= n;
        if y > d.base
            && let (Some(b), Some(a)) = (per_resident(d, rev, y), per_resident(d, rev, y - 1))
            && a > Decimal::ZERO
            && n > Decimal::ZERO
        {
            relative = relative * b / a / n;
        }
    }
    let gap = match sub.relative_tax_base_pct {
        Some(r0) if r0 != HUNDRED => {
            let now = r0 * relative;
            // Past the national level the city moves to the other side of
            // the equalisation, whose rate differs: the component ends.
            ((HUNDRED - now) / (HUNDRED - r0)).max(Decimal::ZERO)
        }
        _ => Decimal::ONE,
    };
    let people = if sub.follow_population {
        ratio(d, t - lag, g - lag).unwrap_or(Decimal::ONE)
    } else {
        Decimal::ONE
    };
    gap * level * people
}

fn subsidies(d: &Drivers, rev: &mut Revenue) {
    let sub = &d.sc.subsidies;
    let decided = Decided::shipped();
    let lag = sub
        .population_lag_years
        .unwrap_or(decided.population.lag_years);
    let tax_lag = decided.equalisation.tax_year_lag;
    let g = d.g;
    let at_g = |p: &Option<crate::model::scenario::Path>| {
        p.as_ref().and_then(|p| p.at(g)).unwrap_or_default()
    };
    let (e_g, f_g) = (at_g(&sub.equalisation), at_g(&sub.fixed));
    let mut basic = d.z(Line::Valtionosuudet, g) - e_g - f_g;
    rev.split = Split {
        year: g,
        basic,
        equalisation: e_g,
        fixed: f_g,
        population_lag: lag,
        tax_year_lag: tax_lag,
    };
    let (lag, tax_lag) = (lag as i32, tax_lag as i32);
    let changes = |t: i32| -> Decimal {
        sub.changes
            .iter()
            .filter(|m| m.covers(t))
            .map(|m| m.amount)
            .sum()
    };
    for t in d.base + 1..=d.horizon {
        let i = (t - rev.first) as usize;
        if d.is_given(t) {
            rev.years[i].vos = d.z(Line::Valtionosuudet, t) + changes(t);
            continue;
        }
        let idx = match &sub.index_pct {
            Some(p) => pct(p.at(t).unwrap_or_default()),
            None => d.pi(t),
        };
        let cut = pct(sub.index_cut_pp.at(t).unwrap_or_default());
        let mut v = basic * (Decimal::ONE + idx - cut);
        if sub.follow_population
            && let Some(p) = ratio(d, t - lag, t - lag - 1)
        {
            v *= p;
        }
        // The state's index saving lowers the valtionosuusprosentti, so it
        // costs every municipality the same euros per resident, and the
        // level stays lower in the years after.
        basic = r2(v) - per_resident_of(d, sub.index_cut_eur.get(&t), t - lag);
        let equalisation = if e_g.is_zero() {
            Decimal::ZERO
        } else {
            r2(e_g * equalisation_factor(d, rev, t, lag, tax_lag))
        };
        let fixed = sub.fixed.as_ref().and_then(|p| p.at(t)).unwrap_or_default();
        let temporary_cut = per_resident_of(d, sub.per_resident_cut.get(&t), t - lag);
        let mut total = basic + equalisation + fixed - temporary_cut;
        if let Some(v) = sub.preliminary.get(&t) {
            // The Ministry's figure holds; the basic part carries the
            // difference on to the years after.
            basic += *v - total;
            total = *v;
        }
        let y = &mut rev.years[i];
        y.vos = total + changes(t);
        (y.basic, y.equalisation, y.fixed, y.temporary_cut) =
            (basic, equalisation, fixed, temporary_cut);
    }
}

/// The year of HE 100/2025's proportional cut (about 2 %, 75 M€), which
/// the projection leaves out and the assumptions say so.
const OMITTED_2026: i32 = 2026;

/// Euros per resident times the residents of `y`; zero without either.
fn per_resident_of(d: &Drivers, eur: Option<&Decimal>, y: i32) -> Decimal {
    match (eur, residents(d, y)) {
        (Some(eur), Some(p)) => r2(*eur * p),
        _ => Decimal::ZERO,
    }
}

/// The years of the decided cuts and per-resident cuts the projection
/// applies, with their sources, for the assumptions.
pub(super) fn decided_in(d: &Drivers) -> BTreeMap<i32, Vec<String>> {
    let sub = &d.sc.subsidies;
    let decided = Decided::shipped();
    let mut m: BTreeMap<i32, Vec<String>> = BTreeMap::new();
    for t in d.g + 1..=d.horizon {
        if sub.index_cut_eur.get(&t) == decided.index_cuts().get(&t) {
            for c in decided.index_cut.iter().filter(|c| c.year == t) {
                m.entry(t).or_default().push(c.source.clone());
            }
        }
        if sub.per_resident_cut.get(&t) == decided.per_resident().get(&t) {
            for c in decided.per_resident_cut.iter().filter(|c| c.year == t) {
                m.entry(t).or_default().push(c.source.clone());
            }
        }
    }
    m
}

/// An assumption line in each language.
#[derive(Clone, Debug, PartialEq)]
pub struct RevenueNote {
    pub fi: String,
    pub sv: String,
    pub en: String,
}

impl RevenueNote {
    pub fn text(&self, lang: Lang) -> &str {
        lang.tr(&self.fi, &self.sv, &self.en)
    }
}

/// A note worded once per language by `words`, each with its own order.
fn note(words: impl Fn(Lang) -> String) -> RevenueNote {
    RevenueNote {
        fi: words(Lang::Fi),
        sv: words(Lang::Sv),
        en: words(Lang::En),
    }
}

/// Millions of euros to two decimals, with the language's decimal mark.
fn meur(v: Decimal, lang: Lang) -> String {
    let m = crate::model::money::round_half_away(v / Decimal::from(1_000_000), 2);
    format!("{} M€", num(m, lang))
}

fn num(v: Decimal, lang: Lang) -> String {
    let s = v.normalize().to_string();
    if lang.nordic() {
        s.replace('.', ",")
    } else {
        s
    }
}

/// What the taxes beyond the plan assume, for the forecast's reader.
fn tax_notes(d: &Drivers, out: &mut Vec<RevenueNote>) {
    let tax = &d.sc.tax;
    out.push(if tax.follows_population {
        note(|lang| {
            lang.tr(
                "tulovero suunnitelmakauden jälkeen = verotettava tulo asukasta kohden × asukkaat × veroprosentti: tulo asukasta kohden kasvaa ansiotason ja työllisyyden kasvulla, asukkaat seuraavat väestöennustetta (tax.follows_population)",
                "kommunalskatten efter planperioden = beskattningsbar inkomst per invånare × invånare × skattesats: inkomsten per invånare växer med förtjänstnivåns och sysselsättningens tillväxt, invånarna följer befolkningsprognosen (tax.follows_population)",
                "income tax beyond the plan = taxable income per resident × residents × rate: the income per resident grows by the earnings and employment growths, the residents follow the population path (tax.follows_population)",
            )
            .into()
        })
    } else {
        note(|lang| {
            lang.tr(
                "tulovero kasvaa suunnitelmakauden jälkeen ansiotason ja työllisyyden kasvulla, ei asukasluvun mukana (tax.follows_population = false)",
                "kommunalskatten växer efter planperioden med förtjänstnivåns och sysselsättningens tillväxt, inte med invånarantalet (tax.follows_population = false)",
                "income tax beyond the plan grows by the earnings and employment growths, not with the residents (tax.follows_population = false)",
            )
            .into()
        })
    });
    if tax.property_rate_pct.is_some() {
        let base = property_base(d).ok().flatten().unwrap_or_default();
        let g = d.g;
        out.push(note(|lang| {
            let b = meur(base, lang);
            crate::tr!(
                lang,
                "kiinteistövero suunnitelmakauden jälkeen = veroprosentti (tax.property_rate_pct) × veropohja, {b} vuonna {g}, joka kasvaa tax.property_growth_pct:n mukaan",
                "fastighetsskatten efter planperioden = skattesatsen (tax.property_rate_pct) × skattebasen, {b} år {g}, som växer enligt tax.property_growth_pct",
                "property tax beyond the plan = the rate (tax.property_rate_pct) × the base, {b} in {g}, growing by tax.property_growth_pct"
            )
        }));
    }
    if tax.corporate_share_pct.is_some() {
        out.push(note(|lang| {
            lang.tr(
                "yhteisövero muuttuu suunnitelmakauden jälkeen kuntien jako-osuuden mukana (tax.corporate_share_pct)",
                "samfundsskatten ändras efter planperioden med kommunernas utdelningsandel (tax.corporate_share_pct)",
                "corporate tax beyond the plan moves with the municipalities' share (tax.corporate_share_pct)",
            )
            .into()
        }));
    }
}

/// The split of the last given year's subsidies.
fn split_note(d: &Drivers) -> RevenueNote {
    let (sub, sp, g) = (&d.sc.subsidies, d.rev.split, d.g);
    let total = sp.basic + sp.equalisation + sp.fixed;
    let unsplit = sub.equalisation.is_none() && sub.fixed.is_none();
    note(|lang| {
        let (t, b, e, f) = (
            meur(total, lang),
            meur(sp.basic, lang),
            meur(sp.equalisation, lang),
            meur(sp.fixed, lang),
        );
        let how = if unsplit {
            lang.tr(
                " (työkirja ei erittele niitä: kaikki peruspalvelujen osassa; state_subsidies.equalisation ja state_subsidies.fixed erittelevät)",
                " (arbetsboken specificerar dem inte: allt i basservicedelen; state_subsidies.equalisation och state_subsidies.fixed specificerar dem)",
                " (the workbook does not split them: all in the basic part; state_subsidies.equalisation and state_subsidies.fixed split them)",
            )
        } else {
            " (state_subsidies.equalisation, state_subsidies.fixed)"
        };
        crate::tr!(
            lang,
            "valtionosuudet {g}, {t}: peruspalvelujen osa {b}, verotuloihin perustuva tasaus {e}, kiinteät erät {f}{how}",
            "statsandelarna {g}, {t}: basservicedelen {b}, utjämning på basis av skatteinkomsterna {e}, fasta poster {f}{how}",
            "valtionosuudet of {g}, {t}: basic-services part {b}, tax-revenue equalisation {e}, fixed elements {f}{how}"
        )
    })
}

/// What the subsidies beyond the plan assume: the split of the last given
/// year, each component's rule, default and source.
pub(super) fn notes(d: &Drivers) -> Vec<RevenueNote> {
    let mut out = Vec::new();
    tax_notes(d, &mut out);
    out.push(split_note(d));
    out.push(basic_part_note(d));
    let (sub, g) = (&d.sc.subsidies, d.g);
    let lag = d.rev.split.population_lag;
    let temporary: Vec<(i32, Decimal)> = sub
        .per_resident_cut
        .range(g + 1..)
        .filter(|(y, v)| **y <= d.horizon && !v.is_zero())
        .map(|(y, v)| (*y, *v))
        .collect();
    if !temporary.is_empty() {
        out.push(note(|lang| {
            let list = euro_list(&temporary, lang);
            crate::tr!(
                lang,
                "määräaikaiset asukaskohtaiset vähennykset vuoden t − {lag} lopun asukasluvun mukaan vain kyseisenä vuonna (state_subsidies.per_resident_cut): {list}",
                "tillfälliga avdrag per invånare enligt invånarantalet i slutet av år t − {lag}, endast under sitt år (state_subsidies.per_resident_cut): {list}",
                "temporary cuts per resident of the population at the end of year t − {lag}, in their year only (state_subsidies.per_resident_cut): {list}"
            )
        }));
    }
    for (y, sources) in decided_in(d) {
        let sources = sources.join("; ");
        out.push(note(|lang| {
            crate::tr!(
                lang,
                "päätetty vuodelle {y}: {sources}",
                "beslutat för {y}: {sources}",
                "decided for {y}: {sources}"
            )
        }));
    }
    if (g + 1..=d.horizon).contains(&OMITTED_2026) {
        out.push(note(|lang| {
            lang.tr(
                "ei mukana: HE 100/2025:n noin 2 prosentin (75 M€) vähennys kuntien peruspalvelujen valtionosuuksiin vuonna 2026, joka tehdään kunkin kunnan valtionosuuden suhteessa; esitys ei kerro, miten se toteutetaan, ja state_subsidies.change voi lisätä sen",
                "inte medräknat: minskningen på cirka 2 procent (75 M€) av kommunernas statsandelar för basservice 2026 enligt RP 100/2025, som görs i proportion till varje kommuns statsandel; propositionen säger inte hur den genomförs, och state_subsidies.change kan lägga till den",
                "not included: the cut of about 2 % (75 M€) of the municipalities' basic-services subsidies in 2026 that HE 100/2025 makes in proportion to each municipality's subsidy; the bill does not say how it is applied, and state_subsidies.change can lay it on",
            )
            .into()
        }));
    }
    if !d.rev.split.equalisation.is_zero() {
        out.push(equalisation_note(d));
    }
    for (y, v) in &sub.preliminary {
        out.push(preliminary_note(d, *y, *v));
    }
    out
}

/// "4,31 € 2026, 4,79 € 2027".
fn euro_list(list: &[(i32, Decimal)], lang: Lang) -> String {
    list.iter()
        .map(|(y, v)| format!("{} € {y}", num(*v, lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How the basic-services part grows beyond the plan.
fn basic_part_note(d: &Drivers) -> RevenueNote {
    let (sub, sp, g) = (&d.sc.subsidies, d.rev.split, d.g);
    let decided = Decided::shipped();
    let horizon = d.horizon;
    let cuts: Vec<(i32, Decimal)> = (g + 1..=d.horizon)
        .filter_map(|t| {
            let c = sub.index_cut_pp.at(t).unwrap_or_default();
            (!c.is_zero()).then_some((t, c))
        })
        .collect();
    let none = |lang: Lang| -> String {
        let (from, to) = (g + 1, horizon);
        crate::tr!(
            lang,
            "ei vuosille {from}–{to}",
            "inga för {from}–{to}",
            "none for {from}–{to}"
        )
    };
    let cut_words = |lang: Lang| -> String {
        if cuts.is_empty() {
            return none(lang);
        }
        let unit = lang.tr("%-yks.", "procentenheter", "pp in");
        cuts.iter()
            .map(|(y, c)| format!("{} {unit} {y}", num(*c, lang)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let lag = sp.population_lag;
    let savings: Vec<(i32, Decimal)> = (sub.index_cut_eur.range(g + 1..))
        .filter(|(y, v)| **y <= d.horizon && !v.is_zero())
        .map(|(y, v)| (*y, *v))
        .collect();
    let saving_words = |lang: Lang| -> String {
        if savings.is_empty() {
            return none(lang);
        }
        euro_list(&savings, lang)
    };
    let own_index = sub.index_pct.is_some();
    note(|lang| {
        let index = match (own_index, lang) {
            (true, _) => "state_subsidies.index_pct",
            (false, _) => lang.tr("hintaindeksi", "prisindexet", "the price index"),
        };
        let people = match (sub.follow_population, lang) {
            (true, Lang::Fi) => {
                format!("asukasluvun mukaan vuoden t − {lag} lopussa (laki 1704/2009 4 § 3 mom.)")
            }
            (true, Lang::Sv) => {
                format!("med invånarantalet i slutet av år t − {lag} (lag 1704/2009 4 § 3 mom.)")
            }
            (true, Lang::En) => format!(
                "with the population at the end of year t − {lag} ({})",
                decided.population.source
            ),
            (false, _) => lang
                .tr(
                    "ei asukasluvun mukaan (state_subsidies.follow_population = false)",
                    "inte med invånarantalet (state_subsidies.follow_population = false)",
                    "not with the population (state_subsidies.follow_population = false)",
                )
                .into(),
        };
        let (c, s) = (cut_words(lang), saving_words(lang));
        crate::tr!(
            lang,
            "peruspalvelujen osa kasvaa suunnitelmakauden jälkeen {index}n mukaan vähennettynä käyttäjän omalla indeksileikkauksella (state_subsidies.index_cut_pp: {c}) ja {people}; valtion indeksisäästöt pienentävät sitä kaikissa kunnissa samalla euromäärällä vuoden t − {lag} lopun asukasta kohden vuodestaan alkaen (state_subsidies.index_cut_per_resident: {s})",
            "basservicedelen växer efter planperioden med {index} minskat med användarens egen indexnedskärning (state_subsidies.index_cut_pp: {c}) och {people}; statens indexbesparingar minskar den i alla kommuner med samma belopp i euro per invånare i slutet av år t − {lag}, från sitt år framåt (state_subsidies.index_cut_per_resident: {s})",
            "the basic-services part beyond the plan grows by {index} less the user's own index cut (state_subsidies.index_cut_pp: {c}) and {people}; the state's index savings lower it by the same euros per resident of the population at the end of year t − {lag} in every municipality, from their year on (state_subsidies.index_cut_per_resident: {s})"
        )
    })
}

/// How the tax-revenue equalisation moves beyond the plan.
fn equalisation_note(d: &Drivers) -> RevenueNote {
    let (sub, sp, g) = (&d.sc.subsidies, d.rev.split, d.g);
    let decided = Decided::shipped();
    let growth = if sub.national_tax_base_growth_pct.is_some() {
        "state_subsidies.national_tax_base_growth_pct"
    } else {
        "= tax.earnings_growth_pct"
    };
    let lag = sp.tax_year_lag;
    let source = &decided.equalisation.source;
    note(|lang| {
        let rel = match sub.relative_tax_base_pct {
            Some(r) => num(r, lang),
            None => lang.tr("ei annettu", "inte angiven", "not given").into(),
        };
        crate::tr!(
            lang,
            "tasaus muuttuu kaupungin asukaskohtaisen verotettavan tulon ja koko maan välisen eron mukaan ({rel} % vuonna {g}; koko maan kasvu {growth}), vuoden t − {lag} verotuksen (VNa 1446/2014 2 §) ja asukasluvun mukaan",
            "utjämningen ändras med skillnaden mellan stadens beskattningsbara inkomst per invånare och hela landets ({rel} % år {g}; hela landets tillväxt {growth}), med beskattningen för år t − {lag} (SRf 1446/2014 2 §) och med invånarantalet",
            "the equalisation moves with the city's taxable income per resident against the national one ({rel} % in {g}; national growth {growth}), on the taxes of year t − {lag} ({source}), and with the residents"
        )
    })
}

/// The Ministry's preliminary calculation of year `y`, used or not.
fn preliminary_note(d: &Drivers, y: i32, v: Decimal) -> RevenueNote {
    if d.is_given(y) {
        note(|lang| {
            crate::tr!(
                lang,
                "vuoden {y} ennakollista laskelmaa ei käytetä: {y} on talousarvio- tai suunnitelmavuosi, joka otetaan sellaisenaan (plan.follow_until päästää sen mukaan)",
                "den preliminära kalkylen för {y} används inte: {y} är ett budget- eller planår som tas som det är (plan.follow_until släpper in den)",
                "the preliminary calculation for {y} is not used: {y} is a budget or plan year taken as given (plan.follow_until lets it in)"
            )
        })
    } else {
        note(|lang| {
            let m = meur(v, lang);
            crate::tr!(
                lang,
                "vuoden {y} valtionosuudet ovat valtiovarainministeriön ennakollinen laskelma, {m} (state_subsidies.preliminary)",
                "statsandelarna för {y} är finansministeriets preliminära kalkyl, {m} (state_subsidies.preliminary)",
                "valtionosuudet of {y} are the Ministry's preliminary calculation, {m} (state_subsidies.preliminary)"
            )
        })
    }
}
