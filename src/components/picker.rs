//! The quote picker: words selected in a source's text become a statement. "Make a statement
//! from this" takes the selection exactly as the text has it, so the quote is verbatim by
//! construction; the form for the rest (speaker, attribution, modality, what it is about, a
//! summary) is an authoring screen (`crates/editor`), fetched on first use, which puts the
//! statement into the shown dispute, checked like any file.

use crate::authoring::open_screen;
use crate::state::AppState;
use crate::state::Screen;
use leptos::prelude::*;

/// The button under a source's text, and the form it opens.
#[component]
pub fn QuotePicker(
    /// The source whose text the words are selected in (checked against its text, read from
    /// the shared dataset when the button is pressed, never copied).
    source: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (message, set_message) = signal(None::<String>);
    // The selection, read when the button is pressed (before a click could move it).
    let take_selection = {
        let source = source.clone();
        move || -> Result<String, String> {
            let selection = window()
                .get_selection()
                .ok()
                .flatten()
                .filter(|selection| selection.range_count() > 0)
                .ok_or("Select words in the text above first, then press this button.")?;
            let inside = selection
                .get_range_at(0)
                .ok()
                .and_then(|range| range.common_ancestor_container().ok())
                .zip(state.find("[data-testid='details'] [data-testid='source-text']"))
                .is_some_and(|(node, shown)| shown.contains(Some(&node)));
            let words = String::from(selection.to_string());
            let words = words.trim();
            if !inside || words.is_empty() {
                return Err(
                    "Select words in the text above first, then press this button.".to_owned(),
                );
            }
            let in_text = state.dataset().is_some_and(|dataset| {
                dataset
                    .source(&source)
                    .and_then(|source| source.text.as_deref())
                    .is_some_and(|text| text.contains(words))
            });
            if !in_text {
                return Err(
                    "The selection runs across paragraphs; select words within one paragraph."
                        .to_owned(),
                );
            }
            Ok(words.to_owned())
        }
    };
    let pressed = RwSignal::new(None::<Result<String, String>>);
    let on_press = {
        let take_selection = take_selection.clone();
        move |_| pressed.set(Some(take_selection()))
    };
    let on_click = move |_| {
        let taken = pressed.get_untracked().unwrap_or_else(&take_selection);
        pressed.set(None);
        match taken {
            Ok(quote) => {
                set_message.set(None);
                open_screen(
                    state,
                    Screen::Statement {
                        source: source.clone(),
                        quote,
                    },
                );
            }
            Err(why) => set_message.set(Some(why)),
        }
    };
    view! {
        <div class="quote-picker">
            <button type="button" class="make-statement" on:pointerdown=on_press on:click=on_click>"Make a statement from this"</button>
            <span class="picker-hint">{move || message.get().unwrap_or_else(|| "Select words in the text, then press the button: they become the statement's exact quote.".to_owned())}</span>
        </div>
    }
}
