//! Searching the plan (`/`) and stepping through the matches (`n`, `N`).

use super::super::app::*;

pub fn search(app: &mut App, query: &str) {
    if query.is_empty() {
        app.search = None;
        return;
    }
    let q = query.to_lowercase();
    let mut hits = Vec::new();
    for pane in [GOAL, OUTCOMES, OUTPUTS, ACTIVITIES] {
        for (row, (id, text)) in app.pane_rows(pane).enumerate() {
            if text.to_lowercase().contains(&q) || id.contains(&q) {
                hits.push((pane, row));
            }
        }
    }
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
    match hits.get(i) {
        Some(&(pane, row)) => {
            app.pane = pane;
            app.rows[pane] = row;
            app.say(
                Tone::Info,
                format!(
                    "Match {} of {} for \"{query}\" (n next, N previous)",
                    i + 1,
                    hits.len()
                ),
            );
        }
        None => app.say(Tone::Warn, format!("No item matches \"{query}\"")),
    }
}
