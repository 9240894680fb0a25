//! The what-if: today's figures against the same with a little more
//! retention, visits or a larger order, each worked out by the formulas of
//! the metrics (checked here against the arithmetic done by hand).

mod common;
use common::*;
use retention_metrics::whatif::{what_if, WhatIf, WhatIfOptions};
use retention_metrics::{ErrorCode, Locale, RawInputs};

fn run(pairs: &[(&str, f64)], period_id: Option<&str>, lang: Locale) -> Result<WhatIf, (String, ErrorCode, String)> {
    let raw: RawInputs = inputs(pairs).into_iter().chain(period_id.map(period).into_iter().flatten()).collect();
    what_if(&raw, &WhatIfOptions { lang, ..Default::default() }).map_err(|rejected| {
        let first = rejected.first();
        (first.field.clone(), first.code, first.message.clone())
    })
}

/// Revenue over the next 12 months when a share `r` stays each month, summed month by month.
fn revenue_by_hand(customers: f64, aov: f64, visits: f64, r: f64) -> f64 {
    let mut kept = customers;
    let mut revenue = 0.0;
    for _ in 0..12 {
        kept *= r;
        revenue += kept * aov * visits / 12.0;
    }
    revenue
}

const COFFEE: &[(&str, f64)] =
    &[("customers", 200.0), ("retention", 90.0), ("visits", 100.0), ("aov", 7.0), ("more_retention", 2.0)];

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn two_points_more_retention_a_month_for_the_coffee_shop() {
    let result = run(COFFEE, None, Locale::En).unwrap();
    assert_eq!(result.period, Some("month"));
    let yearly_now = 100.0 * 0.9_f64.powi(12);
    let yearly_then = 100.0 * 0.92_f64.powi(12);
    assert_close(result.now.yearly_retention, yearly_now);
    assert_close(result.changed.yearly_retention, yearly_then);
    assert_close(result.now.lifespan_years, 100.0 / (100.0 - yearly_now));
    assert_close(result.changed.lifespan_years, 100.0 / (100.0 - yearly_then));
    assert_close(result.now.clv, 7.0 * 100.0 * result.now.lifespan_years);
    assert_close(result.now.kept_12_months.unwrap(), 200.0 * yearly_now / 100.0);
    assert_close(result.now.revenue_12_months.unwrap(), revenue_by_hand(200.0, 7.0, 100.0, 0.9));
    assert_close(result.changed.revenue_12_months.unwrap(), revenue_by_hand(200.0, 7.0, 100.0, 0.92));
    assert_eq!(result.acquisition_saved, None, "no acquisition cost given");
    assert_eq!(
        result.steps,
        [
            "Kept over a year: (0.92)^12 = 36.8%",
            "Average lifespan: 1 / 63.2% lost a year = 1.58 years",
            "Lifetime value: $7 × 100 visits a year × 1.58 years = $1,107.01",
            "Still customers in 12 months: 200 × 36.8% = 74",
            "Next 12 months: 200 × $7 × 100 / 12 × (r + r² + … + r¹²), with r = 0.92 kept a month, = $84,838.09",
        ]
    );
    assert!(result.worth[0].starts_with("Each customer becomes worth $"), "{}", result.worth[0]);
    assert!(result.worth[1].starts_with("18 more of today's customers"), "{}", result.worth[1]);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn what_keeping_customers_saves_in_acquisition() {
    let pairs: Vec<_> = COFFEE.iter().copied().chain([("acquisition_cost", 30.0)]).collect();
    let result = run(&pairs, None, Locale::En).unwrap();
    // 56.5 → 73.5 customers, written 56 → 74: 18 more, whole people.
    let (before, then) = (result.now.kept_12_months.unwrap(), result.changed.kept_12_months.unwrap());
    assert_eq!((before.round(), then.round()), (56.0, 74.0));
    assert_close(result.acquisition_saved.unwrap(), 30.0 * 18.0);
    assert!(result.worth[2].starts_with("Winning 18 new customers"), "{}", result.worth[2]);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn from_a_lifespan_the_points_are_on_yearly_retention() {
    // The spec's coffee CLV: $7 × 100 × 3 years = $2,100; 5 points more kept
    // a year: churn 1/3 − 0.05.
    let pairs = [("lifespan_years", 3.0), ("visits", 100.0), ("aov", 7.0), ("more_retention", 5.0)];
    let result = run(&pairs, None, Locale::En).unwrap();
    assert_close(result.now.clv, 2100.0);
    assert_close(result.changed.lifespan_years, 1.0 / (1.0 / 3.0 - 0.05));
    assert_eq!((result.period, result.now.kept_12_months), (None, None));
    // A larger order alone scales the value and nothing else.
    let bigger =
        run(&[("lifespan_years", 3.0), ("visits", 100.0), ("aov", 7.0), ("more_aov", 1.0)], None, Locale::En).unwrap();
    assert_close(bigger.changed.clv, 8.0 * 100.0 * 3.0);
    assert_close(bigger.changed.lifespan_years, bigger.now.lifespan_years);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_quarterly_rate_compounds_four_times() {
    let result = run(&[("retention", 80.0), ("visits", 4.0), ("aov", 50.0)], Some("quarter"), Locale::En).unwrap();
    assert_close(result.now.yearly_retention, 100.0 * 0.8_f64.powi(4));
    assert_close(result.now.monthly_retention, 100.0 * 0.8_f64.powf(1.0 / 3.0));
    assert_eq!(result.worth, ["Move a slider or type a change to see what it is worth."]);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn impossible_changes_are_refused_by_field() {
    let over = run(&[("retention", 95.0), ("visits", 4.0), ("aov", 50.0), ("more_retention", 6.0)], None, Locale::En);
    let (field, code, message) = over.unwrap_err();
    assert_eq!((field.as_str(), code), ("more_retention", ErrorCode::OutOfRange));
    assert_eq!(message, "Retention can't go above 100%: at most 5 more points.");
    let endless =
        run(&[("lifespan_years", 10.0), ("visits", 4.0), ("aov", 50.0), ("more_retention", 10.0)], None, Locale::En);
    assert_eq!(endless.unwrap_err().0, "more_retention");
    let nothing = run(&[("visits", 4.0), ("aov", 50.0)], None, Locale::En);
    assert_eq!(nothing.unwrap_err().0, "retention");
    let negative = run(&[("retention", 90.0), ("visits", 4.0), ("aov", 50.0), ("more_aov", -1.0)], None, Locale::En);
    assert_eq!(negative.unwrap_err().1, ErrorCode::Negative);
    let hundred = run(&[("retention", 100.0), ("visits", 4.0), ("aov", 50.0)], None, Locale::Pl);
    let (field, _, message) = hundred.unwrap_err();
    assert_eq!(field, "retention");
    assert!(!message.contains('{') && !message.contains("ui."), "{message}");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn every_language_works_it_out_in_words() {
    let pairs: Vec<_> = COFFEE.iter().copied().chain([("acquisition_cost", 30.0), ("more_visits", 5.0)]).collect();
    for lang in [Locale::En, Locale::Pl, Locale::Ru] {
        let result = run(&pairs, Some("quarter"), lang).unwrap();
        assert_eq!((result.steps.len(), result.worth.len()), (5, 3), "{lang:?}");
        for text in result.steps.iter().chain(&result.worth) {
            assert!(!text.contains('{') && !text.contains("ui.whatif"), "{lang:?}: {text}");
        }
    }
}
