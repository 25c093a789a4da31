//! What a search found, listed: grouped by kind, each result a link that selects its entity.
//! Shown under the search field, and by any view that has nothing else to show for a search, so a
//! search never ends in "nothing matches" while something does.

use super::EntityLink;
use crate::state::AppState;
use dispute_core::model::EntityKind;
use leptos::prelude::*;

/// How many results of one kind are listed before "and N more".
const SHOWN_PER_KIND: usize = 8;

/// The order kinds are listed in: what the map draws first, then what the reports say.
const KIND_ORDER: [EntityKind; 8] = [
    EntityKind::Party,
    EntityKind::Contract,
    EntityKind::Clause,
    EntityKind::Statement,
    EntityKind::Event,
    EntityKind::Conflict,
    EntityKind::Source,
    EntityKind::Dispute,
];

/// Questions about the current search.
pub struct SearchResults;

impl SearchResults {
    /// "3 results · 1 of 79 statements match", or nothing when no search or filter is set.
    pub fn summary(state: AppState) -> Option<String> {
        let kept = state.matching.get()?;
        let dataset = state.dataset()?;
        let results = dataset.matches(&kept).count();
        Some(format!(
            "{results} result{} · {} of {} statements match",
            if results == 1 { "" } else { "s" },
            kept.statements(),
            dataset.file.statements.len()
        ))
    }

    /// The results by kind, in `KIND_ORDER`: each kind's (id, label) pairs.
    fn grouped(state: AppState) -> Vec<(EntityKind, Vec<String>)> {
        let (Some(kept), Some(dataset)) = (state.matching.get(), state.dataset()) else {
            return Vec::new();
        };
        let mut groups: Vec<(EntityKind, Vec<String>)> =
            KIND_ORDER.iter().map(|kind| (*kind, Vec::new())).collect();
        for (kind, id) in dataset.matches(&kept) {
            if let Some((_, ids)) = groups.iter_mut().find(|(group, _)| *group == kind) {
                ids.push(id.to_owned());
            }
        }
        groups.retain(|(_, ids)| !ids.is_empty());
        groups
    }
}

/// The results as a list of links grouped by kind, or a line saying nothing matches.
#[component]
pub fn ResultsList(
    /// `data-testid` of the list: `search-results` under the search field.
    testid: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let groups = SearchResults::grouped(state);
        let summary = SearchResults::summary(state);
        let dataset = state.dataset();
        let body = if groups.is_empty() {
            view! { <p class="empty">"Nothing matches the search and filters."</p> }.into_any()
        } else {
            groups
                .into_iter()
                .map(|(kind, ids)| {
                    let count = ids.len();
                    let more = count.saturating_sub(SHOWN_PER_KIND);
                    let items = ids
                        .into_iter()
                        .take(SHOWN_PER_KIND)
                        .map(|id| {
                            let quote = (kind == EntityKind::Statement)
                                .then(|| dataset.as_ref()?.statement(&id).map(|statement| super::shown(&statement.quote)))
                                .flatten();
                            view! {
                                <li>
                                    <EntityLink id=id />
                                    {quote.map(|quote| view! { <span class="result-quote">"“"<bdi>{quote}</bdi>"”"</span> })}
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <section class="result-group">
                            <h3>{format!("{} ({count})", kind.plural_label())}</h3>
                            <ul>{items}</ul>
                            {(more > 0).then(|| view! { <p class="muted">{format!("and {more} more; add words to narrow the search")}</p> })}
                        </section>
                    }
                })
                .collect_view()
                .into_any()
        };
        view! {
            <div class="search-results" data-testid=testid role="region" aria-label="Search results">
                <p class="results-summary">{summary}</p>
                {body}
            </div>
        }
    }
}
