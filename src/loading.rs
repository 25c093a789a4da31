//! Getting a dispute file into the app: from the bundle, an address or the user's disk, always
//! through the same validation. Below both start-up and the components, so neither reaches back
//! into the other.
//!
//! An address is loaded only from the page's own origin or one the page lists
//! (`config::may_load_from`), never through a redirect, and within a time limit; the user can
//! cancel it. Whatever the user asked for last wins: a load that finishes after a newer one
//! started is dropped.

use crate::state::{AppState, Loaded, Origin, Pending};
use crate::{drafts, workbooks};
use dispute_core::config::{self, ALLOWED_ORIGINS_META};
use dispute_core::dataset::{self, Dataset, Unchecked, ValidationError};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Validates a file's text into what the app shows: the dataset, or every problem with it.
pub fn validate(origin: Origin, text: &str) -> Loaded {
    shown(origin, Arc::from(text), dataset::parse(text))
}

/// What the app shows of a file's text once it is parsed and checked.
fn shown(origin: Origin, text: Arc<str>, parsed: Result<Dataset, Vec<ValidationError>>) -> Loaded {
    match parsed {
        Ok(dataset) => Loaded::Ready(origin, Arc::new(dataset), text),
        Err(errors) => Loaded::Failed(origin, errors.iter().map(ToString::to_string).collect()),
    }
}

/// Starts a new load, ending the one in progress, and returns its number: only the load with
/// the latest number may show its result.
fn begin(state: AppState, origin: Origin) -> u64 {
    // An authoring screen works on the dispute shown: another one takes its place (the Shell
    // takes the screen down with its host).
    state.authoring.set(None);
    state.pending.update_value(|pending| {
        if let Some(pending) = pending.take() {
            pending.end("replaced");
        }
    });
    state.loads.update_value(|count| *count += 1);
    // What was shown, so a file that fails to open need not lose it.
    let shown = state.loaded.get_untracked();
    if matches!(shown, Loaded::Ready(..)) {
        state.previous.set_value(Some(shown));
    }
    state.loaded.set(Loaded::Loading(origin));
    state.loads.get_value()
}

/// Shows again the dispute shown before a load that failed or was cancelled.
pub fn show_previous(state: AppState) {
    if let Some(previous) = state.previous.get_value() {
        state.loads.update_value(|count| *count += 1);
        state.loaded.set(previous);
    }
}

/// Shows a load's result, unless a newer load has started since.
fn finish(state: AppState, load: u64, loaded: Loaded) {
    if state.loads.get_value() == load {
        state.pending.set_value(None);
        state.loaded.set(loaded);
    }
}

/// Shows the bundled dispute. In the browser its file comes from beside the wasm (fetched
/// once, by dispute-map.js as the wasm is, and kept), and the work comes in tasks of its own
/// (decoding the file, checking it, drawing it), so none holds the page for long on a slow
/// phone.
pub fn load_bundled(state: AppState) {
    let load = begin(state, Origin::Bundled);
    #[cfg(target_arch = "wasm32")]
    leptos::task::spawn_local(async move {
        match bundled_text().await {
            Ok(text) => check_bundled(state, load, text),
            Err(problem) => finish(
                state,
                load,
                Loaded::Failed(
                    Origin::Bundled,
                    vec![format!("the bundled dispute could not be read: {problem}")],
                ),
            ),
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    check_bundled(state, load, Arc::from(dispute_core::BUNDLED_DISPUTE));
}

fn check_bundled(state: AppState, load: u64, text: Arc<str>) {
    later(move || {
        let decoded = Unchecked::of(&text);
        later(move || {
            let checked = decoded.and_then(|decoded| decoded.check(&text));
            let loaded = shown(Origin::Bundled, text, checked);
            later(move || finish(state, load, loaded));
        });
    });
}

/// The bundled dispute's text: the file `dispute.json` beside the wasm, asked for once (the
/// download dispute-map.js started, when it did) and kept, so every map of a page and every
/// return to the bundled dispute share it. A failure is not kept: the next return asks again.
#[cfg(target_arch = "wasm32")]
async fn bundled_text() -> Result<Arc<str>, String> {
    thread_local! {
        static BUNDLED: std::cell::RefCell<Option<js_sys::Promise>> = const { std::cell::RefCell::new(None) };
    }
    let promise = BUNDLED.with(|bundled| {
        bundled
            .borrow_mut()
            .get_or_insert_with(|| {
                wasm_bindgen_futures::future_to_promise(async {
                    fetch_bundled()
                        .await
                        .map(|text| JsValue::from_str(&text))
                        .map_err(|problem| JsValue::from_str(&problem))
                })
            })
            .clone()
    });
    match JsFuture::from(promise).await {
        Ok(text) => Ok(Arc::from(text.as_string().unwrap_or_default())),
        Err(problem) => {
            BUNDLED.with(|bundled| bundled.borrow_mut().take());
            Err(problem
                .as_string()
                .unwrap_or_else(|| crate::host_page::message(&problem)))
        }
    }
}

#[cfg(target_arch = "wasm32")]
async fn fetch_bundled() -> Result<String, String> {
    let address = format!(
        "{}{}",
        crate::host_page::asset_base(),
        dispute_core::page::BUNDLED_FILE
    );
    let request = crate::host_page::prefetched(&address)
        .map_or_else(|| window().fetch_with_str(&address), |(request, _)| request);
    let limit = config::DEFAULT_TIMEOUT;
    let expiry = js_sys::Promise::new(&mut |_, reject| {
        set_timeout(
            move || {
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("timeout"));
            },
            std::time::Duration::from_secs(u64::from(limit)),
        );
    });
    let bytes = read_response(&address, request, &expiry, limit).await?;
    dataset::decode_text(bytes)
        .map(|(text, _)| text)
        .map_err(|problem| format!("{address}: {problem}"))
}

/// Runs `then` in a task of its own, after what is waiting (in the browser); at once elsewhere.
pub fn later(then: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    set_timeout(then, std::time::Duration::ZERO);
    #[cfg(not(target_arch = "wasm32"))]
    then();
}

/// Shows an edited or drafted dispute (`origin`) in place of the one shown, once it passes the
/// same checks as any file; otherwise returns every problem and leaves the shown dispute as it
/// was.
pub fn show_edited(state: AppState, text: &str, origin: Origin) -> Result<(), Vec<String>> {
    match validate(origin, text) {
        Loaded::Failed(_, problems) => Err(problems),
        loaded => {
            state.pending.update_value(|pending| {
                if let Some(pending) = pending.take() {
                    pending.end("replaced");
                }
            });
            state.loads.update_value(|count| *count += 1);
            state.loaded.set(loaded);
            Ok(())
        }
    }
}

/// Discards the unsaved edits (or the new draft) and shows the file they started from: the
/// bundled dispute, or the file opened or loaded before them, from the copy kept beside them.
pub fn discard_edits(state: AppState) {
    let base = drafts::draft_base();
    drafts::discard_draft();
    state.draft.set(false);
    state.comparison.set(None);
    match base {
        Some((origin @ (Origin::File(_) | Origin::Url(_)), text)) => {
            let load = begin(state, origin.clone());
            finish(state, load, validate(origin, &text));
        }
        _ => load_bundled(state),
    }
}

/// Opens the draft this browser keeps; a draft that no longer passes the checks shows its
/// problems, with the way back to the bundled dispute.
pub fn open_draft(state: AppState) {
    let Some((text, origin)) = drafts::draft() else {
        state.draft.set(false);
        return;
    };
    if let Err(problems) = show_edited(state, &text, origin.clone()) {
        let load = begin(state, origin.clone());
        finish(state, load, Loaded::Failed(origin, problems));
    }
}

/// Stops the load in progress and says so, with the way back to the bundled dispute.
pub fn cancel(state: AppState) {
    let origin = match state.loaded.get_untracked() {
        Loaded::Loading(origin) => origin,
        _ => return,
    };
    state.pending.update_value(|pending| {
        if let Some(pending) = pending.take() {
            pending.end("cancelled");
        }
    });
    // A workbook being read in the authoring worker: the worker stops too.
    crate::host_page::stop_work();
    state.loads.update_value(|count| *count += 1);
    state.loaded.set(Loaded::Failed(
        origin,
        vec!["loading was cancelled; nothing from it is shown".to_owned()],
    ));
}

/// Loads the dispute file at `address` (relative to the page), within `timeout` seconds.
pub fn load_address(state: AppState, address: String, timeout: u32) {
    let origin = Origin::Url(address.clone());
    let load = begin(state, origin.clone());
    leptos::task::spawn_local(async move {
        let loaded = match fetch_bytes(state, &address, timeout).await {
            Ok(bytes) => match dataset::decode_text(bytes) {
                Ok((text, note)) => {
                    checking(state, load).await;
                    with_note(validate(origin, &text), note)
                }
                Err(problem) => Loaded::Failed(origin, vec![format!("{address}: {problem}")]),
            },
            Err(problem) => Loaded::Failed(origin, vec![problem]),
        };
        finish(state, load, loaded);
    });
}

/// Reads a file from the user's disk (it never leaves the browser) and shows it, or every
/// reason it cannot be shown. The same text rule as for an address: UTF-8.
pub fn load_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    let origin = Origin::File(name.clone());
    let load = begin(state, origin.clone());
    leptos::task::spawn_local(async move {
        let bytes = JsFuture::from(file.array_buffer())
            .await
            .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec());
        let loaded = match bytes {
            // A workbook goes through the spreadsheet tools, fetched now if they have not been,
            // into the same checks; its problems and warnings are named by their cells.
            Ok(bytes) if workbooks::is_workbook(&name) => {
                checking(state, load).await;
                match workbooks::file_of_workbook(&bytes).await {
                    Ok((json, warnings)) => with_warnings(validate(origin, &json), warnings),
                    Err(problems) => Loaded::Failed(origin, problems),
                }
            }
            Ok(bytes) => match dataset::decode_text(bytes) {
                Ok((text, note)) => {
                    checking(state, load).await;
                    with_note(validate(origin, &text), note)
                }
                Err(problem) => Loaded::Failed(origin, vec![format!("{name}: {problem}")]),
            },
            Err(_) => Loaded::Failed(origin, vec![format!("{name}: could not be read")]),
        };
        finish(state, load, loaded);
    });
}

/// A dataset with a note on how its file was read (UTF-16) first among its warnings.
fn with_note(loaded: Loaded, note: Option<String>) -> Loaded {
    match (loaded, note) {
        (Loaded::Ready(origin, mut dataset, text), Some(note)) => {
            if let Some(dataset) = Arc::get_mut(&mut dataset) {
                dataset.warnings.insert(
                    0,
                    dataset::ValidationError {
                        path: "(file)".to_owned(),
                        message: note,
                    },
                );
            }
            Loaded::Ready(origin, dataset, text)
        }
        (loaded, _) => loaded,
    }
}

/// A workbook's dataset with the warnings the spreadsheet tools found, named by their cells
/// (`Parties!H1: column "notes" is not part of the format; ignored`), in place of the same
/// warnings named by JSON paths.
fn with_warnings(loaded: Loaded, warnings: Vec<String>) -> Loaded {
    match loaded {
        Loaded::Ready(origin, mut dataset, text) => {
            if let Some(dataset) = Arc::get_mut(&mut dataset) {
                dataset.warnings = warnings
                    .into_iter()
                    .map(|warning| match warning.split_once(": ") {
                        Some((place, message)) => dataset::ValidationError {
                            path: place.to_owned(),
                            message: message.to_owned(),
                        },
                        None => dataset::ValidationError {
                            path: "(workbook)".to_owned(),
                            message: warning,
                        },
                    })
                    .collect();
            }
            Loaded::Ready(origin, dataset, text)
        }
        other => other,
    }
}

/// Lets the page paint "Checking…" before a long validation holds the main thread.
async fn checking(state: AppState, load: u64) {
    if state.loads.get_value() == load {
        state.checking.set(true);
        next_frame().await;
        next_frame().await;
        state.checking.set(false);
    }
}

/// Resolves at the next animation frame, when what the last signal changes drew is on the page.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        request_animation_frame(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
    });
    let _ = JsFuture::from(promise).await;
}

/// `address` resolved against the page, when the page lets a file come from it.
pub fn resolve_address(address: &str) -> Result<String, String> {
    check_address(address)
}

/// Whether the page lets a dispute file come from `address`; the address resolved against the
/// page, as the request would be.
fn check_address(address: &str) -> Result<String, String> {
    let location = window().location();
    let base = document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_else(|| location.href().unwrap_or_default());
    let url = web_sys::Url::new_with_base(address, &base)
        .map_err(|_| format!("{address}: refused: it is not a valid address"))?;
    let listed = document()
        .query_selector(&format!("meta[name='{ALLOWED_ORIGINS_META}']"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .map(|content| config::allowed_origins(&content))
        .unwrap_or_default();
    config::may_load_from(
        address,
        &url.protocol(),
        &url.origin(),
        &location.origin().unwrap_or_default(),
        &listed,
    )?;
    Ok(url.href())
}

/// The bytes at `address`: checked against the origin rule first (a refused address is never
/// requested), fetched without following redirects, within `timeout` seconds, and stoppable.
pub async fn fetch_bytes(state: AppState, address: &str, timeout: u32) -> Result<Vec<u8>, String> {
    check_address(address)?;
    let (request, abort) = crate::host_page::prefetched(address).unwrap_or_else(|| {
        let abort = web_sys::AbortController::new().ok();
        let init = web_sys::RequestInit::new();
        init.set_redirect(web_sys::RequestRedirect::Manual);
        if let Some(abort) = &abort {
            init.set_signal(Some(&abort.signal()));
        }
        (window().fetch_with_str_and_init(address, &init), abort)
    });
    // Every wait below races this promise, which a cancel, a newer load or the time limit
    // rejects.
    let mut stop = None;
    let stopper = js_sys::Promise::new(&mut |_, reject| stop = Some(reject));
    let stop = stop.expect("a promise's executor runs at once");
    let expire = stop.clone();
    let timer = set_timeout_with_handle(
        move || {
            let _ = expire.call1(&JsValue::NULL, &JsValue::from_str("timeout"));
        },
        std::time::Duration::from_secs(u64::from(timeout)),
    )
    .ok();
    state.pending.set_value(Some(Pending { stop, abort }));
    let outcome = read_response(address, request, &stopper, timeout).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    if outcome.is_err() {
        // Whatever ended it, the request itself stops too.
        state.pending.with_value(|pending| {
            if let Some(abort) = pending.as_ref().and_then(|pending| pending.abort.as_ref()) {
                abort.abort();
            }
        });
    }
    outcome
}

async fn read_response(
    address: &str,
    request: js_sys::Promise,
    stopper: &js_sys::Promise,
    timeout: u32,
) -> Result<Vec<u8>, String> {
    let describe = |value: JsValue| {
        match value.as_string().as_deref() {
        Some("timeout") => format!(
            "{address}: no answer within {timeout} seconds; the server may be down or the file very large (a longer wait can be set with ?timeout=)"
        ),
        Some("cancelled") | Some("replaced") => format!("{address}: loading was stopped"),
        _ => {
            let message = value
                .dyn_ref::<js_sys::Error>()
                .map(|error| String::from(error.message()))
                .or_else(|| value.as_string())
                .unwrap_or_else(|| "the request failed".to_owned());
            format!("{address}: could not be fetched ({message})")
        }
    }
    };
    let race =
        |promise: js_sys::Promise| js_sys::Promise::race(&js_sys::Array::of2(&promise, stopper));
    let response = JsFuture::from(race(request)).await.map_err(describe)?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| format!("{address}: the answer was not an HTTP response"))?;
    if response.type_() == web_sys::ResponseType::Opaqueredirect {
        return Err(format!(
            "{address}: refused: the server answered with a redirect; dispute files are loaded only as the server serves them, never through a redirect, which could lead to another origin"
        ));
    }
    if !response.ok() {
        return Err(format!(
            "{address}: the server answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    // The bytes, not `text()`: one copy into wasm memory, and the text rule is ours.
    let buffer = response
        .array_buffer()
        .map_err(|problem| format!("{address}: could not read the body ({problem:?})"))?;
    let buffer = JsFuture::from(race(buffer)).await.map_err(describe)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
