//! The cohort table: customers grouped by the calendar month of their first
//! order, and for each later month the share of them who ordered in it.
//!
//! Cell (c, k) counts calendar months, not 30-day steps: a 31 January buyer
//! who returns on 1 February is k = 1. A cell for a month after the log ends
//! is `None` (not yet happened, shown blank), never 0 %. The average curve
//! pools, for each k, only the cohorts old enough to have it.

use serde::Serialize;

use super::ledger::Ledger;
use crate::metrics::percent;

/// One cohort's row of the heat map.
#[derive(Debug, Clone, Serialize)]
pub struct CohortRow {
    /// The month of first purchase, `2024-01`.
    pub cohort: String,
    /// Customers whose first order fell in it.
    pub size: u64,
    /// Share (%) with an order in month cohort + k, for k from 0; `null`
    /// for months after the log ends. Every row has one cell per month of
    /// the log, so rows line up.
    pub percent: Vec<Option<f64>>,
    /// The same as counts of customers.
    pub customers: Vec<Option<u64>>,
    /// Whether the row's last known cell is a month the log covers only in
    /// part (the log ends before that month does).
    pub partial: bool,
}

/// The cohort rows and the average curve.
pub fn cohort_table(ledger: &Ledger) -> (Vec<CohortRow>, Vec<Option<f64>>) {
    let (first, last) = ledger.months();
    let months = (last.0 - first.0 + 1) as usize;
    let mut sizes = vec![0u64; months];
    let mut cells = vec![0u64; months * months];
    for customer in 0..ledger.customers() {
        let (days, _) = ledger.of(customer);
        let cohort = (ledger.month_of(days[0]).0 - first.0) as usize;
        sizes[cohort] += 1;
        let mut previous = usize::MAX;
        for &day in days {
            let month = (ledger.month_of(day).0 - first.0) as usize;
            if month != previous {
                cells[cohort * months + (month - cohort)] += 1;
                previous = month;
            }
        }
    }
    let partial_last_month = ledger.last_day < last.last_day();
    let rows = (0..months)
        .filter(|&c| sizes[c] > 0)
        .map(|c| {
            let known = months - c;
            let customers: Vec<Option<u64>> = (0..months).map(|k| (k < known).then(|| cells[c * months + k])).collect();
            CohortRow {
                cohort: first.plus(c as i32).to_string(),
                size: sizes[c],
                percent: customers.iter().map(|n| n.and_then(|n| percent(n as f64, sizes[c] as f64))).collect(),
                customers,
                partial: partial_last_month,
            }
        })
        .collect();
    let average = (0..months)
        .map(|k| {
            let old_enough = 0..months - k;
            let returning: u64 = old_enough.clone().map(|c| cells[c * months + k]).sum();
            let size: u64 = old_enough.map(|c| sizes[c]).sum();
            percent(returning as f64, size as f64)
        })
        .collect();
    (rows, average)
}
