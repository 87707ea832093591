//! Checks that need the whole plan (and the framework): ids, links, cycles, indicators,
//! dates. Each finding points at the line of the value at fault.

use std::collections::{HashMap, HashSet};

use super::diagnostic::{Diagnostic, SourceMap};
use super::model::*;
use crate::framework::Framework;

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

fn links(plan: &Plan, c: &mut Check<'_>) {
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

/// Outcomes may lead to other outcomes; a loop among them has no start and no goal.
fn cycles(plan: &Plan, c: &mut Check<'_>) {
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

fn references(plan: &Plan, fw: &Framework, c: &mut Check<'_>) {
    for (i, m) in plan.measures.iter().enumerate() {
        let path = format!("measure[{i}]");
        match c.kind_of(&m.outcome) {
            Some(Kind::Outcome) => {}
            Some(k) => c.error(&format!("{path}.outcome"), format!("measure `{}` is on `{}`, which is {} {}; measures belong to intermediate outcomes", m.id, m.outcome, article(k.noun()), k.noun())),
            None if m.outcome.is_empty() => {}
            None => c.error(&format!("{path}.outcome"), format!("measure `{}` is on outcome `{}`, which does not exist; {}", m.id, crate::text::sanitize(&m.outcome), suggest(plan, &m.outcome, &[Kind::Outcome]))),
        }
        if !m.indicator.is_empty() && fw.indicator(&m.indicator).is_none() {
            c.error(&format!("{path}.indicator"), format!("measure `{}` uses indicator `{}`, which is in no loaded bank; list them with `tocplan indicators`, or load the bank that defines it with `--bank FILE`", m.id, crate::text::sanitize(&m.indicator)));
        }
    }
    for (i, a) in plan.activities.iter().enumerate() {
        for (key, list, role) in [
            ("responsible", &a.responsible, "as responsible"),
            ("partners", &a.partners, "as a partner"),
        ] {
            for (j, r) in list.iter().enumerate() {
                if c.kind_of(r) != Some(Kind::Stakeholder) {
                    // A single id is written as a string, so its position has no index.
                    let at = if list.len() == 1 && key == "responsible" {
                        format!("activity[{i}].{key}")
                    } else {
                        format!("activity[{i}].{key}[{j}]")
                    };
                    c.error(&at, format!("activity `{}` names `{}` {role}, which is not a stakeholder in this plan; add a [[stakeholder]] with that id or use an existing one", a.id, crate::text::sanitize(r)));
                }
            }
        }
    }
    for (i, a) in plan.assumptions.iter().enumerate() {
        let path = format!("assumption[{i}].about");
        match &a.about {
            About::Item(id) if id.is_empty() => {}
            About::Item(id) => {
                if c.kind_of(id).is_none() {
                    c.error(
                        &path,
                        format!(
                            "assumption `{}` is about `{}`, which does not exist",
                            a.id,
                            crate::text::sanitize(id)
                        ),
                    );
                }
            }
            About::Link { from, to } => {
                if !c.serves(from, to) {
                    c.error(&path, format!("assumption `{}` is about the link {} -> {}, but `{}` does not serve `{}`; name an existing link, or the item itself", a.id, crate::text::sanitize(from), crate::text::sanitize(to), crate::text::sanitize(from), crate::text::sanitize(to)));
                }
            }
        }
    }
    for (i, e) in plan.evidence.iter().enumerate() {
        if !e.assumption.is_empty() && c.kind_of(&e.assumption) != Some(Kind::Assumption) {
            c.error(
                &format!("evidence[{i}].assumption"),
                format!(
                    "evidence `{}` supports `{}`, which is not an assumption in this plan",
                    e.id,
                    crate::text::sanitize(&e.assumption)
                ),
            );
        }
    }
    let mut seen = HashSet::new();
    for (i, r) in plan.readings.iter().enumerate() {
        let path = format!("reading[{i}]");
        let (key, kind) = if r.output {
            ("output", Kind::Output)
        } else {
            ("measure", Kind::Measure)
        };
        if !r.measure.is_empty() && c.kind_of(&r.measure) != Some(kind) {
            c.error(
                &format!("{path}.{key}"),
                format!(
                    "reading of `{}` on {}: there is no {key} with that id",
                    crate::text::sanitize(&r.measure),
                    r.date
                ),
            );
        }
        if !r.group.is_empty() {
            let groups = plan
                .measures
                .iter()
                .find(|m| m.id == r.measure && !r.output)
                .map_or(&[][..], |m| m.groups.as_slice());
            if !groups.contains(&r.group) {
                let named = if groups.is_empty() {
                    "it names no groups; add them to the measure's `groups`".to_string()
                } else {
                    format!("its groups are: {}", groups.join("; "))
                };
                c.error(&format!("{path}.group"), format!("reading of `{}` on {} is for group `{}`, which the {key} is not read for; {named}", crate::text::sanitize(&r.measure), r.date, crate::text::sanitize(&r.group)));
            }
        }
        if !seen.insert((r.measure.as_str(), r.group.as_str(), r.date)) {
            c.error(&format!("{path}.date"), format!("a second reading of `{}` on {}; a {key} has one reading per group per date, so merge them or correct the date", r.measure, r.date));
        }
    }
    for (i, st) in plan.stakeholders.iter().enumerate() {
        for (j, a) in st.agreed.iter().enumerate() {
            if !fw.worksheet.agreements.iter().any(|x| x.id == *a) {
                let ids: Vec<&str> = fw
                    .worksheet
                    .agreements
                    .iter()
                    .map(|x| x.id.as_str())
                    .collect();
                c.error(&format!("stakeholder[{i}].agreed[{j}]"), format!("stakeholder `{}` agreed to `{}`, which is not one of the guide's five agreements; use {}", st.id, crate::text::sanitize(a), ids.join(", ")));
            }
        }
    }
    for (i, d) in plan.context.key_domains.iter().enumerate() {
        if fw.domain(*d).is_none() {
            c.error(&format!("context.key_domains[{i}]"), format!("key domain {d} does not exist; domains are numbered 1 to 14 (see `tocplan domains`)"));
        }
    }
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
