//! Rows left out of an analysis, and why: each is listed with its row number
//! as spreadsheets number them, so no row disappears without a word.
//!
//! A file is rejected as a whole (a [`crate::error::FieldError`]) only when
//! nothing in it can be used or the user has to settle something first;
//! otherwise bad rows are skipped and listed here.

use serde::Serialize;

use super::number::MAX_AMOUNT;
use crate::format::format_number;
use crate::locale::Locale;
use crate::text::Texts;

/// Why one row was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// The row has fewer cells than the header.
    MissingCells,
    /// The row has more cells than the header (an unquoted `1,234.56` in a
    /// comma-separated file), so which cell moved cannot be told.
    ExtraCells,
    /// A quote opens in the row and never closes.
    UnclosedQuote,
    /// A line above the header: a report's title or date range.
    Title,
    /// The header again (two exports pasted one after the other).
    RepeatedHeader,
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
    /// The amount is larger than [`MAX_AMOUNT`].
    TooLarge,
    /// The date lies outside the years a shop's log can hold (a
    /// placeholder such as `1000-01-01` or `9999-12-31`).
    OutOfRange,
    /// A total or summary row (`Total`, `Razem`, `Итого`).
    TotalRow,
    /// A score outside the survey's scale, or not a whole number.
    BadScore,
    /// An order whose status says no sale happened (voided, cancelled,
    /// pending, failed).
    LeftOut,
    /// An amount in another currency than the one analysed.
    OtherCurrency,
    /// A refund by a customer with no purchase in the log to take it off.
    RefundWithoutOrder,
    /// A credit or refund in a billing export: MRR counts what is charged.
    Credit,
    /// A billing interval that is neither a number of months nor a word for one.
    BadInterval,
}

/// Every reason, in the order the page lists their counts.
pub const ALL_REASONS: [SkipReason; 19] = [
    SkipReason::LeftOut,
    SkipReason::OtherCurrency,
    SkipReason::Title,
    SkipReason::RepeatedHeader,
    SkipReason::TotalRow,
    SkipReason::UnclosedQuote,
    SkipReason::MissingCells,
    SkipReason::ExtraCells,
    SkipReason::NoCustomer,
    SkipReason::NoDate,
    SkipReason::BadDate,
    SkipReason::DateOrder,
    SkipReason::OutOfRange,
    SkipReason::BadAmount,
    SkipReason::TooLarge,
    SkipReason::BadScore,
    SkipReason::RefundWithoutOrder,
    SkipReason::Credit,
    SkipReason::BadInterval,
];

impl SkipReason {
    /// The reason's id, as in the JSON (`"extra_cells"`).
    pub fn id(self) -> &'static str {
        &self.key()["data.skip.".len()..]
    }

    fn key(self) -> &'static str {
        match self {
            SkipReason::MissingCells => "data.skip.missing_cells",
            SkipReason::ExtraCells => "data.skip.extra_cells",
            SkipReason::UnclosedQuote => "data.skip.unclosed_quote",
            SkipReason::Title => "data.skip.title",
            SkipReason::RepeatedHeader => "data.skip.repeated_header",
            SkipReason::OutOfRange => "data.skip.out_of_range",
            SkipReason::LeftOut => "data.skip.left_out",
            SkipReason::OtherCurrency => "data.skip.other_currency",
            SkipReason::RefundWithoutOrder => "data.skip.refund_without_order",
            SkipReason::NoCustomer => "data.skip.no_customer",
            SkipReason::NoDate => "data.skip.no_date",
            SkipReason::BadDate => "data.skip.bad_date",
            SkipReason::DateOrder => "data.skip.date_order",
            SkipReason::BadAmount => "data.skip.bad_amount",
            SkipReason::TooLarge => "data.skip.amount_too_large",
            SkipReason::TotalRow => "data.skip.total_row",
            SkipReason::BadScore => "data.skip.bad_score",
            SkipReason::Credit => "data.skip.credit",
            SkipReason::BadInterval => "data.skip.bad_interval",
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

/// How many rows were left out for one reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkipCount {
    /// The reason.
    pub code: SkipReason,
    /// The reason in a few words, in the reader's language.
    pub name: String,
    /// How many rows.
    pub rows: usize,
}

/// How many skipped rows are listed one by one in all; the rest are counted.
pub const LISTED_SKIPS: usize = 200;

/// How many rows of one reason are listed, so that a thousand bad dates do
/// not hide the one unclosed quote.
pub const LISTED_PER_REASON: usize = 20;

/// Collects skipped rows: counts every one by reason and lists the first
/// [`LISTED_PER_REASON`] of each (or every one, for a download).
#[derive(Debug)]
pub struct Skips {
    listed: Vec<SkippedRow>,
    counts: [usize; ALL_REASONS.len()],
    total: usize,
    list_all: bool,
    lang: Locale,
}

/// The rows left out of a file, as a report carries them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Skipped {
    /// The listed rows, in file order.
    pub rows: Vec<SkippedRow>,
    /// How many rows for each reason that occurred, in [`ALL_REASONS`] order.
    pub counts: Vec<SkipCount>,
    /// How many rows were skipped in all.
    pub total: usize,
}

impl Skips {
    /// Lists the first rows of each reason, in `lang`.
    pub fn new(lang: Locale) -> Skips {
        Skips { listed: Vec::new(), counts: [0; ALL_REASONS.len()], total: 0, list_all: false, lang }
    }

    /// Lists every skipped row (for the download of all of them).
    pub fn listing_all(lang: Locale) -> Skips {
        Skips { list_all: true, ..Skips::new(lang) }
    }

    /// Records a skipped row; `text` is the offending cell, quoted in the reason.
    pub fn add(&mut self, row: u64, code: SkipReason, text: &str) {
        self.total += 1;
        let count = &mut self.counts[ALL_REASONS.iter().position(|&r| r == code).unwrap_or(0)];
        *count += 1;
        if self.list_all || (*count <= LISTED_PER_REASON && self.listed.len() < LISTED_SKIPS) {
            let lang = self.lang;
            let reason = Texts::for_locale(lang).fill(code.key(), &|name| match name {
                "text" => Some(text.to_string()),
                "max" => Some(format_number(MAX_AMOUNT, 0, true, lang)),
                _ => None,
            });
            self.listed.push(SkippedRow { row, code, reason });
        }
    }

    /// The rows in file order and the counts by reason.
    pub fn finish(mut self) -> Skipped {
        self.listed.sort_unstable_by_key(|s| s.row);
        let texts = Texts::for_locale(self.lang);
        let counts = ALL_REASONS
            .iter()
            .zip(self.counts)
            .filter(|(_, rows)| *rows > 0)
            .map(|(&code, rows)| SkipCount {
                code,
                name: texts.get(&format!("data.skip_kind.{}", code.id())).to_string(),
                rows,
            })
            .collect();
        Skipped { rows: self.listed, counts, total: self.total }
    }
}
