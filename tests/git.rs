//! `tocplan diff` against git revisions and `show --text` as a real textconv driver, in
//! throwaway repositories.

#[path = "support/repo.rs"]
mod repo;

use std::path::Path;

use repo::{BIN, commit_edit, git, repo, run, text};

/// Changes one measure's target through the library, as the app would.
fn raise_target(path: &Path) {
    let mut plan = tocplan::plan::load(path).expect("load").plan;
    plan.measures[0].target = Some(tocplan::plan::Number::Int(55));
    tocplan::plan::save(&plan, path).expect("save");
}

#[test]
fn diff_against_head_reports_exactly_the_change() {
    let dir = repo();
    let d = dir.path();
    let plan = d.join("plans/cafe.toml");
    let same = run(d, BIN, &["diff", "HEAD", "plans/cafe.toml"]);
    assert_eq!(same.status.code(), Some(0), "{}", text(&same));
    raise_target(&plan);
    let out = run(d, BIN, &["diff", "HEAD", "plans/cafe.toml"]);
    assert_eq!(out.status.code(), Some(1));
    let t = text(&out);
    assert!(t.contains("~ measure `practice-outside-class`"), "{t}");
    assert!(t.contains("target: 40 -> 55"), "{t}");
    assert!(t.contains("Plan: 1 measure changed, 0 removed."), "{t}");
    assert!(!t.contains('\x1b'), "no colour when piped");
    // Without a plan: every plan that changed since the revision.
    let all = run(d, BIN, &["diff", "HEAD"]);
    assert_eq!(all.status.code(), Some(1));
    assert!(text(&all).contains("plans/cafe.toml (HEAD -> working copy)"));
    // Between two revisions, and as Markdown for a pull request.
    git(d, &["commit", "-q", "-am", "Raise the target"]);
    let revs = run(
        d,
        BIN,
        &[
            "diff",
            "HEAD~1",
            "HEAD",
            "plans/cafe.toml",
            "--format",
            "markdown",
        ],
    );
    assert_eq!(revs.status.code(), Some(1));
    assert!(
        text(&revs).contains("**1 measure changed, 0 removed**"),
        "{}",
        text(&revs)
    );
}

#[test]
fn show_text_works_as_a_git_textconv_driver() {
    let dir = repo();
    let d = dir.path();
    let show = format!("{BIN} show --text");
    git(d, &["config", "diff.tocplan.textconv", &show]);
    std::fs::write(d.join(".gitattributes"), "plans/*.toml diff=tocplan\n").expect("write");
    raise_target(&d.join("plans/cafe.toml"));
    let out = git(d, &["diff"]);
    let t = text(&out);
    assert!(t.contains("measure `practice-outside-class`"), "{t}");
    assert!(
        t.contains("-    target: 40") && t.contains("+    target: 55"),
        "{t}"
    );
}

#[test]
fn outside_a_repository_a_revision_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/language-cafe.toml"),
        d.join("p.toml"),
    )
    .expect("copy");
    let out = run(d, BIN, &["diff", "HEAD", "p.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not in a git repository"));
    // Two files need no repository.
    std::fs::copy(d.join("p.toml"), d.join("q.toml")).expect("copy");
    assert_eq!(
        run(d, BIN, &["diff", "p.toml", "q.toml"]).status.code(),
        Some(0)
    );
    raise_target(&d.join("q.toml"));
    let json = run(d, BIN, &["diff", "p.toml", "q.toml", "--format", "json"]);
    assert_eq!(json.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(v[0]["changes"][0]["fields"][0]["field"], "target");
}

#[test]
fn git_setup_is_idempotent_and_the_merge_driver_merges_by_item() {
    let dir = repo();
    let d = dir.path();
    let first = run(d, BIN, &["git-setup", "--command", BIN]);
    assert_eq!(first.status.code(), Some(0));
    let said = text(&first);
    assert!(said.contains("set merge.tocplan.driver"), "{said}");
    assert!(
        said.contains("added to .gitattributes: plans/*.toml diff=tocplan merge=tocplan"),
        "{said}"
    );
    let again = run(d, BIN, &["git-setup", "--command", BIN]);
    assert!(
        text(&again).ends_with("already set up: nothing changed\n"),
        "{}",
        text(&again)
    );
    git(d, &["add", ".gitattributes"]);
    git(d, &["commit", "-q", "-m", "Plans merge by item"]);

    // Two branches edit different items of the plan, close together in the file.
    git(d, &["checkout", "-q", "-b", "a"]);
    commit_edit(d, "target", |p| {
        p.measures[0].target = Some(tocplan::plan::Number::Int(45))
    });
    git(d, &["checkout", "-q", "main"]);
    git(d, &["checkout", "-q", "-b", "b"]);
    commit_edit(d, "method", |p| {
        p.measures[0].method = "A new method".into()
    });
    let merged = run(d, "git", &["merge", "-q", "--no-edit", "a"]);
    assert!(
        merged.status.success(),
        "{}",
        String::from_utf8_lossy(&merged.stderr)
    );
    let plan = tocplan::plan::load(&d.join("plans/cafe.toml"))
        .expect("merged")
        .plan;
    assert_eq!(
        plan.measures[0].target,
        Some(tocplan::plan::Number::Int(45))
    );
    assert_eq!(plan.measures[0].method, "A new method");
    let check = run(d, BIN, &["check", "plans/cafe.toml"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));

    // Two branches change the same field: a conflict that names the item and the field.
    git(d, &["checkout", "-q", "-b", "c"]);
    commit_edit(d, "c", |p| {
        p.measures[0].target = Some(tocplan::plan::Number::Int(50))
    });
    git(d, &["checkout", "-q", "b"]);
    commit_edit(d, "b2", |p| {
        p.measures[0].target = Some(tocplan::plan::Number::Int(60))
    });
    let conflict = run(d, "git", &["merge", "--no-edit", "c"]);
    assert!(!conflict.status.success());
    let said = format!(
        "{}{}",
        text(&conflict),
        String::from_utf8_lossy(&conflict.stderr)
    );
    assert!(
        said.contains("conflict: measure `practice-outside-class`: `target` was changed differently on both sides"),
        "{said}"
    );
    let file = std::fs::read_to_string(d.join("plans/cafe.toml")).expect("read");
    assert!(
        file.contains("<<<<<<< HEAD\ntarget = 60\n=======\ntarget = 50\n>>>>>>> c"),
        "{file}"
    );
    let refused = run(d, BIN, &["check", "plans/cafe.toml"]);
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn log_shows_one_semantic_diff_per_commit_newest_first() {
    let dir = repo();
    let d = dir.path();
    commit_edit(d, "Raise the target", |p| {
        p.measures[0].target = Some(tocplan::plan::Number::Int(45));
    });
    commit_edit(d, "Name the place", |p| p.context.place = "Newtown".into());
    let out = run(d, BIN, &["log", "plans/cafe.toml"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let t = text(&out);
    let place = t.find("Name the place").expect("newest");
    let target = t.find("Raise the target").expect("middle");
    let first = t.find("The café plan").expect("first");
    assert!(place < target && target < first, "{t}");
    assert!(t.contains("place: \"Anytown\" -> \"Newtown\""), "{t}");
    assert!(t.contains("target: 40 -> 45"), "{t}");
    assert!(
        t.contains("+ intermediate outcome `regular-conversations`"),
        "{t}"
    );
    let limited = text(&run(d, BIN, &["log", "-n", "1", "plans/cafe.toml"]));
    assert!(limited.contains("Name the place") && !limited.contains("Raise the target"));
}
