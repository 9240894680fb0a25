//! Every customer of a log with what the models say about them: the
//! table, the ranking of whom to contact, the fitted models in figures the
//! page can put into words, and the tracking check against a holdout.
//!
//! Two fits at most: the models behind the table see everything up to the
//! log's last day; when the reader picks a calibration end, a second
//! BG/NBD fitted on the days before it is checked, week by week, against
//! the purchases that came after. Customers with equal histories share one
//! evaluation of the models (a big log repeats (x, t_x, T) often).

use serde::Serialize;

use super::bgnbd::{self, BgNbd, BgNbdFit, Group};
use super::gamma_gamma::{self, GammaGamma, GammaGammaFit, Spend};
use super::summary::{grouped, histories, history, Cutoffs, DAYS_PER_WEEK};
use super::value::discounted_purchases;
use super::{CannotFit, History};
use crate::analysis::ledger::Ledger;
use crate::analysis::segments::{assign, by_revenue, descending, Segment};
use crate::analysis::{read_ledger, TransactionOptions};
use crate::calendar::Day;
use crate::error::{ErrorCode, FieldError};
use crate::ingest::date::{read_date, DateOrder};
use crate::ingest::log::InputSummary;
use crate::ingest::number::{read_raw, RawValue};
use crate::ingest::options::whole_number;
use crate::locale::Locale;
use crate::text::{field_error, Texts};

/// How to predict.
#[derive(Debug, Clone)]
pub struct PredictOptions {
    /// Reading the log, and the activity window of the segments.
    pub analysis: TransactionOptions,
    /// A calibration end for the tracking check; none for no check.
    pub calibration_end: Option<Day>,
    /// Months of predicted value.
    pub horizon_months: u32,
    /// Monthly discount rate of predicted value, in percent.
    pub discount_percent: f64,
}

/// Months of predicted value when none are given.
pub const DEFAULT_HORIZON_MONTHS: u32 = 12;
/// The longest horizon accepted: ten years.
pub const MAX_HORIZON_MONTHS: u32 = 120;
/// The monthly discount rate when none is given, in percent.
pub const DEFAULT_DISCOUNT_PERCENT: f64 = 1.0;

impl Default for PredictOptions {
    fn default() -> PredictOptions {
        PredictOptions {
            analysis: TransactionOptions::default(),
            calibration_end: None,
            horizon_months: DEFAULT_HORIZON_MONTHS,
            discount_percent: DEFAULT_DISCOUNT_PERCENT,
        }
    }
}

/// The horizon in months from an option as given: 1 to 120, 12 when absent.
pub fn horizon_months(raw: Option<&RawValue>, lang: Locale) -> Result<u32, FieldError> {
    let months =
        whole_number(raw, "horizon_months", "data.predict.error.horizon", 1, u64::from(MAX_HORIZON_MONTHS), lang)?;
    Ok(months.map_or(DEFAULT_HORIZON_MONTHS, |m| m as u32))
}

/// The monthly discount rate in percent from an option as given: 0 to 100,
/// 1 when absent.
pub fn discount_percent(raw: Option<&RawValue>, lang: Locale) -> Result<f64, FieldError> {
    let Some(value) = raw.filter(|raw| !matches!(raw, RawValue::Text(t) if t.trim().is_empty())) else {
        return Ok(DEFAULT_DISCOUNT_PERCENT);
    };
    match read_raw(value, Some(lang)) {
        Ok(rate) if (0.0..=100.0).contains(&rate) => Ok(rate),
        _ => Err(field_error(lang, "discount", ErrorCode::OutOfRange, "data.predict.error.discount", &[])),
    }
}

/// A day option written year first (`1997-09-30`), as a date picker gives
/// it; none when absent.
pub fn day_option(raw: Option<&RawValue>, field: &str, lang: Locale) -> Result<Option<Day>, FieldError> {
    let text = match raw {
        None => return Ok(None),
        Some(RawValue::Text(text)) if text.trim().is_empty() => return Ok(None),
        Some(RawValue::Text(text)) => text.trim(),
        Some(_) => "",
    };
    let day = read_date(text).filter(|parts| parts.is_year_first()).and_then(|parts| parts.day(DateOrder::Dmy));
    day.map(Some).ok_or_else(|| {
        field_error(lang, field, ErrorCode::NotANumber, "data.predict.error.date", &[("text", text.to_string())])
    })
}

/// What the customers view shows (the public JSON shape).
#[derive(Debug, Clone, Serialize)]
pub struct CustomersReport {
    /// What was understood about the file.
    pub input: InputSummary,
    /// The unit of `t_x`, `T` and the models' times: `week`.
    pub unit: &'static str,
    /// The log's last day: "today" for every figure (ISO date).
    pub observation_end: String,
    /// The activity window of the segments, in days.
    pub window_days: u32,
    /// Months of predicted value.
    pub horizon_months: u32,
    /// Monthly discount rate of predicted value, in percent.
    pub discount: f64,
    /// What `at_stake` counts: `money` (past spend), or `visits` in a log
    /// without amounts.
    pub at_stake_unit: &'static str,
    /// The fitted models, or why they could not be fitted.
    pub model: Model,
    /// Every customer, best first by past spend (by visits without amounts).
    pub customers: Vec<CustomerRow>,
    /// The check against purchases after a calibration end, when one was
    /// picked.
    pub tracking: Option<Tracking>,
}

/// A model that could not be fitted, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Refusal {
    /// `too_few_customers`, `too_few_repeat_buyers`, `too_few_spenders`,
    /// `no_maximum`, `spend_unbounded` or `no_amounts`.
    pub code: &'static str,
    /// Why, in the reader's language.
    pub message: String,
}

/// The fitted models and what they mean.
#[derive(Debug, Clone, Serialize)]
pub struct Model {
    /// Customers the models saw.
    pub customers: u64,
    /// Of them, those who came back at least once (x > 0).
    pub repeat_buyers: u64,
    /// BG/NBD, when it could be fitted.
    pub bg_nbd: Option<BgNbdFit>,
    /// Why BG/NBD could not be fitted.
    pub bg_nbd_refusal: Option<Refusal>,
    /// Gamma-Gamma, when it could be fitted.
    pub gamma_gamma: Option<GammaGammaFit>,
    /// Why Gamma-Gamma could not be fitted.
    pub gamma_gamma_refusal: Option<Refusal>,
    /// A typical customer's weeks between purchases while still a customer.
    pub weeks_between_purchases: Option<f64>,
    /// The share (0–1) expected to stop coming after any one purchase.
    pub drop_out_per_purchase: Option<f64>,
    /// Visits expected from the whole base in the next 365 days.
    pub expected_visits_next_year: Option<f64>,
    /// Visits expected from a new customer in their first 365 days.
    pub expected_visits_new_customer: Option<f64>,
    /// The mean spend per purchase across customers.
    pub mean_spend: Option<f64>,
    /// Pearson's correlation of repeat purchases and mean spend among
    /// repeat buyers; Gamma-Gamma assumes it near 0.
    pub spend_frequency_correlation: Option<f64>,
    /// Whether that correlation is far enough from 0 (|ρ| > 0.3) to doubt
    /// the predicted spend.
    pub spend_depends_on_frequency: bool,
}

/// One customer in the table.
#[derive(Debug, Clone, Serialize)]
pub struct CustomerRow {
    /// As written in the file.
    pub id: String,
    /// The segment, as in the report.
    pub segment: Segment,
    /// First visit (ISO date).
    pub first_visit: String,
    /// Last visit (ISO date).
    pub last_visit: String,
    /// Days from the last visit to the log's last day.
    pub days_since_last: u32,
    /// Distinct days with an order.
    pub visits: u32,
    /// The median number of days between two of their visits; none with
    /// one visit.
    pub usual_gap_days: Option<f64>,
    /// Away more than twice their usual gap.
    pub overdue: bool,
    /// What they spent; none without amounts.
    pub total_spend: Option<f64>,
    /// Spend per visit; none without amounts.
    pub average_spend: Option<f64>,
    /// Repeat purchases (visits − 1).
    pub x: u32,
    /// Weeks from the first visit to the last (the models' recency).
    pub t_x: f64,
    /// Weeks from the first visit to the log's last day.
    #[serde(rename = "T")]
    pub t: f64,
    /// Mean spend of the repeat visits; none without amounts.
    pub monetary: Option<f64>,
    /// The chance they are still a customer.
    pub p_alive: Option<f64>,
    /// Visits expected in the next 30 days.
    pub expected_30: Option<f64>,
    /// Visits expected in the next 90 days.
    pub expected_90: Option<f64>,
    /// Visits expected in the next 365 days.
    pub expected_365: Option<f64>,
    /// Expected spend per visit from now on.
    pub expected_spend: Option<f64>,
    /// Visits expected over the horizon, each discounted to today:
    /// `value` = `expected_spend` × this.
    pub discounted_visits: Option<f64>,
    /// Predicted value over the horizon, discounted.
    pub value: Option<f64>,
    /// Past spend (or visits) × (1 − P(alive)): what leaving would cost.
    pub at_stake: Option<f64>,
    /// Place in the contact list, from 1: overdue first, then by `at_stake`.
    pub contact_rank: u32,
    /// The suggested action: `thank`, `reward`, `welcome`, `win_back`,
    /// `last_chance` or `invite`.
    pub action: &'static str,
}

/// Expected against actual repeat visits after a calibration end.
#[derive(Debug, Clone, Serialize)]
pub struct Tracking {
    /// The calibration end (ISO date).
    pub calibration_end: String,
    /// The model fitted on the days up to it.
    pub bg_nbd: Option<BgNbdFit>,
    /// Why it could not be fitted.
    pub refusal: Option<Refusal>,
    /// Cumulative visits week by week after the calibration end.
    pub points: Vec<TrackingPoint>,
}

/// One point of the tracking chart.
#[derive(Debug, Clone, Serialize)]
pub struct TrackingPoint {
    /// Weeks after the calibration end.
    pub week: u32,
    /// The day it ends (ISO date).
    pub day: String,
    /// Repeat visits the model expected up to it.
    pub expected: f64,
    /// Repeat visits that happened up to it.
    pub actual: u64,
}

/// Customers are overdue when away more than this many usual gaps.
pub const OVERDUE_GAPS: f64 = 2.0;

/// At most this many points on the tracking chart (a week each, or a few
/// weeks each over a long holdout).
const MAX_TRACKING_POINTS: u32 = 52;

/// One customer's visits (`customerVisits`): what their history's timeline
/// shows, asked for when it is opened, so that the whole table does not
/// carry every visit of every customer.
#[derive(Debug, Clone, Serialize)]
pub struct CustomerVisits {
    /// As written in the file.
    pub id: String,
    /// Each day with an order, in order.
    pub visits: Vec<Visit>,
}

/// A day with an order.
#[derive(Debug, Clone, Serialize)]
pub struct Visit {
    /// ISO date.
    pub day: String,
    /// What was spent that day; none without amounts.
    pub spend: Option<f64>,
}

/// The visits of the customer `id` (as written in the file).
pub fn customer_visits(
    bytes: impl AsRef<[u8]>,
    analysis: &TransactionOptions,
    id: &str,
) -> Result<CustomerVisits, FieldError> {
    let lang = analysis.log.lang;
    let (log, ledger) = read_ledger(bytes, analysis, &mut |_| {})?;
    let found = log.customer_ids.iter().position(|known| known.as_ref() == id.trim());
    let Some(customer) = found else {
        let text = crate::text::shortened(id, 40);
        return Err(field_error(
            lang,
            "customer",
            ErrorCode::OutOfRange,
            "data.predict.error.no_customer",
            &[("text", text)],
        ));
    };
    let (days, amounts) = ledger.of(customer);
    let mut visits: Vec<Visit> = Vec::new();
    let mut previous = None;
    for (&day, &amount) in days.iter().zip(amounts) {
        let spend = log.input.has_amounts.then_some(amount);
        match visits.last_mut() {
            Some(last) if previous == Some(day) => last.spend = last.spend.zip(spend).map(|(a, b)| a + b),
            _ => visits.push(Visit { day: Day(day).to_string(), spend }),
        }
        previous = Some(day);
    }
    Ok(CustomerVisits { id: log.customer_ids[customer].to_string(), visits })
}

/// The per-customer summary of a log (`summarizeCustomers`).
#[derive(Debug, Clone, Serialize)]
pub struct SummaryReport {
    /// What was understood about the file.
    pub input: InputSummary,
    /// One row per customer first seen by the calibration end.
    pub customers: Vec<SummaryRow>,
    /// `week`.
    pub unit: &'static str,
    /// The end of observation (ISO date).
    pub observation_end: String,
    /// The calibration end, when one was given (ISO date).
    pub calibration_end: Option<String>,
}

/// One customer's history in the libraries' conventions.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryRow {
    /// As written in the file.
    pub id: String,
    /// Repeat purchase days.
    pub x: u32,
    /// Weeks from the first purchase to the last.
    pub t_x: f64,
    /// Weeks from the first purchase to the end of observation (or of
    /// calibration).
    #[serde(rename = "T")]
    pub t: f64,
    /// Mean amount of the repeat purchase days; 0 without repeat purchases
    /// (and in a log without amounts).
    pub monetary: f64,
    /// Repeat purchase days after the calibration end, when one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holdout_x: Option<u32>,
}

/// The per-customer summary of a log: x, t_x, T and monetary per customer
/// at `calibration_end` (the observation end when none), with the holdout
/// after it. Orders after `observation_end` (the log's last day when none)
/// are not counted.
pub fn summarize_customers(
    bytes: impl AsRef<[u8]>,
    analysis: &TransactionOptions,
    observation_end: Option<Day>,
    calibration_end: Option<Day>,
) -> Result<SummaryReport, FieldError> {
    let lang = analysis.log.lang;
    let (log, ledger) = read_ledger(bytes, analysis, &mut |_| {})?;
    let observation = observation_end.unwrap_or(ledger.last_day);
    check_within(observation, ledger.first_day, ledger.last_day, "observation_end", lang)?;
    let calibration = calibration_end.unwrap_or(observation);
    check_within(calibration, ledger.first_day, observation, "calibration_end", lang)?;
    let cutoffs = Cutoffs { calibration_end: calibration.0, observation_end: observation.0 };
    let customers = histories(&ledger, cutoffs)
        .into_iter()
        .enumerate()
        .filter_map(|(c, h)| {
            let h = h?;
            Some(SummaryRow {
                id: log.customer_ids[c].to_string(),
                x: h.x,
                t_x: h.t_x,
                t: h.t,
                monetary: if log.input.has_amounts { h.monetary } else { 0.0 },
                holdout_x: calibration_end.map(|_| h.holdout_x),
            })
        })
        .collect();
    Ok(SummaryReport {
        input: log.input,
        customers,
        unit: "week",
        observation_end: observation.to_string(),
        calibration_end: calibration_end.map(|d| d.to_string()),
    })
}

/// Refuses a cutoff outside the log's days.
fn check_within(day: Day, first: Day, last: Day, field: &str, lang: Locale) -> Result<(), FieldError> {
    if (first.0..=last.0).contains(&day.0) {
        return Ok(());
    }
    let values = [("first", first.to_string()), ("last", last.to_string())];
    Err(field_error(lang, field, ErrorCode::OutOfRange, "data.predict.error.outside_log", &values))
}

/// Reads a log and predicts for every customer. `progress` hears how much
/// of the work is done, from 0 to 1.
pub fn predict_customers(
    bytes: impl AsRef<[u8]>,
    options: &PredictOptions,
    progress: &mut dyn FnMut(f64),
) -> Result<CustomersReport, FieldError> {
    let lang = options.analysis.log.lang;
    let (log, ledger) = read_ledger(bytes, &options.analysis, &mut |share| progress(share * 0.6))?;
    if let Some(calibration) = options.calibration_end {
        check_within(calibration, ledger.first_day, ledger.last_day, "calibration_end", lang)?;
    }
    let has_amounts = log.input.has_amounts;
    let today = ledger.last_day.0;
    let cutoffs = Cutoffs { calibration_end: today, observation_end: today };
    // Every customer has an order by the last day, so each has a history
    // (kept by customer number, so none may drop out of the list).
    let all: Vec<History> = histories(&ledger, cutoffs).into_iter().map(|h| h.unwrap_or(History::NEW)).collect();
    let (groups, group_of) = grouped(&all);
    let texts = Texts::for_locale(lang);
    let refuse = |reason: CannotFit| Refusal { code: reason.id(), message: reason.error(lang).message };
    let bg_nbd = fit_bg_nbd(&groups);
    progress(0.7);
    let spenders: Vec<Spend> =
        all.iter().filter(|h| h.x > 0 && h.monetary > 0.0).map(|h| Spend { x: h.x, monetary: h.monetary }).collect();
    let gamma_gamma = if has_amounts { Some(fit_spend(&spenders)) } else { None };
    progress(0.75);
    let discount = options.discount_percent / 100.0;
    let per_group: Vec<Option<GroupForecast>> = groups
        .iter()
        .map(|g| {
            bg_nbd
                .as_ref()
                .ok()
                .map(|fit| GroupForecast::new(&fit.params, &g.history, options.horizon_months, discount))
        })
        .collect();
    progress(0.9);
    let spend_model = gamma_gamma.as_ref().and_then(|fit| fit.as_ref().ok()).map(|fit| fit.params);
    let (ranked, _) = by_revenue(&ledger, has_amounts);
    let segments = assign(&ledger, options.analysis.window_days, &ranked);
    let mut gaps = Vec::new();
    let mut customers: Vec<CustomerRow> = ranked
        .iter()
        .map(|&c| {
            let c = c as usize;
            let forecast = per_group[group_of[c] as usize].as_ref();
            let row = Visits::of(&ledger, c, &mut gaps);
            customer_row(
                log.customer_ids[c].to_string(),
                segments[c],
                &row,
                &all[c],
                forecast,
                spend_model,
                has_amounts,
                today,
            )
        })
        .collect();
    rank_contacts(&mut customers);
    let tracking = options.calibration_end.map(|calibration| track(&ledger, calibration.0, today, &refuse));
    progress(1.0);
    let model = describe(&all, &groups, &per_group, bg_nbd, gamma_gamma, spend_model, &spenders, &refuse, texts);
    Ok(CustomersReport {
        input: log.input,
        unit: "week",
        observation_end: ledger.last_day.to_string(),
        window_days: options.analysis.window_days,
        horizon_months: options.horizon_months,
        discount: options.discount_percent,
        at_stake_unit: if has_amounts { "money" } else { "visits" },
        model,
        customers,
        tracking,
    })
}

/// BG/NBD fitted, or the reason it cannot stand: too little data, or a
/// likelihood without a proper maximum.
fn fit_bg_nbd(groups: &[Group]) -> Result<BgNbdFit, CannotFit> {
    let fit = bgnbd::fit(groups)?;
    if fit.converged {
        Ok(fit)
    } else {
        Err(CannotFit::NoMaximum)
    }
}

/// Gamma-Gamma fitted, or the reason it cannot stand.
fn fit_spend(spenders: &[Spend]) -> Result<GammaGammaFit, CannotFit> {
    let fit = gamma_gamma::fit(spenders)?;
    if !fit.converged {
        Err(CannotFit::NoMaximum)
    } else if fit.params.population_spend().is_none() {
        Err(CannotFit::SpendUnbounded)
    } else {
        Ok(fit)
    }
}

/// What BG/NBD says about one history.
struct GroupForecast {
    p_alive: f64,
    expected: [f64; 3],
    /// Purchases over the horizon, discounted: the value is this times
    /// the expected spend.
    discounted: f64,
}

/// The next 30, 90 and 365 days, in weeks.
const NEXT_WEEKS: [f64; 3] = [30.0 / DAYS_PER_WEEK, 90.0 / DAYS_PER_WEEK, 365.0 / DAYS_PER_WEEK];

impl GroupForecast {
    fn new(model: &BgNbd, history: &History, months: u32, discount: f64) -> GroupForecast {
        GroupForecast {
            p_alive: model.p_alive(history),
            expected: NEXT_WEEKS.map(|weeks| model.expected_purchases(history, weeks)),
            discounted: discounted_purchases(model, history, months, discount),
        }
    }
}

/// One customer's visits: distinct order days and what they spent.
struct Visits {
    first: i32,
    last: i32,
    count: u32,
    spend: f64,
    usual_gap: Option<f64>,
}

impl Visits {
    /// Reads customer `c`, with `gaps` a buffer reused across customers.
    fn of(ledger: &Ledger, c: usize, gaps: &mut Vec<u64>) -> Visits {
        let (days, amounts) = ledger.of(c);
        gaps.clear();
        gaps.extend(days.windows(2).map(|pair| (pair[1] - pair[0]) as u64).filter(|&gap| gap > 0));
        let count = gaps.len() as u32 + 1;
        let usual_gap = (!gaps.is_empty()).then(|| median(gaps));
        Visits { first: days[0], last: days[days.len() - 1], count, spend: amounts.iter().sum(), usual_gap }
    }
}

/// The median of a few whole numbers (reordered in place).
fn median(values: &mut [u64]) -> f64 {
    values.sort_unstable();
    let middle = values.len() / 2;
    if values.len() % 2 == 1 {
        values[middle] as f64
    } else {
        (values[middle - 1] + values[middle]) as f64 / 2.0
    }
}

#[allow(clippy::too_many_arguments)]
fn customer_row(
    id: String,
    segment: Segment,
    visits: &Visits,
    history: &History,
    forecast: Option<&GroupForecast>,
    spend_model: Option<GammaGamma>,
    has_amounts: bool,
    today: i32,
) -> CustomerRow {
    let days_since_last = (today - visits.last) as u32;
    let overdue = visits.usual_gap.is_some_and(|gap| f64::from(days_since_last) > OVERDUE_GAPS * gap);
    let money = |value: f64| has_amounts.then_some(value);
    let expected_spend = spend_model.map(|m| m.expected_spend(history.x, history.monetary.max(0.0)).max(0.0));
    let past = if has_amounts { visits.spend } else { f64::from(visits.count) };
    CustomerRow {
        id,
        segment,
        first_visit: Day(visits.first).to_string(),
        last_visit: Day(visits.last).to_string(),
        days_since_last,
        visits: visits.count,
        usual_gap_days: visits.usual_gap,
        overdue,
        total_spend: money(visits.spend),
        average_spend: money(visits.spend / f64::from(visits.count)),
        x: history.x,
        t_x: history.t_x,
        t: history.t,
        monetary: money(history.monetary),
        p_alive: forecast.map(|f| f.p_alive),
        expected_30: forecast.map(|f| f.expected[0]),
        expected_90: forecast.map(|f| f.expected[1]),
        expected_365: forecast.map(|f| f.expected[2]),
        expected_spend,
        discounted_visits: forecast.map(|f| f.discounted),
        value: forecast.zip(expected_spend).map(|(f, spend)| f.discounted * spend),
        at_stake: forecast.map(|f| past.max(0.0) * (1.0 - f.p_alive)),
        contact_rank: 0,
        action: action(segment, overdue, visits.count),
    }
}

/// The suggested action: whoever is overdue is won back; otherwise as
/// the segment suggests (a new customer is welcomed to a second visit
/// until they have made one).
fn action(segment: Segment, overdue: bool, visits: u32) -> &'static str {
    if overdue {
        return "win_back";
    }
    match segment {
        Segment::Vip => "thank",
        Segment::Loyal => "reward",
        Segment::New if visits > 1 => "reward",
        Segment::New => "welcome",
        Segment::AtRisk => "win_back",
        Segment::Lost => "last_chance",
        Segment::Other => "invite",
    }
}

/// Numbers the contact list: overdue customers first, then by what their
/// leaving would cost, then by past spend (the table's order, kept for
/// ties).
fn rank_contacts(customers: &mut [CustomerRow]) {
    let at_stake: Vec<f64> = customers.iter().map(|c| c.at_stake.unwrap_or(0.0)).collect();
    let order = descending(&at_stake);
    let overdue_first = order.iter().filter(|&&c| customers[c as usize].overdue);
    let then_the_rest = order.iter().filter(|&&c| !customers[c as usize].overdue);
    let ranked: Vec<u32> = overdue_first.chain(then_the_rest).copied().collect();
    for (rank, c) in ranked.into_iter().enumerate() {
        customers[c as usize].contact_rank = rank as u32 + 1;
    }
}

/// The tracking check: a model fitted up to `calibration_end`, and the
/// cumulative repeat visits it expected against those that came, at most
/// [`MAX_TRACKING_POINTS`] points.
fn track(ledger: &Ledger, calibration_end: i32, today: i32, refuse: &dyn Fn(CannotFit) -> Refusal) -> Tracking {
    let cutoffs = Cutoffs { calibration_end, observation_end: today };
    let weeks = ((today - calibration_end) / 7) as u32;
    let step = weeks.div_ceil(MAX_TRACKING_POINTS).max(1);
    let points_weeks: Vec<u32> = (1..=weeks / step).map(|k| k * step).collect();
    let mut actual = vec![0u64; points_weeks.len()];
    let mut calibrated = Vec::new();
    for c in 0..ledger.customers() {
        let (days, amounts) = ledger.of(c);
        let Some(h) = history(days, amounts, cutoffs) else { continue };
        calibrated.push(h);
        let mut previous = None;
        for &day in days.iter().filter(|&&d| d > calibration_end) {
            if previous == Some(day) {
                continue;
            }
            previous = Some(day);
            let week = (day - calibration_end - 1) as u32 / 7 + 1;
            for (point, &end) in actual.iter_mut().zip(&points_weeks) {
                *point += u64::from(week <= end);
            }
        }
    }
    let (groups, _) = grouped(&calibrated);
    let fit = fit_bg_nbd(&groups);
    let points = match &fit {
        Ok(fit) => points_weeks
            .iter()
            .zip(actual)
            .map(|(&week, actual)| TrackingPoint {
                week,
                day: Day(calibration_end + 7 * week as i32).to_string(),
                expected: groups
                    .iter()
                    .map(|g| g.weight * fit.params.expected_purchases(&g.history, f64::from(week)))
                    .sum(),
                actual,
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    Tracking {
        calibration_end: Day(calibration_end).to_string(),
        bg_nbd: fit.ok(),
        refusal: fit.err().map(refuse),
        points,
    }
}

#[allow(clippy::too_many_arguments)]
fn describe(
    all: &[History],
    groups: &[Group],
    per_group: &[Option<GroupForecast>],
    bg_nbd: Result<BgNbdFit, CannotFit>,
    gamma_gamma: Option<Result<GammaGammaFit, CannotFit>>,
    spend_model: Option<GammaGamma>,
    spenders: &[Spend],
    refuse: &dyn Fn(CannotFit) -> Refusal,
    texts: &Texts,
) -> Model {
    let fitted = bg_nbd.as_ref().ok().map(|fit| fit.params);
    let next_year = fitted
        .map(|_| groups.iter().zip(per_group).map(|(g, f)| g.weight * f.as_ref().map_or(0.0, |f| f.expected[2])).sum());
    let correlation = correlation(spenders);
    let no_amounts = || Refusal { code: "no_amounts", message: texts.get("data.clv.no_amounts").to_string() };
    Model {
        customers: all.len() as u64,
        repeat_buyers: all.iter().filter(|h| h.x > 0).count() as u64,
        weeks_between_purchases: fitted.map(|m| m.weeks_between_purchases()),
        drop_out_per_purchase: fitted.map(|m| m.drop_out_per_purchase()),
        expected_visits_next_year: next_year,
        expected_visits_new_customer: fitted.map(|m| m.expected_new(NEXT_WEEKS[2])),
        mean_spend: spend_model.and_then(|m| m.population_spend()),
        spend_frequency_correlation: correlation.filter(|_| gamma_gamma.is_some()),
        spend_depends_on_frequency: gamma_gamma.is_some() && correlation.is_some_and(|r| r.abs() > 0.3),
        bg_nbd_refusal: bg_nbd.as_ref().err().map(|&reason| refuse(reason)),
        bg_nbd: bg_nbd.ok(),
        gamma_gamma_refusal: match &gamma_gamma {
            None => Some(no_amounts()),
            Some(Err(reason)) => Some(refuse(*reason)),
            Some(Ok(_)) => None,
        },
        gamma_gamma: gamma_gamma.and_then(Result::ok),
    }
}

/// Pearson's correlation of repeat purchases and mean spend; none when
/// either does not vary.
fn correlation(spenders: &[Spend]) -> Option<f64> {
    let n = spenders.len() as f64;
    if n < 2.0 {
        return None;
    }
    let mean_x = spenders.iter().map(|s| f64::from(s.x)).sum::<f64>() / n;
    let mean_m = spenders.iter().map(|s| s.monetary).sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for s in spenders {
        let (dx, dm) = (f64::from(s.x) - mean_x, s.monetary - mean_m);
        sxy += dx * dm;
        sxx += dx * dx;
        syy += dm * dm;
    }
    let r = sxy / (sxx * syy).sqrt();
    r.is_finite().then_some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_gap_of_even_and_odd_counts() {
        assert_eq!(median(&mut [7, 1, 3]), 3.0);
        assert_eq!(median(&mut [10, 2, 4, 8]), 6.0);
    }

    #[test]
    fn overdue_customers_are_won_back_whatever_their_segment() {
        assert_eq!(action(Segment::Vip, true, 9), "win_back");
        assert_eq!(action(Segment::Vip, false, 9), "thank");
        assert_eq!(action(Segment::New, false, 1), "welcome");
        assert_eq!(action(Segment::New, false, 2), "reward", "a second visit made is no longer to welcome");
    }

    #[test]
    fn day_options_are_year_first_dates() {
        let read = |text: &str| day_option(Some(&RawValue::Text(text.into())), "calibration_end", Locale::En);
        assert_eq!(read("1997-09-30").unwrap().map(|d| d.to_string()).as_deref(), Some("1997-09-30"));
        assert_eq!(read(" ").unwrap(), None);
        assert_eq!(read("30.09.1997").unwrap_err().field, "calibration_end");
        assert_eq!(read("1997-02-30").unwrap_err().code, ErrorCode::NotANumber);
    }
}
