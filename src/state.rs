//! The app's signals in one `Copy` struct, provided once by context. Components read what they
//! need from it; selection changes go through the URL hash so back and forward work.

use dispute_core::config::Config;
use dispute_core::dataset::{Dataset, Filter, Kept};
use dispute_core::model::EntityRef;
use dispute_core::route::{self, Address, Route, View};
use leptos::prelude::*;
use leptos::reactive::computed::Selector;
use leptos::reactive::owner::LocalStorage;
use std::collections::HashSet;
use std::sync::Arc;
use wasm_bindgen::JsValue;

/// Lowercases search text with the browser's own Unicode tables (`toLowerCase`), so the wasm
/// carries none of its own; on the host, with Rust's.
pub fn lowercase(text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(text).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        dispute_core::dataset::unicode_lowercase(text)
    }
}

/// Where the dispute being shown came from, for the header, for error messages and for what
/// Discard returns to. Data, never a sentence: the words are made from it (`describe`).
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    Bundled,
    Url(String),
    /// A file the user opened from their own disk; it never leaves the browser.
    File(String),
    /// A dispute edited in this browser (a statement made with the quote picker, a report
    /// added), and where it was before.
    Edited(Box<Origin>),
    /// A new dispute drafted from reports in this browser, and the dispute open when the
    /// draft began (what Discard returns to).
    Drafted(Box<Origin>),
    /// A draft an earlier version of the app kept, whose start it did not record as data.
    Unknown,
}

impl Origin {
    /// What the dispute is, in a sentence's words: "the bundled dispute", "your file acme.json".
    pub fn describe(&self) -> String {
        match self {
            Origin::Bundled => "the bundled dispute".to_owned(),
            Origin::Url(url) => format!("the dispute file {url}"),
            Origin::File(name) => format!("your file {name}"),
            Origin::Edited(base) => format!("your edits to {}", base.describe()),
            Origin::Drafted(_) => "a new dispute drafted from reports".to_owned(),
            Origin::Unknown => "a dispute opened earlier".to_owned(),
        }
    }

    /// Whether this is a dispute made or changed in this browser, not yet downloaded.
    pub fn is_draft(&self) -> bool {
        matches!(self, Origin::Edited(_) | Origin::Drafted(_))
    }

    /// The file the edits or the new draft started from: itself, when it is no draft.
    pub fn started_from(&self) -> &Origin {
        match self {
            Origin::Edited(base) | Origin::Drafted(base) => base.started_from(),
            other => other,
        }
    }

    /// The origin as a record for this browser's storage: a tag, then the name or address
    /// ("file:acme.json", "edited:bundled"). Only the last part holds free text.
    pub fn to_record(&self) -> String {
        match self {
            Origin::Bundled => "bundled".to_owned(),
            Origin::Url(url) => format!("url:{url}"),
            Origin::File(name) => format!("file:{name}"),
            Origin::Edited(base) => format!("edited:{}", base.to_record()),
            Origin::Drafted(before) => format!("drafted:{}", before.to_record()),
            Origin::Unknown => "unknown".to_owned(),
        }
    }

    /// The origin a record names, or none for a record this version does not know.
    pub fn from_record(record: &str) -> Option<Origin> {
        let (tag, rest) = record.split_once(':').unwrap_or((record, ""));
        match tag {
            "bundled" => Some(Origin::Bundled),
            "unknown" => Some(Origin::Unknown),
            "url" => Some(Origin::Url(rest.to_owned())),
            "file" => Some(Origin::File(rest.to_owned())),
            "edited" => Origin::from_record(rest).map(|base| Origin::Edited(Box::new(base))),
            "drafted" => Origin::from_record(rest).map(|before| Origin::Drafted(Box::new(before))),
            _ => None,
        }
    }
}

pub use dispute_core::page::Screen;

/// The load in progress: how to stop it. Starting another load, or cancelling, stops it.
pub struct Pending {
    /// Rejects the load's race, which ends it at once, whatever it was waiting for.
    pub stop: js_sys::Function,
    /// Stops the request itself, so nothing more is downloaded.
    pub abort: Option<web_sys::AbortController>,
}

impl Pending {
    pub fn end(&self, why: &str) {
        let _ = self.stop.call1(&JsValue::NULL, &JsValue::from_str(why));
        if let Some(abort) = &self.abort {
            abort.abort();
        }
    }
}

/// What the app is showing.
#[derive(Clone)]
pub enum Loaded {
    Loading(Origin),
    /// The dataset and the exact text it was read from, for export.
    Ready(Origin, Arc<Dataset>, Arc<str>),
    /// The file could not be loaded or failed validation: every problem, one line each.
    Failed(Origin, Vec<String>),
}

/// An index of disputes, as read: where it is (resolved against the page) and its text, which
/// the screens' module reads (`disputes`).
#[derive(Clone, Debug, PartialEq)]
pub struct IndexShown {
    pub url: String,
    pub text: Arc<str>,
}

/// Another dispute of the index where a party appears, and its role there.
#[derive(Clone, Debug, PartialEq)]
pub struct AlsoIn {
    pub dispute: String,
    pub title: String,
    pub party: String,
    pub role: String,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub loaded: RwSignal<Loaded>,
    pub view: RwSignal<View>,
    pub selection: RwSignal<Option<EntityRef>>,
    /// Tells each entity whether it is the selected one, notifying only the two whose answer
    /// changes, so a selection costs two updates rather than one per link and node on screen.
    selected: StoredValue<Selector<Option<EntityRef>>>,
    /// Why the current link could not be followed, if it could not.
    pub route_error: RwSignal<Option<String>>,
    /// The search words and the source and attribution filters.
    pub filter: RwSignal<Filter>,
    /// Ids the filter keeps; `None` keeps everything.
    pub matching: Memo<Option<Arc<Kept>>>,
    /// The entity under the pointer or keyboard focus on the map.
    pub focused: RwSignal<Option<String>>,
    /// The neighbourhood the map highlights: of the entity under the pointer or keyboard focus,
    /// or else of the selected one; `None` when there is neither.
    pub highlighted: Memo<Option<Arc<HashSet<String>>>>,
    /// The map draws every shape, not only those near the visible part: while an export copies it.
    pub draw_whole: RwSignal<bool>,
    /// Links are drawn for the current selection only: in a part drawn anew on every selection
    /// (the details panel), a link's `aria-current` is fixed when it is drawn rather than watched.
    pub fixed_links: bool,
    /// Whether view and selection live in the URL hash (the standalone page) or only here (a map
    /// embedded among others in a host page).
    pub use_hash: bool,
    /// How many loads have started: only the latest one's result is shown.
    pub loads: StoredValue<u64>,
    /// The load in progress, to stop it.
    pub pending: StoredValue<Option<Pending>, LocalStorage>,
    /// The briefing is drawn, to be printed instead of the screen.
    pub briefing: RwSignal<bool>,
    /// The step of the guided walkthrough on screen (from 1), if one is.
    pub tour: RwSignal<Option<usize>>,
    /// Leave out the header (a small embed); a host page can change it.
    pub compact: RwSignal<bool>,
    /// The route a host page asked for last, until it is shown: no event goes back for it.
    pub host_route: StoredValue<Option<Route>>,
    /// Where the reader was when the walkthrough opened: where leaving it returns.
    pub before_tour: StoredValue<Option<Route>>,
    /// A file has arrived and is being checked (a large one takes a moment).
    pub checking: RwSignal<bool>,
    /// Whether this browser keeps a draft of edits not yet downloaded (`authoring::draft`).
    pub draft: RwSignal<bool>,
    /// The dispute shown before the current load began, to go back to if it fails.
    pub previous: StoredValue<Option<Loaded>>,
    /// The authoring screen open in place of the views, if one is (`authoring::open_screen`).
    pub authoring: RwSignal<Option<Screen>>,
    /// Why the authoring screen could not open (its module did not load).
    pub authoring_problem: RwSignal<Option<String>>,
    /// What changed since another version of the dispute, while a comparison is open.
    pub comparison: RwSignal<Option<Arc<dispute_core::dataset::changes::Comparison>>>,
    /// The width of the map's own element in CSS pixels, which picks the map's metrics and,
    /// through the same breakpoint in the stylesheet, the desktop or phone layout.
    pub width: RwSignal<f64>,
    /// The map's frame on the pre-rendered screen this app takes over from, if it does: the
    /// size the live map opens at, so the first drawing is already the right one.
    pub opening_frame: Option<dispute_core::layout::Frame>,
    /// Whether the details panel is open beside the map (desktop); closed, the map takes the room.
    pub panel_open: RwSignal<bool>,
    /// Keyboard focus moves to the details heading once the panel shows the next selection: set
    /// by a selection the user makes, not by one from the address or history.
    pub focus_details: RwSignal<bool>,
    /// How long to wait for a file, in seconds (`?timeout=`).
    pub timeout: u32,
    /// The index of disputes this map lists, when it was opened with one (`disputes`).
    pub index: RwSignal<Option<IndexShown>>,
    /// The Disputes view is on screen in place of a dispute.
    pub disputes_shown: RwSignal<bool>,
    /// The dispute of the index the map shows (or last showed), by its id in the index.
    pub in_dispute: RwSignal<Option<String>>,
    /// Where the shown dispute's parties appear in the index's other disputes, by party id.
    pub also_in: RwSignal<Vec<(String, Vec<AlsoIn>)>>,
    /// The element this map is mounted in; DOM lookups stay inside it, so maps on one page never
    /// reach into each other. `None` where there is no DOM: the pre-rendered opening screen.
    root: StoredValue<Option<web_sys::Element>, LocalStorage>,
}

impl AppState {
    pub fn new(config: &Config, root: Option<web_sys::Element>) -> Self {
        let loaded = RwSignal::new(Loaded::Loading(Origin::Bundled));
        let filter = RwSignal::new(Filter::default());
        let focused = RwSignal::new(None::<String>);
        let dataset = move || match loaded.get() {
            Loaded::Ready(_, dataset, _) => Some(dataset),
            _ => None,
        };
        let matching = Memo::new(move |_| {
            let dataset = dataset()?;
            filter
                .with(|filter| dataset.matching(filter, lowercase))
                .map(Arc::new)
        });
        let selection = RwSignal::new(None::<EntityRef>);
        // What the pointer or keyboard is on, or else what is selected.
        let highlighted = Memo::new(move |_| {
            let dataset = dataset()?;
            let centre = focused.get().or_else(|| {
                selection.with(|selection| selection.as_ref().map(|entity| entity.id.clone()))
            })?;
            dataset.highlight(&centre).map(Arc::new)
        });
        Self {
            loaded,
            view: RwSignal::new(View::Map),
            selection,
            selected: StoredValue::new(Selector::new(move || selection.get())),
            route_error: RwSignal::new(None),
            filter,
            matching,
            focused,
            highlighted,
            draw_whole: RwSignal::new(false),
            fixed_links: false,
            use_hash: config.use_hash,
            loads: StoredValue::new(0),
            pending: StoredValue::new_local(None),
            checking: RwSignal::new(false),
            draft: RwSignal::new(false),
            previous: StoredValue::new(None),
            authoring: RwSignal::new(None),
            authoring_problem: RwSignal::new(None),
            comparison: RwSignal::new(None),
            tour: RwSignal::new(None),
            before_tour: StoredValue::new(None),
            compact: RwSignal::new(config.compact),
            host_route: StoredValue::new(None),
            briefing: RwSignal::new(false),
            width: RwSignal::new(1280.0),
            opening_frame: None,
            panel_open: RwSignal::new(true),
            focus_details: RwSignal::new(false),
            timeout: config
                .timeout
                .unwrap_or(dispute_core::config::DEFAULT_TIMEOUT),
            index: RwSignal::new(None),
            disputes_shown: RwSignal::new(false),
            in_dispute: RwSignal::new(None),
            also_in: RwSignal::new(Vec::new()),
            root: StoredValue::new_local(root),
        }
    }

    /// The hash of `route` in the dispute shown: inside the index's dispute when there is one.
    pub fn hash_of(&self, route: &Route) -> String {
        match self.in_dispute.get_untracked() {
            Some(dispute) if self.index.with_untracked(Option::is_some) => {
                route::format_in_dispute(&dispute, route)
            }
            _ => route::format(route),
        }
    }

    /// The other disputes of the index where party `party` of the shown dispute appears.
    pub fn also_in_for(&self, party: &str) -> Vec<AlsoIn> {
        self.also_in.with(|all| {
            all.iter()
                .find(|(id, _)| id == party)
                .map(|(_, links)| links.clone())
                .unwrap_or_default()
        })
    }

    /// A copy for a part of the page that is drawn anew when the route changes: the open view,
    /// and the details panel's content. Its selector and its "kept" and "highlighted" memos are
    /// owned by the reactive scope it is made in, so they go when that part is drawn again, and
    /// they take the subscriptions of its links and shapes with them.
    ///
    /// Why a copy: Leptos 0.8 leaves a dropped effect's subscription in each signal it read until
    /// that signal next changes. Thousands of links reading the shared memos directly, then
    /// dropped with their view, would leave dead subscriptions on memos that may not change for
    /// hours: memory that grew with every selection. Through a copy, a redraw leaves at most one
    /// per shared signal, and those go at its next change.
    ///
    /// Links under a copy are drawn for one view (`self.view` does not change while the copy
    /// lives), so they read it once, untracked.
    pub fn scoped(&self) -> Self {
        let shared = *self;
        let selection = shared.selection;
        Self {
            selected: StoredValue::new(Selector::new(move || selection.get())),
            matching: Memo::new(move |_| shared.matching.get()),
            highlighted: Memo::new(move |_| shared.highlighted.get()),
            ..shared
        }
    }

    /// A scoped copy for a part drawn anew on every selection and view: its links are fixed.
    pub fn scoped_fixed(&self) -> Self {
        Self {
            fixed_links: true,
            ..self.scoped()
        }
    }

    /// Whether `entity` is the selected one (reactive, notified only when that answer changes).
    pub fn is_selected(&self, entity: &EntityRef) -> bool {
        let key = Some(entity.clone());
        self.selected.with_value(|selected| selected.selected(&key))
    }

    /// Asks the element this map is mounted in; `None` where there is none (the host).
    pub fn find_root<T>(&self, ask: impl FnOnce(&web_sys::Element) -> T) -> Option<T> {
        self.root.with_value(|root| root.as_ref().map(ask))
    }

    /// Moves keyboard focus to the selected entity on the map, if the map shows it.
    pub fn focus_selected_on_map(&self) -> bool {
        let Some(selected) = self.selection.get_untracked() else {
            return false;
        };
        let selector = format!(
            "[data-testid='map'] [data-kind='{}'][data-id='{}']",
            selected.kind.as_str(),
            selected.id
        );
        self.focus(&selector)
    }

    /// Moves keyboard focus into a part of the page: `"map"` (the entity the map's Tab stop is
    /// on, or the open view) or `"details"` (the panel's heading).
    pub fn focus_first(&self, part: &str) {
        let found = match part {
            "details" => self.focus("[data-testid='details'] [aria-live] h2"),
            _ => {
                self.focus("[data-testid='map'] [data-kind][tabindex='0']")
                    || self.focus("#view-area h2")
            }
        };
        if !found {
            self.focus("#view-area");
        }
    }

    /// Focuses the first element matching `selector` inside this map.
    pub fn focus(&self, selector: &str) -> bool {
        use wasm_bindgen::JsCast;
        match self
            .find(selector)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            Some(element) => element.focus().is_ok(),
            None => match self
                .find(selector)
                .and_then(|element| element.dyn_into::<web_sys::SvgElement>().ok())
            {
                Some(element) => element.focus().is_ok(),
                None => false,
            },
        }
    }

    /// Focuses the first element matching `selector` without scrolling anything: for the
    /// details' heading, which is in view at the top of its panel, so the browser need not
    /// measure the page to bring it there.
    pub fn focus_in_place(&self, selector: &str) -> bool {
        use wasm_bindgen::JsCast;
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        self.find(selector)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
            .is_some_and(|element| element.focus_with_options(&options).is_ok())
    }

    /// The first element inside this map that matches a CSS selector.
    pub fn find(&self, selector: &str) -> Option<web_sys::Element> {
        self.root.with_value(|root| {
            root.as_ref()
                .and_then(|root| root.query_selector(selector).ok().flatten())
        })
    }

    /// Selects an entity in the current view, as the user asked: the details panel opens on it
    /// and keyboard focus follows to its heading.
    pub fn select(&self, entity: EntityRef) {
        self.focus_details.set(true);
        if !self.panel_open.get_untracked() {
            self.panel_open.set(true);
        }
        self.navigate(Route {
            view: Some(self.view.get_untracked()),
            selection: Some(entity),
        });
    }

    /// Whether the layout is the phone's: the map full width, details as a sheet over it. The
    /// stylesheet switches at the same width (`style/base.css`).
    pub fn is_narrow(&self) -> bool {
        self.width.get() < dispute_core::layout::NARROW_BELOW
    }

    /// Goes to a route: through the URL hash, so history records it, or directly.
    pub fn navigate(&self, route: Route) {
        if self.use_hash {
            let _ = window().location().set_hash(&self.hash_of(&route));
        } else {
            self.apply(route);
        }
    }

    /// Shows a route without touching the URL: for the settings a map starts with, and for
    /// every move of a map that does not own the hash.
    pub fn apply(&self, Route { view, selection }: Route) {
        // A route names its view, or means the map: so every history entry restores exactly
        // what it showed.
        // Signals notify on every set, even of an equal value: setting only what changed keeps
        // the open view (its zoom and keyboard focus) from being drawn again on each selection.
        let view = view.unwrap_or_default();
        if self.view.get_untracked() != view {
            self.view.set(view);
        }
        if self
            .selection
            .with_untracked(|current| *current != selection)
        {
            self.selection.set(selection);
        }
        if self.route_error.with_untracked(Option::is_some) {
            self.route_error.set(None);
        }
    }

    /// Whether the filter keeps this entity.
    pub fn is_kept(&self, id: &str) -> bool {
        self.matching
            .with(|kept| kept.as_ref().is_none_or(|kept| kept.contains(id)))
    }

    /// Whether the map should dim this entity: the filter drops it, or another entity's
    /// neighbourhood is highlighted.
    pub fn is_dimmed(&self, id: &str) -> bool {
        !self.is_kept(id)
            || self
                .highlighted
                .with(|near| near.as_ref().is_some_and(|near| !near.contains(id)))
    }

    /// The dataset, once loaded.
    pub fn dataset(&self) -> Option<Arc<Dataset>> {
        self.loaded.with(|loaded| match loaded {
            Loaded::Ready(_, dataset, _) => Some(dataset.clone()),
            _ => None,
        })
    }

    /// Applies a hash from the address bar.
    pub fn follow(&self, hash: &str) {
        match route::parse_address(hash) {
            Ok(Address::Route(route)) => {
                if self.tour.get_untracked().is_some() {
                    self.tour.set(None);
                }
                self.apply(route);
            }
            Ok(Address::Tour(step)) => self.open_tour_step(step),
            // Only a map opened with an index follows these (`disputes::follow`).
            Ok(Address::Disputes | Address::InDispute(..)) => {
                self.route_error.set(Some(
                    "This link names a dispute of an index of disputes, but this map was opened without one (open it with ?index= and the index's address).".to_owned(),
                ));
            }
            Err(problem) => {
                self.selection.set(None);
                self.route_error
                    .set(Some(format!("This link cannot be opened: {}.", problem.0)));
            }
        }
    }

    /// Shows step `step` (from 1) of the walkthrough: its view and its entity. Before the file
    /// is loaded, the step waits for it; a step the file does not have is reported.
    pub fn open_tour_step(&self, step: usize) {
        if self.tour.get_untracked().is_none() {
            self.before_tour.set_value(Some(Route {
                view: Some(self.view.get_untracked()),
                selection: self.selection.get_untracked(),
            }));
        }
        self.tour.set(Some(step));
        let Some(dataset) = self.dataset_untracked() else {
            return;
        };
        let steps = dataset.file.tour.len();
        match step
            .checked_sub(1)
            .and_then(|index| dataset.file.tour.get(index))
        {
            Some(found) => {
                let selection = dataset
                    .kind_of(found.entity.as_str())
                    .map(|kind| EntityRef::new(kind, found.entity.0.clone()));
                self.apply(Route {
                    view: Some(found.view),
                    selection,
                });
            }
            None => {
                self.tour.set(None);
                self.route_error.set(Some(if steps == 0 {
                    "This dispute has no guided walkthrough.".to_owned()
                } else {
                    format!("The walkthrough has {steps} steps; there is no step {step}.")
                }));
            }
        }
    }

    /// Goes to a step of the walkthrough: through the URL hash, or directly.
    pub fn navigate_tour(&self, step: usize) {
        if self.use_hash {
            let _ = window().location().set_hash(&route::tour_step(step));
        } else {
            self.open_tour_step(step);
        }
    }

    /// Leaves the walkthrough for where the reader was before it (the map, when it opened
    /// with the page).
    pub fn leave_tour(&self) {
        let back = self
            .before_tour
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or(Route {
                view: Some(View::Map),
                selection: None,
            });
        self.tour.set(None);
        self.navigate(back);
    }

    /// The dataset, once loaded, without subscribing to it.
    pub fn dataset_untracked(&self) -> Option<Arc<Dataset>> {
        self.loaded.with_untracked(|loaded| match loaded {
            Loaded::Ready(_, dataset, _) => Some(dataset.clone()),
            _ => None,
        })
    }

    /// The hash for the current view and selection, for sharing.
    pub fn current_link(&self) -> String {
        self.in_dispute.track();
        self.hash_of(&Route {
            view: Some(self.view.get()),
            selection: self.selection.get(),
        })
    }

    /// A full address that opens the current view and selection: this page's own address when
    /// the map owns the hash, otherwise the standalone app next to dispute-map.js.
    pub fn share_link(&self) -> String {
        let location = window().location();
        if self.use_hash {
            let page = format!(
                "{}{}{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            );
            return format!("{page}{}", self.current_link());
        }
        let data = self.loaded.with_untracked(|loaded| match loaded {
            Loaded::Ready(Origin::Url(url), _, _) => {
                web_sys::Url::new_with_base(url, &location.href().unwrap_or_default())
                    .ok()
                    .map(|url| url.href())
            }
            _ => None,
        });
        let encode = |url: &str| String::from(js_sys::encode_uri_component(url));
        // A map of an index names the index: the link opens the dispute inside it.
        let index = self
            .index
            .with_untracked(|index| index.as_ref().map(|index| index.url.clone()));
        let query = match (index, data) {
            (Some(index), _) => format!("?index={}", encode(&index)),
            (None, Some(data)) => format!("?data={}", encode(&data)),
            (None, None) => String::new(),
        };
        format!(
            "{}index.html{query}{}",
            crate::host_page::asset_base(),
            self.current_link()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::Origin;

    /// Where a kept draft came from is data: it is kept as a record and read back whole (a
    /// file name with a colon included), and a record no version wrote is refused, not guessed.
    #[test]
    fn origins_are_kept_as_records_and_read_back_whole() {
        let file = Origin::File("acme: final.json".to_owned());
        let cases = [
            Origin::Bundled,
            Origin::Url("https://intranet.example/disputes/a.json?v=2".to_owned()),
            file.clone(),
            Origin::Edited(Box::new(file.clone())),
            Origin::Drafted(Box::new(Origin::Edited(Box::new(Origin::Bundled)))),
            Origin::Unknown,
        ];
        for origin in cases {
            assert_eq!(
                Origin::from_record(&origin.to_record()),
                Some(origin.clone()),
                "{origin:?}"
            );
        }
        assert_eq!(Origin::from_record("your file acme.json"), None);
        assert_eq!(Origin::from_record("edited:nonsense"), None);
    }

    #[test]
    fn a_draft_starts_from_the_file_beneath_its_edits() {
        let file = Origin::File("acme.json".to_owned());
        let drafted = Origin::Drafted(Box::new(Origin::Edited(Box::new(file.clone()))));
        assert_eq!(drafted.started_from(), &file);
        assert!(drafted.is_draft() && !file.is_draft());
        assert_eq!(
            Origin::Edited(Box::new(file)).describe(),
            "your edits to your file acme.json"
        );
    }
}
