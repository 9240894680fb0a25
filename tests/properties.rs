//! Whatever is typed, the engine answers with a finite value or a named
//! error: never NaN, never ∞, never a panic. (Native only: proptest needs
//! the host's randomness.)
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use retention_metrics::{catalog, compute, ComputeOptions, Locale, RawInputs, RawValue};

fn any_input() -> impl Strategy<Value = Option<RawValue>> {
    prop_oneof![
        Just(None),
        any::<f64>().prop_map(|v| Some(RawValue::Number(v))),
        (0.0..1e13f64).prop_map(|v| Some(RawValue::Number(v))),
        (0u32..2000).prop_map(|v| Some(RawValue::Number(v as f64))),
        "[-0-9 ,.$%zł€]{0,12}".prop_map(|s| Some(RawValue::Text(s))),
        ".{0,8}".prop_map(|s| Some(RawValue::Text(s))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn results_are_finite_or_named_errors(metric in 0usize..20, values in prop::collection::vec(any_input(), 5), locale in prop_oneof![Just(None), Just(Some(Locale::En)), Just(Some(Locale::Pl))]) {
        let metrics = catalog(Locale::En);
        let metric = &metrics[metric % metrics.len()];
        let raw: RawInputs = metric.inputs.iter().zip(values).map(|(input, v)| (input.id.to_string(), v)).collect();
        let options = ComputeOptions { locale, ..Default::default() };
        match compute(metric.id, &raw, &options) {
            Ok(result) => {
                prop_assert!(result.value.is_finite(), "{} gave {}", metric.id, result.value);
                prop_assert!(!result.display.contains("NaN") && !result.display.contains("inf"));
                let clean = result.steps.iter().all(|s| !s.contains("NaN") && !s.contains('{'));
                prop_assert!(clean, "{:?}", result.steps);
            }
            Err(rejected) => {
                prop_assert!(!rejected.errors.is_empty());
                for error in &rejected.errors {
                    prop_assert!(metric.inputs.iter().any(|i| i.id == error.field), "unknown field {}", error.field);
                    // What the person typed is quoted “like this”; outside the quotes no placeholder may remain.
                    let outside_quotes: String = error.message.split('“').map(|part| part.rsplit('”').next().unwrap_or(part)).collect();
                    let readable = !error.message.is_empty() && !outside_quotes.contains('{');
                    prop_assert!(readable, "{}", error.message);
                }
            }
        }
    }

    #[test]
    fn the_number_reader_never_panics(text in ".{0,20}") {
        if let Ok(value) = retention_metrics::read_number(&text, None) {
            prop_assert!(value.is_finite());
        }
    }
}
