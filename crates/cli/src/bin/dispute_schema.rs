//! `cargo run -p dispute-cli --bin dispute-schema > data/dispute-map.schema.json`: prints the
//! JSON Schema of the dispute file format, made from the Rust types the app reads files into.
//! A test keeps the committed copy, the types and docs/schema.md in agreement.

fn main() {
    let schema = dispute_core::model::json_schema();
    println!(
        "{}",
        serde_json::to_string_pretty(&schema).expect("a schema is plain JSON")
    );
}
