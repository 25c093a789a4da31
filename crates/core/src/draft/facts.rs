//! The facts a draft is built from, read sentence by sentence: agreements between parties
//! (their value and date as written, the words that qualify them), investments, and what
//! happened or is expected (a signing, a suit weighed, talks, a launch), each dated at exactly
//! the precision the text gives.

use super::figures::{figures_in, Figure};
use crate::model::{ContractStatus, DatePrecision, EventStatus, ReportedDate};
use crate::suggest::names::Mention;
use crate::text::dates::{dates_in, ReportDate};
use crate::text::lexicon::Words;
use crate::text::tokens::{is_one_of, Token};
use std::ops::Range;

/// One article read for facts.
pub struct Article<'a> {
    pub index: usize,
    pub id: &'a str,
    pub text: &'a str,
    pub report: ReportDate,
}

/// A sentence with its tokens and the parties it names.
pub struct Sentence<'a> {
    pub article: usize,
    pub range: Range<usize>,
    pub tokens: Vec<Token>,
    pub mentions: Vec<Mention>,
    pub text: &'a str,
}

impl Sentence<'_> {
    fn word(&self, index: usize) -> Option<&str> {
        self.tokens
            .get(index)
            .filter(|token| token.is_word())
            .map(|token| token.text(self.text))
    }

    fn words(&self) -> impl Iterator<Item = (usize, &str)> {
        self.tokens
            .iter()
            .enumerate()
            .filter(|(_, token)| token.is_word())
            .map(|(index, token)| (index, token.text(self.text)))
    }

    fn has(&self, table: &[&str]) -> bool {
        self.words().any(|(_, word)| is_one_of(word, table))
    }

    /// The parties named in the sentence, in order, each once.
    pub fn parties(&self) -> Vec<usize> {
        let mut parties = Vec::new();
        for mention in &self.mentions {
            if !parties.contains(&mention.party) {
                parties.push(mention.party);
            }
        }
        parties
    }

    /// The party named just before token `index` (a possessor, a subject).
    fn party_before(&self, index: usize, within: usize) -> Option<usize> {
        self.mentions
            .iter()
            .filter(|mention| mention.end <= index && index - mention.end <= within)
            .map(|mention| mention.party)
            .next_back()
    }

    /// The parties named right after the preposition at `index` ("with Amazon Web Services",
    /// "between Halvorsen and Skarvik"): the first within a few words, and any joined to it by
    /// "and".
    fn parties_after(&self, index: usize) -> Vec<usize> {
        let mut parties = Vec::new();
        let mut reach = index + 6;
        for mention in self.mentions.iter().filter(|mention| mention.start > index) {
            if mention.start > reach {
                break;
            }
            if !parties.contains(&mention.party) {
                parties.push(mention.party);
            }
            // "… and Y": the next may follow an "and".
            let joined = self
                .word(mention.end)
                .is_some_and(|word| is_one_of(word, &["and", "&"]))
                || self
                    .tokens
                    .get(mention.end)
                    .is_some_and(|token| token.is_punct(','));
            if !joined {
                break;
            }
            reach = mention.end + 2;
        }
        parties
    }

    /// "the AI company", "the carrier": the party named last before `index` that is not one of
    /// `not`.
    fn company_before(&self, index: usize, not: &[usize]) -> Option<usize> {
        let refers = (index.saturating_sub(8)..index).any(|at| {
            self.word(at)
                .is_some_and(|word| word.eq_ignore_ascii_case("the"))
                && (at + 1..(at + 3).min(index)).any(|noun| {
                    self.word(noun)
                        .is_some_and(|word| Words::CompanyNoun.has(word))
                })
        });
        if !refers {
            return None;
        }
        self.mentions
            .iter()
            .filter(|mention| mention.end <= index && !not.contains(&mention.party))
            .map(|mention| mention.party)
            .next_back()
    }
}

/// Nouns of an agreement between parties.
const DEAL_NOUNS: &[&str] = &[
    "agreement",
    "agreements",
    "deal",
    "deals",
    "contract",
    "contracts",
    "partnership",
    "pact",
    "lease",
    "charter",
    "licence",
    "license",
    "accord",
    "arrangement",
    "alliance",
    "investment",
    "investments",
    "stake",
    "order",
];

/// Words that open a clause of their own: what stands before them is another clause's.
const SUBORDINATORS: &[&str] = &[
    "after",
    "before",
    "when",
    "because",
    "since",
    "while",
    "although",
    "though",
    "that",
    "which",
    "following",
    "including",
    "whereas",
    "unless",
];

/// Words that say an agreement was made, and its status.
const SIGNED: &[&str] = &[
    "signed", "signs", "sign", "inked", "struck", "reached", "agreed", "entered", "sealed",
];
const ANNOUNCED: &[&str] = &["announced", "announces", "unveiled", "unveils", "revealed"];
const ENDED: &[&str] = &[
    "cancelled",
    "canceled",
    "terminated",
    "scrapped",
    "ended",
    "cancels",
    "terminates",
];

/// The families of qualifier words two reports may disagree on for the same agreement.
pub const CONTRASTS: &[(&str, &[&str])] = &[
    (
        "how exclusive",
        &[
            "exclusive",
            "sole",
            "non-exclusive",
            "preferred",
            "priority",
            "first",
        ],
    ),
    (
        "distribution or provision",
        &[
            "distribution",
            "distributing",
            "provider",
            "infrastructure",
            "hosting",
        ],
    ),
    (
        "what it covers",
        &["stateless", "apis", "technology", "models", "commercial"],
    ),
    (
        "how firm",
        &[
            "firm",
            "priority",
            "interruptible",
            "guaranteed",
            "unconditional",
            "conditional",
        ],
    ),
    ("how binding", &["binding", "non-binding", "non‑binding"]),
];

/// An agreement as one sentence gives it.
#[derive(Clone, Debug)]
pub struct Deal {
    pub parties: Vec<usize>,
    pub investment: bool,
    /// "cloud deal", "supply agreement": the noun and the word before it.
    pub noun: String,
    pub value: Option<(String, Figure)>,
    pub date: Option<ReportedDate>,
    pub status: ContractStatus,
    /// The qualifier words of its own phrase ("exclusive cloud distribution deal").
    pub phrase_words: Vec<String>,
    pub article: usize,
    pub sentence: Range<usize>,
}

/// What happened or is expected, as one sentence gives it.
#[derive(Clone, Debug)]
pub struct Happening {
    pub kind: HappeningKind,
    /// The family of act (`ACTIONS`), for comparing dates across reports.
    pub class: &'static str,
    /// Every family of act its sentence names.
    pub classes: Vec<&'static str>,
    pub parties: Vec<usize>,
    pub date: ReportedDate,
    pub status: EventStatus,
    /// The figure it carries (an investment's amount).
    pub figure: Option<(String, Figure)>,
    pub subject: Option<String>,
    pub article: usize,
    pub sentence: Range<usize>,
    /// The agreement it is about, by its place among the sentence's deals.
    pub deal: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HappeningKind {
    Signing,
    Investment,
    LegalAction,
    Counsel,
    Talks,
    Statement,
    Launch,
    Filing,
    /// Any other dated happening, by what was done (`ACTIONS`).
    Dated,
}

/// What a dated sentence says was done, by the words that say it; the first family the
/// sentence has, nearest the date, names it. Two reports that date the same family of act by
/// the same parties differently disagree on timing.
pub const ACTIONS: &[(&str, &[&str])] = &[
    (
        "sign",
        &[
            "signed", "signs", "sign", "inked", "struck", "agreed", "entered",
        ],
    ),
    (
        "sue",
        &[
            "sued",
            "sues",
            "sue",
            "suing",
            "lawsuit",
            "suit",
            "complaint",
            "filed",
            "arbitration",
        ],
    ),
    ("notice", &["notice", "notified", "served"]),
    (
        "terminate",
        &[
            "terminated",
            "terminate",
            "terminates",
            "termination",
            "cancelled",
            "canceled",
            "cancels",
            "scrapped",
            "withdrew",
            "pulled",
        ],
    ),
    (
        "announce",
        &[
            "announced",
            "announces",
            "unveiled",
            "disclosed",
            "revealed",
        ],
    ),
    (
        "rule",
        &[
            "ruled",
            "ruling",
            "denied",
            "granted",
            "dismissed",
            "rejected",
            "ordered",
        ],
    ),
    ("hearing", &["hearing", "trial", "conference"]),
    ("meet", &["met", "meet", "meeting", "meets"]),
    (
        "talks",
        &["talks", "negotiations", "discussions", "negotiating"],
    ),
    ("pay", &["paid", "pay", "payment", "payments"]),
    (
        "deliver",
        &["delivered", "deliver", "deliveries", "delivery", "shipped"],
    ),
    (
        "start",
        &[
            "starts", "start", "starting", "begins", "began", "launch", "launches", "launched",
            "opens", "opened",
        ],
    ),
    (
        "fall",
        &[
            "fell", "fall", "falls", "dropped", "slumped", "rose", "climbed", "jumped",
        ],
    ),
    ("report", &["reported", "reports", "published"]),
    (
        "state",
        &["statement", "said", "says", "told", "confirmed", "warned"],
    ),
    ("write", &["wrote", "email", "emailed", "letter", "memo"]),
    (
        "expire",
        &[
            "expired", "expires", "ran", "passed", "lapsed", "ends", "ended",
        ],
    ),
    (
        "invest",
        &[
            "invested",
            "invests",
            "investment",
            "bought",
            "acquired",
            "stake",
        ],
    ),
];

/// The families of act a sentence names, but saying and reporting, which most sentences do.
pub fn actions_in(sentence: &Sentence) -> Vec<&'static str> {
    ACTIONS
        .iter()
        .filter(|(class, words)| !matches!(*class, "state" | "report") && sentence.has(words))
        .map(|(class, _)| *class)
        .collect()
}

/// The family of act a sentence dates: the one named nearest the date at `at` (a token),
/// verbs counting nearer than nouns.
pub fn action_near(sentence: &Sentence, at: usize) -> Option<&'static str> {
    let mut best: Option<(usize, &'static str)> = None;
    for (index, word) in sentence.words() {
        if let Some((class, _)) = ACTIONS.iter().find(|(_, words)| is_one_of(word, words)) {
            // A verb governs what is dated more than a noun does ("first reported the notice
            // on Tuesday" dates the report).
            let verb = word.ends_with("ed") && word.len() > 4;
            let distance = index.abs_diff(at).saturating_sub(if verb { 2 } else { 0 });
            if best.is_none_or(|(nearest, _)| distance < nearest) {
                best = Some((distance, class));
            }
        }
    }
    best.map(|(_, class)| class)
}

/// Every date of a sentence that no happening of it already carries, as a happening of its
/// own, titled by the sentence without the date: "Nov. 13: Corvane sues.", "A hearing … is
/// set for Dec. 10.". A weekday right before a calendar date ("On Friday, Nov. 13") is part
/// of it.
pub fn dated_in(sentence: &Sentence, article: &Article, already: &[Happening]) -> Vec<Happening> {
    let text = sentence.text;
    let found = dates_in(text, sentence.range.clone(), article.report, article.id);
    let mut happenings = Vec::new();
    for (position, date) in found.iter().enumerate() {
        let joined_to_next = found.get(position + 1).is_some_and(|next| {
            date.date.precision == DatePrecision::Relative
                && next.range.start.saturating_sub(date.range.end) <= 3
                && next.date.value.is_some()
        });
        // "— not Tuesday, as some early reports had it": a date denied is no date of it.
        let before = text[sentence.range.start..date.range.start]
            .trim_end_matches([' ', ','])
            .to_lowercase();
        let denied = ["not", "rather than", "instead of", "not on", "not in"]
            .iter()
            .any(|words| before.ends_with(words));
        if denied
            || joined_to_next
            || already.iter().any(|happening| {
                happening.sentence == sentence.range && happening.date.text == date.date.text
            })
        {
            continue;
        }
        let at = sentence
            .tokens
            .iter()
            .position(|token| token.range.start >= date.range.start)
            .unwrap_or(0);
        let Some(class) = action_near(sentence, at) else {
            continue;
        };
        let title = title_without(text, sentence.range.clone(), &found);
        if title.split_whitespace().count() < 2 {
            continue;
        }
        let status = if sentence.has(&[
            "will",
            "expected",
            "set",
            "due",
            "scheduled",
            "plans",
            "next",
        ]) || date.date.text.to_lowercase().contains("next")
        {
            EventStatus::Expected
        } else {
            EventStatus::Happened
        };
        happenings.push(Happening {
            kind: HappeningKind::Dated,
            class,
            classes: actions_in(sentence),
            parties: sentence.parties(),
            date: date.date.clone(),
            status,
            figure: None,
            subject: Some(title),
            article: article.index,
            sentence: sentence.range.clone(),
            deal: None,
        });
    }
    happenings
}

/// A sentence as a title: without its dates and the words that only place them ("on", "in",
/// "On Friday,"), its first letter capitalised, cut to about ten words.
fn title_without(text: &str, range: Range<usize>, dates: &[crate::text::dates::Found]) -> String {
    let mut kept = String::new();
    let mut at = range.start;
    for date in dates {
        // The words that only place the date go with it: "on", "in", "dated", "On Friday,".
        let mut start = date.range.start;
        loop {
            let before = text[at..start].trim_end_matches([' ', ',']);
            let word_start = before
                .rfind(char::is_whitespace)
                .map_or(at, |space| at + space + 1);
            let word = &text[word_start..at + before.len()];
            let placing = is_one_of(
                word,
                &[
                    "the", "on", "in", "at", "since", "from", "until", "by", "dated", "for", "of",
                    "during", "before", "after",
                ],
            );
            let weekday = is_one_of(
                word,
                &[
                    "monday",
                    "tuesday",
                    "wednesday",
                    "thursday",
                    "friday",
                    "saturday",
                    "sunday",
                ],
            );
            if word.is_empty() || !(placing || weekday) || word_start < at {
                break;
            }
            start = word_start;
        }
        kept.push_str(&text[at..start]);
        at = date.range.end.max(start);
    }
    kept.push_str(&text[at..range.end]);
    let words: Vec<&str> = kept
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| c == '“' || c == '”' || c == '"'))
        .filter(|word| !word.is_empty() && *word != "-" && *word != "—")
        .collect();
    let cleaned: Vec<&str> = words
        .into_iter()
        .filter(|word| !word.trim_matches([',', '.', ':', ';']).is_empty())
        .collect();
    let mut title: String = cleaned
        .iter()
        .take(10)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if cleaned.len() > 10 {
        title = format!("{}…", title.trim_end_matches([',', ';', ':', '.']));
    } else {
        title = title.trim_end_matches([',', ';', ':', '.']).to_owned();
    }
    let title = title.trim_start_matches([',', ':', ';', ' ']);
    let mut characters = title.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

fn unknown_date() -> ReportedDate {
    ReportedDate {
        text: "not dated in the reports".to_owned(),
        precision: DatePrecision::Unknown,
        value: None,
        relative_to: None,
    }
}

/// The agreements a sentence names. `last_deal` is the agreement named last before it, for "The
/// agreement, announced earlier this month, …".
pub fn deals_in(sentence: &Sentence, article: &Article, last_deal: Option<&Deal>) -> Vec<Deal> {
    let text = sentence.text;
    let figures = figures_in(text, &sentence.tokens);
    let dates = dates_in(text, sentence.range.clone(), article.report, article.id);
    let status = if sentence.has(ENDED) {
        ContractStatus::Terminated
    } else if sentence.has(&["non-binding", "non‑binding"]) {
        ContractStatus::NonBinding
    } else if sentence.has(ANNOUNCED) && !sentence.has(SIGNED) {
        ContractStatus::Announced
    } else {
        ContractStatus::Signed
    };
    let made = sentence.has(SIGNED) || sentence.has(ANNOUNCED);
    let mut deals = Vec::new();
    for (index, word) in sentence.words() {
        if !is_one_of(word, DEAL_NOUNS) || sentence.tokens[index].quoted {
            continue;
        }
        // "order" names a deal only after a figure ("a £340m order").
        if word.eq_ignore_ascii_case("order")
            && !figures.iter().any(|figure| {
                figure.range.end <= sentence.tokens[index].range.start
                    && sentence.tokens[index].range.start - figure.range.end < 12
            })
        {
            continue;
        }
        let investment = is_one_of(word, &["investment", "investments", "stake"]);
        // The clause the noun stands in: from the last comma or subordinating word before it.
        let clause_start = (0..index)
            .rev()
            .find(|&at| {
                sentence.tokens[at].is_punct(',')
                    || sentence
                        .word(at)
                        .is_some_and(|word| is_one_of(word, SUBORDINATORS))
            })
            .map_or(0, |at| at + 1);
        let parties = deal_parties(sentence, index, clause_start, last_deal);
        if parties.len() < 2 {
            continue;
        }
        // Its own phrase: from the possessor or article to the noun, and what follows "for".
        let phrase_start = (0..index)
            .rev()
            .take(7)
            .find(|&at| {
                sentence.tokens[at].is_punct(',')
                    || sentence.word(at).is_some_and(|word| {
                        is_one_of(word, &["a", "an", "the", "its", "their", "several", "one"])
                    })
                    || sentence
                        .mentions
                        .iter()
                        .any(|mention| mention.end == at + 1)
            })
            .map_or(index.saturating_sub(6), |at| at + 1);
        let phrase_end = (index + 1..sentence.tokens.len())
            .find(|&at| sentence.tokens[at].is_punct(',') || sentence.tokens[at].is_punct('.'))
            .unwrap_or(sentence.tokens.len())
            .min(index + 10);
        let phrase_words: Vec<String> = (phrase_start..phrase_end)
            .filter_map(|at| sentence.word(at))
            .map(str::to_ascii_lowercase)
            .collect();
        let noun_start = sentence.tokens[index].range.start;
        let value = figures
            .iter()
            .filter(|figure| {
                let range = &figure.range;
                (range.end <= noun_start
                    && sentence.tokens[phrase_start].range.start <= range.start)
                    || (range.start > noun_start
                        && range.start - noun_start < 40
                        && text[noun_start..range.start].contains("worth"))
            })
            .min_by_key(|figure| noun_start.abs_diff(figure.range.start))
            .map(|figure| (text[figure.range.clone()].to_owned(), figure.clone()));
        let modifier = sentence.word(index.saturating_sub(1)).filter(|before| {
            before.chars().all(|c| c.is_lowercase() || c == '-')
                && !is_one_of(
                    before,
                    &["the", "a", "an", "its", "their", "new", "recent", "several"],
                )
        });
        let noun = match modifier {
            Some(modifier) => format!("{modifier} {}", word.to_ascii_lowercase()),
            None => word.to_ascii_lowercase(),
        };
        let date = if made || investment {
            dates.first().map(|found| found.date.clone())
        } else {
            None
        };
        deals.push(Deal {
            parties,
            investment,
            noun: singular(&noun),
            value,
            date,
            status,
            phrase_words,
            article: article.index,
            sentence: sentence.range.clone(),
        });
    }
    deals
}

/// The parties of the agreement named by the noun at `index`, from the strongest evidence to
/// the weakest: its possessor ("Amazon's deal", "its partnership" for the sentence's subject),
/// who it is with ("with Amazon Web Services", "with the AI company"), who made it ("the AI
/// company signed", "Microsoft and OpenAI signed"), the party named right after it ("Microsoft's
/// agreement requires OpenAI's …"), or the agreement named before ("The agreement, announced
/// …").
fn deal_parties(
    sentence: &Sentence,
    index: usize,
    clause_start: usize,
    last_deal: Option<&Deal>,
) -> Vec<usize> {
    let mut parties: Vec<usize> = Vec::new();
    let add = |parties: &mut Vec<usize>, party: usize| {
        if !parties.contains(&party) {
            parties.push(party);
        }
    };
    // A possessor stands right before the noun, its modifiers between ("Amazon's recent $50
    // billion cloud deal"), not across a preposition ("Kestrel Lines on Tuesday over its …").
    let possesses = |party: usize| {
        sentence
            .mentions
            .iter()
            .filter(|mention| {
                mention.party == party && mention.start >= clause_start && mention.end <= index
            })
            .any(|mention| {
                !(mention.end..index).any(|at| {
                    sentence.word(at).is_some_and(|word| {
                        is_one_of(
                            word,
                            &[
                                "on", "over", "in", "with", "for", "to", "at", "by", "from",
                                "about", "after", "before", "and", "or", "that", "which", "its",
                                "their",
                            ],
                        )
                    })
                })
            })
    };
    if let Some(possessor) = sentence
        .party_before(index, 6)
        .filter(|party| possesses(*party))
    {
        add(&mut parties, possessor);
    } else if (index.saturating_sub(3)..index).any(|at| {
        sentence
            .word(at)
            .is_some_and(|word| is_one_of(word, &["its", "their"]))
    }) {
        // "its long-standing partnership": the sentence's subject's.
        if let Some(subject) = sentence
            .mentions
            .first()
            .filter(|mention| mention.end <= index)
        {
            add(&mut parties, subject.party);
        }
    }
    let next = sentence.word(index + 1).unwrap_or("");
    if is_one_of(next, &["with", "between", "to", "in", "for"]) {
        let after = sentence.parties_after(index);
        if after.is_empty() {
            // "with the AI company": the party named last that is not already one.
            if let Some(party) = sentence.company_before(index + 5, &parties) {
                add(&mut parties, party);
            }
        }
        for party in after {
            add(&mut parties, party);
        }
    }
    // The verb that made it, in the same clause ("OpenAI signed a … deal").
    let verb = (clause_start..index).rev().find(|&at| {
        sentence
            .word(at)
            .is_some_and(|word| is_one_of(word, SIGNED) || is_one_of(word, ANNOUNCED))
    });
    if let Some(verb) = verb.filter(|_| parties.len() < 2) {
        // "after the AI company signed a … deal with Amazon": the company named before.
        if let Some(party) = sentence.company_before(verb, &parties) {
            add(&mut parties, party);
        }
        // "Microsoft and OpenAI signed a non-binding agreement": the subjects of the clause.
        for mention in sentence
            .mentions
            .iter()
            .filter(|mention| mention.start >= clause_start && mention.end <= verb)
        {
            if parties.len() < 2 || !parties.is_empty() && parties.len() < 3 {
                add(&mut parties, mention.party);
            }
        }
    }
    // "sued Halvard Shipping over a £120m berth agreement": the agreement between who sues and
    // the first one sued.
    let legal = (0..index).rev().find(|&at| {
        sentence
            .word(at)
            .is_some_and(|word| is_one_of(word, &["sued", "sues", "sue", "suing", "against"]))
    });
    if let Some(legal) = legal.filter(|_| parties.len() < 2) {
        let suer = sentence
            .mentions
            .iter()
            .filter(|mention| mention.end <= legal)
            .map(|mention| mention.party)
            .next_back();
        let sued = sentence
            .mentions
            .iter()
            .find(|mention| mention.start > legal && mention.end <= index)
            .map(|mention| mention.party);
        for party in [suer, sued].into_iter().flatten() {
            if parties.len() < 2 {
                add(&mut parties, party);
            }
        }
    }
    if parties.len() == 1 {
        // "Microsoft's agreement requires OpenAI's APIs …": the next party in the clause.
        let stop = (index..sentence.tokens.len())
            .find(|&at| {
                sentence.tokens[at].is_punct(',')
                    || sentence
                        .word(at)
                        .is_some_and(|word| is_one_of(word, SUBORDINATORS))
            })
            .unwrap_or(sentence.tokens.len())
            .min(index + 6);
        if let Some(mention) = sentence.mentions.iter().find(|mention| {
            mention.start > index && mention.start < stop && !parties.contains(&mention.party)
        }) {
            add(&mut parties, mention.party);
        }
    }
    // "The agreement, announced earlier this month, …", "This arrangement": the agreement
    // named before, when it agrees with what this sentence says.
    let refers = index < 3
        || sentence
            .word(index.saturating_sub(1))
            .is_some_and(|before| is_one_of(before, &["the", "this", "that"]));
    if let Some(last) = last_deal.filter(|last| {
        parties.len() < 2 && refers && parties.iter().all(|party| last.parties.contains(party))
    }) {
        parties = last.parties.clone();
    }
    parties
}

fn singular(noun: &str) -> String {
    noun.strip_suffix("ments")
        .map(|stem| format!("{stem}ment"))
        .or_else(|| noun.strip_suffix("deals").map(|stem| format!("{stem}deal")))
        .or_else(|| {
            noun.strip_suffix("contracts")
                .map(|stem| format!("{stem}contract"))
        })
        .unwrap_or_else(|| noun.to_owned())
}

/// Investments a sentence reports by its verb ("invested $1 billion in 2019 and added another
/// $10 billion in early 2023"): one per amount, each with the date that follows it.
pub fn investments_in(
    sentence: &Sentence,
    article: &Article,
    topic: Option<usize>,
    party_names: &[String],
) -> Vec<Happening> {
    let text = sentence.text;
    let Some(verb) = sentence
        .words()
        .find(|(_, word)| {
            word.to_ascii_lowercase().starts_with("invest")
                && !is_one_of(
                    word,
                    &["investment", "investments", "investor", "investors"],
                )
        })
        .map(|(index, _)| index)
    else {
        return Vec::new();
    };
    // "The company invested …": the party the article is about.
    let investor = sentence.party_before(verb, 12).or(topic);
    let investee = sentence
        .words()
        .find(|(index, word)| *index > verb && word.eq_ignore_ascii_case("in"))
        .and_then(|(index, _)| {
            sentence
                .parties_after(index)
                .into_iter()
                .find(|party| Some(*party) != investor)
        })
        .or_else(|| {
            sentence
                .parties()
                .into_iter()
                .find(|party| Some(*party) != investor)
        });
    let (Some(investor), Some(investee)) = (investor, investee) else {
        return Vec::new();
    };
    let figures: Vec<Figure> = figures_in(text, &sentence.tokens)
        .into_iter()
        .filter(|figure| figure.unit == "USD" || figure.unit == "GBP" || figure.unit == "EUR")
        .filter(|figure| figure.range.start > sentence.tokens[verb].range.start)
        .collect();
    let dates = dates_in(text, sentence.range.clone(), article.report, article.id);
    let mut happenings = Vec::new();
    for (position, figure) in figures.iter().enumerate() {
        let next_figure = figures
            .get(position + 1)
            .map_or(sentence.range.end, |next| next.range.start);
        let date = dates
            .iter()
            .find(|found| found.range.start > figure.range.end && found.range.start < next_figure)
            .map(|found| found.date.clone());
        let words = text[figure.range.clone()].to_owned();
        happenings.push(Happening {
            kind: HappeningKind::Investment,
            class: "invest",
            classes: vec!["invest"],
            parties: vec![investor, investee],
            date: date.unwrap_or_else(unknown_date),
            status: EventStatus::Happened,
            subject: Some(format!(
                "{} invests {} in {}",
                party_names[investor],
                words
                    .trim_start_matches("more than ")
                    .trim_start_matches("another "),
                party_names[investee]
            )),
            figure: Some((words, figure.clone())),
            article: article.index,
            sentence: sentence.range.clone(),
            deal: None,
        });
    }
    happenings
}

/// What a sentence says happened or is expected, other than investments: a signing, legal
/// action weighed or filed, counsel retained, talks, a statement, a launch.
pub fn happenings_in(
    sentence: &Sentence,
    article: &Article,
    deals: &[Deal],
    party_names: &[String],
) -> Vec<Happening> {
    let dates = dates_in(
        sentence.text,
        sentence.range.clone(),
        article.report,
        article.id,
    );
    let date = dates.first().map(|found| found.date.clone());
    let parties = sentence.parties();
    let names = |parties: &[usize]| -> String {
        let names: Vec<&str> = parties
            .iter()
            .map(|party| party_names[*party].as_str())
            .collect();
        match names.len() {
            0 => "The parties".to_owned(),
            1 => names[0].to_owned(),
            _ => format!(
                "{} and {}",
                names[..names.len() - 1].join(", "),
                names[names.len() - 1]
            ),
        }
    };
    let mut happenings = Vec::new();
    let mut push = |kind,
                    status,
                    title: String,
                    parties: Vec<usize>,
                    date: Option<ReportedDate>,
                    deal: Option<usize>| {
        happenings.push(Happening {
            kind,
            class: match kind {
                HappeningKind::Signing => "sign",
                HappeningKind::Investment => "invest",
                HappeningKind::LegalAction => "weigh",
                HappeningKind::Counsel => "counsel",
                HappeningKind::Talks => "talks",
                HappeningKind::Statement => "state",
                HappeningKind::Launch => "start",
                HappeningKind::Filing => "sue",
                HappeningKind::Dated => "other",
            },
            classes: actions_in(sentence),
            parties,
            date: date.unwrap_or_else(unknown_date),
            status,
            figure: None,
            subject: Some(title),
            article: article.index,
            sentence: sentence.range.clone(),
            deal,
        });
    };
    let legal = sentence.has(&[
        "lawsuit",
        "suit",
        "litigation",
        "legal",
        "sue",
        "arbitration",
        "court",
    ]);
    if !deals.is_empty() && (sentence.has(SIGNED) || sentence.has(ANNOUNCED)) {
        let deal = &deals[0];
        let verb = if sentence.has(SIGNED) {
            "sign"
        } else {
            "announce"
        };
        push(
            HappeningKind::Signing,
            EventStatus::Happened,
            format!("{} {verb} the {}", names(&deal.parties), deal.noun),
            deal.parties.clone(),
            deal.date.clone().or(date.clone()),
            Some(0),
        );
    } else if legal
        && sentence.has(&[
            "considering",
            "weighing",
            "evaluating",
            "mulling",
            "contemplating",
            "considers",
            "weighs",
            "threatens",
            "preparing",
        ])
    {
        push(
            HappeningKind::LegalAction,
            EventStatus::Ongoing,
            format!(
                "{} weighs legal action",
                names(&parties[..parties.len().min(1)])
            ),
            parties.clone(),
            date.clone(),
            None,
        );
    } else if legal && sentence.has(&["sued", "filed"]) && !sentence.has(&["no", "not"]) {
        push(
            HappeningKind::Filing,
            EventStatus::Happened,
            format!("{} files suit", names(&parties[..parties.len().min(1)])),
            parties.clone(),
            date.clone(),
            None,
        );
    }
    if sentence.has(&["counsel", "lawyers", "attorneys"])
        && sentence.has(&["retained", "hired", "appointed"])
    {
        push(
            HappeningKind::Counsel,
            EventStatus::Happened,
            format!(
                "{} retains counsel",
                names(&parties[..parties.len().min(1)])
            ),
            parties.clone(),
            date.clone(),
            None,
        );
    }
    if sentence.has(&[
        "talks",
        "discussions",
        "negotiations",
        "negotiating",
        "negotiate",
    ]) && !sentence.has(&["no"])
    {
        push(
            HappeningKind::Talks,
            EventStatus::Ongoing,
            "Talks between the parties".to_owned(),
            parties.clone(),
            date.clone(),
            None,
        );
    }
    if sentence.has(&["statement", "release"]) && sentence.has(&["issued", "released", "published"])
    {
        push(
            HappeningKind::Statement,
            EventStatus::Happened,
            format!("{} issue a statement", names(&parties)),
            parties.clone(),
            date.clone(),
            None,
        );
    }
    if let Some((index, _)) = sentence
        .words()
        .find(|(_, word)| is_one_of(word, &["launch", "launches", "release", "debut"]))
    {
        let owner = sentence.tokens[..index]
            .iter()
            .rev()
            .take(3)
            .find(|token| {
                token.is_word()
                    && token
                        .text(sentence.text)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            })
            .map(|token| {
                crate::text::tokens::strip_possessive(token.text(sentence.text)).to_owned()
            });
        if let Some(owner) = owner.filter(|_| !sentence.has(&["launched", "released"])) {
            push(
                HappeningKind::Launch,
                EventStatus::Expected,
                format!("{owner} launch"),
                parties.clone(),
                date,
                None,
            );
        }
    }
    happenings
}

/// The legal stage a sentence puts a claim at, for comparing how close reports say a suit is.
pub fn legal_stage(sentence: &Sentence) -> Option<&'static str> {
    if !sentence.has(&[
        "lawsuit",
        "lawsuits",
        "suit",
        "litigation",
        "legal",
        "sue",
        "sues",
        "sued",
        "suing",
        "arbitration",
        "court",
        "counsel",
    ]) {
        return None;
    }
    Some(
        if sentence.has(&["filed", "sued"]) && !sentence.has(&["no", "not"]) {
            "filed"
        } else if sentence.has(&["retained", "preparing", "drafted", "hired"]) {
            "preparing"
        } else if sentence.has(&["threatens", "threatened", "threaten", "will"]) {
            "threatened"
        } else if sentence.has(&[
            "considering",
            "weighing",
            "evaluating",
            "mulling",
            "considers",
            "weighs",
            "contemplating",
        ]) {
            "weighed"
        } else if sentence.has(&["possibility", "could", "may", "might"]) {
            "possible"
        } else {
            return None;
        },
    )
}
