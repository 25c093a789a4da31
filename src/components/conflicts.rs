//! Where the reports disagree, to compare at a glance: each conflict a card with what differs in
//! a sentence, then the sides as columns, each headed by its outlet's short name, its position in
//! plain words and its decisive quotes with the disagreeing words marked. Cards are grouped by
//! the contract they concern. With an entity selected, its conflicts come first.

use super::search::ResultsList;
use super::{shown, when_laid_out, EntityLink, RouteLink};
use crate::state::AppState;
use dispute_core::dataset::{mark_phrases, Dataset};
use dispute_core::model::{Conflict, ConflictKind, EntityKind, EntityRef, Modality};
use dispute_core::route::{Route, View};
use leptos::prelude::*;

/// The conflicts view.
#[component]
pub fn Conflicts() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The selected conflict's card is brought into view.
    Effect::new(move |_| {
        let Some(selected) = state.selection.get() else {
            return;
        };
        if selected.kind == EntityKind::Conflict {
            let card = format!("[data-testid='conflicts'] [data-card='{}']", selected.id);
            when_laid_out(
                move || state.find(&card),
                |card| {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    card.scroll_into_view_with_scroll_into_view_options(&options);
                },
            );
        }
    });
    // The entity whose conflicts come first: the selection, when conflicts are about it. The
    // view is drawn again only when that changes, not on every selection.
    let focus = Memo::new(move |_| {
        let dataset = state.dataset()?;
        state.selection.get().filter(|entity| {
            entity.kind != EntityKind::Conflict && dataset.conflicts_about(&entity.id) > 0
        })
    });
    move || {
        let Some(dataset) = state.dataset() else {
            return ().into_any();
        };
        let kept = |conflict: &Conflict| {
            state.is_kept(conflict.id.as_str())
                || conflict
                    .sides
                    .iter()
                    .flat_map(|side| &side.statements)
                    .any(|id| state.is_kept(id.as_str()))
        };
        // With an entity selected that conflicts are about, those come first, on their own.
        let focus = focus.get();
        let focused = focus.as_ref().map(|entity| {
            let cards: Vec<_> = dataset
                .file
                .conflicts
                .iter()
                .filter(|conflict| {
                    conflict
                        .about
                        .iter()
                        .any(|about| about.as_str() == entity.id)
                })
                .filter(|conflict| kept(conflict))
                .map(|conflict| card(&dataset, conflict))
                .collect();
            let count = cards.len();
            let all = Signal::stored(Route {
                view: Some(View::Conflicts),
                selection: None,
            });
            view! {
                <section class="conflict-group focused">
                    <h3>"About " <EntityLink id=entity.id.clone() /> {format!(" ({count})")}</h3>
                    <div class="compare-list">{cards}</div>
                    <p><RouteLink to=all>"Show every conflict"</RouteLink></p>
                </section>
            }
        });
        let mut count = 0;
        let groups: Vec<_> = dataset
            .conflict_groups()
            .into_iter()
            .filter_map(|(contract, conflicts)| {
                let cards: Vec<_> = conflicts
                    .into_iter()
                    .filter(|conflict| kept(conflict))
                    .map(|conflict| card(&dataset, conflict))
                    .collect();
                if cards.is_empty() {
                    return None;
                }
                count += cards.len();
                let heading = match contract {
                    Some(contract) => {
                        view! { "About " <EntityLink id=contract.to_owned() /> }.into_any()
                    }
                    None => view! { "About the claim and the parties" }.into_any(),
                };
                let size = cards.len();
                Some(view! {
                    <section class="conflict-group">
                        <h3>{heading} {format!(" ({size})")}</h3>
                        <div class="compare-list">{cards}</div>
                    </section>
                })
            })
            .collect();
        view! {
            <section class="conflicts-view" data-testid="conflicts" aria-label="Where the reports disagree">
                <h2 class="view-heading">{format!("Where the reports disagree ({count})")}</h2>
                {(count == 0).then(|| view! {
                    <p class="empty">"No conflict matches the search and filters. What they find:"</p>
                    <ResultsList testid="view-search-results" />
                })}
                {focused}
                {focus.is_none().then_some(groups)}
            </section>
        }
        .into_any()
    }
}

/// A conflict's kind in words.
fn kind_words(kind: ConflictKind) -> &'static str {
    match kind {
        ConflictKind::Figure => "different figures",
        ConflictKind::Timing => "different timing",
        ConflictKind::Scope => "wider or narrower",
        ConflictKind::Attribution => "who says so",
        ConflictKind::Framing => "different framing",
    }
}

/// One conflict as a compare card.
fn card(dataset: &Dataset, conflict: &Conflict) -> impl IntoView {
    let state = expect_context::<AppState>();
    let entity = EntityRef::new(EntityKind::Conflict, conflict.id.0.clone());
    let selected = move || state.is_selected(&entity);
    let columns = conflict
        .sides
        .iter()
        .map(|side| {
            let outlet = dataset
                .source(side.source.as_str())
                .map(|source| source.short_title.clone().unwrap_or_else(|| source.title.clone()))
                .unwrap_or_default();
            let quotes = side
                .statements
                .iter()
                .filter_map(|id| dataset.statement(id.as_str()))
                .map(|statement| {
                    let pieces = mark_phrases(&statement.quote, &side.highlight)
                        .into_iter()
                        .map(|(piece, marked)| {
                            let piece = shown(piece);
                            if marked {
                                view! { <mark><bdi>{piece}</bdi></mark> }.into_any()
                            } else {
                                view! { <bdi>{piece}</bdi> }.into_any()
                            }
                        })
                        .collect_view();
                    view! {
                        <li>
                            <blockquote>{pieces}</blockquote>
                            <p class="quote-by">"— " <EntityLink id=statement.id.0.clone() label=statement.speaker.description.clone() /></p>
                        </li>
                    }
                })
                .collect_view();
            let hedged = (side.modality == Some(Modality::Speculative))
                .then(|| view! { <span class="badge speculative">"hedged"</span> });
            view! {
                <div class="compare-side">
                    <h5><EntityLink id=side.source.0.clone() label=outlet /></h5>
                    <p class="position"><bdi>{shown(&side.position)}</bdi> " " {hedged}</p>
                    <ul class="quote-list">{quotes}</ul>
                </div>
            }
        })
        .collect_view();
    view! {
        <article class="compare-card" class:selected=selected data-card=conflict.id.0.clone()>
            <header>
                <h4><EntityLink id=conflict.id.0.clone() /></h4>
                <span class="badge">{kind_words(conflict.kind)}</span>
            </header>
            <p class="difference"><bdi>{shown(&conflict.difference)}</bdi></p>
            <div class="compare-columns">{columns}</div>
        </article>
    }
}
