//! Everything the command line writes goes through here, so no plan text, file name or
//! bank wording can drive the terminal it is printed on.
//!
//! - stdout to a terminal: control characters are shown visibly (␛ ␇ ␍ ␡ …, C1 and bidi
//!   controls as �); line breaks and tabs stay, and the colour codes tocplan itself emits
//!   (`diff`, `log`) stay when the caller says it emits them.
//! - stdout to a file or a pipe: the bytes as they are, so an export is exact data.
//! - stderr (messages for a person, never data): always shown visibly.

use std::io::{self, IsTerminal, Write};

/// A stream that makes text safe for a terminal on the way out (see the module's notes).
pub struct Screen<W: Write> {
    inner: W,
    /// Show control characters visibly (a terminal, or stderr).
    visible: bool,
    /// Let `ESC [ … m` colour codes through: only for output whose plan text the caller
    /// has already made visible, so every escape left is the program's own.
    colour: bool,
    /// Text held back until a line ends, so a character or a colour code split across
    /// two writes is still seen whole.
    pending: Vec<u8>,
}

pub type Stdout = Screen<io::BufWriter<io::StdoutLock<'static>>>;
pub type Stderr = Screen<io::StderrLock<'static>>;

/// Standard output, safe for a terminal and exact for a file.
pub fn stdout() -> Stdout {
    let out = io::stdout();
    let terminal = out.is_terminal();
    Screen::new(io::BufWriter::new(out.lock()), terminal)
}

/// Standard output for messages to a person (`check`'s findings, `fmt`'s and `new`'s
/// reports): shown visibly wherever it goes, as stderr is, since it is never data to keep
/// exact (a file name in a CI log must not drive the terminal that shows the log).
pub fn messages() -> Stdout {
    Screen::new(io::BufWriter::new(io::stdout().lock()), true)
}

/// Whether stdout wants colour: a terminal, and no `NO_COLOR` (`diff`, `log`).
pub fn stdout_colour() -> bool {
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Standard error, always safe.
pub fn stderr() -> Stderr {
    Screen::new(io::stderr().lock(), true)
}

/// "tocplan: warning: …" on stderr.
pub fn warn(message: &str) {
    let _ = writeln!(stderr(), "tocplan: warning: {message}");
}

/// "tocplan: …" on stderr, for what stopped a command.
pub fn error(message: &str) {
    let _ = writeln!(stderr(), "tocplan: {message}");
}

/// A line for a person on stderr (a summary, a note of what was done).
pub fn note(message: &str) {
    let _ = writeln!(stderr(), "{message}");
}

/// The text on stdout as it is (see `stdout`).
pub fn print(text: &str) -> io::Result<()> {
    let mut out = stdout();
    out.write_all(text.as_bytes())?;
    out.flush()
}

impl<W: Write> Screen<W> {
    pub fn new(inner: W, visible: bool) -> Self {
        Screen {
            inner,
            visible,
            colour: false,
            pending: Vec::new(),
        }
    }

    /// Keeps tocplan's own colour codes (see `colour`).
    pub fn with_colour(mut self, colour: bool) -> Self {
        self.colour = colour;
        self
    }

    fn emit(&mut self, upto: usize) -> io::Result<()> {
        let bytes: Vec<u8> = self.pending.drain(..upto).collect();
        let text = String::from_utf8_lossy(&bytes);
        self.inner
            .write_all(make_visible(&text, self.colour).as_bytes())
    }
}

impl<W: Write> Write for Screen<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.visible {
            return self.inner.write(buf);
        }
        self.pending.extend_from_slice(buf);
        if let Some(end) = self.pending.iter().rposition(|&b| b == b'\n') {
            self.emit(end + 1)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            self.emit(self.pending.len())?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for Screen<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// The text with every control character shown visibly but line breaks and tabs (and,
/// with `colour`, `ESC [ digits ; m` colour codes).
pub fn make_visible(text: &str, colour: bool) -> std::borrow::Cow<'_, str> {
    let keep = |c: char| matches!(c, '\n' | '\t');
    if !text
        .chars()
        .any(|c| !keep(c) && crate::text::visible(c).is_some())
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\u{1b}' && colour {
            let len = colour_code_len(rest);
            if len > 0 {
                out.push_str(&rest[..len]);
                rest = &rest[len..];
                continue;
            }
        }
        // A line ending CR LF is a line ending; a lone CR could hide what came before it.
        if c == '\r' && rest[1..].starts_with('\n') {
            out.push('\r');
        } else if keep(c) {
            out.push(c);
        } else {
            out.push(crate::text::visible(c).unwrap_or(c));
        }
        rest = &rest[c.len_utf8()..];
    }
    std::borrow::Cow::Owned(out)
}

/// The length of an SGR colour code (`ESC [ 31;9 m`) at the start of `s`, or 0.
fn colour_code_len(s: &str) -> usize {
    let Some(body) = s.strip_prefix("\u{1b}[") else {
        return 0;
    };
    let digits = body
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    if body.as_bytes().get(digits) == Some(&b'm') {
        2 + digits + 1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_terminal_sees_controls_visibly_and_a_file_gets_the_bytes() {
        let hostile = "a\u{1b}]52;c;aGk=\u{7}b\u{9b}2J\u{7f}\u{202e}x\r\n\tcol\rover\n";
        let mut shown = Vec::new();
        {
            let mut s = Screen::new(&mut shown, true);
            // Split inside a two-byte character, as a writer may.
            let bytes = hostile.as_bytes();
            let cut = hostile.find('\u{9b}').expect("c1") + 1;
            s.write_all(&bytes[..cut]).expect("write");
            s.write_all(&bytes[cut..]).expect("write");
        }
        let shown = String::from_utf8(shown).expect("utf8");
        assert_eq!(shown, "a␛]52;c;aGk=␇b\u{FFFD}2J␡\u{FFFD}x\r\n\tcol␍over\n");
        let mut exact = Vec::new();
        Screen::new(&mut exact, false)
            .write_all(hostile.as_bytes())
            .expect("write");
        assert_eq!(exact, hostile.as_bytes());
    }

    #[test]
    fn our_own_colour_codes_stay_only_when_asked() {
        let text = "\u{1b}[32m+ new\u{1b}[0m \u{1b}]0;title\u{7}\n";
        assert_eq!(
            make_visible(text, true),
            "\u{1b}[32m+ new\u{1b}[0m ␛]0;title␇\n"
        );
        assert_eq!(make_visible(text, false), "␛[32m+ new␛[0m ␛]0;title␇\n");
    }
}
