//! Outside changes at the level of `update`: what is ignored, what is asked, what a save
//! carries so the loop can refuse to overwrite, and the changes-since-HEAD view.

use super::tests::{built, keys, status};
use super::*;
use crate::tui::app::*;

/// `built()`, saved as the file with fingerprint 7 (so the app knows it as its base).
fn saved_app() -> App {
    let mut a = built();
    let saved = crate::tui::outcome::Saved {
        path: a.path().to_path_buf(),
        version: a.version(),
        fingerprint: 7,
    };
    update(&mut a, Msg::Saved(Ok(saved)));
    assert!(!a.dirty());
    a
}

/// The file as another program left it: the app's plan as saved, changed by `edit`.
fn outside(a: &App, edit: impl FnOnce(&mut crate::plan::Plan)) -> String {
    let mut theirs = a.known.base.clone();
    edit(&mut theirs);
    crate::plan::to_toml(&theirs)
}

fn arrives(a: &mut App, text: String, hash: u64) {
    update(
        a,
        Msg::DiskChanged {
            text: Some(text),
            hash: Some(hash),
        },
    );
}

fn save_guard(a: &mut App) -> Guard {
    match super::tests::ctrl(a, 's').as_slice() {
        [Effect::Save { guard, .. }] => *guard,
        other => panic!("{other:?}"),
    }
}

#[test]
fn our_own_write_is_not_news_and_with_nothing_unsaved_a_change_is_reloaded_quietly() {
    let mut a = saved_app();
    update(
        &mut a,
        Msg::DiskChanged {
            text: None,
            hash: Some(7),
        },
    );
    assert!(a.question().is_none());
    let theirs = outside(&a, |p| p.title = "Theirs".into());
    arrives(&mut a, theirs, 8);
    assert!(
        a.question().is_none(),
        "nothing of ours to lose: no question"
    );
    assert_eq!(&a.plan().title, "Theirs");
    assert_eq!(
        status(&a),
        "Reloaded: the file changed on disk (u goes back)"
    );
    assert_eq!(a.disk(), Some(8));
    assert!(!a.dirty(), "the reloaded plan is the saved one");
    keys(&mut a, "u");
    assert_eq!(&a.plan().title, "t", "undo goes back to ours");
}

#[test]
fn undoing_a_reload_then_saving_asks_instead_of_overwriting_the_file() {
    // The report: y, then u, then Ctrl-s overwrote the outside title edit unasked.
    let mut a = saved_app();
    a.change(crate::tui::undo::Edit::Field, |p| {
        p.outcomes[0].text = "People talk more".into()
    });
    let theirs = outside(&a, |p| p.title = "Theirs".into());
    arrives(&mut a, theirs, 8);
    keys(&mut a, "y");
    assert_eq!(&a.plan().title, "Theirs");
    assert_eq!(save_guard(&mut a), Guard::Fingerprint(8));
    keys(&mut a, "u");
    assert_eq!(&a.plan().title, "t");
    assert!(a.dirty());
    // Saved only over the version the app read before: the loop finds the file's and asks.
    assert_eq!(save_guard(&mut a), Guard::Fingerprint(7));
    // Redo makes the file's version the known one again.
    super::tests::ctrl(&mut a, 'r');
    assert_eq!(&a.plan().title, "Theirs");
    assert_eq!(save_guard(&mut a), Guard::Fingerprint(8));
}

#[test]
fn with_unsaved_work_m_merges_the_files_change_with_ours_by_item() {
    let mut a = saved_app();
    a.change(crate::tui::undo::Edit::Field, |p| {
        p.outcomes[0].text = "People talk more".into()
    });
    let theirs = outside(&a, |p| p.title = "Theirs".into());
    arrives(&mut a, theirs, 8);
    assert!(matches!(a.question(), Some(&Question::DiskChanged { .. })));
    assert!(
        a.status.is_none(),
        "the status line shows the question's keys"
    );
    // Keys that answer nothing are said, not swallowed.
    keys(&mut a, "E");
    assert!(matches!(a.question(), Some(&Question::DiskChanged { .. })));
    assert_eq!(status(&a), "Answer the question first: y/n/m/d");
    keys(&mut a, "G");
    assert!(matches!(a.question(), Some(&Question::DiskChanged { .. })));
    keys(&mut a, "m");
    assert!(a.question().is_none());
    assert_eq!(&a.plan().title, "Theirs", "the file's change is in");
    assert_eq!(a.plan().outcomes[0].text, "People talk more", "ours too");
    assert!(a.dirty(), "the merge is unsaved");
    assert!(status(&a).starts_with("Merged:"), "{}", status(&a));
    // The merge took the file's version in: saving replaces that version only.
    assert_eq!(save_guard(&mut a), Guard::Fingerprint(8));
    keys(&mut a, "u");
    assert_eq!(&a.plan().title, "t");
    assert_eq!(a.plan().outcomes[0].text, "People talk more");
    assert_eq!(save_guard(&mut a), Guard::Fingerprint(7));
}

#[test]
fn a_conflict_in_the_merge_keeps_ours_and_is_listed() {
    let mut a = saved_app();
    a.change(crate::tui::undo::Edit::Field, |p| {
        p.goal.text = "Our goal".into()
    });
    let theirs = outside(&a, |p| {
        p.goal.text = "Their goal".into();
        p.title = "Theirs".into();
    });
    arrives(&mut a, theirs, 8);
    keys(&mut a, "m");
    assert_eq!(a.plan().goal.text, "Our goal");
    assert_eq!(&a.plan().title, "Theirs", "the clean part merged");
    let Some(Overlay::Changes { text, .. }) = a.overlay() else {
        panic!("{:?}", a.overlay());
    };
    assert!(
        text.contains("goal `goal`: `text` was changed differently on both sides"),
        "{text}"
    );
    assert!(status(&a).contains("1 conflict"), "{}", status(&a));
}

#[test]
fn d_shows_the_difference_and_the_question_comes_back() {
    let mut a = saved_app();
    a.change(crate::tui::undo::Edit::Field, |p| {
        p.outcomes[0].text = "People talk more".into()
    });
    let theirs = outside(&a, |p| p.title = "Theirs".into());
    arrives(&mut a, theirs, 8);
    keys(&mut a, "d");
    let Some(Overlay::Changes { text, .. }) = a.overlay() else {
        panic!("{:?}", a.overlay());
    };
    assert!(text.contains("Theirs"), "{text}");
    keys(&mut a, "\u{1b}");
    assert!(matches!(a.question(), Some(&Question::DiskChanged { .. })));
    keys(&mut a, "n");
    assert_eq!(&a.plan().title, "t");
}

#[test]
fn after_keeping_ours_a_save_asks_once_and_m_merges_then_saves() {
    let mut a = saved_app();
    a.change(crate::tui::undo::Edit::Field, |p| {
        p.outcomes[0].text = "People talk more".into()
    });
    let theirs = outside(&a, |p| p.title = "Theirs".into());
    arrives(&mut a, theirs.clone(), 8);
    keys(&mut a, "n");
    assert!(a.question().is_none());
    // The same version is not asked about again.
    arrives(&mut a, theirs.clone(), 8);
    assert!(a.question().is_none());
    assert_eq!(save_guard(&mut a), Guard::Fingerprint(7));
    let path = a.path().to_path_buf();
    update(
        &mut a,
        Msg::SaveConflict {
            path,
            then_quit: false,
            text: Some(theirs),
            hash: Some(8),
        },
    );
    assert!(matches!(
        a.question(),
        Some(&Question::OverwriteNewer { .. })
    ));
    assert!(a.status.is_none());
    keys(&mut a, "x");
    assert_eq!(status(&a), "Answer the question first: s/m/n/d");
    let effects = keys(&mut a, "m");
    let [
        Effect::Save {
            guard: Guard::Fingerprint(8),
            text,
            ..
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}");
    };
    assert!(text.contains("title = \"Theirs\""), "{text}");
    assert!(text.contains("People talk more"), "{text}");
}

#[test]
fn saves_carry_the_fingerprint_and_a_conflict_asks_before_overwriting() {
    let mut a = built();
    a.set_disk(Some(5));
    let effects = super::tests::ctrl(&mut a, 's');
    assert!(matches!(
        effects.as_slice(),
        [Effect::Save {
            guard: Guard::Fingerprint(5),
            ..
        }]
    ));
    let elsewhere = keys(&mut a, ":w other.toml\n");
    assert!(matches!(
        elsewhere.as_slice(),
        [Effect::Save {
            guard: Guard::Absent,
            ..
        }]
    ));
    update(
        &mut a,
        Msg::SaveConflict {
            path: "t.toml".into(),
            then_quit: false,
            text: None,
            hash: None,
        },
    );
    assert!(matches!(
        a.question(),
        Some(&Question::OverwriteNewer { .. })
    ));
    let forced = keys(&mut a, "y");
    assert!(matches!(
        forced.as_slice(),
        [Effect::Save {
            guard: Guard::Any,
            ..
        }]
    ));
    update(
        &mut a,
        Msg::SaveConflict {
            path: "t.toml".into(),
            then_quit: false,
            text: None,
            hash: None,
        },
    );
    assert!(keys(&mut a, "n").is_empty());
    assert!(status(&a).contains("Not saved"));
}

#[test]
fn the_changes_view_shows_the_diff_against_head() {
    let mut a = built();
    let effects = keys(&mut a, "D");
    assert!(matches!(effects.as_slice(), [Effect::ReadHead { .. }]));
    let mut head = a.plan().clone();
    head.goal.text = "An older goal".into();
    update(&mut a, Msg::Head(Ok(Some(crate::plan::to_toml(&head)))));
    let Some(Overlay::Changes { text, .. }) = a.overlay() else {
        panic!("{:?}", a.overlay());
    };
    assert!(text.contains("~ goal"), "{text}");
    assert!(text.contains("Plan: 1 goal changed, 0 removed."), "{text}");
    keys(&mut a, "\u{1b}");
    assert!(a.overlay().is_none());
    update(
        &mut a,
        Msg::Head(Err(GitError::NoRepository("t.toml".into()))),
    );
    assert!(status(&a).contains("Not in a git repository"));
}
