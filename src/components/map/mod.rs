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

mod legend;
mod shapes;

use crate::components::{in_a_later_task, laid_out};
use crate::state::AppState;
use dispute_core::layout::gesture::{key_command, wheel_zoom, Gesture, KeyCommand, Move, Point};
use dispute_core::layout::{
    decimal, layout, Frame, MapLayout, Metrics, Rect, Viewport, ASSUMED_FRAME,
};
use legend::{Controls, Legend};
use leptos::ev;
use leptos::prelude::*;
use leptos::reactive::computed::Selector;
use shapes::{shapes, MapContext, Mode};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// How much of a phone's screen height the details sheet leaves above it (its top is at 62%
/// down at most, in `style/details.css`).
const SHEET_LEAVES: f64 = 0.38;

/// The least height of the room above the phone's details sheet a selection is brought into.
const LEAST_ROOM: f64 = 80.0;

/// The pre-rendered screen's map on screen (a desktop's or a phone's), while there is one.
fn prerendered_drawing() -> Option<web_sys::Element> {
    #[cfg(target_arch = "wasm32")]
    {
        let drawings = document()
            .query_selector_all("[data-testid='prerendered'] svg.map")
            .ok()?;
        (0..drawings.length())
            .filter_map(|at| drawings.item(at)?.dyn_into::<web_sys::Element>().ok())
            .find(laid_out)
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// The size of the pre-rendered screen's map, in the browser; read before the live app adds
/// anything to lay out, so it forces no layout.
pub fn prerendered_frame() -> Option<Frame> {
    Some(frame_of(&prerendered_drawing()?.get_bounding_client_rect()))
        .filter(|frame| frame.height > 0.0)
}

/// A box's size as a frame.
fn frame_of(bounds: &web_sys::DomRectReadOnly) -> Frame {
    Frame {
        width: bounds.width(),
        height: bounds.height(),
    }
}

/// Takes a measured size as the frame's, when it is one (the map is laid out) and it changed.
/// The map may be gone by then (another view opened at once, as a walkthrough step does).
fn take_size(frame: RwSignal<Frame>, measured: Frame) {
    if measured.width > 0.0
        && frame
            .try_get_untracked()
            .is_some_and(|known| known != measured)
    {
        frame.try_set(measured);
    }
}

/// The dispute map, laid out for the width of the app. Its view (where it is panned and
/// zoomed), its frame's size and its Tab stop live as long as the map does; a new drawing (another
/// file, or the phone's metrics) opens at its home.
#[component]
pub fn Map() -> impl IntoView {
    let state = expect_context::<AppState>();
    let metrics = Memo::new(move |_| Metrics::for_width(state.width.get()));
    let drawing = Memo::new(move |_| {
        state
            .dataset()
            .map(|dataset| Arc::new(layout(&dataset, &metrics.get())))
    });
    let view = MapView::new();
    move || {
        let map = drawing.get()?;
        view.viewport
            .update_untracked(|viewport| *viewport = Viewport::HOME);
        Some(view.draw(map, metrics.get_untracked()))
    }
}

/// The live map's state, made once.
#[derive(Clone, Copy)]
struct MapView {
    state: AppState,
    viewport: RwSignal<Viewport>,
    /// The frame's size in CSS pixels, as the browser last laid it out (`watch_frame`); until
    /// then the pre-rendered map's, or assumed (and on the host).
    frame: RwSignal<Frame>,
    /// A drag that just ended must not also count as a click on what it started on.
    dragged: RwSignal<bool>,
    gesture: StoredValue<Gesture>,
    svg: NodeRef<leptos::svg::Svg>,
    tab_stop: RwSignal<String>,
    tab_stops: StoredValue<Selector<String>>,
}

impl MapView {
    fn new() -> MapView {
        let tab_stop = RwSignal::new(String::new());
        let state = expect_context::<AppState>();
        let view = MapView {
            state,
            viewport: RwSignal::new(Viewport::HOME),
            frame: RwSignal::new(state.opening_frame.unwrap_or(ASSUMED_FRAME)),
            dragged: RwSignal::new(false),
            gesture: StoredValue::new(Gesture::default()),
            svg: NodeRef::new(),
            tab_stop,
            tab_stops: StoredValue::new(Selector::new(move || tab_stop.get())),
        };
        #[cfg(target_arch = "wasm32")]
        view.watch_frame();
        view
    }

    /// Follows the frame's size as the browser lays the page out: a ResizeObserver on the
    /// drawing, told once it is first laid out and whenever its size changes (the window, the
    /// details panel, a host page's own layout). Reading the size there forces no layout.
    #[cfg(target_arch = "wasm32")]
    fn watch_frame(self) {
        let frame = self.frame;
        let seen = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
            move |entries: js_sys::Array| {
                let Some(entry) = entries
                    .get(0)
                    .dyn_into::<web_sys::ResizeObserverEntry>()
                    .ok()
                else {
                    return;
                };
                take_size(frame, frame_of(&entry.content_rect()));
            },
        );
        let Ok(observer) = web_sys::ResizeObserver::new(seen.as_ref().unchecked_ref()) else {
            return;
        };
        let svg = self.svg;
        let watched = observer.clone();
        Effect::new(move |_| {
            if let Some(svg) = svg.get() {
                watched.disconnect();
                watched.observe(&svg);
            }
        });
        let watcher = StoredValue::new_local(Some((observer, seen)));
        on_cleanup(move || {
            if let Some(Some((observer, _))) = watcher.try_update_value(Option::take) {
                observer.disconnect();
            }
        });
    }

    /// Measures the frame now, before a zoom or a fit that needs it exact.
    fn measure(self) {
        let Some(svg) = self.svg.try_get_untracked().flatten() else {
            return;
        };
        take_size(self.frame, frame_of(&svg.get_bounding_client_rect()));
    }

    /// A point on screen in drawing units, under the current view.
    fn to_drawing(self, (x, y): Point) -> Option<Point> {
        let bounds = self.svg.get_untracked()?.get_bounding_client_rect();
        let view = self.viewport.get_untracked();
        Some((
            view.x + (x - bounds.left()) / view.scale,
            view.y + (y - bounds.top()) / view.scale,
        ))
    }

    /// Zooms by `factor` about the point of the screen `about` (the middle of the view when none).
    fn zoom(self, map: &MapLayout, factor: f64, about: Option<Point>) {
        self.measure();
        let frame = self.frame.get_untracked();
        let at = match about {
            Some(point) => self.to_drawing(point),
            None => Some(self.viewport.get_untracked().center(frame)),
        };
        if let Some((x, y)) = at {
            let range = Viewport::zoom_range(map, frame);
            self.viewport
                .update(|view| *view = view.zoomed(factor, x, y, range));
        }
    }

    fn fit(self, map: &MapLayout) {
        self.measure();
        self.viewport
            .set(Viewport::fit(map, self.frame.get_untracked()));
    }

    /// The one entity of the map in the Tab order: the selected one when the map draws it, the
    /// one that had it when the map still draws that, otherwise the dispute (or the first party).
    fn place_tab_stop(self, map: &MapLayout) {
        let selected = self
            .state
            .selection
            .get_untracked()
            .map(|entity| entity.id)
            .filter(|id| map.rect_of(id).is_some());
        let kept = Some(self.tab_stop.get_untracked()).filter(|id| map.rect_of(id).is_some());
        let first = || {
            map.dispute
                .as_ref()
                .map(|dispute| dispute.id.clone())
                .or_else(|| map.parties.first().map(|party| party.id.clone()))
        };
        let stop = selected.or(kept).or_else(first).unwrap_or_default();
        if self.tab_stop.with_untracked(|known| *known != stop) {
            self.tab_stop.set(stop);
        }
    }

    /// One laid-out map on screen.
    fn draw(self, map: Arc<MapLayout>, metrics: Metrics) -> AnyView {
        let state = self.state;
        let viewport = self.viewport;
        let frame = self.frame;
        self.place_tab_stop(&map);
        self.follow_selection(&map);
        let context = MapContext {
            badges: Arc::new(
                state
                    .dataset()
                    .map(|dataset| {
                        dataset
                            .conflict_counts()
                            .into_iter()
                            .map(|(id, count)| (id.to_owned(), count))
                            .collect()
                    })
                    .unwrap_or_default(),
            ),
            dragged: self.dragged,
            viewport,
            frame,
            tab_stop: self.tab_stop,
            tab_stops: self.tab_stops,
        };
        // Only the shapes near the visible part are drawn (all of them for an export); the
        // entity with focus and the Tab stop always.
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
        let tab_stop = self.tab_stop;
        // The parties first, the contracts with their clauses a task later: each task shorter
        // on a slow phone. Until then the drawing says it is partial (`data-drawing`).
        let contracts_drawn = in_a_later_task();
        let shown = Memo::new({
            let map = map.clone();
            move |_| {
                let mut shown = map.visible(&drawn_part.get());
                if let Some(id) = state.focused.get() {
                    shown.include(&map, &id);
                }
                shown.include(&map, &tab_stop.get());
                if !contracts_drawn.get() {
                    shown.contracts.clear();
                }
                shown
            }
        });
        let whole_shown = Signal::derive({
            let map = map.clone();
            move || viewport.get().shows_whole(&map, frame.get())
        });
        let at_home = Signal::derive(move || viewport.get() == Viewport::HOME);
        let zoom_by = Callback::new({
            let map = map.clone();
            move |factor| self.zoom(&map, factor, None)
        });
        let fit = Callback::new({
            let map = map.clone();
            move |()| self.fit(&map)
        });
        let home = Callback::new(move |()| viewport.set(Viewport::HOME));
        let on_key = {
            let map = map.clone();
            move |event: ev::KeyboardEvent| self.on_key(&map, event)
        };
        let on_wheel = {
            let map = map.clone();
            move |event: ev::WheelEvent| self.on_wheel(&map, event)
        };
        let on_pointer_move = {
            let map = map.clone();
            move |event: ev::PointerEvent| self.on_pointer_move(&map, event)
        };
        view! {
            <figure class="map-frame" data-testid="map" part="map">
                <Controls zoom_by=zoom_by fit=fit home=home whole_shown=whole_shown at_home=at_home />
                <svg
                    node_ref=self.svg
                    class="map"
                    class:zoomed=move || !at_home.get()
                    data-drawing=move || (!contracts_drawn.get()).then_some("partial")
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
                    on:pointerdown=move |event: ev::PointerEvent| self.gesture.update_value(|gesture| gesture.press(event.pointer_id(), (event.client_x() as f64, event.client_y() as f64)))
                    on:pointermove=on_pointer_move
                    on:pointerup=move |event: ev::PointerEvent| self.on_pointer_up(event)
                    on:pointercancel=move |event: ev::PointerEvent| self.on_pointer_up(event)
                    on:keydown=on_key
                    on:focusout=move |event: ev::FocusEvent| self.on_focus_out(event)
                    on:mouseleave=move |_| state.focused.set(None)
                >
                    <g class="map-content" transform=move || viewport.get().transform()>
                        {shapes(map.clone(), metrics, Mode::Live(context), shown)}
                    </g>
                </svg>
                <Legend />
            </figure>
        }
        .into_any()
    }

    fn on_wheel(self, map: &MapLayout, event: ev::WheelEvent) {
        // Plain scrolling stays with the page; Ctrl+wheel (and a trackpad pinch) zooms.
        if !event.ctrl_key() && !event.meta_key() {
            return;
        }
        event.prevent_default();
        self.zoom(
            map,
            wheel_zoom(event.delta_y()),
            Some((event.client_x() as f64, event.client_y() as f64)),
        );
    }

    fn on_pointer_move(self, map: &MapLayout, event: ev::PointerEvent) {
        let at = (event.client_x() as f64, event.client_y() as f64);
        let Some(movement) = self
            .gesture
            .try_update_value(|gesture| gesture.movement(event.pointer_id(), at))
            .flatten()
        else {
            return;
        };
        event.prevent_default();
        match movement {
            Move::Pan { dx, dy } => {
                if let Some(target) = event
                    .target()
                    .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                {
                    let _ = target.set_pointer_capture(event.pointer_id());
                }
                let scale = self.viewport.get_untracked().scale;
                self.viewport
                    .update(|view| *view = view.panned(-dx / scale, -dy / scale));
            }
            Move::Zoom { factor, about } => self.zoom(map, factor, Some(about)),
        }
    }

    fn on_pointer_up(self, event: ev::PointerEvent) {
        if self
            .gesture
            .try_update_value(|gesture| gesture.release(event.pointer_id()))
            == Some(true)
        {
            self.dragged.set(true);
        }
    }

    fn on_key(self, map: &MapLayout, event: ev::KeyboardEvent) {
        let visible_width = self
            .viewport
            .get_untracked()
            .visible(self.frame.get_untracked())
            .width;
        let Some(command) = key_command(
            &event.key(),
            event.shift_key(),
            event.ctrl_key() || event.meta_key(),
            visible_width,
        ) else {
            return;
        };
        event.prevent_default();
        match command {
            KeyCommand::Pan { dx, dy } => self.viewport.update(|view| *view = view.panned(dx, dy)),
            KeyCommand::Zoom(factor) => self.zoom(map, factor, None),
            KeyCommand::Home => self.viewport.set(Viewport::HOME),
            KeyCommand::Fit => self.fit(map),
        }
    }

    /// Dimming follows the pointer or the keyboard inside the map, and ends when both leave.
    fn on_focus_out(self, event: ev::FocusEvent) {
        let inside = event
            .related_target()
            .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
            .zip(self.svg.get_untracked())
            .is_some_and(|(target, svg)| {
                let svg: &web_sys::Node = svg.as_ref();
                svg.contains(Some(&target))
            });
        if !inside {
            self.state.focused.set(None);
        }
    }

    /// A selection made elsewhere (the details, a list, a link) is brought into view and takes
    /// the Tab stop.
    fn follow_selection(self, map: &Arc<MapLayout>) {
        let map = map.clone();
        Effect::new(move |_| {
            let Some((id, rect)) = self.state.selection.with(|selection| {
                let entity = selection.as_ref()?;
                Some((entity.id.clone(), map.rect_of(&entity.id)?))
            }) else {
                return;
            };
            if self.tab_stop.with_untracked(|stop| *stop != id) {
                self.tab_stop.set(id);
            }
            let moved = self.viewport.get_untracked().showing(&rect, self.room());
            if moved != self.viewport.get_untracked() {
                self.viewport.set(moved);
            }
        });
    }

    /// Where on the map a selection can be seen: the whole frame, or on a phone the part above
    /// the details sheet, which covers the lower part of the map.
    fn room(self) -> Frame {
        let mut room = self.frame.get_untracked();
        if self.state.is_narrow() {
            // Out of sight while the app takes over, the map is where the pre-rendered one is.
            let top = self
                .svg
                .get_untracked()
                .map(web_sys::Element::from)
                .filter(laid_out)
                .or_else(prerendered_drawing)
                .map_or(0.0, |svg| svg.get_bounding_client_rect().top());
            let window_height = window()
                .inner_height()
                .ok()
                .and_then(|height| height.as_f64())
                .unwrap_or(room.height);
            room.height = dispute_core::layout::within(
                window_height * SHEET_LEAVES - top,
                LEAST_ROOM,
                room.height,
            );
        }
        room
    }
}

/// The whole map as a still picture, every shape at full size and nothing to click: for the
/// printed briefing, fitted to the page's width. The map's own drawing, in its still mode.
#[component]
pub fn StillMap() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(dataset) = state.dataset() else {
        return ().into_any();
    };
    let metrics = Metrics::WIDE;
    let map = Arc::new(layout(&dataset, &metrics));
    let everything = Rect {
        width: map.width,
        height: map.height,
        ..Rect::default()
    };
    let shown = Memo::new({
        let map = map.clone();
        move |_| map.visible(&everything)
    });
    view! {
        <svg class="map still-map" viewBox=format!("0 0 {} {}", decimal(map.width, 0), decimal(map.height, 0))
            role="img" aria-label="The map of the dispute: parties, the contracts between them and their clauses">
            {shapes(map.clone(), metrics, Mode::Still, shown)}
        </svg>
    }
    .into_any()
}
