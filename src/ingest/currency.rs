//! Which currency an amount is in, from the mark written with it (`zł`,
//! `руб.`, `€`, `$`) or a currency column (`PLN`, `EUR`).
//!
//! Reading the number is [`super::number`]'s job; this only names the
//! currency, so a file that mixes currencies is not summed blindly.

use super::number::RawValue;
use super::options::choice;
use crate::error::FieldError;
use crate::locale::Locale;

/// Marks and codes, each with the ISO 4217 code it stands for. Longer marks
/// first, so that `us$` is not read as `$`.
const MARKS: [(&str, &str); 30] = [
    ("us$", "USD"),
    ("руб.", "RUB"),
    ("руб", "RUB"),
    ("грн.", "UAH"),
    ("грн", "UAH"),
    ("zł", "PLN"),
    ("zl", "PLN"),
    ("р.", "RUB"),
    ("kč", "CZK"),
    ("ft", "HUF"),
    ("lei", "RON"),
    ("pln", "PLN"),
    ("rub", "RUB"),
    ("rur", "RUB"),
    ("uah", "UAH"),
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
    ("chf", "CHF"),
    ("czk", "CZK"),
    ("sek", "SEK"),
    ("nok", "NOK"),
    ("dkk", "DKK"),
    ("huf", "HUF"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("₽", "RUB"),
    ("₴", "UAH"),
    ("zł.", "PLN"),
];

/// The currency an amount's text names at either end (`12,50 zł`, `$7`,
/// `EUR 12`), if any.
///
/// ```
/// use retention_metrics::ingest::currency::currency_of_amount;
/// assert_eq!(currency_of_amount("12,50 zł"), Some("PLN"));
/// assert_eq!(currency_of_amount("-$7.00"), Some("USD"));
/// assert_eq!(currency_of_amount("1 200 руб."), Some("RUB"));
/// assert_eq!(currency_of_amount("7.50"), None);
/// ```
pub fn currency_of_amount(text: &str) -> Option<&'static str> {
    let text = text.trim().trim_start_matches(['-', '−', '(', '+']).trim_end_matches([')', '-']).trim();
    let lower = super::columns::fold(text);
    MARKS.iter().find(|(mark, _)| lower.starts_with(mark) || lower.ends_with(mark)).map(|(_, code)| *code)
}

/// The currency a currency column's cell names (`PLN`, `zł`, `€`), if any.
///
/// ```
/// use retention_metrics::ingest::currency::currency_of_cell;
/// assert_eq!(currency_of_cell("eur"), Some("EUR"));
/// assert_eq!(currency_of_cell("zł"), Some("PLN"));
/// assert_eq!(currency_of_cell("points"), None);
/// ```
pub fn currency_of_cell(cell: &str) -> Option<&'static str> {
    let lower = super::columns::fold(cell);
    MARKS.iter().find(|(mark, _)| lower == *mark).map(|(_, code)| *code)
}

/// The currency to analyse, from an option as given (`"EUR"`, `"zł"`);
/// `None` when left out (the one most rows name is taken).
pub fn currency_option(raw: Option<&RawValue>, lang: Locale) -> Result<Option<&'static str>, FieldError> {
    choice(raw, "currency", "data.error.currency", currency_of_cell, lang)
}
