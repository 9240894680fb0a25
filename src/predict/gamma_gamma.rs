//! Gamma-Gamma spend (Fader & Hardie 2013, "The Gamma-Gamma model of
//! monetary value"): each purchase's amount is gamma with shape p around
//! the customer's own mean, and those means are inverse-gamma-like across
//! customers (shape q, scale γ). Fitted on repeat buyers only, with the
//! mean of their repeat purchases; the model assumes how often someone
//! buys says nothing about how much, so the report shows that correlation.

use serde::Serialize;

use super::optimize::minimize;
use super::special::{digamma, ln_gamma};
use super::{distinct_counts, CannotFit};

/// The three fitted parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GammaGamma {
    /// Shape of each purchase's amount around the customer's mean.
    pub p: f64,
    /// Shape of the customers' means.
    pub q: f64,
    /// Scale of the customers' means (money).
    pub gamma: f64,
}

/// A fit and how well it went.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GammaGammaFit {
    /// The parameters.
    #[serde(flatten)]
    pub params: GammaGamma,
    /// The log-likelihood at them, summed over customers.
    pub log_likelihood: f64,
    /// Whether the optimiser found a proper maximum.
    pub converged: bool,
    /// How many repeat buyers the fit used.
    pub customers: u64,
}

/// One repeat buyer: repeat purchases and their mean amount.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spend {
    /// Repeat purchases (x > 0).
    pub x: u32,
    /// Their mean amount (> 0).
    pub monetary: f64,
}

/// Fewest repeat buyers with a positive spend that a fit needs.
pub const MIN_SPENDERS: usize = 20;

impl GammaGamma {
    /// A customer's expected spend per purchase from now on:
    /// (γp + p·x·m̄) / (p·x + q − 1), the population mean γp / (q − 1)
    /// weighed against their own mean by how many purchases back it.
    pub fn expected_spend(&self, x: u32, monetary: f64) -> f64 {
        let px = self.p * f64::from(x);
        (self.gamma * self.p + px * monetary) / (px + self.q - 1.0)
    }

    /// The mean spend per purchase across customers, γp / (q − 1); none
    /// when q ≤ 1 (the customers' means are too spread to have a mean).
    pub fn population_spend(&self) -> Option<f64> {
        (self.q > 1.0).then(|| self.gamma * self.p / (self.q - 1.0))
    }
}

/// The log-likelihood of the spenders at `params`, summed over them.
pub fn log_likelihood(params: &GammaGamma, spenders: &[Spend]) -> f64 {
    Prepared::new(spenders).log_likelihood(params, &mut [0.0; 3])
}

struct Prepared<'a> {
    spenders: &'a [Spend],
    counts: Vec<u32>,
    /// Per spender: index of its count, ln m̄, ln x.
    rows: Vec<(u32, f64, f64)>,
}

impl Prepared<'_> {
    fn new(spenders: &[Spend]) -> Prepared<'_> {
        let (counts, position) = distinct_counts(spenders.iter().map(|s| s.x));
        let rows = spenders.iter().map(|s| (position[s.x as usize], s.monetary.ln(), f64::from(s.x).ln())).collect();
        Prepared { spenders, counts, rows }
    }

    /// Fader & Hardie's equation summed, with its gradient in log
    /// parameters written to `gradient`.
    fn log_likelihood(&self, params: &GammaGamma, gradient: &mut [f64; 3]) -> f64 {
        let GammaGamma { p, q, gamma } = *params;
        let per_count: Vec<[f64; 3]> = self
            .counts
            .iter()
            .map(|&x| {
                let px = p * f64::from(x);
                let digamma_sum = digamma(px + q);
                [ln_gamma(px + q) - ln_gamma(px), digamma_sum - digamma(px), digamma_sum]
            })
            .collect();
        let ln_gamma_q = ln_gamma(q);
        let (digamma_q, ln_scale) = (digamma(q), gamma.ln());
        let (mut total, mut dp, mut dq, mut dgamma) = (0.0, 0.0, 0.0, 0.0);
        for (spender, &(count, ln_m, ln_x)) in self.spenders.iter().zip(&self.rows) {
            let [gammas, digammas, digamma_sum] = per_count[count as usize];
            let x = f64::from(spender.x);
            let px = p * x;
            let pooled = x * spender.monetary + gamma;
            let ln_pooled = pooled.ln();
            total += gammas - ln_gamma_q + q * ln_scale + (px - 1.0) * ln_m + px * ln_x - (px + q) * ln_pooled;
            dp += x * (digammas + ln_m + ln_x - ln_pooled);
            dq += digamma_sum - digamma_q + ln_scale - ln_pooled;
            dgamma += q / gamma - (px + q) / pooled;
        }
        *gradient = [p * dp, q * dq, gamma * dgamma];
        total
    }
}

/// Fits p, q and γ by maximum likelihood on repeat buyers with a positive
/// mean spend.
pub fn fit(spenders: &[Spend]) -> Result<GammaGammaFit, CannotFit> {
    if spenders.len() < MIN_SPENDERS {
        return Err(CannotFit::TooFewSpenders { spenders: spenders.len() as u64 });
    }
    let prepared = Prepared::new(spenders);
    let per_customer = 1.0 / spenders.len() as f64;
    let mut objective = |point: &[f64], gradient: &mut [f64]| {
        let params = GammaGamma { p: point[0].exp(), q: point[1].exp(), gamma: point[2].exp() };
        let mut exact = [0.0; 3];
        let value = prepared.log_likelihood(&params, &mut exact);
        for (g, e) in gradient.iter_mut().zip(exact) {
            *g = -e * per_customer;
        }
        -value * per_customer
    };
    let mean = spenders.iter().map(|s| s.monetary).sum::<f64>() * per_customer;
    let starts = [vec![0.0; 3], vec![0.0, 2f64.ln(), mean.ln()]];
    let found = minimize(&mut objective, &starts);
    if !found.value.is_finite() {
        return Err(CannotFit::NoMaximum);
    }
    let params = GammaGamma { p: found.point[0].exp(), q: found.point[1].exp(), gamma: found.point[2].exp() };
    Ok(GammaGammaFit {
        params,
        log_likelihood: -found.value * spenders.len() as f64,
        converged: found.converged,
        customers: spenders.len() as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAPER: GammaGamma = GammaGamma { p: 6.25, q: 3.74, gamma: 15.44 };

    #[test]
    fn expected_spend_leans_toward_the_customers_own_mean_with_more_purchases() {
        let population = PAPER.population_spend().unwrap();
        assert!((population - 35.218_978_102_189_78).abs() < 1e-9);
        assert!((PAPER.expected_spend(0, 0.0) - population).abs() < 1e-12);
        let once = PAPER.expected_spend(1, 100.0);
        let often = PAPER.expected_spend(20, 100.0);
        assert!(once < often && often < 100.0, "{once} {often}");
        assert!(GammaGamma { q: 0.9, ..PAPER }.population_spend().is_none());
    }

    #[test]
    fn the_gradient_is_the_slope_of_the_likelihood() {
        let spenders = [
            Spend { x: 1, monetary: 12.0 },
            Spend { x: 3, monetary: 40.5 },
            Spend { x: 3, monetary: 8.0 },
            Spend { x: 9, monetary: 22.0 },
        ];
        let prepared = Prepared::new(&spenders);
        let mut gradient = [0.0; 3];
        prepared.log_likelihood(&PAPER, &mut gradient);
        let logs = [PAPER.p.ln(), PAPER.q.ln(), PAPER.gamma.ln()];
        for i in 0..3 {
            let at = |shift: f64| {
                let mut l = logs;
                l[i] += shift;
                let params = GammaGamma { p: l[0].exp(), q: l[1].exp(), gamma: l[2].exp() };
                prepared.log_likelihood(&params, &mut [0.0; 3])
            };
            let slope = (at(1e-6) - at(-1e-6)) / 2e-6;
            assert!((gradient[i] - slope).abs() < 1e-5 * slope.abs().max(1.0), "{i}: {} vs {slope}", gradient[i]);
        }
    }

    #[test]
    fn too_few_spenders_is_said_so() {
        let few = [Spend { x: 2, monetary: 10.0 }; 5];
        assert_eq!(fit(&few), Err(CannotFit::TooFewSpenders { spenders: 5 }));
    }
}
