//! How a result compares with the references the spec gives: retention by
//! sector, NPS bands, a café's repeat purchase rate, and the usual range of
//! acquisition vs retention cost.

use serde::Serialize;

use crate::format::{format_number, Writer};
use crate::metric::{Benchmark, FactKind, GOOD_RETENTION_PERCENT, SECTORS};
use crate::text::Texts;

/// The outcome of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchmarkResult {
    /// `"sector"`, `"general"`, `"bands"`, `"reference"` or `"range"`.
    pub kind: &'static str,
    /// The sector compared with, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<&'static str>,
    /// The reference value (percent, score or ratio as the metric).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<f64>,
    /// Value minus reference, in the metric's unit (points for percentages).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub difference: Option<f64>,
    /// `"above"`, `"below"`, `"equal"`, `"within"`, or an NPS band
    /// (`"excellent"`, `"very_good"`, `"positive"`, `"zero"`, `"negative"`).
    pub verdict: &'static str,
    /// One sentence for the reader.
    pub text: String,
}

/// Compares `value` of metric `metric_id`, already rounded as shown;
/// `display` is the value as written on the page.
pub(crate) fn assess(
    metric_id: &str,
    benchmark: Benchmark,
    value: f64,
    sector: Option<&str>,
    texts: &Texts,
    writer: &Writer,
    display: &str,
) -> Option<BenchmarkResult> {
    let sentence = |key: &str, reference: f64, extra: &[(&str, String)]| {
        let points = format_number((value - reference).abs(), 1, true, writer.lang);
        texts.fill(key, &|name| match name {
            "value" => Some(display.to_string()),
            "points" => Some(points.clone()),
            _ => extra.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone()),
        })
    };
    Some(match benchmark {
        Benchmark::Sectors => {
            let found = sector.and_then(|id| SECTORS.iter().find(|s| s.id == id));
            let reference = found.map_or(GOOD_RETENTION_PERCENT, |s| s.retention_percent);
            let verdict = compare(value, reference);
            let (kind, key) = match found {
                Some(s) if s.target => ("sector", format!("benchmark.sector_target.{verdict}")),
                Some(_) => ("sector", format!("benchmark.sector.{verdict}")),
                None => ("general", format!("benchmark.general.{verdict}")),
            };
            let sector_name = found.map(|s| texts.get(&format!("sector.{}", s.id)).to_string()).unwrap_or_default();
            let average = writer.fact(FactKind::Percent, reference);
            let text = sentence(&key, reference, &[("sector", sector_name), ("average", average)]);
            BenchmarkResult {
                kind,
                sector: found.map(|s| s.id),
                reference: Some(reference),
                difference: Some(value - reference),
                verdict,
                text,
            }
        }
        Benchmark::NpsBands => {
            let verdict = match value {
                v if v >= 50.0 => "excellent",
                v if v >= 45.0 => "very_good",
                v if v > 0.0 => "positive",
                0.0 => "zero",
                _ => "negative",
            };
            let text = sentence(&format!("benchmark.nps.{verdict}"), 0.0, &[]);
            BenchmarkResult { kind: "bands", sector: None, reference: None, difference: None, verdict, text }
        }
        Benchmark::Reference(reference) => {
            let verdict = compare(value, reference);
            let shown = writer.fact(FactKind::Percent, reference);
            let text = sentence(&format!("metric.{metric_id}.benchmark.{verdict}"), reference, &[("reference", shown)]);
            BenchmarkResult {
                kind: "reference",
                sector: None,
                reference: Some(reference),
                difference: Some(value - reference),
                verdict,
                text,
            }
        }
        Benchmark::Range(low, high) => {
            let verdict = if value < low {
                "below"
            } else if value > high {
                "above"
            } else {
                "within"
            };
            let bound = |x: f64| writer.fact(FactKind::Number, x);
            let text = sentence(
                &format!("metric.{metric_id}.benchmark.{verdict}"),
                low,
                &[("low", bound(low)), ("high", bound(high))],
            );
            BenchmarkResult { kind: "range", sector: None, reference: None, difference: None, verdict, text }
        }
    })
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
