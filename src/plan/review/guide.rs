//! What the guide asks of each item and the older rules let pass silently: an activity's
//! resources and barrier, why an indicator was chosen, an output that can be counted, a
//! number for a target that has a baseline, comparison groups for a gap, and evidence that
//! says otherwise. Each finding belongs to one of the review's rules, so it is shown,
//! grounded and waived with that rule.

use super::super::diagnostic::Severity::{Advice, Warning};
use super::super::model::*;
use super::{At, Finding};

fn finding(
    rule: &'static str,
    severity: super::super::diagnostic::Severity,
    at: &str,
    path: String,
    message: String,
) -> Finding {
    Finding {
        rule,
        severity,
        message,
        at: At::Item(at.to_string()),
        path,
        waived: None,
    }
}

/// The findings of these checks that belong to `rule`, in plan order.
pub(super) fn findings(rule: &'static str, plan: &Plan) -> Vec<Finding> {
    match rule {
        "chain-complete" => activities(plan),
        "theory-explains-why" => contradicted(plan),
        "context-specific" => described_targets(plan),
        "evaluation-planned" => measures(plan).into_iter().chain(outputs(plan)).collect(),
        _ => Vec::new(),
    }
}

/// The guide's activity column: the resources it needs and the barrier it acts on.
fn activities(plan: &Plan) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, a) in plan.activities.iter().enumerate() {
        let missing: Vec<&str> = [
            (a.resources.is_empty(), "resources"),
            (a.barrier.trim().is_empty(), "barrier"),
        ]
        .iter()
        .filter(|(empty, _)| *empty)
        .map(|(_, what)| *what)
        .collect();
        if !missing.is_empty() {
            out.push(finding(
                "chain-complete",
                Advice,
                &a.id,
                format!("activity[{i}]"),
                format!(
                    "Activity `{}` names no {}: say what it needs and which barrier to integration it acts on",
                    a.id,
                    missing.join(" and no ")
                ),
            ));
        }
    }
    out
}

/// Step 2: revise the assumption if the evidence says otherwise.
fn contradicted(plan: &Plan) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, a) in plan.assumptions.iter().enumerate() {
        let stances: Vec<Option<Stance>> = plan
            .evidence
            .iter()
            .filter(|e| e.assumption == a.id)
            .map(|e| e.stance)
            .collect();
        if !stances.is_empty() && stances.iter().all(|s| *s == Some(Stance::Contradicts)) {
            let at = match &a.about {
                About::Item(id) => id.clone(),
                About::Link { from, .. } => from.clone(),
            };
            out.push(finding(
                "theory-explains-why",
                Warning,
                &at,
                format!("assumption[{i}]"),
                format!(
                    "Assumption `{}` has only evidence that contradicts it: revise the assumption, or find evidence that supports it",
                    a.id
                ),
            ));
        }
    }
    out
}

/// Targets belong to a place and start from a baseline: where there is a baseline, the
/// target wants a number too, or progress cannot be followed.
fn described_targets(plan: &Plan) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, m) in plan.measures.iter().enumerate() {
        if m.baseline.is_some() && m.target.is_none() && !m.target_text.trim().is_empty() {
            out.push(finding(
                "context-specific",
                Advice,
                &m.outcome,
                format!("measure[{i}].target_text"),
                format!(
                    "Measure `{}` has a baseline and a target only in words: give the target as a number too, so its progress can be followed",
                    m.id
                ),
            ));
        }
    }
    out
}

/// Exercise 2 asks which indicator and why; a gap needs the two groups it is between.
fn measures(plan: &Plan) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, m) in plan.measures.iter().enumerate() {
        if m.rationale.trim().is_empty() {
            out.push(finding(
                "evaluation-planned",
                Advice,
                &m.outcome,
                format!("measure[{i}]"),
                format!(
                    "Measure `{}` does not say why this indicator was chosen: add its rationale",
                    m.id
                ),
            ));
        }
        if m.gap && m.groups.len() < 2 {
            out.push(finding(
                "evaluation-planned",
                Warning,
                &m.outcome,
                format!("measure[{i}].gap"),
                format!(
                    "Measure `{}` has its target as a gap between groups but names {} group{}: name the two groups it compares",
                    m.id,
                    m.groups.len(),
                    if m.groups.len() == 1 { "" } else { "s" }
                ),
            ));
        }
        // Written elsewhere, or before the measure had groups: it counts nowhere now.
        let ungrouped = plan
            .readings
            .iter()
            .filter(|r| !r.output && r.measure == m.id && r.group.is_empty())
            .count();
        if m.gap && m.groups.len() >= 2 && ungrouped > 0 {
            out.push(finding(
                "evaluation-planned",
                Warning,
                &m.outcome,
                format!("measure[{i}]"),
                format!(
                    "Measure `{}` is judged on the gap between its groups, but {ungrouped} of its readings name no group and count nowhere: give each reading its `group`",
                    m.id
                ),
            ));
        }
    }
    out
}

/// Outputs are tangible and usually countable: a target count makes delivery visible.
fn outputs(plan: &Plan) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, o) in plan.outputs.iter().enumerate() {
        if o.target.is_none() {
            out.push(finding(
                "evaluation-planned",
                Advice,
                &o.id,
                format!("output[{i}]"),
                format!(
                    "Output `{}` has no target count: say how many are to be delivered (48 sessions, 120 participants)",
                    o.id
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::review;
    use crate::framework::Framework;
    use crate::plan::model::*;
    use crate::plan::values::Number;

    fn cafe() -> Plan {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/language-cafe.toml");
        crate::plan::load(std::path::Path::new(path))
            .expect("example")
            .plan
    }

    /// The findings of `rule` whose message mentions `about`.
    fn found(plan: &Plan, rule: &str, about: &str) -> Vec<(crate::plan::Severity, String)> {
        let fw = Framework::builtin().expect("framework");
        review(plan, &fw)
            .into_iter()
            .filter(|f| f.rule == rule && f.message.contains(about))
            .map(|f| (f.severity, f.message))
            .collect()
    }

    #[test]
    fn an_activity_without_resources_or_barrier_gets_advice() {
        let mut p = cafe();
        assert!(found(&p, "chain-complete", "names no").is_empty());
        p.activities[0].resources.clear();
        p.activities[1].barrier = " ".into();
        let hits = found(&p, "chain-complete", "names no");
        assert_eq!(hits.len(), 2, "{hits:?}");
        assert!(hits[0].1.contains("`run-the-cafe` names no resources"));
        assert!(hits[1].1.contains("`recruit-volunteers` names no barrier"));
        assert!(hits.iter().all(|h| h.0 == crate::plan::Severity::Advice));
    }

    #[test]
    fn a_measure_without_rationale_and_an_output_without_count_get_advice() {
        let mut p = cafe();
        assert!(found(&p, "evaluation-planned", "rationale").is_empty());
        assert!(found(&p, "evaluation-planned", "target count").is_empty());
        p.measures[0].rationale.clear();
        p.outputs[1].target = None;
        assert_eq!(found(&p, "evaluation-planned", "rationale").len(), 1);
        let out = found(&p, "evaluation-planned", "target count");
        assert_eq!(out.len(), 1);
        assert!(out[0].1.contains("`supported-practice`"), "{out:?}");
    }

    #[test]
    fn a_target_only_in_words_asks_for_a_number_where_there_is_a_baseline() {
        let mut p = cafe();
        p.measures[0].target = None;
        p.measures[0].target_text = "About a third of participants".into();
        assert_eq!(found(&p, "context-specific", "only in words").len(), 1);
        // No baseline: words alone are all there is to say.
        p.measures[0].baseline = None;
        assert!(found(&p, "context-specific", "only in words").is_empty());
        p.measures[0].target = Some(Number::Int(33));
        p.measures[0].baseline = Some(Number::Int(10));
        assert!(found(&p, "context-specific", "only in words").is_empty());
    }

    #[test]
    fn an_assumption_whose_only_evidence_contradicts_it_is_a_warning() {
        let mut p = cafe();
        let a = "drop-in-fits-caring";
        let of = |p: &Plan| found(p, "theory-explains-why", a);
        assert!(of(&p).is_empty());
        for e in p.evidence.iter_mut().filter(|e| e.assumption == a) {
            e.stance = Some(Stance::Contradicts);
        }
        let hits = of(&p);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].0, crate::plan::Severity::Warning);
        // Evidence on both sides is a question for the team, not a contradiction.
        let mut other = p.evidence[2].clone();
        other.id = "another".into();
        other.stance = Some(Stance::Supports);
        p.evidence.push(other);
        assert!(of(&p).is_empty());
    }

    #[test]
    fn a_gap_target_needs_two_groups() {
        let mut p = cafe();
        let m = p
            .measures
            .iter_mut()
            .find(|m| m.gap)
            .expect("a gap measure in the café");
        m.groups.truncate(1);
        let id = m.id.clone();
        let hits = found(&p, "evaluation-planned", &id);
        assert!(
            hits.iter().any(|h| h.1.contains("names 1 group:")),
            "{hits:?}"
        );
    }

    #[test]
    fn a_reading_for_no_group_on_a_gap_measure_is_a_warning_and_refused() {
        let mut p = cafe();
        let m = p
            .measures
            .iter()
            .find(|m| m.gap)
            .expect("a gap measure")
            .clone();
        let date = crate::plan::Date::new(2026, 6, 1).expect("date");
        let refused = p.add_group_reading(&m.id, "", date, crate::plan::Number::Int(3), "", false);
        assert!(
            matches!(refused, Err(crate::plan::ReadingError::GroupNeeded { .. })),
            "{refused:?}"
        );
        assert!(
            found(&p, "evaluation-planned", &m.id)
                .iter()
                .all(|h| !h.1.contains("count nowhere"))
        );
        p.readings.push(Reading {
            measure: m.id.clone(),
            output: false,
            group: String::new(),
            date,
            value: crate::plan::Number::Int(3),
            note: String::new(),
            extra: Default::default(),
            comments: Default::default(),
        });
        let hits = found(&p, "evaluation-planned", &m.id);
        assert!(
            hits.iter()
                .any(|h| h.1.contains("1 of its readings name no group")),
            "{hits:?}"
        );
    }
}
