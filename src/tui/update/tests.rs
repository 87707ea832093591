use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::framework::Framework;
use crate::plan::Plan;
use crate::tui::app::*;

pub(super) fn app() -> App {
    App::new(
        Plan::new("t"),
        "t.toml".into(),
        Framework::builtin().expect("framework"),
    )
}

/// The language café example plan, open in the app.
pub(super) fn cafe() -> App {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let plan = crate::plan::load(&root.join("plans/language-cafe.toml"))
        .expect("example")
        .plan;
    App::new(
        plan,
        "cafe.toml".into(),
        Framework::builtin().expect("framework"),
    )
}

/// The screen as drawn at the app's size, styles included (a selection is a style).
pub(super) fn drawn(a: &App) -> ratatui::buffer::Buffer {
    let (w, h) = a.viewport;
    let backend = ratatui::backend::TestBackend::new(w, h);
    let mut t = ratatui::Terminal::new(backend).expect("terminal");
    t.draw(|f| crate::tui::render::render(a, f)).expect("draw");
    t.backend().buffer().clone()
}

/// The screen's text at the app's size.
pub(super) fn screen(a: &App) -> String {
    let buf = drawn(a);
    let (w, h) = a.viewport;
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

pub(super) fn keys(app: &mut App, typed: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in typed.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\u{1b}' => KeyCode::Esc,
            '\t' => KeyCode::Tab,
            c => KeyCode::Char(c),
        };
        effects.extend(update(
            app,
            Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)),
        ));
    }
    effects
}

pub(super) fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    update(
        app,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    )
}

/// Puts the open form's cursor on the first field with this label.
pub(super) fn focus(app: &mut App, label: &str) {
    let Some(Overlay::Form(form)) = app.overlay().cloned() else {
        panic!("no form is open");
    };
    let rows = crate::tui::form::rows(app.plan(), app.fw(), &form);
    let at = rows
        .iter()
        .position(|r| r.label == label)
        .unwrap_or_else(|| panic!("no field {label}"));
    app.cursor_mut()
        .expect("the form's cursor")
        .set(at, rows.len());
}

pub(super) fn status(app: &App) -> String {
    app.status.as_ref().map(|s| s.1.clone()).unwrap_or_default()
}

/// Goal, one outcome, one output, one activity, by keys alone.
pub(super) fn built() -> App {
    let mut a = app();
    keys(&mut a, "aEveryone talks\n");
    keys(&mut a, "haPeople talk\n");
    keys(&mut a, "haA café\n");
    keys(&mut a, "haRun the café\n");
    a
}

#[test]
fn a_new_plan_opens_on_the_goal_and_builds_backwards() {
    let a = built();
    assert_eq!(a.plan().goal.text, "Everyone talks");
    assert_eq!(a.plan().outcomes[0].serves, vec!["goal"]);
    assert_eq!(a.plan().outputs[0].serves, vec!["people-talk"]);
    assert_eq!(a.plan().activities[0].serves, vec!["cafe"]);
    assert_eq!(a.pane, ACTIVITIES);
    assert!(a.dirty());
}

#[test]
fn skipping_ahead_is_refused_with_what_to_do_first() {
    let mut a = app();
    assert_eq!(a.pane, GOAL);
    keys(&mut a, "h");
    assert!(
        status(&a).starts_with("Set the goal first"),
        "{}",
        status(&a)
    );
    keys(&mut a, "a");
    assert!(a.editor().is_none());
    assert!(status(&a).starts_with("Set the goal first"));
    keys(&mut a, "hha");
    assert!(a.editor().is_none());
    assert!(
        status(&a).starts_with("Add an output first"),
        "{}",
        status(&a)
    );
    keys(&mut a, "la");
    assert!(
        status(&a).starts_with("Add an intermediate outcome first"),
        "{}",
        status(&a)
    );
    assert_eq!(a.plan().item_count(), 0);
}

#[test]
fn a_second_goal_is_refused() {
    let mut a = built();
    keys(&mut a, "llla");
    assert!(a.editor().is_none());
    assert!(status(&a).contains("one goal"), "{}", status(&a));
}

#[test]
fn editing_cancels_and_keeps() {
    let mut a = built();
    keys(&mut a, "eXYZ\u{1b}");
    assert_eq!(a.plan().activities[0].text, "Run the café");
    keys(&mut a, "e weekly\n");
    assert_eq!(a.plan().activities[0].text, "Run the café weekly");
    keys(&mut a, "a\n");
    assert_eq!(a.plan().activities.len(), 1, "empty text adds nothing");
}

#[test]
fn links_are_added_and_removed_from_the_keyboard() {
    let mut a = built();
    keys(&mut a, "llaOthers talk too\n");
    assert_eq!(a.plan().outcomes.len(), 2);
    keys(&mut a, "h+");
    assert_eq!(
        a.plan().outputs[0].serves,
        vec!["people-talk", "others-talk-too"]
    );
    keys(&mut a, "+");
    assert!(status(&a).contains("already serves"));
    keys(&mut a, "-");
    assert_eq!(a.plan().outputs[0].serves, vec!["people-talk"]);
    keys(&mut a, "lll+");
    assert!(status(&a).contains("goal serves nothing"));
}

#[test]
fn delete_asks_first_naming_dependants_and_undo_restores() {
    let mut a = built();
    keys(&mut a, "lld");
    match a.question() {
        Some(Question::Delete { id, dependants, .. }) => {
            assert_eq!(id, "people-talk");
            assert_eq!(dependants[0].id, "cafe");
        }
        other => panic!("expected a question, got {other:?}"),
    }
    keys(&mut a, "n");
    assert_eq!(a.plan().outcomes.len(), 1);
    keys(&mut a, "dy");
    assert!(a.plan().outcomes.is_empty());
    assert!(a.plan().outputs[0].serves.is_empty());
    keys(&mut a, "u");
    assert_eq!(a.plan().outcomes.len(), 1);
    assert_eq!(a.plan().outputs[0].serves, vec!["people-talk"]);
    // an item nothing depends on goes at once
    keys(&mut a, "hhd");
    assert!(a.question().is_none());
    assert!(a.plan().activities.is_empty());
}

#[test]
fn undo_and_redo_every_kind_of_change() {
    let mut a = built();
    let snapshots = [a.plan().clone()];
    keys(&mut a, "e!\n"); // edit
    keys(&mut a, "hA is the lack of places\n\u{1b}"); // assumption, then close its form
    keys(&mut a, "l"); // outcomes
    keys(&mut a, "aSecond\n");
    keys(&mut a, "h+"); // link
    keys(&mut a, "lhd"); // delete the output (asks: the activity would be orphaned)
    keys(&mut a, "y");
    let end = a.plan().clone();
    for _ in 0..5 {
        keys(&mut a, "u");
    }
    assert_eq!(*a.plan(), snapshots[0]);
    for _ in 0..5 {
        ctrl(&mut a, 'r');
    }
    assert_eq!(*a.plan(), end);
    keys(&mut a, "u");
    keys(&mut a, "u");
    keys(&mut a, "aBranch\n");
    ctrl(&mut a, 'r');
    assert_eq!(status(&a), "Nothing to redo", "a new change clears redo");
}

#[test]
fn unsaved_changes_guard_quitting() {
    let mut a = app();
    assert_eq!(keys(&mut a, "q"), vec![Effect::Quit], "nothing to lose");
    keys(&mut a, "aGoal\n");
    assert!(keys(&mut a, "q").is_empty());
    assert_eq!(a.question(), Some(&Question::QuitUnsaved));
    keys(&mut a, "n");
    assert!(a.question().is_none());
    assert!(keys(&mut a, ":q\n").is_empty());
    assert!(status(&a).contains(":q! quits without saving"));
    assert_eq!(keys(&mut a, ":q!\n"), vec![Effect::Quit]);
    assert!(keys(&mut a, "q").is_empty());
    assert_eq!(keys(&mut a, "y"), vec![Effect::Quit]);
}

#[test]
fn saving_clears_the_mark_and_undo_back_to_saved_is_clean() {
    let mut a = app();
    keys(&mut a, "aGoal\n");
    let effects = ctrl(&mut a, 's');
    let [
        Effect::Save {
            text,
            version,
            then_quit: false,
            ..
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}");
    };
    assert!(text.contains("text = \"Goal\""));
    let saved = Saved {
        path: "t.toml".into(),
        version: *version,
        fingerprint: 1,
    };
    update(&mut a, Msg::Saved(Ok(saved)));
    assert!(!a.dirty());
    keys(&mut a, "e!\n");
    assert!(a.dirty());
    keys(&mut a, "u");
    assert!(!a.dirty(), "back at the saved version");
    let wq = keys(&mut a, ":wq\n");
    assert!(matches!(
        wq.as_slice(),
        [Effect::Save {
            then_quit: true,
            ..
        }]
    ));
    // The save's own message names the file and says "not saved" once.
    let why = "p.toml: not saved: the disk is full while writing";
    let full = SaveError::Io {
        path: "p.toml".into(),
        doing: "while writing".into(),
        cause: std::io::ErrorKind::StorageFull.into(),
    };
    update(&mut a, Msg::Saved(Err(full.into())));
    assert_eq!(
        status(&a),
        format!("{why}. Your plan is still here: :w OTHER saves it elsewhere")
    );
}

#[test]
fn search_finds_across_panes_and_cycles() {
    let mut a = built();
    keys(&mut a, "/café\n");
    assert_eq!((a.pane, a.rows[a.pane]), (OUTPUTS, 0));
    assert!(status(&a).starts_with("Match 1 of 2"), "{}", status(&a));
    keys(&mut a, "n");
    assert_eq!(a.pane, ACTIVITIES);
    keys(&mut a, "N");
    assert_eq!(a.pane, OUTPUTS);
    keys(&mut a, "/zzz\n");
    assert!(status(&a).contains("Nothing in the plan matches"));
}

#[test]
fn help_and_detail_overlays_open_and_close() {
    let mut a = built();
    keys(&mut a, "?");
    assert_eq!(a.overlay(), Some(&Overlay::Help));
    keys(&mut a, "\u{1b}");
    assert_eq!(a.overlay(), None);
    keys(&mut a, "\n");
    assert_eq!(
        a.overlay(),
        Some(&Overlay::Form(Form::Item("run-the-cafe".into())))
    );
    keys(&mut a, "e");
    assert!(a.editor().is_some(), "e edits the selected field");
    keys(&mut a, "\u{1b}\u{1b}");
    assert_eq!(a.overlay(), None);
}

#[test]
fn no_key_sequence_panics() {
    let mut a = built();
    let all: Vec<char> = "hjklgGaoAd+-u\n\u{1b}\t:/?nNqyeq!wxSC ".chars().collect();
    // A deterministic walk through many key combinations.
    let mut seed: u64 = 7;
    for _ in 0..5000 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let c = all[(seed >> 33) as usize % all.len()];
        keys(&mut a, &c.to_string());
        if seed.is_multiple_of(11) {
            ctrl(&mut a, 'r');
        }
    }
}

/// The guide's nudge on the way to an outcome's outputs reads assumptions as the review
/// does: on the outcome itself or on a link into or out of it.
#[test]
fn the_assumption_nudge_counts_link_assumptions_as_the_review_does() {
    let fw = Framework::builtin().expect("framework");
    // Every outcome's assumption is on its link to the goal, with evidence.
    let mut a = App::new(crate::plan::synthetic::plan(10), "t.toml".into(), fw);
    keys(&mut a, "hh");
    assert!(!status(&a).contains("assumption"), "{}", status(&a));
    // Without it, the nudge comes.
    let mut b = built();
    keys(&mut b, "ll");
    keys(&mut b, "h");
    assert!(
        status(&b).contains("has no assumption yet"),
        "{}",
        status(&b)
    );
}
