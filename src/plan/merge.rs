//! Three-way merge of plans by item id and field, for git's merge driver. Edits to
//! different items, or to different fields of one item, merge; a long text merges line by
//! line and a list entry by entry, as git merges lines; links (`serves`) merge as sets;
//! each kind of item keeps the order both sides gave it (a three-way merge of the id
//! sequence); an id renamed on one side takes the other side's edits along. A true
//! conflict (one field changed differently on both sides, an item deleted on one side and
//! edited on the other, a merged plan `check` would reject) is never guessed: the result
//! carries git's conflict markers around the items in question, with both versions, and
//! each conflict is named for the planner.

mod items;
mod marks;
mod order;
mod rename;
mod seq;
mod sound;

pub use marks::Style;

use super::model::*;
use super::write::to_toml;
use crate::framework::Framework;
/// Which side a conflicting value is taken from when writing one version of the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pick {
    Ours,
    Theirs,
}

/// One conflict, worded for the planner: the item and the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub kind: &'static str,
    pub id: String,
    pub what: What,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// This field was changed differently on both sides.
    Field(&'static str),
    /// One side deleted the item and the other edited it.
    DeletedAndEdited,
    /// Both sides added an item with this id, differently.
    AddedTwice,
    /// One side renamed the item to the first id, the other to the second.
    RenamedTwice(String, String),
    /// The item now refers to one the other side deleted (through `field`).
    Dangling {
        field: &'static str,
        target: String,
        target_kind: &'static str,
    },
    /// Items of these kinds, added on different sides, share the id.
    SameId(Vec<&'static str>),
    /// Any other error `check` would find in the merged plan and neither side had.
    Unsound(String),
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (kind, id) = (self.kind, &self.id);
        match &self.what {
            What::Field(field) => write!(
                f,
                "{kind} `{id}`: `{field}` was changed differently on both sides"
            ),
            What::DeletedAndEdited => write!(
                f,
                "{kind} `{id}`: deleted on one side and edited on the other"
            ),
            What::AddedTwice => write!(
                f,
                "{kind} `{id}`: added on both sides with different content"
            ),
            What::RenamedTwice(a, b) => write!(
                f,
                "{kind} `{id}`: renamed to `{a}` on one side and to `{b}` on the other"
            ),
            What::Dangling {
                field,
                target,
                target_kind,
            } => {
                let what = format!("{target_kind} `{target}`");
                match *field {
                    "serves" => write!(f, "{kind} `{id}` now serves {what}")?,
                    "responsible" => write!(f, "{kind} `{id}` now names {what} as responsible")?,
                    "outcome" => write!(f, "{kind} `{id}` is now on {what}")?,
                    "about" => write!(f, "{kind} `{id}` is now about {what}")?,
                    "assumption" => write!(f, "{kind} `{id}` now supports {what}")?,
                    _ => write!(f, "{kind} `{id}` was recorded for {what}")?,
                }
                write!(f, ", which the other side deleted")
            }
            What::SameId(kinds) => {
                let named: Vec<String> = kinds.iter().map(|k| format!("{k} `{id}`")).collect();
                write!(
                    f,
                    "{} were added on different sides with the same id",
                    named.join(" and ")
                )
            }
            What::Unsound(message) => {
                write!(f, "the merged plan would fail `tocplan check`: {message}")
            }
        }
    }
}

/// The result of a merge: the file's new text, and the conflicts (empty when clean).
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub text: String,
    pub conflicts: Vec<Conflict>,
    /// The merged plan with each conflict settled for ours (the app keeps the planner's
    /// value and lists the conflicts; a file gets `text`, with both versions).
    pub ours: Plan,
}

/// Merges `ours` and `theirs`, two edits of `base`. `fw` is what `check` checks
/// indicators against; `style` is how conflict markers look.
pub fn merge(base: &Plan, ours: &Plan, theirs: &Plan, fw: &Framework, style: &Style) -> Merged {
    let mut conflicts = Vec::new();
    let sides_a = renamed(base, ours, theirs, Pick::Ours, &mut conflicts);
    let sides_b = renamed(base, ours, theirs, Pick::Theirs, &mut Vec::new());
    let with_ours = items::plan(
        &sides_a.0,
        &sides_a.1,
        &sides_a.2,
        Pick::Ours,
        &mut conflicts,
    );
    let with_theirs = items::plan(
        &sides_b.0,
        &sides_b.1,
        &sides_b.2,
        Pick::Theirs,
        &mut Vec::new(),
    );
    let mut versions = [
        sound::Version {
            plan: with_ours,
            mine: &sides_a.1,
            other: &sides_a.2,
        },
        sound::Version {
            plan: with_theirs,
            mine: &sides_b.2,
            other: &sides_b.1,
        },
    ];
    sound::settle(&mut versions, fw, &mut conflicts);
    let [a, b] = versions;
    let ours_text = to_toml(&a.plan);
    if conflicts.is_empty() {
        return Merged {
            text: ours_text,
            conflicts,
            ours: a.plan,
        };
    }
    Merged {
        text: marks::marked(&to_toml(base), &ours_text, &to_toml(&b.plan), style),
        conflicts,
        ours: a.plan,
    }
}

/// The three plans with each side's renames made in the base and on the other side. When
/// both sides renamed one item differently, `pick` says whose name this version keeps.
fn renamed(
    base: &Plan,
    ours: &Plan,
    theirs: &Plan,
    pick: Pick,
    conflicts: &mut Vec<Conflict>,
) -> (Plan, Plan, Plan) {
    let (mut o, mut a, mut b) = (base.clone(), ours.clone(), theirs.clone());
    let (ra, rb) = (rename::renames(base, ours), rename::renames(base, theirs));
    // A rename onto an id the other side has for an item of its own (one it added, or one
    // it renamed there too) is not carried across: the two would become one item, and one
    // side's links would point at the other's. Left as a deletion and an addition, the
    // same id added twice is a conflict, with both versions.
    let clear = |mine: &[(String, String)], other: &Plan, theirs_renames: &[(String, String)]| {
        let ids: std::collections::HashSet<&str> = other.ids().map(|(_, id)| id).collect();
        mine.iter()
            .filter(|(old, new)| {
                let same_rename = theirs_renames.iter().any(|(o, n)| o == old && n == new);
                same_rename || !ids.contains(new.as_str())
            })
            .cloned()
            .collect::<Vec<_>>()
    };
    let (ra, rb) = (clear(&ra, theirs, &rb), clear(&rb, ours, &ra));
    for (old, new) in &ra {
        match rb.iter().find(|(x, _)| x == old) {
            Some((_, same)) if same == new => rename::rename(&mut o, old, new),
            Some((_, other)) => {
                conflicts.push(Conflict {
                    kind: base.kind_of(old).map_or("item", Kind::table),
                    id: old.clone(),
                    what: What::RenamedTwice(new.clone(), other.clone()),
                });
                let (name, loser, side) = match pick {
                    Pick::Ours => (new, other, &mut b),
                    Pick::Theirs => (other, new, &mut a),
                };
                rename::rename(&mut o, old, name);
                rename::rename(side, loser, name);
            }
            None => {
                rename::rename(&mut o, old, new);
                rename::rename(&mut b, old, new);
            }
        }
    }
    for (old, new) in rb.iter().filter(|(x, _)| !ra.iter().any(|(y, _)| y == x)) {
        rename::rename(&mut o, old, new);
        rename::rename(&mut a, old, new);
    }
    (o, a, b)
}

#[cfg(test)]
mod tests;
