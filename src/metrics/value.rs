//! Value family: average order value, purchase frequency, customer lifetime
//! value, monthly recurring revenue.

use super::{need, percent, ratio};
use crate::metric::{
    Evaluation, Example, Fact, FactKind, Group, InputKind::*, InputSpec as In, MetricDef, Unit, Values, Violation,
};

/// Average order value: revenue / orders; `None` without orders.
///
/// ```
/// use retention_metrics::metrics::value::average_order_value;
/// assert_eq!(average_order_value(21_000.0, 3_000.0), Some(7.0));
/// ```
pub fn average_order_value(revenue: f64, orders: f64) -> Option<f64> {
    ratio(revenue, orders)
}

/// Purchase frequency: orders / unique customers; `None` without customers.
///
/// ```
/// use retention_metrics::metrics::value::purchase_frequency;
/// assert_eq!(purchase_frequency(50_000.0, 500.0), Some(100.0));
/// ```
pub fn purchase_frequency(orders: f64, customers: f64) -> Option<f64> {
    ratio(orders, customers)
}

/// Customer lifetime value: AOV × purchases per year × lifespan in years,
/// times `margin_percent / 100` when a gross margin is given.
///
/// ```
/// use retention_metrics::metrics::value::customer_lifetime_value;
/// assert_eq!(customer_lifetime_value(7.0, 100.0, 3.0, None), 2100.0);
/// assert_eq!(customer_lifetime_value(50.0, 4.0, 5.0, Some(60.0)), 600.0);
/// ```
pub fn customer_lifetime_value(aov: f64, frequency: f64, lifespan_years: f64, margin_percent: Option<f64>) -> f64 {
    let revenue = aov * frequency * lifespan_years;
    margin_percent.map_or(revenue, |margin| revenue * margin / 100.0)
}

/// What `customers` bring in over the next twelve months when `monthly_kept`
/// percent of them stay each month: those still customers at the end of
/// month m buy that month, so revenue = customers × AOV × visits a year / 12
/// × (r + r² + … + r¹²), with r the monthly share kept.
///
/// ```
/// use retention_metrics::metrics::value::revenue_kept_over_year;
/// assert_eq!(revenue_kept_over_year(10.0, 5.0, 12.0, 100.0), 600.0); // nobody leaves
/// assert_eq!(revenue_kept_over_year(10.0, 5.0, 12.0, 0.0), 0.0);
/// ```
pub fn revenue_kept_over_year(customers: f64, aov: f64, visits_per_year: f64, monthly_kept: f64) -> f64 {
    let r = monthly_kept / 100.0;
    let kept_months: f64 = (1..=12).map(|m| r.powi(m)).sum();
    customers * aov * visits_per_year / 12.0 * kept_months
}

/// The share (%) of all revenue that `part` brought in; `None` unless the
/// revenue is positive (a share of a loss says nothing).
///
/// ```
/// use retention_metrics::metrics::value::revenue_share;
/// assert_eq!(revenue_share(25.0, 200.0), Some(12.5));
/// assert_eq!(revenue_share(25.0, -10.0), None);
/// ```
pub fn revenue_share(part: f64, revenue: f64) -> Option<f64> {
    percent(part, revenue).filter(|_| revenue > 0.0)
}

/// Monthly recurring revenue: paying customers × average revenue per customer.
///
/// ```
/// use retention_metrics::metrics::value::monthly_recurring_revenue;
/// assert_eq!(monthly_recurring_revenue(100.0, 50.0), 5000.0);
/// ```
pub fn monthly_recurring_revenue(customers: f64, arpc: f64) -> f64 {
    customers * arpc
}

/// Catalog entries of the value family.
pub const DEFINITIONS: &[MetricDef] = &[
    MetricDef {
        id: "average_order_value",
        group: Group::Value,
        unit: Unit::Money,
        decimals: 2,
        inputs: &[In::new("revenue", Money), In::new("orders", Count).positive()],
        examples: &[Example {
            id: "coffee",
            series: &[],
            inputs: &[("revenue", 21_000.0), ("orders", 3_000.0)],
            value: 7.0,
        }],
        benchmark: None,
        evaluate: evaluate_average_order_value,
    },
    MetricDef {
        id: "purchase_frequency",
        group: Group::Value,
        unit: Unit::Count,
        decimals: 2,
        inputs: &[In::new("orders", Count), In::new("customers", Count).positive()],
        examples: &[Example {
            id: "coffee",
            series: &[],
            inputs: &[("orders", 50_000.0), ("customers", 500.0)],
            value: 100.0,
        }],
        benchmark: None,
        evaluate: evaluate_purchase_frequency,
    },
    MetricDef {
        id: "customer_lifetime_value",
        group: Group::Value,
        unit: Unit::Money,
        decimals: 2,
        inputs: &[
            In::new("aov", Money),
            In::new("frequency", Number),
            In::new("lifespan_years", Years),
            In::new("margin_percent", Percent).optional(),
        ],
        examples: &[
            Example {
                id: "coffee",
                series: &[],
                inputs: &[("aov", 7.0), ("frequency", 100.0), ("lifespan_years", 3.0)],
                value: 2100.0,
            },
            Example {
                id: "general",
                series: &[],
                inputs: &[("aov", 50.0), ("frequency", 4.0), ("lifespan_years", 5.0)],
                value: 1000.0,
            },
        ],
        benchmark: None,
        evaluate: evaluate_customer_lifetime_value,
    },
    MetricDef {
        id: "monthly_recurring_revenue",
        group: Group::Value,
        unit: Unit::Money,
        decimals: 2,
        inputs: &[In::new("customers", Count), In::new("arpc", Money)],
        examples: &[Example {
            id: "general",
            series: &[],
            inputs: &[("customers", 100.0), ("arpc", 50.0)],
            value: 5000.0,
        }],
        benchmark: None,
        evaluate: evaluate_monthly_recurring_revenue,
    },
];

fn evaluate_average_order_value(v: &Values) -> Result<Evaluation, Violation> {
    Ok(Evaluation::simple(need(average_order_value(v.get("revenue"), v.get("orders")), "orders")?))
}

fn evaluate_purchase_frequency(v: &Values) -> Result<Evaluation, Violation> {
    Ok(Evaluation::simple(need(purchase_frequency(v.get("orders"), v.get("customers")), "customers")?))
}

fn evaluate_customer_lifetime_value(v: &Values) -> Result<Evaluation, Violation> {
    let (aov, frequency, years) = (v.get("aov"), v.get("frequency"), v.get("lifespan_years"));
    let margin = v.opt("margin_percent");
    let value = customer_lifetime_value(aov, frequency, years, margin);
    let revenue = Fact::new("revenue", customer_lifetime_value(aov, frequency, years, None), FactKind::Money);
    let mut evaluation = Evaluation::simple(value).with_facts([revenue]);
    if margin.is_some() {
        evaluation.steps = vec!["revenue", "margin"];
        evaluation.reading = "margin";
    }
    Ok(evaluation)
}

fn evaluate_monthly_recurring_revenue(v: &Values) -> Result<Evaluation, Violation> {
    let value = monthly_recurring_revenue(v.get("customers"), v.get("arpc"));
    Ok(Evaluation::simple(value).with_facts([Fact::new("yearly", value * 12.0, FactKind::Money)]))
}
