//! Every name the app shares with the page's own scripts, in one place. They are defined by
//! `dist/dispute-map.js` (written from `web/loader.js` by `tools/post-build.mjs`) before the wasm
//! starts, and read here; nothing else in the app reaches for a global.
//!
//! | name | defined by | what it is |
//! |---|---|---|
//! | `__disputeMapBase` | web/loader.js | the address `dispute-map.js` was loaded from, so an embedded map finds its stylesheet |
//! | `__disputeMapPrefetch` | web/loader.js | `{url, response, abort}`: the `?data=` file, fetched beside the wasm |
//! | `__disputeMapWork(name, args, transfer)` | web/loader.js | runs a function of the authoring worker (web/author-worker.js, crates/author); a promise |
//! | `__disputeMapStopWork()` | web/loader.js | ends the work in progress (terminates the worker) |
//! | `__disputeMapEditor()` | web/loader.js | the authoring screens' module (crates/editor), fetched and started once; a promise |
//! | `__disputeMapMemory` | web/loader.js | the wasm's memory, for the benchmark's figures (tools/bench.mjs) |
//! | `DisputeMapStarted` | web/loader.js | an event on `window` once the wasm has started |
//! | `__disputeMapEmit(root, type, detail)` | web/loader.js | tells the host page: `dispute-map-<type>` on the map's host element (and, in a frame, a `dispute-map:<type>` message to the parent) |
//! | `__disputeMapMount()` | the app (embed) | mounts a map in every host element not yet mounted: `<dispute-map>` elements added later call it |
//! | `__disputeMapControl` | the app (embed), on each host element | `{select(ref), show(view), clear(), load(src, timeout), compact(on)}`: what `<dispute-map>`'s methods and attributes, and a frame's messages, call |

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

pub const BASE: &str = "__disputeMapBase";
pub const PREFETCH: &str = "__disputeMapPrefetch";
pub const WORK: &str = "__disputeMapWork";
pub const STOP_WORK: &str = "__disputeMapStopWork";
pub const EDITOR: &str = "__disputeMapEditor";
pub const EMIT: &str = "__disputeMapEmit";
pub const MOUNT: &str = "__disputeMapMount";
pub const CONTROL: &str = "__disputeMapControl";

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

/// Between two problems in a message from the authoring worker (`dispute_author::SEPARATOR`).
const SEPARATOR: char = '\u{1e}';

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

/// The words said when the page has no authoring tools.
pub const NO_TOOLS: &str = "the authoring tools are not part of this page (the single-file copy leaves them out); open dispute-map from its web address to use them";

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
