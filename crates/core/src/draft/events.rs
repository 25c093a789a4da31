//! What happened, and when: one event per act the reports date or give as a step of the case
//! (the suit, a ruling, a termination, an acquisition, a licence granted), named by its act and
//! its real actor ("Peerless Network sues Verizon"), the same act in several reports one event
//! when they date it alike; and each other sentence that dates something, titled by its own
//! words from its subject on. Dates stay as each report gives them.

use super::acts::{Act, ActKind};
use crate::model::{DatePrecision, EventStatus, ReportedDate};
use crate::text::dates::{dates_in, ReportDate};
use crate::text::lexicon::Words;
use crate::text::segment::BlockKind;
use crate::text::Reading;
use std::collections::BTreeSet;
use std::ops::Range;

/// An event the draft proposes.
#[derive(Clone, Debug, PartialEq)]
pub struct Happening {
    pub title: String,
    pub date: ReportedDate,
    pub status: EventStatus,
    /// The parties it names, as entity indexes.
    pub parties: Vec<usize>,
    /// The article whose date it carries first, and every sentence it comes from.
    pub article: usize,
    pub sentences: Vec<(usize, Range<usize>)>,
    /// The act it is, when it is one (for comparing dates across reports).
    pub act: Option<ActKind>,
}

/// The events of the draft: `names` gives a party's short name (or none for an entity that
/// is no party).
pub fn find(
    acts: &[Act],
    readings: &[Reading],
    reports: &[ReportDate],
    ids: &[&str],
    names: &dyn Fn(usize) -> Option<String>,
) -> Vec<Happening> {
    let mut events: Vec<Happening> = Vec::new();
    let mut covered: BTreeSet<(usize, usize)> = BTreeSet::new();
    for act in acts {
        if matches!(act.kind, ActKind::Breach) || act.noun_only {
            continue;
        }
        let Some(title) = title(act, names) else {
            continue;
        };
        let date = act
            .date
            .as_ref()
            .map(|(_, date)| date.clone())
            .unwrap_or_else(undated);
        // A step of the case is an event even undated; any other act only when dated.
        if date.value.is_none() && date.precision != DatePrecision::Relative && !act.kind.is_legal()
        {
            continue;
        }
        covered.insert((act.article, act.sentence));
        let parties: Vec<usize> = act
            .actors
            .iter()
            .chain(&act.objects)
            .copied()
            .filter(|&entity| names(entity).is_some())
            .collect();
        let sentence = (act.article, act.range.clone());
        let same = events.iter_mut().find(|event| {
            event.act == Some(act.kind)
                && event.title == title
                && (event.date.value == date.value && event.date.precision == date.precision
                    || date.value.is_none() && date.precision != DatePrecision::Relative)
        });
        match same {
            Some(event) => {
                if !event.sentences.contains(&sentence) {
                    event.sentences.push(sentence);
                }
            }
            None => events.push(Happening {
                title,
                date,
                status: if act.hedged {
                    EventStatus::Expected
                } else {
                    EventStatus::Happened
                },
                parties,
                article: act.article,
                sentences: vec![sentence],
                act: Some(act.kind),
            }),
        }
    }
    for (article, reading) in readings.iter().enumerate() {
        for (index, sentence) in reading.sentences.iter().enumerate() {
            if covered.contains(&(article, index))
                || reading.blocks[sentence.block].kind == BlockKind::Headline
            {
                continue;
            }
            if let Some(event) =
                dated_sentence(reading, article, index, reports[article], ids[article])
            {
                let duplicate = events.iter_mut().find(|known| {
                    known.act.is_none()
                        && known.title == event.title
                        && known.date.value == event.date.value
                });
                match duplicate {
                    Some(known) => known.sentences.extend(event.sentences),
                    None => events.push(event),
                }
            }
        }
    }
    events
}

fn undated() -> ReportedDate {
    ReportedDate {
        text: "not dated in the reports".to_owned(),
        precision: DatePrecision::Unknown,
        value: None,
        relative_to: None,
    }
}

/// "Peerless Network sues Verizon", "Nuvia’s licences terminate", "Qualcomm acquires Nuvia",
/// "The court rules for Qualcomm": the act with its real actor, in the present.
pub fn title(act: &Act, names: &dyn Fn(usize) -> Option<String>) -> Option<String> {
    let list = |entities: &[usize]| {
        let names: Vec<String> = entities
            .iter()
            .filter_map(|&entity| names(entity))
            .collect();
        match names.len() {
            0 => None,
            1 => Some(names[0].clone()),
            _ => Some(format!(
                "{} and {}",
                names[..names.len() - 1].join(", "),
                names[names.len() - 1]
            )),
        }
    };
    let (one, many) = act.kind.verb();
    let plural = act
        .actors
        .iter()
        .filter(|&&entity| names(entity).is_some())
        .count()
        > 1;
    let verb = if plural { many } else { one };
    let actors = list(&act.actors);
    let objects = list(&act.objects);
    let title = match (act.kind, actors, objects) {
        (ActKind::Launch, _, Some(objects)) => format!("{objects} launches"),
        (ActKind::Talks, Some(actors), Some(objects)) => {
            format!("{actors} and {objects} negotiate")
        }
        (ActKind::Talks, Some(actors), None) if plural => format!("{actors} negotiate"),
        (ActKind::Talks, None, None) => "The parties negotiate".to_owned(),
        (ActKind::State | ActKind::Counsel, Some(actors), _) => format!("{actors} {verb}"),
        (ActKind::Sign, None, Some(objects)) => format!("An agreement with {objects} is announced"),
        (ActKind::Rule, _, Some(objects)) => format!("The court rules for {objects}"),
        (ActKind::Rule, _, None) => "The court rules".to_owned(),
        (ActKind::Award, Some(actors), None) => format!("{actors} is awarded damages"),
        (ActKind::Award, _, Some(objects)) => format!("{objects} is awarded damages"),
        (ActKind::Terminate, None, Some(objects)) => format!("{objects}’s agreement ends"),
        (ActKind::Settle | ActKind::Sign, Some(actors), Some(objects)) => format!(
            "{actors} and {objects} {}",
            if matches!(act.kind, ActKind::Sign) {
                "sign an agreement"
            } else {
                "settle"
            }
        ),
        (ActKind::Sign, Some(actors), None) if plural => format!("{actors} sign an agreement"),
        (ActKind::Settle, Some(actors), None) => {
            format!("{actors} {}", if plural { "settle" } else { "settles" })
        }
        (ActKind::Appeal, Some(actors), _) => format!("{actors} {verb}"),
        (ActKind::Sue, Some(actors), Some(objects)) if act.hedged => {
            format!("{actors} may sue {objects}")
        }
        (_, Some(actors), Some(objects)) => format!("{actors} {verb} {objects}"),
        _ => return None,
    };
    Some(title)
}

/// A sentence that dates something and reports no act: titled by its own words from its
/// subject on, up to twelve words.
fn dated_sentence(
    reading: &Reading,
    article: usize,
    index: usize,
    report: ReportDate,
    id: &str,
) -> Option<Happening> {
    let sentence = &reading.sentences[index];
    let text = reading.text;
    let found = dates_in(text, sentence.range.clone(), report, id)
        .into_iter()
        .find(|found| {
            found.date.value.is_some() || found.date.precision == DatePrecision::Relative
        })?;
    // A quotation dates the speaker's claim, not an event of the outlet's.
    if sentence.quotation.is_some()
        || found.date.precision == DatePrecision::Relative
            && found.date.text.eq_ignore_ascii_case("recently")
    {
        return None;
    }
    let tokens = reading.tokens_in(&sentence.range);
    // From the first word after a fronted date or phrase ("In March 2021, …").
    let comma = tokens.iter().take(8).position(|token| token.is_punct(','));
    let fronted = tokens
        .first()
        .is_some_and(|token| token.is_word() && Words::FrontedOpener.has(token.text(text)));
    let start = match comma {
        Some(comma) if fronted => comma + 1,
        _ => 0,
    };
    let words: Vec<&str> = tokens[start..]
        .iter()
        .filter(|token| !token.quoted)
        .take_while(|token| !token.is_punct(','))
        .filter(|token| token.is_word())
        .map(|token| token.text(text))
        .take(12)
        .collect();
    if words.len() < 3 {
        return None;
    }
    let mut title = words.join(" ");
    if let Some(first) = title.get(..1) {
        title = first.to_uppercase() + &title[1..];
    }
    if words.len() == 12 {
        title.push('…');
    }
    Some(Happening {
        title,
        date: found.date,
        status: EventStatus::Happened,
        parties: Vec::new(),
        article,
        sentences: vec![(article, sentence.range.clone())],
        act: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{acts, entities};
    use crate::text::read;

    fn titles(text: &str) -> Vec<(String, String)> {
        let readings = vec![read(text)];
        let entities = entities::resolve(&readings);
        let found = acts::find(&readings, &entities, &[None], &["a"]);
        let names = |entity: usize| {
            entities.list[entity]
                .can_be_party()
                .then(|| entities.list[entity].short_name())
        };
        find(&found, &readings, &[None], &["a"], &names)
            .into_iter()
            .map(|event| (event.title, event.date.text))
            .collect()
    }

    #[test]
    fn events_are_named_by_their_act_and_their_actor() {
        let cases: Vec<(&str, &str, Vec<(&str, &str)>)> = vec![
            (
                "the suit, named by who sues",
                "Tariff row\nIn September 2014, Peerless Network sued Verizon over unpaid charges.",
                vec![("Peerless Network sues Verizon", "September 2014")],
            ),
            (
                "a licence ending, named by whose it is",
                "Chip row\nArm said that Nuvia’s licenses terminated in March 2022.",
                vec![("Nuvia’s agreement ends", "March 2022")],
            ),
            (
                "an acquisition",
                "Chip row\nQualcomm acquired Nuvia for $1.4 billion in 2021.",
                vec![("Qualcomm acquires Nuvia", "2021")],
            ),
            (
                "a dated sentence with no act keeps its own words",
                "Chip row\nIn March 2026, the trial of the counterclaims is expected to begin in Wilmington.",
                vec![("The trial of the counterclaims is expected to begin in Wilmington", "March 2026")],
            ),
        ];
        for (name, text, expected) in cases {
            let expected: Vec<(String, String)> = expected
                .iter()
                .map(|(title, date)| (title.to_string(), date.to_string()))
                .collect();
            assert_eq!(titles(text), expected, "{name}");
        }
    }
}
