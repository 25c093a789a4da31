//! The header's one compact menu: open a file (JSON or a workbook), export (JSON, a workbook, the
//! blank workbook, annotations, SVG, PNG), print, copy the link. Folded behind a
//! single button so the answer, not the file controls, leads the screen.

use super::files::{
    compare_picked_file, export_annotations, export_json, export_png, export_svg, export_template,
    export_workbook, read_picked_file,
};
use crate::authoring::open_screen;
use crate::state::Screen;
use crate::state::{AppState, Loaded};
use dispute_core::route::View;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Draws the briefing and prints it; it goes again after printing (`App`).
fn print_briefing(state: AppState, _: WriteSignal<Option<String>>) {
    state.briefing.set(true);
    // Two frames: the briefing, its map among it, is drawn before the print is taken.
    request_animation_frame(move || {
        request_animation_frame(move || {
            let _ = window().print();
        })
    });
}

/// The menu button and its panel of actions.
#[component]
pub fn Menu() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (open, set_open) = signal(false);
    let (message, set_message) = signal(None::<String>);
    let ready = move || matches!(state.loaded.get(), Loaded::Ready(..));
    let on_map = move || state.view.get() == View::Map;
    // Every action closes the menu, so the screen is back as it was.
    let act = move |action: fn(AppState, WriteSignal<Option<String>>)| {
        move |_: ev::MouseEvent| {
            set_open.set(false);
            set_message.set(None);
            action(state, set_message);
        }
    };
    let copy_link = move |state: AppState, say: WriteSignal<Option<String>>| {
        let link = state.share_link();
        let promise = window().navigator().clipboard().write_text(&link);
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => say.set(Some("Link copied.".to_owned())),
                Err(_) => say.set(Some(format!("Copy this link: {link}"))),
            }
        });
    };
    let on_key = move |event: ev::KeyboardEvent| {
        if event.key() == "Escape" && open.get_untracked() {
            // Escape closes the menu and nothing else.
            event.prevent_default();
            set_open.set(false);
            state.focus(".menu-button");
        }
    };
    let on_focus_out = move |event: ev::FocusEvent| {
        let inside = event
            .related_target()
            .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
            .zip(
                event
                    .current_target()
                    .and_then(|menu| menu.dyn_into::<web_sys::Node>().ok()),
            )
            .is_some_and(|(target, menu)| menu.contains(Some(&target)));
        if !inside {
            set_open.set(false);
        }
    };
    view! {
        <div class="menu" on:keydown=on_key on:focusout=on_focus_out>
            <button type="button" class="menu-button" aria-expanded=move || open.get().to_string()
                aria-controls="app-menu" on:click=move |_| set_open.update(|open| *open = !*open)>
                "Menu"
            </button>
            <div class="menu-panel" id="app-menu" role="group" aria-label="Open, export, print and share" hidden=move || !open.get()>
                <label class="menu-item file-item">
                    "Open a dispute file…"
                    <input class="visually-hidden" type="file" accept=".json,application/json,.xlsx,.xls,.ods"
                        on:change=move |event| { set_open.set(false); read_picked_file(state, event) } />
                </label>
                <button type="button" class="menu-item" disabled=move || !ready()
                                        on:click=act(|state, _| open_screen(state, Screen::AddReport))>"Add a report…"</button>
                <button type="button" class="menu-item" disabled=move || !ready()
                    on:click=act(|state, _| open_screen(state, Screen::NewDispute))>"New dispute from reports…"</button>
                                <label class="menu-item file-item" class:disabled=move || !ready()>
                    "Compare with another version…"
                    <input class="visually-hidden" type="file" accept=".json,application/json,.xlsx,.xls,.ods"
                        disabled=move || !ready()
                        on:change=move |event| { set_open.set(false); compare_picked_file(state, event) } />
                </label>
                <button type="button" class="menu-item" disabled=move || !ready()
                    on:click=act(|state, _| export_json(state))>"Download JSON"</button>
                <button type="button" class="menu-item" disabled=move || !ready()
                    on:click=act(export_workbook)>"Download as spreadsheet"</button>
                <button type="button" class="menu-item" on:click=act(export_template)>"Download a blank spreadsheet"</button>
                <button type="button" class="menu-item" disabled=move || !ready()
                    on:click=act(|state, _| export_annotations(state))>"Download annotations (W3C)"</button>
                <button type="button" class="menu-item" disabled=move || !ready() || !on_map()
                    on:click=act(export_svg)>"Download SVG"</button>
                <button type="button" class="menu-item" disabled=move || !ready() || !on_map()
                    on:click=act(export_png)>"Download PNG"</button>
                <button type="button" class="menu-item" on:click=act(|_, _| { let _ = window().print(); })>"Print"</button>
                <button type="button" class="menu-item" disabled=move || !ready()
                    on:click=act(print_briefing)>"Print briefing"</button>
                <button type="button" class="menu-item" disabled=move || !ready()
                    on:click=act(copy_link)>"Copy link"</button>
            </div>
            <span class="menu-message" role="status">{message}</span>
        </div>
    }
}
