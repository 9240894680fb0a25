//! The first rows of a dropped file as the engine reads them, for the page's
//! "what was understood" panel and column-mapping step.
//!
//! The preview reports the encoding, delimiter and header, the first rows as
//! cells, which columns the headers name, and what the first dates say about
//! day/month order, so the page can ask only what the file leaves open.

use csv::ByteRecord;
use serde::Serialize;

use super::columns::find_roles;
use super::date::{read_date, DateOrder, OrderEvidence};
use super::decode::{decode, Encoding};
use super::number::read_number;
use super::table::{cells, field, Layout};

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
    pub columns: FoundColumns,
    /// What the mapping step should offer first: the columns found by
    /// header, and for the roles no header names, a guess from the cells
    /// (the first column of dates, then of amounts, then any other). Only a
    /// suggestion: the analysis never uses it unless the user confirms it.
    pub suggested: FoundColumns,
    /// The day/month order the first dates settle on; `null` when they
    /// read both ways (or no date column is known yet).
    pub date_order: Option<DateOrder>,
}

/// Column positions found by header, each `null` when not found.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct FoundColumns {
    /// Customer ids.
    pub customer: Option<usize>,
    /// Dates.
    pub date: Option<usize>,
    /// Amounts.
    pub amount: Option<usize>,
    /// Order ids.
    pub order: Option<usize>,
}

/// Fills the roles no header names from what the first rows hold.
fn suggest(found: &[Option<usize>; 4], rows: &[Vec<String>]) -> FoundColumns {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mostly = |column: usize, test: &dyn Fn(&str) -> bool| {
        let cells: Vec<&str> =
            rows.iter().filter_map(|r| r.get(column)).map(String::as_str).filter(|c| !c.is_empty()).collect();
        !cells.is_empty() && cells.iter().filter(|c| test(c)).count() * 2 > cells.len()
    };
    let taken = |columns: &[Option<usize>], i: usize| columns.contains(&Some(i));
    let mut roles = *found;
    if roles[1].is_none() {
        roles[1] = (0..width).find(|&i| !taken(&roles, i) && mostly(i, &|c| read_date(c).is_some()));
    }
    if roles[2].is_none() {
        roles[2] = (0..width).rev().find(|&i| !taken(&roles, i) && mostly(i, &|c| read_number(c, None).is_ok()));
    }
    if roles[0].is_none() {
        roles[0] = (0..width).find(|&i| !taken(&roles, i));
    }
    FoundColumns { customer: roles[0], date: roles[1], amount: roles[2], order: roles[3] }
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
    let found = layout.header.as_deref().map(find_roles).unwrap_or_default();
    let mut reader = layout.rows(&text);
    let mut record = ByteRecord::new();
    let mut rows = Vec::new();
    let mut evidence = OrderEvidence::default();
    while rows.len() < limit {
        if reader.next_into(&mut record).is_none() {
            break;
        }
        if let Some(parts) = found[1].and_then(|i| read_date(field(&record, i))) {
            evidence.add(parts);
        }
        rows.push(cells(&record));
    }
    let suggested = suggest(&found, &rows);
    Preview {
        suggested,
        encoding,
        delimiter: char::from(layout.delimiter).to_string(),
        width: layout.width,
        columns: FoundColumns { customer: found[0], date: found[1], amount: found[2], order: found[3] },
        date_order: found[1].and_then(|_| evidence.settled()),
        header: layout.header,
        rows,
    }
}
