//! Words, punctuation and quotation marks as byte ranges into the article: the engine never
//! copies the text it reads, so every suggestion stays a span of it.

use std::ops::Range;

/// One token of a span of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub kind: TokenKind,
    /// Whether the token stands inside a double quotation (the marks themselves are not).
    pub quoted: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with the apostrophes, hyphens and inner full stops a word can hold
    /// ("Microsoft’s", "long‑standing", "U.S.", "1.2").
    Word,
    /// Any other visible character that is not a double quotation mark.
    Punct(char),
    OpenQuote,
    CloseQuote,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range.clone()]
    }

    /// The word without a possessive ending ("Microsoft’s" is "Microsoft").
    pub fn stem<'a>(&self, text: &'a str) -> &'a str {
        strip_possessive(self.text(text))
    }

    pub fn is_punct(&self, wanted: char) -> bool {
        self.kind == TokenKind::Punct(wanted)
    }
}

/// A word without its possessive ending.
pub fn strip_possessive(word: &str) -> &str {
    for ending in ["’s", "'s", "’", "'"] {
        if let Some(stem) = word.strip_suffix(ending) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    word
}

/// Characters that join the letters of one word.
fn joins_word(character: char) -> bool {
    matches!(
        character,
        '\'' | '’' | '-' | '‑' | '‐' | '.' | ',' | '&' | '/' | '%'
    )
}

fn is_word_character(character: char) -> bool {
    character.is_alphanumeric() || character == '$' || character == '€' || character == '£'
}

/// The two kinds of quotation mark: double (“…”, "…", «…») and single (‘…’, British style).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Double,
    Single,
}

/// Whether a straight mark at `position` opens a quotation: after a space, at the start, or
/// after an opening bracket or dash, as a reader takes it.
fn straight_opens(text: &str, position: usize) -> bool {
    let before = text[..position].chars().next_back();
    before.is_none_or(|before| {
        before.is_whitespace() || matches!(before, '(' | '[' | '—' | '–' | '-' | '‘' | '“')
    })
}

/// What a quotation mark does here, when the character is one: which kind, and whether it
/// opens. `open` is the kind of quotation open at this point, if any: "’" closes a single
/// quotation only when one is open (otherwise it is an apostrophe, "the companies’ deal").
fn quote_role(
    text: &str,
    position: usize,
    character: char,
    open: Option<Mark>,
) -> Option<(Mark, bool)> {
    let after = text[position + character.len_utf8()..].chars().next();
    match character {
        '“' | '„' | '«' => Some((Mark::Double, true)),
        '”' | '»' => Some((Mark::Double, false)),
        '"' => Some((Mark::Double, straight_opens(text, position))),
        '‘' => Some((Mark::Single, true)),
        // In a single quotation, "’" closes it, except a plural's possessive: after an "s",
        // with a word in lowercase to follow ("the companies’ deal").
        '’' => {
            let before = text[..position].chars().next_back();
            let possessive = before == Some('s')
                && text[position + character.len_utf8()..]
                    .strip_prefix(' ')
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(char::is_lowercase);
            (open == Some(Mark::Single) && !possessive).then_some((Mark::Single, false))
        }
        '\'' if open == Some(Mark::Single) => Some((Mark::Single, false)),
        '\'' if straight_opens(text, position) && after.is_some_and(char::is_alphanumeric) => {
            Some((Mark::Single, true))
        }
        _ => None,
    }
}

/// The tokens of `range` in `text`, with which stand inside quotation marks (double, or single
/// where no double quotation is open). A quotation left open at the end of the range is closed
/// there.
pub fn tokens(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut tokens = Vec::new();
    let span = &text[range.clone()];
    let mut open: Option<Mark> = None;
    let mut characters = span.char_indices().peekable();
    while let Some((offset, character)) = characters.next() {
        let start = range.start + offset;
        if character.is_whitespace() {
            continue;
        }
        if let Some((mark, opens)) = quote_role(text, start, character, open) {
            let kind = if opens && open.is_none() {
                open = Some(mark);
                TokenKind::OpenQuote
            } else if !opens && open == Some(mark) {
                open = None;
                TokenKind::CloseQuote
            } else {
                // A second opening mark inside a quotation (nested or unbalanced), or a closing
                // one with nothing open (a quotation carried over from the paragraph before):
                // neither changes what is quoted here.
                TokenKind::Punct(character)
            };
            tokens.push(Token {
                range: start..start + character.len_utf8(),
                kind,
                quoted: false,
            });
            continue;
        }
        if is_word_character(character) {
            let mut end = start + character.len_utf8();
            while let Some(&(next_offset, next)) = characters.peek() {
                let next_start = range.start + next_offset;
                if is_word_character(next) {
                    end = next_start + next.len_utf8();
                    characters.next();
                } else if joins_word(next) {
                    // Joins only when a word character follows: "U.S." keeps its last stop,
                    // "Azure," does not keep its comma.
                    let after = text[next_start + next.len_utf8()..range.end].chars().next();
                    let abbreviation_stop = next == '.'
                        && is_initialism(&text[start..next_start])
                        && after.is_none_or(|after| !after.is_alphanumeric());
                    if after.is_some_and(is_word_character) && next != ',' {
                        end = next_start + next.len_utf8();
                        characters.next();
                    } else if next == ','
                        && after.is_some_and(|after| after.is_ascii_digit())
                        && text[start..next_start]
                            .chars()
                            .next_back()
                            .is_some_and(|c| c.is_ascii_digit())
                    {
                        // "1,300": a thousands separator.
                        end = next_start + 1;
                        characters.next();
                    } else if abbreviation_stop || (next == '%') {
                        end = next_start + next.len_utf8();
                        characters.next();
                        if next == '%' {
                            break;
                        }
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            tokens.push(Token {
                range: start..end,
                kind: TokenKind::Word,
                quoted: open.is_some(),
            });
            continue;
        }
        tokens.push(Token {
            range: start..start + character.len_utf8(),
            kind: TokenKind::Punct(character),
            quoted: open.is_some(),
        });
    }
    tokens
}

/// "U.S", "U.K", "a.m", "e.g": letters separated by full stops, one letter each.
fn is_initialism(word: &str) -> bool {
    let mut letters = 0;
    let mut expect_letter = true;
    for character in word.chars() {
        if expect_letter {
            if !character.is_alphabetic() {
                return false;
            }
            letters += 1;
            expect_letter = false;
        } else if character == '.' {
            expect_letter = true;
        } else {
            return false;
        }
    }
    letters >= 2
}

/// Whether `word` equals one of `table`, ignoring ASCII case.
pub fn is_one_of(word: &str, table: &[&str]) -> bool {
    table.iter().any(|entry| entry.eq_ignore_ascii_case(word))
}

/// Whether the word starts with a capital letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text, 0..text.len())
            .iter()
            .filter(|token| token.is_word())
            .map(|token| token.text(text))
            .collect()
    }

    #[test]
    fn words_keep_what_belongs_to_them() {
        let cases: [(&str, &str, &[&str]); 7] = [
            ("possessive", "Microsoft’s deal", &["Microsoft’s", "deal"]),
            ("hyphens", "long‑standing pact", &["long‑standing", "pact"]),
            ("initialism", "the U.S. market", &["the", "U.S.", "market"]),
            ("decimal", "$1.2 billion", &["$1.2", "billion"]),
            ("thousands", "1,300 words", &["1,300", "words"]),
            ("percent", "rose 3.5% today", &["rose", "3.5%", "today"]),
            ("comma", "Azure, which", &["Azure", "which"]),
        ];
        for (name, text, expected) in cases {
            assert_eq!(words(text), expected, "{name}");
        }
    }

    #[test]
    fn quotation_marks_open_and_close() {
        let text = "He said “we know,” and \"we will\" sue.";
        let tokens = tokens(text, 0..text.len());
        let quoted: Vec<&str> = tokens
            .iter()
            .filter(|token| token.quoted && token.is_word())
            .map(|token| token.text(text))
            .collect();
        assert_eq!(quoted, ["we", "know", "we", "will"]);
    }

    #[test]
    fn single_quotation_marks_quote_where_apostrophes_do_not() {
        let text = "‘The companies’ deal is off,’ Dahl’s aide said, and 'we agree' too.";
        let tokens = tokens(text, 0..text.len());
        let quoted: Vec<&str> = tokens
            .iter()
            .filter(|token| token.quoted && token.is_word())
            .map(|token| token.text(text))
            .collect();
        assert_eq!(
            quoted,
            ["The", "companies", "deal", "is", "off", "we", "agree"]
        );
    }

    #[test]
    fn an_unclosed_quotation_does_not_swallow_what_precedes_it() {
        let text = "He said “we know it";
        let tokens = tokens(text, 0..text.len());
        assert!(!tokens[0].quoted);
        assert!(tokens.last().unwrap().quoted);
    }
}
