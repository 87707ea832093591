//! A one-word edit made in the app to a 400-character text is a one-line change of the
//! file in git: the real binary in a pseudo-terminal, the real `git diff`.

#[path = "support/pty.rs"]
mod pty;
#[path = "support/repo.rs"]
mod repo;

use pty::Session;
use repo::*;

/// 400 characters of a problem statement, one paragraph, as a planner types one.
const PROBLEM: &str = "Young people who arrived in this borough on their own are placed in \
college courses without an assessment of what they learnt before, so many repeat work they \
have already done. Tutors have little time to find out, and the students, who are often \
anxious about their asylum claims, rarely say that a course is too easy. Within a term a \
third of them have stopped coming, and few return the next year.";

/// In the context form, the problem's editor: from the start of the text forward over
/// `word + 1` words, the word before deleted (with its space) and `new` typed; kept, the
/// form closed, the plan saved.
fn replace_word(s: &mut Session, word: usize, new: &str) {
    s.send("C");
    s.wait_for("The plan's context");
    s.send("j\r");
    s.wait_for("Esc cancel");
    s.send("\x1b[H");
    for _ in 0..=word {
        s.send("\x1bf");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    s.send("\x1b\x7f");
    s.send(&format!("{new} \x13"));
    s.wait_for("kept (u undoes)");
    s.send("\x1b");
    s.wait_until("the form closed", |screen| {
        !screen.contains("The plan's context")
    });
    s.send("\x13");
    s.wait_for("Saved plans/cafe.toml");
}

#[test]
fn a_one_word_edit_in_the_app_to_a_400_character_text_changes_one_line() {
    assert_eq!(PROBLEM.chars().count(), 400);
    let dir = repo();
    let d = dir.path();
    commit_edit(d, "The problem as one paragraph", |p| {
        p.context.problem = PROBLEM.to_string()
    });
    let mut s = Session::start(&["plans/cafe.toml"], d);
    s.wait_for("Activities");
    let mut want = PROBLEM.to_string();
    for (word, old, new) in [(6, "borough", "area"), (14, "courses", "classes")] {
        replace_word(&mut s, word, new);
        let saved = tocplan::plan::load(&d.join("plans/cafe.toml")).expect("saved");
        want = want.replacen(&format!(" {old} "), &format!(" {new} "), 1);
        assert_eq!(saved.plan.context.problem, want);
        let numstat = text(&git(d, &["diff", "--numstat"]));
        let diff = text(&git(d, &["diff"]));
        assert_eq!(
            numstat, "1\t1\tplans/cafe.toml\n",
            "{old} -> {new}:\n{diff}"
        );
        git(d, &["commit", "-q", "-am", new]);
    }
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}
