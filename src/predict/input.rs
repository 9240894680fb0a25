//! The models' inputs as a caller passes them (loose values from
//! JavaScript or a command line): histories, spend, parameters and a
//! horizon, each read or refused with a coded error that names the field
//! (`customers[3].t_x`), never guessed.

use super::bgnbd::{BgNbd, Group};
use super::gamma_gamma::Spend;
use super::History;
use crate::error::{ErrorCode, FieldError};
use crate::ingest::number::{read_raw, RawValue};
use crate::locale::Locale;
use crate::text::field_error;

/// One customer as given: `{ x, t_x, T, weight?, monetary? }`.
#[derive(Debug, Clone, Default)]
pub struct RawHistory {
    /// Repeat purchases.
    pub x: Option<RawValue>,
    /// Recency in weeks.
    pub t_x: Option<RawValue>,
    /// Age in weeks.
    pub t: Option<RawValue>,
    /// How many customers share the history (1 when absent).
    pub weight: Option<RawValue>,
    /// Mean spend of the repeat purchases.
    pub monetary: Option<RawValue>,
}

/// BG/NBD's parameters as given: `{ r, alpha, a, b }`.
#[derive(Debug, Clone, Default)]
pub struct RawParams {
    /// r.
    pub r: Option<RawValue>,
    /// α.
    pub alpha: Option<RawValue>,
    /// a.
    pub a: Option<RawValue>,
    /// b.
    pub b: Option<RawValue>,
}

/// The most repeat purchases a history may have: more than a purchase a
/// day for two hundred years.
const MAX_REPEAT: f64 = 100_000.0;

/// A number as given, at least `min`; the message says what the field is.
fn number(raw: Option<&RawValue>, field: &str, key: &str, lang: Locale) -> Result<f64, FieldError> {
    let refuse = |code| field_error(lang, field, code, key, &[("field", field.to_string())]);
    let value = raw.ok_or_else(|| refuse(ErrorCode::Required))?;
    let number = read_raw(value, Some(lang)).map_err(|_| refuse(ErrorCode::NotANumber))?;
    if number < 0.0 {
        return Err(refuse(ErrorCode::Negative));
    }
    Ok(number)
}

/// A positive number (a parameter, a weight).
fn positive(raw: Option<&RawValue>, field: &str, lang: Locale) -> Result<f64, FieldError> {
    let value = number(raw, field, "data.predict.error.positive", lang)?;
    if value == 0.0 {
        return Err(field_error(
            lang,
            field,
            ErrorCode::Zero,
            "data.predict.error.positive",
            &[("field", field.into())],
        ));
    }
    Ok(value)
}

/// Repeat purchases: a whole number from 0.
fn repeat(raw: Option<&RawValue>, field: &str, lang: Locale) -> Result<u32, FieldError> {
    let x = number(raw, field, "data.predict.error.repeat", lang)?;
    if x.fract() != 0.0 || x > MAX_REPEAT {
        return Err(field_error(
            lang,
            field,
            ErrorCode::NotWhole,
            "data.predict.error.repeat",
            &[("field", field.into())],
        ));
    }
    Ok(x as u32)
}

/// One history, its fields named after `customers[index]`.
pub fn history(raw: &RawHistory, index: usize, lang: Locale) -> Result<History, FieldError> {
    let field = |name: &str| format!("customers[{index}].{name}");
    let x = repeat(raw.x.as_ref(), &field("x"), lang)?;
    let t_x = weeks_of(raw.t_x.as_ref(), &field("t_x"), lang)?;
    let t = weeks_of(raw.t.as_ref(), &field("T"), lang)?;
    if t_x > t {
        let values = [("field", field("t_x"))];
        return Err(field_error(lang, &field("t_x"), ErrorCode::Exceeds, "data.predict.error.recency", &values));
    }
    if x == 0 && t_x > 0.0 {
        let values = [("field", field("t_x"))];
        return Err(field_error(lang, &field("t_x"), ErrorCode::Inconsistent, "data.predict.error.no_repeat", &values));
    }
    Ok(History { x, t_x, t, monetary: 0.0, holdout_x: 0 })
}

/// The groups to fit BG/NBD on: each history with its weight.
pub fn groups(raw: &[RawHistory], lang: Locale) -> Result<Vec<Group>, FieldError> {
    raw.iter()
        .enumerate()
        .map(|(i, r)| {
            let weight = match &r.weight {
                None => 1.0,
                Some(w) => positive(Some(w), &format!("customers[{i}].weight"), lang)?,
            };
            Ok(Group { history: history(r, i, lang)?, weight })
        })
        .collect()
}

/// The repeat buyers to fit Gamma-Gamma on, from `{ x, monetary }`: the
/// model is defined on repeat buyers with a positive mean spend, so the
/// others are left out (and the fit says how many it used).
pub fn spenders(raw: &[RawHistory], lang: Locale) -> Result<Vec<Spend>, FieldError> {
    let mut spenders = Vec::new();
    for (i, r) in raw.iter().enumerate() {
        let x = repeat(r.x.as_ref(), &format!("customers[{i}].x"), lang)?;
        let monetary =
            number(r.monetary.as_ref(), &format!("customers[{i}].monetary"), "data.predict.error.spend", lang)?;
        if x > 0 && monetary > 0.0 {
            spenders.push(Spend { x, monetary });
        }
    }
    Ok(spenders)
}

/// The range of a parameter: what a fit can give (it searches within
/// e^±18), with room either side. Outside it the model means nothing and
/// its formulas overflow.
const PARAMETER_RANGE: (f64, f64) = (1e-9, 1e9);

/// BG/NBD's parameters: each a positive number within [`PARAMETER_RANGE`].
pub fn params(raw: &RawParams, lang: Locale) -> Result<BgNbd, FieldError> {
    let read = |value: &Option<RawValue>, name: &str| {
        let field = format!("params.{name}");
        let value = positive(value.as_ref(), &field, lang)?;
        let (low, high) = PARAMETER_RANGE;
        if (low..=high).contains(&value) {
            Ok(value)
        } else {
            let values =
                [("field", field.clone()), ("min", "0.000000001".to_string()), ("max", "1000000000".to_string())];
            Err(field_error(lang, &field, ErrorCode::OutOfRange, "data.predict.error.parameter", &values))
        }
    };
    Ok(BgNbd { r: read(&raw.r, "r")?, alpha: read(&raw.alpha, "alpha")?, a: read(&raw.a, "a")?, b: read(&raw.b, "b")? })
}

/// The longest time accepted, in a history or a forecast: a hundred
/// years, in weeks.
const MAX_WEEKS: f64 = 5_218.0;

/// A time in weeks, from 0 to a hundred years.
fn weeks_of(raw: Option<&RawValue>, field: &str, lang: Locale) -> Result<f64, FieldError> {
    let weeks = number(raw, field, "data.predict.error.weeks", lang)?;
    if weeks > MAX_WEEKS {
        return Err(field_error(
            lang,
            field,
            ErrorCode::OutOfRange,
            "data.predict.error.weeks",
            &[("field", field.into())],
        ));
    }
    Ok(weeks)
}

/// A forecast horizon in weeks, from 0 to a hundred years.
pub fn weeks(raw: Option<&RawValue>, lang: Locale) -> Result<f64, FieldError> {
    weeks_of(raw, "weeks", lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(x: f64, t_x: f64, t: f64) -> RawHistory {
        RawHistory {
            x: Some(RawValue::Number(x)),
            t_x: Some(RawValue::Number(t_x)),
            t: Some(RawValue::Number(t)),
            ..RawHistory::default()
        }
    }

    #[test]
    fn histories_are_read_or_refused_by_field() {
        assert_eq!(history(&raw(2.0, 30.0, 38.0), 0, Locale::En).unwrap().x, 2);
        let refused = |r: RawHistory| history(&r, 3, Locale::En).unwrap_err();
        assert_eq!(refused(raw(1.5, 3.0, 4.0)).field, "customers[3].x");
        assert_eq!(refused(raw(1.0, 5.0, 4.0)).code, ErrorCode::Exceeds);
        assert_eq!(refused(raw(0.0, 2.0, 4.0)).code, ErrorCode::Inconsistent);
        assert_eq!(refused(raw(1.0, -1.0, 4.0)).code, ErrorCode::Negative);
        assert_eq!(refused(raw(1.0, 1.0, 1e9)).code, ErrorCode::OutOfRange);
        assert_eq!(refused(RawHistory { t: None, ..raw(1.0, 1.0, 1.0) }).code, ErrorCode::Required);
        assert_eq!(
            refused(RawHistory { t: Some(RawValue::Text("soon".into())), ..raw(1.0, 1.0, 1.0) }).field,
            "customers[3].T"
        );
    }

    #[test]
    fn spenders_are_the_repeat_buyers_with_a_positive_spend() {
        let with = |x: f64, m: f64| RawHistory { monetary: Some(RawValue::Number(m)), ..raw(x, 0.0, 0.0) };
        let spenders = spenders(&[with(0.0, 0.0), with(2.0, 10.0), with(1.0, 0.0)], Locale::En).unwrap();
        assert_eq!(spenders, [Spend { x: 2, monetary: 10.0 }]);
    }

    #[test]
    fn parameters_must_be_positive() {
        let n = |v: f64| Some(RawValue::Number(v));
        let good = RawParams { r: n(0.24), alpha: n(4.4), a: n(0.79), b: n(2.4) };
        assert!(params(&good, Locale::En).is_ok());
        assert_eq!(params(&RawParams { a: n(0.0), ..good.clone() }, Locale::En).unwrap_err().field, "params.a");
        assert_eq!(params(&RawParams { b: None, ..good.clone() }, Locale::En).unwrap_err().code, ErrorCode::Required);
        let huge = params(&RawParams { r: n(1e300), ..good }, Locale::En).unwrap_err();
        assert_eq!((huge.field.as_str(), huge.code), ("params.r", ErrorCode::OutOfRange));
    }
}
