//! Every word the engine and the page show, one file per language under
//! `src/locales/`.
//!
//! A language file is lines of `key = text`; `#` starts a comment. Texts may
//! name values in braces (`{start}`, `{value}`, `{label:end}`), filled in by
//! [`Texts::fill`]. A placeholder with forms, `{n|period|periods}`, becomes
//! the form that fits the number `n` as shown, by the language's plural
//! rule (English: one, other; Polish and Russian: one, few, many, other).
//!
//! A language's words are a file with the same keys as English: `build.rs`
//! registers every file in the folder, and the tests fail when a key or a
//! placeholder differs from English. How the language writes numbers and
//! chooses plural forms is code, not text: a new language also needs its
//! [`Locale`] variant (tag, separators, grouping) and its rule in
//! `plural_form` below; until then no reader can be given its file.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::error::{ErrorCode, FieldError};
use crate::locale::Locale;

/// The first `longest` characters of a text, and `…` when there were more.
pub fn shortened(text: &str, longest: usize) -> String {
    match text.char_indices().nth(longest) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// The texts of one language, sorted by key for lookup.
#[derive(Debug)]
pub struct Texts {
    locale: Locale,
    entries: Vec<(&'static str, &'static str)>,
}

include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// The tag of the language every other one is checked against and falls back to.
const ENGLISH: &str = "en";

/// Every language file, parsed once, by tag.
fn languages() -> &'static [(&'static str, Texts)] {
    static PARSED: OnceLock<Vec<(&'static str, Texts)>> = OnceLock::new();
    PARSED.get_or_init(|| {
        LANGUAGES
            .iter()
            .map(|(tag, source)| (*tag, Texts::parse(source, Locale::from_tag(tag).unwrap_or_default())))
            .collect()
    })
}

impl Texts {
    /// The texts for a locale; English when that language has no file yet
    /// (its numbers are still written in its own format).
    pub fn for_locale(locale: Locale) -> &'static Texts {
        let find = |tag: &str| languages().iter().find(|(t, _)| *t == tag).map(|(_, texts)| texts);
        find(locale.tag()).or_else(|| find(ENGLISH)).expect("src/locales/en.txt is always present")
    }

    /// Reads a language file whose plurals follow `locale`. Later duplicates
    /// of a key are ignored (the tests forbid them).
    pub fn parse(source: &'static str, locale: Locale) -> Texts {
        let mut entries: Vec<(&str, &str)> = source
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .filter_map(|line| line.split_once('='))
            .map(|(key, text)| (key.trim(), text.trim()))
            .collect();
        entries.sort_unstable_by_key(|(key, _)| *key);
        entries.dedup_by_key(|(key, _)| *key);
        Texts { locale, entries }
    }

    /// The text for a key, if the language has it.
    pub fn find(&self, key: &str) -> Option<&'static str> {
        self.entries.binary_search_by_key(&key, |(k, _)| k).ok().map(|i| self.entries[i].1)
    }

    /// The text for a key, or the key itself so a gap shows instead of a blank.
    pub fn get<'a>(&self, key: &'a str) -> &'a str {
        self.find(key).unwrap_or(key)
    }

    /// Every entry whose key starts with `prefix`, for the page's own texts.
    pub fn with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'static str, &'static str)> + 'a {
        self.entries.iter().copied().filter(move |(key, _)| key.starts_with(prefix))
    }

    /// Every key, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|(key, _)| *key)
    }

    /// The text for `key` with each `{name}` replaced by `lookup(name)`; a name
    /// the lookup does not know is left in braces, where tests catch it.
    ///
    /// `{text}` and `{column}` quote what a person typed or a cell of their
    /// file, which may be megabytes long: at most 40 characters of it are
    /// quoted, cut with `…`, so no message echoes a whole pasted file back.
    /// Every such message is filled here.
    pub fn fill(&self, key: &str, lookup: &dyn Fn(&str) -> Option<String>) -> String {
        const LONGEST_QUOTE: usize = 40;
        let bounded = |name: &str| {
            let value = lookup(name)?;
            Some(if matches!(name, "text" | "column") { shortened(&value, LONGEST_QUOTE) } else { value })
        };
        fill_template(self.get(key), self.locale, &bounded)
    }
}

/// The page's own texts in one language: the interface (`ui.*`), currency,
/// group and sector names, keyed as in the language file, plus `lang.<tag>`
/// for every language there is a file for, each named in its own language
/// (as language pickers show them).
pub fn messages(lang: Locale) -> BTreeMap<String, &'static str> {
    let texts = Texts::for_locale(lang);
    let own = ["ui.", "data.", "currency.", "group.", "sector."]
        .iter()
        .flat_map(|p| texts.with_prefix(p))
        .map(|(k, v)| (k.to_string(), v));
    let names = languages().iter().map(|(tag, texts)| (format!("lang.{tag}"), texts.get("language.name")));
    // Inserted one by one: `collect` into a map sorts a copy first, code
    // the page would carry for nothing (the keys arrive nearly sorted).
    let mut messages = BTreeMap::new();
    messages.extend(own.chain(names));
    messages
}

/// An error whose message is the text `key` in the reader's language, with
/// each `{name}` filled from `values`.
pub fn field_error(lang: Locale, field: &str, code: ErrorCode, key: &str, values: &[(&str, String)]) -> FieldError {
    let message =
        Texts::for_locale(lang).fill(key, &|name| values.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone()));
    FieldError { field: field.to_string(), code, message }
}

/// Which of a text's plural forms fits a number as shown (`"1"`, `"2,5"`,
/// `"$1,200"`), by the CLDR rules: the integer digits and whether any
/// fraction digits are shown decide, as a reader would.
fn plural_form(locale: Locale, shown: &str) -> usize {
    let (integer, fraction) = shown.rsplit_once(locale.decimal()).unwrap_or((shown, ""));
    let has_fraction = fraction.chars().any(|c| c.is_ascii_digit());
    let i = integer
        .chars()
        .filter(char::is_ascii_digit)
        .fold(0u64, |n, c| n.saturating_mul(10).saturating_add(u64::from(c as u8 - b'0')));
    let few = (2..=4).contains(&(i % 10)) && !(12..=14).contains(&(i % 100));
    match locale {
        Locale::En => usize::from(i != 1 || has_fraction),
        Locale::Pl if has_fraction => 3,
        Locale::Pl if i == 1 => 0,
        Locale::Ru if has_fraction => 3,
        Locale::Ru if i % 10 == 1 && i % 100 != 11 => 0,
        Locale::Pl | Locale::Ru if few => 1,
        Locale::Pl | Locale::Ru => 2,
    }
}

/// Replaces `{name}` and `{name|form|form…}` placeholders in a template.
fn fill_template(template: &str, locale: Locale, lookup: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let mut parts = after[..close].split('|');
                let name = parts.next().unwrap_or_default();
                let forms: Vec<&str> = parts.collect();
                match lookup(name) {
                    Some(value) if forms.is_empty() => out.push_str(&value),
                    Some(value) => out.push_str(forms[plural_form(locale, &value).min(forms.len() - 1)]),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholder names a template uses (without plural forms), for the
/// consistency tests.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(inside, _)| inside.split('|').next().unwrap_or(inside)))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_known_placeholders_and_keeps_unknown_ones() {
        let lookup = |name: &str| (name == "a").then(|| "1".to_string());
        assert_eq!(fill_template("{a} + {b} = {", Locale::En, &lookup), "1 + {b} = {");
        assert_eq!(placeholders("{b} {a|x|y} {b}"), vec!["a", "b"]);
    }

    fn plural(locale: Locale, shown: &str, forms: &str) -> String {
        let lookup = |_: &str| Some(shown.to_string());
        fill_template(&format!("{{n|{forms}}}"), locale, &lookup)
    }

    #[test]
    fn english_plurals() {
        for (shown, expected) in [("1", "period"), ("1.5", "periods"), ("1,001", "periods"), ("0", "periods")] {
            assert_eq!(plural(Locale::En, shown, "period|periods"), expected, "{shown}");
        }
    }

    #[test]
    fn polish_plurals() {
        let forms = "klient|klienci|klientów|klienta";
        let cases = [
            ("1", "klient"),
            ("2", "klienci"),
            ("4", "klienci"),
            ("5", "klientów"),
            ("12", "klientów"),
            ("22", "klienci"),
            ("1\u{a0}001", "klientów"),
            ("1,5", "klienta"),
        ];
        for (shown, expected) in cases {
            assert_eq!(plural(Locale::Pl, shown, forms), expected, "{shown}");
        }
    }

    #[test]
    fn russian_plurals() {
        let forms = "клиент|клиента|клиентов|клиента";
        let cases = [
            ("1", "клиент"),
            ("2", "клиента"),
            ("5", "клиентов"),
            ("11", "клиентов"),
            ("21", "клиент"),
            ("24", "клиента"),
            ("2,5", "клиента"),
        ];
        for (shown, expected) in cases {
            assert_eq!(plural(Locale::Ru, shown, forms), expected, "{shown}");
        }
    }

    fn keys_of(source: &str) -> Vec<&str> {
        source
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.split_once('=').expect("every line is key = text").0.trim())
            .collect()
    }

    #[test]
    fn no_language_file_defines_a_key_twice() {
        for (tag, source) in LANGUAGES {
            let mut keys = keys_of(source);
            let count = keys.len();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), count, "a key is defined twice in {tag}.txt");
        }
    }

    #[test]
    fn every_language_has_the_english_keys_and_placeholders() {
        let english = Texts::for_locale(Locale::En);
        for (tag, source) in LANGUAGES {
            let texts = Texts::parse(source, Locale::from_tag(tag).unwrap_or_default());
            for key in english.keys() {
                let text = texts.find(key).unwrap_or_else(|| panic!("{tag}.txt lacks {key}"));
                assert_eq!(
                    placeholders(text),
                    placeholders(english.get(key)),
                    "{tag}.txt: {key} has other placeholders"
                );
            }
            for key in texts.keys() {
                assert!(english.find(key).is_some(), "{tag}.txt has {key}, which English does not");
            }
        }
    }

    #[test]
    fn one_letter_words_keep_with_the_next_word_in_polish_and_russian() {
        // build.rs joins them by a no-break space, as each file's `#! keep-with-next:` asks.
        let lone =
            |text: &str, letters: &str| text.split(' ').any(|word| word.chars().count() == 1 && letters.contains(word));
        let polish = Texts::for_locale(Locale::Pl);
        assert!(polish.get("data.page.cohorts.blank_note").contains("w\u{a0}danym"));
        for (tag, letters) in [("pl", "aiouwzAIOUWZ"), ("ru", "авикосуяАВИКОСУЯ")] {
            let texts = Texts::for_locale(Locale::from_tag(tag).expect("a known tag"));
            for key in texts.keys() {
                // The last word of a text may stand alone: nothing follows it.
                let text = texts.get(key).trim_end_matches(|c: char| !c.is_alphabetic());
                let (body, _) = text.rsplit_once(' ').unwrap_or(("", text));
                assert!(!lone(body, letters), "{tag}.txt: {key} leaves a one-letter word before a plain space: {text}");
            }
        }
        assert!(Texts::for_locale(Locale::En).get("ui.privacy").contains(' '), "English is left as written");
    }

    #[test]
    fn missing_key_shows_the_key() {
        let texts = Texts::for_locale(Locale::En);
        assert_eq!(texts.get("no.such.key"), "no.such.key");
        assert!(texts.find("ui.title").is_some());
    }
}
