//! `cargo run -p dispute-cli --bin check-dispute -- FILE...`: validates dispute files (JSON, or
//! workbooks: `.xlsx`, `.xls`, `.ods`) with the same rules the app uses, printing every error
//! with its JSON path or its cell, and the warnings of a valid file. Exits 0 when all files are
//! valid (warnings or not), 1 when any is not, 2 when a file cannot be read.

use std::process::ExitCode;

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() || paths.iter().any(|path| path == "-h" || path == "--help") {
        eprintln!("usage: check-dispute FILE...\nValidates dispute-map files (.json, or workbooks: .xlsx, .xls, .ods) and prints every problem with its JSON path or its cell.");
        return ExitCode::from(2);
    }
    let mut worst = 0;
    for path in &paths {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(problem) => {
                eprintln!("{path}: cannot be read: {problem}");
                worst = 2;
                continue;
            }
        };
        let checked = if dispute_sheet::is_workbook(path) {
            dispute_sheet::check(&bytes).map(|checked| (checked.dataset, checked.warnings))
        } else {
            match dispute_core::dataset::text_of(bytes) {
                Ok(text) => dispute_core::dataset::parse(&text)
                    .map(|dataset| {
                        let warnings = dataset.warnings.iter().map(ToString::to_string).collect();
                        (dataset, warnings)
                    })
                    .map_err(|errors| errors.iter().map(ToString::to_string).collect()),
                Err(problem) => Err(vec![problem]),
            }
        };
        match checked {
            Ok((dataset, warnings)) => {
                let file = &dataset.file;
                println!(
                    "{path}: valid ({} sources, {} parties, {} contracts, {} clauses, {} statements, {} events, {} conflicts, {} tour steps)",
                    file.sources.len(),
                    file.parties.len(),
                    file.contracts.len(),
                    file.clauses.len(),
                    file.statements.len(),
                    file.events.len(),
                    file.conflicts.len(),
                    file.tour.len()
                );
                // Sentences of the sources that no statement carries: the sentence audit as a
                // check.
                let mut warnings = warnings;
                warnings.extend(dispute_core::suggest::coverage::not_carried(file));
                let count = warnings.len();
                if count > 0 {
                    println!(
                        "{path}: {count} warning{} (worth a second look; the file is still shown)",
                        if count == 1 { "" } else { "s" }
                    );
                    for warning in &warnings {
                        println!("  warning: {warning}");
                    }
                }
            }
            Err(errors) => {
                println!(
                    "{path}: {} problem{}",
                    errors.len(),
                    if errors.len() == 1 { "" } else { "s" }
                );
                for error in errors {
                    println!("  {error}");
                }
                worst = worst.max(1);
            }
        }
    }
    ExitCode::from(worst)
}
