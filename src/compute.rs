//! One calculation: read what was typed, check it against the catalog's
//! rules, apply the formula, and explain the result in the reader's words.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::benchmark::{self, BenchmarkResult};
use crate::catalog::{self, InputKind, InputSpec, MetricDef, Unit};
use crate::error::{ErrorCode, FieldError, Rejected};
use crate::format::{
    decimals_for, format_money, format_money_as_typed, format_number, format_percent, format_percent_to,
    round_half_away, Currency,
};
use crate::ingest::number::{read_number, NumberError};
use crate::locale::Locale;
use crate::text::Texts;

/// Inputs larger than this are rejected: no shop counts a trillion customers,
/// and the cap keeps every product of inputs far from overflowing to ∞.
pub const MAX_INPUT: f64 = 1e12;

/// Results beyond this (ten trillion) are refused as unreadable: below it,
/// f64 still holds every cent exactly, so the display never shows noise.
pub const MAX_RESULT: f64 = 1e13;

/// An input value as it arrives: a number, or text as a person typed it.
#[derive(Debug, Clone, PartialEq)]
pub enum RawValue {
    /// A number (from JavaScript or Rust).
    Number(f64),
    /// Text such as `"1 234,50"`; `""` means not given.
    Text(String),
    /// Anything else JavaScript may pass (a boolean, an object): not a number.
    Other,
}

impl From<f64> for RawValue {
    fn from(value: f64) -> Self {
        RawValue::Number(value)
    }
}

impl From<&str> for RawValue {
    fn from(text: &str) -> Self {
        RawValue::Text(text.to_string())
    }
}

/// Inputs by id. Unknown ids are ignored, so a whole address can be passed.
pub type RawInputs = BTreeMap<String, Option<RawValue>>;

/// How to read the inputs and write the result.
#[derive(Debug, Clone, Default)]
pub struct ComputeOptions {
    /// Decides `1,234` vs `1.234` in typed numbers; `None` guesses where the
    /// text is unambiguous and rejects it otherwise.
    pub locale: Option<Locale>,
    /// The language of the words and number formats in the result; defaults
    /// to `locale`, then English.
    pub lang: Option<Locale>,
    /// The currency money is shown in.
    pub currency: Currency,
    /// The sector to compare with (`"restaurants"`), for metrics that have
    /// sector benchmarks.
    pub sector: Option<String>,
}

/// A finished calculation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricResult {
    /// The metric id.
    pub id: &'static str,
    /// Full precision; never NaN or ∞.
    pub value: f64,
    /// What the value measures.
    pub unit: Unit,
    /// The value rounded and written for the reader (`"90%"`, `"$2,100"`).
    pub display: String,
    /// The formula in symbols.
    pub formula: String,
    /// The formula with the reader's numbers, one line per stage.
    pub steps: Vec<String>,
    /// One plain-language sentence about what the value means.
    pub reading: String,
    /// How the value compares with the spec's reference, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<BenchmarkResult>,
    /// Things the reader should know (contradictory inputs, unusual values).
    pub warnings: Vec<String>,
    /// The inputs as the engine read them (`"1 234,5"` → 1234.5), in the
    /// catalog's order; optional inputs left empty are absent. Exports and
    /// embedders get the numbers the result was worked out from.
    #[serde(serialize_with = "ordered_map")]
    pub inputs: Vec<(&'static str, f64)>,
}

/// Pairs as a JSON object that keeps their order (`{"start": 200, "end": 210}`).
fn ordered_map<S: serde::Serializer>(pairs: &[(&'static str, f64)], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_map(pairs.iter().map(|(id, value)| (id, value)))
}

/// The validated inputs of one calculation, by id.
#[derive(Debug, Clone)]
pub struct Values {
    values: Vec<(&'static str, Option<f64>)>,
}

impl Values {
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
    /// Placeholder name.
    pub name: &'static str,
    /// The number.
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
}

impl Evaluation {
    /// A result explained by one step and the default reading.
    pub fn simple(value: f64) -> Evaluation {
        Evaluation { value, facts: Vec::new(), steps: vec!["main"], reading: "main", warnings: Vec::new() }
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

/// Computes a metric from inputs as typed.
///
/// ```
/// use retention_metrics::{compute, ComputeOptions, RawInputs};
/// let inputs: RawInputs = [("start", 200.0), ("end", 210.0), ("new", 30.0)]
///     .into_iter().map(|(k, v)| (k.to_string(), Some(v.into()))).collect();
/// let result = compute("retention_rate", &inputs, &ComputeOptions::default()).unwrap();
/// assert_eq!(result.value, 90.0);
/// assert_eq!(result.steps[0], "((210 − 30) / 200) × 100 = 90%");
/// ```
pub fn compute(id: &str, inputs: &RawInputs, options: &ComputeOptions) -> Result<MetricResult, Rejected> {
    let lang = options.lang.or(options.locale).unwrap_or_default();
    let texts = Texts::for_locale(lang);
    let writer = Writer { lang, currency: options.currency };
    let Some(def) = catalog::find(id) else {
        let message = texts.fill("error.unknown_metric", &|name| (name == "text").then(|| id.to_string()));
        return Err(Rejected {
            errors: vec![FieldError { field: "metric".into(), code: ErrorCode::UnknownMetric, message }],
        });
    };
    let context = Context { def, texts, writer };
    let values = context.read_inputs(inputs, options.locale)?;
    let evaluation = (def.evaluate)(&values).map_err(|v| context.reject_violation(&values, &v))?;
    if !(evaluation.value.abs() <= MAX_RESULT) {
        // NaN fails the comparison too, so none reaches the page. The input
        // to check first is the largest one; the message asks for all.
        let largest =
            def.inputs.iter().max_by(|a, b| values.get(a.id).total_cmp(&values.get(b.id))).unwrap_or(&def.inputs[0]);
        let fact = Fact::new("max", MAX_RESULT, FactKind::Count);
        let violation = Violation {
            field: largest.id,
            code: ErrorCode::OutOfRange,
            message: "result_too_large",
            facts: vec![fact],
        };
        return Err(context.reject_violation(&values, &violation));
    }
    Ok(context.explain(&values, &evaluation, options.sector.as_deref()))
}

/// Writes numbers in one language and currency.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Writer {
    pub(crate) lang: Locale,
    pub(crate) currency: Currency,
}

impl Writer {
    pub(crate) fn fact(&self, kind: FactKind, value: f64) -> String {
        match kind {
            FactKind::Count => format_number(value, 0, true, self.lang),
            FactKind::Money => format_money(value, self.currency, self.lang),
            FactKind::Percent => format_percent(value, self.lang),
            FactKind::Number => format_number(value, 2, true, self.lang),
            FactKind::Fraction => format_number(value, 4, true, self.lang),
        }
    }

    /// An input echoed in steps and messages at the precision it was typed
    /// (up to 4 decimals), so that `1 / (0.25% / 100)` reads as typed.
    fn input(&self, kind: InputKind, value: f64) -> String {
        match kind {
            InputKind::Count => self.fact(FactKind::Count, value),
            InputKind::Money => format_money_as_typed(value, self.currency, self.lang),
            InputKind::Percent => format_percent_to(value, 4, self.lang),
            InputKind::Number => self.fact(FactKind::Fraction, value),
        }
    }

    /// The result as shown: the unit's rounding, in the reader's format.
    pub(crate) fn result(&self, texts: &Texts, unit: Unit, decimals: usize, value: f64) -> String {
        // Rates keep the spec's 1 decimal and NPS its whole number; other
        // units show a tiny value (0.0003 per order) rather than 0.
        let decimals = match unit {
            Unit::Ratio | Unit::Periods | Unit::PerOrder | Unit::Count => decimals_for(value, decimals),
            Unit::Percent | Unit::Money | Unit::Score => decimals,
        };
        let number = format_number(value, decimals, true, self.lang);
        let with_unit = |key: &str| texts.fill(key, &|name| (name == "n").then(|| number.clone()));
        match unit {
            Unit::Percent => format_percent(value, self.lang),
            Unit::Money => format_money(value, self.currency, self.lang),
            Unit::Ratio => with_unit("unit.ratio"),
            Unit::Periods => with_unit("unit.periods"),
            Unit::PerOrder => with_unit("unit.per_order"),
            Unit::Count | Unit::Score => number,
        }
    }
}

struct Context<'a> {
    def: &'static MetricDef,
    texts: &'a Texts,
    writer: Writer,
}

impl Context<'_> {
    fn label(&self, input: &str) -> String {
        self.texts.get(&format!("metric.{}.input.{input}", self.def.id)).to_string()
    }

    fn read_inputs(&self, raw: &RawInputs, locale: Option<Locale>) -> Result<Values, Rejected> {
        let read: Vec<_> = self
            .def
            .inputs
            .iter()
            .map(|spec| self.read_one(spec, raw.get(spec.id).and_then(Option::as_ref), locale))
            .collect();
        let values = Values {
            values: self.def.inputs.iter().zip(&read).map(|(spec, r)| (spec.id, r.clone().ok().flatten())).collect(),
        };
        // In form order: an input's own error, else its limit by another input
        // (checked only when both read well).
        let errors: Vec<FieldError> = self
            .def
            .inputs
            .iter()
            .zip(read)
            .filter_map(|(spec, read)| read.err().or_else(|| self.exceeded(spec, &values)))
            .collect();
        if errors.is_empty() {
            Ok(values)
        } else {
            Err(Rejected { errors })
        }
    }

    /// The error for an input larger than the input that limits it.
    fn exceeded(&self, spec: &InputSpec, values: &Values) -> Option<FieldError> {
        let other = spec.part_of?;
        let (value, limit) = (values.opt(spec.id)?, values.opt(other)?);
        (value > limit).then(|| {
            self.error(
                spec,
                ErrorCode::Exceeds,
                "error.exceeds",
                &[
                    ("value", self.writer.input(spec.kind, value)),
                    ("other", self.label(other)),
                    ("limit", self.writer.input(spec.kind, limit)),
                ],
            )
        })
    }

    fn read_one(
        &self,
        spec: &InputSpec,
        raw: Option<&RawValue>,
        locale: Option<Locale>,
    ) -> Result<Option<f64>, FieldError> {
        let value = match raw {
            Some(RawValue::Number(n)) if n.is_finite() => Ok(*n),
            Some(RawValue::Number(_)) | Some(RawValue::Other) => Err(NumberError::Invalid),
            Some(RawValue::Text(text)) => read_number(text, locale),
            None => Err(NumberError::Empty),
        };
        // What the person typed, quoted back in messages exactly as typed.
        let typed = || match raw {
            Some(RawValue::Text(text)) => text.trim().to_string(),
            Some(RawValue::Number(n)) if n.is_nan() => "NaN".to_string(),
            Some(RawValue::Number(n)) if n.is_infinite() => if *n > 0.0 { "∞" } else { "−∞" }.to_string(),
            Some(RawValue::Number(n)) => self.writer.fact(FactKind::Fraction, *n),
            Some(RawValue::Other) | None => String::new(),
        };
        let value = match value {
            Ok(v) => v,
            Err(NumberError::Empty) if spec.optional => return Ok(spec.default),
            Err(NumberError::Empty) => return Err(self.error(spec, ErrorCode::Required, "error.required", &[])),
            Err(NumberError::Invalid) if matches!(raw, Some(RawValue::Other)) => {
                return Err(self.error(spec, ErrorCode::NotANumber, "error.not_a_number_value", &[]))
            }
            Err(NumberError::Invalid) => {
                return Err(self.error(spec, ErrorCode::NotANumber, "error.not_a_number", &[("text", typed())]))
            }
            Err(NumberError::Ambiguous) => {
                return Err(self.error(spec, ErrorCode::NotANumber, "error.ambiguous", &[("text", typed())]))
            }
        };
        if value < 0.0 {
            return Err(self.error(spec, ErrorCode::Negative, "error.negative", &[("value", typed())]));
        }
        if spec.kind == InputKind::Count && value.fract() != 0.0 {
            return Err(self.error(spec, ErrorCode::NotWhole, "error.not_whole", &[("value", typed())]));
        }
        if spec.positive && value == 0.0 {
            return Err(self.error(spec, ErrorCode::Zero, "error.zero", &[]));
        }
        if let Some(min) = spec.min.filter(|&min| value < min) {
            return Err(self.error(
                spec,
                ErrorCode::OutOfRange,
                "error.below_min",
                &[("min", self.writer.input(spec.kind, min))],
            ));
        }
        if let Some(max) = spec.fixed_max().filter(|&max| value > max) {
            return Err(self.error(
                spec,
                ErrorCode::OutOfRange,
                "error.above_max",
                &[("max", self.writer.input(spec.kind, max))],
            ));
        }
        if value > MAX_INPUT {
            return Err(self.error(
                spec,
                ErrorCode::OutOfRange,
                "error.too_large",
                &[("max", self.writer.fact(FactKind::Count, MAX_INPUT))],
            ));
        }
        Ok(Some(value))
    }

    fn error(&self, spec: &InputSpec, code: ErrorCode, key: &str, args: &[(&str, String)]) -> FieldError {
        let label = self.label(spec.id);
        let message = self.texts.fill(key, &|name| match name {
            "label" => Some(label.clone()),
            _ => args.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone()),
        });
        FieldError { field: spec.id.to_string(), code, message }
    }

    /// Resolves `{name}` in a metric's texts: the result, derived facts,
    /// input values, and `{label:input}` for an input's label.
    fn lookup(&self, values: &Values, facts: &[Fact], result: Option<&str>, name: &str) -> Option<String> {
        if let Some(input) = name.strip_prefix("label:") {
            return Some(self.label(input));
        }
        if name == "value" {
            return result.map(str::to_string);
        }
        if let Some(fact) = facts.iter().find(|f| f.name == name) {
            return Some(self.writer.fact(fact.kind, fact.value));
        }
        let spec = self.def.inputs.iter().find(|i| i.id == name)?;
        values.opt(name).map(|v| self.writer.input(spec.kind, v))
    }

    fn reject_violation(&self, values: &Values, violation: &Violation) -> Rejected {
        let key = format!("metric.{}.error.{}", self.def.id, violation.message);
        let key = if self.texts.find(&key).is_some() { key } else { format!("error.{}", violation.message) };
        let message = self.texts.fill(&key, &|name| match name {
            "label" => Some(self.label(violation.field)),
            _ => self.lookup(values, &violation.facts, None, name),
        });
        Rejected { errors: vec![FieldError { field: violation.field.to_string(), code: violation.code, message }] }
    }

    fn explain(&self, values: &Values, evaluation: &Evaluation, sector: Option<&str>) -> MetricResult {
        let def = self.def;
        let display = self.writer.result(self.texts, def.unit, def.decimals, evaluation.value);
        let fill =
            |key: String| self.texts.fill(&key, &|name| self.lookup(values, &evaluation.facts, Some(&display), name));
        let steps = evaluation.steps.iter().map(|s| fill(format!("metric.{}.step.{s}", def.id))).collect();
        let reading = fill(format!("metric.{}.reading.{}", def.id, evaluation.reading));
        let warnings = evaluation.warnings.iter().map(|w| fill(format!("metric.{}.warning.{w}", def.id))).collect();
        // A value the inputs contradict (a warning says so) is not compared:
        // "110% is 55 points above average" would read as praise.
        let benchmark = def.benchmark.filter(|_| evaluation.warnings.is_empty()).and_then(|b| {
            let shown = round_half_away(evaluation.value, def.decimals);
            benchmark::assess(def.id, b, shown, sector, self.texts, &self.writer, &display)
        });
        MetricResult {
            id: def.id,
            value: evaluation.value,
            unit: def.unit,
            display: display.clone(),
            formula: self.texts.get(&format!("metric.{}.formula", def.id)).to_string(),
            steps,
            reading,
            benchmark,
            warnings,
            inputs: values.present().collect(),
        }
    }
}
