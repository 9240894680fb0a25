//! Customers and orders per calendar period: S, E, N (first-time and
//! reactivated), retained, lost, retention and churn, orders, revenue, AOV,
//! purchase frequency and repeat purchase rate.
//!
//! With W the activity window, a customer is active at day t when they
//! ordered in `[t − W + 1, t]`. S counts those active the day before the
//! period starts, E those active on its last day; retained = in both, lost =
//! in S only, N = in E only, split by whether their first order ever falls
//! inside the period. So E = S − L + N, and retention = (E − N) / S × 100
//! agrees with the calculator. Each customer's sorted orders are walked once
//! against all periods.

use serde::Serialize;

use super::ledger::Ledger;
use crate::calendar::{Day, Month};
use crate::error::FieldError;
use crate::ingest::number::RawValue;
use crate::ingest::options::choice;
use crate::locale::Locale;
use crate::metrics::loyalty::repeat_purchase_rate;
use crate::metrics::retention::{churn_rate, retention_rate};
use crate::metrics::value::{average_order_value, purchase_frequency};

/// Month or quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodKind {
    /// Calendar months.
    #[default]
    Month,
    /// Calendar quarters.
    Quarter,
}

impl PeriodKind {
    /// Reads `"month"` or `"quarter"`.
    pub fn from_name(name: &str) -> Option<PeriodKind> {
        match name.trim().to_ascii_lowercase().as_str() {
            "month" => Some(PeriodKind::Month),
            "quarter" => Some(PeriodKind::Quarter),
            _ => None,
        }
    }

    /// The kind from an option as given: `"month"` (when left out) or `"quarter"`.
    pub fn from_option(raw: Option<&RawValue>, lang: Locale) -> Result<PeriodKind, FieldError> {
        Ok(choice(raw, "period", "data.error.period", PeriodKind::from_name, lang)?.unwrap_or_default())
    }
}

/// A calendar period, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Its first day.
    pub first: Day,
    /// Its last day.
    pub last: Day,
}

/// The periods from the one holding the log's first day to the one holding
/// its last, with their labels (`2024-03`, `2024-Q1`).
pub fn periods(kind: PeriodKind, first: Day, last: Day) -> Vec<(String, Span)> {
    let step = match kind {
        PeriodKind::Month => 1,
        PeriodKind::Quarter => 3,
    };
    let start_of = |m: Month| Month(m.0 - m.0.rem_euclid(step));
    let mut month = start_of(first.month());
    let mut out = Vec::new();
    while month.first_day() <= last {
        let label = match kind {
            PeriodKind::Month => month.to_string(),
            PeriodKind::Quarter => format!("{}-Q{}", month.year(), month.quarter()),
        };
        out.push((label, Span { first: month.first_day(), last: month.plus(step).first_day().plus(-1) }));
        month = month.plus(step);
    }
    out
}

/// Customer and order counts of one period.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    /// S: active the day before the period.
    pub start: u64,
    /// E: active on its last day.
    pub end: u64,
    /// In S and in E.
    pub retained: u64,
    /// In S, not in E.
    pub lost: u64,
    /// In E, not in S, first order ever inside the period.
    pub new_first: u64,
    /// In E, not in S, ordered before the period.
    pub reactivated: u64,
    /// Orders inside the period.
    pub orders: u64,
    /// Revenue inside the period.
    pub revenue: f64,
    /// Customers with an order inside the period.
    pub purchasers: u64,
    /// Of those, customers with two or more.
    pub repeat_purchasers: u64,
}

impl Counts {
    /// N: new to the active base (first-time + reactivated).
    pub fn joined(&self) -> u64 {
        self.new_first + self.reactivated
    }
}

/// Counts for each span (spans in date order, not overlapping).
///
/// Each customer's sorted orders are walked once with a cursor, starting at
/// the first span that reaches their first order and stopping once they can
/// no longer be active: no binary search and no work per idle span.
pub fn count(ledger: &Ledger, spans: &[Span], window_days: u32) -> Vec<Counts> {
    let window = window_days as i32;
    let mut counts = vec![Counts::default(); spans.len()];
    for customer in 0..ledger.customers() {
        let (days, amounts) = ledger.of(customer);
        let (first_order, last_order) = (days[0], days[days.len() - 1]);
        let from = spans.partition_point(|s| s.last.0 < first_order);
        let mut i = 0; // orders before the cursor's day
        for (span, c) in spans[from..].iter().zip(&mut counts[from..]) {
            let (first, last) = (span.first.0, span.last.0);
            if i == days.len() && last_order <= first - 1 - window {
                break; // inactive from here on, no order left
            }
            while i < days.len() && days[i] < first {
                i += 1;
            }
            let s = i > 0 && days[i - 1] > first - 1 - window;
            let before = i;
            let mut revenue = 0.0;
            while i < days.len() && days[i] <= last {
                revenue += amounts[i];
                i += 1;
            }
            let e = i > 0 && days[i - 1] > last - window;
            let in_period = (i - before) as u64;
            c.start += u64::from(s);
            c.end += u64::from(e);
            c.retained += u64::from(s && e);
            c.lost += u64::from(s && !e);
            if e && !s {
                if first_order >= first {
                    c.new_first += 1;
                } else {
                    c.reactivated += 1;
                }
            }
            c.orders += in_period;
            c.revenue += revenue;
            c.purchasers += u64::from(in_period > 0);
            c.repeat_purchasers += u64::from(in_period >= 2);
        }
    }
    counts
}

/// One row of the period table, as in the public report.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodRow {
    /// `2024-03` or `2024-Q1`.
    pub period: String,
    /// First day, ISO.
    pub first: String,
    /// Last day, ISO.
    pub last: String,
    /// The log ends before the period's last day.
    pub partial: bool,
    /// S: customers active the day before the period.
    pub start: u64,
    /// E: customers active on its last day.
    pub end: u64,
    /// In S and in E.
    pub retained: u64,
    /// L: in S, not in E.
    pub lost: u64,
    /// N = first-time + reactivated.
    pub new: u64,
    /// First order ever inside the period.
    pub new_first: u64,
    /// Came back after lapsing.
    pub reactivated: u64,
    /// (E − N) / S × 100; `null` when S = 0.
    pub retention_rate: Option<f64>,
    /// L / S × 100; `null` when S = 0.
    pub churn_rate: Option<f64>,
    /// Orders in the period.
    pub orders: u64,
    /// Revenue in the period; `null` in a log of visits.
    pub revenue: Option<f64>,
    /// Revenue / orders; `null` without orders.
    pub aov: Option<f64>,
    /// Customers who ordered in the period.
    pub purchasers: u64,
    /// Orders / purchasers; `null` without purchasers.
    pub purchase_frequency: Option<f64>,
    /// Purchasers with ≥ 2 orders / purchasers × 100; `null` without purchasers.
    pub repeat_purchase_rate: Option<f64>,
}

/// The period table of a ledger.
pub fn period_rows(ledger: &Ledger, kind: PeriodKind, window_days: u32) -> Vec<PeriodRow> {
    let list = periods(kind, ledger.first_day, ledger.last_day);
    let spans: Vec<Span> = list.iter().map(|(_, s)| *s).collect();
    let counts = count(ledger, &spans, window_days);
    list.into_iter()
        .zip(counts)
        .map(|((period, span), c)| PeriodRow {
            period,
            first: span.first.to_string(),
            last: span.last.to_string(),
            partial: ledger.last_day < span.last,
            start: c.start,
            end: c.end,
            retained: c.retained,
            lost: c.lost,
            new: c.joined(),
            new_first: c.new_first,
            reactivated: c.reactivated,
            retention_rate: retention_rate(c.start as f64, c.end as f64, c.joined() as f64),
            churn_rate: churn_rate(c.start as f64, c.lost as f64),
            orders: c.orders,
            revenue: Some(c.revenue),
            aov: average_order_value(c.revenue, c.orders as f64),
            purchasers: c.purchasers,
            purchase_frequency: purchase_frequency(c.orders as f64, c.purchasers as f64),
            repeat_purchase_rate: repeat_purchase_rate(c.repeat_purchasers as f64, c.purchasers as f64),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_quarters_cover_the_log() {
        let first = Day::from_ymd(2024, 1, 31).unwrap();
        let last = Day::from_ymd(2024, 4, 2).unwrap();
        let months = periods(PeriodKind::Month, first, last);
        assert_eq!(
            months.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>(),
            ["2024-01", "2024-02", "2024-03", "2024-04"]
        );
        assert_eq!(months[1].1.last.to_string(), "2024-02-29");
        let quarters = periods(PeriodKind::Quarter, first, last);
        assert_eq!(quarters.len(), 2);
        assert_eq!(quarters[0].0, "2024-Q1");
        assert_eq!(quarters[0].1.first.to_string(), "2024-01-01");
        assert_eq!(quarters[0].1.last.to_string(), "2024-03-31");
        assert_eq!(quarters[1].0, "2024-Q2");
    }
}
