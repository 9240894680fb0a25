//! Survey answers: a column of scores into NPS, CSAT or CES, with the count
//! and share of every answer.
//!
//! - NPS on 0–10: promoters 9–10, passives 7–8, detractors 0–6;
//!   NPS = % promoters − % detractors.
//! - CSAT is the share of the top two boxes, not the mean: 4–5 on 1–5,
//!   6–7 on 1–7, 9–10 on 1–10 (the scale picked or read from the answers).
//! - CES on 1–7 three ways: the mean, the share who agree (5–7) and the
//!   index % (6–7) − % (1–3).
//!
//! Blank answers are counted as blank; answers that are not whole numbers
//! on the scale are skipped and listed.

use csv::ByteRecord;
use serde::Serialize;

use crate::error::{ErrorCode, FieldError};
use crate::format::round_half_away;
use crate::ingest::columns::{fold, role_name, ColumnRef};
use crate::ingest::decode::text_of;
use crate::ingest::number::{read_number, RawValue};
use crate::ingest::options::choice;
use crate::ingest::skips::{SkipReason, SkippedRow, Skips};
use crate::ingest::table::{cells, field, Layout};
use crate::locale::Locale;
use crate::metrics::percent;
use crate::metrics::satisfaction::{ces_index, customer_effort_score, customer_satisfaction, net_promoter_score};
use crate::text::{field_error, Texts};

/// Which score the answers are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SurveyKind {
    /// Net Promoter Score.
    Nps,
    /// Customer satisfaction.
    Csat,
    /// Customer effort.
    Ces,
}

impl SurveyKind {
    /// Reads `"nps"`, `"csat"` or `"ces"`.
    pub fn from_name(name: &str) -> Option<SurveyKind> {
        match name.trim().to_ascii_lowercase().as_str() {
            "nps" => Some(SurveyKind::Nps),
            "csat" => Some(SurveyKind::Csat),
            "ces" => Some(SurveyKind::Ces),
            _ => None,
        }
    }

    fn id(self) -> &'static str {
        match self {
            SurveyKind::Nps => "nps",
            SurveyKind::Csat => "csat",
            SurveyKind::Ces => "ces",
        }
    }
}

/// How to read the answers.
#[derive(Debug, Clone)]
pub struct SurveyOptions {
    /// Which score the answers are read for.
    pub kind: SurveyKind,
    /// The column, when there are several and the header does not say.
    pub column: Option<ColumnRef>,
    /// The top of a CSAT scale (5, 7 or 10); read from the answers when absent.
    pub scale_max: Option<u8>,
    /// The language of messages.
    pub lang: Locale,
}

/// A score's scale, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Scale {
    /// Lowest answer.
    pub min: u8,
    /// Highest answer.
    pub max: u8,
}

/// Promoters, passives and detractors.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct NpsParts {
    /// Answers 9–10.
    pub promoters: u64,
    /// Answers 7–8.
    pub passives: u64,
    /// Answers 0–6.
    pub detractors: u64,
    /// % promoters.
    pub promoter_share: f64,
    /// % passives.
    pub passive_share: f64,
    /// % detractors.
    pub detractor_share: f64,
    /// The NPS as the page shows it: a whole number, rounded half away from
    /// zero from the exact value (never from the rounded shares).
    pub shown: f64,
}

/// The three readings of CES.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct CesParts {
    /// The mean answer.
    pub mean: f64,
    /// % answering 5–7 ("agree it was easy").
    pub agree_share: f64,
    /// % (6–7) − % (1–3).
    pub index: f64,
}

/// Everything computed from survey answers.
#[derive(Debug, Clone, Serialize)]
pub struct SurveyReport {
    /// Which score was computed.
    pub kind: SurveyKind,
    /// The scale used.
    pub scale: Scale,
    /// Whether the scale was read from the answers rather than picked.
    pub scale_detected: bool,
    /// The column read (its header, or "column 2").
    pub column: String,
    /// NPS, CSAT % or CES mean, full precision.
    pub value: f64,
    /// The rule in words (`Satisfied = 4–5 on a 1–5 scale`).
    pub rule: String,
    /// Answers counted.
    pub responses: u64,
    /// Blank answers.
    pub blank: u64,
    /// Every score on the scale, lowest first.
    pub scores: Vec<u8>,
    /// How many answered each score.
    pub counts: Vec<u64>,
    /// The share (%) of each score.
    pub shares: Vec<f64>,
    /// NPS parts (NPS only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nps: Option<NpsParts>,
    /// Top-two-box count (CSAT only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub satisfied: Option<u64>,
    /// CES readings (CES only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ces: Option<CesParts>,
    /// The first skipped answers with reasons.
    pub skipped: Vec<SkippedRow>,
    /// How many answers were skipped in all.
    pub skipped_total: usize,
    /// Notes for the reader.
    pub warnings: Vec<String>,
}

/// The top of a CSAT scale from an option as given: `5`, `7` or `10`, or
/// text naming the scale (`"1-5"`, `"1–7"`, `"10"`); `None` when absent or
/// empty (the scale is then read from the answers).
///
/// ```
/// use retention_metrics::{analysis::survey::scale_max, Locale, RawValue};
/// assert_eq!(scale_max(Some(&RawValue::Text("1–7".into())), Locale::En), Ok(Some(7)));
/// assert_eq!(scale_max(Some(&RawValue::Number(5.0)), Locale::En), Ok(Some(5)));
/// assert_eq!(scale_max(None, Locale::En), Ok(None));
/// assert_eq!(scale_max(Some(&RawValue::Number(4.0)), Locale::En).unwrap_err().field, "scale");
/// ```
pub fn scale_max(raw: Option<&RawValue>, lang: Locale) -> Result<Option<u8>, FieldError> {
    // "1-5" or "1–5": the scale's top is after the dash.
    let top =
        |name: &str| name.rsplit(['-', '–']).next()?.trim().parse::<u8>().ok().filter(|top| [5, 7, 10].contains(top));
    choice(raw, "scale", "data.error.scale", top, lang)
}

/// The kind of score from an option as given: `"nps"` (when left out),
/// `"csat"` or `"ces"`.
pub fn survey_kind(raw: Option<&RawValue>, lang: Locale) -> Result<SurveyKind, FieldError> {
    Ok(choice(raw, "kind", "data.error.survey_kind", SurveyKind::from_name, lang)?.unwrap_or(SurveyKind::Nps))
}

/// Header stems that name a score column, whatever the kind.
const SCORE_STEMS: [&str; 18] = [
    "nps",
    "csat",
    "ces",
    "score",
    "rating",
    "answer",
    "recommend",
    "satisf",
    "effort",
    "ocena",
    "odpowied",
    "poleci",
    "zadowol",
    "wysił",
    "оценк",
    "ответ",
    "рекоменд",
    "удовлетвор",
];

/// Reads survey answers and computes the score.
///
/// ```
/// use retention_metrics::analysis::survey::{analyze_survey, SurveyKind, SurveyOptions};
/// let options = SurveyOptions { kind: SurveyKind::Nps, column: None, scale_max: None, lang: Default::default() };
/// let report = analyze_survey(b"score\n10\n9\n8\n6\n\n3\n10\n", &options).unwrap();
/// assert_eq!(report.responses, 6);
/// assert_eq!(report.blank, 1);
/// assert!((report.value - 100.0 / 6.0).abs() < 1e-9); // 3 promoters, 2 detractors of 6
/// ```
pub fn analyze_survey(bytes: &[u8], options: &SurveyOptions) -> Result<SurveyReport, FieldError> {
    let lang = options.lang;
    let (text, _) = text_of(bytes, lang)?;
    let layout = Layout::sniff(&text);
    let column = score_column(&text, &layout, options)?;
    let mut answers: Vec<(u64, Option<f64>, String)> = Vec::new();
    let mut record = ByteRecord::new();
    let mut rows = layout.rows(&text);
    let mut blank = 0;
    let mut previous_line = None;
    let mut first_row: Option<(u64, Vec<String>)> = None;
    let mut row_count = 0;
    // Title lines above the header, and rows lost to a quote left open:
    // listed with the answers left out, so no row goes without a word.
    let mut unreadable: Vec<(u64, SkipReason, String)> = Vec::new();
    while let Some(line) = rows.next_row(&mut record, |line, reason, cell| unreadable.push((line, reason, cell.into())))
    {
        row_count += 1;
        if first_row.is_none() {
            first_row = Some((line, cells(&record)));
        }
        // In a single column an empty line is a blank answer (the reader
        // skips empty lines, so count the gap between answers).
        if layout.width == 1 {
            blank += previous_line.map_or(0, |p| line - p - 1);
            previous_line = Some(line);
        }
        let cell = field(&record, column);
        if cell.is_empty() {
            blank += 1;
        } else {
            answers.push((line, read_number(cell, None).ok(), cell.to_string()));
        }
    }
    // Scores typed on one line (`10, 9, 8, 6, 3`) are one answer per cell.
    if let (1, None, None, Some((line, cells))) = (row_count, &layout.header, &options.column, first_row) {
        if layout.width > 1 {
            blank = cells.iter().filter(|c| c.is_empty()).count() as u64;
            answers =
                cells.into_iter().filter(|c| !c.is_empty()).map(|c| (line, read_number(&c, None).ok(), c)).collect();
        }
    }
    let whole = |v: f64| v.fract() == 0.0 && (0.0..=10.0).contains(&v);
    let scale = match options.kind {
        SurveyKind::Nps => Scale { min: 0, max: 10 },
        SurveyKind::Ces => Scale { min: 1, max: 7 },
        SurveyKind::Csat => {
            let seen = answers.iter().filter_map(|(_, v, _)| *v).filter(|&v| whole(v) && v >= 1.0).fold(0.0, f64::max);
            let max = options.scale_max.unwrap_or(if seen <= 5.0 {
                5
            } else if seen <= 7.0 {
                7
            } else {
                10
            });
            Scale { min: 1, max }
        }
    };
    let mut counts = vec![0u64; usize::from(scale.max - scale.min) + 1];
    let mut skips = Skips::new(lang);
    for (line, reason, text) in &unreadable {
        skips.add(*line, *reason, text);
    }
    for (line, value, text) in &answers {
        match value {
            Some(v) if whole(*v) && *v >= f64::from(scale.min) && *v <= f64::from(scale.max) => {
                counts[*v as usize - usize::from(scale.min)] += 1;
            }
            _ => skips.add(*line, SkipReason::BadScore, text),
        }
    }
    let responses: u64 = counts.iter().sum();
    if responses == 0 {
        return Err(field_error(lang, "score", ErrorCode::NoData, "data.error.no_scores", &[]));
    }
    // Every answer is on the scale and there is at least one, so no share,
    // mean or score below lacks its denominator.
    let share = |n: u64| percent(n as f64, responses as f64).unwrap_or(0.0);
    let between = |lo: u8, hi: u8| (lo..=hi).map(|s| counts[usize::from(s - scale.min)]).sum::<u64>() as f64;
    let (value, nps, satisfied, ces) = match options.kind {
        SurveyKind::Nps => {
            let (p, pa, d) = (between(9, 10), between(7, 8), between(0, 6));
            let value = net_promoter_score(p, pa, d).unwrap_or(0.0);
            let parts = NpsParts {
                promoters: p as u64,
                passives: pa as u64,
                detractors: d as u64,
                promoter_share: share(p as u64),
                passive_share: share(pa as u64),
                detractor_share: share(d as u64),
                shown: round_half_away(value, 0),
            };
            (value, Some(parts), None, None)
        }
        SurveyKind::Csat => {
            let top = between(scale.max - 1, scale.max);
            (customer_satisfaction(top, responses as f64).unwrap_or(0.0), None, Some(top as u64), None)
        }
        SurveyKind::Ces => {
            let sum: u64 = counts.iter().enumerate().map(|(i, n)| (i as u64 + 1) * n).sum();
            let mean = customer_effort_score(sum as f64, responses as f64).unwrap_or(0.0);
            let index = ces_index(between(6, 7), between(4, 5), between(1, 3)).unwrap_or(0.0);
            (mean, None, None, Some(CesParts { mean, agree_share: share(between(5, 7) as u64), index }))
        }
    };
    let texts = Texts::for_locale(lang);
    let rule = texts.fill(&format!("data.survey.rule.{}", options.kind.id()), &|name| match name {
        "min" => Some(scale.min.to_string()),
        "max" => Some(scale.max.to_string()),
        "top" => Some((scale.max - 1).to_string()),
        _ => None,
    });
    let column_name = layout.column_name(column, lang);
    let skipped = skips.finish();
    let (skipped, skipped_total) = (skipped.rows, skipped.total);
    let mut warnings = Vec::new();
    if skipped_total > 0 {
        warnings.push(texts.fill("data.warning.skipped_answers", &|_| Some(skipped_total.to_string())));
    }
    Ok(SurveyReport {
        kind: options.kind,
        scale,
        scale_detected: options.kind == SurveyKind::Csat && options.scale_max.is_none(),
        column: column_name,
        value,
        rule,
        responses,
        blank,
        scores: (scale.min..=scale.max).collect(),
        shares: counts.iter().map(|&n| share(n)).collect(),
        counts,
        nps,
        satisfied,
        ces,
        skipped,
        skipped_total,
        warnings,
    })
}

/// The column of scores: the only one, the one picked, the one whose header
/// names a score, or the first whose first answers are all whole numbers
/// from 0 to 10.
fn score_column(text: &str, layout: &Layout, options: &SurveyOptions) -> Result<usize, FieldError> {
    let header = layout.header.as_deref();
    if let Some(column) = &options.column {
        return column.resolve_or_error(header, layout.width, "score", options.lang);
    }
    if layout.width <= 1 {
        return Ok(0);
    }
    if let Some(i) = header.and_then(|h| h.iter().position(|name| SCORE_STEMS.iter().any(|s| fold(name).contains(s)))) {
        return Ok(i);
    }
    let mut record = ByteRecord::new();
    let mut rows = layout.rows(text);
    let mut all_scores = vec![true; layout.width];
    for _ in 0..50 {
        if rows.next_into(&mut record).is_none() {
            break;
        }
        for (i, ok) in all_scores.iter_mut().enumerate() {
            let cell = field(&record, i);
            *ok &=
                cell.is_empty() || read_number(cell, None).is_ok_and(|v| v.fract() == 0.0 && (0.0..=10.0).contains(&v));
        }
    }
    all_scores.iter().position(|&ok| ok).ok_or_else(|| {
        let role = role_name(options.lang, "score");
        field_error(options.lang, "score", ErrorCode::MissingColumn, "data.error.missing_column", &[("role", role)])
    })
}
