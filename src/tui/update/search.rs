//! Searching the plan (`/`) and stepping through the matches (`n`, `N`).

use std::collections::HashMap;

use super::super::app::*;
use crate::plan::{About, Assumption, Evidence, Field, Measure, Plan};

pub fn search(app: &mut App, query: &str) {
    if query.is_empty() {
        app.search = None;
        return;
    }
    let mut hits = find(app, &crate::text::fold(query));
    // Items whose own text matches come first, in pane order, then every other field.
    hits.sort_by_key(|h| !matches!(h.field, Field::Text(_) | Field::GoalText));
    app.search = Some(Search {
        query: query.to_string(),
        hits,
        current: 0,
    });
    jump(app);
}

/// Every field whose value as its form shows it (or, for an item's text, its id) holds
/// `q` (folded), in the forms' order: each pane's items with their measures, assumptions
/// and evidence, then the stakeholders and the context. The fields are read from the items
/// themselves, each once: building each item's form instead looked up its measures,
/// assumptions, evidence and every value by id, which made a search of 10,000 items take
/// seconds.
fn find(app: &App, q: &str) -> Vec<Hit> {
    let plan = app.plan();
    let index = Index::of(plan);
    let mut hits = Vec::new();
    let mut test = |form: &Form, at, field: Field, raw: String| {
        let id_hit = matches!(&field, Field::Text(id) if crate::text::fold(id).contains(q));
        if id_hit || crate::text::fold(&index.shown(app, &field, raw)).contains(q) {
            hits.push(Hit {
                field,
                form: form.clone(),
                at,
            });
        }
    };
    for pane in [GOAL, OUTCOMES, OUTPUTS, ACTIVITIES] {
        for (row, (id, text)) in app.pane_rows(pane).enumerate() {
            let form = Form::Item(id.to_string());
            let at = Some((pane, row));
            let mut field = |field: Field, raw: String| test(&form, at, field, raw);
            let own = || id.to_string();
            if pane == GOAL {
                field(Field::GoalText, text.to_string());
                field(Field::ImpactEvidence, plan.goal.impact_evidence.clone());
            } else {
                field(Field::Text(own()), text.to_string());
            }
            if pane == OUTPUTS
                && let Some(o) = plan.outputs.get(row)
            {
                for f in [Field::OutputTarget(own()), Field::OutputUnit(own())] {
                    let raw = o.field_text(&f).unwrap_or_default();
                    field(f, raw);
                }
            }
            if pane == ACTIVITIES
                && let Some(a) = plan.activities.get(row)
            {
                for f in [
                    Field::Resources(own()),
                    Field::Barrier(own()),
                    Field::Responsible(own()),
                    Field::Partners(own()),
                ] {
                    let raw = a.field_text(&f).unwrap_or_default();
                    field(f, raw);
                }
            }
            for m in index.measures.get(id).into_iter().flatten() {
                for f in Field::of_measure(m) {
                    let raw = m.field_text(&f).unwrap_or_default();
                    field(f, raw);
                }
            }
            for a in index.assumptions.get(id).into_iter().flatten() {
                field(Field::AssumptionText(a.id.clone()), a.text.clone());
                for e in index.evidence.get(a.id.as_str()).into_iter().flatten() {
                    let eid = || e.id.clone();
                    for f in [
                        Field::EvidenceText(eid()),
                        Field::EvidenceKind(eid()),
                        Field::EvidenceStance(eid()),
                        Field::EvidenceSource(eid()),
                        Field::EvidenceLimitations(eid()),
                    ] {
                        let raw = e.field_text(&f).unwrap_or_default();
                        field(f, raw);
                    }
                }
            }
        }
    }
    for s in &plan.stakeholders {
        let sid = || s.id.clone();
        for f in [
            Field::StakeholderName(sid()),
            Field::StakeholderGroup(sid()),
            Field::StakeholderRole(sid()),
            Field::StakeholderInvolvement(sid()),
            Field::StakeholderAgreed(sid()),
        ] {
            let raw = s.field_text(&f).unwrap_or_default();
            test(&Form::Stakeholders, None, f, raw);
        }
    }
    for f in Field::context() {
        let raw = plan.field(&f).unwrap_or_default();
        test(&Form::Context, None, f, raw);
    }
    hits
}

/// What each item's form gathers from the rest of the plan, gathered once for the whole
/// plan: measures by outcome, assumptions by the item they concern (or the link from it),
/// evidence by assumption, in file order; stakeholders' names by id.
struct Index<'p> {
    measures: HashMap<&'p str, Vec<&'p Measure>>,
    assumptions: HashMap<&'p str, Vec<&'p Assumption>>,
    evidence: HashMap<&'p str, Vec<&'p Evidence>>,
    names: HashMap<&'p str, &'p str>,
}

impl<'p> Index<'p> {
    fn of(plan: &'p Plan) -> Self {
        let mut index = Index {
            measures: HashMap::new(),
            assumptions: HashMap::new(),
            evidence: HashMap::new(),
            names: HashMap::new(),
        };
        for m in &plan.measures {
            index.measures.entry(&m.outcome).or_default().push(m);
        }
        for a in &plan.assumptions {
            let on = match &a.about {
                About::Item(id) | About::Link { from: id, .. } => id.as_str(),
            };
            index.assumptions.entry(on).or_default().push(a);
        }
        for e in &plan.evidence {
            index.evidence.entry(&e.assumption).or_default().push(e);
        }
        for s in &plan.stakeholders {
            // The first of a repeated id, as a lookup by id finds.
            index.names.entry(&s.id).or_insert(&s.name);
        }
        index
    }

    fn shown(&self, app: &App, field: &Field, raw: String) -> String {
        crate::tui::form::shown_as(app.plan(), app.fw(), field, raw, |id| {
            self.names.get(id).copied()
        })
    }
}

pub fn step_match(app: &mut App, forward: bool) {
    let Some(Search {
        hits, current: i, ..
    }) = app.search.as_mut()
    else {
        app.say(Tone::Info, "No search yet: press / to search the plan");
        return;
    };
    if !hits.is_empty() {
        *i = if forward {
            (*i + 1) % hits.len()
        } else {
            (*i + hits.len() - 1) % hits.len()
        };
    }
    jump(app);
}

fn jump(app: &mut App) {
    let Some(Search {
        query,
        hits,
        current: i,
    }) = app.search.clone()
    else {
        return;
    };
    let query = crate::text::sanitize(&query);
    let Some(hit) = hits.get(i) else {
        app.say(
            Tone::Warn,
            format!("Nothing in the plan matches \"{query}\""),
        );
        return;
    };
    if let Some((pane, row)) = hit.at {
        app.pane = pane;
        app.rows[pane] = row;
    }
    // A match in an item's text shows in its pane; any other field in its form, on it.
    let in_pane = matches!(hit.field, Field::Text(_) | Field::GoalText);
    app.close(|l| {
        matches!(
            l,
            Layer::Overlay {
                overlay: Overlay::Form(_),
                ..
            }
        )
    });
    if !in_pane {
        app.push(Layer::overlay(Overlay::Form(hit.form.clone())));
        super::open::focus_field(app, &hit.field);
    }
    // Which field matched: an assumption's or evidence's own words name it alone.
    let place = match (&hit.form, &hit.field, hit.field.owner()) {
        (Form::Context, f, _) => format!("{} of the plan's context", f.label().to_lowercase()),
        (_, Field::AssumptionText(id) | Field::EvidenceText(id), _) => app.plan().named(id),
        (_, f, Some(id)) => format!("{} of {}", f.label().to_lowercase(), app.plan().named(id)),
        (_, f, None) => format!("{} of the goal", f.label().to_lowercase()),
    };
    app.say(
        Tone::Info,
        format!(
            "Match {} of {} for \"{query}\": {place} (n next, N previous)",
            i + 1,
            hits.len(),
        ),
    );
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
