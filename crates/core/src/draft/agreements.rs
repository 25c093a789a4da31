//! The agreements between the parties, from the ways reports name them: an agreement's own
//! name ("Technology License Agreement (TLA)", "the Tandem Service Agreement"), one granted
//! ("Arm granted Nuvia a …"), one entered into or signed ("Kestrel and Norvale entered into an
//! exclusive distribution agreement"), and an acquisition ("completed its acquisition of Nuvia
//! for $1.4 billion"). Each is between the parties its sentences name, with its date and value
//! as written, titled by its own name where it has one; the same agreement in several
//! sentences and reports is one.

use super::acts::{Act, ActKind};
use super::entities::{Category, Entities};
use crate::model::{ContractKind, ContractStatus, ReportedDate};
use crate::text::names::key_of;
use crate::text::Reading;
use std::collections::BTreeSet;
use std::ops::Range;

/// An agreement the draft proposes.
#[derive(Clone, Debug, PartialEq)]
pub struct Agreement {
    pub title: String,
    pub kind: ContractKind,
    pub status: ContractStatus,
    /// Its parties, as entity indexes.
    pub parties: Vec<usize>,
    pub date: Option<ReportedDate>,
    /// Its value as written ("$1.4 billion").
    pub value: Option<String>,
    /// The entity of its own name, when it has one.
    pub named: Option<usize>,
    /// Where it comes from: (article, sentence range).
    pub sentences: Vec<(usize, Range<usize>)>,
    /// The acts that make it (indexes into the acts).
    pub acts: Vec<usize>,
}

/// The agreements of the draft. `is_party` says which entities are parties; `names` gives a
/// party's short name for titles; `main` are the claim's parties, for a named agreement no
/// sentence gives parties of.
pub fn find(
    acts: &[Act],
    entities: &Entities,
    readings: &[Reading],
    is_party: &dyn Fn(usize) -> bool,
    names: &dyn Fn(usize) -> String,
    main: &[usize],
) -> Vec<Agreement> {
    let mut agreements: Vec<Agreement> = Vec::new();
    named_agreements(entities, readings, &mut agreements);
    for (index, act) in acts.iter().enumerate() {
        if !matches!(
            act.kind,
            ActKind::Sign | ActKind::Grant | ActKind::Acquire | ActKind::Invest
        ) {
            continue;
        }
        let parties: Vec<usize> = act
            .actors
            .iter()
            .chain(&act.objects)
            .copied()
            .filter(|&entity| is_party(entity))
            .collect();
        if parties.is_empty() {
            continue;
        }
        let target = act
            .agreement
            .and_then(|named| {
                agreements
                    .iter()
                    .position(|agreement| same_name(entities, agreement.named, named))
            })
            .or_else(|| {
                agreements.iter().position(|agreement| {
                    agreement.named.is_none()
                        && agreement.kind == kind_of(act.kind)
                        && same_parties(&agreement.parties, &parties)
                })
            })
            .or_else(|| {
                // "The agreement, announced earlier this month, makes AWS the sole provider":
                // an act naming some of an agreement's parties is that agreement's.
                agreements.iter().rposition(|agreement| {
                    agreement.kind == kind_of(act.kind)
                        && agreement.parties.len() > parties.len()
                        && parties
                            .iter()
                            .all(|party| agreement.parties.contains(party))
                })
            });
        let agreement = match target {
            Some(target) => &mut agreements[target],
            None => {
                agreements.push(Agreement {
                    title: title_of(act, readings, &parties, names),
                    kind: kind_of(act.kind),
                    status: if matches!(act.kind, ActKind::Acquire | ActKind::Invest) {
                        ContractStatus::Completed
                    } else {
                        ContractStatus::Signed
                    },
                    parties: Vec::new(),
                    date: None,
                    value: None,
                    named: None,
                    sentences: Vec::new(),
                    acts: Vec::new(),
                });
                agreements.last_mut().expect("just pushed")
            }
        };
        for party in parties {
            if !agreement.parties.contains(&party) {
                agreement.parties.push(party);
            }
        }
        if agreement.date.is_none() && !act.hedged {
            agreement.date = act.date.as_ref().map(|(_, date)| date.clone());
        }
        if agreement.value.is_none() {
            agreement.value = act
                .figure
                .as_ref()
                .filter(|figure| figure.unit.len() == 3)
                .map(|figure| readings[act.article].text[figure.range.clone()].to_owned());
        }
        let sentence = (act.article, act.range.clone());
        if !agreement.sentences.contains(&sentence) {
            agreement.sentences.push(sentence);
        }
        agreement.acts.push(index);
    }
    disputed_agreements(acts, readings, is_party, names, &mut agreements);
    for (index, act) in acts.iter().enumerate() {
        // A terminated licence or agreement: the named one, or the parties' own.
        if act.kind == ActKind::Terminate && !act.hedged {
            let involved: Vec<usize> = act
                .actors
                .iter()
                .chain(&act.objects)
                .copied()
                .filter(|&entity| is_party(entity))
                .collect();
            if let Some(agreement) = agreements.iter_mut().find(|agreement| {
                act.agreement
                    .is_some_and(|named| same_name(entities, agreement.named, named))
                    || !involved.is_empty()
                        && involved
                            .iter()
                            .all(|party| agreement.parties.contains(party))
            }) {
                agreement.status = ContractStatus::Terminated;
                agreement.acts.push(index);
            }
        }
    }
    // A named agreement no sentence gives parties of is between the claim's parties.
    for agreement in &mut agreements {
        if agreement.parties.is_empty() {
            agreement.parties = main.to_vec();
        }
    }
    agreements.retain(|agreement| {
        agreement.parties.len() >= 2 || agreement.named.is_some() && !agreement.parties.is_empty()
    });
    agreements
}

/// The agreement a suit, a threat or a breach is about, when the clause names it without a
/// name of its own ("sued Halvard over a £120m berth agreement", "breached its supply
/// contract with Kestrel"): between the one who acts and the first one acted on, since the
/// sentence says no more of who signed it. An agreement of the same parties already found, or
/// the named one the clause gives, takes the sentence instead.
fn disputed_agreements(
    acts: &[Act],
    readings: &[Reading],
    is_party: &dyn Fn(usize) -> bool,
    names: &dyn Fn(usize) -> String,
    agreements: &mut Vec<Agreement>,
) {
    for (index, act) in acts.iter().enumerate() {
        if !matches!(act.kind, ActKind::Sue | ActKind::Threaten | ActKind::Breach)
            || act.agreement.is_some()
            || act.thing.is_none()
        {
            continue;
        }
        let first = |list: &[usize]| list.iter().copied().find(|&entity| is_party(entity));
        let (Some(actor), Some(object)) = (first(&act.actors), first(&act.objects)) else {
            continue;
        };
        let parties = [actor, object];
        let sentence = (act.article, act.range.clone());
        let known = agreements.iter_mut().find(|agreement| {
            parties
                .iter()
                .all(|party| agreement.parties.contains(party))
        });
        let agreement = match known {
            Some(agreement) => agreement,
            None => {
                agreements.push(Agreement {
                    title: title_of(act, readings, &parties, names),
                    kind: ContractKind::Commercial,
                    status: ContractStatus::InForce,
                    parties: parties.to_vec(),
                    date: None,
                    value: act
                        .figure
                        .as_ref()
                        .filter(|figure| figure.unit.len() == 3)
                        .map(|figure| readings[act.article].text[figure.range.clone()].to_owned()),
                    named: None,
                    sentences: Vec::new(),
                    acts: Vec::new(),
                });
                agreements.last_mut().expect("just pushed")
            }
        };
        if !agreement.sentences.contains(&sentence) {
            agreement.sentences.push(sentence);
        }
        agreement.acts.push(index);
    }
}

/// Whether an agreement's name entity and another name one agreement: one entity, or one
/// name's short form in the other ("Nuvia ALA" and "Architecture License Agreement (ALA)").
fn same_name(entities: &Entities, named: Option<usize>, other: usize) -> bool {
    let Some(named) = named else {
        return false;
    };
    if named == other {
        return true;
    }
    let (one, two) = (&entities.list[named], &entities.list[other]);
    let words = |key: &str| {
        key.split(' ')
            .map(str::to_owned)
            .collect::<BTreeSet<String>>()
    };
    one.keys
        .iter()
        .any(|key| !key.contains(' ') && words(&two.key).contains(key))
        || two
            .keys
            .iter()
            .any(|key| !key.contains(' ') && words(&one.key).contains(key))
}

/// Every agreement with a name of its own, once each (a name's short form joins it).
fn named_agreements(entities: &Entities, readings: &[Reading], agreements: &mut Vec<Agreement>) {
    for (index, entity) in entities.list.iter().enumerate() {
        if entity.category != Some(Category::Agreement) {
            continue;
        }
        // Generic words alone ("License Agreement", "Agreement") name no one agreement.
        let distinctive = entity.key.split(' ').count() >= 2
            || entity
                .keys
                .iter()
                .any(|key| key.len() >= 2 && !key.contains(' '));
        if !distinctive {
            continue;
        }
        if agreements
            .iter()
            .any(|agreement| same_name(entities, agreement.named, index))
        {
            continue;
        }
        let sentences: Vec<(usize, Range<usize>)> =
            super::entities::sentences_of(entities, readings, index);
        agreements.push(Agreement {
            title: title_case(&entity.name()),
            kind: ContractKind::Commercial,
            status: ContractStatus::InForce,
            parties: Vec::new(),
            date: None,
            value: None,
            named: Some(index),
            sentences,
            acts: Vec::new(),
        });
    }
}

/// An agreement's name as its reports write it, with its capitals.
fn title_case(name: &str) -> String {
    name.trim_start_matches("the ")
        .trim_start_matches("The ")
        .to_owned()
}

fn kind_of(kind: ActKind) -> ContractKind {
    match kind {
        ActKind::Acquire | ActKind::Invest => ContractKind::Investment,
        _ => ContractKind::Commercial,
    }
}

fn same_parties(one: &[usize], other: &[usize]) -> bool {
    let one: BTreeSet<&usize> = one.iter().collect();
    let other: BTreeSet<&usize> = other.iter().collect();
    one == other
}

/// A title for an agreement without a name of its own: "Qualcomm’s acquisition of Nuvia",
/// "Arm’s licence to Nuvia", "Kestrel–Norvale exclusive distribution agreement".
fn title_of(
    act: &Act,
    readings: &[Reading],
    parties: &[usize],
    names: &dyn Fn(usize) -> String,
) -> String {
    let actor = act.actors.first().map(|&entity| names(entity));
    let object = act.objects.first().map(|&entity| names(entity));
    match (act.kind, actor, object) {
        (ActKind::Acquire, Some(actor), Some(object)) => {
            format!("{actor}’s acquisition of {object}")
        }
        (ActKind::Invest, Some(actor), Some(object)) => format!("{actor}’s investment in {object}"),
        (ActKind::Grant, Some(actor), Some(object)) => {
            format!(
                "{actor}’s {} to {object}",
                noun_of(act, readings).unwrap_or_else(|| "licence".to_owned())
            )
        }
        _ => {
            let pair: Vec<String> = parties.iter().map(|&party| names(party)).collect();
            format!(
                "{} {}",
                pair.join("–"),
                noun_of(act, readings).unwrap_or_else(|| "agreement".to_owned())
            )
        }
    }
}

/// The agreement's noun phrase as written, without its determiner ("exclusive distribution
/// agreement"), lowercase unless it is a name.
fn noun_of(act: &Act, readings: &[Reading]) -> Option<String> {
    let thing = act.thing.as_ref()?;
    let words = &readings[act.article].text[thing.clone()];
    let kept: Vec<&str> = words
        .split_whitespace()
        .skip_while(|word| {
            crate::text::lexicon::Words::Determiner.has(word)
                || word.ends_with("’s")
                || word.ends_with("'s")
        })
        .filter(|word| !word.starts_with('$') && !word.starts_with('£') && !word.starts_with('€'))
        .filter(|word| !word.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .filter(|word| !matches!(*word, "million" | "billion" | "bn" | "m"))
        .collect();
    (!kept.is_empty()).then(|| kept.join(" "))
}

/// The key an agreement's title is known by, for matching a hand-made file's titles.
pub fn title_key(title: &str) -> String {
    key_of(title.split_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{acts, entities};
    use crate::text::read;

    /// The agreements of `texts` as (title, parties by key, date, value).
    fn agreements(texts: &[&str]) -> Vec<(String, Vec<String>, Option<String>, Option<String>)> {
        let readings: Vec<Reading> = texts.iter().map(|text| read(text)).collect();
        let entities = entities::resolve(&readings);
        let ids = ["a", "b"];
        let acts = acts::find(
            &readings,
            &entities,
            &vec![None; texts.len()],
            &ids[..texts.len()],
        );
        let is_party = |entity: usize| entities.list[entity].can_be_party();
        let names = |entity: usize| entities.list[entity].short_name();
        let main: Vec<usize> = Vec::new();
        find(&acts, &entities, &readings, &is_party, &names, &main)
            .into_iter()
            .map(|agreement| {
                let mut parties: Vec<String> = agreement
                    .parties
                    .iter()
                    .map(|&party| entities.list[party].key.clone())
                    .collect();
                parties.sort();
                (
                    agreement.title,
                    parties,
                    agreement.date.map(|date| date.text),
                    agreement.value,
                )
            })
            .collect()
    }

    #[test]
    fn agreements_are_found_as_reports_name_them() {
        let strings = |names: &[&str]| {
            names
                .iter()
                .map(|name| name.to_string())
                .collect::<Vec<_>>()
        };
        let cases: Vec<(&str, &str, Vec<(String, Vec<String>, Option<String>, Option<String>)>)> = vec![
            (
                "a named agreement granted, titled by its own name",
                "Chip row\nArm granted Nuvia a Technology License Agreement (TLA) in 2019. The TLA let Nuvia modify cores.",
                vec![("Technology License Agreement".to_owned(), strings(&["arm", "nuvia"]), Some("2019".to_owned()), None)],
            ),
            (
                "two companies entered into an agreement",
                "Bed row\nKreg Therapeutics and VitalGo entered into an exclusive distribution agreement in 2009.",
                vec![("Kreg Therapeutics–VitalGo exclusive distribution agreement".to_owned(), strings(&["kreg therapeutics", "vitalgo"]), Some("2009".to_owned()), None)],
            ),
            (
                "an acquisition, with its price as written",
                "Chip row\nQualcomm Incorporated completed its acquisition of Nuvia for $1.4 billion in March 2021.",
                vec![("Qualcomm Incorporated’s acquisition of Nuvia".to_owned(), strings(&["nuvia", "qualcomm"]), Some("March 2021".to_owned()), Some("$1.4 billion".to_owned()))],
            ),
            (
                "a suit over an agreement without a name, between the suer and the sued",
                "Port row\nThe Port of Brenna has sued Halvard Shipping and its parent, Norrvik Holdings, over a £120m berth agreement.",
                vec![("Port of Brenna–Halvard Shipping berth agreement".to_owned(), strings(&["halvard shipping", "port of brenna"]), None, Some("£120m".to_owned()))],
            ),
            (
                "a suit over nothing named makes no agreement",
                "Port row\nThe Port of Brenna has sued Halvard Shipping over unpaid fees.",
                vec![],
            ),
        ];
        for (name, text, expected) in cases {
            assert_eq!(agreements(&[text]), expected, "{name}");
        }
    }
}
