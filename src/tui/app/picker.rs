//! The indicator picker's state: what is typed, the ranked results for it, and which
//! outcome (or measure) the chosen indicator goes to.

use crate::framework::picker::Hit;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickerState {
    /// The outcome a new measure is for.
    pub outcome: String,
    /// Set when choosing a new indicator for an existing measure.
    pub replacing: Option<String>,
    pub query: String,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// Bumped on every change of query; results of an older one are dropped.
    pub generation: u64,
    /// Results for the current query are still being ranked (large banks only).
    pub pending: bool,
    /// Filters in the query that named nothing.
    pub problems: Vec<String>,
}

impl PickerState {
    pub fn new(outcome: String, replacing: Option<String>) -> PickerState {
        PickerState {
            outcome,
            replacing,
            query: String::new(),
            hits: Vec::new(),
            selected: 0,
            generation: 0,
            pending: false,
            problems: Vec::new(),
        }
    }
}
