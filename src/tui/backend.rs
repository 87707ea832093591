//! The terminal backend: crossterm's for everything but drawing, which is written with
//! fewer bytes, for planners on slow SSH links. Crossterm sends a colour as `38;5;N` and
//! each change of colour or attribute as its own sequence; here the 16 basic colours use
//! their short codes (`94`), one sequence carries every change at a cell, and the cursor
//! moves forward along a row with a short jump instead of an absolute move.
//!
//! It also remembers where the terminal holds a wide character: a narrow one written
//! over it makes the terminal blank the other half in the pen of the moment, which
//! ratatui's diff does not send again when the cell is unchanged in its buffer, so that
//! half is rewritten as the plain blank the buffer holds, never left stale.

use std::collections::HashSet;
use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

#[derive(Debug)]
pub struct CompactBackend<W: Write> {
    inner: CrosstermBackend<W>,
    /// Cells where the terminal shows the first half of a wide character.
    wide: HashSet<(u16, u16)>,
}

impl<W: Write> CompactBackend<W> {
    pub fn new(writer: W) -> Self {
        CompactBackend {
            inner: CrosstermBackend::new(writer),
            wide: HashSet::new(),
        }
    }
}

/// Where the writing stands in one frame: the pen and where the cursor is known to be.
struct Writing {
    out: Vec<u8>,
    pen: Pen,
    at: Option<Position>,
}

impl Writing {
    fn put(&mut self, x: u16, y: u16, want: Pen, symbol: &str) {
        let out = &mut self.out;
        match self.at {
            Some(p) if p.y == y && p.x == x => {}
            // A short jump forward along the row: ESC [ n C.
            Some(p) if p.y == y && x > p.x && x - p.x < 100 => {
                let _ = write!(out, "\x1b[{}C", x - p.x);
            }
            _ => {
                let _ = write!(out, "\x1b[{};{}H", y + 1, x + 1);
            }
        }
        if want != self.pen {
            change(self.pen, want, out);
            self.pen = want;
        }
        out.extend_from_slice(symbol.as_bytes());
        // After a wide or unusual character the terminal may not agree on where the
        // cursor is, so the next cell is placed absolutely, as crossterm always does.
        self.at = (unicode_width(symbol) == 1).then(|| Position { x: x + 1, y });
    }
}

/// Writes the SGR parameters setting a colour: `base` is 30 for the foreground, 40 for
/// the background.
fn colour(c: Color, base: u8, out: &mut Vec<u8>) {
    let basic = |i: u8| if i < 8 { base + i } else { base + 60 + i - 8 };
    let code = match c {
        Color::Reset => base + 9,
        Color::Black => basic(0),
        Color::Red => basic(1),
        Color::Green => basic(2),
        Color::Yellow => basic(3),
        Color::Blue => basic(4),
        Color::Magenta => basic(5),
        Color::Cyan => basic(6),
        Color::Gray => basic(7),
        Color::DarkGray => basic(8),
        Color::LightRed => basic(9),
        Color::LightGreen => basic(10),
        Color::LightYellow => basic(11),
        Color::LightBlue => basic(12),
        Color::LightMagenta => basic(13),
        Color::LightCyan => basic(14),
        Color::White => basic(15),
        Color::Indexed(i) if i < 16 => basic(i),
        Color::Indexed(i) => {
            let _ = write!(out, "{};5;{i}", base + 8);
            return;
        }
        Color::Rgb(r, g, b) => {
            let _ = write!(out, "{};2;{r};{g};{b}", base + 8);
            return;
        }
    };
    let _ = write!(out, "{code}");
}

const ATTRIBUTES: [(Modifier, u8); 9] = [
    (Modifier::BOLD, 1),
    (Modifier::DIM, 2),
    (Modifier::ITALIC, 3),
    (Modifier::UNDERLINED, 4),
    (Modifier::SLOW_BLINK, 5),
    (Modifier::RAPID_BLINK, 6),
    (Modifier::REVERSED, 7),
    (Modifier::HIDDEN, 8),
    (Modifier::CROSSED_OUT, 9),
];

/// What the terminal is drawing with: attributes and colours.
#[derive(Clone, Copy, PartialEq)]
struct Pen {
    modifier: Modifier,
    fg: Color,
    bg: Color,
}

const PLAIN: Pen = Pen {
    modifier: Modifier::empty(),
    fg: Color::Reset,
    bg: Color::Reset,
};

/// One SGR sequence taking the terminal from `from` to `to`. Dropping an attribute has no
/// portable single code (bold and dim share one), so then it starts from a reset.
fn change(from: Pen, to: Pen, out: &mut Vec<u8>) {
    let reset = !(from.modifier - to.modifier).is_empty();
    let base = if reset { PLAIN } else { from };
    let start = out.len();
    out.extend_from_slice(b"\x1b[");
    let mut first = true;
    let mut sep = |out: &mut Vec<u8>| {
        if !std::mem::take(&mut first) {
            out.push(b';');
        }
    };
    if reset {
        sep(out);
        out.push(b'0');
    }
    for (m, code) in ATTRIBUTES {
        if to.modifier.contains(m) && !base.modifier.contains(m) {
            sep(out);
            out.push(b'0' + code);
        }
    }
    if to.fg != base.fg {
        sep(out);
        colour(to.fg, 30, out);
    }
    if to.bg != base.bg {
        sep(out);
        colour(to.bg, 40, out);
    }
    if first {
        // Nothing to change after all.
        out.truncate(start);
    } else {
        out.push(b'm');
    }
}

impl<W: Write> Backend for CompactBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut w = Writing {
            out: Vec::with_capacity(4096),
            pen: PLAIN,
            at: None,
        };
        // The second half of a wide character just written over, until it is written too.
        let mut orphan: Option<(u16, u16)> = None;
        for (x, y, cell) in content {
            if let Some((ox, oy)) = orphan.take()
                && (ox, oy) != (x, y)
            {
                w.put(ox, oy, PLAIN, " ");
            }
            let symbol = cell.symbol();
            let want = Pen {
                modifier: cell.modifier,
                fg: cell.fg,
                bg: cell.bg,
            };
            // Writing over the second half of a wide character blanks its first half.
            if x > 0 && self.wide.remove(&(x - 1, y)) {
                w.put(x - 1, y, PLAIN, " ");
            }
            w.put(x, y, want, symbol);
            // Every cell this character covers loses what the terminal held there; a wide
            // character whose first half is covered leaves its second half blanked.
            let width = u16::try_from(unicode_width(symbol).max(1)).unwrap_or(1);
            for k in 0..width {
                if self.wide.remove(&(x.saturating_add(k), y)) && k + 1 == width {
                    orphan = Some((x.saturating_add(width), y));
                }
            }
            if width > 1 {
                self.wide.insert((x, y));
            }
        }
        if let Some((ox, oy)) = orphan {
            w.put(ox, oy, PLAIN, " ");
        }
        let mut out = w.out;
        if w.pen != PLAIN {
            out.extend_from_slice(b"\x1b[0m");
        }
        // CrosstermBackend passes writes straight to its writer.
        self.inner.write_all(&out)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.wide.clear();
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

/// Columns a cell's symbol takes.
fn unicode_width(symbol: &str) -> usize {
    use unicode_width::UnicodeWidthStr;
    symbol.width()
}
