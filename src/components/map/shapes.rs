//! The map's shapes: the dispute's arcs and label, the parties with their lifelines, the
//! contracts as cards with their clauses as chips, and the conflict badges. One drawing for the
//! map on screen, where every entity is a focusable control (`Live`), and for the still picture
//! of the printed briefing, where nothing is (`Still`).

use crate::state::AppState;
use dispute_core::layout::{
    decimal, units, Direction, Frame, MapLayout, Metrics, PartyNode, Rect, Side, Viewport,
};
use dispute_core::model::{EntityKind, EntityRef};
use leptos::ev;
use leptos::prelude::*;
use leptos::reactive::computed::Selector;
use std::collections::HashMap;
use std::sync::Arc;

/// What the live map's shapes share with the map around them.
#[derive(Clone)]
pub(super) struct MapContext {
    /// How many conflicts are about each drawn entity, for its badge.
    pub badges: Arc<HashMap<String, usize>>,
    /// Set when a drag ends, so the click that follows it does not select.
    pub dragged: RwSignal<bool>,
    pub viewport: RwSignal<Viewport>,
    pub frame: RwSignal<Frame>,
    /// The entity that holds the map's one Tab stop.
    pub tab_stop: RwSignal<String>,
    /// Tells each entity whether it holds the Tab stop, notifying only the two that change.
    pub tab_stops: StoredValue<Selector<String>>,
}

/// How the shapes are drawn: to be used, or to be looked at.
#[derive(Clone)]
pub(super) enum Mode {
    Live(MapContext),
    Still,
}

/// Every shape of `map`, in drawing order, for the parts `shown` says are drawn: the map on
/// screen draws only what is near its visible part (keyed lists that follow `shown`); a still
/// picture draws everything once.
pub(super) fn shapes(
    map: Arc<MapLayout>,
    metrics: Metrics,
    mode: Mode,
    shown: Memo<dispute_core::layout::Visible>,
) -> impl IntoView {
    view! {
        {dispute_mark(&map, &mode, &metrics)}
        <For each=move || shown.with(|shown| shown.lifelines.clone()) key=|index| *index
            children={ let map = map.clone(); move |index| lifeline(&map.parties[index]) } />
        <For each=move || shown.with(|shown| shown.contracts.clone()) key=|index| *index
            children={ let (map, mode) = (map.clone(), mode.clone()); move |index| contract_group(&map, &mode, &metrics, index) } />
        <For each=move || shown.with(|shown| shown.parties.clone()) key=|index| *index
            children={ let (map, mode) = (map.clone(), mode.clone()); move |index| party_node(&map, &mode, &metrics, index) } />
        {others_heading(&map, &metrics)}
    }
}

/// What every drawn entity has: on the live map, click, Enter or Space selects; arrows move
/// focus to the nearest entity that way; hover and focus highlight its neighbourhood. In a still
/// picture it is a shape and nothing more.
struct Selectable {
    on_click: Box<dyn Fn(ev::MouseEvent)>,
    on_key: Box<dyn Fn(ev::KeyboardEvent)>,
    on_enter: Box<dyn Fn()>,
    on_focus: Box<dyn Fn()>,
    selected: Signal<bool>,
    dimmed: Signal<bool>,
    tab_index: Signal<Option<&'static str>>,
    /// "added" or "changed" while a comparison is open and the entity is new or changed.
    change: Signal<Option<&'static str>>,
    /// `data-kind`, `data-id` and `role`: a live entity's only.
    kind: Option<&'static str>,
    id: Option<String>,
    role: Option<&'static str>,
}

fn selectable(map: &Arc<MapLayout>, mode: &Mode, kind: EntityKind, id: &str) -> Selectable {
    let Mode::Live(context) = mode else {
        return Selectable {
            on_click: Box::new(|_| {}),
            on_key: Box::new(|_| {}),
            on_enter: Box::new(|| {}),
            on_focus: Box::new(|| {}),
            selected: Signal::stored(false),
            dimmed: Signal::stored(false),
            tab_index: Signal::stored(None),
            change: Signal::stored(None),
            kind: None,
            id: None,
            role: None,
        };
    };
    let state = expect_context::<AppState>();
    let MapContext {
        dragged,
        viewport,
        frame,
        tab_stop,
        tab_stops,
        ..
    } = context.clone();
    let map = map.clone();
    let owned = id.to_owned();
    let (click_id, key_id, enter_id, focus_id, dimmed_id, change_id, stop_id) = (
        owned.clone(),
        owned.clone(),
        owned.clone(),
        owned.clone(),
        owned.clone(),
        owned.clone(),
        owned.clone(),
    );
    let entity = EntityRef::new(kind, owned.clone());
    Selectable {
        on_click: Box::new(move |event: ev::MouseEvent| {
            event.stop_propagation();
            if dragged.get_untracked() {
                dragged.set(false);
                return;
            }
            state.select(EntityRef::new(kind, click_id.clone()));
        }),
        on_key: Box::new(move |event: ev::KeyboardEvent| {
            let key = event.key();
            if key == "Enter" || key == " " {
                event.prevent_default();
                event.stop_propagation();
                state.select(EntityRef::new(kind, key_id.clone()));
            } else if let (false, Some(direction)) = (event.shift_key(), Direction::from_key(&key))
            {
                event.prevent_default();
                event.stop_propagation();
                if let Some((next_kind, next_id)) = map.neighbour(&key_id, direction) {
                    tab_stop.set(next_id.to_owned());
                    if !focus_entity(&state, next_kind, next_id) {
                        // Not drawn yet: bring it into view, then focus it once it is drawn.
                        if let Some(rect) = map.rect_of(next_id) {
                            viewport
                                .update(|view| *view = view.showing(&rect, frame.get_untracked()));
                        }
                        let next_id = next_id.to_owned();
                        request_animation_frame(move || {
                            focus_entity(&state, next_kind, &next_id);
                        });
                    }
                }
            }
        }),
        on_enter: Box::new(move || state.focused.set(Some(enter_id.clone()))),
        on_focus: Box::new(move || {
            state.focused.set(Some(focus_id.clone()));
            if tab_stop.with_untracked(|stop| *stop != focus_id) {
                tab_stop.set(focus_id.clone());
            }
        }),
        selected: Signal::derive(move || state.is_selected(&entity)),
        dimmed: Signal::derive(move || state.is_dimmed(&dimmed_id)),
        tab_index: Signal::derive(move || {
            Some(if tab_stops.with_value(|stops| stops.selected(&stop_id)) {
                "0"
            } else {
                "-1"
            })
        }),
        change: Signal::derive(move || state.change_mark(kind, &change_id)),
        kind: Some(kind.as_str()),
        id: Some(owned),
        role: Some("button"),
    }
}

/// Moves keyboard focus to an entity on the map; false when it is not drawn.
fn focus_entity(state: &AppState, kind: EntityKind, id: &str) -> bool {
    let selector = format!(
        "[data-testid='map'] [data-kind='{}'][data-id='{}']",
        kind.as_str(),
        id
    );
    state.focus(&selector)
}

/// An entity's group: its class (dimmed as the search and the pointer say), its state as data
/// attributes, and on the live map its handlers, its place in the Tab order and its name.
fn entity(
    selectable: Selectable,
    class: String,
    label: String,
    children: impl IntoView + 'static,
) -> impl IntoView {
    let Selectable {
        on_click,
        on_key,
        on_enter,
        on_focus,
        selected,
        dimmed,
        tab_index,
        change,
        kind,
        id,
        role,
    } = selectable;
    let label = role.is_some().then_some(label);
    view! {
        <g class=class class:dimmed=dimmed
            aria-current=move || selected.get().then_some("true") data-dimmed=move || dimmed.get().then_some("true")
            data-change=change data-kind=kind data-id=id tabindex=tab_index role=role aria-label=label
            on:click=on_click on:keydown=on_key on:mouseenter=move |_| on_enter() on:focus=move |_| on_focus()>
            {children}
        </g>
    }
}

fn dispute_mark(map: &Arc<MapLayout>, mode: &Mode, metrics: &Metrics) -> impl IntoView {
    let dispute = map.dispute.clone()?;
    let label = dispute.label;
    let children = view! {
        {dispute.arcs.iter().map(|(respondent, curve)| view! {
            <path class="dispute-arc" d=curve.svg_path() data-respondent=respondent.clone() />
        }).collect_view()}
        <rect class="dispute-label" x=units(label.x) y=units(label.y) width=units(label.width) height=units(label.height) rx="6" />
        <text class="dispute-text" x=units(label.center_x()) y=units(label.y + metrics.padding / 2.0) font-size=units(metrics.dispute_text.size)>
            {lines(&dispute.label_lines, label.center_x(), "1.0em")}
        </text>
    };
    Some(entity(
        selectable(map, mode, EntityKind::Dispute, &dispute.id),
        "dispute".to_owned(),
        format!("Dispute: {}", dispute.label_lines.concat()),
        children,
    ))
}

/// The tspans of a wrapped label, one per line. Each line but the last keeps the space that
/// followed it, so the label reads whole (a screen reader, find-in-page, a copy).
fn lines(lines: &[String], x: f64, first_dy: &str) -> impl IntoView {
    lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let dy = if index == 0 {
                first_dy.to_owned()
            } else {
                LINE_STEP.to_owned()
            };
            view! { <tspan x=units(x) dy=dy>{line.clone()}</tspan> }
        })
        .collect_view()
}

/// How far each line of a wrapped label is below the one before it.
const LINE_STEP: &str = "1.25em";

fn lifeline(party: &PartyNode) -> impl IntoView {
    party.lifeline.map(|(x, top, bottom)| {
        view! { <line class="lifeline" data-party=party.id.clone() x1=units(x) y1=units(top) x2=units(x) y2=units(bottom) /> }
    })
}

/// Room at the top of a claimant's or respondent's box for the word that says which it is.
const CAPTION_HEIGHT: f64 = 17.0;

fn party_node(map: &Arc<MapLayout>, mode: &Mode, metrics: &Metrics, index: usize) -> impl IntoView {
    let party = &map.parties[index];
    let rect = party.rect;
    // A claimant or respondent says so above its name, so the map reads without its legend.
    let caption = match party.side {
        Side::Claimant => Some("CLAIMANT"),
        Side::Respondent => Some("RESPONDENT"),
        Side::Other => None,
    };
    let caption_height = if caption.is_some() {
        CAPTION_HEIGHT
    } else {
        0.0
    };
    let name_center = rect.y + caption_height + (rect.height - caption_height) / 2.0;
    let line_count = party.lines.len() as f64;
    let first_dy = format!("{}em", decimal(0.35 - (line_count - 1.0) * 0.625, 3));
    // A party bound by no contract is named in the lighter style of a clause.
    let font_size = if party.lifeline.is_some() {
        metrics.party_text.size
    } else {
        metrics.chip_text.size
    };
    let name = party.lines.concat();
    let label = match party.side {
        Side::Claimant => format!("Claimant {name}"),
        Side::Respondent => format!("Respondent {name}"),
        Side::Other => format!("{name}, other party"),
    };
    let loose = if party.lifeline.is_none() {
        " loose"
    } else {
        ""
    };
    let children = view! {
        <rect x=units(rect.x) y=units(rect.y) width=units(rect.width) height=units(rect.height) rx="10" />
        // One text element, the side then the name, so the box reads "Claimant Microsoft".
        <text x=units(rect.center_x()) y=units(name_center) font-size=units(font_size)>
            {caption.map(|caption| view! {
                <tspan class="party-caption" x=units(rect.center_x()) y=units(rect.y + CAPTION_HEIGHT) font-size="12">{format!("{caption} ")}</tspan>
            })}
            {party.lines.iter().enumerate().map(|(index, line)| {
                let place = if index == 0 { (Some(name_center), first_dy.clone()) } else { (None, LINE_STEP.to_owned()) };
                view! { <tspan x=units(rect.center_x()) y=place.0.map(units) dy=place.1>{line.clone()}</tspan> }
            }).collect_view()}
        </text>
    };
    view! {
        {entity(selectable(map, mode, EntityKind::Party, &party.id), format!("node party side-{}{loose}", party.side.as_str()), label, children)}
        {conflict_badge(mode, EntityKind::Party, &party.id, rect)}
    }
}

/// A small count of the conflicts between the reports about an entity, on its top right corner;
/// it opens those conflicts. Drawn beside the entity, not inside it, so no control holds another.
/// The live map's only.
fn conflict_badge(mode: &Mode, kind: EntityKind, id: &str, rect: Rect) -> impl IntoView {
    let Mode::Live(context) = mode else {
        return None;
    };
    let count = context.badges.get(id).copied().filter(|count| *count > 0)?;
    let state = expect_context::<AppState>();
    let entity = EntityRef::new(kind, id.to_owned());
    let on_click = move |event: ev::MouseEvent| {
        event.stop_propagation();
        state.navigate(dispute_core::route::Route {
            view: Some(dispute_core::route::View::Conflicts),
            selection: Some(entity.clone()),
        })
    };
    let (x, y) = (rect.right() - 2.0, rect.y + 2.0);
    let (plural, them) = if count == 1 {
        ("", "it")
    } else {
        ("s", "them")
    };
    Some(view! {
        <g class="conflict-badge" data-badge=id.to_owned() role="link"
            aria-label=format!("{count} conflict{plural} between the reports about it: open {them}")
            on:click=on_click on:pointerdown=|event: ev::PointerEvent| event.stop_propagation()>
            <title>{format!("{count} conflict{plural} between the reports")}</title>
            <circle cx=units(x) cy=units(y) r="10" />
            <text x=units(x) y=units(y + 4.0) font-size="12">{count.to_string()}</text>
        </g>
    })
}

fn contract_group(
    map: &Arc<MapLayout>,
    mode: &Mode,
    metrics: &Metrics,
    index: usize,
) -> impl IntoView {
    let metrics = *metrics;
    let card = &map.contracts[index];
    let group_dimmed = match mode {
        Mode::Live(_) => {
            let state = expect_context::<AppState>();
            let card_id = card.id.clone();
            Signal::derive(move || state.is_dimmed(&card_id))
        }
        Mode::Still => Signal::stored(false),
    };
    let rect = card.rect;
    let card_shape = view! {
        <rect x=units(rect.x) y=units(rect.y) width=units(rect.width) height=units(rect.height) rx="8" />
        <text x=units(rect.x + metrics.padding) y=units(rect.y + metrics.padding) font-size=units(metrics.title_text.size)>
            {lines(&card.title_lines, rect.x + metrics.padding, "0.95em")}
        </text>
    };
    view! {
        <g class="contract-group">
            {card.connectors.iter().map(|connector| view! {
                <g class="connector" class:dimmed=group_dimmed data-party=connector.party.clone()>
                    <line x1=units(connector.from_x) y1=units(connector.y) x2=units(connector.to_x) y2=units(connector.y) />
                    <circle cx=units(if connector.from_x < rect.x { connector.from_x } else { connector.to_x }) cy=units(connector.y) r="4" />
                </g>
            }).collect_view()}
            {entity(selectable(map, mode, EntityKind::Contract, &card.id), "node contract".to_owned(), format!("Contract: {}", card.title_lines.concat()), card_shape)}
            {card.chips.iter().map(|chip| {
                let chip_rect = chip.rect;
                let chip_shape = view! {
                    <rect x=units(chip_rect.x) y=units(chip_rect.y) width=units(chip_rect.width) height=units(chip_rect.height) rx="11" />
                    <text x=units(chip_rect.x + metrics.padding) y=units(chip_rect.y + 4.0) font-size=units(metrics.chip_text.size)>
                        {lines(&chip.lines, chip_rect.x + metrics.padding, "1.05em")}
                    </text>
                };
                let (class, in_dispute) = if chip.disputed { ("chip clause disputed", " in dispute") } else { ("chip clause", "") };
                view! {
                    {entity(selectable(map, mode, EntityKind::Clause, &chip.id), class.to_owned(), format!("Clause{in_dispute}: {}", chip.lines.concat()), chip_shape)}
                    {conflict_badge(mode, EntityKind::Clause, &chip.id, chip_rect)}
                }
            }).collect_view()}
            {conflict_badge(mode, EntityKind::Contract, &card.id, rect)}
        </g>
    }
}

fn others_heading(map: &MapLayout, metrics: &Metrics) -> impl IntoView {
    let top = map.others_top?;
    let left = map
        .parties
        .iter()
        .find(|party| party.lifeline.is_none())?
        .rect
        .x;
    Some(
        view! { <text class="others-heading" x=units(left) y=units(top) font-size=units(metrics.chip_text.size)>"Also named in the reports"</text> },
    )
}
