//! Retention family: retention rate, churn rate, customer lifespan.

use super::{need, percent, ratio};
use crate::metric::{
    Benchmark, Evaluation, Example, Fact, FactKind, Group, InputKind::*, InputSpec as In, MetricDef, Unit, Values,
    Violation,
};
use crate::reference::{Measure, RatePeriod};

/// Customer retention rate in percent: ((E − N) / S) × 100.
///
/// `start` S customers at the start, `end` E at the end, `new` N who joined
/// during the period. `None` when S = 0. Above 100 means the inputs
/// contradict each other (someone in E is missing from N).
///
/// ```
/// use retention_metrics::metrics::retention::retention_rate;
/// assert_eq!(retention_rate(200.0, 210.0, 30.0), Some(90.0));
/// assert_eq!(retention_rate(0.0, 5.0, 5.0), None);
/// ```
pub fn retention_rate(start: f64, end: f64, new: f64) -> Option<f64> {
    percent(end - new, start)
}

/// Customer churn rate in percent: (L / S) × 100; `None` when S = 0.
///
/// ```
/// use retention_metrics::metrics::retention::churn_rate;
/// assert_eq!(churn_rate(200.0, 20.0), Some(10.0));
/// ```
pub fn churn_rate(start: f64, lost: f64) -> Option<f64> {
    percent(lost, start)
}

/// Average customer lifespan in periods: 1 / (churn / 100), computed as
/// 100 / churn; `None` when churn is 0 (nobody ever leaves).
///
/// ```
/// use retention_metrics::metrics::retention::customer_lifespan;
/// assert_eq!(customer_lifespan(10.0), Some(10.0));
/// assert_eq!(customer_lifespan(0.0), None);
/// ```
pub fn customer_lifespan(churn_percent: f64) -> Option<f64> {
    ratio(100.0, churn_percent)
}

/// A retention rate per `from` period as the rate over `to`, if every
/// period were alike: the kept share compounds,
/// 100 × (R / 100)^(periods of `from` in a `to`).
///
/// ```
/// use retention_metrics::metrics::retention::retention_over;
/// use retention_metrics::reference::RatePeriod::{Month, Year};
/// let yearly = retention_over(85.0, Month, Year);
/// assert!((yearly - 14.224).abs() < 1e-3); // 85 % a month keeps about 14 % a year
/// assert!((retention_over(yearly, Year, Month) - 85.0).abs() < 1e-9);
/// ```
pub fn retention_over(percent: f64, from: RatePeriod, to: RatePeriod) -> f64 {
    100.0 * (percent / 100.0).powf(from.per_year() / to.per_year())
}

/// A churn rate per `from` period as the rate over `to`: what is not lost
/// compounds, 100 − [`retention_over`](100 − C).
///
/// ```
/// use retention_metrics::metrics::retention::churn_over;
/// use retention_metrics::reference::RatePeriod::{Month, Year};
/// assert!((churn_over(10.0, Month, Year) - 71.757).abs() < 1e-3);
/// ```
pub fn churn_over(percent: f64, from: RatePeriod, to: RatePeriod) -> f64 {
    100.0 - retention_over(100.0 - percent, from, to)
}

/// A rate of `measure` per `from` period as the rate over `to`.
pub fn rate_over(measure: Measure, percent: f64, from: RatePeriod, to: RatePeriod) -> f64 {
    match measure {
        Measure::Retention => retention_over(percent, from, to),
        Measure::Churn => churn_over(percent, from, to),
    }
}

/// Catalog entries of the retention family.
pub const DEFINITIONS: &[MetricDef] = &[
    MetricDef {
        id: "retention_rate",
        group: Group::Retention,
        unit: Unit::Percent,
        decimals: 1,
        inputs: &[
            In::new("start", Count).positive(),
            In::new("end", Count),
            In::new("new", Count).at_most_input("end"),
            In::new("period", Period).optional(),
        ],
        examples: &[
            Example {
                id: "coffee",
                series: &[],
                inputs: &[("start", 200.0), ("end", 210.0), ("new", 30.0)],
                value: 90.0,
            },
            // The Russian seed article's shop: it grew, yet kept only three in four.
            Example {
                id: "growing",
                series: &[],
                inputs: &[("start", 200.0), ("end", 250.0), ("new", 100.0)],
                value: 75.0,
            },
        ],
        benchmark: Some(Benchmark::Rate(Measure::Retention)),
        evaluate: evaluate_retention_rate,
    },
    MetricDef {
        id: "churn_rate",
        group: Group::Retention,
        unit: Unit::Percent,
        decimals: 1,
        inputs: &[
            In::new("start", Count).positive(),
            In::new("lost", Count).at_most_input("start"),
            In::new("period", Period).optional(),
        ],
        examples: &[
            Example { id: "coffee", series: &[], inputs: &[("start", 200.0), ("lost", 20.0)], value: 10.0 },
            Example { id: "general", series: &[], inputs: &[("start", 1000.0), ("lost", 50.0)], value: 5.0 },
        ],
        benchmark: Some(Benchmark::Rate(Measure::Churn)),
        evaluate: evaluate_churn_rate,
    },
    MetricDef {
        id: "customer_lifespan",
        group: Group::Retention,
        unit: Unit::Periods,
        decimals: 1,
        inputs: &[In::new("churn_percent", Percent).positive(), In::new("period", Period).optional()],
        examples: &[Example { id: "coffee", series: &[], inputs: &[("churn_percent", 10.0)], value: 10.0 }],
        benchmark: None,
        evaluate: evaluate_customer_lifespan,
    },
];

fn evaluate_retention_rate(v: &Values) -> Result<Evaluation, Violation> {
    let (start, end, new) = (v.get("start"), v.get("end"), v.get("new"));
    let value = need(retention_rate(start, end, new), "start")?;
    let mut evaluation = Evaluation::simple(value).with_facts([
        Fact::new("retained", end - new, FactKind::Count),
        Fact::new("lost", (start - (end - new)).max(0.0), FactKind::Count),
    ]);
    if value > 100.0 {
        evaluation.reading = "over_100";
        evaluation.warnings.push("over_100");
    }
    Ok(evaluation)
}

fn evaluate_churn_rate(v: &Values) -> Result<Evaluation, Violation> {
    let (start, lost) = (v.get("start"), v.get("lost"));
    let value = need(churn_rate(start, lost), "start")?;
    Ok(Evaluation::simple(value).with_facts([Fact::new("kept", start - lost, FactKind::Count)]))
}

fn evaluate_customer_lifespan(v: &Values) -> Result<Evaluation, Violation> {
    let churn = v.get("churn_percent");
    let value = need(customer_lifespan(churn), "churn_percent")?;
    // In months and years both: CLV asks for years, a shop counts months.
    let years = value / v.period().unwrap_or(RatePeriod::Month).per_year();
    Ok(Evaluation::simple(value).with_facts([
        Fact::new("churn_fraction", churn / 100.0, FactKind::Fraction),
        Fact::new("months", years * 12.0, FactKind::Number),
        Fact::new("years", years, FactKind::Number),
    ]))
}
