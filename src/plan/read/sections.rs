//! Decoding each section of the plan file into the model.

use toml_edit::{Item, TableLike, Value};

use super::super::comments::{Comments, comment_lines, trailing_comment};
use super::super::model::*;
use super::Reader;
use super::fields::{Fields, describe};
use super::items::{
    activity, assumption, evidence, measure, outcome, output, reading, stakeholder, waiver,
};

/// Top-level keys this version knows, in the order they are written.
pub(crate) const KNOWN_ROOT: [&str; 13] = [
    "schema",
    "title",
    "context",
    "goal",
    "stakeholder",
    "outcome",
    "output",
    "activity",
    "measure",
    "assumption",
    "evidence",
    "reading",
    "waiver",
];

pub(super) fn decode<'a>(r: &mut Reader<'a>, root: &'a dyn TableLike) -> Plan {
    let mut f = Fields::new(
        r,
        root,
        String::new(),
        "the top level".into(),
        None,
        Comments::default(),
    );
    f.get("schema");
    let title = f.required("title", "\"Language café\"");
    let mut plan = Plan {
        title,
        ..Plan::default()
    };
    // Sections are read through their own helpers; mark them used so they are not extras.
    for key in &KNOWN_ROOT[2..] {
        f.get(key);
    }
    let (extra, mut comments) = f.finish();
    // Comments above the file's first key are the file's own header: they stay on top
    // whatever key the writer puts first.
    if let Some((first, Item::Value(_))) = root.iter().next()
        && let Some(kc) = comments.keys.get_mut(first)
    {
        comments.header = std::mem::take(&mut kc.above);
        if kc.after.is_none() {
            comments.keys.remove(first);
        }
    }
    plan.extra = extra;
    plan.comments = comments;

    if let Some((t, pos, c)) = single_table(r, root, "context") {
        plan.context = context(Fields::new(
            r,
            t,
            "context".into(),
            "[context]".into(),
            pos,
            c,
        ));
    }
    if let Some((t, pos, c)) = single_table(r, root, "goal") {
        plan.goal = goal(Fields::new(r, t, "goal".into(), "[goal]".into(), pos, c));
    }
    items(r, root, &mut plan);
    plan
}

/// The arrays of items, appended to what `plan` already holds.
fn items<'a>(r: &mut Reader<'a>, root: &'a dyn TableLike, plan: &mut Plan) {
    let p = plan;
    many(r, root, Kind::Stakeholder, stakeholder, &mut p.stakeholders);
    many(r, root, Kind::Outcome, outcome, &mut p.outcomes);
    many(r, root, Kind::Output, output, &mut p.outputs);
    many(r, root, Kind::Activity, activity, &mut p.activities);
    many(r, root, Kind::Measure, measure, &mut p.measures);
    many(r, root, Kind::Assumption, assumption, &mut p.assumptions);
    many(r, root, Kind::Evidence, evidence, &mut p.evidence);
    many_named(r, root, "reading", reading, &mut p.readings);
    many_named(r, root, "waiver", waiver, &mut p.waivers);
}

/// The arrays of tables a large file may be cut between (see `read::chunks`).
pub(super) const ITEM_ARRAYS: &[&str] = KNOWN_ROOT.split_at(4).1;

/// Whether every item array in `root` is an array of `[[tables]]`: only then can a later
/// chunk's tables join it as they would in the whole file.
pub(super) fn arrays_of_tables(root: &dyn TableLike) -> bool {
    ITEM_ARRAYS.iter().all(|name| {
        root.get(name)
            .is_none_or(|item| matches!(item, Item::ArrayOfTables(_)))
    })
}

/// A later chunk of a large file: its item tables, appended to `plan`. `None` when it
/// holds anything else (the caller then reads the file whole).
pub(super) fn decode_more<'a>(
    r: &mut Reader<'a>,
    root: &'a dyn TableLike,
    plan: &mut Plan,
) -> Option<()> {
    let only_items = root.iter().all(|(key, _)| ITEM_ARRAYS.contains(&key));
    if !only_items || !arrays_of_tables(root) {
        return None;
    }
    for (key, _) in root.iter() {
        // As `Fields::get` places a key, for an array that starts in this piece.
        if let Some((k, item)) = root.get_key_value(key)
            && let Some(span) = item.span().or_else(|| k.span())
        {
            let pos = r.pos(span.start);
            r.map.insert(key.to_string(), pos);
        }
    }
    items(r, root, plan);
    Some(())
}

type TableAt<'a> = (&'a dyn TableLike, Option<super::Pos>, Comments);

fn header_comments(r: &Reader<'_>, decor: &toml_edit::Decor) -> Comments {
    Comments {
        header: decor
            .prefix()
            .map(|p| comment_lines(r.raw(p)))
            .unwrap_or_default(),
        header_after: decor.suffix().and_then(|s| trailing_comment(r.raw(s))),
        ..Comments::default()
    }
}

fn single_table<'a>(
    r: &mut Reader<'a>,
    root: &'a dyn TableLike,
    name: &str,
) -> Option<TableAt<'a>> {
    let (k, item) = root.get_key_value(name)?;
    let pos = item.span().or_else(|| k.span()).map(|s| r.pos(s.start));
    match item {
        Item::Table(t) => Some((t, pos, header_comments(r, t.decor()))),
        Item::Value(Value::InlineTable(t)) => Some((t, pos, Comments::default())),
        other => {
            let found = describe(other);
            r.error(
                pos,
                format!("`{name}` must be a table, written `[{name}]`, found {found}"),
            );
            None
        }
    }
}

fn many<'a, T>(
    r: &mut Reader<'a>,
    root: &'a dyn TableLike,
    kind: Kind,
    decode: fn(Fields<'_, 'a>) -> T,
    into: &mut Vec<T>,
) {
    many_named(r, root, kind.table(), decode, into)
}

/// Decodes the tables of one array, numbered on from those already in `into`.
fn many_named<'a, T>(
    r: &mut Reader<'a>,
    root: &'a dyn TableLike,
    name: &str,
    decode: fn(Fields<'_, 'a>) -> T,
    into: &mut Vec<T>,
) {
    let Some((k, item)) = root.get_key_value(name) else {
        return;
    };
    let key_pos = k.span().map(|s| r.pos(s.start));
    let tables: Vec<TableAt<'a>> = match item {
        Item::ArrayOfTables(a) => a
            .iter()
            .map(|t| {
                let pos = t.span().map(|s| r.pos(s.start));
                (t as &dyn TableLike, pos, header_comments(r, t.decor()))
            })
            .collect(),
        Item::Value(Value::Array(a)) if a.iter().all(|v| v.is_inline_table()) => a
            .iter()
            .filter_map(|v| {
                let pos = v.span().map(|s| r.pos(s.start));
                v.as_inline_table()
                    .map(|t| (t as &dyn TableLike, pos, Comments::default()))
            })
            .collect(),
        other => {
            let found = describe(other);
            r.error(
                key_pos,
                format!(
                    "`{name}` must be an array of tables, each written `[[{name}]]`, found {found}"
                ),
            );
            return;
        }
    };
    let base = into.len();
    for (i, (t, pos, c)) in tables.into_iter().enumerate() {
        let i = base + i;
        let label = match pos {
            Some(p) => format!("[[{name}]] at line {}", p.line),
            None => format!("[[{name}]] number {}", i + 1),
        };
        into.push(decode(Fields::new(
            r,
            t,
            format!("{name}[{i}]"),
            label,
            pos,
            c,
        )));
    }
}

fn context(mut f: Fields<'_, '_>) -> Context {
    let problem = f.text("problem");
    let place = f.text("place");
    let start = f.date("start");
    let end = f.date("end");
    let key_domains = f.small_numbers("key_domains");
    let rights = f.text("rights");
    let (extra, comments) = f.finish();
    Context {
        problem,
        place,
        start,
        end,
        key_domains,
        rights,
        extra,
        comments,
    }
}

fn goal(mut f: Fields<'_, '_>) -> Goal {
    let text = f.text("text");
    let impact_evidence = f.text("impact_evidence");
    let (extra, comments) = f.finish();
    Goal {
        text,
        impact_evidence,
        extra,
        comments,
    }
}
