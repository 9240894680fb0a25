//! The first rows of a dropped file as the engine reads them, for the page's
//! "what was understood" panel and column-mapping step.
//!
//! The preview reports the encoding, delimiter and header, the first rows as
//! cells, which columns the headers name, and what the first dates say about
//! day/month order, so the page can ask only what the file leaves open.

use serde::Serialize;

use super::columns::{Columns, Role};
use super::date::{read_any_date, read_date, DateOrder, OrderEvidence};
use super::decode::{decode, Encoding};
use super::headers::find_columns;
use super::number::read_number;
use super::number::RawValue;
use super::options::whole_number;
use super::table::Layout;
use crate::error::FieldError;
use crate::locale::Locale;

/// What the start of a file says.
#[derive(Debug, Clone, Serialize)]
pub struct Preview {
    /// The character encoding.
    pub encoding: Encoding,
    /// The field delimiter.
    pub delimiter: String,
    /// The header cells, when the first row is a header.
    pub header: Option<Vec<String>>,
    /// The number of fields in a typical row.
    pub width: usize,
    /// The first data rows, as cells.
    pub rows: Vec<Vec<String>>,
    /// Columns of a transactions log found by their header (0-based).
    pub columns: Columns<Option<usize>>,
    /// What the mapping step should offer first: the columns found by
    /// header, and for the roles no header names, a guess from the cells
    /// (the first column of dates, then of amounts, then any other). Only a
    /// suggestion: the analysis never uses it unless the user confirms it.
    pub suggested: Columns<Option<usize>>,
    /// The day/month order the first dates settle on; `null` when they
    /// read both ways (or no date column is known yet).
    pub date_order: Option<DateOrder>,
}

/// Fills the roles no header names from what the first rows hold.
fn suggest(found: &Columns<Option<usize>>, rows: &[Vec<String>]) -> Columns<Option<usize>> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mostly = |column: usize, test: &dyn Fn(&str) -> bool| {
        let cells: Vec<&str> =
            rows.iter().filter_map(|r| r.get(column)).map(String::as_str).filter(|c| !c.is_empty()).collect();
        !cells.is_empty() && cells.iter().filter(|c| test(c)).count() * 2 > cells.len()
    };
    let mut roles = *found;
    let taken = |roles: &Columns<Option<usize>>, i: usize| Role::ALL.iter().any(|&role| *roles.get(role) == Some(i));
    if roles.date.is_none() {
        roles.date = (0..width).find(|&i| !taken(&roles, i) && mostly(i, &|c| read_date(c).is_some()));
    }
    if roles.amount.is_none() {
        roles.amount = (0..width).rev().find(|&i| !taken(&roles, i) && mostly(i, &|c| read_number(c, None).is_ok()));
    }
    if roles.customer.is_none() {
        roles.customer = (0..width).find(|&i| !taken(&roles, i));
    }
    roles
}

/// How many rows the columns found by header are confirmed on.
const CONFIRM_ROWS: usize = 200;

/// How many rows a preview shows when not told.
pub const DEFAULT_PREVIEW_ROWS: usize = 8;

/// The most rows a preview reads: a preview is a glance, not a read.
pub const MAX_PREVIEW_ROWS: u64 = 10_000;

/// The number of rows to preview from an option as given: a whole number
/// up to [`MAX_PREVIEW_ROWS`], or [`DEFAULT_PREVIEW_ROWS`] when left out.
pub fn preview_rows(raw: Option<&RawValue>, lang: Locale) -> Result<usize, FieldError> {
    let rows = whole_number(raw, "rows", "data.error.preview_rows", 0, MAX_PREVIEW_ROWS, lang)?;
    Ok(rows.map_or(DEFAULT_PREVIEW_ROWS, |rows| rows as usize))
}

/// Reads the first `limit` data rows of a file.
///
/// ```
/// use retention_metrics::ingest::preview::preview;
/// let p = preview("Klient;Data;Kwota\nAnna;25.03.2024;12,50 zł\n".as_bytes(), 10);
/// assert_eq!(p.delimiter, ";");
/// assert_eq!(p.columns.amount, Some(2));
/// assert_eq!(p.rows[0][2], "12,50 zł");
/// let headless = preview(b"C1,2024-03-01,7.50\nC2,2024-03-02,3\n", 10);
/// assert_eq!(headless.columns.date, None);
/// assert_eq!((headless.suggested.customer, headless.suggested.date, headless.suggested.amount), (Some(0), Some(1), Some(2)));
/// ```
pub fn preview(bytes: &[u8], limit: usize) -> Preview {
    let (text, encoding) = decode(bytes);
    let layout = Layout::sniff(&text);
    let mut rows = layout.sample(&text, limit.max(CONFIRM_ROWS));
    let found = layout.header.as_deref().map(|header| find_columns(header, &rows)).unwrap_or_default();
    rows.truncate(limit);
    let mut evidence = OrderEvidence::default();
    for row in &rows {
        if let Some(parts) = found.date.and_then(|i| row.get(i)).and_then(read_any_date) {
            evidence.add(parts);
        }
    }
    let suggested = suggest(&found, &rows);
    Preview {
        suggested,
        encoding,
        delimiter: char::from(layout.delimiter).to_string(),
        width: layout.width,
        columns: found,
        date_order: found.date.and_then(|_| evidence.settled()),
        header: layout.header,
        rows,
    }
}
