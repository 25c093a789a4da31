//! Workbooks through the authoring worker (`crates/author`, fetched on first use), so the
//! viewer carries no spreadsheet code: a file as a workbook, the blank template, and a workbook
//! read and checked. Below loading, the comparison and the menu, which all use it.

use crate::host_page::work;
use wasm_bindgen::JsValue;

/// Whether a file name is a workbook's, by its extension.
pub fn is_workbook(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [".xlsx", ".xlsm", ".xls", ".ods"]
        .iter()
        .any(|extension| name.ends_with(extension))
}

/// A dispute file's text as the base64 of its workbook.
pub async fn workbook_of(text: &str) -> Result<String, Vec<String>> {
    work("workbook_of", &[JsValue::from_str(text)], &[])
        .await?
        .as_string()
        .ok_or_else(|| vec!["the spreadsheet tools returned no workbook".to_owned()])
}

/// The blank workbook with its README sheet, as base64.
pub async fn template() -> Result<String, Vec<String>> {
    work("template", &[], &[])
        .await?
        .as_string()
        .ok_or_else(|| vec!["the spreadsheet tools returned no template".to_owned()])
}

/// A workbook read and checked: the dispute file's JSON text and the warnings (each named by
/// its cell); or every problem, each named by its cell.
pub async fn file_of_workbook(bytes: &[u8]) -> Result<(String, Vec<String>), Vec<String>> {
    let array = js_sys::Uint8Array::from(bytes);
    let buffer = array.buffer();
    let result = work("file_of_workbook", &[array.into()], &[buffer.into()]).await?;
    let parts = js_sys::Array::from(&result);
    let mut parts = parts.iter().filter_map(|part| part.as_string());
    let json = parts
        .next()
        .ok_or_else(|| vec!["the spreadsheet tools returned no file".to_owned()])?;
    Ok((json, parts.collect()))
}
