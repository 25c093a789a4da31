//! The quote picker: words selected in a source's text become a statement. "Make a statement
//! from this" takes the selection exactly as the text has it, so the quote is verbatim by
//! construction; a short form asks for the rest (speaker, attribution, modality, what it is
//! about, a summary); "Add" puts it into the shown dispute, checked like any file. The edited
//! dispute is kept in this browser until it is downloaded or discarded (`authoring`).

use crate::authoring;
use crate::loading::show_edited;
use crate::state::{AppState, Loaded, Origin};
use dispute_core::dataset::json_string;
use dispute_core::model::{Attribution, EntityKind, EntityRef, Modality};
use dispute_core::route::Route;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The button under a source's text, and the form it opens.
#[component]
pub fn QuotePicker(
    /// The source whose text the words are selected in.
    source: String,
    /// That text, to check the selection against.
    text: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let picked = RwSignal::new(None::<String>);
    let (message, set_message) = signal(None::<String>);
    let problems = RwSignal::new(Vec::<String>::new());
    // The selection, read when the button is pressed (before a click could move it).
    let take_selection = {
        let text = text.clone();
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
                .zip(state.find("[data-testid='details'] .source-text"))
                .is_some_and(|(node, shown)| shown.contains(Some(&node)));
            let words = String::from(selection.to_string());
            let words = words.trim();
            if !inside || words.is_empty() {
                return Err(
                    "Select words in the text above first, then press this button.".to_owned(),
                );
            }
            if !text.contains(words) {
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
            Ok(words) => {
                set_message.set(None);
                problems.set(Vec::new());
                picked.set(Some(words));
                request_animation_frame(move || {
                    state.focus("[data-testid='details'] .picker-form select");
                });
            }
            Err(why) => set_message.set(Some(why)),
        }
    };
    view! {
        <div class="quote-picker">
            <button type="button" class="make-statement" on:pointerdown=on_press on:click=on_click>"Make a statement from this"</button>
            <span class="picker-hint">{move || message.get().unwrap_or_else(|| "Select words in the text, then press the button: they become the statement's exact quote.".to_owned())}</span>
            {move || picked.get().map(|quote| view! { <StatementForm source=source.clone() quote picked problems /> })}
        </div>
    }
}

/// The form for the rest of a statement.
#[component]
fn StatementForm(
    source: String,
    quote: String,
    picked: RwSignal<Option<String>>,
    problems: RwSignal<Vec<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(dataset) = state.dataset() else {
        return ().into_any();
    };
    let party = NodeRef::<html::Select>::new();
    let speaker = NodeRef::<html::Input>::new();
    let attribution = NodeRef::<html::Select>::new();
    let modality = NodeRef::<html::Select>::new();
    let about = NodeRef::<html::Select>::new();
    let summary = NodeRef::<html::Textarea>::new();
    let parties: Vec<(String, String)> = dataset
        .file
        .parties
        .iter()
        .map(|party| (party.id.0.clone(), party.name.clone()))
        .collect();
    let subjects: Vec<(String, String)> = dataset
        .file
        .parties
        .iter()
        .map(|party| (party.id.0.clone(), format!("Party: {}", party.name)))
        .chain(dataset.file.contracts.iter().map(|contract| {
            (
                contract.id.0.clone(),
                format!("Contract: {}", contract.title),
            )
        }))
        .chain(
            dataset
                .file
                .clauses
                .iter()
                .map(|clause| (clause.id.0.clone(), format!("Clause: {}", clause.title))),
        )
        .chain(
            dataset
                .file
                .events
                .iter()
                .map(|event| (event.id.0.clone(), format!("Event: {}", event.title))),
        )
        .collect();
    // The new statement's id: the source's, numbered past any already taken.
    let id = (1..)
        .map(|number| format!("{source}-added-{number}"))
        .find(|id| !dataset.contains(&EntityRef::new(EntityKind::Statement, id.clone())))
        .expect("some number is free");
    let busy = RwSignal::new(false);
    let add = {
        let quote = quote.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let value = |select: &NodeRef<html::Select>| {
                select
                    .get()
                    .map(|select| select.value())
                    .unwrap_or_default()
            };
            let speaker_party = value(&party);
            let description = speaker.get().map(|input| input.value()).unwrap_or_default();
            let summary_text = summary.get().map(|area| area.value()).unwrap_or_default();
            let mut missing = Vec::new();
            if description.trim().is_empty() {
                missing.push("Who said it: the speaker as the source puts it (\"A Microsoft spokesperson\").".to_owned());
            }
            if summary_text.trim().is_empty() {
                missing.push("Summary: what the statement says, in your words.".to_owned());
            }
            let chosen: Vec<String> = about
                .get()
                .map(|select| {
                    let options = select.selected_options();
                    (0..options.length())
                        .filter_map(|index| options.item(index))
                        .filter_map(|option| option.dyn_into::<web_sys::HtmlOptionElement>().ok())
                        .map(|option| option.value())
                        .collect()
                })
                .unwrap_or_default();
            if chosen.is_empty() {
                missing.push(
                    "About: choose at least one party, contract, clause or event it is about."
                        .to_owned(),
                );
            }
            if !missing.is_empty() {
                problems.set(missing);
                return;
            }
            let statement = format!(
                "{{\"id\":{},\"speaker\":{{{}\"description\":{}}},\"attribution\":{},\"modality\":{},\"source\":{},\"about\":[{}],\"quote\":{},\"summary\":{}}}",
                json_string(&id),
                if speaker_party.is_empty() { String::new() } else { format!("\"party\":{},", json_string(&speaker_party)) },
                json_string(description.trim()),
                json_string(&value(&attribution)),
                json_string(&value(&modality)),
                json_string(&source),
                chosen.iter().map(|id| json_string(id)).collect::<Vec<_>>().join(","),
                json_string(&quote),
                json_string(summary_text.trim()),
            );
            let Loaded::Ready(origin, _, text) = state.loaded.get_untracked() else {
                return;
            };
            let base = match origin {
                Origin::Edited(base) => base,
                other => other.describe(),
            };
            let id = id.clone();
            busy.set(true);
            leptos::task::spawn_local(async move {
                let outcome = match authoring::add_statement(&text, &statement).await {
                    Ok(edited) => show_edited(state, &edited, &base).map(|()| edited),
                    Err(problems) => Err(problems),
                };
                busy.try_set(false);
                match outcome {
                    Ok(edited) => {
                        let kept = authoring::keep_draft(&edited, &base);
                        state.draft.set(kept.is_ok());
                        if let Err(why) = kept {
                            leptos::logging::warn!("{why}");
                        }
                        picked.try_set(None);
                        state.navigate(Route {
                            view: Some(state.view.get_untracked()),
                            selection: Some(EntityRef::new(EntityKind::Statement, id)),
                        });
                    }
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
            <label>"Speaks for"
                <select node_ref=party>
                    <option value="">"No party"</option>
                    {parties.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
            </label>
            <label>"Who said it, as the source puts it"
                <input type="text" node_ref=speaker aria-required="true" placeholder="A Microsoft spokesperson" />
            </label>
            <label>"Attribution"
                <select node_ref=attribution>
                    {Attribution::ALL.iter().map(|attribution| view! { <option value=attribution.as_str()>{attribution.label()}</option> }).collect_view()}
                </select>
            </label>
            <label>"How firmly"
                <select node_ref=modality>
                    <option value=Modality::Asserted.as_str()>"Asserted"</option>
                    <option value=Modality::Speculative.as_str()>"Speculative"</option>
                </select>
            </label>
            <label>"About (choose one or more)"
                <select node_ref=about multiple size="6">
                    {subjects.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
            </label>
            <label>"Summary, in your words"
                <textarea node_ref=summary aria-required="true" rows="2"></textarea>
            </label>
            {move || {
                let found = problems.get();
                (!found.is_empty()).then(|| view! {
                    <ul class="picker-problems" role="alert">{found.into_iter().map(|problem| view! { <li>{problem}</li> }).collect_view()}</ul>
                })
            }}
            <div class="picker-actions">
                <button type="submit" disabled=move || busy.get()>"Add"</button>
                <button type="button" on:click=move |_| picked.set(None)>"Cancel"</button>
            </div>
        </form>
    }
    .into_any()
}
