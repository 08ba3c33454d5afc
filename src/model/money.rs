//! The rounding rule for money and the figures made from it.
//!
//! Every figure kivijalka makes is rounded half away from zero (0.005 →
//! 0.01, −0.005 → −0.01), the rule of Finnish accounting and of Excel's
//! ROUND. `round_half_away` gives exactly what rust_decimal's
//! `round_dp_with_strategy(dp, MidpointAwayFromZero)` gives, bit for bit
//! (scale and the sign of a zero included; a test compares the two), with one
//! 128-bit division instead of rust_decimal's loops of 32-bit ones: the
//! projection rounds every line every year, and a simulation projects ten
//! thousand times.

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

/// `v` rounded to `dp` decimals, half away from zero. A figure with `dp`
/// decimals or fewer is returned as it is.
pub fn round_half_away(v: Decimal, dp: u32) -> Decimal {
    let scale = v.scale();
    if scale <= dp {
        return v;
    }
    let m = v.mantissa();
    let mag = m.unsigned_abs();
    let d = POW10[(scale - dp) as usize];
    let mut q = mag / d;
    let r = mag - q * d;
    // r < d ≤ 10^28 and 2 · 10^28 fits in 128 bits.
    if 2 * r >= d {
        q += 1;
    }
    // q ≤ the mantissa, which fits in 96 bits.
    let mut out = Decimal::from_i128_with_scale(q as i128, dp);
    // A figure that rounds to zero is +0; a zero keeps its sign (as in
    // rust_decimal, which the reports' "−0" or "0" follow).
    if v.is_sign_negative() && (q != 0 || mag == 0) {
        out.set_sign_negative(true);
    }
    out
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
        let want = v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
        let got = round_half_away(v, dp);
        assert_eq!(
            (got.serialize(), got.to_string()),
            (want.serialize(), want.to_string()),
            "{v} to {dp} decimals"
        );
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
}
