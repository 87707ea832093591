//! Plan text drawn and wrapped, but only as much of it as can be seen: a value may be a
//! megabyte, and a frame that sanitised and wrapped all of it would cost tens of
//! milliseconds per key. Wrapping is greedy (first fit), so the first lines of a prefix
//! are the first lines of the whole text; a longer prefix is tried only when the first
//! fell short (long runs of spaces or zero-width marks).

use std::borrow::Cow;

use crate::text::{display, sanitized};

/// The first `max_lines` lines of `text`, drawn safe and wrapped to `width` columns, and
/// whether any text was left over.
pub fn visible_lines(text: &str, width: usize, max_lines: usize) -> (Vec<Cow<'_, str>>, bool) {
    let width = width.max(1);
    // Each line holds at most `width` columns, of at most four bytes each, and a line's
    // worth more tells whether there is more.
    let mut budget = (max_lines + 2).saturating_mul(width + 1).saturating_mul(4);
    loop {
        let prefix = cut(text, budget);
        let whole = prefix.len() == text.len();
        let mut lines = wrapped(prefix, width);
        if whole || lines.len() > max_lines {
            let more = lines.len() > max_lines;
            lines.truncate(max_lines);
            return (lines, more || !whole);
        }
        budget = budget.saturating_mul(4);
    }
}

/// `visible_lines`, with the last line ending in "…" when the text goes on.
pub fn cut_lines(text: &str, width: usize, max_lines: usize) -> Vec<Cow<'_, str>> {
    let (mut lines, more) = visible_lines(text, width, max_lines);
    if more && let Some(last) = lines.last_mut() {
        *last = Cow::Owned(ellipsized(last, width));
    }
    lines
}

/// `line` cut to leave room for "…" within `width` columns, then "…".
pub fn ellipsized(line: &str, width: usize) -> String {
    let room = width.saturating_sub(1);
    let mut used = 0;
    let mut out = String::with_capacity(line.len() + 3);
    for c in line.chars() {
        used += display::char_width(c);
        if used > room {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// The longest prefix of `text` of at most `bytes` bytes that ends on a char boundary.
fn cut(text: &str, bytes: usize) -> &str {
    if bytes >= text.len() {
        return text;
    }
    let mut end = bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// All of `text`, drawn safe and wrapped, borrowing the text wherever it is clean.
fn wrapped(text: &str, width: usize) -> Vec<Cow<'_, str>> {
    match sanitized(text) {
        Cow::Borrowed(clean) => textwrap::wrap(clean, width),
        Cow::Owned(safe) => textwrap::wrap(&safe, width)
            .into_iter()
            .map(|l| Cow::Owned(l.into_owned()))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// However long the text, the lines shown are the first lines of the whole text.
    #[test]
    fn the_visible_lines_are_the_first_lines_of_the_whole() {
        let long = crate::plan::synthetic::long_text(200_000, true);
        let one_line = crate::plan::synthetic::long_text(200_000, false);
        let spaced = format!("a{}b c d e f g h i j k", " ".repeat(50_000));
        let marks = format!("x{} y z", "\u{301}".repeat(20_000));
        for text in [&long, &one_line, &spaced, &marks, &"short".to_string()] {
            for (width, lines) in [(1, 3), (10, 5), (40, 20), (76, 1)] {
                let all = wrapped(text, width);
                let (shown, more) = visible_lines(text, width, lines);
                assert_eq!(shown, all[..all.len().min(lines)], "width {width}");
                assert_eq!(more, all.len() > lines, "width {width}");
            }
        }
    }

    #[test]
    fn cut_text_ends_with_an_ellipsis_within_the_width() {
        let lines = cut_lines("你好你好你好 你好你好你好 你好你好", 7, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert!(crate::text::display::width(&lines[1]) <= 7);
    }
}
