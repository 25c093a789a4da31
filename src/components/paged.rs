//! A long list drawn a page at a time, so a view of twenty thousand statements answers at once:
//! the first page, then a button for each next one. Each page is drawn once, when it is asked for.

use leptos::prelude::*;
use std::sync::Arc;

/// How many items a page holds.
pub const PAGE: usize = 100;

/// The first page of `items` as list items, and a button for the next page while there is one.
#[component]
pub fn Paged<T, V, R>(
    /// What to list, in order.
    items: Vec<T>,
    /// Draws one item (as an `<li>`).
    render: R,
) -> impl IntoView
where
    T: Send + Sync + 'static,
    V: IntoView + 'static,
    R: Fn(&T) -> V + Clone + Send + Sync + 'static,
{
    let items = Arc::new(items);
    let pages = items.len().div_ceil(PAGE);
    let (shown, set_shown) = signal(1_usize);
    let left = {
        let total = items.len();
        move || total.saturating_sub(shown.get() * PAGE)
    };
    view! {
        <For each=move || 0..shown.get().min(pages) key=|page| *page
            children=move |page| {
                let items = items.clone();
                let render = render.clone();
                items[page * PAGE..((page + 1) * PAGE).min(items.len())]
                    .iter()
                    .map(render)
                    .collect_view()
            } />
        {move || (left() > 0).then(|| view! {
            <li class="more-items">
                <button type="button" on:click=move |_| set_shown.update(|shown| *shown += 1)>
                    {format!("Show {} more ({} not shown)", left().min(PAGE), left())}
                </button>
            </li>
        })}
    }
}
