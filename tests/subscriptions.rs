//! MRR movements by ChartMogul's definitions (`predict.md` §6), on small
//! books worked by hand: the spec's 100 / 10 / 10 / 10 month, an annual
//! plan spread over its months, a pause and a return, and sign-up cohorts.

use retention_metrics::analysis::subscriptions::{movements, spread_charge, Mrr};
use retention_metrics::calendar::Month;

fn mrr(customer: u32, month: (i32, u32), amount: f64) -> Mrr {
    Mrr { customer, month: Month::new(month.0, month.1), amount }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_start_of_100_with_10_churned_10_contraction_10_expansion() {
    // Three customers paying 10, 30 and 60 in January (MRR 100); in
    // February the first leaves, the second pays 10 less, the third 10 more.
    let rows = [
        mrr(1, (2024, 1), 10.0), // leaves in February: churn 10
        mrr(2, (2024, 1), 30.0),
        mrr(2, (2024, 2), 20.0), // down 10: contraction
        mrr(3, (2024, 1), 60.0),
        mrr(3, (2024, 2), 70.0), // up 10: expansion
    ];
    let february = &movements(&rows).months[1];
    assert_eq!(february.month, "2024-02");
    assert_eq!(
        (february.mrr_start, february.churned, february.contraction, february.expansion),
        (100.0, 10.0, 10.0, 10.0)
    );
    assert_eq!(february.gross_mrr_churn, Some(20.0));
    assert_eq!(february.net_mrr_churn, Some(10.0));
    assert_eq!(february.nrr, Some(90.0));
    assert_eq!(february.mrr_end, 90.0);
    assert_eq!((february.customers_start, february.customers_churned, february.customers_end), (3, 1, 2));
    assert_eq!(february.customer_churn, Some(100.0 / 3.0));
    assert_eq!(february.arpa, Some(45.0));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn an_annual_plan_counts_its_monthly_equivalent_and_a_return_is_a_reactivation() {
    let mut rows = spread_charge(1, Month::new(2024, 1), 2000.0, 12);
    rows.push(mrr(2, (2024, 1), 50.0));
    rows.push(mrr(2, (2024, 3), 50.0)); // away in February, back in March
    let months = movements(&rows).months;
    assert!((months[0].new - (2000.0 / 12.0 + 50.0)).abs() < 1e-9);
    assert_eq!((months[0].customers_new, months[0].mrr_start), (2, 0.0));
    assert_eq!((months[1].churned, months[1].customers_churned), (50.0, 1));
    assert_eq!((months[2].reactivated, months[2].customers_reactivated, months[2].new), (50.0, 1, 0.0));
    // The plan's months add up to nothing moving: no expansion or contraction from dividing by 12.
    assert!(months.iter().all(|m| m.expansion == 0.0 && m.contraction == 0.0));
    // The plan's twelfth month is December: the data ends there, nothing churns.
    assert_eq!((months.len(), months[11].month.as_str()), (12, "2024-12"));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn sign_up_cohorts_keep_their_revenue_in_percent_of_the_first_month() {
    let rows = [
        mrr(1, (2024, 1), 100.0),
        mrr(1, (2024, 2), 120.0),
        mrr(2, (2024, 1), 100.0),
        mrr(3, (2024, 2), 40.0),
        mrr(3, (2024, 3), 40.0),
        mrr(1, (2024, 3), 120.0),
    ];
    let cohorts = movements(&rows).cohorts;
    assert_eq!(cohorts.len(), 2);
    assert_eq!((cohorts[0].cohort.as_str(), cohorts[0].customers, cohorts[0].mrr), ("2024-01", 2, 200.0));
    assert_eq!(cohorts[0].percent, [100.0, 60.0, 60.0]);
    assert_eq!((cohorts[1].cohort.as_str(), cohorts[1].percent.as_slice()), ("2024-02", &[100.0, 100.0][..]));
    assert!(movements(&[]).months.is_empty());
}

fn mrr_churn(inputs: &[(&str, f64)]) -> Result<retention_metrics::MetricResult, retention_metrics::Rejected> {
    use retention_metrics::{compute, ComputeOptions, RawInputs, RawValue};
    let raw: RawInputs = inputs.iter().map(|(id, value)| ((*id).to_string(), Some(RawValue::Number(*value)))).collect();
    compute("mrr_churn", &raw, &ComputeOptions::default())
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn the_mrr_churn_calculator_works_out_the_month_the_analysis_shows() {
    let result = mrr_churn(&[("mrr_start", 100.0), ("churned", 10.0), ("contraction", 10.0), ("expansion", 10.0)])
        .expect("a month of MRR");
    assert_eq!(result.value, 20.0);
    assert_eq!(
        result.steps,
        [
            "Gross MRR churn: ($10 + $10) / $100 × 100 = 20%",
            "Net MRR churn: ($10 + $10 − $10 − $0) / $100 × 100 = 10%",
            "Net revenue retention: 100% − 10% = 90%",
        ]
    );
    // Upgrades above what was lost: net churn below zero, NRR above 100 %.
    let growing = mrr_churn(&[("mrr_start", 1000.0), ("churned", 20.0), ("expansion", 50.0), ("reactivated", 10.0)])
        .expect("a growing month");
    assert_eq!(growing.value, 2.0);
    assert_eq!(growing.steps[2], "Net revenue retention: 100% + 4% = 104%");
    assert!(growing.reading.contains("net revenue retention is 104%"), "{}", growing.reading);
    let refused =
        mrr_churn(&[("mrr_start", 100.0), ("churned", 80.0), ("contraction", 30.0)]).expect_err("too much lost");
    assert_eq!(
        (refused.first().field.as_str(), refused.first().code),
        ("churned", retention_metrics::ErrorCode::OutOfRange)
    );
    // Every customer lost, each amount rounded to cents: a cent over the start is rounding.
    let all_gone =
        mrr_churn(&[("mrr_start", 166.67), ("churned", 100.0), ("contraction", 66.68)]).expect("a cent of rounding");
    assert!((all_gone.value - 100.0).abs() < 0.01, "{}", all_gone.value);
    mrr_churn(&[("mrr_start", 166.67), ("churned", 100.0), ("contraction", 66.70)]).expect_err("three cents is more");
}
