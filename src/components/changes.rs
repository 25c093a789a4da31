//! The Changes view (`#/changes`): what changed since the version the dispute is compared
//! with. The list itself is drawn by the authoring module (`crates/editor`, fetched on first
//! use) into this view's element, so the viewer carries none of it; here are the heading, the
//! older file's problems when it cannot be compared, and the way out.

use crate::state::AppState;
use dispute_core::model::View;
use dispute_core::route::Route;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[component]
pub fn Changes() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Drawn again when another comparison opens while the view is shown.
    move || body(state)
}

fn body(state: AppState) -> AnyView {
    let Some(comparison) = state.comparison.get() else {
        return view! {
            <section class="changes-view" data-testid="changes">
                <h2>"Changes"</h2>
                <p>"Nothing is being compared. Open Menu → Compare with another version… to see what changed since an older file."</p>
            </section>
        }
        .into_any();
    };
    let close = move |_| crate::compare::close(state);
    if !comparison.problems.is_empty() {
        let count = comparison.problems.len();
        return view! {
            <section class="changes-view" data-testid="changes">
                <div class="load-problems" role="alert">
                    <h2><bdi>{format!("{} cannot be compared: {count} problem{}", comparison.against, if count == 1 { "" } else { "s" })}</bdi></h2>
                    <ul>{comparison.problems.iter().take(200).map(|problem| view! { <li><bdi>{problem.clone()}</bdi></li> }).collect_view()}</ul>
                    <button type="button" on:click=close>"Close the comparison"</button>
                </div>
            </section>
        }
        .into_any();
    }
    let count = comparison.changes.len();
    let records = comparison.records.clone();
    let host = NodeRef::<leptos::html::Div>::new();
    let problem = RwSignal::new(None::<String>);
    let drawn_in = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        let Some(host) = host.get() else { return };
        drawn_in.set_value(Some(host.clone().into()));
        let records = records.clone();
        leptos::task::spawn_local(async move {
            if let Err(why) = show(state, host.into(), &records).await {
                problem.set(Some(why));
            }
        });
    });
    on_cleanup(move || {
        // Only what was drawn here: a newer comparison may be drawn already.
        if let Some(host) = drawn_in.try_get_value().flatten() {
            leptos::task::spawn_local(async move {
                let _ = crate::authoring::call_editor("hide_changes", &host.into()).await;
            })
        }
    });
    view! {
        <section class="changes-view" data-testid="changes" aria-labelledby="changes-heading">
            <div class="changes-head">
                <h2 id="changes-heading">
                    <bdi>{format!("Since {}", comparison.against)}</bdi>
                    {(!comparison.as_of.is_empty()).then(|| format!(" (as of {})", comparison.as_of))}
                    {format!(": {count} change{}", if count == 1 { "" } else { "s" })}
                </h2>
                <button type="button" on:click=close>"Close the comparison"</button>
            </div>
            {(!comparison.note.is_empty()).then(|| view! { <p class="changes-note" role="status"><bdi>{comparison.note.clone()}</bdi></p> })}
            {move || problem.get().map(|why| view! { <p role="alert">{format!("The changes could not be shown: {why}.")}</p> })}
            <div class="changes-host" node_ref=host></div>
        </section>
    }
    .into_any()
}

/// Hands the records to the authoring module to draw, with a way to open an entity.
async fn show(state: AppState, host: web_sys::HtmlElement, records: &str) -> Result<(), String> {
    let request = js_sys::Object::new();
    let set = |name: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&request, &JsValue::from_str(name), value);
    };
    set("host", &host);
    set("records", &JsValue::from_str(records));
    let select = Closure::<dyn Fn(String)>::new(move |reference: String| {
        if let Some(entity) = crate::authoring::entity_of(&reference) {
            state.navigate(Route {
                view: Some(View::Changes),
                selection: Some(entity),
            });
        }
    });
    set("select", &select.into_js_value());
    crate::authoring::call_editor("show_changes", &request.into()).await
}
