//! The quote picker's form: the words selected in a source's text are the quote, exactly as the
//! text has them; the form asks for the rest, and Add puts the statement into the dispute, which
//! the app checks like any file.

use crate::bridge::work;
use crate::fields::{Choices, Fields, StatementFields};
use crate::report::Problems;
use crate::Session;
use dispute_core::model::DisputeFile;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// The form for a new statement from `quote`, found in `source`.
#[component]
pub fn StatementForm(
    /// The source whose text holds the quote.
    source: String,
    /// The selected words.
    quote: String,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let file: Option<DisputeFile> = session
        .file
        .with_untracked(|json| serde_json::from_str(json).ok());
    let Some(file) = file else {
        return view! { <p role="alert">"The dispute shown could not be read for editing; reload the page and try again."</p> }.into_any();
    };
    let mut found = Choices::of(&file);
    let id = found.numbered(&format!("{source}-added"));
    let choices = StoredValue::new(found);
    let fields = Fields::new(
        None,
        String::new(),
        "outlet-analysis",
        "asserted",
        Vec::new(),
        String::new(),
    );
    let problems = RwSignal::new(Vec::<String>::new());
    let busy = RwSignal::new(false);
    let session_for_add = session.clone();
    let add = {
        let quote = quote.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let missing = fields.problems();
            if !missing.is_empty() {
                problems.set(missing);
                return;
            }
            let statement = fields.statement(&id, &source, &quote, None);
            let edit = serde_json::json!({ "statements": [statement] }).to_string();
            let session = session_for_add.clone();
            let select = format!("statement/{id}");
            busy.set(true);
            spawn_local(async move {
                let outcome = work(
                    "edit",
                    &[
                        JsValue::from_str(&session.file.get_untracked()),
                        JsValue::from_str(&edit),
                    ],
                )
                .await
                .and_then(|json| {
                    session.publish(&json.as_string().unwrap_or_default(), Some(&select))
                });
                busy.try_set(false);
                match outcome {
                    Ok(()) => session.finish(Some(select)),
                    Err(found) => {
                        problems.try_set(found);
                    }
                }
            });
        }
    };
    view! {
        <form class="picker-form" on:submit=add aria-label="A new statement">
            <h4>"New statement"</h4>
            <blockquote class="quote"><bdi>{quote}</bdi></blockquote>
            <StatementFields fields choices name="picker".to_owned() />
            <Problems problems />
            <div class="picker-actions">
                <button type="submit" class="primary" disabled=move || busy.get()>"Add"</button>
                <button type="button" on:click=move |_| session.finish(None)>"Cancel"</button>
            </div>
        </form>
    }
    .into_any()
}
