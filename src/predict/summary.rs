//! From a ledger of orders to each customer's history in the libraries'
//! conventions (`predict.md`, section 1): orders of one customer on one
//! calendar day are one purchase with their amounts summed; x counts
//! repeat purchase days, t_x and T are weeks from the first purchase to
//! the last and to the end of observation; later purchases, after a
//! calibration end, are the holdout that checks the model.

use super::bgnbd::Group;
use super::History;
use crate::analysis::ledger::Ledger;

/// Days in the unit of the models.
pub const DAYS_PER_WEEK: f64 = 7.0;

/// Where observation ends, and where the calibration (the data a model is
/// fitted on) ends: the same day when nothing is held out. Day numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cutoffs {
    /// The last day whose purchases the model sees.
    pub calibration_end: i32,
    /// The last day of the log that counts (the holdout ends here).
    pub observation_end: i32,
}

/// One customer's history up to the calibration end, with the holdout
/// after it; none for a customer whose first purchase is later.
pub fn history(days: &[i32], amounts: &[f64], cutoffs: Cutoffs) -> Option<History> {
    let first = *days.first()?;
    if first > cutoffs.calibration_end {
        return None;
    }
    let (mut x, mut holdout_x, mut last, mut repeat_spend) = (0u32, 0u32, first, 0.0);
    let mut previous = first;
    for (&day, &amount) in days.iter().zip(amounts) {
        if day > cutoffs.observation_end {
            break;
        }
        let new_day = day != previous;
        previous = day;
        if day > cutoffs.calibration_end {
            holdout_x += u32::from(new_day);
            continue;
        }
        if day != first {
            repeat_spend += amount;
            x += u32::from(new_day);
            last = day;
        }
    }
    let weeks = |d: i32| f64::from(d) / DAYS_PER_WEEK;
    Some(History {
        x,
        t_x: weeks(last - first),
        t: weeks(cutoffs.calibration_end - first),
        monetary: if x > 0 { repeat_spend / f64::from(x) } else { 0.0 },
        holdout_x,
    })
}

/// Every customer's history (by customer number; none for those first
/// seen after the calibration end).
pub fn histories(ledger: &Ledger, cutoffs: Cutoffs) -> Vec<Option<History>> {
    (0..ledger.customers())
        .map(|c| {
            let (days, amounts) = ledger.of(c);
            history(days, amounts, cutoffs)
        })
        .collect()
}

/// Customers with the same (x, t_x, T) counted once with their number as
/// weight, and each customer's group: the likelihood is summed over far
/// fewer terms (recency and age are whole days, so a big log repeats them
/// often), and each history is forecast once. Histories from a ledger
/// only: each is packed into one number (x, then t_x and T in days, 21
/// bits each: the sensible years span far fewer days).
pub fn grouped(all: &[History]) -> (Vec<Group>, Vec<u32>) {
    let days = |weeks: f64| (weeks * DAYS_PER_WEEK).round() as u64;
    let key = |h: &History| u64::from(h.x) << 42 | days(h.t_x) << 21 | days(h.t);
    let mut keys: Vec<u64> = all.iter().map(key).collect();
    keys.sort_unstable();
    keys.dedup();
    let mut groups: Vec<Group> = keys
        .iter()
        .map(|&k| {
            let weeks = |d: u64| (d & ((1 << 21) - 1)) as f64 / DAYS_PER_WEEK;
            let history =
                History { x: (k >> 42) as u32, t_x: weeks(k >> 21), t: weeks(k), monetary: 0.0, holdout_x: 0 };
            Group { history, weight: 0.0 }
        })
        .collect();
    let group_of: Vec<u32> = all
        .iter()
        .map(|h| {
            let group = keys.partition_point(|&k| k < key(h));
            groups[group].weight += 1.0;
            group as u32
        })
        .collect();
    (groups, group_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_day_orders_are_one_purchase_and_the_first_day_is_not_spend() {
        let days = [0, 0, 14, 14, 21, 40];
        let amounts = [5.0, 5.0, 3.0, 1.0, 8.0, 100.0];
        let h = history(&days, &amounts, Cutoffs { calibration_end: 28, observation_end: 60 }).unwrap();
        assert_eq!(h.x, 2);
        assert_eq!(h.t_x, 3.0);
        assert_eq!(h.t, 4.0);
        assert_eq!(h.monetary, 6.0, "(3 + 1 + 8) / 2 repeat days");
        assert_eq!(h.holdout_x, 1);
    }

    #[test]
    fn a_customer_after_the_calibration_end_has_no_history() {
        assert_eq!(history(&[30], &[1.0], Cutoffs { calibration_end: 28, observation_end: 60 }), None);
        let once = history(&[28], &[1.0], Cutoffs { calibration_end: 28, observation_end: 28 }).unwrap();
        assert_eq!((once.x, once.t_x, once.t, once.monetary), (0, 0.0, 0.0, 0.0));
    }

    #[test]
    fn purchases_after_the_observation_end_are_not_counted() {
        let h = history(&[0, 7, 70], &[1.0, 2.0, 3.0], Cutoffs { calibration_end: 7, observation_end: 30 }).unwrap();
        assert_eq!((h.x, h.holdout_x), (1, 0));
    }

    #[test]
    fn equal_histories_are_grouped() {
        let h = |x, t_x, t| History { x, t_x, t, monetary: 1.0, holdout_x: 0 };
        let all = [h(1, 2.0, 5.0), h(0, 0.0, 5.0), h(1, 2.0, 5.0), h(1, 3.0, 5.0)];
        let (groups, group_of) = grouped(&all);
        assert_eq!(groups.len(), 3);
        assert_eq!(group_of[0], group_of[2]);
        assert_ne!(group_of[0], group_of[3]);
        assert_eq!(groups.iter().map(|g| g.weight).sum::<f64>(), 4.0);
        assert!(groups.iter().any(|g| g.history.x == 1 && g.history.t_x == 2.0 && g.weight == 2.0));
    }
}
