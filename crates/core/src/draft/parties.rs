//! Which entities are parties: the companies, people and bodies in the fight. An entity is
//! one when the reports have it act in the dispute (sue or be sued, sign, grant, acquire,
//! terminate, breach, settle), or name it among the companies an agreement is about
//! ("companies such as SoftBank and Nvidia"); a company the reports keep naming is one too.
//! Courts, places, products, agreements, outlets, categories of companies and commentators
//! never are, whatever they do. A parent or owner named only in passing ("Softbank
//! Group-owned Arm") is no party unless it acts.

use super::acts::{Act, ActKind};
use super::entities::{Category, Entities};
use crate::model::PartyKind;
use crate::suggest::KnownParty;
use crate::text::lexicon::Words;
use crate::text::names::key_of;
use crate::text::Reading;
use std::collections::BTreeMap;

/// A party of the draft.
#[derive(Clone, Debug, PartialEq)]
pub struct Party {
    /// Its entity, when the articles name it (a seeded party they never name has none).
    pub entity: Option<usize>,
    pub name: String,
    /// The name for titles ("Qualcomm" of Qualcomm Incorporated).
    pub short_name: String,
    pub aliases: Vec<String>,
    pub kind: PartyKind,
    pub score: i32,
}

/// How often each entity is named among "companies such as …", "firms including …", "partners
/// like …": a list the report gives of those an agreement or a dispute is about.
pub fn listed(readings: &[Reading], entities: &Entities) -> BTreeMap<usize, usize> {
    let mut listed: BTreeMap<usize, usize> = BTreeMap::new();
    for mention in &entities.mentions {
        let reading = &readings[mention.article];
        let sentence = &reading.sentences[mention.sentence];
        let tokens = reading.tokens_in(&sentence.range);
        let before: Vec<String> = tokens[..mention.run.tokens.start]
            .iter()
            .rev()
            .filter(|token| token.is_word())
            .take(8)
            .map(|token| token.text(reading.text).to_ascii_lowercase())
            .collect();
        let introduced = before.windows(2).any(|pair| {
            matches!(pair[0].as_str(), "as" | "like" | "including")
                && (pair[1] == "such"
                    || Words::GenericPlural.has(&pair[1])
                    || pair[1] == "rivals"
                    || pair[1] == "partners")
                || matches!(pair[0].as_str(), "like" | "including")
                    && Words::GenericPlural.has(&pair[1])
        });
        if introduced {
            *listed.entry(mention.entity).or_default() += 1;
        }
    }
    listed
}

/// What an act gives the entities it names, as evidence of being in the fight.
fn weight(kind: ActKind) -> i32 {
    match kind {
        ActKind::Sue | ActKind::Threaten => 8,
        ActKind::Sign
        | ActKind::Grant
        | ActKind::Acquire
        | ActKind::Terminate
        | ActKind::Settle => 6,
        ActKind::Breach | ActKind::Drop | ActKind::Appeal | ActKind::Invest => 5,
        ActKind::Rule | ActKind::Award | ActKind::Talks | ActKind::Counsel => 3,
        ActKind::State | ActKind::Launch => 1,
    }
}

/// The evidence a party needs.
const KEEP: i32 = 6;

/// The parties among `entities`, best first; `seed` are parties already known, kept whatever
/// the evidence, under their own names; `listed` counts, per entity, the times it is named
/// among "companies such as …".
pub fn choose(
    entities: &Entities,
    acts: &[Act],
    listed: &BTreeMap<usize, usize>,
    seed: &[KnownParty],
) -> Vec<Party> {
    let mut scores: BTreeMap<usize, i32> = BTreeMap::new();
    for act in acts {
        for &entity in act.actors.iter().chain(&act.objects) {
            let add = if act.hedged {
                weight(act.kind) / 2
            } else {
                weight(act.kind)
            };
            *scores.entry(entity).or_default() += add;
        }
    }
    for (&entity, &count) in listed {
        *scores.entry(entity).or_default() += 4 * count as i32;
    }
    let mut parties: Vec<Party> = Vec::new();
    for (index, entity) in entities.list.iter().enumerate() {
        if !entity.can_be_party() {
            continue;
        }
        let sentences: usize = {
            let mut seen: Vec<(usize, usize)> = entity
                .mentions
                .iter()
                .map(|&mention| {
                    (
                        entities.mentions[mention].article,
                        entities.mentions[mention].sentence,
                    )
                })
                .collect();
            seen.sort_unstable();
            seen.dedup();
            seen.len()
        };
        // Named in many sentences, and never only as a sentence's first word: a company the
        // reports are about.
        let not_first = entity
            .mentions
            .iter()
            .any(|&mention| !entities.mentions[mention].run.sentence_start);
        let presence = if not_first {
            (sentences as i32 - 1).min(6) + 2 * (entity.articles.len() as i32 - 1)
        } else {
            0
        };
        let score = scores.get(&index).copied().unwrap_or(0) + presence;
        if score < KEEP {
            continue;
        }
        parties.push(Party {
            entity: Some(index),
            name: entity.name(),
            short_name: entity.short_name(),
            aliases: entity.aliases(),
            kind: match entity.category {
                Some(Category::Person) => PartyKind::Person,
                Some(Category::Government) => PartyKind::Government,
                Some(Category::Group) => PartyKind::Group,
                _ => PartyKind::Company,
            },
            score,
        });
    }
    parties.sort_by(|a, b| b.score.cmp(&a.score).then(a.name.cmp(&b.name)));
    seeded(parties, seed)
}

/// The parties with the seeded ones in front, each under its own name with the names found
/// added, and those the articles never name kept too.
fn seeded(mut parties: Vec<Party>, seed: &[KnownParty]) -> Vec<Party> {
    for known in seed.iter().rev() {
        let keys: Vec<String> = std::iter::once(&known.name)
            .chain(&known.aliases)
            .map(|name| key_of(name.split_whitespace()))
            .collect();
        let matches = |party: &Party| {
            std::iter::once(&party.name)
                .chain(&party.aliases)
                .any(|name| keys.contains(&key_of(name.split_whitespace())))
        };
        let party = match parties.iter().position(matches) {
            Some(position) => {
                let mut party = parties.remove(position);
                let mut aliases = known.aliases.clone();
                for alias in std::iter::once(party.name.clone()).chain(party.aliases.drain(..)) {
                    if alias != known.name && !aliases.contains(&alias) {
                        aliases.push(alias);
                    }
                }
                party.name = known.name.clone();
                party.aliases = aliases;
                party
            }
            None => Party {
                entity: None,
                name: known.name.clone(),
                short_name: known.name.clone(),
                aliases: known.aliases.clone(),
                kind: if known.person {
                    PartyKind::Person
                } else {
                    PartyKind::Company
                },
                score: 0,
            },
        };
        parties.insert(0, party);
    }
    parties
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{acts, entities};
    use crate::text::read;

    fn parties(texts: &[&str]) -> Vec<String> {
        let readings: Vec<Reading> = texts.iter().map(|text| read(text)).collect();
        let entities = entities::resolve(&readings);
        let ids: Vec<String> = (0..texts.len()).map(|index| format!("r{index}")).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let acts = acts::find(&readings, &entities, &vec![None; texts.len()], &ids);
        let mut names: Vec<String> = choose(&entities, &acts, &listed(&readings, &entities), &[])
            .into_iter()
            .map(|party| party.name)
            .collect();
        names.sort();
        names
    }

    #[test]
    fn parties_are_those_in_the_fight_each_once() {
        let found = parties(&[
            "Chip designer sues\nSAN FRANCISCO, Aug 31 (Wire) - Softbank Group-owned Arm Ltd sued Qualcomm Inc and its subsidiary Nuvia in the U.S. District Court for the District of Delaware. Qualcomm bought Nuvia for $1.4 billion in 2021. Arm’s licence terminated in March 2022, the complaint said. Analyst Dana Reyes of Brightline Securities said the case was a long shot. Rival MediaTek Inc. has not commented.",
            "Arm takes Qualcomm to court\nARM said Qualcomm Incorporated breached the Nuvia licence. Qualcomm said the suit ignored its rights. The Phoenix core design is at issue.",
        ]);
        assert_eq!(
            found,
            ["Arm Ltd", "Nuvia", "Qualcomm Incorporated"],
            "{found:?}"
        );
    }
}
