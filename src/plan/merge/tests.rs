use super::*;
use crate::plan::{Number, find_conflicts, load, parse_str};

fn cafe() -> Plan {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/language-cafe.toml");
    load(&path).expect("load").plan
}

fn fw() -> crate::framework::Framework {
    crate::framework::Framework::builtin().expect("framework")
}

fn m3(base: &Plan, ours: &Plan, theirs: &Plan) -> Merged {
    merge(base, ours, theirs, &fw(), &Style::default())
}

fn clean(m: &Merged) -> Plan {
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    parse_str(&m.text, std::path::Path::new("merged.toml"))
        .expect("merged plan parses")
        .plan
}

#[test]
fn edits_to_different_items_and_fields_merge_cleanly() {
    let base = cafe();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.goal.text = "Ours: a new goal".into();
    ours.measures[0].target = Some(Number::Int(45));
    theirs.measures[0].method = "Theirs: a new method".into();
    theirs.outcomes[1].text = "Theirs: reworded".into();
    let merged = clean(&m3(&base, &ours, &theirs));
    assert_eq!(merged.goal.text, "Ours: a new goal");
    assert_eq!(merged.measures[0].target, Some(Number::Int(45)));
    assert_eq!(merged.measures[0].method, "Theirs: a new method");
    assert_eq!(merged.outcomes[1].text, "Theirs: reworded");
}

#[test]
fn additions_on_both_sides_and_links_merge_as_sets() {
    let base = cafe();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.add_outcome("Ours: women lead sessions").expect("add");
    theirs
        .add_outcome("Theirs: residents learn phrases")
        .expect("add");
    let out = base.outputs[0].id.clone();
    let targets: Vec<String> = base.outcomes.iter().map(|o| o.id.clone()).collect();
    let extra = targets
        .iter()
        .find(|t| !base.outputs[0].serves.contains(t))
        .expect("an outcome it does not serve")
        .clone();
    ours.link(&out, &extra).expect("link");
    let removed = base.outputs[0].serves[0].clone();
    theirs.outputs[0].serves.retain(|s| *s != removed);
    theirs.outputs[0].serves.push(extra.clone());
    let merged = clean(&m3(&base, &ours, &theirs));
    assert_eq!(merged.outcomes.len(), base.outcomes.len() + 2);
    let serves = &merged.outputs[0].serves;
    assert!(
        serves.contains(&extra) && !serves.contains(&removed),
        "{serves:?}"
    );
    assert_eq!(serves.iter().filter(|s| **s == extra).count(), 1);
}

#[test]
fn the_same_field_changed_twice_conflicts_with_both_sides_marked() {
    let base = cafe();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.measures[0].target = Some(Number::Int(45));
    theirs.measures[0].target = Some(Number::Int(50));
    theirs.goal.text = "Theirs: a clean change".into();
    let m = m3(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!((c.kind, c.what.clone()), ("measure", What::Field("target")));
    assert_eq!(
        c.to_string(),
        format!(
            "measure `{}`: `target` was changed differently on both sides",
            base.measures[0].id
        )
    );
    assert!(
        m.text
            .contains("<<<<<<< ours\ntarget = 45\n=======\ntarget = 50\n>>>>>>> theirs\n"),
        "{}",
        m.text
    );
    assert!(
        m.text.contains("Theirs: a clean change"),
        "the clean change is in both sides"
    );
    assert!(
        !find_conflicts(&m.text).is_empty(),
        "tocplan recognises the result"
    );
}

#[test]
fn deleting_what_the_other_side_edited_conflicts() {
    let base = cafe();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let last = base.activities.last().expect("activity").id.clone();
    ours.delete(&last).expect("delete");
    theirs.activities.last_mut().expect("activity").barrier = "Theirs: edited".into();
    let m = m3(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert_eq!(m.conflicts[0].what, What::DeletedAndEdited);
    assert!(m.text.contains("Theirs: edited"));
    // Deleting what the other side left alone is clean.
    let merged = clean(&m3(&base, &ours, &base));
    assert!(merged.activities.iter().all(|a| a.id != last));
}

#[test]
fn identical_changes_agree() {
    let base = cafe();
    let mut both = base.clone();
    both.context.place = "Newtown".into();
    both.add_stakeholder("Library", Group::Institutions);
    let merged = clean(&m3(&base, &both, &both));
    assert_eq!(
        merged,
        parse_str(&to_toml(&both), std::path::Path::new("x"))
            .expect("p")
            .plan
    );
}

/// Both sides rewrote the same long text: the driver's markers fall inside a multi-line
/// string, and the result is still refused, never read with the markers as text.
#[test]
fn a_conflict_inside_a_multi_line_text_is_still_refused() {
    let mut base = cafe();
    base.context.problem = "one\ntwo\nthree\nfour".into();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.context.problem = "one\nours\nthree\nfour".into();
    theirs.context.problem = "one\ntheirs\nthree\nfour".into();
    let m = m3(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    assert!(m.text.contains("one\n<<<<<<< ours\n"), "{}", m.text);
    assert!(!find_conflicts(&m.text).is_empty());
    assert!(parse_str(&m.text, std::path::Path::new("m.toml")).is_err());
}
