//! Rounding to the element types, as the language defines it: to nearest,
//! ties to even, once (an f64 rounded to f16 does not go through f32,
//! whose own rounding could land on an f16 tie and round the wrong way).

/// `v` rounded to the nearest f16 value (ties to even), as an f64:
/// ±inf beyond the f16 range, NaN stays NaN, subnormals kept.
pub fn round_f16(v: f64) -> f64 {
    if !v.is_finite() || v == 0.0 {
        return v;
    }
    let a = v.abs();
    // 65504 is the largest f16; halfway to the next step (65536) is 65520.
    if a >= 65520.0 {
        return f64::INFINITY.copysign(v);
    }
    // Exponent of `a` from its bits (exact, unlike log2); f16 normals have
    // 10 fraction bits, subnormals a fixed step of 2^-24.
    let e = ((a.to_bits() >> 52) as i64 - 1023).max(-14);
    let step = 2f64.powi((e - 10) as i32);
    // Division and multiplication by a power of two are exact.
    ((a / step).round_ties_even() * step).copysign(v)
}

/// `v` rounded to the nearest f32 value, as an f64.
pub fn round_f32(v: f64) -> f64 {
    v as f32 as f64
}

#[cfg(test)]
mod tests {
    use super::round_f16;

    #[test]
    fn rounds_once_to_nearest_even() {
        // Above the tie between 1 and 1 + 2^-10 by 2^-40: up (through f32
        // it would be the tie, rounding to even 1.0).
        let x = 1.0 + 2f64.powi(-11) + 2f64.powi(-40);
        assert_eq!(round_f16(x), 1.0 + 2f64.powi(-10));
        assert_eq!(round_f16(-x), -(1.0 + 2f64.powi(-10)));
        // Exact ties go to even.
        assert_eq!(round_f16(1.0 + 2f64.powi(-11)), 1.0);
        assert_eq!(
            round_f16(1.0 + 3.0 * 2f64.powi(-11)),
            1.0 + 2.0 * 2f64.powi(-10)
        );
        assert_eq!(round_f16(65504.0), 65504.0);
        assert_eq!(round_f16(65519.99), 65504.0);
        assert_eq!(round_f16(65520.0), f64::INFINITY);
        assert_eq!(round_f16(2f64.powi(-24)), 2f64.powi(-24));
        assert_eq!(round_f16(2f64.powi(-26)), 0.0);
        assert_eq!(round_f16(3.0 * 2f64.powi(-26)), 2f64.powi(-24));
        assert!(round_f16(f64::NAN).is_nan());
        assert_eq!(round_f16(0.1), 0.0999755859375);
    }

    #[test]
    fn agrees_with_f32_rounding_where_that_is_single() {
        // For f32 inputs (one rounding), the half crate's conversion is
        // the reference.
        let mut x = 1.0e-9f32;
        while x < 7.0e4 {
            for v in [x, -x, x * 1.000_123] {
                let want = half::f16::from_f32(v).to_f64();
                assert_eq!(round_f16(v as f64), want, "{v}");
            }
            x *= 1.037;
        }
    }
}
