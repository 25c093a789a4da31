//! The map's frame once its state exists (`Shell`): skip links, the header, an authoring
//! screen's room, any problems with the file, the toolbar, the open view, the details and the
//! printed briefing. Drawn in the browser by `app::App` and on the host for the pre-rendered
//! opening screen (`crate::prerender`), so both draw the same markup.

use super::briefing::Briefing;
use super::changes::Changes;
use super::conflicts::Conflicts;
use super::details::Details;
use super::files::read_dropped_file;
use super::header::{BackToBundled, Header};
use super::in_a_later_task;
use super::list::List;
use super::map::Map;
use super::timeline::Timeline;
use super::toolbar::Toolbar;
use crate::disputes::{BackToIndex, DisputesHost};
use crate::loading::{cancel, show_previous};
use crate::state::{AppState, Loaded, Origin, Screen};
use dispute_core::route::{Route, View};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What a map shows once its state exists: skip links, the header, any problems with the file,
/// the toolbar, the open view and the details. Rendered in the browser by `App`, and on the host
/// for the pre-rendered opening screen (`crate::prerender`), so both draw the same markup.
#[component]
pub fn Shell() -> impl IntoView {
    let state = expect_context::<AppState>();
    let on_key = move |event: ev::KeyboardEvent| {
        if event.key() != "Escape" || event.default_prevented() {
            return;
        }
        let target = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok());
        let typing = target
            .as_ref()
            .is_some_and(|target| target.tag_name().eq_ignore_ascii_case("input"));
        let in_details = target.as_ref().is_some_and(|target| {
            target
                .closest("[data-testid='details']")
                .ok()
                .flatten()
                .is_some()
        });
        // An authoring screen handles its own keys.
        if typing || state.authoring.with_untracked(Option::is_some) {
            return;
        }
        if state.tour.get_untracked().is_some() {
            event.prevent_default();
            state.leave_tour();
        } else if in_details && state.focus_selected_on_map() {
            // Escape in the details goes back to the entity on the map, still selected.
            event.prevent_default();
        } else if state.selection.get_untracked().is_some() {
            event.prevent_default();
            state.navigate(Route {
                view: Some(state.view.get_untracked()),
                selection: None,
            });
        }
    };
    // Drawn once while a screen is open, whichever screen: the authoring module draws into it.
    let authoring = Memo::new(move |_| state.authoring.with(Option::is_some));
    // The Disputes view or the dispute: drawn anew only when that changes, never on a move
    // inside the dispute.
    let index_shown = Memo::new(move |_| state.disputes_shown.get());
    view! {
        <div class="dispute-map" class:compact=move || state.compact.get() class:embedded=!state.use_hash
                        class:authoring=move || authoring.get()
            class:beside=move || state.authoring.with(|screen| screen == &Some(Screen::NewDispute))
            class:printing-briefing=move || state.briefing.get()
            data-panel=move || if state.panel_open.get() { "open" } else { "closed" }
            data-selection=move || state.selection.with(Option::is_some).then_some("true")
            on:keydown=on_key
            on:dragover=move |event: ev::DragEvent| event.prevent_default()
            on:drop=move |event: ev::DragEvent| read_dropped_file(state, event)>
            {move || if index_shown.get() {
                view! { <DisputesHost /> }.into_any()
            } else {
                view! { <DisputeShown authoring /> }.into_any()
            }}
        </div>
    }
}

/// One dispute: skip links, the header, an authoring screen's room, any problems with the
/// file, the toolbar, the open view, the details and the printed briefing.
#[component]
fn DisputeShown(authoring: Memo<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // The header a task after the frame around it, each task shorter on a slow phone; its
    // place is kept meanwhile.
    let header_drawn = in_a_later_task();
    view! {
            <SkipLinks />
            {move || state.index.with(Option::is_some).then(|| view! { <BackToIndex /> })}
            {move || (!state.compact.get()).then(|| if header_drawn.get() {
                view! { <Header /> }.into_any()
            } else {
                view! { <div class="app-header" data-drawing="partial"></div> }.into_any()
            })}
            {move || authoring.get().then(|| view! { <AuthoringHost /> })}
            <LoadProblems />
            {move || match state.loaded.get() {
                Loaded::Loading(origin) => view! { <Loading origin /> }.into_any(),
                Loaded::Failed(..) => ().into_any(),
                Loaded::Ready(..) => {
                // The toolbar first, the open view in the next task: each task shorter.
                let view_drawn = in_a_later_task();
                view! {
                    <Toolbar />
                    <main class="workspace">
                        <div class="view-area" id="view-area" data-drawing=move || (!view_drawn.get()).then_some("partial")>
                            {move || view_drawn.get().then(|| {
                                let view = state.view.get();
                                provide_context(state.scoped());
                                match view {
                                    View::Map => view! { <Map /> }.into_any(),
                                    View::Timeline => view! { <Timeline /> }.into_any(),
                                    View::Conflicts => view! { <Conflicts /> }.into_any(),
                                                                        View::List => view! { <List /> }.into_any(),
                                    View::Changes => view! { <Changes /> }.into_any(),
                                }
                            })}
                        </div>
                        <Details />
                    </main>
                    <Briefing />
                }
                .into_any()
                }
            }}
    }
}

/// Where an authoring screen draws itself (`crates/editor`), in place of the views; or why it
/// could not open.
#[component]
fn AuthoringHost() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Whatever ends the screen (a new file loading, the screen's own Close), the module's
    // screen goes with the element it draws in.
    on_cleanup(crate::authoring::close_editor);
    view! {
        {move || state.authoring_problem.get().map(|problem| view! {
            <div class="authoring-problem" role="alert">
                <p>{format!("The authoring tools could not open: {problem}.")}</p>
                <button type="button" on:click=move |_| state.authoring.set(None)>"Close"</button>
            </div>
        })}
        <div class="authoring-host" data-testid="authoring"></div>
    }
}

/// A file on its way: where from, whether it is being checked, and a way to stop.
#[component]
fn Loading(
    /// Where the file comes from.
    origin: Origin,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let from = match origin {
        Origin::Url(url) => url,
        other => other.describe(),
    };
    view! {
        <div class="loading">
            <p role="status">
                {move || if state.checking.get() { "Checking the dispute from " } else { "Loading the dispute from " }}
                <bdi>{from}</bdi>"…"
            </p>
            <button type="button" on:click=move |_| cancel(state)>"Cancel"</button>
        </div>
    }
}

/// Links past the header and toolbar, the first thing Tab reaches: to the open view and to
/// the details. They move keyboard focus without touching the address, which holds the route.
#[component]
fn SkipLinks() -> impl IntoView {
    let state = expect_context::<AppState>();
    let skip = move |event: ev::MouseEvent, target: &'static str| {
        event.prevent_default();
        state.focus_first(target);
    };
    view! {
        <nav class="skip-links" aria-label="Skip links">
            <a href="#view-area" on:click=move |event| skip(event, "map")>"Skip to the map"</a>
            <a href="#details" on:click=move |event| skip(event, "details")>"Skip to the details"</a>
        </nav>
    }
}

/// Errors from loading or validating the file, every one of them, with a way back.
#[component]
fn LoadProblems() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let Loaded::Failed(origin, problems) = state.loaded.get() else {
            return ().into_any();
        };
        let from = capitalised(&origin.describe());
        let count = problems.len();
        // The dispute shown before, when there was one, is a click away.
        let previous = state.previous.with_value(|previous| match previous {
            Some(Loaded::Ready(origin, ..)) => Some(origin.describe()),
            _ => None,
        });
        view! {
            <section class="load-problems" role="alert">
                <h2>{format!("{from} could not be opened ({count} problem{})", if count == 1 { "" } else { "s" })}</h2>
                <ul>{problems.into_iter().map(|problem| view! { <li><code>{problem}</code></li> }).collect_view()}</ul>
                <p>
                    {previous.map(|previous| view! {
                        <button type="button" on:click=move |_| show_previous(state)>{format!("Back to {previous}")}</button>
                        " · "
                    })}
                    <BackToBundled label="Open the bundled dispute instead" />
                </p>
            </section>
        }
        .into_any()
    }
}

/// `text` with its first letter a capital.
fn capitalised(text: &str) -> String {
    let mut characters = text.chars();
    characters
        .next()
        .map(|first| first.to_uppercase().chain(characters).collect())
        .unwrap_or_default()
}
