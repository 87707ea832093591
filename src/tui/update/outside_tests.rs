//! Outside changes at the level of `update`: what is ignored, what is asked, what a save
//! carries so the loop can refuse to overwrite, and the changes-since-HEAD view.

use super::tests::{built, keys, status};
use super::*;
use crate::tui::app::*;

#[test]
fn our_own_write_is_not_news_and_a_real_change_is_asked_about() {
    let mut a = built();
    a.set_disk(Some(7));
    update(
        &mut a,
        Msg::DiskChanged {
            text: None,
            hash: Some(7),
        },
    );
    assert!(a.question().is_none());
    let theirs = crate::plan::to_toml(&crate::plan::Plan::new("Theirs"));
    update(
        &mut a,
        Msg::DiskChanged {
            text: Some(theirs),
            hash: Some(8),
        },
    );
    assert!(matches!(a.question(), Some(&Question::DiskChanged { .. })));
    keys(&mut a, "y");
    assert_eq!(&a.plan().title, "Theirs");
    assert_eq!(a.disk(), Some(8));
    assert!(!a.dirty(), "the reloaded plan is the saved one");
    keys(&mut a, "u");
    assert_eq!(&a.plan().title, "t", "undo goes back to ours");
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
