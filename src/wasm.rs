//! The browser boundary: the only file that speaks wasm-bindgen.
//!
//! Each export converts JavaScript values to engine types, delegates, and
//! converts back; no metric logic lives here. Rejected input becomes a JS
//! `Error` with `field`, `code` and `errors` properties (see spec/api.md).
//! Inputs are read with `Reflect` rather than serde: JS values map onto
//! [`RawValue`] directly, and the page does not carry a deserializer.

use js_sys::{Array, ArrayBuffer, Error, Function, Object, Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::analysis::costs::{analyze_costs, CostOptions};
use crate::analysis::export::{write_table, Cell, Sheet};
use crate::analysis::periods::PeriodKind;
use crate::analysis::segments::Segment;
use crate::analysis::survey::{analyze_survey, SurveyKind, SurveyOptions};
use crate::analysis::{analyze_transactions, segment_csv, TransactionOptions};
use crate::compute::{ComputeOptions, RawInputs, RawValue};
use crate::error::{ErrorCode, FieldError, Rejected};
use crate::format::Currency;
use crate::ingest::columns::ColumnRef;
use crate::ingest::date::DateOrder;
use crate::ingest::error::{DataError, DataErrorCode};
use crate::ingest::log::LogOptions;
use crate::locale::Locale;
use crate::sample::{sample_transactions, SampleOptions};

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

/// A JS `Error` with `field` and `code` properties.
fn js_error(message: &str, field: &str, code: &str) -> Error {
    let error = Error::new(message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&error, &"field".into(), &field.into());
    let _ = Reflect::set(&error, &"code".into(), &code.into());
    error
}

/// Builds the thrown `Error` for rejected input.
fn into_error(rejected: &Rejected) -> JsValue {
    let first = rejected.first();
    let error = js_error(&first.message, &first.field, first.code.as_str());
    if let Ok(errors) = to_js(&rejected.errors) {
        let _ = Reflect::set(&error, &"errors".into(), &errors);
    }
    error.into()
}

/// Builds the thrown `Error` for a file that cannot be analysed.
fn data_error(error: DataError) -> JsValue {
    let code = serde_wasm_bindgen::to_value(&error.code).ok().and_then(|c| c.as_string()).unwrap_or_default();
    js_error(&error.message, &error.field, &code).into()
}

/// A file's bytes from a string, `Uint8Array` or `ArrayBuffer`.
fn bytes_of(input: &JsValue) -> Result<Vec<u8>, JsValue> {
    if let Some(text) = input.as_string() {
        Ok(text.into_bytes())
    } else if let Some(bytes) = input.dyn_ref::<Uint8Array>() {
        Ok(bytes.to_vec())
    } else if let Some(buffer) = input.dyn_ref::<ArrayBuffer>() {
        Ok(Uint8Array::new(buffer).to_vec())
    } else {
        let lang = lang_of(&JsValue::UNDEFINED);
        Err(data_error(DataError::new("file", DataErrorCode::NoData, lang, "data.error.not_a_file", &[])))
    }
}

/// A number property of an options object, if it has one.
fn number_option(options: &JsValue, name: &str) -> Option<f64> {
    if !options.is_object() {
        return None;
    }
    Reflect::get(options, &name.into()).ok()?.as_f64()
}

/// A column given as a 0-based number or a header text.
fn column_option(object: &JsValue, name: &str) -> Option<ColumnRef> {
    if !object.is_object() {
        return None;
    }
    let value = Reflect::get(object, &name.into()).ok()?;
    match (value.as_f64(), value.as_string()) {
        (Some(n), _) if n >= 0.0 && n.fract() == 0.0 => Some(ColumnRef::Index(n as usize)),
        (_, Some(text)) if !text.trim().is_empty() => Some(ColumnRef::Name(text)),
        _ => None,
    }
}

/// `{ windowDays, period, dateOrder, columns: { customer, date, amount, order }, lang }`.
fn transaction_options(options: &JsValue) -> Result<TransactionOptions, JsValue> {
    let lang = lang_of(options);
    let columns = if options.is_object() {
        Reflect::get(options, &"columns".into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    };
    let window = number_option(options, "windowDays").unwrap_or(90.0);
    let window_days = if window.fract() == 0.0 && (1.0..=f64::from(crate::analysis::MAX_WINDOW_DAYS)).contains(&window)
    {
        window as u32
    } else {
        0
    };
    let no_order = columns.is_object() && Reflect::get(&columns, &"order".into()).is_ok_and(|v| v.is_null());
    Ok(TransactionOptions {
        window_days,
        period: option(options, "period").as_deref().and_then(PeriodKind::from_name).unwrap_or_default(),
        log: LogOptions {
            date_order: option(options, "dateOrder").as_deref().and_then(DateOrder::from_name),
            customer: column_option(&columns, "customer"),
            date: column_option(&columns, "date"),
            amount: column_option(&columns, "amount"),
            order: column_option(&columns, "order"),
            no_order,
            lang,
        },
    })
}

/// Calls `options.onProgress(share)` when it is a function.
fn progress_callback(options: &JsValue) -> impl FnMut(f64) {
    let callback = if options.is_object() { Reflect::get(options, &"onProgress".into()).ok() } else { None }
        .and_then(|f| f.dyn_into::<Function>().ok());
    move |share: f64| {
        if let Some(f) = &callback {
            let _ = f.call1(&JsValue::NULL, &share.into());
        }
    }
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

/// `analyzeTransactions(textOrBytes, options?)`: periods, cohorts, segments
/// and totals from a transactions log (see spec/api.md for the shape).
#[wasm_bindgen(js_name = analyzeTransactions)]
pub fn analyze_transactions_js(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let bytes = bytes_of(&input)?;
    let settings = transaction_options(&options)?;
    let mut progress = progress_callback(&options);
    // The bytes are handed over, so the engine frees them once read.
    let report = analyze_transactions(bytes, &settings, &mut progress).map_err(data_error)?;
    to_js(&report)
}

/// `segmentCsv(textOrBytes, options, segment)`: one segment's customers as
/// CSV text, safe to open in a spreadsheet.
#[wasm_bindgen(js_name = segmentCsv)]
pub fn segment_csv_js(input: JsValue, options: JsValue, segment: &str) -> Result<String, JsValue> {
    let bytes = bytes_of(&input)?;
    let settings = transaction_options(&options)?;
    let segment = Segment::from_id(segment).ok_or_else(|| {
        JsValue::from(js_error(&format!("There is no segment “{segment}”."), "segment", "out_of_range"))
    })?;
    segment_csv(bytes, &settings, segment).map_err(data_error)
}

/// `analyzeSurvey(textOrBytes, { kind, column?, scale?, lang? })`: NPS, CSAT
/// or CES from a column of answers.
#[wasm_bindgen(js_name = analyzeSurvey)]
pub fn analyze_survey_js(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let bytes = bytes_of(&input)?;
    let kind = option(&options, "kind").as_deref().and_then(SurveyKind::from_name).unwrap_or(SurveyKind::Nps);
    let scale_max = number_option(&options, "scale")
        .or_else(|| {
            option(&options, "scale")
                .and_then(|s| s.rsplit(['-', '–']).next()?.trim().parse::<u8>().ok())
                .map(f64::from)
        })
        .filter(|m| [5.0, 7.0, 10.0].contains(m))
        .map(|m| m as u8);
    let settings =
        SurveyOptions { kind, column: column_option(&options, "column"), scale_max, lang: lang_of(&options) };
    to_js(&analyze_survey(&bytes, &settings).map_err(data_error)?)
}

/// `analyzeCosts(textOrBytes, { activeCustomers?, lang? })`: cost rows
/// summed into retention cost per active customer.
#[wasm_bindgen(js_name = analyzeCosts)]
pub fn analyze_costs_js(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let bytes = bytes_of(&input)?;
    let active_customers =
        number_option(&options, "activeCustomers").filter(|n| *n >= 0.0 && n.fract() == 0.0).map(|n| n as u64);
    let settings = CostOptions { active_customers, lang: lang_of(&options) };
    to_js(&analyze_costs(&bytes, &settings).map_err(data_error)?)
}

/// `previewTable(textOrBytes, { rows? })`: encoding, delimiter, header, the
/// first rows and the columns found, for the column-mapping step.
#[wasm_bindgen(js_name = previewTable)]
pub fn preview_table_js(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let bytes = bytes_of(&input)?;
    let rows = number_option(&options, "rows").filter(|n| *n >= 0.0).map_or(8, |n| n.min(1e6) as usize);
    to_js(&crate::ingest::preview::preview(&bytes, rows))
}

/// `sampleTransactions(name?)`: the generated coffee-shop log as CSV text,
/// `"coffee"` (the page's sample, default) or `"benchmark"` (1,000,000 rows).
#[wasm_bindgen(js_name = sampleTransactions)]
pub fn sample_transactions_js(name: Option<String>) -> String {
    let options = match name.as_deref() {
        Some("benchmark") => SampleOptions::benchmark(),
        _ => SampleOptions::coffee_shop(),
    };
    sample_transactions(&options)
}

/// `tableCsv(rows, { lang })`: rows of cells as CSV text for a spreadsheet
/// in the reader's language (`;` and `12,5` in Polish and Russian). A cell
/// is a number, a string, `{ money: 12.5 }` (two decimals) or null (empty).
#[wasm_bindgen(js_name = tableCsv)]
pub fn table_csv_js(rows: JsValue, options: JsValue) -> Result<String, JsValue> {
    if !Array::is_array(&rows) {
        return Err(js_error("The table must be an array of rows.", "rows", "not_a_table").into());
    }
    let cell = |value: JsValue| match value.as_f64() {
        Some(number) => Cell::Number(number),
        None if value.is_object() => {
            Reflect::get(&value, &"money".into()).ok().and_then(|m| m.as_f64()).map_or(Cell::Empty, Cell::Money)
        }
        None => value.as_string().map_or(Cell::Empty, Cell::Text),
    };
    let rows = Array::from(&rows);
    let cells = rows.iter().map(|row| {
        if Array::is_array(&row) {
            Array::from(&row).iter().map(cell).collect()
        } else {
            vec![cell(row)]
        }
    });
    Ok(write_table(Sheet::for_locale(lang_of(&options)), cells))
}
