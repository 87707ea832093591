//! Decoding each section of the plan file into the model.

use toml_edit::{Item, TableLike, Value};

use super::super::comments::{Comments, comment_lines, trailing_comment};
use super::super::model::*;
use super::Reader;
use super::fields::{Fields, describe};

/// Top-level keys this version knows, in the order they are written.
pub(crate) const KNOWN_ROOT: [&str; 12] = [
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
    plan.stakeholders = many(r, root, Kind::Stakeholder, stakeholder);
    plan.outcomes = many(r, root, Kind::Outcome, outcome);
    plan.outputs = many(r, root, Kind::Output, output);
    plan.activities = many(r, root, Kind::Activity, activity);
    plan.measures = many(r, root, Kind::Measure, measure);
    plan.assumptions = many(r, root, Kind::Assumption, assumption);
    plan.evidence = many(r, root, Kind::Evidence, evidence);
    plan.readings = many_named(r, root, "reading", reading);
    plan
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
) -> Vec<T> {
    many_named(r, root, kind.table(), decode)
}

fn many_named<'a, T>(
    r: &mut Reader<'a>,
    root: &'a dyn TableLike,
    name: &str,
    decode: fn(Fields<'_, 'a>) -> T,
) -> Vec<T> {
    let Some((k, item)) = root.get_key_value(name) else {
        return Vec::new();
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
            return Vec::new();
        }
    };
    tables
        .into_iter()
        .enumerate()
        .map(|(i, (t, pos, c))| {
            let label = match pos {
                Some(p) => format!("[[{name}]] at line {}", p.line),
                None => format!("[[{name}]] number {}", i + 1),
            };
            decode(Fields::new(r, t, format!("{name}[{i}]"), label, pos, c))
        })
        .collect()
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

fn id_and_text(f: &mut Fields<'_, '_>) -> (String, String) {
    let id = f.required("id", "\"short-readable-id\"");
    let text = f.required("text", "\"...\"");
    (id, text)
}

fn stakeholder(mut f: Fields<'_, '_>) -> Stakeholder {
    let id = f.required("id", "\"esol-provider\"");
    let name = f.required("name", "\"ESOL provider\"");
    let group = match f.string("group") {
        Some(g) => Group::parse(&g).unwrap_or_else(|| {
            let pos = f.r.map.get(&format!("{}.group", f.path));
            f.r.error(pos, format!("`group = \"{}\"` is not a stakeholder group; use \"newcomers\", \"receiving-community\" or \"institutions\"", crate::text::sanitize(&g)));
            Group::Newcomers
        }),
        None => {
            f.missing("group", "\"institutions\"");
            Group::Newcomers
        }
    };
    let role = f.text("role");
    let involvement = f.text("involvement");
    let (extra, comments) = f.finish();
    Stakeholder {
        id,
        name,
        group,
        role,
        involvement,
        extra,
        comments,
    }
}

fn outcome(mut f: Fields<'_, '_>) -> Outcome {
    let (id, text) = id_and_text(&mut f);
    let serves = f.strings("serves");
    let (extra, comments) = f.finish();
    Outcome {
        id,
        text,
        serves,
        extra,
        comments,
    }
}

fn output(mut f: Fields<'_, '_>) -> Output {
    let (id, text) = id_and_text(&mut f);
    let serves = f.strings("serves");
    let (extra, comments) = f.finish();
    Output {
        id,
        text,
        serves,
        extra,
        comments,
    }
}

fn activity(mut f: Fields<'_, '_>) -> Activity {
    let (id, text) = id_and_text(&mut f);
    let serves = f.strings("serves");
    let resources = f.strings("resources");
    let barrier = f.text("barrier");
    let responsible = f.string("responsible");
    let (extra, comments) = f.finish();
    Activity {
        id,
        text,
        serves,
        resources,
        barrier,
        responsible,
        extra,
        comments,
    }
}

fn measure(mut f: Fields<'_, '_>) -> Measure {
    let id = f.required("id", "\"practice-outside-class\"");
    let outcome = f.required("outcome", "\"an-outcome-id\"");
    let indicator = f.required(
        "indicator",
        "\"language-and-communication.esol-attendance\"",
    );
    let baseline = f.number("baseline");
    let target = f.number("target");
    let target_date = f.date("target_date");
    let method = f.text("method");
    let sample = f.text("sample");
    let frequency = f.text("frequency");
    let collected_by = f.text("collected_by");
    let (extra, comments) = f.finish();
    Measure {
        id,
        outcome,
        indicator,
        baseline,
        target,
        target_date,
        method,
        sample,
        frequency,
        collected_by,
        extra,
        comments,
    }
}

fn assumption(mut f: Fields<'_, '_>) -> Assumption {
    let id = f.required("id", "\"few-chances-to-practise\"");
    let about = match f.get("about") {
        None => {
            f.missing(
                "about",
                "\"an-item-id\" or [\"from-id\", \"to-id\"] for a link",
            );
            About::Item(String::new())
        }
        Some(item) => match (item.as_str(), item.as_array()) {
            (Some(s), _) => About::Item(s.to_string()),
            (_, Some(a)) if a.len() == 2 && a.iter().all(|v| v.is_str()) => {
                let s: Vec<String> = a
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect();
                for (i, v) in a.iter().enumerate() {
                    if let Some(sp) = v.span() {
                        let p = f.r.pos(sp.start);
                        f.r.map.insert(format!("{}.about[{i}]", f.path), p);
                    }
                }
                About::Link {
                    from: s[0].clone(),
                    to: s[1].clone(),
                }
            }
            _ => {
                let pos = f.r.map.get(&format!("{}.about", f.path));
                let label = f.label.clone();
                f.r.error(pos, format!("`about` in {label} must be an item id, or [\"from-id\", \"to-id\"] for the link from one item to what it serves; found {}", describe(item)));
                About::Item(String::new())
            }
        },
    };
    let text = f.required("text", "\"The barrier to integration in this case is ...\"");
    let (extra, comments) = f.finish();
    Assumption {
        id,
        about,
        text,
        extra,
        comments,
    }
}

fn evidence(mut f: Fields<'_, '_>) -> Evidence {
    let id = f.required("id", "\"attendance-records\"");
    let assumption = f.required("assumption", "\"an-assumption-id\"");
    let kind = f.string("kind").and_then(|k| {
        let parsed = EvidenceKind::parse(&k);
        if parsed.is_none() {
            let pos = f.r.map.get(&format!("{}.kind", f.path));
            f.r.error(pos, format!("`kind = \"{}\"` is not a kind of evidence; use \"qualitative\" or \"statistical\"", crate::text::sanitize(&k)));
        }
        parsed
    });
    let text = f.required("text", "\"...\"");
    let source = f.text("source");
    let (extra, comments) = f.finish();
    Evidence {
        id,
        assumption,
        kind,
        text,
        source,
        extra,
        comments,
    }
}

fn reading(mut f: Fields<'_, '_>) -> Reading {
    let measure = f.required("measure", "\"a-measure-id\"");
    let date = f.date("date");
    if !f.has("date") {
        f.missing("date", "2026-06-30");
    }
    let value = f.number("value");
    if !f.has("value") {
        f.missing("value", "25");
    }
    let note = f.text("note");
    let (extra, comments) = f.finish();
    Reading {
        measure,
        date: date.unwrap_or(super::super::values::Date {
            year: 1,
            month: 1,
            day: 1,
        }),
        value: value.unwrap_or(super::super::values::Number::Int(0)),
        note,
        extra,
        comments,
    }
}
