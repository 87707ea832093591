//! A plan diff shaped like the plan-change output people already read (Terraform's): a
//! legend of symbols, a header per item in plan words, `old -> new` per field (a word diff
//! for prose), and one summary line.

use similar::{ChangeTag, TextDiff};

use super::{Change, FieldChange};
use crate::text::{markdown_cell, sanitize};

/// How to draw: with ANSI colour (a terminal without NO_COLOR) or plain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

const LEGEND: &str = "  + added   - removed   ~ changed   > renamed";

fn noun(kind: &str) -> &str {
    match kind {
        "outcome" => "intermediate outcome",
        "plan" => "plan",
        other => other,
    }
}

fn plural(kind: &str, n: usize) -> String {
    let word = noun(kind);
    if n == 1 || matches!(kind, "evidence" | "context" | "goal" | "plan") {
        return word.to_string();
    }
    match word.strip_suffix('y') {
        Some(stem) if kind == "activity" => format!("{stem}ies"),
        _ => format!("{word}s"),
    }
}

/// "2 intermediate outcomes added, 1 measure changed, 0 removed".
pub fn summary(changes: &[Change]) -> String {
    if changes.is_empty() {
        return "No changes.".into();
    }
    let verb = |c: &Change| match c {
        Change::Added { .. } => "added",
        Change::Removed { .. } => "removed",
        Change::Renamed { .. } => "renamed",
        Change::Changed { .. } => "changed",
    };
    let mut counts: Vec<(&str, &str, usize)> = Vec::new();
    for c in changes {
        match counts
            .iter_mut()
            .find(|(k, v, _)| *k == c.kind() && *v == verb(c))
        {
            Some(entry) => entry.2 += 1,
            None => counts.push((c.kind(), verb(c), 1)),
        }
    }
    let mut parts: Vec<String> = counts
        .iter()
        .map(|(k, v, n)| format!("{n} {} {v}", plural(k, *n)))
        .collect();
    if !changes.iter().any(|c| matches!(c, Change::Removed { .. })) {
        parts.push("0 removed".into());
    }
    parts.join(", ")
}

fn paint(s: &str, code: &str, style: Style) -> String {
    if style.color {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

fn shown(v: &str) -> String {
    if v.is_empty() {
        "(none)".into()
    } else {
        format!("\"{}\"", sanitize(v))
    }
}

/// Prose changes as a word diff (`[-old-]{+new+}`, or red and green); short values as
/// `old -> new`.
fn field_line(f: &FieldChange, style: Style) -> String {
    let prose = f.old.contains(' ') && f.new.contains(' ') && f.old.len().max(f.new.len()) > 24;
    if !prose {
        return format!("{}: {} -> {}", f.field, shown(&f.old), shown(&f.new));
    }
    let mut out = format!("{}: ", f.field);
    // Runs of words with the same fate are marked once: "{+at home and at work+}".
    let mut runs: Vec<(ChangeTag, String)> = Vec::new();
    for change in TextDiff::from_words(f.old.as_str(), f.new.as_str()).iter_all_changes() {
        match runs.last_mut() {
            Some((tag, text)) if *tag == change.tag() => text.push_str(change.value()),
            _ => runs.push((change.tag(), change.value().to_string())),
        }
    }
    for (tag, text) in runs {
        let word = sanitize(&text);
        match tag {
            ChangeTag::Equal => out.push_str(&word),
            ChangeTag::Delete if style.color => out.push_str(&paint(&word, "31;9", style)),
            ChangeTag::Insert if style.color => out.push_str(&paint(&word, "32", style)),
            ChangeTag::Delete => out.push_str(&format!("[-{word}-]")),
            ChangeTag::Insert => out.push_str(&format!("{{+{word}+}}")),
        }
    }
    out
}

fn header(kind: &str, id: &str) -> String {
    match kind {
        "plan" | "context" | "goal" => noun(kind).to_string(),
        _ => format!("{} `{}`", noun(kind), sanitize(id)),
    }
}

pub fn to_text(title: &str, changes: &[Change], style: Style) -> String {
    let mut out = format!("{}\n\n", sanitize(title));
    if changes.is_empty() {
        out.push_str("No changes in plan terms.\n");
        return out;
    }
    out.push_str(LEGEND);
    out.push_str("\n\n");
    for c in changes {
        match c {
            Change::Added { kind, id, text } => {
                let line = format!("+ {}: {}", header(kind, id), shown(text));
                out.push_str(&paint(&line, "32", style));
            }
            Change::Removed { kind, id, text } => {
                let line = format!("- {}: {}", header(kind, id), shown(text));
                out.push_str(&paint(&line, "31", style));
            }
            Change::Renamed {
                kind,
                from,
                to,
                fields,
            } => {
                let line = format!("> {} renamed to `{}`", header(kind, from), sanitize(to));
                out.push_str(&paint(&line, "36", style));
                for f in fields {
                    out.push_str(&format!("\n    {}", field_line(f, style)));
                }
            }
            Change::Changed { kind, id, fields } => {
                out.push_str(&paint(&format!("~ {}", header(kind, id)), "33", style));
                for f in fields {
                    out.push_str(&format!("\n    {}", field_line(f, style)));
                }
            }
        }
        out.push('\n');
    }
    out.push_str(&format!("\nPlan: {}.\n", summary(changes)));
    out
}

pub fn to_markdown(title: &str, changes: &[Change]) -> String {
    let mut out = format!("### Plan changes: {}\n\n", markdown_cell(title));
    if changes.is_empty() {
        out.push_str("No changes in plan terms.\n");
        return out;
    }
    out.push_str(&format!("**{}**\n\n", markdown_cell(&summary(changes))));
    out.push_str("| | Item | Change |\n|---|---|---|\n");
    for c in changes {
        let (mark, item, what) = match c {
            Change::Added { kind, id, text } => ("+", header(kind, id), format!("added: {text}")),
            Change::Removed { kind, id, text } => {
                ("-", header(kind, id), format!("removed: {text}"))
            }
            Change::Renamed {
                kind,
                from,
                to,
                fields,
            } => (
                ">",
                header(kind, from),
                std::iter::once(format!("renamed to `{to}`"))
                    .chain(fields.iter().map(|f| field_line(f, Style { color: false })))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Change::Changed { kind, id, fields } => (
                "~",
                header(kind, id),
                fields
                    .iter()
                    .map(|f| field_line(f, Style { color: false }))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        };
        out.push_str(&format!(
            "| {mark} | {} | {} |\n",
            markdown_cell(&item),
            markdown_cell(&what)
        ));
    }
    out
}

pub fn to_json(changes: &[Change]) -> Result<String, String> {
    #[derive(serde::Serialize)]
    struct Out<'a> {
        summary: String,
        changes: &'a [Change],
    }
    crate::json::to_string_pretty(&Out {
        summary: summary(changes),
        changes,
    })
    .map_err(|e| e.to_string())
}
