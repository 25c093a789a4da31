//! One component per file. Shared pieces that several views use live here.

pub mod briefing;
pub mod changes;
pub mod conflicts;
pub mod details;
pub mod files;
pub mod header;
pub mod list;
pub mod map;
pub mod menu;
pub mod paged;
pub mod picker;
pub mod search;
pub mod shell;
pub mod timeline;
pub mod toolbar;
pub mod tour;

use crate::state::AppState;
use dispute_core::model::EntityRef;
use dispute_core::route::{self, Route};
use leptos::prelude::*;

/// Runs `then` once the map has been on screen for a frame: for work that should not hold up
/// the first drawing (the details' content, the search index). On the host, where the opening
/// screen is rendered to HTML and nothing is on screen yet, at once.
pub fn after_first_drawing(then: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    request_animation_frame(move || request_animation_frame(then));
    #[cfg(not(target_arch = "wasm32"))]
    then();
}

/// A flag that turns true in a task of its own, after the one drawing now: a part drawn only
/// once it is true comes in a later task than the parts beside it, so no one task holds a slow
/// phone for the whole screen. On the host, where the screen is rendered to HTML in one go,
/// true at once.
pub fn in_a_later_task() -> RwSignal<bool> {
    let ready = RwSignal::new(false);
    // The part may be gone by then, when another file came in at once.
    crate::loading::later(move || {
        let _ = ready.try_set(true);
    });
    ready
}

/// Calls `then` once nothing under `root` is still to come from a later task (no element
/// marked `data-drawing`), checking once a frame; at once on the host.
pub fn when_complete(root: web_sys::Element, then: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        let pending = root
            .query_selector("[data-drawing]")
            .ok()
            .flatten()
            .is_some();
        if pending && root.is_connected() {
            request_animation_frame(move || when_complete(root, then));
            return;
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = root;
    then();
}

/// Whether the page lays `element` out (it is not inside something hidden with `display`).
pub fn laid_out(element: &web_sys::Element) -> bool {
    element.get_bounding_client_rect().width() > 0.0
}

/// Calls `then` with the element `find` gives, once the page lays it out: at the next frame,
/// or, while the app is still out of sight taking over from the pre-rendered screen, at the
/// first frame after it takes its place (checking once a frame, for at most a minute).
pub fn when_laid_out(
    find: impl Fn() -> Option<web_sys::Element> + 'static,
    then: impl FnOnce(web_sys::Element) + 'static,
) {
    #[cfg(target_arch = "wasm32")]
    {
        fn check(
            find: impl Fn() -> Option<web_sys::Element> + 'static,
            then: impl FnOnce(web_sys::Element) + 'static,
            frames_left: u32,
        ) {
            request_animation_frame(move || match find() {
                Some(element) if laid_out(&element) => then(element),
                Some(element) if element.is_connected() && frames_left > 0 => {
                    check(find, then, frames_left - 1)
                }
                _ => {}
            });
        }
        check(find, then, 3_600);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (find, then);
}

/// At most this many characters of one piece of file text are drawn where it is listed or
/// named; the details of its own entity show more, around what matters.
const SHOWN_CHARACTERS: usize = 1_500;

/// A piece of file text as listed: whole, or its first `SHOWN_CHARACTERS` and a count of the
/// rest, so a ten-megabyte name or quote cannot hold the page while it is laid out.
pub fn shown(text: &str) -> String {
    match text.char_indices().nth(SHOWN_CHARACTERS) {
        None => text.to_owned(),
        Some((cut, _)) => format!(
            "{}… ({} more characters)",
            &text[..cut],
            text[cut..].chars().count()
        ),
    }
}

/// A link to a route, followed by `follow`.
#[component]
pub fn RouteLink(
    /// Where it goes; a closure, so it can follow the current view.
    #[prop(into)]
    to: Signal<Route>,
    /// The link's text.
    children: Children,
    /// CSS class.
    #[prop(optional, into)]
    class: Option<&'static str>,
    /// `data-kind` of the entity it selects, if it selects one.
    #[prop(optional, into)]
    kind: Option<&'static str>,
    /// `data-id` of the entity it selects, if it selects one.
    #[prop(optional, into)]
    id: Option<String>,
    /// `aria-current`: `"true"` for the selected entity, `"page"` for the open view's tab.
    #[prop(optional, into)]
    current: Option<Signal<Option<&'static str>>>,
    /// `data-view` of the view it opens, for a view tab.
    #[prop(optional, into)]
    view: Option<&'static str>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let on_click = move |event: leptos::ev::MouseEvent| follow(state, event, to.get_untracked());
    view! {
        <a href=move || route::format(&to.get()) class=class data-kind=kind data-id=id data-view=view aria-current=current on:click=on_click>
            {children()}
        </a>
    }
}

/// A link's click: the browser follows it where the map owns the URL hash; otherwise it is
/// handled here, so an embedded map never moves its host page's hash. A link that selects an
/// entity is the user's selection: the details panel opens on it and focus follows.
fn follow(state: AppState, event: leptos::ev::MouseEvent, to: Route) {
    if to.selection.is_some() {
        state.focus_details.set(true);
        if !state.panel_open.get_untracked() {
            state.panel_open.set(true);
        }
    }
    if !state.use_hash {
        event.prevent_default();
        state.navigate(to);
    }
}

/// A link that selects an entity. It carries `data-kind` and `data-id` like every rendered entity.
#[component]
pub fn EntityLink(
    /// The id of the entity, of any kind.
    id: String,
    /// The text to show; the entity's own label when absent.
    #[prop(optional, into)]
    label: Option<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let dataset = state.dataset();
    let kind = dataset.as_ref().and_then(|dataset| dataset.kind_of(&id));
    let label = label
        .or_else(|| {
            dataset
                .as_ref()
                .and_then(|dataset| dataset.label(&id))
                .map(str::to_owned)
        })
        .unwrap_or_else(|| id.clone());
    let label = shown(&label);
    match kind {
        Some(kind) => {
            let entity = EntityRef::new(kind, id.clone());
            // Entity links live in parts drawn anew for each view (see `AppState::scoped`).
            let route = Route {
                view: Some(state.view.get_untracked()),
                selection: Some(entity.clone()),
            };
            if state.fixed_links {
                // Drawn anew on every selection: nothing here needs watching.
                let current = state
                    .selection
                    .with_untracked(|selected| selected.as_ref() == Some(&entity))
                    .then_some("true");
                let href = route::format(&route);
                let on_click = move |event| follow(state, event, route.clone());
                return view! {
                    <a href=href class="entity-link" data-kind=kind.as_str() data-id=id aria-current=current on:click=on_click><bdi>{label}</bdi></a>
                }
                .into_any();
            }
            let to = Signal::stored(route);
            let current = Signal::derive(move || state.is_selected(&entity).then_some("true"));
            view! { <RouteLink to class="entity-link" kind=kind.as_str() id=id current><bdi>{label}</bdi></RouteLink> }.into_any()
        }
        // Validation makes this unreachable for loaded data; show the text rather than a dead link.
        None => view! { <span class="entity-link missing"><bdi>{label}</bdi></span> }.into_any(),
    }
}
