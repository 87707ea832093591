//! Colours as a theme file writes them, and what a terminal can show of them.

use ratatui::style::Color;

/// How much colour the terminal gets: none (`NO_COLOR`), the 16 ANSI colours, or all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorSupport {
    None,
    Ansi16,
    TrueColor,
}

impl ColorSupport {
    /// From the environment: `NO_COLOR` (any non-empty value) wins; `COLORTERM=truecolor`
    /// or `24bit` means true colour; anything else gets the 16 colours every terminal has.
    pub fn detect(var: impl Fn(&str) -> Option<String>) -> ColorSupport {
        if var("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            return ColorSupport::None;
        }
        match var("COLORTERM").as_deref() {
            Some("truecolor" | "24bit") => ColorSupport::TrueColor,
            _ => ColorSupport::Ansi16,
        }
    }

    /// The colour to send, if any: `None` strips it, `Ansi16` maps it to the nearest of 16.
    pub fn reduce(self, c: Color) -> Option<Color> {
        match self {
            ColorSupport::None => None,
            ColorSupport::TrueColor => Some(c),
            ColorSupport::Ansi16 => Some(match rgb_of(c) {
                Some(rgb) if !is_basic(c) => nearest16(rgb),
                _ => c,
            }),
        }
    }
}

/// The 16 ANSI colours with the xterm values used to find the nearest one.
const BASIC: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

const NAMES: [&str; 16] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "darkgray",
    "lightred",
    "lightgreen",
    "lightyellow",
    "lightblue",
    "lightmagenta",
    "lightcyan",
    "white",
];

fn is_basic(c: Color) -> bool {
    BASIC.iter().any(|(b, _)| *b == c)
}

/// A colour as written in a theme: a name, `#rrggbb`, or an index 0-255.
pub fn parse(s: &str) -> Option<Color> {
    let s = s.trim();
    let lower = s.to_ascii_lowercase().replace(['_', '-', ' '], "");
    if let Some(i) = NAMES.iter().position(|n| *n == lower) {
        return Some(BASIC[i].0);
    }
    match lower.as_str() {
        "grey" => return Some(Color::Gray),
        "darkgrey" => return Some(Color::DarkGray),
        "reset" | "default" => return Some(Color::Reset),
        _ => {}
    }
    if let Some(hex) = s.strip_prefix('#') {
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        return Some(Color::Rgb(byte(0)?, byte(2)?, byte(4)?));
    }
    s.parse::<u8>().ok().map(Color::Indexed)
}

fn rgb_of(c: Color) -> Option<(u8, u8, u8)> {
    match c {
        Color::Rgb(r, g, b) => Some((r, g, b)),
        Color::Indexed(i) if i < 16 => Some(BASIC[i as usize].1),
        Color::Indexed(i) if i >= 232 => {
            let v = 8 + (i - 232) * 10;
            Some((v, v, v))
        }
        Color::Indexed(i) => {
            let i = i - 16;
            let level = |n: u8| if n == 0 { 0 } else { 55 + n * 40 };
            Some((level(i / 36), level((i / 6) % 6), level(i % 6)))
        }
        other => BASIC.iter().find(|(b, _)| *b == other).map(|(_, rgb)| *rgb),
    }
}

fn nearest16((r, g, b): (u8, u8, u8)) -> Color {
    let dist = |(r2, g2, b2): (u8, u8, u8)| {
        let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
        d(r, r2) + d(g, g2) + d(b, b2)
    };
    BASIC
        .iter()
        .min_by_key(|(_, rgb)| dist(*rgb))
        .map_or(Color::Reset, |(c, _)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_hex_and_indexes() {
        assert_eq!(parse("light-blue"), Some(Color::LightBlue));
        assert_eq!(parse("#7aa2f7"), Some(Color::Rgb(0x7a, 0xa2, 0xf7)));
        assert_eq!(parse("208"), Some(Color::Indexed(208)));
        assert_eq!(parse("#12345"), None);
        assert_eq!(parse("mauve"), None);
    }

    #[test]
    fn reduces_to_what_the_terminal_shows() {
        let c = Color::Rgb(250, 10, 10);
        assert_eq!(ColorSupport::TrueColor.reduce(c), Some(c));
        assert_eq!(ColorSupport::Ansi16.reduce(c), Some(Color::LightRed));
        assert_eq!(
            ColorSupport::Ansi16.reduce(Color::Rgb(20, 20, 30)),
            Some(Color::Black)
        );
        assert_eq!(ColorSupport::Ansi16.reduce(Color::Blue), Some(Color::Blue));
        assert_eq!(ColorSupport::None.reduce(Color::Blue), None);
    }

    #[test]
    fn detects_no_color_and_truecolor() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            ColorSupport::detect(env(&[("NO_COLOR", "1"), ("COLORTERM", "truecolor")])),
            ColorSupport::None
        );
        assert_eq!(
            ColorSupport::detect(env(&[("NO_COLOR", ""), ("COLORTERM", "24bit")])),
            ColorSupport::TrueColor
        );
        assert_eq!(ColorSupport::detect(env(&[])), ColorSupport::Ansi16);
    }
}
