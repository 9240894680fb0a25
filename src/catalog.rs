//! The metric catalog: the single source of ids, inputs, validation rules,
//! units and worked examples. The page and the widget build their forms from
//! [`catalog`]; a metric added to a family's `DEFINITIONS` appears there with
//! no JavaScript change. All words (names, labels, formulas, readings) come
//! from the language files through [`crate::text`].

use serde::Serialize;

use crate::benchmark::{Benchmark, SECTORS};
use crate::compute::{Evaluation, Values, Violation};
use crate::locale::Locale;
use crate::metrics;
use crate::text::Texts;

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
}

impl Group {
    fn id(self) -> &'static str {
        match self {
            Group::Retention => "retention",
            Group::Value => "value",
            Group::Satisfaction => "satisfaction",
            Group::Cost => "cost",
            Group::Loyalty => "loyalty",
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
    /// Any number zero or more (frequencies, years, shares).
    Number,
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

/// Every metric, grouped in picker order.
pub fn definitions() -> impl Iterator<Item = &'static MetricDef> {
    [
        metrics::retention::DEFINITIONS,
        metrics::value::DEFINITIONS,
        metrics::satisfaction::DEFINITIONS,
        metrics::cost::DEFINITIONS,
        metrics::loyalty::DEFINITIONS,
    ]
    .into_iter()
    .flatten()
}

/// The definition with this id.
pub fn find(id: &str) -> Option<&'static MetricDef> {
    definitions().find(|m| m.id == id)
}

/// A metric as the page sees it: definition plus words in one language.
#[derive(Debug, Clone, Serialize)]
pub struct MetricInfo {
    /// Public id.
    pub id: &'static str,
    /// Group id.
    pub group: &'static str,
    /// Group name in the reader's language.
    pub group_name: String,
    /// Metric name.
    pub name: String,
    /// Short abbreviation, when the metric has one (CRR, AOV, NPS…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// What it measures and why it matters.
    pub description: String,
    /// How often to look at it, when the spec says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cadence: Option<String>,
    /// The formula in symbols.
    pub formula: String,
    /// Result unit.
    pub unit: Unit,
    /// True when an input or the result is money (the page shows a currency picker).
    pub money: bool,
    /// Inputs in form order.
    pub inputs: Vec<InputInfo>,
    /// Worked examples.
    pub examples: Vec<ExampleInfo>,
    /// Sectors to compare with, when the benchmark is by sector.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sectors: Option<Vec<SectorInfo>>,
}

/// One input as the page sees it.
#[derive(Debug, Clone, Serialize)]
pub struct InputInfo {
    /// Input id.
    pub id: &'static str,
    /// Label, including the symbol used in the formula.
    pub label: String,
    /// One line of help.
    pub help: String,
    /// What it holds.
    pub kind: InputKind,
    /// May be left empty.
    pub optional: bool,
    /// Must be more than `min`, not just equal to it (a count you divide by).
    pub positive: bool,
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value (percentages: 100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Value used when left empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<f64>,
}

/// A worked example as the page sees it.
#[derive(Debug, Clone, Serialize)]
pub struct ExampleInfo {
    /// `"coffee"`, `"general"`, …
    pub id: &'static str,
    /// Button text.
    pub name: String,
    /// Inputs by id.
    pub inputs: std::collections::BTreeMap<&'static str, f64>,
    /// The expected result.
    pub value: f64,
}

/// A sector the retention rate can be compared with.
#[derive(Debug, Clone, Serialize)]
pub struct SectorInfo {
    /// Sector id used in the address (`sector=restaurants`).
    pub id: &'static str,
    /// Sector name.
    pub name: String,
    /// Its average (or target) retention rate in percent.
    pub value: f64,
}

/// The whole catalog in the reader's language.
///
/// ```
/// use retention_metrics::{catalog, Locale};
/// let metrics = catalog(Locale::En);
/// assert_eq!(metrics.len(), 20);
/// assert_eq!(metrics[0].id, "retention_rate");
/// assert_eq!(metrics[0].formula, "((E − N) / S) × 100");
/// ```
pub fn catalog(lang: Locale) -> Vec<MetricInfo> {
    let texts = Texts::for_locale(lang);
    definitions().map(|def| describe(def, texts)).collect()
}

fn describe(def: &MetricDef, texts: &Texts) -> MetricInfo {
    let key = |suffix: &str| format!("metric.{}.{suffix}", def.id);
    let money = def.unit == Unit::Money || def.inputs.iter().any(|i| i.kind == InputKind::Money);
    MetricInfo {
        id: def.id,
        group: def.group.id(),
        group_name: texts.get(&format!("group.{}", def.group.id())).to_string(),
        name: texts.get(&key("name")).to_string(),
        short: texts.find(&key("short")).map(str::to_string),
        description: texts.get(&key("description")).to_string(),
        cadence: texts.find(&key("cadence")).map(str::to_string),
        formula: texts.get(&key("formula")).to_string(),
        unit: def.unit,
        money,
        inputs: def.inputs.iter().map(|input| describe_input(def, input, texts)).collect(),
        examples: def
            .examples
            .iter()
            .map(|ex| ExampleInfo {
                id: ex.id,
                name: texts.get(&key(&format!("example.{}", ex.id))).to_string(),
                inputs: ex.inputs.iter().copied().collect(),
                value: ex.value,
            })
            .collect(),
        sectors: (def.benchmark == Some(Benchmark::Sectors)).then(|| {
            SECTORS
                .iter()
                .map(|s| SectorInfo {
                    id: s.id,
                    name: texts.get(&format!("sector.{}", s.id)).to_string(),
                    value: s.retention_percent,
                })
                .collect()
        }),
    }
}

fn describe_input(def: &MetricDef, input: &InputSpec, texts: &Texts) -> InputInfo {
    let key = format!("metric.{}.input.{}", def.id, input.id);
    InputInfo {
        id: input.id,
        label: texts.get(&key).to_string(),
        help: texts.get(&format!("{key}.help")).to_string(),
        kind: input.kind,
        optional: input.optional,
        positive: input.positive,
        min: input.min.unwrap_or(0.0),
        max: input.fixed_max(),
        default: input.default,
    }
}
