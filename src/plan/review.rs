//! The review: the framework's key principles and the guide's Theory of Change rules,
//! applied to a plan. Each finding names its rule, the item it concerns and a one-line
//! message; the framework's reason comes from the worksheet data. A team can switch a
//! rule off in the file (`[[waiver]]`, with a reason): its findings stay visible, marked
//! as waived, and no longer fail `check`.

mod guide;
mod rules;

use super::diagnostic::{Diagnostic, Severity, SourceMap};
use super::model::Plan;
use crate::framework::Framework;

/// The rules in the order the review shows them, with a title for each.
pub const RULES: [(&str, &str); 9] = [
    ("chain-complete", "The chain is complete"),
    ("multi-dimensional", "Integration is multi-dimensional"),
    ("social-connections", "Social connections are measured"),
    ("multi-directional", "Integration is multi-directional"),
    (
        "shared-responsibility",
        "Integration is a shared responsibility",
    ),
    ("context-specific", "Integration is context specific"),
    ("theory-explains-why", "Your theory explains why"),
    (
        "evaluation-planned",
        "The evaluation is planned before the work starts",
    ),
    ("key-domains", "Thinking with the framework (Exercise 1)"),
];

/// Where a finding is shown in the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum At {
    /// The goal, an outcome, an output or an activity (or a measure, assumption or
    /// evidence, which live in their item's details: this is that item).
    Item(String),
    Stakeholders,
    Context,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub at: At,
    /// Where it is in the file (`outcome[2]`, `context.place`), for line and column.
    pub path: String,
    pub waived: Option<String>,
}

impl Finding {
    /// The framework's reason for the rule, in one sentence.
    pub fn reason<'a>(&self, fw: &'a Framework) -> &'a str {
        fw.worksheet
            .review_reason(self.rule)
            .map_or("", |r| r.reason.as_str())
    }

    /// Counts against the plan: not advice, not waived.
    pub fn counts(&self) -> bool {
        self.waived.is_none() && self.severity != Severity::Advice
    }

    pub fn to_diagnostic(&self, source: &SourceMap) -> Diagnostic {
        Diagnostic {
            severity: self.severity,
            pos: source.get(&self.path),
            message: self.message.clone(),
            rule: Some(self.rule),
            waived: self.waived.clone(),
        }
    }
}

/// The review of a plan, rule by rule in `RULES` order.
pub fn review(plan: &Plan, fw: &Framework) -> Vec<Finding> {
    let mut out = rules::all(plan, fw);
    for f in &mut out {
        f.waived = plan
            .waivers
            .iter()
            .find(|w| w.rule == f.rule)
            .map(|w| w.reason.clone());
    }
    out
}

/// The title of a rule, for grouping.
pub fn title(rule: &str) -> &'static str {
    RULES
        .iter()
        .find(|(id, _)| *id == rule)
        .map_or("Other", |(_, t)| t)
}

#[cfg(test)]
mod tests;

/// "2 warnings · 5 advice · 1 waived", or that the plan is clear.
pub fn summary(findings: &[Finding]) -> String {
    let count = |s: Severity| {
        findings
            .iter()
            .filter(|f| f.severity == s && f.waived.is_none())
            .count()
    };
    let waived = findings.iter().filter(|f| f.waived.is_some()).count();
    let mut parts = Vec::new();
    for (n, one, many) in [
        (count(Severity::Error), "error", "errors"),
        (count(Severity::Warning), "warning", "warnings"),
        (count(Severity::Advice), "advice", "advice"),
        (waived, "waived", "waived"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
    }
    if parts.is_empty() {
        "review clear".into()
    } else {
        parts.join(" · ")
    }
}
