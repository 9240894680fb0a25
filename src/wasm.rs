//! The browser boundary: the only file that speaks wasm-bindgen.
//!
//! Each export converts JavaScript values into the engine's types, calls
//! the engine and converts the result back; it decides nothing. Options are
//! read by one reader ([`Options`]) into loose values ([`RawValue`]) that the
//! engine reads or refuses with its own field names, and every failure is
//! thrown by one helper ([`thrown`]) as a JS `Error` with `field`, `code` and
//! `errors` (README, "JavaScript API"). Every export's signature, options
//! and results are declared for TypeScript in `wasm.d.ts` beside this file
//! (the generated ones would say `any`), and `tests/js/types.test.mjs`
//! checks them against the module's real exports and output.

use js_sys::{Array, ArrayBuffer, Error, Function, Object, Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::analysis::billing::{analyze_subscriptions, BillingOptions};
use crate::analysis::costs::{active_customers, analyze_costs, CostOptions};
use crate::analysis::export::{write_table, Cell, Sheet};
use crate::analysis::periods::PeriodKind;
use crate::analysis::segments::Segment;
use crate::analysis::survey::{analyze_survey, scale_max, survey_kind, SurveyOptions};
use crate::analysis::{analyze_transactions, segment_csv, skipped_csv, window_days, TransactionOptions};
use crate::compute::{ComputeOptions, RawInputs};
use crate::error::{ErrorCode, FieldError, Rejected};
use crate::format::Currency;
use crate::ingest::columns::{ColumnRef, Columns, Pick};
use crate::ingest::currency::currency_option;
use crate::ingest::date::DateOrder;
use crate::ingest::log::LogOptions;
use crate::ingest::number::RawValue;
use crate::ingest::preview::{preview, preview_rows};
use crate::locale::Locale;
use crate::metrics::retention::rate_over;
use crate::predict::customers::{
    customer_visits, day_option, discount_percent, horizon_months, predict_customers, summarize_customers,
    PredictOptions,
};
use crate::predict::input::{self, RawHistory, RawParams};
use crate::predict::projection::{project, read_cohorts, read_options, RawSeries};
use crate::predict::{bgnbd, gamma_gamma};
use crate::reference::RatePeriod;
use crate::sample::{sample_transactions, SampleOptions};
use crate::text::{field_error, Texts};
use crate::whatif::WhatIfOptions;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("wasm.d.ts");

// Runs when the module starts: a panic (a bug; never the user's input)
// becomes a thrown `Error` with `code: "internal"` and a sentence from the
// language file, instead of an opaque `RuntimeError: unreachable`, and its
// details go to the console for whoever reports it. (A `//` comment: the
// glue would carry a `///` one to every page.)
#[wasm_bindgen(start, skip_typescript)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        let message = Texts::for_locale(Locale::default()).get("error.internal").to_string();
        wasm_bindgen::throw_val(thrown(FieldError { field: "engine".into(), code: ErrorCode::Internal, message }));
    }));
}

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws for a revoked Proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn array_is_array(value: &JsValue) -> Result<bool, JsValue>;
}

/// Whether a value is a list: an array, or a Proxy of one; a revoked Proxy
/// (whose every use throws) is none.
fn is_list(value: &JsValue) -> bool {
    array_is_array(value).unwrap_or(false)
}

/// Plain objects and arrays (not `Map`s), as the JSON export expects.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(JsValue::from)
}

/// The thrown `Error` for anything the engine or the conversion refused:
/// `message` and `field`/`code` of the first fault, `errors` for all.
fn thrown(rejected: impl Into<Rejected>) -> JsValue {
    let rejected = rejected.into();
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

/// A JavaScript value as the engine takes loose values: `undefined` and
/// `null` are "not given", numbers and strings are themselves.
fn raw_value(value: &JsValue) -> Option<RawValue> {
    if value.is_undefined() || value.is_null() {
        None
    } else if let Some(number) = value.as_f64() {
        Some(RawValue::Number(number))
    } else if let Some(text) = value.as_string() {
        Some(RawValue::Text(text))
    } else {
        Some(RawValue::Other)
    }
}

/// An options argument as JavaScript passed it: an object, a language tag
/// (`catalog("pl")`), or nothing. Every export reads its options here.
struct Options(JsValue);

impl Options {
    fn property(&self, name: &str) -> JsValue {
        if self.0.is_object() {
            Reflect::get(&self.0, &name.into()).unwrap_or(JsValue::UNDEFINED)
        } else {
            JsValue::UNDEFINED
        }
    }

    fn raw(&self, name: &str) -> Option<RawValue> {
        raw_value(&self.property(name))
    }

    fn text(&self, name: &str) -> Option<String> {
        self.property(name).as_string()
    }

    /// The language of messages: `"pl"` or `{ lang: "pl" }`; English when
    /// absent or unknown.
    fn lang(&self) -> Locale {
        let tag = self.0.as_string().or_else(|| self.text("lang"));
        tag.as_deref().and_then(Locale::from_tag).unwrap_or_default()
    }

    /// The picks of `{ columns: { customer, date, amount, order } }`: a role
    /// left out is found by header, `null` says the file has none.
    fn columns(&self, lang: Locale) -> Result<Columns<Pick>, FieldError> {
        let columns = Options(self.property("columns"));
        let mut refused = None;
        let picks = Columns::from_fn(|role| {
            let value = columns.property(role.id());
            if value.is_null() {
                return Pick::Absent;
            }
            match raw_value(&value).map(|raw| ColumnRef::from_raw(&raw, role.id(), lang)) {
                None => Pick::Find,
                Some(Ok(column)) => Pick::Column(column),
                Some(Err(error)) => {
                    refused.get_or_insert(error);
                    Pick::Find
                }
            }
        });
        refused.map_or(Ok(picks), Err)
    }

    /// `options[name](share)` when it is a function, else nothing.
    fn callback(&self, name: &str) -> impl FnMut(f64) {
        let callback = self.property(name).dyn_into::<Function>().ok();
        move |share: f64| {
            if let Some(f) = &callback {
                let _ = f.call1(&JsValue::NULL, &share.into());
            }
        }
    }

    /// `{ windowDays, period, dateOrder, columns, currency, lang }` of the orders log.
    fn transactions(&self) -> Result<TransactionOptions, FieldError> {
        let lang = self.lang();
        Ok(TransactionOptions {
            window_days: window_days(self.raw("windowDays").as_ref(), lang)?,
            period: PeriodKind::from_option(self.raw("period").as_ref(), lang)?,
            log: LogOptions {
                date_order: DateOrder::from_option(self.raw("dateOrder").as_ref(), lang)?,
                columns: self.columns(lang)?,
                currency: currency_option(self.raw("currency").as_ref(), lang)?,
                list_every_skip: false,
                hash_seed: Some(random_seed()),
                lang,
            },
        })
    }
}

impl Options {
    /// `{ calibrationEnd, horizonMonths, discount }` and the log's options.
    fn predictions(&self) -> Result<PredictOptions, FieldError> {
        let lang = self.lang();
        Ok(PredictOptions {
            analysis: self.transactions()?,
            calibration_end: day_option(self.raw("calibrationEnd").as_ref(), "calibration_end", lang)?,
            horizon_months: horizon_months(self.raw("horizonMonths").as_ref(), lang)?,
            discount_percent: discount_percent(self.raw("discount").as_ref(), lang)?,
        })
    }
}

/// A list of customers `[{ x, t_x, T, weight?, monetary? }]` as loose
/// values; anything but an array is refused.
fn raw_histories(list: &JsValue, lang: Locale) -> Result<Vec<RawHistory>, JsValue> {
    if !is_list(list) {
        return Err(thrown(field_error(lang, "customers", ErrorCode::NotATable, "data.predict.error.list", &[])));
    }
    Ok(Array::from(list)
        .iter()
        .map(|item| {
            let item = Options(item);
            RawHistory {
                x: item.raw("x"),
                t_x: item.raw("t_x"),
                t: item.raw("T"),
                weight: item.raw("weight"),
                monetary: item.raw("monetary"),
            }
        })
        .collect())
}

/// 64 random bits from the browser (the engine has no source of them):
/// the key of its hash tables, new for every call.
fn random_seed() -> u64 {
    let half = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    half() << 32 | half()
}

/// A file's bytes from a string, `Uint8Array` or `ArrayBuffer`.
fn bytes_of(input: &JsValue, lang: Locale) -> Result<Vec<u8>, JsValue> {
    if let Some(text) = input.as_string() {
        Ok(text.into_bytes())
    } else if let Some(bytes) = input.dyn_ref::<Uint8Array>() {
        // A view of a buffer handed to another thread has no bytes either,
        // and copying it would throw.
        if bytes.byte_length() == 0 {
            return Ok(Vec::new());
        }
        Ok(bytes.to_vec())
    } else if let Some(buffer) = input.dyn_ref::<ArrayBuffer>() {
        // A buffer already handed to another thread (detached) has no
        // bytes, and a view on it cannot be made: read as an empty file.
        if buffer.byte_length() == 0 {
            return Ok(Vec::new());
        }
        Ok(Uint8Array::new(buffer).to_vec())
    } else {
        Err(thrown(field_error(lang, "file", ErrorCode::NoData, "data.error.not_a_file", &[])))
    }
}

/// `{ start: 200, end: "1 234,5" }` → inputs by id; `null`/`undefined` values
/// are "not given".
fn raw_inputs(inputs: &JsValue, lang: Locale) -> Result<RawInputs, JsValue> {
    if inputs.is_undefined() || inputs.is_null() {
        return Ok(RawInputs::new());
    }
    if !inputs.is_object() {
        return Err(thrown(field_error(lang, "inputs", ErrorCode::NotANumber, "error.inputs_not_object", &[])));
    }
    let mut raw = RawInputs::new();
    raw.extend(Object::entries(inputs.unchecked_ref()).iter().filter_map(|entry| {
        let entry: Array = entry.unchecked_into();
        Some((entry.get(0).as_string()?, raw_value(&entry.get(1))))
    }));
    Ok(raw)
}

/// `catalog(options?)`: every metric with its inputs, formula and examples,
/// in the language of `options.lang` (or a tag string).
#[wasm_bindgen(skip_typescript)]
pub fn catalog(options: JsValue) -> Result<JsValue, JsValue> {
    to_js(&crate::catalog::catalog(Options(options).lang()))
}

/// `compute(id, inputs, options?)`: one metric from numbers or typed text.
#[wasm_bindgen(skip_typescript)]
pub fn compute(id: JsValue, inputs: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = Options(options);
    let settings = ComputeOptions::read(
        options.text("locale").as_deref(),
        options.text("lang").as_deref(),
        options.text("currency").as_deref(),
        options.text("sector"),
    );
    let inputs = raw_inputs(&inputs, settings.language())?;
    // An id that is not text (a number, an object) names no metric: the
    // engine's unknown-metric error says so, rather than the glue failing.
    let id = id.as_string().unwrap_or_default();
    to_js(&crate::compute::compute(&id, &inputs, &settings).map_err(thrown)?)
}

/// `whatIf(inputs, options?)`: today's lifespan, lifetime value, customers
/// kept and revenue against the same with more retention, visits or a
/// larger average order.
#[wasm_bindgen(js_name = whatIf, skip_typescript)]
pub fn what_if_js(inputs: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = Options(options);
    let settings = ComputeOptions::read(
        options.text("locale").as_deref(),
        options.text("lang").as_deref(),
        options.text("currency").as_deref(),
        None,
    );
    let inputs = raw_inputs(&inputs, settings.language())?;
    let what_if = WhatIfOptions { locale: settings.locale, lang: settings.language(), currency: settings.currency };
    to_js(&crate::whatif::what_if(&inputs, &what_if).map_err(thrown)?)
}

/// `convertRate(metric, percent, from, to)`: a retention or churn rate per
/// `from` period as the rate over `to` (`"month"`, `"quarter"`, `"year"`),
/// as the comparisons convert it; `null` for another metric or period.
#[wasm_bindgen(js_name = convertRate, skip_typescript)]
pub fn convert_rate_js(metric: JsValue, percent: f64, from: JsValue, to: JsValue) -> JsValue {
    let period = |value: &JsValue| value.as_string().as_deref().and_then(RatePeriod::from_id);
    let measure = metric.as_string().as_deref().and_then(crate::catalog::rate_measure);
    match (measure, period(&from), period(&to)) {
        (Some(measure), Some(from), Some(to)) if percent.is_finite() && (0.0..=100.0).contains(&percent) => {
            JsValue::from_f64(rate_over(measure, percent, from, to))
        }
        _ => JsValue::NULL,
    }
}

/// `readNumber(text, options?)`: a number as a person typed it (`"85,5"`,
/// `"1 234"`), read by the same rules as the calculator's inputs with
/// `options.locale`'s decimal separator; `null` when empty, not a number or
/// ambiguous, so the page never acts on a guess.
#[wasm_bindgen(js_name = readNumber, skip_typescript)]
pub fn read_number_js(text: JsValue, options: JsValue) -> JsValue {
    let locale = Options(options).text("locale").as_deref().and_then(Locale::from_tag);
    match raw_value(&text).map(|raw| crate::ingest::number::read_raw(&raw, locale)) {
        Some(Ok(value)) => JsValue::from_f64(value),
        _ => JsValue::NULL,
    }
}

/// `projectRetention(survival, options?)`: one cohort's survival (a list of
/// numbers, period 0 first) or several (a list of such lists) fitted by the
/// shifted-beta-geometric model and projected to `options.horizon`, with
/// the value of a member at `options.price` and `options.discount`.
#[wasm_bindgen(js_name = projectRetention, skip_typescript)]
pub fn project_retention_js(survival: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = Options(options);
    let lang = options.lang();
    let currency = options.text("currency").as_deref().and_then(Currency::from_code).unwrap_or_default();
    if !is_list(&survival) {
        return Err(thrown(field_error(lang, "survival", ErrorCode::NotATable, "data.projection.error.empty", &[])));
    }
    let list = Array::from(&survival);
    // A list of numbers is one cohort; a list of lists, several.
    let nested = list.length() > 0 && list.iter().all(|item| is_list(&item));
    let series: Vec<RawSeries> = if nested {
        list.iter().map(|cohort| Array::from(&cohort).iter().map(|v| raw_value(&v)).collect()).collect()
    } else {
        vec![list.iter().map(|v| raw_value(&v)).collect()]
    };
    let settings = read_options(
        options.raw("horizon").as_ref(),
        options.raw("price").as_ref(),
        options.raw("discount").as_ref(),
        lang,
        currency,
    )
    .map_err(thrown)?;
    let cohorts = read_cohorts(&series, lang).map_err(thrown)?;
    to_js(&project(&cohorts, &settings).map_err(thrown)?)
}

/// `messages(lang?)`: the page's own texts (interface, currencies, sectors).
#[wasm_bindgen(skip_typescript)]
pub fn messages(options: JsValue) -> Result<JsValue, JsValue> {
    to_js(&crate::text::messages(Options(options).lang()))
}

/// `analyzeTransactions(textOrBytes, options?)`: periods, cohorts, segments
/// and totals from a transactions log.
#[wasm_bindgen(js_name = analyzeTransactions, skip_typescript)]
pub fn analyze_transactions_js(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = Options(options);
    let bytes = bytes_of(&input, options.lang())?;
    let settings = options.transactions().map_err(thrown)?;
    let mut progress = options.callback("onProgress");
    // The bytes are handed over, so the engine frees them once read.
    to_js(&analyze_transactions(bytes, &settings, &mut progress).map_err(thrown)?)
}

/// `segmentCsv(textOrBytes, options, segment)`: one segment's customers as
/// CSV text, safe to open in a spreadsheet.
#[wasm_bindgen(js_name = segmentCsv, skip_typescript)]
pub fn segment_csv_js(input: JsValue, options: JsValue, segment: JsValue) -> Result<String, JsValue> {
    let options = Options(options);
    let lang = options.lang();
    let bytes = bytes_of(&input, lang)?;
    let settings = options.transactions().map_err(thrown)?;
    let segment = Segment::from_option(raw_value(&segment).as_ref(), lang).map_err(thrown)?;
    segment_csv(bytes, &settings, segment).map_err(thrown)
}

/// `skippedRowsCsv(textOrBytes, options)`: every row the analysis leaves
/// out, with its row number and reason, as CSV text.
#[wasm_bindgen(js_name = skippedRowsCsv, skip_typescript)]
pub fn skipped_rows_csv_js(input: JsValue, options: JsValue) -> Result<String, JsValue> {
    let options = Options(options);
    let bytes = bytes_of(&input, options.lang())?;
    let settings = options.transactions().map_err(thrown)?;
    skipped_csv(bytes, &settings).map_err(thrown)
}

/// `analyzeSurvey(textOrBytes, { kind, column?, scale?, lang? })`: NPS, CSAT
/// or CES from a column of answers.
#[wasm_bindgen(js_name = analyzeSurvey, skip_typescript)]
pub fn analyze_survey_js(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = Options(options);
    let lang = options.lang();
    let bytes = bytes_of(&input, lang)?;
    let read = || -> Result<SurveyOptions, FieldError> {
        let column = options.raw("column").map(|raw| ColumnRef::from_raw(&raw, "score", lang)).transpose()?;
        let kind = survey_kind(options.raw("kind").as_ref(), lang)?;
        Ok(SurveyOptions { kind, column, scale_max: scale_max(options.raw("scale").as_ref(), lang)?, lang })
    };
    let settings = read().map_err(thrown)?;
    to_js(&analyze_survey(&bytes, &settings).map_err(thrown)?)
}

/// `analyzeCosts(textOrBytes, { activeCustomers?, lang? })`: cost rows
/// summed into retention cost per active customer.
#[wasm_bindgen(js_name = analyzeCosts, skip_typescript)]
pub fn analyze_costs_js(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = Options(options);
    let lang = options.lang();
    let bytes = bytes_of(&input, lang)?;
    let active_customers = active_customers(options.raw("activeCustomers").as_ref(), lang).map_err(thrown)?;
    to_js(&analyze_costs(&bytes, &CostOptions { active_customers, lang }).map_err(thrown)?)
}

/// `analyzeSubscriptions(textOrBytes, { dateOrder?, lang? })`: a billing
/// export (or MRR per month) into its MRR movements per month, sign-up
/// cohorts and plans.
#[wasm_bindgen(js_name = analyzeSubscriptions, skip_typescript)]
pub fn analyze_subscriptions_js(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = Options(options);
    let lang = options.lang();
    let bytes = bytes_of(&input, lang)?;
    let date_order = DateOrder::from_option(options.raw("dateOrder").as_ref(), lang).map_err(thrown)?;
    let settings = BillingOptions { date_order, hash_seed: Some(random_seed()), lang };
    to_js(&analyze_subscriptions(&bytes, &settings).map_err(thrown)?)
}

/// `previewTable(textOrBytes, { rows? })`: encoding, delimiter, header, the
/// first rows and the columns found, for the column-mapping step.
#[wasm_bindgen(js_name = previewTable, skip_typescript)]
pub fn preview_table_js(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = Options(options);
    let lang = options.lang();
    let bytes = bytes_of(&input, lang)?;
    let rows = preview_rows(options.raw("rows").as_ref(), lang).map_err(thrown)?;
    to_js(&preview(&bytes, rows))
}

/// `sampleTransactions(name?)`: the generated coffee-shop log as CSV text,
/// `"coffee"` (the page's sample, default) or `"benchmark"` (1,000,000 rows).
#[wasm_bindgen(js_name = sampleTransactions, skip_typescript)]
pub fn sample_transactions_js(name: JsValue) -> Result<String, JsValue> {
    let options = SampleOptions::from_option(raw_value(&name).as_ref(), Locale::default()).map_err(thrown)?;
    Ok(sample_transactions(&options))
}

/// `sampleSubscriptions()`: a sample gym's billing export (eighteen months,
/// three plans), the same every time.
#[wasm_bindgen(js_name = sampleSubscriptions, skip_typescript)]
pub fn sample_subscriptions_js() -> String {
    crate::sample::billing::sample_billing()
}

/// `tableCsv(rows, { lang })`: rows of cells as CSV text for a spreadsheet
/// in the reader's language (`;` and `12,5` in Polish and Russian). A cell
/// is a number, a string, `{ money: 12.5 }` (two decimals) or null (empty).
#[wasm_bindgen(js_name = tableCsv, skip_typescript)]
pub fn table_csv_js(rows: JsValue, options: JsValue) -> Result<String, JsValue> {
    let lang = Options(options).lang();
    if !is_list(&rows) {
        return Err(thrown(field_error(lang, "rows", ErrorCode::NotATable, "error.not_a_table", &[])));
    }
    let cell = |value: JsValue| match value.as_f64() {
        Some(number) => Cell::Number(number),
        None if value.is_object() => {
            Reflect::get(&value, &"money".into()).ok().and_then(|m| m.as_f64()).map_or(Cell::Empty, Cell::Money)
        }
        None => value.as_string().map_or(Cell::Empty, Cell::Text),
    };
    let rows = Array::from(&rows);
    let cells =
        rows.iter().map(
            |row| {
                if is_list(&row) {
                    Array::from(&row).iter().map(cell).collect()
                } else {
                    vec![cell(row)]
                }
            },
        );
    Ok(write_table(Sheet::for_locale(lang), cells))
}

/// `summarizeCustomers(textOrBytes, { observationEnd?, calibrationEnd?, … })`:
/// each customer's x, t_x, T (weeks) and monetary, with the holdout.
#[wasm_bindgen(js_name = summarizeCustomers, skip_typescript)]
pub fn summarize_customers_js(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = Options(options);
    let lang = options.lang();
    let bytes = bytes_of(&input, lang)?;
    let read = || -> Result<_, FieldError> {
        Ok((
            options.transactions()?,
            day_option(options.raw("observationEnd").as_ref(), "observation_end", lang)?,
            day_option(options.raw("calibrationEnd").as_ref(), "calibration_end", lang)?,
        ))
    };
    let (settings, observation_end, calibration_end) = read().map_err(thrown)?;
    to_js(&summarize_customers(bytes, &settings, observation_end, calibration_end).map_err(thrown)?)
}

/// `fitBgNbd([{ x, t_x, T, weight? }], options?)`: BG/NBD by maximum
/// likelihood.
#[wasm_bindgen(js_name = fitBgNbd, skip_typescript)]
pub fn fit_bg_nbd_js(customers: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let lang = Options(options).lang();
    let groups = input::groups(&raw_histories(&customers, lang)?, lang).map_err(thrown)?;
    to_js(&bgnbd::fit(&groups).map_err(|reason| thrown(reason.error(lang)))?)
}

/// `bgNbdCustomer(params, { x, t_x, T }, weeks, options?)`: P(alive) and
/// the purchases expected in the next `weeks`.
#[wasm_bindgen(js_name = bgNbdCustomer, skip_typescript)]
pub fn bg_nbd_customer_js(
    params: JsValue,
    customer: JsValue,
    weeks: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let lang = Options(options).lang();
    let model = input::params(&raw_params(&params), lang).map_err(thrown)?;
    let customer = Options(customer);
    let raw =
        RawHistory { x: customer.raw("x"), t_x: customer.raw("t_x"), t: customer.raw("T"), ..RawHistory::default() };
    let history = input::history(&raw, 0, lang).map_err(thrown)?;
    let weeks = input::weeks(raw_value(&weeks).as_ref(), lang).map_err(thrown)?;
    to_js(&model.forecast(&history, weeks))
}

/// `bgNbdExpected(params, weeks, options?)`: purchases expected from a new
/// customer in their first `weeks`.
#[wasm_bindgen(js_name = bgNbdExpected, skip_typescript)]
pub fn bg_nbd_expected_js(params: JsValue, weeks: JsValue, options: JsValue) -> Result<f64, JsValue> {
    let lang = Options(options).lang();
    let model = input::params(&raw_params(&params), lang).map_err(thrown)?;
    let weeks = input::weeks(raw_value(&weeks).as_ref(), lang).map_err(thrown)?;
    Ok(model.expected_new(weeks))
}

/// `{ r, alpha, a, b }` as loose values.
fn raw_params(params: &JsValue) -> RawParams {
    let params = Options(params.clone());
    RawParams { r: params.raw("r"), alpha: params.raw("alpha"), a: params.raw("a"), b: params.raw("b") }
}

/// `fitGammaGamma([{ x, monetary }], options?)`: Gamma-Gamma on the repeat
/// buyers.
#[wasm_bindgen(js_name = fitGammaGamma, skip_typescript)]
pub fn fit_gamma_gamma_js(customers: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let lang = Options(options).lang();
    let spenders = input::spenders(&raw_histories(&customers, lang)?, lang).map_err(thrown)?;
    to_js(&gamma_gamma::fit(&spenders).map_err(|reason| thrown(reason.error(lang)))?)
}

/// `predictCustomers(textOrBytes, options?)`: every customer with P(alive),
/// expected visits and predicted value, the contact ranking, the fitted
/// models, and the tracking check when `calibrationEnd` is given.
#[wasm_bindgen(js_name = predictCustomers, skip_typescript)]
pub fn predict_customers_js(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = Options(options);
    let bytes = bytes_of(&input, options.lang())?;
    let settings = options.predictions().map_err(thrown)?;
    let mut progress = options.callback("onProgress");
    to_js(&predict_customers(bytes, &settings, &mut progress).map_err(thrown)?)
}

/// `customerVisits(textOrBytes, options, id)`: the days one customer came,
/// with what they spent each day.
#[wasm_bindgen(js_name = customerVisits, skip_typescript)]
pub fn customer_visits_js(input: JsValue, options: JsValue, id: JsValue) -> Result<JsValue, JsValue> {
    let options = Options(options);
    let bytes = bytes_of(&input, options.lang())?;
    let settings = options.transactions().map_err(thrown)?;
    let id = id.as_string().unwrap_or_default();
    to_js(&customer_visits(bytes, &settings, &id).map_err(thrown)?)
}
