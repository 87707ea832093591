//! Undo and redo for every change: whole-plan snapshots, each tagged with the version it
//! had, so undoing back to the saved state clears the unsaved mark.

use crate::plan::Plan;

/// How many changes can be undone.
const LIMIT: usize = 500;

#[derive(Debug, Clone, Default)]
pub struct History {
    past: Vec<(Plan, u64)>,
    future: Vec<(Plan, u64)>,
}

impl History {
    /// Remembers the plan as it was before a change.
    pub fn record(&mut self, before: Plan, version: u64) {
        self.past.push((before, version));
        if self.past.len() > LIMIT {
            self.past.remove(0);
        }
        self.future.clear();
    }

    /// Steps back; returns false when there is nothing to undo.
    pub fn undo(&mut self, plan: &mut Plan, version: &mut u64) -> bool {
        let Some((before, v)) = self.past.pop() else {
            return false;
        };
        let now = std::mem::replace(plan, before);
        self.future.push((now, *version));
        *version = v;
        true
    }

    /// Steps forward again; returns false when there is nothing to redo.
    pub fn redo(&mut self, plan: &mut Plan, version: &mut u64) -> bool {
        let Some((after, v)) = self.future.pop() else {
            return false;
        };
        let now = std::mem::replace(plan, after);
        self.past.push((now, *version));
        *version = v;
        true
    }
}
