//! A billing export (or a table of MRR per month) read into each
//! customer's monthly recurring revenue, then into its movements
//! ([`super::subscriptions`]).
//!
//! Columns are found by header: the customer and the date as in an orders
//! log, the amount (a column named `MRR` is already monthly), and
//! optionally the billing interval (`month`, `year`, `12`, `rocznie`,
//! `ежегодно`) and the plan. A charge pays for its interval's months from
//! its date's month, so an annual plan of 2,000 counts 166.67 a month. A
//! row that cannot be read is skipped and counted with its reason, never
//! read with a guess; dates whose day/month order the file does not settle
//! are asked about, as in an orders log.

use std::collections::HashSet;

use csv::ByteRecord;
use serde::Serialize;

use super::segments::descending;
use super::subscriptions::{movements, spread_charge, Movements, Mrr};
use crate::calendar::Month;
use crate::error::{ErrorCode, FieldError};
use crate::ingest::columns::{fold, is_total, Role};
use crate::ingest::date::{read_any_date, DateOrder, DateParts, OrderEvidence};
use crate::ingest::decode::text_of;
use crate::ingest::headers::role_of;
use crate::ingest::intern::Interner;
use crate::ingest::number::{read_number, MAX_AMOUNT};
use crate::ingest::skips::{SkipReason, SkippedRow, Skips};
use crate::ingest::table::{field, Layout};
use crate::locale::Locale;
use crate::text::field_error;

/// How to read a billing export.
#[derive(Debug, Clone, Copy, Default)]
pub struct BillingOptions {
    /// The dates' day/month order, when the file does not settle it.
    pub date_order: Option<DateOrder>,
    /// The key of the customers' hash table (random in the browser).
    pub hash_seed: Option<u64>,
    /// The language of messages.
    pub lang: Locale,
}

/// The columns found, by header as written.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BillingColumns {
    /// The customer.
    pub customer: Option<String>,
    /// The date or month of the charge.
    pub date: Option<String>,
    /// The amount charged, or the MRR.
    pub amount: Option<String>,
    /// The billing interval, when the file has one.
    pub interval: Option<String>,
    /// The plan, when the file has one.
    pub plan: Option<String>,
}

/// What was understood about the file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BillingInput {
    /// Data rows read (the header and titles not counted).
    pub rows: usize,
    /// Rows used as charges.
    pub charges: usize,
    /// Distinct customers.
    pub customers: usize,
    /// The amount column is already monthly recurring revenue.
    pub amount_is_mrr: bool,
    /// The columns used.
    pub columns: BillingColumns,
    /// The dates' day/month order.
    pub date_order: DateOrder,
    /// The first skipped rows with their reasons.
    pub skipped: Vec<SkippedRow>,
    /// How many rows were skipped in all.
    pub skipped_total: usize,
}

/// One plan's share of the last month's MRR.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanMrr {
    /// As written in the file (the first spelling seen).
    pub plan: String,
    /// Its MRR in the last month.
    pub mrr: f64,
    /// Customers paying for it that month.
    pub customers: u32,
}

/// The movements of a billing export.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubscriptionsReport {
    /// What was read.
    pub input: BillingInput,
    /// Month by month, and by sign-up month.
    #[serde(flatten)]
    pub movements: Movements,
    /// The last month's MRR by plan, largest first (empty without a plan column).
    pub plans: Vec<PlanMrr>,
}

/// Header words of the columns a billing export adds to an orders log's.
const MRR_HEADERS: [&str; 3] = ["mrr", "monthly recurring revenue", "mrr (monthly)"];
const MONTH_HEADERS: [&str; 6] = ["month", "miesiąc", "месяц", "billing month", "period start", "okres"];
const INTERVAL_STEMS: [&str; 12] = [
    "interval",
    "billing period",
    "billing cycle",
    "cycle",
    "frequency",
    "cykl",
    "częstotliwość",
    "okres rozlicz",
    "interwał",
    "период оплат",
    "периодичн",
    "интервал",
];
const PLAN_STEMS: [&str; 7] = ["plan", "pakiet", "abonament", "тариф", "план", "product", "produkt"];

/// The months one charge pays for, from an interval cell: a number of
/// months, or a word for a month, quarter, half-year or year.
fn interval_months(cell: &str) -> Option<u32> {
    let folded = fold(cell);
    let word = folded.trim().trim_end_matches('.');
    if let Ok(months) = word.parse::<u32>() {
        return (1..=36).contains(&months).then_some(months);
    }
    const MONTHLY: [&str; 10] =
        ["month", "monthly", "mo", "m", "miesiąc", "miesięcznie", "miesięczny", "месяц", "ежемесячно", "мес"];
    const QUARTERLY: [&str; 6] = ["quarter", "quarterly", "kwartał", "kwartalnie", "квартал", "ежеквартально"];
    const HALF: [&str; 6] = ["half-year", "half year", "semiannual", "półrocznie", "pół roku", "полгода"];
    const YEARLY: [&str; 13] = [
        "year",
        "yearly",
        "annual",
        "annually",
        "yr",
        "y",
        "rok",
        "rocznie",
        "roczny",
        "год",
        "ежегодно",
        "годовой",
        "12 months",
    ];
    [(1, &MONTHLY[..]), (3, &QUARTERLY[..]), (6, &HALF[..]), (12, &YEARLY[..])]
        .into_iter()
        .find(|(_, words)| words.contains(&word))
        .map(|(months, _)| months)
}

/// A month written as year-month (`2024-03`, `2024/3`), as MRR tables have it.
fn year_month(cell: &str) -> Option<Month> {
    let (year, month) = cell.trim().split_once(['-', '/', '.'])?;
    let (year, month) = (year.parse::<i32>().ok()?, month.parse::<u32>().ok()?);
    ((1970..=2099).contains(&year) && (1..=12).contains(&month) && month.to_string().len() <= 2)
        .then(|| Month::new(year, month))
}

/// The first column (not one of `taken`) whose first rows are all dates or
/// months, for a date header no word names (`Created (UTC)`).
fn dates_column(layout: &Layout, text: &str, taken: &[Option<usize>]) -> Option<usize> {
    let sample = layout.sample(text, 20);
    (0..layout.width).filter(|i| !taken.contains(&Some(*i))).find(|&i| {
        let cells: Vec<&str> =
            sample.iter().filter_map(|row| row.get(i)).map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
        !cells.is_empty() && cells.iter().all(|c| year_month(c).is_some() || read_any_date(c).is_some())
    })
}

/// A cell of the date column: a month, or a date still to be put in order.
enum When {
    Month(Month),
    Date(DateParts),
}

/// Reads a billing export and works out its MRR movements.
///
/// ```
/// use retention_metrics::analysis::billing::{analyze_subscriptions, BillingOptions};
/// let file = "customer,date,amount,interval\nA,2024-01-05,2000,year\nB,2024-01-10,50,month\nB,2024-02-10,50,month\n";
/// let report = analyze_subscriptions(file.as_bytes(), &BillingOptions::default()).unwrap();
/// assert!((report.movements.months[0].new - (2000.0 / 12.0 + 50.0)).abs() < 1e-9);
/// assert_eq!(report.movements.months[1].churned, 0.0);
/// ```
pub fn analyze_subscriptions(bytes: &[u8], options: &BillingOptions) -> Result<SubscriptionsReport, FieldError> {
    let lang = options.lang;
    let (text, _) = text_of(bytes, lang)?;
    let layout = Layout::sniff(&text);
    let header = layout.header.clone().unwrap_or_default();
    let find = |test: &dyn Fn(&str) -> bool| header.iter().position(|h| test(&fold(h)));
    let customer = find(&|h| role_of(h) == Some(Role::Customer));
    let mrr_column = find(&|h| MRR_HEADERS.contains(&h));
    let amount = mrr_column.or_else(|| find(&|h| role_of(h) == Some(Role::Amount)));
    let interval = find(&|h| INTERVAL_STEMS.iter().any(|s| h.contains(s)));
    let date = find(&|h| MONTH_HEADERS.contains(&h) || role_of(h) == Some(Role::Date))
        .filter(|&d| Some(d) != interval)
        .or_else(|| dates_column(&layout, &text, &[customer, amount, interval]));
    let plan =
        find(&|h| PLAN_STEMS.iter().any(|s| h.contains(s))).filter(|&p| Some(p) != interval && Some(p) != amount);
    let missing =
        |role: &str| field_error(lang, role, ErrorCode::MissingColumn, "data.billing.error.missing_column", &[]);
    let (Some(customer), Some(date), Some(amount)) = (customer, date, amount) else {
        let role = if customer.is_none() {
            "customer"
        } else if date.is_none() {
            "date"
        } else {
            "amount"
        };
        return Err(missing(role));
    };
    let decimal = layout.decimal_separator(&text, amount);
    let hint = if decimal == ',' { Locale::Pl } else { Locale::En };

    // First pass: every cell read, and what the dates say about their order.
    struct Charge {
        line: u64,
        customer: u32,
        when: When,
        amount: f64,
        months: u32,
        plan: u32,
    }
    let mut customers = options.hash_seed.map_or_else(Interner::default, Interner::with_seed);
    let mut plans = Interner::default();
    let mut plan_names: Vec<String> = Vec::new();
    let mut evidence = OrderEvidence::default();
    let mut skips = Skips::new(lang);
    let mut charges = Vec::new();
    let mut record = ByteRecord::new();
    let mut rows = layout.rows(&text);
    let mut read_rows = 0;
    while let Some(line) = rows.next_row(&mut record, |line, reason, cell| skips.add(line, reason, cell)) {
        read_rows += 1;
        if !layout.fits(&record) {
            skips.add(line, SkipReason::MissingCells, "");
            continue;
        }
        let who = field(&record, customer).trim();
        if is_total(who) {
            skips.add(line, SkipReason::TotalRow, who);
            continue;
        }
        if who.is_empty() {
            skips.add(line, SkipReason::NoCustomer, "");
            continue;
        }
        let date_cell = field(&record, date).trim();
        let when = match (year_month(date_cell), read_any_date(date_cell)) {
            _ if date_cell.is_empty() => {
                skips.add(line, SkipReason::NoDate, "");
                continue;
            }
            (Some(month), _) => When::Month(month),
            (None, Some(parts)) => {
                evidence.add(parts);
                When::Date(parts)
            }
            (None, None) => {
                skips.add(line, SkipReason::BadDate, date_cell);
                continue;
            }
        };
        let amount_cell = field(&record, amount);
        let value = match read_number(amount_cell, Some(hint)) {
            Ok(v) if v.abs() > MAX_AMOUNT => {
                skips.add(line, SkipReason::TooLarge, amount_cell);
                continue;
            }
            Ok(v) if v < 0.0 => {
                skips.add(line, SkipReason::Credit, amount_cell);
                continue;
            }
            Ok(v) => v,
            Err(_) => {
                skips.add(line, SkipReason::BadAmount, amount_cell);
                continue;
            }
        };
        // A column of MRR is monthly whatever the plan's interval.
        let months = match interval.filter(|_| mrr_column.is_none()) {
            None => 1,
            Some(column) => match interval_months(field(&record, column)) {
                Some(months) => months,
                None => {
                    skips.add(line, SkipReason::BadInterval, field(&record, column));
                    continue;
                }
            },
        };
        let plan = plan.map_or(u32::MAX, |column| {
            let name = field(&record, column).trim();
            let (id, new) = plans.number(fold(name).as_bytes());
            if new {
                plan_names.push(name.to_string());
            }
            id
        });
        let (id, _) = customers.number(who.as_bytes());
        charges.push(Charge { line, customer: id, when, amount: value, months, plan });
    }
    let order = match (options.date_order, evidence.settled()) {
        (Some(order), _) | (None, Some(order)) => order,
        (None, None) => {
            return Err(field_error(
                lang,
                "date_order",
                ErrorCode::AmbiguousDateOrder,
                "data.error.ambiguous_date_order",
                &[],
            ));
        }
    };

    // Second pass: each charge's months.
    let mut mrr: Vec<Mrr> = Vec::new();
    let mut plan_of: Vec<u32> = Vec::new(); // each MRR row's plan (u32::MAX: none), for the plans' split
    let mut charges_end: Option<Month> = None;
    let mut skips_after_order = 0; // charges whose date the settled order rules out
    for charge in &charges {
        let first = match charge.when {
            When::Month(month) => month,
            When::Date(parts) => match parts.day(order) {
                Some(day) => day.month(),
                None => {
                    skips.add(charge.line, SkipReason::DateOrder, "");
                    skips_after_order += 1;
                    continue;
                }
            },
        };
        charges_end = Some(charges_end.map_or(first, |end| end.max(first)));
        let spread = spread_charge(charge.customer, first, charge.amount, charge.months);
        plan_of.extend(spread.iter().map(|_| charge.plan));
        mrr.extend(spread);
    }
    let Some(last_charge) = charges_end else {
        return Err(field_error(lang, "amount", ErrorCode::NoData, "data.billing.error.no_charges", &[]));
    };
    // The export ends with its last charge: the months an annual plan has
    // paid for beyond it are still to come, and would show every monthly
    // member as lost.
    let kept: Vec<(Mrr, u32)> = mrr.into_iter().zip(plan_of).filter(|(m, _)| m.month <= last_charge).collect();
    let (mrr, plan_of): (Vec<Mrr>, Vec<u32>) = kept.into_iter().unzip();
    let mrr_charges = charges.len() - skips_after_order;
    let moved = movements(&mrr);
    let plans = plan_split(&mrr, &plan_of, &plan_names);
    let skipped = skips.finish();
    let name = |column: Option<usize>| column.map(|i| layout.column_name(i, lang));
    Ok(SubscriptionsReport {
        input: BillingInput {
            rows: read_rows,
            charges: mrr_charges,
            customers: customers.len(),
            amount_is_mrr: mrr_column.is_some(),
            columns: BillingColumns {
                customer: name(Some(customer)),
                date: name(Some(date)),
                amount: name(Some(amount)),
                interval: name(interval),
                plan: name(plan),
            },
            date_order: order,
            skipped: skipped.rows,
            skipped_total: skipped.total,
        },
        movements: moved,
        plans,
    })
}

/// The last month's MRR by plan, largest first (`plan_of`: each MRR row's
/// plan, `u32::MAX` for none).
fn plan_split(mrr: &[Mrr], plan_of: &[u32], names: &[String]) -> Vec<PlanMrr> {
    let Some(last) = mrr.iter().map(|m| m.month).max() else { return Vec::new() };
    let mut split: Vec<PlanMrr> = names.iter().map(|n| PlanMrr { plan: n.clone(), mrr: 0.0, customers: 0 }).collect();
    let mut seen = HashSet::new();
    for (m, &plan) in mrr.iter().zip(plan_of) {
        if m.month != last || m.amount <= 0.0 || plan == u32::MAX {
            continue;
        }
        split[plan as usize].mrr += m.amount;
        if seen.insert((m.customer, plan)) {
            split[plan as usize].customers += 1;
        }
    }
    split.retain(|p| p.customers > 0);
    let mrr: Vec<f64> = split.iter().map(|p| p.mrr).collect();
    descending(&mrr).into_iter().map(|i| split[i as usize].clone()).collect()
}
