//! The file and the world outside the app: the plan changed on disk while open, a save
//! that would overwrite a newer file, and the plan as of git's HEAD.

use super::super::app::*;
use super::super::disk::{Declined, Guard, Taken};
use super::super::keymap::Action;
use super::Effect;
use crate::git::GitError;
use crate::plan::diff::{Style, diff, to_text};
use crate::plan::parse_plan_only as parse_str;
use crate::plan::{Plan, to_toml};

/// The watcher saw the file change. Ours unchanged: take it quietly (undoable). Unsaved
/// work: ask whether to merge, take theirs or keep ours.
pub fn changed(app: &mut App, text: Option<String>, hash: Option<u64>) {
    if hash == app.disk() || app.declined.is(hash) {
        return;
    }
    // Nothing of ours would be lost (a plan read-only for its errors holds nothing either).
    if !app.dirty() && app.typed_text().is_none() && text.is_some() {
        take(app, text, hash);
        return;
    }
    // The question's keys show on the status line, not what was said before it.
    app.status = None;
    app.ask(Question::DiskChanged { text, hash });
}

/// The answer to "the plan's file changed on disk"; any other key leaves it asked.
pub fn answer_changed(app: &mut App, action: Action, text: Option<String>, hash: Option<u64>) {
    match action {
        Action::Yes => take(app, text, hash),
        Action::No => {
            app.declined = Declined::of(hash);
            app.say(
                Tone::Warn,
                "Keeping your version; saving will ask before replacing the file's",
            );
        }
        Action::Merge => match text {
            Some(text) => {
                merge_in(app, &text, hash);
            }
            None => app.say(
                Tone::Warn,
                "The file is gone from disk; keeping your version (Ctrl-s writes it back)",
            ),
        },
        Action::Changes => {
            let theirs = text.clone();
            app.ask(Question::DiskChanged { text, hash });
            show_difference(app, theirs.as_deref());
        }
        _ => {
            app.ask(Question::DiskChanged { text, hash });
            unanswered(app);
        }
    }
}

/// Takes the file's version as one undoable change (`u` goes back to ours).
fn take(app: &mut App, text: Option<String>, hash: Option<u64>) {
    let Some(text) = text else {
        app.declined = Declined::of(hash);
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
            let theirs = loaded.plan.clone();
            put_in(app, loaded.plan, &text, hash, theirs);
            app.mark_clean(hash);
            match app.read_only() {
                Some(why) => app.say(Tone::Warn, format!("Reloaded from disk. {why}")),
                None if was_read_only => app.say(
                    Tone::Info,
                    "Reloaded from disk: `tocplan check` finds no error now, so the plan can be edited",
                ),
                None => app.say(
                    Tone::Info,
                    "Reloaded: the file changed on disk (u goes back)",
                ),
            }
        }
        Err(e) => {
            app.declined = Declined::of(hash);
            app.say(
                Tone::Error,
                format!(
                    "The file on disk cannot be read ({}); keeping your version",
                    crate::text::sanitize(&e.to_string())
                ),
            );
        }
    }
}

/// Puts `plan` in as one undoable change and makes the file's version (`theirs`, with
/// fingerprint `hash`) the known one, remembering what was known before for an undo.
fn put_in(app: &mut App, plan: Plan, text: &str, hash: Option<u64>, theirs: Plan) {
    let (before, disk_before) = (app.version(), app.disk());
    app.adopt(plan, text);
    app.set_disk(hash);
    let base_before = std::mem::replace(&mut app.known.base, theirs.clone());
    app.known.taken = (app.version() != before).then(|| Taken {
        before,
        after: app.version(),
        disk_before,
        base_before,
        disk_after: hash,
        base_after: theirs,
    });
}

/// Merges the file's version (`text`) with ours by item, against what the app last read
/// or saved. Clean: the result is the plan, unsaved. Conflicts: each keeps our value and
/// is listed. True when the merge was clean.
fn merge_in(app: &mut App, text: &str, hash: Option<u64>) -> bool {
    let theirs = match parse_str(text, app.path()) {
        Ok(loaded) => loaded.plan,
        Err(e) => {
            app.declined = Declined::of(hash);
            app.say(
                Tone::Error,
                format!(
                    "The file on disk cannot be read ({}); keeping your version",
                    crate::text::sanitize(&e.to_string())
                ),
            );
            return false;
        }
    };
    let style = crate::plan::merge::Style::default();
    let merged = crate::plan::merge::merge(&app.known.base, app.plan(), &theirs, app.fw(), &style);
    let mine = to_toml(&merged.ours);
    put_in(app, merged.ours, &mine, hash, theirs);
    app.declined = Declined::Nothing;
    if merged.conflicts.is_empty() {
        app.say(
            Tone::Info,
            "Merged: your changes and the file's are both in the plan, unsaved (u undoes the merge)",
        );
        return true;
    }
    let mut list = format!(
        "Merged with the file on disk ({}). Where both sides changed the same thing, your \
         version was kept:\n\n",
        app.path().display()
    );
    for c in &merged.conflicts {
        list.push_str(&format!("  {}\n", crate::text::sanitize(&c.to_string())));
    }
    app.open_overlay(Overlay::Changes {
        title: "Merge conflicts: your version kept".into(),
        text: list,
    });
    let n = merged.conflicts.len();
    app.say(
        Tone::Warn,
        format!(
            "Merged with {n} conflict{} where your version was kept (listed; u undoes the merge)",
            if n == 1 { "" } else { "s" }
        ),
    );
    false
}

/// `d`: how the file on disk differs from the plan in the app, over the question.
fn show_difference(app: &mut App, theirs: Option<&str>) {
    let Some(text) = theirs else {
        app.say(
            Tone::Warn,
            "The file is gone from disk: there is nothing to compare",
        );
        return;
    };
    super::open::compare_with(
        app,
        text,
        (
            "Your plan (-) against the file on disk (+)",
            "Your plan against the file on disk",
        ),
        "The file on disk",
    );
}

/// After every step: undoing the outside version taken in makes the file's version news
/// again (a save then asks), and redoing it makes it the known one again.
pub fn follow(app: &mut App, before: u64) {
    let Some(t) = &app.known.taken else { return };
    let now = app.version();
    if before == t.after && now == t.before {
        let (disk, base, theirs) = (t.disk_before, t.base_before.clone(), t.disk_after);
        app.set_disk(disk);
        app.known.base = base;
        // Not asked again about the version just stepped away from.
        app.declined = Declined::of(theirs);
    } else if before == t.before && now == t.after {
        let (disk, base) = (t.disk_after, t.base_after.clone());
        app.set_disk(disk);
        app.known.base = base;
    }
}

/// A save came back: what it wrote is the known version of the file now.
pub fn saved(
    app: &mut App,
    result: &Result<crate::tui::outcome::Saved, crate::tui::outcome::SaveFailed>,
) {
    // The loop saves before the next key, so the plan is still the one written.
    if let Ok(s) = result
        && s.version == app.version()
    {
        app.known.base = app.plan().clone();
        app.known.taken = None;
    }
}

/// A key that answers nothing while a question is up: said, not swallowed.
pub fn unanswered(app: &mut App) {
    let keys = match app.question() {
        Some(Question::DiskChanged { .. }) => "y/n/m/d",
        Some(Question::OverwriteNewer { .. }) => "s/m/n/d",
        Some(_) => "its keys are below it",
        None => return,
    };
    app.say(Tone::Warn, format!("Answer the question first: {keys}"));
}

/// A save found the file changed since it was read: ask, with the file as it is now.
pub fn save_conflict(
    app: &mut App,
    path: std::path::PathBuf,
    then_quit: bool,
    text: Option<String>,
    hash: Option<u64>,
) {
    app.status = None;
    app.ask(Question::OverwriteNewer {
        path,
        then_quit,
        text,
        hash,
    });
}

/// The answer to "the file changed since you read it": `s` (or `y`) saves over it, `m`
/// merges and saves when clean, `n` leaves it, `d` shows the difference.
pub fn answer_overwrite(
    app: &mut App,
    action: Action,
    path: std::path::PathBuf,
    then_quit: bool,
    text: Option<String>,
    hash: Option<u64>,
) -> Vec<Effect> {
    let own = path == app.path();
    match action {
        Action::Yes | Action::SaveOver => {
            let mut effect = super::save_to(app, path, then_quit);
            if let Effect::Save { guard, .. } = &mut effect {
                *guard = Guard::Any;
            }
            vec![effect]
        }
        Action::Merge if own && text.is_some() => {
            let text = text.unwrap_or_default();
            if !merge_in(app, &text, hash) {
                return Vec::new();
            }
            app.say(
                Tone::Info,
                "Merged your changes with the file's; saving both",
            );
            vec![super::save_to(app, path, then_quit)]
        }
        Action::Merge => {
            app.ask(Question::OverwriteNewer {
                path,
                then_quit,
                text,
                hash,
            });
            app.say(
                Tone::Warn,
                "Only the plan's own file, when it can be read, merges: s saves over it · n does not save",
            );
            Vec::new()
        }
        Action::No => {
            app.say(
                Tone::Warn,
                "Not saved: the file on disk is not the one you opened; :w OTHER saves yours elsewhere",
            );
            Vec::new()
        }
        Action::Changes => {
            let theirs = text.clone();
            app.ask(Question::OverwriteNewer {
                path,
                then_quit,
                text,
                hash,
            });
            show_difference(app, theirs.as_deref());
            Vec::new()
        }
        _ => {
            app.ask(Question::OverwriteNewer {
                path,
                then_quit,
                text,
                hash,
            });
            unanswered(app);
            Vec::new()
        }
    }
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
