//! Every kind of change, from fixture pairs (tests/fixtures/diff: base.toml and one
//! `<case>.new.toml` per case).

use std::path::{Path, PathBuf};

use super::*;
use crate::plan::load;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/diff")
        .join(name)
}

fn changes(case: &str) -> Vec<Change> {
    let old = load(&fixture("base.toml")).expect("base").plan;
    let new = load(&fixture(&format!("{case}.new.toml")))
        .expect(case)
        .plan;
    diff(&old, &new)
}

#[test]
fn each_kind_of_change_is_reported_in_plan_terms() {
    let cases = [
        ("goal-changed", "1 goal changed, 0 removed"),
        ("outcome-added", "1 intermediate outcome added, 0 removed"),
        (
            "outcome-reworded",
            "1 intermediate outcome changed, 0 removed",
        ),
        ("target-changed", "1 measure changed, 0 removed"),
        ("baseline-changed", "1 measure changed, 0 removed"),
        ("link-added", "1 output changed, 0 removed"),
        ("reading-added", "1 reading added, 0 removed"),
        ("stakeholder-changed", "1 stakeholder changed, 0 removed"),
        ("evidence-changed", "1 evidence changed, 0 removed"),
        ("assumption-changed", "1 assumption changed, 0 removed"),
        ("activity-removed", "1 activity removed"),
        ("reordered", "No changes."),
        (
            "renamed-id",
            "1 output renamed, 3 activities changed, 1 assumption changed, 0 removed",
        ),
    ];
    for (case, want) in cases {
        let got = render::summary(&changes(case));
        assert_eq!(got, want, "{case}: {:#?}", changes(case));
    }
}

#[test]
fn field_changes_show_old_and_new_and_prose_as_a_word_diff() {
    let c = changes("target-changed");
    let Change::Changed { fields, .. } = &c[0] else {
        panic!("{c:?}");
    };
    assert_eq!(fields.len(), 1);
    assert_eq!(fields[0].field, "target");
    let text = to_text("t", &c, Style { color: false });
    assert!(text.contains("target: \"40\" -> \"45\""), "{text}");
    let text = to_text("t", &changes("goal-changed"), Style { color: false });
    assert!(
        text.contains("every [-day-]{+day, at home and at work+}"),
        "{text}"
    );
    assert!(text.contains("~ goal"), "{text}");
    assert!(
        text.ends_with("Plan: 1 goal changed, 0 removed.\n"),
        "{text}"
    );
    let colored = to_text("t", &changes("goal-changed"), Style { color: true });
    assert!(colored.contains("\x1b[32m"));
}

#[test]
fn a_renamed_id_is_reported_as_a_rename_with_the_links_that_follow_it() {
    let c = changes("renamed-id");
    assert!(c.iter().any(|c| matches!(c,
        Change::Renamed { kind: "output", from, to, .. }
            if from == "drop-in-sessions" && to == "drop-in-cafe-sessions")));
    assert!(
        !c.iter()
            .any(|c| matches!(c, Change::Added { .. } | Change::Removed { .. }))
    );
}

#[test]
fn markdown_and_json_carry_the_same_changes() {
    let c = changes("outcome-added");
    let md = to_markdown("plans/p.toml", &c);
    assert!(md.contains("| + | intermediate outcome \\`feel-welcome\\` | added: The women feel welcome in local clubs |"), "{md}");
    let json: serde_json::Value = serde_json::from_str(&to_json(&c).expect("json")).expect("parse");
    assert_eq!(json["changes"][0]["change"], "added");
    assert_eq!(json["changes"][0]["id"], "feel-welcome");
    assert_eq!(json["summary"], "1 intermediate outcome added, 0 removed");
}

#[test]
fn removed_outcomes_and_links_are_reported() {
    let old = load(&fixture("base.toml")).expect("base").plan;
    let mut new = old.clone();
    let out = new.outputs[0].id.clone();
    let to = new.outputs[0].serves[0].clone();
    new.outputs[0].serves.push(new.outcomes[1].id.clone());
    let linked = render::summary(&diff(&old, &new));
    assert_eq!(linked, "1 output changed, 0 removed");
    new.unlink(&out, &to).expect("unlink");
    let c = diff(&old, &new);
    let Some(Change::Changed { fields, .. }) = c.iter().find(|c| c.kind() == "output") else {
        panic!("{c:?}");
    };
    assert_eq!(fields[0].field, "serves");
    let mut gone = old.clone();
    let last = gone.outcomes.last().expect("outcome").id.clone();
    gone.delete(&last).expect("delete");
    let c = diff(&old, &gone);
    assert!(c.iter().any(|c| matches!(c,
        Change::Removed { kind: "outcome", id, .. } if *id == last)));
    assert!(
        render::summary(&c).contains("1 intermediate outcome removed"),
        "{}",
        render::summary(&c)
    );
}
