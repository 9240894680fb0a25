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

use super::columns::{is_total, present_only, role_name, Columns, Pick, Role};
use super::currency::{currency_of_amount, currency_of_cell};
use super::date::{read_date, read_unusual_date, DateOrder, DateParts, OrderEvidence};
use super::decode::{text_of, Encoding};
use super::headers::find_columns;
use super::intern::Interner;
use super::number::{read_number, read_plain_amount, MAX_AMOUNT};
use super::skips::{SkipCount, SkipReason, SkippedRow, Skips};
use super::status::{standing, Standing};
use super::table::{cells, field, field_bytes, Layout};
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
    /// The currency to analyse when the file mixes several (ISO code).
    pub currency: Option<&'static str>,
    /// The key of the hash tables that number customer and order ids, so
    /// that ids crafted to collide cannot be prepared in advance: the
    /// boundary passes a random one; `None` takes the standard library's.
    pub hash_seed: Option<u64>,
    /// List every skipped row, not only the first of each reason (for the
    /// download of all of them); a file with no usable row is then read
    /// too, into no orders, so that its rows can be listed.
    pub list_every_skip: bool,
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
    /// The amount, less what was refunded of it.
    pub amount: f64,
}

/// Money given back, as the file recorded it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Refunds {
    /// Rows that gave money back: refund amounts, refunded statuses and
    /// negative rows.
    pub rows: usize,
    /// How much was given back in all.
    pub amount: f64,
    /// Revenue before the refunds are taken off.
    pub revenue_before: f64,
    /// Revenue after: what the analysis counts.
    pub revenue_after: f64,
}

/// How many rows were in one currency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CurrencyRows {
    /// The ISO 4217 code (`PLN`).
    pub code: &'static str,
    /// Rows whose amount or currency cell named it.
    pub rows: usize,
}

/// What was understood about the file, shown to the user as read.
#[derive(Debug, Clone, Serialize)]
pub struct InputSummary {
    /// Rows in the file below the header (and the title lines above it),
    /// blank lines not counted. Every one is an order, an order line merged
    /// into an order, a refund, or skipped: `rows = orders + merged_lines +
    /// refund_rows + skipped_total`.
    pub rows: usize,
    /// Orders after merging order lines.
    pub orders: usize,
    /// Rows merged into an order that an earlier row began (order lines).
    pub merged_lines: usize,
    /// Rows that only gave money back (a negative amount, not an order).
    pub refund_rows: usize,
    /// Distinct customers.
    pub customers: usize,
    /// The first skipped rows of each reason.
    pub skipped: Vec<SkippedRow>,
    /// How many rows were skipped in all.
    pub skipped_total: usize,
    /// How many rows were skipped for each reason.
    pub skipped_counts: Vec<SkipCount>,
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
    /// Whether the file has a header row.
    pub header: bool,
    /// Whether the log has amounts; a visits-only log (an appointment book)
    /// has none, and the analysis leaves money out.
    pub has_amounts: bool,
    /// The currency of the amounts, when the file names one.
    pub currency: Option<&'static str>,
    /// Every currency the file names, most rows first; more than one means
    /// the analysis is in `currency` only.
    pub currencies: Vec<CurrencyRows>,
    /// Money given back and revenue before and after.
    pub refunds: Refunds,
}

/// A log read into orders.
#[derive(Debug)]
pub struct Log {
    /// Orders in the order of the file.
    pub orders: Vec<Order>,
    /// Money given back outside any order (negative rows), as positive
    /// amounts: taken off the customer's latest order on or before the day.
    pub refunds: Vec<Order>,
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
const NO_CUSTOMER: u32 = u32::MAX;

/// How many rows pass between progress reports.
const PROGRESS_EVERY: usize = 1 << 16;

/// The years a shop's log can hold; a date outside them is a placeholder
/// (`1000-01-01`, `9999-12-31`) and would stretch every table over centuries.
const SENSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1970..=2099;

/// How many rows the columns are confirmed on.
const SAMPLE_ROWS: usize = 200;

/// The columns of the log and how their cells are read.
struct Reading {
    columns: Columns<Option<usize>>,
    customer: usize,
    date: usize,
    decimal: u8,
    hint: Locale,
}

/// What the read gathers besides the rows.
struct Gathered {
    rows: Vec<Row>,
    customers: Interner,
    customer_ids: Vec<Box<str>>,
    order_ids: Interner,
    /// The standing each order's status gave it, by order number.
    order_standing: Vec<Standing>,
    /// Money refunded on a row (a refund column, a refunded status), by
    /// row index, in row order.
    row_refunds: Vec<(u32, f64)>,
    /// Each row's currency (an index into `currencies`, from 1; 0 for none),
    /// kept only once a row names one.
    row_currency: Vec<u8>,
    currencies: Vec<(&'static str, usize)>,
    evidence: OrderEvidence,
    skips: Skips,
    read: usize,
}

/// Reads a transactions log. `progress` hears the share of the file read
/// (0 to 1) every 65,536 rows.
pub fn read_log(bytes: &[u8], options: &LogOptions, progress: &mut dyn FnMut(f64)) -> Result<Log, FieldError> {
    let lang = options.lang;
    let (text, encoding) = text_of(bytes, lang)?;
    let layout = Layout::sniff(&text);
    let columns = choose_columns(&layout, &text, options)?;
    let decimal = columns.amount.map_or('.', |at| layout.decimal_separator(&text, at));
    let reading = Reading {
        columns,
        customer: columns.customer.unwrap_or_default(),
        date: columns.date.unwrap_or_default(),
        decimal: decimal as u8,
        hint: if decimal == ',' { Locale::Pl } else { Locale::En },
    };
    let mut gathered = Gathered {
        rows: Vec::with_capacity(text.len() / 24),
        customers: options.hash_seed.map_or_else(Interner::default, Interner::with_seed),
        customer_ids: Vec::new(),
        order_ids: options.hash_seed.map_or_else(Interner::default, |seed| Interner::with_seed(!seed)),
        order_standing: Vec::new(),
        row_refunds: Vec::new(),
        row_currency: Vec::new(),
        currencies: Vec::new(),
        evidence: OrderEvidence::default(),
        skips: if options.list_every_skip { Skips::listing_all(lang) } else { Skips::new(lang) },
        read: 0,
    };
    let mut reader = layout.rows(&text);
    let mut record = ByteRecord::new();
    let total_bytes = text.len().max(1) as f64;
    // A line that is no row (a title, a quote left open) counts as read.
    let unreadable = |gathered: &mut Gathered, line, reason, cell: &str| {
        gathered.read += 1;
        gathered.skips.add(line, reason, cell);
    };
    while let Some(line) =
        reader.next_row(&mut record, |line, reason, cell| unreadable(&mut gathered, line, reason, cell))
    {
        gathered.read += 1;
        if gathered.read.is_multiple_of(PROGRESS_EVERY) {
            progress(reader.byte_offset() as f64 / total_bytes);
        }
        read_row(&record, line, &layout, &reading, &mut gathered);
    }
    progress(1.0);

    let Gathered { rows, mut customer_ids, order_ids, order_standing, evidence, mut skips, read, .. } = gathered;
    let date_order = match options.date_order.or_else(|| evidence.settled()) {
        Some(order) => order,
        None if options.list_every_skip => DateOrder::Dmy,
        None => return Err(unclear_date_order(&rows, lang)),
    };
    let currency = choose_currency(&gathered.currencies, options.currency);
    let keep_currency = gathered.currencies.iter().position(|(code, _)| Some(*code) == currency).map(|i| i as u8 + 1);
    let merging = Merging {
        date_order,
        order_count: order_ids.len(),
        order_standing,
        refund_column: columns.refund.is_some(),
        row_refunds: gathered.row_refunds,
        row_currency: gathered.row_currency,
        keep_currency,
    };
    let merged = into_orders(rows, merging, &mut skips);
    let Merged { mut orders, mut refunds, merged_lines, mut refund_rows, mut refunded } = merged;
    let unmatched = drop_customers_without_orders(&mut orders, &mut refunds, &mut customer_ids);
    for (line, amount) in unmatched {
        skips.add(u64::from(line), SkipReason::RefundWithoutOrder, "");
        refund_rows -= 1;
        refunded.rows -= 1;
        refunded.amount -= amount;
    }
    let skipped = skips.finish();
    if orders.is_empty() && !options.list_every_skip {
        let message_key = if read == 0 { "data.error.empty" } else { "data.error.no_usable_rows" };
        return Err(field_error(lang, "file", ErrorCode::NoData, message_key, &[("rows", read.to_string())]));
    }
    let revenue_after =
        orders.iter().map(|o| o.amount).sum::<f64>() - refunds.iter().map(|(r, _)| r.amount).sum::<f64>();
    let name = |i: usize| layout.column_name(i, lang);
    // Most rows first: a handful of currencies, put in place one by one.
    let mut currencies: Vec<CurrencyRows> = Vec::new();
    for &(code, rows) in &gathered.currencies {
        let at = currencies.iter().position(|c| c.rows < rows).unwrap_or(currencies.len());
        currencies.insert(at, CurrencyRows { code, rows });
    }
    let input = InputSummary {
        rows: read,
        orders: orders.len(),
        merged_lines,
        refund_rows,
        customers: customer_ids.len(),
        skipped: skipped.rows,
        skipped_total: skipped.total,
        skipped_counts: skipped.counts,
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
        has_amounts: columns.amount.is_some(),
        currency,
        currencies,
        refunds: Refunds { revenue_before: revenue_after + refunded.amount, revenue_after, ..refunded },
    };
    Ok(Log { orders, refunds: refunds.into_iter().map(|(refund, _)| refund).collect(), customer_ids, input })
}

/// Reads one row into `gathered`, or lists why it was skipped. The common
/// row (a customer, a date as digits, a plain amount) takes the first
/// branch of every test; the rest is for order lines and exports with
/// statuses, refunds and currencies.
fn read_row(record: &ByteRecord, line: u64, layout: &Layout, reading: &Reading, gathered: &mut Gathered) {
    let skips = &mut gathered.skips;
    if !layout.fits(record) {
        skip_misfit(skips, line, record, layout);
        return;
    }
    let columns = &reading.columns;
    let order_id = columns.order.map_or(&b""[..], |i| field_bytes(record, i));
    let in_order = !order_id.is_empty();
    let customer = field_bytes(record, reading.customer);
    let date = field_bytes(record, reading.date);
    let parts = match read_date(date) {
        Some(parts) => parts,
        None if date.is_empty() && in_order => DateParts::UNKNOWN,
        None => match read_unusual_date(date) {
            Some(parts) => parts,
            None => return skip_row(skips, line, record, reading, layout),
        },
    };
    if parts != DateParts::UNKNOWN && !SENSIBLE_YEARS.contains(&parts.year()) {
        skips.add(line, SkipReason::OutOfRange, field(record, reading.date));
        return;
    }
    if customer.is_empty() && !in_order {
        return skip_row(skips, line, record, reading, layout);
    }
    let mut currency = None;
    let mut amount = match columns.amount {
        None => 0.0,
        Some(at) => {
            let bytes = field_bytes(record, at);
            match read_plain_amount(bytes, reading.decimal) {
                Some(amount) => amount,
                None if bytes.is_empty() && in_order => 0.0,
                None => {
                    let cell = field(record, at);
                    match read_number(cell, Some(reading.hint)) {
                        Ok(amount) => {
                            currency = currency_of_amount(cell);
                            amount
                        }
                        Err(_) => {
                            skips.add(line, SkipReason::BadAmount, cell);
                            return;
                        }
                    }
                }
            }
        }
    };
    if !amount.is_finite() || amount.abs() > MAX_AMOUNT {
        skips.add(line, SkipReason::TooLarge, field(record, columns.amount.unwrap_or_default()));
        return;
    }
    if let Some(at) = columns.currency {
        currency = currency_of_cell(field(record, at)).or(currency);
    }
    let mut status = Standing::Counted;
    if let Some(at) = columns.status {
        let cell = field(record, at);
        status = standing(cell);
        if status == Standing::LeftOut && !in_order {
            skips.add(line, SkipReason::LeftOut, cell);
            return;
        }
    }
    let index = gathered.rows.len() as u32;
    let mut refund = match columns.refund.map(|at| field(record, at)) {
        Some(cell) if !cell.is_empty() => match read_number(cell, Some(reading.hint)) {
            Ok(value) if value.abs() <= MAX_AMOUNT => value.abs(),
            _ => {
                skips.add(line, SkipReason::BadAmount, cell);
                return;
            }
        },
        _ => 0.0,
    };
    if status == Standing::Refunded && columns.refund.is_none() && !in_order {
        refund = amount.max(0.0);
    }
    if refund > 0.0 {
        amount -= refund;
        gathered.row_refunds.push((index, refund));
    }

    gathered.evidence.add(parts);
    let customer_number = if customer.is_empty() {
        NO_CUSTOMER
    } else {
        let (number, is_new) = gathered.customers.number(customer);
        if is_new {
            gathered.customer_ids.push(String::from_utf8_lossy(customer).into());
        }
        number
    };
    let order = if in_order {
        let (number, is_new) = gathered.order_ids.number(order_id);
        if is_new {
            gathered.order_standing.push(Standing::Counted);
        }
        if status != Standing::Counted {
            gathered.order_standing[number as usize] = status;
        }
        number
    } else {
        NO_ORDER
    };
    note_currency(gathered, currency);
    gathered.rows.push(Row { customer: customer_number, date: parts, line: line as u32, order, amount });
}

/// Counts a row's currency; rows are given one only once any row names one.
fn note_currency(gathered: &mut Gathered, currency: Option<&'static str>) {
    let Some(code) = currency else {
        if !gathered.row_currency.is_empty() {
            gathered.row_currency.push(0);
        }
        return;
    };
    let index = match gathered.currencies.iter().position(|(c, _)| *c == code) {
        Some(i) => i,
        None => {
            gathered.currencies.push((code, 0));
            gathered.currencies.len() - 1
        }
    };
    gathered.currencies[index].1 += 1;
    gathered.row_currency.resize(gathered.rows.len(), 0);
    gathered.row_currency.push(index.min(254) as u8 + 1);
}

/// The currency the analysis is in: the user's pick, else the one most rows name.
fn choose_currency(currencies: &[(&'static str, usize)], picked: Option<&'static str>) -> Option<&'static str> {
    let most = currencies.iter().max_by_key(|(_, rows)| *rows).map(|(code, _)| *code);
    picked.filter(|p| currencies.iter().any(|(code, _)| code == p)).or(most)
}

/// Lists a row whose cells do not line up with the header.
fn skip_misfit(skips: &mut Skips, line: u64, record: &ByteRecord, layout: &Layout) {
    let cells = cells(record);
    if let Some(total) = cells.iter().find(|cell| is_total(cell)) {
        skips.add(line, SkipReason::TotalRow, total);
    } else if record.len() < layout.expected_cells() {
        skips.add(line, SkipReason::MissingCells, &cells.join(&char::from(layout.delimiter).to_string()));
    } else {
        skips.add(line, SkipReason::ExtraCells, &cells.join(&char::from(layout.delimiter).to_string()));
    }
}

/// Records why a row without a usable customer or date is skipped. Total
/// rows and a repeated header are recognised here, off the path every good
/// row takes.
fn skip_row(skips: &mut Skips, line: u64, record: &ByteRecord, reading: &Reading, layout: &Layout) {
    let (customer, date) = (field(record, reading.customer), field(record, reading.date));
    let (reason, text) = if layout.is_header_again(record) {
        (SkipReason::RepeatedHeader, "")
    } else if is_total(customer) || is_total(date) {
        (SkipReason::TotalRow, if is_total(customer) { customer } else { date })
    } else if customer.is_empty() {
        (SkipReason::NoCustomer, "")
    } else if date.is_empty() {
        (SkipReason::NoDate, "")
    } else {
        (SkipReason::BadDate, date)
    };
    skips.add(line, reason, text);
}

/// What turning rows into orders needs besides the rows.
struct Merging {
    date_order: DateOrder,
    order_count: usize,
    order_standing: Vec<Standing>,
    refund_column: bool,
    row_refunds: Vec<(u32, f64)>,
    row_currency: Vec<u8>,
    keep_currency: Option<u8>,
}

/// Orders and refunds made from rows.
struct Merged {
    orders: Vec<Order>,
    refunds: Vec<(Order, u32)>,
    merged_lines: usize,
    refund_rows: usize,
    refunded: Refunds,
}

/// Decides, row by row, whether a row counts and for whom and when: the
/// part of turning rows into orders that every row goes through.
struct Settler {
    date_order: DateOrder,
    order_standing: Vec<Standing>,
    /// Each order's customer and date, from the first of its lines that gives them.
    order_customer: Vec<u32>,
    order_date: Vec<DateParts>,
    row_refunds: std::iter::Peekable<std::vec::IntoIter<(u32, f64)>>,
    row_currency: Vec<u8>,
    keep_currency: Option<u8>,
    /// Money the refund column (or a refunded status) gave back on counted rows.
    refunded: Refunds,
}

impl Settler {
    fn new(rows: &[Row], merging: Merging) -> Settler {
        let count = merging.order_count;
        let mut order_customer = vec![NO_CUSTOMER; count];
        let mut order_date = vec![DateParts::UNKNOWN; count];
        for row in rows.iter().filter(|r| r.order != NO_ORDER) {
            let o = row.order as usize;
            if order_customer[o] == NO_CUSTOMER {
                order_customer[o] = row.customer;
            }
            if order_date[o] == DateParts::UNKNOWN {
                order_date[o] = row.date;
            }
        }
        Settler {
            date_order: merging.date_order,
            order_standing: merging.order_standing,
            order_customer,
            order_date,
            row_refunds: merging.row_refunds.into_iter().peekable(),
            row_currency: merging.row_currency,
            keep_currency: merging.keep_currency,
            refunded: Refunds::default(),
        }
    }

    /// The customer and day of row `index`, or `None` with the reason listed.
    fn settle(&mut self, index: usize, row: &Row, skips: &mut Skips) -> Option<(u32, Day)> {
        let refund = match self.row_refunds.peek() {
            Some(&(at, amount)) if at as usize == index => {
                self.row_refunds.next();
                amount
            }
            _ => 0.0,
        };
        let line = u64::from(row.line);
        if let (Some(keep), Some(&currency)) = (self.keep_currency, self.row_currency.get(index)) {
            if currency != 0 && currency != keep {
                skips.add(line, SkipReason::OtherCurrency, "");
                return None;
            }
        }
        let (customer, date) = if row.order == NO_ORDER {
            (row.customer, row.date)
        } else {
            let o = row.order as usize;
            if self.order_standing[o] == Standing::LeftOut {
                skips.add(line, SkipReason::LeftOut, "");
                return None;
            }
            (self.order_customer[o], self.order_date[o])
        };
        if customer == NO_CUSTOMER || date == DateParts::UNKNOWN {
            let reason = if customer == NO_CUSTOMER { SkipReason::NoCustomer } else { SkipReason::NoDate };
            skips.add(line, reason, "");
            return None;
        }
        let Some(day) = date.day(self.date_order) else {
            match date.is_year_first() {
                true => skips.add(line, SkipReason::BadDate, &date.year_first_text()),
                false => skips.add(line, SkipReason::DateOrder, ""),
            }
            return None;
        };
        if refund > 0.0 {
            self.refunded.rows += 1;
            self.refunded.amount += refund;
        }
        Some((customer, day))
    }
}

/// Turns rows into orders: reads each date in the settled order (skipping
/// the rows it does not fit), leaves out rows in another currency and
/// orders whose status says no sale happened, fills an order line's missing
/// customer and date from its order, and merges rows that share an order
/// id, in the order each order first appears. A negative row outside any
/// order is a refund, not an order.
fn into_orders(rows: Vec<Row>, merging: Merging, skips: &mut Skips) -> Merged {
    let order_count = merging.order_count;
    let refund_column = merging.refund_column;
    let mut settler = Settler::new(&rows, merging);
    let mut out = Merged {
        orders: Vec::new(),
        refunds: Vec::new(),
        merged_lines: 0,
        refund_rows: 0,
        refunded: Refunds::default(),
    };
    if order_count == 0 {
        // One row, one order: converted in place (an order is smaller than a
        // row), so a million-row log does not hold both lists at once.
        let mut index = 0;
        out.orders = rows
            .into_iter()
            .filter_map(|row| {
                index += 1;
                let (customer, day) = settler.settle(index - 1, &row, skips)?;
                if row.amount < 0.0 {
                    out.refund_rows += 1;
                    out.refunds.push((Order { customer, day, amount: -row.amount }, row.line));
                    return None;
                }
                Some(Order { customer, day, amount: row.amount })
            })
            .collect();
        out.refunded = settler.refunded;
        out.refunded.rows += out.refund_rows;
        out.refunded.amount += out.refunds.iter().map(|(refund, _)| refund.amount).sum::<f64>();
        return out;
    }
    let mut merged: Vec<u32> = vec![u32::MAX; order_count];
    out.orders.reserve(rows.len() - order_count.min(rows.len()) + order_count);
    let mut first_lines: Vec<u32> = Vec::new();
    for (index, row) in rows.into_iter().enumerate() {
        let Some((customer, day)) = settler.settle(index, &row, skips) else { continue };
        if row.order == NO_ORDER && row.amount < 0.0 {
            out.refund_rows += 1;
            out.refunded.rows += 1;
            out.refunded.amount -= row.amount;
            out.refunds.push((Order { customer, day, amount: -row.amount }, row.line));
            continue;
        }
        if row.order != NO_ORDER {
            let slot = &mut merged[row.order as usize];
            if *slot != u32::MAX {
                out.orders[*slot as usize].amount += row.amount;
                out.merged_lines += 1;
                continue;
            }
            *slot = out.orders.len() as u32;
        }
        out.orders.push(Order { customer, day, amount: row.amount });
        first_lines.push(row.line);
    }
    out.refunded.rows += settler.refunded.rows;
    out.refunded.amount += settler.refunded.amount;
    let order_standing = settler.order_standing;
    // An order that comes to less than nothing (a return receipt) gave
    // money back: a refund, not an order.
    if out.orders.iter().any(|o| o.amount < 0.0) {
        let mut moved_to = vec![u32::MAX; out.orders.len()];
        let mut kept = 0;
        for i in 0..out.orders.len() {
            let order = out.orders[i];
            if order.amount < 0.0 {
                out.refund_rows += 1;
                out.refunded.rows += 1;
                out.refunded.amount -= order.amount;
                out.refunds.push((Order { amount: -order.amount, ..order }, first_lines[i]));
            } else {
                moved_to[i] = kept as u32;
                out.orders[kept] = order;
                kept += 1;
            }
        }
        out.orders.truncate(kept);
        for slot in merged.iter_mut().filter(|slot| **slot != u32::MAX) {
            *slot = moved_to[*slot as usize];
        }
    }
    // A refunded status with no refund column gives the whole order back.
    if !refund_column {
        for (o, &slot) in merged.iter().enumerate() {
            if slot != u32::MAX && order_standing[o] == Standing::Refunded {
                let order = &mut out.orders[slot as usize];
                out.refunded.rows += 1;
                out.refunded.amount += order.amount.max(0.0);
                order.amount = order.amount.min(0.0);
            }
        }
    }
    out
}

/// Forgets customers whose every row was dropped once the date order was
/// settled (only `31/02`-like dates) or who only had refunds, renumbering
/// the rest in order, so every customer the analysis sees has at least one
/// order. Returns the refunds of customers with no order (their row and
/// amount), which have no purchase to be taken off.
fn drop_customers_without_orders(
    orders: &mut [Order],
    refunds: &mut Vec<(Order, u32)>,
    customer_ids: &mut Vec<Box<str>>,
) -> Vec<(u32, f64)> {
    let mut has_orders = vec![false; customer_ids.len()];
    for order in orders.iter() {
        has_orders[order.customer as usize] = true;
    }
    let unmatched: Vec<(u32, f64)> = refunds
        .iter()
        .filter(|(refund, _)| !has_orders[refund.customer as usize])
        .map(|(refund, line)| (*line, refund.amount))
        .collect();
    refunds.retain(|(refund, _)| has_orders[refund.customer as usize]);
    if has_orders.iter().all(|&has| has) {
        return unmatched;
    }
    let mut renumbered = vec![0u32; customer_ids.len()];
    let mut next = 0;
    for (old, &has) in has_orders.iter().enumerate() {
        renumbered[old] = next;
        next += u32::from(has);
    }
    for order in orders.iter_mut().chain(refunds.iter_mut().map(|(refund, _)| refund)) {
        order.customer = renumbered[order.customer as usize];
    }
    let mut index = 0;
    customer_ids.retain(|_| {
        index += 1;
        has_orders[index - 1]
    });
    unmatched
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

/// The columns in use: the user's picks, else found by header and
/// confirmed by the first rows. A customer and a date are needed; without an
/// amount the log is one of visits.
fn choose_columns(layout: &Layout, text: &str, options: &LogOptions) -> Result<Columns<Option<usize>>, FieldError> {
    let header = layout.header.as_deref();
    let found = header.map(|h| find_columns(h, &layout.sample(text, SAMPLE_ROWS))).unwrap_or_default();
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
    for role in [Role::Customer, Role::Date] {
        if columns.get(role).is_none() {
            let key = if header.is_some() { "data.error.missing_column" } else { "data.error.no_header" };
            return Err(field_error(
                lang,
                role.id(),
                ErrorCode::MissingColumn,
                key,
                &[("role", role_name(lang, role.id()))],
            ));
        }
    }
    Ok(columns)
}
