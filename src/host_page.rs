//! The app's side of the names it shares with the page's own scripts (declared once, with
//! what each is, in `dispute_core::page`). They are defined by `dist/dispute-map.js` (written
//! from `web/loader.js` by `tools/post-build.mjs`) before the wasm starts, and read here;
//! nothing else in the app reaches for a global.

use dispute_core::page::{
    BASE, CONTROL, EDITOR, EMIT, MOUNT, NO_TOOLS, PREFETCH, SEPARATOR, STOP_WORK, WORK,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Tells the host page of the map in `root`: `dispute-map-<kind>` with `detail`.
pub fn emit(root: &web_sys::Element, kind: &str, detail: &JsValue) {
    if let Some(emit) = function(EMIT) {
        let _ = emit.call3(&JsValue::NULL, root, &JsValue::from_str(kind), detail);
    }
}

/// Gives a host element its control object.
pub fn offer_control(host: &web_sys::Element, control: &JsValue) {
    let _ = js_sys::Reflect::set(host, &JsValue::from_str(CONTROL), control);
}

/// Offers the page a way to mount maps in host elements added later.
pub fn offer_mount(mount: &JsValue) {
    let _ = js_sys::Reflect::set(&js_sys::global(), &JsValue::from_str(MOUNT), mount);
}

fn global(name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(name))
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
}

fn function(name: &str) -> Option<js_sys::Function> {
    global(name).and_then(|value| value.dyn_into().ok())
}

/// A JavaScript value's message: an error's, or the value as text.
pub fn message(value: &JsValue) -> String {
    value
        .as_string()
        .or_else(|| {
            value
                .dyn_ref::<js_sys::Error>()
                .map(|error| String::from(error.message()))
        })
        .unwrap_or_else(|| "unknown problem".to_owned())
}

/// Where dispute-map.js was loaded from, so an embedded map finds its stylesheet and the full
/// app wherever the host page is.
pub fn asset_base() -> String {
    global(BASE)
        .and_then(|value| value.as_string())
        .unwrap_or_else(|| "./".to_owned())
}

/// The download dispute-map.js started for `address` beside the wasm, if it did, with its
/// abort handle; taken once, so loading the same address again asks the server again.
pub fn prefetched(address: &str) -> Option<(js_sys::Promise, Option<web_sys::AbortController>)> {
    let prefetch = global(PREFETCH)?;
    let _ = js_sys::Reflect::delete_property(
        js_sys::global().unchecked_ref::<js_sys::Object>(),
        &JsValue::from_str(PREFETCH),
    );
    let wanted = js_sys::Reflect::get(&prefetch, &"url".into()).ok()?;
    if wanted.as_string().as_deref() != Some(address) {
        return None;
    }
    let response = js_sys::Reflect::get(&prefetch, &"response".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let abort = js_sys::Reflect::get(&prefetch, &"abort".into())
        .ok()
        .and_then(|abort| abort.dyn_into().ok());
    Some((response, abort))
}

/// Runs `name` with `arguments` in the authoring worker: its answer, or every problem (the
/// worker's problems come as lines). `transfer` lists buffers handed over rather than copied.
pub async fn work(
    name: &str,
    arguments: &[JsValue],
    transfer: &[JsValue],
) -> Result<JsValue, Vec<String>> {
    let work = function(WORK).ok_or_else(|| vec![NO_TOOLS.to_owned()])?;
    let arguments: js_sys::Array = arguments.iter().collect();
    let transfer: js_sys::Array = transfer.iter().collect();
    let promise = work
        .call3(
            &JsValue::NULL,
            &JsValue::from_str(name),
            &arguments,
            &transfer,
        )
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

/// Ends the authoring work in progress, if any; its promise rejects with "cancelled".
pub fn stop_work() {
    if let Some(stop) = function(STOP_WORK) {
        let _ = stop.call0(&JsValue::NULL);
    }
}

/// The authoring screens' module, fetched and started on first use.
pub async fn editor() -> Result<JsValue, String> {
    let load = function(EDITOR).ok_or_else(|| NO_TOOLS.to_owned())?;
    let promise = load
        .call0(&JsValue::NULL)
        .ok()
        .and_then(|promise| promise.dyn_into::<js_sys::Promise>().ok())
        .ok_or("the authoring screens could not be started")?;
    JsFuture::from(promise).await.map_err(|problem| {
        format!(
            "the authoring screens could not be loaded ({}); check the connection and try again",
            message(&problem)
        )
    })
}
