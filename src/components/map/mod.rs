//! The map: parties with lifelines, contracts as cards between them, clauses as chips on their
//! contract, and the dispute as arcs above. Drawn in SVG so every entity is a focusable element.
//!
//! It opens at full size (one drawing unit to one CSS pixel) from the drawing's top left, so its
//! text reads at the size the layout measured, and the pre-rendered page shows what the app will.
//!
//! Movement: the map is one Tab stop; the arrow keys go from entity to entity inside it (a roving
//! tabindex), Enter or Space selects. Pan by dragging (mouse or one finger) or Shift+arrows; zoom
//! with the buttons, + and -, Ctrl+wheel or a pinch; Fit shows the whole drawing, 0 the opening
//! view.
//!
//! Only the shapes near the visible part are drawn (see `layout::viewport`): a large dispute's map
//! opens on its top-left part, and panning, zooming or selecting elsewhere draws what comes near.

use crate::state::AppState;
use dispute_core::layout::{
    decimal, layout, units, Direction, Frame, MapLayout, Metrics, PartyNode, Rect, Side, Viewport,
    ASSUMED_FRAME,
};
use dispute_core::model::{EntityKind, EntityRef};
use leptos::ev;
use leptos::prelude::*;
use leptos::reactive::computed::Selector;
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Pointer gestures in progress: where each pointer is, and whether the gesture moved far
/// enough to be a drag rather than a click.
#[derive(Clone, Default)]
struct Gesture {
    pointers: HashMap<i32, (f64, f64)>,
    moved: f64,
}

/// The dispute map, laid out for the width of the app.
#[component]
pub fn Map() -> impl IntoView {
    let state = expect_context::<AppState>();
    let metrics = Memo::new(move |_| Metrics::for_width(state.width.get()));
    let drawing = Memo::new(move |_| {
        state
            .dataset()
            .map(|dataset| Arc::new(layout(&dataset, &metrics.get())))
    });

    move || {
        let Some(map) = drawing.get() else {
            return ().into_any();
        };
        let metrics = metrics.get_untracked();
        let viewport = RwSignal::new(Viewport::HOME);
        // The frame's size in CSS pixels, measured once it is on screen and when the window
        // changes; assumed until then (and on the host).
        let frame = RwSignal::new(ASSUMED_FRAME);
        // A drag that just ended must not also count as a click on what it started on.
        let dragged = RwSignal::new(false);
        let gesture = StoredValue::new(Gesture::default());
        let svg_ref = NodeRef::<leptos::svg::Svg>::new();
        // Measured in a frame that may come after the map has gone (another view opened at
        // once, as a walkthrough step does), so nothing here assumes it is still there.
        let measure = move || {
            let Some(svg) = svg_ref.try_get_untracked().flatten() else {
                return;
            };
            let bounds = svg.get_bounding_client_rect();
            let measured = Frame {
                width: bounds.width(),
                height: bounds.height(),
            };
            if measured.width > 0.0
                && frame
                    .try_get_untracked()
                    .is_some_and(|known| known != measured)
            {
                frame.try_set(measured);
            }
        };
        #[cfg(target_arch = "wasm32")]
        {
            request_animation_frame(measure);
            let resize = window_event_listener(ev::resize, move |_| measure());
            on_cleanup(move || resize.remove());
        }
        let range = move || Viewport::zoom_range(&drawing_of(drawing), frame.get_untracked());

        // Converts a point on screen into drawing units under the current view.
        let to_drawing = move |client_x: f64, client_y: f64| -> Option<(f64, f64)> {
            let svg = svg_ref.get_untracked()?;
            let bounds = svg.get_bounding_client_rect();
            let view = viewport.get_untracked();
            Some((
                view.x + (client_x - bounds.left()) / view.scale,
                view.y + (client_y - bounds.top()) / view.scale,
            ))
        };
        let zoom_by = move |factor: f64| {
            measure();
            let (x, y) = viewport.get_untracked().center(frame.get_untracked());
            viewport.update(|view| *view = view.zoomed(factor, x, y, range()));
        };
        let fit = {
            let map = map.clone();
            move || {
                measure();
                viewport.set(Viewport::fit(&map, frame.get_untracked()));
            }
        };

        let on_wheel = move |event: ev::WheelEvent| {
            // Plain scrolling stays with the page; Ctrl+wheel (and a trackpad pinch) zooms.
            if !event.ctrl_key() && !event.meta_key() {
                return;
            }
            event.prevent_default();
            if let Some((x, y)) = to_drawing(event.client_x() as f64, event.client_y() as f64) {
                let factor = (-event.delta_y() * 0.002).exp();
                viewport.update(|view| *view = view.zoomed(factor, x, y, range()));
            }
        };
        let on_pointer_down = move |event: ev::PointerEvent| {
            gesture.update_value(|gesture| {
                if gesture.pointers.is_empty() {
                    gesture.moved = 0.0;
                }
                gesture.pointers.insert(
                    event.pointer_id(),
                    (event.client_x() as f64, event.client_y() as f64),
                );
            });
        };
        let on_pointer_move = move |event: ev::PointerEvent| {
            let id = event.pointer_id();
            let now = (event.client_x() as f64, event.client_y() as f64);
            let Some(before) = gesture.with_value(|gesture| gesture.pointers.get(&id).copied())
            else {
                return;
            };
            let others: Vec<(f64, f64)> = gesture.with_value(|gesture| {
                gesture
                    .pointers
                    .iter()
                    .filter(|(other, _)| **other != id)
                    .map(|(_, at)| *at)
                    .collect()
            });
            let scale = viewport.get_untracked().scale;
            match others.as_slice() {
                [] => {
                    let (dx, dy) = (now.0 - before.0, now.1 - before.1);
                    gesture.update_value(|gesture| gesture.moved += dx.abs() + dy.abs());
                    if gesture.with_value(|gesture| gesture.moved) > 6.0 {
                        if let Some(target) = event
                            .target()
                            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                        {
                            let _ = target.set_pointer_capture(id);
                        }
                        viewport.update(|view| *view = view.panned(-dx / scale, -dy / scale));
                    }
                }
                [other, ..] => {
                    // A pinch: zoom by how much the distance between the two fingers changed.
                    let distance = |a: (f64, f64)| {
                        ((a.0 - other.0).powi(2) + (a.1 - other.1).powi(2))
                            .sqrt()
                            .max(1.0)
                    };
                    let factor = distance(now) / distance(before);
                    gesture.update_value(|gesture| gesture.moved += 10.0);
                    if let Some((x, y)) =
                        to_drawing((now.0 + other.0) / 2.0, (now.1 + other.1) / 2.0)
                    {
                        viewport.update(|view| *view = view.zoomed(factor, x, y, range()));
                    }
                }
            }
            event.prevent_default();
            gesture.update_value(|gesture| {
                gesture.pointers.insert(id, now);
            });
        };
        let on_pointer_up = move |event: ev::PointerEvent| {
            gesture.update_value(|gesture| {
                gesture.pointers.remove(&event.pointer_id());
            });
            if gesture.with_value(|gesture| gesture.pointers.is_empty() && gesture.moved > 6.0) {
                dragged.set(true);
            }
        };
        let on_key = {
            let fit = fit.clone();
            move |event: ev::KeyboardEvent| {
                let step = viewport
                    .get_untracked()
                    .visible(frame.get_untracked())
                    .width
                    / 10.0;
                let pan = match (event.shift_key(), Direction::from_key(&event.key())) {
                    (true, Some(Direction::Left)) => Some((-step, 0.0)),
                    (true, Some(Direction::Right)) => Some((step, 0.0)),
                    (true, Some(Direction::Up)) => Some((0.0, -step)),
                    (true, Some(Direction::Down)) => Some((0.0, step)),
                    _ => None,
                };
                if let Some((dx, dy)) = pan {
                    event.prevent_default();
                    viewport.update(|view| *view = view.panned(dx, dy));
                    return;
                }
                match event.key().as_str() {
                    "+" | "=" => zoom_by(1.25),
                    "-" | "_" => zoom_by(0.8),
                    "0" => viewport.set(Viewport::HOME),
                    "f" | "F" if !event.ctrl_key() && !event.meta_key() => fit(),
                    _ => return,
                }
                event.prevent_default();
            }
        };
        // Dimming follows the pointer or the keyboard inside the map, and ends when both leave.
        let on_focus_out = move |event: ev::FocusEvent| {
            let inside = event
                .related_target()
                .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
                .zip(svg_ref.get_untracked())
                .is_some_and(|(target, svg)| {
                    let svg: &web_sys::Node = svg.as_ref();
                    svg.contains(Some(&target))
                });
            if !inside {
                state.focused.set(None);
            }
        };

        let whole_shown = {
            let map = map.clone();
            move || viewport.get().shows_whole(&map, frame.get())
        };
        let at_home = move || viewport.get() == Viewport::HOME;

        // The one entity of the map in the Tab order: the selected one when the map draws it,
        // otherwise the dispute (or the first party), and then wherever the arrow keys go.
        let first = map
            .dispute
            .as_ref()
            .map(|dispute| dispute.id.clone())
            .or_else(|| map.parties.first().map(|party| party.id.clone()))
            .unwrap_or_default();
        let tab_stop = RwSignal::new(first);
        Effect::new({
            let map = map.clone();
            move |_| {
                let selected = state.selection.with(|selection| {
                    selection
                        .as_ref()
                        .filter(|entity| map.rect_of(&entity.id).is_some())
                        .map(|entity| entity.id.clone())
                });
                if let Some(id) = selected {
                    if tab_stop.with_untracked(|stop| *stop != id) {
                        tab_stop.set(id);
                    }
                }
            }
        });
        let badges = state
            .dataset()
            .map(|dataset| {
                dataset
                    .conflict_counts()
                    .into_iter()
                    .map(|(id, count)| (id.to_owned(), count))
                    .collect()
            })
            .unwrap_or_default();
        let context = MapContext {
            badges: Arc::new(badges),
            dragged,
            viewport,
            frame,
            map: map.clone(),
            tab_stop,
            tab_stops: StoredValue::new(Selector::new(move || tab_stop.get())),
        };
        if let Some(selected) = state.selection.get_untracked() {
            if map.rect_of(&selected.id).is_some() {
                tab_stop.set(selected.id);
            }
        }
        // Only the shapes near the visible part are drawn (all of them for an export).
        let whole = Rect {
            width: map.width,
            height: map.height,
            ..Rect::default()
        };
        let drawn_part = Memo::new(move |_| {
            if state.draw_whole.get() {
                whole
            } else {
                viewport.get().drawn_part(frame.get())
            }
        });
        let visible = Memo::new({
            let map = map.clone();
            move |_| {
                let mut visible = map.visible(&drawn_part.get());
                if let Some(id) = state.focused.get() {
                    visible.include(&map, &id);
                }
                visible.include(&map, &tab_stop.get());
                visible
            }
        });
        // A selection made elsewhere (the details, a list, a link) is brought into view.
        Effect::new({
            let map = map.clone();
            move |_| {
                let rect = state.selection.with(|selection| {
                    selection
                        .as_ref()
                        .and_then(|entity| map.rect_of(&entity.id))
                });
                if let Some(rect) = rect {
                    // On a phone the details sheet covers the lower part of the map: the
                    // selection is brought into the part above it.
                    let mut room = frame.get_untracked();
                    if state.is_narrow() {
                        let top = svg_ref
                            .get_untracked()
                            .map_or(0.0, |svg| svg.get_bounding_client_rect().top());
                        let window_height = window()
                            .inner_height()
                            .ok()
                            .and_then(|height| height.as_f64())
                            .unwrap_or(room.height);
                        room.height = dispute_core::layout::within(
                            window_height * SHEET_LEAVES - top,
                            80.0,
                            room.height,
                        );
                    }
                    let moved = viewport.get_untracked().showing(&rect, room);
                    if moved != viewport.get_untracked() {
                        viewport.set(moved);
                    }
                }
            }
        });
        view! {
            <figure class="map-frame" data-testid="map" part="map">
                <div class="map-controls" role="toolbar" aria-label="Zoom">
                    <button type="button" class="zoom-step" on:click=move |_| zoom_by(1.25) aria-label="Zoom in" title="Zoom in (+)">"+"</button>
                    <button type="button" class="zoom-step" on:click=move |_| zoom_by(0.8) aria-label="Zoom out" title="Zoom out (−)">"−"</button>
                    <button type="button" on:click={ let fit = fit.clone(); move |_| fit() } disabled=whole_shown
                        title="Show the whole map (F)">"Fit"</button>
                    <button type="button" on:click=move |_| viewport.set(Viewport::HOME) disabled=at_home
                        title="Back to the opening view (0)">"Reset"</button>
                </div>
                <svg
                    node_ref=svg_ref
                    class="map"
                    class:zoomed=move || !at_home()
                    data-drawing-width=decimal(map.width, 0)
                    data-drawing-height=decimal(map.height, 0)
                    data-view=move || {
                        let visible = viewport.get().visible(frame.get());
                        [visible.x, visible.y, visible.width, visible.height].map(|value| decimal(value, 0)).join(" ")
                    }
                    role="group"
                    aria-label="Map of the dispute: parties, the contracts between them and their clauses"
                    aria-describedby="map-keys"
                    on:wheel=on_wheel
                    on:pointerdown=on_pointer_down
                    on:pointermove=on_pointer_move
                    on:pointerup=on_pointer_up
                    on:pointercancel=on_pointer_up
                    on:keydown=on_key
                    on:focusout=on_focus_out
                    on:mouseleave=move |_| state.focused.set(None)
                >
                    <g class="map-content" transform=move || viewport.get().transform()>
                        {dispute_mark(&context, &metrics)}
                        <For each=move || visible.with(|visible| visible.lifelines.clone()) key=|index| *index
                            children={ let map = map.clone(); move |index| lifeline(&map.parties[index]) } />
                        <For each=move || visible.with(|visible| visible.contracts.clone()) key=|index| *index
                            children={ let context = context.clone(); move |index| contract_group(&context, &metrics, index) } />
                        <For each=move || visible.with(|visible| visible.parties.clone()) key=|index| *index
                            children={ let context = context.clone(); move |index| party_node(&context, &metrics, index) } />
                        {others_heading(&map, &metrics)}
                    </g>
                </svg>
                <Legend />
            </figure>
        }
        .into_any()
    }
}

/// How much of a phone's screen height the details sheet leaves above it (its top is at 62%
/// down at most, in `style/details.css`).
const SHEET_LEAVES: f64 = 0.38;

/// The laid-out map of a memo that is known to hold one.
fn drawing_of(drawing: Memo<Option<Arc<MapLayout>>>) -> Arc<MapLayout> {
    drawing
        .get_untracked()
        .expect("the map is drawn only once it is laid out")
}

/// What the drawing functions share.
#[derive(Clone)]
struct MapContext {
    /// How many conflicts are about each drawn entity, for its badge.
    badges: Arc<HashMap<String, usize>>,
    dragged: RwSignal<bool>,
    viewport: RwSignal<Viewport>,
    frame: RwSignal<Frame>,
    map: Arc<MapLayout>,
    /// The entity that holds the map's one Tab stop.
    tab_stop: RwSignal<String>,
    /// Tells each entity whether it holds the Tab stop, notifying only the two that change.
    tab_stops: StoredValue<Selector<String>>,
}

impl MapContext {
    /// `tabindex` of an entity: 0 for the Tab stop, -1 for the others (reachable by arrows).
    fn tab_index(&self, id: &str) -> Signal<&'static str> {
        let stops = self.tab_stops;
        let id = id.to_owned();
        Signal::derive(move || {
            if stops.with_value(|stops| stops.selected(&id)) {
                "0"
            } else {
                "-1"
            }
        })
    }
}

/// The handlers and reactive classes every drawn entity has: click, Enter or Space selects;
/// arrows move focus to the nearest entity that way; hover and focus highlight its neighbourhood.
struct Selectable {
    on_click: Box<dyn Fn(ev::MouseEvent)>,
    on_key: Box<dyn Fn(ev::KeyboardEvent)>,
    on_enter: Box<dyn Fn()>,
    on_focus: Box<dyn Fn()>,
    selected: Signal<bool>,
    dimmed: Signal<bool>,
    tab_index: Signal<&'static str>,
    /// "added" or "changed" while a comparison is open and the entity is new or changed.
    change: Signal<Option<&'static str>>,
}

fn selectable(context: &MapContext, kind: EntityKind, id: &str) -> Selectable {
    let state = expect_context::<AppState>();
    let dragged = context.dragged;
    let viewport = context.viewport;
    let frame = context.frame;
    let tab_stop = context.tab_stop;
    let map = context.map.clone();
    let owned = id.to_owned();
    let click_id = owned.clone();
    let key_id = owned.clone();
    let enter_id = owned.clone();
    let focus_id = owned.clone();
    let dimmed_id = owned.clone();
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
        selected: {
            let entity = EntityRef::new(kind, owned.clone());
            Signal::derive(move || state.is_selected(&entity))
        },
        dimmed: Signal::derive(move || state.is_dimmed(&dimmed_id)),
        tab_index: context.tab_index(&owned),
        change: {
            let change_id = owned.clone();
            Signal::derive(move || state.change_mark(kind, &change_id))
        },
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

fn dispute_mark(context: &MapContext, metrics: &Metrics) -> impl IntoView {
    let dispute = context.map.dispute.clone()?;
    let Selectable {
        on_click,
        on_key,
        on_enter,
        on_focus,
        selected,
        dimmed,
        tab_index,
        change,
    } = selectable(context, EntityKind::Dispute, &dispute.id);
    let label = dispute.label;
    let aria_label = format!("Dispute: {}", dispute.label_lines.concat());
    Some(view! {
        <g class="dispute" class:dimmed=dimmed
            aria-current=move || selected.get().then_some("true") data-dimmed=move || dimmed.get().then_some("true")
            data-change=change data-kind="dispute" data-id=dispute.id.clone() tabindex=tab_index role="button"
            aria-label=aria_label
            on:click=on_click on:keydown=on_key on:mouseenter=move |_| on_enter() on:focus=move |_| on_focus()>
            {dispute.arcs.iter().map(|(respondent, curve)| view! {
                <path class="dispute-arc" d=curve.svg_path() data-respondent=respondent.clone() />
            }).collect_view()}
            <rect class="dispute-label" x=units(label.x) y=units(label.y) width=units(label.width) height=units(label.height) rx="6" />
            <text class="dispute-text" x=units(label.center_x()) y=units(label.y + metrics.padding / 2.0) font-size=units(metrics.dispute_text.size)>
                {lines(&dispute.label_lines, label.center_x(), "1.0em")}
            </text>
        </g>
    })
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
                "1.25em".to_owned()
            };
            view! { <tspan x=units(x) dy=dy>{line.clone()}</tspan> }
        })
        .collect_view()
}

fn lifeline(party: &PartyNode) -> impl IntoView {
    party.lifeline.map(|(x, top, bottom)| {
        view! { <line class="lifeline" data-party=party.id.clone() x1=units(x) y1=units(top) x2=units(x) y2=units(bottom) /> }
    })
}

fn party_node(context: &MapContext, metrics: &Metrics, index: usize) -> impl IntoView {
    let party = &context.map.parties[index];
    let Selectable {
        on_click,
        on_key,
        on_enter,
        on_focus,
        selected,
        dimmed,
        tab_index,
        change,
    } = selectable(context, EntityKind::Party, &party.id);
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
    view! {
        <g class=format!("node party side-{}", party.side.as_str()) class:loose=party.lifeline.is_none() class:dimmed=dimmed
            aria-current=move || selected.get().then_some("true") data-dimmed=move || dimmed.get().then_some("true")
            data-change=change data-kind="party" data-id=party.id.clone() tabindex=tab_index role="button"
            aria-label=match party.side {
                Side::Claimant => format!("Claimant {}", party.lines.concat()),
                Side::Respondent => format!("Respondent {}", party.lines.concat()),
                Side::Other => format!("{}, other party", party.lines.concat()),
            }
            on:click=on_click on:keydown=on_key on:mouseenter=move |_| on_enter() on:focus=move |_| on_focus()>
            <rect x=units(rect.x) y=units(rect.y) width=units(rect.width) height=units(rect.height) rx="10" />
            // One text element, the side then the name, so the box reads "Claimant Microsoft".
            <text x=units(rect.center_x()) y=units(name_center) font-size=units(font_size)>
                {caption.map(|caption| view! {
                    <tspan class="party-caption" x=units(rect.center_x()) y=units(rect.y + CAPTION_HEIGHT) font-size="12">{format!("{caption} ")}</tspan>
                })}
                {party.lines.iter().enumerate().map(|(index, line)| {
                    let place = if index == 0 {
                        (Some(name_center), first_dy.clone())
                    } else {
                        (None, "1.25em".to_owned())
                    };
                    view! { <tspan x=units(rect.center_x()) y=place.0.map(units) dy=place.1>{line.clone()}</tspan> }
                }).collect_view()}
            </text>
        </g>
        {conflict_badge(context, EntityKind::Party, &party.id, rect)}
    }
}

/// A small count of the conflicts between the reports about an entity, on its top right corner;
/// it opens those conflicts. Drawn beside the entity, not inside it, so no control holds another.
fn conflict_badge(context: &MapContext, kind: EntityKind, id: &str, rect: Rect) -> impl IntoView {
    let count = context.badges.get(id).copied().filter(|count| *count > 0)?;
    let state = expect_context::<AppState>();
    let entity = EntityRef::new(kind, id.to_owned());
    let open = move || {
        state.navigate(dispute_core::route::Route {
            view: Some(dispute_core::route::View::Conflicts),
            selection: Some(entity.clone()),
        })
    };
    let on_click = {
        let open = open.clone();
        move |event: ev::MouseEvent| {
            event.stop_propagation();
            open();
        }
    };
    let (x, y) = (rect.right() - 2.0, rect.y + 2.0);
    let label = format!(
        "{count} conflict{} between the reports about it: open {}",
        if count == 1 { "" } else { "s" },
        if count == 1 { "it" } else { "them" }
    );
    Some(view! {
        <g class="conflict-badge" data-badge=id.to_owned() role="link" aria-label=label
            on:click=on_click on:pointerdown=|event: ev::PointerEvent| event.stop_propagation()>
            <title>{format!("{count} conflict{} between the reports", if count == 1 { "" } else { "s" })}</title>
            <circle cx=units(x) cy=units(y) r="10" />
            <text x=units(x) y=units(y + 4.0) font-size="12">{count.to_string()}</text>
        </g>
    })
}

/// Room at the top of a claimant's or respondent's box for the word that says which it is.
const CAPTION_HEIGHT: f64 = 17.0;

fn contract_group(context: &MapContext, metrics: &Metrics, index: usize) -> impl IntoView {
    let metrics = *metrics;
    let card = &context.map.contracts[index];
    let Selectable {
        on_click,
        on_key,
        on_enter,
        on_focus,
        selected,
        dimmed,
        tab_index,
        change,
    } = selectable(context, EntityKind::Contract, &card.id);
    let state = expect_context::<AppState>();
    let card_id = card.id.clone();
    let group_dimmed = Signal::derive(move || state.is_dimmed(&card_id));
    let rect = card.rect;
    view! {
        <g class="contract-group">
            {card.connectors.iter().map(|connector| view! {
                <g class="connector" class:dimmed=group_dimmed data-party=connector.party.clone()>
                    <line x1=units(connector.from_x) y1=units(connector.y) x2=units(connector.to_x) y2=units(connector.y) />
                    <circle cx=units(if connector.from_x < rect.x { connector.from_x } else { connector.to_x }) cy=units(connector.y) r="4" />
                </g>
            }).collect_view()}
            <g class="node contract" class:dimmed=dimmed
                aria-current=move || selected.get().then_some("true") data-dimmed=move || dimmed.get().then_some("true")
                data-change=change data-kind="contract" data-id=card.id.clone() tabindex=tab_index role="button"
                aria-label=format!("Contract: {}", card.title_lines.concat())
                on:click=on_click on:keydown=on_key on:mouseenter=move |_| on_enter() on:focus=move |_| on_focus()>
                <rect x=units(rect.x) y=units(rect.y) width=units(rect.width) height=units(rect.height) rx="8" />
                <text x=units(rect.x + metrics.padding) y=units(rect.y + metrics.padding) font-size=units(metrics.title_text.size)>
                    {lines(&card.title_lines, rect.x + metrics.padding, "0.95em")}
                </text>
            </g>
            {card.chips.iter().map(|chip| {
                let Selectable { on_click, on_key, on_enter, on_focus, selected, dimmed, tab_index, change } = selectable(context, EntityKind::Clause, &chip.id);
                let chip_rect = chip.rect;
                view! {
                    <g class="chip clause" class:disputed=chip.disputed class:dimmed=dimmed
                        aria-current=move || selected.get().then_some("true") data-dimmed=move || dimmed.get().then_some("true")
                        data-change=change data-kind="clause" data-id=chip.id.clone() tabindex=tab_index role="button"
                        aria-label=format!("Clause{}: {}", if chip.disputed { " in dispute" } else { "" }, chip.lines.concat())
                        on:click=on_click on:keydown=on_key on:mouseenter=move |_| on_enter() on:focus=move |_| on_focus()>
                        <rect x=units(chip_rect.x) y=units(chip_rect.y) width=units(chip_rect.width) height=units(chip_rect.height) rx="11" />
                        <text x=units(chip_rect.x + metrics.padding) y=units(chip_rect.y + 4.0) font-size=units(metrics.chip_text.size)>
                            {lines(&chip.lines, chip_rect.x + metrics.padding, "1.05em")}
                        </text>
                    </g>
                    {conflict_badge(context, EntityKind::Clause, &chip.id, chip_rect)}
                }
            }).collect_view()}
            {conflict_badge(context, EntityKind::Contract, &card.id, rect)}
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

/// What every colour and line style on the map means, drawn with the map's own classes, and how
/// to move around it. Folded until asked for: the parties say their side themselves.
#[component]
fn Legend() -> impl IntoView {
    let state = expect_context::<AppState>();
    let swatch = |shape_class: &'static str, label: &'static str| {
        view! {
            <li>
                <svg class="legend-swatch" viewBox="0 0 40 20" aria-hidden="true">
                    <g class=shape_class><rect x="2" y="2" width="36" height="16" rx="5" /></g>
                </svg>
                {label}
            </li>
        }
    };
    let stroke = |shape: AnyView, label: &'static str| {
        view! {
            <li>
                <svg class="legend-swatch" viewBox="0 0 40 20" aria-hidden="true">{shape}</svg>
                {label}
            </li>
        }
    };
    view! {
        <details class="legend">
            <summary>"Legend"</summary>
            <ul aria-label="Legend">
                {swatch("node party side-claimant", "Claimant")}
                {swatch("node party side-respondent", "Respondent")}
                {swatch("node party side-other", "Other party")}
                {swatch("node contract", "Contract")}
                {swatch("chip clause disputed", "Clause in dispute")}
                {swatch("chip clause", "Clause")}
                {stroke(view! { <path class="dispute-arc" d="M2,16 Q20,0 38,16" /> }.into_any(), "The claim in dispute")}
                                {stroke(view! { <g class="connector"><line x1="2" y1="10" x2="34" y2="10" /><circle cx="34" cy="10" r="4" /></g> }.into_any(), "Party to a contract")}
                {move || state.comparison.with(Option::is_some).then(|| view! {
                    <li>
                        <svg class="legend-swatch" viewBox="0 0 40 20" aria-hidden="true"><g class="node contract change-added-swatch"><rect x="2" y="2" width="36" height="16" rx="5" /></g></svg>
                        "New since the older file"
                    </li>
                    <li>
                        <svg class="legend-swatch" viewBox="0 0 40 20" aria-hidden="true"><g class="node contract change-changed-swatch"><rect x="2" y="2" width="36" height="16" rx="5" /></g></svg>
                        "Changed since then"
                    </li>
                })}
            </ul>
            <p class="map-hint" id="map-keys">"Drag to pan · Ctrl+scroll or pinch to zoom · in the map, arrow keys move between entities, Enter selects"</p>
        </details>
    }
}

/// The whole map as a still picture, every shape at full size and nothing to click: for the
/// printed briefing, fitted to the page's width. Drawn with the same layout and classes as the
/// map on screen.
#[component]
pub fn StillMap() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(dataset) = state.dataset() else {
        return ().into_any();
    };
    let metrics = Metrics::WIDE;
    let map = layout(&dataset, &metrics);
    let arcs = map.dispute.as_ref().map(|dispute| {
        let label = dispute.label;
        view! {
            <g class="dispute">
                {dispute.arcs.iter().map(|(_, curve)| view! { <path class="dispute-arc" d=curve.svg_path() /> }).collect_view()}
                <rect class="dispute-label" x=units(label.x) y=units(label.y) width=units(label.width) height=units(label.height) rx="6" />
                <text class="dispute-text" x=units(label.center_x()) y=units(label.y + metrics.padding / 2.0) font-size=units(metrics.dispute_text.size)>
                    {lines(&dispute.label_lines, label.center_x(), "1.0em")}
                </text>
            </g>
        }
    });
    let parties = map
        .parties
        .iter()
        .map(|party| {
            let rect = party.rect;
            let size = if party.lifeline.is_some() { metrics.party_text.size } else { metrics.chip_text.size };
            view! {
                {lifeline(party)}
                <g class=format!("node party side-{}", party.side.as_str()) class:loose=party.lifeline.is_none()>
                    <rect x=units(rect.x) y=units(rect.y) width=units(rect.width) height=units(rect.height) rx="10" />
                    <text x=units(rect.center_x()) y=units(rect.center_y()) font-size=units(size)>
                        {lines(&party.lines, rect.center_x(), &format!("{}em", decimal(0.35 - (party.lines.len() as f64 - 1.0) * 0.625, 3)))}
                    </text>
                </g>
            }
        })
        .collect_view();
    let cards = map
        .contracts
        .iter()
        .map(|card| {
            let rect = card.rect;
            view! {
                {card.connectors.iter().map(|connector| view! {
                    <g class="connector"><line x1=units(connector.from_x) y1=units(connector.y) x2=units(connector.to_x) y2=units(connector.y) /></g>
                }).collect_view()}
                <g class="node contract">
                    <rect x=units(rect.x) y=units(rect.y) width=units(rect.width) height=units(rect.height) rx="8" />
                    <text x=units(rect.x + metrics.padding) y=units(rect.y + metrics.padding) font-size=units(metrics.title_text.size)>
                        {lines(&card.title_lines, rect.x + metrics.padding, "0.95em")}
                    </text>
                </g>
                {card.chips.iter().map(|chip| view! {
                    <g class="chip clause" class:disputed=chip.disputed>
                        <rect x=units(chip.rect.x) y=units(chip.rect.y) width=units(chip.rect.width) height=units(chip.rect.height) rx="11" />
                        <text x=units(chip.rect.x + metrics.padding) y=units(chip.rect.y + 4.0) font-size=units(metrics.chip_text.size)>
                            {lines(&chip.lines, chip.rect.x + metrics.padding, "1.05em")}
                        </text>
                    </g>
                }).collect_view()}
            }
        })
        .collect_view();
    view! {
        <svg class="map still-map" viewBox=format!("0 0 {} {}", decimal(map.width, 0), decimal(map.height, 0))
            role="img" aria-label="The map of the dispute: parties, the contracts between them and their clauses">
            {arcs}
            {parties}
            {cards}
        </svg>
    }
    .into_any()
}
