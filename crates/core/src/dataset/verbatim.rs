//! Finding many quotes in one text. Every statement's quote must occur verbatim in its source;
//! a large file quotes each source a hundred times or more, and scanning the whole text for each
//! quote was a third of the time it took to load. An index of the text's 8-byte windows makes
//! each quote a lookup and a comparison instead.

use crate::model::DisputeFile;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const WINDOW: usize = 8;

/// Only every fourth position is indexed (a quarter of the work to build); a quote is looked up by
/// its first four windows, one of which starts at an indexed position if the quote occurs.
const STRIDE: usize = 4;

/// Below this many quotes, scanning a source's text for each costs less than indexing it.
const QUOTES_WORTH_AN_INDEX: usize = 16;

/// Indexes of the source texts that enough statements and clause wordings quote, by source id.
pub fn index_sources(file: &DisputeFile) -> HashMap<&str, TextIndex<'_>> {
    let mut quotes: HashMap<&str, usize> = HashMap::new();
    let statements = file.statements.iter().map(|statement| &statement.source);
    let wordings = file
        .clauses
        .iter()
        .flat_map(|clause| clause.wording.iter().map(|wording| &wording.source));
    for source in statements.chain(wordings) {
        *quotes.entry(source.as_str()).or_default() += 1;
    }
    file.sources
        .iter()
        .filter(|source| {
            quotes
                .get(source.id.as_str())
                .is_some_and(|count| *count >= QUOTES_WORTH_AN_INDEX)
        })
        .filter_map(|source| Some((source.id.as_str(), TextIndex::new(source.text.as_deref()?)?)))
        .collect()
}

/// A source text, indexed by where its 8-byte windows at every fourth position occur.
pub struct TextIndex<'a> {
    text: &'a str,
    /// The first indexed position of each window.
    first: HashMap<u64, u32, BuildHasherDefault<WindowHasher>>,
    /// For each indexed position (by position / STRIDE), the next indexed position holding the
    /// same window (`u32::MAX` when none).
    next: Vec<u32>,
}

impl<'a> TextIndex<'a> {
    /// Indexes `text`; `None` for a text too long to index by `u32` positions.
    pub fn new(text: &'a str) -> Option<TextIndex<'a>> {
        let bytes = text.as_bytes();
        u32::try_from(bytes.len()).ok()?;
        let count = bytes.len().saturating_sub(WINDOW - 1).div_ceil(STRIDE);
        let mut first = HashMap::with_capacity_and_hasher(count, BuildHasherDefault::default());
        let mut next = vec![u32::MAX; count];
        // From the end, so each window's chain runs from its first occurrence forwards.
        for slot in (0..count).rev() {
            let position = slot * STRIDE;
            if let Some(later) = first.insert(window_at(bytes, position), position as u32) {
                next[slot] = later;
            }
        }
        Some(TextIndex { text, first, next })
    }

    /// Whether `quote` occurs in the text: the same answer as `str::contains`.
    pub fn contains(&self, quote: &str) -> bool {
        let needle = quote.as_bytes();
        if needle.len() < WINDOW + STRIDE - 1 {
            return self.text.contains(quote);
        }
        let haystack = self.text.as_bytes();
        // If the quote starts at `start`, the first indexed position at or after it is
        // `start + offset` for one offset below STRIDE, holding the quote's window at `offset`.
        (0..STRIDE).any(|offset| {
            let mut at = self.first.get(&window_at(needle, offset)).copied();
            while let Some(position) = at {
                let position = position as usize;
                if position >= offset && haystack[position - offset..].starts_with(needle) {
                    return true;
                }
                at = Some(self.next[position / STRIDE]).filter(|next| *next != u32::MAX);
            }
            false
        })
    }
}

fn window_at(bytes: &[u8], position: usize) -> u64 {
    let mut window = [0u8; WINDOW];
    window.copy_from_slice(&bytes[position..position + WINDOW]);
    u64::from_le_bytes(window)
}

/// Windows are already well spread; a multiply and a fold mix them enough for the table.
#[derive(Default)]
struct WindowHasher(u64);

impl Hasher for WindowHasher {
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01B3);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

#[cfg(test)]
mod tests {
    use super::TextIndex;
    use proptest::prelude::*;

    #[test]
    fn finds_what_contains_finds() {
        let text = "Microsoft believes the deal may breach its exclusive right — “stateless” APIs.";
        let index = TextIndex::new(text).expect("short text");
        for quote in [
            "Microsoft",
            "the deal may breach",
            "“stateless” APIs.",
            "right — “",
            "deal",
            "",
            text,
        ] {
            assert!(index.contains(quote), "{quote:?}");
        }
        for quote in [
            "\"stateless\" APIs",
            "the deal may  breach",
            "microsoft believes",
            "APIs.!",
        ] {
            assert!(!index.contains(quote), "{quote:?}");
        }
    }

    proptest! {
        // Small alphabets so windows repeat and chains are long.
        #[test]
        fn agrees_with_str_contains(text in "[ab é]{0,200}", quote in "[ab é]{0,24}", cut in 0usize..200) {
            let index = TextIndex::new(&text).expect("short text");
            prop_assert_eq!(index.contains(&quote), text.contains(quote.as_str()));
            // A piece of the text itself is always found.
            let start = text.char_indices().map(|(at, _)| at).find(|at| *at >= cut.min(text.len())).unwrap_or(text.len());
            let piece: String = text[start..].chars().take(20).collect();
            prop_assert!(index.contains(&piece));
        }
    }
}
