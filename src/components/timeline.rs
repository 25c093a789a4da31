//! The timeline: events in order, each with its date as precise as the sources allow, kept
//! apart from the sources that report it and when those were published.

use super::search::ResultsList;
use super::EntityLink;
use crate::state::AppState;
use dispute_core::model::{DatePrecision, Event};
use leptos::prelude::*;

/// Every event in file order, which validation keeps in date order for dated events.
#[component]
pub fn Timeline() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let Some(dataset) = state.dataset() else {
            return ().into_any();
        };
        let items: Vec<_> = dataset
            .file
            .events
            .iter()
            .filter(|event| state.is_kept(event.id.as_str()))
            .map(|event| event_item(&dataset, event))
            .collect();
        let empty = items.is_empty().then(|| {
            view! {
                <p class="empty">"No event matches the search and filters. What they find:"</p>
                <ResultsList testid="view-search-results" />
            }
        });
        view! {
            <section class="timeline-view" data-testid="timeline" aria-label="Timeline">
                <h2 class="view-heading">"Timeline"</h2>
                <p class="view-intro">"When things happened, as precisely as the reports say. Who reported each event, and when, is listed beside it."</p>
                {empty}
                <ol class="timeline">{items}</ol>
            </section>
        }
        .into_any()
    }
}

fn event_item(dataset: &dispute_core::dataset::Dataset, event: &Event) -> impl IntoView {
    let reported: Vec<_> = event
        .sources
        .iter()
        .map(|source| {
            let published = dataset
                .source(source.as_str())
                .and_then(|source| source.published.as_ref())
                .map(|date| if date.precision == DatePrecision::Unknown { "undated".to_owned() } else { date.text.clone() })
                .unwrap_or_else(|| "undated".to_owned());
            view! { <li><EntityLink id=source.0.clone() /> <span class="muted">" (published: " <bdi>{published}</bdi> ")"</span></li> }
        })
        .collect();
    let relative = event.date.relative_to.as_ref().map(|source| {
        let title = dataset
            .label(source.as_str())
            .unwrap_or_default()
            .to_owned();
        title
    });
    view! {
        <li class=format!("timeline-item status-{} precision-{}", event.status.as_str(), event.date.precision.as_str())>
            <div class="timeline-date">
                <span class="date-text"><bdi>{super::shown(&event.date.text)}</bdi></span>
                <span class=format!("badge precision-{}", event.date.precision.as_str())>{event.date.precision.label()}</span>
                {relative.map(|title| view! { <span class="muted relative-note">"relative to the date of “" <bdi>{title}</bdi> "”"</span> })}
            </div>
            <div class="timeline-body">
                <p class="timeline-title">
                    <EntityLink id=event.id.0.clone() />
                    " " <span class=format!("badge status-{}", event.status.as_str())>{event.status.as_str()}</span>
                </p>
                <p><bdi>{super::shown(&event.summary)}</bdi></p>
                <div class="reported">
                    <span class="muted">"Reported by:"</span>
                    <ul class="inline-list">{reported}</ul>
                </div>
            </div>
        </li>
    }
}
