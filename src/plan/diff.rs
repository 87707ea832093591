//! The difference between two versions of a plan, in plan terms: items matched by id (so
//! reordering is not a change), each change as added, removed, renamed or changed field
//! by field. The text, Markdown and JSON renderings live in `render`.

mod comments;
mod render;

pub use render::{Style, summary, to_json, to_markdown, to_text};

use super::model::*;
use comments::Remarks;

/// One field's old and new value, as the file writes it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub old: String,
    pub new: String,
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

/// An item as the diff sees it: its kind, its key, a line of text for headers, and its
/// fields as written.
struct Item {
    kind: &'static str,
    key: String,
    text: String,
    fields: Vec<(&'static str, String)>,
    /// Its comments, which are part of what a person wrote.
    remarks: Remarks,
}

fn list(v: &[String]) -> String {
    v.join(", ")
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map_or(String::new(), ToString::to_string)
}

/// Every item of a plan, in file order; singletons (the plan, its context, its goal) too.
fn items(p: &Plan) -> Vec<Item> {
    let c = &p.context;
    let mut out = vec![
        Item {
            kind: "plan",
            key: "plan".into(),
            remarks: Remarks::of_file(&p.comments, &p.trailing_comments),
            text: p.title.clone(),
            fields: vec![("title", p.title.clone())],
        },
        Item {
            kind: "context",
            key: "context".into(),
            remarks: Remarks::of(&c.comments),
            text: String::new(),
            fields: vec![
                ("problem", c.problem.clone()),
                ("place", c.place.clone()),
                ("start", opt(&c.start)),
                ("end", opt(&c.end)),
                (
                    "key_domains",
                    c.key_domains
                        .iter()
                        .map(u8::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                ("rights", c.rights.clone()),
            ],
        },
        Item {
            kind: "goal",
            key: GOAL_ID.into(),
            remarks: Remarks::of(&p.goal.comments),
            text: p.goal.text.clone(),
            fields: vec![
                ("text", p.goal.text.clone()),
                ("impact_evidence", p.goal.impact_evidence.clone()),
            ],
        },
    ];
    for s in &p.stakeholders {
        out.push(Item {
            kind: "stakeholder",
            key: s.id.clone(),
            remarks: Remarks::of(&s.comments),
            text: s.name.clone(),
            fields: vec![
                ("name", s.name.clone()),
                ("group", s.group.as_str().into()),
                ("role", s.role.clone()),
                ("involvement", s.involvement.clone()),
            ],
        });
    }
    for o in &p.outcomes {
        out.push(Item {
            kind: "outcome",
            key: o.id.clone(),
            remarks: Remarks::of(&o.comments),
            text: o.text.clone(),
            fields: vec![("text", o.text.clone()), ("serves", list(&o.serves))],
        });
    }
    for o in &p.outputs {
        out.push(Item {
            kind: "output",
            key: o.id.clone(),
            remarks: Remarks::of(&o.comments),
            text: o.text.clone(),
            fields: vec![("text", o.text.clone()), ("serves", list(&o.serves))],
        });
    }
    for a in &p.activities {
        out.push(Item {
            kind: "activity",
            key: a.id.clone(),
            remarks: Remarks::of(&a.comments),
            text: a.text.clone(),
            fields: vec![
                ("text", a.text.clone()),
                ("serves", list(&a.serves)),
                ("resources", a.resources.join("; ")),
                ("barrier", a.barrier.clone()),
                ("responsible", opt(&a.responsible)),
            ],
        });
    }
    for m in &p.measures {
        out.push(Item {
            kind: "measure",
            key: m.id.clone(),
            remarks: Remarks::of(&m.comments),
            text: m.indicator.clone(),
            fields: vec![
                ("outcome", m.outcome.clone()),
                ("indicator", m.indicator.clone()),
                ("baseline", opt(&m.baseline)),
                ("target", opt(&m.target)),
                ("target_date", opt(&m.target_date)),
                ("method", m.method.clone()),
                ("sample", m.sample.clone()),
                ("frequency", m.frequency.clone()),
                ("collected_by", m.collected_by.clone()),
            ],
        });
    }
    for a in &p.assumptions {
        let about = match &a.about {
            About::Item(i) => i.clone(),
            About::Link { from, to } => format!("{from} -> {to}"),
        };
        out.push(Item {
            kind: "assumption",
            key: a.id.clone(),
            remarks: Remarks::of(&a.comments),
            text: a.text.clone(),
            fields: vec![("about", about), ("text", a.text.clone())],
        });
    }
    for e in &p.evidence {
        out.push(Item {
            kind: "evidence",
            key: e.id.clone(),
            remarks: Remarks::of(&e.comments),
            text: e.text.clone(),
            fields: vec![
                ("assumption", e.assumption.clone()),
                ("kind", e.kind.map_or(String::new(), |k| k.as_str().into())),
                ("text", e.text.clone()),
                ("source", e.source.clone()),
            ],
        });
    }
    for r in &p.readings {
        out.push(Item {
            kind: "reading",
            key: format!("{} on {}", r.measure, r.date),
            remarks: Remarks::of(&r.comments),
            text: format!("{} = {}", r.measure, r.value),
            fields: vec![("value", r.value.to_string()), ("note", r.note.clone())],
        });
    }
    for w in &p.waivers {
        out.push(Item {
            kind: "waiver",
            key: w.rule.clone(),
            remarks: Remarks::of(&w.comments),
            text: w.reason.clone(),
            fields: vec![("reason", w.reason.clone())],
        });
    }
    out
}

fn field_changes(old: &Item, new: &Item) -> Vec<FieldChange> {
    let mut changes: Vec<FieldChange> = old
        .fields
        .iter()
        .zip(&new.fields)
        .filter(|(a, b)| a.1 != b.1)
        .map(|(a, b)| FieldChange {
            field: a.0,
            old: a.1.clone(),
            new: b.1.clone(),
        })
        .collect();
    changes.extend(comments::changes(&old.remarks, &new.remarks));
    changes
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
        for line in comments::outline(&item.remarks, &item.fields) {
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
    for item in &after {
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
