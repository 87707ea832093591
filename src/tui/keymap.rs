//! The keymap as data: one table, a description per binding. Help and hints come from it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    PaneLeft,
    PaneRight,
    Up,
    Down,
}

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub mode: Mode,
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
    /// How the key is written in hints and help.
    pub label: &'static str,
    pub action: Action,
    pub help: &'static str,
    /// The short form shown in the status line, if this binding is hinted there.
    pub hint: Option<&'static str>,
}

const fn key(
    code: KeyCode,
    label: &'static str,
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        mode: Mode::Normal,
        code,
        modifiers: KeyModifiers::NONE,
        label,
        action,
        help,
        hint,
    }
}

pub const KEYMAP: &[Binding] = &[
    key(
        KeyCode::Char('h'),
        "h",
        Action::PaneLeft,
        "pane toward activities",
        Some("h/l panes"),
    ),
    key(
        KeyCode::Left,
        "←",
        Action::PaneLeft,
        "pane toward activities",
        None,
    ),
    key(
        KeyCode::Char('l'),
        "l",
        Action::PaneRight,
        "pane toward the goal",
        None,
    ),
    key(
        KeyCode::Right,
        "→",
        Action::PaneRight,
        "pane toward the goal",
        None,
    ),
    key(KeyCode::Char('k'), "k", Action::Up, "previous item", None),
    key(KeyCode::Up, "↑", Action::Up, "previous item", None),
    key(
        KeyCode::Char('j'),
        "j",
        Action::Down,
        "next item",
        Some("j/k items"),
    ),
    key(KeyCode::Down, "↓", Action::Down, "next item", None),
    key(
        KeyCode::Char('q'),
        "q",
        Action::Quit,
        "quit",
        Some("q quit"),
    ),
];

/// The action bound to a key press in a mode, if any.
pub fn lookup(mode: Mode, ev: KeyEvent) -> Option<Action> {
    if ev.modifiers.contains(KeyModifiers::CONTROL) && ev.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    let mods = ev.modifiers - KeyModifiers::SHIFT;
    KEYMAP
        .iter()
        .find(|b| b.mode == mode && b.code == ev.code && b.modifiers == mods)
        .map(|b| b.action)
}

/// "h/l panes · j/k items · q quit" for the status line, short enough for 80 columns.
pub fn hints(mode: Mode) -> String {
    KEYMAP
        .iter()
        .filter(|b| b.mode == mode)
        .filter_map(|b| b.hint)
        .collect::<Vec<_>>()
        .join(" · ")
}
