//! A plan diff shaped like the plan-change output people already read (Terraform's): a
//! legend of symbols, a header per item in plan words, `old -> new` per field (a word diff
//! for prose), and one summary line.

use similar::ChangeTag;

use super::layout::{Runs, is_prose, lines, word_runs};
use super::{Change, FieldChange, FieldKind};
use crate::text::sanitize;

/// How to draw: with ANSI colour (a terminal without NO_COLOR) or plain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

const LEGEND: &str = "  + added   - removed   ~ changed   > renamed";

pub(super) fn noun(kind: &str) -> &str {
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

/// The width text output is laid out in, and how far continuation lines are indented.
const WIDTH: usize = 80;
const INDENT: usize = 8;

/// A value on its own: text quoted, numbers, dates and ids as they are.
fn shown(v: &str, kind: FieldKind) -> String {
    if v.is_empty() {
        "(none)".into()
    } else if kind == FieldKind::Plain {
        sanitize(v)
    } else {
        format!("\"{}\"", sanitize(v))
    }
}

/// A set's or list's change: `+ a, - b` (quoted entries for a list), or "reordered".
fn entries(f: &FieldChange) -> Runs {
    let q = |s: &str| match f.kind {
        FieldKind::List => format!("\"{}\"", sanitize(s)),
        _ if f.field == "key_domains" => sanitize(s),
        _ => format!("`{}`", sanitize(s)),
    };
    let mut runs: Runs = Vec::new();
    let all = f
        .added
        .iter()
        .map(|a| (ChangeTag::Insert, format!("+ {}", q(a))));
    let all = all.chain(
        f.removed
            .iter()
            .map(|r| (ChangeTag::Delete, format!("- {}", q(r)))),
    );
    for (i, (tag, text)) in all.enumerate() {
        if i > 0 {
            runs.push((ChangeTag::Equal, ", ".into()));
        }
        runs.push((tag, text));
    }
    if runs.is_empty() {
        runs.push((ChangeTag::Equal, "reordered".into()));
    }
    runs
}

/// A field's change, as lines under the item: prose as a word diff (`[-old-]{+new+}`,
/// or red and green), sets and lists as entries added and removed, other values as
/// `old -> new`. Long lines wrap, continuation lines indented under the field.
fn field_lines(f: &FieldChange, style: Style) -> String {
    let (runs, marks) = if matches!(f.kind, FieldKind::Set | FieldKind::List) {
        (entries(f), false)
    } else if is_prose(f) {
        let runs = word_runs(&f.old, &f.new)
            .into_iter()
            .map(|(tag, text)| (tag, sanitize(&text)))
            .collect();
        (runs, true)
    } else {
        let text = format!("{} -> {}", shown(&f.old, f.kind), shown(&f.new, f.kind));
        (vec![(ChangeTag::Equal, text)], false)
    };
    let head = format!("    {}: ", f.field);
    let mut out = head.clone();
    for (i, line) in lines(&runs, head.len(), WIDTH, INDENT).iter().enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(&" ".repeat(INDENT));
        }
        for (tag, text) in line {
            out.push_str(&mark(*tag, text, marks, style));
        }
    }
    out.truncate(out.trim_end().len());
    out
}

fn mark(tag: ChangeTag, text: &str, marks: bool, style: Style) -> String {
    match tag {
        ChangeTag::Equal => text.to_string(),
        ChangeTag::Delete if style.color => paint(text, "31;9", style),
        ChangeTag::Insert if style.color => paint(text, "32", style),
        _ if !marks => text.to_string(),
        ChangeTag::Delete => format!("[-{text}-]"),
        ChangeTag::Insert => format!("{{+{text}+}}"),
    }
}

pub(super) fn header(kind: &str, id: &str) -> String {
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
                let line = format!("+ {}: {}", header(kind, id), shown(text, FieldKind::Text));
                out.push_str(&paint(&line, "32", style));
            }
            Change::Removed { kind, id, text } => {
                let line = format!("- {}: {}", header(kind, id), shown(text, FieldKind::Text));
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
                    out.push('\n');
                    out.push_str(&field_lines(f, style));
                }
            }
            Change::Changed { kind, id, fields } => {
                out.push_str(&paint(&format!("~ {}", header(kind, id)), "33", style));
                for f in fields {
                    out.push('\n');
                    out.push_str(&field_lines(f, style));
                }
            }
        }
        out.push('\n');
    }
    out.push_str(&format!("\nPlan: {}.\n", summary(changes)));
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
