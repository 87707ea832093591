//! Why the chain should hold and how it will be known: assumptions with evidence, and
//! measures with baselines, targets and dates.

use std::collections::HashSet;

use crate::framework::Framework;
use crate::plan::Severity::{Advice, Warning};
use crate::plan::*;

use super::super::At;
use super::{Out, item};

pub(super) fn theory_explains_why(plan: &Plan, _: &Framework, out: &mut Out) {
    // What the assumptions are about, gathered once: a plan of thousands of items is
    // reviewed after every change, so each check below is a lookup, not a scan.
    let mut items: HashSet<&str> = HashSet::new();
    let mut touched: HashSet<&str> = HashSet::new();
    let mut links: HashSet<(&str, &str)> = HashSet::new();
    for a in &plan.assumptions {
        match &a.about {
            About::Item(x) => {
                items.insert(x);
                touched.insert(x);
            }
            About::Link { from, to } => {
                links.insert((from, to));
                touched.insert(from);
                touched.insert(to);
            }
        }
    }
    // An outcome's theory may be stated on the outcome or on a link into or out of it.
    for (i, o) in plan.outcomes.iter().enumerate() {
        if !touched.contains(o.id.as_str()) {
            out.push(
                Warning,
                item(&o.id),
                format!("outcome[{i}]"),
                format!(
                    "Outcome `{}` has no assumption: say why it will lead to the goal (A)",
                    o.id
                ),
            );
        }
    }
    for (i, o) in plan.outputs.iter().enumerate() {
        for to in &o.serves {
            if !links.contains(&(o.id.as_str(), to.as_str())) && !items.contains(o.id.as_str()) {
                out.push(Advice, item(&o.id), format!("output[{i}]"), format!("Why will output `{}` lead to `{to}`? State the assumption on that link (A on it in the details)", o.id));
            }
        }
    }
    let owner = |a: &Assumption| match &a.about {
        About::Item(x) => x.clone(),
        About::Link { from, .. } => from.clone(),
    };
    let evidenced: HashSet<&str> = plan
        .evidence
        .iter()
        .map(|e| e.assumption.as_str())
        .collect();
    for (i, a) in plan.assumptions.iter().enumerate() {
        if !evidenced.contains(a.id.as_str()) {
            out.push(Warning, item(&owner(a)), format!("assumption[{i}]"), format!("Assumption `{}` has no evidence: what shows it holds? (a on it in the details)", a.id));
        }
    }
    for (i, e) in plan.evidence.iter().enumerate() {
        if e.source.trim().is_empty() {
            let owner = plan
                .assumptions
                .iter()
                .find(|a| a.id == e.assumption)
                .map(owner);
            out.push(
                Warning,
                owner.map_or(At::Context, At::Item),
                format!("evidence[{i}]"),
                format!("Evidence `{}` has no source: say where it comes from", e.id),
            );
        }
    }
}

pub(super) fn evaluation_planned(plan: &Plan, _: &Framework, out: &mut Out) {
    let c = &plan.context;
    for (i, m) in plan.measures.iter().enumerate() {
        let missing: Vec<&str> = [
            (m.method.trim().is_empty(), "method"),
            (m.frequency.trim().is_empty(), "frequency"),
            (m.collected_by.trim().is_empty(), "who collects it"),
        ]
        .iter()
        .filter(|(empty, _)| *empty)
        .map(|(_, what)| *what)
        .collect();
        if !missing.is_empty() {
            out.push(
                Warning,
                item(&m.outcome),
                format!("measure[{i}]"),
                format!(
                    "Measure `{}` has no {}: plan the evaluation before the work starts",
                    m.id,
                    missing.join(", ")
                ),
            );
        }
        if let Some(d) = m.target_date {
            let before = c.start.is_some_and(|s| d < s);
            let after = c.end.is_some_and(|e| d > e);
            if before || after {
                out.push(
                    Warning,
                    item(&m.outcome),
                    format!("measure[{i}].target_date"),
                    format!(
                        "Measure `{}` has its target date {d} outside the plan's timeframe",
                        m.id
                    ),
                );
            }
        }
    }
}
