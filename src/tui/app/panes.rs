//! Where the panes' rows come from: a pane's items read in place (a pane of thousands is
//! never listed to draw a screenful), and the selection kept inside them.

use super::{ACTIVITIES, App, OUTCOMES, OUTPUTS, Pane};
use crate::plan::GOAL_ID;

impl App {
    /// How many items a pane lists.
    pub fn pane_len(&self, pane: Pane) -> usize {
        match pane {
            ACTIVITIES => self.plan().activities.len(),
            OUTPUTS => self.plan().outputs.len(),
            OUTCOMES => self.plan().outcomes.len(),
            _ => usize::from(!self.plan().goal.text.is_empty()),
        }
    }

    /// The id and text of one row of a pane, without listing the pane (which, drawn every
    /// frame for a plan of thousands, would be thousands of entries for a screenful).
    pub fn pane_row(&self, pane: Pane, row: usize) -> Option<(&str, &str)> {
        match pane {
            ACTIVITIES => self
                .plan()
                .activities
                .get(row)
                .map(|a| (a.id.as_str(), a.text.as_str())),
            OUTPUTS => self
                .plan()
                .outputs
                .get(row)
                .map(|o| (o.id.as_str(), o.text.as_str())),
            OUTCOMES => self
                .plan()
                .outcomes
                .get(row)
                .map(|o| (o.id.as_str(), o.text.as_str())),
            _ if row == 0 && !self.plan().goal.text.is_empty() => {
                Some((GOAL_ID, self.plan().goal.text.as_str()))
            }
            _ => None,
        }
    }

    /// A pane's rows, top to bottom: (id, text).
    pub fn pane_rows(&self, pane: Pane) -> impl Iterator<Item = (&str, &str)> {
        (0..self.pane_len(pane)).filter_map(move |row| self.pane_row(pane, row))
    }

    /// The id selected in a pane, if it has items.
    pub fn selected_in(&self, pane: Pane) -> Option<String> {
        let row = self.rows[pane].min(self.pane_len(pane).saturating_sub(1));
        self.pane_row(pane, row).map(|(id, _)| id.to_string())
    }

    /// The selected row of the focused pane, if it has items.
    pub(super) fn selected_row(&self) -> Option<usize> {
        let len = self.pane_len(self.pane);
        (len > 0).then(|| self.rows[self.pane].min(len - 1))
    }

    pub fn selected(&self) -> Option<String> {
        self.selected_in(self.pane)
    }

    /// Keeps every pane's selection inside its list after a change.
    pub fn clamp_rows(&mut self) {
        for pane in Pane::ALL {
            let len = self.pane_len(pane);
            self.rows[pane] = self.rows[pane].min(len.saturating_sub(1));
        }
    }

    /// Selects an item by id wherever it is.
    pub fn select(&mut self, id: &str) {
        for pane in Pane::ALL {
            let found = self.pane_rows(pane).position(|(i, _)| i == id);
            if let Some(row) = found {
                self.pane = pane;
                self.rows[pane] = row;
            }
        }
    }
}
