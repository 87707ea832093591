//! The four panes, left to right, numbered as in the guide's table (4 3 2 1): planning
//! starts at the goal and moves left, toward the activities.

/// A pane. Its index orders the panes left to right (activities first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pane {
    Activities,
    Outputs,
    Outcomes,
    Goal,
}

pub const ACTIVITIES: Pane = Pane::Activities;
pub const OUTPUTS: Pane = Pane::Outputs;
pub const OUTCOMES: Pane = Pane::Outcomes;
pub const GOAL: Pane = Pane::Goal;

impl Pane {
    /// Left to right.
    pub const ALL: [Pane; 4] = [ACTIVITIES, OUTPUTS, OUTCOMES, GOAL];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The worksheet's name of the pane's column.
    pub fn key(self) -> &'static str {
        match self {
            Pane::Activities => "activities",
            Pane::Outputs => "outputs",
            Pane::Outcomes => "intermediate-outcomes",
            Pane::Goal => "goal",
        }
    }

    /// The pane to the left (toward the activities); the activities stay.
    pub fn left(self) -> Pane {
        Pane::ALL[self.index().saturating_sub(1)]
    }

    /// The pane to the right (toward the goal), whose items this pane's serve; the goal
    /// stays.
    pub fn right(self) -> Pane {
        Pane::ALL[(self.index() + 1).min(3)]
    }

    /// The next pane to the right, round to the activities after the goal.
    pub fn next(self) -> Pane {
        Pane::ALL[(self.index() + 1) % 4]
    }

    /// The next pane to the left, round to the goal before the activities.
    pub fn prev(self) -> Pane {
        Pane::ALL[(self.index() + 3) % 4]
    }
}

/// Each pane's selected row.
impl std::ops::Index<Pane> for [usize; 4] {
    type Output = usize;
    fn index(&self, pane: Pane) -> &usize {
        &self[pane.index()]
    }
}

impl std::ops::IndexMut<Pane> for [usize; 4] {
    fn index_mut(&mut self, pane: Pane) -> &mut usize {
        &mut self[pane.index()]
    }
}
