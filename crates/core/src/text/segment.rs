//! An article cut into blocks (its lines: headline, standfirst, bullets, headings, paragraphs)
//! and sentences, each a byte range of the text. Section headings, labels, bylines and
//! datelines are found so that they are not mistaken for claims.

use super::dates::is_month;
use super::lexicon::{Words, MONTHS};
use super::tokens::{is_capitalised, tokens, Token, TokenKind};
use std::ops::Range;

/// What a line of an article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// "Breaking", "Analysis", a date line, a photo credit: no claim.
    Label,
    /// "By Jane Doe", "(Reporting by …; Editing by …)": no claim.
    Byline,
    /// "OSLO, March 4 (Nordwire) -" at the start of a paragraph: no claim.
    Dateline,
    /// The first line, unpunctuated: the outlet's own framing.
    Headline,
    /// Unpunctuated lines between the headline and the body: sub-headline, standfirst.
    Standfirst,
    /// A short unpunctuated line (or a short question) once the body has begun: no claim.
    Heading,
    /// A short line that ends with a colon ("The company said:"): introduces what follows.
    LeadIn,
    /// A longer line that ends with a colon ("According to Sorvik, the agreement included:"):
    /// a claim of its own, and introduces what follows.
    Intro,
    /// A summary bullet or a list item; the range leaves its marker out.
    Bullet,
    /// "— Priya Raman, CEO, Corvane" under a pull quotation: who said it, no claim.
    Credit,
    /// A paragraph of the body.
    Body,
}

impl BlockKind {
    /// Whether statements can come from it.
    pub fn carries_claims(self) -> bool {
        matches!(
            self,
            BlockKind::Headline
                | BlockKind::Standfirst
                | BlockKind::Bullet
                | BlockKind::Body
                | BlockKind::Intro
        )
    }

    /// Whether the outlet frames it in its own voice whatever its words (headline and
    /// standfirst).
    pub fn is_display(self) -> bool {
        matches!(self, BlockKind::Headline | BlockKind::Standfirst)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Label => "label",
            BlockKind::Byline => "byline",
            BlockKind::Dateline => "dateline",
            BlockKind::Headline => "headline",
            BlockKind::Standfirst => "standfirst",
            BlockKind::Heading => "heading",
            BlockKind::LeadIn => "lead-in",
            BlockKind::Intro => "intro",
            BlockKind::Bullet => "bullet",
            BlockKind::Credit => "credit",
            BlockKind::Body => "body",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub range: Range<usize>,
}

/// One sentence, and the block it stands in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    pub block: usize,
    /// The quotation it lies wholly inside (an index into the reading's quotations), if any.
    pub quotation: Option<usize>,
}

/// An article's blocks and the sentences of those that can carry claims.
#[derive(Clone, Debug, Default)]
pub struct Segmented {
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
}

/// The blocks and sentences of `text`.
pub fn segment(text: &str) -> Segmented {
    let mut segmented = Segmented::default();
    for block in blocks(text) {
        let index = segmented.blocks.len();
        if block.kind.carries_claims() {
            for range in sentences(text, block.range.clone()) {
                segmented.sentences.push(Sentence {
                    range,
                    block: index,
                    quotation: None,
                });
            }
        }
        segmented.blocks.push(block);
    }
    segmented
}

/// Whether a sentence of the body asks rather than tells ("Are the two sides talking?"): it
/// claims nothing. A headline may ask and still frame the story.
pub fn asks(text: &str, sentence: &Range<usize>, block: BlockKind) -> bool {
    let sentence = text[sentence.clone()].trim_end();
    block == BlockKind::Body && sentence.ends_with('?') && !sentence.starts_with(['“', '"'])
}

/// The non-empty lines of `text`, trimmed.
fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let line_start = start;
        start += line.len();
        let trimmed_start = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        (!trimmed.is_empty())
            .then(|| line_start + trimmed_start..line_start + trimmed_start + trimmed.len())
    })
}

/// Every line of `text` as a block, with its kind. Where a paragraph opens with a dateline,
/// the dateline is a block of its own before it.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut seen_headline = false;
    let mut seen_body = false;
    for line in lines(text) {
        let content = &text[line.clone()];
        let words = content.split_whitespace().count();
        if is_label(content) || is_furniture(content) {
            blocks.push(Block {
                kind: BlockKind::Label,
                range: line,
            });
            continue;
        }
        if is_byline(content) {
            blocks.push(Block {
                kind: BlockKind::Byline,
                range: line,
            });
            continue;
        }
        if let Some(marker) = bullet_marker(content) {
            seen_headline = true;
            seen_body = true;
            let start = line.start + marker;
            let after_quotation = blocks
                .last()
                .is_some_and(|block: &Block| is_quotation(&text[block.range.clone()]));
            let kind = if after_quotation && is_credit(&text[start..line.end]) {
                BlockKind::Credit
            } else {
                BlockKind::Bullet
            };
            blocks.push(Block {
                kind,
                range: start..line.end,
            });
            continue;
        }
        let ending = last_visible(content);
        let punctuated = matches!(ending, Some('.' | '!' | '?' | '…'));
        if ending == Some(':') && words <= 20 && seen_headline {
            seen_body = true;
            blocks.push(Block {
                kind: if words <= 5 {
                    BlockKind::LeadIn
                } else {
                    BlockKind::Intro
                },
                range: line,
            });
            continue;
        }
        let kind = if !seen_headline {
            // The first line is the headline, unless it is a full sentence of the body (wire
            // copy often starts straight in): a question or an exclamation still heads.
            if !punctuated || (ending != Some('.') && words <= 20) {
                BlockKind::Headline
            } else {
                BlockKind::Body
            }
        } else if !punctuated && !seen_body {
            BlockKind::Standfirst
        } else if !punctuated && words <= 20 {
            BlockKind::Heading
        } else if seen_body && ending == Some('?') && words <= 12 && single_sentence(content) {
            BlockKind::Heading
        } else {
            BlockKind::Body
        };
        seen_headline = true;
        if kind == BlockKind::Body {
            seen_body = true;
            if let Some(length) = dateline_length(content) {
                blocks.push(Block {
                    kind: BlockKind::Dateline,
                    range: line.start..line.start + length,
                });
                let rest = &text[line.start + length..line.end];
                let start = line.start + length + (rest.len() - rest.trim_start().len());
                if start < line.end {
                    blocks.push(Block {
                        kind: BlockKind::Body,
                        range: start..line.end,
                    });
                }
                continue;
            }
        }
        blocks.push(Block { kind, range: line });
    }
    blocks
}

/// A paragraph that is one quotation and nothing else: a pull quote.
fn is_quotation(paragraph: &str) -> bool {
    let opens = paragraph.starts_with(['“', '"', '«']);
    let closes = paragraph.ends_with(['”', '"', '»']);
    opens
        && closes
        && paragraph
            .chars()
            .filter(|c| matches!(c, '“' | '"' | '«'))
            .count()
            <= 2
}

/// "Priya Raman, CEO, Corvane Data Systems": a name and what they are, in a few words, with no
/// sentence of their own.
fn is_credit(line: &str) -> bool {
    let words = line.split_whitespace().count();
    line.contains(',')
        && words <= 12
        && line.starts_with(|c: char| c.is_uppercase())
        && !matches!(last_visible(line), Some('.' | '!' | '?'))
}

/// The last character that is not a closing mark or bracket.
fn last_visible(line: &str) -> Option<char> {
    line.chars()
        .rev()
        .find(|character| !matches!(character, '”' | '"' | '’' | '\'' | ')' | ']' | '»'))
}

fn single_sentence(line: &str) -> bool {
    sentences(line, 0..line.len()).len() == 1
}

fn is_label(line: &str) -> bool {
    let bare = line.trim_end_matches([':', '|', '•']).trim();
    if Words::Label.has(bare) {
        return true;
    }
    let lower = line.to_ascii_lowercase();
    let credit = [
        "photo:",
        "image:",
        "credit:",
        "photograph:",
        "illustration:",
        "©",
    ]
    .iter()
    .any(|opening| lower.starts_with(opening))
        || lower.contains("getty images")
        || lower.contains("all rights reserved");
    credit || is_date_line(line)
}

/// A line that is only a date or a time ("Dec. 3, 2026 5:04 PM ET", "Updated 10:15 a.m.").
fn is_date_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 10 {
        return false;
    }
    let mut dated = false;
    for word in &words {
        let word = word.trim_matches(|c: char| matches!(c, ',' | '.' | '|' | '(' | ')'));
        let month = MONTHS
            .iter()
            .any(|(name, _)| word.len() >= 3 && name.starts_with(&word.to_ascii_lowercase()));
        let numeric = word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '/' | '-'));
        let filler = word.is_empty()
            || Words::TimestampWord.has(word)
            || crate::text::lexicon::weekday_number(word).is_some();
        if month || (numeric && !word.is_empty()) {
            dated = true;
        } else if !filler {
            return false;
        }
    }
    dated
}

/// The furniture around a law firm's alert or a newsletter item, which claims nothing: a
/// "Client Alert | Litigation | November 2, 2026" line, "From Distribution Law Weekly, October
/// 30, 2026", "… is published by …", a disclaimer, the firm's name on a line of its own.
fn is_furniture(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let lower = line.to_lowercase();
    let dated = words.iter().any(|word| {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        is_month(bare).is_some() || bare.len() == 4 && bare.chars().all(|c| c.is_ascii_digit())
    });
    let columns = line.matches(" | ").count() >= 1 && dated && words.len() <= 16;
    let credited = words.first() == Some(&"From") && dated && words.len() <= 10;
    let furniture = Words::FurniturePhrase
        .list()
        .iter()
        .any(|phrase| lower.contains(phrase))
        && words.len() <= 24;
    let firm = (2..=6).contains(&words.len())
        && words
            .iter()
            .all(|word| is_capitalised(word) || *word == "&")
        && words
            .last()
            .is_some_and(|last| Words::LegalSuffix.has(last.trim_end_matches('.')))
        && !matches!(last_visible(line), Some('!' | '?'));
    columns || credited || furniture || firm
}

fn is_byline(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    let lower = lower.trim_start_matches('(');
    if Words::FooterOpening
        .list()
        .iter()
        .any(|opening| lower.starts_with(opening))
    {
        return true;
    }
    // "By Jane Doe", "By Jane Doe and John Roe, Nordwire": a short line of names.
    let words: Vec<&str> = line.split_whitespace().collect();
    // A credential's stops end no sentence: "By Renata Szabo, J.D.", "By Lee Park Jr.".
    let credential = words.last().is_some_and(|last| {
        last.trim_end_matches('.').contains('.')
            || matches!(*last, "Jr." | "Sr." | "Esq." | "Ph.D.")
    });
    words.len() >= 2
        && words.len() <= 12
        && words[0] == "By"
        && is_capitalised(words[1])
        && (credential || !matches!(last_visible(line), Some('.' | '!' | '?')))
}

/// The length of a bullet's marker and the space after it.
fn bullet_marker(line: &str) -> Option<usize> {
    for marker in Words::BulletMarker.list() {
        if let Some(rest) = line.strip_prefix(marker) {
            if rest.starts_with(' ') || rest.starts_with('\t') {
                let content = rest.trim_start();
                return (!content.is_empty()).then(|| line.len() - content.len());
            }
        }
    }
    // "1. " or "2) ": a numbered item.
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &line[digits..];
        if let Some(after) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            let content = after.trim_start();
            if content.starts_with(|c: char| c.is_uppercase() || c == '“' || c == '"') {
                return Some(line.len() - content.len());
            }
        }
    }
    None
}

/// The length of a dateline opening a paragraph: "OSLO, March 4 (Nordwire) - ", "LONDON — ",
/// "(Nordwire) - ", including the space after its dash.
fn dateline_length(paragraph: &str) -> Option<usize> {
    let head: &str = {
        let limit = paragraph
            .char_indices()
            .nth(80)
            .map_or(paragraph.len(), |(index, _)| index);
        &paragraph[..limit]
    };
    // The dash: spaced, so "AI-driven" is no dateline; after an outlet's bracket, a wire's
    // dash may touch the sentence ("(Nordwire) -The board met").
    let spaced = [" - ", " — ", " – ", " -- "]
        .iter()
        .filter_map(|dash| head.find(dash).map(|at| (at, dash.len())));
    let touching = [") -", ") —", ") –"].iter().filter_map(|dash| {
        let at = head.find(dash)?;
        let after = &head[at + dash.len()..];
        after
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
            .then_some((at + 1, dash.len() - 1))
    });
    let dash = spaced.chain(touching).min()?;
    let before = &head[..dash.0];
    let mut capitals = 0;
    let mut outlet = false;
    let mut rest = before.trim();
    if let Some(open) = rest.find('(') {
        if rest.ends_with(')')
            && rest[open + 1..rest.len() - 1]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            outlet = true;
            rest = rest[..open].trim();
        } else {
            return None;
        }
    }
    // The place, in capitals, then an optional date.
    let (place, date) = match rest.split_once(',') {
        Some((place, date)) => (place, date.trim()),
        None => (rest, ""),
    };
    for word in place.split_whitespace() {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if word.chars().any(char::is_lowercase) || letters == 0 {
            return None;
        }
        capitals += letters;
    }
    let dated = !date.is_empty();
    if dated {
        // "March 4", "4 March", "Dec. 3", "Wash." (a state) all qualify: short, no verb.
        if date.split_whitespace().count() > 3 {
            return None;
        }
    }
    let placed = capitals >= 4 || (capitals >= 2 && (dated || outlet));
    if !(placed || (rest.is_empty() && outlet)) {
        return None;
    }
    Some(dash.0 + dash.1)
}

/// The sentences of `range`, trimmed. A quotation keeps its sentences together (a quote of
/// two sentences is one claim with its cue), unless a quotation mark is left open, when the
/// marks are ignored.
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let tokens = tokens(text, range.clone());
    let balanced = quotations_balanced(&tokens);
    let mut sentences = Vec::new();
    let mut start = range.start;
    for (index, token) in tokens.iter().enumerate() {
        let Some(end) = sentence_end(text, &tokens, index, balanced) else {
            continue;
        };
        let _ = token;
        if end > start && text[start..end].trim().len() > 0 {
            sentences.push(trimmed(text, start..end));
        }
        start = end;
    }
    if text[start..range.end].trim().len() > 0 {
        sentences.push(trimmed(text, start..range.end));
    }
    sentences
}

fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    start..start + slice.trim().len()
}

/// Whether every opening mark of a quotation is closed.
fn quotations_balanced(tokens: &[Token]) -> bool {
    let mut open = false;
    for token in tokens {
        match token.kind {
            TokenKind::OpenQuote => open = true,
            TokenKind::CloseQuote => open = false,
            _ => {}
        }
    }
    !open
}

/// Where a sentence ends if it ends at token `index`: after the terminal mark and any closing
/// marks and brackets that follow it.
fn sentence_end(text: &str, tokens: &[Token], index: usize, balanced: bool) -> Option<usize> {
    let token = &tokens[index];
    let terminal = match token.kind {
        TokenKind::Punct('.' | '!' | '?' | '…') => true,
        // "U.S." keeps its stop inside the word.
        TokenKind::Word => token.text(text).ends_with('.'),
        _ => false,
    };
    // Inside a quotation only its last mark can end a sentence (“We will sue.” The firm…).
    let closes_quotation = tokens
        .get(index + 1)
        .is_some_and(|next| next.kind == TokenKind::CloseQuote);
    if !terminal || (balanced && token.quoted && !closes_quotation) {
        return None;
    }
    // Closing marks and brackets belong to the sentence they close.
    let mut last = index;
    while let Some(next) = tokens.get(last + 1) {
        let closes = match next.kind {
            TokenKind::CloseQuote => true,
            TokenKind::Punct(')' | ']' | '’' | '\'' | '»') => true,
            TokenKind::Punct('.' | '!' | '?' | '…') => true,
            _ => false,
        };
        if !closes || next.range.start != tokens[last].range.end {
            break;
        }
        last += 1;
    }
    let end = tokens[last].range.end;
    let next = tokens.get(last + 1)?;
    if next.range.start == end {
        return None;
    }
    let next_text = next.text(text);
    let starts = match next.kind {
        TokenKind::OpenQuote => true,
        TokenKind::Punct('(' | '[' | '‘' | '\'' | '—' | '–') => true,
        TokenKind::Word => {
            next_text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '$')
        }
        _ => false,
    };
    if !starts {
        return None;
    }
    let mark = token.text(text);
    if mark == "." || token.is_word() {
        // The word the stop follows: an abbreviation may or may not end the sentence.
        let word = if token.is_word() {
            Some(mark.trim_end_matches('.'))
        } else {
            index
                .checked_sub(1)
                .map(|before| &tokens[before])
                .filter(|before| before.is_word() && before.range.end == token.range.start)
                .map(|before| before.text(text))
        };
        if let Some(word) = word {
            let number_follows = next_text.starts_with(|c: char| c.is_ascii_digit());
            if Words::NeverEndBeforeName.has(word)
                || (word.chars().count() == 1 && is_capitalised(word))
                || (number_follows && Words::BeforeANumber.list().contains(&word))
            {
                return None;
            }
            let abbreviation =
                Words::MayEndAbbreviation.has(word) || (token.is_word() && mark.contains('.'));
            let next_starts_sentence =
                next.kind == TokenKind::OpenQuote || Words::SentenceStarter.has(next_text);
            if abbreviation && !next_starts_sentence {
                return None;
            }
        } else if token.is_word() {
            return None;
        }
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, 0..text.len())
            .into_iter()
            .map(|range| &text[range])
            .collect()
    }

    #[test]
    fn sentences_end_where_a_reader_ends_them() {
        let cases: [(&str, &str, &[&str]); 14] = [
            ("plain", "One. Two.", &["One.", "Two."]),
            (
                "title before a name",
                "Mr. Brandt said no. Dr. Osei agreed.",
                &["Mr. Brandt said no.", "Dr. Osei agreed."],
            ),
            (
                "initialism inside",
                "The U.S. market fell. Then it rose.",
                &["The U.S. market fell.", "Then it rose."],
            ),
            (
                "initialism at the end",
                "It sells in the U.S. The rest is exported.",
                &["It sells in the U.S.", "The rest is exported."],
            ),
            (
                "company suffix",
                "Halvard Inc. said it would appeal.",
                &["Halvard Inc. said it would appeal."],
            ),
            (
                "company suffix at the end",
                "It sued Halvard Inc. The case is pending.",
                &["It sued Halvard Inc.", "The case is pending."],
            ),
            (
                "number sign",
                "It is Pier No. 5 that flooded. Nobody was hurt.",
                &["It is Pier No. 5 that flooded.", "Nobody was hurt."],
            ),
            (
                "month abbreviation",
                "It closed on Sept. 30 after a vote. Shares rose.",
                &["It closed on Sept. 30 after a vote.", "Shares rose."],
            ),
            (
                "decimals",
                "It paid $1.2 billion, or 3.5% more. Analysts cheered.",
                &["It paid $1.2 billion, or 3.5% more.", "Analysts cheered."],
            ),
            (
                "end inside a closing mark",
                "He said, “We will sue.” The firm declined.",
                &["He said, “We will sue.”", "The firm declined."],
            ),
            (
                "a quotation of two sentences stays whole",
                "A source told us, “We know it. We will sue.” Talks go on.",
                &[
                    "A source told us, “We know it. We will sue.”",
                    "Talks go on.",
                ],
            ),
            (
                "a question inside a quotation before its cue",
                "“Why now?” she asked. Nobody knew.",
                &["“Why now?” she asked.", "Nobody knew."],
            ),
            (
                "an initial in a name",
                "John Q. Adams spoke. He left.",
                &["John Q. Adams spoke.", "He left."],
            ),
            (
                "a quotation mark that never closes",
                "He said “we will sue. Then he left. Talks go on.",
                &["He said “we will sue.", "Then he left.", "Talks go on."],
            ),
        ];
        for (name, text, expected) in cases {
            assert_eq!(split(text), expected, "{name}");
        }
    }

    fn kinds(text: &str) -> Vec<(BlockKind, &str)> {
        blocks(text)
            .into_iter()
            .map(|block| (block.kind, &text[block.range]))
            .collect()
    }

    #[test]
    fn lines_are_told_apart() {
        let text = "Breaking\nHarbor board weighs suit over crane deal\nThe port says the contract was broken, and the builder disagrees\nBy Ana Ruiz and Tom Berg\nDec. 3, 2026\n- The board may sue.\n• Talks continue.\nOSLO, March 4 (Nordwire) - The board met on Monday.\nWhat comes next\nIt will vote in May.\nWhat happens now?\nThe builder said:\n“We delivered.”\n(Reporting by Ana Ruiz; Editing by Tom Berg)\n";
        assert_eq!(
            kinds(text),
            vec![
                (BlockKind::Label, "Breaking"),
                (
                    BlockKind::Headline,
                    "Harbor board weighs suit over crane deal"
                ),
                (
                    BlockKind::Standfirst,
                    "The port says the contract was broken, and the builder disagrees"
                ),
                (BlockKind::Byline, "By Ana Ruiz and Tom Berg"),
                (BlockKind::Label, "Dec. 3, 2026"),
                (BlockKind::Bullet, "The board may sue."),
                (BlockKind::Bullet, "Talks continue."),
                (BlockKind::Dateline, "OSLO, March 4 (Nordwire) - "),
                (BlockKind::Body, "The board met on Monday."),
                (BlockKind::Heading, "What comes next"),
                (BlockKind::Body, "It will vote in May."),
                (BlockKind::Heading, "What happens now?"),
                (BlockKind::LeadIn, "The builder said:"),
                (BlockKind::Body, "“We delivered.”"),
                (
                    BlockKind::Byline,
                    "(Reporting by Ana Ruiz; Editing by Tom Berg)"
                ),
            ]
        );
    }

    #[test]
    fn datelines_are_only_datelines() {
        let cases: [(&str, &str, Option<&str>); 8] = [
            (
                "a wire's dash touching the sentence",
                "OSLO, March 4 (Nordwire) -The board met.",
                Some("OSLO, March 4 (Nordwire) -"),
            ),
            (
                "a bracket and a hyphenated word",
                "(Nordwire) -based firms met.",
                None,
            ),
            (
                "wire",
                "OSLO, March 4 (Nordwire) - The board met.",
                Some("OSLO, March 4 (Nordwire) - "),
            ),
            (
                "place and dash",
                "SAN FRANCISCO — The board met.",
                Some("SAN FRANCISCO — "),
            ),
            (
                "outlet only",
                "(Nordwire) - The board met.",
                Some("(Nordwire) - "),
            ),
            ("a sentence with a dash", "The board met — again.", None),
            ("an acronym", "AI - the new frontier - is here.", None),
            (
                "a state",
                "SEATTLE, Wash. — The board met.",
                Some("SEATTLE, Wash. — "),
            ),
        ];
        for (name, text, expected) in cases {
            assert_eq!(
                dateline_length(text).map(|length| &text[..length]),
                expected,
                "{name}"
            );
        }
    }

    #[test]
    fn a_first_line_that_is_a_full_sentence_is_body() {
        let text = "Halvard said on Tuesday it would appeal the ruling.\nThe ruling came late.";
        assert_eq!(kinds(text)[0].0, BlockKind::Body);
    }
}
