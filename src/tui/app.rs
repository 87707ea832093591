//! Application state: the plan, where it lives, and what is selected.

use std::path::PathBuf;

use super::keymap::Mode;
use crate::framework::Framework;
use crate::plan::Plan;

/// The four panes, left to right, numbered as in the guide's table (4 3 2 1).
pub const PANES: [&str; 4] = ["activities", "outputs", "intermediate-outcomes", "goal"];

#[derive(Debug, Clone)]
pub struct App {
    pub plan: Plan,
    pub path: PathBuf,
    pub fw: Framework,
    pub mode: Mode,
    /// Index into PANES; planning starts at the goal.
    pub pane: usize,
    /// Selected row in each pane.
    pub rows: [usize; 4],
}

impl App {
    pub fn new(plan: Plan, path: PathBuf, fw: Framework) -> App {
        App {
            plan,
            path,
            fw,
            mode: Mode::Normal,
            pane: 3,
            rows: [0; 4],
        }
    }

    /// The texts listed in a pane, top to bottom.
    pub fn pane_items(&self, pane: usize) -> Vec<&str> {
        match pane {
            0 => self
                .plan
                .activities
                .iter()
                .map(|a| a.text.as_str())
                .collect(),
            1 => self.plan.outputs.iter().map(|o| o.text.as_str()).collect(),
            2 => self.plan.outcomes.iter().map(|o| o.text.as_str()).collect(),
            _ if self.plan.goal.text.is_empty() => Vec::new(),
            _ => vec![self.plan.goal.text.as_str()],
        }
    }
}
