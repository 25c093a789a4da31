//! The app's signals in one `Copy` struct, provided once by context. Components read what they
//! need from it; selection changes go through the URL hash so back and forward work.

use crate::dataset::Dataset;
use crate::model::EntityRef;
use crate::route::{self, Route, View};
use leptos::prelude::*;
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
}

impl AppState {
    pub fn new() -> Self {
        Self {
            loaded: RwSignal::new(Loaded::Loading(Origin::Bundled)),
            view: RwSignal::new(View::Map),
            selection: RwSignal::new(None),
            route_error: RwSignal::new(None),
        }
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
                if let Some(view) = view {
                    self.view.set(view);
                }
                self.selection.set(selection);
                self.route_error.set(None);
            }
            Err(problem) => {
                self.selection.set(None);
                self.route_error.set(Some(format!("This link cannot be opened: {}.", problem.0)));
            }
        }
    }

    /// The hash that selects `entity` in the current view.
    pub fn link_to(&self, entity: &EntityRef) -> String {
        route::format(&Route { view: None, selection: Some(entity.clone()) })
    }
}
