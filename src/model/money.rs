//! The rounding rule for money and the figures made from it.
//!
//! Every figure kivijalka makes is rounded half away from zero (0.005 →
//! 0.01, −0.005 → −0.01), the rule of Finnish accounting and of Excel's
//! ROUND. `round` gives exactly what rust_decimal's `round_dp_with_strategy`
//! gives, bit for bit (scale and the sign of a zero included; a test compares
//! the two), with one 128-bit division instead of rust_decimal's loops of
//! 32-bit ones: the projection rounds every line every year, and a
//! simulation projects ten thousand times.

use rust_decimal::Decimal;

const POW10: [u128; 29] = {
    let mut p = [1u128; 29];
    let mut i = 1;
    while i < 29 {
        p[i] = p[i - 1] * 10;
        i += 1;
    }
    p
};

/// How the last kept digit is chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// 0.5 → 1, −0.5 → −1: money and every reported figure.
    HalfAway,
    /// 0.5 → 0, 1.5 → 2 (rust_decimal's `round_dp`): intermediate figures
    /// such as an effective interest rate.
    HalfEven,
    /// Any remainder → the next digit away from zero: borrowing rounded up
    /// to the cent, so that cash never falls short by a fraction.
    Up,
}

/// `v` rounded to `dp` decimals by `rule`; a figure with `dp` decimals or
/// fewer is returned as it is. Equal, bit for bit, to rust_decimal's
/// `round_dp_with_strategy` with the matching strategy.
pub fn round(v: Decimal, dp: u32, rule: Rule) -> Decimal {
    let scale = v.scale();
    if scale <= dp {
        return v;
    }
    let mag = v.mantissa().unsigned_abs();
    let d = POW10[(scale - dp) as usize];
    let mut q = mag / d;
    let r = mag - q * d;
    // r < d ≤ 10^28, and 2 · 10^28 fits in 128 bits.
    let up = match rule {
        Rule::HalfAway => 2 * r >= d,
        Rule::HalfEven => 2 * r > d || (2 * r == d && q % 2 == 1),
        Rule::Up => r != 0,
    };
    if up {
        q += 1;
    }
    // q is at most the mantissa rounded up, which stays within 96 bits.
    let mut out = Decimal::from_i128_with_scale(q as i128, dp);
    // A figure that rounds to zero is +0; a zero keeps its sign (as in
    // rust_decimal, which the reports' "−0" or "0" follow).
    if v.is_sign_negative() && (q != 0 || mag == 0) {
        out.set_sign_negative(true);
    }
    out
}

/// `v` rounded to `dp` decimals, half away from zero.
pub fn round_half_away(v: Decimal, dp: u32) -> Decimal {
    round(v, dp, Rule::HalfAway)
}

/// A figure as a float, for statistics only (percentiles of simulated
/// paths): the nearest float to the exact value when the figure has at most
/// 15 significant digits and 22 decimals, which is every money figure;
/// rust_decimal's conversion otherwise.
pub fn to_f64(v: Decimal) -> f64 {
    const POW10F: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let m = v.mantissa();
    let s = v.scale() as usize;
    if m.unsigned_abs() <= 1 << 53 && s < POW10F.len() {
        // Both exact, and IEEE division rounds the quotient correctly.
        m as f64 / POW10F[s]
    } else {
        use rust_decimal::prelude::ToPrimitive;
        v.to_f64().unwrap_or_default()
    }
}

/// To the cent.
pub fn cents(v: Decimal) -> Decimal {
    round_half_away(v, 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::RoundingStrategy;

    fn same(v: Decimal, dp: u32) {
        for (rule, strategy) in [
            (Rule::HalfAway, RoundingStrategy::MidpointAwayFromZero),
            (Rule::HalfEven, RoundingStrategy::MidpointNearestEven),
            (Rule::Up, RoundingStrategy::AwayFromZero),
        ] {
            let want = v.round_dp_with_strategy(dp, strategy);
            let got = round(v, dp, rule);
            assert_eq!(
                (got.serialize(), got.to_string()),
                (want.serialize(), want.to_string()),
                "{v} to {dp} decimals, {rule:?}"
            );
        }
    }

    #[test]
    fn equals_rust_decimal_bit_for_bit() {
        // Midpoints, zeros of both signs, the largest mantissas and scales.
        for s in [
            "0",
            "-0",
            "0.005",
            "-0.005",
            "0.015",
            "-0.015",
            "2.5",
            "-2.5",
            "0.49999",
            "1234567.125",
            "-1234567.125",
            "0.0000000000000000000000000005",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "7.9228162514264337593543950335",
            "-0.0000000000000000000000000001",
            "99.995",
            "-99.994999",
        ] {
            let v: Decimal = s.parse().unwrap();
            for dp in 0..=6 {
                same(v, dp);
            }
        }
        let mut neg_zero = Decimal::new(0, 5);
        neg_zero.set_sign_negative(true);
        for dp in 0..=6 {
            same(neg_zero, dp);
        }
        // Quotients and products as the projection makes them, at every scale.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let lo = x as u32;
            let mid = (x >> 32) as u32;
            let hi = (x.rotate_left(17) as u32) >> (x % 32);
            let scale = (x % 29) as u32;
            let v = Decimal::from_parts(lo, mid, hi, x & 1 == 1, scale);
            let dp = ((x >> 40) % 5) as u32;
            same(v, dp);
            if let Some(q) = v.checked_div(Decimal::new(3650, 1 + (x % 3) as u32)) {
                same(q, dp);
            }
        }
    }

    #[test]
    fn to_f64_is_the_nearest_float() {
        // Rust's parser gives the float nearest to a decimal text.
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = Decimal::from_parts(
                x as u32,
                ((x >> 32) as u32) >> (x % 32),
                if x.is_multiple_of(7) {
                    (x >> 50) as u32
                } else {
                    0
                },
                x & 1 == 1,
                (x % 29) as u32,
            );
            let want: f64 = v.to_string().parse().unwrap();
            let got = to_f64(v);
            if v.mantissa().unsigned_abs() <= 1 << 53 && v.scale() <= 22 {
                assert_eq!(got.to_bits(), want.to_bits(), "{v}");
            } else {
                assert!((got - want).abs() <= want.abs() * 1e-15, "{v}");
            }
        }
    }
}
