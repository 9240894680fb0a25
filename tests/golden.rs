//! Golden files: the generated coffee-shop sample log analysed in full,
//! compared with the report committed in tests/golden/, natively and under
//! wasm (so the two builds are shown to agree), numbers within 1e-9
//! relative. After a deliberate change, regenerate with
//! `UPDATE_GOLDEN=1 cargo test --test golden` and review the diff.

use retention_metrics::analysis::periods::PeriodKind;
use retention_metrics::analysis::{analyze_transactions, TransactionOptions};
use retention_metrics::sample::{sample_transactions, SampleOptions};
use serde_json::Value;

const MONTHLY: &str = include_str!("golden/coffee-monthly.json");
const QUARTERLY: &str = include_str!("golden/coffee-quarterly.json");

fn report(period: PeriodKind) -> Value {
    let log = sample_transactions(&SampleOptions::coffee_shop());
    let options = TransactionOptions { period, ..Default::default() };
    let report = analyze_transactions(log.as_bytes(), &options, &mut |_| {}).expect("the sample analyses");
    serde_json::to_value(&report).expect("reports serialize")
}

#[track_caller]
fn same(actual: &Value, expected: &Value, path: &str) {
    match (actual, expected) {
        (Value::Number(a), Value::Number(e)) => {
            let (a, e) = (a.as_f64().unwrap(), e.as_f64().unwrap());
            assert!((a - e).abs() <= 1e-9 * e.abs().max(1.0), "{path}: expected {e}, got {a}");
        }
        (Value::Array(a), Value::Array(e)) => {
            assert_eq!(a.len(), e.len(), "{path}: length");
            for (i, (a, e)) in a.iter().zip(e).enumerate() {
                same(a, e, &format!("{path}[{i}]"));
            }
        }
        (Value::Object(a), Value::Object(e)) => {
            let keys = |o: &serde_json::Map<String, Value>| o.keys().cloned().collect::<Vec<_>>();
            assert_eq!(keys(a), keys(e), "{path}: keys");
            for (key, e) in e {
                same(&a[key], e, &format!("{path}.{key}"));
            }
        }
        (a, e) => assert_eq!(a, e, "{path}"),
    }
}

#[track_caller]
fn check(period: PeriodKind, golden: &str, file: &str) {
    let actual = report(period);
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let path = format!("{}/tests/golden/{file}", env!("CARGO_MANIFEST_DIR"));
        std::fs::write(&path, serde_json::to_string_pretty(&actual).unwrap() + "\n").unwrap();
        return;
    }
    let _ = file;
    same(&actual, &serde_json::from_str(golden).expect("the golden file is JSON"), "report");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn sample_log_by_month() {
    check(PeriodKind::Month, MONTHLY, "coffee-monthly.json");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn sample_log_by_quarter() {
    check(PeriodKind::Quarter, QUARTERLY, "coffee-quarterly.json");
}
