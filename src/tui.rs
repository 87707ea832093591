//! The terminal app. State and a pure `update` live apart from rendering and from the
//! loop that does I/O, so every part can be tested without a terminal.

mod app;
pub mod backend;
mod config;
mod disk;
mod document;
mod edit_rows;
mod event_loop;
mod form;
mod guide;
pub mod headless;
mod history;
mod input;
mod keymap;
mod lock;
mod outcome;
mod recovery;
mod render;
mod theme;
mod undo;
mod update;

pub use app::{App, Cursor, EditTarget, Form, Layer, Overlay, Question, Tone};
pub use backend::CompactBackend;
pub use disk::Guard;
pub use keymap::{Action, Binding, Keymap, Mode};
pub use lock::Holder as LockHolder;
pub use outcome::{SaveFailed, Saved};
pub use recovery::{Copy as RecoveryCopy, Editing, Offer, find as recovery_copies};
pub use render::render;
pub use theme::{ColorSupport, Slot, Theme};
pub use undo::Edit;
pub use update::{Effect, Msg, RANK_AT_ONCE, update};

use std::path::Path;

use crate::framework::Framework;
use crate::plan::{LoadError, Plan, load_plan_only};

/// How the app looks and where its settings come from, as the command line gives them.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--theme NAME|PATH`; overrides the config file.
    pub theme: Option<String>,
    /// The settings folder; `None` reads none (tests).
    pub config_dir: Option<std::path::PathBuf>,
}

/// Opens the app on a plan (a missing file starts a new plan) and runs until quit.
pub fn open(path: &Path, fw: &Framework, opts: &Options) -> anyhow::Result<u8> {
    let mut app = prepare(path, fw, opts)?;
    if let Some(why) = no_terminal() {
        return Err(NoTerminal(why).into());
    }
    // Locks and copies go by the file itself, so a link to a plan and the plan agree.
    let real = crate::plan::real_path(path);
    let mut locked = false;
    match lock::acquire(&real) {
        lock::Acquired::Held(holder) => app.questions.push_back(Question::OpenElsewhere(holder)),
        lock::Acquired::Ours { stale } => {
            locked = true;
            if let Some(h) = stale {
                app.say(
                    Tone::Info,
                    format!(
                        "A tocplan that ended suddenly (process {}) left this plan locked; the lock is cleared",
                        h.pid
                    ),
                );
            }
        }
        lock::Acquired::Unavailable(why) => app.say(
            Tone::Warn,
            format!("The plan cannot be locked: {why}. A second tocplan on it will not be warned"),
        ),
    }
    app.questions.extend(
        recovery::find(&real)
            .into_iter()
            .map(|offer| Question::Recover(Box::new(offer))),
    );
    app.next_question();
    // The first panic hook gives the terminal back before the message; the recovery
    // hook, installed after it, first writes any unsaved work to a recovery copy.
    let mut terminal = match start_terminal() {
        Ok(t) => t,
        Err(e) => {
            give_back_terminal();
            if locked {
                lock::release(&real);
            }
            return Err(e.into());
        }
    };
    let snapshot = recovery::install(&real, locked);
    let result = event_loop::run(&mut terminal, &mut app, &snapshot);
    if result.is_err() {
        recovery::after_failure(&snapshot);
    }
    drop(terminal);
    give_back_terminal();
    if let Ok(session) = snapshot.lock()
        && session.locked
    {
        lock::release(&session.plan);
    }
    result.map(|()| 0)
}

/// Leaves raw mode and the alternate screen and shows the cursor again; safe to call
/// more than once, and from a signal thread or a panic hook.
pub(crate) fn give_back_terminal() {
    use ratatui::crossterm::{cursor, execute, terminal};
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        std::io::stdout(),
        ratatui::crossterm::event::DisableBracketedPaste,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
}

/// The app was asked to run where it cannot draw or read keys (the command line adds
/// what works instead).
#[derive(Debug, thiserror::Error)]
#[error("the app needs a terminal, and {0}; nothing was changed")]
pub struct NoTerminal(&'static str);

/// Why the app cannot run here, if it cannot: it draws on stdout and reads keys from stdin
/// or, when stdin is redirected, from the controlling terminal (as crossterm does).
fn no_terminal() -> Option<&'static str> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return Some("its output is not a terminal");
    }
    let keys = std::io::stdin().is_terminal()
        || std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")
            .is_ok();
    (!keys).then_some("there is no terminal to read keys from")
}

/// The terminal the app draws on: raw mode, the alternate screen, and a panic hook that
/// gives the terminal back (as `ratatui::init` sets up), with the compact backend.
pub type AppTerminal = ratatui::Terminal<backend::CompactBackend<std::io::Stdout>>;

fn start_terminal() -> std::io::Result<AppTerminal> {
    use ratatui::crossterm::{execute, terminal};
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        give_back_terminal();
        previous(info);
    }));
    terminal::enable_raw_mode()?;
    // Bracketed paste: a paste arrives marked, so its words are text, never commands.
    execute!(
        std::io::stdout(),
        terminal::EnterAlternateScreen,
        ratatui::crossterm::event::EnableBracketedPaste
    )?;
    ratatui::Terminal::new(backend::CompactBackend::new(std::io::stdout()))
}

/// The app as it opens on a plan: the plan read (or a new one), settings, theme and
/// keymap applied, and their warnings on the status line.
pub fn prepare(path: &Path, fw: &Framework, opts: &Options) -> anyhow::Result<App> {
    let plan = match load_plan_only(path) {
        Ok(loaded) => loaded.plan,
        // An empty file holds no work: it opens as a new plan, as a missing one does.
        Err(LoadError::File(e)) if e.is_not_found() => {
            Plan::new(&crate::text::title_from_file_name(path))
        }
        Err(LoadError::Empty { .. }) => Plan::new(&crate::text::title_from_file_name(path)),
        Err(e) => return Err(e.into()),
    };
    let mut app = App::new(plan, path.to_path_buf(), fw.clone());
    app.set_disk(crate::plan::file_hash(path));
    let plan = app.plan().clone();
    app.set_problems(&plan, || crate::plan::check(path, fw));
    let (settings, settings_warnings) = opts
        .config_dir
        .as_deref()
        .map_or_else(Default::default, config::load);
    // Banks skipped from the user's folder come first: they change what the picker offers.
    let mut warnings: Vec<String> = fw.warnings().to_vec();
    warnings.extend(settings_warnings);
    let support = ColorSupport::detect(|k| std::env::var(k).ok());
    let (theme, theme_warnings) =
        Theme::load(opts.theme.as_deref().or(settings.theme.as_deref()), support);
    app.theme = theme;
    warnings.extend(theme_warnings);
    if let Some(dir) = &opts.config_dir {
        let path = dir.join("keymap.toml");
        match crate::files::read_text(&path, crate::files::SETTINGS) {
            Ok(text) => warnings.extend(app.keymap.apply_user(&text, &path.display().to_string())),
            Err(e) if e.is_not_found() => {}
            Err(e) => warnings.push(format!("Keymap not read: {e}; using the default keys")),
        }
    }
    // A plan `check` rejects opens on its list of errors, read-only.
    if let Some(why) = app.read_only() {
        app.open_overlay(Overlay::Review);
        warnings.insert(0, why);
    }
    if !warnings.is_empty() {
        app.say(Tone::Warn, warnings.join(" · "));
    }
    Ok(app)
}

/// The user's settings folder, `$XDG_CONFIG_HOME/tocplan`.
pub fn config_dir() -> Option<std::path::PathBuf> {
    config::dir()
}
