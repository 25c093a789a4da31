//! `cargo run -p dispute-cli --bin diff-dispute -- OLD NEW [--json]`: what changed between two
//! versions of a dispute file (JSON or workbooks), each checked like any file first. Prints the
//! changes grouped by kind, one line each with the fields that changed and their old and new
//! values; `--json` prints them as a JSON array of `{"kind", "id", "change", "name", "fields"}`.
//! Exits 0 when the files hold the same dispute, 1 when they differ (like `diff`), 2 when one
//! cannot be read or is not a valid dispute file.

use dispute_core::dataset::{changes, Change, ChangeKind};
use dispute_core::model::DisputeFile;
use std::process::ExitCode;

const USAGE: &str = "usage: diff-dispute OLD NEW [--json]\nPrints what changed from the older dispute file to the newer one (.json, or workbooks: .xlsx, .xls, .ods). Exit status: 0 the same, 1 different, 2 a file cannot be read.";

/// A file read and checked like any: its dispute, or every problem, named by its path.
fn read(path: &str) -> Result<DisputeFile, Vec<String>> {
    let bytes =
        std::fs::read(path).map_err(|problem| vec![format!("cannot be read: {problem}")])?;
    let dataset = if dispute_sheet::is_workbook(path) {
        dispute_sheet::check(&bytes).map(|checked| checked.dataset)?
    } else {
        let text = dispute_core::dataset::text_of(bytes).map_err(|problem| vec![problem])?;
        dispute_core::dataset::parse(&text)
            .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?
    };
    Ok(dataset.file)
}

fn shorten(text: &str) -> String {
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(120) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}

fn print_lines(found: &[Change]) {
    let mut kind = None;
    for change in found {
        if kind != Some(change.kind) {
            kind = Some(change.kind);
            let count = found
                .iter()
                .filter(|other| other.kind == change.kind)
                .count();
            println!("{} ({count}):", change.kind.collection());
        }
        let mark = match change.change {
            ChangeKind::Added => "+",
            ChangeKind::Removed => "-",
            ChangeKind::Changed => "~",
        };
        println!(
            "  {mark} {} {} {} \"{}\"",
            change.kind.as_str(),
            change.id,
            change.change.as_str(),
            shorten(&change.name)
        );
        for field in &change.fields {
            let value = |value: &Option<String>| {
                value.as_deref().map_or("(none)".to_owned(), |value| {
                    format!("\"{}\"", shorten(value))
                })
            };
            println!(
                "      {}: {} → {}",
                field.field,
                value(&field.old),
                value(&field.new)
            );
        }
    }
}

fn main() -> ExitCode {
    let args = match dispute_cli::Args::parse(std::env::args().skip(1), &[]) {
        Ok(args) => args,
        Err(problem) => {
            eprintln!("{problem}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let unknown: Vec<&String> = args.flags.iter().filter(|flag| *flag != "--json").collect();
    if args.files.len() != 2 || !unknown.is_empty() {
        if let Some(flag) = unknown
            .first()
            .filter(|flag| **flag != "-h" && **flag != "--help")
        {
            eprintln!("diff-dispute: no option {flag}");
        }
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let mut files = Vec::new();
    for path in &args.files {
        match read(path) {
            Ok(file) => files.push(file),
            Err(problems) => {
                eprintln!("{path}: not a dispute file the app can show:");
                for problem in problems.iter().take(20) {
                    eprintln!("  {problem}");
                }
                if problems.len() > 20 {
                    eprintln!("  … and {} more", problems.len() - 20);
                }
                return ExitCode::from(2);
            }
        }
    }
    let (old, new) = (&files[0], &files[1]);
    let found = changes(old, new);
    if args.flag("--json") {
        match serde_json::to_string_pretty(&found) {
            Ok(json) => println!("{json}"),
            Err(problem) => {
                eprintln!("the changes could not be written: {problem}");
                return ExitCode::from(2);
            }
        }
    } else if found.is_empty() {
        println!("The two files hold the same dispute.");
    } else {
        if !dispute_core::dataset::changes::related(old, new) {
            println!("Note: these look like two different disputes (no dispute id, party or source in common), so everything is added or removed.");
        }
        println!(
            "{} → {}: {} change{}",
            old.as_of,
            new.as_of,
            found.len(),
            if found.len() == 1 { "" } else { "s" }
        );
        print_lines(&found);
    }
    ExitCode::from(if found.is_empty() { 0 } else { 1 })
}
