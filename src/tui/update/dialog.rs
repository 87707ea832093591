//! The command and search line, help and the changes view, yes-or-no questions, and the
//! result of a save.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::super::app::*;
use super::super::keymap::Action;
use super::super::outcome::{SaveFailed, Saved};
use super::{Effect, open, save};

pub fn type_key(app: &mut App, key: KeyEvent) {
    let Some(line) = app.prompt_mut() else {
        return;
    };
    // Backspace on an empty line leaves it, as in vim.
    if key.code == KeyCode::Backspace && line.is_empty() {
        app.pop();
        return;
    }
    match key.code {
        KeyCode::Char(c) => line.push(c),
        KeyCode::Backspace => {
            line.pop();
        }
        _ => {}
    }
}

pub fn prompt(app: &mut App, action: Action) -> Vec<Effect> {
    let Some((kind, line)) = app.prompt().map(|(k, l)| (k, l.to_string())) else {
        return Vec::new();
    };
    if action == Action::ClearQuery {
        if let Some(line) = app.prompt_mut() {
            line.clear();
        }
        return Vec::new();
    }
    app.pop();
    if action != Action::Commit {
        return Vec::new();
    }
    match kind {
        PromptKind::Search => {
            super::search::search(app, line.trim());
            Vec::new()
        }
        PromptKind::Command => command(app, line.trim()),
    }
}

fn command(app: &mut App, cmd: &str) -> Vec<Effect> {
    match cmd {
        "w" | "write" => save(app, false),
        "wq" | "x" => save(app, true),
        "q" | "quit" if app.dirty() => {
            app.say(
                Tone::Warn,
                "Unsaved changes: :w saves, :wq saves and quits, :q! quits without saving",
            );
            Vec::new()
        }
        "q" | "quit" | "q!" | "quit!" => vec![Effect::Quit],
        "help" | "h" => {
            open::help(app);
            Vec::new()
        }
        "stakeholders" | "s" => {
            open::form(app, Form::Stakeholders);
            Vec::new()
        }
        "evaluation" | "e" => {
            open::view(app, Overlay::Evaluation);
            Vec::new()
        }
        "changes" => open::changes(app),
        "review" | "r" => {
            open::view(app, Overlay::Review);
            Vec::new()
        }
        "context" | "c" => {
            open::form(app, Form::Context);
            Vec::new()
        }
        "id" => {
            app.say(
                Tone::Info,
                "Type :id NEW-ID to give the selected item a new id (references follow)",
            );
            Vec::new()
        }
        w if w.starts_with("id ") => {
            open::rename(app, w[3..].trim());
            Vec::new()
        }
        w if w.starts_with("w ") || w.starts_with("wq ") => {
            let (verb, file) = w.split_once(' ').unwrap_or((w, ""));
            vec![super::save_to(app, expand_home(file.trim()), verb == "wq")]
        }
        "" => Vec::new(),
        other => {
            app.say(
                Tone::Error,
                format!(
                    "Unknown command :{}; try :w, :w FILE, :q, :wq, :q!, :id NEW, :stakeholders, :context",
                    crate::text::sanitize(other)
                ),
            );
            Vec::new()
        }
    }
}

/// `~/x` is the user's home, as in the shell the planner would otherwise have typed it in
/// (no shell sees a `:w` line to expand it).
pub fn expand_home(file: &str) -> std::path::PathBuf {
    let home = || dirs::home_dir().filter(|h| !h.as_os_str().is_empty());
    match (file, file.strip_prefix("~/")) {
        ("~", _) => home().unwrap_or_else(|| file.into()),
        (_, Some(rest)) => home().map_or_else(|| file.into(), |h| h.join(rest)),
        _ => file.into(),
    }
}

/// Help and the changes view: scrolled a line, a page, to either end, within the lines
/// the view has at the terminal's size; `Esc` closes it, back to what was under it.
pub fn help(app: &mut App, action: Action) -> Vec<Effect> {
    if action == Action::Cancel {
        app.pop();
        return Vec::new();
    }
    let len = app
        .overlay()
        .map_or(1, |o| super::super::render::scroll_positions(app, o));
    // A page is what the view shows, less a line kept in sight to read on from.
    let page = super::super::render::view_rows(app)
        .saturating_sub(1)
        .max(1);
    if let Some(c) = app.cursor_mut() {
        match action {
            Action::PageDown => c.set(c.at() + page, len),
            Action::PageUp => c.set(c.at().saturating_sub(page), len),
            _ => {
                c.step(action, len);
            }
        }
    }
    Vec::new()
}

/// Yes or no to a question that is only that (deleting, quitting unsaved).
pub fn yes_no(app: &mut App, yes: bool, q: Question) -> Vec<Effect> {
    match q {
        Question::Delete { id, .. } if yes => open::delete_now(app, &id),
        Question::Delete { .. } => app.say(Tone::Info, "Nothing deleted"),
        Question::Unlink { from, to, .. } if yes => open::unlink_now(app, &from, &to),
        Question::Unlink { .. } => app.say(Tone::Info, "Nothing unlinked"),
        Question::QuitUnsaved if yes => return vec![Effect::Quit],
        Question::QuitUnsaved => app.say(Tone::Info, "Not quitting: Ctrl-s saves"),
        _ => {}
    }
    Vec::new()
}

pub fn saved(app: &mut App, result: Result<Saved, SaveFailed>) {
    match result {
        Ok(Saved {
            path,
            version,
            fingerprint: hash,
        }) => {
            // The loop removed the recovery copies whose work this save holds.
            app.spent_copies.clear();
            app.saved(path, version, hash);
            let path = app.path().display().to_string();
            app.say(
                Tone::Info,
                format!("Saved {}", crate::text::sanitize(&path)),
            );
        }
        Err(SaveFailed::ReadOnly { .. }) => app.say(
            Tone::Error,
            "the plan is read-only, so its file is left as it is; :w OTHER saves a copy elsewhere. \
             Your plan is still here: :w OTHER saves it elsewhere",
        ),
        // The save's message names the file and says "not saved" itself.
        Err(SaveFailed::Write(e)) => app.say(
            Tone::Error,
            format!(
                "{}. Your plan is still here: :w OTHER saves it elsewhere",
                crate::text::sanitize(&e.to_string())
            ),
        ),
    }
}
