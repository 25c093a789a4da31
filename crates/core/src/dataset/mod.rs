//! Parse and validate a dispute file into an indexed `Dataset`.
//!
//! Two passes. The structural pass decodes each entry on its own, so one malformed entry costs one
//! error and the rest are still checked. The semantic pass then checks ids, references, quotes and
//! dates across the whole file. Every error names its JSON path and the offending value, and all of
//! them are returned, not only the first.

use crate::model::{
    is_valid_id, parse_calendar_value, Clause, Conflict, Contract, Dispute, DisputeFile,
    EntityKind, EntityRef, Event, Party, ReportedDate, Source, Statement, SCHEMA_VERSION,
};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

#[cfg(test)]
mod fuzz;
mod query;
mod verbatim;

pub use query::{Filter, Kept};

/// One problem in a file: where (`statements[4].source`) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationError {
    pub path: String,
    pub message: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}: {}", self.path, self.message)
    }
}

/// A validated dispute with its indexes. Views borrow from it; nothing here is recomputed per click.
#[derive(Debug)]
pub struct Dataset {
    pub file: DisputeFile,
    /// Every id in the file: its kind, its position in that kind's collection and in the
    /// search index. Shared with the search results, which answer by id.
    entities: Arc<HashMap<String, Slot>>,
    statements_about: HashMap<String, Vec<usize>>,
    statements_by_party: HashMap<String, Vec<usize>>,
    clauses_by_contract: HashMap<String, Vec<usize>>,
    contracts_by_party: HashMap<String, Vec<usize>>,
    conflicts_by_entity: HashMap<String, Vec<usize>>,
    /// What a keystroke searches, built on the first search or when `prepare_search` asks, so
    /// loading a file does not wait for it.
    search: OnceLock<query::SearchIndex>,
}

/// Where an entity is: its kind, its position in that kind's collection, its entry in the
/// search text.
#[derive(Clone, Copy, Debug)]
struct Slot {
    kind: EntityKind,
    position: usize,
    search: usize,
}

/// The top-level fields, in the order the schema documents them.
const TOP_LEVEL_FIELDS: [&str; 12] = [
    "schema",
    "as_of",
    "title",
    "summary",
    "dispute",
    "sources",
    "parties",
    "contracts",
    "clauses",
    "statements",
    "events",
    "conflicts",
];

/// Parses and validates `text`, returning the dataset or every error found.
pub fn parse(text: &str) -> Result<Dataset, Vec<ValidationError>> {
    let decoded = decode(text)?;
    let mut errors = decoded.errors;
    check(
        &decoded.file,
        &decoded.origin,
        &decoded.broken_ids,
        &mut errors,
    );
    if errors.is_empty() {
        Ok(Dataset::index(decoded.file))
    } else {
        Err(errors)
    }
}

impl Dataset {
    fn index(file: DisputeFile) -> Dataset {
        // The search index lists the entities in `entity_ids` order, so an entity's entry there
        // is its place in that list.
        let entities: HashMap<String, Slot> = file
            .entity_ids()
            .into_iter()
            .enumerate()
            .map(|(search, (kind, position, id))| {
                let slot = Slot {
                    kind,
                    position,
                    search,
                };
                (id.to_owned(), slot)
            })
            .collect();

        let mut statements_about: HashMap<String, Vec<usize>> = HashMap::new();
        let mut statements_by_party: HashMap<String, Vec<usize>> = HashMap::new();
        for (position, statement) in file.statements.iter().enumerate() {
            for about in &statement.about {
                statements_about
                    .entry(about.0.clone())
                    .or_default()
                    .push(position);
            }
            if let Some(party) = &statement.speaker.party {
                statements_by_party
                    .entry(party.0.clone())
                    .or_default()
                    .push(position);
            }
        }
        let mut clauses_by_contract: HashMap<String, Vec<usize>> = HashMap::new();
        for (position, clause) in file.clauses.iter().enumerate() {
            clauses_by_contract
                .entry(clause.contract.0.clone())
                .or_default()
                .push(position);
        }
        let mut contracts_by_party: HashMap<String, Vec<usize>> = HashMap::new();
        for (position, contract) in file.contracts.iter().enumerate() {
            for party in &contract.parties {
                contracts_by_party
                    .entry(party.0.clone())
                    .or_default()
                    .push(position);
            }
        }
        let mut conflicts_by_entity: HashMap<String, Vec<usize>> = HashMap::new();
        for (position, conflict) in file.conflicts.iter().enumerate() {
            let mut involved: Vec<&str> = conflict.about.iter().map(|id| id.as_str()).collect();
            for side in &conflict.sides {
                involved.extend(side.statements.iter().map(|id| id.as_str()));
            }
            involved.sort_unstable();
            involved.dedup();
            for id in involved {
                conflicts_by_entity
                    .entry(id.to_owned())
                    .or_default()
                    .push(position);
            }
        }

        Dataset {
            file,
            entities: Arc::new(entities),
            search: OnceLock::new(),
            statements_about,
            statements_by_party,
            clauses_by_contract,
            contracts_by_party,
            conflicts_by_entity,
        }
    }

    /// Builds the search index now rather than on the first search: for a moment when nothing
    /// else is waiting, after the map is on screen.
    pub fn prepare_search(&self) {
        self.search();
    }

    fn search(&self) -> &query::SearchIndex {
        self.search
            .get_or_init(|| query::SearchIndex::build(&self.file, &self.entities))
    }

    /// The kind of the entity with this id, if there is one.
    pub fn kind_of(&self, id: &str) -> Option<EntityKind> {
        self.entities.get(id).map(|slot| slot.kind)
    }

    /// Whether `reference` names an entity of that kind in this dataset.
    pub fn contains(&self, reference: &EntityRef) -> bool {
        self.kind_of(&reference.id) == Some(reference.kind)
    }

    fn position(&self, kind: EntityKind, id: &str) -> Option<usize> {
        match self.entities.get(id) {
            Some(slot) if slot.kind == kind => Some(slot.position),
            _ => None,
        }
    }

    pub fn party(&self, id: &str) -> Option<&Party> {
        self.position(EntityKind::Party, id)
            .map(|position| &self.file.parties[position])
    }

    pub fn contract(&self, id: &str) -> Option<&Contract> {
        self.position(EntityKind::Contract, id)
            .map(|position| &self.file.contracts[position])
    }

    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.position(EntityKind::Clause, id)
            .map(|position| &self.file.clauses[position])
    }

    pub fn statement(&self, id: &str) -> Option<&Statement> {
        self.position(EntityKind::Statement, id)
            .map(|position| &self.file.statements[position])
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.position(EntityKind::Source, id)
            .map(|position| &self.file.sources[position])
    }

    pub fn event(&self, id: &str) -> Option<&Event> {
        self.position(EntityKind::Event, id)
            .map(|position| &self.file.events[position])
    }

    pub fn conflict(&self, id: &str) -> Option<&Conflict> {
        self.position(EntityKind::Conflict, id)
            .map(|position| &self.file.conflicts[position])
    }

    pub fn dispute(&self) -> &Dispute {
        &self.file.dispute
    }

    /// A short human name for any entity: a party's name, a statement's summary, a title.
    pub fn label(&self, id: &str) -> Option<&str> {
        let Slot { kind, position, .. } = *self.entities.get(id)?;
        let file = &self.file;
        Some(match kind {
            EntityKind::Party => &file.parties[position].name,
            EntityKind::Contract => &file.contracts[position].title,
            EntityKind::Clause => &file.clauses[position].title,
            EntityKind::Statement => &file.statements[position].summary,
            EntityKind::Source => &file.sources[position].title,
            EntityKind::Event => &file.events[position].title,
            EntityKind::Conflict => &file.conflicts[position].title,
            EntityKind::Dispute => &file.dispute.title,
        })
    }

    /// Statements whose `about` names this entity.
    pub fn statements_about(&self, id: &str) -> impl Iterator<Item = &Statement> {
        self.lookup(&self.statements_about, id)
            .map(|position| &self.file.statements[position])
    }

    /// Statements whose speaker speaks for this party.
    pub fn statements_by(&self, party: &str) -> impl Iterator<Item = &Statement> {
        self.lookup(&self.statements_by_party, party)
            .map(|position| &self.file.statements[position])
    }

    pub fn clauses_of(&self, contract: &str) -> impl Iterator<Item = &Clause> {
        self.lookup(&self.clauses_by_contract, contract)
            .map(|position| &self.file.clauses[position])
    }

    pub fn contracts_of(&self, party: &str) -> impl Iterator<Item = &Contract> {
        self.lookup(&self.contracts_by_party, party)
            .map(|position| &self.file.contracts[position])
    }

    /// Conflicts that name this entity or one of whose sides cites this statement.
    pub fn conflicts_involving(&self, id: &str) -> impl Iterator<Item = &Conflict> {
        self.lookup(&self.conflicts_by_entity, id)
            .map(|position| &self.file.conflicts[position])
    }

    /// Statements that cite this source upstream or are reported in it.
    pub fn statements_in<'a>(
        &'a self,
        source: &'a str,
    ) -> impl Iterator<Item = &'a Statement> + 'a {
        self.file.statements.iter().filter(move |statement| {
            statement.source.as_str() == source
                || statement
                    .cites
                    .as_ref()
                    .is_some_and(|cited| cited.as_str() == source)
        })
    }

    /// Where a statement's quote stands in its source's text (byte offsets).
    pub fn quote_range(&self, statement: &Statement) -> Option<Range<usize>> {
        let text = self.source(statement.source.as_str())?.text.as_deref()?;
        let start = text.find(&statement.quote)?;
        Some(start..start + statement.quote.len())
    }

    fn lookup<'a>(
        &'a self,
        index: &'a HashMap<String, Vec<usize>>,
        id: &str,
    ) -> impl Iterator<Item = usize> + 'a {
        index.get(id).into_iter().flatten().copied()
    }
}

/// What the structural pass produced: whatever decoded, where each entry came from, and errors.
struct Decoded {
    file: DisputeFile,
    /// For each collection, the original index of each decoded entry.
    origin: HashMap<&'static str, Vec<usize>>,
    /// Ids of entries that failed to decode, so references to them are not reported as dangling.
    broken_ids: Vec<(String, String)>,
    errors: Vec<ValidationError>,
}

fn error(path: impl Into<String>, message: impl Into<String>) -> ValidationError {
    ValidationError {
        path: path.into(),
        message: message.into(),
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn decode(text: &str) -> Result<Decoded, Vec<ValidationError>> {
    // The top level as raw pieces of the text, so each entry is decoded straight from its own
    // text rather than through a tree of values (the larger half of the time it took to load).
    let Ok(mut root) = serde_json::from_str::<HashMap<String, &RawValue>>(text) else {
        let problem = match serde_json::from_str::<Value>(text) {
            Err(problem) => format!("not valid JSON: {problem}"),
            Ok(value) => format!(
                "the top level must be an object, found {}",
                json_type(&value)
            ),
        };
        return Err(vec![error("(file)", problem)]);
    };
    let mut errors = Vec::new();
    let mut unknown: Vec<&String> = root
        .keys()
        .filter(|key| !TOP_LEVEL_FIELDS.contains(&key.as_str()))
        .collect();
    unknown.sort();
    for key in unknown {
        errors.push(error(
            key.as_str(),
            format!(
                "unknown field; expected one of {}",
                TOP_LEVEL_FIELDS.join(", ")
            ),
        ));
    }
    for key in TOP_LEVEL_FIELDS {
        if !root.contains_key(key) {
            errors.push(error(key, "missing required field"));
        }
    }

    let scalar = |key: &str, errors: &mut Vec<ValidationError>| -> String {
        match root.get(key).map(|raw| value_of(raw)) {
            Some(Value::String(text)) => text,
            Some(other) => {
                errors.push(error(
                    key,
                    format!("must be a string, found {}", json_type(&other)),
                ));
                String::new()
            }
            None => String::new(),
        }
    };
    let schema = scalar("schema", &mut errors);
    let as_of = scalar("as_of", &mut errors);
    let title = scalar("title", &mut errors);
    let summary = scalar("summary", &mut errors);

    let mut broken_ids = Vec::new();
    let dispute = match root.remove("dispute") {
        Some(value) => match decode_entry::<Dispute>(value, "dispute") {
            Ok(dispute) => Some(dispute),
            Err((problem, id)) => {
                broken_ids.extend(id.map(|id| (id, "dispute".to_owned())));
                errors.push(problem);
                None
            }
        },
        None => None,
    };

    let mut origin = HashMap::new();
    let (sources, positions) =
        decode_list::<Source>(&mut root, "sources", &mut errors, &mut broken_ids);
    origin.insert("sources", positions);
    let (parties, positions) =
        decode_list::<Party>(&mut root, "parties", &mut errors, &mut broken_ids);
    origin.insert("parties", positions);
    let (contracts, positions) =
        decode_list::<Contract>(&mut root, "contracts", &mut errors, &mut broken_ids);
    origin.insert("contracts", positions);
    let (clauses, positions) =
        decode_list::<Clause>(&mut root, "clauses", &mut errors, &mut broken_ids);
    origin.insert("clauses", positions);
    let (statements, positions) =
        decode_list::<Statement>(&mut root, "statements", &mut errors, &mut broken_ids);
    origin.insert("statements", positions);
    let (events, positions) =
        decode_list::<Event>(&mut root, "events", &mut errors, &mut broken_ids);
    origin.insert("events", positions);
    let (conflicts, positions) =
        decode_list::<Conflict>(&mut root, "conflicts", &mut errors, &mut broken_ids);
    origin.insert("conflicts", positions);

    let Some(dispute) = dispute else {
        // Without the dispute there is nothing to check references against; report what we have.
        if errors.is_empty() {
            errors.push(error("dispute", "missing required field"));
        }
        return Err(errors);
    };
    Ok(Decoded {
        file: DisputeFile {
            schema,
            as_of,
            title,
            summary,
            dispute,
            sources,
            parties,
            contracts,
            clauses,
            statements,
            events,
            conflicts,
        },
        origin,
        broken_ids,
        errors,
    })
}

/// Decodes one entry; on failure returns the error and the entry's raw id, if it has one.
fn decode_entry<T: DeserializeOwned>(
    raw: &RawValue,
    path: &str,
) -> Result<T, (ValidationError, Option<String>)> {
    let mut deserializer = serde_json::Deserializer::from_str(raw.get());
    serde_path_to_error::deserialize::<_, T>(&mut deserializer).map_err(|problem| {
        let inner = problem.path().to_string();
        let full_path = if inner == "." {
            path.to_owned()
        } else {
            format!("{path}.{inner}")
        };
        let raw_id = value_of(raw)
            .get("id")
            .and_then(Value::as_str)
            .map(str::to_owned);
        (
            error(full_path, without_position(problem.into_inner())),
            raw_id,
        )
    })
}

/// A raw piece of the file as a value, for the rare places that look inside one: the top-level
/// strings, and an entry that failed to decode. The piece is valid JSON, already parsed once.
fn value_of(raw: &RawValue) -> Value {
    serde_json::from_str(raw.get()).unwrap_or(Value::Null)
}

/// A decoding error's message without "at line 1 column 57": the position is within the entry's
/// own text, which the JSON path already locates better.
fn without_position(problem: serde_json::Error) -> String {
    let message = problem.to_string();
    match message.rfind(" at line ") {
        Some(at) if problem.line() > 0 => message[..at].to_owned(),
        _ => message,
    }
}

fn decode_list<T: DeserializeOwned>(
    root: &mut HashMap<String, &RawValue>,
    key: &str,
    errors: &mut Vec<ValidationError>,
    broken_ids: &mut Vec<(String, String)>,
) -> (Vec<T>, Vec<usize>) {
    let mut items = Vec::new();
    let mut positions = Vec::new();
    let Some(raw) = root.remove(key) else {
        return (items, positions);
    };
    match serde_json::from_str::<Vec<&RawValue>>(raw.get()) {
        Ok(values) => {
            for (position, value) in values.into_iter().enumerate() {
                let path = format!("{key}[{position}]");
                match decode_entry::<T>(value, &path) {
                    Ok(item) => {
                        items.push(item);
                        positions.push(position);
                    }
                    Err((problem, id)) => {
                        broken_ids.extend(id.map(|id| (id, path)));
                        errors.push(problem);
                    }
                }
            }
        }
        Err(_) => errors.push(error(
            key,
            format!("must be an array, found {}", json_type(&value_of(raw))),
        )),
    }
    (items, positions)
}

/// The semantic pass: everything that needs the whole file to check.
fn check(
    file: &DisputeFile,
    origin: &HashMap<&'static str, Vec<usize>>,
    broken_ids: &[(String, String)],
    errors: &mut Vec<ValidationError>,
) {
    let path = |collection: &str, position: usize| -> String {
        let original = origin
            .get(collection)
            .and_then(|positions| positions.get(position))
            .copied()
            .unwrap_or(position);
        format!("{collection}[{original}]")
    };

    let source_indexes = verbatim::index_sources(file);
    if file.schema != SCHEMA_VERSION && !file.schema.is_empty() {
        errors.push(error(
            "schema",
            format!(
                "\"{}\" is not supported; this build reads \"{SCHEMA_VERSION}\"",
                file.schema
            ),
        ));
    }
    match parse_calendar_value(&file.as_of) {
        Ok((_, 3)) => {}
        _ if file.as_of.is_empty() => {}
        _ => errors.push(error(
            "as_of",
            format!("\"{}\" is not a date in the form YYYY-MM-DD", file.as_of),
        )),
    }
    require_text(errors, "title", &file.title);
    require_text(errors, "summary", &file.summary);

    // Ids: syntax and uniqueness across the whole file, broken entries included.
    let mut ids: HashMap<String, (EntityKind, String)> = HashMap::new();
    let mut claim_id = |errors: &mut Vec<ValidationError>,
                        id: &str,
                        kind: EntityKind,
                        at: String| {
        if !is_valid_id(id) {
            errors.push(error(
                format!("{at}.id"),
                format!("\"{id}\" is not a valid id: use lowercase letters, digits and single hyphens, starting with a letter"),
            ));
        }
        if let Some((_, first)) = ids.get(id) {
            errors.push(error(
                format!("{at}.id"),
                format!("\"{id}\" is already the id of {first}"),
            ));
        } else {
            ids.insert(id.to_owned(), (kind, at));
        }
    };
    for (kind, position, id) in file.entity_ids() {
        let at = match kind {
            EntityKind::Dispute => "dispute".to_owned(),
            _ => path(kind.collection(), position),
        };
        claim_id(errors, id, kind, at);
    }

    let references = References {
        ids: &ids,
        broken: broken_ids,
    };
    let sources_by_id: HashMap<&str, &Source> = file
        .sources
        .iter()
        .map(|source| (source.id.as_str(), source))
        .collect();

    // The dispute.
    let dispute = &file.dispute;
    require_text(errors, "dispute.title", &dispute.title);
    require_text(errors, "dispute.claim", &dispute.claim);
    require_text(errors, "dispute.summary", &dispute.summary);
    require_nonempty(
        errors,
        "dispute.claimants",
        dispute.claimants.len(),
        "claimant",
    );
    require_nonempty(
        errors,
        "dispute.respondents",
        dispute.respondents.len(),
        "respondent",
    );
    require_nonempty(errors, "dispute.sources", dispute.sources.len(), "source");
    references.each(
        errors,
        "dispute.claimants",
        dispute.claimants.iter().map(|id| id.as_str()),
        EntityKind::Party,
    );
    references.each(
        errors,
        "dispute.respondents",
        dispute.respondents.iter().map(|id| id.as_str()),
        EntityKind::Party,
    );
    references.each(
        errors,
        "dispute.contracts",
        dispute.contracts.iter().map(|id| id.as_str()),
        EntityKind::Contract,
    );
    references.each(
        errors,
        "dispute.clauses",
        dispute.clauses.iter().map(|id| id.as_str()),
        EntityKind::Clause,
    );
    references.each(
        errors,
        "dispute.sources",
        dispute.sources.iter().map(|id| id.as_str()),
        EntityKind::Source,
    );

    for (position, source) in file.sources.iter().enumerate() {
        let at = path("sources", position);
        require_text(errors, &format!("{at}.title"), &source.title);
        references.each(
            errors,
            &format!("{at}.cites"),
            source.cites.iter().map(|id| id.as_str()),
            EntityKind::Source,
        );
        if source.cites.iter().any(|cited| cited == &source.id) {
            errors.push(error(
                format!("{at}.cites"),
                format!("\"{}\" cites itself", source.id),
            ));
        }
        if let Some(date) = &source.published {
            check_date(errors, &references, &format!("{at}.published"), date);
        }
        if source
            .text
            .as_deref()
            .is_some_and(|text| text.trim().is_empty())
        {
            errors.push(error(
                format!("{at}.text"),
                "is empty; leave it out if the file does not hold the text",
            ));
        }
    }

    for (position, party) in file.parties.iter().enumerate() {
        let at = path("parties", position);
        require_text(errors, &format!("{at}.name"), &party.name);
        require_text(errors, &format!("{at}.role"), &party.role);
        require_text(errors, &format!("{at}.summary"), &party.summary);
        require_nonempty(
            errors,
            &format!("{at}.sources"),
            party.sources.len(),
            "source",
        );
        references.each(
            errors,
            &format!("{at}.sources"),
            party.sources.iter().map(|id| id.as_str()),
            EntityKind::Source,
        );
    }

    for (position, contract) in file.contracts.iter().enumerate() {
        let at = path("contracts", position);
        require_text(errors, &format!("{at}.title"), &contract.title);
        require_text(errors, &format!("{at}.summary"), &contract.summary);
        if contract.parties.len() < 2 {
            errors.push(error(
                format!("{at}.parties"),
                format!(
                    "an agreement needs at least two parties, found {}",
                    contract.parties.len()
                ),
            ));
        }
        require_distinct(
            errors,
            &format!("{at}.parties"),
            contract.parties.iter().map(|id| id.as_str()),
        );
        references.each(
            errors,
            &format!("{at}.parties"),
            contract.parties.iter().map(|id| id.as_str()),
            EntityKind::Party,
        );
        require_nonempty(
            errors,
            &format!("{at}.sources"),
            contract.sources.len(),
            "source",
        );
        references.each(
            errors,
            &format!("{at}.sources"),
            contract.sources.iter().map(|id| id.as_str()),
            EntityKind::Source,
        );
        if let Some(date) = &contract.date {
            check_date(errors, &references, &format!("{at}.date"), date);
        }
    }

    for (position, clause) in file.clauses.iter().enumerate() {
        let at = path("clauses", position);
        require_text(errors, &format!("{at}.title"), &clause.title);
        require_text(errors, &format!("{at}.question"), &clause.question);
        references.one(
            errors,
            &format!("{at}.contract"),
            clause.contract.as_str(),
            EntityKind::Contract,
        );
        require_nonempty(
            errors,
            &format!("{at}.wording"),
            clause.wording.len(),
            "reported wording",
        );
        for (index, wording) in clause.wording.iter().enumerate() {
            let wording_at = format!("{at}.wording[{index}]");
            if references.one(
                errors,
                &format!("{wording_at}.source"),
                wording.source.as_str(),
                EntityKind::Source,
            ) {
                check_quote(
                    errors,
                    &format!("{wording_at}.quote"),
                    &wording.quote,
                    sources_by_id.get(wording.source.as_str()).copied(),
                    source_indexes.get(wording.source.as_str()),
                );
            }
        }
        for (index, reading) in clause.readings.iter().enumerate() {
            let reading_at = format!("{at}.readings[{index}]");
            references.one(
                errors,
                &format!("{reading_at}.party"),
                reading.party.as_str(),
                EntityKind::Party,
            );
            require_text(errors, &format!("{reading_at}.position"), &reading.position);
            require_nonempty(
                errors,
                &format!("{reading_at}.statements"),
                reading.statements.len(),
                "supporting statement",
            );
            references.each(
                errors,
                &format!("{reading_at}.statements"),
                reading.statements.iter().map(|id| id.as_str()),
                EntityKind::Statement,
            );
        }
    }

    for (position, statement) in file.statements.iter().enumerate() {
        let at = path("statements", position);
        require_text(
            errors,
            &format!("{at}.speaker.description"),
            &statement.speaker.description,
        );
        require_text(errors, &format!("{at}.summary"), &statement.summary);
        if let Some(party) = &statement.speaker.party {
            references.one(
                errors,
                &format!("{at}.speaker.party"),
                party.as_str(),
                EntityKind::Party,
            );
        }
        let source_known = references.one(
            errors,
            &format!("{at}.source"),
            statement.source.as_str(),
            EntityKind::Source,
        );
        if let Some(cited) = &statement.cites {
            if references.one(
                errors,
                &format!("{at}.cites"),
                cited.as_str(),
                EntityKind::Source,
            ) {
                if let Some(source) = sources_by_id.get(statement.source.as_str()) {
                    if !source.cites.contains(cited) {
                        errors.push(error(
                            format!("{at}.cites"),
                            format!("\"{cited}\" is not among the sources that \"{}\" cites; add it to that source's cites", source.id),
                        ));
                    }
                }
            }
        }
        require_nonempty(
            errors,
            &format!("{at}.about"),
            statement.about.len(),
            "entity it is about",
        );
        references.each_any(
            errors,
            &format!("{at}.about"),
            statement.about.iter().map(|id| id.as_str()),
        );
        if source_known {
            check_quote(
                errors,
                &format!("{at}.quote"),
                &statement.quote,
                sources_by_id.get(statement.source.as_str()).copied(),
                source_indexes.get(statement.source.as_str()),
            );
        }
    }

    let mut previous_dated: Option<((u16, u8, u8), String)> = None;
    for (position, event) in file.events.iter().enumerate() {
        let at = path("events", position);
        require_text(errors, &format!("{at}.title"), &event.title);
        require_text(errors, &format!("{at}.summary"), &event.summary);
        check_date(errors, &references, &format!("{at}.date"), &event.date);
        references.each(
            errors,
            &format!("{at}.parties"),
            event.parties.iter().map(|id| id.as_str()),
            EntityKind::Party,
        );
        references.each(
            errors,
            &format!("{at}.contracts"),
            event.contracts.iter().map(|id| id.as_str()),
            EntityKind::Contract,
        );
        require_nonempty(
            errors,
            &format!("{at}.sources"),
            event.sources.len(),
            "source",
        );
        references.each(
            errors,
            &format!("{at}.sources"),
            event.sources.iter().map(|id| id.as_str()),
            EntityKind::Source,
        );
        // The timeline shows events in file order, so dated events must already be in date order.
        if let Some(key) = event.date.sort_key() {
            if let Some((previous_key, previous_id)) = &previous_dated {
                if key < *previous_key {
                    errors.push(error(
                        format!("{at}.date.value"),
                        format!(
                            "\"{}\" comes before the date of the earlier event \"{previous_id}\"; list events in date order",
                            event.date.value.as_deref().unwrap_or_default()
                        ),
                    ));
                }
            }
            previous_dated = Some((key, event.id.0.clone()));
        }
    }

    let statements_by_id: HashMap<&str, &Statement> = file
        .statements
        .iter()
        .map(|statement| (statement.id.as_str(), statement))
        .collect();
    for (position, conflict) in file.conflicts.iter().enumerate() {
        let at = path("conflicts", position);
        require_text(errors, &format!("{at}.title"), &conflict.title);
        require_text(errors, &format!("{at}.difference"), &conflict.difference);
        if conflict.sides.len() < 2 {
            errors.push(error(
                format!("{at}.sides"),
                format!(
                    "a conflict needs at least two sides, found {}",
                    conflict.sides.len()
                ),
            ));
        }
        references.each_any(
            errors,
            &format!("{at}.about"),
            conflict.about.iter().map(|id| id.as_str()),
        );
        for (index, side) in conflict.sides.iter().enumerate() {
            let side_at = format!("{at}.sides[{index}]");
            require_text(errors, &format!("{side_at}.position"), &side.position);
            references.one(
                errors,
                &format!("{side_at}.source"),
                side.source.as_str(),
                EntityKind::Source,
            );
            require_nonempty(
                errors,
                &format!("{side_at}.statements"),
                side.statements.len(),
                "statement",
            );
            references.each(
                errors,
                &format!("{side_at}.statements"),
                side.statements.iter().map(|id| id.as_str()),
                EntityKind::Statement,
            );
            for (statement_index, id) in side.statements.iter().enumerate() {
                if let Some(statement) = statements_by_id.get(id.as_str()) {
                    if statement.source != side.source {
                        errors.push(error(
                            format!("{side_at}.statements[{statement_index}]"),
                            format!(
                                "\"{id}\" is reported in \"{}\", not in this side's source \"{}\"",
                                statement.source, side.source
                            ),
                        ));
                    }
                }
            }
        }
    }
}

/// Looks ids up for reference checks, staying quiet about ids of entries that failed to decode
/// (their own error is already reported).
struct References<'a> {
    ids: &'a HashMap<String, (EntityKind, String)>,
    broken: &'a [(String, String)],
}

impl References<'_> {
    /// Checks one reference; returns whether it resolved to an entity of the wanted kind.
    fn one(
        &self,
        errors: &mut Vec<ValidationError>,
        at: &str,
        id: &str,
        wanted: EntityKind,
    ) -> bool {
        match self.ids.get(id) {
            Some((kind, _)) if *kind == wanted => true,
            Some((kind, where_it_is)) => {
                errors.push(error(
                    at,
                    format!(
                        "\"{id}\" is a {} ({where_it_is}), not a {}",
                        kind.as_str(),
                        wanted.as_str()
                    ),
                ));
                false
            }
            None if self.broken.iter().any(|(broken, _)| broken == id) => false,
            None => {
                errors.push(error(
                    at,
                    format!("no {} with id \"{id}\"", wanted.as_str()),
                ));
                false
            }
        }
    }

    fn each<'b>(
        &self,
        errors: &mut Vec<ValidationError>,
        at: &str,
        ids: impl Iterator<Item = &'b str>,
        wanted: EntityKind,
    ) {
        for (index, id) in ids.enumerate() {
            self.one(errors, &format!("{at}[{index}]"), id, wanted);
        }
    }

    fn each_any<'b>(
        &self,
        errors: &mut Vec<ValidationError>,
        at: &str,
        ids: impl Iterator<Item = &'b str>,
    ) {
        for (index, id) in ids.enumerate() {
            let known =
                self.ids.contains_key(id) || self.broken.iter().any(|(broken, _)| broken == id);
            if !known {
                errors.push(error(
                    format!("{at}[{index}]"),
                    format!("no entity with id \"{id}\""),
                ));
            }
        }
    }
}

fn require_text(errors: &mut Vec<ValidationError>, at: &str, text: &str) {
    if text.trim().is_empty() {
        errors.push(error(at, "must not be empty"));
    }
}

fn require_nonempty(errors: &mut Vec<ValidationError>, at: &str, count: usize, what: &str) {
    if count == 0 {
        errors.push(error(at, format!("needs at least one {what}")));
    }
}

fn require_distinct<'a>(
    errors: &mut Vec<ValidationError>,
    at: &str,
    ids: impl Iterator<Item = &'a str>,
) {
    let mut seen = Vec::new();
    for (index, id) in ids.enumerate() {
        if seen.contains(&id) {
            errors.push(error(
                format!("{at}[{index}]"),
                format!("\"{id}\" is listed twice"),
            ));
        }
        seen.push(id);
    }
}

fn check_date(
    errors: &mut Vec<ValidationError>,
    references: &References<'_>,
    at: &str,
    date: &ReportedDate,
) {
    for (field, message) in date.problems() {
        errors.push(error(format!("{at}.{field}"), message));
    }
    if let Some(source) = &date.relative_to {
        references.one(
            errors,
            &format!("{at}.relative_to"),
            source.as_str(),
            EntityKind::Source,
        );
    }
}

/// A quote must stand in its source's text character for character. `index` is the text's
/// index, when it is quoted often enough to have one.
fn check_quote(
    errors: &mut Vec<ValidationError>,
    at: &str,
    quote: &str,
    source: Option<&Source>,
    index: Option<&verbatim::TextIndex>,
) {
    let Some(source) = source else { return };
    if quote.trim().is_empty() {
        errors.push(error(at, "must not be empty"));
        return;
    }
    let Some(text) = source.text.as_deref() else {
        errors.push(error(
            at,
            format!("source \"{}\" holds no text to quote from", source.id),
        ));
        return;
    };
    let found = match index {
        Some(index) => index.contains(quote),
        None => text.contains(quote),
    };
    if found {
        return;
    }
    let shown = if quote.chars().count() > 60 {
        format!("{}…", quote.chars().take(60).collect::<String>())
    } else {
        quote.to_owned()
    };
    let hint = if fold_typography(text).contains(&fold_typography(quote)) {
        " (it differs only in quotes, dashes, hyphens or spaces: copy those characters from the source exactly)"
    } else {
        ""
    };
    errors.push(error(
        at,
        format!(
            "\"{shown}\" is not found verbatim in source \"{}\"{hint}",
            source.id
        ),
    ));
}

/// Maps typographic variants to plain ASCII, only to explain a near miss.
fn fold_typography(text: &str) -> String {
    text.chars()
        .map(|character| match character {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{00A0}' | '\u{202F}' | '\u{2009}' => ' ',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn bundled_value() -> Value {
        serde_json::from_str(crate::BUNDLED_DISPUTE).unwrap()
    }

    fn errors_after(change: impl FnOnce(&mut Value)) -> Vec<String> {
        let mut value = bundled_value();
        change(&mut value);
        match parse(&value.to_string()) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        }
    }

    /// The position of the entry with this id in a collection, so cases survive data edits.
    fn position(value: &Value, collection: &str, id: &str) -> usize {
        value[collection]
            .as_array()
            .unwrap()
            .iter()
            .position(|entry| entry["id"] == id)
            .unwrap_or_else(|| panic!("no {id} in {collection}"))
    }

    #[test]
    fn bundled_dispute_is_valid() {
        if let Err(errors) = parse(crate::BUNDLED_DISPUTE) {
            panic!(
                "{}",
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }

    #[test]
    fn shipped_examples_are_valid() {
        let examples = [("harbor-city.json", crate::EXAMPLE_DISPUTE)];
        for (name, text) in examples {
            if let Err(errors) = parse(text) {
                panic!(
                    "{name}:\n{}",
                    errors
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("\n")
                );
            }
        }
    }

    #[test]
    fn bundled_dispute_is_indexed() {
        let dataset = parse(crate::BUNDLED_DISPUTE).unwrap();
        assert_eq!(
            dataset.kind_of("azure-stateless-exclusivity"),
            Some(EntityKind::Clause)
        );
        assert_eq!(dataset.kind_of("microsoft"), Some(EntityKind::Party));
        assert_eq!(dataset.kind_of("nothing-here"), None);
        assert!(dataset
            .clauses_of("microsoft-openai-partnership")
            .any(|clause| clause.id.as_str() == "azure-stateless-exclusivity"));
        assert!(dataset
            .contracts_of("amazon")
            .any(|contract| contract.id.as_str() == "aws-frontier-agreement"));
        assert!(dataset
            .statements_by("microsoft")
            .any(|statement| statement.attribution == crate::model::Attribution::Spokesperson));
        assert!(dataset
            .conflicts_involving("b-invested-more-than-13b")
            .any(|conflict| conflict.id.as_str() == "total-microsoft-investment"));
        for statement in &dataset.file.statements {
            let range = dataset
                .quote_range(statement)
                .expect("every quote is located");
            let text = dataset
                .source(statement.source.as_str())
                .unwrap()
                .text
                .as_deref()
                .unwrap();
            assert_eq!(&text[range], statement.quote);
        }
    }

    /// Each case breaks one thing in a copy of the real file and names the error it must cause.
    #[test]
    fn broken_copies_fail_with_their_path() {
        type Change = Box<dyn Fn(&mut Value)>;
        let cases: Vec<(&str, Change, &str)> = vec![
            ("unknown top-level field", Box::new(|value| value["extras"] = json!(1)), "extras: unknown field; expected one of schema"),
            ("missing collection", Box::new(|value| { value.as_object_mut().unwrap().remove("conflicts"); }), "conflicts: missing required field"),
            ("collection of the wrong type", Box::new(|value| value["events"] = json!({})), "events: must be an array, found an object"),
            ("unsupported schema", Box::new(|value| value["schema"] = json!("dispute-map/9")), "schema: \"dispute-map/9\" is not supported"),
            ("bad as_of", Box::new(|value| value["as_of"] = json!("22/11/2026")), "as_of: \"22/11/2026\" is not a date"),
            ("unknown field in an entry", Box::new(|value| value["parties"][0]["nickname"] = json!("MS")), "parties[0].nickname: unknown field `nickname`, expected one of `id`, `name`"),
            ("missing field in an entry", Box::new(|value| { value["statements"][4].as_object_mut().unwrap().remove("quote"); }), "statements[4]: missing field `quote`"),
            ("wrong type in a nested field", Box::new(|value| value["clauses"][0]["wording"][1]["source"] = json!(7)), "clauses[0].wording[1].source: invalid type: integer `7`, expected a string"),
            ("unknown enum value", Box::new(|value| value["statements"][2]["attribution"] = json!("rumour")), "statements[2].attribution: unknown variant `rumour`"),
            ("id with capitals and spaces", Box::new(|value| value["events"][0]["id"] = json!("Early Money")), "events[0].id: \"Early Money\" is not a valid id"),
            ("duplicate id across kinds", Box::new(|value| value["contracts"][0]["id"] = json!("microsoft")), "contracts[0].id: \"microsoft\" is already the id of parties[0]"),
            ("dangling source", Box::new(|value| value["statements"][4]["source"] = json!("ft-report")), "statements[4].source: no source with id \"ft-report\""),
            ("reference to the wrong kind", Box::new(|value| value["clauses"][0]["contract"] = json!("microsoft")), "clauses[0].contract: \"microsoft\" is a party (parties[0]), not a contract"),
            ("dangling about", Box::new(|value| value["statements"][0]["about"][0] = json!("frontier")), "statements[0].about[0]: no entity with id \"frontier\""),
            (
                "quote with straight instead of curly apostrophes",
                Box::new(|value| {
                    let at = position(value, "statements", "a-bullet-considering-legal-action");
                    value["statements"][at]["quote"] = json!("Microsoft is considering legal action over Amazon's new cloud partnership with OpenAI.");
                }),
                "is not found verbatim in source \"cloud-pact-faces-new-tension\" (it differs only in quotes, dashes, hyphens or spaces",
            ),
            (
                "quote from the other article",
                Box::new(|value| {
                    let at = position(value, "statements", "b-lawyers-not-persuaded");
                    value["statements"][at]["source"] = json!("cloud-pact-faces-new-tension");
                }),
                "\"Microsoft’s lawyers are not persuaded.\" is not found verbatim in source \"cloud-pact-faces-new-tension\"",
            ),
            (
                "wording not in its source",
                Box::new(|value| value["clauses"][0]["wording"][0]["quote"] = json!("Azure shall be exclusive")),
                "clauses[0].wording[0].quote: \"Azure shall be exclusive\" is not found verbatim",
            ),
            (
                "quoting a source that holds no text",
                Box::new(|value| {
                    let at = position(value, "statements", "a-ft-discussions");
                    value["statements"][at]["source"] = json!("financial-times");
                }),
                "source \"financial-times\" holds no text to quote from",
            ),
            (
                "citing a source the report does not cite",
                Box::new(|value| {
                    let at = position(value, "statements", "b-lawyers-not-persuaded");
                    value["statements"][at]["cites"] = json!("financial-times");
                }),
                "is not among the sources that \"microsoft-threatens-legal-action\" cites",
            ),
            ("one-sided conflict", Box::new(|value| { value["conflicts"][0]["sides"].as_array_mut().unwrap().truncate(1); }), "conflicts[0].sides: a conflict needs at least two sides, found 1"),
            (
                "conflict side citing a statement from another source",
                Box::new(|value| value["conflicts"][0]["sides"][0]["statements"] = json!(["b-invested-more-than-13b"])),
                "conflicts[0].sides[0].statements[0]: \"b-invested-more-than-13b\" is reported in \"microsoft-threatens-legal-action\"",
            ),
            ("contract with one party", Box::new(|value| value["contracts"][0]["parties"] = json!(["microsoft"])), "contracts[0].parties: an agreement needs at least two parties, found 1"),
            (
                "date sharper than its precision allows",
                Box::new(|value| {
                    let at = position(value, "contracts", "microsoft-investment-2023");
                    value["contracts"][at]["date"]["value"] = json!("2023-01-15");
                }),
                "does not match precision \"approximate\"",
            ),
            (
                "relative date without its reference",
                Box::new(|value| {
                    let at = position(value, "events", "frontier-deal-announced");
                    value["events"][at]["date"].as_object_mut().unwrap().remove("relative_to");
                }),
                ".date.relative_to: is required for a relative date",
            ),
            (
                "events out of date order",
                Box::new(|value| {
                    let events = value["events"].as_array_mut().unwrap();
                    events.swap(0, 2);
                }),
                "list events in date order",
            ),
            ("empty name", Box::new(|value| value["parties"][2]["name"] = json!("  ")), "parties[2].name: must not be empty"),
            ("reading without support", Box::new(|value| value["clauses"][0]["readings"][0]["statements"] = json!([])), "clauses[0].readings[0].statements: needs at least one supporting statement"),
        ];
        for (name, change, expected) in cases {
            let errors = errors_after(change);
            assert!(
                errors.iter().any(|error| error.contains(expected)),
                "{name}: expected an error containing {expected:?}, got {errors:#?}"
            );
        }
    }

    #[test]
    fn not_json_at_all() {
        let errors = parse("{ \"schema\": ").unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0]
                .to_string()
                .starts_with("(file): not valid JSON: EOF while parsing"),
            "{}",
            errors[0]
        );
        let errors = parse("[1, 2]").unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "(file): the top level must be an object, found an array"
        );
    }

    #[test]
    fn every_error_is_reported_not_only_the_first() {
        let errors = errors_after(|value| {
            value["parties"][0]["nickname"] = json!("MS");
            value["statements"][4]["source"] = json!("ft-report");
            value["contracts"][1]["id"] = json!("openai");
            value["conflicts"][2]["sides"]
                .as_array_mut()
                .unwrap()
                .truncate(1);
            value["as_of"] = json!("soon");
        });
        for expected in [
            "parties[0].nickname: unknown field",
            "statements[4].source",
            "contracts[1].id",
            "conflicts[2].sides",
            "as_of",
        ] {
            assert!(
                errors.iter().any(|error| error.starts_with(expected)),
                "missing {expected}: {errors:#?}"
            );
        }
    }

    /// Regression: one malformed entry must not also make every reference to it "dangling".
    #[test]
    fn a_broken_entry_does_not_cascade() {
        let errors = errors_after(|value| value["parties"][0]["name"] = json!(3));
        assert_eq!(
            errors,
            vec!["parties[0].name: invalid type: integer `3`, expected a string".to_owned()]
        );
    }

    /// The example in docs/schema.md is a complete, valid file.
    #[test]
    fn schema_doc_example_is_valid() {
        let doc = include_str!("../../../../docs/schema.md");
        let start = doc
            .find("```json\n")
            .expect("docs/schema.md has a json example")
            + "```json\n".len();
        let end = start + doc[start..].find("```").unwrap();
        if let Err(errors) = parse(&doc[start..end]) {
            panic!(
                "{}",
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }
}
