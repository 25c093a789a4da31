//! Where the reports disagree, found by comparing what they attach to the same thing, never by
//! guessing from words alone: the figures given for the same agreement or investment, the dates
//! of the same agreement, the qualifiers of the same agreement ("exclusive third-party" against
//! "sole"), the same quoted words attributed to different speakers, different parties named for
//! the same act (who is negotiating), and the different stages reports put the same legal
//! action at. Each candidate names its sides' sentences; the author confirms it.

use super::facts::{Deal, Happening, HappeningKind, CONTRASTS};
use super::figures::Figure;
use crate::model::{Attribution, ConflictKind};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// One side of a candidate conflict: an article, the sentences that say it, and the words
/// where it differs.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    pub article: usize,
    pub sentences: Vec<Range<usize>>,
    /// Words as they stand in those sentences, where the sides differ.
    pub highlight: Vec<String>,
    /// What this side says, in a few words of its own text.
    pub says: String,
}

/// A candidate conflict.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub kind: ConflictKind,
    pub title: String,
    pub difference: String,
    pub sides: Vec<Side>,
    /// The parties and agreements it is about: indexes into the draft's lists.
    pub parties: Vec<usize>,
    pub contract: Option<usize>,
}

/// An agreement the draft proposes, with every sentence that gives it, per article.
pub struct ContractFacts<'a> {
    pub title: String,
    pub parties: Vec<usize>,
    pub deals: Vec<&'a Deal>,
}

/// For (act, "by" or "against", article): the parties a report names, and its sentences.
pub type Roles =
    BTreeMap<(&'static str, &'static str, usize), (BTreeSet<usize>, Vec<Range<usize>>)>;

/// A quoted phrase as one report attributes it.
#[derive(Clone, Debug)]
pub struct Quoted {
    pub article: usize,
    pub words: String,
    pub written: String,
    pub attribution: Attribution,
    pub cites: Option<String>,
    /// Its speaker: a party's id, or the description of one.
    pub speaker: String,
    pub sentence: Range<usize>,
}

/// An act and the parties a sentence names for it ("talks", "a suit").
#[derive(Clone, Debug)]
pub struct Act {
    pub act: &'static str,
    pub article: usize,
    /// `None` for "all parties".
    pub parties: Option<BTreeSet<usize>>,
    pub sentence: Range<usize>,
    pub written: String,
}

/// A legal stage as one sentence gives it.
#[derive(Clone, Debug)]
pub struct Stage {
    pub article: usize,
    pub stage: &'static str,
    pub sentence: Range<usize>,
}

fn side(
    article: usize,
    sentences: Vec<Range<usize>>,
    highlight: Vec<String>,
    says: String,
) -> Side {
    Side {
        article,
        sentences,
        highlight,
        says,
    }
}

/// Figures given for the same agreement, or the same investor and company, that no figure of
/// the other report agrees with.
pub fn figures(
    contracts: &[ContractFacts],
    investments: &[&Happening],
    texts: &[&str],
    party_names: &[String],
) -> Vec<Candidate> {
    let mut found = Vec::new();
    // Investments: by investor and company.
    let mut by_pair: BTreeMap<(usize, usize), BTreeMap<usize, Vec<&Happening>>> = BTreeMap::new();
    for happening in investments {
        if happening.kind != HappeningKind::Investment
            || happening.parties.len() < 2
            || happening.figure.is_none()
        {
            continue;
        }
        by_pair
            .entry((happening.parties[0], happening.parties[1]))
            .or_default()
            .entry(happening.article)
            .or_default()
            .push(happening);
    }
    for ((investor, company), by_article) in by_pair {
        let articles: Vec<usize> = by_article.keys().copied().collect();
        for (position, first) in articles.iter().enumerate() {
            for second in &articles[position + 1..] {
                let one = &by_article[first];
                let other = &by_article[second];
                let agree = one.iter().any(|a| {
                    other.iter().any(|b| {
                        a.figure
                            .as_ref()
                            .unwrap()
                            .1
                            .agrees_with(&b.figure.as_ref().unwrap().1)
                    })
                });
                if agree {
                    continue;
                }
                let words = |side: &[&Happening]| -> Vec<String> {
                    side.iter()
                        .map(|happening| happening.figure.as_ref().unwrap().0.clone())
                        .collect()
                };
                let sentences = |side: &[&Happening]| -> Vec<Range<usize>> {
                    let mut ranges: Vec<Range<usize>> = side
                        .iter()
                        .map(|happening| happening.sentence.clone())
                        .collect();
                    ranges.dedup();
                    ranges
                };
                found.push(Candidate {
                    kind: ConflictKind::Figure,
                    title: format!(
                        "How much {} has invested in {}",
                        party_names[investor], party_names[company]
                    ),
                    difference: format!(
                        "One report gives {}; the other {}.",
                        words(one).join(" and "),
                        words(other).join(" and ")
                    ),
                    sides: vec![
                        side(*first, sentences(one), words(one), words(one).join(" and ")),
                        side(
                            *second,
                            sentences(other),
                            words(other),
                            words(other).join(" and "),
                        ),
                    ],
                    parties: vec![investor, company],
                    contract: None,
                });
            }
        }
    }
    // Agreements: the same value attached to phrases that differ says they differ on what it
    // covers; different values, on the figure.
    for (index, contract) in contracts.iter().enumerate() {
        let mut by_article: BTreeMap<usize, Vec<&Deal>> = BTreeMap::new();
        for deal in &contract.deals {
            if deal.value.is_some() {
                by_article.entry(deal.article).or_default().push(deal);
            }
        }
        let articles: Vec<usize> = by_article.keys().copied().collect();
        for (position, first) in articles.iter().enumerate() {
            for second in &articles[position + 1..] {
                for one in &by_article[first] {
                    for other in &by_article[second] {
                        let (one_words, one_figure) = one.value.as_ref().unwrap();
                        let (other_words, other_figure) = other.value.as_ref().unwrap();
                        let qualifiers = |deal: &Deal| -> BTreeSet<String> {
                            deal.phrase_words
                                .iter()
                                .filter(|word| {
                                    CONTRASTS
                                        .iter()
                                        .any(|(_, words)| words.contains(&word.as_str()))
                                })
                                .cloned()
                                .collect()
                        };
                        if one_figure.agrees_with(other_figure) {
                            let (a, b) = (qualifiers(one), qualifiers(other));
                            if a != b {
                                let differing: Vec<String> =
                                    a.symmetric_difference(&b).cloned().collect();
                                let highlight = |deal: &Deal| -> Vec<String> {
                                    let text = &texts[deal.article][deal.sentence.clone()];
                                    differing
                                        .iter()
                                        .filter(|word| text.to_lowercase().contains(word.as_str()))
                                        .filter_map(|word| written_as(text, word))
                                        .collect()
                                };
                                found.push(Candidate {
                                    kind: ConflictKind::Scope,
                                    title: format!("What the {one_words} covers"),
                                    difference: format!("Both reports give {one_words}; they differ on what for ({}).", differing.join(", ")),
                                    sides: vec![
                                        side(*first, vec![one.sentence.clone()], [vec![one_words.clone()], highlight(one)].concat(), one.noun.clone()),
                                        side(*second, vec![other.sentence.clone()], [vec![other_words.clone()], highlight(other)].concat(), other.noun.clone()),
                                    ],
                                    parties: contract.parties.clone(),
                                    contract: Some(index),
                                });
                            }
                        } else if one_figure.unit == other_figure.unit {
                            found.push(Candidate {
                                kind: ConflictKind::Figure,
                                title: format!("The value of the {}", contract.title),
                                difference: format!(
                                    "One report gives {one_words}; the other {other_words}."
                                ),
                                sides: vec![
                                    side(
                                        *first,
                                        vec![one.sentence.clone()],
                                        vec![one_words.clone()],
                                        one_words.clone(),
                                    ),
                                    side(
                                        *second,
                                        vec![other.sentence.clone()],
                                        vec![other_words.clone()],
                                        other_words.clone(),
                                    ),
                                ],
                                parties: contract.parties.clone(),
                                contract: Some(index),
                            });
                        }
                    }
                }
            }
        }
    }
    found
}

/// The words of `text` that read `lowercase` when lowercased, as written.
fn written_as(text: &str, lowercase: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let at = lower.find(lowercase)?;
    text.get(at..at + lowercase.len()).map(str::to_owned)
}

/// Dates given for the same agreement that differ.
pub fn timing(contracts: &[ContractFacts], texts: &[&str]) -> Vec<Candidate> {
    let mut found = Vec::new();
    for (index, contract) in contracts.iter().enumerate() {
        let mut by_article: BTreeMap<usize, &Deal> = BTreeMap::new();
        for deal in &contract.deals {
            if let Some(date) = &deal.date {
                let _ = date;
                by_article.entry(deal.article).or_insert(deal);
            }
        }
        let dated: Vec<(usize, &Deal)> = by_article.into_iter().collect();
        for (position, (first, one)) in dated.iter().enumerate() {
            for (second, other) in &dated[position + 1..] {
                let (a, b) = (one.date.as_ref().unwrap(), other.date.as_ref().unwrap());
                let same = a.precision == b.precision
                    && a.value == b.value
                    && (a.value.is_some() || a.text.eq_ignore_ascii_case(&b.text));
                if same {
                    continue;
                }
                let _ = texts;
                found.push(Candidate {
                    kind: ConflictKind::Timing,
                    title: format!("When the {} was made", contract.title),
                    difference: format!(
                        "One report dates it “{}”; the other “{}”.",
                        a.text, b.text
                    ),
                    sides: vec![
                        side(
                            *first,
                            vec![one.sentence.clone()],
                            vec![a.text.clone()],
                            a.text.clone(),
                        ),
                        side(
                            *second,
                            vec![other.sentence.clone()],
                            vec![b.text.clone()],
                            b.text.clone(),
                        ),
                    ],
                    parties: contract.parties.clone(),
                    contract: Some(index),
                });
            }
        }
    }
    found
}

/// The qualifiers reports give the same agreement, family by family ("exclusive third-party"
/// against "sole"; "distribution" against "provider").
pub fn qualifiers(contracts: &[ContractFacts], texts: &[&str]) -> Vec<Candidate> {
    let mut found = Vec::new();
    for (index, contract) in contracts.iter().enumerate() {
        for (theme, words) in CONTRASTS {
            // Per article: the family's words, and the sentences that hold them.
            let mut by_article: BTreeMap<usize, (BTreeSet<String>, Vec<Range<usize>>)> =
                BTreeMap::new();
            let mut seen: BTreeSet<(usize, usize)> = BTreeSet::new();
            for deal in &contract.deals {
                if !seen.insert((deal.article, deal.sentence.start)) {
                    continue;
                }
                let sentence = texts[deal.article][deal.sentence.clone()].to_lowercase();
                let present: BTreeSet<String> = words
                    .iter()
                    .filter(|word| {
                        sentence
                            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '‑'))
                            .any(|token| token == **word)
                    })
                    .map(|word| (*word).to_owned())
                    .collect();
                if present.is_empty() {
                    continue;
                }
                let entry = by_article.entry(deal.article).or_default();
                entry.0.extend(present);
                entry.1.push(deal.sentence.clone());
            }
            let articles: Vec<usize> = by_article.keys().copied().collect();
            for (position, first) in articles.iter().enumerate() {
                for second in &articles[position + 1..] {
                    let (a, a_sentences) = &by_article[first];
                    let (b, b_sentences) = &by_article[second];
                    if a == b {
                        continue;
                    }
                    let only_a: Vec<String> = a.difference(b).cloned().collect();
                    let only_b: Vec<String> = b.difference(a).cloned().collect();
                    let pick = |article: usize,
                                sentences: &[Range<usize>],
                                words: &[String]|
                     -> (Vec<Range<usize>>, Vec<String>) {
                        let chosen: Vec<Range<usize>> = sentences
                            .iter()
                            .filter(|range| {
                                let text = texts[article][(*range).clone()].to_lowercase();
                                words.is_empty()
                                    || words.iter().any(|word| text.contains(word.as_str()))
                            })
                            .cloned()
                            .collect();
                        let highlight = chosen
                            .iter()
                            .flat_map(|range| {
                                words.iter().filter_map(|word| {
                                    written_as(&texts[article][range.clone()], word)
                                })
                            })
                            .collect();
                        (
                            if chosen.is_empty() {
                                sentences.to_vec()
                            } else {
                                chosen
                            },
                            highlight,
                        )
                    };
                    let (a_chosen, a_highlight) = pick(*first, a_sentences, &only_a);
                    let (b_chosen, b_highlight) = pick(*second, b_sentences, &only_b);
                    let describe =
                        |set: &BTreeSet<String>| set.iter().cloned().collect::<Vec<_>>().join(", ");
                    found.push(Candidate {
                        kind: ConflictKind::Scope,
                        title: format!("The {}: {theme}", contract.title),
                        difference: format!(
                            "One report says {}; the other {}.",
                            describe(a),
                            describe(b)
                        ),
                        sides: vec![
                            side(*first, a_chosen, a_highlight, describe(a)),
                            side(*second, b_chosen, b_highlight, describe(b)),
                        ],
                        parties: contract.parties.clone(),
                        contract: Some(index),
                    });
                }
            }
        }
    }
    found
}

/// The longest run of words two quotes share.
fn shared_run(one: &str, other: &str) -> Vec<String> {
    let a: Vec<&str> = one.split(' ').collect();
    let b: Vec<&str> = other.split(' ').collect();
    let mut best: &[&str] = &[];
    for start in 0..a.len() {
        for other_start in 0..b.len() {
            let length = a[start..]
                .iter()
                .zip(&b[other_start..])
                .take_while(|(x, y)| x == y)
                .count();
            if length > best.len() {
                best = &a[start..start + length];
            }
        }
    }
    best.iter().map(|word| (*word).to_owned()).collect()
}

/// Quoted words two reports share (three words or more, two of them more than short ones),
/// attributed differently: another kind of attribution, another outlet cited, or another
/// speaker.
pub fn attributions(quoted: &[Quoted]) -> Vec<Candidate> {
    let mut found = Vec::new();
    let mut done: BTreeSet<String> = BTreeSet::new();
    for (position, one) in quoted.iter().enumerate() {
        for other in &quoted[position + 1..] {
            if one.article == other.article {
                continue;
            }
            let run = shared_run(&one.words, &other.words);
            let weighty = run
                .iter()
                .filter(|word| word.chars().filter(|c| c.is_alphabetic()).count() > 3)
                .count();
            if run.len() < 3 || weighty < 2 || done.contains(&run.join(" ")) {
                continue;
            }
            if one.attribution == other.attribution
                && one.cites == other.cites
                && one.speaker == other.speaker
            {
                continue;
            }
            done.insert(run.join(" "));
            let says = |quoted: &Quoted| {
                format!(
                    "{} ({}){}",
                    quoted.speaker,
                    quoted.attribution.label(),
                    quoted
                        .cites
                        .as_ref()
                        .map(|cites| format!(", citing {cites}"))
                        .unwrap_or_default()
                )
            };
            found.push(Candidate {
                kind: ConflictKind::Attribution,
                title: format!("Who said “{}”", one.written),
                difference: format!(
                    "One report attributes the words as {}; the other as {}.",
                    says(one),
                    says(other)
                ),
                sides: vec![
                    side(
                        one.article,
                        vec![one.sentence.clone()],
                        vec![one.written.clone()],
                        says(one),
                    ),
                    side(
                        other.article,
                        vec![other.sentence.clone()],
                        vec![other.written.clone()],
                        says(other),
                    ),
                ],
                parties: Vec::new(),
                contract: None,
            });
        }
    }
    found
}

/// Different parties named for the same act ("all parties are negotiating" against "Microsoft
/// and OpenAI are in discussions").
pub fn acts(acts: &[Act], party_names: &[String]) -> Vec<Candidate> {
    let mut found = Vec::new();
    let mut by_act: BTreeMap<&str, Vec<&Act>> = BTreeMap::new();
    for act in acts {
        if act
            .parties
            .as_ref()
            .is_none_or(|parties| !parties.is_empty())
        {
            by_act.entry(act.act).or_default().push(act);
        }
    }
    for (act, list) in by_act {
        let mut sets: Vec<(Option<BTreeSet<usize>>, Vec<&Act>)> = Vec::new();
        for item in list {
            match sets
                .iter_mut()
                .find(|(parties, _)| *parties == item.parties)
            {
                Some((_, items)) => items.push(item),
                None => sets.push((item.parties.clone(), vec![item])),
            }
        }
        if sets.len() < 2 {
            continue;
        }
        let describe = |parties: &Option<BTreeSet<usize>>| match parties {
            None => "all parties".to_owned(),
            Some(parties) => parties
                .iter()
                .map(|party| party_names[*party].clone())
                .collect::<Vec<_>>()
                .join(" and "),
        };
        let sides: Vec<Side> = sets
            .iter()
            .map(|(parties, items)| {
                side(
                    items[0].article,
                    items.iter().map(|item| item.sentence.clone()).collect(),
                    items.iter().map(|item| item.written.clone()).collect(),
                    describe(parties),
                )
            })
            .collect();
        found.push(Candidate {
            kind: ConflictKind::Scope,
            title: format!("Who is in the {act}"),
            difference: format!(
                "The reports name different parties: {}.",
                sets.iter()
                    .map(|(parties, _)| describe(parties))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            sides,
            parties: sets
                .iter()
                .filter_map(|(parties, _)| parties.clone())
                .flatten()
                .collect::<BTreeSet<usize>>()
                .into_iter()
                .collect(),
            contract: None,
        });
    }
    found
}

/// The stages reports put the same legal action at ("weighing a suit" against "has retained
/// counsel").
pub fn stages(stages: &[Stage], claimant: Option<&str>) -> Vec<Candidate> {
    let mut by_article: BTreeMap<usize, (BTreeSet<&str>, Vec<Range<usize>>)> = BTreeMap::new();
    for stage in stages {
        let entry = by_article.entry(stage.article).or_default();
        entry.0.insert(stage.stage);
        entry.1.push(stage.sentence.clone());
    }
    let articles: Vec<usize> = by_article.keys().copied().collect();
    let mut found = Vec::new();
    for (position, first) in articles.iter().enumerate() {
        for second in &articles[position + 1..] {
            let (a, a_sentences) = &by_article[first];
            let (b, b_sentences) = &by_article[second];
            if a == b {
                continue;
            }
            let describe =
                |set: &BTreeSet<&str>| set.iter().copied().collect::<Vec<_>>().join(", ");
            found.push(Candidate {
                kind: ConflictKind::Framing,
                title: format!(
                    "How close {} is to legal action",
                    claimant.unwrap_or("the claimant")
                ),
                difference: format!(
                    "One report puts it at: {}; the other at: {}.",
                    describe(a),
                    describe(b)
                ),
                sides: vec![
                    side(*first, a_sentences.clone(), Vec::new(), describe(a)),
                    side(*second, b_sentences.clone(), Vec::new(), describe(b)),
                ],
                parties: Vec::new(),
                contract: None,
            });
        }
    }
    found
}

/// A figure as a sentence gives it, with the words around it that say what it counts.
#[derive(Clone, Debug)]
pub struct FigureMention {
    pub article: usize,
    pub sentence: Range<usize>,
    pub figure: Figure,
    /// Where the figure stands.
    pub at: Range<usize>,
    pub written: String,
    /// The content words just before and after it, lowercased and singular.
    pub anchors: Vec<String>,
}

/// Words that say nothing of what a figure counts.
const NOT_ANCHORS: &[&str] = &[
    "the", "a", "an", "of", "in", "to", "about", "more", "than", "up", "as", "many", "much", "at",
    "least", "is", "are", "was", "were", "be", "been", "for", "with", "and", "or", "its", "their",
    "his", "her", "by", "from", "nearly", "some", "roughly", "around", "over", "under", "almost",
    "million", "billion", "thousand", "m", "bn", "pc", "percent", "per", "cent", "it", "that",
    "which", "this", "new", "worth", "valued", "put", "puts", "total", "totals", "says", "said",
    "say", "has", "have", "had", "will", "would", "could", "another", "only", "just", "some", "on",
    "into", "down", "further", "after", "before", "s", "one", "two", "three", "all", "other",
    "first", "last", "year", "years", "month", "months", "week", "weeks", "day", "days",
];

/// A word made comparable: lowercased, without a possessive, singular.
pub fn anchor_word(word: &str) -> String {
    let lower = crate::text::tokens::strip_possessive(word).to_lowercase();
    let lower = lower
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_owned();
    if lower.len() > 3 && lower.ends_with('s') && !lower.ends_with("ss") {
        lower[..lower.len() - 1].to_owned()
    } else {
        lower
    }
}

/// Whether a word can say what a figure counts.
pub fn is_anchor(word: &str) -> bool {
    word.len() > 2 && !NOT_ANCHORS.contains(&word) && !word.chars().all(|c| c.is_ascii_digit())
}

/// The same thing counted differently by two reports: figures of the same unit whose
/// surrounding words share what they count ("£340m order" and "£360m Train Order", "52
/// electric trains" and "48 trains"), no figure of one agreeing with one of the other, and
/// close enough (within a factor of two) to be two accounts of one number rather than two
/// numbers.
pub fn figures_by_anchor(mentions: &[FigureMention]) -> Vec<Candidate> {
    let mut found = Vec::new();
    let mut seen: BTreeSet<(usize, usize, String)> = BTreeSet::new();
    for (position, one) in mentions.iter().enumerate() {
        for other in &mentions[position + 1..] {
            if one.article == other.article || one.figure.unit != other.figure.unit {
                continue;
            }
            // The shared word that best says what is counted: an agreement, the counted noun,
            // else the first.
            let shared: Vec<&String> = one
                .anchors
                .iter()
                .filter(|anchor| other.anchors.contains(anchor))
                .collect();
            let unit_word = anchor_word(&one.figure.unit);
            let counted = !matches!(one.figure.unit.as_str(), "USD" | "GBP" | "EUR" | "%");
            let Some(anchor) = shared
                .iter()
                .find(|anchor| counted && **anchor == &unit_word)
                .or_else(|| shared.iter().find(|anchor| anchor.as_str() == "agreement"))
                .or_else(|| shared.first())
                .copied()
            else {
                continue;
            };
            let (low, high) = if one.figure.value <= other.figure.value {
                (one.figure.value, other.figure.value)
            } else {
                (other.figure.value, one.figure.value)
            };
            if one.figure.agrees_with(&other.figure) || low <= 0.0 || high > 2.0 * low {
                continue;
            }
            let key = (
                one.article.min(other.article),
                one.article.max(other.article),
                format!("{} {anchor}", one.figure.unit),
            );
            if seen.contains(&key) {
                continue;
            }
            // Any figure of one report for this thing that another of the other report agrees
            // with settles it.
            let about = |article: usize| {
                mentions.iter().filter(move |mention| {
                    mention.article == article
                        && mention.figure.unit == one.figure.unit
                        && mention.anchors.contains(anchor)
                })
            };
            if about(one.article)
                .any(|a| about(other.article).any(|b| a.figure.agrees_with(&b.figure)))
            {
                continue;
            }
            seen.insert(key);
            let sides = |article: usize| -> (Vec<Range<usize>>, Vec<String>) {
                let mut sentences = Vec::new();
                let mut words = Vec::new();
                for mention in about(article) {
                    if !sentences.contains(&mention.at) {
                        sentences.push(mention.at.clone());
                    }
                    if !words.contains(&mention.written) {
                        words.push(mention.written.clone());
                    }
                }
                (sentences, words)
            };
            let (one_sentences, one_words) = sides(one.article);
            let (other_sentences, other_words) = sides(other.article);
            found.push(Candidate {
                kind: ConflictKind::Figure,
                title: if counted && *anchor == unit_word {
                    format!(
                        "How many {}: {} or {}",
                        one.figure.unit,
                        one_words.join(", "),
                        other_words.join(", ")
                    )
                } else {
                    format!(
                        "The {anchor}: {} or {}",
                        one_words.join(", "),
                        other_words.join(", ")
                    )
                },
                difference: format!(
                    "One report gives {}; the other {}.",
                    one_words.join(" and "),
                    other_words.join(" and ")
                ),
                sides: vec![
                    side(
                        one.article,
                        one_sentences,
                        one_words.clone(),
                        one_words.join(", "),
                    ),
                    side(
                        other.article,
                        other_sentences,
                        other_words.clone(),
                        other_words.join(", "),
                    ),
                ],
                parties: Vec::new(),
                contract: None,
            });
        }
    }
    found
}

/// The same act by the same parties dated differently by two reports ("filed Nov. 12" and
/// "On Friday, Nov. 13, … sued"): compared as the days each date can mean, a relative date
/// read against its report's day. Dates more than a year apart are two acts, not two accounts.
pub fn event_timing(
    happenings: &[Happening],
    report_days: &[Option<super::when::Day>],
) -> Vec<Candidate> {
    use super::when::span;
    let mut found = Vec::new();
    let mut seen: BTreeSet<(usize, usize, &str)> = BTreeSet::new();
    let placed: Vec<(&Happening, (i64, i64))> = happenings
        .iter()
        .filter(|happening| {
            !matches!(
                happening.class,
                "state" | "report" | "other" | "weigh" | "talks"
            )
        })
        .filter_map(|happening| {
            Some((
                happening,
                span(&happening.date, report_days[happening.article])?,
            ))
        })
        .collect();
    for (position, (one, one_span)) in placed.iter().enumerate() {
        for (other, other_span) in &placed[position + 1..] {
            let same_act = one.class == other.class
                || one
                    .classes
                    .iter()
                    .any(|class| other.classes.contains(class));
            if one.article == other.article || !same_act {
                continue;
            }
            let shared = one
                .parties
                .iter()
                .any(|party| other.parties.contains(party));
            if !(shared || one.parties.is_empty() || other.parties.is_empty()) {
                continue;
            }
            let same = one.date.precision == other.date.precision
                && one.date.value.is_some()
                && one.date.value == other.date.value;
            let apart = one_span.0.max(other_span.0) - one_span.1.min(other_span.1);
            if same || one_span == other_span || apart > 366 {
                continue;
            }
            // Any date of one report for this act that one of the other report's agrees with
            // settles it.
            let dates_of = |article: usize| {
                placed.iter().filter(move |(happening, _)| {
                    happening.article == article
                        && (happening.class == one.class || happening.classes.contains(&one.class))
                })
            };
            if dates_of(one.article).any(|(_, a)| dates_of(other.article).any(|(_, b)| a == b)) {
                continue;
            }
            let key = (
                one.article.min(other.article),
                one.article.max(other.article),
                one.class,
            );
            if !seen.insert(key) {
                continue;
            }
            let title = match one.class {
                "sign" => "When the agreement was signed".to_owned(),
                "sue" => "When the claim was filed".to_owned(),
                "notice" => "When the notice was served".to_owned(),
                "terminate" => "When it was terminated".to_owned(),
                "announce" => "When it was announced".to_owned(),
                "rule" => "When the ruling came".to_owned(),
                "meet" => "When the parties met".to_owned(),
                "pay" => "When payment was made".to_owned(),
                "deliver" => "When deliveries came".to_owned(),
                "start" => "When it starts".to_owned(),
                "invest" => "When the investment was made".to_owned(),
                class => format!("When: {class}"),
            };
            let overlapping = one_span.0 <= other_span.1 && other_span.0 <= one_span.1;
            found.push(Candidate {
                kind: ConflictKind::Timing,
                title,
                difference: if overlapping {
                    format!("One report dates it “{}”, the other “{}”: they overlap, but one is more precise.", one.date.text, other.date.text)
                } else {
                    format!("One report dates it “{}”; the other “{}”.", one.date.text, other.date.text)
                },
                sides: vec![
                    side(one.article, vec![one.sentence.clone()], vec![one.date.text.clone()], one.date.text.clone()),
                    side(other.article, vec![other.sentence.clone()], vec![other.date.text.clone()], other.date.text.clone()),
                ],
                parties: one.parties.iter().filter(|party| other.parties.contains(party)).copied().collect(),
                contract: None,
            });
        }
    }
    found
}

/// Different parties named for the same act by two reports: who sued, terminated or served
/// notice ("by"), and whom a suit is against ("against").
pub fn roles(roles: &Roles, party_names: &[String]) -> Vec<Candidate> {
    let mut found = Vec::new();
    let names = |parties: &BTreeSet<usize>| {
        parties
            .iter()
            .map(|party| party_names[*party].clone())
            .collect::<Vec<_>>()
            .join(" and ")
    };
    for ((class, role, article), (parties, sentences)) in roles {
        for ((other_class, other_role, other_article), (other_parties, other_sentences)) in
            roles.range((*class, *role, article + 1)..)
        {
            if other_class != class || other_role != role || parties == other_parties {
                continue;
            }
            let title = match (*class, *role) {
                ("sue", "against") => "Who is sued".to_owned(),
                ("sue", _) => "Who is suing".to_owned(),
                ("terminate", _) => "Who terminated".to_owned(),
                _ => "Who served notice".to_owned(),
            };
            found.push(Candidate {
                kind: ConflictKind::Scope,
                title,
                difference: format!(
                    "One report names {}; the other {}.",
                    names(parties),
                    names(other_parties)
                ),
                sides: vec![
                    side(*article, sentences.clone(), Vec::new(), names(parties)),
                    side(
                        *other_article,
                        other_sentences.clone(),
                        Vec::new(),
                        names(other_parties),
                    ),
                ],
                parties: parties.union(other_parties).copied().collect(),
                contract: None,
            });
        }
    }
    found
}
