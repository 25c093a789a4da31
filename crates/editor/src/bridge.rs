//! The editor's side of the page: work asked of the authoring worker (`__disputeMapWork`,
//! defined by dist/dispute-map.js; see src/host_page.rs for every shared name), and timers.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Between two problems in a message from the worker (`dispute_author::SEPARATOR`).
const SEPARATOR: char = '\u{1e}';

/// A JavaScript value's message: an error's, or the value as text.
pub fn message(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown problem".to_owned())
}

/// Asks the authoring worker to run `name` with `arguments`; its answer, or every problem.
pub async fn work(name: &str, arguments: &[JsValue]) -> Result<JsValue, Vec<String>> {
    let function = js_sys::Reflect::get(&js_sys::global(), &"__disputeMapWork".into())
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| {
            vec!["the authoring tools are not part of this page (the single-file copy leaves them out); open dispute-map from its web address to use them".to_owned()]
        })?;
    let arguments: js_sys::Array = arguments.iter().collect();
    let promise = function
        .call2(&JsValue::NULL, &JsValue::from_str(name), &arguments)
        .ok()
        .and_then(|promise| promise.dyn_into::<js_sys::Promise>().ok())
        .ok_or_else(|| vec!["the authoring tools could not be started".to_owned()])?;
    JsFuture::from(promise).await.map_err(|problem| {
        message(&problem)
            .split(SEPARATOR)
            .map(str::to_owned)
            .collect()
    })
}

/// Ends the work in progress (the worker is stopped; the next request starts a new one).
pub fn stop_work() {
    if let Some(stop) = js_sys::Reflect::get(&js_sys::global(), &"__disputeMapStopWork".into())
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok())
    {
        let _ = stop.call0(&JsValue::NULL);
    }
}

/// Runs `then` in a task of its own, after the event being handled.
pub fn later(then: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    leptos::prelude::set_timeout(then, std::time::Duration::ZERO);
    #[cfg(not(target_arch = "wasm32"))]
    then();
}
