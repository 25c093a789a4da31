//! A new dispute from its reports: from one to ten articles, a draft dispute file with the
//! parties in the fight, the agreements between them, what happened and when (at the precision
//! each report gives), every statement (the suggestion engine's), the candidate conflicts where
//! the reports disagree, and the claim, all for an author to confirm. Everything proposed
//! points at the sentences it comes from (`Evidence`).
//!
//! Each article is read once (`text::read`) and everything asks that reading. The pieces, one
//! module each, in the order they run: `entities` (who the articles name, each once), `acts`
//! (who does what to whom, sentence by sentence), `parties` (which entities are in the fight),
//! `claim`, `agreements`, `events`, `conflicts` (where reports disagree about the same act or
//! thing); `figures` and `when` read amounts and dates; `select` keeps the accepted part of a
//! draft; `score` measures a draft against a hand-made dispute.

pub mod acts;
pub mod agreements;
pub mod claim;
pub mod conflicts;
pub mod entities;
pub mod events;
pub mod figures;
pub mod parties;
pub mod score;
pub mod select;
pub mod when;

use crate::edit::unique_id;
use crate::model::{
    AnyId, Conflict, ConflictSide, Contract, DatePrecision, Dispute, DisputeFile, DisputeStatus,
    EntityKind, Event, Modality, Party, ReportedDate, Source, SourceKind, Speaker, Statement,
    SCHEMA_VERSION,
};
use crate::suggest::{suggest, Known, KnownParty, Suggested};
use crate::text::dates::ReportDate;
use crate::text::lexicon::Words;
use crate::text::{read, Reading};
use acts::Act;
use entities::Entities;
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

impl Article {
    /// An article of text alone, with no title, publisher, address or date.
    pub fn new(id: &str, text: &str) -> Article {
        Article {
            id: id.to_owned(),
            text: text.to_owned(),
            ..Article::default()
        }
    }
}

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

/// The draft of a dispute from `articles`; `seed` names parties already known; `as_of` is the
/// day the draft is made (`YYYY-MM-DD`).
pub fn draft(articles: &[Article], seed: &[KnownParty], as_of: &str) -> Result<Draft, String> {
    let mut taken = check_articles(articles)?;
    let readings: Vec<Reading> = articles.iter().map(|article| read(&article.text)).collect();
    let published: Vec<Option<ReportedDate>> = articles
        .iter()
        .map(|article| {
            article
                .published
                .clone()
                .or_else(|| when::published(&article.text, &article.id))
        })
        .collect();
    let reports: Vec<ReportDate> = published
        .iter()
        .map(|date| date.as_ref().and_then(year_and_month))
        .collect();
    let ids: Vec<&str> = articles.iter().map(|article| article.id.as_str()).collect();
    let entities = entities::resolve(&readings);
    let acts = acts::find(&readings, &entities, &reports, &ids);
    let listed = parties::listed(&readings, &entities);
    let chosen = parties::choose(&entities, &acts, &listed, seed);
    if chosen.len() < 2 {
        let named = match chosen.first() {
            Some(party) => format!("only {}", party.name),
            None => "none".to_owned(),
        };
        return Err(format!(
            "a dispute needs at least two parties, and the articles name {named} as a party; name the parties you know and draft again"
        ));
    }
    let party_ids: Vec<String> = chosen
        .iter()
        .map(|party| {
            let id = seed
                .iter()
                .find(|known| known.name == party.name)
                .map(|known| known.id.clone())
                .filter(|id| !taken.contains(id))
                .unwrap_or_else(|| unique_id(&party.short_name, "party", |id| taken.contains(id)));
            taken.insert(id.clone());
            id
        })
        .collect();
    let known = Known {
        parties: chosen
            .iter()
            .zip(&party_ids)
            .map(|(party, id)| KnownParty {
                id: id.clone(),
                name: party.name.clone(),
                aliases: party.aliases.clone(),
                person: party.kind == crate::model::PartyKind::Person,
            })
            .collect(),
        contracts: Vec::new(),
    };
    let suggested: Vec<Suggested> = readings
        .iter()
        .map(|reading| suggest(reading, &known))
        .collect();
    let mut builder = Builder {
        articles,
        readings: &readings,
        published: &published,
        entities: &entities,
        acts: &acts,
        chosen: &chosen,
        party_ids: &party_ids,
        party_of: chosen
            .iter()
            .enumerate()
            .filter_map(|(index, party)| Some((party.entity?, index)))
            .collect(),
        suggested: &suggested,
        taken,
        evidence: Vec::new(),
    };
    Ok(builder.build(as_of))
}

/// How the draft reads `articles`, in lines for a person: every entity the articles name with
/// what it was taken for, and every act with who does it to whom, when, and from which
/// sentence. What `suggest-dispute --explain` prints.
pub fn explain(articles: &[Article]) -> Result<String, String> {
    check_articles(articles)?;
    let readings: Vec<Reading> = articles.iter().map(|article| read(&article.text)).collect();
    let reports: Vec<ReportDate> = articles
        .iter()
        .map(|article| {
            article
                .published
                .clone()
                .or_else(|| when::published(&article.text, &article.id))
        })
        .map(|date| date.as_ref().and_then(year_and_month))
        .collect();
    let ids: Vec<&str> = articles.iter().map(|article| article.id.as_str()).collect();
    let entities = entities::resolve(&readings);
    let acts = acts::find(&readings, &entities, &reports, &ids);
    let mut lines = Vec::new();
    for entity in &entities.list {
        let category = entity.category.map_or("none".to_owned(), |category| {
            format!("{category:?}").to_lowercase()
        });
        let doubt = if entity.doubtful { ", doubtful" } else { "" };
        lines.push(format!(
            "entity {} ({category}{doubt}, {} mentions): {}",
            entity.name(),
            entity.mentions.len(),
            entity.aliases().join("; ")
        ));
    }
    let name = |list: &[usize]| {
        list.iter()
            .map(|&entity| entities.list[entity].short_name())
            .collect::<Vec<_>>()
            .join(" + ")
    };
    for act in &acts {
        let date = act
            .date
            .as_ref()
            .map_or("undated".to_owned(), |(_, date)| date.text.clone());
        let hedged = if act.hedged { ", hedged" } else { "" };
        lines.push(format!(
            "act {:?} by [{}] on [{}], {date}{hedged} ({}): {}",
            act.kind,
            name(&act.actors),
            name(&act.objects),
            articles[act.article].id,
            shortened(&articles[act.article].text[act.range.clone()], 120)
        ));
    }
    Ok(lines.join("\n"))
}

/// Checks the articles, and returns the ids they take.
fn check_articles(articles: &[Article]) -> Result<HashSet<String>, String> {
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
    Ok(taken)
}

/// A report's year and month, for dates it gives without a year.
fn year_and_month(date: &ReportedDate) -> Option<(u16, u8)> {
    let value = date.value.as_deref()?;
    let year = value.get(..4)?.parse().ok()?;
    let month = value.get(5..7)?.parse().ok()?;
    Some((year, month))
}

/// What the draft is built from, and what it has built so far.
struct Builder<'a> {
    articles: &'a [Article],
    readings: &'a [Reading<'a>],
    published: &'a [Option<ReportedDate>],
    entities: &'a Entities,
    acts: &'a [Act],
    chosen: &'a [parties::Party],
    party_ids: &'a [String],
    /// Each party's index among the chosen, by its entity.
    party_of: BTreeMap<usize, usize>,
    suggested: &'a [Suggested],
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
            source: self.articles[article].id.clone(),
            range,
        };
        if !self.evidence.contains(&evidence) {
            self.evidence.push(evidence);
        }
    }

    /// A party's id, by its entity.
    fn party_id(&self, entity: usize) -> Option<&str> {
        self.party_of
            .get(&entity)
            .map(|&index| self.party_ids[index].as_str())
    }

    /// A party's short name, by its entity; none for an entity that is no party.
    fn short_name(&self, entity: usize) -> Option<String> {
        self.party_of
            .get(&entity)
            .map(|&index| self.chosen[index].short_name.clone())
    }

    fn build(&mut self, as_of: &str) -> Draft {
        let party_of = self.party_of.clone();
        let is_party = |entity: usize| party_of.contains_key(&entity);
        let claim = claim::claim(self.acts, self.readings, is_party);
        let main: Vec<usize> = claim
            .as_ref()
            .map(|claim| {
                claim
                    .claimants
                    .iter()
                    .chain(&claim.respondents)
                    .copied()
                    .collect()
            })
            .unwrap_or_default();
        let names = |entity: usize| {
            self.short_name(entity)
                .unwrap_or_else(|| self.entities.list[entity].short_name())
        };
        let agreements = agreements::find(
            self.acts,
            self.entities,
            self.readings,
            &is_party,
            &names,
            &main,
        );
        let ids: Vec<&str> = self
            .articles
            .iter()
            .map(|article| article.id.as_str())
            .collect();
        let reports: Vec<ReportDate> = self
            .published
            .iter()
            .map(|date| date.as_ref().and_then(year_and_month))
            .collect();
        let party_name = |entity: usize| self.short_name(entity);
        let happenings = events::find(self.acts, self.readings, &reports, &ids, &party_name);
        let contracts = self.contracts(&agreements);
        let events = self.events(&happenings, &agreements, &contracts);
        let statements = self.statements();
        let candidates = self.candidates(&agreements, &claim);
        let conflicts = self.conflicts(candidates, &statements, &contracts);
        let dispute = self.dispute(claim.as_ref(), &contracts);
        self.note_parties();
        let file = self.file(dispute, contracts, statements, events, conflicts, as_of);
        Draft {
            file,
            evidence: std::mem::take(&mut self.evidence),
        }
    }

    /// The agreements as the file's contracts.
    fn contracts(&mut self, agreements: &[agreements::Agreement]) -> Vec<Contract> {
        let mut contracts = Vec::new();
        for agreement in agreements {
            let id = self.new_id(&agreement.title, "contract");
            for (article, range) in &agreement.sentences {
                self.note(EntityKind::Contract, &id, *article, range.clone());
            }
            let articles: BTreeSet<usize> = agreement
                .sentences
                .iter()
                .map(|(article, _)| *article)
                .collect();
            let summary = agreement
                .sentences
                .first()
                .map(|(article, range)| {
                    shortened(&self.articles[*article].text[range.clone()], 240)
                })
                .unwrap_or_default();
            contracts.push(Contract {
                id: id.as_str().into(),
                title: agreement.title.clone(),
                kind: agreement.kind,
                parties: agreement
                    .parties
                    .iter()
                    .filter_map(|&entity| self.party_id(entity))
                    .map(Into::into)
                    .collect(),
                date: agreement.date.clone(),
                value: agreement.value.clone(),
                status: agreement.status,
                summary,
                sources: articles
                    .iter()
                    .map(|&article| self.articles[article].id.as_str().into())
                    .collect(),
            });
        }
        // An agreement needs two parties the file has.
        contracts.retain(|contract| !contract.parties.is_empty());
        contracts
    }

    /// The events, dated ones in date order, the undated after.
    fn events(
        &mut self,
        happenings: &[events::Happening],
        agreements: &[agreements::Agreement],
        contracts: &[Contract],
    ) -> Vec<Event> {
        let mut events: Vec<Event> = Vec::new();
        for happening in happenings {
            let id = self.new_id(&happening.title, "event");
            for (article, range) in &happening.sentences {
                self.note(EntityKind::Event, &id, *article, range.clone());
            }
            let mut date = happening.date.clone();
            if date.precision == DatePrecision::Relative {
                date.relative_to = Some(self.articles[happening.article].id.as_str().into());
            }
            let articles: BTreeSet<usize> = happening
                .sentences
                .iter()
                .map(|(article, _)| *article)
                .collect();
            // The agreements whose sentences it shares.
            let about: Vec<crate::model::ContractId> = agreements
                .iter()
                .zip(contracts)
                .filter(|(agreement, _)| {
                    agreement
                        .sentences
                        .iter()
                        .any(|sentence| happening.sentences.contains(sentence))
                })
                .map(|(_, contract)| contract.id.clone())
                .collect();
            let (article, range) = &happening.sentences[0];
            let mut parties: Vec<String> = Vec::new();
            for &entity in &happening.parties {
                if let Some(id) = self.party_id(entity) {
                    if !parties.iter().any(|known| known == id) {
                        parties.push(id.to_owned());
                    }
                }
            }
            events.push(Event {
                id: id.as_str().into(),
                title: happening.title.clone(),
                summary: shortened(&self.articles[*article].text[range.clone()], 240),
                date,
                status: happening.status,
                parties: parties.iter().map(|id| id.as_str().into()).collect(),
                contracts: about,
                sources: articles
                    .iter()
                    .map(|&article| self.articles[article].id.as_str().into())
                    .collect(),
            });
        }
        let (mut dated, undated): (Vec<Event>, Vec<Event>) = events
            .into_iter()
            .partition(|event| event.date.sort_key().is_some());
        dated.sort_by_key(|event| event.date.sort_key());
        dated.extend(undated);
        dated
    }

    /// The statements, each about the parties, agreements and events of its sentence; with
    /// their article and range.
    fn statements(&mut self) -> Vec<(Statement, usize, Range<usize>)> {
        let mut statements = Vec::new();
        for (index, (article, suggested)) in self.articles.iter().zip(self.suggested).enumerate() {
            let text = article.text.as_str();
            for (number, suggestion) in suggested.suggestions.iter().enumerate() {
                let id = format!("{}-{}", article.id, number + 1);
                self.taken.insert(id.clone());
                let sentence = &self.readings[index].sentences[suggestion.sentence].range;
                let mut about: Vec<AnyId> = suggestion
                    .about
                    .iter()
                    .map(|id| AnyId(id.clone()))
                    .collect();
                for evidence in self.evidence.iter().filter(|evidence| {
                    matches!(evidence.kind, EntityKind::Contract | EntityKind::Event)
                        && evidence.source == article.id
                        && evidence.range.start < sentence.end
                        && sentence.start < evidence.range.end
                }) {
                    if !about.iter().any(|known| known.0 == evidence.id) {
                        about.push(AnyId(evidence.id.clone()));
                    }
                }
                if about.is_empty() {
                    about.push(AnyId("claim".to_owned()));
                }
                self.note(EntityKind::Statement, &id, index, suggestion.range.clone());
                statements.push((
                    Statement {
                        id: id.as_str().into(),
                        speaker: Speaker {
                            party: suggestion.party.as_deref().map(Into::into),
                            description: suggestion.description.clone(),
                        },
                        attribution: suggestion.attribution,
                        modality: suggestion.modality,
                        source: article.id.as_str().into(),
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

    /// Every candidate conflict, by kind.
    fn candidates(
        &self,
        agreements: &[agreements::Agreement],
        claim: &Option<claim::Claim>,
    ) -> Vec<conflicts::Candidate> {
        let days: Vec<Option<when::Day>> = self
            .published
            .iter()
            .map(|date| {
                date.as_ref()
                    .filter(|date| date.precision == DatePrecision::Day)
                    .and_then(when::day_of)
            })
            .collect();
        let names = |entity: usize| self.short_name(entity);
        let mut candidates = Vec::new();
        candidates.extend(conflicts::timing(self.acts, &days, self.readings));
        candidates.extend(conflicts::agreement_figures(
            agreements,
            self.acts,
            self.readings,
        ));
        candidates.extend(conflicts::agreement_timing(agreements, self.acts, &days));
        candidates.extend(conflicts::qualifiers(agreements, self.readings));
        candidates.extend(conflicts::figures_by_anchor(&self.figure_mentions()));
        let respondents: Vec<usize> = claim
            .as_ref()
            .map(|claim| claim.respondents.clone())
            .unwrap_or_default();
        candidates.extend(conflicts::roles(self.acts, &respondents, &names));
        candidates.extend(conflicts::attributions(&self.quoted()));
        candidates.extend(self.sourcing());
        let claimant = claim
            .as_ref()
            .and_then(|claim| claim.claimants.first())
            .and_then(|&entity| self.short_name(entity));
        candidates.extend(conflicts::stages(&self.stages(), claimant.as_deref()));
        candidates
    }

    /// Who each report rests the legal action on: the speakers of the statements that carry
    /// its sentences of a threat or a suit ("a person familiar with Microsoft’s position told
    /// the FT" against "multiple people familiar with the deliberations"). Reports with none
    /// in common disagree on the sourcing.
    fn sourcing(&self) -> Vec<conflicts::Candidate> {
        use crate::model::Attribution;
        let mut by_article: BTreeMap<usize, (BTreeSet<String>, Vec<Range<usize>>)> =
            BTreeMap::new();
        for act in self
            .acts
            .iter()
            .filter(|act| matches!(act.kind, acts::ActKind::Threaten | acts::ActKind::Sue))
        {
            for suggestion in &self.suggested[act.article].suggestions {
                let overlaps = suggestion.range.start < act.range.end
                    && act.range.start < suggestion.range.end;
                if !overlaps || suggestion.attribution == Attribution::OutletAnalysis {
                    continue;
                }
                let who = format!(
                    "{} ({}){}",
                    suggestion.description,
                    suggestion.attribution.label(),
                    suggestion
                        .cites
                        .as_ref()
                        .map(|cites| format!(", citing {cites}"))
                        .unwrap_or_default()
                );
                let entry = by_article.entry(act.article).or_default();
                entry.0.insert(who);
                if !entry.1.contains(&suggestion.range) {
                    entry.1.push(suggestion.range.clone());
                }
            }
        }
        let articles: Vec<usize> = by_article.keys().copied().collect();
        let mut found = Vec::new();
        for (position, first) in articles.iter().enumerate() {
            for second in &articles[position + 1..] {
                let (a, a_sentences) = &by_article[first];
                let (b, b_sentences) = &by_article[second];
                if !a.is_disjoint(b) {
                    continue;
                }
                let describe =
                    |set: &BTreeSet<String>| set.iter().cloned().collect::<Vec<_>>().join("; ");
                found.push(conflicts::Candidate {
                    kind: crate::model::ConflictKind::Attribution,
                    title: "Who the legal action is sourced to".to_owned(),
                    difference: format!(
                        "One report rests it on {}; the other on {}.",
                        describe(a),
                        describe(b)
                    ),
                    sides: vec![
                        conflicts::Side {
                            article: *first,
                            sentences: a_sentences.clone(),
                            highlight: Vec::new(),
                            says: describe(a),
                        },
                        conflicts::Side {
                            article: *second,
                            sentences: b_sentences.clone(),
                            highlight: Vec::new(),
                            says: describe(b),
                        },
                    ],
                    parties: Vec::new(),
                    contract: None,
                });
            }
        }
        found
    }

    /// Each report's legal stages, as its sentences give them.
    fn stages(&self) -> Vec<conflicts::Stage> {
        self.acts
            .iter()
            .filter_map(|act| {
                let stage = claim::stage_of(act)?;
                Some(conflicts::Stage {
                    article: act.article,
                    stage: stage.label(),
                    sentence: act.range.clone(),
                })
            })
            .collect()
    }

    /// The words each suggestion quotes, with how it attributes them.
    fn quoted(&self) -> Vec<conflicts::Quoted> {
        let mut quoted = Vec::new();
        for (index, (reading, suggested)) in self.readings.iter().zip(self.suggested).enumerate() {
            let text = reading.text;
            for suggestion in &suggested.suggestions {
                let unit = reading.tokens_in(&suggestion.range);
                let mut open = None;
                for (position, token) in unit.iter().enumerate() {
                    match token.kind {
                        crate::text::tokens::TokenKind::OpenQuote => open = Some(position),
                        crate::text::tokens::TokenKind::CloseQuote => {
                            let Some(start) = open.take() else { continue };
                            let inside = &unit[start + 1..position];
                            let words: Vec<String> = inside
                                .iter()
                                .filter(|token| token.is_word())
                                .map(|token| token.text(text).to_lowercase())
                                .collect();
                            if (3..=40).contains(&words.len()) {
                                quoted.push(conflicts::Quoted {
                                    article: index,
                                    words: words.join(" "),
                                    written: text
                                        [inside[0].range.start..inside[inside.len() - 1].range.end]
                                        .trim_end_matches([',', '.'])
                                        .to_owned(),
                                    attribution: suggestion.attribution,
                                    cites: suggestion.cites.clone(),
                                    speaker: suggestion
                                        .party
                                        .clone()
                                        .unwrap_or_else(|| suggestion.description.to_lowercase()),
                                    sentence: suggestion.range.clone(),
                                });
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        quoted
    }

    /// The figures of every sentence with the words that say what they count: up to eight
    /// words before and three after, not the entities' names; agreements' nouns read as one.
    fn figure_mentions(&self) -> Vec<conflicts::FigureMention> {
        let mut mentions = Vec::new();
        for (article, reading) in self.readings.iter().enumerate() {
            let text = reading.text;
            for (index, sentence) in reading.sentences.iter().enumerate() {
                let tokens = reading.tokens_in(&sentence.range);
                let names: Vec<Range<usize>> = self
                    .entities
                    .in_sentence(article, index)
                    .map(|mention| mention.run.tokens.clone())
                    .collect();
                let anchor = |at: usize| -> Option<String> {
                    let token = tokens.get(at).filter(|token| token.is_word())?;
                    if names.iter().any(|name| name.contains(&at)) {
                        return None;
                    }
                    let word = conflicts::anchor_word(token.text(text));
                    let word = if Words::AgreementNoun.has(&word) || word == "order" {
                        "agreement".to_owned()
                    } else {
                        word
                    };
                    conflicts::is_anchor(&word).then_some(word)
                };
                for figure in figures::figures_in(text, tokens) {
                    let Some(first) = tokens
                        .iter()
                        .position(|token| token.range.start >= figure.range.start)
                    else {
                        continue;
                    };
                    let Some(last) = tokens
                        .iter()
                        .rposition(|token| token.range.end <= figure.range.end)
                    else {
                        continue;
                    };
                    let mut anchors: Vec<String> = Vec::new();
                    for word in (first.saturating_sub(8)..first)
                        .chain(last + 1..(last + 4).min(tokens.len()))
                        .filter_map(anchor)
                    {
                        if !anchors.contains(&word) {
                            anchors.push(word);
                        }
                    }
                    if !matches!(figure.unit.as_str(), "USD" | "GBP" | "EUR" | "%") {
                        anchors.push(conflicts::anchor_word(&figure.unit));
                    }
                    mentions.push(conflicts::FigureMention {
                        article,
                        sentence: sentence.range.clone(),
                        written: text[figure.range.clone()].to_owned(),
                        at: figure.range.clone(),
                        figure,
                        anchors,
                    });
                }
            }
        }
        mentions
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
            let sides: Vec<ConflictSide> = candidate
                .sides
                .iter()
                .filter_map(|side| self.side(side, statements))
                .collect();
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
                .filter_map(|&entity| self.party_id(entity))
                .map(|id| AnyId(id.to_owned()))
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

    /// One side of a conflict, with the statements of its sentences.
    fn side(
        &self,
        side: &conflicts::Side,
        statements: &[(Statement, usize, Range<usize>)],
    ) -> Option<ConflictSide> {
        let chosen: Vec<&Statement> = statements
            .iter()
            .filter(|(_, article, range)| {
                *article == side.article
                    && side
                        .sentences
                        .iter()
                        .any(|sentence| range.start < sentence.end && sentence.start < range.end)
            })
            .map(|(statement, ..)| statement)
            .collect();
        if chosen.is_empty() {
            return None;
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
        Some(ConflictSide {
            source: self.articles[side.article].id.as_str().into(),
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
        })
    }

    /// The claim, from the acts; without one, the two parties most in the fight.
    fn dispute(&mut self, claim: Option<&claim::Claim>, contracts: &[Contract]) -> Dispute {
        let (claimants, respondents, status, words) = match claim {
            Some(claim) => (
                claim
                    .claimants
                    .iter()
                    .filter_map(|&entity| self.party_of.get(&entity).copied())
                    .collect::<Vec<usize>>(),
                claim
                    .respondents
                    .iter()
                    .filter_map(|&entity| self.party_of.get(&entity).copied())
                    .collect::<Vec<usize>>(),
                claim.status,
                claim.claim.clone(),
            ),
            None => (
                vec![0],
                vec![1],
                DisputeStatus::Threatened,
                "legal action".to_owned(),
            ),
        };
        let (claimants, respondents) = if claimants.is_empty() || respondents.is_empty() {
            (vec![0], vec![1])
        } else {
            (claimants, respondents)
        };
        if let Some(claim) = claim {
            for &act in &claim.acts {
                let act = &self.acts[act];
                self.note(EntityKind::Dispute, "claim", act.article, act.range.clone());
            }
        }
        let names = |parties: &[usize]| {
            parties
                .iter()
                .map(|&party| self.chosen[party].short_name.clone())
                .collect::<Vec<_>>()
                .join(" and ")
        };
        Dispute {
            id: "claim".into(),
            title: format!("{}’s claim against {}", names(&claimants), names(&respondents)),
            claim: words,
            status,
            claimants: claimants.iter().map(|&party| self.party_ids[party].as_str().into()).collect(),
            respondents: respondents.iter().map(|&party| self.party_ids[party].as_str().into()).collect(),
            contracts: contracts.iter().map(|contract| contract.id.clone()).collect(),
            clauses: Vec::new(),
            summary: "Proposed from the reports for the author to confirm: who claims against whom, and how far it has gone.".to_owned(),
            sources: self.articles.iter().map(|article| article.id.as_str().into()).collect(),
        }
    }

    /// Where each party comes from: the first sentence of each article that names it.
    fn note_parties(&mut self) {
        for (index, party) in self.chosen.iter().enumerate() {
            let Some(entity) = party.entity else { continue };
            let mut seen = BTreeSet::new();
            let firsts: Vec<(usize, Range<usize>)> =
                entities::sentences_of(self.entities, self.readings, entity)
                    .into_iter()
                    .filter(|(article, _)| seen.insert(*article))
                    .collect();
            let id = self.party_ids[index].clone();
            for (article, range) in firsts {
                self.note(EntityKind::Party, &id, article, range);
            }
        }
    }

    fn file(
        &mut self,
        dispute: Dispute,
        contracts: Vec<Contract>,
        statements: Vec<(Statement, usize, Range<usize>)>,
        events: Vec<Event>,
        conflicts: Vec<Conflict>,
        as_of: &str,
    ) -> DisputeFile {
        let (statements, mut sources) = self.sources(statements);
        let claimants: Vec<String> = dispute.claimants.iter().map(|id| id.0.clone()).collect();
        let respondents: Vec<String> = dispute.respondents.iter().map(|id| id.0.clone()).collect();
        let parties: Vec<Party> = self
            .chosen
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
                let mut articles: Vec<usize> = party
                    .entity
                    .map(|entity| {
                        self.entities.list[entity]
                            .articles
                            .iter()
                            .copied()
                            .collect()
                    })
                    .unwrap_or_default();
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
                        .map(|&article| self.articles[article].id.as_str().into())
                        .collect(),
                }
            })
            .collect();
        let name = |ids: &[String]| -> String {
            ids.iter()
                .filter_map(|id| {
                    self.chosen
                        .iter()
                        .zip(self.party_ids)
                        .find(|(_, known)| *known == id)
                })
                .map(|(party, _)| party.short_name.clone())
                .collect::<Vec<_>>()
                .join(" and ")
        };
        sources.sort_by_key(|source| source.kind == SourceKind::CitedOutlet);
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
            events,
            conflicts,
            tour: Vec::new(),
        }
    }

    /// The sources: each article, and each outlet the reports cite (a source of its own,
    /// without text); the statements with their citations.
    fn sources(
        &mut self,
        statements: Vec<(Statement, usize, Range<usize>)>,
    ) -> (Vec<Statement>, Vec<Source>) {
        let mut outlets: Vec<Source> = Vec::new();
        let mut cites_of: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
        let mut kept = Vec::new();
        for (mut statement, article, range) in statements {
            let cited = self.suggested[article]
                .suggestions
                .iter()
                .find(|suggestion| suggestion.range == range)
                .and_then(|suggestion| suggestion.cites.clone());
            if let Some(written) = cited {
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
            kept.push(statement);
        }
        let mut sources: Vec<Source> = self
            .articles
            .iter()
            .enumerate()
            .map(|(index, article)| Source {
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
                published: self.published[index].clone(),
                cites: cites_of
                    .get(&index)
                    .map(|ids| ids.iter().map(|id| id.as_str().into()).collect())
                    .unwrap_or_default(),
                file: None,
                text: Some(article.text.clone()),
                note: None,
            })
            .collect();
        sources.extend(outlets);
        (kept, sources)
    }
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
