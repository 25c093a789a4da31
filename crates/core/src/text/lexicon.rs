//! The engine's rules as data: every word list it reads an article with, each with why its
//! words are in (and, where a tempting one is out, why). The code that applies them is in the
//! other modules; a change here shows its effect in `./dev score`.

/// A family of words a rule reads an article with: each names one list of this module, so a
/// rule says which family it asks about and every list stays in one place. Each family's line
/// says why its words are in; the comment on its list says more.
macro_rules! families {
    ($($(#[doc = $doc:expr])* $family:ident => $list:ident,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Words {
            $($(#[doc = $doc])* $family,)*
        }

        impl Words {
            /// Every family, for the lexicon's own checks.
            pub const ALL: &'static [Words] = &[$(Words::$family,)*];

            /// The family's words. Inlined, so that a caller asking for one family links that
            /// family's list alone: the viewer, which reads sentences for coverage, carries
            /// none of the engines' other lists.
            #[inline(always)]
            pub fn list(self) -> &'static [&'static str] {
                match self {
                    $(Words::$family => $list,)*
                }
            }
        }
    };
}

families! {
    /// Lines that only label an article (a section, a format): no claim.
    Label => LABELS,
    /// How the lines around an article begin (credits, bylines' companions): no claim.
    FooterOpening => FOOTER_OPENINGS,
    /// What opens a bullet or a list item.
    BulletMarker => BULLET_MARKERS,
    /// Abbreviations before a name, whose stop never ends a sentence ("Mr. Brandt").
    NeverEndBeforeName => NEVER_END_BEFORE_NAME,
    /// Abbreviations whose stop ends a sentence only before a sentence's usual first word.
    MayEndAbbreviation => MAY_END_ABBREVIATIONS,
    /// Words before a number, whose stop never ends a sentence ("No. 5").
    BeforeANumber => BEFORE_A_NUMBER,
    /// First words too common to name a company alone ("General" of General Motors).
    GenericFirstWord => GENERIC_FIRST_WORDS,
    /// Words that usually open a sentence, so a stop before them ends one.
    SentenceStarter => SENTENCE_STARTERS,
    /// Verbs of saying: the speaker said it, in their words or the outlet's.
    SpeechCue => SPEECH_CUES,
    /// Verbs of saying that report speech with nothing after them.
    PlainSpeechCue => PLAIN_SPEECH_CUES,
    /// Cues that are nouns as often, a position only with "that" or an object after.
    NounLikeCue => NOUN_LIKE_CUES,
    /// Participles after a comma that report the subject speaking again.
    SpeakingParticiple => SPEAKING_PARTICIPLES,
    /// Court papers a party speaks through.
    CourtDocument => COURT_DOCUMENTS,
    /// Documents a company speaks through: statements and releases.
    CompanyDocument => COMPANY_DOCUMENTS,
    /// Words a verb of holding a position takes after it when it is one.
    AfterAPosition => AFTER_A_POSITION,
    /// Participles that open the outlet's verdict on what a sentence reports.
    ConsequenceParticiple => CONSEQUENCE_PARTICIPLES,
    /// Verbs of holding a position: the outlet reports what a party argues.
    PositionCue => POSITION_CUES,
    /// Verbs of a party's deliberation, which only the party can know.
    DeliberationVerb => DELIBERATION_VERBS,
    /// Nouns of a party's inner state reported "inside" or "among" it.
    InnerStateNoun => INNER_STATE_NOUNS,
    /// Adjectives of a party's stance ("is confident").
    StanceAdjective => STANCE_ADJECTIVES,
    /// Adverbs and auxiliaries that stand between a speaker and its verb.
    BetweenSpeakerAndVerb => BETWEEN_SPEAKER_AND_VERB,
    /// Words before a verb that make it no claim ("has not commented").
    Negation => NEGATIONS,
    /// Words before a verb that make it hypothetical ("may argue").
    Hypothetical => HYPOTHETICAL,
    /// The marks of a source without a name.
    AnonymityMarker => ANONYMITY_MARKERS,
    /// People a party speaks through without names of their own.
    PeopleNoun => PEOPLE_NOUNS,
    /// Titles of people who speak for the organisation they hold them at.
    SpeaksForTitle => SPEAKS_FOR_TITLES,
    /// Titles that mark a named person.
    Title => TITLES,
    /// Nouns a report uses for "the company last named".
    CompanyNoun => COMPANY_NOUNS,
    /// Outlets reports cite by name.
    Outlet => OUTLETS,
    /// Last words of an outlet's own name ("… Wire", "… Daily").
    OutletNameWord => OUTLET_NAME_WORDS,
    /// Nouns that name an outlet by what it is ("the newspaper").
    OutletNoun => OUTLET_NOUNS,
    /// Words that open a phrase fronted before a clause's subject.
    FrontedOpener => FRONTED_OPENERS,
    /// Hedges: a sentence that holds one is speculative.
    HedgeWord => HEDGE_WORDS,
    /// Relative and subordinating words that end a speaker phrase read leftwards.
    ClauseWord => CLAUSE_WORDS,
    /// Verbs with which a party puts out its own words ("issued the following statement").
    IssuingVerb => ISSUING_VERBS,
    /// Capitalised words that never name a party alone: function words, pronouns, sentence adverbs.
    NotName => NOT_NAMES,
    /// Small words inside a name between its capitalised words ("Port of Brenna", "Procter & Gamble").
    NameConnector => NAME_CONNECTORS,
    /// The days of the week, in full and as newsrooms shorten them.
    Weekday => WEEKDAYS,
    /// Legal forms after a company's name: the same company with or without one.
    LegalSuffix => LEGAL_SUFFIXES,
    /// Last words that make a name a company's ("… Holdings", "… Therapeutics").
    CompanyWord => COMPANY_WORDS,
    /// Words that make a name a government body's.
    GovernmentWord => GOVERNMENT_WORDS,
    /// Words that make a name a group's (a union, an association).
    GroupWord => GROUP_WORDS,
    /// Words that make a name a court's or a judge's: who decides a case is no party to it.
    CourtWord => COURT_WORDS,
    /// Places newsrooms name most (states, countries, regions, big cities): a court's seat or a headquarters is no party.
    PlaceName => PLACE_NAMES,
    /// Nouns after a name that make it a product or a design, not a party.
    ProductNoun => PRODUCT_NOUNS,
    /// Nouns a report describes a party with ("the carrier", "the chipmaker").
    Descriptor => DESCRIPTORS,
    /// Plural nouns that make a capitalised phrase a category of companies, not one of them.
    GenericPlural => GENERIC_PLURALS,
    /// Nouns that make a capitalised phrase an agreement's name ("Tandem Service Agreement").
    AgreementNoun => AGREEMENT_NOUNS,
    /// Nouns of one company's relation to another ("its parent", "a subsidiary").
    RelationWord => RELATION_WORDS,
    /// Participles that make a name before a hyphen a modifier of the name after it ("Softbank-owned Arm").
    ModifierParticiple => MODIFIER_PARTICIPLES,
    /// Words before a name that make it a person's ("Judge", "Mr.", "Chief Executive").
    PersonMarker => PERSON_MARKERS,
    /// People who comment on a dispute without being in it: analysts, reporters, experts.
    CommentatorNoun => COMMENTATOR_NOUNS,
    /// Stock exchanges, whose tickers follow names in brackets ("(Nasdaq: GFS)").
    Exchange => EXCHANGES,
    /// Words that open a noun phrase ("the", "its").
    Determiner => DETERMINERS,
    /// Words of suing: who sues is the claimant, who is sued the respondent.
    SueWord => SUE_WORDS,
    /// Verbs that bring a legal action when a legal noun follows ("filed a lawsuit").
    FileVerb => FILE_VERBS,
    /// Nouns of a legal action ("a lawsuit", "arbitration").
    LegalNoun => LEGAL_NOUNS,
    /// Words of a legal action only threatened or weighed.
    ThreatWord => THREAT_WORDS,
    /// Words of a decision in a case: a verdict, a judgment, a ruling.
    RulingWord => RULING_WORDS,
    /// Words of damages awarded.
    AwardWord => AWARD_WORDS,
    /// Words of a settlement.
    SettleWord => SETTLE_WORDS,
    /// Words of an appeal.
    AppealWord => APPEAL_WORDS,
    /// Words of a legal action dropped.
    DropWord => DROP_WORDS,
    /// Verbs with which parties make an agreement ("signed", "entered into").
    SignWord => SIGN_WORDS,
    /// Verbs with which one party gives another a licence or a right.
    GrantWord => GRANT_WORDS,
    /// Words of one company buying another.
    AcquireWord => ACQUIRE_WORDS,
    /// Words of an agreement or a licence ending.
    TerminateWord => TERMINATE_WORDS,
    /// Words of a breach of an agreement or of a right.
    BreachWord => BREACH_WORDS,
    /// Nouns after "Amazon-OpenAI" that make it two names joined for a relation.
    PairNoun => PAIR_NOUNS,
    /// Prepositions before a name that place something there ("in Delaware").
    PlacePreposition => PLACE_PREPOSITIONS,
    /// Nouns of a region before "of" ("the District of Oregon", "the State of Delaware").
    RegionNoun => REGION_NOUNS,
    /// Participles after "is" that describe a product's purpose ("is designed as").
    DesignedAs => DESIGNED_AS,
    /// Prepositions, conjunctions and auxiliaries: words that follow a name without being a
    /// noun of it.
    FunctionWord => FUNCTION_WORDS,
    /// Phrases of the furniture around a law firm's alert or a newsletter item: no claim.
    FurniturePhrase => FURNITURE_PHRASES,
    /// Words of a timestamp line under a headline ("Updated 9:40 a.m. ET"), besides its date.
    TimestampWord => TIMESTAMP_WORDS,
    /// What a party has that unnamed people are "familiar with" or "close to".
    PartyMind => PARTY_MINDS,
    /// Words that may stand before a document that is a sentence's subject.
    DocumentModifier => DOCUMENT_MODIFIERS,
    /// Words that make a capitalised run an organisation's name, not a person's.
    OrganisationWord => ORGANISATION_WORDS,
    /// Last words a company's name is still known without ("Norrvik" for Norrvik Holdings).
    ParentWord => PARENT_WORDS,
    /// The verb "sue" in its forms, as against its nouns ("suit", "lawsuit").
    SueVerb => SUE_VERBS,
    /// US states as wire style shortens them after a city ("Malta, N.Y.", "Wilmington, Del.").
    StateAbbreviation => STATE_ABBREVIATIONS,
    /// Words of one party investing in another.
    InvestWord => INVEST_WORDS,
    /// Last words that make a capitalised phrase an agreement's own name ("… License Agreement").
    AgreementName => AGREEMENT_NAMES,
    /// Nouns after a name that make it a place of work ("the Brackenford works").
    SiteNoun => SITE_NOUNS,
    /// Nationalities and regions' adjectives: a description, not a name, on their own.
    Nationality => NATIONALITIES,
    /// Titles and honorifics inside a run of capitals, where one name ends and a person's begins.
    NameBreak => NAME_BREAKS,
    /// The roles parties have in a case, written before their names in court papers.
    LitigationRole => LITIGATION_ROLES,
    /// Common acronyms and capitalised terms of trade that name no party.
    CommonAcronym => COMMON_ACRONYMS,
    /// Papers of a case, named in capitals in court writing ("Memorandum Opinion and Order").
    CourtPaper => COURT_PAPERS,
    /// Words after a name that make it a product being launched or sold ("Frontier's launch").
    ProductEvent => PRODUCT_EVENTS,
}

impl Words {
    /// Whether `word` is one of the family's, ignoring ASCII case (inlined, as `list` is).
    #[inline(always)]
    pub fn has(self, word: &str) -> bool {
        self.list()
            .iter()
            .any(|entry| entry.eq_ignore_ascii_case(word))
    }
}

/// Lines that only label an article (a section, a format, a call to click): no claim.
const LABELS: &[&str] = &[
    "breaking",
    "breaking news",
    "exclusive",
    "analysis",
    "news analysis",
    "opinion",
    "commentary",
    "comment",
    "explainer",
    "update",
    "updated",
    "live",
    "developing",
    "developing story",
    "news",
    "business",
    "technology",
    "tech",
    "markets",
    "world",
    "legal",
    "deals",
    "advertisement",
    "sponsored",
    "related",
    "related articles",
    "related coverage",
    "read more",
    "more from",
    "share",
    "share this article",
    "listen",
    "listen to this article",
    "watch",
    "video",
    "photo",
    "gallery",
    "newsletter",
    "sign up",
    "subscribe",
    "skip to content",
    "key points",
    "key takeaways",
    "takeaways",
    "highlights",
    "in brief",
    "at a glance",
    "the big picture",
    "why it matters",
];

/// How lines that carry no claim begin: the wire services' credit lines, bylines' companions
/// and the furniture around an article.
const FOOTER_OPENINGS: &[&str] = &[
    "reporting by",
    "additional reporting by",
    "writing by",
    "editing by",
    "compiled by",
    "written by",
    "copyright",
    "follow us",
    "contact:",
    "email:",
    "sign up for",
    "subscribe to",
    "read more:",
    "related:",
    "see also:",
    "this article was",
    "this story was",
    "this story has been",
    "an earlier version of this",
    "correction:",
    "updated on",
    "published on",
    "posted on",
    "last updated",
];

/// What opens a bullet or list item (before a space).
const BULLET_MARKERS: &[&str] = &["-", "•", "*", "·", "–", "—", "▪", "◦", "‣", "→", "○", "■"];

/// Month names, for dates and for telling "May" the month from "may" the hedge.
pub const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

/// Abbreviations that stand before a name, so their full stop never ends a sentence ("Mr.
/// Brandt", "Sen. Osei", "St. Louis").
const NEVER_END_BEFORE_NAME: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "sen", "rep", "reps", "gov", "gen", "lt", "col", "capt",
    "sgt", "maj", "adm", "cmdr", "rev", "hon", "pres", "supt", "det", "insp", "atty", "messrs",
    "mmes", "st", "mt", "ft", "fr", "sr", "jr",
];

/// Abbreviations that may end a sentence or not ("Halvard Inc. said", "It sued Halvard Inc.
/// The case…"): their stop ends one only when a word that usually opens a sentence follows.
/// Months are here because "Sept. 30" is common and "in Sept. The" is not.
const MAY_END_ABBREVIATIONS: &[&str] = &[
    "inc", "corp", "co", "cos", "ltd", "llc", "llp", "plc", "bros", "esq", "etc", "vs", "v",
    "approx", "est", "dept", "univ", "ave", "blvd", "rd", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri",
    "sat", "sun", "fig", "al", "ph.d", "a.m", "p.m",
];

/// Words before a number, whose stop never ends a sentence when a number follows ("No. 5").
const BEFORE_A_NUMBER: &[&str] = &["No", "Nos", "Art", "Sec", "Para", "Vol", "Ch", "p", "pp"];

/// First words too common to name a company on their own ("General" of General Motors, "Port"
/// of Port of Brenna); any other first word of a company's name does ("Halvard" of Halvard
/// Shipping).
const GENERIC_FIRST_WORDS: &[&str] = &[
    "the",
    "new",
    "first",
    "united",
    "american",
    "national",
    "general",
    "international",
    "global",
    "royal",
    "bank",
    "port",
    "city",
    "state",
    "county",
    "north",
    "south",
    "east",
    "west",
    "central",
    "great",
    "big",
    "open",
    "pacific",
    "atlantic",
    "nordic",
    "european",
    "asian",
    "british",
    "federal",
    "public",
    "digital",
    "data",
    "best",
    "all",
    "one",
    "air",
    "sea",
    "old",
    "grand",
    "standard",
    "capital",
    "western",
    "eastern",
    "northern",
    "southern",
];

/// Words that usually open a sentence: after an abbreviation's stop, one of these says the
/// sentence has ended. Names are not here: "Inc. Chief Executive Dahl" goes on.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "in",
    "on",
    "at",
    "but",
    "and",
    "however",
    "meanwhile",
    "still",
    "yet",
    "for",
    "if",
    "as",
    "when",
    "while",
    "after",
    "before",
    "there",
    "some",
    "many",
    "both",
    "all",
    "no",
    "now",
    "then",
    "also",
    "last",
    "next",
    "under",
    "over",
    "since",
    "despite",
    "although",
    "though",
    "because",
    "so",
    "such",
    "according",
    "asked",
    "earlier",
    "later",
    "separately",
    "other",
    "several",
    "most",
    "neither",
    "each",
    "every",
    "shares",
    "analysts",
    "officials",
    "investors",
    "one",
    "two",
    "three",
];

/// Verbs of speaking: the speaker said it, in their words or the outlet's. "Comment" is out:
/// in news it is nearly always "declined to comment" or "has not commented", which report no
/// claim. "Report" is here for outlets ("The FT reported that…").
const SPEECH_CUES: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "add",
    "adds",
    "added",
    "state",
    "states",
    "stated",
    "write",
    "writes",
    "wrote",
    "note",
    "notes",
    "noted",
    "explain",
    "explains",
    "explained",
    "announce",
    "announces",
    "announced",
    "confirm",
    "confirms",
    "confirmed",
    "emphasize",
    "emphasizes",
    "emphasized",
    "emphasise",
    "emphasises",
    "emphasised",
    "stress",
    "stresses",
    "stressed",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "admit",
    "admits",
    "admitted",
    "warn",
    "warns",
    "warned",
    "declare",
    "declares",
    "declared",
    "reply",
    "replies",
    "replied",
    "respond",
    "responds",
    "responded",
    "testify",
    "testifies",
    "testified",
    "predict",
    "predicts",
    "predicted",
    "recall",
    "recalls",
    "recalled",
    "concede",
    "concedes",
    "conceded",
    "complain",
    "complains",
    "complained",
    "reiterate",
    "reiterates",
    "reiterated",
    "caution",
    "cautions",
    "cautioned",
    "disclose",
    "discloses",
    "disclosed",
    "report",
    "reports",
    "reported",
    "ask",
    "asks",
    "asked",
    "promise",
    "promises",
    "promised",
    "vow",
    "vows",
    "vowed",
    "threaten",
    "threatens",
    "threatened",
];

/// Verbs of saying that need nothing after them to report speech ("said the deal was fair",
/// "told colleagues", "warned the court"). Every other verb of saying reports speech only
/// with "that", a colon, a comma or a quotation after it, or a speaker after it ("Amazon's
/// involvement adds another layer" reports no speech; "added that" does).
const PLAIN_SPEECH_CUES: &[&str] = &[
    "say", "says", "said", "tell", "tells", "told", "write", "writes", "wrote", "warn", "warns",
    "warned", "ask", "asks", "asked", "concede", "concedes", "conceded",
];

/// Verbs that are nouns as often ("the dispute", "the claims"): a position only with "that"
/// or a determiner after them ("disputes the figure").
const NOUN_LIKE_CUES: &[&str] = &[
    "claim",
    "claims",
    "dispute",
    "disputes",
    "disputed",
    "counter",
    "counters",
    "object",
    "objects",
    "report",
    "reports",
    "view",
    "views",
    "fear",
    "fears",
    "hope",
    "hopes",
    "worry",
    "worries",
    "call",
    "calls",
    "called",
    "estimate",
    "estimates",
];

/// Participles after a comma that report the subject speaking again (", arguing that the
/// deal breaches …"): a claim of the subject's own.
const SPEAKING_PARTICIPLES: &[&str] = &[
    "arguing",
    "saying",
    "claiming",
    "insisting",
    "warning",
    "noting",
    "stressing",
    "contending",
    "alleging",
    "accusing",
    "maintaining",
    "asserting",
    "complaining",
    "calling",
    "citing",
    "finding",
    "ruling",
];

/// Documents a party speaks through. Court papers are the party's words on the record when
/// quoted, paraphrased by the outlet otherwise; a company's own statements and presentations
/// are its official voice.
const COURT_DOCUMENTS: &[&str] = &[
    "complaint",
    "lawsuit",
    "suit",
    "filing",
    "filings",
    "petition",
    "motion",
    "brief",
    "claim",
    "counterclaim",
    "affidavit",
    "pleading",
    "pleadings",
    "papers",
];

/// Documents a company speaks through: its statements, releases and presentations.
const COMPANY_DOCUMENTS: &[&str] = &[
    "statement",
    "statements",
    "release",
    "presentation",
    "letter",
    "memo",
    "email",
    "e-mail",
    "announcement",
    "prospectus",
    "report",
    "notice",
    "note",
    "post",
    "blog",
];

/// Words a verb of holding a position takes after it when it is one.
const AFTER_A_POSITION: &[&str] = &[
    "that", "the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "any", "it",
    "they", "to", "all", "every", "no",
];

/// Participles that open the outlet's verdict on what a sentence reports (", upending a
/// decade of cooperation"): a claim of its own. Participles that go on describing the same act
/// (", securing a role", ", including …", ", according to …") are not here.
const CONSEQUENCE_PARTICIPLES: &[&str] = &[
    "upending",
    "leaving",
    "sending",
    "prompting",
    "raising",
    "marking",
    "signalling",
    "signaling",
    "threatening",
    "ending",
    "dealing",
    "dashing",
    "sparking",
    "fueling",
    "fuelling",
    "deepening",
    "escalating",
    "complicating",
    "undermining",
    "clearing",
    "paving",
    "setting",
    "casting",
    "putting",
    "handing",
    "giving",
];

/// Verbs of holding a position: the outlet reports what a party thinks or argues, in its own
/// words (`outlet-paraphrase`). "Believe", "think", "expect", "fear" and "hope" also hedge
/// what follows them; the Gender Gap Tracker dropped "believe" from its quote cues for false
/// positives ("I believe…" inside quotes), which is why these are never read inside a
/// quotation here.
const POSITION_CUES: &[&str] = &[
    "argue",
    "argues",
    "argued",
    "contend",
    "contends",
    "contended",
    "claim",
    "claims",
    "claimed",
    "maintain",
    "maintains",
    "maintained",
    "insist",
    "insists",
    "insisted",
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "thought",
    "view",
    "views",
    "viewed",
    "see",
    "sees",
    "regard",
    "regards",
    "regarded",
    "fear",
    "fears",
    "feared",
    "worry",
    "worries",
    "worried",
    "hope",
    "hopes",
    "hoped",
    "expect",
    "expects",
    "expected",
    "want",
    "wants",
    "wanted",
    "accuse",
    "accuses",
    "accused",
    "allege",
    "alleges",
    "alleged",
    "deny",
    "denies",
    "denied",
    "dispute",
    "disputes",
    "disputed",
    "reject",
    "rejects",
    "rejected",
    "counter",
    "counters",
    "countered",
    "object",
    "objects",
    "objected",
    "oppose",
    "opposes",
    "opposed",
    "feel",
    "feels",
    "felt",
    "suspect",
    "suspects",
    "suspected",
    "call",
    "calls",
    "called",
    "describe",
    "describes",
    "described",
    "estimate",
    "estimates",
];

/// "Is considering a lawsuit", "is weighing whether": the outlet reports a party's
/// deliberation, which only the party can know (`outlet-paraphrase`, the outlet's words).
/// "Exploring" is out: "exploring new revenue streams" describes a business, not a position.
const DELIBERATION_VERBS: &[&str] = &[
    "considering",
    "weighing",
    "evaluating",
    "mulling",
    "contemplating",
    "assessing",
    "debating",
    "reconsidering",
];

/// Nouns of a party's inner state that an outlet reports "inside", "within" or "among" it.
const INNER_STATE_NOUNS: &[&str] = &[
    "concern",
    "concerns",
    "worries",
    "worry",
    "fears",
    "alarm",
    "frustration",
    "unease",
    "anger",
];

/// "Are not persuaded", "is confident": a party's stance, as the outlet characterises it.
const STANCE_ADJECTIVES: &[&str] = &[
    "persuaded",
    "convinced",
    "confident",
    "concerned",
    "worried",
    "optimistic",
    "pessimistic",
    "skeptical",
    "sceptical",
    "adamant",
    "determined",
    "unhappy",
    "frustrated",
    "satisfied",
    "dissatisfied",
    "comfortable",
    "uncomfortable",
    "open",
    "committed",
    "prepared",
    "ready",
];

/// Adverbs that can stand between a speaker and the verb ("Microsoft now argues", "has also
/// told") and auxiliaries before it.
const BETWEEN_SPEAKER_AND_VERB: &[&str] = &[
    "also",
    "now",
    "previously",
    "later",
    "reportedly",
    "repeatedly",
    "publicly",
    "privately",
    "recently",
    "separately",
    "earlier",
    "again",
    "still",
    "further",
    "already",
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "been",
    "did",
    "does",
    "do",
    "flatly",
    "strongly",
    "firmly",
    "long",
    "quickly",
    "immediately",
    "then",
    "once",
    "often",
    "always",
    "first",
    "herself",
    "himself",
    "itself",
    "themselves",
];

/// Words before a verb that make it no claim of the speaker's: "has not commented", "declined
/// to say", "has yet to respond".
const NEGATIONS: &[&str] = &["not", "never", "declined", "refused", "failed", "yet", "no"];

/// Words before a verb that make it hypothetical: "may argue", "could claim", "is expected to
/// argue". The outlet then speculates about a position; it does not report one.
const HYPOTHETICAL: &[&str] = &[
    "may", "might", "could", "would", "should", "will", "can", "likely", "unlikely", "expected",
    "probably", "possibly",
];

/// Who is speaking without a name: the marks of an anonymous source.
const ANONYMITY_MARKERS: &[&str] = &[
    "familiar",
    "source",
    "sources",
    "insider",
    "insiders",
    "anonymity",
    "anonymously",
    "unnamed",
    "unidentified",
    "briefed",
    "knowledge",
    "authorized",
    "authorised",
    "identified",
    "named",
    "confidential",
];

/// People a party speaks through without a name of their own, plural or generic ("Microsoft
/// executives have told colleagues"): with a verb of speaking they are an anonymous source,
/// with a verb of holding a position the outlet's paraphrase.
const PEOPLE_NOUNS: &[&str] = &[
    "specialists",
    "experts",
    "commentators",
    "traders",
    "economists",
    "scholars",
    "academics",
    "consultants",
    "residents",
    "workers",
    "diplomats",
    "strategists",
    "engineer",
    "employee",
    "adviser",
    "advisor",
    "aide",
    "insider",
    "executives",
    "executive",
    "officials",
    "official",
    "lawyers",
    "lawyer",
    "attorneys",
    "counsel",
    "leaders",
    "managers",
    "directors",
    "board",
    "engineers",
    "employees",
    "staff",
    "people",
    "person",
    "aides",
    "advisers",
    "advisors",
    "negotiators",
    "analysts",
    "investors",
    "critics",
    "observers",
    "regulators",
    "bankers",
    "members",
    "someone",
    "insiders",
    "sources",
    "source",
    "management",
    "leadership",
];

/// Titles of people who speak for the organisation they hold them at ("Martin Ashby, Calder's
/// chief executive", "Corvane's lawyer, Dmitri Vasquez"): the statement is the organisation's.
/// An analyst, an economist or a professor speaks for themselves.
const SPEAKS_FOR_TITLES: &[&str] = &[
    "chief",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "president",
    "chairman",
    "chairwoman",
    "chair",
    "founder",
    "co-founder",
    "executive",
    "director",
    "head",
    "spokesperson",
    "spokeswoman",
    "spokesman",
    "representative",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "counsel",
    "partner",
    "officer",
    "manager",
    "minister",
    "secretary",
    "vice",
    "general",
];

/// Titles that mark a named person speaking for themselves or a party.
const TITLES: &[&str] = &[
    "chief",
    "executive",
    "lawyer",
    "attorney",
    "counsel",
    "adviser",
    "advisor",
    "spokesperson",
    "spokeswoman",
    "spokesman",
    "representative",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "president",
    "chairman",
    "chairwoman",
    "chair",
    "founder",
    "co-founder",
    "cofounder",
    "director",
    "head",
    "minister",
    "secretary",
    "judge",
    "justice",
    "senator",
    "governor",
    "mayor",
    "analyst",
    "professor",
    "partner",
    "officer",
    "manager",
    "vice",
    "economist",
    "commissioner",
    "ambassador",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sen",
    "rep",
    "gov",
];

/// Nouns a report uses for "the company last named".
const COMPANY_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "business",
    "startup",
    "giant",
    "maker",
    "lab",
    "carrier",
    "insurer",
    "lender",
    "bank",
    "utility",
    "operator",
    "supplier",
    "retailer",
    "developer",
];

/// Outlets that reports cite by name. A name not listed is still taken for an outlet when it
/// "reported" something; these are for "told the FT" and "according to Reuters", where
/// nothing else says it is one. Abbreviations are here as newsrooms write them.
const OUTLETS: &[&str] = &[
    "Financial Times",
    "FT",
    "Reuters",
    "Bloomberg",
    "Bloomberg News",
    "Wall Street Journal",
    "Journal",
    "WSJ",
    "New York Times",
    "NYT",
    "Times",
    "Washington Post",
    "Post",
    "Associated Press",
    "AP",
    "AFP",
    "Agence France-Presse",
    "BBC",
    "CNBC",
    "CNN",
    "NPR",
    "Axios",
    "Politico",
    "Semafor",
    "The Information",
    "Information",
    "The Verge",
    "Verge",
    "TechCrunch",
    "Wired",
    "Guardian",
    "Economist",
    "Nikkei",
    "Handelsblatt",
    "Le Monde",
    "Les Echos",
    "Der Spiegel",
    "Spiegel",
    "Fortune",
    "Forbes",
    "Business Insider",
    "Insider",
    "MarketWatch",
    "Barron's",
    "Barron’s",
    "Telegraph",
    "Sky News",
    "Fox Business",
    "Yahoo Finance",
    "Law360",
    "Reuters Breakingviews",
    "South China Morning Post",
    "Caixin",
    "Platformer",
    "Stratechery",
];

/// Last words of an outlet's own name ("Westgate Financial Wire", "The Beacon", "Docket
/// Daily"): a capitalised name ending in one of these, cited as a source, is an outlet.
const OUTLET_NAME_WORDS: &[&str] = &[
    "Wire",
    "News",
    "Times",
    "Post",
    "Journal",
    "Daily",
    "Herald",
    "Gazette",
    "Courier",
    "Tribune",
    "Ledger",
    "Beacon",
    "Review",
    "Chronicle",
    "Telegraph",
    "Standard",
    "Observer",
    "Express",
    "Mail",
    "Press",
    "Reporter",
    "Insider",
    "Weekly",
    "Monitor",
    "Digest",
    "Bulletin",
    "Dispatch",
    "Register",
    "Record",
    "Sentinel",
    "Examiner",
    "Inquirer",
    "Star",
    "Guardian",
    "Independent",
    "Mirror",
    "Globe",
    "Magazine",
    "Newsletter",
    "Radio",
    "TV",
    "Television",
];

/// Nouns that name an outlet by what it is ("the newspaper", "the trade magazine").
const OUTLET_NOUNS: &[&str] = &[
    "newspaper",
    "paper",
    "magazine",
    "broadcaster",
    "outlet",
    "publication",
    "website",
    "site",
    "newsletter",
    "agency",
    "wire",
    "journal",
    "daily",
];

/// Words that open an adverbial phrase at the front of a clause ("In a statement, Halvard
/// said"), so the speaker starts after its comma.
const FRONTED_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "when",
    "while",
    "although",
    "because",
    "once",
    "until",
    "if",
    "earlier",
    "later",
    "separately",
    "meanwhile",
    "last",
    "this",
    "speaking",
    "asked",
    "writing",
    "however",
    "still",
    "yet",
    "but",
    "and",
    "for",
    "like",
    "unlike",
    "to",
    "by",
    "with",
    "since",
    "through",
];

/// Hedges, lowercased: a sentence that holds one is `speculative`. Kept apart: "may" (the
/// month "May" is no hedge), "could" ("could not be reached" reports a fact), "would" (after
/// "that" or a verb of saying it is reported future: "said it would appeal"), "if" (only
/// outside quotations, and not in "if not", "even if", "as if"). "Speculation" and
/// "considering" are out: "has fueled speculation" and "is considering a suit" report facts.
/// "Can" is out: "contractual details can shape" states a capacity, not a doubt.
const HEDGE_WORDS: &[&str] = &[
    "might",
    "should",
    "reportedly",
    "allegedly",
    "possibly",
    "potentially",
    "probably",
    "perhaps",
    "maybe",
    "likely",
    "unlikely",
    "apparently",
    "seemingly",
    "purportedly",
    "supposedly",
    "presumably",
    "conceivably",
    "appear",
    "appears",
    "appeared",
    "seem",
    "seems",
    "seemed",
    "suggest",
    "suggests",
    "suggested",
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "expect",
    "expects",
    "expected",
    "anticipate",
    "anticipates",
    "anticipated",
    "speculate",
    "speculates",
    "speculated",
    "suspect",
    "suspects",
    "rumored",
    "rumoured",
    "potential",
    "possible",
    "possibility",
    "likeliest",
    "likelier",
    "estimated",
    "fear",
    "fears",
    "hope",
    "hopes",
];

/// Relative and subordinating words that end a speaker phrase being read leftwards: "the
/// seriousness with which Microsoft views" has no speaker.
const CLAUSE_WORDS: &[&str] = &[
    "which", "that", "whom", "whose", "because", "if", "when", "while", "whether", "how", "what",
    "where", "why", "than", "as", "so", "but", "although", "though", "unless", "until",
];

/// Verbs with which a party puts out its own words: "issued the following statement", "released
/// a statement", "put out a statement". Only with a document noun after them ("issued a ruling"
/// is a court's act, not speech).
const ISSUING_VERBS: &[&str] = &[
    "issued",
    "issues",
    "released",
    "releases",
    "published",
    "publishes",
    "put",
    "puts",
    "sent",
    "shared",
    "posted",
    "posts",
];

/// Capitalised words that never name a party on their own: function words and pronouns a
/// sentence opens with, sentence adverbs, auxiliaries, question words, and the words of an
/// article's furniture ("Updated", "Photo"). Months are read by `dates::is_month` instead.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "in",
    "on",
    "at",
    "for",
    "but",
    "and",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "under",
    "over",
    "its",
    "their",
    "his",
    "her",
    "our",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "some",
    "many",
    "all",
    "both",
    "neither",
    "each",
    "no",
    "yes",
    "according",
    "asked",
    "earlier",
    "later",
    "meanwhile",
    "however",
    "still",
    "yet",
    "separately",
    "by",
    "with",
    "from",
    "to",
    "of",
    "is",
    "are",
    "was",
    "were",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "there",
    "here",
    "one",
    "two",
    "three",
    "first",
    "second",
    "third",
    "fourth",
    "lastly",
    "last",
    "next",
    "since",
    "until",
    "because",
    "although",
    "though",
    "so",
    "or",
    "nor",
    "not",
    "also",
    "even",
    "only",
    "just",
    "about",
    "against",
    "between",
    "among",
    "into",
    "through",
    "during",
    "without",
    "within",
    "updated",
    "breaking",
    "exclusive",
    "analysis",
    "reporting",
    "editing",
    "photo",
    "read",
    "more",
    "less",
    "most",
    "such",
    "like",
    "unlike",
    "instead",
    "then",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "must",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "be",
    "been",
    "being",
    "whose",
    "whom",
    "here's",
    "what's",
    "it's",
    "other",
    "another",
    "any",
    "every",
    "several",
    "few",
    "once",
    "already",
    "again",
    "thus",
    "therefore",
    "moreover",
    "furthermore",
    "indeed",
    "rather",
    "overall",
    "finally",
    "specifically",
    "notably",
    "additionally",
    "similarly",
    "plus",
    "update",
    "correction",
    "editor's",
    "note",
    "related",
    "see",
    "click",
    "subscribe",
    "sign",
    "share",
    "advertisement",
    "story",
    "continues",
    "below",
    "above",
    "ai",
    "api",
    "apis",
    "ceo",
    "cfo",
    "cto",
    "coo",
    "ipo",
    "gmt",
    "et",
    "pt",
    "utc",
    "bst",
    "q1",
    "q2",
    "q3",
    "q4",
    "none",
];

/// Small words inside a name: "Port of Brenna", "Procter & Gamble", "Bank of America",
/// "Louis Vuitton Moët Hennessy" needs none, "Van der Berg" needs "van" and "der". "And" is out:
/// "Qualcomm and Nuvia" are two companies far more often than one name with "and" in it.
const NAME_CONNECTORS: &[&str] = &[
    "of", "&", "de", "van", "von", "der", "du", "da", "del", "la", "le",
];

/// The number of a day of the week written in full (Monday is 0), as a word in any case and
/// with a comma or full stop after it. The shortened forms ("Tue", "Sat") are left out: "sat"
/// and "wed" are words of their own in running text.
pub fn weekday_number(word: &str) -> Option<i64> {
    let word = word.trim_end_matches(['.', ',', ';', ':']);
    WEEKDAYS[..7]
        .iter()
        .position(|day| day.eq_ignore_ascii_case(word))
        .map(|day| day as i64)
}

/// The days of the week, in full (Monday first, as `weekday_number` counts) and as newsrooms
/// shorten them.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// Legal forms after a company's name, with or without their stop: one company whether a
/// report writes "Qualcomm", "Qualcomm Inc." or "Qualcomm Incorporated". "Company" is here
/// because "The Walt Disney Company" and "Walt Disney Co." are one name; "Group" and
/// "Holdings" are not, since "Norrvik Holdings" and "Norrvik" may be parent and unit.
const LEGAL_SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "ltd",
    "limited",
    "llc",
    "l.l.c",
    "llp",
    "lp",
    "plc",
    "ag",
    "sa",
    "se",
    "nv",
    "n.v",
    "gmbh",
    "asa",
    "ab",
    "spa",
    "s.p.a",
    "bv",
    "b.v",
    "kk",
    "pty",
    "oy",
    "oyj",
    "a/s",
    "sarl",
    "srl",
    "pte",
    "bhd",
    "pvt",
];

/// Last words that make a name a company's, kept in its name ("Halvorsen Maritime ASA" is a
/// company by its suffix, "Calder Rolling Stock" is not told apart by its words, "Norrvik
/// Holdings" by "Holdings").
const COMPANY_WORDS: &[&str] = &[
    "group",
    "holdings",
    "partners",
    "bank",
    "capital",
    "securities",
    "shipping",
    "lines",
    "terminal",
    "systems",
    "labs",
    "laboratories",
    "energy",
    "railways",
    "power",
    "lease",
    "industrial",
    "infrastructure",
    "airlines",
    "airways",
    "motors",
    "industries",
    "technologies",
    "technology",
    "pharmaceuticals",
    "pharma",
    "therapeutics",
    "biosciences",
    "wind",
    "turbines",
    "logistics",
    "ventures",
    "fund",
    "investments",
    "telecom",
    "communications",
    "media",
    "networks",
    "network",
    "foods",
    "mining",
    "resources",
    "entertainment",
    "steel",
    "semiconductor",
    "semiconductors",
    "electronics",
    "software",
    "solutions",
    "services",
    "enterprises",
    "brands",
    "studios",
    "pictures",
    "records",
    "insurance",
    "financial",
    "healthcare",
    "health",
    "medical",
    "supply",
    "foundries",
    "manufacturing",
    "motor",
    "petroleum",
    "oil",
    "gas",
    "chemicals",
    "aerospace",
    "dynamics",
    "robotics",
    "automotive",
    "trading",
    "properties",
    "realty",
    "interactive",
    "games",
];

/// Words that make a name a government body's.
const GOVERNMENT_WORDS: &[&str] = &[
    "ministry",
    "department",
    "commission",
    "government",
    "authority",
    "council",
    "agency",
    "regulator",
    "parliament",
    "congress",
    "senate",
    "republic",
    "kingdom",
    "board",
    "bureau",
    "administration",
    "treasury",
    "office",
    "federal",
    "state",
    "city",
    "county",
];

/// Words that make a name a group's.
const GROUP_WORDS: &[&str] = &[
    "union",
    "association",
    "federation",
    "coalition",
    "alliance",
    "committee",
    "society",
    "guild",
    "league",
    "workers",
    "institute",
    "foundation",
    "centre",
    "center",
];

/// Words that make a name a court's or a judge's. Who decides a case is no party to it; its
/// seat ("Delaware") is a place.
const COURT_WORDS: &[&str] = &[
    "court",
    "courts",
    "tribunal",
    "chancery",
    "circuit",
    "judge",
    "justice",
    "magistrate",
    "jury",
    "arbitrator",
    "arbitrators",
    "bankruptcy",
    "appeals",
    "supreme",
];

/// Places newsrooms name most: states (a court's seat or an incorporation), countries,
/// regions and big cities (a headquarters, a dateline's city). A place is never a party; the
/// city in "Halden-based Norvale" describes Norvale.
const PLACE_NAMES: &[&str] = &[
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "georgia",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "north carolina",
    "north dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "rhode island",
    "south carolina",
    "south dakota",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "washington",
    "west virginia",
    "wisconsin",
    "wyoming",
    "district of columbia",
    "america",
    "united states",
    "u.s.",
    "us",
    "usa",
    "canada",
    "mexico",
    "brazil",
    "argentina",
    "britain",
    "great britain",
    "united kingdom",
    "u.k.",
    "uk",
    "england",
    "scotland",
    "wales",
    "ireland",
    "france",
    "germany",
    "italy",
    "spain",
    "portugal",
    "netherlands",
    "belgium",
    "switzerland",
    "austria",
    "sweden",
    "norway",
    "denmark",
    "finland",
    "poland",
    "russia",
    "ukraine",
    "turkey",
    "israel",
    "egypt",
    "saudi arabia",
    "uae",
    "qatar",
    "india",
    "pakistan",
    "china",
    "japan",
    "korea",
    "south korea",
    "taiwan",
    "singapore",
    "malaysia",
    "indonesia",
    "vietnam",
    "thailand",
    "philippines",
    "australia",
    "new zealand",
    "south africa",
    "nigeria",
    "kenya",
    "europe",
    "asia",
    "africa",
    "latin america",
    "north america",
    "middle east",
    "silicon valley",
    "wall street",
    "london",
    "paris",
    "berlin",
    "tokyo",
    "beijing",
    "shanghai",
    "hong kong",
    "seoul",
    "mumbai",
    "sydney",
    "toronto",
    "san francisco",
    "los angeles",
    "chicago",
    "boston",
    "seattle",
    "houston",
    "dallas",
    "austin",
    "atlanta",
    "miami",
    "pittsburgh",
    "detroit",
    "denver",
    "san diego",
    "san jose",
    "wilmington",
    "brussels",
    "amsterdam",
    "geneva",
    "zurich",
    "stockholm",
    "oslo",
    "dublin",
    "madrid",
    "rome",
    "milan",
    "dubai",
    "armonk",
    "redmond",
    "cupertino",
];

/// Nouns after a name that make it a product or a design ("the Phoenix core", "Snapdragon
/// chips", "Frontier, OpenAI's enterprise platform"), not a party.
const PRODUCT_NOUNS: &[&str] = &[
    "platform",
    "product",
    "products",
    "service",
    "tool",
    "tools",
    "model",
    "models",
    "app",
    "apps",
    "application",
    "software",
    "chip",
    "chips",
    "core",
    "cores",
    "design",
    "designs",
    "processor",
    "processors",
    "device",
    "devices",
    "brand",
    "offering",
    "suite",
    "assistant",
    "engine",
    "system",
    "cloud",
    "hardware",
    "subscription",
    "program",
    "programme",
    "project",
    "vessel",
    "ship",
    "train",
    "trains",
    "turbine",
    "turbines",
    "campus",
    "substation",
    "port",
    "berth",
    "quay",
    "site",
    "phone",
    "phones",
    "laptop",
    "laptops",
    "console",
    "drug",
    "drugs",
    "vaccine",
    "bed",
    "beds",
    "plant",
    "mine",
    "field",
    "pipeline",
    "architecture",
    "technology",
    "feature",
    "features",
    "series",
    "line",
    "lineup",
];

/// Nouns a report describes a party with ("container carrier Halvorsen", "the carrier").
const DESCRIPTORS: &[&str] = &[
    "carrier",
    "utility",
    "lab",
    "developer",
    "operator",
    "lender",
    "insurer",
    "bank",
    "maker",
    "manufacturer",
    "company",
    "firm",
    "group",
    "startup",
    "start-up",
    "retailer",
    "supplier",
    "lessor",
    "investor",
    "fund",
    "airline",
    "shipper",
    "builder",
    "contractor",
    "regulator",
    "owner",
    "buyer",
    "seller",
    "client",
    "customer",
    "landlord",
    "tenant",
    "broker",
    "chipmaker",
    "designer",
    "distributor",
    "licensor",
    "licensee",
    "provider",
    "producer",
    "giant",
    "conglomerate",
    "automaker",
    "steelmaker",
    "broadcaster",
    "network",
    "studio",
];

/// Plural nouns that make a capitalised phrase a category of companies ("Interexchange
/// Carriers", "Independent Power Producers"), not one of them.
const GENERIC_PLURALS: &[&str] = &[
    "carriers",
    "providers",
    "operators",
    "producers",
    "suppliers",
    "manufacturers",
    "retailers",
    "utilities",
    "lenders",
    "insurers",
    "developers",
    "companies",
    "firms",
    "distributors",
    "exchanges",
    "banks",
    "investors",
    "customers",
    "clients",
    "members",
    "shareholders",
    "stockholders",
    "plaintiffs",
    "defendants",
    "parties",
    "vendors",
    "licensees",
    "subscribers",
    "users",
    "consumers",
    "workers",
    "employees",
    "makers",
];

/// Nouns that make a capitalised phrase an agreement's name ("Tandem Service Agreement",
/// "Architecture License Agreement"), and make a lowercase one an agreement ("a deal").
const AGREEMENT_NOUNS: &[&str] = &[
    "agreement",
    "agreements",
    "contract",
    "contracts",
    "licence",
    "license",
    "licences",
    "licenses",
    "lease",
    "leases",
    "deal",
    "deals",
    "accord",
    "pact",
    "charter",
    "treaty",
    "memorandum",
    "arrangement",
    "partnership",
    "alliance",
    "mou",
    "covenant",
    "terms",
];

/// Nouns of one company's relation to another ("its parent, Norrvik Holdings", "subsidiary
/// Nuvia"). "Arm" is out: "its cloud arm" would take Arm the company for a relation.
const RELATION_WORDS: &[&str] = &[
    "parent",
    "subsidiary",
    "subsidiaries",
    "unit",
    "affiliate",
    "affiliates",
    "owner",
    "division",
    "spinoff",
    "spin-off",
    "rival",
    "partner",
    "client",
    "customer",
    "supplier",
    "lender",
    "insurer",
    "licensee",
    "licensor",
];

/// Participles after a hyphen that make the name before it a modifier of the name after it:
/// "Softbank Group-owned Arm" is Arm, owned by Softbank Group; "Halden-based Norvale" is
/// Norvale, based in Halden.
const MODIFIER_PARTICIPLES: &[&str] = &[
    "owned",
    "backed",
    "based",
    "controlled",
    "funded",
    "led",
    "run",
    "listed",
    "headquartered",
    "affiliated",
    "registered",
    "born",
    "made",
    "built",
    "operated",
];

/// Words before a name that make it a person's.
const PERSON_MARKERS: &[&str] = &[
    "mr",
    "ms",
    "mrs",
    "dr",
    "judge",
    "justice",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "president",
    "chief",
    "ceo",
    "cfo",
    "chairman",
    "chairwoman",
    "chair",
    "founder",
    "executive",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "counsel",
    "lawyer",
    "attorney",
    "analyst",
    "professor",
    "economist",
    "reporter",
    "secretary",
    "minister",
    "mayor",
    "commissioner",
    "officer",
    "partner",
    "adviser",
    "advisor",
    "boss",
];

/// People who comment on a dispute without being in it: their words are statements with a
/// speaker, and neither they nor the firms they work at are parties for commenting.
const COMMENTATOR_NOUNS: &[&str] = &[
    "analyst",
    "analysts",
    "reporter",
    "reporters",
    "correspondent",
    "editor",
    "economist",
    "professor",
    "expert",
    "experts",
    "consultant",
    "strategist",
    "researcher",
    "commentator",
    "columnist",
    "observer",
    "observers",
    "scholar",
];

/// Stock exchanges, whose tickers follow names in brackets ("(Nasdaq: GFS)", "(TSE: 5401)").
const EXCHANGES: &[&str] = &[
    "nasdaq", "nyse", "tse", "lse", "asx", "hkex", "tsx", "otc", "euronext", "sgx", "krx", "bse",
    "nse", "six", "xetra", "amex",
];

/// Words that open a noun phrase.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
];

/// Words of suing, as verbs and nouns: who sues is the claimant, who is sued the respondent.
const SUE_WORDS: &[&str] = &[
    "sue", "sues", "sued", "suing", "lawsuit", "lawsuits", "suit", "suits",
];

/// Verbs that bring a legal action when a legal noun follows ("filed a lawsuit", "launched
/// arbitration", "brought claims").
const FILE_VERBS: &[&str] = &[
    "file",
    "files",
    "filed",
    "filing",
    "bring",
    "brings",
    "brought",
    "bringing",
    "launch",
    "launches",
    "launched",
    "start",
    "starts",
    "started",
    "commence",
    "commenced",
    "initiate",
    "initiated",
    "lodge",
    "lodged",
    "lodges",
    "take",
    "took",
    "taken",
    "taking",
    "begin",
    "began",
    "begun",
    "open",
    "opened",
];

/// Nouns of a legal action.
const LEGAL_NOUNS: &[&str] = &[
    "lawsuit",
    "lawsuits",
    "suit",
    "suits",
    "complaint",
    "claim",
    "claims",
    "case",
    "action",
    "arbitration",
    "proceedings",
    "petition",
    "counterclaim",
    "counterclaims",
    "countersuit",
    "litigation",
    "court",
];

/// Words of a legal action only threatened or weighed: the stage is "threatened".
const THREAT_WORDS: &[&str] = &[
    "threatened",
    "threatens",
    "threaten",
    "threatening",
    "weighing",
    "weighs",
    "considering",
    "considers",
    "mulling",
    "mulls",
    "preparing",
    "prepares",
    "exploring",
    "warned",
    "warns",
];

/// Words of a decision in a case. "Found" counts only with a court, a jury or a judge as its
/// subject ("the jury found"), which the rule reads.
const RULING_WORDS: &[&str] = &[
    "ruled",
    "rules",
    "ruling",
    "rulings",
    "verdict",
    "judgment",
    "judgement",
    "found",
    "finds",
    "upheld",
    "upholds",
    "affirmed",
    "affirms",
    "reversed",
    "reverses",
    "vacated",
    "dismissed",
    "dismisses",
    "dismissal",
    "sided",
    "decision",
    "decided",
    "granted",
];

/// Words of damages awarded.
const AWARD_WORDS: &[&str] = &["awarded", "awards", "award", "damages"];

/// Words of a settlement.
const SETTLE_WORDS: &[&str] = &["settled", "settles", "settle", "settlement", "settling"];

/// Words of an appeal.
const APPEAL_WORDS: &[&str] = &["appeal", "appealed", "appeals", "appealing"];

/// Words of a legal action dropped.
const DROP_WORDS: &[&str] = &[
    "dropped",
    "drops",
    "withdrew",
    "withdrawn",
    "withdraws",
    "abandoned",
];

/// Verbs with which parties make an agreement ("signed a deal", "entered into an agreement",
/// "struck a pact"). "Reached" only with an agreement noun after it, as every verb here.
const SIGN_WORDS: &[&str] = &[
    "signed",
    "signs",
    "sign",
    "signing",
    "entered",
    "enters",
    "enter",
    "struck",
    "strikes",
    "inked",
    "inks",
    "reached",
    "reaches",
    "concluded",
    "executed",
    "agreed",
    "agrees",
    "renewed",
    "renews",
    "extended",
    "extends",
    "awarded",
];

/// Verbs with which one party gives another a licence or a right ("Arm granted Nuvia a
/// Technology License Agreement").
const GRANT_WORDS: &[&str] = &[
    "granted", "grants", "grant", "licensed", "licenses", "licences", "gave", "gives", "issued",
];

/// Words of one company buying another.
const ACQUIRE_WORDS: &[&str] = &[
    "acquired",
    "acquires",
    "acquire",
    "acquiring",
    "acquisition",
    "bought",
    "buys",
    "buy",
    "buying",
    "purchase",
    "purchased",
    "purchases",
    "takeover",
];

/// Words of an agreement or a licence ending.
const TERMINATE_WORDS: &[&str] = &[
    "terminated",
    "terminates",
    "terminate",
    "terminating",
    "termination",
    "ended",
    "ends",
    "cancelled",
    "canceled",
    "cancels",
    "cancel",
    "revoked",
    "revokes",
    "expired",
    "expires",
    "rescinded",
    "scrapped",
    "tore",
];

/// Words of a breach of an agreement or of a right.
const BREACH_WORDS: &[&str] = &[
    "breached",
    "breaches",
    "breach",
    "breaching",
    "violated",
    "violates",
    "violating",
    "violation",
    "violations",
    "infringed",
    "infringes",
    "infringing",
    "infringement",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every family has words, none twice, and no two families are one list written twice.
    #[test]
    fn every_family_is_one_list_written_once() {
        for family in Words::ALL {
            let list = family.list();
            assert!(!list.is_empty(), "{family:?} is empty");
            for (index, word) in list.iter().enumerate() {
                assert!(
                    !list[..index]
                        .iter()
                        .any(|earlier| earlier.eq_ignore_ascii_case(word)),
                    "{family:?} has {word:?} twice"
                );
            }
        }
        for (index, family) in Words::ALL.iter().enumerate() {
            for other in &Words::ALL[index + 1..] {
                assert_ne!(family.list(), other.list(), "{family:?} and {other:?}");
            }
        }
    }

    #[test]
    fn families_are_asked_regardless_of_case() {
        assert!(Words::LegalSuffix.has("Inc"));
        assert!(Words::LegalSuffix.has("INCORPORATED"));
        assert!(!Words::LegalSuffix.has("Incorporation"));
        assert!(Words::Weekday.has("Wednesday"));
    }
}

/// Nouns after two names joined by a hyphen ("the Amazon-OpenAI deal", "the Arm-Qualcomm
/// case") that make them two names; before any other word a hyphenated name is one
/// ("Cleveland-Cliffs shareholders").
const PAIR_NOUNS: &[&str] = &[
    "deal",
    "deals",
    "agreement",
    "case",
    "talks",
    "dispute",
    "partnership",
    "pact",
    "merger",
    "tie-up",
    "alliance",
    "contract",
    "feud",
    "lawsuit",
    "suit",
    "litigation",
    "fight",
    "battle",
    "rivalry",
    "relationship",
    "row",
    "standoff",
    "negotiations",
    "trial",
];

/// Words of one party investing in another ("has invested more than $13 billion in OpenAI",
/// "its $2 billion stake").
const INVEST_WORDS: &[&str] = &[
    "invested",
    "invests",
    "invest",
    "investing",
    "investment",
    "investments",
    "stake",
];

/// Last words that make a capitalised phrase an agreement's own name: "Tandem Service
/// Agreement", "Technology License Agreement". "Lease", "Deal" and "Partnership" are out: they
/// end companies' names as often ("Veldmann Lease").
const AGREEMENT_NAMES: &[&str] = &[
    "agreement",
    "agreements",
    "contract",
    "licence",
    "license",
    "memorandum",
    "accord",
    "treaty",
    "mou",
    "covenant",
    "protocol",
    "charter",
];

/// Nouns after a name that make it a place of work, not a party: "the Brackenford works", "the
/// Tallis plant", "its Halden headquarters".
const SITE_NOUNS: &[&str] = &[
    "works",
    "factory",
    "factories",
    "plant",
    "yard",
    "facility",
    "facilities",
    "headquarters",
    "hq",
    "offices",
    "office",
    "campus",
    "site",
    "mill",
    "depot",
    "terminal",
    "warehouse",
];

/// Nationalities and regions' adjectives: "a Dutch train owner", "British chip designer",
/// "Dutch and German banks" describe; alone they name nobody.
const NATIONALITIES: &[&str] = &[
    "american",
    "british",
    "english",
    "scottish",
    "welsh",
    "irish",
    "dutch",
    "german",
    "french",
    "italian",
    "spanish",
    "portuguese",
    "belgian",
    "swiss",
    "austrian",
    "swedish",
    "norwegian",
    "danish",
    "finnish",
    "polish",
    "russian",
    "ukrainian",
    "turkish",
    "israeli",
    "saudi",
    "emirati",
    "qatari",
    "indian",
    "pakistani",
    "chinese",
    "japanese",
    "korean",
    "taiwanese",
    "singaporean",
    "malaysian",
    "indonesian",
    "vietnamese",
    "thai",
    "australian",
    "canadian",
    "mexican",
    "brazilian",
    "argentine",
    "european",
    "asian",
    "african",
    "latin",
    "nordic",
    "scandinavian",
    "western",
    "eastern",
    "northern",
    "southern",
    "federal",
];

/// Nouns after a possessive name, and verbs before a name, that make it a product: "Frontier’s
/// launch", "the Phoenix’s release", "offering Frontier through AWS", "selling Snapdragon".
const PRODUCT_EVENTS: &[&str] = &[
    "launch",
    "release",
    "rollout",
    "debut",
    "availability",
    "unveiling",
    "offering",
    "offer",
    "offers",
    "offered",
    "sell",
    "sells",
    "selling",
    "sold",
    "ship",
    "ships",
    "shipping",
    "deploy",
    "deploys",
    "deploying",
];

/// Titles and honorifics that stand inside a run of capitals between an organisation's name
/// and a person's ("USW President David McCall", "Chief Executive Lena Berg", "Judge Mara
/// Lind", "Mr Musk"): neither name includes them. "Partner" and "Counsel" are out: they end
/// firms' names ("Harlan Vale Partners").
const NAME_BREAKS: &[&str] = &[
    "mr",
    "mr.",
    "ms",
    "ms.",
    "mrs",
    "mrs.",
    "dr",
    "dr.",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "chairman",
    "chairwoman",
    "chairperson",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "chief",
    "executive",
    "judge",
    "justice",
    "senator",
    "sen.",
    "rep.",
    "gov.",
    "governor",
    "secretary",
    "minister",
    "mayor",
    "commissioner",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "magistrate",
    "chancellor",
    "prime",
];

/// The roles parties have in a case, written before their names in court papers
/// ("Plaintiff-Appellee Kreg Therapeutics", "Defendants MCI Communication Services"): the role
/// is not part of the name.
const LITIGATION_ROLES: &[&str] = &[
    "plaintiff",
    "plaintiffs",
    "defendant",
    "defendants",
    "appellant",
    "appellants",
    "appellee",
    "appellees",
    "petitioner",
    "petitioners",
    "respondent",
    "respondents",
    "claimant",
    "claimants",
    "counterclaimant",
    "counter-plaintiff",
    "counter-defendant",
    "counterplaintiff",
    "counterdefendant",
    "plaintiff-appellee",
    "plaintiff-appellant",
    "defendant-appellee",
    "defendant-appellant",
    "intervenor",
    "cross-appellant",
    "movant",
    "defendants-counterclaim",
    "plaintiffs-counterclaim",
];

/// Common acronyms and capitalised terms of trade that name no party: "CPU", "IP", "TV".
const COMMON_ACRONYMS: &[&str] = &[
    "cpu", "cpus", "gpu", "gpus", "ip", "pc", "pcs", "tv", "os", "ev", "evs", "llm", "llms", "it",
    "hr", "r&d", "m&a", "esg", "saas", "crm", "erp", "api", "sdk", "ui", "ux", "5g", "4g", "lte",
    "ai", "vr", "ar", "ceo", "cfo", "gdp", "ebitda", "ipo", "etf", "usd", "eur",
];

/// Papers of a case, named in capitals in court writing ("Memorandum Opinion and Order",
/// "Count II", "Rule 50"): no party.
const COURT_PAPERS: &[&str] = &[
    "order",
    "opinion",
    "memorandum",
    "rule",
    "motion",
    "count",
    "counts",
    "section",
    "exhibit",
    "complaint",
    "judgment",
    "judgement",
    "verdict",
    "docket",
    "brief",
    "stipulation",
    "decree",
    "injunction",
    "summons",
    "transcript",
    "appendix",
];

/// The families of qualifier words two reports may disagree on for the same agreement, each
/// with what the family asks ("how exclusive": "exclusive" against "sole" or "preferred").
pub const QUALIFIER_FAMILIES: &[(&str, &[&str])] = &[
    (
        "how exclusive",
        &[
            "exclusive",
            "sole",
            "non-exclusive",
            "preferred",
            "priority",
            "first",
        ],
    ),
    (
        "distribution or provision",
        &[
            "distribution",
            "distributing",
            "provider",
            "infrastructure",
            "hosting",
        ],
    ),
    (
        "what it covers",
        &["stateless", "apis", "technology", "models", "commercial"],
    ),
    (
        "how firm",
        &[
            "firm",
            "interruptible",
            "guaranteed",
            "unconditional",
            "conditional",
        ],
    ),
    ("how binding", &["binding", "non-binding", "non‑binding"]),
];

/// Phrases of the furniture around a law firm's alert or a newsletter item, which claims
/// nothing: the publisher's line and the disclaimer.
const FURNITURE_PHRASES: &[&str] = &[
    " is published by ",
    " is a service of ",
    " is a publication of ",
    "not constitute legal advice",
    "not legal advice",
    "for general information",
    "attorney advertising",
    "prior results do not guarantee",
    "all rights reserved",
    "subscribe to our newsletter",
];

/// Prepositions before a name that place something there ("in Delaware", "near Halden"). "At"
/// is out: "an analyst at Fjellmark Securities" names a firm.
const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "outside", "across", "throughout"];

/// Nouns of a region before "of": "the District of Oregon", "the State of Delaware".
const REGION_NOUNS: &[&str] = &["district", "state", "city", "county", "province", "region"];

/// Participles after "is" that describe what a product is for: "Frontier is designed as a
/// platform", "is positioned as".
const DESIGNED_AS: &[&str] = &[
    "designed",
    "positioned",
    "marketed",
    "billed",
    "built",
    "sold",
    "aimed",
];

/// Prepositions, conjunctions and auxiliaries: after a name they start a phrase, they are no
/// noun the name qualifies ("Nuvia to", "Arm and", "Qualcomm has").
const FUNCTION_WORDS: &[&str] = &[
    "to", "for", "of", "in", "on", "with", "by", "at", "from", "as", "and", "or", "is", "was",
    "has", "had", "will", "are", "were", "would", "could", "can", "may",
];

/// Words of a timestamp line under a headline besides its date and weekday: "Updated", "Posted
/// at 9:40 a.m. ET", "Published Monday, 18:02 GMT".
const TIMESTAMP_WORDS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "last",
    "first",
    "at",
    "on",
    "am",
    "pm",
    "a.m",
    "p.m",
    "et",
    "est",
    "edt",
    "pt",
    "gmt",
    "utc",
    "bst",
    "cet",
];

/// What a party has that unnamed people can be "familiar with" or "close to": "people
/// familiar with its plans" speak for it; "people familiar with its terms" (a deal's) do not.
const PARTY_MINDS: &[&str] = &[
    "plans",
    "thinking",
    "position",
    "strategy",
    "deliberations",
    "decision",
    "board",
    "leadership",
    "management",
    "executives",
    "lawyers",
    "intentions",
    "views",
    "case",
];

/// Words that may stand before a document that is a sentence's subject.
const DOCUMENT_MODIFIERS: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "own",
    "public",
    "investor",
    "formal",
    "emailed",
    "written",
    "latest",
    "earlier",
    "new",
    "original",
    "amended",
    "court",
    "legal",
    "regulatory",
    "annual",
    "quarterly",
    "internal",
    "leaked",
    "company",
    "official",
];

/// Words that make a capitalised run an organisation's name, not a person's, besides the
/// legal suffixes.
const ORGANISATION_WORDS: &[&str] = &[
    "group",
    "holdings",
    "shipping",
    "bank",
    "capital",
    "partners",
    "technologies",
    "technology",
    "systems",
    "energy",
    "airlines",
    "motors",
    "industries",
    "labs",
    "media",
    "networks",
    "pharma",
    "authority",
    "commission",
    "council",
    "court",
    "ministry",
    "department",
    "agency",
    "association",
    "university",
    "institute",
    "port",
    "services",
    "company",
    "foundation",
    "fund",
    "trust",
    "board",
    "office",
    "union",
    "federation",
    "committee",
    "government",
    "cloud",
    "ai",
    "web",
    "daily",
    "news",
    "times",
    "post",
    "journal",
    "securities",
    "lines",
    "terminal",
    "power",
    "light",
];

/// Last words a company's name is still known without, besides the legal suffixes: "Norrvik"
/// for Norrvik Holdings, "Fjell" for Fjell Group.
const PARENT_WORDS: &[&str] = &["holdings", "group"];

/// The verb "sue" in its forms: "Peerless sued Verizon", not "a suit against".
const SUE_VERBS: &[&str] = &["sue", "sues", "sued", "suing"];

/// US states as the wire services' style shortens them after a city's name, without their
/// final stop: "Malta, N.Y.", "Wilmington, Del.", "Armonk, N.Y.-based". The name before one is a
/// place.
const STATE_ABBREVIATIONS: &[&str] = &[
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
    "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "n.h", "n.j", "n.m",
    "n.y", "n.c", "n.d", "okla", "ore", "pa", "r.i", "s.c", "s.d", "tenn", "vt", "va", "wash",
    "w.va", "wis", "wyo", "d.c",
];
