//! Deletes say everything that goes and ask when they take more than the item; undo and
//! redo name the action they undid (issue 17's stumbles, as a planner reported them).

use super::tests::{cafe, ctrl, keys, screen, status};
use crate::plan::{Fate, Kind};
use crate::tui::app::*;

/// The question as drawn, joined into one line of words (it wraps in its box).
fn question_text(a: &App) -> String {
    screen(a).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Puts the open form's cursor on the row that deletes `id`.
fn on_row(a: &mut App, id: &str) {
    let Some(Overlay::Form(form)) = a.overlay().cloned() else {
        panic!("no form is open");
    };
    let rows = crate::tui::form::rows(a.plan(), a.fw(), &form);
    let at = rows
        .iter()
        .position(|r| r.deletes.as_ref().is_some_and(|(_, i)| i == id))
        .unwrap_or_else(|| panic!("no row deletes {id}"));
    a.cursor_mut().expect("cursor").set(at, rows.len());
}

#[test]
fn an_outcome_delete_counts_its_readings_and_evidence() {
    let mut a = cafe();
    a.viewport = (80, 24);
    let id = "lasting-connections";
    let readings = |p: &crate::plan::Plan| {
        let measures: Vec<&str> = p
            .measures
            .iter()
            .filter(|m| m.outcome == id)
            .map(|m| m.id.as_str())
            .collect();
        p.readings
            .iter()
            .filter(|r| measures.contains(&r.measure.as_str()))
            .count()
    };
    let n = readings(a.plan());
    assert!(n > 1, "the example's outcome has readings");
    a.select(id);
    keys(&mut a, "d");
    let Some(Question::Delete { dependants, .. }) = a.question().cloned() else {
        panic!("expected a question, got {:?}", a.question());
    };
    let said: usize = dependants
        .iter()
        .map(|d| match d.fate {
            Fate::Readings(n) => n,
            _ => 0,
        })
        .sum();
    assert_eq!(said, n);
    let evidence = dependants
        .iter()
        .filter(|d| d.kind == Kind::Evidence)
        .count();
    assert!(evidence > 1, "{dependants:?}");
    let text = question_text(&a);
    assert!(text.contains(&format!("{n} readings")), "{text}");
    assert!(
        text.contains(&format!("{evidence} pieces of evidence")),
        "{text}"
    );
    assert!(text.contains("measures"), "{text}");
    keys(&mut a, "y");
    assert_eq!(readings(a.plan()), 0);
    assert_eq!(
        a.plan().readings.len() + n,
        cafe().plan().readings.len(),
        "the question said every reading that went"
    );
}

#[test]
fn undo_and_redo_of_a_delete_name_the_delete() {
    let mut a = cafe();
    a.select("regular-conversations");
    keys(&mut a, "dy");
    keys(&mut a, "u");
    let s = status(&a);
    assert!(
        s.starts_with("Undone: deleted intermediate outcome '"),
        "{s}"
    );
    assert!(!s.contains("more change"), "{s}");
    ctrl(&mut a, 'r');
    let s = status(&a);
    assert!(
        s.starts_with("Redone: deleted intermediate outcome '"),
        "{s}"
    );
}

#[test]
fn undo_and_redo_of_a_rename_name_the_rename() {
    let mut a = cafe();
    a.select("regular-conversations");
    keys(&mut a, ":id talking\n");
    assert!(a.plan().kind_of("talking").is_some());
    keys(&mut a, "u");
    let s = status(&a);
    assert!(
        s.starts_with("Undone: renamed intermediate outcome `regular-conversations` to `talking`"),
        "{s}"
    );
    ctrl(&mut a, 'r');
    assert!(status(&a).starts_with("Redone: renamed intermediate outcome"));
}

#[test]
fn undo_and_redo_of_a_reading_name_the_reading() {
    let mut a = cafe();
    let measure = a.plan().measures[0].id.clone();
    super::open::record(&mut a, measure.clone());
    keys(&mut a, "17 2026-11-30\n");
    assert!(
        a.plan()
            .readings
            .iter()
            .any(|r| r.measure == measure && r.date.to_string() == "2026-11-30"),
        "{}",
        status(&a)
    );
    keys(&mut a, "u");
    let s = status(&a);
    assert!(
        s.starts_with("Undone: recorded a reading of measure '"),
        "{s}"
    );
    ctrl(&mut a, 'r');
    assert!(status(&a).starts_with("Redone: recorded a reading of measure '"));
}

#[test]
fn undo_and_redo_of_an_add_name_the_item_added() {
    let mut a = cafe();
    a.select("regular-conversations");
    keys(&mut a, "aPeople chat in the market\n");
    keys(&mut a, "u");
    let s = status(&a);
    assert!(
        s.starts_with("Undone: added intermediate outcome 'People chat in the market'"),
        "{s}"
    );
    ctrl(&mut a, 'r');
    let s = status(&a);
    assert!(
        s.starts_with("Redone: added intermediate outcome 'People chat"),
        "{s}"
    );
}

#[test]
fn a_stakeholder_delete_that_takes_references_asks_first() {
    let mut a = cafe();
    a.viewport = (80, 24);
    let before = a.plan().clone();
    keys(&mut a, ":stakeholders\n");
    on_row(&mut a, "volunteers");
    keys(&mut a, "d");
    assert!(
        matches!(a.question(), Some(Question::Delete { id, .. }) if id == "volunteers"),
        "{:?}",
        a.question()
    );
    let text = question_text(&a);
    assert!(text.contains("It is no longer a partner in:"), "{text}");
    assert!(
        text.contains("2 activities: `run-the-cafe`, `recruit-volunteers`"),
        "{text}"
    );
    keys(&mut a, "n");
    assert_eq!(a.plan(), &before, "n keeps it");
    assert!(a.plan().stakeholders.iter().any(|s| s.id == "volunteers"));
    keys(&mut a, "dy");
    assert!(!a.plan().stakeholders.iter().any(|s| s.id == "volunteers"));
    assert!(
        a.plan()
            .activities
            .iter()
            .all(|x| !x.partners.iter().any(|p| p == "volunteers"))
    );
    keys(&mut a, "u");
    let s = status(&a);
    assert!(s.starts_with("Undone: deleted stakeholder '"), "{s}");
    assert_eq!(a.plan(), &before);
}

#[test]
fn an_assumption_delete_in_its_form_asks_naming_its_evidence() {
    let mut a = cafe();
    a.viewport = (80, 24);
    a.select("regular-conversations");
    keys(&mut a, "\n");
    on_row(&mut a, "few-chances-to-practise");
    keys(&mut a, "d");
    let text = question_text(&a);
    assert!(text.contains("pieces of evidence"), "{text}");
    keys(&mut a, "n");
    assert!(
        a.plan()
            .assumptions
            .iter()
            .any(|x| x.id == "few-chances-to-practise")
    );
}

#[test]
fn unlinking_a_link_with_assumptions_asks_first() {
    let mut a = cafe();
    // A second link, so the output still serves something once this one goes.
    a.change(crate::tui::undo::Edit::Field, |p| {
        p.link("drop-in-sessions", "lasting-connections")
    })
    .expect("linked");
    let before = a.plan().clone();
    super::open::unlink(&mut a, "drop-in-sessions", "regular-conversations");
    assert!(
        matches!(a.question(), Some(Question::Unlink { dependants, .. })
            if dependants.iter().any(|d| d.id == "drop-in-fits-caring")),
        "{:?}",
        a.question()
    );
    keys(&mut a, "n");
    assert_eq!(a.plan(), &before);
}
