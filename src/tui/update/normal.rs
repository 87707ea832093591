//! Keys in the four panes: moving, adding (backwards only), deleting, linking, undo.

use super::super::app::*;
use super::super::keymap::Action;
use super::{Effect, open, save};
use crate::plan::{About, EditError, GOAL_ID};
use crate::tui::undo::Edit;

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    app.status = None;
    match action {
        Action::Quit if app.dirty() => app.ask(Question::QuitUnsaved),
        Action::Quit => return vec![Effect::Quit],
        Action::PaneLeft => move_to(app, app.pane.left()),
        Action::PaneRight => move_to(app, app.pane.right()),
        Action::NextPane => move_to(app, app.pane.next()),
        Action::PrevPane => move_to(app, app.pane.prev()),
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => {
            let len = app.pane_len(app.pane);
            if let Some(at) = moved(app.rows[app.pane], action, len) {
                app.rows[app.pane] = at;
            }
        }
        Action::Open => open(app),
        Action::Edit => edit_selected(app),
        Action::Add => add(app),
        Action::AddAssumption => match app.selected() {
            Some(id) => app.open_editor(EditTarget::NewAssumption {
                about: About::Item(id),
            }),
            None => app.say(
                Tone::Warn,
                "Select an item first, then press A to state an assumption about it",
            ),
        },
        Action::Delete => delete(app),
        Action::LinkRight | Action::UnlinkRight => link(app, action == Action::LinkRight),
        Action::Undo | Action::Redo => open::undo_redo(app, action == Action::Undo),
        Action::Stakeholders => open::form(app, Form::Stakeholders),
        Action::Measure => return open::picker(app, app.selected(), None),
        Action::Review => open::view(app, Overlay::Review),
        Action::Evaluation => open::view(app, Overlay::Evaluation),
        Action::Changes => return open::changes(app),
        Action::Context => open::form(app, Form::Context),
        Action::Save => return save(app, false),
        Action::Command => app.push(Layer::Prompt(PromptKind::Command, String::new())),
        Action::Search => app.push(Layer::Prompt(PromptKind::Search, String::new())),
        Action::NextMatch => super::search::step_match(app, true),
        Action::PrevMatch => super::search::step_match(app, false),
        _ => {}
    }
    app.clamp_rows();
    Vec::new()
}

fn move_to(app: &mut App, pane: Pane) {
    app.pane = pane;
    if app.pane_len(pane) > 0 {
        if pane == OUTPUTS {
            nudge_assumptions(app);
        }
        return;
    }
    // An empty pane: say what to do here, or what has to come first.
    let msg = match pane {
        GOAL => "No goal yet: press a (or Enter) to write the long-term change this plan is for"
            .to_string(),
        OUTCOMES if app.plan().goal.text.is_empty() => goal_first(),
        OUTCOMES => {
            "No outcomes yet: press a to add the first short-term change that leads to the goal"
                .into()
        }
        OUTPUTS if app.plan().outcomes.is_empty() => EditError::OutcomeFirst.to_string(),
        OUTPUTS => "No outputs yet: press a to add one for the outcome selected in pane 2".into(),
        _ if app.plan().outputs.is_empty() => EditError::OutputFirst.to_string(),
        _ => "No activities yet: press a to add one for the output selected in pane 3".into(),
    };
    app.say(Tone::Info, msg);
    if pane == OUTPUTS {
        nudge_assumptions(app);
    }
}

/// The guide's order: state the assumption (and its evidence) for an outcome before
/// filling in its outputs.
fn nudge_assumptions(app: &mut App) {
    let Some(outcome) = app.selected_in(OUTCOMES) else {
        return;
    };
    let p = app.plan();
    // As the review reads it: stated on the outcome, or on a link into or out of it.
    let about: Vec<&str> = p
        .assumptions
        .iter()
        .filter(|a| match &a.about {
            About::Item(i) => *i == outcome,
            About::Link { from, to } => *from == outcome || *to == outcome,
        })
        .map(|a| a.id.as_str())
        .collect();
    let msg = if about.is_empty() {
        format!(
            "Outcome `{outcome}` has no assumption yet: on pane 2 press A to state it (and its evidence) before its outputs"
        )
    } else if !p
        .evidence
        .iter()
        .any(|e| about.contains(&e.assumption.as_str()))
    {
        format!(
            "The assumption on `{outcome}` has no evidence yet: on pane 2 press Enter, then a on the assumption"
        )
    } else {
        return;
    };
    app.say(Tone::Warn, msg);
}

fn open(app: &mut App) {
    match app.selected() {
        None if app.pane == GOAL => app.open_editor(EditTarget::Goal),
        None => add(app),
        Some(id) => open::form(app, Form::Item(id)),
    }
}

pub(super) fn edit_selected(app: &mut App) {
    match app.selected() {
        Some(id) if id == GOAL_ID => app.open_editor(EditTarget::Goal),
        Some(id) => app.open_editor(EditTarget::Text { id }),
        None if app.pane == GOAL => app.open_editor(EditTarget::Goal),
        None => app.say(Tone::Warn, "Nothing to edit here: press a to add an item"),
    }
}

fn add(app: &mut App) {
    let target = match app.pane {
        GOAL if app.plan().goal.text.is_empty() => Ok(EditTarget::Goal),
        GOAL => Err(
            "A plan has one goal: press e to edit it, or h to plan the outcomes that lead to it"
                .to_string(),
        ),
        OUTCOMES if app.plan().goal.text.is_empty() => Err(goal_first()),
        OUTCOMES => Ok(EditTarget::NewOutcome),
        OUTPUTS => match app.selected_in(OUTCOMES) {
            Some(outcome) => Ok(EditTarget::NewOutput { outcome }),
            None => Err(EditError::OutcomeFirst.to_string()),
        },
        _ => match app.selected_in(OUTPUTS) {
            Some(output) => Ok(EditTarget::NewActivity { output }),
            None => Err(EditError::OutputFirst.to_string()),
        },
    };
    match target {
        Ok(t) => app.open_editor(t),
        Err(why) => app.say(Tone::Warn, why),
    }
}

fn delete(app: &mut App) {
    if super::refuse_edit(app) {
        return;
    }
    let Some(id) = app.selected() else {
        app.say(Tone::Warn, "Nothing to delete here");
        return;
    };
    if id == GOAL_ID {
        app.say(Tone::Warn, EditError::GoalIsPermanent.to_string());
        return;
    }
    open::delete(app, &id);
}

fn link(app: &mut App, add: bool) {
    if super::refuse_edit(app) {
        return;
    }
    if app.pane == GOAL {
        app.say(
            Tone::Warn,
            "The goal serves nothing further: select an outcome, output or activity to link",
        );
        return;
    }
    let (Some(from), Some(to)) = (app.selected(), app.selected_in(app.pane.right())) else {
        app.say(
            Tone::Warn,
            "Select an item, and in the pane to its right the item it should serve",
        );
        return;
    };
    if !add {
        open::unlink(app, &from, &to);
        return;
    }
    match app.change(
        Edit::Link {
            from: from.clone(),
            to: to.clone(),
        },
        |p| p.link(&from, &to),
    ) {
        Ok(()) => app.say(Tone::Info, format!("`{from}` now also serves `{to}`")),
        Err(e) => app.say(Tone::Warn, e.to_string()),
    }
}

/// Why there can be no outcome yet, and the key that fixes it.
fn goal_first() -> String {
    format!("{} (Enter on the Goal pane)", EditError::GoalFirst)
}
