//! What must hold for the models at any parameters and any history
//! (`predict.md`, sections 2–4): P(alive) is a probability and 1 without
//! repeat purchases; it falls as a silence grows; expected purchases are
//! finite, never negative and grow with the horizon; a customer's value
//! grows with the horizon and falls with the discount; Gamma-Gamma's
//! expected spend lies between the population's and the customer's own
//! mean. (Native only: proptest needs the host's randomness.)
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use retention_metrics::predict::bgnbd::BgNbd;
use retention_metrics::predict::gamma_gamma::GammaGamma;
use retention_metrics::predict::value::predicted_value;
use retention_metrics::predict::History;

/// A positive parameter across the range a fit can give, log-uniform.
fn parameter() -> impl Strategy<Value = f64> {
    (-8.0f64..8.0).prop_map(|log| 10f64.powf(log))
}

fn model() -> impl Strategy<Value = BgNbd> {
    (parameter(), parameter(), parameter(), parameter()).prop_map(|(r, alpha, a, b)| BgNbd { r, alpha, a, b })
}

/// A history of up to 300 repeat purchases over up to 10 years, x = 200
/// and T = 0 among them.
fn history() -> impl Strategy<Value = History> {
    (0u32..300, 0.0f64..=1.0, prop_oneof![Just(0.0), 0.0f64..520.0]).prop_map(|(x, share, t)| History {
        x,
        t_x: if x == 0 { 0.0 } else { share * t },
        t,
        monetary: 0.0,
        holdout_x: 0,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn p_alive_is_a_probability_and_one_without_repeat_purchases(model in model(), h in history()) {
        let p = model.p_alive(&h);
        prop_assert!((0.0..=1.0).contains(&p), "{p}");
        if h.x == 0 {
            prop_assert_eq!(p, 1.0);
        }
    }

    #[test]
    fn a_longer_silence_never_raises_p_alive(model in model(), h in history(), more in 0.0f64..100.0) {
        let later = History { t: h.t + more, ..h };
        prop_assert!(model.p_alive(&later) <= model.p_alive(&h) + 1e-12);
    }

    #[test]
    fn expected_purchases_are_finite_and_grow_with_the_horizon(model in model(), h in history(), t in 0.0f64..520.0, more in 0.0f64..520.0) {
        let (now, later) = (model.expected_purchases(&h, t), model.expected_purchases(&h, t + more));
        prop_assert!(now.is_finite() && later.is_finite() && now >= 0.0, "{now} {later}");
        // Within 10⁻⁶: at the far edges of the parameters the integral
        // takes over from the series, good to about seven digits.
        prop_assert!(later >= now * (1.0 - 1e-6) - 1e-12, "{now} then {later}");
    }

    #[test]
    fn value_grows_with_the_horizon_and_falls_with_the_discount(
        model in model(), h in history(), months in 1u32..60, discount in 0.0f64..0.2,
    ) {
        let value = predicted_value(&model, &h, 10.0, months, discount);
        prop_assert!(value.is_finite() && value >= 0.0);
        prop_assert!(predicted_value(&model, &h, 10.0, months + 1, discount) >= value * (1.0 - 1e-6) - 1e-12);
        prop_assert!(predicted_value(&model, &h, 10.0, months, discount + 0.05) <= value * (1.0 + 1e-6) + 1e-12);
    }

    #[test]
    fn expected_spend_lies_between_the_populations_and_the_customers_own(
        p in 0.1f64..50.0, q in 1.01f64..50.0, gamma in 0.1f64..1000.0, x in 1u32..300, mean in 0.01f64..1000.0,
    ) {
        let model = GammaGamma { p, q, gamma };
        let population = model.population_spend().unwrap();
        let expected = model.expected_spend(x, mean);
        let (low, high) = if population < mean { (population, mean) } else { (mean, population) };
        prop_assert!(expected >= low * (1.0 - 1e-12) && expected <= high * (1.0 + 1e-12), "{low} ≤ {expected} ≤ {high}");
    }
}
