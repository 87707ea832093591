//! The text editor (ratatui-textarea): start an edit, type, keep or cancel it.

use crate::tui::undo::Edit;
use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::CursorMove;

use super::super::app::*;
use super::super::keymap::Action;
use super::Effect;
use super::open::{edit_field, focus_field, show_new, step_past};
use crate::plan::{About, Field, GOAL_ID, Group, ReadingError};

pub fn type_key(app: &mut App, key: KeyEvent) {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    let Some(ed) = app.editor_mut() else {
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
            app.take_editor();
            app.say(Tone::Info, "Edit cancelled; nothing changed");
        }
        // The plan went read-only while the editor was open (a broken file reloaded):
        // the editor stays, with its text, and says why.
        Action::Commit if super::refuse_edit(app) => {}
        Action::Commit => commit(app),
        // Ctrl-u clears the line up to the cursor, as in a shell (the textarea's own
        // Ctrl-u would undo, which a planner clearing a pre-filled line does not expect).
        Action::ClearQuery => {
            if let Some(ed) = app.editor_mut() {
                ed.area.delete_line_by_head();
            }
        }
        Action::UndoTyping => {
            if let Some(ed) = app.editor_mut() {
                ed.area.undo();
            }
        }
        _ => {}
    }
    Vec::new()
}

fn commit(app: &mut App) {
    let Some(ed) = app.take_editor() else {
        return;
    };
    let joiner = if ed.multiline { "\n" } else { " " };
    let text = ed.area.lines().join(joiner).trim().to_string();
    let empty_ok = matches!(&ed.target, EditTarget::Field(_));
    if !empty_ok
        && (text.is_empty()
            || (matches!(ed.target, EditTarget::NewAssumption { .. })
                && text == app.start_text(&ed.target).trim()))
    {
        app.say(Tone::Warn, "Nothing kept: the text was empty");
        return;
    }
    let readings = app.plan().readings.len();
    let result = match ed.target.clone() {
        EditTarget::Goal => set(app, &Field::GoalText, &text).map(|()| GOAL_ID.to_string()),
        EditTarget::NewOutcome => app
            .change(Edit::Add(crate::plan::Kind::Outcome), |p| {
                p.add_outcome(&text)
            })
            .map_err(|e| e.to_string()),
        EditTarget::NewOutput { outcome } => app
            .change(Edit::Add(crate::plan::Kind::Output), |p| {
                p.add_output(&outcome, &text)
            })
            .map_err(|e| e.to_string()),
        EditTarget::NewActivity { output } => app
            .change(Edit::Add(crate::plan::Kind::Activity), |p| {
                p.add_activity(&output, &text)
            })
            .map_err(|e| e.to_string()),
        EditTarget::Text { id } => set(app, &Field::Text(id.clone()), &text).map(|()| id),
        EditTarget::NewAssumption { about } => {
            let owner = match &about {
                About::Item(i) => i.clone(),
                About::Link { from, .. } => from.clone(),
            };
            let id = app.change(Edit::Add(crate::plan::Kind::Assumption), |p| {
                p.add_assumption(about, &text)
            });
            let field = Field::AssumptionText(id);
            show_new(app, Form::Item(owner), field);
            app.say(
                Tone::Info,
                "Assumption kept: now press a to give its evidence (u undoes)",
            );
            return;
        }
        EditTarget::NewEvidence { assumption } => {
            let Some(id) = app.change(Edit::Add(crate::plan::Kind::Evidence), |p| {
                p.add_evidence(&assumption, &text)
            }) else {
                app.say(Tone::Warn, format!("Assumption `{assumption}` is gone"));
                return;
            };
            focus_field(app, &Field::EvidenceKind(id));
            app.say(
                Tone::Info,
                "Evidence kept: say its kind and source in the rows below (Enter)",
            );
            return;
        }
        EditTarget::NewReading { measure } => {
            // "Women: 18 2026-04-10" records a reading for one of the measure's groups.
            let result = crate::plan::evaluation::split_group(app.plan(), &measure, &text)
                .map_err(|e| e.to_string())
                .and_then(|(group, rest)| {
                    crate::plan::evaluation::parse_reading(rest, crate::plan::Date::today())
                        .map(|r| (group, r))
                });
            let result = result.and_then(|(group, (value, date, note))| {
                crate::plan::measured_by(date, crate::plan::Date::today())
                    .map_err(|e| e.to_string())?;
                let mut plan = app.plan().clone();
                plan.add_group_reading(&measure, &group, date, value, &note, false)
                    .map_err(|e| match e {
                        ReadingError::DateTaken { .. } => {
                            format!("{e}; undo it (u) first to change it")
                        }
                        _ => e.to_string(),
                    })?;
                app.replace_plan(plan, Edit::Record(measure.clone()));
                let of = if group.is_empty() {
                    String::new()
                } else {
                    format!(" ({group})")
                };
                Ok(format!(
                    "Recorded {value} for `{measure}`{of} on {date} (u undoes)"
                ))
            });
            match result {
                Ok(msg) => app.say(Tone::Info, msg),
                Err(e) => {
                    app.push(Layer::Editor(ed));
                    app.say(Tone::Warn, e);
                }
            }
            return;
        }
        EditTarget::NewStakeholder => {
            let id = app.change(Edit::Add(crate::plan::Kind::Stakeholder), |p| {
                p.add_stakeholder(&text, Group::Newcomers)
            });
            let field = Field::StakeholderGroup(id);
            show_new(app, Form::Stakeholders, field.clone());
            // A group is a choice, never a picker: there is nothing to carry out.
            let _ = edit_field(app, field, "");
            if let Some(c) = app.choice_mut() {
                c.title = format!("Which group is {text} in?");
            }
            return;
        }
        EditTarget::Field(f) => match set(app, &f, &text) {
            Ok(()) => {
                step_past(app, &f);
                // A group taken out of a measure takes its readings: say so, not just "kept".
                let gone = readings.saturating_sub(app.plan().readings.len());
                let with = match gone {
                    0 => String::new(),
                    1 => "; the removed group's reading went with it".into(),
                    n => format!("; the removed group's {n} readings went with it"),
                };
                app.say(Tone::Info, format!("{} kept{with} (u undoes)", f.label()));
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
            app.push(Layer::Editor(ed));
            app.say(Tone::Warn, e);
        }
    }
}

/// Sets a field if its value is good; the plan changes (and can be undone) only then.
fn set(app: &mut App, field: &Field, text: &str) -> Result<(), String> {
    app.set_field(field, text).map_err(|e| e.to_string())
}
