//! What the reports say happened between the entities, sentence by sentence: who sues whom,
//! threatens to, rules, awards, settles, appeals or drops a case; who signs an agreement with
//! whom, grants whom a licence, acquires whom, terminates or breaches what. Each act names its
//! actors and its objects among the sentence's entities, read as a reader does: the subject
//! before the verb (after "said that", the clause's own subject; "it" and "the company" for
//! the one named before), the objects after it, a passive's "by" ("was sued by Kreg"), a
//! noun's "against" and "of" ("Arm's lawsuit against Qualcomm", "its acquisition of Nuvia"),
//! and a case caption ("Kreg Therapeutics, Inc. v. VitalGo, Inc."). The date and the figure
//! nearest the act in its clause go with it, as written.

use super::entities::{Category, Entities};
use super::figures::{figures_in, Figure};
use crate::model::ReportedDate;
use crate::text::dates::{dates_in, ReportDate};
use crate::text::lexicon::Words;
use crate::text::tokens::Token;
use crate::text::Reading;
use std::ops::Range;

/// What kind of act.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ActKind {
    Threaten,
    Sue,
    Rule,
    Award,
    Settle,
    Appeal,
    Drop,
    Sign,
    Grant,
    Acquire,
    Terminate,
    Breach,
    Invest,
    /// A party issues a statement.
    State,
    /// A party retains lawyers.
    Counsel,
    /// Parties negotiate.
    Talks,
    /// A product is launched or released.
    Launch,
}

impl ActKind {
    /// The act's verb for a title, in the present, for one actor and for several.
    pub fn verb(self) -> (&'static str, &'static str) {
        match self {
            ActKind::Threaten => (
                "threatens legal action against",
                "threaten legal action against",
            ),
            ActKind::Sue => ("sues", "sue"),
            ActKind::Rule => ("rules", "rule"),
            ActKind::Award => ("awards damages", "award damages"),
            ActKind::Settle => ("settles", "settle"),
            ActKind::Appeal => ("appeals", "appeal"),
            ActKind::Drop => ("drops its case against", "drop their case against"),
            ActKind::Sign => ("signs", "sign"),
            ActKind::Grant => ("grants", "grant"),
            ActKind::Acquire => ("acquires", "acquire"),
            ActKind::Terminate => ("terminates", "terminate"),
            ActKind::Breach => ("breaches", "breach"),
            ActKind::Invest => ("invests in", "invest in"),
            ActKind::State => ("issues a statement", "issue a statement"),
            ActKind::Counsel => ("retains counsel", "retain counsel"),
            ActKind::Talks => ("negotiates with", "negotiate"),
            ActKind::Launch => ("launches", "launch"),
        }
    }

    /// Whether the act is a step of the legal action itself.
    pub fn is_legal(self) -> bool {
        matches!(
            self,
            ActKind::Threaten
                | ActKind::Sue
                | ActKind::Rule
                | ActKind::Award
                | ActKind::Settle
                | ActKind::Appeal
                | ActKind::Drop
                | ActKind::Counsel
        )
    }
}

/// One act as one sentence reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct Act {
    pub kind: ActKind,
    pub article: usize,
    /// The sentence (an index into the article's reading) and its range.
    pub sentence: usize,
    pub range: Range<usize>,
    /// The act's own word.
    pub verb: Range<usize>,
    /// Who acts and who is acted on (indexes into the entities).
    pub actors: Vec<usize>,
    pub objects: Vec<usize>,
    /// An agreement named in its clause (an entity of the `Agreement` kind).
    pub agreement: Option<usize>,
    /// The words of the agreement or licence it concerns, when the clause has them
    /// ("Nuvia's licenses", "a $1.4 billion deal").
    pub thing: Option<Range<usize>>,
    pub date: Option<(Range<usize>, ReportedDate)>,
    pub figure: Option<Figure>,
    /// Whether the sentence only supposes, plans or denies it ("could sue", "plans to appeal",
    /// "has not sued").
    pub hedged: bool,
    /// Whether it stands inside a quotation (a party's words, not the outlet's).
    pub quoted: bool,
    /// Whether the sentence only names the act by its noun ("Amazon’s cloud deal with
    /// OpenAI"), which places no event.
    pub noun_only: bool,
}

/// One entity's name in a sentence, by token.
#[derive(Clone, Debug)]
struct Named {
    tokens: Range<usize>,
    entity: usize,
    possessive: bool,
    modifier: bool,
}

/// Every act of every article; `reports` are the articles' own dates, for dates without a year.
pub fn find(
    readings: &[Reading],
    entities: &Entities,
    reports: &[ReportDate],
    ids: &[&str],
) -> Vec<Act> {
    let mut acts = Vec::new();
    for (article, reading) in readings.iter().enumerate() {
        // The subject of the sentence before, for "it" and "the company" that open one.
        let mut topic: Option<usize> = None;
        for (index, sentence) in reading.sentences.iter().enumerate() {
            let tokens = reading.tokens_in(&sentence.range);
            let named: Vec<Named> = entities
                .in_sentence(article, index)
                .filter(|mention| entities.list[mention.entity].category.is_some())
                .map(|mention| Named {
                    tokens: mention.run.tokens.clone(),
                    entity: mention.entity,
                    possessive: mention.run.possessive,
                    modifier: mention.run.modifies.is_some(),
                })
                .collect();
            let context = Sentence {
                text: reading.text,
                tokens,
                named: &named,
                entities,
                topic,
            };
            let dates_before = dates_in(
                reading.text,
                sentence.range.clone(),
                reports[article],
                ids[article],
            );
            let dates = &dates_before;
            let figures = figures_in(reading.text, tokens);
            for mut act in context.acts() {
                // Dates and figures of the act's own clause only.
                let clause = context.clause_bytes(&act.verb);
                // A date before the clause in its sentence ("Arm on Wednesday said it had filed",
                // "In September 2014, after talks failed, Peerless sued") dates it too.
                let mut dates: Vec<_> = dates
                    .iter()
                    .filter(|found| {
                        clause.start <= found.range.start && found.range.end <= clause.end
                    })
                    .cloned()
                    .collect();
                if dates.is_empty() {
                    dates = dates_before
                        .iter()
                        .filter(|found| found.range.end <= clause.start)
                        .cloned()
                        .collect();
                }
                let figures: Vec<_> = figures
                    .iter()
                    .filter(|figure| {
                        clause.start <= figure.range.start && figure.range.end <= clause.end
                    })
                    .cloned()
                    .collect();
                act.article = article;
                act.sentence = index;
                act.range = sentence.range.clone();
                act.quoted = sentence.quotation.is_some()
                    || tokens
                        .get(act_token(tokens, &act.verb))
                        .is_some_and(|token| token.quoted);
                // A caption ("Kreg v. VitalGo") dates nothing.
                let caption = matches!(
                    reading.text[act.verb.clone()].to_ascii_lowercase().as_str(),
                    "v" | "v." | "vs" | "vs." | "versus"
                );
                if !caption {
                    act.date = nearest(
                        &dates,
                        &act.verb,
                        |found| (found.range.clone(), found.date.clone()),
                        |found| &found.range,
                    );
                }
                act.figure = nearest(&figures, &act.verb, Clone::clone, |figure| &figure.range);
                acts.push(act);
            }
            if let Some(first) = context.subject_of(0, tokens.len()) {
                topic = Some(first);
            }
        }
    }
    acts
}

/// The token at the start of `range`.
fn act_token(tokens: &[Token], range: &Range<usize>) -> usize {
    tokens.partition_point(|token| token.range.start < range.start)
}

/// Of `items`, the one nearest `verb` (after it by preference, within a clause's reach).
fn nearest<T, U>(
    items: &[T],
    verb: &Range<usize>,
    take: impl Fn(&T) -> U,
    range: impl Fn(&T) -> &Range<usize>,
) -> Option<U> {
    const REACH: usize = 160;
    items
        .iter()
        .filter(|item| {
            let at = range(item);
            at.start.abs_diff(verb.end) <= REACH || at.end.abs_diff(verb.start) <= REACH
        })
        .min_by_key(|item| {
            let at = range(item);
            if at.start >= verb.end {
                at.start - verb.end
            } else {
                (verb.start.saturating_sub(at.end)) * 2 + 1
            }
        })
        .map(take)
}

/// A sentence being read for acts.
struct Sentence<'a> {
    text: &'a str,
    tokens: &'a [Token],
    named: &'a [Named],
    entities: &'a Entities,
    topic: Option<usize>,
}

impl Sentence<'_> {
    /// The bytes of the clause holding the act word at `verb`.
    fn clause_bytes(&self, verb: &Range<usize>) -> Range<usize> {
        let at = act_token(self.tokens, verb);
        let start = self.clause_start(at);
        let end = self.clause_end(at);
        let first = self
            .tokens
            .get(start)
            .map_or(verb.start, |token| token.range.start);
        let last = end
            .checked_sub(1)
            .and_then(|last| self.tokens.get(last))
            .map_or(verb.end, |token| token.range.end);
        first..last
    }

    fn word(&self, at: usize) -> Option<&str> {
        self.tokens
            .get(at)
            .filter(|token| token.is_word())
            .map(|token| token.text(self.text))
    }

    fn is(&self, at: usize, family: Words) -> bool {
        self.word(at).is_some_and(|word| family.has(word))
    }

    /// Whether a word of `family` is within `within` words after `at`.
    fn followed_by(&self, at: usize, within: usize, family: Words) -> Option<usize> {
        (at + 1..self.tokens.len())
            .filter(|&next| self.tokens[next].is_word())
            .take(within)
            .find(|&next| self.is(next, family))
    }

    /// Whether a word of `family` is within `within` words before `at`.
    fn preceded_by(&self, at: usize, within: usize, family: Words) -> Option<usize> {
        (0..at)
            .rev()
            .filter(|&before| self.tokens[before].is_word())
            .take(within)
            .find(|&before| self.is(before, family))
    }

    fn lower(&self, at: usize) -> String {
        self.word(at).unwrap_or("").to_ascii_lowercase()
    }

    /// Every act of the sentence.
    fn acts(&self) -> Vec<Act> {
        let mut acts = Vec::new();
        let mut index = 0;
        while index < self.tokens.len() {
            if let Some(kind) = self.kind_at(index) {
                if let Some(act) = self.act(kind, index) {
                    let duplicate = acts.iter().any(|known: &Act| {
                        known.kind == act.kind
                            && known.actors == act.actors
                            && known.objects == act.objects
                    });
                    if !duplicate {
                        acts.push(act);
                    }
                }
            }
            index += 1;
        }
        acts.extend(self.caption());
        acts.extend(self.launches());
        acts.extend(self.further_investments(&acts));
        // "X sued Y, accusing it of breaching …": who breached is whom the suit is against.
        let accused: Vec<usize> = acts
            .iter()
            .filter(|act| act.kind == ActKind::Sue)
            .flat_map(|act| act.objects.clone())
            .collect();
        let accusers: Vec<usize> = acts
            .iter()
            .filter(|act| act.kind == ActKind::Sue)
            .flat_map(|act| act.actors.clone())
            .collect();
        if !accused.is_empty() {
            for act in acts.iter_mut().filter(|act| act.kind == ActKind::Breach) {
                let verb = act_token(self.tokens, &act.verb);
                let accusation = verb > 0 && matches!(self.lower(verb - 1).as_str(), "of" | "for")
                    || act.actors.iter().all(|actor| accusers.contains(actor));
                if accusation {
                    act.actors = accused.clone();
                    act.objects.retain(|object| !accused.contains(object));
                }
            }
        }
        acts
    }

    /// What act the word at `at` reports, if it reports one here.
    fn kind_at(&self, at: usize) -> Option<ActKind> {
        let word = self.word(at)?;
        let lower = word.to_ascii_lowercase();
        let legal_after = self.followed_by(at, 5, Words::LegalNoun).is_some()
            || self.followed_by(at, 3, Words::SueWord).is_some()
            || self.followed_by(at, 5, Words::Determiner).is_some()
                && self.followed_by(at, 6, Words::LegalNoun).is_some();
        if Words::ThreatWord.has(word) && (legal_after || self.lower(at + 1) == "legal") {
            return Some(ActKind::Threaten);
        }
        if Words::SueWord.has(word) {
            let verb = Words::SueVerb.has(&lower);
            let threatened = self.preceded_by(at, 3, Words::ThreatWord).is_some();
            if threatened {
                return None;
            }
            // "a lawsuit against Qualcomm", "filed a suit", "the suit brought by Kreg".
            let noun_act = self.word_after(at, "against", 6)
                || self.preceded_by(at, 3, Words::FileVerb).is_some()
                || self.word_after(at, "brought", 2)
                || self.word_after(at, "filed", 2);
            return (verb || noun_act).then_some(ActKind::Sue);
        }
        if Words::FileVerb.has(word) && self.followed_by(at, 4, Words::LegalNoun).is_some() {
            // "took Verizon to court", "filed a complaint", "launched arbitration against"; not
            // "begun preparing litigation materials".
            let legal = self.followed_by(at, 4, Words::LegalNoun)?;
            let gerund_between =
                (at + 1..legal).any(|between| self.lower(between).ends_with("ing"));
            if gerund_between {
                return None;
            }
            let noun = self.lower(legal);
            let suit =
                noun != "court" || matches!(lower.as_str(), "take" | "took" | "taken" | "taking");
            if suit && !self.is(legal, Words::SueWord) {
                return Some(ActKind::Sue);
            }
        }
        if Words::SettleWord.has(word) {
            return Some(ActKind::Settle);
        }
        if Words::AppealWord.has(word) {
            return Some(ActKind::Appeal);
        }
        if Words::DropWord.has(word) && legal_after {
            return Some(ActKind::Drop);
        }
        if Words::AwardWord.has(word) && lower != "damages" {
            return Some(ActKind::Award);
        }
        if Words::RulingWord.has(word) && self.decided_by_court(at) {
            return Some(ActKind::Rule);
        }
        let agreement_after = self.followed_by(at, 6, Words::AgreementNoun).is_some()
            || self.agreement_named_after(at, 8);
        if Words::GrantWord.has(word) && agreement_after && !self.decided_by_court(at) {
            return Some(ActKind::Grant);
        }
        if Words::SignWord.has(word) && agreement_after {
            return Some(ActKind::Sign);
        }
        // "The agreement, announced earlier this month": its making, as reported.
        let announced = matches!(
            lower.as_str(),
            "announced" | "announces" | "unveiled" | "unveils"
        );
        if announced && (agreement_after || self.preceded_by(at, 3, Words::AgreementNoun).is_some())
        {
            return Some(ActKind::Sign);
        }
        // "Amazon’s $50 billion cloud deal with OpenAI": an agreement named by its noun.
        let deal_noun = matches!(
            lower.as_str(),
            "deal" | "agreement" | "pact" | "contract" | "partnership" | "accord"
        );
        if deal_noun && self.lower(at + 1) == "with" {
            return Some(ActKind::Sign);
        }
        if Words::AcquireWord.has(word) {
            return Some(ActKind::Acquire);
        }
        // "invested $13bn in OpenAI", "its investment in Nuvia", "a $2bn stake in"; not "the
        // investment firm Harlan Vale".
        let noun = matches!(lower.as_str(), "investment" | "investments" | "stake");
        if Words::InvestWord.has(word) && (!noun || self.word_after(at, "in", 2)) {
            return Some(ActKind::Invest);
        }
        let agreement_near = agreement_after
            || self.preceded_by(at, 4, Words::AgreementNoun).is_some()
            || self.agreement_named_before(at, 6);
        if Words::TerminateWord.has(word) && agreement_near {
            return Some(ActKind::Terminate);
        }
        // "served notice", "gave notice of termination": the notice ends the agreement.
        let served = at > 0
            && matches!(
                self.lower(at - 1).as_str(),
                "served" | "serves" | "serve" | "serving" | "gave" | "gives" | "sent" | "issued"
            );
        if lower == "notice" && served {
            return Some(ActKind::Terminate);
        }
        if Words::BreachWord.has(word) {
            return Some(ActKind::Breach);
        }
        // "issued a joint statement", "released a statement".
        if Words::IssuingVerb.has(word) && self.followed_by(at, 3, Words::CompanyDocument).is_some()
        {
            return Some(ActKind::State);
        }
        // "has retained outside counsel", "hired lawyers".
        let lawyers = (at + 1..self.tokens.len())
            .filter(|&next| self.tokens[next].is_word())
            .take(3)
            .any(|next| {
                matches!(
                    self.lower(next).as_str(),
                    "counsel" | "lawyers" | "attorneys" | "solicitors" | "barristers"
                )
            });
        if matches!(
            lower.as_str(),
            "retained" | "retains" | "hired" | "hires" | "engaged" | "appointed"
        ) && lawyers
        {
            return Some(ActKind::Counsel);
        }
        if matches!(
            lower.as_str(),
            "negotiating" | "negotiate" | "negotiated" | "negotiations" | "talks" | "discussions"
        ) {
            return Some(ActKind::Talks);
        }
        None
    }

    /// Whether `word` (lowercase) stands within `within` words after `at`.
    fn word_after(&self, at: usize, word: &str, within: usize) -> bool {
        (at + 1..self.tokens.len())
            .filter(|&next| self.tokens[next].is_word())
            .take(within)
            .any(|next| self.lower(next) == word)
    }

    /// Whether a ruling word at `at` is a court's: a court, jury, judge or arbitrator is its
    /// subject ("the jury found"), or it is a decision's noun ("a jury verdict", "judgment as a
    /// matter of law").
    fn decided_by_court(&self, at: usize) -> bool {
        let court_word = |index: usize| {
            self.word(index).is_some_and(|word| {
                Words::CourtWord.has(word)
                    || matches!(word.to_ascii_lowercase().as_str(), "panel" | "arbitration")
            })
        };
        let court_named = |range: Range<usize>| {
            self.named.iter().any(|named| {
                named.tokens.start >= range.start
                    && named.tokens.end <= range.end
                    && self.entities.list[named.entity].category == Some(Category::Court)
            })
        };
        let start = self.clause_start(at);
        let noun = matches!(
            self.lower(at).as_str(),
            "verdict" | "judgment" | "judgement" | "ruling" | "decision" | "dismissal"
        );
        (start..at).any(court_word) || court_named(start..at) || noun
    }

    /// Whether an agreement's name (an entity of that kind) stands within `within` tokens
    /// after `at`.
    fn agreement_named_after(&self, at: usize, within: usize) -> bool {
        self.named.iter().any(|named| {
            named.tokens.start > at
                && named.tokens.start <= at + within
                && self.entities.list[named.entity].category == Some(Category::Agreement)
        })
    }

    fn agreement_named_before(&self, at: usize, within: usize) -> bool {
        self.named.iter().any(|named| {
            named.tokens.end <= at
                && named.tokens.end + within >= at
                && self.entities.list[named.entity].category == Some(Category::Agreement)
        })
    }

    /// Where the clause holding token `at` begins: after a semicolon, a colon, "that" or a
    /// verb of saying before it, or a comma that opens a new clause ("…, while", "…, but").
    fn clause_start(&self, at: usize) -> usize {
        for before in (0..at).rev() {
            let token = &self.tokens[before];
            if token.is_punct(';') || token.is_punct(':') {
                return before + 1;
            }
            if token.is_word() {
                let word = token.text(self.text).to_ascii_lowercase();
                let speech = Words::SpeechCue.has(&word) || Words::PositionCue.has(&word);
                if matches!(
                    word.as_str(),
                    "that"
                        | "but"
                        | "while"
                        | "whereas"
                        | "because"
                        | "although"
                        | "after"
                        | "before"
                        | "when"
                        | "since"
                        | "whether"
                        | "if"
                ) || speech
                {
                    return before + 1;
                }
            }
        }
        0
    }

    /// Where the clause holding token `at` ends.
    fn clause_end(&self, at: usize) -> usize {
        for after in at + 1..self.tokens.len() {
            let token = &self.tokens[after];
            if token.is_punct(';')
                || token.is_punct(':')
                || token.kind == crate::text::tokens::TokenKind::CloseQuote
            {
                return after;
            }
            if token.is_punct(',') {
                let next = self.lower(after + 1);
                if matches!(
                    next.as_str(),
                    "which"
                        | "while"
                        | "but"
                        | "who"
                        | "saying"
                        | "according"
                        | "adding"
                        | "although"
                        | "whereas"
                        | "including"
                ) {
                    return after;
                }
            }
            if token.is_word() {
                let word = token.text(self.text).to_ascii_lowercase();
                if matches!(
                    word.as_str(),
                    "because" | "after" | "before" | "when" | "since" | "while" | "that"
                ) {
                    return after;
                }
            }
        }
        self.tokens.len()
    }

    /// The entities named as a clause's subject in `start..end`: the first name that is no
    /// modifier and not inside brackets, and those joined to it by "and" or commas.
    fn subject_of(&self, start: usize, end: usize) -> Option<usize> {
        self.subjects(start, end).first().copied()
    }

    fn subjects(&self, start: usize, end: usize) -> Vec<usize> {
        let candidates: Vec<&Named> = self
            .named
            .iter()
            .filter(|named| named.tokens.start >= start && named.tokens.end <= end)
            .filter(|named| !named.modifier && !self.in_brackets(named.tokens.start))
            .filter(|named| {
                self.entities.list[named.entity].can_be_party()
                    || self.entities.list[named.entity].category == Some(Category::Court)
            })
            .collect();
        let Some(first) = candidates.first() else {
            return Vec::new();
        };
        let mut subjects = vec![first.entity];
        let mut last_end = first.tokens.end;
        for named in &candidates[1..] {
            let between: Vec<String> = (last_end..named.tokens.start)
                .filter(|&at| self.tokens[at].is_word())
                .map(|at| self.lower(at))
                .collect();
            let plain = between.iter().all(|word| {
                matches!(
                    word.as_str(),
                    "and" | "its" | "their" | "subsidiary" | "parent" | "unit" | "affiliate"
                )
            }) && (last_end..named.tokens.start).all(|at| {
                let token = &self.tokens[at];
                token.is_word() || token.is_punct(',')
            });
            // "Peerless Network, a LEC, and Verizon": an apposition between the two.
            let apposition = self
                .tokens
                .get(last_end)
                .is_some_and(|token| token.is_punct(','))
                && between
                    .first()
                    .is_some_and(|word| Words::Determiner.has(word))
                && between.last().is_some_and(|word| word == "and")
                && between.len() <= 8;
            let joined = plain || apposition;
            if !joined {
                break;
            }
            if !subjects.contains(&named.entity) {
                subjects.push(named.entity);
            }
            last_end = named.tokens.end;
        }
        subjects
    }

    /// Whether token `at` stands inside brackets.
    fn in_brackets(&self, at: usize) -> bool {
        let open = self.tokens[..at]
            .iter()
            .rposition(|token| token.is_punct('('));
        let close = self.tokens[..at]
            .iter()
            .rposition(|token| token.is_punct(')'));
        match (open, close) {
            (Some(open), Some(close)) => open > close,
            (Some(_), None) => true,
            _ => false,
        }
    }

    /// The entities named in `start..end`, in order, modifiers and courts aside.
    fn named_in(&self, start: usize, end: usize) -> Vec<usize> {
        let mut found = Vec::new();
        for named in self
            .named
            .iter()
            .filter(|named| named.tokens.start >= start && named.tokens.end <= end)
        {
            if named.modifier || !self.entities.list[named.entity].can_be_party() {
                continue;
            }
            if !found.contains(&named.entity) {
                found.push(named.entity);
            }
        }
        found
    }

    /// Whether the verb at `at` is passive: a form of "be" just before it.
    fn passive(&self, at: usize) -> bool {
        (1..=2).any(|back| {
            at.checked_sub(back).is_some_and(|before| {
                matches!(
                    self.lower(before).as_str(),
                    "was" | "were" | "been" | "being" | "is" | "are" | "be"
                )
            })
        }) && self.lower(at).ends_with("ed")
            || matches!(self.lower(at).as_str(), "bought" | "brought")
                && at.checked_sub(1).is_some_and(|before| {
                    matches!(
                        self.lower(before).as_str(),
                        "was" | "were" | "been" | "being"
                    )
                })
    }

    /// The first token of "by" after `at` within the clause, if any.
    fn by_after(&self, at: usize, end: usize) -> Option<usize> {
        (at + 1..end).find(|&next| self.lower(next) == "by")
    }

    /// Whether the act at `at` is only supposed, planned or denied.
    fn hedged(&self, at: usize) -> bool {
        let start = self.clause_start(at);
        let conditional = (start.saturating_sub(1)..at)
            .any(|before| matches!(self.lower(before).as_str(), "if" | "unless" | "whether"));
        conditional
            || (1..=3).any(|back| {
                at.checked_sub(back).is_some_and(|before| {
                    let word = self.lower(before);
                    Words::Hypothetical.has(&word)
                        || Words::Negation.has(&word)
                        || matches!(
                            word.as_str(),
                            "plans"
                                | "planned"
                                | "intends"
                                | "intend"
                                | "wants"
                                | "seeks"
                                | "expects"
                                | "hopes"
                                | "if"
                                | "whether"
                        )
                })
            })
    }

    /// The act of kind `kind` whose word is at `at`: its actors and objects.
    fn act(&self, kind: ActKind, at: usize) -> Option<Act> {
        let start = self.clause_start(at);
        let end = self.clause_end(at);
        let mut actors;
        let mut objects;
        let by = self.by_after(at, end);
        if self.passive(at) {
            // "Qualcomm was sued by Arm": the subject is acted on; "by" names who acts.
            objects = self.subjects(start, at);
            actors = by.map(|by| self.named_in(by + 1, end)).unwrap_or_default();
        } else {
            // "Amazon’s $50 billion deal with OpenAI": a noun's actor is its possessor.
            let noun = Words::AgreementNoun.has(&self.lower(at));
            actors = match self.possessor_before(at, start).filter(|_| noun) {
                Some(possessor) => vec![possessor],
                None => self.subjects(start, at),
            };
            objects = self.objects_after(kind, at, end);
            if let Some(by) = by.filter(|by| *by <= at + 4) {
                // "a lawsuit brought by Arm against Qualcomm", "the suit filed by Kreg".
                let against = self.index_of(at, end, "against");
                let stop = against.unwrap_or(end);
                let named = self.named_in(by + 1, stop);
                if !named.is_empty() {
                    actors = named;
                    objects = against
                        .map(|against| self.named_in(against + 1, end))
                        .unwrap_or_default();
                }
            }
        }
        // "Nuvia’s licenses terminated": whose agreement it is is no actor of it.
        let holders = self.possessor_of_agreement(start, at);
        if !holders.is_empty() {
            actors.retain(|actor| !holders.contains(actor));
            if kind == ActKind::Terminate {
                for holder in &holders {
                    if !objects.contains(holder) {
                        objects.push(*holder);
                    }
                }
            }
        }
        if actors.is_empty() {
            actors.extend(
                self.possessor_before(at, start)
                    .filter(|holder| !holders.contains(holder)),
            );
        }
        if actors.is_empty() {
            actors.extend(self.pronoun_subject(start, at));
        }
        actors.retain(|actor| !objects.contains(actor));
        if kind == ActKind::Terminate && objects.is_empty() {
            // "Nuvia’s licenses terminated": whose licences.
            objects.extend(self.possessor_of_agreement(start, end));
            objects.retain(|object| !actors.contains(object));
        }
        let agreement = self
            .named
            .iter()
            .filter(|named| named.tokens.start >= start && named.tokens.end <= end)
            .find(|named| self.entities.list[named.entity].category == Some(Category::Agreement))
            .map(|named| named.entity);
        let courts_only = actors.is_empty() && objects.is_empty();
        if courts_only
            && !matches!(
                kind,
                ActKind::Rule | ActKind::Terminate | ActKind::Award | ActKind::Breach
            )
        {
            return None;
        }
        let token = &self.tokens[at];
        Some(Act {
            kind,
            article: 0,
            sentence: 0,
            range: 0..0,
            verb: token.range.clone(),
            actors,
            objects,
            agreement,
            thing: self.thing(start, end),
            date: None,
            figure: None,
            hedged: self.hedged(at),
            quoted: false,
            noun_only: Words::AgreementNoun.has(&self.lower(at)),
        })
    }

    fn index_of(&self, from: usize, end: usize, word: &str) -> Option<usize> {
        (from..end).find(|&at| self.lower(at) == word)
    }

    /// The objects of an act: after "against" for a suit's noun, after "with" for an
    /// agreement, after "of" for an acquisition's noun, otherwise the names right after the
    /// verb and those joined to them.
    fn objects_after(&self, kind: ActKind, at: usize, end: usize) -> Vec<usize> {
        let preposition = match kind {
            ActKind::Sue | ActKind::Threaten | ActKind::Drop => Some("against"),
            ActKind::Sign | ActKind::Settle => Some("with"),
            ActKind::Invest => Some("in"),
            // An agreement ended or breached is with someone, or someone's.
            ActKind::Terminate | ActKind::Breach => {
                let with = ["with", "from", "to"]
                    .iter()
                    .find_map(|word| self.index_of(at + 1, end, word));
                return with
                    .map(|with| self.subjects(with + 1, end))
                    .unwrap_or_default();
            }
            ActKind::Acquire
                if !self.lower(at).ends_with('d')
                    && !matches!(
                        self.lower(at).as_str(),
                        "bought" | "buys" | "acquires" | "buy" | "acquire"
                    ) =>
            {
                Some("of")
            }
            ActKind::Rule | ActKind::Award if self.lower(at) == "sided" => Some("with"),
            ActKind::Rule | ActKind::Award => Some("for"),
            _ => None,
        };
        if let Some(preposition) = preposition {
            if let Some(found) = self.index_of(at + 1, end, preposition) {
                let named = self.subjects(found + 1, end);
                if !named.is_empty() {
                    return named;
                }
            }
            if kind == ActKind::Rule || kind == ActKind::Award {
                if let Some(favor) = self
                    .index_of(at + 1, end, "favor")
                    .or_else(|| self.index_of(at + 1, end, "favour"))
                {
                    return self.subjects(favor + 1, end);
                }
                // "The jury found that Qualcomm had not breached": the winner is not named as such.
                return Vec::new();
            }
        }
        self.subjects(at + 1, end)
    }

    /// "Arm’s lawsuit", "Qualcomm’s acquisition of Nuvia": the possessor before a noun act.
    fn possessor_before(&self, at: usize, start: usize) -> Option<usize> {
        self.named
            .iter()
            .filter(|named| {
                named.possessive && named.tokens.start >= start && named.tokens.end <= at
            })
            .filter(|named| at - named.tokens.end <= 5)
            .filter(|named| self.entities.list[named.entity].can_be_party())
            .map(|named| named.entity)
            .next_back()
    }

    /// "It", "the company", "the carrier", "the port" as the subject: the name before it in
    /// the sentence, or the subject of the sentence before; "the port" names the entity whose
    /// name has "port" in it ("Port of Brenna").
    fn pronoun_subject(&self, start: usize, at: usize) -> Option<usize> {
        let mut earlier = self.subjects(0, start);
        earlier.extend(self.named_in(0, start));
        earlier.extend(self.topic);
        let mut referring = None;
        for index in start..at {
            let word = self.lower(index);
            if matches!(word.as_str(), "it" | "they" | "he" | "she" | "we") {
                referring = earlier.first().copied();
                break;
            }
            let after_the = index > 0 && self.lower(index - 1) == "the";
            if !after_the {
                continue;
            }
            let named = earlier.iter().copied().find(|&entity| {
                self.entities.list[entity]
                    .key
                    .split(' ')
                    .any(|part| part == word)
            });
            if named.is_some() {
                referring = named;
                break;
            }
            if Words::Descriptor.has(&word) || Words::CompanyNoun.has(&word) {
                let described = earlier
                    .iter()
                    .copied()
                    .find(|&entity| self.entities.list[entity].descriptors.contains(&word));
                referring = described.or_else(|| earlier.first().copied());
                break;
            }
        }
        referring
    }

    /// "Nuvia’s licenses", "its licence with Arm": the party whose agreement it is.
    fn possessor_of_agreement(&self, start: usize, end: usize) -> Vec<usize> {
        self.named
            .iter()
            .filter(|named| {
                named.possessive && named.tokens.start >= start && named.tokens.end <= end
            })
            .filter(|named| {
                self.is(named.tokens.end, Words::AgreementNoun)
                    || self.is(named.tokens.end + 1, Words::AgreementNoun)
            })
            .map(|named| named.entity)
            .collect()
    }

    /// The words of an agreement in the clause: its noun and the few words before it that
    /// describe it, from a determiner or a possessor on ("its exclusive distribution agreement",
    /// "Nuvia’s licenses").
    fn thing(&self, start: usize, end: usize) -> Option<Range<usize>> {
        let noun = (start..end).find(|&at| self.is(at, Words::AgreementNoun))?;
        let mut first = noun;
        while first > start && noun - first < 4 {
            let before = first - 1;
            let token = &self.tokens[before];
            let word = self.lower(before);
            let raw = token.text(self.text);
            let stops = !token.is_word()
                || Words::Determiner.has(&word)
                || raw.ends_with("’s")
                || raw.ends_with("'s")
                || raw.starts_with(|c: char| c.is_uppercase())
                || matches!(
                    word.as_str(),
                    "of" | "with" | "over" | "for" | "to" | "in" | "on" | "by" | "and"
                )
                || Words::SignWord.has(&word)
                || word.ends_with("ing");
            if stops {
                if Words::Determiner.has(&word) || raw.ends_with("’s") || raw.ends_with("'s") {
                    first = before;
                }
                break;
            }
            first = before;
        }
        Some(self.tokens[first].range.start..self.tokens[noun].range.end)
    }

    /// "Frontier’s launch", "the Phoenix’s release": a product's launch, an act of no party's.
    fn launches(&self) -> Vec<Act> {
        self.named
            .iter()
            .filter(|named| {
                named.possessive
                    && self.entities.list[named.entity].category == Some(Category::Product)
            })
            .filter(|named| {
                matches!(
                    self.lower(named.tokens.end).as_str(),
                    "launch" | "release" | "debut" | "rollout"
                )
            })
            .map(|named| {
                let mut act = self.bare_act(ActKind::Launch, named.tokens.end);
                act.objects = vec![named.entity];
                act
            })
            .collect()
    }

    /// "The company invested $1 billion in 2019 and added another $10 billion in early 2023":
    /// the second figure is a further investment by the same investor, dated on its own.
    fn further_investments(&self, acts: &[Act]) -> Vec<Act> {
        let mut found = Vec::new();
        for act in acts.iter().filter(|act| act.kind == ActKind::Invest) {
            let verb = act_token(self.tokens, &act.verb);
            let end = self.clause_end(verb);
            let added = (verb + 1..end).find(|&at| {
                self.lower(at.saturating_sub(1)) == "and"
                    && matches!(
                        self.lower(at).as_str(),
                        "added" | "adds" | "committed" | "put" | "poured" | "injected"
                    )
            });
            if let Some(added) = added {
                let mut further = self.bare_act(ActKind::Invest, added);
                further.actors = act.actors.clone();
                further.objects = act.objects.clone();
                found.push(further);
            }
        }
        found
    }

    /// An act of `kind` at token `at` with nobody named yet.
    fn bare_act(&self, kind: ActKind, at: usize) -> Act {
        Act {
            kind,
            article: 0,
            sentence: 0,
            range: 0..0,
            verb: self.tokens[at].range.clone(),
            actors: Vec::new(),
            objects: Vec::new(),
            agreement: None,
            thing: None,
            date: None,
            figure: None,
            hedged: self.hedged(at),
            quoted: false,
            noun_only: false,
        }
    }

    /// "Kreg Therapeutics, Inc. v. VitalGo, Inc.": a case caption names who sued whom. News
    /// headlines write "vs." for any rivalry, so "vs." counts only between legal names.
    fn caption(&self) -> Vec<Act> {
        let mut acts = Vec::new();
        for (position, named) in self.named.iter().enumerate() {
            let Some(next) = self.named.get(position + 1) else {
                continue;
            };
            let between: Vec<String> = (named.tokens.end..next.tokens.start)
                .filter(|&at| self.tokens[at].is_word())
                .map(|at| self.lower(at))
                .collect();
            let legal = [named, next]
                .iter()
                .all(|named| self.entities.list[named.entity].suffixed);
            let versus = matches!(between.as_slice(), [word] if matches!(word.as_str(), "v" | "v." | "versus") || legal && matches!(word.as_str(), "vs" | "vs."));
            let both = [named, next]
                .iter()
                .all(|named| self.entities.list[named.entity].can_be_party());
            if versus && both {
                let token = &self.tokens[named.tokens.end];
                acts.push(Act {
                    kind: ActKind::Sue,
                    article: 0,
                    sentence: 0,
                    range: 0..0,
                    verb: token.range.clone(),
                    actors: vec![named.entity],
                    objects: vec![next.entity],
                    agreement: None,
                    thing: None,
                    date: None,
                    figure: None,
                    hedged: false,
                    quoted: false,
                    // A caption dates nothing and is no event of its own.
                    noun_only: true,
                });
            }
        }
        acts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::entities::resolve;
    use crate::text::read;

    /// The acts of `text` as (kind, actors, objects, date as written), names by their key.
    fn acts(text: &str) -> Vec<(ActKind, Vec<String>, Vec<String>, Option<String>, bool)> {
        let readings = vec![read(text)];
        let entities = resolve(&readings);
        let key = |entity: &usize| entities.list[*entity].key.clone();
        find(&readings, &entities, &[None], &["report"])
            .into_iter()
            .map(|act| {
                (
                    act.kind,
                    act.actors.iter().map(key).collect(),
                    act.objects.iter().map(key).collect(),
                    act.date.map(|(_, date)| date.text),
                    act.hedged,
                )
            })
            .collect()
    }

    fn row(
        kind: ActKind,
        actors: &[&str],
        objects: &[&str],
        date: Option<&str>,
    ) -> (ActKind, Vec<String>, Vec<String>, Option<String>, bool) {
        (
            kind,
            actors.iter().map(|name| name.to_string()).collect(),
            objects.iter().map(|name| name.to_string()).collect(),
            date.map(str::to_owned),
            false,
        )
    }

    #[test]
    fn acts_are_read_with_who_does_what_to_whom() {
        use ActKind::*;
        let cases: Vec<(&str, &str, Vec<(ActKind, Vec<String>, Vec<String>, Option<String>, bool)>)> = vec![
            (
                "a suit by its verb, with the defendants joined by and",
                "Chip row\nIn September 2014, Peerless Network sued Verizon and Kestrel Lines.",
                vec![row(Sue, &["peerless network"], &["verizon", "kestrel lines"], Some("September 2014"))],
            ),
            (
                "a lawsuit filed against, after a verb of saying",
                "Chip row\nArm on Wednesday said it had filed a lawsuit against Qualcomm and Nuvia.",
                vec![row(Sue, &["arm"], &["qualcomm", "nuvia"], Some("Wednesday"))],
            ),
            (
                "a passive suit names its claimant after by",
                "Chip row\nQualcomm is being sued by Arm over the licences.",
                vec![row(Sue, &["arm"], &["qualcomm"], None)],
            ),
            (
                "a suit brought by one against another",
                "Chip row\nThe judge dismissed part of a suit brought by Kestrel against Norvale Grid.",
                vec![row(Rule, &[], &[], None), row(Sue, &["kestrel"], &["norvale grid"], None)],
            ),
            (
                "arbitration launched against",
                "Chip row\nSorvik Turbine Systems launched arbitration against Greyhaven Offshore Wind in May 2025.",
                vec![row(Sue, &["sorvik turbine systems"], &["greyhaven offshore wind"], Some("May 2025"))],
            ),
            (
                "a caption names who sued whom",
                "Chip row\nThe case is Kreg Therapeutics, Inc. v. VitalGo, Inc., decided in 2019.",
                vec![row(Sue, &["kreg therapeutics"], &["vitalgo"], None)],
            ),
            (
                "an acquisition by its noun, with its price",
                "Chip row\nQualcomm completed its acquisition of Nuvia for $1.4 billion in March 2021.",
                vec![row(Acquire, &["qualcomm"], &["nuvia"], Some("March 2021"))],
            ),
            (
                "a licence granted names giver and receiver",
                "Chip row\nArm granted Nuvia a Technology License Agreement (TLA) in 2019.",
                vec![row(Grant, &["arm"], &["nuvia"], Some("2019"))],
            ),
            (
                "two companies entered into an agreement",
                "Chip row\nKestrel and Norvale Grid entered into an exclusive distribution agreement in 2012.",
                vec![row(Sign, &["kestrel", "norvale grid"], &[], Some("2012"))],
            ),
            (
                "a licence that ends with no actor is its holder's",
                "Chip row\nArm said that Nuvia’s licenses terminated in March 2022.",
                vec![row(Terminate, &[], &["nuvia"], Some("March 2022"))],
            ),
            (
                "a threat is no suit",
                "Chip row\nHalvorsen Maritime threatened to sue Skarvik Terminal on Monday.",
                vec![row(Threaten, &["halvorsen maritime"], &["skarvik terminal"], Some("Monday"))],
            ),
            (
                "a court's ruling, with who it favoured",
                "Chip row\nA Delaware jury ruled in favor of Qualcomm in December 2024.",
                vec![row(Rule, &[], &["qualcomm"], Some("December 2024"))],
            ),
        ];
        let mut wrong = Vec::new();
        for (name, text, expected) in cases {
            let found = acts(text);
            if found != expected {
                wrong.push(format!(
                    "{name}:\n  found    {found:?}\n  expected {expected:?}"
                ));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn supposed_and_planned_acts_are_hedged() {
        let found = acts("Chip row\nArm said it plans to appeal the ruling against Qualcomm.");
        assert!(
            found.iter().any(|act| act.0 == ActKind::Appeal && act.4),
            "{found:?}"
        );
        let found = acts("Chip row\nNorvale could sue Kestrel Medical over the notice.");
        assert!(found.iter().all(|act| act.4), "{found:?}");
    }
}
