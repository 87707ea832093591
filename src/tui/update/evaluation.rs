//! The evaluation view: one row per measure; r records a reading, Enter opens the
//! measure's fields in its outcome's form.

use super::super::app::*;
use super::super::keymap::Action;
use super::{Effect, open, save};
use crate::plan::Field;

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let rows = crate::plan::evaluation::rows(app.plan(), app.fw());
    let len = rows.len();
    if app.cursor_mut().is_some_and(|c| c.step(action, len)) {
        return Vec::new();
    }
    let row = rows.get(app.cursor().at());
    match action {
        Action::Cancel => {
            app.pop();
        }
        Action::Open => match row {
            Some(r) => {
                let (outcome, measure) = (r.outcome.clone(), r.measure.clone());
                app.select(&outcome);
                open::form(app, Form::Item(outcome));
                // The measure's own fields, where the details the view cut are in full.
                open::focus_field(app, &Field::MeasureIndicator(measure));
            }
            None => app.say(
                Tone::Info,
                "No measures yet: press m on an outcome to add one",
            ),
        },
        Action::Record => match row {
            Some(r) => {
                let measure = r.measure.clone();
                open::record(app, measure);
            }
            None => app.say(
                Tone::Info,
                "No measures yet: press m on an outcome to add one",
            ),
        },
        Action::Undo => open::undo_redo(app, true),
        Action::Save => return save(app, false),
        _ => {}
    }
    Vec::new()
}
