//! Dates as an article gives them, at exactly the precision it gives: "on March 4, 2026" is a
//! day, "in September 2025" a month, "in 2019" a year, "early 2023" an approximate year, "last
//! month" relative to its report, and nothing is made sharper than that. A day without a year
//! ("Nov. 12") takes its report's year when the report is dated, and stays relative when not.

use super::lexicon::MONTHS;
use super::tokens::{is_capitalised, is_one_of, tokens, Token, TokenKind};
use crate::model::{DatePrecision, ReportedDate, SourceId};
use std::ops::Range;

/// A date found in a text: where, and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub range: Range<usize>,
    pub date: ReportedDate,
}

/// Words that make a following year or month only roughly placed.
const ROUGH: &[&str] = &[
    "early",
    "late",
    "mid",
    "mid-",
    "around",
    "about",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "end",
    "beginning",
    "start",
    "first",
    "second",
    "third",
    "fourth",
];

/// Relative expressions, lowercased, each kept relative to its report.
const RELATIVE: &[&str] = &[
    "last month",
    "earlier this month",
    "this month",
    "last week",
    "earlier this week",
    "this week",
    "last year",
    "earlier this year",
    "this year",
    "next month",
    "next year",
    "next week",
    "yesterday",
    "today",
    "recently",
    "last quarter",
    "last summer",
    "last autumn",
    "last fall",
    "last spring",
    "last winter",
    "this morning",
    "this afternoon",
    "this evening",
    "tonight",
    "last night",
    "later this month",
    "later this year",
    "later this week",
    "before the end of the year",
    "by the end of the year",
    "by the end of the month",
];

fn year_of(word: &str) -> Option<u16> {
    let digits = word.trim_end_matches(['.', ',', ';', ':', '’', '\'']);
    (digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|year| (1900..=2100).contains(year))
}

fn day_of(word: &str) -> Option<u8> {
    let digits: String = word
        .trim_end_matches(['.', ',', ';', ':'])
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .to_owned();
    (!digits.is_empty() && digits.len() <= 2 && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|day| (1..=31).contains(day))
        .filter(|_| {
            let suffix = word
                .trim_end_matches(['.', ',', ';', ':'])
                .trim_start_matches(|c: char| c.is_ascii_digit());
            suffix.is_empty() || is_one_of(suffix, &["st", "nd", "rd", "th"])
        })
}

/// A date of the report, when dated to a day or month: its year and month.
pub type ReportDate = Option<(u16, u8)>;

/// Every date in `range` of `text`, in text order; `report` is the report's own date, for
/// days and months given without a year, and `source` the report, for relative dates.
pub fn dates_in(text: &str, range: Range<usize>, report: ReportDate, source: &str) -> Vec<Found> {
    let tokens = tokens(text, range);
    let words: Vec<(usize, &Token)> = tokens
        .iter()
        .enumerate()
        .filter(|(_, token)| token.kind == TokenKind::Word)
        .collect();
    let word = |at: usize| words.get(at).map(|(_, token)| token.text(text));
    let mut found = Vec::new();
    let mut at = 0;
    while at < words.len() {
        let start_token = words[at].1;
        let mut consumed = 0;
        let mut date = None;
        let current = word(at).unwrap_or("");
        // Relative phrases: "last month", "earlier this week", "on Monday".
        for phrase in RELATIVE {
            let parts: Vec<&str> = phrase.split(' ').collect();
            if parts.iter().enumerate().all(|(offset, part)| {
                word(at + offset).is_some_and(|word| word.eq_ignore_ascii_case(part))
            }) {
                consumed = parts.len();
                date = Some(relative(&words_text(text, &words, at, consumed), source));
                break;
            }
        }
        if date.is_none() && super::lexicon::weekday_number(current).is_some() {
            consumed = 1;
            date = Some(relative(current, source));
        }
        if date.is_none() {
            if let Some((length, reported)) = calendar_at(text, &words, at, report, source) {
                consumed = length;
                date = Some(reported);
            }
        }
        match date {
            Some(reported) if consumed > 0 => {
                let end_token = words[at + consumed - 1].1;
                let mut end = end_token.range.end;
                // "Sept. 30," keeps no trailing comma.
                while text[..end].ends_with([',', ';', ':']) {
                    end -= 1;
                }
                found.push(Found {
                    range: start_token.range.start..end,
                    date: reported,
                });
                at += consumed;
            }
            _ => at += 1,
        }
    }
    found
}

fn words_text(text: &str, words: &[(usize, &Token)], at: usize, count: usize) -> String {
    let start = words[at].1.range.start;
    let end = words[at + count - 1].1.range.end;
    text[start..end].to_owned()
}

fn relative(words: &str, source: &str) -> ReportedDate {
    ReportedDate {
        text: words.to_owned(),
        precision: DatePrecision::Relative,
        value: None,
        relative_to: Some(SourceId(source.to_owned())),
    }
}

/// A calendar date starting at word `at`: its length in words and the date.
fn calendar_at(
    text: &str,
    words: &[(usize, &Token)],
    at: usize,
    report: ReportDate,
    source: &str,
) -> Option<(usize, ReportedDate)> {
    let word = |offset: usize| words.get(at + offset).map(|(_, token)| token.text(text));
    let first = word(0)?;
    let rough = is_one_of(first.trim_end_matches('-'), ROUGH);
    let lead = usize::from(rough);
    // "early 2023", "late August 2026", "mid-2024".
    if let Some(rest) = first.strip_prefix("mid-") {
        if let Some(year) = year_of(rest) {
            return Some((1, approximate(&words_text(text, words, at, 1), year, None)));
        }
    }
    // "the summer of 2022", "the end of 2024", "the second quarter of 2027".
    let part = usize::from(word(1).is_some_and(|word| is_one_of(word, &["quarter", "half"])));
    if rough && word(1 + part).is_some_and(|word| word.eq_ignore_ascii_case("of")) {
        if let Some(year) = word(2 + part).and_then(year_of) {
            let length = 3 + part;
            return Some((
                length,
                approximate(&words_text(text, words, at, length), year, None),
            ));
        }
    }
    // "mid-October": roughly that month.
    if let Some(month) = first
        .strip_prefix("mid-")
        .filter(|rest| is_capitalised(rest))
        .and_then(is_month)
    {
        let mut date = without_year(&words_text(text, words, at, 1), month, None, report, source);
        if date.value.is_some() {
            date.precision = DatePrecision::Approximate;
        }
        return Some((1, date));
    }
    let head = word(lead)?;
    if let Some(year) = year_of(head) {
        if rough {
            return Some((2, approximate(&words_text(text, words, at, 2), year, None)));
        }
        // A bare year only when it reads as one: "in 2019", "since 2019", "2019 investment".
        return Some((
            1,
            calendar(
                &words_text(text, words, at, 1),
                DatePrecision::Year,
                format!("{year:04}"),
            ),
        ));
    }
    // Months are names: "march" and "may" in lowercase are verbs.
    if let Some(month) = Some(head)
        .filter(|head| is_capitalised(head))
        .and_then(is_month)
    {
        // Month day, year: "March 4, 2026", "Sept. 30", "Nov. 12".
        if let Some(day) = word(lead + 1).and_then(day_of) {
            if let Some(year) = word(lead + 2).and_then(year_of) {
                let length = lead + 3;
                let words_given = words_text(text, words, at, length);
                return Some((
                    length,
                    if rough {
                        approximate(&words_given, year, Some(month))
                    } else {
                        day_date(&words_given, year, month, day)
                    },
                ));
            }
            let length = lead + 2;
            let words_given = words_text(text, words, at, length);
            return Some((
                length,
                without_year(&words_given, month, Some(day), report, source),
            ));
        }
        // Month year: "September 2025", "late August 2026".
        if let Some(year) = word(lead + 1).and_then(year_of) {
            let length = lead + 2;
            let words_given = words_text(text, words, at, length);
            return Some((
                length,
                if rough {
                    approximate(&words_given, year, Some(month))
                } else {
                    calendar(
                        &words_given,
                        DatePrecision::Month,
                        format!("{year:04}-{month:02}"),
                    )
                },
            ));
        }
        // A month alone: "in January" (not "May" opening a sentence: a modal, most often).
        let before = at
            .checked_sub(1)
            .and_then(|before| words.get(before))
            .map(|(_, token)| token.text(text));
        let placed = before.is_some_and(|before| {
            is_one_of(
                before,
                &[
                    "in", "since", "until", "by", "from", "through", "before", "after", "during",
                    "of", "last", "next", "this",
                ],
            )
        });
        if placed && head.len() > 3 {
            let length = lead + 1;
            let words_given = words_text(text, words, at, length);
            return Some((
                length,
                without_year(&words_given, month, None, report, source),
            ));
        }
        return None;
    }
    // Day month year: "4 March 2026", "3 March".
    if let Some(day) = day_of(head) {
        let month = word(lead + 1)
            .filter(|month| is_capitalised(month) && month.len() >= 3)
            .and_then(is_month);
        if let Some(month) = month {
            if let Some(year) = word(lead + 2).and_then(year_of) {
                let length = lead + 3;
                return Some((
                    length,
                    day_date(&words_text(text, words, at, length), year, month, day),
                ));
            }
            let length = lead + 2;
            return Some((
                length,
                without_year(
                    &words_text(text, words, at, length),
                    month,
                    Some(day),
                    report,
                    source,
                ),
            ));
        }
    }
    None
}

fn calendar(words: &str, precision: DatePrecision, value: String) -> ReportedDate {
    ReportedDate {
        text: words.to_owned(),
        precision,
        value: Some(value),
        relative_to: None,
    }
}

fn day_date(words: &str, year: u16, month: u8, day: u8) -> ReportedDate {
    calendar(
        words,
        DatePrecision::Day,
        format!("{year:04}-{month:02}-{day:02}"),
    )
}

fn approximate(words: &str, year: u16, month: Option<u8>) -> ReportedDate {
    let value = match month {
        Some(month) => format!("{year:04}-{month:02}"),
        None => format!("{year:04}"),
    };
    calendar(words, DatePrecision::Approximate, value)
}

/// "Nov. 12", "in January": the report's year when it is dated (the year before, for a month
/// after the report's own), else relative to the report.
fn without_year(
    words: &str,
    month: u8,
    day: Option<u8>,
    report: ReportDate,
    source: &str,
) -> ReportedDate {
    match report {
        Some((report_year, report_month)) => {
            // A month up to two after the report's is most often a date ahead ("a hearing is
            // set for Dec. 10" in November); further on, it is last year's.
            let year = if month > report_month + 2 {
                report_year - 1
            } else {
                report_year
            };
            match day {
                Some(day) => day_date(words, year, month, day),
                None => calendar(words, DatePrecision::Month, format!("{year:04}-{month:02}")),
            }
        }
        None => relative(words, source),
    }
}

/// A date the author types in a form ("2026-12-03", "3 December 2026", "December 2026",
/// "2026", "early 2023"), at the precision typed; anything else is kept as words, undated.
pub fn as_given(words: &str) -> ReportedDate {
    let trimmed = words.trim();
    let numeric: Vec<&str> = trimmed.split('-').collect();
    let numbers: Option<Vec<u16>> = numeric.iter().map(|part| part.parse().ok()).collect();
    if let Some(numbers) = numbers {
        let value = |precision| ReportedDate {
            text: trimmed.to_owned(),
            precision,
            value: Some(trimmed.to_owned()),
            relative_to: None,
        };
        let valid = match numbers[..] {
            [year] => (1000..=9999).contains(&year).then_some(DatePrecision::Year),
            [year, month] => ((1000..=9999).contains(&year)
                && (1..=12).contains(&month)
                && numeric[1].len() == 2)
                .then_some(DatePrecision::Month),
            [year, month, day] => ((1000..=9999).contains(&year)
                && (1..=12).contains(&month)
                && (1..=31).contains(&day)
                && numeric[1].len() == 2
                && numeric[2].len() == 2)
                .then_some(DatePrecision::Day),
            _ => None,
        };
        if let Some(precision) = valid {
            return value(precision);
        }
    }
    let found = dates_in(trimmed, 0..trimmed.len(), None, "");
    match found.first() {
        Some(found)
            if found.range == (0..trimmed.len())
                && found.date.precision != DatePrecision::Relative =>
        {
            found.date.clone()
        }
        _ => ReportedDate {
            text: trimmed.to_owned(),
            precision: DatePrecision::Unknown,
            value: None,
            relative_to: None,
        },
    }
}

/// Whether a word names a month, in full or shortened ("Sept.", "Dec"): its number.
pub fn is_month(word: &str) -> Option<u8> {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    MONTHS.iter().find_map(|(name, number)| {
        let shortened = (3..=5).contains(&lower.len()) && name.starts_with(&lower);
        (lower == *name || shortened).then_some(*number)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, report: ReportDate) -> Vec<(String, &'static str, Option<String>)> {
        dates_in(text, 0..text.len(), report, "report")
            .into_iter()
            .map(|found| {
                (
                    text[found.range].to_owned(),
                    found.date.precision.as_str(),
                    found.date.value,
                )
            })
            .collect()
    }

    fn row(
        words: &str,
        precision: &'static str,
        value: Option<&str>,
    ) -> (String, &'static str, Option<String>) {
        (words.to_owned(), precision, value.map(str::to_owned))
    }

    #[test]
    fn dates_keep_the_precision_the_text_gives() {
        let cases: Vec<(
            &str,
            &str,
            ReportDate,
            Vec<(String, &'static str, Option<String>)>,
        )> = vec![
            (
                "a day",
                "It was signed on March 4, 2026.",
                None,
                vec![row("March 4, 2026", "day", Some("2026-03-04"))],
            ),
            (
                "a day, day first",
                "It was signed on 4 March 2026.",
                None,
                vec![row("4 March 2026", "day", Some("2026-03-04"))],
            ),
            (
                "a month",
                "In September 2025, they signed.",
                None,
                vec![row("September 2025", "month", Some("2025-09"))],
            ),
            (
                "a year",
                "It invested $1 billion in 2019.",
                None,
                vec![row("2019", "year", Some("2019"))],
            ),
            (
                "approximate",
                "It added more in early 2023.",
                None,
                vec![row("early 2023", "approximate", Some("2023"))],
            ),
            (
                "approximate month",
                "UTPL announced it in late August 2026.",
                None,
                vec![row("late August 2026", "approximate", Some("2026-08"))],
            ),
            (
                "relative",
                "Amazon and OpenAI signed agreements last month.",
                None,
                vec![row("last month", "relative", None)],
            ),
            (
                "no year, undated report",
                "It was filed Nov. 12 in court.",
                None,
                vec![row("Nov. 12", "relative", None)],
            ),
            (
                "no year, dated report",
                "It was filed Nov. 12 in court.",
                Some((2026, 12)),
                vec![row("Nov. 12", "day", Some("2026-11-12"))],
            ),
            (
                "a later month is last year",
                "Talks began in December.",
                Some((2026, 3)),
                vec![row("December", "month", Some("2025-12"))],
            ),
            (
                "may the verb",
                "The deal may breach the pact.",
                None,
                vec![],
            ),
            (
                "abbreviated with a year",
                "A notice went out Sept. 30, 2025.",
                None,
                vec![row("Sept. 30, 2025", "day", Some("2025-09-30"))],
            ),
        ];
        for (name, text, report, expected) in cases {
            assert_eq!(read(text, report), expected, "{name}");
        }
    }

    #[test]
    fn typed_dates_keep_their_precision() {
        let cases = [
            ("2026-12-03", "day", Some("2026-12-03")),
            ("2026-12", "month", Some("2026-12")),
            ("2026", "year", Some("2026")),
            ("3 December 2026", "day", Some("2026-12-03")),
            ("December 2026", "month", Some("2026-12")),
            ("early 2023", "approximate", Some("2023")),
            ("sometime soon", "unknown", None),
        ];
        for (typed, precision, value) in cases {
            let date = as_given(typed);
            assert_eq!(
                (date.precision.as_str(), date.value.as_deref()),
                (precision, value),
                "{typed}"
            );
        }
    }

    #[test]
    fn months_are_named_in_full_or_short() {
        assert_eq!(is_month("Sept."), Some(9));
        assert_eq!(is_month("December"), Some(12));
        assert_eq!(is_month("Mar"), Some(3));
        assert_eq!(is_month("Maybe"), None);
    }
}
