//! The draft of edits this browser keeps until it is downloaded or discarded: the edited
//! dispute's text, where it came from (an `Origin`, kept as a record, never as a sentence),
//! and the text of the file the edits started from (what Discard returns to and the edits are
//! compared with). Below loading and the authoring tools, which both keep and read it.

use crate::state::Origin;

/// Where this browser keeps the edited dispute, where it came from, and the file it started from.
const DRAFT_KEY: &str = "dispute-map-draft";
const DRAFT_ORIGIN_KEY: &str = "dispute-map-draft-origin";
const DRAFT_BASE_TEXT_KEY: &str = "dispute-map-draft-base-text";
/// Where drafts of earlier versions kept their base, as a sentence: removed with the draft.
const OLD_BASE_KEY: &str = "dispute-map-draft-base";

fn storage() -> Option<web_sys::Storage> {
    #[cfg(target_arch = "wasm32")]
    {
        leptos::prelude::window().local_storage().ok().flatten()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// The draft this browser keeps: its text and where it came from (`Origin::Edited` or
/// `Origin::Drafted`). A draft kept by an earlier version, which wrote its origin as a
/// sentence, is an edit of a dispute this version cannot name (`Origin::Unknown`).
pub fn draft() -> Option<(String, Origin)> {
    let storage = storage()?;
    let text = storage.get_item(DRAFT_KEY).ok().flatten()?;
    let origin = storage
        .get_item(DRAFT_ORIGIN_KEY)
        .ok()
        .flatten()
        .and_then(|record| Origin::from_record(&record))
        .unwrap_or(Origin::Edited(Box::new(Origin::Unknown)));
    Some((text, origin))
}

/// Keeps the edited dispute in this browser with where it came from; says why not when the
/// browser refuses (storage full or turned off).
pub fn keep_draft(text: &str, origin: &Origin) -> Result<(), String> {
    let storage = storage().ok_or("this browser does not let the page keep a draft")?;
    storage
        .set_item(DRAFT_KEY, text)
        .and_then(|()| storage.set_item(DRAFT_ORIGIN_KEY, &origin.to_record()))
        .map_err(|_| "this browser refused to keep the draft (its storage may be full)".to_owned())
}

/// Keeps the text of the file the edits started from.
pub fn keep_base(text: &str) -> Result<(), String> {
    let storage = storage().ok_or("this browser does not let the page keep a draft")?;
    storage.set_item(DRAFT_BASE_TEXT_KEY, text).map_err(|_| {
        "this browser refused to keep the file the edits started from (its storage may be full)"
            .to_owned()
    })
}

/// The file the draft started from: where it came from, and its text.
pub fn draft_base() -> Option<(Origin, String)> {
    let storage = storage()?;
    let text = storage.get_item(DRAFT_BASE_TEXT_KEY).ok().flatten()?;
    let (_, origin) = draft()?;
    Some((origin.started_from().clone(), text))
}

/// Forgets the draft.
pub fn discard_draft() {
    if let Some(storage) = storage() {
        for key in [
            DRAFT_KEY,
            DRAFT_ORIGIN_KEY,
            DRAFT_BASE_TEXT_KEY,
            OLD_BASE_KEY,
        ] {
            let _ = storage.remove_item(key);
        }
    }
}
