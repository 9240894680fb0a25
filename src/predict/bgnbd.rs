//! BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy
//! way"): while alive, a customer buys at a steady rate λ (gamma across
//! customers, shape r and scale α); after each purchase they drop out with
//! a probability p (beta across customers, a and b).
//!
//! The likelihood is the paper's equation in log space (Hardie's note on a
//! stable likelihood), over customers grouped by identical history, with
//! its exact gradient for the optimiser. The conditional expectation needs
//! the Gaussian hypergeometric ₂F₁(r + x, b + x; a + b + x − 1; z) with z
//! up to nearly 1. Its series' terms behave like n^(r + x − a) zⁿ; after
//! Euler's transformation, like n^(a − r − x − 2) zⁿ. Whichever power
//! falls faster is summed (see [`BgNbd::expected_purchases`]), so the
//! series converges even at z = 1 and never grows before it shrinks; the
//! transformed one also rewrites the paper's 1 / (a − 1) so that a = 1
//! costs no digits.

use serde::Serialize;

use super::optimize::minimize;
use super::special::{digamma_rising, ln_add_exp, ln_gamma, ln_rising};
use super::{distinct_counts, CannotFit, History, MIN_CUSTOMERS, MIN_REPEAT_BUYERS};

/// The four fitted parameters (time in weeks).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BgNbd {
    /// Shape of the purchase rates across customers.
    pub r: f64,
    /// Scale of the purchase rates (weeks).
    pub alpha: f64,
    /// Beta shape of the drop-out probability.
    pub a: f64,
    /// Beta shape of the drop-out probability.
    pub b: f64,
}

/// A fit and how well it went.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BgNbdFit {
    /// The parameters.
    #[serde(flatten)]
    pub params: BgNbd,
    /// The log-likelihood at them, summed over customers.
    pub log_likelihood: f64,
    /// Whether the optimiser found a proper maximum.
    pub converged: bool,
}

/// Terms of the hypergeometric series before the integral takes over
/// (reached only for z within about 10⁻³ of 1: a tiny α and an age of 0).
const MAX_TERMS: u32 = 20_000;

/// What the model says about one customer over a horizon.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Forecast {
    /// The chance they are still a customer.
    pub p_alive: f64,
    /// Purchases expected over the horizon.
    pub expected: f64,
}

impl BgNbd {
    /// P(alive) and the purchases expected in the next `weeks`.
    pub fn forecast(&self, history: &History, weeks: f64) -> Forecast {
        Forecast { p_alive: self.p_alive(history), expected: self.expected_purchases(history, weeks) }
    }

    /// The chance that a customer with this history is still a customer
    /// at the end of their observation.
    pub fn p_alive(&self, history: &History) -> f64 {
        if history.x == 0 {
            return 1.0;
        }
        let x = f64::from(history.x);
        let odds = self.a.ln() - (self.b + x - 1.0).ln()
            + (self.r + x) * ((self.alpha + history.t).ln() - (self.alpha + history.t_x).ln());
        1.0 / (1.0 + odds.exp())
    }

    /// Purchases expected from this customer in the next `weeks` (the
    /// paper's conditional expectation, its equation 10).
    ///
    /// With z = t / (α + T + t) and C = a + b + x − 1, the paper's
    /// C / (a − 1) · [1 − (1 − z)^(r+x) ₂F₁(r + x, b + x; C; z)] becomes,
    /// by Euler's transformation ₂F₁(A, B; C; z) = (1 − z)^(C−A−B)
    /// ₂F₁(C − A, C − B; C; z), C / (a − 1) · [1 − (1 − z)^(a−1)
    /// ₂F₁(a + b − 1 − r, a − 1; C; z)]. Splitting off the series' first
    /// term, 1 / (a − 1) times the rest is a plain series (the factor
    /// a − 1 is in every one of its terms) and [1 − (1 − z)^(a−1)] / (a − 1)
    /// is an `expm1`, so nothing is divided by a − 1 and nothing cancels.
    ///
    /// That form's terms fall like n^(a − r − x − 2); the paper's own like
    /// n^(r + x − a). When a > r + x + 1 the paper's falls faster (and a − 1
    /// is then safely above 0), so it is summed instead, its bracket split
    /// the same way: 1 − (1 − z)^(r+x) = −expm1((r + x) ln(1 − z)).
    pub fn expected_purchases(&self, history: &History, weeks: f64) -> f64 {
        if weeks <= 0.0 {
            return 0.0;
        }
        let BgNbd { r, alpha, a, b } = *self;
        let x = f64::from(history.x);
        let c = a + b + x - 1.0;
        let z = weeks / (alpha + history.t + weeks);
        let ln_rest = -(weeks / (alpha + history.t)).ln_1p();
        let shifted = a - 1.0;
        let expected = if a > r + x + 1.0 {
            let (big_a, big_b) = (r + x, b + x);
            c_times_tail(big_a * big_b * z, big_a, big_b, c, z)
                .map(|series| (c * -(big_a * ln_rest).exp_m1() - (big_a * ln_rest).exp() * series) / shifted)
        } else {
            let head = if shifted == 0.0 { -ln_rest } else { -(shifted * ln_rest).exp_m1() / shifted };
            let big_a = a + b - 1.0 - r;
            c_times_tail(big_a * z, big_a, shifted, c, z).map(|series| c * head - (shifted * ln_rest).exp() * series)
        };
        let alive = expected.filter(|e| e.is_finite()).unwrap_or_else(|| self.expected_if_alive(history, weeks));
        (alive * self.p_alive(history)).max(0.0)
    }

    /// The purchases expected in the next `weeks` from a customer still
    /// alive, as an integral rather than a series: alive, their rate λ is
    /// gamma (r + x, α + T) and their drop-out chance p is beta (a, b + x),
    /// and with both known they buy (1 − e^(−λpt)) / p times; over λ that
    /// is g(p) = [1 − (1 + p t / (α + T))^(−(r+x))] / p, left to integrate
    /// over p. Exact at any parameters, where the series' terms would grow
    /// too large to cancel (a purchase rate held tight by a huge r), so
    /// it is the series' fallback; about ten times its cost.
    fn expected_if_alive(&self, history: &History, weeks: f64) -> f64 {
        let x = f64::from(history.x);
        let (shape, beta_b) = (self.r + x, self.b + x);
        let k = weeks / (self.alpha + history.t);
        let g = |p: f64| -(-shape * (p * k).ln_1p()).exp_m1() / p;
        let ln_beta = ln_gamma(self.a) + ln_gamma(beta_b) - ln_gamma(self.a + beta_b);
        let density = |p: f64, q: f64| ((self.a - 1.0) * p.ln() + (beta_b - 1.0) * q.ln() - ln_beta).exp();
        // A beta with both shapes above 1 is a single hump, as narrow as
        // 10⁻⁵ when they are in the millions: it is integrated over its
        // mean ± 40 standard deviations (all its mass, to e⁻⁸⁰⁰ and then
        // some), where the nodes are dense enough to see it.
        let (a, sum) = (self.a, self.a + beta_b);
        let (mean, spread) = (a / sum, (a * beta_b / (sum * sum * (sum + 1.0))).sqrt());
        if a > 1.0 && beta_b > 1.0 && 80.0 * spread < 1.0 {
            let (low, high) = ((mean - 40.0 * spread).max(0.0), (mean + 40.0 * spread).min(1.0));
            return tanh_sinh(low, high, |p, q| g(p) * density(p, q)).max(0.0);
        }
        // Otherwise ∫ g · beta(p) dp over all of [0, 1], whose nodes crowd
        // toward both ends, where the beta density may be infinite. A beta
        // with a (or b + x) near 0 piles mass closer to 0 (or 1) than the
        // outermost node: that mass, pᵃ / (a B) to leading order (qᵇ⁺ˣ /
        // ((b + x) B) at the other end), has g at its end value, g(0) =
        // (r + x) t / (α + T) or g(1).
        let integral = tanh_sinh(0.0, 1.0, |p, q| g(p) * density(p, q));
        let edge = TANH_SINH_EDGE.ln();
        let missed_low = (self.a * edge - self.a.ln() - ln_beta).exp();
        let missed_high = (beta_b * edge - beta_b.ln() - ln_beta).exp();
        (integral + shape * k * missed_low + g(1.0) * missed_high).max(0.0)
    }

    /// Purchases expected from a customer in their first `weeks` (the
    /// paper's E[X(t)]): the conditional expectation of a history that has
    /// just begun.
    pub fn expected_new(&self, weeks: f64) -> f64 {
        self.expected_purchases(&History::NEW, weeks)
    }

    /// The share of customers expected to drop out after any one purchase,
    /// a / (a + b): the mean of the beta distribution.
    pub fn drop_out_per_purchase(&self) -> f64 {
        self.a / (self.a + self.b)
    }

    /// A typical customer's weeks between purchases while still a
    /// customer, α / r: one over the mean purchase rate.
    pub fn weeks_between_purchases(&self) -> f64 {
        self.alpha / self.r
    }
}

/// The tail of a hypergeometric series times C: C · Σₙ≥₁ (P)ₙ (Q)ₙ zⁿ /
/// ((C)ₙ n!), summed from its first term `first` (P·Q·z, C cancelling
/// against (C)₁, so C may be 0 or negative above −1; a form whose first
/// factor is split off passes what remains of it). The series is stopped
/// once a bound on the rest of it, the current term times ρ / (1 − ρ)
/// with ρ the larger of the current term ratio and its limit z, is below
/// 10⁻¹⁶ of the sum.
///
/// None when the sum cannot be trusted: it did not settle within
/// [`MAX_TERMS`], or its terms grew more than 10⁶ times the sum before
/// cancelling (more digits lost than a forecast can spare).
fn c_times_tail(first: f64, p: f64, q: f64, c: f64, z: f64) -> Option<f64> {
    let mut term = first;
    let mut sum = term;
    let mut largest = term.abs();
    let mut n = 1.0;
    for _ in 0..MAX_TERMS {
        let ratio = (p + n) * (q + n) * z / ((c + n) * (n + 1.0));
        term *= ratio;
        sum += term;
        largest = largest.max(term.abs());
        n += 1.0;
        let rho = ratio.abs().max(z);
        if term == 0.0 || (rho < 1.0 && (term * rho / (1.0 - rho)).abs() <= 1e-16 * sum.abs()) {
            return (largest <= 1e6 * sum.abs().max(1.0)).then_some(sum);
        }
    }
    None
}

/// How far the tanh-sinh nodes reach in τ.
const REACH: f64 = 5.5;

/// The outermost node's distance from 0 (and from 1): 1 / (1 + e^(π sinh 5.5)),
/// about 10⁻¹⁶⁷.
const TANH_SINH_EDGE: f64 = 1.193_561_409_291_018e-167;

/// ∫ f(p, 1 − p) dp from `low` to `high` (within [0, 1]) by tanh-sinh
/// (double exponential) quadrature: nodes p = low + (high − low) s with
/// s = 1 / (1 + e^(−π sinh τ)) out to τ = ±5.5, where s and 1 − s are
/// about 10⁻¹⁶⁷; p and 1 − p are both passed, each computed without
/// cancellation, so a density at either end of [0, 1] keeps its digits.
/// The step in τ is halved (each level adding the points between the last
/// ones) from 1/2 until two levels agree to 10⁻¹² or the step is 1/512.
/// Nothing is assumed beyond ±5.5: a density still alive there is
/// completed by its caller.
fn tanh_sinh(low: f64, high: f64, f: impl Fn(f64, f64) -> f64) -> f64 {
    let width = high - low;
    let point = |tau: f64| {
        let u = std::f64::consts::PI * tau.sinh();
        let (s, rest) = (1.0 / (1.0 + (-u).exp()), 1.0 / (1.0 + u.exp()));
        let (p, q) = (low + width * s, (1.0 - high) + width * rest);
        // dp/dτ = (high − low) π cosh τ · s · (1 − s).
        let value = width * std::f64::consts::PI * tau.cosh() * s * rest * f(p, q);
        if value.is_finite() {
            value
        } else {
            0.0
        }
    };
    let mut step = 0.5;
    // The outermost nodes, at ±5.5, weigh half (the trapezoid rule's
    // ends): where a density has not died out by then, the rest of it is
    // the caller's to add, from there on.
    let last = (REACH / step) as i32;
    let mut sum: f64 = (1..last).map(|k| point(f64::from(k) * step) + point(-f64::from(k) * step)).sum::<f64>()
        + point(0.0)
        + 0.5 * (point(REACH) + point(-REACH));
    let mut estimate = sum * step;
    for level in 1..=8 {
        step /= 2.0;
        let odd = (REACH / step) as i32;
        sum += (1..=odd).step_by(2).map(|k| point(f64::from(k) * step) + point(-f64::from(k) * step)).sum::<f64>();
        let refined = sum * step;
        let settled = (refined - estimate).abs() <= 1e-12 * refined.abs().max(1e-300);
        estimate = refined;
        if level >= 3 && settled {
            break;
        }
    }
    estimate
}

/// Customers with identical histories, counted once with a weight: what
/// the likelihood walks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Group {
    /// The shared history.
    pub history: History,
    /// How many customers share it.
    pub weight: f64,
}

/// The groups prepared for fast evaluation: distinct repeat counts and
/// distinct times, so that the log-gammas and logarithms are taken once
/// per distinct value instead of once per customer.
struct Prepared {
    counts: Vec<u32>,
    /// The distinct times (weeks), ascending.
    times: Vec<f64>,
    /// (count index, index of T, index of t_x, weight) per group.
    groups: Vec<(u32, u32, u32, f64)>,
    weight: f64,
}

impl Prepared {
    fn new(groups: &[Group]) -> Prepared {
        let (counts, position) = distinct_counts(groups.iter().map(|g| g.history.x));
        // Times are never negative, so their bits sort as they do (+ 0.0
        // turns a −0 into 0).
        let bits = |t: f64| (t + 0.0).to_bits();
        let mut times: Vec<u64> = groups.iter().flat_map(|g| [bits(g.history.t), bits(g.history.t_x)]).collect();
        times.sort_unstable();
        times.dedup();
        let index_of_time = |t: f64| times.partition_point(|&v| v < bits(t)) as u64;
        // Equal histories given apart (a list straight from a caller) are
        // merged into one group: each packed as its count (17 bits, x is at
        // most 100,000) and its two times (23 bits each), when that fits.
        let key = |g: &Group| {
            u64::from(position[g.history.x as usize]) << 46
                | index_of_time(g.history.t) << 23
                | index_of_time(g.history.t_x)
        };
        let mut keys: Vec<u64> = if times.len() < 1 << 23 { groups.iter().map(key).collect() } else { Vec::new() };
        keys.sort_unstable();
        keys.dedup();
        let unpack = |k: u64| ((k >> 46) as u32, (k >> 23 & ((1 << 23) - 1)) as u32, (k & ((1 << 23) - 1)) as u32);
        let mut merged: Vec<(u32, u32, u32, f64)> = keys
            .iter()
            .map(|&k| {
                let (count, t, t_x) = unpack(k);
                (count, t, t_x, 0.0)
            })
            .collect();
        if merged.is_empty() {
            merged = groups
                .iter()
                .map(|g| {
                    (
                        position[g.history.x as usize],
                        index_of_time(g.history.t) as u32,
                        index_of_time(g.history.t_x) as u32,
                        g.weight,
                    )
                })
                .collect();
        } else {
            for g in groups {
                merged[keys.partition_point(|&k| k < key(g))].3 += g.weight;
            }
        }
        let weight = groups.iter().map(|g| g.weight).sum();
        Prepared { counts, times: times.into_iter().map(f64::from_bits).collect(), groups: merged, weight }
    }

    /// The log-likelihood at `params`, and its gradient in log parameters
    /// (∂ / ∂ ln θ = θ ∂ / ∂θ) in `gradient`.
    fn log_likelihood(&self, params: &BgNbd, gradient: &mut [f64; 4]) -> f64 {
        let BgNbd { r, alpha, a, b } = *params;
        // Per distinct x: the terms of the log-likelihood and of its
        // derivatives that depend only on x and the parameters.
        let per_count: Vec<[f64; 6]> = self
            .counts
            .iter()
            .map(|&x| {
                let xf = f64::from(x);
                let base = ln_rising(r, x) + ln_rising(b, x) - ln_rising(a + b, x);
                let (drop, slope_b) =
                    if x > 0 { (a.ln() - (b + xf - 1.0).ln(), -1.0 / (b + xf - 1.0)) } else { (0.0, 0.0) };
                let rising_ab = digamma_rising(a + b, x);
                [base, drop, digamma_rising(r, x), -rising_ab, digamma_rising(b, x) - rising_ab, slope_b]
            })
            .collect();
        let logs: Vec<f64> = self.times.iter().map(|t| (alpha + t).ln()).collect();
        let ln_alpha = alpha.ln();
        let (mut total, mut dr, mut dalpha, mut da, mut db) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for &(count, t, t_x, weight) in &self.groups {
            let [base, drop, slope_r, slope_a, slope_b, slope_b_drop] = per_count[count as usize];
            let x = self.counts[count as usize];
            let rx = r + f64::from(x);
            let (ln_t, ln_tx) = (logs[t as usize], logs[t_x as usize]);
            let still = base - rx * ln_t;
            let (likelihood, share_gone) = if x == 0 {
                (still, 0.0)
            } else {
                let gone = base + drop - rx * ln_tx;
                let both = ln_add_exp(still, gone);
                (both, (gone - both).exp())
            };
            let share_still = 1.0 - share_gone;
            total += weight * likelihood;
            dr += weight * (slope_r - share_still * ln_t - share_gone * ln_tx);
            let inverse_t = 1.0 / (alpha + self.times[t as usize]);
            let inverse_tx = 1.0 / (alpha + self.times[t_x as usize]);
            dalpha -= weight * rx * (share_still * inverse_t + share_gone * inverse_tx);
            da += weight * (slope_a + share_gone / a);
            db += weight * (slope_b + share_gone * slope_b_drop);
        }
        total += self.weight * r * ln_alpha;
        dr += self.weight * ln_alpha;
        dalpha += self.weight * r / alpha;
        *gradient = [r * dr, alpha * dalpha, a * da, b * db];
        total
    }
}

/// The log-likelihood of the groups at `params`, summed over customers.
pub fn log_likelihood(params: &BgNbd, groups: &[Group]) -> f64 {
    Prepared::new(groups).log_likelihood(params, &mut [0.0; 4])
}

/// Fits r, α, a and b by maximum likelihood: descents from two starts (all
/// ones, as the reference libraries start, and one scaled to the data's
/// time span), the better kept.
pub fn fit(groups: &[Group]) -> Result<BgNbdFit, CannotFit> {
    let customers: f64 = groups.iter().map(|g| g.weight).sum();
    let repeat: f64 = groups.iter().filter(|g| g.history.x > 0).map(|g| g.weight).sum();
    if customers < MIN_CUSTOMERS {
        return Err(CannotFit::TooFewCustomers { customers: customers as u64 });
    }
    if repeat < MIN_REPEAT_BUYERS {
        return Err(CannotFit::TooFewRepeatBuyers { repeat_buyers: repeat as u64 });
    }
    let prepared = Prepared::new(groups);
    let per_customer = 1.0 / prepared.weight;
    let mut objective = |point: &[f64], gradient: &mut [f64]| {
        let params = BgNbd { r: point[0].exp(), alpha: point[1].exp(), a: point[2].exp(), b: point[3].exp() };
        let mut exact = [0.0; 4];
        let value = prepared.log_likelihood(&params, &mut exact);
        for (g, e) in gradient.iter_mut().zip(exact) {
            *g = -e * per_customer;
        }
        -value * per_customer
    };
    let span = groups.iter().map(|g| g.history.t).fold(1.0, f64::max);
    let starts = [vec![0.0; 4], vec![0.5f64.ln(), (span / 4.0).ln(), 0.5f64.ln(), 2f64.ln()]];
    let found = minimize(&mut objective, &starts);
    if !found.value.is_finite() {
        return Err(CannotFit::NoMaximum);
    }
    let params = BgNbd {
        r: found.point[0].exp(),
        alpha: found.point[1].exp(),
        a: found.point[2].exp(),
        b: found.point[3].exp(),
    };
    Ok(BgNbdFit { params, log_likelihood: -found.value * prepared.weight, converged: found.converged })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAPER: BgNbd = BgNbd { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };

    fn history(x: u32, t_x: f64, t: f64) -> History {
        History { x, t_x, t, monetary: 0.0, holdout_x: 0 }
    }

    /// The paper's expectation term by term: the plain ₂F₁ series,
    /// summed long enough for z up to about 0.9.
    fn expected_by_the_book(p: &BgNbd, h: &History, t: f64) -> f64 {
        let x = f64::from(h.x);
        let (big_a, big_b, c) = (p.r + x, p.b + x, p.a + p.b + x - 1.0);
        let z = t / (p.alpha + h.t + t);
        let (mut term, mut sum) = (1.0, 1.0);
        for n in 0..20_000 {
            let n = f64::from(n);
            term *= (big_a + n) * (big_b + n) / ((c + n) * (n + 1.0)) * z;
            sum += term;
        }
        let bracket = 1.0 - ((p.alpha + h.t) / (p.alpha + h.t + t)).powf(p.r + x) * sum;
        c / (p.a - 1.0) * bracket * p.p_alive(h)
    }

    #[test]
    fn the_transformed_expectation_is_the_papers() {
        for (h, t) in [
            (history(2, 30.43, 38.86), 39.0),
            (history(0, 0.0, 38.86), 52.0),
            (history(7, 29.43, 32.0), 10.0),
            (history(1, 0.14, 0.14), 4.345),
            (History::NEW, 20.0),
        ] {
            let by_book = expected_by_the_book(&PAPER, &h, t);
            let ours = PAPER.expected_purchases(&h, t);
            assert!((ours - by_book).abs() < 1e-10 * by_book.max(1.0), "{h:?} t={t}: {ours} vs {by_book}");
        }
    }

    #[test]
    fn a_large_a_sums_the_papers_own_series() {
        let steady = BgNbd { r: 0.6, alpha: 3.0, a: 6.0, b: 20.0 };
        for (h, t) in [(history(2, 30.0, 39.0), 39.0), (History::NEW, 52.0), (history(0, 0.0, 10.0), 4.345)] {
            let by_book = expected_by_the_book(&steady, &h, t);
            let ours = steady.expected_purchases(&h, t);
            assert!((ours - by_book).abs() < 1e-10 * by_book.max(1.0), "{h:?} t={t}: {ours} vs {by_book}");
        }
        // A drop-out chance held tightly (a and b huge) no longer overflows.
        let tight = BgNbd { r: 0.5, alpha: 1e-6, a: 1e7, b: 1e7 };
        let e = tight.expected_purchases(&History::NEW, 52.0);
        assert!(e.is_finite() && e > 1.0, "{e}");
    }

    #[test]
    fn the_edge_is_the_outermost_node() {
        let u = std::f64::consts::PI * REACH.sinh();
        assert!((1.0 / (1.0 + u.exp()) / TANH_SINH_EDGE - 1.0).abs() < 1e-12);
    }

    #[test]
    fn the_integral_agrees_with_the_series() {
        for params in
            [PAPER, BgNbd { r: 0.6, alpha: 3.0, a: 6.0, b: 20.0 }, BgNbd { r: 2.0, alpha: 10.0, a: 0.3, b: 0.5 }]
        {
            for (h, t) in [(history(2, 30.43, 38.86), 39.0), (History::NEW, 52.0), (history(7, 29.43, 32.0), 10.0)] {
                let series = params.expected_purchases(&h, t) / params.p_alive(&h);
                let integral = params.expected_if_alive(&h, t);
                assert!(
                    (series - integral).abs() < 1e-9 * series.max(1.0),
                    "{params:?} {h:?} t={t}: {series} vs {integral}"
                );
            }
        }
    }

    #[test]
    fn a_tight_purchase_rate_falls_back_to_the_integral() {
        // r and α huge: everyone buys at r / α = 1 a week; the series' terms
        // would reach e^50 before cancelling.
        let poisson = BgNbd { r: 1e7, alpha: 1e7, a: 1.0, b: 3.0 };
        let h = history(10, 30.0, 30.0);
        let e = poisson.expected_purchases(&h, 52.0) / poisson.p_alive(&h);
        // Alive, λ is 1 and p is beta(1, 13): E[(1 − e^(−52p)) / p] by the
        // midpoint rule over a million steps.
        let steps = 1_000_000;
        let by_midpoints: f64 = (0..steps)
            .map(|i| {
                let p = (f64::from(i) + 0.5) / f64::from(steps);
                (1.0 - (-52.0 * p).exp()) / p * 13.0 * (1.0 - p).powi(12) / f64::from(steps)
            })
            .sum();
        assert!((e - by_midpoints).abs() < 1e-5 * by_midpoints, "{e} vs {by_midpoints}");
    }

    #[test]
    fn a_equal_to_one_loses_nothing() {
        let h = history(3, 20.0, 30.0);
        let at = |a: f64| BgNbd { a, ..PAPER }.expected_purchases(&h, 26.0);
        let (below, exact, above) = (at(1.0 - 1e-9), at(1.0), at(1.0 + 1e-9));
        assert!((below - exact).abs() < 1e-7 && (above - exact).abs() < 1e-7, "{below} {exact} {above}");
    }

    #[test]
    fn p_alive_is_one_without_repeat_purchases_and_falls_with_silence() {
        assert_eq!(PAPER.p_alive(&history(0, 0.0, 30.0)), 1.0);
        let recent = PAPER.p_alive(&history(5, 38.0, 39.0));
        let silent = PAPER.p_alive(&history(5, 5.0, 39.0));
        assert!(recent > 0.8 && silent < 0.2 && silent > 0.0, "{recent} {silent}");
    }

    #[test]
    fn extreme_histories_give_finite_answers() {
        for h in [history(200, 38.0, 38.86), history(200, 1.0, 300.0), history(0, 0.0, 0.0), history(1, 0.0, 0.0)] {
            for t in [0.0, 1e-9, 1.0, 52.0, 5200.0] {
                let e = PAPER.expected_purchases(&h, t);
                assert!(e.is_finite() && e >= 0.0, "{h:?} t={t}: {e}");
            }
            let p = PAPER.p_alive(&h);
            assert!((0.0..=1.0).contains(&p), "{h:?}: {p}");
        }
        for params in [
            BgNbd { r: 1e-7, alpha: 1e-7, a: 1e-7, b: 1e-7 },
            BgNbd { r: 6e7, alpha: 6e7, a: 6e7, b: 6e7 },
            BgNbd { r: 0.3, alpha: 0.001, a: 0.2, b: 0.3 },
        ] {
            let e = params.expected_purchases(&history(3, 10.0, 20.0), 52.0);
            assert!(e.is_finite() && e >= 0.0, "{params:?}: {e}");
            assert!(params.expected_new(52.0).is_finite());
        }
    }

    #[test]
    fn expected_purchases_grow_with_time() {
        let h = history(4, 25.0, 39.0);
        let mut last = 0.0;
        for t in [1.0, 2.0, 5.0, 13.0, 26.0, 52.0, 104.0] {
            let e = PAPER.expected_purchases(&h, t);
            assert!(e > last, "t={t}: {e} after {last}");
            last = e;
        }
    }

    #[test]
    fn the_gradient_is_the_slope_of_the_likelihood() {
        let groups: Vec<Group> = [(0, 0.0, 30.0), (2, 20.0, 31.0), (5, 28.0, 35.0), (1, 3.0, 39.0)]
            .iter()
            .map(|&(x, t_x, t)| Group { history: history(x, t_x, t), weight: 3.0 })
            .collect();
        let prepared = Prepared::new(&groups);
        let mut gradient = [0.0; 4];
        prepared.log_likelihood(&PAPER, &mut gradient);
        let logs = [PAPER.r.ln(), PAPER.alpha.ln(), PAPER.a.ln(), PAPER.b.ln()];
        for i in 0..4 {
            let at = |shift: f64| {
                let mut p = logs;
                p[i] += shift;
                let params = BgNbd { r: p[0].exp(), alpha: p[1].exp(), a: p[2].exp(), b: p[3].exp() };
                prepared.log_likelihood(&params, &mut [0.0; 4])
            };
            let slope = (at(1e-6) - at(-1e-6)) / 2e-6;
            assert!((gradient[i] - slope).abs() < 1e-5 * slope.abs().max(1.0), "{i}: {} vs {slope}", gradient[i]);
        }
    }

    #[test]
    fn too_little_data_is_said_so() {
        let few = [Group { history: history(1, 1.0, 2.0), weight: 50.0 }];
        assert_eq!(fit(&few), Err(CannotFit::TooFewCustomers { customers: 50 }));
        let no_repeat = [
            Group { history: history(0, 0.0, 2.0), weight: 500.0 },
            Group { history: history(1, 1.0, 2.0), weight: 5.0 },
        ];
        assert_eq!(fit(&no_repeat), Err(CannotFit::TooFewRepeatBuyers { repeat_buyers: 5 }));
    }
}
