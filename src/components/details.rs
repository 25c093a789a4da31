//! The details panel (`data-testid="details"`): everything the dataset knows about the selected
//! entity, with every named entity a link, and each statement's quote shown in its source.

use super::{after_first_drawing, EntityLink, RouteLink};
use crate::state::AppState;
use dispute_core::dataset::Dataset;
use dispute_core::model::{EntityKind, EntityRef, ReportedDate, Source, Statement};
use dispute_core::route::Route;
use leptos::prelude::*;
use std::ops::Range;

/// The panel for whatever is selected, or an overview of the dispute when nothing is.
#[component]
pub fn Details() -> impl IntoView {
    let state = expect_context::<AppState>();

    // A newly shown quote is scrolled into view inside the source text, once the panel has drawn it.
    Effect::new(move |_| {
        state.selection.track();
        request_animation_frame(move || {
            if let Some(mark) = state.find("[data-testid='details'] .source-text mark") {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                mark.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    });

    // Drawn anew for each view and selection, under its own scoped state, so nothing in it
    // subscribes to the shared signals (see `AppState::scoped`).
    let body = move || {
        state.view.track();
        provide_context(state.scoped_fixed());
        let Some(dataset) = state.dataset() else {
            return ().into_any();
        };
        if let Some(problem) = state.route_error.get() {
            return view! {
                <div class="details-problem" role="alert">
                    <p>{problem}</p>
                    <p>{overview_link()}</p>
                </div>
            }
            .into_any();
        }
        match state.selection.get() {
            None => overview(&dataset),
            Some(selected) if !dataset.contains(&selected) => view! {
                <div class="details-problem" role="alert">
                    <p>{format!("There is no {} with the id \"{}\" in this dispute.", selected.kind.as_str(), selected.id)}</p>
                    <p>{overview_link()}</p>
                </div>
            }
            .into_any(),
            Some(EntityRef { kind, id }) => match kind {
                EntityKind::Party => party(&dataset, &id),
                EntityKind::Contract => contract(&dataset, &id),
                EntityKind::Clause => clause(&dataset, &id),
                EntityKind::Statement => statement(&dataset, &id),
                EntityKind::Source => source(&dataset, &id),
                EntityKind::Event => event(&dataset, &id),
                EntityKind::Conflict => conflict(&dataset, &id),
                EntityKind::Dispute => overview(&dataset),
            },
        }
    };

    // The panel's content is drawn two frames after the map, so the map, what a reader comes
    // for, is on screen first (the overview alone took as long as the map to draw). The live
    // region arrives with its content, so the first content is not announced as a change.
    let drawn = RwSignal::new(false);
    after_first_drawing(move || drawn.set(true));
    view! {
        <aside class="details" data-testid="details" aria-label="Details">
            <CopyLink />
            {move || drawn.get().then(|| view! { <div aria-live="polite">{body}</div> })}
        </aside>
    }
}

/// Copies the address of the current view and selection, or shows it when the browser will not
/// let the page write to the clipboard.
#[component]
fn CopyLink() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (message, set_message) = signal(None::<String>);
    let copy = move |_| {
        let link = state.share_link();
        let clipboard = window().navigator().clipboard();
        let promise = clipboard.write_text(&link);
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => set_message.set(Some("Link copied.".to_owned())),
                Err(_) => set_message.set(Some(format!("Copy this link: {link}"))),
            }
        });
    };
    view! {
        <div class="copy-link">
            <button type="button" on:click=copy>"Copy link"</button>
            <span class="copy-message" role="status">{message}</span>
        </div>
    }
}

/// Back to the overview, in the current view.
fn overview_link() -> impl IntoView {
    let state = expect_context::<AppState>();
    let to = Signal::stored(Route {
        view: Some(state.view.get_untracked()),
        selection: None,
    });
    view! { <RouteLink to>"Show the overview"</RouteLink> }
}

/// The kind badge and title that open every panel.
fn heading(kind: EntityKind, title: &str) -> impl IntoView {
    view! {
        <p class=format!("kind-badge kind-{}", kind.as_str())>{kind_name(kind)}</p>
        <h2 tabindex="-1">{title.to_owned()}</h2>
    }
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Party => "Party",
        EntityKind::Contract => "Contract",
        EntityKind::Clause => "Clause",
        EntityKind::Statement => "Statement",
        EntityKind::Source => "Source",
        EntityKind::Event => "Event",
        EntityKind::Conflict => "Conflict",
        EntityKind::Dispute => "Dispute",
    }
}

/// A labelled row of facts.
fn fact(label: &'static str, value: impl IntoView + 'static) -> impl IntoView {
    view! {
        <dt>{label}</dt>
        <dd>{value}</dd>
    }
}

/// Links to a list of entities, comma separated, or "none" when empty.
fn links<'a>(ids: impl IntoIterator<Item = &'a str>) -> AnyView {
    let ids: Vec<String> = ids.into_iter().map(str::to_owned).collect();
    if ids.is_empty() {
        return view! { <span class="none">"none"</span> }.into_any();
    }
    let count = ids.len();
    ids.into_iter()
        .enumerate()
        .map(|(index, id)| view! { <EntityLink id /> {(index + 1 < count).then_some(", ")} })
        .collect_view()
        .into_any()
}

fn date_text(date: &ReportedDate) -> impl IntoView {
    let relative = date
        .relative_to
        .as_ref()
        .map(|source| view! { " (relative to " <EntityLink id=source.0.clone() /> ")" });
    view! {
        <span class="date">{date.text.clone()}</span>
        " "
        <span class=format!("badge precision-{}", date.precision.as_str())>{date.precision.label()}</span>
        {relative}
    }
}

/// A titled section that is left out when it would be empty.
fn section(
    title: &'static str,
    count: usize,
    body: impl IntoView + 'static,
) -> Option<impl IntoView> {
    (count > 0).then(|| {
        view! {
            <section class="details-section">
                <h3>{format!("{title} ({count})")}</h3>
                {body}
            </section>
        }
    })
}

/// Statements as a list: the quote, who said it and where it was reported.
fn statement_list<'a>(
    dataset: &Dataset,
    statements: impl IntoIterator<Item = &'a Statement>,
) -> (usize, AnyView) {
    let items: Vec<_> = statements
        .into_iter()
        .map(|statement| {
            let source_title = dataset.label(statement.source.as_str()).unwrap_or_default().to_owned();
            view! {
                <li class=format!("statement-item attribution-{} modality-{}", statement.attribution.as_str(), statement.modality.as_str())>
                    <EntityLink id=statement.id.0.clone() />
                    <blockquote>{statement.quote.clone()}</blockquote>
                    <p class="statement-meta">
                        {statement.speaker.description.clone()} " · "
                        <span class="badge">{statement.attribution.label()}</span>
                        {(statement.modality == dispute_core::model::Modality::Speculative).then(|| view! { " " <span class="badge speculative">"speculative"</span> })}
                        " · in " <EntityLink id=statement.source.0.clone() label=source_title />
                    </p>
                </li>
            }
        })
        .collect();
    let count = items.len();
    (
        count,
        view! { <ul class="statement-list">{items}</ul> }.into_any(),
    )
}

fn conflict_list<'a>(
    conflicts: impl IntoIterator<Item = &'a dispute_core::model::Conflict>,
) -> (usize, AnyView) {
    let items: Vec<_> = conflicts
        .into_iter()
        .map(|conflict| view! { <li><EntityLink id=conflict.id.0.clone() /> <span class="muted">{format!(" ({})", conflict.kind.as_str())}</span></li> })
        .collect();
    (items.len(), view! { <ul>{items}</ul> }.into_any())
}

fn overview(dataset: &Dataset) -> AnyView {
    let dispute = dataset.dispute();
    let (statement_count, statements) =
        statement_list(dataset, dataset.statements_about(dispute.id.as_str()));
    view! {
        <div class="details-body" data-kind="dispute" data-id=dispute.id.0.clone()>
            {heading(EntityKind::Dispute, &dispute.title)}
            <p class="summary">{dispute.summary.clone()}</p>
            <dl class="facts">
                {fact("Claim", dispute.claim.clone())}
                {fact("Status", view! { <span class=format!("badge status-{}", dispute.status.as_str())>{dispute.status.as_str()}</span> })}
                {fact("Claimants", links(dispute.claimants.iter().map(|id| id.as_str())))}
                {fact("Respondents", links(dispute.respondents.iter().map(|id| id.as_str())))}
                {fact("Contracts at stake", links(dispute.contracts.iter().map(|id| id.as_str())))}
                {fact("Clauses at stake", links(dispute.clauses.iter().map(|id| id.as_str())))}
                {fact("Sources", links(dispute.sources.iter().map(|id| id.as_str())))}
            </dl>
            <p class="hint">"Select a party, contract or clause on the map to see what the reports say about it."</p>
            {section("Statements about the dispute", statement_count, statements)}
        </div>
    }
    .into_any()
}

fn party(dataset: &Dataset, id: &str) -> AnyView {
    let Some(party) = dataset.party(id) else {
        return ().into_any();
    };
    let contracts: Vec<&str> = dataset
        .contracts_of(id)
        .map(|contract| contract.id.as_str())
        .collect();
    let (by_count, by) = statement_list(dataset, dataset.statements_by(id));
    let (about_count, about) = statement_list(dataset, dataset.statements_about(id));
    view! {
        <div class="details-body">
            {heading(EntityKind::Party, &party.name)}
            <p class="summary">{party.summary.clone()}</p>
            <dl class="facts">
                {fact("Role", party.role.clone())}
                {(!party.aliases.is_empty()).then(|| fact("Also called", party.aliases.join(", ")))}
                {fact("Kind", party.kind.as_str())}
                {fact("Contracts", links(contracts))}
                {fact("Sources", links(party.sources.iter().map(|id| id.as_str())))}
            </dl>
            {section("Statements by or for it", by_count, by)}
            {section("Statements about it", about_count, about)}
        </div>
    }
    .into_any()
}

fn contract(dataset: &Dataset, id: &str) -> AnyView {
    let Some(contract) = dataset.contract(id) else {
        return ().into_any();
    };
    let clauses: Vec<&str> = dataset
        .clauses_of(id)
        .map(|clause| clause.id.as_str())
        .collect();
    let (about_count, about) = statement_list(dataset, dataset.statements_about(id));
    let (conflict_count, conflicts) = conflict_list(dataset.conflicts_involving(id));
    view! {
        <div class="details-body">
            {heading(EntityKind::Contract, &contract.title)}
            <p class="summary">{contract.summary.clone()}</p>
            <dl class="facts">
                {fact("Parties", links(contract.parties.iter().map(|id| id.as_str())))}
                {fact("Date", match &contract.date {
                    Some(date) => date_text(date).into_any(),
                    None => view! { <span class="none">"not reported"</span> }.into_any(),
                })}
                {fact("Value", contract.value.clone().unwrap_or_else(|| "not reported".to_owned()))}
                {fact("Status", view! { <span class=format!("badge status-{}", contract.status.as_str())>{contract.status.as_str()}</span> })}
                {fact("Kind", contract.kind.as_str())}
                {fact("Clauses", links(clauses))}
                {fact("Sources", links(contract.sources.iter().map(|id| id.as_str())))}
            </dl>
            {section("Conflicts between the reports", conflict_count, conflicts)}
            {section("Statements about it", about_count, about)}
        </div>
    }
    .into_any()
}

fn clause(dataset: &Dataset, id: &str) -> AnyView {
    let Some(clause) = dataset.clause(id) else {
        return ().into_any();
    };
    let wording: Vec<_> = clause
        .wording
        .iter()
        .map(|wording| view! {
            <li>
                <blockquote class="wording">{wording.quote.clone()}</blockquote>
                <p class="statement-meta">"as reported in " <EntityLink id=wording.source.0.clone() /></p>
            </li>
        })
        .collect();
    let readings: Vec<_> = clause
        .readings
        .iter()
        .map(|reading| view! {
            <li class=format!("reading modality-{}", reading.modality.as_str())>
                <p><strong><EntityLink id=reading.party.0.clone() /></strong>
                    {(reading.modality == dispute_core::model::Modality::Speculative).then(|| view! { " " <span class="badge speculative">"speculative"</span> })}
                </p>
                <p>{reading.position.clone()}</p>
                <p class="statement-meta">"Supported by: " {links(reading.statements.iter().map(|id| id.as_str()))}</p>
            </li>
        })
        .collect();
    let reading_count = readings.len();
    let (about_count, about) = statement_list(dataset, dataset.statements_about(id));
    let (conflict_count, conflicts) = conflict_list(dataset.conflicts_involving(id));
    view! {
        <div class="details-body">
            {heading(EntityKind::Clause, &clause.title)}
            <dl class="facts">
                {fact("Contract", view! { <EntityLink id=clause.contract.0.clone() /> })}
                {fact("In dispute", if clause.disputed { "yes" } else { "no" })}
            </dl>
            <section class="details-section question">
                <h3>"Open question"</h3>
                <p>{clause.question.clone()}</p>
            </section>
            {section("Reported wording", wording.len(), view! { <ul class="wording-list">{wording}</ul> })}
            {section("How each side reads it", reading_count, view! { <ul class="reading-list">{readings}</ul> })}
            {section("Conflicts between the reports", conflict_count, conflicts)}
            {section("Statements about it", about_count, about)}
        </div>
    }
    .into_any()
}

fn statement(dataset: &Dataset, id: &str) -> AnyView {
    let Some(statement) = dataset.statement(id) else {
        return ().into_any();
    };
    let (conflict_count, conflicts) = conflict_list(dataset.conflicts_involving(id));
    let source = dataset.source(statement.source.as_str());
    let highlighted = source.and_then(|source| {
        dataset
            .quote_range(statement)
            .map(|range| source_text(source, Some(range)))
    });
    view! {
        <div class="details-body">
            {heading(EntityKind::Statement, &statement.summary)}
            <blockquote class="quote">{statement.quote.clone()}</blockquote>
            <dl class="facts">
                {fact("Speaker", view! {
                    {statement.speaker.description.clone()}
                    {statement.speaker.party.as_ref().map(|party| view! { " (" <EntityLink id=party.0.clone() /> ")" })}
                })}
                {fact("Attribution", view! { <span class=format!("badge attribution-{}", statement.attribution.as_str())>{statement.attribution.label()}</span> })}
                {fact("Modality", view! { <span class=format!("badge modality-{}", statement.modality.as_str())>{statement.modality.as_str()}</span> })}
                {fact("Reported in", view! { <EntityLink id=statement.source.0.clone() /> })}
                {fact("Citing", match &statement.cites {
                    Some(cited) => view! { <EntityLink id=cited.0.clone() /> }.into_any(),
                    None => view! { <span class="none">"no upstream source named"</span> }.into_any(),
                })}
                {fact("About", links(statement.about.iter().map(|id| id.as_str())))}
            </dl>
            {section("Conflicts it is part of", conflict_count, conflicts)}
            {highlighted.map(|text| view! {
                <section class="details-section">
                    <h3>"In the source"</h3>
                    {text}
                </section>
            })}
        </div>
    }
    .into_any()
}

/// A source's text as paragraphs, with `highlight` (byte offsets) marked.
fn source_text(source: &Source, highlight: Option<Range<usize>>) -> impl IntoView {
    let text = source.text.clone().unwrap_or_default();
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        let marked = highlight.as_ref().and_then(|range| {
            let from = range.start.max(start);
            let to = range.end.min(end);
            (from < to).then_some((from - start, to - start))
        });
        let paragraph = match marked {
            Some((from, to)) => view! {
                <p>{line[..from].to_owned()}<mark>{line[from..to].to_owned()}</mark>{line[to..].to_owned()}</p>
            }
            .into_any(),
            None if line.trim().is_empty() => ().into_any(),
            None => view! { <p>{line.to_owned()}</p> }.into_any(),
        };
        paragraphs.push(paragraph);
        start = end + 1;
    }
    view! { <div class="source-text" tabindex="0" aria-label=format!("Text of {}", source.title)>{paragraphs}</div> }
}

fn source(dataset: &Dataset, id: &str) -> AnyView {
    let Some(source) = dataset.source(id) else {
        return ().into_any();
    };
    let (count, statements) = statement_list(dataset, dataset.statements_in(id));
    view! {
        <div class="details-body">
            {heading(EntityKind::Source, &source.title)}
            <dl class="facts">
                {fact("Kind", source.kind.label())}
                {source.publisher.clone().map(|publisher| fact("Publisher", publisher))}
                {fact("Published", match &source.published {
                    Some(date) => date_text(date).into_any(),
                    None => view! { <span class="none">"not known"</span> }.into_any(),
                })}
                {fact("Cites", links(source.cites.iter().map(|id| id.as_str())))}
                {source.file.clone().map(|file| fact("File", view! { <code>{file}</code> }))}
            </dl>
            {source.note.clone().map(|note| view! { <p class="note">{note}</p> })}
            {section("Statements reported in or citing it", count, statements)}
            {source.text.is_some().then(|| view! {
                <section class="details-section">
                    <h3>"Full text"</h3>
                    {source_text(source, None)}
                </section>
            })}
        </div>
    }
    .into_any()
}

fn event(dataset: &Dataset, id: &str) -> AnyView {
    let Some(event) = dataset.event(id) else {
        return ().into_any();
    };
    let (count, statements) = statement_list(dataset, dataset.statements_about(id));
    view! {
        <div class="details-body">
            {heading(EntityKind::Event, &event.title)}
            <p class="summary">{event.summary.clone()}</p>
            <dl class="facts">
                {fact("When it happened", date_text(&event.date))}
                {fact("Status", view! { <span class=format!("badge status-{}", event.status.as_str())>{event.status.as_str()}</span> })}
                {fact("Reported by", links(event.sources.iter().map(|id| id.as_str())))}
                {fact("Parties", links(event.parties.iter().map(|id| id.as_str())))}
                {fact("Contracts", links(event.contracts.iter().map(|id| id.as_str())))}
            </dl>
            {section("Statements about it", count, statements)}
        </div>
    }
    .into_any()
}

fn conflict(dataset: &Dataset, id: &str) -> AnyView {
    let Some(conflict) = dataset.conflict(id) else {
        return ().into_any();
    };
    let sides: Vec<_> = conflict
        .sides
        .iter()
        .map(|side| {
            let (_, statements) = statement_list(
                dataset,
                side.statements
                    .iter()
                    .filter_map(|id| dataset.statement(id.as_str())),
            );
            view! {
                <div class="conflict-side">
                    <h3><EntityLink id=side.source.0.clone() /></h3>
                    <p class="position">{side.position.clone()}</p>
                    {statements}
                </div>
            }
        })
        .collect();
    view! {
        <div class="details-body">
            {heading(EntityKind::Conflict, &conflict.title)}
            <p class="summary">{conflict.difference.clone()}</p>
            <dl class="facts">
                {fact("Kind", conflict.kind.as_str())}
                {fact("About", links(conflict.about.iter().map(|id| id.as_str())))}
            </dl>
            <div class="conflict-sides">{sides}</div>
        </div>
    }
    .into_any()
}
