//! The bar above the views: one tab per view, the search box, and the source and attribution
//! filters. Filtering dims on the map and hides in the lists.

#[cfg(target_arch = "wasm32")]
use super::after_first_drawing;
use super::RouteLink;
use crate::state::AppState;
use dispute_core::model::Attribution;
use dispute_core::route::{Route, View};
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
                dataset.prepare_search();
            }
        };
        set_timeout(build, std::time::Duration::ZERO);
    });
    let sources = move || {
        state
            .dataset()
            .map(|dataset| {
                dataset
                    .file
                    .sources
                    .iter()
                    .map(|source| (source.id.0.clone(), source.title.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let summary = move || {
        let kept = state.matching.get()?;
        let dataset = state.dataset()?;
        Some(format!(
            "{} of {} statements match",
            kept.statements(),
            dataset.file.statements.len()
        ))
    };

    view! {
        <div class="toolbar">
            <nav class="view-tabs" aria-label="Views">
                {View::ALL.into_iter().map(|view| {
                    let to = Signal::derive(move || Route { view: Some(view), selection: state.selection.get() });
                    let current = Signal::derive(move || (state.view.get() == view).then_some("page"));
                    view! { <RouteLink to view=view.as_str() current>{view.label()}</RouteLink> }
                }).collect_view()}
            </nav>
            <div class="filters" role="search">
                <label>
                    <span class="visually-hidden">"Search names, clauses and statements"</span>
                    <input type="search" placeholder="Search names, clauses, statements"
                        prop:value=move || state.filter.with(|filter| filter.query.clone())
                        on:input:target=move |event| state.filter.update(|filter| filter.query = event.target().value()) />
                </label>
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
                    on:click=move |_| state.filter.set(Default::default())>"Clear"</button>
                <span class="filter-summary" role="status">{summary}</span>
            </div>
        </div>
    }
}
