//! The one number reader, shared by the calculator and (later) CSV amounts.
//!
//! People type `1 234,50`, `$7`, `12,5 %`, `(12.00)` or `1.234,56`. The reader
//! strips currency marks and percent signs, reads spaces and apostrophes as
//! thousands separators, and decides which of `.` and `,` is the decimal
//! separator from the text itself, falling back on the locale only when the
//! text could mean two things (`1,234`). Without a locale such text is
//! rejected rather than guessed.

use crate::locale::Locale;

/// Why a piece of text is not a number. The caller turns it into a
/// message that names its field ([`crate::error::FieldError`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing but blanks.
    Empty,
    /// Letters, misplaced separators, `NaN`, `inf`, an exponent…
    Invalid,
    /// One separator followed by three digits, with no locale to decide
    /// whether it is a decimal or a thousands separator (`1,234`).
    Ambiguous,
}

/// An input value as it arrives: a number, or text as a person typed it.
#[derive(Debug, Clone, PartialEq)]
pub enum RawValue {
    /// A number (from JavaScript or Rust).
    Number(f64),
    /// Text such as `"1 234,50"`; `""` means not given.
    Text(String),
    /// Anything else JavaScript may pass (a boolean, an object): not a number.
    Other,
}

impl From<f64> for RawValue {
    fn from(value: f64) -> Self {
        RawValue::Number(value)
    }
}

impl From<&str> for RawValue {
    fn from(text: &str) -> Self {
        RawValue::Text(text.to_string())
    }
}

/// Reads a value as it arrives: a finite number as it is (−0 as 0), text
/// with [`read_number`]; anything else (NaN, ∞, a boolean) is not a number.
///
/// ```
/// use retention_metrics::{ingest::number::read_raw, Locale, RawValue};
/// assert_eq!(read_raw(&RawValue::Text("1 234,5".into()), Some(Locale::Pl)), Ok(1234.5));
/// assert!(read_raw(&RawValue::Number(f64::NAN), None).is_err());
/// ```
pub fn read_raw(raw: &RawValue, locale: Option<Locale>) -> Result<f64, NumberError> {
    match raw {
        // Adding 0 turns −0 into 0 and leaves every other number as it is.
        RawValue::Number(n) if n.is_finite() => Ok(n + 0.0),
        RawValue::Number(_) | RawValue::Other => Err(NumberError::Invalid),
        RawValue::Text(text) => read_number(text, locale),
    }
}

/// The largest amount one row of a file may hold: 10¹⁵ (a thousand
/// trillion). Past it a number is a mistake (or an attack),
/// and sums of such would leave the finite numbers.
pub const MAX_AMOUNT: f64 = 1e15;

/// Currency marks and units people put before or after a number. Longer
/// marks come first so that `руб.` is removed whole, not as `р` + `уб.`.
/// ASCII marks match in any case; the others are listed in the cases people
/// write (a Unicode lowercase table would cost the page more than the list).
const MARKS: &[&str] = &[
    "руб.", "руб", "Руб", "РУБ", "грн.", "грн", "Грн", "ГРН", "р.", "р", "pln", "usd", "eur", "gbp", "rub", "uah",
    "zł", "Zł", "ZŁ", "zl", "us$", "$", "€", "£", "₽", "₴", "%",
];

/// Reads a number as a person typed it.
///
/// `locale` breaks the tie for text like `1,234`; every other input reads the
/// same in any locale. `-0` is 0 (never −0, which would be written `-0`).
/// Accounting parentheses around a number that already has a sign, `(-5)`,
/// are refused: nobody writes that, and whether it means −5 or 5 is a guess.
///
/// ```
/// use retention_metrics::{read_number, Locale};
/// assert_eq!(read_number("1 234,50", Some(Locale::Pl)), Ok(1234.5));
/// assert_eq!(read_number("1,234.50", Some(Locale::En)), Ok(1234.5));
/// assert_eq!(read_number("$7", None), Ok(7.0));
/// assert_eq!(read_number("12,5 %", None), Ok(12.5));
/// assert_eq!(read_number("(12.00)", None), Ok(-12.0));
/// assert!(read_number("(-12.00)", None).is_err());
/// assert!(read_number("1,2,3", None).is_err());
/// ```
pub fn read_number(text: &str, locale: Option<Locale>) -> Result<f64, NumberError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(NumberError::Empty);
    }
    let (negative, body) = split_sign(text)?;
    let value = unsigned_value(body, locale)?;
    Ok(signed(negative, value))
}

/// Reads the commonest amount in a file, `-?digits[<decimal>digits]`, straight
/// from bytes; `None` for anything else (groups, marks, signs in
/// parentheses), which [`read_number`] then reads. Both give the same value
/// for the same text: a file's million amounts take this path without a
/// UTF-8 check or a search for currency marks.
///
/// ```
/// use retention_metrics::ingest::number::read_plain_amount;
/// assert_eq!(read_plain_amount(b"7.60", b'.'), Some(7.6));
/// assert_eq!(read_plain_amount(b"-12,5", b','), Some(-12.5));
/// assert_eq!(read_plain_amount(b"1.234,5", b','), None);
/// ```
pub fn read_plain_amount(bytes: &[u8], decimal: u8) -> Option<f64> {
    let (negative, body) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, bytes),
    };
    let mut digits = Digits::default();
    let mut after_point = false;
    for &b in body {
        match b {
            b'0'..=b'9' => digits.push(b - b'0', after_point),
            _ if b == decimal && !after_point => after_point = true,
            _ => return None,
        }
    }
    if digits.count == 0 || digits.count > 19 {
        return None;
    }
    Some(signed(negative, digits.value()))
}

/// `value` (never negative) with its sign; `0 − value` rather than
/// `-value`, so that `-0` reads as 0.
fn signed(negative: bool, value: f64) -> f64 {
    if negative {
        0.0 - value
    } else {
        value
    }
}

/// Removes a sign (`-`, `−`, `+`, or accounting parentheses) and currency or
/// percent marks on either side, in any order: `-$7`, `$-7`, `7 zł`, `(12.00)`;
/// at most one sign, and parentheses only around an unsigned number.
fn split_sign(text: &str) -> Result<(bool, &str), NumberError> {
    // Most amounts in a file are bare (`7.60`, `-3`): skip the mark search,
    // which a million-row log would otherwise pay on every row.
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let bytes = unsigned.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_digit) && bytes.last().is_some_and(u8::is_ascii_digit) {
        return Ok((unsigned.len() != text.len(), unsigned));
    }
    let mut rest = text;
    let mut negative = false;
    let mut signs = 0;
    if let Some(inner) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negative = true;
        signs += 1;
        rest = inner;
    }
    loop {
        let before = rest;
        rest = strip_marks(rest.trim());
        // `12,-` is how Polish and German price tags write a whole amount.
        for whole in [",-", ".-", ",–", ".–"] {
            rest = rest.strip_suffix(whole).unwrap_or(rest);
        }
        for minus in ['-', '−', '–'] {
            if let Some(r) = rest.strip_prefix(minus).or_else(|| rest.strip_suffix(minus)) {
                negative = !negative;
                signs += 1;
                rest = r;
            }
        }
        if let Some(r) = rest.strip_prefix('+') {
            signs += 1;
            rest = r;
        }
        if rest == before {
            break;
        }
    }
    if signs > 1 || rest.is_empty() {
        return Err(NumberError::Invalid);
    }
    Ok((negative, rest))
}

/// Strips every currency or percent mark from both ends.
fn strip_marks(mut text: &str) -> &str {
    'again: loop {
        text = text.trim();
        for mark in MARKS {
            let n = mark.len();
            let matches = |part: Option<&str>| part.is_some_and(|p| p.eq_ignore_ascii_case(mark));
            if matches(text.get(..n)) {
                text = &text[n..];
                continue 'again;
            }
            if matches(text.len().checked_sub(n).and_then(|start| text.get(start..))) {
                text = &text[..text.len() - n];
                continue 'again;
            }
        }
        return text;
    }
}

/// Decimal digits gathered one at a time: exact up to 19 digits, then
/// only the scale grows. The value is the exact mantissa divided (or
/// multiplied) by an exact power of ten — one correctly rounded operation —
/// so typed amounts read exactly as the standard parser would, without
/// carrying its code into the page or a `String` per number.
#[derive(Default)]
struct Digits {
    mantissa: u64,
    exponent: i32,
    count: usize,
}

impl Digits {
    fn push(&mut self, digit: u8, after_point: bool) {
        self.count += 1;
        if self.mantissa < 1_000_000_000_000_000_000 / 10 {
            self.mantissa = self.mantissa * 10 + u64::from(digit);
            self.exponent -= i32::from(after_point);
        } else {
            self.exponent += i32::from(!after_point); // digits beyond 19 only scale
        }
    }

    fn value(&self) -> f64 {
        let scale = 10f64.powi(self.exponent.abs());
        if self.exponent < 0 {
            self.mantissa as f64 / scale
        } else {
            self.mantissa as f64 * scale
        }
    }
}

fn is_space_group(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’')
}

/// The value of the unsigned body, checking that every thousands group has
/// three digits: the first group 1–3 digits, every later one exactly 3, and
/// one kind of separator (spaces or a punctuation mark) throughout.
fn unsigned_value(body: &str, locale: Option<Locale>) -> Result<f64, NumberError> {
    if !body.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',' || is_space_group(c)) {
        return Err(NumberError::Invalid);
    }
    if !body.chars().any(|c| c.is_ascii_digit()) {
        return Err(NumberError::Invalid);
    }
    let has_space_groups = body.chars().any(is_space_group);
    let decimal = decimal_separator(body, locale, has_space_groups)?;
    let (integer, fraction) = match decimal.and_then(|d| body.rsplit_once(d)) {
        Some((i, f)) => (i, f),
        None => (body, ""),
    };
    let mut digits = Digits::default();
    let is_group = |c: char| is_space_group(c) || ((c == '.' || c == ',') && Some(c) != decimal);
    let mut group_len = 0;
    let mut groups = 0;
    let mut space_groups: Option<bool> = None;
    for c in integer.chars() {
        if is_group(c) {
            let first_ok = groups > 0 || (1..=3).contains(&group_len);
            let later_ok = groups == 0 || group_len == 3;
            let same_kind = *space_groups.get_or_insert(is_space_group(c)) == is_space_group(c);
            if !(first_ok && later_ok && same_kind) {
                return Err(NumberError::Invalid);
            }
            groups += 1;
            group_len = 0;
        } else {
            digits.push(c as u8 - b'0', false);
            group_len += 1;
        }
    }
    if groups > 0 && group_len != 3 {
        return Err(NumberError::Invalid);
    }
    if !fraction.chars().all(|c| c.is_ascii_digit()) {
        return Err(NumberError::Invalid);
    }
    for c in fraction.bytes() {
        digits.push(c - b'0', true);
    }
    let value = digits.value();
    if digits.count == 0 || !value.is_finite() {
        return Err(NumberError::Invalid);
    }
    Ok(value)
}

/// Decides the decimal separator, or `None` for a whole number.
fn decimal_separator(body: &str, locale: Option<Locale>, has_space_groups: bool) -> Result<Option<char>, NumberError> {
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    match (dots, commas) {
        (0, 0) => Ok(None),
        (_, 0) | (0, _) => {
            let (sep, count) = if dots > 0 { ('.', dots) } else { (',', commas) };
            if count > 1 {
                return Ok(None); // only grouping repeats: 1,234,567
            }
            let (integer, fraction) = body.rsplit_once(sep).unwrap_or((body, ""));
            let integer_digits = integer.chars().filter(char::is_ascii_digit).count();
            if fraction.len() != 3 || has_space_groups || integer.trim_start_matches('0').is_empty() {
                return Ok(Some(sep));
            }
            if integer_digits > 3 {
                return Ok(Some(sep)); // 1234,567 cannot be grouping
            }
            match locale {
                Some(l) if l.decimal() == sep => Ok(Some(sep)),
                Some(_) => Ok(None),
                None => Err(NumberError::Ambiguous),
            }
        }
        _ => {
            let last_dot = body.rfind('.');
            let last_comma = body.rfind(',');
            let sep = if last_dot > last_comma { '.' } else { ',' };
            if body.matches(sep).count() > 1 {
                return Err(NumberError::Invalid);
            }
            Ok(Some(sep))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Locale::*;

    fn ok(text: &str, locale: Option<Locale>, expected: f64) {
        assert_eq!(read_number(text, locale), Ok(expected), "{text:?} with {locale:?}");
    }

    fn bad(text: &str, locale: Option<Locale>, expected: NumberError) {
        assert_eq!(read_number(text, locale), Err(expected), "{text:?} with {locale:?}");
    }

    #[test]
    fn reads_locale_formats() {
        ok("1 234,50", Some(Pl), 1234.5);
        ok("1\u{a0}234,50", Some(Ru), 1234.5);
        ok("1,234.50", Some(En), 1234.5);
        ok("1.234,56", None, 1234.56);
        ok("1,234,567", None, 1_234_567.0);
        ok("1'234.5", None, 1234.5);
    }

    #[test]
    fn strips_currency_and_percent() {
        ok("$7", None, 7.0);
        ok("$7.00", None, 7.0);
        ok("12,50 zł", None, 12.5);
        ok("12,5 %", None, 12.5);
        ok("12.5%", None, 12.5);
        ok("1 500 ₽", None, 1500.0);
        ok("12,-", None, 12.0);
        ok("1 200,- zł", None, 1200.0);
        ok("5 р", None, 5.0);
        ok("100 руб.", None, 100.0);
        ok("EUR 30", None, 30.0);
        ok("PLN 1 234,5", None, 1234.5);
    }

    #[test]
    fn reads_signs() {
        ok("-5", None, -5.0);
        ok("−5", None, -5.0);
        ok("-$7", None, -7.0);
        ok("$-7", None, -7.0);
        ok("(12.00)", None, -12.0);
        ok("+3", None, 3.0);
        bad("--3", None, NumberError::Invalid);
    }

    #[test]
    fn parentheses_around_a_signed_number_are_refused() {
        // Once read as +5 and +12: the parentheses negated the minus.
        for text in ["(-5)", "(-12.00)", "(−12,00)", "(+5)", "($-7)", "(-$7)", "(5-)", "-(5)", "(12.00) -"] {
            bad(text, Some(En), NumberError::Invalid);
        }
        ok("($7)", None, -7.0);
        ok("(12,50 zł)", None, -12.5);
    }

    #[test]
    fn minus_zero_is_zero() {
        for text in ["-0", "−0", "-0.00", "(0)", "-$0", "0 -"] {
            let value = read_number(text, Some(En));
            assert_eq!(value, Ok(0.0), "{text:?}");
            assert!(value.unwrap().is_sign_positive(), "{text:?} read as −0");
        }
        assert!(read_plain_amount(b"-0", b'.').unwrap().is_sign_positive());
        assert!(read_plain_amount(b"-0,0", b',').unwrap().is_sign_positive());
        assert!(read_raw(&RawValue::Number(-0.0), None).unwrap().is_sign_positive());
        assert_eq!(read_number("-5", None), Ok(-5.0));
    }

    #[test]
    fn single_separator_followed_by_three_digits_needs_a_locale() {
        bad("1,234", None, NumberError::Ambiguous);
        ok("1,234", Some(En), 1234.0);
        ok("1,234", Some(Pl), 1.234);
        ok("1.234", Some(Pl), 1234.0);
        ok("0,125", None, 0.125);
        ok("1234,567", None, 1234.567);
        ok("12,5", None, 12.5);
        ok("12.5", Some(Pl), 12.5);
    }

    #[test]
    fn leading_and_trailing_decimal_separators() {
        ok(",5", None, 0.5);
        ok("12.", None, 12.0);
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        bad("", None, NumberError::Empty);
        bad("   ", None, NumberError::Empty);
        for text in [
            "1,2,3",
            "NaN",
            "nan",
            "inf",
            "-inf",
            "Infinity",
            "1e5",
            "12abc",
            "abc",
            ".",
            "$",
            "%",
            "1 23",
            "1.2.3,4",
            "1 234,567.5",
            "1,23.45",
        ] {
            assert!(read_number(text, Some(En)).is_err(), "{text:?} should be rejected");
        }
    }

    #[test]
    fn decimals_read_exactly() {
        for (text, expected) in
            [("0.1", 0.1), ("1234.56", 1234.56), ("0.000001", 0.000001), ("9007199254740993", 9007199254740993.0)]
        {
            assert_eq!(read_number(text, Some(En)), Ok(expected), "{text}");
        }
    }

    #[test]
    fn huge_numbers_stay_finite() {
        let many_nines = "9".repeat(400);
        assert_eq!(read_number(&many_nines, None), Err(NumberError::Invalid));
    }
}
