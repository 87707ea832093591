//! Keys in the four panes: moving, adding (backwards only), deleting, linking, undo.

use super::super::app::*;
use super::super::keymap::Action;
use super::{Effect, save};
use crate::plan::{About, EditError, GOAL_ID, Kind};

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    app.status = None;
    match action {
        Action::Quit if app.dirty() => app.question = Some(Question::QuitUnsaved),
        Action::Quit => return vec![Effect::Quit],
        Action::PaneLeft => move_to(app, app.pane.saturating_sub(1)),
        Action::PaneRight => move_to(app, (app.pane + 1).min(GOAL)),
        Action::NextPane => move_to(app, (app.pane + 1) % 4),
        Action::PrevPane => move_to(app, (app.pane + 3) % 4),
        Action::Up => app.rows[app.pane] = app.rows[app.pane].saturating_sub(1),
        Action::Down => {
            let len = app.pane_len(app.pane);
            app.rows[app.pane] = (app.rows[app.pane] + 1).min(len.saturating_sub(1));
        }
        Action::PageUp => app.rows[app.pane] = app.rows[app.pane].saturating_sub(super::PAGE),
        Action::PageDown => {
            let len = app.pane_len(app.pane);
            app.rows[app.pane] = (app.rows[app.pane] + super::PAGE).min(len.saturating_sub(1));
        }
        Action::Top => app.rows[app.pane] = 0,
        Action::Bottom => app.rows[app.pane] = app.pane_len(app.pane).saturating_sub(1),
        Action::Open => open(app),
        Action::Edit => edit_selected(app),
        Action::Add => add(app),
        Action::AddAssumption => match app.selected() {
            Some(id) => super::edit::start(
                app,
                EditTarget::NewAssumption {
                    about: About::Item(id),
                },
            ),
            None => app.say(
                Tone::Warn,
                "Select an item first, then press A to state an assumption about it",
            ),
        },
        Action::Delete => delete(app),
        Action::LinkRight | Action::UnlinkRight => link(app, action == Action::LinkRight),
        Action::Undo | Action::Redo => undo_redo(app, action == Action::Undo),
        Action::Stakeholders => super::form::open(app, Form::Stakeholders),
        Action::Measure => return super::picker::open(app, app.selected(), None),
        Action::Review => super::review::open(app),
        Action::Evaluation => super::evaluation::open(app),
        Action::Changes => return super::outside::open_changes(app),
        Action::Context => super::form::open(app, Form::Context),
        Action::Save => return save(app, false),
        Action::Command => app.prompt = Some((PromptKind::Command, String::new())),
        Action::Search => app.prompt = Some((PromptKind::Search, String::new())),
        Action::NextMatch => super::dialog::step_match(app, true),
        Action::PrevMatch => super::dialog::step_match(app, false),
        Action::Help => {
            app.overlay = Some(Overlay::Help);
            app.overlay_scroll = 0;
        }
        _ => {}
    }
    app.clamp_rows();
    Vec::new()
}

pub(super) fn undo_redo(app: &mut App, undo: bool) {
    if super::refuse_edit(app) {
        return;
    }
    let step = |app: &mut App, back: bool| match back {
        true => app.history.undo(&mut app.plan, &mut app.version),
        false => app.history.redo(&mut app.plan, &mut app.version),
    };
    if !step(app, undo) {
        let msg = if undo {
            "Nothing to undo"
        } else {
            "Nothing to redo"
        };
        app.say(Tone::Info, msg);
        return;
    }
    // A plan `check` rejects is never edited: history can hold one (the file before it
    // was fixed and reloaded, a broken version reloaded over ours), and stepping back to
    // it would make it editable. Such a step is taken back at once.
    let sound = !crate::plan::validate(&app.plan, &app.fw, &crate::plan::SourceMap::default())
        .iter()
        .any(|d| d.severity == crate::plan::Severity::Error);
    if !sound {
        step(app, !undo);
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
    app.say(
        Tone::Info,
        if undo {
            "Undone (Ctrl-r redoes)"
        } else {
            "Redone"
        },
    );
    app.clamp_rows();
}

fn move_to(app: &mut App, pane: usize) {
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
        OUTCOMES if app.plan.goal.text.is_empty() => goal_first(),
        OUTCOMES => {
            "No outcomes yet: press a to add the first short-term change that leads to the goal"
                .into()
        }
        OUTPUTS if app.plan.outcomes.is_empty() => EditError::OutcomeFirst.to_string(),
        OUTPUTS => "No outputs yet: press a to add one for the outcome selected in pane 2".into(),
        _ if app.plan.outputs.is_empty() => EditError::OutputFirst.to_string(),
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
    let p = &app.plan;
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
        None if app.pane == GOAL => super::edit::start(app, EditTarget::Goal),
        None => add(app),
        Some(id) => super::form::open(app, Form::Item(id)),
    }
}

pub(super) fn edit_selected(app: &mut App) {
    match app.selected() {
        Some(id) if id == GOAL_ID => super::edit::start(app, EditTarget::Goal),
        Some(id) => super::edit::start(app, EditTarget::Text { id }),
        None if app.pane == GOAL => super::edit::start(app, EditTarget::Goal),
        None => app.say(Tone::Warn, "Nothing to edit here: press a to add an item"),
    }
}

fn add(app: &mut App) {
    let target = match app.pane {
        GOAL if app.plan.goal.text.is_empty() => Ok(EditTarget::Goal),
        GOAL => Err(
            "A plan has one goal: press e to edit it, or h to plan the outcomes that lead to it"
                .to_string(),
        ),
        OUTCOMES if app.plan.goal.text.is_empty() => Err(goal_first()),
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
        Ok(t) => super::edit::start(app, t),
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
    let kind = app.plan.kind_of(&id).unwrap_or(Kind::Outcome);
    let dependants = app.plan.dependants(&id);
    if dependants.is_empty() {
        super::dialog::delete_now(app, &id);
    } else {
        app.question = Some(Question::Delete {
            id,
            kind,
            dependants,
        });
    }
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
    let (Some(from), Some(to)) = (app.selected(), app.selected_in(app.pane + 1)) else {
        app.say(
            Tone::Warn,
            "Select an item, and in the pane to its right the item it should serve",
        );
        return;
    };
    if !add {
        super::form::unlink(app, &from, &to);
        return;
    }
    match app.change(|p| p.link(&from, &to)) {
        Ok(()) => app.say(Tone::Info, format!("`{from}` now also serves `{to}`")),
        Err(e) => app.say(Tone::Warn, e.to_string()),
    }
}

/// Why there can be no outcome yet, and the key that fixes it.
fn goal_first() -> String {
    format!("{} (Enter on the Goal pane)", EditError::GoalFirst)
}
