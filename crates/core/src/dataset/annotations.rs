//! The statements as standard annotations: W3C Web Annotations (JSON-LD), each statement a
//! highlight of its source's text with a TextQuoteSelector (the quote with the words just before
//! and after it) and a TextPositionSelector (where it stands, counted in characters), so any
//! annotation tool can find each quote again in the article. And text fragments (`#:~:text=`),
//! which take a browser straight to a quote on the published page.

use super::Dataset;
use serde_json::{json, Value};

/// How many characters before and after a quote its selector carries to tell it apart.
const AFFIX: usize = 32;

impl Dataset {
    /// Every statement whose source holds its text, as a W3C Web Annotation collection.
    pub fn annotations(&self) -> Value {
        let dispute = self.dispute();
        let items: Vec<Value> = self
            .file
            .statements
            .iter()
            .filter_map(|statement| {
                let source = self.source(statement.source.as_str())?;
                let text = source.text.as_deref()?;
                let range = self.quote_range(statement)?;
                let start = text[..range.start].chars().count();
                let end = start + statement.quote.chars().count();
                let prefix: String = {
                    let before: Vec<char> = text[..range.start].chars().rev().take(AFFIX).collect();
                    before.into_iter().rev().collect()
                };
                let suffix: String = text[range.end..].chars().take(AFFIX).collect();
                let target = source
                    .url
                    .clone()
                    .unwrap_or_else(|| format!("urn:dispute-map:source:{}", source.id));
                Some(json!({
                    "id": format!("urn:dispute-map:{}:statement:{}", dispute.id, statement.id),
                    "type": "Annotation",
                    "motivation": "highlighting",
                    "body": [
                        { "type": "TextualBody", "purpose": "describing", "value": statement.summary },
                        { "type": "TextualBody", "purpose": "tagging", "value": format!("speaker: {}", statement.speaker.description) },
                        { "type": "TextualBody", "purpose": "tagging", "value": format!("attribution: {}", statement.attribution.as_str()) },
                        { "type": "TextualBody", "purpose": "tagging", "value": format!("modality: {}", statement.modality.as_str()) },
                    ],
                    "target": {
                        "source": target,
                        "selector": [
                            { "type": "TextQuoteSelector", "exact": statement.quote, "prefix": prefix, "suffix": suffix },
                            { "type": "TextPositionSelector", "start": start, "end": end },
                        ],
                    },
                }))
            })
            .collect();
        json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": format!("urn:dispute-map:{}:annotations", dispute.id),
            "type": "AnnotationCollection",
            "label": format!("Statements of \"{}\", as highlights of their sources", self.file.title),
            "total": items.len(),
            "first": { "type": "AnnotationPage", "items": items },
        })
    }
}

/// An address that opens `url` at `quote` in a browser that supports text fragments: the quote
/// whole when short, else its first and last words.
pub fn text_fragment(url: &str, quote: &str) -> String {
    // Text fragments need - , & and the like escaped, beyond what a URL component escapes.
    let escape = |text: &str| {
        let mut escaped = String::new();
        for character in text.chars() {
            if character.is_ascii_alphanumeric() || " .!~*'()_".contains(character) {
                if character == ' ' {
                    escaped.push_str("%20");
                } else {
                    escaped.push(character);
                }
            } else {
                let mut bytes = [0; 4];
                for byte in character.encode_utf8(&mut bytes).bytes() {
                    escaped.push_str(&format!("%{byte:02X}"));
                }
            }
        }
        escaped
    };
    let words: Vec<&str> = quote.split_whitespace().collect();
    let directive = if words.len() <= 10 {
        escape(&words.join(" "))
    } else {
        format!(
            "{},{}",
            escape(&words[..4].join(" ")),
            escape(&words[words.len() - 4..].join(" "))
        )
    };
    let base = url.split("#").next().unwrap_or(url);
    format!("{base}#:~:text={directive}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::parse;

    fn at(text: &str, start: usize, end: usize) -> String {
        text.chars().skip(start).take(end - start).collect()
    }

    /// Every annotation finds exactly its quote again: the quote selector once in the source's
    /// text, and the position selector, counted in characters, on the quote.
    #[test]
    fn every_annotation_finds_its_quote_again() {
        for file in [crate::BUNDLED_DISPUTE, crate::EXAMPLE_DISPUTE] {
            let dataset = parse(file).unwrap();
            let annotations = dataset.annotations();
            let items = annotations["first"]["items"].as_array().unwrap();
            assert_eq!(items.len(), dataset.file.statements.len());
            assert_eq!(annotations["total"], items.len());
            for item in items {
                let id = item["id"].as_str().unwrap();
                let statement_id = id.rsplit(':').next().unwrap();
                let statement = dataset.statement(statement_id).unwrap();
                let text = dataset
                    .source(statement.source.as_str())
                    .unwrap()
                    .text
                    .as_deref()
                    .unwrap();
                let quote = &item["target"]["selector"][0];
                let exact = quote["exact"].as_str().unwrap();
                assert_eq!(exact, statement.quote);
                let whole = format!(
                    "{}{exact}{}",
                    quote["prefix"].as_str().unwrap(),
                    quote["suffix"].as_str().unwrap()
                );
                assert_eq!(
                    text.matches(whole.as_str()).count(),
                    1,
                    "{id}: the quote selector is found once"
                );
                let position = &item["target"]["selector"][1];
                let (start, end) = (
                    position["start"].as_u64().unwrap() as usize,
                    position["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(
                    at(text, start, end),
                    exact,
                    "{id}: the position selector is on the quote"
                );
            }
        }
    }

    #[test]
    fn text_fragments_escape_and_shorten() {
        assert_eq!(
            text_fragment(
                "https://news.example/a#top",
                "We will sue them, if they breach-it."
            ),
            "https://news.example/a#:~:text=We%20will%20sue%20them%2C%20if%20they%20breach%2Dit."
        );
        let long = text_fragment(
            "https://news.example/a",
            "one two three four five six seven eight nine ten eleven twelve",
        );
        assert_eq!(
            long,
            "https://news.example/a#:~:text=one%20two%20three%20four,nine%20ten%20eleven%20twelve"
        );
    }
}
