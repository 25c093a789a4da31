//! Every sentence inside a quotation is its speaker's, never the outlet's: after the article
//! has been read unit by unit, each unit wholly inside a quotation that its own rules left in
//! the outlet's voice takes the quotation's speaker (the cue that opens or closes it, the line
//! that introduces it, or the first of its units a rule attributed). A quotation nobody is
//! named for is an unattributed quotation, still not the outlet's assertion.

use super::Suggestion;
use crate::model::Attribution;
use crate::text::quotes::QuotationKind;
use crate::text::Reading;
use std::collections::BTreeMap;

/// Who speaks a quotation, as a suggestion carries it.
#[derive(Clone, Debug, PartialEq)]
pub struct Voice {
    pub party: Option<String>,
    pub description: String,
    pub attribution: Attribution,
    pub cites: Option<String>,
}

impl Voice {
    fn of(suggestion: &Suggestion) -> Voice {
        Voice {
            party: suggestion.party.clone(),
            description: suggestion.description.clone(),
            attribution: suggestion.attribution,
            cites: suggestion.cites.clone(),
        }
    }

    /// Nobody named: the words are still a quotation's, not the outlet's.
    fn unattributed() -> Voice {
        Voice {
            party: None,
            description: "An unattributed quotation".to_owned(),
            attribution: Attribution::Anonymous,
            cites: None,
        }
    }
}

fn is_outlets(suggestion: &Suggestion) -> bool {
    matches!(
        suggestion.attribution,
        Attribution::OutletAnalysis | Attribution::OutletParaphrase
    ) && suggestion.party.is_none()
        || suggestion.attribution == Attribution::OutletAnalysis
}

/// Gives each unit inside a quotation the quotation's speaker; `introduced` holds the speaker
/// the introducing line gave each block quotation (by quotation index).
pub fn give_quotations_their_speakers(
    reading: &Reading,
    suggestions: &mut [Suggestion],
    introduced: &BTreeMap<usize, Voice>,
) {
    for (index, quotation) in reading.quotations.iter().enumerate() {
        let inside: Vec<usize> = (0..suggestions.len())
            .filter(|&at| quotation.holds(&suggestions[at].range))
            .collect();
        if inside.iter().all(|&at| !is_outlets(&suggestions[at])) {
            continue;
        }
        let touching = |at: &usize| {
            let range = &suggestions[*at].range;
            range.start < quotation.range.end
                && quotation.range.start < range.end
                && !quotation.holds(range)
        };
        let voice = match quotation.kind {
            QuotationKind::Block => introduced.get(&index).cloned(),
            QuotationKind::Marked => introduced.get(&index).cloned().or_else(|| {
                // The cue beside it ("…,” Arm said), then the first of its own units a rule
                // attributed (a floating quotation that goes on with the speaker before).
                (0..suggestions.len())
                    .filter(touching)
                    .chain(inside.iter().copied())
                    .find(|&at| !is_outlets(&suggestions[at]))
                    .map(|at| Voice::of(&suggestions[at]))
            }),
        }
        .unwrap_or_else(Voice::unattributed);
        // A party's own words in marks are its spokesperson's, whoever introduced them in the
        // outlet's words ("In a statement, the company said it had gone to court …").
        let voice = match (quotation.kind, voice.attribution, &voice.party) {
            (
                QuotationKind::Marked | QuotationKind::Block,
                Attribution::OutletParaphrase,
                Some(_),
            ) => Voice {
                attribution: Attribution::Spokesperson,
                ..voice
            },
            _ => voice,
        };
        for at in inside {
            let suggestion = &mut suggestions[at];
            let inherited_paraphrase = suggestion.attribution == Attribution::OutletParaphrase
                && suggestion.party == voice.party
                && voice.attribution == Attribution::Spokesperson;
            if !is_outlets(suggestion) && !inherited_paraphrase {
                continue;
            }
            suggestion.party = voice.party.clone();
            suggestion.description = voice.description.clone();
            suggestion.attribution = voice.attribution;
            suggestion.cites = voice.cites.clone();
            suggestion.reason = match quotation.kind {
                QuotationKind::Block => "a paragraph its introducing line gives as the speaker's",
                QuotationKind::Marked => "a sentence inside the speaker's quotation",
            };
        }
    }
}
