//! Checks that need the whole plan (and the framework): ids, links, cycles, indicators,
//! dates. Each finding points at the line of the value at fault. This file runs them and
//! holds the checks of ids and dates and the "did you mean" the others share; links and
//! their loops are `validate/links.rs`, references by id `validate/references.rs`.

use std::collections::{HashMap, HashSet};

use super::diagnostic::{Diagnostic, SourceMap};
use super::model::*;
use crate::framework::Framework;

mod links;
mod references;

use links::{cycles, links};
use references::references;

struct Check<'a> {
    map: &'a SourceMap,
    /// Each id's kind (its first use), and every link: looked up once per reference, so
    /// a plan of thousands of items checks in linear time.
    kinds: HashMap<&'a str, Kind>,
    links: HashSet<(&'a str, &'a str)>,
    out: Vec<Diagnostic>,
}

impl Check<'_> {
    fn kind_of(&self, id: &str) -> Option<Kind> {
        self.kinds.get(id).copied()
    }

    fn serves(&self, from: &str, to: &str) -> bool {
        self.links.contains(&(from, to))
    }

    fn error(&mut self, path: &str, msg: String) {
        let pos = self.map.get(path);
        self.out.push(Diagnostic::error(pos, msg));
    }

    fn warning(&mut self, path: &str, msg: String) {
        let pos = self.map.get(path);
        self.out.push(Diagnostic::warning(pos, msg));
    }
}

/// Every problem with the plan's content, in file order.
pub fn validate(plan: &Plan, fw: &Framework, map: &SourceMap) -> Vec<Diagnostic> {
    let mut kinds = HashMap::new();
    for (kind, id) in plan.ids() {
        kinds.entry(id).or_insert(kind);
    }
    let mut c = Check {
        map,
        kinds,
        links: plan.links().collect(),
        out: Vec::new(),
    };
    ids(plan, &mut c);
    links(plan, &mut c);
    cycles(plan, &mut c);
    references(plan, fw, &mut c);
    dates(plan, &mut c);
    c.out.sort_by_key(|d| d.pos);
    c.out
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '-' | '_' | '.'))
}

fn ids(plan: &Plan, c: &mut Check<'_>) {
    let mut seen: HashMap<&str, (Kind, usize)> = HashMap::new();
    let mut counts: HashMap<Kind, usize> = HashMap::new();
    let path = |kind: Kind, n: usize| format!("{}[{n}].id", kind.table());
    for (kind, id) in plan.ids().skip(1) {
        let count = counts.entry(kind).or_default();
        let n = *count;
        *count += 1;
        if id.is_empty() {
            continue; // reported as a missing key when read
        }
        let first = *seen.entry(id).or_insert((kind, n));
        let duplicate = first != (kind, n);
        // The common case builds no strings at all.
        if valid_id(id) && id != GOAL_ID && !duplicate {
            continue;
        }
        let here = path(kind, n);
        if !valid_id(id) {
            c.error(
                &here,
                format!(
                    "id `{}` may hold only letters, digits, `-`, `_` and `.`; try `{}`",
                    crate::text::sanitize(id),
                    crate::text::slug(id, 40)
                ),
            );
        }
        if id == GOAL_ID {
            c.error(&here, format!("the id `{GOAL_ID}` is reserved for the plan's goal; choose another id for this {}", kind.noun()));
            continue;
        }
        if duplicate {
            let line = c
                .map
                .get(&path(first.0, first.1))
                .map_or(String::new(), |p| format!(" (line {})", p.line));
            c.error(&here, format!("duplicate id `{id}`: already used by the {}{line}; ids must be unique across the plan", first.0.noun()));
        }
    }
}

fn article(noun: &str) -> &'static str {
    match noun {
        "goal" => "the",
        n if n.starts_with(['a', 'e', 'i', 'o', 'u']) => "an",
        _ => "a",
    }
}

/// "did you mean" from ids of the right kinds that share the most leading characters.
fn suggest(plan: &Plan, wrong: &str, kinds: &[Kind]) -> String {
    let best = plan
        .ids()
        .filter(|(k, _)| kinds.contains(k))
        .map(|(_, id)| (common_prefix(id, wrong) + common_suffix(id, wrong), id))
        .filter(|(score, _)| *score >= 3)
        .max_by_key(|(score, _)| *score);
    match best {
        Some((_, id)) => format!("did you mean `{id}`?"),
        None => "check the spelling against the ids in the plan".into(),
    }
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Whether `from` lists `to` in its `serves`.
pub fn serves(plan: &Plan, from: &str, to: &str) -> bool {
    let has = |s: &[String]| s.iter().any(|x| x == to);
    plan.outcomes.iter().any(|o| o.id == from && has(&o.serves))
        || plan.outputs.iter().any(|o| o.id == from && has(&o.serves))
        || plan
            .activities
            .iter()
            .any(|a| a.id == from && has(&a.serves))
}

fn dates(plan: &Plan, c: &mut Check<'_>) {
    let ctx = &plan.context;
    if let (Some(s), Some(e)) = (ctx.start, ctx.end)
        && e < s
    {
        c.error(
            "context.end",
            format!("the plan ends ({e}) before it starts ({s}); swap or correct the dates"),
        );
    }
    for (i, m) in plan.measures.iter().enumerate() {
        if let (Some(s), Some(t)) = (ctx.start, m.target_date)
            && t < s
        {
            c.error(
                &format!("measure[{i}].target_date"),
                format!(
                    "measure `{}` has its target date ({t}) before the plan starts ({s})",
                    m.id
                ),
            );
        }
    }
}
