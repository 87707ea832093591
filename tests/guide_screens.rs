//! The guide panel at 80x24 and 120x40: each pane, an activity's barrier being chosen,
//! the stakeholders form, the evaluation view and the review; and small terminals.

#[path = "support/example.rs"]
mod example;
#[path = "support/keys.rs"]
mod keys;

use example::example;

use keys::keys;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tocplan::tui::{App, Msg, render, update};

fn draw(app: &mut App, w: u16, h: u16) -> String {
    update(
        app,
        Msg::Resize {
            width: w,
            height: h,
        },
    );
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| render(app, f)).expect("draw");
    t.backend().to_string()
}

/// The café with the guide shown (its message cleared, so the hints show), then `typed`.
fn guided(typed: &str) -> App {
    let mut a = example("language-cafe.toml");
    keys(&mut a, "i");
    a.status = None;
    keys(&mut a, typed);
    a
}

fn snap(name: &str, typed: &str) {
    let mut a = guided(typed);
    insta::assert_snapshot!(format!("{name}-80x24"), draw(&mut a, 80, 24));
    let mut a = guided(typed);
    insta::assert_snapshot!(format!("{name}-120x40"), draw(&mut a, 120, 40));
}

#[test]
fn guide_on_each_pane() {
    snap("guide-goal", "");
    snap("guide-outcomes", "h");
    snap("guide-outputs", "hh");
    snap("guide-activities", "hhh");
}

#[test]
fn guide_while_editing_an_activitys_barrier() {
    // The activity's form: Text, Resources, Barrier; the barrier's editor open.
    snap("guide-barrier", "hhh\njje");
}

#[test]
fn guide_in_the_stakeholders_form() {
    snap("guide-stakeholders", "S");
}

#[test]
fn guide_in_the_evaluation_view() {
    snap("guide-evaluation", "E");
}

#[test]
fn guide_in_the_review() {
    // The colleges' plan has findings; the first one's step is shown.
    let mut a = example("college-attainment.toml");
    keys(&mut a, "i");
    a.status = None;
    keys(&mut a, "R");
    insta::assert_snapshot!("guide-review-80x24", draw(&mut a, 80, 24));
    insta::assert_snapshot!("guide-review-120x40", draw(&mut a, 120, 40));
}

#[test]
fn guide_on_small_terminals_does_not_break() {
    for (w, h) in [(40, 12), (30, 8), (20, 5), (60, 20)] {
        let mut a = guided("hhh\njje");
        let s = draw(&mut a, w, h);
        assert!(!s.is_empty());
    }
    let mut a = guided("");
    insta::assert_snapshot!("guide-40x12", draw(&mut a, 40, 12));
}
