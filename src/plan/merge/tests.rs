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

/// Keeps one side of every conflict block (`true`: ours), as a planner resolving it would.
fn resolve(text: &str, ours: bool) -> Plan {
    let mut out = String::new();
    let mut part = None;
    for line in text.split_inclusive('\n') {
        match line.get(..7) {
            Some("<<<<<<<") => part = Some(0),
            Some("|||||||") => part = Some(1),
            Some("=======") if part.is_some() => part = Some(2),
            Some(">>>>>>>") => part = None,
            _ if part.is_none() || part == Some(if ours { 0 } else { 2 }) => out.push_str(line),
            _ => {}
        }
    }
    let plan = parse_str(&out, std::path::Path::new("m.toml"))
        .expect("a side parses")
        .plan;
    let errors: Vec<_> = crate::plan::validate(&plan, &fw(), &Default::default())
        .into_iter()
        .filter(|d| d.severity == crate::plan::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}\n{out}");
    plan
}

/// Not one of the named cases: a loop made of one link from each side is caught by the
/// validation of the merged plan, and each version takes its side's links.
#[test]
fn a_loop_made_by_both_sides_is_a_conflict_with_sound_versions() {
    let mut base = cafe();
    let second = base.add_outcome("Women lead sessions").expect("add");
    let first = base.outcomes[0].id.clone();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.link(&first, &second).expect("link");
    theirs.link(&second, &first).expect("link");
    let m = m3(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let said = m.conflicts[0].to_string();
    assert!(
        said.starts_with(
            "the merged plan would fail `tocplan check`: outcomes serve each other in a loop"
        ),
        "{said}"
    );
    assert!(resolve(&m.text, true).serves_of(&first).contains(&second));
    assert!(resolve(&m.text, false).serves_of(&second).contains(&first));
}

#[test]
fn dates_that_cross_after_the_merge_are_a_conflict() {
    let base = cafe();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.context.start = "2027-01-01".parse().ok();
    theirs.context.end = "2026-06-30".parse().ok();
    let m = m3(&base, &ours, &theirs);
    assert!(
        m.conflicts.iter().any(|c| c
            .to_string()
            .contains("the plan ends (2026-06-30) before it starts")),
        "{:?}",
        m.conflicts
    );
    resolve(&m.text, true);
    resolve(&m.text, false);
}

#[test]
fn one_item_renamed_differently_on_both_sides_conflicts() {
    let base = cafe();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let old = base.stakeholders[0].id.clone();
    rename::rename(&mut ours, &old, "the-women");
    rename::rename(&mut theirs, &old, "participants");
    let m = m3(&base, &ours, &theirs);
    assert_eq!(
        m.conflicts
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        vec![format!(
            "stakeholder `{old}`: renamed to `the-women` on one side and to `participants` on the other"
        )]
    );
    assert!(resolve(&m.text, true).stakeholder("the-women").is_some());
    assert!(
        resolve(&m.text, false)
            .stakeholder("participants")
            .is_some()
    );
}

/// An item deleted on one side and edited on the other stays where it was in the
/// version that keeps it.
#[test]
fn an_item_kept_against_a_deletion_keeps_its_place() {
    let base = cafe();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let middle = base.outputs[1].id.clone();
    ours.delete(&middle).expect("delete");
    theirs.outputs[1].text = "Theirs: edited".into();
    let m = m3(&base, &ours, &theirs);
    let kept = resolve(&m.text, false);
    assert_eq!(kept.outputs[1].id, middle);
    assert_eq!(kept.outputs.len(), base.outputs.len());
}

#[test]
fn merging_is_deterministic() {
    let base = cafe();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.outputs.reverse();
    ours.measures[0].target = Some(Number::Int(1));
    theirs.measures[0].target = Some(Number::Int(2));
    theirs.delete(&base.stakeholders[2].id).expect("delete");
    let first = m3(&base, &ours, &theirs);
    for _ in 0..3 {
        assert_eq!(m3(&base, &ours, &theirs), first);
    }
}

/// Two different items renamed to one new id on the two sides would become one item (one
/// lost, its links and measures moved to the other): a conflict, never a clean merge.
#[test]
fn two_items_renamed_to_one_id_conflict() {
    let base = cafe();
    let (a, b) = (base.outcomes[0].id.clone(), base.outcomes[1].id.clone());
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    rename::rename(&mut ours, &a, "conn");
    rename::rename(&mut theirs, &b, "conn");
    let merged = m3(&base, &ours, &theirs);
    assert!(!merged.conflicts.is_empty(), "a clean merge lost an item");
    assert!(
        merged.conflicts.iter().any(|c| c.id == "conn"),
        "{:?}",
        merged.conflicts
    );
    // The marked file keeps both outcomes' texts.
    assert!(merged.text.contains(&base.outcomes[0].text[..20]));
    assert!(merged.text.contains(&base.outcomes[1].text[..20]));
}

/// A rename onto an id the other side added for an item of its own: a conflict, and the
/// other side's links keep pointing at its own item.
#[test]
fn a_rename_onto_an_id_the_other_side_added_conflicts() {
    let base = cafe();
    let a = base.outcomes[0].id.clone();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    rename::rename(&mut ours, &a, "connections");
    let id = theirs
        .add_outcome("Something else entirely")
        .expect("an outcome");
    rename::rename(&mut theirs, &id, "connections");
    let merged = m3(&base, &ours, &theirs);
    assert!(
        !merged.conflicts.is_empty(),
        "theirs' outcome was dropped unasked"
    );
    assert!(merged.text.contains("Something else entirely"));
}
