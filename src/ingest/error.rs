//! Why a file could not be analysed at all, and why single rows were left
//! out.
//!
//! A file is rejected only when nothing in it can be used or the user has to
//! settle something first (which column is which, or whether `01/03` is the
//! first of March); otherwise bad rows are skipped and listed with their row
//! numbers, as spreadsheets number them.

use serde::Serialize;

use super::columns::ColumnRef;
use super::decode::{decode, looks_binary, Encoding};
use crate::locale::Locale;
use crate::text::Texts;

/// A whole-file problem. The snake_case names are the public `code` values
/// that JavaScript sees on the thrown `Error`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum DataErrorCode {
    /// No row could be read: an empty file, or every row was bad.
    #[error("nothing usable in the file")]
    NoData,
    /// The file is not text at all (an image, an .xlsx workbook).
    #[error("not a text file")]
    NotText,
    /// A needed column was not found by its header and was not picked.
    #[error("a column is missing")]
    MissingColumn,
    /// A picked column does not exist in the file.
    #[error("no such column")]
    UnknownColumn,
    /// The dates read both day-first and month-first; the user must say.
    #[error("day/month order unclear")]
    AmbiguousDateOrder,
    /// An option is outside what makes sense (a window of 0 days).
    #[error("option out of range")]
    OutOfRange,
}

/// A file the engine cannot analyse, with a message for the user.
#[derive(Debug, Clone, PartialEq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct DataError {
    /// What needs attention: a column role (`customer`, `date`, `amount`,
    /// `score`, `category`), `date_order`, an option name, or `file`.
    pub field: String,
    /// The machine-readable reason.
    pub code: DataErrorCode,
    /// A sentence in the reader's language.
    pub message: String,
}

impl DataError {
    /// An error whose message is the text `key` with `{name}` filled in.
    pub fn new(field: &str, code: DataErrorCode, lang: Locale, key: &str, values: &[(&str, String)]) -> DataError {
        let message =
            Texts::for_locale(lang).fill(key, &|name| values.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone()));
        DataError { field: field.to_string(), code, message }
    }
}

/// The file as text, or the one message for a file that is not text (an
/// image, an .xlsx) or holds nothing but blanks.
pub fn text_of(bytes: &[u8], lang: Locale) -> Result<(std::borrow::Cow<'_, str>, Encoding), DataError> {
    if looks_binary(bytes) {
        return Err(DataError::new("file", DataErrorCode::NotText, lang, "data.error.not_text", &[]));
    }
    let (text, encoding) = decode(bytes);
    if text.trim().is_empty() {
        return Err(DataError::new("file", DataErrorCode::NoData, lang, "data.error.empty", &[]));
    }
    Ok((text, encoding))
}

/// The name of a column role (`customer`, `date`, `score`…) in the reader's
/// language, for messages.
pub fn role_name(lang: Locale, role: &str) -> String {
    Texts::for_locale(lang).get(&format!("data.role.{role}")).to_string()
}

impl DataError {
    /// A picked column that the file does not have.
    pub fn unknown_column(field: &str, column: &ColumnRef, lang: Locale) -> DataError {
        let given = match column {
            ColumnRef::Index(i) => (i + 1).to_string(),
            ColumnRef::Name(n) => n.clone(),
        };
        DataError::new(field, DataErrorCode::UnknownColumn, lang, "data.error.unknown_column", &[("column", given)])
    }
}

/// Why one row was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// The row has fewer cells than the columns in use.
    MissingCells,
    /// The customer cell is empty.
    NoCustomer,
    /// The date cell is empty.
    NoDate,
    /// The date cell is not a date.
    BadDate,
    /// The date does not exist in the file's day/month order (`31/04`) or
    /// contradicts it (`03/25` in a day-first file).
    DateOrder,
    /// The amount cell is empty or not a number.
    BadAmount,
    /// A total or summary row (`Total`, `Razem`, `Итого`).
    TotalRow,
    /// A score outside the survey's scale, or not a whole number.
    BadScore,
}

impl SkipReason {
    fn key(self) -> &'static str {
        match self {
            SkipReason::MissingCells => "data.skip.missing_cells",
            SkipReason::NoCustomer => "data.skip.no_customer",
            SkipReason::NoDate => "data.skip.no_date",
            SkipReason::BadDate => "data.skip.bad_date",
            SkipReason::DateOrder => "data.skip.date_order",
            SkipReason::BadAmount => "data.skip.bad_amount",
            SkipReason::TotalRow => "data.skip.total_row",
            SkipReason::BadScore => "data.skip.bad_score",
        }
    }
}

/// A row left out, for the list the user sees.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkippedRow {
    /// The row number in the file (1-based, the header included).
    pub row: u64,
    /// The machine-readable reason.
    pub code: SkipReason,
    /// The reason in the reader's language, quoting the cell.
    pub reason: String,
}

/// How many skipped rows are listed one by one; the rest are counted.
pub const LISTED_SKIPS: usize = 200;

/// Collects skipped rows: lists the first [`LISTED_SKIPS`] and counts all.
#[derive(Debug, Default)]
pub struct Skips {
    /// The listed rows.
    pub listed: Vec<SkippedRow>,
    /// How many rows were skipped in all.
    pub total: usize,
}

impl Skips {
    /// Records a skipped row; `text` is the offending cell, quoted in the reason.
    pub fn add(&mut self, row: u64, code: SkipReason, text: &str, lang: Locale) {
        self.total += 1;
        if self.listed.len() < LISTED_SKIPS {
            let reason = Texts::for_locale(lang).fill(code.key(), &|name| (name == "text").then(|| text.to_string()));
            self.listed.push(SkippedRow { row, code, reason });
        }
    }

    /// The listed rows in file order.
    pub fn into_sorted(mut self) -> (Vec<SkippedRow>, usize) {
        self.listed.sort_unstable_by_key(|s| s.row);
        (self.listed, self.total)
    }
}
