//! Satisfaction family: NPS, CSAT, CES, survey response rate, contact rate.

use super::{need, net_share, percent, ratio};
use crate::error::ErrorCode;
use crate::metric::{
    Benchmark, Evaluation, Example, Fact, FactKind, Group, InputKind::*, InputSpec as In, MetricDef, Unit, Values,
    Violation,
};
use crate::reference::NPS_BANDS;

/// Net Promoter Score from counts (or shares) of promoters, passives and
/// detractors: % promoters − % detractors, from −100 to 100; `None` when all
/// three are zero.
///
/// ```
/// use retention_metrics::metrics::satisfaction::net_promoter_score;
/// assert_eq!(net_promoter_score(60.0, 25.0, 15.0), Some(45.0));
/// let exact = net_promoter_score(2.0, 3.0, 1.0).unwrap();
/// assert!((exact - 16.6667).abs() < 1e-4); // shown as 17, not 33 − 17
/// ```
pub fn net_promoter_score(promoters: f64, passives: f64, detractors: f64) -> Option<f64> {
    net_share(promoters, passives, detractors)
}

/// The customer effort index on a 1–7 scale: % answering 6–7 (easy) − %
/// answering 1–3 (hard), 4–5 counting in the total only; `None` without
/// answers. Reported beside the mean effort and the share who agree.
///
/// ```
/// use retention_metrics::metrics::satisfaction::ces_index;
/// assert_eq!(ces_index(5.0, 3.0, 2.0), Some(30.0));
/// ```
pub fn ces_index(easy: f64, neutral: f64, hard: f64) -> Option<f64> {
    net_share(easy, neutral, hard)
}

/// Customer satisfaction score: satisfied answers as a percentage of all.
///
/// ```
/// use retention_metrics::metrics::satisfaction::customer_satisfaction;
/// assert_eq!(customer_satisfaction(400.0, 500.0), Some(80.0));
/// ```
pub fn customer_satisfaction(satisfied: f64, responses: f64) -> Option<f64> {
    percent(satisfied, responses)
}

/// Customer effort score: the mean rating, sum / number of ratings.
///
/// ```
/// use retention_metrics::metrics::satisfaction::customer_effort_score;
/// assert_eq!(customer_effort_score(280.0, 50.0), Some(5.6));
/// ```
pub fn customer_effort_score(score_sum: f64, responses: f64) -> Option<f64> {
    ratio(score_sum, responses)
}

/// Support contacts per order.
///
/// ```
/// use retention_metrics::metrics::satisfaction::contact_rate;
/// assert_eq!(contact_rate(45.0, 1500.0), Some(0.03));
/// ```
pub fn contact_rate(contacts: f64, orders: f64) -> Option<f64> {
    ratio(contacts, orders)
}

/// Catalog entries of the satisfaction family.
pub const DEFINITIONS: &[MetricDef] = &[
    MetricDef {
        id: "net_promoter_score",
        group: Group::Satisfaction,
        unit: Unit::Score,
        decimals: 0,
        inputs: &[In::new("promoters", Number), In::new("passives", Number).optional(), In::new("detractors", Number)],
        examples: &[
            Example {
                id: "coffee",
                series: &[],
                inputs: &[("promoters", 60.0), ("passives", 25.0), ("detractors", 15.0)],
                value: 45.0,
            },
            Example { id: "general", series: &[], inputs: &[("promoters", 70.0), ("detractors", 10.0)], value: 60.0 },
        ],
        benchmark: Some(Benchmark::NpsBands(NPS_BANDS)),
        evaluate: evaluate_net_promoter_score,
    },
    MetricDef {
        id: "customer_satisfaction",
        group: Group::Satisfaction,
        unit: Unit::Percent,
        decimals: 1,
        inputs: &[In::new("satisfied", Count).at_most_input("responses"), In::new("responses", Count).positive()],
        examples: &[Example {
            id: "general",
            series: &[],
            inputs: &[("satisfied", 400.0), ("responses", 500.0)],
            value: 80.0,
        }],
        benchmark: None,
        evaluate: evaluate_customer_satisfaction,
    },
    MetricDef {
        id: "customer_effort_score",
        group: Group::Satisfaction,
        unit: Unit::Score,
        decimals: 2,
        inputs: &[
            In::new("score_sum", Number),
            In::new("responses", Count).positive(),
            In::new("scale_max", Count).default(7.0).at_least(2.0),
        ],
        examples: &[Example {
            id: "coffee",
            series: &[],
            inputs: &[("score_sum", 280.0), ("responses", 50.0), ("scale_max", 7.0)],
            value: 5.6,
        }],
        benchmark: None,
        evaluate: evaluate_customer_effort_score,
    },
    MetricDef {
        id: "survey_response_rate",
        group: Group::Satisfaction,
        unit: Unit::Percent,
        decimals: 1,
        inputs: &[In::new("responses", Count).at_most_input("sent"), In::new("sent", Count).positive()],
        examples: &[Example {
            id: "coffee",
            series: &[],
            inputs: &[("responses", 120.0), ("sent", 800.0)],
            value: 15.0,
        }],
        benchmark: None,
        evaluate: evaluate_survey_response_rate,
    },
    MetricDef {
        id: "contact_rate",
        group: Group::Satisfaction,
        unit: Unit::PerOrder,
        decimals: 3,
        inputs: &[In::new("contacts", Count), In::new("orders", Count).positive()],
        examples: &[Example {
            id: "coffee",
            series: &[],
            inputs: &[("contacts", 45.0), ("orders", 1500.0)],
            value: 0.03,
        }],
        benchmark: None,
        evaluate: evaluate_contact_rate,
    },
];

fn evaluate_net_promoter_score(v: &Values) -> Result<Evaluation, Violation> {
    let (promoters, detractors) = (v.get("promoters"), v.get("detractors"));
    let blame_total = |code, message| Violation { field: "promoters", code, message, facts: Vec::new() };
    let Some(passives) = v.opt("passives") else {
        // Without passives the two inputs are already percentages.
        if promoters + detractors > 100.0 {
            return Err(Violation {
                field: "detractors",
                code: ErrorCode::Exceeds,
                message: "shares_over_100",
                facts: Vec::new(),
            });
        }
        if promoters + detractors == 0.0 {
            return Err(blame_total(ErrorCode::Zero, "total_zero"));
        }
        return Ok(Evaluation::simple(promoters - detractors).with_facts([
            Fact::new("promoter_share", promoters, FactKind::Percent),
            Fact::new("detractor_share", detractors, FactKind::Percent),
            Fact::new("passive_share", 100.0 - promoters - detractors, FactKind::Percent),
        ]));
    };
    let total = promoters + passives + detractors;
    let value = net_promoter_score(promoters, passives, detractors)
        .ok_or_else(|| blame_total(ErrorCode::Zero, "total_zero"))?;
    let mut evaluation = Evaluation::simple(value).with_facts([
        Fact::new("total", total, FactKind::Number),
        Fact::new("promoter_share", promoters * 100.0 / total, FactKind::Percent),
        Fact::new("passive_share", passives * 100.0 / total, FactKind::Percent),
        Fact::new("detractor_share", detractors * 100.0 / total, FactKind::Percent),
    ]);
    evaluation.steps = vec!["shares", "main"];
    Ok(evaluation)
}

fn evaluate_customer_satisfaction(v: &Values) -> Result<Evaluation, Violation> {
    Ok(Evaluation::simple(need(customer_satisfaction(v.get("satisfied"), v.get("responses")), "responses")?))
}

fn evaluate_customer_effort_score(v: &Values) -> Result<Evaluation, Violation> {
    let (sum, responses, scale_max) = (v.get("score_sum"), v.get("responses"), v.get("scale_max"));
    let bounds = [
        Fact::new("lowest", responses, FactKind::Number),
        Fact::new("highest", responses * scale_max, FactKind::Number),
    ];
    if sum < responses || sum > responses * scale_max {
        return Err(Violation {
            field: "score_sum",
            code: ErrorCode::OutOfRange,
            message: "sum_out_of_range",
            facts: bounds.to_vec(),
        });
    }
    Ok(Evaluation::simple(need(customer_effort_score(sum, responses), "responses")?).with_facts(bounds))
}

fn evaluate_survey_response_rate(v: &Values) -> Result<Evaluation, Violation> {
    Ok(Evaluation::simple(need(percent(v.get("responses"), v.get("sent")), "sent")?))
}

fn evaluate_contact_rate(v: &Values) -> Result<Evaluation, Violation> {
    let value = need(contact_rate(v.get("contacts"), v.get("orders")), "orders")?;
    let mut evaluation = Evaluation::simple(value).with_facts([Fact::new("per_100", value * 100.0, FactKind::Number)]);
    if value == 0.0 {
        evaluation.reading = "none";
    }
    Ok(evaluation)
}
