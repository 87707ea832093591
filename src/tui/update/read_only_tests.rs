//! A plan `check` rejects opens read-only: no key changes it, nothing is saved over it,
//! and it is never called clear.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::tests::{ctrl, keys, status};
use super::*;
use crate::framework::Framework;
use crate::tui::app::*;

/// The friendship club with its second output given the first's id (as a bad merge or
/// a hand edit leaves it), and a stakeholder given another's: `check` reports errors.
fn broken() -> (tempfile::TempDir, App) {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/plans/friendship-club.toml"
    ))
    .expect("example")
    .replacen("id = \"shared-activities\"", "id = \"weekly-coffee\"", 1)
    .replacen("id = \"resident-members\"", "id = \"newcomer-members\"", 1);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.toml");
    std::fs::write(&path, &text).expect("write");
    let fw = Framework::builtin().expect("framework");
    let app = crate::tui::prepare(&path, &fw, &crate::tui::Options::default()).expect("opens");
    (dir, app)
}

/// The file changed on disk to `text`, as the watcher reports it.
fn disk_changed(app: &mut App, text: &str) {
    update(
        app,
        Msg::DiskChanged {
            text: Some(text.to_string()),
            hash: Some(crate::plan::content_hash(text.as_bytes())),
        },
    );
}

#[test]
fn a_plan_check_rejects_opens_read_only_on_its_errors() {
    let (_dir, app) = broken();
    assert!(app.problems().len() >= 2, "{:?}", app.problems());
    assert!(
        app.problems()
            .iter()
            .any(|p| p.contains("p.toml:") && p.contains("duplicate id `weekly-coffee`")),
        "messages as check prints them, with their lines: {:?}",
        app.problems()
    );
    assert_eq!(app.overlay(), Some(&Overlay::Review), "opens on the list");
    assert!(app.read_only().is_some());
    assert!(status(&app).contains("Read-only"));
}

/// The two examples that found it: deleting one of two outputs that share an id deleted
/// both; editing the second of two stakeholders that share an id changed the first.
#[test]
fn no_edit_can_address_an_item_ambiguously() {
    let (_dir, mut app) = broken();
    let before = app.plan().clone();
    keys(&mut app, "\u{1b}hhjd");
    assert!(app.question().is_none(), "no delete question");
    assert!(status(&app).contains("Read-only"), "{}", status(&app));
    keys(&mut app, "y");
    assert_eq!(*app.plan(), before);
    keys(&mut app, "S");
    keys(&mut app, "jjjjjj\n");
    assert!(
        app.editor().is_none() && app.choice().is_none(),
        "no editor opens"
    );
    assert_eq!(*app.plan(), before);
}

/// Every key in every mode, in random order: the plan never changes and no save of its
/// file is asked for (a save elsewhere, `:w OTHER`, may be).
#[test]
fn no_key_sequence_changes_a_read_only_plan() {
    use proptest::prelude::*;
    let alphabet: Vec<KeyEvent> = "hjklgGaAedD+-mrRESCuU:w\n/x1 yYnN?q"
        .chars()
        .map(|c| match c {
            '\n' => KeyEvent::from(KeyCode::Enter),
            c => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        })
        .chain([
            KeyCode::Esc.into(),
            KeyCode::Tab.into(),
            KeyCode::Backspace.into(),
            KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
            KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL),
        ])
        .collect();
    let (_dir, start) = broken();
    proptest!(ProptestConfig::with_cases(64), |(picks in proptest::collection::vec(0..alphabet.len(), 1..150))| {
        let mut app = start.clone();
        for i in picks {
            for effect in update(&mut app, Msg::Key(alphabet[i])) {
                if let Effect::Save { path, .. } = &effect {
                    prop_assert_ne!(path, start.path(), "asked to save over the file");
                }
            }
            prop_assert_eq!(app.plan(), start.plan());
        }
    });
}

#[test]
fn the_header_never_calls_a_rejected_plan_clear() {
    let (_dir, mut app) = broken();
    keys(&mut app, "\u{1b}");
    let backend = ratatui::backend::TestBackend::new(140, 30);
    let mut terminal = ratatui::Terminal::new(backend).expect("terminal");
    terminal
        .draw(|f| crate::tui::render(&app, f))
        .expect("draw");
    let header: String = (0..140)
        .map(|x| terminal.backend().buffer()[(x, 0)].symbol().to_string())
        .collect();
    assert!(header.starts_with("[RO] "), "{header}");
    assert!(
        header.contains("read-only:") && header.contains("errors (R)"),
        "{header}"
    );
    assert!(!header.contains("clear"), "{header}");
}

/// Fixed in another editor, the file reloads by itself and editing is on; broken again
/// from outside, the plan goes read-only again.
#[test]
fn a_fixed_file_reloads_and_can_be_edited() {
    let (_dir, mut app) = broken();
    let good = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/plans/friendship-club.toml"
    ))
    .expect("example");
    disk_changed(&mut app, &good);
    assert!(
        app.question().is_none(),
        "nothing of ours to lose: no question"
    );
    assert!(app.problems().is_empty());
    assert!(app.read_only().is_none());
    assert!(!app.dirty());
    keys(&mut app, "\u{1b}e");
    assert!(app.editor().is_some(), "editing is on");
    keys(&mut app, "\u{1b}");
    let bad = good.replacen("id = \"shared-activities\"", "id = \"weekly-coffee\"", 1);
    disk_changed(&mut app, &bad);
    keys(&mut app, "y");
    assert!(!app.problems().is_empty());
    assert!(ctrl(&mut app, 's').is_empty(), "nothing saved over it");
}

/// With unsaved work, a file broken from outside is not taken: the work would be left in
/// an undo history that a read-only plan cannot reach.
#[test]
fn unsaved_work_is_never_traded_for_a_broken_file() {
    let fw = Framework::builtin().expect("framework");
    let good = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/plans/friendship-club.toml"
    ))
    .expect("example");
    let plan = crate::plan::parse_plan_only(&good, std::path::Path::new("p.toml"))
        .expect("reads")
        .plan;
    let mut app = App::new(plan, "p.toml".into(), fw);
    keys(&mut app, "e, mine\n");
    assert!(app.dirty());
    let mine = app.plan().clone();
    let bad = good.replacen("id = \"shared-activities\"", "id = \"weekly-coffee\"", 1);
    disk_changed(&mut app, &bad);
    keys(&mut app, "y");
    assert_eq!(*app.plan(), mine, "ours is kept");
    assert!(app.problems().is_empty() && app.dirty());
    assert!(
        status(&app).contains("keeping your version"),
        "{}",
        status(&app)
    );
}

/// History can hold a plan `check` rejects (the file before it was fixed and reloaded):
/// undo never steps back into it.
#[test]
fn undo_never_steps_back_into_a_rejected_plan() {
    let (_dir, mut app) = broken();
    let good = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/plans/friendship-club.toml"
    ))
    .expect("example");
    disk_changed(&mut app, &good);
    assert!(app.read_only().is_none());
    let fixed = app.plan().clone();
    keys(&mut app, "\u{1b}u");
    assert_eq!(*app.plan(), fixed, "not undone into the broken plan");
    assert!(!app.dirty());
    assert!(status(&app).contains("Not undone"), "{}", status(&app));
    assert!(ctrl(&mut app, 'r').is_empty());
    assert_eq!(*app.plan(), fixed);
}

/// A recovery copy whose plan `check` rejects is never opened over the file: taking it
/// keeps it as a file of its own.
#[test]
fn recovered_work_check_rejects_is_kept_beside_never_opened() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.toml");
    let good = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/plans/friendship-club.toml"
    ))
    .expect("example");
    std::fs::write(&path, &good).expect("write");
    let bad = good.replacen("id = \"shared-activities\"", "id = \"weekly-coffee\"", 1);
    let fw = Framework::builtin().expect("framework");
    let mut app = crate::tui::prepare(&path, &fw, &crate::tui::Options::default()).expect("opens");
    let before = app.plan().clone();
    let offer = crate::tui::Offer {
        copy: crate::tui::RecoveryCopy::new(bad, None, crate::plan::file_hash(&path)),
        file: dir.path().join(".p.toml.1.recovery"),
        changed: Some(false),
    };
    app.ask(Question::Recover(Box::new(offer)));
    let effects = keys(&mut app, "y");
    assert!(
        matches!(&effects[..], [Effect::WriteCopy { .. }]),
        "{effects:?}"
    );
    assert_eq!(*app.plan(), before);
    assert!(app.read_only().is_none() && !app.dirty());
}

/// `:w` naming the plan's own file (as opened, or another way) never writes over a plan
/// `check` rejects: the loop refuses it, however the path is spelled (found by review).
#[test]
fn no_save_as_writes_over_a_read_only_plans_own_file() {
    let (dir, mut app) = broken();
    let before = std::fs::read(app.path()).expect("read");
    let (ranker, _jobs) = std::sync::mpsc::channel();
    let latest = std::sync::atomic::AtomicU64::new(0);
    let same = app.path().display().to_string();
    let other = dir.path().join(".").join("p.toml").display().to_string();
    for name in [same, other] {
        keys(&mut app, "\u{1b}");
        for c in format!(":w {name}\n").chars() {
            let code = match c {
                '\n' => KeyCode::Enter,
                c => KeyCode::Char(c),
            };
            crate::tui::event_loop::handle(
                &mut app,
                Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)),
                &ranker,
                &latest,
            );
        }
        // An overwrite question, if asked, answered yes: still refused.
        if app.question().is_some() {
            crate::tui::event_loop::handle(
                &mut app,
                Msg::Key(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE)),
                &ranker,
                &latest,
            );
        }
        assert_eq!(std::fs::read(app.path()).expect("read"), before, "{name}");
        assert!(status(&app).contains("read-only"), "{}", status(&app));
    }
}

/// A reload that would make the plan read-only is refused while an editor holds typed
/// text: that text would have nowhere to go (found by review).
#[test]
fn a_broken_reload_never_takes_an_editors_typed_text() {
    let fw = Framework::builtin().expect("framework");
    let good = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/plans/friendship-club.toml"
    ))
    .expect("example");
    let plan = crate::plan::parse_plan_only(&good, std::path::Path::new("p.toml"))
        .expect("reads")
        .plan;
    let mut app = App::new(plan, "p.toml".into(), fw);
    keys(&mut app, "e, typed");
    let bad = good.replacen("id = \"shared-activities\"", "id = \"weekly-coffee\"", 1);
    disk_changed(&mut app, &bad);
    keys(&mut app, "y");
    assert!(app.problems().is_empty(), "not taken over the typed text");
    let ed = app.editor().expect("the editor is still open");
    assert!(ed.area.lines().join("\n").ends_with(", typed"));
}
