//! The reader's locale: how numbers are written and read.
//!
//! Only the conventions the engine needs: which character is the decimal
//! separator, which separates thousands, and from how many digits grouping
//! starts (Polish writes `1234` but `12 345`).

/// A locale the engine knows how to read and write numbers for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    /// English: `1,234.5`.
    #[default]
    En,
    /// Polish: `12 345,5` (no grouping below five digits).
    Pl,
    /// Russian: `1 234,5`.
    Ru,
}

/// No-break space, the thousands separator of Polish and Russian.
pub const NBSP: char = '\u{a0}';

impl Locale {
    /// Reads a BCP 47 tag such as `"pl"`, `"pl-PL"` or `"en_GB"`; `None` when
    /// the language is not one the engine knows.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let language = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match language.as_str() {
            "en" => Some(Locale::En),
            "pl" => Some(Locale::Pl),
            "ru" => Some(Locale::Ru),
            _ => None,
        }
    }

    /// The language tag (`"pl"`), which names its file in `src/locales/`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Pl => "pl",
            Locale::Ru => "ru",
        }
    }

    /// The decimal separator.
    pub fn decimal(self) -> char {
        match self {
            Locale::En => '.',
            Locale::Pl | Locale::Ru => ',',
        }
    }

    /// The thousands separator used when writing numbers.
    pub fn group(self) -> char {
        match self {
            Locale::En => ',',
            Locale::Pl | Locale::Ru => NBSP,
        }
    }

    /// The fewest integer digits that get grouped (CLDR "minimum grouping").
    pub fn min_grouping_digits(self) -> usize {
        match self {
            Locale::Pl => 5,
            Locale::En | Locale::Ru => 4,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tags() {
        assert_eq!(Locale::from_tag("pl-PL"), Some(Locale::Pl));
        assert_eq!(Locale::from_tag("RU"), Some(Locale::Ru));
        assert_eq!(Locale::from_tag("en_GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("de"), None);
        assert_eq!(Locale::from_tag(""), None);
    }
}
