//! One projected year: from the drivers and last year's state to this
//! year's flows, the state rolled forward. A forecast and a simulated path
//! run this same step; only the forecast makes statements of the flows.

use rust_decimal::Decimal;

use super::drivers::Drivers;
use super::figures::{Figures, Line};
use super::{HUNDRED, PLAUSIBLE_DIGITS, ProjectionError, YearRow, ceil_cent, pct, r0, r2};
use crate::model::money::{Rule, round};
use crate::model::scenario::ScenarioError;

/// A depreciation vintage: a net investment completed in `year`,
/// depreciated straight-line over `life` years from the year after.
#[derive(Clone, Copy, Debug)]
pub(super) struct Vintage {
    year: i32,
    life: u32,
    /// The yearly depreciation, amount / life, divided once.
    yearly: Decimal,
}

impl Vintage {
    pub fn new(year: i32, life: u32, amount: Decimal) -> Vintage {
        let yearly = if life == 0 {
            Decimal::ZERO
        } else {
            amount / Decimal::from(life)
        };
        Vintage { year, life, yearly }
    }
}

pub(super) fn depreciation(vintages: &[Vintage], t: i32) -> Decimal {
    vintages
        .iter()
        .filter(|v| v.life > 0 && t > v.year && t <= v.year + v.life as i32)
        .map(|v| v.yearly)
        .sum()
}

/// The balance-sheet lines each year's flows change, as running figures:
/// fields, not the balance sheet's map, because they change every year of
/// every simulated path; the map gets them when a year's statements are made.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Rolled {
    pub aineelliset: Decimal,
    pub sijoitukset: Decimal,
    pub saamiset: Decimal,
    pub vaihto_omaisuus: Decimal,
    pub toimeksiantojen_paaomat: Decimal,
    pub la_muut_velat: Decimal,
    pub rahat: Decimal,
    pub peruspaaoma: Decimal,
    pub muut_omat_rahastot: Decimal,
    pub poistoero: Decimal,
    pub la_rahoituslaitokset: Decimal,
    pub pa_rahoituslaitokset: Decimal,
    pub edellisten_ylijaama: Decimal,
    pub tilikauden_ylijaama: Decimal,
}

impl Rolled {
    fn start(fig: &Figures, y: i32) -> Rolled {
        let at = |line: Line| fig.get(line, y).unwrap_or_default();
        Rolled {
            aineelliset: at(Line::Aineelliset),
            sijoitukset: at(Line::Sijoitukset),
            saamiset: at(Line::Saamiset),
            vaihto_omaisuus: at(Line::VaihtoOmaisuus),
            toimeksiantojen_paaomat: at(Line::ToimeksiantojenPaaomat),
            la_muut_velat: at(Line::LaMuutVelat),
            rahat: at(Line::Rahat),
            peruspaaoma: at(Line::Peruspaaoma),
            muut_omat_rahastot: at(Line::MuutOmatRahastot),
            poistoero: at(Line::Poistoero),
            la_rahoituslaitokset: at(Line::LaRahoituslaitokset),
            pa_rahoituslaitokset: at(Line::PaRahoituslaitokset),
            edellisten_ylijaama: at(Line::EdellistenYlijaama),
            tilikauden_ylijaama: at(Line::TilikaudenYlijaama),
        }
    }
}

/// What one year carries to the next.
pub(super) struct State {
    loans: Decimal,
    cash: Decimal,
    scen_vintages: Vec<Vintage>,
    trend: (Decimal, Decimal, Decimal),
    /// Operating income, costs and own production before the measures.
    ops: (Decimal, Decimal, Decimal),
    fin_carry: (Decimal, Decimal, Decimal),
    siirrot_carry: Decimal,
    existing_used: Decimal,
    lease_city: Option<Decimal>,
    lease_group: Option<Decimal>,
    companies: Option<Decimal>,
    rolled: Rolled,
}

impl State {
    pub fn start(d: &Drivers) -> State {
        State::start_in(d, Vec::new())
    }

    /// The start with the vintages kept in `room`, a path's buffer that
    /// the path before gave back (`into_room`).
    pub fn start_in(d: &Drivers, mut room: Vec<Vintage>) -> State {
        room.clear();
        State {
            loans: d.loans0,
            cash: d.cash0,
            scen_vintages: room,
            trend: d.trend0,
            ops: Default::default(),
            fin_carry: Default::default(),
            siirrot_carry: Decimal::ZERO,
            existing_used: Decimal::ZERO,
            lease_city: d.tot(Line::Vuokravastuut, d.base),
            lease_group: d.tot(Line::KonserninVuokravastuut, d.base),
            companies: d.companies0,
            rolled: Rolled::start(d.fig, d.base),
        }
    }

    pub fn into_room(self) -> Vec<Vintage> {
        self.scen_vintages
    }
}

/// A year's lines of the income and cash flow statements, and the balance
/// sheet's rolled lines at its end: what the statements are made of.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Flows {
    pub ti: Decimal,
    pub valm: Decimal,
    pub kulut: Decimal,
    pub toimintakate: Decimal,
    pub verot: Decimal,
    pub vos: Decimal,
    pub korkotuotot: Decimal,
    pub muut_rt: Decimal,
    pub muut_rk: Decimal,
    pub interest: Decimal,
    pub rtk: Decimal,
    pub vuosikate: Decimal,
    pub dep: Decimal,
    pub sat: Decimal,
    pub tulos: Decimal,
    pub siirrot: Decimal,
    pub ylijaama: Decimal,
    pub rl_sat: Decimal,
    pub korj: Decimal,
    pub toiminnan: Decimal,
    pub gross: Decimal,
    pub subs: Decimal,
    pub sales: Decimal,
    pub investoinnit: Decimal,
    pub t_i: Decimal,
    pub antol: Decimal,
    pub borrow: Decimal,
    pub repay: Decimal,
    pub lyhyt: Decimal,
    pub lainakannan: Decimal,
    pub oma: Decimal,
    pub muut: Decimal,
    pub rahoituksen: Decimal,
    pub cash_prev: Decimal,
    pub cash: Decimal,
    pub rahastot: Decimal,
    pub saam: Decimal,
    pub vo: Decimal,
    pub toim: Decimal,
    pub kay: Decimal,
    pub lease_city: Option<Decimal>,
    pub rolled: Rolled,
}

/// What the loans and interest come to in a year.
struct Finance {
    loans_now: Decimal,
    eff_rate: Decimal,
    min_cash: Decimal,
}

/// Projects year `t`: its row, and the flows the statements are made of.
pub(super) fn step(
    d: &Drivers,
    s: &mut State,
    t: i32,
) -> Result<(YearRow, Flows), ProjectionError> {
    let given = d.is_given(t);
    let mut f = Flows {
        cash_prev: s.cash,
        ..Flows::default()
    };
    operating(d, s, t, given, &mut f);
    let (rate, taxable) = taxes(d, s, t, given, &mut f);
    subsidies(d, s, t, given, &mut f);
    // Other financial items: as given, then carried.
    if given || t == d.base + 1 {
        let y = if given { t } else { d.base };
        s.fin_carry = (
            d.z(Line::Korkotuotot, y),
            d.z(Line::MuutRahoitustuotot, y),
            d.z(Line::MuutRahoituskulut, y),
        );
    }
    (f.korkotuotot, f.muut_rt, f.muut_rk) = s.fin_carry;
    investments(d, s, t, given, &mut f);
    f.dep = depreciate(d, s, t, given);
    other_lines(d, s, t, given, &mut f);
    let fin = finance(d, s, t, given, &mut f);
    statements(s, &mut f);
    let group_loans = group(d, s, t, given, fin.loans_now, &mut f);
    let earlier = f.rolled.edellisten_ylijaama;
    plausible(t, &f, fin.loans_now, earlier)?;
    let row = YearRow {
        year: t,
        kind: d.kind(t),
        given,
        price_index_pct: d.pi.change(t).unwrap_or_default(),
        population: d.pop.get(&t).copied(),
        tax_rate_pct: rate,
        taxable_income: taxable,
        tax_revenue: f.verot,
        state_subsidies: f.vos,
        net_operating_cost: -f.toimintakate,
        annual_margin: f.vuosikate,
        depreciation: f.dep,
        gross_investment: f.gross,
        investment_subsidies: f.subs,
        asset_sales: f.sales,
        income_adjustments: f.korj,
        net_investment: f.gross - f.subs - f.sales,
        borrowing: f.borrow,
        repayments: f.repay,
        loans: fin.loans_now,
        interest_rate_pct: fin.eff_rate,
        interest: f.interest,
        cash: f.cash,
        min_cash: fin.min_cash,
        accumulated_surplus: earlier + f.ylijaama,
        group_loans,
        group_leases: s.lease_group,
        operating_and_investing: f.t_i,
        earlier_surplus: earlier,
        surplus: f.ylijaama,
    };
    s.loans = fin.loans_now;
    s.cash = f.cash;
    Ok((row, f))
}

/// Operating income and costs: the plan's, or grown from last year's.
fn operating(d: &Drivers, s: &mut State, t: i32, given: bool, f: &mut Flows) {
    let ops = &d.sc.operations;
    if given {
        s.ops = d.operating(t);
    } else {
        if t == d.base + 1 {
            s.ops = d.operating(d.base);
        }
        let pi = d.pi(t);
        let ig = pct(ops.income_real_growth_pct.at(t).unwrap_or_default());
        let cg = pct(ops.cost_real_growth_pct.at(t).unwrap_or_default());
        // The share of costs that follows the number of residents.
        let follow = pct(ops.cost_follows_population_pct);
        let people = match (d.pop.get(&(t - 1)), d.pop.get(&t)) {
            (Some(a), Some(b)) if *a > Decimal::ZERO && !follow.is_zero() => {
                Decimal::ONE + follow * (b / a - Decimal::ONE)
            }
            _ => Decimal::ONE,
        };
        let (ti, kulut, valm) = s.ops;
        s.ops = (
            r2(ti * (Decimal::ONE + pi + ig)),
            r2(kulut * (Decimal::ONE + pi + cg) * people),
            r2(valm * (Decimal::ONE + pi)),
        );
    }
    let (ti_b, kulut_b, valm_b) = s.ops;
    f.ti = ti_b
        + ops
            .income_changes
            .iter()
            .filter(|m| m.covers(t))
            .map(|m| m.amount)
            .sum::<Decimal>();
    f.kulut = kulut_b
        + ops
            .savings
            .iter()
            .filter(|m| m.covers(t))
            .map(|m| m.amount)
            .sum::<Decimal>();
    f.valm = valm_b;
}

/// Tax revenue, with a rate change's effect split over two years; the rate
/// and the taxable income it implies: the year's line of `revenue`.
fn taxes(
    d: &Drivers,
    _s: &mut State,
    t: i32,
    _given: bool,
    f: &mut Flows,
) -> (Option<Decimal>, Option<Decimal>) {
    let r = d.rev.at(t);
    f.verot = r.verot;
    (r.rate, r.taxable)
}

/// State subsidies: the plan's, or as `revenue` determines them.
fn subsidies(d: &Drivers, _s: &mut State, t: i32, _given: bool, f: &mut Flows) {
    f.vos = d.rev.at(t).vos;
}

/// Gross investment, subsidies and sales; the year's vintages.
fn investments(d: &Drivers, s: &mut State, t: i32, given: bool, f: &mut Flows) {
    let inv = &d.sc.investments;
    let (gen_g, gen_s, gen_l) = if given {
        d.general_given(t)
    } else {
        if t == d.g + 1 {
            s.trend = d.trend0;
        }
        let idx = Decimal::ONE + d.pi(t);
        let tr = &mut s.trend;
        *tr = (r2(tr.0 * idx), r2(tr.1 * idx), r2(tr.2 * idx));
        let or = |p: &Option<crate::model::scenario::Path>, v: Decimal| {
            p.as_ref().and_then(|p| p.at(t)).unwrap_or(v)
        };
        (
            or(&inv.trend_gross, tr.0),
            or(&inv.trend_subsidies, tr.1),
            or(&inv.trend_sales, tr.2),
        )
    };
    let ps = d.proj_spend.get(&t).copied().unwrap_or_default();
    f.gross = gen_g + ps.0;
    f.subs = gen_s + ps.1;
    f.sales = gen_l + ps.2;
    let mut scale = Decimal::ONE;
    if let Some((from, cap)) = inv.cap
        && t >= from
        && f.gross > cap
        && f.gross > Decimal::ZERO
    {
        scale = cap / f.gross;
        f.subs = r2(f.subs * scale);
        f.gross = cap;
    }
    s.scen_vintages
        .push(Vintage::new(t, d.general_life, (gen_g - gen_s) * scale));
    for pf in &d.project_flows {
        if let Some(n) = pf.net_by_year.get(&t) {
            s.scen_vintages.push(Vintage::new(
                pf.completion.max(t),
                inv.life(pf.class),
                *n * scale,
            ));
        }
    }
}

/// Depreciation: the plan's with the scenario's investments in place of
/// its own, or the existing assets' run-off plus the new vintages.
fn depreciate(d: &Drivers, s: &mut State, t: i32, given: bool) -> Decimal {
    if given {
        return r2(
            d.dep_given(t) + depreciation(&s.scen_vintages, t) - depreciation(&d.plan_vintages, t)
        );
    }
    let mut level = match d.sc.investments.existing_runoff_years {
        Some(n) if n > 0 => {
            let left = Decimal::from((n as i32 - (t - d.g - 1)).max(0));
            d.existing_level * left / Decimal::from(n)
        }
        Some(_) => Decimal::ZERO,
        None => d.existing_level,
    };
    level = level.min((d.existing_book - s.existing_used).max(Decimal::ZERO));
    s.existing_used += level;
    r2(level + depreciation(&s.scen_vintages, t))
}

/// Extraordinary items, appropriations, and the cash flow's other lines:
/// the plan's in its years, none beyond (appropriations run the reserve down).
fn other_lines(d: &Drivers, s: &mut State, t: i32, given: bool, f: &mut Flows) {
    if given {
        f.sat = d.z(Line::TlSatunnaisetErat, t);
        f.rl_sat = d.tot(Line::RlSatunnaisetErat, t).unwrap_or(f.sat);
        f.korj = d.z(Line::TulorahoituksenKorjauserat, t);
        f.siirrot = d.z(Line::Tilinpaatossiirrot, t);
        s.siirrot_carry = d.z(Line::PoistoeronMuutos, t);
        f.rahastot = d.z(Line::RahastojenMuutos, t);
        f.antol = d.z(Line::Antolainaus, t);
        f.lyhyt = d.z(Line::LyhytaikaistenMuutos, t);
        f.oma = d.z(Line::OmanPaaomanMuutokset, t);
        f.muut = d.z(Line::MuutMaksuvalmius, t);
        f.saam = d.z(Line::SaamistenMuutos, t);
        f.vo = d.z(Line::VaihtoOmaisuudenMuutos, t);
        f.toim = d.z(Line::ToimeksiantojenMuutokset, t);
        f.kay = d.z(Line::KayttoomaisuudenMuutos, t);
    } else {
        if t == d.base + 1 {
            s.siirrot_carry = d.z(Line::PoistoeronMuutos, d.base);
        }
        let reserve = s.rolled.poistoero;
        f.siirrot = if s.siirrot_carry > Decimal::ZERO {
            s.siirrot_carry.min(reserve.max(Decimal::ZERO))
        } else {
            Decimal::ZERO
        };
    }
    let loans = &d.sc.loans;
    f.repay = match loans.repayments.get(&t) {
        Some(r) => *r,
        None if given => -d.z(Line::LainojenVahennys, t),
        None => r2(s.loans / d.maturity.0).min(s.loans.max(Decimal::ZERO)),
    };
}

/// Interest and borrowing, solved together: interest is paid on the
/// average stock, and new loans cover what cash falls short of its minimum
/// (or of the plan's own cash path in plan years).
fn finance(d: &Drivers, s: &State, t: i32, given: bool, f: &mut Flows) -> Finance {
    let loans = &d.sc.loans;
    let loans_prev = s.loans;
    let (repay, lyhyt) = (f.repay, f.lyhyt);
    let vk_ex = f.ti + f.valm + f.kulut + f.verot + f.vos + f.korkotuotot + f.muut_rt + f.muut_rk;
    let ti_ex = vk_ex + f.rl_sat + f.korj - f.gross + f.subs + f.sales;
    let dr = d.delta_rate(t);
    let min_cash = match loans.min_cash {
        Some(m) => m,
        None => r2(loans.min_cash_days * (-f.kulut + f.gross) / Decimal::from(365)),
    };
    let (i0, k, kk) = if given {
        let i_p = -d.z(Line::Korkokulut, t);
        let b_p = d.z(Line::LainojenLisays, t);
        let a_p = (d.plan_loans[&(t - 1)] + d.plan_loans[&t]) / Decimal::TWO;
        let r_p = if a_p > Decimal::ZERO {
            i_p / a_p
        } else {
            Decimal::ZERO
        };
        let r = r_p + dr;
        let i0 = i_p - r_p * a_p + r * (Decimal::TWO * loans_prev - repay + lyhyt) / Decimal::TWO;
        // The plan's own cash flow before interest, from its lines.
        let (p_ti, p_kulut, p_valm) = d.operating(t);
        let (p_gross, p_subs, p_sales) = d.investing(t);
        let vk_p_ex = p_ti
            + p_valm
            + p_kulut
            + d.z(Line::Verotulot, t)
            + d.z(Line::Valtionosuudet, t)
            + f.korkotuotot
            + f.muut_rt
            + f.muut_rk;
        let ti_p_ex = vk_p_ex + f.rl_sat + f.korj - p_gross + p_subs + p_sales;
        let kk = b_p + (ti_p_ex - i_p) - ti_ex;
        (i0, r / Decimal::TWO, kk)
    } else {
        let base_rate = match &loans.interest_rate_pct {
            Some(p) => p.at(t).unwrap_or(d.implied_rate),
            None => d.implied_rate,
        };
        let r = pct(base_rate) + dr;
        let i0 = r * (Decimal::TWO * loans_prev - repay + lyhyt) / Decimal::TWO;
        let kk = min_cash - s.cash - ti_ex - (f.antol + lyhyt + f.oma + f.muut) + repay;
        (i0, r / Decimal::TWO, kk)
    };
    let x = kk + i0;
    f.borrow = if x > Decimal::ZERO && k < Decimal::ONE {
        ceil_cent(x / (Decimal::ONE - k))
    } else {
        Decimal::ZERO
    };
    f.interest = r2(i0 + k * f.borrow);
    let loans_now = loans_prev + f.borrow - repay + lyhyt;
    let avg_loans = (loans_prev + loans_now) / Decimal::TWO;
    let eff_rate = if avg_loans > Decimal::ZERO {
        round(HUNDRED * f.interest / avg_loans, 2, Rule::HalfEven)
    } else {
        Decimal::ZERO
    };
    Finance {
        loans_now,
        eff_rate,
        min_cash,
    }
}

/// The income and cash flow statements' subtotals, and the balance sheet
/// rolled forward by them.
fn statements(s: &mut State, f: &mut Flows) {
    f.toimintakate = f.ti + f.valm + f.kulut;
    f.rtk = f.korkotuotot + f.muut_rt - f.interest + f.muut_rk;
    f.vuosikate = f.toimintakate + f.verot + f.vos + f.rtk;
    f.tulos = f.vuosikate - f.dep + f.sat;
    f.ylijaama = f.tulos + f.siirrot;

    f.toiminnan = f.vuosikate + f.rl_sat + f.korj;
    f.investoinnit = -f.gross + f.subs + f.sales;
    f.t_i = f.toiminnan + f.investoinnit;
    f.lainakannan = f.borrow - f.repay + f.lyhyt;
    f.rahoituksen = f.antol + f.lainakannan + f.oma + f.muut;
    f.cash = f.cash_prev + f.t_i + f.rahoituksen;

    let r = &mut s.rolled;
    r.edellisten_ylijaama += r.tilikauden_ylijaama;
    r.tilikauden_ylijaama = f.ylijaama;
    r.poistoero -= f.siirrot - f.rahastot;
    r.aineelliset += f.gross - f.subs - f.dep - (f.sales + f.korj) - f.kay;
    r.sijoitukset -= f.antol;
    r.saamiset -= f.saam;
    r.vaihto_omaisuus -= f.vo;
    r.toimeksiantojen_paaomat += f.toim;
    r.la_muut_velat += f.muut - f.saam - f.vo - f.toim - f.kay;
    r.rahat += f.cash - f.cash_prev;
    r.peruspaaoma += f.oma;
    r.muut_omat_rahastot -= f.rahastot;
    r.la_rahoituslaitokset += f.lyhyt;
    r.pa_rahoituslaitokset += f.borrow - f.repay;
    f.rolled = *r;
}

/// The group's loans (the plan's, the scenario's or grown) and the leases.
fn group(
    d: &Drivers,
    s: &mut State,
    t: i32,
    given: bool,
    loans_now: Decimal,
    f: &mut Flows,
) -> Option<Decimal> {
    let grp = &d.sc.group;
    let group_loans = if given && d.tot(Line::KonserninLainakanta, t).is_some() {
        let gl = d.z(Line::KonserninLainakanta, t) + (loans_now - d.plan_loans[&t]);
        s.companies = Some(gl - loans_now);
        Some(gl)
    } else if let Some(c) = grp.companies_loans.get(&t) {
        s.companies = Some(*c);
        Some(loans_now + c)
    } else {
        s.companies = s.companies.map(|c| {
            r2(c * (Decimal::ONE + pct(grp.companies_loan_growth_pct.at(t).unwrap_or_default())))
        });
        s.companies.map(|c| loans_now + c)
    };
    if given {
        s.lease_city = d.tot(Line::Vuokravastuut, t).or(s.lease_city);
    }
    s.lease_group = match (given, d.tot(Line::KonserninVuokravastuut, t)) {
        (true, Some(v)) => Some(v),
        _ => s
            .lease_group
            .map(|l| r2(l * (Decimal::ONE + pct(grp.lease_growth_pct.at(t).unwrap_or_default())))),
    };
    f.lease_city = s.lease_city;
    group_loans
}

/// Rates within their bounds can still carry a figure out of any plausible
/// range (a deficit borrowed on, year after year); stopping at the year it
/// happens keeps the arithmetic exact.
fn plausible(t: i32, f: &Flows, loans: Decimal, earlier: Decimal) -> Result<(), ProjectionError> {
    for (name, v) in [
        ("tax revenue", f.verot),
        ("state subsidies", f.vos),
        ("net operating cost", f.toimintakate),
        ("annual margin", f.vuosikate),
        ("gross investment", f.gross),
        ("loans", loans),
        ("cash", f.cash),
        ("accumulated surplus", earlier + f.ylijaama),
    ] {
        if beyond_plausible(v) {
            return Err(ProjectionError::Scenario(ScenarioError {
                at: None,
                message: format!(
                    "in {t} the projected {name} would be {} €, beyond 10^15 €, which no municipality's figures reach; the scenario's rates or amounts drive it there",
                    r0(v)
                ),
            }));
        }
    }
    Ok(())
}

/// `|v| > 10^15` from the mantissa and scale, without a decimal
/// comparison (eight figures a year of every path): |m| / 10^s > 10^15
/// exactly when |m| > 10^(15 + s), which a 96-bit mantissa never is past
/// scale 23.
fn beyond_plausible(v: Decimal) -> bool {
    let s = v.scale();
    s + PLAUSIBLE_DIGITS <= 38 && v.mantissa().unsigned_abs() > 10u128.pow(PLAUSIBLE_DIGITS + s)
}

#[cfg(test)]
mod tests {
    use super::beyond_plausible;
    use crate::model::scenario::MAX_AMOUNT;
    use rust_decimal::Decimal;

    /// The bound from the mantissa against the comparison it stands for,
    /// at the bound itself and a unit of the last place either side, at
    /// every scale, both signs.
    #[test]
    fn the_plausibility_bound_is_the_comparison() {
        assert_eq!(
            MAX_AMOUNT,
            Decimal::from(10i64.pow(super::PLAUSIBLE_DIGITS))
        );
        for s in 0..=28u32 {
            let unit = 10i128.checked_pow(15 + s);
            let mut ms = vec![0, 1, (1i128 << 96) - 1];
            if let Some(u) = unit.filter(|u| *u < 1i128 << 96) {
                ms.extend([u - 1, u, u + 1]);
            }
            for m in ms {
                for sign in [1, -1] {
                    let v = Decimal::from_i128_with_scale(sign * m, s);
                    assert_eq!(beyond_plausible(v), v.abs() > MAX_AMOUNT, "{v}");
                }
            }
        }
    }
}
