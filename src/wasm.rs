//! The browser boundary: the only file that speaks wasm-bindgen.
//!
//! Each export converts JavaScript values to engine types, delegates, and
//! converts back; no metric logic lives here. Rejected input becomes a JS
//! `Error` with `field`, `code` and `errors` properties (see spec/api.md).

use js_sys::{Error, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::compute::{ComputeOptions, RawInputs};
use crate::error::{ErrorCode, FieldError, Rejected};
use crate::locale::Locale;

/// Plain objects and arrays (not `Map`s), as the JSON export expects.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(JsValue::from)
}

/// The language from `"pl"` or `{ lang: "pl" }`; English when absent.
fn lang_of(options: &JsValue) -> Locale {
    let tag = options.as_string().or_else(|| Reflect::get(options, &"lang".into()).ok()?.as_string());
    tag.as_deref().and_then(Locale::from_tag).unwrap_or_default()
}

/// Builds the thrown `Error` for rejected input.
fn into_error(rejected: &Rejected) -> JsValue {
    let first = rejected.first();
    let error = Error::new(&first.message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&error, &"field".into(), &first.field.as_str().into());
    let _ = Reflect::set(&error, &"code".into(), &first.code.as_str().into());
    if let Ok(errors) = to_js(&rejected.errors) {
        let _ = Reflect::set(&error, &"errors".into(), &errors);
    }
    error.into()
}

/// `catalog(options?)`: every metric with its inputs, formula and examples,
/// in the language of `options.lang` (or a tag string).
#[wasm_bindgen]
pub fn catalog(options: JsValue) -> Result<JsValue, JsValue> {
    to_js(&crate::catalog::catalog(lang_of(&options)))
}

/// `compute(id, inputs, options?)`: one metric from numbers or typed text.
#[wasm_bindgen]
pub fn compute(id: &str, inputs: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let inputs: RawInputs = if inputs.is_undefined() || inputs.is_null() {
        RawInputs::new()
    } else {
        serde_wasm_bindgen::from_value(inputs).map_err(|_| {
            into_error(&Rejected {
                errors: vec![FieldError {
                    field: "inputs".into(),
                    code: ErrorCode::NotANumber,
                    message: "The inputs must be an object such as { start: 200, end: 210, new: 30 }.".into(),
                }],
            })
        })?
    };
    // Options are read leniently: a malformed option falls back to its default.
    let options: ComputeOptions = serde_wasm_bindgen::from_value(options).unwrap_or_default();
    let result = crate::compute::compute(id, &inputs, &options).map_err(|r| into_error(&r))?;
    to_js(&result)
}

/// `messages(lang?)`: the page's own texts (interface, currencies, sectors).
#[wasm_bindgen]
pub fn messages(options: JsValue) -> Result<JsValue, JsValue> {
    let entries: std::collections::BTreeMap<_, _> = crate::text::messages(lang_of(&options)).into_iter().collect();
    to_js(&entries)
}
