//! The evaluation view: rows follow the plan, r records a reading (undoable), bad input
//! keeps the editor open, Enter opens the measure in its outcome's form.

use super::tests::{focus, keys, status};
use super::*;
use crate::framework::Framework;
use crate::tui::app::*;

fn cafe() -> App {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/language-cafe.toml");
    let plan = crate::plan::load(&path).expect("load").plan;
    App::new(plan, path, Framework::builtin().expect("framework"))
}

#[test]
fn a_reading_is_recorded_from_the_evaluation_view_and_undone() {
    let mut a = cafe();
    keys(&mut a, "E");
    assert_eq!(a.overlay(), Some(&Overlay::Evaluation));
    let n = a.plan().readings.len();
    let measure = crate::plan::evaluation::rows(a.plan(), a.fw())[1]
        .measure
        .clone();
    keys(&mut a, "jr");
    assert!(a.editor().is_some());
    keys(&mut a, "lots\n");
    assert!(a.editor().is_some(), "a bad value keeps the editor open");
    assert!(status(&a).contains("number"), "{}", status(&a));
    for _ in 0..4 {
        update(
            &mut a,
            Msg::Key(ratatui::crossterm::event::KeyEvent::new(
                ratatui::crossterm::event::KeyCode::Backspace,
                ratatui::crossterm::event::KeyModifiers::NONE,
            )),
        );
    }
    keys(&mut a, "31 2026-11-02 after half term\n");
    assert_eq!(a.plan().readings.len(), n + 1);
    let r = a.plan().readings.last().expect("reading");
    assert_eq!(
        (r.measure.as_str(), r.note.as_str()),
        (measure.as_str(), "after half term")
    );
    assert!(status(&a).starts_with("Recorded 31"), "{}", status(&a));
    keys(&mut a, "u");
    assert_eq!(a.plan().readings.len(), n);
    keys(&mut a, "\n");
    assert!(matches!(a.overlay(), Some(&Overlay::Form(Form::Item(_)))));
}

#[test]
fn r_in_an_outcomes_details_records_for_the_measure_under_the_cursor() {
    let mut a = cafe();
    keys(&mut a, "h\n");
    focus(&mut a, "Progress");
    let Some(Overlay::Form(form)) = a.overlay().cloned() else {
        panic!("form");
    };
    let rows = crate::tui::form::rows(a.plan(), a.fw(), &form);
    let measure = match &rows[a.cursor().at()].deletes {
        Some((_, m)) => m.clone(),
        None => panic!("row"),
    };
    keys(&mut a, "r12 2026-12-01\n");
    assert!(
        a.plan()
            .readings
            .iter()
            .any(|r| r.measure == measure && r.date.to_string() == "2026-12-01")
    );
}

/// Enter on a measure opens its outcome's form on that measure's fields, where what the
/// view had to cut is in full (the second measure of an outcome, not the outcome's text).
#[test]
fn enter_opens_the_form_on_the_selected_measures_fields() {
    let mut a = cafe();
    keys(&mut a, "Ej");
    let row = crate::plan::evaluation::rows(a.plan(), a.fw())[1].clone();
    keys(&mut a, "\n");
    let Some(Overlay::Form(form)) = a.overlay().cloned() else {
        panic!("a form opens");
    };
    assert_eq!(form, Form::Item(row.outcome.clone()));
    let rows = crate::tui::form::rows(a.plan(), a.fw(), &form);
    let at = a.cursor().at();
    assert_eq!(
        rows[at].field,
        Some(crate::plan::Field::MeasureIndicator(row.measure)),
        "the cursor is on the measure's indicator"
    );
}
