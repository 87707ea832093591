//! `update`: the only place state changes. No I/O; what the loop must do (save, quit) is
//! returned as effects, and their outcome comes back as a message.

mod dialog;
mod edit;
mod evaluation;
mod form;
mod normal;
mod picker;
mod review;

pub(crate) use review::ordered as ordered_findings;

pub use picker::RANK_AT_ONCE;

use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;

use super::app::App;
use super::keymap::{Action, Mode};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write `text` to `path` atomically, then send `Msg::Saved`; quit after a good save
    /// when `then_quit`.
    Save {
        path: PathBuf,
        text: String,
        version: u64,
        then_quit: bool,
    },
    Quit,
    /// Rank a picker query in the background and send `Msg::Ranked`.
    Rank {
        generation: u64,
        query: crate::framework::picker::Query,
    },
}

#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Action(Action),
    /// The result of an `Effect::Save`: where and which version was written.
    Saved(Result<(PathBuf, u64), String>),
    /// Nothing changed but the screen must be drawn again (a resize).
    Redraw,
    /// Ranked picker results for the query of a generation.
    Ranked {
        generation: u64,
        hits: Vec<crate::framework::picker::Hit>,
    },
}

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let effects = dispatch(app, msg);
    app.refresh_review();
    effects
}

fn dispatch(app: &mut App, msg: Msg) -> Vec<Effect> {
    let mode = app.mode();
    let action = match msg {
        Msg::Saved(result) => {
            dialog::saved(app, result);
            return Vec::new();
        }
        Msg::Redraw => return Vec::new(),
        Msg::Ranked { generation, hits } => {
            picker::ranked(app, generation, hits);
            return Vec::new();
        }
        Msg::Key(key) if mode == Mode::Picker && app.keymap.lookup(mode, key).is_none() => {
            return picker::type_key(app, key);
        }
        Msg::Action(a) => a,
        Msg::Key(key) => match app.keymap.lookup(mode, key) {
            Some(a) => a,
            None => {
                match mode {
                    Mode::Editor | Mode::Prose => edit::type_key(app, key),
                    Mode::Prompt => dialog::type_key(app, key),
                    _ => {}
                }
                return Vec::new();
            }
        },
    };
    match mode {
        Mode::Normal => normal::act(app, action),
        Mode::Editor | Mode::Prose => edit::act(app, action),
        Mode::Prompt => dialog::prompt(app, action),
        Mode::Help => dialog::help(app, action),
        Mode::Form => form::act(app, action),
        Mode::Choice => form::choose(app, action),
        Mode::Picker => picker::act(app, action),
        Mode::Review => review::act(app, action),
        Mode::Evaluation => evaluation::act(app, action),
        Mode::Confirm => dialog::answer(app, action),
    }
}

/// The effect that saves the plan as it is now.
pub(crate) fn save(app: &App, then_quit: bool) -> Effect {
    save_to(app, app.path.clone(), then_quit)
}

/// The effect that saves the plan to a file (`:w FILE`).
pub(crate) fn save_to(app: &App, path: PathBuf, then_quit: bool) -> Effect {
    Effect::Save {
        path,
        text: crate::plan::to_toml(&app.plan),
        version: app.version,
        then_quit,
    }
}

#[cfg(test)]
mod evaluation_tests;
#[cfg(test)]
mod form_tests;
#[cfg(test)]
mod picker_tests;
#[cfg(test)]
mod review_tests;
#[cfg(test)]
mod tests;
