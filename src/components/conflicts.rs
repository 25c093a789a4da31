//! Every disagreement between the sources, side by side.

use super::search::ResultsList;
use super::EntityLink;
use crate::state::AppState;
use leptos::prelude::*;

/// The conflicts view: each conflict with what differs and what each source says.
#[component]
pub fn Conflicts() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let Some(dataset) = state.dataset() else {
            return ().into_any();
        };
        let items: Vec<_> = dataset
            .file
            .conflicts
            .iter()
            .filter(|conflict| state.is_kept(conflict.id.as_str()) || conflict.sides.iter().flat_map(|side| &side.statements).any(|id| state.is_kept(id.as_str())))
            .map(|conflict| {
                let sides: Vec<_> = conflict
                    .sides
                    .iter()
                    .map(|side| {
                        let quotes: Vec<_> = side
                            .statements
                            .iter()
                            .filter_map(|id| dataset.statement(id.as_str()))
                            .map(|statement| view! { <li><EntityLink id=statement.id.0.clone() label=statement.quote.clone() /></li> })
                            .collect();
                        view! {
                            <div class="conflict-side">
                                <p class="side-source"><EntityLink id=side.source.0.clone() /></p>
                                <p class="position"><bdi>{super::shown(&side.position)}</bdi></p>
                                <ul class="quote-list">{quotes}</ul>
                            </div>
                        }
                    })
                    .collect();
                view! {
                    <li class="conflict-card">
                        <h3><EntityLink id=conflict.id.0.clone() /> " " <span class="badge">{conflict.kind.as_str()}</span></h3>
                        <p><bdi>{super::shown(&conflict.difference)}</bdi></p>
                        <div class="conflict-sides">{sides}</div>
                    </li>
                }
            })
            .collect();
        let count = items.len();
        view! {
            <section class="conflicts-view" data-testid="conflicts" aria-label="Conflicts between the sources">
                <h2 class="view-heading">{format!("Where the reports disagree ({count})")}</h2>
                {(count == 0).then(|| view! {
                    <p class="empty">"No conflict matches the search and filters. What they find:"</p>
                    <ResultsList testid="view-search-results" />
                })}
                <ul class="conflict-list">{items}</ul>
            </section>
        }
        .into_any()
    }
}
