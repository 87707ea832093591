//! The merge driver through real git: it is always found, if it cannot run the file still
//! carries both sides, its markers use git's names and style, and its advice loses nothing.

#[path = "support/merge_repo.rs"]
mod merge_repo;

use merge_repo::*;
use tocplan::plan::{Number, Plan};

// 5. The driver is always found, and its advice loses nothing.

/// Adjacent lines of one measure: plain git's line merge would conflict on them.
fn baseline(p: &mut Plan) {
    p.measures[0].baseline = Some(Number::Int(12));
}

fn target(p: &mut Plan) {
    p.measures[0].target = Some(Number::Int(45));
}

#[test]
fn git_setup_records_a_driver_git_finds_without_tocplan_on_path() {
    let dir = repo_with(&[], |_| {});
    let d = dir.path();
    let driver = git(d, &["config", "merge.tocplan.driver"]);
    let driver = String::from_utf8_lossy(&driver.stdout).into_owned();
    let exe = std::fs::canonicalize(BIN).expect("binary");
    assert!(driver.contains(&*exe.to_string_lossy()), "{driver}");
    branches(d, baseline, target);
    let merged = clean_merge(d);
    assert_eq!(merged.measures[0].baseline, Some(Number::Int(12)));
    assert_eq!(merged.measures[0].target, Some(Number::Int(45)));
}

#[test]
fn git_setup_says_where_the_driver_is_and_refuses_a_command_not_on_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    let out = run(d, BIN, &["git-setup", "--command", "tocplan"]);
    assert_eq!(out.status.code(), Some(2), "{}", said(&out));
    assert!(
        said(&out).contains("`tocplan` is not a program git could run"),
        "{}",
        said(&out)
    );
    assert!(
        git(d, &["config", "--list"])
            .stdout
            .windows(7)
            .all(|w| w != b"tocplan")
    );
    let out = run(d, BIN, &["git-setup"]);
    assert!(said(&out).contains("so it needs no PATH"), "{}", said(&out));
}

#[test]
fn a_driver_that_cannot_run_still_leaves_both_sides_in_the_file() {
    let dir = repo_with(&[], |_| {});
    let d = dir.path();
    let driver = git(d, &["config", "merge.tocplan.driver"]);
    let exe = std::fs::canonicalize(BIN).expect("binary");
    let broken = String::from_utf8_lossy(&driver.stdout)
        .trim()
        .replace(&*exe.to_string_lossy(), "/nonexistent/tocplan");
    git(d, &["config", "merge.tocplan.driver", &broken]);
    let textconv = git(d, &["config", "diff.tocplan.textconv"]);
    let broken_view = String::from_utf8_lossy(&textconv.stdout)
        .trim()
        .replace(&*exe.to_string_lossy(), "/nonexistent/tocplan");
    git(d, &["config", "diff.tocplan.textconv", &broken_view]);
    branches(
        d,
        |p| p.measures[0].target = Some(Number::Int(50)),
        |p| p.measures[0].target = Some(Number::Int(60)),
    );
    let out = merge(d, "a");
    assert!(!out.status.success());
    let file = std::fs::read_to_string(d.join(PLAN)).expect("read");
    assert!(
        file.contains("<<<<<<< HEAD\ntarget = 60\n=======\ntarget = 50\n>>>>>>> a"),
        "{file}"
    );
    // Nor does git's diff stop: the file is shown as it is (under a note).
    for args in [&["diff"][..], &["log", "-p", "-1", "a"]] {
        let shown = git(d, args);
        assert!(shown.status.success(), "git {args:?}: {}", said(&shown));
        assert!(
            String::from_utf8_lossy(&shown.stdout).contains("target = 50"),
            "git {args:?}: {}",
            said(&shown)
        );
    }
}

#[test]
fn conflict_markers_use_gits_names_and_the_advice_keeps_the_clean_merges() {
    let dir = repo();
    let d = dir.path();
    branches(
        d,
        |p| {
            p.measures[0].target = Some(Number::Int(50));
            p.goal.text = "A clean change on a".into();
        },
        |p| p.measures[0].target = Some(Number::Int(60)),
    );
    let out = merge(d, "a");
    let text = said(&out);
    assert!(!out.status.success());
    assert!(
        !text.contains("--ours") && !text.contains("--theirs"),
        "{text}"
    );
    assert!(
        text.contains("then run `tocplan check plans/cafe.toml`"),
        "{text}"
    );
    let file = std::fs::read_to_string(d.join(PLAN)).expect("read");
    assert!(
        file.contains("<<<<<<< HEAD\ntarget = 60\n=======\ntarget = 50\n>>>>>>> a\n"),
        "{file}"
    );
    assert!(file.contains("A clean change on a"));
    let check = said(&run(d, BIN, &["check", PLAN]));
    assert!(
        !check.contains("--ours") && check.contains("tocplan check"),
        "{check}"
    );
}

#[test]
fn diff3_style_shows_the_base_between_the_versions() {
    let dir = repo();
    let d = dir.path();
    git(d, &["config", "merge.conflictStyle", "diff3"]);
    branches(
        d,
        |p| p.measures[0].target = Some(Number::Int(50)),
        |p| p.measures[0].target = Some(Number::Int(60)),
    );
    let out = merge(d, "a");
    assert!(!out.status.success());
    let file = std::fs::read_to_string(d.join(PLAN)).expect("read");
    let block = "<<<<<<< HEAD\ntarget = 60\n||||||| ";
    let at = file.find(block).unwrap_or_else(|| panic!("{file}"));
    assert!(
        file[at..].contains("\ntarget = 40\n=======\ntarget = 50\n>>>>>>> a\n"),
        "{file}"
    );
}
