//! Who says a claim, and how the article attributes it. Read as a news reader reads it: the cue
//! around a direct quotation ("…," said X; X said: "…"), a quotation split around its cue, a
//! floating quotation that goes on with the speaker before it, indirect speech (X said that…,
//! told investors…, argued…, denied…), "according to X", unnamed sources, spokespeople, and
//! outlets cited as the origin ("The FT reports that…").
//!
//! Each rule family is a function of its own; `Reader::frame` tries them in the order a reader
//! does, and `Reader` carries what a reader remembers between sentences: the party last named
//! (for "the company"), the last speaker (for "they", "he", "she" and floating quotations), and
//! the people the article has introduced ("Dahl" after "Ingrid Dahl, the carrier's chief").

use super::names::{known_outlet, Mention, Names};
use super::rules::{
    AFTER_A_POSITION, ANONYMITY_MARKERS, BETWEEN_SPEAKER_AND_VERB, CLAUSE_WORDS, COMPANY_NOUNS,
    DELIBERATION_VERBS, FRONTED_OPENERS, HYPOTHETICAL, INNER_STATE_NOUNS, NEGATIONS,
    NOUN_LIKE_CUES, OUTLETS, OUTLET_NOUNS, PEOPLE_NOUNS, PLAIN_SPEECH_CUES, POSITION_CUES,
    SPEECH_CUES, SPOKESPERSON_MARKERS, STANCE_ADJECTIVES, TITLES,
};
use super::segment::BlockKind;
use super::tokens::{is_capitalised, is_one_of, Token, TokenKind};
use crate::model::Attribution;
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
}

/// What kind of verb introduces a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cue {
    Speech,
    Position,
}

/// A person the article has introduced, by surname.
#[derive(Clone, Debug)]
struct Person {
    surname: String,
    party: Option<usize>,
    description: String,
}

/// What a reader remembers while reading an article from the top.
pub struct Reader<'a> {
    text: &'a str,
    names: &'a Names,
    /// The party named last, for "the company".
    last_party: Option<usize>,
    previous: Option<Frame>,
    last_quotation: Option<Frame>,
    lead_in: Option<Frame>,
    people: Vec<Person>,
    last_person: Option<Person>,
}

/// A speaker phrase found for a cue: tokens `start..end`.
#[derive(Clone, Copy, Debug)]
struct Phrase {
    start: usize,
    end: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str, names: &'a Names) -> Self {
        Reader {
            text,
            names,
            last_party: None,
            previous: None,
            last_quotation: None,
            lead_in: None,
            people: Vec::new(),
            last_person: None,
        }
    }

    /// A heading ends what a reader carries over.
    pub fn heading(&mut self) {
        self.last_quotation = None;
        self.lead_in = None;
    }

    /// A lead-in line ("The company said:"): its speaker speaks in the next block.
    pub fn lead_in(&mut self, tokens: &[Token]) {
        let mentions = self.names.mentions(self.text, tokens);
        self.lead_in = self.cue_frame(tokens, &mentions, 0);
        self.remember_parties(&mentions);
    }

    /// The frame of one claim unit; `tokens` are its tokens, `block` where it stands.
    pub fn frame(
        &mut self,
        tokens: &[Token],
        kind: super::claims::UnitKind,
        block: BlockKind,
        first_in_block: bool,
    ) -> (Frame, Vec<usize>) {
        use super::claims::UnitKind;
        let mentions = self.names.mentions(self.text, tokens);
        let mut named: Vec<usize> = mentions.iter().map(|mention| mention.party).collect();
        if let Some(party) = self.company_reference(tokens, &mentions) {
            named.push(party);
        }
        let quoted = tokens
            .iter()
            .any(|token| token.kind == TokenKind::OpenQuote);
        let frame = if kind == UnitKind::Added {
            self.previous.clone().map(|frame| Frame {
                reason: "the speaker before “adding” goes on",
                ..frame
            })
        } else if block.is_display() {
            Some(outlet_voice(
                block,
                "a headline or standfirst is the outlet's framing",
            ))
        } else if kind == UnitKind::Aside {
            Some(outlet_voice(block, "a background aside is the outlet's"))
        } else {
            None
        };
        let frame = frame
            .or_else(|| self.according_to(tokens, &mentions))
            .or_else(|| self.cue_frame(tokens, &mentions, 0))
            .or_else(|| self.floating(tokens, first_in_block))
            .or_else(|| self.stance(tokens, &mentions))
            .or_else(|| self.deliberation(tokens, &mentions))
            .or_else(|| self.reportedly(tokens))
            .unwrap_or_else(|| outlet_voice(block, "no cue: the outlet's own words"));
        if let Some(party) = frame.party {
            named.insert(0, party);
        }
        self.remember_parties(&mentions);
        if first_in_block {
            self.lead_in = None;
        }
        if quoted && frame.attribution != Attribution::OutletAnalysis {
            self.last_quotation = Some(frame.clone());
        }
        self.previous = Some(frame.clone());
        named.dedup();
        let mut seen = Vec::new();
        named.retain(|party| {
            let new = !seen.contains(party);
            seen.push(*party);
            new
        });
        (frame, named)
    }

    fn remember_parties(&mut self, mentions: &[Mention]) {
        if let Some(mention) = mentions.last() {
            self.last_party = Some(mention.party);
        }
    }

    /// "the company", "the AI company", "the carrier" (when no alias took it): the party named
    /// last before it.
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
                .find(|token| is_one_of(token.stem(text), COMPANY_NOUNS));
            if noun.is_some() {
                // The party named last before this point, in this unit or before it.
                return mentions
                    .iter()
                    .filter(|mention| mention.end <= index)
                    .map(|mention| mention.party)
                    .next_back()
                    .or(self.last_party);
            }
        }
        None
    }

    /// "…, according to multiple people familiar with the deliberations" and "According to
    /// the FT, …".
    fn according_to(&mut self, tokens: &[Token], mentions: &[Mention]) -> Option<Frame> {
        let text = self.text;
        let at = (0..tokens.len().saturating_sub(1)).find(|&index| {
            let (word, next) = (&tokens[index], &tokens[index + 1]);
            !word.quoted
                && word.is_word()
                && word.text(text).eq_ignore_ascii_case("according")
                && next.is_word()
                && next.text(text).eq_ignore_ascii_case("to")
        })?;
        let start = at + 2;
        let end = (start..tokens.len())
            .find(|&index| {
                tokens[index].is_punct(',') && !tokens[index].quoted
                    || matches!(tokens[index].kind, TokenKind::Punct('.' | ';'))
            })
            .unwrap_or(tokens.len());
        if start >= end {
            return None;
        }
        let phrase = Phrase { start, end };
        if let Some(outlet) = self.outlet_in(tokens, phrase) {
            // "According to the FT, …": the outlet is the origin; the rest is what it reports.
            let words = self.phrase_text(tokens, phrase);
            if words.split_whitespace().count() <= 6 || self.is_report_of(tokens, phrase) {
                let inner = if at == 0 { end + 1 } else { 0 };
                return Some(self.reported_by(tokens, mentions, inner, outlet));
            }
        }
        self.classify(tokens, mentions, phrase, Cue::Speech)
            .map(|frame| Frame {
                reason: "“according to” names the speaker",
                ..frame
            })
    }

    /// Whether a phrase is "a report in/by/from X" or "X's report".
    fn is_report_of(&self, tokens: &[Token], phrase: Phrase) -> bool {
        tokens[phrase.start..phrase.end].iter().any(|token| {
            token.is_word() && is_one_of(token.stem(self.text), &["report", "reports", "reporting"])
        })
    }

    /// A frame from a verb of speaking or of holding a position, with its speaker before it
    /// (X said that…) or after it (“…,” said X). `from` is where the clause starts.
    fn cue_frame(&mut self, tokens: &[Token], mentions: &[Mention], from: usize) -> Option<Frame> {
        let text = self.text;
        for index in from..tokens.len() {
            let token = &tokens[index];
            if token.quoted || !token.is_word() {
                continue;
            }
            let word = token.text(text);
            let cue = if is_one_of(word, SPEECH_CUES) {
                Cue::Speech
            } else if is_one_of(word, POSITION_CUES) {
                Cue::Position
            } else {
                continue;
            };
            if self.is_hypothetical_or_denied(tokens, index, from) || !self.cue_reads(tokens, index)
            {
                continue;
            }
            // “…,” said X: the speaker after the verb.
            if cue == Cue::Speech && self.inverted(tokens, index) {
                let end = phrase_end(text, tokens, index + 1);
                if end > index + 1 {
                    let phrase = Phrase {
                        start: index + 1,
                        end,
                    };
                    if let Some(frame) = self.classify(tokens, mentions, phrase, cue) {
                        return Some(Frame {
                            reason: "the cue after the quotation names the speaker",
                            cites: frame.cites.or_else(|| self.told_outlet(tokens, index)),
                            ..frame
                        });
                    }
                }
            }
            if !self.complemented(tokens, index, cue) || self.coordinated(tokens, index, from) {
                continue;
            }
            let Some(phrase) = self.subject(tokens, index, from) else {
                continue;
            };
            // An outlet as the subject: it is the origin of what follows.
            if let Some(outlet) = self.outlet_subject(tokens, phrase, word) {
                return Some(self.reported_by(tokens, mentions, index + 1, outlet));
            }
            // A quotation right after the verb is the speaker's words; one further on may be
            // the outlet's scare quotes ("violates “the spirit if not the letter”").
            let quoted_after = tokens[index + 1..]
                .iter()
                .take(3)
                .any(|token| token.kind == TokenKind::OpenQuote);
            let cue = if quoted_after { Cue::Speech } else { cue };
            if let Some(frame) = self.classify(tokens, mentions, phrase, cue) {
                let reason = match (cue, quoted_after) {
                    (Cue::Speech, true) => "the cue before the quotation names the speaker",
                    (Cue::Speech, false) => "indirect speech: a verb of saying and its speaker",
                    (Cue::Position, _) => "a verb of holding a position and whose it is",
                };
                return Some(Frame {
                    reason,
                    cites: frame.cites.or_else(|| self.told_outlet(tokens, index)),
                    ..frame
                });
            }
        }
        None
    }

    /// Whether a cue word reads as that verb here: "views" and "sees" need "as" after them
    /// ("views the deal as a threat"), "expected" after "is" is a hedge, not a cue.
    fn cue_reads(&self, tokens: &[Token], index: usize) -> bool {
        let text = self.text;
        let word = tokens[index].text(text).to_ascii_lowercase();
        let previous = index
            .checked_sub(1)
            .map(|before| &tokens[before])
            .filter(|token| token.is_word())
            .map(|token| token.text(text).to_ascii_lowercase());
        match word.as_str() {
            "view" | "views" | "viewed" | "see" | "sees" | "regard" | "regards" | "regarded" => {
                tokens[index + 1..]
                    .iter()
                    .any(|token| token.is_word() && token.text(text).eq_ignore_ascii_case("as"))
            }
            "expected" | "alleged" | "opposed" | "worried" | "disputed" | "reported"
            | "thought" => !previous.is_some_and(|previous| {
                matches!(
                    previous.as_str(),
                    "is" | "are" | "was" | "were" | "been" | "be" | "being" | "the" | "an" | "a"
                )
            }),
            _ => !previous.is_some_and(|previous| {
                matches!(
                    previous.as_str(),
                    "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "that"
                )
            }),
        }
    }

    /// Whether a verb of saying or of holding a position has what it takes after it to be one:
    /// see `PLAIN_SPEECH_CUES` and `NOUN_LIKE_CUES`.
    fn complemented(&self, tokens: &[Token], index: usize, cue: Cue) -> bool {
        let text = self.text;
        let word = tokens[index].text(text);
        let next = tokens.get(index + 1);
        match cue {
            Cue::Speech if is_one_of(word, PLAIN_SPEECH_CUES) => true,
            Cue::Speech => tokens[index + 1..].iter().take(4).any(|token| {
                matches!(
                    token.kind,
                    TokenKind::OpenQuote | TokenKind::Punct(':' | ',' | '—')
                ) || token.is_word() && token.text(text).eq_ignore_ascii_case("that")
            }),
            Cue::Position if is_one_of(word, NOUN_LIKE_CUES) => next
                .is_some_and(|next| next.is_word() && is_one_of(next.text(text), AFTER_A_POSITION)),
            Cue::Position => true,
        }
    }

    /// "invested $1 billion and added another $10 billion": a second verb of the same subject,
    /// not a new speaker.
    fn coordinated(&self, tokens: &[Token], index: usize, from: usize) -> bool {
        let mut at = index;
        while at > from {
            at -= 1;
            let token = &tokens[at];
            if token.is_word() && is_one_of(token.text(self.text), BETWEEN_SPEAKER_AND_VERB) {
                continue;
            }
            return token.is_word()
                && is_one_of(token.text(self.text), &["and", "or", "but", "then"]);
        }
        false
    }

    /// "has not commented", "declined to say", "may argue", "is expected to claim": no claim
    /// of the speaker's.
    fn is_hypothetical_or_denied(&self, tokens: &[Token], index: usize, from: usize) -> bool {
        let text = self.text;
        let mut at = index;
        let mut looked = 0;
        while at > from && looked < 4 {
            at -= 1;
            let token = &tokens[at];
            if !token.is_word() {
                break;
            }
            let word = token.text(text);
            if is_one_of(word, NEGATIONS)
                || is_one_of(word, HYPOTHETICAL)
                || word.ends_with("n’t")
                || word.ends_with("n't")
            {
                return true;
            }
            if !(is_one_of(word, BETWEEN_SPEAKER_AND_VERB) || is_one_of(word, &["to", "be"])) {
                break;
            }
            looked += 1;
        }
        false
    }

    /// Whether the cue at `index` comes right after a quotation or a clause and a comma, so its
    /// speaker follows it (“…,” said X; The deal is dead, said X).
    fn inverted(&self, tokens: &[Token], index: usize) -> bool {
        let Some(before) = index.checked_sub(1).map(|before| &tokens[before]) else {
            return false;
        };
        let after = tokens.get(index + 1).filter(|token| token.is_word());
        let speaker_follows = after.is_some_and(|token| {
            let word = token.text(self.text);
            is_capitalised(word)
                || is_one_of(
                    word,
                    &[
                        "a", "an", "the", "one", "two", "several", "people", "sources",
                    ],
                )
        });
        let opens = before.kind == TokenKind::CloseQuote || before.is_punct(',') && !before.quoted;
        opens && speaker_follows
    }

    /// The speaker phrase before a cue: the words from the start of its clause (after a
    /// fronted phrase like "In a statement,") to the verb, over adverbs and auxiliaries; a
    /// name with its title in commas stays whole ("Ingrid Dahl, the carrier's chief, said").
    fn subject(&self, tokens: &[Token], cue: usize, from: usize) -> Option<Phrase> {
        let text = self.text;
        let mut end = cue;
        // Over adverbs and auxiliaries, and a ", however," between commas.
        while end > from {
            let token = &tokens[end - 1];
            if token.is_word() && is_one_of(token.text(text), BETWEEN_SPEAKER_AND_VERB) {
                end -= 1;
            } else if token.is_punct(',')
                && end >= from + 3
                && tokens[end - 2].is_word()
                && is_one_of(
                    tokens[end - 2].text(text),
                    &["however", "meanwhile", "though", "too", "in", "turn"],
                )
                && tokens[end - 3].is_punct(',')
            {
                end -= 3;
            } else {
                break;
            }
        }
        if end <= from {
            return None;
        }
        let mut start = end;
        let mut segments = 0;
        loop {
            // One comma-free segment leftwards.
            let mut at = start;
            while at > from {
                let token = &tokens[at - 1];
                let stops = match token.kind {
                    TokenKind::Word => is_one_of(token.text(text), CLAUSE_WORDS) && !token.quoted,
                    TokenKind::Punct('’' | '\'' | '&' | '-' | '.') => false,
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
            segments += 1;
            let segment = Phrase {
                start: at,
                end: start,
            };
            start = at;
            let Some(boundary) = at.checked_sub(1).filter(|&boundary| boundary >= from) else {
                break;
            };
            let boundary_token = &tokens[boundary];
            if boundary_token.is_word() {
                // A relative or subordinate word: the cue is inside a clause of another.
                if segments == 1 {
                    let word = boundary_token.text(text);
                    if !word.eq_ignore_ascii_case("that") || !self.after_outlet(tokens, boundary) {
                        return None;
                    }
                }
                break;
            }
            // Past a comma only when this segment is a title or description in apposition
            // ("…, the carrier's chief executive,") and a name stands before it.
            if boundary_token.is_punct(',')
                && !boundary_token.quoted
                && segments < 3
                && self.is_apposition(tokens, segment)
                && boundary > from
                && tokens[boundary - 1].is_word()
                && is_capitalised(tokens[boundary - 1].text(text))
            {
                start = boundary;
                continue;
            }
            break;
        }
        if start >= end {
            return None;
        }
        // The fronted phrase is not the speaker ("In a statement, Halvard said").
        let first_word = tokens[start].text(text);
        if start == from && is_one_of(first_word, FRONTED_OPENERS) && tokens[start].is_word() {
            let comma = (start..end).find(|&index| tokens[index].is_punct(','))?;
            start = comma + 1;
        }
        let words = tokens[start..end]
            .iter()
            .filter(|token| token.is_word())
            .count();
        (words > 0 && words <= 16).then_some(Phrase { start, end })
    }

    /// Whether "that" at `index` follows an outlet's verb ("The FT reports that …"), so a
    /// speaker after it starts a clause of its own.
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

    /// A description set off by commas after a name: a title, "a lawyer for …", "who …".
    fn is_apposition(&self, tokens: &[Token], segment: Phrase) -> bool {
        let text = self.text;
        let words: Vec<&str> = tokens[segment.start..segment.end]
            .iter()
            .filter(|token| token.is_word())
            .map(|token| token.text(text))
            .collect();
        let Some(first) = words.first() else {
            return false;
        };
        is_one_of(first, &["who", "a", "an", "the"])
            || words.iter().any(|word| is_one_of(word, TITLES))
            || first.chars().next().is_some_and(char::is_lowercase)
    }

    /// The outlet named in a phrase, as written (with its "the").
    fn outlet_in(&self, tokens: &[Token], phrase: Phrase) -> Option<Range<usize>> {
        let text = self.text;
        for start in phrase.start..phrase.end {
            if !tokens[start].is_word() {
                continue;
            }
            for length in (1..=4).rev() {
                let end = start + length;
                if end > phrase.end || !tokens[start..end].iter().all(Token::is_word) {
                    continue;
                }
                let range = tokens[start].range.start..tokens[end - 1].range.end;
                let words = &text[range.clone()];
                let bare = words.trim_end_matches(['’', '\'']).trim_end_matches("’s");
                let is_outlet = OUTLETS.contains(&bare) || known_outlet(bare);
                if is_outlet && is_capitalised(tokens[start].text(text)) {
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
    /// newspaper", or a name that "reported" something and is no party.
    fn outlet_subject(&self, tokens: &[Token], phrase: Phrase, verb: &str) -> Option<Range<usize>> {
        let text = self.text;
        let range = tokens[phrase.start].range.start..tokens[phrase.end - 1].range.end;
        let words = &text[range.clone()];
        if known_outlet(words) {
            return Some(range);
        }
        let reported = is_one_of(verb, &["report", "reports", "reported"]);
        let last = tokens[phrase.end - 1].text(text);
        if is_one_of(last, OUTLET_NOUNS) && words.to_ascii_lowercase().starts_with("the ") {
            return Some(range);
        }
        let mentions = self.names.mentions(text, &tokens[phrase.start..phrase.end]);
        let capitalised = tokens[phrase.start..phrase.end]
            .iter()
            .filter(|token| token.is_word())
            .all(|token| {
                is_capitalised(token.text(text)) || token.text(text).eq_ignore_ascii_case("the")
            });
        // Persons rarely "report", and never with "the" before their name.
        let the = words.starts_with("The ") || words.starts_with("the ");
        let person = !the && self.is_person_phrase(tokens, phrase);
        (reported && capitalised && mentions.is_empty() && !person).then_some(range)
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
        let from = (from..tokens.len())
            .find(|&index| {
                tokens[index].is_word() && !tokens[index].text(text).eq_ignore_ascii_case("that")
            })
            .unwrap_or(tokens.len());
        let outlet_name = as_written(&text[outlet.clone()]);
        match self.cue_frame(tokens, mentions, from) {
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
                }
            }
            None => Frame {
                attribution: Attribution::OutletParaphrase,
                party: None,
                description: format!("The article, reporting {outlet_name}"),
                cites: Some(outlet),
                reason: "an outlet cited as the origin",
            },
        }
    }

    /// Who a speaker phrase is, and so how the claim is attributed.
    fn classify(
        &mut self,
        tokens: &[Token],
        mentions: &[Mention],
        phrase: Phrase,
        cue: Cue,
    ) -> Option<Frame> {
        let text = self.text;
        let words: Vec<&str> = tokens[phrase.start..phrase.end]
            .iter()
            .filter(|token| token.is_word())
            .map(|token| token.stem(text))
            .collect();
        let first = *words.first()?;
        let in_phrase: Vec<usize> = mentions
            .iter()
            .filter(|mention| mention.start >= phrase.start && mention.end <= phrase.end)
            .map(|mention| mention.party)
            .collect();
        let company = self
            .company_reference(&tokens[phrase.start..phrase.end], &[])
            .filter(|_| in_phrase.is_empty());
        let party = in_phrase.first().copied().or(company);
        let description = capitalise(&self.phrase_text(tokens, phrase));
        let cites = self.outlet_in(tokens, phrase);
        let has = |table: &[&str]| words.iter().any(|word| is_one_of(word, table));
        let frame = |attribution, party, reason| Frame {
            attribution,
            party,
            description: description.clone(),
            cites: cites.clone(),
            reason,
        };
        let person = self.person_in(tokens, phrase);
        // Unnamed people: "people familiar with…", "a person close to…", "sources said".
        let unnamed = person.is_none()
            && (has(ANONYMITY_MARKERS)
                || has(&[
                    "people", "person", "someone", "insiders", "sources", "source",
                ]));
        if unnamed {
            return Some(frame(Attribution::Anonymous, party, "an unnamed source"));
        }
        if has(SPOKESPERSON_MARKERS) && person.is_none() {
            return Some(frame(
                Attribution::Spokesperson,
                party.or(self.last_party),
                "a spokesperson",
            ));
        }
        if words.len() == 1 && is_one_of(first, &["he", "she"]) {
            let known = self.last_person.clone()?;
            return Some(Frame {
                attribution: Attribution::OnRecord,
                party: known.party,
                description: known.description,
                cites,
                reason: "“he” or “she”: the person named last",
            });
        }
        if words.len() == 1 && is_one_of(first, &["they", "it", "we"]) {
            let previous = self.previous.clone()?;
            let attribution = match (cue, previous.attribution) {
                (_, Attribution::OutletAnalysis) => return None,
                (Cue::Position, Attribution::OnRecord | Attribution::Spokesperson) => {
                    previous.attribution
                }
                (Cue::Position, _) => Attribution::OutletParaphrase,
                (Cue::Speech, attribution) => attribution,
            };
            previous.party?;
            return Some(Frame {
                attribution,
                cites,
                reason: "“they”: the speaker before",
                ..previous
            });
        }
        if let Some(person) = person {
            let party = party.or_else(|| {
                self.people
                    .iter()
                    .find(|known| known.surname == person.surname)
                    .and_then(|known| known.party)
            });
            let person = Person {
                party,
                description: description.clone(),
                ..person
            };
            if !self
                .people
                .iter()
                .any(|known| known.surname == person.surname)
            {
                self.people.push(person.clone());
            }
            self.last_person = Some(person);
            return Some(frame(Attribution::OnRecord, party, "a named speaker"));
        }
        if let Some(known) = words
            .last()
            .and_then(|surname| self.people.iter().find(|known| known.surname == *surname))
            .filter(|_| words.len() <= 2)
            .cloned()
        {
            self.last_person = Some(known.clone());
            return Some(Frame {
                attribution: Attribution::OnRecord,
                party: known.party,
                description: known.description,
                cites,
                reason: "a speaker named earlier in the article",
            });
        }
        if has(PEOPLE_NOUNS) {
            return Some(match cue {
                Cue::Speech => frame(Attribution::Anonymous, party, "people of a party, unnamed"),
                Cue::Position => frame(
                    Attribution::OutletParaphrase,
                    party,
                    "a party's people, paraphrased",
                ),
            });
        }
        if party.is_some() {
            return Some(match cue {
                Cue::Speech => frame(Attribution::Spokesperson, party, "a party speaking"),
                Cue::Position => frame(
                    Attribution::OutletParaphrase,
                    party,
                    "a party's position, paraphrased",
                ),
            });
        }
        // An unknown name: a person when it reads as one, an organisation otherwise.
        let capitalised = words.iter().all(|word| is_capitalised(word));
        if capitalised && words.len() <= 4 {
            return Some(match cue {
                Cue::Speech => frame(Attribution::Spokesperson, None, "a named organisation"),
                Cue::Position => frame(
                    Attribution::OutletParaphrase,
                    None,
                    "a named organisation's position, paraphrased",
                ),
            });
        }
        None
    }

    /// A personal name in a phrase: two or more capitalised words that are no party, outlet,
    /// title or organisation ("Ingrid Dahl", "President Ola Berg", "Dahl" once introduced).
    fn person_in(&self, tokens: &[Token], phrase: Phrase) -> Option<Person> {
        let text = self.text;
        let mentions = self.names.mentions(text, &tokens[phrase.start..phrase.end]);
        let mut run: Vec<&str> = Vec::new();
        let mut best: Vec<&str> = Vec::new();
        for (offset, token) in tokens[phrase.start..phrase.end].iter().enumerate() {
            let covered = mentions
                .iter()
                .any(|mention| (mention.start..mention.end).contains(&offset));
            let word = token.stem(text);
            let name_like = token.is_word()
                && !covered
                && is_capitalised(word)
                && !is_one_of(word, TITLES)
                && !is_one_of(word, ORGANISATION_WORDS)
                && !is_one_of(
                    word,
                    &["the", "a", "an", "in", "on", "at", "senior", "former"],
                )
                && super::hedges::is_month(word).is_none()
                && !OUTLETS.contains(&word);
            if name_like {
                run.push(word);
            } else {
                if run.len() > best.len() {
                    best = std::mem::take(&mut run);
                }
                run.clear();
                if token.is_word()
                    && (is_one_of(word, ORGANISATION_WORDS) || covered)
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
        Some(Person {
            surname: (*best.last()?).to_owned(),
            party: None,
            description: String::new(),
        })
    }

    fn is_person_phrase(&self, tokens: &[Token], phrase: Phrase) -> bool {
        self.person_in(tokens, phrase).is_some()
    }

    fn phrase_text(&self, tokens: &[Token], phrase: Phrase) -> String {
        let range = tokens[phrase.start].range.start..tokens[phrase.end - 1].range.end;
        self.text[range].to_owned()
    }

    /// A quotation that opens the unit with no cue of its own goes on with the speaker of the
    /// quotation before it, or of the lead-in line above it.
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
                    reason: "the line before introduces the quotation",
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
        let adjective = (1..tokens.len()).find(|&index| {
            let token = &tokens[index];
            token.is_word() && !token.quoted && is_one_of(token.text(text), STANCE_ADJECTIVES) && {
                let mut at = index;
                let mut found = false;
                while at > 0 {
                    at -= 1;
                    let word = tokens[at].text(text);
                    if is_one_of(word, &["is", "are", "was", "were", "remain", "remains"]) {
                        found = true;
                        break;
                    }
                    if !is_one_of(
                        word,
                        &[
                            "not", "still", "far", "from", "less", "more", "very", "now", "also",
                        ],
                    ) {
                        break;
                    }
                }
                found
            }
        })?;
        let be = (0..adjective).rev().find(|&index| {
            is_one_of(
                tokens[index].text(text),
                &["is", "are", "was", "were", "remain", "remains"],
            )
        })?;
        let phrase = self.subject(tokens, be, 0)?;
        let frame = self.classify(tokens, mentions, phrase, Cue::Position)?;
        (frame.party.is_some()).then(|| Frame {
            attribution: Attribution::OutletParaphrase,
            reason: "a party's stance, as the outlet puts it",
            ..frame
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
            if is_one_of(word, DELIBERATION_VERBS) {
                return tokens[..index].iter().rev().take(3).any(|before| {
                    is_one_of(before.text(text), &["is", "are", "was", "were", "been"])
                });
            }
            if is_one_of(word, INNER_STATE_NOUNS) {
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
        })
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
        })
    }
}

/// Words that make a capitalised run an organisation's name, not a person's.
const ORGANISATION_WORDS: &[&str] = &[
    "inc",
    "corp",
    "co",
    "ltd",
    "llc",
    "plc",
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
];

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
            TokenKind::Word => {
                end > start
                    && tokens[end - 1].is_word()
                    && is_one_of(token.text(text), AFTER_A_NAME)
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
