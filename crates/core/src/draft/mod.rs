//! A new dispute from its reports: from one to ten articles, a draft dispute file with the
//! parties they name, the agreements between them, what happened and when (at the precision
//! each report gives), every statement (the suggestion engine's), the candidate conflicts
//! where the reports disagree, and the claim guessed from the statements, all for an author to
//! confirm. Everything proposed points at the sentences it comes from (`Evidence`).
//!
//! The pieces, one module each: `parties` (who the articles name), `figures` (amounts and
//! counts as written, with their values), `facts` (agreements, investments and happenings,
//! sentence by sentence), `conflicts` (where reports disagree about the same thing), `score`
//! (the draft against a hand-made dispute).

pub mod conflicts;
pub mod facts;
pub mod figures;
pub mod parties;
pub mod score;
pub mod select;
pub mod when;

use crate::edit::unique_id;
use crate::model::{
    AnyId, Conflict, ConflictSide, Contract, ContractKind, ContractStatus, DatePrecision, Dispute,
    DisputeFile, DisputeStatus, EntityKind, Event, Modality, Party, PartyKind, ReportedDate,
    Source, SourceKind, Speaker, Statement, SCHEMA_VERSION,
};
use crate::suggest::names::Names;
use crate::suggest::{suggest, BlockKind, Known, KnownParty, Suggested};
use crate::text::tokens::{tokens, TokenKind};
use facts::{Deal, Happening, HappeningKind};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ops::Range;

/// The most articles one draft is made from.
pub const MOST_ARTICLES: usize = 10;

/// One report to draft from.
#[derive(Clone, Debug, Default)]
pub struct Article {
    /// Its source id (a file's name without its extension).
    pub id: String,
    pub text: String,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub published: Option<ReportedDate>,
}

/// Deals grouped as one agreement: their parties, whether an investment, the calendar date
/// they share, and the deals (indexes into the facts).
type Group = (Vec<usize>, bool, Option<String>, Vec<usize>);

/// A sentence of an article: the article's index and the sentence's range.
type Sentence = (usize, Range<usize>);

/// An entity with the sentences it comes from.
type Sourced<T> = (T, Vec<Sentence>);

/// Where an entity of the draft comes from: a range of one article's text.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    pub kind: EntityKind,
    pub id: String,
    pub source: String,
    pub range: Range<usize>,
}

/// A draft dispute file, and where each of its entities comes from.
#[derive(Clone, Debug)]
pub struct Draft {
    pub file: DisputeFile,
    pub evidence: Vec<Evidence>,
}

/// One article, read.
struct Read<'a> {
    article: &'a Article,
    reading: crate::text::Reading<'a>,
    suggested: Suggested,
    /// Its statements' ids, one per suggestion.
    statement_ids: Vec<String>,
    /// The report's own date: as given, or from its byline or dateline.
    published: Option<ReportedDate>,
}

impl Read<'_> {
    /// The report's day, for comparing relative dates.
    fn day(&self) -> Option<when::Day> {
        self.published
            .as_ref()
            .filter(|date| date.precision == DatePrecision::Day)
            .and_then(when::day_of)
    }
}

/// The draft of a dispute from `articles`; `seed` names parties already known; `as_of` is the
/// day the draft is made (`YYYY-MM-DD`).
pub fn draft(articles: &[Article], seed: &[KnownParty], as_of: &str) -> Result<Draft, String> {
    if articles.is_empty() {
        return Err("give at least one article to draft a dispute from".to_owned());
    }
    if articles.len() > MOST_ARTICLES {
        return Err(format!(
            "a draft is made from at most {MOST_ARTICLES} articles; {} were given",
            articles.len()
        ));
    }
    let mut taken: HashSet<String> = HashSet::new();
    for article in articles {
        if !crate::model::is_valid_id(&article.id) {
            return Err(format!("\"{}\" cannot name a source: use lowercase letters, digits and single hyphens, starting with a letter", article.id));
        }
        if !taken.insert(article.id.clone()) {
            return Err(format!("two articles are both named \"{}\"", article.id));
        }
        if !article.text.chars().any(char::is_alphabetic) {
            return Err(format!("the article \"{}\" has no words in it", article.id));
        }
    }
    let texts: Vec<&str> = articles
        .iter()
        .map(|article| article.text.as_str())
        .collect();
    let found = parties::discover(&texts, seed);
    if found.len() < 2 {
        let named = match found.first() {
            Some(party) => format!("only {}", party.name),
            None => "none".to_owned(),
        };
        return Err(format!(
            "a dispute needs at least two parties, and the articles name {named} as a party; name the parties you know and draft again"
        ));
    }
    let party_ids: Vec<String> = found
        .iter()
        .map(|party| {
            let id = seed
                .iter()
                .find(|known| known.name == party.name)
                .map(|known| known.id.clone())
                .filter(|id| !taken.contains(id))
                .unwrap_or_else(|| unique_id(&party.name, "party", |id| taken.contains(id)));
            taken.insert(id.clone());
            id
        })
        .collect();
    let known_parties: Vec<KnownParty> = found
        .iter()
        .zip(&party_ids)
        .map(|(party, id)| KnownParty {
            id: id.clone(),
            name: party.name.clone(),
            aliases: party.aliases.clone(),
            person: party.kind == PartyKind::Person,
        })
        .collect();
    let party_names: Vec<String> = found.iter().map(|party| party.name.clone()).collect();
    let names = Names::new(&known_parties);
    let known = Known {
        parties: known_parties.clone(),
        contracts: Vec::new(),
    };
    let reads: Vec<Read> = articles
        .iter()
        .map(|article| {
            let reading = crate::text::read(&article.text);
            let suggested = suggest(&reading, &known);
            let statement_ids = (1..=suggested.suggestions.len())
                .map(|number| {
                    let id = format!("{}-{number}", article.id);
                    taken.insert(id.clone());
                    id
                })
                .collect();
            Read {
                article,
                reading,
                suggested,
                statement_ids,
                published: article
                    .published
                    .clone()
                    .or_else(|| when::published(&article.text, &article.id)),
            }
        })
        .collect();
    let mut builder = Builder {
        reads: &reads,
        names: &names,
        party_ids: &party_ids,
        party_names: &party_names,
        taken,
        evidence: Vec::new(),
    };
    builder.build(&found, as_of)
}

/// The facts of every article, gathered.
#[derive(Default)]
struct Facts {
    deals: Vec<Deal>,
    happenings: Vec<Happening>,
    stages: Vec<conflicts::Stage>,
    quoted: Vec<conflicts::Quoted>,
    acts: Vec<conflicts::Act>,
    figures: Vec<conflicts::FigureMention>,
    /// For (act, "by" or "against", article): the parties named, and the sentences.
    roles: conflicts::Roles,
    /// For each party, the sentences of legal action it opens (a claimant's).
    legal_subjects: BTreeMap<usize, usize>,
    /// Parties named after "against", "sue", "vs.".
    legal_objects: BTreeMap<usize, usize>,
    breach: bool,
}

struct Builder<'a> {
    reads: &'a [Read<'a>],
    names: &'a Names,
    party_ids: &'a [String],
    party_names: &'a [String],
    taken: HashSet<String>,
    evidence: Vec<Evidence>,
}

impl Builder<'_> {
    fn new_id(&mut self, words: &str, fallback: &str) -> String {
        let id = unique_id(words, fallback, |id| self.taken.contains(id));
        self.taken.insert(id.clone());
        id
    }

    fn note(&mut self, kind: EntityKind, id: &str, article: usize, range: Range<usize>) {
        let evidence = Evidence {
            kind,
            id: id.to_owned(),
            source: self.reads[article].article.id.clone(),
            range,
        };
        if !self.evidence.contains(&evidence) {
            self.evidence.push(evidence);
        }
    }

    /// Every sentence's facts.
    fn facts(&self) -> Facts {
        let mut facts = Facts::default();
        for (index, read) in self.reads.iter().enumerate() {
            let text = read.article.text.as_str();
            let report = read.published.as_ref().and_then(|date| {
                let value = date.value.as_deref()?;
                let year = value.get(..4)?.parse().ok()?;
                let month = value.get(5..7).and_then(|month| month.parse().ok())?;
                Some((year, month))
            });
            let article = facts::Article {
                index,
                id: &read.article.id,
                text,
                report,
            };
            let segmented = &read.reading;
            let mut last_deal: Option<Deal> = None;
            // The party the article is about: the first one the sentence before named.
            let mut topic: Option<usize> = None;
            for sentence in &segmented.sentences {
                let block = segmented.blocks[sentence.block].kind;
                let sentence_tokens = tokens(text, sentence.range.clone());
                let mentions = self.names.mentions(text, &sentence_tokens);
                let read_sentence = facts::Sentence {
                    article: index,
                    range: sentence.range.clone(),
                    tokens: sentence_tokens,
                    mentions,
                    text,
                };
                facts.figures.extend(figure_mentions(&read_sentence));
                let deals = facts::deals_in(&read_sentence, &article, last_deal.as_ref());
                if let Some(deal) = deals.last() {
                    last_deal = Some(deal.clone());
                }
                if block != BlockKind::Headline {
                    let mut found =
                        facts::investments_in(&read_sentence, &article, topic, self.party_names);
                    found.extend(facts::happenings_in(
                        &read_sentence,
                        &article,
                        &deals,
                        self.party_names,
                    ));
                    let dated = facts::dated_in(&read_sentence, &article, &found);
                    found.extend(dated);
                    facts.happenings.extend(found);
                }
                if let Some(stage) = facts::legal_stage(&read_sentence) {
                    facts.stages.push(conflicts::Stage {
                        article: index,
                        stage,
                        sentence: sentence.range.clone(),
                    });
                    self.legal_roles(&read_sentence, &mut facts);
                }
                facts.breach |= text[sentence.range.clone()]
                    .to_lowercase()
                    .contains("breach");
                self.acts(&read_sentence, &mut facts);
                if block != BlockKind::Headline {
                    self.roles(&read_sentence, &mut facts);
                }
                if let Some(first) = read_sentence.mentions.first() {
                    topic = Some(first.party);
                }
                facts.deals.extend(deals);
            }
            for suggestion in &read.suggested.suggestions {
                let unit = tokens(text, suggestion.range.clone());
                let mut open = None;
                for (position, token) in unit.iter().enumerate() {
                    match token.kind {
                        TokenKind::OpenQuote => open = Some(position),
                        TokenKind::CloseQuote => {
                            if let Some(start) = open.take() {
                                let inside = &unit[start + 1..position];
                                let words: Vec<String> = inside
                                    .iter()
                                    .filter(|token| token.is_word())
                                    .map(|token| token.text(text).to_lowercase())
                                    .collect();
                                if words.len() >= 3 && words.len() <= 40 {
                                    let written = text
                                        [inside[0].range.start..inside[inside.len() - 1].range.end]
                                        .trim_end_matches([',', '.'])
                                        .to_owned();
                                    facts.quoted.push(conflicts::Quoted {
                                        article: index,
                                        words: words.join(" "),
                                        written,
                                        attribution: suggestion.attribution,
                                        cites: suggestion.cites.clone(),
                                        speaker: suggestion.party.clone().unwrap_or_else(|| {
                                            suggestion.description.to_lowercase()
                                        }),
                                        sentence: suggestion.range.clone(),
                                    });
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        facts
    }

    /// Who a sentence of legal action names as bringing it, and against whom.
    fn legal_roles(&self, sentence: &facts::Sentence, facts: &mut Facts) {
        let text = sentence.text;
        let words: Vec<(usize, String)> = sentence
            .tokens
            .iter()
            .enumerate()
            .filter(|(_, token)| token.is_word())
            .map(|(index, token)| (index, token.text(text).to_ascii_lowercase()))
            .collect();
        let legal_at = words.iter().find(|(_, word)| {
            [
                "lawsuit",
                "lawsuits",
                "suit",
                "litigation",
                "legal",
                "sue",
                "sues",
                "sued",
                "suing",
                "arbitration",
            ]
            .contains(&word.as_str())
        });
        let Some((legal_at, _)) = legal_at else {
            return;
        };
        if let Some(subject) = sentence
            .mentions
            .iter()
            .find(|mention| mention.start < *legal_at)
        {
            *facts.legal_subjects.entry(subject.party).or_default() += 1;
        }
        for (index, word) in &words {
            if ["against", "sue", "sued", "vs", "vs.", "v.", "versus"].contains(&word.as_str()) {
                let stop = sentence.tokens[*index..]
                    .iter()
                    .position(|token| token.is_punct(',') || token.is_punct('.'))
                    .map_or(sentence.tokens.len(), |offset| index + offset);
                for mention in sentence
                    .mentions
                    .iter()
                    .filter(|mention| mention.start > *index && mention.start < stop)
                {
                    *facts.legal_objects.entry(mention.party).or_default() += 1;
                }
            }
        }
    }

    /// Who a sentence says acted, and against whom, for the acts reports most often disagree
    /// on: suing, terminating, serving notice. The subjects are the parties named before the
    /// act's word in its clause and after a "by" ("signed jointly by Greyhaven and Ardent");
    /// the objects, those named after it ("sued Upper Tallis Power & Light and Quillon Labs").
    fn roles(&self, sentence: &facts::Sentence, facts: &mut Facts) {
        for class in ["sue", "terminate", "notice"] {
            let words = facts::ACTIONS
                .iter()
                .find(|(name, _)| *name == class)
                .map(|(_, words)| *words)
                .unwrap_or_default();
            let Some(at) = sentence.tokens.iter().position(|token| {
                token.is_word()
                    && !token.quoted
                    && crate::text::tokens::is_one_of(token.text(sentence.text), words)
            }) else {
                continue;
            };
            let clause_start = (0..at)
                .rev()
                .find(|&index| {
                    sentence.tokens[index].is_punct(',') || sentence.tokens[index].is_punct(';')
                })
                .map_or(0, |index| index + 1);
            let clause_end = (at..sentence.tokens.len())
                .find(|&index| {
                    sentence.tokens[index].is_punct(';') || sentence.tokens[index].is_punct('.')
                })
                .unwrap_or(sentence.tokens.len());
            let by = (at..clause_end).find(|&index| {
                sentence.tokens[index].is_word()
                    && sentence.tokens[index]
                        .text(sentence.text)
                        .eq_ignore_ascii_case("by")
            });
            let mut subjects: BTreeSet<usize> = sentence
                .mentions
                .iter()
                .filter(|mention| mention.start >= clause_start && mention.end <= at)
                .map(|mention| mention.party)
                .collect();
            let mut objects = BTreeSet::new();
            for mention in sentence
                .mentions
                .iter()
                .filter(|mention| mention.start > at && mention.start < clause_end)
            {
                if by.is_some_and(|by| mention.start > by) {
                    subjects.insert(mention.party);
                } else if class == "sue" {
                    objects.insert(mention.party);
                }
            }
            let subjects: BTreeSet<usize> = subjects.difference(&objects).copied().collect();
            for (role, parties) in [("by", subjects), ("against", objects)] {
                if parties.is_empty() {
                    continue;
                }
                let entry = facts
                    .roles
                    .entry((class, role, sentence.article))
                    .or_default();
                entry.0.extend(parties);
                entry.1.push(sentence.range.clone());
            }
        }
    }

    /// Acts a sentence names parties for: talks, and a suit against someone.
    fn acts(&self, sentence: &facts::Sentence, facts: &mut Facts) {
        let text = sentence.text;
        let lower = text[sentence.range.clone()].to_lowercase();
        let talk_words = ["negotiating", "negotiations", "talks", "discussions"];
        let Some(word) = talk_words.iter().find(|word| {
            lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|token| token == **word)
        }) else {
            return;
        };
        let all = lower.contains("all parties")
            || lower.contains("all sides")
            || lower.contains("all three");
        let parties: BTreeSet<usize> = sentence
            .mentions
            .iter()
            .map(|mention| mention.party)
            .collect();
        if !all && parties.len() < 2 {
            return;
        }
        let at = lower.find(word).unwrap_or(0);
        let written =
            text[sentence.range.start + at..sentence.range.start + at + word.len()].to_owned();
        facts.acts.push(conflicts::Act {
            act: "talks",
            article: sentence.article,
            parties: (!all).then_some(parties),
            sentence: sentence.range.clone(),
            written,
        });
    }

    fn build(&mut self, found: &[parties::Found], as_of: &str) -> Result<Draft, String> {
        let facts = self.facts();
        // Agreements: the deals between the same parties, of the same kind, made on the same
        // calendar date if dated; undated and relatively dated deals join their parties'
        // undated agreement.
        let mut groups: Vec<Group> = Vec::new();
        for (index, deal) in facts.deals.iter().enumerate() {
            let calendar = deal
                .date
                .as_ref()
                .filter(|date| {
                    matches!(
                        date.precision,
                        DatePrecision::Day | DatePrecision::Month | DatePrecision::Year
                    )
                })
                .and_then(|date| date.value.clone());
            let sorted = |parties: &[usize]| {
                let mut sorted = parties.to_vec();
                sorted.sort_unstable();
                sorted
            };
            let key_matches = |group: &&mut Group| {
                sorted(&group.0) == sorted(&deal.parties)
                    && group.1 == deal.investment
                    && group.2 == calendar
            };
            match groups.iter_mut().find(key_matches) {
                Some(group) => group.3.push(index),
                None => groups.push((deal.parties.clone(), deal.investment, calendar, vec![index])),
            }
        }
        let mut contracts: Vec<Contract> = Vec::new();
        let mut contract_facts: Vec<conflicts::ContractFacts> = Vec::new();
        for (parties, investment, calendar, members) in &groups {
            let deals: Vec<&Deal> = members.iter().map(|index| &facts.deals[*index]).collect();
            let first = deals[0];
            let noun = deals
                .iter()
                .find(|deal| deal.noun.contains(' '))
                .unwrap_or(&first)
                .noun
                .clone();
            let pair = parties
                .iter()
                .map(|party| self.party_names[*party].as_str())
                .collect::<Vec<_>>()
                .join("–");
            let date = deals.iter().find_map(|deal| deal.date.clone());
            let title = match (calendar, &date) {
                (Some(_), Some(date)) => format!(
                    "{} {pair} {noun}",
                    date.text
                        .trim_start_matches("In ")
                        .trim_start_matches("in ")
                ),
                _ => format!("{pair} {noun}"),
            };
            let id = self.new_id(&title, "contract");
            let articles: BTreeSet<usize> = deals.iter().map(|deal| deal.article).collect();
            for deal in &deals {
                self.note(
                    EntityKind::Contract,
                    &id,
                    deal.article,
                    deal.sentence.clone(),
                );
            }
            let first_sentence = &self.reads[first.article].article.text[first.sentence.clone()];
            contracts.push(Contract {
                id: id.as_str().into(),
                title: title.clone(),
                kind: if *investment {
                    ContractKind::Investment
                } else if noun.contains("partnership") || noun.contains("alliance") {
                    ContractKind::Partnership
                } else if deals
                    .iter()
                    .any(|deal| deal.status == ContractStatus::NonBinding)
                {
                    ContractKind::Framework
                } else {
                    ContractKind::Commercial
                },
                parties: parties
                    .iter()
                    .map(|party| self.party_ids[*party].as_str().into())
                    .collect(),
                date: date.clone(),
                value: deals
                    .iter()
                    .find_map(|deal| deal.value.as_ref().map(|(words, _)| words.clone())),
                status: deals
                    .iter()
                    .map(|deal| deal.status)
                    .find(|status| *status != ContractStatus::Signed)
                    .unwrap_or(ContractStatus::Signed),
                summary: shortened(first_sentence, 240),
                sources: articles
                    .iter()
                    .map(|article| self.reads[*article].article.id.as_str().into())
                    .collect(),
            });
            contract_facts.push(conflicts::ContractFacts {
                title,
                parties: parties.clone(),
                deals,
            });
        }
        // Investments by verb, when dated: an agreement each.
        let investments: Vec<&Happening> = facts
            .happenings
            .iter()
            .filter(|happening| happening.kind == HappeningKind::Investment)
            .collect();
        for happening in &investments {
            let Some((words, _)) = &happening.figure else {
                continue;
            };
            if happening.date.value.is_none() {
                continue;
            }
            let title = format!(
                "{}’s {} investment in {}",
                self.party_names[happening.parties[0]],
                happening
                    .date
                    .value
                    .clone()
                    .unwrap_or_default()
                    .get(..4)
                    .unwrap_or(""),
                self.party_names[happening.parties[1]]
            );
            if contracts.iter().any(|contract| contract.title == title) {
                continue;
            }
            let id = self.new_id(&title, "investment");
            self.note(
                EntityKind::Contract,
                &id,
                happening.article,
                happening.sentence.clone(),
            );
            contracts.push(Contract {
                id: id.as_str().into(),
                title,
                kind: ContractKind::Investment,
                parties: happening
                    .parties
                    .iter()
                    .map(|party| self.party_ids[*party].as_str().into())
                    .collect(),
                date: Some(happening.date.clone()),
                value: Some(words.clone()),
                status: ContractStatus::Completed,
                summary: shortened(
                    &self.reads[happening.article].article.text[happening.sentence.clone()],
                    240,
                ),
                sources: vec![self.reads[happening.article].article.id.as_str().into()],
            });
        }
        let events = self.events(&facts, &groups);
        let statements = self.statements(&contracts, &events);
        let texts: Vec<&str> = self
            .reads
            .iter()
            .map(|read| read.article.text.as_str())
            .collect();
        let claimant = facts
            .legal_subjects
            .iter()
            .max_by_key(|(_, count)| **count)
            .map(|(party, _)| *party);
        let mut candidates = Vec::new();
        candidates.extend(conflicts::figures(
            &contract_facts,
            &investments,
            &texts,
            self.party_names,
        ));
        candidates.extend(conflicts::timing(&contract_facts, &texts));
        let report_days: Vec<Option<when::Day>> = self.reads.iter().map(Read::day).collect();
        candidates.extend(conflicts::event_timing(&facts.happenings, &report_days));
        candidates.extend(conflicts::figures_by_anchor(&facts.figures));
        candidates.extend(conflicts::roles(&facts.roles, self.party_names));
        candidates.extend(conflicts::qualifiers(&contract_facts, &texts));
        candidates.extend(conflicts::attributions(&facts.quoted));
        candidates.extend(conflicts::acts(&facts.acts, self.party_names));
        candidates.extend(conflicts::stages(
            &facts.stages,
            claimant.map(|party| self.party_names[party].as_str()),
        ));
        let conflicts = self.conflicts(candidates, &statements, &contracts);
        let dispute = self.dispute(&facts, claimant, found, &contracts);
        // Where the claim and each party come from: the sentences of legal action, and the
        // first sentence of each article that names the party.
        for stage in &facts.stages {
            self.note(
                EntityKind::Dispute,
                "claim",
                stage.article,
                stage.sentence.clone(),
            );
        }
        for (party, id) in found.iter().zip(self.party_ids) {
            for (index, read) in self.reads.iter().enumerate() {
                let text = read.article.text.as_str();
                let names = || std::iter::once(&party.name).chain(&party.aliases);
                let first = read.reading.sentences.iter().find(|sentence| {
                    names().any(|name| text[sentence.range.clone()].contains(name.as_str()))
                });
                if let Some(sentence) = first {
                    self.note(EntityKind::Party, id, index, sentence.range.clone());
                }
            }
        }
        let file = self.file(
            found, &facts, dispute, contracts, statements, events, conflicts, as_of,
        );
        Ok(Draft {
            file,
            evidence: std::mem::take(&mut self.evidence),
        })
    }

    /// What happened or is expected: one event per happening, those of the same kind and
    /// date across reports merged; in date order, the undated after.
    fn events(&mut self, facts: &Facts, groups: &[Group]) -> Vec<Sourced<Event>> {
        let mut merged: Vec<(Happening, BTreeSet<usize>, Vec<Sentence>)> = Vec::new();
        for happening in &facts.happenings {
            if happening.kind == HappeningKind::Investment && happening.date.value.is_none() {
                continue;
            }
            let same = |other: &Happening| {
                other.kind == happening.kind
                    && other.date.precision == happening.date.precision
                    && other.date.value == happening.date.value
                    && (happening.date.precision != DatePrecision::Relative
                        || other.article == happening.article
                            && other.date.text == happening.date.text)
                    && (happening.kind != HappeningKind::Investment
                        || other.figure.as_ref().map(|figure| &figure.0)
                            == happening.figure.as_ref().map(|figure| &figure.0))
                    && (happening.kind != HappeningKind::Signing
                        || other.parties == happening.parties)
                    && (happening.kind != HappeningKind::Dated
                        || other.class == happening.class
                            && (other.parties.is_empty()
                                || happening.parties.is_empty()
                                || other
                                    .parties
                                    .iter()
                                    .any(|party| happening.parties.contains(party))))
            };
            match merged.iter_mut().find(|(other, ..)| same(other)) {
                Some((_, articles, sentences)) => {
                    articles.insert(happening.article);
                    sentences.push((happening.article, happening.sentence.clone()));
                }
                None => merged.push((
                    happening.clone(),
                    BTreeSet::from([happening.article]),
                    vec![(happening.article, happening.sentence.clone())],
                )),
            }
        }
        let _ = groups;
        let mut events: Vec<Sourced<Event>> = Vec::new();
        for (happening, articles, sentences) in merged {
            let title = happening
                .subject
                .clone()
                .unwrap_or_else(|| "An event".to_owned());
            let id = self.new_id(&title, "event");
            for (article, range) in &sentences {
                self.note(EntityKind::Event, &id, *article, range.clone());
            }
            let (article, range) = &sentences[0];
            let mut parties: Vec<AnyId> = Vec::new();
            for party in &happening.parties {
                let id = self.party_ids[*party].as_str();
                if !parties.iter().any(|known| known.as_str() == id) {
                    parties.push(AnyId(id.to_owned()));
                }
            }
            let mut date = happening.date.clone();
            if date.precision == DatePrecision::Relative {
                date.relative_to = Some(self.reads[*article].article.id.as_str().into());
            }
            events.push((
                Event {
                    id: id.as_str().into(),
                    title,
                    summary: shortened(&self.reads[*article].article.text[range.clone()], 240),
                    date,
                    status: happening.status,
                    parties: parties.into_iter().map(|id| id.0.as_str().into()).collect(),
                    contracts: Vec::new(),
                    sources: articles
                        .iter()
                        .map(|article| self.reads[*article].article.id.as_str().into())
                        .collect(),
                },
                sentences,
            ));
        }
        // Dated events in date order; relative and undated ones keep their order, after them.
        let mut dated: Vec<Sourced<Event>> = Vec::new();
        let mut undated = Vec::new();
        for event in events {
            if event.0.date.sort_key().is_some() {
                dated.push(event);
            } else {
                undated.push(event);
            }
        }
        dated.sort_by_key(|(event, _)| event.date.sort_key());
        dated.extend(undated);
        dated
    }

    /// The statements, each about the parties, agreements and events of its sentence.
    fn statements(
        &mut self,
        contracts: &[Contract],
        events: &[Sourced<Event>],
    ) -> Vec<(Statement, usize, Range<usize>)> {
        let mut statements = Vec::new();
        let dispute_id = "claim";
        for (index, read) in self.reads.iter().enumerate() {
            let text = read.article.text.as_str();
            for (suggestion, id) in read.suggested.suggestions.iter().zip(&read.statement_ids) {
                let sentence = &read.reading.sentences[suggestion.sentence].range;
                let overlaps = |evidence: &Evidence| {
                    evidence.source == read.article.id
                        && evidence.range.start < sentence.end
                        && sentence.start < evidence.range.end
                };
                let mut about: Vec<AnyId> = suggestion
                    .about
                    .iter()
                    .map(|id| AnyId(id.clone()))
                    .collect();
                for evidence in self.evidence.iter().filter(|evidence| {
                    matches!(evidence.kind, EntityKind::Contract | EntityKind::Event)
                }) {
                    if overlaps(evidence) && !about.iter().any(|known| known.0 == evidence.id) {
                        about.push(AnyId(evidence.id.clone()));
                    }
                }
                let _ = (contracts, events);
                if about.is_empty() {
                    about.push(AnyId(dispute_id.to_owned()));
                }
                self.note(EntityKind::Statement, id, index, suggestion.range.clone());
                statements.push((
                    Statement {
                        id: id.as_str().into(),
                        speaker: Speaker {
                            party: suggestion.party.as_deref().map(Into::into),
                            description: suggestion.description.clone(),
                        },
                        attribution: suggestion.attribution,
                        modality: suggestion.modality,
                        source: read.article.id.as_str().into(),
                        cites: None,
                        about,
                        quote: suggestion.quote(text).to_owned(),
                        summary: suggestion.summary(text),
                    },
                    index,
                    suggestion.range.clone(),
                ));
            }
        }
        statements
    }

    /// Candidate conflicts as the file's conflicts: each side's statements are those of its
    /// sentences; a side with none, and a conflict left with fewer than two sides, go.
    fn conflicts(
        &mut self,
        candidates: Vec<conflicts::Candidate>,
        statements: &[(Statement, usize, Range<usize>)],
        contracts: &[Contract],
    ) -> Vec<Conflict> {
        let mut conflicts: Vec<Conflict> = Vec::new();
        for candidate in candidates {
            if conflicts
                .iter()
                .any(|conflict| conflict.title == candidate.title)
            {
                continue;
            }
            let mut sides = Vec::new();
            for side in &candidate.sides {
                let chosen: Vec<&Statement> = statements
                    .iter()
                    .filter(|(_, article, range)| {
                        *article == side.article
                            && side.sentences.iter().any(|sentence| {
                                range.start < sentence.end && sentence.start < range.end
                            })
                    })
                    .map(|(statement, ..)| statement)
                    .collect();
                if chosen.is_empty() {
                    continue;
                }
                let highlight: Vec<String> = side
                    .highlight
                    .iter()
                    .filter(|words| {
                        !words.is_empty()
                            && chosen
                                .iter()
                                .any(|statement| statement.quote.contains(words.as_str()))
                    })
                    .cloned()
                    .collect::<BTreeSet<String>>()
                    .into_iter()
                    .collect();
                let asserted = chosen
                    .iter()
                    .any(|statement| statement.modality == Modality::Asserted);
                sides.push(ConflictSide {
                    source: self.reads[side.article].article.id.as_str().into(),
                    position: side.says.clone(),
                    modality: Some(if asserted {
                        Modality::Asserted
                    } else {
                        Modality::Speculative
                    }),
                    statements: chosen
                        .iter()
                        .map(|statement| statement.id.clone())
                        .collect(),
                    highlight,
                });
            }
            if sides.len() < 2 {
                continue;
            }
            // Two candidates of one kind from the same statements are one disagreement, found twice.
            let statements_of = |sides: &[ConflictSide]| -> BTreeSet<String> {
                sides
                    .iter()
                    .flat_map(|side| side.statements.iter().map(|id| id.0.clone()))
                    .collect()
            };
            let these = statements_of(&sides);
            if conflicts
                .iter()
                .any(|known| known.kind == candidate.kind && statements_of(&known.sides) == these)
            {
                continue;
            }
            let id = self.new_id(&candidate.title, "conflict");
            for side in &candidate.sides {
                for sentence in &side.sentences {
                    self.note(EntityKind::Conflict, &id, side.article, sentence.clone());
                }
            }
            let mut about: Vec<AnyId> = candidate
                .parties
                .iter()
                .map(|party| AnyId(self.party_ids[*party].clone()))
                .collect();
            if let Some(contract) = candidate.contract.and_then(|index| contracts.get(index)) {
                about.push(AnyId(contract.id.0.clone()));
            }
            conflicts.push(Conflict {
                id: id.as_str().into(),
                title: candidate.title,
                kind: candidate.kind,
                difference: candidate.difference,
                sides,
                about,
            });
        }
        conflicts
    }

    /// The claim, guessed from the statements: who brings legal action, against whom, how far.
    fn dispute(
        &self,
        facts: &Facts,
        claimant: Option<usize>,
        found: &[parties::Found],
        contracts: &[Contract],
    ) -> Dispute {
        let most_named = |not: Option<usize>| (0..found.len()).find(|party| Some(*party) != not);
        let claimant = claimant.or_else(|| most_named(None)).unwrap_or(0);
        let mut respondents: Vec<usize> = facts
            .legal_objects
            .keys()
            .copied()
            .filter(|party| *party != claimant)
            .collect();
        if respondents.is_empty() {
            respondents.extend(most_named(Some(claimant)));
        }
        let filed = facts.stages.iter().any(|stage| stage.stage == "filed");
        let claim = if facts.breach {
            "breach of contract"
        } else {
            "legal action"
        };
        let name = |party: usize| self.party_names.get(party).cloned().unwrap_or_default();
        let against = respondents
            .iter()
            .map(|party| name(*party))
            .collect::<Vec<_>>()
            .join(" and ");
        Dispute {
            id: "claim".into(),
            title: format!("{}’s {} claim against {}", name(claimant), claim, against),
            claim: claim.to_owned(),
            status: if filed { DisputeStatus::Filed } else { DisputeStatus::Threatened },
            claimants: vec![self.party_ids.get(claimant).cloned().unwrap_or_default().as_str().into()],
            respondents: respondents.iter().filter_map(|party| self.party_ids.get(*party)).map(|id| id.as_str().into()).collect(),
            contracts: contracts.iter().map(|contract| contract.id.clone()).collect(),
            clauses: Vec::new(),
            summary: "Proposed from the reports for the author to confirm: who claims against whom, and how far it has gone.".to_owned(),
            sources: self.reads.iter().map(|read| read.article.id.as_str().into()).collect(),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn file(
        &mut self,
        found: &[parties::Found],
        facts: &Facts,
        dispute: Dispute,
        contracts: Vec<Contract>,
        statements: Vec<(Statement, usize, Range<usize>)>,
        events: Vec<Sourced<Event>>,
        conflicts: Vec<Conflict>,
        as_of: &str,
    ) -> DisputeFile {
        let _ = facts;
        // The outlets the reports cite, each a source of its own.
        let mut outlets: Vec<Source> = Vec::new();
        let mut cites_of: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
        let statements: Vec<Statement> = statements
            .into_iter()
            .map(|(mut statement, article, range)| {
                let suggestion = self.reads[article]
                    .suggested
                    .suggestions
                    .iter()
                    .find(|suggestion| suggestion.range == range);
                if let Some(written) = suggestion.and_then(|suggestion| suggestion.cites.clone()) {
                    let name = written
                        .trim_start_matches("the ")
                        .trim_start_matches("The ");
                    let title = crate::suggest::outlet_full_name(name).to_owned();
                    let id = match outlets.iter().find(|outlet| outlet.title == title) {
                        Some(outlet) => outlet.id.0.clone(),
                        None => {
                            let id = self.new_id(&title, "outlet");
                            outlets.push(Source {
                                id: id.as_str().into(),
                                title: title.clone(),
                                short_title: None,
                                kind: SourceKind::CitedOutlet,
                                url: None,
                                publisher: None,
                                published: None,
                                cites: Vec::new(),
                                file: None,
                                text: None,
                                note: Some(
                                    "An outlet the reports cite; its own text is not in the file."
                                        .to_owned(),
                                ),
                            });
                            id
                        }
                    };
                    cites_of.entry(article).or_default().insert(id.clone());
                    statement.cites = Some(id.as_str().into());
                }
                statement
            })
            .collect();
        let mut sources: Vec<Source> = self
            .reads
            .iter()
            .enumerate()
            .map(|(index, read)| {
                let article = read.article;
                Source {
                    id: article.id.as_str().into(),
                    title: article
                        .title
                        .clone()
                        .filter(|title| !title.trim().is_empty())
                        .unwrap_or_else(|| first_line(&article.text)),
                    short_title: None,
                    kind: SourceKind::NewsReport,
                    url: article.url.clone(),
                    publisher: article.publisher.clone(),
                    published: read.published.clone(),
                    cites: cites_of
                        .get(&index)
                        .map(|ids| ids.iter().map(|id| id.as_str().into()).collect())
                        .unwrap_or_default(),
                    file: None,
                    text: Some(article.text.clone()),
                    note: None,
                }
            })
            .collect();
        sources.extend(outlets);
        let claimants: Vec<String> = dispute.claimants.iter().map(|id| id.0.clone()).collect();
        let respondents: Vec<String> = dispute.respondents.iter().map(|id| id.0.clone()).collect();
        let parties: Vec<Party> = found
            .iter()
            .zip(self.party_ids)
            .map(|(party, id)| {
                let role = if claimants.contains(id) {
                    "Claimant (proposed)"
                } else if respondents.contains(id) {
                    "Respondent (proposed)"
                } else {
                    "Named in the reports"
                };
                let mut articles: Vec<usize> = party.articles.iter().copied().collect();
                if articles.is_empty() {
                    articles.push(0);
                }
                Party {
                    id: id.as_str().into(),
                    name: party.name.clone(),
                    kind: party.kind,
                    aliases: party.aliases.clone(),
                    role: role.to_owned(),
                    summary: "Named in the reports; its summary is the author's to write."
                        .to_owned(),
                    sources: articles
                        .iter()
                        .map(|article| self.reads[*article].article.id.as_str().into())
                        .collect(),
                }
            })
            .collect();
        let name = |ids: &[String]| -> String {
            ids.iter()
                .filter_map(|id| parties.iter().find(|party| party.id.0 == *id))
                .map(|party| party.name.clone())
                .collect::<Vec<_>>()
                .join(" and ")
        };
        DisputeFile {
            json_schema: Some("dispute-map.schema.json".to_owned()),
            schema: SCHEMA_VERSION.to_owned(),
            as_of: as_of.to_owned(),
            title: format!("{} v. {} (draft)", name(&claimants), name(&respondents)),
            summary: "A draft proposed from the reports: every entity points at the sentences it comes from, for the author to confirm or dismiss.".to_owned(),
            dispute,
            sources,
            parties,
            contracts,
            clauses: Vec::new(),
            statements,
            events: events.into_iter().map(|(event, _)| event).collect(),
            conflicts,
            tour: Vec::new(),
        }
    }
}

/// The figures of a sentence with the words that say what they count: the words up to eight
/// tokens before and three after, not the parties' names; agreements' nouns read as one
/// ("deal", "order", "contract" are all an agreement's).
fn figure_mentions(sentence: &facts::Sentence) -> Vec<conflicts::FigureMention> {
    let text = sentence.text;
    let in_a_name = |index: usize| {
        sentence
            .mentions
            .iter()
            .any(|mention| mention.start <= index && index < mention.end)
    };
    let anchor = |index: usize| -> Option<String> {
        let token = sentence.tokens.get(index).filter(|token| token.is_word())?;
        if in_a_name(index) {
            return None;
        }
        let word = conflicts::anchor_word(token.text(text));
        let word = if crate::text::tokens::is_one_of(
            &word,
            &["deal", "contract", "order", "pact", "agreement", "accord"],
        ) {
            "agreement".to_owned()
        } else {
            word
        };
        conflicts::is_anchor(&word).then_some(word)
    };
    figures::figures_in(text, &sentence.tokens)
        .into_iter()
        .filter_map(|figure| {
            let first = sentence
                .tokens
                .iter()
                .position(|token| token.range.start >= figure.range.start)?;
            let last = sentence
                .tokens
                .iter()
                .rposition(|token| token.range.end <= figure.range.end)?;
            let before = (first.saturating_sub(8)..first).filter_map(anchor);
            let after = (last + 1..(last + 4).min(sentence.tokens.len())).filter_map(anchor);
            let mut anchors: Vec<String> = Vec::new();
            for word in before.chain(after) {
                if !anchors.contains(&word) {
                    anchors.push(word);
                }
            }
            if figure.unit != "USD"
                && figure.unit != "GBP"
                && figure.unit != "EUR"
                && figure.unit != "%"
            {
                anchors.push(conflicts::anchor_word(&figure.unit));
            }
            Some(conflicts::FigureMention {
                article: sentence.article,
                sentence: sentence.range.clone(),
                written: text[figure.range.clone()].to_owned(),
                at: figure.range.clone(),
                figure,
                anchors,
            })
        })
        .collect()
}

/// The first line of an article: its headline, as a title.
fn first_line(text: &str) -> String {
    shortened(
        text.lines()
            .map(str::trim)
            .find(|line| !line.is_empty())
            .unwrap_or("Untitled report"),
        160,
    )
}

/// Text cut to about `room` characters at a word.
fn shortened(text: &str, room: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(room) {
        Some((cut, _)) => {
            let cut = text[..cut].rfind(' ').unwrap_or(cut);
            format!("{}…", text[..cut].trim_end_matches([',', ';', ':']))
        }
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests;
