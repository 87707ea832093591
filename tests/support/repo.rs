//! Throwaway git repositories holding the language café plan, and the real binary and git
//! run inside them: shared by the git test files (each uses part of it, hence the allowance).
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_tocplan");

pub fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        // No pager, no colour, and no user or system git config that could change output.
        .env("NO_COLOR", "1")
        .env("GIT_PAGER", "cat")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir.join(".home"))
        .env("XDG_CONFIG_HOME", dir.join(".config"))
        .output()
        .expect("run")
}

/// git, which must succeed.
pub fn git(dir: &Path, args: &[&str]) -> Output {
    let out = run(dir, "git", args);
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

pub fn tocplan(dir: &Path, args: &[&str]) -> Output {
    run(dir, BIN, args)
}

pub fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// stdout and stderr, for assertion messages.
pub fn both(o: &Output) -> String {
    format!("status {:?}\n{}\n{}", o.status.code(), text(o), err(o))
}

pub fn cafe_text() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/language-cafe.toml"))
        .expect("the example plan")
}

/// A repository with the language café committed at `path` (relative to the top).
pub fn repo_with(path: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    write(&d.join(path), &cafe_text());
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "The café plan"]);
    dir
}

/// A repository with the language café committed as plans/cafe.toml.
pub fn repo() -> tempfile::TempDir {
    repo_with("plans/cafe.toml")
}

pub fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

/// Edits the plan at `path` through the library, as the app would.
pub fn edit(path: &Path, change: impl FnOnce(&mut tocplan::plan::Plan)) {
    let mut plan = tocplan::plan::load(path).expect("load").plan;
    change(&mut plan);
    tocplan::plan::save(&plan, path).expect("save");
}

/// Edits plans/cafe.toml and commits everything on the current branch.
pub fn commit_edit(d: &Path, message: &str, change: impl FnOnce(&mut tocplan::plan::Plan)) {
    edit(&d.join("plans/cafe.toml"), change);
    git(d, &["commit", "-q", "-am", message]);
}

pub fn set_target(n: i64) -> impl FnOnce(&mut tocplan::plan::Plan) {
    move |p| p.measures[0].target = Some(tocplan::plan::Number::Int(n))
}

/// `tocplan git-setup` with this build as the driver, committed.
pub fn setup(d: &Path) {
    let out = tocplan(d, &["git-setup", "--command", BIN]);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    git(d, &["add", ".gitattributes"]);
    git(d, &["commit", "-q", "-m", "Plans diff and merge by item"]);
}

/// Whether a diff says `field` went from `old` to `new` (numbers quoted or not).
pub fn changed(diff: &str, field: &str, old: &str, new: &str) -> bool {
    diff.contains(&format!("{field}: {old} -> {new}"))
        || diff.contains(&format!("{field}: \"{old}\" -> \"{new}\""))
}
