//! The whole dataset as text: the map's equivalent for screen readers and for print.
//!
//! Every pass over the data is linear (statements come from the dataset's index by source), and
//! each group is drawn a page at a time (`Paged`), so a dispute of twenty thousand statements
//! opens as fast as a small one. Text from the file is isolated (`<bdi>`), so a direction mark in
//! a name cannot reorder the app's own words after it.

use super::paged::Paged;
use super::EntityLink;
use crate::state::AppState;
use dispute_core::dataset::Dataset;
use dispute_core::model::{EntityKind, Modality};
use leptos::prelude::*;
use std::sync::Arc;

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
        let parties: Vec<usize> = (0..file.parties.len())
            .filter(|index| kept(file.parties[*index].id.as_str()))
            .collect();
        let contracts: Vec<usize> = (0..file.contracts.len())
            .filter(|index| kept(file.contracts[*index].id.as_str()))
            .collect();
        let events: Vec<usize> = (0..file.events.len())
            .filter(|index| kept(file.events[*index].id.as_str()))
            .collect();
        let conflicts: Vec<usize> = (0..file.conflicts.len())
            .filter(|index| kept(file.conflicts[*index].id.as_str()))
            .collect();
        // The statements by source, as one list of rows (a heading row for each source), so a
        // page holds a hundred rows however many sources there are.
        let mut rows: Vec<Row> = Vec::new();
        for (index, source) in file.sources.iter().enumerate() {
            let statements: Vec<usize> = dataset
                .statement_positions_in(source.id.as_str())
                .filter(|position| {
                    let statement = &file.statements[*position];
                    statement.source == source.id && kept(statement.id.as_str())
                })
                .collect();
            if !statements.is_empty() {
                rows.push(Row::Source(index, statements.len()));
                rows.extend(statements.into_iter().map(Row::Statement));
            }
        }
        let dispute = dataset.dispute();
        let has_statements = !rows.is_empty();
        let statements = {
            let dataset = dataset.clone();
            view! {
                <ul class="statement-list plain">
                    <Paged items=rows render=move |row: &Row| statement_row(&dataset, row) />
                </ul>
            }
        };
        view! {
            <section class="list-view" data-testid="list" aria-label="The dispute as a list">
                <h2 class="view-heading">"The dispute as a list"</h2>
                <p><EntityLink id=dispute.id.0.clone() /> " — " <bdi>{dispute.summary.clone()}</bdi></p>
                {group(&dataset, EntityKind::Party, parties, party_item)}
                {group(&dataset, EntityKind::Contract, contracts, contract_item)}
                {has_statements.then(|| view! { <section><h3>"Statements, by source"</h3>{statements}</section> })}
                {group(&dataset, EntityKind::Event, events, event_item)}
                {group(&dataset, EntityKind::Conflict, conflicts, conflict_item)}
                {group(&dataset, EntityKind::Source, (0..file.sources.len()).collect(), source_item)}
            </section>
        }
        .into_any()
    }
}

/// A heading with its count and the entries of one kind, a page at a time; nothing when empty.
fn group<V: IntoView + 'static>(
    dataset: &Arc<Dataset>,
    kind: EntityKind,
    positions: Vec<usize>,
    item: fn(&Dataset, usize) -> V,
) -> impl IntoView {
    (!positions.is_empty()).then(|| {
        let count = positions.len();
        let dataset = dataset.clone();
        view! {
            <section>
                <h3>{format!("{} ({count})", kind.plural_label())}</h3>
                <ul>
                    <Paged items=positions render=move |position: &usize| item(&dataset, *position) />
                </ul>
            </section>
        }
    })
}

fn party_item(dataset: &Dataset, position: usize) -> impl IntoView {
    let party = &dataset.file.parties[position];
    view! {
        <li><EntityLink id=party.id.0.clone() /> " — " <bdi>{party.role.clone()}</bdi> ". " <bdi>{party.summary.clone()}</bdi></li>
    }
}

fn contract_item(dataset: &Dataset, position: usize) -> impl IntoView {
    let contract = &dataset.file.contracts[position];
    let parties: Vec<_> = contract
        .parties
        .iter()
        .filter_map(|id| dataset.label(id.as_str()))
        .map(|name| view! { <bdi>{name.to_owned()}</bdi> })
        .collect();
    let count = parties.len();
    let parties = parties
        .into_iter()
        .enumerate()
        .map(|(index, name)| view! { {name} {(index + 1 < count).then_some(", ")} })
        .collect_view();
    let date = contract.date.as_ref().map(|date| {
        view! { ", " <bdi>{date.text.clone()}</bdi> {format!(" ({})", date.precision.label())} }
    });
    let value = contract
        .value
        .as_ref()
        .map(|value| view! { ", " <bdi>{value.clone()}</bdi> });
    let clauses: Vec<_> = dataset
        .clauses_of(contract.id.as_str())
        .map(|clause| {
            view! {
                <li>
                    <EntityLink id=clause.id.0.clone() /> {clause.disputed.then_some(" (in dispute)")}
                    <ul>{clause.wording.iter().map(|wording| view! {
                        <li><q><bdi>{wording.quote.clone()}</bdi></q> " — " <EntityLink id=wording.source.0.clone() /></li>
                    }).collect_view()}</ul>
                </li>
            }
        })
        .collect();
    view! {
        <li>
            <EntityLink id=contract.id.0.clone() />
            " — " {parties} {date} {value} {format!("; {}.", contract.status.as_str())}
            {(!clauses.is_empty()).then(|| view! { <ul class="clause-list">{clauses}</ul> })}
        </li>
    }
}

/// A row of the statements list: a source's heading (its position and how many statements it
/// reports), or a statement.
enum Row {
    Source(usize, usize),
    Statement(usize),
}

fn statement_row(dataset: &Dataset, row: &Row) -> AnyView {
    match *row {
        Row::Source(position, count) => {
            let id = dataset.file.sources[position].id.0.clone();
            view! { <li class="group-heading"><h4><EntityLink id /> {format!(" ({count})")}</h4></li> }.into_any()
        }
        Row::Statement(position) => statement_item(dataset, position).into_any(),
    }
}

fn statement_item(dataset: &Dataset, position: usize) -> impl IntoView {
    let statement = &dataset.file.statements[position];
    let speculative = (statement.modality == Modality::Speculative).then_some(", speculative");
    view! {
        <li>
            <q><bdi>{super::shown(&statement.quote)}</bdi></q>
            <span class="statement-meta">
                " — " <bdi>{statement.speaker.description.clone()}</bdi> {format!(" ({}", statement.attribution.label())} {speculative} ") "
                <EntityLink id=statement.id.0.clone() label="details" />
            </span>
        </li>
    }
}

fn event_item(dataset: &Dataset, position: usize) -> impl IntoView {
    let event = &dataset.file.events[position];
    view! {
        <li>
            <EntityLink id=event.id.0.clone() /> " — " <bdi>{event.date.text.clone()}</bdi>
            {format!(" ({}, {})", event.date.precision.label(), event.status.label())}
        </li>
    }
}

fn conflict_item(dataset: &Dataset, position: usize) -> impl IntoView {
    let conflict = &dataset.file.conflicts[position];
    view! { <li><EntityLink id=conflict.id.0.clone() /> " — " <bdi>{conflict.difference.clone()}</bdi></li> }
}

fn source_item(dataset: &Dataset, position: usize) -> impl IntoView {
    let source = &dataset.file.sources[position];
    view! { <li><EntityLink id=source.id.0.clone() /> {format!(" — {}", source.kind.label())}</li> }
}
