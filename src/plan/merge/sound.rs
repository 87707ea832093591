//! A merge that git commits is a sound plan. Merging item by item can join two sound
//! plans into one `tocplan check` rejects: a link to an output the other side deleted, two
//! new items under one id, a loop made of one link from each side. Such an error, one that
//! neither side had, is a conflict: each version of the text is mended the way its own side
//! would have it, so the markers show both and nothing is lost.

use std::collections::{BTreeSet, HashSet};

use super::items::{self, Loc};
use super::rename::{Ref, references};
use super::{Conflict, What};
use crate::framework::Framework;
use crate::plan::diagnostic::{Pos, Severity, SourceMap};
use crate::plan::model::*;
use crate::plan::validate;

/// One version of the merged text: the plan, the side it keeps the intent of, the other.
pub(super) struct Version<'a> {
    pub plan: Plan,
    pub mine: &'a Plan,
    pub other: &'a Plan,
}

/// Mends both versions and names each error the merge introduced.
pub(super) fn settle(versions: &mut [Version<'_>; 2], fw: &Framework, out: &mut Vec<Conflict>) {
    for v in versions.iter_mut() {
        dangling(v, out);
    }
    unsound(versions, fw, out);
}

fn note(out: &mut Vec<Conflict>, c: Conflict) {
    if !out.contains(&c) {
        out.push(c);
    }
}

/// References to ids the plan does not have.
fn missing(plan: &Plan) -> Vec<Ref> {
    let ids: HashSet<&str> = plan.ids().map(|(_, id)| id).collect();
    references(plan)
        .into_iter()
        .filter(|r| !ids.contains(r.target.as_str()))
        .collect()
}

/// A reference to an item one side deleted: the version of the side that has the item
/// puts it back; the version of the side that deleted it drops the reference (as
/// deleting it in the app would). Repeated, since an item put back has references too.
fn dangling(v: &mut Version<'_>, out: &mut Vec<Conflict>) {
    let before: HashSet<Ref> = missing(v.mine)
        .into_iter()
        .chain(missing(v.other))
        .collect();
    let rounds = v.mine.item_count() + v.plan.item_count() + 1;
    for _ in 0..rounds {
        let now: Vec<Ref> = missing(&v.plan)
            .into_iter()
            .filter(|r| !before.contains(r))
            .collect();
        if now.is_empty() {
            return;
        }
        for r in now {
            let kind = v
                .mine
                .kind_of(&r.target)
                .or_else(|| v.other.kind_of(&r.target));
            note(
                out,
                Conflict {
                    kind: r.table,
                    id: r.key.clone(),
                    what: What::Dangling {
                        field: r.field,
                        target: r.target.clone(),
                        target_kind: kind.map_or("item", Kind::noun),
                    },
                },
            );
            match v.mine.kind_of(&r.target) {
                Some(k) => {
                    items::take(&mut v.plan, v.mine, &Loc::Item(k.table(), r.target.clone()));
                    restore_dependants(&mut v.plan, v.mine, &r.target);
                }
                None => drop_reference(&mut v.plan, &r),
            }
        }
    }
}

/// With an item put back, what this side has that depends on it comes back too (the other
/// side's deletion took a measure's readings, an assumption's evidence along): the version
/// is the plan as this side would have it, not the item alone.
fn restore_dependants(plan: &mut Plan, side: &Plan, target: &str) {
    let present: HashSet<Loc> = items::locations(plan).into_iter().collect();
    for r in references(side).into_iter().filter(|r| r.target == target) {
        let loc = Loc::Item(r.table, r.key);
        if !present.contains(&loc) {
            items::take(plan, side, &loc);
        }
    }
}

/// Removes one reference; an item that cannot be without it (a measure without its
/// outcome, a reading without its measure) goes with it, as deleting in the app does.
fn drop_reference(p: &mut Plan, r: &Ref) {
    let t = r.target.as_str();
    let unlink = |serves: &mut Vec<String>| serves.retain(|s| s != t);
    match (r.table, r.field) {
        ("outcome", _) => p
            .outcomes
            .iter_mut()
            .filter(|x| x.id == r.key)
            .for_each(|x| unlink(&mut x.serves)),
        ("output", _) => p
            .outputs
            .iter_mut()
            .filter(|x| x.id == r.key)
            .for_each(|x| unlink(&mut x.serves)),
        ("activity", "serves") => p
            .activities
            .iter_mut()
            .filter(|x| x.id == r.key)
            .for_each(|x| unlink(&mut x.serves)),
        ("activity", _) => p
            .activities
            .iter_mut()
            .filter(|x| x.id == r.key)
            .for_each(|x| {
                unlink(&mut x.responsible);
                unlink(&mut x.partners);
            }),
        ("reading", _) => p.readings.retain(|x| items::reading_key(x) != r.key),
        // Measures, assumptions and evidence: deleting them takes what depends on them.
        _ => {
            let _ = p.delete(&r.key);
        }
    }
}

/// Every error `check` reports that neither side had, with where it points.
fn introduced(p: &Plan, before: &HashSet<String>, fw: &Framework) -> Vec<(String, Option<Loc>)> {
    let locs = items::locations(p);
    let mut map = SourceMap::default();
    let mut counts: std::collections::HashMap<&str, usize> = Default::default();
    for (i, loc) in locs.iter().enumerate() {
        let path = match loc {
            Loc::Context => "context".to_string(),
            Loc::Goal => "goal".to_string(),
            Loc::Item(table, _) => {
                let n = counts.entry(table).or_default();
                *n += 1;
                format!("{table}[{}]", *n - 1)
            }
        };
        map.insert(
            path,
            Pos {
                line: i + 1,
                col: 1,
            },
        );
    }
    validate(p, fw, &map)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            (
                plain(&d.message),
                d.pos.and_then(|at| locs.get(at.line - 1).cloned()),
            )
        })
        .filter(|(m, _)| !before.contains(m))
        .collect()
}

fn errors(p: &Plan, fw: &Framework) -> impl Iterator<Item = String> {
    validate(p, fw, &SourceMap::default())
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| plain(&d.message))
}

/// A message without the line numbers it may quote, which differ between the versions.
fn plain(message: &str) -> String {
    let mut out = message.to_string();
    while let Some(i) = out.find(" (line ") {
        match out[i..].find(')') {
            Some(j) => out.replace_range(i..i + j + 1, ""),
            None => break,
        }
    }
    out
}

/// Any other error the merge introduced (a duplicate id, a loop, a link that now points
/// the wrong way, dates out of order): the items it points at are taken whole from each
/// side in that side's version; when that is not enough, their neighbours too, and at
/// last every item.
fn unsound(versions: &mut [Version<'_>; 2], fw: &Framework, out: &mut Vec<Conflict>) {
    let before: Vec<HashSet<String>> = versions
        .iter()
        .map(|v| errors(v.mine, fw).chain(errors(v.other, fw)).collect())
        .collect();
    let start: Vec<Plan> = versions.iter().map(|v| v.plan.clone()).collect();
    let mut involved: BTreeSet<Loc> = BTreeSet::new();
    let mut stage = 0;
    loop {
        let mut found: BTreeSet<Loc> = BTreeSet::new();
        let mut blind = false;
        for (v, before) in versions.iter().zip(&before) {
            for (message, loc) in introduced(&v.plan, before, fw) {
                note(out, named(&v.plan, message, loc.as_ref()));
                match loc {
                    Some(l) => same_key(&v.plan, &l, &mut found),
                    None => blind = true,
                }
            }
        }
        if found.is_empty() && !blind {
            return;
        }
        let grew = found.iter().any(|l| !involved.contains(l));
        involved.extend(found);
        if !grew || blind {
            // An error with no place to point at can only be shown as the two sides whole.
            stage = if blind { stage.max(1) + 1 } else { stage + 1 };
            let all: Vec<&Plan> = versions
                .iter()
                .flat_map(|v| [&v.plan, v.mine, v.other])
                .collect();
            match stage {
                1 => neighbours(&all, &mut involved),
                2 => all
                    .iter()
                    .for_each(|p| involved.extend(items::locations(p))),
                _ => return,
            }
        }
        for (v, plan) in versions.iter_mut().zip(&start) {
            v.plan = plan.clone();
            for loc in &involved {
                items::take(&mut v.plan, v.mine, loc);
            }
        }
    }
}

/// The conflict for an introduced error; two items under one id say so in plan terms.
fn named(p: &Plan, message: String, loc: Option<&Loc>) -> Conflict {
    let (kind, id) = match loc {
        Some(Loc::Item(table, key)) => (*table, key.clone()),
        Some(Loc::Context) => ("context", "context".to_string()),
        Some(Loc::Goal) => ("goal", GOAL_ID.to_string()),
        None => ("plan", "plan".to_string()),
    };
    if message.starts_with("duplicate id") {
        let kinds: Vec<&'static str> = p
            .ids()
            .filter(|(_, i)| *i == id)
            .map(|(k, _)| k.noun())
            .collect();
        if kinds.len() > 1 {
            return Conflict {
                kind,
                id,
                what: What::SameId(kinds),
            };
        }
    }
    Conflict {
        kind,
        id,
        what: What::Unsound(message),
    }
}

/// `loc` and every item that shares its key, whatever its kind.
fn same_key(p: &Plan, loc: &Loc, found: &mut BTreeSet<Loc>) {
    found.insert(loc.clone());
    if let Loc::Item(_, key) = loc {
        found.extend(
            items::locations(p)
                .into_iter()
                .filter(|l| matches!(l, Loc::Item(_, k) if k == key)),
        );
    }
}

/// The items that refer to an involved item, or that it refers to, on any version.
fn neighbours(plans: &[&Plan], involved: &mut BTreeSet<Loc>) {
    let keys: HashSet<String> = involved
        .iter()
        .filter_map(|l| match l {
            Loc::Item(_, k) => Some(k.clone()),
            _ => None,
        })
        .collect();
    for p in plans {
        for r in references(p) {
            if keys.contains(&r.key) || keys.contains(&r.target) {
                involved.insert(Loc::Item(r.table, r.key.clone()));
                if let Some(k) = p.kind_of(&r.target) {
                    involved.insert(Loc::Item(k.table(), r.target.clone()));
                }
            }
        }
    }
}
