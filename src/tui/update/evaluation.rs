//! The evaluation view: one row per measure; r records a reading, Enter opens the outcome.

use super::super::app::*;
use super::super::keymap::Action;
use super::{Effect, save};

pub fn open(app: &mut App) {
    app.overlay = Some(Overlay::Evaluation);
    app.evaluation_row = 0;
    app.status = None;
}

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let rows = crate::plan::evaluation::rows(&app.plan, &app.fw);
    let last = rows.len().saturating_sub(1);
    let row = rows.get(app.evaluation_row.min(last));
    match action {
        Action::Cancel => app.overlay = None,
        Action::Down => app.evaluation_row = (app.evaluation_row + 1).min(last),
        Action::Up => app.evaluation_row = app.evaluation_row.saturating_sub(1),
        Action::Top => app.evaluation_row = 0,
        Action::Bottom => app.evaluation_row = last,
        Action::Open => match row {
            Some(r) => {
                let outcome = r.outcome.clone();
                app.select(&outcome);
                super::form::open(app, Form::Item(outcome));
            }
            None => app.say(
                Tone::Info,
                "No measures yet: press m on an outcome to add one",
            ),
        },
        Action::Record => match row {
            Some(r) => {
                let measure = r.measure.clone();
                super::edit::start(app, EditTarget::NewReading { measure });
            }
            None => app.say(
                Tone::Info,
                "No measures yet: press m on an outcome to add one",
            ),
        },
        Action::Undo => super::normal::undo_redo(app, true),
        Action::Save => return save(app, false),
        _ => {}
    }
    Vec::new()
}
