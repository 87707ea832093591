//! How outcomes are measured and what was read: measures with the evaluation plan's
//! columns, and readings of measures (for a group, or the whole sample) and of outputs.

use super::super::comments::Comments;
use super::super::values::{Date, Extra, Number};

/// How an outcome is measured: an indicator from a bank, with the evaluation plan's columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub id: String,
    pub outcome: String,
    pub indicator: String,
    /// Why this indicator (Exercise 2: "Which indicator have you chosen and why?").
    pub rationale: String,
    /// The groups it is read for ("women in the target group", "all residents of the
    /// ward"): integration is measured for newcomers and the receiving community alike.
    pub groups: Vec<String>,
    pub baseline: Option<Number>,
    pub target: Option<Number>,
    /// A target a number cannot say ("about a third of participants"), beside or instead
    /// of the number; progress is computed only from the number.
    pub target_text: String,
    /// The baseline and target are the gap between the first two groups (first minus
    /// second), so progress is parity: the gap closing.
    pub gap: bool,
    pub target_date: Option<Date>,
    pub method: String,
    pub sample: String,
    pub frequency: String,
    pub collected_by: String,
    /// How the data will be analysed (the evaluation template's analysis column).
    pub analysis: String,
    pub extra: Extra,
    pub comments: Comments,
}

impl Measure {
    /// A measure of `outcome` by `indicator` with every other column still to fill in.
    pub fn new(id: &str, outcome: &str, indicator: &str) -> Measure {
        Measure {
            id: id.to_string(),
            outcome: outcome.to_string(),
            indicator: indicator.to_string(),
            rationale: String::new(),
            groups: Vec::new(),
            baseline: None,
            target: None,
            target_text: String::new(),
            gap: false,
            target_date: None,
            method: String::new(),
            sample: String::new(),
            frequency: String::new(),
            collected_by: String::new(),
            analysis: String::new(),
            extra: Extra::new(),
            comments: Comments::default(),
        }
    }
}

/// One monitoring value of a measure (or a count of an output); identified by (measure,
/// group, date).
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The id of the measure, or of the output when `output` is set.
    pub measure: String,
    /// A count of an output (`output = "id"` in the file) rather than a measure's value.
    pub output: bool,
    /// The comparison group it was read for, one of the measure's `groups`; empty for all.
    pub group: String,
    pub date: Date,
    pub value: Number,
    pub note: String,
    pub extra: Extra,
    pub comments: Comments,
}
