//! Every validation rule of the spec's table: each error names its field and
//! carries the right code, and the message a person reads names the field.

mod common;
use common::*;
use retention_metrics::{compute, ComputeOptions, ErrorCode::*, Locale, RawInputs, RawValue};

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn retention_rate_rules() {
    fail("retention_rate", &[("start", 0.0), ("end", 10.0), ("new", 0.0)], "start", Zero);
    fail("retention_rate", &[("start", -5.0), ("end", 10.0), ("new", 0.0)], "start", Negative);
    fail("retention_rate", &[("start", 10.0), ("end", 10.5), ("new", 0.0)], "end", NotWhole);
    fail("retention_rate", &[("start", 10.0), ("end", 10.0), ("new", -1.0)], "new", Negative);
    let message = fail("retention_rate", &[("start", 10.0), ("end", 10.0), ("new", 11.0)], "new", Exceeds);
    assert_eq!(
        message,
        "New customers in the period (N) can't be more than Customers at the end (E) (11 is more than 10)."
    );
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn churn_rate_rules() {
    fail("churn_rate", &[("start", 0.0), ("lost", 0.0)], "start", Zero);
    fail("churn_rate", &[("start", 200.0), ("lost", 201.0)], "lost", Exceeds);
    fail("churn_rate", &[("start", 200.0), ("lost", -1.0)], "lost", Negative);
    assert_close(value_of("churn_rate", &[("start", 200.0), ("lost", 200.0)]), 100.0);
    assert_close(value_of("churn_rate", &[("start", 200.0), ("lost", 0.0)]), 0.0);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn order_value_and_frequency_rules() {
    fail("average_order_value", &[("revenue", 100.0), ("orders", 0.0)], "orders", Zero);
    fail("average_order_value", &[("revenue", -100.0), ("orders", 3.0)], "revenue", Negative);
    fail("purchase_frequency", &[("orders", 10.0), ("customers", 0.0)], "customers", Zero);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn lifetime_value_rules() {
    fail("customer_lifetime_value", &[("aov", -7.0), ("frequency", 1.0), ("lifespan_years", 1.0)], "aov", Negative);
    fail(
        "customer_lifetime_value",
        &[("aov", 7.0), ("frequency", 1.0), ("lifespan_years", 1.0), ("margin_percent", 101.0)],
        "margin_percent",
        OutOfRange,
    );
    assert_close(
        value_of(
            "customer_lifetime_value",
            &[("aov", 50.0), ("frequency", 4.0), ("lifespan_years", 5.0), ("margin_percent", 60.0)],
        ),
        600.0,
    );
    assert_close(
        value_of("customer_lifetime_value", &[("aov", 0.0), ("frequency", 4.0), ("lifespan_years", 5.0)]),
        0.0,
    );
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn lifespan_rules() {
    fail("customer_lifespan", &[("churn_percent", 0.0)], "churn_percent", Zero);
    fail("customer_lifespan", &[("churn_percent", 100.5)], "churn_percent", OutOfRange);
    assert_close(value_of("customer_lifespan", &[("churn_percent", 100.0)]), 1.0);
    assert_close(value_of("customer_lifespan", &[("churn_percent", 5.0)]), 20.0);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn repeat_purchase_rate_rules() {
    fail("repeat_purchase_rate", &[("repeat_customers", 1.0), ("customers", 0.0)], "customers", Zero);
    fail("repeat_purchase_rate", &[("repeat_customers", 501.0), ("customers", 500.0)], "repeat_customers", Exceeds);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn nps_rules() {
    fail("net_promoter_score", &[("promoters", 0.0), ("passives", 0.0), ("detractors", 0.0)], "promoters", Zero);
    fail("net_promoter_score", &[("promoters", -1.0), ("passives", 0.0), ("detractors", 0.0)], "promoters", Negative);
    fail("net_promoter_score", &[("promoters", 70.0), ("detractors", 40.0)], "detractors", Exceeds);
    fail("net_promoter_score", &[("promoters", 0.0), ("detractors", 0.0)], "promoters", Zero);
    assert_close(value_of("net_promoter_score", &[("promoters", 0.0), ("passives", 0.0), ("detractors", 5.0)]), -100.0);
    assert_close(value_of("net_promoter_score", &[("promoters", 7.0), ("passives", 0.0), ("detractors", 0.0)]), 100.0);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn satisfaction_and_effort_rules() {
    fail("customer_satisfaction", &[("satisfied", 1.0), ("responses", 0.0)], "responses", Zero);
    fail("customer_satisfaction", &[("satisfied", 501.0), ("responses", 500.0)], "satisfied", Exceeds);
    fail("customer_effort_score", &[("score_sum", 10.0), ("responses", 0.0)], "responses", Zero);
    let low = fail("customer_effort_score", &[("score_sum", 40.0), ("responses", 50.0)], "score_sum", OutOfRange);
    assert_eq!(low, "Sum of all ratings must be between 50 and 350: every rating is between 1 and 7.");
    fail("customer_effort_score", &[("score_sum", 351.0), ("responses", 50.0)], "score_sum", OutOfRange);
    fail(
        "customer_effort_score",
        &[("score_sum", 60.0), ("responses", 10.0), ("scale_max", 5.0)],
        "score_sum",
        OutOfRange,
    );
    fail(
        "customer_effort_score",
        &[("score_sum", 10.0), ("responses", 10.0), ("scale_max", 1.0)],
        "scale_max",
        OutOfRange,
    );
    // The scale defaults to 7 when left out.
    assert_close(value_of("customer_effort_score", &[("score_sum", 350.0), ("responses", 50.0)]), 7.0);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn money_metric_rules() {
    fail("monthly_recurring_revenue", &[("customers", 1.5), ("arpc", 50.0)], "customers", NotWhole);
    fail("monthly_recurring_revenue", &[("customers", 10.0), ("arpc", -50.0)], "arpc", Negative);
    fail(
        "retention_cost",
        &[("team", 1.0), ("software", 1.0), ("program", 1.0), ("active_customers", 0.0)],
        "active_customers",
        Zero,
    );
    fail(
        "retention_cost",
        &[("team", 1.0), ("software", -1.0), ("program", 1.0), ("active_customers", 5.0)],
        "software",
        Negative,
    );
    fail(
        "retention_cost",
        &[("team", 1.0), ("software", 1.0), ("program", 1.0), ("other", -1.0), ("active_customers", 5.0)],
        "other",
        Negative,
    );
    assert_close(
        value_of(
            "retention_cost",
            &[("team", 1.0), ("software", 2.0), ("program", 3.0), ("other", 4.0), ("active_customers", 5.0)],
        ),
        2.0,
    );
    fail("acquisition_cost", &[("spend", 100.0), ("new_customers", 0.0)], "new_customers", Zero);
    fail("clv_to_cac", &[("clv", 100.0), ("cac", 0.0)], "cac", Zero);
    fail("acquisition_vs_retention", &[("cac", 100.0), ("retention_cost", 0.0)], "retention_cost", Zero);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn loyalty_and_rate_rules() {
    fail("referral_rate", &[("referred", 1.0), ("new_customers", 0.0)], "new_customers", Zero);
    fail("referral_rate", &[("referred", 61.0), ("new_customers", 60.0)], "referred", Exceeds);
    fail("survey_response_rate", &[("responses", 1.0), ("sent", 0.0)], "sent", Zero);
    fail("survey_response_rate", &[("responses", 801.0), ("sent", 800.0)], "responses", Exceeds);
    fail("redemption_rate", &[("redeemed", 1.0), ("issued", 0.0)], "issued", Zero);
    fail("contact_rate", &[("contacts", 1.0), ("orders", 0.0)], "orders", Zero);
    fail(
        "punch_card_cost",
        &[("visits_per_reward", 0.0), ("aov", 7.0), ("reward_cost", 1.0)],
        "visits_per_reward",
        Zero,
    );
    fail(
        "punch_card_cost",
        &[("visits_per_reward", 2.5), ("aov", 7.0), ("reward_cost", 1.0)],
        "visits_per_reward",
        NotWhole,
    );
    fail("punch_card_cost", &[("visits_per_reward", 10.0), ("aov", 0.0), ("reward_cost", 1.0)], "aov", Zero);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_missing_required_input_is_named() {
    let message = fail("churn_rate", &[("start", 200.0)], "lost", Required);
    assert_eq!(message, "Customers lost (L): please fill this in.");
    fail::<&str>("churn_rate", &[("start", "200"), ("lost", "  ")], "lost", Required);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn every_invalid_field_is_reported_in_form_order() {
    let rejected =
        compute("retention_rate", &inputs(&[("start", "abc"), ("end", "-3"), ("new", "")]), &ComputeOptions::default())
            .unwrap_err();
    let found: Vec<_> = rejected.errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
    assert_eq!(found, vec![("start", NotANumber), ("end", Negative), ("new", Required)]);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn typed_text_is_read_with_the_locale() {
    let polish = in_locale(Locale::Pl);
    let aov = succeed("average_order_value", &inputs(&[("revenue", "1 234,50"), ("orders", "1")]), &polish);
    assert_close(aov.value, 1234.5);
    let english = in_locale(Locale::En);
    let aov = succeed("average_order_value", &inputs(&[("revenue", "1,234.50"), ("orders", "1")]), &english);
    assert_close(aov.value, 1234.5);
    assert_close(
        value_of::<&str>("customer_lifetime_value", &[("aov", "$7"), ("frequency", "100"), ("lifespan_years", "3")]),
        2100.0,
    );
    assert_close(value_of::<&str>("customer_lifespan", &[("churn_percent", "12,5 %")]), 8.0);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn text_that_is_not_a_number_is_rejected_with_the_text_quoted() {
    for bad in ["1,2,3", "NaN", "inf", "12abc", "1e3"] {
        let message = fail::<&str>("churn_rate", &[("start", bad), ("lost", "1")], "start", NotANumber);
        assert!(message.contains(bad), "{message}");
    }
    // `1,234` without a locale could be 1234 or 1.234: asked, not guessed.
    let message = fail::<&str>("churn_rate", &[("start", "1,234"), ("lost", "1")], "start", NotANumber);
    assert!(message.contains("two different numbers"), "{message}");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn non_finite_numbers_from_javascript_are_rejected() {
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        fail("churn_rate", &[("start", bad), ("lost", 1.0)], "start", NotANumber);
    }
    fail("churn_rate", &[("start", 2e12), ("lost", 1.0)], "start", OutOfRange);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_result_too_large_to_show_is_refused() {
    let message =
        fail::<&str>("clv_to_cac", &[("clv", "1000000000"), ("cac", "0,00000000000000000000001")], "clv", OutOfRange);
    assert!(message.contains("too large"), "{message}");
    fail("customer_lifetime_value", &[("aov", 1e12), ("frequency", 1e6), ("lifespan_years", 2.0)], "aov", OutOfRange);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn unknown_metrics_and_inputs() {
    let rejected = compute("happiness", &RawInputs::new(), &ComputeOptions::default()).unwrap_err();
    assert_eq!((rejected.first().field.as_str(), rejected.first().code), ("metric", UnknownMetric));
    // Extra keys (the rest of an address) are ignored.
    let mut raw = inputs(&[("start", 200.0), ("lost", 20.0)]);
    raw.insert("lang".into(), Some(RawValue::Text("pl".into())));
    assert_close(succeed("churn_rate", &raw, &ComputeOptions::default()).value, 10.0);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn messages_quote_at_most_forty_characters_of_what_was_typed() {
    let typed = "x".repeat(10_000_000);
    let raw: RawInputs = [("start", typed.as_str()), ("end", "10"), ("new", "0")]
        .into_iter()
        .map(|(k, v)| (k.to_string(), Some(RawValue::from(v))))
        .collect();
    let error = compute("retention_rate", &raw, &ComputeOptions::default()).unwrap_err();
    let message = &error.first().message;
    assert_eq!(error.first().code, NotANumber);
    assert!(message.contains(&format!("“{}…”", "x".repeat(40))), "{message}");
    assert!(message.chars().count() < 200, "{} characters", message.chars().count());
    let error = compute(&typed, &RawInputs::new(), &ComputeOptions::default()).unwrap_err();
    assert!(error.first().message.chars().count() < 100, "an unknown metric's id is cut too");
    let short = compute("no_such_metric", &RawInputs::new(), &ComputeOptions::default()).unwrap_err();
    assert_eq!(short.first().message, "There is no metric called “no_such_metric”.", "short text is quoted whole");
}
