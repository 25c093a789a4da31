//! Text fitting without a DOM. Widths are estimated from per-character advances of DejaVu Sans,
//! the widest of the common sans-serif fallbacks, so text measured here fits in any of them. The
//! full text always stays available to the view (aria-label, details panel).

/// A font size and weight, in SVG user units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    pub size: f64,
    pub bold: bool,
}

impl TextStyle {
    /// The estimated rendered width of `text`.
    pub fn width(&self, text: &str) -> f64 {
        let ems: f64 = text.chars().map(advance).sum();
        ems * self.size * if self.bold { 1.2 } else { 1.0 }
    }
}

/// The advance of one character, in ems.
fn advance(character: char) -> f64 {
    match character {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '’' | '‘' | '!' | '|' => 0.3,
        'f' | 't' | 'r' | 'I' | 'J' | ' ' | '(' | ')' | '[' | ']' | '-' | '‑' => 0.42,
        'm' | 'w' => 1.0,
        'M' | 'W' => 0.9,
        'a'..='z' => 0.64,
        'A'..='Z' => 0.76,
        '0'..='9' | '$' => 0.64,
        '—' => 1.0,
        _ => 0.7,
    }
}

/// Wraps `text` at word boundaries into at most `max_lines` lines no wider than `max_width`;
/// whatever does not fit ends the last line with an ellipsis.
pub fn wrap(text: &str, style: TextStyle, max_width: f64, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let fits = |line: &str| style.width(line) <= max_width;
    // A word wider than a line is split into pieces that fit.
    let pieces = text.split_whitespace().flat_map(|word| {
        let mut pieces = Vec::new();
        let mut piece = String::new();
        for character in word.chars() {
            piece.push(character);
            if !fits(&piece) && piece.chars().count() > 1 {
                piece.pop();
                pieces.push(std::mem::take(&mut piece));
                piece.push(character);
            }
        }
        pieces.push(piece);
        pieces
    });
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut truncated = false;
    for piece in pieces {
        let joined = if current.is_empty() {
            piece.clone()
        } else {
            format!("{current} {piece}")
        };
        if current.is_empty() || fits(&joined) {
            current = joined;
            continue;
        }
        if lines.len() + 1 == max_lines {
            truncated = true;
            break;
        }
        lines.push(std::mem::replace(&mut current, piece));
    }
    lines.push(current);
    if truncated {
        let last = lines.last_mut().expect("at least one line");
        while !last.is_empty() && !fits(&format!("{last}…")) {
            last.pop();
        }
        let trimmed = last.trim_end().to_owned();
        *last = format!("{trimmed}…");
    }
    lines
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
        let cases: [(&str, f64, usize, &[&str]); 6] = [
            ("Microsoft", 200.0, 2, &["Microsoft"]),
            ("one two three", 60.0, 3, &["one two", "three"]),
            ("one two three", 60.0, 1, &["one two…"]),
            ("", 50.0, 2, &[""]),
            ("Supercalifragilistic", 40.0, 2, &["Superc", "alifra…"]),
            ("a  b", 100.0, 1, &["a b"]),
        ];
        for (text, width, lines, expected) in cases {
            assert_eq!(
                wrap(text, BODY, width, lines),
                expected,
                "{text:?} in {width}"
            );
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
                            style.width(line) <= width as f64 || line.chars().count() <= 2,
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
}
