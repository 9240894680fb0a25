//! Customer segments at the log's last date, each customer in exactly one:
//! the first rule that matches, in the order new, VIP, loyal, at risk, lost,
//! other.
//!
//! With T the last date and W the activity window: new = first order within
//! W days of T (on or after T − W + 1); active = an order in the same
//! window; VIP = in the top 10 % of customers by revenue and active; loyal
//! = 3 or more orders and active; at risk = 2 or more orders, not active,
//! last order within 2W days of T; lost = last order 2W or more days before
//! T; other = the rest (one or two orders, lapsing but not yet lost).

use serde::Serialize;

use super::ledger::{active_at, Ledger};
use crate::error::{ErrorCode, FieldError};
use crate::ingest::number::RawValue;
use crate::ingest::options::choice;
use crate::locale::Locale;
use crate::text::field_error;

/// A segment's id, as in the public report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    /// First order within the window.
    New,
    /// Top 10 % by revenue, active.
    Vip,
    /// Three or more orders, active.
    Loyal,
    /// Two or more orders, lapsed within two windows.
    AtRisk,
    /// Not seen for two windows or more.
    Lost,
    /// Everyone else.
    Other,
}

impl Segment {
    /// Every segment, in the order rules are tried and shown.
    pub const ALL: [Segment; 6] =
        [Segment::New, Segment::Vip, Segment::Loyal, Segment::AtRisk, Segment::Lost, Segment::Other];

    /// The id, `at_risk`.
    pub fn id(self) -> &'static str {
        match self {
            Segment::New => "new",
            Segment::Vip => "vip",
            Segment::Loyal => "loyal",
            Segment::AtRisk => "at_risk",
            Segment::Lost => "lost",
            Segment::Other => "other",
        }
    }

    /// Reads an id.
    pub fn from_id(id: &str) -> Option<Segment> {
        Segment::ALL.into_iter().find(|s| s.id() == id.trim())
    }

    /// The segment an id as given names, or the error that says there is
    /// no such segment.
    pub fn from_option(raw: Option<&RawValue>, lang: Locale) -> Result<Segment, FieldError> {
        let segment = choice(raw, "segment", "data.error.unknown_segment", Segment::from_id, lang)?;
        segment.ok_or_else(|| {
            field_error(lang, "segment", ErrorCode::Required, "data.error.unknown_segment", &[("text", String::new())])
        })
    }
}

/// How many customers make the top `percent` %: rounded up, so the top
/// 10 % of 5 customers is the best one.
pub fn top_count(customers: usize, percent: usize) -> usize {
    (customers * percent).div_ceil(100)
}

/// Customer numbers ordered by revenue, highest first (ties by first
/// appearance in the file), with each customer's revenue; in a log of
/// visits (no amounts), by visits, with each customer's visits.
pub fn by_revenue(ledger: &Ledger, has_amounts: bool) -> (Vec<u32>, Vec<f64>) {
    let revenue: Vec<f64> = (0..ledger.customers())
        .map(|c| {
            let (days, amounts) = ledger.of(c);
            if has_amounts {
                amounts.iter().sum()
            } else {
                days.len() as f64
            }
        })
        .collect();
    (descending(&revenue), revenue)
}

/// Positions of `values` from the largest value to the smallest, ties in
/// their order: the one ranking every list of customers uses (one sort in
/// the `.wasm`, however many lists).
pub fn descending(values: &[f64]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..values.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| values[b as usize].total_cmp(&values[a as usize]).then(a.cmp(&b)));
    order
}

/// Every customer's segment, by customer number.
pub fn assign(ledger: &Ledger, window_days: u32, ranked: &[u32]) -> Vec<Segment> {
    let today = ledger.last_day.0;
    let window = window_days as i32;
    let mut top = vec![false; ledger.customers()];
    for &c in &ranked[..top_count(ranked.len(), 10)] {
        top[c as usize] = true;
    }
    (0..ledger.customers())
        .map(|c| {
            let (days, _) = ledger.of(c);
            let (first, last, orders) = (days[0], days[days.len() - 1], days.len());
            let active = active_at(days, today, window);
            if first > today - window {
                Segment::New
            } else if top[c] && active {
                Segment::Vip
            } else if orders >= 3 && active {
                Segment::Loyal
            } else if orders >= 2 && !active && last > today - 2 * window {
                Segment::AtRisk
            } else if last <= today - 2 * window {
                Segment::Lost
            } else {
                Segment::Other
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_ten_percent_rounds_up() {
        assert_eq!(top_count(5, 10), 1);
        assert_eq!(top_count(10, 10), 1);
        assert_eq!(top_count(11, 10), 2);
        assert_eq!(top_count(92_000, 10), 9_200);
        assert_eq!(top_count(0, 10), 0);
        assert_eq!(top_count(5, 20), 1);
    }
}
