//! Which known party a stretch of text names: by its name, the name without a parenthesis or a
//! company suffix, the parenthesis itself ("Amazon (AWS)"), or an alias, including descriptive
//! ones an article uses ("the carrier", "Redmond").

use crate::text::lexicon::Words;
use crate::text::tokens::{is_capitalised, Token};
use std::collections::HashMap;

/// A party the dispute already knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownParty {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// Whether it is a person, so the surname alone names it too.
    pub person: bool,
}

/// One way of naming a party, as words.
#[derive(Clone, Debug)]
struct Variant {
    words: Vec<String>,
    party: usize,
    /// Lowercase variants ("the carrier") match in any case; names match as written.
    any_case: bool,
    /// A descriptive alias without its "the" ("utility" of "the utility"): it names the party
    /// in a speaker's phrase ("utility spokesman Glen Harrow"), not everywhere.
    weak: bool,
}

/// The parties' names, indexed by their first word.
#[derive(Clone, Debug, Default)]
pub struct Names {
    by_first_word: HashMap<String, Vec<Variant>>,
    persons: Vec<bool>,
}

/// A party named at tokens `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub party: usize,
}

impl Names {
    pub fn new(parties: &[KnownParty]) -> Self {
        let mut names = Names {
            persons: parties.iter().map(|party| party.person).collect(),
            ..Names::default()
        };
        for (index, party) in parties.iter().enumerate() {
            for variant in variants(party) {
                names.add(&variant, index, false);
                if let Some(bare) = variant.strip_prefix("the ") {
                    names.add(bare, index, true);
                }
            }
        }
        for variants in names.by_first_word.values_mut() {
            // Longest first, so "Amazon Web Services" wins over "Amazon".
            variants.sort_by(|a, b| b.words.len().cmp(&a.words.len()));
        }
        names
    }

    /// Whether the party at `index` is a person.
    pub fn is_person(&self, index: usize) -> bool {
        self.persons.get(index).copied().unwrap_or(false)
    }

    fn add(&mut self, variant: &str, party: usize, weak: bool) {
        let words: Vec<String> = variant
            .split(|c: char| c.is_whitespace())
            .map(|word| word.trim_matches(|c: char| matches!(c, ',' | '(' | ')')))
            .filter(|word| !word.is_empty())
            .map(str::to_owned)
            .collect();
        let Some(first) = words.first() else {
            return;
        };
        let any_case = !words.iter().any(|word| is_capitalised(word));
        let key = first.to_lowercase();
        let list = self.by_first_word.entry(key).or_default();
        if !list
            .iter()
            .any(|known| known.words == words && known.party == party)
        {
            list.push(Variant {
                words,
                party,
                any_case,
                weak,
            });
        }
    }

    /// Every party named among `tokens`, left to right, none overlapping.
    pub fn mentions(&self, text: &str, tokens: &[Token]) -> Vec<Mention> {
        self.find(text, tokens, false)
    }

    /// As `mentions`, with descriptive aliases without their "the" too: for a speaker's
    /// phrase.
    pub fn mentions_in_phrase(&self, text: &str, tokens: &[Token]) -> Vec<Mention> {
        self.find(text, tokens, true)
    }

    fn find(&self, text: &str, tokens: &[Token], weak: bool) -> Vec<Mention> {
        let mut mentions = Vec::new();
        let mut index = 0;
        while index < tokens.len() {
            let token = &tokens[index];
            if !token.is_word() {
                index += 1;
                continue;
            }
            let key = token.stem(text).to_lowercase();
            let found = self.by_first_word.get(&key).and_then(|variants| {
                variants
                    .iter()
                    .filter(|variant| weak || !variant.weak)
                    .find_map(|variant| self.matches_at(text, tokens, index, variant))
            });
            match found {
                Some(mention) => {
                    index = mention.end;
                    mentions.push(mention);
                }
                None => index += 1,
            }
        }
        mentions
    }

    fn matches_at(
        &self,
        text: &str,
        tokens: &[Token],
        start: usize,
        variant: &Variant,
    ) -> Option<Mention> {
        let mut index = start;
        for (position, word) in variant.words.iter().enumerate() {
            let token = tokens.get(index)?;
            if !token.is_word() {
                return None;
            }
            let last = position + 1 == variant.words.len();
            let written = if last {
                token.stem(text)
            } else {
                token.text(text)
            };
            let same = if variant.any_case {
                written.eq_ignore_ascii_case(word)
            } else {
                written == word
            };
            if !same {
                return None;
            }
            index += 1;
        }
        Some(Mention {
            start,
            end: index,
            party: variant.party,
        })
    }
}

/// The ways a party can be named.
fn variants(party: &KnownParty) -> Vec<String> {
    let mut variants = vec![party.name.clone()];
    // "Amazon (AWS)": "Amazon" and "AWS".
    if let (Some(open), Some(close)) = (party.name.find('('), party.name.rfind(')')) {
        if open < close {
            variants.push(party.name[..open].trim().to_owned());
            variants.push(party.name[open + 1..close].trim().to_owned());
        }
    }
    // "Halvard Inc." and "Halvard Shipping Group": "Halvard" and "Halvard Shipping".
    let words: Vec<&str> = party.name.split_whitespace().collect();
    let last = words.last().map_or("", |word| word.trim_end_matches('.'));
    if words.len() >= 2 && (Words::LegalSuffix.has(last) || Words::ParentWord.has(last)) {
        variants.push(words[..words.len() - 1].join(" "));
    }
    // "Halvard" for Halvard Shipping: a company's distinctive first word names it too.
    if !party.person && words.len() >= 2 {
        let first = words[0].trim_matches(|c: char| !c.is_alphanumeric());
        let distinctive = first.chars().count() >= 4
            && is_capitalised(first)
            && !Words::GenericFirstWord
                .list()
                .iter()
                .any(|generic| generic.eq_ignore_ascii_case(first));
        if distinctive {
            variants.push(first.to_owned());
        }
    }
    if party.person && words.len() >= 2 {
        if let Some(surname) = words.last() {
            variants.push((*surname).to_owned());
        }
    }
    for alias in &party.aliases {
        variants.push(alias.clone());
        // "Amazon Web Services (AWS)" as an alias also gives both.
        if let (Some(open), Some(close)) = (alias.find('('), alias.rfind(')')) {
            if open < close {
                variants.push(alias[..open].trim().to_owned());
                variants.push(alias[open + 1..close].trim().to_owned());
            }
        }
    }
    variants.retain(|variant| !variant.trim().is_empty());
    variants
}

/// Abbreviations newsrooms write for outlets, with the outlet's name.
const OUTLET_ABBREVIATIONS: &[(&str, &str)] = &[
    ("FT", "Financial Times"),
    ("WSJ", "Wall Street Journal"),
    ("NYT", "New York Times"),
    ("AP", "Associated Press"),
    ("AFP", "Agence France-Presse"),
    ("SCMP", "South China Morning Post"),
];

/// An outlet's full name for an abbreviation ("FT" is the Financial Times); any other name as
/// it is.
pub fn outlet_full_name(name: &str) -> &str {
    OUTLET_ABBREVIATIONS
        .iter()
        .find(|(short, _)| *short == name)
        .map_or(name, |(_, full)| full)
}

/// The outlet named by the words `words` (as written), if they name one: a known outlet, with
/// or without its article.
pub fn known_outlet(words: &str) -> bool {
    let bare = words
        .trim()
        .trim_start_matches("the ")
        .trim_start_matches("The ")
        .trim_end_matches(['.', ',']);
    Words::Outlet.list().iter().any(|outlet| {
        *outlet == bare || outlet.strip_prefix("The ").is_some_and(|name| name == bare)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokens;

    fn party(id: &str, name: &str, aliases: &[&str]) -> KnownParty {
        KnownParty {
            id: id.to_owned(),
            name: name.to_owned(),
            aliases: aliases.iter().map(|alias| (*alias).to_owned()).collect(),
            person: false,
        }
    }

    fn named(text: &str, parties: &[KnownParty]) -> Vec<(String, String)> {
        let names = Names::new(parties);
        let tokens = tokens(text, 0..text.len());
        names
            .mentions(text, &tokens)
            .into_iter()
            .map(|mention| {
                let start = tokens[mention.start].range.start;
                let end = tokens[mention.end - 1].range.end;
                (
                    parties[mention.party].id.clone(),
                    text[start..end].to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn parties_are_found_under_every_name() {
        let parties = [
            party("amazon", "Amazon (AWS)", &["Amazon Web Services"]),
            party(
                "nordhavn",
                "Nordhavn Shipping Inc.",
                &["the carrier", "NHS"],
            ),
            party("microsoft", "Microsoft", &["Redmond"]),
        ];
        let cases: [(&str, &str, &[(&str, &str)]); 6] = [
            ("name", "Amazon said", &[("amazon", "Amazon")]),
            ("parenthesis", "AWS won", &[("amazon", "AWS")]),
            (
                "longest alias first",
                "Amazon Web Services won",
                &[("amazon", "Amazon Web Services")],
            ),
            (
                "possessive",
                "Microsoft’s deal",
                &[("microsoft", "Microsoft’s")],
            ),
            (
                "descriptive alias in any case",
                "The carrier sued",
                &[("nordhavn", "The carrier")],
            ),
            (
                "without its suffix",
                "Nordhavn Shipping and Redmond",
                &[("nordhavn", "Nordhavn Shipping"), ("microsoft", "Redmond")],
            ),
        ];
        for (name, text, expected) in cases {
            let expected: Vec<(String, String)> = expected
                .iter()
                .map(|(id, words)| ((*id).to_owned(), (*words).to_owned()))
                .collect();
            assert_eq!(named(text, &parties), expected, "{name}");
        }
    }

    #[test]
    fn outlets_are_known_with_or_without_their_article() {
        for (words, expected) in [
            ("the FT", true),
            ("The Financial Times", true),
            ("Reuters", true),
            ("the company", false),
            ("The Information", true),
        ] {
            assert_eq!(known_outlet(words), expected, "{words}");
        }
    }
}
