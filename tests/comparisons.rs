//! Comparisons of like with like (`predict.md` §7): a retention or churn
//! rate meets a reference figure only over the figure's own period, in the
//! figure's measure turned into the metric's, and every comparison says
//! whom the figure describes and where it comes from.

mod common;
use common::*;
use retention_metrics::metrics::retention::rate_over;
use retention_metrics::reference::{sector, Measure, RatePeriod, RETAINS_WELL, SECTORS};
use retention_metrics::{catalog, compute, ComputeOptions, ErrorCode, Locale, RawInputs};

fn rate(
    metric: &str,
    value: f64,
    period_id: &str,
    sector_id: Option<&str>,
    lang: Locale,
) -> retention_metrics::MetricResult {
    // S = 1000 and a whole number of customers, so the rate is exactly `value`.
    let count = value * 10.0;
    let pairs: Vec<(&str, f64)> = match metric {
        "retention_rate" => vec![("start", 1000.0), ("end", count), ("new", 0.0)],
        _ => vec![("start", 1000.0), ("lost", count)],
    };
    let raw: RawInputs = inputs(&pairs).into_iter().chain(period(period_id)).collect();
    let options = ComputeOptions { sector: sector_id.map(str::to_string), lang: Some(lang), ..Default::default() };
    succeed(metric, &raw, &options)
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn no_rate_is_compared_across_periods() {
    let sectors = SECTORS.iter().map(|s| Some(s.id)).chain([None]);
    for sector_id in sectors {
        let figure = sector_id.and_then(sector).map_or(RETAINS_WELL, |s| s.figure);
        for (metric, measure) in [("retention_rate", Measure::Retention), ("churn_rate", Measure::Churn)] {
            for period_id in ["month", "quarter", "year"] {
                let from = RatePeriod::from_id(period_id).unwrap();
                for value in [3.0, 42.0, 90.0, 99.5] {
                    let result = rate(metric, value, period_id, sector_id, Locale::En);
                    let benchmark = result.benchmark.expect("rates are compared");
                    let case = format!("{metric} {value} a {period_id} vs {sector_id:?}");
                    assert_eq!(result.period, Some(period_id), "{case}");
                    assert_eq!(benchmark.period, Some(figure.period.id()), "{case}: the figure's own period");
                    assert_eq!(benchmark.reference, Some(figure.as_measure(measure)), "{case}");
                    let exact = rate_over(measure, value, from, figure.period);
                    let compared = benchmark.compared.unwrap();
                    assert!((compared - exact).abs() <= 0.5, "{case}: compared {compared}, converted {exact}");
                    assert_eq!(benchmark.conversion.is_some(), from != figure.period, "{case}");
                    assert_close(benchmark.difference.unwrap(), compared - figure.as_measure(measure));
                    assert!(!benchmark.population.is_empty() && !benchmark.source.is_empty(), "{case}");
                }
            }
        }
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn eighty_five_percent_a_month_is_about_fourteen_over_a_year() {
    let benchmark = rate("retention_rate", 85.0, "month", Some("restaurants"), Locale::En).benchmark.unwrap();
    assert_eq!(
        benchmark.conversion.as_deref(),
        Some("85% a month is about 14% over a year if every month were like this one.")
    );
    assert_eq!(benchmark.verdict, "below");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn churn_meets_the_published_subscription_churn() {
    let benchmark = rate("churn_rate", 8.0, "month", Some("subscriptions"), Locale::En).benchmark.unwrap();
    assert_eq!((benchmark.reference, benchmark.verdict, benchmark.conversion.as_deref()), (Some(5.6), "above", None));
    assert_eq!(
        benchmark.text,
        "Subscription businesses lose about 5.6% a month: at 8% a month you lose 2.4 points more."
    );
    assert!(benchmark.source.starts_with("Recurly"), "{}", benchmark.source);
    let b2b = rate("churn_rate", 4.0, "month", Some("subscriptions_b2b"), Locale::En).benchmark.unwrap();
    let b2c = rate("churn_rate", 4.0, "month", Some("subscriptions_b2c"), Locale::En).benchmark.unwrap();
    assert_eq!((b2b.reference, b2c.reference), (Some(4.9), Some(6.8)));

    // 40 % a year spread over its months: 1 − 0.6^(1/12) ≈ 4.2 % a month.
    let yearly = rate("churn_rate", 40.0, "year", Some("subscriptions"), Locale::En).benchmark.unwrap();
    assert_eq!((yearly.compared, yearly.verdict), (Some(4.2), "below"));
    assert_eq!(yearly.conversion.as_deref(), Some("40% a year is about 4.2% a month if the year's months were alike."));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_shops_churn_meets_its_yearly_retention_turned_into_churn() {
    // The coffee example's 10 % a month: 1 − 0.9^12 ≈ 72 % a year against
    // the 45 % a year that restaurants' 55 % retention leaves.
    let coffee = rate("churn_rate", 10.0, "month", Some("restaurants"), Locale::En).benchmark.unwrap();
    assert_eq!((coffee.reference, coffee.compared, coffee.verdict), (Some(45.0), Some(72.0), "above"));
    assert_eq!(
        coffee.text,
        "Restaurants & cafés keep about 55% a year, so lose about 45% a year: at 72% a year you lose 27 points more."
    );
    let general = rate("churn_rate", 15.0, "year", None, Locale::En).benchmark.unwrap();
    assert_eq!((general.kind, general.reference, general.verdict), ("general", Some(20.0), "below"));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn every_comparison_is_worded_in_every_language() {
    let sectors = SECTORS.iter().map(|s| Some(s.id)).chain([None]);
    for sector_id in sectors {
        for lang in [Locale::En, Locale::Pl, Locale::Ru] {
            for metric in ["retention_rate", "churn_rate"] {
                for (value, period_id) in [(50.0, "month"), (50.0, "year"), (3.0, "quarter")] {
                    let benchmark = rate(metric, value, period_id, sector_id, lang).benchmark.unwrap();
                    let texts = [&benchmark.text, &benchmark.population, &benchmark.figure, &benchmark.source];
                    for text in texts.into_iter().chain(benchmark.conversion.as_ref()) {
                        assert!(!text.is_empty() && !text.contains('{'), "{lang:?} {metric} {sector_id:?}: {text:?}");
                        assert!(!text.contains("benchmark.") && !text.contains("source."), "{text:?}");
                    }
                }
            }
        }
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn the_period_is_a_choice_in_the_catalog_and_checked() {
    for metric in catalog(Locale::En).into_iter().filter(|m| ["retention_rate", "churn_rate"].contains(&m.id)) {
        let input = metric.inputs.iter().find(|i| i.id == "period").expect("a period input");
        let choices: Vec<_> = input.choices.as_ref().expect("choices").iter().map(|c| c.id).collect();
        assert_eq!(choices, ["month", "quarter", "year"], "{}: the default first", metric.id);
        assert!(input.optional);
        let subscriptions = metric.sectors.as_ref().unwrap().iter().find(|s| s.id == "subscriptions").unwrap();
        assert_eq!(
            (subscriptions.value, subscriptions.measure, subscriptions.period),
            (5.6, Measure::Churn, RatePeriod::Month)
        );
    }
    let raw: RawInputs = inputs(&[("start", 200.0), ("lost", 20.0)]).into_iter().chain(period("weekly")).collect();
    let rejected = compute("churn_rate", &raw, &ComputeOptions::default()).expect_err("no such period");
    assert_eq!((rejected.first().field.as_str(), rejected.first().code), ("period", ErrorCode::OutOfRange));
    // Left out, the period is a month; its result says so.
    let plain = succeed("churn_rate", &inputs(&[("start", 200.0), ("lost", 20.0)]), &ComputeOptions::default());
    assert_eq!(plain.period, Some("month"));
    assert!(!plain.inputs.iter().any(|(id, _)| *id == "period"), "the period is not a number among the inputs");
}
