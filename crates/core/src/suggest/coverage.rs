//! Coverage: which sentences of a source the statements carry. A sentence is carried when a
//! statement's quote overlaps it; headings, labels, bylines and datelines carry no claim and are
//! not counted. This turns the sentence audit (docs/sources-audit.md) into a check.

use crate::model::DisputeFile;
use crate::text::segment::{asks, segment, Block, Sentence};
use crate::text::Reading;
use std::ops::Range;

/// How much of a source its statements carry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Sentences that can carry a claim.
    pub sentences: usize,
    /// Of those, the ones some quote overlaps.
    pub carried: usize,
    /// The others, in text order.
    pub not_carried: Vec<Range<usize>>,
}

/// The coverage of `text` by quotes at `quotes` (byte ranges of the text).
pub fn coverage(text: &str, quotes: &[Range<usize>]) -> Coverage {
    let segmented = segment(text);
    counted(text, &segmented.blocks, &segmented.sentences, quotes)
}

/// The coverage of an article already read (what the authoring tools have just suggested
/// statements from).
pub fn coverage_of(reading: &Reading, quotes: &[Range<usize>]) -> Coverage {
    counted(reading.text, &reading.blocks, &reading.sentences, quotes)
}

fn counted(
    text: &str,
    blocks: &[Block],
    sentences: &[Sentence],
    quotes: &[Range<usize>],
) -> Coverage {
    let mut quotes: Vec<&Range<usize>> = quotes.iter().collect();
    quotes.sort_by_key(|quote| quote.start);
    // The furthest end among the first k quotes: a sentence is carried when some quote starting
    // before it ends ends after it starts.
    let mut furthest = Vec::with_capacity(quotes.len() + 1);
    furthest.push(0);
    for quote in &quotes {
        let last = *furthest.last().unwrap_or(&0);
        furthest.push(last.max(quote.end));
    }
    let mut coverage = Coverage::default();
    for sentence in sentences {
        let block = blocks[sentence.block].kind;
        if asks(text, &sentence.range, block) {
            continue;
        }
        coverage.sentences += 1;
        let range = &sentence.range;
        let before_end = quotes.partition_point(|quote| quote.start < range.end);
        let carried = furthest[before_end] > range.start;
        if carried {
            coverage.carried += 1;
        } else {
            coverage.not_carried.push(range.clone());
        }
    }
    coverage
}

/// One line for every sentence of every source that no statement carries: what a sentence
/// audit would flag.
pub fn not_carried(file: &DisputeFile) -> Vec<String> {
    let mut lines = Vec::new();
    for (index, source) in file.sources.iter().enumerate() {
        let Some(text) = source.text.as_deref() else {
            continue;
        };
        let quotes: Vec<Range<usize>> = file
            .statements
            .iter()
            .filter(|statement| statement.source == source.id)
            .filter_map(|statement| {
                text.find(&statement.quote)
                    .map(|start| start..start + statement.quote.len())
            })
            .collect();
        for range in coverage(text, &quotes).not_carried {
            lines.push(format!(
                "sources[{index}].text: no statement carries the sentence \"{}\" of \"{}\"",
                shortened(&text[range]),
                source.id
            ));
        }
    }
    lines
}

/// A sentence cut to about 100 characters for a one-line message.
fn shortened(sentence: &str) -> String {
    match sentence.char_indices().nth(100) {
        Some((cut, _)) => format!("{}…", &sentence[..cut]),
        None => sentence.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_no_quote_touches_are_not_carried() {
        let text = "Port sues carrier\nThe port sued. The carrier said nothing. Talks failed.\nWhat next\nA ruling is due.";
        let quote = |words: &str| {
            let start = text.find(words).unwrap();
            start..start + words.len()
        };
        let coverage = coverage(text, &[quote("The port sued."), quote("Talks")]);
        assert_eq!(coverage.sentences, 5, "the heading is not counted");
        assert_eq!(coverage.carried, 2);
        let missing: Vec<&str> = coverage
            .not_carried
            .iter()
            .map(|range| &text[range.clone()])
            .collect();
        assert_eq!(
            missing,
            [
                "Port sues carrier",
                "The carrier said nothing.",
                "A ruling is due."
            ]
        );
    }
}
