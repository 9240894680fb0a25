//! Whole-log figures: customers, orders, revenue, AOV, purchase frequency,
//! repeat purchase rate, revenue concentration, and CLV from the last 12
//! calendar months.
//!
//! CLV takes the 12 calendar months ending with the log's last month as one
//! period under the period rules: yearly churn = L / S over it, lifespan
//! (ACL) = 1 / yearly churn in years, AOV and purchase frequency (orders per
//! purchaser) over the same months, CLV = AOV × PF × ACL. It is not computed
//! when the log covers fewer than 12 months, nobody was active when the 12
//! months began, or nobody was lost in them; the note says which.

use serde::Serialize;

use super::ledger::{active_at, Ledger};
use super::periods::{count, Span};
use super::segments::top_count;
use crate::metrics::loyalty::repeat_purchase_rate;
use crate::metrics::retention::{churn_rate, customer_lifespan};
use crate::metrics::value::{average_order_value, customer_lifetime_value, purchase_frequency, revenue_share};

/// Figures over the whole log.
#[derive(Debug, Clone, Serialize)]
pub struct Totals {
    /// Distinct customers with at least one order.
    pub customers: u64,
    /// Orders, order lines sharing an id counted once.
    pub orders: u64,
    /// The sum of every order's amount, refunds taken off; `null` in a log
    /// of visits (no amounts).
    pub revenue: Option<f64>,
    /// Average order value: revenue / orders.
    pub aov: Option<f64>,
    /// Purchase frequency over the whole log: orders / customers.
    pub purchase_frequency: Option<f64>,
    /// Customers with ≥ 2 orders / customers × 100.
    pub repeat_purchase_rate: Option<f64>,
    /// Customers active on the log's last date (an order in the last W
    /// days): the count retention cost divides by.
    pub active_customers: u64,
    /// CLV from the last 12 months, or why not.
    pub clv: Clv,
    /// Share of revenue from the best customers.
    pub concentration: Concentration,
    /// Days a typical returning customer leaves between visits: the median,
    /// over customers with two visit days or more, of each one's median gap;
    /// `null` when nobody came back.
    pub typical_gap_days: Option<u32>,
    /// The activity window that suits that rhythm: three typical gaps,
    /// rounded up to a week, a month, a quarter or a year a shop thinks in.
    pub suggested_window_days: Option<u32>,
    /// The log's first date, ISO.
    pub first_date: String,
    /// The log's last date, ISO: "today" for the activity window.
    pub last_date: String,
}

/// Share (%) of revenue from the top 10 % and 20 % of customers by revenue;
/// `null` when the revenue is not positive.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Concentration {
    /// Top 10 %.
    pub top10_share: Option<f64>,
    /// Top 20 %.
    pub top20_share: Option<f64>,
    /// How many customers the top 10 % is (rounded up).
    pub top10_customers: u64,
    /// How many customers the top 20 % is (rounded up).
    pub top20_customers: u64,
}

/// CLV from the log, or the reason it is not computed.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Clv {
    /// Computed over the last 12 months.
    Computed {
        /// AOV × PF × ACL.
        value: f64,
        /// Revenue / orders over the 12 months.
        aov: f64,
        /// Orders per purchaser over the 12 months.
        purchase_frequency: f64,
        /// 1 / yearly churn, in years.
        lifespan_years: f64,
        /// L / S × 100 over the 12 months.
        yearly_churn_rate: f64,
        /// The 12 months' first day, ISO.
        first: String,
        /// The 12 months' last day, ISO.
        last: String,
        /// S of the 12 months.
        start: u64,
        /// L of the 12 months.
        lost: u64,
    },
    /// Not computed.
    NotComputed {
        /// Always `null`.
        value: Option<f64>,
        /// `short_log`, `no_start` or `no_churn`.
        reason: &'static str,
        /// Why, in the reader's language.
        note: String,
    },
}

/// The whole-log figures. `ranked` lists customers by revenue, highest
/// first, with `revenue` by customer; `note` words a reason for no CLV.
pub fn totals(
    ledger: &Ledger,
    window_days: u32,
    ranked: &[u32],
    revenue: &[f64],
    note: &dyn Fn(&str) -> String,
) -> Totals {
    let customers = ledger.customers() as u64;
    let orders = ledger.orders() as u64;
    let total: f64 = revenue.iter().sum();
    let repeaters = (0..ledger.customers()).filter(|&c| ledger.of(c).0.len() >= 2).count() as u64;
    let gap = typical_gap(ledger);
    Totals {
        customers,
        orders,
        revenue: Some(total),
        aov: average_order_value(total, orders as f64),
        purchase_frequency: purchase_frequency(orders as f64, customers as f64),
        repeat_purchase_rate: repeat_purchase_rate(repeaters as f64, customers as f64),
        active_customers: (0..ledger.customers())
            .filter(|&c| active_at(ledger.of(c).0, ledger.last_day.0, window_days as i32))
            .count() as u64,
        clv: clv(ledger, window_days, note),
        concentration: concentration(ranked, revenue, total),
        typical_gap_days: gap,
        suggested_window_days: gap.map(suggested_window),
        first_date: ledger.first_day.to_string(),
        last_date: ledger.last_day.to_string(),
    }
}

/// The median over returning customers of each one's median gap in days
/// between visit days (two orders on one day are one visit).
fn typical_gap(ledger: &Ledger) -> Option<u32> {
    let mut gaps = Vec::new();
    let mut per_customer: Vec<u32> = Vec::new();
    for customer in 0..ledger.customers() {
        per_customer.clear();
        let days = ledger.of(customer).0;
        per_customer.extend(days.windows(2).map(|pair| (pair[1] - pair[0]) as u32).filter(|&gap| gap > 0));
        if !per_customer.is_empty() {
            per_customer.sort_unstable();
            gaps.push(per_customer[per_customer.len() / 2]);
        }
    }
    if gaps.is_empty() {
        return None;
    }
    gaps.sort_unstable();
    Some(gaps[gaps.len() / 2])
}

/// Windows a shop thinks in: a fortnight, a month, two months, a quarter,
/// half a year, a year.
const WINDOWS: [u32; 6] = [14, 30, 60, 90, 180, 365];

/// The smallest usual window that holds three typical gaps: a customer who
/// has missed three visits in a row has most likely gone.
fn suggested_window(gap: u32) -> u32 {
    let wanted = gap.saturating_mul(3);
    WINDOWS.into_iter().find(|&w| w >= wanted).unwrap_or(WINDOWS[WINDOWS.len() - 1])
}

fn concentration(ranked: &[u32], revenue: &[f64], total: f64) -> Concentration {
    let top = |percent: usize| top_count(ranked.len(), percent);
    let share = |n: usize| {
        let sum: f64 = ranked[..n].iter().map(|&c| revenue[c as usize]).sum();
        revenue_share(sum, total)
    };
    Concentration {
        top10_share: share(top(10)),
        top20_share: share(top(20)),
        top10_customers: top(10) as u64,
        top20_customers: top(20) as u64,
    }
}

fn clv(ledger: &Ledger, window_days: u32, note: &dyn Fn(&str) -> String) -> Clv {
    let (first_month, last_month) = ledger.months();
    let year_start = last_month.plus(-11);
    let not_computed = |reason: &'static str| Clv::NotComputed { value: None, reason, note: note(reason) };
    if first_month > year_start {
        return not_computed("short_log");
    }
    let span = Span { first: year_start.first_day(), last: last_month.last_day() };
    let c = count(ledger, &[span], window_days)[0];
    let Some(yearly_churn_rate) = churn_rate(c.start as f64, c.lost as f64) else {
        return not_computed("no_start");
    };
    let Some(lifespan_years) = customer_lifespan(yearly_churn_rate) else {
        return not_computed("no_churn");
    };
    // The months end on the log's last day, so they hold an order and its
    // buyer; without them there would be no year to speak of.
    let (Some(aov), Some(frequency)) =
        (average_order_value(c.revenue, c.orders as f64), purchase_frequency(c.orders as f64, c.purchasers as f64))
    else {
        return not_computed("short_log");
    };
    Clv::Computed {
        value: customer_lifetime_value(aov, frequency, lifespan_years, None),
        aov,
        purchase_frequency: frequency,
        lifespan_years,
        yearly_churn_rate,
        first: span.first.to_string(),
        last: span.last.to_string(),
        start: c.start,
        lost: c.lost,
    }
}
