//! A sample gym's billing export, generated like the café's log
//! ([`super`]): deterministic, integer only, the same bytes natively and in
//! WebAssembly, and nobody's real data.
//!
//! Eighteen months (June 2025 to November 2026) of a gym with three plans:
//! Basic at 39.00 and Unlimited at 69.00 a month, and Annual at 690.00 a
//! year. About a dozen members join each month. Each monthly member has a
//! chance of leaving every month of their own (some leave quickly, most
//! stay a while, a few for years, as the shifted-beta-geometric model
//! expects), some move up to Unlimited or back down, now and then one
//! pauses for a month or two and comes back, and annual members renew most
//! years. One row per charge: `Member,Date,Amount,Interval,Plan`.

use super::SplitMix64;
use crate::calendar::{Day, Month};

/// The months the export covers.
const FIRST: (i32, u32) = (2025, 6);
const MONTHS: i32 = 18;

/// Each member's chance of leaving in a month, in per mille, and how many
/// members have it: the members likely to leave go first.
const LEAVING: [(u32, u32); 3] = [(180, 3), (60, 4), (15, 3)];

#[derive(Clone, Copy, PartialEq)]
enum Plan {
    Basic,
    Unlimited,
    Annual,
}

impl Plan {
    fn name(self) -> &'static str {
        match self {
            Plan::Basic => "Basic",
            Plan::Unlimited => "Unlimited",
            Plan::Annual => "Annual",
        }
    }

    fn price(self) -> &'static str {
        match self {
            Plan::Basic => "39.00",
            Plan::Unlimited => "69.00",
            Plan::Annual => "690.00",
        }
    }
}

/// The sample export as CSV text.
///
/// ```
/// let csv = retention_metrics::sample::billing::sample_billing();
/// assert!(csv.starts_with("Member,Date,Amount,Interval,Plan\n"));
/// assert_eq!(csv, retention_metrics::sample::billing::sample_billing(), "the same every time");
/// ```
pub fn sample_billing() -> String {
    let first = Month::new(FIRST.0, FIRST.1);
    let mut rng = SplitMix64::new(0x6_7951);
    let mut out = String::from("Member,Date,Amount,Interval,Plan\n");
    let mut member = 0;
    for joined in 0..MONTHS {
        let arrivals = rng.between(9, 15);
        for _ in 0..arrivals {
            member += 1;
            let day = rng.between(1, 28) as u32;
            let mut plan = [Plan::Basic, Plan::Unlimited, Plan::Annual][rng.weighted(&[60, 30, 10])];
            let leaving = LEAVING[rng.weighted(&LEAVING.map(|(_, w)| w))].0;
            let mut month = joined;
            while month < MONTHS {
                let date = charge_day(first.plus(month), day);
                let interval = if plan == Plan::Annual { "year" } else { "month" };
                out.push_str(&format!("M{member:04},{date},{},{interval},{}\n", plan.price(), plan.name()));
                if plan == Plan::Annual {
                    // Renewed most years.
                    if !rng.chance(750) {
                        break;
                    }
                    month += 12;
                    continue;
                }
                if rng.chance(leaving) {
                    break;
                }
                if plan == Plan::Basic && rng.chance(30) {
                    plan = Plan::Unlimited;
                } else if plan == Plan::Unlimited && rng.chance(10) {
                    plan = Plan::Basic;
                }
                // Now and then a month or two off, then back.
                month += if rng.chance(20) { 1 + rng.between(1, 2) } else { 1 };
            }
        }
    }
    out
}

/// The charge's date in `month`, on the member's day.
fn charge_day(month: Month, day: u32) -> Day {
    Day::from_ymd(month.year(), month.number(), day).unwrap_or_else(|| month.first_day())
}
