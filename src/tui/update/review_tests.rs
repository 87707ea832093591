//! The review in the app: it follows every change, Enter goes to the item, panes mark
//! what has findings.

use super::tests::{built, focus, keys, status};
use super::*;
use crate::tui::app::*;

fn counting(a: &App, rule: &str) -> usize {
    a.findings()
        .iter()
        .filter(|f| f.rule == rule && f.counts())
        .count()
}

#[test]
fn the_review_follows_edits_undo_and_redo() {
    let mut a = built();
    assert_eq!(
        counting(&a, "shared-responsibility"),
        2,
        "no responsible, no stakeholders"
    );
    keys(&mut a, "S");
    keys(&mut a, "aVolunteers\njj\n\u{1b}");
    keys(&mut a, "\n");
    focus(&mut a, "Responsible");
    keys(&mut a, "\nvolunteers");
    crate::tui::update::tests::ctrl(&mut a, 's');
    assert_eq!(a.plan().activities[0].responsible, vec!["volunteers"]);
    assert_eq!(
        counting(&a, "shared-responsibility"),
        1,
        "only the missing groups"
    );
    keys(&mut a, "u");
    assert_eq!(counting(&a, "shared-responsibility"), 2);
    crate::tui::update::tests::ctrl(&mut a, 'r');
    assert_eq!(counting(&a, "shared-responsibility"), 1);
    assert!(!a.flagged("run-the-cafe"));
}

#[test]
fn enter_on_a_finding_goes_to_its_item() {
    let mut a = built();
    assert!(a.flagged("people-talk"), "no measure, no assumption");
    keys(&mut a, "R");
    assert_eq!(a.overlay(), Some(&Overlay::Review));
    let order = ordered_findings(a.findings());
    let i = order
        .iter()
        .position(|f| f.at == crate::plan::review::At::Item("people-talk".into()))
        .expect("a finding on the outcome");
    for _ in 0..i {
        keys(&mut a, "j");
    }
    keys(&mut a, "\n");
    assert_eq!(
        a.overlay(),
        Some(&Overlay::Form(Form::Item("people-talk".into())))
    );
    assert_eq!(
        (a.pane, a.selected().as_deref()),
        (OUTCOMES, Some("people-talk"))
    );
    keys(&mut a, "\u{1b}:review\n");
    assert_eq!(a.overlay(), Some(&Overlay::Review));
    keys(&mut a, "G\n");
    assert!(a.overlay().is_some(), "{}", status(&a));
}
