//! Orders regrouped by customer, in date order: the shape every analysis
//! walks.
//!
//! Built with a counting sort (customer numbers are dense), so a million
//! orders are placed in two linear passes and each customer's few orders are
//! then sorted by day. A day → calendar-month table covers the log's span,
//! so no analysis converts dates in its loops.

use crate::calendar::{Day, Month};
use crate::ingest::log::Order;

/// Every customer's orders, sorted by day.
#[derive(Debug)]
pub struct Ledger {
    /// Where each customer's orders start in `days`/`amounts`; one more
    /// entry than customers.
    offsets: Vec<u32>,
    days: Vec<i32>,
    amounts: Vec<f64>,
    /// The log's first day.
    pub first_day: Day,
    /// The log's last day: "today" for segments and the end of the last period.
    pub last_day: Day,
    month_of_day: Vec<i32>,
}

impl Ledger {
    /// Regroups orders by customer. `customers` is the number of distinct
    /// customers (their numbers run from 0). `orders` must not be empty.
    pub fn new(orders: &[Order], customers: usize) -> Ledger {
        let mut offsets = vec![0u32; customers + 1];
        for order in orders {
            offsets[order.customer as usize + 1] += 1;
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut next: Vec<u32> = offsets[..customers].to_vec();
        let mut days = vec![0i32; orders.len()];
        let mut amounts = vec![0f64; orders.len()];
        for order in orders {
            let slot = &mut next[order.customer as usize];
            days[*slot as usize] = order.day.0;
            amounts[*slot as usize] = order.amount;
            *slot += 1;
        }
        // Each customer's orders by day, sorted through one reused buffer
        // (already-sorted runs, as in a log in date order, cost one pass).
        let mut buffer: Vec<(i32, f64)> = Vec::new();
        for c in 0..customers {
            let range = offsets[c] as usize..offsets[c + 1] as usize;
            if days[range.clone()].is_sorted() {
                continue;
            }
            buffer.clear();
            buffer.extend(days[range.clone()].iter().copied().zip(amounts[range.clone()].iter().copied()));
            buffer.sort_unstable_by_key(|&(day, _)| day);
            for (i, (day, amount)) in range.zip(&buffer) {
                days[i] = *day;
                amounts[i] = *amount;
            }
        }
        let first_day = Day(orders.iter().map(|o| o.day.0).min().unwrap_or(0));
        let last_day = Day(orders.iter().map(|o| o.day.0).max().unwrap_or(0));
        let month_of_day = (first_day.0..=last_day.0).map(|d| Day(d).month().0).collect();
        Ledger { offsets, days, amounts, first_day, last_day, month_of_day }
    }

    /// Takes refunds that belong to no order off each customer's latest
    /// order on or before the refund's day (their first order, when the
    /// refund is dated before it). Every refund's customer has an order.
    pub fn take_off(&mut self, refunds: &[Order]) {
        for refund in refunds {
            let c = refund.customer as usize;
            let start = self.offsets[c] as usize;
            let days = &self.days[start..self.offsets[c + 1] as usize];
            let latest = days.partition_point(|&d| d <= refund.day.0).saturating_sub(1);
            self.amounts[start + latest] -= refund.amount;
        }
    }

    /// How many customers.
    pub fn customers(&self) -> usize {
        self.offsets.len() - 1
    }

    /// How many orders.
    pub fn orders(&self) -> usize {
        self.days.len()
    }

    /// One customer's order days (sorted) and amounts.
    pub fn of(&self, customer: usize) -> (&[i32], &[f64]) {
        let range = self.offsets[customer] as usize..self.offsets[customer + 1] as usize;
        (&self.days[range.clone()], &self.amounts[range])
    }

    /// Every order amount.
    pub fn amounts(&self) -> &[f64] {
        &self.amounts
    }

    /// The calendar month of a day inside the log's span.
    pub fn month_of(&self, day: i32) -> Month {
        Month(self.month_of_day[(day - self.first_day.0) as usize])
    }

    /// The log's first and last calendar months.
    pub fn months(&self) -> (Month, Month) {
        (self.first_day.month(), self.last_day.month())
    }
}

/// Whether a customer with these sorted order days is active at day `t`:
/// at least one order in `[t − window + 1, t]`.
pub fn active_at(days: &[i32], t: i32, window_days: i32) -> bool {
    let upto = days.partition_point(|&d| d <= t);
    upto > 0 && days[upto - 1] > t - window_days
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(customer: u32, iso: (i32, u32, u32), amount: f64) -> Order {
        Order { customer, day: Day::from_ymd(iso.0, iso.1, iso.2).unwrap(), amount }
    }

    #[test]
    fn groups_and_sorts_by_customer() {
        let orders = [order(1, (2024, 3, 5), 2.0), order(0, (2024, 3, 9), 1.0), order(1, (2024, 3, 1), 3.0)];
        let ledger = Ledger::new(&orders, 2);
        assert_eq!(ledger.customers(), 2);
        assert_eq!(ledger.orders(), 3);
        let (days, amounts) = ledger.of(1);
        assert_eq!(amounts, [3.0, 2.0]);
        assert!(days[0] < days[1]);
        assert_eq!(ledger.first_day.to_string(), "2024-03-01");
        assert_eq!(ledger.last_day.to_string(), "2024-03-09");
        assert_eq!(ledger.month_of(ledger.last_day.0), Month::new(2024, 3));
    }

    #[test]
    fn refunds_come_off_the_latest_order_before_them() {
        let orders = [order(0, (2024, 3, 1), 10.0), order(0, (2024, 3, 9), 20.0)];
        let mut ledger = Ledger::new(&orders, 1);
        ledger.take_off(&[order(0, (2024, 3, 10), 5.0), order(0, (2024, 2, 1), 1.0), order(0, (2024, 3, 5), 2.0)]);
        assert_eq!(ledger.of(0).1, [7.0, 15.0]);
    }

    #[test]
    fn active_means_an_order_in_the_last_window_days() {
        let days = [100, 150];
        assert!(active_at(&days, 100, 90));
        assert!(active_at(&days, 189, 90), "day 100 + 89: still inside");
        assert!(active_at(&days, 239, 90), "150 is 89 days before 239");
        assert!(!active_at(&days, 240, 90), "exactly 90 days after the last order: out");
        assert!(!active_at(&days, 99, 90), "before the first order");
    }
}
