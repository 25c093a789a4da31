//! A statement's fields as a form (who said it, how it is attributed, how firmly, what it is
//! about, a summary), shared by the review queue and the quote picker; and what the dispute
//! offers to choose from.

use dispute_core::model::{Attribution, DisputeFile, Modality, Source, Speaker, Statement};
use leptos::prelude::*;
use std::collections::HashSet;
use wasm_bindgen::JsCast;

/// What a statement's fields can name, from the dispute being edited.
#[derive(Clone, Debug, Default)]
pub struct Choices {
    /// Parties: (id, name).
    pub parties: Vec<(String, String)>,
    /// Anything a statement can be about: (id, label).
    pub subjects: Vec<(String, String)>,
    /// The outlets the file already holds as cited sources: (id, title, short title).
    pub outlets: Vec<(String, String, Option<String>)>,
    /// Every id the file uses, whatever its kind.
    pub taken: HashSet<String>,
    /// The dispute's own id: what a statement naming nothing else is about.
    pub dispute: String,
}

impl Choices {
    /// The choices a dispute file offers; `None` when its text is no dispute file.
    pub fn of(file: &DisputeFile) -> Choices {
        let parties: Vec<(String, String)> = file
            .parties
            .iter()
            .map(|party| (party.id.0.clone(), party.name.clone()))
            .collect();
        let subjects = std::iter::once((
            file.dispute.id.0.clone(),
            format!("The dispute: {}", file.dispute.title),
        ))
        .chain(
            file.parties
                .iter()
                .map(|party| (party.id.0.clone(), format!("Party: {}", party.name))),
        )
        .chain(file.contracts.iter().map(|contract| {
            (
                contract.id.0.clone(),
                format!("Contract: {}", contract.title),
            )
        }))
        .chain(
            file.clauses
                .iter()
                .map(|clause| (clause.id.0.clone(), format!("Clause: {}", clause.title))),
        )
        .chain(
            file.events
                .iter()
                .map(|event| (event.id.0.clone(), format!("Event: {}", event.title))),
        )
        .collect();
        Choices {
            parties,
            subjects,
            outlets: file
                .sources
                .iter()
                .filter(|source| source.kind == dispute_core::model::SourceKind::CitedOutlet)
                .map(|source| {
                    (
                        source.id.0.clone(),
                        source.title.clone(),
                        source.short_title.clone(),
                    )
                })
                .collect(),
            taken: file
                .entity_ids()
                .into_iter()
                .map(|(_, _, id)| id.to_owned())
                .collect(),
            dispute: file.dispute.id.0.clone(),
        }
    }

    /// A new id from `words`, unique in the file and among `also`, and taken from now on.
    pub fn new_id(&mut self, words: &str, fallback: &str) -> String {
        let id = dispute_core::edit::unique_id(words, fallback, |id| self.taken.contains(id));
        self.taken.insert(id.clone());
        id
    }

    /// The first free id of the form `prefix-n` ("report-3"), taken from now on.
    pub fn numbered(&mut self, prefix: &str) -> String {
        let id = (1..)
            .map(|number| format!("{prefix}-{number}"))
            .find(|id| !self.taken.contains(id))
            .expect("some number is free");
        self.taken.insert(id.clone());
        id
    }

    /// The cited outlet a report names ("the FT", "Reuters"): one the file holds, by its
    /// title, short title or the abbreviation newsrooms use; or `None`.
    pub fn outlet(&self, written: &str) -> Option<String> {
        let wanted = outlet_key(written);
        self.outlets
            .iter()
            .find(|(id, title, short)| {
                outlet_key(title) == wanted
                    || short.as_deref().map(outlet_key).as_deref() == Some(&wanted)
                    || outlet_key(id) == wanted
            })
            .map(|(id, ..)| id.clone())
    }
}

/// An outlet's name reduced for comparison: no article, lowercase, abbreviations spelled out.
fn outlet_key(name: &str) -> String {
    let name = name.trim();
    let name = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name);
    let full = dispute_core::suggest::outlet_full_name(name);
    full.to_lowercase().replace(['-', '.'], " ")
}

/// A statement's editable fields.
#[derive(Clone, Copy)]
pub struct Fields {
    pub party: RwSignal<String>,
    pub description: RwSignal<String>,
    pub attribution: RwSignal<String>,
    pub modality: RwSignal<String>,
    pub about: RwSignal<Vec<String>>,
    pub summary: RwSignal<String>,
}

impl Fields {
    pub fn new(
        party: Option<String>,
        description: String,
        attribution: &str,
        modality: &str,
        about: Vec<String>,
        summary: String,
    ) -> Fields {
        Fields {
            party: RwSignal::new(party.unwrap_or_default()),
            description: RwSignal::new(description),
            attribution: RwSignal::new(attribution.to_owned()),
            modality: RwSignal::new(modality.to_owned()),
            about: RwSignal::new(about),
            summary: RwSignal::new(summary),
        }
    }

    /// What is missing, each named as the form names it.
    pub fn problems(&self) -> Vec<String> {
        let mut missing = Vec::new();
        if self
            .description
            .with_untracked(|text| text.trim().is_empty())
        {
            missing.push(
                "Who said it: the speaker as the source puts it (\"A Microsoft spokesperson\")."
                    .to_owned(),
            );
        }
        if self.summary.with_untracked(|text| text.trim().is_empty()) {
            missing.push("Summary: what the statement says, in your words.".to_owned());
        }
        if self.about.with_untracked(Vec::is_empty) {
            missing.push(
                "About: choose at least one party, contract, clause or event it is about."
                    .to_owned(),
            );
        }
        missing
    }

    /// The statement these fields make, with its quote from `source`.
    pub fn statement(
        &self,
        id: &str,
        source: &str,
        quote: &str,
        cites: Option<String>,
    ) -> Statement {
        let party = self.party.get_untracked();
        Statement {
            id: id.into(),
            speaker: Speaker {
                party: (!party.is_empty()).then(|| party.as_str().into()),
                description: self.description.get_untracked().trim().to_owned(),
            },
            attribution: attribution(&self.attribution.get_untracked()),
            modality: if self.modality.get_untracked() == "speculative" {
                Modality::Speculative
            } else {
                Modality::Asserted
            },
            source: source.into(),
            cites: cites.map(|cites| cites.as_str().into()),
            about: self
                .about
                .get_untracked()
                .iter()
                .map(|id| dispute_core::model::AnyId(id.clone()))
                .collect(),
            quote: quote.to_owned(),
            summary: self.summary.get_untracked().trim().to_owned(),
        }
    }
}

fn attribution(value: &str) -> Attribution {
    Attribution::ALL
        .iter()
        .copied()
        .find(|attribution| attribution.as_str() == value)
        .unwrap_or(Attribution::OutletAnalysis)
}

/// The value of the control an event came from.
fn value_of(event: &leptos::ev::Event) -> String {
    event_target_value(event)
}

/// The options chosen in a multiple select.
fn chosen(event: &leptos::ev::Event) -> Vec<String> {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|select| {
            let options = select.selected_options();
            (0..options.length())
                .filter_map(|index| options.item(index))
                .filter_map(|option| option.dyn_into::<web_sys::HtmlOptionElement>().ok())
                .map(|option| option.value())
                .collect()
        })
        .unwrap_or_default()
}

/// The form of a statement's fields; `name` makes its controls' ids unique on the page.
#[component]
pub fn StatementFields(
    /// The fields, read and written as they are edited.
    fields: Fields,
    /// What the dispute offers to choose from.
    choices: StoredValue<Choices>,
    /// A prefix for the controls' ids.
    name: String,
) -> impl IntoView {
    let parties = choices.with_value(|choices| choices.parties.clone());
    let subjects = choices.with_value(|choices| choices.subjects.clone());
    let id = move |part: &str| format!("{name}-{part}");
    view! {
        <div class="statement-fields">
            <label for=id("party")>"Speaks for"</label>
            <select id=id("party") prop:value=move || fields.party.get()
                on:change=move |event| fields.party.set(value_of(&event))>
                <option value="">"No party"</option>
                {parties.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
            </select>
            <label for=id("speaker")>"Who said it, as the source puts it"</label>
            <input type="text" id=id("speaker") aria-required="true" placeholder="A Microsoft spokesperson"
                prop:value=move || fields.description.get()
                on:input=move |event| fields.description.set(value_of(&event)) />
            <label for=id("attribution")>"Attribution"</label>
            <select id=id("attribution") prop:value=move || fields.attribution.get()
                on:change=move |event| fields.attribution.set(value_of(&event))>
                {Attribution::ALL.iter().map(|attribution| view! { <option value=attribution.as_str()>{attribution.label()}</option> }).collect_view()}
            </select>
            <label for=id("modality")>"How firmly"</label>
            <select id=id("modality") prop:value=move || fields.modality.get()
                on:change=move |event| fields.modality.set(value_of(&event))>
                <option value=Modality::Asserted.as_str()>"Asserted"</option>
                <option value=Modality::Speculative.as_str()>"Speculative (the sentence hedges)"</option>
            </select>
            <label for=id("about")>"About (choose one or more)"</label>
            <select id=id("about") multiple size="5" on:change=move |event| fields.about.set(chosen(&event))>
                {subjects.into_iter().map(|(subject, label)| {
                    let chosen = subject.clone();
                    view! { <option value=subject selected=move || fields.about.with(|about| about.contains(&chosen))>{label}</option> }
                }).collect_view()}
            </select>
            <label for=id("summary")>"Summary, in your words"</label>
            <textarea id=id("summary") aria-required="true" rows="2"
                prop:value=move || fields.summary.get()
                on:input=move |event| fields.summary.set(value_of(&event))></textarea>
        </div>
    }
}

/// A report's source entry: its metadata as the author gives it, and its text.
pub fn report_source(
    id: &str,
    title: &str,
    outlet: &str,
    date: &str,
    address: &str,
    cites: Vec<String>,
    text: &str,
) -> Source {
    let nonempty = |value: &str| {
        let value = value.trim();
        (!value.is_empty()).then(|| value.to_owned())
    };
    Source {
        id: id.into(),
        title: title.trim().to_owned(),
        short_title: None,
        kind: dispute_core::model::SourceKind::NewsReport,
        url: nonempty(address),
        publisher: nonempty(outlet),
        published: nonempty(date).map(|date| dispute_core::text::dates::as_given(&date)),
        cites: cites.iter().map(|id| id.as_str().into()).collect(),
        file: None,
        text: Some(text.to_owned()),
        note: None,
    }
}

/// A cited outlet's source entry.
pub fn outlet_source(id: &str, written: &str) -> Source {
    let name = written.trim();
    let name = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name);
    Source {
        id: id.into(),
        title: dispute_core::suggest::outlet_full_name(name).to_owned(),
        short_title: None,
        kind: dispute_core::model::SourceKind::CitedOutlet,
        url: None,
        publisher: None,
        published: None,
        cites: Vec::new(),
        file: None,
        text: None,
        note: None,
    }
}
