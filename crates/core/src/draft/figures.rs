//! Figures as an article writes them, and their values: "$50 billion", "$50B", "£340m",
//! "€1.2bn", "more than $13 billion", "3.5%", "300 megawatts". Two reports disagree on a figure
//! when the values they give for the same thing differ; the words stay as written.

use crate::text::tokens::{is_one_of, Token};
use std::ops::Range;

/// A figure found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// Its words, from the qualifier ("more than") to the unit ("billion").
    pub range: Range<usize>,
    pub value: f64,
    /// "USD", "GBP", "EUR", "%", or the counted noun ("megawatts").
    pub unit: String,
    /// "more than", "about", "up to", "at least", when the text says so.
    pub qualifier: Option<&'static str>,
}

impl Figure {
    /// Whether two figures can be the same: same unit, values that agree, and qualifiers that
    /// do ("more than $13 billion" is not "$13 billion"; "about $1 million" and "$1,000,000" are
    /// one figure, told with more or less care).
    pub fn agrees_with(&self, other: &Figure) -> bool {
        if self.unit != other.unit {
            return false;
        }
        let close =
            (self.value - other.value).abs() <= self.value.abs().max(other.value.abs()) * 0.005;
        let rough =
            |qualifier: Option<&str>| qualifier.is_none_or(|qualifier| qualifier == "about");
        close
            && (self.qualifier == other.qualifier
                || rough(self.qualifier) && rough(other.qualifier))
    }
}

const QUALIFIERS: &[(&str, &str)] = &[
    ("more than", "more than"),
    ("over", "more than"),
    ("at least", "at least"),
    ("about", "about"),
    ("around", "about"),
    ("roughly", "about"),
    ("nearly", "about"),
    ("almost", "about"),
    ("approximately", "about"),
    ("some", "about"),
    ("up to", "up to"),
    ("as many as", "up to"),
    ("as much as", "up to"),
    ("less than", "less than"),
    ("under", "less than"),
];

/// Nouns a count is of, for figures without a currency.
const COUNTED: &[&str] = &[
    "megawatts",
    "mw",
    "gigawatts",
    "gw",
    "trains",
    "jobs",
    "containers",
    "turbines",
    "ships",
    "vessels",
    "employees",
    "workers",
    "customers",
    "stores",
    "units",
    "shares",
    "years",
    "days",
    "months",
    "aircraft",
    "planes",
    "cars",
    "vehicles",
    "tonnes",
    "tons",
    "barrels",
    "homes",
    "users",
    "subscribers",
];

fn multiplier(word: &str) -> Option<f64> {
    match word.to_ascii_lowercase().trim_end_matches('.') {
        "thousand" | "k" => Some(1e3),
        "million" | "m" | "mn" | "mln" => Some(1e6),
        "billion" | "b" | "bn" | "bln" => Some(1e9),
        "trillion" | "tn" | "t" => Some(1e12),
        _ => None,
    }
}

fn currency(symbol: char) -> Option<&'static str> {
    match symbol {
        '$' => Some("USD"),
        '£' => Some("GBP"),
        '€' => Some("EUR"),
        '¥' => Some("JPY"),
        _ => None,
    }
}

/// "1,300.5" as a number.
fn number(digits: &str) -> Option<f64> {
    let cleaned: String = digits.chars().filter(|c| *c != ',').collect();
    if cleaned.is_empty() || !cleaned.chars().next()?.is_ascii_digit() {
        return None;
    }
    cleaned.parse().ok()
}

/// Every figure among `tokens` of `text`.
pub fn figures_in(text: &str, tokens: &[Token]) -> Vec<Figure> {
    let mut figures = Vec::new();
    for (index, token) in tokens.iter().enumerate() {
        if !token.is_word() {
            continue;
        }
        let word = token.text(text);
        let mut characters = word.chars();
        let first = characters.next().unwrap_or(' ');
        let (unit, rest) = match currency(first) {
            Some(unit) => (Some(unit.to_owned()), &word[first.len_utf8()..]),
            None => (None, word),
        };
        // The number, and any suffix stuck to it ("50B", "340m", "1.2bn", "3.5%").
        let split = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(rest.len());
        let (digits, suffix) = rest.split_at(split);
        let Some(mut value) = number(digits.trim_end_matches(['.', ','])) else {
            continue;
        };
        let mut end = index;
        let mut unit = unit;
        if suffix == "%" || suffix == "pc" {
            unit = Some("%".to_owned());
        } else if let Some(times) = multiplier(suffix).filter(|_| !suffix.is_empty()) {
            value *= times;
        } else if !suffix.is_empty() {
            continue;
        } else if let Some(times) = tokens
            .get(index + 1)
            .filter(|next| next.is_word())
            .and_then(|next| multiplier(next.text(text)))
        {
            value *= times;
            end = index + 1;
        }
        if unit.is_none() {
            // A count: "300 megawatts", "52 trains"; or a percentage written out.
            let next = tokens
                .get(end + 1)
                .filter(|next| next.is_word())
                .map(|next| next.text(text).to_ascii_lowercase());
            match next {
                Some(next) if next == "percent" || next == "per" => unit = Some("%".to_owned()),
                // Any plural noun counts ("14 cranes"), as do the units of `COUNTED`.
                Some(next)
                    if is_one_of(&next, COUNTED)
                        || next.len() > 3
                            && next.ends_with('s')
                            && !next.ends_with("ss")
                            && next.chars().all(|c| c.is_ascii_lowercase()) =>
                {
                    unit = Some(next);
                    end += 1;
                }
                // "52 electric trains": one describing word between.
                Some(next) if next.chars().all(|c| c.is_lowercase() || c == '-') => {
                    let counted = tokens
                        .get(end + 2)
                        .filter(|after| after.is_word())
                        .map(|after| after.text(text).to_ascii_lowercase())
                        .filter(|after| is_one_of(after, COUNTED));
                    match counted {
                        Some(counted) => {
                            unit = Some(counted);
                            end += 2;
                        }
                        None => continue,
                    }
                }
                _ => continue,
            }
        }
        // A year is no figure.
        if unit.as_deref() != Some("%")
            && digits.len() == 4
            && (1900.0..=2100.0).contains(&value)
            && end == index
        {
            continue;
        }
        let mut start = token.range.start;
        let mut qualifier = None;
        for (words, reading) in QUALIFIERS {
            let parts: Vec<&str> = words.split(' ').collect();
            if index < parts.len() {
                continue;
            }
            let before = &tokens[index - parts.len()..index];
            if before
                .iter()
                .zip(&parts)
                .all(|(token, part)| token.is_word() && token.text(text).eq_ignore_ascii_case(part))
            {
                start = before[0].range.start;
                qualifier = Some(*reading);
                break;
            }
        }
        figures.push(Figure {
            range: start..tokens[end].range.end,
            value,
            unit: unit.unwrap_or_default(),
            qualifier,
        });
    }
    figures
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokens;

    fn read(text: &str) -> Vec<(String, f64, String, Option<&'static str>)> {
        figures_in(text, &tokens(text, 0..text.len()))
            .into_iter()
            .map(|figure| {
                (
                    text[figure.range].to_owned(),
                    figure.value,
                    figure.unit,
                    figure.qualifier,
                )
            })
            .collect()
    }

    #[test]
    fn figures_are_read_as_written() {
        let cases: Vec<(&str, Vec<(&str, f64, &str, Option<&str>)>)> = vec![
            (
                "a $50 billion cloud deal",
                vec![("$50 billion", 50e9, "USD", None)],
            ),
            (
                "Over $50B Deal",
                vec![("Over $50B", 50e9, "USD", Some("more than"))],
            ),
            (
                "has invested more than $13 billion",
                vec![("more than $13 billion", 13e9, "USD", Some("more than"))],
            ),
            (
                "orders worth £340m and €1.2bn",
                vec![
                    ("£340m", 340e6, "GBP", None),
                    ("€1.2bn", 1.2e9, "EUR", None),
                ],
            ),
            ("costs rose 3.5% in 2019", vec![("3.5%", 3.5, "%", None)]),
            ("shares fell 14pc", vec![("14pc", 14.0, "%", None)]),
            (
                "its order for 52 electric trains",
                vec![("52 electric trains", 52.0, "trains", None)],
            ),
            (
                "up to 300 megawatts of power",
                vec![("up to 300 megawatts", 300.0, "megawatts", Some("up to"))],
            ),
            ("signed in 2019 with 1,300 staff", vec![]),
        ];
        for (text, expected) in cases {
            let expected: Vec<(String, f64, String, Option<&str>)> = expected
                .into_iter()
                .map(|(words, value, unit, qualifier)| {
                    (words.to_owned(), value, unit.to_owned(), qualifier)
                })
                .collect();
            assert_eq!(read(text), expected, "{text}");
        }
    }

    #[test]
    fn figures_agree_only_when_their_values_and_qualifiers_do() {
        let text = "$50 billion, $50B, more than $13 billion, $13 billion";
        let figures = figures_in(text, &tokens(text, 0..text.len()));
        assert!(figures[0].agrees_with(&figures[1]));
        assert!(!figures[2].agrees_with(&figures[3]));
    }
}
