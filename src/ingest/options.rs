//! Reading the options a caller passes as loose values (from JavaScript, a
//! shared address, a command line): each one is read or refused with a coded
//! error in the reader's language, never silently ignored or replaced.
//!
//! The analyses give their own options meaning (which window, which scale);
//! this module only holds the two shapes every option has: a whole number in
//! a range, or one of a few named choices.

use super::number::{read_raw, RawValue};
use crate::error::{ErrorCode, FieldError};
use crate::format::plain_number;
use crate::locale::Locale;
use crate::text::field_error;

/// Whether an option was left out: absent, or text with nothing in it.
fn is_absent(raw: Option<&RawValue>) -> bool {
    match raw {
        None => true,
        Some(RawValue::Text(text)) => text.trim().is_empty(),
        Some(_) => false,
    }
}

/// A whole number from `min` to `max`, given as a number or as text typed in
/// `lang`; `None` when left out. Anything else is refused with the message
/// `key` (which may name `{min}` and `{max}`), marked on `field`.
///
/// ```
/// use retention_metrics::{ingest::options::whole_number, Locale, RawValue};
/// let read = |raw: RawValue| whole_number(Some(&raw), "window_days", "data.error.window", 1, 3650, Locale::Pl);
/// assert_eq!(read(RawValue::Text("30".into())), Ok(Some(30)));
/// assert_eq!(read(RawValue::Number(0.0)).unwrap_err().field, "window_days");
/// assert!(read(RawValue::Text("1,5".into())).is_err());
/// ```
pub fn whole_number(
    raw: Option<&RawValue>,
    field: &str,
    key: &str,
    min: u64,
    max: u64,
    lang: Locale,
) -> Result<Option<u64>, FieldError> {
    let Some(value) = raw.filter(|_| !is_absent(raw)) else { return Ok(None) };
    match read_raw(value, Some(lang)) {
        Ok(n) if n.fract() == 0.0 && n >= min as f64 && n <= max as f64 => Ok(Some(n as u64)),
        _ => {
            let bounds = [("min", min.to_string()), ("max", max.to_string())];
            Err(field_error(lang, field, ErrorCode::OutOfRange, key, &bounds))
        }
    }
}

/// One of a few named choices (`"month"`, `"quarter"`, a scale's `5`), as
/// `parse` reads them; `None` when left out. A name `parse` does not know,
/// or a value that is neither text nor a number, is refused with the message `key` (which may quote `{text}`).
///
/// ```
/// use retention_metrics::{ingest::options::choice, Locale, RawValue};
/// let parse = |name: &str| ["month", "quarter"].contains(&name).then(|| name.to_string());
/// assert_eq!(choice(Some(&RawValue::Text("month".into())), "period", "data.error.period", parse, Locale::En), Ok(Some("month".into())));
/// assert_eq!(choice(None, "period", "data.error.period", parse, Locale::En), Ok(None));
/// assert_eq!(choice(Some(&RawValue::Other), "period", "data.error.period", parse, Locale::En).unwrap_err().field, "period");
/// ```
pub fn choice<T>(
    raw: Option<&RawValue>,
    field: &str,
    key: &str,
    parse: impl Fn(&str) -> Option<T>,
    lang: Locale,
) -> Result<Option<T>, FieldError> {
    let mut chosen = None;
    name(raw, field, key, lang, &mut |text| {
        chosen = parse(text);
        chosen.is_some()
    })?;
    Ok(chosen)
}

/// The part of [`choice`] that does not depend on what is chosen, written
/// once rather than once per kind of choice: reads the name and refuses it
/// unless `known` takes it.
fn name(
    raw: Option<&RawValue>,
    field: &str,
    key: &str,
    lang: Locale,
    known: &mut dyn FnMut(&str) -> bool,
) -> Result<(), FieldError> {
    let Some(value) = raw.filter(|_| !is_absent(raw)) else { return Ok(()) };
    // A number names a choice by its digits (a scale of `5`).
    let text = match value {
        RawValue::Text(text) => text.trim().to_string(),
        RawValue::Number(n) => plain_number(*n, 9, true),
        RawValue::Other => String::new(),
    };
    if known(&text) {
        Ok(())
    } else {
        Err(field_error(lang, field, ErrorCode::OutOfRange, key, &[("text", text)]))
    }
}
