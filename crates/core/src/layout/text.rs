//! Text fitting without a DOM. Widths are estimated per grapheme cluster (what a reader sees as
//! one character, combining marks included) from the advances of DejaVu Sans, the widest of the
//! common sans-serif fallbacks, so text measured here fits in any of them; East Asian wide
//! characters count a full em, emoji and pictographic symbols 1.25 em each (a sequence no
//! emoji font joins is drawn a pictograph at a time). The full text always stays available to the view
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
    // Emoji and pictographic symbols: a colour emoji is about 1.25 em wide, and where no emoji
    // font joins a sequence (a family, a flag) each of its pictographs is drawn on its own.
    let pictographs = grapheme.chars().filter(|c| is_pictograph(*c)).count();
    if pictographs > 0 {
        return (pictographs as f64).max(1.25);
    }
    match first {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '’' | '‘' | '!' | '|' => 0.3,
        'f' | 't' | 'r' | 'I' | 'J' | ' ' | '(' | ')' | '[' | ']' | '-' | '‑' => 0.42,
        'm' | 'w' => 1.0,
        'M' | 'W' => 0.9,
        'a'..='z' => 0.64,
        'A'..='Z' => 0.76,
        '0'..='9' | '$' => 0.64,
        '—' | '©' | '®' | '\u{2100}'..='\u{214F}' => 1.0,
        // Controls and zero-width characters take no room.
        _ if grapheme.width() == 0 => 0.0,
        // East Asian wide characters and emoji fill a whole em.
        _ if grapheme.width() >= 2 => 1.0,
        _ => 0.7,
    }
}

/// Whether a character is drawn as a pictograph (emoji, dingbats, symbols, arrows, flags'
/// letters), which fonts draw wider than letters.
fn is_pictograph(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF // emoji, flags' regional indicators, symbols and pictographs
        | 0x2190..=0x21FF // arrows
        | 0x2300..=0x23FF // technical symbols (⌚, ⏰)
        | 0x25A0..=0x27BF // shapes, miscellaneous symbols, dingbats
        | 0x2B00..=0x2BFF // more arrows and symbols (⭐)
    )
}

/// Whether a line may break after this grapheme and keep it on the first line: after a dash,
/// hyphen or slash ("Microsoft–" / "OpenAI").
fn breaks_after(grapheme: &str) -> bool {
    matches!(grapheme, "-" | "‐" | "–" | "—" | "/")
}

/// The pieces a text may be broken into, lazily: each word with whether a space followed it (a
/// break after a dash keeps the dash on its piece, and no space).
fn pieces(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut words = text.split_whitespace().peekable();
    let mut rest: Option<&str> = None;
    std::iter::from_fn(move || loop {
        let word = match rest.take() {
            Some(word) => word,
            None => words.next()?,
        };
        // The first break after a dash, if the word has one before its end.
        let mut end = 0;
        for (at, grapheme) in word.grapheme_indices(true) {
            end = at + grapheme.len();
            if breaks_after(grapheme) && end < word.len() {
                rest = Some(&word[end..]);
                return Some((&word[..end], false));
            }
        }
        if end == 0 {
            continue;
        }
        return Some((word, words.peek().is_some()));
    })
}

/// Wraps `text` at word boundaries (spaces, and after dashes and slashes) into at most
/// `max_lines` lines no wider than `max_width`; whatever does not fit ends the last line with an
/// ellipsis. A word wider than a whole line is split between grapheme clusters, never inside one.
///
/// Every line but the last keeps the space that followed it, so the lines joined give the text
/// back with its spaces (what a screen reader, find-in-page or a copy reads); `line_text` is a
/// line without it, for measuring.
///
/// Linear in the text it reads, and it reads no further than the lines it fills: a name ten
/// megabytes long costs what its first lines do.
pub fn wrap(text: &str, style: TextStyle, max_width: f64, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let scale = style.size * if style.bold { 1.2 } else { 1.0 };
    let space = advance(" ") * scale;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut width = 0.0;
    // Whether a space separates the line so far from what comes next.
    let mut spaced = false;
    let mut truncated = false;
    // Adds one part that fits a line on its own; false once the lines are full.
    let mut place = |part: &str, part_width: f64, space_after: bool| -> bool {
        let gap = if spaced { space } else { 0.0 };
        if line.is_empty() {
            line.push_str(part);
            width = part_width;
        } else if width + gap + part_width <= max_width {
            if spaced {
                line.push(' ');
            }
            line.push_str(part);
            width += gap + part_width;
        } else if lines.len() + 1 == max_lines {
            truncated = true;
            return false;
        } else {
            if spaced {
                line.push(' ');
            }
            lines.push(std::mem::replace(&mut line, part.to_owned()));
            width = part_width;
        }
        spaced = space_after;
        true
    };
    'pieces: for (piece, space_after) in pieces(text) {
        // A piece wider than a line goes in parts that fit, split between grapheme clusters.
        let mut start = 0;
        let mut part_width = 0.0;
        for (at, grapheme) in piece.grapheme_indices(true) {
            let grapheme_width = advance(grapheme) * scale;
            if part_width + grapheme_width > max_width && at > start {
                if !place(&piece[start..at], part_width, false) {
                    break 'pieces;
                }
                start = at;
                part_width = 0.0;
            }
            part_width += grapheme_width;
        }
        if !place(&piece[start..], part_width, space_after) {
            break;
        }
    }
    if truncated {
        // The last line gives way to an ellipsis, a grapheme at a time.
        let ellipsis = advance("…") * scale;
        let mut graphemes: Vec<(&str, f64)> = line
            .graphemes(true)
            .map(|grapheme| (grapheme, advance(grapheme) * scale))
            .collect();
        let mut kept: f64 = graphemes.iter().map(|(_, width)| width).sum();
        while !graphemes.is_empty() && kept + ellipsis > max_width {
            kept -= graphemes.pop().map_or(0.0, |(_, width)| width);
        }
        let shortened: String = graphemes.iter().map(|(grapheme, _)| *grapheme).collect();
        line = format!("{}…", shortened.trim_end());
    }
    lines.push(line);
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
        assert_eq!(BODY.width("🙂"), 12.5);
        // Where no emoji font joins them, a family and a flag are drawn a pictograph at a time.
        assert_eq!(BODY.width("👨\u{200D}👩\u{200D}👧"), 30.0);
        assert_eq!(BODY.width("🇳🇴"), 20.0);
        assert_eq!(BODY.width("☎"), 12.5);
        assert_eq!(BODY.width("©"), 10.0);
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

    /// Regression: a ten-megabyte name froze the page while it was wrapped, in time that grew
    /// with the square of its length (this test would run for hours). Wrapping reads only what
    /// its lines hold.
    #[test]
    fn a_huge_text_wraps_as_fast_as_its_first_lines() {
        let word = "x".repeat(10_000_000);
        let lines = wrap(&word, BODY, 100.0, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
        let spaced = "word ".repeat(2_000_000);
        let lines = wrap(&spaced, BODY, 100.0, 3);
        assert!(lines[2].ends_with('…'));
    }
}
