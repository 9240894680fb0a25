//! The shifted-beta-geometric model against the two published cohorts of
//! Fader & Hardie (2007), "How to project customer retention" (`predict.md`
//! §5): 1,000 customers each, α, β and the log-likelihood to the digits the
//! paper prints.

use retention_metrics::predict::sbg::{fit, Cohort, Sbg};

const REGULAR: [f64; 8] = [100.0, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1];
const HIGH_END: [f64; 8] = [100.0, 86.9, 74.3, 65.3, 59.3, 55.1, 51.7, 49.1];

fn of_1000(percent: &[f64]) -> Cohort {
    Cohort { survivors: percent.iter().map(|p| (p * 10.0_f64).round()).collect() }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn the_regular_and_high_end_cohorts_give_the_papers_parameters() {
    for (series, alpha, beta, ll) in [(REGULAR, 0.704, 1.182, -1680.27), (HIGH_END, 0.668, 3.806, -1611.16)] {
        let found = fit(&[of_1000(&series)]);
        assert!(found.converged);
        assert!((found.params.alpha - alpha).abs() < 5e-4, "α {} vs {alpha}", found.params.alpha);
        assert!((found.params.beta - beta).abs() < 5e-4, "β {} vs {beta}", found.params.beta);
        assert!((found.log_likelihood - ll).abs() < 5e-3, "LL {} vs {ll}", found.log_likelihood);
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn cohorts_fitted_together_add_their_likelihoods() {
    let both = fit(&[of_1000(&REGULAR), of_1000(&HIGH_END)]);
    let apart = [fit(&[of_1000(&REGULAR)]), fit(&[of_1000(&HIGH_END)])];
    // One (α, β) for both cannot beat each its own.
    assert!(both.log_likelihood < apart[0].log_likelihood + apart[1].log_likelihood);
    assert!(both.converged);
    // A cohort observed for fewer periods counts only the periods it has.
    let short = fit(&[of_1000(&REGULAR[..4])]);
    assert!(short.converged && short.params.alpha > 0.0);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn the_projection_follows_the_papers_regular_cohort() {
    // With the paper's α and β the model's survival after 7 years is near the 24.1 % observed.
    let model = Sbg { alpha: 0.704, beta: 1.182 };
    let survival = model.survival(12);
    assert!((survival[7] * 100.0 - 24.1).abs() < 1.0, "{}", survival[7]);
    // Retention rises every period: the members likely to leave go first.
    assert!((1..12).all(|t| model.retention(t + 1) > model.retention(t)));
    assert_eq!(model.expected_lifetime(), None, "α < 1: the mean has no end");
    let discounted = model.discounted_residual_lifetime(0, 0.1).unwrap();
    assert!(discounted > 1.0 && discounted < 10.0, "{discounted}");
}
