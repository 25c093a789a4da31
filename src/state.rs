//! The app's signals in one `Copy` struct, provided once by context. Components read what they
//! need from it; selection changes go through the URL hash so back and forward work.

use crate::dataset::{Dataset, Filter};
use crate::model::EntityRef;
use crate::route::{self, Route, View};
use leptos::prelude::*;
use std::collections::HashSet;
use std::sync::Arc;

/// Where the dispute being shown came from, for the header and for error messages.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    Bundled,
    Url(String),
}

/// What the app is showing.
#[derive(Clone)]
pub enum Loaded {
    Loading(Origin),
    Ready(Origin, Arc<Dataset>),
    /// The file could not be loaded or failed validation: every problem, one line each.
    Failed(Origin, Vec<String>),
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub loaded: RwSignal<Loaded>,
    pub view: RwSignal<View>,
    pub selection: RwSignal<Option<EntityRef>>,
    /// Why the current link could not be followed, if it could not.
    pub route_error: RwSignal<Option<String>>,
    /// The search words and the source and attribution filters.
    pub filter: RwSignal<Filter>,
    /// Ids the filter keeps; `None` keeps everything.
    pub matching: Memo<Option<Arc<HashSet<String>>>>,
    /// The entity under the pointer or keyboard focus on the map.
    pub focused: RwSignal<Option<String>>,
    /// The focused entity's neighbourhood, which the map highlights; `None` when nothing is focused.
    pub highlighted: Memo<Option<Arc<HashSet<String>>>>,
}

impl AppState {
    pub fn new() -> Self {
        let loaded = RwSignal::new(Loaded::Loading(Origin::Bundled));
        let filter = RwSignal::new(Filter::default());
        let focused = RwSignal::new(None::<String>);
        let dataset = move || match loaded.get() {
            Loaded::Ready(_, dataset) => Some(dataset),
            _ => None,
        };
        let matching = Memo::new(move |_| {
            let dataset = dataset()?;
            filter.with(|filter| dataset.matching(filter)).map(Arc::new)
        });
        let highlighted = Memo::new(move |_| {
            let dataset = dataset()?;
            focused.with(|focused| focused.as_deref().map(|id| Arc::new(dataset.neighbourhood(id))))
        });
        Self {
            loaded,
            view: RwSignal::new(View::Map),
            selection: RwSignal::new(None),
            route_error: RwSignal::new(None),
            filter,
            matching,
            focused,
            highlighted,
        }
    }

    /// Whether the filter keeps this entity.
    pub fn is_kept(&self, id: &str) -> bool {
        self.matching.with(|kept| kept.as_ref().is_none_or(|kept| kept.contains(id)))
    }

    /// Whether the map should dim this entity: the filter drops it, or another entity's
    /// neighbourhood is highlighted.
    pub fn is_dimmed(&self, id: &str) -> bool {
        !self.is_kept(id) || self.highlighted.with(|near| near.as_ref().is_some_and(|near| !near.contains(id)))
    }

    /// The dataset, once loaded.
    pub fn dataset(&self) -> Option<Arc<Dataset>> {
        self.loaded.with(|loaded| match loaded {
            Loaded::Ready(_, dataset) => Some(dataset.clone()),
            _ => None,
        })
    }

    /// Applies a hash from the address bar.
    pub fn follow(&self, hash: &str) {
        match route::parse(hash) {
            Ok(Route { view, selection }) => {
                // A hash names its view, or means the map: so every history entry restores
                // exactly what it showed.
                self.view.set(view.unwrap_or_default());
                self.selection.set(selection);
                self.route_error.set(None);
            }
            Err(problem) => {
                self.selection.set(None);
                self.route_error.set(Some(format!("This link cannot be opened: {}.", problem.0)));
            }
        }
    }

    /// The hash that selects `entity` in the current view (tracked, so links follow view changes).
    pub fn link_to(&self, entity: &EntityRef) -> String {
        route::format(&Route { view: Some(self.view.get()), selection: Some(entity.clone()) })
    }

    /// The hash that opens `view`, keeping the selection.
    pub fn link_to_view(&self, view: View) -> String {
        route::format(&Route { view: Some(view), selection: self.selection.get() })
    }

    /// The hash for the current view and selection, for sharing.
    pub fn current_link(&self) -> String {
        route::format(&Route { view: Some(self.view.get()), selection: self.selection.get() })
    }
}
