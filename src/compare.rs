//! The app's side of comparing two versions of a dispute: the older one (a file from disk, or
//! the file the unsaved edits started from) and the one shown are compared in the authoring
//! worker (`dispute_core::dataset::changes`), which answers with records; the Changes view is
//! drawn by the authoring module (`crates/editor`). Here: asking for the comparison, and what
//! the map, the details and the briefing need of it (one change per entity).

use crate::host_page::work;
use crate::state::{AppState, Loaded};
use dispute_core::dataset::changes::Comparison;
use dispute_core::model::{EntityKind, View};
use dispute_core::route::Route;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsValue;

impl AppState {
    /// "added", "changed" or "removed" for an entity while a comparison is open (reactive).
    pub fn change_mark(&self, kind: EntityKind, id: &str) -> Option<&'static str> {
        self.comparison.with(|comparison| {
            comparison
                .as_ref()
                .and_then(|comparison| comparison.change_of(kind, id))
                .map(|change| change.change.as_str())
        })
    }
}

/// Compares the dispute shown with an older version of it (JSON text), then opens the Changes
/// view. An older file that fails the checks opens the view with its problems.
async fn compare_with(state: AppState, against: String, old: Result<String, Vec<String>>) {
    let Loaded::Ready(_, _, shown) = state.loaded.get_untracked() else {
        return;
    };
    let answer = match old {
        Ok(old) => work(
            "compare",
            &[JsValue::from_str(&old), JsValue::from_str(&shown)],
            &[],
        )
        .await
        .map(|result| {
            let parts: Vec<String> = js_sys::Array::from(&result)
                .iter()
                .map(|part| part.as_string().unwrap_or_default())
                .collect();
            let part = |index: usize| parts.get(index).cloned().unwrap_or_default();
            (part(0), part(1), part(2))
        }),
        Err(problems) => Err(problems),
    };
    let comparison = match answer {
        Ok((records, as_of, note)) => Comparison::new(against, &records, as_of, note),
        Err(problems) => Comparison::refused(against, problems),
    };
    state.comparison.set(Some(Arc::new(comparison)));
    state.navigate(Route {
        view: Some(View::Changes),
        selection: None,
    });
}

/// Menu → Compare with another version…: the older file from disk (JSON or a workbook).
pub fn compare_with_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    leptos::task::spawn_local(async move {
        let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
            .await
            .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
            .map_err(|_| vec![format!("{name}: could not be read")]);
        let old = match bytes {
            Ok(bytes) if crate::workbooks::is_workbook(&name) => {
                crate::workbooks::file_of_workbook(&bytes)
                    .await
                    .map(|(json, _)| json)
            }
            Ok(bytes) => dispute_core::dataset::text_of(bytes)
                .map_err(|problem| vec![format!("{name}: {problem}")]),
            Err(problems) => Err(problems),
        };
        compare_with(state, format!("your file {name}"), old).await;
    });
}

/// The unsaved edits against the file they started from.
pub fn compare_edits(state: AppState) {
    let Some((base, text)) = crate::drafts::draft_base() else {
        return;
    };
    leptos::task::spawn_local(async move {
        compare_with(state, base.describe(), Ok(text)).await;
    });
}

/// Closes the comparison, back to the map.
pub fn close(state: AppState) {
    state.comparison.set(None);
    if state.view.get_untracked() == View::Changes {
        state.navigate(Route {
            view: Some(View::Map),
            selection: state.selection.get_untracked(),
        });
    }
}
