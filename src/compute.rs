//! One calculation: read what was typed, check it against the catalog's
//! rules, apply the formula, and explain the result in the reader's words.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::benchmark::{self, BenchmarkResult, Compared};
use crate::catalog;
use crate::error::{ErrorCode, FieldError, Rejected};
use crate::format::{round_half_away, Currency, Writer};
use crate::ingest::currency::currency_of_amount;
use crate::ingest::duration::{split_unit, TimeUnit};
use crate::ingest::number::{read_number, read_raw, NumberError, RawValue};
use crate::locale::Locale;
use crate::metric::{Curves, Evaluation, Fact, FactKind, InputKind, InputSpec, MetricDef, Unit, Values, Violation};
use crate::reference::RatePeriod;
use crate::text::Texts;

/// Inputs larger than this are rejected: no shop counts a trillion customers,
/// and the cap keeps every product of inputs far from overflowing to ∞.
pub const MAX_INPUT: f64 = 1e12;

/// Results beyond this (ten trillion) are refused as unreadable: below it,
/// f64 still holds every cent exactly, so the display never shows noise.
pub const MAX_RESULT: f64 = 1e13;

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

impl ComputeOptions {
    /// Options as a caller names them (`"pl"`, `"PLN"`, `"restaurants"`). A
    /// language, currency or sector the engine does not know falls back to
    /// its default (English, USD, the general comparison) rather than
    /// failing the calculation: the numbers are still right.
    pub fn read(
        locale: Option<&str>,
        lang: Option<&str>,
        currency: Option<&str>,
        sector: Option<String>,
    ) -> ComputeOptions {
        ComputeOptions {
            locale: locale.and_then(Locale::from_tag),
            lang: lang.and_then(Locale::from_tag),
            currency: currency.and_then(Currency::from_code).unwrap_or_default(),
            sector,
        }
    }

    /// The language of the words: `lang`, else `locale`, else English.
    pub fn language(&self) -> Locale {
        self.lang.or(self.locale).unwrap_or_default()
    }
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
    /// The period a rate covers (`"month"`, `"quarter"`, `"year"`), for the
    /// metrics that have one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<&'static str>,
    /// How the value compares with the spec's reference, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<BenchmarkResult>,
    /// The currency typed with an amount (`22,21 zł` → `"PLN"`), when one
    /// was: money in the result is written in it rather than in the
    /// currency asked for, and the page switches to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<&'static str>,
    /// Things the reader should know (contradictory inputs, unusual values).
    pub warnings: Vec<String>,
    /// Durations read in another unit than the field's (`36 months` as 3
    /// years), or offered in it (a lifespan of 36 "years" may be months):
    /// the page shows each under its field.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unit_notes: Vec<UnitNote>,
    /// The cohorts a series input was read as, one list per line.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub series: Vec<Vec<f64>>,
    /// What a projecting metric draws: the observed points and the model's curve.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub curves: Option<Curves>,
    /// The inputs as the engine read them (`"1 234,5"` → 1234.5), in the
    /// catalog's order; optional inputs left empty are absent, and the
    /// period is `period`. Exports and embedders get the numbers the result
    /// was worked out from.
    #[serde(serialize_with = "ordered_map")]
    pub inputs: Vec<(&'static str, f64)>,
}

/// A duration the calculation read in the field's unit, or offers in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitNote {
    /// The input it is about.
    pub field: &'static str,
    /// The duration in the field's unit (years).
    pub value: f64,
    /// Whether the calculation used `value` (it was typed with a unit), or
    /// only offers it (a bare number that looks like months).
    pub applied: bool,
    /// What was read or what may be meant, in the reader's words.
    pub text: String,
    /// The label of the button that puts `value` (to two decimals) into
    /// the field.
    pub action: String,
}

/// A lifespan of this many years or more is longer than almost any
/// customer stays; typed as a bare number, it is more likely months.
const YEARS_THAT_LOOK_LIKE_MONTHS: f64 = 24.0;

/// Pairs as a JSON object that keeps their order (`{"start": 200, "end": 210}`).
fn ordered_map<S: serde::Serializer>(pairs: &[(&'static str, f64)], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_map(pairs.iter().map(|(id, value)| (id, value)))
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
    let lang = options.language();
    let texts = Texts::for_locale(lang);
    let Some(def) = catalog::find(id) else {
        let message = texts.fill("error.unknown_metric", &|name| (name == "text").then(|| id.to_string()));
        return Err(Rejected {
            errors: vec![FieldError { field: "metric".into(), code: ErrorCode::UnknownMetric, message }],
        });
    };
    let mut context = InputReader {
        prefix: format!("metric.{}", def.id),
        inputs: def.inputs,
        texts,
        writer: Writer { lang, currency: options.currency },
    };
    let typed = context.typed_currency(inputs)?;
    if let Some(currency) = typed {
        context.writer.currency = currency;
    }
    let (converted, mut unit_notes) = context.typed_durations(inputs, options.locale);
    let as_typed = inputs;
    let inputs = converted.as_ref().unwrap_or(inputs);
    let values = context.read_inputs(inputs, options.locale)?;
    let evaluation = (def.evaluate)(&values).map_err(|v| context.reject_violation(&values, &v))?;
    if !evaluation.value.is_finite() || evaluation.value.abs() > MAX_RESULT {
        // Neither NaN nor ∞ reaches the page. The input
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
    let mut result = context.explain(def, &values, &evaluation, options.sector.as_deref());
    result.currency = typed.map(Currency::code);
    unit_notes.extend(context.durations_like_months(&values, as_typed));
    result.unit_notes = unit_notes;
    Ok(result)
}

/// Reads and checks a set of inputs by the catalog's rules, with messages
/// in the reader's words: a metric's inputs, or the what-if's.
pub(crate) struct InputReader<'a> {
    /// Where the inputs' texts live: labels at `<prefix>.input.<id>`, own
    /// error messages at `<prefix>.error.<name>`.
    pub prefix: String,
    /// The inputs, in form order.
    pub inputs: &'static [InputSpec],
    /// The reader's language.
    pub texts: &'a Texts,
    /// How numbers are written back in messages.
    pub writer: Writer,
}

impl InputReader<'_> {
    fn label(&self, input: &str) -> String {
        self.texts.get(&format!("{}.input.{input}", self.prefix)).to_string()
    }

    /// The inputs as numbers (and a period), or every field's error in form order.
    pub(crate) fn read_inputs(&self, raw: &RawInputs, locale: Option<Locale>) -> Result<Values, Rejected> {
        let raw_of = |spec: &InputSpec| raw.get(spec.id).and_then(Option::as_ref);
        let mut period = None;
        let mut series = Vec::new();
        let read: Vec<_> = self
            .inputs
            .iter()
            .map(|spec| match spec.kind {
                InputKind::Period => self.read_period(spec, raw_of(spec)).map(|p| {
                    period = Some(p);
                    None
                }),
                InputKind::Series => self.read_series(spec, raw_of(spec), locale).map(|s| {
                    series = s;
                    None
                }),
                _ => self.read_one(spec, raw_of(spec), locale),
            })
            .collect();
        let values = Values::new(
            self.inputs.iter().zip(&read).map(|(spec, r)| (spec.id, r.clone().ok().flatten())).collect(),
            period,
            series,
        );
        // In form order: an input's own error, else its limit by another input
        // (checked only when both read well).
        let errors: Vec<FieldError> = self
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

    /// A period as its id (`"quarter"`); empty is a month, the period small
    /// businesses look at.
    fn read_period(&self, spec: &InputSpec, raw: Option<&RawValue>) -> Result<RatePeriod, FieldError> {
        match raw {
            None => Ok(RatePeriod::Month),
            Some(RawValue::Text(text)) if text.trim().is_empty() => Ok(RatePeriod::Month),
            Some(RawValue::Text(text)) => RatePeriod::from_id(&text.trim().to_ascii_lowercase())
                .ok_or_else(|| self.error(spec, ErrorCode::OutOfRange, "error.period", &[])),
            Some(_) => Err(self.error(spec, ErrorCode::OutOfRange, "error.period", &[])),
        }
    }

    /// Cohorts as typed or pasted: a line per cohort (or `|` between them),
    /// numbers apart by spaces, tabs or `;` (a comma after a number is a
    /// list's). A line may start with a label (`2024-01`), and a first line
    /// of labels is a header; every number is read by the calculator's own
    /// rules. Each cohort starts above 0, never grows, and has period 1.
    fn read_series(
        &self,
        spec: &InputSpec,
        raw: Option<&RawValue>,
        locale: Option<Locale>,
    ) -> Result<Vec<Vec<f64>>, FieldError> {
        let text = match raw {
            Some(RawValue::Text(text)) if !text.trim().is_empty() => text.clone(),
            Some(RawValue::Number(_) | RawValue::Other) => {
                return Err(self.error(spec, ErrorCode::NotANumber, "error.series_text", &[]));
            }
            _ => return Err(self.error(spec, ErrorCode::Required, "error.required", &[])),
        };
        let mut cohorts = Vec::new();
        for (index, line) in text.split(['\n', '|']).map(str::trim).filter(|l| !l.is_empty()).enumerate() {
            let tokens: Vec<&str> = line
                .split(|c: char| c.is_whitespace() || c == ';')
                .map(|t| t.trim_end_matches(','))
                .filter(|t| !t.is_empty())
                .collect();
            let number = |t: &str| read_raw(&RawValue::Text(t.to_string()), locale).ok();
            // A label first (a cohort's month), then the numbers.
            let start = tokens.iter().position(|t| number(t).is_some()).unwrap_or(tokens.len());
            let numbers: Vec<Option<f64>> = tokens[start..].iter().map(|t| number(t)).collect();
            let bad = numbers.iter().position(Option::is_none);
            if index == 0 && cohorts.is_empty() && (start == tokens.len() || bad.is_some()) && start > 0 {
                continue; // a header: "Cohort  Month 0  Month 1 …"
            }
            let line_no = (index + 1).to_string();
            if let Some(at) = bad {
                let cell = tokens[start + at].to_string();
                return Err(self.error(
                    spec,
                    ErrorCode::NotANumber,
                    "error.series_number",
                    &[("text", cell), ("line", line_no)],
                ));
            }
            let values: Vec<f64> = numbers.into_iter().flatten().collect();
            let fault = if values.len() < 2 {
                Some((ErrorCode::Required, "error.series_short"))
            } else if values[0] <= 0.0 {
                Some((ErrorCode::Zero, "error.series_start"))
            } else if values.iter().any(|v| *v < 0.0) {
                Some((ErrorCode::Negative, "error.series_negative"))
            } else if values.windows(2).any(|w| w[1] > w[0]) {
                Some((ErrorCode::Inconsistent, "error.series_rises"))
            } else if values.iter().any(|v| *v > MAX_INPUT) {
                Some((ErrorCode::OutOfRange, "error.series_large"))
            } else {
                None
            };
            if let Some((code, key)) = fault {
                return Err(self.error(spec, code, key, &[("line", line_no)]));
            }
            cohorts.push(values);
        }
        if cohorts.is_empty() {
            return Err(self.error(spec, ErrorCode::Required, "error.required", &[]));
        }
        Ok(cohorts)
    }

    fn read_one(
        &self,
        spec: &InputSpec,
        raw: Option<&RawValue>,
        locale: Option<Locale>,
    ) -> Result<Option<f64>, FieldError> {
        let value = raw.map_or(Err(NumberError::Empty), |raw| read_raw(raw, locale));
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

    /// The currency the amounts were typed in (`22,21 zł`, `€40`), when any
    /// names one; amounts in two currencies are refused on the second, as
    /// adding złoty to euros would be a guess.
    fn typed_currency(&self, inputs: &RawInputs) -> Result<Option<Currency>, Rejected> {
        let mut found: Option<(Currency, &str)> = None;
        for spec in self.inputs.iter().filter(|spec| spec.kind == InputKind::Money) {
            let Some(Some(RawValue::Text(text))) = inputs.get(spec.id) else { continue };
            let Some(currency) = currency_of_amount(text).and_then(Currency::from_code) else { continue };
            match found {
                Some((first, first_text)) if first != currency => {
                    let args = [("text", text.trim().to_string()), ("other", first_text.trim().to_string())];
                    return Err(Rejected {
                        errors: vec![self.error(spec, ErrorCode::Inconsistent, "error.currency_mixed", &args)],
                    });
                }
                Some(_) => {}
                None => found = Some((currency, text)),
            }
        }
        Ok(found.map(|(currency, _)| currency))
    }

    /// The inputs with every duration typed with a unit (`36 months`,
    /// `3 lata`) converted to the field's years, and a note for each one
    /// converted from months or weeks; `None` when nothing was converted.
    fn typed_durations(&self, inputs: &RawInputs, locale: Option<Locale>) -> (Option<RawInputs>, Vec<UnitNote>) {
        let mut converted: Option<RawInputs> = None;
        let mut notes = Vec::new();
        for spec in self.inputs.iter().filter(|spec| spec.kind == InputKind::Years) {
            let Some(Some(RawValue::Text(text))) = inputs.get(spec.id) else { continue };
            let Some((number, unit)) = split_unit(text) else { continue };
            let Ok(amount) = read_number(number, locale) else { continue };
            let years = amount * unit.in_years();
            converted.get_or_insert_with(|| inputs.clone()).insert(spec.id.to_string(), Some(RawValue::Number(years)));
            if unit != TimeUnit::Year {
                notes.push(self.unit_note(
                    spec,
                    years,
                    true,
                    "unit_note.read_as",
                    &[("typed", text.trim().to_string())],
                ));
            }
        }
        (converted, notes)
    }

    /// Offers a bare lifespan of many "years" as months (36 → 3 years),
    /// without changing the result: the reader decides. One typed with a
    /// unit (`30 lat`, `36 months`) says what it means already.
    fn durations_like_months(&self, values: &Values, as_typed: &RawInputs) -> Vec<UnitNote> {
        let with_unit =
            |id: &str| matches!(as_typed.get(id), Some(Some(RawValue::Text(text))) if split_unit(text).is_some());
        self.inputs
            .iter()
            .filter(|spec| spec.kind == InputKind::Years && !with_unit(spec.id))
            .filter_map(|spec| Some((spec, values.opt(spec.id)?)))
            .filter(|(_, years)| *years >= YEARS_THAT_LOOK_LIKE_MONTHS)
            .map(|(spec, years)| {
                let typed = self.writer.fact(FactKind::Number, years);
                self.unit_note(spec, years / 12.0, false, "unit_note.maybe_months", &[("value", typed)])
            })
            .collect()
    }

    fn unit_note(&self, spec: &InputSpec, years: f64, applied: bool, key: &str, args: &[(&str, String)]) -> UnitNote {
        let shown = self.writer.fact(FactKind::Number, years);
        let lookup = |name: &str| match name {
            "years" => Some(shown.clone()),
            _ => args.iter().find(|(arg, _)| *arg == name).map(|(_, value)| value.clone()),
        };
        UnitNote {
            field: spec.id,
            value: years,
            applied,
            text: self.texts.fill(key, &lookup),
            action: self.texts.fill("unit_note.use", &lookup),
        }
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
        let spec = self.inputs.iter().find(|i| i.id == name)?;
        values.opt(name).map(|v| self.writer.input(spec.kind, v))
    }

    /// A rule across inputs broken: its message, by the input to mark.
    pub(crate) fn reject_violation(&self, values: &Values, violation: &Violation) -> Rejected {
        let key = format!("{}.error.{}", self.prefix, violation.message);
        let key = if self.texts.find(&key).is_some() { key } else { format!("error.{}", violation.message) };
        let message = self.texts.fill(&key, &|name| match name {
            "label" => Some(self.label(violation.field)),
            _ => self.lookup(values, &violation.facts, None, name),
        });
        Rejected { errors: vec![FieldError { field: violation.field.to_string(), code: violation.code, message }] }
    }

    fn explain(&self, def: &MetricDef, values: &Values, evaluation: &Evaluation, sector: Option<&str>) -> MetricResult {
        let display = self.writer.result(self.texts, def.unit, def.decimals, evaluation.value);
        let fill =
            |key: String| self.texts.fill(&key, &|name| self.lookup(values, &evaluation.facts, Some(&display), name));
        let steps = evaluation.steps.iter().map(|s| fill(format!("metric.{}.step.{s}", def.id))).collect();
        let reading = fill(format!("metric.{}.reading.{}", def.id, evaluation.reading));
        let warnings = evaluation.warnings.iter().map(|w| fill(format!("metric.{}.warning.{w}", def.id))).collect();
        // A value the inputs contradict (a warning says so) is not compared:
        // "110% is 55 points above average" would read as praise.
        let benchmark = def.benchmark.filter(|_| evaluation.warnings.is_empty()).map(|b| {
            let compared = Compared {
                metric_id: def.id,
                value: round_half_away(evaluation.value, def.decimals),
                display: &display,
                period: values.period(),
            };
            benchmark::assess(b, &compared, sector, self.texts, &self.writer)
        });
        MetricResult {
            id: def.id,
            value: evaluation.value,
            unit: def.unit,
            display: display.clone(),
            formula: self.texts.get(&format!("metric.{}.formula", def.id)).to_string(),
            steps,
            reading,
            period: values.period().map(RatePeriod::id),
            benchmark,
            currency: None,
            warnings,
            unit_notes: Vec::new(),
            series: values.series().to_vec(),
            curves: evaluation.curves.clone(),
            inputs: values.present().collect(),
        }
    }
}
