//! `cargo run --release -p dispute-cli --bin generate-dispute -- [PARTIES CONTRACTS CLAUSES STATEMENTS [SEED]]`:
//! writes a synthetic dispute file to standard output. Without arguments it writes the large
//! dispute the benchmark budgets are set for (500 parties, 2,000 contracts, 5,000 clauses,
//! 20,000 statements). The same arguments always give the same file.

use dispute_core::generate::{generate, Size};
use std::process::ExitCode;

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let numbers: Result<Vec<usize>, _> = arguments
        .iter()
        .map(|argument| argument.parse::<usize>())
        .collect();
    let (size, seed) = match numbers.as_deref() {
        Ok([]) => (Size::LARGE, 1),
        Ok([parties, contracts, clauses, statements]) => (
            Size {
                parties: *parties,
                contracts: *contracts,
                clauses: *clauses,
                statements: *statements,
            },
            1,
        ),
        Ok([parties, contracts, clauses, statements, seed]) => (
            Size {
                parties: *parties,
                contracts: *contracts,
                clauses: *clauses,
                statements: *statements,
            },
            *seed as u64,
        ),
        _ => {
            eprintln!("usage: generate-dispute [PARTIES CONTRACTS CLAUSES STATEMENTS [SEED]] > dispute.json");
            return ExitCode::from(2);
        }
    };
    match serde_json::to_string(&generate(size, seed)) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("generate-dispute: {problem}");
            ExitCode::FAILURE
        }
    }
}
