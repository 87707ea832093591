//! Every field a planner edits as text, read and written one way, so the app's forms (and
//! anything else) can edit a plan without knowing its structure. Values are checked here:
//! a bad date, an unknown domain or group is refused with what to write instead.

use super::model::*;
use super::values::Date;

/// A field of the plan, by the item it belongs to. (Serialisable: a recovery copy names
/// the field that was being edited.)
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Field {
    Title,
    Problem,
    Place,
    Start,
    End,
    KeyDomains,
    Rights,
    GoalText,
    ImpactEvidence,
    /// The text of an outcome, output or activity.
    Text(String),
    Resources(String),
    Barrier(String),
    Responsible(String),
    Partners(String),
    OutputTarget(String),
    OutputUnit(String),
    AssumptionText(String),
    EvidenceText(String),
    EvidenceSource(String),
    EvidenceKind(String),
    EvidenceStance(String),
    EvidenceLimitations(String),
    StakeholderName(String),
    StakeholderGroup(String),
    StakeholderRole(String),
    StakeholderInvolvement(String),
    StakeholderAgreed(String),
    MeasureIndicator(String),
    MeasureRationale(String),
    MeasureGroups(String),
    MeasureBaseline(String),
    MeasureTarget(String),
    MeasureTargetText(String),
    MeasureGap(String),
    MeasureTargetDate(String),
    MeasureMethod(String),
    MeasureSample(String),
    MeasureFrequency(String),
    MeasureCollectedBy(String),
    MeasureAnalysis(String),
}

/// How a field is written, which decides how it is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One line of text.
    Line,
    /// Text that may run over several lines.
    Prose,
    /// A list, one entry per line.
    List,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// Domain numbers or names, separated by commas.
    Domains,
    /// One of a fixed set of values (see `Plan::choices`).
    Choice,
    /// A number, whole or decimal.
    Number,
    /// An indicator id, chosen with the picker.
    Indicator,
}

impl Shape {
    /// The text kept for a value typed as `text`, the same on every path that keeps text
    /// (editing a field, making a new item, assumption, evidence or stakeholder):
    /// - long text and lists: line endings become line feeds (CRLF and a lone CR are both
    ///   a line break, as the editor takes them), the ends are trimmed, and a list drops
    ///   its blank entries and trims each one;
    /// - everything else is one line: each run of whitespace (line breaks, tabs, U+2028,
    ///   no-break spaces, ...) becomes one space, and the ends are trimmed.
    ///
    /// Every other character is kept exactly, and the plan file keeps what this gives.
    pub fn kept(self, text: &str) -> String {
        match self {
            Shape::Prose | Shape::List => {
                let lf = text.replace("\r\n", "\n").replace('\r', "\n");
                if self == Shape::Prose {
                    return lf.trim().to_string();
                }
                lf.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n")
            }
            _ => text.split_whitespace().collect::<Vec<_>>().join(" "),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    #[error("the plan is read-only; nothing was changed")]
    ReadOnly,
    #[error("`{0}` is not in this plan any more")]
    Missing(String),
    #[error("{0}")]
    BadDate(String),
    #[error("the end ({end}) would come before the start ({start}); change one of them")]
    DateOrder { start: Date, end: Date },
    #[error(
        "the target date ({target}) would come before the plan starts ({start}); give a later date, or move the plan's start first"
    )]
    TargetBeforeStart { target: Date, start: Date },
    #[error(
        "measure `{measure}` has its target date ({target}) before that start ({start}); change its target date first, or give an earlier start"
    )]
    StartAfterTarget {
        measure: String,
        target: Date,
        start: Date,
    },
    #[error("`{0}` is not a domain; write numbers 1-14 or names, e.g. 9, social bridges, work")]
    BadDomain(String),
    #[error(
        "`{0}` is not a stakeholder group; choose newcomers, receiving-community or institutions"
    )]
    BadGroup(String),
    #[error("`{0}` is not a kind of evidence; choose qualitative, statistical or mixed")]
    BadEvidenceKind(String),
    #[error("`{0}` is not what evidence can say; choose supports, contradicts or untested")]
    BadStance(String),
    #[error("`{0}` is not one of the five agreements; write one per line: {1}")]
    BadAgreement(String, String),
    #[error("`{0}` is not yes or no")]
    BadYesNo(String),
    #[error(
        "`{0}` is not a stakeholder in this plan; write one id or name per line ({1}), or add them first (S)"
    )]
    BadStakeholder(String, String),
    #[error("{0} cannot be empty")]
    Empty(&'static str),
    #[error("`{0}` is not a number; write one such as 40 or 12.5")]
    BadNumber(String),
    #[error("`{0}` is not an indicator in any loaded bank; choose one with the picker (m)")]
    BadIndicator(String),
}

impl Field {
    /// The plan's context, in the order its form shows them (and the search reads them).
    pub fn context() -> [Field; 7] {
        [
            Field::Title,
            Field::Problem,
            Field::Place,
            Field::Start,
            Field::End,
            Field::KeyDomains,
            Field::Rights,
        ]
    }

    /// A measure's fields in the order its form shows them (and the search reads them):
    /// whether the target is a gap only once there are two groups to be between.
    pub fn of_measure(m: &super::model::Measure) -> Vec<Field> {
        let id = || m.id.clone();
        let mut out = vec![
            Field::MeasureIndicator(id()),
            Field::MeasureRationale(id()),
            Field::MeasureGroups(id()),
            Field::MeasureBaseline(id()),
            Field::MeasureTarget(id()),
            Field::MeasureTargetText(id()),
        ];
        if m.groups.len() >= 2 {
            out.push(Field::MeasureGap(id()));
        }
        out.extend([
            Field::MeasureTargetDate(id()),
            Field::MeasureMethod(id()),
            Field::MeasureSample(id()),
            Field::MeasureFrequency(id()),
            Field::MeasureCollectedBy(id()),
            Field::MeasureAnalysis(id()),
        ]);
        out
    }

    /// The label a planner reads beside the value.
    pub fn label(&self) -> &'static str {
        match self {
            Field::Title => "Title",
            Field::Problem => "Integration problem",
            Field::Place => "Place",
            Field::Start => "Start",
            Field::End => "End",
            Field::KeyDomains => "Key domains",
            Field::Rights => "Rights and responsibilities",
            Field::GoalText | Field::Text(_) => "Text",
            Field::ImpactEvidence => "Evidence of long-term impact",
            Field::Resources(_) => "Resources",
            Field::Barrier(_) => "Barrier",
            Field::Responsible(_) => "Responsible",
            Field::Partners(_) => "Partners",
            Field::OutputTarget(_) => "Target count",
            Field::OutputUnit(_) => "Counted in",
            Field::AssumptionText(_) => "Assumption",
            Field::EvidenceText(_) => "Evidence",
            Field::EvidenceSource(_) => "Source",
            Field::EvidenceKind(_) => "Kind",
            Field::EvidenceStance(_) => "Stance",
            Field::EvidenceLimitations(_) => "Limitations",
            Field::StakeholderName(_) => "Name",
            Field::StakeholderGroup(_) => "Group",
            Field::StakeholderRole(_) => "Role",
            Field::StakeholderInvolvement(_) => "How they take part",
            Field::StakeholderAgreed(_) => "Agreed to",
            Field::MeasureIndicator(_) => "Indicator",
            Field::MeasureRationale(_) => "Why this indicator",
            Field::MeasureGroups(_) => "Groups compared",
            Field::MeasureBaseline(_) => "Baseline",
            Field::MeasureTarget(_) => "Target",
            Field::MeasureTargetText(_) => "Target in words",
            Field::MeasureGap(_) => "Target is the gap",
            Field::MeasureTargetDate(_) => "Target date",
            Field::MeasureMethod(_) => "Data source and method",
            Field::MeasureSample(_) => "Sample",
            Field::MeasureFrequency(_) => "Frequency",
            Field::MeasureCollectedBy(_) => "Who collects it",
            Field::MeasureAnalysis(_) => "How it is analysed",
        }
    }

    pub fn shape(&self) -> Shape {
        match self {
            Field::Problem | Field::Rights | Field::ImpactEvidence => Shape::Prose,
            Field::EvidenceText(_) | Field::MeasureRationale(_) => Shape::Prose,
            Field::EvidenceLimitations(_) | Field::MeasureAnalysis(_) => Shape::Prose,
            Field::Resources(_) | Field::MeasureGroups(_) => Shape::List,
            // Stakeholders by id or name, one per line: more than one may share it.
            Field::Responsible(_) | Field::Partners(_) | Field::StakeholderAgreed(_) => Shape::List,
            Field::OutputTarget(_) => Shape::Number,
            Field::Start | Field::End | Field::MeasureTargetDate(_) => Shape::Date,
            Field::MeasureBaseline(_) | Field::MeasureTarget(_) => Shape::Number,
            Field::MeasureIndicator(_) => Shape::Indicator,
            Field::KeyDomains => Shape::Domains,
            Field::StakeholderGroup(_)
            | Field::EvidenceKind(_)
            | Field::EvidenceStance(_)
            | Field::MeasureGap(_) => Shape::Choice,
            _ => Shape::Line,
        }
    }

    /// The id of the item the field belongs to; `None` for the plan's own fields.
    pub fn owner(&self) -> Option<&str> {
        match self {
            Field::Title
            | Field::Problem
            | Field::Place
            | Field::Start
            | Field::End
            | Field::KeyDomains
            | Field::Rights => None,
            Field::GoalText | Field::ImpactEvidence => Some(GOAL_ID),
            Field::Text(id)
            | Field::Resources(id)
            | Field::Barrier(id)
            | Field::Responsible(id)
            | Field::Partners(id)
            | Field::OutputTarget(id)
            | Field::OutputUnit(id)
            | Field::AssumptionText(id)
            | Field::EvidenceText(id)
            | Field::EvidenceSource(id)
            | Field::EvidenceKind(id)
            | Field::EvidenceStance(id)
            | Field::EvidenceLimitations(id)
            | Field::StakeholderName(id)
            | Field::StakeholderGroup(id)
            | Field::StakeholderRole(id)
            | Field::StakeholderInvolvement(id)
            | Field::StakeholderAgreed(id)
            | Field::MeasureIndicator(id)
            | Field::MeasureRationale(id)
            | Field::MeasureGroups(id)
            | Field::MeasureBaseline(id)
            | Field::MeasureTarget(id)
            | Field::MeasureTargetText(id)
            | Field::MeasureGap(id)
            | Field::MeasureTargetDate(id)
            | Field::MeasureMethod(id)
            | Field::MeasureSample(id)
            | Field::MeasureFrequency(id)
            | Field::MeasureCollectedBy(id)
            | Field::MeasureAnalysis(id) => Some(id),
        }
    }

    /// Fields that must keep some text.
    fn required(&self) -> bool {
        matches!(
            self,
            Field::Title
                | Field::GoalText
                | Field::Text(_)
                | Field::AssumptionText(_)
                | Field::EvidenceText(_)
                | Field::StakeholderName(_)
                | Field::MeasureIndicator(_)
        )
    }
}

mod access;
mod regroup;
mod value;

pub use access::parse_number;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod valid_tests;
