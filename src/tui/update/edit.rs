//! The text editor (ratatui-textarea): start an edit, type, keep or cancel it.

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::super::app::*;
use super::super::keymap::Action;
use super::Effect;
use crate::plan::{About, Assumption, Comments, GOAL_ID, Plan};

const ASSUMPTION_START: &str = "The barrier to integration in this case is ";

pub fn start(app: &mut App, target: EditTarget) {
    let (title, text) = match &target {
        EditTarget::Goal => (
            "Goal: what long-term change do we want to see?".to_string(),
            app.plan.goal.text.clone(),
        ),
        EditTarget::NewOutcome => (
            "New intermediate outcome, serving the goal".into(),
            String::new(),
        ),
        EditTarget::NewOutput { outcome } => {
            (format!("New output, serving `{outcome}`"), String::new())
        }
        EditTarget::NewActivity { output } => {
            (format!("New activity, serving `{output}`"), String::new())
        }
        EditTarget::Text { id } => (
            format!("Edit `{id}`"),
            item_text(&app.plan, id).unwrap_or_default(),
        ),
        EditTarget::NewAssumption { about } => (
            format!("Assumption about `{about}`"),
            ASSUMPTION_START.to_string(),
        ),
    };
    let mut area = TextArea::new(text.lines().map(str::to_string).collect());
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area.set_cursor_line_style(ratatui::style::Style::default());
    app.editor = Some(Editor {
        target,
        title,
        area,
    });
    app.status = None;
}

pub fn type_key(app: &mut App, key: KeyEvent) {
    if let Some(ed) = app.editor.as_mut() {
        ed.area.input(key);
    }
}

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Cancel => {
            app.editor = None;
            app.say(Tone::Info, "Edit cancelled; nothing changed");
        }
        Action::Commit => commit(app),
        _ => {}
    }
    Vec::new()
}

fn commit(app: &mut App) {
    let Some(ed) = app.editor.take() else {
        return;
    };
    let text = ed.area.lines().join(" ").trim().to_string();
    if text.is_empty()
        || (matches!(ed.target, EditTarget::NewAssumption { .. })
            && text == ASSUMPTION_START.trim())
    {
        app.say(Tone::Warn, "Nothing kept: the text was empty");
        return;
    }
    let result = match ed.target {
        EditTarget::Goal => {
            app.change(|p| p.goal.text = text);
            Ok(GOAL_ID.to_string())
        }
        EditTarget::NewOutcome => app.change(|p| p.add_outcome(&text)),
        EditTarget::NewOutput { outcome } => app.change(|p| p.add_output(&outcome, &text)),
        EditTarget::NewActivity { output } => app.change(|p| p.add_activity(&output, &text)),
        EditTarget::Text { id } => {
            app.change(|p| set_item_text(p, &id, text));
            Ok(id)
        }
        EditTarget::NewAssumption { about } => {
            app.change(|p| {
                let id = p.new_id(&format!("assumption {about}"), "assumption");
                p.assumptions.push(Assumption {
                    id,
                    about: About::Item(about.clone()),
                    text,
                    extra: Vec::new(),
                    comments: Comments::default(),
                });
            });
            app.say(Tone::Info, format!("Assumption about `{about}` kept; evidence for it belongs in the plan file for now"));
            return;
        }
    };
    match result {
        Ok(id) => {
            app.select(&id);
            app.say(Tone::Info, "Kept (u undoes)");
        }
        Err(e) => app.say(Tone::Warn, e.to_string()),
    }
}

/// The text of an item with an id.
pub fn item_text(plan: &Plan, id: &str) -> Option<String> {
    if id == GOAL_ID {
        return Some(plan.goal.text.clone());
    }
    plan.outcomes
        .iter()
        .find(|o| o.id == id)
        .map(|o| o.text.clone())
        .or_else(|| {
            plan.outputs
                .iter()
                .find(|o| o.id == id)
                .map(|o| o.text.clone())
        })
        .or_else(|| {
            plan.activities
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.text.clone())
        })
}

fn set_item_text(plan: &mut Plan, id: &str, text: String) {
    if let Some(o) = plan.outcomes.iter_mut().find(|o| o.id == id) {
        o.text = text;
    } else if let Some(o) = plan.outputs.iter_mut().find(|o| o.id == id) {
        o.text = text;
    } else if let Some(a) = plan.activities.iter_mut().find(|a| a.id == id) {
        a.text = text;
    }
}
