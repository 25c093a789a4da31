//! Warnings: what is worth a second look in a valid file, without stopping it from being shown.
//! Each is a way the editors' own words could end up sharper than the sources, or the text could
//! be made to read other than it is.

use super::{error, ValidationError};
use crate::model::{DisputeFile, Modality};
use serde_json::Value;
use std::collections::HashSet;

/// Words that mark a sentence as hedged, lowercased. A speculative statement's summary should
/// carry one, as the source's sentence does.
const HEDGES: [&str; 29] = [
    "may",
    "might",
    "could",
    "would",
    "should",
    "can",
    "if",
    "reportedly",
    "appears",
    "appear",
    "apparently",
    "seems",
    "believes",
    "believe",
    "likely",
    "possibly",
    "possible",
    "potential",
    "potentially",
    "perhaps",
    "considering",
    "weighing",
    "expects",
    "suggests",
    "allegedly",
    "unclear",
    "speculation",
    "argue",
    "argues",
];

/// Characters that change the direction of the text around them (embeddings, overrides,
/// isolates and marks).
fn is_bidi_control(character: char) -> bool {
    matches!(
        character,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// Every warning for a valid file; `text` is the file as read, for a quick look before the
/// slower walk that names where a character is.
pub(super) fn warnings(file: &DisputeFile, text: &str) -> Vec<ValidationError> {
    let mut warnings = Vec::new();
    unhedged_summaries(file, &mut warnings);
    // Rare, so the file is read again only when its text holds one: as written, so the paths
    // are the file's own.
    if might_hold_bidi_controls(text) {
        if let Ok(value) = serde_json::from_str::<Value>(text) {
            bidi_controls(&value, &mut String::new(), &mut warnings);
        }
    }
    unquoted_numbers(file, &mut warnings);
    warnings
}

fn unhedged_summaries(file: &DisputeFile, warnings: &mut Vec<ValidationError>) {
    for (position, statement) in file.statements.iter().enumerate() {
        if statement.modality != Modality::Speculative {
            continue;
        }
        let hedged = words(&statement.summary).any(|word| HEDGES.contains(&word.as_str()));
        if !hedged {
            warnings.push(error(
                format!("statements[{position}].summary"),
                format!(
                    "\"{}\" states as fact what the speculative statement \"{}\" only hedges; word it as the source does (may, could, reportedly, believes…)",
                    statement.summary, statement.id
                ),
            ));
        }
    }
}

/// The words of a text, lowercased as far as the (English) hedge words need.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|character: char| !character.is_alphanumeric() && character != '\'')
        .filter(|word| !word.is_empty())
        .map(|word| word.to_ascii_lowercase())
}

/// Whether the file's text holds a direction-changing character, written as itself or as a
/// `\u` escape. One pass over the bytes, with no copy: it runs on every file, and a large one is
/// megabytes long. Each such character starts with the byte 0xE2 or 0xD8 in UTF-8.
fn might_hold_bidi_controls(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(at, byte)| match byte {
        0xE2 | 0xD8 => text[at..].chars().next().is_some_and(is_bidi_control),
        b'\\' => {
            bytes.get(at + 1) == Some(&b'u')
                && bytes.get(at + 2..at + 6).is_some_and(is_bidi_escape)
        }
        _ => false,
    })
}

/// Whether the four hex digits of a `\u` escape name a direction-changing character.
fn is_bidi_escape(digits: &[u8]) -> bool {
    let digits = digits.to_ascii_lowercase();
    digits.starts_with(b"202")
        || digits.starts_with(b"206")
        || [&b"200e"[..], b"200f", b"061c"].contains(&digits.as_slice())
}

/// Walks every string in the file, naming the path of each one that holds a direction-changing
/// character.
fn bidi_controls(value: &Value, path: &mut String, warnings: &mut Vec<ValidationError>) {
    match value {
        Value::String(text) => {
            if let Some(character) = text.chars().find(|character| is_bidi_control(*character)) {
                warnings.push(error(
                    path.clone(),
                    format!(
                        "holds the direction-changing character U+{:04X}, which can make the text after it read in another order; the app shows it isolated, but check it is meant",
                        u32::from(character)
                    ),
                ));
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                let length = path.len();
                path.push_str(&format!("[{index}]"));
                bidi_controls(item, path, warnings);
                path.truncate(length);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                let length = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                bidi_controls(item, path, warnings);
                path.truncate(length);
            }
        }
        _ => {}
    }
}

/// The numbers in a text: runs of digits, with the commas and points inside them, commas dropped
/// ("13,000" and "13000" are the same number).
fn numbers(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    let mut characters = text.chars().peekable();
    while let Some(character) = characters.next() {
        let inside = !current.is_empty()
            && matches!(character, ',' | '.')
            && characters.peek().is_some_and(char::is_ascii_digit);
        if character.is_ascii_digit() {
            current.push(character);
        } else if inside {
            if character == '.' {
                current.push('.');
            }
        } else if !current.is_empty() {
            found.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        found.push(current);
    }
    found
}

/// A number in the editors' own words (titles, summaries, roles, positions, questions, values,
/// the tour) must stand in some quote: otherwise it is a figure no source gives.
fn unquoted_numbers(file: &DisputeFile, warnings: &mut Vec<ValidationError>) {
    let quoted: HashSet<String> = file
        .statements
        .iter()
        .map(|statement| statement.quote.as_str())
        .chain(
            file.clauses
                .iter()
                .flat_map(|clause| clause.wording.iter().map(|wording| wording.quote.as_str())),
        )
        .flat_map(numbers)
        .collect();
    let mut check = |path: String, text: &str| {
        for number in numbers(text) {
            if !quoted.contains(&number) {
                warnings.push(error(
                    path.clone(),
                    format!("the number {number} stands in no quote; a figure in the editors' words must come from a source"),
                ));
            }
        }
    };
    check("title".to_owned(), &file.title);
    check("summary".to_owned(), &file.summary);
    let dispute = &file.dispute;
    check("dispute.title".to_owned(), &dispute.title);
    check("dispute.claim".to_owned(), &dispute.claim);
    check("dispute.summary".to_owned(), &dispute.summary);
    for (index, party) in file.parties.iter().enumerate() {
        check(format!("parties[{index}].role"), &party.role);
        check(format!("parties[{index}].summary"), &party.summary);
    }
    for (index, contract) in file.contracts.iter().enumerate() {
        check(format!("contracts[{index}].title"), &contract.title);
        check(format!("contracts[{index}].summary"), &contract.summary);
        if let Some(value) = &contract.value {
            check(format!("contracts[{index}].value"), value);
        }
    }
    for (index, clause) in file.clauses.iter().enumerate() {
        check(format!("clauses[{index}].title"), &clause.title);
        check(format!("clauses[{index}].question"), &clause.question);
        for (reading_index, reading) in clause.readings.iter().enumerate() {
            check(
                format!("clauses[{index}].readings[{reading_index}].position"),
                &reading.position,
            );
        }
    }
    for (index, statement) in file.statements.iter().enumerate() {
        check(format!("statements[{index}].summary"), &statement.summary);
    }
    for (index, event) in file.events.iter().enumerate() {
        check(format!("events[{index}].title"), &event.title);
        check(format!("events[{index}].summary"), &event.summary);
    }
    for (index, conflict) in file.conflicts.iter().enumerate() {
        check(format!("conflicts[{index}].title"), &conflict.title);
        check(
            format!("conflicts[{index}].difference"),
            &conflict.difference,
        );
        for (side_index, side) in conflict.sides.iter().enumerate() {
            check(
                format!("conflicts[{index}].sides[{side_index}].position"),
                &side.position,
            );
        }
    }
    for (index, step) in file.tour.iter().enumerate() {
        check(format!("tour[{index}].title"), &step.title);
        check(format!("tour[{index}].text"), &step.text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_numbers_as_written() {
        let cases: [(&str, &[&str]); 5] = [
            ("$50 billion", &["50"]),
            ("more than $13,000 in 2019.", &["13000", "2019"]),
            ("1.5 times, then 2, 3", &["1.5", "2", "3"]),
            ("no figures", &[]),
            ("Frontier-2 and v3.", &["2", "3"]),
        ];
        for (text, expected) in cases {
            assert_eq!(numbers(text), expected, "{text}");
        }
    }

    #[test]
    fn spots_direction_changing_characters_written_either_way() {
        assert!(might_hold_bidi_controls("a \u{202E} b"));
        assert!(might_hold_bidi_controls(r#"{"name": "evil\u202E"}"#));
        assert!(might_hold_bidi_controls(r#"{"name": "evil\u202e"}"#));
        assert!(!might_hold_bidi_controls("plain text – with a dash"));
        assert!(might_hold_bidi_controls(r#"{"name": "x\u200F"}"#));
        assert!(might_hold_bidi_controls("Arabic mark \u{061C} here"));
        assert!(might_hold_bidi_controls("isolate \u{2067} here"));
        assert!(!might_hold_bidi_controls(
            r#"{"name": "\u2019 quote \u00e9"}"#
        ));
    }
}
