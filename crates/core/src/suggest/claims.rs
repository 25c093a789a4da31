//! Claim units: a sentence is usually one claim, but one that carries two becomes two. A quote
//! followed by ", adding that …" splits after the quote, and ", arguing that …" or "… and
//! insisted that …" likewise; a background aside in a ", which" clause or after a lone dash is
//! a claim of its own; so are the halves of a semicolon, a concession after ", though", a clause
//! after ", and" with a speaker of its own, and the outlet's verdict after ", upending …". Only
//! marks outside quotations split.

use super::cues::cue_at;
use crate::text::lexicon::Words;
use crate::text::tokens::{is_capitalised, is_one_of, Token, TokenKind};
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
    /// ", arguing that …", "… and insisted that …": the sentence's subject speaks again.
    Continued,
    /// ", which …" or "— a product that …": the outlet's background.
    Aside,
    /// ", though …": a concession, read on its own.
    Concession,
    /// One half of a semicolon, a clause with a speaker of its own, or a trailing verdict.
    Part,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub range: Range<usize>,
    pub kind: UnitKind,
    /// The subject a unit was cut from ("Skarvik Terminal" of "Skarvik Terminal, which …,
    /// announced …"), which tells who its verb's speaker is.
    pub subject: Option<Range<usize>>,
}

/// Words that open a background aside after a lone dash, or a claim of its own ("— but").
const ASIDE_OPENERS: &[&str] = &[
    "a", "an", "the", "one", "which", "another", "its", "their", "his", "her", "part", "but",
];

/// Prepositions that open a short phrase fronted before a ", which" aside ("For Microsoft,
/// which has invested…, the deal strikes…"): no subject, and no claim of its own.
const FRONTED_PREPOSITIONS: &[&str] = &["for", "to", "at", "in", "like", "unlike", "with", "as"];

const CONCESSIONS: &[&str] = &["though", "although"];

/// Auxiliaries a coordinated verb of saying may keep ("and has said").
const AUXILIARIES: &[&str] = &["has", "have", "had", "also", "later", "then", "previously"];

/// Fewer words than this is no claim of its own ("For Microsoft,").
const SHORTEST_UNIT: usize = 3;

/// Where one unit ends and the next starts (token indexes), and what the next one is.
#[derive(Clone, Copy, Debug)]
struct Boundary {
    end: usize,
    start: usize,
    kind: UnitKind,
}

/// The claim units of the sentence at `range`; `display` is true for a headline or standfirst,
/// where any trailing participle phrase (", upending …") is a claim of its own.
pub fn claim_units(text: &str, tokens: &[Token], display: bool) -> Vec<Unit> {
    let Some(range) = tokens
        .first()
        .zip(tokens.last())
        .map(|(first, last)| first.range.start..last.range.end)
    else {
        return Vec::new();
    };
    let mut boundaries: Vec<Boundary> = Vec::new();
    // Before a mid-sentence ", which" aside: a subject (kept for the main unit) or a fronted
    // phrase (dropped).
    let mut subject_before: Option<(usize, bool)> = None;
    let mut aside_ends: Vec<usize> = Vec::new();
    for (index, token) in tokens.iter().enumerate() {
        if token.quoted || !token.is_word() {
            continue;
        }
        let word = token.text(text);
        let after_comma = after_comma(&tokens, index);
        let cut = |kind| Boundary {
            end: index,
            start: index,
            kind,
        };
        if after_comma && word.eq_ignore_ascii_case("adding") {
            boundaries.push(cut(UnitKind::Added));
        } else if after_comma && Words::SpeakingParticiple.has(word) {
            boundaries.push(cut(UnitKind::Continued));
        } else if after_comma
            && word.eq_ignore_ascii_case("which")
            && !quoted_before(&tokens, index)
        {
            let before = words_between(&tokens, 0, index);
            match next_comma(&tokens, index) {
                // "Skarvik Terminal, which is 60% owned by Brightwater, announced …" and "For
                // Microsoft, which has invested …, the deal …": the aside runs to the next
                // comma; what comes before it is the main unit's subject, or a fronted phrase.
                Some(comma) if before <= 6 && subject_before.is_none() => {
                    let opener = first_word(text, &tokens);
                    subject_before = Some((index - 1, !is_one_of(opener, FRONTED_PREPOSITIONS)));
                    boundaries.push(cut(UnitKind::Aside));
                    aside_ends.push(comma);
                    boundaries.push(Boundary {
                        end: comma,
                        start: comma + 1,
                        kind: UnitKind::Main,
                    });
                }
                _ if before > 5 => boundaries.push(cut(UnitKind::Aside)),
                _ => {}
            }
        } else if after_comma && is_one_of(word, CONCESSIONS) {
            boundaries.push(cut(UnitKind::Concession));
        } else if after_comma
            && word.chars().all(|c| c.is_lowercase())
            && ((display && word.len() > 5 && word.ends_with("ing"))
                || (Words::ConsequenceParticiple.has(word)
                    && words_between(&tokens, 0, index) >= 6))
        {
            boundaries.push(cut(UnitKind::Part));
        } else if word.eq_ignore_ascii_case("and") && index > 0 {
            if let Some(boundary) = after_and(text, &tokens, index, after_comma) {
                boundaries.push(boundary);
            }
        }
    }
    // A semicolon between two claims.
    for (index, token) in tokens.iter().enumerate() {
        if !token.quoted && token.is_punct(';') && index + 1 < tokens.len() {
            boundaries.push(Boundary {
                end: index,
                start: index + 1,
                kind: UnitKind::Part,
            });
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
            let but = opener.is_some_and(|token| token.text(text).eq_ignore_ascii_case("but"));
            boundaries.push(Boundary {
                end: dash,
                start: dash + 1,
                kind: if but { UnitKind::Part } else { UnitKind::Aside },
            });
        }
    }
    if boundaries.is_empty() {
        return vec![whole(range)];
    }
    boundaries.sort_by_key(|boundary| boundary.start);
    boundaries.dedup_by_key(|boundary| boundary.start);
    let mut units = Vec::new();
    let mut start = 0;
    let mut kind = UnitKind::Main;
    let subject = subject_before.and_then(|(end, is_subject)| {
        (is_subject && end > 0).then(|| tokens[0].range.start..tokens[end - 1].range.end)
    });
    boundaries.push(Boundary {
        end: tokens.len(),
        start: tokens.len(),
        kind: UnitKind::Main,
    });
    for (position, boundary) in boundaries.iter().enumerate() {
        let mut end = boundary.end.max(start);
        if kind == UnitKind::Aside {
            if let Some(&aside_end) = aside_ends.iter().find(|&&at| at > start && at <= end) {
                end = aside_end;
            }
        }
        let is_prefix = position == 0 && subject_before.is_some();
        if !is_prefix && end > start {
            if let Some(mut unit) = unit_of(&tokens[start..end], kind) {
                if kind == UnitKind::Main && subject_before.is_some() {
                    unit.subject = subject.clone();
                }
                units.push(unit);
            }
        }
        start = boundary.start;
        kind = boundary.kind;
    }
    // A single claim after all (the other pieces were too short): the sentence whole.
    if units.len() <= 1 && subject_before.is_none() {
        return vec![whole(range)];
    }
    units
}

fn whole(range: Range<usize>) -> Unit {
    Unit {
        range,
        kind: UnitKind::Whole,
        subject: None,
    }
}

fn first_word<'a>(text: &'a str, tokens: &[Token]) -> &'a str {
    tokens
        .iter()
        .find(|token| token.is_word())
        .map_or("", |token| token.text(text))
}

/// After "and": a verb of saying of the same subject ("… for an undisclosed sum and has said
/// it plans …", "denied that … and insisted that …"), or, after ", and", a clause with a
/// speaker of its own (", and its own investor presentation warned that …").
fn after_and(text: &str, tokens: &[Token], index: usize, after_comma: bool) -> Option<Boundary> {
    let mut at = index + 1;
    while tokens
        .get(at)
        .is_some_and(|token| token.is_word() && is_one_of(token.text(text), AUXILIARIES))
    {
        at += 1;
    }
    if at < tokens.len() && cue_at(text, tokens, at, index + 1).is_some() {
        return Some(Boundary {
            end: index,
            start: index + 1,
            kind: UnitKind::Continued,
        });
    }
    if !after_comma {
        return None;
    }
    // ", and <a short subject> <cue>": the subject opens with a determiner, a possessive or a
    // name, and holds no verb of its own before the cue.
    let opener = tokens.get(index + 1).filter(|token| token.is_word())?;
    let opens_subject = is_capitalised(opener.text(text))
        || is_one_of(
            opener.text(text),
            &[
                "the", "a", "an", "its", "their", "his", "her", "some", "analysts", "people",
            ],
        );
    if !opens_subject {
        return None;
    }
    for cue in index + 2..tokens.len().min(index + 9) {
        let token = &tokens[cue];
        if !token.is_word() || token.quoted {
            return None;
        }
        if cue_at(text, tokens, cue, index + 1).is_some() {
            return Some(Boundary {
                end: index,
                start: index + 1,
                kind: UnitKind::Part,
            });
        }
        if is_one_of(
            token.text(text),
            &["is", "are", "was", "were", "will", "would", "can", "could"],
        ) {
            return None;
        }
    }
    None
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
    if words < SHORTEST_UNIT && kind != UnitKind::Main {
        return None;
    }
    if words == 0 {
        return None;
    }
    Some(Unit {
        range: tokens[first].range.start..tokens[last - 1].range.end,
        kind,
        subject: None,
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

/// Whether a ", which" follows a quotation directly (“…,” which): then it describes the
/// quotation, and stays with it.
fn quoted_before(tokens: &[Token], index: usize) -> bool {
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
    use crate::text::tokens::tokens;

    fn units(text: &str, display: bool) -> Vec<(UnitKind, &str)> {
        claim_units(text, &tokens(text, 0..text.len()), display)
            .into_iter()
            .map(|unit| (unit.kind, &text[unit.range]))
            .collect()
    }

    #[test]
    fn sentences_with_two_claims_become_two() {
        let cases: [(&str, &str, bool, &[(UnitKind, &str)]); 14] = [
            ("one claim", "The board met on Monday.", false, &[(UnitKind::Whole, "The board met on Monday.")]),
            (
                "adding after a quote",
                "A spokeswoman said “the deal stands,” adding that the firm is calm.",
                false,
                &[(UnitKind::Main, "A spokeswoman said “the deal stands,”"), (UnitKind::Added, "adding that the firm is calm")],
            ),
            (
                "trailing which",
                "The carrier signed a ten-year charter with the port, which owns the cranes.",
                false,
                &[(UnitKind::Main, "The carrier signed a ten-year charter with the port"), (UnitKind::Aside, "which owns the cranes")],
            ),
            (
                "which after a short subject",
                "The charter, which runs to 2030, sets the fees.",
                false,
                &[(UnitKind::Aside, "which runs to 2030"), (UnitKind::Main, "sets the fees")],
            ),
            (
                "fronted phrase and which",
                "For the port, which has spent $40 million on cranes, the ruling is a blow.",
                false,
                &[(UnitKind::Aside, "which has spent $40 million on cranes"), (UnitKind::Main, "the ruling is a blow")],
            ),
            (
                "lone dash aside",
                "The deal makes the carrier its only client — a role it has never held before.",
                false,
                &[(UnitKind::Main, "The deal makes the carrier its only client"), (UnitKind::Aside, "a role it has never held before")],
            ),
            (
                "dash and but",
                "The port is preparing a claim — but its contract may be weaker than it says.",
                false,
                &[(UnitKind::Main, "The port is preparing a claim"), (UnitKind::Part, "but its contract may be weaker than it says")],
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
                &[(UnitKind::Main, "Port weighs suit after carrier signs rival charter"), (UnitKind::Part, "upending a decade of cooperation")],
            ),
            (
                "arguing",
                "The carrier is preparing a claim, according to two people, arguing that the charter was broken.",
                false,
                &[
                    (UnitKind::Main, "The carrier is preparing a claim, according to two people"),
                    (UnitKind::Continued, "arguing that the charter was broken"),
                ],
            ),
            (
                "coordinated verb of saying",
                "The fund bought its stake in 2024 and has said it plans to double capacity.",
                false,
                &[(UnitKind::Main, "The fund bought its stake in 2024"), (UnitKind::Continued, "has said it plans to double capacity")],
            ),
            (
                "a clause with a speaker of its own",
                "The carrier routes a third of its cargo through the port, and its own presentation warned that losing it could cut earnings.",
                false,
                &[
                    (UnitKind::Main, "The carrier routes a third of its cargo through the port"),
                    (UnitKind::Part, "its own presentation warned that losing it could cut earnings"),
                ],
            ),
            (
                "a clause without one stays",
                "The port is the largest on the coast, and winning the charter is a coup.",
                false,
                &[(UnitKind::Whole, "The port is the largest on the coast, and winning the charter is a coup.")],
            ),
        ];
        for (name, text, display, expected) in cases {
            assert_eq!(units(text, display), expected, "{name}");
        }
    }

    #[test]
    fn the_subject_before_an_aside_is_kept_for_its_verb() {
        let text = "The charter, which runs to 2030, sets the fees.";
        let units = claim_units(text, &tokens(text, 0..text.len()), false);
        assert_eq!(
            units[1].subject.clone().map(|range| &text[range]),
            Some("The charter")
        );
    }

    #[test]
    fn marks_inside_a_quotation_do_not_split() {
        let text = "He said “we know; we will sue — which is final,” and left.";
        assert_eq!(units(text, false), [(UnitKind::Whole, text)]);
    }
}
