//! A lifespan typed in months where years are asked is converted, not
//! refused; a bare number of "years" that looks like months is offered as
//! months; the lifespan calculator says its result in months and years.

mod common;
use common::*;
use retention_metrics::{ComputeOptions, Locale};

fn clv(lifespan: &str, options: &ComputeOptions) -> retention_metrics::MetricResult {
    let raw = inputs(&[("aov", "50"), ("frequency", "4"), ("lifespan_years", lifespan)]);
    succeed("customer_lifetime_value", &raw, options)
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn months_typed_where_years_are_asked_are_converted_and_said() {
    let result = clv("36 months", &ComputeOptions::default());
    assert_close(result.value, 50.0 * 4.0 * 3.0);
    let note = &result.unit_notes[0];
    assert_eq!((note.field, note.applied), ("lifespan_years", true));
    assert_close(note.value, 3.0);
    assert_eq!(note.text, "36 months is 3 years: the calculation uses that.");

    let polish = clv("18 mies.", &in_locale(Locale::Pl));
    assert_close(polish.value, 50.0 * 4.0 * 1.5);
    assert_eq!(polish.unit_notes[0].text, "18 mies. to 1,5 roku: tyle przyjmuje obliczenie.");

    let russian = clv("6 месяцев", &in_locale(Locale::Ru));
    assert_eq!(russian.unit_notes[0].text, "6 месяцев — это 0,5 года: так и\u{a0}считаем.");

    let weeks = clv("26 weeks", &ComputeOptions::default());
    assert!((weeks.unit_notes[0].value - 0.4983).abs() < 1e-3, "{}", weeks.unit_notes[0].value);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn years_typed_with_their_unit_need_no_note() {
    let result = clv("3 lata", &in_locale(Locale::Pl));
    assert_close(result.value, 600.0);
    assert!(result.unit_notes.is_empty());
    assert!(clv("3", &ComputeOptions::default()).unit_notes.is_empty());
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn many_years_as_a_bare_number_are_offered_as_months_without_changing_the_result() {
    let result = clv("36", &ComputeOptions::default());
    assert_close(result.value, 50.0 * 4.0 * 36.0);
    let note = &result.unit_notes[0];
    assert!(!note.applied);
    assert_close(note.value, 3.0);
    assert_eq!(
        note.text,
        "36 years is longer than almost any customer stays. If you meant 36 months, that is 3 years."
    );
    assert_eq!(note.action, "Use 3 years");
    let polish = clv("24", &in_locale(Locale::Pl));
    assert_eq!(polish.unit_notes[0].action, "Wpisz 2 lata");
    // Typed with "years", many years are what the reader means.
    assert!(clv("30 lat", &in_locale(Locale::Pl)).unit_notes.is_empty());
    assert!(clv("30 years", &ComputeOptions::default()).unit_notes.is_empty());
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_unit_with_something_that_is_no_number_is_still_refused() {
    let raw = inputs(&[("aov", "50"), ("frequency", "4"), ("lifespan_years", "many months")]);
    let refused = retention_metrics::compute("customer_lifetime_value", &raw, &ComputeOptions::default())
        .expect_err("not a number");
    assert_eq!(refused.first().field, "lifespan_years");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn the_lifespan_reads_in_months_and_years_for_the_churn_period() {
    let monthly = shown_lifespan("10", None);
    assert_eq!(monthly.value, 10.0);
    assert_eq!(monthly.reading, "At this churn rate a customer stays about 10 months on average: 0.83 years.");
    let yearly = shown_lifespan("20", Some("year"));
    assert_eq!(yearly.value, 5.0);
    assert!(yearly.reading.contains("60 months on average: 5 years"), "{}", yearly.reading);
}

fn shown_lifespan(churn: &str, churn_period: Option<&str>) -> retention_metrics::MetricResult {
    let mut raw = inputs(&[("churn_percent", churn)]);
    if let Some(id) = churn_period {
        raw.extend(period(id));
    }
    succeed("customer_lifespan", &raw, &ComputeOptions::default())
}
