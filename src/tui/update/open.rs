//! Opening layers, and the few changes several layers start (undo, delete, unlink). The
//! key handlers call only this and the app, never one another, so a key is followed from
//! `update::dispatch` to its handler and from there here, in one hop each.

use super::super::app::*;
use super::super::form::{field_title, rows};
use super::{Effect, refuse_edit};
use crate::framework::picker::Query;
use crate::plan::{Field, Kind, Shape};
use crate::tui::undo::Edit;

/// Banks up to this size are ranked at once, inside `update`; larger ones in the
/// background so that typing never waits (the built-in bank has under 200).
pub const RANK_AT_ONCE: usize = 10_000;

/// Opens a view over the panes in place of the one on top (a form opened from the review
/// replaces the review, as it always has), or over the panes.
pub fn view(app: &mut App, overlay: Overlay) {
    if matches!(app.top(), Some(Layer::Overlay { .. })) {
        app.pop();
    }
    app.open_overlay(overlay);
}

/// Help, over whatever is open: closing it returns there.
pub fn help(app: &mut App) {
    app.open_overlay(Overlay::Help);
}

pub fn form(app: &mut App, form: Form) {
    view(app, Overlay::Form(form));
}

/// The open form, if it is on top of the views.
pub fn current_form(app: &App) -> Option<Form> {
    match app.overlay() {
        Some(Overlay::Form(f)) => Some(f.clone()),
        _ => None,
    }
}

/// Puts the form's cursor on a field, if the form shows it.
pub fn focus_field(app: &mut App, field: &Field) {
    if let Some(form) = current_form(app) {
        let rows = rows(app.plan(), app.fw(), &form);
        if let Some(i) = rows.iter().position(|r| r.field.as_ref() == Some(field))
            && let Some(c) = app.cursor_mut()
        {
            c.set(i, rows.len());
        }
    }
}

/// After a field is kept the cursor moves to the next field of the same item, so a
/// planner can fill in a measure (or anything else) with Enter, text, Enter, ...
pub fn step_past(app: &mut App, field: &Field) {
    let Some(form) = current_form(app) else {
        return;
    };
    let rows = rows(app.plan(), app.fw(), &form);
    if let Some(i) = rows.iter().position(|r| r.field.as_ref() == Some(field)) {
        let same = rows
            .get(i + 1)
            .is_some_and(|n| n.section == rows[i].section);
        if let Some(c) = app.cursor_mut() {
            c.set(if same { i + 1 } else { i }, rows.len());
        }
    }
}

/// After a new item of a form is made: the form opens on it.
pub fn show_new(app: &mut App, form: Form, field: Field) {
    if current_form(app).as_ref() != Some(&form) {
        self::form(app, form);
    }
    focus_field(app, &field);
}

/// Opens the editor on a field, the chooser for a choice field, or the picker for a
/// measure's indicator.
pub fn edit_field(app: &mut App, field: Field, section: &str) -> Vec<Effect> {
    if refuse_edit(app) {
        return Vec::new();
    }
    if let Field::MeasureIndicator(m) = &field {
        let outcome = app.plan().measure(m).map(|m| m.outcome.clone());
        return picker(app, outcome, Some(m.clone()));
    }
    if matches!(field, Field::Responsible(_) | Field::Partners(_))
        && app.plan().stakeholders.is_empty()
    {
        app.say(
            Tone::Warn,
            "No stakeholders yet: press Esc, then S to add who takes part, then name them here",
        );
        return Vec::new();
    }
    if field.shape() != Shape::Choice {
        let title = field_title(&field, section);
        app.open_editor_titled(EditTarget::Field(field), title);
        return Vec::new();
    }
    let options = app.plan().choices(&field);
    let now = app.plan().field(&field).unwrap_or_default();
    let selected = options.iter().position(|(v, _)| *v == now).unwrap_or(0);
    app.push(Layer::Choice(Choice {
        title: field_title(&field, section),
        field,
        options,
        selected,
    }));
    Vec::new()
}

/// Opens the picker for an outcome (or, with `replacing`, for one of its measures).
pub fn picker(app: &mut App, outcome: Option<String>, replacing: Option<String>) -> Vec<Effect> {
    if refuse_edit(app) {
        return Vec::new();
    }
    let Some(outcome) = outcome.filter(|o| app.plan().kind_of(o) == Some(Kind::Outcome)) else {
        app.say(
            Tone::Warn,
            "Measures belong to intermediate outcomes: select one in pane 2, then press m",
        );
        return Vec::new();
    };
    app.push(Layer::Picker(PickerState::new(outcome, replacing)));
    app.status = None;
    rank(app)
}

/// Ranks the picker's query: at once for a small bank, else as an effect for the loop.
pub fn rank(app: &mut App) -> Vec<Effect> {
    // Parsed and ranked on borrows before the picker is changed: a copy of the framework
    // or the engine per key would cost a large bank megabytes a key.
    let Some(query) = app.picker().map(|p| Query::parse(&p.query, app.fw())) else {
        return Vec::new();
    };
    let hits = (app.engine().len() <= RANK_AT_ONCE).then(|| app.engine().search(&query));
    let Some(p) = app.picker_mut() else {
        return Vec::new();
    };
    p.generation += 1;
    p.problems = query.problems.clone();
    if let Some(hits) = hits {
        p.hits = hits;
        p.selected = 0;
        p.pending = false;
        return Vec::new();
    }
    p.pending = true;
    vec![Effect::Rank {
        generation: p.generation,
        query,
    }]
}

/// The changes since the last commit: asks the loop for HEAD's version (`head` shows it).
pub fn changes(app: &mut App) -> Vec<Effect> {
    vec![Effect::ReadHead {
        path: app.path().to_path_buf(),
    }]
}

/// Undo or redo one change, never into a plan `check` rejects.
pub fn undo_redo(app: &mut App, undo: bool) {
    if refuse_edit(app) {
        return;
    }
    let before = app.plan().clone();
    let Some(edit) = app.step_history(undo) else {
        let msg = if undo {
            "Nothing to undo"
        } else {
            "Nothing to redo"
        };
        app.say(Tone::Info, msg);
        return;
    };
    // A plan `check` rejects is never edited: history can hold one (the file before it
    // was fixed and reloaded, a broken version reloaded over ours), and stepping back to
    // it would make it editable. Such a step is taken back at once.
    let sound = !crate::plan::validate(app.plan(), app.fw(), &crate::plan::SourceMap::default())
        .iter()
        .any(|d| d.severity == crate::plan::Severity::Error);
    if !sound {
        app.step_history(!undo);
        app.say(
            Tone::Warn,
            format!(
                "Not {}: the plan {} had errors `tocplan check` reports, and such a plan is never edited",
                if undo { "undone" } else { "redone" },
                if undo { "before" } else { "after" }
            ),
        );
        return;
    }
    // Named as the action it was: undoing takes the plan back, so the action ran from the
    // plan now to the plan before the undo.
    let msg = if undo {
        format!(
            "Undone: {} (Ctrl-r redoes)",
            crate::tui::undo::label(&edit, app.plan(), &before)
        )
    } else {
        format!(
            "Redone: {}",
            crate::tui::undo::label(&edit, &before, app.plan())
        )
    };
    app.say(Tone::Info, msg);
    app.clamp_rows();
}

/// Deletes `id` at once if it takes nothing else with it or from other items' lists;
/// otherwise asks first, saying everything that would go.
pub fn delete(app: &mut App, id: &str) {
    let Some(kind) = app.plan().kind_of(id) else {
        return;
    };
    let dependants = app.plan().dependants(id);
    if dependants.is_empty() {
        delete_now(app, id);
    } else {
        app.ask(Question::Delete {
            id: id.to_string(),
            kind,
            dependants,
        });
    }
}

pub fn delete_now(app: &mut App, id: &str) {
    if refuse_edit(app) {
        return;
    }
    match app.change(Edit::Delete(id.into()), |p| p.delete(id)) {
        Ok(kind) => app.say(
            Tone::Info,
            format!("Deleted {} `{id}` (u undoes)", kind.noun()),
        ),
        Err(e) => app.say(Tone::Warn, e.to_string()),
    }
    app.clamp_rows();
}

pub fn unlink(app: &mut App, from: &str, to: &str) {
    if refuse_edit(app) {
        return;
    }
    if app.plan().serves_of(from).len() == 1 {
        app.say(
            Tone::Warn,
            format!("`{from}` would serve nothing: link it to something else first (+ in the panes), or delete it"),
        );
        return;
    }
    let dependants = app.plan().link_dependants(from, to);
    if dependants.is_empty() {
        unlink_now(app, from, to);
    } else {
        app.ask(Question::Unlink {
            from: from.into(),
            to: to.into(),
            dependants,
        });
    }
}

/// Removes the link, and the assumptions about it, after any question was answered.
pub fn unlink_now(app: &mut App, from: &str, to: &str) {
    if refuse_edit(app) {
        return;
    }
    match app.change(
        Edit::Unlink {
            from: from.into(),
            to: to.into(),
        },
        |p| p.unlink(from, to),
    ) {
        Ok(()) => app.say(
            Tone::Info,
            format!("`{from}` no longer serves `{to}` (u undoes)"),
        ),
        Err(e) => app.say(Tone::Warn, e.to_string()),
    }
}

/// Opens the editor for a reading of a measure, or a count of an output; a measure read
/// for groups says how to name one.
pub fn record(app: &mut App, id: String) {
    let plan = app.plan();
    let title = if plan.kind_of(&id) == Some(Kind::Output) {
        Some(format!(
            "Count of output `{id}`: how many so far, then date (default today), then a note (optional)"
        ))
    } else {
        plan.measure(&id).filter(|m| !m.groups.is_empty()).map(|m| {
            let names: Vec<String> = m
                .groups
                .iter()
                .enumerate()
                .map(|(i, g)| format!("{} {g}", i + 1))
                .collect();
            // A gap target counts only the groups' readings: the title says a group is
            // needed, and that the date and note are optional either way.
            let which = if m.gap && m.groups.len() >= 2 {
                "its group first"
            } else {
                "a group first for one group"
            };
            format!(
                "Reading of `{id}`, {which} ({}): `1: 18 2026-04-10 a note` (date, note optional)",
                names.join(", ")
            )
        })
    };
    match title {
        Some(t) => app.open_editor_titled(EditTarget::NewReading { measure: id }, t),
        None => app.open_editor(EditTarget::NewReading { measure: id }),
    }
}

/// `:id NEW`: the item the planner is on gets the id `new` (the selected row's assumption,
/// evidence, measure or stakeholder in a form, else the form's item, else the pane's
/// selection); every reference follows, and `u` undoes it.
pub fn rename(app: &mut App, new: &str) {
    if refuse_edit(app) {
        return;
    }
    let target = match current_form(app) {
        Some(form) => {
            let rows = crate::tui::form::rows(app.plan(), app.fw(), &form);
            let row = rows.get(app.cursor().at()).and_then(|r| r.deletes.clone());
            match (row, &form) {
                (Some((_, id)), _) => Some(id),
                (None, Form::Item(id)) => Some(id.clone()),
                (None, _) => None,
            }
        }
        None => app.selected(),
    };
    let Some(old) = target else {
        app.say(
            Tone::Info,
            "Select an item first: :id renames the item you are on",
        );
        return;
    };
    match app.change(
        Edit::Rename {
            old: old.clone(),
            new: new.trim().into(),
        },
        |p| p.rename_id(&old, new),
    ) {
        Ok(()) => {
            app.rename_in_layers(&old, new.trim());
            let name = app.plan().named(new.trim());
            app.say(
                Tone::Info,
                format!(
                    "Renamed `{old}` to `{}`: {name}, and every reference to it (u undoes)",
                    new.trim()
                ),
            );
        }
        Err(e) => app.say(Tone::Error, format!("Not renamed: {e}")),
    }
}

/// The plan in the app against `text` (a recovery copy, the file on disk) in the changes
/// view, under `titles` (the heading with the path, the view's title); `what` names the
/// other side if it cannot be read.
pub fn compare_with(app: &mut App, text: &str, titles: (&str, &str), what: &str) {
    match crate::plan::parse_plan_only(text, app.path()) {
        Ok(loaded) => {
            let heading = format!("{} ({})", titles.0, app.path().display());
            let text = crate::plan::diff::to_text(
                &heading,
                &crate::plan::diff::diff(app.plan(), &loaded.plan),
                crate::plan::diff::Style { color: false },
            );
            app.open_overlay(Overlay::Changes {
                title: titles.1.into(),
                text,
            });
        }
        Err(e) => app.say(
            Tone::Error,
            format!(
                "{what} cannot be read ({})",
                crate::text::sanitize(&e.to_string())
            ),
        ),
    }
}
