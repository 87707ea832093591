//! Three-way merge of plans by item id and field, for git's merge driver. Edits to
//! different items, or to different fields of one item, merge; links (`serves`) merge as
//! sets. A true conflict (one field changed differently on both sides, or an item deleted
//! on one side and edited on the other) is never guessed: the result carries git's
//! conflict markers around the items in question, with both versions, and each conflict
//! is named for the planner.

mod items;

use similar::{DiffTag, TextDiff};

use super::model::*;
use super::write::to_toml;

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
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (kind, id) = (self.kind, &self.id);
        match self.what {
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
        }
    }
}

/// The result of a merge: the file's new text, and the conflicts (empty when clean).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub text: String,
    pub conflicts: Vec<Conflict>,
}

pub fn merge(base: &Plan, ours: &Plan, theirs: &Plan) -> Merged {
    let mut conflicts = Vec::new();
    let with_ours = items::plan(base, ours, theirs, Pick::Ours, &mut conflicts);
    let ours_text = to_toml(&with_ours);
    if conflicts.is_empty() {
        return Merged {
            text: ours_text,
            conflicts,
        };
    }
    let with_theirs = items::plan(base, ours, theirs, Pick::Theirs, &mut Vec::new());
    let theirs_text = to_toml(&with_theirs);
    Merged {
        text: marked(&ours_text, &theirs_text),
        conflicts,
    }
}

/// The two versions as one text, with git's conflict markers where they differ.
fn marked(ours: &str, theirs: &str) -> String {
    let diff = TextDiff::from_lines(ours, theirs);
    let (a, b): (Vec<&str>, Vec<&str>) = (
        ours.split_inclusive('\n').collect(),
        theirs.split_inclusive('\n').collect(),
    );
    let mut out = String::new();
    for op in diff.ops() {
        let (tag, old, new) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            out.extend(a[old].iter().copied());
            continue;
        }
        out.push_str("<<<<<<< ours\n");
        out.extend(a[old].iter().copied());
        out.push_str("=======\n");
        out.extend(b[new].iter().copied());
        out.push_str(">>>>>>> theirs\n");
    }
    out
}

#[cfg(test)]
mod tests;
