//! Edits to a dispute file as data: entities to put in (each replacing the one with its id, or
//! added at the end of its list) and ids to take out. The authoring tools (the quote picker, an
//! added report, a new dispute from reports) all change a file this way, and the result goes
//! through `dataset::parse` like any file: an edit never makes a file valid by itself.

use crate::model::{
    Clause, Conflict, Contract, Dispute, DisputeFile, Event, Party, Source, Statement,
};
use serde::Deserialize;

/// What to change in a file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edit {
    /// The file's title and summary, when they change.
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    /// The claim, when it changes.
    #[serde(default)]
    pub dispute: Option<Dispute>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub parties: Vec<Party>,
    #[serde(default)]
    pub contracts: Vec<Contract>,
    #[serde(default)]
    pub clauses: Vec<Clause>,
    #[serde(default)]
    pub statements: Vec<Statement>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
    /// Ids of entities to take out, of any kind.
    #[serde(default)]
    pub remove: Vec<String>,
}

/// Puts each of `items` in place of the item with its id, or at the end.
fn upsert<T>(list: &mut Vec<T>, items: Vec<T>, id: impl Fn(&T) -> &str) {
    for item in items {
        match list.iter().position(|existing| id(existing) == id(&item)) {
            Some(position) => list[position] = item,
            None => list.push(item),
        }
    }
}

/// Applies `edit` to `file`: removals first, then each entity put in its place.
pub fn apply(file: &mut DisputeFile, edit: Edit) {
    if !edit.remove.is_empty() {
        let gone = |id: &str| edit.remove.iter().any(|removed| removed == id);
        file.sources.retain(|item| !gone(&item.id.0));
        file.parties.retain(|item| !gone(&item.id.0));
        file.contracts.retain(|item| !gone(&item.id.0));
        file.clauses.retain(|item| !gone(&item.id.0));
        file.statements.retain(|item| !gone(&item.id.0));
        file.events.retain(|item| !gone(&item.id.0));
        file.conflicts.retain(|item| !gone(&item.id.0));
    }
    if let Some(title) = edit.title {
        file.title = title;
    }
    if let Some(summary) = edit.summary {
        file.summary = summary;
    }
    if let Some(dispute) = edit.dispute {
        file.dispute = dispute;
    }
    upsert(&mut file.sources, edit.sources, |item| item.id.as_str());
    upsert(&mut file.parties, edit.parties, |item| item.id.as_str());
    upsert(&mut file.contracts, edit.contracts, |item| item.id.as_str());
    upsert(&mut file.clauses, edit.clauses, |item| item.id.as_str());
    upsert(&mut file.statements, edit.statements, |item| {
        item.id.as_str()
    });
    upsert(&mut file.events, edit.events, |item| item.id.as_str());
    upsert(&mut file.conflicts, edit.conflicts, |item| item.id.as_str());
}

/// A dispute file's JSON text with `edit` (as JSON) applied, written out again; or why not,
/// naming which of the two could not be read.
pub fn apply_json(file: &str, edit: &str) -> Result<String, String> {
    let mut parsed: DisputeFile =
        serde_json::from_str(file).map_err(|problem| format!("the dispute: {problem}"))?;
    let edit: Edit =
        serde_json::from_str(edit).map_err(|problem| format!("the edit: {problem}"))?;
    apply(&mut parsed, edit);
    serde_json::to_string_pretty(&parsed)
        .map(|json| json + "\n")
        .map_err(|problem| problem.to_string())
}

/// An id made from words, unique among `taken`: lowercase letters and digits joined by single
/// hyphens, starting with a letter ("The FT" becomes "the-ft"), numbered past any taken.
pub fn unique_id(words: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut slug = String::new();
    for character in words.chars() {
        if character.is_ascii_alphanumeric() {
            slug.push(character.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 48 {
            break;
        }
    }
    let mut slug = slug.trim_matches('-').to_owned();
    if !slug.starts_with(|c: char| c.is_ascii_lowercase()) {
        slug = if slug.is_empty() {
            fallback.to_owned()
        } else {
            format!("{fallback}-{slug}")
        };
    }
    if !taken(&slug) {
        return slug;
    }
    (2..)
        .map(|number| format!("{slug}-{number}"))
        .find(|id| !taken(id))
        .expect("some number is free")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset;

    #[test]
    fn an_edit_puts_in_replaces_and_takes_out() {
        let file = crate::EXAMPLE_DISPUTE;
        let parsed: DisputeFile = serde_json::from_str(file).unwrap();
        let first = parsed.statements[0].clone();
        let mut changed = first.clone();
        changed.summary = "Reworded.".to_owned();
        let mut added = first.clone();
        added.id = "added-statement".into();
        let edit = serde_json::json!({
            "statements": [changed, added],
            "remove": [parsed.conflicts[0].id.as_str()],
        })
        .to_string();
        let edited = apply_json(file, &edit).unwrap();
        let dataset = dataset::parse(&edited).unwrap_or_else(|errors| panic!("{errors:?}"));
        let statements = &dataset.file.statements;
        assert_eq!(statements.len(), parsed.statements.len() + 1);
        assert_eq!(statements[0].summary, "Reworded.");
        assert_eq!(statements.last().unwrap().id.as_str(), "added-statement");
        assert_eq!(dataset.file.conflicts.len(), parsed.conflicts.len() - 1);
    }

    #[test]
    fn an_unreadable_edit_is_named() {
        let problem = apply_json(crate::EXAMPLE_DISPUTE, "{\"statments\": []}").unwrap_err();
        assert!(problem.starts_with("the edit:"), "{problem}");
    }

    #[test]
    fn ids_are_slugs_numbered_past_those_taken() {
        let taken = ["the-ft"];
        let is_taken = |id: &str| taken.contains(&id);
        assert_eq!(unique_id("The FT", "source", is_taken), "the-ft-2");
        assert_eq!(unique_id("Reuters", "source", is_taken), "reuters");
        assert_eq!(
            unique_id("2026 report", "source", is_taken),
            "source-2026-report"
        );
        assert_eq!(unique_id("„…“", "source", is_taken), "source");
    }
}
