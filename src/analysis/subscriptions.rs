//! Where a subscription business's monthly recurring revenue moved, month by
//! month, by ChartMogul's definitions (`predict.md` §6): new business,
//! expansion, contraction, churn and reactivation; gross and net MRR churn,
//! net revenue retention, customer churn and ARPA; and net revenue
//! retention per sign-up month.
//!
//! The input is each customer's MRR per month, already as monthly
//! equivalents: a charge for several months is spread over the months it
//! pays for ([`spread_charge`]), so an annual plan of 2,000 counts 166.67 a
//! month.

use serde::Serialize;

use crate::calendar::Month;
use crate::metrics::retention::churn_rate;
use crate::metrics::subscription::{gross_mrr_churn, net_mrr_churn, net_revenue_retention};

/// One customer's MRR in one month (monthly equivalents summed).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mrr {
    /// The customer, as interned: numbered from 0 in the order first seen.
    pub customer: u32,
    /// The month.
    pub month: Month,
    /// Recurring revenue that month; 0 is "not paying".
    pub amount: f64,
}

/// A charge of `amount` that pays for `months` months from `first`, as the
/// MRR of each of those months: 2,000 for a year is 166.67 a month.
///
/// ```
/// use retention_metrics::analysis::subscriptions::spread_charge;
/// use retention_metrics::calendar::Month;
/// let months = spread_charge(7, Month::new(2024, 11), 2000.0, 12);
/// assert_eq!(months.len(), 12);
/// assert!((months[0].amount - 166.666_666).abs() < 1e-6);
/// assert_eq!(months[11].month, Month::new(2025, 10));
/// ```
pub fn spread_charge(customer: u32, first: Month, amount: f64, months: u32) -> Vec<Mrr> {
    let each = amount / f64::from(months.max(1));
    (0..months.max(1)).map(|k| Mrr { customer, month: first.plus(k as i32), amount: each }).collect()
}

/// One month's movements.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthMovements {
    /// `"2024-03"`.
    pub month: String,
    /// MRR at the start: the month before's end.
    pub mrr_start: f64,
    /// From customers paying for the first time.
    pub new: f64,
    /// Increases of customers who paid before and still pay.
    pub expansion: f64,
    /// Decreases of customers who still pay (a positive amount).
    pub contraction: f64,
    /// From customers who stopped paying (a positive amount).
    pub churned: f64,
    /// From customers paying again after a month or more at 0.
    pub reactivated: f64,
    /// MRR at the end: start + new + expansion − contraction − churned + reactivated.
    pub mrr_end: f64,
    /// Paying customers at the start.
    pub customers_start: u32,
    /// Paying customers at the end.
    pub customers_end: u32,
    /// Customers paying for the first time.
    pub customers_new: u32,
    /// Customers who stopped paying.
    pub customers_churned: u32,
    /// Customers who paid again after a pause.
    pub customers_reactivated: u32,
    /// (churned + contraction) / MRR at start, in percent; null without MRR at the start.
    pub gross_mrr_churn: Option<f64>,
    /// (churned + contraction − expansion − reactivated) / MRR at start, in percent.
    pub net_mrr_churn: Option<f64>,
    /// Net revenue retention: 100 − net MRR churn, in percent.
    pub nrr: Option<f64>,
    /// Customers lost / customers at the start, in percent.
    pub customer_churn: Option<f64>,
    /// Average revenue per paying account at the end.
    pub arpa: Option<f64>,
}

/// Net revenue retention of one sign-up month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MrrCohort {
    /// The month its customers first paid, `"2024-03"`.
    pub cohort: String,
    /// How many customers first paid that month.
    pub customers: u32,
    /// Their MRR in that first month.
    pub mrr: f64,
    /// Their MRR k months on, in percent of the first month's (k = 0, 1, …
    /// up to the last month of the data).
    pub percent: Vec<f64>,
}

/// Every month's movements from the first month anyone paid to the last
/// month in the data, and the sign-up cohorts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Movements {
    /// One entry per month, in order.
    pub months: Vec<MonthMovements>,
    /// One entry per sign-up month, in order.
    pub cohorts: Vec<MrrCohort>,
}

/// Half a cent: MRR changes smaller than this are the residue of dividing
/// a charge by its months, not a movement.
const CENT: f64 = 0.005;

/// The movements of `rows` (several rows of one customer and month add up).
pub fn movements(rows: &[Mrr]) -> Movements {
    let (Some(first), Some(last)) = (rows.iter().map(|r| r.month).min(), rows.iter().map(|r| r.month).max()) else {
        return Movements { months: Vec::new(), cohorts: Vec::new() };
    };
    let span = (last.0 - first.0) as usize + 1;
    // MRR by customer, month by month from `first`; customers are numbered
    // from 0 as interned, so their lines sit at their number.
    let count = rows.iter().map(|r| r.customer as usize + 1).max().unwrap_or(0);
    let mut lines: Vec<Option<Vec<f64>>> = vec![None; count];
    for row in rows {
        let line = lines[row.customer as usize].get_or_insert_with(|| vec![0.0; span]);
        line[(row.month.0 - first.0) as usize] += row.amount;
    }
    let customers: Vec<Vec<f64>> = lines.into_iter().flatten().collect();

    let months = (0..span)
        .map(|m| {
            let mut moved = MonthMovements {
                month: first.plus(m as i32).to_string(),
                mrr_start: 0.0,
                new: 0.0,
                expansion: 0.0,
                contraction: 0.0,
                churned: 0.0,
                reactivated: 0.0,
                mrr_end: 0.0,
                customers_start: 0,
                customers_end: 0,
                customers_new: 0,
                customers_churned: 0,
                customers_reactivated: 0,
                gross_mrr_churn: None,
                net_mrr_churn: None,
                nrr: None,
                customer_churn: None,
                arpa: None,
            };
            for line in &customers {
                let before = if m == 0 { 0.0 } else { line[m - 1] };
                let now = line[m];
                let paid_before = line[..m].iter().any(|&a| a > CENT);
                moved.mrr_start += before;
                moved.mrr_end += now;
                if before > CENT {
                    moved.customers_start += 1;
                }
                if now > CENT {
                    moved.customers_end += 1;
                }
                match (before > CENT, now > CENT) {
                    (false, true) if paid_before => {
                        moved.reactivated += now;
                        moved.customers_reactivated += 1;
                    }
                    (false, true) => {
                        moved.new += now;
                        moved.customers_new += 1;
                    }
                    (true, false) => {
                        moved.churned += before;
                        moved.customers_churned += 1;
                    }
                    (true, true) if now - before > CENT => moved.expansion += now - before,
                    (true, true) if before - now > CENT => moved.contraction += before - now,
                    _ => {}
                }
            }
            let MonthMovements { mrr_start, churned, contraction, expansion, reactivated, .. } = moved;
            moved.gross_mrr_churn = gross_mrr_churn(mrr_start, churned, contraction);
            moved.net_mrr_churn = net_mrr_churn(mrr_start, churned, contraction, expansion, reactivated);
            moved.nrr = moved.net_mrr_churn.map(net_revenue_retention);
            moved.customer_churn = churn_rate(f64::from(moved.customers_start), f64::from(moved.customers_churned));
            moved.arpa = (moved.customers_end > 0).then(|| moved.mrr_end / f64::from(moved.customers_end));
            moved
        })
        .collect();
    Movements { months, cohorts: cohorts(&customers, first, span) }
}

/// Customers grouped by the month they first paid, with their MRR over
/// the months after in percent of that first month's.
fn cohorts(customers: &[Vec<f64>], first: Month, span: usize) -> Vec<MrrCohort> {
    let mut by_start: Vec<(u32, Vec<f64>)> = vec![(0, vec![0.0; span]); span];
    for line in customers {
        let Some(start) = line.iter().position(|&a| a > CENT) else { continue };
        let (count, sums) = &mut by_start[start];
        *count += 1;
        for (k, amount) in line[start..].iter().enumerate() {
            sums[k] += amount;
        }
    }
    by_start
        .into_iter()
        .enumerate()
        .filter(|(_, (count, _))| *count > 0)
        .map(|(start, (count, sums))| {
            let base = sums[0];
            MrrCohort {
                cohort: first.plus(start as i32).to_string(),
                customers: count,
                mrr: base,
                percent: sums[..span - start].iter().map(|s| 100.0 * s / base).collect(),
            }
        })
        .collect()
}
