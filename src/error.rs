//! Typed errors for what a person typed.
//!
//! A calculation is rejected with one [`FieldError`] per input that cannot be
//! used. Each carries the input id (`field`), a stable machine code (`code`,
//! part of the public JS contract) and a sentence in the reader's language that
//! names the field, so a shop owner knows what to fix.

use serde::Serialize;

/// Why an input was rejected. The snake_case names are the public `code`
/// values that JavaScript sees on the thrown `Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The input was left empty but the metric needs it.
    #[error("a value is required")]
    Required,
    /// The text could not be read as a number (letters, `NaN`, `inf`,
    /// misplaced separators, or a separator that could mean two things).
    #[error("not a number")]
    NotANumber,
    /// A negative value where only zero or more makes sense.
    #[error("must not be negative")]
    Negative,
    /// A fraction where the input counts people or things.
    #[error("must be a whole number")]
    NotWhole,
    /// Zero where the value divides the formula or must be positive.
    #[error("must be more than zero")]
    Zero,
    /// Larger than another input that contains it (e.g. lost > start).
    #[error("is larger than the value it is part of")]
    Exceeds,
    /// Outside the fixed range allowed for the input (e.g. a percentage over 100).
    #[error("is outside the allowed range")]
    OutOfRange,
    /// Several inputs together contradict each other. Part of the public
    /// list of codes; no formula metric needs it yet (contradictions such as
    /// retention over 100 % are explained as warnings instead).
    #[error("does not agree with the other inputs")]
    Inconsistent,
    /// The metric id is not in the catalog.
    #[error("no such metric")]
    UnknownMetric,
}

impl ErrorCode {
    /// The public code string, e.g. `"not_whole"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Required => "required",
            ErrorCode::NotANumber => "not_a_number",
            ErrorCode::Negative => "negative",
            ErrorCode::NotWhole => "not_whole",
            ErrorCode::Zero => "zero",
            ErrorCode::Exceeds => "exceeds",
            ErrorCode::OutOfRange => "out_of_range",
            ErrorCode::Inconsistent => "inconsistent",
            ErrorCode::UnknownMetric => "unknown_metric",
        }
    }
}

/// One input that cannot be used, with a message in the reader's language.
#[derive(Debug, Clone, PartialEq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct FieldError {
    /// The input id from the catalog (`"start"`, `"lost"`, …), or `"metric"`.
    pub field: String,
    /// The machine-readable reason.
    pub code: ErrorCode,
    /// A sentence that names the field and says what to change.
    pub message: String,
}

/// A calculation that could not be done: every input at fault, in form order.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", first_message(.errors))]
pub struct Rejected {
    /// Never empty; the first entry is the one to show when only one fits.
    pub errors: Vec<FieldError>,
}

fn first_message(errors: &[FieldError]) -> &str {
    errors.first().map_or("", |e| e.message.as_str())
}

impl Rejected {
    /// The first error, which JavaScript exposes as `err.field` / `err.code`.
    pub fn first(&self) -> &FieldError {
        &self.errors[0]
    }
}
