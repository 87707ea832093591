//! The terminal app. State and a pure `update` live apart from rendering and from the
//! loop that does I/O, so every part can be tested without a terminal.

mod app;
pub mod backend;
mod config;
mod edit_rows;
mod event_loop;
mod form;
pub mod headless;
mod history;
mod keymap;
mod recovery;
mod render;
mod theme;
mod update;

pub use app::{App, EditTarget, Form, Overlay, Question, Tone};
pub use backend::CompactBackend;
pub use keymap::{Action, Binding, Keymap, Mode};
pub use recovery::path_for as recovery_path;
pub use render::render;
pub use theme::{ColorSupport, Slot, Theme};
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
    if let Some(text) = recovery::pending(path) {
        app.question = Some(Question::Recover { text });
    }
    // The first panic hook restores the terminal before the message; the recovery hook,
    // installed after it, first writes any unsaved work to a recovery copy.
    let mut terminal = start_terminal()?;
    let snapshot = recovery::install(path);
    let result = event_loop::run(&mut terminal, &mut app, &snapshot);
    ratatui::restore();
    result.map(|()| 0)
}

/// The terminal the app draws on: raw mode, the alternate screen, and a panic hook that
/// gives the terminal back (as `ratatui::init` sets up), with the compact backend.
pub type AppTerminal = ratatui::Terminal<backend::CompactBackend<std::io::Stdout>>;

fn start_terminal() -> std::io::Result<AppTerminal> {
    use ratatui::crossterm::{execute, terminal};
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        ratatui::restore();
        previous(info);
    }));
    terminal::enable_raw_mode()?;
    execute!(std::io::stdout(), terminal::EnterAlternateScreen)?;
    ratatui::Terminal::new(backend::CompactBackend::new(std::io::stdout()))
}

/// The app as it opens on a plan: the plan read (or a new one), settings, theme and
/// keymap applied, and their warnings on the status line.
pub fn prepare(path: &Path, fw: &Framework, opts: &Options) -> anyhow::Result<App> {
    let plan = match load_plan_only(path) {
        Ok(loaded) => loaded.plan,
        Err(LoadError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            Plan::new(&crate::text::title_from_file_name(path))
        }
        Err(e) => return Err(e.into()),
    };
    let mut app = App::new(plan, path.to_path_buf(), fw.clone());
    app.disk = crate::plan::file_hash(path);
    let (settings, mut warnings) = opts
        .config_dir
        .as_deref()
        .map_or_else(Default::default, config::load);
    let support = ColorSupport::detect(|k| std::env::var(k).ok());
    let (theme, theme_warnings) =
        Theme::load(opts.theme.as_deref().or(settings.theme.as_deref()), support);
    app.theme = theme;
    warnings.extend(theme_warnings);
    if let Some(dir) = &opts.config_dir {
        let path = dir.join("keymap.toml");
        if let Ok(text) = std::fs::read_to_string(&path) {
            warnings.extend(app.keymap.apply_user(&text, &path.display().to_string()));
        }
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
