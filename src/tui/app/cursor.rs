//! One cursor for every list and scrolled view: a position moved by the same actions
//! everywhere and always within a bound known when it moves, so nothing is clamped only
//! while drawing (a position past the end could never come back: `G` then `k` did
//! nothing).

use crate::tui::keymap::Action;

/// How far PageUp and PageDown move.
pub const PAGE: usize = 8;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    at: usize,
}

impl Cursor {
    pub fn at(self) -> usize {
        self.at
    }

    /// Puts the cursor at `at`, within `len` positions.
    pub fn set(&mut self, at: usize, len: usize) {
        self.at = at.min(len.saturating_sub(1));
    }

    /// Moves for a movement action over `len` positions; false if `action` is no move.
    pub fn step(&mut self, action: Action, len: usize) -> bool {
        match moved(self.at, action, len) {
            Some(at) => {
                self.at = at;
                true
            }
            None => false,
        }
    }

    /// Keeps the cursor within `len` positions (the list shrank).
    pub fn clamp(&mut self, len: usize) {
        self.set(self.at, len);
    }
}

/// Where a movement action takes position `at` in a list of `len`; `None` if it is no
/// movement. The panes' rows move by this too.
pub fn moved(at: usize, action: Action, len: usize) -> Option<usize> {
    let last = len.saturating_sub(1);
    Some(match action {
        Action::Down => (at + 1).min(last),
        Action::Up => at.saturating_sub(1).min(last),
        Action::PageDown => (at + PAGE).min(last),
        Action::PageUp => at.saturating_sub(PAGE).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stay_within_the_bound_so_every_move_is_seen() {
        let mut c = Cursor::default();
        assert!(c.step(Action::Bottom, 10));
        assert_eq!(c.at(), 9);
        c.step(Action::Up, 10);
        assert_eq!(c.at(), 8);
        c.step(Action::PageDown, 10);
        assert_eq!(c.at(), 9);
        c.step(Action::PageUp, 10);
        assert_eq!(c.at(), 1);
        assert!(!c.step(Action::Save, 10));
        c.step(Action::Down, 0);
        assert_eq!(c.at(), 0);
        c.set(40, 5);
        assert_eq!(c.at(), 4);
    }
}
