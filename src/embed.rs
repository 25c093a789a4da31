//! The app's side of the embedding API: the control object a host element gets (what
//! `<dispute-map>`'s methods and attribute changes call, and a frame's messages), and the
//! events the host page is told of: the reader's selections and views, a file drawn, a file
//! refused. The element itself, the frame messages and `__disputeMapEmit` are the page's
//! (`web/loader.js`); the names are in `host_page`.

use crate::host_page;
use crate::loading::load_address;
use crate::state::{AppState, Loaded};
use dispute_core::model::{EntityKind, EntityRef, View};
use dispute_core::route::Route;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// A plain object from pairs, for an event's detail.
fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (name, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object.into()
}

impl AppState {
    /// Tells the host page: `dispute-map-<kind>` with `detail`.
    fn emit(&self, kind: &str, detail: JsValue) {
        // In a map of an index, every event says which dispute it is about.
        if let Some(dispute) = self.in_dispute.get_untracked() {
            let _ = js_sys::Reflect::set(
                &detail,
                &JsValue::from_str("dispute"),
                &JsValue::from_str(&dispute),
            );
        }
        self.find_root(|root| host_page::emit(root, kind, &detail));
    }

    /// Moves to `route` as the host page asked: no event goes back for it.
    fn host_moves(&self, route: Route) {
        self.host_route.set_value(Some(route.clone()));
        self.navigate(route);
    }

    /// Says in the details what the host page asked for that could not be done.
    fn refuse(&self, problem: String) -> bool {
        self.route_error.set(Some(problem));
        false
    }
}

/// Gives `host` its control object and starts telling the host page what happens.
pub fn connect(state: AppState, host: &web_sys::Element) {
    let select = Closure::<dyn Fn(String) -> bool>::new(move |reference: String| {
        let Some((kind, id)) = reference.split_once('/') else {
            return state.refuse(format!("The page asked for \"{reference}\", which is not <kind>/<id>, such as party/openai."));
        };
        let Some(kind) = EntityKind::parse(kind) else {
            return state.refuse(format!(
                "The page asked for \"{reference}\": \"{kind}\" is not a kind of entity."
            ));
        };
        let entity = EntityRef::new(kind, id.to_owned());
        if !state
            .dataset()
            .is_some_and(|dataset| dataset.contains(&entity))
        {
            return state.refuse(format!(
                "The page asked for {reference}, which this dispute does not have."
            ));
        }
        state.route_error.set(None);
        state.host_moves(Route {
            view: Some(state.view.get_untracked()),
            selection: Some(entity),
        });
        true
    });
    let show = Closure::<dyn Fn(String) -> bool>::new(move |view: String| {
        if view == "tour" {
            state.open_tour_step(1);
            return true;
        }
        let Some(view) = View::parse(&view).filter(|view| *view != View::Changes) else {
            return state.refuse(format!("The page asked for the view \"{view}\"; the views are map, timeline, conflicts, list and tour."));
        };
        state.route_error.set(None);
        state.host_moves(Route {
            view: Some(view),
            selection: state.selection.get_untracked(),
        });
        true
    });
    let clear = Closure::<dyn Fn()>::new(move || {
        state.host_moves(Route {
            view: Some(state.view.get_untracked()),
            selection: None,
        });
    });
    let load = Closure::<dyn Fn(String, String)>::new(move |src: String, timeout: String| {
        let timeout = timeout
            .parse::<u32>()
            .ok()
            .filter(|seconds| (1..=3600).contains(seconds))
            .unwrap_or(dispute_core::config::DEFAULT_TIMEOUT);
        if src.is_empty() {
            crate::loading::load_bundled(state);
        } else {
            load_address(state, src, timeout);
        }
    });
    let compact = Closure::<dyn Fn(bool)>::new(move |on: bool| state.compact.set(on));
    let control = object(&[
        ("select", select.into_js_value()),
        ("show", show.into_js_value()),
        ("clear", clear.into_js_value()),
        ("load", load.into_js_value()),
        ("compact", compact.into_js_value()),
    ]);
    host_page::offer_control(host, &control);

    // The reader's moves, not the host's own.
    let last = StoredValue::new(None::<(View, Option<EntityRef>)>);
    Effect::new(move |_| {
        let now = (state.view.get(), state.selection.get());
        let Some((view, selection)) = last.get_value() else {
            last.set_value(Some(now));
            return;
        };
        last.set_value(Some(now.clone()));
        let asked = state.host_route.try_update_value(Option::take).flatten();
        if asked.is_some_and(|asked| {
            asked.selection == now.1 && asked.view.unwrap_or_default() == now.0
        }) {
            return;
        }
        if now.1 != selection {
            if let Some(entity) = &now.1 {
                state.emit(
                    "select",
                    object(&[
                        ("kind", JsValue::from_str(entity.kind.as_str())),
                        ("id", JsValue::from_str(&entity.id)),
                    ]),
                );
            }
        }
        if now.0 != view {
            state.emit(
                "view",
                object(&[("view", JsValue::from_str(now.0.as_str()))]),
            );
        }
    });
    // A file drawn, or refused.
    Effect::new(move |_| match state.loaded.get() {
        Loaded::Ready(_, dataset, _) => {
            let file = &dataset.file;
            let counts = object(&[
                ("parties", file.parties.len().into()),
                ("contracts", file.contracts.len().into()),
                ("clauses", file.clauses.len().into()),
                ("statements", file.statements.len().into()),
                ("events", file.events.len().into()),
                ("conflicts", file.conflicts.len().into()),
                ("sources", file.sources.len().into()),
            ]);
            let detail = object(&[
                ("title", JsValue::from_str(&file.title)),
                ("counts", counts),
            ]);
            // Once the file is drawn, the parts that come in later tasks too.
            let emit = move || state.emit("load", detail);
            match state.find_root(Clone::clone) {
                Some(root) => crate::components::after_first_drawing(move || {
                    crate::components::when_complete(root, emit)
                }),
                None => emit(),
            }
        }
        Loaded::Failed(_, problems) => {
            let list: js_sys::Array = problems
                .iter()
                .map(|problem| JsValue::from_str(problem))
                .collect();
            state.emit("error", object(&[("problems", list.into())]));
        }
        Loaded::Loading(_) => {}
    });
}
