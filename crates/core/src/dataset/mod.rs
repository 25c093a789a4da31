//! Parse and validate a dispute file into an indexed `Dataset`.
//!
//! Two passes. The structural pass decodes each entry on its own, so one malformed entry costs one
//! error and the rest are still checked. The semantic pass then checks ids, references, quotes and
//! dates across the whole file. Every error names its JSON path and the offending value, and all of
//! them are returned, not only the first.

use crate::model::{
    Clause, Conflict, Contract, Dispute, DisputeFile, EntityKind, EntityRef, Event, Party, Source,
    Statement,
};
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

mod annotations;
mod chains;
pub mod changes;
mod check;
mod decode;
#[cfg(test)]
mod fuzz;
mod query;
mod verbatim;
mod warnings;

pub use annotations::{quoted as json_string, text_fragment};
pub use chains::{Chain, OriginKind, Reach};
pub use changes::{changes, Change, ChangeKind, FieldChange};
pub use query::{unicode_lowercase, Filter, Kept, Lowercase};

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
    /// What is worth a second look but does not stop the file from being shown: a hedge missing
    /// from a speculative statement's summary, direction-changing characters, a number in the
    /// editors' words that no quote holds.
    pub warnings: Vec<ValidationError>,
    /// Every id in the file: its kind, its position in that kind's collection and in the
    /// search index. Shared with the search results, which answer by id.
    entities: Arc<HashMap<String, Slot>>,
    statements_about: HashMap<String, Vec<usize>>,
    statements_by_party: HashMap<String, Vec<usize>>,
    clauses_by_contract: HashMap<String, Vec<usize>>,
    /// Statements by the source they are reported in or cite.
    statements_by_source: HashMap<String, Vec<usize>>,
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

/// Parses and validates `text`, returning the dataset or every error found.
pub fn parse(text: &str) -> Result<Dataset, Vec<ValidationError>> {
    Unchecked::of(text)?.check(text)
}

/// A file's text decoded into its entries but not yet checked: the first of `parse`'s two
/// steps, for a caller that runs them in tasks of their own (the app on a slow phone). It holds
/// no dataset: only `check` makes one, with every check `parse` makes.
pub struct Unchecked(decode::Decoded);

impl Unchecked {
    /// The structural pass over `text`, or what stops it (not JSON, not an object, no dispute).
    pub fn of(text: &str) -> Result<Unchecked, Vec<ValidationError>> {
        decode::decode(text).map(Unchecked).map_err(capped)
    }

    /// The checks of references, ids and quotes, then the indexes: the dataset, or every
    /// error found. `text` is the text this was decoded from (the warnings read it again).
    pub fn check(self, text: &str) -> Result<Dataset, Vec<ValidationError>> {
        let decoded = self.0;
        let mut errors = decoded.errors.clone();
        check::check(&decoded, &mut errors);
        if !errors.is_empty() {
            return Err(capped(errors));
        }
        let warnings = capped(warnings::warnings(&decoded.file, text));
        Ok(Dataset::index(decoded.file, warnings))
    }
}

/// A file's bytes as text, by one rule for every way a file comes in (an address, the file
/// picker, a drop): UTF-8, with or without a byte order mark, or UTF-16 with its byte order mark
/// (Windows Notepad's "Unicode"). A file of another kind (an image, a PDF, a Word document) is
/// named by its first bytes; text in no encoding the app reads is named with where it goes
/// wrong, rather than guessed at.
pub fn text_of(bytes: Vec<u8>) -> Result<String, String> {
    decode_text(bytes).map(|(text, _)| text)
}

/// What the app opens, for a message about a file it does not.
const WHAT_OPENS: &str = "the app opens dispute files: JSON (.json, the format in docs/schema.md) or spreadsheets (.xlsx, .xls, .ods)";

/// `text_of`, with a note to show beside the file when it was read as UTF-16.
pub fn decode_text(bytes: Vec<u8>) -> Result<(String, Option<String>), String> {
    if let Some(kind) = sniff(&bytes) {
        return Err(format!(
            "the file is {kind}, not a dispute file; {WHAT_OPENS}"
        ));
    }
    let utf16 = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(u16::from_le_bytes as fn([u8; 2]) -> u16),
        Some([0xFE, 0xFF]) => Some(u16::from_be_bytes as fn([u8; 2]) -> u16),
        _ => None,
    };
    if let Some(unit) = utf16 {
        if bytes.len() % 2 != 0 {
            return Err("the file starts as UTF-16 text but ends in half a character; save it again as UTF-8".to_owned());
        }
        let units = bytes[2..]
            .chunks_exact(2)
            .map(|pair| unit([pair[0], pair[1]]));
        let text: String = char::decode_utf16(units)
            .enumerate()
            .map(|(at, decoded)| {
                decoded.map_err(|_| format!("the file is UTF-16 text with a broken character at byte {}; save it again as UTF-8", 2 + at * 2))
            })
            .collect::<Result<_, _>>()?;
        return Ok((
            text,
            Some("the file is UTF-16 text; it was read as such, but saving it as UTF-8 makes it half the size and readable by more tools".to_owned()),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|problem| {
        format!(
            "the file is not UTF-8 text (invalid bytes at byte {}); save it as UTF-8",
            problem.utf8_error().valid_up_to()
        )
    })?;
    if looks_like_html(&text) {
        return Err(format!(
            "the file is a web page (HTML), not a dispute file; {WHAT_OPENS}"
        ));
    }
    Ok((
        match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        },
        None,
    ))
}

/// What kind of file its first bytes say it is, for the common ones picked by mistake.
fn sniff(bytes: &[u8]) -> Option<&'static str> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"\x89PNG\r\n\x1a\n") {
        Some("a PNG image")
    } else if starts(&[0xFF, 0xD8, 0xFF]) {
        Some("a JPEG image")
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        Some("a GIF image")
    } else if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Some("a WebP image")
    } else if starts(b"%PDF-") {
        Some("a PDF document")
    } else if starts(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some("an older Office document (.doc, .xls or .ppt); a spreadsheet opens when its name ends in .xls")
    } else if starts(b"PK\x03\x04") {
        // The names of a zip's first entries are stored as they are: enough to tell an Office
        // file from any other archive.
        let head = &bytes[..bytes.len().min(64 * 1024)];
        let holds = |name: &[u8]| head.windows(name.len()).any(|window| window == name);
        Some(if holds(b"word/") {
            "a Word document"
        } else if holds(b"ppt/") {
            "a PowerPoint presentation"
        } else if holds(b"xl/") || holds(b"content.xml") {
            "a spreadsheet; open it with a name that ends in .xlsx or .ods"
        } else {
            "a zip archive"
        })
    } else if starts(&[0x1F, 0x8B]) {
        Some("a gzip-compressed file; decompress it first")
    } else {
        None
    }
}

fn looks_like_html(text: &str) -> bool {
    let start: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

/// At most this many problems are listed; the rest are counted.
pub const MAX_LISTED: usize = 200;

/// The first `MAX_LISTED` problems, and a last line counting the rest: a file with 100,000
/// duplicate ids needs its first few fixed, not a list the reader cannot get through.
fn capped(mut problems: Vec<ValidationError>) -> Vec<ValidationError> {
    if problems.len() > MAX_LISTED {
        let rest = problems.len() - MAX_LISTED;
        problems.truncate(MAX_LISTED);
        problems.push(error(
            "(file)",
            format!("and {rest} more problems not listed here; fix these and check again"),
        ));
    }
    problems
}

impl Dataset {
    fn index(file: DisputeFile, warnings: Vec<ValidationError>) -> Dataset {
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
        let mut statements_by_source: HashMap<String, Vec<usize>> = HashMap::new();
        for (position, statement) in file.statements.iter().enumerate() {
            for source in std::iter::once(&statement.source).chain(&statement.cites) {
                statements_by_source
                    .entry(source.0.clone())
                    .or_default()
                    .push(position);
            }
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
            warnings,
            entities: Arc::new(entities),
            search: OnceLock::new(),
            statements_about,
            statements_by_party,
            statements_by_source,
            clauses_by_contract,
            contracts_by_party,
            conflicts_by_entity,
        }
    }

    /// Builds the search index now rather than on the first search: for a moment when nothing
    /// else is waiting, after the map is on screen.
    pub fn prepare_search(&self, lowercase: Lowercase) {
        self.search(lowercase);
    }

    fn search(&self, lowercase: Lowercase) -> &query::SearchIndex {
        self.search
            .get_or_init(|| query::SearchIndex::build(&self.file, &self.entities, lowercase))
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

    /// The position of an entity in its kind's collection.
    pub fn position_of(&self, id: &str) -> Option<usize> {
        self.entities.get(id).map(|slot| slot.position)
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

    /// The id of the entity at `position` in the collection of `kind`.
    pub fn id_at(&self, kind: EntityKind, position: usize) -> &str {
        let file = &self.file;
        match kind {
            EntityKind::Party => file.parties[position].id.as_str(),
            EntityKind::Contract => file.contracts[position].id.as_str(),
            EntityKind::Clause => file.clauses[position].id.as_str(),
            EntityKind::Statement => file.statements[position].id.as_str(),
            EntityKind::Source => file.sources[position].id.as_str(),
            EntityKind::Event => file.events[position].id.as_str(),
            EntityKind::Conflict => file.conflicts[position].id.as_str(),
            EntityKind::Dispute => file.dispute.id.as_str(),
        }
    }

    /// A short human name for any entity: a party's name, a statement's summary, a source's
    /// short title, a title.
    pub fn label(&self, id: &str) -> Option<&str> {
        let Slot { kind, position, .. } = *self.entities.get(id)?;
        let file = &self.file;
        Some(match kind {
            EntityKind::Party => &file.parties[position].name,
            EntityKind::Contract => &file.contracts[position].title,
            EntityKind::Clause => &file.clauses[position].title,
            EntityKind::Statement => &file.statements[position].summary,
            EntityKind::Source => {
                let source = &file.sources[position];
                source.short_title.as_ref().unwrap_or(&source.title)
            }
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

    /// Events the reports describe as under way, in file order: with the dispute's status, what
    /// the header's status line says.
    pub fn ongoing(&self) -> impl Iterator<Item = &Event> {
        self.file
            .events
            .iter()
            .filter(|event| event.status == crate::model::EventStatus::Ongoing)
    }

    /// The statements by or about this entity, each once, in file order.
    pub fn statements_concerning(&self, id: &str) -> Vec<&Statement> {
        let mut positions: Vec<usize> = self
            .lookup(&self.statements_about, id)
            .chain(self.lookup(&self.statements_by_party, id))
            .collect();
        positions.sort_unstable();
        positions.dedup();
        positions
            .into_iter()
            .map(|position| &self.file.statements[position])
            .collect()
    }

    /// Statements by who speaks: one group per party whose people speak, in the order they
    /// first do, then the outlets' own words (speakers who speak for no party).
    pub fn by_speaker<'a>(
        &'a self,
        statements: impl IntoIterator<Item = &'a Statement>,
    ) -> Vec<(Option<&'a str>, Vec<&'a Statement>)> {
        let mut groups: Vec<(Option<&'a str>, Vec<&'a Statement>)> = Vec::new();
        let mut group_of: HashMap<Option<&'a str>, usize> = HashMap::new();
        for statement in statements {
            let party = statement.speaker.party.as_ref().map(|party| party.as_str());
            let group = *group_of.entry(party).or_insert_with(|| {
                groups.push((party, Vec::new()));
                groups.len() - 1
            });
            groups[group].1.push(statement);
        }
        groups.sort_by_key(|(party, _)| party.is_none());
        groups
    }

    /// Statements that cite this source upstream or are reported in it.
    pub fn statements_in<'a>(
        &'a self,
        source: &'a str,
    ) -> impl Iterator<Item = &'a Statement> + 'a {
        self.lookup(&self.statements_by_source, source)
            .map(|position| &self.file.statements[position])
    }

    /// The positions of the statements reported in or citing a source, in file order.
    pub fn statement_positions_in<'a>(&'a self, source: &str) -> impl Iterator<Item = usize> + 'a {
        self.lookup(&self.statements_by_source, source)
    }

    /// Where a statement's quote stands in its source's text (byte offsets).
    pub fn quote_range(&self, statement: &Statement) -> Option<Range<usize>> {
        let text = self.source(statement.source.as_str())?.text.as_deref()?;
        let start = text.find(&statement.quote)?;
        Some(start..start + statement.quote.len())
    }

    /// A statement's quote in its paragraph, cut to about `room` bytes on each side at a word
    /// boundary: what the details panel shows first, so the quote is on screen without scrolling.
    pub fn quote_in_context(
        &self,
        statement: &Statement,
        room: usize,
    ) -> Option<QuoteInContext<'_>> {
        let text = self.source(statement.source.as_str())?.text.as_deref()?;
        let range = self.quote_range(statement)?;
        let paragraph_start = text[..range.start].rfind('\n').map_or(0, |at| at + 1);
        let paragraph_end = text[range.end..]
            .find('\n')
            .map_or(text.len(), |at| range.end + at);
        let mut start = paragraph_start;
        if range.start - paragraph_start > room {
            let from = floor_boundary(text, range.start - room);
            start = text[from..range.start]
                .find(' ')
                .map_or(from, |at| from + at + 1);
        }
        let mut end = paragraph_end;
        if paragraph_end - range.end > room {
            let to = floor_boundary(text, range.end + room);
            end = text[range.end..to]
                .rfind(' ')
                .map_or(to, |at| range.end + at);
        }
        Some(QuoteInContext {
            before: &text[start..range.start],
            quote: &text[range.clone()],
            after: &text[range.end..end],
            cut_before: start > paragraph_start,
            cut_after: end < paragraph_end,
            paragraph: text[..range.start].matches('\n').count() + 1,
        })
    }

    fn lookup<'a>(
        &'a self,
        index: &'a HashMap<String, Vec<usize>>,
        id: &str,
    ) -> impl Iterator<Item = usize> + 'a {
        index.get(id).into_iter().flatten().copied()
    }
}

/// A quote with the words around it in its paragraph (`Dataset::quote_in_context`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteInContext<'a> {
    pub before: &'a str,
    pub quote: &'a str,
    pub after: &'a str,
    /// Whether the paragraph goes on before `before` or after `after`.
    pub cut_before: bool,
    pub cut_after: bool,
    /// Which line of the source text the quote starts on, from 1.
    pub paragraph: usize,
}

/// A text cut into pieces, each marked or not: the places where any of `phrases` stands are
/// marked (the disagreeing words of a conflict's quote).
pub fn mark_phrases<'a>(text: &'a str, phrases: &[String]) -> Vec<(&'a str, bool)> {
    let mut marked = vec![false; text.len()];
    for phrase in phrases.iter().filter(|phrase| !phrase.is_empty()) {
        for (at, _) in text.match_indices(phrase.as_str()) {
            marked[at..at + phrase.len()]
                .iter_mut()
                .for_each(|byte| *byte = true);
        }
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    for at in 1..=text.len() {
        if at == text.len() || (text.is_char_boundary(at) && marked[at] != marked[start]) {
            pieces.push((&text[start..at], marked[start]));
            start = at;
        }
    }
    pieces
}

/// The nearest character boundary at or before `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn error(path: impl Into<String>, message: impl Into<String>) -> ValidationError {
    ValidationError {
        path: path.into(),
        message: message.into(),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn files_of_other_kinds_are_named_by_their_first_bytes() {
        let cases: [(&[u8], &str); 8] = [
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "a PNG image"),
            (&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "a JPEG image"),
            (b"%PDF-1.7\n%", "a PDF document"),
            (
                b"PK\x03\x04\x14\0\0\0\x08\0[Content_Types].xml word/document.xml",
                "a Word document",
            ),
            (b"PK\x03\x04\x14\0\0\0\x08\0notes.txt", "a zip archive"),
            (
                b"PK\x03\x04\x14\0\0\0\x08\0xl/workbook.xml",
                "a spreadsheet",
            ),
            (b"GIF89a\x01\0", "a GIF image"),
            (b"  <!DOCTYPE html><html><body>", "a web page (HTML)"),
        ];
        for (bytes, kind) in cases {
            let problem = text_of(bytes.to_vec()).expect_err(kind);
            assert!(
                problem.starts_with(&format!("the file is {kind}")),
                "{problem}"
            );
            assert!(problem.contains("the app opens dispute files"), "{problem}");
        }
    }

    #[test]
    fn utf16_with_its_byte_order_mark_is_read_with_a_note() {
        let text = "{\"title\": \"Café – 東京\"}";
        let mut little: Vec<u8> = vec![0xFF, 0xFE];
        little.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let mut big: Vec<u8> = vec![0xFE, 0xFF];
        big.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        for bytes in [little, big] {
            let (read, note) = decode_text(bytes).unwrap();
            assert_eq!(read, text);
            assert!(note.unwrap().contains("UTF-16"));
        }
        assert!(decode_text(vec![0xFF, 0xFE, 0x41])
            .unwrap_err()
            .contains("half a character"));
        assert!(decode_text(vec![0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00])
            .unwrap_err()
            .contains("broken character"));
        assert_eq!(
            decode_text(b"\xEF\xBB\xBF{}".to_vec()).unwrap(),
            ("{}".to_owned(), None)
        );
    }
    use super::*;
    use serde_json::{json, Value};

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
        let examples = [
            ("harbor-city.json", crate::EXAMPLE_DISPUTE),
            (
                "redwater-cloud-credits.json",
                include_str!("../../../../data/examples/redwater-cloud-credits.json"),
            ),
        ];
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
            (
                "reading asserted on others' words",
                Box::new(|value| {
                    let at = position(value, "clauses", "azure-stateless-exclusivity");
                    value["clauses"][at]["readings"][0]["modality"] = json!("asserted");
                    value["clauses"][at]["readings"][0]["statements"] = json!(["a-ft-microsoft-believes-may-breach"]);
                }),
                ".readings[0].modality: \"asserted\" needs at least one asserted statement by \"microsoft\" itself, on record or through a spokesperson; none of its 1 statement is one",
            ),
            (
                "conflict side asserted on hedged statements",
                Box::new(|value| {
                    let at = position(value, "conflicts", "who-is-negotiating");
                    value["conflicts"][at]["sides"][0]["modality"] = json!("asserted");
                }),
                ".modality: \"asserted\" needs at least one asserted statement among the side's statements",
            ),
            (
                "highlight not in the side's quotes",
                Box::new(|value| value["conflicts"][0]["sides"][0]["highlight"] = json!(["a figure nobody gave"])),
                "conflicts[0].sides[0].highlight[0]: \"a figure nobody gave\" is not found verbatim in the quote of any of the side's statements",
            ),
            ("tour step naming nothing", Box::new(|value| value["tour"][1]["entity"] = json!("no-such-thing")), "tour[1].entity: no entity with id \"no-such-thing\""),
            ("tour step backed by nothing", Box::new(|value| value["tour"][0]["statements"] = json!([])), "tour[0].statements: needs at least one statement backing its text"),
            ("tour step with an unknown view", Box::new(|value| value["tour"][0]["view"] = json!("gallery")), "tour[0].view: unknown variant `gallery`, expected one of `map`, `timeline`, `conflicts`, `list`"),
            ("source address that is not a web address", Box::new(|value| value["sources"][0]["url"] = json!("javascript:alert(1)")), "sources[0].url: \"javascript:alert(1)\" is not a web address"),
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

    /// A warning for each way the editors' words could read sharper than the sources, on broken
    /// copies of the real file, which itself has none.
    #[test]
    fn warnings_name_what_to_look_at() {
        assert_eq!(parse(crate::BUNDLED_DISPUTE).unwrap().warnings, vec![]);
        assert_eq!(parse(crate::EXAMPLE_DISPUTE).unwrap().warnings, vec![]);
        let redwater = include_str!("../../../../data/examples/redwater-cloud-credits.json");
        assert_eq!(parse(redwater).unwrap().warnings, vec![]);
        type Change = Box<dyn Fn(&mut Value)>;
        let cases: Vec<(&str, Change, &str)> = vec![
            (
                "a speculative statement summed up as fact",
                Box::new(|value| {
                    let at = position(value, "statements", "a-openai-may-argue-distinct");
                    value["statements"][at]["summary"] = json!("OpenAI: Frontier is distinct from the stateless APIs");
                }),
                ".summary: \"OpenAI: Frontier is distinct from the stateless APIs\" states as fact what the speculative statement \"a-openai-may-argue-distinct\" only hedges",
            ),
            (
                "a direction-changing character",
                Box::new(|value| value["parties"][1]["name"] = json!("OpenAI\u{202E} (year) 2024")),
                "parties[1].name: holds the direction-changing character U+202E",
            ),
            (
                "a figure no source gives",
                Box::new(|value| value["dispute"]["summary"] = json!("Microsoft has invested $11 billion in all.")),
                "dispute.summary: the number 11 stands in no quote",
            ),
        ];
        for (name, change, expected) in cases {
            let mut value = bundled_value();
            change(&mut value);
            let dataset =
                parse(&value.to_string()).unwrap_or_else(|errors| panic!("{name}: {errors:?}"));
            let warnings: Vec<String> = dataset.warnings.iter().map(ToString::to_string).collect();
            assert!(
                warnings.iter().any(|warning| warning.contains(expected)),
                "{name}: expected a warning containing {expected:?}, got {warnings:#?}"
            );
        }
    }

    /// Regression: a lone surrogate in a top-level string was reported as "must be a string,
    /// found null"; in an entry it lost the entry's id, so references to it were reported too.
    #[test]
    fn a_lone_surrogate_is_named_and_keeps_the_entry_id() {
        let mut value = bundled_value();
        value["title"] = json!("LONE-TITLE");
        let at = position(&value, "parties", "amazon");
        value["parties"][at]["summary"] = json!("LONE-SUMMARY");
        let text = value
            .to_string()
            .replace("\"LONE-TITLE\"", "\"\\ud800\"")
            .replace("\"LONE-SUMMARY\"", "\"\\udc00 x\"");
        let errors: Vec<String> = parse(&text)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            errors[0].starts_with("title: is not valid text")
                && errors[0].contains("lone surrogate"),
            "{errors:#?}"
        );
        assert_eq!(
            errors.len(),
            2,
            "no reference to amazon is reported dangling: {errors:#?}"
        );
        assert!(
            errors[1].starts_with(&format!("parties[{at}].summary")),
            "{errors:#?}"
        );
    }

    /// Regression: an entry nested too deep to read lost its id, and every reference to it was
    /// reported as dangling.
    #[test]
    fn an_entry_nested_too_deep_keeps_its_id() {
        let mut value = bundled_value();
        let at = position(&value, "parties", "openai");
        value["parties"][at]["summary"] = json!("DEEP");
        let deep = format!("{}{}", "[".repeat(300), "]".repeat(300));
        let text = value.to_string().replace("\"DEEP\"", &deep);
        let errors: Vec<String> = parse(&text)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert!(
            errors[0].starts_with(&format!("parties[{at}]")),
            "{errors:#?}"
        );
    }

    /// Regression: 99,999 duplicate ids were all listed. The list stops at `MAX_LISTED` and counts
    /// the rest.
    #[test]
    fn a_flood_of_problems_is_capped_with_a_count() {
        let mut value = bundled_value();
        let copy = value["events"][0].clone();
        value["events"] = Value::Array(vec![copy; 1000]);
        let errors = parse(&value.to_string()).unwrap_err();
        assert_eq!(errors.len(), MAX_LISTED + 1);
        let last = errors.last().unwrap().to_string();
        assert!(
            last.starts_with("(file): and ") && last.contains("more problems not listed"),
            "{last}"
        );
    }

    /// The details panel shows a quote inside its paragraph, cut at word boundaries, never
    /// inside a character, with every quote of the bundled file found.
    #[test]
    fn a_quote_in_its_paragraph() {
        let dataset = parse(crate::BUNDLED_DISPUTE).unwrap();
        let statement = dataset.statement("a-person-familiar-will-sue").unwrap();
        let context = dataset.quote_in_context(statement, 80).unwrap();
        assert_eq!(context.quote, statement.quote);
        assert!(context.cut_before && !context.before.starts_with(' '));
        assert!(context.before.len() <= 80 && context.after.len() <= 80);
        for statement in &dataset.file.statements {
            for room in [0, 7, 40, 400] {
                let context = dataset
                    .quote_in_context(statement, room)
                    .expect("every quote is found");
                assert_eq!(context.quote, statement.quote);
                assert!(!context.before.contains('\n') && !context.after.contains('\n'));
            }
        }
    }

    /// Regression: UTF-16 was refused through an address but opened through the file picker.
    /// One rule now for every way in: UTF-8, with or without a byte order mark.
    #[test]
    fn a_file_is_utf8_text_however_it_comes_in() {
        assert_eq!(text_of(b"{}".to_vec()), Ok("{}".to_owned()));
        assert_eq!(text_of(b"\xEF\xBB\xBF{}".to_vec()), Ok("{}".to_owned()));
        assert_eq!(
            text_of(vec![0xFF, 0xFE, b'{', 0, b'}', 0]),
            Ok("{}".to_owned())
        );
        let latin1 = text_of(b"{\"title\": \"Caf\xE9\"}".to_vec()).unwrap_err();
        assert!(
            latin1.starts_with("the file is not UTF-8 text (invalid bytes at byte 14)"),
            "{latin1}"
        );
    }

    #[test]
    fn phrases_are_marked_where_they_stand() {
        let phrases = vec!["$50 billion".to_owned(), "several agreements".to_owned()];
        assert_eq!(
            mark_phrases("a $50 billion deal of several agreements.", &phrases),
            vec![
                ("a ", false),
                ("$50 billion", true),
                (" deal of ", false),
                ("several agreements", true),
                (".", false)
            ]
        );
        assert_eq!(
            mark_phrases("nothing – here", &phrases),
            vec![("nothing – here", false)]
        );
        assert_eq!(mark_phrases("", &phrases), vec![]);
    }
}
