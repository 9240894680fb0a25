//! The predictions against the published numbers (`predict.md`, sections
//! 1–4) and an independent implementation: the CDNOW 1/10 sample's raw
//! log (`tests/fixtures/predict/cdnow-sample.csv`, from the `lifetimes`
//! package, MIT) is summarised, fitted and predicted, and compared with
//! Fader, Hardie & Lee's parameters, Hardie's own per-customer summary
//! (`cdnow-summary.csv`) and the values `lifetimes` gives
//! (`lifetimes-reference.json`, made by `scripts/reference/lifetimes_reference.py`).
//! Parameters are also recovered from logs simulated from known ones.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;

use retention_metrics::analysis::TransactionOptions;
use retention_metrics::calendar::Day;
use retention_metrics::predict::bgnbd::{self, BgNbd, Group};
use retention_metrics::predict::customers::{
    customer_visits, predict_customers, summarize_customers, PredictOptions, SummaryRow,
};
use retention_metrics::predict::gamma_gamma::{self, GammaGamma, Spend};
use retention_metrics::predict::value::predicted_value;
use retention_metrics::predict::{CannotFit, History};
use serde_json::Value;

const PAPER: BgNbd = BgNbd { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };
const PAPER_SPEND: GammaGamma = GammaGamma { p: 6.25, q: 3.74, gamma: 15.44 };

fn fixture(name: &str) -> String {
    fs::read_to_string(format!("tests/fixtures/predict/{name}")).unwrap()
}

fn reference() -> Value {
    serde_json::from_str(&fixture("lifetimes-reference.json")).unwrap()
}

fn day(iso: &str) -> Day {
    let (y, rest) = iso.split_once('-').unwrap();
    let (m, d) = rest.split_once('-').unwrap();
    Day::from_ymd(y.parse().unwrap(), m.parse().unwrap(), d.parse().unwrap()).unwrap()
}

/// The calibration summary of CDNOW: first purchases in Q1 1997, observed
/// to 1997-09-30, held out to 1998-06-30.
fn cdnow() -> Vec<SummaryRow> {
    let options = TransactionOptions::default();
    let report =
        summarize_customers(fixture("cdnow-sample.csv"), &options, Some(day("1998-06-30")), Some(day("1997-09-30")))
            .unwrap();
    assert_eq!(report.unit, "week");
    report.customers
}

fn history(row: &SummaryRow) -> History {
    History { x: row.x, t_x: row.t_x, t: row.t, monetary: row.monetary, holdout_x: row.holdout_x.unwrap_or(0) }
}

fn groups(rows: &[SummaryRow]) -> Vec<Group> {
    rows.iter().map(|row| Group { history: history(row), weight: 1.0 }).collect()
}

#[track_caller]
fn within(actual: f64, expected: f64, relative: f64) {
    assert!(
        (actual - expected).abs() <= relative * expected.abs(),
        "{actual} is not within {relative} of {expected} (off by {:e})",
        ((actual - expected) / expected).abs()
    );
}

#[test]
fn the_summary_of_the_raw_log_is_the_papers() {
    let rows = cdnow();
    let json = reference();
    let summary = &json["summary"];
    assert_eq!(rows.len(), 2357);
    assert_eq!(rows.iter().filter(|r| r.x > 0).count(), 946);
    let sum = |f: fn(&SummaryRow) -> f64| rows.iter().map(f).sum::<f64>();
    within(sum(|r| f64::from(r.x)), summary["sum_frequency"].as_f64().unwrap(), 1e-12);
    within(sum(|r| r.t_x), summary["sum_recency_weeks"].as_f64().unwrap(), 1e-12);
    within(sum(|r| r.t), summary["sum_T_weeks"].as_f64().unwrap(), 1e-12);
    within(sum(|r| r.monetary), summary["sum_monetary_value"].as_f64().unwrap(), 1e-12);
    let holdout: u32 = rows.iter().map(|r| r.holdout_x.unwrap()).sum();
    assert_eq!(f64::from(holdout), summary["calibration_holdout"]["total_frequency_holdout"].as_f64().unwrap());

    // Hardie's own summary, customer by customer (two decimals).
    let hardie = fixture("cdnow-summary.csv");
    let mut lines = hardie.lines();
    assert_eq!(lines.next(), Some("ID,x,t_x,T,zbar"));
    let mut compared = 0;
    for line in lines.filter(|l| !l.is_empty()) {
        let cells: Vec<f64> = line.split(',').map(|c| c.parse().unwrap()).collect();
        let row = rows.iter().find(|r| r.id == format!("{}", cells[0])).unwrap();
        assert_eq!(f64::from(row.x), cells[1], "customer {}", row.id);
        for (ours, theirs) in [(row.t_x, cells[2]), (row.t, cells[3]), (row.monetary, cells[4])] {
            assert!((ours - theirs).abs() <= 0.005 + 1e-9, "customer {}: {ours} vs {theirs}", row.id);
        }
        compared += 1;
    }
    assert_eq!(compared, 2357);
}

#[test]
fn bg_nbd_gives_the_papers_parameters_on_cdnow() {
    let fit = bgnbd::fit(&groups(&cdnow())).unwrap();
    assert!(fit.converged);
    let p = fit.params;
    within(p.r, PAPER.r, 1e-3);
    within(p.alpha, PAPER.alpha, 1e-3);
    within(p.a, PAPER.a, 1e-3);
    within(p.b, PAPER.b, 1e-3);
    within(fit.log_likelihood, -9582.43, 1e-6);
    // And lifetimes' maximum, to six digits.
    let theirs = &reference()["bg_nbd_fit"];
    for (ours, key) in [(p.r, "r"), (p.alpha, "alpha"), (p.a, "a"), (p.b, "b")] {
        within(ours, theirs[key].as_f64().unwrap(), 1e-5);
    }
    within(fit.log_likelihood, theirs["log_likelihood"].as_f64().unwrap(), 1e-10);
}

#[test]
fn the_likelihood_and_forecasts_at_the_papers_parameters_are_lifetimes() {
    let json = reference();
    let at = &json["at_paper_params"];
    within(bgnbd::log_likelihood(&PAPER, &groups(&cdnow())), at["log_likelihood"].as_f64().unwrap(), 1e-12);
    for case in at["cases"].as_array().unwrap() {
        let h = History {
            x: case["x"].as_f64().unwrap() as u32,
            t_x: case["t_x"].as_f64().unwrap(),
            t: case["T"].as_f64().unwrap(),
            monetary: 0.0,
            holdout_x: 0,
        };
        let label = case["label"].as_str().unwrap();
        let p_alive = case["p_alive"].as_f64().unwrap();
        assert!((PAPER.p_alive(&h) - p_alive).abs() <= 1e-12, "{label}: P(alive) {} vs {p_alive}", PAPER.p_alive(&h));
        for point in case["conditional_expected_purchases"].as_array().unwrap() {
            let (t, expected) = (point["t"].as_f64().unwrap(), point["value"].as_f64().unwrap());
            let ours = PAPER.expected_purchases(&h, t);
            assert!((ours - expected).abs() <= 1e-9 * expected.max(1e-3), "{label}, t = {t}: {ours} vs {expected}");
        }
    }
    for point in at["population_expected_purchases"].as_array().unwrap() {
        within(PAPER.expected_new(point["t"].as_f64().unwrap()), point["value"].as_f64().unwrap(), 1e-10);
    }
}

#[test]
fn gamma_gamma_gives_the_papers_parameters_on_cdnow() {
    let spenders: Vec<Spend> =
        cdnow().iter().filter(|r| r.x > 0).map(|r| Spend { x: r.x, monetary: r.monetary }).collect();
    assert_eq!(spenders.len(), 946);
    let fit = gamma_gamma::fit(&spenders).unwrap();
    assert!(fit.converged);
    // The note's MLE: 6.2488, 3.7446, 15.4477 (published rounded to 6.25, 3.74, 15.44).
    within(fit.params.p, 6.2488, 1e-3);
    within(fit.params.q, 3.7446, 1e-3);
    within(fit.params.gamma, 15.4477, 1e-3);
    within(fit.log_likelihood, -4055.92, 1e-6);
    let theirs = &reference()["gamma_gamma_fit"];
    within(fit.log_likelihood, theirs["log_likelihood"].as_f64().unwrap(), 1e-10);
    within(
        gamma_gamma::log_likelihood(&PAPER_SPEND, &spenders),
        theirs["log_likelihood_at_paper_params"].as_f64().unwrap(),
        1e-12,
    );
}

#[test]
fn expected_spend_and_value_are_lifetimes() {
    let rows = cdnow();
    let json = reference();
    let at = &json["at_paper_gg_params"];
    within(PAPER_SPEND.population_spend().unwrap(), at["population_mean_spend"].as_f64().unwrap(), 1e-12);
    for case in at["customers_1_30"].as_array().unwrap() {
        let id = case["id"].as_f64().unwrap().to_string();
        let row = rows.iter().find(|r| r.id == id).unwrap();
        let h = history(row);
        let spend = PAPER_SPEND.expected_spend(h.x, h.monetary);
        within(spend, case["expected_average_profit"].as_f64().unwrap(), 1e-12);
        let value = predicted_value(&PAPER, &h, spend, 12, 0.01);
        within(value, case["clv_12_months"].as_f64().unwrap(), 1e-9);
    }
}

#[test]
fn too_little_data_is_refused_with_a_reason() {
    let rows = cdnow();
    assert_eq!(bgnbd::fit(&groups(&rows[..99])), Err(CannotFit::TooFewCustomers { customers: 99 }));
    let one_timers: Vec<SummaryRow> = rows.iter().filter(|r| r.x == 0).cloned().collect();
    let mut few: Vec<SummaryRow> = one_timers[..200].to_vec();
    few.extend(rows.iter().filter(|r| r.x > 0).take(19).cloned());
    assert_eq!(bgnbd::fit(&groups(&few)), Err(CannotFit::TooFewRepeatBuyers { repeat_buyers: 19 }));
}

/// SplitMix64 with the few distributions a BG/NBD customer needs.
struct Random(u64);

impl Random {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }

    fn normal(&mut self) -> f64 {
        let (u, v) = (self.next().max(1e-300), self.next());
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }

    /// Gamma with shape k and scale 1 (Marsaglia & Tsang).
    fn gamma(&mut self, k: f64) -> f64 {
        if k < 1.0 {
            return self.gamma(k + 1.0) * self.next().max(1e-300).powf(1.0 / k);
        }
        let d = k - 1.0 / 3.0;
        let c = 1.0 / (9.0 * d).sqrt();
        loop {
            let x = self.normal();
            let v = (1.0 + c * x).powi(3);
            if v > 0.0 && self.next().max(1e-300).ln() < 0.5 * x * x + d - d * v + d * v.ln() {
                return d * v;
            }
        }
    }

    fn beta(&mut self, a: f64, b: f64) -> f64 {
        let x = self.gamma(a);
        x / (x + self.gamma(b))
    }
}

/// A customer's history drawn from the model (as the libraries' own
/// generators do): purchases at rate λ from week 0, each repeat purchase
/// followed by drop-out with probability p.
fn simulate(truth: &BgNbd, age: f64, random: &mut Random) -> History {
    let rate = random.gamma(truth.r) / truth.alpha;
    let p = random.beta(truth.a, truth.b);
    let (mut x, mut last, mut now) = (0, 0.0, 0.0);
    loop {
        now += -random.next().max(1e-300).ln() / rate;
        if now > age {
            break;
        }
        x += 1;
        last = now;
        if random.next() < p {
            break;
        }
    }
    History { x, t_x: last, t: age, monetary: 0.0, holdout_x: 0 }
}

#[test]
fn parameters_are_recovered_from_simulated_customers() {
    for (seed, truth) in
        [(7, BgNbd { r: 0.5, alpha: 6.0, a: 0.8, b: 2.5 }), (11, BgNbd { r: 1.5, alpha: 10.0, a: 1.2, b: 6.0 })]
    {
        let mut random = Random(seed);
        let customers: Vec<Group> = (0..20_000)
            .map(|i| Group { history: simulate(&truth, 26.0 + f64::from(i % 27), &mut random), weight: 1.0 })
            .collect();
        let fit = bgnbd::fit(&customers).unwrap();
        assert!(fit.converged);
        let p = fit.params;
        within(p.r, truth.r, 0.1);
        within(p.alpha, truth.alpha, 0.15);
        within(p.a, truth.a, 0.3);
        within(p.b, truth.b, 0.3);
        within(p.weeks_between_purchases(), truth.weeks_between_purchases(), 0.1);
        within(p.drop_out_per_purchase(), truth.drop_out_per_purchase(), 0.15);
    }
}

#[test]
fn the_customers_view_of_cdnow() {
    let options = PredictOptions { calibration_end: Some(day("1997-09-30")), ..PredictOptions::default() };
    let report = predict_customers(fixture("cdnow-sample.csv"), &options, &mut |_| {}).unwrap();
    assert_eq!(report.customers.len(), 2357);
    let model = &report.model;
    assert!(model.bg_nbd.is_some() && model.gamma_gamma.is_some(), "{model:?}");
    let tracking = report.tracking.as_ref().unwrap();
    let calibrated = tracking.bg_nbd.unwrap().params;
    within(calibrated.r, PAPER.r, 1e-3);
    assert_eq!(tracking.points.len(), 39);
    let last = tracking.points.last().unwrap();
    assert_eq!(last.actual, 1882);
    // lifetimes' sum of conditional expectations over the 39 holdout weeks
    // is 1,653.41 (BG/NBD is known to expect too few from CDNOW's most
    // frequent buyers; the chart shows the gap, it does not hide it).
    within(last.expected, 1_653.408_724, 1e-6);
    let mut expected_before = 0.0;
    for point in &tracking.points {
        assert!(point.expected >= expected_before);
        expected_before = point.expected;
    }
    let mut ranks: Vec<u32> = report.customers.iter().map(|c| c.contact_rank).collect();
    ranks.sort_unstable();
    assert_eq!(ranks, (1..=2357).collect::<Vec<u32>>());
    for c in &report.customers {
        let p = c.p_alive.unwrap();
        assert!((0.0..=1.0).contains(&p));
        if c.x == 0 {
            assert_eq!(p, 1.0);
        }
        assert!(c.expected_30.unwrap() <= c.expected_90.unwrap() && c.expected_90.unwrap() <= c.expected_365.unwrap());
        assert!(c.value.unwrap().is_finite() && c.value.unwrap() >= 0.0);
    }
}

#[test]
fn one_customers_visits_as_the_raw_log_has_them() {
    let visits = customer_visits(fixture("cdnow-sample.csv"), &TransactionOptions::default(), "1").unwrap();
    let days: Vec<(&str, Option<f64>)> = visits.visits.iter().map(|v| (v.day.as_str(), v.spend)).collect();
    assert_eq!(
        days,
        [
            ("1997-01-01", Some(29.33)),
            ("1997-01-18", Some(29.73)),
            ("1997-08-02", Some(14.96)),
            ("1997-12-12", Some(26.48))
        ]
    );
    let missing = customer_visits(fixture("cdnow-sample.csv"), &TransactionOptions::default(), "nobody").unwrap_err();
    assert_eq!(missing.field, "customer");
}
