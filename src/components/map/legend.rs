//! Around the map: its zoom controls, and the legend of what every colour and line style means.

use crate::state::AppState;
use leptos::prelude::*;

/// Zoom in and out, fit the whole drawing, back to the opening view. `whole_shown` and `at_home`
/// disable the last two when they would change nothing.
#[component]
pub(super) fn Controls(
    zoom_by: Callback<f64>,
    fit: Callback<()>,
    home: Callback<()>,
    #[prop(into)] whole_shown: Signal<bool>,
    #[prop(into)] at_home: Signal<bool>,
) -> impl IntoView {
    use dispute_core::layout::gesture::ZOOM_STEP;
    view! {
        <div class="map-controls" role="toolbar" aria-label="Zoom">
            <button type="button" class="zoom-step" on:click=move |_| zoom_by.run(ZOOM_STEP) aria-label="Zoom in" title="Zoom in (+)">"+"</button>
            <button type="button" class="zoom-step" on:click=move |_| zoom_by.run(1.0 / ZOOM_STEP) aria-label="Zoom out" title="Zoom out (−)">"−"</button>
            <button type="button" on:click=move |_| fit.run(()) disabled=whole_shown
                title="Show the whole map (F)">"Fit"</button>
            <button type="button" on:click=move |_| home.run(()) disabled=at_home
                title="Back to the opening view (0)">"Reset"</button>
        </div>
    }
}

/// What every colour and line style on the map means, drawn with the map's own classes, and how
/// to move around it. Folded until asked for: the parties say their side themselves.
#[component]
pub(super) fn Legend() -> impl IntoView {
    let state = expect_context::<AppState>();
    let swatch = |shape_class: &'static str, label: &'static str| {
        view! {
            <li>
                <svg class="legend-swatch" viewBox="0 0 40 20" aria-hidden="true">
                    <g class=shape_class><rect x="2" y="2" width="36" height="16" rx="5" /></g>
                </svg>
                {label}
            </li>
        }
    };
    let stroke = |shape: AnyView, label: &'static str| {
        view! {
            <li>
                <svg class="legend-swatch" viewBox="0 0 40 20" aria-hidden="true">{shape}</svg>
                {label}
            </li>
        }
    };
    view! {
        <details class="legend">
            <summary>"Legend"</summary>
            <ul aria-label="Legend">
                {swatch("node party side-claimant", "Claimant")}
                {swatch("node party side-respondent", "Respondent")}
                {swatch("node party side-other", "Other party")}
                {swatch("node contract", "Contract")}
                {swatch("chip clause disputed", "Clause in dispute")}
                {swatch("chip clause", "Clause")}
                {stroke(view! { <path class="dispute-arc" d="M2,16 Q20,0 38,16" /> }.into_any(), "The claim in dispute")}
                {stroke(view! { <g class="connector"><line x1="2" y1="10" x2="34" y2="10" /><circle cx="34" cy="10" r="4" /></g> }.into_any(), "Party to a contract")}
                {move || state.comparison.with(Option::is_some).then(|| view! {
                    {swatch("node contract change-added-swatch", "New since the older file")}
                    {swatch("node contract change-changed-swatch", "Changed since then")}
                })}
            </ul>
            <p class="map-hint" id="map-keys">"Drag to pan · Ctrl+scroll or pinch to zoom · in the map, arrow keys move between entities, Enter selects"</p>
        </details>
    }
}
