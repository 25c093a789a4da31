//! The structural pass: the file's text into typed entries, each decoded on its own, so one
//! malformed entry costs one error and the rest are still checked.

use super::{error, ValidationError};
use crate::model::{
    Clause, Conflict, Contract, Dispute, DisputeFile, Event, Party, Source, Statement, TourStep,
};
use serde::de::{DeserializeOwned, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::Value;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The top-level fields every file has, in the order the schema documents them.
const REQUIRED_FIELDS: [&str; 12] = [
    "schema",
    "as_of",
    "title",
    "summary",
    "dispute",
    "sources",
    "parties",
    "contracts",
    "clauses",
    "statements",
    "events",
    "conflicts",
];

/// The top-level fields a file may leave out.
const OPTIONAL_FIELDS: [&str; 2] = ["$schema", "tour"];

/// What the structural pass produced: whatever decoded, where each entry came from, and errors.
pub(super) struct Decoded {
    pub file: DisputeFile,
    /// For each collection, the original index of each decoded entry.
    pub origin: HashMap<&'static str, Vec<usize>>,
    /// Ids of entries that failed to decode, so references to them are not reported as dangling.
    pub broken_ids: HashSet<String>,
    /// Top-level fields that could not be read, already reported, so they are not also "empty".
    pub unreadable: HashSet<&'static str>,
    pub errors: Vec<ValidationError>,
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The type of a raw piece of JSON, from its first character: the piece is already known to be
/// well-formed, and reading only its start works however large or deep it is.
fn raw_type(raw: &RawValue) -> &'static str {
    match raw.get().trim_start().as_bytes().first() {
        Some(b'n') => "null",
        Some(b't' | b'f') => "a boolean",
        Some(b'"') => "a string",
        Some(b'[') => "an array",
        Some(b'{') => "an object",
        _ => "a number",
    }
}

pub(super) fn decode(text: &str) -> Result<Decoded, Vec<ValidationError>> {
    // The top level as raw pieces of the text, so each entry is decoded straight from its own
    // text rather than through a tree of values (the larger half of the time it took to load).
    let mut root = match serde_json::from_str::<HashMap<String, &RawValue>>(text) {
        Ok(root) => root,
        Err(problem) => {
            let problem = match serde_json::from_str::<Value>(text) {
                Ok(value) => format!(
                    "the top level must be an object, found {}",
                    json_type(&value)
                ),
                Err(_) if problem.is_data() => format!(
                    "the top level must be an object: {}",
                    without_position(problem)
                ),
                Err(_) => format!("not valid JSON: {problem}"),
            };
            return Err(vec![error("(file)", problem)]);
        }
    };
    let mut errors = Vec::new();
    let mut unknown: Vec<&String> = root
        .keys()
        .filter(|key| {
            !REQUIRED_FIELDS.contains(&key.as_str()) && !OPTIONAL_FIELDS.contains(&key.as_str())
        })
        .collect();
    unknown.sort();
    for key in unknown {
        errors.push(error(
            key.as_str(),
            format!(
                "unknown field; expected one of {}, or the optional {}",
                REQUIRED_FIELDS.join(", "),
                OPTIONAL_FIELDS.join(", ")
            ),
        ));
    }
    for key in REQUIRED_FIELDS {
        if !root.contains_key(key) {
            errors.push(error(key, "missing required field"));
        }
    }

    let mut unreadable = HashSet::new();
    let mut scalar = |key: &'static str| {
        let raw = root.get(key)?;
        let text = string_field(key, raw, &mut errors);
        if text.is_none() {
            unreadable.insert(key);
        }
        text
    };
    let json_schema = scalar("$schema");
    let schema = scalar("schema").unwrap_or_default();
    let as_of = scalar("as_of").unwrap_or_default();
    let title = scalar("title").unwrap_or_default();
    let summary = scalar("summary").unwrap_or_default();

    let mut broken_ids = HashSet::new();
    let dispute = match root.remove("dispute") {
        Some(value) => match decode_entry::<Dispute>(value, "dispute") {
            Ok(dispute) => Some(dispute),
            Err((problem, id)) => {
                broken_ids.extend(id);
                errors.push(problem);
                None
            }
        },
        None => None,
    };

    let mut origin = HashMap::new();
    let mut lists = Lists {
        errors: &mut errors,
        broken_ids: &mut broken_ids,
        origin: &mut origin,
    };
    let sources = lists.decode::<Source>(root.remove("sources"), "sources");
    let parties = lists.decode::<Party>(root.remove("parties"), "parties");
    let contracts = lists.decode::<Contract>(root.remove("contracts"), "contracts");
    let clauses = lists.decode::<Clause>(root.remove("clauses"), "clauses");
    let statements = lists.decode::<Statement>(root.remove("statements"), "statements");
    let events = lists.decode::<Event>(root.remove("events"), "events");
    let conflicts = lists.decode::<Conflict>(root.remove("conflicts"), "conflicts");
    let tour = lists.decode::<TourStep>(root.remove("tour"), "tour");

    let Some(dispute) = dispute else {
        // Without the dispute there is nothing to check references against; report what we have.
        if errors.is_empty() {
            errors.push(error("dispute", "missing required field"));
        }
        return Err(errors);
    };
    Ok(Decoded {
        file: DisputeFile {
            json_schema,
            schema,
            as_of,
            title,
            summary,
            dispute,
            sources,
            parties,
            contracts,
            clauses,
            statements,
            events,
            conflicts,
            tour,
        },
        origin,
        broken_ids,
        unreadable,
        errors,
    })
}

/// A top-level string, or an error that names what is wrong with it: another type, or a string
/// that cannot be text (a lone surrogate such as `\ud800`).
fn string_field(key: &str, raw: &RawValue, errors: &mut Vec<ValidationError>) -> Option<String> {
    match serde_json::from_str::<String>(raw.get()) {
        Ok(text) => Some(text),
        Err(problem) => {
            let message = match raw_type(raw) {
                "a string" => format!(
                    "is not valid text: {}",
                    explained(without_position(problem))
                ),
                other => format!("must be a string, found {other}"),
            };
            errors.push(error(key, message));
            None
        }
    }
}

/// Decodes the entries of one collection, recording where each came from.
struct Lists<'a> {
    errors: &'a mut Vec<ValidationError>,
    broken_ids: &'a mut HashSet<String>,
    origin: &'a mut HashMap<&'static str, Vec<usize>>,
}

impl Lists<'_> {
    fn decode<T: DeserializeOwned>(&mut self, raw: Option<&RawValue>, key: &'static str) -> Vec<T> {
        let mut items = Vec::new();
        let mut positions = Vec::new();
        if let Some(raw) = raw {
            match serde_json::from_str::<Vec<&RawValue>>(raw.get()) {
                Ok(values) => {
                    for (position, value) in values.into_iter().enumerate() {
                        let path = format!("{key}[{position}]");
                        match decode_entry::<T>(value, &path) {
                            Ok(item) => {
                                items.push(item);
                                positions.push(position);
                            }
                            Err((problem, id)) => {
                                self.broken_ids.extend(id);
                                self.errors.push(problem);
                            }
                        }
                    }
                }
                Err(_) => self.errors.push(error(
                    key,
                    format!("must be an array, found {}", raw_type(raw)),
                )),
            }
        }
        self.origin.insert(key, positions);
        items
    }
}

/// Decodes one entry; on failure returns the error and the entry's id, when it can be read.
fn decode_entry<T: DeserializeOwned>(
    raw: &RawValue,
    path: &str,
) -> Result<T, (ValidationError, Option<String>)> {
    serde_json::from_str::<T>(raw.get()).map_err(|problem| {
        let inner = crate::json_path::of_error(raw.get(), &problem);
        let full_path = if inner == "." {
            path.to_owned()
        } else if inner.starts_with('[') {
            format!("{path}{inner}")
        } else {
            format!("{path}.{inner}")
        };
        (
            error(full_path, explained(without_position(problem))),
            readable_id(raw),
        )
    })
}

/// The `id` of an entry that failed to decode, read on its own: what broke the entry (a lone
/// surrogate, nesting too deep) may lie in another field, and with its id kept, references to
/// the entry are not also reported as dangling. The id is read as the entry's fields go by, so
/// it is found even when a later field is what cannot be read.
fn readable_id(raw: &RawValue) -> Option<String> {
    struct FindId<'a>(&'a RefCell<Option<String>>);

    impl<'de> Visitor<'de> for FindId<'_> {
        type Value = ();

        fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
            formatter.write_str("an object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<String>()? {
                if key == "id" {
                    if let Ok(id) = map.next_value::<String>() {
                        *self.0.borrow_mut() = Some(id);
                    }
                    return Ok(());
                }
                map.next_value::<IgnoredAny>()?;
            }
            Ok(())
        }
    }

    let found = RefCell::new(None);
    let mut deserializer = serde_json::Deserializer::from_str(raw.get());
    // Whatever went wrong after the id was read does not matter here.
    let _ = serde::Deserializer::deserialize_map(&mut deserializer, FindId(&found));
    found.into_inner()
}

/// A decoding message, with what a broken `\u` escape means in the file's terms.
fn explained(message: String) -> String {
    if message.contains("hex escape") || message.contains("surrogate") {
        format!("{message} (a \\u escape cut short, or a lone surrogate such as \\ud800: half of a character, which cannot stand alone)")
    } else {
        message
    }
}

/// A decoding error's message without "at line 1 column 57": the position is within the entry's
/// own text, which the JSON path already locates better.
fn without_position(problem: serde_json::Error) -> String {
    let message = problem.to_string();
    match message.rfind(" at line ") {
        Some(at) if problem.line() > 0 => message[..at].to_owned(),
        _ => message,
    }
}
