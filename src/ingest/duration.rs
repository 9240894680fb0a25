//! Durations typed with their unit: `36 months`, `3 lata`, `18 мес.`.
//!
//! A field that asks for years (a customer's lifespan) is often answered in
//! months, because that is how a shop counts. Rather than refuse `36
//! months` as "not a number", the calculator splits off the unit and
//! converts, and says that it did.

/// A unit a duration may be typed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    /// Seven days.
    Week,
    /// A twelfth of a year.
    Month,
    /// The unit such fields ask for.
    Year,
}

impl TimeUnit {
    /// How many years one of this unit is.
    pub fn in_years(self) -> f64 {
        match self {
            TimeUnit::Week => 7.0 / 365.25,
            TimeUnit::Month => 1.0 / 12.0,
            TimeUnit::Year => 1.0,
        }
    }
}

/// The words (and their abbreviations) for each unit in English, Polish and
/// Russian, in the forms people type after a number.
const WORDS: &[(TimeUnit, &[&str])] = &[
    (
        TimeUnit::Week,
        &[
            "w",
            "wk",
            "wks",
            "week",
            "weeks",
            "tydz",
            "tyg",
            "tydzień",
            "tydzien",
            "tygodnie",
            "tygodni",
            "нед",
            "неделя",
            "недели",
            "недель",
            "неделю",
        ],
    ),
    (
        TimeUnit::Month,
        &[
            "m",
            "mo",
            "mos",
            "mth",
            "mths",
            "month",
            "months",
            "mc",
            "mies",
            "miesiąc",
            "miesiac",
            "miesiące",
            "miesiace",
            "miesięcy",
            "miesiecy",
            "miesiąca",
            "м",
            "мес",
            "месяц",
            "месяца",
            "месяцев",
        ],
    ),
    (
        TimeUnit::Year,
        &["y", "yr", "yrs", "year", "years", "r", "rok", "roku", "lata", "lat", "г", "год", "года", "лет"],
    ),
];

/// The number and the unit of a duration typed with one (`"36 months"` →
/// `("36", Month)`); `None` when the text ends in no unit word.
///
/// ```
/// use retention_metrics::ingest::duration::{split_unit, TimeUnit};
/// assert_eq!(split_unit("36 months"), Some(("36", TimeUnit::Month)));
/// assert_eq!(split_unit("2,5 roku"), Some(("2,5", TimeUnit::Year)));
/// assert_eq!(split_unit("18 мес."), Some(("18", TimeUnit::Month)));
/// assert_eq!(split_unit("3"), None);
/// ```
pub fn split_unit(text: &str) -> Option<(&str, TimeUnit)> {
    let text = text.trim();
    let word_start = text.char_indices().rev().take_while(|(_, c)| c.is_alphabetic() || *c == '.').last()?.0;
    let (number, word) = text.split_at(word_start);
    let word = word.trim_end_matches('.').to_lowercase();
    let number = number.trim();
    if number.is_empty() || !number.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let unit = WORDS.iter().find(|(_, words)| words.contains(&word.as_str()))?.0;
    Some((number, unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_in_three_languages_and_their_abbreviations() {
        for (text, unit) in [
            ("36 months", TimeUnit::Month),
            ("36months", TimeUnit::Month),
            ("36 mies.", TimeUnit::Month),
            ("36 miesięcy", TimeUnit::Month),
            ("36 Месяцев", TimeUnit::Month),
            ("3 lata", TimeUnit::Year),
            ("3 г.", TimeUnit::Year),
            ("3 yrs", TimeUnit::Year),
            ("10 tygodni", TimeUnit::Week),
            ("10 weeks", TimeUnit::Week),
        ] {
            assert_eq!(split_unit(text).map(|(_, u)| u), Some(unit), "{text}");
        }
    }

    #[test]
    fn a_number_alone_or_a_word_alone_has_no_unit() {
        assert_eq!(split_unit("36"), None);
        assert_eq!(split_unit("months"), None);
        assert_eq!(split_unit("36 apples"), None);
        assert_eq!(split_unit(""), None);
    }
}
