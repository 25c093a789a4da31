//! The index of disputes on the app's side (`?index=`, `data-index`, `<dispute-map index>`):
//! the index's text fetched like a dispute file, the Disputes view (`#/disputes`) drawn by the
//! screens' module (`crates/editor`, fetched when an index is opened), and one of its disputes
//! opened by its address (`#/d/<dispute>/…`), its file fetched then and only then. The viewer
//! never reads the index itself: the module answers what a dispute's file is and where its
//! parties appear elsewhere (`index_facts`), so a single dispute's reader pays for none of it.

use crate::host_page;
use crate::loading::{fetch_bytes, load_address, next_frame, resolve_address};
use crate::state::{AlsoIn, AppState, IndexShown, Loaded, Origin};
use dispute_core::dataset;
use dispute_core::route::{self, Address, Route};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Fetches the index at `address` and opens what the hash names in it: the Disputes view, or
/// one dispute of it.
pub fn start(state: AppState, address: String, timeout: u32) {
    state
        .loaded
        .set(Loaded::Loading(Origin::Url(address.clone())));
    leptos::task::spawn_local(async move {
        let read = async {
            let url = resolve_address(&address)?;
            let bytes = fetch_bytes(state, &address, timeout).await?;
            let (text, _) =
                dataset::decode_text(bytes).map_err(|problem| format!("{address}: {problem}"))?;
            Ok::<_, String>(IndexShown {
                url,
                text: Arc::from(text),
            })
        };
        match read.await {
            Ok(index) => {
                state.index.set(Some(index));
                let hash = state
                    .use_hash
                    .then(|| window().location().hash().ok())
                    .flatten()
                    .unwrap_or_default();
                follow(state, &hash);
            }
            Err(problem) => state.loaded.set(Loaded::Failed(
                Origin::Url(address),
                vec![format!(
                    "the index of disputes could not be read: {problem}"
                )],
            )),
        }
    });
}

/// Follows a hash in a map of an index: `#/disputes`, `#/d/<dispute>/…`, or a route inside the
/// dispute shown. A map without an index follows it as any map does.
pub fn follow(state: AppState, hash: &str) {
    if state.index.with_untracked(Option::is_none) {
        state.follow(hash);
        return;
    }
    match route::parse_address(hash) {
        Ok(Address::Disputes) => show(state),
        Ok(Address::InDispute(dispute, route)) => open(state, dispute, route),
        // The index's own page: its list, until a dispute is opened.
        Ok(Address::Route(route))
            if route == Route::default() && state.in_dispute.with_untracked(Option::is_none) =>
        {
            show(state)
        }
        _ => {
            state
                .disputes_shown
                .maybe_update(|shown| std::mem::replace(shown, false));
            state.follow(hash);
        }
    }
}

/// Moves to the Disputes view: through the hash when the map owns it.
pub fn go_to_index(state: AppState) {
    if state.use_hash {
        let _ = window().location().set_hash(route::DISPUTES);
    } else {
        show(state);
    }
}

/// Moves to dispute `dispute` of the index, at `route`: through the hash when the map owns it.
pub fn go_to(state: AppState, dispute: &str, route: Route) {
    if state.use_hash {
        let _ = window()
            .location()
            .set_hash(&route::format_in_dispute(dispute, &route));
    } else {
        open(state, dispute.to_owned(), route);
    }
}

/// Shows the Disputes view in place of the dispute.
fn show(state: AppState) {
    state.route_error.set(None);
    state
        .disputes_shown
        .maybe_update(|shown| !std::mem::replace(shown, true));
}

/// Shows dispute `dispute` of the index at `route`: at once when it is the one shown, or else
/// its file fetched, checked and drawn like any other, with where its parties appear in the
/// index's other disputes.
fn open(state: AppState, dispute: String, route: Route) {
    let shown = state.in_dispute.get_untracked().as_deref() == Some(dispute.as_str())
        && state
            .loaded
            .with_untracked(|loaded| !matches!(loaded, Loaded::Failed(..)));
    state
        .disputes_shown
        .maybe_update(|shown| std::mem::replace(shown, false));
    if shown {
        state.apply(route);
        return;
    }
    let Some(index) = state.index.get_untracked() else {
        return;
    };
    state.in_dispute.set(Some(dispute.clone()));
    state.also_in.set(Vec::new());
    state.apply(route);
    state
        .loaded
        .set(Loaded::Loading(Origin::Url(index.url.clone())));
    leptos::task::spawn_local(async move {
        let facts = match facts(&index, &dispute).await {
            Ok(facts) => facts,
            Err(problems) => {
                state.loaded.set(Loaded::Failed(
                    Origin::Url(format!("{} (dispute \"{dispute}\")", index.url)),
                    problems,
                ));
                return;
            }
        };
        state.also_in.set(facts.also);
        load_address(state, facts.file, state.timeout);
    });
}

/// What the index says of one dispute: its file (resolved against the index) and where its
/// parties appear elsewhere; or why it cannot be opened.
struct Facts {
    file: String,
    also: Vec<(String, Vec<AlsoIn>)>,
}

async fn facts(index: &IndexShown, dispute: &str) -> Result<Facts, Vec<String>> {
    let module = host_page::editor().await.map_err(|problem| vec![problem])?;
    let answer = function(&module, "index_facts")
        .map_err(|problem| vec![problem])?
        .call2(
            &JsValue::NULL,
            &JsValue::from_str(&index.text),
            &JsValue::from_str(dispute),
        )
        .map_err(|problem| vec![host_page::message(&problem)])?;
    let strings = |value: JsValue| -> Vec<String> {
        js_sys::Array::from(&value)
            .iter()
            .filter_map(|item| item.as_string())
            .collect()
    };
    let problems = strings(get(&answer, "problems"));
    let file = get(&answer, "file").as_string();
    let file = match (file, problems.is_empty()) {
        (Some(file), true) => file,
        (file, _) => {
            let name = file.map_or_else(|| format!("dispute \"{dispute}\""), |file| file);
            return Err(problems
                .into_iter()
                .map(|problem| format!("{name}: {problem}"))
                .collect());
        }
    };
    let file = web_sys::Url::new_with_base(&file, &index.url)
        .map(|url| url.href())
        .map_err(|_| vec![format!("{file}: the index names no valid address for it")])?;
    let also = js_sys::Array::from(&get(&answer, "also"))
        .iter()
        .filter_map(|pair| {
            let pair = js_sys::Array::from(&pair);
            let party = pair.get(0).as_string()?;
            let links = js_sys::Array::from(&pair.get(1))
                .iter()
                .filter_map(|link| {
                    let text = |name: &str| get(&link, name).as_string();
                    Some(AlsoIn {
                        dispute: text("dispute")?,
                        title: text("title")?,
                        party: text("party")?,
                        role: text("role")?,
                    })
                })
                .collect();
            Some((party, links))
        })
        .collect();
    Ok(Facts { file, also })
}

fn get(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn function(module: &JsValue, name: &str) -> Result<js_sys::Function, String> {
    get(module, name)
        .dyn_into::<js_sys::Function>()
        .map_err(|_| format!("the index's tools have no \"{name}\""))
}

/// Where the screens' module draws the Disputes view, or why it could not.
#[component]
pub fn DisputesHost() -> impl IntoView {
    let state = expect_context::<AppState>();
    let problem = RwSignal::new(None::<String>);
    on_cleanup(|| {
        leptos::task::spawn_local(async {
            if let Ok(module) = host_page::editor().await {
                if let Ok(close) = function(&module, "close_index") {
                    let _ = close.call0(&JsValue::NULL);
                }
            }
        })
    });
    leptos::task::spawn_local(async move {
        let module = host_page::editor().await;
        next_frame().await;
        let (Some(index), Some(host)) = (
            state.index.get_untracked(),
            state.find("[data-testid='disputes-host']"),
        ) else {
            return;
        };
        let opened = module.and_then(|module| {
            let request = js_sys::Object::new();
            let set = |name: &str, value: &JsValue| {
                let _ = js_sys::Reflect::set(&request, &JsValue::from_str(name), value);
            };
            set("host", &host);
            set("index", &JsValue::from_str(&index.text));
            if let Some(from) = state.in_dispute.get_untracked() {
                set("from", &JsValue::from_str(&from));
            }
            let choose = Closure::<dyn Fn(String)>::new(move |dispute: String| {
                go_to(state, &dispute, Route::default());
            });
            set("choose", &choose.into_js_value());
            function(&module, "open_index")?
                .call1(&JsValue::NULL, &request)
                .map(|_| ())
                .map_err(|problem| host_page::message(&problem))
        });
        if let Err(why) = opened {
            problem.set(Some(why));
        }
    });
    view! {
        {move || problem.get().map(|problem| view! {
            <div class="disputes-problem" role="alert">
                <p>{format!("The index of disputes could not be shown: {problem}.")}</p>
            </div>
        })}
        <div class="disputes-host" data-testid="disputes-host"></div>
    }
}

/// "All disputes": the way back from a dispute of an index to its list, which keeps the search.
#[component]
pub fn BackToIndex() -> impl IntoView {
    let state = expect_context::<AppState>();
    let back = move |event: web_sys::MouseEvent| {
        event.prevent_default();
        go_to_index(state);
    };
    view! {
        <nav class="back-to-index" aria-label="Index of disputes">
            <a href=route::DISPUTES data-testid="back-to-index" on:click=back>"← All disputes"</a>
        </nav>
    }
}

/// A party's other disputes in the index, with its role in each; each a link to that dispute
/// with the party selected.
#[component]
pub fn AlsoInList(
    /// The party's id in the dispute shown.
    party: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let links = state.also_in_for(&party);
    (!links.is_empty()).then(|| {
        view! {
            <section class="also-in" data-testid="also-in" aria-labelledby="also-in-title">
                <h3 id="also-in-title">"In other disputes"</h3>
                <ul>
                    {links.into_iter().map(|link| {
                        let target = Route {
                            view: None,
                            selection: Some(dispute_core::model::EntityRef::new(
                                dispute_core::model::EntityKind::Party,
                                link.party.clone(),
                            )),
                        };
                        let href = route::format_in_dispute(&link.dispute, &target);
                        let dispute = link.dispute.clone();
                        let follow = move |event: web_sys::MouseEvent| {
                            event.prevent_default();
                            go_to(state, &dispute, target.clone());
                        };
                        view! {
                            <li>
                                <a href=href data-dispute=link.dispute.clone() on:click=follow>{link.title}</a>
                                {format!(" — {}", role_label(&link.role))}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// A role as the details say it.
fn role_label(role: &str) -> &str {
    match role {
        "claimant" => "a claimant there",
        "respondent" => "a respondent there",
        _ => "named there, on neither side",
    }
}
