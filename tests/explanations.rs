//! What the reader sees agrees with itself: comparisons use the value as
//! shown, worked steps echo inputs as typed, tiny values are not shown as 0,
//! and messages quote what was typed.

mod common;
use common::*;
use retention_metrics::{ComputeOptions, ErrorCode::*, Locale};

fn shown<V: Into<retention_metrics::RawValue> + Copy>(
    id: &str,
    pairs: &[(&str, V)],
) -> retention_metrics::MetricResult {
    succeed(id, &inputs(pairs), &ComputeOptions::default())
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn nps_bands_follow_the_score_as_shown() {
    let cases = [
        ((89.0, 111.0, 0.0), "45", "very_good"),
        ((1.0, 998.0, 0.0), "0", "zero"),
        ((49.96, 0.0, 0.0), "50", "excellent"),
    ];
    for ((promoters, passives, detractors), display, verdict) in cases {
        let pairs: Vec<(&str, f64)> = if passives > 0.0 {
            vec![("promoters", promoters), ("passives", passives), ("detractors", detractors)]
        } else {
            vec![("promoters", promoters), ("detractors", detractors)]
        };
        let result = shown("net_promoter_score", &pairs);
        assert_eq!((result.display.as_str(), result.benchmark.expect("bands").verdict), (display, verdict));
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn retention_and_cost_comparisons_follow_the_rounded_value() {
    // A yearly rate meets the yearly 80 % mark as it is: nothing converted.
    let raw = inputs(&[("start", 2000.0), ("end", 1601.0), ("new", 0.0)]).into_iter().chain(period("year")).collect();
    let result = succeed("retention_rate", &raw, &ComputeOptions::default());
    let benchmark = result.benchmark.expect("general mark");
    assert_eq!(benchmark.conversion, None);
    assert_eq!((result.display.as_str(), benchmark.verdict), ("80.1%", "above"));
    assert!(benchmark.text.contains("0.1 points above"), "{}", benchmark.text);
    let ratio = shown("acquisition_vs_retention", &[("cac", 59.5), ("retention_cost", 12.0)]);
    assert_eq!((ratio.display.as_str(), ratio.benchmark.expect("range").verdict), ("5×", "within"));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn steps_echo_inputs_as_typed() {
    let lifespan = shown("customer_lifespan", &[("churn_percent", 0.25)]);
    assert_eq!(lifespan.steps[0], "1 / (0.25% / 100) = 1 / 0.0025 = 400 periods");
    let clv = shown("customer_lifetime_value", &[("aov", 7.125), ("frequency", 100.0), ("lifespan_years", 3.0)]);
    assert_eq!(clv.steps[0], "$7.125 × 100 × 3 = $2,137.50");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn tiny_per_order_values_are_not_shown_as_zero() {
    let result = shown("contact_rate", &[("contacts", 3.0), ("orders", 10000.0)]);
    assert_eq!(result.display, "0.0003 per order");
    assert_eq!(shown("contact_rate", &[("contacts", 45.0), ("orders", 1500.0)]).display, "0.03 per order");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn messages_quote_what_was_typed() {
    let message = fail::<&str>("churn_rate", &[("start", "200"), ("lost", "-1.5")], "lost", Negative);
    assert_eq!(message, "Customers lost (L) can't be negative (you typed -1.5).");
    // Numbers read the Polish way, words in English.
    let options = retention_metrics::ComputeOptions { lang: Some(Locale::En), ..in_locale(Locale::Pl) };
    let rejected =
        retention_metrics::compute("churn_rate", &inputs(&[("start", "1,234"), ("lost", "1")]), &options).unwrap_err();
    assert_eq!(rejected.first().message, "Customers at the start (S) must be a whole number (you typed 1,234).");
    let message = fail("churn_rate", &[("start", f64::NAN), ("lost", 1.0)], "start", NotANumber);
    assert!(message.contains("“NaN”"), "{message}");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_polish_price_tag_is_a_whole_amount() {
    let result = shown::<&str>("average_order_value", &[("revenue", "1 200,- zł"), ("orders", "100")]);
    assert_close(result.value, 12.0);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn an_amount_typed_with_its_currency_is_in_that_currency() {
    // Asked for dollars (the default), typed in złoty: the result is in złoty, and says so.
    let result = shown::<&str>("average_order_value", &[("revenue", "22,21 zł"), ("orders", "1")]);
    assert_eq!(result.currency, Some("PLN"));
    assert_eq!(result.display, "22.21\u{a0}zł");
    assert_eq!(shown::<&str>("average_order_value", &[("revenue", "2221"), ("orders", "100")]).currency, None);
    // Two currencies in one calculation are not added up.
    let mixed = retention_metrics::compute(
        "retention_cost",
        &inputs(&[("team", "5000 zł"), ("software", "€900"), ("program", "0"), ("active_customers", "700")]),
        &ComputeOptions::default(),
    )
    .expect_err("złoty and euros");
    assert_eq!(
        (mixed.first().field.as_str(), mixed.first().code),
        ("software", retention_metrics::ErrorCode::Inconsistent)
    );
    assert_eq!(
        mixed.first().message,
        "Software: “€900” is in another currency than “5000 zł”. Type every amount in one currency."
    );
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn one_is_singular() {
    assert_eq!(shown("customer_lifespan", &[("churn_percent", 100.0)]).display, "1 period");
    assert_eq!(shown("customer_lifespan", &[("churn_percent", 10.0)]).display, "10 periods");
    let clv = shown("customer_lifetime_value", &[("aov", 7.0), ("frequency", 100.0), ("lifespan_years", 1.0)]);
    assert!(clv.reading.ends_with("over 1 year."), "{}", clv.reading);
    let pf = shown("purchase_frequency", &[("orders", 500.0), ("customers", 500.0)]);
    assert_eq!(pf.reading, "A customer ordered 1 time on average in the period.");
}
