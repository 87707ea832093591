//! Keys as people write them ("Ctrl-s", "Shift-Tab", "G", "Enter", "←"), both ways.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

const NAMED: [(&str, KeyCode); 16] = [
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("Shift-Tab", KeyCode::BackTab),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("Space", KeyCode::Char(' ')),
    ("←", KeyCode::Left),
    ("→", KeyCode::Right),
    ("↑", KeyCode::Up),
    ("↓", KeyCode::Down),
];

/// Other spellings accepted in a keymap file.
const ALIASES: [(&str, KeyCode); 6] = [
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("escape", KeyCode::Esc),
    ("return", KeyCode::Enter),
];

/// Parses "Ctrl-s", "ctrl+r", "Alt-x", "G", "Enter", "left", "F5". Letters are case
/// sensitive ("G" is shift-g); named keys are not.
pub fn parse(s: &str) -> Option<(KeyCode, KeyModifiers)> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = s.trim();
    loop {
        let lower = rest.to_ascii_lowercase();
        let cut = ["ctrl-", "ctrl+", "alt-", "alt+"]
            .iter()
            .find(|p| lower.starts_with(**p) && rest.len() > p.len());
        match cut {
            Some(p) => {
                mods |= if p.starts_with("ctrl") {
                    KeyModifiers::CONTROL
                } else {
                    KeyModifiers::ALT
                };
                rest = &rest[p.len()..];
            }
            None => break,
        }
    }
    let lower = rest.to_ascii_lowercase();
    let named = NAMED
        .iter()
        .chain(ALIASES.iter())
        .find(|(n, _)| n.to_lowercase() == lower)
        .map(|(_, c)| *c);
    let code = if let Some(c) = named {
        c
    } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
        KeyCode::F(n)
    } else {
        let mut chars = rest.chars();
        match (chars.next(), chars.next()) {
            // Ctrl with a letter arrives lower-case whatever was written.
            (Some(c), None) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            (Some(c), None) if !c.is_control() => KeyCode::Char(c),
            _ => return None,
        }
    };
    if code == KeyCode::BackTab {
        mods |= KeyModifiers::SHIFT;
    }
    Some((code, mods))
}

/// How a key is written in help: "Ctrl-s", "Shift-Tab", "G", "←".
pub fn label(code: KeyCode, mods: KeyModifiers) -> String {
    let base = NAMED
        .iter()
        .find(|(_, c)| *c == code)
        .map(|(n, _)| n.to_string())
        .unwrap_or_else(|| match code {
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        });
    let mut out = String::new();
    if mods.contains(KeyModifiers::CONTROL) {
        out.push_str("Ctrl-");
    }
    if mods.contains(KeyModifiers::ALT) {
        out.push_str("Alt-");
    }
    out + &base
}

/// The short form used in the status line: "^s" for Ctrl-s.
pub fn short(code: KeyCode, mods: KeyModifiers) -> String {
    let l = label(code, mods);
    match l.strip_prefix("Ctrl-") {
        Some(rest) => format!("^{rest}"),
        None => l,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_labels_round_trip() {
        for s in [
            "Ctrl-s",
            "Shift-Tab",
            "G",
            "g",
            "Enter",
            "Esc",
            "←",
            "F5",
            "Alt-x",
            "Space",
            "?",
        ] {
            let (c, m) = parse(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(label(c, m), s);
        }
        assert_eq!(
            parse("ctrl+R"),
            Some((KeyCode::Char('r'), KeyModifiers::CONTROL))
        );
        assert_eq!(parse("left"), Some((KeyCode::Left, KeyModifiers::NONE)));
        assert_eq!(parse("-"), Some((KeyCode::Char('-'), KeyModifiers::NONE)));
        assert_eq!(parse("xy"), None);
        assert_eq!(parse(""), None);
        assert_eq!(short(KeyCode::Char('s'), KeyModifiers::CONTROL), "^s");
    }
}
