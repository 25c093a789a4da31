//! The app's side of the authoring tools: their heavy work runs in a worker (`crates/author`,
//! `web/author-worker.js`), their screens in a module of their own (`crates/editor`), both
//! fetched on first use through the names in `host_page`, so the viewer carries none of their
//! code. Here: opening an authoring screen in the map's own element and taking in what it
//! publishes (kept in this browser by `drafts`), and calling the screens' module.

use crate::drafts::{keep_base, keep_draft};
use crate::host_page;
use crate::loading::{next_frame, show_edited};
use crate::state::{AppState, Loaded, Origin, Screen};
use dispute_core::model::EntityRef;
use dispute_core::route::Route;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where what a screen publishes comes from: a new dispute drafted from reports is its own
/// file (`Drafted`, Discard returns to the dispute open before); any other screen edits the
/// dispute shown. Edits to a draft stay that draft's.
fn published_origin(shown: &Origin, screen: &Screen) -> Origin {
    match (shown, screen) {
        (Origin::Edited(_) | Origin::Drafted(_), Screen::NewDispute) => {
            Origin::Drafted(Box::new(shown.started_from().clone()))
        }
        (Origin::Edited(_) | Origin::Drafted(_), _) => shown.clone(),
        (_, Screen::NewDispute) => Origin::Drafted(Box::new(shown.clone())),
        _ => Origin::Edited(Box::new(shown.clone())),
    }
}

/// Opens an authoring screen in place of the map's views: fetches the screens' module (once),
/// and hands it the dispute shown, where to draw, and how to answer. Edits it makes reach the
/// screen only as a dispute file's text, checked like any file (`show_edited`), and are kept
/// in this browser as a draft until downloaded or discarded.
pub fn open_screen(state: AppState, screen: Screen) {
    let Loaded::Ready(shown, _, text) = state.loaded.get_untracked() else {
        return;
    };
    // The file the edits start from, kept beside them: what Discard returns to and the edits
    // are compared with. A draft's is kept already.
    let base_text = (!shown.is_draft()).then(|| text.to_string());
    let origin = published_origin(&shown, &screen);
    state.authoring_problem.set(None);
    state.authoring.set(Some(screen.clone()));
    leptos::task::spawn_local(async move {
        let module = host_page::editor().await;
        // The host element is drawn by now (the Shell draws it as soon as a screen is asked for).
        next_frame().await;
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
        set("what", &JsValue::from_str(screen.name()));
        set("host", &host);
        set("file", &JsValue::from_str(&text));
        if let Screen::Statement { source, quote } = &screen {
            set("source", &JsValue::from_str(source));
            set("quote", &JsValue::from_str(quote));
        }
        let done = Closure::<dyn Fn(String, JsValue) -> JsValue>::new(
            move |json: String, select: JsValue| {
                let problems = js_sys::Array::new();
                match show_edited(state, &json, origin.clone()) {
                    Ok(()) => {
                        let kept = keep_draft(&json, &origin)
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

/// Takes the screens' module's screen down, without a word from it: its host element is gone
/// (the Shell calls this when it stops drawing the host).
pub fn close_editor() {
    leptos::task::spawn_local(async {
        let _ = call_editor("close", &JsValue::NULL).await;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_dispute_is_its_own_draft_and_other_screens_edit_what_is_shown() {
        let file = Origin::File("acme.json".into());
        let edited = Origin::Edited(Box::new(file.clone()));
        let drafted = Origin::Drafted(Box::new(file.clone()));
        let cases = [
            (
                "a report added to a file edits it",
                &file,
                Screen::AddReport,
                edited.clone(),
            ),
            (
                "a new dispute from a file is a draft, back to the file",
                &file,
                Screen::NewDispute,
                drafted.clone(),
            ),
            (
                "a new dispute from edits returns to the edits' file",
                &edited,
                Screen::NewDispute,
                drafted.clone(),
            ),
            (
                "a report added to a draft keeps it a draft",
                &drafted,
                Screen::AddReport,
                drafted.clone(),
            ),
            (
                "a report added to edits keeps them edits",
                &edited,
                Screen::AddReport,
                edited.clone(),
            ),
            (
                "the bundled dispute's new dispute",
                &Origin::Bundled,
                Screen::NewDispute,
                Origin::Drafted(Box::new(Origin::Bundled)),
            ),
        ];
        for (name, shown, screen, expected) in cases {
            assert_eq!(published_origin(shown, &screen), expected, "{name}");
        }
    }
}
