//! "How many will still be members next year?": one or more cohorts'
//! survival as typed or pasted (percent or counts per period, period 0 the
//! whole cohort), fitted by the shifted-beta-geometric model ([`super::sbg`])
//! and projected to a horizon, with what α and β mean in words, the
//! expected and median lifetime, and a subscription's value against the
//! naive "1 / churn" figure and why the two differ.

use serde::Serialize;

use super::sbg::{fit_cohorts, naive_value, spread, Cohort, Fitted, Sbg};
use crate::error::{ErrorCode, FieldError, Rejected};
use crate::format::{format_number, format_percent_to, Currency, Writer};
use crate::ingest::number::{read_raw, RawValue};
use crate::locale::Locale;
use crate::metric::FactKind;
use crate::text::{field_error, Texts};

/// Periods a projection may reach: thirty years of months.
pub const MAX_HORIZON: u32 = 360;

/// What a projection is asked for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProjectionOptions {
    /// Periods to project (1..=[`MAX_HORIZON`]).
    pub horizon: u32,
    /// The price a member pays each period, for the subscription's value.
    pub price: Option<f64>,
    /// The discount rate per period, in percent.
    pub discount_percent: f64,
    /// The language of the words.
    pub lang: Locale,
    /// The currency money is written in.
    pub currency: Currency,
}

impl Default for ProjectionOptions {
    fn default() -> Self {
        ProjectionOptions {
            horizon: 24,
            price: None,
            discount_percent: 0.0,
            lang: Locale::En,
            currency: Currency::default(),
        }
    }
}

/// A subscription's value from the model, and the naive figure beside it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubscriptionValue {
    /// The price per period.
    pub price: f64,
    /// The discount rate per period, in percent.
    pub discount_percent: f64,
    /// A new member: the first payment and the discounted payments still
    /// to come; `None` when that has no end (no discount and α ≤ 1).
    pub lifetime_value: Option<f64>,
    /// A member who has stayed every observed period: the discounted
    /// payments still to come.
    pub residual_value: Option<f64>,
    /// Price × the naive lifetime, discounted the same way.
    pub naive_value: Option<f64>,
}

/// The model's projection and its reading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Projection {
    /// α of the beta distribution of the chance of leaving.
    pub alpha: f64,
    /// β.
    pub beta: f64,
    /// Log-likelihood of the counts (percentages as cohorts of 1,000).
    pub log_likelihood: f64,
    /// The fit found a proper maximum.
    pub converged: bool,
    /// Cohorts fitted.
    pub cohorts: usize,
    /// Periods observed in the longest cohort.
    pub observed_periods: usize,
    /// Retention per period t = 1..=horizon, in percent.
    pub retention: Vec<f64>,
    /// Survival S(t), t = 0..=horizon, in percent.
    pub survival: Vec<f64>,
    /// The cohorts' own survival, t = 0..=observed, pooled (in percent).
    pub observed: Vec<f64>,
    /// The average member's chance of leaving in the first period: α / (α + β), in percent.
    pub mean_churn: f64,
    /// How far apart members are in their chance of leaving, 1 / (α + β + 1), from 0 (all alike) to 1.
    pub polarization: f64,
    /// Mean periods a member stays; `None` when α ≤ 1 (no end).
    pub expected_lifetime: Option<f64>,
    /// The period by whose end half the members have left.
    pub median_lifetime: Option<u32>,
    /// The observed churn per period, pooled over the cohorts (in percent), and 1 / it in periods.
    pub naive_churn: f64,
    /// 1 / naive churn: the lifetime if every period lost the same share.
    pub naive_lifetime: Option<f64>,
    /// The discounted periods still to come for a member who has stayed every observed period.
    pub residual_lifetime: Option<f64>,
    /// Value per member, when a price was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<SubscriptionValue>,
    /// What α and β mean, in the reader's words.
    pub spread: String,
    /// That retention rises, with the numbers.
    pub loyalty: String,
    /// The model's lifetime against 1 / churn, and why they differ.
    pub naive: String,
}

/// The options as a caller gives them: a horizon in periods (24 when
/// absent), a price per period (none: no value worked out) and a discount
/// per period in percent (0 when absent).
pub fn read_options(
    horizon: Option<&RawValue>,
    price: Option<&RawValue>,
    discount: Option<&RawValue>,
    lang: Locale,
    currency: Currency,
) -> Result<ProjectionOptions, FieldError> {
    let given =
        |raw: Option<&RawValue>| raw.filter(|raw| !matches!(raw, RawValue::Text(t) if t.trim().is_empty())).cloned();
    let read =
        |raw: Option<RawValue>, field: &str, key: &str, ok: &dyn Fn(f64) -> bool| -> Result<Option<f64>, FieldError> {
            let max = MAX_HORIZON.to_string();
            let refuse = || field_error(lang, field, ErrorCode::OutOfRange, key, &[("max", max.clone())]);
            raw.map(|raw| read_raw(&raw, Some(lang)).ok().filter(|v| ok(*v)).ok_or_else(refuse)).transpose()
        };
    let whole_periods = |v: f64| v.fract() == 0.0 && (1.0..=f64::from(MAX_HORIZON)).contains(&v);
    let horizon = read(given(horizon), "horizon", "data.projection.error.horizon", &whole_periods)?;
    let price = read(given(price), "price", "data.projection.error.price", &|v| (0.0..=1e9).contains(&v))?;
    let discount =
        read(given(discount), "discount", "data.projection.error.discount", &|v| (0.0..=100.0).contains(&v))?;
    Ok(ProjectionOptions {
        horizon: horizon.map_or(ProjectionOptions::default().horizon, |h| h as u32),
        price,
        discount_percent: discount.unwrap_or(0.0),
        lang,
        currency,
    })
}

/// One cohort as given: numbers or typed text, period 0 first.
pub type RawSeries = Vec<Option<RawValue>>;

/// Reads the cohorts: a series that starts at 100 is in percent (a cohort
/// of 1,000, as the paper's), any other in counts ([`Cohort::from_series`]). Each must start above 0,
/// never rise, and have at least period 1.
pub fn read_cohorts(series: &[RawSeries], lang: Locale) -> Result<Vec<Cohort>, FieldError> {
    let one = series.len() == 1;
    if series.is_empty() {
        return Err(field_error(lang, "survival", ErrorCode::Required, "data.projection.error.empty", &[]));
    }
    series
        .iter()
        .enumerate()
        .map(|(c, values)| {
            let field = |t: usize| if one { format!("survival[{t}]") } else { format!("survival[{c}][{t}]") };
            let name = |t: usize| [("period", t.to_string()), ("cohort", (c + 1).to_string())];
            if values.len() < 2 {
                return Err(field_error(lang, &field(0), ErrorCode::Required, "data.projection.error.short", &name(0)));
            }
            let mut read = Vec::with_capacity(values.len());
            for (t, raw) in values.iter().enumerate() {
                let refuse = |code, key| field_error(lang, &field(t), code, key, &name(t));
                let raw = raw.as_ref().ok_or_else(|| refuse(ErrorCode::Required, "data.projection.error.missing"))?;
                let value = read_raw(raw, Some(lang))
                    .map_err(|_| refuse(ErrorCode::NotANumber, "data.projection.error.number"))?;
                if value < 0.0 {
                    return Err(refuse(ErrorCode::Negative, "data.projection.error.number"));
                }
                if value > 1e9 {
                    return Err(refuse(ErrorCode::OutOfRange, "data.projection.error.number"));
                }
                if t == 0 && value == 0.0 {
                    return Err(refuse(ErrorCode::Zero, "data.projection.error.start"));
                }
                if t > 0 && value > read[t - 1] {
                    return Err(refuse(ErrorCode::Inconsistent, "data.projection.error.rises"));
                }
                read.push(value);
            }
            Ok(Cohort::from_series(&read))
        })
        .collect()
}

/// Fits the cohorts and projects them; refuses cohorts where nobody left
/// (or everybody did), which have no maximum to find.
pub fn project(cohorts: &[Cohort], options: &ProjectionOptions) -> Result<Projection, Rejected> {
    let lang = options.lang;
    let Fitted { fit: found, pooled, observed_periods } = fit_cohorts(cohorts).map_err(|reason| {
        let key = format!("data.projection.error.{}", reason.id());
        Rejected { errors: vec![field_error(lang, "survival", ErrorCode::CannotFit, &key, &[])] }
    })?;
    let model = found.params;
    let discount = options.discount_percent / 100.0;
    let naive_churn = pooled.churn();
    let naive_lifetime = (naive_churn > 0.0).then(|| 1.0 / naive_churn);
    let residual_lifetime = model.discounted_residual_lifetime(observed_periods as u32, discount);
    let value = options.price.map(|price| SubscriptionValue {
        price,
        discount_percent: options.discount_percent,
        lifetime_value: model.member_value(price, discount),
        residual_value: residual_lifetime.map(|rest| price * rest),
        naive_value: naive_value(price, naive_churn, discount),
    });
    let words = Words { texts: Texts::for_locale(lang), writer: Writer { lang, currency: options.currency } };
    let survival = model.survival(options.horizon);
    Ok(Projection {
        alpha: model.alpha,
        beta: model.beta,
        log_likelihood: found.log_likelihood,
        converged: found.converged,
        cohorts: cohorts.len(),
        observed_periods,
        retention: (1..=options.horizon).map(|t| 100.0 * model.retention(t)).collect(),
        observed: pooled.survival,
        mean_churn: 100.0 * model.alpha / (model.alpha + model.beta),
        polarization: 1.0 / (model.alpha + model.beta + 1.0),
        expected_lifetime: model.expected_lifetime(),
        median_lifetime: model.median_lifetime(),
        naive_churn: 100.0 * naive_churn,
        naive_lifetime,
        residual_lifetime,
        value,
        spread: words.spread(&model),
        loyalty: words.loyalty(&model, options.horizon),
        naive: words.naive(&model, naive_churn, naive_lifetime),
        survival: survival.into_iter().map(|s| 100.0 * s).collect(),
    })
}

/// The texts and the number writer the projection speaks with.
struct Words {
    texts: &'static Texts,
    writer: Writer,
}

impl Words {
    fn fill(&self, key: &str, values: &[(&str, String)]) -> String {
        self.texts.fill(key, &|name| values.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone()))
    }

    fn percent(&self, share: f64) -> String {
        format_percent_to(100.0 * share, 1, self.writer.lang)
    }

    fn spread(&self, model: &Sbg) -> String {
        let key = match spread(model) {
            "wide" => "data.projection.spread.wide",
            "main" => "data.projection.spread.some",
            _ => "data.projection.spread.alike",
        };
        self.fill(key, &[("churn", self.percent(model.alpha / (model.alpha + model.beta)))])
    }

    fn loyalty(&self, model: &Sbg, horizon: u32) -> String {
        self.fill(
            "data.projection.loyalty",
            &[
                ("first", self.percent(model.retention(1))),
                ("last", self.percent(model.retention(horizon))),
                ("horizon", horizon.to_string()),
            ],
        )
    }

    fn naive(&self, model: &Sbg, churn: f64, naive_lifetime: Option<f64>) -> String {
        let periods = |x: f64| format_number(x, 1, true, self.writer.lang);
        let naive = naive_lifetime.map(periods).unwrap_or_default();
        let values =
            |model_words: String| [("churn", self.percent(churn)), ("naive", naive.clone()), ("model", model_words)];
        match model.expected_lifetime() {
            Some(mean) => self.fill("data.projection.naive.mean", &values(periods(mean))),
            None => {
                let median = model
                    .median_lifetime()
                    .map_or_else(String::new, |m| self.writer.fact(FactKind::Count, f64::from(m)));
                self.fill("data.projection.naive.endless", &values(median))
            }
        }
    }
}
