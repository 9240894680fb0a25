//! How a result compares with the references the spec gives: retention and
//! churn by sector (converted to the figure's period first), NPS bands, a
//! café's repeat purchase rate, and the usual range of acquisition vs
//! retention cost. Every comparison names who the figure describes and where
//! it comes from.

use serde::Serialize;

use crate::format::{format_number, round_half_away, Writer};
use crate::metric::{Benchmark, FactKind};
use crate::metrics::retention::rate_over;
use crate::reference::{self, Figure, Measure, RateFigure, RatePeriod, RETAINS_WELL};
use crate::text::Texts;

/// The outcome of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchmarkResult {
    /// `"sector"`, `"general"`, `"bands"`, `"reference"` or `"range"`.
    pub kind: &'static str,
    /// The sector compared with, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<&'static str>,
    /// The reference value (percent, score or ratio as the metric), in the
    /// metric's own measure: a sector's yearly retention becomes its yearly
    /// churn when a churn rate is compared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<f64>,
    /// The period the reference covers (`"year"`), for rates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<&'static str>,
    /// The reader's rate as compared: over the reference's period, rounded
    /// as the text writes it (90 % a month → 28 over a year).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compared: Option<f64>,
    /// Compared minus reference, in the metric's unit (points for percentages).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub difference: Option<f64>,
    /// `"above"`, `"below"`, `"equal"`, `"within"`, or an NPS band
    /// (`"excellent"`, `"very_good"`, `"positive"`, `"zero"`, `"negative"`).
    pub verdict: &'static str,
    /// How the rate was brought to the reference's period, when the periods
    /// differ ("90% a month is about 28% over a year if every month were like
    /// this one").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversion: Option<String>,
    /// One sentence for the reader.
    pub text: String,
    /// Who the reference describes ("Restaurants & cafés").
    pub population: String,
    /// The reference in words, with its period ("55% of customers kept a year, on average").
    pub figure: String,
    /// Where the reference comes from.
    pub source: String,
}

/// What is being compared: the metric, its value as shown and as written,
/// and the period it covers.
pub(crate) struct Compared<'a> {
    /// The metric id, for its own benchmark texts.
    pub metric_id: &'a str,
    /// The value rounded as shown.
    pub value: f64,
    /// The value as written on the page.
    pub display: &'a str,
    /// The period of a rate (month when not given).
    pub period: Option<RatePeriod>,
}

/// Compares a result with its metric's benchmark.
pub(crate) fn assess(
    benchmark: Benchmark,
    compared: &Compared,
    sector: Option<&str>,
    texts: &Texts,
    writer: &Writer,
) -> BenchmarkResult {
    let words = Words { texts, writer };
    let value = compared.value;
    let fill = |key: &str, reference: f64, extra: &[(&str, String)]| {
        let points = format_number((value - reference).abs(), 1, true, writer.lang);
        words.fill(key, &[&[("value", compared.display.to_string()), ("points", points)], extra].concat())
    };
    match benchmark {
        Benchmark::Rate(measure) => assess_rate(measure, compared, sector, &words),
        Benchmark::NpsBands(figure) => {
            let verdict = match value {
                v if v >= 50.0 => "excellent",
                v if v >= 45.0 => "very_good",
                v if v > 0.0 => "positive",
                0.0 => "zero",
                _ => "negative",
            };
            let text = fill(&format!("benchmark.nps.{verdict}"), 0.0, &[]);
            words.plain("bands", verdict, text, figure, texts.get("benchmark.figure.nps").to_string())
        }
        Benchmark::Reference(reference, figure) => {
            let verdict = compare(value, reference);
            let shown = writer.fact(FactKind::Percent, reference);
            let key = |part: &str| format!("metric.{}.benchmark.{part}", compared.metric_id);
            let text = fill(&key(verdict), reference, &[("reference", shown.clone())]);
            let described = words.fill(&key("figure"), &[("reference", shown)]);
            BenchmarkResult {
                reference: Some(reference),
                difference: Some(value - reference),
                ..words.plain("reference", verdict, text, figure, described)
            }
        }
        Benchmark::Range(low, high, figure) => {
            let verdict = if value < low {
                "below"
            } else if value > high {
                "above"
            } else {
                "within"
            };
            let bounds = [("low", writer.fact(FactKind::Number, low)), ("high", writer.fact(FactKind::Number, high))];
            let key = |part: &str| format!("metric.{}.benchmark.{part}", compared.metric_id);
            let text = fill(&key(verdict), low, &bounds);
            words.plain("range", verdict, text, figure, words.fill(&key("figure"), &bounds))
        }
    }
}

/// A retention or churn rate against the sector's figure (or the general
/// mark): the figure is turned into the metric's measure over its own
/// period, the rate is converted to that period, and only then compared.
fn assess_rate(measure: Measure, compared: &Compared, sector: Option<&str>, words: &Words) -> BenchmarkResult {
    let found = sector.and_then(reference::sector);
    let figure: RateFigure = found.map_or(RETAINS_WELL, |s| s.figure);
    let period = compared.period.unwrap_or(RatePeriod::Month);
    let reference = figure.as_measure(measure);
    let converted = period != figure.period;
    let value = if converted {
        let exact = rate_over(measure, compared.value, period, figure.period);
        // "About 28 %": whole points are honest for a rate held a whole year;
        // near the ends a decimal keeps 99.6 from reading as 100.
        round_half_away(exact, if (10.0..=90.0).contains(&exact) { 0 } else { 1 })
    } else {
        compared.value
    };
    let percent = |x: f64| words.writer.fact(FactKind::Percent, x);
    let with_period = |x: f64| words.fill(&format!("period.per.{}", figure.period.id()), &[("value", percent(x))]);
    let conversion = converted.then(|| {
        words.fill(
            &format!("benchmark.convert.{}.{}", period.id(), figure.period.id()),
            &[("value", compared.display.to_string()), ("converted", percent(value))],
        )
    });
    let variant = match (found, figure.target) {
        (Some(_), false) => "sector",
        (Some(_), true) => "target",
        (None, _) => "general",
    };
    let derived = if figure.measure == measure { "" } else { "derived_" };
    let measure_id = match measure {
        Measure::Retention => "retention",
        Measure::Churn => "churn",
    };
    let verdict = compare(value, reference);
    let sector_name = found.map(|s| words.texts.get(&format!("sector.{}", s.id)).to_string());
    let points = format_number((value - reference).abs(), 1, true, words.writer.lang);
    let text = words.fill(
        &format!("benchmark.{measure_id}.{derived}{variant}.{verdict}"),
        &[
            ("value", with_period(value)),
            ("points", points),
            ("sector", sector_name.clone().unwrap_or_default()),
            ("average", with_period(reference)),
            ("figure", with_period(figure.percent)),
        ],
    );
    let figure_measure = match figure.measure {
        Measure::Retention => "retention",
        Measure::Churn => "churn",
    };
    let aim = if figure.target { "target" } else { "average" };
    BenchmarkResult {
        kind: if found.is_some() { "sector" } else { "general" },
        sector: found.map(|s| s.id),
        reference: Some(reference),
        period: Some(figure.period.id()),
        compared: Some(value),
        difference: Some(value - reference),
        verdict,
        conversion,
        text,
        population: sector_name.unwrap_or_else(|| words.texts.get("population.businesses").to_string()),
        figure: words
            .fill(&format!("benchmark.figure.{figure_measure}.{aim}"), &[("value", with_period(figure.percent))]),
        source: words.texts.get(&format!("source.{}", figure.source)).to_string(),
    }
}

/// The texts and the number writer a comparison speaks with.
struct Words<'a> {
    texts: &'a Texts,
    writer: &'a Writer,
}

impl Words<'_> {
    fn fill(&self, key: &str, values: &[(&str, String)]) -> String {
        self.texts.fill(key, &|name| values.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone()))
    }

    /// A comparison with no period: the figure's words, nothing converted.
    fn plain(
        &self,
        kind: &'static str,
        verdict: &'static str,
        text: String,
        figure: Figure,
        described: String,
    ) -> BenchmarkResult {
        BenchmarkResult {
            kind,
            sector: None,
            reference: None,
            period: None,
            compared: None,
            difference: None,
            verdict,
            conversion: None,
            text,
            population: self.texts.get(&format!("population.{}", figure.population)).to_string(),
            figure: described,
            source: self.texts.get(&format!("source.{}", figure.source)).to_string(),
        }
    }
}

/// `above`, `below`, or `equal` for a value rounded as shown (the epsilon
/// only absorbs the binary residue of that rounding).
fn compare(value: f64, reference: f64) -> &'static str {
    let difference = value - reference;
    if difference.abs() < 1e-9 {
        "equal"
    } else if difference > 0.0 {
        "above"
    } else {
        "below"
    }
}
