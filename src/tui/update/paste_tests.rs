//! A paste is text: into the editor in one step, never keys run as commands.

use super::tests::{app, built, keys, status};
use super::*;

#[test]
fn a_paste_outside_an_editor_changes_nothing_and_says_where_it_goes() {
    let mut a = built();
    let before = a.plan().clone();
    // Pasted onto the panes, these words would edit (e), add (a) and delete (d).
    let effects = update(&mut a, Msg::Paste("edit and delete\nq".into()));
    assert!(effects.is_empty());
    assert_eq!(*a.plan(), before);
    assert!(a.editor().is_none());
    assert!(status(&a).contains("open one first"), "{}", status(&a));
}

#[test]
fn a_paste_goes_into_the_editor_in_one_step() {
    let mut a = built();
    // The context's problem: longer text, its line breaks kept.
    keys(&mut a, "Cj\n");
    assert!(a.editor().is_some_and(|e| e.multiline));
    update(&mut a, Msg::Paste("First line\r\nsecond line".into()));
    let ed = a.editor().expect("editor");
    assert!(
        ed.area
            .lines()
            .join("\n")
            .ends_with("First line\nsecond line")
    );
    // A one-line field: the breaks become spaces, and the paste is not kept by its Enter.
    let mut b = app();
    keys(&mut b, "\n");
    update(&mut b, Msg::Paste("Everyone\nbelongs".into()));
    let ed = b.editor().expect("editor still open");
    assert_eq!(ed.area.lines().join("\n"), "Everyone belongs");
    assert!(b.plan().goal.text.is_empty(), "nothing kept yet");
}

/// A large paste is one insertion, not a key per character.
#[test]
fn a_large_paste_is_one_insertion() {
    let mut a = built();
    keys(&mut a, "Cj\n");
    let big = "word ".repeat(40_000);
    update(&mut a, Msg::Paste(big.clone()));
    let ed = a.editor().expect("editor");
    assert!(ed.area.lines().join("\n").contains(big.trim_end()));
}
