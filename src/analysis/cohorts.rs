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
///
/// Counts are kept per cohort, each only as long as the furthest month one
/// of its customers reached, and the curve's denominators come from running
/// sums of the cohort sizes: a log whose dates lie centuries apart has
/// months² possible cells but few of them visited, and a months × months
/// grid of them would take gigabytes.
pub fn cohort_table(ledger: &Ledger) -> (Vec<CohortRow>, Vec<Option<f64>>) {
    let (first, last) = ledger.months();
    let months = (last.0 - first.0 + 1) as usize;
    let mut sizes = vec![0u64; months];
    // returning[c][k]: customers of cohort c with an order in month c + k.
    let mut returning: Vec<Vec<u64>> = vec![Vec::new(); months];
    for customer in 0..ledger.customers() {
        let (days, _) = ledger.of(customer);
        let cohort = (ledger.month_of(days[0]).0 - first.0) as usize;
        sizes[cohort] += 1;
        let row = &mut returning[cohort];
        let mut previous = usize::MAX;
        for &day in days {
            let month = (ledger.month_of(day).0 - first.0) as usize;
            if month != previous {
                let k = month - cohort;
                if row.len() <= k {
                    row.resize(k + 1, 0);
                }
                row[k] += 1;
                previous = month;
            }
        }
    }
    let partial_last_month = ledger.last_day < last.last_day();
    let rows = (0..months)
        .filter(|&c| sizes[c] > 0)
        .map(|c| {
            let known = months - c;
            let row = &returning[c];
            let customers: Vec<Option<u64>> =
                (0..months).map(|k| (k < known).then(|| row.get(k).copied().unwrap_or(0))).collect();
            CohortRow {
                cohort: first.plus(c as i32).to_string(),
                size: sizes[c],
                percent: customers.iter().map(|n| n.and_then(|n| percent(n as f64, sizes[c] as f64))).collect(),
                customers,
                partial: partial_last_month,
            }
        })
        .collect();
    // Every count lies in a month the log covers, so summing every cohort's
    // k-th count pools exactly the cohorts old enough to have month k.
    let mut returning_at = vec![0u64; months];
    for row in &returning {
        for (k, n) in row.iter().enumerate() {
            returning_at[k] += n;
        }
    }
    // sizes_before[i]: customers of the cohorts before cohort i.
    let sizes_before: Vec<u64> = std::iter::once(0)
        .chain(sizes.iter().scan(0, |sum, &size| {
            *sum += size;
            Some(*sum)
        }))
        .collect();
    let average = (0..months).map(|k| percent(returning_at[k] as f64, sizes_before[months - k] as f64)).collect();
    (rows, average)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Day;
    use crate::ingest::log::Order;

    fn order(customer: u32, (year, month, day): (i32, u32, u32)) -> Order {
        Order { customer, day: Day::from_ymd(year, month, day).unwrap(), amount: 1.0 }
    }

    #[test]
    fn a_log_spanning_millennia_stores_only_the_months_visited() {
        // 108,000 months: a months × months grid would be 93 GB of counts.
        let orders = [
            order(0, (1000, 1, 1)),
            order(0, (9999, 12, 31)),
            order(1, (1000, 1, 15)),
            order(2, (5000, 6, 1)),
            order(2, (5100, 6, 1)),
        ];
        let (rows, average) = cohort_table(&Ledger::new(&orders, 3));
        let months = 108_000;
        assert_eq!(average.len(), months);
        let shape: Vec<_> = rows.iter().map(|r| (r.cohort.as_str(), r.size, r.customers.len())).collect();
        assert_eq!(shape, [("1000-01", 2, months), ("5000-06", 1, months)]);
        assert_eq!(rows[0].customers[0], Some(2));
        assert_eq!(rows[0].customers[1], Some(0));
        assert_eq!(rows[0].customers[months - 1], Some(1));
        let later = 4000 * 12 + 5;
        assert_eq!(rows[1].customers[1200], Some(1), "the century after 5000-06");
        assert_eq!(rows[1].customers[months - later - 1], Some(0), "the log's last month");
        assert_eq!(rows[1].customers[months - later], None, "after the log ends");
        assert_eq!(average[0], Some(100.0));
        assert_eq!(average[1200], percent(1.0, 3.0), "both cohorts are old enough");
        assert_eq!(average[months - 1], Some(50.0), "only the first cohort is that old");
    }
}
