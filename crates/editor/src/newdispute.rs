//! Menu → New dispute from reports…: paste or open up to ten articles, and the authoring
//! worker proposes a whole draft (`dispute_core::draft`). A short review in steps follows (the
//! claim, parties, agreements, events, conflicts, statements), each suggestion with the
//! sentence it comes from and Accept / Dismiss. Once the claim is accepted, every decision
//! redraws the map with what has been accepted (`draft::select::accepted`), checked by the app
//! like any file.

use crate::bridge::{stop_work, work};
use crate::queue::State;
use crate::report::Problems;
use crate::Session;
use dispute_core::draft::select;
use dispute_core::model::{DisputeFile, EntityKind};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

/// The most articles a draft is made from (`dispute_core::draft::MOST_ARTICLES`).
const MOST: usize = dispute_core::draft::MOST_ARTICLES;

/// One article being given.
#[derive(Clone, Copy)]
struct Slot {
    key: usize,
    title: RwSignal<String>,
    text: RwSignal<String>,
}

impl Slot {
    fn new(key: usize) -> Slot {
        Slot {
            key,
            title: RwSignal::new(String::new()),
            text: RwSignal::new(String::new()),
        }
    }
}

/// Where an entity comes from, as the worker gives it.
#[derive(Clone, Debug, Deserialize)]
struct Evidence {
    kind: String,
    id: String,
    source: String,
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct Drafted {
    file: DisputeFile,
    evidence: Vec<Evidence>,
}

/// The review's steps, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Claim,
    Parties,
    Agreements,
    Events,
    Conflicts,
    Statements,
}

const STEPS: [Step; 6] = [
    Step::Claim,
    Step::Parties,
    Step::Agreements,
    Step::Events,
    Step::Conflicts,
    Step::Statements,
];

impl Step {
    fn label(self) -> &'static str {
        match self {
            Step::Claim => "The claim",
            Step::Parties => "Parties",
            Step::Agreements => "Agreements",
            Step::Events => "Events",
            Step::Conflicts => "Conflicts",
            Step::Statements => "Statements",
        }
    }

    fn kind(self) -> EntityKind {
        match self {
            Step::Claim => EntityKind::Dispute,
            Step::Parties => EntityKind::Party,
            Step::Agreements => EntityKind::Contract,
            Step::Events => EntityKind::Event,
            Step::Conflicts => EntityKind::Conflict,
            Step::Statements => EntityKind::Statement,
        }
    }

    /// The kind a card says it is (`data-kind`): the claim is the dispute's.
    fn data_kind(self) -> &'static str {
        match self {
            Step::Claim => "dispute",
            Step::Parties => "party",
            Step::Agreements => "contract",
            Step::Events => "event",
            Step::Conflicts => "conflict",
            Step::Statements => "statement",
        }
    }
}

/// One proposed entity in the review.
#[derive(Clone)]
struct Card {
    step: Step,
    id: String,
    title: String,
    detail: String,
    /// Its sentences, each with its report's title.
    sentences: Vec<(String, String)>,
    /// What accepting it brings with it: (kind, id).
    brings: Vec<(EntityKind, String)>,
    state: RwSignal<State>,
}

/// Where the screen stands.
#[derive(Clone)]
enum Stage {
    Articles,
    Reading,
    Review(Arc<Review>),
}

struct Review {
    draft: DisputeFile,
    cards: Vec<Card>,
}

/// The screen.
#[component]
pub fn NewDispute() -> impl IntoView {
    let session = expect_context::<Session>();
    let stage = RwSignal::new(Stage::Articles);
    // Every article's fields exist from the start, owned by the screen: adding and removing
    // articles only changes which are shown, and nothing typed is ever in a disposed field.
    let all: Vec<Slot> = (0..MOST).map(Slot::new).collect();
    let slots = RwSignal::new(all[..2].to_vec());
    let spare = StoredValue::new(all);
    let problems = RwSignal::new(Vec::<String>::new());
    let propose = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let given: Vec<(String, String)> = slots
            .get_untracked()
            .iter()
            .map(|slot| (slot.title.get_untracked(), slot.text.get_untracked()))
            .filter(|(_, text)| !text.trim().is_empty())
            .collect();
        if given.is_empty() {
            problems.set(vec![
                "Article 1 text: paste an article's words, or open a .txt or .html file."
                    .to_owned(),
            ]);
            return;
        }
        problems.set(Vec::new());
        stage.set(Stage::Reading);
        spawn_local(async move {
            match draft_of(given).await {
                Ok(review) => {
                    stage.try_set(Stage::Review(Arc::new(review)));
                }
                Err(found) => {
                    problems.try_set(found);
                    stage.try_set(Stage::Articles);
                }
            }
        });
    };
    let add = move |_| {
        let shown: Vec<usize> =
            slots.with_untracked(|slots| slots.iter().map(|slot| slot.key).collect());
        let free =
            spare.with_value(|all| all.iter().copied().find(|slot| !shown.contains(&slot.key)));
        if let Some(free) = free {
            free.title.set(String::new());
            free.text.set(String::new());
            slots.update(|slots| slots.push(free));
        }
    };
    let session_for_review = session.clone();
    let session_for_cancel = session.clone();
    let content = move || {
        match stage.get() {
        Stage::Articles => {
            let cancel = {
                let session = session_for_cancel.clone();
                move |_| {
                    stop_work();
                    session.finish(None);
                }
            };
            view! {
                <form class="report-form" on:submit=propose>
                    <p class="hint">"Paste or open up to ten reports of one dispute. The app proposes its parties, agreements, dated events, statements and where the reports disagree, each with the sentence it comes from; you accept or dismiss each. Nothing leaves this browser."</p>
                                        // Redrawn when an article is added or removed; the words live in the slots.
                    {move || slots.get().into_iter().enumerate().map(|(position, article)| view! { <ArticleSlot position article slots problems /> }).collect_view()}
                    <Problems problems />
                    <div class="editor-actions">
                        <button type="submit" class="primary">"Propose a dispute"</button>
                        <button type="button" on:click=add disabled=move || slots.with(|slots| slots.len() >= MOST)>"Add another article"</button>
                        <button type="button" on:click=cancel>"Cancel"</button>
                    </div>
                </form>
            }
            .into_any()
        }
        Stage::Reading => view! {
            <div class="editor-reading">
                <p role="status">"Reading the articles and proposing a dispute…"</p>
                <button type="button" on:click=move |_| { stop_work(); stage.set(Stage::Articles); }>"Cancel"</button>
            </div>
        }
        .into_any(),
        Stage::Review(review) => view! { <Steps review session=session_for_review.clone() /> }.into_any(),
    }
    };
    view! {
        <section class="editor" role="dialog" aria-modal="false" aria-labelledby="editor-title">
            <div class="editor-header">
                <h2 id="editor-title">"New dispute from reports"</h2>
                <button type="button" class="editor-close" on:click=move |_| { stop_work(); session.finish(None); }>"Close"</button>
            </div>
            <div class="editor-body">{content}</div>
        </section>
    }
}

/// One article's fields.
#[component]
fn ArticleSlot(
    position: usize,
    article: Slot,
    slots: RwSignal<Vec<Slot>>,
    problems: RwSignal<Vec<String>>,
) -> impl IntoView {
    let number = position + 1;
    let text_id = format!("article-{}-text", article.key);
    let file_id = format!("article-{}-file", article.key);
    let title_id = format!("article-{}-title", article.key);
    let open_file = move |event: leptos::ev::Event| {
        let Some(chosen) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        let name = chosen.name();
        spawn_local(async move {
            let Ok(bytes) = wasm_bindgen_futures::JsFuture::from(chosen.array_buffer()).await
            else {
                problems.try_set(vec![format!("{name} could not be read")]);
                return;
            };
            let array = js_sys::Uint8Array::new(&bytes);
            match work("article_text", &[array.into(), JsValue::from_str(&name)]).await {
                Ok(words) => {
                    let words = words.as_string().unwrap_or_default();
                    if article.title.get_untracked().trim().is_empty() {
                        article.title.try_set(
                            name.rsplit_once('.')
                                .map_or(name.as_str(), |(stem, _)| stem)
                                .to_owned(),
                        );
                    }
                    article.text.try_set(words);
                }
                Err(found) => {
                    problems.try_set(
                        found
                            .into_iter()
                            .map(|problem| format!("{name}: {problem}"))
                            .collect(),
                    );
                }
            }
        });
    };
    let remove = move |_| slots.update(|slots| slots.retain(|other| other.key != article.key));
    view! {
        <fieldset class="article-slot">
            <legend>{format!("Article {number}")}</legend>
            <label for=text_id.clone()>{format!("Article {number} text")}</label>
            <textarea id=text_id rows="6" prop:value=move || article.text.get()
                on:input=move |event| article.text.set(event_target_value(&event))></textarea>
            <div class="report-meta">
                <label for=title_id.clone()>{format!("Article {number} title")}</label>
                <input type="text" id=title_id placeholder="The headline, if left empty" prop:value=move || article.title.get()
                    on:input=move |event| article.title.set(event_target_value(&event)) />
                <label for=file_id.clone()>{format!("Or open article {number} (.txt or .html)")}</label>
                <input type="file" id=file_id accept=".txt,.html,.htm,text/plain,text/html" on:change=open_file />
            </div>
            {move || (slots.with(|slots| slots.len()) > 1).then(|| view! {
                <button type="button" class="article-remove" on:click=remove>{format!("Remove article {number}")}</button>
            })}
        </fieldset>
    }
}

/// Today, as the draft's `as_of`.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// The draft of the given articles (title, text), read by the worker, as a review.
async fn draft_of(given: Vec<(String, String)>) -> Result<Review, Vec<String>> {
    let mut articles = Vec::new();
    for (title, pasted) in given {
        // A paste goes through the same reading as a file: markup dropped, nothing run.
        let bytes = js_sys::Uint8Array::from(pasted.as_bytes());
        let words = work(
            "article_text",
            &[bytes.into(), JsValue::from_str("the pasted text")],
        )
        .await?;
        articles.push(
            serde_json::json!({ "title": title, "text": words.as_string().unwrap_or_default() }),
        );
    }
    let json = serde_json::Value::Array(articles).to_string();
    let answer = work(
        "draft_dispute",
        &[JsValue::from_str(&json), JsValue::from_str(&today())],
    )
    .await?;
    let drafted: Drafted = serde_json::from_str(&answer.as_string().unwrap_or_default())
        .map_err(|problem| vec![problem.to_string()])?;
    Ok(Review {
        cards: cards_of(&drafted),
        draft: drafted.file,
    })
}

/// The cards of a draft, step by step.
fn cards_of(drafted: &Drafted) -> Vec<Card> {
    let file = &drafted.file;
    let texts: HashMap<&str, (&str, &str)> = file
        .sources
        .iter()
        .filter_map(|source| {
            Some((
                source.id.as_str(),
                (source.text.as_deref()?, source.title.as_str()),
            ))
        })
        .collect();
    let party_name = |id: &str| {
        file.parties
            .iter()
            .find(|party| party.id.as_str() == id)
            .map_or_else(|| id.to_owned(), |party| party.name.clone())
    };
    let names =
        |ids: &mut dyn Iterator<Item = &str>| ids.map(party_name).collect::<Vec<_>>().join(", ");
    let sentences_of = |kind: &str, id: &str| -> Vec<(String, String)> {
        let mut found: Vec<(String, String)> = Vec::new();
        for evidence in drafted
            .evidence
            .iter()
            .filter(|evidence| evidence.kind == kind && evidence.id == id)
        {
            if let Some((text, title)) = texts.get(evidence.source.as_str()) {
                let sentence = text
                    .get(evidence.start..evidence.end)
                    .unwrap_or("")
                    .trim()
                    .to_owned();
                if !sentence.is_empty()
                    && !found.iter().any(|(known, _)| *known == sentence)
                    && found.len() < 4
                {
                    found.push((sentence, (*title).to_owned()));
                }
            }
        }
        found
    };
    let card =
        |step: Step, id: &str, title: String, detail: String, brings: Vec<(EntityKind, String)>| {
            Card {
                step,
                id: id.to_owned(),
                title,
                detail,
                sentences: sentences_of(step.data_kind(), id),
                brings,
                state: RwSignal::new(State::Pending),
            }
        };
    let mut cards = Vec::new();
    let dispute = &file.dispute;
    let mut brings: Vec<(EntityKind, String)> = dispute
        .claimants
        .iter()
        .chain(&dispute.respondents)
        .map(|id| (EntityKind::Party, id.0.clone()))
        .collect();
    brings.dedup();
    cards.push(card(
        Step::Claim,
        dispute.id.as_str(),
        dispute.title.clone(),
        format!(
            "{} against {}: {}, {}",
            names(&mut dispute.claimants.iter().map(|id| id.as_str())),
            names(&mut dispute.respondents.iter().map(|id| id.as_str())),
            dispute.claim,
            dispute.status.as_str()
        ),
        brings,
    ));
    for party in &file.parties {
        let also = if party.aliases.is_empty() {
            String::new()
        } else {
            format!("; also {}", party.aliases.join(", "))
        };
        cards.push(card(
            Step::Parties,
            party.id.as_str(),
            party.name.clone(),
            format!("{}{also}", party.kind.as_str()),
            Vec::new(),
        ));
    }
    for contract in &file.contracts {
        let mut detail = names(&mut contract.parties.iter().map(|id| id.as_str()));
        if let Some(value) = &contract.value {
            detail.push_str(&format!(" · {value}"));
        }
        if let Some(date) = &contract.date {
            detail.push_str(&format!(" · {}", date.text));
        }
        let brings = contract
            .parties
            .iter()
            .map(|id| (EntityKind::Party, id.0.clone()))
            .collect();
        cards.push(card(
            Step::Agreements,
            contract.id.as_str(),
            contract.title.clone(),
            detail,
            brings,
        ));
    }
    for event in &file.events {
        let detail = format!(
            "{} ({}) · {}",
            event.date.text,
            event.date.precision.as_str(),
            event.status.as_str()
        );
        cards.push(card(
            Step::Events,
            event.id.as_str(),
            event.title.clone(),
            detail,
            Vec::new(),
        ));
    }
    for conflict in &file.conflicts {
        let brings = conflict
            .sides
            .iter()
            .flat_map(|side| {
                side.statements
                    .iter()
                    .map(|id| (EntityKind::Statement, id.0.clone()))
            })
            .collect();
        cards.push(card(
            Step::Conflicts,
            conflict.id.as_str(),
            conflict.title.clone(),
            format!("{}: {}", conflict.kind.as_str(), conflict.difference),
            brings,
        ));
    }
    for statement in &file.statements {
        let speaker = match &statement.speaker.party {
            Some(party) if statement.speaker.description.is_empty() => party_name(party.as_str()),
            Some(party) => format!(
                "{} ({})",
                statement.speaker.description,
                party_name(party.as_str())
            ),
            None => statement.speaker.description.clone(),
        };
        let detail = format!(
            "{speaker} · {} · {}",
            statement.attribution.label(),
            statement.modality.as_str()
        );
        let mut made = card(
            Step::Statements,
            statement.id.as_str(),
            statement.summary.clone(),
            detail,
            Vec::new(),
        );
        let title = texts
            .get(statement.source.as_str())
            .map_or("", |(_, title)| *title)
            .to_owned();
        made.sentences = vec![(statement.quote.clone(), title)];
        cards.push(made);
    }
    cards
}

/// The review in steps.
#[component]
fn Steps(review: Arc<Review>, session: Session) -> impl IntoView {
    let step = RwSignal::new(Step::Claim);
    let problems = RwSignal::new(Vec::<String>::new());
    let drawn = RwSignal::new(false);
    // Redraws the map with what is accepted, once the claim is.
    let redraw = {
        let review = review.clone();
        let session = session.clone();
        Callback::new(move |(): ()| {
            let chosen: Vec<(EntityKind, String)> = review
                .cards
                .iter()
                .filter(|card| card.state.get_untracked() == State::Accepted)
                .map(|card| (card.step.kind(), card.id.clone()))
                .collect();
            match select::accepted(&review.draft, &chosen) {
                Ok(part) => {
                    let json = serde_json::to_string_pretty(&part).unwrap_or_default();
                    match session.publish(&json, None) {
                        Ok(()) => {
                            problems.set(Vec::new());
                            drawn.set(true);
                        }
                        Err(found) => problems.set(found),
                    }
                }
                Err(_) => drawn.set(false),
            }
        })
    };
    let decide = {
        let review = review.clone();
        Callback::new(move |(index, accepted): (usize, bool)| {
            let Some(card) = review.cards.get(index) else {
                return;
            };
            if accepted {
                card.state.set(State::Accepted);
                for (kind, id) in &card.brings {
                    if let Some(brought) = review
                        .cards
                        .iter()
                        .find(|other| other.step.kind() == *kind && other.id == *id)
                    {
                        brought.state.set(State::Accepted);
                    }
                }
            } else {
                card.state
                    .set(if card.state.get_untracked() == State::Pending {
                        State::Dismissed
                    } else {
                        State::Pending
                    });
            }
            redraw.run(());
        })
    };
    let accept_step = {
        let review = review.clone();
        move |_| {
            let current = step.get_untracked();
            for (index, card) in review.cards.iter().enumerate() {
                if card.step == current && card.state.get_untracked() == State::Pending {
                    decide.run((index, true));
                }
            }
        }
    };
    let tabs = {
        let review = review.clone();
        STEPS
            .into_iter()
            .map(|each| {
                let count = review.cards.iter().filter(|card| card.step == each).count();
                view! {
                    <li>
                        <button type="button" aria-current=move || (step.get() == each).then_some("step")
                            on:click=move |_| step.set(each)>{format!("{} ({count})", each.label())}</button>
                    </li>
                }
            })
            .collect_view()
    };
    let cards = {
        let review = review.clone();
        move || {
            let current = step.get();
            let shown: Vec<(usize, Card)> = review
                .cards
                .iter()
                .cloned()
                .enumerate()
                .filter(|(_, card)| card.step == current)
                .collect();
            if shown.is_empty() {
                return view! { <p class="hint">"Nothing of this kind was found in the reports."</p> }.into_any();
            }
            view! {
                <ol class="review-cards draft-cards">
                    {shown.into_iter().map(|(index, card)| view! { <DraftCard index card decide /> }).collect_view()}
                </ol>
            }
            .into_any()
        }
    };
    let next = move |_| {
        if let Some(position) = STEPS.iter().position(|each| *each == step.get_untracked()) {
            if let Some(following) = STEPS.get(position + 1) {
                step.set(*following);
            }
        }
    };
    let finish = {
        let session = session.clone();
        let review = review.clone();
        move |_| {
            let first_conflict = review
                .cards
                .iter()
                .find(|card| {
                    card.step == Step::Conflicts && card.state.get_untracked() == State::Accepted
                })
                .map(|card| format!("conflict/{}", card.id));
            session.finish(first_conflict);
        }
    };
    view! {
        <div class="draft-review">
            <nav class="draft-steps" aria-label="Review steps"><ol>{tabs}</ol></nav>
            <p class="hint" role="status">{move || if drawn.get() {
                "The map shows what you have accepted so far."
            } else {
                "Accept the claim to draw the map; then each decision redraws it."
            }}</p>
            <Problems problems />
            <div class="review-bar">
                <button type="button" on:click=accept_step>"Accept all in this step"</button>
                <button type="button" on:click=next disabled=move || step.get() == Step::Statements>"Next step"</button>
                <button type="button" class="primary" on:click=finish disabled=move || !drawn.get()>"Done"</button>
            </div>
            {cards}
        </div>
    }
}

/// One proposed entity's card.
#[component]
fn DraftCard(index: usize, card: Card, decide: Callback<(usize, bool)>) -> impl IntoView {
    let state = card.state;
    let sentences = card
        .sentences
        .iter()
        .map(|(sentence, title)| {
            view! {
                <blockquote class="quote"><bdi>{sentence.clone()}</bdi><cite>{format!("— {title}")}</cite></blockquote>
            }
        })
        .collect_view();
    view! {
        <li class="review-card" data-testid="suggestion" data-kind=card.step.data_kind() data-id=card.id.clone()
            data-state=move || state.get().as_str()>
            <p class="review-card-head" data-testid="suggestion-head">
                <strong>{card.title.clone()}</strong>
                <span class="review-state">{move || match state.get() {
                    State::Pending => "to review",
                    State::Accepted => "accepted",
                    State::Dismissed => "dismissed",
                }}</span>
            </p>
            <p class="review-line">{card.detail.clone()}</p>
            {sentences}
            <div class="review-actions">
                {move || match state.get() {
                    State::Pending => view! {
                        <button type="button" class="primary" on:click=move |_| decide.run((index, true))>"Accept"</button>
                        <button type="button" on:click=move |_| decide.run((index, false))>"Dismiss"</button>
                    }.into_any(),
                    _ => view! {
                        <button type="button" on:click=move |_| decide.run((index, false))>"Undo"</button>
                    }.into_any(),
                }}
            </div>
        </li>
    }
}
