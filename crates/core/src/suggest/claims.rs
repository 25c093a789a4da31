//! Claim units: a sentence is usually one claim, but one that carries two becomes two. A quote
//! followed by ", adding that …" splits after the quote; a background aside after a lone dash
//! or in a ", which" clause is a claim of its own; so are the two halves of a semicolon and a
//! concession after ", though". Only marks outside quotations split.

use super::rules::CONSEQUENCE_PARTICIPLES;
use super::tokens::{is_one_of, tokens, Token, TokenKind};
use std::ops::Range;

/// What part of its sentence a unit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// The sentence whole.
    Whole,
    /// The sentence's main claim, split from the rest.
    Main,
    /// ", adding that …": the same speaker goes on.
    Added,
    /// ", which …" or "— a product that …": the outlet's background.
    Aside,
    /// ", though …": a concession, read on its own.
    Concession,
    /// One half of a semicolon, or a standfirst's trailing phrase.
    Part,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub range: Range<usize>,
    pub kind: UnitKind,
}

/// Words that open a background aside after a lone dash.
const ASIDE_OPENERS: &[&str] = &[
    "a", "an", "the", "one", "which", "another", "its", "their", "his", "her", "part",
];

/// Prepositions that open a short phrase fronted before a ", which" aside ("For Microsoft,
/// which has invested…, the deal strikes…").
const FRONTED_PREPOSITIONS: &[&str] = &["for", "to", "at", "in", "like", "unlike", "with", "as"];

const CONCESSIONS: &[&str] = &["though", "although"];

/// Fewer words than this is no claim of its own ("For Microsoft,").
const SHORTEST_UNIT: usize = 3;

/// The claim units of the sentence at `range`; `display` is true for a headline or standfirst,
/// where a trailing ", upending …" phrase is a claim of its own too.
pub fn claim_units(text: &str, range: Range<usize>, display: bool) -> Vec<Unit> {
    let tokens = tokens(text, range.clone());
    let mut cuts: Vec<(usize, UnitKind)> = Vec::new(); // token index where a unit starts
    let mut drop_before: Option<usize> = None; // a fronted phrase that is no claim
    let mut aside_end: Option<usize> = None;
    for (index, token) in tokens.iter().enumerate() {
        if token.quoted || !token.is_word() {
            continue;
        }
        let word = token.text(text);
        let after_comma = after_comma(&tokens, index);
        if word.eq_ignore_ascii_case("adding") && after_comma {
            cuts.push((index, UnitKind::Added));
        } else if word.eq_ignore_ascii_case("which")
            && after_comma
            && !is_quoted_before(&tokens, index)
        {
            let before = words_between(&tokens, 0, index);
            let opener = tokens
                .iter()
                .find(|token| token.is_word())
                .map(|token| token.text(text))
                .unwrap_or("");
            if before <= 4 && is_one_of(opener, FRONTED_PREPOSITIONS) {
                // "For Microsoft, which …, the deal …": the aside runs to the next comma.
                if let Some(comma) = next_comma(&tokens, index) {
                    drop_before = Some(index);
                    cuts.push((index, UnitKind::Aside));
                    aside_end = Some(comma);
                    cuts.push((comma + 1, UnitKind::Main));
                }
            } else if before > 5 {
                cuts.push((index, UnitKind::Aside));
            }
        } else if is_one_of(word, CONCESSIONS) && after_comma {
            cuts.push((index, UnitKind::Concession));
        } else if after_comma
            && word.chars().all(|c| c.is_lowercase())
            && ((display && word.len() > 5 && word.ends_with("ing"))
                || (is_one_of(word, CONSEQUENCE_PARTICIPLES)
                    && words_between(&tokens, 0, index) >= 6))
        {
            cuts.push((index, UnitKind::Part));
        }
    }
    // A semicolon between two claims.
    for (index, token) in tokens.iter().enumerate() {
        if !token.quoted && token.is_punct(';') && index + 1 < tokens.len() {
            cuts.push((index + 1, UnitKind::Part));
        }
    }
    // A lone dash before an aside (paired dashes enclose a parenthesis, which stays).
    let dashes: Vec<usize> = tokens
        .iter()
        .enumerate()
        .filter(|(_, token)| {
            !token.quoted && matches!(token.kind, TokenKind::Punct('—' | '–' | '-'))
        })
        .map(|(index, _)| index)
        .collect();
    if let [dash] = dashes[..] {
        let opener = tokens.get(dash + 1).filter(|token| token.is_word());
        if opener.is_some_and(|token| is_one_of(token.text(text), ASIDE_OPENERS))
            && words_between(&tokens, 0, dash) >= 4
            && words_between(&tokens, dash + 1, tokens.len()) >= 4
        {
            cuts.push((dash + 1, UnitKind::Aside));
        }
    }
    cuts.sort_by_key(|(index, _)| *index);
    cuts.dedup_by_key(|(index, _)| *index);
    if cuts.is_empty() {
        return vec![Unit {
            range,
            kind: UnitKind::Whole,
        }];
    }
    let mut units = Vec::new();
    let mut start = drop_before.map_or(0, |_| usize::MAX);
    let mut kind = UnitKind::Main;
    let mut boundaries = cuts.clone();
    boundaries.push((tokens.len(), UnitKind::Main));
    for (cut, next_kind) in boundaries {
        if start != usize::MAX && cut > start {
            let end = if kind == UnitKind::Aside {
                aside_end
                    .filter(|&end| end > start && end <= cut)
                    .unwrap_or(cut)
            } else {
                cut
            };
            if let Some(unit) = unit_of(&tokens[start..end], kind) {
                units.push(unit);
            }
        }
        start = cut;
        kind = next_kind;
    }
    // A single claim after all (the other pieces were too short): the sentence whole.
    if units.len() <= 1 && drop_before.is_none() {
        return vec![Unit {
            range,
            kind: UnitKind::Whole,
        }];
    }
    units
}

/// The unit over `tokens`, without the commas, semicolons, dashes and the final full stop at
/// its edges; `None` when too short to be a claim.
fn unit_of(tokens: &[Token], kind: UnitKind) -> Option<Unit> {
    let mut first = 0;
    let mut last = tokens.len();
    let trimmable = |token: &Token| {
        !token.quoted
            && matches!(
                token.kind,
                TokenKind::Punct(',' | ';' | '—' | '–' | '-' | '.' | ':')
            )
    };
    while first < last && trimmable(&tokens[first]) {
        first += 1;
    }
    while last > first && trimmable(&tokens[last - 1]) {
        last -= 1;
    }
    let words = tokens[first..last]
        .iter()
        .filter(|token| token.is_word())
        .count();
    if words < SHORTEST_UNIT {
        return None;
    }
    Some(Unit {
        range: tokens[first].range.start..tokens[last - 1].range.end,
        kind,
    })
}

/// Whether the word at `index` follows a comma outside a quotation, or a quotation that ends
/// in a comma (“…,” adding).
fn after_comma(tokens: &[Token], index: usize) -> bool {
    let Some(before) = index.checked_sub(1).map(|before| &tokens[before]) else {
        return false;
    };
    match before.kind {
        TokenKind::Punct(',') => !before.quoted,
        TokenKind::CloseQuote => index
            .checked_sub(2)
            .is_some_and(|at| tokens[at].is_punct(',')),
        _ => false,
    }
}

/// Whether a ", which" follows a quotation directly (“…,” which): then it is the quote's
/// speaker's words being described, kept whole.
fn is_quoted_before(tokens: &[Token], index: usize) -> bool {
    index
        .checked_sub(1)
        .is_some_and(|before| tokens[before].kind == TokenKind::CloseQuote)
}

fn words_between(tokens: &[Token], start: usize, end: usize) -> usize {
    tokens[start..end]
        .iter()
        .filter(|token| token.is_word())
        .count()
}

/// The next comma outside a quotation after `index`.
fn next_comma(tokens: &[Token], index: usize) -> Option<usize> {
    tokens[index..]
        .iter()
        .position(|token| !token.quoted && token.is_punct(','))
        .map(|offset| index + offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str, display: bool) -> Vec<(UnitKind, &str)> {
        claim_units(text, 0..text.len(), display)
            .into_iter()
            .map(|unit| (unit.kind, &text[unit.range]))
            .collect()
    }

    #[test]
    fn sentences_with_two_claims_become_two() {
        let cases: [(&str, &str, bool, &[(UnitKind, &str)]); 9] = [
            (
                "one claim",
                "The board met on Monday.",
                false,
                &[(UnitKind::Whole, "The board met on Monday.")],
            ),
            (
                "adding after a quote",
                "A spokeswoman said “the deal stands,” adding that the firm is calm.",
                false,
                &[
                    (UnitKind::Main, "A spokeswoman said “the deal stands,”"),
                    (UnitKind::Added, "adding that the firm is calm"),
                ],
            ),
            (
                "trailing which",
                "The carrier signed a ten-year charter with the port, which owns the cranes.",
                false,
                &[
                    (UnitKind::Main, "The carrier signed a ten-year charter with the port"),
                    (UnitKind::Aside, "which owns the cranes"),
                ],
            ),
            (
                "which after a short subject stays",
                "The charter, which runs to 2030, sets the fees.",
                false,
                &[(UnitKind::Whole, "The charter, which runs to 2030, sets the fees.")],
            ),
            (
                "fronted phrase and which",
                "For the port, which has spent $40 million on cranes, the ruling is a blow.",
                false,
                &[
                    (UnitKind::Aside, "which has spent $40 million on cranes"),
                    (UnitKind::Main, "the ruling is a blow"),
                ],
            ),
            (
                "lone dash aside",
                "The deal makes the carrier its only client — a role it has never held before.",
                false,
                &[
                    (UnitKind::Main, "The deal makes the carrier its only client"),
                    (UnitKind::Aside, "a role it has never held before"),
                ],
            ),
            (
                "paired dashes stay",
                "If the port wins — and if the court agrees — the carrier pays.",
                false,
                &[(UnitKind::Whole, "If the port wins — and if the court agrees — the carrier pays.")],
            ),
            (
                "concession and semicolon",
                "The board hired lawyers and drafted a claim, though no suit has been filed; talks go on in private.",
                false,
                &[
                    (UnitKind::Main, "The board hired lawyers and drafted a claim"),
                    (UnitKind::Concession, "though no suit has been filed"),
                    (UnitKind::Part, "talks go on in private"),
                ],
            ),
            (
                "standfirst participle",
                "Port weighs suit after carrier signs rival charter, upending a decade of cooperation",
                true,
                &[
                    (UnitKind::Main, "Port weighs suit after carrier signs rival charter"),
                    (UnitKind::Part, "upending a decade of cooperation"),
                ],
            ),
        ];
        for (name, text, display, expected) in cases {
            assert_eq!(units(text, display), expected, "{name}");
        }
    }

    #[test]
    fn marks_inside_a_quotation_do_not_split() {
        let text = "He said “we know; we will sue — which is final,” and left.";
        assert_eq!(units(text, false), [(UnitKind::Whole, text)]);
    }
}
