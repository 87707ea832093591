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
    if moved(app, action, app.review.1.len()) {
        return Vec::new();
    }
    match action {
        Action::Cancel => app.overlay = None,
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
    if moved(app, action, app.problems.len()) {
        return Vec::new();
    }
    match action {
        Action::Cancel => app.overlay = None,
        Action::Open => app.say(
            Tone::Info,
            "Fix it in the file at the line shown (any text editor); the app reloads it when saved",
        ),
        _ => {}
    }
    Vec::new()
}

/// Moves the selection through a list of `len` rows; false if the action is no move.
fn moved(app: &mut App, action: Action, len: usize) -> bool {
    let last = len.saturating_sub(1);
    app.review_row = match action {
        Action::Down => (app.review_row + 1).min(last),
        Action::Up => app.review_row.saturating_sub(1),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return false,
    };
    true
}
