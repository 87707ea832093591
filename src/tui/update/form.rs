//! Keys in a form (an item's fields, the stakeholders, the context) and in the chooser
//! that a choice field opens.

use super::super::app::*;
use super::super::form::{Row, field_title, rows};
use super::super::keymap::Action;
use super::{Effect, save};
use crate::plan::{About, Field, Shape};

pub fn open(app: &mut App, form: Form) {
    app.overlay = Some(Overlay::Form(form));
    app.form_row = 0;
    app.status = None;
}

/// The open form, if any.
fn current(app: &App) -> Option<Form> {
    match &app.overlay {
        Some(Overlay::Form(f)) => Some(f.clone()),
        _ => None,
    }
}

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(form) = current(app) else {
        return Vec::new();
    };
    let rows = rows(&app.plan, &app.fw, &form);
    let last = rows.len().saturating_sub(1);
    let row = rows.get(app.form_row.min(last)).cloned();
    app.status = None;
    match action {
        Action::Cancel => app.overlay = None,
        Action::Down => app.form_row = (app.form_row + 1).min(last),
        Action::Up => app.form_row = app.form_row.saturating_sub(1),
        Action::Top => app.form_row = 0,
        Action::Bottom => app.form_row = last,
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
        Action::Delete if row.as_ref().is_some_and(|r| r.link.is_some()) => {
            if let Some((from, to)) = row.and_then(|r| r.link) {
                unlink(app, &from, &to);
            }
        }
        Action::Delete => match row.and_then(|r| r.deletes) {
            Some(_) if super::refuse_edit(app) => {}
            Some((kind, id)) => {
                if app.change(|p| p.delete(&id)).is_ok() {
                    app.say(Tone::Info, format!("Deleted {} `{id}` (u undoes)", kind.noun()));
                }
            }
            None => app.say(
                Tone::Info,
                "Only assumptions, evidence and stakeholders are deleted here; clear a field by editing it",
            ),
        },
        Action::Undo | Action::Redo => super::normal::undo_redo(app, action == Action::Undo),
        Action::Save => return save(app, false),
        Action::Help => {
            app.overlay = Some(Overlay::Help);
            app.overlay_scroll = 0;
        }
        Action::Record => match row.as_ref().and_then(|r| r.deletes.clone()) {
            Some((crate::plan::Kind::Measure, measure)) => {
                super::edit::start(app, EditTarget::NewReading { measure });
            }
            _ => app.say(Tone::Info, "r records a reading: put the cursor on one of a measure's fields"),
        },
        Action::Measure => {
            let outcome = match &form {
                Form::Item(id) => Some(id.clone()),
                _ => None,
            };
            return super::picker::open(app, outcome, None);
        }
        _ => {}
    }
    let len = super::super::form::rows(&app.plan, &app.fw, &form).len();
    app.form_row = app.form_row.min(len.saturating_sub(1));
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
    super::edit::start(app, target);
}

/// Enter on a link row opens the item at its other end.
fn follow(app: &mut App, form: &Form, from: String, to: String) {
    let here = matches!(form, Form::Item(id) if *id == from);
    let other = if here { to } else { from };
    app.select(&other);
    open(app, Form::Item(other));
}

pub(super) fn unlink(app: &mut App, from: &str, to: &str) {
    if super::refuse_edit(app) {
        return;
    }
    if app.plan.serves_of(from).len() == 1 {
        app.say(
            Tone::Warn,
            format!("`{from}` would serve nothing: link it to something else first (+ in the panes), or delete it"),
        );
        return;
    }
    match app.change(|p| p.unlink(from, to)) {
        Ok(()) => app.say(
            Tone::Info,
            format!("`{from}` no longer serves `{to}` (u undoes)"),
        ),
        Err(e) => app.say(Tone::Warn, e.to_string()),
    }
}

fn empty_message(form: &Form) -> &'static str {
    match form {
        Form::Stakeholders => {
            "No stakeholders yet: press a to add one (newcomers, receiving community, institutions)"
        }
        _ => "Nothing to edit here",
    }
}

/// Opens the editor on a field, or the chooser for a choice field.
pub fn edit_field(app: &mut App, field: Field, section: &str) -> Vec<Effect> {
    if super::refuse_edit(app) {
        return Vec::new();
    }
    if let Field::MeasureIndicator(m) = &field {
        // A new indicator for a measure is chosen with the picker.
        let outcome = app.plan.measure(m).map(|m| m.outcome.clone());
        return super::picker::open(app, outcome, Some(m.clone()));
    }
    if field.shape() != Shape::Choice {
        let title = field_title(&field, section);
        super::edit::start_titled(app, EditTarget::Field(field), title);
        return Vec::new();
    }
    let options = app.plan.choices(&field);
    if matches!(field, Field::Responsible(_)) && options.len() < 2 {
        app.say(
            Tone::Warn,
            "No stakeholders yet: press Esc, then S to add who takes part, then choose here",
        );
        return Vec::new();
    }
    let now = app.plan.field(&field).unwrap_or_default();
    let selected = options.iter().position(|(v, _)| *v == now).unwrap_or(0);
    app.choice = Some(Choice {
        title: field_title(&field, section),
        field,
        options,
        selected,
    });
    Vec::new()
}

pub fn choose(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(choice) = app.choice.as_mut() else {
        return Vec::new();
    };
    let last = choice.options.len().saturating_sub(1);
    match action {
        Action::Down => choice.selected = (choice.selected + 1).min(last),
        Action::Up => choice.selected = choice.selected.saturating_sub(1),
        Action::Cancel => {
            app.choice = None;
            app.say(Tone::Info, "Nothing changed");
        }
        Action::Commit => {
            let (value, label) = choice
                .options
                .get(choice.selected)
                .cloned()
                .unwrap_or_default();
            let field = choice.field.clone();
            app.choice = None;
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

/// Puts the form's cursor on a field, if the form shows it.
pub fn focus_field(app: &mut App, field: &Field) {
    if let Some(form) = current(app)
        && let Some(i) = rows(&app.plan, &app.fw, &form)
            .iter()
            .position(|r| r.field.as_ref() == Some(field))
    {
        app.form_row = i;
    }
}

/// After a field is kept the cursor moves to the next field of the same item, so a
/// planner can fill in a measure (or anything else) with Enter, text, Enter, ...
pub fn step_past(app: &mut App, field: &Field) {
    let Some(form) = current(app) else {
        return;
    };
    let rows = rows(&app.plan, &app.fw, &form);
    if let Some(i) = rows.iter().position(|r| r.field.as_ref() == Some(field)) {
        let same = rows
            .get(i + 1)
            .is_some_and(|n| n.section == rows[i].section);
        app.form_row = if same { i + 1 } else { i };
    }
}

/// After a new item of a form is made: the form opens on it.
pub fn show_new(app: &mut App, form: Form, field: Field) {
    if current(app).as_ref() != Some(&form) {
        open(app, form);
    }
    focus_field(app, &field);
}
