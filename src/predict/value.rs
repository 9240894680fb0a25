//! Predicted customer value (`predict.md`, section 4): the purchases a
//! customer is expected to make month by month, times their expected
//! spend, discounted monthly.

use super::bgnbd::BgNbd;
use super::History;

/// Weeks in a month (365.25 / 12 / 7, rounded as the reference libraries
/// round it): the one place weeks become months.
pub const WEEKS_PER_MONTH: f64 = 4.345;

/// Σᵢ spend · (E[X(4.345 i)] − E[X(4.345 (i − 1))]) / (1 + d)ⁱ for months
/// i = 1..`months`, with `discount` the monthly rate as a fraction.
pub fn predicted_value(model: &BgNbd, history: &History, spend: f64, months: u32, discount: f64) -> f64 {
    spend * discounted_purchases(model, history, months, discount)
}

/// The purchases of [`predicted_value`] before they are priced: each
/// month's expected purchases, discounted to today. Customers with equal
/// histories share it, whatever each spends.
pub fn discounted_purchases(model: &BgNbd, history: &History, months: u32, discount: f64) -> f64 {
    let mut total = 0.0;
    let mut before = 0.0;
    let mut factor = 1.0;
    for month in 1..=months {
        let expected = model.expected_purchases(history, WEEKS_PER_MONTH * f64::from(month));
        factor /= 1.0 + discount;
        total += (expected - before) * factor;
        before = expected;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_discount_and_one_month_is_spend_times_expected_purchases() {
        let model = BgNbd { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };
        let h = History { x: 3, t_x: 20.0, t: 30.0, monetary: 10.0, holdout_x: 0 };
        let one = predicted_value(&model, &h, 10.0, 1, 0.0);
        assert!((one - 10.0 * model.expected_purchases(&h, WEEKS_PER_MONTH)).abs() < 1e-12);
        let discounted = predicted_value(&model, &h, 10.0, 12, 0.01);
        let plain = predicted_value(&model, &h, 10.0, 12, 0.0);
        assert!(discounted < plain && discounted > 0.85 * plain, "{discounted} {plain}");
    }
}
