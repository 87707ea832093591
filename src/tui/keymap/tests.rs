use super::*;

fn key(c: KeyCode, m: KeyModifiers) -> KeyEvent {
    KeyEvent::new(c, m)
}

#[test]
fn no_key_is_bound_twice_in_a_mode() {
    let km = Keymap::default();
    assert_eq!(km.bindings.len(), table::DEFAULTS.len(), "every key parses");
    assert_eq!(km.duplicates(), vec![]);
}

#[test]
fn duplicates_are_found() {
    let mut km = Keymap::default();
    km.bindings.push(km.bindings[0]);
    assert_eq!(km.duplicates(), vec![(Mode::Normal, "h".to_string())]);
}

#[test]
fn every_action_has_a_name_and_every_binding_a_description() {
    let km = Keymap::default();
    for b in &km.bindings {
        assert!(
            table::NAMES.iter().any(|(a, _)| *a == b.action),
            "{:?}",
            b.action
        );
        assert!(!help(b.mode, b.action).is_empty(), "{:?}", b);
    }
}

#[test]
fn every_mode_hints_fit_in_80_columns() {
    let km = Keymap::default();
    for m in Mode::ALL {
        let h = km.hints(m);
        assert!(!h.is_empty(), "{m:?}");
        assert!(h.chars().count() <= 78, "{m:?}: {h}");
    }
    assert_eq!(
        km.hints(Mode::Normal),
        "? help · q quit · h/l/j/k move · Enter open · a add · ^s save · i guide"
    );
}

#[test]
fn lookups_follow_the_table() {
    let km = Keymap::default();
    let none = KeyModifiers::NONE;
    let ctrl = KeyModifiers::CONTROL;
    let shift = KeyModifiers::SHIFT;
    assert_eq!(
        km.lookup(Mode::Normal, key(KeyCode::Char('G'), shift)),
        Some(Action::Bottom)
    );
    assert_eq!(
        km.lookup(Mode::Normal, key(KeyCode::BackTab, shift)),
        Some(Action::PrevPane)
    );
    assert_eq!(
        km.lookup(Mode::Normal, key(KeyCode::BackTab, none)),
        Some(Action::PrevPane)
    );
    assert_eq!(
        km.lookup(Mode::Normal, key(KeyCode::Char('r'), ctrl)),
        Some(Action::Redo)
    );
    assert_eq!(km.lookup(Mode::Normal, key(KeyCode::Char('r'), none)), None);
    assert_eq!(km.lookup(Mode::Editor, key(KeyCode::Char('x'), none)), None);
    assert_eq!(
        km.lookup(Mode::Editor, key(KeyCode::Char('c'), ctrl)),
        Some(Action::Cancel)
    );
}

#[test]
fn a_user_keymap_rebinds_unbinds_and_the_hints_follow() {
    let mut km = Keymap::default();
    let warnings = km.apply_user(
        "[normal]\n\"x\" = \"delete\"\n\"ctrl-n\" = \"add\"\n\"a\" = \"none\"\n\"d\" = \"none\"\n",
        "keymap.toml",
    );
    assert_eq!(warnings, Vec::<String>::new());
    let none = KeyModifiers::NONE;
    assert_eq!(
        km.lookup(Mode::Normal, key(KeyCode::Char('x'), none)),
        Some(Action::Delete)
    );
    assert_eq!(km.lookup(Mode::Normal, key(KeyCode::Char('d'), none)), None);
    assert_eq!(km.lookup(Mode::Normal, key(KeyCode::Char('a'), none)), None);
    assert!(
        km.hints(Mode::Normal).contains("o add"),
        "{}",
        km.hints(Mode::Normal)
    );
    assert_eq!(km.duplicates(), vec![]);
}

#[test]
fn a_bad_user_keymap_warns_and_keeps_the_rest() {
    let mut km = Keymap::default();
    let warnings = km.apply_user(
        "[normal]\n\"x\" = \"explode\"\n\"ctrl-x-y\" = \"quit\"\n\"X\" = \"quit\"\n[nowhere]\n\"y\" = \"quit\"\n[form]\n\"ctrl+N\" = \"add\"\n\"Ctrl-n\" = \"delete\"\n",
        "k.toml",
    );
    assert_eq!(warnings.len(), 4, "{warnings:?}");
    assert_eq!(
        km.lookup(Mode::Normal, key(KeyCode::Char('X'), KeyModifiers::SHIFT)),
        Some(Action::Quit)
    );
    let before = Keymap::default();
    let mut broken = Keymap::default();
    let w = broken.apply_user("[normal\n", "k.toml");
    assert!(w[0].contains("k.toml:1:"), "{w:?}");
    assert_eq!(broken, before);
}

/// The app's guide (docs/app.md, linked from the README) lists what a keymap can bind.
#[test]
fn the_apps_guide_names_every_action_and_mode() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/app.md"))
        .expect("docs/app.md");
    for (_, name) in table::NAMES {
        assert!(
            readme.contains(&format!("`{name}`")),
            "docs/app.md lacks `{name}`"
        );
    }
    for m in Mode::ALL {
        assert!(readme.contains(&format!("`{}`", m.key())), "{m:?}");
    }
}

#[test]
fn every_action_is_bound_and_has_help_in_every_mode() {
    // The declaration's grammar and its const checks make this so; this says it aloud.
    for a in Action::ALL {
        assert!(table::DEFAULTS.iter().any(|(_, _, b)| b == a), "{a:?}");
        assert_eq!(Action::from_name(a.name()), Some(*a));
        for m in Mode::ALL {
            assert!(!help(m, *a).is_empty(), "{a:?} in {m:?}");
        }
    }
}
