//! The keymap as data: one table, a description per binding, a mode per binding. The help
//! overlay and the status-line hints are generated from it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where keys go. Text typed in the editor and on the prompt line is not in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Normal,
    Editor,
    Prompt,
    Overlay,
    Confirm,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Normal => "Planning",
            Mode::Editor => "Editing text",
            Mode::Prompt => "Command and search line",
            Mode::Overlay => "Help and detail views",
            Mode::Confirm => "Questions",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    PaneLeft,
    PaneRight,
    NextPane,
    PrevPane,
    Up,
    Down,
    Top,
    Bottom,
    Open,
    Edit,
    Add,
    AddAssumption,
    Delete,
    LinkRight,
    UnlinkRight,
    Undo,
    Redo,
    Save,
    Command,
    Search,
    NextMatch,
    PrevMatch,
    Help,
    // editor, prompt, overlays and questions
    Commit,
    Cancel,
    Yes,
    No,
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

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

const fn bind(
    mode: Mode,
    code: KeyCode,
    modifiers: KeyModifiers,
    label: &'static str,
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        mode,
        code,
        modifiers,
        label,
        action,
        help,
        hint,
    }
}

use Action as A;
use KeyCode as K;
use Mode as M;

pub const KEYMAP: &[Binding] = &[
    bind(
        M::Normal,
        K::Char('h'),
        NONE,
        "h",
        A::PaneLeft,
        "pane toward the activities",
        Some("h/l panes"),
    ),
    bind(
        M::Normal,
        K::Left,
        NONE,
        "←",
        A::PaneLeft,
        "pane toward the activities",
        None,
    ),
    bind(
        M::Normal,
        K::Char('l'),
        NONE,
        "l",
        A::PaneRight,
        "pane toward the goal",
        None,
    ),
    bind(
        M::Normal,
        K::Right,
        NONE,
        "→",
        A::PaneRight,
        "pane toward the goal",
        None,
    ),
    bind(
        M::Normal,
        K::Tab,
        NONE,
        "Tab",
        A::NextPane,
        "next pane (wraps round)",
        None,
    ),
    bind(
        M::Normal,
        K::BackTab,
        KeyModifiers::SHIFT,
        "Shift-Tab",
        A::PrevPane,
        "previous pane (wraps round)",
        None,
    ),
    bind(
        M::Normal,
        K::Char('k'),
        NONE,
        "k",
        A::Up,
        "previous item",
        None,
    ),
    bind(M::Normal, K::Up, NONE, "↑", A::Up, "previous item", None),
    bind(
        M::Normal,
        K::Char('j'),
        NONE,
        "j",
        A::Down,
        "next item",
        Some("j/k items"),
    ),
    bind(M::Normal, K::Down, NONE, "↓", A::Down, "next item", None),
    bind(
        M::Normal,
        K::Char('g'),
        NONE,
        "g",
        A::Top,
        "first item",
        None,
    ),
    bind(
        M::Normal,
        K::Char('G'),
        NONE,
        "G",
        A::Bottom,
        "last item",
        None,
    ),
    bind(
        M::Normal,
        K::Enter,
        NONE,
        "Enter",
        A::Open,
        "open the item's details (edit an empty goal)",
        Some("Enter open"),
    ),
    bind(
        M::Normal,
        K::Char('e'),
        NONE,
        "e",
        A::Edit,
        "edit the item's text",
        None,
    ),
    bind(
        M::Normal,
        K::Char('a'),
        NONE,
        "a",
        A::Add,
        "add an item, made from the item it serves",
        Some("a add"),
    ),
    bind(
        M::Normal,
        K::Char('o'),
        NONE,
        "o",
        A::Add,
        "add an item (as a)",
        None,
    ),
    bind(
        M::Normal,
        K::Char('A'),
        NONE,
        "A",
        A::AddAssumption,
        "state an assumption about the item",
        None,
    ),
    bind(
        M::Normal,
        K::Char('d'),
        NONE,
        "d",
        A::Delete,
        "delete the item (asks first if others depend on it)",
        None,
    ),
    bind(
        M::Normal,
        K::Char('+'),
        NONE,
        "+",
        A::LinkRight,
        "make the item also serve the item selected on its right",
        None,
    ),
    bind(
        M::Normal,
        K::Char('-'),
        NONE,
        "-",
        A::UnlinkRight,
        "stop the item serving the item selected on its right",
        None,
    ),
    bind(M::Normal, K::Char('u'), NONE, "u", A::Undo, "undo", None),
    bind(
        M::Normal,
        K::Char('r'),
        CTRL,
        "Ctrl-r",
        A::Redo,
        "redo",
        None,
    ),
    bind(
        M::Normal,
        K::Char('s'),
        CTRL,
        "Ctrl-s",
        A::Save,
        "save",
        Some("^s save"),
    ),
    bind(
        M::Normal,
        K::Char(':'),
        NONE,
        ":",
        A::Command,
        "command line (:w :q :wq :q!)",
        None,
    ),
    bind(
        M::Normal,
        K::Char('/'),
        NONE,
        "/",
        A::Search,
        "search the plan",
        None,
    ),
    bind(
        M::Normal,
        K::Char('n'),
        NONE,
        "n",
        A::NextMatch,
        "next match",
        None,
    ),
    bind(
        M::Normal,
        K::Char('N'),
        NONE,
        "N",
        A::PrevMatch,
        "previous match",
        None,
    ),
    bind(
        M::Normal,
        K::Char('?'),
        NONE,
        "?",
        A::Help,
        "help: every key",
        Some("? help"),
    ),
    bind(
        M::Normal,
        K::Char('q'),
        NONE,
        "q",
        A::Quit,
        "quit (asks if there are unsaved changes)",
        Some("q quit"),
    ),
    bind(
        M::Editor,
        K::Char('s'),
        CTRL,
        "Ctrl-s",
        A::Commit,
        "keep the edit",
        Some("^s/Enter keep"),
    ),
    bind(
        M::Editor,
        K::Enter,
        NONE,
        "Enter",
        A::Commit,
        "keep the edit (one-line fields)",
        None,
    ),
    bind(
        M::Editor,
        K::Esc,
        NONE,
        "Esc",
        A::Cancel,
        "cancel the edit",
        Some("Esc cancel"),
    ),
    bind(
        M::Prompt,
        K::Enter,
        NONE,
        "Enter",
        A::Commit,
        "run the command or search",
        Some("Enter run"),
    ),
    bind(
        M::Prompt,
        K::Esc,
        NONE,
        "Esc",
        A::Cancel,
        "cancel",
        Some("Esc cancel"),
    ),
    bind(
        M::Overlay,
        K::Esc,
        NONE,
        "Esc",
        A::Cancel,
        "close",
        Some("Esc close"),
    ),
    bind(
        M::Overlay,
        K::Char('q'),
        NONE,
        "q",
        A::Cancel,
        "close",
        None,
    ),
    bind(
        M::Overlay,
        K::Char('?'),
        NONE,
        "?",
        A::Cancel,
        "close",
        None,
    ),
    bind(
        M::Overlay,
        K::Char('e'),
        NONE,
        "e",
        A::Edit,
        "edit the item's text (details)",
        Some("e edit"),
    ),
    bind(
        M::Overlay,
        K::Char('j'),
        NONE,
        "j",
        A::Down,
        "scroll down",
        None,
    ),
    bind(M::Overlay, K::Down, NONE, "↓", A::Down, "scroll down", None),
    bind(
        M::Overlay,
        K::Char('k'),
        NONE,
        "k",
        A::Up,
        "scroll up",
        None,
    ),
    bind(M::Overlay, K::Up, NONE, "↑", A::Up, "scroll up", None),
    bind(
        M::Confirm,
        K::Char('y'),
        NONE,
        "y",
        A::Yes,
        "yes",
        Some("y yes"),
    ),
    bind(M::Confirm, K::Enter, NONE, "Enter", A::Yes, "yes", None),
    bind(
        M::Confirm,
        K::Char('n'),
        NONE,
        "n",
        A::No,
        "no",
        Some("n/Esc no"),
    ),
    bind(M::Confirm, K::Esc, NONE, "Esc", A::No, "no", None),
];

/// The action bound to a key press in a mode, if any. Ctrl-c always quits safely (it asks
/// first when there are unsaved changes, like `q`).
pub fn lookup(mode: Mode, ev: KeyEvent) -> Option<Action> {
    if ev.modifiers.contains(CTRL) && ev.code == K::Char('c') {
        return Some(if mode == M::Normal {
            A::Quit
        } else {
            A::Cancel
        });
    }
    // Shift is part of the character for letters and symbols; only BackTab declares it.
    let mods = match ev.code {
        K::BackTab => ev.modifiers,
        _ => ev.modifiers - KeyModifiers::SHIFT,
    };
    KEYMAP
        .iter()
        .find(|b| {
            b.mode == mode && b.code == ev.code && (b.modifiers == mods || b.code == K::BackTab)
        })
        .map(|b| b.action)
}

/// "? help · q quit · h/l panes ..." for the status line, short enough for 80 columns.
/// Help and quit come first, so a narrow terminal that cuts the line still shows them.
pub fn hints(mode: Mode) -> String {
    let first = |b: &&Binding| !matches!(b.action, A::Help | A::Quit);
    let mut hinted: Vec<&Binding> = KEYMAP
        .iter()
        .filter(|b| b.mode == mode && b.hint.is_some())
        .collect();
    hinted.sort_by_key(first);
    hinted
        .iter()
        .filter_map(|b| b.hint)
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for b in &KEYMAP[i + 1..] {
                assert!(
                    !(a.mode == b.mode && a.code == b.code && a.modifiers == b.modifiers),
                    "{} is bound twice in {:?}",
                    a.label,
                    a.mode
                );
            }
        }
    }

    #[test]
    fn every_mode_hints_fit_in_80_columns() {
        for m in [M::Normal, M::Editor, M::Prompt, M::Overlay, M::Confirm] {
            assert!(hints(m).chars().count() <= 78, "{m:?}: {}", hints(m));
        }
    }

    #[test]
    fn lookups_follow_the_table() {
        let key = |c, m| KeyEvent::new(c, m);
        assert_eq!(
            lookup(M::Normal, key(K::Char('G'), KeyModifiers::SHIFT)),
            Some(A::Bottom)
        );
        assert_eq!(
            lookup(M::Normal, key(K::BackTab, KeyModifiers::SHIFT)),
            Some(A::PrevPane)
        );
        assert_eq!(lookup(M::Normal, key(K::Char('r'), CTRL)), Some(A::Redo));
        assert_eq!(lookup(M::Normal, key(K::Char('r'), NONE)), None);
        assert_eq!(lookup(M::Editor, key(K::Char('x'), NONE)), None);
        assert_eq!(lookup(M::Editor, key(K::Char('c'), CTRL)), Some(A::Cancel));
    }
}
