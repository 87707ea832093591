//! What the second trial as a planner found (a welcome-buddies plan built at 80x24 over
//! a plain terminal), each as it was seen: a plan the app saved that `check` rejected,
//! readings kept that counted nowhere, and a key that lost typed text.

use super::tests::{cafe, ctrl, focus, keys, status};
use crate::tui::app::*;

fn errors(a: &App) -> Vec<String> {
    crate::plan::validate(a.plan(), a.fw(), &crate::plan::SourceMap::default())
        .into_iter()
        .filter(|d| d.severity == crate::plan::Severity::Error)
        .map(|d| d.message)
        .collect()
}

/// Taking a group out of a measure left its readings for a group the measure was not read
/// for: saved, the plan opened read-only next time. Now they go with it, it says so, and
/// undo brings both back.
#[test]
fn removing_a_group_takes_its_readings_says_so_and_the_plan_still_checks() {
    let mut a = cafe();
    a.select("lasting-connections");
    keys(&mut a, "\n");
    focus(&mut a, "Groups compared");
    keys(&mut a, "\n");
    let ed = a.editor_mut().expect("the groups editor");
    ed.area = ratatui_textarea::TextArea::from(["Local residents at the café"]);
    let before = a.plan().readings.len();
    ctrl(&mut a, 's');
    assert!(errors(&a).is_empty(), "{:?}", errors(&a));
    assert_eq!(a.plan().readings.len(), before - 1);
    assert!(
        status(&a).contains("the removed group's reading went with it"),
        "{}",
        status(&a)
    );
    keys(&mut a, "u");
    assert_eq!(a.plan().readings.len(), before);
    assert!(errors(&a).is_empty(), "{:?}", errors(&a));
}

/// A line feed (what some terminals send for Enter) deleted the line before the cursor in
/// the editor; it is Enter now: a new line in longer text, keep in a one-line field.
#[test]
fn ctrl_j_is_enter_and_never_deletes_typed_text() {
    let mut a = cafe();
    keys(&mut a, "hhh\n");
    focus(&mut a, "Resources");
    keys(&mut a, "\n");
    assert!(a.editor().is_some_and(|e| e.multiline));
    ctrl(&mut a, 'e');
    keys(&mut a, "\nPaper cups");
    ctrl(&mut a, 'j');
    keys(&mut a, "Tea");
    let text = a.editor().expect("editor").area.lines().join("\n");
    assert!(text.ends_with("\nPaper cups\nTea"), "{text:?}");
    let mut a = cafe();
    keys(&mut a, "e");
    assert!(a.editor().is_some_and(|e| !e.multiline));
    ctrl(&mut a, 'j');
    assert!(
        a.editor().is_none(),
        "Ctrl-j keeps a one-line edit, as Enter does"
    );
}

/// "residents: 40" said "`residents:` is not a number", and a reading for no group on a
/// measure judged on the gap between groups was kept and counted nowhere.
#[test]
fn a_reading_must_name_a_group_the_gap_measure_is_read_for() {
    let mut a = cafe();
    keys(&mut a, "E");
    let rows = crate::plan::evaluation::rows(a.plan(), a.fw());
    let at = rows.iter().position(|r| r.gap).expect("a gap measure");
    for _ in 0..at {
        keys(&mut a, "j");
    }
    let n = a.plan().readings.len();
    keys(&mut a, "r");
    let title = a.editor().expect("the reading editor").title.clone();
    assert!(title.contains("its group first"), "{title}");
    assert!(title.contains("optional"), "{title}");
    keys(&mut a, "residents: 40 2026-06-30\n");
    assert!(a.editor().is_some(), "the text stays to be put right");
    assert!(
        status(&a).contains("1 `Women in the target group`"),
        "{}",
        status(&a)
    );
    assert!(!status(&a).contains("not a number"), "{}", status(&a));
    let ed = a.editor_mut().expect("editor");
    ed.area = ratatui_textarea::TextArea::from(["40 2026-06-30"]);
    keys(&mut a, "\n");
    assert!(a.editor().is_some());
    assert!(
        status(&a).contains("gap between its groups"),
        "{}",
        status(&a)
    );
    let ed = a.editor_mut().expect("editor");
    ed.area = ratatui_textarea::TextArea::from(["local: 40 2026-06-30"]);
    keys(&mut a, "\n");
    assert!(a.editor().is_none(), "{}", status(&a));
    assert_eq!(a.plan().readings.len(), n + 1);
    assert_eq!(
        a.plan().readings.last().map(|r| r.group.as_str()),
        Some("Local residents at the café")
    );
}

/// The review said "Output output '…'" and "Measure measure 'language-and-communic…'":
/// the kind once, with its capital, and a measure by its indicator's words.
#[test]
fn the_review_names_each_item_once_and_a_measure_by_its_indicators_words() {
    let fw = crate::framework::Framework::builtin().expect("framework");
    let mut p = crate::plan::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/language-cafe.toml"),
    )
    .expect("example")
    .plan;
    p.measures[0].rationale.clear();
    p.outputs[0].target = None;
    let said: Vec<String> = crate::plan::review::review(&p, &fw)
        .iter()
        .map(|f| crate::tui::render::by_words(&p, &fw, &f.message))
        .collect();
    let all = said.join("\n");
    for twice in [
        "Output output",
        "Measure measure",
        "Outcome intermediate",
        "Assumption assumption",
    ] {
        assert!(!all.contains(twice), "{all}");
    }
    let ind = fw.indicator(&p.measures[0].indicator).expect("indicator");
    let first_words: String = ind.text.split(' ').take(2).collect::<Vec<_>>().join(" ");
    assert!(all.contains(&format!("Measure '{first_words}")), "{all}");
    assert!(all.contains("Output '"), "{all}");
}

/// A reading dated in the future was kept and became the "latest" everywhere (the view,
/// the exports, the report), hiding the real one: it is refused where it is typed.
#[test]
fn a_reading_dated_after_today_is_refused() {
    let mut a = cafe();
    keys(&mut a, "E");
    let n = a.plan().readings.len();
    keys(&mut a, "r55 2999-01-01 future\n");
    assert!(a.editor().is_some(), "the text stays to be put right");
    assert!(status(&a).contains("is after today"), "{}", status(&a));
    assert_eq!(a.plan().readings.len(), n);
}

/// `R` in a form did nothing and said nothing, and the planner typed on into nothing: a
/// letter with no action in a view says so.
#[test]
fn a_letter_that_does_nothing_in_a_view_says_so() {
    let mut a = cafe();
    keys(&mut a, "\n");
    assert!(matches!(a.overlay(), Some(Overlay::Form(_))));
    keys(&mut a, "R");
    assert!(
        status(&a).contains("R does nothing here: ? lists the keys"),
        "{}",
        status(&a)
    );
}
