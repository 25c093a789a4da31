//! Modality: a claim unit that hedges is `speculative`, by the schema's definition. Each
//! special case is a reading a news reader makes without thinking: "May" the month is no
//! hedge, "could not be reached" reports a fact, "said it would appeal" reports a plan, "if"
//! inside a quotation is the speaker's condition and "if not" no condition at all.

use crate::text::lexicon::Words;
use crate::text::tokens::{is_one_of, Token, TokenKind};

/// The first hedge among `tokens`, if any: its token index.
pub fn first_hedge(text: &str, tokens: &[Token]) -> Option<usize> {
    (0..tokens.len()).find(|&index| is_hedge(text, tokens, index))
}

fn word_at<'a>(text: &'a str, tokens: &[Token], index: usize) -> Option<&'a str> {
    tokens
        .get(index)
        .filter(|token| token.is_word())
        .map(|token| token.text(text))
}

/// Whether the token at `index` hedges its claim.
fn is_hedge(text: &str, tokens: &[Token], index: usize) -> bool {
    let token = &tokens[index];
    if !token.is_word() {
        return false;
    }
    let word = token.text(text);
    let next = word_at(text, tokens, index + 1);
    let previous = index
        .checked_sub(1)
        .and_then(|before| word_at(text, tokens, before));
    match word.to_ascii_lowercase().as_str() {
        "may" => !is_month_may(word, previous, next),
        // "could not be reached", "money could not repair": a negated ability, not a doubt.
        "could" => !next.is_some_and(|next| next.eq_ignore_ascii_case("not")),
        // "Neither would say", "would not comment": a refusal.
        "would" => {
            !reported_future(text, tokens, index)
                && !next.is_some_and(|next| is_one_of(next, &["not", "say", "comment"]))
                && !previous.is_some_and(|previous| {
                    is_one_of(previous, &["neither", "nobody", "none", "no"])
                })
        }
        // A condition on the whole claim opens it ("If the court agrees, …", "“But if the
        // ground is manufactured, …”"); one after the verb conditions an act that is still
        // asserted ("seeking damages if it goes to court", "“We will sue if they breach it”").
        "if" => opens_the_claim(text, tokens, index),
        // "as quickly as possible" is no doubt.
        "possible" => !previous.is_some_and(|previous| previous.eq_ignore_ascii_case("as")),
        lower => Words::HedgeWord.list().contains(&lower),
    }
}

/// "in May", "May 5", "last May": the month. A lowercase "may" is always the verb; a
/// capitalised one is the month unless it opens the sentence without a number after it.
fn is_month_may(word: &str, previous: Option<&str>, next: Option<&str>) -> bool {
    let next_is_number = next.is_some_and(|next| next.starts_with(|c: char| c.is_ascii_digit()));
    word != "may" && (next_is_number || previous.is_some())
}

/// Whether the word at `index` opens its claim (after at most a conjunction), or a clause of
/// its own after a dash ("— and if the courts uphold that").
fn opens_the_claim(text: &str, tokens: &[Token], index: usize) -> bool {
    let mut at = index;
    while at > 0
        && tokens[at - 1].is_word()
        && is_one_of(
            tokens[at - 1].text(text),
            &["and", "but", "yet", "or", "so"],
        )
    {
        at -= 1;
    }
    tokens[..at].iter().all(|token| !token.is_word())
        || matches!(tokens[at - 1].kind, TokenKind::Punct('—' | '–'))
}

/// "would" after "that" or a verb of saying in the same unit is reported future ("said it would
/// appeal", "the assumption that the partnership would"), not a hedge of the writer's.
fn reported_future(text: &str, tokens: &[Token], index: usize) -> bool {
    tokens[..index].iter().any(|token| {
        token.is_word()
            && (token.text(text).eq_ignore_ascii_case("that")
                || (!token.quoted && Words::SpeechCue.has(token.text(text))))
    }) && !tokens[..index]
        .iter()
        .any(|token| token.kind == TokenKind::Word && token.text(text).eq_ignore_ascii_case("if"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokens;

    fn hedged(text: &str) -> bool {
        first_hedge(text, &tokens(text, 0..text.len())).is_some()
    }

    #[test]
    fn hedges_make_a_claim_speculative_and_look_alikes_do_not() {
        let cases = [
            ("may", "The deal may breach the charter.", true),
            ("May the month", "The board will vote in May.", false),
            ("May with a day", "It was signed on May 5.", false),
            ("could", "The ruling could cost millions.", true),
            (
                "could not be reached",
                "The carrier could not be reached for comment.",
                false,
            ),
            ("would", "This reading would favour the port.", true),
            (
                "reported future",
                "The carrier said it would appeal.",
                false,
            ),
            (
                "assumption that",
                "It rested on the assumption that prices would rise.",
                false,
            ),
            ("reportedly", "The firms are reportedly in talks.", true),
            ("appears", "The port appears ready to settle.", true),
            (
                "believe",
                "Executives believe the charter was broken.",
                true,
            ),
            (
                "conditional",
                "If the court agrees, the carrier pays.",
                true,
            ),
            (
                "if inside a quotation",
                "He said, “We will sue if they breach it.”",
                false,
            ),
            (
                "if not",
                "It broke the spirit if not the letter of the deal.",
                false,
            ),
            ("likely", "The outcome will likely shape the market.", true),
            (
                "plain fact",
                "The carrier signed the charter in 2019.",
                false,
            ),
            ("can", "Details can shape the outcome.", false),
            ("speculation", "The silence fueled speculation.", false),
            ("potential", "It sees the deal as a potential threat.", true),
        ];
        for (name, text, expected) in cases {
            assert_eq!(hedged(text), expected, "{name}");
        }
    }
}
