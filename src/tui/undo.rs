//! What an undo or redo changed, in the planner's words: the action that made the change
//! ("deleted intermediate outcome 'Each family…'", "renamed output `a` to `b`"), not the
//! first field it happened to touch, nor "Undone".

use crate::plan::diff::{Change, diff};
use crate::plan::{Kind, Plan};

/// The action a change was made by, kept with it in the history so undo and redo can
/// name it. Every place that changes the plan says which it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// One field set from text: named by the field and the item it is in.
    Field,
    /// An item of this kind added (its id is found in the plan after).
    Add(Kind),
    Delete(String),
    Link {
        from: String,
        to: String,
    },
    Unlink {
        from: String,
        to: String,
    },
    Rename {
        old: String,
        new: String,
    },
    /// A reading of a measure, or a count of an output, recorded.
    Record(String),
    /// The plan as read from its file again (a reload, a recovery copy).
    ReadIn,
}

/// The action that took the plan from `from` to `to`, named (for undo, `from` is the plan
/// before the change, which is the plan after the undo).
pub fn label(edit: &Edit, from: &Plan, to: &Plan) -> String {
    // An item is named from whichever side still has it.
    let named = |id: &str| {
        if to.kind_of(id).is_some() {
            to.named(id)
        } else {
            from.named(id)
        }
    };
    match edit {
        Edit::Field => described(from, to),
        Edit::Add(kind) => to
            .ids()
            .find(|(k, id)| k == kind && from.kind_of(id).is_none())
            .map_or_else(
                || format!("added an {}", kind.noun()),
                |(_, id)| format!("added {}", to.named(id)),
            ),
        Edit::Delete(id) => format!("deleted {}", named(id)),
        Edit::Link { from: a, to: b } => format!("linked {} to {}", named(a), named(b)),
        Edit::Unlink { from: a, to: b } => format!("unlinked {} from {}", named(a), named(b)),
        Edit::Rename { old, new } => {
            let kind = to
                .kind_of(new)
                .or_else(|| from.kind_of(new))
                .map_or("item", Kind::noun);
            format!("renamed {kind} `{old}` to `{new}`")
        }
        Edit::Record(id) => match to.kind_of(id).or_else(|| from.kind_of(id)) {
            Some(Kind::Output) => format!("recorded a count of {}", named(id)),
            _ => format!("recorded a reading of {}", named(id)),
        },
        Edit::ReadIn => "the plan as read from disk (a reload or a recovery copy)".into(),
    }
}

/// The edit that took the plan from `from` to `to`, named: its first change, and how many
/// more there were. For a field edit, where the first change is the whole change.
pub fn described(from: &Plan, to: &Plan) -> String {
    let changes = diff(from, to);
    let Some(first) = changes.first() else {
        return "no visible change".into();
    };
    let named = |id: &str| {
        if to.kind_of(id).is_some() {
            to.named(id)
        } else {
            from.named(id)
        }
    };
    let what = match first {
        Change::Added { id, .. } => format!("added {}", named(id)),
        Change::Removed { id, .. } => format!("deleted {}", named(id)),
        Change::Renamed { kind, from, to, .. } => format!("{kind} id `{from}` renamed `{to}`"),
        Change::Changed { id, fields, .. } => {
            let field = match fields.as_slice() {
                [one] => one.field.to_string(),
                _ => format!("{} fields", fields.len()),
            };
            format!("{field} of {}", named(id))
        }
    };
    match changes.len() {
        1 => what,
        2 => format!("{what}, and 1 more change"),
        n => format!("{what}, and {} more changes", n - 1),
    }
}
