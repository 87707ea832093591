//! One function per rule; each pushes what it finds. This file runs them in order and holds
//! the rules on the chain and the context; the domains measured are `rules/domains.rs`, who
//! takes part `rules/people.rs`, assumptions and the evaluation `rules/theory.rs`.

use super::super::diagnostic::Severity::{self, Warning};
use super::super::model::*;
use super::{At, Finding};
use crate::framework::Framework;
use std::collections::{HashMap, HashSet};

mod domains;
mod people;
mod theory;

use domains::{key_domains, multi_dimensional, social_connections};
use people::{multi_directional, shared_responsibility};
use theory::{evaluation_planned, theory_explains_why};

struct Out<'a> {
    rule: &'static str,
    found: &'a mut Vec<Finding>,
}

impl Out<'_> {
    fn push(&mut self, severity: Severity, at: At, path: String, message: String) {
        self.found.push(Finding {
            rule: self.rule,
            severity,
            message,
            at,
            path,
            waived: None,
        });
    }
}

type Rule = fn(&Plan, &Framework, &mut Out);

pub fn all(plan: &Plan, fw: &Framework) -> Vec<Finding> {
    let mut found = Vec::new();
    let rules: [(&'static str, Rule); 9] = [
        ("chain-complete", chain_complete),
        ("multi-dimensional", multi_dimensional),
        ("social-connections", social_connections),
        ("multi-directional", multi_directional),
        ("shared-responsibility", shared_responsibility),
        ("context-specific", context_specific),
        ("theory-explains-why", theory_explains_why),
        ("evaluation-planned", evaluation_planned),
        ("key-domains", key_domains),
    ];
    for (rule, check) in rules {
        check(
            plan,
            fw,
            &mut Out {
                rule,
                found: &mut found,
            },
        );
        found.extend(super::guide::findings(rule, plan));
    }
    found
}

fn item(id: &str) -> At {
    At::Item(id.to_string())
}

/// Outcomes that lead to the goal, directly or through other outcomes (linear: a walk
/// back from the goal over the links into each outcome).
fn reach_goal(plan: &Plan) -> HashSet<&str> {
    let mut into: HashMap<&str, Vec<&str>> = HashMap::new();
    for o in &plan.outcomes {
        for s in &o.serves {
            into.entry(s.as_str()).or_default().push(&o.id);
        }
    }
    let mut reached: HashSet<&str> = HashSet::from([GOAL_ID]);
    let mut stack = vec![GOAL_ID];
    while let Some(id) = stack.pop() {
        for from in into.get(id).into_iter().flatten() {
            if reached.insert(from) {
                stack.push(from);
            }
        }
    }
    reached
}

fn chain_complete(plan: &Plan, _: &Framework, out: &mut Out) {
    if plan.goal.text.trim().is_empty() {
        out.push(
            Warning,
            item(GOAL_ID),
            "goal".into(),
            "The plan has no goal: start on the Goal pane with the long-term change it is for"
                .into(),
        );
    }
    let reached = reach_goal(plan);
    let measured: HashSet<&str> = plan.measures.iter().map(|m| m.outcome.as_str()).collect();
    for (i, o) in plan.outcomes.iter().enumerate() {
        if !reached.contains(o.id.as_str()) {
            out.push(Warning, item(&o.id), format!("outcome[{i}]"), format!("Outcome `{}` does not lead to the goal: link it to the goal or to an outcome that does", o.id));
        }
        if !measured.contains(o.id.as_str()) {
            out.push(
                Warning,
                item(&o.id),
                format!("outcome[{i}]"),
                format!(
                    "Outcome `{}` has no measure: choose an indicator for it (m)",
                    o.id
                ),
            );
        }
    }
    for (i, o) in plan.outputs.iter().enumerate() {
        if o.serves.is_empty() {
            out.push(
                Warning,
                item(&o.id),
                format!("output[{i}]"),
                format!(
                    "Output `{}` serves no outcome: link it to the outcome it produces",
                    o.id
                ),
            );
        }
    }
    for (i, a) in plan.activities.iter().enumerate() {
        if a.serves.is_empty() {
            out.push(
                Warning,
                item(&a.id),
                format!("activity[{i}]"),
                format!(
                    "Activity `{}` serves no output: link it to what it produces",
                    a.id
                ),
            );
        }
    }
    let empty = [
        (plan.outcomes.is_empty(), "intermediate outcomes"),
        (plan.outputs.is_empty(), "outputs"),
        (plan.activities.is_empty(), "activities"),
    ];
    if let Some((_, what)) = empty.iter().find(|(e, _)| *e)
        && !plan.goal.text.trim().is_empty()
    {
        out.push(
            Warning,
            item(GOAL_ID),
            "goal".into(),
            format!("The plan has no {what} yet: work back from the goal, pane by pane"),
        );
    }
}

fn context_specific(plan: &Plan, _: &Framework, out: &mut Out) {
    let c = &plan.context;
    if c.place.trim().is_empty() {
        out.push(
            Warning,
            At::Context,
            "context".into(),
            "No place: say where the work happens (C)".into(),
        );
    }
    if c.start.is_none() || c.end.is_none() {
        out.push(
            Warning,
            At::Context,
            "context".into(),
            "No timeframe: give the start and end dates (C)".into(),
        );
    }
    for (i, m) in plan.measures.iter().enumerate() {
        if m.target.is_some() && m.baseline.is_none() {
            out.push(Warning, item(&m.outcome), format!("measure[{i}]"), format!("Measure `{}` has a target but no baseline: targets start from where things are now", m.id));
        }
    }
}
