//! An article as it comes in (a paste, a `.txt` or an `.html` file) turned into the plain text
//! the engine reads: markup dropped, paragraphs kept one to a line, nothing in it ever run. What
//! is not an article (a PDF, an image, a workbook, empty or binary bytes) is named as what it is.

/// The largest article read: about 800,000 words, far beyond any report or filing, and small
/// enough that reading it never runs a browser tab out of memory.
pub const LARGEST_ARTICLE: usize = 5 * 1024 * 1024;

/// The text of an article from its bytes; `name` is its file name, or "the pasted text".
pub fn article_text(bytes: &[u8], name: &str) -> Result<String, String> {
    if bytes.len() > LARGEST_ARTICLE {
        return Err(format!(
            "{name} is {:.1} MB; the app reads articles up to {} MB (split a longer filing into parts)",
            bytes.len() as f64 / 1_048_576.0,
            LARGEST_ARTICLE / 1_048_576
        ));
    }
    if let Some(kind) = not_text(bytes) {
        return Err(format!(
            "{name} is {kind}, not an article's text; paste the article's words, or open a .txt or .html file"
        ));
    }
    let text = decode(bytes).map_err(|problem| format!("{name} {problem}"))?;
    let lower_start: String = text
        .trim_start()
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    let lower_name = name.to_ascii_lowercase();
    let html = lower_name.ends_with(".html")
        || lower_name.ends_with(".htm")
        || lower_start.starts_with("<!doctype html")
        || lower_start.starts_with("<html")
        || (lower_start.starts_with('<') && text.contains("</p>"));
    let text = if html { html_to_text(&text) } else { text };
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    if !text.chars().any(char::is_alphabetic) {
        return Err(format!("{name} has no words in it"));
    }
    Ok(text)
}

/// What the bytes are, when their first bytes say they are not text.
fn not_text(bytes: &[u8]) -> Option<&'static str> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if bytes.is_empty() {
        return Some("empty");
    }
    if starts(b"%PDF") {
        return Some("a PDF (copy its text, or use pdftotext, and paste it)");
    }
    if starts(b"\x89PNG") || starts(b"\xFF\xD8\xFF") || starts(b"GIF8") || starts(b"RIFF") {
        return Some("an image");
    }
    if starts(b"PK\x03\x04") {
        return Some("a zip archive (a Word document or a workbook, perhaps)");
    }
    if starts(b"\xD0\xCF\x11\xE0") {
        return Some("an old Office document");
    }
    if starts(&[0xFF, 0xFE]) || starts(&[0xFE, 0xFF]) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    (sample.contains(&0)).then_some("binary data")
}

/// UTF-8 (with or without a byte order mark) or UTF-16 with one.
fn decode(bytes: &[u8]) -> Result<String, String> {
    let utf16 = |big_endian: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|pair| {
                if big_endian {
                    u16::from_be_bytes([pair[0], pair[1]])
                } else {
                    u16::from_le_bytes([pair[0], pair[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| "is UTF-16 text with broken characters".to_owned())
    };
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return utf16(false);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return utf16(true);
    }
    let text = std::str::from_utf8(bytes).map_err(|problem| {
        format!(
            "is not UTF-8 text (invalid bytes at byte {}); save it as UTF-8",
            problem.valid_up_to()
        )
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text).to_owned())
}

/// Elements whose content is never an article's words.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "iframe", "object", "nav", "form",
    "button", "select", "textarea",
];

/// Elements that end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "br",
    "tr",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "figcaption",
    "ul",
    "ol",
    "table",
    "dd",
    "dt",
    "hr",
    "main",
    "aside",
    "figure",
    "pre",
    "address",
    "summary",
    "details",
    "caption",
];

/// The words of an HTML page, one paragraph to a line: tags dropped (scripts and styles with
/// their content), entities decoded, list items as "- " bullets.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..open]));
        rest = &rest[open..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(close) = rest.find('>') else {
            // A "<" that opens no tag is text.
            out.push_str(&decode_entities(rest));
            rest = "";
            break;
        };
        let tag = &rest[1..close];
        rest = &rest[close + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        if !closing && DROPPED.contains(&name.as_str()) && !tag.ends_with('/') {
            // Everything up to the matching closing tag goes.
            let end_tag = format!("</{name}");
            rest = match find_ignoring_case(rest, &end_tag) {
                Some(end) => {
                    let after = &rest[end..];
                    after.find('>').map_or("", |close| &after[close + 1..])
                }
                None => "",
            };
            out.push('\n');
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            out.push('\n');
            if name == "li" && !closing {
                out.push_str("- ");
            }
        }
    }
    out.push_str(&decode_entities(rest));
    // Whitespace inside a line collapses; empty lines go.
    out.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty() && line != "-")
        .collect::<Vec<_>>()
        .join("\n")
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(';')
            .map(|end| end + 1)
            .filter(|&end| end <= 10);
        let decoded = end.and_then(|end| entity(&rest[1..end]));
        match (end, decoded) {
            (Some(end), Some(character)) => {
                out.push(character);
                rest = &rest[end + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "rsquo" => '’',
        "lsquo" => '‘',
        "ldquo" => '“',
        "rdquo" => '”',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "euro" => '€',
        "pound" => '£',
        "copy" => '©',
        "shy" => '\u{ad}',
        _ => return None,
    })
}

/// Where `needle` (ASCII) first stands in `haystack`, in any case: a byte offset into
/// `haystack` itself, never into a lowercased copy.
fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_paragraphs_and_nothing_runs() {
        let html = "<!doctype html><html><head><title>T</title><style>p{}</style></head><body><script>alert('x')</script><h1>Port sues</h1><p>The port said &ldquo;no&rdquo; &amp; left.</p><ul><li>One point</li></ul><!-- hidden --><p>Last&nbsp;line</p></body></html>";
        assert_eq!(
            article_text(html.as_bytes(), "page.html").unwrap(),
            "Port sues\nThe port said “no” & left.\n- One point\nLast line"
        );
    }

    #[test]
    fn what_is_not_an_article_is_named() {
        let cases: [(&str, &[u8], &str); 5] = [
            ("empty", b"", "is empty"),
            ("pdf", b"%PDF-1.7 ...", "is a PDF"),
            ("png", b"\x89PNG\r\n", "is an image"),
            ("binary", b"abc\0def", "is binary data"),
            ("no words", b"1234 5678", "has no words"),
        ];
        for (name, bytes, expected) in cases {
            let problem = article_text(bytes, "the file").unwrap_err();
            assert!(problem.contains(expected), "{name}: {problem}");
        }
        let huge = vec![b'a'; LARGEST_ARTICLE + 1];
        assert!(article_text(&huge, "the paste")
            .unwrap_err()
            .contains("5 MB"));
    }

    #[test]
    fn utf16_with_its_mark_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Port sues.".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(article_text(&bytes, "a.txt").unwrap(), "Port sues.");
    }
}
