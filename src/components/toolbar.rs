//! The bar above the views: one tab per view, the search box with its results, and the source
//! and attribution filters folded behind one Filter control, which shows the active ones as chips.
//! Filtering dims on the map and hides in the lists.

#[cfg(target_arch = "wasm32")]
use super::after_first_drawing;
use super::search::{ResultsList, SearchResults};
use super::RouteLink;
use crate::state::AppState;
use dispute_core::model::{Attribution, EntityRef};
use dispute_core::route::{Route, View};
use leptos::ev;
use leptos::prelude::*;

/// View tabs, search and filters.
#[component]
pub fn Toolbar() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The search index is built once the map and the details are on screen (a task after the
    // details' frame), before anyone types.
    #[cfg(target_arch = "wasm32")]
    after_first_drawing(move || {
        let build = move || {
            if let Some(dataset) = state.dataset() {
                dataset.prepare_search(crate::state::lowercase);
            }
        };
        set_timeout(build, std::time::Duration::ZERO);
    });
    view! {
        <div class="toolbar">
            <nav class="view-tabs" aria-label="Views">
                                                {View::ALL.into_iter().map(move |view| view_tab(state, view)).collect_view()}
                // The Changes tab, while a comparison is open.
                {move || state.comparison.with(Option::is_some).then(|| view_tab(state, View::Changes))}
            </nav>
            <SearchBox />
            <FilterControl />
        </div>
    }
}

/// A view's tab: a link to the view, keeping the selection.
fn view_tab(state: AppState, view: View) -> impl IntoView {
    let to = Signal::derive(move || Route {
        view: Some(view),
        selection: state.selection.get(),
    });
    let current = Signal::derive(move || (state.view.get() == view).then_some("page"));
    view! { <RouteLink to view=view.as_str() current>{view.label()}</RouteLink> }
}

/// The search field and, while it holds words, the list of what they find.
#[component]
fn SearchBox() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The list hides once a result is chosen, and shows again when the field is used.
    let (shown, set_shown) = signal(true);
    let query = move || state.filter.with(|filter| filter.query.clone());
    let on_key = move |event: ev::KeyboardEvent| match event.key().as_str() {
        // Enter opens the first result.
        "Enter" => {
            event.prevent_default();
            let first = state
                .dataset()
                .zip(state.matching.get_untracked())
                .and_then(|(dataset, kept)| {
                    dataset
                        .matches(&kept)
                        .next()
                        .map(|(kind, id)| EntityRef::new(kind, id))
                });
            if let Some(entity) = first {
                set_shown.set(false);
                state.select(entity);
            }
        }
        "Escape" if shown.get_untracked() && !query().is_empty() => {
            event.prevent_default();
            set_shown.set(false);
        }
        _ => {}
    };
    view! {
        <div class="search" role="search">
            <label class="search-field">
                <span class="visually-hidden">"Search names, clauses and statements"</span>
                <input type="search" placeholder="Search names, clauses, statements" autocomplete="off"
                    aria-describedby="search-summary"
                    prop:value=query
                    on:input:target=move |event| {
                        set_shown.set(true);
                        state.filter.update(|filter| filter.query = event.target().value());
                    }
                    on:focus=move |_| set_shown.set(true)
                    on:keydown=on_key />
            </label>
            <span class="visually-hidden" id="search-summary" role="status">{move || SearchResults::summary(state)}</span>
            {move || (shown.get() && !query().trim().is_empty()).then(|| view! {
                <div class="search-popover" on:click=move |_| set_shown.set(false)>
                    <ResultsList testid="search-results" />
                </div>
            })}
        </div>
    }
}

/// The Filter button, the source and attribution choices it unfolds, and a chip for each active
/// filter that removes it.
#[component]
fn FilterControl() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (open, set_open) = signal(false);
    let sources = move || {
        state
            .dataset()
            .map(|dataset| {
                dataset
                    .file
                    .sources
                    .iter()
                    .map(|source| {
                        let name = source
                            .short_title
                            .clone()
                            .unwrap_or_else(|| source.title.clone());
                        (source.id.0.clone(), name)
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let active = move || {
        state.filter.with(|filter| {
            usize::from(filter.source.is_some()) + usize::from(filter.attribution.is_some())
        })
    };
    let source_chip = move || {
        let source = state.filter.with(|filter| filter.source.clone())?;
        let name = sources()
            .into_iter()
            .find(|(id, _)| *id == source)
            .map(|(_, name)| name)
            .unwrap_or(source);
        Some(view! {
            <button type="button" class="chip-button" aria-label=format!("Remove the filter Source: {name}")
                on:click=move |_| state.filter.update(|filter| filter.source = None)>
                "Source: " <bdi>{name.clone()}</bdi> <span aria-hidden="true">" ×"</span>
            </button>
        })
    };
    let attribution_chip = move || {
        let attribution = state.filter.with(|filter| filter.attribution)?;
        Some(view! {
            <button type="button" class="chip-button" aria-label=format!("Remove the filter Attribution: {}", attribution.label())
                on:click=move |_| state.filter.update(|filter| filter.attribution = None)>
                {format!("Attribution: {}", attribution.label())} <span aria-hidden="true">" ×"</span>
            </button>
        })
    };
    let on_key = move |event: ev::KeyboardEvent| {
        if event.key() == "Escape" && open.get_untracked() {
            event.prevent_default();
            set_open.set(false);
        }
    };
    view! {
        <div class="filter" on:keydown=on_key>
            <button type="button" class="filter-button" aria-expanded=move || open.get().to_string() aria-controls="filter-panel"
                on:click=move |_| set_open.update(|open| *open = !*open)>
                "Filter" {move || (active() > 0).then(|| view! { <span class="count">{format!(" ({})", active())}</span> })}
            </button>
            <div class="filter-chips">{source_chip} {attribution_chip}</div>
            <div class="filter-panel" id="filter-panel" hidden=move || !open.get()>
                <label>
                    <span class="filter-label">"Source"</span>
                    <select on:change:target=move |event| {
                        let value = event.target().value();
                        state.filter.update(|filter| filter.source = (!value.is_empty()).then_some(value));
                    }>
                        <option value="" selected=move || state.filter.with(|filter| filter.source.is_none())>"All sources"</option>
                        {move || sources().into_iter().map(|(id, title)| {
                            let selected_id = id.clone();
                            view! {
                                <option value=id selected=move || state.filter.with(|filter| filter.source.as_deref() == Some(selected_id.as_str()))>{title}</option>
                            }
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span class="filter-label">"Attribution"</span>
                    <select on:change:target=move |event| {
                        let value = event.target().value();
                        state.filter.update(|filter| filter.attribution = Attribution::ALL.into_iter().find(|kind| kind.as_str() == value));
                    }>
                        <option value="" selected=move || state.filter.with(|filter| filter.attribution.is_none())>"Any attribution"</option>
                        {Attribution::ALL.into_iter().map(|kind| view! {
                            <option value=kind.as_str() selected=move || state.filter.with(|filter| filter.attribution == Some(kind))>{kind.label()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" disabled=move || state.filter.with(|filter| filter.is_empty())
                    on:click=move |_| state.filter.set(Default::default())>"Clear all"</button>
            </div>
        </div>
    }
}
