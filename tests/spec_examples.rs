//! Every worked example of the metric reference (the coffee-shop and
//! general-business tables), through the public `compute`, with the value,
//! the display, the worked steps and the reading. The same
//! tests run natively and under wasm, so the two builds are shown to agree.

mod common;
use common::*;
use retention_metrics::{catalog, compute, ComputeOptions, Currency, Locale, RawInputs};

/// One worked example: metric, inputs, value, display.
type Example = (&'static str, &'static [(&'static str, f64)], f64, &'static str);

/// The worked examples exactly as the spec's tables give them.
const SPEC: &[Example] = &[
    // The coffee-shop scenarios.
    ("retention_rate", &[("start", 200.0), ("end", 210.0), ("new", 30.0)], 90.0, "90%"),
    ("churn_rate", &[("start", 200.0), ("lost", 20.0)], 10.0, "10%"),
    ("customer_lifetime_value", &[("aov", 7.0), ("frequency", 100.0), ("lifespan_years", 3.0)], 2100.0, "$2,100"),
    ("repeat_purchase_rate", &[("repeat_customers", 150.0), ("customers", 500.0)], 30.0, "30%"),
    ("net_promoter_score", &[("promoters", 60.0), ("passives", 25.0), ("detractors", 15.0)], 45.0, "45"),
    (
        "retention_cost",
        &[("team", 5000.0), ("software", 900.0), ("program", 2500.0), ("active_customers", 700.0)],
        12.0,
        "$12",
    ),
    // General-business examples.
    ("churn_rate", &[("start", 1000.0), ("lost", 50.0)], 5.0, "5%"),
    ("customer_lifetime_value", &[("aov", 50.0), ("frequency", 4.0), ("lifespan_years", 5.0)], 1000.0, "$1,000"),
    ("repeat_purchase_rate", &[("repeat_customers", 200.0), ("customers", 1000.0)], 20.0, "20%"),
    ("net_promoter_score", &[("promoters", 70.0), ("detractors", 10.0)], 60.0, "60"),
    ("customer_satisfaction", &[("satisfied", 400.0), ("responses", 500.0)], 80.0, "80%"),
    ("monthly_recurring_revenue", &[("customers", 100.0), ("arpc", 50.0)], 5000.0, "$5,000"),
    // The Russian seed article's growing shop (issue 16).
    ("retention_rate", &[("start", 200.0), ("end", 250.0), ("new", 100.0)], 75.0, "75%"),
];

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn every_spec_example_reproduces() {
    for (id, pairs, value, display) in SPEC {
        let result = succeed(id, &inputs(pairs), &ComputeOptions::default());
        assert_close(result.value, *value);
        assert_eq!(result.display, *display, "{id}");
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn every_spec_example_is_offered_by_the_catalog() {
    let metrics = catalog(Locale::En);
    for (id, pairs, value, _) in SPEC {
        let metric = metrics.iter().find(|m| m.id == *id).unwrap_or_else(|| panic!("{id} missing"));
        let offered = metric.examples.iter().any(|ex| {
            ex.value == *value
                && ex.inputs.len() == pairs.len()
                && pairs.iter().all(|(k, v)| ex.inputs.get(k) == Some(v))
        });
        assert!(offered, "{id}: example {pairs:?} is not in the catalog");
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn every_catalog_example_computes_to_its_value() {
    for metric in catalog(Locale::En) {
        assert!(!metric.examples.is_empty(), "{} has no example to load", metric.id);
        for example in &metric.examples {
            let raw = example_inputs(&metric, example);
            let result = succeed(metric.id, &raw, &ComputeOptions::default());
            assert_close(result.value, example.value);
        }
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn retention_worked_steps_and_reading_use_the_numbers() {
    let result = succeed(
        "retention_rate",
        &inputs(&[("start", 200.0), ("end", 210.0), ("new", 30.0)]),
        &ComputeOptions::default(),
    );
    assert_eq!(result.formula, "((E − N) / S) × 100");
    assert_eq!(result.steps, vec!["((210 − 30) / 200) × 100 = 90%"]);
    assert_eq!(result.reading, "You kept 90% of the customers you started with: 180 of 200.");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn retention_cost_shows_the_total_and_the_cost_per_customer() {
    let raw = inputs(&[("team", 5000.0), ("software", 900.0), ("program", 2500.0), ("active_customers", 700.0)]);
    let result = succeed("retention_cost", &raw, &ComputeOptions::default());
    assert_eq!(result.steps, vec!["$5,000 + $900 + $2,500 = $8,400", "$8,400 / 700 = $12"]);
    assert!(result.reading.contains("$8,400"), "{}", result.reading);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn clv_steps_in_the_chosen_currency_and_locale() {
    let raw = inputs(&[("aov", 7.0), ("frequency", 100.0), ("lifespan_years", 3.0)]);
    let options = ComputeOptions { lang: Some(Locale::Pl), currency: Currency::Pln, ..Default::default() };
    let result = succeed("customer_lifetime_value", &raw, &options);
    assert_eq!(result.display, "2100\u{a0}zł");
    assert_eq!(result.steps, vec!["7\u{a0}zł × 100 × 3 = 2100\u{a0}zł"]);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn nps_is_rounded_from_the_exact_value_not_from_rounded_shares() {
    // 6 answers, 2 promoters, 1 detractor: exact 16.67, shown 17 (33 − 17 would be 16).
    let result = succeed(
        "net_promoter_score",
        &inputs(&[("promoters", 2.0), ("passives", 3.0), ("detractors", 1.0)]),
        &ComputeOptions::default(),
    );
    assert_close(result.value, 100.0 / 6.0);
    assert_eq!(result.display, "17");
    assert_eq!(result.steps[0], "promoters 2 / 6 = 33.3%; detractors 1 / 6 = 16.7%");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn nps_benchmark_bands() {
    let band = |p: f64, d: f64| {
        let result =
            succeed("net_promoter_score", &inputs(&[("promoters", p), ("detractors", d)]), &ComputeOptions::default());
        result.benchmark.expect("NPS has bands").verdict
    };
    assert_eq!(band(60.0, 5.0), "excellent");
    assert_eq!(band(60.0, 15.0), "very_good");
    assert_eq!(band(30.0, 20.0), "positive");
    assert_eq!(band(20.0, 20.0), "zero");
    assert_eq!(band(10.0, 40.0), "negative");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn retention_is_compared_with_the_chosen_sector() {
    let raw = inputs(&[("start", 200.0), ("end", 210.0), ("new", 30.0)]);
    let options = ComputeOptions { sector: Some("restaurants".into()), ..Default::default() };
    // The coffee example is a month (the default); the sector figure is yearly.
    let benchmark = succeed("retention_rate", &raw, &options).benchmark.expect("sector benchmark");
    assert_eq!((benchmark.kind, benchmark.verdict, benchmark.reference), ("sector", "below", Some(55.0)));
    assert_eq!((benchmark.period, benchmark.compared), (Some("year"), Some(28.0)));
    assert_eq!(
        benchmark.conversion.as_deref(),
        Some("90% a month is about 28% over a year if every month were like this one.")
    );
    assert_eq!(benchmark.text, "28% a year is 27 points below the Restaurants & cafés average of 55% a year.");
    assert_eq!(benchmark.population, "Restaurants & cafés");
    assert!(benchmark.source.starts_with("Statista"), "{}", benchmark.source);

    // The same 90 % over a year is 35 points above.
    let yearly: RawInputs = raw.clone().into_iter().chain(period("year")).collect();
    let benchmark = succeed("retention_rate", &yearly, &options).benchmark.expect("sector benchmark");
    assert_eq!((benchmark.verdict, benchmark.conversion), ("above", None));
    assert_eq!(benchmark.text, "90% a year is 35 points above the Restaurants & cafés average of 55% a year.");

    let general = succeed("retention_rate", &raw, &ComputeOptions::default()).benchmark.expect("general benchmark");
    assert_eq!((general.kind, general.verdict, general.reference), ("general", "below", Some(80.0)));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn retention_over_100_is_explained_not_just_printed() {
    let result = succeed(
        "retention_rate",
        &inputs(&[("start", 100.0), ("end", 150.0), ("new", 10.0)]),
        &ComputeOptions::default(),
    );
    assert_close(result.value, 140.0);
    assert_eq!(result.warnings.len(), 1);
    assert!(result.reading.contains("cannot happen"), "{}", result.reading);
    assert!(result.benchmark.is_none(), "a contradictory value is not compared with a sector");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn repeat_purchase_rate_compares_with_the_cafe_base() {
    let benchmark = succeed(
        "repeat_purchase_rate",
        &inputs(&[("repeat_customers", 100.0), ("customers", 500.0)]),
        &ComputeOptions::default(),
    )
    .benchmark
    .expect("reference");
    assert_eq!(benchmark.verdict, "below");
    assert_eq!(benchmark.text, "For a café, 30% is a solid base: you are 10 points below it.");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn acquisition_vs_retention_against_the_usual_range() {
    let verdict = |cac: f64| {
        succeed(
            "acquisition_vs_retention",
            &inputs(&[("cac", cac), ("retention_cost", 10.0)]),
            &ComputeOptions::default(),
        )
        .benchmark
        .expect("range")
        .verdict
    };
    assert_eq!((verdict(30.0), verdict(100.0), verdict(300.0)), ("below", "within", "above"));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn no_text_is_left_with_a_placeholder_or_key() {
    for metric in catalog(Locale::En) {
        for example in &metric.examples {
            let raw = example_inputs(&metric, example);
            let result = compute(metric.id, &raw, &ComputeOptions::default()).expect("example computes");
            let mut texts = vec![result.display.clone(), result.formula.clone(), result.reading.clone()];
            texts.extend(result.steps.iter().cloned());
            texts.extend(result.warnings.iter().cloned());
            if let Some(benchmark) = &result.benchmark {
                texts.extend(
                    [&benchmark.text, &benchmark.population, &benchmark.figure, &benchmark.source].map(String::clone),
                );
                texts.extend(benchmark.conversion.clone());
            }
            for text in texts {
                assert!(!text.contains('{') && !text.contains("metric."), "{}: {text:?}", metric.id);
            }
        }
    }
}
