//! The index of disputes (`dispute-index/1`), on the module's side, so the viewer's wasm carries
//! none of it: the Disputes view (one card per dispute, a search over every party's names,
//! titles and claims) and what the app needs to open one dispute of it (`index_facts`: its
//! file, its problems, and where its parties appear in the others).

use dispute_core::index::{self, DisputeIndex, IndexEntry};
use dispute_core::route;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The search last typed, kept while the module is loaded: the way back from a dispute to
    /// the index finds the cards as they were left.
    static LAST_SEARCH: RefCell<String> = const { RefCell::new(String::new()) };
    /// The index on the page, if one is: dropping its handle takes it down.
    static OPEN: RefCell<Option<Box<dyn std::any::Any>>> = const { RefCell::new(None) };
}

fn field(request: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(request, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn set(object: &js_sys::Object, name: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(name), value);
}

fn strings<'a>(values: impl IntoIterator<Item = &'a String>) -> js_sys::Array {
    values
        .into_iter()
        .map(|value| JsValue::from_str(value))
        .collect()
}

/// The browser's own lowercasing, so the module carries no Unicode tables.
fn lowercase(text: &str) -> String {
    String::from(js_sys::JsString::from(text).to_lower_case())
}

/// What the app needs to open dispute `dispute` of the index `text`: `{file, title, problems,
/// also: [[party, [{dispute, title, party, role}]]]}`, where `problems` are the index's own
/// (it does not read), or the entry's, or that the index has no such dispute.
#[wasm_bindgen]
pub fn index_facts(text: &str, dispute: &str) -> JsValue {
    let answer = js_sys::Object::new();
    let problems = |list: &[String]| strings(list).into();
    let index = match index::parse(text) {
        Ok(index) => index,
        Err(found) => {
            set(&answer, "problems", &problems(&found));
            return answer.into();
        }
    };
    let Some(entry) = index.entry(dispute) else {
        let known: Vec<String> = index
            .disputes
            .iter()
            .map(|entry| entry.id.clone())
            .collect();
        set(
            &answer,
            "problems",
            &problems(&[format!(
                "this index has no dispute \"{dispute}\" (it lists {})",
                if known.is_empty() {
                    "none".to_owned()
                } else {
                    known.join(", ")
                }
            )]),
        );
        return answer.into();
    };
    set(&answer, "file", &JsValue::from_str(&entry.file));
    set(&answer, "title", &JsValue::from_str(&entry.title));
    set(&answer, "problems", &problems(&entry.problems));
    let also = js_sys::Array::new();
    for party in &entry.parties {
        let elsewhere = index.also_in(&entry.id, &party.id);
        if elsewhere.is_empty() {
            continue;
        }
        let links = js_sys::Array::new();
        for appearance in elsewhere {
            let link = js_sys::Object::new();
            let title = index
                .entry(&appearance.dispute)
                .map_or(appearance.dispute.as_str(), |entry| entry.title.as_str());
            set(&link, "dispute", &JsValue::from_str(&appearance.dispute));
            set(&link, "title", &JsValue::from_str(title));
            set(&link, "party", &JsValue::from_str(&appearance.party));
            set(&link, "role", &JsValue::from_str(appearance.role.as_str()));
            links.push(&link);
        }
        also.push(&js_sys::Array::of2(&JsValue::from_str(&party.id), &links));
    }
    set(&answer, "also", &also);
    answer.into()
}

/// Opens the Disputes view. `request` is `{host, index, from?, choose}`: `host` the element to
/// draw in, `index` the index's text, `from` the dispute the reader comes back from (its card
/// takes the focus), `choose(id)` opens a dispute.
#[wasm_bindgen]
pub fn open_index(request: JsValue) -> Result<(), JsValue> {
    let host: web_sys::HtmlElement = field(&request, "host")
        .dyn_into()
        .map_err(|_| JsValue::from_str("no element to draw the index of disputes in"))?;
    let text = field(&request, "index").as_string().unwrap_or_default();
    let from = field(&request, "from").as_string();
    let choose = field(&request, "choose")
        .dyn_into::<js_sys::Function>()
        .ok();
    close_index();
    let handle = leptos::mount::mount_to(host, move || {
        match index::parse(&text) {
        Ok(index) => {
            let choose = StoredValue::new_local(choose);
            view! { <Disputes index from choose /> }.into_any()
        }
        Err(problems) => view! {
            <div class="disputes-problem" role="alert">
                <p>"This index of disputes cannot be shown:"</p>
                <ul>{problems.into_iter().map(|problem| view! { <li>{problem}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any(),
    }
    });
    OPEN.with(|open| *open.borrow_mut() = Some(Box::new(handle)));
    Ok(())
}

/// Takes down the Disputes view, if it is on the page.
#[wasm_bindgen]
pub fn close_index() {
    let open = OPEN.with(|open| open.borrow_mut().take());
    drop(open);
}

/// The cards and the search.
#[component]
fn Disputes(
    index: DisputeIndex,
    from: Option<String>,
    choose: StoredValue<Option<js_sys::Function>, leptos::reactive::owner::LocalStorage>,
) -> impl IntoView {
    let search = RwSignal::new(LAST_SEARCH.with(|last| last.borrow().clone()));
    let total = index.disputes.len();
    let shared = index.parties.len();
    let index = StoredValue::new(index);
    let shown = Memo::new(move |_| {
        let words = search.get();
        LAST_SEARCH.with(|last| *last.borrow_mut() = words.clone());
        index.with_value(|index| index.search_with(&words, lowercase))
    });
    let count = move || {
        let found = shown.with(Vec::len);
        match (found, search.with(|words| words.trim().is_empty())) {
            (_, true) => format!(
                "{total} {}",
                if total == 1 { "dispute" } else { "disputes" }
            ),
            (0, false) => "No dispute matches the search".to_owned(),
            (found, false) => format!("{found} of {total} disputes"),
        }
    };
    let input_ref = NodeRef::<leptos::html::Input>::new();
    // Back from a dispute, its card has the focus; otherwise the search does.
    Effect::new(move |_| {
        let card = from.as_deref().and_then(|from| {
            let selector = format!(
                "[data-testid='dispute-card'][data-dispute='{}']",
                css_string(from)
            );
            input_ref
                .get()?
                .closest(".disputes")
                .ok()??
                .query_selector(&selector)
                .ok()?
        });
        match card.and_then(|card| card.dyn_into::<web_sys::HtmlElement>().ok()) {
            Some(card) => {
                let _ = card.focus();
            }
            None => {
                if let Some(input) = input_ref.get() {
                    let _ = input.focus();
                }
            }
        }
    });
    view! {
        <main class="disputes" data-testid="disputes" aria-labelledby="disputes-title">
            <header class="disputes-head">
                <h1 id="disputes-title">"Disputes"</h1>
                <p class="disputes-summary">
                    {format!("{total} {} in this index", if total == 1 { "dispute" } else { "disputes" })}
                    {(shared > 0).then(|| format!(" · {shared} {} in more than one", if shared == 1 { "party" } else { "parties" }))}
                </p>
            </header>
            <div class="disputes-search">
                <label for="dispute-search">"Search by party, title or claim"</label>
                <input id="dispute-search" type="search" data-testid="dispute-search" node_ref=input_ref
                    autocomplete="off" spellcheck="false"
                    prop:value=move || search.get()
                    on:input=move |event| search.set(event_target_value(&event)) />
                <p class="disputes-count" role="status" aria-live="polite">{count}</p>
            </div>
            <ul class="dispute-cards">
                {move || shown.get().into_iter().map(|position| {
                    let entry = index.with_value(|index| index.disputes[position].clone());
                    let elsewhere = index.with_value(|index| shared_names(index, &entry));
                    view! { <li><Card entry elsewhere choose /></li> }
                }).collect_view()}
            </ul>
        </main>
    }
}

/// One dispute's card: a link that opens it, or, for a file that does not read, its problems.
#[component]
fn Card(
    entry: IndexEntry,
    /// Its parties that appear in other disputes of the index, by name.
    elsewhere: Vec<String>,
    choose: StoredValue<Option<js_sys::Function>, leptos::reactive::owner::LocalStorage>,
) -> impl IntoView {
    // A side by its parties' names (the index lists them by id).
    let sides = |ids: &[String]| {
        let names: Vec<&str> = ids
            .iter()
            .map(|id| {
                entry
                    .parties
                    .iter()
                    .find(|party| &party.id == id)
                    .map_or(id.as_str(), |party| party.name.as_str())
            })
            .collect();
        if names.is_empty() {
            "—".to_owned()
        } else {
            names.join(", ")
        }
    };
    let status = entry.status.map(|status| status.label().to_owned());
    let dated = match (&entry.sources_from, &entry.sources_to) {
        (Some(from), Some(to)) if from != to => format!("reported {from} to {to}"),
        (Some(from), _) => format!("reported {from}"),
        _ => String::new(),
    };
    let counts = format!(
        "{} {} · {} {}",
        entry.statements,
        if entry.statements == 1 {
            "statement"
        } else {
            "statements"
        },
        entry.conflicts,
        if entry.conflicts == 1 {
            "conflict"
        } else {
            "conflicts"
        },
    );
    let body = view! {
        <h2 class="dispute-card-title">{entry.title.clone()}</h2>
        <p class="dispute-card-meta">
            {status.map(|status| view! { <span class="dispute-status">{status}</span> })}
            <span>{format!("as of {}", entry.as_of)}</span>
            {(!dated.is_empty()).then(|| view! { <span>{dated}</span> })}
        </p>
        <dl class="dispute-card-sides">
            <dt>"Claimants"</dt><dd>{sides(&entry.claimants)}</dd>
            <dt>"Respondents"</dt><dd>{sides(&entry.respondents)}</dd>
        </dl>
        <p class="dispute-card-counts">{counts}</p>
        {(!elsewhere.is_empty()).then(|| view! {
            <p class="dispute-card-shared">{format!("Also in other disputes: {}", elsewhere.join(", "))}</p>
        })}
    };
    if entry.is_broken() {
        return view! {
            <article class="dispute-card broken" data-testid="dispute-card" data-dispute=entry.id.clone()>
                {body}
                <div class="dispute-card-problems" role="alert">
                    <p>{format!("{} cannot be opened:", entry.file)}</p>
                    <ul>{entry.problems.iter().map(|problem| view! { <li>{problem.clone()}</li> }).collect_view()}</ul>
                </div>
            </article>
        }
        .into_any();
    }
    let id = entry.id.clone();
    let open = move |event: web_sys::MouseEvent| {
        // A plain click opens it in place; a click meant for a new tab keeps the link's own way.
        if event.ctrl_key() || event.meta_key() || event.shift_key() || event.button() != 0 {
            return;
        }
        let chosen = choose.with_value(|choose| {
            choose
                .as_ref()
                .map(|choose| choose.call1(&JsValue::NULL, &JsValue::from_str(&id)))
        });
        if chosen.is_some() {
            event.prevent_default();
        }
    };
    view! {
        <a class="dispute-card" data-testid="dispute-card" data-dispute=entry.id.clone()
            href=route::format_in_dispute(&entry.id, &route::Route::default()) on:click=open>
            {body}
        </a>
    }
    .into_any()
}

/// The names of `entry`'s parties that appear in other disputes of the index.
fn shared_names(index: &DisputeIndex, entry: &IndexEntry) -> Vec<String> {
    entry
        .parties
        .iter()
        .filter(|party| !index.also_in(&entry.id, &party.id).is_empty())
        .map(|party| party.name.clone())
        .collect()
}

/// `text` inside a single-quoted CSS string.
fn css_string(text: &str) -> String {
    text.replace('\\', "\\\\").replace('\'', "\\'")
}
