//! The difference between two versions of a plan, in plan terms: items matched by id (so
//! reordering is not a change), each change as added, removed, renamed or changed field
//! by field. The text, Markdown and JSON renderings live in `render`.

mod comments;
mod items;
mod layout;
mod markdown;
mod render;

pub use markdown::to_markdown;
pub use render::{Style, summary, to_json, to_text};

use super::model::*;
use items::{Item, Value, items, reading_key};

/// How a field's values are compared and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FieldKind {
    /// Words a person wrote: quoted, a word diff when long.
    #[default]
    Text,
    /// A number, date, id or fixed word: unquoted.
    Plain,
    /// A set (`serves`, key domains): what was added and removed.
    Set,
    /// A list (resources): entries added and removed, or only their order changed.
    List,
}

/// One field's old and new value, each on one line (a set's ids joined with `, `, a
/// list's entries with `; `); for sets and lists also the entries added and removed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub old: String,
    pub new: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
    #[serde(skip)]
    pub kind: FieldKind,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "change", rename_all = "lowercase")]
pub enum Change {
    Added {
        kind: &'static str,
        id: String,
        text: String,
    },
    Removed {
        kind: &'static str,
        id: String,
        text: String,
    },
    /// Removed under one id and added under another with the same content.
    Renamed {
        kind: &'static str,
        from: String,
        to: String,
        fields: Vec<FieldChange>,
    },
    Changed {
        kind: &'static str,
        id: String,
        fields: Vec<FieldChange>,
    },
}

impl Change {
    pub fn kind(&self) -> &'static str {
        match self {
            Change::Added { kind, .. }
            | Change::Removed { kind, .. }
            | Change::Renamed { kind, .. }
            | Change::Changed { kind, .. } => kind,
        }
    }
}

fn field_changes(old: &Item, new: &Item) -> Vec<FieldChange> {
    let mut changes: Vec<FieldChange> = old
        .fields
        .iter()
        .zip(&new.fields)
        .filter(|(a, b)| !a.1.same(&b.1))
        .map(|(a, b)| field_change(a.0, &a.1, &b.1))
        .collect();
    // A comment is part of what a person wrote: a change only to comments is a change.
    changes.extend(comments::changes(&old.remarks, &new.remarks));
    // So is a key this version does not know: the file keeps it, a merge merges it.
    let value = |keys: &[(String, String)], key: &str| {
        keys.iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let mut seen: Vec<&str> = Vec::new();
    for (key, _) in old.unknown.iter().chain(&new.unknown) {
        if seen.contains(&key.as_str()) {
            continue;
        }
        seen.push(key);
        let (was, now) = (value(&old.unknown, key), value(&new.unknown, key));
        if was != now {
            changes.push(field_change(
                "unknown key",
                &Value::Plain(was),
                &Value::Plain(now),
            ));
        }
    }
    changes
}

fn field_change(field: &'static str, old: &Value, new: &Value) -> FieldChange {
    let (kind, added, removed) = match (old, new) {
        (Value::Set(a), Value::Set(b)) | (Value::List(a), Value::List(b)) => {
            let kind = if matches!(old, Value::Set(_)) {
                FieldKind::Set
            } else {
                FieldKind::List
            };
            let added = b.iter().filter(|x| !a.contains(x)).cloned().collect();
            let removed = a.iter().filter(|x| !b.contains(x)).cloned().collect();
            (kind, added, removed)
        }
        (Value::Plain(_), _) => (FieldKind::Plain, Vec::new(), Vec::new()),
        _ => (FieldKind::Text, Vec::new(), Vec::new()),
    };
    FieldChange {
        field,
        old: old.flat(),
        new: new.flat(),
        added,
        removed,
        kind,
    }
}

/// The plan as an outline, one field per line under its item: what a git textconv
/// driver shows, so `git diff` reads in plan terms.
pub fn outline(p: &Plan) -> String {
    let mut out = String::new();
    for item in items(p) {
        let head = match item.kind {
            "plan" | "context" | "goal" => item.kind.to_string(),
            kind => format!("{kind} `{}`", item.key),
        };
        out.push_str(&crate::text::sanitize(&head));
        out.push('\n');
        let fields: Vec<(&str, String)> = item.fields.iter().map(|(f, v)| (*f, v.flat())).collect();
        for line in comments::outline(&item.remarks, &fields) {
            out.push_str(&crate::text::sanitize(&line));
            out.push('\n');
        }
    }
    out
}

/// What changed from `old` to `new`, in the new plan's order (removals where they were).
pub fn diff(old: &Plan, new: &Plan) -> Vec<Change> {
    let (before, after) = (items(old), items(new));
    let find = |list: &[Item], kind: &str, key: &str| {
        list.iter().position(|i| i.kind == kind && i.key == key)
    };
    let mut out = Vec::new();
    let mut removed: Vec<&Item> = before
        .iter()
        .filter(|i| find(&after, i.kind, &i.key).is_none())
        .collect();
    // Measures and outputs renamed so far (old id, new id): their readings follow them.
    let mut renamed_measures: Vec<(String, String)> = Vec::new();
    for item in &after {
        // A reading of a renamed measure is the old measure's reading, moved.
        let old_key = item.reading.as_ref().and_then(|(measure, date)| {
            let (from, _) = renamed_measures.iter().find(|(_, to)| to == measure)?;
            let key = reading_key(from, date);
            find(&before, item.kind, &item.key).is_none().then_some(key)
        });
        if let Some(key) = old_key
            && let Some(r) = removed
                .iter()
                .position(|r| r.kind == item.kind && r.key == key)
        {
            let from = removed.remove(r);
            out.push(Change::Changed {
                kind: item.kind,
                id: item.key.clone(),
                fields: field_changes(from, item),
            });
            continue;
        }
        match find(&before, item.kind, &item.key) {
            Some(b) => {
                let fields = field_changes(&before[b], item);
                if !fields.is_empty() {
                    out.push(Change::Changed {
                        kind: item.kind,
                        id: item.key.clone(),
                        fields,
                    });
                }
            }
            None => {
                // Same kind and same text under a new id: a rename, not a loss.
                let renamed = removed
                    .iter()
                    .position(|r| r.kind == item.kind && !r.text.is_empty() && r.text == item.text);
                match renamed {
                    Some(r) => {
                        let from = removed.remove(r);
                        // An output's counts are readings too, named by its id.
                        if item.kind == "measure" || item.kind == "output" {
                            renamed_measures.push((from.key.clone(), item.key.clone()));
                        }
                        out.push(Change::Renamed {
                            kind: item.kind,
                            from: from.key.clone(),
                            to: item.key.clone(),
                            fields: field_changes(from, item),
                        });
                    }
                    None => out.push(Change::Added {
                        kind: item.kind,
                        id: item.key.clone(),
                        text: item.text.clone(),
                    }),
                }
            }
        }
    }
    out.extend(removed.into_iter().map(|r| Change::Removed {
        kind: r.kind,
        id: r.key.clone(),
        text: r.text.clone(),
    }));
    out
}

#[cfg(test)]
mod tests;
