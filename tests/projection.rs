//! Projecting a subscription cohort as a gym or a box subscription would
//! type it: the paper's "regular" cohort in percent, then counts, several
//! cohorts at once, and every way a typed series can be wrong.

use retention_metrics::predict::projection::{project, read_cohorts, ProjectionOptions, RawSeries};
use retention_metrics::{ErrorCode, Locale, RawValue};

const REGULAR: [f64; 8] = [100.0, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1];

fn series(values: &[f64]) -> RawSeries {
    values.iter().map(|v| Some(RawValue::Number(*v))).collect()
}

fn typed(values: &[&str]) -> RawSeries {
    values.iter().map(|v| Some(RawValue::Text((*v).to_string()))).collect()
}

fn refused(all: &[RawSeries]) -> (String, ErrorCode, String) {
    let error = read_cohorts(all, Locale::En).expect_err("refused");
    (error.field, error.code, error.message)
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn the_regular_cohort_in_percent_projected_two_years() {
    let cohorts = read_cohorts(&[series(&REGULAR)], Locale::En).unwrap();
    assert_eq!(cohorts[0].survivors[..3], [1000.0, 631.0, 468.0], "percent as a cohort of 1,000");
    let options = ProjectionOptions { horizon: 24, price: Some(50.0), discount_percent: 10.0, ..Default::default() };
    let projection = project(&cohorts, &options).unwrap();
    assert!((projection.alpha - 0.704).abs() < 5e-4 && (projection.beta - 1.182).abs() < 5e-4);
    assert!((projection.log_likelihood + 1680.27).abs() < 5e-3);
    assert_eq!((projection.retention.len(), projection.survival.len()), (24, 25));
    assert_eq!(projection.observed.len(), 8);
    assert!((projection.observed[7] - 24.1).abs() < 1e-9);
    assert!((projection.survival[7] - 24.1).abs() < 1.0, "the fit follows the points: {}", projection.survival[7]);
    assert_eq!(projection.expected_lifetime, None, "α < 1");
    assert!(projection.median_lifetime.unwrap() >= 2);
    // 759 left of 3,358 member-periods at risk.
    assert!((projection.naive_churn - 100.0 * 759.0 / 3358.0).abs() < 1e-9);
    let value = projection.value.as_ref().unwrap();
    assert!(value.lifetime_value.unwrap() > value.naive_value.unwrap(), "the loyal stay: more than 1 / churn says");
    assert!(projection.spread.starts_with("Members differ a lot"), "{}", projection.spread);
    assert!(projection.loyalty.contains("rises from"), "{}", projection.loyalty);
    assert!(projection.naive.contains("1 / churn says 4.4 periods"), "{}", projection.naive);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn counts_and_several_cohorts_typed_as_people_write_them() {
    let cohorts = read_cohorts(&[typed(&["1 200", "900", "760"]), typed(&["800", "610"])], Locale::Pl).unwrap();
    assert_eq!(cohorts[0].survivors, [1200.0, 900.0, 760.0]);
    let projection = project(&cohorts, &ProjectionOptions { horizon: 12, ..Default::default() }).unwrap();
    assert_eq!((projection.cohorts, projection.observed_periods), (2, 2));
    // Period 2 is seen only in the first cohort.
    assert!((projection.observed[2] - 100.0 * 760.0 / 1200.0).abs() < 1e-9);
    assert!((projection.observed[1] - 100.0 * 1510.0 / 2000.0).abs() < 1e-9);
    assert!(projection.value.is_none());
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_wrong_series_is_refused_by_cohort_and_period() {
    assert_eq!(refused(&[]).1, ErrorCode::Required);
    let (field, code, message) = refused(&[series(&[100.0, 80.0, 85.0])]);
    assert_eq!((field.as_str(), code), ("survival[2]", ErrorCode::Inconsistent));
    assert!(message.contains("period 2"), "{message}");
    let (field, code, _) = refused(&[series(&[100.0, 80.0]), typed(&["500", "abc"])]);
    assert_eq!((field.as_str(), code), ("survival[1][1]", ErrorCode::NotANumber));
    assert_eq!(refused(&[series(&[0.0, 0.0])]).1, ErrorCode::Zero);
    assert_eq!(refused(&[series(&[100.0])]).1, ErrorCode::Required);
    assert_eq!(refused(&[series(&[100.0, -1.0])]).1, ErrorCode::Negative);
    let kept = read_cohorts(&[series(&[100.0, 100.0, 100.0])], Locale::En).unwrap();
    let error = project(&kept, &ProjectionOptions::default()).expect_err("nobody left");
    assert_eq!(error.first().code, ErrorCode::CannotFit);
    let gone = read_cohorts(&[series(&[100.0, 0.0])], Locale::En).unwrap();
    assert_eq!(
        project(&gone, &ProjectionOptions::default()).expect_err("everybody left").first().code,
        ErrorCode::CannotFit
    );
}

fn projected(text: &str, lang: Locale) -> Result<retention_metrics::MetricResult, retention_metrics::Rejected> {
    use retention_metrics::{compute, ComputeOptions, RawInputs};
    let raw: RawInputs = [
        ("survival".to_string(), Some(RawValue::Text(text.into()))),
        ("horizon".to_string(), Some(RawValue::Number(12.0))),
        ("price".to_string(), Some(RawValue::Number(50.0))),
        ("discount".to_string(), Some(RawValue::Number(1.0))),
    ]
    .into_iter()
    .collect();
    compute(
        "retention_projection",
        &raw,
        &ComputeOptions { locale: Some(lang), lang: Some(lang), ..Default::default() },
    )
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn the_calculator_reads_a_pasted_table_with_a_header_and_cohort_labels() {
    let pasted = "Cohort\tMonth 0\tMonth 1\tMonth 2\n2024-01\t1000\t631\t468\n2024-02\t800\t520\n";
    let result = projected(pasted, Locale::En).unwrap();
    assert_eq!(result.series, [vec![1000.0, 631.0, 468.0], vec![800.0, 520.0]]);
    let curves = result.curves.as_ref().unwrap();
    assert_eq!((curves.observed.len(), curves.projected.len()), (3, 13));
    assert!(result.steps[0].starts_with("Fitted to 2 cohorts over 2 periods"), "{}", result.steps[0]);
    assert!(result.steps.iter().any(|s| s.starts_with("A new member's value: $50 ×")), "{:?}", result.steps);
    assert_eq!(result.warnings.len(), 1, "two periods: a first sketch");
    // In Polish, decimal commas and semicolons, as a Polish spreadsheet copies them.
    let polish = projected("100; 63,1; 46,8; 38,2", Locale::Pl).unwrap();
    assert_eq!(polish.series, [vec![100.0, 63.1, 46.8, 38.2]]);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn the_calculator_marks_a_wrong_table_on_its_field() {
    let fault = |text: &str| {
        let rejected = projected(text, Locale::En).expect_err("refused");
        (rejected.first().code, rejected.first().message.clone())
    };
    let (code, message) = fault("100 80 x");
    assert_eq!(code, ErrorCode::NotANumber);
    assert_eq!(message, "Members still paying after each period: “x” in line 1 is not a number.");
    assert_eq!(fault("100 80\n100 90 95").0, ErrorCode::Inconsistent);
    assert_eq!(fault("100").0, ErrorCode::Required);
    assert_eq!(fault("0 0").0, ErrorCode::Zero);
    assert_eq!(fault("100 100 100").0, ErrorCode::CannotFit);
}
