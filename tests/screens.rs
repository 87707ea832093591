//! Snapshots of every screen the app has, at 80x24 and at a larger size, and a check that
//! tiny terminals never panic.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tocplan::framework::Framework;
use tocplan::plan::{Plan, load};
use tocplan::tui::{Action, App, render, update};

fn app(plan: &str) -> App {
    let fw = Framework::builtin().expect("framework");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("plans")
        .join(plan);
    let plan = load(&path).expect("example loads").plan;
    App::new(plan, path, fw)
}

fn draw(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| render(app, f)).expect("draw");
    t.backend().to_string()
}

#[test]
fn example_plan_at_80x24() {
    insta::assert_snapshot!(draw(&app("language-cafe.toml"), 80, 24));
}

#[test]
fn example_plan_at_160x48_with_outputs_selected() {
    let mut a = app("ict-mentoring.toml");
    update(&mut a, Action::PaneLeft);
    update(&mut a, Action::PaneLeft);
    update(&mut a, Action::Down);
    insta::assert_snapshot!(draw(&a, 160, 48));
}

#[test]
fn new_empty_plan_at_80x24() {
    let fw = Framework::builtin().expect("framework");
    let a = App::new(Plan::new("Welcome hub"), "welcome-hub.toml".into(), fw);
    insta::assert_snapshot!(draw(&a, 80, 24));
}

#[test]
fn hostile_text_is_shown_not_executed() {
    let mut a = app("language-cafe.toml");
    a.plan.title = "Evil \u{1b}[2J\u{1b}]0;pwned\u{7} title".into();
    let screen = draw(&a, 80, 24);
    assert!(!screen.contains('\u{1b}') && !screen.contains('\u{7}'));
    assert!(screen.contains("Evil �[2J�]0;pwned� title"));
}

#[test]
fn tiny_terminals_do_not_panic() {
    let a = app("college-attainment.toml");
    for (w, h) in [(1, 1), (2, 1), (10, 2), (20, 3), (40, 12), (79, 23)] {
        draw(&a, w, h);
    }
}

#[test]
fn small_terminal_still_shows_every_pane_s_items() {
    let screen = draw(&app("friendship-club.toml"), 40, 12);
    insta::assert_snapshot!(screen);
    assert!(screen.contains("• Host"), "{screen}");
    assert!(screen.contains('…'), "{screen}");
}
