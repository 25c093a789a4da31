//! The spreadsheet tools, fetched the first time someone opens or downloads a workbook: a wasm
//! module of its own (`crates/author`, built into `dispute-map-author.js`), which
//! `dispute-map.js` imports on request through `__disputeMapAuthor`. The viewer never carries
//! the spreadsheet code; a page without the module (the single-file page) says so.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Between two problems in a message from the module (`dispute_author::SEPARATOR`).
const SEPARATOR: char = '\u{1e}';

/// Whether a file name is a workbook's, by its extension.
pub fn is_workbook(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [".xlsx", ".xlsm", ".xls", ".ods"]
        .iter()
        .any(|extension| name.ends_with(extension))
}

/// The module, fetched and started on first use.
async fn module() -> Result<JsValue, String> {
    let load = js_sys::Reflect::get(&js_sys::global(), &"__disputeMapAuthor".into())
        .ok()
        .and_then(|load| load.dyn_into::<js_sys::Function>().ok())
        .ok_or("the spreadsheet tools are not part of this page (the single-file copy leaves them out); open dispute-map from its web address to use them")?;
    let promise = load
        .call0(&JsValue::NULL)
        .ok()
        .and_then(|promise| promise.dyn_into::<js_sys::Promise>().ok())
        .ok_or("the spreadsheet tools could not be started")?;
    JsFuture::from(promise).await.map_err(|problem| {
        format!(
            "the spreadsheet tools could not be loaded ({}); check the connection and try again",
            message(&problem)
        )
    })
}

/// Calls the module's function `name` with `arguments`.
async fn call(name: &str, arguments: &[JsValue]) -> Result<JsValue, Vec<String>> {
    let module = module().await.map_err(|problem| vec![problem])?;
    let function = js_sys::Reflect::get(&module, &name.into())
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| vec![format!("the spreadsheet tools have no {name}")])?;
    let arguments: js_sys::Array = arguments.iter().collect();
    function
        .apply(&JsValue::NULL, &arguments)
        .map_err(|problem| {
            message(&problem)
                .split(SEPARATOR)
                .map(str::to_owned)
                .collect()
        })
}

fn message(value: &JsValue) -> String {
    value
        .as_string()
        .or_else(|| {
            value
                .dyn_ref::<js_sys::Error>()
                .map(|error| String::from(error.message()))
        })
        .unwrap_or_else(|| "unknown problem".to_owned())
}

/// A dispute file's text as the base64 of its workbook.
pub async fn workbook_of(text: &str) -> Result<String, Vec<String>> {
    call("workbook_of", &[JsValue::from_str(text)])
        .await?
        .as_string()
        .ok_or_else(|| vec!["the spreadsheet tools returned no workbook".to_owned()])
}

/// The blank workbook with its README sheet, as base64.
pub async fn template() -> Result<String, Vec<String>> {
    call("template", &[])
        .await?
        .as_string()
        .ok_or_else(|| vec!["the spreadsheet tools returned no template".to_owned()])
}

/// A workbook read and checked: the dispute file's JSON text and the warnings (each named by
/// its cell); or every problem, each named by its cell.
pub async fn file_of_workbook(bytes: &[u8]) -> Result<(String, Vec<String>), Vec<String>> {
    let array = js_sys::Uint8Array::from(bytes);
    let result = call("file_of_workbook", &[array.into()]).await?;
    let parts = js_sys::Array::from(&result);
    let mut parts = parts.iter().filter_map(|part| part.as_string());
    let json = parts
        .next()
        .ok_or_else(|| vec!["the spreadsheet tools returned no file".to_owned()])?;
    Ok((json, parts.collect()))
}

/// A dispute file's text with `statement` (the JSON of one statement) added at the end.
pub async fn add_statement(text: &str, statement: &str) -> Result<String, Vec<String>> {
    call(
        "add_statement",
        &[JsValue::from_str(text), JsValue::from_str(statement)],
    )
    .await?
    .as_string()
    .ok_or_else(|| vec!["the spreadsheet tools returned no file".to_owned()])
}

/// Where this browser keeps the edited dispute until it is downloaded or discarded, and what it
/// was based on.
const DRAFT_KEY: &str = "dispute-map-draft";
const DRAFT_BASE_KEY: &str = "dispute-map-draft-base";

fn storage() -> Option<web_sys::Storage> {
    #[cfg(target_arch = "wasm32")]
    {
        leptos::prelude::window().local_storage().ok().flatten()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// The draft this browser keeps, with what it was based on, if any.
pub fn draft() -> Option<(String, String)> {
    let storage = storage()?;
    let text = storage.get_item(DRAFT_KEY).ok().flatten()?;
    let base = storage
        .get_item(DRAFT_BASE_KEY)
        .ok()
        .flatten()
        .unwrap_or_else(|| "a dispute".to_owned());
    Some((text, base))
}

/// Keeps the edited dispute in this browser; says why not when the browser refuses (storage
/// full or turned off).
pub fn keep_draft(text: &str, base: &str) -> Result<(), String> {
    let storage = storage().ok_or("this browser does not let the page keep a draft")?;
    storage
        .set_item(DRAFT_KEY, text)
        .and_then(|()| storage.set_item(DRAFT_BASE_KEY, base))
        .map_err(|_| "this browser refused to keep the draft (its storage may be full)".to_owned())
}

/// Forgets the draft.
pub fn discard_draft() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(DRAFT_KEY);
        let _ = storage.remove_item(DRAFT_BASE_KEY);
    }
}
