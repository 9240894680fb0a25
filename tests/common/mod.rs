//! Helpers shared by the integration tests: build inputs, compute, and
//! assert with `#[track_caller]` so a failure points at the test line.
#![allow(dead_code)] // Each test binary uses a different subset.

use retention_metrics::{compute, ComputeOptions, ErrorCode, Locale, MetricResult, RawInputs, RawValue};

/// Inputs from `(id, value)` pairs; values may be numbers or typed text.
pub fn inputs<V: Into<RawValue> + Copy>(pairs: &[(&str, V)]) -> RawInputs {
    pairs.iter().map(|(k, v)| (k.to_string(), Some((*v).into()))).collect()
}

/// Options reading numbers in `locale`.
pub fn in_locale(locale: Locale) -> ComputeOptions {
    ComputeOptions { locale: Some(locale), ..Default::default() }
}

#[track_caller]
pub fn succeed(id: &str, raw: &RawInputs, options: &ComputeOptions) -> MetricResult {
    match compute(id, raw, options) {
        Ok(result) => result,
        Err(rejected) => panic!("{id} rejected {raw:?}: {:?}", rejected.errors),
    }
}

#[track_caller]
pub fn value_of<V: Into<RawValue> + Copy>(id: &str, pairs: &[(&str, V)]) -> f64 {
    succeed(id, &inputs(pairs), &ComputeOptions::default()).value
}

#[track_caller]
pub fn assert_close(actual: f64, expected: f64) {
    assert!((actual - expected).abs() <= 1e-9 * expected.abs().max(1.0), "expected {expected}, got {actual}");
}

/// Asserts the calculation is rejected and the first error is `code` on `field`.
#[track_caller]
pub fn fail<V: Into<RawValue> + Copy>(id: &str, pairs: &[(&str, V)], field: &str, code: ErrorCode) -> String {
    match compute(id, &inputs(pairs), &ComputeOptions::default()) {
        Ok(result) => {
            panic!("{id} accepted {pairs:?} = {}", result.value, pairs = pairs.iter().map(|p| p.0).collect::<Vec<_>>())
        }
        Err(rejected) => {
            let first = rejected.first();
            assert_eq!((first.field.as_str(), first.code), (field, code), "{}", first.message);
            assert!(!first.message.contains('{'), "unfilled placeholder in {:?}", first.message);
            first.message.clone()
        }
    }
}

/// The `period` input with a value such as `"year"`, to chain onto [`inputs`].
pub fn period(id: &str) -> RawInputs {
    [("period".to_string(), Some(RawValue::Text(id.to_string())))].into_iter().collect()
}

/// A catalog example's inputs as the page loads them: its numbers, and its
/// cohorts typed as lines into the metric's series input.
pub fn example_inputs(
    metric: &retention_metrics::MetricInfo,
    example: &retention_metrics::catalog::ExampleInfo,
) -> RawInputs {
    let mut raw: RawInputs = example.inputs.iter().map(|(k, v)| (k.to_string(), Some((*v).into()))).collect();
    if let Some(input) = metric.inputs.iter().find(|i| i.kind == retention_metrics::metric::InputKind::Series) {
        let lines: Vec<String> = example
            .series
            .iter()
            .map(|cohort| cohort.iter().map(f64::to_string).collect::<Vec<_>>().join(" "))
            .collect();
        raw.insert(input.id.to_string(), Some(RawValue::Text(lines.join("\n"))));
    }
    raw
}
