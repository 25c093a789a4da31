//! Numbers for SVG attributes, written with integer arithmetic only. Rust's float formatting
//! (`{}` or `{:.1}` on an `f64`) links several kilobytes of shortest-representation code into
//! the app's wasm; drawing coordinates need a fixed number of decimals and nothing more.

/// `value` rounded to `places` decimals (at most 6), without trailing zeros: `12.5`, `-3`,
/// `0.125`. A value that is not finite is written as `0`.
pub fn decimal(value: f64, places: u32) -> String {
    let places = places.min(6);
    let scale = 10_i64.pow(places);
    let scaled = value * scale as f64;
    if !scaled.is_finite() || scaled.abs() >= i64::MAX as f64 {
        return "0".to_owned();
    }
    let scaled = scaled.round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let whole = scaled.unsigned_abs() / scale as u64;
    let mut fraction = scaled.unsigned_abs() % scale as u64;
    let mut digits = places as usize;
    while digits > 0 && fraction.is_multiple_of(10) {
        fraction /= 10;
        digits -= 1;
    }
    if digits == 0 {
        if whole == 0 {
            return "0".to_owned();
        }
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction:0digits$}")
    }
}

/// A drawing coordinate or size: a tenth of a unit is finer than any screen shows.
pub fn units(value: f64) -> String {
    decimal(value, 1)
}

/// `value` kept within `low..=high`; `high` wins when the two cross. Unlike `f64::clamp` it
/// never panics (a narrow frame can make the bounds cross), and it links no float formatting
/// for a panic message.
pub fn within(value: f64, low: f64, high: f64) -> f64 {
    value.max(low).min(high)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_a_reader_expects() {
        assert_eq!(units(0.0), "0");
        assert_eq!(units(-0.04), "0");
        assert_eq!(units(12.0), "12");
        assert_eq!(units(12.25), "12.3");
        assert_eq!(units(-3.96), "-4");
        assert_eq!(units(-0.5), "-0.5");
        assert_eq!(units(1600.04), "1600");
        assert_eq!(decimal(0.125, 3), "0.125");
        assert_eq!(decimal(-0.275, 3), "-0.275");
        assert_eq!(decimal(0.05, 3), "0.05");
        assert_eq!(decimal(2.0, 4), "2");
        assert_eq!(decimal(0.84375, 4), "0.8438");
        assert_eq!(units(f64::NAN), "0");
        assert_eq!(units(f64::INFINITY), "0");
        assert_eq!(units(1e300), "0");
    }

    #[test]
    fn within_never_panics() {
        assert_eq!(within(5.0, 0.0, 10.0), 5.0);
        assert_eq!(within(-5.0, 0.0, 10.0), 0.0);
        assert_eq!(within(50.0, 0.0, 10.0), 10.0);
        assert_eq!(within(5.0, 10.0, 0.0), 0.0);
        assert_eq!(within(f64::NAN, 0.0, 10.0), 0.0);
    }

    #[test]
    fn reads_back_within_half_a_step() {
        let mut value = -5000.0_f64;
        while value < 5000.0 {
            for places in 0..=4 {
                let written = decimal(value, places);
                let back: f64 = written.parse().expect("a number");
                let step = 0.5 / 10_f64.powi(places as i32);
                assert!((back - value).abs() <= step + 1e-9, "{value} as {written}");
                assert!(
                    !written.ends_with('.') && !(written.contains('.') && written.ends_with('0'))
                );
            }
            value += 13.377;
        }
    }
}
