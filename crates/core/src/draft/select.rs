//! The part of a draft a person has accepted, as a dispute file of its own: what the accepted
//! entities need comes with them (the claim's parties, an agreement's parties, a conflict's
//! statements), and references to what was not accepted are dropped, so the file is valid
//! whenever the claim is accepted and the map can draw it at once.

use crate::model::{AnyId, DisputeFile, EntityKind};
use std::collections::HashSet;

/// The accepted part of `draft`: `accepted` names entities by kind and id. The claim must be
/// among them: without a claimant and a respondent there is no dispute to draw.
pub fn accepted(
    draft: &DisputeFile,
    accepted: &[(EntityKind, String)],
) -> Result<DisputeFile, String> {
    let has = |kind: EntityKind, id: &str| {
        accepted
            .iter()
            .any(|(other, other_id)| *other == kind && other_id == id)
    };
    if !has(EntityKind::Dispute, draft.dispute.id.as_str()) {
        return Err("accept the claim first: a dispute needs its claimant and respondent before the map can draw it".to_owned());
    }
    let mut file = draft.clone();
    // What the accepted entities bring with them.
    let mut parties: HashSet<String> = file
        .dispute
        .claimants
        .iter()
        .chain(&file.dispute.respondents)
        .map(|id| id.0.clone())
        .collect();
    file.contracts
        .retain(|contract| has(EntityKind::Contract, contract.id.as_str()));
    for contract in &file.contracts {
        parties.extend(contract.parties.iter().map(|id| id.0.clone()));
    }
    file.conflicts
        .retain(|conflict| has(EntityKind::Conflict, conflict.id.as_str()));
    let mut statements: HashSet<String> = file
        .conflicts
        .iter()
        .flat_map(|conflict| {
            conflict
                .sides
                .iter()
                .flat_map(|side| side.statements.iter().map(|id| id.0.clone()))
        })
        .collect();
    statements.extend(
        accepted
            .iter()
            .filter(|(kind, _)| *kind == EntityKind::Statement)
            .map(|(_, id)| id.clone()),
    );
    parties.extend(
        accepted
            .iter()
            .filter(|(kind, _)| *kind == EntityKind::Party)
            .map(|(_, id)| id.clone()),
    );
    file.parties
        .retain(|party| parties.contains(party.id.as_str()));
    file.events
        .retain(|event| has(EntityKind::Event, event.id.as_str()));
    file.statements
        .retain(|statement| statements.contains(statement.id.as_str()));
    // References to what was not accepted go.
    let contracts: HashSet<String> = file
        .contracts
        .iter()
        .map(|contract| contract.id.0.clone())
        .collect();
    let events: HashSet<String> = file.events.iter().map(|event| event.id.0.clone()).collect();
    let dispute = file.dispute.id.0.clone();
    file.dispute
        .contracts
        .retain(|id| contracts.contains(id.as_str()));
    for event in &mut file.events {
        event.parties.retain(|id| parties.contains(id.as_str()));
        event.contracts.retain(|id| contracts.contains(id.as_str()));
    }
    for statement in &mut file.statements {
        if let Some(party) = statement
            .speaker
            .party
            .clone()
            .filter(|party| !parties.contains(party.as_str()))
        {
            // The speaker stays, in words, when its party was not accepted.
            if statement.speaker.description.trim().is_empty() {
                statement.speaker.description = draft
                    .parties
                    .iter()
                    .find(|known| known.id == party)
                    .map_or_else(|| party.0.clone(), |known| known.name.clone());
            }
            statement.speaker.party = None;
        }
        statement.about.retain(|id| {
            let id = id.as_str();
            parties.contains(id) || contracts.contains(id) || events.contains(id) || id == dispute
        });
        if statement.about.is_empty() {
            statement.about.push(AnyId(dispute.clone()));
        }
    }
    for conflict in &mut file.conflicts {
        conflict.about.retain(|id| {
            let id = id.as_str();
            parties.contains(id) || contracts.contains(id) || events.contains(id) || id == dispute
        });
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{draft, score::articles_of};

    fn bundled_draft() -> DisputeFile {
        let hand: DisputeFile = serde_json::from_str(crate::BUNDLED_DISPUTE).unwrap();
        draft(&articles_of(&hand), &[], "2026-12-04").unwrap().file
    }

    fn valid(file: &DisputeFile) {
        let json = serde_json::to_string(file).unwrap();
        if let Err(errors) = crate::dataset::parse(&json) {
            panic!(
                "{:#?}",
                errors.iter().map(ToString::to_string).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn the_claim_alone_is_a_valid_dispute_and_nothing_comes_without_it() {
        let draft = bundled_draft();
        assert!(accepted(&draft, &[])
            .unwrap_err()
            .contains("accept the claim first"));
        let claim = accepted(&draft, &[(EntityKind::Dispute, "claim".to_owned())]).unwrap();
        valid(&claim);
        assert!(
            claim.contracts.is_empty() && claim.statements.is_empty() && claim.events.is_empty()
        );
        assert_eq!(
            claim.parties.len(),
            claim.dispute.claimants.len() + claim.dispute.respondents.len()
        );
    }

    #[test]
    fn accepted_entities_bring_what_they_need_and_drop_what_was_not_accepted() {
        let draft = bundled_draft();
        let conflict = draft.conflicts[0].clone();
        let statement = draft
            .statements
            .iter()
            .find(|statement| statement.speaker.party.is_some())
            .unwrap()
            .clone();
        let event = draft.events[0].clone();
        let chosen = vec![
            (EntityKind::Dispute, "claim".to_owned()),
            (EntityKind::Conflict, conflict.id.0.clone()),
            (EntityKind::Statement, statement.id.0.clone()),
            (EntityKind::Event, event.id.0.clone()),
        ];
        let part = accepted(&draft, &chosen).unwrap();
        valid(&part);
        for side in &conflict.sides {
            for id in &side.statements {
                assert!(
                    part.statements.iter().any(|statement| statement.id == *id),
                    "the conflict's statement {id:?} comes with it"
                );
            }
        }
        assert!(part.contracts.is_empty());
        // Every accepted entity is there; the whole draft, accepted, is the draft.
        assert!(part.events.iter().any(|kept| kept.id == event.id));
        let everything: Vec<(EntityKind, String)> =
            std::iter::once((EntityKind::Dispute, "claim".to_owned()))
                .chain(
                    draft
                        .parties
                        .iter()
                        .map(|party| (EntityKind::Party, party.id.0.clone())),
                )
                .chain(
                    draft
                        .contracts
                        .iter()
                        .map(|contract| (EntityKind::Contract, contract.id.0.clone())),
                )
                .chain(
                    draft
                        .events
                        .iter()
                        .map(|event| (EntityKind::Event, event.id.0.clone())),
                )
                .chain(
                    draft
                        .statements
                        .iter()
                        .map(|statement| (EntityKind::Statement, statement.id.0.clone())),
                )
                .chain(
                    draft
                        .conflicts
                        .iter()
                        .map(|conflict| (EntityKind::Conflict, conflict.id.0.clone())),
                )
                .collect();
        assert_eq!(accepted(&draft, &everything).unwrap(), draft);
    }

    /// Two reports that disagree on an agreement's value: every conflict of their draft,
    /// accepted with the claim alone, is a valid file, though the agreement it is about was not
    /// accepted.
    #[test]
    fn a_conflict_about_an_agreement_not_accepted_is_still_a_valid_file() {
        use crate::draft::Article;
        let article = Article::new;
        let articles = [
            article("one", "Port sues carrier\nMarch 12, 2026\nThe Port of Brenna has sued Halvard Shipping over a £120m berth agreement, the port said.\nThe port filed the claim on March 9."),
            article("two", "Port dispute widens\nMarch 14, 2026\nThe Port of Brenna sued Halvard Shipping on Tuesday over its £150m berth agreement."),
        ];
        let draft = draft(&articles, &[], "2026-03-20").unwrap().file;
        assert!(
            !draft.contracts.is_empty(),
            "the berth agreement is proposed"
        );
        assert!(!draft.conflicts.is_empty(), "the value is a conflict");
        for conflict in &draft.conflicts {
            let part = accepted(
                &draft,
                &[
                    (EntityKind::Dispute, draft.dispute.id.0.clone()),
                    (EntityKind::Conflict, conflict.id.0.clone()),
                ],
            )
            .unwrap();
            valid(&part);
        }
    }
}
