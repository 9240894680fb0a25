//! The special functions the models need, for positive arguments only:
//! log-gamma, digamma and the log of a rising factorial.
//!
//! Written here rather than taken from a crate: three short series cover
//! every argument the likelihoods reach (parameters bounded away from 0 and
//! infinity by the optimiser), and a statistics crate would add more to the
//! `.wasm` than the models themselves.

/// Arguments are shifted up to here before the asymptotic series, where its
/// first omitted term is below 10⁻¹⁶.
const ASYMPTOTIC_FROM: f64 = 12.0;

/// ln Γ(x) for x > 0 (Stirling's series after shifting x to 10 or more).
pub fn ln_gamma(x: f64) -> f64 {
    let mut shifted = x;
    let mut product = 1.0;
    while shifted < ASYMPTOTIC_FROM {
        product *= shifted;
        shifted += 1.0;
    }
    let inverse = 1.0 / shifted;
    let inverse2 = inverse * inverse;
    // Bernoulli numbers B₂ₖ / (2k (2k − 1)) for k = 1..7.
    let coefficients =
        [1.0 / 12.0, -1.0 / 360.0, 1.0 / 1260.0, -1.0 / 1680.0, 1.0 / 1188.0, -691.0 / 360_360.0, 1.0 / 156.0];
    let series = inverse * coefficients.iter().rev().fold(0.0, |sum, c| sum * inverse2 + c);
    (shifted - 0.5) * shifted.ln() - shifted + 0.5 * (2.0 * std::f64::consts::PI).ln() + series - product.ln()
}

/// ψ(x) = d ln Γ(x) / dx for x > 0.
pub fn digamma(x: f64) -> f64 {
    let mut shifted = x;
    let mut sum = 0.0;
    while shifted < ASYMPTOTIC_FROM {
        sum -= 1.0 / shifted;
        shifted += 1.0;
    }
    let inverse2 = 1.0 / (shifted * shifted);
    // Bernoulli numbers B₂ₖ / 2k for k = 1..6.
    let coefficients = [1.0 / 12.0, -1.0 / 120.0, 1.0 / 252.0, -1.0 / 240.0, 1.0 / 132.0, -691.0 / 32_760.0];
    let series = inverse2 * coefficients.iter().rev().fold(0.0, |sum, c| sum * inverse2 + c);
    sum + shifted.ln() - 0.5 / shifted - series
}

/// Rising factorials up to this many factors are summed term by term; past
/// it, two log-gammas are closer than the rounding of a long sum.
const SUMMED_UP_TO: u32 = 64;

/// ln Γ(x + n) − ln Γ(x) = ln(x (x + 1) … (x + n − 1)) for x > 0, exact
/// for the small counts (repeat purchases) where the difference of two
/// log-gammas would lose digits.
pub fn ln_rising(x: f64, n: u32) -> f64 {
    if n <= SUMMED_UP_TO {
        (0..n).map(|k| (x + f64::from(k)).ln()).sum()
    } else {
        ln_gamma(x + f64::from(n)) - ln_gamma(x)
    }
}

/// ψ(x + n) − ψ(x) = Σ 1 / (x + k) for k < n: the derivative of
/// [`ln_rising`].
pub fn digamma_rising(x: f64, n: u32) -> f64 {
    if n <= SUMMED_UP_TO {
        (0..n).map(|k| 1.0 / (x + f64::from(k))).sum()
    } else {
        digamma(x + f64::from(n)) - digamma(x)
    }
}

/// ln(eᵘ + eᵛ) without overflow.
pub fn ln_add_exp(u: f64, v: f64) -> f64 {
    let (high, low) = if u >= v { (u, v) } else { (v, u) };
    high + (low - high).exp().ln_1p()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64, tolerance: f64) -> bool {
        (actual - expected).abs() <= tolerance * expected.abs().max(1.0)
    }

    #[test]
    fn log_gamma_at_known_points() {
        assert!(close(ln_gamma(1.0), 0.0, 1e-14), "the shift costs the rounding of ln 12!");
        assert!(close(ln_gamma(2.0), 0.0, 1e-14));
        assert!(close(ln_gamma(0.5), std::f64::consts::PI.sqrt().ln(), 1e-14));
        assert!(close(ln_gamma(10.0), 362_880f64.ln(), 1e-14));
        assert!(close(ln_gamma(171.5), 709.143_163_030_928_2, 1e-14));
        assert!(close(ln_gamma(1e-8), 18.420_680_738_180_21, 1e-14));
        assert!(close(ln_gamma(0.2426), 1.319_785_475_090_791_8, 1e-13));
    }

    #[test]
    fn digamma_at_known_points() {
        let euler = 0.577_215_664_901_532_9;
        assert!(close(digamma(1.0), -euler, 1e-14));
        assert!(close(digamma(0.5), -euler - 2.0 * std::f64::consts::LN_2, 1e-14));
        assert!(close(digamma(100.0), 4.600_161_852_738_087, 1e-14));
    }

    #[test]
    fn digamma_is_the_slope_of_log_gamma() {
        for x in [0.01, 0.3, 1.7, 6.0, 42.0] {
            let h = 1e-6 * x;
            let slope = (ln_gamma(x + h) - ln_gamma(x - h)) / (2.0 * h);
            assert!(close(digamma(x), slope, 1e-6), "x = {x}");
        }
    }

    #[test]
    fn rising_factorials_agree_both_ways() {
        for (x, n) in [(0.2426, 3), (2.5, 64), (2.5, 65), (0.7, 200)] {
            let direct = ln_gamma(x + f64::from(n)) - ln_gamma(x);
            assert!(close(ln_rising(x, n), direct, 1e-12), "x = {x}, n = {n}");
            let slope = digamma(x + f64::from(n)) - digamma(x);
            assert!(close(digamma_rising(x, n), slope, 1e-12), "x = {x}, n = {n}");
        }
        assert_eq!(ln_rising(3.0, 0), 0.0);
    }

    #[test]
    fn log_add_exp_neither_overflows_nor_loses_the_small_term() {
        assert!(close(ln_add_exp(1000.0, 1000.0), 1000.0 + std::f64::consts::LN_2, 1e-15));
        assert!(close(ln_add_exp(-1000.0, 0.0), 0.0, 1e-15));
        assert!(close(ln_add_exp(0.0, 0.0), std::f64::consts::LN_2, 1e-15));
    }
}
