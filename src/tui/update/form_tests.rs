//! Forms: every kind of field edited by keys, choices, adding and deleting, undo.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::tests::{built, ctrl, keys, status};
use super::*;
use crate::plan::{EvidenceKind, Group};
use crate::tui::app::*;

fn row_label(a: &App) -> String {
    let Some(Overlay::Form(form)) = a.overlay() else {
        return String::new();
    };
    let rows = crate::tui::form::rows(a.plan(), a.fw(), form);
    rows.get(a.cursor().at())
        .map(|r| r.label.clone())
        .unwrap_or_default()
}

/// Moves the form's cursor down to the first field with this label.
fn to_field(a: &mut App, label: &str) {
    keys(a, "g");
    for _ in 0..40 {
        if row_label(a) == label {
            return;
        }
        keys(a, "j");
    }
    panic!("no field {label}");
}

fn with_stakeholders() -> App {
    let mut a = built();
    keys(&mut a, "S");
    assert_eq!(a.overlay(), Some(&Overlay::Form(Form::Stakeholders)));
    keys(&mut a, "aCafé volunteers\n");
    // The group is asked for at once.
    let choice = a.choice().cloned().expect("group chooser");
    assert_eq!(choice.options.len(), 3);
    keys(&mut a, "j\n");
    keys(&mut a, "aAnytown College\njj\n");
    keys(&mut a, "\u{1b}");
    a
}

#[test]
fn stakeholders_are_added_with_a_group_and_edited() {
    let mut a = with_stakeholders();
    let s = &a.plan().stakeholders;
    assert_eq!(s.len(), 2);
    assert_eq!(
        (s[0].name.as_str(), s[0].group),
        ("Café volunteers", Group::ReceivingCommunity)
    );
    assert_eq!(s[1].group, Group::Institutions);
    keys(&mut a, "S");
    to_field(&mut a, "Role");
    keys(&mut a, "\nHost the tables\n");
    assert_eq!(a.plan().stakeholders[0].role, "Host the tables");
    to_field(&mut a, "Name");
    keys(&mut a, "d");
    assert_eq!(a.plan().stakeholders.len(), 1, "{}", status(&a));
    keys(&mut a, "u");
    assert_eq!(a.plan().stakeholders.len(), 2);
}

#[test]
fn an_activity_gets_resources_a_barrier_and_a_responsible_stakeholder() {
    let mut a = with_stakeholders();
    assert_eq!(a.pane, ACTIVITIES);
    keys(&mut a, "\n");
    to_field(&mut a, "Resources");
    // Enter starts a new line in a list; Ctrl-s keeps it.
    keys(&mut a, "\nFunds: room hire\nStaff: coordinator");
    ctrl(&mut a, 's');
    let act = &a.plan().activities[0];
    assert_eq!(
        act.resources,
        vec!["Funds: room hire", "Staff: coordinator"]
    );
    to_field(&mut a, "Barrier");
    keys(&mut a, "\nClasses are hard to reach\n");
    // Responsibility is shared: stakeholders by id or by name, one per line.
    to_field(&mut a, "Responsible");
    keys(&mut a, "\nanytown-college");
    ctrl(&mut a, 's');
    let act = &a.plan().activities[0];
    assert_eq!(act.barrier, "Classes are hard to reach");
    assert_eq!(act.responsible, vec!["anytown-college"]);
    to_field(&mut a, "Responsible");
    keys(&mut a, "\n\nCAFÉ VOLUNTEERS");
    ctrl(&mut a, 's');
    assert_eq!(
        a.plan().activities[0].responsible,
        vec!["anytown-college", "cafe-volunteers"],
        "{}",
        status(&a)
    );
    // Someone not in the plan is refused, naming who is.
    to_field(&mut a, "Partners");
    keys(&mut a, "\nthe mayor");
    ctrl(&mut a, 's');
    assert!(
        status(&a).contains("cafe-volunteers, anytown-college"),
        "{}",
        status(&a)
    );
    assert!(a.plan().activities[0].partners.is_empty());
    keys(&mut a, "\u{1b}");
    // Each change undoes on its own.
    keys(&mut a, "u");
    assert_eq!(a.plan().activities[0].responsible, vec!["anytown-college"]);
    keys(&mut a, "u");
    assert!(a.plan().activities[0].responsible.is_empty());
    keys(&mut a, "u");
    assert_eq!(a.plan().activities[0].barrier, "");
    keys(&mut a, "u");
    assert!(a.plan().activities[0].resources.is_empty());
    ctrl(&mut a, 'r');
    assert_eq!(a.plan().activities[0].resources.len(), 2);
}

#[test]
fn the_responsible_chooser_needs_stakeholders_first() {
    let mut a = built();
    keys(&mut a, "\n");
    to_field(&mut a, "Responsible");
    keys(&mut a, "\n");
    assert!(a.choice().is_none());
    assert!(status(&a).contains("No stakeholders yet"), "{}", status(&a));
}

#[test]
fn the_context_is_edited_and_bad_values_keep_the_editor_open() {
    let mut a = built();
    keys(&mut a, "C");
    to_field(&mut a, "Start");
    keys(&mut a, "\n5 January\n");
    assert!(a.editor().is_some(), "the typed text is not lost");
    assert!(status(&a).contains("YYYY-MM-DD"), "{}", status(&a));
    for _ in 0.."5 January".len() {
        update(
            &mut a,
            Msg::Key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)),
        );
    }
    keys(&mut a, "2026-01-05\n");
    assert!(a.editor().is_none());
    to_field(&mut a, "End");
    keys(&mut a, "\n2025-01-01\n");
    assert!(status(&a).contains("before the start"), "{}", status(&a));
    keys(&mut a, "\u{1b}");
    to_field(&mut a, "Key domains");
    keys(&mut a, "\nlanguage, social bridges, work\n");
    to_field(&mut a, "Place");
    keys(&mut a, "\nAnytown\n");
    to_field(&mut a, "Integration problem");
    keys(&mut a, "\nIsolated women\nwith little English");
    ctrl(&mut a, 's');
    let c = &a.plan().context;
    assert_eq!(
        c.start.map(|d| d.to_string()).as_deref(),
        Some("2026-01-05")
    );
    assert_eq!(c.end, None);
    assert_eq!(c.key_domains, vec![9, 7, 1]);
    assert_eq!(c.place, "Anytown");
    assert_eq!(c.problem, "Isolated women\nwith little English");
}

#[test]
fn an_assumption_then_its_evidence_by_keys() {
    let mut a = built();
    keys(&mut a, "ll");
    assert_eq!(a.pane, OUTCOMES);
    keys(&mut a, "Aclasses are hard to get to\n");
    assert_eq!(
        a.overlay(),
        Some(&Overlay::Form(Form::Item("people-talk".into())))
    );
    assert_eq!(row_label(&a), "Assumption");
    assert!(status(&a).contains("press a"), "{}", status(&a));
    keys(&mut a, "aAttendance fell by half");
    ctrl(&mut a, 's');
    assert_eq!(row_label(&a), "Kind");
    keys(&mut a, "\njj\n");
    to_field(&mut a, "Source");
    keys(&mut a, "\nCollege records, 2025\n");
    let e = &a.plan().evidence[0];
    assert_eq!(e.assumption, a.plan().assumptions[0].id);
    assert_eq!(e.kind, Some(EvidenceKind::Statistical));
    assert_eq!(e.source, "College records, 2025");
    assert!(
        a.plan().assumptions[0]
            .text
            .starts_with("The barrier to integration in this case is classes")
    );
    // d on an evidence row deletes the evidence only.
    to_field(&mut a, "Evidence");
    keys(&mut a, "d");
    assert!(a.plan().evidence.is_empty());
    assert_eq!(a.plan().assumptions.len(), 1);
}

#[test]
fn the_panes_nudge_for_evidence_before_outputs() {
    let mut a = built();
    keys(&mut a, "llAthe barrier\n\u{1b}h");
    assert!(status(&a).contains("no evidence"), "{}", status(&a));
}

#[test]
fn save_as_writes_elsewhere_and_follows_the_new_name() {
    let mut a = built();
    let effects = keys(&mut a, ":w other.toml\n");
    let [Effect::Save { path, version, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(path, &std::path::PathBuf::from("other.toml"));
    let saved = Saved {
        path: path.clone(),
        version: *version,
        fingerprint: 1,
    };
    update(&mut a, Msg::Saved(Ok(saved)));
    assert_eq!(a.path(), std::path::PathBuf::from("other.toml"));
    assert!(!a.dirty());
}

#[test]
fn save_as_expands_a_leading_tilde_to_the_home_folder() {
    let home = dirs::home_dir().expect("a home folder");
    let mut a = built();
    let effects = keys(&mut a, ":w ~/plans/x.toml\n");
    let [Effect::Save { path, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(path, &home.join("plans/x.toml"));
    // Only a leading `~/`: elsewhere it is part of the name.
    let effects = keys(&mut a, ":w a~/x.toml\n");
    let [Effect::Save { path, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(path, &std::path::PathBuf::from("a~/x.toml"));
}

#[test]
fn random_keys_in_every_mode_never_panic_and_always_render() {
    let mut a = built();
    let all: Vec<char> = "hjklgGaoAdSCeu\n\u{1b}\t:/?nNyx ".chars().collect();
    let mut seed: u64 = 11;
    for step in 0..4000 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let c = all[(seed >> 33) as usize % all.len()];
        keys(&mut a, &c.to_string());
        match seed % 13 {
            0 => drop(ctrl(&mut a, 'r')),
            1 => drop(ctrl(&mut a, 's')),
            _ => {}
        }
        if step % 7 == 0 {
            let w = 1 + (seed >> 20) as u16 % 140;
            let h = 1 + (seed >> 40) as u16 % 50;
            let backend = ratatui::backend::TestBackend::new(w, h);
            let mut term = ratatui::Terminal::new(backend).expect("terminal");
            term.draw(|f| crate::tui::render(&a, f)).expect("draw");
        }
    }
}

#[test]
fn link_rows_follow_explain_and_unlink() {
    let mut a = built();
    keys(&mut a, "llaSecond outcome\n"); // pane 2 now has two outcomes
    keys(&mut a, "h"); // outputs: a-cafe ...
    keys(&mut a, "lj"); // ... and in outcomes, the second
    keys(&mut a, "h+");
    assert_eq!(a.plan().outputs[0].serves.len(), 2, "{}", status(&a));
    keys(&mut a, "\n");
    assert_eq!(a.overlay(), Some(&Overlay::Form(Form::Item("cafe".into()))));
    to_field(&mut a, "→");
    // A on a link states why the link holds.
    keys(&mut a, "Aweekly contact builds trust\n");
    let link = crate::plan::About::Link {
        from: "cafe".into(),
        to: "people-talk".into(),
    };
    assert_eq!(a.plan().assumptions[0].about, link);
    // d unlinks, asking first as the link's assumption goes with it; the last link is
    // refused, so nothing is orphaned.
    to_field(&mut a, "→");
    keys(&mut a, "d");
    assert!(matches!(a.question(), Some(Question::Unlink { .. })));
    keys(&mut a, "y");
    assert_eq!(a.plan().outputs[0].serves, vec!["second-outcome"]);
    assert!(
        a.plan().assumptions.is_empty(),
        "the link's assumption goes with it"
    );
    to_field(&mut a, "→");
    keys(&mut a, "d");
    assert_eq!(a.plan().outputs[0].serves.len(), 1);
    assert!(status(&a).contains("would serve nothing"), "{}", status(&a));
    // Enter on a link row opens the item at its other end.
    to_field(&mut a, "←");
    keys(&mut a, "\n");
    assert_eq!(
        a.overlay(),
        Some(&Overlay::Form(Form::Item("run-the-cafe".into())))
    );
    assert_eq!(
        (a.pane, a.selected().as_deref()),
        (ACTIVITIES, Some("run-the-cafe"))
    );
}

#[test]
fn undo_and_redo_reach_every_kind_of_form_change() {
    let mut a = with_stakeholders();
    let start = a.plan().clone();
    keys(&mut a, "C");
    to_field(&mut a, "Place");
    keys(&mut a, "\nAnytown\n");
    keys(&mut a, "\u{1b}lllAwhy\n");
    keys(&mut a, "aseen");
    ctrl(&mut a, 's');
    keys(&mut a, "\njj\n"); // evidence kind
    keys(&mut a, "\u{1b}S");
    to_field(&mut a, "Group");
    keys(&mut a, "\nk\n");
    let end = a.plan().clone();
    let mut steps = 0;
    while *a.plan() != start {
        keys(&mut a, "u");
        steps += 1;
        assert!(steps < 20, "undo never reached the start");
    }
    assert_eq!(steps, 5, "place, assumption, evidence, kind, group");
    for _ in 0..steps {
        ctrl(&mut a, 'r');
    }
    assert_eq!(*a.plan(), end);
}
