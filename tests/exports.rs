//! Real exports as shops, tills and booking books write them, read with no
//! help: every fixture in tests/fixtures, its columns found by header and
//! confirmed by content, its statuses, refunds and currencies, and every
//! row accounted for. Natively and under wasm (the files are compiled in).

use retention_metrics::analysis::{analyze_transactions, TransactionOptions, TransactionReport};
use retention_metrics::ingest::columns::{ColumnRef, Pick, Role};
use retention_metrics::ingest::skips::SkipReason;

#[track_caller]
fn analyze_with(bytes: &[u8], options: &TransactionOptions) -> TransactionReport {
    analyze_transactions(bytes, options, &mut |_| {}).unwrap_or_else(|e| panic!("{e}"))
}

#[track_caller]
fn analyze(bytes: &[u8]) -> TransactionReport {
    analyze_with(bytes, &TransactionOptions::default())
}

#[track_caller]
fn close(actual: f64, expected: f64) {
    assert!((actual - expected).abs() < 1e-9, "expected {expected}, got {actual}");
}

/// How many rows of each reason were skipped.
fn skipped(report: &TransactionReport, reason: SkipReason) -> usize {
    report.input.skipped_counts.iter().find(|c| c.code == reason).map_or(0, |c| c.rows)
}

/// Every transactions fixture the project ships.
const LOGS: [(&str, &[u8]); 21] = [
    ("ambiguous-dates.csv", include_bytes!("fixtures/ambiguous-dates.csv")),
    ("bad-rows.csv", include_bytes!("fixtures/bad-rows.csv")),
    ("dates-mixed.csv", include_bytes!("fixtures/dates-mixed.csv")),
    ("excel-report.csv", include_bytes!("fixtures/excel-report.csv")),
    ("excel-unicode-text.txt", include_bytes!("fixtures/excel-unicode-text.txt")),
    ("extra-cells.csv", include_bytes!("fixtures/extra-cells.csv")),
    ("formula-injection.csv", include_bytes!("fixtures/formula-injection.csv")),
    ("mixed-currency.csv", include_bytes!("fixtures/mixed-currency.csv")),
    ("no-header.csv", include_bytes!("fixtures/no-header.csv")),
    ("pipes.txt", include_bytes!("fixtures/pipes.txt")),
    ("polish-excel-1250.csv", include_bytes!("fixtures/polish-excel-1250.csv")),
    ("polish-shop.csv", include_bytes!("fixtures/polish-shop.csv")),
    ("russian-excel-1251.csv", include_bytes!("fixtures/russian-excel-1251.csv")),
    ("russian-shop.csv", include_bytes!("fixtures/russian-shop.csv")),
    ("shopify-orders.csv", include_bytes!("fixtures/shopify-orders.csv")),
    ("square-transactions.csv", include_bytes!("fixtures/square-transactions.csv")),
    ("stripe-payments.csv", include_bytes!("fixtures/stripe-payments.csv")),
    ("sumup-transactions.csv", include_bytes!("fixtures/sumup-transactions.csv")),
    ("tabs.tsv", include_bytes!("fixtures/tabs.tsv")),
    ("visits-1251.csv", include_bytes!("fixtures/visits-1251.csv")),
    ("woocommerce-orders.csv", include_bytes!("fixtures/woocommerce-orders.csv")),
];

/// The rows of a file counted apart from the engine: records that hold
/// something, less the header, a line break inside quotes belonging to its
/// record. Without `quotes`, line by line (a quote that never closes would
/// leave the rest of the file inside it; the engine reads those lines as
/// rows again).
fn rows_in(text: &str, quotes: bool) -> usize {
    let (mut rows, mut quoted, mut filled) = (0, false, false);
    for c in text.chars().chain(std::iter::once('\n')) {
        match c {
            '"' if quotes => quoted = !quoted,
            '\n' if !quoted => {
                rows += usize::from(filled);
                filled = false;
            }
            ',' | ';' | '\t' | '|' | ' ' | '\r' | '\u{feff}' => {}
            _ => filled = true,
        }
    }
    rows
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn every_row_of_every_fixture_is_accounted_for() {
    for (name, bytes) in LOGS {
        let mut options = TransactionOptions::default();
        if name == "ambiguous-dates.csv" {
            options.log.date_order = Some(retention_metrics::ingest::date::DateOrder::Dmy);
        }
        if name == "no-header.csv" {
            for (i, role) in [Role::Customer, Role::Date, Role::Amount].into_iter().enumerate() {
                *options.log.columns.get_mut(role) = Pick::Column(ColumnRef::Index(i));
            }
        }
        let report = analyze_with(bytes, &options);
        let input = &report.input;
        assert_eq!(
            input.rows,
            input.orders + input.merged_lines + input.refund_rows + input.skipped_total,
            "{name}: rows = orders + merged lines + refunds + skipped"
        );
        assert_eq!(input.skipped_counts.iter().map(|c| c.rows).sum::<usize>(), input.skipped_total, "{name}");
        let (text, _) = retention_metrics::ingest::decode::decode(bytes);
        let header = usize::from(input.header);
        assert_eq!(input.rows + header, rows_in(&text, name != "unclosed-quote.csv"), "{name}: rows in the file");
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn shopify_orders_with_lines_statuses_and_refunds() {
    let report = analyze(include_bytes!("fixtures/shopify-orders.csv"));
    let input = &report.input;
    let columns = &input.columns;
    assert_eq!(
        [
            &columns.customer,
            &columns.date,
            &columns.amount,
            &columns.order,
            &columns.status,
            &columns.refund,
            &columns.currency
        ]
        .map(|c| c.as_deref()),
        [
            Some("Email"),
            Some("Created at"),
            Some("Total"),
            Some("Name"),
            Some("Financial Status"),
            Some("Refunded Amount"),
            Some("Currency")
        ]
    );
    // 11 rows: #1003 (voided) and #1004 (pending) are left out; 3 more are
    // lines of #1001 and #1007.
    assert_eq!((input.rows, input.orders, input.merged_lines, input.customers), (11, 6, 3, 4));
    assert_eq!(skipped(&report, SkipReason::LeftOut), 2);
    assert_eq!(input.currency, Some("EUR"));
    // #1005 refunded in full (25), #1006 in part (10).
    assert_eq!(input.refunds.rows, 2);
    close(input.refunds.amount, 35.0);
    close(input.refunds.revenue_before, 252.5);
    close(report.totals.revenue.unwrap(), 217.5);
    assert_eq!(report.totals.first_date, "2024-03-05");
    assert!(report.warnings.iter().any(|w| w.code == "merged_lines" && w.message.contains("9 order lines")));
    assert!(report.warnings.iter().any(|w| w.code == "refunds"));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn woocommerce_square_sumup_and_stripe() {
    let woo = analyze(include_bytes!("fixtures/woocommerce-orders.csv"));
    assert_eq!(woo.input.columns.amount.as_deref(), Some("Net Sales"));
    assert_eq!(woo.input.columns.customer.as_deref(), Some("Customer"));
    // Cancelled, pending payment, failed and on hold: 4 left out.
    assert_eq!((woo.input.orders, skipped(&woo, SkipReason::LeftOut)), (5, 4));
    close(woo.totals.revenue.unwrap(), 40.0 + 18.5 + 45.0 + 25.0);

    let square = analyze(include_bytes!("fixtures/square-transactions.csv"));
    let columns = &square.input.columns;
    assert_eq!(
        [&columns.customer, &columns.amount, &columns.order, &columns.refund].map(|c| c.as_deref()),
        [Some("Customer ID"), Some("Total Collected"), Some("Transaction ID"), None]
    );
    assert_eq!((square.input.orders, square.input.refund_rows, square.input.currency), (5, 1, Some("USD")));
    close(square.totals.revenue.unwrap(), 5.86 + 3.24 + 1296.0 + 2.86 - 3.24 + 7.48);

    let sumup = analyze(include_bytes!("fixtures/sumup-transactions.csv"));
    assert_eq!(sumup.input.columns.amount.as_deref(), Some("Total amount"));
    assert_eq!((sumup.input.orders, skipped(&sumup, SkipReason::LeftOut)), (4, 2));
    close(sumup.totals.revenue.unwrap(), 12.5 + 8.0 + 7.5);

    let stripe = analyze(include_bytes!("fixtures/stripe-payments.csv"));
    let columns = &stripe.input.columns;
    assert_eq!(
        [&columns.customer, &columns.date, &columns.amount, &columns.refund, &columns.currency].map(|c| c.as_deref()),
        [Some("Customer ID"), Some("Created date (UTC)"), Some("Amount"), Some("Amount Refunded"), Some("Currency")]
    );
    // One failed payment; the EUR payment is not summed with the dollars.
    assert_eq!((stripe.input.currency, stripe.input.currencies.len()), (Some("USD"), 2));
    assert_eq!((skipped(&stripe, SkipReason::LeftOut), skipped(&stripe, SkipReason::OtherCurrency)), (1, 1));
    close(stripe.totals.revenue.unwrap(), 25.0 + 25.0 + 0.0 + 20.0);
    assert!(stripe.warnings.iter().any(|w| w.code == "mixed_currencies"));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn polish_and_russian_shop_exports() {
    let polish = analyze(include_bytes!("fixtures/polish-shop.csv"));
    assert_eq!(polish.input.columns.amount.as_deref(), Some("Wartość zamówienia"));
    assert_eq!(polish.input.columns.status.as_deref(), Some("Status"));
    assert_eq!(
        (polish.input.orders, skipped(&polish, SkipReason::LeftOut), polish.input.currency),
        (4, 2, Some("PLN"))
    );
    close(polish.totals.revenue.unwrap(), 129.99 + 59.0 + 0.0 + 1249.0);

    let russian = analyze(include_bytes!("fixtures/russian-shop.csv"));
    assert_eq!(russian.input.columns.status.as_deref(), Some("Статус оплаты"));
    assert_eq!(russian.input.columns.amount.as_deref(), Some("Сумма заказа"));
    assert_eq!(
        (russian.input.orders, skipped(&russian, SkipReason::LeftOut), russian.input.currency),
        (4, 1, Some("RUB"))
    );
    close(russian.totals.revenue.unwrap(), 1250.0 + 3400.0 + 2150.5);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_visits_only_book_in_windows_1251() {
    let report = analyze(include_bytes!("fixtures/visits-1251.csv"));
    let input = &report.input;
    assert!(!input.has_amounts);
    assert_eq!(input.columns.amount, None);
    assert_eq!((input.rows, input.orders, input.customers), (13, 12, 4));
    assert_eq!(skipped(&report, SkipReason::TotalRow), 1);
    // Everything that needs no money is there; the money is left out, not 0.
    assert_eq!(report.totals.revenue, None);
    assert_eq!(report.totals.aov, None);
    assert!(report.periods.iter().all(|p| p.revenue.is_none()));
    assert_eq!(report.periods[1].start, 2);
    assert!(report.periods[1].retention_rate.is_some());
    assert_eq!(report.segments.iter().map(|s| s.customers).sum::<u64>(), 4);
    assert!(report.segments.iter().all(|s| s.revenue.is_none()));
    assert!(report.warnings.iter().any(|w| w.code == "no_amounts"));
    assert!(!report.cohorts.is_empty());
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn an_unclosed_quote_loses_one_row_not_the_rest() {
    let report = analyze(include_bytes!("fixtures/unclosed-quote.csv"));
    let input = &report.input;
    assert_eq!((input.rows, input.orders, input.skipped_total), (5, 4, 1));
    assert_eq!((input.skipped[0].row, input.skipped[0].code), (3, SkipReason::UnclosedQuote));
    close(report.totals.revenue.unwrap(), 7.5 + 4.0 + 5.0 + 6.0);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn rows_that_do_not_fit_the_header_are_listed_not_guessed() {
    let report = analyze(include_bytes!("fixtures/extra-cells.csv"));
    let input = &report.input;
    // `1,234.56` unquoted splits the row; a trailing empty cell does not.
    assert_eq!((input.orders, input.skipped_total), (3, 1));
    assert_eq!((input.skipped[0].row, input.skipped[0].code), (3, SkipReason::ExtraCells));
    assert!(input.skipped[0].reason.contains("B,2024-03-02,1,234.56"), "{}", input.skipped[0].reason);
    close(report.totals.revenue.unwrap(), 22.0);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn report_titles_repeated_headers_and_totals() {
    let report = analyze(include_bytes!("fixtures/excel-report.csv"));
    let input = &report.input;
    assert_eq!(input.columns.customer.as_deref(), Some("Klient"));
    assert_eq!((input.orders, input.customers), (5, 3));
    assert_eq!(
        [SkipReason::Title, SkipReason::RepeatedHeader, SkipReason::TotalRow].map(|r| skipped(&report, r)),
        [3, 1, 2]
    );
    assert_eq!(input.skipped[0].row, 1);
    assert!(input.skipped[0].reason.contains("Raport sprzedaży"));
    close(report.totals.revenue.unwrap(), 60.5);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn excel_serials_other_formats_and_impossible_dates() {
    let report = analyze(include_bytes!("fixtures/dates-mixed.csv"));
    let input = &report.input;
    // 45294 and 45300.5 are Excel days; `7 Jan 2024` and `15.01.2024` are
    // unambiguous; 2024-02-30 does not exist; 1000 and 9999 are placeholders.
    assert_eq!(input.orders, 5);
    assert_eq!(skipped(&report, SkipReason::OutOfRange), 2);
    assert_eq!(skipped(&report, SkipReason::BadDate), 1);
    assert!(input.skipped[0].reason.contains("2024-02-30"));
    assert_eq!(report.totals.first_date, "2024-01-03");
    assert_eq!(report.totals.last_date, "2024-01-15");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn mixed_currencies_are_not_summed() {
    let bytes = include_bytes!("fixtures/mixed-currency.csv");
    let report = analyze(bytes);
    assert_eq!(report.input.currency, Some("PLN"));
    assert_eq!(skipped(&report, SkipReason::OtherCurrency), 2);
    close(report.totals.revenue.unwrap(), 39.5);
    let mut euros = TransactionOptions::default();
    euros.log.currency = Some("EUR");
    let report = analyze_with(bytes, &euros);
    assert_eq!((report.input.currency, report.input.orders), (Some("EUR"), 2));
    close(report.totals.revenue.unwrap(), 11.0);
}
