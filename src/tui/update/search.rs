//! Searching the plan (`/`) and stepping through the matches (`n`, `N`).

use super::super::app::*;
use crate::plan::Field;

pub fn search(app: &mut App, query: &str) {
    if query.is_empty() {
        app.search = None;
        return;
    }
    let q = crate::text::fold(query);
    let mut hits = Vec::new();
    // Every field, as its form shows it: an item's own fields with its measures,
    // assumptions and their evidence, then the stakeholders and the context.
    let mut forms: Vec<(Form, Option<(Pane, usize)>)> = Vec::new();
    for pane in [GOAL, OUTCOMES, OUTPUTS, ACTIVITIES] {
        for (row, (id, _)) in app.pane_rows(pane).enumerate() {
            forms.push((Form::Item(id.to_string()), Some((pane, row))));
        }
    }
    forms.push((Form::Stakeholders, None));
    forms.push((Form::Context, None));
    for (form, at) in forms {
        for row in crate::tui::form::rows(app.plan(), app.fw(), &form) {
            let Some(field) = row.field else { continue };
            let id_hit = matches!(&field, Field::Text(id) if crate::text::fold(id).contains(&q));
            if id_hit || crate::text::fold(&row.value).contains(&q) {
                hits.push(Hit {
                    field,
                    form: form.clone(),
                    at,
                });
            }
        }
    }
    // Items whose own text matches come first, in pane order, then every other field.
    hits.sort_by_key(|h| !matches!(h.field, Field::Text(_) | Field::GoalText));
    app.search = Some(Search {
        query: query.to_string(),
        hits,
        current: 0,
    });
    jump(app);
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
