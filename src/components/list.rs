//! The whole dataset as text: the map's equivalent for screen readers and for print.

use super::EntityLink;
use crate::state::AppState;
use dispute_core::model::{EntityKind, Modality};
use leptos::prelude::*;

/// Parties, contracts with their clauses, statements by source, events, conflicts and sources.
#[component]
pub fn List() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let Some(dataset) = state.dataset() else {
            return ().into_any();
        };
        let file = &dataset.file;
        let kept = |id: &str| state.is_kept(id);
        let parties: Vec<_> = file
            .parties
            .iter()
            .filter(|party| kept(party.id.as_str()))
            .map(|party| view! { <li><EntityLink id=party.id.0.clone() /> " — " {party.role.clone()} ". " {party.summary.clone()}</li> })
            .collect();
        let contracts: Vec<_> = file
            .contracts
            .iter()
            .filter(|contract| kept(contract.id.as_str()))
            .map(|contract| {
                let parties = contract.parties.iter().filter_map(|id| dataset.label(id.as_str())).collect::<Vec<_>>().join(", ");
                let date = contract.date.as_ref().map(|date| format!(", {} ({})", date.text, date.precision.label())).unwrap_or_default();
                let value = contract.value.as_ref().map(|value| format!(", {value}")).unwrap_or_default();
                let clauses: Vec<_> = dataset
                    .clauses_of(contract.id.as_str())
                    .map(|clause| view! {
                        <li>
                            <EntityLink id=clause.id.0.clone() /> {clause.disputed.then_some(" (in dispute)")}
                            <ul>{clause.wording.iter().map(|wording| view! {
                                <li><q>{wording.quote.clone()}</q> " — " <EntityLink id=wording.source.0.clone() /></li>
                            }).collect_view()}</ul>
                        </li>
                    })
                    .collect();
                view! {
                    <li>
                        <EntityLink id=contract.id.0.clone() />
                        {format!(" — {parties}{date}{value}; {}.", contract.status.as_str())}
                        {(!clauses.is_empty()).then(|| view! { <ul class="clause-list">{clauses}</ul> })}
                    </li>
                }
            })
            .collect();
        let by_source: Vec<_> = file
            .sources
            .iter()
            .filter_map(|source| {
                let statements: Vec<_> = file
                    .statements
                    .iter()
                    .filter(|statement| statement.source == source.id && kept(statement.id.as_str()))
                    .map(|statement| {
                        let speculative = (statement.modality == Modality::Speculative).then_some(", speculative");
                        view! {
                            <li>
                                <q>{statement.quote.clone()}</q>
                                <span class="statement-meta">
                                    " — " {statement.speaker.description.clone()} {format!(" ({}", statement.attribution.label())} {speculative} ") "
                                    <EntityLink id=statement.id.0.clone() label="details" />
                                </span>
                            </li>
                        }
                    })
                    .collect();
                (!statements.is_empty()).then(|| {
                    let count = statements.len();
                    view! {
                        <section>
                            <h4><EntityLink id=source.id.0.clone() /> {format!(" ({count})")}</h4>
                            <ul class="statement-list plain">{statements}</ul>
                        </section>
                    }
                })
            })
            .collect();
        let events: Vec<_> = file
            .events
            .iter()
            .filter(|event| kept(event.id.as_str()))
            .map(|event| view! { <li><EntityLink id=event.id.0.clone() /> {format!(" — {} ({}, {})", event.date.text, event.date.precision.label(), event.status.as_str())}</li> })
            .collect();
        let conflicts: Vec<_> = file
            .conflicts
            .iter()
            .filter(|conflict| kept(conflict.id.as_str()))
            .map(|conflict| view! { <li><EntityLink id=conflict.id.0.clone() /> " — " {conflict.difference.clone()}</li> })
            .collect();
        let sources: Vec<_> = file
            .sources
            .iter()
            .map(|source| view! { <li><EntityLink id=source.id.0.clone() /> {format!(" — {}", source.kind.label())}</li> })
            .collect();
        let dispute = dataset.dispute();
        view! {
            <section class="list-view" data-testid="list" aria-label="The dispute as a list">
                <h2 class="view-heading">"The dispute as a list"</h2>
                <p><EntityLink id=dispute.id.0.clone() /> " — " {dispute.summary.clone()}</p>
                {group(EntityKind::Party, parties)}
                {group(EntityKind::Contract, contracts)}
                {(!by_source.is_empty()).then(|| view! { <section><h3>"Statements, by source"</h3>{by_source}</section> })}
                {group(EntityKind::Event, events)}
                {group(EntityKind::Conflict, conflicts)}
                {group(EntityKind::Source, sources)}
            </section>
        }
        .into_any()
    }
}

fn group(kind: EntityKind, items: Vec<impl IntoView + 'static>) -> impl IntoView {
    (!items.is_empty()).then(|| {
        let count = items.len();
        view! {
            <section>
                <h3>{format!("{} ({count})", kind.plural_label())}</h3>
                <ul>{items}</ul>
            </section>
        }
    })
}
