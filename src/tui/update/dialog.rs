//! The command and search line, the overlays, questions, and the result of a save.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::super::app::*;
use super::super::keymap::Action;
use super::super::outcome::{SaveFailed, Saved};
use super::{Effect, save};

pub fn type_key(app: &mut App, key: KeyEvent) {
    let Some((_, line)) = app.prompt.as_mut() else {
        return;
    };
    // Backspace on an empty line leaves it, as in vim.
    if key.code == KeyCode::Backspace && line.is_empty() {
        app.prompt = None;
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
    let Some((kind, line)) = app.prompt.take() else {
        return Vec::new();
    };
    if action != Action::Commit {
        return Vec::new();
    }
    match kind {
        PromptKind::Search => {
            search(app, line.trim());
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
            app.overlay = Some(Overlay::Help);
            Vec::new()
        }
        "stakeholders" | "s" => {
            super::form::open(app, Form::Stakeholders);
            Vec::new()
        }
        "evaluation" | "e" => {
            super::evaluation::open(app);
            Vec::new()
        }
        "changes" => super::outside::open_changes(app),
        "review" | "r" => {
            super::review::open(app);
            Vec::new()
        }
        "context" | "c" => {
            super::form::open(app, Form::Context);
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
                    "Unknown command :{}; try :w, :w FILE, :q, :wq, :q!, :stakeholders, :context",
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

fn search(app: &mut App, query: &str) {
    if query.is_empty() {
        app.search = None;
        return;
    }
    let q = query.to_lowercase();
    let mut hits = Vec::new();
    for pane in [GOAL, OUTCOMES, OUTPUTS, ACTIVITIES] {
        let ids = app.pane_ids(pane);
        for (row, text) in app.pane_items(pane).into_iter().enumerate() {
            if text.to_lowercase().contains(&q) || ids.get(row).is_some_and(|i| i.contains(&q)) {
                hits.push((pane, row));
            }
        }
    }
    app.search = Some(Search {
        query: query.to_string(),
        hits,
        current: 0,
    });
    jump(app);
}

pub fn step_match(app: &mut App, forward: bool) {
    let Some(Search {
        hits, current: i, ..
    }) = app.search.as_mut()
    else {
        app.say(Tone::Info, "No search yet: press / to search the plan");
        return;
    };
    if !hits.is_empty() {
        *i = if forward {
            (*i + 1) % hits.len()
        } else {
            (*i + hits.len() - 1) % hits.len()
        };
    }
    jump(app);
}

fn jump(app: &mut App) {
    let Some(Search {
        query,
        hits,
        current: i,
    }) = app.search.clone()
    else {
        return;
    };
    let query = crate::text::sanitize(&query);
    match hits.get(i) {
        Some(&(pane, row)) => {
            app.pane = pane;
            app.rows[pane] = row;
            app.say(
                Tone::Info,
                format!(
                    "Match {} of {} for \"{query}\" (n next, N previous)",
                    i + 1,
                    hits.len()
                ),
            );
        }
        None => app.say(Tone::Warn, format!("No item matches \"{query}\"")),
    }
}

pub fn help(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Cancel => {
            app.overlay = None;
            // The question the view answered part of is asked again.
            if let Some(q) = app.after_overlay.take() {
                app.question = Some(q);
            }
        }
        Action::Down => app.overlay_scroll = app.overlay_scroll.saturating_add(1),
        Action::Up => app.overlay_scroll = app.overlay_scroll.saturating_sub(1),
        Action::Top => app.overlay_scroll = 0,
        // Render stops the scroll at the last page.
        Action::Bottom => app.overlay_scroll = u16::MAX,
        _ => {}
    }
    Vec::new()
}

pub fn answer(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(q) = app.question.take() else {
        return Vec::new();
    };
    let effects = answer_one(app, action, q);
    app.next_question();
    effects
}

fn answer_one(app: &mut App, action: Action, q: Question) -> Vec<Effect> {
    // A key that is not one of the question's answers leaves it asked.
    let answers = [Action::Yes, Action::No, Action::Cancel];
    let handled = match q {
        Question::Recover(offer) => {
            super::recover::answer(app, action, *offer.clone()).ok_or(Question::Recover(offer))
        }
        Question::OpenElsewhere(holder) => {
            super::recover::answer_elsewhere(app, action, holder.clone())
                .ok_or(Question::OpenElsewhere(holder))
        }
        q if !answers.contains(&action) => Err(q),
        q => Ok(yes_no(app, action == Action::Yes, q)),
    };
    handled.unwrap_or_else(|q| {
        app.question = Some(q);
        Vec::new()
    })
}

fn yes_no(app: &mut App, yes: bool, q: Question) -> Vec<Effect> {
    match q {
        Question::Delete { id, .. } if yes => delete_now(app, &id),
        Question::Delete { .. } => app.say(Tone::Info, "Nothing deleted"),
        Question::QuitUnsaved if yes => return vec![Effect::Quit],
        Question::QuitUnsaved => app.say(Tone::Info, "Not quitting: Ctrl-s saves"),
        Question::Recover(_) | Question::OpenElsewhere(_) => {}
        Question::DiskChanged { text, hash } => {
            super::outside::answer_changed(app, yes, text, hash)
        }
        Question::OverwriteNewer { path, then_quit } => {
            return super::outside::answer_overwrite(app, yes, path, then_quit);
        }
    }
    Vec::new()
}

pub fn delete_now(app: &mut App, id: &str) {
    if super::refuse_edit(app) {
        return;
    }
    match app.change(|p| p.delete(id)) {
        Ok(kind) => app.say(
            Tone::Info,
            format!("Deleted {} `{id}` (u undoes)", kind.noun()),
        ),
        Err(e) => app.say(Tone::Warn, e.to_string()),
    }
    app.clamp_rows();
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
            app.saved_version = version;
            app.path = path;
            app.disk = Some(hash);
            let path = app.path.display().to_string();
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
