//! Subscription family: projected retention of members from one or more
//! sign-up cohorts (the shifted-beta-geometric model, [`crate::predict::sbg`]),
//! with a member's value against the naive "1 / churn"; and MRR churn with
//! net revenue retention (`predict.md` §6), the formulas the billing
//! analysis works out every month with.

use super::{need, percent};
use crate::error::ErrorCode;
use crate::metric::{
    Curves, Evaluation, Example, Fact, FactKind, Group, InputKind::*, InputSpec as In, MetricDef, Unit, Values,
    Violation,
};
use crate::predict::sbg::{fit_cohorts, naive_value, spread, Cohort, Fitted};

/// Periods a projection may reach: thirty years of months.
pub const MAX_HORIZON: f64 = 360.0;

/// Periods observed below which a projection is only a first sketch.
const FEW_PERIODS: usize = 3;

/// The paper's two cohorts of 1,000 customers (Fader & Hardie 2007).
const REGULAR: &[f64] = &[100.0, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1];
const HIGH_END: &[f64] = &[100.0, 86.9, 74.3, 65.3, 59.3, 55.1, 51.7, 49.1];

/// Gross MRR churn in percent: (churned + contraction) / MRR at the start
/// × 100; `None` without MRR at the start.
///
/// ```
/// use retention_metrics::metrics::subscription::gross_mrr_churn;
/// assert_eq!(gross_mrr_churn(100.0, 10.0, 10.0), Some(20.0));
/// ```
pub fn gross_mrr_churn(mrr_start: f64, churned: f64, contraction: f64) -> Option<f64> {
    percent(churned + contraction, mrr_start)
}

/// Net MRR churn in percent: (churned + contraction − expansion −
/// reactivation) / MRR at the start × 100; below 0 when growth from those
/// who stay outweighs what was lost.
///
/// ```
/// use retention_metrics::metrics::subscription::net_mrr_churn;
/// assert_eq!(net_mrr_churn(100.0, 10.0, 10.0, 10.0, 0.0), Some(10.0));
/// ```
pub fn net_mrr_churn(mrr_start: f64, churned: f64, contraction: f64, expansion: f64, reactivated: f64) -> Option<f64> {
    percent(churned + contraction - expansion - reactivated, mrr_start)
}

/// Net revenue retention in percent: 100 − net MRR churn.
///
/// ```
/// use retention_metrics::metrics::subscription::net_revenue_retention;
/// assert_eq!(net_revenue_retention(10.0), 90.0);
/// ```
pub fn net_revenue_retention(net_mrr_churn: f64) -> f64 {
    100.0 - net_mrr_churn
}

/// Catalog entries of the subscription family.
pub const DEFINITIONS: &[MetricDef] = &[MRR_CHURN, PROJECTION];

/// How far the lost MRR may pass the start before it is refused: one cent of
/// rounding, never a real excess.
const ROUNDING_CENT: f64 = 0.011;

/// Gross MRR churn, with the net churn and NRR in its steps: one calculator
/// for the three figures a billing analysis gives each month.
const MRR_CHURN: MetricDef = MetricDef {
    id: "mrr_churn",
    group: Group::Subscription,
    unit: Unit::Percent,
    decimals: 1,
    inputs: &[
        In::new("mrr_start", Money).positive(),
        In::new("churned", Money),
        In::new("contraction", Money).default(0.0),
        In::new("expansion", Money).default(0.0),
        In::new("reactivated", Money).default(0.0),
    ],
    examples: &[Example {
        id: "general",
        series: &[],
        inputs: &[("mrr_start", 100.0), ("churned", 10.0), ("contraction", 10.0), ("expansion", 10.0)],
        value: 20.0,
    }],
    benchmark: None,
    evaluate: evaluate_mrr_churn,
};

fn evaluate_mrr_churn(v: &Values) -> Result<Evaluation, Violation> {
    let start = v.get("mrr_start");
    let (churned, contraction) = (v.get("churned"), v.get("contraction"));
    let (expansion, reactivated) = (v.get("expansion"), v.get("reactivated"));
    // A month's movements linked from the billing table are each rounded to
    // cents, so together they may pass the rounded start by a cent.
    if churned + contraction - start > ROUNDING_CENT {
        let most = Fact::new("max", start, FactKind::Money);
        return Err(Violation {
            field: "churned",
            code: ErrorCode::OutOfRange,
            message: "more_than_start",
            facts: vec![most],
        });
    }
    let gross = need(gross_mrr_churn(start, churned, contraction), "mrr_start")?;
    let net = need(net_mrr_churn(start, churned, contraction, expansion, reactivated), "mrr_start")?;
    let mut evaluation = Evaluation::simple(gross).with_facts([
        Fact::new("lost", churned + contraction, FactKind::Money),
        Fact::new("won_back", expansion + reactivated, FactKind::Money),
        Fact::new("net", net, FactKind::Percent),
        Fact::new("nrr", net_revenue_retention(net), FactKind::Percent),
    ]);
    // Below zero, net churn is growth: NRR reads 100 % + the growth, not "100 % − −2 %".
    if net < 0.0 {
        evaluation.facts.push(Fact::new("growth", -net, FactKind::Percent));
        evaluation.steps = vec!["main", "net", "nrr_growth"];
        evaluation.reading = "negative";
    } else {
        evaluation.steps = vec!["main", "net", "nrr"];
    }
    Ok(evaluation)
}

const PROJECTION: MetricDef = MetricDef {
    id: "retention_projection",
    group: Group::Subscription,
    unit: Unit::Percent,
    decimals: 1,
    inputs: &[
        In::new("survival", Series),
        In::new("horizon", Count).default(12.0).at_least(1.0),
        In::new("price", Money).optional(),
        In::new("discount", Percent).default(0.0),
    ],
    examples: &[
        Example { id: "regular", series: &[REGULAR], inputs: &[("horizon", 12.0)], value: 17.003_745_280_986_266 },
        Example { id: "high_end", series: &[HIGH_END], inputs: &[("horizon", 12.0)], value: 37.799_907_160_403_81 },
    ],
    benchmark: None,
    evaluate: evaluate_projection,
};

fn evaluate_projection(v: &Values) -> Result<Evaluation, Violation> {
    let cohorts: Vec<Cohort> = v.series().iter().map(|series| Cohort::from_series(series)).collect();
    let horizon = v.get("horizon");
    if horizon > MAX_HORIZON {
        let most = Fact::new("max", MAX_HORIZON, FactKind::Count);
        return Err(Violation { field: "horizon", code: ErrorCode::OutOfRange, message: "horizon", facts: vec![most] });
    }
    let Fitted { fit: found, pooled, observed_periods: periods } = fit_cohorts(&cohorts).map_err(|reason| {
        Violation { field: "survival", code: ErrorCode::CannotFit, message: reason.id(), facts: Vec::new() }
    })?;
    let model = found.params;
    let h = horizon as u32;
    let survival = model.survival(h);
    let value = 100.0 * survival[h as usize];
    let churn = pooled.churn();
    let discount = v.get("discount") / 100.0;
    let mut evaluation = Evaluation::simple(value).with_facts([
        Fact::new("alpha", model.alpha, FactKind::Fraction),
        Fact::new("beta", model.beta, FactKind::Fraction),
        Fact::new("cohorts", cohorts.len() as f64, FactKind::Count),
        Fact::new("periods", periods as f64, FactKind::Count),
        Fact::new("first", 100.0 * model.retention(1), FactKind::Percent),
        Fact::new("last", 100.0 * model.retention(h), FactKind::Percent),
        Fact::new("churn", 100.0 * churn, FactKind::Percent),
        Fact::new("naive_periods", 1.0 / churn, FactKind::Number),
    ]);
    // The main step is the survival itself; the main reading, members who differ somewhat.
    evaluation.steps = vec!["fit", "retention", "main"];
    evaluation.reading = spread(&model);
    match (model.expected_lifetime(), model.median_lifetime()) {
        (Some(mean), _) => {
            evaluation.facts.push(Fact::new("lifetime", mean, FactKind::Number));
            evaluation.steps.push("lifetime");
        }
        (None, Some(median)) => {
            evaluation.facts.push(Fact::new("median", f64::from(median), FactKind::Count));
            evaluation.steps.push("lifetime_endless");
        }
        (None, None) => {}
    }
    if let Some(rest) = model.discounted_residual_lifetime(periods as u32, discount) {
        evaluation.facts.push(Fact::new("residual", rest, FactKind::Number));
        evaluation.steps.push("residual");
    }
    evaluation.steps.push("naive");
    if let Some(price) = v.opt("price") {
        match model.member_value(price, discount) {
            Some(clv) => {
                evaluation.facts.push(Fact::new("clv", clv, FactKind::Money));
                evaluation.steps.push("value");
            }
            None => evaluation.warnings.push("endless"),
        }
        if let Some(naive) = naive_value(price, churn, discount) {
            evaluation.facts.push(Fact::new("naive_value", naive, FactKind::Money));
            evaluation.steps.push("naive_value");
        }
    }
    if periods < FEW_PERIODS {
        evaluation.warnings.push("short");
    }
    evaluation.curves =
        Some(Curves { observed: pooled.survival, projected: survival.iter().map(|s| 100.0 * s).collect() });
    Ok(evaluation)
}
