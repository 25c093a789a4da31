//! The one-page briefing, for a meeting: the title, status and summary; the map fitted to the
//! page's width; each clause in dispute with each side's reading; the conflicts as a compact
//! table; the sources with how their statements are attributed. "Print briefing" in the menu
//! draws it and prints it on at most two A4 or Letter pages; on screen it is never shown.

use super::map::StillMap;
use super::shown;
use crate::state::AppState;
use dispute_core::dataset::ChangeKind;
use dispute_core::model::{Attribution, Modality};
use leptos::prelude::*;

/// The briefing, drawn while it is being printed.
#[component]
pub fn Briefing() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        if !state.briefing.get() {
            return None;
        }
        let dataset = state.dataset()?;
        let file = &dataset.file;
        let dispute = dataset.dispute();
        let name = |id: &str| dataset.label(id).unwrap_or(id).to_owned();
        let outlet = |id: &str| {
            dataset
                .source(id)
                .map(|source| {
                    source
                        .short_title
                        .clone()
                        .unwrap_or_else(|| source.title.clone())
                })
                .unwrap_or_default()
        };
        let ongoing: Vec<String> = dataset.ongoing().map(|event| event.title.clone()).collect();
        let clauses = file
            .clauses
            .iter()
            .filter(|clause| clause.disputed)
            .map(|clause| {
                let readings = clause
                    .readings
                    .iter()
                    .map(|reading| {
                        let hedged = (reading.modality == Modality::Speculative).then_some(" (hedged)");
                        view! {
                            <li><strong><bdi>{name(reading.party.as_str())}</bdi></strong>{hedged}": " <bdi>{shown(&reading.position)}</bdi></li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="briefing-clause">
                        <h3><bdi>{clause.title.clone()}</bdi> <span class="muted">" — " <bdi>{name(clause.contract.as_str())}</bdi></span></h3>
                        <p class="question"><bdi>{shown(&clause.question)}</bdi></p>
                        <ul>{readings}</ul>
                    </section>
                }
            })
            .collect_view();
        let conflicts = file
            .conflicts
            .iter()
            .map(|conflict| {
                let sides = conflict
                    .sides
                    .iter()
                    .map(|side| view! { <li><strong><bdi>{outlet(side.source.as_str())}</bdi></strong>": " <bdi>{shown(&side.position)}</bdi></li> })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row"><bdi>{conflict.title.clone()}</bdi></th>
                        <td><ul>{sides}</ul></td>
                    </tr>
                }
            })
            .collect_view();
        let sources = file
            .sources
            .iter()
            .map(|source| {
                let statements: Vec<_> = dataset.statements_in(source.id.as_str()).filter(|statement| statement.source == source.id).collect();
                let by = |attribution: Attribution| statements.iter().filter(|statement| statement.attribution == attribution).count();
                let counts: Vec<String> = Attribution::ALL
                    .into_iter()
                    .filter(|attribution| by(*attribution) > 0)
                    .map(|attribution| format!("{} {}", by(attribution), attribution.label()))
                    .collect();
                let published = source.published.as_ref().map(|date| date.text.clone()).unwrap_or_else(|| "not dated".to_owned());
                let cites = (!source.cites.is_empty()).then(|| {
                    let names: Vec<String> = source.cites.iter().map(|id| outlet(id.as_str())).collect();
                    format!(" Cites {}.", names.join(", "))
                });
                view! {
                    <li>
                        <strong><bdi>{source.title.clone()}</bdi></strong>
                        {format!(" ({}; {published}).", source.kind.label())} {cites}
                        {(!counts.is_empty()).then(|| format!(" {} statements: {}.", statements.len(), counts.join(", ")))}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <article class="briefing" aria-label="Briefing">
                <header>
                    <h1><bdi>{file.title.clone()}</bdi></h1>
                    <p class="briefing-status">
                        <strong>{dispute.status.label()}</strong>
                        {(!ongoing.is_empty()).then(|| format!(" · Under way: {}", ongoing.join("; ")))}
                        {format!(" · As of {}", file.as_of)}
                    </p>
                                        <p><bdi>{shown(&dispute.summary)}</bdi></p>
                </header>
                {since(state)}
                <StillMap />
                <section>
                    <h2>"Clauses in dispute"</h2>
                    {clauses}
                </section>
                <section>
                    <h2>"Where the reports disagree"</h2>
                    <table class="briefing-conflicts">
                        <thead><tr><th scope="col">"Conflict"</th><th scope="col">"What each report says"</th></tr></thead>
                        <tbody>{conflicts}</tbody>
                    </table>
                </section>
                <section>
                    <h2>"Sources"</h2>
                    <ul class="briefing-sources">{sources}</ul>
                </section>
            </article>
        })
    }
}

/// While a comparison is open, the briefing's first page says what changed since the older
/// version: how many of each, then each change in a line (the first 25).
fn since(state: AppState) -> Option<impl IntoView> {
    let comparison = state.comparison.get_untracked()?;
    if !comparison.problems.is_empty() {
        return None;
    }
    let when = if comparison.as_of.is_empty() {
        comparison.against.clone()
    } else {
        comparison.as_of.clone()
    };
    let count = |change: ChangeKind| {
        comparison
            .changes
            .iter()
            .filter(|each| each.change == change)
            .count()
    };
    let counts = format!(
        "{} new, {} changed, {} removed, against {}.",
        count(ChangeKind::Added),
        count(ChangeKind::Changed),
        count(ChangeKind::Removed),
        comparison.against
    );
    const SHOWN: usize = 25;
    let more = comparison.changes.len().saturating_sub(SHOWN);
    Some(view! {
        <section class="briefing-since" data-testid="briefing-since">
            <h2><bdi>{format!("Since {when}")}</bdi></h2>
            <p><bdi>{counts}</bdi></p>
            <ul>
                {comparison.changes.iter().take(SHOWN).map(|change| {
                    let fields: Vec<String> = change.fields.iter().map(|field| field.field.replace('.', " ")).collect();
                    let what = match change.change {
                        ChangeKind::Added => "New",
                        ChangeKind::Changed => "Changed",
                        ChangeKind::Removed => "Removed",
                    };
                    view! {
                        <li>
                            <strong>{format!("{what} {}: ", change.kind.as_str())}</strong>
                            <bdi>{shown(&change.name)}</bdi>
                            {(!fields.is_empty()).then(|| format!(" ({})", fields.join(", ")))}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(more > 0).then(|| view! { <p>{format!("… and {more} more: the Changes view lists them all.")}</p> })}
        </section>
    })
}
