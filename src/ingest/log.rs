//! Reading a transactions log: one row per order (or order line) into a
//! compact list of orders.
//!
//! One pass over the rows, with no allocation per row: each row becomes a
//! 24-byte record (customer number, date as written, row number, order
//! number, amount); customer and order ids are interned in hash maps keyed by
//! the id text, which allocate only for ids not seen before. The day/month
//! order is settled after the pass, from every date in the file, and rows
//! sharing an order id are then merged into one order.

use csv::ByteRecord;
use serde::Serialize;

use super::columns::{find_roles, is_total, present_only, role_name, Columns, Pick, Role};
use super::date::{read_date, DateOrder, DateParts, OrderEvidence};
use super::decode::{text_of, Encoding};
use super::intern::Interner;
use super::number::{read_number, read_plain_amount};
use super::skips::{SkipReason, SkippedRow, Skips};
use super::table::{field, field_bytes, Layout};
use crate::calendar::Day;
use crate::error::{ErrorCode, FieldError};
use crate::locale::Locale;
use crate::text::field_error;

/// What the user settled, when the file alone could not say.
#[derive(Debug, Clone, Default)]
pub struct LogOptions {
    /// Day/month order of the dates, when the user picked it.
    pub date_order: Option<DateOrder>,
    /// What the user said about each column; the rest are found by header.
    pub columns: Columns<Pick>,
    /// The language of messages.
    pub lang: Locale,
}

/// One order: who, when, how much.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Order {
    /// The customer's number, an index into [`Log::customer_ids`].
    pub customer: u32,
    /// The day of the order.
    pub day: Day,
    /// The amount (negative for a refund).
    pub amount: f64,
}

/// What was understood about the file, shown to the user as read.
#[derive(Debug, Clone, Serialize)]
pub struct InputSummary {
    /// Data rows read (blank lines not counted).
    pub rows: usize,
    /// Orders after merging order lines.
    pub orders: usize,
    /// Distinct customers.
    pub customers: usize,
    /// The first skipped rows with their reasons.
    pub skipped: Vec<SkippedRow>,
    /// How many rows were skipped in all.
    pub skipped_total: usize,
    /// The field delimiter.
    pub delimiter: String,
    /// The decimal separator of the amounts.
    pub decimal: String,
    /// The day/month order of the dates.
    pub date_order: DateOrder,
    /// Whether the date order came from the user rather than the dates.
    pub date_order_chosen: bool,
    /// The character encoding.
    pub encoding: Encoding,
    /// The header of each column in use (or `column 3` without a header);
    /// roles the log has no column for are left out.
    #[serde(serialize_with = "present_only")]
    pub columns: Columns<Option<String>>,
    /// The same columns by position (0-based), `null` for a role without
    /// one, for a mapping step to start from.
    pub column_indexes: Columns<Option<usize>>,
    /// Whether the first row was a header.
    pub header: bool,
}

/// A log read into orders.
#[derive(Debug)]
pub struct Log {
    /// Orders in the order of the file.
    pub orders: Vec<Order>,
    /// Customer ids as written, by customer number.
    pub customer_ids: Vec<Box<str>>,
    /// What was understood.
    pub input: InputSummary,
}

/// A row as read, before the date order is known.
struct Row {
    customer: u32,
    date: DateParts,
    line: u32,
    order: u32,
    amount: f64,
}

const NO_ORDER: u32 = u32::MAX;

/// How many rows pass between progress reports.
const PROGRESS_EVERY: usize = 1 << 16;

/// Reads a transactions log. `progress` hears the share of the file read
/// (0 to 1) every 65,536 rows.
pub fn read_log(bytes: &[u8], options: &LogOptions, progress: &mut dyn FnMut(f64)) -> Result<Log, FieldError> {
    let lang = options.lang;
    let (text, encoding) = text_of(bytes, lang)?;
    let layout = Layout::sniff(&text);
    let (columns, [customer_at, date_at, amount_at]) = choose_columns(&layout, options)?;
    let decimal = layout.decimal_separator(&text, amount_at);
    let hint = if decimal == ',' { Locale::Pl } else { Locale::En };

    let mut customers = Interner::default();
    let mut customer_ids: Vec<Box<str>> = Vec::new();
    let mut order_ids = Interner::default();
    let mut rows: Vec<Row> = Vec::with_capacity(text.len() / 24);
    let mut skips = Skips::default();
    let mut evidence = OrderEvidence::default();
    let mut record = ByteRecord::new();
    let mut reader = layout.rows(&text);
    let needed = customer_at.max(date_at).max(amount_at).max(columns.order.unwrap_or(0)) + 1;
    let total_bytes = text.len().max(1) as f64;
    let mut read = 0usize;

    while let Some(line) = reader.next_into(&mut record) {
        read += 1;
        if read.is_multiple_of(PROGRESS_EVERY) {
            progress(reader.byte_offset() as f64 / total_bytes);
        }
        if record.len() < needed {
            match (0..record.len()).map(|i| field(&record, i)).find(|cell| is_total(cell)) {
                Some(total) => skips.add(line, SkipReason::TotalRow, total, lang),
                None => skips.add(line, SkipReason::MissingCells, "", lang),
            }
            continue;
        }
        let customer = field_bytes(&record, customer_at);
        let date = field_bytes(&record, date_at);
        let parts = match read_date(date) {
            Some(parts) if !customer.is_empty() => parts,
            _ => {
                skip_row(&mut skips, line, (field(&record, customer_at), field(&record, date_at)), lang);
                continue;
            }
        };
        let amount_bytes = field_bytes(&record, amount_at);
        let amount = match read_plain_amount(amount_bytes, decimal as u8) {
            Some(amount) => amount,
            None => match read_number(field(&record, amount_at), Some(hint)) {
                Ok(amount) => amount,
                Err(_) => {
                    skips.add(line, SkipReason::BadAmount, field(&record, amount_at), lang);
                    continue;
                }
            },
        };
        evidence.add(parts);
        let (customer_number, is_new) = customers.number(customer);
        if is_new {
            customer_ids.push(String::from_utf8_lossy(customer).into());
        }
        let order = match columns.order.map(|i| field_bytes(&record, i)) {
            Some(id) if !id.is_empty() => order_ids.number(id).0,
            _ => NO_ORDER,
        };
        rows.push(Row { customer: customer_number, date: parts, line: line as u32, order, amount });
    }
    progress(1.0);

    let date_order = match options.date_order.or_else(|| evidence.settled()) {
        Some(order) => order,
        None => return Err(unclear_date_order(&rows, lang)),
    };
    let mut orders = into_orders(rows, date_order, order_ids.len(), &mut skips, lang);
    drop_customers_without_orders(&mut orders, &mut customer_ids);
    let (skipped, skipped_total) = skips.into_sorted();
    if orders.is_empty() {
        let message_key = if read == 0 { "data.error.empty" } else { "data.error.no_usable_rows" };
        return Err(field_error(lang, "file", ErrorCode::NoData, message_key, &[("rows", read.to_string())]));
    }
    let name = |i: usize| layout.column_name(i, lang);
    let input = InputSummary {
        rows: read,
        orders: orders.len(),
        customers: customer_ids.len(),
        skipped,
        skipped_total,
        delimiter: char::from(layout.delimiter).to_string(),
        decimal: decimal.to_string(),
        date_order: if evidence.unsettled + evidence.day_first + evidence.month_first == 0 && evidence.year_first > 0 {
            DateOrder::Ymd
        } else {
            date_order
        },
        date_order_chosen: options.date_order.is_some(),
        encoding,
        columns: columns.map(|_, at| at.map(name)),
        column_indexes: columns,
        header: layout.header.is_some(),
    };
    Ok(Log { orders, customer_ids, input })
}

/// Records why a row without a usable customer or date is skipped. Total
/// rows are recognised here, off the path every good row takes.
fn skip_row(skips: &mut Skips, line: u64, (customer, date): (&str, &str), lang: Locale) {
    let (reason, text) = if is_total(customer) || is_total(date) {
        (SkipReason::TotalRow, if is_total(customer) { customer } else { date })
    } else if customer.is_empty() {
        (SkipReason::NoCustomer, "")
    } else if date.is_empty() {
        (SkipReason::NoDate, "")
    } else {
        (SkipReason::BadDate, date)
    };
    skips.add(line, reason, text, lang);
}

/// Turns rows into orders: reads each date in the settled order (skipping
/// the rows it does not fit) and merges rows that share an order id, in the
/// order each order first appears. The merged order keeps its first row's
/// customer and day and sums the amounts.
fn into_orders(
    rows: Vec<Row>,
    date_order: DateOrder,
    order_count: usize,
    skips: &mut Skips,
    lang: Locale,
) -> Vec<Order> {
    if order_count == 0 {
        // One row, one order: converted in place (an order is smaller than a
        // row), so a million-row log does not hold both lists at once.
        return rows
            .into_iter()
            .filter_map(|row| match row.date.day(date_order) {
                Some(day) => Some(Order { customer: row.customer, day, amount: row.amount }),
                None => {
                    skips.add(u64::from(row.line), SkipReason::DateOrder, "", lang);
                    None
                }
            })
            .collect();
    }
    let mut merged: Vec<u32> = vec![u32::MAX; order_count];
    let mut orders: Vec<Order> = Vec::with_capacity(rows.len() - order_count.min(rows.len()) + order_count);
    for row in rows {
        let Some(day) = row.date.day(date_order) else {
            skips.add(u64::from(row.line), SkipReason::DateOrder, "", lang);
            continue;
        };
        if row.order != NO_ORDER {
            let slot = &mut merged[row.order as usize];
            if *slot != u32::MAX {
                orders[*slot as usize].amount += row.amount;
                continue;
            }
            *slot = orders.len() as u32;
        }
        orders.push(Order { customer: row.customer, day, amount: row.amount });
    }
    orders
}

/// Forgets customers whose every row was dropped once the date order was
/// settled (only `31/02`-like dates), renumbering the rest in order, so every
/// customer the analysis sees has at least one order.
fn drop_customers_without_orders(orders: &mut [Order], customer_ids: &mut Vec<Box<str>>) {
    let mut has_orders = vec![false; customer_ids.len()];
    for order in orders.iter() {
        has_orders[order.customer as usize] = true;
    }
    if has_orders.iter().all(|&has| has) {
        return;
    }
    let mut renumbered = vec![0u32; customer_ids.len()];
    let mut next = 0;
    for (old, &has) in has_orders.iter().enumerate() {
        renumbered[old] = next;
        next += u32::from(has);
    }
    for order in orders.iter_mut() {
        order.customer = renumbered[order.customer as usize];
    }
    let mut index = 0;
    customer_ids.retain(|_| {
        index += 1;
        has_orders[index - 1]
    });
}

/// The error that asks the user for the day/month order, quoting dates that
/// read both ways.
fn unclear_date_order(rows: &[Row], lang: Locale) -> FieldError {
    let example = rows.iter().find(|r| !r.date.reads_either_way()).map(|r| {
        let (dmy, mdy) = (r.date.day(DateOrder::Dmy), r.date.day(DateOrder::Mdy));
        (dmy.map(|d| d.to_string()).unwrap_or_default(), mdy.map(|d| d.to_string()).unwrap_or_default())
    });
    let (dmy, mdy) = example.unwrap_or_default();
    field_error(
        lang,
        "date_order",
        ErrorCode::AmbiguousDateOrder,
        "data.error.date_order",
        &[("dmy", dmy), ("mdy", mdy)],
    )
}

/// The columns in use (the user's picks, else found by header) and the
/// positions of the customer, date and amount that every row needs.
fn choose_columns(layout: &Layout, options: &LogOptions) -> Result<(Columns<Option<usize>>, [usize; 3]), FieldError> {
    let header = layout.header.as_deref();
    let found = header.map(find_roles).unwrap_or_default();
    let lang = options.lang;
    let mut unknown = None;
    let columns = options.columns.clone().map(|role, pick| match pick {
        Pick::Find => *found.get(role),
        Pick::Absent => None,
        Pick::Column(column) => match column.resolve_or_error(header, layout.width, role.id(), lang) {
            Ok(at) => Some(at),
            Err(error) => {
                unknown.get_or_insert(error);
                None
            }
        },
    });
    if let Some(error) = unknown {
        return Err(error);
    }
    let required = |role: Role| {
        columns.get(role).ok_or_else(|| {
            let key = if header.is_some() { "data.error.missing_column" } else { "data.error.no_header" };
            field_error(lang, role.id(), ErrorCode::MissingColumn, key, &[("role", role_name(lang, role.id()))])
        })
    };
    let needed = [required(Role::Customer)?, required(Role::Date)?, required(Role::Amount)?];
    Ok((columns, needed))
}
