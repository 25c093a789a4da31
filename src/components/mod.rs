//! One component per file. Shared pieces that several views use live here.

pub mod details;
pub mod map;

use crate::model::{EntityKind, EntityRef};
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
            let href = state.link_to(&EntityRef::new(kind, id.clone()));
            view! { <a class="entity-link" href=href data-kind=kind.as_str() data-id=id>{label}</a> }.into_any()
        }
        // Validation makes this unreachable for loaded data; show the text rather than a dead link.
        None => view! { <span class="entity-link missing">{label}</span> }.into_any(),
    }
}

/// Selects an entity by moving the URL hash, so the browser's history records it.
pub fn select(kind: EntityKind, id: &str) {
    let state = expect_context::<AppState>();
    let hash = state.link_to(&EntityRef::new(kind, id));
    let _ = window().location().set_hash(&hash);
}
