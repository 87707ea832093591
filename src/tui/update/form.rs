//! Keys in a form (an item's fields, the stakeholders, the context) and in the chooser
//! that a choice field opens.

use super::super::app::*;
use super::super::form::{Row, rows};
use super::super::keymap::Action;
use super::open::{current_form as current, edit_field, step_past, unlink};
use super::{Effect, open, save};
use crate::plan::About;

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(form) = current(app) else {
        return Vec::new();
    };
    let rows = rows(app.plan(), app.fw(), &form);
    let len = rows.len();
    app.status = None;
    if app.cursor_mut().is_some_and(|c| c.step(action, len)) {
        return Vec::new();
    }
    let row = rows.get(app.cursor().at()).cloned();
    match action {
        Action::Cancel => {
            app.pop();
        }
        Action::Edit | Action::Open => match row {
            Some(Row {
                field: Some(f),
                section,
                ..
            }) => return edit_field(app, f, &section),
            Some(Row {
                link: Some((from, to)),
                ..
            }) => follow(app, &form, from, to),
            _ => app.say(Tone::Info, empty_message(&form)),
        },
        Action::Add | Action::AddAssumption => add(app, &form, row, action),
        Action::Command => app.push(Layer::Prompt(PromptKind::Command, String::new())),
        Action::Search => app.push(Layer::Prompt(PromptKind::Search, String::new())),
        Action::NextMatch => super::search::step_match(app, true),
        Action::PrevMatch => super::search::step_match(app, false),
        Action::Delete if row.as_ref().is_some_and(|r| r.link.is_some()) => {
            if let Some((from, to)) = row.and_then(|r| r.link) {
                unlink(app, &from, &to);
            }
        }
        Action::Delete => match row.and_then(|r| r.deletes) {
            Some(_) if super::refuse_edit(app) => {}
            Some((_, id)) => open::delete(app, &id),
            None => app.say(
                Tone::Info,
                "Only assumptions, evidence and stakeholders are deleted here; clear a field by editing it",
            ),
        },
        Action::Undo | Action::Redo => open::undo_redo(app, action == Action::Undo),
        Action::Save => return save(app, false),
        Action::Record => match row.as_ref().and_then(|r| r.deletes.clone()) {
            Some((crate::plan::Kind::Measure, measure)) => open::record(app, measure),
            // On an output's form, r counts what it has delivered.
            _ if matches!(&form, Form::Item(id) if app.plan().kind_of(id) == Some(crate::plan::Kind::Output)) => {
                if let Form::Item(id) = form {
                    open::record(app, id);
                }
            }
            _ => app.say(Tone::Info, "r records a reading: put the cursor on one of a measure's fields"),
        },
        Action::Measure => {
            let outcome = match &form {
                Form::Item(id) => Some(id.clone()),
                _ => None,
            };
            return open::picker(app, outcome, None);
        }
        _ => {}
    }
    Vec::new()
}

/// `a` adds evidence on an assumption's rows, a stakeholder in their form, else an
/// assumption (about the link on a link row); `A` always states an assumption.
fn add(app: &mut App, form: &Form, row: Option<Row>, action: Action) {
    let row = row.unwrap_or_default();
    let target = match (form, row.assumption, row.link) {
        (Form::Stakeholders, ..) => EditTarget::NewStakeholder,
        (Form::Context, ..) => {
            app.say(Tone::Info, "Nothing to add here: edit the fields");
            return;
        }
        (Form::Item(_), _, Some((from, to))) => EditTarget::NewAssumption {
            about: About::Link { from, to },
        },
        (Form::Item(_), Some(assumption), None) if action == Action::Add => {
            EditTarget::NewEvidence { assumption }
        }
        (Form::Item(id), ..) => EditTarget::NewAssumption {
            about: About::Item(id.clone()),
        },
    };
    app.open_editor(target);
}

/// Enter on a link row opens the item at its other end.
fn follow(app: &mut App, form: &Form, from: String, to: String) {
    let here = matches!(form, Form::Item(id) if *id == from);
    let other = if here { to } else { from };
    app.select(&other);
    open::form(app, Form::Item(other));
}

fn empty_message(form: &Form) -> &'static str {
    match form {
        Form::Stakeholders => {
            "No stakeholders yet: press a to add one (newcomers, receiving community, institutions)"
        }
        _ => "Nothing to edit here",
    }
}

pub fn choose(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(choice) = app.choice_mut() else {
        return Vec::new();
    };
    if let Some(at) = moved(choice.selected, action, choice.options.len()) {
        choice.selected = at;
        return Vec::new();
    }
    match action {
        Action::Cancel => {
            app.pop();
            app.say(Tone::Info, "Nothing changed");
        }
        Action::Commit => {
            let (value, label) = choice
                .options
                .get(choice.selected)
                .cloned()
                .unwrap_or_default();
            let field = choice.field.clone();
            app.pop();
            match app.set_field(&field, &value) {
                Ok(()) => {
                    step_past(app, &field);
                    let label = crate::text::sanitize(&label);
                    app.say(Tone::Info, format!("{}: {label} (u undoes)", field.label()));
                }
                Err(e) => app.say(Tone::Warn, e.to_string()),
            }
        }
        _ => {}
    }
    Vec::new()
}
