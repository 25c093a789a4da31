//! `suggest-statements [--dispute FILE | --parties FILE] ARTICLE`: proposes every statement of
//! a news article (a `.txt` or `.html` file), verbatim, attributed and hedged, as a JSON array
//! of `{"quote", "speaker": {"party"?, "description"}, "attribution", "modality", "cites"?,
//! "about"}`. `--dispute` names the parties and contracts of a dispute file; `--parties` reads
//! a JSON array of `{"id", "name", "aliases"}`. Exits 2 when a file cannot be read.

use dispute_cli::{known_from_args, Args};
use dispute_core::suggest::suggest;
use dispute_core::text::article::article_text;
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: suggest-statements [--dispute FILE | --parties FILE] ARTICLE\nProposes the statements of a news article (.txt or .html) as a JSON array.";

/// One suggestion as printed, its fields in the order the documentation gives.
#[derive(Serialize)]
struct Suggested<'a> {
    quote: &'a str,
    speaker: Speaker<'a>,
    attribution: &'static str,
    modality: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    cites: Option<&'a str>,
    about: &'a [String],
}

#[derive(Serialize)]
struct Speaker<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    party: Option<&'a str>,
    description: &'a str,
}

fn main() -> ExitCode {
    let args = match Args::parse(std::env::args().skip(1), &["--dispute", "--parties"]) {
        Ok(args) => args,
        Err(problem) => {
            eprintln!("{problem}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let [path] = &args.files[..] else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let known = match known_from_args(&args) {
        Ok(known) => known,
        Err(problem) => {
            eprintln!("{problem}");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read(path)
        .map_err(|problem| format!("{path}: cannot be read: {problem}"))
        .and_then(|bytes| article_text(&bytes, path))
    {
        Ok(text) => text,
        Err(problem) => {
            eprintln!("{problem}");
            return ExitCode::from(2);
        }
    };
    let suggested = suggest(&dispute_core::text::read(&text), &known);
    let list: Vec<Suggested> = suggested
        .suggestions
        .iter()
        .map(|suggestion| Suggested {
            quote: suggestion.quote(&text),
            speaker: Speaker {
                party: suggestion.party.as_deref(),
                description: &suggestion.description,
            },
            attribution: suggestion.attribution.as_str(),
            modality: suggestion.modality.as_str(),
            cites: suggestion.cites.as_deref(),
            about: &suggestion.about,
        })
        .collect();
    match serde_json::to_string_pretty(&list) {
        Ok(json) => {
            // A closed pipe (`| head`) is no failure of ours.
            let _ = writeln!(std::io::stdout().lock(), "{json}");
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("{problem}");
            ExitCode::from(2)
        }
    }
}
