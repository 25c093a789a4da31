//! Whether a word is a cue here: a verb of saying or of holding a position, read as one. Shared
//! by the claim units (a coordinated "and insisted that" starts a claim of its own) and the
//! speakers (the cue's speaker is the claim's).

use crate::text::lexicon::Words;
use crate::text::tokens::{is_one_of, Token, TokenKind};

/// What kind of verb introduces a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// Said, told, added: the speaker's words, direct or reported.
    Speech,
    /// Argues, believes, denies: a position the outlet reports.
    Position,
}

/// Objects after "deny" or "reject" that make them a position ("denied the allegations"),
/// where another object makes them an act ("denied a request for an injunction").
const CLAIM_OBJECTS: &[&str] = &[
    "that",
    "allegations",
    "allegation",
    "claims",
    "claim",
    "accusations",
    "accusation",
    "charges",
    "wrongdoing",
    "reports",
    "report",
    "suggestions",
    "any",
    "it",
    "this",
];

/// The cue at token `index`, if its word is one and it reads as one there: not a noun ("the
/// dispute"), not denied or hypothetical ("has not commented", "may argue"), and with what it
/// needs after it.
pub fn cue_at(text: &str, tokens: &[Token], index: usize, from: usize) -> Option<Cue> {
    let token = &tokens[index];
    if token.quoted || !token.is_word() {
        return None;
    }
    let word = token.text(text);
    let cue = if Words::SpeechCue.has(word) {
        Cue::Speech
    } else if Words::PositionCue.has(word) {
        Cue::Position
    } else {
        return None;
    };
    if hypothetical_or_denied(text, tokens, index, from) || !reads_as_verb(text, tokens, index) {
        return None;
    }
    complemented(text, tokens, index, cue).then_some(cue)
}

/// Whether the word after a cue is `wanted`, within `within` tokens.
fn followed_by(text: &str, tokens: &[Token], index: usize, within: usize, wanted: &[&str]) -> bool {
    tokens[index + 1..]
        .iter()
        .take(within)
        .any(|token| token.is_word() && is_one_of(token.text(text), wanted))
}

/// "views" and "sees" need "as" after them ("views the deal as a threat"); "expected" after
/// "is" is a hedge; a cue after an article or possessive is a noun.
fn reads_as_verb(text: &str, tokens: &[Token], index: usize) -> bool {
    let word = tokens[index].text(text).to_ascii_lowercase();
    let previous = index
        .checked_sub(1)
        .map(|before| &tokens[before])
        .filter(|token| token.is_word())
        .map(|token| token.text(text).to_ascii_lowercase());
    let after_be = previous.as_deref().is_some_and(|previous| {
        matches!(
            previous,
            "is" | "are" | "was" | "were" | "been" | "be" | "being"
        )
    });
    let after_determiner = previous.as_deref().is_some_and(|previous| {
        matches!(
            previous,
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "that" | "our"
        )
    });
    match word.as_str() {
        "view" | "views" | "viewed" | "see" | "sees" | "regard" | "regards" | "regarded"
        | "describe" | "describes" | "described" => {
            // "sees it differently": the idiom of a position too.
            !after_determiner
                && (followed_by(text, tokens, index, 8, &["as"])
                    || followed_by(text, tokens, index, 3, &["differently", "otherwise"]))
        }
        "deny" | "denies" | "denied" | "reject" | "rejects" | "rejected" => {
            !after_be && followed_by(text, tokens, index, 3, CLAIM_OBJECTS)
        }
        "expected" | "alleged" | "opposed" | "worried" | "disputed" | "reported" | "thought"
        | "said" | "told" | "called" | "estimated" => !after_be && !after_determiner,
        _ => !after_determiner,
    }
}

/// "has not commented", "declined to say", "may argue", "is expected to claim": no claim of
/// the speaker's.
fn hypothetical_or_denied(text: &str, tokens: &[Token], index: usize, from: usize) -> bool {
    let mut at = index;
    let mut looked = 0;
    while at > from && looked < 4 {
        at -= 1;
        let token = &tokens[at];
        if !token.is_word() {
            break;
        }
        let word = token.text(text);
        if Words::Negation.has(word)
            || Words::Hypothetical.has(word)
            || word.ends_with("n’t")
            || word.ends_with("n't")
        {
            return true;
        }
        if !(Words::BetweenSpeakerAndVerb.has(word) || is_one_of(word, &["to", "be"])) {
            break;
        }
        looked += 1;
    }
    false
}

/// Whether a cue has what it takes after it to be one: see `Words::PlainSpeechCue` and
/// `Words::NounLikeCue`.
fn complemented(text: &str, tokens: &[Token], index: usize, cue: Cue) -> bool {
    let word = tokens[index].text(text);
    let next = tokens.get(index + 1);
    match cue {
        Cue::Speech if Words::PlainSpeechCue.has(word) => true,
        // "“We will appeal,” the company added.": after a quotation the verb may end it.
        Cue::Speech => {
            let after_quotation = tokens[..index]
                .iter()
                .any(|token| token.kind == TokenKind::CloseQuote);
            // "…, the company confirmed.": a cue closing the sentence after a comma reports it.
            let closing = tokens[index + 1..]
                .iter()
                .all(|token| !token.is_word() && !token.is_punct(','))
                && tokens[index.saturating_sub(6)..index]
                    .iter()
                    .any(|token| token.is_punct(','));
            if closing {
                return true;
            }
            tokens[index + 1..].iter().take(4).any(|token| {
                matches!(
                    token.kind,
                    TokenKind::OpenQuote | TokenKind::Punct(':' | ',' | '—')
                ) || (after_quotation && token.is_punct('.'))
                    || token.is_word() && token.text(text).eq_ignore_ascii_case("that")
            }) || (after_quotation && index + 1 == tokens.len())
        }
        Cue::Position if Words::NounLikeCue.has(word) => {
            next.is_some_and(|next| next.is_word() && Words::AfterAPosition.has(next.text(text)))
        }
        Cue::Position => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokens;

    fn cue(text: &str, word: &str) -> Option<Cue> {
        let tokens = tokens(text, 0..text.len());
        let index = tokens
            .iter()
            .position(|token| token.text(text) == word)
            .unwrap();
        cue_at(text, &tokens, index, 0)
    }

    #[test]
    fn cues_read_as_verbs_only_where_they_are() {
        let cases = [
            (
                "plain said",
                "The port said the lease had lapsed.",
                "said",
                Some(Cue::Speech),
            ),
            (
                "added with that",
                "It added that talks were over.",
                "added",
                Some(Cue::Speech),
            ),
            (
                "adds an object",
                "The deal adds another layer of risk.",
                "adds",
                None,
            ),
            (
                "not commented",
                "The port has not commented.",
                "commented",
                None,
            ),
            ("declined", "The port declined to say more.", "say", None),
            (
                "hypothetical",
                "The carrier may argue that it paid.",
                "argue",
                None,
            ),
            (
                "argues",
                "The carrier argues that it paid.",
                "argues",
                Some(Cue::Position),
            ),
            ("noun", "The dispute illustrates the risk.", "dispute", None),
            (
                "disputes the figure",
                "The port disputes the figure.",
                "disputes",
                Some(Cue::Position),
            ),
            (
                "views as",
                "The port views the deal as a threat.",
                "views",
                Some(Cue::Position),
            ),
            (
                "views without as",
                "The port views the harbour.",
                "views",
                None,
            ),
            (
                "denied a request",
                "The judge denied a request for an order.",
                "denied",
                None,
            ),
            (
                "denied that",
                "The carrier denied that it had breached the lease.",
                "denied",
                Some(Cue::Position),
            ),
            (
                "is expected",
                "The deal is expected to close.",
                "expected",
                None,
            ),
            (
                "called it",
                "The port called it a breach.",
                "called",
                Some(Cue::Position),
            ),
            ("called a name", "A firm called Osei won.", "called", None),
        ];
        for (name, text, word, expected) in cases {
            assert_eq!(cue(text, word), expected, "{name}");
        }
    }
}
