//! What must hold for any orders log, over generated logs: the order of its
//! rows changes nothing, a file cut in two and joined back reads the same,
//! retained + lost = S, every customer is in one segment, and every row is
//! an order, a merged line, a refund or skipped. (Native only: proptest
//! needs the host's randomness.)
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use retention_metrics::analysis::{analyze_transactions, TransactionOptions, TransactionReport};

/// One generated row: a customer, a day, an amount in cents, or a broken
/// row (no customer, a bad date, extra cells, a word for an amount).
#[derive(Debug, Clone)]
enum Line {
    Order { customer: u8, day: u16, cents: i32 },
    Broken(u8),
}

fn line() -> impl Strategy<Value = Line> {
    prop_oneof![
        8 => (0u8..40, 0u16..900, -2_000i32..50_000).prop_map(|(customer, day, cents)| Line::Order { customer, day, cents }),
        1 => (0u8..5).prop_map(Line::Broken),
    ]
}

fn text(lines: &[Line]) -> String {
    let mut out = String::from("customer,date,amount\n");
    for line in lines {
        match line {
            Line::Order { customer, day, cents } => {
                let date = retention_metrics::calendar::Day(19_723 + i32::from(*day)); // from 2024-01-01
                out += &format!("C{customer},{date},{}.{:02}\n", cents / 100, (cents % 100).abs());
            }
            Line::Broken(kind) => {
                out += match kind {
                    0 => ",2024-02-01,5\n",
                    1 => "Z,soon,5\n",
                    2 => "Z,2024-02-01,1,234.56\n",
                    3 => "Z,2024-02-01,lots\n",
                    _ => "Total,,99\n",
                }
            }
        }
    }
    out
}

fn analyze(text: &str) -> Result<TransactionReport, String> {
    analyze_transactions(text.as_bytes(), &TransactionOptions::default(), &mut |_| {}).map_err(|e| e.message)
}

/// The figures of a report that cannot depend on the order of rows, as text
/// (sums of money rounded to the cent: the order of additions may move the
/// last bit).
fn figures(report: &TransactionReport) -> String {
    let cents = |v: Option<f64>| v.map(|v| format!("{v:.2}"));
    let periods: Vec<_> = report
        .periods
        .iter()
        .map(|p| (p.start, p.end, p.retained, p.lost, p.new, p.orders, cents(p.revenue), p.purchasers))
        .collect();
    let segments: Vec<_> = report.segments.iter().map(|s| (s.id, s.customers)).collect();
    let cohorts: Vec<_> = report.cohorts.iter().map(|c| (c.cohort.clone(), c.customers.clone())).collect();
    let t = &report.totals;
    format!("{:?}", (t.customers, t.orders, cents(t.revenue), &report.input.skipped_total, periods, segments, cohorts))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_row_is_accounted_for_and_the_identities_hold(lines in prop::collection::vec(line(), 1..120)) {
        let Ok(report) = analyze(&text(&lines)) else { return Ok(()) };
        let input = &report.input;
        prop_assert_eq!(input.rows, lines.len());
        prop_assert_eq!(input.rows, input.orders + input.merged_lines + input.refund_rows + input.skipped_total);
        for p in &report.periods {
            prop_assert_eq!(p.retained + p.lost, p.start);
            prop_assert_eq!(p.start - p.lost + p.new, p.end);
        }
        prop_assert_eq!(report.segments.iter().map(|s| s.customers).sum::<u64>(), report.totals.customers);
    }

    #[test]
    fn the_order_of_rows_changes_nothing(lines in prop::collection::vec(line(), 1..80), seed in any::<u64>()) {
        let mut shuffled = lines.clone();
        // A Fisher–Yates shuffle driven by the seed.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        match (analyze(&text(&lines)), analyze(&text(&shuffled))) {
            (Ok(a), Ok(b)) => prop_assert_eq!(figures(&a), figures(&b)),
            (a, b) => prop_assert_eq!(a.is_ok(), b.is_ok()),
        }
    }

    #[test]
    fn a_file_cut_in_two_and_joined_back_reads_the_same(lines in prop::collection::vec(line(), 2..80), cut in any::<prop::sample::Index>()) {
        let at = cut.index(lines.len());
        let whole = text(&lines);
        // The second half as its own export, header and all, pasted after the first.
        let joined = format!("{}{}", text(&lines[..at]), text(&lines[at..]));
        match (analyze(&whole), analyze(&joined)) {
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(b.input.skipped_total, a.input.skipped_total + 1, "the second header is listed");
                prop_assert_eq!((a.totals.customers, a.totals.orders), (b.totals.customers, b.totals.orders));
                let a_periods: Vec<_> = a.periods.iter().map(|p| (p.start, p.end, p.retained, p.lost)).collect();
                let b_periods: Vec<_> = b.periods.iter().map(|p| (p.start, p.end, p.retained, p.lost)).collect();
                prop_assert_eq!(a_periods, b_periods);
            }
            (a, b) => prop_assert_eq!(a.is_ok(), b.is_ok()),
        }
    }
}
