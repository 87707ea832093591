//! The real binary in a real pseudo-terminal: it draws the plan, quits on `q`, and gives
//! the terminal back (alternate screen left, cursor shown).

#[path = "support/pty.rs"]
mod pty;

use std::time::Duration;

use pty::{BIN, Session, contains, example_copy};

#[test]
fn opens_an_example_plan_and_quits_restoring_the_terminal() {
    // A copy: the app locks the plan it opens, and tests run side by side.
    let (dir, _path) = example_copy("language-cafe.toml");
    let mut s = Session::start(&["p.toml"], dir.path());
    let screen = s.wait_for("q quit");
    assert!(screen.contains("Language café · Anytown"), "{screen}");
    assert!(
        screen.contains("2 Outcomes") && screen.contains("1 Goal"),
        "{screen}"
    );
    s.send("hhjq");
    assert_eq!(s.wait_exit(), 0);
    assert!(
        contains(&s.raw, b"\x1b[?1049h"),
        "entered the alternate screen"
    );
    let left = s
        .raw
        .windows(8)
        .rposition(|w| w == b"\x1b[?1049l")
        .expect("left the alternate screen");
    let entered = s
        .raw
        .windows(8)
        .rposition(|w| w == b"\x1b[?1049h")
        .expect("entered");
    assert!(left > entered);
}

#[test]
fn a_missing_file_opens_as_a_new_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(&["new-plan.toml"], dir.path());
    s.wait_for("New plan");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert!(
        !dir.path().join("new-plan.toml").exists(),
        "nothing is written until the planner saves"
    );
}

#[test]
fn an_empty_file_opens_as_a_new_plan_named_after_it_and_saves_into_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("welcome-hub.toml");
    // Blank lines and spaces only: what `: > file` or an editor's empty save leaves.
    std::fs::write(&path, "\n  \n\t\n").expect("write");
    let mut s = Session::start(&["welcome-hub.toml"], dir.path());
    let screen = s.wait_for("Welcome hub");
    assert!(!screen.contains("empty"), "{screen}");
    s.send("\x13");
    s.wait_for("Saved");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(
        text.starts_with("schema = 1\ntitle = \"Welcome hub\"\n"),
        "{text}"
    );
    let check = std::process::Command::new(BIN)
        .args(["check", "welcome-hub.toml"])
        .current_dir(dir.path())
        .output()
        .expect("check");
    let out = String::from_utf8_lossy(&check.stdout);
    assert!(!out.contains(": error:"), "{out}");
}

#[test]
fn hostile_plan_text_never_reaches_the_terminal_raw() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = "schema = 1\ntitle = \"Bad \\u001b]0;pwned\\u0007 \\u001b[31mred \\u009b2J\"\n\n[goal]\ntext = \"Goal \\u001bc reset\"\n";
    std::fs::write(dir.path().join("p.toml"), plan).expect("write");
    let mut s = Session::start(&["p.toml"], dir.path());
    s.wait_for("red");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    for needle in [
        &b"\x1b]0;pwned"[..],
        b"\x07",
        b"\x1b[31mred",
        b"\xc2\x9b",
        b"\x1bc",
    ] {
        assert!(!contains(&s.raw, needle), "{needle:?} reached the terminal");
    }
}

#[test]
fn builds_the_language_cafe_by_keystrokes_saves_and_checks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(&["cafe.toml"], dir.path());
    s.wait_for("? help");
    for (keys, text) in [
        (
            "a",
            "Participants have the confidence and the chances to use English every day",
        ),
        (
            "ha",
            "Participants have conversations regularly with local English speakers",
        ),
        ("ha", "Weekly café-style drop-in sessions with volunteers"),
        ("ha", "Open and run the drop-in café every Wednesday"),
    ] {
        s.send(keys);
        s.wait_for("^s/Enter keep");
        s.send(text);
        s.send("\r");
        // The editor closed and the status says so (not the last step's message).
        s.wait_until("the edit kept", |screen| {
            screen.contains("Kept (u undoes)") && !screen.contains("Esc cancel")
        });
    }
    let screen = s.wait_for("Open and run");
    assert!(screen.contains("[+]"), "{screen}");

    // Two stakeholders, both responsible for the activity (shared responsibility).
    s.send("S");
    s.send("aCafé volunteers\r");
    s.wait_for("Which group is");
    s.send("j\r");
    s.send("aAnytown Council\r");
    s.wait_for("Which group is");
    s.send("jj\r");
    s.wait_for("Group: institutions");
    s.send("\x1b");
    s.wait_for("? help");
    s.send("\r"); // the activity's form
    s.wait_for("Responsible");
    s.send("jjj\r");
    s.wait_for("Responsible (ids or names");
    s.send("cafe-volunteers\rAnytown Council");
    s.send("\x13");
    s.wait_for("Responsible kept");
    s.send("\x1b");
    s.wait_for("? help");

    // The output's count: a target and its unit, then a count so far.
    s.send("l\r");
    s.wait_for("Target count");
    s.send("j\r48\r");
    s.wait_for("Target count kept");
    s.send("\rsessions\r");
    s.wait_for("Counted in kept");
    s.send("r");
    s.wait_for("Count of output");
    s.send("12 2026-04-10\r");
    s.wait_for("Recorded 12");
    s.send("\x1b");
    s.wait_for("? help");

    // A measure of the outcome: why this indicator, two groups, a reading for each.
    s.send("l");
    s.send("m");
    s.wait_for("with an indicator");
    s.send("ask neighbours");
    s.wait_for("% confident to ask their neighbours");
    s.send("\r");
    s.wait_for("added");
    s.send("\r");
    s.wait_for("Why this indicator");
    s.send("Asking a neighbour is a bridge both sides can report");
    s.send("\x13");
    s.wait_for("Why this indicator kept");
    s.send("\r");
    s.wait_for("Groups compared");
    s.send("Women in the target group\rLocal residents");
    s.send("\x13");
    s.wait_for("Groups compared kept");
    s.send("r");
    s.wait_for("a group first");
    s.send("women: 18 2026-04-10\r");
    s.wait_for("Recorded 18");
    s.send("r");
    s.wait_for("a group first");
    s.send("2: 41 2026-04-10\r");
    s.wait_for("Recorded 41");
    s.send("\x1b");
    s.wait_for("? help");

    s.send("\x13"); // Ctrl-s
    s.wait_for("Saved cafe.toml");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);

    let saved = std::fs::read_to_string(dir.path().join("cafe.toml")).expect("saved");
    assert!(
        saved.contains("serves = [\"weekly-cafe-style-drop-in\"]"),
        "{saved}"
    );
    for written in [
        "responsible = [\"cafe-volunteers\", \"anytown-council\"]",
        "target = 48\nunit = \"sessions\"",
        "output = \"weekly-cafe-style-drop-in\"\ndate = 2026-04-10\nvalue = 12",
        "rationale = \"Asking a neighbour is a bridge both sides can report\"",
        "groups = [\n  \"Women in the target group\",\n  \"Local residents\",\n]",
        "group = \"Women in the target group\"\ndate = 2026-04-10\nvalue = 18",
        "group = \"Local residents\"\ndate = 2026-04-10\nvalue = 41",
    ] {
        assert!(saved.contains(written), "{written:?} not in\n{saved}");
    }
    let check = std::process::Command::new(BIN)
        .args(["check", "cafe.toml", "--no-user-banks"])
        .current_dir(dir.path())
        .output()
        .expect("check");
    assert_no_errors(&check);
}

/// `tocplan check` found no error: the plan is valid, and only the review's warnings
/// about what is still to plan (measures, stakeholders, ...) may remain.
fn assert_no_errors(check: &std::process::Output) {
    let out = String::from_utf8_lossy(&check.stdout);
    assert!(matches!(check.status.code(), Some(0 | 1)), "{out}");
    assert!(!out.contains(": error:"), "{out}");
    assert!(
        out.lines()
            .all(|l| l.contains("] ") || l.ends_with(']') || l.contains("(waived")),
        "only review findings: {out}"
    );
}

#[test]
fn quitting_with_unsaved_changes_asks_and_keeps_the_file() {
    let (dir, path) = example_copy("friendship-club.toml");
    let before = std::fs::read(&path).expect("read");
    let mut s = Session::start(&["p.toml"], dir.path());
    s.wait_for("? help");
    s.send("e!\r");
    s.wait_for("[+]");
    s.send("q");
    s.wait_for("Quit without saving?");
    s.send("n");
    s.wait_for("Not quitting");
    s.send(":q!\r");
    assert_eq!(s.wait_exit(), 0);
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

/// The first SGR sequence in the output that sets a colour (the resets 39, 49 and 59, which
/// return to the terminal's own colours, do not count).
fn colour_code(raw: &[u8]) -> Option<String> {
    let mut i = 0;
    while i + 1 < raw.len() {
        if raw[i] == 0x1b && raw[i + 1] == b'[' {
            let start = i + 2;
            let mut end = start;
            while end < raw.len() && !(0x40..=0x7e).contains(&raw[end]) {
                end += 1;
            }
            if end < raw.len() && raw[end] == b'm' {
                let params = String::from_utf8_lossy(&raw[start..end]).into_owned();
                let sets_colour = params.split([';', ':']).any(|p| {
                    p.parse::<u32>()
                        .is_ok_and(|n| matches!(n, 30..=38 | 40..=48 | 58 | 90..=97 | 100..=107))
                });
                if sets_colour {
                    return Some(params);
                }
            }
            i = end;
        }
        i += 1;
    }
    None
}

#[test]
fn no_color_means_no_colour_codes_at_all() {
    let (dir, _path) = example_copy("language-cafe.toml");
    let plan = "p.toml";
    // The same walk with colour on, so the check below is known to see colour codes.
    for (env, coloured) in [
        (&[("COLORTERM", "truecolor")][..], true),
        (&[][..], true),
        (&[("NO_COLOR", "1"), ("COLORTERM", "truecolor")][..], false),
    ] {
        let mut s = Session::start_env(&[plan, "--theme", "high-contrast"], dir.path(), env);
        s.wait_for("q quit");
        s.send("hjj?");
        s.wait_for("Help: the guide's words");
        // Close help with its own key: Esc then q at once reads as Alt-q.
        s.send("?");
        s.wait_for("h/l/j/k move");
        s.send("q");
        assert_eq!(s.wait_exit(), 0);
        assert_eq!(colour_code(&s.raw).is_some(), coloured, "{env:?}");
        if env.is_empty() {
            // Without COLORTERM only the 16 basic colours are sent (crossterm writes
            // them as indexes 0-15).
            let text = String::from_utf8_lossy(&s.raw);
            assert!(!text.contains("8;2;"), "true colour sent");
            for part in text.split("8;5;").skip(1) {
                let n: String = part.chars().take_while(char::is_ascii_digit).collect();
                assert!(n.parse::<u8>().is_ok_and(|n| n < 16), "colour index {n}");
            }
        }
    }
}

#[test]
fn a_broken_theme_or_config_warns_and_the_app_still_opens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("config/tocplan");
    std::fs::create_dir_all(&config).expect("mkdir");
    std::fs::write(config.join("config.toml"), "theme = \"mine.toml\"\n").expect("write");
    std::fs::write(
        config.join("mine.toml"),
        "[slots]\ngoal = { fg = \"mauve\" }\n",
    )
    .expect("write");
    // The user's keymap applies too: x quits, q no longer does.
    std::fs::write(
        config.join("keymap.toml"),
        "[normal]\n\"x\" = \"quit\"\n\"q\" = \"none\"\n",
    )
    .expect("write");
    let mut s = Session::start(&["p.toml"], dir.path());
    let screen = s.wait_for("mauve");
    assert!(screen.contains("1 Goal"), "{screen}");
    s.send("?");
    s.wait_for("Help: the guide's words");
    s.send("q");
    let screen = s.wait_for("x quit");
    assert!(!screen.contains("q quit"), "{screen}");
    s.send("q");
    std::thread::sleep(Duration::from_millis(300));
    assert!(s.child.try_wait().expect("wait").is_none(), "q was unbound");
    s.send("x");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn picks_an_indicator_fills_the_measure_and_saves() {
    let (dir, path) = example_copy("language-cafe.toml");
    let mut s = Session::start(&["p.toml"], dir.path());
    s.wait_for("? help");
    s.send("h"); // the first outcome
    s.send("m");
    s.wait_for("with an indicator");
    s.send("ask neighbours");
    s.wait_for("% confident to ask their neighbours");
    s.send("\r");
    s.wait_for("Measure `ask-neighbours-for-help` added");
    // Why this indicator comes first (Exercise 2), as long text kept with Ctrl-s.
    s.send("\r");
    s.wait_for("Why this indicator");
    s.send("Asking a neighbour is a bridge the women can name");
    s.send("\x13");
    s.wait_for("Why this indicator kept");
    s.send("j"); // past the comparison groups
    s.send("\r");
    s.wait_for("Baseline");
    s.send("12\r");
    s.wait_for("Baseline kept");
    s.send("\r");
    s.send("35\r");
    s.wait_for("Target kept");
    s.send("\x13"); // Ctrl-s
    s.wait_for("Saved p.toml");
    s.send("\x1b");
    s.wait_for("? help");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let saved = std::fs::read_to_string(&path).expect("saved");
    let block = saved
        .split("[[measure]]")
        .find(|b| b.contains("id = \"ask-neighbours-for-help\""))
        .unwrap_or_else(|| panic!("no new measure in\n{saved}"));
    assert!(
        block.contains("outcome = \"regular-conversations\""),
        "{block}"
    );
    assert!(
        block.contains("indicator = \"social-bridges.ask-neighbours-for-help\""),
        "{block}"
    );
    assert!(
        block.contains("baseline = 12") && block.contains("target = 35"),
        "{block}"
    );
    assert!(
        block.contains("rationale = \"Asking a neighbour is a bridge the women can name\""),
        "{block}"
    );
    let check = std::process::Command::new(BIN)
        .args(["check", "p.toml", "--no-user-banks"])
        .current_dir(dir.path())
        .output()
        .expect("check");
    assert_no_errors(&check);
}

#[test]
fn a_change_on_disk_is_noticed_and_never_overwritten_unasked() {
    let (dir, path) = example_copy("friendship-club.toml");
    let mut s = Session::start(&["p.toml"], dir.path());
    s.wait_for("? help");
    s.send("e!\r");
    s.wait_for("[+]");
    // Someone else changes the file (a git pull, another editor).
    let theirs = std::fs::read_to_string(&path).expect("read").replace(
        "title = \"Friendship Club\"",
        "title = \"Friendship Club (theirs)\"",
    );
    std::fs::write(&path, &theirs).expect("write");
    s.wait_for("changed on disk");
    s.send("n"); // keep ours
    s.wait_for("Keeping your version");
    s.send("\x13"); // Ctrl-s
    s.wait_for("changed since you read it");
    s.send("n");
    s.wait_for("Not saved");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), theirs);
    s.send("\x13");
    s.wait_for("changed since you read it");
    s.send("s");
    s.wait_for("Saved p.toml");
    let ours = std::fs::read_to_string(&path).expect("read");
    assert!(ours.contains("title = \"Friendship Club\"\n"), "{ours}");
    // Another outside change with nothing unsaved: reloaded without a question.
    std::fs::write(
        &path,
        ours.replace("title = \"Friendship Club\"", "title = \"Reloaded\""),
    )
    .expect("write");
    s.wait_for("Reloaded: the file changed on disk (u goes back)");
    s.wait_for("Reloaded ·");
    s.send("q");
    assert_eq!(s.wait_exit(), 0, "nothing unsaved after a reload");
}

/// Writes `path` as `sed -i` does: a new file renamed over the old one.
fn sed_like(path: &std::path::Path, from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{from}");
    let text = text.replace(from, to);
    let tmp = path.with_file_name("sedAbC123");
    std::fs::write(&tmp, &text).expect("write");
    std::fs::rename(&tmp, path).expect("rename");
    text
}

#[test]
fn an_outside_edit_of_another_item_merges_with_unsaved_work_and_saves_both() {
    let (dir, path) = example_copy("friendship-club.toml");
    let mut s = Session::start(&["p.toml"], dir.path());
    s.wait_for("? help");
    s.send("e!\r"); // the goal, in the app, unsaved
    s.wait_for("[+]");
    sed_like(
        &path,
        "title = \"Friendship Club\"",
        "title = \"Friendship Club (theirs)\"",
    );
    // The question's keys are on the status line, and a key that answers nothing says so.
    s.wait_for("m merge · y take the file's · n keep yours · d difference");
    s.send("E");
    s.wait_for("Answer the question first: y/n/m/d");
    s.send("d");
    s.wait_for("Your plan against the file on disk");
    s.send("\x1b");
    s.wait_for("m merges (yours and the file's changes kept");
    s.send("m");
    s.wait_for("Merged: your changes and the file's are both in the plan");
    s.send("\x13");
    s.wait_for("Saved p.toml");
    s.send("q");
    assert_eq!(s.wait_exit(), 0, "nothing unsaved after the save");
    let saved = std::fs::read_to_string(&path).expect("read");
    assert!(
        saved.contains("title = \"Friendship Club (theirs)\"\n"),
        "{saved}"
    );
    assert!(saved.contains("and feel they belong!\"\"\""), "{saved}");
    let check = std::process::Command::new(BIN)
        .args(["check", "p.toml", "--no-user-banks"])
        .current_dir(dir.path())
        .output()
        .expect("check");
    assert_no_errors(&check);
}

#[test]
fn a_lost_connection_keeps_unsaved_work_and_the_next_open_offers_it() {
    let (dir, path) = example_copy("friendship-club.toml");
    let before = std::fs::read(&path).expect("read");
    for signal in ["-HUP", "-TERM"] {
        let mut s = Session::start(&["p.toml"], dir.path());
        if signal == "-TERM" {
            // The copy from the first round is offered; open the file as saved instead.
            s.wait_for("ended suddenly");
            s.send("n");
            s.wait_for("Opened the file as it is");
        } else {
            s.wait_for("? help");
        }
        s.send("e, rescued\r");
        s.wait_for("[+]");
        let pid = s.child.process_id().expect("pid").to_string();
        let killed = std::process::Command::new("kill")
            .args([signal, &pid])
            .status()
            .expect("kill");
        assert!(killed.success());
        s.wait_exit();
        assert!(
            contains(&s.raw, b"\x1b[?1049l"),
            "{signal}: the terminal was given back"
        );
        assert_eq!(
            std::fs::read(&path).expect("read"),
            before,
            "the file is untouched"
        );
        let copies = tocplan::tui::recovery_copies(&path);
        assert!(
            copies.iter().any(|c| c.copy.plan.contains(", rescued\"")),
            "{copies:?}"
        );
    }
    // The next open offers them (newest first); taking one gives the work back as
    // unsaved changes, and saving removes the copies whose work is saved or declined.
    let mut s = Session::start(&["p.toml"], dir.path());
    s.wait_for("ended suddenly");
    s.send("y");
    s.wait_for("Recovered your unsaved work");
    // Then the older copy (from the first round): leave it.
    s.send("n");
    s.wait_for("Opened the file as it is");
    s.send("\x13");
    s.wait_for("Saved p.toml");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .contains(", rescued\"")
    );
    assert_eq!(
        tocplan::tui::recovery_copies(&path).len(),
        1,
        "the copy taken goes once its work is saved; the one left stays"
    );
}

#[test]
fn a_read_only_file_is_not_overwritten_and_the_plan_can_be_saved_elsewhere() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, path) = example_copy("friendship-club.toml");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = std::fs::read(&path).expect("read");
    let mut s = Session::start(&["p.toml"], dir.path());
    s.wait_for("? help");
    s.send("e, kept\r");
    s.wait_for("[+]");
    s.send("\x13");
    s.wait_for("read-only");
    let screen = s.wait_for(":w OTHER");
    assert!(
        screen.contains("[+]"),
        "still unsaved, still here: {screen}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
    s.send(":w elsewhere.toml\r");
    s.wait_for("Saved elsewhere.toml");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let saved = std::fs::read_to_string(dir.path().join("elsewhere.toml")).expect("saved");
    assert!(saved.contains(", kept\""));
}
