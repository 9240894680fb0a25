//! Writing numbers for people: the display rounding of the spec, in the
//! reader's locale.
//!
//! The engine returns full precision in `value`; these functions make the
//! strings shown beside it (`display`, worked steps, readings). Rounding is
//! half away from zero, so an NPS of exactly 12.5 shows as 13.

use crate::locale::{Locale, NBSP};
use crate::metric::{FactKind, InputKind, Unit};
use crate::text::Texts;

/// A currency the page offers. The engine is currency-agnostic; this only
/// chooses the symbol and where it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[allow(missing_docs)] // ISO 4217 codes name themselves.
pub enum Currency {
    #[default]
    Usd,
    Eur,
    Gbp,
    Pln,
    Rub,
    Uah,
}

impl Currency {
    /// Every currency, in the order the page lists them.
    pub const ALL: [Currency; 6] =
        [Currency::Usd, Currency::Eur, Currency::Gbp, Currency::Pln, Currency::Rub, Currency::Uah];

    /// Reads an ISO code such as `"PLN"` (any case).
    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::ALL.into_iter().find(|c| c.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
            Currency::Gbp => "GBP",
            Currency::Pln => "PLN",
            Currency::Rub => "RUB",
            Currency::Uah => "UAH",
        }
    }

    fn symbol(self) -> &'static str {
        match self {
            Currency::Usd => "$",
            Currency::Eur => "€",
            Currency::Gbp => "£",
            Currency::Pln => "zł",
            Currency::Rub => "₽",
            Currency::Uah => "₴",
        }
    }
}

/// A number with a dot and no grouping (`1234.50`, `-3`), for CSV files that
/// spreadsheets read as numbers; empty for NaN and ∞, which no spreadsheet
/// can sum. Below 10¹⁵ it is rounded half away from zero to `decimals`
/// places, and `trim` drops the fraction's trailing zeros; from 10¹⁵ on,
/// where a double has at most three fraction bits and scaling it by
/// `10^decimals` would lose digits (or overflow the integer), it is the
/// shortest decimal that reads back as the same double. Integer digits
/// rather than float formatting, which would cost the page 15 KB.
///
/// ```
/// use retention_metrics::format::plain_number;
/// assert_eq!(plain_number(1234.5, 2, false), "1234.50");
/// assert_eq!(plain_number(-0.004, 2, false), "0.00");
/// assert_eq!(plain_number(-3.0, 2, false), "-3.00");
/// assert_eq!(plain_number(100.0 / 3.0, 9, true), "33.333333333");
/// assert_eq!(plain_number(-2.5, 9, true), "-2.5");
/// assert_eq!(plain_number(3.5e29, 9, true), "350000000000000000000000000000");
/// assert_eq!(plain_number(f64::NAN, 2, false), "");
/// ```
pub fn plain_number(value: f64, decimals: usize, trim: bool) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    if value.abs() >= 1e15 {
        return format!("{sign}{}", shortest_digits(value.abs()));
    }
    let scaled = (value.abs() * 10f64.powi(decimals as i32)).round() as u128;
    let padded = format!("{scaled:0>width$}", width = decimals + 1);
    let (integer, fraction) = padded.split_at(padded.len() - decimals);
    let fraction = if trim { fraction.trim_end_matches('0') } else { fraction };
    let sign = if scaled > 0 { sign } else { "" };
    let point = if fraction.is_empty() { "" } else { "." };
    format!("{sign}{integer}{point}{fraction}")
}

/// The shortest decimal (fewest significant digits, the nearer one on a
/// choice) that a correct reader rounds back to `value`, a double of at
/// least 10¹⁵, as digits with at most a short fraction: the steps of
/// Steele and White's method, done in exact decimal integers.
///
/// The double is `mantissa × 2^exponent`; every quantity below is counted
/// in units of 10⁻⁵, which makes them all whole (from 10¹⁵ on,
/// `exponent ≥ −3`, and the smallest half gap is 2⁻⁵). A decimal reads back
/// as `value` when it lies within half the gap to the neighbouring doubles
/// (the gap below is half as wide at a power of two; a decimal exactly
/// halfway reads as the double with an even mantissa).
fn shortest_digits(value: f64) -> String {
    const PLACES: usize = 5;
    let bits = value.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32 - 1075;
    let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
    // n × 2^power in units: n × 2^(power + 5) × 5⁵.
    let in_units = |n: u64, power: i32| Decimal::from(n).times_power_of_two((power + 5) as u32).times(3125);
    let exact = in_units(mantissa, exponent);
    let above = in_units(1, exponent - 1);
    let below = if mantissa == 1 << 52 { in_units(1, exponent - 2) } else { above.clone() };
    let halfway_reads_back = mantissa.is_multiple_of(2);
    let within = |distance: &Decimal, half_gap: &Decimal| match distance.cmp(half_gap) {
        std::cmp::Ordering::Less => true,
        std::cmp::Ordering::Equal => halfway_reads_back,
        std::cmp::Ordering::Greater => false,
    };
    // From one significant digit down: the two decimals with digits down to
    // `place` either side of the value; the exact value itself always fits.
    let shortest = (0..exact.0.len()).rev().find_map(|place| {
        let low = exact.cut_below(place);
        let high = low.clone().plus_power_of_ten(place);
        let (down, up) = (exact.minus(&low), high.minus(&exact));
        match (within(&down, &below), within(&up, &above)) {
            (true, true) if down < up => Some(low),
            (_, true) => Some(high),
            (true, false) => Some(low),
            (false, false) => None,
        }
    });
    let digits = shortest.unwrap_or(exact).to_string();
    let padded = format!("{digits:0>width$}", width = PLACES + 1);
    let (integer, fraction) = padded.split_at(padded.len() - PLACES);
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        integer.to_string()
    } else {
        format!("{integer}.{fraction}")
    }
}

/// A whole number of any size as decimal digits, least significant first,
/// with no leading zeros: just enough arithmetic for [`shortest_digits`].
#[derive(Clone, PartialEq, Eq)]
struct Decimal(Vec<u8>);

impl From<u64> for Decimal {
    fn from(mut n: u64) -> Decimal {
        let mut digits = Vec::new();
        while n > 0 {
            digits.push((n % 10) as u8);
            n /= 10;
        }
        Decimal(digits)
    }
}

impl Decimal {
    fn times(mut self, factor: u64) -> Decimal {
        let mut carry = 0u64;
        for digit in &mut self.0 {
            let n = u64::from(*digit) * factor + carry;
            *digit = (n % 10) as u8;
            carry = n / 10;
        }
        while carry > 0 {
            self.0.push((carry % 10) as u8);
            carry /= 10;
        }
        self
    }

    fn times_power_of_two(self, mut power: u32) -> Decimal {
        let mut n = self;
        while power > 0 {
            let step = power.min(32);
            n = n.times(1 << step);
            power -= step;
        }
        n
    }

    /// The number with its digits below `place` set to 0.
    fn cut_below(&self, place: usize) -> Decimal {
        let mut digits = self.0.clone();
        digits[..place].fill(0);
        Decimal(digits).normalized()
    }

    fn plus_power_of_ten(mut self, place: usize) -> Decimal {
        if self.0.len() <= place {
            self.0.resize(place + 1, 0);
        }
        let mut i = place;
        loop {
            if i == self.0.len() {
                self.0.push(1);
                break;
            }
            if self.0[i] < 9 {
                self.0[i] += 1;
                break;
            }
            self.0[i] = 0;
            i += 1;
        }
        self
    }

    /// `self − other`, for `other ≤ self`.
    fn minus(&self, other: &Decimal) -> Decimal {
        let mut digits = self.0.clone();
        let mut borrow = 0;
        for (i, digit) in digits.iter_mut().enumerate() {
            let take = other.0.get(i).copied().unwrap_or(0) + borrow;
            borrow = u8::from(*digit < take);
            *digit = *digit + 10 * borrow - take;
        }
        Decimal(digits).normalized()
    }

    fn normalized(mut self) -> Decimal {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
        self
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> std::cmp::Ordering {
        self.0.len().cmp(&other.0.len()).then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.is_empty() {
            return f.write_str("0");
        }
        self.0.iter().rev().try_for_each(|d| std::fmt::Write::write_char(f, char::from(b'0' + d)))
    }
}

/// Rounds half away from zero to `decimals` places: the value as the page
/// shows it, which comparisons must use so that the words agree with the
/// number beside them (an NPS shown as 45 is "very good", even at 44.6).
///
/// ```
/// use retention_metrics::format::round_half_away;
/// assert_eq!(round_half_away(44.5, 0), 45.0);
/// assert_eq!(round_half_away(-12.5, 0), -13.0);
/// assert_eq!(round_half_away(80.05, 1), 80.1);
/// ```
pub fn round_half_away(value: f64, decimals: usize) -> f64 {
    let scale = 10f64.powi(decimals as i32);
    (value * scale).round() / scale
}

/// Rounds half away from zero to `decimals` places and writes the number with
/// the locale's separators; `trim` drops trailing zeros of the fraction.
///
/// ```
/// use retention_metrics::{format_number, Locale};
/// assert_eq!(format_number(1234.5, 2, false, Locale::En), "1,234.50");
/// assert_eq!(format_number(1234.5, 1, true, Locale::Pl), "1234,5");
/// assert_eq!(format_number(12345.0, 0, true, Locale::Pl), "12\u{a0}345");
/// assert_eq!(format_number(-16.666, 0, true, Locale::En), "−17");
/// ```
pub fn format_number(value: f64, decimals: usize, trim: bool, locale: Locale) -> String {
    let scale = 10f64.powi(decimals as i32);
    // Integer digits instead of float formatting: smaller code in the page,
    // and the engine's results stay far below u128's range (≈ 3.4 × 10³⁸).
    let scaled = (value.abs() * scale).round() as u128;
    let digits = scaled.to_string();
    let padded = format!("{digits:0>width$}", width = decimals + 1);
    let (integer, fraction) = padded.split_at(padded.len() - decimals);
    assemble(value, integer, fraction, trim, locale)
}

fn assemble(value: f64, integer: &str, fraction: &str, trim: bool, locale: Locale) -> String {
    let fraction = if trim { fraction.trim_end_matches('0') } else { fraction };
    let is_zero = integer.chars().all(|c| c == '0') && fraction.chars().all(|c| c == '0');
    let mut out = String::new();
    if value < 0.0 && !is_zero {
        out.push('−');
    }
    out.push_str(&group(integer, locale));
    if !fraction.is_empty() {
        out.push(locale.decimal());
        out.push_str(fraction);
    }
    out
}

/// Inserts thousands separators into a run of digits.
fn group(integer: &str, locale: Locale) -> String {
    if integer.len() < locale.min_grouping_digits() {
        return integer.to_string();
    }
    let mut out = String::with_capacity(integer.len() + integer.len() / 3);
    for (i, c) in integer.chars().enumerate() {
        if i > 0 && (integer.len() - i).is_multiple_of(3) {
            out.push(locale.group());
        }
        out.push(c);
    }
    out
}

/// Money to 2 decimals, or none when the amount is whole (`$2,100`, `$12.50`).
///
/// ```
/// use retention_metrics::{format_money, Currency, Locale};
/// assert_eq!(format_money(2100.0, Currency::Usd, Locale::En), "$2,100");
/// assert_eq!(format_money(12.5, Currency::Usd, Locale::En), "$12.50");
/// assert_eq!(format_money(8400.0, Currency::Pln, Locale::Pl), "8400\u{a0}zł");
/// ```
pub fn format_money(value: f64, currency: Currency, locale: Locale) -> String {
    let whole = (value * 100.0).round() % 100.0 == 0.0;
    with_symbol(format_number(value, if whole { 0 } else { 2 }, false, locale), currency, locale)
}

/// An amount a person typed, echoed in worked steps: as [`format_money`]
/// when it is whole cents, else up to 4 decimals (a unit cost of 0.125), so
/// that the arithmetic on screen adds up.
pub fn format_money_as_typed(value: f64, currency: Currency, locale: Locale) -> String {
    if ((value * 100.0).round() - value * 100.0).abs() < 1e-9 {
        format_money(value, currency, locale)
    } else {
        with_symbol(format_number(value, 4, true, locale), currency, locale)
    }
}

/// Puts the currency symbol where the locale writes it.
fn with_symbol(number: String, currency: Currency, locale: Locale) -> String {
    let prefix = locale == Locale::En && matches!(currency, Currency::Usd | Currency::Eur | Currency::Gbp);
    if prefix {
        match number.strip_prefix('−') {
            Some(positive) => format!("−{}{positive}", currency.symbol()),
            None => format!("{}{number}", currency.symbol()),
        }
    } else {
        format!("{number}{NBSP}{}", currency.symbol())
    }
}

/// A percentage to 1 decimal, trailing zero trimmed (`90%`, `12.5%`; Russian
/// puts a no-break space before the sign).
pub fn format_percent(value: f64, locale: Locale) -> String {
    format_percent_to(value, 1, locale)
}

/// A percentage to at most `decimals` places, trailing zeros trimmed.
pub fn format_percent_to(value: f64, decimals: usize, locale: Locale) -> String {
    let number = format_number(value, decimals, true, locale);
    match locale {
        Locale::Ru => format!("{number}{NBSP}%"),
        Locale::En | Locale::Pl => format!("{number}%"),
    }
}

/// The decimals needed to show `value` with at least two significant
/// digits when `decimals` would round it to 0 (0.0003 per order, not 0).
pub fn decimals_for(value: f64, decimals: usize) -> usize {
    if value == 0.0 || round_half_away(value, decimals) != 0.0 {
        return decimals;
    }
    let mut needed = decimals;
    while needed < 12 && round_half_away(value, needed) == 0.0 {
        needed += 1;
    }
    needed + 1
}

/// Writes the numbers of one result in one language and currency: its
/// display, the numbers in its steps and readings, and inputs echoed back.
#[derive(Debug, Clone, Copy)]
pub struct Writer {
    /// The reader's language, which decides separators and grouping.
    pub lang: Locale,
    /// The currency money is shown in.
    pub currency: Currency,
}

impl Writer {
    /// A named number of a step or reading, written as its kind asks.
    pub fn fact(&self, kind: FactKind, value: f64) -> String {
        match kind {
            FactKind::Count => format_number(value, 0, true, self.lang),
            FactKind::Money => format_money(value, self.currency, self.lang),
            FactKind::Percent => format_percent(value, self.lang),
            FactKind::Number => format_number(value, 2, true, self.lang),
            FactKind::Fraction => format_number(value, 4, true, self.lang),
        }
    }

    /// An input echoed in steps and messages at the precision it was typed
    /// (up to 4 decimals), so that `1 / (0.25% / 100)` reads as typed.
    pub fn input(&self, kind: InputKind, value: f64) -> String {
        match kind {
            InputKind::Count => self.fact(FactKind::Count, value),
            InputKind::Money => format_money_as_typed(value, self.currency, self.lang),
            InputKind::Percent => format_percent_to(value, 4, self.lang),
            // A period (a word) and a series (a table) are never echoed as one number.
            InputKind::Number | InputKind::Years | InputKind::Period | InputKind::Series => {
                self.fact(FactKind::Fraction, value)
            }
        }
    }

    /// The result as shown: the unit's rounding, in the reader's format.
    pub fn result(&self, texts: &Texts, unit: Unit, decimals: usize, value: f64) -> String {
        // Rates keep the spec's 1 decimal and NPS its whole number; other
        // units show a tiny value (0.0003 per order) rather than 0.
        let decimals = match unit {
            Unit::Ratio | Unit::Periods | Unit::PerOrder | Unit::Count => decimals_for(value, decimals),
            Unit::Percent | Unit::Money | Unit::Score => decimals,
        };
        let number = format_number(value, decimals, true, self.lang);
        let with_unit = |key: &str| texts.fill(key, &|name| (name == "n").then(|| number.clone()));
        match unit {
            Unit::Percent => format_percent(value, self.lang),
            Unit::Money => format_money(value, self.currency, self.lang),
            Unit::Ratio => with_unit("unit.ratio"),
            Unit::Periods => with_unit("unit.periods"),
            Unit::PerOrder => with_unit("unit.per_order"),
            Unit::Count | Unit::Score => number,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(format_number(12.5, 0, true, Locale::En), "13");
        assert_eq!(format_number(-12.5, 0, true, Locale::En), "−13");
        assert_eq!(format_number(100.0 / 6.0, 0, true, Locale::En), "17");
        assert_eq!(format_number(0.05, 1, true, Locale::En), "0.1");
    }

    #[test]
    fn never_prints_negative_zero() {
        assert_eq!(format_number(-0.01, 1, true, Locale::En), "0");
    }

    #[test]
    fn groups_by_locale() {
        assert_eq!(format_number(1234.0, 0, true, Locale::En), "1,234");
        assert_eq!(format_number(1234.0, 0, true, Locale::Ru), "1\u{a0}234");
        assert_eq!(format_number(1234.0, 0, true, Locale::Pl), "1234");
        assert_eq!(format_number(1_234_567.891, 2, false, Locale::En), "1,234,567.89");
        assert_eq!(format_number(0.5, 2, false, Locale::Pl), "0,50");
    }

    #[test]
    fn formats_money_and_percent() {
        assert_eq!(format_money(5000.0, Currency::Eur, Locale::En), "€5,000");
        assert_eq!(format_money(-3.5, Currency::Usd, Locale::En), "−$3.50");
        assert_eq!(format_money(0.004, Currency::Usd, Locale::En), "$0");
        assert_eq!(format_money(12.0, Currency::Rub, Locale::Ru), "12\u{a0}₽");
        assert_eq!(format_percent(90.0, Locale::En), "90%");
        assert_eq!(format_percent(12.34, Locale::Ru), "12,3\u{a0}%");
        assert_eq!(format_money_as_typed(7.125, Currency::Usd, Locale::En), "$7.125");
        assert_eq!(format_money_as_typed(7.1, Currency::Usd, Locale::En), "$7.10");
        assert_eq!(format_percent_to(0.25, 4, Locale::En), "0.25%");
    }

    #[test]
    fn plain_numbers_keep_their_digits_at_any_size() {
        assert_eq!(plain_number(1e20, 9, true), "100000000000000000000");
        assert_eq!(plain_number(3.5e29, 9, true), format!("35{}", "0".repeat(28)), "once saturated u128 here");
        assert_eq!(plain_number(-3.5e29, 2, false), format!("-35{}", "0".repeat(28)));
        assert_eq!(plain_number(1e300, 2, false), format!("1{}", "0".repeat(300)));
        assert_eq!(plain_number(f64::MAX, 9, true).len(), 309);
        assert_eq!(plain_number(1e15 + 0.125, 2, false), "1000000000000000.1");
        assert_eq!(plain_number(-0.0, 9, true), "0");
        assert_eq!(plain_number(-0.0, 2, false), "0.00");
        for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(plain_number(value, 2, false), "");
        }
    }

    #[test]
    fn large_plain_numbers_are_the_shortest_that_read_back() {
        // Rust's own float formatting (not in the page) is the reference.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let value = f64::from_bits(state);
            if !value.is_finite() || value.abs() < 1e15 {
                continue;
            }
            let written = plain_number(value, 9, true);
            assert_eq!(written, format!("{value}"), "{value:e}");
            assert_eq!(written.parse::<f64>(), Ok(value));
        }
        for value in [2f64.powi(53), 2f64.powi(60), 2f64.powi(1023), 1e15, 1e23, 9.007199254740993e15] {
            assert_eq!(plain_number(value, 2, false), format!("{value}"), "{value:e}");
        }
    }

    #[test]
    fn tiny_values_keep_two_significant_digits() {
        assert_eq!(decimals_for(0.0003, 3), 5);
        assert_eq!(decimals_for(0.03, 3), 3);
        assert_eq!(decimals_for(0.0, 3), 3);
    }
}
