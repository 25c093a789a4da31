//! The dispute file as plain serde types. No Leptos, no DOM, no network: what a file says, nothing
//! about how it is checked (`dataset`) or drawn (`layout`, `components`).
//!
//! Every struct denies unknown fields, so a misspelt field is an error rather than silently lost.

mod date;
mod ids;

pub use date::{parse_calendar_value, DatePrecision, ReportedDate, SortKey};
pub use ids::{
    is_valid_id, AnyId, ClauseId, ConflictId, ContractId, DisputeId, EntityKind, EntityRef,
    EventId, PartyId, SourceId, StatementId,
};

use serde::{Deserialize, Serialize};

/// The schema version this build reads.
pub const SCHEMA_VERSION: &str = "dispute-map/1";

/// The file format as a JSON Schema (draft 2020-12), made from these types, so editors check and
/// complete a dispute file as it is written. Shipped as `dispute-map.schema.json`.
#[cfg(feature = "schema")]
pub fn json_schema() -> serde_json::Value {
    let mut schema =
        serde_json::to_value(schemars::schema_for!(DisputeFile)).expect("a schema is plain JSON");
    schema["$id"] = "dispute-map.schema.json".into();
    schema["title"] = "A dispute-map file (dispute-map/1)".into();
    schema["description"] = "One multi-party contract dispute: its sources with their full text, and the parties, contracts, clauses, statements, events and conflicts they support. See docs/schema.md.".into();
    schema
}

/// One dispute file: the dispute, the sources it is built from, and every entity they support.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DisputeFile {
    /// Where editors find the JSON Schema of this format (`dispute-map.schema.json`), so they
    /// validate and complete the file; the app itself does not read it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub json_schema: Option<String>,
    pub schema: String,
    /// The day the file was last checked against its sources (YYYY-MM-DD).
    pub as_of: String,
    pub title: String,
    pub summary: String,
    pub dispute: Dispute,
    pub sources: Vec<Source>,
    pub parties: Vec<Party>,
    pub contracts: Vec<Contract>,
    pub clauses: Vec<Clause>,
    pub statements: Vec<Statement>,
    pub events: Vec<Event>,
    pub conflicts: Vec<Conflict>,
    /// An optional guided walkthrough, step by step.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tour: Vec<TourStep>,
}

impl DisputeFile {
    /// Every entity's kind, position in its collection, and id: the dispute first, then each
    /// collection in file order. Validation and the index both walk the file through this.
    pub fn entity_ids(&self) -> Vec<(EntityKind, usize, &str)> {
        fn each<'a, T>(
            kind: EntityKind,
            items: &'a [T],
            id: impl Fn(&'a T) -> &'a str,
        ) -> impl Iterator<Item = (EntityKind, usize, &'a str)> {
            items
                .iter()
                .enumerate()
                .map(move |(position, item)| (kind, position, id(item)))
        }
        std::iter::once((EntityKind::Dispute, 0, self.dispute.id.as_str()))
            .chain(each(EntityKind::Source, &self.sources, |item| {
                item.id.as_str()
            }))
            .chain(each(EntityKind::Party, &self.parties, |item| {
                item.id.as_str()
            }))
            .chain(each(EntityKind::Contract, &self.contracts, |item| {
                item.id.as_str()
            }))
            .chain(each(EntityKind::Clause, &self.clauses, |item| {
                item.id.as_str()
            }))
            .chain(each(EntityKind::Statement, &self.statements, |item| {
                item.id.as_str()
            }))
            .chain(each(EntityKind::Event, &self.events, |item| {
                item.id.as_str()
            }))
            .chain(each(EntityKind::Conflict, &self.conflicts, |item| {
                item.id.as_str()
            }))
            .collect()
    }
}

/// The claim the file is about: who threatens or brings it against whom, over which terms.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dispute {
    pub id: DisputeId,
    pub title: String,
    /// What is claimed, in the sources' terms ("breach of contract").
    pub claim: String,
    pub status: DisputeStatus,
    pub claimants: Vec<PartyId>,
    pub respondents: Vec<PartyId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contracts: Vec<ContractId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<ClauseId>,
    pub summary: String,
    pub sources: Vec<SourceId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum DisputeStatus {
    Threatened,
    Filed,
    Settled,
    Decided,
    Dropped,
}

impl DisputeStatus {
    /// The status in a few words for the header.
    pub fn label(self) -> &'static str {
        match self {
            DisputeStatus::Threatened => "Threatened, no suit filed",
            DisputeStatus::Filed => "Suit filed",
            DisputeStatus::Settled => "Settled",
            DisputeStatus::Decided => "Decided",
            DisputeStatus::Dropped => "Dropped",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DisputeStatus::Threatened => "threatened",
            DisputeStatus::Filed => "filed",
            DisputeStatus::Settled => "settled",
            DisputeStatus::Decided => "decided",
            DisputeStatus::Dropped => "dropped",
        }
    }
}

/// A report the file quotes from, or an outlet such a report cites.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: SourceId,
    pub title: String,
    /// A few words for column headings ("“Legal action” report"); the title when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_title: Option<String>,
    pub kind: SourceKind,
    /// Where it is published, so a statement's details can link to its sentence there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// When it was published; `None` where the source carries no date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<ReportedDate>,
    /// Upstream sources this one says it relies on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cites: Vec<SourceId>,
    /// The file the text was taken from, for the record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The full text, exactly as published; statements quote from it verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// A news article.
    NewsReport,
    /// An outlet that a report cites but whose own text the file does not hold.
    CitedOutlet,
    /// A company's own announcement.
    PressRelease,
    /// A court or regulatory document.
    Filing,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::NewsReport => "news-report",
            SourceKind::CitedOutlet => "cited-outlet",
            SourceKind::PressRelease => "press-release",
            SourceKind::Filing => "filing",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SourceKind::NewsReport => "news report",
            SourceKind::CitedOutlet => "cited outlet",
            SourceKind::PressRelease => "press release",
            SourceKind::Filing => "filing",
        }
    }
}

/// A company, person or group with a role in the story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Party {
    pub id: PartyId,
    pub name: String,
    pub kind: PartyKind,
    /// Other names the sources use ("AWS").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Its role in this dispute, in a few words ("claimant", "permitted partner").
    pub role: String,
    pub summary: String,
    pub sources: Vec<SourceId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum PartyKind {
    Company,
    Person,
    Group,
    Government,
}

impl PartyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PartyKind::Company => "company",
            PartyKind::Person => "person",
            PartyKind::Group => "group",
            PartyKind::Government => "government",
        }
    }
}

/// An agreement between two or more parties.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contract {
    pub id: ContractId,
    pub title: String,
    pub kind: ContractKind,
    pub parties: Vec<PartyId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<ReportedDate>,
    /// The value as reported ("$50 billion"); kept as text so no precision is invented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    pub status: ContractStatus,
    pub summary: String,
    pub sources: Vec<SourceId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ContractKind {
    Investment,
    Partnership,
    Commercial,
    Framework,
}

impl ContractKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ContractKind::Investment => "investment",
            ContractKind::Partnership => "partnership",
            ContractKind::Commercial => "commercial",
            ContractKind::Framework => "framework",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ContractStatus {
    Signed,
    NonBinding,
    Announced,
    /// In force, as far as the sources say, with no signing reported.
    InForce,
    /// Carried out, such as an investment made.
    Completed,
    Terminated,
}

impl ContractStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ContractStatus::Signed => "signed",
            ContractStatus::NonBinding => "non-binding",
            ContractStatus::Announced => "announced",
            ContractStatus::InForce => "in-force",
            ContractStatus::Completed => "completed",
            ContractStatus::Terminated => "terminated",
        }
    }
}

/// A term of a contract that the dispute turns on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Clause {
    pub id: ClauseId,
    pub contract: ContractId,
    pub title: String,
    /// Its wording as each source reports it, verbatim from that source.
    pub wording: Vec<Wording>,
    /// How each side reads it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
    /// The question the dispute asks of it.
    pub question: String,
    pub disputed: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Wording {
    pub source: SourceId,
    pub quote: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reading {
    pub party: PartyId,
    pub position: String,
    pub modality: Modality,
    pub statements: Vec<StatementId>,
}

/// Who said or reported what, in which source, in its exact words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub id: StatementId,
    pub speaker: Speaker,
    pub attribution: Attribution,
    pub modality: Modality,
    /// The source whose text holds the quote.
    pub source: SourceId,
    /// The upstream source that source says it relies on for this statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cites: Option<SourceId>,
    /// Ids of the entities it is about, of any kind.
    pub about: Vec<AnyId>,
    /// An exact substring of the source's text.
    pub quote: String,
    /// A short neutral label for lists.
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    /// The party the speaker speaks for or belongs to, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<PartyId>,
    /// Who, as the source puts it ("A Microsoft spokesperson").
    pub description: String,
}

/// How a statement is attributed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Attribution {
    /// A named person or organisation, on the record.
    OnRecord,
    /// An official spokesperson.
    Spokesperson,
    /// People not named ("a person familiar", "people familiar with the deliberations").
    Anonymous,
    /// The outlet reports a party's position or belief in its own words.
    OutletParaphrase,
    /// The outlet's own framing or analysis, attributed to nobody else.
    OutletAnalysis,
}

impl Attribution {
    pub const ALL: [Attribution; 5] = [
        Attribution::OnRecord,
        Attribution::Spokesperson,
        Attribution::Anonymous,
        Attribution::OutletParaphrase,
        Attribution::OutletAnalysis,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Attribution::OnRecord => "on-record",
            Attribution::Spokesperson => "spokesperson",
            Attribution::Anonymous => "anonymous",
            Attribution::OutletParaphrase => "outlet-paraphrase",
            Attribution::OutletAnalysis => "outlet-analysis",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Attribution::OnRecord => "on record",
            Attribution::Spokesperson => "spokesperson",
            Attribution::Anonymous => "anonymous",
            Attribution::OutletParaphrase => "outlet's paraphrase",
            Attribution::OutletAnalysis => "outlet's own analysis",
        }
    }
}

/// Whether the source states something as fact or as possibility ("could", "may").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Modality {
    Asserted,
    Speculative,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Speculative => "speculative",
        }
    }
}

/// A point on the timeline: when it happened, kept apart from who reported it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: EventId,
    pub title: String,
    pub date: ReportedDate,
    pub status: EventStatus,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<PartyId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contracts: Vec<ContractId>,
    pub summary: String,
    /// The sources that report it.
    pub sources: Vec<SourceId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum EventStatus {
    Happened,
    Ongoing,
    Expected,
}

impl EventStatus {
    pub fn label(self) -> &'static str {
        match self {
            EventStatus::Happened => "happened",
            EventStatus::Ongoing => "under way",
            EventStatus::Expected => "expected",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::Happened => "happened",
            EventStatus::Ongoing => "ongoing",
            EventStatus::Expected => "expected",
        }
    }
}

/// Where sources disagree or differ in scope.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub id: ConflictId,
    pub title: String,
    pub kind: ConflictKind,
    /// What differs, in one or two sentences.
    pub difference: String,
    pub sides: Vec<ConflictSide>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<AnyId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ConflictKind {
    /// Different numbers for the same thing.
    Figure,
    /// Different dates or timing.
    Timing,
    /// The same term or deal described as wider or narrower.
    Scope,
    /// Different accounts of who said it or how it is sourced.
    Attribution,
    /// One source states as fact what the other marks as possible, or frames it differently.
    Framing,
}

impl ConflictKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ConflictKind::Figure => "figure",
            ConflictKind::Timing => "timing",
            ConflictKind::Scope => "scope",
            ConflictKind::Attribution => "attribution",
            ConflictKind::Framing => "framing",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConflictSide {
    pub source: SourceId,
    /// What this side says, in a few words.
    pub position: String,
    /// Whether the side's source states its position or hedges it; `asserted` needs at least one
    /// asserted statement among `statements`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<Modality>,
    pub statements: Vec<StatementId>,
    /// The words where the sides disagree, each exactly as it stands in the quote of one of
    /// `statements`; the conflicts view marks them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlight: Vec<String>,
}

/// One step of the guided walkthrough: the editors' own words, the view and the entity the step
/// shows, and the statements that back its words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TourStep {
    pub title: String,
    /// A short text in the dataset's own words: shown as the editors' text, never as a quote.
    pub text: String,
    pub view: View,
    /// The id of the entity the step selects, of any kind.
    pub entity: AnyId,
    /// The statements every claim in `text` rests on.
    pub statements: Vec<StatementId>,
}

/// The views of the same data.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum View {
    #[default]
    Map,
    Timeline,
    Conflicts,
    List,
    /// What changed since another version of the dispute: open while a comparison is. Never
    /// part of a file (a tour step cannot open it).
    #[serde(skip)]
    Changes,
}

impl View {
    pub const ALL: [View; 4] = [View::Map, View::Timeline, View::Conflicts, View::List];

    pub fn as_str(self) -> &'static str {
        match self {
            View::Map => "map",
            View::Timeline => "timeline",
            View::Conflicts => "conflicts",
            View::List => "list",
            View::Changes => "changes",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            View::Map => "Map",
            View::Timeline => "Timeline",
            View::Conflicts => "Conflicts",
            View::List => "List",
            View::Changes => "Changes",
        }
    }

    pub fn parse(text: &str) -> Option<View> {
        View::ALL
            .into_iter()
            .chain([View::Changes])
            .find(|view| view.as_str() == text)
    }
}
