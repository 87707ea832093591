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
        // A terminal's string replies: a title, a colour (whole, and cut off).
        ("\x1b]2;eINJECTED\x1b\\", false),
        ("\x1b]11;rgb:1e1e/1e1e", true),
        ("\x1bP1$r?", true),
    ] {
        let mut s = Session::start(&["p.toml"], dir.path());
        s.wait_for("? help");
        s.send(cut);
        if pause {
            std::thread::sleep(Duration::from_millis(400));
        }
        // Move, then open help: both must be seen, then quit.
        s.send("h?");
        s.wait_for("Help: the guide's words");
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

fn kill(s: &Session, signal: &str) {
    let pid = s.child.process_id().expect("pid").to_string();
    let killed = std::process::Command::new("kill")
        .args([signal, &pid])
        .status()
        .expect("kill");
    assert!(killed.success());
}

/// Every signal that ends a session without a word keeps what was being typed in an
/// open editor (not yet kept), gives the terminal back, and writes a copy only its
/// owner can read; the file is untouched.
#[test]
fn every_ending_signal_keeps_the_text_being_typed() {
    use std::os::unix::fs::PermissionsExt;
    for signal in ["-HUP", "-TERM", "-INT", "-QUIT"] {
        let (dir, path) = example_copy("friendship-club.toml");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let before = std::fs::read(&path).expect("read");
        let mut s = Session::start(&["p.toml"], dir.path());
        s.wait_for("? help");
        // An edit kept, then a second one typed and not kept.
        s.send("e, kept\r");
        s.wait_for("[+]");
        s.send("e and half typed");
        s.wait_for("and half typed");
        kill(&s, signal);
        s.wait_exit();
        assert!(
            pty::contains(&s.raw, b"\x1b[?1049l") && pty::contains(&s.raw, b"\x1b[?25h"),
            "{signal}: alternate screen left and cursor shown"
        );
        assert_eq!(std::fs::read(&path).expect("read"), before, "{signal}");
        let copies = tocplan::tui::recovery_copies(&path);
        assert_eq!(copies.len(), 1, "{signal}: {copies:?}");
        let copy = &copies[0];
        assert!(copy.copy.plan.contains(", kept\""), "{signal}");
        let editing = copy.copy.editing.as_ref().expect("the open editor's text");
        assert!(
            editing.text.ends_with(", kept and half typed"),
            "{signal}: {editing:?}"
        );
        assert_eq!(copy.changed, Some(false));
        let mode = std::fs::metadata(&copy.file)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "{signal}: the copy is the owner's only");
        // The next open offers it, and gives the text back in the editor.
        let mut s = Session::start(&["p.toml"], dir.path());
        s.wait_for("text you were typing");
        s.send("y");
        s.wait_for("back in the editor");
        s.send("\r");
        s.wait_for("[+]");
        s.send("\x13");
        s.wait_for("Saved p.toml");
        s.send("q");
        assert_eq!(s.wait_exit(), 0);
        let saved = std::fs::read_to_string(&path).expect("read");
        // Long text is saved on short lines, each continued with ` \`.
        let saved = saved.replace(" \\\n", " ");
        assert!(
            saved.contains(", kept and half typed\""),
            "{signal}: {saved}"
        );
        assert!(tocplan::tui::recovery_copies(&path).is_empty());
    }
}

/// The file changed after the work was made (a git pull, another editor): the offer
/// says so, and taking the work never silently replaces the newer file.
#[test]
fn a_recovery_copy_never_silently_replaces_a_newer_file() {
    let (dir, path) = example_copy("friendship-club.toml");
    let mut s = Session::start(&["p.toml"], dir.path());
    s.wait_for("? help");
    s.send("e, mine\r");
    s.wait_for("[+]");
    kill(&s, "-HUP");
    s.wait_exit();
    let theirs =
        std::fs::read_to_string(&path)
            .expect("read")
            .replacen("title = \"", "title = \"Their ", 1);
    std::fs::write(&path, &theirs).expect("write");
    // d shows the differences; closing them asks again; w keeps the work beside.
    let mut s = Session::start(&["p.toml"], dir.path());
    s.wait_for("CHANGED since");
    s.send("d");
    s.wait_for("recovery copy against the file");
    s.send("\x1b");
    s.wait_for("CHANGED since");
    s.send("w");
    s.wait_for("p.recovered.toml");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let beside = std::fs::read_to_string(dir.path().join("p.recovered.toml")).expect("beside");
    assert!(beside.contains(", mine\""));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), theirs);
    assert!(
        tocplan::tui::recovery_copies(&path).is_empty(),
        "kept elsewhere now"
    );
    // Again, and this time take it: saving asks before replacing their file.
    let mut s = Session::start(&["p.toml"], dir.path());
    s.wait_for("? help");
    s.send("e, mine again\r");
    s.wait_for("[+]");
    kill(&s, "-TERM");
    s.wait_exit();
    let theirs = theirs.replacen("Their ", "Their newer ", 1);
    std::fs::write(&path, &theirs).expect("write");
    let mut s = Session::start(&["p.toml"], dir.path());
    s.wait_for("CHANGED since");
    s.send("y");
    s.wait_for("saving asks");
    s.send("\x13");
    s.wait_for("changed since you read it");
    s.send("n");
    s.wait_for(":w OTHER");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), theirs);
    s.send(":q!\r");
    assert_eq!(s.wait_exit(), 0);
}

/// A second instance is told the plan is open elsewhere and may open it read-only; a
/// lock left by a killed instance is recognised and cleared.
#[test]
fn a_second_instance_is_told_and_a_stale_lock_is_cleared() {
    let (dir, path) = example_copy("friendship-club.toml");
    let lock = dir.path().join(".p.toml.lock");
    let mut first = Session::start(&["p.toml"], dir.path());
    first.wait_for("? help");
    assert!(lock.exists());
    let mut second = Session::start(&["p.toml"], dir.path());
    second.wait_for("open in another tocplan");
    second.send("y");
    second.wait_for("[RO]");
    second.send("e");
    second.wait_for("Read-only");
    second.send("q");
    assert_eq!(second.wait_exit(), 0);
    assert!(lock.exists(), "the second never removes the first's lock");
    // One that goes on anyway takes the lock at its next save once the first has gone.
    let mut anyway = Session::start(&["p.toml"], dir.path());
    anyway.wait_for("open in another tocplan");
    anyway.send("n");
    anyway.wait_for("Editing here too");
    first.send("q");
    assert_eq!(first.wait_exit(), 0);
    assert!(!lock.exists(), "the first removes its own at quit");
    anyway.send("e!\r");
    anyway.wait_for("[+]");
    anyway.send("\x13");
    anyway.wait_for("Saved p.toml");
    std::thread::sleep(Duration::from_millis(300));
    assert!(lock.exists(), "taken by the one that went on");
    anyway.send("q");
    assert_eq!(anyway.wait_exit(), 0);
    assert!(!lock.exists());
    // Killed outright, an instance leaves its lock; the next open clears it, unasked.
    let mut s = Session::start(&["p.toml"], dir.path());
    s.wait_for("? help");
    kill(&s, "-KILL");
    s.wait_exit();
    assert!(lock.exists());
    let mut s = Session::start(&["p.toml"], dir.path());
    s.wait_for("left this plan locked");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert!(!lock.exists());
    let _ = path;
}

/// With standard input redirected the keys still come from the terminal.
#[test]
fn keys_come_from_the_terminal_when_stdin_is_redirected() {
    let (dir, _path) = example_copy("language-cafe.toml");
    let mut s = Session::start_program(
        "sh",
        &["-c", "exec \"$0\" p.toml </dev/null", pty::BIN],
        dir.path(),
        &[],
    );
    s.wait_for("? help");
    s.send("?");
    s.wait_for("Help: the guide's words");
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(200));
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

/// Work already saved is not "recovered": a crash right after a save leaves no copy.
#[test]
fn a_crash_after_a_save_leaves_no_copy() {
    let (dir, path) = example_copy("friendship-club.toml");
    let mut s = Session::start(&["p.toml"], dir.path());
    s.wait_for("? help");
    s.send("e, saved\r");
    s.wait_for("[+]");
    s.send("\x13");
    s.wait_for("Saved p.toml");
    kill(&s, "-HUP");
    s.wait_exit();
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .contains(", saved\"")
    );
    assert!(tocplan::tui::recovery_copies(&path).is_empty());
}

/// Two names for one plan (a link and its file) are one plan: the second is told; and a
/// plan saved as another file takes its lock along.
#[test]
fn a_link_and_its_file_and_a_save_as_share_one_lock() {
    let (dir, _path) = example_copy("friendship-club.toml");
    std::os::unix::fs::symlink("p.toml", dir.path().join("link.toml")).expect("link");
    let mut first = Session::start(&["p.toml"], dir.path());
    first.wait_for("? help");
    let mut second = Session::start(&["link.toml"], dir.path());
    second.wait_for("open in another tocplan");
    second.send("q");
    assert_eq!(second.wait_exit(), 0);
    // Saved as B.toml, the first now holds B's lock, not p.toml's.
    first.send(":w B.toml\r");
    first.wait_for("Saved B.toml");
    std::thread::sleep(Duration::from_millis(300));
    assert!(dir.path().join(".B.toml.lock").exists());
    assert!(!dir.path().join(".p.toml.lock").exists());
    let mut third = Session::start(&["B.toml"], dir.path());
    third.wait_for("open in another tocplan");
    third.send("q");
    assert_eq!(third.wait_exit(), 0);
    first.send("q");
    assert_eq!(first.wait_exit(), 0);
    assert!(!dir.path().join(".B.toml.lock").exists());
}

/// When the plan's folder cannot hold a lock or a copy, the planner is told at once, and
/// unsaved work goes to the state folder instead, where the next open finds it.
#[test]
fn when_the_folder_cannot_hold_a_copy_the_work_goes_elsewhere_and_is_found() {
    let (dir, path) = example_copy("friendship-club.toml");
    std::fs::create_dir(dir.path().join(".p.toml.lock")).expect("mkdir");
    let mut s = Session::start(&["p.toml"], dir.path());
    s.wait_for("cannot be locked");
    let pid = s.child.process_id().expect("pid");
    // The copy's place beside the plan (named by process and its start) is taken by a
    // folder: writing there fails.
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("stat");
    let start = stat
        .rsplit_once(')')
        .expect("stat")
        .1
        .split_whitespace()
        .nth(19)
        .expect("start");
    let blocked = dir.path().join(format!(".p.toml.{pid}-{start}.recovery"));
    std::fs::create_dir(&blocked).expect("mkdir");
    s.send("e, far away\r");
    s.wait_for("[+]");
    kill(&s, "-HUP");
    s.wait_exit();
    let raw = String::from_utf8_lossy(&s.raw).into_owned();
    assert!(raw.contains("could not hold your unsaved work"), "{raw}");
    let away = dir.path().join("state/tocplan/recovery");
    assert_eq!(std::fs::read_dir(&away).expect("state folder").count(), 1);
    std::fs::remove_dir(&blocked).expect("rmdir");
    let copies = tocplan::tui::recovery_copies(&path);
    assert_eq!(
        copies.len(),
        0,
        "found only by the app, which knows the state folder"
    );
    let mut s = Session::start(&["p.toml"], dir.path());
    s.wait_for("ended suddenly");
    s.send("y");
    s.wait_for("Recovered your unsaved work");
    s.send("\x13");
    s.wait_for("Saved p.toml");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let saved = tocplan::plan::load(&path).expect("saved plan").plan;
    assert!(
        saved.goal.text.ends_with(", far away"),
        "{}",
        saved.goal.text
    );
    assert_eq!(
        std::fs::read_dir(&away).expect("state folder").count(),
        0,
        "gone once saved"
    );
}

/// A paste is marked by the terminal (bracketed paste): it goes into the editor in one
/// step, and a lost connection right after keeps it; outside an editor it runs nothing.
#[test]
fn a_paste_is_text_in_one_step_and_a_crash_after_it_keeps_it() {
    let (dir, path) = example_copy("friendship-club.toml");
    let before = std::fs::read(&path).expect("read");
    let mut s = Session::start(&["p.toml"], dir.path());
    s.wait_for("? help");
    assert!(
        pty::contains(&s.raw, b"\x1b[?2004h"),
        "bracketed paste is turned on"
    );
    // On the panes its words would be keys: e(dit), a(dd), d(elete) ...
    s.send("\x1b[200~edit, add and delete\r\x1b[201~");
    s.wait_for("open one first");
    assert!(
        !s.parser.screen().contents().contains("[+]"),
        "nothing changed"
    );
    // Into the problem's editor: one insertion, however long.
    s.send("C");
    s.wait_for("The plan's context");
    s.send("j\r");
    let long = "pasted words ".repeat(4000) + "THE-END";
    s.send(&format!("\x1b[200~{long}\x1b[201~"));
    s.wait_for("THE-END");
    kill(&s, "-HUP");
    s.wait_exit();
    assert_eq!(std::fs::read(&path).expect("read"), before);
    let copies = tocplan::tui::recovery_copies(&path);
    let editing = copies[0].copy.editing.as_ref().expect("the editor's text");
    assert!(
        editing.text.ends_with("THE-END"),
        "{}",
        &editing.text[editing.text.len() - 40..]
    );
}
