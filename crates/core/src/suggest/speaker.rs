//! Who says a claim, and how the article attributes it. Read as a news reader reads it: the cue
//! around a direct quotation ("…," said X; X said: "…"), a quotation split around its cue, a
//! floating quotation that goes on with the speaker before it, indirect speech (X said that…,
//! told investors…, argued…, denied…), "according to X", unnamed sources, spokespeople,
//! documents (the complaint alleges…), and outlets cited as the origin ("The FT reports
//! that…").
//!
//! The attribution follows the schema's definitions: a party's own words in quotation marks are
//! on the record (a named person) or its spokesperson's; the same party's position reported in
//! the outlet's words is `outlet-paraphrase`; unnamed people are `anonymous`; everything the
//! outlet says in its own voice is `outlet-analysis`.
//!
//! Each rule family is a method of its own; `Reader::frame` tries them in the order a reader
//! does. `Reader` carries what a reader remembers between sentences: the party the article is
//! about at the moment (for "the company"), the party that sued (for "the complaint"), the last
//! speaker (for "they", "he", "she" and floating quotations), and the people the article has
//! introduced ("Dahl" after "Ingrid Dahl, the carrier's chief").

use super::claims::UnitKind;
use super::cues::{cue_at, Cue};
use super::names::{known_outlet, Mention, Names};
use crate::model::Attribution;
use crate::text::lexicon::Words;
use crate::text::segment::BlockKind;
use crate::text::tokens::{is_capitalised, is_one_of, Token, TokenKind};
use std::ops::Range;

/// How one claim unit is attributed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    pub attribution: Attribution,
    /// The known party the speaker speaks for, by its index.
    pub party: Option<usize>,
    /// Who, as the article puts it.
    pub description: String,
    /// The outlet the article cites for it, as written.
    pub cites: Option<Range<usize>>,
    /// Which rule gave it, for the reviewer.
    pub reason: &'static str,
    /// Whether the speaker is the unit's grammatical subject (so ", arguing that …" after it
    /// is the same speaker's).
    pub subject: bool,
}

/// A person the article has introduced, by surname.
#[derive(Clone, Debug)]
struct Person {
    surname: String,
    party: Option<usize>,
    description: String,
    attribution: Attribution,
}

/// What a reader remembers while reading an article from the top.
pub struct Reader<'a> {
    text: &'a str,
    names: &'a Names,
    /// The party named last.
    last_party: Option<usize>,
    /// The party the article is about at the moment: the last one to be a sentence's subject.
    topic: Option<usize>,
    /// The party that sued or filed, for "the complaint".
    claimant: Option<usize>,
    /// The party that is the subject of the sentence being read.
    sentence_subject: Option<usize>,
    previous: Option<Frame>,
    last_quotation: Option<Frame>,
    lead_in: Option<Frame>,
    people: Vec<Person>,
    last_person: Option<Person>,
    /// The last unnamed source, for "one of the people said".
    last_unnamed: Option<Frame>,
    /// A lead-in line's speaker, for the list it introduces ("The agreement includes:").
    list_lead_in: Option<Frame>,
}

/// The parties a speaker phrase may speak for: any it names, an organisation it names, the
/// company "the company" refers to, and a person it names.
#[derive(Clone, Copy)]
struct Candidates {
    party: Option<usize>,
    organisation: Option<usize>,
    company: Option<usize>,
    person_party: Option<usize>,
}

/// A speaker phrase found for a cue: tokens `start..end`.
#[derive(Clone, Copy, Debug)]
struct Phrase {
    start: usize,
    end: usize,
}

/// Who a speaker phrase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Voice {
    Unnamed,
    Spokesperson,
    CourtDocument,
    CompanyDocument,
    Person,
    PartyPeople,
    Party,
    Unknown,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str, names: &'a Names) -> Self {
        Reader {
            text,
            names,
            last_party: None,
            topic: None,
            claimant: None,
            sentence_subject: None,
            previous: None,
            last_quotation: None,
            lead_in: None,
            people: Vec::new(),
            last_person: None,
            last_unnamed: None,
            list_lead_in: None,
        }
    }

    /// A heading ends what a reader carries over from one quotation to the next.
    pub fn heading(&mut self) {
        self.last_quotation = None;
        self.lead_in = None;
    }

    /// A lead-in line ("The company said:"): its speaker speaks in the next block.
    pub fn lead_in(&mut self, tokens: &[Token]) {
        let mentions = self.names.mentions(self.text, tokens);
        self.list_lead_in = self
            .cue_frame(tokens, &mentions, 0, false)
            .or_else(|| self.according_to(tokens, &mentions))
            .map(|frame| Frame {
                reason: "the line before introduces the list",
                ..frame
            });
        self.lead_in = self.cue_frame(tokens, &mentions, 0, true);
        self.remember(tokens, &mentions);
    }

    /// The speaker the words introducing a quotation give it ("Arm said in a statement:",
    /// "Arm issued the following statement:").
    pub fn introducer(&mut self, tokens: &[Token]) -> Option<Frame> {
        let mentions = self.names.mentions(self.text, tokens);
        self.cue_frame(tokens, &mentions, 0, true)
            .or_else(|| self.statement_issued(tokens, &mentions))
    }

    /// "Arm issued the following statement:", "the carrier released a statement": the issuer
    /// speaks in what follows.
    fn statement_issued(&mut self, tokens: &[Token], mentions: &[Mention]) -> Option<Frame> {
        let text = self.text;
        let verb = (0..tokens.len()).find(|&index| {
            let token = &tokens[index];
            token.is_word()
                && !token.quoted
                && Words::IssuingVerb.has(token.text(text))
                && tokens[index + 1..]
                    .iter()
                    .take(4)
                    .any(|next| next.is_word() && Words::CompanyDocument.has(next.text(text)))
        })?;
        let phrase = self.subject(tokens, verb, 0)?;
        self.classify(tokens, mentions, phrase, Cue::Speech, true)
            .map(|frame| Frame {
                reason: "the statement its issuer introduces",
                subject: true,
                ..frame
            })
    }

    /// A pull quotation's credit line ("— Priya Raman, CEO, Corvane Data Systems"): its
    /// person speaks the quotation above it.
    pub fn credit_line(&mut self, tokens: &[Token]) {
        let mentions = self.names.mentions(self.text, tokens);
        let phrase = Phrase {
            start: 0,
            end: tokens.len(),
        };
        self.lead_in = self
            .classify(tokens, &mentions, phrase, Cue::Speech, true)
            .map(|frame| Frame {
                reason: "the credit line under a pull quotation",
                ..frame
            });
    }

    /// A new sentence begins.
    pub fn sentence(&mut self) {
        self.sentence_subject = None;
    }

    /// The frame of one claim unit; `tokens` are its tokens (after the subject it was cut
    /// from, when it was), `block` where it stands. Returns the frame and the parties the unit
    /// names.
    pub fn frame(
        &mut self,
        tokens: &[Token],
        kind: UnitKind,
        block: BlockKind,
        first_in_block: bool,
    ) -> (Frame, Vec<usize>) {
        let mentions = self.names.mentions(self.text, tokens);
        let mut named: Vec<usize> = mentions.iter().map(|mention| mention.party).collect();
        if let Some(party) = self.company_reference(tokens, &mentions) {
            named.push(party);
        }
        if matches!(kind, UnitKind::Whole | UnitKind::Main) && self.sentence_subject.is_none() {
            self.sentence_subject = self.first_party(tokens, &mentions);
        }
        let quoted = tokens
            .iter()
            .any(|token| token.kind == TokenKind::OpenQuote);
        let frame = match kind {
            UnitKind::Added => self.previous.clone().map(|frame| Frame {
                reason: "the speaker before “adding” goes on",
                ..frame
            }),
            UnitKind::Continued => Some(self.continued()),
            // A headline or standfirst is the outlet's framing, unless it says whose words it
            // gives ("Turbine maker says developer had no right…").
            _ if block.is_display() => Some(
                self.cue_frame(tokens, &mentions, 0, false)
                    .unwrap_or_else(|| {
                        outlet_voice(block, "a headline or standfirst is the outlet's framing")
                    }),
            ),
            UnitKind::Aside => Some(outlet_voice(block, "a background aside is the outlet's")),
            _ => None,
        };
        let frame = frame
            .or_else(|| self.according_to(tokens, &mentions))
            .or_else(|| self.cue_frame(tokens, &mentions, 0, false))
            .or_else(|| self.floating(tokens, first_in_block))
            .or_else(|| self.stance(tokens, &mentions))
            .or_else(|| self.document_subject(tokens, &mentions))
            .or_else(|| self.deliberation(tokens, &mentions))
            .or_else(|| self.understood(tokens))
            .or_else(|| self.reportedly(tokens))
            .or_else(|| {
                (block == BlockKind::Bullet)
                    .then(|| self.list_lead_in.clone())
                    .flatten()
            })
            .unwrap_or_else(|| outlet_voice(block, "no cue: the outlet's own words"));
        if !matches!(block, BlockKind::Bullet | BlockKind::Intro) {
            self.list_lead_in = None;
        }
        if let Some(party) = frame.party {
            named.insert(0, party);
        }
        self.remember(tokens, &mentions);
        if first_in_block {
            self.lead_in = None;
        }
        if quoted && frame.attribution != Attribution::OutletAnalysis {
            self.last_quotation = Some(frame.clone());
        }
        self.previous = Some(frame.clone());
        let mut seen = Vec::new();
        named.retain(|party| {
            let new = !seen.contains(party);
            seen.push(*party);
            new
        });
        (frame, named)
    }

    /// Updates the party named last, the topic, and the claimant after a unit.
    fn remember(&mut self, tokens: &[Token], mentions: &[Mention]) {
        if let Some(party) = self.subject_party(tokens, mentions) {
            self.topic = Some(party);
            let sued = tokens.iter().take(12).any(|token| {
                token.is_word()
                    && Words::SueVerb.has(token.text(self.text))
                    && !token.text(self.text).eq_ignore_ascii_case("sue")
            });
            let filed = tokens.windows(3).take(12).any(|window| {
                window[0].text(self.text).eq_ignore_ascii_case("filed")
                    && window[1..].iter().any(|token| {
                        is_one_of(
                            token.text(self.text),
                            &["suit", "lawsuit", "complaint", "claim"],
                        )
                    })
            });
            if sued || filed {
                self.claimant = Some(party);
            }
        }
        if let Some(mention) = mentions.last() {
            self.last_party = Some(mention.party);
        }
    }

    /// The party, company or not, that is a unit's subject.
    fn first_party(&self, tokens: &[Token], mentions: &[Mention]) -> Option<usize> {
        self.subject_mention(tokens, mentions)
    }

    /// The company that is a unit's subject, for the topic ("the company" is never a person).
    fn subject_party(&self, tokens: &[Token], mentions: &[Mention]) -> Option<usize> {
        self.subject_mention(tokens, mentions)
            .filter(|&party| !self.names.is_person(party))
    }

    /// The party named within a unit's first words (after a fronted phrase like "On
    /// Tuesday,").
    fn subject_mention(&self, tokens: &[Token], mentions: &[Mention]) -> Option<usize> {
        let text = self.text;
        let mut start = 0;
        if tokens
            .first()
            .is_some_and(|token| token.is_word() && Words::FrontedOpener.has(token.text(text)))
        {
            if let Some(comma) = tokens.iter().take(10).position(|token| token.is_punct(',')) {
                start = comma + 1;
            }
        }
        let words_before = |index: usize| {
            tokens[start..index]
                .iter()
                .filter(|token| token.is_word())
                .count()
        };
        mentions
            .iter()
            .find(|mention| mention.start >= start && words_before(mention.start) <= 4)
            .map(|mention| mention.party)
    }

    /// "the company", "the AI company", "the carrier" (when no alias took it): the party named
    /// before it in the unit, or the party the article is about.
    fn company_reference(&self, tokens: &[Token], mentions: &[Mention]) -> Option<usize> {
        let text = self.text;
        for (index, token) in tokens.iter().enumerate() {
            if !token.is_word() || !token.text(text).eq_ignore_ascii_case("the") {
                continue;
            }
            let covered = mentions
                .iter()
                .any(|mention| (mention.start..mention.end).contains(&index));
            if covered {
                continue;
            }
            let noun = tokens[index + 1..]
                .iter()
                .take(2)
                .filter(|token| token.is_word())
                .find(|token| Words::CompanyNoun.has(token.stem(text)));
            if noun.is_some() {
                return mentions
                    .iter()
                    .filter(|mention| mention.end <= index)
                    .map(|mention| mention.party)
                    .next_back()
                    .or(self.topic)
                    .or(self.last_party);
            }
        }
        None
    }

    /// ", arguing that …", "… and insisted that …": the sentence's subject speaks again. The
    /// speaker before goes on when it was the subject; otherwise (the sentence was "according
    /// to" others) the subject's position is the outlet's paraphrase.
    fn continued(&self) -> Frame {
        if let Some(previous) = self.previous.clone().filter(|frame| frame.subject) {
            return Frame {
                reason: "the subject of the sentence speaks again",
                ..previous
            };
        }
        match self.sentence_subject {
            Some(party) => Frame {
                attribution: Attribution::OutletParaphrase,
                party: Some(party),
                description: "The article, paraphrasing the subject of the sentence".to_owned(),
                cites: None,
                reason: "the subject of the sentence speaks again",
                subject: true,
            },
            None => outlet_voice(BlockKind::Body, "no speaker to continue"),
        }
    }

    /// "…, according to multiple people familiar with the deliberations", "According to the
    /// FT, …", "according to a copy of the letter seen by NNA".
    fn according_to(&mut self, tokens: &[Token], mentions: &[Mention]) -> Option<Frame> {
        let text = self.text;
        // "according to X", or its short form "per X" (not "per cent", "per share").
        let (at, start) = (0..tokens.len().saturating_sub(1)).find_map(|index| {
            let (word, next) = (&tokens[index], &tokens[index + 1]);
            if word.quoted || !word.is_word() || !next.is_word() {
                return None;
            }
            let (word, next_word) = (word.text(text), next.text(text));
            if word.eq_ignore_ascii_case("according") && next_word.eq_ignore_ascii_case("to") {
                return Some((index, index + 2));
            }
            let speaker_follows = is_capitalised(next_word)
                || is_one_of(
                    next_word,
                    &[
                        "a", "an", "the", "one", "two", "three", "four", "several", "multiple",
                        "people", "sources", "those",
                    ],
                );
            (word.eq_ignore_ascii_case("per") && speaker_follows).then_some((index, index + 1))
        })?;
        let end = (start..tokens.len())
            .find(|&index| {
                (tokens[index].is_punct(',') && !tokens[index].quoted)
                    || matches!(tokens[index].kind, TokenKind::Punct('.' | ';'))
            })
            .unwrap_or(tokens.len());
        if start >= end {
            return None;
        }
        let phrase = Phrase { start, end };
        let words = self.phrase_text(tokens, phrase);
        if let Some(outlet) = self.outlet_in(tokens, phrase) {
            // "According to the FT, …": the outlet is the origin; the rest is what it reports.
            let document = self.has_word(tokens, phrase, Words::CourtDocument.list())
                || self.has_word(tokens, phrase, Words::CompanyDocument.list());
            if words.split_whitespace().count() <= 6 && !document
                || self.has_word(tokens, phrase, &["report", "reports", "reporting"])
            {
                let inner = if at == 0 { end + 1 } else { 0 };
                return Some(self.reported_by(tokens, mentions, inner, outlet));
            }
        }
        // A document the outlet has seen: the outlet relays its author's words.
        let court = self.has_word(tokens, phrase, Words::CourtDocument.list());
        if court || self.has_word(tokens, phrase, Words::CompanyDocument.list()) {
            // Whose document: named in the phrase; the company's own ("company filings",
            // "its filings"); the sentence's subject's when it points back ("the letter");
            // otherwise no one's in particular ("emails seen by the outlet").
            let in_phrase = self.parties_in(tokens, phrase).first().copied();
            let own = self.has_word(tokens, phrase, &["company", "its", "their"]);
            let definite = tokens
                .get(start)
                .is_some_and(|token| token.text(text).eq_ignore_ascii_case("the"))
                || self.has_word(tokens, phrase, &["copy"]);
            let party = in_phrase
                .or(if own { self.topic } else { None })
                .or(if court { self.claimant } else { None })
                .or(if definite {
                    self.sentence_subject
                } else {
                    None
                });
            return Some(Frame {
                attribution: Attribution::OutletParaphrase,
                party,
                description: capitalise(&words),
                cites: None,
                reason: "“according to” a document the outlet has seen",
                subject: false,
            });
        }
        self.classify(tokens, mentions, phrase, Cue::Speech, false)
            .map(|frame| Frame {
                reason: "“according to” names the speaker",
                subject: false,
                ..frame
            })
    }

    fn has_word(&self, tokens: &[Token], phrase: Phrase, table: &[&str]) -> bool {
        tokens[phrase.start..phrase.end]
            .iter()
            .any(|token| token.is_word() && is_one_of(token.stem(self.text), table))
    }

    /// The known parties a phrase names, descriptive aliases included.
    fn parties_in(&self, tokens: &[Token], phrase: Phrase) -> Vec<usize> {
        self.names
            .mentions_in_phrase(self.text, &tokens[phrase.start..phrase.end])
            .into_iter()
            .map(|mention| mention.party)
            .collect()
    }

    /// A frame from a verb of speaking or of holding a position, with its speaker before it
    /// (X said that…) or after it (“…,” said X). `from` is where the clause starts; `quoting`
    /// when a quotation follows the clause (a lead-in line).
    fn cue_frame(
        &mut self,
        tokens: &[Token],
        mentions: &[Mention],
        from: usize,
        quoting: bool,
    ) -> Option<Frame> {
        let text = self.text;
        let quoted_before = |index: usize| {
            tokens[from..index]
                .iter()
                .any(|token| token.kind == TokenKind::CloseQuote)
        };
        // "…, the carrier alleged.": a cue closing the sentence after a comma says whose the
        // whole sentence is, before any verb of saying inside what it reports ("had told
        // Ashcombe that…").
        let closing = (from..tokens.len()).rev().find(|&index| {
            tokens[index].is_word()
                && tokens[index + 1..].iter().all(|token| !token.is_word())
                && tokens[index.saturating_sub(6).max(from)..index]
                    .iter()
                    .any(|token| token.is_punct(','))
        });
        let closing = closing.filter(|&index| cue_at(text, tokens, index, from).is_some());
        for index in closing.into_iter().chain(from..tokens.len()) {
            let Some(cue) = cue_at(text, tokens, index, from) else {
                continue;
            };
            let word = tokens[index].text(text);
            // “…,” said X: the speaker after the verb.
            if cue == Cue::Speech && self.inverted(tokens, index) {
                let end = phrase_end(text, tokens, index + 1);
                if end > index + 1 {
                    let phrase = Phrase {
                        start: index + 1,
                        end,
                    };
                    let direct = quoted_before(index);
                    if let Some(frame) = self.classify(tokens, mentions, phrase, cue, direct) {
                        return Some(Frame {
                            reason: "the cue after the quotation names the speaker",
                            cites: frame.cites.or_else(|| self.told_outlet(tokens, index)),
                            subject: true,
                            ..frame
                        });
                    }
                }
            }
            if self.coordinated(tokens, index, from) {
                continue;
            }
            let Some(phrase) = self.subject(tokens, index, from) else {
                continue;
            };
            // An outlet as the subject: it is the origin of what follows.
            if let Some(outlet) = self.outlet_subject(tokens, phrase, word) {
                return Some(self.reported_by(tokens, mentions, index + 1, outlet));
            }
            // A quotation right after the verb is the speaker's own words; one further on may
            // be the outlet's scare quotes ("violates “the spirit if not the letter”").
            let direct = tokens[index + 1..]
                .iter()
                .take(3)
                .any(|token| token.kind == TokenKind::OpenQuote)
                || quoted_before(index)
                || quoting
                || self.in_a_statement(tokens, index, phrase.start);
            if let Some(frame) = self.classify(tokens, mentions, phrase, cue, direct) {
                let reason = match (cue, direct) {
                    (Cue::Speech, true) => "the cue before the quotation names the speaker",
                    (Cue::Speech, false) => "indirect speech: a verb of saying and its speaker",
                    (Cue::Position, _) => "a verb of holding a position and whose it is",
                };
                return Some(Frame {
                    reason,
                    cites: frame.cites.or_else(|| self.told_outlet(tokens, index)),
                    subject: true,
                    ..frame
                });
            }
        }
        None
    }

    /// "said in a statement", "In an emailed statement, the carrier said": the party's
    /// official words.
    fn in_a_statement(&self, tokens: &[Token], cue: usize, speaker: usize) -> bool {
        let official = |from: usize, to: usize| {
            let words: Vec<&str> = tokens[from..to]
                .iter()
                .filter(|token| token.is_word())
                .map(|token| token.text(self.text))
                .collect();
            words
                .first()
                .is_some_and(|word| word.eq_ignore_ascii_case("in"))
                && words
                    .iter()
                    .any(|word| is_one_of(word, &["statement", "release", "filing", "letter"]))
        };
        official(cue + 1, tokens.len().min(cue + 6)) || official(0, speaker)
    }

    /// Whether the cue at `index` is a verb of saying that comes right after a quotation or a
    /// clause and a comma, so its speaker follows it (“…,” said X; The deal is dead, said X).
    /// Only verbs of saying invert so in English.
    fn inverted(&self, tokens: &[Token], index: usize) -> bool {
        let text = self.text;
        if !is_one_of(
            tokens[index].text(text),
            &[
                "said",
                "says",
                "added",
                "adds",
                "wrote",
                "writes",
                "asked",
                "asks",
                "noted",
                "notes",
                "explained",
                "explains",
                "warned",
                "warns",
                "replied",
                "continued",
            ],
        ) {
            return false;
        }
        let Some(before) = index.checked_sub(1).map(|before| &tokens[before]) else {
            return false;
        };
        let after = tokens.get(index + 1).filter(|token| token.is_word());
        let speaker_follows = after.is_some_and(|token| {
            let word = token.text(text);
            is_capitalised(word)
                || is_one_of(
                    word,
                    &[
                        "a", "an", "the", "one", "two", "three", "several", "people", "sources",
                    ],
                )
        });
        let opens = before.kind == TokenKind::CloseQuote || before.is_punct(',') && !before.quoted;
        opens && speaker_follows
    }

    /// "invested $1 billion and added another $10 billion": a second verb of the same subject,
    /// not a new speaker.
    fn coordinated(&self, tokens: &[Token], index: usize, from: usize) -> bool {
        let mut at = index;
        while at > from {
            at -= 1;
            let token = &tokens[at];
            if token.is_word() && Words::BetweenSpeakerAndVerb.has(token.text(self.text)) {
                continue;
            }
            return token.is_word()
                && is_one_of(token.text(self.text), &["and", "or", "but", "then"]);
        }
        false
    }

    /// The speaker phrase before a cue: the words from the start of its clause (after a
    /// fronted phrase like "In a statement,") to the verb, over adverbs and auxiliaries; a
    /// name with its title in commas stays whole ("Ingrid Dahl, the carrier's chief, said";
    /// "Its chief executive, Lorraine Achebe, warned").
    fn subject(&self, tokens: &[Token], cue: usize, from: usize) -> Option<Phrase> {
        let text = self.text;
        let (end, apposition) = self.before_the_verb(tokens, cue, from)?;
        let mut start = end;
        let mut segments: Vec<Phrase> = Vec::new();
        loop {
            // One comma-free segment leftwards.
            let mut at = start;
            while at > from {
                let token = &tokens[at - 1];
                let stops = match token.kind {
                    TokenKind::Word => Words::ClauseWord.has(token.text(text)) && !token.quoted,
                    TokenKind::Punct('’' | '\'' | '&' | '-' | '.' | '(' | ')') => false,
                    _ => true,
                };
                if stops {
                    break;
                }
                at -= 1;
            }
            if at == start {
                break;
            }
            let segment = Phrase {
                start: at,
                end: start,
            };
            segments.push(segment);
            start = at;
            let Some(boundary) = at.checked_sub(1).filter(|&boundary| boundary >= from) else {
                break;
            };
            let boundary_token = &tokens[boundary];
            if boundary_token.is_word() {
                let word = boundary_token.text(text);
                // A conjunction opening the unit ("although people close to it said") leaves
                // the clause after it whole.
                let opens_unit = tokens[from..boundary].iter().all(|token| !token.is_word())
                    && is_one_of(
                        word,
                        &["although", "though", "but", "and", "yet", "while", "so"],
                    );
                // Inside a relative clause ("A Greyhaven engineer, who asked not to be named
                // because they were not authorised"): the clause belongs to the speaker.
                let in_relative = tokens[from..boundary]
                    .iter()
                    .rev()
                    .take_while(|token| !token.is_punct(','))
                    .any(|token| token.is_word() && is_one_of(token.text(text), &["who", "whom"]));
                if in_relative {
                    start = boundary;
                    segments.pop();
                    continue;
                }
                // A relative or subordinate word: the cue is inside a clause of another,
                // unless the clause is what an outlet reports ("The FT reports that …").
                if segments.len() == 1
                    && !opens_unit
                    && (!word.eq_ignore_ascii_case("that") || !self.after_outlet(tokens, boundary))
                {
                    return None;
                }
                break;
            }
            // Past a comma only between a name and its title, in either order.
            let previous_segment_end = boundary;
            let previous_start = {
                let mut back = previous_segment_end;
                while back > from {
                    let token = &tokens[back - 1];
                    if !(token.is_word()
                        || matches!(token.kind, TokenKind::Punct('’' | '\'' | '&' | '-' | '.')))
                    {
                        break;
                    }
                    back -= 1;
                }
                back
            };
            let before = Phrase {
                start: previous_start,
                end: previous_segment_end,
            };
            let relative = tokens[segment.start].is_word()
                && tokens[segment.start].text(text).eq_ignore_ascii_case("who");
            let joins = boundary_token.is_punct(',')
                && !boundary_token.quoted
                && segments.len() < 3
                && before.end > before.start
                && (self.is_title(tokens, segment) && self.is_name(tokens, before)
                    || self.is_name(tokens, segment) && self.is_title(tokens, before)
                    || relative);
            if joins {
                start = boundary;
                continue;
            }
            break;
        }
        if start >= end || (apposition && segments.len() < 2) {
            return None;
        }
        self.speaker_phrase(tokens, start, end, from)
    }

    /// Where the speaker phrase before the cue at `cue` ends, over adverbs and auxiliaries, a
    /// time ("on Monday") and a ", however,"; and whether a comma closing a title in apposition
    /// was passed ("Henrik Valde, the terminal's chief executive, told").
    fn before_the_verb(&self, tokens: &[Token], cue: usize, from: usize) -> Option<(usize, bool)> {
        let text = self.text;
        let mut end = cue;
        // The comma that closes a title in apposition ("Henrik Valde, the terminal's chief
        // executive, told"): the phrase ends before it.
        let mut apposition = false;
        // Over adverbs and auxiliaries, a time ("on Monday"), and a ", however," in commas.
        loop {
            if end <= from {
                return None;
            }
            let token = &tokens[end - 1];
            if token.is_word() && Words::BetweenSpeakerAndVerb.has(token.text(text)) {
                end -= 1;
            } else if token.is_punct(',')
                && end >= from + 3
                && tokens[end - 2].is_word()
                && is_one_of(
                    tokens[end - 2].text(text),
                    &["however", "meanwhile", "though", "too", "instead"],
                )
                && tokens[end - 3].is_punct(',')
            {
                end -= 3;
            } else if end >= from + 2
                && tokens[end - 2].is_word()
                && tokens[end - 2].text(text).eq_ignore_ascii_case("on")
                && crate::text::lexicon::weekday_number(tokens[end - 1].text(text)).is_some()
            {
                end -= 2;
            } else if token.is_punct(',') && !token.quoted && !apposition && end >= from + 2 {
                end -= 1;
                apposition = true;
            } else {
                break;
            }
        }
        Some((end, apposition))
    }

    /// The phrase `start..end` as a speaker: without a fronted phrase ("In a statement,
    /// Halvard said"), and none when it holds a clause of its own.
    fn speaker_phrase(
        &self,
        tokens: &[Token],
        mut start: usize,
        end: usize,
        from: usize,
    ) -> Option<Phrase> {
        let text = self.text;
        // The fronted phrase is not the speaker ("In a statement, Halvard said").
        if start == from
            && tokens[start].is_word()
            && Words::FrontedOpener.has(tokens[start].text(text))
        {
            let comma = (start..end).find(|&index| tokens[index].is_punct(','))?;
            start = comma + 1;
        }
        let words: Vec<&str> = tokens[start..end]
            .iter()
            .filter(|token| token.is_word())
            .map(|token| token.text(text))
            .collect();
        // A phrase with an auxiliary or a pronoun inside is a clause, not a speaker ("Corvane
        // has sued … over capacity it").
        let relative = words.iter().any(|word| is_one_of(word, &["who", "whom"]));
        let clause_inside = !relative
            && words.iter().skip(1).any(|word| {
                is_one_of(
                    word,
                    &[
                        "has", "have", "had", "is", "are", "was", "were", "will", "would", "can",
                        "could", "does", "did", "it", "he", "she", "they", "we", "i",
                    ],
                )
            });
        (!words.is_empty() && words.len() <= 16 && !clause_inside).then_some(Phrase { start, end })
    }

    /// A description set off by commas beside a name: a title, "a lawyer for …", "who …".
    fn is_title(&self, tokens: &[Token], segment: Phrase) -> bool {
        let text = self.text;
        let words: Vec<&str> = tokens[segment.start..segment.end]
            .iter()
            .filter(|token| token.is_word())
            .map(|token| token.stem(text))
            .collect();
        let Some(first) = words.first() else {
            return false;
        };
        is_one_of(
            first,
            &["who", "a", "an", "the", "its", "their", "his", "her"],
        ) || words.iter().any(|word| Words::Title.has(word))
            || first.chars().next().is_some_and(char::is_lowercase)
    }

    /// A segment that names someone: capitalised words.
    fn is_name(&self, tokens: &[Token], segment: Phrase) -> bool {
        let words: Vec<&Token> = tokens[segment.start..segment.end]
            .iter()
            .filter(|token| token.is_word())
            .collect();
        !words.is_empty()
            && words.len() <= 8
            && words
                .last()
                .is_some_and(|token| is_capitalised(token.text(self.text)))
            && words
                .first()
                .is_some_and(|token| is_capitalised(token.text(self.text)))
    }

    /// Whether "that" at `index` follows an outlet's verb ("The FT reports that …").
    fn after_outlet(&self, tokens: &[Token], index: usize) -> bool {
        index >= 1
            && tokens[index - 1].is_word()
            && is_one_of(
                tokens[index - 1].text(self.text),
                &[
                    "reports", "reported", "report", "says", "said", "writes", "wrote",
                ],
            )
    }

    /// The outlet named in a phrase, as written (with its "the").
    fn outlet_in(&self, tokens: &[Token], phrase: Phrase) -> Option<Range<usize>> {
        let text = self.text;
        for start in phrase.start..phrase.end {
            if !tokens[start].is_word() || !is_capitalised(tokens[start].text(text)) {
                continue;
            }
            for length in (1..=4).rev() {
                let end = start + length;
                if end > phrase.end || !tokens[start..end].iter().all(Token::is_word) {
                    continue;
                }
                let range = tokens[start].range.start..tokens[end - 1].range.end;
                let words = &text[range.clone()];
                let bare = words.trim_end_matches("’s").trim_end_matches("'s");
                let last = tokens[end - 1].stem(text);
                let named_as_outlet = tokens[start..end]
                    .iter()
                    .all(|token| is_capitalised(token.text(text)))
                    && Words::OutletNameWord.list().contains(&last);
                if Words::Outlet.list().contains(&bare) || known_outlet(bare) || named_as_outlet {
                    let with_article = start
                        .checked_sub(1)
                        .filter(|&before| tokens[before].text(text).eq_ignore_ascii_case("the"));
                    let from =
                        with_article.map_or(range.start, |before| tokens[before].range.start);
                    return Some(from..range.end);
                }
            }
        }
        None
    }

    /// The outlet a subject phrase names, when the subject is an outlet: a known one, "the
    /// newspaper", or a name that "reported" something and is no party (persons do not
    /// "report that" in news writing; outlets do).
    fn outlet_subject(&self, tokens: &[Token], phrase: Phrase, verb: &str) -> Option<Range<usize>> {
        let text = self.text;
        let range = tokens[phrase.start].range.start..tokens[phrase.end - 1].range.end;
        let words = &text[range.clone()];
        if known_outlet(words) {
            return Some(range);
        }
        let last = tokens[phrase.end - 1].text(text);
        if Words::OutletNoun.has(last) && words.to_ascii_lowercase().starts_with("the ") {
            return Some(range);
        }
        let reported = is_one_of(verb, &["report", "reports", "reported"]);
        let phrase_tokens = &tokens[phrase.start..phrase.end];
        let capitalised = phrase_tokens
            .iter()
            .filter(|token| token.is_word())
            .all(|token| {
                is_capitalised(token.text(text)) || token.text(text).eq_ignore_ascii_case("the")
            });
        let parties = self.names.mentions(text, phrase_tokens);
        (reported && capitalised && parties.is_empty()).then_some(range)
    }

    /// "told the FT": the outlet a speaker spoke to.
    fn told_outlet(&self, tokens: &[Token], cue: usize) -> Option<Range<usize>> {
        let word = tokens[cue].text(self.text);
        if !is_one_of(word, &["told", "tells", "tell"]) {
            return None;
        }
        let end = (cue + 1..tokens.len())
            .find(|&index| !tokens[index].is_word() || tokens[index].text(self.text) == "that")
            .unwrap_or(tokens.len());
        (end > cue + 1)
            .then(|| {
                self.outlet_in(
                    tokens,
                    Phrase {
                        start: cue + 1,
                        end,
                    },
                )
            })
            .flatten()
    }

    /// What an outlet reports: the article relays it (`outlet-paraphrase`, citing the outlet),
    /// unless its own speaker is named after "that" (an unnamed source the FT quotes stays
    /// anonymous).
    fn reported_by(
        &mut self,
        tokens: &[Token],
        mentions: &[Mention],
        from: usize,
        outlet: Range<usize>,
    ) -> Frame {
        let text = self.text;
        // What is reported starts after "that" when it comes soon ("reported last week that").
        let that = (from..tokens.len().min(from + 6))
            .find(|&index| tokens[index].is_word() && tokens[index].text(text) == "that");
        let from = match that {
            Some(that) => that + 1,
            None => (from..tokens.len())
                .find(|&index| tokens[index].is_word())
                .unwrap_or(tokens.len()),
        };
        let outlet_name = as_written(&text[outlet.clone()]);
        let inner = self
            .cue_frame(tokens, mentions, from, false)
            .or_else(|| self.document_subject(&tokens[from..], mentions));
        match inner {
            Some(inner) => {
                let paraphrased = matches!(
                    inner.attribution,
                    Attribution::OutletParaphrase | Attribution::OutletAnalysis
                );
                Frame {
                    attribution: if paraphrased {
                        Attribution::OutletParaphrase
                    } else {
                        inner.attribution
                    },
                    description: if inner.party.is_some() || !paraphrased {
                        format!("{}, as reported by {}", inner.description, outlet_name)
                    } else {
                        format!("The article, reporting {outlet_name}")
                    },
                    party: inner.party,
                    cites: Some(outlet),
                    reason: "an outlet cited as the origin",
                    subject: false,
                }
            }
            None => Frame {
                attribution: Attribution::OutletParaphrase,
                party: None,
                description: format!("The article, reporting {outlet_name}"),
                cites: Some(outlet),
                reason: "an outlet cited as the origin",
                subject: false,
            },
        }
    }

    /// Who a speaker phrase is.
    fn voice(&self, tokens: &[Token], phrase: Phrase, words: &[&str]) -> Voice {
        let has = |table: &[&str]| words.iter().any(|word| is_one_of(word, table));
        let person_party = self
            .parties_in(tokens, phrase)
            .into_iter()
            .any(|party| self.names.is_person(party));
        let named = person_party || self.person_in(tokens, phrase).is_some();
        if !named
            && (has(Words::AnonymityMarker.list())
                || has(&[
                    "people", "person", "someone", "insiders", "sources", "source",
                ]))
        {
            Voice::Unnamed
        } else if has(&[
            "spokesperson",
            "spokespersons",
            "spokeswoman",
            "spokesman",
            "spokespeople",
            "representative",
            "representatives",
        ]) {
            Voice::Spokesperson
        } else if !named && has(Words::CourtDocument.list()) {
            Voice::CourtDocument
        } else if !named && has(Words::CompanyDocument.list()) {
            Voice::CompanyDocument
        } else if named {
            Voice::Person
        } else if has(Words::PeopleNoun.list()) {
            Voice::PartyPeople
        } else if !self.parties_in(tokens, phrase).is_empty()
            || self
                .company_reference(&tokens[phrase.start..phrase.end], &[])
                .is_some()
        {
            Voice::Party
        } else {
            Voice::Unknown
        }
    }

    /// Who a speaker phrase is, and so how the claim is attributed; `direct` when the claim
    /// holds the speaker's words in quotation marks.
    fn classify(
        &mut self,
        tokens: &[Token],
        mentions: &[Mention],
        phrase: Phrase,
        cue: Cue,
        direct: bool,
    ) -> Option<Frame> {
        let text = self.text;
        let words: Vec<&str> = tokens[phrase.start..phrase.end]
            .iter()
            .filter(|token| token.is_word())
            .map(|token| token.stem(text))
            .collect();
        let first = *words.first()?;
        let in_phrase = self.parties_in(tokens, phrase);
        let organisation = in_phrase
            .iter()
            .copied()
            .find(|&party| !self.names.is_person(party));
        let person_party = in_phrase
            .iter()
            .copied()
            .find(|&party| self.names.is_person(party));
        // "its plans", "their thinking": the party the sentence is about.
        let possessive = words
            .windows(2)
            .any(|pair| is_one_of(pair[0], &["its", "their"]) && Words::PartyMind.has(pair[1]))
            .then_some(self.sentence_subject.or(self.topic))
            .flatten()
            .filter(|&party| !self.names.is_person(party));
        // "the company said": the party named before it in the unit, or the topic.
        let company = self
            .company_reference(&tokens[phrase.start..phrase.end], &[])
            .filter(|_| in_phrase.is_empty())
            .map(|topic| {
                mentions
                    .iter()
                    .filter(|mention| mention.end <= phrase.start)
                    .map(|mention| mention.party)
                    .next_back()
                    .unwrap_or(topic)
            });
        let party = organisation.or(company).or(possessive);
        let description = capitalise(&self.phrase_text(tokens, phrase));
        let cites = self.outlet_in(tokens, phrase);
        let frame = |attribution, party, reason| Frame {
            attribution,
            party,
            description: description.clone(),
            cites: cites.clone(),
            reason,
            subject: true,
        };
        if let Some(frame) = self.pronoun(
            mentions,
            phrase,
            first,
            words.len(),
            cue,
            direct,
            &cites,
            &frame,
        ) {
            return frame;
        }
        let known_person = words
            .last()
            .filter(|_| words.len() <= 2)
            .and_then(|surname| self.people.iter().find(|known| known.surname == *surname))
            .cloned();
        if let Some(known) = known_person.filter(|_| person_party.is_none()) {
            self.last_person = Some(known.clone());
            return Some(Frame {
                attribution: known.attribution,
                party: known.party,
                description: known.description,
                cites,
                reason: "a speaker named earlier in the article",
                subject: true,
            });
        }
        let voice = self.voice(tokens, phrase, &words);
        let (attribution, party, reason) = self.attributed(
            voice,
            &words,
            Candidates {
                party,
                organisation,
                company,
                person_party,
            },
            cue,
            direct,
        )?;
        let frame = frame(attribution, party, reason);
        if voice == Voice::Unnamed {
            self.last_unnamed = Some(frame.clone());
        }
        if matches!(voice, Voice::Person | Voice::Spokesperson) {
            self.meet(tokens, phrase, &frame, person_party);
        }
        Some(frame)
    }

    /// A pronoun as the speaker: "he" or "she" for the person named last, "it" for the party
    /// named before it, "they" for the speaker before. `Some(None)`: a pronoun with no one to
    /// stand for; `None`: no pronoun.
    #[allow(clippy::too_many_arguments)]
    fn pronoun(
        &self,
        mentions: &[Mention],
        phrase: Phrase,
        first: &str,
        count: usize,
        cue: Cue,
        direct: bool,
        cites: &Option<Range<usize>>,
        frame: &dyn Fn(Attribution, Option<usize>, &'static str) -> Frame,
    ) -> Option<Option<Frame>> {
        if count == 1 && is_one_of(first, &["he", "she"]) {
            let Some(known) = self.last_person.clone() else {
                return Some(None);
            };
            return Some(Some(Frame {
                attribution: known.attribution,
                party: known.party,
                description: known.description,
                cites: cites.clone(),
                reason: "“he” or “she”: the person named last",
                subject: true,
            }));
        }
        if count == 1 && is_one_of(first, &["they", "it", "we"]) {
            // "When Greyhaven cancelled …, it told the manufacturer": the party named before
            // the pronoun in the same sentence, speaking in the outlet's words.
            let before = mentions
                .iter()
                .filter(|mention| mention.end <= phrase.start)
                .map(|mention| mention.party)
                .find(|&party| !self.names.is_person(party));
            if let Some(party) = before {
                return Some(Some(frame(
                    if direct {
                        Attribution::Spokesperson
                    } else {
                        Attribution::OutletParaphrase
                    },
                    Some(party),
                    "“it”: the party named before it",
                )));
            }
            let Some(previous) = self
                .previous
                .clone()
                .filter(|previous| previous.party.is_some())
            else {
                return Some(None);
            };
            let attribution = match (cue, previous.attribution) {
                (_, Attribution::OutletAnalysis) => return Some(None),
                (Cue::Position, Attribution::OnRecord | Attribution::Spokesperson) if direct => {
                    previous.attribution
                }
                (Cue::Position, _) => Attribution::OutletParaphrase,
                (Cue::Speech, attribution) => attribution,
            };
            return Some(Some(Frame {
                attribution,
                cites: cites.clone(),
                reason: "“they”: the speaker before",
                subject: true,
                ..previous
            }));
        }
        None
    }

    /// How a speaker phrase of `voice` attributes what it says, for whom, and by which rule.
    fn attributed(
        &self,
        voice: Voice,
        words: &[&str],
        found: Candidates,
        cue: Cue,
        direct: bool,
    ) -> Option<(Attribution, Option<usize>, &'static str)> {
        let Candidates {
            party,
            organisation,
            company,
            person_party,
        } = found;
        // "one of the people", "the person said": the unnamed source met before.
        let definite = words
            .iter()
            .any(|word| is_one_of(word, &["the", "those", "these"]))
            && !words.iter().any(|word| Words::AnonymityMarker.has(word));
        Some(match voice {
            Voice::Unnamed if definite && party.is_none() => (
                Attribution::Anonymous,
                self.last_unnamed.as_ref().and_then(|frame| frame.party),
                "the unnamed source met before",
            ),
            Voice::Unnamed => (Attribution::Anonymous, party, "an unnamed source"),
            Voice::Spokesperson => (
                Attribution::Spokesperson,
                party.or(self.topic).or(self.last_party),
                "a spokesperson",
            ),
            Voice::CourtDocument => (
                if direct {
                    Attribution::OnRecord
                } else {
                    Attribution::OutletParaphrase
                },
                party.or(self.claimant).or(self.topic),
                "a court document",
            ),
            Voice::CompanyDocument => (
                Attribution::Spokesperson,
                party.or(self.topic),
                "a party's own document",
            ),
            Voice::Person => {
                // A title without an organisation ("Chief executive Ingrid Solheim") belongs
                // to the party the article is about; an analyst or a lawyer does not.
                let executive = words.iter().any(|word| {
                    is_one_of(
                        word,
                        &[
                            "chief",
                            "ceo",
                            "president",
                            "chairman",
                            "chairwoman",
                            "founder",
                            "executive",
                            "cfo",
                            "coo",
                        ],
                    )
                });
                // Someone who holds a post at an organisation speaks for it ("Martin Ashby,
                // Calder's chief executive"); an analyst or an expert speaks for themselves.
                let speaks_for = words.iter().any(|word| Words::SpeaksForTitle.has(word));
                let party = if speaks_for {
                    organisation.or(company).or(person_party)
                } else {
                    person_party.or(organisation).or(company)
                }
                .or(if executive { self.topic } else { None });
                (Attribution::OnRecord, party, "a named speaker")
            }
            Voice::PartyPeople => match (cue, party) {
                (Cue::Position, Some(_)) => (
                    Attribution::OutletParaphrase,
                    party,
                    "a party's people, paraphrased",
                ),
                _ => (Attribution::Anonymous, party, "people unnamed"),
            },
            Voice::Party if direct => (
                Attribution::Spokesperson,
                party,
                "a party, in its own words",
            ),
            Voice::Party => (
                Attribution::OutletParaphrase,
                party,
                "a party's position, in the outlet's words",
            ),
            Voice::Unknown => {
                let capitalised = words.iter().all(|word| is_capitalised(word));
                if !(capitalised && words.len() <= 4) {
                    return None;
                }
                if direct {
                    (Attribution::Spokesperson, None, "a named organisation")
                } else {
                    (
                        Attribution::OutletParaphrase,
                        None,
                        "a named organisation's position, in the outlet's words",
                    )
                }
            }
        })
    }

    /// Remembers a person a speaker phrase names, by surname, for "he", "she" and "Dahl said".
    fn meet(&mut self, tokens: &[Token], phrase: Phrase, frame: &Frame, party: Option<usize>) {
        let surname = match party {
            Some(_) => tokens[phrase.start..phrase.end]
                .iter()
                .filter(|token| token.is_word() && is_capitalised(token.text(self.text)))
                .nth(1)
                .or_else(|| {
                    tokens[phrase.start..phrase.end]
                        .iter()
                        .find(|token| token.is_word())
                })
                .map(|token| token.stem(self.text).to_owned()),
            None => self.person_in(tokens, phrase),
        };
        let Some(surname) = surname else {
            return;
        };
        let person = Person {
            surname,
            party: frame.party,
            description: frame.description.clone(),
            attribution: frame.attribution,
        };
        if !self
            .people
            .iter()
            .any(|known| known.surname == person.surname)
        {
            self.people.push(person.clone());
        }
        self.last_person = Some(person);
    }

    /// A personal name in a phrase, by its surname: two to four capitalised words that are no
    /// party, outlet, title or organisation ("Ingrid Dahl", "President Ola Berg").
    fn person_in(&self, tokens: &[Token], phrase: Phrase) -> Option<String> {
        let text = self.text;
        let mentions = self
            .names
            .mentions_in_phrase(text, &tokens[phrase.start..phrase.end]);
        let mut run: Vec<&str> = Vec::new();
        let mut best: Vec<&str> = Vec::new();
        for (offset, token) in tokens[phrase.start..phrase.end].iter().enumerate() {
            let covered = mentions
                .iter()
                .any(|mention| (mention.start..mention.end).contains(&offset));
            let word = token.stem(text);
            let initial = word.len() == 2 && word.ends_with('.');
            let name_like = token.is_word()
                && !covered
                && is_capitalised(word)
                && !Words::Title.has(word)
                && !(Words::OrganisationWord.has(word) || Words::LegalSuffix.has(word))
                && !is_one_of(
                    word,
                    &[
                        "the", "a", "an", "in", "on", "at", "senior", "former", "its", "their",
                    ],
                )
                && crate::text::dates::is_month(word).is_none()
                && crate::text::lexicon::weekday_number(word).is_none()
                && !Words::Outlet.list().contains(&word);
            if name_like || (initial && !run.is_empty()) {
                run.push(word);
            } else if token.is_word() || !matches!(token.kind, TokenKind::Punct('.')) {
                if run.len() > best.len() {
                    best = std::mem::take(&mut run);
                }
                run.clear();
                if token.is_word()
                    && (Words::OrganisationWord.has(word) || Words::LegalSuffix.has(word))
                    && best.len() < 2
                {
                    best.clear();
                }
            }
        }
        if run.len() > best.len() {
            best = run;
        }
        if best.len() < 2 || best.len() > 4 {
            return None;
        }
        best.last().map(|surname| (*surname).to_owned())
    }

    fn phrase_text(&self, tokens: &[Token], phrase: Phrase) -> String {
        let range = tokens[phrase.start].range.start..tokens[phrase.end - 1].range.end;
        self.text[range].to_owned()
    }

    /// A quotation that opens the unit with no cue of its own goes on with the speaker of the
    /// quotation before it, or of the lead-in or credit line beside it.
    fn floating(&mut self, tokens: &[Token], first_in_block: bool) -> Option<Frame> {
        let opens = tokens
            .first()
            .is_some_and(|token| token.kind == TokenKind::OpenQuote);
        if !opens {
            return None;
        }
        if first_in_block {
            if let Some(lead_in) = self.lead_in.take() {
                return Some(Frame {
                    reason: "the line beside introduces the quotation",
                    ..lead_in
                });
            }
        }
        self.last_quotation.clone().map(|frame| Frame {
            reason: "a floating quotation goes on with the speaker before",
            ..frame
        })
    }

    /// "Microsoft's lawyers are not persuaded", "the carrier is confident": a stance.
    fn stance(&mut self, tokens: &[Token], mentions: &[Mention]) -> Option<Frame> {
        let text = self.text;
        const BE: &[&str] = &["is", "are", "was", "were", "remain", "remains"];
        let adjective = (1..tokens.len()).find(|&index| {
            let token = &tokens[index];
            if !token.is_word() || token.quoted || !Words::StanceAdjective.has(token.text(text)) {
                return false;
            }
            let mut at = index;
            while at > 0 {
                at -= 1;
                let word = tokens[at].text(text);
                if is_one_of(word, BE) {
                    return true;
                }
                if !is_one_of(
                    word,
                    &[
                        "not", "still", "far", "from", "less", "more", "very", "now", "also",
                    ],
                ) {
                    return false;
                }
            }
            false
        })?;
        let be = (0..adjective)
            .rev()
            .find(|&index| is_one_of(tokens[index].text(text), BE))?;
        let phrase = self.subject(tokens, be, 0)?;
        let frame = self.classify(tokens, mentions, phrase, Cue::Position, false)?;
        (frame.party.is_some()).then(|| Frame {
            attribution: Attribution::OutletParaphrase,
            reason: "a party's stance, as the outlet puts it",
            ..frame
        })
    }

    /// "The complaint values the deal at $2.1 billion", "The letter gives the port 30 days":
    /// a document of a party as the subject, with no verb of saying; the outlet relays it.
    fn document_subject(&mut self, tokens: &[Token], mentions: &[Mention]) -> Option<Frame> {
        let text = self.text;
        let words: Vec<(usize, &str)> = tokens
            .iter()
            .enumerate()
            .filter(|(_, token)| token.is_word())
            .take(6)
            .map(|(index, token)| (index, token.stem(text)))
            .collect();
        let (position, noun) = words
            .iter()
            .find(|(_, word)| Words::CourtDocument.has(word) || Words::CompanyDocument.has(word))?;
        // The document is the sentence's subject: only an article, a possessive, a party's
        // name or a plain modifier before it ("The complaint", "Halvorsen’s public
        // statements", "its own investor presentation"), never "This statement" (which
        // points back at a quotation) or "no suit".
        let before = &tokens[..*position];
        let modifier = |token: &Token| {
            let word = token.text(text);
            token.is_word()
                && (Words::DocumentModifier.has(word)
                    || word.ends_with("’s")
                    || word.ends_with("'s")
                    || (is_capitalised(word)
                        && !is_one_of(word, &["This", "That", "These", "Those"])))
        };
        if *position > 4 || !before.iter().all(modifier) {
            return None;
        }
        let phrase = Phrase {
            start: 0,
            end: position + 1,
        };
        let court = Words::CourtDocument.has(noun);
        let in_phrase = self.parties_in(tokens, phrase).first().copied();
        let possessive = before
            .iter()
            .any(|token| is_one_of(token.text(text), &["its", "their"]))
            .then_some(self.topic)
            .flatten();
        let party = in_phrase
            .or(possessive)
            .or(if court { self.claimant } else { None })
            .or(self.topic);
        let _ = mentions;
        Some(Frame {
            attribution: Attribution::OutletParaphrase,
            party,
            description: capitalise(&self.phrase_text(tokens, phrase)),
            cites: None,
            reason: "a party's document, as the outlet relays it",
            subject: true,
        })
    }

    /// "Microsoft is considering a lawsuit", "concerns inside the carrier": a party's
    /// deliberation, which only the outlet's reporting can know.
    fn deliberation(&mut self, tokens: &[Token], mentions: &[Mention]) -> Option<Frame> {
        let text = self.text;
        if mentions.is_empty() && self.company_reference(tokens, mentions).is_none() {
            return None;
        }
        let found = tokens.iter().enumerate().any(|(index, token)| {
            if token.quoted || !token.is_word() {
                return false;
            }
            let word = token.text(text);
            if Words::DeliberationVerb.has(word) {
                return tokens[..index].iter().rev().take(3).any(|before| {
                    is_one_of(before.text(text), &["is", "are", "was", "were", "been"])
                });
            }
            if Words::InnerStateNoun.has(word) {
                let next = tokens.get(index + 1).map(|token| token.text(text));
                return next.is_some_and(|next| {
                    is_one_of(next, &["inside", "within", "among", "at", "in"])
                }) && mentions.iter().any(|mention| mention.start > index);
            }
            false
        });
        found.then(|| Frame {
            attribution: Attribution::OutletParaphrase,
            party: None,
            description: "The article (reporter's own words)".to_owned(),
            cites: None,
            reason: "a party's deliberation, as the outlet reports it",
            subject: false,
        })
    }

    /// "It is understood that", "The Ledger understands that", "is said to be": the outlet
    /// passes on what unnamed people told it (`anonymous`). "Was told" reports that someone
    /// was told something, which the outlet relays (`outlet-paraphrase`).
    fn understood(&mut self, tokens: &[Token]) -> Option<Frame> {
        let text = self.text;
        let word = |index: usize| {
            tokens
                .get(index)
                .filter(|token| token.is_word() && !token.quoted)
                .map(|token| token.text(text))
        };
        for index in 0..tokens.len() {
            let Some(current) = word(index) else {
                continue;
            };
            let before = index.checked_sub(1).and_then(word);
            let after = word(index + 1);
            let passive =
                before.is_some_and(|before| is_one_of(before, &["is", "are", "was", "were"]));
            let understood = (current.eq_ignore_ascii_case("understood")
                && passive
                && after.is_some_and(|after| is_one_of(after, &["that", "to"])))
                || (current.eq_ignore_ascii_case("understands")
                    && after.is_some_and(|after| after.eq_ignore_ascii_case("that")))
                || (is_one_of(current, &["said", "thought"])
                    && passive
                    && after.is_some_and(|after| after.eq_ignore_ascii_case("to")));
            if understood {
                return Some(Frame {
                    attribution: Attribution::Anonymous,
                    party: None,
                    description: "People the outlet does not name".to_owned(),
                    cites: None,
                    reason: "“it is understood”: unnamed people told the outlet",
                    subject: false,
                });
            }
            let told = current.eq_ignore_ascii_case("told")
                && (passive || before.is_some_and(|before| before.eq_ignore_ascii_case("been")));
            if told {
                return Some(Frame {
                    attribution: Attribution::OutletParaphrase,
                    party: None,
                    description: "The article (reporter's own words)".to_owned(),
                    cites: None,
                    reason: "“was told”: the outlet relays what someone was told",
                    subject: false,
                });
            }
        }
        None
    }

    /// "reportedly", "is said to": the outlet relays what it has heard.
    fn reportedly(&mut self, tokens: &[Token]) -> Option<Frame> {
        let text = self.text;
        let found = tokens.iter().enumerate().any(|(index, token)| {
            if token.quoted || !token.is_word() {
                return false;
            }
            let word = token.text(text);
            word.eq_ignore_ascii_case("reportedly")
                || (is_one_of(word, &["said", "understood", "believed", "thought"])
                    && index >= 1
                    && is_one_of(tokens[index - 1].text(text), &["is", "are", "was", "were"])
                    && tokens
                        .get(index + 1)
                        .is_some_and(|next| next.text(text).eq_ignore_ascii_case("to")))
        });
        found.then(|| Frame {
            attribution: Attribution::OutletParaphrase,
            party: None,
            description: "The article (reporter's own words)".to_owned(),
            cites: None,
            reason: "“reportedly”: the outlet relays what it has heard",
            subject: false,
        })
    }
}

/// Where a speaker phrase after an inverted cue ends: at a full stop, a semicolon, a
/// quotation, or the time or channel that follows a name ("said Dahl on Tuesday", "said the
/// carrier in a statement").
fn phrase_end(text: &str, tokens: &[Token], start: usize) -> usize {
    const AFTER_A_NAME: &[&str] = &[
        "on",
        "in",
        "during",
        "at",
        "last",
        "this",
        "yesterday",
        "today",
        "earlier",
        "late",
        "told",
        "adding",
    ];
    let mut end = start;
    while end < tokens.len() {
        let token = &tokens[end];
        let stops = match token.kind {
            TokenKind::Punct('.' | ';' | ':' | '!' | '?') | TokenKind::OpenQuote => true,
            // "an analyst at Fjellmark" goes on: "at" after a title names where they work.
            TokenKind::Word => {
                end > start
                    && tokens[end - 1].is_word()
                    && is_one_of(token.text(text), AFTER_A_NAME)
                    && !Words::Title.has(tokens[end - 1].text(text))
                    && !Words::PeopleNoun.has(tokens[end - 1].text(text))
            }
            _ => false,
        };
        if stops {
            break;
        }
        end += 1;
    }
    while end > start && tokens[end - 1].is_punct(',') {
        end -= 1;
    }
    end
}

/// The outlet's own voice, described by where it stands.
fn outlet_voice(block: BlockKind, reason: &'static str) -> Frame {
    let description = match block {
        BlockKind::Headline => "The article's headline",
        BlockKind::Standfirst => "The article's standfirst",
        BlockKind::Bullet => "The article's summary bullet",
        _ => "The article (reporter's own words)",
    };
    Frame {
        attribution: Attribution::OutletAnalysis,
        party: None,
        description: description.to_owned(),
        cites: None,
        reason,
        subject: false,
    }
}

fn capitalise(text: &str) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

/// An outlet's name as an article writes it mid-sentence: "The FT" becomes "the FT".
pub fn as_written(name: &str) -> String {
    match name.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => name.to_owned(),
    }
}
