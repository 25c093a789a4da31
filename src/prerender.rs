//! The opening screen as HTML, rendered on the host with the same components the browser uses,
//! so the page shows the bundled dispute before the wasm has arrived.

use crate::components::details::Details;
use crate::components::shell::Shell;
use crate::loading::validate;
use crate::state::{AppState, Origin};
use dispute_core::config::Config;
use dispute_core::model::EntityRef;
use leptos::prelude::*;

/// The bundled dispute's opening screen for a window `width` CSS pixels wide, as HTML.
pub fn opening_screen(width: f64) -> String {
    // A picture of one moment: the tasks that would keep it up to date are dropped.
    let _ = any_spawner::Executor::init_custom_executor(StillPicture);
    let owner = Owner::new_root(Some(std::sync::Arc::new(
        hydration_context::SsrSharedContext::new(),
    )));
    owner.with(|| {
        let config = Config {
            use_hash: true,
            ..Config::default()
        };
        let state = AppState::new(&config, None);
        state.width.set(width);
        state
            .loaded
            .set(validate(Origin::Bundled, dispute_core::BUNDLED_DISPUTE));
        provide_context(state);
        view! { <Shell /> }.to_html()
    })
}

/// The details panel's content for every entity of the bundled dispute, keyed `kind/id`: what
/// the page's responder (web/responder.js) shows when the pre-rendered screen is clicked before
/// the wasm has arrived. Rendered by the same component the app draws the panel with.
pub fn details_panels() -> Vec<(String, String)> {
    let _ = any_spawner::Executor::init_custom_executor(StillPicture);
    let dataset = dispute_core::dataset::parse(dispute_core::BUNDLED_DISPUTE)
        .expect("the bundled dispute is valid");
    let mut panels = Vec::new();
    for (kind, _, id) in dataset.file.entity_ids() {
        {
            let owner = Owner::new_root(Some(std::sync::Arc::new(
                hydration_context::SsrSharedContext::new(),
            )));
            let html = owner.with(|| {
                let config = Config {
                    use_hash: true,
                    ..Config::default()
                };
                let state = AppState::new(&config, None);
                state.width.set(1280.0);
                state
                    .loaded
                    .set(validate(Origin::Bundled, dispute_core::BUNDLED_DISPUTE));
                state
                    .selection
                    .set(Some(EntityRef::new(kind, id.to_owned())));
                provide_context(state);
                view! { <Details /> }.to_html()
            });
            // No hydration follows, so the markers for it go.
            let html = html.replace("<!>", "");
            if let Some(content) = live_region(&html) {
                panels.push((format!("{}/{id}", kind.as_str()), content.to_owned()));
            }
        }
    }
    panels
}

/// The content of the panel's live region, where each selection's details are drawn.
fn live_region(panel: &str) -> Option<&str> {
    const OPEN: &str = "<div aria-live=\"polite\">";
    let start = panel.find(OPEN)? + OPEN.len();
    let end = panel.rfind("</div></div></aside>")?;
    (start <= end).then(|| &panel[start..end])
}

/// An executor for a render that never changes: what reactive values compute at once is drawn,
/// and the tasks that would follow later changes are dropped.
struct StillPicture;

impl any_spawner::CustomExecutor for StillPicture {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The opening screen holds the map's entities and the dispute's summary, at both widths.
    #[test]
    fn the_opening_screen_holds_the_map_and_the_summary() {
        let dataset = dispute_core::dataset::parse(dispute_core::BUNDLED_DISPUTE).unwrap();
        for width in [1280.0, 390.0] {
            let html = opening_screen(width);
            for party in &dataset.file.parties {
                assert!(
                    html.contains(&format!("data-kind=\"party\" data-id=\"{}\"", party.id)),
                    "party {} at {width}",
                    party.id
                );
            }
            assert!(html.contains("data-testid=\"map\""));
        }
    }
}
