//! The editor's side of the page: work asked of the authoring worker (through the names in
//! `dispute_core::page`, defined by dist/dispute-map.js), and timers.

use dispute_core::page::{NO_TOOLS, SEPARATOR, STOP_WORK, WORK};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A JavaScript value's message: an error's, or the value as text.
pub fn message(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown problem".to_owned())
}

/// The page's function named `name`, if it defines one.
fn global_function(name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(name))
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok())
}

/// Asks the authoring worker to run `name` with `arguments`; its answer, or every problem.
pub async fn work(name: &str, arguments: &[JsValue]) -> Result<JsValue, Vec<String>> {
    let function = global_function(WORK).ok_or_else(|| vec![NO_TOOLS.to_owned()])?;
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
    if let Some(stop) = global_function(STOP_WORK) {
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
