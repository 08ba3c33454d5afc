//! One projected year: from the drivers and last year's state to this
//! year's flows, the state rolled forward. A forecast and a simulated path
//! run this same step; only the forecast makes statements of the flows.

use rust_decimal::Decimal;

use super::drivers::Drivers;
use super::figures::{Figures, Line};
use super::{HUNDRED, PLAUSIBLE_DIGITS, ProjectionError, YearRow, ceil_cent, pct, r0, r2};
use crate::model::cents::{Cents, divide};
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
    pub aineelliset: Cents,
    pub sijoitukset: Cents,
    pub saamiset: Cents,
    pub vaihto_omaisuus: Cents,
    pub toimeksiantojen_paaomat: Cents,
    pub la_muut_velat: Cents,
    pub rahat: Cents,
    pub peruspaaoma: Cents,
    pub muut_omat_rahastot: Cents,
    pub poistoero: Cents,
    pub la_rahoituslaitokset: Cents,
    pub pa_rahoituslaitokset: Cents,
    pub edellisten_ylijaama: Cents,
    pub tilikauden_ylijaama: Cents,
}

impl Rolled {
    fn start(fig: &Figures, y: i32) -> Rolled {
        let at = |line: Line| Cents::from_dec(fig.get(line, y).unwrap_or_default());
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

/// What one year carries to the next: money in cents; the two figures
/// that carry more than a cent (a rate change's effect, the existing
/// assets' run-off used up) as rust_decimal's figures, quotients included.
pub(super) struct State {
    loans: Cents,
    cash: Cents,
    scen_vintages: Vec<Vintage>,
    trend: (Cents, Cents, Cents),
    /// Operating income, costs and own production before the measures.
    ops: (Cents, Cents, Cents),
    fin_carry: (Cents, Cents, Cents),
    siirrot_carry: Cents,
    existing_used: Decimal,
    lease_city: Option<Cents>,
    lease_group: Option<Cents>,
    companies: Option<Cents>,
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
            loans: Cents::from_dec(d.loans0),
            cash: Cents::from_dec(d.cash0),
            scen_vintages: room,
            trend: three(d.trend0),
            ops: Default::default(),
            fin_carry: Default::default(),
            siirrot_carry: Cents::ZERO,
            existing_used: Decimal::ZERO,
            lease_city: d.cents(Line::Vuokravastuut, d.base),
            lease_group: d.cents(Line::KonserninVuokravastuut, d.base),
            companies: d.companies0.map(Cents::from_dec),
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
    pub ti: Cents,
    pub valm: Cents,
    pub kulut: Cents,
    pub toimintakate: Cents,
    pub verot: Cents,
    pub vos: Cents,
    pub korkotuotot: Cents,
    pub muut_rt: Cents,
    pub muut_rk: Cents,
    pub interest: Cents,
    pub rtk: Cents,
    pub vuosikate: Cents,
    pub dep: Cents,
    pub sat: Cents,
    pub tulos: Cents,
    pub siirrot: Cents,
    pub ylijaama: Cents,
    pub rl_sat: Cents,
    pub korj: Cents,
    pub toiminnan: Cents,
    pub gross: Cents,
    pub subs: Cents,
    pub sales: Cents,
    pub investoinnit: Cents,
    pub t_i: Cents,
    pub antol: Cents,
    pub borrow: Cents,
    pub repay: Cents,
    pub lyhyt: Cents,
    pub lainakannan: Cents,
    pub oma: Cents,
    pub muut: Cents,
    pub rahoituksen: Cents,
    pub cash_prev: Cents,
    pub cash: Cents,
    pub rahastot: Cents,
    pub saam: Cents,
    pub vo: Cents,
    pub toim: Cents,
    pub kay: Cents,
    pub lease_city: Option<Cents>,
    pub rolled: Rolled,
}

/// What the loans and interest come to in a year.
struct Finance {
    loans_now: Cents,
    eff_rate: Decimal,
    min_cash: Cents,
}

/// Three figures of the workbook or the scenario in cents.
fn three(v: (Decimal, Decimal, Decimal)) -> (Cents, Cents, Cents) {
    (
        Cents::from_dec(v.0),
        Cents::from_dec(v.1),
        Cents::from_dec(v.2),
    )
}

/// The scenario's measures in force in `t`, summed as a Decimal sum is.
fn measures(list: &[crate::model::scenario::Measure], t: i32) -> Cents {
    list.iter()
        .filter(|m| m.covers(t))
        .map(|m| Cents::from_dec(m.amount))
        .sum()
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
            d.zc(Line::Korkotuotot, y),
            d.zc(Line::MuutRahoitustuotot, y),
            d.zc(Line::MuutRahoituskulut, y),
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
        taxable_income: taxable.map(Cents::dec),
        tax_revenue: f.verot.dec(),
        state_subsidies: f.vos.dec(),
        net_operating_cost: (-f.toimintakate).dec(),
        annual_margin: f.vuosikate.dec(),
        depreciation: f.dep.dec(),
        gross_investment: f.gross.dec(),
        investment_subsidies: f.subs.dec(),
        asset_sales: f.sales.dec(),
        income_adjustments: f.korj.dec(),
        net_investment: (f.gross - f.subs - f.sales).dec(),
        borrowing: f.borrow.dec(),
        repayments: f.repay.dec(),
        loans: fin.loans_now.dec(),
        interest_rate_pct: fin.eff_rate,
        interest: f.interest.dec(),
        cash: f.cash.dec(),
        min_cash: fin.min_cash.dec(),
        accumulated_surplus: (earlier + f.ylijaama).dec(),
        group_loans: group_loans.map(Cents::dec),
        group_leases: s.lease_group.map(Cents::dec),
        operating_and_investing: f.t_i.dec(),
        earlier_surplus: earlier.dec(),
        surplus: f.ylijaama.dec(),
    };
    s.loans = fin.loans_now;
    s.cash = f.cash;
    Ok((row, f))
}

/// Operating income and costs: the plan's, or grown from last year's.
fn operating(d: &Drivers, s: &mut State, t: i32, given: bool, f: &mut Flows) {
    let ops = &d.sc.operations;
    if given {
        s.ops = three(d.operating(t));
    } else {
        if t == d.base + 1 {
            s.ops = three(d.operating(d.base));
        }
        let pi = d.pi(t);
        let ig = pct(ops.income_real_growth_pct.at(t).unwrap_or_default());
        let cg = pct(ops.cost_real_growth_pct.at(t).unwrap_or_default());
        // The share of costs that follows the number of residents.
        let follow = pct(ops.cost_follows_population_pct);
        let people = match d.pop_ratio(t) {
            Some(r) if !follow.is_zero() => Decimal::ONE + follow * (r - Decimal::ONE),
            _ => Decimal::ONE,
        };
        let (ti, kulut, valm) = s.ops;
        s.ops = (
            ti.mul_cents(&[Decimal::ONE + pi + ig]),
            kulut.mul_cents(&[Decimal::ONE + pi + cg, people]),
            valm.mul_cents(&[Decimal::ONE + pi]),
        );
    }
    let (ti_b, kulut_b, valm_b) = s.ops;
    f.ti = ti_b + measures(&ops.income_changes, t);
    f.kulut = kulut_b + measures(&ops.savings, t);
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
) -> (Option<Decimal>, Option<Cents>) {
    let r = d.rev.at(t);
    f.verot = Cents::from_dec(r.verot);
    (r.rate, r.taxable.map(Cents::from_dec))
}

/// State subsidies: the plan's, or as `revenue` determines them.
fn subsidies(d: &Drivers, _s: &mut State, t: i32, _given: bool, f: &mut Flows) {
    f.vos = Cents::from_dec(d.rev.at(t).vos);
}

/// Gross investment, subsidies and sales; the year's vintages.
fn investments(d: &Drivers, s: &mut State, t: i32, given: bool, f: &mut Flows) {
    let inv = &d.sc.investments;
    let (gen_g, gen_s, gen_l) = if given {
        three(d.general_given(t))
    } else {
        if t == d.g + 1 {
            s.trend = three(d.trend0);
        }
        let idx = [Decimal::ONE + d.pi(t)];
        let tr = &mut s.trend;
        *tr = (
            tr.0.mul_cents(&idx),
            tr.1.mul_cents(&idx),
            tr.2.mul_cents(&idx),
        );
        let or = |p: &Option<crate::model::scenario::Path>, v: Cents| {
            p.as_ref().and_then(|p| p.at(t)).map_or(v, Cents::from_dec)
        };
        (
            or(&inv.trend_gross, tr.0),
            or(&inv.trend_subsidies, tr.1),
            or(&inv.trend_sales, tr.2),
        )
    };
    let ps = three(d.proj_spend.get(&t).copied().unwrap_or_default());
    f.gross = gen_g + ps.0;
    f.subs = gen_s + ps.1;
    f.sales = gen_l + ps.2;
    // The cap's share is a 28-digit quotient, carried as rust_decimal's.
    let mut scale = None;
    if let Some((from, cap)) = inv.cap
        && t >= from
        && f.gross.dec() > cap
        && f.gross > Cents::ZERO
    {
        let sc = cap / f.gross.dec();
        f.subs = Cents::round_of(f.subs.dec() * sc);
        f.gross = Cents::from_dec(cap);
        scale = Some(sc);
    }
    let scaled = |v: Decimal| scale.map_or(v, |sc| v * sc);
    s.scen_vintages.push(Vintage::new(
        t,
        d.general_life,
        scaled((gen_g - gen_s).dec()),
    ));
    for pf in &d.project_flows {
        if let Some(n) = pf.net_by_year.get(&t) {
            s.scen_vintages.push(Vintage::new(
                pf.completion.max(t),
                inv.life(pf.class),
                scaled(*n),
            ));
        }
    }
}

/// Depreciation: the plan's with the scenario's investments in place of
/// its own, or the existing assets' run-off plus the new vintages. The
/// vintages' yearly parts are 28-digit quotients, summed and rounded in
/// rust_decimal as before.
fn depreciate(d: &Drivers, s: &mut State, t: i32, given: bool) -> Cents {
    if given {
        return Cents::round_of(
            d.dep_given(t) + depreciation(&s.scen_vintages, t) - depreciation(&d.plan_vintages, t),
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
    Cents::round_of(level + depreciation(&s.scen_vintages, t))
}

/// Extraordinary items, appropriations, and the cash flow's other lines:
/// the plan's in its years, none beyond (appropriations run the reserve down).
fn other_lines(d: &Drivers, s: &mut State, t: i32, given: bool, f: &mut Flows) {
    if given {
        f.sat = d.zc(Line::TlSatunnaisetErat, t);
        f.rl_sat = d.cents(Line::RlSatunnaisetErat, t).unwrap_or(f.sat);
        f.korj = d.zc(Line::TulorahoituksenKorjauserat, t);
        f.siirrot = d.zc(Line::Tilinpaatossiirrot, t);
        s.siirrot_carry = d.zc(Line::PoistoeronMuutos, t);
        f.rahastot = d.zc(Line::RahastojenMuutos, t);
        f.antol = d.zc(Line::Antolainaus, t);
        f.lyhyt = d.zc(Line::LyhytaikaistenMuutos, t);
        f.oma = d.zc(Line::OmanPaaomanMuutokset, t);
        f.muut = d.zc(Line::MuutMaksuvalmius, t);
        f.saam = d.zc(Line::SaamistenMuutos, t);
        f.vo = d.zc(Line::VaihtoOmaisuudenMuutos, t);
        f.toim = d.zc(Line::ToimeksiantojenMuutokset, t);
        f.kay = d.zc(Line::KayttoomaisuudenMuutos, t);
    } else {
        if t == d.base + 1 {
            s.siirrot_carry = d.zc(Line::PoistoeronMuutos, d.base);
        }
        let reserve = s.rolled.poistoero;
        f.siirrot = if s.siirrot_carry > Cents::ZERO {
            s.siirrot_carry.min(reserve.max(Cents::ZERO))
        } else {
            Cents::ZERO
        };
    }
    let loans = &d.sc.loans;
    f.repay = match loans.repayments.get(&t) {
        Some(r) => Cents::from_dec(*r),
        None if given => -d.zc(Line::LainojenVahennys, t),
        None => s
            .loans
            .div_cents(d.maturity.0)
            .min(s.loans.max(Cents::ZERO)),
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
        Some(m) => Cents::from_dec(m),
        None => (-f.kulut + f.gross).mul_div_cents(&[loans.min_cash_days], Decimal::from(365)),
    };
    let stock = loans_prev.twice() - repay + lyhyt;
    let beyond = if given {
        None
    } else {
        let base_rate = match &loans.interest_rate_pct {
            Some(p) => p.at(t).unwrap_or(d.implied_rate),
            None => d.implied_rate,
        };
        let r = pct(base_rate) + dr;
        let kk = min_cash - s.cash - ti_ex - (f.antol + lyhyt + f.oma + f.muut) + repay;
        beyond_plan(r, stock, kk)
    };
    (f.borrow, f.interest) = match beyond {
        Some(v) => v,
        None => in_decimal(d, s, t, given, f, dr, min_cash, ti_ex),
    };
    let loans_now = loans_prev + f.borrow - repay + lyhyt;
    let eff_rate = effective_rate(f.interest, loans_prev + loans_now).unwrap_or_else(|| {
        let avg_loans = (loans_prev.dec() + loans_now.dec()) / Decimal::TWO;
        if avg_loans > Decimal::ZERO {
            round(HUNDRED * f.interest.dec() / avg_loans, 2, Rule::HalfEven)
        } else {
            Decimal::ZERO
        }
    });
    Finance {
        loans_now,
        eff_rate,
        min_cash,
    }
}

/// Borrowing and interest beyond the plan in integers, at rate `r`, on
/// twice the average stock before borrowing `stock`, with `kk` the cash
/// short of the minimum before interest:
///   i0 = r · stock / 2, x = kk + i0, k = r / 2,
///   borrowing = ⌈x / (1 − k)⌉ (to the millionth half even, then up to
///   the cent), interest = cents(i0 + k · borrowing).
/// In cents over the common denominator 2R (r = rm / R) every one is an
/// exact quotient of integers, which rounds as rust_decimal's 28-digit one
/// does (the argument of `cents::div_cents`: the denominators here are
/// below 10^13). `None` where a figure comes to a whole number of cents,
/// whose printed scale only rust_decimal's division says.
fn beyond_plan(r: Decimal, stock: Cents, kk: Cents) -> Option<(Cents, Cents)> {
    if r.scale() > 12 {
        return None;
    }
    let rm = r.mantissa();
    let big_r = 2 * 10i128.pow(r.scale());
    let (y, k) = (i128::from(stock.cents()), i128::from(kk.cents()));
    let x = big_r.checked_mul(k)?.checked_add(rm.checked_mul(y)?)?;
    let borrow = if x > 0 && rm < big_r {
        let den = big_r - rm;
        if den >= 10_000_000_000_000 {
            return None;
        }
        if divide(x as u128, den as u128).1 == 0 {
            return None;
        }
        // To the millionth of a euro (10^-4 cents), half even; then up.
        let n = x.checked_mul(10_000)?;
        let (mut q, rem, _) = divide(n as u128, den as u128);
        if 2 * rem > den as u128 || (2 * rem == den as u128 && q % 2 == 1) {
            q += 1;
        }
        let c = q.div_ceil(10_000);
        Cents::two_places(i64::try_from(c).ok()?)
    } else {
        Cents::ZERO
    };
    let n = rm.checked_mul(y.checked_add(i128::from(borrow.cents()))?)?;
    let (mut q, r, _) = divide(n.unsigned_abs(), big_r as u128);
    if r == 0 {
        return None;
    }
    if 2 * r >= big_r as u128 {
        q += 1;
    }
    let q = i64::try_from(q).ok()?;
    let interest = if n < 0 { -q } else { q };
    Some((borrow, Cents::two_places(interest)))
}

/// The interest over the average stock in per cent to two decimals, half
/// even: `200 · interest / (before + after)`, exact in integers, which
/// rounds as rust_decimal's quotient does (its error is far below the
/// 1 / (2 · sum) an exact quotient can lie from a midpoint); `None` for an
/// exact figure, whose scale rust_decimal's division says, and no stock.
fn effective_rate(interest: Cents, sum: Cents) -> Option<Decimal> {
    let den = i128::from(sum.cents());
    if den <= 0 {
        return None;
    }
    let n = i128::from(interest.cents()).checked_mul(20_000)?;
    let (mut q, r, _) = divide(n.unsigned_abs(), den as u128);
    if r == 0 {
        return None;
    }
    if 2 * r > den as u128 || (2 * r == den as u128 && q % 2 == 1) {
        q += 1;
    }
    let q = i64::try_from(q).ok()?;
    Some(Decimal::new(if n < 0 { -q } else { q }, 2))
}

/// The plan years' interest and borrowing, and any year's where a figure
/// is a whole number of cents: in rust_decimal, the plan's implied rate
/// being a 28-digit quotient.
#[allow(clippy::too_many_arguments)]
fn in_decimal(
    d: &Drivers,
    s: &State,
    t: i32,
    given: bool,
    f: &Flows,
    dr: Decimal,
    min_cash: Cents,
    ti_ex: Cents,
) -> (Cents, Cents) {
    let loans = &d.sc.loans;
    let loans_prev = s.loans.dec();
    let (repay, lyhyt) = (f.repay.dec(), f.lyhyt.dec());
    let ti_ex = ti_ex.dec();
    let plan = if given { d.plan_finance.get(&t) } else { None };
    let (i0, k, kk) = if let Some(p) = plan {
        let r = p.rate + dr;
        let i0 = p.residue + r * (Decimal::TWO * loans_prev - repay + lyhyt) / Decimal::TWO;
        (i0, r / Decimal::TWO, p.cash - ti_ex)
    } else {
        let base_rate = match &loans.interest_rate_pct {
            Some(p) => p.at(t).unwrap_or(d.implied_rate),
            None => d.implied_rate,
        };
        let r = pct(base_rate) + dr;
        let i0 = r * (Decimal::TWO * loans_prev - repay + lyhyt) / Decimal::TWO;
        let kk = min_cash.dec()
            - s.cash.dec()
            - ti_ex
            - (f.antol.dec() + lyhyt + f.oma.dec() + f.muut.dec())
            + repay;
        (i0, r / Decimal::TWO, kk)
    };
    let x = kk + i0;
    let borrow = if x > Decimal::ZERO && k < Decimal::ONE {
        ceil_cent(x / (Decimal::ONE - k))
    } else {
        Decimal::ZERO
    };
    let interest = r2(i0 + k * borrow);
    (Cents::from_dec(borrow), Cents::from_dec(interest))
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
    loans_now: Cents,
    f: &mut Flows,
) -> Option<Cents> {
    let grp = &d.sc.group;
    let group_loans = if given && d.tot(Line::KonserninLainakanta, t).is_some() {
        let plan = Cents::from_dec(d.plan_loans[&t]);
        let gl = d.zc(Line::KonserninLainakanta, t) + (loans_now - plan);
        s.companies = Some(gl - loans_now);
        Some(gl)
    } else if let Some(c) = grp.companies_loans.get(&t) {
        let c = Cents::from_dec(*c);
        s.companies = Some(c);
        Some(loans_now + c)
    } else {
        let g = [Decimal::ONE + pct(grp.companies_loan_growth_pct.at(t).unwrap_or_default())];
        s.companies = s.companies.map(|c| c.mul_cents(&g));
        s.companies.map(|c| loans_now + c)
    };
    if given {
        s.lease_city = d.cents(Line::Vuokravastuut, t).or(s.lease_city);
    }
    s.lease_group = match (given, d.cents(Line::KonserninVuokravastuut, t)) {
        (true, Some(v)) => Some(v),
        _ => {
            let g = [Decimal::ONE + pct(grp.lease_growth_pct.at(t).unwrap_or_default())];
            s.lease_group.map(|l| l.mul_cents(&g))
        }
    };
    f.lease_city = s.lease_city;
    group_loans
}

/// Rates within their bounds can still carry a figure out of any plausible
/// range (a deficit borrowed on, year after year); stopping at the year it
/// happens keeps the arithmetic exact.
fn plausible(t: i32, f: &Flows, loans: Cents, earlier: Cents) -> Result<(), ProjectionError> {
    for ((fi, sv, en), v) in [
        (("verotulot", "skatteinkomsterna", "tax revenue"), f.verot),
        (
            ("valtionosuudet", "statsandelarna", "state subsidies"),
            f.vos,
        ),
        (
            ("toimintakate", "verksamhetsbidraget", "net operating cost"),
            f.toimintakate,
        ),
        (("vuosikate", "årsbidraget", "annual margin"), f.vuosikate),
        (
            (
                "bruttoinvestoinnit",
                "bruttoinvesteringarna",
                "gross investment",
            ),
            f.gross,
        ),
        (("lainat", "lånen", "loans"), loans),
        (("rahavarat", "kassan", "cash"), f.cash),
        (
            (
                "kertynyt ylijäämä",
                "det ackumulerade överskottet",
                "accumulated surplus",
            ),
            earlier + f.ylijaama,
        ),
    ] {
        if v.cents().unsigned_abs() > PLAUSIBLE_CENTS {
            return Err(ProjectionError::Scenario(ScenarioError {
                at: None,
                message: {
                    let v = r0(v.dec());
                    crate::text!(
                        "vuosi {t}, {fi}: ennuste {v} € ylittää 10^15 €, mihin minkään kunnan luvut eivät yllä; skenaarion kasvuvauhdit tai summat vievät sen sinne",
                        "år {t} skulle {sv} i prognosen vara {v} €, över 10^15 €, vilket ingen kommuns siffror når; scenariots takter eller belopp driver dit",
                        "in {t} the projected {en} would be {v} €, beyond 10^15 €, which no municipality's figures reach; the scenario's rates or amounts drive it there"
                    )
                },
            }));
        }
    }
    Ok(())
}

/// The plausibility bound, 10^15 €, in cents.
const PLAUSIBLE_CENTS: u64 = 10u64.pow(PLAUSIBLE_DIGITS + 2);

#[cfg(test)]
mod tests {
    use super::{HUNDRED, beyond_plan, ceil_cent, effective_rate, r2};
    use crate::model::cents::Cents;
    use crate::model::money::{Rule, round};
    use crate::model::scenario::MAX_AMOUNT;
    use rust_decimal::Decimal;

    fn bits(d: Decimal) -> ([u8; 16], String) {
        (d.serialize(), d.to_string())
    }

    /// Borrowing, interest and the effective rate beyond the plan in
    /// integers against the rust_decimal arithmetic they replace, bit for
    /// bit, over rates, stocks and shortfalls of every sign and size.
    #[test]
    fn integer_finance_is_the_decimal_one() {
        let mut x: u64 = 0x5DEE_CE66_D1CE_4E5B;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut checked = 0;
        for _ in 0..30_000 {
            let r = Decimal::new((next() % 90_000) as i64 - 5_000, 2 + (next() % 7) as u32);
            let money = |v: u64, w: u64| {
                let m = (v % 10u64.pow(1 + (w % 12) as u32)) as i64;
                Decimal::new(if w & 1 == 1 { -m } else { m }, (w >> 8) as u32 % 3)
            };
            let (stock, kk) = (money(next(), next()), money(next(), next()));
            let (cs, ck) = (Cents::of(stock).unwrap(), Cents::of(kk).unwrap());
            let i0 = r * stock / Decimal::TWO;
            let k = r / Decimal::TWO;
            let xx = kk + i0;
            let borrow = if xx > Decimal::ZERO && k < Decimal::ONE {
                ceil_cent(xx / (Decimal::ONE - k))
            } else {
                Decimal::ZERO
            };
            let interest = r2(i0 + k * borrow);
            if let Some((b, i)) = beyond_plan(r, cs, ck) {
                assert_eq!(
                    bits(b.dec()),
                    bits(borrow),
                    "borrowing at {r}, {stock}, {kk}"
                );
                assert_eq!(
                    bits(i.dec()),
                    bits(interest),
                    "interest at {r}, {stock}, {kk}"
                );
                checked += 1;
            }
            let before = Cents::of(stock.abs()).unwrap();
            let after = before + Cents::of(borrow).unwrap();
            let avg = (before.dec() + after.dec()) / Decimal::TWO;
            let ci = Cents::of(interest).unwrap();
            if let Some(e) = effective_rate(ci, before + after) {
                let want = round(HUNDRED * interest / avg, 2, Rule::HalfEven);
                assert_eq!(bits(e), bits(want), "rate of {interest} on {avg}");
            }
        }
        assert!(checked > 20_000, "{checked}");
    }

    /// The bound in cents is the scenario's bound on an amount.
    #[test]
    fn the_plausibility_bound_is_an_amounts() {
        assert_eq!(
            Decimal::from(super::PLAUSIBLE_CENTS) / Decimal::ONE_HUNDRED,
            MAX_AMOUNT
        );
    }
}
