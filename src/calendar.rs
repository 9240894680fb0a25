//! Calendar days and months as plain integers.
//!
//! Logs are analysed by day (activity windows) and by calendar month or
//! quarter (periods, cohorts). A day is a count of days since 1970-01-01 and
//! a month a count of months since January of year 0, so the hot loops
//! compare and subtract integers; conversion to and from year-month-day uses
//! the proleptic Gregorian algorithms of Howard Hinnant ("chrono-compatible
//! low-level date algorithms"), which are exact for every year a till can
//! print. No clock is read: "today" is always the log's own last date.

use std::fmt;

/// A calendar day, counted from 1970-01-01 (day 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

/// A calendar month, counted from January of year 0 (`year * 12 + month - 1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(pub i32);

/// Days in `month` (1–12) of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

impl Day {
    /// The day of a valid date; `None` for 31 April, month 13 and the like.
    ///
    /// ```
    /// use retention_metrics::calendar::Day;
    /// assert_eq!(Day::from_ymd(1970, 1, 1), Some(Day(0)));
    /// assert_eq!(Day::from_ymd(2024, 3, 1), Some(Day(19783)));
    /// assert_eq!(Day::from_ymd(2023, 2, 29), None);
    /// ```
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let m = month as i32;
        let day_of_year = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        Some(Day(era * 146_097 + day_of_era - 719_468))
    }

    /// Year, month (1–12) and day of the month.
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = year_of_era + era * 400 + i32::from(month <= 2);
        (year, month, day)
    }

    /// The calendar month this day falls in.
    pub fn month(self) -> Month {
        let (year, month, _) = self.ymd();
        Month::new(year, month)
    }

    /// The day `days` later (earlier when negative).
    pub fn plus(self, days: i32) -> Day {
        Day(self.0 + days)
    }
}

/// ISO 8601: `2024-03-01`.
impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.ymd();
        write!(f, "{year:04}-{month:02}-{day:02}")
    }
}

impl Month {
    /// The month `month` (1–12) of `year`.
    pub fn new(year: i32, month: u32) -> Month {
        Month(year * 12 + month as i32 - 1)
    }

    /// The calendar year (`2024`).
    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// The month of the year, 1–12.
    pub fn number(self) -> u32 {
        self.0.rem_euclid(12) as u32 + 1
    }

    /// The quarter of the year, 1–4.
    pub fn quarter(self) -> u32 {
        (self.number() - 1) / 3 + 1
    }

    /// The month `months` later (earlier when negative).
    pub fn plus(self, months: i32) -> Month {
        Month(self.0 + months)
    }

    /// Its first day.
    pub fn first_day(self) -> Day {
        Day::from_ymd(self.year(), self.number(), 1).expect("the first of a month is a date")
    }

    /// Its last day.
    pub fn last_day(self) -> Day {
        self.plus(1).first_day().plus(-1)
    }
}

/// `2024-03`.
impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.number())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_day_of_four_centuries() {
        let start = Day::from_ymd(1900, 1, 1).unwrap().0;
        let end = Day::from_ymd(2300, 1, 1).unwrap().0;
        let mut expected = (1900, 1, 1);
        for n in start..end {
            let (y, m, d) = Day(n).ymd();
            assert_eq!((y, m, d), expected, "day {n}");
            assert_eq!(Day::from_ymd(y, m, d), Some(Day(n)));
            expected = if d < days_in_month(y, m) {
                (y, m, d + 1)
            } else if m < 12 {
                (y, m + 1, 1)
            } else {
                (y + 1, 1, 1)
            };
        }
    }

    #[test]
    fn months_know_their_bounds() {
        let february = Month::new(2024, 2);
        assert_eq!(february.first_day().to_string(), "2024-02-01");
        assert_eq!(february.last_day().to_string(), "2024-02-29");
        assert_eq!(Month::new(2023, 12).last_day().to_string(), "2023-12-31");
        assert_eq!(february.plus(11).to_string(), "2025-01");
        assert_eq!(Month::new(2024, 11).quarter(), 4);
        assert_eq!(Day::from_ymd(2024, 1, 31).unwrap().month().plus(1), Month::new(2024, 2));
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(Day::from_ymd(2024, 4, 31), None);
        assert_eq!(Day::from_ymd(2024, 13, 1), None);
        assert_eq!(Day::from_ymd(2024, 0, 1), None);
        assert_eq!(Day::from_ymd(1900, 2, 29), None);
        assert!(Day::from_ymd(2000, 2, 29).is_some());
    }
}
