//! Where in a JSON text a decoding error lies, as a path such as `parties[2].name`.
//!
//! serde_json reports an error's line and column; a reader of the file needs the field. The
//! path is found after the fact, by walking the text up to the error, so decoding itself stays
//! serde_json's own (a path tracked while decoding costs a copy of every decoder in the wasm).

/// The path of the field a decoding error of `text` points at, `.` for the whole text.
///
/// The error's position is the byte after the last one serde_json read. The field is the
/// innermost member (a key with its value, or an array's element) whose text holds that byte,
/// counted from just after the `{`, `[` or `,` before it, so an error raised while the reader
/// stood between a key and its value (a value of the wrong kind) names that key, and one raised
/// at an object's closing brace (a missing field) names the object.
pub fn of_error(text: &str, error: &serde_json::Error) -> String {
    path_at(text, offset_of(text, error.line(), error.column()))
}

/// The path (as [`of_error`] finds it) at byte `offset` of `text`.
pub fn path_at(text: &str, offset: usize) -> String {
    let mut walk = Walk {
        bytes: text.as_bytes(),
        at: offset.saturating_sub(1),
        next: 0,
        path: Vec::new(),
        found: None,
    };
    walk.value(0);
    written(walk.found.as_deref().unwrap_or(&[]))
}

/// The byte offset of serde_json's 1-based line and byte column; 0 when it gave none.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = match line {
        0 => return 0,
        1 => 0,
        _ => text
            .match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(at, _)| at + 1),
    };
    (line_start + column).min(text.len())
}

/// One step of a path: an object's key or an array's index.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

/// The path as the messages write it: `key`, `[index]`, keys after the first after a `.`.
fn written(steps: &[Step]) -> String {
    if steps.is_empty() {
        return ".".to_owned();
    }
    let mut path = String::new();
    for step in steps {
        match step {
            Step::Key(key) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Step::Index(index) => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

/// Nesting beyond this is not walked: serde_json itself refuses deeper text.
const DEEPEST: usize = 256;

/// A walk over the text that stops at the first member (the innermost) holding byte `at`.
struct Walk<'a> {
    bytes: &'a [u8],
    at: usize,
    next: usize,
    path: Vec<Step>,
    found: Option<Vec<Step>>,
}

impl Walk<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.next).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.next += 1;
        }
    }

    /// Walks one value. Text that is not JSON ends the walk where it stops making sense.
    fn value(&mut self, depth: usize) {
        self.skip_space();
        match self.peek() {
            Some(b'{') if depth < DEEPEST => self.object(depth),
            Some(b'[') if depth < DEEPEST => self.array(depth),
            Some(b'"') => {
                self.string();
            }
            Some(_) => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    self.next += 1;
                }
            }
            None => {}
        }
    }

    /// Walks a string, returning its text between the quotes as written.
    fn string(&mut self) -> &str {
        let start = self.next + 1;
        self.next = start;
        while let Some(byte) = self.peek() {
            match byte {
                b'"' => break,
                b'\\' => self.next += 2,
                _ => self.next += 1,
            }
        }
        let end = self.next.min(self.bytes.len());
        self.next = (self.next + 1).min(self.bytes.len());
        std::str::from_utf8(&self.bytes[start..end]).unwrap_or("?")
    }

    fn object(&mut self, depth: usize) {
        self.next += 1;
        loop {
            let member_start = self.next;
            self.skip_space();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') => {
                    self.next += 1;
                    return;
                }
                _ => return,
            }
            let written_key = self.string().to_owned();
            // A key with escapes is shown as it reads, as serde's own messages show it.
            let key = serde_json::from_str::<String>(&format!("\"{written_key}\""))
                .unwrap_or(written_key);
            self.skip_space();
            if self.peek() != Some(b':') {
                self.member(member_start, Step::Key(key));
                return;
            }
            self.next += 1;
            self.path.push(Step::Key(key));
            self.value(depth + 1);
            let step = self.path.pop().expect("pushed above");
            if self.member(member_start, step) {
                return;
            }
            if !self.separator(b'}') {
                return;
            }
        }
    }

    fn array(&mut self, depth: usize) {
        self.next += 1;
        let mut index = 0;
        loop {
            let member_start = self.next;
            self.skip_space();
            if self.peek() == Some(b']') {
                self.next += 1;
                return;
            }
            self.path.push(Step::Index(index));
            self.value(depth + 1);
            let step = self.path.pop().expect("pushed above");
            if self.member(member_start, step) || !self.separator(b']') {
                return;
            }
            index += 1;
        }
    }

    /// Notes the member that just ended if it holds the error's byte; true once one is found.
    fn member(&mut self, start: usize, step: Step) -> bool {
        if self.found.is_none() && (start..self.next).contains(&self.at) {
            let mut path = self.path.clone();
            path.push(step);
            self.found = Some(path);
        }
        self.found.is_some() || self.next > self.at
    }

    /// After a member: true at a `,` (more follow), false at the closing byte or broken text.
    fn separator(&mut self, close: u8) -> bool {
        self.skip_space();
        match self.peek() {
            Some(b',') => {
                self.next += 1;
                true
            }
            Some(byte) if byte == close => {
                self.next += 1;
                false
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Party {
        id: String,
        name: String,
        #[serde(default)]
        aliases: Vec<String>,
        kind: Kind,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Company,
        Person,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct File {
        parties: Vec<Party>,
    }

    fn path_of(text: &str) -> String {
        let problem = serde_json::from_str::<File>(text).expect_err("the text must not decode");
        of_error(text, &problem)
    }

    #[test]
    fn names_the_field_of_a_value_of_the_wrong_type() {
        let text = r#"{"parties": [{"id": "a", "name": "A", "kind": "company"},
            {"id": "b", "name": 5, "kind": "person"}]}"#;
        assert_eq!(path_of(text), "parties[1].name");
    }

    #[test]
    fn names_the_field_of_a_container_of_the_wrong_kind() {
        assert_eq!(
            path_of(r#"{"parties": [{"id": "a", "name": "A", "kind": "company", "aliases": {}}]}"#),
            "parties[0].aliases"
        );
        assert_eq!(path_of(r#"{"parties": {}}"#), "parties");
        assert_eq!(
            path_of(r#"{"parties": [{"id": "a", "name": "A", "kind": "company"}, []]}"#),
            "parties[1]"
        );
    }

    #[test]
    fn names_the_object_a_field_is_missing_from() {
        assert_eq!(
            path_of(r#"{"parties": [{"id": "a", "kind": "company"} ]}"#),
            "parties[0]"
        );
        assert_eq!(path_of("{\n}"), ".");
    }

    #[test]
    fn names_an_unknown_field_and_an_unknown_variant() {
        assert_eq!(
            path_of(r#"{"parties": [{"id": "a", "name": "A", "kind": "company", "rank": 1}]}"#),
            "parties[0].rank"
        );
        assert_eq!(
            path_of(r#"{"parties": [{"id": "a", "name": "A", "kind": "firm"}]}"#),
            "parties[0].kind"
        );
    }

    #[test]
    fn counts_lines_and_reads_escaped_keys() {
        let text = "{\n  \"parties\": [\n    {\"id\": \"a\",\n     \"name\": \"A\",\n     \"kind\": \"company\",\n     \"aliases\": [\"x\", 7]}\n  ]\n}";
        assert_eq!(path_of(text), "parties[0].aliases[1]");
        let text =
            r#"{"part\u0069es": [{"id": "a", "name": "A", "kind": "company", "\u0072ank": 1}]}"#;
        assert_eq!(path_of(text), "parties[0].rank");
    }

    #[test]
    fn never_fails_on_text_that_is_not_json() {
        for text in [
            "",
            "{",
            "[",
            "{\"a\"",
            "{\"a\":",
            "[1,",
            "\"unterminated",
            "{\"a\": [1, {\"b\": tru",
            "}}]]",
            "{\"\\",
        ] {
            for offset in 0..=text.len() + 2 {
                let _ = path_at(text, offset);
            }
        }
        let deep = "[".repeat(10_000);
        assert!(path_at(&deep, 5_000).starts_with("[0]"));
    }
}
