//! The JavaScript contract (README, "JavaScript API"), exercised through the real
//! wasm-bindgen exports. Runs in Node (`cargo test --target
//! wasm32-unknown-unknown --tests`) and in headless Chromium (the same with
//! `WASM_BINDGEN_USE_BROWSER=1`).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Error, Function, Object, Reflect, Uint8Array};
use retention_metrics::predict::bgnbd::{self, Group};
use retention_metrics::predict::History;
use retention_metrics::wasm::{
    analyze_costs_js, analyze_subscriptions_js, analyze_survey_js, analyze_transactions_js, bg_nbd_customer_js,
    bg_nbd_expected_js, catalog, compute, convert_rate_js, fit_bg_nbd_js, fit_gamma_gamma_js, messages,
    predict_customers_js, preview_table_js, project_retention_js, read_number_js, sample_transactions_js,
    segment_csv_js, summarize_customers_js, table_csv_js, what_if_js,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).expect("readable property")
}

fn text(object: &JsValue, key: &str) -> String {
    get(object, key).as_string().unwrap_or_else(|| panic!("{key} is not a string"))
}

fn number(object: &JsValue, key: &str) -> f64 {
    get(object, key).as_f64().unwrap_or_else(|| panic!("{key} is not a number"))
}

fn array(object: &JsValue, key: &str) -> Array {
    get(object, key).dyn_into().unwrap_or_else(|_| panic!("{key} is not an array"))
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in pairs {
        Reflect::set(&object, &(*key).into(), value).expect("settable");
    }
    object.into()
}

#[wasm_bindgen_test]
fn catalog_has_the_documented_shape() {
    let metrics: Array = catalog(JsValue::UNDEFINED).expect("catalog").dyn_into().expect("an array");
    assert_eq!(metrics.length(), 22);
    let first = metrics.get(0);
    assert_eq!(text(&first, "id"), "retention_rate");
    assert_eq!(text(&first, "name"), "Customer retention rate");
    assert_eq!(text(&first, "formula"), "((E − N) / S) × 100");
    let input = array(&first, "inputs").get(0);
    assert_eq!((text(&input, "id"), text(&input, "kind")), ("start".to_string(), "count".to_string()));
    assert!(text(&input, "label").contains("(S)"));
    let example = array(&first, "examples").get(0);
    assert_eq!(number(&get(&example, "inputs"), "start"), 200.0);
    assert_eq!(number(&example, "value"), 90.0);
    assert_eq!(array(&first, "sectors").length(), 9);
    let period = array(&first, "inputs").get(3);
    assert_eq!((text(&period, "id"), text(&period, "kind")), ("period".to_string(), "period".to_string()));
    assert_eq!(text(&array(&period, "choices").get(0), "id"), "month");
}

#[wasm_bindgen_test]
fn compute_returns_value_unit_formula_steps_and_reading() {
    let inputs = object(&[("start", 200.into()), ("end", 210.into()), ("new", 30.into())]);
    let result = compute("retention_rate".into(), inputs, JsValue::UNDEFINED).expect("computes");
    assert_eq!(number(&result, "value"), 90.0);
    assert_eq!(text(&result, "unit"), "percent");
    assert_eq!(text(&result, "formula"), "((E − N) / S) × 100");
    assert_eq!(array(&result, "steps").get(0).as_string().as_deref(), Some("((210 − 30) / 200) × 100 = 90%"));
    assert!(text(&result, "reading").contains("180 of 200"));
    assert_eq!(array(&result, "warnings").length(), 0);
    // A month's 90 % is about 28 % over a year: below the yearly 80 % mark.
    let benchmark = get(&result, "benchmark");
    assert_eq!((text(&benchmark, "verdict"), text(&benchmark, "period")), ("below".to_string(), "year".to_string()));
    assert_eq!(number(&benchmark, "compared"), 28.0);
    assert_eq!(text(&result, "period"), "month");
}

#[wasm_bindgen_test]
fn what_if_rates_and_typed_numbers_cross_the_boundary() {
    let inputs = object(&[
        ("customers", 200.into()),
        ("retention", "90".into()),
        ("period", "quarter".into()),
        ("visits", 4.into()),
        ("aov", "7,50".into()),
        ("more_retention", 2.into()),
    ]);
    let result = what_if_js(inputs, object(&[("locale", "pl".into()), ("lang", "pl".into())])).expect("works out");
    assert_eq!(text(&result, "period"), "quarter");
    assert_eq!(number(&get(&result, "now"), "aov"), 7.5);
    assert!(number(&get(&result, "changed"), "clv") > number(&get(&result, "now"), "clv"));
    assert_eq!(array(&result, "steps").length(), 5);
    let refused =
        what_if_js(object(&[("visits", 4.into()), ("aov", 7.into())]), JsValue::UNDEFINED).expect_err("no rate");
    assert_eq!(text(&refused, "field"), "retention");
    let yearly = convert_rate_js("retention_rate".into(), 90.0, "month".into(), "year".into()).as_f64().unwrap();
    assert!((yearly - 28.242_953_648_1).abs() < 1e-9);
    assert!(convert_rate_js("net_promoter_score".into(), 90.0, "month".into(), "year".into()).is_null());
    assert!(convert_rate_js("churn_rate".into(), f64::NAN, "month".into(), "year".into()).is_null());
    assert_eq!(read_number_js("85,5".into(), object(&[("locale", "pl".into())])).as_f64(), Some(85.5));
    assert!(read_number_js("1,234".into(), JsValue::UNDEFINED).is_null(), "ambiguous: no guess");
    assert!(read_number_js(JsValue::NULL, JsValue::UNDEFINED).is_null());
}

#[wasm_bindgen_test]
fn typed_strings_follow_the_locale_option() {
    let inputs = object(&[("revenue", "1 234,50".into()), ("orders", "2".into())]);
    let options = object(&[("locale", "pl".into()), ("currency", "PLN".into())]);
    let result = compute("average_order_value".into(), inputs, options).expect("computes");
    assert_eq!(number(&result, "value"), 617.25);
    assert_eq!(text(&result, "display"), "617,25\u{a0}zł");
    // The numbers the result was worked out from, as read, in the catalog's order.
    let read = get(&result, "inputs");
    assert_eq!(number(&read, "revenue"), 1234.5);
    assert_eq!(number(&read, "orders"), 2.0);
    let keys: Vec<String> = Object::keys(read.unchecked_ref::<Object>()).iter().filter_map(|k| k.as_string()).collect();
    assert_eq!(keys, ["revenue", "orders"]);
}

#[wasm_bindgen_test]
fn table_csv_writes_for_the_readers_spreadsheet() {
    let money = object(&[("money", 7.into())]);
    let rows: Array = [Array::of2(&"Okres".into(), &"=1+1".into()), Array::of3(&1234.5.into(), &money, &JsValue::NULL)]
        .into_iter()
        .collect();
    let polish = table_csv_js(rows.clone().into(), "pl".into()).expect("csv");
    assert_eq!(polish, "Okres;'=1+1\r\n1234,5;7,00;\r\n");
    let english = table_csv_js(rows.into(), object(&[("lang", "en".into())])).expect("csv");
    assert_eq!(english, "Okres,'=1+1\r\n1234.5,7.00,\r\n");
    assert!(table_csv_js("rows".into(), JsValue::UNDEFINED).is_err());
}

#[wasm_bindgen_test]
fn invalid_input_throws_an_error_with_field_and_code() {
    let inputs = object(&[("start", 200.into()), ("lost", 250.into())]);
    let thrown = compute("churn_rate".into(), inputs, JsValue::UNDEFINED).expect_err("rejected");
    let error: &Error = thrown.dyn_ref().expect("a JS Error");
    assert!(String::from(error.message()).starts_with("Customers lost (L) can't be more than"));
    assert_eq!(text(&thrown, "field"), "lost");
    assert_eq!(text(&thrown, "code"), "exceeds");
    assert_eq!(array(&thrown, "errors").length(), 1);
}

#[wasm_bindgen_test]
fn nan_and_wrong_types_are_errors_for_each_field() {
    let inputs = object(&[("start", JsValue::from_f64(f64::NAN)), ("lost", JsValue::TRUE)]);
    let thrown = compute("churn_rate".into(), inputs, JsValue::UNDEFINED).expect_err("rejected");
    let errors = array(&thrown, "errors");
    assert_eq!(errors.length(), 2);
    for error in errors.iter() {
        assert_eq!(text(&error, "code"), "not_a_number");
    }
    assert_eq!(text(&thrown, "field"), "start");
}

#[wasm_bindgen_test]
fn missing_inputs_and_unknown_metrics_throw() {
    let thrown = compute("churn_rate".into(), JsValue::UNDEFINED, JsValue::UNDEFINED).expect_err("rejected");
    assert_eq!((text(&thrown, "field"), text(&thrown, "code")), ("start".to_string(), "required".to_string()));
    let thrown = compute("happiness".into(), JsValue::UNDEFINED, JsValue::UNDEFINED).expect_err("rejected");
    assert_eq!(text(&thrown, "code"), "unknown_metric");
    // An id that is not text names no metric either (it used to trap in the glue).
    let thrown = compute(5.into(), JsValue::UNDEFINED, JsValue::UNDEFINED).expect_err("rejected");
    assert_eq!(text(&thrown, "code"), "unknown_metric");
    let thrown = compute("churn_rate".into(), "start=5".into(), JsValue::UNDEFINED).expect_err("rejected");
    assert_eq!(text(&thrown, "field"), "inputs");
}

#[wasm_bindgen_test]
fn every_catalog_example_round_trips_through_javascript() {
    let metrics: Array = catalog("en".into()).expect("catalog").dyn_into().expect("an array");
    for metric in metrics.iter() {
        for example in array(&metric, "examples").iter() {
            let id = text(&metric, "id");
            // A series example's cohorts go in as the page types them: a line each.
            let inputs = get(&example, "inputs");
            if let Ok(series) = get(&example, "series").dyn_into::<Array>() {
                let lines: Vec<String> = series
                    .iter()
                    .map(|cohort| {
                        Array::from(&cohort)
                            .iter()
                            .map(|v| v.as_f64().unwrap().to_string())
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect();
                Reflect::set(&inputs, &"survival".into(), &lines.join("\n").into()).expect("settable");
            }
            let result = compute(id.as_str().into(), inputs, JsValue::UNDEFINED).expect("example computes");
            let (value, expected) = (number(&result, "value"), number(&example, "value"));
            // Relative: a fitted model's optimum is found to about 10⁻⁹ of its value.
            assert!((value - expected).abs() < 1e-9 * expected.abs().max(1.0), "{id}: {value} != {expected}");
        }
    }
}

#[wasm_bindgen_test]
fn messages_are_a_plain_object_of_strings() {
    let page = messages("en".into()).expect("messages");
    assert_eq!(text(&page, "ui.title"), "Customer retention calculator");
    assert_eq!(text(&page, "currency.PLN"), "Polish złoty (zł)");
}

const LOG: &str = "customer,date,amount\nanna,2024-01-05,7.50\nben,2024-01-09,3\nanna,2024-02-02,4.50\n";

#[wasm_bindgen_test]
fn analyze_transactions_has_the_documented_shape() {
    let report = analyze_transactions_js(LOG.into(), JsValue::UNDEFINED).expect("a report");
    let input = get(&report, "input");
    assert_eq!((number(&input, "rows"), number(&input, "orders"), number(&input, "customers")), (3.0, 3.0, 2.0));
    assert_eq!(text(&input, "delimiter"), ",");
    assert_eq!(text(&input, "date_order"), "ymd");
    assert_eq!(text(&get(&input, "columns"), "amount"), "amount");
    let totals = get(&report, "totals");
    assert_eq!(number(&totals, "revenue"), 15.0);
    assert!(get(&get(&totals, "clv"), "value").is_null(), "two months: no CLV");
    assert!(!text(&get(&totals, "clv"), "note").is_empty());
    let periods = array(&report, "periods");
    assert_eq!(periods.length(), 2);
    assert_eq!(text(&periods.get(0), "period"), "2024-01");
    assert!(get(&periods.get(0), "retention_rate").is_null(), "S = 0 gives null, not NaN");
    assert_eq!(number(&periods.get(1), "start"), 2.0);
    assert_eq!(number(&get(&report, "concentration"), "top10_share"), 12.0 / 15.0 * 100.0);
    let cohort = array(&report, "cohorts").get(0);
    assert_eq!(array(&cohort, "percent").get(0).as_f64(), Some(100.0));
    let segments = array(&report, "segments");
    assert_eq!(segments.length(), 6);
    assert_eq!(text(&segments.get(0), "id"), "new");
}

#[wasm_bindgen_test]
fn bytes_options_and_progress_cross_the_boundary() {
    let bytes = Uint8Array::from(LOG.as_bytes());
    let seen = Array::new();
    let push = Function::new_with_args("share", "this.push(share)").bind0(&seen);
    let options = object(&[("windowDays", 30.into()), ("period", "quarter".into()), ("onProgress", push.into())]);
    let report = analyze_transactions_js(bytes.into(), options).expect("a report");
    assert_eq!(number(&report, "window_days"), 30.0);
    assert_eq!(text(&array(&report, "periods").get(0), "period"), "2024-Q1");
    assert!(seen.length() >= 2, "progress was reported");
    assert_eq!(seen.get(seen.length() - 1).as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
fn bad_files_throw_errors_with_field_and_code() {
    let error: Error = analyze_transactions_js("A,2024-03-01,5\n".into(), JsValue::UNDEFINED)
        .unwrap_err()
        .dyn_into()
        .expect("an Error");
    assert_eq!(text(&error, "code"), "missing_column");
    assert_eq!(text(&error, "field"), "customer");
    assert!(String::from(error.message()).contains("header"));
    let columns = object(&[("customer", 0.into()), ("date", 1.into()), ("amount", 2.into())]);
    let picked =
        analyze_transactions_js("A,2024-03-01,5\n".into(), object(&[("columns", columns)])).expect("columns picked");
    assert_eq!(number(&get(&picked, "totals"), "revenue"), 5.0);
    let unclear: Error = analyze_transactions_js("customer,date,amount\nA,01/02/2024,5\n".into(), JsValue::UNDEFINED)
        .unwrap_err()
        .dyn_into()
        .unwrap();
    assert_eq!(
        (text(&unclear, "code"), text(&unclear, "field")),
        ("ambiguous_date_order".to_string(), "date_order".to_string())
    );
    let us = analyze_transactions_js(
        "customer,date,amount\nA,01/02/2024,5\n".into(),
        object(&[("dateOrder", "mdy".into())]),
    )
    .expect("order given");
    assert_eq!(text(&get(&us, "totals"), "first_date"), "2024-01-02");
    let not_a_file: Error =
        analyze_transactions_js(JsValue::from(42), JsValue::UNDEFINED).unwrap_err().dyn_into().unwrap();
    assert_eq!(text(&not_a_file, "code"), "no_data");
    let garbage = Uint8Array::from(&[0xFFu8, 0x00, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A][..]);
    let error: Error = analyze_transactions_js(garbage.into(), JsValue::UNDEFINED).unwrap_err().dyn_into().unwrap();
    assert!(!String::from(error.message()).is_empty());
}

#[wasm_bindgen_test]
fn survey_costs_preview_segments_and_sample() {
    let nps = analyze_survey_js("10\n9\n8\n6\n3\n10\n".into(), object(&[("kind", "nps".into())])).expect("nps");
    assert!((number(&nps, "value") - 100.0 / 6.0).abs() < 1e-9);
    assert_eq!(array(&nps, "counts").length(), 11);
    let csat =
        analyze_survey_js("9\n10\n8\n".into(), object(&[("kind", "csat".into()), ("scale", 10.into())])).expect("csat");
    assert_eq!(get(&csat, "satisfied").as_f64(), Some(2.0));
    let costs = analyze_costs_js(
        "Team;5000\nSoftware;900\nProgramme;2500\n".into(),
        object(&[("activeCustomers", 700.into())]),
    )
    .expect("costs");
    assert_eq!(number(&costs, "per_customer"), 12.0);
    let preview =
        preview_table_js("Klient;Data;Kwota\nAnna;25.03.2024;12,50 zł\n".into(), JsValue::UNDEFINED).expect("preview");
    assert_eq!(text(&preview, "delimiter"), ";");
    assert_eq!(number(&get(&preview, "columns"), "amount"), 2.0);
    assert_eq!(text(&preview, "date_order"), "dmy");
    let csv = segment_csv_js(LOG.into(), JsValue::UNDEFINED, "new".into()).expect("a list");
    assert!(csv.starts_with("customer,orders,revenue,first_order,last_order\r\n"));
    assert!(segment_csv_js(LOG.into(), JsValue::UNDEFINED, "nobody".into()).is_err());
    let sample = sample_transactions_js(JsValue::UNDEFINED).expect("the coffee sample");
    assert!(sample.starts_with("customer,date,amount\n"));
    let report = analyze_transactions_js(sample.into(), JsValue::UNDEFINED).expect("the sample analyses");
    assert!(number(&get(&report, "totals"), "customers") > 500.0);
}

#[wasm_bindgen_test]
fn options_are_read_or_refused_by_the_engine_with_its_own_field_names() {
    let thirty = analyze_transactions_js(LOG.into(), object(&[("windowDays", "30".into())])).expect("text is read");
    assert_eq!(number(&thirty, "window_days"), 30.0);
    let refused: Error =
        analyze_transactions_js(LOG.into(), object(&[("windowDays", 0.into())])).unwrap_err().dyn_into().unwrap();
    assert_eq!((text(&refused, "field"), text(&refused, "code")), ("window_days".into(), "out_of_range".into()));
    assert_eq!(array(&refused, "errors").length(), 1);
    let period: Error =
        analyze_transactions_js(LOG.into(), object(&[("period", "week".into())])).unwrap_err().dyn_into().unwrap();
    assert_eq!(text(&period, "field"), "period");
    for wrong in [JsValue::from(42), JsValue::NULL, Object::new().into()] {
        let segment: Error = segment_csv_js(LOG.into(), JsValue::UNDEFINED, wrong).unwrap_err().dyn_into().unwrap();
        assert_eq!(text(&segment, "field"), "segment");
    }
    let sample: Error = sample_transactions_js(42.into()).unwrap_err().dyn_into().unwrap();
    assert_eq!(text(&sample, "field"), "sample");
    let not_a_file: Error =
        analyze_costs_js(JsValue::TRUE, object(&[("lang", "pl".into())])).unwrap_err().dyn_into().unwrap();
    assert!(String::from(not_a_file.message()).contains("Upuść"), "in the reader's language");
    let active: Error = analyze_costs_js("Team;5\n".into(), object(&[("activeCustomers", (-1).into())]))
        .unwrap_err()
        .dyn_into()
        .unwrap();
    assert_eq!(text(&active, "field"), "active_customers");
    let csat = analyze_survey_js("9\n10\n6\n".into(), object(&[("kind", "csat".into()), ("scale", "1–10".into())]))
        .expect("a scale as text");
    assert_eq!(number(&get(&csat, "scale"), "max"), 10.0);
    let nps = analyze_survey_js("10\n9\n8\n6\n3\n10\n".into(), JsValue::UNDEFINED).expect("nps by default");
    assert_eq!(number(&get(&nps, "nps"), "shown"), 17.0, "16.67 is shown as 17");
    let table: Error = table_csv_js(7.into(), JsValue::UNDEFINED).unwrap_err().dyn_into().unwrap();
    assert_eq!(text(&table, "code"), "not_a_table");
}

// ---- Predictions ---------------------------------------------------------

/// Customers drawn from a BG/NBD-like process with a fixed seed (SplitMix64):
/// each buys at one of a few weekly rates until they drop out after a
/// purchase, watched for 20 to 45 weeks. Histories in weeks, whole days.
fn simulated_histories(customers: u32) -> Vec<History> {
    let mut state = 0x5eed_u64;
    let mut next = move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    };
    let day = |weeks: f64| (weeks * 7.0).floor() / 7.0;
    (0..customers)
        .map(|i| {
            let rate = [0.01, 0.03, 0.1, 0.3, 1.0][(i % 5) as usize];
            let drop_out = [0.05, 0.2, 0.5][(i % 3) as usize];
            let age = day(20.0 + f64::from(i % 26));
            let (mut x, mut last, mut now) = (0, 0.0, 0.0);
            loop {
                now += -next().max(1e-12).ln() / rate;
                if day(now) > age {
                    break;
                }
                x += 1;
                last = day(now);
                if next() < drop_out {
                    break;
                }
            }
            History { x, t_x: last, t: age, monetary: 0.0, holdout_x: 0 }
        })
        .collect()
}

fn histories_js(histories: &[History]) -> JsValue {
    let list: Array =
        histories.iter().map(|h| object(&[("x", h.x.into()), ("t_x", h.t_x.into()), ("T", h.t.into())])).collect();
    list.into()
}

fn refused(result: Result<JsValue, JsValue>) -> (String, String) {
    let error: Error = result.expect_err("refused").dyn_into().expect("a JS Error");
    assert!(!String::from(error.message()).is_empty());
    assert_eq!(array(&error, "errors").length(), 1);
    (text(&error, "field"), text(&error, "code"))
}

#[wasm_bindgen_test]
fn fit_bg_nbd_crosses_the_boundary_as_the_engine_fits() {
    let histories = simulated_histories(400);
    let repeat = histories.iter().filter(|h| h.x > 0).count();
    assert!(repeat > 100 && repeat < 350, "{repeat} repeat buyers: a sample both models can learn from");
    let fit = fit_bg_nbd_js(histories_js(&histories), JsValue::UNDEFINED).expect("a fit");
    assert_eq!(get(&fit, "converged").as_bool(), Some(true));
    let groups: Vec<Group> = histories.iter().map(|&history| Group { history, weight: 1.0 }).collect();
    let engine = bgnbd::fit(&groups).expect("the engine fits the same");
    let p = engine.params;
    for (key, value) in
        [("r", p.r), ("alpha", p.alpha), ("a", p.a), ("b", p.b), ("log_likelihood", engine.log_likelihood)]
    {
        assert_eq!(number(&fit, key), value, "{key}");
    }
    assert!(p.r > 0.1 && p.r < 20.0 && p.alpha > 0.1 && p.alpha < 200.0, "{p:?}");
    assert!(engine.log_likelihood < 0.0 && engine.log_likelihood.is_finite());
    // The same customers given once per distinct history, with their number as weight.
    let mut distinct: Vec<(History, u32)> = Vec::new();
    for h in &histories {
        match distinct.iter_mut().find(|(d, _)| d == h) {
            Some((_, n)) => *n += 1,
            None => distinct.push((*h, 1)),
        }
    }
    assert!(distinct.len() < histories.len(), "{} distinct histories", distinct.len());
    let weighted: Array = distinct
        .iter()
        .map(|(h, n)| object(&[("x", h.x.into()), ("t_x", h.t_x.into()), ("T", h.t.into()), ("weight", (*n).into())]))
        .collect();
    let grouped = fit_bg_nbd_js(weighted.into(), "pl".into()).expect("weights are read");
    for key in ["r", "alpha", "a", "b", "log_likelihood"] {
        let (ours, one_by_one) = (number(&grouped, key), number(&fit, key));
        assert!((ours - one_by_one).abs() <= 1e-6 * one_by_one.abs(), "{key}: {ours} vs {one_by_one}");
    }
}

#[wasm_bindgen_test]
fn forecasts_at_the_papers_parameters_are_lifetimes() {
    let paper =
        || object(&[("r", 0.2426.into()), ("alpha", 4.4136.into()), ("a", 0.7929.into()), ("b", 2.4259.into())]);
    let customer = object(&[("x", 2.into()), ("t_x", (213.0 / 7.0).into()), ("T", (272.0 / 7.0).into())]);
    let forecast = bg_nbd_customer_js(paper(), customer, 52.into(), JsValue::UNDEFINED).expect("a forecast");
    assert!((number(&forecast, "p_alive") - 0.726_625_193_780_258_8).abs() < 1e-12);
    assert!((number(&forecast, "expected") - 1.558_707_865_517_251_7).abs() < 1e-9);
    let keys: Vec<String> =
        Object::keys(forecast.unchecked_ref::<Object>()).iter().filter_map(|k| k.as_string()).collect();
    assert_eq!(keys, ["p_alive", "expected"]);
    let new = bg_nbd_expected_js(paper(), 39.into(), JsValue::UNDEFINED).expect("E[X(39)]");
    assert!((new - 1.195_047_681_513_762).abs() < 1e-10, "{new}");
    // Text as typed, read in the call's language.
    let typed = bg_nbd_expected_js(paper(), "39,0".into(), "pl".into()).expect("weeks as Polish text");
    assert_eq!(typed, new);
}

#[wasm_bindgen_test]
fn prediction_inputs_are_refused_with_field_and_code() {
    let few = simulated_histories(10);
    assert_eq!(
        refused(fit_bg_nbd_js(histories_js(&few), JsValue::UNDEFINED)),
        ("customers".into(), "cannot_fit".into())
    );
    assert_eq!(refused(fit_bg_nbd_js("x".into(), JsValue::UNDEFINED)), ("customers".into(), "not_a_table".into()));
    let mut late = simulated_histories(3);
    late[2].t_x = late[2].t + 1.0;
    late[2].x = 1;
    assert_eq!(
        refused(fit_bg_nbd_js(histories_js(&late), JsValue::UNDEFINED)),
        ("customers[2].t_x".into(), "exceeds".into())
    );
    let half: Array = [object(&[("x", 1.5.into()), ("t_x", 1.into()), ("T", 2.into())])].into_iter().collect();
    assert_eq!(refused(fit_bg_nbd_js(half.into(), JsValue::UNDEFINED)), ("customers[0].x".into(), "not_whole".into()));
    let spend: Array = [object(&[("x", 2.into()), ("monetary", "lots".into())])].into_iter().collect();
    assert_eq!(
        refused(fit_gamma_gamma_js(spend.into(), JsValue::UNDEFINED)),
        ("customers[0].monetary".into(), "not_a_number".into())
    );
    let zero_a = object(&[("r", 0.24.into()), ("alpha", 4.4.into()), ("a", 0.into()), ("b", 2.4.into())]);
    let customer = object(&[("x", 1.into()), ("t_x", 1.into()), ("T", 2.into())]);
    assert_eq!(
        refused(bg_nbd_customer_js(zero_a, customer, 52.into(), JsValue::UNDEFINED)),
        ("params.a".into(), "zero".into())
    );
    let sample = sample_transactions_js(JsValue::UNDEFINED).expect("the coffee sample");
    for (option, value, field) in [
        ("calibrationEnd", JsValue::from("30.09.1997"), "calibration_end"),
        ("horizonMonths", 0.into(), "horizon_months"),
        ("discount", 150.into(), "discount"),
    ] {
        let (got, _) = refused(predict_customers_js(sample.as_str().into(), object(&[(option, value)])));
        assert_eq!(got, field, "{option}");
    }
    let (field, code) =
        refused(predict_customers_js(sample.into(), object(&[("calibrationEnd", "1990-01-01".into())])));
    assert_eq!((field.as_str(), code.as_str()), ("calibration_end", "out_of_range"));
}

#[wasm_bindgen_test]
fn predict_customers_on_the_coffee_sample_returns_every_customer() {
    let sample = sample_transactions_js(JsValue::UNDEFINED).expect("the coffee sample");
    let seen = Array::new();
    let push = Function::new_with_args("share", "this.push(share)").bind0(&seen);
    let bytes = Uint8Array::from(sample.as_bytes());
    let report = predict_customers_js(bytes.into(), object(&[("onProgress", push.into())])).expect("a report");
    let customers = array(&report, "customers");
    assert_eq!(f64::from(customers.length()), number(&get(&report, "input"), "customers"));
    assert!(customers.length() > 500);
    assert_eq!(text(&report, "unit"), "week");
    assert_eq!(text(&report, "at_stake_unit"), "money");
    assert!(get(&report, "tracking").is_null());
    let model = get(&report, "model");
    assert_eq!(get(&get(&model, "bg_nbd"), "converged").as_bool(), Some(true));
    assert!(get(&model, "bg_nbd_refusal").is_null());
    let mut ranks = Vec::new();
    for customer in customers.iter() {
        let p_alive = number(&customer, "p_alive");
        assert!((0.0..=1.0).contains(&p_alive), "{p_alive}");
        assert!(number(&customer, "value").is_finite());
        ranks.push(number(&customer, "contact_rank") as u32);
    }
    ranks.sort_unstable();
    assert_eq!(ranks, (1..=customers.length()).collect::<Vec<u32>>());
    assert_eq!(seen.get(seen.length() - 1).as_f64(), Some(1.0), "progress ends at 1");
    let visits = predict_customers_js(
        sample_transactions_js(JsValue::UNDEFINED).expect("the sample").into(),
        object(&[("columns", object(&[("amount", JsValue::NULL)]))]),
    )
    .expect("a log of visits");
    assert_eq!(text(&visits, "at_stake_unit"), "visits");
    assert_eq!(text(&get(&get(&visits, "model"), "gamma_gamma_refusal"), "code"), "no_amounts");
    assert!(get(&array(&visits, "customers").get(0), "total_spend").is_null());
}

#[wasm_bindgen_test]
fn summarize_customers_holds_out_the_purchases_after_the_calibration_end() {
    let log = "customer,date,amount\nanna,2024-01-01,5\nanna,2024-01-15,7\nanna,2024-03-01,9\nben,2024-01-08,3\n";
    let report =
        summarize_customers_js(log.into(), object(&[("calibrationEnd", "2024-01-29".into())])).expect("a summary");
    assert_eq!(text(&report, "unit"), "week");
    assert_eq!(text(&report, "calibration_end"), "2024-01-29");
    assert_eq!(text(&report, "observation_end"), "2024-03-01");
    let anna = array(&report, "customers").get(0);
    assert_eq!(text(&anna, "id"), "anna");
    assert_eq!((number(&anna, "x"), number(&anna, "t_x"), number(&anna, "T")), (1.0, 2.0, 4.0));
    assert_eq!((number(&anna, "monetary"), number(&anna, "holdout_x")), (7.0, 1.0));
    let plain = summarize_customers_js(log.into(), JsValue::UNDEFINED).expect("no holdout");
    assert!(get(&plain, "calibration_end").is_null());
    assert!(get(&array(&plain, "customers").get(0), "holdout_x").is_undefined());
}

#[wasm_bindgen_test]
fn projections_and_billing_exports_cross_the_boundary() {
    let regular: Array =
        [100.0, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1].iter().map(|v| JsValue::from_f64(*v)).collect();
    let options = object(&[("horizon", 12.into()), ("price", "50".into()), ("discount", 1.into())]);
    let projection = project_retention_js(regular.into(), options).expect("projects");
    assert!((number(&projection, "alpha") - 0.704).abs() < 5e-4);
    assert_eq!(array(&projection, "survival").length(), 13);
    assert!(number(&get(&projection, "value"), "lifetime_value") > 0.0);
    let grows: Array = [JsValue::from(100), JsValue::from(80), JsValue::from(90)].into_iter().collect();
    let refused = project_retention_js(grows.into(), JsValue::UNDEFINED).expect_err("a cohort only shrinks");
    assert_eq!(
        (text(&refused, "field"), text(&refused, "code")),
        ("survival[2]".to_string(), "inconsistent".to_string())
    );
    assert_eq!(
        text(&project_retention_js("100 80".into(), JsValue::UNDEFINED).expect_err("no list"), "code"),
        "not_a_table"
    );

    let export = "customer;date;amount;interval\nA;05.01.2024;2 000,00;rocznie\nB;10.01.2024;50,00;miesięcznie\nB;10.02.2024;50,00;miesięcznie\n";
    let report = analyze_subscriptions_js(export.into(), object(&[("lang", "pl".into())])).expect("reads");
    let months = array(&report, "months");
    assert!((number(&months.get(0), "new") - (2000.0 / 12.0 + 50.0)).abs() < 1e-9);
    assert_eq!(text(&get(&report, "input"), "date_order"), "dmy");
}
