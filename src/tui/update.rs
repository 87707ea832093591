//! `update`: the only place state changes. No I/O; what the loop must do (save, quit) is
//! returned as effects, and their outcome comes back as a message.

mod dialog;
mod edit;
mod normal;

pub(crate) use edit::item_text;

use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;

use super::app::App;
use super::keymap::{Action, Mode, lookup};

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
}

#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Action(Action),
    /// The result of an `Effect::Save`, with the version that was written.
    Saved(Result<u64, String>),
}

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let mode = app.mode();
    let action = match msg {
        Msg::Saved(result) => {
            dialog::saved(app, result);
            return Vec::new();
        }
        Msg::Action(a) => a,
        Msg::Key(key) => match lookup(mode, key) {
            Some(a) => a,
            None => {
                match mode {
                    Mode::Editor => edit::type_key(app, key),
                    Mode::Prompt => dialog::type_key(app, key),
                    _ => {}
                }
                return Vec::new();
            }
        },
    };
    match mode {
        Mode::Normal => normal::act(app, action),
        Mode::Editor => edit::act(app, action),
        Mode::Prompt => dialog::prompt(app, action),
        Mode::Overlay => dialog::overlay(app, action),
        Mode::Confirm => dialog::answer(app, action),
    }
}

/// The effect that saves the plan as it is now.
pub(crate) fn save(app: &App, then_quit: bool) -> Effect {
    Effect::Save {
        path: app.path.clone(),
        text: crate::plan::to_toml(&app.plan),
        version: app.version,
        then_quit,
    }
}

#[cfg(test)]
mod tests;
