//! A plan diff as a pull-request comment: a list of changed items, each field's change
//! nested under its item, prose as a word diff that GitHub shows as a reader expects
//! (~~removed~~ **added**). Every piece of plan text is escaped (`text::markdown`), so
//! nothing a planner wrote can become a link, an image, HTML, a list or a heading.

use similar::ChangeTag;

use super::layout::{is_prose, word_runs};
use super::render::{noun, summary};
use super::{Change, FieldChange, FieldKind};
use crate::text::markdown::{code, line, prose};

/// Where a field's continuation lines start: inside its nested list item.
const INDENT: &str = "    ";

fn header(kind: &str, id: &str) -> String {
    match kind {
        "plan" | "context" | "goal" => noun(kind).to_string(),
        _ => format!("{} {}", noun(kind), code(id)),
    }
}

fn shown(v: &str, kind: FieldKind) -> String {
    if v.is_empty() {
        "*(none)*".into()
    } else if kind == FieldKind::Plain {
        line(v)
    } else {
        format!("“{}”", line(v))
    }
}

/// Text between emphasis marks: the marks only work hard against a word, so spaces at
/// either end stay outside them; line breaks close and reopen them.
fn marked(text: &str, mark: &str) -> String {
    text.split('\n')
        .map(|part| {
            // Any white space, not only spaces: "**\t**" became "** **", a rule.
            let inner = part.trim_matches(char::is_whitespace);
            let spaces = |s: &str| " ".repeat(s.chars().count());
            if inner.is_empty() {
                return spaces(part);
            }
            let lead =
                spaces(&part[..part.len() - part.trim_start_matches(char::is_whitespace).len()]);
            let trail = spaces(&part[part.trim_end_matches(char::is_whitespace).len()..]);
            format!("{lead}{mark}{}{mark}{trail}", prose(inner, INDENT))
        })
        .collect::<Vec<_>>()
        .join(&format!("\\\n{INDENT}"))
}

fn field(f: &FieldChange) -> String {
    let what = match f.kind {
        FieldKind::Set | FieldKind::List => {
            let q = |s: &str| match f.kind {
                FieldKind::List => format!("“{}”", line(s)),
                _ if f.field == "key_domains" => line(s),
                _ => code(s),
            };
            let mut parts: Vec<String> = Vec::new();
            if !f.added.is_empty() {
                let v: Vec<String> = f.added.iter().map(|a| q(a)).collect();
                parts.push(format!("added {}", v.join(", ")));
            }
            if !f.removed.is_empty() {
                let v: Vec<String> = f.removed.iter().map(|r| format!("~~{}~~", q(r))).collect();
                parts.push(format!("removed {}", v.join(", ")));
            }
            if parts.is_empty() {
                "reordered".into()
            } else {
                parts.join("; ")
            }
        }
        _ if is_prose(f) => {
            let mut out = String::new();
            let mut last = ChangeTag::Equal;
            for (tag, text) in word_runs(&f.old, &f.new) {
                // "~~a~~**b**" would not close the first mark: keep them a space apart.
                if tag == ChangeTag::Insert && last == ChangeTag::Delete && !out.ends_with(' ') {
                    out.push(' ');
                }
                match tag {
                    ChangeTag::Equal => out.push_str(&prose(&text, INDENT)),
                    ChangeTag::Delete => out.push_str(&marked(&text, "~~")),
                    ChangeTag::Insert => out.push_str(&marked(&text, "**")),
                }
                last = tag;
            }
            out
        }
        _ => format!("{} → {}", shown(&f.old, f.kind), shown(&f.new, f.kind)),
    };
    format!("  - `{}`: {what}\n", f.field)
}

pub fn to_markdown(title: &str, changes: &[Change]) -> String {
    let mut out = format!("### Plan changes: {}\n\n", line(title));
    if changes.is_empty() {
        out.push_str("No changes in plan terms.\n");
        return out;
    }
    out.push_str(&format!("**{}**\n\n", summary(changes)));
    for c in changes {
        match c {
            Change::Added { kind, id, text } => out.push_str(&format!(
                "- **+** {} added: {}\n",
                header(kind, id),
                line(text)
            )),
            Change::Removed { kind, id, text } => {
                let text = line(text.trim());
                let text = if text.is_empty() {
                    text
                } else {
                    format!("~~{text}~~")
                };
                out.push_str(&format!("- **−** {} removed: {text}\n", header(kind, id)));
            }
            Change::Renamed {
                kind,
                from,
                to,
                fields,
            } => {
                out.push_str(&format!(
                    "- **>** {} renamed to {}\n",
                    header(kind, from),
                    code(to)
                ));
                fields.iter().for_each(|f| out.push_str(&field(f)));
            }
            Change::Changed { kind, id, fields } => {
                out.push_str(&format!("- **~** {} changed\n", header(kind, id)));
                fields.iter().for_each(|f| out.push_str(&field(f)));
            }
        }
    }
    out
}
