//! Rows left out of an analysis, and why: each is listed with its row number
//! as spreadsheets number them, so no row disappears without a word.
//!
//! A file is rejected as a whole (a [`crate::error::FieldError`]) only when
//! nothing in it can be used or the user has to settle something first;
//! otherwise bad rows are skipped and listed here.

use serde::Serialize;

use crate::locale::Locale;
use crate::text::Texts;

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
