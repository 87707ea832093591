//! For tests: what a CommonMark parser (pulldown-cmark, with GitHub's tables,
//! strikethrough, task lists and footnotes) makes of a Markdown output, so a test can say
//! that plan text made no link, image, HTML, list or heading of its own.

use pulldown_cmark::{Event, Options, Parser, Tag};

/// The structure of a document: what plan text must never add to.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Structure {
    pub links: usize,
    pub images: usize,
    pub html: usize,
    pub lists: usize,
    pub items: usize,
    pub headings: usize,
    pub tables: usize,
    pub rows: usize,
    pub code_blocks: usize,
    pub block_quotes: usize,
    pub rules: usize,
    /// Footnotes and task-list boxes.
    pub other: usize,
}

pub fn structure(md: &str) -> Structure {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    let mut s = Structure::default();
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::Link { .. }) => s.links += 1,
            Event::Start(Tag::Image { .. }) => s.images += 1,
            Event::Html(_) | Event::InlineHtml(_) => s.html += 1,
            Event::Start(Tag::HtmlBlock) => s.html += 1,
            Event::Start(Tag::List(_)) => s.lists += 1,
            Event::Start(Tag::Item) => s.items += 1,
            Event::Start(Tag::Heading { .. }) => s.headings += 1,
            Event::Start(Tag::Table(_)) => s.tables += 1,
            Event::Start(Tag::TableRow | Tag::TableHead) => s.rows += 1,
            Event::Start(Tag::CodeBlock(_)) => s.code_blocks += 1,
            Event::Start(Tag::BlockQuote(_)) => s.block_quotes += 1,
            Event::Start(Tag::FootnoteDefinition(_)) => s.other += 1,
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => s.other += 1,
            Event::Rule => s.rules += 1,
            _ => {}
        }
    }
    s
}

/// Strings meant to become markup: links, images, autolinks, HTML, entities, lists,
/// headings, quotes, fences, tables, rules, emphasis, footnotes, line breaks.
pub const HOSTILE: &[&str] = &[
    "[here](https://evil.example/x)",
    "![img](https://evil.example/i.png)",
    "<https://evil.example> and www.evil.example and a@evil.example",
    "<script>alert(1)</script> <b>bold</b> <!-- c -->",
    "&lt;b&gt; &amp; &#60;",
    "- item\n* item\n+ item\n1. first\n2) second",
    "# Heading\n## Two\nSetext\n===\nAlso\n---",
    "> quote\n>> deeper",
    "```\nfence\n```\n~~~\nx\n~~~",
    "| a | b |\n|---|---|\n| c | d |",
    "***\n___\n- - -",
    "*em* **strong** _u_ ~~s~~ `code` \\*",
    "[^1] and [^1]: note\n- [ ] task",
    "    indented code\n\n\tcode after a tab",
    "line\\\nbreak  \nand\n\n\nparagraphs",
    "[ref]\n\n[ref]: https://evil.example",
    "\\[x](y) \\<b> \\\\[z](w)",
    "text with a literal \\n and a\ttab",
];
