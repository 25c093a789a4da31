//! The app's side of the authoring tools: their heavy work runs in a worker (`crates/author`,
//! `web/author-worker.js`), their screens in a module of their own (`crates/editor`), both
//! fetched on first use through the names in `host_page`, so the viewer carries none of their
//! code. Here: asking the worker for workbooks, opening an authoring screen in the map's own
//! element, and the draft of edits kept in local storage.

use crate::host_page::{self, work};
use crate::loading::show_edited;
use crate::state::{AppState, Loaded, Origin};
use dispute_core::model::EntityRef;
use dispute_core::route::Route;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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

pub use crate::state::Screen;

impl Screen {
    fn what(&self) -> &'static str {
        match self {
            Screen::AddReport => "add-report",
            Screen::NewDispute => "new-dispute",
            Screen::Statement { .. } => "statement",
        }
    }
}

/// Opens an authoring screen in place of the map's views: fetches the screens' module (once),
/// and hands it the dispute shown, where to draw, and how to answer. Edits it makes reach the
/// screen only as a dispute file's text, checked like any file (`show_edited`), and are kept
/// in this browser as a draft until downloaded or discarded.
pub fn open_screen(state: AppState, screen: Screen) {
    let Loaded::Ready(origin, _, text) = state.loaded.get_untracked() else {
        return;
    };
    // The file the edits start from, kept beside them: what Discard returns to and the edits
    // are compared with.
    let base_text = (!matches!(origin, Origin::Edited(_))).then(|| text.to_string());
    let base = match origin {
        Origin::Edited(base) => base,
        other => other.describe(),
    };
    state.authoring_problem.set(None);
    state.authoring.set(Some(screen.clone()));
    leptos::task::spawn_local(async move {
        let module = host_page::editor().await;
        // The host element is drawn by now (the Shell draws it as soon as a screen is asked for).
        crate::loading::next_frame().await;
        let host = state.find("[data-testid='authoring']");
        let (module, host) = match (module, host) {
            (Ok(module), Some(host)) => (module, host),
            (Err(problem), _) => {
                state.authoring_problem.set(Some(problem));
                return;
            }
            (_, None) => return,
        };
        let request = js_sys::Object::new();
        let set = |name: &str, value: &JsValue| {
            let _ = js_sys::Reflect::set(&request, &JsValue::from_str(name), value);
        };
        set("what", &JsValue::from_str(screen.what()));
        set("host", &host);
        set("file", &JsValue::from_str(&text));
        set("base", &JsValue::from_str(&base));
        if let Screen::Statement { source, quote } = &screen {
            set("source", &JsValue::from_str(source));
            set("quote", &JsValue::from_str(quote));
        }
        let done_base = base.clone();
        let done = Closure::<dyn Fn(String, JsValue) -> JsValue>::new(
            move |json: String, select: JsValue| {
                let problems = js_sys::Array::new();
                match show_edited(state, &json, &done_base) {
                    Ok(()) => {
                        let kept = keep_draft(&json, &done_base)
                            .and_then(|()| base_text.as_deref().map_or(Ok(()), keep_base));
                        state.draft.set(kept.is_ok());
                        if let Err(why) = kept {
                            problems.push(&JsValue::from_str(&format!("the edit is shown, but {why}; download it from the menu to keep it")));
                        }
                        if let Some(entity) = select.as_string().as_deref().and_then(entity_of) {
                            state.navigate(Route {
                                view: Some(state.view.get_untracked()),
                                selection: Some(entity),
                            });
                        }
                    }
                    Err(found) => {
                        for problem in found {
                            problems.push(&JsValue::from_str(&problem));
                        }
                    }
                }
                problems.into()
            },
        );
        let close = Closure::<dyn Fn(JsValue)>::new(move |select: JsValue| {
            state.authoring.set(None);
            if let Some(entity) = select.as_string().as_deref().and_then(entity_of) {
                state.select(entity);
            }
        });
        // Handed to the page for as long as it holds them: a screen may answer after this task.
        set("done", &done.into_js_value());
        set("close", &close.into_js_value());
        let opened = js_sys::Reflect::get(&module, &JsValue::from_str("open"))
            .ok()
            .and_then(|open| open.dyn_into::<js_sys::Function>().ok())
            .ok_or_else(|| "the authoring screens have no way in".to_owned())
            .and_then(|open| {
                open.call1(&JsValue::NULL, &request)
                    .map_err(|problem| host_page::message(&problem))
            });
        if let Err(problem) = opened {
            state.authoring_problem.set(Some(problem));
        }
    });
}

/// Closes the open authoring screen, if any, without a word from it.
pub fn close_screen(state: AppState) {
    if state.authoring.get_untracked().is_none() {
        return;
    }
    leptos::task::spawn_local(async move {
        if let Ok(module) = host_page::editor().await {
            if let Some(close) = js_sys::Reflect::get(&module, &JsValue::from_str("close"))
                .ok()
                .and_then(|close| close.dyn_into::<js_sys::Function>().ok())
            {
                let _ = close.call0(&JsValue::NULL);
            }
        }
        state.authoring.set(None);
    });
}

/// Calls a function of the authoring module (fetched the first time) with one argument.
pub async fn call_editor(name: &str, argument: &JsValue) -> Result<(), String> {
    let module = host_page::editor().await?;
    let function = js_sys::Reflect::get(&module, &JsValue::from_str(name))
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| format!("the authoring screens have no \"{name}\""))?;
    function
        .call1(&JsValue::NULL, argument)
        .map(|_| ())
        .map_err(|problem| host_page::message(&problem))
}

/// "statement/x-1" as an entity.
pub fn entity_of(reference: &str) -> Option<EntityRef> {
    let (kind, id) = reference.split_once('/')?;
    let kind = dispute_core::model::EntityKind::parse(kind)?;
    Some(EntityRef::new(kind, id.to_owned()))
}

/// Where this browser keeps the edited dispute until it is downloaded or discarded, and what it
/// was based on.
const DRAFT_KEY: &str = "dispute-map-draft";
const DRAFT_BASE_KEY: &str = "dispute-map-draft-base";
const DRAFT_BASE_TEXT_KEY: &str = "dispute-map-draft-base-text";

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

/// Keeps the text of the file the edits started from.
fn keep_base(text: &str) -> Result<(), String> {
    let storage = storage().ok_or("this browser does not let the page keep a draft")?;
    storage.set_item(DRAFT_BASE_TEXT_KEY, text).map_err(|_| {
        "this browser refused to keep the file the edits started from (its storage may be full)"
            .to_owned()
    })
}

/// The file the draft's edits started from: what it was, in words, and its text.
pub fn draft_base() -> Option<(String, String)> {
    let storage = storage()?;
    let text = storage.get_item(DRAFT_BASE_TEXT_KEY).ok().flatten()?;
    let (_, base) = draft()?;
    Some((base, text))
}

/// Forgets the draft.
pub fn discard_draft() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(DRAFT_KEY);
        let _ = storage.remove_item(DRAFT_BASE_KEY);
        let _ = storage.remove_item(DRAFT_BASE_TEXT_KEY);
    }
}
