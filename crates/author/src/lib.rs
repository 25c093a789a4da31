//! The spreadsheet tools for the browser: a wasm module of its own (built by
//! `tools/post-build.mjs` into `dist/dispute-map-author.js` and its `_bg.wasm`), fetched by the
//! app only when someone opens or downloads a workbook. calamine and rust_xlsxwriter weigh
//! several times the viewer, so the viewer never carries them.
//!
//! Everything crosses the boundary as text: workbooks as base64, problems as lines.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use wasm_bindgen::prelude::*;

/// Between two problems in a thrown message: a character no problem's text holds (the record
/// separator), so a quote with a line break stays one problem.
pub const SEPARATOR: &str = "\u{1e}";

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
    JsValue::from(problems.join(SEPARATOR))
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
