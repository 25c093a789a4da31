//! The guided walkthrough's card (`data-testid="tour-step"`): the step's title, its text in the
//! editors' own words (never shown as a quote), the statements it rests on, "n of m", Previous
//! and Next. The view and the selection follow the step; Escape leaves the walkthrough.

use super::EntityLink;
use crate::state::AppState;
use leptos::ev;
use leptos::prelude::*;

/// The card of the step on screen, when the walkthrough is open.
#[component]
pub fn TourCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let step = state.tour.get()?;
        let dataset = state.dataset()?;
        let total = dataset.file.tour.len();
        let found = dataset.file.tour.get(step.checked_sub(1)?)?;
        let backing = found
            .statements
            .iter()
            .map(|id| view! { <li><EntityLink id=id.0.clone() /></li> })
            .collect_view();
        let on_key = move |event: ev::KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                state.leave_tour();
            }
        };
        Some(view! {
            <section class="tour-card" data-testid="tour-step" aria-label="Guided walkthrough" on:keydown=on_key>
                <p class="tour-count">{format!("Guided walkthrough · {step} of {total}")}</p>
                <h2><bdi>{found.title.clone()}</bdi></h2>
                <p class="tour-text"><span class="visually-hidden">"In the editors' words: "</span><bdi>{found.text.clone()}</bdi></p>
                <details class="tour-backing">
                    <summary>{format!("Based on {} statement{}", found.statements.len(), if found.statements.len() == 1 { "" } else { "s" })}</summary>
                    <ul class="plain-list">{backing}</ul>
                </details>
                <div class="tour-buttons">
                    <button type="button" disabled={step <= 1} on:click=move |_| state.navigate_tour(step - 1)>"Previous"</button>
                    <button type="button" class="primary" disabled={step >= total} on:click=move |_| state.navigate_tour(step + 1)>"Next"</button>
                    <button type="button" class="tour-close" on:click=move |_| state.leave_tour()>"Leave the walkthrough"</button>
                </div>
            </section>
        })
    }
}
