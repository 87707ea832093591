//! The layer stack: help opens over every form and view and closing it returns there with
//! the cursor where it was; in every list and scrolled view `G` then `k` moves up one;
//! no key handler calls into another handler's file.

use super::tests::{built, cafe, drawn, keys};
use super::*;
use crate::tui::app::*;

/// The changes view of a long text, as `Msg::Head` opens it (HEAD had an empty plan).
fn changes(a: &mut App) {
    update(a, Msg::Head(Ok(Some("schema = 1\ntitle = \"t\"\n".into()))));
}

/// Each form and view over the panes, opened as a planner opens it.
fn views() -> Vec<(&'static str, App)> {
    let open = |mut a: App, typed: &str| {
        keys(&mut a, typed);
        a
    };
    let mut with_changes = cafe();
    changes(&mut with_changes);
    vec![
        ("item form", open(cafe(), "h\n")),
        ("stakeholders", open(cafe(), "S")),
        ("context", open(cafe(), "C")),
        ("review", open(built(), "R")),
        ("evaluation", open(cafe(), "E")),
        ("changes", with_changes),
    ]
}

#[test]
fn help_over_every_form_and_view_returns_to_it_with_its_cursor() {
    for (name, mut a) in views() {
        assert!(a.overlay().is_some(), "{name}: open");
        keys(&mut a, "jj");
        let (overlay, cursor) = (a.overlay().cloned(), a.cursor());
        assert!(cursor.at() > 0, "{name}: the cursor moved");
        keys(&mut a, "?");
        assert_eq!(a.overlay(), Some(&Overlay::Help), "{name}: help on top");
        keys(&mut a, "j\u{1b}");
        assert_eq!(a.overlay().cloned(), overlay, "{name}: back where it was");
        assert_eq!(a.cursor(), cursor, "{name}: the cursor where it was");
        keys(&mut a, "\u{1b}");
        assert!(a.overlay().is_none(), "{name}: Esc again closes it");
    }
}

#[test]
fn g_then_k_moves_up_one_in_every_list_and_scrolled_view() {
    let mut help = cafe();
    keys(&mut help, "?");
    let mut all = views();
    all.push(("help", help));
    for (name, mut a) in all {
        for size in [(80, 24), (120, 40)] {
            update(
                &mut a,
                Msg::Resize {
                    width: size.0,
                    height: size.1,
                },
            );
            keys(&mut a, "G");
            let bottom = a.cursor().at();
            let at_bottom = drawn(&a);
            assert!(bottom > 0, "{name} {size:?}: G went somewhere");
            keys(&mut a, "k");
            assert_eq!(a.cursor().at(), bottom - 1, "{name} {size:?}");
            assert!(drawn(&a) != at_bottom, "{name} {size:?}: k shows it");
            keys(&mut a, "G");
            assert_eq!(a.cursor().at(), bottom, "{name} {size:?}: G is the last");
            keys(&mut a, "g");
        }
    }
}

#[test]
fn a_smaller_terminal_keeps_the_scroll_within_the_last_page() {
    let mut a = cafe();
    keys(&mut a, "?G");
    let big = a.cursor().at();
    update(
        &mut a,
        Msg::Resize {
            width: 80,
            height: 40,
        },
    );
    assert!(a.cursor().at() < big, "a taller view has fewer first lines");
    keys(&mut a, "k");
    assert_eq!(
        a.cursor().at() + 1,
        super::super::render::scroll_positions(&a, &Overlay::Help) - 1
    );
}

/// Whether `text` names the sibling module `name` (`super::name`, not a module of that
/// name further up such as `super::super::form`).
fn names(text: &str, name: &str) -> bool {
    let needle = format!("super::{name}");
    text.match_indices(&needle).any(|(i, _)| {
        let after = text[i + needle.len()..].chars().next();
        !text[..i].ends_with("super::") && matches!(after, Some(':' | ';' | ',' | '}'))
    }) || text.contains(&format!("super::{{{name}"))
}

/// No key handler module names another: each reaches the others' layers through
/// `open` and the app, so a key is followed in one hop from `dispatch`.
#[test]
fn no_handler_calls_into_another_handler() {
    let handlers = [
        "dialog",
        "edit",
        "evaluation",
        "form",
        "normal",
        "outside",
        "picker",
        "recover",
        "review",
    ];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui/update");
    let read = |m: &str| std::fs::read_to_string(dir.join(format!("{m}.rs"))).expect("module");
    for h in handlers {
        let text = read(h);
        for other in handlers.iter().filter(|o| **o != h) {
            assert!(!names(&text, other), "{h}.rs names the handler {other}");
        }
    }
    // The shared modules name no handler, so there is no way round.
    for shared in ["open", "search"] {
        let text = read(shared);
        for h in handlers {
            assert!(!names(&text, h), "{shared}.rs names the handler {h}");
        }
    }
    assert!(names("use super::form::x;", "form") && !names("super::super::form::x", "form"));
}
