//! The scorer: the engine against hand-made statements. For each source with a text, the engine
//! is given the dispute's parties only (never its statements); each hand-made statement is
//! covered when a suggestion overlaps at least half of it (in characters), and each suggestion matches when a
//! statement overlaps at least half of it. For every covered statement, the suggestion that
//! overlaps it most is compared field by field: party, attribution, modality.

use super::{suggest, Known, Suggestion};
use crate::model::{Attribution, DisputeFile, Modality};
use std::ops::Range;

/// The counts behind the scores; add them up across sources and files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub statements: usize,
    pub covered: usize,
    pub suggestions: usize,
    pub matched: usize,
    pub same_party: usize,
    pub same_attribution: usize,
    pub same_modality: usize,
}

/// The budgets the engine must meet (issue: "How good, measured").
pub const BUDGETS: [(&str, f64); 5] = [
    ("statements covered", 0.95),
    ("same party", 0.95),
    ("same attribution", 0.90),
    ("same modality", 0.95),
    ("suggestions matching a statement", 0.90),
];

impl Score {
    pub fn add(&mut self, other: Score) {
        self.statements += other.statements;
        self.covered += other.covered;
        self.suggestions += other.suggestions;
        self.matched += other.matched;
        self.same_party += other.same_party;
        self.same_attribution += other.same_attribution;
        self.same_modality += other.same_modality;
    }

    /// Each figure as (name, numerator, denominator), in the order of `BUDGETS`.
    pub fn figures(&self) -> [(&'static str, usize, usize); 5] {
        [
            (BUDGETS[0].0, self.covered, self.statements),
            (BUDGETS[1].0, self.same_party, self.covered),
            (BUDGETS[2].0, self.same_attribution, self.covered),
            (BUDGETS[3].0, self.same_modality, self.covered),
            (BUDGETS[4].0, self.matched, self.suggestions),
        ]
    }

    /// Whether every figure meets its budget.
    pub fn passes(&self) -> bool {
        self.figures()
            .iter()
            .zip(BUDGETS)
            .all(|((_, part, whole), (_, budget))| ratio(*part, *whole) >= budget)
    }
}

pub fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// A hand-made statement as the scorer sees it.
#[derive(Clone, Debug)]
pub struct Expected {
    pub id: String,
    pub range: Range<usize>,
    pub party: Option<String>,
    pub attribution: Attribution,
    pub modality: Modality,
}

/// One difference, for the report: a statement missed, a suggestion unmatched, or a field
/// that differs.
#[derive(Clone, Debug)]
pub enum Miss {
    NotCovered {
        id: String,
    },
    Unmatched {
        quote: String,
    },
    Field {
        id: String,
        field: &'static str,
        expected: String,
        suggested: String,
        /// The suggestion's quote, and the rule that gave its speaker.
        quote: String,
        reason: &'static str,
    },
}

/// Characters (not bytes) that two spans share: "’" counts once, as a reader counts it.
fn overlap(text: &str, a: &Range<usize>, b: &Range<usize>) -> usize {
    let (start, end) = (a.start.max(b.start), a.end.min(b.end));
    if start >= end {
        return 0;
    }
    text.get(start..end)
        .map_or(0, |shared| shared.chars().count())
}

fn length(text: &str, range: &Range<usize>) -> usize {
    text.get(range.clone())
        .map_or(0, |span| span.chars().count())
        .max(1)
}

/// The score of `suggestions` against `expected` in one text.
pub fn score_text(
    text: &str,
    expected: &[Expected],
    suggestions: &[Suggestion],
) -> (Score, Vec<Miss>) {
    let mut score = Score {
        statements: expected.len(),
        suggestions: suggestions.len(),
        ..Score::default()
    };
    let mut misses = Vec::new();
    for statement in expected {
        let length = length(text, &statement.range);
        let best = suggestions
            .iter()
            .map(|suggestion| {
                (
                    overlap(text, &suggestion.range, &statement.range),
                    suggestion,
                )
            })
            .max_by_key(|(shared, _)| *shared);
        let Some((shared, suggestion)) = best.filter(|(shared, _)| 2 * shared >= length) else {
            misses.push(Miss::NotCovered {
                id: statement.id.clone(),
            });
            continue;
        };
        let _ = shared;
        score.covered += 1;
        let mut field = |name: &'static str, same: bool, expected: String, suggested: String| {
            if same {
                1
            } else {
                misses.push(Miss::Field {
                    id: statement.id.clone(),
                    field: name,
                    expected,
                    suggested,
                    quote: text[suggestion.range.clone()].to_owned(),
                    reason: suggestion.reason,
                });
                0
            }
        };
        let show = |party: &Option<String>| party.clone().unwrap_or_else(|| "none".to_owned());
        score.same_party += field(
            "party",
            suggestion.party == statement.party,
            show(&statement.party),
            show(&suggestion.party),
        );
        score.same_attribution += field(
            "attribution",
            suggestion.attribution == statement.attribution,
            statement.attribution.as_str().to_owned(),
            suggestion.attribution.as_str().to_owned(),
        );
        score.same_modality += field(
            "modality",
            suggestion.modality == statement.modality,
            statement.modality.as_str().to_owned(),
            suggestion.modality.as_str().to_owned(),
        );
    }
    for suggestion in suggestions {
        let length = length(text, &suggestion.range);
        let matched = expected
            .iter()
            .any(|statement| 2 * overlap(text, &suggestion.range, &statement.range) >= length);
        if matched {
            score.matched += 1;
        } else {
            misses.push(Miss::Unmatched {
                quote: text[suggestion.range.clone()].to_owned(),
            });
        }
    }
    (score, misses)
}

/// Every source of `file` with a text, scored: the engine reads it with the file's parties
/// only. Returns each source's id with its score and misses.
pub fn score_file(file: &DisputeFile) -> Vec<(String, Score, Vec<Miss>)> {
    let known = Known::parties_of(file);
    file.sources
        .iter()
        .filter_map(|source| {
            let text = source.text.as_deref()?;
            let expected: Vec<Expected> = file
                .statements
                .iter()
                .filter(|statement| statement.source == source.id)
                .filter_map(|statement| {
                    let start = text.find(&statement.quote)?;
                    Some(Expected {
                        id: statement.id.0.clone(),
                        range: start..start + statement.quote.len(),
                        party: statement
                            .speaker
                            .party
                            .as_ref()
                            .map(|party| party.0.clone()),
                        attribution: statement.attribution,
                        modality: statement.modality,
                    })
                })
                .collect();
            let suggested = suggest(&crate::text::read(text), &known);
            let (score, misses) = score_text(text, &expected, &suggested.suggestions);
            Some((source.id.0.clone(), score, misses))
        })
        .collect()
}
