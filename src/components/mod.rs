//! One component per file. Shared pieces that several views use live here.

pub mod conflicts;
pub mod details;
pub mod list;
pub mod map;
pub mod timeline;
pub mod toolbar;

use crate::model::{EntityKind, EntityRef};
use crate::route::{self, Route};
use crate::state::AppState;
use leptos::prelude::*;

/// A link that selects an entity. It carries `data-kind` and `data-id` like every rendered entity.
#[component]
pub fn EntityLink(
    /// The id of the entity, of any kind.
    id: String,
    /// The text to show; the entity's own label when absent.
    #[prop(optional, into)]
    label: Option<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let dataset = state.dataset();
    let kind = dataset.as_ref().and_then(|dataset| dataset.kind_of(&id));
    let label = label
        .or_else(|| dataset.as_ref().and_then(|dataset| dataset.label(&id)).map(str::to_owned))
        .unwrap_or_else(|| id.clone());
    match kind {
        Some(kind) => {
            let entity = EntityRef::new(kind, id.clone());
            let linked = entity.clone();
            let href = move || state.link_to(&linked);
            let current = move || state.selection.with(|selection| selection.as_ref() == Some(&entity)).then_some("true");
            view! { <a class="entity-link" href=href data-kind=kind.as_str() data-id=id aria-current=current>{label}</a> }.into_any()
        }
        // Validation makes this unreachable for loaded data; show the text rather than a dead link.
        None => view! { <span class="entity-link missing">{label}</span> }.into_any(),
    }
}

/// Selects an entity by moving the URL hash, so the browser's history records it. On a narrow
/// screen, where the details panel sits below the map, it is scrolled into view.
pub fn select(kind: EntityKind, id: &str) {
    let state = expect_context::<AppState>();
    let route = Route { view: Some(state.view.get_untracked()), selection: Some(EntityRef::new(kind, id)) };
    let _ = window().location().set_hash(&route::format(&route));
    let narrow = window().inner_width().ok().and_then(|width| width.as_f64()).is_some_and(|width| width < 900.0);
    if narrow {
        request_animation_frame(|| {
            if let Some(details) = document().query_selector("[data-testid='details']").ok().flatten() {
                details.scroll_into_view();
            }
        });
    }
}
