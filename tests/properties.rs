//! Whatever is typed, the engine answers with a finite value or a named
//! error: never NaN, never ∞, never a panic. (Native only: proptest needs
//! the host's randomness.)
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use retention_metrics::{catalog, compute, ComputeOptions, Locale, RawInputs, RawValue};

fn any_input() -> impl Strategy<Value = Option<RawValue>> {
    prop_oneof![
        Just(None),
        any::<f64>().prop_map(|v| Some(RawValue::Number(v))),
        (0.0..1e13f64).prop_map(|v| Some(RawValue::Number(v))),
        (0u32..2000).prop_map(|v| Some(RawValue::Number(v as f64))),
        "[-0-9 ,.$%zł€]{0,12}".prop_map(|s| Some(RawValue::Text(s))),
        ".{0,8}".prop_map(|s| Some(RawValue::Text(s))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn results_are_finite_or_named_errors(metric in 0usize..20, values in prop::collection::vec(any_input(), 5), locale in prop_oneof![Just(None), Just(Some(Locale::En)), Just(Some(Locale::Pl))]) {
        let metrics = catalog(Locale::En);
        let metric = &metrics[metric % metrics.len()];
        let raw: RawInputs = metric.inputs.iter().zip(values).map(|(input, v)| (input.id.to_string(), v)).collect();
        let options = ComputeOptions { locale, ..Default::default() };
        match compute(metric.id, &raw, &options) {
            Ok(result) => {
                prop_assert!(result.value.is_finite(), "{} gave {}", metric.id, result.value);
                prop_assert!(!result.display.contains("NaN") && !result.display.contains("inf"));
                let clean = result.steps.iter().all(|s| !s.contains("NaN") && !s.contains('{'));
                prop_assert!(clean, "{:?}", result.steps);
            }
            Err(rejected) => {
                prop_assert!(!rejected.errors.is_empty());
                for error in &rejected.errors {
                    prop_assert!(metric.inputs.iter().any(|i| i.id == error.field), "unknown field {}", error.field);
                    // What the person typed is quoted “like this”; outside the quotes no placeholder may remain.
                    let outside_quotes: String = error.message.split('“').map(|part| part.rsplit('”').next().unwrap_or(part)).collect();
                    let readable = !error.message.is_empty() && !outside_quotes.contains('{');
                    prop_assert!(readable, "{}", error.message);
                }
            }
        }
    }

    #[test]
    fn the_number_reader_never_panics(text in ".{0,20}") {
        if let Ok(value) = retention_metrics::read_number(&text, None) {
            prop_assert!(value.is_finite());
        }
    }
}

/// Lines of a log-like file: right and wrong cells mixed, in any delimiter.
fn messy_log() -> impl Strategy<Value = String> {
    let cell = prop_oneof![
        "[A-Z][0-9]{1,3}",
        "20[0-9]{2}-[01][0-9]-[0-3][0-9]",
        "[0-3][0-9][./][01][0-9][./]20[0-9]{2}",
        "-?[0-9]{1,4}([.,][0-9]{1,2})?",
        "\"[a-z ,;\n]{0,6}\"",
        ".{0,4}",
        Just(String::new()),
    ];
    let row = prop::collection::vec(cell, 1..5);
    (prop::sample::select(vec![",", ";", "\t", "|"]), prop::collection::vec(row, 0..30))
        .prop_map(|(d, rows)| rows.into_iter().map(|r| r.join(d)).collect::<Vec<_>>().join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any file gives a report with finite numbers, or a named error; with
    /// every column picked and the date order given, only "nothing usable"
    /// or "no such column" can stop it.
    #[test]
    fn any_file_gives_a_report_or_a_named_error(body in messy_log(), header in any::<bool>(), window in 1u32..400) {
        use retention_metrics::analysis::{analyze_transactions, TransactionOptions};
        let text = if header { format!("customer,date,amount\n{body}") } else { body };
        let options = TransactionOptions { window_days: window, ..Default::default() };
        match analyze_transactions(text.as_bytes(), &options, &mut |_| {}) {
            Ok(report) => {
                let json = serde_json::to_string(&report).unwrap();
                prop_assert!(!json.contains("NaN") && !json.contains("inf"), "{json}");
                for p in &report.periods {
                    prop_assert_eq!(p.end, p.start - p.lost + p.new);
                    if let (Some(r), Some(c)) = (p.retention_rate, p.churn_rate) {
                        prop_assert!((r + c - 100.0).abs() < 1e-9);
                    }
                }
                let in_segments: u64 = report.segments.iter().map(|s| s.customers).sum();
                prop_assert_eq!(in_segments, report.totals.customers);
            }
            Err(error) => prop_assert!(!error.message.is_empty() && !error.message.contains('{'), "{}", error.message),
        }
    }
}
