//! The links between items: each serves something that exists and is the next step to its
//! right (activity -> output -> outcome -> goal), once, and outcomes lead to the goal
//! without a loop.

use std::collections::{HashMap, HashSet};

use super::super::model::*;
use super::{Check, article, suggest};

/// What each kind may serve: the next column to the right (outcomes may also lead to
/// other outcomes).
fn allowed_targets(kind: Kind) -> &'static [Kind] {
    match kind {
        Kind::Outcome => &[Kind::Goal, Kind::Outcome],
        Kind::Output => &[Kind::Outcome],
        Kind::Activity => &[Kind::Output],
        _ => &[],
    }
}

/// An item's id and the ids it serves.
type Linked<'a> = (&'a str, &'a [String]);

pub(super) fn links(plan: &Plan, c: &mut Check<'_>) {
    let sets: [(Kind, Vec<Linked<'_>>); 3] = [
        (
            Kind::Outcome,
            plan.outcomes
                .iter()
                .map(|x| (x.id.as_str(), x.serves.as_slice()))
                .collect(),
        ),
        (
            Kind::Output,
            plan.outputs
                .iter()
                .map(|x| (x.id.as_str(), x.serves.as_slice()))
                .collect(),
        ),
        (
            Kind::Activity,
            plan.activities
                .iter()
                .map(|x| (x.id.as_str(), x.serves.as_slice()))
                .collect(),
        ),
    ];
    for (kind, items) in sets {
        let allowed = allowed_targets(kind);
        let expected = match kind {
            Kind::Outcome => "the goal or another intermediate outcome",
            Kind::Output => "intermediate outcomes",
            _ => "outputs",
        };
        for (i, (id, serves)) in items.into_iter().enumerate() {
            let item = || format!("{} `{id}`", kind.noun());
            if serves.is_empty() {
                let item = item();
                c.warning(&format!("{}[{i}]", kind.table()), format!("{item} serves nothing; add `serves = [...]` naming what it leads to: {expected}"));
            }
            let mut dup = HashSet::new();
            for (j, target) in serves.iter().enumerate() {
                let found = c.kind_of(target);
                let first = dup.insert(target);
                if first && found.is_some_and(|k| allowed.contains(&k)) {
                    continue;
                }
                let path = format!("{}[{i}].serves[{j}]", kind.table());
                let t = crate::text::sanitize(target);
                let item = item();
                if !first {
                    c.warning(
                        &path,
                        format!("{item} lists `{t}` twice in `serves`; remove one"),
                    );
                    continue;
                }
                match found {
                    None => c.error(&path, format!("{item} serves `{t}`, which does not exist; {}", suggest(plan, target, allowed))),
                    Some(k) if allowed.contains(&k) => {}
                    Some(k) => c.error(&path, format!("{item} serves `{t}`, which is {} {}; links point forward (activity -> output -> outcome -> goal), so {} {} serves {expected}", article(k.noun()), k.noun(), article(kind.noun()), kind.noun())),
                }
            }
        }
    }
}

/// Outcomes may lead to other outcomes; a loop among them has no start and no goal.
pub(super) fn cycles(plan: &Plan, c: &mut Check<'_>) {
    let index: HashMap<&str, usize> = plan
        .outcomes
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    // 0 = unvisited, 1 = on the stack, 2 = done
    let mut state = vec![0u8; plan.outcomes.len()];
    let mut reported: HashSet<Vec<usize>> = HashSet::new();
    for start in 0..plan.outcomes.len() {
        let mut stack: Vec<usize> = Vec::new();
        visit(
            plan,
            &index,
            start,
            &mut state,
            &mut stack,
            &mut reported,
            c,
        );
    }
}

fn visit(
    plan: &Plan,
    index: &HashMap<&str, usize>,
    node: usize,
    state: &mut [u8],
    stack: &mut Vec<usize>,
    reported: &mut HashSet<Vec<usize>>,
    c: &mut Check<'_>,
) {
    if state[node] == 2 {
        return;
    }
    if state[node] == 1 {
        let from = stack.iter().position(|&n| n == node).unwrap_or(0);
        let mut cycle: Vec<usize> = stack[from..].to_vec();
        let mut key = cycle.clone();
        key.sort_unstable();
        if reported.insert(key) {
            cycle.push(node);
            let names: Vec<&str> = cycle
                .iter()
                .map(|&i| plan.outcomes[i].id.as_str())
                .collect();
            let first = stack[from];
            c.error(&format!("outcome[{first}].serves"), format!("outcomes serve each other in a loop: {}; an outcome chain must end at the goal, so remove one of these links", names.join(" -> ")));
        }
        return;
    }
    state[node] = 1;
    stack.push(node);
    for target in &plan.outcomes[node].serves {
        if let Some(&next) = index.get(target.as_str()) {
            visit(plan, index, next, state, stack, reported, c);
        }
    }
    stack.pop();
    state[node] = 2;
}
