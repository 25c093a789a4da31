//! Start-up: find the host element, load the dispute, follow the URL hash, and report a panic
//! visibly instead of leaving a frozen page.

use crate::components::conflicts::Conflicts;
use crate::components::details::Details;
use crate::components::list::List;
use crate::components::map::Map;
use crate::components::timeline::Timeline;
use crate::components::toolbar::Toolbar;
use crate::route::{self, Route, View};
use crate::dataset;
use crate::state::{AppState, Loaded, Origin};
use leptos::ev;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The attribute that marks the element a host page wants the map in.
const HOST_SELECTOR: &str = "[data-dispute-map]";

/// Mounts the app into the host page's `[data-dispute-map]` element, or into the body.
pub fn mount() {
    let host = document()
        .query_selector(HOST_SELECTOR)
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    match host {
        Some(host) => {
            // The host's placeholder ("Loading…") gives way to the app.
            host.set_text_content(None);
            leptos::mount::mount_to(host, App).forget();
        }
        None => leptos::mount::mount_to_body(App),
    }
}

/// The panic hook: logs to the console and shows the message in a `role="alert"` element, so a
/// crash is never a blank or silently frozen page.
pub fn report_panic(info: &std::panic::PanicHookInfo<'_>) {
    console_error_panic_hook::hook(info);
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
    let Ok(alert) = document.create_element("div") else { return };
    alert.set_class_name("fatal-error");
    let _ = alert.set_attribute("role", "alert");
    alert.set_text_content(Some(&format!(
        "The dispute map stopped because of an internal error: {info}. Reload the page to start again; if it happens again, please report this message."
    )));
    let parent = document.query_selector(HOST_SELECTOR).ok().flatten().or_else(|| document.body().map(Into::into));
    if let Some(parent) = parent {
        let _ = parent.prepend_with_node_1(&alert);
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);

    state.follow(&location_hash().unwrap_or_default());
    let _ = window_event_listener(ev::hashchange, move |_| {
        state.follow(&location_hash().unwrap_or_default());
    });
    // Escape clears the selection, wherever focus is, except inside a field being typed in.
    let _ = window_event_listener(ev::keydown, move |event| {
        let typing = event.target().and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some();
        if event.key() == "Escape" && !typing && state.selection.get_untracked().is_some() {
            let hash = route::format(&Route { view: Some(state.view.get_untracked()), selection: None });
            let _ = window().location().set_hash(&hash);
        }
    });

    match data_parameter() {
        Some(url) => {
            let origin = Origin::Url(url.clone());
            state.loaded.set(Loaded::Loading(origin.clone()));
            leptos::task::spawn_local(async move {
                let loaded = match fetch_text(&url).await {
                    Ok(text) => validate(origin, &text),
                    Err(problem) => Loaded::Failed(origin, vec![problem]),
                };
                state.loaded.set(loaded);
            });
        }
        None => state.loaded.set(validate(Origin::Bundled, crate::BUNDLED_DISPUTE)),
    }

    view! {
        <div class="dispute-map">
            <Header />
            <LoadProblems />
            <main class="workspace">
                {move || match state.loaded.get() {
                    Loaded::Loading(_) => view! { <p class="loading" role="status">"Loading the dispute…"</p> }.into_any(),
                    Loaded::Failed(..) => ().into_any(),
                    Loaded::Ready(..) => view! {
                        <div class="view-area">
                            <Toolbar />
                            {move || match state.view.get() {
                                View::Map => view! { <Map /> }.into_any(),
                                View::Timeline => view! { <Timeline /> }.into_any(),
                                View::Conflicts => view! { <Conflicts /> }.into_any(),
                                View::List => view! { <List /> }.into_any(),
                            }}
                        </div>
                        <Details />
                    }
                    .into_any(),
                }}
            </main>
        </div>
    }
}

/// The title of the loaded dispute and what file it came from.
#[component]
fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let heading = move || match state.loaded.get() {
        Loaded::Ready(origin, dataset) => (dataset.file.title.clone(), origin),
        Loaded::Loading(origin) => ("Dispute map".to_owned(), origin),
        Loaded::Failed(origin, _) => ("Dispute map".to_owned(), origin),
    };
    view! {
        <header class="app-header">
            {move || {
                let (title, origin) = heading();
                let provenance = match origin {
                    Origin::Bundled => None,
                    Origin::Url(url) => Some(view! {
                        <p class="provenance">
                            "From " <code>{url}</code> " · " <a href=bundled_address()>"Open the bundled dispute"</a>
                        </p>
                    }),
                };
                view! { <h1>{title}</h1> {provenance} }
            }}
        </header>
    }
}

/// Errors from loading or validating the file, every one of them, with a way back.
#[component]
fn LoadProblems() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let Loaded::Failed(origin, problems) = state.loaded.get() else { return ().into_any() };
        let from = match origin {
            Origin::Bundled => "The bundled dispute".to_owned(),
            Origin::Url(url) => format!("The dispute file {url}"),
        };
        let count = problems.len();
        view! {
            <section class="load-problems" role="alert">
                <h2>{format!("{from} could not be opened ({count} problem{})", if count == 1 { "" } else { "s" })}</h2>
                <ul>{problems.into_iter().map(|problem| view! { <li><code>{problem}</code></li> }).collect_view()}</ul>
                <p><a href=bundled_address()>"Open the bundled dispute instead"</a></p>
            </section>
        }
        .into_any()
    }
}

fn validate(origin: Origin, text: &str) -> Loaded {
    match dataset::parse(text) {
        Ok(dataset) => Loaded::Ready(origin, Arc::new(dataset)),
        Err(errors) => Loaded::Failed(origin, errors.iter().map(ToString::to_string).collect()),
    }
}

/// The `?data=` parameter, if the page was opened with one.
fn data_parameter() -> Option<String> {
    let search = window().location().search().ok()?;
    let parameters = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    parameters.get("data").filter(|value| !value.trim().is_empty())
}

/// This page without its query, which opens the bundled dispute.
fn bundled_address() -> String {
    window().location().pathname().unwrap_or_else(|_| "./".to_owned())
}

async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let describe = |value: wasm_bindgen::JsValue| value.as_string().or_else(|| js_sys::JSON::stringify(&value).ok().map(String::from)).unwrap_or_default();
    let response = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(|problem| format!("{url}: could not be fetched ({})", describe(problem)))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| format!("{url}: the answer was not an HTTP response"))?;
    if !response.ok() {
        return Err(format!("{url}: the server answered {} {}", response.status(), response.status_text()));
    }
    let text = response.text().map_err(|problem| format!("{url}: could not read the body ({})", describe(problem)))?;
    let text = JsFuture::from(text).await.map_err(|problem| format!("{url}: could not read the body ({})", describe(problem)))?;
    text.as_string().ok_or_else(|| format!("{url}: the body is not text"))
}
