//! Billing exports as a gym, a box subscription or a small SaaS has them,
//! read into MRR movements: a Stripe-like export with annual plans, a
//! Polish one with day-first dates and words for intervals, a table of MRR
//! per month, and every row that cannot be read counted with its reason.

use retention_metrics::analysis::billing::{analyze_subscriptions, BillingOptions, SubscriptionsReport};
use retention_metrics::ingest::date::DateOrder;
use retention_metrics::ingest::skips::SkipReason;
use retention_metrics::{ErrorCode, Locale};

fn read(text: &str) -> SubscriptionsReport {
    analyze_subscriptions(text.as_bytes(), &BillingOptions::default()).expect("read")
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_stripe_like_export_with_an_annual_plan() {
    let report = read(
        "Customer ID,Created (UTC),Amount,Interval,Plan\n\
         cus_1,2024-01-03 10:00,2000.00,year,Studio annual\n\
         cus_2,2024-01-15 09:00,49.00,month,Studio\n\
         cus_2,2024-02-15 09:00,59.00,month,Studio plus\n\
         cus_3,2024-02-20 12:00,49.00,month,Studio\n\
         cus_4,2024-03-02 08:00,49.00,month,Studio\n",
    );
    assert_eq!((report.input.rows, report.input.charges, report.input.customers), (5, 5, 4));
    assert_eq!(report.input.columns.interval.as_deref(), Some("Interval"));
    let months = &report.movements.months;
    assert_eq!(months.len(), 3, "the export ends in March, though the annual plan pays on: those months are to come");
    assert!((months[0].new - (2000.0 / 12.0 + 49.0)).abs() < 1e-9);
    assert_eq!((months[1].expansion, months[1].new), (10.0, 49.0));
    // cus_2 and cus_3 pay nothing in March: both churn.
    assert_eq!((months[2].churned, months[2].customers_churned), (108.0, 2));
    assert_eq!(report.plans[0].plan, "Studio annual");
    assert!(report.input.skipped.is_empty());
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_polish_export_with_words_for_intervals_and_rows_it_cannot_read() {
    let report = read(
        "Klient;Data;Kwota;Okres rozliczeniowy\n\
         Anna;05.01.2024;99,00;miesięcznie\n\
         Anna;05.02.2024;99,00;miesięcznie\n\
         Bartek;10.01.2024;1 188,00;rocznie\n\
         Celina;12.01.2024;-99,00;miesięcznie\n\
         Darek;13.01.2024;99,00;co tydzień\n\
         ;14.01.2024;99,00;miesięcznie\n\
         Razem;;1 386,00;\n",
    );
    assert_eq!(report.input.date_order, DateOrder::Dmy);
    assert_eq!(report.input.charges, 3);
    let codes: Vec<_> = report.input.skipped.iter().map(|s| s.code).collect();
    assert_eq!(codes, [SkipReason::Credit, SkipReason::BadInterval, SkipReason::NoCustomer, SkipReason::TotalRow]);
    assert_eq!(report.input.skipped_total, 4);
    assert!((report.movements.months[0].mrr_end - (99.0 + 99.0)).abs() < 1e-9, "1 188 a year is 99 a month");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_table_of_mrr_per_month_is_taken_as_monthly() {
    let report = read("customer,month,mrr,interval\nA,2024-01,100,year\nA,2024-02,120,year\nB,2024-02,50,year\n");
    assert!(report.input.amount_is_mrr);
    let february = &report.movements.months[1];
    assert_eq!((february.mrr_start, february.expansion, february.new, february.mrr_end), (100.0, 20.0, 50.0, 170.0));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn dates_that_read_either_way_are_asked_about_and_missing_columns_named() {
    let ambiguous = "customer,date,amount\nA,03/04/2024,10\nB,05/06/2024,10\n";
    let error = analyze_subscriptions(ambiguous.as_bytes(), &BillingOptions::default()).unwrap_err();
    assert_eq!((error.field.as_str(), error.code), ("date_order", ErrorCode::AmbiguousDateOrder));
    let told = BillingOptions { date_order: Some(DateOrder::Mdy), ..Default::default() };
    let report = analyze_subscriptions(ambiguous.as_bytes(), &told).unwrap();
    assert_eq!(report.movements.months[0].month, "2024-03");
    let error =
        analyze_subscriptions(b"customer,amount\nA,10\n", &BillingOptions { lang: Locale::Pl, ..Default::default() })
            .unwrap_err();
    assert_eq!((error.field.as_str(), error.code), ("date", ErrorCode::MissingColumn));
    let error =
        analyze_subscriptions(b"customer,date,amount\nA,2024-01-01,abc\n", &BillingOptions::default()).unwrap_err();
    assert_eq!(error.code, ErrorCode::NoData);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn the_sample_gym_reads_whole_with_every_movement() {
    let report = read(&retention_metrics::sample::billing::sample_billing());
    assert_eq!(report.input.skipped_total, 0, "{:?}", report.input.skipped);
    assert_eq!(report.movements.months.len(), 18);
    assert_eq!(report.plans.len(), 3);
    let months = &report.movements.months;
    for movement in ["expansion", "contraction", "churned", "reactivated"] {
        let total: f64 = months
            .iter()
            .map(|m| match movement {
                "expansion" => m.expansion,
                "contraction" => m.contraction,
                "churned" => m.churned,
                _ => m.reactivated,
            })
            .sum();
        assert!(total > 0.0, "the sample shows {movement}");
    }
    // The annual plan's monthly equivalent.
    assert!(report.plans.iter().any(|p| p.plan == "Annual" && (p.mrr / f64::from(p.customers) - 57.5).abs() < 1e-9));
}
