//! Snapshots of every screen and overlay at 80x24 and 120x40, and checks that small and
//! tiny terminals degrade without panicking.

#[path = "support/example.rs"]
mod example;
#[path = "support/keys.rs"]
mod keys;

use example::example;

use keys::keys;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tocplan::framework::Framework;
use tocplan::plan::{Plan, load};
use tocplan::tui::{App, render};

fn empty() -> App {
    App::new(
        Plan::new("Welcome hub"),
        "welcome-hub.toml".into(),
        Framework::builtin().expect("framework"),
    )
}

fn draw(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| render(app, f)).expect("draw");
    t.backend().to_string()
}

/// One snapshot per size, named after the screen.
fn snap(name: &str, app: &App) {
    insta::assert_snapshot!(format!("{name}-80x24"), draw(app, 80, 24));
    insta::assert_snapshot!(format!("{name}-120x40"), draw(app, 120, 40));
}

#[test]
fn empty_plan() {
    snap("empty-plan", &empty());
}

#[test]
fn each_example_plan() {
    for (name, file) in [
        ("language-cafe", "language-cafe.toml"),
        ("friendship-club", "friendship-club.toml"),
        ("ict-mentoring", "ict-mentoring.toml"),
        ("college-attainment", "college-attainment.toml"),
    ] {
        snap(name, &example(file));
    }
}

#[test]
fn chain_highlight_on_an_output() {
    let mut a = example("ict-mentoring.toml");
    keys(&mut a, "hhj");
    snap("chain-highlight", &a);
}

#[test]
fn detail_view() {
    let mut a = example("language-cafe.toml");
    keys(&mut a, "h\n");
    snap("detail-outcome", &a);
    let mut a = example("language-cafe.toml");
    keys(&mut a, "hhh\n");
    snap("detail-activity", &a);
    // An output counts: its target and unit, then its assumptions' evidence with what it
    // says of the assumption and its limitations.
    let mut a = example("language-cafe.toml");
    keys(&mut a, "hh\n");
    snap("detail-output", &a);
}

#[test]
fn forms_for_stakeholders_and_context() {
    let mut a = example("language-cafe.toml");
    keys(&mut a, "S");
    snap("stakeholders", &a);
    let mut a = example("language-cafe.toml");
    keys(&mut a, "C");
    snap("context", &a);
    let mut a = empty();
    keys(&mut a, "S");
    snap("stakeholders-none", &a);
}

#[test]
fn chooser_and_multi_line_editor() {
    let mut a = example("language-cafe.toml");
    // The first activity's "Responsible" field (the fourth row) opens a chooser.
    keys(&mut a, "hhh\njjj\n");
    snap("choose-responsible", &a);
    let mut a = example("language-cafe.toml");
    keys(&mut a, "hhh\njj\n");
    snap("editor-resources", &a);
}

#[test]
fn picker() {
    let mut a = example("language-cafe.toml");
    keys(&mut a, "hm");
    snap("picker-empty", &a);
    keys(&mut a, "language practice");
    snap("picker-query", &a);
    let mut a = example("language-cafe.toml");
    keys(&mut a, "hmneighbours\t\t\t\t\t\t\t");
    snap("picker-domain-filter", &a);
    let mut a = example("language-cafe.toml");
    keys(&mut a, "hmzzqqxx");
    snap("picker-no-results", &a);
}

/// Issue 16: a query that no indicator matches whole shows the partial matches after the
/// full ones, counted apart; a thesaurus hit says which word led where in the preview.
#[test]
fn picker_partial_matches_and_a_thesaurus_hit() {
    let mut a = example("language-cafe.toml");
    keys(&mut a, "hmwaiting list for english classes");
    snap("picker-partial-matches", &a);
    let mut a = example("language-cafe.toml");
    keys(&mut a, "hmxenophobic");
    snap("picker-thesaurus-hit", &a);
}

/// The matched characters are drawn in the match style (underlined in every theme).
#[test]
fn picker_highlights_the_matched_characters() {
    let mut a = example("language-cafe.toml");
    keys(&mut a, "hmOUTSIDE práctice");
    let mut t = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    t.draw(|f| render(&a, f)).expect("draw");
    let buf = t.backend().buffer();
    let lit: String = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .filter_map(|(x, y)| buf.cell((x, y)))
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::UNDERLINED))
        .map(|c| c.symbol().to_string())
        .collect();
    // Case and accents are folded for matching; the original letters are lit.
    assert!(lit.starts_with("practiceout"), "{lit}");
}

#[test]
fn review_overlay() {
    let fw = Framework::builtin().expect("framework");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/review/multi-dimensional.fail.toml");
    let plan = load(&path).expect("fixture loads").plan;
    let mut a = App::new(plan, path, fw);
    snap("review-marks-in-panes", &a);
    keys(&mut a, "R");
    snap("review", &a);
    // The colleges' plan has advice and nothing worse.
    let mut a = example("college-attainment.toml");
    keys(&mut a, "R");
    snap("review-advice-only", &a);
}

#[test]
fn evaluation_view() {
    let mut a = example("language-cafe.toml");
    keys(&mut a, "E");
    snap("evaluation", &a);
    let mut a = empty();
    keys(&mut a, "E");
    snap("evaluation-empty", &a);
}

/// An off-track measure shows its mark, why it is off track, and the activities that feed
/// it; a measure read for two groups shows each group and the gap.
#[test]
fn evaluation_view_off_track_and_groups() {
    let mut a = example("language-cafe.toml");
    keys(&mut a, "Er11 2026-10-01\n");
    snap("evaluation-off-track", &a);
    keys(&mut a, "jj");
    snap("evaluation-groups", &a);
}

#[test]
fn help_overlay() {
    let mut a = example("language-cafe.toml");
    keys(&mut a, "?");
    snap("help", &a);
}

#[test]
fn editor() {
    let mut a = example("language-cafe.toml");
    keys(&mut a, "haMore women join in");
    snap("editor-new-outcome", &a);
}

#[test]
fn delete_confirmation() {
    let mut a = example("language-cafe.toml");
    keys(&mut a, "hd");
    snap("delete-confirmation", &a);
}

/// The second outcome takes measures with readings, and assumptions with evidence: the
/// question counts them all.
#[test]
fn delete_confirmation_counts_readings_and_evidence() {
    let mut a = example("language-cafe.toml");
    keys(&mut a, "hjd");
    snap("delete-confirmation-counts", &a);
}

/// A stakeholder in activities' lists is asked about, naming the activities.
#[test]
fn delete_confirmation_of_a_stakeholder() {
    let mut a = example("language-cafe.toml");
    keys(&mut a, ":stakeholders\nGd");
    snap("delete-confirmation-stakeholder", &a);
}

#[test]
fn quit_with_unsaved_changes() {
    let mut a = example("language-cafe.toml");
    keys(&mut a, "e!\nq");
    snap("quit-unsaved", &a);
}

#[test]
fn refusal_to_add_an_activity_before_any_output() {
    let mut a = empty();
    keys(&mut a, "aEveryone talks\nhaPeople talk\nhha");
    snap("refusal-activity-first", &a);
}

#[test]
fn command_line() {
    let mut a = example("friendship-club.toml");
    keys(&mut a, ":wq");
    snap("command-line", &a);
}

#[test]
fn hostile_text_is_shown_not_executed() {
    let mut a = example("language-cafe.toml");
    a.change(tocplan::tui::Edit::Field, |p| {
        p.title = "Evil \u{1b}[2J\u{1b}]0;pwned\u{7} title".into()
    });
    let screen = draw(&a, 80, 24);
    assert!(!screen.contains('\u{1b}') && !screen.contains('\u{7}'));
    assert!(screen.contains("Evil ␛[2J␛]0;pwned␇ title"), "{screen}");
}

#[test]
fn narrow_terminals_show_the_focused_pane_and_a_neighbour() {
    let mut a = example("friendship-club.toml");
    let screen = draw(&a, 40, 12);
    insta::assert_snapshot!("narrow-40x12", screen);
    assert!(
        screen.contains("◀ 2 Outco") || screen.contains("◀ 2 Outcomes"),
        "{screen}"
    );
    keys(&mut a, "hhh");
    insta::assert_snapshot!("narrow-40x12-activities", draw(&a, 40, 12));
}

#[test]
fn tiny_terminals_do_not_panic() {
    let mut a = example("college-attainment.toml");
    for overlay in ["", "?", "\u{1b}\n", "\u{1b}e", "\u{1b}\u{1b}d"] {
        keys(&mut a, overlay);
        for (w, h) in [
            (1, 1),
            (2, 1),
            (10, 2),
            (10, 3),
            (20, 3),
            (23, 5),
            (40, 12),
            (79, 23),
        ] {
            draw(&a, w, h);
        }
    }
}

/// A plan `check` rejects opens read-only on its errors (paths as given, so stable).
#[test]
fn read_only_plan_errors() {
    let fw = Framework::builtin().expect("framework");
    let path = std::path::Path::new("tests/fixtures/bad/duplicate-id.toml");
    let app = tocplan::tui::prepare(path, &fw, &tocplan::tui::Options::default()).expect("opens");
    snap("read-only-errors", &app);
}

/// The questions asked at start: a recovery copy (the file unchanged, or changed since,
/// with text that was being typed) and a plan open in another instance.
#[test]
fn start_questions() {
    use tocplan::tui::{EditTarget, Editing, Layer, LockHolder, Offer, Question, RecoveryCopy};
    let mut app = example("language-cafe.toml");
    let copy = |editing| RecoveryCopy {
        tocplan_recovery: 1,
        plan: String::new(),
        editing,
        base: None,
        pid: 4242,
        for_plan: None,
    };
    app.close(|l| matches!(l, Layer::Question(_)));
    app.ask(Question::Recover(Box::new(Offer {
        copy: copy(None),
        file: ".p.toml.4242.recovery".into(),
        changed: Some(false),
    })));
    snap("recover-unchanged", &app);
    app.close(|l| matches!(l, Layer::Question(_)));
    app.ask(Question::Recover(Box::new(Offer {
        copy: copy(Some(Editing {
            target: EditTarget::Goal,
            title: "Goal: what long-term change do we want to see?".into(),
            text: "half".into(),
        })),
        file: ".p.toml.4242.recovery".into(),
        changed: Some(true),
    })));
    snap("recover-changed-editing", &app);
    app.close(|l| matches!(l, Layer::Question(_)));
    app.ask(Question::OpenElsewhere(LockHolder {
        pid: 4242,
        host: "planning-server".into(),
        since: 1_796_160_000,
    }));
    snap("open-elsewhere", &app);
}

/// The questions about the file changing on disk: the box and, on the status line, the
/// question's keys.
#[test]
fn outside_change_questions() {
    use tocplan::tui::{Layer, Question};
    // The path as the planner typed it (the example helper's is absolute, machine's own).
    let mut app = App::new(
        example("language-cafe.toml").plan().clone(),
        "language-cafe.toml".into(),
        Framework::builtin().expect("framework"),
    );
    let text = Some(String::from("schema = 1\ntitle = \"Theirs\"\n"));
    app.ask(Question::DiskChanged {
        text: text.clone(),
        hash: Some(8),
    });
    snap("disk-changed-unsaved", &app);
    app.close(|l| matches!(l, Layer::Question(_)));
    let path = app.path().to_path_buf();
    app.ask(Question::OverwriteNewer {
        path,
        then_quit: false,
        text,
        hash: Some(8),
    });
    snap("save-over-changed-file", &app);
    app.close(|l| matches!(l, Layer::Question(_)));
    app.ask(Question::OverwriteNewer {
        path: "other.toml".into(),
        then_quit: false,
        text: None,
        hash: Some(8),
    });
    snap("save-over-another-file", &app);
}

/// The evaluation view at 80 columns: every "From → to" whole, cut texts ending in "…",
/// and the details saying when they go on; in a short terminal the table scrolls with
/// marks for the measures out of sight.
#[test]
fn evaluation_view_marks_what_it_cannot_show() {
    let mut a = example("language-cafe.toml");
    keys(&mut a, "Er11 2026-10-01\n");
    let screen = draw(&a, 80, 24);
    assert!(screen.contains("-25 → -10 2027"), "{screen}");
    assert!(screen.contains("… 10 → 40 2027"), "{screen}");
    assert!(screen.contains("gap -25 → -10 2027"), "{screen}");
    assert!(
        screen.contains("… more: Enter opens the measure's fields"),
        "{screen}"
    );
    // Without room for details the box's border carries the marks; with it, the rule.
    let mut a = example("ict-mentoring.toml");
    keys(&mut a, "E");
    for (w, h) in [(80, 14), (80, 20)] {
        keys(&mut a, "g");
        let top = draw(&a, w, h);
        insta::assert_snapshot!(format!("evaluation-scrolled-top-{w}x{h}"), top);
        assert!(top.contains("↓ "), "{top}");
        keys(&mut a, "G");
        let bottom = draw(&a, w, h);
        insta::assert_snapshot!(format!("evaluation-scrolled-bottom-{w}x{h}"), bottom);
        assert!(bottom.contains("↑ "), "{bottom}");
        assert!(!bottom.contains("↓ "), "{bottom}");
    }
    for (w, h) in [(20, 5), (40, 12), (60, 14), (80, 15)] {
        draw(&a, w, h);
    }
    // At 40 columns the year and then the latest value give way, never the target.
    let mut a = example("friendship-club.toml");
    keys(&mut a, "E");
    let narrow = draw(&a, 40, 12);
    insta::assert_snapshot!("evaluation-40x12", narrow);
    assert!(narrow.contains("gap -30 → -10"), "{narrow}");
    assert!(narrow.contains("20 → 45 "), "{narrow}");
}

/// The picker says how many results are above and below the ones it shows.
#[test]
fn picker_marks_the_results_out_of_sight() {
    let mut a = example("language-cafe.toml");
    keys(&mut a, "hm");
    let screen = draw(&a, 80, 24);
    assert!(screen.contains("↓ 179 below"), "{screen}");
    assert!(!screen.contains("above"), "{screen}");
    keys::press(&mut a, ratatui::crossterm::event::KeyCode::PageDown);
    let screen = draw(&a, 80, 24);
    insta::assert_snapshot!("picker-scrolled-80x24", screen);
    assert!(screen.contains("↑ 3 above · ↓ 176 below"), "{screen}");
    for (w, h) in [(20, 5), (40, 12), (80, 10)] {
        draw(&a, w, h);
    }
}
