//! `score-suggestions [--misses] FILE...`: scores the suggestion engine against the hand-made
//! statements of dispute files. For each source with a text the engine reads it with the file's
//! parties only (never its statements); the figures are printed per source, per file and in
//! all, each against its budget. `--misses` lists every statement not covered, suggestion not
//! matched and field that differs. Exits 1 when the total misses a budget, 2 when a file cannot
//! be read.

use dispute_core::suggest::score::{ratio, score_file, Miss, Score, BUDGETS};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match dispute_cli::Args::parse(std::env::args().skip(1), &[]) {
        Ok(args) => args,
        Err(problem) => {
            eprintln!("{problem}");
            return ExitCode::from(2);
        }
    };
    if args.files.is_empty() || args.flag("--help") || args.flag("-h") {
        eprintln!("usage: score-suggestions [--misses] FILE...\nScores the suggestion engine against the statements of dispute files.");
        return ExitCode::from(2);
    }
    let show_misses = args.flag("--misses");
    let mut total = Score::default();
    for path in &args.files {
        let dataset = match std::fs::read(path)
            .map_err(|problem| problem.to_string())
            .and_then(dispute_core::dataset::text_of)
            .and_then(|text| {
                dispute_core::dataset::parse(&text).map_err(|errors| {
                    format!("{} problems, the first: {}", errors.len(), errors[0])
                })
            }) {
            Ok(dataset) => dataset,
            Err(problem) => {
                eprintln!("{path}: cannot be scored: {problem}");
                return ExitCode::from(2);
            }
        };
        let mut file_total = Score::default();
        for (source, score, misses) in score_file(&dataset.file) {
            println!("{path} {source}: {}", line(&score));
            if show_misses {
                for miss in misses {
                    println!("    {}", describe(&miss));
                }
            }
            file_total.add(score);
        }
        println!("{path}: {}", line(&file_total));
        total.add(file_total);
    }
    println!();
    println!(
        "all files ({} statements, {} suggestions):",
        total.statements, total.suggestions
    );
    for ((name, part, whole), (_, budget)) in total.figures().iter().zip(BUDGETS) {
        let value = ratio(*part, *whole);
        println!(
            "  {name:<34} {:>6.1}%  ({part}/{whole})  budget ≥ {:.0}%  {}",
            value * 100.0,
            budget * 100.0,
            if value >= budget { "PASS" } else { "FAIL" }
        );
    }
    if total.passes() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn line(score: &Score) -> String {
    score
        .figures()
        .iter()
        .map(|(name, part, whole)| format!("{name} {part}/{whole}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn describe(miss: &Miss) -> String {
    match miss {
        Miss::NotCovered { id } => format!("not covered: {id}"),
        Miss::Unmatched { quote } => format!("no statement for: {quote}"),
        Miss::Field {
            id,
            field,
            expected,
            suggested,
            quote,
            reason,
        } => format!("{id}: {field} {expected}, suggested {suggested} ({reason}): {quote}"),
    }
}
