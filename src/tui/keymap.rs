//! The keymap as data: every action declared once (`table`: name, help, default keys per
//! mode), and a user's `keymap.toml` on top. Help and the status-line hints are generated
//! from it, so they always say what the keys really do.

mod declare;
mod key;
mod status;
mod table;

use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use key::label as key_label;
pub use key::parse as parse_key;
pub use table::{Action, help};

/// Where keys go. Text typed in the editor and on the prompt line is not in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Normal,
    Editor,
    Prose,
    Prompt,
    Help,
    Changes,
    Form,
    Choice,
    Picker,
    Review,
    Evaluation,
    Confirm,
}

impl Mode {
    pub const ALL: [Mode; 12] = [
        Mode::Normal,
        Mode::Editor,
        Mode::Prose,
        Mode::Prompt,
        Mode::Help,
        Mode::Changes,
        Mode::Form,
        Mode::Choice,
        Mode::Picker,
        Mode::Review,
        Mode::Evaluation,
        Mode::Confirm,
    ];

    /// The heading in help.
    pub fn title(self) -> &'static str {
        match self {
            Mode::Normal => "Planning",
            Mode::Editor => "Editing a line of text",
            Mode::Prose => "Editing longer text and lists (Enter starts a new line)",
            Mode::Prompt => "Command and search line",
            Mode::Help => "This help",
            Mode::Changes => "The changes view (since the last commit, or of a recovery copy)",
            Mode::Form => "Fields of an item, the stakeholders, the context",
            Mode::Choice => "Choosing a value",
            Mode::Picker => "The indicator picker (type to search; #domain @category !perspective)",
            Mode::Review => "The review of the plan against the key principles",
            Mode::Evaluation => "The evaluation plan and monitoring",
            Mode::Confirm => "Questions",
        }
    }

    /// The section in a keymap file.
    pub fn key(self) -> &'static str {
        match self {
            Mode::Normal => "normal",
            Mode::Editor => "editor",
            Mode::Prose => "prose",
            Mode::Prompt => "prompt",
            Mode::Help => "help",
            Mode::Changes => "changes",
            Mode::Form => "form",
            Mode::Choice => "choice",
            Mode::Picker => "picker",
            Mode::Review => "review",
            Mode::Evaluation => "evaluation",
            Mode::Confirm => "confirm",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub mode: Mode,
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
    pub action: Action,
}

impl Binding {
    /// How the key is written in help ("Ctrl-s").
    pub fn label(&self) -> String {
        key::label(self.code, self.modifiers)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        let mut bindings: Vec<Binding> = table::DEFAULTS
            .iter()
            .filter_map(|&(mode, k, action)| {
                let (code, modifiers) = key::parse(k)?;
                Some(Binding {
                    mode,
                    code,
                    modifiers,
                    action,
                })
            })
            .collect();
        // Mode by mode, as a keymap file and help read them (stable: entry order within).
        bindings.sort_by_key(|b| Mode::ALL.iter().position(|m| *m == b.mode));
        Keymap { bindings }
    }
}

impl Keymap {
    /// The action bound to a key press in a mode, if any. Ctrl-c always gets out safely:
    /// it quits from the panes (asking first if there are unsaved changes) and cancels
    /// anything else.
    pub fn lookup(&self, mode: Mode, ev: KeyEvent) -> Option<Action> {
        if ev.modifiers.contains(KeyModifiers::CONTROL) && ev.code == KeyCode::Char('c') {
            return Some(if mode == Mode::Normal {
                Action::Quit
            } else {
                Action::Cancel
            });
        }
        // Shift is part of the character for letters and symbols; only BackTab declares it.
        let mods = match ev.code {
            KeyCode::BackTab => ev.modifiers | KeyModifiers::SHIFT,
            _ => ev.modifiers - KeyModifiers::SHIFT,
        };
        self.bindings
            .iter()
            .find(|b| b.mode == mode && b.code == ev.code && b.modifiers == mods)
            .map(|b| b.action)
    }

    /// The bindings of a mode, in table order.
    pub fn in_mode(&self, mode: Mode) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.mode == mode)
    }

    /// "? help · q quit · h/l panes ..." for the status line.
    pub fn hints(&self, mode: Mode) -> String {
        status::HINTS
            .iter()
            .filter(|(m, _, _)| *m == mode)
            .filter_map(|(_, actions, word)| {
                let keys: Vec<String> = actions
                    .iter()
                    .enumerate()
                    .filter_map(|(i, a)| {
                        // The nth mention of an action shows its nth key.
                        let nth = actions[..i].iter().filter(|x| *x == a).count();
                        self.in_mode(mode)
                            .filter(|b| b.action == *a)
                            .nth(nth)
                            .map(|b| key::short(b.code, b.modifiers))
                    })
                    .collect();
                match keys.is_empty() {
                    // A hint with no action names a key the keymap leaves to the text.
                    true if actions.is_empty() => Some(word.to_string()),
                    true => None,
                    false => Some(format!("{} {word}", keys.join("/"))),
                }
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// Pairs of bindings for the same key in the same mode.
    pub fn duplicates(&self) -> Vec<(Mode, String)> {
        let mut out = Vec::new();
        for (i, a) in self.bindings.iter().enumerate() {
            if self.bindings[i + 1..]
                .iter()
                .any(|b| a.mode == b.mode && a.code == b.code && a.modifiers == b.modifiers)
            {
                out.push((a.mode, a.label()));
            }
        }
        out
    }

    /// Applies a user's keymap file: `[normal]` `"x" = "delete"`, one section per mode;
    /// `"none"` unbinds a key. A user binding replaces whatever the key did in that mode.
    /// Anything wrong is a warning, and that entry is skipped.
    pub fn apply_user(&mut self, text: &str, origin: &str) -> Vec<String> {
        let mut warnings = Vec::new();
        let file: BTreeMap<String, BTreeMap<String, String>> = match toml::from_str(text) {
            Ok(f) => f,
            Err(e) => {
                return vec![format!(
                    "Keymap {}; expected sections like [normal] with \"x\" = \"delete\"; using the default keys",
                    crate::text::toml_error(origin, text, &e)
                )];
            }
        };
        for (section, entries) in &file {
            let Some(mode) = Mode::ALL.iter().copied().find(|m| m.key() == section) else {
                let names: Vec<&str> = Mode::ALL.iter().map(|m| m.key()).collect();
                warnings.push(format!(
                    "Keymap {origin}: unknown section [{section}]; sections are {}",
                    names.join(", ")
                ));
                continue;
            };
            let mut seen = Vec::new();
            for (k, name) in entries {
                let Some((code, modifiers)) = key::parse(k) else {
                    warnings.push(format!(
                        "Keymap {origin}: [{section}] `{k}` is not a key; write e.g. \"x\", \"Ctrl-n\", \"Enter\", \"left\""
                    ));
                    continue;
                };
                if seen.contains(&(code, modifiers)) {
                    warnings.push(format!(
                        "Keymap {origin}: [{section}] `{k}` is bound twice; the first binding is kept"
                    ));
                    continue;
                }
                seen.push((code, modifiers));
                let action = match name.as_str() {
                    "none" => None,
                    n => match Action::from_name(n) {
                        Some(a) => Some(a),
                        None => {
                            warnings.push(format!(
                                "Keymap {origin}: [{section}] `{k}` = `{n}` is not an action; docs/app.md lists them"
                            ));
                            continue;
                        }
                    },
                };
                self.bindings
                    .retain(|b| !(b.mode == mode && b.code == code && b.modifiers == modifiers));
                if let Some(action) = action {
                    self.bindings.push(Binding {
                        mode,
                        code,
                        modifiers,
                        action,
                    });
                }
            }
        }
        warnings
    }
}

#[cfg(test)]
mod tests;
