//! The authoring tools' heavy work for the browser: a wasm module of its own (built by
//! `tools/post-build.mjs` into `dist/dispute-map-author.js` and its `_bg.wasm`), run in a Web
//! Worker (`web/author-worker.js`) that the page starts on first use, so reading a workbook or
//! proposing the statements of a long filing never holds the page. calamine and
//! rust_xlsxwriter weigh several times the viewer, so the viewer never carries them.
//!
//! Everything crosses the boundary as text: workbooks as base64, files and suggestions as
//! JSON, problems as lines. A panic's message is kept (`last_panic`) for the worker to report
//! in words after the trap that follows it.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use dispute_core::page::SEPARATOR;
use dispute_core::suggest::{self, Known};
use serde::Serialize;
use std::sync::Mutex;
use wasm_bindgen::prelude::*;

/// The message of the last panic, kept by the hook `start` sets.
static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

/// Run once when the module starts: keeps a panic's message, which the trap that ends the call
/// would otherwise lose.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = info.to_string();
        }
    }));
}

/// The message of the last panic, or nothing: the worker asks after a trap.
#[wasm_bindgen]
pub fn last_panic() -> String {
    LAST_PANIC
        .lock()
        .map(|last| last.clone())
        .unwrap_or_default()
}

/// The workbook of a dispute file's JSON text, as base64 of its `.xlsx` bytes; or, thrown, why
/// it cannot be written.
#[wasm_bindgen]
pub fn workbook_of(json: &str) -> Result<String, JsValue> {
    let dataset = dispute_core::dataset::parse(json)
        .map_err(|errors| lines(errors.iter().map(ToString::to_string).collect()))?;
    let bytes =
        dispute_sheet::to_workbook(&dataset.file).map_err(|problem| lines(vec![problem]))?;
    Ok(STANDARD.encode(bytes))
}

/// The blank workbook with its README sheet, as base64.
#[wasm_bindgen]
pub fn template() -> String {
    STANDARD.encode(dispute_sheet::template())
}

/// A workbook's bytes read and checked: the dispute file's JSON text first, then each warning,
/// one per element; or, thrown, every problem, each named by its cell.
#[wasm_bindgen]
pub fn file_of_workbook(bytes: &[u8]) -> Result<Vec<String>, JsValue> {
    let checked = dispute_sheet::check(bytes).map_err(lines)?;
    Ok(std::iter::once(checked.json)
        .chain(checked.warnings)
        .collect())
}

fn lines(problems: Vec<String>) -> JsValue {
    JsValue::from(problems.join(&SEPARATOR.to_string()))
}

/// A dispute file's JSON text with one more statement (given as the JSON of a statement) at
/// the end of its list, written out again; or, thrown, why not. The app checks the result as
/// it checks any file.
#[wasm_bindgen]
pub fn add_statement(file_json: &str, statement_json: &str) -> Result<String, JsValue> {
    let mut file: dispute_core::model::DisputeFile = serde_json::from_str(file_json)
        .map_err(|problem| lines(vec![format!("the dispute: {problem}")]))?;
    let statement: dispute_core::model::Statement = serde_json::from_str(statement_json)
        .map_err(|problem| lines(vec![format!("the new statement: {problem}")]))?;
    file.statements.push(statement);
    serde_json::to_string_pretty(&file)
        .map(|json| json + "\n")
        .map_err(|problem| lines(vec![problem.to_string()]))
}

/// A dispute file's JSON text with an edit applied (`dispute_core::edit::Edit` as JSON),
/// written out again; or, thrown, why not. The app checks the result as it checks any file.
#[wasm_bindgen]
pub fn edit(file_json: &str, edit_json: &str) -> Result<String, JsValue> {
    dispute_core::edit::apply_json(file_json, edit_json).map_err(|problem| lines(vec![problem]))
}

/// An article's text from a file's bytes or a paste: markup dropped, paragraphs kept; or,
/// thrown, what it is instead (a PDF, an image, empty…).
#[wasm_bindgen]
pub fn article_text(bytes: &[u8], name: &str) -> Result<String, JsValue> {
    dispute_core::text::article::article_text(bytes, name).map_err(|problem| lines(vec![problem]))
}

/// One suggestion as the review queue reads it: byte offsets into the article's text.
#[derive(Serialize)]
struct Proposed<'a> {
    start: usize,
    end: usize,
    sentence_start: usize,
    sentence_end: usize,
    place: &'static str,
    party: Option<&'a str>,
    description: &'a str,
    attribution: &'static str,
    modality: &'static str,
    cites: Option<&'a str>,
    about: &'a [String],
    reason: &'static str,
    summary: String,
    hedge: Option<(usize, usize)>,
}

#[derive(Serialize)]
struct Proposal<'a> {
    suggestions: Vec<Proposed<'a>>,
    /// Sentences no suggestion covers (headings and labels carry no claim and are not here).
    not_carried: Vec<(usize, usize)>,
    sentences: usize,
}

/// Every statement an article supports, proposed for a dispute (its JSON text, for the
/// parties and contracts it knows), as JSON: `{"suggestions": [...], "not_carried": [[start,
/// end], ...], "sentences": n}`, offsets in bytes of the article's UTF-8 text.
#[wasm_bindgen]
pub fn suggest_statements(article: &str, file_json: &str) -> Result<String, JsValue> {
    let known = if file_json.trim().is_empty() {
        Known::default()
    } else {
        let file: dispute_core::model::DisputeFile = serde_json::from_str(file_json)
            .map_err(|problem| lines(vec![format!("the dispute: {problem}")]))?;
        Known::of_file(&file)
    };
    let reading = dispute_core::text::read(article);
    let suggested = suggest::suggest(&reading, &known);
    let ranges: Vec<std::ops::Range<usize>> = suggested
        .suggestions
        .iter()
        .map(|suggestion| suggestion.range.clone())
        .collect();
    let coverage = suggest::coverage::coverage_of(&reading, &ranges);
    let proposal = Proposal {
        suggestions: suggested
            .suggestions
            .iter()
            .map(|suggestion| {
                let sentence = &reading.sentences[suggestion.sentence].range;
                Proposed {
                    start: suggestion.range.start,
                    end: suggestion.range.end,
                    sentence_start: sentence.start,
                    sentence_end: sentence.end,
                    place: suggestion.place.as_str(),
                    party: suggestion.party.as_deref(),
                    description: &suggestion.description,
                    attribution: suggestion.attribution.as_str(),
                    modality: suggestion.modality.as_str(),
                    cites: suggestion.cites.as_deref(),
                    about: &suggestion.about,
                    reason: suggestion.reason,
                    summary: suggestion.summary(article),
                    hedge: suggestion
                        .hedge
                        .as_ref()
                        .map(|hedge| (hedge.start, hedge.end)),
                }
            })
            .collect(),
        not_carried: coverage
            .not_carried
            .iter()
            .map(|range| (range.start, range.end))
            .collect(),
        sentences: coverage.sentences,
    };
    serde_json::to_string(&proposal).map_err(|problem| lines(vec![problem.to_string()]))
}

/// One article as the page gives it: its words, and a title (its source's id comes from it).
#[derive(serde::Deserialize)]
struct GivenArticle {
    #[serde(default)]
    title: String,
    text: String,
}

/// Where each proposed entity comes from, by byte offsets into its source's text.
#[derive(Serialize)]
struct Evidence<'a> {
    kind: &'static str,
    id: &'a str,
    source: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct Drafted<'a> {
    file: &'a dispute_core::model::DisputeFile,
    evidence: Vec<Evidence<'a>>,
}

/// A whole draft dispute from one to ten articles (JSON: `[{"title", "text"}]`), made on the
/// day `as_of`: `{"file": the dispute file, "evidence": [{"kind", "id", "source", "start",
/// "end"}]}`; or, thrown, what is wrong with the articles.
#[wasm_bindgen]
pub fn draft_dispute(articles_json: &str, as_of: &str) -> Result<String, JsValue> {
    use dispute_core::draft::{draft, Article};
    let given: Vec<GivenArticle> = serde_json::from_str(articles_json)
        .map_err(|problem| lines(vec![format!("the articles: {problem}")]))?;
    let mut taken: Vec<String> = Vec::new();
    let mut articles = Vec::new();
    for (index, article) in given.into_iter().enumerate() {
        let title = match article.title.trim() {
            "" => article
                .text
                .lines()
                .map(str::trim)
                .find(|line| !line.is_empty())
                .unwrap_or("report")
                .to_owned(),
            title => title.to_owned(),
        };
        let words: String = title
            .split_whitespace()
            .take(6)
            .collect::<Vec<_>>()
            .join(" ");
        let id = dispute_core::edit::unique_id(&words, &format!("report-{}", index + 1), |id| {
            taken.iter().any(|known| known == id)
        });
        taken.push(id.clone());
        articles.push(Article {
            id,
            title: Some(title),
            text: article.text,
            ..Article::default()
        });
    }
    let drafted = draft(&articles, &[], as_of).map_err(|problem| lines(vec![problem]))?;
    let evidence = drafted
        .evidence
        .iter()
        .map(|evidence| Evidence {
            kind: evidence.kind.as_str(),
            id: &evidence.id,
            source: &evidence.source,
            start: evidence.range.start,
            end: evidence.range.end,
        })
        .collect();
    serde_json::to_string(&Drafted {
        file: &drafted.file,
        evidence,
    })
    .map_err(|problem| lines(vec![problem.to_string()]))
}

/// What changed from an older version of a dispute to the one shown, both JSON text: the
/// changes as records (`dispute_core::dataset::changes::to_records`), the older file's day
/// (`as_of`), and a note when the two look like different disputes (else empty). The older file
/// is checked like any file; its problems are the error.
#[wasm_bindgen]
pub fn compare(old_json: &str, new_json: &str) -> Result<Vec<String>, JsValue> {
    use dispute_core::dataset::changes;
    let old = dispute_core::dataset::parse(old_json)
        .map_err(|errors| lines(errors.iter().map(ToString::to_string).collect()))?;
    let new = dispute_core::dataset::parse(new_json).map_err(|errors| {
        lines(
            errors
                .iter()
                .map(|error| format!("the dispute shown: {error}"))
                .collect(),
        )
    })?;
    let found = changes::changes(&old.file, &new.file);
    let note = if found.is_empty() {
        "The two files hold the same dispute: nothing changed.".to_owned()
    } else if !changes::related(&old.file, &new.file) {
        "These look like two different disputes (no dispute id, party or source in common), so everything shows as added or removed.".to_owned()
    } else {
        String::new()
    };
    Ok(vec![
        changes::to_records(&found),
        old.file.as_of.clone(),
        note,
    ])
}
