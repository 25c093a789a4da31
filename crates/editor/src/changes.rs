//! The Changes view: every change between two versions of a dispute, grouped by kind, each a
//! link to its entity (a removed one is named), with the old and new words of each changed
//! field side by side and the differing words marked. The app hands over the changes as
//! records (`dispute_core::dataset::changes`) and a way to select an entity.

use dispute_core::dataset::changes::{parse_records, word_marks};
use dispute_core::dataset::{Change, ChangeKind};
use dispute_core::model::EntityKind;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The Changes view on the page, if one is.
        static SHOWN: RefCell<Option<(JsValue, Box<dyn std::any::Any>)>> = const { RefCell::new(None) };
}

/// The kinds in the order a reader takes them in.
const KINDS: [(EntityKind, &str); 8] = [
    (EntityKind::Dispute, "The claim"),
    (EntityKind::Party, "Parties"),
    (EntityKind::Contract, "Contracts"),
    (EntityKind::Clause, "Clauses"),
    (EntityKind::Statement, "Statements"),
    (EntityKind::Event, "Events"),
    (EntityKind::Conflict, "Conflicts"),
    (EntityKind::Source, "Sources"),
];

/// Shows the changes. `request` is `{host, records, select}`: `select("kind/id")` opens an
/// entity's details in the app.
#[wasm_bindgen]
pub fn show_changes(request: JsValue) -> Result<(), JsValue> {
    let host: web_sys::HtmlElement = crate::field(&request, "host")
        .dyn_into()
        .map_err(|_| JsValue::from_str("no element to draw the changes in"))?;
    let records = crate::field(&request, "records")
        .as_string()
        .unwrap_or_default();
    let select = crate::field(&request, "select")
        .dyn_into::<js_sys::Function>()
        .ok();
    hide_changes(JsValue::UNDEFINED);
    let element = JsValue::from(host.clone());
    let handle = leptos::mount::mount_to(host, move || {
        let select = StoredValue::new_local(select);
        let changes = parse_records(&records);
        view! { <ChangeList changes select /> }
    });
    SHOWN.with(|shown| *shown.borrow_mut() = Some((element, Box::new(handle))));
    Ok(())
}

/// Takes the Changes view down: the one drawn in `host`, or whichever when `host` is not given.
#[wasm_bindgen]
pub fn hide_changes(host: JsValue) {
    let shown = SHOWN.with(|shown| {
        let mut shown = shown.borrow_mut();
        let drawn_there = shown
            .as_ref()
            .is_some_and(|(element, _)| host.is_undefined() || host.is_null() || *element == host);
        if drawn_there {
            shown.take()
        } else {
            None
        }
    });
    drop(shown);
}

type Select = StoredValue<Option<js_sys::Function>, leptos::reactive::owner::LocalStorage>;

#[component]
fn ChangeList(changes: Vec<Change>, select: Select) -> impl IntoView {
    let groups: Vec<(&'static str, Vec<Change>)> = KINDS
        .iter()
        .filter_map(|(kind, label)| {
            let own: Vec<Change> = changes
                .iter()
                .filter(|change| change.kind == *kind)
                .cloned()
                .collect();
            (!own.is_empty()).then_some((*label, own))
        })
        .collect();
    view! {
        <div class="change-groups">
            {groups.into_iter().map(|(label, own)| {
                let count = own.len();
                view! {
                    <section class="change-group">
                        <h3>{format!("{label} ({count})")}</h3>
                        <ul>
                            {own.into_iter().map(|change| view! { <ChangeItem change select /> }).collect_view()}
                        </ul>
                    </section>
                }
            }).collect_view()}
        </div>
    }
}

fn what(change: ChangeKind) -> &'static str {
    match change {
        ChangeKind::Added => "New",
        ChangeKind::Removed => "Removed",
        ChangeKind::Changed => "Changed",
    }
}

/// A field's path as words: "sides.0.position" is "side 1 position".
fn field_words(field: &str) -> String {
    field
        .split('.')
        .map(|part| match part.parse::<usize>() {
            Ok(index) => (index + 1).to_string(),
            Err(_) => part.replace('_', " "),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
fn ChangeItem(change: Change, select: Select) -> impl IntoView {
    let kind = change.kind.as_str();
    let reference = format!("{kind}/{}", change.id);
    let name = change.name.clone();
    let on_click = {
        let reference = reference.clone();
        move |event: leptos::ev::MouseEvent| {
            event.prevent_default();
            select.with_value(|select| {
                if let Some(select) = select {
                    let _ = select.call1(&JsValue::NULL, &JsValue::from_str(&reference));
                }
            });
        }
    };
    let title = if change.change == ChangeKind::Removed {
        view! { <span class="change-name"><bdi>{name}</bdi></span> }.into_any()
    } else {
        view! {
            <a class="change-name" href=format!("#/changes/{reference}") data-kind=kind data-id=change.id.clone() on:click=on_click><bdi>{name}</bdi></a>
        }
        .into_any()
    };
    let fields = change.fields.clone();
    view! {
        <li class="change" data-testid="change" data-kind=kind data-id=change.id.clone() data-change=change.change.as_str()>
            <span class=format!("change-badge change-{}", change.change.as_str())>{what(change.change)}</span>
            " "
            <span class="change-kind">{kind}</span>
            " "
            {title}
            {(!fields.is_empty()).then(|| view! {
                <table class="change-fields">
                    <thead><tr><th scope="col">"Field"</th><th scope="col">"Before"</th><th scope="col">"Now"</th></tr></thead>
                    <tbody>
                        {fields.into_iter().map(|field| {
                            let (old, new) = word_marks(field.old.as_deref().unwrap_or(""), field.new.as_deref().unwrap_or(""));
                            view! {
                                <tr>
                                    <th scope="row">{field_words(&field.field)}</th>
                                    <td>{if field.old.is_none() { view! { <em>"(none)"</em> }.into_any() } else { marked(old) }}</td>
                                    <td>{if field.new.is_none() { view! { <em>"(none)"</em> }.into_any() } else { marked(new) }}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
        </li>
    }
}

/// Text with its differing words marked; a long text is cut to the part around its marks.
fn marked(pieces: Vec<(String, bool)>) -> AnyView {
    const AROUND: usize = 160;
    let last = pieces.len().saturating_sub(1);
    pieces
        .into_iter()
        .enumerate()
        .map(|(index, (text, marked))| {
            if marked {
                view! { <mark><bdi>{text}</bdi></mark> }.into_any()
            } else if text.chars().count() > 2 * AROUND {
                // Plain text far from any change: its ends only.
                let head: String = text.chars().take(AROUND).collect();
                let tail: String = text.chars().skip(text.chars().count() - AROUND).collect();
                let shown = match (index == 0, index == last) {
                    (true, true) => format!("{head}…"),
                    (true, false) => format!("…{tail}"),
                    (false, true) => format!("{head}…"),
                    (false, false) => format!("{head} … {tail}"),
                };
                view! { <bdi>{shown}</bdi> }.into_any()
            } else {
                view! { <bdi>{text}</bdi> }.into_any()
            }
        })
        .collect_view()
        .into_any()
}
