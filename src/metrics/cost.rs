//! Cost family: retention cost, acquisition cost, CLV : CAC, acquisition vs
//! retention.

use super::{need, ratio};
use crate::metric::{
    Benchmark, Evaluation, Example, Fact, FactKind, Group, InputKind::*, InputSpec as In, MetricDef, Unit, Values,
    Violation,
};
use crate::reference::ACQUISITION_COST;

/// Customer retention cost per active customer: the period's retention
/// costs added up, divided by the active customers; `None` without any.
///
/// ```
/// use retention_metrics::metrics::cost::retention_cost;
/// assert_eq!(retention_cost(&[5000.0, 900.0, 2500.0], 700.0), Some(12.0));
/// ```
pub fn retention_cost(costs: &[f64], active_customers: f64) -> Option<f64> {
    ratio(costs.iter().sum(), active_customers)
}

/// Customer acquisition cost: sales and marketing spend / new customers.
///
/// ```
/// use retention_metrics::metrics::cost::acquisition_cost;
/// assert_eq!(acquisition_cost(1500.0, 60.0), Some(25.0));
/// ```
pub fn acquisition_cost(spend: f64, new_customers: f64) -> Option<f64> {
    ratio(spend, new_customers)
}

/// Catalog entries of the cost family.
pub const DEFINITIONS: &[MetricDef] = &[
    MetricDef {
        id: "retention_cost",
        group: Group::Cost,
        unit: Unit::Money,
        decimals: 2,
        inputs: &[
            In::new("team", Money),
            In::new("software", Money),
            In::new("program", Money),
            In::new("other", Money).optional(),
            In::new("active_customers", Count).positive(),
        ],
        examples: &[Example {
            id: "coffee",
            series: &[],
            inputs: &[("team", 5000.0), ("software", 900.0), ("program", 2500.0), ("active_customers", 700.0)],
            value: 12.0,
        }],
        benchmark: None,
        evaluate: evaluate_retention_cost,
    },
    MetricDef {
        id: "acquisition_cost",
        group: Group::Cost,
        unit: Unit::Money,
        decimals: 2,
        inputs: &[In::new("spend", Money), In::new("new_customers", Count).positive()],
        examples: &[Example {
            id: "coffee",
            series: &[],
            inputs: &[("spend", 1500.0), ("new_customers", 60.0)],
            value: 25.0,
        }],
        benchmark: None,
        evaluate: evaluate_acquisition_cost,
    },
    MetricDef {
        id: "clv_to_cac",
        group: Group::Cost,
        unit: Unit::Ratio,
        decimals: 1,
        inputs: &[In::new("clv", Money), In::new("cac", Money).positive()],
        examples: &[Example { id: "general", series: &[], inputs: &[("clv", 1000.0), ("cac", 250.0)], value: 4.0 }],
        benchmark: None,
        evaluate: evaluate_clv_to_cac,
    },
    MetricDef {
        id: "acquisition_vs_retention",
        group: Group::Cost,
        unit: Unit::Ratio,
        decimals: 1,
        inputs: &[In::new("cac", Money), In::new("retention_cost", Money).positive()],
        examples: &[Example {
            id: "coffee",
            series: &[],
            inputs: &[("cac", 60.0), ("retention_cost", 12.0)],
            value: 5.0,
        }],
        benchmark: Some(Benchmark::Range(5.0, 25.0, ACQUISITION_COST)),
        evaluate: evaluate_acquisition_vs_retention,
    },
];

fn evaluate_retention_cost(v: &Values) -> Result<Evaluation, Violation> {
    let other = v.opt("other");
    let costs = [v.get("team"), v.get("software"), v.get("program"), other.unwrap_or(0.0)];
    let value = need(retention_cost(&costs, v.get("active_customers")), "active_customers")?;
    let mut evaluation =
        Evaluation::simple(value).with_facts([Fact::new("total", costs.iter().sum(), FactKind::Money)]);
    evaluation.steps = vec![if other.is_some() { "total_with_other" } else { "total" }, "main"];
    Ok(evaluation)
}

fn evaluate_acquisition_cost(v: &Values) -> Result<Evaluation, Violation> {
    Ok(Evaluation::simple(need(acquisition_cost(v.get("spend"), v.get("new_customers")), "new_customers")?))
}

fn evaluate_clv_to_cac(v: &Values) -> Result<Evaluation, Violation> {
    let mut evaluation = Evaluation::simple(need(ratio(v.get("clv"), v.get("cac")), "cac")?);
    if evaluation.value < 1.0 {
        evaluation.reading = "below_one";
    }
    Ok(evaluation)
}

fn evaluate_acquisition_vs_retention(v: &Values) -> Result<Evaluation, Violation> {
    let mut evaluation = Evaluation::simple(need(ratio(v.get("cac"), v.get("retention_cost")), "retention_cost")?);
    if evaluation.value < 1.0 {
        evaluation.reading = "below_one";
    }
    Ok(evaluation)
}
