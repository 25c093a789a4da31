//! Names as reports write them: runs of capitalised words read off a sentence's tokens, with
//! what belongs to a name and what does not. A legal suffix and its punctuation are part of the
//! name as written but not of who it is ("Kreg Therapeutics, Inc." is Kreg Therapeutics); a
//! possessive is not part of it ("Arm’s" is Arm); a name before "-owned" or "-based" modifies
//! the name after it ("Softbank Group-owned Arm" is Arm, owned by Softbank Group); a ticker
//! after a name is dropped ("Twitter Inc TWTR.N"); a short form in brackets after it is its
//! other name ("Kreg Therapeutics, Inc. (“Kreg”)", "Technology License Agreement (TLA)").
//! Each run has an identity key: its words lowercased, without "the", legal suffixes and the
//! spaces between initials, so "ARM" and "Arm", "Qualcomm Inc." and "Qualcomm Incorporated"
//! are one key.

use super::dates::is_month;
use super::lexicon::Words;
use super::tokens::{strip_possessive, Token, TokenKind};
use std::ops::Range;

/// How the name before a hyphenated participle stands to the name after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Modifier {
    /// The participle: "owned", "based", "backed".
    pub participle: String,
}

/// One name as a sentence writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameRun {
    /// Its tokens, `start..end` of the sentence's tokens (suffix included).
    pub tokens: Range<usize>,
    /// Its bytes in the text, without a possessive ending or a hyphenated participle.
    pub range: Range<usize>,
    /// The name as written, without possessive or participle ("Qualcomm Inc.").
    pub written: String,
    /// Who it is: see the module's comment.
    pub key: String,
    /// Whether a legal suffix is part of it.
    pub suffixed: bool,
    /// Whether it is written in the possessive ("Arm’s").
    pub possessive: bool,
    /// The short form in brackets after it, and whether that is plural ("(IXCs)").
    pub short_form: Option<(String, bool)>,
    /// Whether the short form names several entities together ("(collectively “Verizon”)").
    pub collective: bool,
    /// When it modifies the next run through a hyphenated participle ("Softbank-owned").
    pub modifies: Option<Modifier>,
    /// Whether it opens its sentence (where any word is capitalised).
    pub sentence_start: bool,
    /// Whether it stands inside a quotation.
    pub quoted: bool,
}

impl NameRun {
    /// Its words, as keyed.
    pub fn key_words(&self) -> impl Iterator<Item = &str> {
        self.key.split(' ')
    }
}

/// Whether `word` can be a word of a name: capitalised (or "3M"), and no word that is never a
/// name, a month or a weekday.
pub fn is_name_word(word: &str) -> bool {
    let word = strip_possessive(word);
    let first = word.chars().next();
    let digits_name =
        || word.len() > 1 && !word.contains(['-', '‑']) && word.chars().any(char::is_uppercase);
    let bare = word.trim_end_matches('.');
    // "We're", "They've", "I'm": a pronoun and its verb, at a sentence's start.
    let contraction = bare.split_once(['\'', '’']).is_some_and(|(base, rest)| {
        matches!(rest, "re" | "ve" | "ll" | "m" | "d" | "s") && Words::NotName.has(base)
    });
    first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() && digits_name())
        && !contraction
        && !Words::NotName.has(bare)
        && !Words::Weekday.has(bare)
        && is_month(bare).is_none()
        && !is_ticker(word)
        && !is_break(word)
        && !word.contains(['$', '€', '£'])
}

/// A title, an honorific or a litigation role between names ("President", "Mr",
/// "Plaintiff-Appellee", "Defendant/Counter-Plaintiff"): it ends one name and is part of none.
pub fn is_break(word: &str) -> bool {
    let bare = word.trim_end_matches('.');
    Words::NameBreak.has(word)
        || Words::NameBreak.has(bare)
        || bare.split('/').all(|part| {
            Words::LitigationRole.has(part) || part.eq_ignore_ascii_case("counterplaintiff")
        })
}

/// "TWTR.N", "5401.T": a symbol and its market, glued to a name by wire services.
fn is_ticker(word: &str) -> bool {
    word.split_once('.').is_some_and(|(symbol, market)| {
        !symbol.is_empty()
            && symbol
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && (1..=2).contains(&market.len())
            && market.chars().all(|c| c.is_ascii_uppercase())
    })
}

/// The identity key of a name's words: lowercased, without a leading "the", trailing legal
/// suffixes and stops, with initials joined ("U. S. Steel" is "u.s. steel").
pub fn key_of<'w>(words: impl IntoIterator<Item = &'w str>) -> String {
    let mut words: Vec<String> = words
        .into_iter()
        .map(|word| strip_possessive(word).to_lowercase())
        .filter(|word| !word.is_empty())
        .collect();
    if words.first().is_some_and(|word| word == "the") {
        words.remove(0);
    }
    while words.len() > 1
        && words
            .last()
            .is_some_and(|word| Words::LegalSuffix.has(word.trim_end_matches('.')))
    {
        words.pop();
    }
    // Initials written apart ("u." "s.") join into one word ("u.s."), as "U.S." is read.
    let mut joined: Vec<String> = Vec::new();
    for word in words {
        let bare = word.trim_end_matches('.');
        let initials = bare.contains('.') || bare.chars().count() == 1;
        let letters_only = bare.split('.').all(|letter| letter.chars().count() == 1);
        let word = if initials && letters_only {
            format!("{bare}.")
        } else {
            bare.to_owned()
        };
        match joined.last_mut() {
            Some(last) if initials && letters_only && initial_run(last) && last.ends_with('.') => {
                last.push_str(&word)
            }
            _ => joined.push(word),
        }
    }
    joined.join(" ")
}

/// "u." or "u.s.": letters each followed by a stop.
fn initial_run(word: &str) -> bool {
    word.split_terminator('.')
        .all(|letter| letter.chars().count() == 1)
}

/// The names in a sentence's tokens.
pub fn name_runs(text: &str, tokens: &[Token]) -> Vec<NameRun> {
    let first_word = tokens.iter().position(Token::is_word).unwrap_or(0);
    let mut runs: Vec<NameRun> = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        let token = &tokens[index];
        if !token.is_word() || !is_name_word(token.text(text)) {
            index += 1;
            continue;
        }
        // "Given Musk’s offer", "Following the deal": a sentence's common first word before a
        // name is not part of it.
        if index == first_word && opens_sentence_commonly(token.text(text)) {
            index += 1;
            continue;
        }
        let (end, mut parts) = run_end(text, tokens, index);
        let next = extend(
            text,
            tokens,
            index,
            end,
            &mut parts,
            index == first_word,
            &mut runs,
        );
        index = next.max(index + 1);
    }
    // "Tesla CEO Elon Musk", "USW President David McCall": the name before a title is the
    // person's organisation, a modifier, not who acts.
    for run in &mut runs {
        let title_follows = tokens.get(run.tokens.end).is_some_and(|token| {
            let word = token.text(text).trim_end_matches('.').to_ascii_lowercase();
            token.is_word()
                && Words::NameBreak.has(&word)
                && !matches!(
                    word.as_str(),
                    "mr" | "ms" | "mrs" | "dr" | "sir" | "dame" | "lord" | "lady"
                )
        });
        if title_follows && run.modifies.is_none() && !run.possessive {
            let title = tokens[run.tokens.end].text(text).to_lowercase();
            run.modifies = Some(Modifier { participle: title });
        }
    }
    runs
}

/// Where the run starting at `start` ends (its last name token + 1), and the token indexes of
/// its words, connectors included.
fn run_end(text: &str, tokens: &[Token], start: usize) -> (usize, Vec<usize>) {
    let mut parts = vec![start];
    let mut end = start + 1;
    let ends_name = |at: usize| {
        let word = tokens[at].text(text);
        strip_possessive(word) != word || participle_of(word).is_some()
    };
    if ends_name(start) {
        return (end, parts);
    }
    while end < tokens.len() {
        let next = &tokens[end];
        let word_follows = |at: usize| {
            tokens
                .get(at)
                .is_some_and(|after| after.is_word() && is_name_word(after.text(text)))
        };
        if next.is_word() && is_name_word(next.text(text)) {
            parts.push(end);
            end += 1;
            if ends_name(end - 1) {
                break;
            }
        } else if (next.is_punct('&')
            || next.is_word() && Words::NameConnector.has(next.text(text)))
            && word_follows(end + 1)
            && !common_plural_opening(text, tokens, start, end)
        {
            parts.push(end);
            end += 1;
        } else if next.is_punct('.')
            && next.range.start == tokens[end - 1].range.end
            && (tokens[end - 1].text(text).chars().count() == 1
                || Words::NeverEndBeforeName.has(tokens[end - 1].text(text)))
            && word_follows(end + 1)
        {
            // "U. S. Steel", "Amy St. Eve": an initial's or a short form's stop stays inside.
            end += 1;
        } else {
            break;
        }
    }
    (end, parts)
}

/// Whether a sentence's capitalised first word is a common word there: one the lexicon knows,
/// or a participle or adverb by its ending ("Following", "Given", "Separately").
fn opens_sentence_commonly(word: &str) -> bool {
    let lower = word.to_lowercase();
    let by_ending = lower.len() > 4 && (lower.ends_with("ing") || lower.ends_with("ly"));
    let known = Words::ALL.iter().any(|family| {
        !matches!(
            family,
            Words::Outlet | Words::PlaceName | Words::LegalSuffix
        ) && family.has(&lower)
    });
    by_ending || known || lower == "given"
}

/// "Shares of Norvale", "Lawyers for Kreg": a sentence's first word, plural, before a
/// connector is a common noun, not the start of a name ("Bank of America" is singular).
fn common_plural_opening(text: &str, tokens: &[Token], start: usize, end: usize) -> bool {
    let first_word = tokens.iter().position(Token::is_word);
    let word = tokens[start].text(text);
    end == start + 1
        && first_word == Some(start)
        && word.ends_with('s')
        && !word.ends_with("ss")
        && word.chars().skip(1).all(char::is_lowercase)
}

/// "Group-owned" is "Group" and "owned"; any other word is no modifier.
fn participle_of(word: &str) -> Option<(&str, &str)> {
    let (name, participle) = word.rsplit_once(['-', '‑'])?;
    (Words::ModifierParticiple.has(participle) && !name.is_empty()).then_some((name, participle))
}

/// Finishes the run `start..end`: its suffix after a comma, its ticker, its bracketed short
/// form; pushes it (or the two names of "Amazon-OpenAI deal") and returns where reading goes on.
fn extend(
    text: &str,
    tokens: &[Token],
    start: usize,
    mut end: usize,
    parts: &mut [usize],
    sentence_start: bool,
    runs: &mut Vec<NameRun>,
) -> usize {
    // "Kreg Therapeutics, Inc.": the suffix after a comma is the name's.
    if tokens.get(end).is_some_and(|token| token.is_punct(','))
        && tokens
            .get(end + 1)
            .is_some_and(|token| token.is_word() && Words::LegalSuffix.has(token.text(text)))
    {
        end += 2;
    }
    let last_token = &tokens[end - 1];
    let last_word = last_token.text(text);
    // "Peerless’ tariff": a plural's or an s-name's possessive is a mark of its own.
    let bare_apostrophe = tokens.get(end).is_some_and(|token| {
        (token.is_punct('’') || token.is_punct('\''))
            && token.range.start == last_token.range.end
            && last_word.ends_with(['s', 'S'])
    });
    let possessive = strip_possessive(last_word) != last_word || bare_apostrophe;
    let participle = participle_of(last_word);
    let mut words: Vec<&str> = parts
        .iter()
        .map(|&at| tokens[at].text(text))
        .filter(|word| *word != ",")
        .collect();
    if end > parts.last().map_or(end, |last| last + 1) {
        words.push(tokens[end - 1].text(text));
    }
    if let Some(last) = words.last_mut() {
        *last = match participle {
            Some((name, _)) => name,
            None => strip_possessive(last),
        };
    }
    // A bare suffix ("Inc.") names nobody, nor a nationality alone ("a Dutch train owner").
    let nationality = words.len() == 1 && Words::Nationality.has(words[0]);
    let letter = words.len() == 1 && words[0].trim_end_matches('.').chars().count() == 1;
    if nationality
        || letter
        || words
            .iter()
            .all(|word| Words::LegalSuffix.has(word.trim_end_matches('.')))
    {
        return end;
    }
    let mut range_end = match participle {
        Some((name, _)) => last_token.range.start + name.len(),
        None => last_token.range.start + strip_possessive(last_word).len(),
    };
    // An abbreviated suffix keeps its stop ("Skarvik Terminal Co.").
    let suffixed = words
        .iter()
        .skip(1)
        .any(|word| Words::LegalSuffix.has(word.trim_end_matches('.')));
    let mut next = end + usize::from(bare_apostrophe);
    if suffixed && !possessive && text[range_end..].starts_with('.') {
        range_end += 1;
        if tokens.get(end).is_some_and(|token| token.is_punct('.')) {
            next += 1;
        }
    }
    let range = tokens[start].range.start..range_end;
    // The name's own tokens: its words, a suffix's stop, a bare possessive mark.
    let own_end = next;
    next = skip_ticker(text, tokens, next);
    let short_form = short_form(text, tokens, next);
    let collective = short_form
        .as_ref()
        .is_some_and(|(_, _, collective)| *collective);
    if let Some((_, after, _)) = &short_form {
        next = *after;
    }
    let quoted = tokens[start].quoted;
    // "Amazon-OpenAI deal", "the Arm-Qualcomm case": two names joined for the relation.
    if words.len() == 1 && participle.is_none() {
        if let Some(pair) = joined_pair(text, tokens, start, end) {
            for (range, word) in pair {
                runs.push(NameRun {
                    tokens: start..own_end,
                    written: word.to_owned(),
                    key: key_of([word]),
                    range,
                    suffixed: false,
                    possessive: false,
                    short_form: None,
                    collective: false,
                    modifies: None,
                    sentence_start,
                    quoted,
                });
            }
            return next;
        }
    }
    runs.push(NameRun {
        tokens: start..own_end,
        written: text[range.clone()].to_owned(),
        key: key_of(words.iter().copied()),
        range,
        suffixed,
        possessive,
        short_form: short_form.map(|(form, _, _)| form),
        collective,
        modifies: participle.map(|(_, participle)| Modifier {
            participle: participle.to_lowercase(),
        }),
        sentence_start,
        quoted,
    });
    next
}

/// "Amazon-OpenAI" before a word of a relation ("deal", "case", "talks"), and "Nippon/USS"
/// anywhere: its two names. "Cleveland-Cliffs" before any other word stays one name.
fn joined_pair<'t>(
    text: &'t str,
    tokens: &[Token],
    start: usize,
    end: usize,
) -> Option<Vec<(Range<usize>, &'t str)>> {
    let token = &tokens[start];
    let word = token.text(text);
    let relation_follows = tokens
        .get(end)
        .is_some_and(|next| next.is_word() && Words::PairNoun.has(next.text(text)));
    // "Nippon/USS": a slash joins two names whatever follows.
    let slashed = word.contains('/');
    if end != start + 1 || !(relation_follows || slashed) {
        return None;
    }
    let mut pieces = Vec::new();
    let mut offset = 0;
    let joins = |c: char| c == '/' || !slashed && (c == '-' || c == '‑');
    for part in word.split(joins) {
        let at = token.range.start + offset;
        offset += part.len()
            + word[offset + part.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        if !is_name_word(part) {
            return None;
        }
        pieces.push((at..at + part.len(), part));
    }
    (pieces.len() >= 2).then_some(pieces)
}

/// After a name, a ticker: "TWTR.N", "5401.T", or in brackets "(GFS.O)", "(Nasdaq: GFS)".
fn skip_ticker(text: &str, tokens: &[Token], at: usize) -> usize {
    let is_ticker = |token: &Token| token.is_word() && is_ticker(token.text(text));
    match tokens.get(at) {
        Some(token) if is_ticker(token) => at + 1,
        Some(token) if token.is_punct('(') => {
            let close = tokens[at..]
                .iter()
                .take(6)
                .position(|token| token.is_punct(')'))
                .map(|offset| at + offset);
            let Some(close) = close else {
                return at;
            };
            let inside = &tokens[at + 1..close];
            let exchange = inside
                .first()
                .is_some_and(|token| token.is_word() && Words::Exchange.has(token.text(text)));
            let lone_ticker = inside.len() == 1 && is_ticker(&inside[0]);
            if exchange || lone_ticker {
                close + 1
            } else {
                at
            }
        }
        _ => at,
    }
}

/// A short form in brackets at `at`: "(“Kreg”)", "(collectively “Verizon”)", "(TLA)",
/// "(IXCs)" (plural: a category). Its words, whether plural, and where reading goes on.
fn short_form(text: &str, tokens: &[Token], at: usize) -> Option<((String, bool), usize, bool)> {
    // "…, Inc., (collectively “Verizon”)": a comma may stand before the bracket.
    let at = if tokens.get(at)?.is_punct(',')
        && tokens.get(at + 1).is_some_and(|token| token.is_punct('('))
    {
        at + 1
    } else {
        at
    };
    if !tokens.get(at)?.is_punct('(') {
        return None;
    }
    let close = at
        + tokens[at..]
            .iter()
            .take(10)
            .position(|token| token.is_punct(')'))?;
    let words: Vec<&Token> = tokens[at + 1..close]
        .iter()
        .filter(|token| token.is_word())
        .collect();
    let marked = tokens[at + 1..close]
        .iter()
        .any(|token| token.kind == TokenKind::OpenQuote || token.is_punct('"'));
    // "collectively", "together", "the", "or", "hereinafter" before a defined term.
    let named: Vec<&str> = words
        .iter()
        .map(|token| token.text(text))
        .skip_while(|word| {
            matches!(
                word.to_ascii_lowercase().as_str(),
                "collectively" | "together" | "the" | "or" | "hereinafter" | "jointly"
            )
        })
        .collect();
    let form = named.join(" ");
    let acronym = named.len() == 1 && {
        let bare = form.trim_end_matches('s');
        bare.len() >= 2
            && bare.len() <= 7
            && bare
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    };
    let plural_acronym = acronym && form.ends_with('s');
    let defined = marked
        && !named.is_empty()
        && named.len() <= 4
        && named.iter().all(|word| is_name_word(word))
        && !named.iter().any(|word| Words::GenericPlural.has(word));
    let collective = words.first().is_some_and(|first| {
        matches!(
            first.text(text).to_ascii_lowercase().as_str(),
            "collectively" | "together" | "jointly"
        )
    });
    (acronym || defined).then(|| ((form, plural_acronym), close + 1, collective))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokens;

    /// The names of `text` as (written, key, and what is noted of them).
    fn names(text: &str) -> Vec<(String, String, String)> {
        name_runs(text, &tokens(text, 0..text.len()))
            .into_iter()
            .map(|run| {
                let mut notes = Vec::new();
                if run.suffixed {
                    notes.push("suffix".to_owned());
                }
                if run.possessive {
                    notes.push("possessive".to_owned());
                }
                if let Some((form, plural)) = &run.short_form {
                    notes.push(format!(
                        "short {form}{}",
                        if *plural { " plural" } else { "" }
                    ));
                }
                if let Some(modifier) = &run.modifies {
                    notes.push(format!("modifies ({})", modifier.participle));
                }
                (run.written, run.key, notes.join(", "))
            })
            .collect()
    }

    fn row(written: &str, key: &str, notes: &str) -> (String, String, String) {
        (written.to_owned(), key.to_owned(), notes.to_owned())
    }

    #[test]
    fn names_are_read_as_reports_write_them() {
        let cases: Vec<(&str, &str, Vec<(String, String, String)>)> = vec![
            (
                "a suffix after a comma, and the defined term in brackets",
                "On Monday, Kestrel Medical Supply, Inc. (“Kestrel”) sued.",
                vec![row("Kestrel Medical Supply, Inc.", "kestrel medical supply", "suffix, short Kestrel")],
            ),
            (
                "two spellings of one company's legal form have one key",
                "Later Qualcomm Inc. and Qualcomm Incorporated replied.",
                vec![
                    row("Qualcomm Inc.", "qualcomm", "suffix"),
                    row("Qualcomm Incorporated", "qualcomm", "suffix"),
                ],
            ),
            (
                "case does not change who it is",
                "Then ARM sued. Then Arm won.",
                vec![row("ARM", "arm", ""), row("Arm", "arm", "")],
            ),
            (
                "a possessive is not part of the name",
                "They signed Arm’s licence and Peerless' tariff.",
                vec![row("Arm", "arm", "possessive"), row("Peerless", "peerless", "possessive")],
            ),
            (
                "a name before -owned modifies the name after it",
                "The filing said Softbank Group-owned Arm had waited.",
                vec![
                    row("Softbank Group", "softbank group", "modifies (owned)"),
                    row("Arm", "arm", ""),
                ],
            ),
            (
                "a ticker after a name is dropped",
                "On Friday, shares of Norvale Grid Inc NVG.N fell, and GlobalFoundries (GFS.O) rose.",
                vec![
                    row("Norvale Grid Inc", "norvale grid", "suffix"),
                    row("GlobalFoundries", "globalfoundries", ""),
                ],
            ),
            (
                "an exchange and ticker in brackets are dropped, not a short form",
                "Nippon Steel (TSE: 5401) agreed.",
                vec![row("Nippon Steel", "nippon steel", "")],
            ),
            (
                "an acronym in brackets is a short form; a plural one a category",
                "Under the Technology License Agreement (TLA), Interexchange Carriers (IXCs) pay.",
                vec![
                    row("Technology License Agreement", "technology license agreement", "short TLA"),
                    row("Interexchange Carriers", "interexchange carriers", "short IXCs plural"),
                ],
            ),
            (
                "initials written apart join",
                "They bought into U. S. Steel and U.S. Steel.",
                vec![row("U. S. Steel", "u.s. steel", ""), row("U.S. Steel", "u.s. steel", "")],
            ),
            (
                "two names joined before a relation are two; a hyphenated name is one",
                "The Amazon-OpenAI deal worried Cleveland-Cliffs shareholders.",
                vec![
                    row("Amazon", "amazon", ""),
                    row("OpenAI", "openai", ""),
                    row("Cleveland-Cliffs", "cleveland-cliffs", ""),
                ],
            ),
            (
                "a bare suffix names nobody; words that never name are left out",
                "Inc. However, the Port of Brenna sued on Wednesday in March.",
                vec![row("Port of Brenna", "port of brenna", "")],
            ),
        ];
        for (name, text, expected) in cases {
            assert_eq!(names(text), expected, "{name}");
        }
    }
}
