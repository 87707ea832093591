//! Decoding the items of each array of tables (`[[outcome]]`, `[[measure]]`, ...).

use super::super::model::*;
use super::super::values::{Date, Number};
use super::fields::{Fields, describe};

fn id_and_text(f: &mut Fields<'_, '_>) -> (String, String) {
    let id = f.required("id", "\"short-readable-id\"");
    let text = f.required("text", "\"...\"");
    (id, text)
}

pub(super) fn stakeholder(mut f: Fields<'_, '_>) -> Stakeholder {
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
    let agreed = f.strings("agreed");
    let (extra, comments) = f.finish();
    Stakeholder {
        id,
        name,
        group,
        role,
        involvement,
        agreed,
        extra,
        comments,
    }
}

pub(super) fn outcome(mut f: Fields<'_, '_>) -> Outcome {
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

pub(super) fn output(mut f: Fields<'_, '_>) -> Output {
    let (id, text) = id_and_text(&mut f);
    let serves = f.strings("serves");
    let target = f.number("target");
    let unit = f.text("unit");
    let (extra, comments) = f.finish();
    Output {
        id,
        text,
        serves,
        target,
        unit,
        extra,
        comments,
    }
}

pub(super) fn activity(mut f: Fields<'_, '_>) -> Activity {
    let (id, text) = id_and_text(&mut f);
    let serves = f.strings("serves");
    let resources = f.strings("resources");
    let barrier = f.text("barrier");
    let responsible = f.one_or_many("responsible");
    let partners = f.strings("partners");
    let (extra, comments) = f.finish();
    Activity {
        id,
        text,
        serves,
        resources,
        barrier,
        responsible,
        partners,
        extra,
        comments,
    }
}

pub(super) fn measure(mut f: Fields<'_, '_>) -> Measure {
    let id = f.required("id", "\"practice-outside-class\"");
    let outcome = f.required("outcome", "\"an-outcome-id\"");
    let indicator = f.required(
        "indicator",
        "\"language-and-communication.esol-attendance\"",
    );
    let rationale = f.text("rationale");
    let groups = f.strings("groups");
    let baseline = f.number("baseline");
    let target = f.number("target");
    let target_text = f.text("target_text");
    let gap = f.flag("gap");
    let target_date = f.date("target_date");
    let method = f.text("method");
    let sample = f.text("sample");
    let frequency = f.text("frequency");
    let collected_by = f.text("collected_by");
    let analysis = f.text("analysis");
    let (extra, comments) = f.finish();
    Measure {
        id,
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
        comments,
    }
}

pub(super) fn assumption(mut f: Fields<'_, '_>) -> Assumption {
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
                    if let Some(sp) = v.span()
                        && f.r.record
                    {
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

pub(super) fn evidence(mut f: Fields<'_, '_>) -> Evidence {
    let id = f.required("id", "\"attendance-records\"");
    let assumption = f.required("assumption", "\"an-assumption-id\"");
    let kind = f.string("kind").and_then(|k| {
        let parsed = EvidenceKind::parse(&k);
        if parsed.is_none() {
            let pos = f.r.map.get(&format!("{}.kind", f.path));
            f.r.error(pos, format!("`kind = \"{}\"` is not a kind of evidence; use \"qualitative\", \"statistical\" or \"mixed\"", crate::text::sanitize(&k)));
        }
        parsed
    });
    let stance = f.string("stance").and_then(|k| {
        let parsed = Stance::parse(&k);
        if parsed.is_none() {
            let pos = f.r.map.get(&format!("{}.stance", f.path));
            f.r.error(pos, format!("`stance = \"{}\"` is not what evidence can say of its assumption; use \"supports\", \"contradicts\" or \"untested\"", crate::text::sanitize(&k)));
        }
        parsed
    });
    let text = f.required("text", "\"...\"");
    let source = f.text("source");
    let limitations = f.text("limitations");
    let (extra, comments) = f.finish();
    Evidence {
        id,
        assumption,
        kind,
        stance,
        text,
        source,
        limitations,
        extra,
        comments,
    }
}

pub(super) fn reading(mut f: Fields<'_, '_>) -> Reading {
    // A count of an output names the output where a measure's reading names the measure.
    let output = f.has("output") && !f.has("measure");
    let measure = if output {
        f.required("output", "\"an-output-id\"")
    } else {
        f.required("measure", "\"a-measure-id\"")
    };
    let group = f.text("group");
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
        output,
        group,
        date: date.unwrap_or(Date {
            year: 1,
            month: 1,
            day: 1,
        }),
        value: value.unwrap_or(Number::Int(0)),
        note,
        extra,
        comments,
    }
}

pub(super) fn waiver(mut f: Fields<'_, '_>) -> Waiver {
    let rule = f.required("rule", "\"social-connections\"");
    let reason = f.required("reason", "\"Why the team chose this\"");
    let (extra, comments) = f.finish();
    Waiver {
        rule,
        reason,
        extra,
        comments,
    }
}
