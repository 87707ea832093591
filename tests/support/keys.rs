//! Typing into the app in a test: each character a key press (newline is Enter, escape
//! is Esc, tab is Tab), with the effects `update` asked for.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tocplan::tui::{App, Effect, Msg, update};

pub fn keys(app: &mut App, typed: &str) -> Vec<Effect> {
    let mut out = Vec::new();
    for c in typed.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\u{1b}' => KeyCode::Esc,
            '\t' => KeyCode::Tab,
            c => KeyCode::Char(c),
        };
        out.extend(update(
            app,
            Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)),
        ));
    }
    out
}

/// One press of a key that has no character (PageDown, an arrow).
#[allow(dead_code)]
pub fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}
