//! Getting a dispute file into the app: from the bundle, a URL or the user's disk, always
//! through the same validation. Below both start-up and the components, so neither reaches back
//! into the other.

use crate::state::{Loaded, Origin};
use dispute_core::dataset;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Where dispute-map.js was loaded from (it records this before starting the wasm), so an
/// embedded map finds its stylesheet and the full app wherever the host page is.
pub fn asset_base() -> String {
    js_sys::Reflect::get(&js_sys::global(), &"__disputeMapBase".into())
        .ok()
        .and_then(|value| value.as_string())
        .unwrap_or_else(|| "./".to_owned())
}

/// Validates a file's text into what the app shows: the dataset, or every problem with it.
pub fn validate(origin: Origin, text: &str) -> Loaded {
    match dataset::parse(text) {
        Ok(dataset) => Loaded::Ready(origin, Arc::new(dataset), Arc::from(text)),
        Err(errors) => Loaded::Failed(origin, errors.iter().map(ToString::to_string).collect()),
    }
}

/// The download dispute-map.js started for `url` beside the wasm, if it did; taken once, so
/// loading the same address again asks the server again.
fn prefetched(url: &str) -> Option<js_sys::Promise> {
    let global = js_sys::global();
    let key = wasm_bindgen::JsValue::from_str("__disputeMapPrefetch");
    let prefetch = js_sys::Reflect::get(&global, &key).ok()?;
    if prefetch.is_undefined() {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &key);
    let wanted = js_sys::Reflect::get(&prefetch, &"url".into()).ok()?;
    if wanted.as_string().as_deref() != Some(url) {
        return None;
    }
    js_sys::Reflect::get(&prefetch, &"response".into())
        .ok()?
        .dyn_into()
        .ok()
}

pub async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let describe = |value: wasm_bindgen::JsValue| {
        value
            .as_string()
            .or_else(|| js_sys::JSON::stringify(&value).ok().map(String::from))
            .unwrap_or_default()
    };
    let request = prefetched(url).unwrap_or_else(|| leptos::prelude::window().fetch_with_str(url));
    let response = JsFuture::from(request)
        .await
        .map_err(|problem| format!("{url}: could not be fetched ({})", describe(problem)))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| format!("{url}: the answer was not an HTTP response"))?;
    if !response.ok() {
        return Err(format!(
            "{url}: the server answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    // The bytes, not `text()`: one copy into wasm memory instead of a decode to a JS string and a
    // conversion back, which took tens of milliseconds on a large file.
    let unreadable = |problem| format!("{url}: could not read the body ({})", describe(problem));
    let buffer = response.array_buffer().map_err(unreadable)?;
    let buffer = JsFuture::from(buffer).await.map_err(unreadable)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let text = String::from_utf8(bytes).map_err(|problem| {
        format!(
            "{url}: the file is not UTF-8 text (invalid bytes at byte {})",
            problem.utf8_error().valid_up_to()
        )
    })?;
    // A byte order mark is not part of the JSON.
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}
