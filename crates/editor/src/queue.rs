//! The review queue: every proposed statement as a card with its sentence, in order, each
//! accepted or dismissed by a person. The card in hand shows its fields to edit and its place
//! in the article; the keyboard moves through the queue (J and K) and decides (A and D).
//! Sentences no suggestion covers are listed below, so nothing is silently lost.

use crate::fields::{Choices, Fields, StatementFields};
use leptos::prelude::*;
use serde::Deserialize;
use std::sync::Arc;

/// One suggestion as the worker proposes it (`dispute_author::suggest_statements`): byte
/// offsets into the article's text.
#[derive(Clone, Debug, Deserialize)]
pub struct Proposed {
    pub start: usize,
    pub end: usize,
    pub place: String,
    pub party: Option<String>,
    pub description: String,
    pub attribution: String,
    pub modality: String,
    pub cites: Option<String>,
    pub about: Vec<String>,
    pub reason: String,
    pub summary: String,
    pub hedge: Option<(usize, usize)>,
}

/// What the worker proposes for an article.
#[derive(Clone, Debug, Deserialize)]
pub struct Proposal {
    pub suggestions: Vec<Proposed>,
    pub not_carried: Vec<(usize, usize)>,
    pub sentences: usize,
}

/// Where a suggestion stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Pending,
    Accepted,
    Dismissed,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::Accepted => "accepted",
            State::Dismissed => "dismissed",
        }
    }
}

/// A suggestion in the queue, with its edited fields.
#[derive(Clone)]
pub struct Item {
    pub index: usize,
    pub proposed: Arc<Proposed>,
    pub state: RwSignal<State>,
    pub fields: Fields,
    /// The statement's id once accepted.
    pub id: RwSignal<Option<String>>,
    /// Why the last attempt to accept it failed.
    pub problems: RwSignal<Vec<String>>,
}

impl Item {
    pub fn new(index: usize, proposed: Proposed, default_about: &str) -> Item {
        let about = if proposed.about.is_empty() {
            vec![default_about.to_owned()]
        } else {
            proposed.about.clone()
        };
        Item {
            index,
            fields: Fields::new(
                proposed.party.clone(),
                proposed.description.clone(),
                &proposed.attribution,
                &proposed.modality,
                about,
                proposed.summary.clone(),
            ),
            proposed: Arc::new(proposed),
            state: RwSignal::new(State::Pending),
            id: RwSignal::new(None),
            problems: RwSignal::new(Vec::new()),
        }
    }
}

/// How many cards are drawn at first, and added by "Show more": a long filing's thousands of
/// suggestions are reviewed a page at a time.
const PAGE: usize = 60;

/// The queue.
#[component]
pub fn Queue(
    /// The article's text.
    article: Arc<str>,
    /// The suggestions, in text order.
    items: Arc<Vec<Item>>,
    /// Sentences no suggestion covers.
    not_carried: Vec<(usize, usize)>,
    /// What the fields can name.
    choices: StoredValue<Choices>,
    /// Accepts the suggestions at these indexes (the report adds them to the dispute).
    accept: Callback<Vec<usize>>,
    /// Takes an accepted suggestion out of the dispute again.
    undo: Callback<usize>,
    /// Whether an accept is under way.
    busy: Signal<bool>,
) -> impl IntoView {
    let current = RwSignal::new(0usize);
    let queue = NodeRef::<leptos::html::Section>::new();
    let shown = RwSignal::new(PAGE.min(items.len()));
    let count = items.len();
    let tally = {
        let items = items.clone();
        move |state: State| {
            items
                .iter()
                .filter(|item| item.state.get() == state)
                .count()
        }
    };
    let next_pending = {
        let items = items.clone();
        move |from: usize| {
            (from + 1..items.len())
                .chain(0..from)
                .find(|&index| items[index].state.get_untracked() == State::Pending)
        }
    };
    let go = Callback::new(move |index: usize| {
        if index < count {
            if index >= shown.get_untracked() {
                shown.set((index / PAGE + 1) * PAGE);
            }
            current.set(index);
            crate::bridge::later(move || {
                if let Some(queue) = queue.get_untracked() {
                    bring_card(&queue, index);
                }
            });
        }
    });
    let decide = {
        let items = items.clone();
        Callback::new(move |(index, accepted): (usize, bool)| {
            let Some(item) = items.get(index) else {
                return;
            };
            if accepted {
                accept.run(vec![index]);
            } else {
                item.state.set(State::Dismissed);
            }
            if let Some(next) = next_pending(index) {
                go.run(next);
            }
        })
    };
    let accept_rest = {
        let items = items.clone();
        move |_| {
            let pending: Vec<usize> = items
                .iter()
                .filter(|item| item.state.get_untracked() == State::Pending)
                .map(|item| item.index)
                .collect();
            if !pending.is_empty() {
                accept.run(pending);
            }
        }
    };
    let on_key = {
        move |event: leptos::ev::KeyboardEvent| {
            if event.ctrl_key() || event.meta_key() || event.alt_key() || typing(&event) {
                return;
            }
            let at = current.get_untracked();
            match event.key().as_str() {
                "j" | "J" => go.run(at + 1),
                "k" | "K" => go.run(at.saturating_sub(1)),
                "a" | "A" if !busy.get_untracked() => decide.run((at, true)),
                "d" | "D" => decide.run((at, false)),
                _ => return,
            }
            event.prevent_default();
        }
    };
    let context = {
        let article = article.clone();
        let items = items.clone();
        move || {
            let item = items.get(current.get())?;
            Some(in_context(&article, &item.proposed))
        }
    };
    let cards = {
        let items = items.clone();
        let article = article.clone();
        move || {
            items
                .iter()
                .take(shown.get())
                .cloned()
                .map(|item| {
                    view! {
                        <Card item article=article.clone() current choices decide undo busy go />
                    }
                })
                .collect_view()
        }
    };
    let article_for_list = article.clone();
    view! {
                <section class="review" aria-label="Proposed statements" on:keydown=on_key node_ref=queue>
            <div class="review-bar">
                <p class="review-tally" role="status">
                    {move || format!("{} proposed · {} accepted · {} dismissed · {} to review", count, tally(State::Accepted), tally(State::Dismissed), tally(State::Pending))}
                </p>
                <button type="button" class="primary" on:click=accept_rest disabled=move || busy.get()>"Accept all remaining"</button>
                <span class="hint">"Keys: J next, K previous, A accept, D dismiss"</span>
            </div>
            <div class="review-body">
                <div class="review-article" aria-label="Where the statement in hand stands in the article">
                    <h3>"In the article"</h3>
                    {context}
                </div>
                <ol class="review-cards">
                    {cards}
                </ol>
            </div>
            {move || (shown.get() < count).then(|| view! {
                <button type="button" class="show-more" on:click=move |_| shown.update(|shown| *shown += PAGE)>
                    {format!("Show {} more of {}", PAGE.min(count - shown.get_untracked()), count - shown.get_untracked())}
                </button>
            })}
            <NotCarried article=article_for_list not_carried />
        </section>
    }
}

/// Whether a key was typed into a field (then it is text, not a command).
fn typing(event: &leptos::ev::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|target| {
            matches!(
                target.tag_name().to_ascii_lowercase().as_str(),
                "input" | "textarea" | "select"
            )
        })
}

/// Brings the card in hand into view and gives it keyboard focus, unless a field of it has
/// focus already.
fn bring_card(queue: &web_sys::Element, index: usize) {
    use wasm_bindgen::JsCast;
    let Ok(Some(card)) = queue.query_selector(&format!("#suggestion-{index}")) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    card.scroll_into_view_with_scroll_into_view_options(&options);
    if !card.matches(":focus-within").unwrap_or(false) {
        if let Ok(card) = card.dyn_into::<web_sys::HtmlElement>() {
            let _ = card.focus();
        }
    }
}

/// The paragraph a suggestion stands in, with the suggestion marked and its hedge, if any,
/// marked within it.
fn in_context(article: &str, proposed: &Proposed) -> AnyView {
    let paragraph_start = article[..proposed.start].rfind('\n').map_or(0, |at| at + 1);
    let paragraph_end = article[proposed.end..]
        .find('\n')
        .map_or(article.len(), |at| proposed.end + at);
    let before = article[paragraph_start..proposed.start].to_owned();
    let after = article[proposed.end..paragraph_end].to_owned();
    let quote = marked_quote(article, proposed);
    view! {
        <p class="review-paragraph"><bdi>{before}</bdi><mark class="review-current">{quote}</mark><bdi>{after}</bdi></p>
    }
    .into_any()
}

/// A suggestion's quote, its hedge word marked.
fn marked_quote(article: &str, proposed: &Proposed) -> AnyView {
    match proposed.hedge {
        Some((start, end)) if start >= proposed.start && end <= proposed.end => {
            let before = article[proposed.start..start].to_owned();
            let hedge = article[start..end].to_owned();
            let after = article[end..proposed.end].to_owned();
            view! { <bdi>{before}<strong class="hedge" title="The word that makes it speculative">{hedge}</strong>{after}</bdi> }.into_any()
        }
        _ => {
            let quote = article[proposed.start..proposed.end].to_owned();
            view! { <bdi>{quote}</bdi> }.into_any()
        }
    }
}

fn attribution_label(value: &str) -> &'static str {
    dispute_core::model::Attribution::ALL
        .iter()
        .find(|attribution| attribution.as_str() == value)
        .map_or("", |attribution| attribution.label())
}

/// One suggestion's card.
#[component]
fn Card(
    item: Item,
    article: Arc<str>,
    current: RwSignal<usize>,
    choices: StoredValue<Choices>,
    decide: Callback<(usize, bool)>,
    undo: Callback<usize>,
    busy: Signal<bool>,
    go: Callback<usize>,
) -> impl IntoView {
    let index = item.index;
    let state = item.state;
    let fields = item.fields;
    let in_hand = move || current.get() == index;
    let quote = marked_quote(&article, &item.proposed);
    let place = item.proposed.place.clone();
    let reason = item.proposed.reason.clone();
    let problems = item.problems;
    let id = item.id;
    let accept = move |_| decide.run((index, true));
    let dismiss = move |_| decide.run((index, false));
    let line = move || {
        let party = fields.party.get();
        let speaker = fields.description.get();
        format!(
            "{}{} · {} · {}",
            speaker,
            if party.is_empty() {
                String::new()
            } else {
                format!(" (for {party})")
            },
            attribution_label(&fields.attribution.get()),
            fields.modality.get()
        )
    };
    view! {
                <li class="review-card" id=format!("suggestion-{index}") data-testid="suggestion" data-kind="statement"
            tabindex=move || if in_hand() { "0" } else { "-1" }
            data-state=move || state.get().as_str() class:in-hand=in_hand
            on:focusin=move |_| { if current.get_untracked() != index { current.set(index) } }
            on:click=move |_| { if current.get_untracked() != index { go.run(index) } }>
            <p class="review-card-head" data-testid="suggestion-head">
                <span class="review-number">{format!("{}", index + 1)}</span>
                <span class="review-place">{place}</span>
                <span class="review-state">{move || match state.get() {
                    crate::queue::State::Pending => "to review".to_owned(),
                    crate::queue::State::Accepted => format!("accepted{}", id.get().map(|id| format!(" as {id}")).unwrap_or_default()),
                    crate::queue::State::Dismissed => "dismissed".to_owned(),
                }}</span>
            </p>
            <blockquote class="quote">{quote}</blockquote>
            {move || if in_hand() && state.get() == State::Pending {
                view! {
                    <p class="review-why">"Proposed because: " {reason.clone()}</p>
                    <StatementFields fields choices name=format!("suggestion-{index}") />
                }.into_any()
            } else {
                view! { <p class="review-line">{line}</p> }.into_any()
            }}
            {move || {
                let found = problems.get();
                (!found.is_empty()).then(|| view! {
                    <ul class="review-problems" role="alert">{found.into_iter().map(|problem| view! { <li>{problem}</li> }).collect_view()}</ul>
                })
            }}
            <div class="review-actions">
                {move || match state.get() {
                    State::Pending => view! {
                        <button type="button" class="primary" on:click=accept disabled=move || busy.get()>"Accept"</button>
                        <button type="button" on:click=dismiss>"Dismiss"</button>
                    }.into_any(),
                    State::Accepted => view! {
                        <button type="button" on:click=move |_| undo.run(index) disabled=move || busy.get()>"Undo"</button>
                    }.into_any(),
                    State::Dismissed => view! {
                        <button type="button" on:click=move |_| state.set(State::Pending)>"Undo"</button>
                    }.into_any(),
                }}
            </div>
        </li>
    }
}

/// Sentences no suggestion covers, listed so that nothing is lost without a word.
#[component]
fn NotCarried(article: Arc<str>, not_carried: Vec<(usize, usize)>) -> impl IntoView {
    if not_carried.is_empty() {
        return view! { <p class="hint not-carried">"Every sentence of the article is covered by a proposed statement."</p> }.into_any();
    }
    let count = not_carried.len();
    view! {
        <details class="not-carried">
            <summary>{format!("{count} sentence{} not carried by any proposed statement", if count == 1 { "" } else { "s" })}</summary>
            <ul>
                {not_carried.into_iter().map(|(start, end)| {
                    let sentence = article.get(start..end).unwrap_or("").to_owned();
                    view! { <li><bdi>{sentence}</bdi></li> }
                }).collect_view()}
            </ul>
        </details>
    }
    .into_any()
}
