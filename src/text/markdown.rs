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

/// Text as the paragraphs a reader sees: lines wrapped in the file stay one paragraph
/// (a soft break, which Markdown shows as a space), a blank line starts the next one;
/// each next line is indented by `indent` (to stay in a list item). Spaces at either end
/// of a line are dropped, since two at its end would be a hard break and four at the
/// start of a paragraph would make it code.
pub fn paragraphs(s: &str, indent: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 4);
    let mut blank = false;
    for line in s.lines().map(|l| l.trim_matches([' ', '\t', '\r'])) {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
            out.push_str(indent);
        }
        blank = false;
        out.push_str(&escape(line, Breaks::Inline(" ")));
    }
    out
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

    /// The paragraphs and breaks CommonMark makes of `md`.
    fn shape(md: &str) -> (usize, usize, usize) {
        use pulldown_cmark::{Event, Parser, Tag};
        let (mut paras, mut soft, mut hard) = (0, 0, 0);
        for e in Parser::new(md) {
            match e {
                Event::Start(Tag::Paragraph) => paras += 1,
                Event::SoftBreak => soft += 1,
                Event::HardBreak => hard += 1,
                _ => {}
            }
        }
        (paras, soft, hard)
    }

    #[test]
    fn wrapped_lines_stay_one_paragraph_and_a_blank_line_starts_the_next() {
        let text =
            "We meet weekly\nat the library,  \n    with tea.\n\n\n  Then a second\nparagraph.\n";
        let md = paragraphs(text, "");
        assert_eq!(
            md,
            "We meet weekly\nat the library\\,\nwith tea\\.\n\nThen a second\nparagraph\\."
        );
        assert_eq!(shape(&md), (2, 3, 0), "{md}");
        // In a list item, both paragraphs stay in the item.
        let item = format!("- *Assumption*: {}\n", paragraphs(text, "  "));
        assert_eq!(shape(&item), (2, 3, 0), "{item}");
        let structure = super::check::structure(&item);
        assert_eq!((structure.lists, structure.items), (1, 1), "{item}");
    }

    #[test]
    fn markup_is_escaped_and_reads_as_the_text() {
        assert_eq!(line("[here](https://x)"), "\\[here\\]\\(https\\:\\/\\/x\\)");
        assert_eq!(line("a\tb\nc\u{1b}"), "a b ¶ c\u{FFFD}");
        assert_eq!(prose("a\n\n- b", "  "), "a\\\n  \\\n  \\- b");
        assert_eq!(code("run-the-cafe"), "`run-the-cafe`");
        assert_eq!(code("a`b"), "a\\`b");
    }
}
