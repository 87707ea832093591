//! The text editor (ratatui-textarea): start an edit, type, keep or cancel it.

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::super::app::*;
use super::super::keymap::Action;
use super::Effect;
use crate::plan::{About, Field, GOAL_ID, Group, ReadingError, Shape};

const ASSUMPTION_START: &str = "The barrier to integration in this case is ";

pub fn start(app: &mut App, target: EditTarget) {
    let title = match &target {
        EditTarget::Goal => "Goal: what long-term change do we want to see?".to_string(),
        EditTarget::NewOutcome => "New intermediate outcome, serving the goal".into(),
        EditTarget::NewOutput { outcome } => format!("New output, serving `{outcome}`"),
        EditTarget::NewActivity { output } => format!("New activity, serving `{output}`"),
        EditTarget::Text { id } => format!("Edit `{id}`"),
        EditTarget::NewAssumption {
            about: About::Item(id),
        } => format!("Assumption about `{id}`"),
        EditTarget::NewAssumption {
            about: About::Link { from, to },
        } => format!("Assumption: why does `{from}` lead to `{to}`?"),
        EditTarget::NewEvidence { assumption } => {
            format!("Evidence for assumption `{assumption}`: what shows it holds?")
        }
        EditTarget::NewStakeholder => "New stakeholder: name".into(),
        EditTarget::NewReading { measure } => format!(
            "Reading of `{measure}`: value, then date (YYYY-MM-DD, default today), then a note"
        ),
        EditTarget::Field(f) => format!("{} of `{}`", f.label(), f.owner().unwrap_or("the plan")),
    };
    start_titled(app, target, title);
}

/// The text an editor on `target` starts with (what the field holds now).
pub fn start_text(app: &App, target: &EditTarget) -> String {
    match target {
        EditTarget::Goal => app.plan.goal.text.clone(),
        EditTarget::Text { id } => app.plan.item_text(id).unwrap_or_default(),
        EditTarget::NewAssumption { .. } => ASSUMPTION_START.to_string(),
        EditTarget::Field(f) => app.plan.field(f).unwrap_or_default(),
        _ => String::new(),
    }
}

pub fn start_titled(app: &mut App, target: EditTarget, title: String) {
    if super::refuse_edit(app) {
        return;
    }
    let text = start_text(app, &target);
    let multiline = matches!(&target, EditTarget::Field(f) if matches!(f.shape(), Shape::Prose | Shape::List))
        || matches!(target, EditTarget::NewEvidence { .. });
    let area = area_with(&text);
    app.editor = Some(Editor {
        target,
        title,
        area,
        multiline,
        view: Default::default(),
    });
    app.status = None;
}

/// The open editor's text when it differs from what its field holds: work not yet kept.
pub fn typed_text(app: &App) -> Option<String> {
    let ed = app.editor.as_ref()?;
    let text = ed.area.lines().join("\n");
    let start = start_text(app, &ed.target);
    (text != start.lines().collect::<Vec<_>>().join("\n")).then_some(text)
}

pub fn typed(app: &App) -> bool {
    typed_text(app).is_some()
}

/// An editor's text area holding `text`, the cursor at its end.
pub fn area_with(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(text.lines().map(str::to_string).collect());
    // tocplan lays out and draws the text itself (`edit_rows`); the textarea left to wrap
    // would wrap every line of the text again on every key.
    area.set_wrap_mode(WrapMode::None);
    area.move_cursor(CursorMove::Bottom);
    area.move_cursor(CursorMove::End);
    area.set_cursor_line_style(ratatui::style::Style::default());
    area
}

pub fn type_key(app: &mut App, key: KeyEvent) {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    let Some(ed) = app.editor.as_mut() else {
        return;
    };
    match (key.code, key.modifiers) {
        (KeyCode::Up, KeyModifiers::NONE) => move_by_row(ed, false),
        (KeyCode::Down, KeyModifiers::NONE) => move_by_row(ed, true),
        // The textarea would page by a view it never draws: page by the rows drawn.
        (KeyCode::PageUp | KeyCode::PageDown, KeyModifiers::NONE) => {
            for _ in 0..ed.view.get().height.saturating_sub(1).max(1) {
                move_by_row(ed, key.code == KeyCode::PageDown);
            }
        }
        _ => {
            ed.area.input(key);
        }
    }
}

/// Up and Down move by the rows on screen, keeping the column, as the text is drawn.
fn move_by_row(ed: &mut Editor, down: bool) {
    use crate::tui::edit_rows::{char_at_column, column, holds, rows_of};
    let width = ed.view.get().width;
    let lines = ed.area.lines();
    let ratatui_textarea::DataCursor(cl, cc) = ed.area.cursor();
    if width == 0 || cl >= lines.len() {
        ed.area.move_cursor(if down {
            CursorMove::Down
        } else {
            CursorMove::Up
        });
        return;
    }
    let rows = rows_of(cl, &lines[cl], width);
    let at = rows.iter().position(|r| holds(r, cl, cc)).unwrap_or(0);
    let x = column(&lines[cl], &rows[at], cc);
    let target = match (down, at) {
        (false, 0) if cl > 0 => rows_of(cl - 1, &lines[cl - 1], width).last().copied(),
        (false, 0) => None,
        (false, _) => Some(rows[at - 1]),
        (true, _) if at + 1 < rows.len() => Some(rows[at + 1]),
        (true, _) if cl + 1 < lines.len() => Some(rows_of(cl + 1, &lines[cl + 1], width)[0]),
        (true, _) => None,
    };
    let Some(row) = target else {
        return;
    };
    let col = char_at_column(&lines[row.line], &row, x);
    match (u16::try_from(row.line), u16::try_from(col)) {
        (Ok(r), Ok(c)) => ed.area.move_cursor(CursorMove::Jump(r, c)),
        _ => {
            // Beyond what a jump can name: step there (rows are one line apart at most).
            if row.line != cl {
                ed.area.move_cursor(if down {
                    CursorMove::Down
                } else {
                    CursorMove::Up
                });
            }
            ed.area.move_cursor(CursorMove::Head);
            for _ in 0..col {
                ed.area.move_cursor(CursorMove::Forward);
            }
        }
    }
}

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Cancel => {
            app.editor = None;
            app.say(Tone::Info, "Edit cancelled; nothing changed");
        }
        // The plan went read-only while the editor was open (a broken file reloaded):
        // the editor stays, with its text, and says why.
        Action::Commit if super::refuse_edit(app) => {}
        Action::Commit => commit(app),
        _ => {}
    }
    Vec::new()
}

fn commit(app: &mut App) {
    let Some(ed) = app.editor.take() else {
        return;
    };
    let joiner = if ed.multiline { "\n" } else { " " };
    let text = ed.area.lines().join(joiner).trim().to_string();
    let empty_ok = matches!(&ed.target, EditTarget::Field(_));
    if !empty_ok
        && (text.is_empty()
            || (matches!(ed.target, EditTarget::NewAssumption { .. })
                && text == ASSUMPTION_START.trim()))
    {
        app.say(Tone::Warn, "Nothing kept: the text was empty");
        return;
    }
    let result = match ed.target.clone() {
        EditTarget::Goal => set(app, &Field::GoalText, &text).map(|()| GOAL_ID.to_string()),
        EditTarget::NewOutcome => app
            .change(|p| p.add_outcome(&text))
            .map_err(|e| e.to_string()),
        EditTarget::NewOutput { outcome } => app
            .change(|p| p.add_output(&outcome, &text))
            .map_err(|e| e.to_string()),
        EditTarget::NewActivity { output } => app
            .change(|p| p.add_activity(&output, &text))
            .map_err(|e| e.to_string()),
        EditTarget::Text { id } => set(app, &Field::Text(id.clone()), &text).map(|()| id),
        EditTarget::NewAssumption { about } => {
            let owner = match &about {
                About::Item(i) => i.clone(),
                About::Link { from, .. } => from.clone(),
            };
            let id = app.change(|p| p.add_assumption(about, &text));
            let field = Field::AssumptionText(id);
            super::form::show_new(app, Form::Item(owner), field);
            app.say(
                Tone::Info,
                "Assumption kept: now press a to give its evidence (u undoes)",
            );
            return;
        }
        EditTarget::NewEvidence { assumption } => {
            let Some(id) = app.change(|p| p.add_evidence(&assumption, &text)) else {
                app.say(Tone::Warn, format!("Assumption `{assumption}` is gone"));
                return;
            };
            super::form::focus_field(app, &Field::EvidenceKind(id));
            app.say(
                Tone::Info,
                "Evidence kept: say its kind and source in the rows below (Enter)",
            );
            return;
        }
        EditTarget::NewReading { measure } => {
            let parsed = crate::plan::evaluation::parse_reading(&text, crate::plan::Date::today());
            let result = parsed.and_then(|(value, date, note)| {
                let mut plan = app.plan.clone();
                plan.add_reading(&measure, date, value, &note, false)
                    .map_err(|e| match e {
                        ReadingError::DateTaken { .. } => {
                            format!("{e}; undo it (u) first to change it")
                        }
                        ReadingError::NoMeasure { .. } => e.to_string(),
                    })?;
                app.replace_plan(plan);
                Ok(format!(
                    "Recorded {value} for `{measure}` on {date} (u undoes)"
                ))
            });
            match result {
                Ok(msg) => app.say(Tone::Info, msg),
                Err(e) => {
                    app.editor = Some(ed);
                    app.say(Tone::Warn, e);
                }
            }
            return;
        }
        EditTarget::NewStakeholder => {
            let id = app.change(|p| p.add_stakeholder(&text, Group::Newcomers));
            let field = Field::StakeholderGroup(id);
            super::form::show_new(app, Form::Stakeholders, field.clone());
            // A group is a choice, never a picker: there is nothing to carry out.
            let _ = super::form::edit_field(app, field, "");
            if let Some(c) = app.choice.as_mut() {
                c.title = format!("Which group is {text} in?");
            }
            return;
        }
        EditTarget::Field(f) => match set(app, &f, &text) {
            Ok(()) => {
                super::form::step_past(app, &f);
                app.say(Tone::Info, format!("{} kept (u undoes)", f.label()));
                return;
            }
            Err(e) => Err(e),
        },
    };
    match result {
        Ok(id) => {
            app.select(&id);
            app.say(Tone::Info, "Kept (u undoes)");
        }
        Err(e) => {
            // The text stays in the editor so nothing typed is lost.
            app.editor = Some(ed);
            app.say(Tone::Warn, e);
        }
    }
}

/// Sets a field if its value is good; the plan changes (and can be undone) only then.
fn set(app: &mut App, field: &Field, text: &str) -> Result<(), String> {
    app.set_field(field, text).map_err(|e| e.to_string())
}
