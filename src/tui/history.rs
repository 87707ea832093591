//! Undo and redo for every change: the difference each change made (not a copy of the
//! plan, which at 10,000 items would be megabytes a change), each tagged with the version
//! it had, so undoing back to the saved state clears the unsaved mark.

use std::collections::VecDeque;

use super::undo::Edit;
use crate::plan::Plan;
use crate::plan::delta::Delta;

/// How many changes can be undone.
const LIMIT: usize = 500;

/// A change as kept: how to step over it, the version it leads to, and the action it was.
#[derive(Debug, Clone)]
struct Entry {
    delta: Delta,
    version: u64,
    edit: Edit,
}

#[derive(Debug, Clone, Default)]
pub struct History {
    /// Oldest first; a deque, as the oldest goes when the limit is reached.
    past: VecDeque<Entry>,
    future: Vec<Entry>,
}

impl History {
    /// Remembers how to get from `after` back to `before`, the plan before a change;
    /// false (and nothing remembered) if the two are the same.
    pub fn record(&mut self, before: &Plan, after: &Plan, version: u64, edit: Edit) -> bool {
        let back = Delta::between(before, after);
        !back.is_empty() && self.record_back(back, after, version, edit)
    }

    /// Remembers `back`, taken before a change, if the change made a difference to `after`.
    pub fn record_back(&mut self, back: Delta, after: &Plan, version: u64, edit: Edit) -> bool {
        if !back.differs_from(after) {
            return false;
        }
        self.past.push_back(Entry {
            delta: back,
            version,
            edit,
        });
        if self.past.len() > LIMIT {
            self.past.pop_front();
        }
        self.future.clear();
        true
    }

    /// Steps back; returns the action undone, `None` when there is nothing to undo.
    pub fn undo(&mut self, plan: &mut Plan, version: &mut u64) -> Option<Edit> {
        let e = self.past.pop_back()?;
        let edit = e.edit.clone();
        self.future.push(Entry {
            delta: e.delta.apply(plan),
            version: *version,
            edit: e.edit,
        });
        *version = e.version;
        Some(edit)
    }

    /// Steps forward again; returns the action redone, `None` when there is nothing to redo.
    pub fn redo(&mut self, plan: &mut Plan, version: &mut u64) -> Option<Edit> {
        let e = self.future.pop()?;
        let edit = e.edit.clone();
        self.past.push_back(Entry {
            delta: e.delta.apply(plan),
            version: *version,
            edit: e.edit,
        });
        *version = e.version;
        Some(edit)
    }
}
