//! The one error family of the engine: what a person typed or dropped that
//! cannot be used.
//!
//! Whether the problem is an input of the calculator (`lost` larger than
//! `start`) or a dropped file (no customer column), it is a [`FieldError`]:
//! the thing at fault (`field`), a stable machine code (`code`, part of the
//! public JS contract) and a sentence in the reader's language that names it,
//! so a shop owner knows what to fix. A calculation reports every input at
//! fault at once, as a [`Rejected`]. The sentences come from the language
//! files ([`crate::text::field_error`] builds them); this module only names.

use serde::Serialize;

/// Why something was rejected. [`ErrorCode::as_str`] is the one place a
/// code gets its public name (`"not_whole"`), for JSON and for JavaScript.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// The input was left empty but the metric needs it.
    Required,
    /// The text could not be read as a number (letters, `NaN`, `inf`,
    /// misplaced separators, or a separator that could mean two things).
    NotANumber,
    /// A negative value where only zero or more makes sense.
    Negative,
    /// A fraction where the input counts people or things.
    NotWhole,
    /// Zero where the value divides the formula or must be positive.
    Zero,
    /// Larger than another input that contains it (e.g. lost > start).
    Exceeds,
    /// Outside the range allowed (a percentage over 100, a window of 0
    /// days, a segment that does not exist).
    OutOfRange,
    /// Several inputs together contradict each other. Part of the public
    /// list of codes; no formula metric needs it yet (contradictions such as
    /// retention over 100 % are explained as warnings instead).
    Inconsistent,
    /// The metric id is not in the catalog.
    UnknownMetric,
    /// Nothing usable in a file: empty, or every row was bad.
    NoData,
    /// The file is not text at all (an image, an .xlsx workbook).
    NotText,
    /// A needed column was not found by its header and was not picked.
    MissingColumn,
    /// A picked column does not exist in the file.
    UnknownColumn,
    /// The dates read both day-first and month-first; the user must say.
    AmbiguousDateOrder,
    /// A table is not a list of rows (cells to write out, customers to
    /// fit).
    NotATable,
    /// A model could not be fitted to the data (too few customers, or no
    /// proper maximum of its likelihood); the message says which.
    CannotFit,
    /// The engine itself failed (a bug, never the user's input).
    Internal,
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
            ErrorCode::NoData => "no_data",
            ErrorCode::NotText => "not_text",
            ErrorCode::MissingColumn => "missing_column",
            ErrorCode::UnknownColumn => "unknown_column",
            ErrorCode::AmbiguousDateOrder => "ambiguous_date_order",
            ErrorCode::NotATable => "not_a_table",
            ErrorCode::CannotFit => "cannot_fit",
            ErrorCode::Internal => "internal",
        }
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One thing that cannot be used, with a message in the reader's language.
#[derive(Debug, Clone, PartialEq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct FieldError {
    /// What needs attention: an input id from the catalog (`"start"`), a
    /// column role (`"customer"`, `"score"`), an option (`"window_days"`,
    /// `"date_order"`), or `"file"`, `"metric"`, `"inputs"`.
    pub field: String,
    /// The machine-readable reason.
    pub code: ErrorCode,
    /// A sentence that names the field and says what to change.
    pub message: String,
}

/// Something that could not be done: every field at fault, in form order.
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

impl From<FieldError> for Rejected {
    fn from(error: FieldError) -> Rejected {
        Rejected { errors: vec![error] }
    }
}
