//! The terminal app. State and a pure `update` live apart from rendering and from the
//! loop that does I/O, so every part can be tested without a terminal.

mod app;
mod keymap;
mod render;
mod update;

pub use app::App;
pub use keymap::{Action, Binding, KEYMAP, Mode};
pub use render::render;
pub use update::{Effect, update};

use std::path::Path;

use ratatui::crossterm::event::{self, Event, KeyEventKind};

use crate::framework::Framework;
use crate::plan::{LoadError, Plan, load};

/// Opens the app on a plan (a missing file starts a new plan) and runs until quit.
pub fn open(path: &Path, fw: &Framework) -> anyhow::Result<u8> {
    let plan = match load(path) {
        Ok(loaded) => loaded.plan,
        Err(LoadError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            Plan::new(&crate::text::title_from_file_name(path))
        }
        Err(e) => return Err(e.into()),
    };
    let mut app = App::new(plan, path.to_path_buf(), fw.clone());
    // ratatui::init installs a panic hook that restores the terminal before the message.
    let mut terminal = ratatui::init();
    let result = run(&mut terminal, &mut app);
    ratatui::restore();
    result.map(|()| 0)
}

fn run(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> anyhow::Result<()> {
    loop {
        terminal.draw(|f| render(app, f))?;
        let Event::Key(key) = event::read()? else {
            continue;
        };
        if key.kind != KeyEventKind::Press {
            continue;
        }
        let Some(action) = keymap::lookup(app.mode, key) else {
            continue;
        };
        if update(app, action).contains(&Effect::Quit) {
            return Ok(());
        }
    }
}
