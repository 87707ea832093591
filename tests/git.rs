//! `tocplan diff` against git revisions and `show --text` as a real textconv driver, in
//! throwaway repositories.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_tocplan");

fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", dir.join(".config"))
        .output()
        .expect("run")
}

fn git(dir: &Path, args: &[&str]) -> Output {
    let out = run(dir, "git", args);
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A repository with the language café committed as plans/cafe.toml.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    std::fs::create_dir(d.join("plans")).expect("mkdir");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/language-cafe.toml"),
        d.join("plans/cafe.toml"),
    )
    .expect("copy");
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "The café plan"]);
    dir
}

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
    assert!(t.contains("target: \"40\" -> \"55\""), "{t}");
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
