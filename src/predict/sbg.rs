//! The shifted-beta-geometric model of a subscription cohort (Fader &
//! Hardie 2007, "How to project customer retention"; `predict.md` §5).
//!
//! Each member has a constant chance θ of leaving at every renewal, and θ
//! varies across members as a beta(α, β): the members likely to leave go
//! first, so the cohort's retention rises period after period even though
//! nobody's own chance changes. From the survivors of one or more cohorts
//! the model gives α and β by maximum likelihood, then retention and
//! survival at any horizon, the expected lifetime and the discounted
//! lifetime a subscription's value is built on.

use serde::Serialize;

use super::optimize::minimize;

/// The two parameters of the beta mixing distribution.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Sbg {
    /// α: with β, how the chance of leaving is spread across members.
    pub alpha: f64,
    /// β.
    pub beta: f64,
}

/// Periods summed before a discounted lifetime is taken as found: far
/// beyond any subscription, and the terms then fall below 10⁻¹² of the sum.
const MAX_PERIODS: u32 = 100_000;

impl Sbg {
    /// Retention in period `t` ≥ 1: of those who started it, the share who
    /// renew at its end, r_t = (β + t − 1) / (α + β + t − 1).
    pub fn retention(&self, t: u32) -> f64 {
        let t = f64::from(t);
        (self.beta + t - 1.0) / (self.alpha + self.beta + t - 1.0)
    }

    /// Survival S(0..=horizon): the share of the cohort still members after
    /// t periods, S(t) = r_1 × … × r_t = B(α, β + t) / B(α, β).
    pub fn survival(&self, horizon: u32) -> Vec<f64> {
        let mut survival = Vec::with_capacity(horizon as usize + 1);
        let mut s = 1.0;
        survival.push(s);
        for t in 1..=horizon {
            s *= self.retention(t);
            survival.push(s);
        }
        survival
    }

    /// The mean number of periods a member stays (counting the first),
    /// (α + β − 1) / (α − 1); `None` when α ≤ 1, where the members least
    /// likely to leave stay so long that the mean has no end.
    pub fn expected_lifetime(&self) -> Option<f64> {
        (self.alpha > 1.0).then(|| (self.alpha + self.beta - 1.0) / (self.alpha - 1.0))
    }

    /// The period by whose end half the cohort has left; `None` past
    /// [`MAX_PERIODS`].
    pub fn median_lifetime(&self) -> Option<u32> {
        let mut s = 1.0;
        for t in 1..=MAX_PERIODS {
            s *= self.retention(t);
            if s <= 0.5 {
                return Some(t);
            }
        }
        None
    }

    /// What a new member is worth at `price` a period, paid at the start of
    /// each period they are a member: the first payment and the discounted
    /// ones still to come; `None` when that has no end.
    pub fn member_value(&self, price: f64, discount: f64) -> Option<f64> {
        self.discounted_residual_lifetime(0, discount).map(|rest| price * (1.0 + rest))
    }

    /// The discounted expected lifetime of a member who has stayed `after`
    /// periods: the payments still to come, one at the start of each later
    /// period they are a member, each worth 1 / (1 + d)^k k periods on,
    /// Σ_k≥1 S(after + k) / S(after) / (1 + d)^k. With `after` = 0 and the
    /// first payment added, it is what a new member is worth in payments.
    /// `None` when the sum has no end (no discount and α ≤ 1).
    pub fn discounted_residual_lifetime(&self, after: u32, discount: f64) -> Option<f64> {
        if discount <= 0.0 && self.alpha <= 1.0 {
            return None;
        }
        let factor = 1.0 / (1.0 + discount);
        let (mut kept, mut weight, mut sum) = (1.0, 1.0, 0.0);
        for k in 1..=MAX_PERIODS {
            kept *= self.retention(after + k);
            weight *= factor;
            let term = kept * weight;
            sum += term;
            if term < 1e-12 * sum {
                return Some(sum);
            }
        }
        // α just above 1 with no discount: the tail falls too slowly to sum.
        None
    }
}

/// A cohort's members still subscribed at the end of periods 0, 1, …, n
/// (the first is the cohort's size).
#[derive(Debug, Clone, PartialEq)]
pub struct Cohort {
    /// Survivors per period, period 0 first; never increasing.
    pub survivors: Vec<f64>,
}

/// A cohort given as percentages stands for this many members, as in the
/// paper's examples: α and β do not depend on it, the log-likelihood does.
pub const PERCENT_COHORT_SIZE: f64 = 1000.0;

impl Cohort {
    /// A cohort as typed: a series that starts at 100 is in percent (a
    /// cohort of [`PERCENT_COHORT_SIZE`]), any other in members.
    pub fn from_series(series: &[f64]) -> Cohort {
        let scale = if series.first() == Some(&100.0) { PERCENT_COHORT_SIZE / 100.0 } else { 1.0 };
        Cohort { survivors: series.iter().map(|v| v * scale).collect() }
    }
}

/// What the cohorts themselves show, pooled: the members lost and the
/// members at risk over every observed period, and the survival per period
/// of the cohorts observed that long.
#[derive(Debug, Clone, PartialEq)]
pub struct Pooled {
    /// Members who left, over all periods and cohorts.
    pub lost: f64,
    /// Members at the start of each period, summed.
    pub at_risk: f64,
    /// Survival in percent per period (0 = 100).
    pub survival: Vec<f64>,
}

impl Pooled {
    /// Pools `cohorts`.
    pub fn of(cohorts: &[Cohort]) -> Pooled {
        let (lost, at_risk) = cohorts
            .iter()
            .flat_map(|c| c.survivors.windows(2))
            .fold((0.0, 0.0), |(lost, risk), w| (lost + w[0] - w[1], risk + w[0]));
        let longest = cohorts.iter().map(|c| c.survivors.len()).max().unwrap_or(0);
        let survival = (0..longest)
            .map(|t| {
                let seen = cohorts.iter().filter(|c| c.survivors.len() > t);
                let (kept, size) = seen.fold((0.0, 0.0), |(k, s), c| (k + c.survivors[t], s + c.survivors[0]));
                100.0 * kept / size
            })
            .collect();
        Pooled { lost, at_risk, survival }
    }

    /// The share lost per period on average: lost / at risk.
    pub fn churn(&self) -> f64 {
        if self.at_risk > 0.0 {
            self.lost / self.at_risk
        } else {
            0.0
        }
    }
}

/// A member's value at `price` a period paid at each period's start when
/// the same share `churn` leaves every period: Σ (1 − c)^k / (1 + d)^k =
/// price × (1 + d) / (d + c); `None` when nobody leaves and nothing is discounted.
pub fn naive_value(price: f64, churn: f64, discount: f64) -> Option<f64> {
    (discount + churn > 0.0).then(|| price * (1.0 + discount) / (discount + churn))
}

/// A fit of one or more cohorts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SbgFit {
    /// The parameters.
    #[serde(flatten)]
    pub params: Sbg,
    /// The log-likelihood of the cohorts' counts at the parameters.
    pub log_likelihood: f64,
    /// The maximum was found inside the parameters' bounds.
    pub converged: bool,
}

/// The log-likelihood of the cohorts at `params`, with its gradient in
/// (α, β) written into `gradient`: every member who left in period t adds
/// ln P(T = t), every member still there at the end ln S(n).
fn log_likelihood(params: &Sbg, cohorts: &[Cohort], gradient: &mut [f64; 2]) -> f64 {
    let Sbg { alpha, beta } = *params;
    *gradient = [0.0; 2];
    let mut total = 0.0;
    for cohort in cohorts {
        // ln P(t) = ln α + Σ_{i<t} ln(β + i − 1) − Σ_{i≤t} ln(α + β + i − 1),
        // ln S(t) = Σ_{i≤t} [ln(β + i − 1) − ln(α + β + i − 1)], built period by period.
        let (mut ln_s, mut ds_a, mut ds_b) = (0.0, 0.0, 0.0);
        for (t, pair) in cohort.survivors.windows(2).enumerate() {
            let i = t as f64 + 1.0;
            let (before, after) = (pair[0], pair[1]);
            let lost = before - after;
            let (kept, all) = (beta + i - 1.0, alpha + beta + i - 1.0);
            // Leaving in period i: survived i − 1 periods, then left (chance α / all).
            if lost > 0.0 {
                total += lost * (ln_s + alpha.ln() - all.ln());
                gradient[0] += lost * (ds_a + 1.0 / alpha - 1.0 / all);
                gradient[1] += lost * (ds_b - 1.0 / all);
            }
            ln_s += kept.ln() - all.ln();
            ds_a -= 1.0 / all;
            ds_b += 1.0 / kept - 1.0 / all;
        }
        let still = cohort.survivors.last().copied().unwrap_or(0.0);
        if cohort.survivors.len() > 1 && still > 0.0 {
            total += still * ln_s;
            gradient[0] += still * ds_a;
            gradient[1] += still * ds_b;
        }
    }
    total
}

/// Why cohorts cannot be projected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CannotProject {
    /// Nobody left in the periods given: nothing to learn leaving from.
    NobodyLeft,
    /// Everybody left after the first period: nothing to learn staying from.
    EverybodyLeft,
    /// The likelihood has no single best point.
    NoMaximum,
}

impl CannotProject {
    /// The reason's id, as the texts name it (`nobody_left`).
    pub fn id(self) -> &'static str {
        match self {
            CannotProject::NobodyLeft => "nobody_left",
            CannotProject::EverybodyLeft => "everybody_left",
            CannotProject::NoMaximum => "no_maximum",
        }
    }
}

/// Cohorts fitted, with what they show themselves.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    /// The fit.
    pub fit: SbgFit,
    /// The cohorts pooled.
    pub pooled: Pooled,
    /// Periods observed in the longest cohort.
    pub observed_periods: usize,
}

/// How far apart members are in their chance of leaving, in words the
/// texts have: `wide` (polarization 1 / (α + β + 1) from 0.3), `main`
/// (from 0.1), `alike` (below).
pub fn spread(model: &Sbg) -> &'static str {
    let polarization = 1.0 / (model.alpha + model.beta + 1.0);
    if polarization >= 0.3 {
        "wide"
    } else if polarization >= 0.1 {
        "main"
    } else {
        "alike"
    }
}

/// Fits cohorts that can be fitted: some members left, and not all at once.
pub fn fit_cohorts(cohorts: &[Cohort]) -> Result<Fitted, CannotProject> {
    let pooled = Pooled::of(cohorts);
    if pooled.lost == 0.0 {
        return Err(CannotProject::NobodyLeft);
    }
    if cohorts.iter().all(|c| c.survivors.iter().skip(1).all(|&s| s == 0.0)) {
        return Err(CannotProject::EverybodyLeft);
    }
    let found = fit(cohorts);
    if !found.converged {
        return Err(CannotProject::NoMaximum);
    }
    let observed_periods = pooled.survival.len().saturating_sub(1);
    Ok(Fitted { fit: found, pooled, observed_periods })
}

/// Fits α and β by maximum likelihood (descents in log parameters from a
/// spread start and a concentrated one, the better kept).
pub fn fit(cohorts: &[Cohort]) -> SbgFit {
    let members: f64 = cohorts.iter().map(|c| c.survivors.first().copied().unwrap_or(0.0)).sum();
    let per_member = 1.0 / members.max(1.0);
    let mut objective = |point: &[f64], gradient: &mut [f64]| {
        let params = Sbg { alpha: point[0].exp(), beta: point[1].exp() };
        let mut exact = [0.0; 2];
        let value = log_likelihood(&params, cohorts, &mut exact);
        // d/d ln α = α · d/dα.
        gradient[0] = -exact[0] * params.alpha * per_member;
        gradient[1] = -exact[1] * params.beta * per_member;
        -value * per_member
    };
    let found = minimize(&mut objective, &[vec![0.0, 0.0], vec![2f64.ln(), 8f64.ln()]]);
    let params = Sbg { alpha: found.point[0].exp(), beta: found.point[1].exp() };
    SbgFit { params, log_likelihood: -found.value / per_member, converged: found.converged }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cohort(percent: &[f64]) -> Cohort {
        Cohort { survivors: percent.iter().map(|p| p * 10.0).collect() }
    }

    #[test]
    fn the_gradient_is_the_likelihoods_slope() {
        let cohorts = [cohort(&[100.0, 63.1, 46.8, 38.2, 32.6]), cohort(&[100.0, 80.0])];
        let at = Sbg { alpha: 0.9, beta: 1.7 };
        let mut gradient = [0.0; 2];
        log_likelihood(&at, &cohorts, &mut gradient);
        let h = 1e-6;
        let mut scratch = [0.0; 2];
        let slope = |a: Sbg, b: Sbg, scratch: &mut [f64; 2]| {
            (log_likelihood(&a, &cohorts, scratch) - log_likelihood(&b, &cohorts, scratch)) / (2.0 * h)
        };
        let da = slope(Sbg { alpha: 0.9 + h, ..at }, Sbg { alpha: 0.9 - h, ..at }, &mut scratch);
        let db = slope(Sbg { beta: 1.7 + h, ..at }, Sbg { beta: 1.7 - h, ..at }, &mut scratch);
        assert!((gradient[0] - da).abs() < 1e-5 * da.abs().max(1.0), "{} vs {da}", gradient[0]);
        assert!((gradient[1] - db).abs() < 1e-5 * db.abs().max(1.0), "{} vs {db}", gradient[1]);
    }

    #[test]
    fn survival_is_the_product_of_retention_and_the_mean_its_sum() {
        let model = Sbg { alpha: 3.0, beta: 5.0 };
        let survival = model.survival(3);
        assert!((survival[1] - 5.0 / 8.0).abs() < 1e-15);
        assert!((survival[3] - 5.0 / 8.0 * 6.0 / 9.0 * 7.0 / 10.0).abs() < 1e-15);
        // E[T] = Σ S(t) over t ≥ 0 = (α + β − 1) / (α − 1) = 3.5.
        let summed: f64 = model.survival(200_000).iter().sum();
        assert!((summed - 3.5).abs() < 1e-3, "{summed}");
        assert_eq!(model.expected_lifetime(), Some(3.5));
        assert_eq!(Sbg { alpha: 0.7, beta: 1.2 }.expected_lifetime(), None);
        // Undiscounted, what is still to come for a new member is E[T] − 1.
        let residual = model.discounted_residual_lifetime(0, 0.0).unwrap();
        assert!((residual - 2.5).abs() < 1e-3, "{residual}");
        assert_eq!(Sbg { alpha: 0.7, beta: 1.2 }.discounted_residual_lifetime(0, 0.0), None);
    }
}
