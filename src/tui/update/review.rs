//! The review overlay: findings grouped by principle; Enter goes to what one is about.

use super::super::app::*;
use super::super::keymap::Action;
use super::{Effect, open};
use crate::plan::review::{At, Finding, RULES};

/// The findings in the order the overlay lists them: by rule, in `RULES` order.
pub fn ordered(findings: &[Finding]) -> Vec<&Finding> {
    RULES
        .iter()
        .flat_map(|(rule, _)| findings.iter().filter(move |f| f.rule == *rule))
        .collect()
}

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    if !app.problems().is_empty() {
        return problems(app, action);
    }
    if moved(app, action, app.findings().len()) {
        return Vec::new();
    }
    match action {
        Action::Cancel => {
            app.pop();
        }
        Action::Open => {
            let at = ordered(app.findings())
                .get(app.cursor().at())
                .map(|f| f.at.clone());
            match at {
                Some(At::Item(id)) => {
                    app.select(&id);
                    open::form(app, Form::Item(id));
                }
                Some(At::Stakeholders) => open::form(app, Form::Stakeholders),
                Some(At::Context) => open::form(app, Form::Context),
                None => app.say(Tone::Info, "Nothing to review: the plan meets every rule"),
            }
        }
        _ => {}
    }
    Vec::new()
}

/// The list of a read-only plan's errors: moving through it, and what Enter can do.
fn problems(app: &mut App, action: Action) -> Vec<Effect> {
    if moved(app, action, app.problems().len()) {
        return Vec::new();
    }
    match action {
        Action::Cancel => {
            app.pop();
        }
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
    app.cursor_mut().is_some_and(|c| c.step(action, len))
}
