//! The file and the world outside the app: the plan changed on disk while open, a save
//! that would overwrite a newer file, and the plan as of git's HEAD.

use super::super::app::*;
use super::super::disk::{Declined, Guard};
use super::Effect;
use crate::git::GitError;
use crate::plan::diff::{Style, diff, to_text};
use crate::plan::parse_plan_only as parse_str;

/// The watcher saw the file change; ask unless it is what we last read or wrote.
pub fn changed(app: &mut App, text: Option<String>, hash: Option<u64>) {
    if hash == app.disk() || app.declined.is(hash) {
        return;
    }
    // A plan read-only for its errors holds nothing of ours: take the fixed file at once.
    if !app.problems().is_empty() && !app.dirty() {
        answer_changed(app, true, text, hash);
        return;
    }
    app.ask(Question::DiskChanged { text, hash });
}

/// "y": reload the plan from disk (one undoable change); "n": keep ours.
pub fn answer_changed(app: &mut App, reload: bool, text: Option<String>, hash: Option<u64>) {
    if !reload {
        app.declined = Declined::of(hash);
        app.say(
            Tone::Warn,
            "Keeping your version; saving will ask before overwriting the file on disk",
        );
        return;
    }
    let Some(text) = text else {
        app.say(
            Tone::Warn,
            "The file is gone from disk; keeping your version (Ctrl-s writes it back)",
        );
        return;
    };
    match parse_str(&text, app.path()) {
        // Taking a file `check` rejects would leave our unsaved work only in an undo
        // history a read-only plan cannot reach: keep ours, and say why.
        Ok(loaded)
            if (app.dirty() || app.typed_text().is_some())
                && !crate::plan::errors_in(&loaded.plan, app.fw(), || {
                    crate::plan::check_text(&text, app.path(), app.fw())
                })
                .is_empty() =>
        {
            app.declined = Declined::of(hash);
            app.say(
                Tone::Warn,
                "The file on disk has errors `tocplan check` reports; keeping your version \
                 (saving asks before replacing it)",
            );
        }
        Ok(loaded) => {
            let was_read_only = !app.problems().is_empty();
            app.adopt(loaded.plan, &text);
            app.mark_clean(app.disk());
            app.set_disk(hash);
            match app.read_only() {
                Some(why) => app.say(Tone::Warn, format!("Reloaded from disk. {why}")),
                None if was_read_only => app.say(
                    Tone::Info,
                    "Reloaded from disk: `tocplan check` finds no error now, so the plan can be edited",
                ),
                None => app.say(
                    Tone::Info,
                    "Reloaded from disk (u goes back to your version)",
                ),
            }
        }
        Err(e) => app.say(
            Tone::Error,
            format!(
                "The file on disk cannot be read ({}); keeping your version",
                crate::text::sanitize(&e.to_string())
            ),
        ),
    }
}

/// "y": overwrite the file on disk after all; "n": leave it.
pub fn answer_overwrite(
    app: &mut App,
    yes: bool,
    path: std::path::PathBuf,
    then_quit: bool,
) -> Vec<Effect> {
    if !yes {
        app.say(
            Tone::Warn,
            "Not saved: the file on disk is not the one you opened; :w OTHER saves yours elsewhere",
        );
        return Vec::new();
    }
    let mut effect = super::save_to(app, path, then_quit);
    if let Effect::Save { guard, .. } = &mut effect {
        *guard = Guard::Any;
    }
    vec![effect]
}

/// The plan as of HEAD arrived: show what changed since, in plan terms.
pub fn head(app: &mut App, result: Result<Option<String>, GitError>) {
    // Git answers a moment after `D`: if the planner has opened something to type into
    // since, the view would cover it while keys still went to it. Say so instead.
    if matches!(
        app.top(),
        Some(
            Layer::Editor(_)
                | Layer::Prompt(..)
                | Layer::Picker(_)
                | Layer::Choice(_)
                | Layer::Question(_)
        )
    ) {
        app.say(
            Tone::Info,
            "The changes since the last commit are ready: press D again once this is closed",
        );
        return;
    }
    let old = match result {
        Ok(Some(text)) => match parse_str(&text, app.path()) {
            Ok(l) => l.plan,
            Err(e) => {
                app.say(Tone::Error, format!("HEAD's version cannot be read: {e}"));
                return;
            }
        },
        Ok(None) => crate::plan::Plan::default(),
        Err(GitError::NoRepository(_) | GitError::NoRevision(_)) => {
            app.say(
                Tone::Warn,
                "Not in a git repository with a commit: nothing to compare with",
            );
            return;
        }
        Err(e) => {
            app.say(Tone::Warn, crate::text::sanitize(&e.to_string()));
            return;
        }
    };
    let title = format!(
        "Changes since the last commit (HEAD -> {})",
        app.path().display()
    );
    let text = to_text(&title, &diff(&old, app.plan()), Style { color: false });
    app.open_overlay(Overlay::Changes {
        title: "Changes since the last commit".into(),
        text,
    });
}
