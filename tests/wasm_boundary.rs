//! The JavaScript contract of spec/api.md, exercised through the real
//! wasm-bindgen exports. Runs in Node (`cargo test --target
//! wasm32-unknown-unknown --tests`) and in headless Chromium (the same with
//! `WASM_BINDGEN_USE_BROWSER=1`).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Error, Object, Reflect};
use retention_metrics::wasm::{catalog, compute, messages};
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
    assert_eq!(metrics.length(), 20);
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
    assert_eq!(array(&first, "sectors").length(), 6);
}

#[wasm_bindgen_test]
fn compute_returns_value_unit_formula_steps_and_reading() {
    let inputs = object(&[("start", 200.into()), ("end", 210.into()), ("new", 30.into())]);
    let result = compute("retention_rate", inputs, JsValue::UNDEFINED).expect("computes");
    assert_eq!(number(&result, "value"), 90.0);
    assert_eq!(text(&result, "unit"), "percent");
    assert_eq!(text(&result, "formula"), "((E − N) / S) × 100");
    assert_eq!(array(&result, "steps").get(0).as_string().as_deref(), Some("((210 − 30) / 200) × 100 = 90%"));
    assert!(text(&result, "reading").contains("180 of 200"));
    assert_eq!(array(&result, "warnings").length(), 0);
    assert_eq!(text(&get(&result, "benchmark"), "verdict"), "above");
}

#[wasm_bindgen_test]
fn typed_strings_follow_the_locale_option() {
    let inputs = object(&[("revenue", "1 234,50".into()), ("orders", "2".into())]);
    let options = object(&[("locale", "pl".into()), ("currency", "PLN".into())]);
    let result = compute("average_order_value", inputs, options).expect("computes");
    assert_eq!(number(&result, "value"), 617.25);
    assert_eq!(text(&result, "display"), "617,25\u{a0}zł");
}

#[wasm_bindgen_test]
fn invalid_input_throws_an_error_with_field_and_code() {
    let inputs = object(&[("start", 200.into()), ("lost", 250.into())]);
    let thrown = compute("churn_rate", inputs, JsValue::UNDEFINED).expect_err("rejected");
    let error: &Error = thrown.dyn_ref().expect("a JS Error");
    assert!(String::from(error.message()).starts_with("Customers lost (L) can't be more than"));
    assert_eq!(text(&thrown, "field"), "lost");
    assert_eq!(text(&thrown, "code"), "exceeds");
    assert_eq!(array(&thrown, "errors").length(), 1);
}

#[wasm_bindgen_test]
fn nan_and_wrong_types_are_errors_for_each_field() {
    let inputs = object(&[("start", JsValue::from_f64(f64::NAN)), ("lost", JsValue::TRUE)]);
    let thrown = compute("churn_rate", inputs, JsValue::UNDEFINED).expect_err("rejected");
    let errors = array(&thrown, "errors");
    assert_eq!(errors.length(), 2);
    for error in errors.iter() {
        assert_eq!(text(&error, "code"), "not_a_number");
    }
    assert_eq!(text(&thrown, "field"), "start");
}

#[wasm_bindgen_test]
fn missing_inputs_and_unknown_metrics_throw() {
    let thrown = compute("churn_rate", JsValue::UNDEFINED, JsValue::UNDEFINED).expect_err("rejected");
    assert_eq!((text(&thrown, "field"), text(&thrown, "code")), ("start".to_string(), "required".to_string()));
    let thrown = compute("happiness", JsValue::UNDEFINED, JsValue::UNDEFINED).expect_err("rejected");
    assert_eq!(text(&thrown, "code"), "unknown_metric");
    let thrown = compute("churn_rate", "start=5".into(), JsValue::UNDEFINED).expect_err("rejected");
    assert_eq!(text(&thrown, "field"), "inputs");
}

#[wasm_bindgen_test]
fn every_catalog_example_round_trips_through_javascript() {
    let metrics: Array = catalog("en".into()).expect("catalog").dyn_into().expect("an array");
    for metric in metrics.iter() {
        for example in array(&metric, "examples").iter() {
            let id = text(&metric, "id");
            let result = compute(&id, get(&example, "inputs"), JsValue::UNDEFINED).expect("example computes");
            let (value, expected) = (number(&result, "value"), number(&example, "value"));
            assert!((value - expected).abs() < 1e-9, "{id}: {value} != {expected}");
        }
    }
}

#[wasm_bindgen_test]
fn messages_are_a_plain_object_of_strings() {
    let page = messages("en".into()).expect("messages");
    assert_eq!(text(&page, "ui.title"), "Customer retention calculator");
    assert_eq!(text(&page, "currency.PLN"), "Polish złoty (zł)");
}
