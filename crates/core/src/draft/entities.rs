//! Who the reports name, each once: every name run of every article (`text::names`) joined
//! into the entity it names, before anything is compared across reports. Runs with one key
//! are one entity ("ARM" and "Arm", "Qualcomm Inc." and "Qualcomm Incorporated"); a short form
//! in brackets joins its full name ("Kreg Therapeutics, Inc. (“Kreg”)"); initials join the
//! name they abbreviate ("CCL"); a first word joins the one longer name it begins
//! ("Halvorsen" of Halvorsen Maritime ASA), unless it is a company of its own (seen with a
//! legal suffix: "Qualcomm" is not "Qualcomm Technologies"); a surname joins its person. Each
//! entity is then told for what it is: a company, a person, a public body or a group, or one
//! that is no party whatever it does: a court or a judge, a place, a product, an agreement, an
//! outlet, a category of companies, or someone who only comments.

use crate::text::dates::is_month;
use crate::text::lexicon::Words;
use crate::text::names::{key_of, name_runs, NameRun};
use crate::text::segment::BlockKind;
use crate::text::tokens::{strip_possessive, Token};
use crate::text::Reading;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    Company,
    Person,
    Government,
    Group,
    /// A court, a tribunal, a judge or a jury: who decides is no party.
    Court,
    Place,
    /// A product, a design or a service.
    Product,
    /// An agreement's own name ("Tandem Service Agreement").
    Agreement,
    Outlet,
    /// A category of companies ("Interexchange Carriers"), a term of trade ("CPU").
    Generic,
    /// A paper of the case ("Memorandum Opinion and Order").
    Document,
    /// An analyst, a reporter, an expert, or the firm one works at, named for commenting.
    Commentator,
}

impl Category {
    /// Whether an entity of this kind can be a party to the dispute.
    pub fn can_be_party(self) -> bool {
        matches!(
            self,
            Category::Company | Category::Person | Category::Government | Category::Group
        )
    }
}

/// One name of an entity in one sentence.
#[derive(Clone, Debug)]
pub struct Mention {
    pub article: usize,
    /// The sentence (an index into the article's reading).
    pub sentence: usize,
    pub run: NameRun,
    /// The entity it names (an index into `Entities::list`).
    pub entity: usize,
}

/// One entity and all it was seen as.
#[derive(Clone, Debug, Default)]
pub struct Entity {
    pub key: String,
    /// Every way it is written, with how often.
    pub forms: BTreeMap<String, usize>,
    /// Keys of the names that were joined into it.
    pub keys: BTreeSet<String>,
    pub category: Option<Category>,
    /// Whether any of its names carries a legal suffix.
    pub suffixed: bool,
    /// Its mentions (indexes into `Entities::mentions`).
    pub mentions: Vec<usize>,
    pub articles: BTreeSet<usize>,
    /// The descriptions reports give it ("the carrier"), lowercased.
    pub descriptors: BTreeSet<String>,
    /// Entities it is said to own or back ("Softbank Group-owned Arm": Softbank owns Arm).
    pub modifies: BTreeSet<usize>,
    /// The name a report defines for it, which it goes by ("Verizon" for the companies a
    /// filing calls so collectively).
    pub defined: Option<String>,
    /// Named only as one capitalised word opening sentences ("Analysts", "Shares"): more
    /// likely a common word than a name, so never a party on that alone.
    pub doubtful: bool,
}

impl Entity {
    /// Whether it can be a party: a company, person, body or group, and surely a name.
    pub fn can_be_party(&self) -> bool {
        self.category.is_some_and(Category::can_be_party) && !self.doubtful
    }

    /// The name to show it under: the fullest form a report writes it in (a legal name with
    /// its suffix, "Qualcomm Incorporated"), not in capitals when another form is not.
    pub fn name(&self) -> String {
        if let Some(defined) = &self.defined {
            return defined.clone();
        }
        let shouting = |form: &str| {
            form.chars().filter(|c| c.is_alphabetic()).count() > 3
                && !form.chars().any(char::is_lowercase)
        };
        self.forms
            .iter()
            .max_by_key(|(form, count)| {
                (
                    !shouting(form),
                    form.split_whitespace().count(),
                    **count,
                    form.len(),
                )
            })
            .map(|(form, _)| form.clone())
            .unwrap_or_else(|| self.key.clone())
    }

    /// The name most reports use ("Qualcomm"), for titles.
    pub fn short_name(&self) -> String {
        self.forms
            .iter()
            .filter(|(form, _)| !form.contains(','))
            .max_by_key(|(form, count)| {
                let capitals = !form.chars().any(char::is_lowercase) && form.len() > 3;
                (**count, !capitals, std::cmp::Reverse(form.len()))
            })
            .map(|(form, _)| form.clone())
            .unwrap_or_else(|| self.name())
    }

    /// Its other names: every other form, its descriptions as "the carrier".
    pub fn aliases(&self) -> Vec<String> {
        let name = self.name();
        let mut aliases: Vec<String> = self
            .forms
            .keys()
            .filter(|form| **form != name)
            .cloned()
            .collect();
        aliases.extend(self.descriptors.iter().map(|noun| format!("the {noun}")));
        aliases.dedup();
        aliases
    }
}

/// Every entity of a set of articles, and every mention of one.
#[derive(Clone, Debug, Default)]
pub struct Entities {
    pub list: Vec<Entity>,
    pub mentions: Vec<Mention>,
}

impl Entities {
    /// The mentions of `article`'s sentence `sentence`, in text order.
    pub fn in_sentence(&self, article: usize, sentence: usize) -> impl Iterator<Item = &Mention> {
        self.mentions
            .iter()
            .filter(move |mention| mention.article == article && mention.sentence == sentence)
    }
}

/// The evidence about one mention, read from the words around it.
#[derive(Clone, Debug, Default)]
struct Around {
    place: bool,
    product: bool,
    person: bool,
    court: bool,
    commentator: bool,
    descriptor: Option<String>,
}

/// The entities of `readings`.
pub fn resolve(readings: &[Reading]) -> Entities {
    let mut runs: Vec<(usize, usize, NameRun, Around)> = Vec::new();
    for (article, reading) in readings.iter().enumerate() {
        for (index, sentence) in reading.sentences.iter().enumerate() {
            // A headline's capitals are its style, not names.
            if reading.blocks[sentence.block].kind == BlockKind::Headline {
                continue;
            }
            let tokens = reading.tokens_in(&sentence.range);
            for run in name_runs(reading.text, tokens) {
                let around = around(reading.text, tokens, &run);
                runs.push((article, index, run, around));
            }
        }
    }
    let mut entities = group_by_key(&runs);
    join_short_forms(&mut entities, &runs, readings);
    categorise(&mut entities, &runs);
    surnames_make_people(&mut entities);
    join_abbreviations(&mut entities, &runs);
    compact(entities, runs)
}

/// A provisional entity: runs (by index) under one key, and the keys joined into it.
#[derive(Clone, Debug, Default)]
struct Gathered {
    key: String,
    /// The name a report defines for the entity ("(collectively “Verizon”)"), if one does.
    defined: Option<String>,
    runs: Vec<usize>,
    keys: BTreeSet<String>,
    joined_into: Option<usize>,
    category: Option<Category>,
}

fn group_by_key(runs: &[(usize, usize, NameRun, Around)]) -> Vec<Gathered> {
    let mut by_key: BTreeMap<&str, usize> = BTreeMap::new();
    let mut gathered: Vec<Gathered> = Vec::new();
    for (index, (_, _, run, _)) in runs.iter().enumerate() {
        let at = *by_key.entry(run.key.as_str()).or_insert_with(|| {
            gathered.push(Gathered {
                key: run.key.clone(),
                keys: BTreeSet::from([run.key.clone()]),
                ..Gathered::default()
            });
            gathered.len() - 1
        });
        gathered[at].runs.push(index);
    }
    gathered
}

/// The entity `index` ends in, after joins.
fn root(entities: &[Gathered], mut index: usize) -> usize {
    while let Some(next) = entities[index].joined_into {
        index = next;
    }
    index
}

fn join(entities: &mut [Gathered], from: usize, into: usize) {
    let (from, into) = (root(entities, from), root(entities, into));
    if from == into {
        return;
    }
    entities[from].joined_into = Some(into);
    let runs = std::mem::take(&mut entities[from].runs);
    let keys = std::mem::take(&mut entities[from].keys);
    entities[into].runs.extend(runs);
    entities[into].keys.extend(keys);
}

/// "Kreg Therapeutics, Inc. (“Kreg”)", "Amazon Web Services (AWS)": the short form's entity
/// joins the full name's.
fn join_short_forms(
    entities: &mut [Gathered],
    runs: &[(usize, usize, NameRun, Around)],
    readings: &[Reading],
) {
    let by_key: BTreeMap<String, usize> = entities
        .iter()
        .enumerate()
        .map(|(index, entity)| (entity.key.clone(), index))
        .collect();
    for (index, (_, _, run, _)) in runs.iter().enumerate() {
        let Some((form, plural)) = &run.short_form else {
            continue;
        };
        if *plural {
            // "Interexchange Carriers (IXCs)": "IXCs" and "IXC" are the category too.
            let full = entities
                .iter()
                .position(|entity| entity.runs.contains(&index));
            let singular = key_of([form.trim_end_matches('s')]);
            for key in [key_of([form.as_str()]), singular] {
                if let (Some(full), Some(&short)) = (full, by_key.get(&key)) {
                    join(entities, short, full);
                }
            }
            continue;
        }
        let full = entities
            .iter()
            .position(|entity| entity.runs.contains(&index));
        let short = by_key.get(&key_of(form.split(' ')));
        if let (Some(full), Some(&short)) = (full, short) {
            join(entities, short, full);
        }
        // "Verizon Services Corp., MCI Communications … (collectively “Verizon”)": each name
        // of the list is the one the short form names.
        if run.collective {
            let (article, sentence) = (runs[index].0, runs[index].1);
            let reading = &readings[article];
            let tokens = reading.tokens_in(&reading.sentences[sentence].range);
            // The names of the list only: those joined to the next by commas and "and".
            let mut first = index;
            while first > 0 && runs[first - 1].0 == article && runs[first - 1].1 == sentence {
                let gap = &tokens[runs[first - 1].2.tokens.end
                    ..runs[first].2.tokens.start.max(runs[first - 1].2.tokens.end)];
                let listing = gap.iter().all(|token| {
                    token.is_punct(',')
                        || token.is_word()
                            && matches!(
                                token.text(reading.text).to_ascii_lowercase().as_str(),
                                "and" | "&"
                            )
                });
                if !listing {
                    break;
                }
                first -= 1;
            }
            let listed: Vec<usize> = (first..index)
                .filter_map(|earlier| {
                    entities
                        .iter()
                        .position(|entity| entity.runs.contains(&earlier))
                })
                .collect();
            let target = short.copied().or(full);
            if let Some(target) = target {
                for member in listed.into_iter().chain(full) {
                    join(entities, member, target);
                }
                let target = root(entities, target);
                entities[target].defined = Some(form.clone());
            }
        }
        // The short form is one of the full name's keys even where it is never used alone.
        if let Some(full) = full {
            let full = root(entities, full);
            entities[full].keys.insert(key_of(form.split(' ')));
        }
    }
}

/// Initials of a longer name ("CCL" of Cordova Container Lines), a first word of the one
/// longer name it begins ("Halvorsen"), a surname of a person ("Chaplin"): each joins it.
fn join_abbreviations(entities: &mut [Gathered], runs: &[(usize, usize, NameRun, Around)]) {
    let roots: Vec<usize> = (0..entities.len())
        .filter(|&index| entities[index].joined_into.is_none())
        .collect();
    for &short in &roots {
        if entities[short].joined_into.is_some() {
            continue;
        }
        let key = entities[short].key.clone();
        let short_words: Vec<&str> = key.split(' ').collect();
        if short_words.len() == 1 && Words::GenericFirstWord.has(&key) {
            continue;
        }
        // "Qualcomm", seen as "Qualcomm Inc.", is a company of its own, not the first word of
        // Qualcomm Technologies.
        let own_company = entities[short].runs.iter().any(|&run| runs[run].2.suffixed);
        let blocked = own_company
            || !entities[short].category.is_none_or(|category| {
                category.can_be_party() || category == Category::Commentator
            });
        if blocked {
            continue;
        }
        let candidates: Vec<usize> = roots
            .iter()
            .copied()
            .filter(|&long| long != short && entities[long].joined_into.is_none())
            .filter(|&long| {
                entities[long].category.is_some_and(|category| {
                    category.can_be_party() || category == Category::Commentator
                })
            })
            .filter(|&long| {
                let words: Vec<&str> = entities[long].key.split(' ').collect();
                let person = matches!(
                    entities[long].category,
                    Some(Category::Person | Category::Commentator)
                );
                if short_words.len() > 1 {
                    // "Marlow Peak" of "Marlow Peak Entertainment": the longer only adds a
                    // company's word.
                    return words.len() > short_words.len()
                        && words.starts_with(&short_words)
                        && words[short_words.len()..]
                            .iter()
                            .all(|word| Words::CompanyWord.has(word));
                }
                // "Cliffs" of "Cleveland-Cliffs": a hyphenated name known by its last part.
                let hyphenated = words.len() == 1
                    && words[0]
                        .rsplit_once('-')
                        .is_some_and(|(first, last)| !first.is_empty() && last == key);
                hyphenated
                    || words.len() >= 2
                        && (words[0] == key
                            || initials(&words) == key
                            || person && words.last() == Some(&key.as_str()))
            })
            .collect();
        // One longer name only: "Nuvia" of "Nuvia Inc" and of nothing else; or, of several, the
        // one every other begins with: "Nippon" of Nippon Steel, not of its unit Nippon Steel
        // North America.
        let parent = candidates.iter().copied().find(|&long| {
            let words: Vec<&str> = entities[long].key.split(' ').collect();
            candidates.iter().all(|&other| {
                other == long
                    || entities[other]
                        .key
                        .split(' ')
                        .collect::<Vec<_>>()
                        .starts_with(&words)
            })
        });
        if let Some(long) = parent {
            join(entities, short, long);
        }
    }
}

/// "Elon Musk" and, elsewhere, "Musk" alone: a name of two or three words with no company's
/// word in it whose last word stands alone is a person's, known by surname.
fn surnames_make_people(entities: &mut [Gathered]) {
    let alone: BTreeSet<String> = entities
        .iter()
        .filter(|entity| entity.joined_into.is_none() && !entity.key.contains(' '))
        .filter(|entity| {
            entity
                .category
                .is_none_or(|category| category.can_be_party())
        })
        .map(|entity| entity.key.clone())
        .collect();
    for entity in entities.iter_mut() {
        if entity.joined_into.is_some() || entity.category != Some(Category::Company) {
            continue;
        }
        let words: Vec<&str> = entity.key.split(' ').collect();
        let plain = (2..=3).contains(&words.len())
            && !words
                .iter()
                .any(|word| Words::CompanyWord.has(word) || Words::NameConnector.has(word))
            && words.iter().all(|word| {
                word.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '’' || c == '\'')
            });
        if plain && words.last().is_some_and(|last| alone.contains(*last)) {
            entity.category = Some(Category::Person);
        }
    }
}

/// "cordova container lines" is "ccl": the first letters of a name's words, connectors aside.
fn initials(words: &[&str]) -> String {
    words
        .iter()
        .filter(|word| !Words::NameConnector.has(word) && **word != "and" && **word != "the")
        .filter_map(|word| word.chars().next())
        .collect()
}

/// Tells each entity for what it is, from its words and from what surrounds its mentions.
fn categorise(entities: &mut [Gathered], runs: &[(usize, usize, NameRun, Around)]) {
    let agreement_forms: BTreeSet<String> = runs
        .iter()
        .filter(|(_, _, run, _)| last_word_is(&run.key, Words::AgreementName))
        .filter_map(|(_, _, run, _)| run.short_form.as_ref().map(|(form, _)| form.to_lowercase()))
        .collect();
    for entity in entities.iter_mut() {
        if entity.joined_into.is_some() {
            continue;
        }
        let mine: Vec<&(usize, usize, NameRun, Around)> =
            entity.runs.iter().map(|&index| &runs[index]).collect();
        entity.category = Some(category_of(&entity.key, &mine, &agreement_forms));
    }
}

fn last_word_is(key: &str, family: Words) -> bool {
    key.rsplit(' ').next().is_some_and(|last| family.has(last))
}

/// What an entity is, from its key and its runs.
fn category_of(
    key: &str,
    runs: &[&(usize, usize, NameRun, Around)],
    agreement_forms: &BTreeSet<String>,
) -> Category {
    let words: Vec<&str> = key.split(' ').collect();
    let count = runs.len().max(1);
    let share = |test: &dyn Fn(&Around) -> bool| {
        runs.iter().filter(|(_, _, _, around)| test(around)).count() * 2 >= count
    };
    let any = |test: &dyn Fn(&Around) -> bool| runs.iter().any(|(_, _, _, around)| test(around));
    let suffixed = runs.iter().any(|(_, _, run, _)| run.suffixed);
    if last_word_is(key, Words::AgreementName)
        || words.iter().any(|word| agreement_forms.contains(*word))
    {
        return Category::Agreement;
    }
    if words.iter().any(|word| Words::CourtWord.has(word))
        || key.contains("district of ")
        || any(&|around| around.court)
    {
        return Category::Court;
    }
    if share(&|around| around.commentator) {
        return Category::Commentator;
    }
    if Words::PlaceName.has(key) || (!suffixed && share(&|around| around.place)) {
        return Category::Place;
    }
    let outlet_named = runs.iter().any(|(_, _, run, _)| {
        crate::suggest::names::known_outlet(&run.written)
            || crate::suggest::outlet_full_name(&run.written) != run.written
    });
    if outlet_named || last_word_is(key, Words::OutletNameWord) {
        return Category::Outlet;
    }
    let plural_short = runs
        .iter()
        .any(|(_, _, run, _)| run.short_form.as_ref().is_some_and(|(_, plural)| *plural));
    if last_word_is(key, Words::GenericPlural) || plural_short || Words::CommonAcronym.has(key) {
        return Category::Generic;
    }
    if words
        .iter()
        .all(|word| Words::CourtPaper.has(word) || Words::NameConnector.has(word) || *word == "and")
    {
        return Category::Document;
    }
    let products = runs
        .iter()
        .filter(|(_, _, _, around)| around.product)
        .count();
    if !suffixed && (products * 2 > count || products >= 3 && products * 3 >= count) {
        return Category::Product;
    }
    if words.iter().any(|word| Words::GovernmentWord.has(word)) && !suffixed {
        return Category::Government;
    }
    if words.iter().any(|word| Words::GroupWord.has(word)) && !suffixed {
        return Category::Group;
    }
    let company_word = words
        .iter()
        .skip(1)
        .any(|word| Words::CompanyWord.has(word));
    if !suffixed && !company_word && any(&|around| around.person) && (2..=3).contains(&words.len())
    {
        return Category::Person;
    }
    Category::Company
}

/// The words next to a run, lowercased, possessives aside.
struct Near {
    before: Option<String>,
    before_two: Option<String>,
    after: Option<String>,
    after_two: Option<String>,
    /// The first word after it as written (its case tells a noun from a name).
    after_written: Option<String>,
    comma_after: bool,
    /// The words of a description set off by a comma after it ("Frontier, OpenAI's platform").
    apposition: Vec<String>,
    /// Whether that description opens with a determiner or a possessor.
    opens_apposition: bool,
    /// Whether a state's abbreviation follows ("Malta, N.Y."): the name is a city's.
    city: bool,
}

impl Near {
    fn of(text: &str, tokens: &[Token], run: &NameRun) -> Near {
        let word_at = |at: usize| {
            tokens
                .get(at)
                .filter(|token| token.is_word())
                .map(|token| strip_possessive(token.text(text)).to_lowercase())
        };
        let comma_after = tokens
            .get(run.tokens.end)
            .is_some_and(|token| token.is_punct(','));
        let apposition: Vec<String> = if comma_after {
            tokens[run.tokens.end + 1..]
                .iter()
                .take_while(|token| !token.is_punct(',') && !token.is_punct('.'))
                .filter(|token| token.is_word())
                .take(8)
                .map(|token| token.text(text).to_lowercase())
                .collect()
        } else {
            Vec::new()
        };
        let opens_apposition = apposition.first().is_some_and(|first| {
            Words::Determiner.has(first) || first.ends_with("’s") || first.ends_with("'s")
        });
        Near {
            before: run.tokens.start.checked_sub(1).and_then(word_at),
            before_two: run.tokens.start.checked_sub(2).and_then(word_at),
            after: word_at(run.tokens.end),
            after_two: word_at(run.tokens.end + 1),
            after_written: tokens
                .get(run.tokens.end)
                .filter(|token| token.is_word())
                .map(|token| token.text(text).to_owned()),
            comma_after,
            apposition,
            opens_apposition,
            city: before_a_state(text, tokens, run.tokens.end),
        }
    }

    fn before_is(&self, family: Words) -> bool {
        self.before.as_deref().is_some_and(|word| family.has(word))
    }

    fn after_is(&self, family: Words) -> bool {
        self.after.as_deref().is_some_and(|word| family.has(word))
    }

    fn apposition_has(&self, family: Words) -> bool {
        self.apposition.iter().any(|word| family.has(word))
    }
}

/// What the words around a run say of it.
fn around(text: &str, tokens: &[Token], run: &NameRun) -> Around {
    let near = Near::of(text, tokens, run);
    let descriptor = near
        .before
        .clone()
        .filter(|word| Words::Descriptor.has(word))
        .or_else(|| {
            near.opens_apposition
                .then(|| {
                    near.apposition
                        .iter()
                        .take(4)
                        .find(|word| Words::Descriptor.has(word))
                        .cloned()
                })
                .flatten()
        });
    Around {
        place: is_placed(&near, run),
        product: is_product(&near, run),
        person: near.before.as_deref().is_some_and(|word| {
            Words::PersonMarker.has(word.trim_end_matches('.')) || Words::Title.has(word)
        }) || near.comma_after && near.apposition_has(Words::Title),
        court: near
            .before
            .as_deref()
            .is_some_and(|word| word == "judge" || word == "justice"),
        commentator: near.before_is(Words::CommentatorNoun)
            || near.comma_after && near.apposition_has(Words::CommentatorNoun)
            || near.before.as_deref() == Some("at")
                && near
                    .before_two
                    .as_deref()
                    .is_some_and(|word| Words::CommentatorNoun.has(word)),
        descriptor,
    }
}

/// "in Delaware", "the Brackenford works", "Halden-based Norvale", "the District of Oregon":
/// a place.
fn is_placed(near: &Near, run: &NameRun) -> bool {
    let located = near
        .before
        .as_deref()
        .is_some_and(|word| Words::PlacePreposition.has(word))
        && !near.after_is(Words::SpeechCue);
    let based = run
        .modifies
        .as_ref()
        .is_some_and(|modifier| matches!(modifier.participle.as_str(), "based" | "headquartered"));
    let seat = near.before.as_deref() == Some("of")
        && near
            .before_two
            .as_deref()
            .is_some_and(|word| Words::RegionNoun.has(word));
    near.after_is(Words::SiteNoun) || located || based || seat || near.city
}

/// "Malta, N.Y.", "the Malta, N.Y.-based company", "Fenwick, Mass.": a state's abbreviation,
/// with its capital and its stop, after a comma after the name: the name is a city.
fn before_a_state(text: &str, tokens: &[Token], end: usize) -> bool {
    if !tokens.get(end).is_some_and(|token| token.is_punct(',')) {
        return false;
    }
    let Some(word) = tokens.get(end + 1).filter(|token| token.is_word()) else {
        return false;
    };
    let written = word.text(text);
    let written = written.strip_suffix("-based").unwrap_or(written);
    let stopped =
        written.ends_with('.') || tokens.get(end + 2).is_some_and(|token| token.is_punct('.'));
    stopped
        && written.starts_with(|c: char| c.is_uppercase())
        && Words::StateAbbreviation.has(written.trim_end_matches('.'))
}

/// "Frontier is designed as a platform", "Frontier’s launch", "offering Frontier", "the
/// Kettleworth game engine", "the hit online game Ashfall Meridian", "licenses Kettleworth":
/// a product.
fn is_product(near: &Near, run: &NameRun) -> bool {
    let designed = near
        .after
        .as_deref()
        .is_some_and(|word| matches!(word, "is" | "was"))
        && near
            .after_two
            .as_deref()
            .is_some_and(|word| Words::DesignedAs.has(word));
    let launched = run.possessive && near.after_is(Words::ProductEvent)
        || near
            .before
            .as_deref()
            .is_some_and(|word| Words::ProductEvent.has(word) && word.ends_with("ing"));
    let noun_after = near.after_written.as_deref().is_some_and(|word| {
        word.starts_with(|c: char| c.is_lowercase())
            && !Words::Determiner.has(word)
            && !Words::SpeechCue.has(word)
            && !Words::FunctionWord.has(word)
            && !word.ends_with("ed")
    });
    let compound = !run.possessive
        && noun_after
        && near
            .after_two
            .as_deref()
            .is_some_and(|word| Words::ProductNoun.has(word));
    let named_after_noun = near.before_is(Words::ProductNoun) && !near.before_is(Words::Descriptor);
    let licensed = near
        .before
        .as_deref()
        .is_some_and(|word| matches!(word, "licenses" | "licences" | "licensed" | "licensing"));
    let described = near.opens_apposition
        && near.apposition_has(Words::ProductNoun)
        && !near.apposition_has(Words::Descriptor);
    designed
        || launched
        || compound
        || named_after_noun
        || licensed
        || described
        || !run.possessive && near.after_is(Words::ProductNoun)
}

/// The gathered entities as the final list, each with its mentions.
fn compact(gathered: Vec<Gathered>, runs: Vec<(usize, usize, NameRun, Around)>) -> Entities {
    let mut index_of: BTreeMap<usize, usize> = BTreeMap::new();
    let mut list: Vec<Entity> = Vec::new();
    for (at, entity) in gathered.iter().enumerate() {
        if entity.joined_into.is_none() && !entity.runs.is_empty() {
            index_of.insert(at, list.len());
            list.push(Entity {
                key: entity.key.clone(),
                keys: entity.keys.clone(),
                category: entity.category,
                defined: entity.defined.clone(),
                ..Entity::default()
            });
        }
    }
    let owner_of: Vec<Option<usize>> = gathered
        .iter()
        .enumerate()
        .map(|(at, _)| index_of.get(&root(&gathered, at)).copied())
        .collect();
    let mut run_entity: Vec<usize> = vec![usize::MAX; runs.len()];
    for (at, entity) in gathered.iter().enumerate() {
        if let Some(target) = owner_of[at] {
            for &run in &entity.runs {
                run_entity[run] = target;
            }
        }
    }
    let mut mentions = Vec::new();
    for (index, (article, sentence, run, around)) in runs.into_iter().enumerate() {
        let entity = run_entity[index];
        if entity == usize::MAX {
            continue;
        }
        let target = &mut list[entity];
        if !run.sentence_start
            || run.written.split_whitespace().count() > 1
            || target.forms.is_empty()
        {
            *target.forms.entry(run.written.clone()).or_default() += 1;
        }
        target.suffixed |= run.suffixed;
        target.articles.insert(article);
        target.mentions.push(mentions.len());
        if let Some(descriptor) = around.descriptor {
            target.descriptors.insert(descriptor);
        }
        mentions.push(Mention {
            article,
            sentence,
            run,
            entity,
        });
    }
    for entity in &mut list {
        let opening_only = entity.mentions.iter().all(|&mention| {
            let run = &mentions[mention].run;
            run.sentence_start && !run.written.contains(' ')
        });
        let brand = entity
            .forms
            .keys()
            .any(|form| form.chars().skip(1).any(char::is_uppercase));
        // "Shares", "Analysts", "Roughly", "People": a plural, an adverb, or a word the
        // lexicon knows, opening sentences; "Kestrel" or "Peerless" opening them is a name.
        let key = entity.key.as_str();
        let common = key.ends_with('s') && !key.ends_with("ss")
            || key.ends_with("ly")
            || key.ends_with("ing")
            || Words::ALL.iter().any(|family| family.has(key));
        entity.doubtful = opening_only && !brand && !entity.suffixed && common;
    }
    // "Softbank Group-owned Arm": the modifier owns the name right after it.
    for index in 0..mentions.len() {
        if mentions[index].run.modifies.is_none() {
            continue;
        }
        if let Some(next) = mentions.get(index + 1).filter(|next| {
            next.article == mentions[index].article && next.sentence == mentions[index].sentence
        }) {
            let (owner, owned) = (mentions[index].entity, next.entity);
            if owner != owned {
                list[owner].modifies.insert(owned);
            }
        }
    }
    Entities { list, mentions }
}

/// Whether a word is a month or a weekday: never a name on its own.
pub fn is_calendar_word(word: &str) -> bool {
    is_month(word).is_some() || Words::Weekday.has(word)
}

/// Where an entity's mentions stand: (article, sentence range), once each.
pub fn sentences_of(
    entities: &Entities,
    readings: &[Reading],
    entity: usize,
) -> Vec<(usize, Range<usize>)> {
    let mut seen = BTreeSet::new();
    entities.list[entity]
        .mentions
        .iter()
        .map(|&mention| &entities.mentions[mention])
        .filter(|mention| seen.insert((mention.article, mention.sentence)))
        .map(|mention| {
            (
                mention.article,
                readings[mention.article].sentences[mention.sentence]
                    .range
                    .clone(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::read;

    /// The entities of `texts` as (name, category, other names), sorted by name.
    fn entities(texts: &[&str]) -> Vec<(String, Category, Vec<String>)> {
        let readings: Vec<Reading> = texts.iter().map(|text| read(text)).collect();
        let mut found: Vec<(String, Category, Vec<String>)> = resolve(&readings)
            .list
            .into_iter()
            .map(|entity| {
                let mut aliases = entity.aliases();
                aliases.sort();
                (entity.name(), entity.category.unwrap(), aliases)
            })
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0));
        found
    }

    fn named<'a>(
        found: &'a [(String, Category, Vec<String>)],
        name: &str,
    ) -> Option<&'a (String, Category, Vec<String>)> {
        found.iter().find(|(found, ..)| found == name)
    }

    #[test]
    fn one_company_written_many_ways_is_one_entity() {
        let found = entities(&[
            "Kestrel slams Norvale\nNORVALE said on Monday it would sue. Halden-based Norvale Grid Inc. (“Norvale”) filed its suit against Kestrel Medical Supply, Inc. in the District of Delaware. Norvale’s lawyers said the licence was void.",
            "Grid firm in court\nNorvale Grid Incorporated sued Kestrel Medical Supply, Inc., a distributor, and Norvale's chief executive said Kestrel knew.",
        ]);
        let norvale = found
            .iter()
            .find(|(name, ..)| name.starts_with("Norvale Grid Inc"))
            .expect("Norvale once");
        assert_eq!(norvale.1, Category::Company);
        for other in ["Norvale", "NORVALE"] {
            assert!(
                norvale.2.contains(&other.to_owned()),
                "{other} in {norvale:?}"
            );
        }
        assert!(named(&found, "Norvale").is_none(), "{found:?}");
        let kestrel = named(&found, "Kestrel Medical Supply, Inc.").expect("Kestrel once");
        assert!(kestrel.2.contains(&"Kestrel".to_owned()), "{kestrel:?}");
        assert!(
            kestrel.2.contains(&"the distributor".to_owned()),
            "{kestrel:?}"
        );
        assert_eq!(
            named(&found, "Halden").map(|found| found.1),
            Some(Category::Place)
        );
        assert_eq!(
            named(&found, "District of Delaware").map(|found| found.1),
            Some(Category::Court)
        );
    }

    #[test]
    fn a_short_name_joins_its_company_not_its_unit() {
        let text = "Steel deal\nKovar Steel Corporation agreed to buy Vell Mills. Kovar Steel North America, Inc. will run the plants. Kovar said the deal would close in June. Barrow-Fenwick Inc. objected, and Fenwick said it would sue. We're confident, the company said. Second, the board approved it.";
        let reading = read(text);
        let resolved = resolve(std::slice::from_ref(&reading));
        let mentions = |key: &str| {
            resolved
                .list
                .iter()
                .find(|entity| entity.key == key)
                .map(|entity| entity.mentions.len())
        };
        assert_eq!(
            mentions("kovar steel"),
            Some(2),
            "\"Kovar\" is the parent's"
        );
        assert_eq!(
            mentions("kovar steel north america"),
            Some(1),
            "the unit keeps its own"
        );
        assert_eq!(mentions("kovar"), None);
        let found = entities(&[text]);
        let barrow = named(&found, "Barrow-Fenwick Inc.").expect("Barrow-Fenwick once");
        assert!(barrow.2.contains(&"Fenwick".to_owned()), "{found:?}");
        let cities =
            entities(&["Fab deal\nArmonk, N.Y.-based Corvane sued the Fenwick, Mass. maker."]);
        let not_cities = entities(&["Fab deal\nAcme Foods, Del Monte's supplier, sued Corvane. Brandt Oil, Pa Holdings and Corvane settled."]);
        for company in ["Acme Foods", "Brandt Oil"] {
            assert_eq!(
                named(&not_cities, company).map(|found| found.1),
                Some(Category::Company),
                "{company}: {not_cities:?}"
            );
        }
        for city in ["Armonk", "Fenwick"] {
            assert_eq!(
                named(&cities, city).map(|found| found.1),
                Some(Category::Place),
                "{city}: {cities:?}"
            );
        }
        for not_a_name in ["We're", "Second"] {
            assert!(
                named(&found, not_a_name).is_none(),
                "{not_a_name}: {found:?}"
            );
        }
    }

    #[test]
    fn what_is_no_party_is_told_apart() {
        let found = entities(&[
            "Chip row\nArm granted Nuvia a Technology License Agreement (TLA) in 2019. Qualcomm kept working on the Phoenix core. Interexchange Carriers (IXCs) pay the tariff, said Per Aasland, an analyst at Fjellmark Securities. Judge Mara Lind ruled for Qualcomm in Delaware. Qualcomm Technologies completed the deal, and Qualcomm Inc. said so.",
        ]);
        let category = |name: &str| named(&found, name).map(|found| found.1);
        assert_eq!(
            category("Technology License Agreement"),
            Some(Category::Agreement)
        );
        assert_eq!(category("Phoenix"), Some(Category::Product));
        assert_eq!(category("Interexchange Carriers"), Some(Category::Generic));
        assert_eq!(category("Per Aasland"), Some(Category::Commentator));
        assert_eq!(category("Mara Lind"), Some(Category::Court));
        assert_eq!(category("Delaware"), Some(Category::Place));
        assert_eq!(category("Arm"), Some(Category::Company));
        // A company seen with a suffix is its own, not the first word of its subsidiary.
        assert_eq!(category("Qualcomm Inc."), Some(Category::Company));
        assert_eq!(category("Qualcomm Technologies"), Some(Category::Company));
        assert!(
            named(&found, "TLA").is_none(),
            "the acronym is the agreement's: {found:?}"
        );
    }
}
