//! Loyalty family: repeat purchase rate, referral rate, reward redemption
//! rate, punch-card reward cost.

use super::{need, percent};
use crate::metric::{
    Benchmark, Evaluation, Example, Fact, FactKind, Group, InputKind::*, InputSpec as In, MetricDef, Unit, Values,
    Violation,
};
use crate::reference::CAFE_REPEAT;

/// Repeat purchase rate: customers with two or more purchases as a
/// percentage of all unique customers.
///
/// ```
/// use retention_metrics::metrics::loyalty::repeat_purchase_rate;
/// assert_eq!(repeat_purchase_rate(150.0, 500.0), Some(30.0));
/// ```
pub fn repeat_purchase_rate(repeat_customers: f64, customers: f64) -> Option<f64> {
    percent(repeat_customers, customers)
}

/// Punch-card reward cost as an effective discount in percent:
/// reward cost / (paid visits per reward × AOV) × 100.
///
/// ```
/// use retention_metrics::metrics::loyalty::punch_card_cost;
/// let discount = punch_card_cost(10.0, 7.0, 1.5).unwrap();
/// assert!((discount - 2.142857).abs() < 1e-6);
/// ```
pub fn punch_card_cost(visits_per_reward: f64, aov: f64, reward_cost: f64) -> Option<f64> {
    percent(reward_cost, visits_per_reward * aov)
}

/// Catalog entries of the loyalty family.
pub const DEFINITIONS: &[MetricDef] = &[
    MetricDef {
        id: "repeat_purchase_rate",
        group: Group::Loyalty,
        unit: Unit::Percent,
        decimals: 1,
        inputs: &[
            In::new("repeat_customers", Count).at_most_input("customers"),
            In::new("customers", Count).positive(),
        ],
        examples: &[
            Example {
                id: "coffee",
                series: &[],
                inputs: &[("repeat_customers", 150.0), ("customers", 500.0)],
                value: 30.0,
            },
            Example {
                id: "general",
                series: &[],
                inputs: &[("repeat_customers", 200.0), ("customers", 1000.0)],
                value: 20.0,
            },
        ],
        benchmark: Some(Benchmark::Reference(30.0, CAFE_REPEAT)),
        evaluate: evaluate_repeat_purchase_rate,
    },
    MetricDef {
        id: "referral_rate",
        group: Group::Loyalty,
        unit: Unit::Percent,
        decimals: 1,
        inputs: &[
            In::new("referred", Count).at_most_input("new_customers"),
            In::new("new_customers", Count).positive(),
        ],
        examples: &[Example {
            id: "coffee",
            series: &[],
            inputs: &[("referred", 15.0), ("new_customers", 60.0)],
            value: 25.0,
        }],
        benchmark: None,
        evaluate: evaluate_referral_rate,
    },
    MetricDef {
        id: "redemption_rate",
        group: Group::Loyalty,
        unit: Unit::Percent,
        decimals: 1,
        inputs: &[In::new("redeemed", Count), In::new("issued", Count).positive()],
        examples: &[Example {
            id: "coffee",
            series: &[],
            inputs: &[("redeemed", 45.0), ("issued", 120.0)],
            value: 37.5,
        }],
        benchmark: None,
        evaluate: evaluate_redemption_rate,
    },
    MetricDef {
        id: "punch_card_cost",
        group: Group::Loyalty,
        unit: Unit::Percent,
        decimals: 1,
        inputs: &[
            In::new("visits_per_reward", Count).positive().at_least(1.0),
            In::new("aov", Money).positive(),
            In::new("reward_cost", Money),
        ],
        examples: &[Example {
            id: "coffee",
            series: &[],
            inputs: &[("visits_per_reward", 10.0), ("aov", 7.0), ("reward_cost", 1.5)],
            value: 2.142857142857143,
        }],
        benchmark: None,
        evaluate: evaluate_punch_card_cost,
    },
];

fn evaluate_repeat_purchase_rate(v: &Values) -> Result<Evaluation, Violation> {
    Ok(Evaluation::simple(need(repeat_purchase_rate(v.get("repeat_customers"), v.get("customers")), "customers")?))
}

fn evaluate_referral_rate(v: &Values) -> Result<Evaluation, Violation> {
    Ok(Evaluation::simple(need(percent(v.get("referred"), v.get("new_customers")), "new_customers")?))
}

fn evaluate_redemption_rate(v: &Values) -> Result<Evaluation, Violation> {
    let mut evaluation = Evaluation::simple(need(percent(v.get("redeemed"), v.get("issued")), "issued")?);
    if evaluation.value > 100.0 {
        evaluation.warnings.push("over_100");
    }
    Ok(evaluation)
}

fn evaluate_punch_card_cost(v: &Values) -> Result<Evaluation, Violation> {
    let (visits, aov, reward) = (v.get("visits_per_reward"), v.get("aov"), v.get("reward_cost"));
    let value = need(punch_card_cost(visits, aov, reward), "aov")?;
    Ok(Evaluation::simple(value).with_facts([Fact::new("spend", visits * aov, FactKind::Money)]))
}
