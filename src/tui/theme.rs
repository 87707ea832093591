//! Colour themes: TOML files of semantic slots (focused border, selection, each kind of
//! item, ...). Four are built in from `themes/`; a user's file loads by path. A theme never
//! stops the app: anything wrong in it is a warning, and the default stands in.

mod color;

pub use color::ColorSupport;

use std::collections::BTreeMap;
use std::path::Path;

use ratatui::style::{Modifier, Style};
use serde::Deserialize;

/// The built-in themes, by name; the first is the default.
pub const BUILTIN: [(&str, &str); 4] = [
    ("dark", include_str!("../../themes/dark.toml")),
    ("light", include_str!("../../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.toml"),
    ),
    ("monochrome", include_str!("../../themes/monochrome.toml")),
];

/// What a style is for; render asks for slots, never for colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Header,
    Unsaved,
    Border,
    FocusedBorder,
    PaneQuestion,
    Selection,
    Goal,
    Outcome,
    Output,
    Activity,
    Chain,
    Muted,
    Info,
    Warning,
    Error,
    Hint,
    OverlayBorder,
    Matched,
}

impl Slot {
    pub const ALL: [Slot; 18] = [
        Slot::Header,
        Slot::Unsaved,
        Slot::Border,
        Slot::FocusedBorder,
        Slot::PaneQuestion,
        Slot::Selection,
        Slot::Goal,
        Slot::Outcome,
        Slot::Output,
        Slot::Activity,
        Slot::Chain,
        Slot::Muted,
        Slot::Info,
        Slot::Warning,
        Slot::Error,
        Slot::Hint,
        Slot::OverlayBorder,
        Slot::Matched,
    ];

    /// The key in a theme file.
    pub fn key(self) -> &'static str {
        match self {
            Slot::Header => "header",
            Slot::Unsaved => "unsaved",
            Slot::Border => "border",
            Slot::FocusedBorder => "focused_border",
            Slot::PaneQuestion => "pane_question",
            Slot::Selection => "selection",
            Slot::Goal => "goal",
            Slot::Outcome => "outcome",
            Slot::Output => "output",
            Slot::Activity => "activity",
            Slot::Chain => "chain",
            Slot::Muted => "muted",
            Slot::Info => "info",
            Slot::Warning => "warning",
            Slot::Error => "error",
            Slot::Hint => "hint",
            Slot::OverlayBorder => "overlay_border",
            Slot::Matched => "matched",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
    styles: [Style; Slot::ALL.len()],
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    name: Option<String>,
    #[serde(default)]
    slots: BTreeMap<String, SlotSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SlotSpec {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    dim: bool,
    #[serde(default)]
    italic: bool,
    #[serde(default)]
    underline: bool,
    #[serde(default)]
    reverse: bool,
}

impl Default for Theme {
    /// The default theme as the terminal shows it in full colour.
    fn default() -> Theme {
        Theme::load(None, ColorSupport::TrueColor).0
    }
}

impl Theme {
    pub fn style(&self, slot: Slot) -> Style {
        self.styles[slot as usize]
    }

    /// A theme by built-in name or file path (`None`: the default), with any warnings. A
    /// theme that cannot be used gives the default and says why.
    pub fn load(spec: Option<&str>, support: ColorSupport) -> (Theme, Vec<String>) {
        let (default_name, default_text) = BUILTIN[0];
        let fallback = || {
            let (theme, _) = Theme::parse(default_text, default_name, None, support);
            theme
        };
        let Some(spec) = spec else {
            return (fallback(), Vec::new());
        };
        if let Some((name, text)) = BUILTIN.iter().find(|(n, _)| *n == spec) {
            return Theme::parse(text, name, None, support);
        }
        let path = Path::new(spec);
        let text = match crate::files::read_text(path, crate::files::SETTINGS) {
            Ok(t) => t,
            Err(e) if e.is_not_found() => {
                let names: Vec<&str> = BUILTIN.iter().map(|(n, _)| *n).collect();
                let why = format!(
                    "Theme `{spec}` is neither a built-in theme ({}) nor a file; using the default",
                    names.join(", ")
                );
                return (fallback(), vec![why]);
            }
            Err(e) => {
                return (
                    fallback(),
                    vec![format!("Theme not read: {e}; using the default")],
                );
            }
        };
        let (theme, warnings) = Theme::parse(&text, spec, Some(fallback()), support);
        (theme, warnings)
    }

    /// Reads a theme file's text. Slots it leaves out, or gets wrong, keep `base`'s style
    /// (the default theme's when `base` is `None`, for the built-in files themselves).
    pub fn parse(
        text: &str,
        origin: &str,
        base: Option<Theme>,
        support: ColorSupport,
    ) -> (Theme, Vec<String>) {
        let mut warnings = Vec::new();
        let mut theme = base.unwrap_or(Theme {
            name: String::new(),
            styles: [Style::default(); Slot::ALL.len()],
        });
        let file: ThemeFile = match toml::from_str(text) {
            Ok(f) => f,
            Err(e) => {
                warnings.push(format!(
                    "Theme {}; using the default theme (see themes/dark.toml for the format)",
                    crate::text::toml_error(origin, text, &e)
                ));
                return (Theme::load(None, support).0, warnings);
            }
        };
        theme.name = file.name.unwrap_or_else(|| origin.to_string());
        for (key, spec) in &file.slots {
            let Some(slot) = Slot::ALL.iter().find(|s| s.key() == key) else {
                let known: Vec<&str> = Slot::ALL.iter().map(|s| s.key()).collect();
                warnings.push(format!(
                    "Theme {origin}: unknown slot `{key}` ignored; slots are {}",
                    known.join(", ")
                ));
                continue;
            };
            match spec.style(support) {
                Ok(style) => theme.styles[*slot as usize] = style,
                Err(bad) => warnings.push(format!(
                    "Theme {origin}: slot `{key}` has colour `{bad}`; expected a name (blue, lightred, ...), \"#rrggbb\" or 0-255"
                )),
            }
        }
        if support == ColorSupport::None {
            // Without colour the selection must still stand out.
            let sel = &mut theme.styles[Slot::Selection as usize];
            *sel = sel.add_modifier(Modifier::REVERSED);
        }
        (theme, warnings)
    }
}

impl SlotSpec {
    fn style(&self, support: ColorSupport) -> Result<Style, String> {
        let mut style = Style::default();
        for (value, is_fg) in [(&self.fg, true), (&self.bg, false)] {
            let Some(v) = value else { continue };
            let c = color::parse(v).ok_or_else(|| v.clone())?;
            match (support.reduce(c), is_fg) {
                (Some(c), true) => style = style.fg(c),
                (Some(c), false) => style = style.bg(c),
                (None, _) => {}
            }
        }
        for (on, m) in [
            (self.bold, Modifier::BOLD),
            (self.dim, Modifier::DIM),
            (self.italic, Modifier::ITALIC),
            (self.underline, Modifier::UNDERLINED),
            (self.reverse, Modifier::REVERSED),
        ] {
            if on {
                style = style.add_modifier(m);
            }
        }
        Ok(style)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;

    #[test]
    fn every_built_in_theme_loads_without_warnings() {
        for (name, _) in BUILTIN {
            for support in [
                ColorSupport::None,
                ColorSupport::Ansi16,
                ColorSupport::TrueColor,
            ] {
                let (theme, warnings) = Theme::load(Some(name), support);
                assert!(warnings.is_empty(), "{name}: {warnings:?}");
                assert_eq!(theme.name, name);
            }
        }
    }

    #[test]
    fn every_file_in_themes_is_built_in_and_sets_every_slot() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .expect("themes/")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        files.sort();
        assert_eq!(files.len(), BUILTIN.len());
        for f in files {
            let text = std::fs::read_to_string(&f).expect("read");
            let parsed: ThemeFile = toml::from_str(&text).expect("parse");
            for slot in Slot::ALL {
                assert!(parsed.slots.contains_key(slot.key()), "{f}: {slot:?}");
            }
            let (_, warnings) = Theme::load(Some(&f), ColorSupport::TrueColor);
            assert!(warnings.is_empty(), "{f}: {warnings:?}");
        }
    }

    #[test]
    fn no_color_strips_colours_and_keeps_the_selection_visible() {
        for (name, _) in BUILTIN {
            let (theme, _) = Theme::load(Some(name), ColorSupport::None);
            for slot in Slot::ALL {
                let s = theme.style(slot);
                assert!(s.fg.is_none() && s.bg.is_none(), "{name} {slot:?}");
            }
            assert!(
                theme
                    .style(Slot::Selection)
                    .add_modifier
                    .contains(Modifier::REVERSED)
            );
        }
    }

    #[test]
    fn sixteen_colours_replace_true_colour() {
        let (theme, _) = Theme::load(Some("dark"), ColorSupport::Ansi16);
        for slot in Slot::ALL {
            let s = theme.style(slot);
            for c in [s.fg, s.bg].into_iter().flatten() {
                assert!(!matches!(c, Color::Rgb(..) | Color::Indexed(_)), "{slot:?}");
            }
        }
    }

    #[test]
    fn a_broken_theme_warns_and_falls_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let bad = dir.path().join("bad.toml");
        std::fs::write(&bad, "name = \"x\"\n[slots\n").expect("write");
        let (theme, warnings) = Theme::load(bad.to_str(), ColorSupport::TrueColor);
        assert_eq!(theme, Theme::default());
        assert!(warnings[0].contains("bad.toml:2:"), "{warnings:?}");

        std::fs::write(
            &bad,
            "[slots]\ngoal = { fg = \"mauve\" }\nglow = {}\nerror = { fg = \"red\" }\n",
        )
        .expect("write");
        let (theme, warnings) = Theme::load(bad.to_str(), ColorSupport::TrueColor);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert_eq!(theme.style(Slot::Goal), Theme::default().style(Slot::Goal));
        assert_eq!(theme.style(Slot::Error).fg, Some(Color::Red));

        let (theme, warnings) = Theme::load(Some("nonesuch"), ColorSupport::TrueColor);
        assert_eq!(theme, Theme::default());
        assert!(warnings[0].contains("built-in"), "{warnings:?}");
    }
}
