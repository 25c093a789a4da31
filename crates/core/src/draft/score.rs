//! The draft against a hand-made dispute from the same articles: which of its parties in the
//! fight were found (under their name or an alias: the claimants, the respondents, and the
//! parties of its agreements and events), how many of the proposed parties are parties in the
//! fight (precision) and how many are none of the file's parties at all; which of its
//! events were proposed with the same date value and precision, from the same sentences; and
//! which of its conflicts were proposed with sides from the same sentences. Figure and timing
//! conflicts, and those whose title names a figure, are the ones a draft must find (they are
//! found by comparing values); of the others, at least half.

use crate::model::{ConflictKind, DatePrecision, DisputeFile, Statement};
use std::collections::HashMap;
use std::ops::Range;

/// How a draft compares.
#[derive(Clone, Debug, Default)]
pub struct DraftScore {
    /// The hand-made file's parties in the fight, and which of them the draft found.
    pub parties: usize,
    pub parties_found: Vec<String>,
    pub parties_missed: Vec<String>,
    /// How many parties the draft proposes, and how many of those are parties in the fight.
    pub proposed: usize,
    pub proposed_in_fight: usize,
    /// Proposed parties that are none of the hand-made ones.
    pub extra_parties: Vec<String>,
    pub events: usize,
    pub events_found: Vec<String>,
    pub events_missed: Vec<String>,
    /// Figure and timing conflicts: (id, found).
    pub required: Vec<(String, bool)>,
    /// The others: (id, found).
    pub others: Vec<(String, bool)>,
}

impl DraftScore {
    pub fn add(&mut self, other: DraftScore) {
        self.parties += other.parties;
        self.parties_found.extend(other.parties_found);
        self.parties_missed.extend(other.parties_missed);
        self.proposed += other.proposed;
        self.proposed_in_fight += other.proposed_in_fight;
        self.extra_parties.extend(other.extra_parties);
        self.events += other.events;
        self.events_found.extend(other.events_found);
        self.events_missed.extend(other.events_missed);
        self.required.extend(other.required);
        self.others.extend(other.others);
    }

    /// Of the parties in the fight, the share found.
    pub fn recall(&self) -> f64 {
        self.parties_found.len() as f64 / self.parties.max(1) as f64
    }

    /// Of the proposed parties, the share that are parties in the fight.
    pub fn precision(&self) -> f64 {
        self.proposed_in_fight as f64 / self.proposed.max(1) as f64
    }

    /// Whether the figures meet the budgets: 90% of the parties in the fight found, 70% of the
    /// proposed ones in the fight, at most two that are none of the file's per file (`files`),
    /// 80% of events, every required conflict and half of the others.
    pub fn passes(&self, files: usize) -> bool {
        self.recall() >= PARTY_RECALL
            && self.precision() >= PARTY_PRECISION
            && self.extra_parties.len() <= 2 * files
            && self.events_found.len() * 5 >= self.events * 4
            && self.required.iter().all(|(_, found)| *found)
            && self.others.iter().filter(|(_, found)| *found).count() * 2 >= self.others.len()
    }
}

/// The share of a file's parties in the fight a draft must find.
pub const PARTY_RECALL: f64 = 0.9;
/// The share of a draft's proposed parties that must be in the fight.
pub const PARTY_PRECISION: f64 = 0.7;

/// The articles of a dispute file, as a draft reads them: each source with a text, by its id,
/// and nothing else of the file.
pub fn articles_of(file: &DisputeFile) -> Vec<super::Article> {
    file.sources
        .iter()
        .filter_map(|source| {
            Some(super::Article {
                id: source.id.0.clone(),
                text: source.text.clone()?,
                ..super::Article::default()
            })
        })
        .collect()
}

/// A name compared: its identity key (`text::names::key_of`: case, legal suffixes and "the"
/// aside), without a parenthesis.
fn name_key(name: &str) -> String {
    let without_parenthesis = match name.find('(') {
        Some(open) => &name[..open],
        None => name,
    };
    crate::text::names::key_of(without_parenthesis.split_whitespace())
}

fn names_of(name: &str, aliases: &[String]) -> Vec<String> {
    let mut names = vec![name_key(name)];
    if let (Some(open), Some(close)) = (name.find('('), name.rfind(')')) {
        if open < close {
            names.push(name_key(&name[open + 1..close]));
        }
    }
    names.extend(aliases.iter().map(|alias| name_key(alias)));
    names.retain(|name| !name.is_empty());
    names
}

/// Where each statement's quote stands in its source's text.
fn ranges(file: &DisputeFile) -> HashMap<&str, (&str, Range<usize>)> {
    let texts: HashMap<&str, &str> = file
        .sources
        .iter()
        .filter_map(|source| Some((source.id.as_str(), source.text.as_deref()?)))
        .collect();
    file.statements
        .iter()
        .filter_map(|statement| {
            let text = texts.get(statement.source.as_str())?;
            let start = text.find(&statement.quote)?;
            Some((
                statement.id.as_str(),
                (
                    statement.source.as_str(),
                    start..start + statement.quote.len(),
                ),
            ))
        })
        .collect()
}

/// Whether two quotes in the same source overlap by at least half of the shorter.
fn overlap(a: &(&str, Range<usize>), b: &(&str, Range<usize>)) -> bool {
    if a.0 != b.0 {
        return false;
    }
    let shared =
        a.1.end
            .min(b.1.end)
            .saturating_sub(a.1.start.max(b.1.start));
    2 * shared >= a.1.len().min(b.1.len()).max(1)
}

fn about<'a>(file: &'a DisputeFile, id: &str) -> Vec<&'a Statement> {
    file.statements
        .iter()
        .filter(|statement| statement.about.iter().any(|about| about.as_str() == id))
        .collect()
}

/// The ids of a file's parties in the fight: its claimants and respondents, and the parties
/// of its agreements and events, but for those whose role says they are none ("Presiding
/// judge (not a party to the suit)").
fn in_the_fight(file: &DisputeFile) -> std::collections::HashSet<&str> {
    let declared_out: std::collections::HashSet<&str> = file
        .parties
        .iter()
        .filter(|party| {
            let role = party.role.to_lowercase();
            role.contains("not a party")
                || role.contains("not involved")
                || role.contains("no role")
        })
        .map(|party| party.id.as_str())
        .collect();
    file.dispute
        .claimants
        .iter()
        .chain(&file.dispute.respondents)
        .map(|id| id.as_str())
        .chain(
            file.contracts
                .iter()
                .flat_map(|contract| contract.parties.iter().map(|id| id.as_str())),
        )
        .chain(
            file.events
                .iter()
                .flat_map(|event| event.parties.iter().map(|id| id.as_str())),
        )
        .filter(|id| !declared_out.contains(id))
        .collect()
}

/// The draft against the hand-made file. Sources are matched by their text.
pub fn score(hand: &DisputeFile, draft: &DisputeFile) -> DraftScore {
    let mut score = DraftScore::default();
    score_parties(hand, draft, &mut score);
    // Sources by text: the draft's source ids may differ.
    let source_of: HashMap<&str, &str> = draft
        .sources
        .iter()
        .filter_map(|draft_source| {
            let text = draft_source.text.as_deref()?;
            let hand_source = hand
                .sources
                .iter()
                .find(|source| source.text.as_deref() == Some(text))?;
            Some((draft_source.id.as_str(), hand_source.id.as_str()))
        })
        .collect();
    let hand_ranges = ranges(hand);
    let draft_ranges: HashMap<&str, (&str, Range<usize>)> = ranges(draft)
        .into_iter()
        .filter_map(|(id, (source, range))| Some((id, (*source_of.get(source)?, range))))
        .collect();
    let matched = Matched {
        hand,
        draft,
        source_of: &source_of,
        hand_ranges: &hand_ranges,
        draft_ranges: &draft_ranges,
    };
    score_events(&matched, &mut score);
    score_conflicts(&matched, &mut score);
    score
}

/// The two files and where each one's statements stand, the draft's sources by the hand-made
/// file's ids.
struct Matched<'a> {
    hand: &'a DisputeFile,
    draft: &'a DisputeFile,
    source_of: &'a HashMap<&'a str, &'a str>,
    hand_ranges: &'a HashMap<&'a str, (&'a str, Range<usize>)>,
    draft_ranges: &'a HashMap<&'a str, (&'a str, Range<usize>)>,
}

/// The statements about `id` in `file`, as (source, range).
fn quotes_about(
    file: &DisputeFile,
    ranges: &HashMap<&str, (&str, Range<usize>)>,
    id: &str,
) -> Vec<(String, Range<usize>)> {
    about(file, id)
        .iter()
        .filter_map(|statement| {
            ranges
                .get(statement.id.as_str())
                .map(|(source, range)| ((*source).to_owned(), range.clone()))
        })
        .collect()
}

/// Parties: those in the fight, found; the proposed ones, in the fight or at least the file's.
fn score_parties(hand: &DisputeFile, draft: &DisputeFile, score: &mut DraftScore) {
    let draft_names: Vec<(String, Vec<String>)> = draft
        .parties
        .iter()
        .map(|party| (party.name.clone(), names_of(&party.name, &party.aliases)))
        .collect();
    let in_fight = in_the_fight(hand);
    let hand_names: Vec<(bool, Vec<String>)> = hand
        .parties
        .iter()
        .map(|party| {
            (
                in_fight.contains(party.id.as_str()),
                names_of(&party.name, &party.aliases),
            )
        })
        .collect();
    let same = |one: &[String], other: &[String]| one.iter().any(|name| other.contains(name));
    for (party, (fighting, names)) in hand.parties.iter().zip(&hand_names) {
        if !fighting {
            continue;
        }
        score.parties += 1;
        if draft_names.iter().any(|(_, draft)| same(draft, names)) {
            score.parties_found.push(party.id.0.clone());
        } else {
            score.parties_missed.push(party.id.0.clone());
        }
    }
    for (name, names) in &draft_names {
        score.proposed += 1;
        if hand_names
            .iter()
            .any(|(fighting, hand)| *fighting && same(hand, names))
        {
            score.proposed_in_fight += 1;
        } else if !hand_names.iter().any(|(_, hand)| same(hand, names)) {
            score.extra_parties.push(name.clone());
        }
    }
}

/// Events: the same date, from the same sentences.
fn score_events(matched: &Matched, score: &mut DraftScore) {
    let Matched {
        hand,
        draft,
        source_of,
        hand_ranges,
        draft_ranges,
    } = *matched;
    for event in &hand.events {
        score.events += 1;
        let hand_quotes = quotes_about(hand, hand_ranges, event.id.as_str());
        let same_date = |other: &crate::model::Event| {
            other.date.precision == event.date.precision
                && other.date.value == event.date.value
                && (event.date.precision != DatePrecision::Relative
                    || other
                        .date
                        .relative_to
                        .as_ref()
                        .and_then(|source| source_of.get(source.as_str()).copied())
                        == event
                            .date
                            .relative_to
                            .as_ref()
                            .map(|source| source.as_str()))
        };
        let found = draft
            .events
            .iter()
            .filter(|other| same_date(other))
            .any(|other| {
                let draft_quotes = quotes_about(draft, draft_ranges, other.id.as_str());
                draft_quotes.iter().any(|draft_quote| {
                    hand_quotes.iter().any(|hand_quote| {
                        overlap(
                            &(draft_quote.0.as_str(), draft_quote.1.clone()),
                            &(hand_quote.0.as_str(), hand_quote.1.clone()),
                        )
                    })
                })
            });
        if found {
            score.events_found.push(event.id.0.clone());
        } else {
            score.events_missed.push(event.id.0.clone());
        }
    }
}

/// Conflicts: two of the draft's sides from the sentences of two of the hand-made sides.
fn score_conflicts(matched: &Matched, score: &mut DraftScore) {
    let Matched {
        hand,
        draft,
        hand_ranges,
        draft_ranges,
        ..
    } = *matched;
    let side_quotes = |file: &DisputeFile,
                       ranges: &HashMap<&str, (&str, Range<usize>)>,
                       side: &crate::model::ConflictSide|
     -> Vec<(String, Range<usize>)> {
        let _ = file;
        side.statements
            .iter()
            .filter_map(|id| {
                ranges
                    .get(id.as_str())
                    .map(|(source, range)| ((*source).to_owned(), range.clone()))
            })
            .collect()
    };
    for conflict in &hand.conflicts {
        let hand_sides: Vec<Vec<(String, Range<usize>)>> = conflict
            .sides
            .iter()
            .map(|side| side_quotes(hand, &hand_ranges, side))
            .collect();
        let found = draft.conflicts.iter().any(|candidate| {
            let sides: Vec<Vec<(String, Range<usize>)>> = candidate
                .sides
                .iter()
                .map(|side| side_quotes(draft, &draft_ranges, side))
                .collect();
            let touches = |draft_side: &[(String, Range<usize>)],
                           hand_side: &[(String, Range<usize>)]| {
                draft_side.iter().any(|a| {
                    hand_side.iter().any(|b| {
                        overlap(&(a.0.as_str(), a.1.clone()), &(b.0.as_str(), b.1.clone()))
                    })
                })
            };
            (0..sides.len()).any(|one| {
                (0..sides.len()).any(|two| {
                    one != two
                        && (0..hand_sides.len()).any(|first| {
                            (0..hand_sides.len()).any(|second| {
                                first != second
                                    && touches(&sides[one], &hand_sides[first])
                                    && touches(&sides[two], &hand_sides[second])
                            })
                        })
                })
            })
        });
        let entry = (conflict.id.0.clone(), found);
        // Figure and timing conflicts, and those about a figure ("What the $50 billion covers").
        let about_a_figure = conflict.title.chars().any(|c| c.is_ascii_digit());
        if matches!(conflict.kind, ConflictKind::Figure | ConflictKind::Timing) || about_a_figure {
            score.required.push(entry);
        } else {
            score.others.push(entry);
        }
    }
}
