//! Answers to the questions asked at start: a recovery copy of unsaved work (take it,
//! keep it as a file of its own, see how it differs, or leave it), and a plan that is open
//! in another tocplan (read-only here, go on, or quit).

use super::super::app::*;
use super::super::keymap::Action;
use super::super::recovery::{Offer, as_file};
use super::Effect;
use crate::plan::parse_plan_only as parse_str;

/// The answer to a recovery offer; `None` when the key is not one of its choices (the
/// question stays).
pub fn answer(app: &mut App, action: Action, offer: Offer) -> Option<Vec<Effect>> {
    match action {
        Action::Yes => return Some(take(app, offer)),
        Action::Save => {
            app.say(
                Tone::Info,
                "Keeping the recovered work in a file of its own ...",
            );
            return Some(keep_beside(app, offer));
        }
        Action::Changes => differences(app, offer),
        // Nothing is thrown away unasked: the copy stays, and is offered again.
        Action::No | Action::Cancel => app.say(
            Tone::Info,
            "Opened the file as it is; the recovery copy stays and is offered next time",
        ),
        _ => return None,
    }
    Some(Vec::new())
}

/// Keeps a recovery copy's work as a file of its own beside the plan (the copy goes once
/// it is written).
fn keep_beside(app: &App, offer: Offer) -> Vec<Effect> {
    vec![Effect::WriteCopy {
        plan: app.path().to_path_buf(),
        text: as_file(&offer.copy),
        copy: offer.file,
    }]
}

/// Opens the recovered work as unsaved changes, and the editor as it was, with its text.
/// Work `check` rejects is never opened over the file (it could be edited, or saved over
/// a sound plan): it is kept as a file of its own instead, to fix there.
fn take(app: &mut App, offer: Offer) -> Vec<Effect> {
    let loaded = match parse_str(&offer.copy.plan, &offer.file) {
        Ok(l) => l,
        Err(e) => {
            app.say(
                Tone::Error,
                format!(
                    "The recovery copy cannot be read ({}); opened the file as it is",
                    crate::text::sanitize(&e.to_string()),
                ),
            );
            return Vec::new();
        }
    };
    let (fw, file) = (app.fw(), &offer.file);
    let errors = crate::plan::errors_in(&loaded.plan, fw, || {
        crate::plan::check_text(&offer.copy.plan, file, fw)
    });
    // Work already open unsaved (a first copy taken): this one is kept as a file of its
    // own, never put over it.
    if errors.is_empty() && app.dirty() {
        app.say(
            Tone::Info,
            "There is unsaved work open already: keeping this copy as a file of its own ...",
        );
        return keep_beside(app, offer);
    }
    if !errors.is_empty() {
        app.say(
            Tone::Warn,
            format!(
                "The recovered work has {} error{} `tocplan check` reports, so it is not opened \
                 over the file: keeping it as a file of its own to fix ...",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" }
            ),
        );
        return keep_beside(app, offer);
    }
    app.adopt(loaded.plan, &offer.copy.plan);
    app.spent_copies.push(offer.file.clone());
    // Saving compares the file with the version the work was made from: if the file
    // changed since, the save asks before replacing it.
    if offer.changed != Some(false) {
        app.set_disk(offer.copy.base);
    }
    let mut said = match offer.changed {
        Some(false) => "Recovered your unsaved work: Ctrl-s saves it (u undoes)".to_string(),
        _ => "Recovered your unsaved work. The file changed since: saving asks before \
              replacing it (:w OTHER saves elsewhere)"
            .to_string(),
    };
    if let Some(ed) = &offer.copy.editing {
        app.open_editor_titled(ed.target.clone(), ed.title.clone());
        match app.editor_mut() {
            Some(open) => {
                open.area = super::super::app::editor::area_with(&ed.text);
                said.push_str(" · the text you were typing is back in the editor");
            }
            None => said.push_str(" · the text you were typing is in the recovery copy"),
        }
    }
    let tone = if offer.changed == Some(false) {
        Tone::Info
    } else {
        Tone::Warn
    };
    app.say(tone, said);
    Vec::new()
}

/// Shows the recovered work against the file in plan terms, over the question: closing
/// the view returns to it.
fn differences(app: &mut App, offer: Offer) {
    app.ask(Question::Recover(Box::new(offer.clone())));
    super::open::compare_with(
        app,
        &offer.copy.plan,
        (
            "The recovery copy against the file as it is",
            "The recovery copy against the file",
        ),
        "The recovery copy",
    );
}

/// The answer to "the plan is open in another tocplan".
pub fn answer_elsewhere(
    app: &mut App,
    action: Action,
    holder: super::super::lock::Holder,
) -> Option<Vec<Effect>> {
    match action {
        Action::Yes => {
            app.view_only = true;
            app.say(
                Tone::Info,
                format!(
                    "Opened read-only: process {} has the plan open for editing",
                    holder.pid
                ),
            );
        }
        Action::No | Action::Cancel => app.say(
            Tone::Warn,
            "Editing here too: saving asks before replacing a file the other changed",
        ),
        Action::Quit => return Some(vec![Effect::Quit]),
        _ => return None,
    }
    Some(Vec::new())
}

/// The recovered work was written beside the plan (or could not be).
pub fn written(
    app: &mut App,
    result: Result<std::path::PathBuf, std::sync::Arc<crate::plan::SaveError>>,
) {
    match result {
        Ok(path) => app.say(
            Tone::Info,
            format!(
                "Your recovered work is in {}; the plan is open as it is",
                crate::text::sanitize(&path.display().to_string())
            ),
        ),
        Err(e) => app.say(
            Tone::Error,
            format!(
                "The recovered work could not be written ({}); its copy is kept for next time",
                crate::text::sanitize(&e.to_string())
            ),
        ),
    }
}
