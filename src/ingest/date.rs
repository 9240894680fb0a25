//! Reading dates as tills and spreadsheets print them.
//!
//! `2024-03-01`, `2024/03/01`, `01.03.2024`, `01/03/2024`, `03/01/2024`,
//! `1.3.24`, each with or without a time after it (`2024-03-01T14:22:05Z`,
//! `01.03.2024 14:22`, `3/1/2024 2:22 PM`). Year-first dates are read at
//! once. For day-first and month-first dates the two small numbers are kept
//! as they are ([`DateParts`]) until the whole column has been seen: one
//! `25/03/2024` settles the order for the file, and when nothing settles
//! it the user is asked rather than guessed for.

use serde::Serialize;

use super::number::RawValue;
use super::options::choice;
use crate::calendar::Day;
use crate::error::FieldError;
use crate::locale::Locale;

/// The order of day, month and year in a file's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// 25.03.2024, 25/03/2024 (Europe).
    Dmy,
    /// 03/25/2024 (United States).
    Mdy,
    /// 2024-03-25 (ISO 8601).
    Ymd,
}

impl DateOrder {
    /// Reads `"dmy"`, `"mdy"` or `"ymd"`.
    pub fn from_name(name: &str) -> Option<DateOrder> {
        match name.trim().to_ascii_lowercase().as_str() {
            "dmy" => Some(DateOrder::Dmy),
            "mdy" => Some(DateOrder::Mdy),
            "ymd" => Some(DateOrder::Ymd),
            _ => None,
        }
    }

    /// The order from an option as given: `"dmy"`, `"mdy"` or `"ymd"`;
    /// `None` when left out (the dates then settle it).
    pub fn from_option(raw: Option<&RawValue>, lang: Locale) -> Result<Option<DateOrder>, FieldError> {
        choice(raw, "date_order", "data.error.date_order_option", DateOrder::from_name, lang)
    }
}

/// A date as written, before the file's day/month order is known. Packed in
/// a `u32` so a million rows keep theirs in four bytes each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateParts(u32);

const YEAR_FIRST: u32 = 1 << 31;
const DOTTED: u32 = 1 << 30;

impl DateParts {
    fn new(year: i32, first: u32, second: u32, year_first: bool, dotted: bool) -> DateParts {
        let packed = (year as u32) << 10 | first << 5 | second;
        DateParts(packed | if year_first { YEAR_FIRST } else { 0 } | if dotted { DOTTED } else { 0 })
    }

    /// A date no cell gave (an order line that leaves it to its order's first line).
    pub const UNKNOWN: DateParts = DateParts(0);

    /// The year as written.
    pub fn year(self) -> i32 {
        ((self.0 >> 10) & 0xFFFF) as i32
    }

    fn first(self) -> u32 {
        (self.0 >> 5) & 31
    }

    fn second(self) -> u32 {
        self.0 & 31
    }

    /// Written year first (`2024-03-25`): no order to decide.
    pub fn is_year_first(self) -> bool {
        self.0 & YEAR_FIRST != 0
    }

    /// Written with dots (`25.03.2024`), which only day-first countries do.
    pub fn is_dotted(self) -> bool {
        self.0 & DOTTED != 0
    }

    /// The date's numbers as a year-first date (`2024-02-30`), for a
    /// message about a year-first date that does not exist.
    pub fn year_first_text(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year(), self.first(), self.second())
    }

    /// What this date says about the file's order: `Some(Dmy)` when its
    /// first number can only be a day (over 12), `Some(Mdy)` when its second
    /// can only be, `None` when it reads either way.
    pub fn evidence(self) -> Option<DateOrder> {
        if self.is_year_first() {
            return Some(DateOrder::Ymd);
        }
        match (self.first() > 12, self.second() > 12) {
            (true, false) => Some(DateOrder::Dmy),
            (false, true) => Some(DateOrder::Mdy),
            _ => None,
        }
    }

    /// Whether reading it day-first or month-first gives the same day
    /// (`01/01/2024`, `05.05.2024`).
    pub fn reads_either_way(self) -> bool {
        self.is_year_first() || self.first() == self.second()
    }

    /// The day in the given order; `None` when it is not a real date that
    /// way (`31/04`, or `13/25`).
    pub fn day(self, order: DateOrder) -> Option<Day> {
        let year = self.year();
        let (month, day) = if self.is_year_first() {
            (self.first(), self.second())
        } else {
            match order {
                DateOrder::Mdy => (self.first(), self.second()),
                DateOrder::Dmy | DateOrder::Ymd => (self.second(), self.first()),
            }
        };
        Day::from_ymd(year, month, day)
    }
}

/// Reads the date at the start of `text`, ignoring a time after it. `None`
/// when it is not a date in any of the accepted shapes.
///
/// ```
/// use retention_metrics::ingest::date::{read_date, DateOrder};
/// let day = |text: &str, order| read_date(text).and_then(|p| p.day(order)).map(|d| d.to_string());
/// assert_eq!(day("2024-03-25T14:22:05Z", DateOrder::Dmy).as_deref(), Some("2024-03-25"));
/// assert_eq!(day("25.03.2024 14:22", DateOrder::Dmy).as_deref(), Some("2024-03-25"));
/// assert_eq!(day("3/25/2024 2:22 PM", DateOrder::Mdy).as_deref(), Some("2024-03-25"));
/// assert_eq!(day("1.3.24", DateOrder::Dmy).as_deref(), Some("2024-03-01"));
/// assert!(read_date("soon").is_none());
/// ```
pub fn read_date(text: impl AsRef<[u8]>) -> Option<DateParts> {
    let bytes = text.as_ref().trim_ascii();
    let (a, a_len, rest) = number(bytes)?;
    let separator = *rest.first()?;
    if !matches!(separator, b'-' | b'/' | b'.') {
        return None;
    }
    let (b, _, rest) = number(&rest[1..])?;
    if rest.first() != Some(&separator) {
        return None;
    }
    let (c, c_len, rest) = number(&rest[1..])?;
    // After the date: nothing, a time (`T14:22`, ` 14:22`), or a trailing dot (`25.03.2024.`).
    let rest = rest.strip_prefix(b".").unwrap_or(rest);
    if !(rest.is_empty() || matches!(rest[0], b'T' | b' ' | b'\t' | b',')) {
        return None;
    }
    let in_range = |n: u32| (1..=31).contains(&n);
    let dotted = separator == b'.';
    let parts = if a_len == 4 {
        (in_range(b) && in_range(c)).then(|| DateParts::new(a as i32, b, c, true, dotted))?
    } else if a_len <= 2 && (c_len == 4 || c_len == 2) {
        let year = if c_len == 2 { 2000 + c } else { c };
        (in_range(a) && in_range(b)).then(|| DateParts::new(year as i32, a, b, false, dotted))?
    } else {
        return None;
    };
    (1000..=9999).contains(&parts.year()).then_some(parts)
}

/// Reads a date in any accepted shape: as [`read_date`], else as
/// [`read_unusual_date`].
pub fn read_any_date(text: impl AsRef<[u8]>) -> Option<DateParts> {
    let bytes = text.as_ref();
    read_date(bytes).or_else(|| read_unusual_date(bytes))
}

/// The serial numbers Excel gives days (`45294` is 2024-01-03), from 1955
/// to 2118: a date column that holds them was saved without its format.
const EXCEL_SERIALS: std::ops::RangeInclusive<u32> = 20_000..=80_000;

/// Day 0 of Excel's serial numbers: 1899-12-30 (so that its invented
/// 29 February 1900 lands right).
const EXCEL_DAY_ZERO: crate::calendar::Day = crate::calendar::Day(-25_569);

/// Reads the dates that need no day/month order settled and that
/// [`read_date`] leaves alone: an Excel serial number (`45294`, `45294.75`
/// with a time), and a month written as a word (`5 Mar 2024`, `Mar 5,
/// 2024`, `05-Mar-24`, `5 marca 2024`, `5 марта 2024 г.`). Kept off the
/// path of every row: called only when `read_date` fails.
///
/// ```
/// use retention_metrics::ingest::date::{read_unusual_date, DateOrder};
/// let day = |text: &str| read_unusual_date(text).and_then(|p| p.day(DateOrder::Mdy)).map(|d| d.to_string());
/// assert_eq!(day("45294").as_deref(), Some("2024-01-03"));
/// assert_eq!(day("Mar 5, 2024").as_deref(), Some("2024-03-05"));
/// assert_eq!(day("05-Mar-24").as_deref(), Some("2024-03-05"));
/// assert_eq!(day("5 marca 2024").as_deref(), Some("2024-03-05"));
/// assert_eq!(day("5 марта 2024 г.").as_deref(), Some("2024-03-05"));
/// assert_eq!(day("12"), None);
/// ```
pub fn read_unusual_date(text: impl AsRef<[u8]>) -> Option<DateParts> {
    let text = std::str::from_utf8(text.as_ref()).ok()?.trim();
    let whole = text.split(['.', ',']).next().unwrap_or("");
    if !whole.is_empty() && whole.bytes().all(|b| b.is_ascii_digit()) && whole.len() == 5 {
        let rest = &text[whole.len()..];
        let serial: u32 = whole.parse().ok()?;
        if EXCEL_SERIALS.contains(&serial) && (rest.is_empty() || rest[1..].bytes().all(|b| b.is_ascii_digit())) {
            let (year, month, day) = EXCEL_DAY_ZERO.plus(serial as i32).ymd();
            return Some(DateParts::new(year, month, day, true, false));
        }
        return None;
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '/' | '.'))
        .filter(|w| !w.is_empty())
        .collect();
    let (mut day, mut month, mut year) = (None, None, None);
    for word in words.iter().take(4) {
        if let Some(m) = month_of(word) {
            month = month.or(Some(m));
        } else if let Ok(n) = word.parse::<u32>() {
            match (word.len(), day) {
                (4, _) => year = year.or(Some(n as i32)),
                (1 | 2, None) => day = Some(n),
                (2, Some(_)) => year = year.or(Some(2000 + n as i32)),
                _ => return None,
            }
        } else if !matches!(*word, "г" | "r" | "roku" | "года" | "de" | "del") && !word.contains(':') {
            return None;
        }
    }
    let (year, month, day) = (year?, month?, day?);
    crate::calendar::Day::from_ymd(year, month, day)?;
    ((1000..=9999).contains(&year)).then(|| DateParts::new(year, month, day, true, false))
}

/// The month a word names in English, Polish or Russian, in full, short or
/// in the genitive (`March`, `Mar`, `marca`, `марта`).
fn month_of(word: &str) -> Option<u32> {
    const MONTHS: [[&str; 12]; 3] = [
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        ["sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru"],
        ["янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"],
    ];
    let word = super::columns::fold(word);
    if word.chars().count() < 3 && word != "ма" {
        return None;
    }
    MONTHS.iter().find_map(|names| {
        names
            .iter()
            .position(|name| word.starts_with(name) && (*name != "ма" || matches!(word.as_str(), "мая" | "май")))
            .map(|i| i as u32 + 1)
    })
}

/// Leading ASCII digits (1–4) as a number, their count, and what follows.
fn number(bytes: &[u8]) -> Option<(u32, usize, &[u8])> {
    let len = bytes.iter().take(5).take_while(|b| b.is_ascii_digit()).count();
    if len == 0 || len > 4 {
        return None;
    }
    let value = bytes[..len].iter().fold(0, |n, b| n * 10 + u32::from(b - b'0'));
    Some((value, len, &bytes[len..]))
}

/// Tallies what a column's dates say about their order.
#[derive(Debug, Default, Clone, Copy)]
pub struct OrderEvidence {
    /// Dates that can only be day-first (`25/03/2024`).
    pub day_first: usize,
    /// Dates that can only be month-first (`03/25/2024`).
    pub month_first: usize,
    /// Day-first-or-month-first dates that read differently each way.
    pub unsettled: usize,
    /// Of those, how many are written with dots.
    pub dotted: usize,
    /// Year-first dates.
    pub year_first: usize,
}

impl OrderEvidence {
    /// Counts one date.
    pub fn add(&mut self, parts: DateParts) {
        match parts.evidence() {
            Some(DateOrder::Dmy) => self.day_first += 1,
            Some(DateOrder::Mdy) => self.month_first += 1,
            Some(DateOrder::Ymd) => self.year_first += 1,
            None if parts.reads_either_way() => {}
            None => {
                self.unsettled += 1;
                self.dotted += usize::from(parts.is_dotted());
            }
        }
    }

    /// The order the dates settle on: the only one any date proves, the
    /// larger side when dates contradict each other (the others are then
    /// reported as bad rows), day-first for dotted dates (no country writes
    /// month-first with dots), year-first when every date is. `None` when
    /// the user has to say.
    pub fn settled(&self) -> Option<DateOrder> {
        match (self.day_first, self.month_first) {
            (0, 0) if self.unsettled == 0 => Some(if self.year_first > 0 { DateOrder::Ymd } else { DateOrder::Dmy }),
            (0, 0) if self.dotted == self.unsettled => Some(DateOrder::Dmy),
            (0, 0) => None,
            (d, m) if d >= m => Some(DateOrder::Dmy),
            _ => Some(DateOrder::Mdy),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str, order: DateOrder) -> Option<String> {
        read_date(text).and_then(|p| p.day(order)).map(|d| d.to_string())
    }

    #[test]
    fn reads_every_shape() {
        for (text, order) in [
            ("2024-03-01", DateOrder::Dmy),
            ("2024/03/01", DateOrder::Mdy),
            ("2024-3-1 09:15:00", DateOrder::Dmy),
            ("01.03.2024", DateOrder::Dmy),
            ("01/03/2024", DateOrder::Dmy),
            ("03/01/2024", DateOrder::Mdy),
            ("1/3/24", DateOrder::Dmy),
            ("01.03.2024 14:22", DateOrder::Dmy),
            ("01-03-2024", DateOrder::Dmy),
            ("  2024-03-01T23:59:59+02:00 ", DateOrder::Mdy),
        ] {
            assert_eq!(iso(text, order).as_deref(), Some("2024-03-01"), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for text in ["", "total", "2024-03", "12345-01-01", "2024-13-01x", "32/01/2024", "1.5", "2024-03/01", "7.50"] {
            assert!(read_date(text).and_then(|p| p.day(DateOrder::Dmy)).is_none(), "{text}");
        }
        assert_eq!(iso("31/04/2024", DateOrder::Dmy), None);
    }

    #[test]
    fn evidence_settles_the_order() {
        let mut evidence = OrderEvidence::default();
        evidence.add(read_date("01/03/2024").unwrap());
        assert_eq!(evidence.settled(), None, "01/03 alone could be either");
        evidence.add(read_date("25/03/2024").unwrap());
        assert_eq!(evidence.settled(), Some(DateOrder::Dmy));

        let mut us = OrderEvidence::default();
        us.add(read_date("03/25/2024").unwrap());
        us.add(read_date("04/01/2024").unwrap());
        assert_eq!(us.settled(), Some(DateOrder::Mdy));

        let mut dotted = OrderEvidence::default();
        dotted.add(read_date("01.03.2024").unwrap());
        assert_eq!(dotted.settled(), Some(DateOrder::Dmy));

        let mut same = OrderEvidence::default();
        same.add(read_date("05/05/2024").unwrap());
        assert_eq!(same.settled(), Some(DateOrder::Dmy), "reads the same either way");
    }
}
