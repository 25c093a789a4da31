//! Where the reports disagree, found by comparing what they attach to the same thing, once
//! the entities are one (two names of one party are never a disagreement): the dates of the
//! same act (one report has a licence end "in February", another "in March 2022"), the figures
//! of the same agreement or of the same counted thing, whom the same suit names, the same
//! quoted words attributed to different speakers, and the different stages reports put the
//! same legal action at. Each candidate names its sides' sentences; the author confirms it.

use super::acts::{Act, ActKind};
use super::agreements::Agreement;
use super::figures::Figure;
use super::when::{span, Day};
use crate::model::{Attribution, ConflictKind, ReportedDate};
use crate::text::Reading;
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

/// What an act is about, for telling two reports' acts are one: its kind, and for an
/// agreement's ending or signing, the agreement's noun class.
fn same_act(one: &Act, other: &Act, readings: &[Reading]) -> bool {
    if one.kind != other.kind || one.article == other.article {
        return false;
    }
    // An agreement's ending is the same act whoever the two reports name for it, when both
    // name the same kind of agreement ("ended the license", "Ravensgill's licence terminated").
    if one.kind == ActKind::Terminate {
        let class = |act: &Act| {
            act.thing
                .as_ref()
                .map(|thing| agreement_class(&readings[act.article].text[thing.clone()]))
        };
        if let (Some(a), Some(b)) = (class(one), class(other)) {
            if a == b {
                return true;
            }
        }
    }
    let involved = |act: &Act| {
        act.actors
            .iter()
            .chain(&act.objects)
            .copied()
            .collect::<BTreeSet<usize>>()
    };
    let (a, b) = (involved(one), involved(other));
    let shared = a.is_empty() || b.is_empty() || !a.is_disjoint(&b);
    let same_agreement = match (one.agreement, other.agreement) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    shared && same_agreement
}

/// The kind of agreement words name, spelling aside: "licence", "license" and "licenses" are
/// one; "agreement", "contract" and "deal" another.
fn agreement_class(words: &str) -> &'static str {
    let lower = words.to_lowercase();
    if lower.contains("licen") {
        "licence"
    } else if lower.contains("lease") {
        "lease"
    } else if lower.contains("order") {
        "order"
    } else {
        "agreement"
    }
}

/// The months and years a date's words name: ("february", none), ("march", 2026).
fn calendar_words(date: &ReportedDate) -> (Option<u8>, Option<String>) {
    let mut month = None;
    let mut year = None;
    for word in date.text.split(|c: char| !c.is_alphanumeric()) {
        if let Some(number) = crate::text::dates::is_month(word) {
            month = Some(number);
        }
        if word.len() == 4 && word.chars().all(|c| c.is_ascii_digit()) {
            year = Some(word.to_owned());
        }
    }
    (month, year)
}

/// Whether two dates differ when one cannot be placed on the calendar: both name months and
/// they are not one, or both name years and they are not one ("in February" and "in March 2026").
fn words_differ(one: &ReportedDate, other: &ReportedDate) -> bool {
    let (one_month, one_year) = calendar_words(one);
    let (other_month, other_year) = calendar_words(other);
    matches!((one_month, other_month), (Some(a), Some(b)) if a != b)
        || matches!((&one_year, &other_year), (Some(a), Some(b)) if a != b)
}

/// The title of a disagreement on when an act happened; `names` is what the act concerns
/// ("licence").
fn when_title(kind: ActKind, names: &str) -> String {
    match kind {
        ActKind::Sue => "When the claim was filed".to_owned(),
        ActKind::Threaten => "When legal action was threatened".to_owned(),
        ActKind::Terminate => format!("When the {names} ended"),
        ActKind::Acquire => "When the acquisition was made".to_owned(),
        ActKind::Sign => "When the agreement was signed".to_owned(),
        ActKind::Grant => "When the licence was granted".to_owned(),
        ActKind::Rule => "When the court ruled".to_owned(),
        ActKind::Award => "When damages were awarded".to_owned(),
        ActKind::Settle => "When the parties settled".to_owned(),
        ActKind::Appeal => "When the appeal came".to_owned(),
        ActKind::Drop => "When the claim was dropped".to_owned(),
        ActKind::Breach => "When the breach happened".to_owned(),
        ActKind::Invest => "When the investment was made".to_owned(),
        ActKind::State => "When the statement was issued".to_owned(),
        ActKind::Counsel => "When counsel was retained".to_owned(),
        ActKind::Talks => "When the talks took place".to_owned(),
        ActKind::Launch => "When it launches".to_owned(),
    }
}

/// The same act dated differently by two reports ("ended in February" and "terminated in
/// March 2022"), compared as the days each date can mean, a relative date read against its
/// report's day. Dates more than a year apart are two acts, not two accounts of one.
pub fn timing(acts: &[Act], days: &[Option<Day>], readings: &[Reading]) -> Vec<Candidate> {
    // Dates that cannot be placed ("in February" in an undated report) are compared by the
    // months and years they name, as a span that no other date equals.
    // Rulings, statements and talks come many to a case: two dates are two of them.
    let single = |kind: ActKind| {
        !matches!(
            kind,
            ActKind::Rule
                | ActKind::Award
                | ActKind::State
                | ActKind::Talks
                | ActKind::Launch
                | ActKind::Breach
        )
    };
    let placed: Vec<(&Act, &ReportedDate, (i64, i64))> = acts
        .iter()
        .filter(|act| !act.hedged && !act.noun_only && single(act.kind))
        .filter_map(|act| {
            let (_, date) = act.date.as_ref()?;
            let span = span(date, days[act.article]).unwrap_or((i64::MIN / 4, i64::MAX / 4));
            Some((act, date, span))
        })
        .collect();
    let mut found = Vec::new();
    let mut seen: BTreeSet<(usize, usize, ActKind)> = BTreeSet::new();
    for (position, (one, one_date, one_span)) in placed.iter().enumerate() {
        for (other, other_date, other_span) in &placed[position + 1..] {
            if !same_act(one, other, readings) {
                continue;
            }
            let unplaced = |span: &(i64, i64)| span.0 == i64::MIN / 4;
            let same_value = one_date.value.is_some()
                && one_date.value == other_date.value
                && one_date.precision == other_date.precision;
            if unplaced(one_span) || unplaced(other_span) {
                if !words_differ(one_date, other_date) {
                    continue;
                }
            } else {
                let apart = one_span.0.max(other_span.0) - one_span.1.min(other_span.1);
                // "September 2014" and "September 23, 2014": one more precise, no disagreement.
                let within = |a: &(i64, i64), b: &(i64, i64)| a.0 >= b.0 && a.1 <= b.1;
                if same_value
                    || one_span == other_span
                    || apart > 366
                    || within(one_span, other_span)
                    || within(other_span, one_span)
                {
                    continue;
                }
            }
            // Any date of one report for this act that one of the other's agrees with settles it.
            let spans_of = |article: usize| {
                placed.iter().filter(move |(act, ..)| {
                    act.article == article && (same_act(act, one, readings) || act == one)
                })
            };
            if spans_of(one.article)
                .any(|(_, _, a)| spans_of(other.article).any(|(_, _, b)| a == b))
            {
                continue;
            }
            let key = (
                one.article.min(other.article),
                one.article.max(other.article),
                one.kind,
            );
            if !seen.insert(key) {
                continue;
            }
            let thing = one
                .thing
                .as_ref()
                .map(|thing| agreement_class(&readings[one.article].text[thing.clone()]))
                .unwrap_or("agreement");
            let overlapping = !unplaced(one_span)
                && !unplaced(other_span)
                && one_span.0 <= other_span.1
                && other_span.0 <= one_span.1;
            found.push(Candidate {
                kind: ConflictKind::Timing,
                title: when_title(one.kind, thing),
                difference: if overlapping {
                    format!("One report dates it “{}”, the other “{}”: they overlap, but one is more precise.", one_date.text, other_date.text)
                } else {
                    format!("One report dates it “{}”; the other “{}”.", one_date.text, other_date.text)
                },
                sides: vec![
                    side(one.article, vec![one.range.clone()], vec![one_date.text.clone()], one_date.text.clone()),
                    side(other.article, vec![other.range.clone()], vec![other_date.text.clone()], other_date.text.clone()),
                ],
                parties: one.actors.iter().chain(&one.objects).filter(|entity| other.actors.contains(entity) || other.objects.contains(entity)).copied().collect(),
                contract: None,
            });
        }
    }
    found
}

/// Whom the same legal action names, different in two reports: who is sued ("Halvard
/// Shipping and Norrvik Holdings" against "Halvard Shipping and Kestrel Lines"), who sues.
pub fn roles(
    acts: &[Act],
    respondents: &[usize],
    names: &dyn Fn(usize) -> Option<String>,
) -> Vec<Candidate> {
    type Named = BTreeMap<usize, (BTreeSet<usize>, Vec<Range<usize>>)>;
    let mut by: Named = BTreeMap::new();
    let mut against: Named = BTreeMap::new();
    // A counter-suit (a respondent suing) is another action, not another account of this one.
    let counter = |act: &Act| {
        !act.actors.is_empty() && act.actors.iter().all(|actor| respondents.contains(actor))
    };
    for act in acts
        .iter()
        .filter(|act| matches!(act.kind, ActKind::Sue | ActKind::Threaten) && !counter(act))
    {
        for (table, entities) in [(&mut by, &act.actors), (&mut against, &act.objects)] {
            let named: BTreeSet<usize> = entities
                .iter()
                .copied()
                .filter(|&entity| names(entity).is_some())
                .collect();
            if named.is_empty() {
                continue;
            }
            let entry = table.entry(act.article).or_default();
            entry.0.extend(named);
            entry.1.push(act.range.clone());
        }
    }
    let describe = |set: &BTreeSet<usize>| {
        if set.is_empty() {
            return "all parties".to_owned();
        }
        set.iter()
            .filter_map(|&entity| names(entity))
            .collect::<Vec<_>>()
            .join(" and ")
    };
    // Who is in the talks: every party a report names for them, or all of them ("all parties
    // are negotiating") — a set of its own, told apart by being empty.
    let mut talks: Named = BTreeMap::new();
    for act in acts.iter().filter(|act| act.kind == ActKind::Talks) {
        let named: BTreeSet<usize> = act
            .actors
            .iter()
            .chain(&act.objects)
            .copied()
            .filter(|&entity| names(entity).is_some())
            .collect();
        let entry = talks.entry(act.article).or_default();
        entry.0.extend(named);
        entry.1.push(act.range.clone());
    }
    let mut found = Vec::new();
    for (table, title) in [
        (&against, "Who is sued"),
        (&by, "Who is suing"),
        (&talks, "Who is in the talks"),
    ] {
        let articles: Vec<&usize> = table.keys().collect();
        for (position, first) in articles.iter().enumerate() {
            for second in &articles[position + 1..] {
                let (one, one_sentences) = &table[first];
                let (other, other_sentences) = &table[second];
                if one == other {
                    continue;
                }
                found.push(Candidate {
                    kind: ConflictKind::Scope,
                    title: title.to_owned(),
                    difference: format!(
                        "One report names {}; the other {}.",
                        describe(one),
                        describe(other)
                    ),
                    sides: vec![
                        side(**first, one_sentences.clone(), Vec::new(), describe(one)),
                        side(
                            **second,
                            other_sentences.clone(),
                            Vec::new(),
                            describe(other),
                        ),
                    ],
                    parties: one.union(other).copied().collect(),
                    contract: None,
                });
            }
        }
    }
    found
}

/// One agreement given different values by two reports ("valued at $1.4bn" and "$1.5 billion").
pub fn agreement_figures(
    agreements: &[Agreement],
    acts: &[Act],
    readings: &[Reading],
) -> Vec<Candidate> {
    let mut found = Vec::new();
    for (index, agreement) in agreements.iter().enumerate() {
        let figures: Vec<(&Act, &Figure)> = agreement
            .acts
            .iter()
            .filter_map(|&act| Some((&acts[act], acts[act].figure.as_ref()?)))
            .collect();
        for (position, (one, one_figure)) in figures.iter().enumerate() {
            let Some((other, other_figure)) =
                figures[position + 1..].iter().find(|(other, figure)| {
                    other.article != one.article
                        && figure.unit == one_figure.unit
                        && !figure.agrees_with(one_figure)
                })
            else {
                continue;
            };
            let written = |act: &Act, figure: &Figure| {
                readings[act.article].text[figure.range.clone()].to_owned()
            };
            let (a, b) = (written(one, one_figure), written(other, other_figure));
            found.push(Candidate {
                kind: ConflictKind::Figure,
                title: format!(
                    "What {} is worth: {a} or {b}",
                    with_article(&agreement.title)
                ),
                difference: format!("One report gives {a}; the other {b}."),
                sides: vec![
                    side(one.article, vec![one.range.clone()], vec![a.clone()], a),
                    side(other.article, vec![other.range.clone()], vec![b.clone()], b),
                ],
                parties: agreement.parties.clone(),
                contract: Some(index),
            });
            break;
        }
    }
    found
}

/// One agreement dated differently by two reports ("signed several agreements last month"
/// against "the agreement, announced earlier this month"): dates whose values differ, or, where
/// neither can be placed on the calendar, whose words do.
pub fn agreement_timing(
    agreements: &[Agreement],
    acts: &[Act],
    days: &[Option<Day>],
) -> Vec<Candidate> {
    let mut found = Vec::new();
    for (index, agreement) in agreements.iter().enumerate() {
        let dated: Vec<(&Act, &ReportedDate)> = agreement
            .acts
            .iter()
            .map(|&act| &acts[act])
            .filter(|act| !act.hedged && act.kind != ActKind::Terminate)
            .filter_map(|act| Some((act, &act.date.as_ref()?.1)))
            .collect();
        'pairs: for (position, (one, one_date)) in dated.iter().enumerate() {
            for (other, other_date) in &dated[position + 1..] {
                if one.article == other.article {
                    continue;
                }
                let spans = (
                    span(one_date, days[one.article]),
                    span(other_date, days[other.article]),
                );
                let differ = match spans {
                    (Some(a), Some(b)) => a != b && !(a.0 <= b.1 && b.0 <= a.1),
                    _ => one_date.text.to_lowercase() != other_date.text.to_lowercase(),
                };
                if !differ {
                    continue;
                }
                found.push(Candidate {
                    kind: ConflictKind::Timing,
                    title: format!("When the {} was made", agreement.title),
                    difference: format!(
                        "One report dates it “{}”; the other “{}”.",
                        one_date.text, other_date.text
                    ),
                    sides: vec![
                        side(
                            one.article,
                            vec![one.range.clone()],
                            vec![one_date.text.clone()],
                            one_date.text.clone(),
                        ),
                        side(
                            other.article,
                            vec![other.range.clone()],
                            vec![other_date.text.clone()],
                            other_date.text.clone(),
                        ),
                    ],
                    parties: agreement.parties.clone(),
                    contract: Some(index),
                });
                break 'pairs;
            }
        }
    }
    found
}

/// The qualifiers reports give the same agreement, family by family ("exclusive third-party"
/// against "sole"; "distribution" against "provider").
pub fn qualifiers(agreements: &[Agreement], readings: &[Reading]) -> Vec<Candidate> {
    let mut found = Vec::new();
    for (index, agreement) in agreements.iter().enumerate() {
        for (theme, family) in crate::text::lexicon::QUALIFIER_FAMILIES {
            // Per article: the family's words its sentences use, and those sentences.
            let mut by_article: BTreeMap<usize, (BTreeSet<String>, Vec<Range<usize>>)> =
                BTreeMap::new();
            for (article, range) in &agreement.sentences {
                let reading = &readings[*article];
                let present: BTreeSet<String> = reading
                    .tokens_in(range)
                    .iter()
                    .filter(|token| token.is_word())
                    .map(|token| token.text(reading.text).to_lowercase())
                    .filter(|word| family.contains(&word.as_str()))
                    .collect();
                if present.is_empty() {
                    continue;
                }
                let entry = by_article.entry(*article).or_default();
                entry.0.extend(present);
                if !entry.1.contains(range) {
                    entry.1.push(range.clone());
                }
            }
            let articles: Vec<usize> = by_article.keys().copied().collect();
            for (position, first) in articles.iter().enumerate() {
                for second in &articles[position + 1..] {
                    let (a, a_sentences) = &by_article[first];
                    let (b, b_sentences) = &by_article[second];
                    if a == b {
                        continue;
                    }
                    let describe =
                        |set: &BTreeSet<String>| set.iter().cloned().collect::<Vec<_>>().join(", ");
                    let written = |article: usize,
                                   sentences: &[Range<usize>],
                                   words: &BTreeSet<String>|
                     -> Vec<String> {
                        let reading = &readings[article];
                        sentences
                            .iter()
                            .flat_map(|range| reading.tokens_in(range).iter())
                            .filter(|token| {
                                token.is_word()
                                    && words.contains(&token.text(reading.text).to_lowercase())
                            })
                            .map(|token| token.text(reading.text).to_owned())
                            .collect::<BTreeSet<String>>()
                            .into_iter()
                            .collect()
                    };
                    found.push(Candidate {
                        kind: ConflictKind::Scope,
                        title: format!("The {}: {theme}", agreement.title),
                        difference: format!(
                            "One report says {}; the other {}.",
                            describe(a),
                            describe(b)
                        ),
                        sides: vec![
                            side(
                                *first,
                                a_sentences.clone(),
                                written(*first, a_sentences, a),
                                describe(a),
                            ),
                            side(
                                *second,
                                b_sentences.clone(),
                                written(*second, b_sentences, b),
                                describe(b),
                            ),
                        ],
                        parties: agreement.parties.clone(),
                        contract: Some(index),
                    });
                }
            }
        }
    }
    found
}

/// An agreement's title as a sentence names it: "the" before a title that is no possessive
/// ("the Technology License Agreement", but "Qualcomm’s acquisition of Nuvia").
fn with_article(title: &str) -> String {
    if title.contains('’') || title.contains('\'') || title.starts_with("the ") {
        title.to_owned()
    } else {
        format!("the {title}")
    }
}
