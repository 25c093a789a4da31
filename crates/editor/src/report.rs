//! Menu → Add a report…: paste an article (or open a `.txt` or `.html` file), say where it was
//! published, and review every statement the engine proposes from it. What is accepted joins
//! the draft of edits at once, checked by the app like any file, so nothing accepted is lost;
//! the report's source entry (and any outlet it cites) comes in with its first statement.

use crate::bridge::{stop_work, work};
use crate::fields::{outlet_source, report_source, Choices};
use crate::queue::{Item, Proposal, Queue, State};
use crate::Session;
use dispute_core::model::DisputeFile;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

/// Where the screen stands.
#[derive(Clone)]
enum Stage {
    /// The article and its metadata are being given.
    Article,
    /// The worker is reading the article.
    Reading,
    /// The suggestions are being reviewed.
    Review(Arc<Review>),
}

/// What the review works on.
struct Review {
    article: Arc<str>,
    items: Arc<Vec<Item>>,
    not_carried: Vec<(usize, usize)>,
    sentences: usize,
    source_id: String,
    title: String,
    outlet: String,
    date: String,
    address: String,
}

/// The screen.
#[component]
pub fn AddReport() -> impl IntoView {
    let session = expect_context::<Session>();
    let stage = RwSignal::new(Stage::Article);
    let text = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let outlet = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<String>::new());
    let file: Option<DisputeFile> = session
        .file
        .with_untracked(|json| serde_json::from_str(json).ok());
    let Some(file) = file else {
        return view! { <p role="alert">"The dispute shown could not be read for editing; reload the page and try again."</p> }.into_any();
    };
    let choices = StoredValue::new(Choices::of(&file));
    let busy = RwSignal::new(false);
    // Reads an opened file's words (markup dropped) into the text area.
    let open_file = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(chosen) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        let name = chosen.name();
        problems.set(Vec::new());
        spawn_local(async move {
            let bytes = wasm_bindgen_futures::JsFuture::from(chosen.array_buffer()).await;
            let Ok(bytes) = bytes else {
                problems.try_set(vec![format!("{name} could not be read")]);
                return;
            };
            let array = js_sys::Uint8Array::new(&bytes);
            match work("article_text", &[array.into(), JsValue::from_str(&name)]).await {
                Ok(words) => {
                    let words = words.as_string().unwrap_or_default();
                    if title.get_untracked().trim().is_empty() {
                        title.try_set(first_line(&words));
                    }
                    text.try_set(words);
                }
                Err(found) => {
                    problems.try_set(found);
                }
            }
        });
    };
    let session_for_propose = session.clone();
    let propose = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let session = session_for_propose.clone();
        let pasted = text.get_untracked();
        if pasted.trim().is_empty() {
            problems.set(vec![
                "Article text: paste the article's words, or open a .txt or .html file.".to_owned(),
            ]);
            return;
        }
        problems.set(Vec::new());
        stage.set(Stage::Reading);
        spawn_local(async move {
            // The paste goes through the same reading as a file: markup dropped, nothing run.
            let bytes = js_sys::Uint8Array::from(pasted.as_bytes());
            let article = match work(
                "article_text",
                &[bytes.into(), JsValue::from_str("the pasted text")],
            )
            .await
            {
                Ok(words) => words.as_string().unwrap_or_default(),
                Err(found) => {
                    problems.try_set(found);
                    stage.try_set(Stage::Article);
                    return;
                }
            };
            let file_json = session.file.get_untracked();
            let proposal = match work(
                "suggest_statements",
                &[JsValue::from_str(&article), JsValue::from_str(&file_json)],
            )
            .await
            .and_then(|value| {
                serde_json::from_str::<Proposal>(&value.as_string().unwrap_or_default())
                    .map_err(|problem| vec![problem.to_string()])
            }) {
                Ok(proposal) => proposal,
                Err(found) => {
                    problems.try_set(found);
                    stage.try_set(Stage::Article);
                    return;
                }
            };
            let report_title = match title.get_untracked().trim() {
                "" => first_line(&article),
                given => given.to_owned(),
            };
            let (source_id, dispute) = choices
                .try_update_value(|choices| {
                    (
                        choices.new_id(&report_title, "report"),
                        choices.dispute.clone(),
                    )
                })
                .unwrap_or_default();
            let items: Vec<Item> = proposal
                .suggestions
                .into_iter()
                .enumerate()
                .map(|(index, proposed)| Item::new(index, proposed, &dispute))
                .collect();
            stage.try_set(Stage::Review(Arc::new(Review {
                article: Arc::from(article),
                items: Arc::new(items),
                not_carried: proposal.not_carried,
                sentences: proposal.sentences,
                source_id,
                title: report_title,
                outlet: outlet.get_untracked(),
                date: date.get_untracked(),
                address: address.get_untracked(),
            })));
        });
    };
    let session_for_close = session.clone();
    let cancel = move |_| {
        stop_work();
        session_for_close.finish(None);
    };
    let session_for_review = session.clone();
    let content = move || {
        match stage.get() {
        Stage::Article => view! {
            <form class="report-form" on:submit=propose.clone()>
                <p class="hint">"Paste an article, or open its .txt or .html file. The app proposes every statement it makes, each with its exact sentence; you accept or dismiss each one. Nothing leaves this browser."</p>
                <label for="report-text">"Article text"</label>
                <textarea id="report-text" rows="10" prop:value=move || text.get()
                    on:input=move |event| text.set(event_target_value(&event))></textarea>
                <label for="report-file">"Or open a file (.txt or .html)"</label>
                <input type="file" id="report-file" accept=".txt,.html,.htm,text/plain,text/html" on:change=open_file />
                <div class="report-meta">
                    <label for="report-title">"Title"</label>
                    <input type="text" id="report-title" placeholder="The headline, if left empty" prop:value=move || title.get()
                        on:input=move |event| title.set(event_target_value(&event)) />
                    <label for="report-outlet">"Outlet"</label>
                    <input type="text" id="report-outlet" placeholder="Nordwire" prop:value=move || outlet.get()
                        on:input=move |event| outlet.set(event_target_value(&event)) />
                    <label for="report-date">"Published"</label>
                    <input type="text" id="report-date" placeholder="2026-12-03, or as the article gives it" prop:value=move || date.get()
                        on:input=move |event| date.set(event_target_value(&event)) />
                    <label for="report-address">"Address"</label>
                    <input type="url" id="report-address" placeholder="https://…" prop:value=move || address.get()
                        on:input=move |event| address.set(event_target_value(&event)) />
                </div>
                <Problems problems />
                <div class="editor-actions">
                    <button type="submit" class="primary">"Propose statements"</button>
                    <button type="button" on:click=cancel.clone()>"Cancel"</button>
                </div>
            </form>
        }
        .into_any(),
        Stage::Reading => view! {
            <div class="editor-reading">
                <p role="status">"Reading the article and proposing its statements…"</p>
                <button type="button" on:click=move |_| { stop_work(); stage.set(Stage::Article); }>"Cancel"</button>
            </div>
        }
        .into_any(),
        Stage::Review(review) => view! {
            <Reviewing review choices session=session_for_review.clone() busy problems />
        }
        .into_any(),
    }
    };
    view! {
        <section class="editor" role="dialog" aria-modal="false" aria-labelledby="editor-title">
            <div class="editor-header">
                <h2 id="editor-title">"Add a report"</h2>
                <button type="button" class="editor-close" on:click=move |_| { stop_work(); session.finish(None); }>"Close"</button>
            </div>
            <div class="editor-body">{content}</div>
        </section>
    }
    .into_any()
}

/// The first line of an article: its headline, as a title when none is given.
fn first_line(article: &str) -> String {
    let line = article
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .unwrap_or("");
    match line.char_indices().nth(160) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line.to_owned(),
    }
}

/// Problems, if any, in an alert.
#[component]
pub fn Problems(problems: RwSignal<Vec<String>>) -> impl IntoView {
    move || {
        let found = problems.get();
        (!found.is_empty()).then(|| {
            view! {
                <ul class="editor-problems" role="alert">
                    {found.into_iter().map(|problem| view! { <li>{problem}</li> }).collect_view()}
                </ul>
            }
        })
    }
}

/// The review of one report's suggestions.
#[component]
fn Reviewing(
    review: Arc<Review>,
    choices: StoredValue<Choices>,
    session: Session,
    busy: RwSignal<bool>,
    problems: RwSignal<Vec<String>>,
) -> impl IntoView {
    // The outlets this report cites, by how the article writes them: their source ids.
    let outlets = StoredValue::new(HashMap::<String, (String, bool)>::new());
    let items = review.items.clone();
    let accept = {
        let review = review.clone();
        let session = session.clone();
        Callback::new(move |indexes: Vec<usize>| {
            let review = review.clone();
            let session = session.clone();
            accept_items(review, session, choices, outlets, busy, indexes);
        })
    };
    let undo = {
        let review = review.clone();
        let session = session.clone();
        Callback::new(move |index: usize| {
            let Some(item) = review.items.get(index) else {
                return;
            };
            let Some(id) = item.id.get_untracked() else {
                return;
            };
            let edit = serde_json::json!({ "remove": [id] }).to_string();
            let session = session.clone();
            let item = item.clone();
            busy.set(true);
            spawn_local(async move {
                let outcome = work(
                    "edit",
                    &[
                        JsValue::from_str(&session.file.get_untracked()),
                        JsValue::from_str(&edit),
                    ],
                )
                .await
                .and_then(|json| session.publish(&json.as_string().unwrap_or_default(), None));
                busy.try_set(false);
                match outcome {
                    Ok(()) => {
                        item.state.try_set(State::Pending);
                        item.id.try_set(None);
                    }
                    Err(found) => {
                        item.problems.try_set(found);
                    }
                }
            });
        })
    };
    let source_id = review.source_id.clone();
    let accepted = {
        let items = items.clone();
        move || {
            items
                .iter()
                .filter(|item| item.state.get() == State::Accepted)
                .count()
        }
    };
    let done = {
        let session = session.clone();
        let accepted = accepted.clone();
        move |_| {
            let select = (accepted() > 0).then(|| format!("source/{source_id}"));
            session.finish(select);
        }
    };
    let summary = format!(
        "“{}”: {} statements proposed from {} sentences.",
        review.title,
        review.items.len(),
        review.sentences
    );
    view! {
        <div class="report-review">
            <div class="report-review-head">
                <p>{summary}</p>
                <button type="button" class="primary" on:click=done>"Done"</button>
            </div>
            <Problems problems />
            <Queue article=review.article.clone() items not_carried=review.not_carried.clone()
                choices accept undo busy=Signal::from(busy) />
        </div>
    }
}

/// Adds the suggestions at `indexes` to the dispute: the report's source first (with the
/// outlets it cites), then the statements, in one edit the app checks like any file.
fn accept_items(
    review: Arc<Review>,
    session: Session,
    choices: StoredValue<Choices>,
    outlets: StoredValue<HashMap<String, (String, bool)>>,
    busy: RwSignal<bool>,
    indexes: Vec<usize>,
) {
    let mut statements = Vec::new();
    let mut new_outlets = Vec::new();
    let mut accepted = Vec::new();
    for index in indexes {
        let Some(item) = review.items.get(index) else {
            continue;
        };
        let missing = item.fields.problems();
        if !missing.is_empty() {
            item.problems.set(missing);
            continue;
        }
        item.problems.set(Vec::new());
        let cites = item.proposed.cites.as_deref().map(|written| {
            let known = outlets.with_value(|outlets| outlets.get(written).cloned());
            match known {
                Some((id, _)) => id,
                None => {
                    let existing = choices.with_value(|choices| choices.outlet(written));
                    let (id, new) = match existing {
                        Some(id) => (id, false),
                        None => (
                            choices
                                .try_update_value(|choices| choices.new_id(written, "outlet"))
                                .unwrap_or_default(),
                            true,
                        ),
                    };
                    if new {
                        new_outlets.push(outlet_source(&id, written));
                    }
                    outlets.update_value(|outlets| {
                        outlets.insert(written.to_owned(), (id.clone(), new));
                    });
                    id
                }
            }
        });
        let id = choices
            .try_update_value(|choices| choices.numbered(&review.source_id))
            .unwrap_or_default();
        let quote = &review.article[item.proposed.start..item.proposed.end];
        statements.push(item.fields.statement(&id, &review.source_id, quote, cites));
        accepted.push((item.clone(), id));
    }
    if accepted.is_empty() {
        return;
    }
    let cited: Vec<String> = outlets.with_value(|outlets| {
        let mut ids: Vec<String> = outlets.values().map(|(id, _)| id.clone()).collect();
        ids.sort();
        ids.dedup();
        ids
    });
    let source = report_source(
        &review.source_id,
        &review.title,
        &review.outlet,
        &review.date,
        &review.address,
        cited,
        &review.article,
    );
    let mut sources = new_outlets;
    sources.push(source);
    let edit = serde_json::json!({ "sources": sources, "statements": statements }).to_string();
    let select = accepted.last().map(|(_, id)| format!("statement/{id}"));
    busy.set(true);
    spawn_local(async move {
        let outcome = work(
            "edit",
            &[
                JsValue::from_str(&session.file.get_untracked()),
                JsValue::from_str(&edit),
            ],
        )
        .await
        .and_then(|json| session.publish(&json.as_string().unwrap_or_default(), select.as_deref()));
        busy.try_set(false);
        match outcome {
            Ok(()) => {
                for (item, id) in accepted {
                    item.state.try_set(State::Accepted);
                    item.id.try_set(Some(id));
                }
            }
            Err(found) => {
                if let Some((item, _)) = accepted.first() {
                    item.problems.try_set(found);
                }
            }
        }
    });
}
