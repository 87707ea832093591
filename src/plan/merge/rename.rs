//! References between items, and renames: a side that gave an item a new id (same
//! content, references moved along) renamed it; it did not delete one item and add
//! another. The merge renames the item in the base and on the other side first, so the
//! other side's edit lands on the new id.

use std::collections::HashSet;

use crate::plan::model::*;

/// One reference: `field` of the item `key` in `table` names the id `target`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) struct Ref {
    pub table: &'static str,
    pub key: String,
    pub field: &'static str,
    pub target: String,
}

/// Every reference from one item to another by id (the goal aside: it always exists).
pub(super) fn references(plan: &Plan) -> Vec<Ref> {
    let mut out = Vec::new();
    let mut add = |table, key: &str, field, target: &str| {
        if target != GOAL_ID && !target.is_empty() {
            out.push(Ref {
                table,
                key: key.to_string(),
                field,
                target: target.to_string(),
            });
        }
    };
    for x in &plan.outcomes {
        x.serves
            .iter()
            .for_each(|t| add("outcome", &x.id, "serves", t));
    }
    for x in &plan.outputs {
        x.serves
            .iter()
            .for_each(|t| add("output", &x.id, "serves", t));
    }
    for x in &plan.activities {
        x.serves
            .iter()
            .for_each(|t| add("activity", &x.id, "serves", t));
        for r in &x.responsible {
            add("activity", &x.id, "responsible", r);
        }
        for r in &x.partners {
            add("activity", &x.id, "partners", r);
        }
    }
    for x in &plan.measures {
        add("measure", &x.id, "outcome", &x.outcome);
    }
    for x in &plan.assumptions {
        match &x.about {
            About::Item(t) => add("assumption", &x.id, "about", t),
            About::Link { from, to } => {
                add("assumption", &x.id, "about", from);
                add("assumption", &x.id, "about", to);
            }
        }
    }
    for x in &plan.evidence {
        add("evidence", &x.id, "assumption", &x.assumption);
    }
    for x in &plan.readings {
        add(
            "reading",
            &super::items::reading_key(x),
            "measure",
            &x.measure,
        );
    }
    out
}

/// Gives the item `old` the id `new`, and moves every reference to it along (the one
/// rename the app uses too).
pub(super) fn rename(plan: &mut Plan, old: &str, new: &str) {
    crate::plan::rename::move_id(plan, old, new);
}

/// The renames `side` made since `base`, as (old id, new id): an id that is gone, and a
/// new id of the same kind whose item is the old one's under the new name, with nothing
/// left referring to the old id.
pub(super) fn renames(base: &Plan, side: &Plan) -> Vec<(String, String)> {
    let before: HashSet<(Kind, &str)> = base.ids().collect();
    let after: HashSet<(Kind, &str)> = side.ids().collect();
    let gone: Vec<(Kind, &str)> = base.ids().filter(|x| !after.contains(x)).collect();
    let fresh: Vec<(Kind, &str)> = side.ids().filter(|x| !before.contains(x)).collect();
    if gone.is_empty() || fresh.is_empty() {
        return Vec::new();
    }
    let referred: HashSet<String> = references(side).into_iter().map(|r| r.target).collect();
    let mut taken: HashSet<&str> = HashSet::new();
    let mut out = Vec::new();
    for (kind, old) in gone {
        if referred.contains(old) {
            continue;
        }
        let found = fresh.iter().find(|&&(k, new)| {
            k == kind && !taken.contains(new) && same_under(base, side, kind, old, new)
        });
        if let Some(&(_, new)) = found {
            taken.insert(new);
            out.push((old.to_string(), new.to_string()));
        }
    }
    out
}

/// Whether `base`'s item `old`, renamed to `new`, is `side`'s item `new`.
fn same_under(base: &Plan, side: &Plan, kind: Kind, old: &str, new: &str) -> bool {
    match (alone(base, kind, old), alone(side, kind, new)) {
        (Some(mut x), Some(y)) => {
            rename(&mut x, old, new);
            x == y
        }
        _ => false,
    }
}

/// A plan holding only the item `id` of `kind`: renaming it uses `rename` itself, so the
/// two never disagree on what a reference is.
fn alone(plan: &Plan, kind: Kind, id: &str) -> Option<Plan> {
    let mut p = Plan::default();
    macro_rules! only {
        ($f:ident) => {
            p.$f = vec![plan.$f.iter().find(|x| x.id == id)?.clone()]
        };
    }
    match kind {
        Kind::Goal => return None,
        Kind::Stakeholder => only!(stakeholders),
        Kind::Outcome => only!(outcomes),
        Kind::Output => only!(outputs),
        Kind::Activity => only!(activities),
        Kind::Measure => only!(measures),
        Kind::Assumption => only!(assumptions),
        Kind::Evidence => only!(evidence),
    }
    Some(p)
}
