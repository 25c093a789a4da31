//! Text fitting without a DOM. Widths are estimated per grapheme cluster (what a reader sees as
//! one character, combining marks included) from the advances of DejaVu Sans, the widest of the
//! common sans-serif fallbacks, so text measured here fits in any of them; East Asian wide
//! characters and emoji count a full em. The full text always stays available to the view
//! (aria-label, details panel).

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// A font size and weight, in SVG user units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    pub size: f64,
    pub bold: bool,
}

impl TextStyle {
    /// The estimated rendered width of `text`.
    pub fn width(&self, text: &str) -> f64 {
        let ems: f64 = text.graphemes(true).map(advance).sum();
        ems * self.size * if self.bold { 1.2 } else { 1.0 }
    }
}

/// The advance of one grapheme cluster, in ems: its first character's, with the marks that
/// combine with it taking no room of their own.
fn advance(grapheme: &str) -> f64 {
    let mut characters = grapheme.chars();
    let Some(first) = characters.next() else {
        return 0.0;
    };
    match first {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '’' | '‘' | '!' | '|' => 0.3,
        'f' | 't' | 'r' | 'I' | 'J' | ' ' | '(' | ')' | '[' | ']' | '-' | '‑' => 0.42,
        'm' | 'w' => 1.0,
        'M' | 'W' => 0.9,
        'a'..='z' => 0.64,
        'A'..='Z' => 0.76,
        '0'..='9' | '$' => 0.64,
        '—' => 1.0,
        // Controls and zero-width characters take no room.
        _ if grapheme.width() == 0 => 0.0,
        // East Asian wide characters and emoji fill a whole em.
        _ if grapheme.width() >= 2 => 1.0,
        _ => 0.7,
    }
}

/// Whether a line may break after this grapheme and keep it on the first line: after a dash,
/// hyphen or slash ("Microsoft–" / "OpenAI").
fn breaks_after(grapheme: &str) -> bool {
    matches!(grapheme, "-" | "‐" | "–" | "—" | "/")
}

/// The pieces a text may be broken into: each word with the separator that followed it, a space
/// or nothing (a break after a dash keeps the dash on the piece).
fn pieces(text: &str) -> Vec<(String, bool)> {
    let mut pieces = Vec::new();
    for word in text.split_whitespace() {
        let mut piece = String::new();
        for grapheme in word.graphemes(true) {
            piece.push_str(grapheme);
            if breaks_after(grapheme) {
                pieces.push((std::mem::take(&mut piece), false));
            }
        }
        if piece.is_empty() {
            if let Some(last) = pieces.last_mut() {
                last.1 = true;
            }
        } else {
            pieces.push((piece, true));
        }
    }
    if let Some(last) = pieces.last_mut() {
        last.1 = false;
    }
    pieces
}

/// Wraps `text` at word boundaries (spaces, and after dashes and slashes) into at most
/// `max_lines` lines no wider than `max_width`; whatever does not fit ends the last line with an
/// ellipsis. A word wider than a whole line is split between grapheme clusters, never inside one.
///
/// Every line but the last keeps the space that followed it, so the lines joined give the text
/// back with its spaces (what a screen reader, find-in-page or a copy reads); `line_text` is a
/// line without it, for measuring.
pub fn wrap(text: &str, style: TextStyle, max_width: f64, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let fits = |line: &str| style.width(line_text(line)) <= max_width;
    // A piece wider than a line is split into pieces that fit.
    let mut fitting: Vec<(String, bool)> = Vec::new();
    for (piece, spaced) in pieces(text) {
        if fits(&piece) {
            fitting.push((piece, spaced));
            continue;
        }
        let mut part = String::new();
        for grapheme in piece.graphemes(true) {
            let before = part.len();
            part.push_str(grapheme);
            if !fits(&part) && before > 0 {
                part.truncate(before);
                fitting.push((std::mem::take(&mut part), false));
                part.push_str(grapheme);
            }
        }
        fitting.push((part, spaced));
    }

    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut truncated = false;
    for (piece, spaced) in fitting {
        let joined = format!("{current}{piece}");
        if current.is_empty() || fits(&joined) {
            current = joined;
        } else if lines.len() + 1 == max_lines {
            truncated = true;
            break;
        } else {
            lines.push(std::mem::replace(&mut current, piece));
        }
        if spaced {
            current.push(' ');
        }
    }
    lines.push(current.trim_end().to_owned());
    if truncated {
        let last = lines.last_mut().expect("at least one line");
        let mut graphemes: Vec<&str> = last.graphemes(true).collect();
        while !graphemes.is_empty() && !fits(&format!("{}…", graphemes.concat())) {
            graphemes.pop();
        }
        *last = format!("{}…", graphemes.concat().trim_end());
    }
    lines
}

/// A wrapped line without the space kept at its end.
pub fn line_text(line: &str) -> &str {
    line.trim_end_matches(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: TextStyle = TextStyle {
        size: 10.0,
        bold: false,
    };

    #[test]
    fn wraps_and_truncates() {
        let cases: [(&str, f64, usize, &[&str]); 8] = [
            ("Microsoft", 200.0, 2, &["Microsoft"]),
            ("one two three", 60.0, 3, &["one two ", "three"]),
            ("one two three", 60.0, 1, &["one two…"]),
            ("", 50.0, 2, &[""]),
            ("Supercalifragilistic", 40.0, 2, &["Superc", "alifra…"]),
            ("a  b", 100.0, 1, &["a b"]),
            // Regression: "Microsoft–Open / AI" broke inside a word; after the dash it may.
            (
                "Microsoft–OpenAI deal",
                70.0,
                3,
                &["Microsoft–", "OpenAI deal"],
            ),
            ("and/or", 30.0, 2, &["and/", "or"]),
        ];
        for (text, width, lines, expected) in cases {
            assert_eq!(
                wrap(text, BODY, width, lines),
                expected,
                "{text:?} in {width}"
            );
        }
    }

    /// Regression: a label drawn on two lines lost the space between them ("statelessAPIs"), so
    /// its accessible text no longer matched its name and find-in-page missed it.
    #[test]
    fn joined_lines_give_the_text_back() {
        for text in [
            "Azure exclusivity for stateless APIs",
            "Microsoft–OpenAI partnership agreement",
            "AWS as Frontier's exclusive cloud",
            "September 2025 Microsoft–OpenAI agreement",
        ] {
            for width in [40.0, 60.0, 90.0, 140.0, 400.0] {
                let lines = wrap(text, BODY, width, 10);
                assert_eq!(lines.concat(), text, "{text:?} in {width}: {lines:?}");
            }
        }
    }

    #[test]
    fn never_exceeds_its_box() {
        let text =
            "The September 2025 non‑binding agreement between Microsoft and OpenAI — on new terms";
        for bold in [false, true] {
            let style = TextStyle { size: 13.0, bold };
            for width in (20..300).step_by(7) {
                for lines in 1..5 {
                    let wrapped = wrap(text, style, width as f64, lines);
                    assert!(wrapped.len() <= lines);
                    for line in &wrapped {
                        // A single character wider than the box is the one allowed overflow.
                        assert!(
                            style.width(line_text(line)) <= width as f64
                                || line.chars().count() <= 2,
                            "{width} {lines} {wrapped:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn wide_letters_measure_wider() {
        assert!(BODY.width("mmmm") > BODY.width("iiii") * 3.0);
        assert!(TextStyle { bold: true, ..BODY }.width("Azure") > BODY.width("Azure"));
    }

    /// Regression: CJK and emoji were measured as 0.7 em though they take about 1 em, so chips
    /// overflowed; combining marks were measured as letters of their own.
    #[test]
    fn graphemes_are_measured_as_drawn() {
        assert_eq!(BODY.width("微软"), 20.0);
        assert_eq!(BODY.width("🙂"), 10.0);
        assert_eq!(BODY.width("e\u{301}"), BODY.width("e"));
        assert_eq!(BODY.width("\u{202E}"), 0.0);
    }

    /// Regression: wrapping split a combining mark from its letter onto a line of its own.
    #[test]
    fn never_splits_a_grapheme() {
        let text = "e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}";
        for width in [7.0, 13.0, 20.0] {
            for line in wrap(text, BODY, width, 10) {
                assert!(!line.starts_with('\u{301}'), "{line:?} at {width}");
            }
        }
        let cjk = "微软与开放人工智能的合作协议";
        for line in wrap(cjk, BODY, 45.0, 10) {
            assert!(BODY.width(&line) <= 45.0, "{line}");
        }
    }
}
