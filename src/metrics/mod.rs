//! The formulas, one module per family of metrics.
//!
//! Each module has pure functions (numbers in, `Option<f64>` out: `None`
//! where a denominator is zero, never NaN or ∞) and the catalog entries that
//! bind those functions to inputs, rules and examples.

pub mod cost;
pub mod loyalty;
pub mod retention;
pub mod satisfaction;
pub mod subscription;
pub mod value;

use crate::error::ErrorCode;
use crate::metric::Violation;

/// `part` as a percentage of `whole`; `None` when `whole` is zero.
///
/// ```
/// use retention_metrics::metrics::percent;
/// assert_eq!(percent(150.0, 500.0), Some(30.0));
/// assert_eq!(percent(1.0, 0.0), None);
/// ```
pub fn percent(part: f64, whole: f64) -> Option<f64> {
    ratio(part * 100.0, whole)
}

/// `numerator / denominator`; `None` when the denominator is zero or the
/// quotient would not be finite.
///
/// ```
/// use retention_metrics::metrics::ratio;
/// assert_eq!(ratio(21_000.0, 3_000.0), Some(7.0));
/// assert_eq!(ratio(1.0, 0.0), None);
/// ```
pub fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    let quotient = numerator / denominator;
    (denominator != 0.0 && quotient.is_finite()).then_some(quotient)
}

/// The net share of answers: % in the `top` band − % in the `bottom` band,
/// of all answers (`top + middle + bottom`), from −100 to 100; `None`
/// without answers. NPS (promoters, passives, detractors) and the CES index
/// (6–7, 4–5, 1–3) are this one formula on their own bands.
///
/// ```
/// use retention_metrics::metrics::net_share;
/// assert_eq!(net_share(60.0, 25.0, 15.0), Some(45.0));
/// assert_eq!(net_share(0.0, 0.0, 0.0), None);
/// ```
pub fn net_share(top: f64, middle: f64, bottom: f64) -> Option<f64> {
    percent(top - bottom, top + middle + bottom)
}

/// Unwraps a formula's result, or blames the denominator input. The catalog
/// rules already reject a zero denominator, so this is a second line of
/// defence rather than an expected path.
pub(crate) fn need(value: Option<f64>, denominator: &'static str) -> Result<f64, Violation> {
    value.ok_or(Violation { field: denominator, code: ErrorCode::Zero, message: "zero", facts: Vec::new() })
}
