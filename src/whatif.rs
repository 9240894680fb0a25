//! What if retention, visits or the average order were a little higher:
//! the lifespan, lifetime value, customers kept and the next twelve months'
//! revenue, today and with the change, each worked out with the reader's
//! numbers, and what the change is worth against winning new customers.
//!
//! Every figure comes from the one formula that defines it
//! ([`crate::metrics`]): the yearly retention from [`retention_over`], the
//! lifespan from [`customer_lifespan`], the value from
//! [`customer_lifetime_value`], the revenue from [`revenue_kept_over_year`].

use serde::Serialize;

use crate::compute::{InputReader, RawInputs};
use crate::error::{ErrorCode, Rejected};
use crate::format::{Currency, Writer};
use crate::locale::Locale;
use crate::metric::{Fact, FactKind, InputKind::*, InputSpec as In, Violation};
use crate::metrics::retention::{customer_lifespan, retention_over};
use crate::metrics::value::{customer_lifetime_value, revenue_kept_over_year};
use crate::reference::RatePeriod;
use crate::text::Texts;

/// The inputs: today's figures (a retention rate with its period, or a
/// lifespan in years), and the changes to try.
const INPUTS: &[In] = &[
    In::new("customers", Count).optional(),
    In::new("retention", Percent).optional(),
    In::new("period", Period).optional(),
    In::new("lifespan_years", Number).optional().positive(),
    In::new("visits", Number).positive(),
    In::new("aov", Money).positive(),
    In::new("acquisition_cost", Money).optional(),
    In::new("more_retention", Number).default(0.0),
    In::new("more_visits", Number).default(0.0),
    In::new("more_aov", Money).default(0.0),
];

/// One side of the comparison: today, or with the change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scenario {
    /// Retention per period in percent, when it was given as a rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retention: Option<f64>,
    /// Customers kept over a year, in percent.
    pub yearly_retention: f64,
    /// Customers kept over a month, in percent (what the revenue compounds).
    pub monthly_retention: f64,
    /// Average customer lifespan in years: 1 / yearly churn.
    pub lifespan_years: f64,
    /// Visits (orders) a year per customer.
    pub visits: f64,
    /// Average order value.
    pub aov: f64,
    /// Customer lifetime value: AOV × visits a year × lifespan.
    pub clv: f64,
    /// Of today's customers, those still customers in 12 months.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kept_12_months: Option<f64>,
    /// What today's customers bring in over the next 12 months.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revenue_12_months: Option<f64>,
}

/// Today against the change, worked out and put into money.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatIf {
    /// The period of the retention rate, when one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<&'static str>,
    /// With today's figures.
    pub now: Scenario,
    /// With the changes.
    pub changed: Scenario,
    /// The changed figures worked out with the reader's numbers, one line each.
    pub steps: Vec<String>,
    /// What the change is worth, in sentences.
    pub worth: Vec<String>,
    /// Winning as many new customers as the change keeps would cost this
    /// (the acquisition cost × customers kept more, counted whole), when
    /// both are known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acquisition_saved: Option<f64>,
}

/// How to read the inputs and write the result.
#[derive(Debug, Clone, Copy, Default)]
pub struct WhatIfOptions {
    /// Decides `1,234` vs `1.234` in typed numbers.
    pub locale: Option<Locale>,
    /// The language of the words.
    pub lang: Locale,
    /// The currency money is written in.
    pub currency: Currency,
}

/// How customers leave: a rate per period (a retention calculator), or one
/// lifespan in years (a lifetime value calculator).
#[derive(Debug, Clone, Copy)]
enum Leaving {
    Rate { percent: f64, period: RatePeriod },
    Lifespan { years: f64 },
}

impl Leaving {
    /// The share lost in a year (may exceed 1 for a lifespan under a year,
    /// as 1 / lifespan does).
    fn yearly_churn(self) -> f64 {
        match self {
            Leaving::Rate { percent, period } => 1.0 - retention_over(percent, period, RatePeriod::Year) / 100.0,
            Leaving::Lifespan { years } => 1.0 / years,
        }
    }

    /// `points` more kept: on the rate's own period, or on the yearly
    /// retention a lifespan implies.
    fn improved(self, points: f64) -> Leaving {
        match self {
            Leaving::Rate { percent, period } => Leaving::Rate { percent: percent + points, period },
            Leaving::Lifespan { years } => Leaving::Lifespan { years: 1.0 / (1.0 / years - points / 100.0) },
        }
    }
}

/// Works out today's figures and the changed ones.
///
/// ```
/// use retention_metrics::whatif::{what_if, WhatIfOptions};
/// let inputs = [("customers", 200.0), ("retention", 90.0), ("visits", 100.0), ("aov", 7.0), ("more_retention", 2.0)]
///     .into_iter().map(|(k, v)| (k.to_string(), Some(v.into()))).collect();
/// let result = what_if(&inputs, &WhatIfOptions::default()).unwrap();
/// assert!((result.now.yearly_retention - 28.243).abs() < 1e-3); // 90 % a month, held a year
/// assert!(result.changed.lifespan_years > result.now.lifespan_years);
/// ```
pub fn what_if(raw: &RawInputs, options: &WhatIfOptions) -> Result<WhatIf, Rejected> {
    let texts = Texts::for_locale(options.lang);
    let writer = Writer { lang: options.lang, currency: options.currency };
    let reader = InputReader { prefix: "ui.whatif".to_string(), inputs: INPUTS, texts, writer };
    let values = reader.read_inputs(raw, options.locale)?;
    let violation = |field: &'static str, message: &'static str, facts: Vec<Fact>| {
        reader.reject_violation(&values, &Violation { field, code: ErrorCode::OutOfRange, message, facts })
    };
    let leaving = match (values.opt("retention"), values.opt("lifespan_years")) {
        (Some(percent), _) => Leaving::Rate { percent, period: values.period().unwrap_or(RatePeriod::Month) },
        (None, Some(years)) => Leaving::Lifespan { years },
        (None, None) => {
            return Err(violation("retention", "no_retention", Vec::new()));
        }
    };
    let points = values.get("more_retention");
    if let Leaving::Rate { percent, .. } = leaving {
        if percent + points > 100.0 {
            let most = Fact::new("most", 100.0 - percent, FactKind::Number);
            return Err(violation("more_retention", "over_100", vec![most]));
        }
    }
    let changed_leaving = leaving.improved(points);
    if changed_leaving.yearly_churn() <= 0.0 {
        let field = if points > 0.0 { "more_retention" } else { "retention" };
        return Err(violation(field, "nobody_leaves", Vec::new()));
    }
    let customers = values.opt("customers");
    let (visits, aov) = (values.get("visits"), values.get("aov"));
    let now = scenario(leaving, customers, visits, aov);
    let changed =
        scenario(changed_leaving, customers, visits + values.get("more_visits"), aov + values.get("more_aov"));
    let words = Words { texts, writer };
    let acquisition_saved = values
        .opt("acquisition_cost")
        .zip(kept_more(&now, &changed))
        .map(|(cost, more)| cost * more)
        .filter(|saved| *saved > 0.0);
    Ok(WhatIf {
        period: values.period().filter(|_| matches!(leaving, Leaving::Rate { .. })).map(RatePeriod::id),
        steps: words.steps(changed_leaving, &changed, customers),
        worth: words.worth(&now, &changed, values.opt("acquisition_cost"), acquisition_saved),
        now,
        changed,
        acquisition_saved,
    })
}

/// How many more of today's customers stay a year: people are whole, so
/// the difference of the two counts as written (56 → 74 is 18 more).
fn kept_more(now: &Scenario, changed: &Scenario) -> Option<f64> {
    Some(changed.kept_12_months?.round() - now.kept_12_months?.round())
}

fn scenario(leaving: Leaving, customers: Option<f64>, visits: f64, aov: f64) -> Scenario {
    let churn = leaving.yearly_churn();
    let lifespan_years = customer_lifespan(churn * 100.0).unwrap_or(0.0);
    let yearly_retention = (100.0 * (1.0 - churn)).max(0.0);
    let monthly_retention = match leaving {
        Leaving::Rate { percent, period } => retention_over(percent, period, RatePeriod::Month),
        Leaving::Lifespan { .. } => retention_over(yearly_retention, RatePeriod::Year, RatePeriod::Month),
    };
    Scenario {
        retention: match leaving {
            Leaving::Rate { percent, .. } => Some(percent),
            Leaving::Lifespan { .. } => None,
        },
        yearly_retention,
        monthly_retention,
        lifespan_years,
        visits,
        aov,
        clv: customer_lifetime_value(aov, visits, lifespan_years, None),
        kept_12_months: customers.map(|n| n * yearly_retention / 100.0),
        revenue_12_months: customers.map(|n| revenue_kept_over_year(n, aov, visits, monthly_retention)),
    }
}

/// The texts and the number writer the what-if speaks with.
struct Words<'a> {
    texts: &'a Texts,
    writer: Writer,
}

impl Words<'_> {
    fn fill(&self, key: &str, facts: &[Fact]) -> String {
        self.texts.fill(&format!("ui.whatif.{key}"), &|name| {
            facts.iter().find(|f| f.name == name).map(|f| self.writer.fact(f.kind, f.value))
        })
    }

    /// The changed scenario worked out, one formula a line.
    fn steps(&self, leaving: Leaving, changed: &Scenario, customers: Option<f64>) -> Vec<String> {
        let churn = 100.0 - changed.yearly_retention;
        let mut steps = Vec::new();
        match leaving {
            Leaving::Rate { percent, period } if period != RatePeriod::Year => steps.push(self.fill(
                "step.yearly",
                &[
                    Fact::new("rate", percent / 100.0, FactKind::Fraction),
                    Fact::new("n", period.per_year(), FactKind::Count),
                    Fact::new("yearly", changed.yearly_retention, FactKind::Percent),
                ],
            )),
            Leaving::Rate { .. } => {}
            Leaving::Lifespan { .. } => steps.push(self.fill(
                "step.churn",
                &[
                    Fact::new("yearly", changed.yearly_retention, FactKind::Percent),
                    Fact::new("churn", churn, FactKind::Percent),
                ],
            )),
        }
        let years = Fact::new("years", changed.lifespan_years, FactKind::Number);
        steps.push(self.fill("step.lifespan", &[Fact::new("churn", churn, FactKind::Percent), years]));
        let aov = Fact::new("aov", changed.aov, FactKind::Money);
        let visits = Fact::new("visits", changed.visits, FactKind::Number);
        steps.push(self.fill("step.clv", &[aov, visits, years, Fact::new("clv", changed.clv, FactKind::Money)]));
        if let (Some(n), Some(kept), Some(revenue)) = (customers, changed.kept_12_months, changed.revenue_12_months) {
            let n = Fact::new("customers", n, FactKind::Count);
            steps.push(self.fill(
                "step.kept",
                &[
                    n,
                    Fact::new("yearly", changed.yearly_retention, FactKind::Percent),
                    Fact::new("kept", kept, FactKind::Count),
                ],
            ));
            steps.push(self.fill(
                "step.revenue",
                &[
                    n,
                    aov,
                    visits,
                    Fact::new("monthly", changed.monthly_retention / 100.0, FactKind::Fraction),
                    Fact::new("revenue", revenue, FactKind::Money),
                ],
            ));
        }
        steps
    }

    /// What the change is worth, in money where it can be.
    fn worth(&self, now: &Scenario, changed: &Scenario, cost: Option<f64>, saved: Option<f64>) -> Vec<String> {
        let clv_more = changed.clv - now.clv;
        if clv_more.abs() < 0.005 {
            return vec![self.fill("worth.none", &[])];
        }
        let mut worth = vec![self.fill(
            "worth.clv",
            &[
                Fact::new("more", clv_more, FactKind::Money),
                Fact::new("now", now.clv, FactKind::Money),
                Fact::new("then", changed.clv, FactKind::Money),
            ],
        )];
        if let (Some(more), Some(revenue_before), Some(revenue_then)) =
            (kept_more(now, changed), now.revenue_12_months, changed.revenue_12_months)
        {
            let kept_more = Fact::new("kept", more, FactKind::Count);
            let revenue_more = Fact::new("revenue", revenue_then - revenue_before, FactKind::Money);
            let key = if more >= 1.0 { "worth.kept" } else { "worth.revenue" };
            worth.push(self.fill(key, &[kept_more, revenue_more]));
            if let (Some(cost), Some(saved)) = (cost, saved) {
                worth.push(self.fill(
                    "worth.acquisition",
                    &[kept_more, Fact::new("cost", cost, FactKind::Money), Fact::new("saved", saved, FactKind::Money)],
                ));
            }
        }
        worth
    }
}
