//! The review overlay: findings grouped by principle; Enter goes to what one is about.

use super::super::app::*;
use super::super::keymap::Action;
use super::Effect;
use crate::plan::review::{At, Finding, RULES};

pub fn open(app: &mut App) {
    app.overlay = Some(Overlay::Review);
    app.review_row = 0;
    app.status = None;
}

/// The findings in the order the overlay lists them: by rule, in `RULES` order.
pub fn ordered(findings: &[Finding]) -> Vec<&Finding> {
    RULES
        .iter()
        .flat_map(|(rule, _)| findings.iter().filter(move |f| f.rule == *rule))
        .collect()
}

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    if !app.problems.is_empty() {
        return problems(app, action);
    }
    let last = app.review.1.len().saturating_sub(1);
    match action {
        Action::Cancel => app.overlay = None,
        Action::Down => app.review_row = (app.review_row + 1).min(last),
        Action::Up => app.review_row = app.review_row.saturating_sub(1),
        Action::Top => app.review_row = 0,
        Action::Bottom => app.review_row = last,
        Action::Open => {
            let at = ordered(&app.review.1)
                .get(app.review_row)
                .map(|f| f.at.clone());
            match at {
                Some(At::Item(id)) => {
                    app.select(&id);
                    super::form::open(app, Form::Item(id));
                }
                Some(At::Stakeholders) => super::form::open(app, Form::Stakeholders),
                Some(At::Context) => super::form::open(app, Form::Context),
                None => app.say(Tone::Info, "Nothing to review: the plan meets every rule"),
            }
        }
        _ => {}
    }
    Vec::new()
}

/// The list of a read-only plan's errors: moving through it, and what Enter can do.
fn problems(app: &mut App, action: Action) -> Vec<Effect> {
    let last = app.problems.len().saturating_sub(1);
    match action {
        Action::Cancel => app.overlay = None,
        Action::Down => app.review_row = (app.review_row + 1).min(last),
        Action::Up => app.review_row = app.review_row.saturating_sub(1),
        Action::Top => app.review_row = 0,
        Action::Bottom => app.review_row = last,
        Action::Open => app.say(
            Tone::Info,
            "Fix it in the file at the line shown (any text editor); the app reloads it when saved",
        ),
        _ => {}
    }
    Vec::new()
}
