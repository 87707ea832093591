//! The stack under change: a question asked again replaces the stale one, views under the
//! top keep their cursor inside lists that shrank or lines that moved, the status line
//! speaks for the top layer only, and a late answer from git never covers what is typed.

use super::tests::{built, cafe, keys, screen};
use super::*;
use crate::tui::app::*;
use crate::tui::undo::Edit;

fn cafe_text(place: &str) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join("plans/language-cafe.toml"))
        .expect("example")
        .replace("place = \"Anytown\"", &format!("place = \"{place}\""))
}

#[test]
fn the_file_changing_twice_asks_once_about_the_newest() {
    let mut a = cafe();
    for (place, hash) in [("Othertown", 1), ("Thirdtown", 2)] {
        update(
            &mut a,
            Msg::DiskChanged {
                text: Some(cafe_text(place)),
                hash: Some(hash),
            },
        );
    }
    keys(&mut a, "y");
    assert_eq!(a.plan().context.place, "Thirdtown");
    assert!(a.question().is_none(), "no stale question left to answer");
    assert_eq!(a.disk(), Some(2));
}

#[test]
fn a_list_that_shrinks_under_its_view_keeps_the_selection_inside() {
    // The evaluation's last measure undone while the view is open.
    let mut a = cafe();
    a.change(Edit::Add(crate::plan::Kind::Measure), |p| {
        p.add_measure("regular-conversations", "social-bridges.mixing-socially")
            .expect("added")
    });
    keys(&mut a, "EG");
    let before = crate::plan::evaluation::rows(a.plan(), a.fw()).len();
    assert_eq!(a.cursor().at(), before - 1);
    keys(&mut a, "u");
    let after = crate::plan::evaluation::rows(a.plan(), a.fw()).len();
    assert_eq!(after, before - 1);
    assert_eq!(a.cursor().at(), after - 1, "on the last measure there is");
    // The review's findings shrink under it when the file is reloaded.
    let mut b = built();
    keys(&mut b, "RG");
    let findings = b.findings().len();
    update(
        &mut b,
        Msg::DiskChanged {
            text: Some(cafe_text("Anytown")),
            hash: Some(9),
        },
    );
    keys(&mut b, "y");
    assert!(b.findings().len() < findings, "{}", b.findings().len());
    assert_eq!(b.cursor().at(), b.findings().len().saturating_sub(1));
}

#[test]
fn a_resize_under_help_keeps_the_changes_view_within_its_lines() {
    let mut a = cafe();
    update(
        &mut a,
        Msg::Head(Ok(Some("schema = 1\ntitle = \"t\"\n".into()))),
    );
    keys(&mut a, "G?");
    update(
        &mut a,
        Msg::Resize {
            width: 200,
            height: 60,
        },
    );
    keys(&mut a, "\u{1b}");
    let bottom = a.cursor().at();
    let shown = screen(&a);
    keys(&mut a, "k");
    assert_eq!(a.cursor().at() + 1, bottom.max(1));
    assert_ne!(screen(&a), shown, "the first k shows a line more");
}

#[test]
fn the_status_line_speaks_for_the_top_layer() {
    let mut a = cafe();
    a.ask(Question::QuitUnsaved);
    assert!(screen(&a).contains("y yes"), "{}", screen(&a));
    a.open_overlay(Overlay::Changes {
        title: "t".into(),
        text: "a\nb\n".into(),
    });
    let s = screen(&a);
    let status = s.lines().last().unwrap_or_default();
    assert!(!status.contains("y yes"), "{status}");
}

#[test]
fn changes_arriving_late_never_cover_what_is_typed() {
    let mut a = cafe();
    keys(&mut a, "e");
    assert!(a.editor().is_some());
    update(
        &mut a,
        Msg::Head(Ok(Some("schema = 1\ntitle = \"t\"\n".into()))),
    );
    assert!(
        matches!(a.top(), Some(Layer::Editor(_))),
        "the editor stays on top"
    );
    assert!(a.overlay().is_none());
}
