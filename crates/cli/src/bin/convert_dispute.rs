//! `cargo run -p dispute-cli --bin convert-dispute -- IN OUT`: turns a dispute file into a
//! workbook (`file.json` → `file.xlsx`) or a workbook into a dispute file (`.xlsx`, `.xls` or
//! `.ods` → `.json`), checking it on the way with the app's rules. `convert-dispute --template
//! OUT.xlsx` writes the blank workbook with its README sheet. Exits 0 when written, 1 when the
//! input has problems (each printed with its path or cell), 2 when a file cannot be read or
//! written.

use std::process::ExitCode;

const USAGE: &str = "usage: convert-dispute IN.json OUT.xlsx | convert-dispute IN.xlsx OUT.json | convert-dispute --template OUT.xlsx\nTurns a dispute-map file into a workbook and back, checking it with the app's rules.";

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match arguments.as_slice() {
        [flag, output] if flag == "--template" => write(output, dispute_sheet::template()),
        [input, output] if !input.starts_with('-') => convert(input, output),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => ExitCode::from(code),
    }
}

fn convert(input: &str, output: &str) -> Result<(), u8> {
    let bytes = std::fs::read(input).map_err(|problem| {
        eprintln!("{input}: cannot be read: {problem}");
        2
    })?;
    let problems = |problems: Vec<String>| {
        println!(
            "{input}: {} problem{}",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        );
        for problem in problems {
            println!("  {problem}");
        }
        1
    };
    match (
        dispute_sheet::is_workbook(input),
        dispute_sheet::is_workbook(output),
    ) {
        (true, false) => {
            let checked = dispute_sheet::check(&bytes).map_err(problems)?;
            for warning in &checked.warnings {
                println!("  warning: {warning}");
            }
            write(output, checked.json.into_bytes())
        }
        (false, true) => {
            let text =
                dispute_core::dataset::text_of(bytes).map_err(|problem| problems(vec![problem]))?;
            let dataset = dispute_core::dataset::parse(&text)
                .map_err(|errors| problems(errors.iter().map(ToString::to_string).collect()))?;
            let workbook = dispute_sheet::to_workbook(&dataset.file)
                .map_err(|problem| problems(vec![problem]))?;
            write(output, workbook)
        }
        _ => {
            eprintln!("{input} → {output}: one of the two must be a workbook (.xlsx) and the other JSON\n{USAGE}");
            Err(2)
        }
    }
}

fn write(output: &str, bytes: Vec<u8>) -> Result<(), u8> {
    std::fs::write(output, bytes).map_err(|problem| {
        eprintln!("{output}: cannot be written: {problem}");
        2
    })?;
    println!("{output}: written");
    Ok(())
}
