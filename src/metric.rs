//! The vocabulary of a metric: what a definition holds (inputs and their
//! rules, unit, examples, the comparison it offers), what a formula is given
//! (validated [`Values`]) and what it returns (an [`Evaluation`] or a
//! [`Violation`]).
//!
//! A leaf of the crate: the families in [`crate::metrics`] declare their
//! metrics with these types, the catalog lists them, the benchmark compares
//! with their references and the driver in [`crate::compute`](mod@crate::compute) runs them, and
//! none of those needs another to say what a metric is.

use serde::Serialize;

use crate::error::ErrorCode;
use crate::reference::{Figure, Measure, RatePeriod};

/// The family a metric belongs to; the picker groups by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)] // The names are the groups.
pub enum Group {
    Retention,
    Value,
    Satisfaction,
    Cost,
    Loyalty,
    Subscription,
}

impl Group {
    /// The group's id, as the catalog and the language files name it.
    pub fn id(self) -> &'static str {
        match self {
            Group::Retention => "retention",
            Group::Value => "value",
            Group::Satisfaction => "satisfaction",
            Group::Cost => "cost",
            Group::Loyalty => "loyalty",
            Group::Subscription => "subscription",
        }
    }
}

/// What a result measures; decides how it is displayed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// In percent: 90 means 90 %.
    Percent,
    /// An amount in the currency the reader picks.
    Money,
    /// A number of people or things.
    Count,
    /// One quantity over another of the same kind (`3.5×`).
    Ratio,
    /// A number of periods (the period of the churn rate given).
    Periods,
    /// A score on the metric's own scale (NPS −100..100, CES 1..7).
    Score,
    /// A number per order.
    PerOrder,
}

/// What an input holds; decides the checks and how it is written back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    /// Whole people or things: `1.5` is rejected.
    Count,
    /// An amount of money, zero or more.
    Money,
    /// A percentage from 0 to 100.
    Percent,
    /// Any number zero or more (frequencies, shares).
    Number,
    /// A duration in years, zero or more; typed in months or weeks
    /// (`36 months`) it is converted, and the result says so.
    Years,
    /// The period a rate covers: `month` (the default), `quarter` or `year`.
    Period,
    /// Survivors per period of one or more cohorts as typed or pasted: a
    /// line per cohort, period 0 (everyone) first.
    Series,
}

/// One input of a metric, with its validation rules.
#[derive(Debug, Clone, Copy)]
pub struct InputSpec {
    /// The snake_case id used in `compute` and in the address.
    pub id: &'static str,
    /// What it holds.
    pub kind: InputKind,
    /// May be left empty.
    pub optional: bool,
    /// Used when left empty (implies optional).
    pub default: Option<f64>,
    /// Must be more than zero, not just zero or more.
    pub positive: bool,
    /// Smallest allowed value when above zero (e.g. at least 1 visit).
    pub min: Option<f64>,
    /// Another input this one is part of and so cannot exceed (lost ≤ start).
    pub part_of: Option<&'static str>,
}

impl InputSpec {
    /// A required input of the given kind with no further rule.
    pub const fn new(id: &'static str, kind: InputKind) -> InputSpec {
        InputSpec { id, kind, optional: false, default: None, positive: false, min: None, part_of: None }
    }
    /// The input must be more than zero.
    pub const fn positive(mut self) -> InputSpec {
        self.positive = true;
        self
    }
    /// The input may be left empty.
    pub const fn optional(mut self) -> InputSpec {
        self.optional = true;
        self
    }
    /// Left empty, the input takes this value.
    pub const fn default(mut self, value: f64) -> InputSpec {
        self.default = Some(value);
        self.optional = true;
        self
    }
    /// The input must be at least `min`.
    pub const fn at_least(mut self, min: f64) -> InputSpec {
        self.min = Some(min);
        self
    }
    /// The input must not exceed another input.
    pub const fn at_most_input(mut self, other: &'static str) -> InputSpec {
        self.part_of = Some(other);
        self
    }

    /// The fixed upper bound: 100 for a percentage.
    pub fn fixed_max(&self) -> Option<f64> {
        (self.kind == InputKind::Percent).then_some(100.0)
    }
}

/// A worked example that one click loads.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// `"coffee"` for the coffee-shop scenario, `"general"` for the general
    /// business one; the widget's `example="coffee"` picks by this id.
    pub id: &'static str,
    /// The inputs, by input id.
    pub inputs: &'static [(&'static str, f64)],
    /// A series input's cohorts (period 0 first), for the metrics that take one.
    pub series: &'static [&'static [f64]],
    /// The exact result the spec gives.
    pub value: f64,
}

/// Everything the engine knows about one metric except its words.
#[derive(Debug, Clone, Copy)]
pub struct MetricDef {
    /// The public id (`"retention_rate"`).
    pub id: &'static str,
    /// The picker group.
    pub group: Group,
    /// The unit of the result.
    pub unit: Unit,
    /// Decimals shown (trailing zeros trimmed); money always shows 0 or 2.
    pub decimals: usize,
    /// The inputs in form order.
    pub inputs: &'static [InputSpec],
    /// Worked examples, spec ones first.
    pub examples: &'static [Example],
    /// How the result compares with a reference, if the spec gives one.
    pub benchmark: Option<Benchmark>,
    /// The formula on validated inputs; cross-field checks that single-field
    /// rules cannot express return a [`Violation`].
    pub evaluate: fn(&Values) -> Result<Evaluation, Violation>,
}

/// The validated inputs of one calculation, by id.
#[derive(Debug, Clone)]
pub struct Values {
    values: Vec<(&'static str, Option<f64>)>,
    period: Option<RatePeriod>,
    series: Vec<Vec<f64>>,
}

impl Values {
    /// Inputs as read, in the catalog's order (`None`: left empty, no
    /// default), and the period of a metric that has one.
    pub(crate) fn new(
        values: Vec<(&'static str, Option<f64>)>,
        period: Option<RatePeriod>,
        series: Vec<Vec<f64>>,
    ) -> Values {
        Values { values, period, series }
    }

    /// The cohorts of a metric with a series input, one list per line typed.
    pub fn series(&self) -> &[Vec<f64>] {
        &self.series
    }

    /// The period the rate covers, for a metric with a period input.
    pub fn period(&self) -> Option<RatePeriod> {
        self.period
    }

    /// A required input (validated present); 0 if the catalog and the
    /// formula disagree about its id, which the catalog tests rule out.
    pub fn get(&self, id: &str) -> f64 {
        self.opt(id).unwrap_or(0.0)
    }

    /// An optional input, `None` when left empty.
    pub fn opt(&self, id: &str) -> Option<f64> {
        self.values.iter().find(|(k, _)| *k == id).and_then(|(_, v)| *v)
    }

    /// The inputs that have a value, in the catalog's order.
    pub fn present(&self) -> impl Iterator<Item = (&'static str, f64)> + '_ {
        self.values.iter().filter_map(|&(id, value)| Some((id, value?)))
    }
}

/// How a named number in a step or reading is written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FactKind {
    /// Whole number with grouping.
    Count,
    /// Money in the chosen currency.
    Money,
    /// Percent, 1 decimal.
    Percent,
    /// Plain number, up to 2 decimals.
    Number,
    /// Plain number, up to 4 decimals (intermediate fractions such as 0.9).
    Fraction,
}

/// A named number that steps and readings refer to as `{name}`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fact {
    /// The `{name}` texts use for it.
    pub name: &'static str,
    /// Its value at full precision; the kind decides how it is written.
    pub value: f64,
    /// How to write it.
    pub kind: FactKind,
}

impl Fact {
    /// A fact about a named quantity.
    pub const fn new(name: &'static str, value: f64, kind: FactKind) -> Fact {
        Fact { name, value, kind }
    }
}

/// What a formula returns: the value and the words to explain it.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// The result at full precision.
    pub value: f64,
    /// Derived numbers the texts refer to, besides the inputs and `{value}`.
    pub facts: Vec<Fact>,
    /// Text keys (under `metric.<id>.step.`) of the worked steps, in order.
    pub steps: Vec<&'static str>,
    /// Text key (under `metric.<id>.reading.`) of the reading.
    pub reading: &'static str,
    /// Text keys (under `metric.<id>.warning.`) of warnings.
    pub warnings: Vec<&'static str>,
    /// Curves to draw beside the result, for a metric that projects.
    pub curves: Option<Curves>,
}

/// What a projection draws: the observed points and the model's curve, in
/// the metric's unit, per period from 0.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Curves {
    /// As observed (pooled over cohorts).
    pub observed: Vec<f64>,
    /// As the model projects to the horizon.
    pub projected: Vec<f64>,
}

impl Evaluation {
    /// A result explained by one step and the default reading.
    pub fn simple(value: f64) -> Evaluation {
        Evaluation {
            value,
            facts: Vec::new(),
            steps: vec!["main"],
            reading: "main",
            warnings: Vec::new(),
            curves: None,
        }
    }

    /// Adds named numbers for the texts.
    pub fn with_facts(mut self, facts: impl IntoIterator<Item = Fact>) -> Evaluation {
        self.facts.extend(facts);
        self
    }
}

/// A rule across several inputs that the values break.
#[derive(Debug, Clone)]
pub struct Violation {
    /// The input to mark.
    pub field: &'static str,
    /// The public code.
    pub code: ErrorCode,
    /// Text key (under `metric.<id>.error.`) of the message.
    pub message: &'static str,
    /// Derived numbers the message refers to.
    pub facts: Vec<Fact>,
}

/// The kind of comparison a metric offers; each carries its figure's
/// population and source ([`crate::reference`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Benchmark {
    /// A retention or churn rate against the reader's sector, or the general
    /// 80 % a year when no sector is picked; the rate is first converted to
    /// the period of the figure it meets.
    Rate(Measure),
    /// Net Promoter Score bands: below 0, above 0, 45 very good, 50+ excellent.
    NpsBands(Figure),
    /// Above or below one reference value, in points.
    Reference(f64, Figure),
    /// Below, within or above a range (e.g. 5–25×).
    Range(f64, f64, Figure),
}
