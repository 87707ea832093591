//! The guide panel: one key shows and hides it, its advice follows what is focused, and it
//! never covers the field being edited.

use super::tests::{cafe, ctrl, focus, keys, screen, status};
use crate::tui::guide::advice;

fn shown(a: &crate::tui::App) -> String {
    advice(a).text()
}

#[test]
fn one_key_shows_and_hides_the_guide_where_the_planner_is() {
    let mut a = cafe();
    assert!(!a.guide);
    keys(&mut a, "i");
    assert!(a.guide, "{}", status(&a));
    assert!(screen(&a).contains("Guide: 1 Goal"), "{}", screen(&a));
    // The same key turns its pages while there are more, then hides it.
    let first = screen(&a);
    keys(&mut a, "i");
    assert!(a.guide, "a second page at 80x24");
    assert_ne!(screen(&a), first);
    assert!(screen(&a).contains("↑ "), "{}", screen(&a));
    for _ in 0..20 {
        if !a.guide {
            break;
        }
        keys(&mut a, "i");
    }
    assert!(!a.guide);
    assert!(!screen(&a).contains("Guide: 1 Goal"));
    // In a form and in the editor too (there `i` is text: Ctrl-g).
    keys(&mut a, "h\ni");
    assert!(a.guide);
    keys(&mut a, "e");
    assert!(
        screen(&a).contains("Guide: 2 Intermediate"),
        "{}",
        screen(&a)
    );
    a.viewport = (120, 60);
    ctrl(&mut a, 'g');
    assert!(
        !a.guide,
        "Ctrl-g hides it from the editor (one page at 120x60)"
    );
    assert!(a.editor().is_some(), "the edit goes on");
}

#[test]
fn the_page_turned_is_kept_for_that_advice_only() {
    let mut a = cafe();
    keys(&mut a, "ii");
    assert_ne!(a.guide_page.1, 0);
    // Another pane's advice starts at its top.
    keys(&mut a, "h");
    assert!(screen(&a).contains("Guide: 2 Intermediate"));
    assert!(!screen(&a).contains("↑ "), "{}", screen(&a));
}

#[test]
fn a_terminal_too_small_for_the_guide_says_so() {
    let mut a = cafe();
    a.viewport = (40, 9);
    keys(&mut a, "i");
    assert!(a.guide);
    assert!(status(&a).contains("taller terminal"), "{}", status(&a));
}

#[test]
fn each_pane_gives_its_question_and_its_backward_questions() {
    let mut a = cafe();
    let goal = shown(&a);
    assert!(
        goal.contains("What long-term changes do we want to see?"),
        "{goal}"
    );
    assert!(
        goal.contains("What long-term difference (impact)"),
        "{goal}"
    );
    keys(&mut a, "h");
    let outcomes = shown(&a);
    assert!(
        outcomes.contains("Which indicator from the bank reflects"),
        "{outcomes}"
    );
    keys(&mut a, "h");
    assert!(shown(&a).contains("Which two key outputs"), "{}", shown(&a));
    keys(&mut a, "h");
    assert!(shown(&a).contains("What initiative would address the problem?"));
}

#[test]
fn the_barriers_table_while_writing_an_activitys_barrier() {
    let mut a = cafe();
    keys(&mut a, "hhh\n");
    focus(&mut a, "Barrier");
    let text = shown(&a);
    for name in [
        "Leadership and coordination",
        "Priority setting",
        "Commitment to evaluation",
    ] {
        assert!(text.contains(name), "{name}: {text}");
    }
    // And while the barrier is being typed.
    keys(&mut a, "e");
    assert!(a.editor().is_some());
    assert!(shown(&a).contains("Priority setting"));
    // Resources are another field, other advice.
    keys(&mut a, "\u{1b}");
    focus(&mut a, "Resources");
    assert!(!shown(&a).contains("Priority setting"));
}

#[test]
fn the_stakeholders_form_gives_the_inclusion_advice_and_the_five_agreements() {
    let mut a = cafe();
    keys(&mut a, "S");
    let text = shown(&a);
    assert!(text.contains("interpreter"), "{text}");
    assert!(text.contains("gender and age"), "{text}");
    assert!(text.contains("disability"), "{text}");
    assert!(
        text.contains("Responsibility for each action and each stage"),
        "{text}"
    );
}

#[test]
fn the_evaluation_view_gives_the_evaluation_and_analysis_advice() {
    let mut a = cafe();
    keys(&mut a, "E");
    let text = shown(&a);
    assert!(text.contains("step 6"), "{text}");
    assert!(text.contains("Data collection method"), "{text}");
    assert!(
        text.contains("Analyse the data at regular reviews"),
        "{text}"
    );
}

#[test]
fn the_review_gives_the_step_each_finding_belongs_to() {
    let mut a = super::tests::built();
    keys(&mut a, "R");
    let ordered: Vec<&'static str> = crate::tui::update::ordered_findings(a.findings())
        .iter()
        .map(|f| f.rule)
        .collect();
    assert!(!ordered.is_empty(), "a plan built by keys has findings");
    for (i, rule) in ordered.iter().enumerate() {
        a.cursor_mut().expect("cursor").set(i, ordered.len());
        let text = shown(&a);
        let reason = a.fw().worksheet.review_reason(rule).expect("reason");
        assert!(text.contains(&reason.reason), "{rule}: {text}");
        if let Some(step) = reason.step.as_deref() {
            let step = a.fw().worksheet.step(step).expect("step");
            assert!(text.contains(&step.prompt), "{rule}: {text}");
        }
    }
}

#[test]
fn an_assumption_on_a_link_is_framed_for_the_link() {
    let mut a = cafe();
    keys(&mut a, "hh\n");
    let rows = crate::tui::form::rows(
        a.plan(),
        a.fw(),
        &crate::tui::Form::Item(a.plan().outputs[0].id.clone()),
    );
    let link = rows
        .iter()
        .position(|r| r.link.is_some())
        .expect("a link row");
    a.cursor_mut().expect("cursor").set(link, rows.len());
    assert!(shown(&a).contains("assumption on a link"), "{}", shown(&a));
}

#[test]
fn the_guide_never_covers_the_field_being_edited() {
    for (w, h) in [(80, 24), (120, 40), (60, 20), (40, 12)] {
        let mut a = cafe();
        a.viewport = (w, h);
        keys(&mut a, "i");
        keys(&mut a, "hhh\n");
        focus(&mut a, "Barrier");
        keys(&mut a, "e");
        let s = screen(&a);
        let barrier = a.plan().activities[0].barrier.clone();
        let first: String = barrier
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            s.contains(&first),
            "{w}x{h}: the barrier being edited is hidden:\n{s}"
        );
    }
}

#[test]
fn the_guides_own_fields_each_get_their_advice() {
    // The fields the guide asked for (issue 17) each lead to the guide's words on them, not
    // to the baseline-and-target advice every measure field used to fall back to.
    let mut a = cafe();
    keys(&mut a, "h\n");
    focus(&mut a, "How it is analysed");
    let text = shown(&a);
    assert!(text.contains("analysed"), "{text}");
    assert!(!text.contains("baseline and target"), "{text}");
    focus(&mut a, "Why this indicator");
    assert!(shown(&a).contains("choosing an indicator"), "{}", shown(&a));
}
