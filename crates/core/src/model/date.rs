//! Dates as the sources give them: the wording, how precise it is, and only as much of a calendar
//! value as that wording supports.

use super::SourceId;
use serde::{Deserialize, Serialize};

/// A date as reported. `value` holds no more precision than `precision` allows, so "early 2023"
/// is the year 2023 marked approximate, never an invented month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReportedDate {
    /// The source's own words ("In September 2025", "early 2023", "last month").
    pub text: String,
    pub precision: DatePrecision,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` to match the precision; absent for relative and
    /// unknown dates.
    #[serde(default)]
    pub value: Option<String>,
    /// For a relative date: the source whose (possibly unknown) date it counts from.
    #[serde(default)]
    pub relative_to: Option<SourceId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum DatePrecision {
    Day,
    Month,
    Year,
    /// A part of a year or a rough time ("early 2023"); `value` is the year or month it lies in.
    Approximate,
    /// Relative to a source's date ("last month"); no calendar value.
    Relative,
    /// Not dated by the sources.
    Unknown,
}

impl DatePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
            DatePrecision::Approximate => "approximate",
            DatePrecision::Relative => "relative",
            DatePrecision::Unknown => "unknown",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DatePrecision::Day => "exact day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
            DatePrecision::Approximate => "approximate",
            DatePrecision::Relative => "relative",
            DatePrecision::Unknown => "undated",
        }
    }
}

/// A calendar position for ordering: year, then month and day where known (0 when not).
pub type SortKey = (u16, u8, u8);

impl ReportedDate {
    /// The calendar position, when the date has a value; `None` for relative and unknown dates.
    pub fn sort_key(&self) -> Option<SortKey> {
        self.value
            .as_deref()
            .and_then(|value| parse_calendar_value(value).ok())
            .map(|(key, _)| key)
    }

    /// Problems with this date, as messages naming the offending field and value.
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if self.text.trim().is_empty() {
            problems.push(("text", "must not be empty".to_owned()));
        }
        let wants_value = !matches!(
            self.precision,
            DatePrecision::Relative | DatePrecision::Unknown
        );
        match (&self.value, wants_value) {
            (None, true) => problems.push((
                "value",
                format!("is required for precision \"{}\"", self.precision.as_str()),
            )),
            (Some(value), false) => problems.push((
                "value",
                format!(
                    "\"{value}\" given for precision \"{}\", which has no calendar value",
                    self.precision.as_str()
                ),
            )),
            (Some(value), true) => match parse_calendar_value(value) {
                Err(message) => problems.push(("value", format!("\"{value}\": {message}"))),
                Ok((_, parts)) => {
                    let allowed: &[usize] = match self.precision {
                        DatePrecision::Day => &[3],
                        DatePrecision::Month => &[2],
                        DatePrecision::Year => &[1],
                        _ => &[1, 2],
                    };
                    if !allowed.contains(&parts) {
                        problems.push((
                            "value",
                            format!(
                                "\"{value}\" does not match precision \"{}\" (day: YYYY-MM-DD, month: YYYY-MM, year: YYYY, approximate: YYYY or YYYY-MM)",
                                self.precision.as_str()
                            ),
                        ));
                    }
                }
            },
            (None, false) => {}
        }
        if self.precision == DatePrecision::Relative && self.relative_to.is_none() {
            problems.push(("relative_to", "is required for a relative date".to_owned()));
        }
        if self.precision != DatePrecision::Relative && self.relative_to.is_some() {
            problems.push((
                "relative_to",
                "is only for precision \"relative\"".to_owned(),
            ));
        }
        problems
    }
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into a sort key and the number of parts given.
pub fn parse_calendar_value(value: &str) -> Result<(SortKey, usize), String> {
    let parts: Vec<&str> = value.split('-').collect();
    let number = |text: &str, width: usize| -> Option<u16> {
        (text.len() == width && text.bytes().all(|byte| byte.is_ascii_digit()))
            .then(|| text.parse().ok())
            .flatten()
    };
    let malformed = || "expected YYYY, YYYY-MM or YYYY-MM-DD".to_owned();
    if parts.is_empty() || parts.len() > 3 {
        return Err(malformed());
    }
    let year = number(parts[0], 4).ok_or_else(malformed)?;
    let month = match parts.get(1) {
        Some(text) => number(text, 2).ok_or_else(malformed)? as u8,
        None => 0,
    };
    if parts.len() > 1 && !(1..=12).contains(&month) {
        return Err(format!("month {month} is not 01 to 12"));
    }
    let day = match parts.get(2) {
        Some(text) => number(text, 2).ok_or_else(malformed)? as u8,
        None => 0,
    };
    if parts.len() > 2 && !(1..=days_in_month(year, month)).contains(&day) {
        return Err(format!("day {day} does not exist in {year}-{month:02}"));
    }
    Ok(((year, month, day), parts.len()))
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(
        precision: DatePrecision,
        value: Option<&str>,
        relative_to: Option<&str>,
    ) -> ReportedDate {
        ReportedDate {
            text: "some words".to_owned(),
            precision,
            value: value.map(str::to_owned),
            relative_to: relative_to.map(SourceId::from),
        }
    }

    #[test]
    fn calendar_values() {
        let cases = [
            ("2025", Ok(((2025, 0, 0), 1))),
            ("2025-09", Ok(((2025, 9, 0), 2))),
            ("2024-02-29", Ok(((2024, 2, 29), 3))),
            ("2023-02-29", Err(())),
            ("2025-13", Err(())),
            ("25", Err(())),
            ("2025-9", Err(())),
            ("2025-09-01-01", Err(())),
            ("early 2023", Err(())),
        ];
        for (value, expected) in cases {
            assert_eq!(
                parse_calendar_value(value).map_err(|_| ()),
                expected,
                "{value}"
            );
        }
    }

    #[test]
    fn precision_must_match_value() {
        use DatePrecision::*;
        let cases = [
            (date(Month, Some("2025-09"), None), 0),
            (date(Month, Some("2025"), None), 1),
            (date(Year, Some("2019"), None), 0),
            (date(Day, None, None), 1),
            (date(Approximate, Some("2023"), None), 0),
            (date(Approximate, Some("2023-01-01"), None), 1),
            (date(Relative, None, Some("report")), 0),
            (date(Relative, None, None), 1),
            (date(Relative, Some("2025"), Some("report")), 1),
            (date(Unknown, None, None), 0),
            (date(Year, Some("2019"), Some("report")), 1),
        ];
        for (date, problem_count) in cases {
            assert_eq!(
                date.problems().len(),
                problem_count,
                "{date:?}: {:?}",
                date.problems()
            );
        }
    }

    #[test]
    fn sort_key_orders_by_known_parts() {
        assert!(
            date(DatePrecision::Year, Some("2019"), None).sort_key()
                < date(DatePrecision::Month, Some("2025-09"), None).sort_key()
        );
        assert_eq!(
            date(DatePrecision::Relative, None, Some("r")).sort_key(),
            None
        );
    }
}
