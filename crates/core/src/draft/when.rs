//! When a report was published, and the days a date can mean, for comparing the dates two
//! reports give the same happening. The dates the draft proposes stay as each report gives
//! them; only comparisons read "on Monday" against the report's own day.

use crate::model::{DatePrecision, ReportedDate};
use crate::text::dates::dates_in;

/// A day as (year, month, day).
pub type Day = (i64, u32, u32);

/// The report's own date: the first full date on one of its opening lines (a byline or a
/// dateline: "By Kari Lunde | March 4, 2026", "Thursday 5 March 2026"), if it has one.
pub fn published(text: &str, id: &str) -> Option<ReportedDate> {
    let mut offset = 0;
    for line in text.split_inclusive('\n').take(8) {
        let range = offset..offset + line.len();
        offset += line.len();
        if line.split_whitespace().count() > 14 {
            continue;
        }
        let found = dates_in(text, range, None, id)
            .into_iter()
            .find(|found| found.date.precision == DatePrecision::Day && found.date.value.is_some());
        if let Some(found) = found {
            return Some(found.date);
        }
    }
    None
}

/// A calendar value's day, month and year.
pub fn day_of(date: &ReportedDate) -> Option<Day> {
    let value = date.value.as_deref()?;
    let year = value.get(..4)?.parse().ok()?;
    let month = value
        .get(5..7)
        .map_or(Some(1), |month| month.parse().ok())?;
    let day = value.get(8..10).map_or(Some(1), |day| day.parse().ok())?;
    Some((year, month, day))
}

/// Days since 1970-01-01 (Howard Hinnant's days-from-civil algorithm).
pub fn days((year, month, day): Day) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn month_span(year: i64, month: u32) -> (i64, i64) {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    (days((year, month, 1)), days((next_year, next_month, 1)) - 1)
}

fn year_span(year: i64) -> (i64, i64) {
    (days((year, 1, 1)), days((year, 12, 31)))
}

/// The first and last day a date can mean, as days since 1970; `report` is its report's day,
/// for relative dates. `None` when it cannot be placed.
pub fn span(date: &ReportedDate, report: Option<Day>) -> Option<(i64, i64)> {
    match date.precision {
        DatePrecision::Day => {
            let day = days(day_of(date)?);
            Some((day, day))
        }
        DatePrecision::Month => {
            let (year, month, _) = day_of(date)?;
            Some(month_span(year, month))
        }
        DatePrecision::Year => Some(year_span(day_of(date)?.0)),
        DatePrecision::Approximate => {
            let value = date.value.as_deref()?;
            let (year, month, _) = day_of(date)?;
            let lower = date.text.to_lowercase();
            if value.len() >= 7 {
                // "late August 2026": the month, a fortnight either side.
                let (first, last) = month_span(year, month);
                Some((first - 14, last + 14))
            } else if lower.contains("early")
                || lower.contains("beginning")
                || lower.contains("start")
                || lower.contains("spring")
            {
                Some((days((year, 1, 1)), days((year, 6, 30))))
            } else if lower.contains("late")
                || lower.contains("end")
                || lower.contains("autumn")
                || lower.contains("fall")
                || lower.contains("winter")
            {
                Some((days((year, 7, 1)), days((year, 12, 31))))
            } else if lower.contains("mid") || lower.contains("summer") {
                Some((days((year, 4, 1)), days((year, 9, 30))))
            } else {
                Some(year_span(year))
            }
        }
        DatePrecision::Relative => relative_span(&date.text.to_lowercase(), report?),
        _ => None,
    }
}

fn relative_span(words: &str, report: Day) -> Option<(i64, i64)> {
    let today = days(report);
    let (year, month, _) = report;
    let weekday = (today + 3).rem_euclid(7); // 1970-01-01 was a Thursday: Monday is 0.
    let words = words.trim_start_matches("on ").trim_start_matches("in ");
    let previous_month = if month == 1 {
        (year - 1, 12)
    } else {
        (year, month - 1)
    };
    Some(match words {
        "today" | "this morning" | "this afternoon" | "this evening" | "tonight" => (today, today),
        "yesterday" | "last night" => (today - 1, today - 1),
        "this week" | "earlier this week" => (today - weekday, today),
        "last week" => (today - weekday - 7, today - weekday - 1),
        "this month" | "earlier this month" => (month_span(year, month).0, today),
        "last month" => month_span(previous_month.0, previous_month.1),
        "this year" | "earlier this year" => (year_span(year).0, today),
        "last year" => year_span(year - 1),
        _ => {
            let named = crate::text::lexicon::weekday_number(words.split_whitespace().next()?)?;
            // The last such day on or before the report's.
            let back = (weekday - named).rem_euclid(7);
            (today - back, today - back)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str, precision: DatePrecision, value: Option<&str>) -> ReportedDate {
        ReportedDate {
            text: text.to_owned(),
            precision,
            value: value.map(str::to_owned),
            relative_to: None,
        }
    }

    #[test]
    fn a_report_is_dated_by_its_byline_or_dateline() {
        let text = "Dutch lessor moves to cancel order\nBy Harriet Quayle, Industry Editor\nThursday 5 March 2026\nA Dutch train owner on 3 March said so.";
        assert_eq!(
            published(text, "ledger").and_then(|date| date.value),
            Some("2026-03-05".to_owned())
        );
        assert_eq!(published("Headline\nNo date at all here.", "x"), None);
    }

    #[test]
    fn dates_cover_the_days_they_can_mean() {
        assert_eq!(days((1970, 1, 1)), 0);
        assert_eq!(days((2026, 3, 5)), 20_517);
        let thursday = Some((2026, 3, 5));
        let monday = date("on Monday", DatePrecision::Relative, None);
        assert_eq!(
            span(&monday, thursday),
            Some((days((2026, 3, 2)), days((2026, 3, 2))))
        );
        assert_eq!(span(&monday, None), None);
        let last_month = date("last month", DatePrecision::Relative, None);
        assert_eq!(
            span(&last_month, thursday),
            Some((days((2026, 2, 1)), days((2026, 2, 28))))
        );
        let early = date("early 2023", DatePrecision::Approximate, Some("2023"));
        assert_eq!(
            span(&early, None),
            Some((days((2023, 1, 1)), days((2023, 6, 30))))
        );
        let march = date("in March 2023", DatePrecision::Month, Some("2023-03"));
        assert_eq!(
            span(&march, None),
            Some((days((2023, 3, 1)), days((2023, 3, 31))))
        );
    }
}
