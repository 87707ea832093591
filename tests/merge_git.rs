//! The merge driver through real git, in throwaway repositories: a merge git commits is a
//! sound plan, and a merge keeps what each side did.

#[path = "support/merge_repo.rs"]
mod merge_repo;

use merge_repo::*;
use tocplan::plan::Plan;

// 1. A merge that git commits is a sound plan.

#[test]
fn deleting_an_output_the_other_side_links_to_is_a_named_conflict() {
    let dir = repo();
    let d = dir.path();
    branches(
        d,
        |p| {
            p.delete("supported-practice").expect("delete");
        },
        |p| p.link("club-tasters", "supported-practice").expect("link"),
    );
    let (ours, theirs) = conflict(
        d,
        "activity `club-tasters` now serves output `supported-practice`, which the other side deleted",
    );
    // Ours (b) keeps the output and its new link; theirs (a) deleted both.
    assert!(ours.outputs.iter().any(|o| o.id == "supported-practice"));
    assert!(
        ours.serves_of("club-tasters")
            .contains(&"supported-practice".to_string())
    );
    assert!(theirs.outputs.iter().all(|o| o.id != "supported-practice"));
}

#[test]
fn deleting_a_stakeholder_the_other_side_makes_responsible_is_a_named_conflict() {
    let dir = repo();
    let d = dir.path();
    branches(
        d,
        |p| {
            p.delete("local-clubs").expect("delete");
        },
        |p| {
            let a = p.activities.iter_mut().find(|a| a.id == "co-design");
            a.expect("activity").responsible = vec!["local-clubs".into()];
        },
    );
    let (ours, theirs) = conflict(
        d,
        "activity `co-design` now names stakeholder `local-clubs` as responsible, which the other side deleted",
    );
    assert!(ours.stakeholder("local-clubs").is_some());
    assert_eq!(
        ours.activity("co-design").map(|a| a.responsible.clone()),
        Some(vec!["local-clubs".to_string()])
    );
    assert!(theirs.stakeholder("local-clubs").is_none());
}

#[test]
fn deleting_a_measure_the_other_side_records_a_reading_of_is_a_named_conflict() {
    let dir = repo();
    let d = dir.path();
    git(d, &["checkout", "-q", "-b", "a"]);
    commit_edit(d, "a", |p| {
        p.delete("practice-outside-class").expect("delete");
    });
    git(d, &["checkout", "-q", "-b", "b", "main"]);
    let rec = run(
        d,
        BIN,
        &[
            "record",
            PLAN,
            "practice-outside-class",
            "12",
            "--date",
            "2026-09-01",
        ],
    );
    assert_eq!(rec.status.code(), Some(0), "{}", said(&rec));
    git(d, &["commit", "-q", "-am", "A reading"]);
    let (ours, theirs) = conflict(
        d,
        "reading `practice-outside-class on 2026-09-01` was recorded for measure `practice-outside-class`, which the other side deleted",
    );
    assert!(ours.measure("practice-outside-class").is_some());
    assert!(
        ours.readings
            .iter()
            .any(|r| r.measure == "practice-outside-class")
    );
    assert!(theirs.measure("practice-outside-class").is_none());
    assert!(
        theirs
            .readings
            .iter()
            .all(|r| r.measure != "practice-outside-class")
    );
}

#[test]
fn two_new_items_of_different_kinds_under_one_id_are_a_named_conflict() {
    let dir = repo();
    let d = dir.path();
    branches(
        d,
        |p| {
            let id = p
                .add_output("regular-conversations", "New thing")
                .expect("output");
            assert_eq!(id, "new-thing");
        },
        |p| {
            let id = p.add_outcome("New thing").expect("outcome");
            assert_eq!(id, "new-thing");
        },
    );
    let (ours, theirs) = conflict(
        d,
        "intermediate outcome `new-thing` and output `new-thing` were added on different sides with the same id",
    );
    assert_eq!(
        ours.kind_of("new-thing"),
        Some(tocplan::plan::Kind::Outcome)
    );
    assert_eq!(
        theirs.kind_of("new-thing"),
        Some(tocplan::plan::Kind::Output)
    );
}

// 4. A merge keeps what each side did.

fn swap_outputs(p: &mut Plan) {
    p.outputs.swap(0, 2);
}

fn output_order(p: &Plan) -> Vec<String> {
    p.outputs.iter().map(|o| o.id.clone()).collect()
}

#[test]
fn a_reorder_on_either_side_survives_an_edit_on_the_other() {
    let moved = vec![
        "social-activities",
        "supported-practice",
        "drop-in-sessions",
    ];
    for reorder_on_a in [true, false] {
        let dir = repo();
        let d = dir.path();
        let edit = |p: &mut Plan| p.outputs[1].text = "Edited on the other side".into();
        if reorder_on_a {
            branches(d, swap_outputs, edit);
        } else {
            branches(d, edit, swap_outputs);
        }
        let merged = clean_merge(d);
        assert_eq!(output_order(&merged), moved, "reorder on a: {reorder_on_a}");
        assert_eq!(
            merged.outputs[1].text, "Edited on the other side",
            "reorder on a: {reorder_on_a}"
        );
    }
}

#[test]
fn a_rebase_keeps_a_commit_that_only_reorders() {
    let dir = repo();
    let d = dir.path();
    git(d, &["checkout", "-q", "-b", "moves"]);
    commit_edit(d, "Put the social activities first", swap_outputs);
    git(d, &["checkout", "-q", "main"]);
    commit_edit(d, "Edit an output", |p| {
        p.outputs[1].text = "Edited upstream".into()
    });
    git(d, &["checkout", "-q", "moves"]);
    let out = run(d, "git", &["rebase", "main"]);
    assert!(out.status.success(), "{}", said(&out));
    let log = git(d, &["log", "--format=%s", "main..moves"]);
    assert_eq!(
        String::from_utf8_lossy(&log.stdout).trim(),
        "Put the social activities first"
    );
    let merged = load(d);
    assert_eq!(
        output_order(&merged),
        vec![
            "social-activities",
            "supported-practice",
            "drop-in-sessions"
        ]
    );
    assert_eq!(merged.outputs[1].text, "Edited upstream");
}

/// A rename as a planner would make one: the id and every reference to it.
fn rename_output(p: &mut Plan) {
    for o in &mut p.outputs {
        if o.id == "social-activities" {
            o.id = "club-activities".into();
        }
    }
    for a in &mut p.activities {
        for s in &mut a.serves {
            if s == "social-activities" {
                *s = "club-activities".into();
            }
        }
    }
    for a in &mut p.assumptions {
        if let tocplan::plan::About::Link { from, .. } | tocplan::plan::About::Item(from) =
            &mut a.about
            && from == "social-activities"
        {
            *from = "club-activities".into();
        }
    }
}

#[test]
fn a_rename_on_one_side_takes_the_other_sides_edit_along() {
    for rename_on_a in [true, false] {
        let dir = repo();
        let d = dir.path();
        let edit = |p: &mut Plan| {
            let o = p.outputs.iter_mut().find(|o| o.id == "social-activities");
            o.expect("output").text = "Monthly club tasters at the café".into();
        };
        if rename_on_a {
            branches(d, rename_output, edit);
        } else {
            branches(d, edit, rename_output);
        }
        let merged = clean_merge(d);
        let ids = output_order(&merged);
        assert_eq!(
            ids,
            vec!["drop-in-sessions", "supported-practice", "club-activities"],
            "rename on a: {rename_on_a}"
        );
        assert_eq!(merged.outputs[2].text, "Monthly club tasters at the café");
        assert!(
            merged
                .serves_of("club-tasters")
                .contains(&"club-activities".into())
        );
    }
}

#[test]
fn edits_to_different_lines_of_one_long_text_merge() {
    // A text of three real lines (the café's problem is one paragraph).
    let dir = repo_with(&["--command", BIN], |p| {
        p.context.problem = "First line.\nSecond line.\nThird line.".into();
    });
    let d = dir.path();
    let line = |n: usize, to: &'static str| {
        move |p: &mut Plan| {
            let mut lines: Vec<String> = p.context.problem.lines().map(str::to_string).collect();
            lines[n] = to.into();
            p.context.problem = lines.join("\n");
        }
    };
    branches(
        d,
        line(0, "First line, edited on a."),
        line(2, "Last line, edited on b."),
    );
    let merged = clean_merge(d);
    let lines: Vec<&str> = merged.context.problem.lines().collect();
    assert_eq!(lines[0], "First line, edited on a.");
    assert_eq!(lines[2], "Last line, edited on b.");
    assert_eq!(lines.len(), 3);
}

#[test]
fn edits_to_different_entries_of_one_list_merge() {
    let dir = repo();
    let d = dir.path();
    branches(
        d,
        |p| {
            p.activities[0].resources[0] = "Funds: room hire (£5,000 a year)".into();
            p.context.key_domains[0] = 10;
        },
        |p| {
            p.activities[0].resources[2] = "Materials: picture prompts".into();
            p.context.key_domains[2] = 4;
        },
    );
    let merged = clean_merge(d);
    assert_eq!(
        merged.activities[0].resources,
        vec![
            "Funds: room hire (£5,000 a year)",
            "Staff: café coordinator, 0.4 FTE",
            "Materials: picture prompts"
        ]
    );
    assert_eq!(merged.context.key_domains, vec![10, 7, 4]);
}

/// Renames that collide: two different items renamed to one id on the two sides, and a
/// rename onto an id the other side added. Each is a conflict with both versions sound
/// and both items kept, never a clean merge that loses one (found by trying it).
#[test]
fn renames_onto_one_id_are_conflicts_keeping_both_items() {
    fn rename_outcome(p: &mut Plan, from: &str, to: &str) {
        let text = tocplan::plan::to_toml(p).replace(&format!("\"{from}\""), &format!("\"{to}\""));
        *p = tocplan::plan::parse_str(&text, std::path::Path::new("p.toml"))
            .expect("renamed")
            .plan;
    }
    let dir = repo();
    let d = dir.path();
    let (first, second) = {
        let p = load(d);
        (p.outcomes[0].id.clone(), p.outcomes[1].id.clone())
    };
    let (f, s) = (first.clone(), second.clone());
    branches(
        d,
        move |p| rename_outcome(p, &f, "conn"),
        move |p| rename_outcome(p, &s, "conn"),
    );
    let (ours, theirs) = conflict(d, "`conn`");
    for plan in [&ours, &theirs] {
        assert_eq!(plan.outcomes.len(), 2, "both outcomes kept in each version");
    }
}

/// The version that keeps a measure the other side deleted keeps it as its side has it:
/// with its earlier readings too, not only the one that made the conflict (found by
/// trying it).
#[test]
fn the_version_that_keeps_a_deleted_item_keeps_what_depends_on_it() {
    let date = |s: &str| s.parse::<tocplan::plan::Date>().expect("date");
    let dir = repo_with(&["--command", BIN], |p| {
        p.add_reading(
            "simple-conversation",
            date("2026-04-10"),
            tocplan::plan::Number::Int(7),
            "",
            false,
        )
        .expect("an earlier reading");
    });
    let d = dir.path();
    branches(
        d,
        |p| {
            p.delete("simple-conversation").expect("delete");
        },
        |p| {
            p.add_reading(
                "simple-conversation",
                date("2026-09-01"),
                tocplan::plan::Number::Int(12),
                "",
                false,
            )
            .expect("a new reading");
        },
    );
    let (ours, _theirs) = conflict(d, "which the other side deleted");
    let kept: Vec<String> = ours
        .readings
        .iter()
        .filter(|r| r.measure == "simple-conversation")
        .map(|r| r.date.to_string())
        .collect();
    assert_eq!(kept, vec!["2026-04-10", "2026-09-01"], "{kept:?}");
}
