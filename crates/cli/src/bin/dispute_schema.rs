//! `cargo run -p dispute-cli --bin dispute-schema > data/dispute-map.schema.json`: prints the
//! JSON Schema of the dispute file format, made from the Rust types the app reads files into;
//! with `--index`, the schema of the index of disputes (`data/dispute-index.schema.json`).
//! A test keeps the committed copies, the types and docs/schema.md in agreement.

use std::process::ExitCode;

const USAGE: &str = "usage: dispute-schema [--index]\nPrints the JSON Schema of the dispute file format, or with --index that of the index of disputes (dispute-index/1).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let schema = match args.as_slice() {
        [] => dispute_core::model::json_schema(),
        [flag] if flag == "--index" => dispute_core::index::json_schema(),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    println!(
        "{}",
        serde_json::to_string_pretty(&schema).expect("a schema is plain JSON")
    );
    ExitCode::SUCCESS
}
