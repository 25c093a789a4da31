//! `suggest-dispute [--parties FILE] [--as-of YYYY-MM-DD] [--output FILE] ARTICLE...`: proposes
//! a whole draft dispute from one to ten news articles (`.txt` or `.html`): the parties they
//! name, the agreements between them, what happened and when, every statement, the candidate
//! conflicts where the reports disagree and the claim, as a dispute file (`dispute-map/1`) that
//! `check-dispute` accepts. Each article is a source whose id is its file name without the
//! extension and whose text is the file's text. `--parties` seeds the parties already known (a
//! JSON array of `{"id", "name", "aliases"}`); `--as-of` dates the draft (today by default).
//! `--explain` prints instead how the articles were read: each entity named and what it was
//! taken for, and each act with who does it to whom. Exits 2 when an article cannot be read or
//! drafted from.

use dispute_cli::{known_from_args, today, Args};
use dispute_core::draft::{draft, Article};
use dispute_core::text::article::article_text;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: suggest-dispute [--parties FILE] [--as-of YYYY-MM-DD] [--output FILE] [--explain] ARTICLE...\nProposes a draft dispute file from one to ten news articles (.txt or .html).";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            eprintln!("{problem}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let args = Args::parse(
        std::env::args().skip(1),
        &["--parties", "--output", "--as-of"],
    )
    .map_err(|problem| format!("{problem}\n{USAGE}"))?;
    if args.files.is_empty() || args.flag("--help") || args.flag("-h") {
        return Err(USAGE.to_owned());
    }
    if args.option("--dispute").is_some() {
        return Err("suggest-dispute starts a dispute: seed it with --parties FILE".to_owned());
    }
    let known = known_from_args(&args)?;
    let as_of = match args.option("--as-of") {
        Some(date) if matches!(dispute_core::model::parse_calendar_value(date), Ok((_, 3))) => {
            date.to_owned()
        }
        Some(date) => return Err(format!("--as-of {date}: give a day as YYYY-MM-DD")),
        None => today(),
    };
    let mut articles = Vec::new();
    for path in &args.files {
        let id = source_id(path)?;
        let bytes =
            std::fs::read(path).map_err(|problem| format!("{path}: cannot be read: {problem}"))?;
        let text = article_text(&bytes, path)?;
        articles.push(Article {
            id,
            text,
            ..Article::default()
        });
    }
    if args.flag("--explain") {
        println!("{}", dispute_core::draft::explain(&articles)?);
        return Ok(());
    }
    let drafted = draft(&articles, &known.parties, &as_of)?;
    let json =
        serde_json::to_string_pretty(&drafted.file).map_err(|problem| problem.to_string())?;
    match args.option("--output") {
        Some(output) => std::fs::write(output, format!("{json}\n"))
            .map_err(|problem| format!("{output}: cannot be written: {problem}")),
        None => {
            // A closed pipe (`| head`) is no failure of ours.
            let _ = writeln!(std::io::stdout().lock(), "{json}");
            Ok(())
        }
    }
}

/// A source id from a file's name: its stem, lowercased, with runs of other characters made
/// single hyphens ("FT Report 2.txt" is `ft-report-2`).
fn source_id(path: &str) -> Result<String, String> {
    let stem = Path::new(path)
        .file_stem()
        .and_then(|stem| stem.to_str())
        .unwrap_or_default();
    let mut id = String::new();
    for c in stem.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_owned();
    let id = if id.starts_with(|c: char| c.is_ascii_digit()) {
        format!("report-{id}")
    } else {
        id
    };
    if dispute_core::model::is_valid_id(&id) {
        Ok(id)
    } else {
        Err(format!(
            "{path}: its file name gives no source id; name it with letters, e.g. report.txt"
        ))
    }
}
