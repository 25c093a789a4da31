//! The statements as standard annotations: W3C Web Annotations (JSON-LD), each statement a
//! highlight of its source's text with a TextQuoteSelector (the quote with the words just before
//! and after it) and a TextPositionSelector (where it stands, counted in characters), so any
//! annotation tool can find each quote again in the article. And text fragments (`#:~:text=`),
//! which take a browser straight to a quote on the published page.

use super::Dataset;
use std::fmt::Write;

/// How many characters before and after a quote its selector carries to tell it apart.
const AFFIX: usize = 32;

/// A string as a JSON string literal.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for character in text.chars() {
        match character {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            control if u32::from(control) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(control));
            }
            other => out.push(other),
        }
    }
    out.push('"');
    out
}

impl Dataset {
    /// Every statement whose source holds its text, as a W3C Web Annotation collection
    /// (JSON-LD text). Written out by hand, so the app needs no JSON serializer for it.
    pub fn annotations(&self) -> String {
        let dispute = self.dispute();
        let mut items = Vec::new();
        for statement in &self.file.statements {
            let Some(source) = self.source(statement.source.as_str()) else {
                continue;
            };
            let (Some(text), Some(range)) = (source.text.as_deref(), self.quote_range(statement))
            else {
                continue;
            };
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
            let tag = |purpose: &str, value: &str| {
                format!(
                    "{{ \"type\": \"TextualBody\", \"purpose\": \"{purpose}\", \"value\": {} }}",
                    quoted(value)
                )
            };
            items.push(format!(
                "      {{\n        \"id\": {},\n        \"type\": \"Annotation\",\n        \"motivation\": \"highlighting\",\n        \"body\": [\n          {},\n          {},\n          {},\n          {}\n        ],\n        \"target\": {{\n          \"source\": {},\n          \"selector\": [\n            {{ \"type\": \"TextQuoteSelector\", \"exact\": {}, \"prefix\": {}, \"suffix\": {} }},\n            {{ \"type\": \"TextPositionSelector\", \"start\": {start}, \"end\": {end} }}\n          ]\n        }}\n      }}",
                quoted(&format!("urn:dispute-map:{}:statement:{}", dispute.id, statement.id)),
                tag("describing", &statement.summary),
                tag("tagging", &format!("speaker: {}", statement.speaker.description)),
                tag("tagging", &format!("attribution: {}", statement.attribution.as_str())),
                tag("tagging", &format!("modality: {}", statement.modality.as_str())),
                quoted(&target),
                quoted(&statement.quote),
                quoted(&prefix),
                quoted(&suffix),
            ));
        }
        format!(
            "{{\n  \"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n  \"id\": {},\n  \"type\": \"AnnotationCollection\",\n  \"label\": {},\n  \"total\": {},\n  \"first\": {{\n    \"type\": \"AnnotationPage\",\n    \"items\": [\n{}\n    ]\n  }}\n}}\n",
            quoted(&format!("urn:dispute-map:{}:annotations", dispute.id)),
            quoted(&format!("Statements of \"{}\", as highlights of their sources", self.file.title)),
            items.len(),
            items.join(",\n")
        )
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
            let annotations: serde_json::Value =
                serde_json::from_str(&dataset.annotations()).expect("the annotations are JSON");
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
    fn strings_are_written_as_json_reads_them() {
        for text in [
            "plain",
            "a \"quote\" and a \\ backslash",
            "line\nbreak\ttab",
            "\u{1}\u{1f}",
            "“curly” – dash 🙂",
        ] {
            let back: String = serde_json::from_str(&quoted(text)).expect("valid JSON");
            assert_eq!(back, text);
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
