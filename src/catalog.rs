//! The metric catalog: the single source of ids, inputs, validation rules,
//! units and worked examples. The page and the widget build their forms from
//! [`catalog`]; a metric added to a family's `DEFINITIONS` appears there with
//! no JavaScript change. All words (names, labels, formulas, readings) come
//! from the language files through [`crate::text`].

use serde::Serialize;

use crate::locale::Locale;
use crate::metric::{Benchmark, InputKind, InputSpec, MetricDef, Unit};
use crate::metrics;
use crate::reference::{Measure, RatePeriod, SECTORS};
use crate::text::Texts;

/// Every metric, grouped in picker order.
pub fn definitions() -> impl Iterator<Item = &'static MetricDef> {
    [
        metrics::retention::DEFINITIONS,
        metrics::value::DEFINITIONS,
        metrics::satisfaction::DEFINITIONS,
        metrics::cost::DEFINITIONS,
        metrics::loyalty::DEFINITIONS,
        metrics::subscription::DEFINITIONS,
    ]
    .into_iter()
    .flatten()
}

/// The definition with this id.
pub fn find(id: &str) -> Option<&'static MetricDef> {
    definitions().find(|m| m.id == id)
}

/// What a rate metric counts (kept or lost), for the metrics whose rate has
/// a period and is compared by sector.
pub fn rate_measure(id: &str) -> Option<Measure> {
    match find(id)?.benchmark? {
        Benchmark::Rate(measure) => Some(measure),
        _ => None,
    }
}

/// A metric as the page sees it: definition plus words in one language.
#[derive(Debug, Clone, Serialize)]
pub struct MetricInfo {
    /// The id `compute` and the address take (`retention_rate`).
    pub id: &'static str,
    /// The group's id, which the picker sorts by.
    pub group: &'static str,
    /// Group name in the reader's language.
    pub group_name: String,
    /// The metric's name in the reader's language.
    pub name: String,
    /// Short abbreviation, when the metric has one (CRR, AOV, NPS…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// Other names people search it by, in the reader's language and then
    /// in English (rezygnacja, odpływ klientów, attrition, LTV …): English
    /// terms and abbreviations are used in every language.
    pub synonyms: Vec<String>,
    /// What it measures and why it matters.
    pub description: String,
    /// How often to look at it, when the spec says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cadence: Option<String>,
    /// The formula in symbols.
    pub formula: String,
    /// What the result measures; decides how the page writes it.
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
    /// The id `compute` and the address take (`start`).
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
    /// The values to choose from, for an input that is a choice (a period);
    /// the first is used when left empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<ChoiceInfo>>,
}

/// One value of a choice input.
#[derive(Debug, Clone, Serialize)]
pub struct ChoiceInfo {
    /// The id `compute` and the address take (`"quarter"`).
    pub id: &'static str,
    /// Its name in the reader's language.
    pub label: String,
}

/// A worked example as the page sees it.
#[derive(Debug, Clone, Serialize)]
pub struct ExampleInfo {
    /// `"coffee"`, `"general"`, …
    pub id: &'static str,
    /// The example's button text.
    pub name: String,
    /// Inputs by id.
    pub inputs: std::collections::BTreeMap<&'static str, f64>,
    /// The result the example gives, at full precision.
    pub value: f64,
    /// A series input's cohorts, for the metrics that take one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub series: Vec<Vec<f64>>,
}

/// A sector the retention and churn rates can be compared with.
#[derive(Debug, Clone, Serialize)]
pub struct SectorInfo {
    /// Sector id used in the address (`sector=restaurants`).
    pub id: &'static str,
    /// Sector name.
    pub name: String,
    /// Its average (or target) rate in percent.
    pub value: f64,
    /// What the rate counts: customers kept or lost.
    pub measure: Measure,
    /// The period the rate covers.
    pub period: RatePeriod,
}

/// The whole catalog in the reader's language.
///
/// ```
/// use retention_metrics::{catalog, Locale};
/// let metrics = catalog(Locale::En);
/// assert_eq!(metrics.len(), 22);
/// assert_eq!(metrics[0].id, "retention_rate");
/// assert_eq!(metrics[0].formula, "((E − N) / S) × 100");
/// ```
pub fn catalog(lang: Locale) -> Vec<MetricInfo> {
    let texts = Texts::for_locale(lang);
    definitions().map(|def| describe(def, texts)).collect()
}

/// The synonyms at `key`, in the reader's language first, then English's
/// not already among them; each language lists them comma-separated.
fn synonyms(key: &str, texts: &Texts) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for list in [texts.find(key), Texts::for_locale(Locale::En).find(key)].into_iter().flatten() {
        for synonym in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            if !found.iter().any(|known| known.eq_ignore_ascii_case(synonym)) {
                found.push(synonym.to_string());
            }
        }
    }
    found
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
        synonyms: synonyms(&key("synonyms"), texts),
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
                inputs: {
                    let mut inputs = std::collections::BTreeMap::new();
                    inputs.extend(ex.inputs.iter().copied());
                    inputs
                },
                value: ex.value,
                series: ex.series.iter().map(|cohort| cohort.to_vec()).collect(),
            })
            .collect(),
        sectors: matches!(def.benchmark, Some(Benchmark::Rate(_))).then(|| {
            SECTORS
                .iter()
                .map(|s| SectorInfo {
                    id: s.id,
                    name: texts.get(&format!("sector.{}", s.id)).to_string(),
                    value: s.figure.percent,
                    measure: s.figure.measure,
                    period: s.figure.period,
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
        choices: (input.kind == InputKind::Period).then(|| {
            RatePeriod::ALL
                .iter()
                .map(|p| ChoiceInfo { id: p.id(), label: texts.get(&format!("period.name.{}", p.id())).to_string() })
                .collect()
        }),
    }
}
