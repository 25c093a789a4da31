//! One reading of an article, shared by every engine that reads one (the suggested statements
//! and the draft dispute): its blocks and sentences as byte ranges, every block's tokens with
//! where its quotations stand, the quotations that run over sentences and paragraphs, and the
//! word lists every rule looks things up in. An article is read once (`read`); each engine asks
//! the reading, and nothing takes a position from a transformed copy of the text.

pub mod article;
pub mod dates;
pub mod lexicon;
pub mod names;
pub mod quotes;
pub mod segment;
pub mod tokens;

use quotes::Quotation;
use segment::{Block, BlockKind, Sentence};
use std::ops::Range;
use tokens::Token;

/// An article, read.
#[derive(Clone, Debug)]
pub struct Reading<'a> {
    pub text: &'a str,
    pub blocks: Vec<Block>,
    /// The sentences of the blocks that can carry claims, in text order.
    pub sentences: Vec<Sentence>,
    /// The quotations, in text order; a sentence wholly inside one names it.
    pub quotations: Vec<Quotation>,
    /// Each block's tokens, read with the block's quotation marks.
    tokens: Vec<Vec<Token>>,
}

/// Reads `text` once: blocks, sentences, tokens and quotations.
pub fn read(text: &str) -> Reading<'_> {
    let segmented = segment::segment(text);
    let tokens: Vec<Vec<Token>> = segmented
        .blocks
        .iter()
        .map(|block| tokens::tokens(text, block.range.clone()))
        .collect();
    let quotations = quotes::quotations(text, &segmented.blocks, &tokens);
    let mut sentences = segmented.sentences;
    for sentence in &mut sentences {
        sentence.quotation = quotations
            .iter()
            .position(|quotation| quotation.holds(&sentence.range));
    }
    Reading {
        text,
        blocks: segmented.blocks,
        sentences,
        quotations,
        tokens,
    }
}

impl<'a> Reading<'a> {
    /// The tokens of block `index`.
    pub fn block_tokens(&self, index: usize) -> &[Token] {
        &self.tokens[index]
    }

    /// The tokens within `range`, a part of one block, as read with the whole block (so a
    /// sentence inside a quotation the block opened keeps its words quoted).
    pub fn tokens_in(&self, range: &Range<usize>) -> &[Token] {
        let Some(block) = self
            .blocks
            .iter()
            .position(|block| block.range.start <= range.start && range.start < block.range.end)
        else {
            return &[];
        };
        let tokens = &self.tokens[block];
        let start = tokens.partition_point(|token| token.range.start < range.start);
        let end = tokens.partition_point(|token| token.range.end <= range.end);
        &tokens[start..end.max(start)]
    }

    /// The kind of the block sentence `index` stands in.
    pub fn block_kind(&self, sentence: usize) -> BlockKind {
        self.blocks[self.sentences[sentence].block].kind
    }

    /// The quotation `range` lies wholly inside, if any.
    pub fn quotation_holding(&self, range: &Range<usize>) -> Option<&Quotation> {
        self.quotations
            .iter()
            .find(|quotation| quotation.holds(range))
    }

    /// The words of `range` as written.
    pub fn slice(&self, range: &Range<usize>) -> &'a str {
        &self.text[range.clone()]
    }
}
