//! The map: parties with lifelines, contracts as cards between them, clauses as chips on their
//! contract, and the dispute as arcs above. Drawn in SVG so every entity is a focusable element.

use crate::layout::{layout, MapLayout, Metrics};
use crate::model::{EntityKind, EntityRef};
use crate::state::AppState;
use leptos::ev;
use leptos::prelude::*;
use std::sync::Arc;

/// The dispute map, laid out for the current window width.
#[component]
pub fn Map() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (metrics, set_metrics) = signal(Metrics::for_width(window_width()));
    let _ = window_event_listener(ev::resize, move |_| {
        let wanted = Metrics::for_width(window_width());
        if wanted != metrics.get_untracked() {
            set_metrics.set(wanted);
        }
    });
    let drawing = Memo::new(move |_| state.dataset().map(|dataset| Arc::new(layout(&dataset, &metrics.get()))));

    move || {
        let Some(map) = drawing.get() else { return ().into_any() };
        let metrics = metrics.get_untracked();
        view! {
            <figure class="map-frame" data-testid="map">
                <svg
                    class="map"
                    viewBox=format!("0 0 {:.0} {:.0}", map.width, map.height)
                    role="group"
                    aria-label="Map of the dispute: parties, the contracts between them and their clauses"
                >
                    {dispute_mark(&map, &metrics)}
                    {lifelines(&map)}
                    {contract_cards(&map, &metrics)}
                    {party_nodes(&map, &metrics)}
                    {others_heading(&map, &metrics)}
                </svg>
            </figure>
        }
        .into_any()
    }
}

fn window_width() -> f64 {
    window().inner_width().ok().and_then(|width| width.as_f64()).unwrap_or(1280.0)
}

/// Click, Enter or Space selects; the element is focusable and labelled for screen readers.
fn selectable(kind: EntityKind, id: &str) -> (impl Fn(ev::MouseEvent) + 'static, impl Fn(ev::KeyboardEvent) + 'static, Signal<bool>) {
    let state = expect_context::<AppState>();
    let click_id = id.to_owned();
    let key_id = id.to_owned();
    let selected_id = id.to_owned();
    let on_click = move |_| super::select(kind, &click_id);
    let on_key = move |event: ev::KeyboardEvent| {
        if event.key() == "Enter" || event.key() == " " {
            event.prevent_default();
            super::select(kind, &key_id);
        }
    };
    let selected = Signal::derive(move || state.selection.with(|selection| selection.as_ref() == Some(&EntityRef::new(kind, selected_id.clone()))));
    (on_click, on_key, selected)
}

fn dispute_mark(map: &MapLayout, metrics: &Metrics) -> impl IntoView {
    let dispute = map.dispute.clone()?;
    let (on_click, on_key, selected) = selectable(EntityKind::Dispute, &dispute.id);
    let label = dispute.label;
    let aria_label = format!("Dispute: {}", dispute.label_lines.join(" "));
    Some(view! {
        <g class="dispute" class:selected=selected data-kind="dispute" data-id=dispute.id.clone() tabindex="0" role="button"
            aria-label=aria_label
            on:click=on_click on:keydown=on_key>
            {dispute.arcs.iter().map(|(respondent, curve)| view! {
                <path class="dispute-arc" d=curve.svg_path() data-respondent=respondent.clone() />
            }).collect_view()}
            <rect class="dispute-label" x=label.x y=label.y width=label.width height=label.height rx="6" />
            <text class="dispute-text" x=label.center_x() y=label.y + metrics.padding / 2.0 font-size=metrics.dispute_text.size>
                {dispute.label_lines.into_iter().enumerate().map(|(index, line)| view! {
                    <tspan x=label.center_x() dy=if index == 0 { "1.0em" } else { "1.25em" }>{line}</tspan>
                }).collect_view()}
            </text>
        </g>
    })
}

fn lifelines(map: &MapLayout) -> impl IntoView {
    map.parties
        .iter()
        .filter_map(|party| party.lifeline.map(|(x, top, bottom)| (party.id.clone(), x, top, bottom)))
        .map(|(id, x, top, bottom)| view! { <line class="lifeline" data-party=id x1=x y1=top x2=x y2=bottom /> })
        .collect_view()
}

fn party_nodes(map: &MapLayout, metrics: &Metrics) -> impl IntoView {
    map.parties
        .iter()
        .map(|party| {
            let (on_click, on_key, selected) = selectable(EntityKind::Party, &party.id);
            let rect = party.rect;
            let line_count = party.lines.len() as f64;
            let first_dy = format!("{:.3}em", 0.35 - (line_count - 1.0) * 0.625);
            let font_size = metrics.party_text.size;
            view! {
                <g class=format!("node party side-{}", party.side.as_str()) class:selected=selected
                    data-kind="party" data-id=party.id.clone() tabindex="0" role="button"
                    aria-label=format!("Party: {}", party.lines.join(" "))
                    on:click=on_click on:keydown=on_key>
                    <rect x=rect.x y=rect.y width=rect.width height=rect.height rx="10" />
                    <text x=rect.center_x() y=rect.center_y() font-size=font_size>
                        {party.lines.iter().enumerate().map(|(index, line)| view! {
                            <tspan x=rect.center_x() dy=if index == 0 { first_dy.clone() } else { "1.25em".to_owned() }>{line.clone()}</tspan>
                        }).collect_view()}
                    </text>
                </g>
            }
        })
        .collect_view()
}

fn contract_cards(map: &MapLayout, metrics: &Metrics) -> impl IntoView {
    let metrics = *metrics;
    map.contracts
        .iter()
        .map(|card| {
            let (on_click, on_key, selected) = selectable(EntityKind::Contract, &card.id);
            let rect = card.rect;
            view! {
                <g class="contract-group">
                    {card.connectors.iter().map(|connector| view! {
                        <line class="connector" data-party=connector.party.clone() x1=connector.from_x y1=connector.y x2=connector.to_x y2=connector.y />
                        <circle class="connector-dot" cx=if connector.from_x < rect.x { connector.from_x } else { connector.to_x } cy=connector.y r="4" />
                    }).collect_view()}
                    <g class="node contract" class:selected=selected data-kind="contract" data-id=card.id.clone() tabindex="0" role="button"
                        aria-label=format!("Contract: {}", card.title_lines.join(" "))
                        on:click=on_click on:keydown=on_key>
                        <rect x=rect.x y=rect.y width=rect.width height=rect.height rx="8" />
                        <text x=rect.x + metrics.padding y=rect.y + metrics.padding font-size=metrics.title_text.size>
                            {card.title_lines.iter().enumerate().map(|(index, line)| view! {
                                <tspan x=rect.x + metrics.padding dy=if index == 0 { "0.95em" } else { "1.25em" }>{line.clone()}</tspan>
                            }).collect_view()}
                        </text>
                    </g>
                    {card.chips.iter().map(|chip| {
                        let (on_click, on_key, selected) = selectable(EntityKind::Clause, &chip.id);
                        let chip_rect = chip.rect;
                        view! {
                            <g class="chip clause" class:disputed=chip.disputed class:selected=selected
                                data-kind="clause" data-id=chip.id.clone() tabindex="0" role="button"
                                aria-label=format!("Clause{}: {}", if chip.disputed { " in dispute" } else { "" }, chip.lines.join(" "))
                                on:click=move |event| { event.stop_propagation(); on_click(event) } on:keydown=on_key>
                                <rect x=chip_rect.x y=chip_rect.y width=chip_rect.width height=chip_rect.height rx="11" />
                                <text x=chip_rect.x + metrics.padding y=chip_rect.y + 4.0 font-size=metrics.chip_text.size>
                                    {chip.lines.iter().enumerate().map(|(index, line)| view! {
                                        <tspan x=chip_rect.x + metrics.padding dy=if index == 0 { "1.05em" } else { "1.25em" }>{line.clone()}</tspan>
                                    }).collect_view()}
                                </text>
                            </g>
                        }
                    }).collect_view()}
                </g>
            }
        })
        .collect_view()
}

fn others_heading(map: &MapLayout, metrics: &Metrics) -> impl IntoView {
    let top = map.others_top?;
    let left = map.parties.iter().find(|party| party.lifeline.is_none())?.rect.x;
    Some(view! { <text class="others-heading" x=left y=top font-size=metrics.chip_text.size>"Also named in the reports"</text> })
}
