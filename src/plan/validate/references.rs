//! References by id from one item to another (a measure's outcome and indicator, an
//! assumption's item, evidence's assumption, a reading's measure and group, stakeholders
//! and agreements), and the context's key domains.

use std::collections::HashSet;

use super::super::model::*;
use super::{Check, article, suggest};
use crate::framework::Framework;

pub(super) fn references(plan: &Plan, fw: &Framework, c: &mut Check<'_>) {
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
