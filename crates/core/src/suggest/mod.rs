//! Suggested statements: every claim of an article proposed as a statement, verbatim,
//! attributed and hedged, for a person to accept or dismiss.
//!
//! Positions, not copies: a sentence, a claim unit, a cue and an outlet are byte ranges into the
//! article, and a suggestion's quote is its range of the text, so it is verbatim by
//! construction. Nothing is sharper than its source: a unit that hedges is `speculative`, an
//! outlet's relaying of a party's position is the outlet's paraphrase, never the party's own
//! assertion.
//!
//! The pipeline, one module each: `segment` (blocks and sentences), `claims` (a sentence with
//! two claims becomes two units), `speaker` (who says it and how it is attributed), `hedges`
//! (modality), `names` (which known party a phrase names). `rules` holds every word list.
//! `score` measures the engine against hand-made statements; `coverage` says which sentences
//! of a source no statement carries.

mod claims;
pub mod coverage;
pub(crate) mod cues;
pub(crate) mod hedges;
pub(crate) mod names;
mod quotations;
pub mod score;
mod speaker;

pub use crate::text::segment::{segment, Block, BlockKind, Segmented, Sentence};
pub use claims::UnitKind;
pub use names::{outlet_full_name, KnownParty};

use crate::model::{Attribution, DisputeFile, Modality, PartyKind};
use crate::text::{segment, tokens, Reading};
use std::ops::Range;

/// What the dispute already knows, so suggestions name its parties and contracts by their ids.
#[derive(Clone, Debug, Default)]
pub struct Known {
    pub parties: Vec<KnownParty>,
    pub contracts: Vec<KnownContract>,
}

/// A contract the dispute knows: a suggestion is about it when it gives its value ("$50
/// billion") or the distinctive words of its title.
#[derive(Clone, Debug, Default)]
pub struct KnownContract {
    pub id: String,
    pub title: String,
    pub value: Option<String>,
}

impl Known {
    /// The parties and contracts of a dispute file.
    pub fn of_file(file: &DisputeFile) -> Known {
        Known {
            parties: file
                .parties
                .iter()
                .map(|party| KnownParty {
                    id: party.id.0.clone(),
                    name: party.name.clone(),
                    aliases: party.aliases.clone(),
                    person: party.kind == PartyKind::Person,
                })
                .collect(),
            contracts: file
                .contracts
                .iter()
                .map(|contract| KnownContract {
                    id: contract.id.0.clone(),
                    title: contract.title.clone(),
                    value: contract.value.clone(),
                })
                .collect(),
        }
    }

    /// Only the parties of a dispute file (what the scorer gives the engine).
    pub fn parties_of(file: &DisputeFile) -> Known {
        Known {
            contracts: Vec::new(),
            ..Known::of_file(file)
        }
    }
}

/// One proposed statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// The quote: this range of the article's text.
    pub range: Range<usize>,
    /// The sentence it comes from (an index into `Suggested::segmented.sentences`).
    pub sentence: usize,
    /// Where in the article it stands.
    pub place: BlockKind,
    /// Which part of its sentence it is.
    pub unit: UnitKind,
    /// The id of the party the speaker speaks for, when one is known.
    pub party: Option<String>,
    /// Who, as the article puts it.
    pub description: String,
    pub attribution: Attribution,
    pub modality: Modality,
    /// The outlet the article cites for it, as the article writes it ("the Financial Times").
    pub cites: Option<String>,
    /// Ids of the known parties and contracts it names.
    pub about: Vec<String>,
    /// Which rule gave the speaker, in a few words, for the reviewer.
    pub reason: &'static str,
    /// The word that makes it speculative, when it is.
    pub hedge: Option<Range<usize>>,
}

impl Suggestion {
    /// The quote, sliced from the article.
    pub fn quote<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range.clone()]
    }

    /// A short neutral label for lists: the quote itself when short, else its opening words.
    /// A speculative one keeps its hedge word, so the label is never firmer than the quote.
    pub fn summary(&self, text: &str) -> String {
        const LONGEST: usize = 90;
        let quote = self
            .quote(text)
            .trim_end_matches(['.', ',', ';', ':'])
            .trim_matches(|c: char| matches!(c, '“' | '”' | '"'));
        if quote.chars().count() <= LONGEST {
            return quote.to_owned();
        }
        let mut cut = quote
            .char_indices()
            .nth(LONGEST)
            .map_or(quote.len(), |(index, _)| index);
        if let Some(hedge) = &self.hedge {
            let hedge_end = hedge.end.saturating_sub(self.range.start);
            if hedge_end > cut && hedge_end <= quote.len() {
                cut = hedge_end;
            }
        }
        let cut = quote[..cut].rfind(' ').filter(|&at| at > 0).unwrap_or(cut);
        let label = format!("{}…", quote[..cut].trim_end_matches([',', ';', ':', ' ']));
        match (&self.hedge, self.modality) {
            (Some(hedge), Modality::Speculative)
                if hedge.end.saturating_sub(self.range.start) > cut =>
            {
                format!("{} (as hedged: “{}”)", label, &text[hedge.clone()])
            }
            _ => label,
        }
    }
}

/// Every suggestion of an article, in text order.
#[derive(Clone, Debug, Default)]
pub struct Suggested {
    pub suggestions: Vec<Suggestion>,
}

/// Every statement an article's reading supports, proposed.
pub fn suggest(reading: &Reading, known: &Known) -> Suggested {
    let text = reading.text;
    let names = names::Names::new(&known.parties);
    let mut reader = speaker::Reader::new(text, &names);
    let mut suggestions = Vec::new();
    // The speaker each block quotation's introducing line gives it ("Arm said in a statement:").
    let mut introduced = std::collections::BTreeMap::new();
    let mut sentence_index = 0;
    for (block_index, block) in reading.blocks.iter().enumerate() {
        match block.kind {
            BlockKind::Heading => reader.heading(),
            BlockKind::LeadIn | BlockKind::Intro => {
                reader.lead_in(reading.block_tokens(block_index))
            }
            _ => {}
        }
        if !block.kind.carries_claims() {
            continue;
        }
        // A pull quotation's credit line comes after it: read first.
        if reading
            .blocks
            .get(block_index + 1)
            .is_some_and(|next| next.kind == BlockKind::Credit)
        {
            reader.credit_line(reading.block_tokens(block_index + 1));
        }
        let mut first_in_block = true;
        while let Some(sentence) = reading
            .sentences
            .get(sentence_index)
            .filter(|sentence| sentence.block == block_index)
        {
            reader.sentence();
            let introducer = sentence.quotation.and_then(|quotation| {
                Some((quotation, reading.quotations[quotation].introducer.clone()?))
            });
            if let Some((quotation, words)) = introducer {
                if let (std::collections::btree_map::Entry::Vacant(entry), Some(frame)) = (
                    introduced.entry(quotation),
                    reader.introducer(reading.tokens_in(&words)),
                ) {
                    entry.insert(quotations::Voice {
                        party: frame.party.map(|party| known.parties[party].id.clone()),
                        description: frame.description,
                        attribution: frame.attribution,
                        cites: frame.cites.map(|range| speaker::as_written(&text[range])),
                    });
                }
            }
            // A question in the body asks; it claims nothing ("Are the two sides talking?").
            let question = segment::asks(text, &sentence.range, block.kind);
            let units = if question {
                Vec::new()
            } else {
                claims::claim_units(
                    text,
                    reading.tokens_in(&sentence.range),
                    block.kind.is_display(),
                )
            };
            for unit in units {
                let mut unit_tokens = match &unit.subject {
                    Some(subject) => reading.tokens_in(subject).to_vec(),
                    None => Vec::new(),
                };
                let own = reading.tokens_in(&unit.range);
                unit_tokens.extend(own.iter().cloned());
                let (frame, named) =
                    reader.frame(&unit_tokens, unit.kind, block.kind, first_in_block);
                first_in_block = false;
                let hedge = hedges::first_hedge(text, own).map(|index| own[index].range.clone());
                let modality = if hedge.is_some() {
                    Modality::Speculative
                } else {
                    Modality::Asserted
                };
                let mut about: Vec<String> = named
                    .iter()
                    .map(|&party| known.parties[party].id.clone())
                    .collect();
                about.extend(contracts_named(text, &unit.range, &known.contracts));
                suggestions.push(Suggestion {
                    range: unit.range.clone(),
                    sentence: sentence_index,
                    place: block.kind,
                    unit: unit.kind,
                    party: frame.party.map(|party| known.parties[party].id.clone()),
                    description: frame.description,
                    attribution: frame.attribution,
                    modality,
                    cites: frame.cites.map(|range| speaker::as_written(&text[range])),
                    about,
                    reason: frame.reason,
                    hedge,
                });
            }
            sentence_index += 1;
        }
    }
    quotations::give_quotations_their_speakers(reading, &mut suggestions, &introduced);
    Suggested { suggestions }
}

/// The known contracts a unit names: by their value as written, or by the distinctive words of
/// their title (all of its capitalised words that are not the parties' names, and at least
/// two).
fn contracts_named(text: &str, range: &Range<usize>, contracts: &[KnownContract]) -> Vec<String> {
    let unit = &text[range.clone()];
    contracts
        .iter()
        .filter(|contract| {
            let by_value = contract
                .value
                .as_deref()
                .is_some_and(|value| value.len() >= 3 && unit.contains(value));
            let distinctive: Vec<&str> = contract
                .title
                .split_whitespace()
                .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|word| word.len() > 3 && tokens::is_capitalised(word))
                .collect();
            let by_title =
                distinctive.len() >= 2 && distinctive.iter().all(|word| unit.contains(word));
            by_value || by_title
        })
        .map(|contract| contract.id.clone())
        .collect()
}

#[cfg(test)]
mod tests;
