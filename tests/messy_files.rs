//! Real exports are messy: every case the issue lists has a fixture in
//! tests/fixtures, read here through the public analysis, natively and
//! under wasm (the files are compiled in, so the wasm tests need no disk).

use retention_metrics::analysis::costs::{analyze_costs, CostOptions};
use retention_metrics::analysis::segments::Segment;
use retention_metrics::analysis::survey::{analyze_survey, SurveyKind, SurveyOptions};
use retention_metrics::analysis::{analyze_transactions, segment_csv, TransactionOptions, TransactionReport};
use retention_metrics::ingest::columns::{ColumnRef, Pick};
use retention_metrics::ingest::date::DateOrder;
use retention_metrics::ingest::decode::Encoding;
use retention_metrics::ingest::skips::SkipReason;
use retention_metrics::ErrorCode;

#[track_caller]
fn analyze(bytes: &[u8]) -> TransactionReport {
    analyze_transactions(bytes, &TransactionOptions::default(), &mut |_| {}).unwrap_or_else(|e| panic!("{e}"))
}

#[track_caller]
fn close(actual: f64, expected: f64) {
    assert!((actual - expected).abs() < 1e-9, "expected {expected}, got {actual}");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn polish_excel_in_windows_1250() {
    let report = analyze(include_bytes!("fixtures/polish-excel-1250.csv"));
    let input = &report.input;
    assert_eq!(input.encoding, Encoding::Windows1250);
    assert_eq!((input.delimiter.as_str(), input.decimal.as_str(), input.date_order), (";", ",", DateOrder::Dmy));
    assert_eq!(input.columns.customer.as_deref(), Some("Klient"));
    assert_eq!(input.columns.date.as_deref(), Some("Data zamówienia"));
    assert_eq!((input.rows, input.orders, input.customers), (5, 4, 3));
    assert_eq!(input.skipped.len(), 1);
    assert_eq!((input.skipped[0].row, input.skipped[0].code), (6, SkipReason::TotalRow));
    close(report.totals.revenue.unwrap(), 12.5 + 1234.56 + 7.0 + 3.44);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn russian_excel_in_windows_1251() {
    let report = analyze(include_bytes!("fixtures/russian-excel-1251.csv"));
    assert_eq!(report.input.encoding, Encoding::Windows1251);
    assert_eq!(report.input.columns.amount.as_deref(), Some("Сумма, руб."));
    assert_eq!((report.totals.customers, report.totals.orders), (2, 3));
    close(report.totals.revenue.unwrap(), 1850.0);
    assert_eq!(report.input.skipped[0].code, SkipReason::TotalRow);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn us_till_export_with_bom_crlf_quotes_refunds_and_order_lines() {
    let report = analyze(include_bytes!("fixtures/us-pos-export.csv"));
    let input = &report.input;
    assert_eq!((input.delimiter.as_str(), input.decimal.as_str(), input.date_order), (",", ".", DateOrder::Mdy));
    assert_eq!(input.columns.order.as_deref(), Some("Order ID"));
    assert_eq!(input.columns.customer.as_deref(), Some("Customer Email"));
    // Five rows; order 1001 has two lines. Customers: anna, "Smith, Bob" and
    // the one whose quoted name has a line break in it.
    // The (12.00) receipt gives money back: a refund, not an order.
    assert_eq!((input.rows, input.orders, input.refund_rows, input.customers), (5, 3, 1, 3));
    close(report.totals.revenue.unwrap(), 1234.5 + 0.5 + 7.0 + 3.25 - 12.0);
    assert!(report.warnings.iter().any(|w| w.code == "refunds"));
    assert_eq!(report.totals.first_date, "2024-03-25");
    assert_eq!(report.totals.last_date, "2024-04-01", "the last order; the refund after it is none");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn tabs_pipes_and_utf16() {
    let tabs = analyze(include_bytes!("fixtures/tabs.tsv"));
    assert_eq!((tabs.input.delimiter.as_str(), tabs.input.date_order, tabs.totals.orders), ("\t", DateOrder::Ymd, 3));
    let pipes = analyze(include_bytes!("fixtures/pipes.txt"));
    assert_eq!((pipes.input.delimiter.as_str(), pipes.input.decimal.as_str()), ("|", ","));
    close(pipes.totals.revenue.unwrap(), 1235.0);
    let unicode = analyze(include_bytes!("fixtures/excel-unicode-text.txt"));
    assert_eq!(unicode.input.encoding, Encoding::Utf16Le);
    assert_eq!(unicode.totals.customers, 1);
    close(unicode.totals.revenue.unwrap(), 10.0);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn bad_rows_are_skipped_and_listed_with_their_row_numbers() {
    let report = analyze(include_bytes!("fixtures/bad-rows.csv"));
    let skipped: Vec<_> = report.input.skipped.iter().map(|s| (s.row, s.code)).collect();
    assert_eq!(
        skipped,
        [
            (3, SkipReason::NoCustomer),
            (4, SkipReason::BadDate),
            (5, SkipReason::BadAmount),
            (6, SkipReason::BadDate), // 30 February
            (7, SkipReason::MissingCells),
            (9, SkipReason::TotalRow),
        ]
    );
    assert!(report.input.skipped[1].reason.contains("“soon”"), "{}", report.input.skipped[1].reason);
    assert_eq!((report.input.rows, report.totals.orders, report.input.skipped_total), (8, 2, 6));
    close(report.totals.revenue.unwrap(), 11.0);
    assert!(report.warnings.iter().any(|w| w.code == "skipped_rows"));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn files_the_user_must_help_with() {
    let fail =
        |bytes: &[u8], options: &TransactionOptions| analyze_transactions(bytes, options, &mut |_| {}).unwrap_err();
    let defaults = TransactionOptions::default();

    let nothing = fail(include_bytes!("fixtures/nothing-usable.csv"), &defaults);
    assert_eq!((nothing.code, nothing.field.as_str()), (ErrorCode::NoData, "file"));
    let empty = fail(b"\r\n  \n", &defaults);
    assert_eq!((empty.code, empty.field.as_str()), (ErrorCode::NoData, "file"));
    assert!(empty.message.contains("empty"), "{}", empty.message);
    let image = fail(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01", &defaults);
    assert_eq!(image.code, ErrorCode::NotText);
    assert!(image.message.contains("not a text table"), "{}", image.message);

    let ambiguous = include_bytes!("fixtures/ambiguous-dates.csv");
    let unclear = fail(ambiguous, &defaults);
    assert_eq!((unclear.code, unclear.field.as_str()), (ErrorCode::AmbiguousDateOrder, "date_order"));
    assert!(unclear.message.contains("2024-02-01") && unclear.message.contains("2024-01-02"), "{}", unclear.message);
    let mut us = TransactionOptions::default();
    us.log.date_order = Some(DateOrder::Mdy);
    let report = analyze_transactions(ambiguous, &us, &mut |_| {}).unwrap();
    assert_eq!(report.totals.first_date, "2024-01-02");
    assert!(report.input.date_order_chosen);

    let headless = include_bytes!("fixtures/no-header.csv");
    let missing = fail(headless, &defaults);
    assert_eq!((missing.code, missing.field.as_str()), (ErrorCode::MissingColumn, "customer"));
    let mut picked = TransactionOptions::default();
    picked.log.columns.customer = Pick::Column(ColumnRef::Index(0));
    picked.log.columns.date = Pick::Column(ColumnRef::Index(1));
    picked.log.columns.amount = Pick::Column(ColumnRef::Index(2));
    let report = analyze_transactions(headless, &picked, &mut |_| {}).unwrap();
    assert_eq!((report.input.rows, report.totals.customers), (3, 2));
    assert_eq!(report.input.columns.amount.as_deref(), Some("column 3"));
    picked.log.columns.amount = Pick::Column(ColumnRef::Index(7));
    assert_eq!(fail(headless, &picked).code, ErrorCode::UnknownColumn);

    let zero_window = TransactionOptions { window_days: 0, ..Default::default() };
    assert_eq!(fail(headless, &zero_window).code, ErrorCode::OutOfRange);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn segment_lists_are_safe_to_open_in_a_spreadsheet() {
    let csv =
        segment_csv(include_bytes!("fixtures/formula-injection.csv"), &TransactionOptions::default(), Segment::New)
            .unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "customer,orders,revenue,first_order,last_order");
    // Best customers first: @anna (7), +SUM (6), =cmd (5).
    assert_eq!(lines[1], "'@anna,1,7.00,2024-03-03,2024-03-03");
    assert_eq!(lines[2], "'+SUM(A1),1,6.00,2024-03-02,2024-03-02");
    assert_eq!(lines[3], "'=cmd|' /C calc'!A0,1,5.00,2024-03-01,2024-03-01");
    // A Polish list is for a Polish spreadsheet: `;` between cells, a decimal comma.
    let mut polish = TransactionOptions::default();
    polish.log.lang = retention_metrics::locale::Locale::Pl;
    let csv = segment_csv(include_bytes!("fixtures/formula-injection.csv"), &polish, Segment::New).unwrap();
    assert_eq!(csv.lines().nth(1), Some("'@anna;1;7,00;2024-03-03;2024-03-03"));
}

fn survey(kind: SurveyKind, scale_max: Option<u8>, text: &str) -> retention_metrics::analysis::survey::SurveyReport {
    let options = SurveyOptions { kind, column: None, scale_max, lang: Default::default() };
    analyze_survey(text.as_bytes(), &options).unwrap_or_else(|e| panic!("{e}"))
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn survey_answers() {
    // NPS: 6 answers (one blank skipped), promoters 10, 9, 10; detractors 6, 3.
    let nps = survey(SurveyKind::Nps, None, "10\n9\n8\n6\n\n3\n10\n");
    assert_eq!((nps.responses, nps.blank), (6, 1));
    close(nps.value, 100.0 / 6.0);
    let parts = nps.nps.unwrap();
    assert_eq!((parts.promoters, parts.passives, parts.detractors), (3, 1, 2));
    assert_eq!(nps.counts, [0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 2]);
    // The same answers typed on one line.
    let line = survey(SurveyKind::Nps, None, "10, 9, 8, 6, , 3, 10\n");
    assert_eq!((line.responses, line.blank), (6, 1));
    close(line.value, 100.0 / 6.0);
    // CSAT on 1–5 read from the answers: top two boxes 4–5 → 3 of 5.
    let csat = survey(SurveyKind::Csat, None, "rating;comment\n5;great\n4;ok\n3;meh\n1;bad\n4;fine\n");
    assert_eq!((csat.scale.min, csat.scale.max, csat.scale_detected, csat.satisfied), (1, 5, true, Some(3)));
    close(csat.value, 60.0);
    assert_eq!(csat.column, "rating");
    // A survey tool's report title and a comment whose quote never closes:
    // both listed, and the answers after the quote still counted.
    let titled = survey(SurveyKind::Csat, None, "Survey export, March\nrating;comment\n5;\"great\n4;ok\n2;bad\n");
    assert_eq!(titled.responses, 2);
    let skipped: Vec<_> = titled.skipped.iter().map(|s| (s.row, s.code)).collect();
    assert_eq!(skipped, [(1, SkipReason::Title), (3, SkipReason::UnclosedQuote)]);
    // CSAT on a picked 1–10 scale: 9–10.
    let ten = survey(SurveyKind::Csat, Some(10), "9\n10\n8\n");
    close(ten.value, 200.0 / 3.0);
    // CES 1–7: mean 4.5; agree (5–7) 3 of 6 = 50 %; index %(6–7) − %(1–3) = 50 − 33.3.
    let ces = survey(SurveyKind::Ces, None, "7\n6\n6\n2\n1\n5\n");
    let ces_parts = ces.ces.unwrap();
    close(ces_parts.mean, 27.0 / 6.0);
    close(ces_parts.agree_share, 400.0 / 6.0);
    close(ces_parts.index, 50.0 - 100.0 / 3.0);
    // Answers off the scale are listed.
    let odd = survey(SurveyKind::Nps, None, "score\n11\n9\nfine\n7.5\n");
    assert_eq!((odd.responses, odd.skipped_total), (1, 3));
    assert_eq!(odd.skipped[0].row, 2);
    let none = analyze_survey(
        b"score\nfine\n",
        &SurveyOptions { kind: SurveyKind::Nps, column: None, scale_max: None, lang: Default::default() },
    );
    assert_eq!(none.unwrap_err().code, ErrorCode::NoData);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn cost_rows() {
    let rows = "Category;Cost\nTeam;5 000,00\nSoftware;900\nteam;500\nLoyalty programme;2 000\nRazem;8 400\n";
    let report =
        analyze_costs(rows.as_bytes(), &CostOptions { active_customers: Some(700), ..Default::default() }).unwrap();
    let categories: Vec<_> = report.categories.iter().map(|c| (c.category.as_str(), c.amount)).collect();
    assert_eq!(categories, [("Team", 5500.0), ("Software", 900.0), ("Loyalty programme", 2000.0)]);
    assert_eq!((report.total, report.per_customer, report.skipped_total), (8400.0, Some(12.0), 1));
    let unknown = analyze_costs(rows.as_bytes(), &CostOptions::default()).unwrap();
    assert_eq!(unknown.per_customer, None);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn the_nps_shown_is_rounded_half_away_from_the_exact_value() {
    let nps = |answers: &str| {
        let options = SurveyOptions { kind: SurveyKind::Nps, column: None, scale_max: None, lang: Default::default() };
        analyze_survey(answers.replace(' ', "\n").as_bytes(), &options).unwrap().nps.unwrap().shown
    };
    assert_eq!(nps("10 9 8 6 3 10"), 17.0, "16.67, not 50 − 33");
    assert_eq!(nps("10 8 8 8 8 8 8 8"), 13.0, "12.5 exactly rounds up");
    assert_eq!(nps("1 8 8 8 8 8 8 8"), -13.0, "and −12.5 down");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_huge_cell_is_quoted_short() {
    let cell = "ż".repeat(5_000_000); // 10 MB of UTF-8
    let costs = analyze_costs(format!("category;amount\nA;{cell}\nB;5\n").as_bytes(), &CostOptions::default()).unwrap();
    let reason = &costs.skipped[0].reason;
    assert_eq!(reason, &format!("“{}…” is not an amount.", "ż".repeat(40)));
    let survey = SurveyOptions {
        kind: SurveyKind::Nps,
        column: Some(ColumnRef::Name(cell.clone())),
        scale_max: None,
        lang: retention_metrics::Locale::En,
    };
    let error = analyze_survey(b"score\n9\n", &survey).unwrap_err();
    assert_eq!(error.code, ErrorCode::UnknownColumn);
    assert!(error.message.chars().count() < 100, "{}", error.message);
}
