//! Where the panes' rows come from: a pane's items read in place (a pane of thousands is
//! never listed to draw a screenful), and the selection kept inside them.

use super::{ACTIVITIES, App, OUTCOMES, OUTPUTS};
use crate::plan::GOAL_ID;

impl App {
    /// How many items a pane lists.
    pub fn pane_len(&self, pane: usize) -> usize {
        match pane {
            ACTIVITIES => self.plan().activities.len(),
            OUTPUTS => self.plan().outputs.len(),
            OUTCOMES => self.plan().outcomes.len(),
            _ => usize::from(!self.plan().goal.text.is_empty()),
        }
    }

    /// The id and text of one row of a pane, without listing the pane (which, drawn every
    /// frame for a plan of thousands, would be thousands of entries for a screenful).
    pub fn pane_row(&self, pane: usize, row: usize) -> Option<(&str, &str)> {
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

    /// The ids listed in a pane, top to bottom.
    pub fn pane_ids(&self, pane: usize) -> Vec<&str> {
        match pane {
            ACTIVITIES => self
                .plan()
                .activities
                .iter()
                .map(|a| a.id.as_str())
                .collect(),
            OUTPUTS => self.plan().outputs.iter().map(|o| o.id.as_str()).collect(),
            OUTCOMES => self.plan().outcomes.iter().map(|o| o.id.as_str()).collect(),
            _ if self.plan().goal.text.is_empty() => Vec::new(),
            _ => vec![GOAL_ID],
        }
    }

    /// The texts listed in a pane, top to bottom.
    pub fn pane_items(&self, pane: usize) -> Vec<&str> {
        match pane {
            ACTIVITIES => self
                .plan()
                .activities
                .iter()
                .map(|a| a.text.as_str())
                .collect(),
            OUTPUTS => self
                .plan()
                .outputs
                .iter()
                .map(|o| o.text.as_str())
                .collect(),
            OUTCOMES => self
                .plan()
                .outcomes
                .iter()
                .map(|o| o.text.as_str())
                .collect(),
            _ if self.plan().goal.text.is_empty() => Vec::new(),
            _ => vec![self.plan().goal.text.as_str()],
        }
    }

    /// The id selected in a pane, if it has items.
    pub fn selected_in(&self, pane: usize) -> Option<String> {
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
        for pane in 0..4 {
            let len = self.pane_len(pane);
            self.rows[pane] = self.rows[pane].min(len.saturating_sub(1));
        }
    }

    /// Selects an item by id wherever it is.
    pub fn select(&mut self, id: &str) {
        for pane in 0..4 {
            if let Some(row) = self.pane_ids(pane).iter().position(|i| *i == id) {
                self.pane = pane;
                self.rows[pane] = row;
            }
        }
    }
}
