//! Undo and redo for every change: the difference each change made (not a copy of the
//! plan, which at 10,000 items would be megabytes a change), each tagged with the version
//! it had, so undoing back to the saved state clears the unsaved mark.

use std::collections::VecDeque;

use crate::plan::Plan;
use crate::plan::delta::Delta;

/// How many changes can be undone.
const LIMIT: usize = 500;

#[derive(Debug, Clone, Default)]
pub struct History {
    /// Oldest first; a deque, as the oldest goes when the limit is reached.
    past: VecDeque<(Delta, u64)>,
    future: Vec<(Delta, u64)>,
}

impl History {
    /// Remembers how to get from `after` back to `before`, the plan before a change;
    /// false (and nothing remembered) if the two are the same.
    pub fn record(&mut self, before: &Plan, after: &Plan, version: u64) -> bool {
        let back = Delta::between(before, after);
        !back.is_empty() && self.record_back(back, after, version)
    }

    /// Remembers `back`, taken before a change, if the change made a difference to `after`.
    pub fn record_back(&mut self, back: Delta, after: &Plan, version: u64) -> bool {
        if !back.differs_from(after) {
            return false;
        }
        self.past.push_back((back, version));
        if self.past.len() > LIMIT {
            self.past.pop_front();
        }
        self.future.clear();
        true
    }

    /// Steps back; returns false when there is nothing to undo.
    pub fn undo(&mut self, plan: &mut Plan, version: &mut u64) -> bool {
        let Some((back, v)) = self.past.pop_back() else {
            return false;
        };
        self.future.push((back.apply(plan), *version));
        *version = v;
        true
    }

    /// Steps forward again; returns false when there is nothing to redo.
    pub fn redo(&mut self, plan: &mut Plan, version: &mut u64) -> bool {
        let Some((forward, v)) = self.future.pop() else {
            return false;
        };
        self.past.push_back((forward.apply(plan), *version));
        *version = v;
        true
    }
}
