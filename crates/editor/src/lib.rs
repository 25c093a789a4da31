//! The authoring screens: a Leptos module of its own (built by `tools/post-build.mjs` into
//! `dist/dispute-map-editor.js` and its wasm), which the app fetches the first time someone
//! adds a report, starts a dispute from reports or makes a statement with the quote picker. The
//! viewer carries none of it.
//!
//! The app calls `open` with where to draw (an element of its own page or shadow root), the
//! dispute's JSON text, and two callbacks: `done(json, select)` shows an edited dispute (the app
//! checks it as it checks any file, and answers with its problems, if any) and `close(select)`
//! gives the room back. Heavy work (reading a file, proposing statements, applying an edit) is
//! asked of the authoring worker through `__disputeMapWork` (`bridge`).

mod bridge;
mod changes;
mod disputes;
mod fields;
mod newdispute;
mod queue;
mod report;
mod statement;

use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub use dispute_core::page::Screen;

/// What a screen works on, and how it answers the app.
#[derive(Clone)]
pub struct Session {
    /// The dispute as the app shows it (JSON text); edits start from here.
    pub file: RwSignal<String>,
    done: StoredValue<Option<js_sys::Function>, leptos::reactive::owner::LocalStorage>,
    close: StoredValue<Option<js_sys::Function>, leptos::reactive::owner::LocalStorage>,
}

impl Session {
    /// Asks the app to show an edited dispute; the app checks it like any file and answers
    /// with every problem it has, or none. `select` is an entity to show ("statement/x-1").
    pub fn publish(&self, json: &str, select: Option<&str>) -> Result<(), Vec<String>> {
        let answer = self.done.with_value(|done| {
            done.as_ref().map(|done| {
                done.call2(
                    &JsValue::NULL,
                    &JsValue::from_str(json),
                    &select.map_or(JsValue::NULL, JsValue::from_str),
                )
            })
        });
        match answer {
            Some(Ok(problems)) if js_sys::Array::is_array(&problems) => {
                let problems: Vec<String> = js_sys::Array::from(&problems)
                    .iter()
                    .filter_map(|problem| problem.as_string())
                    .collect();
                if problems.is_empty() {
                    self.file.set(json.to_owned());
                    Ok(())
                } else {
                    Err(problems)
                }
            }
            Some(Ok(_)) => {
                self.file.set(json.to_owned());
                Ok(())
            }
            Some(Err(problem)) => Err(vec![bridge::message(&problem)]),
            None => Err(vec!["the app is no longer listening".to_owned()]),
        }
    }

    /// Closes the screen and gives the room back to the app, showing `select` if given.
    pub fn finish(&self, select: Option<String>) {
        let close = self.close.get_value();
        // After this event is handled: the screen is taken down with the handler's own scope.
        bridge::later(move || {
            close_open();
            if let Some(close) = close {
                let _ = close.call1(
                    &JsValue::NULL,
                    &select.map_or(JsValue::NULL, |select| JsValue::from_str(&select)),
                );
            }
        });
    }
}

thread_local! {
    /// The screen on the page, if one is: dropping its handle takes it down.
    static OPEN: RefCell<Option<Box<dyn std::any::Any>>> = const { RefCell::new(None) };
}

fn close_open() {
    let open = OPEN.with(|open| open.borrow_mut().take());
    drop(open);
}

fn field(request: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(request, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Opens a screen. `request` is `{what, host, file, source?, quote?, done, close}`: `what` is
/// a screen's name (`Screen::name`); `host` the element to draw in.
#[wasm_bindgen]
pub fn open(request: JsValue) -> Result<(), JsValue> {
    let text = |name: &str| field(&request, name).as_string().unwrap_or_default();
    let what = text("what");
    let screen = Screen::named(&what, text("source"), text("quote"))
        .ok_or_else(|| JsValue::from_str(&format!("no authoring screen \"{what}\"")))?;
    let host: web_sys::HtmlElement = field(&request, "host")
        .dyn_into()
        .map_err(|_| JsValue::from_str("no element to draw the authoring screen in"))?;
    let file = text("file");
    let done = field(&request, "done").dyn_into::<js_sys::Function>().ok();
    let close = field(&request, "close").dyn_into::<js_sys::Function>().ok();
    close_open();
    let handle = leptos::mount::mount_to(host, move || {
        let session = Session {
            file: RwSignal::new(file),
            done: StoredValue::new_local(done),
            close: StoredValue::new_local(close),
        };
        provide_context(session);
        view! { <Editor screen /> }
    });
    OPEN.with(|open| *open.borrow_mut() = Some(Box::new(handle)));
    Ok(())
}

/// Takes down the open screen, if any, without answering the app (which asked for it).
#[wasm_bindgen]
pub fn close() {
    close_open();
}

/// The screen asked for.
#[component]
fn Editor(screen: Screen) -> impl IntoView {
    match screen {
        Screen::AddReport => view! { <report::AddReport /> }.into_any(),
        Screen::NewDispute => view! { <newdispute::NewDispute /> }.into_any(),
        Screen::Statement { source, quote } => {
            view! { <statement::StatementForm source quote /> }.into_any()
        }
    }
}
