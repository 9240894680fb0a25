//! The "Metrics from data" definitions on small hand-made logs: every
//! expected number below is worked out by hand in the comments, from the
//! spec's rules (activity window, S/E/N/L, first-time vs reactivated,
//! periods, cohorts, segments, CLV from the last 12 months). The same tests
//! run natively and under wasm.

use retention_metrics::analysis::periods::PeriodKind;
use retention_metrics::analysis::segments::Segment;
use retention_metrics::analysis::totals::Clv;
use retention_metrics::analysis::{analyze_transactions, TransactionOptions, TransactionReport};

#[track_caller]
fn analyze(log: &str, window_days: u32, period: PeriodKind) -> TransactionReport {
    let options = TransactionOptions { window_days, period, ..Default::default() };
    analyze_transactions(log.as_bytes(), &options, &mut |_| {}).unwrap_or_else(|e| panic!("{e}"))
}

#[track_caller]
fn close(actual: Option<f64>, expected: Option<f64>) {
    match (actual, expected) {
        (Some(a), Some(e)) => assert!((a - e).abs() < 1e-9, "expected {e}, got {a}"),
        (a, e) => assert_eq!(a, e),
    }
}

/// Five customers over January–April 2024, W = 30 days, so a customer is
/// active on [order day, order day + 29].
///
/// A: Jan 1, Jan 15, Mar 10 (10, 20, 30)   active Jan 1–Feb 13, Mar 10–Apr 8
/// B: Jan 20, Feb 10, Feb 25 (5 each)      active Jan 20–Mar 25
/// C: Feb 5, Apr 2 (40, 60)                active Feb 5–Mar 5, Apr 2–May 1
/// D: Jan 31 (90)                          active Jan 31–Feb 29 (leap year)
/// E: Mar 31 twice (7, 3)                  active Mar 31–Apr 29
///
/// Active on the boundary days: Dec 31 {}, Jan 31 {A,B,D}, Feb 29 {B,C,D}
/// (D's order is 29 days before: still in), Mar 31 {A,E}, Apr 30 {C} (E's
/// order is exactly 30 days before: out).
const FIVE: &str = "customer,date,amount
A,2024-01-01,10
B,2024-01-20,5
A,2024-01-15,20
D,2024-01-31,90
C,2024-02-05,40
B,2024-02-10,5
B,2024-02-25,5
A,2024-03-10,30
E,2024-03-31,7
E,2024-03-31,3
C,2024-04-02,60
";

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn monthly_periods_follow_the_window_to_the_day() {
    let report = analyze(FIVE, 30, PeriodKind::Month);
    let rows: Vec<_> = report
        .periods
        .iter()
        .map(|p| (p.period.as_str(), p.start, p.end, p.retained, p.lost, p.new_first, p.reactivated))
        .collect();
    assert_eq!(
        rows,
        [
            ("2024-01", 0, 3, 0, 0, 3, 0), // A, B, D all first-time
            ("2024-02", 3, 3, 2, 1, 1, 0), // A lapsed on Feb 14; C new
            ("2024-03", 3, 2, 0, 3, 1, 1), // B, C, D lapsed; E first-time, A back
            ("2024-04", 2, 1, 0, 2, 0, 1), // A, E lapsed by Apr 30; C back
        ]
    );
    for p in &report.periods {
        assert_eq!(p.end, p.start - p.lost + p.new, "E = S − L + N in {}", p.period);
        assert_eq!(p.new, p.new_first + p.reactivated);
    }
    let jan = &report.periods[0];
    assert_eq!((jan.retention_rate, jan.churn_rate), (None, None), "S = 0: no rate");
    close(report.periods[1].retention_rate, Some(200.0 / 3.0));
    close(report.periods[1].churn_rate, Some(100.0 / 3.0));
    close(report.periods[2].retention_rate, Some(0.0));
    close(report.periods[2].churn_rate, Some(100.0));
    // Orders per period: Jan A,A,B,D; Feb C,B,B; Mar A,E,E; Apr C.
    let orders: Vec<_> = report.periods.iter().map(|p| (p.orders, p.revenue.unwrap(), p.purchasers)).collect();
    assert_eq!(orders, [(4, 125.0, 3), (3, 50.0, 2), (3, 40.0, 2), (1, 60.0, 1)]);
    close(report.periods[0].repeat_purchase_rate, Some(100.0 / 3.0)); // A twice of A, B, D
    close(report.periods[1].repeat_purchase_rate, Some(50.0)); // B twice of B, C
    close(report.periods[2].purchase_frequency, Some(1.5)); // 3 orders, 2 purchasers
    close(report.periods[0].aov, Some(31.25));
    assert!(report.periods[3].partial, "the log ends on Apr 2");
    assert!(!report.periods[2].partial);
    assert_eq!(report.periods[1].last, "2024-02-29");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn quarters_use_the_same_rules() {
    let report = analyze(FIVE, 30, PeriodKind::Quarter);
    let rows: Vec<_> = report
        .periods
        .iter()
        .map(|p| (p.period.as_str(), p.start, p.end, p.lost, p.new_first, p.reactivated, p.orders))
        .collect();
    // Q1: nobody before, {A, E} active on Mar 31, both first-time in Q1.
    // Q2: both lapse by Jun 30; C's April order keeps C active only to May 1.
    assert_eq!(rows, [("2024-Q1", 0, 2, 0, 2, 0, 10), ("2024-Q2", 2, 0, 2, 0, 0, 1)]);
    assert_eq!(report.periods[1].first, "2024-04-01");
    assert_eq!(report.periods[1].last, "2024-06-30");
    assert!(report.periods[1].partial);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn totals_and_concentration() {
    let report = analyze(FIVE, 30, PeriodKind::Month);
    let t = &report.totals;
    assert_eq!((t.customers, t.orders, t.revenue.unwrap()), (5, 11, 275.0));
    close(t.aov, Some(25.0));
    close(t.purchase_frequency, Some(2.2));
    close(t.repeat_purchase_rate, Some(80.0)); // all but D
                                               // Active on Apr 2 (an order since Mar 4): A, C, E.
    assert_eq!(t.active_customers, 3);
    // Top 10 % and top 20 % of 5 customers both round up to one: C (100).
    assert_eq!((t.concentration.top10_customers, t.concentration.top20_customers), (1, 1));
    close(t.concentration.top10_share, Some(100.0 / 275.0 * 100.0));
    close(t.concentration.top20_share, Some(100.0 / 275.0 * 100.0));
    assert!(matches!(&t.clv, Clv::NotComputed { reason: "short_log", .. }), "four months of data");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn cohorts_count_calendar_months_and_leave_the_future_blank() {
    let report = analyze(FIVE, 30, PeriodKind::Month);
    let cohorts: Vec<_> = report.cohorts.iter().map(|c| (c.cohort.as_str(), c.size, c.customers.clone())).collect();
    assert_eq!(
        cohorts,
        [
            ("2024-01", 3, vec![Some(3), Some(1), Some(1), Some(0)]), // B in Feb, A in Mar, none in Apr
            ("2024-02", 1, vec![Some(1), Some(0), Some(1), None]),    // C back in Apr; May not yet
            ("2024-03", 1, vec![Some(1), Some(0), None, None]),
        ]
    );
    close(report.cohorts[0].percent[1], Some(100.0 / 3.0));
    assert_eq!(report.cohorts[1].percent[3], None);
    assert!(report.cohorts.iter().all(|c| c.partial), "April, the last month, is partial");
    // Average weighted by the cohorts old enough: k=1 → 1 of 5, k=2 → 2 of 4, k=3 → 0 of 3.
    let average: Vec<_> = report.cohort_average.iter().map(|v| v.map(|p| (p * 1000.0).round() / 1000.0)).collect();
    assert_eq!(average, [Some(100.0), Some(20.0), Some(50.0), Some(0.0)]);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn every_segment_rule() {
    // T = Apr 2, W = 30: active = an order since Mar 4; 2W = since Feb 3.
    let report = analyze(FIVE, 30, PeriodKind::Month);
    let counts: Vec<_> = report.segments.iter().map(|s| (s.id, s.customers, s.revenue.unwrap())).collect();
    assert_eq!(
        counts,
        [
            (Segment::New, 1, 10.0),    // E: first order Mar 31
            (Segment::Vip, 1, 100.0),   // C: top by revenue, ordered Apr 2
            (Segment::Loyal, 1, 60.0),  // A: 3 orders, last Mar 10
            (Segment::AtRisk, 1, 15.0), // B: 3 orders, last Feb 25 (within 60 days)
            (Segment::Lost, 1, 90.0),   // D: last Jan 31, 62 days before
            (Segment::Other, 0, 0.0),
        ]
    );
    close(report.segments[1].revenue_share, Some(100.0 / 275.0 * 100.0));
    assert!(report.segments[3].rule.contains("60"), "the rule shows 2W: {}", report.segments[3].rule);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_purchase_exactly_the_window_before_is_outside_it() {
    // W = 10. X ordered Mar 1 and is active Mar 1–10; Y ordered Mar 2, active to Mar 11.
    // Period April: S = active on Mar 31 → nobody. Period March: E = active on Mar 31 → nobody.
    // Segments at T = Mar 11 (the log's last day): X's first order is exactly
    // 10 days before → not new, not active → X (one order, lapsed under 2W)
    // is "other"; Y is new.
    let report = analyze("customer,date,amount\nX,2024-03-01,1\nY,2024-03-11,1\n", 10, PeriodKind::Month);
    let count = |report: &TransactionReport, id| report.segments.iter().find(|s| s.id == id).unwrap().customers;
    assert_eq!((count(&report, Segment::New), count(&report, Segment::Other)), (1, 1));
    let report = analyze("customer,date,amount\nX,2024-03-02,1\nY,2024-03-11,1\n", 10, PeriodKind::Month);
    assert_eq!(count(&report, Segment::New), 2, "9 days before is inside the window");
    let report =
        analyze("customer,date,amount\nX,2024-03-01,1\nX,2024-03-02,1\nY,2024-03-12,1\n", 10, PeriodKind::Month);
    // T = Mar 12: X's last order (Mar 2) is exactly 10 days before → not active,
    // 2 orders, within 2W → at risk. One day later it would still be at risk;
    // on Mar 22 (20 days) lost.
    assert_eq!(count(&report, Segment::AtRisk), 1);
    let report =
        analyze("customer,date,amount\nX,2024-03-01,1\nX,2024-03-02,1\nY,2024-03-22,1\n", 10, PeriodKind::Month);
    assert_eq!(count(&report, Segment::Lost), 1);
    let report =
        analyze("customer,date,amount\nX,2024-03-01,1\nX,2024-03-02,1\nY,2024-03-11,1\n", 10, PeriodKind::Month);
    assert_eq!(report.totals.active_customers, 2, "X's Mar 2 order is 9 days before Mar 11: still active");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn clv_from_the_last_twelve_months() {
    // W = 90; last month Dec 2024, so the 12 months are 2024. S = active on
    // 2023-12-31 (an order since 2023-10-03): P, Q, R. Lost by 2024-12-31:
    // Q and R. Yearly churn 2/3, lifespan 1.5 years. Orders in 2024: P ×2
    // (10, 20), R (30), T ×2 (15, 25): 5 orders, 100 revenue, 3 purchasers.
    // CLV = AOV 20 × PF 5/3 × 1.5 = 50.
    let log = "customer,date,amount
S2,2023-01-10,5
Q,2023-11-15,5
P,2023-12-01,5
R,2023-12-20,5
R,2024-03-01,30
P,2024-06-01,10
T,2024-10-01,15
T,2024-11-01,25
P,2024-12-15,20
";
    let report = analyze(log, 90, PeriodKind::Month);
    match &report.totals.clv {
        Clv::Computed {
            value,
            aov,
            purchase_frequency,
            lifespan_years,
            yearly_churn_rate,
            start,
            lost,
            first,
            last,
        } => {
            assert_eq!((*start, *lost), (3, 2));
            assert_eq!((first.as_str(), last.as_str()), ("2024-01-01", "2024-12-31"));
            close(Some(*aov), Some(20.0));
            close(Some(*purchase_frequency), Some(5.0 / 3.0));
            close(Some(*lifespan_years), Some(1.5));
            close(Some(*yearly_churn_rate), Some(200.0 / 3.0));
            close(Some(*value), Some(50.0));
        }
        other => panic!("CLV not computed: {other:?}"),
    }
    // Exactly 12 months of data: nobody can be active before them.
    let twelve = "customer,date,amount\nA,2024-01-05,5\nB,2024-06-01,5\nA,2024-12-20,5\n";
    assert!(matches!(&analyze(twelve, 90, PeriodKind::Month).totals.clv, Clv::NotComputed { reason: "no_start", .. }));
    // Nobody lost: P keeps ordering.
    let loyal =
        "customer,date,amount\nP,2023-12-01,5\nP,2024-03-01,5\nP,2024-06-01,5\nP,2024-09-01,5\nP,2024-12-01,5\n";
    assert!(matches!(&analyze(loyal, 90, PeriodKind::Month).totals.clv, Clv::NotComputed { reason: "no_churn", .. }));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_one_row_log() {
    let report = analyze("customer,date,amount\nanna,2024-03-05,7.50\n", 90, PeriodKind::Month);
    assert_eq!((report.totals.customers, report.totals.orders, report.totals.revenue.unwrap()), (1, 1, 7.5));
    assert_eq!(report.periods.len(), 1);
    let p = &report.periods[0];
    assert_eq!((p.start, p.end, p.new_first, p.retention_rate, p.partial), (0, 1, 1, None, true));
    assert_eq!(report.cohorts[0].percent, [Some(100.0)]);
    assert_eq!(report.segments[0].customers, 1, "new");
    close(report.totals.concentration.top10_share, Some(100.0));
    close(report.totals.repeat_purchase_rate, Some(0.0));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_log_of_a_single_day() {
    let report =
        analyze("customer,date,amount\nA,2024-05-05,3\nB,2024-05-05,4\nA,2024-05-05,5\n", 90, PeriodKind::Month);
    assert_eq!(report.periods.len(), 1);
    let p = &report.periods[0];
    assert_eq!((p.start, p.end, p.new_first, p.orders, p.purchasers), (0, 2, 2, 3, 2));
    close(p.repeat_purchase_rate, Some(50.0));
    assert_eq!(report.segments[0].customers, 2, "everyone is new");
    assert_eq!(report.totals.first_date, report.totals.last_date);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn order_lines_with_one_id_are_one_order() {
    let log = "order,customer,date,amount\n1,A,2024-01-05,5\n1,A,2024-01-05,2.5\n2,B,2024-01-06,4\n3,A,2024-02-01,1\n";
    let report = analyze(log, 90, PeriodKind::Month);
    assert_eq!((report.input.rows, report.totals.orders, report.totals.revenue.unwrap()), (4, 3, 12.5));
    close(report.periods[0].aov, Some(5.75)); // (7.5 + 4) / 2
    assert_eq!(report.input.columns.order.as_deref(), Some("order"));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn the_typical_gap_between_visits_suggests_a_window() {
    // A: gaps 7, 7, 14 → median 7. B: gaps 10, 30 → upper median 30.
    // C: two orders on one day, one visit. D: gaps 7 → 7.
    // Medians 7, 30, 7 → 7; three gaps (21 days) are more than a fortnight: a month.
    let log = "customer,date,amount\n\
        A,2024-01-01,1\nA,2024-01-08,1\nA,2024-01-15,1\nA,2024-01-29,1\n\
        B,2024-01-01,1\nB,2024-01-11,1\nB,2024-02-10,1\n\
        C,2024-01-05,1\nC,2024-01-05,1\n\
        D,2024-02-01,1\nD,2024-02-08,1\n";
    let report = analyze(log, 30, PeriodKind::Month);
    assert_eq!(report.totals.typical_gap_days, Some(7));
    assert_eq!(report.totals.suggested_window_days, Some(30));
    // Nobody came back: no rhythm to suggest from.
    let once = analyze("customer,date,amount\nA,2024-01-01,1\nB,2024-01-02,1\n", 30, PeriodKind::Month);
    assert_eq!((once.totals.typical_gap_days, once.totals.suggested_window_days), (None, None));
    // Yearly customers (a boiler service): a gap of a year suggests a year.
    let yearly =
        analyze("customer,date,amount\nA,2021-03-01,1\nA,2022-03-01,1\nA,2023-03-01,1\n", 30, PeriodKind::Month);
    assert_eq!((yearly.totals.typical_gap_days, yearly.totals.suggested_window_days), (Some(365), Some(365)));
}
