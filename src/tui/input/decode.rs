//! Bytes to keys: UTF-8 text, control keys, and the escape sequences terminals send for
//! special keys (CSI `ESC [ params final`, SS3 `ESC O x`), with Alt as a leading ESC; and
//! a bracketed paste (`ESC [ 200 ~` ... `ESC [ 201 ~`) as one piece of text, so pasted
//! words are never read as commands and a large paste is inserted in one step.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The longest sequence kept waiting; longer ones are not keys (a paste of garbage). A
/// terminal's replies (a colour, a title) fit well within it.
const MAX_SEQUENCE: usize = 1024;

/// The most of one paste kept (the rest is dropped): more than any plan holds.
const MAX_PASTE: usize = 16 << 20;
const PASTE_END: &[u8] = b"\x1b[201~";

#[derive(Debug, Default)]
pub struct Decoder {
    buf: Vec<u8>,
    /// A paste being read, until its end marker.
    paste: Option<Vec<u8>>,
}

/// What the terminal sent: a key, or a paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(KeyEvent),
    Paste(String),
}

/// What the bytes at the front of the buffer are.
enum Step {
    Key(KeyEvent, usize),
    /// `ESC [ 200 ~`: a paste starts after these bytes.
    PasteStart(usize),
    /// Bytes that are no key (an unknown or malformed sequence, invalid UTF-8).
    Skip(usize),
    /// The start of something that needs more bytes.
    Incomplete,
}

impl Decoder {
    /// Whether an unfinished sequence (or paste) is waiting for more bytes.
    pub fn is_partial(&self) -> bool {
        !self.buf.is_empty() || self.paste.is_some()
    }

    /// Whether a paste is being read (it may come in many pieces, further apart).
    pub fn in_paste(&self) -> bool {
        self.paste.is_some()
    }

    /// Takes in bytes and returns every key and paste they complete. `chunk_end` says
    /// nothing else was read with them, which makes a lone trailing ESC the Escape key.
    pub fn feed(&mut self, bytes: &[u8], chunk_end: bool) -> Vec<Input> {
        self.buf.extend_from_slice(bytes);
        let mut keys = Vec::new();
        let mut at = 0;
        while at < self.buf.len() {
            if let Some(paste) = self.paste.as_mut() {
                let rest = &self.buf[at..];
                match rest.windows(PASTE_END.len()).position(|w| w == PASTE_END) {
                    Some(end) => {
                        keep(paste, &rest[..end]);
                        let text = String::from_utf8_lossy(paste).into_owned();
                        keys.push(Input::Paste(text));
                        self.paste = None;
                        at += end + PASTE_END.len();
                    }
                    None => {
                        // The end marker may be cut across reads: its start stays.
                        let safe = rest.len().saturating_sub(PASTE_END.len() - 1);
                        keep(paste, &rest[..safe]);
                        at += safe;
                        break;
                    }
                }
                continue;
            }
            let rest = &self.buf[at..];
            match step(rest) {
                Step::Key(key, n) => {
                    keys.push(Input::Key(key));
                    at += n;
                }
                Step::PasteStart(n) => {
                    self.paste = Some(Vec::new());
                    at += n;
                }
                Step::Skip(n) => at += n,
                Step::Incomplete if rest == b"\x1b" && chunk_end => {
                    keys.push(Input::Key(KeyEvent::from(KeyCode::Esc)));
                    at += 1;
                }
                Step::Incomplete if rest.len() > MAX_SEQUENCE => at += rest.len(),
                Step::Incomplete => break,
            }
        }
        self.buf.drain(..at);
        keys
    }

    /// No more bytes came for an unfinished sequence: it was cut off. A lone ESC was the
    /// Escape key; a paste cut off is what came of it; anything else is dropped, and
    /// input goes on.
    pub fn give_up(&mut self) -> Vec<Input> {
        if let Some(mut paste) = self.paste.take() {
            let rest = std::mem::take(&mut self.buf);
            keep(&mut paste, &rest);
            return vec![Input::Paste(String::from_utf8_lossy(&paste).into_owned())];
        }
        let lone_esc = self.buf == b"\x1b";
        self.buf.clear();
        if lone_esc {
            vec![Input::Key(KeyEvent::from(KeyCode::Esc))]
        } else {
            Vec::new()
        }
    }
}

/// Adds pasted bytes, up to the most a paste keeps.
fn keep(paste: &mut Vec<u8>, bytes: &[u8]) {
    let room = MAX_PASTE.saturating_sub(paste.len());
    paste.extend_from_slice(&bytes[..bytes.len().min(room)]);
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

fn step(b: &[u8]) -> Step {
    match b[0] {
        0x1b => escape(b),
        b'\r' => Step::Key(KeyCode::Enter.into(), 1),
        b'\t' => Step::Key(KeyCode::Tab.into(), 1),
        0x7f => Step::Key(KeyCode::Backspace.into(), 1),
        // In raw mode Enter is \r; \n is Ctrl-J, as crossterm reads it.
        c @ 0x01..=0x1a => Step::Key(
            key(KeyCode::Char((c - 1 + b'a') as char), KeyModifiers::CONTROL),
            1,
        ),
        c @ 0x1c..=0x1f => Step::Key(
            key(
                KeyCode::Char((c - 0x1c + b'4') as char),
                KeyModifiers::CONTROL,
            ),
            1,
        ),
        0 => Step::Key(key(KeyCode::Char(' '), KeyModifiers::CONTROL), 1),
        _ => utf8(b),
    }
}

/// One UTF-8 character; an invalid byte is skipped alone, so text after it still reads.
fn utf8(b: &[u8]) -> Step {
    let len = match b[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Step::Skip(1),
    };
    // Each continuation byte must be one, or the character is broken where it stops.
    for i in 1..len {
        match b.get(i) {
            None => return Step::Incomplete,
            Some(c) if c & 0xc0 != 0x80 => return Step::Skip(i),
            Some(_) => {}
        }
    }
    match std::str::from_utf8(&b[..len])
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => {
            let modifiers = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            Step::Key(key(KeyCode::Char(c), modifiers), len)
        }
        None => Step::Skip(len),
    }
}

fn escape(b: &[u8]) -> Step {
    match b.get(1) {
        None => Step::Incomplete,
        Some(b'[') => csi(b),
        Some(b'O') => ss3(b),
        // Strings a terminal sends in reply (OSC, DCS, SOS, PM, APC): never keys, and
        // their text must not be typed (a colour reply would open the command line).
        Some(b']' | b'P' | b'X' | b'^' | b'_') => string(b),
        // ESC ESC: the first is the Escape key; the second may start a sequence.
        Some(0x1b) => Step::Key(KeyCode::Esc.into(), 1),
        Some(_) => match step(&b[1..]) {
            Step::Key(mut k, n) => {
                k.modifiers |= KeyModifiers::ALT;
                Step::Key(k, n + 1)
            }
            Step::Skip(n) => Step::Skip(n + 1),
            Step::PasteStart(n) => Step::Skip(n + 1),
            Step::Incomplete => Step::Incomplete,
        },
    }
}

/// A control string, up to BEL or ST (`ESC \\`). A control byte other than those ends
/// it early (dropped; the byte is read afresh): a person typing Alt-P then Enter gets
/// their Enter.
fn string(b: &[u8]) -> Step {
    let mut i = 2;
    while let Some(&c) = b.get(i) {
        match c {
            0x07 => return Step::Skip(i + 1),
            0x1b if b.get(i + 1) == Some(&b'\\') => return Step::Skip(i + 2),
            0x1b if b.get(i + 1).is_none() => return Step::Incomplete,
            0x00..=0x1f => return Step::Skip(i),
            _ => i += 1,
        }
    }
    Step::Incomplete
}

/// `ESC O x`: arrows, Home, End and F1-F4 in application mode.
fn ss3(b: &[u8]) -> Step {
    let Some(&c) = b.get(2) else {
        return Step::Incomplete;
    };
    let code = match c {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(1 + c - b'P'),
        // Not a key: drop `ESC O`, and let the byte be read for what it is.
        _ if !(0x20..0x7f).contains(&c) => return Step::Skip(2),
        _ => return Step::Skip(3),
    };
    Step::Key(code.into(), 3)
}

/// `ESC [ params intermediates final`. Parameter bytes are 0x30-0x3F, intermediates
/// 0x20-0x2F, the final byte 0x40-0x7E; any other byte ends the sequence there (it is
/// dropped, and that byte read afresh), so a cut-off sequence never eats what follows.
fn csi(b: &[u8]) -> Step {
    let mut i = 2;
    while let Some(&c) = b.get(i) {
        match c {
            // Parameters (0x30-0x3F) and intermediates (0x20-0x2F).
            0x20..=0x3f => i += 1,
            b'~' if &b[2..i] == b"200" => return Step::PasteStart(i + 1),
            0x40..=0x7e => {
                let params = &b[2..i];
                return match csi_key(params, c) {
                    Some(k) => Step::Key(k, i + 1),
                    None => Step::Skip(i + 1),
                };
            }
            _ => return Step::Skip(i),
        }
    }
    Step::Incomplete
}

fn csi_key(params: &[u8], last: u8) -> Option<KeyEvent> {
    let text = std::str::from_utf8(params).ok()?;
    // Private sequences (`?`, `<`, `=`, `>`) are replies and mouse reports, not keys.
    if text.starts_with(['?', '<', '=', '>']) {
        return None;
    }
    let mut nums = text.split(';').map(|p| p.parse::<u16>().ok());
    let first = nums.next().flatten();
    let modifiers = modifiers(nums.next().flatten());
    let code = match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'Z' => {
            return Some(KeyEvent::new_with_kind(
                KeyCode::BackTab,
                KeyModifiers::SHIFT,
                KeyEventKind::Press,
            ));
        }
        b'P'..=b'S' => KeyCode::F(1 + last - b'P'),
        b'~' => match first? {
            1 | 7 => KeyCode::Home,
            2 => KeyCode::Insert,
            3 => KeyCode::Delete,
            4 | 8 => KeyCode::End,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            n @ 11..=15 => KeyCode::F((n - 10) as u8),
            n @ 17..=21 => KeyCode::F((n - 11) as u8),
            n @ 23..=24 => KeyCode::F((n - 12) as u8),
            _ => return None,
        },
        _ => return None,
    };
    Some(key(code, modifiers))
}

/// xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4).
fn modifiers(param: Option<u16>) -> KeyModifiers {
    let bits = param.map_or(0, |p| p.saturating_sub(1));
    let mut m = KeyModifiers::NONE;
    if bits & 1 != 0 {
        m |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        m |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        m |= KeyModifiers::CONTROL;
    }
    m
}
