//! Plan text made inert in Markdown (CommonMark and GitHub's dialect), for the exported
//! document and the pull-request comment. Every ASCII punctuation character is escaped
//! with a backslash, which CommonMark allows for all of them and renders as the character
//! itself: so no text can open a link, an image, an autolink, HTML, an entity, emphasis,
//! code, a list, a heading, a quote, a table or a fence, wherever it stands. (GitHub's
//! bare `www.` and `https:` links are not made from `www\.` and `https\:` either.)
//! Tabs become spaces; other control characters show as U+FFFD.

/// How line breaks in the text are written.
#[derive(Clone, Copy)]
enum Breaks<'a> {
    /// A hard line break, the next line indented by this much (to stay in a list item);
    /// an empty line stays an (escaped) line, so the paragraph does not end.
    Hard(&'a str),
    /// Shown as this, for places that hold one line (a table cell, a heading).
    Inline(&'static str),
}

fn escape(s: &str, breaks: Breaks) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 4);
    // Four spaces starting a paragraph would make it code; Markdown shows none of them.
    let s = s.trim_start_matches(' ');
    for c in s.chars() {
        match c {
            '\n' => match breaks {
                Breaks::Hard(indent) => {
                    out.push_str("\\\n");
                    out.push_str(indent);
                }
                Breaks::Inline(mark) => out.push_str(mark),
            },
            '\t' => out.push(' '),
            '\r' => {}
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Text in a paragraph or list item: its line breaks kept as hard breaks, each next line
/// indented by `indent`.
pub fn prose(s: &str, indent: &str) -> String {
    escape(s, Breaks::Hard(indent))
}

/// Text in a table cell, a heading or any other one-line place: a line break shows as
/// ` ¶ ` (a cell cannot hold one, and tocplan writes no HTML such as `<br>`).
pub fn line(s: &str) -> String {
    escape(s, Breaks::Inline(" ¶ "))
}

/// An id as inline code when it is a plain slug (as ids nearly always are); as escaped
/// text otherwise, since a backslash escapes nothing inside a code span.
pub fn code(id: &str) -> String {
    let slug = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
    if slug { format!("`{id}`") } else { line(id) }
}

#[cfg(test)]
pub(crate) mod check;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_reads_as_the_text() {
        assert_eq!(line("[here](https://x)"), "\\[here\\]\\(https\\:\\/\\/x\\)");
        assert_eq!(line("a\tb\nc\u{1b}"), "a b ¶ c\u{FFFD}");
        assert_eq!(prose("a\n\n- b", "  "), "a\\\n  \\\n  \\- b");
        assert_eq!(code("run-the-cafe"), "`run-the-cafe`");
        assert_eq!(code("a`b"), "a\\`b");
    }
}
