//! `tocplan git-setup` names the plans that are here, tracked or not yet, with anchored
//! patterns that reach no other TOML file, and a second run adds nothing already covered.
//! Real git in throwaway repositories.

#[path = "support/repo.rs"]
mod repo;

use std::path::Path;

use repo::*;

/// git's own view: whether `path` diffs and merges with tocplan.
fn routed(d: &Path, path: &str) -> bool {
    let out = git(d, &["check-attr", "diff", "merge", "--", path]);
    let t = text(&out);
    t.contains(": diff: tocplan") && t.contains(": merge: tocplan")
}

fn attributes(d: &Path) -> String {
    std::fs::read_to_string(d.join(".gitattributes")).unwrap_or_default()
}

const CARGO: &str = "[package]\nname = \"x\"\nversion = \"0.1.0\"\n";

#[test]
fn a_new_repository_names_its_root_plan_and_no_other_toml_and_a_second_run_adds_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    write(&d.join("first.toml"), &cafe_text());
    write(&d.join("Cargo.toml"), CARGO);
    write(&d.join("tools/pyproject.toml"), "[project]\nname = \"y\"\n");

    let out = tocplan(d, &["git-setup", "--command", BIN]);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    assert_eq!(attributes(d), "/first.toml diff=tocplan merge=tocplan\n");
    assert!(routed(d, "first.toml"));
    assert!(!routed(d, "Cargo.toml"));
    assert!(!routed(d, "tools/pyproject.toml"));

    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "A plan"]);
    let again = tocplan(d, &["git-setup", "--command", BIN]);
    assert_eq!(again.status.code(), Some(0), "{}", both(&again));
    assert_eq!(attributes(d), "/first.toml diff=tocplan merge=tocplan\n");
    let said = text(&again);
    assert!(
        said.contains("already covered by .gitattributes: first.toml"),
        "{said}"
    );
    assert!(said.contains("nothing changed"), "{said}");
}

#[test]
fn a_folder_of_plans_gets_one_pattern_and_a_plan_beside_other_toml_its_own_line() {
    let dir = repo_with("plans/cafe.toml");
    let d = dir.path();
    write(&d.join("plans/second.toml"), &cafe_text());
    write(&d.join("app/plan.toml"), &cafe_text());
    write(&d.join("app/Cargo.toml"), CARGO);
    write(&d.join("deep/plans/other.toml"), CARGO);

    let out = tocplan(d, &["git-setup", "--command", BIN]);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    assert_eq!(
        attributes(d),
        "/app/plan.toml diff=tocplan merge=tocplan\nplans/*.toml diff=tocplan merge=tocplan\n"
    );
    for plan in ["plans/cafe.toml", "plans/second.toml", "app/plan.toml"] {
        assert!(routed(d, plan), "{plan}");
    }
    for other in ["app/Cargo.toml", "deep/plans/other.toml"] {
        assert!(!routed(d, other), "{other}");
    }

    // A plan added later in the folder is covered already: nothing is added.
    write(&d.join("plans/third.toml"), &cafe_text());
    let again = tocplan(d, &["git-setup", "--command", BIN]);
    assert!(text(&again).contains("nothing changed"), "{}", both(&again));
    assert!(routed(d, "plans/third.toml"));
}

#[test]
fn a_plan_whose_name_has_spaces_or_glob_characters_matches_itself_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    write(&d.join("my plan [v1].toml"), &cafe_text());
    write(&d.join("my plan v.toml"), CARGO);

    let out = tocplan(d, &["git-setup", "--command", BIN]);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    assert!(routed(d, "my plan [v1].toml"), "{}", attributes(d));
    assert!(!routed(d, "my plan v.toml"), "{}", attributes(d));
    let again = tocplan(d, &["git-setup", "--command", BIN]);
    assert!(text(&again).contains("nothing changed"), "{}", both(&again));
}

#[test]
fn a_repository_without_a_plan_says_so_and_names_no_pattern() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    write(&d.join("Cargo.toml"), CARGO);
    let out = tocplan(d, &["git-setup", "--command", BIN]);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    assert!(text(&out).contains("no plan found"), "{}", both(&out));
    assert_eq!(attributes(d), "");
    assert!(!routed(d, "Cargo.toml"));
}
