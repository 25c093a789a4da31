//! Quotations as news writes them: a quotation may run over several sentences and paragraphs
//! (a paragraph that opens a quotation and leaves it open goes on into the next paragraph when
//! that one opens with a quotation mark, the convention for a long statement), and a paragraph
//! introduced by "said in a statement:" or "issued the following statement:" is the speaker's
//! words even without marks. Every sentence inside one is its speaker's, never the outlet's.

use super::lexicon::Words;
use super::segment::{Block, BlockKind};
use super::tokens::{Token, TokenKind};
use std::ops::Range;

/// How a quotation is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuotationKind {
    /// Between quotation marks, over one or more paragraphs.
    Marked,
    /// An unmarked paragraph that a line ending with a colon gives as someone's words.
    Block,
}

/// One quotation of an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotation {
    pub kind: QuotationKind,
    /// From its opening mark to its closing mark (or the end of the paragraph it is left open
    /// in); for a block quotation, its paragraph.
    pub range: Range<usize>,
    /// The blocks it spans (indexes into the reading's blocks).
    pub blocks: Range<usize>,
    /// The words that introduce it ("Arm said in a statement:"): for a block quotation, and
    /// for a marked one that opens the paragraph after such a line.
    pub introducer: Option<Range<usize>>,
}

impl Quotation {
    /// Whether `range` lies wholly inside the quotation (its marks aside).
    pub fn holds(&self, range: &Range<usize>) -> bool {
        self.range.start <= range.start && range.end <= self.range.end
    }
}

/// Whether a block carries quotations a reader follows from one paragraph to the next.
fn carries_speech(kind: BlockKind) -> bool {
    matches!(kind, BlockKind::Body | BlockKind::Intro | BlockKind::Bullet)
}

/// The quotations of an article, from its blocks and each block's tokens.
pub fn quotations(text: &str, blocks: &[Block], tokens: &[Vec<Token>]) -> Vec<Quotation> {
    let mut found = Vec::new();
    let mut index = 0;
    while index < blocks.len() {
        let introduced = introduces_speech(text, blocks, tokens, index);
        let mut next = index + 1;
        let marks = if carries_speech(blocks[index].kind) {
            marked_in(&tokens[index])
        } else {
            Vec::new()
        };
        for marked in marks {
            let (range, end_block) = if marked.closed {
                (marked.range, index)
            } else {
                continued(blocks, tokens, index, marked.range)
            };
            next = next.max(end_block + 1);
            found.push(Quotation {
                kind: QuotationKind::Marked,
                range,
                blocks: index..end_block + 1,
                introducer: None,
            });
        }
        // "Arm said in a statement:" and then a paragraph: the paragraph is Arm's.
        if let Some((following, introducer)) = introduced {
            let opens_with_mark = tokens[following]
                .first()
                .is_some_and(|token| token.kind == TokenKind::OpenQuote);
            if opens_with_mark {
                if let Some(quotation) = found
                    .iter_mut()
                    .rev()
                    .find(|quotation| quotation.blocks.start == following)
                {
                    quotation.introducer = Some(introducer);
                }
            } else {
                found.push(Quotation {
                    kind: QuotationKind::Block,
                    range: blocks[following].range.clone(),
                    blocks: following..following + 1,
                    introducer: Some(introducer),
                });
            }
        }
        index = next;
    }
    found.sort_by_key(|quotation| quotation.range.start);
    found
}

/// A quotation opened in one block: where it is, and whether the block closes it.
struct Marked {
    range: Range<usize>,
    closed: bool,
}

/// The quotations a block's tokens open, each with its closing mark or the block's end.
fn marked_in(tokens: &[Token]) -> Vec<Marked> {
    let mut marked = Vec::new();
    let mut open: Option<usize> = None;
    for token in tokens {
        match token.kind {
            TokenKind::OpenQuote => open = Some(token.range.start),
            TokenKind::CloseQuote => {
                if let Some(start) = open.take() {
                    marked.push(Marked {
                        range: start..token.range.end,
                        closed: true,
                    });
                }
            }
            _ => {}
        }
    }
    if let (Some(start), Some(last)) = (open, tokens.last()) {
        marked.push(Marked {
            range: start..last.range.end,
            closed: false,
        });
    }
    marked
}

/// A quotation left open at the end of block `index`: it goes on through each following
/// paragraph that opens with a quotation mark, to that paragraph's close (or on again).
fn continued(
    blocks: &[Block],
    tokens: &[Vec<Token>],
    index: usize,
    opened: Range<usize>,
) -> (Range<usize>, usize) {
    let mut end = opened.end;
    let mut block = index;
    while let Some(next) = blocks.get(block + 1) {
        let next_tokens = &tokens[block + 1];
        let reopens = carries_speech(next.kind)
            && next_tokens
                .first()
                .is_some_and(|token| token.kind == TokenKind::OpenQuote);
        if !reopens {
            break;
        }
        block += 1;
        let marked = marked_in(next_tokens);
        let first = marked.first();
        end = first.map_or(next.range.end, |marked| marked.range.end);
        if first.is_some_and(|marked| marked.closed) {
            break;
        }
    }
    (opened.start..end, block)
}

/// The block a line ending with a colon gives as someone's words, and the words that do: the
/// next paragraph, when the line names a statement or a verb of saying ("said in a
/// statement:", "issued the following statement:", "told the court:").
fn introduces_speech(
    text: &str,
    blocks: &[Block],
    tokens: &[Vec<Token>],
    index: usize,
) -> Option<(usize, Range<usize>)> {
    if !matches!(
        blocks[index].kind,
        BlockKind::Body | BlockKind::Intro | BlockKind::LeadIn
    ) {
        return None;
    }
    let line = &tokens[index];
    let last = line.last()?;
    if !last.is_punct(':') {
        return None;
    }
    // The colon's own sentence: the words after the block's last full stop.
    let from = line
        .iter()
        .rposition(|token| token.is_punct('.') && token.range.end < last.range.start)
        .map_or(0, |at| at + 1);
    let speaks = line[from..].iter().any(|token| {
        token.is_word() && !token.quoted && {
            let word = token.text(text);
            Words::SpeechCue.has(word) || Words::CompanyDocument.has(word)
        }
    });
    let next = index + 1;
    let introducer = line.get(from)?.range.start..last.range.end;
    (speaks
        && blocks
            .get(next)
            .is_some_and(|block| block.kind == BlockKind::Body))
    .then_some((next, introducer))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::read;

    /// The sentences of `text` that lie inside a quotation, with its kind.
    fn inside(text: &str) -> Vec<(&str, QuotationKind)> {
        let reading = read(text);
        reading
            .sentences
            .iter()
            .filter_map(|sentence| {
                let quotation = &reading.quotations[sentence.quotation?];
                Some((&text[sentence.range.clone()], quotation.kind))
            })
            .collect()
    }

    #[test]
    fn quotations_run_as_news_writes_them() {
        use QuotationKind::{Block, Marked};
        let cases: [(&str, &str, &[(&str, QuotationKind)]); 6] = [
            (
                "a statement over three paragraphs, open marks on each, closed on the last",
                "Kestrel vows fight\n\nKestrel said it would fight.\n\n“We built this market. Halvard knew that.\n\n“Its notice came without warning. We will answer it in court.\n\n“Nothing else is acceptable,” the company said.\n\nHalvard declined to comment.",
                &[
                    ("“We built this market.", Marked),
                    ("Halvard knew that.", Marked),
                    ("“Its notice came without warning.", Marked),
                    ("We will answer it in court.", Marked),
                ],
            ),
            (
                "a paragraph left open, with no mark on the next: the quotation ends with it",
                "Kestrel to appeal\n\n“We will appeal. The ruling is wrong.\n\nThe court did not respond.",
                &[("“We will appeal.", Marked), ("The ruling is wrong.", Marked)],
            ),
            (
                "an unmarked paragraph after “said in a statement:”",
                "Halvard defends notice\n\nHalvard said in a statement:\n\nThe termination was lawful. Kestrel was told in writing.\n\nKestrel disputes that.",
                &[
                    ("The termination was lawful.", Block),
                    ("Kestrel was told in writing.", Block),
                ],
            ),
            (
                "“issued the following statement” at the end of a longer paragraph",
                "Norvale is sued\n\nThe suit was filed on Tuesday. Norvale issued the following statement about the case:\n\nOur licence was never transferred.\n\nThe hearing is set for May.",
                &[("Our licence was never transferred.", Block)],
            ),
            (
                "a colon after no verb of saying introduces no one's words",
                "Supply terms\n\nThe agreement has three parts:\n\nThe first covers supply.",
                &[],
            ),
            (
                "a closed quotation with its cue is no sentence inside a quotation",
                "Kestrel sues\n\n“We will sue,” Kestrel said. The firm filed on Monday.",
                &[],
            ),
        ];
        for (name, text, expected) in cases {
            assert_eq!(inside(text), expected, "{name}");
        }
    }
}
