//! `update`: the only place state changes. No I/O; what the loop must do (save, quit) is
//! returned as effects, and their outcome comes back as a message.

mod dialog;
mod edit;
mod evaluation;
mod form;
mod normal;
mod open;
mod outside;
mod picker;
mod recover;
mod review;
mod search;

pub(crate) use review::ordered as ordered_findings;

pub use open::RANK_AT_ONCE;

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;

use super::app::{App, Layer, Question};
use super::disk::Guard;
use super::keymap::{Action, Mode};
use super::outcome::{SaveFailed, Saved};
use crate::git::GitError;
use crate::plan::SaveError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write `text` to `path` atomically, then send `Msg::Saved`; quit after a good save
    /// when `then_quit`.
    Save {
        path: PathBuf,
        text: String,
        version: u64,
        then_quit: bool,
        /// What the write may replace.
        guard: Guard,
    },
    /// Read the plan as of git's HEAD and send `Msg::Head`.
    ReadHead {
        path: PathBuf,
    },
    Quit,
    /// Write recovered work to a new file beside the plan (a free name is found), then
    /// remove the recovery copy it came from and send `Msg::CopyWritten`.
    WriteCopy {
        plan: PathBuf,
        text: String,
        copy: PathBuf,
    },
    /// Rank a picker query in the background and send `Msg::Ranked`.
    Rank {
        generation: u64,
        query: crate::framework::picker::Query,
    },
}

#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    /// Text the terminal says was pasted (bracketed paste): inserted as text, never read
    /// as keys.
    Paste(String),
    /// The result of an `Effect::Save`.
    Saved(Result<Saved, SaveFailed>),
    /// A save was not made: the file changed on disk since it was read (or, saving as
    /// another file, that file exists).
    SaveConflict {
        path: PathBuf,
        then_quit: bool,
        /// The file's text and fingerprint as the save found them (`None`: none readable).
        text: Option<String>,
        hash: Option<u64>,
    },
    /// Something the loop found that the planner should know (a lock it could not move).
    Note(String),
    /// Recovered work was written to a file of its own (its path), or could not be.
    CopyWritten(Result<PathBuf, Arc<SaveError>>),
    /// The open file changed on disk.
    DiskChanged {
        text: Option<String>,
        hash: Option<u64>,
    },
    /// The plan's text at git's HEAD (`Ok(None)`: not committed yet).
    Head(Result<Option<String>, GitError>),
    /// Nothing changed but the screen must be drawn again (a resize).
    Redraw,
    /// The terminal's size: scrolled layers keep their cursor within what fits it.
    Resize {
        width: u16,
        height: u16,
    },
    /// Ranked picker results for the query of a generation.
    Ranked {
        generation: u64,
        hits: Vec<crate::framework::picker::Hit>,
    },
}

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let (version, size) = (app.version(), app.viewport);
    let effects = dispatch(app, msg);
    outside::follow(app, version);
    // Lists under the top layer may have shrunk (an undo, a reload) and scrolled views
    // changed their lines (a resize): every cursor is kept within its own list.
    if app.version() != version || app.viewport != size {
        app.keep_cursors_within(positions);
    }
    app.refresh();
    effects
}

/// How many positions a view's cursor has: its rows, or for text the lines it can start at.
fn positions(app: &App, overlay: &super::app::Overlay) -> usize {
    use super::app::Overlay;
    match overlay {
        Overlay::Form(form) => super::form::rows(app.plan(), app.fw(), form).len(),
        Overlay::Review if !app.problems().is_empty() => app.problems().len(),
        Overlay::Review => app.findings().len(),
        Overlay::Evaluation => crate::plan::evaluation::rows(app.plan(), app.fw()).len(),
        Overlay::Help | Overlay::Changes { .. } => super::render::scroll_positions(app, overlay),
    }
}

fn dispatch(app: &mut App, msg: Msg) -> Vec<Effect> {
    let mode = app.mode();
    let action = match msg {
        Msg::Saved(result) => {
            outside::saved(app, &result);
            dialog::saved(app, result);
            return Vec::new();
        }
        Msg::Redraw => return Vec::new(),
        Msg::Resize { width, height } => {
            app.viewport = (width, height);
            return Vec::new();
        }
        Msg::SaveConflict {
            path,
            then_quit,
            text,
            hash,
        } => {
            outside::save_conflict(app, path, then_quit, text, hash);
            return Vec::new();
        }
        Msg::DiskChanged { text, hash } => {
            outside::changed(app, text, hash);
            return Vec::new();
        }
        Msg::Head(result) => {
            outside::head(app, result);
            return Vec::new();
        }
        Msg::Note(text) => {
            app.say(super::app::Tone::Warn, text);
            return Vec::new();
        }
        Msg::CopyWritten(result) => {
            recover::written(app, result);
            return Vec::new();
        }
        Msg::Ranked { generation, hits } => {
            picker::ranked(app, generation, hits);
            return Vec::new();
        }
        Msg::Paste(text) => return paste(app, mode, &text),
        // One lookup per key: an unbound key is text where there is text to type.
        Msg::Key(key) => match app.keymap.lookup(mode, enter_for_line_feed(key)) {
            Some(a) => a,
            None => {
                match mode {
                    Mode::Picker => return picker::type_key(app, key),
                    Mode::Editor | Mode::Prose => edit::type_key(app, enter_for_line_feed(key)),
                    Mode::Prompt => dialog::type_key(app, key),
                    Mode::Confirm => outside::unanswered(app),
                    // A letter that does nothing here says so, rather than vanish (a
                    // planner pressed R in a form, saw nothing, and typed on).
                    Mode::Normal
                    | Mode::Form
                    | Mode::Review
                    | Mode::Evaluation
                    | Mode::Help
                    | Mode::Changes
                        if matches!(key.code, ratatui::crossterm::event::KeyCode::Char(_)) =>
                    {
                        app.say(
                            super::app::Tone::Info,
                            format!(
                                "{} does nothing here: ? lists the keys of this view",
                                super::keymap::key_label(key.code, key.modifiers)
                            ),
                        );
                    }
                    _ => {}
                }
                return Vec::new();
            }
        },
    };
    // Help opens over whatever is open wherever it is bound, and closing it returns there.
    if action == Action::Help {
        open::help(app);
        return Vec::new();
    }
    // The guide panel sits below whatever is open; showing it changes no layer.
    if action == Action::Guide {
        guide(app);
        return Vec::new();
    }
    match mode {
        Mode::Normal => normal::act(app, action),
        Mode::Editor | Mode::Prose => edit::act(app, action),
        Mode::Prompt => dialog::prompt(app, action),
        Mode::Help | Mode::Changes => dialog::help(app, action),
        Mode::Form => form::act(app, action),
        Mode::Choice => form::choose(app, action),
        Mode::Picker => picker::act(app, action),
        Mode::Review => review::act(app, action),
        Mode::Evaluation => evaluation::act(app, action),
        Mode::Confirm => answer(app, action),
    }
}

/// The guide key: shows the panel, turns its pages while there are more, then hides it.
fn guide(app: &mut App) {
    use super::app::Tone;
    if app.guide {
        match super::render::guide_next_page(app) {
            Some(page) => {
                app.guide_page = page;
                app.status = None;
            }
            None => {
                app.guide = false;
                app.guide_page = (0, 0);
                app.say(Tone::Info, "Guide hidden");
            }
        }
        return;
    }
    app.guide = true;
    app.guide_page = (0, 0);
    if super::render::guide_area(app).height > 0 {
        app.status = None;
    } else {
        app.say(
            Tone::Warn,
            "The guide needs a taller terminal (11 rows or more); it shows once there is room",
        );
    }
}

/// The answer to the question on top. A key that is not one of its answers leaves it
/// asked; each kind of question is answered by the handler of what it is about.
fn answer(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(Layer::Question(q)) = app.pop() else {
        return Vec::new();
    };
    let yes = action == Action::Yes;
    let answers = [Action::Yes, Action::No, Action::Cancel];
    let effects = match q {
        Question::Recover(offer) => {
            recover::answer(app, action, *offer.clone()).unwrap_or_else(|| {
                app.ask(Question::Recover(offer));
                Vec::new()
            })
        }
        Question::OpenElsewhere(holder) => recover::answer_elsewhere(app, action, holder.clone())
            .unwrap_or_else(|| {
                app.ask(Question::OpenElsewhere(holder));
                Vec::new()
            }),
        Question::DiskChanged { text, hash } => {
            outside::answer_changed(app, action, text, hash);
            Vec::new()
        }
        Question::OverwriteNewer {
            path,
            then_quit,
            text,
            hash,
        } => outside::answer_overwrite(app, action, path, then_quit, text, hash),
        q if !answers.contains(&action) => {
            app.ask(q);
            Vec::new()
        }
        q => dialog::yes_no(app, yes, q),
    };
    app.next_question();
    effects
}

/// A paste goes where typing goes: into the editor in one step (line breaks kept in longer
/// text, made spaces in one-line fields), onto the command line, into the picker's query.
/// Anywhere else its words would run as commands, so it is refused, and says so.
fn paste(app: &mut App, mode: Mode, text: &str) -> Vec<Effect> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let one_line = || text.split('\n').collect::<Vec<_>>().join(" ");
    match mode {
        Mode::Prose => {
            if let Some(ed) = app.editor_mut() {
                ed.area.insert_str(&text);
            }
        }
        Mode::Editor => {
            if let Some(ed) = app.editor_mut() {
                ed.area.insert_str(one_line());
            }
        }
        Mode::Prompt => {
            if let Some(line) = app.prompt_mut() {
                line.push_str(&one_line());
            }
        }
        Mode::Picker => {
            if let Some(p) = app.picker_mut() {
                p.query.push_str(&one_line());
            }
            return open::rank(app);
        }
        _ => app.say(
            super::app::Tone::Warn,
            "Pasted text goes into an editor: open one first (e, or Enter on a field); nothing was changed",
        ),
    }
    Vec::new()
}

/// Says why the plan cannot be changed, if it cannot. Every key that starts a change asks
/// here first, so a planner never types into an editor whose work would be refused.
pub(crate) fn refuse_edit(app: &mut App) -> bool {
    app.refuse_edit()
}

/// The effect that saves the plan as it is now (none for a read-only plan: its file is
/// left as it is; `:w OTHER` still writes a copy elsewhere).
pub(crate) fn save(app: &mut App, then_quit: bool) -> Vec<Effect> {
    if refuse_edit(app) {
        return Vec::new();
    }
    vec![save_to(app, app.path().to_path_buf(), then_quit)]
}

/// The effect that saves the plan to a file (`:w FILE`).
pub(crate) fn save_to(app: &App, path: PathBuf, then_quit: bool) -> Effect {
    Effect::Save {
        text: crate::plan::to_toml(app.plan()),
        version: app.version(),
        then_quit,
        // The open file is replaced only as it was read; another file only if it is not
        // there yet. Either way the planner is asked first otherwise.
        guard: if path == app.path() {
            Guard::seen(app.disk())
        } else {
            Guard::Absent
        },
        path,
    }
}

#[cfg(test)]
mod delete_tests;
#[cfg(test)]
mod evaluation_tests;
#[cfg(test)]
mod form_tests;
#[cfg(test)]
mod guide_tests;
#[cfg(test)]
mod layers_tests;
#[cfg(test)]
mod outside_tests;
#[cfg(test)]
mod paste_tests;
#[cfg(test)]
mod picker_tests;
#[cfg(test)]
mod read_only_tests;
#[cfg(test)]
mod review_tests;
#[cfg(test)]
mod stack_tests;
#[cfg(test)]
mod stumble_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod trial_tests;
#[cfg(test)]
mod typed_text_tests;

/// A line feed (Ctrl-j) is Enter: some terminals and SSH clients send it for Enter, and
/// the textarea's own Ctrl-j deleted the line before the cursor, losing typed text.
fn enter_for_line_feed(key: KeyEvent) -> KeyEvent {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    if key.code == KeyCode::Char('j') && key.modifiers == KeyModifiers::CONTROL {
        KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)
    } else {
        key
    }
}
