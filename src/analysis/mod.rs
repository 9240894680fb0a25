//! Metrics from data: a transactions log into periods, cohorts, segments and
//! whole-log figures; survey answers into NPS, CSAT or CES; cost rows into
//! retention cost.
//!
//! Reading the file is [`crate::ingest`]'s job; this module only counts. The
//! definitions are the spec's ("Metrics from data") to the letter; each
//! submodule states the ones it implements.

pub mod billing;
pub mod cohorts;
pub mod costs;
pub mod export;
pub mod ledger;
pub mod periods;
pub mod segments;
pub mod subscriptions;
pub mod survey;
pub mod totals;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::{ErrorCode, FieldError};
use crate::ingest::log::{read_log, InputSummary, Log, LogOptions};
use crate::ingest::number::RawValue;
use crate::ingest::options::whole_number;
use crate::locale::Locale;
use crate::metrics::value::revenue_share;
use crate::text::{field_error, Texts};
use cohorts::{cohort_table, CohortRow};
use export::{Cell, Sheet};
use ledger::Ledger;
use periods::{period_rows, PeriodKind, PeriodRow};
use segments::{assign, by_revenue, Segment};
use totals::{totals, Clv, Concentration, Totals};

/// How to analyse a log.
#[derive(Debug, Clone)]
pub struct TransactionOptions {
    /// W: a customer is active while their last order is under W days old.
    pub window_days: u32,
    /// Months or quarters.
    pub period: PeriodKind,
    /// Columns, date order and language.
    pub log: LogOptions,
}

impl Default for TransactionOptions {
    fn default() -> TransactionOptions {
        TransactionOptions { window_days: DEFAULT_WINDOW_DAYS, period: PeriodKind::Month, log: LogOptions::default() }
    }
}

/// The activity window when none is given: a quarter of a year.
pub const DEFAULT_WINDOW_DAYS: u32 = 90;

/// The longest activity window accepted: ten years.
pub const MAX_WINDOW_DAYS: u32 = 3650;

/// The activity window W from an option as given (a number, or text as
/// typed): a whole number of days from 1 to [`MAX_WINDOW_DAYS`], or
/// [`DEFAULT_WINDOW_DAYS`] when absent.
///
/// ```
/// use retention_metrics::{analysis::window_days, Locale, RawValue};
/// assert_eq!(window_days(None, Locale::En), Ok(90));
/// assert_eq!(window_days(Some(&RawValue::Text("30".into())), Locale::En), Ok(30));
/// assert_eq!(window_days(Some(&RawValue::Number(0.5)), Locale::En).unwrap_err().field, "window_days");
/// ```
pub fn window_days(raw: Option<&RawValue>, lang: Locale) -> Result<u32, FieldError> {
    let days = whole_number(raw, "window_days", "data.error.window", 1, u64::from(MAX_WINDOW_DAYS), lang)?;
    Ok(days.map_or(DEFAULT_WINDOW_DAYS, |days| days as u32))
}

fn window_error(lang: Locale) -> FieldError {
    let max = MAX_WINDOW_DAYS.to_string();
    field_error(lang, "window_days", ErrorCode::OutOfRange, "data.error.window", &[("max", max)])
}

/// Everything computed from a transactions log (the public JSON shape).
#[derive(Debug, Clone, Serialize)]
pub struct TransactionReport {
    /// What was understood about the file, and the rows left out.
    pub input: InputSummary,
    /// The activity window used, in days.
    pub window_days: u32,
    /// `month` or `quarter`.
    pub period: PeriodKind,
    /// Figures over the whole log, CLV among them.
    pub totals: Totals,
    /// One row per period.
    pub periods: Vec<PeriodRow>,
    /// One row per month of first purchase.
    pub cohorts: Vec<CohortRow>,
    /// The average retention curve by months since first purchase.
    pub cohort_average: Vec<Option<f64>>,
    /// The six segments, in rule order.
    pub segments: Vec<SegmentRow>,
    /// The same as `totals.concentration`.
    pub concentration: Concentration,
    /// Things the reader should know about the result.
    pub warnings: Vec<Warning>,
}

/// One segment in the report.
#[derive(Debug, Clone, Serialize)]
pub struct SegmentRow {
    /// `new`, `vip`, `loyal`, `at_risk`, `lost` or `other`.
    pub id: Segment,
    /// Its name in the reader's language.
    pub name: String,
    /// Its rule in words, with the window filled in.
    pub rule: String,
    /// How many customers the rule puts in it.
    pub customers: u64,
    /// What those customers spent over the whole log; `null` in a log of visits.
    pub revenue: Option<f64>,
    /// Their share (%) of all revenue; `null` when revenue is not positive.
    pub revenue_share: Option<f64>,
}

/// A note about the result, with a stable code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    /// `partial_period`, `skipped_rows`, `refunds`.
    pub code: &'static str,
    /// The note in the reader's language.
    pub message: String,
    /// What fills the note's placeholders, as plain values (`n`: a count,
    /// `date`: an ISO date, `period`: a period id such as `2026-11`), so a
    /// page can write the note again with dates in its reader's format.
    pub values: BTreeMap<&'static str, String>,
}

/// Reads and analyses a transactions log. `progress` hears how much of the
/// work is done, from 0 to 1.
///
/// ```
/// use retention_metrics::analysis::{analyze_transactions, TransactionOptions};
/// let log = "customer,date,amount\nanna,2024-01-05,7.50\nben,2024-01-09,3\nanna,2024-02-02,4.50\n";
/// let report = analyze_transactions(log.as_bytes(), &TransactionOptions::default(), &mut |_| {}).unwrap();
/// assert_eq!(report.totals.orders, 3);
/// assert_eq!(report.totals.revenue, Some(15.0));
/// assert_eq!(report.periods[1].start, 2); // both were active on 31 January
/// ```
pub fn analyze_transactions(
    bytes: impl AsRef<[u8]>,
    options: &TransactionOptions,
    progress: &mut dyn FnMut(f64),
) -> Result<TransactionReport, FieldError> {
    let (log, ledger) = read_ledger(bytes, options, progress)?;
    let lang = options.log.lang;
    let texts = Texts::for_locale(lang);
    let window = options.window_days;
    let has_amounts = log.input.has_amounts;
    let (ranked, revenue) = by_revenue(&ledger, has_amounts);
    let note = |reason: &str| texts.fill(&format!("data.clv.{reason}"), &|_| None);
    let mut totals = totals(&ledger, window, &ranked, &revenue, &note);
    progress(0.95);
    let mut periods = period_rows(&ledger, options.period, window);
    let (cohorts, cohort_average) = cohort_table(&ledger);
    let mut segments =
        segment_rows(&ledger, window, &ranked, &revenue, totals.revenue.unwrap_or_default(), has_amounts, lang);
    let warnings = warnings(&log, &ledger, &periods, lang);
    if !has_amounts {
        leave_out_money(&mut totals, &mut periods, &mut segments, &note);
    }
    progress(1.0);
    Ok(TransactionReport {
        input: log.input,
        window_days: window,
        period: options.period,
        concentration: totals.concentration,
        totals,
        periods,
        cohorts,
        cohort_average,
        segments,
        warnings,
    })
}

/// Empties every money figure of a log of visits (it has no amounts to
/// sum), so none reads as a revenue of 0; CLV says why it is missing.
fn leave_out_money(
    totals: &mut Totals,
    periods: &mut [PeriodRow],
    segments: &mut [SegmentRow],
    note: &dyn Fn(&str) -> String,
) {
    totals.revenue = None;
    totals.aov = None;
    totals.concentration.top10_share = None;
    totals.concentration.top20_share = None;
    totals.clv = Clv::NotComputed { value: None, reason: "no_amounts", note: note("no_amounts") };
    for period in periods {
        period.revenue = None;
        period.aov = None;
    }
    for segment in segments {
        segment.revenue = None;
        segment.revenue_share = None;
    }
}

/// One segment's customers as CSV (customer, orders, revenue, first and
/// last order), safe to open in a spreadsheet, best customers first.
pub fn segment_csv(
    bytes: impl AsRef<[u8]>,
    options: &TransactionOptions,
    segment: Segment,
) -> Result<String, FieldError> {
    let (log, ledger) = read_ledger(bytes, options, &mut |_| {})?;
    let (ranked, revenue) = by_revenue(&ledger, log.input.has_amounts);
    let segments = assign(&ledger, options.window_days, &ranked);
    let texts = Texts::for_locale(options.log.lang);
    let header = ["customer", "orders", "revenue", "first_order", "last_order"]
        .map(|k| Cell::Text(texts.get(&format!("data.csv.{k}")).to_string()));
    let rows = ranked.iter().map(|&c| c as usize).filter(|&c| segments[c] == segment).map(|c| {
        let (days, _) = ledger.of(c);
        vec![
            Cell::Text(log.customer_ids[c].to_string()),
            Cell::Number(days.len() as f64),
            if log.input.has_amounts { Cell::Money(revenue[c]) } else { Cell::Text(String::new()) },
            Cell::Text(crate::calendar::Day(days[0]).to_string()),
            Cell::Text(crate::calendar::Day(days[days.len() - 1]).to_string()),
        ]
    });
    Ok(export::write_table(Sheet::for_locale(options.log.lang), std::iter::once(header.to_vec()).chain(rows)))
}

/// Every row of a log that the analysis leaves out, with its row number and
/// reason, as CSV safe to open in a spreadsheet: the whole list, where the
/// report lists the first rows of each reason.
pub fn skipped_csv(bytes: impl AsRef<[u8]>, options: &TransactionOptions) -> Result<String, FieldError> {
    let log_options = LogOptions { list_every_skip: true, ..options.log.clone() };
    let log = read_log(bytes.as_ref(), &log_options, &mut |_| {})?;
    let texts = Texts::for_locale(options.log.lang);
    let header = ["row", "reason"].map(|k| Cell::Text(texts.get(&format!("data.csv.{k}")).to_string()));
    let rows =
        log.input.skipped.iter().map(|skip| vec![Cell::Number(skip.row as f64), Cell::Text(skip.reason.clone())]);
    Ok(export::write_table(Sheet::for_locale(options.log.lang), std::iter::once(header.to_vec()).chain(rows)))
}

/// Reads the log and regroups its orders by customer, refunds taken off.
/// The file's bytes are released as soon as they are read (when the caller
/// handed them over) and the order list once the ledger holds it, so a big
/// file is never held in three forms at once.
pub fn read_ledger(
    bytes: impl AsRef<[u8]>,
    options: &TransactionOptions,
    progress: &mut dyn FnMut(f64),
) -> Result<(Log, Ledger), FieldError> {
    if !(1..=MAX_WINDOW_DAYS).contains(&options.window_days) {
        return Err(window_error(options.log.lang));
    }
    let mut log = read_log(bytes.as_ref(), &options.log, &mut |share| progress(share * 0.85))?;
    drop(bytes);
    let mut ledger = Ledger::new(&log.orders, log.customer_ids.len());
    ledger.take_off(&log.refunds);
    log.orders = Vec::new();
    progress(0.9);
    Ok((log, ledger))
}

fn segment_rows(
    ledger: &Ledger,
    window: u32,
    ranked: &[u32],
    revenue: &[f64],
    total: f64,
    has_amounts: bool,
    lang: Locale,
) -> Vec<SegmentRow> {
    let texts = Texts::for_locale(lang);
    let assigned = assign(ledger, window, ranked);
    Segment::ALL
        .into_iter()
        .map(|segment| {
            let members = (0..assigned.len()).filter(|&c| assigned[c] == segment);
            let (customers, sum) = members.fold((0u64, 0f64), |(n, s), c| (n + 1, s + revenue[c]));
            let fill = |key: String| {
                texts.fill(&key, &|name| match name {
                    "w" => Some(window.to_string()),
                    "w2" => Some((2 * window).to_string()),
                    _ => None,
                })
            };
            SegmentRow {
                id: segment,
                name: fill(format!("data.segment.{}.name", segment.id())),
                rule: fill(match segment {
                    Segment::Vip if !has_amounts => "data.segment.vip.rule_visits".to_string(),
                    _ => format!("data.segment.{}.rule", segment.id()),
                }),
                customers,
                revenue: Some(sum),
                revenue_share: revenue_share(sum, total),
            }
        })
        .collect()
}

fn warnings(log: &Log, ledger: &Ledger, periods: &[PeriodRow], lang: Locale) -> Vec<Warning> {
    let texts = Texts::for_locale(lang);
    let mut out = Vec::new();
    let mut add = |code: &'static str, values: &[(&'static str, String)]| {
        let mut values_by_name = BTreeMap::new();
        values_by_name.extend(values.iter().cloned());
        let values = values_by_name;
        let message = texts.fill(&format!("data.warning.{code}"), &|name| values.get(name).cloned());
        out.push(Warning { code, message, values });
    };
    let input = &log.input;
    if input.skipped_total > 0 {
        add("skipped_rows", &[("n", input.skipped_total.to_string())]);
    }
    if input.merged_lines > 0 {
        add("merged_lines", &[("n", (input.merged_lines + input.orders).to_string()), ("m", input.orders.to_string())]);
    }
    if !input.has_amounts {
        add("no_amounts", &[]);
    }
    if input.refunds.rows > 0 {
        let money = |value: f64| crate::format::plain_number(value, 2, false);
        add(
            "refunds",
            &[
                ("n", input.refunds.rows.to_string()),
                ("amount", money(input.refunds.amount)),
                ("before", money(input.refunds.revenue_before)),
                ("after", money(input.refunds.revenue_after)),
            ],
        );
    }
    if input.currencies.len() > 1 {
        let others: Vec<String> = input.currencies.iter().map(|c| format!("{} ({})", c.code, c.rows)).collect();
        add(
            "mixed_currencies",
            &[("currency", input.currency.unwrap_or_default().to_string()), ("list", others.join(", "))],
        );
    }
    if let Some(last) = periods.last().filter(|p| p.partial) {
        add("partial_period", &[("period", last.period.clone()), ("date", ledger.last_day.to_string())]);
    }
    out
}
