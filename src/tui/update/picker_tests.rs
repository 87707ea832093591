//! The picker from the keyboard: open on an outcome, type, filter, attach, fill in the
//! measure; large banks rank in the background and stale results are dropped.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::tests::{built, ctrl, focus, keys, status};
use super::*;
use crate::framework::{Bank, BankInfo, BankOrigin, Indicator, IndicatorSource, Perspective};
use crate::tui::app::*;

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

#[test]
fn the_picker_opens_only_on_an_outcome() {
    let mut a = built();
    keys(&mut a, "m");
    assert!(a.picker().is_none());
    assert!(
        status(&a).contains("intermediate outcomes"),
        "{}",
        status(&a)
    );
    keys(&mut a, "ll");
    keys(&mut a, "m");
    let p = a.picker().expect("picker");
    assert_eq!(p.outcome, "people-talk");
    assert_eq!(
        p.hits.len(),
        a.engine().len(),
        "an empty query lists every indicator"
    );
}

#[test]
fn typing_ranks_and_enter_attaches_a_measure_then_its_fields_fill_in_order() {
    let mut a = built();
    keys(&mut a, "llmlanguage practice");
    let p = a.picker().expect("picker");
    assert_eq!(
        &*p.hits[0].id,
        "language-and-communication.practice-outside-classes"
    );
    key(&mut a, KeyCode::Enter);
    assert!(a.picker().is_none());
    let m = &a.plan().measures[0];
    assert_eq!(m.outcome, "people-talk");
    assert_eq!(
        m.indicator,
        "language-and-communication.practice-outside-classes"
    );
    assert_eq!(
        a.overlay(),
        Some(&Overlay::Form(Form::Item("people-talk".into())))
    );
    // The cursor waits on why this indicator; each kept field moves on to the next.
    keys(&mut a, "\nTalking outside class is the outcome itself");
    ctrl(&mut a, 's');
    assert_eq!(
        a.plan().measures[0].rationale,
        "Talking outside class is the outcome itself"
    );
    // Comparison groups are optional: past them to the baseline.
    keys(&mut a, "j");
    keys(&mut a, "\n10\n");
    keys(&mut a, "\n40\n");
    // The target in words is optional too (a gap is asked only with two groups).
    keys(&mut a, "j");
    keys(&mut a, "\n2027-06-30\n");
    keys(&mut a, "\nAttendance register");
    ctrl(&mut a, 's');
    let m = &a.plan().measures[0];
    assert_eq!(m.baseline.map(|n| n.to_string()).as_deref(), Some("10"));
    assert_eq!(m.target.map(|n| n.to_string()).as_deref(), Some("40"));
    assert_eq!(
        m.target_date.map(|d| d.to_string()).as_deref(),
        Some("2027-06-30")
    );
    assert_eq!(m.method, "Attendance register");
    // A bad number keeps the editor open with the text.
    focus(&mut a, "Target");
    keys(&mut a, "\n lots\n");
    assert!(a.editor().is_some());
    assert!(status(&a).contains("not a number"), "{}", status(&a));
}

#[test]
fn an_existing_measure_is_marked_and_its_indicator_can_be_replaced() {
    let mut a = built();
    keys(&mut a, "llmesol");
    key(&mut a, KeyCode::Enter);
    let first = a.plan().measures[0].indicator.clone();
    keys(&mut a, "\u{1b}\u{1b}m");
    let marked = a.plan().measures.iter().any(|m| m.indicator == first);
    assert!(marked);
    keys(&mut a, "\u{1b}\n");
    // The Indicator row opens the picker to choose a new one.
    focus(&mut a, "Indicator");
    keys(&mut a, "\n");
    assert_eq!(
        a.picker().and_then(|p| p.replacing.clone()),
        Some(a.plan().measures[0].id.clone())
    );
    keys(&mut a, "dentist");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.plan().measures.len(), 1);
    assert_eq!(
        a.plan().measures[0].indicator,
        "health-and-social-care.dentist"
    );
    keys(&mut a, "u");
    assert_eq!(
        a.plan().measures[0].indicator,
        first,
        "undo restores the old one"
    );
}

#[test]
fn filters_cycle_with_keys_and_no_results_say_so() {
    let mut a = built();
    keys(&mut a, "llm");
    key(&mut a, KeyCode::Tab);
    let p = a.picker().expect("picker");
    assert_eq!(p.query, "#1 ");
    assert!(p.hits.iter().all(|h| h.id.starts_with("work.")));
    update(
        &mut a,
        Msg::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    keys(&mut a, "zzqqxx");
    assert!(a.picker().is_some_and(|p| p.hits.is_empty()));
    key(&mut a, KeyCode::Enter);
    assert!(a.plan().measures.is_empty());
    assert!(status(&a).contains("No indicator matches"));
    key(&mut a, KeyCode::Esc);
    assert!(a.picker().is_none());
}

fn big_bank(n: usize) -> Bank {
    let indicators = (0..n)
        .map(|i| Indicator {
            id: format!("big.{i}"),
            domain: (i % 14) as u8 + 1,
            text: format!("Generated indicator number {i} about volunteering and sport"),
            perspective: Perspective::All,
            keywords: vec![],
            source: IndicatorSource::User,
            quote_source: None,
            data_availability: vec![],
        })
        .collect();
    Bank {
        info: BankInfo {
            id: "big".into(),
            name: "Big".into(),
            description: String::new(),
        },
        indicators,
    }
}

#[test]
fn a_large_bank_ranks_in_the_background_and_stale_results_are_dropped() {
    let mut a = built();
    let mut fw = a.fw().clone();
    fw.add_bank(
        big_bank(RANK_AT_ONCE + 1),
        BankOrigin::File("big.toml".into()),
    )
    .expect("bank");
    a = App::new(a.plan().clone(), a.path().to_path_buf(), fw);
    keys(&mut a, "h");
    let first = keys(&mut a, "m");
    assert!(matches!(
        first.as_slice(),
        [Effect::Rank { generation: 1, .. }]
    ));
    assert!(a.picker().is_some_and(|p| p.pending));
    let second = keys(&mut a, "v");
    let [Effect::Rank { generation, query }] = second.as_slice() else {
        panic!("{second:?}");
    };
    assert_eq!(*generation, 2);
    // The answer to the first query arrives late: it is not shown.
    let stale = a
        .engine()
        .search(&crate::framework::picker::Query::default());
    update(
        &mut a,
        Msg::Ranked {
            generation: 1,
            hits: stale,
        },
    );
    assert!(a.picker().is_some_and(|p| p.pending && p.hits.is_empty()));
    let hits = a.engine().search(query);
    let n = hits.len();
    update(
        &mut a,
        Msg::Ranked {
            generation: 2,
            hits,
        },
    );
    let p = a.picker().expect("picker");
    assert!(!p.pending);
    assert_eq!(p.hits.len(), n);
}
