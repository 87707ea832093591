//! Keys from the terminal's bytes. crossterm's reader waits for the rest of any escape
//! sequence it has started, with no time limit: `ESC [ ?` followed by ordinary keys (a
//! dropped SSH packet, a paste, a stray reply) made it swallow every later key, so the app
//! stopped taking input. This reader frames sequences by their grammar (a CSI ends at its
//! first final byte; anything that cannot belong to it ends it), drops what it does not
//! know, and gives up on a sequence left unfinished for `PARTIAL_WAIT`, so no byte stream
//! can freeze input. Keys are the same `KeyEvent`s crossterm makes, byte for byte.

mod decode;

pub use decode::{Decoder, Input};

use std::io::Read;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::Duration;

use super::Msg;

/// How long an unfinished sequence may wait for its next byte before it is dropped. A
/// terminal sends a key's sequence in one write; over SSH a sequence may be split across
/// packets, which arrive well within this.
pub const PARTIAL_WAIT: Duration = Duration::from_millis(120);

/// How long a paste may pause between pieces before what came of it is taken as the paste
/// (a large paste over a slow link arrives in many pieces).
pub const PASTE_WAIT: Duration = Duration::from_secs(2);

/// Reads the terminal (standard input) on its own thread and sends keys and resizes.
pub fn spawn(tx: Sender<Msg>) {
    // Each read, and whether it filled the buffer (more may be waiting right behind it).
    let (bytes_tx, bytes_rx) = mpsc::channel::<(Vec<u8>, bool)>();
    std::thread::spawn(move || {
        // Keys come from the terminal: standard input, or when that is redirected, the
        // controlling terminal (as crossterm reads them).
        use std::io::IsTerminal;
        let mut source: Box<dyn Read> = match std::io::stdin().is_terminal() {
            true => Box::new(std::io::stdin().lock()),
            false => match std::fs::File::open("/dev/tty") {
                Ok(tty) => Box::new(tty),
                Err(_) => Box::new(std::io::stdin().lock()),
            },
        };
        let mut buf = [0u8; 4096];
        loop {
            match source.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    if bytes_tx.send((buf[..n].to_vec(), n == buf.len())).is_err() {
                        break;
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
    });
    let keys = tx.clone();
    std::thread::spawn(move || {
        let mut decoder = Decoder::default();
        loop {
            let got = if decoder.in_paste() {
                bytes_rx.recv_timeout(PASTE_WAIT)
            } else if decoder.is_partial() {
                bytes_rx.recv_timeout(PARTIAL_WAIT)
            } else {
                bytes_rx.recv().map_err(|_| RecvTimeoutError::Disconnected)
            };
            let events = match got {
                // A chunk of input: a lone ESC at its end is the Escape key (nothing
                // else was sent with it), as crossterm reads it; not when the read
                // filled the buffer, when the rest of a sequence may be next.
                Ok((chunk, full)) => decoder.feed(&chunk, !full),
                Err(RecvTimeoutError::Timeout) => decoder.give_up(),
                Err(RecvTimeoutError::Disconnected) => break,
            };
            for input in events {
                let msg = match input {
                    Input::Key(key) => Msg::Key(key),
                    Input::Paste(text) => Msg::Paste(text),
                };
                if keys.send(msg).is_err() {
                    return;
                }
            }
        }
    });
    // A resize redraws at the new size (the terminal reports it only by SIGWINCH).
    if let Ok(mut signals) = signal_hook::iterator::Signals::new([signal_hook::consts::SIGWINCH]) {
        std::thread::spawn(move || {
            for _ in signals.forever() {
                if tx.send(Msg::Redraw).is_err() {
                    break;
                }
            }
        });
    }
}

#[cfg(test)]
mod tests;
