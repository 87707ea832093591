//! One function per rule; each pushes what it finds.

use super::super::diagnostic::Severity::{self, Advice, Warning};
use super::super::model::*;
use super::{At, Finding};
use crate::framework::{Framework, Perspective};
use std::collections::{HashMap, HashSet};

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

/// The domain of each measure's indicator (measures whose indicator is unknown are left
/// to validation).
fn measured_domains(plan: &Plan, fw: &Framework) -> Vec<u8> {
    plan.measures
        .iter()
        .filter_map(|m| fw.indicator(&m.indicator).map(|i| i.domain))
        .collect()
}

fn category_of(fw: &Framework, domain: u8) -> String {
    fw.domain(domain)
        .map_or(String::new(), |d| d.category.clone())
}

fn multi_dimensional(plan: &Plan, fw: &Framework, out: &mut Out) {
    let mut domains = measured_domains(plan, fw);
    if domains.is_empty() {
        return;
    }
    domains.sort_unstable();
    domains.dedup();
    let mut cats: Vec<String> = domains.iter().map(|d| category_of(fw, *d)).collect();
    cats.sort();
    cats.dedup();
    if domains.len() == 1 && cats[0] == "markers_and_means" {
        let name = fw
            .domain(domains[0])
            .map_or(String::new(), |d| d.name.clone());
        out.push(Warning, At::Context, "measure".into(), format!("Every measure is in {name}, the domain of the service itself: this would measure direct service provision, not integration; add measures from other domains"));
    } else if domains.len() < 2 || cats.len() < 2 {
        out.push(Warning, At::Context, "measure".into(), format!("Measures come from {} domain(s) in {} category: draw them from more than one domain and more than one category", domains.len(), cats.len()));
    }
}

fn social_connections(plan: &Plan, fw: &Framework, out: &mut Out) {
    let domains = measured_domains(plan, fw);
    if !domains.is_empty() && !domains.iter().any(|d| (6..=8).contains(d)) {
        out.push(Warning, At::Context, "measure".into(), "No measure of social bonds, bridges or links: add one (the picker's @bridges filter helps)".into());
    }
}

fn multi_directional(plan: &Plan, fw: &Framework, out: &mut Out) {
    if !plan
        .stakeholders
        .iter()
        .any(|s| s.group == Group::ReceivingCommunity)
    {
        out.push(Warning, At::Stakeholders, "stakeholder".into(), "No stakeholder from the receiving community: integration asks them to take part too (S adds one)".into());
    }
    let sides: Vec<Perspective> = plan
        .measures
        .iter()
        .filter_map(|m| fw.indicator(&m.indicator).map(|i| i.perspective))
        .collect();
    if !sides.is_empty()
        && !sides
            .iter()
            .any(|p| matches!(p, Perspective::ReceivingCommunity | Perspective::All))
    {
        out.push(Warning, At::Context, "measure".into(), "Every measure looks at newcomers or institutions: add one on the receiving community's side (!receiving in the picker)".into());
    }
}

fn shared_responsibility(plan: &Plan, _: &Framework, out: &mut Out) {
    for (i, a) in plan.activities.iter().enumerate() {
        if a.responsible.is_empty() {
            out.push(
                Warning,
                item(&a.id),
                format!("activity[{i}]"),
                format!(
                    "Activity `{}` has no responsible stakeholder: choose one in its details",
                    a.id
                ),
            );
        }
    }
    let missing: Vec<&str> = Group::ALL
        .iter()
        .filter(|g| !plan.stakeholders.iter().any(|s| s.group == **g))
        .map(|g| g.as_str())
        .collect();
    if !missing.is_empty() {
        out.push(Warning, At::Stakeholders, "stakeholder".into(), format!("No stakeholders from: {}; newcomers, the receiving community and institutions share responsibility", missing.join(", ")));
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

fn theory_explains_why(plan: &Plan, _: &Framework, out: &mut Out) {
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

fn evaluation_planned(plan: &Plan, _: &Framework, out: &mut Out) {
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

fn key_domains(plan: &Plan, fw: &Framework, out: &mut Out) {
    let cats: Vec<String> = plan
        .context
        .key_domains
        .iter()
        .map(|d| category_of(fw, *d))
        .collect();
    for (cat, name) in [
        ("facilitators", "Facilitator"),
        ("social_connections", "Social Connection"),
        ("markers_and_means", "Marker and Means"),
    ] {
        if !cats.iter().any(|c| c == cat) {
            out.push(
                Advice,
                At::Context,
                "context.key_domains".into(),
                format!(
                    "The key domains name no {name} domain: Exercise 1 asks for one of each (C)"
                ),
            );
        }
    }
    if plan.context.rights.trim().is_empty() {
        out.push(
            Advice,
            At::Context,
            "context".into(),
            "No rights and responsibilities at stake are named (C)".into(),
        );
    }
}
