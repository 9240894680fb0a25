//! Maximum likelihood by quasi-Newton descent (BFGS) in log parameters.
//!
//! Every model parameter is positive, so the search runs over their logs:
//! no step can leave the domain, and a parameter ten times larger is as far
//! as one ten times smaller. The logs are held inside ±[`LOG_BOUND`] so
//! that a likelihood that keeps rising toward 0 or infinity stops at a
//! wall instead of overflowing; a minimum on the wall is reported as not
//! converged, because the model cannot stand behind it. The likelihoods
//! give exact gradients, so each step costs one evaluation, and the
//! million-row log fits in a few dozen of them.

/// Parameters stay within e^±18 (about 1.5 · 10⁻⁸ to 6.6 · 10⁷).
pub const LOG_BOUND: f64 = 18.0;

/// The objective (to minimise) at a point of log parameters, writing its
/// gradient into the second argument.
pub type Objective<'a> = dyn FnMut(&[f64], &mut [f64]) -> f64 + 'a;

/// Where a descent ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Minimum {
    /// The log parameters.
    pub point: Vec<f64>,
    /// The objective there.
    pub value: f64,
    /// The gradient vanished inside the bounds.
    pub converged: bool,
}

/// Steps before a descent gives up.
const MAX_STEPS: usize = 400;

/// Converged when no gradient component (per customer, in log
/// parameters) is larger than this.
const GRADIENT_TOLERANCE: f64 = 1e-9;

/// The best of descents from each start; a converged one beats any that
/// is not.
pub fn minimize(objective: &mut Objective, starts: &[Vec<f64>]) -> Minimum {
    let mut best: Option<Minimum> = None;
    for start in starts {
        let found = descend(objective, start);
        let better = match &best {
            None => true,
            Some(best) => {
                (found.converged && !best.converged) || (found.converged == best.converged && found.value < best.value)
            }
        };
        if better {
            best = Some(found);
        }
    }
    best.unwrap_or(Minimum { point: Vec::new(), value: f64::INFINITY, converged: false })
}

fn descend(objective: &mut Objective, start: &[f64]) -> Minimum {
    let n = start.len();
    let mut point: Vec<f64> = start.iter().map(|v| v.clamp(-LOG_BOUND, LOG_BOUND)).collect();
    let mut gradient = vec![0.0; n];
    let mut value = objective(&point, &mut gradient);
    if !value.is_finite() || gradient.iter().any(|g| !g.is_finite()) {
        return Minimum { point, value: f64::INFINITY, converged: false };
    }
    // The inverse Hessian, row by row; the identity until the first step
    // has measured the curvature.
    let mut inverse = identity(n);
    let mut trial = vec![0.0; n];
    let mut trial_gradient = vec![0.0; n];
    let mut direction = vec![0.0; n];
    for step in 0..MAX_STEPS {
        if largest(&gradient) <= GRADIENT_TOLERANCE {
            break;
        }
        for i in 0..n {
            direction[i] = -dot(&inverse[i], &gradient);
        }
        let mut slope = dot(&direction, &gradient);
        if slope >= 0.0 {
            // Not a descent direction (curvature lost to rounding): start
            // the curvature over from steepest descent.
            inverse = identity(n);
            direction.iter_mut().zip(&gradient).for_each(|(d, g)| *d = -g);
            slope = dot(&direction, &gradient);
        }
        // The first step of steepest descent is scaled to move the point
        // by at most one unit of log parameter.
        let mut length = if step == 0 { (1.0 / largest(&direction)).min(1.0) } else { 1.0 };
        let mut accepted = false;
        for _ in 0..60 {
            for i in 0..n {
                trial[i] = (point[i] + length * direction[i]).clamp(-LOG_BOUND, LOG_BOUND);
            }
            let trial_value = objective(&trial, &mut trial_gradient);
            let finite = trial_value.is_finite() && trial_gradient.iter().all(|g| g.is_finite());
            if finite && trial_value <= value + 1e-4 * length * slope {
                accepted = true;
                let moved: Vec<f64> = trial.iter().zip(&point).map(|(t, p)| t - p).collect();
                let change: Vec<f64> = trial_gradient.iter().zip(&gradient).map(|(t, g)| t - g).collect();
                update(&mut inverse, &moved, &change, step == 0);
                let progress = value - trial_value;
                point.copy_from_slice(&trial);
                gradient.copy_from_slice(&trial_gradient);
                value = trial_value;
                if progress <= 1e-15 * value.abs().max(1.0) && largest(&moved) <= 1e-12 {
                    // Stalled: no longer moving at the precision of f64.
                    return finish(point, value, &gradient, 1e-6);
                }
                break;
            }
            length *= 0.5;
        }
        if !accepted {
            return finish(point, value, &gradient, 1e-6);
        }
    }
    finish(point, value, &gradient, GRADIENT_TOLERANCE)
}

/// The minimum, converged when the gradient is within `tolerance` and no
/// parameter sits on the bound.
fn finish(point: Vec<f64>, value: f64, gradient: &[f64], tolerance: f64) -> Minimum {
    let inside = point.iter().all(|p| p.abs() < LOG_BOUND - 1e-6);
    let converged = inside && largest(gradient) <= tolerance;
    Minimum { point, value, converged }
}

/// The BFGS update of the inverse Hessian from a step `s` and the change
/// `y` of the gradient along it; skipped when the curvature is not
/// positive (the update would stop pointing downhill).
fn update(inverse: &mut [Vec<f64>], s: &[f64], y: &[f64], first: bool) {
    let sy = dot(s, y);
    if sy <= 1e-14 * dot(s, s).sqrt() * dot(y, y).sqrt() {
        return;
    }
    let n = s.len();
    if first {
        // Scale the identity to the measured curvature before updating.
        let scale = sy / dot(y, y);
        for (i, row) in inverse.iter_mut().enumerate() {
            row.iter_mut().for_each(|v| *v = 0.0);
            row[i] = scale;
        }
    }
    let hy: Vec<f64> = inverse.iter().map(|row| dot(row, y)).collect();
    let yhy = dot(y, &hy);
    let rho = 1.0 / sy;
    for i in 0..n {
        for j in 0..n {
            inverse[i][j] += rho * ((1.0 + rho * yhy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]);
        }
    }
}

fn identity(n: usize) -> Vec<Vec<f64>> {
    (0..n).map(|i| (0..n).map(|j| if i == j { 1.0 } else { 0.0 }).collect()).collect()
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn largest(values: &[f64]) -> f64 {
    values.iter().fold(0.0, |m: f64, v| m.max(v.abs()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rosenbrock(p: &[f64], g: &mut [f64]) -> f64 {
        let (x, y) = (p[0], p[1]);
        g[0] = -2.0 * (1.0 - x) - 400.0 * x * (y - x * x);
        g[1] = 200.0 * (y - x * x);
        (1.0 - x).powi(2) + 100.0 * (y - x * x).powi(2)
    }

    #[test]
    fn finds_the_bottom_of_a_curved_valley() {
        let found = minimize(&mut rosenbrock, &[vec![-1.2, 1.0]]);
        assert!(found.converged);
        assert!((found.point[0] - 1.0).abs() < 1e-6 && (found.point[1] - 1.0).abs() < 1e-6, "{found:?}");
    }

    #[test]
    fn a_minimum_beyond_the_bound_is_not_converged() {
        // Falls forever toward +∞: stops on the wall, and says so.
        let mut falling = |p: &[f64], g: &mut [f64]| {
            g[0] = -(-p[0]).exp();
            (-p[0]).exp()
        };
        let found = minimize(&mut falling, &[vec![0.0]]);
        assert!(!found.converged);
        assert!(found.value.is_finite());
    }

    #[test]
    fn keeps_the_best_start() {
        // Two valleys; the deeper one is at x = 2.
        let mut two = |p: &[f64], g: &mut [f64]| {
            let x = p[0];
            let f = (x * x - 1.0).powi(2) * ((x - 2.0).powi(2) + 0.1) - 0.5 * x;
            let h = 1e-7;
            let fh = |x: f64| (x * x - 1.0).powi(2) * ((x - 2.0).powi(2) + 0.1) - 0.5 * x;
            g[0] = (fh(x + h) - fh(x - h)) / (2.0 * h);
            f
        };
        let found = minimize(&mut two, &[vec![-1.5], vec![1.2]]);
        assert!(found.point[0] > 0.0, "{found:?}");
    }

    #[test]
    fn an_objective_that_is_never_finite_is_not_converged() {
        let mut broken = |_: &[f64], g: &mut [f64]| {
            g[0] = 0.0;
            f64::NAN
        };
        assert!(!minimize(&mut broken, &[vec![0.0]]).converged);
    }
}
