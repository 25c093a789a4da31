//! The header: one line with the dispute's title, its status as the data gives it (the claim's
//! status, whether a suit is filed, what is under way), where the file came from, and the menu.

use super::menu::Menu;
use super::RouteLink;
use crate::loading::{load_bundled, open_draft};
use crate::state::{AppState, Loaded, Origin};
use dispute_core::model::{EntityKind, EntityRef};
use dispute_core::route::Route;
use leptos::prelude::*;

/// The title, the status line and the menu.
#[component]
pub fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let title = move || match state.loaded.get() {
        Loaded::Ready(_, dataset, _) => dataset.file.title.clone(),
        _ => "Dispute map".to_owned(),
    };
    let provenance = move || {
        let origin = match state.loaded.get() {
            Loaded::Ready(origin, ..) | Loaded::Loading(origin) | Loaded::Failed(origin, _) => {
                origin
            }
        };
        let from = match origin {
            Origin::Bundled if state.draft.get() => return Some(draft_notice(state)),
            Origin::Bundled => return None,
            Origin::Url(url) => format!("From {url}"),
            Origin::File(name) => {
                format!("From your file {name} (opened in this browser, not uploaded)")
            }
            origin @ (Origin::Edited(_) | Origin::Drafted(_)) => {
                return Some(edited_notice(state, origin))
            }
            Origin::Unknown => return None,
        };
        Some(view! {
            <p class="provenance"><bdi>{from}</bdi> " · " <BackToBundled label="Open the bundled dispute" /></p>
        })
        .map(IntoAny::into_any)
    };
    view! {
        <header class="app-header" part="header">
            <div class="header-text">
                <h1 class="app-title"><bdi>{title}</bdi></h1>
                <Status />
            </div>
            {provenance}
            <Menu />
        </header>
    }
}

/// The status line: the claim's status, whether a suit has been filed, and each event the
/// reports describe as under way, as links.
#[component]
fn Status() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let dataset = state.dataset()?;
        let status = dataset.dispute().status;
        let ongoing_titles: Vec<String> =
            dataset.ongoing().map(|event| event.title.clone()).collect();
        let whole = if ongoing_titles.is_empty() {
            status.label().to_owned()
        } else {
            format!(
                "{} · Under way: {}",
                status.label(),
                ongoing_titles.join("; ")
            )
        };
        // Drawn once per file, so each link follows the open view itself.
        let ongoing: Vec<_> = dataset
            .ongoing()
            .map(|event| (event.id.0.clone(), event.title.clone()))
            .collect::<Vec<_>>()
            .into_iter()
            .map(|(id, title)| {
                let entity = EntityRef::new(EntityKind::Event, id.clone());
                let to = Signal::derive(move || Route {
                    view: Some(state.view.get()),
                    selection: Some(entity.clone()),
                });
                view! {
                    <li><RouteLink to class="entity-link" kind="event" id=id><bdi>{title}</bdi></RouteLink></li>
                }
            })
            .collect();
        let ongoing = (!ongoing.is_empty()).then(|| {
            view! {
                <span class="status-ongoing">
                    <span class="status-label">"Under way: "</span>
                    <ul class="inline-list">{ongoing}</ul>
                </span>
            }
        });
        Some(view! {
            // A div, not a paragraph: it holds a list, which HTML does not allow in a paragraph
            // (the pre-rendered page would come apart).
            <div class="status-line" data-testid="status" title=whole>
                <span class=format!("status-badge status-{}", status.as_str())>{status.label()}</span>
                {ongoing}
            </div>
        })
    }
}

/// Leaves a custom file for the bundled dispute: on the standalone page by dropping `?data=`
/// from the address (so a reload stays there), in an embedded map in place.
#[component]
pub fn BackToBundled(label: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    if state.use_hash {
        let address = window()
            .location()
            .pathname()
            .unwrap_or_else(|_| "./".to_owned());
        view! { <a href=address>{label}</a> }.into_any()
    } else {
        view! {
            <button type="button" on:click=move |_| load_bundled(state)>{label}</button>
        }
        .into_any()
    }
}

/// The header's line for an edited dispute or a new draft: that it is unsaved (kept in this
/// browser until downloaded), or that it has been downloaded; and Discard, back to the file it
/// started from.
fn edited_notice(state: AppState, origin: Origin) -> AnyView {
    let discard = move |_| crate::loading::discard_edits(state);
    let (saved, unsaved, what, kept, discard_label) = match &origin {
        Origin::Drafted(before) => (
            "New dispute downloaded",
            "A new dispute drafted from reports",
            format!(" (Discard returns to {})", before.describe()),
            ": kept in this browser until you download it (Menu)",
            "Discard the new dispute",
        ),
        _ => (
            "Edits downloaded",
            "Unsaved edits",
            format!(" to {}", origin.started_from().describe()),
            ": kept in this browser until you download them (Menu)",
            "Discard edits",
        ),
    };
    // A new dispute has nothing earlier of its own to be compared with.
    let comparable = matches!(origin, Origin::Edited(_));
    let can_compare =
        move || comparable && state.draft.get() && crate::drafts::draft_base().is_some();
    view! {
        <p class="provenance edited" data-testid="edits" role="status">
            <strong>{move || if state.draft.get() { unsaved } else { saved }}</strong>
            <bdi>{what}</bdi>
            {move || state.draft.get().then_some(kept)}
            " · "
            {move || can_compare().then(|| view! {
                <button type="button" class="link-button" on:click=move |_| crate::compare::compare_edits(state)>"Show changes"</button>
                " · "
            })}
            <button type="button" class="link-button" on:click=discard>{discard_label}</button>
        </p>
    }
    .into_any()
}

/// The header's line when this browser keeps edits from an earlier visit: open them or discard
/// them.
fn draft_notice(state: AppState) -> AnyView {
    let kept = match crate::drafts::draft().map(|(_, origin)| origin) {
        Some(Origin::Drafted(_)) => {
            "A new dispute you drafted from reports is kept in this browser.".to_owned()
        }
        Some(origin) => format!(
            "Your unsaved edits to {} are kept in this browser.",
            origin.started_from().describe()
        ),
        None => String::new(),
    };
    let discard = move |_| {
        crate::drafts::discard_draft();
        state.draft.set(false);
    };
    view! {
        <p class="provenance draft-notice" role="status">
            <bdi>{kept}</bdi>
            " "
            <button type="button" class="link-button" on:click=move |_| open_draft(state)>"Open them"</button>
            " · "
            <button type="button" class="link-button" on:click=discard>"Discard them"</button>
        </p>
    }
    .into_any()
}
