//! The opening screen as HTML, rendered on the host with the same components the browser uses,
//! so the page shows the bundled dispute before the wasm has arrived.

use crate::components::details::Details;
use crate::components::shell::Shell;
use crate::loading::validate;
use crate::state::{AppState, Origin};
use dispute_core::config::Config;
use dispute_core::model::EntityRef;
use leptos::prelude::*;

pub use crate::components::details::{HIDE_DETAILS, SHOW_DETAILS};

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
    let dataset = dispute_core::dataset::parse(dispute_core::BUNDLED_DISPUTE)
        .expect("the bundled dispute is valid");
    dataset
        .file
        .entity_ids()
        .into_iter()
        .filter_map(|(kind, _, id)| {
            let content = details_content(EntityRef::new(kind, id.to_owned()))?;
            Some((format!("{}/{id}", kind.as_str()), content))
        })
        .collect()
}

/// What stands in an id's place in `missing_panels`, for the responder to fill in.
pub const ID_PLACEHOLDER: &str = "%ID%";

/// The panel's content for an entity of each kind that the dispute does not have, with
/// `ID_PLACEHOLDER` for its id, keyed by kind: the app's own words for a link that leads
/// nowhere, which the responder shows before the app has arrived.
pub fn missing_panels() -> Vec<(String, String)> {
    dispute_core::model::EntityKind::ALL
        .iter()
        .filter_map(|&kind| {
            let content = details_content(EntityRef::new(kind, ID_PLACEHOLDER.to_owned()))?;
            Some((kind.as_str().to_owned(), content))
        })
        .collect()
}

/// What the page says of a link only the app can show (another view, a step of the walkthrough),
/// followed before the app has taken over.
pub const WAITING_FOR_APP: &str = "Opening it as soon as the app has loaded…";

/// What the panel shows while its details are on their way (the responder's, before the app).
pub fn loading_panel() -> String {
    let _ = any_spawner::Executor::init_custom_executor(StillPicture);
    let owner = Owner::new_root(None);
    owner.with(|| view! { <p class="muted" role="status">"Loading the details…"</p> }.to_html())
}

/// The content of the details panel's live region with `selected` selected in the bundled
/// dispute, drawn by the app's own component.
fn details_content(selected: EntityRef) -> Option<String> {
    let _ = any_spawner::Executor::init_custom_executor(StillPicture);
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
        state.selection.set(Some(selected));
        provide_context(state);
        view! { <Details /> }.to_html()
    });
    // No hydration follows, so the markers for it go.
    let html = html.replace("<!>", "");
    live_region(&html).map(str::to_owned)
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
