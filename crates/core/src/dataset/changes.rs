//! What changed between two versions of a dispute file: per entity, matched by id, whether it
//! was added, removed or changed, and for a change which fields, with their old and new values.
//! A statement whose id changed but whose source and quote did not is one change (its id), not
//! a removal and an addition.
//!
//! Fields are compared as the file writes them, flattened to dotted paths ("reading.position",
//! "sides.0.statements"); a list of plain values is one field, its items joined. Linear in the
//! size of the files: each collection is indexed by id once.
//!
//! The records (`to_records`, `parse_records`) carry the changes to the screens that show them
//! without a JSON parser: the viewer reads them with `split`.

use crate::model::{DisputeFile, EntityKind};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

/// How one entity changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        }
    }

    pub fn parse(text: &str) -> Option<ChangeKind> {
        [ChangeKind::Added, ChangeKind::Removed, ChangeKind::Changed]
            .into_iter()
            .find(|kind| kind.as_str() == text)
    }
}

/// One field of a changed entity: its dotted path, and its value before and after (absent
/// when the field was not there).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// One entity added, removed or changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    #[serde(serialize_with = "kind_name")]
    pub kind: EntityKind,
    /// Its id in the newer file (in the older one when removed).
    pub id: String,
    #[serde(rename = "change", serialize_with = "change_name")]
    pub change: ChangeKind,
    /// Its name, title or quote, for a reader.
    pub name: String,
    /// The fields that changed (empty when added or removed).
    pub fields: Vec<FieldChange>,
}

fn kind_name<S: serde::Serializer>(kind: &EntityKind, to: S) -> Result<S::Ok, S::Error> {
    to.serialize_str(kind.as_str())
}

fn change_name<S: serde::Serializer>(change: &ChangeKind, to: S) -> Result<S::Ok, S::Error> {
    to.serialize_str(change.as_str())
}

/// An entity as flat fields: dotted path to value as written.
type Flat = BTreeMap<String, String>;

fn flatten(value: &Value, path: &str, into: &mut Flat) {
    let key = |name: &str| {
        if path.is_empty() {
            name.to_owned()
        } else {
            format!("{path}.{name}")
        }
    };
    match value {
        Value::Null => {}
        Value::Object(map) => {
            for (name, value) in map {
                flatten(value, &key(name), into);
            }
        }
        Value::Array(items)
            if items
                .iter()
                .all(|item| !item.is_object() && !item.is_array()) =>
        {
            if !items.is_empty() {
                let words: Vec<String> = items.iter().map(plain).collect();
                into.insert(path.to_owned(), words.join(", "));
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                flatten(item, &key(&index.to_string()), into);
            }
        }
        other => {
            into.insert(path.to_owned(), plain(other));
        }
    }
}

fn plain(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// One entity of a file, ready to compare.
struct Entry {
    kind: EntityKind,
    id: String,
    name: String,
    flat: Flat,
}

fn entries(file: &DisputeFile) -> Vec<Entry> {
    fn each<T: Serialize>(
        kind: EntityKind,
        items: &[T],
        id: impl Fn(&T) -> String,
        into: &mut Vec<Entry>,
    ) {
        for item in items {
            let value = serde_json::to_value(item).unwrap_or(Value::Null);
            let mut flat = Flat::new();
            flatten(&value, "", &mut flat);
            flat.remove("id");
            let name = ["name", "title", "label", "quote"]
                .iter()
                .find_map(|field| flat.get(*field).cloned())
                .unwrap_or_else(|| id(item));
            into.push(Entry {
                kind,
                id: id(item),
                name,
                flat,
            });
        }
    }
    let mut into = Vec::new();
    // The dispute, with the file's own title and summary beside it.
    let mut dispute = Vec::new();
    each(
        EntityKind::Dispute,
        std::slice::from_ref(&file.dispute),
        |dispute| dispute.id.to_string(),
        &mut dispute,
    );
    for entry in &mut dispute {
        entry
            .flat
            .insert("file title".to_owned(), file.title.clone());
        entry
            .flat
            .insert("file summary".to_owned(), file.summary.clone());
    }
    into.extend(dispute);
    each(
        EntityKind::Source,
        &file.sources,
        |x| x.id.to_string(),
        &mut into,
    );
    each(
        EntityKind::Party,
        &file.parties,
        |x| x.id.to_string(),
        &mut into,
    );
    each(
        EntityKind::Contract,
        &file.contracts,
        |x| x.id.to_string(),
        &mut into,
    );
    each(
        EntityKind::Clause,
        &file.clauses,
        |x| x.id.to_string(),
        &mut into,
    );
    each(
        EntityKind::Statement,
        &file.statements,
        |x| x.id.to_string(),
        &mut into,
    );
    each(
        EntityKind::Event,
        &file.events,
        |x| x.id.to_string(),
        &mut into,
    );
    each(
        EntityKind::Conflict,
        &file.conflicts,
        |x| x.id.to_string(),
        &mut into,
    );
    into
}

fn field_changes(old: &Flat, new: &Flat) -> Vec<FieldChange> {
    let mut fields = Vec::new();
    for (field, before) in old {
        match new.get(field) {
            Some(after) if after == before => {}
            after => fields.push(FieldChange {
                field: field.clone(),
                old: Some(before.clone()),
                new: after.cloned(),
            }),
        }
    }
    for (field, after) in new {
        if !old.contains_key(field) {
            fields.push(FieldChange {
                field: field.clone(),
                old: None,
                new: Some(after.clone()),
            });
        }
    }
    fields.sort_by(|a, b| a.field.cmp(&b.field));
    fields
}

/// What changed from `old` to `new`, in the order of the newer file's kinds (the dispute,
/// sources, parties, contracts, clauses, statements, events, conflicts), each kind's changes
/// in file order, removed ones after the others of their kind.
pub fn changes(old: &DisputeFile, new: &DisputeFile) -> Vec<Change> {
    let old_entries = entries(old);
    let new_entries = entries(new);
    let old_by_id: HashMap<(EntityKind, &str), usize> = old_entries
        .iter()
        .enumerate()
        .map(|(index, entry)| ((entry.kind, entry.id.as_str()), index))
        .collect();
    let mut matched = vec![false; old_entries.len()];
    let mut found: Vec<(usize, Change)> = Vec::new();
    let mut added: Vec<usize> = Vec::new();
    for (index, entry) in new_entries.iter().enumerate() {
        // The dispute is one whatever its id.
        let before = if entry.kind == EntityKind::Dispute {
            old_entries
                .iter()
                .position(|old| old.kind == EntityKind::Dispute)
        } else {
            old_by_id.get(&(entry.kind, entry.id.as_str())).copied()
        };
        match before {
            Some(before) => {
                matched[before] = true;
                let mut fields = field_changes(&old_entries[before].flat, &entry.flat);
                if old_entries[before].id != entry.id {
                    fields.insert(0, id_change(&old_entries[before].id, &entry.id));
                }
                if !fields.is_empty() {
                    found.push((index, change(entry, ChangeKind::Changed, fields)));
                }
            }
            None => added.push(index),
        }
    }
    // A statement with a new id and the same source and quote is one that was renamed.
    let quote_key = |entry: &Entry| {
        (entry.kind == EntityKind::Statement).then(|| {
            (
                entry.flat.get("source").cloned().unwrap_or_default(),
                entry.flat.get("quote").cloned().unwrap_or_default(),
            )
        })
    };
    let mut unmatched_quotes: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (index, entry) in old_entries.iter().enumerate() {
        if !matched[index] {
            if let Some(key) = quote_key(entry) {
                unmatched_quotes.entry(key).or_default().push(index);
            }
        }
    }
    for index in added {
        let entry = &new_entries[index];
        let renamed = quote_key(entry)
            .and_then(|key| unmatched_quotes.get_mut(&key))
            .and_then(|candidates| (!candidates.is_empty()).then(|| candidates.remove(0)));
        match renamed {
            Some(before) => {
                matched[before] = true;
                let mut fields = field_changes(&old_entries[before].flat, &entry.flat);
                fields.insert(0, id_change(&old_entries[before].id, &entry.id));
                found.push((index, change(entry, ChangeKind::Changed, fields)));
            }
            None => found.push((index, change(entry, ChangeKind::Added, Vec::new()))),
        }
    }
    found.sort_by_key(|(index, _)| *index);
    let mut result: Vec<Change> = found.into_iter().map(|(_, change)| change).collect();
    let removed: Vec<Change> = old_entries
        .iter()
        .zip(&matched)
        .filter(|(_, matched)| !**matched)
        .map(|(entry, _)| change(entry, ChangeKind::Removed, Vec::new()))
        .collect();
    // Each removal after the last change of its kind.
    for removal in removed {
        let at = result
            .iter()
            .rposition(|change| kind_order(change.kind) <= kind_order(removal.kind))
            .map_or(0, |at| at + 1);
        result.insert(at, removal);
    }
    result
}

fn kind_order(kind: EntityKind) -> usize {
    [
        EntityKind::Dispute,
        EntityKind::Source,
        EntityKind::Party,
        EntityKind::Contract,
        EntityKind::Clause,
        EntityKind::Statement,
        EntityKind::Event,
        EntityKind::Conflict,
    ]
    .iter()
    .position(|each| *each == kind)
    .unwrap_or(usize::MAX)
}

fn id_change(old: &str, new: &str) -> FieldChange {
    FieldChange {
        field: "id".to_owned(),
        old: Some(old.to_owned()),
        new: Some(new.to_owned()),
    }
}

fn change(entry: &Entry, kind: ChangeKind, fields: Vec<FieldChange>) -> Change {
    Change {
        kind: entry.kind,
        id: entry.id.clone(),
        change: kind,
        name: entry.name.clone(),
        fields,
    }
}

/// Whether two files look like versions of one dispute: they share the dispute's id, or at
/// least one party or source.
pub fn related(old: &DisputeFile, new: &DisputeFile) -> bool {
    old.dispute.id == new.dispute.id
        || new
            .parties
            .iter()
            .any(|party| old.parties.iter().any(|other| other.id == party.id))
        || new
            .sources
            .iter()
            .any(|source| old.sources.iter().any(|other| other.id == source.id))
}

/// A comparison a screen shows: what the dispute is compared with, and the changes, found by
/// entity; or why there is nothing to compare.
#[derive(Debug, Default)]
pub struct Comparison {
    /// What the dispute shown is compared with, in words: "your file older.json".
    pub against: String,
    /// The older file's day (`as_of`).
    pub as_of: String,
    /// The changes as records, for a screen that draws them itself.
    pub records: String,
    pub changes: Vec<Change>,
    /// A word on the pair ("two different disputes"), or empty.
    pub note: String,
    /// Why there is nothing to compare: the older file's problems, one line each.
    pub problems: Vec<String>,
    by_entity: HashMap<(EntityKind, String), usize>,
}

impl Comparison {
    /// The changes given as records.
    pub fn new(against: String, records: &str, as_of: String, note: String) -> Self {
        let changes = parse_records(records);
        let by_entity = changes
            .iter()
            .enumerate()
            .map(|(index, change)| ((change.kind, change.id.clone()), index))
            .collect();
        Comparison {
            against,
            as_of,
            records: records.to_owned(),
            changes,
            note,
            problems: Vec::new(),
            by_entity,
        }
    }

    /// An older file that cannot be compared, with its problems.
    pub fn refused(against: String, problems: Vec<String>) -> Self {
        Comparison {
            against,
            problems,
            ..Comparison::default()
        }
    }

    /// How an entity changed, if it did.
    pub fn change_of(&self, kind: EntityKind, id: &str) -> Option<&Change> {
        self.by_entity
            .get(&(kind, id.to_owned()))
            .map(|index| &self.changes[*index])
    }
}

// Records: one change per record (separated by U+001E), its parts separated by U+001F: kind,
// id, change, name, then for each field its path, its old value and its new value, a value
// written with a leading "=" when present and empty when absent.
const RECORD: char = '\u{1e}';
const PART: char = '\u{1f}';

/// The changes as records, for a screen without a JSON parser.
pub fn to_records(changes: &[Change]) -> String {
    let clean = |text: &str| text.replace([RECORD, PART], " ");
    let value = |value: &Option<String>| {
        value
            .as_ref()
            .map_or(String::new(), |v| format!("={}", clean(v)))
    };
    let mut out = String::new();
    for change in changes {
        if !out.is_empty() {
            out.push(RECORD);
        }
        let mut parts = vec![
            change.kind.as_str().to_owned(),
            clean(&change.id),
            change.change.as_str().to_owned(),
            clean(&change.name),
        ];
        for field in &change.fields {
            parts.push(clean(&field.field));
            parts.push(value(&field.old));
            parts.push(value(&field.new));
        }
        out.push_str(&parts.join(&PART.to_string()));
    }
    out
}

/// Records read back; a malformed record is skipped.
pub fn parse_records(records: &str) -> Vec<Change> {
    let value = |text: &str| text.strip_prefix('=').map(str::to_owned);
    records
        .split(RECORD)
        .filter_map(|record| {
            let mut parts = record.split(PART);
            let kind = EntityKind::parse(parts.next()?)?;
            let id = parts.next()?.to_owned();
            let change = ChangeKind::parse(parts.next()?)?;
            let name = parts.next()?.to_owned();
            let rest: Vec<&str> = parts.collect();
            let fields = rest
                .chunks_exact(3)
                .map(|field| FieldChange {
                    field: field[0].to_owned(),
                    old: value(field[1]),
                    new: value(field[2]),
                })
                .collect();
            Some(Change {
                kind,
                id,
                change,
                name,
                fields,
            })
        })
        .collect()
}

/// An old and a new value cut into pieces, each marked when it is not in the other: words
/// kept in order by both are plain, the rest marked, as the conflicts view marks disagreeing
/// words. The common start and end are found first, so a long text with a small edit costs
/// little; the middle is compared word by word up to a size, past which it is marked whole.
pub fn word_marks(old: &str, new: &str) -> (Vec<(String, bool)>, Vec<(String, bool)>) {
    let words = |text: &str| -> Vec<String> {
        text.split_inclusive(char::is_whitespace)
            .map(str::to_owned)
            .collect()
    };
    let (a, b) = (words(old), words(new));
    let same = |x: &String, y: &String| x.trim_end() == y.trim_end();
    let start = a.iter().zip(&b).take_while(|(x, y)| same(x, y)).count();
    let end = a[start..]
        .iter()
        .rev()
        .zip(b[start..].iter().rev())
        .take_while(|(x, y)| same(x, y))
        .count();
    let (middle_a, middle_b) = (&a[start..a.len() - end], &b[start..b.len() - end]);
    let mut kept_a = vec![false; middle_a.len()];
    let mut kept_b = vec![false; middle_b.len()];
    if middle_a.len() * middle_b.len() <= 250_000 {
        // Longest common subsequence, by the table of suffix lengths.
        let (n, m) = (middle_a.len(), middle_b.len());
        let mut table = vec![0u32; (n + 1) * (m + 1)];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                table[i * (m + 1) + j] = if same(&middle_a[i], &middle_b[j]) {
                    table[(i + 1) * (m + 1) + j + 1] + 1
                } else {
                    table[(i + 1) * (m + 1) + j].max(table[i * (m + 1) + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n && j < m {
            if same(&middle_a[i], &middle_b[j]) {
                kept_a[i] = true;
                kept_b[j] = true;
                i += 1;
                j += 1;
            } else if table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1] {
                i += 1;
            } else {
                j += 1;
            }
        }
    }
    let pieces = |all: &[String], kept: &[bool]| {
        let mut out: Vec<(String, bool)> = Vec::new();
        let marks = (0..all.len())
            .map(|index| index >= start && index < all.len() - end && !kept[index - start]);
        for (word, marked) in all.iter().zip(marks) {
            match out.last_mut() {
                Some((text, last)) if *last == marked => text.push_str(word),
                _ => out.push((word.clone(), marked)),
            }
        }
        out
    };
    (pieces(&a, &kept_a), pieces(&b, &kept_b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DisputeFile;

    fn bundled() -> DisputeFile {
        serde_json::from_str(crate::BUNDLED_DISPUTE).expect("the bundled file reads")
    }

    fn one(changes: &[Change], kind: EntityKind, id: &str) -> Change {
        changes
            .iter()
            .find(|change| change.kind == kind && change.id == id)
            .cloned()
            .unwrap_or_else(|| panic!("no change for {} {id}: {changes:#?}", kind.as_str()))
    }

    #[test]
    fn the_same_file_twice_has_no_changes() {
        assert!(changes(&bundled(), &bundled()).is_empty());
    }

    /// Each edit, made to a copy of the bundled file, and the one change it must give.
    #[test]
    fn each_kind_of_edit_is_one_change_with_its_fields() {
        type Edit = fn(&mut DisputeFile) -> (EntityKind, String, ChangeKind, Vec<&'static str>);
        let cases: Vec<(&str, Edit)> = vec![
            ("a statement added", |file| {
                let mut added = file.statements[0].clone();
                added.id = "new-statement".into();
                added.summary = "Something new".to_owned();
                file.statements.push(added);
                (
                    EntityKind::Statement,
                    "new-statement".into(),
                    ChangeKind::Added,
                    vec![],
                )
            }),
            ("a statement's summary reworded", |file| {
                file.statements[3].summary.push_str(" (reworded)");
                let id = file.statements[3].id.to_string();
                (
                    EntityKind::Statement,
                    id,
                    ChangeKind::Changed,
                    vec!["summary"],
                )
            }),
            ("a conflict removed", |file| {
                let gone = file.conflicts.remove(0);
                (
                    EntityKind::Conflict,
                    gone.id.to_string(),
                    ChangeKind::Removed,
                    vec![],
                )
            }),
            ("a party's role changed", |file| {
                let party = &mut file.parties[1];
                party.role = "respondent, and now also a claimant".to_owned();
                (
                    EntityKind::Party,
                    party.id.to_string(),
                    ChangeKind::Changed,
                    vec!["role"],
                )
            }),
            ("a statement renamed, its quote unchanged", |file| {
                let old = file.statements[5].id.to_string();
                file.statements[5].id = "renamed-statement".into();
                for conflict in &mut file.conflicts {
                    for side in &mut conflict.sides {
                        for statement in &mut side.statements {
                            if statement.as_str() == old {
                                *statement = "renamed-statement".into();
                            }
                        }
                    }
                }
                (
                    EntityKind::Statement,
                    "renamed-statement".into(),
                    ChangeKind::Changed,
                    vec!["id"],
                )
            }),
        ];
        for (name, edit) in cases {
            let old = bundled();
            let mut new = bundled();
            let (kind, id, change, fields) = edit(&mut new);
            let found = changes(&old, &new);
            let own: Vec<&Change> = found.iter().filter(|change| change.kind == kind).collect();
            assert_eq!(own.len(), 1, "{name}: {found:#?}");
            let got = one(&found, kind, &id);
            assert_eq!(got.change, change, "{name}");
            let names: Vec<&str> = got
                .fields
                .iter()
                .map(|field| field.field.as_str())
                .collect();
            assert_eq!(names, fields, "{name}");
        }
    }

    #[test]
    fn a_changed_field_keeps_both_values() {
        let old = bundled();
        let mut new = bundled();
        new.statements[0].summary = "A new summary".to_owned();
        let found = changes(&old, &new);
        let field = &found[0].fields[0];
        assert_eq!(
            field.old.as_deref(),
            Some(old.statements[0].summary.as_str())
        );
        assert_eq!(field.new.as_deref(), Some("A new summary"));
    }

    #[test]
    fn only_the_words_that_differ_are_marked() {
        let (old, new) = word_marks(
            "Microsoft is weighing a lawsuit",
            "Microsoft is preparing a lawsuit now",
        );
        let marked = |pieces: &[(String, bool)]| -> Vec<String> {
            pieces
                .iter()
                .filter(|(_, marked)| *marked)
                .map(|(text, _)| text.trim().to_owned())
                .collect()
        };
        assert_eq!(marked(&old), ["weighing"]);
        assert_eq!(marked(&new), ["preparing", "now"]);
        let joined: String = new.iter().map(|(text, _)| text.as_str()).collect();
        assert_eq!(joined, "Microsoft is preparing a lawsuit now");
        let (old, new) = word_marks("", "A new value");
        assert!(old.is_empty());
        assert_eq!(new, [("A new value".to_owned(), true)]);
    }

    #[test]
    fn records_read_back_as_written() {
        let old = bundled();
        let mut new = bundled();
        new.statements[0].summary = "A new\u{1f} summary".to_owned();
        new.conflicts.remove(1);
        let found = changes(&old, &new);
        let back = parse_records(&to_records(&found));
        assert_eq!(back.len(), found.len());
        assert_eq!(back[0].fields[0].new.as_deref(), Some("A new  summary"));
        assert_eq!(back[1].change, ChangeKind::Removed);
    }

    #[test]
    fn a_large_file_against_an_edited_copy_is_compared() {
        let old = crate::generate::generate(
            crate::generate::Size {
                parties: 200,
                contracts: 400,
                clauses: 800,
                statements: 4000,
            },
            7,
        );
        let mut new = old.clone();
        new.statements.truncate(3990);
        new.parties[0].name.push_str(" Ltd");
        let found = changes(&old, &new);
        assert_eq!(
            found
                .iter()
                .filter(|change| change.change == ChangeKind::Removed)
                .count(),
            10
        );
        assert!(
            found
                .iter()
                .any(|change| change.kind == EntityKind::Party
                    && change.change == ChangeKind::Changed)
        );
    }
}
