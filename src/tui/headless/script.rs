//! Key scripts for the headless driver: what a planner types, one step per line.
//!
//! ```text
//! # comments and blank lines are skipped
//! j                 one key, written as in keymap.toml (Enter, Ctrl-s, Shift-Tab, ←)
//! j x 200           the same key 200 times
//! type ask neighbours   each character of the text as a key
//! ```

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One line of a script: a label for the report and the keys it sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub label: String,
    pub keys: Vec<KeyEvent>,
}

/// A script line that could not be read, with its 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ScriptError {
    pub line: usize,
    pub message: String,
}

/// Reads a whole script; the first bad line is an error naming it.
pub fn parse(text: &str) -> Result<Vec<Step>, ScriptError> {
    let mut steps = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fail = |message: String| ScriptError {
            line: i + 1,
            message,
        };
        if let Some(text) = line.strip_prefix("type ") {
            let keys = text
                .chars()
                .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
                .collect();
            steps.push(Step {
                label: line.to_string(),
                keys,
            });
            continue;
        }
        let (key, times) = match line.rsplit_once(" x ") {
            Some((key, n)) => {
                let n: usize = n.trim().parse().map_err(|_| {
                    fail(format!(
                        "`{}` is not a count; write a key then `x N`, e.g. `j x 100`",
                        n.trim()
                    ))
                })?;
                (key.trim(), n)
            }
            None => (line, 1),
        };
        let Some((code, mods)) = super::super::keymap::parse_key(key) else {
            return Err(fail(format!(
                "`{key}` is not a key; write it as in keymap.toml (j, Enter, Ctrl-s, Shift-Tab, Down), or `type TEXT`"
            )));
        };
        steps.push(Step {
            label: line.to_string(),
            keys: vec![KeyEvent::new(code, mods); times],
        });
    }
    Ok(steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_repeats_and_text() {
        let steps = parse("# walk\nj x 3\n\nCtrl-s\ntype hé\n").expect("script");
        assert_eq!(steps.len(), 3);
        assert_eq!(steps[0].keys.len(), 3);
        assert_eq!(steps[0].keys[0].code, KeyCode::Char('j'));
        assert_eq!(steps[1].keys[0].code, KeyCode::Char('s'));
        assert_eq!(steps[1].keys[0].modifiers, KeyModifiers::CONTROL);
        let typed: String = steps[2]
            .keys
            .iter()
            .filter_map(|k| match k.code {
                KeyCode::Char(c) => Some(c),
                _ => None,
            })
            .collect();
        assert_eq!(typed, "hé");
    }

    #[test]
    fn a_bad_line_is_named() {
        let err = parse("j\nNotAKey\n").expect_err("bad key");
        assert_eq!(err.line, 2);
        assert!(err.message.contains("NotAKey"), "{err}");
        let err = parse("j x many").expect_err("bad count");
        assert_eq!(err.line, 1);
        assert!(err.message.contains("many"), "{err}");
    }
}
