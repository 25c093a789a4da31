//! The details panel (`data-testid="details"`): everything the dataset knows about the selected
//! entity, with every named entity a link. A statement leads with who said it, where, and its
//! sentence in its paragraph; the whole article is one click away. Lists of statements are grouped
//! by who speaks, each statement once, in sections that fold, with counts in their headings.
//!
//! Beside the map on a desktop, where it can be closed; a sheet over the map on a phone.

use super::paged::Paged;
use super::picker::QuotePicker;
use super::tour::TourCard;
use super::{after_first_drawing, shown, EntityLink, RouteLink};
use crate::disputes::AlsoInList;
use crate::state::AppState;
use dispute_core::dataset::{ChangeKind, Dataset};
use dispute_core::model::{
    Attribution, EntityKind, EntityRef, Modality, ReportedDate, Source, Statement,
};
use dispute_core::route::{Route, View};
use leptos::prelude::*;
use std::ops::Range;

/// How much of a paragraph shows around a quote, in bytes on each side.
const CONTEXT_ROOM: usize = 150;

/// Up to how many statements a section groups by speaker.
const GROUPED_STATEMENTS: usize = 200;

/// How many bytes of a source's text show before "Show the rest".
const SHOWN_TEXT: usize = 20_000;

/// The panel for whatever is selected, or an overview of the dispute when nothing is.
/// The details toggle's words while the panel is open and while it is folded (the pre-rendered
/// screen's responder is given them too).
pub const HIDE_DETAILS: &str = "Hide details";
pub const SHOW_DETAILS: &str = "Show details";

#[component]
pub fn Details() -> impl IntoView {
    let state = expect_context::<AppState>();

    // A selection the user made moves keyboard focus to the panel's heading once it is on
    // screen: a frame after it is drawn, when the page is laid out already, so focusing costs
    // no second layout of the whole page.
    Effect::new(move |_| {
        state.selection.track();
        if state.focus_details.get_untracked() {
            state.focus_details.set(false);
            request_animation_frame(move || {
                request_animation_frame(move || {
                    state.focus_in_place("[data-testid='details'] [aria-live] h2");
                });
            });
        }
    });

    // Drawn anew for each view and selection, under its own scoped state, so nothing in it
    // subscribes to the shared signals (see `AppState::scoped`).
    let body = move || {
        state.view.track();
        provide_context(state.scoped_fixed());
        let Some(dataset) = state.dataset() else {
            return ().into_any();
        };
        if let Some(problem) = state.route_error.get() {
            return view! {
                <div class="details-problem" role="alert">
                    <p>{problem}</p>
                    <p>{overview_link()}</p>
                </div>
            }
            .into_any();
        }
        match state.selection.get() {
            None => overview(&dataset),
                        Some(selected) if !dataset.contains(&selected) && what_changed(state, selected.kind, &selected.id).is_some() => {
                what_changed(state, selected.kind, &selected.id).into_any()
            }
            Some(selected) if !dataset.contains(&selected) => view! {
                <div class="details-problem" role="alert">
                    <p>{format!("There is no {} with the id \"{}\" in this dispute.", selected.kind.as_str(), selected.id)}</p>
                    <p>{overview_link()}</p>
                </div>
            }
            .into_any(),
                        Some(EntityRef { kind, id }) => {
                let shown = match kind {
                    EntityKind::Party => party(&dataset, &id),
                    EntityKind::Contract => contract(&dataset, &id),
                    EntityKind::Clause => clause(&dataset, &id),
                    EntityKind::Statement => statement(&dataset, &id),
                    EntityKind::Source => source(&dataset, &id),
                    EntityKind::Event => event(&dataset, &id),
                    EntityKind::Conflict => conflict(&dataset, &id),
                    EntityKind::Dispute => overview(&dataset),
                };
                view! { {what_changed(state, kind, &id)} {shown} }.into_any()
            }
        }
    };

    // The panel's content is drawn two frames after the map, so the map, what a reader comes
    // for, is on screen first. The live region arrives with its content, so the first content
    // is not announced as a change.
    let drawn = RwSignal::new(false);
    after_first_drawing(move || {
        // The panel may be gone by then, when another file came in at once.
        drawn.try_set(true);
    });
    let open = move || state.panel_open.get();
    let close_sheet = move |_| {
        state.navigate(Route {
            view: Some(state.view.get_untracked()),
            selection: None,
        });
        state.focus_first("map");
    };
    view! {
        <aside class="details" data-testid="details" id="details" aria-label="Details" part="details">
            <div class="panel-bar">
                <button type="button" class="panel-toggle" data-action="toggle-details" aria-expanded=move || open().to_string() aria-controls="details-body"
                    on:click=move |_| state.panel_open.update(|open| *open = !*open)>
                    {move || if open() { HIDE_DETAILS } else { SHOW_DETAILS }}
                </button>
                <button type="button" class="sheet-close" data-action="close-details" aria-label="Close the details" on:click=close_sheet>"×"</button>
            </div>
            <div class="details-scroll" id="details-body">
                <TourCard />
                {move || drawn.get().then(|| view! { <div aria-live="polite">{body}</div> })}
            </div>
        </aside>
    }
}

/// While a comparison is open: how the entity changed since the older version, field by field.
fn what_changed(state: AppState, kind: EntityKind, id: &str) -> Option<AnyView> {
    let comparison = state.comparison.get_untracked()?;
    let change = comparison.change_of(kind, id)?;
    let short = |value: &Option<String>| match value {
        None => "(none)".to_owned(),
        Some(value) if value.chars().count() > 240 => {
            format!("{}…", value.chars().take(240).collect::<String>())
        }
        Some(value) => value.clone(),
    };
    let heading = match change.change {
        ChangeKind::Added => format!("New since {}", comparison.against),
        ChangeKind::Changed => format!("Changed since {}", comparison.against),
        ChangeKind::Removed => format!(
            "{} “{}” was removed since {}",
            kind_name(kind),
            change.name,
            comparison.against
        ),
    };
    Some(view! {
        <section class="what-changed" data-testid="what-changed" data-change=change.change.as_str()>
            <h3><bdi>{heading}</bdi></h3>
            <ul>
                {change.fields.iter().map(|field| view! {
                    <li>
                        <span class="what-field">{field.field.replace('.', " ")}</span>": "
                        <del><bdi>{short(&field.old)}</bdi></del>" → "<ins><bdi>{short(&field.new)}</bdi></ins>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
    .into_any())
}

/// Back to the overview, in the current view.
fn overview_link() -> impl IntoView {
    let state = expect_context::<AppState>();
    let to = Signal::stored(Route {
        view: Some(state.view.get_untracked()),
        selection: None,
    });
    view! { <RouteLink to>"Show the overview"</RouteLink> }
}

/// The kind badge and title that open every panel. The heading takes focus when the user
/// selects something, so a screen reader reads what was opened.
fn heading(kind: EntityKind, title: &str) -> impl IntoView {
    view! {
        <p class=format!("kind-badge kind-{}", kind.as_str())>{kind_name(kind)}</p>
        <h2 tabindex="-1"><bdi>{shown(title)}</bdi></h2>
    }
}

/// How much stands behind an entity, chains folded: "6 statements · 2 reports · 3 independent
/// origins (1 on record, 1 anonymous, 1 the outlets' own)".
fn reach(dataset: &Dataset, id: &str) -> impl IntoView {
    let behind = dataset.statements_behind(id);
    (!behind.is_empty()).then(|| {
        let reach = dataset.reach(behind);
        view! { <p class="reach" data-testid="reach">{reach.describe()}</p> }
    })
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Party => "Party",
        EntityKind::Contract => "Contract",
        EntityKind::Clause => "Clause",
        EntityKind::Statement => "Statement",
        EntityKind::Source => "Source",
        EntityKind::Event => "Event",
        EntityKind::Conflict => "Conflict",
        EntityKind::Dispute => "Dispute",
    }
}

/// A labelled row of facts.
fn fact(label: &'static str, value: impl IntoView + 'static) -> impl IntoView {
    view! {
        <dt>{label}</dt>
        <dd>{value}</dd>
    }
}

/// Text from the file, isolated so its direction cannot reorder what follows it.
fn text(value: &str) -> impl IntoView {
    view! { <bdi>{shown(value)}</bdi> }
}

/// Links to a list of entities, comma separated, or "none" when empty.
fn links<'a>(ids: impl IntoIterator<Item = &'a str>) -> AnyView {
    let ids: Vec<String> = ids.into_iter().map(str::to_owned).collect();
    if ids.is_empty() {
        return view! { <span class="none">"none"</span> }.into_any();
    }
    let count = ids.len();
    ids.into_iter()
        .enumerate()
        .map(|(index, id)| view! { <EntityLink id /> {(index + 1 < count).then_some(", ")} })
        .collect_view()
        .into_any()
}

/// A source's short name, for lines that name where something was reported.
fn outlet(dataset: &Dataset, source: &str) -> String {
    dataset
        .source(source)
        .map(|source| {
            source
                .short_title
                .clone()
                .unwrap_or_else(|| source.title.clone())
        })
        .unwrap_or_else(|| source.to_owned())
}

fn date_text(date: &ReportedDate) -> impl IntoView {
    let relative = date
        .relative_to
        .as_ref()
        .map(|source| view! { " (relative to " <EntityLink id=source.0.clone() /> ")" });
    view! {
        <span class="date">{text(&date.text)}</span>
        " "
        <span class=format!("badge precision-{}", date.precision.as_str())>{date.precision.label()}</span>
        {relative}
    }
}

/// A titled section that folds, with its count in the heading; left out when it would be empty.
fn section(
    title: &'static str,
    count: usize,
    body: impl IntoView + 'static,
) -> Option<impl IntoView> {
    (count > 0).then(|| {
        view! {
            <details class="details-section" open>
                <summary><h3>{format!("{title} ({count})")}</h3></summary>
                {body}
            </details>
        }
    })
}

/// Who said it, how it is attributed, whether it hedges, and where it was reported.
fn statement_meta(dataset: &Dataset, statement: &Statement) -> impl IntoView {
    let speculative = (statement.modality == Modality::Speculative)
        .then(|| view! { " " <span class="badge speculative">"speculative"</span> });
    view! {
        <p class="statement-meta">
            {text(&statement.speaker.description)} " · "
            <span class=format!("badge attribution-{}", statement.attribution.as_str())>{statement.attribution.label()}</span>
            {speculative}
            " · " {text(&outlet(dataset, statement.source.as_str()))}
        </p>
    }
}

/// Statements as a list, each once: its quote as the link that opens it, then who said it and
/// where. A long list is drawn a page at a time.
fn statement_list(dataset: &Dataset, statements: &[&Statement]) -> AnyView {
    let state = expect_context::<AppState>();
    let Some(shared) = state.dataset() else {
        return ().into_any();
    };
    let positions: Vec<usize> = statements
        .iter()
        .filter_map(|statement| dataset.position_of(statement.id.as_str()))
        .collect();
    let item = move |position: &usize| {
        let statement = &shared.file.statements[*position];
        view! {
            <li class=format!("statement-item attribution-{} modality-{}", statement.attribution.as_str(), statement.modality.as_str())>
                <EntityLink id=statement.id.0.clone() label=format!("“{}”", statement.quote) />
                {statement_meta(&shared, statement)}
            </li>
        }
    };
    view! { <ul class="statement-list"><Paged items=positions render=item /></ul> }.into_any()
}

/// Statements grouped by who speaks, each group headed by the party (or "The reports' own
/// words"), in a section that folds. More than `GROUPED_STATEMENTS` are listed in file order
/// instead, a page at a time, so a source of thousands opens at once.
fn statements_by_speaker(
    dataset: &Dataset,
    title: &'static str,
    statements: Vec<&Statement>,
) -> Option<AnyView> {
    let count = statements.len();
    if count > GROUPED_STATEMENTS {
        return section(title, count, statement_list(dataset, &statements)).map(IntoAny::into_any);
    }
    let groups = dataset.by_speaker(statements);
    let body = groups
        .into_iter()
        .map(|(party, members)| {
            let name = match party {
                Some(party) => dataset.label(party).unwrap_or(party).to_owned(),
                None => "The reports' own words and unnamed sources".to_owned(),
            };
            let heading = format!("{name} ({})", members.len());
            view! {
                <div class="speaker-group">
                    <h4><bdi>{heading}</bdi></h4>
                    {statement_list(dataset, &members)}
                </div>
            }
        })
        .collect_view();
    section(title, count, body).map(IntoAny::into_any)
}

/// Where the reports disagree about an entity: each conflict that names it (or, for a
/// statement, sets it against another), a link to its card in the Conflicts view. It leads the
/// entity's details; its count is the map badge's.
fn disagreements(dataset: &Dataset, id: &str) -> Option<impl IntoView> {
    let items: Vec<_> = dataset
        .conflicts_involving(id)
        .map(|conflict| {
            let to = Signal::stored(Route {
                view: Some(View::Conflicts),
                selection: Some(EntityRef::new(EntityKind::Conflict, conflict.id.0.clone())),
            });
                        let title = shown(&conflict.title);
            view! {
                <li>
                    <RouteLink to class="entity-link" kind="conflict" id=conflict.id.0.clone()><bdi>{title}</bdi></RouteLink>
                    <span class="muted">{format!(" ({})", conflict.kind.as_str())}</span>
                </li>
            }
        })
        .collect();
    let count = items.len();
    (count > 0).then(|| {
        view! {
            <section class="details-section disagreements" data-testid="entity-conflicts">
                <h3>{format!("Where the reports disagree ({count})")}</h3>
                <ul class="plain-list">{items}</ul>
            </section>
        }
    })
}

fn overview(dataset: &Dataset) -> AnyView {
    let dispute = dataset.dispute();
    let warnings = &dataset.warnings;
    let report = (!warnings.is_empty()).then(|| {
        let count = warnings.len();
        view! {
            <details class="details-section file-report" data-testid="file-report">
                <summary><h3>{format!("File report: {count} warning{}", if count == 1 { "" } else { "s" })}</h3></summary>
                <p class="muted">"Worth a second look; the file is shown as it is."</p>
                <ul>{warnings.iter().map(|warning| view! { <li><code><bdi>{warning.to_string()}</bdi></code></li> }).collect_view()}</ul>
            </details>
        }
    });
    view! {
        <div class="details-body" data-kind="dispute" data-id=dispute.id.0.clone()>
            {heading(EntityKind::Dispute, &dispute.title)}
            {reach(dataset, dispute.id.as_str())}
            <p class="summary" data-testid="summary">{text(&dispute.summary)}</p>
            <dl class="facts">
                {fact("Claim", text(&dispute.claim))}
                {fact("Status", view! { <span class=format!("badge status-{}", dispute.status.as_str())>{dispute.status.label()}</span> })}
                {fact("Under way", links(dataset.ongoing().map(|event| event.id.as_str())))}
                {fact("Claimants", links(dispute.claimants.iter().map(|id| id.as_str())))}
                {fact("Respondents", links(dispute.respondents.iter().map(|id| id.as_str())))}
                {fact("Contracts at stake", links(dispute.contracts.iter().map(|id| id.as_str())))}
                {fact("Clauses at stake", links(dispute.clauses.iter().map(|id| id.as_str())))}
                {fact("Sources", links(dispute.sources.iter().map(|id| id.as_str())))}
            </dl>
            {tour_link(dataset)}
            <p class="hint">"Select a party, contract or clause on the map to see what the reports say about it."</p>
            {report}
            {statements_by_speaker(dataset, "Statements about the dispute", dataset.statements_about(dispute.id.as_str()).collect())}
        </div>
    }
    .into_any()
}

/// An invitation to the guided walkthrough, when the file has one.
fn tour_link(dataset: &Dataset) -> Option<impl IntoView> {
    let steps = dataset.file.tour.len();
    (steps > 0).then(|| {
        let state = expect_context::<AppState>();
        let open = move |event: leptos::ev::MouseEvent| {
            event.prevent_default();
            state.navigate_tour(1);
        };
        view! {
            <p class="tour-invite">
                <a href=dispute_core::route::tour_step(1) class="button-link" on:click=open>
                    {format!("Take the guided walkthrough ({steps} steps)")}
                </a>
            </p>
        }
    })
}

fn party(dataset: &Dataset, id: &str) -> AnyView {
    let Some(party) = dataset.party(id) else {
        return ().into_any();
    };
    let contracts: Vec<&str> = dataset
        .contracts_of(id)
        .map(|contract| contract.id.as_str())
        .collect();
    // Where the party stands on each clause, as the readings give it.
    let positions: Vec<_> = dataset
        .file
        .clauses
        .iter()
        .flat_map(|clause| {
            clause
                .readings
                .iter()
                .filter(|reading| reading.party.as_str() == id)
                .map(move |reading| (clause, reading))
        })
        .map(|(clause, reading)| {
            let speculative = (reading.modality == Modality::Speculative)
                .then(|| view! { " " <span class="badge speculative">"speculative"</span> });
            view! {
                <li class="reading">
                    <p><strong>"On " <EntityLink id=clause.id.0.clone() /></strong> {speculative}</p>
                    <p>{text(&reading.position)}</p>
                </li>
            }
        })
        .collect();
    let position_count = positions.len();
    view! {
        <div class="details-body">
            {heading(EntityKind::Party, &party.name)}
            {reach(dataset, id)}
            {disagreements(dataset, id)}
            <p class="role">{text(&party.role)}</p>
            <p class="summary" data-testid="summary">{text(&party.summary)}</p>
            {section("Its position", position_count, view! { <ul class="reading-list">{positions}</ul> })}
            <dl class="facts">
                {(!party.aliases.is_empty()).then(|| fact("Also called", text(&party.aliases.join(", "))))}
                {fact("Kind", party.kind.as_str())}
                {fact("Contracts", links(contracts))}
                {fact("Sources", links(party.sources.iter().map(|id| id.as_str())))}
            </dl>
            <AlsoInList party=id.to_owned() />
            {statements_by_speaker(dataset, "Statements by or about it", dataset.statements_concerning(id))}
        </div>
    }
    .into_any()
}

fn contract(dataset: &Dataset, id: &str) -> AnyView {
    let Some(contract) = dataset.contract(id) else {
        return ().into_any();
    };
    let clauses: Vec<&str> = dataset
        .clauses_of(id)
        .map(|clause| clause.id.as_str())
        .collect();
    view! {
        <div class="details-body">
            {heading(EntityKind::Contract, &contract.title)}
            {reach(dataset, id)}
            {disagreements(dataset, id)}
            <p class="summary" data-testid="summary">{text(&contract.summary)}</p>
            <dl class="facts">
                {fact("Parties", links(contract.parties.iter().map(|id| id.as_str())))}
                {fact("Date", match &contract.date {
                    Some(date) => date_text(date).into_any(),
                    None => view! { <span class="none">"not reported"</span> }.into_any(),
                })}
                {fact("Value", match &contract.value {
                    Some(value) => text(value).into_any(),
                    None => view! { <span class="none">"not reported"</span> }.into_any(),
                })}
                {fact("Status", view! { <span class=format!("badge status-{}", contract.status.as_str())>{contract.status.as_str()}</span> })}
                {fact("Kind", contract.kind.as_str())}
                {fact("Clauses", links(clauses))}
                {fact("Sources", links(contract.sources.iter().map(|id| id.as_str())))}
            </dl>
            {statements_by_speaker(dataset, "Statements about it", dataset.statements_about(id).collect())}
        </div>
    }
    .into_any()
}

fn clause(dataset: &Dataset, id: &str) -> AnyView {
    let Some(clause) = dataset.clause(id) else {
        return ().into_any();
    };
    let wording: Vec<_> = clause
        .wording
        .iter()
        .map(|wording| view! {
            <li>
                <blockquote class="wording">"“"{text(&wording.quote)}"”"</blockquote>
                <p class="statement-meta">"as reported in " {text(&outlet(dataset, wording.source.as_str()))}</p>
            </li>
        })
        .collect();
    // Each side's reading with the statements behind it, quoted once here and not again below.
    let mut in_readings: Vec<&str> = Vec::new();
    let readings: Vec<_> = clause
        .readings
        .iter()
        .map(|reading| {
            let backing: Vec<&Statement> = reading
                .statements
                .iter()
                .filter_map(|id| dataset.statement(id.as_str()))
                .filter(|statement| !in_readings.contains(&statement.id.as_str()))
                .collect();
            in_readings.extend(backing.iter().map(|statement| statement.id.as_str()));
            let speculative = (reading.modality == Modality::Speculative)
                .then(|| view! { " " <span class="badge speculative">"speculative"</span> });
            view! {
                <li class=format!("reading modality-{}", reading.modality.as_str())>
                    <p><strong><EntityLink id=reading.party.0.clone() /></strong> {speculative}</p>
                    <p class="position">{text(&reading.position)}</p>
                    {(!backing.is_empty()).then(|| statement_list(dataset, &backing))}
                </li>
            }
        })
        .collect();
    let reading_count = readings.len();
    let others: Vec<&Statement> = dataset
        .statements_about(id)
        .filter(|statement| !in_readings.contains(&statement.id.as_str()))
        .collect();
    view! {
        <div class="details-body">
            {heading(EntityKind::Clause, &clause.title)}
            {reach(dataset, id)}
            {disagreements(dataset, id)}
            <dl class="facts">
                {fact("Contract", view! { <EntityLink id=clause.contract.0.clone() /> })}
                {fact("In dispute", if clause.disputed { "yes, at stake in the claim" } else { "no" })}
            </dl>
            <section class="question">
                <h3>"Open question"</h3>
                <p>{text(&clause.question)}</p>
            </section>
            {section("Reported wording", wording.len(), view! { <ul class="wording-list">{wording}</ul> })}
            {section("How each side reads it", reading_count, view! { <ul class="reading-list">{readings}</ul> })}
            {statements_by_speaker(dataset, "Other statements about it", others)}
        </div>
    }
    .into_any()
}

fn statement(dataset: &Dataset, id: &str) -> AnyView {
    let Some(statement) = dataset.statement(id) else {
        return ().into_any();
    };
    let source = dataset.source(statement.source.as_str());
    let in_context = dataset
        .quote_in_context(statement, CONTEXT_ROOM)
        .map(|context| {
            view! {
                <figure class="in-context">
                    <blockquote>
                        {context.cut_before.then_some("… ")}
                        <bdi>{context.before.to_owned()}</bdi>
                        <mark><bdi>{shown(context.quote)}</bdi></mark>
                        <bdi>{context.after.to_owned()}</bdi>
                        {context.cut_after.then_some(" …")}
                    </blockquote>
                    <figcaption>{text(&outlet(dataset, statement.source.as_str()))} {format!(", paragraph {}", context.paragraph)}</figcaption>
                </figure>
            }
        });
    let whole = source.zip(dataset.quote_range(statement)).map(|(source, range)| {
        let (shown, set_shown) = signal(false);
        // The text stays in the shared dataset: only its id is kept until it is asked for.
        let source = source.id.0.clone();
        let state = expect_context::<AppState>();
        let show = move |_| {
            set_shown.set(true);
            // Scrolled to the quote once it is drawn.
            request_animation_frame(move || {
                if let Some(mark) = state.find("[data-testid='details'] [data-testid='source-text'] mark") {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Center);
                    mark.scroll_into_view_with_scroll_into_view_options(&options);
                }
            });
        };
        view! {
            {move || (!shown.get()).then(|| view! {
                <button type="button" class="read-article" on:click=show>"Read the whole article"</button>
            })}
            {move || shown.get().then(|| view! {
                <section class="article">
                    <h3>"The whole article"</h3>
                                        {source_text(&source, Some(range.clone()))}
                </section>
            })}
        }
    });
    // The chain as a path: the report, the outlet it cites, the speaker.
    let chain = dataset.chain(statement).map(|chain| {
        view! {
            <p class="chain" data-testid="chain">
                <span class="muted">"Reporting chain: "</span>
                <EntityLink id=chain.report.id.0.clone() />
                {chain.cited.map(|cited| view! { " → " <EntityLink id=cited.id.0.clone() /> })}
                " → " <bdi>{shown(chain.speaker)}</bdi>
            </p>
        }
    });
    let origin = match dataset.origin_of(statement).0 {
        dispute_core::dataset::OriginKind::OnRecord => "an origin on the record",
        dispute_core::dataset::OriginKind::Anonymous => "an anonymous origin",
        dispute_core::dataset::OriginKind::Outlet => "the outlet's own words",
    };
    // On the published page, where the source has an address, at the quote itself.
    let published = source
        .and_then(|source| source.url.as_deref())
        .map(|url| dispute_core::dataset::text_fragment(url, &statement.quote))
        .map(|href| view! { <p><a href=href target="_blank" rel="noopener noreferrer">"See it on the published page"</a></p> });
    view! {
        <div class="details-body statement-first">
                        {heading(EntityKind::Statement, &statement.summary)}
            {disagreements(dataset, id)}
            <p class="statement-who">
                <span class="speaker">{text(&statement.speaker.description)}</span>
                {statement.speaker.party.as_ref().map(|party| view! { " (" <EntityLink id=party.0.clone() /> ")" })}
                <br />
                <span class=format!("badge attribution-{}", statement.attribution.as_str())>{statement.attribution.label()}</span>
                {(statement.modality == Modality::Speculative).then(|| view! { " " <span class="badge speculative">"speculative"</span> })}
                " · in " <EntityLink id=statement.source.0.clone() label=outlet(dataset, statement.source.as_str()) />
            </p>
            {in_context}
            {whole}
            {published}
            {chain}
            <p class="reach" data-testid="reach">{format!("1 statement · 1 report · {origin}")}</p>
            <dl class="facts">
                {fact("About", links(statement.about.iter().map(|id| id.as_str())))}
                {fact("Attribution", attribution_note(statement.attribution))}
            </dl>
        </div>
    }
    .into_any()
}

/// What an attribution means, in a sentence.
fn attribution_note(attribution: Attribution) -> &'static str {
    match attribution {
        Attribution::OnRecord => "said on the record by a named person or organisation",
        Attribution::Spokesperson => "said by an official spokesperson",
        Attribution::Anonymous => "from people the report does not name",
        Attribution::OutletParaphrase => "the outlet's own words for a party's position",
        Attribution::OutletAnalysis => "the outlet's own framing or analysis",
    }
}

/// A source's text as paragraphs, with `highlight` (byte offsets) marked. A long text shows its
/// first `SHOWN_TEXT` bytes, or that much around the mark, and offers the rest. The text is
/// borrowed from the shared dataset each time it is drawn, never copied whole.
fn source_text(source: &str, highlight: Option<Range<usize>>) -> impl IntoView {
    let dataset = expect_context::<AppState>().dataset();
    let source = source.to_owned();
    let (whole, set_whole) = signal(false);
    move || {
        let Some(found) = dataset.as_ref().and_then(|dataset| dataset.source(&source)) else {
            return ().into_any();
        };
        let text = found.text.as_deref().unwrap_or_default();
        let title = &found.title;
        let window = text_window(text, highlight.as_ref());
        let hidden = text.len() - (window.end - window.start);
        let shown = if whole.get() {
            0..text.len()
        } else {
            window.clone()
        };
        let mut paragraphs = Vec::new();
        let mut start = shown.start;
        for line in text[shown.clone()].split('\n') {
            let end = start + line.len();
            let marked = highlight.as_ref().and_then(|range| {
                let from = range.start.max(start);
                let to = range.end.min(end);
                (from < to).then_some((from - start, to - start))
            });
            let paragraph = match marked {
                Some((from, to)) => view! {
                    <p><bdi>{line[..from].to_owned()}</bdi><mark><bdi>{line[from..to].to_owned()}</bdi></mark><bdi>{line[to..].to_owned()}</bdi></p>
                }
                .into_any(),
                None if line.trim().is_empty() => ().into_any(),
                None => view! { <p><bdi>{line.to_owned()}</bdi></p> }.into_any(),
            };
            paragraphs.push(paragraph);
            start = end + 1;
        }
        let more = (!whole.get() && hidden > 0).then(|| {
            view! {
                <button type="button" on:click=move |_| set_whole.set(true)>
                    {format!("Show the whole text ({} more characters)", hidden)}
                </button>
            }
        });
        view! {
            <div class="source-text" data-testid="source-text" aria-label=format!("Text of {title}")>{paragraphs}</div>
            {more}
        }
        .into_any()
    }
}

/// The part of a long text to draw first: whole paragraphs, about `SHOWN_TEXT` bytes, around
/// the marked range when there is one.
fn text_window(text: &str, mark: Option<&Range<usize>>) -> Range<usize> {
    if text.len() <= SHOWN_TEXT {
        return 0..text.len();
    }
    let center = mark.map_or(0, |mark| mark.start);
    let start = boundary_before(text, center.saturating_sub(SHOWN_TEXT / 2));
    let end = boundary_after(
        text,
        (start + SHOWN_TEXT).max(mark.map_or(0, |mark| mark.end)),
    );
    start..end
}

/// How far a window's edge moves to meet a paragraph's or a word's edge.
const SNAP: usize = 2_000;

/// A place at or before `at` to start a window: a paragraph's start if one is near, else a
/// word's, else a character's.
fn boundary_before(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    if at == 0 || text[..at].ends_with('\n') {
        return at;
    }
    let mut near = at.saturating_sub(SNAP);
    while !text.is_char_boundary(near) {
        near += 1;
    }
    let before = &text[near..at];
    before
        .rfind('\n')
        .or_else(|| before.rfind(' '))
        .map_or(at, |found| near + found + 1)
}

/// A place at or after `at` to end a window: a paragraph's end if one is near, else a word's,
/// else a character's.
fn boundary_after(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    let mut near = (at + SNAP).min(text.len());
    while !text.is_char_boundary(near) {
        near += 1;
    }
    let after = &text[at..near];
    after
        .find('\n')
        .or_else(|| after.find(' '))
        .map_or(at, |found| at + found)
}

fn source(dataset: &Dataset, id: &str) -> AnyView {
    let Some(source) = dataset.source(id) else {
        return ().into_any();
    };
    let statements: Vec<&Statement> = dataset.statements_in(id).collect();
    view! {
        <div class="details-body">
            {heading(EntityKind::Source, &source.title)}
            <dl class="facts">
                {fact("Kind", source.kind.label())}
                {source.publisher.clone().map(|publisher| fact("Publisher", text(&publisher)))}
                {fact("Published", match &source.published {
                    Some(date) => date_text(date).into_any(),
                    None => view! { <span class="none">"not known"</span> }.into_any(),
                })}
                {fact("Cites", links(source.cites.iter().map(|id| id.as_str())))}
                {source.file.clone().map(|file| fact("File", view! { <code>{text(&file)}</code> }))}
            </dl>
            {source.note.clone().map(|note| view! { <p class="note">{text(&note)}</p> })}
                        {coverage(dataset, source)}
            {statements_by_speaker(dataset, "Statements reported in or citing it", statements)}
                        {source.text.is_some().then(|| view! {
                <details class="details-section">
                    <summary><h3>"Full text"</h3></summary>
                    {source_text(source.id.as_str(), None)}
                    <QuotePicker source=source.id.0.clone() />
                </details>
            })}
        </div>
    }
    .into_any()
}

/// How much of a source's text its statements carry, and the sentences they leave out: the
/// sentence audit, as a reader sees it. Headings, labels and bylines are not counted.
fn coverage(dataset: &Dataset, source: &Source) -> Option<AnyView> {
    let text = source.text.as_deref()?;
    let quotes: Vec<Range<usize>> = dataset
        .statement_positions_in(source.id.as_str())
        .map(|position| &dataset.file.statements[position])
        // Statements that only cite it quote another text.
        .filter(|statement| statement.source == source.id)
        .filter_map(|statement| dataset.quote_range(statement))
        .collect();
    let found = dispute_core::suggest::coverage::coverage(text, &quotes);
    if found.sentences == 0 {
        return None;
    }
    let share = found.carried * 100 / found.sentences;
    let missing = found.not_carried.len();
    Some(
        view! {
            <div class="coverage">
                <p data-testid="coverage">
                    {format!("Statements carry {} of {} sentences of its text ({share}%).", found.carried, found.sentences)}
                </p>
                {(missing > 0).then(|| view! {
                    <details class="details-section">
                        <summary><h3>{format!("Sentences no statement carries ({missing})")}</h3></summary>
                        <ul class="plain-list not-carried">
                            {found.not_carried.into_iter().take(50).map(|range| view! { <li><bdi>{text[range].to_owned()}</bdi></li> }).collect_view()}
                        </ul>
                        {(missing > 50).then(|| view! { <p class="hint">{format!("and {} more; check-dispute lists them all", missing - 50)}</p> })}
                    </details>
                })}
            </div>
        }
        .into_any(),
    )
}

fn event(dataset: &Dataset, id: &str) -> AnyView {
    let Some(event) = dataset.event(id) else {
        return ().into_any();
    };
    view! {
        <div class="details-body">
            {heading(EntityKind::Event, &event.title)}
            {reach(dataset, id)}
            {disagreements(dataset, id)}
            <p class="summary" data-testid="summary">{text(&event.summary)}</p>
            <dl class="facts">
                {fact("When it happened", date_text(&event.date))}
                {fact("Status", view! { <span class=format!("badge status-{}", event.status.as_str())>{event.status.label()}</span> })}
                {fact("Reported by", links(event.sources.iter().map(|id| id.as_str())))}
                {fact("Parties", links(event.parties.iter().map(|id| id.as_str())))}
                {fact("Contracts", links(event.contracts.iter().map(|id| id.as_str())))}
            </dl>
            {statements_by_speaker(dataset, "Statements about it", dataset.statements_about(id).collect())}
        </div>
    }
    .into_any()
}

fn conflict(dataset: &Dataset, id: &str) -> AnyView {
    let Some(conflict) = dataset.conflict(id) else {
        return ().into_any();
    };
    let state = expect_context::<AppState>();
    // The sides in brief: the Conflicts view lays them out with their quotes to compare.
    let sides: Vec<_> = conflict
        .sides
        .iter()
        .map(|side| {
            view! {
                <li>
                    <strong><EntityLink id=side.source.0.clone() label=outlet(dataset, side.source.as_str()) /></strong>
                    ": " {text(&side.position)}
                </li>
            }
        })
        .collect();
    let compare = (state.view.get_untracked() != View::Conflicts).then(|| {
        let to = Signal::stored(Route {
            view: Some(View::Conflicts),
            selection: Some(EntityRef::new(EntityKind::Conflict, id.to_owned())),
        });
        view! { <p><RouteLink to>"Compare the sides, quote by quote"</RouteLink></p> }
    });
    view! {
        <div class="details-body">
                        {heading(EntityKind::Conflict, &conflict.title)}
            {reach(dataset, id)}
            <p class="summary" data-testid="summary">{text(&conflict.difference)}</p>
            <ul class="plain-list conflict-brief">{sides}</ul>
            {compare}
            <dl class="facts">
                {fact("Kind", conflict.kind.as_str())}
                {fact("About", links(conflict.about.iter().map(|id| id.as_str())))}
            </dl>
        </div>
    }
    .into_any()
}
