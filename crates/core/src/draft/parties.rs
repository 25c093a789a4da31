//! The parties an article names: runs of capitalised words, kept when the text treats them as
//! actors (they speak, sign, sue, invest, are named among "companies such as …", carry a company
//! suffix) and dropped when it treats them as products ("Frontier, OpenAI's enterprise
//! platform") or outlets. The other names a party goes by are gathered with it: the
//! parenthesis ("Amazon Web Services (AWS)"), its initials, its first word ("Halvorsen" of
//! Halvorsen Maritime ASA), a surname, the description a report gives it ("container carrier
//! Halvorsen" makes it "the carrier"), and a headquarters' name newsrooms use for it
//! ("Redmond").

use crate::model::PartyKind;
use crate::suggest::names::known_outlet;
use crate::suggest::{segment, BlockKind, KnownParty};
use crate::text::lexicon::Words;
use crate::text::tokens::{is_one_of, strip_possessive, tokens, Token};
use std::collections::{BTreeMap, BTreeSet};

/// A party found in the articles.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: PartyKind,
    /// The articles (by index) that name it.
    pub articles: BTreeSet<usize>,
    pub mentions: usize,
    pub score: i32,
}

/// Capitalised words that open sentences or name no party.
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
    "per",
    "according",
    "asked",
    "earlier",
    "later",
    "meanwhile",
    "however",
    "still",
    "yet",
    "separately",
    "senior",
    "former",
    "new",
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
    "ai",
    "api",
    "apis",
    "ceo",
    "cfo",
    "ipo",
    "us",
    "u.s.",
    "uk",
    "u.k.",
    "eu",
    "un",
    "gmt",
    "et",
    "pt",
    "utc",
    "bst",
    "big",
    "tech",
    "mr",
    "ms",
    "mrs",
    "dr",
    "judge",
    "chief",
    "president",
    "minister",
    "senator",
    "governor",
    "mayor",
    "court",
    "circuit",
    "county",
    "state",
    "city",
    "north",
    "south",
    "east",
    "west",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "q1",
    "q2",
    "q3",
    "q4",
    "no",
    "here's",
    "what's",
    "it's",
];

/// Words that make a name a company's.
const COMPANY_SUFFIXES: &[&str] = &[
    "inc",
    "corp",
    "co",
    "ltd",
    "llc",
    "llp",
    "plc",
    "ag",
    "sa",
    "nv",
    "gmbh",
    "asa",
    "ab",
    "spa",
    "bv",
    "kk",
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
    "energy",
    "railways",
    "power",
    "light",
    "lease",
    "industrial",
    "infrastructure",
    "airlines",
    "motors",
    "industries",
    "technologies",
    "pharmaceuticals",
    "wind",
    "turbines",
    "stock",
    "logistics",
    "ventures",
    "fund",
    "investments",
    "telecom",
    "media",
    "networks",
    "foods",
    "mining",
    "resources",
];

/// Words that make a name a government's.
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
    "state",
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
    "council",
    "guild",
    "league",
];

/// Nouns that say a name is a product, not a party.
const PRODUCT_NOUNS: &[&str] = &[
    "platform",
    "product",
    "products",
    "service",
    "services",
    "tool",
    "tools",
    "model",
    "models",
    "app",
    "application",
    "software",
    "chip",
    "chips",
    "device",
    "brand",
    "network",
    "offering",
    "suite",
    "line",
    "assistant",
    "engine",
    "system",
    "infrastructure",
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
];

/// Verbs after a name that make it an actor.
const ACTS: &[&str] = &[
    "signed",
    "signs",
    "invested",
    "invests",
    "agreed",
    "agrees",
    "acquired",
    "acquires",
    "bought",
    "buys",
    "announced",
    "announces",
    "sued",
    "sues",
    "filed",
    "files",
    "hired",
    "hires",
    "retained",
    "retains",
    "paid",
    "pays",
    "owns",
    "runs",
    "operates",
    "leases",
    "supplies",
    "won",
    "lost",
    "cancelled",
    "canceled",
    "terminated",
    "terminates",
    "is",
    "are",
    "has",
    "have",
    "had",
    "was",
    "were",
    "will",
    "would",
    "declined",
    "denied",
    "wants",
    "plans",
    "considers",
    "weighs",
    "threatens",
    "threatened",
    "confirmed",
    "rejected",
    "reached",
    "approved",
    "offered",
    "holds",
    "sold",
    "sells",
    "built",
    "builds",
    "served",
    "sent",
    "told",
    "said",
    "says",
    "argues",
    "argued",
    "contends",
    "insists",
    "maintains",
];

/// The evidence a name needs to be kept as a party.
const KEEP: i32 = 4;

/// Newsrooms' names for a company by its headquarters.
const METONYMS: &[(&str, &str)] = &[
    ("Redmond", "Microsoft"),
    ("Cupertino", "Apple"),
    ("Mountain View", "Google"),
    ("Menlo Park", "Meta"),
    ("Armonk", "IBM"),
    ("Santa Clara", "Nvidia"),
    ("Wolfsburg", "Volkswagen"),
    ("Stuttgart", "Daimler"),
    ("Bentonville", "Walmart"),
];

/// Nouns a report describes a party with ("the carrier", "the utility").
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
    "insurer",
    "landlord",
    "tenant",
    "broker",
];

/// One capitalised run: its words, and where it stood.
#[derive(Clone, Debug)]
struct Run {
    words: Vec<String>,
    article: usize,
    /// Evidence from around it.
    score: i32,
    person: bool,
    product: bool,
    /// "(AWS)" right after it.
    parenthesis: Option<String>,
    /// "container carrier Halvorsen": the descriptor before it.
    descriptor: Option<String>,
    sentence_start: bool,
}

fn word_text<'a>(text: &'a str, token: &Token) -> &'a str {
    strip_possessive(token.text(text))
}

fn is_name_word(word: &str) -> bool {
    let first = word.chars().next();
    // "3M" is a name; "960-megawatt" is not.
    let digits_name =
        || word.len() > 1 && !word.contains(['-', '‑']) && word.chars().any(char::is_uppercase);
    first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() && digits_name())
        && !is_one_of(word.trim_end_matches('.'), NOT_NAMES)
}

/// The capitalised runs of one sentence, with the evidence around each.
fn runs_in(text: &str, article: usize, range: std::ops::Range<usize>, display: bool) -> Vec<Run> {
    let tokens = tokens(text, range);
    let mut runs = Vec::new();
    let mut index = 0;
    let first_word = tokens.iter().position(Token::is_word).unwrap_or(0);
    while index < tokens.len() {
        let token = &tokens[index];
        if !token.is_word() || token.quoted || !is_name_word(word_text(text, token)) {
            index += 1;
            continue;
        }
        let start = index;
        let mut words = vec![word_text(text, token).to_owned()];
        let mut end = index + 1;
        while end < tokens.len() {
            let next = &tokens[end];
            if next.is_word()
                && is_name_word(word_text(text, next))
                && !tokens[end - 1].text(text).ends_with(['’', '\''])
                && !tokens[end - 1].text(text).ends_with("’s")
                && !tokens[end - 1].text(text).ends_with("'s")
            {
                words.push(word_text(text, next).to_owned());
                end += 1;
            } else if (next.is_punct('&')
                || next.is_word()
                    && is_one_of(next.text(text), &["of", "&", "de", "van", "von", "der"]))
                && tokens
                    .get(end + 1)
                    .is_some_and(|after| after.is_word() && is_name_word(after.text(text)))
            {
                words.push(next.text(text).to_owned());
                end += 1;
            } else {
                break;
            }
        }
        index = end;
        // "Skarvik Terminal Co.": an abbreviated suffix keeps its full stop.
        if let Some(last) = words.last_mut() {
            let abbreviated = is_one_of(last, &["co", "corp", "inc", "ltd", "bros"]);
            if abbreviated && text[tokens[end - 1].range.end..].starts_with('.') {
                last.push('.');
            }
        }
        // "Amazon-OpenAI", "AWS‑Frontier": two names joined.
        let mut pieces: Vec<Vec<String>> = Vec::new();
        if words.len() == 1 && words[0].contains(['-', '‑']) {
            for part in words[0].split(['-', '‑']) {
                if is_name_word(part) && part.chars().next().is_some_and(char::is_uppercase) {
                    pieces.push(vec![part.to_owned()]);
                }
            }
            if pieces.len() < 2 {
                continue;
            }
        } else {
            pieces.push(words);
        }
        let last = end - 1;
        let next_word = |offset: usize| {
            tokens
                .get(last + offset)
                .filter(|token| token.is_word())
                .map(|token| token.text(text).to_ascii_lowercase())
        };
        let previous_word = |offset: usize| {
            start
                .checked_sub(offset)
                .and_then(|at| tokens.get(at))
                .filter(|token| token.is_word())
                .map(|token| token.text(text).to_ascii_lowercase())
        };
        let mut score = 0;
        let mut person = false;
        let mut product = false;
        // It speaks, acts, or is acted with.
        // "OpenAI's models": what follows a possessive is the party's, not the party.
        let possessive = tokens[last].text(text).ends_with(['’', '\''])
            || tokens[last].text(text).ends_with("’s")
            || tokens[last].text(text).ends_with("'s");
        if let Some(next) = next_word(1) {
            if Words::SpeechCue.has(&next) || Words::PositionCue.has(&next) {
                score += 3;
            } else if is_one_of(&next, ACTS) {
                score += 2;
            }
            if is_one_of(&next, PRODUCT_NOUNS) && !possessive {
                product = true;
            }
        }
        if tokens
            .get(last + 1)
            .is_some_and(|token| token.is_punct(','))
        {
            // "Frontier, OpenAI's enterprise platform": an apposition that names a product.
            let apposition: Vec<String> = tokens[last + 2..]
                .iter()
                .take_while(|token| !token.is_punct(',') && !token.is_punct('.'))
                .filter(|token| token.is_word())
                .take(8)
                .map(|token| token.text(text).to_ascii_lowercase())
                .collect();
            // An apposition opens with a determiner or a possessor ("its", "OpenAI's"); "over a
            // £120m berth agreement" is a phrase of the sentence, not one.
            let opens = apposition.first().is_some_and(|first| {
                is_one_of(
                    first,
                    &["a", "an", "the", "its", "their", "his", "her", "our"],
                ) || first.ends_with("’s")
                    || first.ends_with("'s")
            });
            if opens
                && apposition.iter().any(|word| is_one_of(word, PRODUCT_NOUNS))
                && !apposition.iter().any(|word| is_one_of(word, DESCRIPTORS))
            {
                product = true;
            }
            if apposition.iter().any(|word| Words::Title.has(word)) {
                person = true;
            }
        }
        if let Some(previous) = previous_word(1) {
            if is_one_of(
                &previous,
                &[
                    "with", "against", "between", "sued", "sue", "versus", "vs", "vs.", "from",
                    "by", "and",
                ],
            ) {
                score += 1;
            }
            // "its parent, Norrvik Holdings": a company's relation is a company.
            let related = is_one_of(
                &previous,
                &[
                    "parent",
                    "subsidiary",
                    "owner",
                    "rival",
                    "partner",
                    "client",
                    "customer",
                    "supplier",
                    "lender",
                    "insurer",
                ],
            ) || previous_word(2).is_some_and(|word| {
                is_one_of(
                    &word,
                    &[
                        "parent",
                        "subsidiary",
                        "owner",
                        "rival",
                        "partner",
                        "supplier",
                    ],
                )
            }) && tokens[start - 1].is_punct(',');
            if related {
                score += 2;
            }
            if is_one_of(
                &previous,
                &[
                    "mr.",
                    "ms.",
                    "mrs.",
                    "dr.",
                    "judge",
                    "mr",
                    "ms",
                    "mrs",
                    "dr",
                    "senator",
                    "executive",
                    "analyst",
                    "lawyer",
                    "spokesman",
                    "spokeswoman",
                    "spokesperson",
                ],
            ) {
                person = true;
            }
            if is_one_of(&previous, &["the"])
                && next_word(1).is_some_and(|next| is_one_of(&next, PRODUCT_NOUNS))
            {
                product = true;
            }
        }
        // "companies such as SoftBank, Nvidia and Amazon".
        let before: Vec<String> = tokens[..start]
            .iter()
            .rev()
            .filter(|token| token.is_word())
            .take(8)
            .map(|token| token.text(text).to_ascii_lowercase())
            .collect();
        if before.windows(2).any(|pair| {
            is_one_of(&pair[0], &["as", "like", "including"])
                && is_one_of(
                    &pair[1],
                    &[
                        "such",
                        "companies",
                        "firms",
                        "groups",
                        "rivals",
                        "competitors",
                        "partners",
                    ],
                )
                || is_one_of(&pair[1], &["companies", "firms", "rivals"])
                    && is_one_of(&pair[0], &["like", "including"])
        }) {
            score += 3;
        }
        // "designed as a broader enterprise platform", "positioned as a major platform".
        let after: Vec<String> = tokens[last + 1..]
            .iter()
            .filter(|token| token.is_word())
            .take(6)
            .map(|token| token.text(text).to_ascii_lowercase())
            .collect();
        if after
            .first()
            .is_some_and(|word| is_one_of(word, &["is", "was"]))
            && after.get(1).is_some_and(|word| {
                is_one_of(
                    word,
                    &[
                        "designed",
                        "positioned",
                        "built",
                        "marketed",
                        "sold",
                        "billed",
                    ],
                )
            })
        {
            product = true;
        }
        let parenthesis = (tokens
            .get(last + 1)
            .is_some_and(|token| token.is_punct('('))
            && tokens
                .get(last + 3)
                .is_some_and(|token| token.is_punct(')')))
        .then(|| tokens[last + 2].text(text).to_owned())
        .filter(|inner| {
            inner
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit())
                && inner.len() >= 2
        });
        let descriptor = previous_word(1).filter(|previous| is_one_of(previous, DESCRIPTORS));
        let sentence_start = start == first_word;
        let count = pieces.len();
        for words in pieces {
            runs.push(Run {
                score: if display { 0 } else { score },
                person,
                product,
                parenthesis: if count == 1 {
                    parenthesis.clone()
                } else {
                    None
                },
                descriptor: if count == 1 { descriptor.clone() } else { None },
                sentence_start,
                article,
                words,
            });
        }
    }
    runs
}

/// A candidate name, with all it was seen doing.
#[derive(Clone, Debug, Default)]
struct Candidate {
    name: String,
    articles: BTreeSet<usize>,
    mentions: usize,
    not_first: usize,
    score: i32,
    person: usize,
    product: usize,
    aliases: BTreeSet<String>,
}

fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|word| !is_one_of(word, &["of", "&", "and", "de", "the"]))
        .filter_map(|word| word.chars().next())
        .collect()
}

/// The parties of `articles` (their texts), with those already known (`seed`) kept whatever
/// their evidence.
pub fn discover(articles: &[&str], seed: &[KnownParty]) -> Vec<Found> {
    let mut candidates: BTreeMap<String, Candidate> = BTreeMap::new();
    for (article, text) in articles.iter().enumerate() {
        let segmented = segment(text);
        for sentence in &segmented.sentences {
            let kind = segmented.blocks[sentence.block].kind;
            // A headline's capitals are its style, not names.
            if kind == BlockKind::Headline {
                continue;
            }
            let display = kind == BlockKind::Standfirst;
            for run in runs_in(text, article, sentence.range.clone(), display) {
                let name = run.words.join(" ");
                if known_outlet(&name)
                    || run
                        .words
                        .last()
                        .is_some_and(|last| Words::OutletNameWord.list().contains(&last.as_str()))
                    || name.chars().any(|c| c.is_ascii_digit())
                        && !name.chars().any(char::is_alphabetic)
                {
                    continue;
                }
                let entry = candidates.entry(name.clone()).or_insert_with(|| Candidate {
                    name: name.clone(),
                    ..Candidate::default()
                });
                entry.articles.insert(run.article);
                entry.mentions += 1;
                entry.not_first += usize::from(!run.sentence_start && !display);
                entry.score += run.score;
                entry.person += usize::from(run.person);
                entry.product += usize::from(run.product);
                if let Some(parenthesis) = run.parenthesis {
                    entry.aliases.insert(parenthesis);
                }
                if let Some(descriptor) = run.descriptor {
                    entry.aliases.insert(format!("the {descriptor}"));
                }
            }
        }
    }
    merge_and_keep(candidates, seed, articles)
}

/// Gathers each party's names under one, and keeps the parties.
fn merge_and_keep(
    mut candidates: BTreeMap<String, Candidate>,
    seed: &[KnownParty],
    articles: &[&str],
) -> Vec<Found> {
    // Longest names first: each shorter one joins the first longer one it abbreviates.
    let mut names: Vec<String> = candidates.keys().cloned().collect();
    names.sort_by(|a, b| {
        b.split_whitespace()
            .count()
            .cmp(&a.split_whitespace().count())
            .then(b.len().cmp(&a.len()))
    });
    let mut into: BTreeMap<String, String> = BTreeMap::new();
    for short in &names {
        let short_words: Vec<&str> = short.split_whitespace().collect();
        let target = names.iter().find(|long| {
            if long == &short || into.contains_key(*long) {
                return false;
            }
            let long_words: Vec<&str> = long.split_whitespace().collect();
            if long_words.len() <= short_words.len() {
                return short.len() >= 2
                    && short.chars().all(|c| c.is_uppercase())
                    && initials(long) == *short
                    && long_words.len() >= 2;
            }
            // "Halvorsen" of "Halvorsen Maritime ASA"; "Calder Rolling Stock" of "Calder Rolling
            // Stock Ltd"; "Dahl" of "Ingrid Dahl" (a person's surname).
            let prefix = long_words.starts_with(&short_words);
            let surname = short_words.len() == 1
                && long_words.len() == 2
                && long_words[1] == short_words[0]
                && candidates
                    .get(*long)
                    .is_some_and(|candidate| candidate.person > 0);
            let acronym = short.len() >= 2
                && short.chars().all(|c| c.is_uppercase())
                && initials(long) == *short;
            (prefix && !Words::GenericFirstWord.has(short_words[0])) || surname || acronym
        });
        if let Some(target) = target {
            let root = into.get(target).cloned().unwrap_or_else(|| target.clone());
            into.insert(short.clone(), root);
        }
    }
    // A name's parenthesis joins it too ("Amazon Web Services (AWS)").
    for (name, candidate) in &candidates {
        for alias in &candidate.aliases {
            if candidates.contains_key(alias) && !into.contains_key(alias) && alias != name {
                let root = into.get(name).cloned().unwrap_or_else(|| name.clone());
                into.insert(alias.clone(), root);
            }
        }
    }
    for (metonym, company) in METONYMS {
        if candidates.contains_key(*metonym) && candidates.contains_key(*company) {
            let root = into
                .get(*company)
                .cloned()
                .unwrap_or_else(|| (*company).to_owned());
            into.insert((*metonym).to_owned(), root);
        }
    }
    let mut merged: BTreeMap<String, Candidate> = BTreeMap::new();
    let mut order: Vec<String> = candidates.keys().cloned().collect();
    order.sort();
    for name in order {
        let Some(candidate) = candidates.remove(&name) else {
            continue;
        };
        let mut root = name.clone();
        while let Some(next) = into.get(&root) {
            if next == &root {
                break;
            }
            root = next.clone();
        }
        let entry = merged.entry(root.clone()).or_insert_with(|| Candidate {
            name: root.clone(),
            ..Candidate::default()
        });
        entry.articles.extend(candidate.articles.iter().copied());
        entry.mentions += candidate.mentions;
        entry.not_first += candidate.not_first;
        entry.score += candidate.score;
        entry.person += candidate.person;
        entry.product += candidate.product;
        entry.aliases.extend(candidate.aliases);
        if name != root {
            entry.aliases.insert(name);
        }
    }
    let mut found: Vec<Found> = Vec::new();
    for candidate in merged.into_values() {
        let words: Vec<&str> = candidate.name.split_whitespace().collect();
        let suffix = words
            .iter()
            .any(|word| is_one_of(word.trim_end_matches('.'), COMPANY_SUFFIXES));
        let kind = if candidate.person > 0 && !suffix {
            PartyKind::Person
        } else if words.iter().any(|word| is_one_of(word, GOVERNMENT_WORDS)) {
            PartyKind::Government
        } else if words.iter().any(|word| is_one_of(word, GROUP_WORDS)) {
            PartyKind::Group
        } else {
            PartyKind::Company
        };
        let mut score = candidate.score + candidate.articles.len() as i32;
        if suffix {
            score += 3;
        }
        if candidate.person > 0 {
            score += 2;
        }
        // Named only as the first word of sentences: more likely a common word than a name.
        if candidate.not_first == 0 && !suffix && words.len() == 1 && !looks_like_a_brand(words[0])
        {
            score -= 3;
        }
        if candidate.product > 0 {
            score -= 5 * candidate.product as i32;
        }
        if score >= 2 {
            let aliases: Vec<String> = candidate
                .aliases
                .into_iter()
                .filter(|alias| alias != &candidate.name)
                .collect();
            found.push(Found {
                name: candidate.name,
                aliases,
                kind,
                articles: candidate.articles,
                mentions: candidate.mentions,
                score,
            });
        }
    }
    // Parties are the names with the evidence of actors; where that leaves fewer than the two
    // a dispute needs, the best of the weaker names too ("The Port of Brenna sued …" said once).
    let strong = found.iter().filter(|party| party.score >= KEEP).count();
    if strong >= 2 {
        found.retain(|party| party.score >= KEEP);
    } else {
        found.sort_by(|a, b| b.score.cmp(&a.score).then(b.mentions.cmp(&a.mentions)));
        found.truncate(2);
    }
    // A metonym in use joins its company even where it was only ever a sentence's subject.
    for party in &mut found {
        for (metonym, company) in METONYMS {
            if party.name == *company
                && articles.iter().any(|text| text.contains(metonym))
                && !party.aliases.iter().any(|alias| alias == metonym)
            {
                party.aliases.push((*metonym).to_owned());
            }
        }
    }
    // Parties already known stay, under their own names, with what was found added.
    for known in seed.iter().rev() {
        let matches = |found: &Found| {
            let names: Vec<&str> = std::iter::once(found.name.as_str())
                .chain(found.aliases.iter().map(String::as_str))
                .collect();
            names.contains(&known.name.as_str())
                || known
                    .aliases
                    .iter()
                    .any(|alias| names.contains(&alias.as_str()))
        };
        match found.iter().position(matches) {
            Some(position) => {
                let mut party = found.remove(position);
                let mut aliases = known.aliases.clone();
                for alias in std::iter::once(party.name.clone()).chain(party.aliases.drain(..)) {
                    if alias != known.name && !aliases.contains(&alias) {
                        aliases.push(alias);
                    }
                }
                party.name = known.name.clone();
                party.aliases = aliases;
                found.insert(0, party);
            }
            None => found.insert(
                0,
                Found {
                    name: known.name.clone(),
                    aliases: known.aliases.clone(),
                    kind: if known.person {
                        PartyKind::Person
                    } else {
                        PartyKind::Company
                    },
                    articles: BTreeSet::new(),
                    mentions: 0,
                    score: 0,
                },
            ),
        }
    }
    found.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
    found
}

/// "OpenAI", "SoftBank", "AWS": inner capitals or all capitals make a word a name even at the
/// start of a sentence.
fn looks_like_a_brand(word: &str) -> bool {
    word.chars().skip(1).any(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(articles: &[&str]) -> Vec<(String, Vec<String>)> {
        let mut found: Vec<(String, Vec<String>)> = discover(articles, &[])
            .into_iter()
            .map(|party| {
                let mut aliases = party.aliases;
                aliases.sort();
                (party.name, aliases)
            })
            .collect();
        found.sort();
        found
    }

    #[test]
    fn parties_are_actors_with_all_their_names_and_products_are_not() {
        let article = "Harbor board weighs suit\nNorwegian container carrier Halvorsen Maritime ASA said on Wednesday it would sue Skarvik Terminal Co. over its deal with Cordova Container Lines (CCL). Halvorsen signed the lease in 2019. Skarvik said the lease allows it. CCL declined to comment. The carrier runs Polaris, its booking platform, for clients. Polaris is designed as a booking platform. Analysts at Fjellmark Securities said the deal was a blow. Cordova Container Lines has not commented.";
        let found = names(&[article]);
        let parties: Vec<&str> = found.iter().map(|(name, _)| name.as_str()).collect();
        assert!(parties.contains(&"Halvorsen Maritime ASA"), "{found:?}");
        assert!(parties.contains(&"Skarvik Terminal Co."), "{found:?}");
        assert!(parties.contains(&"Cordova Container Lines"), "{found:?}");
        assert!(
            !parties.contains(&"Polaris"),
            "a product is no party: {found:?}"
        );
        let halvorsen = &found
            .iter()
            .find(|(name, _)| name == "Halvorsen Maritime ASA")
            .unwrap()
            .1;
        assert!(
            halvorsen.contains(&"Halvorsen".to_owned())
                && halvorsen.contains(&"the carrier".to_owned()),
            "{halvorsen:?}"
        );
        let cordova = &found
            .iter()
            .find(|(name, _)| name == "Cordova Container Lines")
            .unwrap()
            .1;
        assert!(cordova.contains(&"CCL".to_owned()), "{cordova:?}");
    }
}
