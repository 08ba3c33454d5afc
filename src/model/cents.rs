//! Money inside the projection's step: a whole number of cents in an
//! `i64`, with the scale and the sign of a zero that rust_decimal would
//! have given the same figure, so that a figure made in cents and turned
//! back into a `Decimal` at the edge (`Cents::dec`) is the one the decimal
//! arithmetic made, bit for bit: the reports print the scale ("12.5" and
//! "12.50" differ in JSON) and a negative zero.
//!
//! Each operation is the rust_decimal operation it stands for, followed by
//! the step's rounding to the cent (`money::round`, half away from zero),
//! and a test holds every one equal to that decimal arithmetic over random
//! figures. Where an integer result could differ from rust_decimal's (a
//! product past 96 bits, a quotient whose exact value is a whole number of
//! cents, a divisor too long for the rounding argument in `div_cents`), the
//! operation computes in rust_decimal instead: exact, and rare.
//!
//! Sums saturate at the i64 bounds, 92 000 000 000 000 000 €, far past the
//! projection's plausibility bound of 10^15 €, which stops a path first.

use rust_decimal::Decimal;

use crate::model::money::{Rule, round};

const POW10: [i128; 39] = {
    let mut p = [1i128; 39];
    let mut i = 1;
    while i < 39 {
        p[i] = p[i - 1] * 10;
        i += 1;
    }
    p
};

/// The largest mantissa a Decimal holds.
const MAX_MANTISSA: i128 = (1i128 << 96) - 1;

trait WithSign {
    fn with_sign(self, negative: bool) -> Self;
}
impl WithSign for Decimal {
    /// The sign set as given, a zero's too (`from_parts` makes a zero +0).
    fn with_sign(mut self, negative: bool) -> Decimal {
        self.set_sign_negative(negative);
        self
    }
}

/// A money figure: `c` cents, printed with `s` decimals (what rust_decimal
/// carried), and for a zero the sign it carried.
#[derive(Clone, Copy, Debug, Default)]
pub struct Cents {
    c: i64,
    s: u8,
    neg_zero: bool,
}

impl PartialEq for Cents {
    fn eq(&self, o: &Cents) -> bool {
        self.c == o.c
    }
}
impl Eq for Cents {}
impl PartialOrd for Cents {
    fn partial_cmp(&self, o: &Cents) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
/// By value, as rust_decimal compares (0 = −0, 1.0 = 1.00).
impl Ord for Cents {
    fn cmp(&self, o: &Cents) -> std::cmp::Ordering {
        self.c.cmp(&o.c)
    }
}

impl Cents {
    /// Zero as `Decimal::ZERO`: scale 0, positive.
    pub const ZERO: Cents = Cents {
        c: 0,
        s: 0,
        neg_zero: false,
    };

    /// The figure in cents, when it is a whole number of cents within the
    /// i64 range; `None` for a fraction of a cent or beyond.
    pub fn of(d: Decimal) -> Option<Cents> {
        let s = d.scale();
        let m = d.mantissa();
        let c = if s <= 2 {
            m.checked_mul(POW10[(2 - s) as usize])?
        } else {
            let p = POW10[(s - 2) as usize];
            if m % p != 0 {
                return None;
            }
            m / p
        };
        let c = i64::try_from(c).ok()?;
        Some(Cents {
            c,
            s: s as u8,
            neg_zero: c == 0 && d.is_sign_negative(),
        })
    }

    /// The Decimal this figure stands for, with its scale and sign.
    pub fn dec(self) -> Decimal {
        if self.s <= 2 {
            // The common case, in 64 bits: a figure of at most two decimals.
            let m = match self.s {
                2 => self.c.unsigned_abs(),
                1 => self.c.unsigned_abs() / 10,
                _ => self.c.unsigned_abs() / 100,
            };
            let neg = self.c < 0 || self.neg_zero;
            return Decimal::from_parts(m as u32, (m >> 32) as u32, 0, false, self.s as u32)
                .with_sign(neg);
        }
        let (mut m, mut s) = self.mantissa();
        // A scale past what 96 bits hold at this size: rust_decimal would
        // have dropped the trailing zeros, which changes no value.
        while m.abs() > MAX_MANTISSA && s > 0 {
            m /= 10;
            s -= 1;
        }
        let d = Decimal::try_from_i128_with_scale(m, s).unwrap_or(if m < 0 {
            Decimal::MIN
        } else {
            Decimal::MAX
        });
        d.with_sign(m < 0 || self.neg_zero)
    }

    /// The Decimal's mantissa and scale.
    fn mantissa(self) -> (i128, u32) {
        let s = self.s as u32;
        let m = if s <= 2 {
            // In 64 bits: a 128-bit division is a library call.
            i128::from(self.c / [100, 10, 1][s as usize])
        } else {
            i128::from(self.c).saturating_mul(POW10[(s - 2) as usize])
        };
        (m, s)
    }

    /// The larger; of two equal figures the first, as `Decimal::max`
    /// keeps it (its scale and sign).
    pub fn max(self, o: Cents) -> Cents {
        if self < o { o } else { self }
    }

    /// The smaller; of two equal figures the first, as `Decimal::min`.
    pub fn min(self, o: Cents) -> Cents {
        if self > o { o } else { self }
    }

    pub fn is_zero(self) -> bool {
        self.c == 0
    }

    /// `c` cents printed with two decimals: a figure rounded to the cent
    /// from a value with more (what `money::round` gives).
    pub fn two_places(c: i64) -> Cents {
        Cents::from_c(c, 2)
    }

    /// Whole cents, for comparisons and bounds.
    pub fn cents(self) -> i64 {
        self.c
    }

    /// A figure made by arithmetic: its zero is +0, as rust_decimal's is.
    fn from_c(c: i64, s: u8) -> Cents {
        Cents {
            c,
            s,
            neg_zero: false,
        }
    }

    /// `self + o` as rust_decimal adds: a zero operand gives the other one
    /// whole (its scale and sign), otherwise the larger scale, and a zero
    /// sum is +0.
    fn plus(self, o: Cents) -> Cents {
        if self.c == 0 {
            return o;
        }
        if o.c == 0 {
            return self;
        }
        let c = self.c.saturating_add(o.c);
        Cents::from_c(c, self.s.max(o.s))
    }

    /// `self - o` as rust_decimal subtracts: `0 - x` is `−x` (and `0 − 0`
    /// the right-hand zero as it is), `x − 0` is `x`.
    fn minus(self, o: Cents) -> Cents {
        if self.c == 0 {
            return if o.c == 0 { o } else { o.negated() };
        }
        if o.c == 0 {
            return self;
        }
        let c = self.c.saturating_sub(o.c);
        Cents::from_c(c, self.s.max(o.s))
    }

    /// `−self`; a zero changes its sign, as a Decimal's does.
    fn negated(self) -> Cents {
        Cents {
            c: -self.c,
            s: self.s,
            neg_zero: self.c == 0 && !self.neg_zero,
        }
    }

    /// To the cent, half away from zero (`money::cents`): a figure already
    /// in cents keeps its value, and its scale if at most two; a zero of a
    /// larger scale keeps its sign, as `money::round` keeps it.
    pub fn r2(self) -> Cents {
        if self.s <= 2 {
            return self;
        }
        Cents { s: 2, ..self }
    }

    /// `2 × self` as rust_decimal multiplies by `Decimal::TWO`.
    pub fn twice(self) -> Cents {
        if self.c == 0 {
            return Cents::ZERO;
        }
        Cents::from_c(self.c.saturating_mul(2), self.s)
    }

    /// The exact product `self × f₁ × f₂ …` as rust_decimal makes it, as a
    /// mantissa and scale, while no factor takes it past 96 bits or 28
    /// decimals (where rust_decimal would round it); `Some((0, 0))` for a
    /// zero factor, which makes the product `Decimal::ZERO`.
    fn exact(self, fs: &[Decimal]) -> Option<(i128, u32)> {
        let (mut m, mut s) = self.mantissa();
        for f in fs {
            if m == 0 || f.is_zero() {
                return Some((0, 0));
            }
            // Both within 96 bits, but i128's checked product is a library
            // call: below 2^63 each, the product cannot overflow.
            let fm = f.mantissa();
            m = if m.unsigned_abs() < 1 << 63 && fm.unsigned_abs() < 1 << 63 {
                m * fm
            } else {
                m.checked_mul(fm)?
            };
            s += f.scale();
            if s > 28 || m.abs() > MAX_MANTISSA {
                return None;
            }
        }
        Some((m, s))
    }

    /// `money::cents(self × f₁ × f₂ …)`, left to right: a product exact in
    /// 96 bits is rounded here; a longer one is made by rust_decimal, which
    /// rounds it.
    pub fn mul_cents(self, fs: &[Decimal]) -> Cents {
        match self.exact(fs) {
            Some((0, _)) => Cents::ZERO,
            Some((p, s)) => round_to_cents(p, s),
            None => Cents::round_of(fs.iter().fold(self.dec(), |p, f| p * f)),
        }
    }

    /// `money::cents(self × f₁ × f₂ … / d)`, as the decimal expression reads.
    pub fn mul_div_cents(self, fs: &[Decimal], d: Decimal) -> Cents {
        match self.exact(fs) {
            Some((0, _)) => Cents::ZERO,
            Some((p, s)) => div_cents(p, s, d),
            None => Cents::round_of(fs.iter().fold(self.dec(), |p, f| p * f) / d),
        }
    }

    /// `money::cents(self / d)`.
    pub fn div_cents(self, d: Decimal) -> Cents {
        let (m, s) = self.mantissa();
        div_cents(m, s, d)
    }

    /// A figure of the workbook or the scenario, or one the step made in
    /// rust_decimal: as it is when a whole number of cents, else rounded to
    /// the cent half away from zero, past the i64 range at its bound.
    pub fn from_dec(v: Decimal) -> Cents {
        Cents::of(v).unwrap_or_else(|| Cents::round_of(v))
    }

    /// The cents of a decimal figure rounded to the cent (`money::cents`).
    pub fn round_of(v: Decimal) -> Cents {
        let r = round(v, 2, Rule::HalfAway);
        Cents::of(r).unwrap_or(Cents {
            c: if r.is_sign_negative() {
                i64::MIN
            } else {
                i64::MAX
            },
            s: 2,
            neg_zero: false,
        })
    }
}

impl std::ops::Add for Cents {
    type Output = Cents;
    fn add(self, o: Cents) -> Cents {
        self.plus(o)
    }
}
impl std::ops::Sub for Cents {
    type Output = Cents;
    fn sub(self, o: Cents) -> Cents {
        self.minus(o)
    }
}
impl std::ops::Neg for Cents {
    type Output = Cents;
    fn neg(self) -> Cents {
        self.negated()
    }
}
impl std::ops::AddAssign for Cents {
    fn add_assign(&mut self, o: Cents) {
        *self = self.plus(o);
    }
}
impl std::ops::SubAssign for Cents {
    fn sub_assign(&mut self, o: Cents) {
        *self = self.minus(o);
    }
}
/// From `Cents::ZERO`, as a Decimal sum starts from `Decimal::ZERO`.
impl std::iter::Sum for Cents {
    fn sum<I: Iterator<Item = Cents>>(it: I) -> Cents {
        it.fold(Cents::ZERO, |a, b| a + b)
    }
}

/// A Decimal `p × 10^−ps` (exact, nonzero) to the cent, half away from zero,
/// with the scale and sign `money::round` gives.
fn round_to_cents(p: i128, ps: u32) -> Cents {
    if ps <= 2 {
        let c = p * POW10[(2 - ps) as usize];
        return Cents::from_c(clamp(c), ps as u8);
    }
    let (q, r, d) = divide(p.unsigned_abs(), POW10[(ps - 2) as usize] as u128);
    let q = if 2 * r >= d { q + 1 } else { q };
    Cents::from_c(clamp(if p < 0 { -(q as i128) } else { q as i128 }), 2)
}

/// Quotient, remainder and divisor; in 64 bits when both fit, several
/// times faster than a 128-bit division.
pub fn divide(a: u128, b: u128) -> (u128, u128, u128) {
    if let (Ok(a), Ok(b)) = (u64::try_from(a), u64::try_from(b)) {
        return (u128::from(a / b), u128::from(a % b), u128::from(b));
    }
    (a / b, a % b, b)
}

fn clamp(c: i128) -> i64 {
    c.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

/// `money::cents(n × 10^−ns / d)`. rust_decimal divides to 28 or more
/// significant digits and rounds there; the step then rounds to the cent.
/// With the quotient in cents `N / D` and D below 10^9, an exact value that
/// is not a half cent lies at least 1 / (2D) cents from one, far more than
/// rust_decimal's rounding error at that size (below 10^−9 cents for any
/// figure within the i64 range), so rounding the exact quotient gives the
/// same cent; a half cent itself is exact in both. A quotient that is a
/// whole number of cents takes its scale from how rust_decimal divides,
/// which is followed here only for an exact division of the mantissas;
/// otherwise, and for a longer divisor, rust_decimal divides.
fn div_cents(n: i128, ns: u32, d: Decimal) -> Cents {
    if d.is_zero() {
        // The caller tests for a zero divisor; a zero here is a bug, and a
        // zero figure is the answer that does not panic.
        return Cents::ZERO;
    }
    if n == 0 {
        return Cents::ZERO;
    }
    let (dm, ds) = (d.mantissa(), d.scale());
    let slow = || {
        let nd = Decimal::try_from_i128_with_scale(n, ns).unwrap_or_default();
        Cents::round_of(nd / d)
    };
    // Quotient in cents: n · 10^(2 + ds) / (dm · 10^ns).
    let (mut num, mut den) = (n, dm);
    let up = 2 + ds as i32 - ns as i32;
    if up >= 0 {
        match num.checked_mul(POW10[up as usize]) {
            Some(v) => num = v,
            None => return slow(),
        }
    } else {
        match den.checked_mul(POW10[(-up) as usize]) {
            Some(v) => den = v,
            None => return slow(),
        }
    }
    if den.abs() >= 1_000_000_000 {
        return slow();
    }
    let neg = (num < 0) != (den < 0);
    let (q, r, b) = divide(num.unsigned_abs(), den.unsigned_abs());
    if r != 0 {
        let q = (if 2 * r >= b { q + 1 } else { q }) as i128;
        return Cents::from_c(clamp(if neg { -q } else { q }), 2);
    }
    // A whole number of cents: rust_decimal's scale is ns − ds when the
    // mantissas divide exactly at a scale not below zero.
    if ns >= ds && n % dm == 0 {
        let qm = n / dm;
        let qs = ns - ds;
        let c = if qs <= 2 {
            qm * POW10[(2 - qs) as usize]
        } else {
            qm / POW10[(qs - 2) as usize]
        };
        return Cents::from_c(clamp(c), qs.min(2) as u8);
    }
    slow()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::money::cents;

    fn bits(d: Decimal) -> ([u8; 16], String) {
        (d.serialize(), d.to_string())
    }

    struct Gen(u64);
    impl Gen {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        /// A money figure as the step meets them: cents of every size
        /// and scale, zeros of both signs, whole euros.
        fn money(&mut self) -> Decimal {
            let x = self.next();
            let digits = x % 16;
            let m = (self.next() % 10u64.pow(digits as u32 + 1)) as i64;
            let m = if x & 1 == 1 { -m } else { m };
            let scale = match x >> 8 & 7 {
                0 | 1 => 0,
                2 => 1,
                3..=5 => 2,
                6 => 3,
                _ => 4,
            };
            // Whole cents: an integer's last two digits as the cents.
            let mut d = Decimal::new(m, 2);
            if scale < 2 {
                d = d.trunc();
            }
            d.rescale(scale);
            if m == 0 && x >> 12 & 1 == 1 {
                d.set_sign_negative(true);
            }
            d
        }
        /// A factor as the step meets them: a growth, a rate, a share.
        fn factor(&mut self) -> Decimal {
            let x = self.next();
            let m = (self.next() % 10u64.pow((x % 9) as u32 + 1)) as i64;
            let m = if x & 1 == 1 { -m } else { m };
            match x >> 4 & 3 {
                0 => Decimal::ONE + Decimal::new(m, (x >> 6) as u32 % 8),
                1 => Decimal::new(m, (x >> 6) as u32 % 10),
                2 => Decimal::ONE / Decimal::new(m.abs().max(1) + 7, 2),
                _ => Decimal::new(m % 400 + 1, (x >> 6) as u32 % 3),
            }
        }
    }

    #[test]
    fn conversion_is_exact_both_ways() {
        let mut g = Gen(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let d = g.money();
            let c = Cents::of(d).expect("a money figure");
            assert_eq!(bits(c.dec()), bits(d), "{d}");
        }
        assert!(Cents::of(Decimal::new(1, 3)).is_none());
        assert!(Cents::of(Decimal::MAX).is_none());
    }

    #[test]
    fn sums_and_roundings_are_rust_decimals() {
        let mut g = Gen(0x2545_F491_4F6C_DD1D);
        for _ in 0..50_000 {
            let (a, b) = (g.money(), g.money());
            // Equal magnitudes now and then, for the sign of a zero sum.
            let b = if g.next().is_multiple_of(8) { -a } else { b };
            let (ca, cb) = (Cents::of(a).unwrap(), Cents::of(b).unwrap());
            assert_eq!(bits((ca + cb).dec()), bits(a + b), "{a} + {b}");
            assert_eq!(bits((ca - cb).dec()), bits(a - b), "{a} - {b}");
            assert_eq!(bits((-ca).dec()), bits(-a), "-{a}");
            assert_eq!(bits(ca.r2().dec()), bits(cents(a)), "cents({a})");
            assert_eq!(ca.cmp(&cb), a.cmp(&b));
            assert_eq!(bits(ca.twice().dec()), bits(Decimal::TWO * a));
            assert_eq!(bits(ca.min(cb).dec()), bits(a.min(b)));
            assert_eq!(bits(ca.max(cb).dec()), bits(a.max(b)));
        }
    }

    #[test]
    fn products_and_quotients_are_rust_decimals() {
        let mut g = Gen(0x1234_5678_9ABC_DEF1);
        for _ in 0..50_000 {
            let (a, f, d, e) = (g.money(), g.factor(), g.factor(), g.factor());
            let ca = Cents::of(a).unwrap();
            // Past the i64 range the step saturates (the plausibility
            // bound stops a path long before).
            let fits = |v: Decimal| Cents::of(cents(v)).is_some();
            if !a.checked_mul(f).is_some_and(fits) {
                continue;
            }
            assert_eq!(
                bits(ca.mul_cents(&[f]).dec()),
                bits(cents(a * f)),
                "{a} × {f}"
            );
            if let Some(p) = a
                .checked_mul(f)
                .and_then(|p| p.checked_mul(e))
                .filter(|p| fits(*p))
            {
                assert_eq!(
                    bits(ca.mul_cents(&[f, e]).dec()),
                    bits(cents(p)),
                    "{a} × {f} × {e}"
                );
            }
            if !d.is_zero() && a.checked_div(d).is_some_and(fits) {
                assert_eq!(bits(ca.div_cents(d).dec()), bits(cents(a / d)), "{a} / {d}");
                if let Some(p) = a
                    .checked_mul(f)
                    .and_then(|p| p.checked_div(d))
                    .filter(|p| fits(*p))
                {
                    assert_eq!(
                        bits(ca.mul_div_cents(&[f], d).dec()),
                        bits(cents(p)),
                        "{a} × {f} / {d}"
                    );
                }
            }
        }
    }
}
