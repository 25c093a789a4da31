//! The index of disputes: many dispute files listed in one small file (`dispute-index/1`), so a
//! reader can find a dispute by its title, claim or parties without opening every file, and see
//! which parties stand in more than one.
//!
//! The index is built from files already read (`build`): each valid file becomes an entry with
//! what a list shows (title, claim, status, parties, counts, dates); a file with problems becomes
//! an entry too, named after its file and listing its problems, so a broken file is seen rather
//! than silently missing. Parties are matched across disputes by their names and aliases, read
//! with the same identity key the draft engine uses (`text::names::key_of`): case, a leading
//! "the" and legal suffixes ("Inc.", "Ltd", "Corporation") make no difference.

use crate::dataset::{unicode_lowercase, Dataset, Lowercase};
use crate::model::{is_valid_id, DisputeStatus, PartyKind, Source};
use crate::text::lexicon::Words;
use crate::text::names::key_of;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// The index format this build writes and reads.
pub const INDEX_SCHEMA_VERSION: &str = "dispute-index/1";

/// The index format as a JSON Schema (draft 2020-12), made from these types. Shipped as
/// `dispute-index.schema.json`.
#[cfg(feature = "schema")]
pub fn json_schema() -> serde_json::Value {
    let mut schema =
        serde_json::to_value(schemars::schema_for!(DisputeIndex)).expect("a schema is plain JSON");
    schema["$id"] = "dispute-index.schema.json".into();
    schema["title"] = "A dispute-map index (dispute-index/1)".into();
    schema["description"] = "Many dispute files listed in one: each dispute's title, claim, status, parties, counts and dates, the problems of a file that is not valid, and the parties that appear in more than one dispute. See docs/schema.md.".into();
    schema
}

/// Many disputes, listed: newest first, files with problems last.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DisputeIndex {
    /// `"dispute-index/1"`.
    pub schema: String,
    pub disputes: Vec<IndexEntry>,
    /// Every party that appears in two or more disputes, by name.
    pub parties: Vec<SharedParty>,
}

/// One dispute file, as a list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IndexEntry {
    /// The dispute's id, unique in the index; for a file with problems, made from its file name.
    pub id: String,
    /// The file's title; for a file with problems, its file name.
    pub title: String,
    /// Where the file is, relative to the index file, with forward slashes.
    pub file: String,
    /// What is claimed, in the sources' terms.
    pub claim: String,
    /// The dispute's status; absent for a file with problems.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DisputeStatus>,
    /// The claimants' party ids.
    pub claimants: Vec<String>,
    /// The respondents' party ids.
    pub respondents: Vec<String>,
    pub parties: Vec<IndexParty>,
    /// How many statements the file holds.
    pub statements: usize,
    /// How many conflicts between sources the file holds.
    pub conflicts: usize,
    /// The day the file was last checked against its sources (YYYY-MM-DD); empty for a file
    /// with problems.
    pub as_of: String,
    /// The earliest publication date among its sources (YYYY, YYYY-MM or YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sources_from: Option<String>,
    /// The latest publication date among its sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sources_to: Option<String>,
    /// What is wrong with the file, each with its path or cell; empty for a valid file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
}

/// One party of one dispute.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IndexParty {
    /// Its id in its dispute's file.
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub kind: PartyKind,
    pub role: Role,
}

/// Where a party stands in a dispute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Among the dispute's claimants.
    Claimant,
    /// Among the dispute's respondents.
    Respondent,
    /// Named in the dispute on neither side.
    Party,
}

/// A party that appears in two or more disputes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SharedParty {
    /// Its name in the first dispute of the index it appears in.
    pub name: String,
    /// Every other name and alias the disputes give it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Each dispute it appears in, in index order.
    pub appears_in: Vec<Appearance>,
}

/// A shared party in one dispute.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Appearance {
    /// The entry's id.
    pub dispute: String,
    /// The party's id in that dispute's file.
    pub party: String,
    pub role: Role,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Claimant => "claimant",
            Role::Respondent => "respondent",
            Role::Party => "party",
        }
    }
}

impl IndexEntry {
    /// Whether the entry stands for a file that could not be read as a dispute.
    pub fn is_broken(&self) -> bool {
        self.status.is_none()
    }
}

impl DisputeIndex {
    /// The positions of the entries whose title, claim, party names or aliases hold every word
    /// of `words`, ignoring case (diacritics count: "é" is not "e"), in index order. An empty
    /// query keeps every entry.
    pub fn search(&self, words: &str) -> Vec<usize> {
        self.search_with(words, unicode_lowercase)
    }

    /// `search`, lowercasing with `lowercase`: the browser's own tables in the app, so its wasm
    /// carries none (as `Dataset::matching` does).
    pub fn search_with(&self, words: &str, lowercase: Lowercase) -> Vec<usize> {
        let words: Vec<String> = words.split_whitespace().map(lowercase).collect();
        self.disputes
            .iter()
            .enumerate()
            .filter(|(_, entry)| {
                let searched = lowercase(&searched_text(entry));
                words.iter().all(|word| searched.contains(word.as_str()))
            })
            .map(|(position, _)| position)
            .collect()
    }

    /// The other disputes where the party `party` of the dispute `dispute` appears, with its
    /// role there, in index order; none when it appears in no other.
    pub fn also_in(&self, dispute: &str, party: &str) -> Vec<&Appearance> {
        let here =
            |appearance: &Appearance| appearance.dispute == dispute && appearance.party == party;
        self.parties
            .iter()
            .find(|shared| shared.appears_in.iter().any(here))
            .map(|shared| {
                shared
                    .appears_in
                    .iter()
                    .filter(|appearance| appearance.dispute != dispute)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The entry with this id.
    pub fn entry(&self, id: &str) -> Option<&IndexEntry> {
        self.disputes.iter().find(|entry| entry.id == id)
    }
}

/// The index of `files`: each one's path relative to the index file, and the file read as a
/// dataset or its problems.
///
/// Entries are ordered by `as_of`, newest first, files of one day in the order given, and files
/// with problems last, in the order given. Ids are unique: when two files hold disputes with one
/// id, the first given keeps it and the next is indexed as `id-2` (then `id-3`…), with a problem
/// saying so, since links and `also_in` name disputes by id. A file with problems takes its id
/// from its file name, after every dispute's own id, and is renamed the same way without a note
/// (its id was only a guess).
pub fn build(files: &[(String, Result<Dataset, Vec<String>>)]) -> DisputeIndex {
    let mut entries: Vec<IndexEntry> = files
        .iter()
        .filter_map(|(file, read)| read.as_ref().ok().map(|dataset| entry_of(file, dataset)))
        .collect();
    let readable = entries.len();
    entries.extend(files.iter().filter_map(|(file, read)| {
        read.as_ref()
            .err()
            .map(|problems| broken_entry(file, problems))
    }));
    give_unique_ids(&mut entries);
    let broken = entries.split_off(readable);
    // A stable sort: entries of one day keep the order they were given in.
    entries.sort_by(|first, second| second.as_of.cmp(&first.as_of));
    entries.extend(broken);
    let parties = shared_parties(&entries);
    DisputeIndex {
        schema: INDEX_SCHEMA_VERSION.to_owned(),
        disputes: entries,
        parties,
    }
}

/// Reads an index, returning it or every problem found, each with its JSON path
/// (`disputes[2].status: unknown variant …`, `parties[0].appears_in[1].dispute: …`).
pub fn parse(text: &str) -> Result<DisputeIndex, Vec<String>> {
    // Serde reads a struct from an array too, field by field, which would name "[0]" as the
    // problem of a file that is no object at all.
    if !text.trim_start().starts_with('{') {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
            let found = match value {
                serde_json::Value::Null => "null",
                serde_json::Value::Bool(_) => "a boolean",
                serde_json::Value::Number(_) => "a number",
                serde_json::Value::String(_) => "a string",
                serde_json::Value::Array(_) => "an array",
                serde_json::Value::Object(_) => "an object",
            };
            return Err(vec![format!(
                "(file): the top level must be an object, found {found}"
            )]);
        }
    }
    let index: DisputeIndex = serde_json::from_str(text).map_err(|problem| {
        let path = match crate::json_path::of_error(text, &problem) {
            path if path == "." => "(file)".to_owned(),
            path => path,
        };
        vec![format!("{path}: {problem}")]
    })?;
    let mut problems = Vec::new();
    if index.schema != INDEX_SCHEMA_VERSION {
        problems.push(format!(
            "schema: expected \"{INDEX_SCHEMA_VERSION}\", found \"{}\"",
            index.schema
        ));
    }
    let mut first_with_id: HashMap<&str, usize> = HashMap::new();
    for (position, entry) in index.disputes.iter().enumerate() {
        if let Some(first) = first_with_id.insert(&entry.id, position) {
            problems.push(format!(
                "disputes[{position}].id: \"{}\" is also the id of disputes[{first}]",
                entry.id
            ));
            first_with_id.insert(&entry.id, first);
        }
    }
    for (shared_at, shared) in index.parties.iter().enumerate() {
        for (at, appearance) in shared.appears_in.iter().enumerate() {
            let path = format!("parties[{shared_at}].appears_in[{at}]");
            match first_with_id.get(appearance.dispute.as_str()) {
                None => problems.push(format!(
                    "{path}.dispute: no dispute with id \"{}\"",
                    appearance.dispute
                )),
                Some(&position) => {
                    let entry = &index.disputes[position];
                    if !entry
                        .parties
                        .iter()
                        .any(|party| party.id == appearance.party)
                    {
                        problems.push(format!(
                            "{path}.party: dispute \"{}\" has no party with id \"{}\"",
                            entry.id, appearance.party
                        ));
                    }
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(index)
    } else {
        Err(problems)
    }
}

/// Families of words that, standing alone as a name or alias ("the Operator", "the Company",
/// "the Claimant", "the City"), are a defined term of one contract or filing rather than who
/// the party is: two disputes' "the Operator" are most likely two companies, so such names are
/// never matched (the party's full name still is).
const ROLE_WORD_FAMILIES: &[Words] = &[
    // "the carrier", "the supplier": what a party does, as a report calls it.
    Words::Descriptor,
    // "the company", "the firm": the company last named.
    Words::CompanyNoun,
    // "the Claimant", "the Defendant": a side in one case.
    Words::LitigationRole,
    // "the Parent", "the Licensee": one company's relation to another in one agreement.
    Words::RelationWord,
    // "the City", "the Ministry": a kind of public body, not which one.
    Words::GovernmentWord,
];

/// The identity keys a party is matched by: its name's and each alias's, without the ones that
/// are no name of their own.
fn keys_of(party: &IndexParty) -> Vec<String> {
    std::iter::once(&party.name)
        .chain(&party.aliases)
        // A comma before a legal suffix ("Redwater Cloud, Ltd") is part of the suffix, not of
        // the name, and `key_of` keeps it on the word before.
        .map(|name| {
            key_of(
                name.split_whitespace()
                    .map(|word| word.trim_end_matches(',')),
            )
        })
        .filter(|key| !key.is_empty())
        .filter(|key| key.contains(' ') || !ROLE_WORD_FAMILIES.iter().any(|family| family.has(key)))
        .collect()
}

fn entry_of(file: &str, dataset: &Dataset) -> IndexEntry {
    let contents = &dataset.file;
    let dispute = &contents.dispute;
    let role_of = |id: &str| {
        if dispute
            .claimants
            .iter()
            .any(|claimant| claimant.as_str() == id)
        {
            Role::Claimant
        } else if dispute
            .respondents
            .iter()
            .any(|respondent| respondent.as_str() == id)
        {
            Role::Respondent
        } else {
            Role::Party
        }
    };
    let (sources_from, sources_to) = published_range(&contents.sources);
    IndexEntry {
        id: dispute.id.as_str().to_owned(),
        title: contents.title.clone(),
        file: file.to_owned(),
        claim: dispute.claim.clone(),
        status: Some(dispute.status),
        claimants: dispute.claimants.iter().map(|id| id.0.clone()).collect(),
        respondents: dispute.respondents.iter().map(|id| id.0.clone()).collect(),
        parties: contents
            .parties
            .iter()
            .map(|party| IndexParty {
                id: party.id.0.clone(),
                name: party.name.clone(),
                aliases: party.aliases.clone(),
                kind: party.kind,
                role: role_of(party.id.as_str()),
            })
            .collect(),
        statements: contents.statements.len(),
        conflicts: contents.conflicts.len(),
        as_of: contents.as_of.clone(),
        sources_from,
        sources_to,
        problems: Vec::new(),
    }
}

fn broken_entry(file: &str, problems: &[String]) -> IndexEntry {
    let name = file_name(file);
    IndexEntry {
        id: id_from_file_name(name),
        title: name.to_owned(),
        file: file.to_owned(),
        claim: String::new(),
        status: None,
        claimants: Vec::new(),
        respondents: Vec::new(),
        parties: Vec::new(),
        statements: 0,
        conflicts: 0,
        as_of: String::new(),
        sources_from: None,
        sources_to: None,
        // A file can be broken without a word why only if its reader gave none; the index
        // still says it is.
        problems: if problems.is_empty() {
            vec!["(file): not a valid dispute file".to_owned()]
        } else {
            problems.to_vec()
        },
    }
}

/// The earliest and latest calendar values among the sources' publication dates, as the file
/// writes them. A month sorts before its days and a year before its months ("2026-03" is
/// earlier than "2026-03-02"): each is compared by where it starts.
fn published_range(sources: &[Source]) -> (Option<String>, Option<String>) {
    let dated: Vec<_> = sources
        .iter()
        .filter_map(|source| {
            let published = source.published.as_ref()?;
            Some((published.sort_key()?, published.value.as_deref()?))
        })
        .collect();
    let earliest = dated.iter().min_by_key(|(key, _)| *key);
    let latest = dated.iter().max_by_key(|(key, _)| *key);
    (
        earliest.map(|(_, value)| (*value).to_owned()),
        latest.map(|(_, value)| (*value).to_owned()),
    )
}

/// The last part of a path, whichever slash separates its folders.
fn file_name(file: &str) -> &str {
    file.rsplit(['/', '\\']).next().unwrap_or(file)
}

/// An id from a file name: its stem lowercased, every run of other characters than ASCII
/// letters and digits one hyphen, and "file-" before it when it does not start with a letter,
/// so it has an id's form ("Acme v Beta (draft).json" is "acme-v-beta-draft").
fn id_from_file_name(name: &str) -> String {
    let stem = match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => name,
    };
    let mut id = String::new();
    for character in stem.chars() {
        if character.is_ascii_alphanumeric() {
            id.push(character.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    let id = if id.starts_with(|character: char| character.is_ascii_lowercase()) {
        id.to_owned()
    } else if id.is_empty() {
        "file".to_owned()
    } else {
        format!("file-{id}")
    };
    debug_assert!(is_valid_id(&id), "{id}");
    id
}

/// Makes the entries' ids unique: each keeps its own when no entry before it took it, then the
/// others take the first free `id-2`, `id-3`…, so a suffix never displaces an entry's own id.
fn give_unique_ids(entries: &mut [IndexEntry]) {
    let mut holder: HashMap<String, usize> = HashMap::new();
    let mut renamed = Vec::new();
    for (position, entry) in entries.iter().enumerate() {
        if holder.contains_key(&entry.id) {
            renamed.push(position);
        } else {
            holder.insert(entry.id.clone(), position);
        }
    }
    let mut taken: HashSet<String> = holder.keys().cloned().collect();
    for position in renamed {
        let wanted = entries[position].id.clone();
        let unique = (2..)
            .map(|number| format!("{wanted}-{number}"))
            .find(|candidate| !taken.contains(candidate))
            .expect("some number is free");
        taken.insert(unique.clone());
        if !entries[position].is_broken() {
            let other = entries[holder[&wanted]].file.clone();
            entries[position].problems.push(format!(
                "dispute.id: \"{wanted}\" is also the id of the dispute in {other}; indexed as \"{unique}\""
            ));
        }
        entries[position].id = unique;
    }
}

/// The parties that appear in two or more disputes, ordered by name. Two parties are one when
/// any of their keys are equal, and so on through every party keyed alike (a party named "AWS"
/// in one dispute joins "Amazon" of another whose aliases hold "AWS").
fn shared_parties(entries: &[IndexEntry]) -> Vec<SharedParty> {
    let nodes: Vec<(usize, &IndexParty)> = entries
        .iter()
        .enumerate()
        .flat_map(|(position, entry)| entry.parties.iter().map(move |party| (position, party)))
        .collect();
    let mut parent: Vec<usize> = (0..nodes.len()).collect();
    let mut first_with_key: HashMap<String, usize> = HashMap::new();
    for (node, (_, party)) in nodes.iter().enumerate() {
        for key in keys_of(party) {
            match first_with_key.get(&key) {
                Some(&other) => {
                    let (root, other_root) =
                        (root_of(&mut parent, node), root_of(&mut parent, other));
                    parent[root] = other_root;
                }
                None => {
                    first_with_key.insert(key, node);
                }
            }
        }
    }
    // Groups in index order, each with its parties in index order.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of_root: HashMap<usize, usize> = HashMap::new();
    for node in 0..nodes.len() {
        let root = root_of(&mut parent, node);
        let group = *group_of_root.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[group].push(node);
    }
    let mut shared: Vec<SharedParty> = groups
        .into_iter()
        .filter(|group| {
            let disputes: HashSet<usize> = group.iter().map(|&node| nodes[node].0).collect();
            disputes.len() >= 2
        })
        .map(|group| {
            let name = nodes[group[0]].1.name.clone();
            let mut seen: HashSet<String> = HashSet::from([name.to_lowercase()]);
            let mut aliases = Vec::new();
            for &node in &group {
                let party = nodes[node].1;
                for other in std::iter::once(&party.name).chain(&party.aliases) {
                    if seen.insert(other.to_lowercase()) {
                        aliases.push(other.clone());
                    }
                }
            }
            let appears_in = group
                .iter()
                .map(|&node| {
                    let (position, party) = nodes[node];
                    Appearance {
                        dispute: entries[position].id.clone(),
                        party: party.id.clone(),
                        role: party.role,
                    }
                })
                .collect();
            SharedParty {
                name,
                aliases,
                appears_in,
            }
        })
        .collect();
    shared.sort_by_cached_key(|party| party.name.to_lowercase());
    shared
}

/// The representative of `node`'s set, halving the path to it on the way.
fn root_of(parent: &mut [usize], mut node: usize) -> usize {
    while parent[node] != node {
        parent[node] = parent[parent[node]];
        node = parent[node];
    }
    node
}

/// What a search looks in: the title, the claim, and every party's name and aliases, one to a
/// line so no word is found across two of them.
fn searched_text(entry: &IndexEntry) -> String {
    let mut text = format!("{}\n{}", entry.title, entry.claim);
    for party in &entry.parties {
        for name in std::iter::once(&party.name).chain(&party.aliases) {
            text.push('\n');
            text.push_str(name);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset;
    use serde_json::{json, Value};

    /// A small valid dispute file: `parties` as (id, name, aliases), the first a claimant and
    /// the second a respondent; one source per publication date given (a value, or none).
    fn dispute_file(
        id: &str,
        as_of: &str,
        parties: &[(&str, &str, &[&str])],
        published: &[Option<&str>],
    ) -> Value {
        let sources: Vec<Value> = (0..published.len().max(1))
            .map(|at| {
                let mut source = json!({
                    "id": format!("report-{at}"),
                    "title": format!("Report {at}"),
                    "kind": "news-report",
                    "text": "A report."
                });
                if let Some(Some(value)) = published.get(at) {
                    let precision = match value.len() {
                        4 => "year",
                        7 => "month",
                        _ => "day",
                    };
                    source["published"] =
                        json!({ "text": value, "precision": precision, "value": value });
                }
                source
            })
            .collect();
        let parties: Vec<Value> = parties
            .iter()
            .map(|(party, name, aliases)| {
                json!({
                    "id": party, "name": name, "aliases": aliases, "kind": "company",
                    "role": "a party", "summary": "A party.", "sources": ["report-0"]
                })
            })
            .collect();
        json!({
            "schema": "dispute-map/1",
            "as_of": as_of,
            "title": format!("The {id} dispute"),
            "summary": "A dispute for the tests.",
            "dispute": {
                "id": id, "title": "A claim", "claim": "breach of contract", "status": "filed",
                "claimants": [parties[0]["id"]], "respondents": [parties[1]["id"]],
                "summary": "A claim.", "sources": ["report-0"]
            },
            "sources": sources,
            "parties": parties,
            "contracts": [], "clauses": [], "statements": [], "events": [], "conflicts": []
        })
    }

    fn read(file: &Value) -> Result<Dataset, Vec<String>> {
        dataset::parse(&file.to_string())
            .map_err(|errors| errors.iter().map(ToString::to_string).collect())
    }

    /// The index of two disputes, the first with these parties of its own and the second
    /// with these, each list's first a claimant and second a respondent.
    fn pair(first: &[(&str, &str, &[&str])], second: &[(&str, &str, &[&str])]) -> DisputeIndex {
        build(&[
            (
                "one.json".to_owned(),
                read(&dispute_file("one", "2026-01-02", first, &[])),
            ),
            (
                "two.json".to_owned(),
                read(&dispute_file("two", "2026-01-01", second, &[])),
            ),
        ])
    }

    const OTHER: (&str, &str, &[&str]) = ("other", "Unrelated Holdings", &[]);
    const THIRD: (&str, &str, &[&str]) = ("third", "Somebody Else", &[]);

    #[test]
    fn parties_are_matched_by_name_and_alias_whatever_their_case_suffix_or_the() {
        let cases: [(&str, (&str, &str, &[&str]), (&str, &str, &[&str])); 7] = [
            ("same name", ("acme", "Acme", &[]), ("acme", "Acme", &[])),
            ("case", ("acme", "ACME", &[]), ("acme", "acme", &[])),
            (
                "legal suffix",
                ("acme", "Acme Corporation", &[]),
                ("acme-inc", "Acme, Inc.", &[]),
            ),
            (
                "a leading the",
                ("acme", "The Acme Group Ltd", &[]),
                ("acme", "Acme Group", &[]),
            ),
            (
                "alias to name",
                ("amazon", "Amazon", &["AWS"]),
                ("aws", "AWS", &[]),
            ),
            (
                "alias to alias",
                ("amazon", "Amazon", &["Amazon Web Services"]),
                ("aws", "AWS", &["amazon web services"]),
            ),
            (
                "possessive and stops",
                ("acme", "Acme Co.", &[]),
                ("acme", "Acme", &[]),
            ),
        ];
        for (name, first, second) in cases {
            let index = pair(&[first, OTHER], &[THIRD, second]);
            assert_eq!(index.parties.len(), 1, "{name}: {:#?}", index.parties);
            let appears: Vec<(&str, &str, Role)> = index.parties[0]
                .appears_in
                .iter()
                .map(|at| (at.dispute.as_str(), at.party.as_str(), at.role))
                .collect();
            assert_eq!(
                appears,
                vec![
                    ("one", first.0, Role::Claimant),
                    ("two", second.0, Role::Respondent)
                ],
                "{name}"
            );
        }
    }

    #[test]
    fn different_names_are_not_matched() {
        let cases: [(&str, (&str, &str, &[&str]), (&str, &str, &[&str])); 5] = [
            (
                "different names",
                ("acme", "Acme", &[]),
                ("apex", "Apex", &[]),
            ),
            (
                "a longer name",
                ("acme", "Acme", &[]),
                ("acme", "Acme Shipping", &[]),
            ),
            (
                "a defined term alias",
                ("tidewater", "Tidewater Ferries", &["the Operator"]),
                ("harbour", "Harbour Lines", &["the Operator"]),
            ),
            (
                "a litigation role alias",
                ("acme", "Acme", &["the Claimant"]),
                ("apex", "Apex", &["Claimant"]),
            ),
            (
                "a public body's kind",
                ("north", "North Harbor", &["the City"]),
                ("south", "South Harbor", &["the City"]),
            ),
        ];
        for (name, first, second) in cases {
            let index = pair(&[first, OTHER], &[THIRD, second]);
            assert!(index.parties.is_empty(), "{name}: {:#?}", index.parties);
        }
    }

    /// Parties join through any key they share, so one keyed like each of two others makes
    /// the three one; and a party appearing in one dispute only is not shared.
    #[test]
    fn matching_carries_through_aliases_and_needs_two_disputes() {
        let index = build(&[
            (
                "a.json".to_owned(),
                read(&dispute_file(
                    "a",
                    "2026-03-01",
                    &[("amazon", "Amazon", &[]), OTHER],
                    &[],
                )),
            ),
            (
                "b.json".to_owned(),
                read(&dispute_file(
                    "b",
                    "2026-02-01",
                    &[THIRD, ("aws", "AWS", &["Amazon", "Amazon Web Services"])],
                    &[],
                )),
            ),
            (
                "c.json".to_owned(),
                read(&dispute_file(
                    "c",
                    "2026-01-01",
                    &[
                        ("web", "Amazon Web Services", &[]),
                        ("lone", "Lone Party", &[]),
                    ],
                    &[],
                )),
            ),
        ]);
        assert_eq!(index.parties.len(), 1, "{:#?}", index.parties);
        let amazon = &index.parties[0];
        assert_eq!(amazon.name, "Amazon");
        assert_eq!(amazon.aliases, vec!["AWS", "Amazon Web Services"]);
        let disputes: Vec<&str> = amazon
            .appears_in
            .iter()
            .map(|at| at.dispute.as_str())
            .collect();
        assert_eq!(disputes, vec!["a", "b", "c"]);
    }

    #[test]
    fn the_sources_dates_give_the_range() {
        let cases: [(&str, &[Option<&str>], Option<&str>, Option<&str>); 5] = [
            ("no dated source", &[None, None], None, None),
            (
                "one date",
                &[Some("2025-09-04")],
                Some("2025-09-04"),
                Some("2025-09-04"),
            ),
            (
                "days out of order",
                &[
                    Some("2026-03-02"),
                    None,
                    Some("2025-11-30"),
                    Some("2026-01-15"),
                ],
                Some("2025-11-30"),
                Some("2026-03-02"),
            ),
            (
                "a month before its days",
                &[Some("2026-03-02"), Some("2026-03")],
                Some("2026-03"),
                Some("2026-03-02"),
            ),
            (
                "years",
                &[Some("2024"), Some("2023")],
                Some("2023"),
                Some("2024"),
            ),
        ];
        for (name, published, from, to) in cases {
            let file = dispute_file("dated", "2026-04-01", &[OTHER, THIRD], published);
            let index = build(&[("dated.json".to_owned(), read(&file))]);
            let entry = &index.disputes[0];
            assert_eq!(
                (entry.sources_from.as_deref(), entry.sources_to.as_deref()),
                (from, to),
                "{name}"
            );
        }
    }

    /// A broken file is an entry, named after its file, with its problems; never dropped, and
    /// listed after every readable dispute.
    #[test]
    fn a_broken_file_is_kept_with_its_problems() {
        let problems = vec!["statements[0].source: no source with id \"ft-report\"".to_owned()];
        let index = build(&[
            (
                "drafts/Acme v Beta (draft).json".to_owned(),
                Err(problems.clone()),
            ),
            (
                "one.json".to_owned(),
                read(&dispute_file("one", "2026-01-01", &[OTHER, THIRD], &[])),
            ),
            ("2026 notes.xlsx".to_owned(), Err(Vec::new())),
        ]);
        let summary: Vec<(&str, &str, &str, bool)> = index
            .disputes
            .iter()
            .map(|entry| {
                (
                    entry.id.as_str(),
                    entry.title.as_str(),
                    entry.file.as_str(),
                    entry.is_broken(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                ("one", "The one dispute", "one.json", false),
                (
                    "acme-v-beta-draft",
                    "Acme v Beta (draft).json",
                    "drafts/Acme v Beta (draft).json",
                    true
                ),
                (
                    "file-2026-notes",
                    "2026 notes.xlsx",
                    "2026 notes.xlsx",
                    true
                ),
            ]
        );
        let broken = &index.disputes[1];
        assert_eq!(broken.problems, problems);
        assert!(broken.parties.is_empty() && broken.claim.is_empty() && broken.as_of.is_empty());
        assert_eq!(broken.statements, 0);
        assert_eq!(index.disputes[2].problems.len(), 1);
        assert!(index.disputes[0].problems.is_empty());
    }

    #[test]
    fn entries_are_newest_first_with_unique_ids() {
        let file = |id: &str, as_of: &str| read(&dispute_file(id, as_of, &[OTHER, THIRD], &[]));
        let index = build(&[
            ("old.json".to_owned(), file("same", "2025-06-01")),
            ("new.json".to_owned(), file("fresh", "2026-06-01")),
            ("copy.json".to_owned(), file("same", "2026-01-01")),
            (
                "same.json".to_owned(),
                Err(vec!["(file): not valid JSON".to_owned()]),
            ),
            ("tie.json".to_owned(), file("tie", "2026-01-01")),
        ]);
        let order: Vec<(&str, &str)> = index
            .disputes
            .iter()
            .map(|entry| (entry.id.as_str(), entry.file.as_str()))
            .collect();
        assert_eq!(
            order,
            vec![
                ("fresh", "new.json"),
                ("same-2", "copy.json"),
                ("tie", "tie.json"),
                ("same", "old.json"),
                ("same-3", "same.json"),
            ]
        );
        assert_eq!(
            index.disputes[1].problems,
            vec!["dispute.id: \"same\" is also the id of the dispute in old.json; indexed as \"same-2\""]
        );
        assert!(index.disputes[4].problems == vec!["(file): not valid JSON"]);
    }

    #[test]
    fn search_keeps_entries_holding_every_word() {
        let index = build(&[
            (
                "cloud.json".to_owned(),
                read(&dispute_file(
                    "cloud",
                    "2026-02-01",
                    &[
                        ("microsoft", "Microsoft", &["Redmond"]),
                        ("openai", "OpenAI", &[]),
                    ],
                    &[],
                )),
            ),
            (
                "ferry.json".to_owned(),
                read(&dispute_file(
                    "ferry",
                    "2026-01-01",
                    &[("city", "Harbor City", &[]), ("cafe", "Café Marée", &[])],
                    &[],
                )),
            ),
            (
                "broken.json".to_owned(),
                Err(vec!["(file): broken".to_owned()]),
            ),
        ]);
        let cases: [(&str, &[usize]); 11] = [
            ("", &[0, 1, 2]),
            ("   ", &[0, 1, 2]),
            ("microsoft", &[0]),
            ("MICROSOFT openai", &[0]),
            ("redmond", &[0]),
            ("breach", &[0, 1]),
            ("cloud dispute", &[0]),
            ("microsoft harbor", &[]),
            ("marée", &[1]),
            ("maree", &[]),
            ("broken.json", &[2]),
        ];
        for (query, expected) in cases {
            assert_eq!(index.search(query), expected, "{query:?}");
        }
    }

    #[test]
    fn also_in_names_the_other_disputes_and_the_role_there() {
        let index = build(&[
            (
                "one.json".to_owned(),
                read(&dispute_file(
                    "one",
                    "2026-03-01",
                    &[("microsoft", "Microsoft", &[]), ("openai", "OpenAI", &[])],
                    &[],
                )),
            ),
            (
                "two.json".to_owned(),
                read(&dispute_file(
                    "two",
                    "2026-02-01",
                    &[
                        ("redwater", "Redwater", &[]),
                        ("msft", "Microsoft Corp.", &[]),
                    ],
                    &[],
                )),
            ),
            (
                "three.json".to_owned(),
                read(&dispute_file(
                    "three",
                    "2026-01-01",
                    &[
                        ("ms", "microsoft", &[]),
                        ("kestrel", "Kestrel", &[]),
                        ("openai", "OpenAI", &[]),
                    ],
                    &[],
                )),
            ),
        ]);
        let roles = |dispute: &str, party: &str| -> Vec<(String, String, Role)> {
            index
                .also_in(dispute, party)
                .into_iter()
                .map(|at| (at.dispute.clone(), at.party.clone(), at.role))
                .collect()
        };
        let owned = |dispute: &str, party: &str, role| (dispute.to_owned(), party.to_owned(), role);
        let cases = [
            (
                "claimant here, respondent and party elsewhere",
                ("one", "microsoft"),
                vec![
                    owned("two", "msft", Role::Respondent),
                    owned("three", "ms", Role::Claimant),
                ],
            ),
            (
                "from another dispute",
                ("two", "msft"),
                vec![
                    owned("one", "microsoft", Role::Claimant),
                    owned("three", "ms", Role::Claimant),
                ],
            ),
            (
                "a party",
                ("three", "openai"),
                vec![owned("one", "openai", Role::Respondent)],
            ),
            ("in no other dispute", ("three", "kestrel"), vec![]),
            ("no such party", ("one", "nobody"), vec![]),
            ("no such dispute", ("four", "microsoft"), vec![]),
        ];
        for (name, (dispute, party), expected) in cases {
            assert_eq!(roles(dispute, party), expected, "{name}");
        }
        assert_eq!(
            index.entry("three").unwrap().parties[2].role,
            Role::Party,
            "neither claimant nor respondent"
        );
    }

    #[test]
    fn an_index_reads_back_as_written() {
        let index = pair(
            &[("acme", "Acme", &[]), OTHER],
            &[THIRD, ("acme", "ACME Inc", &[])],
        );
        let text = serde_json::to_string_pretty(&index).unwrap();
        assert_eq!(parse(&text), Ok(index));
    }

    #[test]
    fn parse_errors_name_their_path() {
        let index = pair(
            &[("acme", "Acme", &[]), OTHER],
            &[THIRD, ("acme", "Acme", &[])],
        );
        let written = serde_json::to_value(&index).unwrap();
        type Change = Box<dyn Fn(&mut Value)>;
        let cases: Vec<(&str, Change, &str)> = vec![
            (
                "another schema",
                Box::new(|value| value["schema"] = json!("dispute-index/2")),
                "schema: expected \"dispute-index/1\", found \"dispute-index/2\"",
            ),
            (
                "an unknown status",
                Box::new(|value| value["disputes"][1]["status"] = json!("won")),
                "disputes[1].status: unknown variant `won`",
            ),
            (
                "an unknown field",
                Box::new(|value| value["disputes"][0]["parties"][1]["nickname"] = json!("X")),
                "disputes[0].parties[1].nickname: unknown field `nickname`",
            ),
            (
                "a count that is not one",
                Box::new(|value| value["disputes"][0]["statements"] = json!(-1)),
                "disputes[0].statements: invalid value: integer `-1`",
            ),
            (
                "a missing field",
                Box::new(|value| {
                    value["parties"][0]["appears_in"][0]
                        .as_object_mut()
                        .unwrap()
                        .remove("role");
                }),
                "parties[0].appears_in[0]: missing field `role`",
            ),
            (
                "an appearance in no entry",
                Box::new(|value| value["parties"][0]["appears_in"][1]["dispute"] = json!("gone")),
                "parties[0].appears_in[1].dispute: no dispute with id \"gone\"",
            ),
            (
                "an appearance of no party of its entry",
                Box::new(|value| value["parties"][0]["appears_in"][0]["party"] = json!("ghost")),
                "parties[0].appears_in[0].party: dispute \"one\" has no party with id \"ghost\"",
            ),
            (
                "two entries with one id",
                Box::new(|value| value["disputes"][1]["id"] = json!("one")),
                "disputes[1].id: \"one\" is also the id of disputes[0]",
            ),
            (
                "not an object",
                Box::new(|value| *value = json!([1, 2])),
                "(file): the top level must be an object, found an array",
            ),
        ];
        for (name, change, expected) in cases {
            let mut value = written.clone();
            change(&mut value);
            let problems = parse(&value.to_string()).expect_err(name);
            assert!(
                problems.iter().any(|problem| problem.starts_with(expected)),
                "{name}: expected a problem starting {expected:?}, got {problems:#?}"
            );
        }
        let not_json = parse("{ \"schema\": ").unwrap_err();
        assert!(not_json[0].contains("EOF while parsing"), "{not_json:?}");
    }

    #[test]
    fn file_names_become_ids() {
        let cases = [
            ("broken.json", "broken"),
            ("Acme v Beta (draft).json", "acme-v-beta-draft"),
            ("2026-notes.xlsx", "file-2026-notes"),
            ("___.json", "file"),
            (".json", "json"),
            ("Café.json", "caf"),
            ("no-extension", "no-extension"),
        ];
        for (name, id) in cases {
            assert_eq!(id_from_file_name(name), id, "{name}");
            assert!(is_valid_id(id), "{id}");
        }
    }
}
