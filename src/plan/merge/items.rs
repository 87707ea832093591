//! Merging each kind of item, field by field.

use super::{Conflict, Pick, What, order, seq};
use crate::plan::comments::Comments;
use crate::plan::model::*;
use crate::plan::values::{Date, Number};

/// A field both sides changed differently may still merge as git would merge its lines:
/// a long text line by line, a list entry by entry. Other values are one value each.
pub(super) trait Resolve: Sized {
    fn resolve(_o: &Self, _a: &Self, _b: &Self) -> Option<Self> {
        None
    }
}

impl Resolve for String {
    fn resolve(o: &Self, a: &Self, b: &Self) -> Option<Self> {
        let lines = |s: &str| s.split('\n').map(str::to_string).collect::<Vec<_>>();
        seq::clean(&lines(o), &lines(a), &lines(b)).map(|l| l.join("\n"))
    }
}

/// Resources, key domains and unknown keys: entry by entry.
impl<T: PartialEq + Clone> Resolve for Vec<T> {
    fn resolve(o: &Self, a: &Self, b: &Self) -> Option<Self> {
        seq::clean(o, a, b)
    }
}

impl<T> Resolve for Option<T> {}
impl Resolve for Comments {}
impl Resolve for Group {}
impl Resolve for About {}
impl Resolve for Number {}
impl Resolve for Date {}
impl Resolve for bool {}

/// One field: a side that left it as it was takes the other's; equal changes agree;
/// different changes merge by line or entry if they can, and are otherwise a conflict,
/// resolved by `pick` for this version of the text.
macro_rules! fields {
    ($o:expr, $a:expr, $b:expr, $out:expr, $pick:expr, $conf:expr, [$($f:ident),*]) => {
        $(
            if $a.$f == $o.$f {
                $out.$f = $b.$f.clone();
            } else if $b.$f != $o.$f && $a.$f != $b.$f {
                match Resolve::resolve(&$o.$f, &$a.$f, &$b.$f) {
                    Some(v) => $out.$f = v,
                    None => {
                        $conf.push(stringify!($f));
                        if $pick == Pick::Theirs {
                            $out.$f = $b.$f.clone();
                        }
                    }
                }
            }
        )*
    };
}

/// Links merge as sets: what either side added is in, what either side removed is out.
fn links(o: &[String], a: &[String], b: &[String]) -> Vec<String> {
    let mut out: Vec<String> = a
        .iter()
        .filter(|x| b.contains(x) || !o.contains(x))
        .cloned()
        .collect();
    for x in b {
        if !o.contains(x) && !out.contains(x) {
            out.push(x.clone());
        }
    }
    out
}

/// A mergeable item: how it is named, and how three versions of it combine.
pub(super) trait Merge: Clone + PartialEq {
    const KIND: &'static str;
    fn key(&self) -> String;
    /// `self` is ours; fields conflicting with theirs are pushed to `conf`.
    fn merge(&self, o: &Self, b: &Self, pick: Pick, conf: &mut Vec<&'static str>) -> Self;
}

macro_rules! mergeable {
    ($t:ty, $kind:literal, |$s:ident| $key:expr, [$($f:ident),*] $(, links: [$($l:ident),*])?) => {
        impl Merge for $t {
            const KIND: &'static str = $kind;
            fn key(&self) -> String {
                let $s = self;
                $key
            }
            fn merge(&self, o: &Self, b: &Self, pick: Pick, conf: &mut Vec<&'static str>) -> Self {
                let mut out = self.clone();
                fields!(o, self, b, out, pick, conf, [$($f),*]);
                $($(out.$l = links(&o.$l, &self.$l, &b.$l);)*)?
                out
            }
        }
    };
}

mergeable!(
    Stakeholder,
    "stakeholder",
    |s| s.id.clone(),
    [name, group, role, involvement, agreed, extra, comments]
);
mergeable!(Outcome, "outcome", |s| s.id.clone(), [text, extra, comments], links: [serves]);
mergeable!(Output, "output", |s| s.id.clone(), [text, target, unit, extra, comments], links: [serves]);
mergeable!(Activity, "activity", |s| s.id.clone(), [text, resources, barrier, extra, comments], links: [serves, responsible, partners]);
mergeable!(
    Measure,
    "measure",
    |s| s.id.clone(),
    [
        outcome,
        indicator,
        rationale,
        groups,
        baseline,
        target,
        target_text,
        gap,
        target_date,
        method,
        sample,
        frequency,
        collected_by,
        analysis,
        extra,
        comments
    ]
);
mergeable!(
    Assumption,
    "assumption",
    |s| s.id.clone(),
    [about, text, extra, comments]
);
mergeable!(
    Evidence,
    "evidence",
    |s| s.id.clone(),
    [
        assumption,
        kind,
        stance,
        text,
        source,
        limitations,
        extra,
        comments
    ]
);
mergeable!(
    Reading,
    "reading",
    |s| reading_key(s),
    [value, note, extra, comments]
);
mergeable!(
    Waiver,
    "waiver",
    |s| s.rule.clone(),
    [reason, extra, comments]
);

/// A reading is named by its measure (or output), its group and its date: one value per
/// measure per group per date.
pub(super) fn reading_key(r: &Reading) -> String {
    match r.group.as_str() {
        "" => format!("{} on {}", r.measure, r.date),
        g => format!("{} on {} for {g}", r.measure, r.date),
    }
}

fn list<T: Merge>(o: &[T], a: &[T], b: &[T], pick: Pick, out: &mut Vec<Conflict>) -> Vec<T> {
    let result = members(o, a, b, pick, out);
    order::arrange(o, a, b, result)
}

/// Which items the merge keeps, and their merged content (in no settled order yet).
fn members<T: Merge>(o: &[T], a: &[T], b: &[T], pick: Pick, out: &mut Vec<Conflict>) -> Vec<T> {
    // Indexed once: a plan of thousands of items merges in linear time.
    let index = |list: &[T]| -> std::collections::HashMap<String, usize> {
        let mut at = std::collections::HashMap::new();
        for (i, x) in list.iter().enumerate() {
            at.entry(x.key()).or_insert(i);
        }
        at
    };
    let (io, ia, ib) = (index(o), index(a), index(b));
    let found = |at: &std::collections::HashMap<String, usize>, list: &[T], key: &str| {
        at.get(key).map(|&i| list[i].clone())
    };
    let mut result = Vec::new();
    let mut conflict = |id: String, what: What| {
        out.push(Conflict {
            kind: T::KIND,
            id,
            what,
        });
    };
    for x in a {
        let key = x.key();
        match (found(&io, o, &key), found(&ib, b, &key)) {
            (Some(base), Some(theirs)) => {
                let mut fields = Vec::new();
                result.push(x.merge(&base, &theirs, pick, &mut fields));
                for f in fields {
                    conflict(key.clone(), What::Field(f));
                }
            }
            // Theirs deleted it: fine if ours did not touch it.
            (Some(base), None) if *x == base => {}
            (Some(_), None) => {
                conflict(key, What::DeletedAndEdited);
                if pick == Pick::Ours {
                    result.push(x.clone());
                }
            }
            // Added on both sides: the same item is one item; different ones conflict.
            (None, Some(theirs)) if *x == theirs => result.push(x.clone()),
            (None, Some(theirs)) => {
                conflict(key, What::AddedTwice);
                result.push(if pick == Pick::Ours {
                    x.clone()
                } else {
                    theirs
                });
            }
            (None, None) => result.push(x.clone()),
        }
    }
    for y in b {
        let key = y.key();
        if ia.contains_key(&key) {
            continue;
        }
        match found(&io, o, &key) {
            // Ours deleted it: fine if theirs did not touch it.
            Some(base) if *y == base => {}
            Some(_) => {
                conflict(key, What::DeletedAndEdited);
                if pick == Pick::Theirs {
                    result.push(y.clone());
                }
            }
            None => result.push(y.clone()),
        }
    }
    result
}

pub(super) fn plan(o: &Plan, a: &Plan, b: &Plan, pick: Pick, out: &mut Vec<Conflict>) -> Plan {
    let mut merged = a.clone();
    let mut top = Vec::new();
    fields!(
        o,
        a,
        b,
        merged,
        pick,
        top,
        [title, extra, comments, trailing_comments]
    );
    let mut ctx = Vec::new();
    let (oc, ac, bc) = (&o.context, &a.context, &b.context);
    fields!(
        oc,
        ac,
        bc,
        merged.context,
        pick,
        ctx,
        [
            problem,
            place,
            start,
            end,
            key_domains,
            rights,
            extra,
            comments
        ]
    );
    let mut goal = Vec::new();
    let (og, ag, bg) = (&o.goal, &a.goal, &b.goal);
    fields!(
        og,
        ag,
        bg,
        merged.goal,
        pick,
        goal,
        [text, impact_evidence, extra, comments]
    );
    for (kind, id, fields) in [
        ("plan", "plan", top),
        ("context", "context", ctx),
        ("goal", GOAL_ID, goal),
    ] {
        out.extend(fields.into_iter().map(|f| Conflict {
            kind,
            id: id.to_string(),
            what: What::Field(f),
        }));
    }
    merged.stakeholders = list(&o.stakeholders, &a.stakeholders, &b.stakeholders, pick, out);
    merged.outcomes = list(&o.outcomes, &a.outcomes, &b.outcomes, pick, out);
    merged.outputs = list(&o.outputs, &a.outputs, &b.outputs, pick, out);
    merged.activities = list(&o.activities, &a.activities, &b.activities, pick, out);
    merged.measures = list(&o.measures, &a.measures, &b.measures, pick, out);
    merged.assumptions = list(&o.assumptions, &a.assumptions, &b.assumptions, pick, out);
    merged.evidence = list(&o.evidence, &a.evidence, &b.evidence, pick, out);
    merged.readings = list(&o.readings, &a.readings, &b.readings, pick, out);
    merged.waivers = list(&o.waivers, &a.waivers, &b.waivers, pick, out);
    merged
}

/// Where something sits in a plan, for taking it whole from one side.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Loc {
    Context,
    Goal,
    /// An item by its table (`output`) and key.
    Item(&'static str, String),
}

/// Every item of a plan, in file order (the context and the goal first).
pub(super) fn locations(p: &Plan) -> Vec<Loc> {
    fn of<T: Merge>(out: &mut Vec<Loc>, list: &[T]) {
        out.extend(list.iter().map(|x| Loc::Item(T::KIND, x.key())));
    }
    let mut out = vec![Loc::Context, Loc::Goal];
    of(&mut out, &p.stakeholders);
    of(&mut out, &p.outcomes);
    of(&mut out, &p.outputs);
    of(&mut out, &p.activities);
    of(&mut out, &p.measures);
    of(&mut out, &p.assumptions);
    of(&mut out, &p.evidence);
    of(&mut out, &p.readings);
    of(&mut out, &p.waivers);
    out
}

/// Makes `loc` in `v` what it is on `side`: replaced, put back where `side` has it, or
/// removed when `side` has no such item.
pub(super) fn take(v: &mut Plan, side: &Plan, loc: &Loc) {
    fn one<T: Merge>(v: &mut Vec<T>, side: &[T], key: &str) {
        let at = v.iter().position(|x| x.key() == key);
        v.retain(|x| x.key() != key);
        let Some(i) = side.iter().position(|x| x.key() == key) else {
            return;
        };
        let at = at.unwrap_or_else(|| {
            side[..i]
                .iter()
                .rev()
                .find_map(|p| v.iter().position(|x| x.key() == p.key()))
                .map_or(0, |n| n + 1)
        });
        v.insert(at.min(v.len()), side[i].clone());
    }
    match loc {
        Loc::Context => v.context = side.context.clone(),
        Loc::Goal => v.goal = side.goal.clone(),
        Loc::Item(table, key) => match *table {
            "stakeholder" => one(&mut v.stakeholders, &side.stakeholders, key),
            "outcome" => one(&mut v.outcomes, &side.outcomes, key),
            "output" => one(&mut v.outputs, &side.outputs, key),
            "activity" => one(&mut v.activities, &side.activities, key),
            "measure" => one(&mut v.measures, &side.measures, key),
            "assumption" => one(&mut v.assumptions, &side.assumptions, key),
            "evidence" => one(&mut v.evidence, &side.evidence, key),
            "reading" => one(&mut v.readings, &side.readings, key),
            "waiver" => one(&mut v.waivers, &side.waivers, key),
            _ => {}
        },
    }
}
