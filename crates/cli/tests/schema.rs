//! The JSON Schema of the file format agrees with the Rust types, the committed copy that ships
//! in `dist/`, and docs/schema.md, and it accepts the files the project ships. The schema of the
//! index of disputes agrees with its types, its committed copy and docs/schema.md the same way.

use serde_json::Value;
use std::collections::BTreeSet;

const COMMITTED: &str = include_str!("../../../data/dispute-map.schema.json");
const COMMITTED_INDEX: &str = include_str!("../../../data/dispute-index.schema.json");
const DOC: &str = include_str!("../../../docs/schema.md");

fn schema() -> Value {
    dispute_core::model::json_schema()
}

/// The example in docs/schema.md, the one JSON block there.
fn doc_example() -> Value {
    let start = DOC.find("```json\n").expect("a json example") + "```json\n".len();
    let end = start + DOC[start..].find("```").expect("the example ends");
    serde_json::from_str(&DOC[start..end]).expect("the example is JSON")
}

#[test]
fn the_committed_schema_is_the_one_the_types_make() {
    let committed: Value = serde_json::from_str(COMMITTED).expect("the committed schema is JSON");
    assert!(
        committed == schema(),
        "data/dispute-map.schema.json is out of date: run `cargo run -p dispute-cli --bin dispute-schema > data/dispute-map.schema.json`"
    );
}

#[test]
fn the_committed_index_schema_is_the_one_the_types_make() {
    let committed: Value =
        serde_json::from_str(COMMITTED_INDEX).expect("the committed index schema is JSON");
    assert!(
        committed == dispute_core::index::json_schema(),
        "data/dispute-index.schema.json is out of date: run `cargo run -p dispute-cli --bin dispute-schema -- --index > data/dispute-index.schema.json`"
    );
}

#[test]
fn the_schema_accepts_the_shipped_files_and_refuses_a_misspelt_field() {
    let validator = jsonschema::validator_for(&schema()).expect("a valid schema");
    let shipped = [
        ("bundled", dispute_core::BUNDLED_DISPUTE),
        ("example", dispute_core::EXAMPLE_DISPUTE),
        (
            "redwater example",
            include_str!("../../../data/examples/redwater-cloud-credits.json"),
        ),
    ];
    for (name, text) in shipped {
        let file: Value = serde_json::from_str(text).unwrap();
        let problems: Vec<String> = validator
            .iter_errors(&file)
            .map(|error| error.to_string())
            .collect();
        assert!(problems.is_empty(), "{name}: {problems:#?}");
    }
    let example = doc_example();
    assert!(validator.is_valid(&example), "the documentation's example");
    let mut misspelt = example.clone();
    misspelt["parties"][0]["nickname"] = "NW".into();
    assert!(
        !validator.is_valid(&misspelt),
        "unknown fields are refused, as the app refuses them"
    );
    let mut bad_id = example;
    bad_id["parties"][0]["id"] = "North Wind".into();
    assert!(!validator.is_valid(&bad_id), "ids keep their form");
}

/// Every field name the schema knows, at any depth.
fn field_names(value: &Value, names: &mut BTreeSet<String>) {
    match value {
        Value::Object(object) => {
            if let Some(Value::Object(properties)) = object.get("properties") {
                names.extend(properties.keys().cloned());
            }
            for inner in object.values() {
                field_names(inner, names);
            }
        }
        Value::Array(items) => {
            for item in items {
                field_names(item, names);
            }
        }
        _ => {}
    }
}

#[test]
fn docs_schema_md_names_every_field() {
    let mut names = BTreeSet::new();
    field_names(&schema(), &mut names);
    assert!(names.len() > 40, "{names:?}");
    let missing: Vec<&String> = names
        .iter()
        .filter(|name| !DOC.contains(&format!("`{name}`")) && !DOC.contains(&format!("\"{name}\"")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/schema.md does not name: {missing:?}"
    );
}

/// The index's own section of docs/schema.md names every field of the index: a field the file
/// format also has (`id`, `role`) counts only where the index is described.
#[test]
fn docs_schema_md_names_every_field_of_the_index() {
    let heading = "## The index of disputes";
    let start = DOC
        .find(heading)
        .expect("docs/schema.md describes the index");
    let rest = &DOC[start + heading.len()..];
    let section = &rest[..rest.find("\n## ").unwrap_or(rest.len())];
    let mut names = BTreeSet::new();
    field_names(&dispute_core::index::json_schema(), &mut names);
    assert!(names.len() > 20, "{names:?}");
    let missing: Vec<&String> = names
        .iter()
        .filter(|name| !section.contains(&format!("`{name}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "the index's section of docs/schema.md does not name: {missing:?}"
    );
}
