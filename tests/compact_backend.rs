//! The compact backend writes fewer bytes than crossterm's; a terminal that reads them
//! must still show exactly the frame ratatui drew, character, colour and attribute, frame
//! after frame (so every skipped move and merged colour change is checked).

use ratatui::Terminal;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};
use std::sync::{Arc, Mutex};
use tocplan::framework::Framework;
use tocplan::plan::{Plan, load};
use tocplan::tui::{App, ColorSupport, CompactBackend, Msg, Theme, render, update};

#[derive(Clone, Default)]
struct Tape(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Tape {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("tape").extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The 16 basic colours as vt100 indexes them.
fn index(c: Color) -> Option<u8> {
    Some(match c {
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(i) => i,
        _ => return None,
    })
}

fn same_colour(ours: Color, seen: vt100::Color) -> bool {
    match (ours, seen) {
        (Color::Reset, vt100::Color::Default) => true,
        (Color::Rgb(r, g, b), vt100::Color::Rgb(x, y, z)) => (r, g, b) == (x, y, z),
        (c, vt100::Color::Idx(i)) => index(c) == Some(i),
        _ => false,
    }
}

fn assert_shows(buffer: &Buffer, screen: &vt100::Screen, step: &str) {
    let area = buffer.area;
    for y in 0..area.height {
        let mut x = 0;
        while x < area.width {
            let ours = &buffer[(x, y)];
            let seen = screen.cell(y, x).expect("cell");
            let symbol = ours.symbol();
            let at = format!("{step}: cell ({x}, {y})");
            // A cell never written reads as empty: the blank ratatui starts from.
            let shown = match seen.contents() {
                "" => " ",
                c => c,
            };
            if symbol.chars().count() > 1 && seen.is_wide() {
                // An emoji with a skin tone or joiner: vt100 keeps its first character.
                assert!(symbol.starts_with(shown), "{at}: {shown:?} of {symbol:?}");
            } else {
                assert_eq!(shown, symbol, "{at}");
            }
            assert!(
                same_colour(ours.fg, seen.fgcolor()),
                "{at}: fg {:?} shown as {:?}",
                ours.fg,
                seen.fgcolor()
            );
            assert!(
                same_colour(ours.bg, seen.bgcolor()),
                "{at}: bg {:?} shown as {:?}",
                ours.bg,
                seen.bgcolor()
            );
            // vt100 keeps one intensity: bold or dim, the last one set.
            let (bold, dim) = (
                ours.modifier.contains(Modifier::BOLD),
                ours.modifier.contains(Modifier::DIM),
            );
            if bold && dim {
                assert!(seen.bold() || seen.dim(), "{at}: bold and dim");
            } else {
                assert_eq!(seen.bold(), bold, "{at}: bold");
                assert_eq!(seen.dim(), dim, "{at}: dim");
            }
            assert_eq!(
                seen.inverse(),
                ours.modifier.contains(Modifier::REVERSED),
                "{at}: reverse"
            );
            assert_eq!(
                seen.underline(),
                ours.modifier.contains(Modifier::UNDERLINED),
                "{at}: underline"
            );
            x += if seen.is_wide() { 2 } else { 1 };
        }
    }
}

fn walk(plan: Plan, theme: Theme, keys: &str, w: u16, h: u16) {
    let fw = Framework::builtin().expect("framework");
    let mut app = App::new(plan, "t.toml".into(), fw);
    app.theme = theme;
    let tape = Tape::default();
    let mut terminal =
        Terminal::new(TestSize(CompactBackend::new(tape.clone()), w, h)).expect("terminal");
    let mut parser = vt100::Parser::new(h, w, 0);
    let mut step = String::from("start");
    let mut frame = |app: &App, step: &str, terminal: &mut Terminal<TestSize>| {
        let buffer = terminal
            .draw(|f| render(app, f))
            .expect("draw")
            .buffer
            .clone();
        let bytes = std::mem::take(&mut *tape.0.lock().expect("tape"));
        parser.process(&bytes);
        assert_shows(&buffer, parser.screen(), step);
    };
    frame(&app, &step, &mut terminal);
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\u{1b}' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        update(&mut app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        step.push(c);
        frame(&app, &step, &mut terminal);
    }
}

/// The compact backend at a fixed size, without asking a real terminal.
struct TestSize(CompactBackend<Tape>, u16, u16);

impl ratatui::backend::Backend for TestSize {
    type Error = std::io::Error;
    fn draw<'a, I: Iterator<Item = (u16, u16, &'a ratatui::buffer::Cell)>>(
        &mut self,
        content: I,
    ) -> std::io::Result<()> {
        self.0.draw(content)
    }
    fn hide_cursor(&mut self) -> std::io::Result<()> {
        self.0.hide_cursor()
    }
    fn show_cursor(&mut self) -> std::io::Result<()> {
        self.0.show_cursor()
    }
    fn get_cursor_position(&mut self) -> std::io::Result<ratatui::layout::Position> {
        Ok(ratatui::layout::Position::ORIGIN)
    }
    fn set_cursor_position<P: Into<ratatui::layout::Position>>(
        &mut self,
        p: P,
    ) -> std::io::Result<()> {
        self.0.set_cursor_position(p)
    }
    fn clear(&mut self) -> std::io::Result<()> {
        self.0.clear()
    }
    fn clear_region(&mut self, c: ratatui::backend::ClearType) -> std::io::Result<()> {
        self.0.clear_region(c)
    }
    fn size(&self) -> std::io::Result<ratatui::layout::Size> {
        Ok(ratatui::layout::Size::new(self.1, self.2))
    }
    fn window_size(&mut self) -> std::io::Result<ratatui::backend::WindowSize> {
        Ok(ratatui::backend::WindowSize {
            columns_rows: self.size()?,
            pixels: ratatui::layout::Size::new(0, 0),
        })
    }
    fn flush(&mut self) -> std::io::Result<()> {
        ratatui::backend::Backend::flush(&mut self.0)
    }
}

fn example(name: &str) -> Plan {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("plans")
        .join(name);
    load(&path).expect("example").plan
}

#[test]
fn what_the_terminal_shows_is_what_was_drawn_in_every_theme() {
    for name in ["dark", "light", "high-contrast", "monochrome"] {
        for support in [ColorSupport::TrueColor, ColorSupport::Ansi16] {
            let (theme, warnings) = Theme::load(Some(name), support);
            assert!(warnings.is_empty());
            // Panes, chain, details, help, review, evaluation, the picker.
            walk(
                example("language-cafe.toml"),
                theme,
                "hjjkhjl\n\u{1b}?\u{1b}R\u{1b}E\u{1b}hm",
                80,
                24,
            );
        }
    }
}

#[test]
fn wide_and_combining_text_and_odd_sizes_show_as_drawn() {
    let mut plan = example("friendship-club.toml");
    plan.goal.text = "你好世界 👩🏽‍🌾 e\u{301} عربي 日本語のテキスト".repeat(4);
    for o in &mut plan.outcomes {
        o.text = format!("世界 {} ✓", o.text);
    }
    let (theme, _) = Theme::load(Some("dark"), ColorSupport::TrueColor);
    for (w, h) in [(80, 24), (120, 40), (41, 13), (200, 60)] {
        walk(plan.clone(), theme.clone(), "hjjhjlll?\u{1b}", w, h);
    }
}

/// Text whose width terminals disagree on: emoji joined by ZWJ, flags, VS16 hearts,
/// keycaps, skin tones, tag sequences, and line and paragraph separators.
const DISPUTED: &str = "Family 👨\u{200d}👩\u{200d}👧\u{200d}👦 flags 🇬🇧🇺🇦 heart ❤\u{fe0f} keycap 1\u{fe0f}\u{20e3} tone 👍🏽 line\u{2028}para\u{2029}end 🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f} fire ❤\u{fe0f}\u{200d}🔥 z\u{200b}w nel\u{85}x";

/// Every screen that draws plan text, read back through a terminal emulator (which,
/// like many terminals, gives each character its own width): every cell, borders
/// included, is where ratatui put it, at 80x24 and 40x12, frame after frame.
#[test]
fn disputed_emoji_and_separators_keep_every_border_in_its_column() {
    let mut plan = example("language-cafe.toml");
    plan.title = DISPUTED.into();
    plan.goal.text = DISPUTED.into();
    plan.context.problem = format!("{DISPUTED}\n{DISPUTED}");
    plan.context.place = DISPUTED.into();
    for o in &mut plan.outcomes {
        o.text = format!("{DISPUTED} {}", o.text);
    }
    for o in &mut plan.outputs {
        o.text = DISPUTED.into();
    }
    for a in &mut plan.activities {
        a.text = DISPUTED.into();
        a.resources = vec![DISPUTED.into(), "two".into()];
        a.barrier = DISPUTED.into();
    }
    for s in &mut plan.stakeholders {
        s.name = DISPUTED.into();
    }
    for m in &mut plan.measures {
        m.method = DISPUTED.into();
        m.collected_by = DISPUTED.into();
    }
    for e in &mut plan.evidence {
        e.text = DISPUTED.into();
    }
    for a in &mut plan.assumptions {
        a.text = DISPUTED.into();
    }
    let (theme, _) = Theme::load(Some("dark"), ColorSupport::TrueColor);
    // Panes; the goal's details and its editor; an outcome's details, its text in the
    // editor (moved about in); the context and its problem in the editor; stakeholders;
    // the review; the evaluation plan; an activity's details.
    let keys = "\n\u{1b}e\u{1b}hj\ne\u{1b}\u{1b}C\nj\n\u{1b}\u{1b}S\u{1b}R\u{1b}E\u{1b}hh\n\u{1b}";
    for (w, h) in [(80, 24), (40, 12)] {
        walk(plan.clone(), theme.clone(), keys, w, h);
    }
}
