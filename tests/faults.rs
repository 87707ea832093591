//! Faults a planner on a flaky SSH link meets, through the real binary in a real
//! pseudo-terminal: cut-off input, signals, a second instance, a crashed one.

#[path = "support/pty.rs"]
mod pty;

use std::time::Duration;

use pty::{Session, example_copy};

/// A dropped packet or a paste can leave half an escape sequence (`ESC [ ?` is the start
/// of a terminal's reply); the app must go on taking keys after it, whether more bytes
/// follow at once or only after a pause.
#[test]
fn a_cut_off_escape_sequence_never_freezes_input() {
    let (dir, _path) = example_copy("language-cafe.toml");
    for (cut, pause) in [
        ("\x1b[?", true),
        ("\x1b[?1;2", true),
        ("\x1b[<0;3", true),
        ("\x1b[?x", false),
        ("\x1bO", true),
        ("\x1b[", true),
    ] {
        let mut s = Session::start(&["p.toml"], dir.path());
        s.wait_for("? help");
        s.send(cut);
        if pause {
            std::thread::sleep(Duration::from_millis(400));
        }
        // Move, then open help: both must be seen, then quit.
        s.send("h?");
        s.wait_for("Help: every key");
        s.send("\x1b");
        std::thread::sleep(Duration::from_millis(200));
        s.send("q");
        assert_eq!(
            s.wait_exit(),
            0,
            "{cut:?}: the app still took keys and quit"
        );
    }
}
