//! How one character of plan text is drawn. Plan text is displayed, never interpreted,
//! and a cell grid only stays true if every terminal gives each drawn character the same
//! number of columns as ratatui does. So controls become visible pictures, and the
//! characters whose width terminals disagree on (emoji joined by ZWJ, flags, skin tones,
//! variation selectors, keycaps, tag sequences, invisible format characters) are drawn in
//! a form they all agree on. The plan keeps the original text: this is display only.
//!
//! Each character is rewritten on its own, so a prefix of the text draws as the prefix
//! of its drawing, and a cursor in the text maps to a column by adding up widths.

/// The character drawn for `c`, or `None` when it is not drawn at all.
///
/// - C0 controls become their Control Pictures (ESC ␛, BEL ␇, CR ␍, TAB ␉), DEL ␡; the
///   line feed stays, for callers that lay out lines.
/// - Line breaks other than the line feed (NEL U+0085, LINE SEPARATOR U+2028, PARAGRAPH
///   SEPARATOR U+2029) become ␤: a terminal would move the cursor or draw nothing.
/// - Other C1 controls and the bidi marks, overrides and isolates that could reorder
///   what a reader sees become �.
/// - Regional indicators become their ASCII letters, so a flag (🇬🇧) reads "GB": some
///   terminals draw a pair as one flag in two columns, others as two letters in four.
/// - Zero-width joiners, variation selectors (VS15, VS16 and the rest), skin-tone
///   modifiers, the keycap mark, tag characters, the soft hyphen and the invisible
///   format characters (ZWSP, ZWNJ, word joiner, BOM, CGJ, ...) are not drawn: an emoji
///   sequence becomes its parts side by side (👨‍👩‍👧 as 👨👩👧, ❤️ as ❤, 👍🏽 as 👍,
///   1️⃣ as 1), each of a width every terminal agrees on.
pub fn display_char(c: char) -> Option<char> {
    Some(match c {
        '\n' => '\n',
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7f}' => '\u{2421}',
        '\u{85}' | '\u{2028}' | '\u{2029}' => '\u{2424}',
        '\u{200e}'
        | '\u{200f}'
        | '\u{061c}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => '\u{FFFD}',
        '\u{1f1e6}'..='\u{1f1ff}' => char::from_u32('A' as u32 + (c as u32 - 0x1f1e6))?,
        '\u{ad}'
        | '\u{34f}'
        | '\u{180e}'
        | '\u{200b}'..='\u{200d}'
        | '\u{2060}'..='\u{2064}'
        | '\u{20e3}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{feff}'
        | '\u{1f3fb}'..='\u{1f3ff}'
        | '\u{e0000}'..='\u{e007f}'
        | '\u{e0100}'..='\u{e01ef}' => return None,
        c if c.is_control() => '\u{FFFD}',
        c => c,
    })
}

/// Whether `c` is drawn as itself: true for nearly all text, which is then drawn with
/// no copy.
pub fn drawn_as_is(c: char) -> bool {
    // Everything below U+00AD except the controls is drawn as it is: a quick way out for
    // the common case before the full match.
    if c < '\u{ad}' {
        return c == '\n' || !c.is_control();
    }
    display_char(c) == Some(c)
}

/// Columns `text` takes once drawn, counted by grapheme as ratatui draws it.
pub fn width(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    text.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// Columns one drawn character takes (a control or line feed none).
pub fn char_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::super::sanitize;
    use super::*;

    #[test]
    fn emoji_sequences_are_drawn_as_their_parts() {
        let cases = [
            ("👨\u{200d}👩\u{200d}👧", "👨👩👧"),
            ("🏳\u{fe0f}\u{200d}🌈", "🏳🌈"),
            ("🇬🇧 🇺🇦", "GB UA"),
            ("❤\u{fe0f} ☺\u{fe0e}", "❤ ☺"),
            ("👍🏽👋🏿", "👍👋"),
            ("1\u{fe0f}\u{20e3}#\u{20e3}", "1#"),
            (
                "🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}",
                "🏴",
            ),
            ("a\u{200b}b\u{feff}c\u{ad}d\u{2060}e\u{200c}f", "abcdef"),
            (
                "line\u{2028}next\u{2029}para\u{85}nel",
                "line␤next␤para␤nel",
            ),
            ("漢\u{e0100}字", "漢字"),
        ];
        for (text, drawn) in cases {
            assert_eq!(sanitize(text), drawn, "{text:?}");
        }
    }

    /// What is drawn measures the same added up by character (how tocplan wraps and cuts)
    /// and by grapheme (how ratatui places cells), for every case terminals disagree on.
    #[test]
    fn drawn_text_measures_the_same_by_char_and_by_grapheme() {
        for text in [
            "👨\u{200d}👩\u{200d}👧\u{200d}👦 family",
            "🇬🇧🇫🇷🇩🇪",
            "❤\u{fe0f}❤\u{fe0f}",
            "👍🏽 ok",
            "1\u{fe0f}\u{20e3}2\u{fe0f}\u{20e3}",
            "🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}",
            "e\u{301} 你好 ﾊﾟ",
            "\u{1b}[31m\u{7}\u{2028}",
        ] {
            let drawn = sanitize(text);
            let by_char: usize = drawn.chars().map(char_width).sum();
            assert_eq!(by_char, width(&drawn), "{text:?} drawn as {drawn:?}");
        }
    }

    #[test]
    fn only_what_is_rewritten_is_not_drawn_as_is() {
        for c in ['a', 'é', '你', '👍', '…', '\n'] {
            assert!(drawn_as_is(c), "{c:?}");
        }
        for c in [
            '\u{1b}',
            '\u{85}',
            '\u{2028}',
            '\u{200d}',
            '\u{fe0f}',
            '\u{1f1ec}',
        ] {
            assert!(!drawn_as_is(c), "{c:?}");
        }
    }
}
