//! The rows of a form: an item's fields with its assumptions and their evidence, the
//! stakeholders, or the plan's context. A pure function of the plan, shared by `update`
//! (what the selected row edits) and render (what it shows).

use super::app::Form;
use crate::framework::Framework;
use crate::plan::{About, Field, GOAL_ID, Kind, Plan, Shape};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// The heading the row sits under; shown when it differs from the row above's.
    pub section: String,
    pub label: String,
    /// The field the row edits; `None` on a link row.
    pub field: Option<Field>,
    /// A link row: (from, to), an item and what it serves.
    pub link: Option<(String, String)>,
    /// The value as shown (a stakeholder's name rather than their id, domains by name).
    pub value: String,
    /// What `d` deletes from this row: an assumption, evidence or stakeholder.
    pub deletes: Option<(Kind, String)>,
    /// The assumption `a` adds evidence to from this row.
    pub assumption: Option<String>,
}

/// The form's rows, top to bottom.
pub fn rows(plan: &Plan, fw: &Framework, form: &Form) -> Vec<Row> {
    let mut out = Vec::new();
    let row = |section: &str, field: Field, deletes, assumption| Row {
        section: section.to_string(),
        label: field.label().to_string(),
        value: shown(plan, fw, &field),
        field: Some(field),
        link: None,
        deletes,
        assumption,
    };
    match form {
        Form::Context => {
            for f in Field::context() {
                out.push(row("The plan and its context", f, None, None));
            }
        }
        Form::Stakeholders => {
            for s in &plan.stakeholders {
                let id = &s.id;
                let del = || Some((Kind::Stakeholder, id.clone()));
                let section = format!("Stakeholder `{id}`");
                out.push(row(
                    &section,
                    Field::StakeholderName(id.clone()),
                    del(),
                    None,
                ));
                out.push(row(
                    &section,
                    Field::StakeholderGroup(id.clone()),
                    del(),
                    None,
                ));
                out.push(row(
                    &section,
                    Field::StakeholderRole(id.clone()),
                    del(),
                    None,
                ));
                out.push(row(
                    &section,
                    Field::StakeholderInvolvement(id.clone()),
                    del(),
                    None,
                ));
                out.push(row(
                    &section,
                    Field::StakeholderAgreed(id.clone()),
                    del(),
                    None,
                ));
            }
        }
        Form::Item(id) => {
            let kind = plan.kind_of(id).unwrap_or(Kind::Goal);
            let section = format!("{} `{id}`", capitalised(kind.noun()));
            if id == GOAL_ID {
                out.push(row(&section, Field::GoalText, None, None));
                out.push(row(&section, Field::ImpactEvidence, None, None));
            } else if plan.kind_of(id).is_some() {
                out.push(row(&section, Field::Text(id.clone()), None, None));
            }
            if kind == Kind::Output {
                out.push(row(&section, Field::OutputTarget(id.clone()), None, None));
                out.push(row(&section, Field::OutputUnit(id.clone()), None, None));
                let counted = crate::plan::evaluation::output_rows(plan);
                let value = counted.iter().find(|r| r.output == *id).map_or(
                    "no count yet: r records one".to_string(),
                    |r| match &r.latest {
                        Some((d, ..)) => format!("{} on {d}", r.count()),
                        None => "no count yet: r records one".into(),
                    },
                );
                out.push(Row {
                    section: section.clone(),
                    label: "Delivered".into(),
                    value,
                    ..Row::default()
                });
            }
            if kind == Kind::Activity {
                out.push(row(&section, Field::Resources(id.clone()), None, None));
                out.push(row(&section, Field::Barrier(id.clone()), None, None));
                out.push(row(&section, Field::Responsible(id.clone()), None, None));
                out.push(row(&section, Field::Partners(id.clone()), None, None));
            }
            for m in plan.measures.iter().filter(|m| m.outcome == *id) {
                let section = format!("Measure `{}`", m.id);
                let del = || Some((Kind::Measure, m.id.clone()));
                for field in Field::of_measure(m) {
                    out.push(row(&section, field, del(), None));
                }
                out.push(Row {
                    section,
                    label: "Progress".into(),
                    value: progress_text(plan, m),
                    deletes: del(),
                    ..Row::default()
                });
            }
            for a in plan.assumptions.iter().filter(|a| concerns(&a.about, id)) {
                let section = match &a.about {
                    About::Item(_) => format!("Assumption `{}`", a.id),
                    About::Link { from, to } => format!("Assumption `{}` on {from} → {to}", a.id),
                };
                let on = || Some(a.id.clone());
                let del = Some((Kind::Assumption, a.id.clone()));
                out.push(row(
                    &section,
                    Field::AssumptionText(a.id.clone()),
                    del,
                    on(),
                ));
                for e in plan.evidence.iter().filter(|e| e.assumption == a.id) {
                    let del = || Some((Kind::Evidence, e.id.clone()));
                    out.push(row(
                        &section,
                        Field::EvidenceText(e.id.clone()),
                        del(),
                        on(),
                    ));
                    out.push(row(
                        &section,
                        Field::EvidenceKind(e.id.clone()),
                        del(),
                        on(),
                    ));
                    for field in [
                        Field::EvidenceStance(e.id.clone()),
                        Field::EvidenceSource(e.id.clone()),
                        Field::EvidenceLimitations(e.id.clone()),
                    ] {
                        out.push(row(&section, field, del(), on()));
                    }
                }
            }
            let links = plan
                .serves_of(id)
                .into_iter()
                .map(|to| ("Serves", "→", id.clone(), to))
                .chain(
                    plan.served_by(id)
                        .into_iter()
                        .map(|from| ("Served by", "←", from, id.clone())),
                );
            for (section, arrow, from, to) in links {
                let other = if from == *id { &to } else { &from };
                out.push(Row {
                    section: section.to_string(),
                    label: arrow.to_string(),
                    field: None,
                    value: item_label(plan, other),
                    link: Some((from, to)),
                    deletes: None,
                    assumption: None,
                });
            }
        }
    }
    out
}

/// "Output `drop-in-sessions`: Weekly café-style drop-in sessions ..."
pub fn item_label(p: &Plan, id: &str) -> String {
    let kind = p.kind_of(id).map_or("item", Kind::noun);
    let text = p.item_text(id).unwrap_or_default();
    format!("{} `{id}`: {text}", capitalised(kind))
}

/// "24 on 2026-10-01 · ██████░░░░ 60% · ▁▃▅█", each group's latest and the gap, why it
/// is off track, or how to record the first reading.
fn progress_text(plan: &Plan, m: &crate::plan::Measure) -> String {
    use crate::plan::evaluation::{Progress, bar, current, group_latest, progress, sparkline};
    let mut parts: Vec<String> = group_latest(plan, m)
        .into_iter()
        .map(|g| match g.latest {
            Some((d, v)) => format!("{}: {v} on {d}", g.group),
            None => format!("{}: no reading yet", g.group),
        })
        .collect();
    let Some((date, value, _)) = current(plan, m) else {
        // Each group already said it has none: only the key is left to say.
        parts.push(if parts.is_empty() {
            "no reading yet: r records one".into()
        } else {
            "r records one".into()
        });
        return parts.join(" · ");
    };
    let gap = if m.gap { "gap " } else { "" };
    parts.push(format!("{gap}{value} on {date}"));
    if let Progress::Known {
        share, off_track, ..
    } = progress(plan, m, Some((date, value)))
    {
        let flag = if off_track { " ! off track" } else { "" };
        parts.push(format!("{}{flag}", bar(share, 10)));
    }
    let spark = sparkline(plan, &m.id);
    if !spark.is_empty() {
        parts.push(spark);
    }
    parts.join(" · ")
}

/// Assumptions shown with an item: about it, or about a link from it.
fn concerns(about: &About, id: &str) -> bool {
    match about {
        About::Item(i) => i == id,
        About::Link { from, .. } => from == id,
    }
}

fn shown(plan: &Plan, fw: &Framework, field: &Field) -> String {
    let raw = plan.field(field).unwrap_or_default();
    shown_as(plan, fw, field, raw, |id| {
        plan.stakeholder(id).map(|s| s.name.as_str())
    })
}

/// A value read already (`raw`, as `Plan::field` gives it) as its row shows it; `name`
/// is a stakeholder's name by id. The search reads every field of the plan this way,
/// from the items it holds, without a lookup by id for each.
pub(crate) fn shown_as<'p>(
    plan: &Plan,
    fw: &Framework,
    field: &Field,
    raw: String,
    name: impl Fn(&str) -> Option<&'p str>,
) -> String {
    match field {
        // Stakeholders by name, agreements by the guide's words.
        Field::Responsible(_) | Field::Partners(_) => {
            return raw
                .lines()
                .map(|id| name(id).unwrap_or(id).to_string())
                .collect::<Vec<_>>()
                .join("; ");
        }
        Field::StakeholderAgreed(_) => {
            return raw
                .lines()
                .map(|id| {
                    let a = fw.worksheet.agreements.iter().find(|a| a.id == id);
                    a.map_or(id.to_string(), |a| format!("{} {}", a.number, a.name))
                })
                .collect::<Vec<_>>()
                .join("; ");
        }
        _ => {}
    }
    match field.shape() {
        Shape::Choice => plan
            .choices(field)
            .into_iter()
            .find(|(v, _)| *v == raw)
            .map_or(raw, |(_, label)| label),
        Shape::Domains => plan
            .context
            .key_domains
            .iter()
            .map(|n| match fw.domain(*n) {
                Some(d) => format!("{n} {} ({})", d.name, category_name(fw, &d.category)),
                None => n.to_string(),
            })
            .collect::<Vec<_>>()
            .join("; "),
        Shape::List => raw.lines().collect::<Vec<_>>().join("; "),
        Shape::Indicator => match fw.indicator(&raw) {
            Some(i) => format!(
                "{} [{} {}]",
                i.text,
                i.domain,
                fw.domain(i.domain).map_or("", |d| d.name.as_str())
            ),
            None if raw.is_empty() => raw,
            None => format!("{raw} (not in any loaded bank)"),
        },
        _ => raw,
    }
}

fn category_name(fw: &Framework, id: &str) -> String {
    fw.category(id).map_or(id.to_string(), |c| c.name.clone())
}

pub fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The title of the editor or chooser for a field.
pub fn field_title(field: &Field, section: &str) -> String {
    let how = match field.shape() {
        Shape::Date => " (YYYY-MM-DD; empty clears it)",
        Shape::Domains => " (numbers or names, e.g. 9, social bridges, work)",
        Shape::List => match field {
            Field::Responsible(_) | Field::Partners(_) => " (ids or names, one per line)",
            Field::StakeholderAgreed(_) => {
                " (one per line: 1 outcomes, 2 actions, 3 interactions, 4 logic, 5 responsibility)"
            }
            _ => " (one per line)",
        },
        _ => "",
    };
    // Evidence rows sit under their assumption's heading, but "Assumption `x`: Kind"
    // reads as the assumption's kind: the title names the evidence.
    let section = match field {
        Field::EvidenceText(id)
        | Field::EvidenceSource(id)
        | Field::EvidenceKind(id)
        | Field::EvidenceStance(id)
        | Field::EvidenceLimitations(id) => format!("Evidence `{id}`"),
        _ => section.to_string(),
    };
    format!("{section}: {}{how}", field.label())
}
