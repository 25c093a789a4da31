//! The claim: who brings it against whom, what it is for, and how far it has gone, from the
//! legal acts the reports give. The claimants are who sue, file, bring a claim or launch
//! arbitration against someone (or are named first in a caption); the respondents are whom they
//! act against. Nobody is on both sides: a counter-suit's parties keep the side of the suit
//! most reported. The status is the furthest stage any report gives, from a threat to a
//! decision, a settlement or a case dropped.

use super::acts::{Act, ActKind};
use crate::model::DisputeStatus;
use crate::text::lexicon::Words;
use crate::text::tokens::Token;
use crate::text::Reading;
use std::collections::BTreeMap;

/// The claim as the acts give it; parties are entity indexes.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub claimants: Vec<usize>,
    pub respondents: Vec<usize>,
    pub status: DisputeStatus,
    /// What is claimed, in the reports' words ("breach of licence agreements").
    pub claim: String,
    /// The acts it rests on (indexes into the acts).
    pub acts: Vec<usize>,
}

/// How far a stage goes: later stages outrank earlier ones.
fn rank(status: DisputeStatus) -> u8 {
    match status {
        DisputeStatus::Threatened => 0,
        DisputeStatus::Filed => 1,
        DisputeStatus::Decided => 2,
        DisputeStatus::Dropped => 3,
        DisputeStatus::Settled => 4,
    }
}

/// The stage an act puts the claim at, when it puts it at one.
pub fn stage_of(act: &Act) -> Option<DisputeStatus> {
    if act.hedged {
        // "Could sue", "plans to appeal": a threat at most.
        return matches!(act.kind, ActKind::Sue | ActKind::Threaten)
            .then_some(DisputeStatus::Threatened);
    }
    match act.kind {
        ActKind::Threaten => Some(DisputeStatus::Threatened),
        ActKind::Sue | ActKind::Appeal => Some(DisputeStatus::Filed),
        ActKind::Rule | ActKind::Award => Some(DisputeStatus::Decided),
        ActKind::Settle => Some(DisputeStatus::Settled),
        ActKind::Drop => Some(DisputeStatus::Dropped),
        _ => None,
    }
}

/// The claim of `acts` among the parties (`is_party` says which entities are), or none when
/// no report gives a legal act between two of them.
pub fn claim(
    acts: &[Act],
    readings: &[Reading],
    is_party: impl Fn(usize) -> bool,
) -> Option<Claim> {
    // Each direction of suit, weighed by its acts: a suit counts more than a threat.
    let mut sides: BTreeMap<usize, i32> = BTreeMap::new();
    let mut against: BTreeMap<usize, i32> = BTreeMap::new();
    let mut used = Vec::new();
    for (index, act) in acts.iter().enumerate() {
        if !matches!(act.kind, ActKind::Sue | ActKind::Threaten) {
            continue;
        }
        // A suit counts more than a threat; a suit only a quotation tells of, or one that
        // names no one sued, says less of who stands where than one the outlet reports.
        let weight = if act.kind == ActKind::Sue
            && !act.hedged
            && !act.quoted
            && act.objects.iter().any(|&entity| is_party(entity))
        {
            3
        } else {
            1
        };
        let actors: Vec<usize> = act
            .actors
            .iter()
            .copied()
            .filter(|&entity| is_party(entity))
            .collect();
        let objects: Vec<usize> = act
            .objects
            .iter()
            .copied()
            .filter(|&entity| is_party(entity))
            .collect();
        if actors.is_empty() && objects.is_empty() {
            continue;
        }
        for entity in actors {
            *sides.entry(entity).or_default() += weight;
        }
        for entity in objects {
            *against.entry(entity).or_default() += weight;
        }
        used.push(index);
    }
    let lead = sides
        .iter()
        .max_by_key(|(entity, weight)| (**weight, std::cmp::Reverse(**entity)))?
        .0;
    let claimants: Vec<usize> = sides
        .iter()
        // Beside the lead, a claimant has more than one weak mention to its name: one quoted
        // or objectless suit is no side.
        .filter(|(entity, weight)| {
            **weight >= against.get(entity).copied().unwrap_or(0).max(2) || *entity == lead
        })
        .map(|(entity, _)| *entity)
        .filter(|entity| {
            against.get(entity).copied().unwrap_or(0) <= sides[entity] || entity == lead
        })
        .collect();
    let respondents: Vec<usize> = against
        .keys()
        .copied()
        .filter(|entity| !claimants.contains(entity))
        .collect();
    if respondents.is_empty() {
        return None;
    }
    let status = acts
        .iter()
        .filter(|act| {
            act.actors
                .iter()
                .chain(&act.objects)
                .any(|entity| claimants.contains(entity) || respondents.contains(entity))
                || act.actors.is_empty() && act.objects.is_empty()
        })
        .filter_map(stage_of)
        .max_by_key(|status| rank(*status))
        .unwrap_or(DisputeStatus::Threatened);
    let claim = used
        .iter()
        .find_map(|&index| what_for(&acts[index], readings))
        .or_else(|| {
            acts.iter()
                .any(|act| act.kind == ActKind::Breach)
                .then(|| "breach of contract".to_owned())
        })
        .unwrap_or_else(|| "legal action".to_owned());
    Some(Claim {
        claimants,
        respondents,
        status,
        claim,
        acts: used,
    })
}

/// What a suit is for, in its sentence's words: the phrase after "for", "over" or "alleging"
/// when it names a breach, an infringement or a wrong ("for breach of licence agreements and
/// trademark infringement").
fn what_for(act: &Act, readings: &[Reading]) -> Option<String> {
    let reading = readings.get(act.article)?;
    let tokens = reading.tokens_in(&act.range);
    let text = reading.text;
    let verb = tokens.partition_point(|token| token.range.start < act.verb.start);
    let opener = (verb..tokens.len()).take(14).find(|&at| {
        tokens[at].is_word()
            && matches!(
                tokens[at].text(text).to_ascii_lowercase().as_str(),
                "for" | "over" | "alleging" | "claiming" | "accusing"
            )
    })?;
    let phrase: Vec<&Token> = tokens[opener + 1..]
        .iter()
        .take_while(|token| !token.is_punct('.') && !token.is_punct(';') && !token.is_punct(','))
        .take(12)
        .collect();
    let names_a_wrong = phrase.iter().any(|token| {
        token.is_word()
            && (Words::BreachWord.has(token.text(text))
                || token.text(text).eq_ignore_ascii_case("fraud"))
    });
    let (first, last) = (phrase.first()?, phrase.last()?);
    names_a_wrong.then(|| text[first.range.start..last.range.end].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{acts, entities};
    use crate::text::read;

    /// The claim of `texts` as (claimants, respondents, status, claim), by key.
    fn claim_of(texts: &[&str]) -> Option<(Vec<String>, Vec<String>, DisputeStatus, String)> {
        let readings: Vec<Reading> = texts.iter().map(|text| read(text)).collect();
        let entities = entities::resolve(&readings);
        let ids = ["a", "b", "c"];
        let acts = acts::find(
            &readings,
            &entities,
            &vec![None; texts.len()],
            &ids[..texts.len()],
        );
        let key = |entity: &usize| entities.list[*entity].key.clone();
        let sorted = |list: &[usize]| {
            let mut keys: Vec<String> = list.iter().map(key).collect();
            keys.sort();
            keys
        };
        claim(&acts, &readings, |entity| {
            entities.list[entity].can_be_party()
        })
        .map(|claim| {
            (
                sorted(&claim.claimants),
                sorted(&claim.respondents),
                claim.status,
                claim.claim,
            )
        })
    }

    #[test]
    fn the_claim_is_who_sues_whom_and_how_far_it_went() {
        let strings = |names: &[&str]| {
            names
                .iter()
                .map(|name| name.to_string())
                .collect::<Vec<_>>()
        };
        let cases: Vec<(&str, Vec<&str>, (Vec<String>, Vec<String>, DisputeStatus, &str))> = vec![
            (
                "a suit with what it is for",
                vec!["Chip row\nArm is suing Qualcomm and Nuvia for breach of licence agreements and trademark infringement."],
                (strings(&["arm"]), strings(&["nuvia", "qualcomm"]), DisputeStatus::Filed, "breach of licence agreements and trademark infringement"),
            ),
            (
                "the furthest stage any report gives: damages awarded",
                vec![
                    "Bed maker case\nKreg Therapeutics sued VitalGo in 2011 over the Total Lift Bed.",
                    "Appeal decided\nA jury awarded VitalGo $1.4 million, and the court of appeals affirmed the judgment.",
                ],
                (strings(&["kreg therapeutics"]), strings(&["vitalgo"]), DisputeStatus::Decided, "legal action"),
            ),
            (
                "a counter-suit leaves each party on one side",
                vec![
                    "Chip row\nArm sued Qualcomm in 2022. Arm said Qualcomm breached its licence.",
                    "Chip row\nArm has sued Qualcomm, and Qualcomm sued Arm in return.",
                ],
                (strings(&["arm"]), strings(&["qualcomm"]), DisputeStatus::Filed, "breach of contract"),
            ),
            (
                "a threat only",
                vec!["Berth row\nHalvorsen Maritime threatened to sue Skarvik Terminal on Monday."],
                (strings(&["halvorsen maritime"]), strings(&["skarvik terminal"]), DisputeStatus::Threatened, "legal action"),
            ),
            (
                "a suit a quotation tells of, or one naming no one sued, makes no side",
                vec![
                    "Founder sues lab\nIrena Voss sued Quell Labs on Friday.",
                    "Lab answers founder\nQuell Labs said: \"We will sue anyone who copies our models.\" Dorne Capital filed a lawsuit last year. Voss sued Quell Labs over the charter.",
                ],
                (strings(&["irena voss"]), strings(&["quell labs"]), DisputeStatus::Filed, "legal action"),
            ),
        ];
        for (name, texts, expected) in cases {
            let found = claim_of(&texts).unwrap_or_else(|| panic!("{name}: no claim"));
            assert_eq!(
                (found.0, found.1, found.2, found.3.as_str()),
                (expected.0, expected.1, expected.2, expected.3),
                "{name}"
            );
        }
    }
}
