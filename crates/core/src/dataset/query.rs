//! Questions the views ask of a dataset: what matches the search and filters, and what lies
//! next to an entity. Pure functions of the data, tested on the host.

use super::{Dataset, Slot};
use crate::model::{Attribution, DisputeFile, EntityKind};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// How search text is lowercased. The browser lowercases with its own tables, so the app's wasm
/// carries none; the host uses Rust's (`unicode_lowercase`).
pub type Lowercase = fn(&str) -> String;

/// Lowercasing by Rust's own Unicode tables.
pub fn unicode_lowercase(text: &str) -> String {
    text.to_lowercase()
}

/// What the user has narrowed the view to. The default filter matches everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words to find, case-insensitive; every word must occur.
    pub query: String,
    /// Only statements reported in, or citing, this source.
    pub source: Option<String>,
    /// Only statements with this attribution.
    pub attribution: Option<Attribution>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.query.trim().is_empty() && self.source.is_none() && self.attribution.is_none()
    }

    fn words(&self, lowercase: Lowercase) -> Vec<String> {
        self.query.split_whitespace().map(lowercase).collect()
    }
}

/// What a keystroke searches: the lowercased text of every entity, and what a match of each
/// keeps too.
#[derive(Debug)]
pub(super) struct SearchIndex {
    /// Kind, position in its collection and text of every entity, in `entity_ids` order.
    text: Vec<(EntityKind, usize, String)>,
    /// By entry: the entries a match of it keeps too (a statement's subjects and speaker, a
    /// clause's contract, a contract's parties), found once so a keystroke only flags.
    keeps_too: Vec<Vec<u32>>,
}

impl SearchIndex {
    pub(super) fn build(
        file: &DisputeFile,
        entities: &HashMap<String, Slot>,
        lowercase: Lowercase,
    ) -> SearchIndex {
        let text = search_text(file, lowercase);
        let entry = |id: &str| entities.get(id).map(|slot| slot.search as u32);
        let keeps_too = text
            .iter()
            .map(|(kind, position, _)| match kind {
                EntityKind::Statement => {
                    let statement = &file.statements[*position];
                    let speaker = statement.speaker.party.iter().map(|id| id.as_str());
                    let about = statement.about.iter().map(|id| id.as_str());
                    about.chain(speaker).filter_map(entry).collect()
                }
                EntityKind::Clause => entry(file.clauses[*position].contract.as_str())
                    .into_iter()
                    .collect(),
                EntityKind::Contract => file.contracts[*position]
                    .parties
                    .iter()
                    .filter_map(|id| entry(id.as_str()))
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
        debug_assert!(entities.values().all(|slot| {
            let (kind, position, _) = &text[slot.search];
            (*kind, *position) == (slot.kind, slot.position)
        }));
        SearchIndex { text, keeps_too }
    }
}

/// The searchable text of every entity (names, titles, summaries, wording and quotes) with its
/// kind and position, lowercased, in the order of `DisputeFile::entity_ids`.
fn search_text(file: &DisputeFile, lowercase: Lowercase) -> Vec<(EntityKind, usize, String)> {
    let mut entries = Vec::new();
    let mut add = |kind: EntityKind, position: usize, parts: &[&str]| {
        entries.push((kind, position, lowercase(&parts.join("\n"))));
    };
    let dispute = &file.dispute;
    add(
        EntityKind::Dispute,
        0,
        &[&dispute.title, &dispute.claim, &dispute.summary],
    );
    for (position, source) in file.sources.iter().enumerate() {
        add(EntityKind::Source, position, &[&source.title]);
    }
    for (position, party) in file.parties.iter().enumerate() {
        let aliases = party.aliases.join(" ");
        add(
            EntityKind::Party,
            position,
            &[&party.name, &aliases, &party.role, &party.summary],
        );
    }
    for (position, contract) in file.contracts.iter().enumerate() {
        let value = contract.value.as_deref().unwrap_or_default();
        add(
            EntityKind::Contract,
            position,
            &[&contract.title, &contract.summary, value],
        );
    }
    for (position, clause) in file.clauses.iter().enumerate() {
        let wording: Vec<&str> = clause
            .wording
            .iter()
            .map(|wording| wording.quote.as_str())
            .collect();
        let readings: Vec<&str> = clause
            .readings
            .iter()
            .map(|reading| reading.position.as_str())
            .collect();
        add(
            EntityKind::Clause,
            position,
            &[
                &clause.title,
                &clause.question,
                &wording.join("\n"),
                &readings.join("\n"),
            ],
        );
    }
    for (position, statement) in file.statements.iter().enumerate() {
        add(
            EntityKind::Statement,
            position,
            &[
                &statement.quote,
                &statement.summary,
                &statement.speaker.description,
            ],
        );
    }
    for (position, event) in file.events.iter().enumerate() {
        add(
            EntityKind::Event,
            position,
            &[&event.title, &event.summary, &event.date.text],
        );
    }
    for (position, conflict) in file.conflicts.iter().enumerate() {
        let positions: Vec<&str> = conflict
            .sides
            .iter()
            .map(|side| side.position.as_str())
            .collect();
        add(
            EntityKind::Conflict,
            position,
            &[&conflict.title, &conflict.difference, &positions.join("\n")],
        );
    }
    entries
}

/// What a filter keeps: one flag per entity, answered by id. Equal when the same entities are
/// kept, so a keystroke that changes nothing redraws nothing.
#[derive(Clone, Debug)]
pub struct Kept {
    flags: Vec<bool>,
    /// The entries that match by their own text (or, for statements, their own source and
    /// attribution), in file order: what a search lists as its results.
    matched: Vec<u32>,
    statements: usize,
    entities: Arc<HashMap<String, Slot>>,
}

impl PartialEq for Kept {
    fn eq(&self, other: &Kept) -> bool {
        self.flags == other.flags
    }
}

impl Kept {
    /// Whether the entity with this id is kept.
    pub fn contains(&self, id: &str) -> bool {
        self.entities
            .get(id)
            .is_some_and(|slot| self.flags[slot.search])
    }

    /// How many statements are kept.
    pub fn statements(&self) -> usize {
        self.statements
    }
}

impl Dataset {
    /// The ids of every entity the filter keeps, or `None` when the filter keeps everything.
    ///
    /// A statement is kept when it passes the source and attribution filters and its text holds
    /// every word. Any other entity is kept when its own text holds every word (and no statement
    /// filter is set), or when a kept statement is about it or spoken for it; the contract of a
    /// kept clause and the parties of a kept contract stay too, so the map keeps its context.
    pub fn matching(&self, filter: &Filter, lowercase: Lowercase) -> Option<Kept> {
        if filter.is_empty() {
            return None;
        }
        let words = filter.words(lowercase);
        let has_words = |text: &str| words.iter().all(|word| text.contains(word.as_str()));
        let statement_filter = filter.source.is_some() || filter.attribution.is_some();
        let search = self.search(lowercase);
        let mut kept = Kept {
            flags: vec![false; search.text.len()],
            matched: Vec::new(),
            statements: 0,
            entities: self.entities.clone(),
        };
        for (index, (kind, position, text)) in search.text.iter().enumerate() {
            if *kind == EntityKind::Statement {
                let statement = &self.file.statements[*position];
                let source_passes = filter.source.as_deref().is_none_or(|source| {
                    statement.source.as_str() == source
                        || statement
                            .cites
                            .as_ref()
                            .is_some_and(|cited| cited.as_str() == source)
                });
                let attribution_passes = filter
                    .attribution
                    .is_none_or(|attribution| statement.attribution == attribution);
                if source_passes && attribution_passes && has_words(text) {
                    kept.flags[index] = true;
                    kept.matched.push(index as u32);
                    kept.statements += 1;
                    for entry in &search.keeps_too[index] {
                        kept.flags[*entry as usize] = true;
                    }
                }
            } else if !statement_filter && !words.is_empty() && has_words(text) {
                kept.flags[index] = true;
                kept.matched.push(index as u32);
            }
        }
        // The contract of a kept clause, then the parties of a kept contract (in that order, so
        // a clause brings its contract's parties too).
        for wanted in [EntityKind::Clause, EntityKind::Contract] {
            for (index, (kind, _, _)) in search.text.iter().enumerate() {
                if *kind == wanted && kept.flags[index] {
                    for entry in &search.keeps_too[index] {
                        kept.flags[*entry as usize] = true;
                    }
                }
            }
        }
        Some(kept)
    }

    /// What a filter found by its own text, as (kind, id) in file order: the search's results,
    /// not the context a view keeps around them.
    pub fn matches<'a>(
        &'a self,
        kept: &'a Kept,
    ) -> impl Iterator<Item = (EntityKind, &'a str)> + 'a {
        // `kept` comes from `matching`, which built the index.
        let search = self.search.get();
        kept.matched.iter().filter_map(move |entry| {
            let search = search?;
            let (kind, position, _) = &search.text[*entry as usize];
            Some((*kind, self.id_at(*kind, *position)))
        })
    }

    /// The entity and what it is directly bound to on the map: a party's contracts, their
    /// clauses and the parties it shares them with; a statement's subjects and speaker; a contract's parties and clauses; a clause's contract and its parties; the
    /// dispute's parties, contracts and clauses.
    pub fn neighbourhood(&self, id: &str) -> HashSet<String> {
        let mut near: HashSet<String> = HashSet::from([id.to_owned()]);
        let add_contract = |near: &mut HashSet<String>, contract: &str| {
            near.insert(contract.to_owned());
            if let Some(contract) = self.contract(contract) {
                near.extend(contract.parties.iter().map(|party| party.0.clone()));
            }
            near.extend(self.clauses_of(contract).map(|clause| clause.id.0.clone()));
        };
        match self.kind_of(id) {
            Some(EntityKind::Party) => {
                // Its contracts, their clauses, and the parties it shares them with.
                for contract in self.contracts_of(id) {
                    add_contract(&mut near, contract.id.as_str());
                }
                let dispute = self.dispute();
                if dispute
                    .claimants
                    .iter()
                    .chain(&dispute.respondents)
                    .any(|party| party.as_str() == id)
                {
                    near.insert(dispute.id.0.clone());
                }
            }
            Some(EntityKind::Contract) => add_contract(&mut near, id),
            Some(EntityKind::Clause) => {
                if let Some(clause) = self.clause(id) {
                    near.insert(clause.contract.0.clone());
                    if let Some(contract) = self.contract(clause.contract.as_str()) {
                        near.extend(contract.parties.iter().map(|party| party.0.clone()));
                    }
                }
            }
            Some(EntityKind::Dispute) => {
                let dispute = self.dispute();
                near.extend(
                    dispute
                        .claimants
                        .iter()
                        .chain(&dispute.respondents)
                        .map(|party| party.0.clone()),
                );
                near.extend(dispute.contracts.iter().map(|contract| contract.0.clone()));
                near.extend(dispute.clauses.iter().map(|clause| clause.0.clone()));
            }
            // What is not drawn points at what is: a statement at what it is about and its
            // speaker's party, an event at its parties and contracts, a conflict at its subjects.
            Some(EntityKind::Statement) => {
                if let Some(statement) = self.statement(id) {
                    near.extend(statement.about.iter().map(|about| about.0.clone()));
                    near.extend(statement.speaker.party.iter().map(|party| party.0.clone()));
                }
            }
            Some(EntityKind::Event) => {
                if let Some(event) = self.event(id) {
                    near.extend(event.parties.iter().map(|party| party.0.clone()));
                    near.extend(event.contracts.iter().map(|contract| contract.0.clone()));
                }
            }
            Some(EntityKind::Conflict) => {
                if let Some(conflict) = self.conflict(id) {
                    near.extend(conflict.about.iter().map(|about| about.0.clone()));
                }
            }
            Some(EntityKind::Source) | None => {}
        }
        near
    }

    /// The conflicts grouped by what they are about: each by the contract it concerns (a clause
    /// by its contract, an event by its first), the dispute's contracts first; those about no
    /// contract last, under `None`.
    pub fn conflict_groups(&self) -> Vec<(Option<&str>, Vec<&crate::model::Conflict>)> {
        let contract_of = |id: &str| -> Option<&str> {
            match self.kind_of(id)? {
                EntityKind::Contract => Some(self.contract(id)?.id.as_str()),
                EntityKind::Clause => Some(self.clause(id)?.contract.as_str()),
                EntityKind::Event => self
                    .event(id)?
                    .contracts
                    .first()
                    .map(|contract| contract.as_str()),
                _ => None,
            }
        };
        let mut order: Vec<&str> = self
            .dispute()
            .contracts
            .iter()
            .map(|contract| contract.as_str())
            .collect();
        order.extend(
            self.file
                .contracts
                .iter()
                .map(|contract| contract.id.as_str())
                .filter(|id| {
                    !self
                        .dispute()
                        .contracts
                        .iter()
                        .any(|listed| listed.as_str() == *id)
                }),
        );
        let mut groups: Vec<(Option<&str>, Vec<&crate::model::Conflict>)> =
            order.into_iter().map(|id| (Some(id), Vec::new())).collect();
        groups.push((None, Vec::new()));
        for conflict in &self.file.conflicts {
            let contract = conflict
                .about
                .iter()
                .find_map(|id| contract_of(id.as_str()));
            if let Some(group) = groups.iter_mut().find(|(key, _)| *key == contract) {
                group.1.push(conflict);
            }
        }
        groups.retain(|(_, conflicts)| !conflicts.is_empty());
        groups
    }

    /// For every entity a conflict is about, how many are: the counts the map's badges show.
    pub fn conflict_counts(&self) -> HashMap<&str, usize> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for conflict in &self.file.conflicts {
            let mut about: Vec<&str> = conflict.about.iter().map(|id| id.as_str()).collect();
            about.sort_unstable();
            about.dedup();
            for id in about {
                *counts.entry(id).or_default() += 1;
            }
        }
        counts
    }

    /// How many conflicts name this entity in what they are about: the count its badge shows.
    pub fn conflicts_about(&self, id: &str) -> usize {
        self.file
            .conflicts
            .iter()
            .filter(|conflict| conflict.about.iter().any(|about| about.as_str() == id))
            .count()
    }

    /// What the map highlights for an entity: its neighbourhood, when that holds something the
    /// map draws; `None` otherwise (a source, say), so the map is not dimmed for nothing.
    pub fn highlight(&self, id: &str) -> Option<HashSet<String>> {
        let near = self.neighbourhood(id);
        near.iter()
            .any(|entity| {
                self.kind_of(entity)
                    .is_some_and(EntityKind::is_drawn_on_map)
            })
            .then_some(near)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::parse;

    fn bundled() -> Dataset {
        parse(crate::BUNDLED_DISPUTE).unwrap()
    }

    fn kept(dataset: &Dataset, filter: Filter) -> Kept {
        dataset
            .matching(&filter, unicode_lowercase)
            .expect("a non-empty filter")
    }

    #[test]
    fn empty_filter_keeps_everything() {
        assert_eq!(
            bundled().matching(
                &Filter {
                    query: "  ".to_owned(),
                    ..Filter::default()
                },
                unicode_lowercase
            ),
            None
        );
    }

    #[test]
    fn search_finds_names_wording_and_quotes() {
        let dataset = bundled();
        let cases: [(&str, &[&str], &[&str]); 4] = [
            (
                "softbank",
                &["softbank", "a-update-allowed-partnerships"],
                &["google"],
            ),
            ("AWS", &["amazon"], &["softbank"]),
            (
                "stateless apis",
                &[
                    "azure-stateless-exclusivity",
                    "microsoft-openai-partnership",
                ],
                &["microsoft-invests-2023"],
            ),
            (
                "we will sue",
                &["a-person-familiar-will-sue", "microsoft"],
                &["b-lawyers-not-persuaded"],
            ),
        ];
        for (query, present, absent) in cases {
            let kept = kept(
                &dataset,
                Filter {
                    query: query.to_owned(),
                    ..Filter::default()
                },
            );
            for id in present {
                assert!(kept.contains(*id), "{query:?} should keep {id}");
            }
            for id in absent {
                assert!(!kept.contains(*id), "{query:?} should drop {id}");
            }
        }
    }

    #[test]
    fn attribution_filter_keeps_only_those_statements_and_their_subjects() {
        let dataset = bundled();
        let kept = kept(
            &dataset,
            Filter {
                attribution: Some(Attribution::Spokesperson),
                ..Filter::default()
            },
        );
        let statements: Vec<&str> = dataset
            .file
            .statements
            .iter()
            .map(|statement| statement.id.as_str())
            .filter(|id| kept.contains(id))
            .collect();
        assert_eq!(statements.len(), 2, "{statements:?}");
        assert_eq!(kept.statements(), 2);
        assert!(kept.contains("azure-stateless-exclusivity"));
        assert!(kept.contains("microsoft"));
        assert!(!kept.contains("aws-frontier-agreement"));
    }

    #[test]
    fn source_filter_counts_citations() {
        let dataset = bundled();
        let kept = kept(
            &dataset,
            Filter {
                source: Some("financial-times".to_owned()),
                ..Filter::default()
            },
        );
        assert!(kept.contains("a-person-familiar-will-sue"));
        assert!(!kept.contains("b-lawyers-not-persuaded"));
        let kept = kept_from(&dataset, "microsoft-threatens-legal-action", "13 billion");
        assert!(kept.contains("b-invested-more-than-13b"));
        assert!(!kept.contains("a-invested-1b-and-10b"));
    }

    fn kept_from(dataset: &Dataset, source: &str, query: &str) -> Kept {
        kept(
            dataset,
            Filter {
                query: query.to_owned(),
                source: Some(source.to_owned()),
                attribution: None,
            },
        )
    }

    /// Regression: a search said "1 of 75 statements match" but listed the match nowhere. Its
    /// results are what matched by its own text, not the context kept around it.
    #[test]
    fn results_are_the_matches_themselves() {
        let dataset = bundled();
        let kept = kept(
            &dataset,
            Filter {
                query: "We will sue them if they breach it".to_owned(),
                ..Filter::default()
            },
        );
        let results: Vec<(EntityKind, &str)> = dataset.matches(&kept).collect();
        assert_eq!(
            results,
            vec![(EntityKind::Statement, "a-person-familiar-will-sue")]
        );
        assert!(
            kept.contains("microsoft"),
            "the speaker's party is kept as context"
        );
        let by_name = kept_for(&dataset, "nvidia");
        let results: Vec<&str> = dataset.matches(&by_name).map(|(_, id)| id).collect();
        assert!(
            results.contains(&"nvidia") && !results.contains(&"openai"),
            "{results:?}"
        );
    }

    fn kept_for(dataset: &Dataset, query: &str) -> Kept {
        kept(
            dataset,
            Filter {
                query: query.to_owned(),
                ..Filter::default()
            },
        )
    }

    #[test]
    fn conflicts_are_grouped_by_the_contract_they_concern() {
        let dataset = bundled();
        let groups = dataset.conflict_groups();
        let total: usize = groups.iter().map(|(_, conflicts)| conflicts.len()).sum();
        assert_eq!(total, dataset.file.conflicts.len(), "each conflict once");
        let aws = groups
            .iter()
            .find(|(contract, _)| *contract == Some("aws-frontier-agreement"))
            .expect("a group for the AWS deal");
        for id in [
            "aws-exclusivity-scope",
            "deal-value-scope",
            "distribution-or-cloud-provider",
        ] {
            assert!(
                aws.1.iter().any(|conflict| conflict.id.as_str() == id),
                "{id}"
            );
        }
        assert!(dataset.conflicts_about("aws-frontier-agreement") >= 3);
    }

    /// Selecting what the map does not draw highlights what it is about; a source, which points
    /// at nothing drawn, dims nothing.
    #[test]
    fn highlights_for_what_the_map_does_not_draw() {
        let dataset = bundled();
        let statement = dataset.statement("a-person-familiar-will-sue").unwrap();
        let near = dataset
            .highlight(statement.id.as_str())
            .expect("it is about drawn entities");
        for about in &statement.about {
            assert!(near.contains(about.as_str()));
        }
        assert!(near.contains("microsoft"), "its speaker's party");
        assert_eq!(dataset.highlight("cloud-pact-faces-new-tension"), None);
    }

    #[test]
    fn neighbourhoods() {
        let dataset = bundled();
        let cases: [(&str, &[&str], &[&str]); 4] = [
            // Regression: selecting a party dimmed the parties it shares contracts with.
            (
                "amazon",
                &[
                    "amazon",
                    "aws-frontier-agreement",
                    "frontier-aws-exclusivity",
                    "microsoft-breach-claim",
                    "openai",
                ],
                &["microsoft-investment-2019", "softbank", "microsoft"],
            ),
            (
                "aws-frontier-agreement",
                &["openai", "amazon", "frontier-aws-exclusivity"],
                &["microsoft"],
            ),
            (
                "azure-stateless-exclusivity",
                &["microsoft-openai-partnership", "microsoft", "openai"],
                &["amazon"],
            ),
            (
                "microsoft-breach-claim",
                &[
                    "microsoft",
                    "openai",
                    "amazon",
                    "azure-stateless-exclusivity",
                ],
                &["softbank"],
            ),
        ];
        for (id, present, absent) in cases {
            let near = dataset.neighbourhood(id);
            for other in present {
                assert!(near.contains(*other), "{id} should be near {other}");
            }
            for other in absent {
                assert!(!near.contains(*other), "{id} should not be near {other}");
            }
        }
    }
}
