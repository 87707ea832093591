//! What an undo or redo changed, in the planner's words: "evidence source of 'Participants
//! have…'" rather than "Undone".

use crate::plan::Plan;
use crate::plan::diff::{Change, diff};

/// The edit that took the plan from `from` to `to`, named: its first change, and how many
/// more there were.
pub fn described(from: &Plan, to: &Plan) -> String {
    let changes = diff(from, to);
    let Some(first) = changes.first() else {
        return "no visible change".into();
    };
    // The item is named from whichever side still has it.
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
