//! Calendar dates as forms write them (`YYYY-MM-DD`), without a time zone: a date of birth or an
//! expiry date is a day, not an instant.

use std::time::{SystemTime, UNIX_EPOCH};

use homeward_domain::catalog::DateRule;
use homeward_domain::check::{CheckCode, FieldCheck};

/// A valid calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// The date `days` days after 1970-01-01 (Howard Hinnant's civil-from-days). The casts are
    /// exact: the day is 1 to 31 and the month 1 to 12 by construction, and the year of any date
    /// a form takes fits an `i32`.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    pub fn from_unix_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Days from 1970-01-01 to this date (Howard Hinnant's days-from-civil).
    pub fn to_unix_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD`, also `YYYY/MM/DD`, `YYYY.MM.DD` and `YYYYMMDD`.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let digits: String = s.chars().filter(char::is_ascii_digit).collect();
        let separated: Vec<&str> = s.split(['-', '/', '.']).collect();
        let (y, m, d) = if separated.len() == 3 {
            (separated[0], separated[1], separated[2])
        } else if digits.len() == 8 && digits.len() == s.len() {
            (&s[..4], &s[4..6], &s[6..])
        } else {
            return None;
        };
        if y.len() != 4 || m.is_empty() || m.len() > 2 || d.is_empty() || d.len() > 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Today in China (UTC+8), the calendar the departments work to.
pub fn today() -> Date {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    Date::from_unix_days((secs + 8 * 3600).div_euclid(86_400))
}

pub(super) fn check(value: &str, rule: Option<DateRule>, today: Date) -> FieldCheck {
    let folded = super::fold_width(value);
    let Some(date) = Date::parse(&folded) else {
        return FieldCheck::fail(folded.trim(), CheckCode::DateFormat);
    };
    let normalized = date.to_string();
    match rule {
        Some(DateRule::Past) if date > today => {
            FieldCheck::fail(normalized, CheckCode::DateInFuture)
        }
        Some(DateRule::Future) if date < today => {
            FieldCheck::fail(normalized, CheckCode::DateInPast)
        }
        Some(DateRule::NotExpired) if date < today => {
            FieldCheck::fail(normalized, CheckCode::DocumentExpired)
        }
        _ => FieldCheck::ok(normalized),
    }
}
