//! The browser boundary: the only file that speaks wasm-bindgen.
//!
//! Each export converts JavaScript values to engine types, delegates, and
//! converts back; no metric logic lives here. Rejected input becomes a JS
//! `Error` with `field`, `code` and `errors` properties (see spec/api.md).
//! Inputs are read with `Reflect` rather than serde: JS values map onto
//! [`RawValue`] directly, and the page does not carry a deserializer.

use js_sys::{Array, Error, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::compute::{ComputeOptions, RawInputs, RawValue};
use crate::error::{ErrorCode, FieldError, Rejected};
use crate::format::Currency;
use crate::locale::Locale;

/// Plain objects and arrays (not `Map`s), as the JSON export expects.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(JsValue::from)
}

/// A string property of an options object, if it has one.
fn option(options: &JsValue, name: &str) -> Option<String> {
    if !options.is_object() {
        return None;
    }
    Reflect::get(options, &name.into()).ok()?.as_string()
}

/// The language from `"pl"` or `{ lang: "pl" }`; English when absent.
fn lang_of(options: &JsValue) -> Locale {
    let tag = options.as_string().or_else(|| option(options, "lang"));
    tag.as_deref().and_then(Locale::from_tag).unwrap_or_default()
}

/// `{ locale, lang, currency, sector }`, each optional; unknown values fall
/// back to their defaults rather than failing the calculation.
fn compute_options(options: &JsValue) -> ComputeOptions {
    let tag = |name| option(options, name).as_deref().and_then(Locale::from_tag);
    ComputeOptions {
        locale: tag("locale"),
        lang: tag("lang"),
        currency: option(options, "currency").as_deref().and_then(Currency::from_code).unwrap_or_default(),
        sector: option(options, "sector"),
    }
}

/// `{ start: 200, end: "1 234,5" }` → inputs by id; `null`/`undefined` values
/// are "not given".
fn raw_inputs(inputs: &JsValue) -> Result<RawInputs, Rejected> {
    if inputs.is_undefined() || inputs.is_null() {
        return Ok(RawInputs::new());
    }
    if !inputs.is_object() {
        return Err(Rejected {
            errors: vec![FieldError {
                field: "inputs".into(),
                code: ErrorCode::NotANumber,
                message: "The inputs must be an object such as { start: 200, end: 210, new: 30 }.".into(),
            }],
        });
    }
    Ok(Object::entries(inputs.unchecked_ref())
        .iter()
        .filter_map(|entry| {
            let entry: Array = entry.unchecked_into();
            let key = entry.get(0).as_string()?;
            let value = entry.get(1);
            let raw = if value.is_undefined() || value.is_null() {
                None
            } else if let Some(number) = value.as_f64() {
                Some(RawValue::Number(number))
            } else if let Some(text) = value.as_string() {
                Some(RawValue::Text(text))
            } else {
                Some(RawValue::Other)
            };
            Some((key, raw))
        })
        .collect())
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
    let inputs = raw_inputs(&inputs).map_err(|r| into_error(&r))?;
    let result = crate::compute::compute(id, &inputs, &compute_options(&options)).map_err(|r| into_error(&r))?;
    to_js(&result)
}

/// `messages(lang?)`: the page's own texts (interface, currencies, sectors).
#[wasm_bindgen]
pub fn messages(options: JsValue) -> Result<JsValue, JsValue> {
    let entries: std::collections::BTreeMap<_, _> = crate::text::messages(lang_of(&options)).into_iter().collect();
    to_js(&entries)
}
