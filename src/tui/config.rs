//! The user's settings: `config.toml` in the config folder (`$XDG_CONFIG_HOME/tocplan/`).
//! A missing file is no settings; a broken one is a warning, never a refusal to start.

use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// A built-in theme name, or a path (relative paths are from the config folder).
    pub theme: Option<String>,
}

/// `$XDG_CONFIG_HOME/tocplan` (usually `~/.config/tocplan`).
pub fn dir() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("tocplan"))
}

/// Reads `config.toml` from a folder, with any warnings.
pub fn load(dir: &Path) -> (Config, Vec<String>) {
    let path = dir.join("config.toml");
    let text = match crate::files::read_text(&path, crate::files::SETTINGS) {
        Ok(t) => t,
        Err(e) if e.is_not_found() => return (Config::default(), vec![]),
        Err(e) => {
            let why = format!("Settings not read: {e}; using defaults");
            return (Config::default(), vec![why]);
        }
    };
    match toml::from_str::<Config>(&text) {
        Ok(mut c) => {
            if let Some(t) = &c.theme
                && (t.contains('/') || t.ends_with(".toml"))
            {
                c.theme = Some(dir.join(t).to_string_lossy().into_owned());
            }
            (c, vec![])
        }
        Err(e) => {
            let why = format!(
                "Settings {}; expected e.g. theme = \"light\"; using defaults",
                crate::text::toml_error(&path.display().to_string(), &text, &e)
            );
            (Config::default(), vec![why])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_theme_and_warns_on_a_broken_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(load(dir.path()), (Config::default(), vec![]));
        std::fs::write(dir.path().join("config.toml"), "theme = \"light\"\n").expect("write");
        assert_eq!(load(dir.path()).0.theme.as_deref(), Some("light"));
        std::fs::write(dir.path().join("config.toml"), "theme = \"mine.toml\"\n").expect("write");
        let theme = load(dir.path()).0.theme.expect("theme");
        assert!(theme.ends_with("mine.toml") && theme.len() > 9);
        std::fs::write(dir.path().join("config.toml"), "colour = 3\n").expect("write");
        let (c, w) = load(dir.path());
        assert_eq!(c, Config::default());
        assert!(w[0].contains("config.toml:1:1"), "{w:?}");
    }
}
